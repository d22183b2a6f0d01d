/* vigie-investigation.c — investigations and their activities: records, validation, CRUD.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigie-investigation.h"
#include "vigie-store-private.h"
#include "vigie-util.h"
#include "vigie-validate.h"
#include "vigie-vocab.h"

VigieInvestigationRecord *
vigie_investigation_record_new (void)
{
  VigieInvestigationRecord *r = g_new0 (VigieInvestigationRecord, 1);

  r->title = g_strdup ("");
  r->trigger = g_strdup ("worker_complaint");
  r->start_date = vigie_today_iso ();
  r->status = g_strdup ("planned");
  r->notes = g_strdup ("");
  r->partner_name = g_strdup ("");
  return r;
}

VigieInvestigationRecord *
vigie_investigation_record_copy (const VigieInvestigationRecord *record)
{
  VigieInvestigationRecord *r;

  g_return_val_if_fail (record != NULL, NULL);
  r = g_new0 (VigieInvestigationRecord, 1);
  *r = *record;
  r->uuid = g_strdup (record->uuid);
  r->title = g_strdup (record->title);
  r->trigger = g_strdup (record->trigger);
  r->start_date = g_strdup (record->start_date);
  r->end_date = g_strdup (record->end_date);
  r->status = g_strdup (record->status);
  r->notes = g_strdup (record->notes);
  r->partner_name = g_strdup (record->partner_name);
  return r;
}

void
vigie_investigation_record_free (VigieInvestigationRecord *r)
{
  if (r == NULL)
    return;
  g_free (r->uuid);
  g_free (r->title);
  g_free (r->trigger);
  g_free (r->start_date);
  g_free (r->end_date);
  g_free (r->status);
  g_free (r->notes);
  g_free (r->partner_name);
  g_free (r);
}

VigieActivityRecord *
vigie_activity_record_new (void)
{
  VigieActivityRecord *r = g_new0 (VigieActivityRecord, 1);

  r->method = g_strdup ("offsite_interview");
  r->start_date = vigie_today_iso ();
  r->notes = g_strdup ("");
  return r;
}

VigieActivityRecord *
vigie_activity_record_copy (const VigieActivityRecord *record)
{
  VigieActivityRecord *r;

  g_return_val_if_fail (record != NULL, NULL);
  r = g_new0 (VigieActivityRecord, 1);
  *r = *record;
  r->uuid = g_strdup (record->uuid);
  r->method = g_strdup (record->method);
  r->start_date = g_strdup (record->start_date);
  r->end_date = g_strdup (record->end_date);
  r->notes = g_strdup (record->notes);
  return r;
}

void
vigie_activity_record_free (VigieActivityRecord *r)
{
  if (r == NULL)
    return;
  g_free (r->uuid);
  g_free (r->method);
  g_free (r->start_date);
  g_free (r->end_date);
  g_free (r->notes);
  g_free (r);
}

void
vigie_organisation_info_free (VigieOrganisationInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info->country);
  g_free (info);
}

static void
add_error (GPtrArray  *errors,
           const char *field,
           char       *reason)
{
  VigieFieldError *e = g_new0 (VigieFieldError, 1);

  e->field = field;
  e->reason = reason;
  g_ptr_array_add (errors, e);
}

static gboolean
empty_str (const char *s)
{
  return s == NULL || *s == '\0';
}

static void
check_dates (GPtrArray  *errors,
             const char *start,
             const char *end)
{
  char *reason = NULL;

  if (empty_str (start))
    add_error (errors, "start_date", g_strdup (_("Enter the start date.")));
  else if (!vigie_validate_date (start, &reason))
    add_error (errors, "start_date", g_steal_pointer (&reason));
  g_clear_pointer (&reason, g_free);
  if (!empty_str (end))
    {
      if (!vigie_validate_date (end, &reason))
        add_error (errors, "end_date", g_steal_pointer (&reason));
      else if (!empty_str (start) && vigie_validate_date (start, NULL) && strcmp (end, start) < 0)
        add_error (errors, "end_date", g_strdup (_("The end date is before the start date.")));
      g_clear_pointer (&reason, g_free);
    }
}

GPtrArray *
vigie_investigation_validate (VigieStore                     *store,
                              const VigieInvestigationRecord *record)
{
  GPtrArray *errors = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_field_error_free);

  g_return_val_if_fail (record != NULL, errors);

  if (record->site_id <= 0)
    add_error (errors, "site_id", g_strdup (_("Choose the site investigated.")));
  if (!vigie_vocab_is_valid (VIGIE_VOCAB_INVESTIGATION_TRIGGER, record->trigger))
    add_error (errors, "trigger", g_strdup (_("Choose what triggered the investigation.")));
  if (!vigie_vocab_is_valid (VIGIE_VOCAB_INVESTIGATION_STATUS, record->status))
    add_error (errors, "status", g_strdup (_("Choose a status.")));
  if (record->title != NULL && g_utf8_strlen (record->title, -1) > 300)
    add_error (errors, "title", g_strdup (_("The title is too long.")));
  check_dates (errors, record->start_date, record->end_date);
  if (store != NULL && record->partner_id > 0)
    {
      sqlite3_stmt *stmt = vigie_store_prepare (store, "SELECT kind FROM organisations "
                                                       "WHERE id = ?1", NULL);

      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, record->partner_id);
          if (sqlite3_step (stmt) != SQLITE_ROW)
            add_error (errors, "partner_id", g_strdup (_("This partner no longer exists.")));
          sqlite3_reset (stmt);
        }
    }
  return errors;
}

GPtrArray *
vigie_activity_validate (const VigieActivityRecord *record)
{
  GPtrArray *errors = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_field_error_free);

  g_return_val_if_fail (record != NULL, errors);

  if (!vigie_vocab_is_valid (VIGIE_VOCAB_ACTIVITY_METHOD, record->method))
    add_error (errors, "method", g_strdup (_("Choose a method.")));
  check_dates (errors, record->start_date, record->end_date);
  if (record->participants_total < 0)
    add_error (errors, "participants_total",
               g_strdup (_("The number of participants cannot be negative.")));
  if (record->participants_women < 0 || record->participants_women > record->participants_total)
    add_error (errors, "participants_women",
               g_strdup (_("Women participants must be between 0 and the total.")));
  if (record->participants_migrant < 0
      || record->participants_migrant > record->participants_total)
    add_error (errors, "participants_migrant",
               g_strdup (_("Migrant participants must be between 0 and the total.")));
  return errors;
}

static gboolean
refuse_invalid (GPtrArray  *errors,
                GError    **error)
{
  VigieFieldError *first;

  if (errors->len == 0)
    return FALSE;
  first = g_ptr_array_index (errors, 0);
  g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_CONSTRAINT, "%s", first->reason);
  return TRUE;
}

static char *
dup_or_empty (sqlite3_stmt *stmt,
              int           col)
{
  char *text = vigie_column_dup (stmt, col);

  return text != NULL ? text : g_strdup ("");
}

/* ─── Investigations ─────────────────────────────────────────────────────── */

#define INVESTIGATION_SELECT \
  "SELECT i.id, i.uuid, i.site_id, coalesce (i.partner_id, 0), i.title, i.trigger," \
  "       i.start_date, i.end_date, i.status, i.notes, coalesce (o.name, '')," \
  "       (SELECT count (*) FROM findings f WHERE f.investigation_id = i.id)," \
  "       (SELECT count (*) FROM investigation_activities a WHERE a.investigation_id = i.id)" \
  "  FROM investigations i LEFT JOIN organisations o ON o.id = i.partner_id "

static VigieInvestigationRecord *
read_investigation (sqlite3_stmt *stmt)
{
  VigieInvestigationRecord *r = g_new0 (VigieInvestigationRecord, 1);

  r->id = sqlite3_column_int64 (stmt, 0);
  r->uuid = dup_or_empty (stmt, 1);
  r->site_id = sqlite3_column_int64 (stmt, 2);
  r->partner_id = sqlite3_column_int64 (stmt, 3);
  r->title = dup_or_empty (stmt, 4);
  r->trigger = dup_or_empty (stmt, 5);
  r->start_date = dup_or_empty (stmt, 6);
  r->end_date = vigie_column_dup (stmt, 7);
  r->status = dup_or_empty (stmt, 8);
  r->notes = dup_or_empty (stmt, 9);
  r->partner_name = dup_or_empty (stmt, 10);
  r->n_findings = sqlite3_column_int (stmt, 11);
  r->n_activities = sqlite3_column_int (stmt, 12);
  return r;
}

VigieInvestigationRecord *
vigie_store_get_investigation (VigieStore  *store,
                               gint64       id,
                               GError     **error)
{
  sqlite3_stmt *stmt;
  VigieInvestigationRecord *r = NULL;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  stmt = vigie_store_prepare (store, INVESTIGATION_SELECT "WHERE i.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    r = read_investigation (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND,
                 _("The investigation no longer exists."));
  else
    vigie_store_set_error (store, rc, error);
  sqlite3_reset (stmt);
  return r;
}

GPtrArray *
vigie_store_list_investigations (VigieStore  *store,
                                 gint64       site_id,
                                 GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  stmt = vigie_store_prepare (store, INVESTIGATION_SELECT
                              "WHERE i.site_id = ?1 ORDER BY i.start_date DESC, i.id DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, site_id);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_investigation_record_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, read_investigation (stmt));
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}

static void
bind_investigation (sqlite3_stmt                   *stmt,
                    const VigieInvestigationRecord *r,
                    const char                     *now)
{
  sqlite3_bind_int64 (stmt, 2, r->site_id);
  if (r->partner_id > 0)
    sqlite3_bind_int64 (stmt, 3, r->partner_id);
  else
    sqlite3_bind_null (stmt, 3);
  vigie_bind_text_or_empty (stmt, 4, r->title);
  vigie_bind_text_or_empty (stmt, 5, r->trigger);
  vigie_bind_text_or_empty (stmt, 6, r->start_date);
  vigie_bind_text (stmt, 7, empty_str (r->end_date) ? NULL : r->end_date);
  vigie_bind_text_or_empty (stmt, 8, r->status);
  vigie_bind_text_or_empty (stmt, 9, r->notes);
  sqlite3_bind_text (stmt, 10, now, -1, SQLITE_TRANSIENT);
}

gint64
vigie_store_insert_investigation (VigieStore                *store,
                                  VigieInvestigationRecord  *record,
                                  GError                   **error)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *now = vigie_now_iso ();
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (VIGIE_IS_STORE (store), 0);

  errors = vigie_investigation_validate (store, record);
  if (refuse_invalid (errors, error))
    return 0;
  if (!vigie_store_begin (store, error))
    return 0;
  stmt = vigie_store_prepare (store, "INSERT INTO investigations (uuid, site_id, partner_id, "
                                     "title, trigger, start_date, end_date, status, notes, "
                                     "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                                     "?7, ?8, ?9, ?10, ?10)", error);
  if (stmt == NULL)
    goto fail;
  if (empty_str (record->uuid))
    {
      g_free (record->uuid);
      record->uuid = vigie_uuid_new ();
    }
  sqlite3_bind_text (stmt, 1, record->uuid, -1, SQLITE_TRANSIENT);
  bind_investigation (stmt, record, now);
  if (!vigie_store_step_done (store, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (vigie_store_get_db (store));
  json = vigie_store_snapshot (store, "investigations", id);
  if (!vigie_store_audit (store, "investigations", id, "insert", NULL, json, error))
    goto fail;
  if (!vigie_store_commit (store, error))
    goto fail;
  record->id = id;
  return id;

fail:
  vigie_store_rollback (store);
  return 0;
}

gboolean
vigie_store_update_investigation (VigieStore                     *store,
                                  const VigieInvestigationRecord *record,
                                  GError                        **error)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *now = vigie_now_iso ();
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);

  errors = vigie_investigation_validate (store, record);
  if (refuse_invalid (errors, error))
    return FALSE;
  if (!vigie_store_begin (store, error))
    return FALSE;
  old_json = vigie_store_snapshot (store, "investigations", record->id);
  if (old_json == NULL)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND,
                   _("The investigation no longer exists."));
      goto fail;
    }
  stmt = vigie_store_prepare (store, "UPDATE investigations SET site_id = ?2, partner_id = ?3, "
                                     "title = ?4, trigger = ?5, start_date = ?6, end_date = ?7, "
                                     "status = ?8, notes = ?9, updated_at = ?10 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, record->id);
  bind_investigation (stmt, record, now);
  if (!vigie_store_step_done (store, stmt, error))
    goto fail;
  new_json = vigie_store_snapshot (store, "investigations", record->id);
  if (!vigie_store_audit (store, "investigations", record->id, "update", old_json, new_json,
                          error))
    goto fail;
  return vigie_store_commit (store, error);

fail:
  vigie_store_rollback (store);
  return FALSE;
}

static gboolean
delete_row (VigieStore  *store,
            const char  *table,
            const char  *sql,
            gint64       id,
            GError     **error)
{
  g_autofree char *old_json = NULL;
  sqlite3_stmt *stmt;

  if (!vigie_store_begin (store, error))
    return FALSE;
  old_json = vigie_store_snapshot (store, table, id);
  if (old_json == NULL)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND,
                   _("The record no longer exists."));
      goto fail;
    }
  stmt = vigie_store_prepare (store, sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!vigie_store_step_done (store, stmt, error))
    goto fail;
  if (!vigie_store_audit (store, table, id, "delete", old_json, NULL, error))
    goto fail;
  return vigie_store_commit (store, error);

fail:
  vigie_store_rollback (store);
  return FALSE;
}

gboolean
vigie_store_delete_investigation (VigieStore  *store,
                                  gint64       id,
                                  GError     **error)
{
  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);
  /* Findings keep existing (investigation_id becomes NULL); activities go with it. */
  return delete_row (store, "investigations", "DELETE FROM investigations WHERE id = ?1", id,
                     error);
}

/* ─── Activities ─────────────────────────────────────────────────────────── */

GPtrArray *
vigie_store_list_activities (VigieStore  *store,
                             gint64       investigation_id,
                             GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  stmt = vigie_store_prepare (store, "SELECT id, uuid, investigation_id, method, start_date, "
                                     "end_date, participants_total, participants_women, "
                                     "participants_migrant, notes FROM investigation_activities "
                                     "WHERE investigation_id = ?1 ORDER BY start_date, id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, investigation_id);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_activity_record_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigieActivityRecord *r = g_new0 (VigieActivityRecord, 1);

      r->id = sqlite3_column_int64 (stmt, 0);
      r->uuid = dup_or_empty (stmt, 1);
      r->investigation_id = sqlite3_column_int64 (stmt, 2);
      r->method = dup_or_empty (stmt, 3);
      r->start_date = dup_or_empty (stmt, 4);
      r->end_date = vigie_column_dup (stmt, 5);
      r->participants_total = sqlite3_column_int64 (stmt, 6);
      r->participants_women = sqlite3_column_int64 (stmt, 7);
      r->participants_migrant = sqlite3_column_int64 (stmt, 8);
      r->notes = dup_or_empty (stmt, 9);
      g_ptr_array_add (list, r);
    }
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}

static void
bind_activity (sqlite3_stmt              *stmt,
               const VigieActivityRecord *r,
               const char                *now)
{
  sqlite3_bind_int64 (stmt, 2, r->investigation_id);
  vigie_bind_text_or_empty (stmt, 3, r->method);
  vigie_bind_text_or_empty (stmt, 4, r->start_date);
  vigie_bind_text (stmt, 5, empty_str (r->end_date) ? NULL : r->end_date);
  sqlite3_bind_int64 (stmt, 6, r->participants_total);
  sqlite3_bind_int64 (stmt, 7, r->participants_women);
  sqlite3_bind_int64 (stmt, 8, r->participants_migrant);
  vigie_bind_text_or_empty (stmt, 9, r->notes);
  sqlite3_bind_text (stmt, 10, now, -1, SQLITE_TRANSIENT);
}

gint64
vigie_store_insert_activity (VigieStore           *store,
                             VigieActivityRecord  *record,
                             GError              **error)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *now = vigie_now_iso ();
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (VIGIE_IS_STORE (store), 0);

  errors = vigie_activity_validate (record);
  if (refuse_invalid (errors, error))
    return 0;
  if (!vigie_store_begin (store, error))
    return 0;
  stmt = vigie_store_prepare (store, "INSERT INTO investigation_activities (uuid, "
                                     "investigation_id, method, start_date, end_date, "
                                     "participants_total, participants_women, "
                                     "participants_migrant, notes, created_at, updated_at) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
                              error);
  if (stmt == NULL)
    goto fail;
  if (empty_str (record->uuid))
    {
      g_free (record->uuid);
      record->uuid = vigie_uuid_new ();
    }
  sqlite3_bind_text (stmt, 1, record->uuid, -1, SQLITE_TRANSIENT);
  bind_activity (stmt, record, now);
  if (!vigie_store_step_done (store, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (vigie_store_get_db (store));
  json = vigie_store_snapshot (store, "investigation_activities", id);
  if (!vigie_store_audit (store, "investigation_activities", id, "insert", NULL, json, error))
    goto fail;
  if (!vigie_store_commit (store, error))
    goto fail;
  record->id = id;
  return id;

fail:
  vigie_store_rollback (store);
  return 0;
}

gboolean
vigie_store_update_activity (VigieStore                 *store,
                             const VigieActivityRecord  *record,
                             GError                    **error)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *now = vigie_now_iso ();
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);

  errors = vigie_activity_validate (record);
  if (refuse_invalid (errors, error))
    return FALSE;
  if (!vigie_store_begin (store, error))
    return FALSE;
  old_json = vigie_store_snapshot (store, "investigation_activities", record->id);
  if (old_json == NULL)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND,
                   _("The record no longer exists."));
      goto fail;
    }
  stmt = vigie_store_prepare (store, "UPDATE investigation_activities SET investigation_id = ?2, "
                                     "method = ?3, start_date = ?4, end_date = ?5, "
                                     "participants_total = ?6, participants_women = ?7, "
                                     "participants_migrant = ?8, notes = ?9, updated_at = ?10 "
                                     "WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, record->id);
  bind_activity (stmt, record, now);
  if (!vigie_store_step_done (store, stmt, error))
    goto fail;
  new_json = vigie_store_snapshot (store, "investigation_activities", record->id);
  if (!vigie_store_audit (store, "investigation_activities", record->id, "update", old_json,
                          new_json, error))
    goto fail;
  return vigie_store_commit (store, error);

fail:
  vigie_store_rollback (store);
  return FALSE;
}

gboolean
vigie_store_delete_activity (VigieStore  *store,
                             gint64       id,
                             GError     **error)
{
  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);
  return delete_row (store, "investigation_activities",
                     "DELETE FROM investigation_activities WHERE id = ?1", id, error);
}

GPtrArray *
vigie_store_list_partners (VigieStore  *store,
                           GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  stmt = vigie_store_prepare (store, "SELECT id, name, coalesce (country, '') FROM organisations "
                                     "WHERE kind = 'monitoring_partner' ORDER BY name, id", error);
  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_organisation_info_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigieOrganisationInfo *info = g_new0 (VigieOrganisationInfo, 1);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->name = dup_or_empty (stmt, 1);
      info->country = dup_or_empty (stmt, 2);
      g_ptr_array_add (list, info);
    }
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}


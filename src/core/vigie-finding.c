/* vigie-finding.c — findings: records, validation, CRUD, standards and indicators.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigie-finding.h"
#include "vigie-reference.h"
#include "vigie-store-private.h"
#include "vigie-util.h"
#include "vigie-validate.h"
#include "vigie-vocab.h"

#define MAX_TITLE 300

/* ─── Records ────────────────────────────────────────────────────────────── */

VigieFindingRecord *
vigie_finding_record_new (void)
{
  VigieFindingRecord *record = g_new0 (VigieFindingRecord, 1);

  record->title = g_strdup ("");
  record->description = g_strdup ("");
  record->theme = g_strdup ("");
  record->severity = g_strdup ("major");
  record->kind = g_strdup ("breach");
  record->workers_affected = -1;
  record->first_observed = vigie_today_iso ();
  record->company_response = g_strdup ("");
  record->disclosure_level = g_strdup ("internal");
  record->status = g_strdup ("open");
  record->notes = g_strdup ("");
  record->standard_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  record->indicator_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return record;
}

static GArray *
copy_ids (const GArray *ids)
{
  GArray *copy = g_array_sized_new (FALSE, FALSE, sizeof (gint64), ids != NULL ? ids->len : 0);

  if (ids != NULL && ids->len > 0)
    g_array_append_vals (copy, ids->data, ids->len);
  return copy;
}

VigieFindingRecord *
vigie_finding_record_copy (const VigieFindingRecord *record)
{
  VigieFindingRecord *copy;

  g_return_val_if_fail (record != NULL, NULL);

  copy = g_new0 (VigieFindingRecord, 1);
  *copy = *record;
  copy->uuid = g_strdup (record->uuid);
  copy->title = g_strdup (record->title);
  copy->description = g_strdup (record->description);
  copy->theme = g_strdup (record->theme);
  copy->severity = g_strdup (record->severity);
  copy->kind = g_strdup (record->kind);
  copy->first_observed = g_strdup (record->first_observed);
  copy->company_response = g_strdup (record->company_response);
  copy->disclosure_level = g_strdup (record->disclosure_level);
  copy->status = g_strdup (record->status);
  copy->closed_on = g_strdup (record->closed_on);
  copy->notes = g_strdup (record->notes);
  copy->created_at = g_strdup (record->created_at);
  copy->updated_at = g_strdup (record->updated_at);
  copy->standard_ids = copy_ids (record->standard_ids);
  copy->indicator_ids = copy_ids (record->indicator_ids);
  return copy;
}

void
vigie_finding_record_free (VigieFindingRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->uuid);
  g_free (record->title);
  g_free (record->description);
  g_free (record->theme);
  g_free (record->severity);
  g_free (record->kind);
  g_free (record->first_observed);
  g_free (record->company_response);
  g_free (record->disclosure_level);
  g_free (record->status);
  g_free (record->closed_on);
  g_free (record->notes);
  g_free (record->created_at);
  g_free (record->updated_at);
  g_clear_pointer (&record->standard_ids, g_array_unref);
  g_clear_pointer (&record->indicator_ids, g_array_unref);
  g_free (record);
}

void
vigie_audit_entry_free (VigieAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->actor);
  g_free (entry->action);
  g_free (entry->old_values);
  g_free (entry->new_values);
  g_free (entry);
}

void
vigie_standard_info_free (VigieStandardInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->code);
  g_free (info->code_version);
  g_free (info->code_title);
  g_free (info->key);
  g_free (info->parent_key);
  g_free (info->title);
  g_free (info->mapped);
  g_free (info);
}

void
vigie_indicator_info_free (VigieIndicatorInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->code);
  g_free (info->title);
  g_free (info);
}

/* ─── Validation ─────────────────────────────────────────────────────────── */

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
row_exists (VigieStore *store,
            const char *sql,
            gint64      id)
{
  sqlite3_stmt *stmt = vigie_store_prepare (store, sql, NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

GPtrArray *
vigie_finding_validate (VigieStore               *store,
                        const VigieFindingRecord *record)
{
  GPtrArray *errors = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_field_error_free);
  char *reason = NULL;
  glong title_len;

  g_return_val_if_fail (record != NULL, errors);

  {
    g_autofree char *trimmed = g_strstrip (g_strdup (record->title != NULL ? record->title : ""));

    title_len = g_utf8_strlen (trimmed, -1);
    if (title_len == 0)
      add_error (errors, "title", g_strdup (_("A finding needs a title.")));
    else if (title_len > MAX_TITLE)
      add_error (errors, "title",
                 g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "The title is longer than %d character.",
                                               "The title is longer than %d characters.",
                                               MAX_TITLE), MAX_TITLE));
  }

  if (record->site_id <= 0)
    add_error (errors, "site_id", g_strdup (_("Choose the site where this was found.")));
  else if (store != NULL && !row_exists (store, "SELECT 1 FROM sites WHERE id = ?1",
                                         record->site_id))
    add_error (errors, "site_id", g_strdup (_("This site no longer exists.")));

  if (record->investigation_id > 0 && store != NULL
      && !row_exists (store, "SELECT 1 FROM investigations WHERE id = ?1",
                      record->investigation_id))
    add_error (errors, "investigation_id", g_strdup (_("This investigation no longer exists.")));
  else if (record->investigation_id > 0 && store != NULL && record->site_id > 0)
    {
      sqlite3_stmt *stmt = vigie_store_prepare (store, "SELECT site_id FROM investigations "
                                                       "WHERE id = ?1", NULL);

      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, record->investigation_id);
          if (sqlite3_step (stmt) == SQLITE_ROW
              && sqlite3_column_int64 (stmt, 0) != record->site_id)
            add_error (errors, "investigation_id",
                       g_strdup (_("This investigation is about another site.")));
          sqlite3_reset (stmt);
        }
    }

  if (!vigie_vocab_is_valid (VIGIE_VOCAB_SEVERITY, record->severity))
    add_error (errors, "severity", g_strdup (_("Choose a severity.")));
  if (!vigie_vocab_is_valid (VIGIE_VOCAB_FINDING_KIND, record->kind))
    add_error (errors, "kind", g_strdup (_("Choose whether this is a breach, a risk or a good "
                                           "practice.")));
  if (!vigie_vocab_is_valid (VIGIE_VOCAB_DISCLOSURE_LEVEL, record->disclosure_level))
    add_error (errors, "disclosure_level", g_strdup (_("Choose who may see this finding.")));
  if (!vigie_vocab_is_valid (VIGIE_VOCAB_FINDING_STATUS, record->status))
    add_error (errors, "status", g_strdup (_("Choose a status.")));

  if (record->workers_affected < -1)
    add_error (errors, "workers_affected",
               g_strdup (_("The number of workers affected cannot be negative.")));

  if (record->first_observed == NULL || *record->first_observed == '\0')
    add_error (errors, "first_observed", g_strdup (_("Enter the date it was first observed.")));
  else if (!vigie_validate_date (record->first_observed, &reason))
    add_error (errors, "first_observed", g_steal_pointer (&reason));
  g_clear_pointer (&reason, g_free);

  if (record->closed_on != NULL && *record->closed_on != '\0')
    {
      if (!vigie_validate_date (record->closed_on, &reason))
        add_error (errors, "closed_on", g_steal_pointer (&reason));
      else if (record->first_observed != NULL
               && vigie_validate_date (record->first_observed, NULL)
               && strcmp (record->closed_on, record->first_observed) < 0)
        add_error (errors, "closed_on",
                   g_strdup (_("A finding cannot be closed before it was first observed.")));
      g_clear_pointer (&reason, g_free);
    }

  if (store != NULL && record->standard_ids != NULL)
    for (guint i = 0; i < record->standard_ids->len; i++)
      if (!row_exists (store, "SELECT 1 FROM standards WHERE id = ?1",
                       g_array_index (record->standard_ids, gint64, i)))
        {
          add_error (errors, "standard_ids", g_strdup (_("A chosen code standard is not known.")));
          break;
        }
  if (store != NULL && record->indicator_ids != NULL)
    for (guint i = 0; i < record->indicator_ids->len; i++)
      if (!row_exists (store, "SELECT 1 FROM fl_indicators WHERE id = ?1",
                       g_array_index (record->indicator_ids, gint64, i)))
        {
          add_error (errors, "indicator_ids",
                     g_strdup (_("A chosen forced-labour indicator is not known.")));
          break;
        }
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

/* ─── Reading ────────────────────────────────────────────────────────────── */

#define FINDING_COLUMNS "id, uuid, site_id, investigation_id, title, description, theme, " \
                        "severity, kind, workers_affected, affects_women, affects_migrant, " \
                        "affects_agency, affects_student, affects_young, first_observed, " \
                        "company_response, disclosure_level, status, closed_on, notes, " \
                        "created_at, updated_at"

static char *
dup_or_empty (sqlite3_stmt *stmt,
              int           col)
{
  char *text = vigie_column_dup (stmt, col);

  return text != NULL ? text : g_strdup ("");
}

static GArray *
read_ids (VigieStore  *store,
          const char  *sql,
          gint64       id,
          GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = vigie_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 v = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, v);
    }
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&ids);
}

VigieFindingRecord *
vigie_store_get_finding (VigieStore  *store,
                         gint64       id,
                         GError     **error)
{
  g_autoptr(VigieFindingRecord) record = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  stmt = vigie_store_prepare (store, "SELECT " FINDING_COLUMNS " FROM findings WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND,
                     _("The finding %lld does not exist."), (long long) id);
      else
        vigie_store_set_error (store, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }

  record = g_new0 (VigieFindingRecord, 1);
  record->id = sqlite3_column_int64 (stmt, 0);
  record->uuid = dup_or_empty (stmt, 1);
  record->site_id = sqlite3_column_int64 (stmt, 2);
  record->investigation_id = sqlite3_column_int64 (stmt, 3);
  record->title = dup_or_empty (stmt, 4);
  record->description = dup_or_empty (stmt, 5);
  record->theme = dup_or_empty (stmt, 6);
  record->severity = dup_or_empty (stmt, 7);
  record->kind = dup_or_empty (stmt, 8);
  record->workers_affected = sqlite3_column_type (stmt, 9) == SQLITE_NULL
                             ? -1 : sqlite3_column_int64 (stmt, 9);
  record->affects_women = sqlite3_column_int (stmt, 10) != 0;
  record->affects_migrant = sqlite3_column_int (stmt, 11) != 0;
  record->affects_agency = sqlite3_column_int (stmt, 12) != 0;
  record->affects_student = sqlite3_column_int (stmt, 13) != 0;
  record->affects_young = sqlite3_column_int (stmt, 14) != 0;
  record->first_observed = dup_or_empty (stmt, 15);
  record->company_response = dup_or_empty (stmt, 16);
  record->disclosure_level = dup_or_empty (stmt, 17);
  record->status = dup_or_empty (stmt, 18);
  record->closed_on = vigie_column_dup (stmt, 19);
  record->notes = dup_or_empty (stmt, 20);
  record->created_at = dup_or_empty (stmt, 21);
  record->updated_at = dup_or_empty (stmt, 22);
  sqlite3_reset (stmt);

  record->standard_ids = read_ids (store, "SELECT fs.standard_id FROM finding_standards fs "
                                          "JOIN standards s ON s.id = fs.standard_id "
                                          "WHERE fs.finding_id = ?1 "
                                          "ORDER BY s.code_id, s.sort_order, s.id",
                                   id, error);
  if (record->standard_ids == NULL)
    return NULL;
  record->indicator_ids = read_ids (store, "SELECT fi.indicator_id FROM finding_indicators fi "
                                           "JOIN fl_indicators i ON i.id = fi.indicator_id "
                                           "WHERE fi.finding_id = ?1 "
                                           "ORDER BY i.sort_order, i.id",
                                    id, error);
  if (record->indicator_ids == NULL)
    return NULL;
  return g_steal_pointer (&record);
}

/* ─── Writing ────────────────────────────────────────────────────────────── */

/* The row as JSON plus its links, for the audit log. */
static char *
snapshot_finding (VigieStore *store,
                  gint64      id)
{
  g_autofree char *row = vigie_store_snapshot (store, "findings", id);
  sqlite3_stmt *stmt;
  char *json = NULL;

  if (row == NULL)
    return NULL;
  stmt = vigie_store_prepare (store,
                              "SELECT json_set (?1,"
                              " '$.standards', json ((SELECT json_group_array (standard_id)"
                              "   FROM (SELECT standard_id FROM finding_standards"
                              "          WHERE finding_id = ?2 ORDER BY standard_id))),"
                              " '$.indicators', json ((SELECT json_group_array (indicator_id)"
                              "   FROM (SELECT indicator_id FROM finding_indicators"
                              "          WHERE finding_id = ?2 ORDER BY indicator_id))))",
                              NULL);
  if (stmt == NULL)
    return g_steal_pointer (&row);
  sqlite3_bind_text (stmt, 1, row, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    json = vigie_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return json != NULL ? json : g_steal_pointer (&row);
}

/* The primary theme: the first standard of the organisation's code among those chosen. */
static char *
derive_theme (VigieStore               *store,
              const VigieFindingRecord *record)
{
  sqlite3_stmt *stmt;

  if (record->theme != NULL && *record->theme != '\0')
    return g_strdup (record->theme);
  if (record->standard_ids == NULL || record->standard_ids->len == 0)
    return g_strdup ("");
  stmt = vigie_store_prepare (store,
                              "SELECT s.key FROM standards s JOIN code_standards c"
                              " ON c.id = s.code_id WHERE s.id = ?1 AND c.code = 'vigie'",
                              NULL);
  if (stmt == NULL)
    return g_strdup ("");
  for (guint i = 0; i < record->standard_ids->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, g_array_index (record->standard_ids, gint64, i));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          char *key = vigie_column_dup (stmt, 0);

          sqlite3_reset (stmt);
          return key;
        }
      sqlite3_reset (stmt);
    }
  return g_strdup ("");
}

static gboolean
write_links (VigieStore               *store,
             gint64                    id,
             const VigieFindingRecord *record,
             GError                  **error)
{
  sqlite3_stmt *stmt;

  stmt = vigie_store_prepare (store, "DELETE FROM finding_standards WHERE finding_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!vigie_store_step_done (store, stmt, error))
    return FALSE;
  stmt = vigie_store_prepare (store, "DELETE FROM finding_indicators WHERE finding_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!vigie_store_step_done (store, stmt, error))
    return FALSE;

  for (guint i = 0; record->standard_ids != NULL && i < record->standard_ids->len; i++)
    {
      stmt = vigie_store_prepare (store, "INSERT OR IGNORE INTO finding_standards "
                                         "(finding_id, standard_id) VALUES (?1, ?2)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (record->standard_ids, gint64, i));
      if (!vigie_store_step_done (store, stmt, error))
        return FALSE;
    }
  for (guint i = 0; record->indicator_ids != NULL && i < record->indicator_ids->len; i++)
    {
      stmt = vigie_store_prepare (store, "INSERT OR IGNORE INTO finding_indicators "
                                         "(finding_id, indicator_id) VALUES (?1, ?2)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (record->indicator_ids, gint64, i));
      if (!vigie_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* closed_on follows the status: set to today on closing, cleared on reopening. */
static void
settle_closed_on (VigieFindingRecord *record)
{
  if (g_strcmp0 (record->status, "closed") == 0)
    {
      if (record->closed_on == NULL || *record->closed_on == '\0')
        {
          g_free (record->closed_on);
          record->closed_on = vigie_today_iso ();
          if (record->first_observed != NULL && strcmp (record->closed_on,
                                                        record->first_observed) < 0)
            {
              g_free (record->closed_on);
              record->closed_on = g_strdup (record->first_observed);
            }
        }
    }
  else
    g_clear_pointer (&record->closed_on, g_free);
}

static void
bind_record (sqlite3_stmt             *stmt,
             const VigieFindingRecord *record,
             const char               *theme,
             const char               *now)
{
  /* ?1 is the id (update) or the uuid (insert): bound by the caller. */
  sqlite3_bind_int64 (stmt, 2, record->site_id);
  if (record->investigation_id > 0)
    sqlite3_bind_int64 (stmt, 3, record->investigation_id);
  else
    sqlite3_bind_null (stmt, 3);
  vigie_bind_text_or_empty (stmt, 4, g_strstrip (record->title));
  vigie_bind_text_or_empty (stmt, 5, record->description);
  vigie_bind_text_or_empty (stmt, 6, theme);
  vigie_bind_text_or_empty (stmt, 7, record->severity);
  vigie_bind_text_or_empty (stmt, 8, record->kind);
  if (record->workers_affected >= 0)
    sqlite3_bind_int64 (stmt, 9, record->workers_affected);
  else
    sqlite3_bind_null (stmt, 9);
  sqlite3_bind_int (stmt, 10, record->affects_women ? 1 : 0);
  sqlite3_bind_int (stmt, 11, record->affects_migrant ? 1 : 0);
  sqlite3_bind_int (stmt, 12, record->affects_agency ? 1 : 0);
  sqlite3_bind_int (stmt, 13, record->affects_student ? 1 : 0);
  sqlite3_bind_int (stmt, 14, record->affects_young ? 1 : 0);
  vigie_bind_text_or_empty (stmt, 15, record->first_observed);
  vigie_bind_text_or_empty (stmt, 16, record->company_response);
  vigie_bind_text_or_empty (stmt, 17, record->disclosure_level);
  vigie_bind_text_or_empty (stmt, 18, record->status);
  vigie_bind_text (stmt, 19, record->closed_on != NULL && *record->closed_on != '\0'
                             ? record->closed_on : NULL);
  vigie_bind_text_or_empty (stmt, 20, record->notes);
  sqlite3_bind_text (stmt, 21, now, -1, SQLITE_TRANSIENT);
}

gint64
vigie_store_insert_finding (VigieStore          *store,
                            VigieFindingRecord  *record,
                            GError             **error)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *now = NULL;
  g_autofree char *theme = NULL;
  g_autofree char *new_json = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (VIGIE_IS_STORE (store), 0);
  g_return_val_if_fail (record != NULL, 0);

  settle_closed_on (record);
  errors = vigie_finding_validate (store, record);
  if (refuse_invalid (errors, error))
    return 0;

  if (!vigie_store_begin (store, error))
    return 0;
  stmt = vigie_store_prepare (store,
                              "INSERT INTO findings (uuid, site_id, investigation_id, title, "
                              "description, theme, severity, kind, workers_affected, "
                              "affects_women, affects_migrant, affects_agency, affects_student, "
                              "affects_young, first_observed, company_response, "
                              "disclosure_level, status, closed_on, notes, created_at, "
                              "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                              "?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?21)",
                              error);
  if (stmt == NULL)
    goto fail;
  if (record->uuid == NULL || *record->uuid == '\0')
    {
      g_free (record->uuid);
      record->uuid = vigie_uuid_new ();
    }
  now = vigie_now_iso ();
  theme = derive_theme (store, record);
  sqlite3_bind_text (stmt, 1, record->uuid, -1, SQLITE_TRANSIENT);
  bind_record (stmt, record, theme, now);
  if (!vigie_store_step_done (store, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (vigie_store_get_db (store));
  if (!write_links (store, id, record, error))
    goto fail;
  new_json = snapshot_finding (store, id);
  if (!vigie_store_audit (store, "findings", id, "insert", NULL, new_json, error))
    goto fail;
  if (!vigie_store_commit (store, error))
    goto fail;

  record->id = id;
  g_free (record->theme);
  record->theme = g_steal_pointer (&theme);
  g_free (record->created_at);
  record->created_at = g_strdup (now);
  g_free (record->updated_at);
  record->updated_at = g_strdup (now);
  return id;

fail:
  vigie_store_rollback (store);
  return 0;
}

gboolean
vigie_store_update_finding (VigieStore          *store,
                            VigieFindingRecord  *record,
                            GError             **error)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *now = NULL;
  g_autofree char *theme = NULL;
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (record != NULL && record->id > 0, FALSE);

  settle_closed_on (record);
  errors = vigie_finding_validate (store, record);
  if (refuse_invalid (errors, error))
    return FALSE;

  if (!vigie_store_begin (store, error))
    return FALSE;
  old_json = snapshot_finding (store, record->id);
  if (old_json == NULL)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND,
                   _("The finding no longer exists."));
      goto fail;
    }
  stmt = vigie_store_prepare (store,
                              "UPDATE findings SET site_id = ?2, investigation_id = ?3, "
                              "title = ?4, description = ?5, theme = ?6, severity = ?7, "
                              "kind = ?8, workers_affected = ?9, affects_women = ?10, "
                              "affects_migrant = ?11, affects_agency = ?12, "
                              "affects_student = ?13, affects_young = ?14, "
                              "first_observed = ?15, company_response = ?16, "
                              "disclosure_level = ?17, status = ?18, closed_on = ?19, "
                              "notes = ?20, updated_at = ?21 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    goto fail;
  now = vigie_now_iso ();
  /* The theme is derived again from the standards, unless the caller set one that is
   * still among them. */
  if (record->theme != NULL && *record->theme != '\0')
    {
      gint64 theme_id = vigie_store_theme_standard_id (store, record->theme);
      gboolean kept = FALSE;

      for (guint i = 0; record->standard_ids != NULL && i < record->standard_ids->len; i++)
        kept |= g_array_index (record->standard_ids, gint64, i) == theme_id;
      if (!kept && record->standard_ids != NULL && record->standard_ids->len > 0)
        g_clear_pointer (&record->theme, g_free);
    }
  theme = derive_theme (store, record);
  sqlite3_bind_int64 (stmt, 1, record->id);
  bind_record (stmt, record, theme, now);
  if (!vigie_store_step_done (store, stmt, error))
    goto fail;
  if (!write_links (store, record->id, record, error))
    goto fail;
  new_json = snapshot_finding (store, record->id);
  if (!vigie_store_audit (store, "findings", record->id, "update", old_json, new_json, error))
    goto fail;
  if (!vigie_store_commit (store, error))
    goto fail;
  g_free (record->theme);
  record->theme = g_steal_pointer (&theme);
  g_free (record->updated_at);
  record->updated_at = g_strdup (now);
  return TRUE;

fail:
  vigie_store_rollback (store);
  return FALSE;
}

gboolean
vigie_store_set_finding_status (VigieStore  *store,
                                gint64       id,
                                const char  *status,
                                GError     **error)
{
  g_autoptr(VigieFindingRecord) record = NULL;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);

  if (!vigie_vocab_is_valid (VIGIE_VOCAB_FINDING_STATUS, status))
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_CONSTRAINT,
                   _("“%s” is not a finding status."), status != NULL ? status : "");
      return FALSE;
    }
  record = vigie_store_get_finding (store, id, error);
  if (record == NULL)
    return FALSE;
  if (g_strcmp0 (record->status, status) == 0)
    return TRUE;
  g_free (record->status);
  record->status = g_strdup (status);
  return vigie_store_update_finding (store, record, error);
}

gboolean
vigie_store_delete_finding (VigieStore  *store,
                            gint64       id,
                            GError     **error)
{
  g_autofree char *old_json = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);

  if (!vigie_store_begin (store, error))
    return FALSE;
  old_json = snapshot_finding (store, id);
  if (old_json == NULL)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND,
                   _("The finding no longer exists."));
      goto fail;
    }
  stmt = vigie_store_prepare (store, "DELETE FROM findings WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!vigie_store_step_done (store, stmt, error))
    goto fail;
  if (!vigie_store_audit (store, "findings", id, "delete", old_json, NULL, error))
    goto fail;
  return vigie_store_commit (store, error);

fail:
  vigie_store_rollback (store);
  return FALSE;
}

GPtrArray *
vigie_store_list_audit (VigieStore  *store,
                        const char  *table,
                        gint64       row_id,
                        GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  stmt = vigie_store_prepare (store, "SELECT id, at, actor, action, old_values, new_values "
                                     "FROM audit_log WHERE table_name = ?1 AND row_id = ?2 "
                                     "ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, row_id);
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_audit_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigieAuditEntry *e = g_new0 (VigieAuditEntry, 1);

      e->id = sqlite3_column_int64 (stmt, 0);
      e->at = dup_or_empty (stmt, 1);
      e->actor = dup_or_empty (stmt, 2);
      e->action = dup_or_empty (stmt, 3);
      e->old_values = vigie_column_dup (stmt, 4);
      e->new_values = vigie_column_dup (stmt, 5);
      g_ptr_array_add (entries, e);
    }
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&entries);
}

/* ─── Reference lists ────────────────────────────────────────────────────── */

GPtrArray *
vigie_store_list_standards (VigieStore  *store,
                            GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  stmt = vigie_store_prepare (store,
                              "SELECT s.id, c.code, c.version, c.title, s.key,"
                              "       coalesce (s.parent_key, ''), s.title,"
                              "       (SELECT group_concat (m.key, ', ') FROM"
                              "          (SELECT s2.key FROM standard_mappings sm"
                              "             JOIN standards s2 ON s2.id = sm.mapped_id"
                              "            WHERE sm.standard_id = s.id"
                              "            ORDER BY s2.sort_order, s2.key) m)"
                              "  FROM standards s JOIN code_standards c ON c.id = s.code_id"
                              " ORDER BY c.id, s.sort_order, s.id",
                              error);
  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_standard_info_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigieStandardInfo *info = g_new0 (VigieStandardInfo, 1);
      g_autofree char *code_title = dup_or_empty (stmt, 3);
      g_autofree char *title = dup_or_empty (stmt, 6);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->code = dup_or_empty (stmt, 1);
      info->code_version = dup_or_empty (stmt, 2);
      info->code_title = g_strdup (vigie_reference_text (code_title));
      info->key = dup_or_empty (stmt, 4);
      info->parent_key = dup_or_empty (stmt, 5);
      info->title = g_strdup (vigie_reference_text (title));
      info->mapped = dup_or_empty (stmt, 7);
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

GPtrArray *
vigie_store_list_fl_indicators (VigieStore  *store,
                                GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  stmt = vigie_store_prepare (store, "SELECT id, code, title FROM fl_indicators "
                                     "ORDER BY sort_order, id", error);
  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_indicator_info_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigieIndicatorInfo *info = g_new0 (VigieIndicatorInfo, 1);
      g_autofree char *title = dup_or_empty (stmt, 2);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->code = dup_or_empty (stmt, 1);
      info->title = g_strdup (vigie_reference_text (title));
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

gint64
vigie_store_theme_standard_id (VigieStore *store,
                               const char *key)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (VIGIE_IS_STORE (store), 0);

  if (key == NULL || *key == '\0')
    return 0;
  stmt = vigie_store_prepare (store, "SELECT s.id FROM standards s JOIN code_standards c"
                                     " ON c.id = s.code_id WHERE c.code = 'vigie' AND s.key = ?1"
                                     " ORDER BY c.id DESC LIMIT 1", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

gboolean
vigie_finding_default_deadlines (const char *severity,
                                 int        *plan_days,
                                 int        *completion_days)
{
  static const struct { const char *severity; int plan, completion; } table[] = {
    { "critical", 7, 30 },
    { "major", 14, 90 },
    { "minor", 14, 180 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (g_strcmp0 (severity, table[i].severity) == 0)
      {
        if (plan_days != NULL)
          *plan_days = table[i].plan;
        if (completion_days != NULL)
          *completion_days = table[i].completion;
        return TRUE;
      }
  return FALSE;
}

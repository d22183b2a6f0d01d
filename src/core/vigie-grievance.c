/* vigie-grievance.c — grievances: records, CRUD, time frames and breaches.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "vigie-grievance.h"
#include "vigie-store-private.h"
#include "vigie-util.h"
#include "vigie-validate.h"
#include "vigie-vocab.h"

/* The time frame of each stage of handling a grievance (design).
 *
 * UN Guiding Principles on Business and Human Rights, Principle 31(c): an effective
 * grievance mechanism is "predictable: providing a clear and known procedure with an
 * indicative time frame for each stage". The UNGPs give no numbers; these are Vigie's,
 * drawn from common practice (acknowledgement within a week, an outcome within three
 * months), and are the only place the numbers live. */
static const VigieGrievanceTimeframe timeframes[VIGIE_GRIEVANCE_N_STAGES] = {
  { VIGIE_GRIEVANCE_STAGE_ACKNOWLEDGE, N_("Acknowledged"), 7 },
  { VIGIE_GRIEVANCE_STAGE_RESOLVE, N_("Resolved"), 90 },
};

const VigieGrievanceTimeframe *
vigie_grievance_timeframes (guint *n_stages)
{
  if (n_stages != NULL)
    *n_stages = G_N_ELEMENTS (timeframes);
  return timeframes;
}

static gboolean
parse_date (const char *iso,
            GDate      *date)
{
  int y, m, d;

  g_date_clear (date, 1);
  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3
      || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

gboolean
vigie_grievance_check (const VigieGrievanceRecord *record,
                       const char                 *today,
                       VigieGrievanceStageStatus  *out)
{
  GDate received, now;
  gboolean any = FALSE;
  gboolean ended;

  g_return_val_if_fail (record != NULL && out != NULL, FALSE);

  memset (out, 0, sizeof (VigieGrievanceStageStatus) * VIGIE_GRIEVANCE_N_STAGES);
  if (!parse_date (record->received_on, &received) || !parse_date (today, &now))
    return FALSE;

  /* A grievance closed or dismissed without a resolution date has left the process: its
   * stages are no longer running. */
  ended = g_strcmp0 (record->status, "resolved") == 0 || g_strcmp0 (record->status, "closed") == 0
          || g_strcmp0 (record->status, "dismissed") == 0;

  for (guint i = 0; i < VIGIE_GRIEVANCE_N_STAGES; i++)
    {
      VigieGrievanceStageStatus *s = &out[i];
      const char *reached_on = i == VIGIE_GRIEVANCE_STAGE_ACKNOWLEDGE ? record->acknowledged_on
                                                                      : record->resolved_on;
      GDate due = received, reached;

      s->stage = timeframes[i].stage;
      s->days_allowed = timeframes[i].days;
      g_date_add_days (&due, (guint) timeframes[i].days);
      g_snprintf (s->due_on, sizeof s->due_on, "%04d-%02d-%02d", g_date_get_year (&due),
                  g_date_get_month (&due), g_date_get_day (&due));

      if (parse_date (reached_on, &reached))
        {
          s->done = TRUE;
          s->days_taken = g_date_days_between (&received, &reached);
          s->breached = s->days_taken > s->days_allowed;
        }
      else if (ended || (i == VIGIE_GRIEVANCE_STAGE_ACKNOWLEDGE
                         && g_strcmp0 (record->status, "received") != 0))
        {
          /* Reached, on a date not recorded: nothing to measure. */
          s->done = TRUE;
          s->days_taken = -1;
        }
      else
        {
          s->days_taken = g_date_days_between (&received, &now);
          s->breached = s->days_taken > s->days_allowed;
        }
      any |= s->breached;
    }
  return any;
}

/* ─── Records ────────────────────────────────────────────────────────────── */

VigieGrievanceRecord *
vigie_grievance_record_new (void)
{
  VigieGrievanceRecord *r = g_new0 (VigieGrievanceRecord, 1);

  r->received_on = vigie_today_iso ();
  r->channel = g_strdup ("hotline");
  r->anonymous = TRUE;
  r->complainants = 1;
  r->topic = g_strdup ("");
  r->status = g_strdup ("received");
  r->notes = g_strdup ("");
  r->finding_title = g_strdup ("");
  return r;
}

VigieGrievanceRecord *
vigie_grievance_record_copy (const VigieGrievanceRecord *record)
{
  VigieGrievanceRecord *r;

  g_return_val_if_fail (record != NULL, NULL);
  r = g_new0 (VigieGrievanceRecord, 1);
  *r = *record;
  r->uuid = g_strdup (record->uuid);
  r->received_on = g_strdup (record->received_on);
  r->channel = g_strdup (record->channel);
  r->topic = g_strdup (record->topic);
  r->status = g_strdup (record->status);
  r->acknowledged_on = g_strdup (record->acknowledged_on);
  r->resolved_on = g_strdup (record->resolved_on);
  r->notes = g_strdup (record->notes);
  r->finding_title = g_strdup (record->finding_title);
  return r;
}

void
vigie_grievance_record_free (VigieGrievanceRecord *r)
{
  if (r == NULL)
    return;
  g_free (r->uuid);
  g_free (r->received_on);
  g_free (r->channel);
  g_free (r->topic);
  g_free (r->status);
  g_free (r->acknowledged_on);
  g_free (r->resolved_on);
  g_free (r->notes);
  g_free (r->finding_title);
  g_free (r);
}

static gboolean
empty_str (const char *s)
{
  return s == NULL || *s == '\0';
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

static void
check_later_date (GPtrArray  *errors,
                  const char *field,
                  const char *received,
                  const char *date,
                  const char *too_early)
{
  char *reason = NULL;

  if (empty_str (date))
    return;
  if (!vigie_validate_date (date, &reason))
    add_error (errors, field, reason);
  else if (vigie_validate_date (received, NULL) && strcmp (date, received) < 0)
    add_error (errors, field, g_strdup (too_early));
}

GPtrArray *
vigie_grievance_validate (VigieStore                 *store,
                          const VigieGrievanceRecord *record)
{
  GPtrArray *errors = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_field_error_free);
  char *reason = NULL;

  g_return_val_if_fail (record != NULL, errors);

  if (record->site_id <= 0)
    add_error (errors, "site_id", g_strdup (_("Choose the site the grievance is about.")));
  if (empty_str (record->received_on))
    add_error (errors, "received_on", g_strdup (_("Enter the date it was received.")));
  else if (!vigie_validate_date (record->received_on, &reason))
    add_error (errors, "received_on", g_steal_pointer (&reason));
  g_clear_pointer (&reason, g_free);
  if (!vigie_vocab_is_valid (VIGIE_VOCAB_GRIEVANCE_CHANNEL, record->channel))
    add_error (errors, "channel", g_strdup (_("Choose how it was received.")));
  if (!vigie_vocab_is_valid (VIGIE_VOCAB_GRIEVANCE_STATUS, record->status))
    add_error (errors, "status", g_strdup (_("Choose a status.")));
  if (record->complainants < 0)
    add_error (errors, "complainants",
               g_strdup (_("The number of complainants cannot be negative.")));
  check_later_date (errors, "acknowledged_on", record->received_on, record->acknowledged_on,
                    _("It cannot be acknowledged before it was received."));
  check_later_date (errors, "resolved_on", record->received_on, record->resolved_on,
                    _("It cannot be resolved before it was received."));
  if (store != NULL && record->finding_id > 0)
    {
      sqlite3_stmt *stmt = vigie_store_prepare (store, "SELECT site_id FROM findings "
                                                       "WHERE id = ?1", NULL);

      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, record->finding_id);
          if (sqlite3_step (stmt) != SQLITE_ROW)
            add_error (errors, "finding_id", g_strdup (_("The linked finding no longer "
                                                         "exists.")));
          else if (sqlite3_column_int64 (stmt, 0) != record->site_id)
            add_error (errors, "finding_id",
                       g_strdup (_("The linked finding is about another site.")));
          sqlite3_reset (stmt);
        }
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

/* ─── CRUD ───────────────────────────────────────────────────────────────── */

#define GRIEVANCE_SELECT \
  "SELECT g.id, g.uuid, g.site_id, g.received_on, g.channel, g.anonymous, g.complainants," \
  "       g.topic, g.retaliation_reported, g.status, g.acknowledged_on, g.resolved_on," \
  "       coalesce (g.finding_id, 0), g.notes, coalesce (f.title, '')" \
  "  FROM grievances g LEFT JOIN findings f ON f.id = g.finding_id "

static char *
dup_or_empty (sqlite3_stmt *stmt,
              int           col)
{
  char *text = vigie_column_dup (stmt, col);

  return text != NULL ? text : g_strdup ("");
}

static VigieGrievanceRecord *
read_grievance (sqlite3_stmt *stmt)
{
  VigieGrievanceRecord *r = g_new0 (VigieGrievanceRecord, 1);

  r->id = sqlite3_column_int64 (stmt, 0);
  r->uuid = dup_or_empty (stmt, 1);
  r->site_id = sqlite3_column_int64 (stmt, 2);
  r->received_on = dup_or_empty (stmt, 3);
  r->channel = dup_or_empty (stmt, 4);
  r->anonymous = sqlite3_column_int (stmt, 5) != 0;
  r->complainants = sqlite3_column_int64 (stmt, 6);
  r->topic = dup_or_empty (stmt, 7);
  r->retaliation_reported = sqlite3_column_int (stmt, 8) != 0;
  r->status = dup_or_empty (stmt, 9);
  r->acknowledged_on = vigie_column_dup (stmt, 10);
  r->resolved_on = vigie_column_dup (stmt, 11);
  r->finding_id = sqlite3_column_int64 (stmt, 12);
  r->notes = dup_or_empty (stmt, 13);
  r->finding_title = dup_or_empty (stmt, 14);
  return r;
}

GPtrArray *
vigie_store_list_grievances (VigieStore  *store,
                             gint64       site_id,
                             GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  stmt = vigie_store_prepare (store, GRIEVANCE_SELECT "WHERE g.site_id = ?1 "
                                     "ORDER BY g.received_on DESC, g.id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, site_id);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_grievance_record_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, read_grievance (stmt));
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}

VigieGrievanceRecord *
vigie_store_get_grievance (VigieStore  *store,
                           gint64       id,
                           GError     **error)
{
  sqlite3_stmt *stmt;
  VigieGrievanceRecord *r = NULL;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  stmt = vigie_store_prepare (store, GRIEVANCE_SELECT "WHERE g.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    r = read_grievance (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND,
                 _("The grievance no longer exists."));
  else
    vigie_store_set_error (store, rc, error);
  sqlite3_reset (stmt);
  return r;
}

static void
bind_grievance (sqlite3_stmt               *stmt,
                const VigieGrievanceRecord *r,
                const char                 *now)
{
  sqlite3_bind_int64 (stmt, 2, r->site_id);
  vigie_bind_text_or_empty (stmt, 3, r->received_on);
  vigie_bind_text_or_empty (stmt, 4, r->channel);
  sqlite3_bind_int (stmt, 5, r->anonymous ? 1 : 0);
  sqlite3_bind_int64 (stmt, 6, r->complainants);
  vigie_bind_text_or_empty (stmt, 7, r->topic);
  sqlite3_bind_int (stmt, 8, r->retaliation_reported ? 1 : 0);
  vigie_bind_text_or_empty (stmt, 9, r->status);
  vigie_bind_text (stmt, 10, empty_str (r->acknowledged_on) ? NULL : r->acknowledged_on);
  vigie_bind_text (stmt, 11, empty_str (r->resolved_on) ? NULL : r->resolved_on);
  if (r->finding_id > 0)
    sqlite3_bind_int64 (stmt, 12, r->finding_id);
  else
    sqlite3_bind_null (stmt, 12);
  vigie_bind_text_or_empty (stmt, 13, r->notes);
  sqlite3_bind_text (stmt, 14, now, -1, SQLITE_TRANSIENT);
}

gint64
vigie_store_insert_grievance (VigieStore            *store,
                              VigieGrievanceRecord  *record,
                              GError               **error)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *now = vigie_now_iso ();
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (VIGIE_IS_STORE (store), 0);

  errors = vigie_grievance_validate (store, record);
  if (refuse_invalid (errors, error))
    return 0;
  if (!vigie_store_begin (store, error))
    return 0;
  stmt = vigie_store_prepare (store, "INSERT INTO grievances (uuid, site_id, received_on, "
                                     "channel, anonymous, complainants, topic, "
                                     "retaliation_reported, status, acknowledged_on, "
                                     "resolved_on, finding_id, notes, created_at, updated_at) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                                     "?12, ?13, ?14, ?14)", error);
  if (stmt == NULL)
    goto fail;
  if (empty_str (record->uuid))
    {
      g_free (record->uuid);
      record->uuid = vigie_uuid_new ();
    }
  sqlite3_bind_text (stmt, 1, record->uuid, -1, SQLITE_TRANSIENT);
  bind_grievance (stmt, record, now);
  if (!vigie_store_step_done (store, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (vigie_store_get_db (store));
  json = vigie_store_snapshot (store, "grievances", id);
  if (!vigie_store_audit (store, "grievances", id, "insert", NULL, json, error))
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
vigie_store_update_grievance (VigieStore                  *store,
                              const VigieGrievanceRecord  *record,
                              GError                     **error)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *now = vigie_now_iso ();
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);

  errors = vigie_grievance_validate (store, record);
  if (refuse_invalid (errors, error))
    return FALSE;
  if (!vigie_store_begin (store, error))
    return FALSE;
  old_json = vigie_store_snapshot (store, "grievances", record->id);
  if (old_json == NULL)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND,
                   _("The grievance no longer exists."));
      goto fail;
    }
  stmt = vigie_store_prepare (store, "UPDATE grievances SET site_id = ?2, received_on = ?3, "
                                     "channel = ?4, anonymous = ?5, complainants = ?6, "
                                     "topic = ?7, retaliation_reported = ?8, status = ?9, "
                                     "acknowledged_on = ?10, resolved_on = ?11, "
                                     "finding_id = ?12, notes = ?13, updated_at = ?14 "
                                     "WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, record->id);
  bind_grievance (stmt, record, now);
  if (!vigie_store_step_done (store, stmt, error))
    goto fail;
  new_json = vigie_store_snapshot (store, "grievances", record->id);
  if (!vigie_store_audit (store, "grievances", record->id, "update", old_json, new_json, error))
    goto fail;
  return vigie_store_commit (store, error);

fail:
  vigie_store_rollback (store);
  return FALSE;
}

gboolean
vigie_store_delete_grievance (VigieStore  *store,
                              gint64       id,
                              GError     **error)
{
  g_autofree char *old_json = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);

  if (!vigie_store_begin (store, error))
    return FALSE;
  old_json = vigie_store_snapshot (store, "grievances", id);
  if (old_json == NULL)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND,
                   _("The grievance no longer exists."));
      goto fail;
    }
  stmt = vigie_store_prepare (store, "DELETE FROM grievances WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!vigie_store_step_done (store, stmt, error))
    goto fail;
  if (!vigie_store_audit (store, "grievances", id, "delete", old_json, NULL, error))
    goto fail;
  return vigie_store_commit (store, error);

fail:
  vigie_store_rollback (store);
  return FALSE;
}

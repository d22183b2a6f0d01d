/* test-remediation.c — remediation actions: transitions, history, overdue, roll-up,
 * default deadlines, money, validation, the action list and the timeline spans (read
 * in the calling thread, and in worker threads as the Remediation page reads them).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "vigie-action-list.h"
#include "vigie-remediation.h"
#include "vigie-store-private.h"
#include "vigie-vocab.h"

typedef struct
{
  char       *dir;
  VigieStore *store;
} Fixture;

/* Two sites, four findings (one per severity), two organisations, one evidence item and
 * seven actions whose overdue state on 2026-06-15 is worked out by hand:
 *   a1 in_progress        due 2026-06-01  → overdue 14 days
 *   a2 proposed           due 2026-07-01  → not yet due
 *   a3 reported_complete  due 2026-06-10  → completed: never overdue
 *   a4 escalated          due 2026-05-15  → overdue 31 days
 *   a5 closed             due 2026-06-14  → closed
 *   a6 proposed           no due date
 *   a7 disputed           due 2026-06-20  → due this month, overdue from 2026-06-21 */
static const char fixture_sql[] =
  "INSERT INTO sites (id, uuid, name, country, created_at, updated_at) VALUES"
  " (1, 's1', 'Alpha Assembly', 'CN', 'x', 'x'), (2, 's2', 'Beta Boards', 'VN', 'x', 'x');"
  "INSERT INTO organisations (id, uuid, kind, name, created_at, updated_at) VALUES"
  " (1, 'o1', 'employer', 'Alpha Employer Ltd', 'x', 'x'),"
  " (2, 'o2', 'brand', 'Brand B', 'x', 'x');"
  "INSERT INTO findings (id, uuid, site_id, title, severity, status, first_observed,"
  "                      created_at, updated_at) VALUES"
  " (1, 'f1', 1, 'Recruitment fees', 'critical', 'open', '2026-01-10', 'x', 'x'),"
  " (2, 'f2', 1, 'Excessive overtime', 'major', 'open', '2026-01-10', 'x', 'x'),"
  " (3, 'f3', 2, 'No SDS in workers'' language', 'minor', 'open', '2026-02-01', 'x', 'x'),"
  " (4, 'f4', 2, 'Canteen hygiene', 'observation', 'open', '2026-02-01', 'x', 'x');"
  "INSERT INTO evidence (id, uuid, finding_id, kind, created_at, updated_at) VALUES"
  " (1, 'e1', 1, 'document', 'x', 'x');"
  "INSERT INTO remediation_actions (id, uuid, finding_id, description, responsible_id,"
  "   opened_on, due_on, completed_on, status, escalation_level, created_at, updated_at)"
  " VALUES"
  " (1, 'a1', 1, 'Repay recruitment fees', 1, '2026-03-01', '2026-06-01', NULL,"
  "  'in_progress', 'informal', 'x', 'x'),"
  " (2, 'a2', 1, 'Adopt an employer-pays policy', 1, '2026-03-01', '2026-07-01', NULL,"
  "  'proposed', 'informal', 'x', 'x'),"
  " (3, 'a3', 2, 'Cap overtime at 60 hours', 1, '2026-02-01', '2026-06-10', '2026-06-05',"
  "  'reported_complete', 'formal_request', 'x', 'x'),"
  " (4, 'a4', 2, 'Pay overtime premiums', 2, '2026-02-01', '2026-05-15', NULL,"
  "  'escalated', 'contract_escalation', 'x', 'x'),"
  " (5, 'a5', 3, 'Translate the SDS', NULL, '2026-02-10', '2026-06-14', '2026-05-01',"
  "  'closed', 'informal', 'x', 'x'),"
  " (6, 'a6', 3, 'Train workers on labels', NULL, '2026-02-10', NULL, NULL,"
  "  'proposed', 'informal', 'x', 'x'),"
  " (7, 'a7', 3, 'Label every container', 2, '2026-02-10', '2026-06-20', NULL,"
  "  'disputed', 'formal_request', 'x', 'x');"
  "INSERT INTO remediation_status_history (action_id, from_status, to_status, changed_on,"
  "   changed_by) VALUES"
  " (1, NULL, 'proposed', '2026-03-01', 'x'), (1, 'proposed', 'plan_submitted', '2026-03-05', 'x'),"
  " (1, 'plan_submitted', 'plan_accepted', '2026-03-10', 'x'),"
  " (1, 'plan_accepted', 'in_progress', '2026-03-20', 'x'),"
  " (4, NULL, 'proposed', '2026-02-01', 'x');";

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fx->dir = g_dir_make_tmp ("vigie-remediation-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fx->dir, "test.db", NULL);
  fx->store = vigie_store_open (path, &error);
  g_assert_no_error (error);
  vigie_store_set_actor (fx->store, "tester");
  g_assert_true (vigie_store_exec (fx->store, fixture_sql, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "test.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_clear_object (&fx->store);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (fx->dir);
  g_free (fx->dir);
}

static gint64
query_int (VigieStore *store,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = vigie_store_prepare (store, sql, &error);
  gint64 value;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static char *
query_text (VigieStore *store,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = vigie_store_prepare (store, sql, &error);
  char *value = NULL;

  g_assert_no_error (error);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = vigie_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

/* ─── Transitions ────────────────────────────────────────────────────────── */

/* The expected table, written out independently of the implementation: each line is a
 * status and the statuses it may move to. */
static const char * const expected_transitions[][2] = {
  { "proposed", "plan_submitted disputed escalated abandoned" },
  { "plan_submitted", "plan_accepted plan_rejected disputed escalated abandoned" },
  { "plan_accepted", "in_progress disputed escalated abandoned" },
  { "plan_rejected", "plan_submitted disputed escalated abandoned" },
  { "in_progress", "reported_complete disputed escalated abandoned" },
  { "reported_complete", "verified_by_workers verified_by_monitor disputed escalated abandoned" },
  { "verified_by_workers", "closed" },
  { "verified_by_monitor", "closed" },
  { "closed", "" },
  { "disputed", "in_progress escalated abandoned" },
  { "escalated", "in_progress abandoned" },
  { "abandoned", "" },
};

static void
test_transition_table (void)
{
  const VigieVocabEntry *entries;
  guint n = 0, n_allowed = 0, n_forbidden = 0;

  entries = vigie_vocab_entries (VIGIE_VOCAB_REMEDIATION_STATUS, &n);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected_transitions));

  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) allowed = NULL;
      const char * const *next;

      g_assert_cmpstr (entries[i].code, ==, expected_transitions[i][0]);
      allowed = g_strsplit (expected_transitions[i][1], " ", -1);
      for (guint j = 0; j < n; j++)
        {
          gboolean expect = *expected_transitions[i][1] != '\0'
                            && g_strv_contains ((const char * const *) allowed,
                                                entries[j].code);

          if (vigie_remediation_transition_allowed (entries[i].code, entries[j].code) != expect)
            g_error ("%s → %s: expected %s", entries[i].code, entries[j].code,
                     expect ? "allowed" : "forbidden");
          if (expect)
            n_allowed++;
          else
            n_forbidden++;
        }
      /* next_statuses lists exactly the allowed ones, in workflow order. */
      next = vigie_remediation_next_statuses (entries[i].code);
      g_assert_cmpuint (g_strv_length ((char **) next),
                        ==, *expected_transitions[i][1] != '\0' ? g_strv_length (allowed) : 0);
      for (guint k = 0; next[k] != NULL; k++)
        g_assert_true (g_strv_contains ((const char * const *) allowed, next[k]));
    }
  g_assert_cmpuint (n_allowed, ==, 33);
  g_assert_cmpuint (n_allowed + n_forbidden, ==, 144);

  /* Unknown and NULL statuses go nowhere. */
  g_assert_false (vigie_remediation_transition_allowed ("bogus", "closed"));
  g_assert_false (vigie_remediation_transition_allowed (NULL, "proposed"));
  g_assert_false (vigie_remediation_transition_allowed ("proposed", NULL));
  g_assert_null (vigie_remediation_next_statuses ("bogus")[0]);

  g_assert_true (vigie_remediation_status_is_final ("closed"));
  g_assert_true (vigie_remediation_status_is_final ("abandoned"));
  g_assert_false (vigie_remediation_status_is_final ("verified_by_workers"));
}

/* Every pair through the store: allowed changes are written, forbidden ones refused with
 * the status left as it was. */
static void
test_transitions_in_store (Fixture       *fx,
                           gconstpointer  data)
{
  const VigieVocabEntry *entries;
  guint n = 0;

  entries = vigie_vocab_entries (VIGIE_VOCAB_REMEDIATION_STATUS, &n);
  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *sql = NULL;
        g_autofree char *status = NULL;
        gboolean ok;

        sql = g_strdup_printf ("UPDATE remediation_actions SET status = '%s' WHERE id = 2",
                               entries[i].code);
        g_assert_true (vigie_store_exec (fx->store, sql, NULL));
        ok = vigie_store_change_action_status (fx->store, 2, entries[j].code, "2026-06-15",
                                               NULL, NULL, 0, &error);
        status = query_text (fx->store, "SELECT status FROM remediation_actions WHERE id = 2");
        if (vigie_remediation_transition_allowed (entries[i].code, entries[j].code))
          {
            g_assert_no_error (error);
            g_assert_true (ok);
            g_assert_cmpstr (status, ==, entries[j].code);
          }
        else
          {
            g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_CONSTRAINT);
            g_assert_false (ok);
            g_assert_cmpstr (status, ==, entries[i].code);
          }
      }
  /* 33 allowed changes, 33 history entries for action 2. */
  g_assert_cmpint (query_int (fx->store, "SELECT count(*) FROM remediation_status_history "
                                         "WHERE action_id = 2"), ==, 33);
}

static void
test_history (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(VigieActionRecord) r = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  VigieStatusChange *c;
  gint64 id;
  gint64 audits_before = query_int (fx->store, "SELECT count(*) FROM audit_log");

  r = vigie_action_record_new ();
  r->finding_id = 1;
  g_free (r->description);
  r->description = g_strdup ("  Return passports to workers  ");
  r->opened_on = g_strdup ("2026-06-01");
  r->due_on = g_strdup ("2026-07-01");
  id = vigie_store_insert_action (fx->store, r, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (r->id, ==, id);

  g_assert_true (vigie_store_change_action_status (fx->store, id, "plan_submitted",
                                                   "2026-06-03", "Employer HR", "Plan received",
                                                   0, &error));
  g_assert_no_error (error);
  g_assert_true (vigie_store_change_action_status (fx->store, id, "plan_accepted",
                                                   "2026-06-05", NULL, "Plan meets the Code",
                                                   1, &error));
  g_assert_no_error (error);
  /* Forbidden: plan_accepted → closed. Nothing written. */
  g_assert_false (vigie_store_change_action_status (fx->store, id, "closed", "2026-06-06",
                                                    NULL, NULL, 0, &error));
  g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  /* A date that is not a date is refused. */
  g_assert_false (vigie_store_change_action_status (fx->store, id, "in_progress", "2026-13-01",
                                                    NULL, NULL, 0, &error));
  g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  /* Today (VIGIE_TODAY) when no date is given; reported_complete sets completed_on. */
  g_assert_true (vigie_store_change_action_status (fx->store, id, "in_progress", NULL, NULL,
                                                   NULL, 0, &error));
  g_assert_true (vigie_store_change_action_status (fx->store, id, "reported_complete",
                                                   "2026-06-20", NULL, NULL, 0, &error));
  g_assert_no_error (error);

  history = vigie_store_list_action_history (fx->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 5);
  c = g_ptr_array_index (history, 0);
  g_assert_null (c->from_status);
  g_assert_cmpstr (c->to_status, ==, "proposed");
  g_assert_cmpstr (c->changed_on, ==, "2026-06-01");
  g_assert_cmpstr (c->changed_by, ==, "tester");
  c = g_ptr_array_index (history, 1);
  g_assert_cmpstr (c->from_status, ==, "proposed");
  g_assert_cmpstr (c->to_status, ==, "plan_submitted");
  g_assert_cmpstr (c->changed_by, ==, "Employer HR");
  g_assert_cmpstr (c->note, ==, "Plan received");
  g_assert_cmpint (c->evidence_id, ==, 0);
  c = g_ptr_array_index (history, 2);
  g_assert_cmpstr (c->to_status, ==, "plan_accepted");
  g_assert_cmpstr (c->changed_on, ==, "2026-06-05");
  g_assert_cmpstr (c->changed_by, ==, "tester");
  g_assert_cmpint (c->evidence_id, ==, 1);
  c = g_ptr_array_index (history, 3);
  g_assert_cmpstr (c->to_status, ==, "in_progress");
  g_assert_cmpstr (c->changed_on, ==, "2026-06-15");
  c = g_ptr_array_index (history, 4);
  g_assert_cmpstr (c->from_status, ==, "in_progress");

  g_clear_pointer (&r, vigie_action_record_free);
  r = vigie_store_get_action (fx->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (r->description, ==, "Return passports to workers");
  g_assert_cmpstr (r->status, ==, "reported_complete");
  g_assert_cmpstr (r->completed_on, ==, "2026-06-20");

  /* Audit: the insert, 4 status updates and 5 history rows. */
  g_assert_cmpint (query_int (fx->store, "SELECT count(*) FROM audit_log"), ==,
                   audits_before + 10);
  g_assert_cmpint (query_int (fx->store, "SELECT count(*) FROM audit_log WHERE "
                                         "table_name = 'remediation_status_history'"), ==, 5);
  {
    g_autofree char *old_new = query_text (fx->store,
                                           "SELECT old_values || new_values FROM audit_log "
                                           "WHERE table_name = 'remediation_actions' AND "
                                           "action = 'update' ORDER BY id LIMIT 1");

    g_assert_nonnull (strstr (old_new, "\"proposed\""));
    g_assert_nonnull (strstr (old_new, "\"plan_submitted\""));
  }
}

static void
test_bulk_change (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree const char **common = NULL;
  const gint64 open_ids[] = { 2, 6 };            /* both proposed */
  const gint64 mixed[] = { 1, 7 };               /* in_progress, disputed */
  const gint64 bad[] = { 2, 5 };                 /* proposed, closed */

  common = vigie_store_common_next_statuses (fx->store, mixed, 2, &error);
  g_assert_no_error (error);
  /* in_progress → reported_complete|disputed|escalated|abandoned; disputed →
   * in_progress|escalated|abandoned: in common, escalated and abandoned. */
  g_assert_cmpuint (g_strv_length ((char **) common), ==, 2);
  g_assert_cmpstr (common[0], ==, "escalated");
  g_assert_cmpstr (common[1], ==, "abandoned");
  g_clear_pointer (&common, g_free);
  common = vigie_store_common_next_statuses (fx->store, bad, 2, &error);
  g_assert_null (common[0]);
  g_clear_pointer (&common, g_free);

  g_assert_true (vigie_store_change_actions_status (fx->store, open_ids, 2, "plan_submitted",
                                                    "2026-06-15", NULL, "Bulk", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fx->store, "SELECT count(*) FROM remediation_actions WHERE "
                                         "id IN (2, 6) AND status = 'plan_submitted'"), ==, 2);
  /* All or nothing: action 5 is closed, so neither changes. */
  g_assert_false (vigie_store_change_actions_status (fx->store, bad, 2, "plan_accepted",
                                                     "2026-06-15", NULL, NULL, &error));
  g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (query_int (fx->store, "SELECT count(*) FROM remediation_actions WHERE "
                                         "id = 2 AND status = 'plan_submitted'"), ==, 1);
  g_assert_cmpint (query_int (fx->store, "SELECT count(*) FROM remediation_status_history "
                                         "WHERE note = 'Bulk'"), ==, 2);
}

/* ─── Overdue ────────────────────────────────────────────────────────────── */

static void
test_overdue_pure (void)
{
  g_assert_true (vigie_remediation_is_overdue ("in_progress", "2026-06-14", "2026-06-15"));
  g_assert_cmpint (vigie_remediation_days_overdue ("in_progress", "2026-06-14", "2026-06-15"),
                   ==, 1);
  /* Due today is not overdue yet. */
  g_assert_false (vigie_remediation_is_overdue ("in_progress", "2026-06-15", "2026-06-15"));
  /* Across a leap day. */
  g_assert_cmpint (vigie_remediation_days_overdue ("proposed", "2028-02-28", "2028-03-01"),
                   ==, 2);
  g_assert_cmpint (vigie_remediation_days_overdue ("escalated", "2025-06-15", "2026-06-15"),
                   ==, 365);
  /* Completed, verified, closed and abandoned actions are never overdue. */
  g_assert_false (vigie_remediation_is_overdue ("reported_complete", "2020-01-01", "2026-06-15"));
  g_assert_false (vigie_remediation_is_overdue ("verified_by_workers", "2020-01-01", "2026-06-15"));
  g_assert_false (vigie_remediation_is_overdue ("closed", "2020-01-01", "2026-06-15"));
  g_assert_false (vigie_remediation_is_overdue ("abandoned", "2020-01-01", "2026-06-15"));
  /* No due date, bad dates. */
  g_assert_false (vigie_remediation_is_overdue ("proposed", NULL, "2026-06-15"));
  g_assert_false (vigie_remediation_is_overdue ("proposed", "2026-02-30", "2026-06-15"));
}

static void
test_overdue_store (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  VigieOverdueAction *a;

  g_assert_cmpint (vigie_remediation_count_overdue (fx->store, "2026-06-15", &error), ==, 2);
  g_assert_cmpint (vigie_remediation_count_overdue (fx->store, "2026-05-01", &error), ==, 0);
  g_assert_cmpint (vigie_remediation_count_overdue (fx->store, "2026-07-02", &error), ==, 4);
  /* NULL = VIGIE_TODAY (2026-06-15 in the test environment). */
  g_assert_cmpint (vigie_remediation_count_overdue (fx->store, NULL, &error), ==, 2);
  g_assert_no_error (error);

  list = vigie_remediation_list_overdue (fx->store, "2026-06-15", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  a = g_ptr_array_index (list, 0);
  g_assert_cmpint (a->action_id, ==, 4);
  g_assert_cmpstr (a->site, ==, "Alpha Assembly");
  g_assert_cmpstr (a->finding, ==, "Excessive overtime");
  g_assert_cmpstr (a->action, ==, "Pay overtime premiums");
  g_assert_cmpstr (a->due_on, ==, "2026-05-15");
  g_assert_cmpint (a->days_overdue, ==, 31);
  g_assert_cmpstr (a->status, ==, "escalated");
  a = g_ptr_array_index (list, 1);
  g_assert_cmpint (a->action_id, ==, 1);
  g_assert_cmpint (a->days_overdue, ==, 14);

  /* Overdue is computed, never stored: closing the action removes it at once. */
  g_assert_true (vigie_store_change_action_status (fx->store, 4, "abandoned", "2026-06-15",
                                                   NULL, NULL, 0, &error));
  g_assert_cmpint (vigie_remediation_count_overdue (fx->store, "2026-06-15", &error), ==, 1);
}

/* ─── Roll-up ────────────────────────────────────────────────────────────── */

static void
test_rollup_pure (void)
{
  const char *none[] = { NULL };
  const char *fresh[] = { "proposed", "plan_submitted", "plan_rejected" };
  const char *moving[] = { "proposed", "in_progress" };
  const char *half[] = { "closed", "disputed" };
  const char *done[] = { "closed", "verified_by_workers", "verified_by_monitor" };
  const char *done_abandoned[] = { "verified_by_workers", "abandoned" };
  const char *all_abandoned[] = { "abandoned", "abandoned" };
  const char *escalated[] = { "escalated", "disputed" };

  g_assert_cmpstr (vigie_remediation_rollup_statuses (none, 0), ==, "open");
  g_assert_cmpstr (vigie_remediation_rollup_statuses (fresh, 3), ==, "open");
  g_assert_cmpstr (vigie_remediation_rollup_statuses (moving, 2), ==, "progress_made");
  g_assert_cmpstr (vigie_remediation_rollup_statuses (half, 2), ==, "progress_made");
  g_assert_cmpstr (vigie_remediation_rollup_statuses (done, 3), ==, "closed");
  g_assert_cmpstr (vigie_remediation_rollup_statuses (done_abandoned, 2), ==, "closed");
  g_assert_cmpstr (vigie_remediation_rollup_statuses (all_abandoned, 2), ==, "open");
  g_assert_cmpstr (vigie_remediation_rollup_statuses (escalated, 2), ==, "open");
}

static void
test_rollup_store (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *closed_on = NULL;
  const char *status = NULL;

  /* Finding 1: in_progress + proposed → progress made. */
  g_assert_true (vigie_store_rollup_finding (fx->store, 1, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (status, ==, "progress_made");
  g_assert_cmpint (query_int (fx->store, "SELECT count(*) FROM findings WHERE id = 1 AND "
                                         "status = 'progress_made'"), ==, 1);
  /* Finding 4 has no action: it keeps its status. */
  g_assert_true (vigie_store_rollup_finding (fx->store, 4, &status, &error));
  g_assert_cmpstr (status, ==, "open");

  /* Finding 3: closed + proposed + disputed; abandon the two open ones → closed, dated by
   * the last change. */
  g_assert_true (vigie_store_change_action_status (fx->store, 6, "abandoned", "2026-06-02",
                                                   NULL, NULL, 0, &error));
  g_assert_true (vigie_store_change_action_status (fx->store, 7, "abandoned", "2026-06-09",
                                                   NULL, NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_true (vigie_store_rollup_finding (fx->store, 3, &status, &error));
  g_assert_cmpstr (status, ==, "closed");
  closed_on = query_text (fx->store, "SELECT closed_on FROM findings WHERE id = 3");
  g_assert_cmpstr (closed_on, ==, "2026-06-09");
  g_assert_cmpint (query_int (fx->store, "SELECT count(*) FROM audit_log WHERE table_name = "
                                         "'findings' AND row_id = 3 AND action = 'update'"),
                   ==, 1);

  /* Roll-up of every finding: finding 2 (reported_complete + escalated) → progress made;
   * 1 and 3 already rolled up. */
  g_assert_cmpint (vigie_store_rollup_all_findings (fx->store, &error), ==, 1);
  g_assert_cmpint (query_int (fx->store, "SELECT count(*) FROM findings WHERE id = 2 AND "
                                         "status = 'progress_made'"), ==, 1);
  g_assert_cmpint (vigie_store_rollup_all_findings (fx->store, &error), ==, 0);
}

/* ─── Default deadlines ──────────────────────────────────────────────────── */

static void
test_deadlines (void)
{
  VigieDeadlines d;
  g_autofree char *plan = NULL;
  g_autofree char *due = NULL;

  vigie_deadlines_init_defaults (&d);
  g_assert_cmpint (d.critical_plan, ==, 7);
  g_assert_cmpint (d.critical_completion, ==, 30);
  g_assert_cmpint (d.major_plan, ==, 14);
  g_assert_cmpint (d.major_completion, ==, 90);
  g_assert_cmpint (d.minor_plan, ==, 14);
  g_assert_cmpint (d.minor_completion, ==, 180);

  g_assert_true (vigie_deadlines_compute (&d, "critical", "2026-01-31", &plan, &due));
  g_assert_cmpstr (plan, ==, "2026-02-07");
  g_assert_cmpstr (due, ==, "2026-03-02");
  g_clear_pointer (&plan, g_free);
  g_clear_pointer (&due, g_free);
  g_assert_true (vigie_deadlines_compute (&d, "major", "2026-01-31", &plan, &due));
  g_assert_cmpstr (plan, ==, "2026-02-14");
  g_assert_cmpstr (due, ==, "2026-05-01");
  g_clear_pointer (&plan, g_free);
  g_clear_pointer (&due, g_free);
  g_assert_true (vigie_deadlines_compute (&d, "minor", "2026-01-31", &plan, &due));
  g_assert_cmpstr (plan, ==, "2026-02-14");
  g_assert_cmpstr (due, ==, "2026-07-30");
  g_clear_pointer (&plan, g_free);
  g_clear_pointer (&due, g_free);
  g_assert_true (vigie_deadlines_compute (&d, "observation", "2026-01-31", &plan, &due));
  g_assert_null (plan);
  g_assert_null (due);
  g_assert_false (vigie_deadlines_compute (&d, "bogus", "2026-01-31", &plan, &due));
  g_assert_false (vigie_deadlines_compute (&d, "major", "31/01/2026", &plan, &due));

  /* Preferences changed by the analyst. */
  d.critical_plan = 3;
  d.critical_completion = 10;
  g_assert_true (vigie_deadlines_compute (&d, "critical", "2026-12-25", &plan, &due));
  g_assert_cmpstr (plan, ==, "2026-12-28");
  g_assert_cmpstr (due, ==, "2027-01-04");
}

static void
test_new_action_defaults (Fixture       *fx,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieActionRecord) r = NULL;
  g_autoptr(VigieActionRecord) obs = NULL;
  g_autoptr(VigieActionRecord) missing = NULL;
  VigieDeadlines d;

  vigie_deadlines_init_defaults (&d);
  d.major_plan = 21;
  r = vigie_store_new_action_for_finding (fx->store, 2, "2026-06-15", &d, &error);
  g_assert_no_error (error);
  g_assert_cmpint (r->finding_id, ==, 2);
  g_assert_cmpstr (r->opened_on, ==, "2026-06-15");
  g_assert_cmpstr (r->plan_due_on, ==, "2026-07-06");
  g_assert_cmpstr (r->due_on, ==, "2026-09-13");
  g_assert_cmpstr (r->status, ==, "proposed");

  obs = vigie_store_new_action_for_finding (fx->store, 4, NULL, NULL, &error);
  g_assert_cmpstr (obs->opened_on, ==, "2026-06-15");
  g_assert_null (obs->due_on);

  missing = vigie_store_new_action_for_finding (fx->store, 99, NULL, NULL, &error);
  g_assert_null (missing);
  g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND);
}

/* ─── Money and validation ───────────────────────────────────────────────── */

static void
test_money (void)
{
  gint64 v = 0;
  g_autofree char *usd = NULL;
  g_autofree char *jpy = NULL;
  g_autofree char *kwd = NULL;

  g_assert_cmpint (vigie_currency_exponent ("USD"), ==, 2);
  g_assert_cmpint (vigie_currency_exponent ("EUR"), ==, 2);
  g_assert_cmpint (vigie_currency_exponent ("JPY"), ==, 0);
  g_assert_cmpint (vigie_currency_exponent ("KRW"), ==, 0);
  g_assert_cmpint (vigie_currency_exponent ("VND"), ==, 0);
  g_assert_cmpint (vigie_currency_exponent ("KWD"), ==, 3);

  /* C locale: no digit grouping, "." decimal point. */
  usd = vigie_format_money (123450, "USD");
  g_assert_cmpstr (usd, ==, "1234.50 USD");
  jpy = vigie_format_money (123450, "JPY");
  g_assert_cmpstr (jpy, ==, "123450 JPY");
  kwd = vigie_format_money (1005, "KWD");
  g_assert_cmpstr (kwd, ==, "1.005 KWD");

  g_assert_true (vigie_parse_money ("1234.5", "USD", &v));
  g_assert_cmpint (v, ==, 123450);
  g_assert_true (vigie_parse_money ("1 234,50", "EUR", &v));
  g_assert_cmpint (v, ==, 123450);
  g_assert_true (vigie_parse_money ("1,234", "USD", &v));
  g_assert_cmpint (v, ==, 123400);
  g_assert_true (vigie_parse_money ("25,000,000", "VND", &v));
  g_assert_cmpint (v, ==, 25000000);
  g_assert_true (vigie_parse_money ("", "USD", &v));
  g_assert_cmpint (v, ==, -1);
  /* Three digits after the last separator of a 2-decimal currency: digit grouping. */
  g_assert_true (vigie_parse_money ("12.345", "USD", &v));
  g_assert_cmpint (v, ==, 1234500);
  g_assert_true (vigie_parse_money ("1.005", "KWD", &v));
  g_assert_cmpint (v, ==, 1005);
  g_assert_false (vigie_parse_money ("10.5", "JPY", &v));
  g_assert_false (vigie_parse_money ("-5", "USD", &v));
  g_assert_false (vigie_parse_money ("abc", "USD", &v));
}

static gboolean
has_error (GPtrArray  *errors,
           const char *field)
{
  for (guint i = 0; i < errors->len; i++)
    if (g_strcmp0 (((VigieFieldError *) g_ptr_array_index (errors, i))->field, field) == 0)
      return TRUE;
  return FALSE;
}

static void
test_validate (void)
{
  g_autoptr(VigieActionRecord) r = vigie_action_record_new ();
  g_autoptr(GPtrArray) errors = NULL;

  r->finding_id = 1;
  g_free (r->description);
  r->description = g_strdup ("   ");
  r->opened_on = g_strdup ("2026-06-15");
  r->plan_due_on = g_strdup ("2026-06-30");
  r->due_on = g_strdup ("2026-06-20");
  r->completed_on = g_strdup ("2026-06-01");
  r->amount_minor = 5000;
  r->beneficiaries_total = 10;
  r->beneficiaries_women = 11;
  errors = vigie_action_validate (r);
  g_assert_true (has_error (errors, "description"));
  g_assert_true (has_error (errors, "due_on"));         /* before the plan */
  g_assert_true (has_error (errors, "completed_on"));   /* before opening */
  g_assert_true (has_error (errors, "currency"));       /* amount without currency */
  g_assert_true (has_error (errors, "beneficiaries_women"));
  g_assert_false (has_error (errors, "plan_due_on"));
  g_clear_pointer (&errors, g_ptr_array_unref);

  g_free (r->description);
  r->description = g_strdup ("Pay back wages");
  g_free (r->due_on);
  r->due_on = g_strdup ("2026-07-30");
  g_clear_pointer (&r->completed_on, g_free);
  r->currency = g_strdup ("USD");
  r->beneficiaries_women = 4;
  errors = vigie_action_validate (r);
  g_assert_cmpuint (errors->len, ==, 0);
}

static void
test_update_delete (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieActionRecord) r = vigie_store_get_action (fx->store, 4, &error);
  g_autoptr(VigieActionRecord) again = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (r->description, ==, "Pay overtime premiums");
  g_assert_cmpint (r->responsible_id, ==, 2);
  g_assert_cmpint (r->amount_minor, ==, -1);
  g_free (r->root_cause);
  r->root_cause = g_strdup ("Piece rates below the legal minimum");
  r->amount_minor = 2500000;
  r->currency = g_strdup ("VND");
  r->beneficiaries_total = 120;
  r->beneficiaries_women = 80;
  g_free (r->status);
  r->status = g_strdup ("closed");      /* ignored: status changes go through transitions */
  g_assert_true (vigie_store_update_action (fx->store, r, &error));
  g_assert_no_error (error);
  again = vigie_store_get_action (fx->store, 4, &error);
  g_assert_cmpstr (again->root_cause, ==, "Piece rates below the legal minimum");
  g_assert_cmpint (again->amount_minor, ==, 2500000);
  g_assert_cmpstr (again->currency, ==, "VND");
  g_assert_cmpint (again->beneficiaries_women, ==, 80);
  g_assert_cmpint (again->beneficiaries_migrant, ==, -1);
  g_assert_cmpstr (again->status, ==, "escalated");

  g_assert_true (vigie_store_delete_action (fx->store, 4, &error));
  g_assert_null (vigie_store_get_action (fx->store, 4, &error));
  g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (query_int (fx->store, "SELECT count(*) FROM remediation_status_history "
                                         "WHERE action_id = 4"), ==, 0);
}

/* ─── Action list and spans ──────────────────────────────────────────────── */

static GString *
ids_of (VigieActionList *list)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    g_string_append_printf (s, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "",
                            vigie_action_list_get_id (list, i));
  return s;
}

static void
check_list (VigieActionList  *list,
            VigieActionQuery *q,
            const char       *expected)
{
  g_autoptr(GError) error = NULL;
  GString *s;

  g_assert_true (vigie_action_list_set_query (list, q, &error));
  g_assert_no_error (error);
  s = ids_of (list);
  g_assert_cmpstr (s->str, ==, expected);
  g_string_free (s, TRUE);
}

static void
test_action_list (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(VigieActionList) list = vigie_action_list_new (fx->store);
  g_autoptr(VigieActionQuery) q = vigie_action_query_new ();
  g_autoptr(VigieActionRow) row = NULL;
  g_autoptr(GPtrArray) sites = NULL;
  g_autoptr(GPtrArray) orgs = NULL;

  q->today = g_strdup ("2026-06-15");
  /* Due date order, undated last. */
  check_list (list, q, "4 1 3 5 7 2 6");
  q->descending = TRUE;
  check_list (list, q, "2 7 5 3 1 4 6");
  q->descending = FALSE;
  q->sort = VIGIE_ACTION_SORT_STATUS;
  check_list (list, q, "2 6 1 3 5 7 4");
  q->sort = VIGIE_ACTION_SORT_DESCRIPTION;
  check_list (list, q, "2 3 7 4 1 6 5");
  q->sort = VIGIE_ACTION_SORT_DUE;

  q->only_overdue = TRUE;
  check_list (list, q, "4 1");
  q->only_overdue = FALSE;
  q->due_this_month = TRUE;
  check_list (list, q, "1 3 5 7");
  q->due_this_month = FALSE;
  q->site_id = 2;
  check_list (list, q, "5 7 6");
  q->site_id = 0;
  q->status = g_strdup ("proposed");
  check_list (list, q, "2 6");
  g_clear_pointer (&q->status, g_free);
  q->escalation_level = g_strdup ("formal_request");
  check_list (list, q, "3 7");
  g_clear_pointer (&q->escalation_level, g_free);
  q->responsible_id = 2;
  check_list (list, q, "4 7");
  q->responsible_id = 0;

  check_list (list, q, "4 1 3 5 7 2 6");
  row = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpint (vigie_action_row_get_id (row), ==, 4);
  g_assert_cmpstr (vigie_action_row_get_site (row), ==, "Alpha Assembly");
  g_assert_cmpstr (vigie_action_row_get_finding (row), ==, "Excessive overtime");
  g_assert_cmpstr (vigie_action_row_get_responsible (row), ==, "Brand B");
  g_assert_cmpstr (vigie_action_row_get_status (row), ==, "escalated");
  g_assert_cmpint (vigie_action_row_get_days_overdue (row), ==, 31);
  g_assert_cmpuint (vigie_action_list_find_position (list, 7), ==, 4);
  g_assert_cmpuint (vigie_action_list_find_position (list, 99), ==, G_MAXUINT);

  sites = vigie_action_list_sites_in_use (fx->store, NULL);
  g_assert_cmpuint (sites->len, ==, 2);
  g_assert_cmpstr (((VigieActionChoice *) g_ptr_array_index (sites, 0))->label, ==,
                   "Alpha Assembly");
  g_assert_cmpint (((VigieActionChoice *) g_ptr_array_index (sites, 0))->n_actions, ==, 4);
  orgs = vigie_action_list_responsibles_in_use (fx->store, NULL);
  g_assert_cmpuint (orgs->len, ==, 2);
  g_assert_cmpstr (((VigieActionChoice *) g_ptr_array_index (orgs, 0))->label, ==,
                   "Alpha Employer Ltd");
}

static void
test_spans (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieActionQuery) q = vigie_action_query_new ();
  g_autoptr(VigieActionSpans) spans = NULL;
  g_autoptr(VigieActionSpans) by_finding = NULL;
  const VigieActionSpan *s;
  g_autofree char *iso = NULL;

  g_assert_cmpuint (vigie_julian_from_iso ("0001-01-01"), ==, 1);
  g_assert_cmpuint (vigie_julian_from_iso ("2026-06-15") - vigie_julian_from_iso ("2026-01-01"),
                    ==, 165);
  g_assert_cmpuint (vigie_julian_from_iso ("2026-02-30"), ==, 0);
  g_assert_cmpuint (vigie_julian_from_iso (NULL), ==, 0);
  iso = vigie_julian_to_iso (vigie_julian_from_iso ("2024-02-29"));
  g_assert_cmpstr (iso, ==, "2024-02-29");

  spans = vigie_action_spans_load (fx->store, q, VIGIE_TIMELINE_GROUP_SITE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spans->spans->len, ==, 7);
  g_assert_cmpuint (spans->group_labels->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (spans->group_labels, 0), ==, "Alpha Assembly");
  /* Alpha: opened 2026-02-01 (3, 4) then 2026-03-01 (1, 2). */
  s = &g_array_index (spans->spans, VigieActionSpan, 0);
  g_assert_cmpint (s->id, ==, 3);
  g_assert_cmpuint (s->completed, ==, vigie_julian_from_iso ("2026-06-05"));
  g_assert_false (s->pending);
  s = &g_array_index (spans->spans, VigieActionSpan, 2);
  g_assert_cmpint (s->id, ==, 1);
  g_assert_cmpstr (s->label, ==, "Repay recruitment fees");
  g_assert_cmpuint (s->group, ==, 0);
  g_assert_cmpuint (s->opened, ==, vigie_julian_from_iso ("2026-03-01"));
  g_assert_cmpuint (s->due, ==, vigie_julian_from_iso ("2026-06-01"));
  g_assert_cmpuint (s->status, ==, (guint) vigie_vocab_index (VIGIE_VOCAB_REMEDIATION_STATUS,
                                                              "in_progress"));
  g_assert_true (s->pending);
  g_assert_cmpuint (s->n_milestones, ==, 4);
  g_assert_cmpuint (g_array_index (spans->milestones, VigieActionMilestone,
                                   s->first_milestone + 3).day,
                    ==, vigie_julian_from_iso ("2026-03-20"));
  s = &g_array_index (spans->spans, VigieActionSpan, 4);
  g_assert_cmpuint (s->group, ==, 1);

  q->only_overdue = TRUE;
  q->today = g_strdup ("2026-06-15");
  by_finding = vigie_action_spans_load (fx->store, q, VIGIE_TIMELINE_GROUP_FINDING, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_finding->spans->len, ==, 2);
  g_assert_cmpuint (by_finding->group_labels->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (by_finding->group_labels, 0), ==,
                   "Excessive overtime — Alpha Assembly");
}

/* The finding picker's search, hiding a deletion awaiting its Undo (list and spans). */
static void
test_search_and_hide (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) sites = NULL;
  g_autoptr(VigieActionList) list = vigie_action_list_new (fx->store);
  g_autoptr(VigieActionQuery) q = vigie_action_query_new ();
  g_autoptr(VigieActionSpans) spans = NULL;
  VigieFindingChoice *c;

  /* Every finding, newest first (then by id, descending). */
  found = vigie_action_list_search_findings (fx->store, 0, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 4);
  g_assert_cmpint (((VigieFindingChoice *) g_ptr_array_index (found, 0))->id, ==, 4);
  g_assert_cmpint (((VigieFindingChoice *) g_ptr_array_index (found, 3))->id, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  /* A part of the title, any ASCII case, surrounding spaces ignored. */
  found = vigie_action_list_search_findings (fx->store, 0, "  OVERTIME ", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  c = g_ptr_array_index (found, 0);
  g_assert_cmpint (c->id, ==, 2);
  g_assert_cmpstr (c->title, ==, "Excessive overtime");
  g_assert_cmpstr (c->severity, ==, "major");
  g_assert_cmpstr (c->site, ==, "Alpha Assembly");
  g_assert_cmpstr (c->first_observed, ==, "2026-01-10");
  g_assert_cmpint (c->n_actions, ==, 2);
  g_clear_pointer (&found, g_ptr_array_unref);
  /* One site; % matches itself; the limit. */
  found = vigie_action_list_search_findings (fx->store, 2, "", 0, &error);
  g_assert_cmpuint (found->len, ==, 2);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = vigie_action_list_search_findings (fx->store, 1, "Canteen", 0, &error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = vigie_action_list_search_findings (fx->store, 0, "%", 0, &error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = vigie_action_list_search_findings (fx->store, 0, "e", 3, &error);
  g_assert_cmpuint (found->len, ==, 3);
  g_clear_pointer (&found, g_ptr_array_unref);
  sites = vigie_action_list_sites_with_findings (fx->store, &error);
  g_assert_cmpuint (sites->len, ==, 2);
  g_assert_cmpint (((VigieActionChoice *) g_ptr_array_index (sites, 1))->n_actions, ==, 2);

  /* Hiding: out of the list at once and of later queries and spans, until unhidden. */
  q->today = g_strdup ("2026-06-15");
  check_list (list, q, "4 1 3 5 7 2 6");
  vigie_action_list_hide_id (list, 3);
  g_assert_true (vigie_action_list_is_hidden (list, 3));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 6);
  g_assert_cmpuint (vigie_action_list_find_position (list, 3), ==, G_MAXUINT);
  g_assert_cmpuint (vigie_action_list_find_position (list, 5), ==, 2);
  check_list (list, q, "4 1 5 7 2 6");
  spans = vigie_action_spans_load (fx->store, q, VIGIE_TIMELINE_GROUP_FINDING, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spans->spans->len, ==, 7);
  vigie_action_list_filter_spans (list, spans);
  g_assert_cmpuint (spans->spans->len, ==, 6);
  for (guint i = 0; i < spans->spans->len; i++)
    g_assert_cmpint (g_array_index (spans->spans, VigieActionSpan, i).id, !=, 3);
  vigie_action_list_unhide_id (list, 3);
  g_assert_false (vigie_action_list_is_hidden (list, 3));
  check_list (list, q, "4 1 3 5 7 2 6");
}

/* ─── The same in worker threads ─────────────────────────────────────────── */

typedef struct
{
  int           pending;
  GAsyncResult *result;   /* of the last request that called back */
} Waiter;

static void
waiter_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Waiter *w = data;

  g_clear_object (&w->result);
  w->result = g_object_ref (result);
  w->pending--;
}

static void
waiter_wait (Waiter *w)
{
  while (w->pending > 0)
    g_main_context_iteration (NULL, TRUE);
}

static char *
span_ids (VigieActionSpans *spans)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < spans->spans->len; i++)
    g_string_append_printf (s, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "",
                            g_array_index (spans->spans, VigieActionSpan, i).id);
  return g_string_free (s, FALSE);
}

static void
test_action_list_async (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(VigieActionList) list = vigie_action_list_new (fx->store);
  g_autoptr(VigieActionQuery) q = vigie_action_query_new ();
  g_autoptr(VigieActionSpans) spans = NULL;
  g_autoptr(VigieActionSpans) sync_spans = NULL;
  g_autoptr(VigieActionFilterChoices) choices = NULL;
  g_autoptr(VigieActionRow) row = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *sync_ids = NULL;
  GString *listed;
  Waiter w = { 0 };

  q->today = g_strdup ("2026-06-15");

  /* The ids: the same as the synchronous query, the rows' days overdue from its day. */
  w.pending = 1;
  vigie_action_list_set_query_async (list, q, NULL, waiter_cb, &w);
  g_assert_true (vigie_action_list_is_loading (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  waiter_wait (&w);
  g_assert_true (vigie_action_list_set_query_finish (list, w.result, &error));
  g_assert_no_error (error);
  g_assert_false (vigie_action_list_is_loading (list));
  listed = ids_of (list);
  g_assert_cmpstr (listed->str, ==, "4 1 3 5 7 2 6");
  g_string_free (listed, TRUE);
  row = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpint (vigie_action_row_get_days_overdue (row), ==, 31);
  g_assert_cmpstr (vigie_action_row_get_description (row), ==, "Pay overtime premiums");

  /* Filters in quick succession: only the last one is applied. */
  w.pending = 2;
  q->only_overdue = TRUE;
  vigie_action_list_set_query_async (list, q, NULL, waiter_cb, &w);
  q->only_overdue = FALSE;
  q->site_id = 2;
  vigie_action_list_set_query_async (list, q, NULL, waiter_cb, &w);
  waiter_wait (&w);
  g_assert_true (vigie_action_list_set_query_finish (list, w.result, &error));
  listed = ids_of (list);
  g_assert_cmpstr (listed->str, ==, "5 7 6");
  g_string_free (listed, TRUE);
  q->site_id = 0;

  /* The spans: those of the synchronous load, the hidden actions left out. */
  vigie_action_list_hide_id (list, 3);
  w.pending = 1;
  vigie_action_list_load_spans_async (list, q, VIGIE_TIMELINE_GROUP_SITE, NULL, waiter_cb, &w);
  g_assert_true (vigie_action_list_is_loading_spans (list));
  waiter_wait (&w);
  spans = vigie_action_list_load_spans_finish (list, w.result, &error);
  g_assert_no_error (error);
  g_assert_false (vigie_action_list_is_loading_spans (list));
  sync_spans = vigie_action_spans_load (fx->store, q, VIGIE_TIMELINE_GROUP_SITE, &error);
  g_assert_no_error (error);
  vigie_action_list_filter_spans (list, sync_spans);
  ids = span_ids (spans);
  sync_ids = span_ids (sync_spans);
  g_assert_cmpstr (ids, ==, sync_ids);
  g_assert_cmpstr (ids, ==, "4 1 2 5 6 7");
  g_assert_cmpuint (spans->milestones->len, ==, sync_spans->milestones->len);
  g_assert_cmpuint (spans->group_labels->len, ==, 2);
  g_clear_pointer (&spans, vigie_action_spans_free);

  /* Hidden while the spans load: left out all the same. */
  vigie_action_list_unhide_id (list, 3);
  w.pending = 1;
  vigie_action_list_load_spans_async (list, q, VIGIE_TIMELINE_GROUP_SITE, NULL, waiter_cb, &w);
  vigie_action_list_hide_id (list, 1);
  waiter_wait (&w);
  spans = vigie_action_list_load_spans_finish (list, w.result, &error);
  g_assert_no_error (error);
  g_free (ids);
  ids = span_ids (spans);
  g_assert_cmpstr (ids, ==, "3 4 2 5 6 7");

  /* The choices of the filters: those of the synchronous functions. */
  w.pending = 1;
  vigie_action_list_load_filter_choices_async (list, NULL, waiter_cb, &w);
  waiter_wait (&w);
  choices = vigie_action_list_load_filter_choices_finish (list, w.result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (choices->sites->len, ==, 2);
  g_assert_cmpstr (((VigieActionChoice *) g_ptr_array_index (choices->sites, 1))->label, ==,
                   "Beta Boards");
  g_assert_cmpint (((VigieActionChoice *) g_ptr_array_index (choices->sites, 1))->n_actions, ==, 3);
  g_assert_cmpuint (choices->responsibles->len, ==, 2);
  g_assert_cmpstr (((VigieActionChoice *) g_ptr_array_index (choices->responsibles, 1))->label,
                   ==, "Brand B");
  g_clear_object (&w.result);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

#define FX(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  FX ("/remediation/search-and-hide", test_search_and_hide);
  g_test_add_func ("/remediation/transitions/table", test_transition_table);
  FX ("/remediation/transitions/store", test_transitions_in_store);
  FX ("/remediation/history", test_history);
  FX ("/remediation/bulk-change", test_bulk_change);
  g_test_add_func ("/remediation/overdue/pure", test_overdue_pure);
  FX ("/remediation/overdue/store", test_overdue_store);
  g_test_add_func ("/remediation/rollup/pure", test_rollup_pure);
  FX ("/remediation/rollup/store", test_rollup_store);
  g_test_add_func ("/remediation/deadlines", test_deadlines);
  FX ("/remediation/deadlines/new-action", test_new_action_defaults);
  g_test_add_func ("/remediation/money", test_money);
  g_test_add_func ("/remediation/validate", test_validate);
  FX ("/remediation/update-delete", test_update_delete);
  FX ("/remediation/action-list", test_action_list);
  FX ("/remediation/spans", test_spans);
  FX ("/remediation/action-list-async", test_action_list_async);
#undef FX

  return g_test_run ();
}

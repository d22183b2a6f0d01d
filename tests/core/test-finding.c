/* test-finding.c — findings: CRUD with standards and indicators, audit of status and
 * severity changes, and the list query: FTS search and every filter in SQL, against a
 * fixture whose answers are worked out by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "vigie-finding.h"
#include "vigie-finding-list.h"
#include "vigie-store-private.h"

typedef struct
{
  char       *dir;
  VigieStore *store;
} Fixture;

/* Findings, newest first by first_observed: 2 (2025-04-10), 1 (2025-03-02),
 * 5 (2025-01-15), 3 (2024-02-02), 4 (2023-05-06). */
static const char fixture_sql[] =
  "INSERT INTO sites (id, uuid, name, country, created_at, updated_at) VALUES"
  " (1, 's1', 'Alpha Electronics', 'CN', 'x', 'x'),"
  " (2, 's2', 'Beta Assembly', 'VN', 'x', 'x'),"
  " (3, 's3', 'Gamma Works', 'MX', 'x', 'x');"
  "INSERT INTO findings (id, uuid, site_id, title, description, theme, severity, status,"
  "                      disclosure_level, first_observed, closed_on, company_response,"
  "                      workers_affected, created_at, updated_at) VALUES"
  " (1, 'f1', 1, 'Retained passports', 'Guards keep the passports of migrant workers',"
  "  'document_retention', 'critical', 'open', 'internal', '2025-03-02', NULL, '', 40,"
  "  'x', 'x'),"
  " (2, 'f2', 1, 'Excessive overtime', 'Seventy hours a week in peak season',"
  "  'working_hours', 'major', 'progress_made', 'workers', '2025-04-10', NULL,"
  "  'The employer promised a new rota', 900, 'x', 'x'),"
  " (3, 'f3', 2, 'Missing fire exits', 'Two exits locked', 'health_safety', 'minor',"
  "  'closed', 'public', '2024-02-02', '2024-05-01', '', NULL, 'x', 'x'),"
  " (4, 'f4', 3, 'Recruitment fees charged', 'Agents charge three months of wages',"
  "  'recruitment_fees', 'critical', 'disputed', 'brand', '2023-05-06', NULL, '', 120,"
  "  'x', 'x'),"
  " (5, 'f5', 3, 'Unpaid wages', 'Wages paid late', 'wages', 'major', 'open',"
  "  'affiliates', '2025-01-15', NULL, '', 300, 'x', 'x');"
  "INSERT INTO evidence (uuid, finding_id, kind, summary, created_at, updated_at) VALUES"
  " ('e1', 5, 'payslip', 'Payslips show deductions for the dormitory', 'x', 'x');"
  "INSERT INTO finding_indicators (finding_id, indicator_id)"
  " SELECT 1, id FROM fl_indicators WHERE code = 'retention_of_documents'"
  " UNION ALL SELECT 4, id FROM fl_indicators WHERE code IN ('debt_bondage', 'deception')"
  " UNION ALL SELECT 5, id FROM fl_indicators WHERE code = 'withholding_of_wages';";

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fx->dir = g_dir_make_tmp ("vigie-finding-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fx->dir, "test.db", NULL);
  fx->store = vigie_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (vigie_store_exec (fx->store, fixture_sql, &error));
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->store);
  remove_tree (fx->dir);
  g_free (fx->dir);
}

static gint64
standard_id (VigieStore *store,
             const char *code,
             const char *key)
{
  sqlite3_stmt *stmt = vigie_store_prepare (store, "SELECT s.id FROM standards s JOIN "
                                                   "code_standards c ON c.id = s.code_id "
                                                   "WHERE c.code = ?1 AND s.key = ?2", NULL);
  gint64 id = 0;

  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
indicator_id (VigieStore *store,
              const char *code)
{
  sqlite3_stmt *stmt = vigie_store_prepare (store, "SELECT id FROM fl_indicators "
                                                   "WHERE code = ?1", NULL);
  gint64 id = 0;

  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* ─── CRUD ───────────────────────────────────────────────────────────────── */

static void
test_crud (Fixture       *fx,
           gconstpointer  data)
{
  g_autoptr(VigieFindingRecord) record = vigie_finding_record_new ();
  g_autoptr(VigieFindingRecord) back = NULL;
  g_autoptr(GError) error = NULL;
  gint64 fl = standard_id (fx->store, "vigie", "freedom_of_movement");
  gint64 a1 = standard_id (fx->store, "rba", "A1");
  gint64 wages = standard_id (fx->store, "vigie", "wages");
  gint64 restriction = indicator_id (fx->store, "restriction_of_movement");
  gint64 isolation = indicator_id (fx->store, "isolation");
  gint64 id;

  record->site_id = 2;
  g_free (record->title);
  record->title = g_strdup ("  Dormitory gates locked at night  ");
  g_free (record->severity);
  record->severity = g_strdup ("critical");
  g_free (record->first_observed);
  record->first_observed = g_strdup ("2026-02-01");
  record->workers_affected = 250;
  record->affects_women = TRUE;
  record->affects_young = TRUE;
  g_array_append_val (record->standard_ids, a1);
  g_array_append_val (record->standard_ids, fl);
  g_array_append_val (record->indicator_ids, restriction);
  g_array_append_val (record->indicator_ids, isolation);

  id = vigie_store_insert_finding (fx->store, record, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 5);
  /* The primary theme comes from the organisation's code, not the RBA clause. */
  g_assert_cmpstr (record->theme, ==, "freedom_of_movement");

  back = vigie_store_get_finding (fx->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->title, ==, "Dormitory gates locked at night");
  g_assert_cmpstr (back->severity, ==, "critical");
  g_assert_cmpint (back->workers_affected, ==, 250);
  g_assert_true (back->affects_women && back->affects_young && !back->affects_migrant);
  g_assert_cmpuint (back->standard_ids->len, ==, 2);
  g_assert_cmpuint (back->indicator_ids->len, ==, 2);
  g_assert_null (back->closed_on);

  /* Replace the standards and indicators: the links follow exactly. */
  g_array_set_size (back->standard_ids, 0);
  g_array_append_val (back->standard_ids, wages);
  g_array_set_size (back->indicator_ids, 0);
  g_assert_true (vigie_store_update_finding (fx->store, back, &error));
  g_assert_no_error (error);
  g_clear_pointer (&back, vigie_finding_record_free);
  back = vigie_store_get_finding (fx->store, id, &error);
  g_assert_cmpuint (back->standard_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (back->standard_ids, gint64, 0), ==, wages);
  g_assert_cmpuint (back->indicator_ids->len, ==, 0);
  g_assert_cmpstr (back->theme, ==, "wages");
  g_assert_cmpint (vigie_store_count (fx->store, "finding_indicators"), ==, 4);

  /* Closing sets the closing date to today (VIGIE_TODAY). */
  g_assert_true (vigie_store_set_finding_status (fx->store, id, "closed", &error));
  g_assert_no_error (error);
  g_clear_pointer (&back, vigie_finding_record_free);
  back = vigie_store_get_finding (fx->store, id, &error);
  g_assert_cmpstr (back->status, ==, "closed");
  g_assert_cmpstr (back->closed_on, ==, "2026-06-15");

  /* Delete cascades to the links. */
  g_assert_true (vigie_store_delete_finding (fx->store, id, &error));
  g_assert_no_error (error);
  g_assert_null (vigie_store_get_finding (fx->store, id, &error));
  g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  {
    sqlite3_stmt *stmt = vigie_store_prepare (fx->store, "SELECT count (*) FROM "
                                                         "finding_standards WHERE finding_id = ?1",
                                              NULL);
    sqlite3_bind_int64 (stmt, 1, id);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
    sqlite3_reset (stmt);
  }
}

static void
test_validation (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(VigieFindingRecord) record = vigie_finding_record_new ();
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;
  gboolean title = FALSE, site = FALSE, date = FALSE, severity = FALSE;
  gint64 bogus = 999999;

  g_free (record->severity);
  record->severity = g_strdup ("catastrophic");
  g_free (record->first_observed);
  record->first_observed = g_strdup ("2025-02-30");
  record->site_id = 42;
  g_array_append_val (record->indicator_ids, bogus);
  errors = vigie_finding_validate (fx->store, record);
  for (guint i = 0; i < errors->len; i++)
    {
      VigieFieldError *e = g_ptr_array_index (errors, i);

      title |= strcmp (e->field, "title") == 0;
      site |= strcmp (e->field, "site_id") == 0;
      date |= strcmp (e->field, "first_observed") == 0;
      severity |= strcmp (e->field, "severity") == 0;
      g_assert_nonnull (e->reason);
    }
  g_assert_true (title && site && date && severity);
  g_assert_cmpint (vigie_store_insert_finding (fx->store, record, &error), ==, 0);
  g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (vigie_store_count (fx->store, "findings"), ==, 5);
}

static void
test_audit (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(VigieFindingRecord) record = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  VigieAuditEntry *e;

  g_assert_true (vigie_store_set_finding_status (fx->store, 5, "progress_made", &error));
  g_assert_no_error (error);
  record = vigie_store_get_finding (fx->store, 5, &error);
  g_free (record->severity);
  record->severity = g_strdup ("critical");
  g_assert_true (vigie_store_update_finding (fx->store, record, &error));
  g_assert_no_error (error);

  entries = vigie_store_list_audit (fx->store, "findings", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);

  e = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (e->action, ==, "update");
  g_assert_cmpstr (e->at, ==, "2026-06-15T12:00:00Z");
  g_assert_nonnull (strstr (e->old_values, "\"status\":\"open\""));
  g_assert_nonnull (strstr (e->new_values, "\"status\":\"progress_made\""));
  g_assert_nonnull (strstr (e->old_values, "\"severity\":\"major\""));

  e = g_ptr_array_index (entries, 1);
  g_assert_nonnull (strstr (e->old_values, "\"severity\":\"major\""));
  g_assert_nonnull (strstr (e->new_values, "\"severity\":\"critical\""));
  /* The links are part of the audited values. */
  g_assert_nonnull (strstr (e->new_values, "\"indicators\":["));
}

/* ─── Query ──────────────────────────────────────────────────────────────── */

static char *
run (Fixture           *fx,
     VigieFindingQuery *q)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = vigie_finding_query_run (fx->store, q, NULL, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (ids, gint64, i));
  return g_string_free (out, FALSE);
}

#define ASSERT_QUERY(fx, q, expected) \
  G_STMT_START { g_autofree char *got_ = run (fx, q); \
                 g_assert_cmpstr (got_, ==, expected); } G_STMT_END

static void
test_filters (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(VigieFindingQuery) q = vigie_finding_query_new ();
  g_autoptr(GArray) years = NULL;
  g_autoptr(GError) error = NULL;

  ASSERT_QUERY (fx, q, "2,1,5,3,4");
  g_assert_false (vigie_finding_query_has_filters (q));

  /* Search: title, description, company response, evidence summary; no match. */
  q->search = g_strdup ("passports");
  ASSERT_QUERY (fx, q, "1");
  g_free (q->search);
  q->search = g_strdup ("rota");
  ASSERT_QUERY (fx, q, "2");
  g_free (q->search);
  q->search = g_strdup ("DORMITORY");
  ASSERT_QUERY (fx, q, "5");
  g_free (q->search);
  q->search = g_strdup ("wage");   /* prefix: "wages" in 4 and 5 */
  ASSERT_QUERY (fx, q, "5,4");
  g_free (q->search);
  q->search = g_strdup ("NOT \"* OR");
  ASSERT_QUERY (fx, q, "");
  g_clear_pointer (&q->search, g_free);

  q->site_id = 3;
  ASSERT_QUERY (fx, q, "5,4");
  q->site_id = 0;

  q->country = g_strdup ("CN");
  ASSERT_QUERY (fx, q, "2,1");
  g_clear_pointer (&q->country, g_free);

  /* A theme includes its sub-themes. */
  q->theme = g_strdup ("forced_labour");
  ASSERT_QUERY (fx, q, "1,4");
  g_free (q->theme);
  q->theme = g_strdup ("wages");
  ASSERT_QUERY (fx, q, "5");
  g_clear_pointer (&q->theme, g_free);

  q->indicator = g_strdup ("debt_bondage");
  ASSERT_QUERY (fx, q, "4");
  g_free (q->indicator);
  q->indicator = g_strdup ("isolation");
  ASSERT_QUERY (fx, q, "");
  g_clear_pointer (&q->indicator, g_free);

  q->severity = g_strdup ("critical");
  ASSERT_QUERY (fx, q, "1,4");
  q->year = 2025;
  g_assert_true (vigie_finding_query_has_filters (q));
  ASSERT_QUERY (fx, q, "1");
  g_clear_pointer (&q->severity, g_free);
  ASSERT_QUERY (fx, q, "2,1,5");
  q->year = 0;

  q->status = g_strdup ("open");
  ASSERT_QUERY (fx, q, "1,5");
  g_clear_pointer (&q->status, g_free);

  q->disclosure_level = g_strdup ("public");
  ASSERT_QUERY (fx, q, "3");
  g_clear_pointer (&q->disclosure_level, g_free);

  years = vigie_finding_list_years (fx->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (years->len, ==, 3);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2025);
  g_assert_cmpint (g_array_index (years, int, 2), ==, 2023);
}

static void
test_sorts (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(VigieFindingQuery) q = vigie_finding_query_new ();

  q->sort = VIGIE_FINDING_SORT_TITLE;
  q->descending = FALSE;
  ASSERT_QUERY (fx, q, "2,3,4,1,5");
  q->sort = VIGIE_FINDING_SORT_SEVERITY;
  ASSERT_QUERY (fx, q, "1,4,2,5,3");
  q->sort = VIGIE_FINDING_SORT_SITE;
  ASSERT_QUERY (fx, q, "1,2,3,4,5");
  q->sort = VIGIE_FINDING_SORT_WORKERS;
  q->descending = TRUE;
  ASSERT_QUERY (fx, q, "2,5,4,1,3");
  q->sort = VIGIE_FINDING_SORT_DISCLOSURE;
  q->descending = FALSE;
  ASSERT_QUERY (fx, q, "1,2,4,5,3");
  q->sort = VIGIE_FINDING_SORT_FIRST_OBSERVED;
  ASSERT_QUERY (fx, q, "4,3,5,1,2");
}

static void
test_list_rows (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(VigieFindingList) list = vigie_finding_list_new (fx->store);
  g_autoptr(VigieFindingQuery) q = vigie_finding_query_new ();
  g_autoptr(VigieFindingRow) row = NULL;
  g_autoptr(GError) error = NULL;
  gint64 fl = standard_id (fx->store, "vigie", "document_retention");

  g_assert_true (vigie_store_exec (fx->store, "INSERT INTO evidence (uuid, finding_id, kind, "
                                   "pseudonym, confidential, created_at, updated_at) VALUES "
                                   "('e2', 1, 'testimony', 'Worker K', 1, 'x', 'x')", &error));
  {
    sqlite3_stmt *stmt = vigie_store_prepare (fx->store, "INSERT INTO finding_standards VALUES "
                                                         "(1, ?1)", NULL);
    sqlite3_bind_int64 (stmt, 1, fl);
    g_assert_true (vigie_store_step_done (fx->store, stmt, NULL));
  }
  g_assert_true (vigie_finding_list_set_query (list, q, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);
  row = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_cmpint (vigie_finding_row_get_id (row), ==, 1);
  g_assert_cmpstr (vigie_finding_row_get_site_name (row), ==, "Alpha Electronics");
  g_assert_cmpstr (vigie_finding_row_get_title (row), ==, "Retained passports");
  g_assert_cmpstr (vigie_finding_row_get_themes_label (row), ==,
                   "Retention of identity documents");
  g_assert_cmpint (vigie_finding_row_get_workers_affected (row), ==, 40);
  g_assert_cmpint (vigie_finding_row_get_n_indicators (row), ==, 1);
  g_assert_cmpint (vigie_finding_row_get_n_confidential (row), ==, 1);

  vigie_finding_list_hide_id (list, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  g_assert_cmpuint (vigie_finding_list_find_position (list, 1), ==, G_MAXUINT);
}

static void
test_reference_lists (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) standards = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saw_mapping = FALSE;
  int plan = 0, completion = 0;

  standards = vigie_store_list_standards (fx->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < standards->len; i++)
    {
      VigieStandardInfo *s = g_ptr_array_index (standards, i);

      if (strcmp (s->code, "vigie") == 0 && strcmp (s->key, "working_hours") == 0)
        {
          g_assert_cmpstr (s->mapped, ==, "A3");
          saw_mapping = TRUE;
        }
    }
  g_assert_true (saw_mapping);
  indicators = vigie_store_list_fl_indicators (fx->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (indicators->len, ==, 11);

  g_assert_true (vigie_finding_default_deadlines ("critical", &plan, &completion));
  g_assert_cmpint (plan, ==, 7);
  g_assert_cmpint (completion, ==, 30);
  g_assert_false (vigie_finding_default_deadlines ("observation", &plan, &completion));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/finding/crud", test_crud);
  ADD ("/finding/validation", test_validation);
  ADD ("/finding/audit", test_audit);
  ADD ("/finding/filters", test_filters);
  ADD ("/finding/sorts", test_sorts);
  ADD ("/finding/list-rows", test_list_rows);
  ADD ("/finding/reference-lists", test_reference_lists);
#undef ADD
  return g_test_run ();
}

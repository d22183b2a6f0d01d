/* test-finding-import-batch.c — `import findings` writes its rows in batches, not through
 * vigie_store_insert_finding (): the same findings imported from a CSV file and inserted one
 * by one through the store must leave both datasets identical, table by table (findings
 * without their random UUIDs, links, audit entries, summaries), across several batches and
 * a partial one. A failure or a cancellation in a later batch leaves nothing behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "vigie-finding.h"
#include "vigie-import-findings.h"
#include "vigie-store-private.h"

#define N_ROWS 2150  /* two batches of 1024 and a partial one */

typedef struct
{
  char       *dir;
  VigieStore *a;   /* imported */
  VigieStore *b;   /* inserted one by one */
  char       *csv;
} Fixture;

static VigieStore *
open_store (Fixture    *fx,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fx->dir, name, NULL);
  VigieStore *store = vigie_store_open (path, &error);

  g_assert_no_error (error);
  vigie_store_set_actor (store, "tester");
  g_assert_true (vigie_store_exec (store, "INSERT INTO sites (id, uuid, os_id, name, country, "
                                   "created_at, updated_at) VALUES "
                                   "(1, 's1', 'CN2024123ABCDEF', 'Alpha Electronics', 'CN', 'x', 'x'),"
                                   "(2, 's2', NULL, 'Beta', 'VN', 'x', 'x'),"
                                   "(3, 's3', NULL, 'Gamma Works', 'MX', 'x', 'x')", &error));
  g_assert_no_error (error);
  return store;
}

static void
set_up (Fixture       *fx,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("vigie-import-batch-XXXXXX", &error);
  g_assert_no_error (error);
  fx->a = open_store (fx, "a.db");
  fx->b = open_store (fx, "b.db");
  fx->csv = g_build_filename (fx->dir, "findings.csv", NULL);
}

static void
tear_down (Fixture       *fx,
           gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fx->a);
  g_clear_object (&fx->b);
  dir = g_dir_open (fx->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *p = g_build_filename (fx->dir, name, NULL);

      g_unlink (p);
    }
  g_rmdir (fx->dir);
  g_free (fx->dir);
  g_free (fx->csv);
}

static const char *const severities[] = { "critical", "major", "minor", "observation" };
static const char *const kinds[] = { "breach", "risk", "good_practice" };
static const char *const statuses[] = { "open", "progress_made", "closed", "disputed" };
static const char *const levels[] = { "internal", "workers", "employer", "brand", "affiliates",
                                      "public" };
static const char *const sites[] = { "CN2024123ABCDEF", "2", "Gamma Works" };
static const char *const themes[] = { "", "wages", "forced_labour;wages", "wages;wages",
                                      "WAGES;health_safety", "document_retention" };

static gint64
lookup_id (VigieStore *store,
           const char *sql,
           const char *text)
{
  sqlite3_stmt *stmt = vigie_store_prepare (store, sql, NULL);
  gint64 id = 0;

  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
add_standards (VigieStore         *store,
               VigieFindingRecord *record,
               const char         *code,
               const char         *list)
{
  g_auto(GStrv) keys = g_strsplit (list, ";", -1);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *sql = NULL;
      gint64 id;

      if (*keys[i] == '\0')
        continue;
      sql = g_strdup_printf ("SELECT s.id FROM standards s JOIN code_standards c ON "
                             "c.id = s.code_id WHERE c.code = '%s' AND s.key = ?1 "
                             "COLLATE NOCASE", code);
      id = lookup_id (store, sql, keys[i]);
      g_array_append_val (record->standard_ids, id);
    }
}

static char *
csv_quote (const char *text)
{
  g_autoptr(GString) out = g_string_new ("\"");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Writes N rows to FX->csv and inserts the same findings into FX->b one by one. */
static void
make_rows (Fixture *fx,
           guint    n,
           gboolean insert_b)
{
  g_autoptr(GString) csv = g_string_new ("site,title,severity,first_observed,description,"
                                         "company_response,notes,kind,status,closed_on,"
                                         "disclosure_level,workers_affected,affected_groups,"
                                         "themes,rba,indicators\n");
  g_autoptr(GError) error = NULL;

  /* One transaction for the one-by-one inserts (each still writes its own rows): the test
   * waits for one fsync instead of thousands. */
  if (insert_b)
    g_assert_true (vigie_store_begin (fx->b, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VigieFindingRecord) record = vigie_finding_record_new ();
      g_autofree char *title = NULL, *description = NULL, *first = NULL, *closed = NULL;
      g_autofree char *q_title = NULL, *q_description = NULL, *q_site = NULL;
      char workers[16] = "";
      const char *status = statuses[i % 4];
      const char *groups = i % 3 == 0 ? "women;migrant" : i % 3 == 1 ? "student" : "";
      const char *rba = i % 2 == 0 ? "A1" : "";
      const char *indicators = i % 4 == 0 ? "deception;debt_bondage" : "";
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, 1, 2020);
      g_date_add_days (&date, i * 7);
      first = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date),
                               g_date_get_month (&date), g_date_get_day (&date));
      if (strcmp (status, "closed") == 0 && i % 8 == 2)
        {
          g_date_add_days (&date, 30);
          closed = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date),
                                    g_date_get_month (&date), g_date_get_day (&date));
        }
      title = g_strdup_printf (i % 5 == 0 ? "Overtime \"voluntary\", %u hours — café" :
                               "Finding %u about wages", i);
      description = g_strdup_printf (i % 6 == 0 ? "Line one,\nline two of %u" : "Details %u", i);
      q_title = csv_quote (title);
      q_description = csv_quote (description);
      q_site = csv_quote (sites[i % 3]);
      if (i % 5 != 0)
        g_snprintf (workers, sizeof workers, "%u", i * 3);
      g_string_append_printf (csv, "%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n",
                              q_site, q_title, severities[i % 4], first, q_description,
                              i % 2 ? "They deny it" : "", i % 7 == 0 ? "Internal note" : "",
                              kinds[i % 3], status, closed != NULL ? closed : "",
                              levels[i % 6], workers,
                              groups, themes[i % G_N_ELEMENTS (themes)], rba, indicators);
      if (!insert_b)
        continue;

      record->site_id = (i % 3) + 1;
      g_free (record->title);
      record->title = g_strdup (title);
      g_free (record->severity);
      record->severity = g_strdup (severities[i % 4]);
      g_free (record->first_observed);
      record->first_observed = g_strdup (first);
      g_free (record->description);
      record->description = g_strdup (description);
      g_free (record->company_response);
      record->company_response = g_strdup (i % 2 ? "They deny it" : "");
      g_free (record->notes);
      record->notes = g_strdup (i % 7 == 0 ? "Internal note" : "");
      g_free (record->kind);
      record->kind = g_strdup (kinds[i % 3]);
      g_free (record->status);
      record->status = g_strdup (status);
      record->closed_on = g_strdup (closed);
      g_free (record->disclosure_level);
      record->disclosure_level = g_strdup (levels[i % 6]);
      record->workers_affected = i % 5 == 0 ? -1 : (gint64) i * 3;
      record->affects_women = record->affects_migrant = i % 3 == 0;
      record->affects_student = i % 3 == 1;
      add_standards (fx->b, record, "vigie", themes[i % G_N_ELEMENTS (themes)]);
      add_standards (fx->b, record, "rba", rba);
      if (*indicators != '\0')
        {
          gint64 a = lookup_id (fx->b, "SELECT id FROM fl_indicators WHERE code = ?1",
                                "deception");
          gint64 b = lookup_id (fx->b, "SELECT id FROM fl_indicators WHERE code = ?1",
                                "debt_bondage");

          g_array_append_val (record->indicator_ids, a);
          g_array_append_val (record->indicator_ids, b);
        }
      g_assert_cmpint (vigie_store_insert_finding (fx->b, record, &error), >, 0);
      g_assert_no_error (error);
    }
  if (insert_b)
    g_assert_true (vigie_store_commit (fx->b, &error));
  g_assert_true (g_file_set_contents (fx->csv, csv->str, (gssize) csv->len, &error));
}

/* Every row of TABLE, ordered by every column, as text. */
static GPtrArray *
table_rows (VigieStore *store,
            const char *table)
{
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autofree char *sql = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = vigie_store_get_db (store);
  int n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM pragma_table_info (?1)", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *col = (const char *) sqlite3_column_text (stmt, 0);

      /* Only the UUIDs are drawn at random. */
      if (strcmp (table, "findings") == 0 && strcmp (col, "uuid") == 0)
        continue;
      if (columns->len > 0)
        g_string_append (columns, ", ");
      if (strcmp (table, "audit_log") == 0 && strcmp (col, "new_values") == 0)
        g_string_append (columns, "json_remove (new_values, '$.uuid')");
      else
        g_string_append_printf (columns, "\"%s\"", col);
    }
  sqlite3_finalize (stmt);
  sql = g_strdup_printf ("SELECT %s FROM \"%s\" ORDER BY %s", columns->str, table,
                         columns->str);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  n = sqlite3_column_count (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GString *row = g_string_new (NULL);

      for (int c = 0; c < n; c++)
        {
          const char *v = (const char *) sqlite3_column_text (stmt, c);

          g_string_append_printf (row, "%s|", v != NULL ? v : "NULL");
        }
      g_ptr_array_add (rows, g_string_free (row, FALSE));
    }
  sqlite3_finalize (stmt);
  return rows;
}

/* Both datasets hold the same rows in every table (FTS shadow tables excepted: their
 * segments depend on how the rows were flushed; their answers are compared instead). */
static void
assert_same_datasets (VigieStore *a,
                      VigieStore *b)
{
  sqlite3_stmt *stmt = NULL;
  guint n_tables = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (vigie_store_get_db (a),
                                       "SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' "
                                       "ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);
      g_autoptr(GPtrArray) rows_a = table_rows (a, table);
      g_autoptr(GPtrArray) rows_b = table_rows (b, table);

      g_test_message ("%s: %u rows", table, rows_a->len);
      g_assert_cmpuint (rows_a->len, ==, rows_b->len);
      for (guint i = 0; i < rows_a->len; i++)
        g_assert_cmpstr (rows_a->pdata[i], ==, rows_b->pdata[i]);
      n_tables++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n_tables, >, 20);

  for (guint i = 0; i < 2; i++)
    {
      static const char *const words[] = { "overtime", "details" };
      g_autofree char *sql = g_strdup_printf ("SELECT group_concat (rowid) FROM findings_fts "
                                              "WHERE findings_fts MATCH '%s'", words[i]);
      g_autoptr(GPtrArray) fts_a = g_ptr_array_new_with_free_func (g_free);
      sqlite3_stmt *sa = vigie_store_prepare (a, sql, NULL);
      sqlite3_stmt *sb = vigie_store_prepare (b, sql, NULL);

      g_assert_cmpint (sqlite3_step (sa), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_step (sb), ==, SQLITE_ROW);
      g_assert_nonnull (sqlite3_column_text (sa, 0));
      g_assert_cmpstr ((const char *) sqlite3_column_text (sa, 0), ==,
                       (const char *) sqlite3_column_text (sb, 0));
      sqlite3_reset (sa);
      sqlite3_reset (sb);
    }
}

static void
test_same_as_one_by_one (Fixture       *fx,
                         gconstpointer  data)
{
  g_autoptr(VigieFindingImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  make_rows (fx, N_ROWS, TRUE);
  report = vigie_import_findings (fx->a, fx->csv, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vigie_finding_import_report_get_n_rejected (report), ==, 0);
  g_assert_cmpuint (vigie_finding_import_report_get_n_added (report), ==, N_ROWS);
  g_assert_true (vigie_finding_import_report_get_written (report));
  g_assert_cmpint (vigie_store_count (fx->a, "findings"), ==, N_ROWS);
  assert_same_datasets (fx->a, fx->b);

  /* A second import appends after the first, the same way. */
  g_clear_pointer (&report, vigie_finding_import_report_free);
  make_rows (fx, 70, TRUE);
  report = vigie_import_findings (fx->a, fx->csv, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vigie_store_count (fx->a, "findings"), ==, N_ROWS + 70);
  assert_same_datasets (fx->a, fx->b);
}

static gint64
audit_count (VigieStore *store)
{
  return vigie_store_count (store, "audit_log");
}

static void
test_failure_in_a_later_batch (Fixture       *fx,
                               gconstpointer  data)
{
  g_autoptr(VigieFindingImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 audits = audit_count (fx->a);

  make_rows (fx, N_ROWS, FALSE);
  /* The 2,100th finding (third batch) is refused by the database itself. */
  g_assert_true (vigie_store_exec (fx->a, "CREATE TEMP TRIGGER refuse BEFORE INSERT ON "
                                   "main.findings WHEN new.title = 'Finding 2099 about wages' "
                                   "BEGIN SELECT RAISE (ABORT, 'refused'); END", &error));
  report = vigie_import_findings (fx->a, fx->csv, FALSE, NULL, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_nonnull (error);
  g_assert_cmpint (vigie_store_count (fx->a, "findings"), ==, 0);
  g_assert_cmpint (vigie_store_count (fx->a, "finding_standards"), ==, 0);
  g_assert_cmpint (audit_count (fx->a), ==, audits);
}

static void
cancel_on_import_cb (double      fraction,
                     const char *stage,
                     gpointer    user_data)
{
  /* After the first batch was written. */
  if (fraction > 0.5)
    g_cancellable_cancel (user_data);
}

static void
test_cancel_while_writing (Fixture       *fx,
                           gconstpointer  data)
{
  g_autoptr(VigieFindingImportReport) report = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  make_rows (fx, N_ROWS, FALSE);
  report = vigie_import_findings (fx->a, fx->csv, FALSE, cancel_on_import_cb, cancellable,
                                  cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (vigie_store_count (fx->a, "findings"), ==, 0);
  g_assert_cmpint (vigie_store_count (fx->a, "finding_indicators"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/finding-import-batch/same-as-one-by-one", Fixture, NULL, set_up,
              test_same_as_one_by_one, tear_down);
  g_test_add ("/finding-import-batch/failure-in-a-later-batch", Fixture, NULL, set_up,
              test_failure_in_a_later_batch, tear_down);
  g_test_add ("/finding-import-batch/cancel-while-writing", Fixture, NULL, set_up,
              test_cancel_while_writing, tear_down);
  return g_test_run ();
}

/* test-finding-import.c — `import findings`: a good file is added whole, with standards
 * and indicators; a file with bad rows adds nothing and names each row, field and reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "vigie-finding.h"
#include "vigie-import.h"
#include "vigie-import-findings.h"
#include "vigie-store-private.h"

typedef struct
{
  char       *dir;
  char       *path;
  VigieStore *store;
} Fixture;

static void
set_up (Fixture       *fx,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("vigie-import-findings-XXXXXX", &error);
  fx->path = g_build_filename (fx->dir, "test.db", NULL);
  fx->store = vigie_store_open (fx->path, &error);
  g_assert_no_error (error);
  g_assert_true (vigie_store_exec (fx->store, "INSERT INTO sites (id, uuid, name, country, "
                                   "created_at, updated_at) VALUES (1, 's', 'Alpha Electronics', "
                                   "'CN', 'x', 'x'), (2, 't', 'Beta', 'VN', 'x', 'x')", &error));
}

static void
tear_down (Fixture       *fx,
           gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fx->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fx->path, "-shm", NULL);

  g_clear_object (&fx->store);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (fx->path);
  g_rmdir (fx->dir);
  g_free (fx->path);
  g_free (fx->dir);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

static void
test_good (Fixture       *fx,
           gconstpointer  data)
{
  g_autofree char *csv = fixture_path ("findings.csv");
  g_autoptr(VigieFindingImportReport) report = NULL;
  g_autoptr(VigieFindingRecord) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;

  /* Dry run: checked, nothing written. */
  report = vigie_import_findings (fx->store, csv, TRUE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vigie_finding_import_report_get_n_added (report), ==, 3);
  g_assert_false (vigie_finding_import_report_get_written (report));
  g_assert_cmpint (vigie_store_count (fx->store, "findings"), ==, 0);
  g_clear_pointer (&report, vigie_finding_import_report_free);

  report = vigie_import_findings (fx->store, csv, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (vigie_finding_import_report_get_written (report));
  g_assert_cmpuint (vigie_finding_import_report_get_n_rejected (report), ==, 0);
  text = vigie_finding_import_report_format (report, "findings.csv");
  g_assert_nonnull (strstr (text, "3 findings added"));
  g_assert_cmpint (vigie_store_count (fx->store, "findings"), ==, 3);
  g_assert_cmpint (vigie_store_count (fx->store, "finding_indicators"), ==, 2);

  stmt = vigie_store_prepare (fx->store, "SELECT id FROM findings WHERE title = "
                                         "'Passports kept by security'", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  first = vigie_store_get_finding (fx->store, sqlite3_column_int64 (stmt, 0), &error);
  sqlite3_reset (stmt);
  g_assert_no_error (error);
  g_assert_cmpint (first->site_id, ==, 1);
  g_assert_cmpstr (first->description, ==, "Guards keep passports, \"for safety\"");
  g_assert_cmpstr (first->theme, ==, "document_retention");
  g_assert_true (first->affects_women && first->affects_migrant && !first->affects_agency);
  g_assert_cmpuint (first->standard_ids->len, ==, 2);
  g_assert_cmpint (first->workers_affected, ==, 40);

  /* "Major" (a label) became the code, and the closed row got today as closing date. */
  stmt = vigie_store_prepare (fx->store, "SELECT severity FROM findings WHERE site_id = 2",
                              NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "major");
  sqlite3_reset (stmt);
  stmt = vigie_store_prepare (fx->store, "SELECT closed_on FROM findings WHERE status = "
                                         "'closed'", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "2026-06-15");
  sqlite3_reset (stmt);
}

static void
test_bad (Fixture       *fx,
          gconstpointer  data)
{
  g_autofree char *csv = fixture_path ("findings-bad.csv");
  g_autoptr(VigieFindingImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  report = vigie_import_findings (fx->store, csv, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (vigie_finding_import_report_get_written (report));
  g_assert_cmpuint (vigie_finding_import_report_get_n_rows (report), ==, 4);
  g_assert_cmpuint (vigie_finding_import_report_get_n_rejected (report), ==, 3);
  g_assert_cmpint (vigie_store_count (fx->store, "findings"), ==, 0);

  text = vigie_finding_import_report_format (report, "findings-bad.csv");
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "findings-bad.csv: row 2, field “site”: no site “Nowhere "
                                  "Factory”"));
  g_assert_nonnull (strstr (text, "row 3, field “title”: is empty"));
  g_assert_nonnull (strstr (text, "row 3, field “severity”: “catastrophic” is not one of"));
  g_assert_nonnull (strstr (text, "row 4, field “status”: “opened” is not one of"));
  g_assert_nonnull (strstr (text, "row 4, field “themes”"));
  g_assert_nonnull (strstr (text, "row 4, field “indicators”: “telepathy”"));
  g_assert_nonnull (strstr (text, "row 4, field “workers_affected”"));
  g_assert_null (strstr (text, "row 1"));
  g_assert_nonnull (strstr (text, "3 rows rejected: nothing was imported"));
}

static void
test_missing_column (Fixture       *fx,
                     gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (fx->dir, "nocol.csv", NULL);
  g_autoptr(VigieFindingImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (csv, "site,title,first_observed\n1,x,2026-01-01\n", -1,
                                      NULL));
  report = vigie_import_findings (fx->store, csv, FALSE, NULL, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, VIGIE_IMPORT_ERROR, VIGIE_IMPORT_ERROR_MISSING_COLUMN);
  g_assert_nonnull (strstr (error->message, "severity"));
  g_unlink (csv);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/finding-import/good", Fixture, NULL, set_up, test_good, tear_down);
  g_test_add ("/finding-import/bad", Fixture, NULL, set_up, test_bad, tear_down);
  g_test_add ("/finding-import/missing-column", Fixture, NULL, set_up, test_missing_column,
              tear_down);
  return g_test_run ();
}

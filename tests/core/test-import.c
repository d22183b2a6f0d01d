/* test-import.c — importing Open Supply Hub facility lists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "vigie-import.h"
#include "vigie-site.h"
#include "vigie-store-private.h"

typedef struct
{
  char       *dir;
  char       *path;
  VigieStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("vigie-import-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.db", NULL);
  f->store = vigie_store_open (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->store);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
  return path;
}

/* Text of the first column of the first row of SQL with ?1 = TEXT_PARAM (or no param). */
static char *
query_text (VigieStore *store,
            const char *sql,
            const char *text_param)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (vigie_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (text_param != NULL)
    sqlite3_bind_text (stmt, 1, text_param, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup (sqlite3_column_type (stmt, 0) == SQLITE_NULL
                     ? "NULL" : (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

/* "country|location_type|products|native_name|lat|lng|os_id" of the site named NAME. */
static char *
site_summary (VigieStore *store,
              const char *name)
{
  return query_text (store,
                     "SELECT country || '|' || location_type || '|' || products || '|' || "
                     "native_name || '|' || coalesce (latitude, '') || '|' || "
                     "coalesce (longitude, '') || '|' || coalesce (os_id, '') "
                     "FROM sites WHERE name = ?1", name);
}

static char *
workforce_of (VigieStore *store,
              const char *name)
{
  return query_text (store,
                     "SELECT as_of || '|' || source || '|' || coalesce (total, '') || '|' || "
                     "coalesce (total_min, '') || '|' || coalesce (total_max, '') "
                     "FROM workforce_snapshots w JOIN sites s ON s.id = w.site_id "
                     "WHERE s.name = ?1", name);
}

typedef struct
{
  guint  calls;
  double last;
  char  *stage;
} Progress;

static void
progress_cb (double      fraction,
             const char *stage,
             gpointer    user_data)
{
  Progress *p = user_data;

  g_assert_cmpfloat (fraction, >=, 0.0);
  g_assert_cmpfloat (fraction, <=, 1.0);
  p->calls++;
  p->last = fraction;
  g_free (p->stage);
  p->stage = g_strdup (stage);
}

static void
test_import_good (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = fixture_path ("osh-facilities.csv");
  g_autoptr(VigieImportReport) report = NULL;
  g_autoptr(VigieImportReport) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *formatted = NULL;
  Progress progress = { 0 };
  GPtrArray *rows;
  gint64 audit_before = vigie_store_count (f->store, "audit_log");

  report = vigie_import_factories (f->store, path, FALSE, progress_cb, &progress, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (vigie_import_report_get_n_rows (report), ==, 12);
  g_assert_cmpuint (vigie_import_report_get_n_added (report), ==, 12);
  g_assert_cmpuint (vigie_import_report_get_n_matched (report), ==, 0);
  g_assert_cmpuint (vigie_import_report_get_n_rejected (report), ==, 0);
  g_assert_true (vigie_import_report_get_written (report));
  g_assert_cmpint (vigie_store_count (f->store, "sites"), ==, 12);
  g_assert_cmpuint (progress.calls, >=, 2);
  g_assert_cmpfloat (progress.last, ==, 1.0);
  g_clear_pointer (&progress.stage, g_free);

  rows = vigie_import_report_get_rows (report);
  g_assert_cmpuint (rows->len, ==, 12);
  {
    VigieImportRow *row = g_ptr_array_index (rows, 1);

    g_assert_cmpuint (row->row, ==, 2);
    g_assert_cmpuint (row->line, ==, 3);
    g_assert_cmpint (row->outcome, ==, VIGIE_IMPORT_ADD);
    g_assert_cmpstr (row->name, ==, "Quanta Shanghai Manufacturing City");
    g_assert_cmpstr (row->country, ==, "CN");
    g_assert_cmpint (row->site_id, >, 0);
    /* The quoted line break in row 2 moves row 3 down a line. */
    row = g_ptr_array_index (rows, 2);
    g_assert_cmpuint (row->line, ==, 5);
  }

  /* Countries as ISO codes whatever the file said; mapped types and products; non-ASCII
   * text intact. */
  text = site_summary (f->store, "Foxconn Longhua Science Park");
  g_assert_cmpstr (text, ==, "CN|final_assembly|servers,laptops|深圳富士康|22.6556|114.0305|"
                   "CN2019303BQ3FZP");
  g_clear_pointer (&text, g_free);
  text = site_summary (f->store, "Quanta Shanghai Manufacturing City");
  g_assert_cmpstr (text, ==, "CN|final_assembly|laptops|广达上海制造城|31.0108|121.2255|");
  g_clear_pointer (&text, g_free);
  text = site_summary (f->store, "Công ty TNHH Samsung Electronics Việt Nam");
  g_assert_cmpstr (text, ==, "VN|final_assembly|phones,tablets||21.2|106.0|VN2021045AB7K23");
  g_clear_pointer (&text, g_free);
  text = site_summary (f->store, "Pegatron Taoyuan");
  g_assert_cmpstr (text, ==, "TW|office||和碩|||");
  g_clear_pointer (&text, g_free);
  text = site_summary (f->store, "Jabil Penang");
  g_assert_cmpstr (text, ==, "MY|component_manufacturing|pcb||5.3|100.3|");
  g_clear_pointer (&text, g_free);
  text = site_summary (f->store, "Flex Zhuhai");
  g_assert_cmpstr (text, ==, "CN|final_assembly|power_supplies|伟创力珠海|||");
  g_clear_pointer (&text, g_free);
  text = site_summary (f->store, "Wistron Subic");
  g_assert_cmpstr (text, ==, "PH|final_assembly|desktops||14.8|120.3|");
  g_clear_pointer (&text, g_free);
  text = site_summary (f->store, "Lenovo Warehouse Monterrey");
  g_assert_cmpstr (text, ==, "MX|warehousing|||||");
  g_clear_pointer (&text, g_free);
  text = site_summary (f->store, "Kingston Technology Penang");
  g_assert_cmpstr (text, ==, "MY|final_assembly|ssd||||");
  g_clear_pointer (&text, g_free);
  text = site_summary (f->store, "Seagate Korat");
  g_assert_cmpstr (text, ==, "TH|component_manufacturing|hdd||14.9|102.1|TH2020100XY9M3W");
  g_clear_pointer (&text, g_free);
  text = site_summary (f->store, "Samsung Display Bắc Ninh");
  g_assert_cmpstr (text, ==, "VN|final_assembly|displays||||");
  g_clear_pointer (&text, g_free);
  text = site_summary (f->store, "Tin smelter Bangka");
  g_assert_cmpstr (text, ==, "ID|raw_material_processing|||||");
  g_clear_pointer (&text, g_free);

  /* Quoted commas, quotes and line breaks survive. */
  text = query_text (f->store, "SELECT address FROM sites WHERE name = ?1", "Jabil Penang");
  g_assert_cmpstr (text, ==, "56, Hilir Sungai Kluang 1, \"Phase 4\", Bayan Lepas");
  g_clear_pointer (&text, g_free);
  text = query_text (f->store, "SELECT address FROM sites WHERE name = ?1",
                     "Quanta Shanghai Manufacturing City");
  g_assert_cmpstr (text, ==, "No. 68 Sanzhuang Road\nSongjiang Export Processing Zone");
  g_clear_pointer (&text, g_free);
  text = query_text (f->store, "SELECT parent_company FROM sites WHERE name = ?1",
                     "Foxconn Longhua Science Park");
  g_assert_cmpstr (text, ==, "Hon Hai Precision Industry");
  g_clear_pointer (&text, g_free);
  /* What Open Supply Hub said is kept in the notes. */
  text = query_text (f->store, "SELECT notes FROM sites WHERE name = ?1", "Tin smelter Bangka");
  g_assert_nonnull (strstr (text, "osh-facilities.csv"));
  g_assert_nonnull (strstr (text, "Mining"));
  g_assert_nonnull (strstr (text, "Smelting"));
  g_clear_pointer (&text, g_free);

  /* Workforce: a public snapshot dated today, exact or a range. */
  text = workforce_of (f->store, "Foxconn Longhua Science Park");
  g_assert_cmpstr (text, ==, "2026-06-15|public|1200||");
  g_clear_pointer (&text, g_free);
  text = workforce_of (f->store, "Quanta Shanghai Manufacturing City");
  g_assert_cmpstr (text, ==, "2026-06-15|public||1001|5000");
  g_clear_pointer (&text, g_free);
  text = workforce_of (f->store, "Công ty TNHH Samsung Electronics Việt Nam");
  g_assert_cmpstr (text, ==, "2026-06-15|public|20000||");
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (vigie_store_count (f->store, "workforce_snapshots"), ==, 6);

  /* One audit entry for the whole import, no per-row entries. */
  g_assert_cmpint (vigie_store_count (f->store, "audit_log"), ==, audit_before + 1);
  text = query_text (f->store, "SELECT action || '|' || table_name || '|' || "
                     "json_extract (new_values, '$.file') || '|' || "
                     "json_extract (new_values, '$.added') || '|' || "
                     "json_extract (new_values, '$.matched') FROM audit_log "
                     "ORDER BY id DESC LIMIT 1", NULL);
  g_assert_cmpstr (text, ==, "import|sites|osh-facilities.csv|12|0");
  g_clear_pointer (&text, g_free);

  /* The search index knows the new sites. */
  text = query_text (f->store, "SELECT count (*) FROM sites_fts WHERE sites_fts MATCH ?1",
                     "Seagate");
  g_assert_cmpstr (text, ==, "1");
  g_clear_pointer (&text, g_free);

  formatted = vigie_import_report_format (report, "osh-facilities.csv");
  g_assert_nonnull (strstr (formatted, "osh-facilities.csv: 12 sites added"));

  /* Importing again adds nothing: every row matches (by OS ID or name, address, country). */
  second = vigie_import_factories (f->store, path, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vigie_import_report_get_n_added (second), ==, 0);
  g_assert_cmpuint (vigie_import_report_get_n_matched (second), ==, 12);
  g_assert_cmpuint (vigie_import_report_get_n_rejected (second), ==, 0);
  g_assert_cmpint (vigie_store_count (f->store, "sites"), ==, 12);
  g_assert_cmpint (vigie_store_count (f->store, "workforce_snapshots"), ==, 6);
  rows = vigie_import_report_get_rows (second);
  for (guint i = 0; i < rows->len; i++)
    {
      VigieImportRow *row = g_ptr_array_index (rows, i);
      g_autofree char *id = NULL;

      g_assert_cmpint (row->outcome, ==, VIGIE_IMPORT_MATCH);
      g_assert_cmpint (row->matched_site_id, >, 0);
      id = query_text (f->store, "SELECT id FROM sites WHERE name = ?1", row->name);
      g_assert_cmpint (g_ascii_strtoll (id, NULL, 10), ==, row->matched_site_id);
    }
  g_clear_pointer (&formatted, g_free);
  formatted = vigie_import_report_format (second, "osh-facilities.csv");
  g_assert_nonnull (strstr (formatted, "osh-facilities.csv: 0 sites added"));
  g_assert_nonnull (strstr (formatted, "osh-facilities.csv: 12 rows matched known sites"));
  g_assert_nonnull (strstr (formatted, "row 4: “Pegatron Taoyuan” is already in the dataset"));
}

static void
test_import_bad_rows (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = fixture_path ("osh-facilities-bad.csv");
  g_autoptr(VigieImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *formatted = NULL;
  g_autofree char *errors = NULL;
  GPtrArray *rows;
  gint64 audit_before = vigie_store_count (f->store, "audit_log");
  const struct { guint row; const char *field; const char *needle; } expected[] = {
    { 2, "country", "“Atlantis” is not a known country" },
    { 3, "name", NULL },
    { 4, "lat", NULL },
    { 5, "lng", NULL },
    { 6, "number_of_workers", "many" },
    { 7, "os_id", NULL },
  };
  guint n_rejected_entries = 0;

  report = vigie_import_factories (f->store, path, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (vigie_import_report_get_n_rejected (report), ==, 6);
  g_assert_false (vigie_import_report_get_written (report));
  /* All or nothing: the two good rows were not written either. */
  g_assert_cmpint (vigie_store_count (f->store, "sites"), ==, 0);
  g_assert_cmpint (vigie_store_count (f->store, "audit_log"), ==, audit_before);

  rows = vigie_import_report_get_rows (report);
  for (guint i = 0; i < rows->len; i++)
    {
      VigieImportRow *row = g_ptr_array_index (rows, i);

      if (row->outcome != VIGIE_IMPORT_REJECT)
        continue;
      g_assert_cmpuint (n_rejected_entries, <, G_N_ELEMENTS (expected));
      g_assert_cmpuint (row->row, ==, expected[n_rejected_entries].row);
      g_assert_cmpuint (row->line, ==, expected[n_rejected_entries].row + 1);
      g_assert_cmpstr (row->field, ==, expected[n_rejected_entries].field);
      g_assert_nonnull (row->reason);
      if (expected[n_rejected_entries].needle != NULL)
        g_assert_nonnull (strstr (row->reason, expected[n_rejected_entries].needle));
      n_rejected_entries++;
    }
  g_assert_cmpuint (n_rejected_entries, ==, G_N_ELEMENTS (expected));

  formatted = vigie_import_report_format (report, "osh-facilities-bad.csv");
  g_assert_nonnull (strstr (formatted, "osh-facilities-bad.csv: row 2, field “country”: "
                                       "“Atlantis” is not a known country\n"));
  g_assert_nonnull (strstr (formatted, "osh-facilities-bad.csv: row 7, field “os_id”: "));
  g_assert_nonnull (strstr (formatted, "6 rows rejected: nothing was imported"));
  errors = vigie_import_report_format_errors (report, "bad.csv");
  g_assert_nonnull (strstr (errors, "bad.csv: row 3, field “name”: "));
  g_assert_null (strstr (errors, "rejected"));
}

static void
test_import_dry_run (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = fixture_path ("osh-facilities.csv");
  g_autoptr(VigieImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *formatted = NULL;
  gint64 audit_before = vigie_store_count (f->store, "audit_log");

  report = vigie_import_factories (f->store, path, TRUE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (vigie_import_report_get_dry_run (report));
  g_assert_false (vigie_import_report_get_written (report));
  g_assert_cmpuint (vigie_import_report_get_n_added (report), ==, 12);
  g_assert_cmpint (vigie_store_count (f->store, "sites"), ==, 0);
  g_assert_cmpint (vigie_store_count (f->store, "workforce_snapshots"), ==, 0);
  g_assert_cmpint (vigie_store_count (f->store, "audit_log"), ==, audit_before);
  formatted = vigie_import_report_format (report, "osh-facilities.csv");
  g_assert_nonnull (strstr (formatted, "12 sites would be added (dry run"));
}

static void
test_import_duplicates_in_file (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *path = write_file (f, "dupes.csv",
                                      "Country,Name,Address\n"
                                      "CN,Acme Electronics,\"1 Road, Town\"\n"
                                      "cn,ACME  electronics,1 Road Town\n"
                                      "VN,Acme Electronics,\"1 Road, Town\"\n"
                                      "China,Acme Electronics,1 road town.\n",
                                      -1);
  g_autoptr(VigieImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;
  VigieImportRow *row;

  report = vigie_import_factories (f->store, path, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vigie_import_report_get_n_added (report), ==, 2);
  g_assert_cmpuint (vigie_import_report_get_n_matched (report), ==, 2);
  g_assert_cmpint (vigie_store_count (f->store, "sites"), ==, 2);
  rows = vigie_import_report_get_rows (report);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpint (row->outcome, ==, VIGIE_IMPORT_MATCH);
  g_assert_cmpuint (row->matched_row, ==, 1);
  g_assert_cmpint (row->matched_site_id, ==, ((VigieImportRow *) rows->pdata[0])->site_id);
  row = g_ptr_array_index (rows, 2);
  g_assert_cmpint (row->outcome, ==, VIGIE_IMPORT_ADD);
  g_assert_cmpstr (row->country, ==, "VN");
  row = g_ptr_array_index (rows, 3);
  g_assert_cmpint (row->outcome, ==, VIGIE_IMPORT_MATCH);
  g_assert_cmpuint (row->matched_row, ==, 1);
}

static void
test_import_file_errors (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieImportReport) report = NULL;
  g_autofree char *missing = write_file (f, "missing.csv", "country,name\nCN,Acme\n", -1);
  g_autofree char *empty = write_file (f, "empty.csv", "", 0);
  g_autofree char *latin1 = write_file (f, "latin1.csv",
                                        "country,name,address\nFR,Caf\xE9 Usine,Rue 1\n", -1);
  g_autofree char *utf16 = write_file (f, "utf16.csv", "\xFF\xFE" "c\0o\0", 6);
  g_autofree char *twice = write_file (f, "twice.csv", "country,name,address,Name\n", -1);
  g_autofree char *nowhere = g_build_filename (f->dir, "nowhere.csv", NULL);

  report = vigie_import_factories (f->store, missing, FALSE, NULL, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, VIGIE_IMPORT_ERROR, VIGIE_IMPORT_ERROR_MISSING_COLUMN);
  g_assert_true (g_str_has_prefix (error->message, "missing.csv: "));
  g_assert_nonnull (strstr (error->message, "“address”"));
  g_clear_error (&error);

  report = vigie_import_factories (f->store, empty, FALSE, NULL, NULL, NULL, &error);
  g_assert_error (error, VIGIE_IMPORT_ERROR, VIGIE_IMPORT_ERROR_EMPTY);
  g_assert_true (g_str_has_prefix (error->message, "empty.csv: "));
  g_clear_error (&error);

  report = vigie_import_factories (f->store, latin1, FALSE, NULL, NULL, NULL, &error);
  g_assert_error (error, VIGIE_IMPORT_ERROR, VIGIE_IMPORT_ERROR_READ);
  g_assert_true (g_str_has_prefix (error->message, "latin1.csv: line 2: "));
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_clear_error (&error);

  report = vigie_import_factories (f->store, utf16, FALSE, NULL, NULL, NULL, &error);
  g_assert_error (error, VIGIE_IMPORT_ERROR, VIGIE_IMPORT_ERROR_READ);
  g_assert_true (g_str_has_prefix (error->message, "utf16.csv: line 1: "));
  g_clear_error (&error);

  report = vigie_import_factories (f->store, twice, FALSE, NULL, NULL, NULL, &error);
  g_assert_error (error, VIGIE_IMPORT_ERROR, VIGIE_IMPORT_ERROR_DUPLICATE_COLUMN);
  g_assert_nonnull (strstr (error->message, "“name”"));
  g_clear_error (&error);

  report = vigie_import_factories (f->store, nowhere, FALSE, NULL, NULL, NULL, &error);
  g_assert_error (error, VIGIE_IMPORT_ERROR, VIGIE_IMPORT_ERROR_READ);
  g_assert_true (g_str_has_prefix (error->message, "nowhere.csv: "));
  g_clear_error (&error);

  g_assert_cmpint (vigie_store_count (f->store, "sites"), ==, 0);
}

static void
test_import_workers (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = write_file (f, "workers.csv",
                                      "country,name,address,number_of_workers\n"
                                      "CN,A,1,\"12,500\"\n"
                                      "CN,B,2,250 – 499\n"
                                      "CN,C,3,0\n"
                                      "CN,D,4,1.5\n"
                                      "CN,E,4,5000-1000\n"
                                      "CN,F,4,-3\n"
                                      "CN,G,4,\"1,2\"\n",
                                      -1);
  g_autoptr(VigieImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;
  guint rejected_rows[] = { 4, 5, 6, 7 };
  guint n = 0;

  report = vigie_import_factories (f->store, path, TRUE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vigie_import_report_get_n_rejected (report), ==, 4);
  rows = vigie_import_report_get_rows (report);
  for (guint i = 0; i < rows->len; i++)
    {
      VigieImportRow *row = g_ptr_array_index (rows, i);

      if (row->outcome != VIGIE_IMPORT_REJECT)
        continue;
      g_assert_cmpuint (row->row, ==, rejected_rows[n]);
      g_assert_cmpstr (row->field, ==, "number_of_workers");
      n++;
    }
  g_assert_cmpuint (n, ==, 4);
}

static void
test_import_bulk (Fixture       *f,
                  gconstpointer  data)
{
  GString *csv = g_string_new ("country,name,address,lat,lng,number_of_workers\n");
  g_autofree char *path = NULL;
  g_autoptr(VigieImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const guint n_rows = 2500;
  gint64 start;
  gint64 audit_before = vigie_store_count (f->store, "audit_log");

  for (guint i = 1; i <= n_rows; i++)
    g_string_append_printf (csv, "%s,\"Factory %u, Unit %c\",\"%u Industrial Road\",%.4f,%.4f,%u\n",
                            i % 3 == 0 ? "VN" : "CN", i, 'A' + (i % 26), i,
                            10.0 + i / 1000.0, 105.0 + i / 1000.0, 100 + i);
  path = write_file (f, "bulk.csv", csv->str, csv->len);
  g_string_free (csv, TRUE);

  start = g_get_monotonic_time ();
  report = vigie_import_factories (f->store, path, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("imported %u rows in %.3f s", n_rows,
                  (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (vigie_import_report_get_n_added (report), ==, n_rows);
  g_assert_cmpint (vigie_store_count (f->store, "sites"), ==, n_rows);
  g_assert_cmpint (vigie_store_count (f->store, "workforce_snapshots"), ==, n_rows);
  g_assert_cmpint (vigie_store_count (f->store, "audit_log"), ==, audit_before + 1);

  /* The FTS index was rebuilt and its triggers are back. */
  text = query_text (f->store, "SELECT count (*) FROM sites_fts WHERE sites_fts MATCH ?1",
                     "\"Factory 2417\"");
  g_assert_cmpstr (text, ==, "1");
  g_clear_pointer (&text, g_free);
  text = query_text (f->store, "SELECT count (*) FROM sqlite_master WHERE type = 'trigger' "
                     "AND name LIKE 'sites_fts_%'", NULL);
  g_assert_cmpstr (text, ==, "3");
  g_clear_pointer (&text, g_free);
  {
    g_autoptr(GString) problems = g_string_new (NULL);

    g_assert_true (vigie_store_check (f->store, problems, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (problems->str, ==, "");
  }
}

static void
cancel_on_progress (double      fraction,
                    const char *stage,
                    gpointer    user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_import_cancel (Fixture       *f,
                    gconstpointer  data)
{
  GString *csv = g_string_new ("country,name,address\n");
  g_autofree char *path = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(VigieImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 1; i <= 3000; i++)
    g_string_append_printf (csv, "CN,Factory %u,Road %u\n", i, i);
  path = write_file (f, "cancel.csv", csv->str, csv->len);
  g_string_free (csv, TRUE);

  report = vigie_import_factories (f->store, path, FALSE, cancel_on_progress, cancellable,
                                   cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (vigie_store_count (f->store, "sites"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/import/good", test_import_good);
  ADD ("/import/bad-rows", test_import_bad_rows);
  ADD ("/import/dry-run", test_import_dry_run);
  ADD ("/import/duplicates-in-file", test_import_duplicates_in_file);
  ADD ("/import/file-errors", test_import_file_errors);
  ADD ("/import/workers", test_import_workers);
  ADD ("/import/bulk", test_import_bulk);
  ADD ("/import/cancel", test_import_cancel);
#undef ADD

  return g_test_run ();
}

/* test-migrate.c — every released schema version migrates to the current one with its
 * data kept, and a failed migration leaves the file untouched and the backup in place.
 *
 * The fixtures are tests/fixtures/schema-vN.db (one per released schema version, made by
 * tests/fixtures/schema-vN.sh with the code of that release) with schema-vN.json: the row
 * count and a SHA-256 of the rows of each table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "durability-util.h"
#include "vigie-store-private.h"

/* Tables a migration rewrites on purpose, with the reason; their v1 rows are not
 * compared one to one (none so far). */
static const struct { int version; const char *table; const char *why; } rewritten[] = {
  { 0, NULL, NULL },
};

static char *
fixture_path (int         version,
              const char *suffix)
{
  g_autofree char *name = g_strdup_printf ("schema-v%d.%s", version, suffix);

  return g_build_filename (dur_source_root (), "tests", "fixtures", name, NULL);
}

static gboolean
is_rewritten (int         from_version,
              const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (rewritten); i++)
    if (rewritten[i].table != NULL && rewritten[i].version > from_version
        && g_str_equal (rewritten[i].table, table))
      return TRUE;
  return FALSE;
}

/* Asserts that the file at PATH holds exactly the rows schema-vVERSION.json describes.
 * The JSON is the flat file schema-v1.sh writes: one table per line,
 *   "name": { "rows": N, "sha256": "..." } */
static void
assert_matches_json (const char *path,
                     int         version)
{
  g_autofree char *json_path = fixture_path (version, "json");
  g_autofree char *json = NULL;
  g_autofree char *version_line = g_strdup_printf ("\"schema_version\": %d,", version);
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) digests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         g_free);
  g_autoptr(GPtrArray) tables = NULL;
  sqlite3 *db;

  g_assert_true (g_file_get_contents (json_path, &json, NULL, NULL));
  g_assert_nonnull (strstr (json, version_line));
  regex = g_regex_new ("\"(\\w+)\": \\{ \"rows\": (\\d+), \"sha256\": \"([0-9a-f]{64})\" \\}",
                       0, 0, NULL);
  g_assert_nonnull (regex);
  g_regex_match (regex, json, 0, &match);
  while (g_match_info_matches (match))
    {
      g_hash_table_insert (rows, g_match_info_fetch (match, 1), g_match_info_fetch (match, 2));
      g_hash_table_insert (digests, g_match_info_fetch (match, 1),
                           g_match_info_fetch (match, 3));
      g_match_info_next (match, NULL);
    }

  db = dur_sqlite_open (path, FALSE);
  g_assert_cmpint (dur_query_int (db, "PRAGMA user_version"), ==, version);
  tables = dur_list_tables (db, "main", FALSE);
  g_assert_cmpuint (tables->len, >, 20);
  g_assert_cmpuint (tables->len, ==, g_hash_table_size (rows));
  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      const char *want_rows = g_hash_table_lookup (rows, table);
      g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", table);
      g_autofree char *count = NULL;
      g_autofree char *digest = NULL;

      if (want_rows == NULL)
        g_error ("%s: table %s is not in schema-v%d.json", path, table, version);
      count = g_strdup_printf ("%" G_GINT64_FORMAT, dur_query_int (db, count_sql));
      g_assert_cmpstr (count, ==, want_rows);
      digest = dur_rows_digest (db, "main", table);
      if (!g_str_equal (digest, g_hash_table_lookup (digests, table)))
        g_error ("%s: the rows of %s differ from schema-v%d.json", path, table, version);
    }
  sqlite3_close (db);
}

/* Copies fixture VERSION into DIR as NAME, in JOURNAL_MODE ("wal" as committed, or
 * "delete": a file that went through `vigie-cli backup`). */
static char *
copy_fixture (const char *dir,
              int         version,
              const char *name,
              const char *journal_mode)
{
  g_autofree char *fixture = fixture_path (version, "db");
  char *path = g_build_filename (dir, name, NULL);

  dur_copy_file (fixture, path);
  g_chmod (path, 0600);
  if (g_str_equal (journal_mode, "delete"))
    {
      sqlite3 *db = dur_sqlite_open (path, TRUE);
      g_autofree char *mode = dur_query_text (db, "PRAGMA journal_mode = DELETE");

      g_assert_cmpstr (mode, ==, "delete");
      sqlite3_close (db);
    }
  return path;
}

/* A fixture exists for every schema version before the current one. */
static void
test_fixtures_complete (void)
{
  for (int v = 1; v < MAX (VIGIE_SCHEMA_VERSION, 2); v++)
    {
      g_autofree char *db = fixture_path (v, "db");
      g_autofree char *json = fixture_path (v, "json");
      g_autofree char *dir = NULL;
      g_autofree char *copy = NULL;
      GStatBuf st;

      if (!g_file_test (db, G_FILE_TEST_IS_REGULAR) || !g_file_test (json, G_FILE_TEST_IS_REGULAR))
        g_error ("schema version %d was released but tests/fixtures/schema-v%d.db or .json "
                 "is missing: add them (see tests/fixtures/schema-v1.sh)", v, v);
      g_assert_cmpint (g_stat (db, &st), ==, 0);
      g_assert_cmpint (st.st_size, <, 1024 * 1024);
      /* The fixture is what its JSON says (nobody changed it by accident). SQLite opens a
       * WAL file with a -shm and a -wal next to it, even to read: read a copy, so that
       * the source tree stays clean. */
      dir = dur_temp_dir ();
      copy = copy_fixture (dir, v, "fixture.db", "wal");
      assert_matches_json (copy, v);
      dur_remove_tree (dir);
    }
}

/* Every table of the fixture, on the columns it had, holds the same rows after the
 * migration; the audit log gains exactly the migration's own entry. */
static void
assert_data_kept (const char *migrated,
                  const char *pristine,
                  int         from_version)
{
  sqlite3 *db = dur_sqlite_open (migrated, FALSE);
  g_autoptr(GPtrArray) tables = NULL;
  gint64 old_audit;

  dur_attach (db, pristine, "old");
  tables = dur_list_tables (db, "old", FALSE);
  g_assert_cmpuint (tables->len, >, 20);
  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autoptr(GPtrArray) columns = dur_list_columns (db, "old", table);
      g_autoptr(GPtrArray) now = dur_list_columns (db, "main", table);
      g_autofree char *n_old = g_strdup_printf ("SELECT count(*) FROM old.\"%s\"", table);
      g_autofree char *n_new = g_strdup_printf ("SELECT count(*) FROM main.\"%s\"", table);
      gint64 missing, added;

      if (is_rewritten (from_version, table))
        continue;
      if (now->len == 0)
        g_error ("table %s of schema %d is gone after the migration", table, from_version);
      missing = dur_rows_missing (db, "old", "main", table, columns, NULL);
      added = dur_rows_missing (db, "main", "old", table, columns, NULL);
      if (g_str_equal (table, "audit_log"))
        continue;   /* checked below */
      if (missing != 0 || added != 0
          || dur_query_int (db, n_old) != dur_query_int (db, n_new))
        g_error ("table %s: %" G_GINT64_FORMAT " rows of schema %d lost or changed, %"
                 G_GINT64_FORMAT " added by the migration", table, missing, from_version,
                 added);
    }

  /* The audit log keeps every entry and gains the migration's. */
  {
    g_autoptr(GPtrArray) columns = dur_list_columns (db, "old", "audit_log");

    g_assert_cmpint (dur_rows_missing (db, "old", "main", "audit_log", columns, NULL), ==, 0);
    old_audit = dur_query_int (db, "SELECT count(*) FROM old.audit_log");
    g_assert_cmpint (dur_query_int (db, "SELECT count(*) FROM main.audit_log"), ==,
                     old_audit + (from_version < VIGIE_SCHEMA_VERSION ? 1 : 0));
    if (from_version < VIGIE_SCHEMA_VERSION)
      g_assert_cmpint (dur_query_int (db, "SELECT count(*) FROM main.audit_log WHERE "
                                          "action = 'migrate' AND id > (SELECT max(id) FROM "
                                          "old.audit_log)"), ==, 1);
  }
  sqlite3_close (db);
}

static void
test_migrate_fixture (gconstpointer data)
{
  int version = GPOINTER_TO_INT (data);
  g_autofree char *dir = dur_temp_dir ();
  g_autofree char *pristine = copy_fixture (dir, version, "pristine.db", "wal");
  const char * const modes[] = { "wal", "delete" };

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      g_autofree char *name = g_strdup_printf ("migrated-%s.db", modes[m]);
      g_autofree char *path = copy_fixture (dir, version, name, modes[m]);
      g_autofree char *backup = g_strdup_printf ("%s.v%d.bak", path, version);
      g_autoptr(GError) error = NULL;
      g_autoptr(VigieStore) store = NULL;
      g_autoptr(GString) problems = g_string_new (NULL);
      g_autofree char *mode = NULL;

      store = vigie_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (vigie_store_get_schema_version (store), ==, VIGIE_SCHEMA_VERSION);
      if (!vigie_store_check (store, problems, &error))
        g_error ("schema %d (%s) migrated to an unsound database: %s", version, modes[m],
                 problems->str);
      g_clear_object (&store);

      /* Whatever the journal mode before, Vigie works in WAL after opening. */
      {
        sqlite3 *db = dur_sqlite_open (path, FALSE);

        mode = dur_query_text (db, "PRAGMA journal_mode");
        g_assert_cmpstr (mode, ==, "wal");
        g_assert_cmpint (dur_query_int (db, "PRAGMA user_version"), ==, VIGIE_SCHEMA_VERSION);
        sqlite3_close (db);
      }
      assert_data_kept (path, pristine, version);

      if (version < VIGIE_SCHEMA_VERSION)
        {
          /* The copy made before the upgrade is the old file, data and all. */
          g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
          assert_matches_json (backup, version);
        }
      else
        g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

      /* Opening it again changes nothing more. */
      store = vigie_store_open (path, &error);
      g_assert_no_error (error);
      g_clear_object (&store);
      assert_data_kept (path, pristine, version);
    }
  dur_remove_tree (dir);
}

/* Migration FAIL_AT fails half-way: the file is byte for byte what it was, the backup is
 * there and holds the old data, and nothing is left behind (-wal, -journal). */
static void
assert_failed_migration_leaves_file (const char *dir,
                                     int         version,
                                     const char *journal_mode,
                                     int         fail_at)
{
  g_autofree char *name = g_strdup_printf ("fail-%d-%s.db", fail_at, journal_mode);
  g_autofree char *path = copy_fixture (dir, version, name, journal_mode);
  g_autofree char *backup = g_strdup_printf ("%s.v%d.bak", path, version);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *before = dur_file_sha256 (path);
  g_autofree char *after = NULL;
  g_autofree char *fail_text = g_strdup_printf ("%d", fail_at);
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieStore) store = NULL;

  g_setenv ("VIGIE_TEST_FAIL_MIGRATION", fail_text, TRUE);
  store = vigie_store_open (path, &error);
  g_unsetenv ("VIGIE_TEST_FAIL_MIGRATION");
  g_assert_null (store);
  g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_MIGRATION);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, backup));

  after = dur_file_sha256 (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  assert_matches_json (backup, version);

  /* Without the failure the same file migrates (the backup is made again). */
  g_clear_error (&error);
  store = vigie_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vigie_store_get_schema_version (store), ==, VIGIE_SCHEMA_VERSION);
}

static void
test_failed_migration (gconstpointer data)
{
  int version = GPOINTER_TO_INT (data);
  g_autofree char *dir = dur_temp_dir ();

  if (version >= VIGIE_SCHEMA_VERSION)
    {
      g_test_skip ("no migration after this schema version yet");
      dur_remove_tree (dir);
      return;
    }
  for (int fail_at = version + 1; fail_at <= VIGIE_SCHEMA_VERSION; fail_at++)
    {
      assert_failed_migration_leaves_file (dir, version, "wal", fail_at);
      assert_failed_migration_leaves_file (dir, version, "delete", fail_at);
    }
  dur_remove_tree (dir);
}

/* A new dataset whose first migration fails stays an empty file, not half a schema. */
static void
test_failed_creation (void)
{
  g_autofree char *dir = dur_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "new.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieStore) store = NULL;
  GStatBuf st;

  g_setenv ("VIGIE_TEST_FAIL_MIGRATION", "1", TRUE);
  store = vigie_store_open (path, &error);
  g_unsetenv ("VIGIE_TEST_FAIL_MIGRATION");
  g_assert_null (store);
  g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_MIGRATION);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);

  g_clear_error (&error);
  store = vigie_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (vigie_store_check (store, NULL, &error));
  g_clear_object (&store);
  dur_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/migrate/fixtures-complete", test_fixtures_complete);
  for (int v = 1; v < MAX (VIGIE_SCHEMA_VERSION, 2); v++)
    {
      g_autofree char *migrate = g_strdup_printf ("/migrate/v%d", v);
      g_autofree char *failed = g_strdup_printf ("/migrate/v%d-failed", v);

      g_test_add_data_func (migrate, GINT_TO_POINTER (v), test_migrate_fixture);
      g_test_add_data_func (failed, GINT_TO_POINTER (v), test_failed_migration);
    }
  g_test_add_func ("/migrate/failed-creation", test_failed_creation);
  return g_test_run ();
}

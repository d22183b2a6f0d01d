/* test-backup-live.c — `vigie-cli backup` and the window's Save a Copy (vigie_store_backup)
 * copy a live dataset with SQLite's backup API: while another process keeps writing, each
 * copy is the dataset as it was at one commit (no half transaction), passes `vigie-cli
 * check`, and holds the source's rows; a copy of a quiet dataset equals it table by table;
 * a restored copy opens and works.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "durability-util.h"
#include "vigie-demo.h"
#include "vigie-site.h"
#include "vigie-store-private.h"

#define N_LIVE_COPIES 6

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
set_up (Fixture       *fx,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieStore) store = NULL;
  VigieDemoOptions options = { .n_sites = 150, .n_findings = 1500, .seed = 3 };

  fx->dir = dur_temp_dir ();
  fx->path = g_build_filename (fx->dir, "vigie.db", NULL);
  store = vigie_store_open (fx->path, &error);
  g_assert_no_error (error);
  g_assert_true (vigie_demo_generate (store, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
tear_down (Fixture       *fx,
           gconstpointer  data)
{
  dur_remove_tree (fx->dir);
  g_free (fx->dir);
  g_free (fx->path);
}

static void
assert_cli_check_sound (const char *path)
{
  const char *argv[] = { "check", "--database", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = dur_run_cli (argv, NULL, &out, &err);

  if (status != 0 || strstr (out, "Database is sound.") == NULL)
    g_error ("vigie-cli check %s: exit %d\n%s%s", path, status, out, err);
}

static void
cli_backup (const char *from,
            const char *to)
{
  const char *argv[] = { "backup", "--database", from, to, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = dur_run_cli (argv, NULL, &out, &err);

  if (status != 0)
    g_error ("vigie-cli backup: exit %d: %s", status, err);
}

/* Restoring = putting the copy back as a dataset: it opens, checks and takes writes. */
static void
assert_restores (const char *copy,
                 const char *dir,
                 const char *name)
{
  g_autofree char *restored = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieStore) store = NULL;
  g_autoptr(VigieSiteRecord) site = vigie_site_record_new ();

  dur_copy_file (copy, restored);
  store = vigie_store_open (restored, &error);
  g_assert_no_error (error);
  g_assert_true (vigie_store_check (store, NULL, &error));
  g_free (site->name);
  site->name = g_strdup ("Restored Site");
  g_free (site->country);
  site->country = g_strdup ("TH");
  g_assert_cmpint (vigie_store_insert_site (store, site, &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&store);
  assert_cli_check_sound (restored);
}

static void
test_quiet (Fixture       *fx,
            gconstpointer  data)
{
  g_autofree char *by_cli = g_build_filename (fx->dir, "cli-copy.db", NULL);
  g_autofree char *by_window = g_build_filename (fx->dir, "window-copy.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieStore) store = NULL;

  cli_backup (fx->path, by_cli);
  store = vigie_store_open (fx->path, &error);
  g_assert_no_error (error);
  g_assert_true (vigie_store_backup (store, by_window, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  for (guint i = 0; i < 2; i++)
    {
      const char *copy = i == 0 ? by_cli : by_window;
      sqlite3 *db = dur_sqlite_open (copy, FALSE);
      g_autofree char *mode = dur_query_text (db, "PRAGMA journal_mode");

      /* A single file, no WAL to carry along. */
      g_assert_cmpstr (mode, ==, "delete");
      sqlite3_close (db);
      assert_cli_check_sound (copy);
      /* Every table, the search indexes' own tables included, holds the same rows. */
      dur_assert_same_rows (fx->path, copy, TRUE);
    }
  assert_restores (by_cli, fx->dir, "restored.db");
}

/* The writer: one commit after another, each adding a site and its workforce snapshot (two
 * audited writes), until killed. Writes a byte on NOTIFY after each commit. */
static G_GNUC_NORETURN void
run_writer (const char *path,
            int         notify)
{
  g_autoptr(VigieStore) store = NULL;

  g_random_set_seed ((guint32) getpid ());
  store = vigie_store_open (path, NULL);
  if (store == NULL)
    _exit (3);
  for (guint n = 1; ; n++)
    {
      g_autoptr(VigieSiteRecord) site = vigie_site_record_new ();
      g_autoptr(VigieWorkforceRecord) workforce = vigie_workforce_record_new ();
      gint64 id;

      if (!vigie_store_begin (store, NULL))
        _exit (4);
      g_free (site->name);
      site->name = g_strdup_printf ("Live Writer Site %u", n);
      g_free (site->country);
      site->country = g_strdup ("VN");
      id = vigie_store_insert_site (store, site, NULL);
      if (id <= 0)
        _exit (5);
      workforce->site_id = id;
      g_free (workforce->as_of);
      workforce->as_of = g_strdup ("2026-05-01");
      g_free (workforce->source);
      workforce->source = g_strdup ("employer");
      workforce->total = n;
      if (vigie_store_insert_workforce (store, workforce, NULL) <= 0)
        _exit (6);
      if (!vigie_store_commit (store, NULL))
        _exit (7);
      if (write (notify, "c", 1) != 1)
        _exit (8);
    }
}

static void
wait_for_commits (int   fd,
                  guint n)
{
  char buffer[64];
  guint seen = 0;

  while (seen < n)
    {
      ssize_t got = read (fd, buffer, MIN (sizeof buffer, n - seen));

      g_assert_cmpint (got, >, 0);
      seen += (guint) got;
    }
}

/* COPY is the source as it was at one commit of the writer: every row of the copy is in
 * the source, the source's rows up to the copy's last one are in the copy, and the writer's
 * commits are whole (as many snapshots as sites). Returns the number of writer sites. */
static gint64
assert_snapshot_of (const char *source,
                    const char *copy)
{
  sqlite3 *db = dur_sqlite_open (copy, FALSE);
  g_autoptr(GPtrArray) tables = NULL;
  gint64 live_sites, live_snapshots;

  dur_attach (db, source, "src");
  tables = dur_list_tables (db, "main", FALSE);
  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autoptr(GPtrArray) columns = dur_list_columns (db, "main", table);
      g_autofree char *has_rowid_sql =
        g_strdup_printf ("SELECT count(*) FROM main.sqlite_master WHERE name = '%s' "
                         "AND sql LIKE '%%WITHOUT ROWID%%'", table);
      g_autofree char *up_to = g_strdup_printf ("rowid <= (SELECT coalesce(max(rowid), 0) "
                                                "FROM main.\"%s\")", table);
      gboolean without_rowid = dur_query_int (db, has_rowid_sql) > 0;

      if (dur_rows_missing (db, "main", "src", table, columns, NULL) != 0)
        g_error ("%s: the copy holds rows of %s that the source does not", copy, table);
      if (dur_rows_missing (db, "src", "main", table, columns,
                            without_rowid ? NULL : up_to) != 0)
        g_error ("%s: rows of %s committed before the copy are missing from it", copy, table);
    }
  live_sites = dur_query_int (db, "SELECT count(*) FROM main.sites "
                                  "WHERE name LIKE 'Live Writer Site %'");
  live_snapshots = dur_query_int (db, "SELECT count(*) FROM main.workforce_snapshots w "
                                      "JOIN main.sites s ON s.id = w.site_id "
                                      "WHERE s.name LIKE 'Live Writer Site %'");
  g_assert_cmpint (live_sites, ==, live_snapshots);
  g_assert_cmpint (dur_query_int (db, "SELECT count(*) FROM main.sites_fts WHERE sites_fts "
                                      "MATCH 'writer'"), ==, live_sites);
  sqlite3_close (db);
  return live_sites;
}

static void
test_live (Fixture       *fx,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieStore) store = NULL;
  gint64 counts[N_LIVE_COPIES];
  int notify[2];
  int status = 0;
  GPid writer;

  g_assert_cmpint (pipe (notify), ==, 0);
  writer = fork ();
  g_assert_cmpint (writer, >=, 0);
  if (writer == 0)
    {
      close (notify[0]);
      run_writer (fx->path, notify[1]);
    }
  close (notify[1]);

  store = vigie_store_open (fx->path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_LIVE_COPIES; i++)
    {
      g_autofree char *name = g_strdup_printf ("live-%u.db", i);
      char *copy = g_build_filename (fx->dir, name, NULL);

      /* Some commits between two copies, so that each copy is of another moment. */
      wait_for_commits (notify[0], 5);
      if (i % 2 == 0)
        cli_backup (fx->path, copy);
      else
        {
          g_assert_true (vigie_store_backup (store, copy, &error));
          g_assert_no_error (error);
        }
      g_ptr_array_add (copies, copy);
    }
  wait_for_commits (notify[0], 5);
  kill (writer, SIGKILL);
  g_assert_cmpint (waitpid (writer, &status, 0), ==, writer);
  g_assert_true (WIFSIGNALED (status));
  close (notify[0]);
  g_clear_object (&store);

  for (guint i = 0; i < copies->len; i++)
    {
      const char *copy = g_ptr_array_index (copies, i);

      assert_cli_check_sound (copy);
      counts[i] = assert_snapshot_of (fx->path, copy);
      g_test_message ("copy %u: %" G_GINT64_FORMAT " sites of the writer", i, counts[i]);
      /* Each copy caught the writer further on, and never its end. */
      g_assert_cmpint (counts[i], >=, 5 * ((gint64) i + 1));
      if (i > 0)
        g_assert_cmpint (counts[i], >, counts[i - 1]);
    }
  {
    sqlite3 *db = dur_sqlite_open (fx->path, FALSE);

    g_assert_cmpint (dur_query_int (db, "SELECT count(*) FROM sites "
                                        "WHERE name LIKE 'Live Writer Site %'"), >,
                     counts[N_LIVE_COPIES - 1]);
    sqlite3_close (db);
  }
  assert_restores (g_ptr_array_index (copies, 0), fx->dir, "restored.db");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/backup/quiet", Fixture, NULL, set_up, test_quiet, tear_down);
  g_test_add ("/backup/live", Fixture, NULL, set_up, test_live, tear_down);
  return g_test_run ();
}

/* test-busy.c — two processes on one dataset: a writer holding a transaction does not
 * make another writer hang or corrupt anything; the blocked one gets a clear "busy"
 * message naming the file after the busy timeout (shortened here with
 * VIGIE_BUSY_TIMEOUT_MS), readers and `vigie-cli backup` go on, and two imports at once
 * both land whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "durability-util.h"
#include "vigie-site.h"
#include "vigie-store-private.h"

#define SHORT_TIMEOUT_MS 400

typedef struct
{
  char   *dir;
  char   *path;
  char   *csv;
  gint64  site_id;
} Fixture;

static void
set_up (Fixture       *fx,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieStore) store = NULL;
  g_autoptr(VigieSiteRecord) site = vigie_site_record_new ();
  GString *csv = g_string_new ("site,title,severity,first_observed\n");

  fx->dir = dur_temp_dir ();
  fx->path = g_build_filename (fx->dir, "vigie.db", NULL);
  fx->csv = g_build_filename (fx->dir, "findings.csv", NULL);
  store = vigie_store_open (fx->path, &error);
  g_assert_no_error (error);
  g_free (site->name);
  site->name = g_strdup ("Penang Precision Plastics");
  g_free (site->country);
  site->country = g_strdup ("MY");
  g_free (site->notes);
  site->notes = g_strdup ("as it was");
  fx->site_id = vigie_store_insert_site (store, site, &error);
  g_assert_no_error (error);

  for (guint i = 1; i <= 300; i++)
    g_string_append_printf (csv, "%" G_GINT64_FORMAT ",Busy test finding %u,minor,2026-02-%02u\n",
                            fx->site_id, i, 1 + i % 28);
  g_assert_true (g_file_set_contents (fx->csv, csv->str, -1, NULL));
  g_string_free (csv, TRUE);
}

static void
tear_down (Fixture       *fx,
           gconstpointer  data)
{
  dur_remove_tree (fx->dir);
  g_free (fx->dir);
  g_free (fx->path);
  g_free (fx->csv);
}

/* Forks a process (the "window") that opens the dataset, starts a transaction, changes
 * the site, writes 'r' on READY and keeps the transaction open until it reads a byte on
 * GO; then it commits and exits 0. */
static GPid
start_writer (Fixture *fx,
              int     *ready_fd,
              int     *go_fd)
{
  int ready[2], go[2];
  GPid pid;

  g_assert_cmpint (pipe (ready), ==, 0);
  g_assert_cmpint (pipe (go), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(VigieStore) store = NULL;
      g_autoptr(VigieSiteRecord) site = NULL;
      char byte;

      close (ready[0]);
      close (go[1]);
      g_random_set_seed ((guint32) getpid ());
      store = vigie_store_open (fx->path, NULL);
      if (store == NULL || !vigie_store_begin (store, NULL))
        _exit (3);
      site = vigie_store_get_site (store, fx->site_id, NULL);
      if (site == NULL)
        _exit (4);
      g_free (site->notes);
      site->notes = g_strdup ("saved by the window");
      if (!vigie_store_update_site (store, site, NULL))
        _exit (5);
      if (write (ready[1], "r", 1) != 1 || read (go[0], &byte, 1) != 1)
        _exit (6);
      if (!vigie_store_commit (store, NULL))
        _exit (7);
      _exit (0);
    }
  close (ready[1]);
  close (go[0]);
  *ready_fd = ready[0];
  *go_fd = go[1];
  {
    char byte = 0;
    g_assert_cmpint (read (*ready_fd, &byte, 1), ==, 1);
  }
  return pid;
}

static void
finish_writer (GPid pid,
               int  ready_fd,
               int  go_fd)
{
  int status = 0;

  g_assert_cmpint (write (go_fd, "g", 1), ==, 1);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  close (ready_fd);
  close (go_fd);
}

static void
assert_busy_error (const GError *error,
                   const char   *path)
{
  g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "busy"));
  g_assert_nonnull (strstr (error->message, path));
}

/* The core API, as the window uses it: a blocked save fails after the timeout. */
static void
test_blocked_save (Fixture       *fx,
                   gconstpointer  data)
{
  g_autofree char *timeout = g_strdup_printf ("%d", SHORT_TIMEOUT_MS);
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieStore) store = NULL;
  g_autoptr(VigieSiteRecord) site = NULL;
  g_autoptr(VigieSiteRecord) seen = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  int ready, go;
  gint64 start, elapsed_ms;
  GPid writer;

  g_setenv ("VIGIE_BUSY_TIMEOUT_MS", timeout, TRUE);
  writer = start_writer (fx, &ready, &go);

  /* Opening and reading go on: the reader sees the last commit. */
  store = vigie_store_open (fx->path, &error);
  g_assert_no_error (error);
  site = vigie_store_get_site (store, fx->site_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (site->notes, ==, "as it was");

  g_free (site->notes);
  site->notes = g_strdup ("saved by the blocked one");
  start = g_get_monotonic_time ();
  g_assert_false (vigie_store_update_site (store, site, &error));
  elapsed_ms = (g_get_monotonic_time () - start) / 1000;
  g_test_message ("blocked save: %s (after %" G_GINT64_FORMAT " ms)", error->message,
                  elapsed_ms);
  assert_busy_error (error, fx->path);
  /* It waited for the timeout, and not much more. */
  g_assert_cmpint (elapsed_ms, >=, SHORT_TIMEOUT_MS - 50);
  g_assert_cmpint (elapsed_ms, <, SHORT_TIMEOUT_MS + 3000);
  g_clear_error (&error);

  /* A check says the file is busy (not damaged); a backup of the live dataset is not
   * blocked by the writer. */
  g_assert_false (vigie_store_check (store, problems, &error));
  assert_busy_error (error, fx->path);
  g_assert_cmpstr (problems->str, ==, "");
  g_clear_error (&error);
  {
    g_autofree char *copy = g_build_filename (fx->dir, "copy.db", NULL);

    g_assert_true (vigie_store_backup (store, copy, &error));
    g_assert_no_error (error);
  }

  finish_writer (writer, ready, go);

  /* The window's save is there, the blocked one is not, and the file is sound. */
  seen = vigie_store_get_site (store, fx->site_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (seen->notes, ==, "saved by the window");

  /* Once the other is done, the same save goes through. */
  g_assert_true (vigie_store_check (store, problems, &error));
  g_free (seen->notes);
  seen->notes = g_strdup ("saved after the wait");
  g_assert_true (vigie_store_update_site (store, seen, &error));
  g_assert_no_error (error);
  g_unsetenv ("VIGIE_BUSY_TIMEOUT_MS");
}

/* vigie-cli: a blocked import says the file is busy (exit status 1), a blocked reader does
 * not wait, and nothing is half written. */
static void
test_blocked_cli (Fixture       *fx,
                  gconstpointer  data)
{
  g_autofree char *timeout = g_strdup_printf ("VIGIE_BUSY_TIMEOUT_MS=%d", SHORT_TIMEOUT_MS);
  const char *env[] = { timeout, NULL };
  g_autofree char *copy = g_build_filename (fx->dir, "copy.db", NULL);
  const char *import_argv[] = { "import", "findings", "--database", fx->path, fx->csv, NULL };
  const char *check_argv[] = { "check", "--database", fx->path, NULL };
  const char *backup_argv[] = { "backup", "--database", fx->path, copy, NULL };
  const char *check_copy_argv[] = { "check", "--database", copy, NULL };
  int ready, go, status;
  gint64 start, elapsed_ms;
  GPid writer;

  writer = start_writer (fx, &ready, &go);

  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    start = g_get_monotonic_time ();
    status = dur_run_cli (import_argv, env, &out, &err);
    elapsed_ms = (g_get_monotonic_time () - start) / 1000;
    g_test_message ("blocked import: exit %d after %" G_GINT64_FORMAT " ms: %s", status,
                    elapsed_ms, err);
    g_assert_cmpint (status, ==, 1);
    g_assert_nonnull (strstr (err, "is busy"));
    g_assert_nonnull (strstr (err, fx->path));
    g_assert_cmpint (elapsed_ms, <, SHORT_TIMEOUT_MS + 5000);
  }
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    /* `check` needs the write lock for the search indexes' own check (FTS5 checks
     * through an INSERT): it says the file is busy, not that the indexes are damaged. */
    status = dur_run_cli (check_argv, env, &out, &err);
    g_test_message ("blocked check: exit %d: %s", status, err);
    g_assert_cmpint (status, ==, 1);
    g_assert_nonnull (strstr (err, "is busy"));
    g_assert_nonnull (strstr (err, fx->path));
    g_assert_null (strstr (err, "out of date"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    status = dur_run_cli (backup_argv, env, &out, &err);
    g_assert_cmpint (status, ==, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    status = dur_run_cli (check_copy_argv, NULL, &out, &err);
    g_assert_cmpint (status, ==, 0);
  }

  finish_writer (writer, ready, go);

  {
    sqlite3 *db = dur_sqlite_open (fx->path, FALSE);
    g_autofree char *notes = dur_query_text (db, "SELECT notes FROM sites");

    g_assert_cmpint (dur_query_int (db, "SELECT count(*) FROM findings"), ==, 0);
    g_assert_cmpstr (notes, ==, "saved by the window");
    sqlite3_close (db);
  }
  /* The copy made while the window wrote holds the last commit, not its half save. */
  {
    sqlite3 *db = dur_sqlite_open (copy, FALSE);
    g_autofree char *notes = dur_query_text (db, "SELECT notes FROM sites");

    g_assert_cmpstr (notes, ==, "as it was");
    sqlite3_close (db);
  }

  /* Now the import goes through. */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    status = dur_run_cli (import_argv, env, &out, &err);
    g_assert_cmpint (status, ==, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    status = dur_run_cli (check_argv, NULL, &out, &err);
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (out, "Database is sound."));
  }
}

/* Two imports at the same time: one waits for the other, and both land whole. (A generous
 * timeout, so that a loaded test machine does not turn the wait into a busy error.) */
static void
test_two_imports (Fixture       *fx,
                  gconstpointer  data)
{
  g_autofree char *csv2 = g_build_filename (fx->dir, "more.csv", NULL);
  GString *csv = g_string_new ("country,name,address\n");
  const char *argv_a[] = { dur_cli_path (), "import", "findings", "--database", fx->path,
                           fx->csv, NULL };
  const char *argv_b[] = { dur_cli_path (), "import", "factories", "--database", fx->path,
                           csv2, NULL };
  g_autoptr(GError) error = NULL;
  GPid a, b;
  int status_a = 0, status_b = 0;

  for (guint i = 1; i <= 3000; i++)
    g_string_append_printf (csv, "VN,Concurrent Factory %u,%u Tan Thuan Road\n", i, i);
  g_assert_true (g_file_set_contents (csv2, csv->str, -1, NULL));
  g_string_free (csv, TRUE);

  g_setenv ("VIGIE_BUSY_TIMEOUT_MS", "120000", TRUE);
  g_assert_true (g_spawn_async (NULL, (char **) argv_a, NULL,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                NULL, NULL, &a, &error));
  g_assert_true (g_spawn_async (NULL, (char **) argv_b, NULL,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                NULL, NULL, &b, &error));
  g_unsetenv ("VIGIE_BUSY_TIMEOUT_MS");
  g_assert_cmpint (waitpid (a, &status_a, 0), ==, a);
  g_assert_cmpint (waitpid (b, &status_b, 0), ==, b);
  g_assert_true (WIFEXITED (status_a) && WEXITSTATUS (status_a) == 0);
  g_assert_true (WIFEXITED (status_b) && WEXITSTATUS (status_b) == 0);

  {
    sqlite3 *db = dur_sqlite_open (fx->path, FALSE);
    g_autofree char *integrity = dur_query_text (db, "PRAGMA integrity_check");

    g_assert_cmpstr (integrity, ==, "ok");
    g_assert_cmpint (dur_query_int (db, "SELECT count(*) FROM findings"), ==, 300);
    g_assert_cmpint (dur_query_int (db, "SELECT count(*) FROM sites"), ==, 3001);
    g_assert_cmpint (dur_query_int (db, "SELECT count(*) FROM sites_fts WHERE sites_fts "
                                        "MATCH 'concurrent'"), ==, 3000);
    sqlite3_close (db);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/busy/blocked-save", Fixture, NULL, set_up, test_blocked_save, tear_down);
  g_test_add ("/busy/blocked-cli", Fixture, NULL, set_up, test_blocked_cli, tear_down);
  g_test_add ("/busy/two-imports", Fixture, NULL, set_up, test_two_imports, tear_down);
  return g_test_run ();
}

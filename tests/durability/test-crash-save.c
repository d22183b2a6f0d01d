/* test-crash-save.c — a save of the window killed mid-transaction.
 *
 * A child process makes the store writes the site editor and the workforce dialog make
 * (vigie_store_update_site and vigie_store_insert_workforce, each audited), grouped in one
 * transaction, and is killed with SIGKILL: at a known point inside the transaction (after
 * its uncommitted pages have spilled into the WAL), and at random moments of a stream of
 * saves. Each time the parent reopens the file as the application would and checks that
 * SQLite finds it sound and that each save is all there or not there at all.
 *
 * The random delays come from a seed printed with the test; VIGIE_CRASH_SEED=N replays it.
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

#define N_RANDOM_KILLS 12

typedef struct
{
  char   *dir;
  char   *path;
  gint64  site_id;
} Fixture;

static void
set_up (Fixture       *fx,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieStore) store = NULL;
  g_autoptr(VigieSiteRecord) site = vigie_site_record_new ();

  fx->dir = dur_temp_dir ();
  fx->path = g_build_filename (fx->dir, "vigie.db", NULL);
  store = vigie_store_open (fx->path, &error);
  g_assert_no_error (error);
  g_free (site->name);
  site->name = g_strdup ("Shenzhen Bright Circuit Co.");
  g_free (site->country);
  site->country = g_strdup ("CN");
  g_free (site->notes);
  site->notes = g_strdup ("save 0");
  fx->site_id = vigie_store_insert_site (store, site, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fx->site_id, >, 0);
  /* The parent holds no connection while children write (none is carried over a fork). */
}

static void
tear_down (Fixture       *fx,
           gconstpointer  data)
{
  dur_remove_tree (fx->dir);
  g_free (fx->dir);
  g_free (fx->path);
}

/* One save as the window makes it: the site's fields, then a new workforce snapshot, in
 * one transaction. Returns FALSE (in the child: exit) on an error. */
static gboolean
save (VigieStore *store,
      gint64      site_id,
      guint       number,
      gboolean    commit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieSiteRecord) site = NULL;
  g_autoptr(VigieWorkforceRecord) workforce = vigie_workforce_record_new ();

  if (!vigie_store_begin (store, &error))
    goto failed;
  site = vigie_store_get_site (store, site_id, &error);
  if (site == NULL)
    goto failed;
  g_free (site->notes);
  site->notes = g_strdup_printf ("save %u", number);
  g_free (site->address);
  site->address = g_strdup_printf ("%u Keyuan Road", number);
  if (!vigie_store_update_site (store, site, &error))
    goto failed;
  workforce->site_id = site_id;
  g_free (workforce->as_of);
  workforce->as_of = g_strdup ("2026-06-01");
  g_free (workforce->source);
  workforce->source = g_strdup ("monitor_estimate");
  workforce->total = 1000 + number;
  workforce->women = 400;
  g_free (workforce->notes);
  workforce->notes = g_strdup_printf ("save %u", number);
  if (vigie_store_insert_workforce (store, workforce, &error) <= 0)
    goto failed;
  if (!commit)
    return TRUE;
  if (vigie_store_commit (store, &error))
    return TRUE;

failed:
  g_printerr ("save %u: %s\n", number, error != NULL ? error->message : "?");
  return FALSE;
}

/* In a child: reports why a save failed, and ends the child. */
static void G_GNUC_NORETURN
child_fail (int         status,
            const char *what)
{
  g_printerr ("child: %s failed\n", what);
  _exit (status);
}

/* What a save number N leaves: the site's notes say "save N", the snapshots are exactly
 * saves 1..N, and each save wrote two audit entries. Returns N. */
static guint
assert_consistent (Fixture *fx,
                   gint64   audit_before)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(VigieStore) store = vigie_store_open (fx->path, &error);
  g_autoptr(VigieSiteRecord) site = NULL;
  g_autoptr(GPtrArray) snapshots = NULL;
  guint64 n = 0;
  sqlite3 *db;

  g_assert_no_error (error);
  if (!vigie_store_check (store, problems, &error))
    g_error ("the database is not sound after the kill: %s%s", problems->str,
             error != NULL ? error->message : "");
  site = vigie_store_get_site (store, fx->site_id, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (site->notes, "save "));
  g_assert_true (g_ascii_string_to_unsigned (site->notes + 5, 10, 0, G_MAXUINT, &n, NULL));
  if (n > 0)
    {
      g_autofree char *address = g_strdup_printf ("%u Keyuan Road", (guint) n);
      g_assert_cmpstr (site->address, ==, address);
    }

  snapshots = vigie_store_list_workforce (store, fx->site_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (snapshots->len, ==, n);
  db = vigie_store_get_db (store);
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*), count(DISTINCT notes), "
                                         "coalesce(max(total), 0) FROM workforce_snapshots",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, (gint64) n);
    g_assert_cmpint (sqlite3_column_int64 (stmt, 1), ==, (gint64) n);
    g_assert_cmpint (sqlite3_column_int64 (stmt, 2), ==, n > 0 ? 1000 + (gint64) n : 0);
    sqlite3_finalize (stmt);
  }
  g_assert_cmpint (vigie_store_count (store, "audit_log"), ==, audit_before + 2 * (gint64) n);
  return (guint) n;
}

static gint64
count_audit (Fixture *fx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieStore) store = vigie_store_open (fx->path, &error);

  g_assert_no_error (error);
  return vigie_store_count (store, "audit_log");
}

/* A forked child inherits GLib's random state: without a new seed it would make the same
 * UUIDs as the previous child. */
static void
reseed_after_fork (void)
{
  g_random_set_seed ((guint32) getpid () ^ (guint32) g_get_real_time ());
}

static void
kill_child (GPid pid)
{
  int status = 0;

  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
}

/* Killed inside the transaction, with its uncommitted pages already in the WAL. */
static void
test_kill_inside_transaction (Fixture       *fx,
                              gconstpointer  data)
{
  gint64 audit_before = count_audit (fx);
  g_autofree char *wal = g_strconcat (fx->path, "-wal", NULL);
  int ready[2];
  GPid pid;

  for (guint round = 0; round < 3; round++)
    {
      char byte = 0;
      GStatBuf st;

      g_assert_cmpint (pipe (ready), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          g_autoptr(VigieStore) store = NULL;

          close (ready[0]);
          reseed_after_fork ();
          store = vigie_store_open (fx->path, NULL);
          if (store == NULL)
            child_fail (3, "open");
          /* A tiny page cache: the transaction's pages spill into the WAL before commit. */
          sqlite3_exec (vigie_store_get_db (store), "PRAGMA cache_size = 2", NULL, NULL, NULL);
          if (!vigie_store_begin (store, NULL))
            child_fail (4, "begin");
          /* A big save: many snapshots, so that there are pages to spill. */
          for (guint i = 0; i < 200; i++)
            if (!save (store, fx->site_id, 1000 + i, FALSE))
              child_fail (5, "save");
          if (write (ready[1], "r", 1) != 1)
            child_fail (6, "write");
          for (;;)
            pause ();
        }
      close (ready[1]);
      g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);
      close (ready[0]);
      /* The uncommitted save is in the WAL file when the child dies. */
      g_assert_cmpint (g_stat (wal, &st), ==, 0);
      g_assert_cmpint (st.st_size, >, 0);
      kill_child (pid);

      g_assert_cmpuint (assert_consistent (fx, audit_before), ==, 0);
    }
}

/* Killed at random moments of a stream of saves (in the middle of a save, of a commit, of
 * a checkpoint): always a whole number of saves. */
static void
test_kill_random (Fixture       *fx,
                  gconstpointer  data)
{
  const char *seed_text = g_getenv ("VIGIE_CRASH_SEED");
  guint32 seed = seed_text != NULL ? (guint32) g_ascii_strtoull (seed_text, NULL, 10)
                                   : g_random_int ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  gint64 audit_before = count_audit (fx);
  guint saved = 0;

  g_test_message ("seed %u (VIGIE_CRASH_SEED=%u replays this run)", seed, seed);
  for (guint round = 0; round < N_RANDOM_KILLS; round++)
    {
      guint delay_ms = (guint) g_rand_int_range (rand, 5, 400);
      int ready[2];
      char byte = 0;
      GPid pid;

      g_assert_cmpint (pipe (ready), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          g_autoptr(VigieStore) store = NULL;

          close (ready[0]);
          reseed_after_fork ();
          store = vigie_store_open (fx->path, NULL);
          if (store == NULL)
            child_fail (3, "open");
          if (write (ready[1], "r", 1) != 1)
            child_fail (6, "write");
          for (guint n = saved + 1; ; n++)
            if (!save (store, fx->site_id, n, TRUE))
              child_fail (5, "save");
        }
      close (ready[1]);
      g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);
      close (ready[0]);
      g_usleep (delay_ms * 1000);
      kill_child (pid);

      {
        guint now = assert_consistent (fx, audit_before);

        g_test_message ("kill %u after %u ms: %u whole saves", round, delay_ms, now);
        g_assert_cmpuint (now, >=, saved);
        saved = now;
      }
    }
  /* The saves did happen (the kills did not all land before the first commit). */
  g_assert_cmpuint (saved, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/crash-save/inside-transaction", Fixture, NULL, set_up,
              test_kill_inside_transaction, tear_down);
  g_test_add ("/crash-save/random", Fixture, NULL, set_up, test_kill_random, tear_down);
  return g_test_run ();
}

/* test-demo-settings.c — the connection settings of the demo generator: on a dataset that
 * holds nothing yet it writes without fsync (PRAGMA synchronous = OFF) and a rollback
 * journal, and gives the dataset back in WAL mode with its own synchronous setting; on a
 * dataset that holds anything, it never turns synchronous off. A cancelled generation on a
 * new dataset still leaves it empty and sound.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "vigie-demo.h"
#include "vigie-store-private.h"

typedef struct
{
  char       *dir;
  VigieStore *store;
} Fixture;

typedef struct
{
  VigieStore   *store;
  gint64        min_synchronous;
  gint64        max_synchronous;
  char         *journal_mode;
  GCancellable *cancel_at_findings;
} Seen;

static gint64
query_int (VigieStore *store,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (vigie_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (VigieStore *store,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (vigie_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* Looks at the connection while the demo is being written. */
static void
progress_cb (double      fraction,
             const char *stage,
             gpointer    user_data)
{
  Seen *seen = user_data;
  gint64 synchronous;

  if (fraction <= 0.0 || fraction >= 1.0)
    return;
  synchronous = query_int (seen->store, "PRAGMA synchronous");
  seen->min_synchronous = MIN (seen->min_synchronous, synchronous);
  seen->max_synchronous = MAX (seen->max_synchronous, synchronous);
  if (seen->journal_mode == NULL)
    seen->journal_mode = query_text (seen->store, "PRAGMA journal_mode");
  if (seen->cancel_at_findings != NULL && fraction > 0.2)
    g_cancellable_cancel (seen->cancel_at_findings);
}

static void
set_up (Fixture       *fx,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fx->dir = g_dir_make_tmp ("vigie-demo-settings-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fx->dir, "demo.db", NULL);
  fx->store = vigie_store_open (path, &error);
  g_assert_no_error (error);
}

static void
tear_down (Fixture       *fx,
           gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fx->store);
  dir = g_dir_open (fx->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *p = g_build_filename (fx->dir, name, NULL);

      g_unlink (p);
    }
  g_rmdir (fx->dir);
  g_free (fx->dir);
}

static void
assert_sound (VigieStore *store)
{
  g_autofree char *check = query_text (store, "PRAGMA integrity_check");
  g_autofree char *mode = query_text (store, "PRAGMA journal_mode");

  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpstr (mode, ==, "wal");
  /* The store's own setting (FULL) is back. */
  g_assert_cmpint (query_int (store, "PRAGMA synchronous"), ==, 2);
}

static void
test_new_dataset (Fixture       *fx,
                  gconstpointer  data)
{
  VigieDemoOptions options = { 20, 300, 3, "2026-06-15" };
  Seen seen = { fx->store, G_MAXINT64, G_MININT64, NULL, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (query_int (fx->store, "PRAGMA synchronous"), ==, 2);
  g_assert_true (vigie_demo_generate (fx->store, &options, progress_cb, &seen, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (seen.max_synchronous, ==, 0);
  g_assert_cmpstr (seen.journal_mode, ==, "truncate");
  g_assert_cmpint (query_int (fx->store, "SELECT count (*) FROM findings"), ==, 300);
  assert_sound (fx->store);
  g_free (seen.journal_mode);
}

static void
test_dataset_with_data (Fixture       *fx,
                        gconstpointer  data)
{
  VigieDemoOptions options = { 20, 300, 3, "2026-06-15" };
  Seen seen = { fx->store, G_MAXINT64, G_MININT64, NULL, NULL };
  g_autoptr(GError) error = NULL;

  /* No sites (the demo needs that), but an organisation the analyst entered. */
  g_assert_true (vigie_store_exec (fx->store, "INSERT INTO organisations (uuid, kind, name, "
                                   "created_at, updated_at) VALUES ('o1', 'brand', "
                                   "'Acme Phones', 'x', 'x')", &error));
  g_assert_no_error (error);
  g_assert_true (vigie_demo_generate (fx->store, &options, progress_cb, &seen, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (seen.min_synchronous, ==, 2);
  g_assert_cmpint (query_int (fx->store, "SELECT count (*) FROM organisations "
                                         "WHERE name = 'Acme Phones'"), ==, 1);
  assert_sound (fx->store);
  g_free (seen.journal_mode);
}

static void
test_cancelled_new_dataset (Fixture       *fx,
                            gconstpointer  data)
{
  VigieDemoOptions options = { 20, 3000, 3, "2026-06-15" };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Seen seen = { fx->store, G_MAXINT64, G_MININT64, NULL, cancellable };
  g_autoptr(GError) error = NULL;

  g_assert_false (vigie_demo_generate (fx->store, &options, progress_cb, &seen, cancellable,
                                       &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (seen.max_synchronous, ==, 0);
  /* Rolled back through the journal: nothing left, and the file is sound. */
  g_assert_cmpint (query_int (fx->store, "SELECT count (*) FROM findings"), ==, 0);
  g_assert_cmpint (query_int (fx->store, "SELECT count (*) FROM sites"), ==, 0);
  assert_sound (fx->store);
  g_free (seen.journal_mode);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/demo-settings/new-dataset", Fixture, NULL, set_up, test_new_dataset,
              tear_down);
  g_test_add ("/demo-settings/dataset-with-data", Fixture, NULL, set_up,
              test_dataset_with_data, tear_down);
  g_test_add ("/demo-settings/cancelled-new-dataset", Fixture, NULL, set_up,
              test_cancelled_new_dataset, tear_down);
  return g_test_run ();
}

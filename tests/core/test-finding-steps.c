/* test-finding-steps.c — the findings list loaded in two steps (the count and the first
 * page at once, every id from a worker thread): for every order, with and without a
 * search, the model holds exactly what the list's query returns in one step, and it reports
 * a database that changed between the two steps; a row hidden (then deleted) while the
 * rest loads does not come back with it.
 *
 * VIGIE_TEST_FIRST_PAGE=100 (set in main) brings the two-step paths down to a demo dataset
 * of 3,000 findings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "vigie-demo.h"
#include "vigie-finding-list.h"
#include "vigie-finding.h"
#include "vigie-store-private.h"

#define PAGE 100

typedef struct
{
  char       *dir;
  VigieStore *store;
} Fixture;

/* One dataset for every test: generating it is the slow part. */
static char *dataset_dir;
static char *dataset_path;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  fx->dir = g_dir_make_tmp ("vigie-steps-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fx->dir, "steps.db", NULL);
  g_assert_true (g_file_get_contents (dataset_path, &contents, &length, &error));
  g_assert_true (g_file_set_contents (path, contents, (gssize) length, &error));
  fx->store = vigie_store_open (path, &error);
  g_assert_no_error (error);
  vigie_store_set_actor (fx->store, "tester");
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *p = g_build_filename (path, name, NULL);

      g_unlink (p);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  /* Finishes the fills' callbacks, which hold the lists. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fx->store);
  remove_dir (fx->dir);
  g_free (fx->dir);
}

/* The list's ids, read through the public API. */
static GArray *
list_ids (VigieFindingList *list)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    {
      gint64 id = vigie_finding_list_get_id (list, i);

      g_array_append_val (ids, id);
    }
  return ids;
}

static void
assert_same_ids (GArray *got,
                 GArray *expected)
{
  g_assert_cmpuint (got->len, ==, expected->len);
  for (guint i = 0; i < got->len; i++)
    if (g_array_index (got, gint64, i) != g_array_index (expected, gint64, i))
      g_error ("position %u: id %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT, i,
               g_array_index (got, gint64, i), g_array_index (expected, gint64, i));
}

static gint64
count_sql (VigieStore *store,
           const char *sql)
{
  sqlite3_stmt *stmt = vigie_store_prepare (store, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* Checks QUERY on a new list: n_items exact at once, the first page before the rest is
 * loaded (when TWO_STEPS), then every id in the order of the one-step query. */
static void
check_query (VigieStore              *store,
             const VigieFindingQuery *query,
             gboolean                 two_steps)
{
  g_autoptr(VigieFindingList) list = vigie_finding_list_new (store);
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GArray) got = NULL;
  g_autoptr(GError) error = NULL;

  expected = vigie_finding_query_run (store, query, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (vigie_finding_list_set_query (list, query, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, expected->len);
  g_assert_cmpint (vigie_finding_list_is_complete (list), ==, !two_steps);
  if (two_steps)
    {
      /* The first page is there already, and reading it does not wait for the rest. */
      for (guint i = 0; i < PAGE; i++)
        {
          g_autoptr(VigieFindingRow) row = g_list_model_get_item (G_LIST_MODEL (list), i);

          g_assert_cmpint (vigie_finding_row_get_id (row), ==,
                           g_array_index (expected, gint64, i));
          g_assert_cmpstr (vigie_finding_row_get_title (row), !=, "");
        }
      g_assert_false (vigie_finding_list_is_complete (list));
    }
  /* A row past the first page waits for the rest. */
  {
    g_autoptr(VigieFindingRow) last = g_list_model_get_item (G_LIST_MODEL (list),
                                                             expected->len - 1);

    g_assert_cmpint (vigie_finding_row_get_id (last), ==,
                     g_array_index (expected, gint64, expected->len - 1));
    g_assert_cmpstr (vigie_finding_row_get_title (last), !=, "");
  }
  g_assert_true (vigie_finding_list_is_complete (list));
  got = list_ids (list);
  assert_same_ids (got, expected);
}

static void
test_orders (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(VigieFindingQuery) q = vigie_finding_query_new ();

  g_assert_cmpint (count_sql (fx->store, "SELECT count (*) FROM findings"), >, 10 * PAGE);
  for (int sort = 0; sort < VIGIE_FINDING_N_SORTS; sort++)
    for (int desc = 0; desc < 2; desc++)
      {
        /* Orders with an index of their own load in two steps; the others in one. */
        gboolean indexed = sort == VIGIE_FINDING_SORT_FIRST_OBSERVED
                           || sort == VIGIE_FINDING_SORT_SITE
                           || sort == VIGIE_FINDING_SORT_TITLE
                           || sort == VIGIE_FINDING_SORT_SEVERITY
                           || sort == VIGIE_FINDING_SORT_STATUS
                           || sort == VIGIE_FINDING_SORT_THEME;

        g_test_message ("order %d, descending %d", sort, desc);
        q->sort = sort;
        q->descending = desc;
        check_query (fx->store, q, indexed);
      }

  /* Another filter than the search: one step. */
  q->sort = VIGIE_FINDING_SORT_FIRST_OBSERVED;
  q->descending = TRUE;
  q->severity = g_strdup ("major");
  check_query (fx->store, q, FALSE);
}

static void
test_search (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(VigieFindingQuery) q = vigie_finding_query_new ();
  gint64 common, rare, evidence_only;

  /* "workers" is in most findings; "passports" in a few; evidence summaries name
   * payslips, which no finding text of the demo does. */
  common = count_sql (fx->store, "SELECT count (*) FROM findings_fts WHERE findings_fts "
                                 "MATCH '\"workers\"*'");
  rare = count_sql (fx->store, "SELECT count (*) FROM findings_fts WHERE findings_fts "
                               "MATCH '\"passports\"*'");
  evidence_only = count_sql (fx->store, "SELECT count (DISTINCT e.finding_id) FROM evidence e "
                                        "WHERE e.id IN (SELECT rowid FROM evidence_fts WHERE "
                                        "evidence_fts MATCH '\"photo\"*') AND e.finding_id NOT IN "
                                        "(SELECT rowid FROM findings_fts WHERE findings_fts "
                                        "MATCH '\"photo\"*')");
  g_assert_cmpint (common, >, 5 * PAGE);
  g_assert_cmpint (rare, >, 0);
  g_assert_cmpint (rare, <, PAGE);
  g_assert_cmpint (evidence_only, >, PAGE);

  for (int sort = 0; sort < VIGIE_FINDING_N_SORTS; sort++)
    {
      gboolean indexed = sort == VIGIE_FINDING_SORT_FIRST_OBSERVED
                         || sort == VIGIE_FINDING_SORT_SITE
                         || sort == VIGIE_FINDING_SORT_TITLE
                         || sort == VIGIE_FINDING_SORT_SEVERITY
                         || sort == VIGIE_FINDING_SORT_STATUS
                         || sort == VIGIE_FINDING_SORT_THEME;

      g_test_message ("order %d", sort);
      q->sort = sort;
      q->descending = sort % 2 == 0;
      g_free (q->search);
      q->search = g_strdup ("workers");
      check_query (fx->store, q, indexed);
      g_free (q->search);
      q->search = g_strdup ("passports");
      check_query (fx->store, q, FALSE);
      /* Hits found through evidence only are in the list too. */
      g_free (q->search);
      q->search = g_strdup ("photo");
      check_query (fx->store, q, indexed);
    }
}

typedef struct
{
  guint n_signals;
  guint position, removed, added;
  guint n_removed;   /* by every signal */
} Changes;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  /* A replacement of every row comes as a removal, then an insertion: the model holds
   * no row in between. */
  if (removed > 1 && added == 0 && position == 0)
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  changes->n_signals++;
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
  changes->n_removed += removed;
}

static void
test_signals (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(VigieFindingList) list = vigie_finding_list_new (fx->store);
  g_autoptr(VigieFindingQuery) q = vigie_finding_query_new ();
  g_autoptr(GError) error = NULL;
  guint n = (guint) count_sql (fx->store, "SELECT count (*) FROM findings");
  Changes changes = { 0 };

  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  g_assert_true (vigie_finding_list_set_query (list, q, &error));
  g_assert_cmpuint (changes.n_signals, ==, 1);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, n);
  g_assert_false (vigie_finding_list_is_complete (list));

  /* The rest arrives from the main loop, unannounced: it is what was announced. */
  while (!vigie_finding_list_is_complete (list))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (changes.n_signals, ==, 1);

  /* Another order of the same rows: every row removed, then as many inserted (two
   * signals: see vigie_list_model_replace_all()), and the same count. */
  q->sort = VIGIE_FINDING_SORT_TITLE;
  g_assert_true (vigie_finding_list_set_query (list, q, &error));
  g_assert_cmpuint (changes.n_signals, ==, 3);
  g_assert_cmpuint (changes.n_removed, ==, n);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, n);
  g_assert_true (vigie_finding_list_wait_complete (list));
  g_assert_cmpuint (changes.n_signals, ==, 3);
}

/* The count is reused for another order only while the database is unchanged, by this
 * connection or another one. */
static void
test_count_reuse (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(VigieFindingList) list = vigie_finding_list_new (fx->store);
  g_autoptr(VigieFindingQuery) q = vigie_finding_query_new ();
  g_autoptr(VigieStore) other = NULL;
  g_autoptr(GError) error = NULL;
  static const char insert[] =
    "INSERT INTO findings (uuid, site_id, title, severity, first_observed, created_at, "
    "updated_at) SELECT 'steps-' || (max (id) + 1), min (site_id), 'Zzz added', 'minor', "
    "'2026-06-01', 'x', 'x' FROM findings";
  guint n = (guint) count_sql (fx->store, "SELECT count (*) FROM findings");

  g_assert_true (vigie_finding_list_set_query (list, q, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);

  g_assert_true (vigie_store_exec (fx->store, insert, &error));
  q->sort = VIGIE_FINDING_SORT_TITLE;
  g_assert_true (vigie_finding_list_set_query (list, q, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n + 1);

  other = vigie_store_open (vigie_store_get_path (fx->store), &error);
  g_assert_no_error (error);
  g_assert_true (vigie_store_exec (other, insert, &error));
  q->sort = VIGIE_FINDING_SORT_SEVERITY;
  g_assert_true (vigie_finding_list_set_query (list, q, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n + 2);
  g_assert_true (vigie_finding_list_wait_complete (list));
  check_query (fx->store, q, TRUE);
}

typedef struct
{
  VigieFindingList *list;
  VigieStore       *store;
  gboolean          done;
  gboolean          ok;
} AsyncData;

/* Adds a finding after the first step ran, before the fill starts. */
static void
changed_between_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  AsyncData *ad = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (vigie_store_exec (ad->store,
                                   "INSERT INTO findings (uuid, site_id, title, severity, "
                                   "first_observed, created_at, updated_at) SELECT 'between', "
                                   "min (site_id), 'Added between the steps', 'minor', "
                                   "'2030-01-01', 'x', 'x' FROM findings", &error));
  ad->ok = vigie_finding_list_set_query_finish (ad->list, result, &error);
  g_assert_no_error (error);
  ad->done = TRUE;
}

static void
test_changed_between (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(VigieFindingList) list = vigie_finding_list_new (fx->store);
  g_autoptr(VigieFindingQuery) q = vigie_finding_query_new ();
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GArray) got = NULL;
  g_autoptr(GError) error = NULL;
  guint n = (guint) count_sql (fx->store, "SELECT count (*) FROM findings");
  AsyncData ad = { list, fx->store, FALSE, FALSE };
  Changes changes = { 0 };

  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  vigie_finding_list_set_query_async (list, q, NULL, changed_between_cb, &ad);
  while (!ad.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (ad.ok);
  /* The first step counted before the insertion. */
  g_assert_cmpuint (changes.n_signals, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
  g_assert_false (vigie_finding_list_is_complete (list));

  /* The fill saw it: the whole list is reported as changed. */
  g_assert_true (vigie_finding_list_wait_complete (list));
  g_assert_cmpuint (changes.n_signals, ==, 3);
  g_assert_cmpuint (changes.n_removed, ==, n);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, n + 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n + 1);
  expected = vigie_finding_query_run (fx->store, q, NULL, &error);
  g_assert_no_error (error);
  got = list_ids (list);
  assert_same_ids (got, expected);
  /* Newest first: the new finding leads. */
  g_assert_cmpint (g_array_index (got, gint64, 0), ==,
                   count_sql (fx->store, "SELECT id FROM findings WHERE uuid = 'between'"));
}

/* Same, but discovered inside get_item (), where the model may not signal: it reports the
 * change from an idle. */
static void
test_changed_between_late (Fixture       *fx,
                           gconstpointer  data)
{
  g_autoptr(VigieFindingList) list = vigie_finding_list_new (fx->store);
  g_autoptr(VigieFindingQuery) q = vigie_finding_query_new ();
  g_autoptr(VigieFindingRow) row = NULL;
  guint n = (guint) count_sql (fx->store, "SELECT count (*) FROM findings");
  AsyncData ad = { list, fx->store, FALSE, FALSE };
  Changes changes = { 0 };

  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  vigie_finding_list_set_query_async (list, q, NULL, changed_between_cb, &ad);
  while (!ad.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (changes.n_signals, ==, 1);

  row = g_list_model_get_item (G_LIST_MODEL (list), n - 1);
  g_assert_nonnull (row);
  g_assert_true (vigie_finding_list_is_complete (list));
  g_assert_cmpuint (changes.n_signals, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (changes.n_signals < 3 && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_cmpuint (changes.n_signals, ==, 3);
  g_assert_cmpuint (changes.n_removed, ==, n);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, n + 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n + 1);
}

/* Hiding a row while the rest is loading; a new query while a fill runs. */
static void
test_hide_and_replace (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(VigieFindingList) list = vigie_finding_list_new (fx->store);
  g_autoptr(VigieFindingQuery) q = vigie_finding_query_new ();
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GArray) got = NULL;
  g_autoptr(GError) error = NULL;
  gint64 hidden;
  guint n;

  expected = vigie_finding_query_run (fx->store, q, NULL, &error);
  hidden = g_array_index (expected, gint64, expected->len / 2);
  g_assert_true (vigie_finding_list_set_query (list, q, &error));
  g_assert_false (vigie_finding_list_is_complete (list));
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  vigie_finding_list_hide_id (list, hidden);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n - 1);
  g_assert_cmpuint (vigie_finding_list_find_position (list, hidden), ==, G_MAXUINT);

  /* Hidden rows stay out of the next query (which then loads in one step). */
  q->sort = VIGIE_FINDING_SORT_TITLE;
  g_assert_true (vigie_finding_list_set_query (list, q, &error));
  g_assert_true (vigie_finding_list_is_complete (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n - 1);
  g_assert_cmpuint (vigie_finding_list_find_position (list, hidden), ==, G_MAXUINT);
  vigie_finding_list_unhide_id (list, hidden);

  /* A query replaced while its rest loads: the new one wins. */
  q->sort = VIGIE_FINDING_SORT_STATUS;
  g_assert_true (vigie_finding_list_set_query (list, q, &error));
  g_assert_false (vigie_finding_list_is_complete (list));
  q->sort = VIGIE_FINDING_SORT_SEVERITY;
  q->descending = FALSE;
  g_assert_true (vigie_finding_list_set_query (list, q, &error));
  g_clear_pointer (&expected, g_array_unref);
  expected = vigie_finding_query_run (fx->store, q, NULL, &error);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  got = list_ids (list);
  assert_same_ids (got, expected);
}

/* A deletion's Undo toast goes while the rest of the list loads: the row was hidden, then
 * deleted and shown again. The rest, maybe read before the deletion, does not bring it
 * back. */
static void
test_hide_during_fill (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(VigieFindingList) list = vigie_finding_list_new (fx->store);
  g_autoptr(VigieFindingQuery) q = vigie_finding_query_new ();
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GArray) got = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first;
  guint n;

  g_assert_true (vigie_finding_list_set_query (list, q, &error));
  g_assert_false (vigie_finding_list_is_complete (list));
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  first = vigie_finding_list_get_id (list, 0);
  vigie_finding_list_hide_id (list, first);
  g_assert_false (vigie_finding_list_is_complete (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n - 1);
  g_assert_true (vigie_store_delete_finding (fx->store, first, &error));
  g_assert_no_error (error);
  vigie_finding_list_unhide_id (list, first);

  while (!vigie_finding_list_is_complete (list))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n - 1);
  g_assert_cmpuint (vigie_finding_list_find_position (list, first), ==, G_MAXUINT);
  expected = vigie_finding_query_run (fx->store, q, NULL, &error);
  got = list_ids (list);
  assert_same_ids (got, expected);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieStore) store = NULL;
  VigieDemoOptions options = { 60, 3000, 7, "2026-06-15" };
  int status;

  g_setenv ("VIGIE_TEST_FIRST_PAGE", G_STRINGIFY (PAGE), TRUE);
  g_test_init (&argc, &argv, NULL);

  dataset_dir = g_dir_make_tmp ("vigie-steps-data-XXXXXX", &error);
  g_assert_no_error (error);
  dataset_path = g_build_filename (dataset_dir, "demo.db", NULL);
  store = vigie_store_open (dataset_path, &error);
  g_assert_no_error (error);
  g_assert_true (vigie_demo_generate (store, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  /* One file to copy: the write-ahead log goes into the database. */
  g_assert_true (vigie_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  g_clear_object (&store);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/finding-steps/orders", test_orders);
  ADD ("/finding-steps/search", test_search);
  ADD ("/finding-steps/signals", test_signals);
  ADD ("/finding-steps/hide-during-fill", test_hide_during_fill);
  ADD ("/finding-steps/count-reuse", test_count_reuse);
  ADD ("/finding-steps/changed-between", test_changed_between);
  ADD ("/finding-steps/changed-between-late", test_changed_between_late);
  ADD ("/finding-steps/hide-and-replace", test_hide_and_replace);
#undef ADD

  status = g_test_run ();
  remove_dir (dataset_dir);
  g_free (dataset_path);
  g_free (dataset_dir);
  return status;
}

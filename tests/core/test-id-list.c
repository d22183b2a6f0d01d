/* test-id-list.c — what the lazy lists share: the worker (only the latest request is
 * answered, a stale answer is dropped, a cancelled or replaced query stops its statement,
 * errors are reported, the connection stays usable), the replacement of every row in two
 * signals, and the id list model (ids and first rows read in the worker, hidden ids left
 * out, a synchronous query replacing an asynchronous one).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "vigie-id-list.h"
#include "vigie-store-private.h"

typedef struct
{
  char       *dir;
  char       *path;
  VigieStore *store;
} Fixture;

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("vigie-id-list-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->dir, "test.db", NULL);
  fx->store = vigie_store_open (fx->path, &error);
  g_assert_no_error (error);
  g_assert_true (vigie_store_exec (fx->store,
                                   "INSERT INTO sites (id, uuid, name, country, created_at,"
                                   " updated_at) VALUES"
                                   " (1, 's1', 'Alpha', 'CN', 'x', 'x'),"
                                   " (2, 's2', 'Beta', 'VN', 'x', 'x'),"
                                   " (3, 's3', 'Gamma', 'TH', 'x', 'x'),"
                                   " (4, 's4', 'Delta', 'MX', 'x', 'x'),"
                                   " (5, 's5', 'Epsilon', 'BR', 'x', 'x');", &error));
  g_assert_no_error (error);
}

static void
remove_dataset (Fixture *fx)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (fx->path, suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (fx->dir);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  g_clear_object (&fx->store);
  remove_dataset (fx);
  g_free (fx->path);
  g_free (fx->dir);
}

/* ─── Worker requests ────────────────────────────────────────────────────── */

static gint started;

/* Echoes its request (a string). */
static gpointer
echo_func (VigieStore    *connection,
           gpointer       request,
           GCancellable  *cancellable,
           GError       **error)
{
  return g_strdup (request);
}

/* Counts to REQUEST (a number) in SQL: seconds for billions, unless interrupted. */
static gpointer
count_func (VigieStore    *connection,
            gpointer       request,
            GCancellable  *cancellable,
            GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 *n;
  int rc;

  stmt = vigie_store_prepare (connection,
                              "WITH RECURSIVE c (x) AS (SELECT 1 UNION ALL"
                              " SELECT x + 1 FROM c WHERE x < ?1) SELECT count (*) FROM c",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, GPOINTER_TO_INT (request));
  g_atomic_int_set (&started, 1);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      vigie_list_worker_set_step_error (connection, stmt, rc, cancellable, error);
      return NULL;
    }
  n = g_new (gint64, 1);
  *n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static gpointer
bad_sql_func (VigieStore    *connection,
              gpointer       request,
              GCancellable  *cancellable,
              GError       **error)
{
  sqlite3_stmt *stmt = vigie_store_prepare (connection, "SELECT missing FROM no_such_table", error);

  g_assert_null (stmt);
  return NULL;
}

typedef struct
{
  int        pending;
  GPtrArray *results;   /* GAsyncResult, in the order they called back */
} Waiter;

static void
waiter_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Waiter *w = data;

  g_ptr_array_add (w->results, g_object_ref (result));
  w->pending--;
}

static void
waiter_wait (Waiter *w)
{
  while (w->pending > 0)
    g_main_context_iteration (NULL, TRUE);
}

static void
waiter_clear (Waiter *w)
{
  g_clear_pointer (&w->results, g_ptr_array_unref);
}

/* The GAsyncResult of the request whose REQUEST pointer is REQUEST. */
static GAsyncResult *
result_of (Waiter   *w,
           gpointer  request)
{
  for (guint i = 0; i < w->results->len; i++)
    if (vigie_list_worker_get_request (g_ptr_array_index (w->results, i)) == request)
      return g_ptr_array_index (w->results, i);
  g_assert_not_reached ();
  return NULL;
}

static void
test_latest_only (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(VigieListWorker) worker = vigie_list_worker_new (fx->store, NULL);
  g_autoptr(GObject) source = g_object_new (G_TYPE_OBJECT, NULL);
  static const char *const typed[] = { "a", "al", "alp", "alph", "alpha" };
  Waiter w = { 0, g_ptr_array_new_with_free_func (g_object_unref) };

  /* Typing: each key press asks again; only the last request is answered. */
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      w.pending++;
      vigie_list_worker_run_async (worker, source, echo_func, g_strdup (typed[i]), g_free,
                                   g_free, NULL, waiter_cb, &w);
    }
  g_assert_true (vigie_list_worker_is_busy (worker));
  waiter_wait (&w);
  g_assert_false (vigie_list_worker_is_busy (worker));
  g_assert_cmpuint (w.results->len, ==, G_N_ELEMENTS (typed));
  for (guint i = 0; i < w.results->len; i++)
    {
      GAsyncResult *result = g_ptr_array_index (w.results, i);
      const char *request = vigie_list_worker_get_request (result);
      g_autoptr(GError) error = NULL;
      g_autofree char *answer = vigie_list_worker_run_finish (worker, result, &error);

      if (g_str_equal (request, "alpha"))
        {
          g_assert_no_error (error);
          g_assert_cmpstr (answer, ==, "alpha");
          g_assert_true (vigie_list_worker_is_latest (worker, result));
        }
      else
        {
          /* Stale: dropped, whether it ran or not. */
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
          g_assert_null (answer);
          g_assert_false (vigie_list_worker_is_latest (worker, result));
        }
    }
  waiter_clear (&w);

  /* Superseded (a synchronous query replaced it): dropped too. */
  w.results = g_ptr_array_new_with_free_func (g_object_unref);
  w.pending = 1;
  vigie_list_worker_run_async (worker, source, echo_func, g_strdup ("beta"), g_free, g_free,
                               NULL, waiter_cb, &w);
  vigie_list_worker_supersede (worker);
  waiter_wait (&w);
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *answer = vigie_list_worker_run_finish (worker, w.results->pdata[0], &error);

    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_null (answer);
  }
  waiter_clear (&w);
}

static void
test_cancel_stops_query (Fixture       *fx,
                         gconstpointer  data)
{
  g_autoptr(VigieListWorker) worker = vigie_list_worker_new (fx->store, NULL);
  g_autoptr(GObject) source = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Waiter w = { 0, g_ptr_array_new_with_free_func (g_object_unref) };
  gint64 start;

  /* Cancelled by the caller while its statement runs: it stops there. */
  g_atomic_int_set (&started, 0);
  w.pending = 1;
  start = g_get_monotonic_time ();
  vigie_list_worker_run_async (worker, source, count_func, GINT_TO_POINTER (G_MAXINT), NULL,
                               g_free, cancellable, waiter_cb, &w);
  while (!g_atomic_int_get (&started))
    g_usleep (1000);
  g_usleep (50000);
  g_cancellable_cancel (cancellable);
  waiter_wait (&w);
  {
    g_autoptr(GError) error = NULL;
    g_autofree gint64 *n = vigie_list_worker_run_finish (worker, w.results->pdata[0], &error);

    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_null (n);
  }
  /* Counting to two billion takes minutes: it was interrupted. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);
  waiter_clear (&w);

  /* Replaced by a newer request while its statement runs: it stops, the newer one is
   * answered, and the connection serves on. */
  g_atomic_int_set (&started, 0);
  w.results = g_ptr_array_new_with_free_func (g_object_unref);
  w.pending = 2;
  start = g_get_monotonic_time ();
  vigie_list_worker_run_async (worker, source, count_func, GINT_TO_POINTER (G_MAXINT), NULL,
                               g_free, NULL, waiter_cb, &w);
  while (!g_atomic_int_get (&started))
    g_usleep (1000);
  vigie_list_worker_run_async (worker, source, count_func, GINT_TO_POINTER (1000), NULL,
                               g_free, NULL, waiter_cb, &w);
  waiter_wait (&w);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);
  {
    g_autoptr(GError) error = NULL;
    g_autofree gint64 *n = vigie_list_worker_run_finish (worker,
                                                         result_of (&w, GINT_TO_POINTER (G_MAXINT)),
                                                         &error);

    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_null (n);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autofree gint64 *n = vigie_list_worker_run_finish (worker,
                                                         result_of (&w, GINT_TO_POINTER (1000)),
                                                         &error);

    g_assert_no_error (error);
    g_assert_cmpint (*n, ==, 1000);
  }
  waiter_clear (&w);

  /* A request whose cancellable is cancelled before it starts: never run. */
  w.results = g_ptr_array_new_with_free_func (g_object_unref);
  w.pending = 1;
  vigie_list_worker_run_async (worker, source, count_func, GINT_TO_POINTER (10), NULL, g_free,
                               cancellable, waiter_cb, &w);
  waiter_wait (&w);
  {
    g_autoptr(GError) error = NULL;
    g_autofree gint64 *n = vigie_list_worker_run_finish (worker, w.results->pdata[0], &error);

    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  }
  waiter_clear (&w);
}

static void
test_errors (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(VigieListWorker) worker = vigie_list_worker_new (fx->store, NULL);
  g_autoptr(VigieListWorker) lost = NULL;
  g_autoptr(GObject) source = g_object_new (G_TYPE_OBJECT, NULL);
  Waiter w = { 0, g_ptr_array_new_with_free_func (g_object_unref) };

  /* The request's own error comes back as it is. */
  w.pending = 1;
  vigie_list_worker_run_async (worker, source, bad_sql_func, NULL, NULL, g_free, NULL,
                               waiter_cb, &w);
  waiter_wait (&w);
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (vigie_list_worker_run_finish (worker, w.results->pdata[0], &error));
    g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_FAILED);
    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, "no_such_table"));
  }
  waiter_clear (&w);

  /* A worker whose dataset was replaced by another file before its connection opened:
   * the error says so. */
  lost = vigie_list_worker_new (fx->store, NULL);
  g_clear_object (&fx->store);
  remove_dataset (fx);
  g_assert_cmpint (g_mkdir_with_parents (fx->dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (fx->path, "Not a dataset but a note.\n", -1, NULL));
  w.results = g_ptr_array_new_with_free_func (g_object_unref);
  w.pending = 1;
  vigie_list_worker_run_async (lost, source, echo_func, g_strdup ("x"), g_free, g_free, NULL,
                               waiter_cb, &w);
  waiter_wait (&w);
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (vigie_list_worker_run_finish (lost, w.results->pdata[0], &error));
    g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_VIGIE);
  }
  waiter_clear (&w);
}

typedef struct
{
  VigieListWorker *worker;
  GCancellable    *cancellable;
  gint64           n;
  GError          *error;
} AcquireData;

static gpointer
acquire_thread (gpointer data)
{
  AcquireData *ad = data;
  VigieStore *connection = vigie_list_worker_acquire (ad->worker, ad->cancellable, &ad->error);
  gint64 *n;

  if (connection == NULL)
    return NULL;
  n = count_func (connection, GINT_TO_POINTER (500), ad->cancellable, &ad->error);
  vigie_list_worker_release (ad->worker);
  ad->n = n != NULL ? *n : -1;
  g_free (n);
  return NULL;
}

/* Work of one's own on the worker's connection, in a thread of one's own. */
static void
test_acquire (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(VigieListWorker) worker = vigie_list_worker_new (fx->store, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AcquireData ad = { worker, cancellable, 0, NULL };

  g_thread_join (g_thread_new ("acquire", acquire_thread, &ad));
  g_assert_no_error (ad.error);
  g_assert_cmpint (ad.n, ==, 500);

  g_cancellable_cancel (cancellable);
  ad.n = 0;
  g_thread_join (g_thread_new ("acquire", acquire_thread, &ad));
  g_assert_error (ad.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (ad.n, ==, 0);
  g_clear_error (&ad.error);
}

/* ─── Replacing every row ────────────────────────────────────────────────── */

static void
record_change_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  guint change[4] = { position, removed, added, g_list_model_get_n_items (model) };

  g_array_append_vals (changes, change, 4);
}

/* A GListStore stands for a model whose count is FAKE_N: what a signal sees of it. */
static guint fake_n;

static void
record_fake_change_cb (GListModel *model,
                       guint       position,
                       guint       removed,
                       guint       added,
                       GArray     *changes)
{
  guint change[4] = { position, removed, added, fake_n };

  g_array_append_vals (changes, change, 4);
}

static void
test_replace_all (void)
{
  g_autoptr(GListStore) model = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (guint));

  g_signal_connect (model, "items-changed", G_CALLBACK (record_fake_change_cb), changes);

  /* From nothing, to nothing, or between two lists: at most two signals, none for 0 → 0,
   * and N_ITEMS is 0 between a removal and an insertion. */
  vigie_list_model_replace_all (G_LIST_MODEL (model), &fake_n, 0, 0);
  g_assert_cmpuint (changes->len, ==, 0);
  vigie_list_model_replace_all (G_LIST_MODEL (model), &fake_n, 0, 7);
  g_assert_cmpuint (fake_n, ==, 7);
  g_assert_cmpuint (changes->len, ==, 4);
  g_assert_cmpuint (g_array_index (changes, guint, 2), ==, 7);
  vigie_list_model_replace_all (G_LIST_MODEL (model), &fake_n, 7, 3);
  g_assert_cmpuint (fake_n, ==, 3);
  g_assert_cmpuint (changes->len, ==, 12);
  g_assert_cmpuint (g_array_index (changes, guint, 4), ==, 0);
  g_assert_cmpuint (g_array_index (changes, guint, 5), ==, 7);
  g_assert_cmpuint (g_array_index (changes, guint, 6), ==, 0);
  g_assert_cmpuint (g_array_index (changes, guint, 7), ==, 0);
  g_assert_cmpuint (g_array_index (changes, guint, 8), ==, 0);
  g_assert_cmpuint (g_array_index (changes, guint, 9), ==, 0);
  g_assert_cmpuint (g_array_index (changes, guint, 10), ==, 3);
  g_assert_cmpuint (g_array_index (changes, guint, 11), ==, 3);
  vigie_list_model_replace_all (G_LIST_MODEL (model), &fake_n, 3, 0);
  g_assert_cmpuint (fake_n, ==, 0);
  g_assert_cmpuint (changes->len, ==, 16);
  g_assert_cmpuint (g_array_index (changes, guint, 13), ==, 3);
  g_assert_cmpuint (g_array_index (changes, guint, 14), ==, 0);
}

/* ─── An id list of sites ────────────────────────────────────────────────── */

typedef struct
{
  gint64 min_id;
} TestQuery;

static TestQuery *
test_query_copy (const TestQuery *q)
{
  return g_memdup2 (q, sizeof *q);
}

static GType test_query_get_type (void);
G_DEFINE_BOXED_TYPE (TestQuery, test_query, test_query_copy, g_free)

#define TEST_TYPE_LIST (test_list_get_type ())
G_DECLARE_FINAL_TYPE (TestList, test_list, TEST, LIST, VigieIdList)

struct _TestList
{
  VigieIdList parent_instance;
};

G_DEFINE_FINAL_TYPE (TestList, test_list, VIGIE_TYPE_ID_LIST)

static GThread *main_thread;

static gpointer
test_list_new_query (void)
{
  return g_new0 (TestQuery, 1);
}

static GArray *
test_list_run_query (VigieStore     *store,
                     gconstpointer   query,
                     GCancellable   *cancellable,
                     GError        **error)
{
  const TestQuery *q = query;
  sqlite3_stmt *stmt;

  stmt = vigie_store_prepare (store, "SELECT id FROM sites WHERE id >= ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, q->min_id);
  return vigie_id_list_collect_ids (store, stmt, cancellable, error);
}

/* A row: a GObject with the site's name, and where it was built. */
static gpointer
test_list_build_row (VigieStore     *store,
                     gconstpointer   query,
                     gint64          id,
                     GError        **error)
{
  sqlite3_stmt *stmt = vigie_store_prepare (store, "SELECT name FROM sites WHERE id = ?1", error);
  GObject *row;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!vigie_id_list_step_row (store, stmt, id, error))
    return NULL;
  row = g_object_new (G_TYPE_OBJECT, NULL);
  g_object_set_data_full (row, "name", vigie_column_dup (stmt, 0), g_free);
  g_object_set_data (row, "in-worker", GINT_TO_POINTER (g_thread_self () != main_thread));
  sqlite3_reset (stmt);
  return row;
}

static gpointer
test_list_empty_row (gint64 id)
{
  GObject *row = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_set_data_full (row, "name", g_strdup (""), g_free);
  return row;
}

static void
test_list_class_init (TestListClass *klass)
{
  VigieIdListClass *list_class = VIGIE_ID_LIST_CLASS (klass);

  list_class->query_type = test_query_get_type ();
  list_class->n_prefetch = 2;
  list_class->new_query = test_list_new_query;
  list_class->run_query = test_list_run_query;
  list_class->build_row = test_list_build_row;
  list_class->empty_row = test_list_empty_row;
}

static void
test_list_init (TestList *self)
{
}

static char *
names_of (GListModel *list)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (list, i);

      g_string_append_printf (s, "%s%s", i > 0 ? " " : "",
                              (const char *) g_object_get_data (row, "name"));
    }
  return g_string_free (s, FALSE);
}

static void
test_id_list (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(VigieIdList) list = g_object_new (TEST_TYPE_LIST, "store", fx->store, NULL);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  TestQuery q = { 2 };
  Waiter w = { 0, g_ptr_array_new_with_free_func (g_object_unref) };

  main_thread = g_thread_self ();
  g_signal_connect (list, "items-changed", G_CALLBACK (record_change_cb), changes);
  g_assert_cmpint (((const TestQuery *) vigie_id_list_get_query (list))->min_id, ==, 0);

  /* In a worker thread: the ids and the first rows (two) are read there. */
  w.pending = 1;
  vigie_id_list_set_query_async (list, &q, NULL, waiter_cb, &w);
  g_assert_true (vigie_id_list_is_loading (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  waiter_wait (&w);
  g_assert_true (vigie_id_list_set_query_finish (list, w.results->pdata[0], &error));
  g_assert_no_error (error);
  g_assert_false (vigie_id_list_is_loading (list));
  g_assert_cmpint (((const TestQuery *) vigie_id_list_get_query (list))->min_id, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpint (GPOINTER_TO_INT (g_object_get_data (row, "in-worker")), ==, i < 2);
    }
  names = names_of (G_LIST_MODEL (list));
  g_assert_cmpstr (names, ==, "Beta Gamma Delta Epsilon");
  g_assert_cmpint (vigie_id_list_get_id (list, 1), ==, 3);
  g_assert_cmpint (vigie_id_list_get_id (list, 9), ==, 0);
  g_assert_cmpuint (vigie_id_list_find_position (list, 5), ==, 3);
  g_assert_cmpuint (vigie_id_list_find_position (list, 1), ==, G_MAXUINT);
  waiter_clear (&w);

  /* Hidden: out at once, out of later answers, hidden while a query runs too. */
  vigie_id_list_hide_id (list, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  g_assert_true (vigie_id_list_is_hidden (list, 3));
  q.min_id = 1;
  w.results = g_ptr_array_new_with_free_func (g_object_unref);
  w.pending = 1;
  vigie_id_list_set_query_async (list, &q, NULL, waiter_cb, &w);
  vigie_id_list_hide_id (list, 1);
  waiter_wait (&w);
  g_assert_true (vigie_id_list_set_query_finish (list, w.results->pdata[0], &error));
  g_free (names);
  names = names_of (G_LIST_MODEL (list));
  g_assert_cmpstr (names, ==, "Beta Delta Epsilon");
  waiter_clear (&w);

  /* Every row replaced: a removal, then an insertion. */
  g_array_set_size (changes, 0);
  vigie_id_list_unhide_id (list, 3);
  q.min_id = 4;
  g_assert_true (vigie_id_list_set_query (list, &q, &error));
  g_assert_cmpuint (changes->len, ==, 8);
  g_assert_cmpuint (g_array_index (changes, guint, 1), ==, 3);
  g_assert_cmpuint (g_array_index (changes, guint, 3), ==, 0);
  g_assert_cmpuint (g_array_index (changes, guint, 6), ==, 2);
  g_assert_cmpuint (g_array_index (changes, guint, 7), ==, 2);

  /* A synchronous query replaces an asynchronous one still on its way. */
  q.min_id = 1;
  w.results = g_ptr_array_new_with_free_func (g_object_unref);
  w.pending = 1;
  vigie_id_list_set_query_async (list, &q, NULL, waiter_cb, &w);
  q.min_id = 5;
  g_assert_true (vigie_id_list_set_query (list, &q, &error));
  waiter_wait (&w);
  g_assert_false (vigie_id_list_set_query_finish (list, w.results->pdata[0], &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_free (names);
  names = names_of (G_LIST_MODEL (list));
  g_assert_cmpstr (names, ==, "Epsilon");
  waiter_clear (&w);

  /* A row edited elsewhere is read again when refreshed. */
  g_assert_true (vigie_store_exec (fx->store, "UPDATE sites SET name = 'Omega' WHERE id = 5",
                                   &error));
  vigie_id_list_refresh_id (list, 5);
  g_free (names);
  names = names_of (G_LIST_MODEL (list));
  g_assert_cmpstr (names, ==, "Omega");

  /* A row gone: an empty row, not a broken model. */
  g_assert_true (vigie_store_exec (fx->store, "DELETE FROM sites WHERE id = 5", &error));
  vigie_id_list_refresh_id (list, 0);
  g_free (names);
  names = names_of (G_LIST_MODEL (list));
  g_assert_cmpstr (names, ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

#define FX(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  FX ("/id-list/worker/latest-only", test_latest_only);
  FX ("/id-list/worker/cancel", test_cancel_stops_query);
  FX ("/id-list/worker/errors", test_errors);
  FX ("/id-list/worker/acquire", test_acquire);
  g_test_add_func ("/id-list/replace-all", test_replace_all);
  FX ("/id-list/model", test_id_list);
#undef FX

  return g_test_run ();
}

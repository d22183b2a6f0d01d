/* vigie-id-list.c — the worker connection, latest-request hand-off and id list model that
 * the lists of sites, findings, chemical products and remediation actions share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "vigie-id-list.h"
#include "vigie-row-cache.h"
#include "vigie-store-private.h"

#define ROW_CACHE_SIZE 512
/* Virtual machine steps between two looks at the cancellable of a worker's statement. */
#define PROGRESS_STEPS 1000
/* The niceness of a worker's thread: reading in the background yields to the window. */
#define WORKER_NICENESS 10
/* A request that took this long may have left much freed memory in the arena. */
#define TRIM_AFTER_US (200 * G_TIME_SPAN_MILLISECOND)

/* ─── Worker ─────────────────────────────────────────────────────────────── */

struct _VigieListWorker
{
  gatomicrefcount       ref_count;
  char                 *path;
  char                 *actor;
  VigieListWorkerSetup  setup;

  GMutex                lock;         /* held while a thread uses the connection */
  VigieStore           *connection;   /* opened on first use, under LOCK */
  gint                  serial;       /* of the latest request (atomic) */

  /* The thread that answers the requests one after the other, started by the first;
   * it frees the worker when told to stop (QUIT). */
  GThread              *thread;
  GAsyncQueue          *queue;        /* GTask * to run, or QUIT */

  /* Main thread only. */
  GCancellable         *current;      /* the latest request's */
  guint                 n_running;    /* requests that have not called back */
};

static char quit_marker;
#define QUIT ((gpointer) &quit_marker)

VigieListWorker *
vigie_list_worker_new (VigieStore           *store,
                       VigieListWorkerSetup  setup)
{
  VigieListWorker *self;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  self = g_new0 (VigieListWorker, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->path = g_strdup (vigie_store_get_path (store));
  self->actor = g_strdup (vigie_store_get_actor (store));
  self->setup = setup;
  g_mutex_init (&self->lock);
  return self;
}

VigieListWorker *
vigie_list_worker_ref (VigieListWorker *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

static void
worker_free (VigieListWorker *self)
{
  g_clear_object (&self->connection);
  g_clear_object (&self->current);
  g_mutex_clear (&self->lock);
  g_free (self->path);
  g_free (self->actor);
  g_clear_pointer (&self->queue, g_async_queue_unref);
  g_free (self);
}

/* The last reference: the worker's thread frees it once done (it may be that thread
 * dropping it, as it frees a request). */
void
vigie_list_worker_unref (VigieListWorker *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  if (self->thread != NULL)
    {
      g_thread_unref (g_steal_pointer (&self->thread));
      g_async_queue_push (self->queue, QUIT);
    }
  else
    worker_free (self);
}

static int
progress_cb (void *data)
{
  return g_cancellable_is_cancelled (data) ? 1 : 0;
}

VigieStore *
vigie_list_worker_acquire (VigieListWorker  *self,
                           GCancellable     *cancellable,
                           GError          **error)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_mutex_lock (&self->lock);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_mutex_unlock (&self->lock);
      return NULL;
    }
  if (self->connection == NULL)
    {
      g_autoptr(VigieStore) connection = vigie_store_open (self->path, error);

      if (connection == NULL || (self->setup != NULL && !self->setup (connection, error)))
        {
          g_mutex_unlock (&self->lock);
          return NULL;
        }
      vigie_store_set_actor (connection, self->actor);
      self->connection = g_steal_pointer (&connection);
    }
  if (cancellable != NULL)
    sqlite3_progress_handler (vigie_store_get_db (self->connection), PROGRESS_STEPS,
                              progress_cb, cancellable);
  return self->connection;
}

void
vigie_list_worker_release (VigieListWorker *self)
{
  g_return_if_fail (self != NULL);

  sqlite3_progress_handler (vigie_store_get_db (self->connection), 0, NULL, NULL);
  g_mutex_unlock (&self->lock);
}

void
vigie_list_worker_set_step_error (VigieStore    *store,
                                  sqlite3_stmt  *stmt,
                                  int            rc,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  if (stmt != NULL)
    sqlite3_reset (stmt);
  if (!g_cancellable_set_error_if_cancelled (cancellable, error))
    vigie_store_set_error (store, rc, error);
}

typedef struct
{
  VigieListWorker     *worker;
  gint                 serial;
  VigieListWorkerFunc  func;
  gpointer             request;
  GDestroyNotify       request_free;
  GDestroyNotify       result_free;
  GCancellable        *cancellable;   /* the request's own: a newer request cancels it */
  GCancellable        *caller;        /* the caller's, which cancels it too */
  gulong               caller_handler;
} Request;

static void
request_free (gpointer data)
{
  Request *r = data;

  if (r->caller != NULL)
    {
      g_cancellable_disconnect (r->caller, r->caller_handler);
      g_object_unref (r->caller);
    }
  g_clear_object (&r->cancellable);
  if (r->request_free != NULL && r->request != NULL)
    r->request_free (r->request);
  vigie_list_worker_unref (r->worker);
  g_free (r);
}

static gboolean
request_is_stale (Request *r)
{
  return r->serial != g_atomic_int_get (&r->worker->serial);
}

static void
set_stale_error (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                       "A newer request replaced this one");
}

static void
run_request (GTask *task)
{
  Request *r = g_task_get_task_data (task);
  GError *error = NULL;
  gpointer result = NULL;
  VigieStore *connection;

  /* A newer request is queued behind this one: do not spend time on a stale one. */
  if (request_is_stale (r))
    set_stale_error (&error);
  else if ((connection = vigie_list_worker_acquire (r->worker, r->cancellable, &error)) != NULL)
    {
      if (request_is_stale (r))
        set_stale_error (&error);
      else
        result = r->func (connection, r->request, r->cancellable, &error);
      vigie_list_worker_release (r->worker);
    }

  if (result != NULL)
    g_task_return_pointer (task, result, r->result_free);
  else
    {
      if (error == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                             _("The list could not be read."));
      g_task_return_error (task, error);
    }
}

static gpointer
worker_thread (gpointer data)
{
  VigieListWorker *self = data;
  gpointer item;

#ifdef __linux__
  /* This thread only (Linux threads have niceness of their own). */
  if (setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), WORKER_NICENESS) != 0)
    g_debug ("A list worker keeps the normal priority");
#endif
  while ((item = g_async_queue_pop (self->queue)) != QUIT)
    {
      gint64 start = g_get_monotonic_time ();

      run_request (item);
      g_object_unref (item);
#ifdef __GLIBC__
      /* A load on a large dataset grows this thread's malloc arena by hundreds of MiB of
       * temporary memory (arrays doubling, statements' buffers) that glibc keeps once
       * freed; give it back while the worker has nothing else to do. On the 1M demo,
       * the Remediation page's timeline left the process at 590 MiB without this. Only
       * after long requests: a trim walks every arena under its lock (13 ms after that
       * load, about 1 ms when there is nothing to give back), and a search typed letter
       * by letter makes many short ones. */
      if (g_get_monotonic_time () - start >= TRIM_AFTER_US
          && g_async_queue_length (self->queue) <= 0)
        malloc_trim (0);
#endif
    }
  worker_free (self);
  return NULL;
}

static void
cancel_linked_cb (GCancellable *caller,
                  GCancellable *own)
{
  g_cancellable_cancel (own);
}

static void
task_completed_cb (GTask           *task,
                   GParamSpec      *pspec,
                   VigieListWorker *self)
{
  if (g_task_get_completed (task) && self->n_running > 0)
    self->n_running--;
}

void
vigie_list_worker_run_async (VigieListWorker     *self,
                             gpointer             source_object,
                             VigieListWorkerFunc  func,
                             gpointer             request,
                             GDestroyNotify       request_free_func,
                             GDestroyNotify       result_free,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *r;

  g_return_if_fail (self != NULL);
  g_return_if_fail (func != NULL);
  g_return_if_fail (result_free != NULL);

  r = g_new0 (Request, 1);
  r->worker = vigie_list_worker_ref (self);
  r->serial = g_atomic_int_add (&self->serial, 1) + 1;
  r->func = func;
  r->request = request;
  r->request_free = request_free_func;
  r->result_free = result_free;
  r->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      r->caller = g_object_ref (cancellable);
      r->caller_handler = g_cancellable_connect (cancellable, G_CALLBACK (cancel_linked_cb),
                                                 r->cancellable, NULL);
    }

  /* The request running, if any, is stale now: stop its statement. */
  if (self->current != NULL)
    g_cancellable_cancel (self->current);
  g_set_object (&self->current, r->cancellable);
  self->n_running++;

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, vigie_list_worker_run_async);
  g_task_set_task_data (task, r, request_free);
  g_signal_connect_data (task, "notify::completed", G_CALLBACK (task_completed_cb),
                         vigie_list_worker_ref (self),
                         (GClosureNotify) (void (*) (void)) vigie_list_worker_unref, 0);
  if (self->thread == NULL)
    {
      self->queue = g_async_queue_new ();
      self->thread = g_thread_new ("vigie-list-worker", worker_thread, self);
    }
  g_async_queue_push (self->queue, g_steal_pointer (&task));
}

gpointer
vigie_list_worker_run_finish (VigieListWorker  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  Request *r;
  gpointer value;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == vigie_list_worker_run_async,
                        NULL);

  r = g_task_get_task_data (G_TASK (result));
  g_return_val_if_fail (r->worker == self, NULL);
  value = g_task_propagate_pointer (G_TASK (result), error);
  if (value != NULL && request_is_stale (r))
    {
      r->result_free (value);
      set_stale_error (error);
      return NULL;
    }
  return value;
}

gpointer
vigie_list_worker_get_request (GAsyncResult *result)
{
  Request *r;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == vigie_list_worker_run_async,
                        NULL);

  r = g_task_get_task_data (G_TASK (result));
  return r->request;
}

gboolean
vigie_list_worker_is_latest (VigieListWorker *self,
                             GAsyncResult    *result)
{
  Request *r;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  r = g_task_get_task_data (G_TASK (result));
  return r != NULL && r->worker == self && !request_is_stale (r);
}

gboolean
vigie_list_worker_is_busy (VigieListWorker *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->n_running > 0;
}

void
vigie_list_worker_supersede (VigieListWorker *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_int_inc (&self->serial);
  if (self->current != NULL)
    g_cancellable_cancel (self->current);
  g_clear_object (&self->current);
}

void
vigie_list_model_replace_all (GListModel *model,
                              guint      *n_items,
                              guint       old_n,
                              guint       new_n)
{
  g_return_if_fail (G_IS_LIST_MODEL (model));
  g_return_if_fail (n_items != NULL);

  if (old_n > 0 && new_n > 0)
    {
      *n_items = 0;
      g_list_model_items_changed (model, 0, old_n, 0);
      *n_items = new_n;
      g_list_model_items_changed (model, 0, 0, new_n);
      return;
    }
  *n_items = new_n;
  if (old_n > 0 || new_n > 0)
    g_list_model_items_changed (model, 0, old_n, new_n);
}

/* ─── List of ids ────────────────────────────────────────────────────────── */

typedef struct
{
  VigieStore      *store;
  gpointer         query;         /* boxed, of the class's query type */
  GArray          *ids;           /* gint64, in order */
  guint            n_items;       /* what the model reports */
  GHashTable      *hidden;        /* gint64 * set */
  guint            hidden_serial;
  VigieRowCache   *rows;          /* built rows, least recently used evicted */
  /* The workers of the lanes (0: the list's queries), made on their first request. */
  VigieListWorker *workers[VIGIE_ID_LIST_N_LANES];
} VigieIdListPrivate;

static void vigie_id_list_model_init (GListModelInterface *iface);

G_DEFINE_TYPE_WITH_CODE (VigieIdList, vigie_id_list, G_TYPE_OBJECT,
                         G_ADD_PRIVATE (VigieIdList)
                         G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, vigie_id_list_model_init))

enum { PROP_0, PROP_STORE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static GType
vigie_id_list_get_item_type (GListModel *model)
{
  return VIGIE_ID_LIST_GET_CLASS (model)->row_type;
}

static guint
vigie_id_list_get_n_items (GListModel *model)
{
  VigieIdListPrivate *priv = vigie_id_list_get_instance_private (VIGIE_ID_LIST (model));

  return priv->n_items;
}

static gpointer
vigie_id_list_get_item (GListModel *model,
                        guint       position)
{
  VigieIdList *self = VIGIE_ID_LIST (model);
  VigieIdListPrivate *priv = vigie_id_list_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  gpointer row;
  gint64 id;

  if (position >= priv->n_items)
    return NULL;
  id = g_array_index (priv->ids, gint64, position);
  row = vigie_row_cache_lookup (priv->rows, id);
  if (row != NULL)
    return row;
  row = VIGIE_ID_LIST_GET_CLASS (self)->build_row (priv->store, priv->query, id, &error);
  if (row == NULL)
    {
      /* Deleted behind the list's back (another process): an empty row rather than a
       * broken model contract; the next query drops the id. */
      g_debug ("Row %" G_GINT64_FORMAT " of %s could not be read: %s", id,
               G_OBJECT_TYPE_NAME (self), error != NULL ? error->message : "");
      return VIGIE_ID_LIST_GET_CLASS (self)->empty_row (id);
    }
  vigie_row_cache_insert (priv->rows, id, row);
  return row;
}

static void
vigie_id_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = vigie_id_list_get_item_type;
  iface->get_n_items = vigie_id_list_get_n_items;
  iface->get_item = vigie_id_list_get_item;
}

static void
vigie_id_list_constructed (GObject *object)
{
  VigieIdList *self = VIGIE_ID_LIST (object);
  VigieIdListPrivate *priv = vigie_id_list_get_instance_private (self);
  VigieIdListClass *klass = VIGIE_ID_LIST_GET_CLASS (self);

  G_OBJECT_CLASS (vigie_id_list_parent_class)->constructed (object);

  g_assert (klass->run_query != NULL && klass->build_row != NULL && klass->empty_row != NULL);
  g_assert (G_TYPE_IS_BOXED (klass->query_type) && klass->new_query != NULL);
  priv->query = klass->new_query ();
}

static void
vigie_id_list_dispose (GObject *object)
{
  VigieIdListPrivate *priv = vigie_id_list_get_instance_private (VIGIE_ID_LIST (object));

  for (guint lane = 0; lane < VIGIE_ID_LIST_N_LANES; lane++)
    {
      if (priv->workers[lane] != NULL)
        vigie_list_worker_supersede (priv->workers[lane]);
      g_clear_pointer (&priv->workers[lane], vigie_list_worker_unref);
    }
  if (priv->rows != NULL)
    vigie_row_cache_clear (priv->rows);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (vigie_id_list_parent_class)->dispose (object);
}

static void
vigie_id_list_finalize (GObject *object)
{
  VigieIdList *self = VIGIE_ID_LIST (object);
  VigieIdListPrivate *priv = vigie_id_list_get_instance_private (self);

  if (priv->query != NULL)
    g_boxed_free (VIGIE_ID_LIST_GET_CLASS (self)->query_type, priv->query);
  g_clear_pointer (&priv->ids, g_array_unref);
  g_clear_pointer (&priv->hidden, g_hash_table_unref);
  g_clear_pointer (&priv->rows, vigie_row_cache_free);

  G_OBJECT_CLASS (vigie_id_list_parent_class)->finalize (object);
}

static void
vigie_id_list_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  VigieIdListPrivate *priv = vigie_id_list_get_instance_private (VIGIE_ID_LIST (object));

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigie_id_list_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  VigieIdListPrivate *priv = vigie_id_list_get_instance_private (VIGIE_ID_LIST (object));

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigie_id_list_class_init (VigieIdListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = vigie_id_list_constructed;
  object_class->dispose = vigie_id_list_dispose;
  object_class->finalize = vigie_id_list_finalize;
  object_class->get_property = vigie_id_list_get_property;
  object_class->set_property = vigie_id_list_set_property;

  klass->row_type = G_TYPE_OBJECT;
  /* A GTK 4.8 list view makes up to 200 rows around its scroll anchor, not only those it
   * shows. */
  klass->n_prefetch = 256;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, VIGIE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigie_id_list_init (VigieIdList *self)
{
  VigieIdListPrivate *priv = vigie_id_list_get_instance_private (self);

  priv->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  priv->hidden = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  priv->rows = vigie_row_cache_new (ROW_CACHE_SIZE);
}

VigieStore *
vigie_id_list_get_store (VigieIdList *self)
{
  VigieIdListPrivate *priv;

  g_return_val_if_fail (VIGIE_IS_ID_LIST (self), NULL);
  priv = vigie_id_list_get_instance_private (self);
  return priv->store;
}

gconstpointer
vigie_id_list_get_query (VigieIdList *self)
{
  VigieIdListPrivate *priv;

  g_return_val_if_fail (VIGIE_IS_ID_LIST (self), NULL);
  priv = vigie_id_list_get_instance_private (self);
  return priv->query;
}

/* Takes IDS (the result of QUERY), leaves out the hidden ones and shows them; ROWS, when
 * not NULL, holds the rows of the first ids built already (NULL where they failed). */
static void
install (VigieIdList   *self,
         gconstpointer  query,
         GArray        *ids,
         GPtrArray     *rows)
{
  VigieIdListPrivate *priv = vigie_id_list_get_instance_private (self);
  GType query_type = VIGIE_ID_LIST_GET_CLASS (self)->query_type;
  guint old_n = priv->n_items;

  /* Rows may have changed too (an import, an edit elsewhere): build them afresh. */
  vigie_row_cache_clear (priv->rows);
  for (guint i = 0; rows != NULL && i < rows->len && i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      gpointer row = g_ptr_array_index (rows, i);

      if (row != NULL && !g_hash_table_contains (priv->hidden, &id))
        vigie_row_cache_insert (priv->rows, id, row);
    }
  if (g_hash_table_size (priv->hidden) > 0)
    {
      guint kept = 0;

      for (guint i = 0; i < ids->len; i++)
        {
          gint64 id = g_array_index (ids, gint64, i);

          if (!g_hash_table_contains (priv->hidden, &id))
            g_array_index (ids, gint64, kept++) = id;
        }
      g_array_set_size (ids, kept);
    }
  if (query != priv->query)
    {
      gpointer copy = g_boxed_copy (query_type, query);

      g_boxed_free (query_type, priv->query);
      priv->query = copy;
    }
  g_array_unref (priv->ids);
  priv->ids = ids;
  vigie_list_model_replace_all (G_LIST_MODEL (self), &priv->n_items, old_n, ids->len);
}

gboolean
vigie_id_list_set_query (VigieIdList    *self,
                         gconstpointer   query,
                         GError        **error)
{
  VigieIdListClass *klass;
  VigieIdListPrivate *priv;
  gpointer copy;
  GArray *ids;

  g_return_val_if_fail (VIGIE_IS_ID_LIST (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  priv = vigie_id_list_get_instance_private (self);
  klass = VIGIE_ID_LIST_GET_CLASS (self);
  if (priv->workers[0] != NULL)
    vigie_list_worker_supersede (priv->workers[0]);
  copy = g_boxed_copy (klass->query_type, query);
  if (klass->complete_query != NULL)
    klass->complete_query (copy);
  ids = klass->run_query (priv->store, copy, NULL, error);
  if (ids != NULL)
    install (self, copy, ids, NULL);
  g_boxed_free (klass->query_type, copy);
  return ids != NULL;
}

gboolean
vigie_id_list_reload (VigieIdList  *self,
                      GError      **error)
{
  VigieIdListPrivate *priv;

  g_return_val_if_fail (VIGIE_IS_ID_LIST (self), FALSE);
  priv = vigie_id_list_get_instance_private (self);
  return vigie_id_list_set_query (self, priv->query, error);
}

typedef struct
{
  GType     query_type;
  gpointer  query;
  GArray *(*run_query) (VigieStore *, gconstpointer, GCancellable *, GError **);
  gpointer (*build_row) (VigieStore *, gconstpointer, gint64, GError **);
  guint     n_prefetch;
} QueryRequest;

/* The ids of a query and the rows of the first ones. */
typedef struct
{
  GArray    *ids;
  GPtrArray *rows;   /* of the first ids, NULL where one could not be read */
} QueryResult;

static void
unref_row (gpointer row)
{
  if (row != NULL)
    g_object_unref (row);
}

static void
query_result_free (gpointer data)
{
  QueryResult *result = data;

  g_clear_pointer (&result->ids, g_array_unref);
  g_clear_pointer (&result->rows, g_ptr_array_unref);
  g_free (result);
}

static void
query_request_free (gpointer data)
{
  QueryRequest *request = data;

  g_boxed_free (request->query_type, request->query);
  g_free (request);
}

static gpointer
run_query_func (VigieStore    *connection,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  QueryRequest *request = data;
  QueryResult *result;
  GArray *ids;
  guint n;

  ids = request->run_query (connection, request->query, cancellable, error);
  if (ids == NULL)
    return NULL;
  result = g_new0 (QueryResult, 1);
  result->ids = ids;
  n = MIN (ids->len, request->n_prefetch);
  result->rows = g_ptr_array_new_full (n, unref_row);
  for (guint i = 0; i < n && !g_cancellable_is_cancelled (cancellable); i++)
    g_ptr_array_add (result->rows, request->build_row (connection, request->query,
                                                       g_array_index (ids, gint64, i), NULL));
  return result;
}

void
vigie_id_list_set_query_async (VigieIdList         *self,
                               gconstpointer        query,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  VigieIdListClass *klass;
  QueryRequest *request;

  g_return_if_fail (VIGIE_IS_ID_LIST (self));
  g_return_if_fail (query != NULL);

  klass = VIGIE_ID_LIST_GET_CLASS (self);
  request = g_new0 (QueryRequest, 1);
  request->query_type = klass->query_type;
  request->query = g_boxed_copy (klass->query_type, query);
  if (klass->complete_query != NULL)
    klass->complete_query (request->query);
  request->run_query = klass->run_query;
  request->build_row = klass->build_row;
  request->n_prefetch = klass->n_prefetch;
  vigie_id_list_run_async (self, 0, run_query_func, request, query_request_free,
                           query_result_free, cancellable, callback, user_data);
}

gboolean
vigie_id_list_set_query_finish (VigieIdList   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  QueryRequest *request;
  QueryResult *answer;

  g_return_val_if_fail (VIGIE_IS_ID_LIST (self), FALSE);

  answer = vigie_id_list_run_finish (self, 0, result, error);
  if (answer == NULL)
    return FALSE;
  request = vigie_list_worker_get_request (result);
  install (self, request->query, g_steal_pointer (&answer->ids), answer->rows);
  query_result_free (answer);
  return TRUE;
}

gboolean
vigie_id_list_is_loading (VigieIdList *self)
{
  return vigie_id_list_is_running (self, 0);
}

void
vigie_id_list_run_async (VigieIdList         *self,
                         guint                lane,
                         VigieListWorkerFunc  func,
                         gpointer             request,
                         GDestroyNotify       request_free_func,
                         GDestroyNotify       result_free,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  VigieIdListPrivate *priv;

  g_return_if_fail (VIGIE_IS_ID_LIST (self));
  g_return_if_fail (lane < VIGIE_ID_LIST_N_LANES);

  priv = vigie_id_list_get_instance_private (self);
  if (priv->workers[lane] == NULL)
    priv->workers[lane] = vigie_list_worker_new (priv->store,
                                                 VIGIE_ID_LIST_GET_CLASS (self)->setup_worker);
  vigie_list_worker_run_async (priv->workers[lane], self, func, request, request_free_func,
                               result_free, cancellable, callback, user_data);
}

gpointer
vigie_id_list_run_finish (VigieIdList   *self,
                          guint          lane,
                          GAsyncResult  *result,
                          GError       **error)
{
  VigieIdListPrivate *priv;

  g_return_val_if_fail (VIGIE_IS_ID_LIST (self), NULL);
  g_return_val_if_fail (lane < VIGIE_ID_LIST_N_LANES, NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  priv = vigie_id_list_get_instance_private (self);
  g_return_val_if_fail (priv->workers[lane] != NULL, NULL);
  return vigie_list_worker_run_finish (priv->workers[lane], result, error);
}

gboolean
vigie_id_list_is_running (VigieIdList *self,
                          guint        lane)
{
  VigieIdListPrivate *priv;

  g_return_val_if_fail (VIGIE_IS_ID_LIST (self), FALSE);
  g_return_val_if_fail (lane < VIGIE_ID_LIST_N_LANES, FALSE);

  priv = vigie_id_list_get_instance_private (self);
  return priv->workers[lane] != NULL && vigie_list_worker_is_busy (priv->workers[lane]);
}

GArray *
vigie_id_list_collect_ids (VigieStore    *store,
                           sqlite3_stmt  *stmt,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      vigie_list_worker_set_step_error (store, stmt, rc, cancellable, error);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&ids);
}

gboolean
vigie_id_list_step_row (VigieStore    *store,
                        sqlite3_stmt  *stmt,
                        gint64         id,
                        GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    /* Translators: %lld is the number of a row of a list that is not in the dataset */
    g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND,
                 _("The row %lld does not exist any more."), (long long) id);
  else
    vigie_store_set_error (store, rc, error);
  sqlite3_reset (stmt);
  return FALSE;
}

guint
vigie_id_list_find_position (VigieIdList *self,
                             gint64       id)
{
  VigieIdListPrivate *priv;
  const gint64 *ids;

  g_return_val_if_fail (VIGIE_IS_ID_LIST (self), G_MAXUINT);

  priv = vigie_id_list_get_instance_private (self);
  ids = (const gint64 *) (gconstpointer) priv->ids->data;
  for (guint i = 0; i < priv->n_items; i++)
    if (ids[i] == id)
      return i;
  return G_MAXUINT;
}

gint64
vigie_id_list_get_id (VigieIdList *self,
                      guint        position)
{
  VigieIdListPrivate *priv;

  g_return_val_if_fail (VIGIE_IS_ID_LIST (self), 0);

  priv = vigie_id_list_get_instance_private (self);
  return position < priv->n_items ? g_array_index (priv->ids, gint64, position) : 0;
}

void
vigie_id_list_refresh_id (VigieIdList *self,
                          gint64       id)
{
  VigieIdListPrivate *priv;
  guint position;

  g_return_if_fail (VIGIE_IS_ID_LIST (self));

  priv = vigie_id_list_get_instance_private (self);
  if (id == 0)
    {
      vigie_row_cache_clear (priv->rows);
      vigie_list_model_replace_all (G_LIST_MODEL (self), &priv->n_items, priv->n_items,
                                    priv->n_items);
      return;
    }
  vigie_row_cache_forget (priv->rows, id);
  position = vigie_id_list_find_position (self, id);
  if (position != G_MAXUINT)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

void
vigie_id_list_hide_id (VigieIdList *self,
                       gint64       id)
{
  VigieIdListPrivate *priv;
  guint position;

  g_return_if_fail (VIGIE_IS_ID_LIST (self));

  priv = vigie_id_list_get_instance_private (self);
  if (g_hash_table_contains (priv->hidden, &id))
    return;
  g_hash_table_add (priv->hidden, g_memdup2 (&id, sizeof id));
  priv->hidden_serial++;
  vigie_row_cache_forget (priv->rows, id);
  position = vigie_id_list_find_position (self, id);
  if (position == G_MAXUINT)
    return;
  g_array_remove_index (priv->ids, position);
  priv->n_items--;
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

void
vigie_id_list_unhide_id (VigieIdList *self,
                         gint64       id)
{
  VigieIdListPrivate *priv;

  g_return_if_fail (VIGIE_IS_ID_LIST (self));

  priv = vigie_id_list_get_instance_private (self);
  if (g_hash_table_remove (priv->hidden, &id))
    priv->hidden_serial++;
}

gboolean
vigie_id_list_is_hidden (VigieIdList *self,
                         gint64       id)
{
  VigieIdListPrivate *priv;

  g_return_val_if_fail (VIGIE_IS_ID_LIST (self), FALSE);
  priv = vigie_id_list_get_instance_private (self);
  return g_hash_table_contains (priv->hidden, &id);
}

GArray *
vigie_id_list_dup_hidden (VigieIdList *self)
{
  VigieIdListPrivate *priv;
  GArray *ids;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (VIGIE_IS_ID_LIST (self), NULL);

  priv = vigie_id_list_get_instance_private (self);
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), g_hash_table_size (priv->hidden));
  g_hash_table_iter_init (&iter, priv->hidden);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *) key);
  return ids;
}

guint
vigie_id_list_get_hidden_serial (VigieIdList *self)
{
  VigieIdListPrivate *priv;

  g_return_val_if_fail (VIGIE_IS_ID_LIST (self), 0);
  priv = vigie_id_list_get_instance_private (self);
  return priv->hidden_serial;
}

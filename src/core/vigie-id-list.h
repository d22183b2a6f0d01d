/* vigie-id-list.h — what the lazy lists of Vigie share.
 *
 * VigieListWorker: queries answered in a worker thread, on a connection of their own,
 * where only the latest request counts. A new request cancels the one running (a SQLite
 * progress handler interrupts its statement) and makes every earlier one stale: their
 * results are dropped and their finish fails with G_IO_ERROR_CANCELLED.
 *
 * VigieIdList: a GListModel of row ids, sorted and filtered in SQL by a subclass's query,
 * that builds immutable row objects on demand, hides ids waiting for an Undo and fills
 * itself through a VigieListWorker.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigie-store.h"

G_BEGIN_DECLS

struct sqlite3_stmt;

/* ─── Worker ─────────────────────────────────────────────────────────────── */

typedef struct _VigieListWorker VigieListWorker;

/* Prepares a new worker connection (SQL functions, pragmas); FALSE and ERROR to give up. */
typedef gboolean (*VigieListWorkerSetup) (VigieStore  *connection,
                                          GError     **error);

/* The work of one request, in a worker thread, on the worker's CONNECTION: the result, or
 * NULL and ERROR. A statement of CONNECTION stops soon after CANCELLABLE is cancelled (it
 * then fails with SQLITE_INTERRUPT: report G_IO_ERROR_CANCELLED, see
 * vigie_list_worker_set_step_error()). */
typedef gpointer (*VigieListWorkerFunc) (VigieStore    *connection,
                                         gpointer       request,
                                         GCancellable  *cancellable,
                                         GError       **error);

/* A worker for the database of STORE (read in the calling thread; the connection is
 * opened in a worker thread on first use). SETUP may be NULL. */
VigieListWorker *vigie_list_worker_new       (VigieStore           *store,
                                              VigieListWorkerSetup  setup) G_GNUC_WARN_UNUSED_RESULT;
VigieListWorker *vigie_list_worker_ref       (VigieListWorker      *self);
/* The connection closes when the last reference (requests hold one) goes. */
void             vigie_list_worker_unref     (VigieListWorker      *self);

/* Runs FUNC (REQUEST) in a worker thread; the task's source object is SOURCE_OBJECT.
 * Earlier requests are cancelled and become stale. REQUEST_FREE frees REQUEST when the
 * task goes, RESULT_FREE a result nobody took. Call from the thread that owns the worker
 * (the main thread), as every function but acquire and release. */
void             vigie_list_worker_run_async (VigieListWorker      *self,
                                              gpointer              source_object,
                                              VigieListWorkerFunc   func,
                                              gpointer              request,
                                              GDestroyNotify        request_free,
                                              GDestroyNotify        result_free,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
/* The result of the latest request (yours to free), or NULL and ERROR: the request's
 * own, or G_IO_ERROR_CANCELLED when it was cancelled or a newer one replaced it. */
gpointer         vigie_list_worker_run_finish (VigieListWorker     *self,
                                               GAsyncResult        *result,
                                               GError             **error);
/* The REQUEST given to run_async. */
gpointer         vigie_list_worker_get_request (GAsyncResult       *result);
/* TRUE when RESULT is of the latest request (none came after it). */
gboolean         vigie_list_worker_is_latest  (VigieListWorker     *self,
                                               GAsyncResult        *result);
/* TRUE while a request has not called back yet. */
gboolean         vigie_list_worker_is_busy    (VigieListWorker     *self);
/* Cancels the request running and makes every request so far stale (a synchronous query
 * replaces them, or their list goes away). */
void             vigie_list_worker_supersede  (VigieListWorker     *self);

/* For other work in a thread of one's own: waits for the connection (opening it on first
 * use) and holds it, its statements stopping once CANCELLABLE is cancelled, until
 * release. NULL and ERROR when it cannot be opened or CANCELLABLE is already cancelled
 * (then do not release). */
VigieStore      *vigie_list_worker_acquire    (VigieListWorker     *self,
                                               GCancellable        *cancellable,
                                               GError             **error);
void             vigie_list_worker_release    (VigieListWorker     *self);

/* A statement of STORE failed with RC: G_IO_ERROR_CANCELLED when CANCELLABLE is cancelled
 * (a progress handler interrupted it), the store's error otherwise. Resets STMT. */
void             vigie_list_worker_set_step_error (VigieStore      *store,
                                                   struct sqlite3_stmt *stmt,
                                                   int              rc,
                                                   GCancellable    *cancellable,
                                                   GError         **error);

/* Replaces every item of MODEL, which reports *N_ITEMS items: OLD_N before, NEW_N after.
 * Two signals, a removal then an insertion (with *N_ITEMS 0 in between), rather than
 * one: when a GTK 4.8 list view sees an item it tracks (its scroll anchor, the focus, the
 * selection) removed together with others added, it looks for it among every item added,
 * asking the model for each one — a million rows built on the main thread. */
void             vigie_list_model_replace_all (GListModel          *model,
                                               guint               *n_items,
                                               guint                old_n,
                                               guint                new_n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieListWorker, vigie_list_worker_unref)

/* ─── List of ids ────────────────────────────────────────────────────────── */

#define VIGIE_TYPE_ID_LIST (vigie_id_list_get_type ())
G_DECLARE_DERIVABLE_TYPE (VigieIdList, vigie_id_list, VIGIE, ID_LIST, GObject)

struct _VigieIdListClass
{
  GObjectClass parent_class;

  /* The type of the rows (get_item). */
  GType      row_type;
  /* The query: a boxed type, copied and freed with g_boxed_copy() and g_boxed_free(). */
  GType      query_type;

  /* Rows an asynchronous query builds in its worker thread with the ids (the first ones,
   * what a window shows first), so that showing them reads nothing on the main thread. */
  guint      n_prefetch;

  /* The query of a new list. */
  gpointer (*new_query)    (void);
  /* Completes QUERY (the list's own copy) before it runs, in the calling thread (e.g. a
   * day left out: today); NULL: nothing to do. */
  void     (*complete_query) (gpointer    query);
  /* The ids QUERY selects, in order, read with STORE: the list's connection, or in a
   * worker thread its worker's. Must touch nothing but its arguments. */
  GArray  *(*run_query)    (VigieStore    *store,
                            gconstpointer  query,
                            GCancellable  *cancellable,
                            GError       **error);
  /* The row of ID for QUERY read with STORE, or NULL and ERROR; as run_query, it may run
   * in a worker thread and touches nothing but its arguments. */
  gpointer (*build_row)    (VigieStore    *store,
                            gconstpointer  query,
                            gint64         id,
                            GError       **error);
  /* A row with no data, for an id that cannot be read (deleted behind the list's back). */
  gpointer (*empty_row)    (gint64         id);
  /* Prepares the worker connection; NULL: nothing to do. */
  VigieListWorkerSetup setup_worker;
};

/* The store is a construct-only property, "store". */
VigieStore   *vigie_id_list_get_store          (VigieIdList         *self);
/* The query of the ids shown (the last one applied). */
gconstpointer vigie_id_list_get_query          (VigieIdList         *self);
/* Runs QUERY on the list's connection, swaps the ids (hidden ones left out) and signals.
 * Supersedes any asynchronous query still running. */
gboolean      vigie_id_list_set_query          (VigieIdList         *self,
                                                gconstpointer        query,
                                                GError             **error);
/* The same in a worker thread; only the latest request is applied. */
void          vigie_id_list_set_query_async    (VigieIdList         *self,
                                                gconstpointer        query,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean      vigie_id_list_set_query_finish   (VigieIdList         *self,
                                                GAsyncResult        *result,
                                                GError             **error);
gboolean      vigie_id_list_reload             (VigieIdList         *self,
                                                GError             **error);
/* TRUE while an asynchronous query has not called back yet. */
gboolean      vigie_id_list_is_loading         (VigieIdList         *self);
/* Position of ID, or G_MAXUINT. */
guint         vigie_id_list_find_position      (VigieIdList         *self,
                                                gint64               id);
/* The id at POSITION, 0 past the end. */
gint64        vigie_id_list_get_id             (VigieIdList         *self,
                                                guint                position);
/* Drops the built row of ID (of every id when ID is 0) and signals its position. */
void          vigie_id_list_refresh_id         (VigieIdList         *self,
                                                gint64               id);
/* Leaves ID out of the list, at once and from later queries, until unhidden (then it
 * comes back with the next query). */
void          vigie_id_list_hide_id            (VigieIdList         *self,
                                                gint64               id);
void          vigie_id_list_unhide_id          (VigieIdList         *self,
                                                gint64               id);
gboolean      vigie_id_list_is_hidden          (VigieIdList         *self,
                                                gint64               id);
/* Other reading of a subclass in worker threads (what its filters offer, a timeline...):
 * each LANE, from 1 to VIGIE_ID_LIST_N_LANES - 1 (0 is the list's own queries), has a
 * connection of its own (prepared by setup_worker) and answers only its latest request,
 * as vigie_list_worker_run_async() does. */
#define VIGIE_ID_LIST_N_LANES 4

void          vigie_id_list_run_async          (VigieIdList         *self,
                                                guint                lane,
                                                VigieListWorkerFunc  func,
                                                gpointer             request,
                                                GDestroyNotify       request_free,
                                                GDestroyNotify       result_free,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gpointer      vigie_id_list_run_finish         (VigieIdList         *self,
                                                guint                lane,
                                                GAsyncResult        *result,
                                                GError             **error);
/* TRUE while a request of LANE has not called back yet. */
gboolean      vigie_id_list_is_running         (VigieIdList         *self,
                                                guint                lane);

/* For run_query: steps STMT (bound; its first column an id) to its end and returns the
 * ids in order, or NULL and ERROR (G_IO_ERROR_CANCELLED when CANCELLABLE stopped it). */
GArray       *vigie_id_list_collect_ids        (VigieStore          *store,
                                                struct sqlite3_stmt *stmt,
                                                GCancellable        *cancellable,
                                                GError             **error) G_GNUC_WARN_UNUSED_RESULT;
/* For build_row: steps STMT to the row of ID. FALSE, STMT reset and ERROR set
 * (VIGIE_STORE_ERROR_NOT_FOUND when there is no such row) otherwise. */
gboolean      vigie_id_list_step_row           (VigieStore          *store,
                                                struct sqlite3_stmt *stmt,
                                                gint64               id,
                                                GError             **error);

/* The hidden ids (for a copy a worker thread may read). */
GArray       *vigie_id_list_dup_hidden         (VigieIdList         *self) G_GNUC_WARN_UNUSED_RESULT;
/* Counts changes of the hidden ids: a copy is current while it stays the same. */
guint         vigie_id_list_get_hidden_serial  (VigieIdList         *self);

/* Defines the typed functions of a subclass of VigieIdList (TypeName, type_name, its
 * QueryType, TYPE_CHECK its VIGIE_IS_ macro) that pass on to those of VigieIdList:
 * get_store, get_query, set_query, set_query_async, set_query_finish, reload,
 * is_loading, find_position, get_id, refresh_id, hide_id, unhide_id, is_hidden. Its header
 * declares them. */
#define VIGIE_ID_LIST_DEFINE_FUNCTIONS(TypeName, type_name, QueryType, TYPE_CHECK) \
  VigieStore * \
  type_name##_get_store (TypeName *self) \
  { \
    g_return_val_if_fail (TYPE_CHECK (self), NULL); \
    return vigie_id_list_get_store (VIGIE_ID_LIST (self)); \
  } \
  const QueryType * \
  type_name##_get_query (TypeName *self) \
  { \
    g_return_val_if_fail (TYPE_CHECK (self), NULL); \
    return vigie_id_list_get_query (VIGIE_ID_LIST (self)); \
  } \
  gboolean \
  type_name##_set_query (TypeName         *self, \
                         const QueryType  *query, \
                         GError          **error) \
  { \
    g_return_val_if_fail (TYPE_CHECK (self), FALSE); \
    return vigie_id_list_set_query (VIGIE_ID_LIST (self), query, error); \
  } \
  void \
  type_name##_set_query_async (TypeName            *self, \
                               const QueryType     *query, \
                               GCancellable        *cancellable, \
                               GAsyncReadyCallback  callback, \
                               gpointer             user_data) \
  { \
    g_return_if_fail (TYPE_CHECK (self)); \
    vigie_id_list_set_query_async (VIGIE_ID_LIST (self), query, cancellable, callback, \
                                   user_data); \
  } \
  gboolean \
  type_name##_set_query_finish (TypeName      *self, \
                                GAsyncResult  *result, \
                                GError       **error) \
  { \
    g_return_val_if_fail (TYPE_CHECK (self), FALSE); \
    return vigie_id_list_set_query_finish (VIGIE_ID_LIST (self), result, error); \
  } \
  gboolean \
  type_name##_reload (TypeName  *self, \
                      GError   **error) \
  { \
    g_return_val_if_fail (TYPE_CHECK (self), FALSE); \
    return vigie_id_list_reload (VIGIE_ID_LIST (self), error); \
  } \
  gboolean \
  type_name##_is_loading (TypeName *self) \
  { \
    g_return_val_if_fail (TYPE_CHECK (self), FALSE); \
    return vigie_id_list_is_loading (VIGIE_ID_LIST (self)); \
  } \
  guint \
  type_name##_find_position (TypeName *self, \
                             gint64    id) \
  { \
    g_return_val_if_fail (TYPE_CHECK (self), G_MAXUINT); \
    return vigie_id_list_find_position (VIGIE_ID_LIST (self), id); \
  } \
  gint64 \
  type_name##_get_id (TypeName *self, \
                      guint     position) \
  { \
    g_return_val_if_fail (TYPE_CHECK (self), 0); \
    return vigie_id_list_get_id (VIGIE_ID_LIST (self), position); \
  } \
  void \
  type_name##_refresh_id (TypeName *self, \
                          gint64    id) \
  { \
    g_return_if_fail (TYPE_CHECK (self)); \
    vigie_id_list_refresh_id (VIGIE_ID_LIST (self), id); \
  } \
  void \
  type_name##_hide_id (TypeName *self, \
                       gint64    id) \
  { \
    g_return_if_fail (TYPE_CHECK (self)); \
    vigie_id_list_hide_id (VIGIE_ID_LIST (self), id); \
  } \
  void \
  type_name##_unhide_id (TypeName *self, \
                         gint64    id) \
  { \
    g_return_if_fail (TYPE_CHECK (self)); \
    vigie_id_list_unhide_id (VIGIE_ID_LIST (self), id); \
  } \
  gboolean \
  type_name##_is_hidden (TypeName *self, \
                         gint64    id) \
  { \
    g_return_val_if_fail (TYPE_CHECK (self), FALSE); \
    return vigie_id_list_is_hidden (VIGIE_ID_LIST (self), id); \
  }

G_END_DECLS

/* vigie-action-list.c — remediation actions as a lazy GListModel (ids from one SQL query,
 * rows built on demand) and as compact timeline spans.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "vigie-action-list.h"
#include "vigie-remediation.h"
#include "vigie-row-cache.h"
#include "vigie-store-private.h"
#include "vigie-util.h"
#include "vigie-vocab.h"

#define ROW_CACHE_SIZE 512

/* Keep in sync with vigie_remediation_status_is_pending(). */
#define PENDING_SQL "('proposed', 'plan_submitted', 'plan_accepted', 'plan_rejected', " \
                    "'in_progress', 'disputed', 'escalated')"
/* Completed and not since disputed or abandoned (as the figures count remedy). */
#define DELIVERED_SQL "('reported_complete', 'verified_by_workers', 'verified_by_monitor', " \
                      "'closed')"

/* ─── Query ──────────────────────────────────────────────────────────────── */

G_DEFINE_BOXED_TYPE (VigieActionQuery, vigie_action_query, vigie_action_query_copy,
                     vigie_action_query_free)

VigieActionQuery *
vigie_action_query_new (void)
{
  VigieActionQuery *q = g_new0 (VigieActionQuery, 1);

  q->sort = VIGIE_ACTION_SORT_DUE;
  return q;
}

VigieActionQuery *
vigie_action_query_copy (const VigieActionQuery *query)
{
  VigieActionQuery *q;

  g_return_val_if_fail (query != NULL, NULL);

  q = g_new0 (VigieActionQuery, 1);
  *q = *query;
  q->status = g_strdup (query->status);
  q->escalation_level = g_strdup (query->escalation_level);
  q->today = g_strdup (query->today);
  q->country = g_strdup (query->country);
  q->due_from = g_strdup (query->due_from);
  q->due_to = g_strdup (query->due_to);
  q->completed_from = g_strdup (query->completed_from);
  q->completed_to = g_strdup (query->completed_to);
  return q;
}

void
vigie_action_query_free (VigieActionQuery *q)
{
  if (q == NULL)
    return;
  g_free (q->status);
  g_free (q->escalation_level);
  g_free (q->today);
  g_free (q->country);
  g_free (q->due_from);
  g_free (q->due_to);
  g_free (q->completed_from);
  g_free (q->completed_to);
  g_free (q);
}

/* The joins and the WHERE clause every query shares; parameters ?1..?15. */
#define FROM_WHERE \
  " FROM remediation_actions a" \
  " JOIN findings f ON f.id = a.finding_id" \
  " JOIN sites s ON s.id = f.site_id" \
  " LEFT JOIN organisations o ON o.id = a.responsible_id" \
  " WHERE (?1 = 0 OR f.site_id = ?1)" \
  " AND (?2 = 0 OR a.finding_id = ?2)" \
  " AND (?3 IS NULL OR a.status = ?3)" \
  " AND (?4 IS NULL OR a.escalation_level = ?4)" \
  " AND (?5 = 0 OR a.responsible_id = ?5)" \
  " AND (?6 = 0 OR (a.due_on < ?7 AND a.status IN " PENDING_SQL "))" \
  " AND (?8 IS NULL OR (a.due_on >= ?8 AND a.due_on <= ?9))" \
  " AND (?10 IS NULL OR s.country = ?10)" \
  " AND (?11 IS NULL OR a.due_on >= ?11) AND (?12 IS NULL OR a.due_on <= ?12)" \
  " AND (?13 IS NULL OR a.completed_on >= ?13) AND (?14 IS NULL OR a.completed_on <= ?14)" \
  " AND (?15 = 0 OR (a.remedy_type <> 'corrective_only' AND a.status IN " DELIVERED_SQL "))"

#define STATUS_ORDER \
  "CASE a.status WHEN 'proposed' THEN 0 WHEN 'plan_submitted' THEN 1 " \
  "WHEN 'plan_accepted' THEN 2 WHEN 'plan_rejected' THEN 3 WHEN 'in_progress' THEN 4 " \
  "WHEN 'reported_complete' THEN 5 WHEN 'verified_by_workers' THEN 6 " \
  "WHEN 'verified_by_monitor' THEN 7 WHEN 'closed' THEN 8 WHEN 'disputed' THEN 9 " \
  "WHEN 'escalated' THEN 10 ELSE 11 END"

#define ESCALATION_ORDER \
  "CASE a.escalation_level WHEN 'informal' THEN 0 WHEN 'formal_request' THEN 1 " \
  "WHEN 'contract_escalation' THEN 2 ELSE 3 END"

/* ORDER BY of each sort, ascending and descending; the id breaks ties. Undated actions
 * come last either way. */
static const char * const order_sql[VIGIE_ACTION_N_SORTS][2] = {
  [VIGIE_ACTION_SORT_SITE] = {
    "s.name COLLATE NOCASE, a.due_on IS NULL, a.due_on, a.id",
    "s.name COLLATE NOCASE DESC, a.due_on IS NULL, a.due_on, a.id DESC" },
  [VIGIE_ACTION_SORT_FINDING] = {
    "f.title COLLATE NOCASE, a.id", "f.title COLLATE NOCASE DESC, a.id DESC" },
  [VIGIE_ACTION_SORT_DESCRIPTION] = {
    "a.description COLLATE NOCASE, a.id", "a.description COLLATE NOCASE DESC, a.id DESC" },
  [VIGIE_ACTION_SORT_RESPONSIBLE] = {
    "o.name IS NULL, o.name COLLATE NOCASE, a.id",
    "o.name IS NULL, o.name COLLATE NOCASE DESC, a.id DESC" },
  [VIGIE_ACTION_SORT_STATUS] = {
    STATUS_ORDER ", a.due_on IS NULL, a.due_on, a.id",
    STATUS_ORDER " DESC, a.due_on IS NULL, a.due_on, a.id DESC" },
  [VIGIE_ACTION_SORT_ESCALATION] = {
    ESCALATION_ORDER ", a.due_on IS NULL, a.due_on, a.id",
    ESCALATION_ORDER " DESC, a.due_on IS NULL, a.due_on, a.id DESC" },
  [VIGIE_ACTION_SORT_OPENED] = {
    "a.opened_on, a.id", "a.opened_on DESC, a.id DESC" },
  [VIGIE_ACTION_SORT_DUE] = {
    "a.due_on IS NULL, a.due_on, a.id", "a.due_on IS NULL, a.due_on DESC, a.id DESC" },
};

static void
bind_query (sqlite3_stmt           *stmt,
            const VigieActionQuery *q,
            const char             *today)
{
  sqlite3_bind_int64 (stmt, 1, q->site_id);
  sqlite3_bind_int64 (stmt, 2, q->finding_id);
  vigie_bind_text (stmt, 3, q->status != NULL && *q->status != '\0' ? q->status : NULL);
  vigie_bind_text (stmt, 4, q->escalation_level != NULL && *q->escalation_level != '\0'
                            ? q->escalation_level : NULL);
  sqlite3_bind_int64 (stmt, 5, q->responsible_id);
  sqlite3_bind_int (stmt, 6, q->only_overdue ? 1 : 0);
  vigie_bind_text (stmt, 7, today);
  if (q->due_this_month && today != NULL && strlen (today) == 10)
    {
      g_autofree char *first = g_strdup_printf ("%.7s-01", today);
      g_autofree char *last = g_strdup_printf ("%.7s-31", today);

      vigie_bind_text (stmt, 8, first);
      vigie_bind_text (stmt, 9, last);
    }
  else
    {
      sqlite3_bind_null (stmt, 8);
      sqlite3_bind_null (stmt, 9);
    }
  vigie_bind_text (stmt, 10, q->country != NULL && *q->country != '\0' ? q->country : NULL);
  vigie_bind_text (stmt, 11, q->due_from);
  vigie_bind_text (stmt, 12, q->due_to);
  vigie_bind_text (stmt, 13, q->completed_from);
  vigie_bind_text (stmt, 14, q->completed_to);
  sqlite3_bind_int (stmt, 15, q->remedy_only ? 1 : 0);
}

/* ─── Row ────────────────────────────────────────────────────────────────── */

struct _VigieActionRow
{
  GObject  parent_instance;

  gint64   id;
  gint64   finding_id;
  char    *site;
  char    *finding;
  char    *severity;
  char    *description;
  char    *responsible;
  char    *status;
  char    *escalation_level;
  char    *opened_on;
  char    *due_on;
  char    *completed_on;
  int      days_overdue;
};

G_DEFINE_FINAL_TYPE (VigieActionRow, vigie_action_row, G_TYPE_OBJECT)

enum
{
  ROW_PROP_0,
  ROW_PROP_ID,
  ROW_PROP_FINDING_ID,
  ROW_PROP_SITE,
  ROW_PROP_FINDING,
  ROW_PROP_SEVERITY,
  ROW_PROP_DESCRIPTION,
  ROW_PROP_RESPONSIBLE,
  ROW_PROP_STATUS,
  ROW_PROP_STATUS_LABEL,
  ROW_PROP_ESCALATION_LEVEL,
  ROW_PROP_ESCALATION_LABEL,
  ROW_PROP_OPENED_ON,
  ROW_PROP_DUE_ON,
  ROW_PROP_COMPLETED_ON,
  ROW_PROP_DAYS_OVERDUE,
  ROW_N_PROPS
};

static GParamSpec *row_properties[ROW_N_PROPS];

static void
vigie_action_row_finalize (GObject *object)
{
  VigieActionRow *self = VIGIE_ACTION_ROW (object);

  g_free (self->site);
  g_free (self->finding);
  g_free (self->severity);
  g_free (self->description);
  g_free (self->responsible);
  g_free (self->status);
  g_free (self->escalation_level);
  g_free (self->opened_on);
  g_free (self->due_on);
  g_free (self->completed_on);
  G_OBJECT_CLASS (vigie_action_row_parent_class)->finalize (object);
}

static void
vigie_action_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VigieActionRow *self = VIGIE_ACTION_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_ID: g_value_set_int64 (value, self->id); break;
    case ROW_PROP_FINDING_ID: g_value_set_int64 (value, self->finding_id); break;
    case ROW_PROP_SITE: g_value_set_string (value, self->site); break;
    case ROW_PROP_FINDING: g_value_set_string (value, self->finding); break;
    case ROW_PROP_SEVERITY: g_value_set_string (value, self->severity); break;
    case ROW_PROP_DESCRIPTION: g_value_set_string (value, self->description); break;
    case ROW_PROP_RESPONSIBLE: g_value_set_string (value, self->responsible); break;
    case ROW_PROP_STATUS: g_value_set_string (value, self->status); break;
    case ROW_PROP_STATUS_LABEL:
      g_value_set_string (value, vigie_vocab_label (VIGIE_VOCAB_REMEDIATION_STATUS,
                                                    self->status));
      break;
    case ROW_PROP_ESCALATION_LEVEL: g_value_set_string (value, self->escalation_level); break;
    case ROW_PROP_ESCALATION_LABEL:
      g_value_set_string (value, vigie_vocab_label (VIGIE_VOCAB_ESCALATION_LEVEL,
                                                    self->escalation_level));
      break;
    case ROW_PROP_OPENED_ON: g_value_set_string (value, self->opened_on); break;
    case ROW_PROP_DUE_ON: g_value_set_string (value, self->due_on); break;
    case ROW_PROP_COMPLETED_ON: g_value_set_string (value, self->completed_on); break;
    case ROW_PROP_DAYS_OVERDUE: g_value_set_int (value, self->days_overdue); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_pspec (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
vigie_action_row_class_init (VigieActionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vigie_action_row_finalize;
  object_class->get_property = vigie_action_row_get_property;

  row_properties[ROW_PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  row_properties[ROW_PROP_FINDING_ID] =
    g_param_spec_int64 ("finding-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  row_properties[ROW_PROP_SITE] = string_pspec ("site");
  row_properties[ROW_PROP_FINDING] = string_pspec ("finding");
  row_properties[ROW_PROP_SEVERITY] = string_pspec ("severity");
  row_properties[ROW_PROP_DESCRIPTION] = string_pspec ("description");
  row_properties[ROW_PROP_RESPONSIBLE] = string_pspec ("responsible");
  row_properties[ROW_PROP_STATUS] = string_pspec ("status");
  row_properties[ROW_PROP_STATUS_LABEL] = string_pspec ("status-label");
  row_properties[ROW_PROP_ESCALATION_LEVEL] = string_pspec ("escalation-level");
  row_properties[ROW_PROP_ESCALATION_LABEL] = string_pspec ("escalation-label");
  row_properties[ROW_PROP_OPENED_ON] = string_pspec ("opened-on");
  row_properties[ROW_PROP_DUE_ON] = string_pspec ("due-on");
  row_properties[ROW_PROP_COMPLETED_ON] = string_pspec ("completed-on");
  row_properties[ROW_PROP_DAYS_OVERDUE] =
    g_param_spec_int ("days-overdue", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
vigie_action_row_init (VigieActionRow *self)
{
}

gint64 vigie_action_row_get_id (VigieActionRow *self) { return self->id; }
gint64 vigie_action_row_get_finding_id (VigieActionRow *self) { return self->finding_id; }
const char *vigie_action_row_get_site (VigieActionRow *self) { return self->site; }
const char *vigie_action_row_get_finding (VigieActionRow *self) { return self->finding; }
const char *vigie_action_row_get_severity (VigieActionRow *self) { return self->severity; }
const char *vigie_action_row_get_description (VigieActionRow *self) { return self->description; }
const char *vigie_action_row_get_responsible (VigieActionRow *self) { return self->responsible; }
const char *vigie_action_row_get_status (VigieActionRow *self) { return self->status; }
const char *vigie_action_row_get_escalation_level (VigieActionRow *self) { return self->escalation_level; }
const char *vigie_action_row_get_opened_on (VigieActionRow *self) { return self->opened_on; }
const char *vigie_action_row_get_due_on (VigieActionRow *self) { return self->due_on; }
const char *vigie_action_row_get_completed_on (VigieActionRow *self) { return self->completed_on; }
int vigie_action_row_get_days_overdue (VigieActionRow *self) { return self->days_overdue; }

/* ─── List ───────────────────────────────────────────────────────────────── */

static VigieActionSpans *spans_load (VigieStore             *store,
                                     const VigieActionQuery *query,
                                     VigieTimelineGrouping   grouping,
                                     GCancellable           *cancellable,
                                     GError                **error);

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

struct _VigieActionList
{
  VigieIdList parent_instance;
};

/* The lanes of the list's other reading in worker threads (see vigie_id_list_run_async). */
enum
{
  LANE_SPANS = 1,
  LANE_CHOICES,
};

G_DEFINE_FINAL_TYPE (VigieActionList, vigie_action_list, VIGIE_TYPE_ID_LIST)

/* Days overdue count from the day of QUERY. */
static gpointer
action_list_build_row (VigieStore     *store,
                       gconstpointer   query,
                       gint64          id,
                       GError        **error)
{
  const VigieActionQuery *q = query;
  sqlite3_stmt *stmt;
  VigieActionRow *row;

  stmt = vigie_store_prepare (store,
                              "SELECT a.id, a.finding_id, s.name, f.title, f.severity, "
                              "a.description, o.name, a.status, a.escalation_level, a.opened_on, "
                              "a.due_on, a.completed_on"
                              " FROM remediation_actions a"
                              " JOIN findings f ON f.id = a.finding_id"
                              " JOIN sites s ON s.id = f.site_id"
                              " LEFT JOIN organisations o ON o.id = a.responsible_id"
                              " WHERE a.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!vigie_id_list_step_row (store, stmt, id, error))
    return NULL;
  row = g_object_new (VIGIE_TYPE_ACTION_ROW, NULL);
  row->id = id;
  row->finding_id = sqlite3_column_int64 (stmt, 1);
  row->site = vigie_column_dup (stmt, 2);
  row->finding = vigie_column_dup (stmt, 3);
  row->severity = vigie_column_dup (stmt, 4);
  row->description = vigie_column_dup (stmt, 5);
  row->responsible = vigie_column_dup (stmt, 6);
  row->status = vigie_column_dup (stmt, 7);
  row->escalation_level = vigie_column_dup (stmt, 8);
  row->opened_on = vigie_column_dup (stmt, 9);
  row->due_on = vigie_column_dup (stmt, 10);
  row->completed_on = vigie_column_dup (stmt, 11);
  row->days_overdue = vigie_remediation_days_overdue (row->status, row->due_on, q->today);
  sqlite3_reset (stmt);
  return row;
}

static gpointer
action_list_empty_row (gint64 id)
{
  VigieActionRow *row = g_object_new (VIGIE_TYPE_ACTION_ROW, NULL);

  row->id = id;
  return row;
}

static gpointer
action_list_new_query (void)
{
  VigieActionQuery *q = vigie_action_query_new ();

  q->today = vigie_today_iso ();
  return q;
}

static GArray *
run_ids_query (VigieStore     *store,
               gconstpointer   data,
               GCancellable   *cancellable,
               GError        **error)
{
  const VigieActionQuery *query = data;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  if (query->sort >= VIGIE_ACTION_N_SORTS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "No such order: %d",
                   (int) query->sort);
      return NULL;
    }
  sql = g_strconcat ("SELECT a.id" FROM_WHERE " ORDER BY ",
                     order_sql[query->sort][query->descending ? 1 : 0], NULL);
  stmt = vigie_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_query (stmt, query, query->today);
  return vigie_id_list_collect_ids (store, stmt, cancellable, error);
}

/* Worker connections scan the actions once from end to end: a small page cache does. */
static gboolean
setup_worker (VigieStore  *connection,
              GError     **error)
{
  return vigie_store_exec (connection, "PRAGMA cache_size = -8192", error);
}

/* A query without a day is run for today's (read once, so that the ids and the rows agree
 * on what is overdue). */
static void
action_list_complete_query (gpointer query)
{
  VigieActionQuery *q = query;

  if (q->today == NULL)
    q->today = vigie_today_iso ();
}

static void
vigie_action_list_class_init (VigieActionListClass *klass)
{
  VigieIdListClass *list_class = VIGIE_ID_LIST_CLASS (klass);

  list_class->row_type = VIGIE_TYPE_ACTION_ROW;
  list_class->query_type = VIGIE_TYPE_ACTION_QUERY;
  list_class->new_query = action_list_new_query;
  list_class->complete_query = action_list_complete_query;
  list_class->run_query = run_ids_query;
  list_class->build_row = action_list_build_row;
  list_class->empty_row = action_list_empty_row;
  list_class->setup_worker = setup_worker;
}

static void
vigie_action_list_init (VigieActionList *self)
{
}

VigieActionList *
vigie_action_list_new (VigieStore *store)
{
  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);
  return g_object_new (VIGIE_TYPE_ACTION_LIST, "store", store, NULL);
}

VIGIE_ID_LIST_DEFINE_FUNCTIONS (VigieActionList, vigie_action_list, VigieActionQuery,
                                VIGIE_IS_ACTION_LIST)

/* Drops from SPANS the spans whose id HIDDEN (sorted) holds. */
static void
drop_spans (VigieActionSpans *spans,
            GArray           *hidden)
{
  guint kept = 0;

  if (spans == NULL || hidden == NULL || hidden->len == 0)
    return;
  /* The spans keep their order (and their milestone runs, which stay where they are in
   * the milestones array); a group left without spans gets no row in the timeline. */
  for (guint i = 0; i < spans->spans->len; i++)
    {
      VigieActionSpan *span = &g_array_index (spans->spans, VigieActionSpan, i);

      if (bsearch (&span->id, hidden->data, hidden->len, sizeof (gint64), compare_ids) != NULL)
        continue;
      if (kept != i)
        g_array_index (spans->spans, VigieActionSpan, kept) = *span;
      kept++;
    }
  g_array_set_size (spans->spans, kept);
}

void
vigie_action_list_filter_spans (VigieActionList  *self,
                                VigieActionSpans *spans)
{
  g_autoptr(GArray) hidden = NULL;

  g_return_if_fail (VIGIE_IS_ACTION_LIST (self));

  hidden = vigie_id_list_dup_hidden (VIGIE_ID_LIST (self));
  g_array_sort (hidden, compare_ids);
  drop_spans (spans, hidden);
}

typedef struct
{
  VigieActionQuery      *query;
  VigieTimelineGrouping  grouping;
  GArray                *hidden;          /* sorted */
  guint                  hidden_serial;   /* of the list when HIDDEN was copied */
} SpansRequest;

static void
spans_request_free (gpointer data)
{
  SpansRequest *request = data;

  vigie_action_query_free (request->query);
  g_array_unref (request->hidden);
  g_free (request);
}

static gpointer
load_spans_func (VigieStore    *connection,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  SpansRequest *request = data;
  VigieActionSpans *spans;

  spans = spans_load (connection, request->query, request->grouping, cancellable, error);
  drop_spans (spans, request->hidden);
  return spans;
}

void
vigie_action_list_load_spans_async (VigieActionList        *self,
                                    const VigieActionQuery *query,
                                    VigieTimelineGrouping   grouping,
                                    GCancellable           *cancellable,
                                    GAsyncReadyCallback     callback,
                                    gpointer                user_data)
{
  SpansRequest *request;

  g_return_if_fail (VIGIE_IS_ACTION_LIST (self));
  g_return_if_fail (query != NULL);

  request = g_new0 (SpansRequest, 1);
  request->query = vigie_action_query_copy (query);
  action_list_complete_query (request->query);
  request->grouping = grouping;
  request->hidden = vigie_id_list_dup_hidden (VIGIE_ID_LIST (self));
  g_array_sort (request->hidden, compare_ids);
  request->hidden_serial = vigie_id_list_get_hidden_serial (VIGIE_ID_LIST (self));
  vigie_id_list_run_async (VIGIE_ID_LIST (self), LANE_SPANS, load_spans_func, request,
                           spans_request_free, (GDestroyNotify) vigie_action_spans_free,
                           cancellable, callback, user_data);
}

VigieActionSpans *
vigie_action_list_load_spans_finish (VigieActionList  *self,
                                     GAsyncResult     *result,
                                     GError          **error)
{
  SpansRequest *request;
  VigieActionSpans *spans;

  g_return_val_if_fail (VIGIE_IS_ACTION_LIST (self), NULL);

  spans = vigie_id_list_run_finish (VIGIE_ID_LIST (self), LANE_SPANS, result, error);
  request = vigie_list_worker_get_request (result);
  /* Hidden or shown again while the spans loaded. */
  if (spans != NULL
      && request->hidden_serial != vigie_id_list_get_hidden_serial (VIGIE_ID_LIST (self)))
    vigie_action_list_filter_spans (self, spans);
  return spans;
}

gboolean
vigie_action_list_is_loading_spans (VigieActionList *self)
{
  g_return_val_if_fail (VIGIE_IS_ACTION_LIST (self), FALSE);
  return vigie_id_list_is_running (VIGIE_ID_LIST (self), LANE_SPANS);
}

/* ─── Choices ────────────────────────────────────────────────────────────── */

void
vigie_action_choice_free (VigieActionChoice *choice)
{
  if (choice == NULL)
    return;
  g_free (choice->label);
  g_free (choice);
}

static GPtrArray *
list_choices (VigieStore  *store,
              const char  *sql,
              GError     **error)
{
  sqlite3_stmt *stmt = vigie_store_prepare (store, sql, error);
  GPtrArray *choices;
  int rc;

  if (stmt == NULL)
    return NULL;
  choices = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_action_choice_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigieActionChoice *c = g_new0 (VigieActionChoice, 1);

      c->id = sqlite3_column_int64 (stmt, 0);
      c->label = vigie_column_dup (stmt, 1);
      c->n_actions = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (choices, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      g_clear_pointer (&choices, g_ptr_array_unref);
    }
  return choices;
}

GPtrArray *
vigie_action_list_sites_with_findings (VigieStore  *store,
                                       GError     **error)
{
  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);
  return list_choices (store,
                       "SELECT s.id, s.name, count(*) FROM findings f "
                       "JOIN sites s ON s.id = f.site_id "
                       "GROUP BY s.id ORDER BY s.name COLLATE NOCASE, s.id", error);
}

GPtrArray *
vigie_action_list_search_findings (VigieStore  *store,
                                   gint64       site_id,
                                   const char  *search,
                                   guint        limit,
                                   GError     **error)
{
  g_autofree char *pattern = NULL;
  g_autoptr(GString) escaped = g_string_new (NULL);
  g_autofree char *text = g_strstrip (g_strdup (search != NULL ? search : ""));
  sqlite3_stmt *stmt;
  GPtrArray *choices;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  /* A substring of the title, case-insensitive; % and _ typed by the user match
   * themselves. */
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (escaped, '\\');
      g_string_append_c (escaped, *p);
    }
  pattern = g_strdup_printf ("%%%s%%", escaped->str);
  stmt = vigie_store_prepare (store,
                              "SELECT f.id, f.title, f.severity, f.first_observed, s.name, "
                              "(SELECT count(*) FROM remediation_actions a "
                              " WHERE a.finding_id = f.id) "
                              "FROM findings f JOIN sites s ON s.id = f.site_id "
                              "WHERE (?1 = 0 OR f.site_id = ?1) "
                              "AND f.title LIKE ?2 ESCAPE '\\' "
                              "ORDER BY f.first_observed DESC, f.id DESC LIMIT ?3", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, site_id);
  vigie_bind_text (stmt, 2, pattern);
  sqlite3_bind_int64 (stmt, 3, limit > 0 ? (gint64) limit : -1);
  choices = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_finding_choice_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigieFindingChoice *c = g_new0 (VigieFindingChoice, 1);

      c->id = sqlite3_column_int64 (stmt, 0);
      c->title = vigie_column_dup (stmt, 1);
      c->severity = vigie_column_dup (stmt, 2);
      c->first_observed = vigie_column_dup (stmt, 3);
      c->site = vigie_column_dup (stmt, 4);
      c->n_actions = sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (choices, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      g_clear_pointer (&choices, g_ptr_array_unref);
    }
  return choices;
}

void
vigie_finding_choice_free (VigieFindingChoice *choice)
{
  if (choice == NULL)
    return;
  g_free (choice->title);
  g_free (choice->severity);
  g_free (choice->first_observed);
  g_free (choice->site);
  g_free (choice);
}

GPtrArray *
vigie_action_list_sites_in_use (VigieStore  *store,
                                GError     **error)
{
  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);
  return list_choices (store,
                       "SELECT s.id, s.name, count(*) FROM remediation_actions a "
                       "JOIN findings f ON f.id = a.finding_id JOIN sites s ON s.id = f.site_id "
                       "GROUP BY s.id ORDER BY s.name COLLATE NOCASE, s.id", error);
}

GPtrArray *
vigie_action_list_responsibles_in_use (VigieStore  *store,
                                       GError     **error)
{
  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);
  return list_choices (store,
                       "SELECT o.id, o.name, count(*) FROM remediation_actions a "
                       "JOIN organisations o ON o.id = a.responsible_id "
                       "GROUP BY o.id ORDER BY o.name COLLATE NOCASE, o.id", error);
}

GPtrArray *
vigie_action_list_organisations (VigieStore  *store,
                                 GError     **error)
{
  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);
  return list_choices (store, "SELECT id, name, 0 FROM organisations "
                              "ORDER BY name COLLATE NOCASE, id", error);
}

GPtrArray *
vigie_action_list_finding_evidence (VigieStore  *store,
                                    gint64       finding_id,
                                    GError     **error)
{
  sqlite3_stmt *stmt;
  GPtrArray *choices;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  stmt = vigie_store_prepare (store, "SELECT id, kind, summary FROM evidence "
                                     "WHERE finding_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, finding_id);
  choices = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_action_choice_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigieActionChoice *c = g_new0 (VigieActionChoice, 1);
      const char *kind = (const char *) sqlite3_column_text (stmt, 1);
      const char *summary = (const char *) sqlite3_column_text (stmt, 2);

      c->id = sqlite3_column_int64 (stmt, 0);
      /* Translators: an evidence item in a list: its kind and summary */
      c->label = g_strdup_printf (C_("evidence", "%1$s — %2$s"),
                                  vigie_vocab_label (VIGIE_VOCAB_EVIDENCE_KIND, kind),
                                  summary != NULL ? summary : "");
      g_ptr_array_add (choices, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      g_clear_pointer (&choices, g_ptr_array_unref);
    }
  return choices;
}

char *
vigie_action_list_finding_label (VigieStore *store,
                                 gint64      finding_id)
{
  sqlite3_stmt *stmt;
  char *label = NULL;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  stmt = vigie_store_prepare (store, "SELECT f.title, s.name FROM findings f "
                                     "JOIN sites s ON s.id = f.site_id WHERE f.id = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, finding_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    /* Translators: a finding and its site */
    label = g_strdup_printf (C_("finding at site", "%1$s — %2$s"),
                             (const char *) sqlite3_column_text (stmt, 0),
                             (const char *) sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);
  return label;
}

/* The choices of the filters, in a worker thread. */

void
vigie_action_filter_choices_free (VigieActionFilterChoices *choices)
{
  if (choices == NULL)
    return;
  g_clear_pointer (&choices->sites, g_ptr_array_unref);
  g_clear_pointer (&choices->responsibles, g_ptr_array_unref);
  g_free (choices);
}

static gpointer
load_choices_func (VigieStore    *connection,
                   gpointer       request,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(VigieActionFilterChoices) choices = g_new0 (VigieActionFilterChoices, 1);

  choices->sites = vigie_action_list_sites_in_use (connection, error);
  if (choices->sites == NULL)
    return NULL;
  choices->responsibles = vigie_action_list_responsibles_in_use (connection, error);
  if (choices->responsibles == NULL)
    return NULL;
  return g_steal_pointer (&choices);
}

void
vigie_action_list_load_filter_choices_async (VigieActionList     *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_return_if_fail (VIGIE_IS_ACTION_LIST (self));

  vigie_id_list_run_async (VIGIE_ID_LIST (self), LANE_CHOICES, load_choices_func, NULL, NULL,
                           (GDestroyNotify) vigie_action_filter_choices_free, cancellable,
                           callback, user_data);
}

VigieActionFilterChoices *
vigie_action_list_load_filter_choices_finish (VigieActionList  *self,
                                              GAsyncResult     *result,
                                              GError          **error)
{
  g_return_val_if_fail (VIGIE_IS_ACTION_LIST (self), NULL);
  return vigie_id_list_run_finish (VIGIE_ID_LIST (self), LANE_CHOICES, result, error);
}

/* ─── Timeline spans ─────────────────────────────────────────────────────── */

guint32
vigie_julian_from_iso (const char *iso)
{
  GDate date;
  int y, m, d;

  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-')
    return 0;
  y = atoi (iso);
  m = atoi (iso + 5);
  d = atoi (iso + 8);
  if (!g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return 0;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return g_date_get_julian (&date);
}

char *
vigie_julian_to_iso (guint32 day)
{
  GDate date;

  if (day == 0 || !g_date_valid_julian (day))
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

void
vigie_action_spans_free (VigieActionSpans *spans)
{
  if (spans == NULL)
    return;
  g_array_unref (spans->spans);
  g_array_unref (spans->milestones);
  g_ptr_array_unref (spans->group_labels);
  g_string_chunk_free (spans->strings);
  g_free (spans);
}

typedef struct
{
  guint32  span;
  guint32  day;
  guint32  order;
  guint8   to_status;
} RawMilestone;

static int
raw_milestone_compare (gconstpointer a,
                       gconstpointer b)
{
  const RawMilestone *x = a, *y = b;

  if (x->span != y->span)
    return x->span < y->span ? -1 : 1;
  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

static VigieActionSpans *
spans_load (VigieStore             *store,
            const VigieActionQuery *query,
            VigieTimelineGrouping   grouping,
            GCancellable           *cancellable,
            GError                **error)
{
  g_autoptr(VigieActionSpans) spans = NULL;
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(GArray) raw = NULL;
  g_autofree char *today = NULL;
  const char *sql;
  sqlite3_stmt *stmt;
  gint64 last_group = -1;
  int rc;

  today = query->today != NULL ? g_strdup (query->today) : vigie_today_iso ();
  spans = g_new0 (VigieActionSpans, 1);
  spans->spans = g_array_new (FALSE, FALSE, sizeof (VigieActionSpan));
  spans->milestones = g_array_new (FALSE, FALSE, sizeof (VigieActionMilestone));
  spans->group_labels = g_ptr_array_new ();
  spans->strings = g_string_chunk_new (64 * 1024);

  if (grouping == VIGIE_TIMELINE_GROUP_FINDING)
    sql = "SELECT a.id, a.description, a.opened_on, a.plan_due_on, a.due_on, a.completed_on, "
          "a.status, f.id, f.title || ' — ' || s.name" FROM_WHERE
          " ORDER BY s.name COLLATE NOCASE, f.title COLLATE NOCASE, f.id, a.opened_on, a.id";
  else
    sql = "SELECT a.id, a.description, a.opened_on, a.plan_due_on, a.due_on, a.completed_on, "
          "a.status, s.id, s.name" FROM_WHERE
          " ORDER BY s.name COLLATE NOCASE, s.id, a.opened_on, a.id";
  stmt = vigie_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_query (stmt, query, today);
  index = g_hash_table_new (g_int64_hash, g_int64_equal);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigieActionSpan span = { 0, };
      const char *status = (const char *) sqlite3_column_text (stmt, 6);
      gint64 group = sqlite3_column_int64 (stmt, 7);

      if (group != last_group)
        {
          const char *label = (const char *) sqlite3_column_text (stmt, 8);

          g_ptr_array_add (spans->group_labels,
                           g_string_chunk_insert (spans->strings, label != NULL ? label : ""));
          last_group = group;
        }
      span.id = sqlite3_column_int64 (stmt, 0);
      span.label = g_string_chunk_insert (spans->strings,
                                          (const char *) sqlite3_column_text (stmt, 1));
      span.opened = vigie_julian_from_iso ((const char *) sqlite3_column_text (stmt, 2));
      span.plan_due = vigie_julian_from_iso ((const char *) sqlite3_column_text (stmt, 3));
      span.due = vigie_julian_from_iso ((const char *) sqlite3_column_text (stmt, 4));
      span.completed = vigie_julian_from_iso ((const char *) sqlite3_column_text (stmt, 5));
      span.status = (guint8) MAX (0, vigie_vocab_index (VIGIE_VOCAB_REMEDIATION_STATUS, status));
      span.pending = vigie_remediation_status_is_pending (status);
      span.group = spans->group_labels->len - 1;
      g_array_append_val (spans->spans, span);
    }
  if (rc != SQLITE_DONE)
    {
      vigie_list_worker_set_step_error (store, stmt, rc, cancellable, error);
      return NULL;
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < spans->spans->len; i++)
    g_hash_table_insert (index, &g_array_index (spans->spans, VigieActionSpan, i).id,
                         GUINT_TO_POINTER (i + 1));

  /* Milestones: every status change of the selected actions. */
  stmt = vigie_store_prepare (store,
                              "SELECT h.action_id, h.changed_on, h.to_status"
                              " FROM remediation_status_history h"
                              " WHERE h.action_id IN (SELECT a.id" FROM_WHERE ")"
                              " ORDER BY h.action_id, h.changed_on, h.id", error);
  if (stmt == NULL)
    return NULL;
  bind_query (stmt, query, today);
  raw = g_array_new (FALSE, FALSE, sizeof (RawMilestone));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 action_id = sqlite3_column_int64 (stmt, 0);
      gpointer position = g_hash_table_lookup (index, &action_id);
      RawMilestone m;

      if (position == NULL)
        continue;
      m.span = GPOINTER_TO_UINT (position) - 1;
      m.day = vigie_julian_from_iso ((const char *) sqlite3_column_text (stmt, 1));
      m.order = raw->len;
      m.to_status = (guint8) MAX (0, vigie_vocab_index (VIGIE_VOCAB_REMEDIATION_STATUS,
                                    (const char *) sqlite3_column_text (stmt, 2)));
      g_array_append_val (raw, m);
    }
  if (rc != SQLITE_DONE)
    {
      vigie_list_worker_set_step_error (store, stmt, rc, cancellable, error);
      return NULL;
    }
  sqlite3_reset (stmt);
  g_array_sort (raw, raw_milestone_compare);
  for (guint i = 0; i < raw->len; i++)
    {
      const RawMilestone *m = &g_array_index (raw, RawMilestone, i);
      VigieActionSpan *span = &g_array_index (spans->spans, VigieActionSpan, m->span);
      VigieActionMilestone milestone = { m->day, m->to_status };

      if (span->n_milestones == 0)
        span->first_milestone = spans->milestones->len;
      if (span->n_milestones < G_MAXUINT16)
        span->n_milestones++;
      g_array_append_val (spans->milestones, milestone);
    }
  return g_steal_pointer (&spans);
}

VigieActionSpans *
vigie_action_spans_load (VigieStore             *store,
                         const VigieActionQuery *query,
                         VigieTimelineGrouping   grouping,
                         GError                **error)
{
  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  return spans_load (store, query, grouping, NULL, error);
}

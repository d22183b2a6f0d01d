/* vigie-action-list.h — the remediation actions shown by the Remediation page: a lazy
 * GListModel of row ids sorted and filtered in SQL, and the compact spans the timeline
 * draws (one small struct per action, milestones for each status change).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigie-id-list.h"
#include "vigie-store.h"

G_BEGIN_DECLS

/* ─── Query ──────────────────────────────────────────────────────────────── */

typedef enum
{
  VIGIE_ACTION_SORT_SITE,
  VIGIE_ACTION_SORT_FINDING,
  VIGIE_ACTION_SORT_DESCRIPTION,
  VIGIE_ACTION_SORT_RESPONSIBLE,
  VIGIE_ACTION_SORT_STATUS,
  VIGIE_ACTION_SORT_ESCALATION,
  VIGIE_ACTION_SORT_OPENED,
  VIGIE_ACTION_SORT_DUE,
  VIGIE_ACTION_N_SORTS
} VigieActionSort;

typedef struct
{
  gint64           site_id;          /* 0 = every site */
  gint64           finding_id;       /* 0 = every finding */
  char            *status;           /* status code or NULL */
  char            *escalation_level; /* code or NULL */
  gint64           responsible_id;   /* organisation id, 0 = any */
  gboolean         only_overdue;
  gboolean         due_this_month;   /* due in the calendar month of TODAY */
  char            *country;          /* ISO code of the site, or NULL */
  char            *due_from;         /* due on or after (YYYY-MM-DD), or NULL */
  char            *due_to;           /* due on or before, or NULL */
  char            *completed_from;   /* completed (reported complete) on or after, or NULL */
  char            *completed_to;     /* completed on or before, or NULL */
  gboolean         remedy_only;      /* only actions that provide remedy (any remedy type but
                                      * corrective_only) and were delivered (reported
                                      * complete, verified or closed) */
  char            *today;            /* YYYY-MM-DD; NULL = vigie_today_iso() when run */
  VigieActionSort  sort;
  gboolean         descending;
} VigieActionQuery;

#define VIGIE_TYPE_ACTION_QUERY (vigie_action_query_get_type ())
GType             vigie_action_query_get_type (void) G_GNUC_CONST;
VigieActionQuery *vigie_action_query_new      (void) G_GNUC_WARN_UNUSED_RESULT;
VigieActionQuery *vigie_action_query_copy     (const VigieActionQuery *query) G_GNUC_WARN_UNUSED_RESULT;
void              vigie_action_query_free     (VigieActionQuery       *query);

/* ─── Row ────────────────────────────────────────────────────────────────── */

#define VIGIE_TYPE_ACTION_ROW (vigie_action_row_get_type ())
G_DECLARE_FINAL_TYPE (VigieActionRow, vigie_action_row, VIGIE, ACTION_ROW, GObject)

/* Properties of the same names (for <lookup> in list factories): id, finding-id, site,
 * finding, severity, description, responsible, status, status-label, escalation-level,
 * escalation-label, opened-on, due-on, completed-on, days-overdue. */
gint64       vigie_action_row_get_id                (VigieActionRow *self);
gint64       vigie_action_row_get_finding_id        (VigieActionRow *self);
const char  *vigie_action_row_get_site              (VigieActionRow *self);
const char  *vigie_action_row_get_finding           (VigieActionRow *self);
const char  *vigie_action_row_get_severity          (VigieActionRow *self);
const char  *vigie_action_row_get_description       (VigieActionRow *self);
const char  *vigie_action_row_get_responsible       (VigieActionRow *self);
const char  *vigie_action_row_get_status            (VigieActionRow *self);
const char  *vigie_action_row_get_escalation_level  (VigieActionRow *self);
const char  *vigie_action_row_get_opened_on         (VigieActionRow *self);
const char  *vigie_action_row_get_due_on            (VigieActionRow *self);
const char  *vigie_action_row_get_completed_on      (VigieActionRow *self);
/* Days past the due date on the query's today; 0 when not overdue. */
int          vigie_action_row_get_days_overdue      (VigieActionRow *self);

/* ─── List ───────────────────────────────────────────────────────────────── */

#define VIGIE_TYPE_ACTION_LIST (vigie_action_list_get_type ())
G_DECLARE_FINAL_TYPE (VigieActionList, vigie_action_list, VIGIE, ACTION_LIST, VigieIdList)

VigieActionList        *vigie_action_list_new            (VigieStore             *store) G_GNUC_WARN_UNUSED_RESULT;
VigieStore             *vigie_action_list_get_store      (VigieActionList        *self);
const VigieActionQuery *vigie_action_list_get_query      (VigieActionList        *self);
/* Runs QUERY (one statement returning ids in order) and swaps the ids. A query without
 * a day (today NULL) is run for vigie_today_iso(), which get_query() then holds. */
gboolean                vigie_action_list_set_query      (VigieActionList        *self,
                                                          const VigieActionQuery *query,
                                                          GError                **error);
/* The same in a worker thread with its own connection; only the latest request is
 * applied, an earlier one finishes with G_IO_ERROR_CANCELLED. */
void                    vigie_action_list_set_query_async  (VigieActionList        *self,
                                                            const VigieActionQuery *query,
                                                            GCancellable           *cancellable,
                                                            GAsyncReadyCallback     callback,
                                                            gpointer                user_data);
gboolean                vigie_action_list_set_query_finish (VigieActionList        *self,
                                                            GAsyncResult           *result,
                                                            GError                **error);
/* TRUE while an asynchronous query has not called back yet. */
gboolean                vigie_action_list_is_loading     (VigieActionList        *self);
gboolean                vigie_action_list_reload         (VigieActionList        *self,
                                                          GError                **error);
/* Drops the cached rows (all of them when ID is 0) and emits items-changed for them. */
void                    vigie_action_list_refresh_id     (VigieActionList        *self,
                                                          gint64                  id);
guint                   vigie_action_list_find_position  (VigieActionList        *self,
                                                          gint64                  id);
gint64                  vigie_action_list_get_id         (VigieActionList        *self,
                                                          guint                   position);

/* Leaves ID out of the list (at once, and from later queries) until unhidden: a deletion
 * waiting for its Undo. */
void                    vigie_action_list_hide_id        (VigieActionList        *self,
                                                          gint64                  id);
/* Stops hiding ID (reload to show it again). */
void                    vigie_action_list_unhide_id      (VigieActionList        *self,
                                                          gint64                  id);
gboolean                vigie_action_list_is_hidden      (VigieActionList        *self,
                                                          gint64                  id);

/* ─── Choices for the filters ────────────────────────────────────────────── */

typedef struct
{
  gint64  id;
  char   *label;
  gint64  n_actions;
} VigieActionChoice;

void       vigie_action_choice_free             (VigieActionChoice *choice);
/* Sites that have actions, by name (GPtrArray of VigieActionChoice). */
GPtrArray *vigie_action_list_sites_in_use       (VigieStore  *store,
                                                 GError     **error);
/* Sites that have findings, by name (n_actions: their number of findings). */
GPtrArray *vigie_action_list_sites_with_findings (VigieStore  *store,
                                                  GError     **error);

/* A finding offered when a new action is added. */
typedef struct
{
  gint64  id;
  char   *title;
  char   *severity;          /* VIGIE_VOCAB_SEVERITY code */
  char   *first_observed;    /* YYYY-MM-DD */
  char   *site;              /* site name */
  gint64  n_actions;         /* actions it already has */
} VigieFindingChoice;

void       vigie_finding_choice_free            (VigieFindingChoice *choice);
/* Findings of SITE_ID (0: every site) whose title contains SEARCH (case-insensitive for
 * ASCII; NULL or "" for all), newest first, at most LIMIT (0: no limit). GPtrArray of
 * VigieFindingChoice. */
GPtrArray *vigie_action_list_search_findings    (VigieStore  *store,
                                                 gint64       site_id,
                                                 const char  *search,
                                                 guint        limit,
                                                 GError     **error);
/* Organisations responsible for at least one action, by name. */
GPtrArray *vigie_action_list_responsibles_in_use (VigieStore *store,
                                                  GError    **error);

/* The choices of the Remediation page's filters. */
typedef struct
{
  GPtrArray *sites;          /* vigie_action_list_sites_in_use() */
  GPtrArray *responsibles;   /* vigie_action_list_responsibles_in_use() */
} VigieActionFilterChoices;

void       vigie_action_filter_choices_free     (VigieActionFilterChoices *choices);
/* Reads them in a worker thread with its own connection (a count of every action per
 * site and per organisation: seconds on a large dataset); only the latest request is
 * answered, an earlier one finishes with G_IO_ERROR_CANCELLED. */
void       vigie_action_list_load_filter_choices_async (VigieActionList     *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
VigieActionFilterChoices *
           vigie_action_list_load_filter_choices_finish (VigieActionList  *self,
                                                         GAsyncResult     *result,
                                                         GError          **error) G_GNUC_WARN_UNUSED_RESULT;

/* Every organisation, by name (who can be responsible for an action). */
GPtrArray *vigie_action_list_organisations      (VigieStore  *store,
                                                 GError     **error);
/* The evidence items of FINDING_ID: "kind — summary" labels. */
GPtrArray *vigie_action_list_finding_evidence   (VigieStore  *store,
                                                 gint64       finding_id,
                                                 GError     **error);
/* "Finding title — site name" of FINDING_ID, or NULL. */
char      *vigie_action_list_finding_label      (VigieStore  *store,
                                                 gint64       finding_id) G_GNUC_WARN_UNUSED_RESULT;

/* ─── Timeline spans ─────────────────────────────────────────────────────── */

typedef enum
{
  VIGIE_TIMELINE_GROUP_SITE,
  VIGIE_TIMELINE_GROUP_FINDING,
} VigieTimelineGrouping;

/* Days are GDate Julian days (1 = 1 January of year 1); 0 = no date. */
typedef struct
{
  gint64       id;
  const char  *label;            /* the action's description (owned by the spans) */
  guint32      opened;
  guint32      plan_due;
  guint32      due;
  guint32      completed;
  guint32      group;            /* index into group_labels */
  guint32      first_milestone;  /* index into milestones */
  guint16      n_milestones;
  guint8       status;           /* index in the VIGIE_VOCAB_REMEDIATION_STATUS entries */
  guint8       pending;          /* TRUE while work is owed (can be overdue) */
} VigieActionSpan;

typedef struct
{
  guint32  day;
  guint8   to_status;            /* index in the VIGIE_VOCAB_REMEDIATION_STATUS entries */
} VigieActionMilestone;

typedef struct
{
  GArray       *spans;           /* VigieActionSpan, sorted by group then opening date */
  GArray       *milestones;      /* VigieActionMilestone, each span's run in date order */
  GPtrArray    *group_labels;    /* char * */
  GStringChunk *strings;
} VigieActionSpans;

/* Every action QUERY selects (its sort is ignored), grouped by site or finding. */
VigieActionSpans *vigie_action_spans_load  (VigieStore             *store,
                                            const VigieActionQuery *query,
                                            VigieTimelineGrouping   grouping,
                                            GError                **error) G_GNUC_WARN_UNUSED_RESULT;
void              vigie_action_spans_free  (VigieActionSpans       *spans);
/* Drops from SPANS the actions SELF hides (see vigie_action_list_hide_id). */
void              vigie_action_list_filter_spans (VigieActionList  *self,
                                                  VigieActionSpans *spans);
/* vigie_action_spans_load() in a worker thread with its own connection, the hidden
 * actions left out; only the latest request is answered, an earlier one finishes with
 * G_IO_ERROR_CANCELLED. */
void              vigie_action_list_load_spans_async  (VigieActionList        *self,
                                                       const VigieActionQuery *query,
                                                       VigieTimelineGrouping   grouping,
                                                       GCancellable           *cancellable,
                                                       GAsyncReadyCallback     callback,
                                                       gpointer                user_data);
VigieActionSpans *vigie_action_list_load_spans_finish (VigieActionList        *self,
                                                       GAsyncResult           *result,
                                                       GError                **error) G_GNUC_WARN_UNUSED_RESULT;
/* TRUE while a load of spans has not called back yet. */
gboolean          vigie_action_list_is_loading_spans  (VigieActionList        *self);

/* "YYYY-MM-DD" → Julian day, 0 when not a date; and back. */
guint32           vigie_julian_from_iso    (const char             *iso);
char             *vigie_julian_to_iso      (guint32                 day) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieActionQuery, vigie_action_query_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieActionChoice, vigie_action_choice_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieFindingChoice, vigie_finding_choice_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieActionSpans, vigie_action_spans_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieActionFilterChoices, vigie_action_filter_choices_free)

G_END_DECLS

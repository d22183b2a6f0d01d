/* vigie-finding-list.h — the list of findings shown by the Findings page: a GListModel of
 * row ids, sorted and filtered in SQL, that builds immutable row objects on demand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigie-store.h"

G_BEGIN_DECLS

/* ─── Query ──────────────────────────────────────────────────────────────── */

typedef enum
{
  VIGIE_FINDING_SORT_FIRST_OBSERVED,
  VIGIE_FINDING_SORT_SITE,
  VIGIE_FINDING_SORT_TITLE,
  VIGIE_FINDING_SORT_THEME,
  VIGIE_FINDING_SORT_SEVERITY,
  VIGIE_FINDING_SORT_STATUS,
  VIGIE_FINDING_SORT_DISCLOSURE,
  VIGIE_FINDING_SORT_WORKERS,
  VIGIE_FINDING_SORT_OPEN_ACTIONS,
  VIGIE_FINDING_N_SORTS
} VigieFindingSort;

/* Every filter is optional (NULL, "" or 0 = any). */
typedef struct
{
  char             *search;            /* words: titles, descriptions, company responses,
                                        * notes and evidence summaries (FTS5) */
  gint64            site_id;
  char             *country;           /* ISO code of the site */
  char             *theme;             /* key of a theme of the organisation's code; its
                                        * sub-themes are included */
  char             *indicator;         /* fl_indicators.code */
  char             *severity;
  char             *status;
  char             *disclosure_level;
  int               year;              /* of first_observed; 0 = any */
  int               month;             /* 1..12: of first_observed, in YEAR; 0 = any */
  gboolean          no_theme;          /* only findings with no primary theme */
  VigieFindingSort  sort;
  gboolean          descending;
} VigieFindingQuery;

#define VIGIE_TYPE_FINDING_QUERY (vigie_finding_query_get_type ())
GType              vigie_finding_query_get_type (void) G_GNUC_CONST;
/* Sorted by first observed, newest first. */
VigieFindingQuery *vigie_finding_query_new      (void) G_GNUC_WARN_UNUSED_RESULT;
VigieFindingQuery *vigie_finding_query_copy     (const VigieFindingQuery *query) G_GNUC_WARN_UNUSED_RESULT;
void               vigie_finding_query_free     (VigieFindingQuery       *query);
gboolean           vigie_finding_query_has_filters (const VigieFindingQuery *query);

/* The id query for QUERY (exposed for the benchmark, which runs the same SQL in the
 * sqlite3 shell). Parameters: ?1 FTS match, ?2 site, ?3 country, ?4 theme, ?5 indicator,
 * ?6 severity, ?7 status, ?8 disclosure level, ?9 first day of the year, ?10 last day. */
char              *vigie_finding_query_build_sql (const VigieFindingQuery *query,
                                                  gboolean                 has_match) G_GNUC_WARN_UNUSED_RESULT;

/* ─── Row ────────────────────────────────────────────────────────────────── */

#define VIGIE_TYPE_FINDING_ROW (vigie_finding_row_get_type ())
G_DECLARE_FINAL_TYPE (VigieFindingRow, vigie_finding_row, VIGIE, FINDING_ROW, GObject)

gint64       vigie_finding_row_get_id               (VigieFindingRow *self);
gint64       vigie_finding_row_get_site_id          (VigieFindingRow *self);
const char  *vigie_finding_row_get_site_name        (VigieFindingRow *self);
const char  *vigie_finding_row_get_country          (VigieFindingRow *self);
const char  *vigie_finding_row_get_title            (VigieFindingRow *self);
/* Translated titles of the themes (organisation's code) the finding is tagged with. */
const char  *vigie_finding_row_get_themes_label     (VigieFindingRow *self);
const char  *vigie_finding_row_get_severity         (VigieFindingRow *self);
const char  *vigie_finding_row_get_severity_label   (VigieFindingRow *self);
const char  *vigie_finding_row_get_status           (VigieFindingRow *self);
const char  *vigie_finding_row_get_status_label     (VigieFindingRow *self);
const char  *vigie_finding_row_get_disclosure_level (VigieFindingRow *self);
const char  *vigie_finding_row_get_disclosure_label (VigieFindingRow *self);
const char  *vigie_finding_row_get_first_observed   (VigieFindingRow *self);
gint64       vigie_finding_row_get_workers_affected (VigieFindingRow *self);  /* -1 unknown */
int          vigie_finding_row_get_open_actions     (VigieFindingRow *self);
int          vigie_finding_row_get_n_indicators     (VigieFindingRow *self);
/* Evidence of the finding marked confidential. */
int          vigie_finding_row_get_n_confidential   (VigieFindingRow *self);

/* ─── List ───────────────────────────────────────────────────────────────── */

#define VIGIE_TYPE_FINDING_LIST (vigie_finding_list_get_type ())
G_DECLARE_FINAL_TYPE (VigieFindingList, vigie_finding_list, VIGIE, FINDING_LIST, GObject)

VigieFindingList        *vigie_finding_list_new              (VigieStore              *store) G_GNUC_WARN_UNUSED_RESULT;
VigieStore              *vigie_finding_list_get_store        (VigieFindingList        *self);
const VigieFindingQuery *vigie_finding_list_get_query        (VigieFindingList        *self);
gboolean                 vigie_finding_list_set_query        (VigieFindingList        *self,
                                                              const VigieFindingQuery *query,
                                                              GError                 **error);
/* In a worker thread with its own connection; only the latest request is applied. */
void                     vigie_finding_list_set_query_async  (VigieFindingList        *self,
                                                              const VigieFindingQuery *query,
                                                              GCancellable            *cancellable,
                                                              GAsyncReadyCallback      callback,
                                                              gpointer                 user_data);
gboolean                 vigie_finding_list_set_query_finish (VigieFindingList        *self,
                                                              GAsyncResult            *result,
                                                              GError                 **error);
gboolean                 vigie_finding_list_reload           (VigieFindingList        *self,
                                                              GError                 **error);
/* A large list shows its first rows at once and loads the rest in a worker thread (n_items
 * is exact from the start; a position past the loaded rows waits for them). TRUE when
 * every id is loaded. */
gboolean                 vigie_finding_list_is_complete      (VigieFindingList        *self);
/* Waits until every id is loaded; FALSE if loading failed or was cancelled. */
gboolean                 vigie_finding_list_wait_complete    (VigieFindingList        *self);
void                     vigie_finding_list_refresh_id       (VigieFindingList        *self,
                                                              gint64                   id);
guint                    vigie_finding_list_find_position    (VigieFindingList        *self,
                                                              gint64                   id);
gint64                   vigie_finding_list_get_id           (VigieFindingList        *self,
                                                              guint                    position);
void                     vigie_finding_list_hide_id          (VigieFindingList        *self,
                                                              gint64                   id);
void                     vigie_finding_list_unhide_id        (VigieFindingList        *self,
                                                              gint64                   id);

/* Runs QUERY on STORE and returns the ids in order (GArray of gint64): what the list
 * holds, without a list (tests, benchmark). */
GArray                  *vigie_finding_query_run             (VigieStore              *store,
                                                              const VigieFindingQuery *query,
                                                              GCancellable            *cancellable,
                                                              GError                 **error) G_GNUC_WARN_UNUSED_RESULT;

/* Years that have findings (first observed), newest first: GArray of int. */
GArray                  *vigie_finding_list_years            (VigieStore              *store,
                                                              GError                 **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieFindingQuery, vigie_finding_query_free)

G_END_DECLS

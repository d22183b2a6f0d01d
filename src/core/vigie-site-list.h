/* vigie-site-list.h — the list of sites shown by the Factories page: a GListModel of row
 * ids, sorted and filtered in SQL, that builds immutable row objects on demand.
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
  VIGIE_SITE_SORT_NAME,
  VIGIE_SITE_SORT_COUNTRY,
  VIGIE_SITE_SORT_LOCATION_TYPE,
  VIGIE_SITE_SORT_PRODUCTS,
  VIGIE_SITE_SORT_WORKFORCE,
  VIGIE_SITE_SORT_WOMEN,
  VIGIE_SITE_SORT_OPEN_FINDINGS,
  VIGIE_SITE_SORT_LAST_INVESTIGATION,
  VIGIE_SITE_N_SORTS
} VigieSiteSort;

typedef struct
{
  char          *search;             /* words typed by the user, or NULL / "" */
  char          *country;            /* ISO code, or NULL for every country */
  char          *location_type;      /* location type code, or NULL for every type */
  gboolean       only_open_critical; /* only sites with an open critical finding */
  int            linked_year;        /* only sites linked to an affiliate through a contract in
                                      * force during that year (0: any) */
  int            monitored_year;     /* only sites with an investigation under way during that
                                      * year (0: any); with LINKED_YEAR: either */
  VigieSiteSort  sort;
  gboolean       descending;
} VigieSiteQuery;

#define VIGIE_TYPE_SITE_QUERY (vigie_site_query_get_type ())
GType           vigie_site_query_get_type  (void) G_GNUC_CONST;
VigieSiteQuery *vigie_site_query_new       (void) G_GNUC_WARN_UNUSED_RESULT;
VigieSiteQuery *vigie_site_query_copy      (const VigieSiteQuery *query) G_GNUC_WARN_UNUSED_RESULT;
void            vigie_site_query_free      (VigieSiteQuery       *query);
gboolean        vigie_site_query_equal     (const VigieSiteQuery *a,
                                            const VigieSiteQuery *b);

/* The FTS5 MATCH expression for TEXT: each word typed (letters and digits; everything
 * else separates words) becomes a double-quoted prefix term, all of them required:
 * `São "Paulo` → `"São"* "Paulo"*`. NULL when TEXT holds no word. The user's text never
 * reaches MATCH syntax unquoted. */
char           *vigie_site_query_build_match (const char *text) G_GNUC_WARN_UNUSED_RESULT;

/* ─── Row ────────────────────────────────────────────────────────────────── */

#define VIGIE_TYPE_SITE_ROW (vigie_site_row_get_type ())
G_DECLARE_FINAL_TYPE (VigieSiteRow, vigie_site_row, VIGIE, SITE_ROW, GObject)

gint64       vigie_site_row_get_id                  (VigieSiteRow *self);
const char  *vigie_site_row_get_name                (VigieSiteRow *self);
const char  *vigie_site_row_get_native_name         (VigieSiteRow *self);
const char  *vigie_site_row_get_country             (VigieSiteRow *self);
const char  *vigie_site_row_get_country_label       (VigieSiteRow *self);
const char  *vigie_site_row_get_location_type       (VigieSiteRow *self);
const char  *vigie_site_row_get_location_type_label (VigieSiteRow *self);
const char  *vigie_site_row_get_products_label      (VigieSiteRow *self);
/* Latest snapshot's total, or its range maximum; -1 when unknown. */
gint64       vigie_site_row_get_workforce           (VigieSiteRow *self);
/* Women in the latest snapshot as a percentage of its total (or maximum); -1 unknown. */
double       vigie_site_row_get_women_percent       (VigieSiteRow *self);
int          vigie_site_row_get_open_findings       (VigieSiteRow *self);
int          vigie_site_row_get_open_critical       (VigieSiteRow *self);
/* Start date (YYYY-MM-DD) of the latest investigation, or "". */
const char  *vigie_site_row_get_last_investigation  (VigieSiteRow *self);
gboolean     vigie_site_row_get_closed              (VigieSiteRow *self);

/* ─── List ───────────────────────────────────────────────────────────────── */

#define VIGIE_TYPE_SITE_LIST (vigie_site_list_get_type ())
G_DECLARE_FINAL_TYPE (VigieSiteList, vigie_site_list, VIGIE, SITE_LIST, VigieIdList)

/* An empty list over STORE (call set_query or reload to fill it). */
VigieSiteList        *vigie_site_list_new              (VigieStore           *store) G_GNUC_WARN_UNUSED_RESULT;
VigieStore           *vigie_site_list_get_store        (VigieSiteList        *self);
const VigieSiteQuery *vigie_site_list_get_query        (VigieSiteList        *self);

/* Runs QUERY (one SQL statement returning the ids in order), swaps the ids and signals
 * (see vigie_list_model_replace_all()). */
gboolean              vigie_site_list_set_query        (VigieSiteList        *self,
                                                        const VigieSiteQuery *query,
                                                        GError              **error);
/* The same in a worker thread with its own connection. Only the latest request is
 * applied: the result of an earlier one (or a cancelled one) is dropped and its finish
 * fails with G_IO_ERROR_CANCELLED. */
void                  vigie_site_list_set_query_async  (VigieSiteList        *self,
                                                        const VigieSiteQuery *query,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
gboolean              vigie_site_list_set_query_finish (VigieSiteList        *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);
/* Runs the current query again (after an import, a new site...). */
gboolean              vigie_site_list_reload           (VigieSiteList        *self,
                                                        GError              **error);
/* TRUE while an asynchronous query has not called back yet. */
gboolean              vigie_site_list_is_loading       (VigieSiteList        *self);

/* Drops the cached row of ID (of every row when ID is 0) and emits items-changed for its
 * position (if listed). */
void                  vigie_site_list_refresh_id       (VigieSiteList        *self,
                                                        gint64                id);
/* Position of ID, or G_MAXUINT when it is not listed. */
guint                 vigie_site_list_find_position    (VigieSiteList        *self,
                                                        gint64                id);
gint64                vigie_site_list_get_id           (VigieSiteList        *self,
                                                        guint                 position);

/* Hidden ids are left out of the list whatever the query (a deletion waiting for its
 * Undo to expire). Hiding removes the row at once (one items-changed); unhiding only
 * forgets the id: the row comes back with the next set_query or reload. */
void                  vigie_site_list_hide_id          (VigieSiteList        *self,
                                                        gint64                id);
void                  vigie_site_list_unhide_id        (VigieSiteList        *self,
                                                        gint64                id);
gboolean              vigie_site_list_is_hidden        (VigieSiteList        *self,
                                                        gint64                id);

/* ─── Countries in use (for the country filter) ──────────────────────────── */

typedef struct
{
  char   *code;
  char   *label;     /* translated country name */
  gint64  n_sites;
} VigieCountryCount;

void       vigie_country_count_free          (VigieCountryCount *count);
/* The countries that have at least one site, ordered by translated name. GPtrArray of
 * VigieCountryCount. */
GPtrArray *vigie_site_list_countries_in_use  (VigieStore  *store,
                                              GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieSiteQuery, vigie_site_query_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieCountryCount, vigie_country_count_free)

G_END_DECLS

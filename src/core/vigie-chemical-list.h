/* vigie-chemical-list.h — the chemical products shown by the Chemicals page: a GListModel
 * of row ids, sorted and filtered in SQL (FTS5 search on chemical_products_fts), that
 * builds immutable row objects on demand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigie-chemical.h"
#include "vigie-id-list.h"
#include "vigie-store.h"

G_BEGIN_DECLS

typedef enum
{
  VIGIE_CHEMICAL_SORT_TRADE_NAME,
  VIGIE_CHEMICAL_SORT_SITE,
  VIGIE_CHEMICAL_SORT_PERIOD,
  VIGIE_CHEMICAL_SORT_PROCESS,
  VIGIE_CHEMICAL_SORT_QTY_YEAR,
  VIGIE_CHEMICAL_SORT_QTY_STORED,
  VIGIE_CHEMICAL_SORT_WORKERS,
  VIGIE_CHEMICAL_SORT_WOMEN,
  VIGIE_CHEMICAL_N_SORTS
} VigieChemicalSort;

/* Flags of a product (row) and filters of a query. */
typedef enum
{
  VIGIE_CHEMICAL_FLAG_CMR            = 1 << 0,  /* a CMR statement or constituent */
  VIGIE_CHEMICAL_FLAG_SVHC           = 1 << 1,  /* a constituent is an SVHC candidate */
  VIGIE_CHEMICAL_FLAG_SIN            = 1 << 2,  /* a constituent is on the SIN list */
  VIGIE_CHEMICAL_FLAG_ROHS           = 1 << 3,  /* a constituent is RoHS-restricted */
  VIGIE_CHEMICAL_FLAG_NO_SDS         = 1 << 4,  /* no safety data sheet */
  VIGIE_CHEMICAL_FLAG_SDS_LANGUAGE   = 1 << 5,  /* SDS not in the workers' language */
  VIGIE_CHEMICAL_FLAG_PPE_INADEQUATE = 1 << 6,  /* workers report the PPE inadequate */
} VigieChemicalFlags;

typedef struct
{
  char              *search;        /* words typed, or NULL */
  gint64             site_id;       /* 0: every site */
  char              *period;        /* NULL: every period */
  char              *process;       /* NULL: every process */
  char              *hazard_class;  /* a hazard_statements.hazard_class, or NULL */
  guint              flags;         /* VigieChemicalFlags every listed product must have;
                                     * NO_SDS | SDS_LANGUAGE together mean "either" */
  VigieChemicalSort  sort;
  gboolean           descending;
} VigieChemicalQuery;

#define VIGIE_TYPE_CHEMICAL_QUERY (vigie_chemical_query_get_type ())
GType               vigie_chemical_query_get_type (void) G_GNUC_CONST;
VigieChemicalQuery *vigie_chemical_query_new      (void) G_GNUC_WARN_UNUSED_RESULT;
VigieChemicalQuery *vigie_chemical_query_copy     (const VigieChemicalQuery *q) G_GNUC_WARN_UNUSED_RESULT;
void                vigie_chemical_query_free     (VigieChemicalQuery       *q);

/* ─── Row ────────────────────────────────────────────────────────────────── */

#define VIGIE_TYPE_CHEMICAL_ROW (vigie_chemical_row_get_type ())
G_DECLARE_FINAL_TYPE (VigieChemicalRow, vigie_chemical_row, VIGIE, CHEMICAL_ROW, GObject)

gint64       vigie_chemical_row_get_id              (VigieChemicalRow *self);
gint64       vigie_chemical_row_get_site_id         (VigieChemicalRow *self);
const char  *vigie_chemical_row_get_site_name      (VigieChemicalRow *self);
const char  *vigie_chemical_row_get_period         (VigieChemicalRow *self);
const char  *vigie_chemical_row_get_trade_name     (VigieChemicalRow *self);
const char  *vigie_chemical_row_get_supplier       (VigieChemicalRow *self);
const char  *vigie_chemical_row_get_process        (VigieChemicalRow *self);
const char  *vigie_chemical_row_get_process_label  (VigieChemicalRow *self);
double       vigie_chemical_row_get_qty_per_year   (VigieChemicalRow *self);  /* NAN */
double       vigie_chemical_row_get_qty_stored_max (VigieChemicalRow *self);  /* NAN */
const char  *vigie_chemical_row_get_qty_unit       (VigieChemicalRow *self);  /* "" */
gint64       vigie_chemical_row_get_workers_exposed (VigieChemicalRow *self); /* -1 */
gint64       vigie_chemical_row_get_women_exposed  (VigieChemicalRow *self);  /* -1 */
/* The most severe hazard statement (danger before warning, CMR first, then health,
 * physical, environmental), "" when none. */
const char  *vigie_chemical_row_get_worst_code     (VigieChemicalRow *self);
const char  *vigie_chemical_row_get_worst_text     (VigieChemicalRow *self);  /* translated */
const char  *vigie_chemical_row_get_signal_word    (VigieChemicalRow *self);  /* "danger"... "" */
const char * const *vigie_chemical_row_get_pictograms (VigieChemicalRow *self);
guint        vigie_chemical_row_get_flags          (VigieChemicalRow *self);
/* The flags as short translated words, comma-separated ("CMR, SVHC, no SDS"). */
const char  *vigie_chemical_row_get_flags_label    (VigieChemicalRow *self);

/* ─── List ───────────────────────────────────────────────────────────────── */

#define VIGIE_TYPE_CHEMICAL_LIST (vigie_chemical_list_get_type ())
G_DECLARE_FINAL_TYPE (VigieChemicalList, vigie_chemical_list, VIGIE, CHEMICAL_LIST, VigieIdList)

VigieChemicalList        *vigie_chemical_list_new            (VigieStore               *store) G_GNUC_WARN_UNUSED_RESULT;
VigieStore               *vigie_chemical_list_get_store      (VigieChemicalList        *self);
const VigieChemicalQuery *vigie_chemical_list_get_query      (VigieChemicalList        *self);
gboolean                  vigie_chemical_list_set_query      (VigieChemicalList        *self,
                                                              const VigieChemicalQuery *query,
                                                              GError                  **error);
/* In a worker thread with its own connection; only the latest request is applied, an
 * earlier one finishes with G_IO_ERROR_CANCELLED. */
void                      vigie_chemical_list_set_query_async  (VigieChemicalList        *self,
                                                                const VigieChemicalQuery *query,
                                                                GCancellable             *cancellable,
                                                                GAsyncReadyCallback       callback,
                                                                gpointer                  user_data);
gboolean                  vigie_chemical_list_set_query_finish (VigieChemicalList        *self,
                                                                GAsyncResult             *result,
                                                                GError                  **error);
gboolean                  vigie_chemical_list_reload         (VigieChemicalList        *self,
                                                              GError                  **error);
/* TRUE while an asynchronous query has not called back yet. */
gboolean                  vigie_chemical_list_is_loading     (VigieChemicalList        *self);
/* Drops the cached row of ID (of every row when ID is 0) and signals its position. */
void                      vigie_chemical_list_refresh_id     (VigieChemicalList        *self,
                                                              gint64                    id);
guint                     vigie_chemical_list_find_position  (VigieChemicalList        *self,
                                                              gint64                    id);
/* The id at POSITION, 0 past the end. */
gint64                    vigie_chemical_list_get_id         (VigieChemicalList        *self,
                                                              guint                     position);
/* Hidden ids are left out whatever the query (a deletion waiting for its Undo). */
void                      vigie_chemical_list_hide_id        (VigieChemicalList        *self,
                                                              gint64                    id);
void                      vigie_chemical_list_unhide_id      (VigieChemicalList        *self,
                                                              gint64                    id);
gboolean                  vigie_chemical_list_is_hidden      (VigieChemicalList        *self,
                                                              gint64                    id);

/* The hazard classes in use by products' statements, sorted (for the class filter). */
char                    **vigie_chemical_list_hazard_classes (VigieStore               *store,
                                                              GError                  **error) G_GNUC_WARN_UNUSED_RESULT;

/* What the filters of the Chemicals page offer. */
typedef struct
{
  GPtrArray  *inventories;     /* VigieInventory, see vigie_chemical_list_inventories() */
  char      **hazard_classes;  /* see vigie_chemical_list_hazard_classes() */
} VigieChemicalChoices;

void                      vigie_chemical_choices_free        (VigieChemicalChoices     *choices);
/* Reads the choices in a worker thread with its own connection; only the latest request
 * is answered, an earlier one finishes with G_IO_ERROR_CANCELLED. */
void                      vigie_chemical_list_load_choices_async  (VigieChemicalList   *self,
                                                                   GCancellable        *cancellable,
                                                                   GAsyncReadyCallback  callback,
                                                                   gpointer             user_data);
VigieChemicalChoices     *vigie_chemical_list_load_choices_finish (VigieChemicalList   *self,
                                                                   GAsyncResult        *result,
                                                                   GError             **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieChemicalQuery, vigie_chemical_query_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieChemicalChoices, vigie_chemical_choices_free)

G_END_DECLS

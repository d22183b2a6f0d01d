/* vigie-chemicals-page.h — the Chemicals page: chemical inventories per site and period,
 * the product list with its filters, the product editor and the site hazard summary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigie-chemical-editor.h"
#include "vigie-chemical-list.h"
#include "vigie-hazard-summary.h"
#include "vigie-store.h"

G_BEGIN_DECLS

#define VIGIE_TYPE_CHEMICALS_PAGE (vigie_chemicals_page_get_type ())
G_DECLARE_FINAL_TYPE (VigieChemicalsPage, vigie_chemicals_page, VIGIE, CHEMICALS_PAGE,
                      GtkWidget)

void                    vigie_chemicals_page_set_store     (VigieChemicalsPage *self,
                                                            VigieStore         *store);
/* Shows the inventory of SITE_ID in PERIOD (NULL: every period; SITE_ID 0: every site).
 * FALSE when that inventory is not in the list. */
gboolean                vigie_chemicals_page_show_inventory (VigieChemicalsPage *self,
                                                             gint64              site_id,
                                                             const char         *period);
/* "products" or "summary". */
void                    vigie_chemicals_page_show_view     (VigieChemicalsPage *self,
                                                            const char         *name);
gboolean                vigie_chemicals_page_select_product (VigieChemicalsPage *self,
                                                             gint64              id);

/* For tests. */
VigieChemicalList      *vigie_chemicals_page_get_list      (VigieChemicalsPage *self);
VigieChemicalEditor    *vigie_chemicals_page_get_editor    (VigieChemicalsPage *self);
VigieHazardSummaryView *vigie_chemicals_page_get_summary   (VigieChemicalsPage *self);
GtkEditable            *vigie_chemicals_page_get_search_entry (VigieChemicalsPage *self);
GtkLabel               *vigie_chemicals_page_get_count_label (VigieChemicalsPage *self);
/* Sets the flag filters (VigieChemicalFlags) as the toggle buttons would. */
void                    vigie_chemicals_page_set_flags     (VigieChemicalsPage *self,
                                                            guint               flags);
gboolean                vigie_chemicals_page_get_busy      (VigieChemicalsPage *self);

G_END_DECLS

/* vigie-chemicals-page.h — the Chemicals page: chemical inventories per site and period,
 * the product list with its filters, the product editor and the site hazard summary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include <adwaita.h>

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
/* The toast of the last product deletion while it shows (its Undo restores the product). */
AdwToast               *vigie_chemicals_page_get_undo_toast (VigieChemicalsPage *self);
/* Substance reference view ("substances"): selects substance ID in the list and shows it
 * in the form; saves the form (as Save does: marks a wrong field, keeps the text). */
gboolean                vigie_chemicals_page_select_substance (VigieChemicalsPage *self,
                                                               gint64              id);
gboolean                vigie_chemicals_page_save_substance (VigieChemicalsPage *self);
guint                   vigie_chemicals_page_get_n_substances (VigieChemicalsPage *self);
/* Measurements view ("measurements") of the site of the inventory shown: adds the
 * measurement of the form (its id, 0 when refused with the reason shown), deletes one. */
gint64                  vigie_chemicals_page_add_measurement (VigieChemicalsPage *self);
gboolean                vigie_chemicals_page_delete_measurement (VigieChemicalsPage *self,
                                                                 gint64              id);
guint                   vigie_chemicals_page_get_n_measurements (VigieChemicalsPage *self);
/* The widgets of those views by name ("substance-name", "substance-ec", "substance-svhc",
 * "substance-svhc-date", "substance-sin", "substance-rohs", "substance-cmr",
 * "substance-search", "substance-error", "measurement-product", "measurement-substance",
 * "measurement-kind", "measurement-date", "measurement-value", "measurement-unit",
 * "measurement-limit", "measurement-source", "measurement-error", "measurement-list"). */
GtkWidget              *vigie_chemicals_page_get_widget    (VigieChemicalsPage *self,
                                                            const char         *name);

G_END_DECLS

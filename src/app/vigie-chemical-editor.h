/* vigie-chemical-editor.h — the editor of one chemical product: identity, safety data
 * sheet, process, quantities, exposure, controls and PPE, constituents (CAS numbers
 * checked as typed), hazard statements from the GHS list with the pictograms and signal
 * word they imply, and exposure measurements.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigie-store.h"

G_BEGIN_DECLS

#define VIGIE_TYPE_CHEMICAL_EDITOR (vigie_chemical_editor_get_type ())
G_DECLARE_FINAL_TYPE (VigieChemicalEditor, vigie_chemical_editor, VIGIE, CHEMICAL_EDITOR,
                      GtkWidget)

void        vigie_chemical_editor_set_store       (VigieChemicalEditor *self,
                                                   VigieStore          *store);
/* Shows product ID (0: nothing). */
gboolean    vigie_chemical_editor_load            (VigieChemicalEditor *self,
                                                   gint64               id);
/* Starts a new product of SITE_ID in PERIOD. */
void        vigie_chemical_editor_new_product     (VigieChemicalEditor *self,
                                                   gint64               site_id,
                                                   const char          *period);
gint64      vigie_chemical_editor_get_id          (VigieChemicalEditor *self);
/* The site chosen in the Site drop-down (0: none), and choosing one (a new product only:
 * a saved product stays at its site). */
gint64      vigie_chemical_editor_get_site_id     (VigieChemicalEditor *self);
void        vigie_chemical_editor_set_site        (VigieChemicalEditor *self,
                                                   gint64               site_id);
/* Validates and writes; on a problem marks the field and shows the reason, keeping the
 * text typed. Emits "saved" (id) on success. */
gboolean    vigie_chemical_editor_save            (VigieChemicalEditor *self);

/* For tests and the page. */
GtkEditable *vigie_chemical_editor_get_trade_name (VigieChemicalEditor *self);
/* Appends a constituent row and returns its CAS entry. */
GtkEditable *vigie_chemical_editor_add_constituent (VigieChemicalEditor *self,
                                                    const char          *name,
                                                    const char          *cas,
                                                    const char          *conc_min,
                                                    const char          *conc_max);
/* Adds codes as typed from an SDS ("H225; H300+H310+H330"); FALSE with the reason shown
 * when one is unknown. */
gboolean    vigie_chemical_editor_add_hazard_codes (VigieChemicalEditor *self,
                                                    const char          *text);
/* The message shown for the last problem ("" when none). */
const char *vigie_chemical_editor_get_error        (VigieChemicalEditor *self);
/* The pictograms and signal word shown ("GHS02 GHS07", "danger"). */
char       *vigie_chemical_editor_get_pictograms   (VigieChemicalEditor *self);
const char *vigie_chemical_editor_get_signal_word  (VigieChemicalEditor *self);

G_END_DECLS

/* vigie-cell-label.h — one line of text in a list cell, built for lists of many rows.
 *
 * GTK 4.8's list views keep up to 200 rows of widgets alive whatever the height of the
 * view, so a dozen columns means some 2,000 cells built, styled and measured in the frame
 * that first shows a list, most of them off screen. GtkInscription, made for this, still
 * creates a text layout (and with it the widget's style, before the cell has a parent) when
 * it is created, and asks Pango for the font's metrics each time it is measured.
 * VigieCellLabel does neither: its size comes from font metrics computed once per font and
 * kept, and its text is laid out only when the cell is drawn, which only the rows on screen
 * are.
 *
 * It is a "label" node for the style sheet (the "numeric", "error", "warning", "dim-label"
 * classes apply) and a label for assistive technologies. The text is ellipsized at the end
 * when it does not fit; it is min-chars characters wide at least (3) and nat-chars (10)
 * naturally, as GtkInscription with the same settings. Properties (for .ui list item
 * templates): text, xalign, min-chars, nat-chars, numeric.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VIGIE_TYPE_CELL_LABEL (vigie_cell_label_get_type ())
G_DECLARE_FINAL_TYPE (VigieCellLabel, vigie_cell_label, VIGIE, CELL_LABEL, GtkWidget)

GtkWidget  *vigie_cell_label_new        (void);
/* TEXT may be NULL (nothing shown). */
void        vigie_cell_label_set_text   (VigieCellLabel *self,
                                         const char     *text);
const char *vigie_cell_label_get_text   (VigieCellLabel *self);
/* 0 = start (the default), 1 = end; mirrored in right-to-left languages. */
void        vigie_cell_label_set_xalign (VigieCellLabel *self,
                                         float           xalign);
/* Widths in characters of the font (average or digit, the wider): at least MIN_CHARS,
 * naturally NAT_CHARS. */
void        vigie_cell_label_set_chars  (VigieCellLabel *self,
                                         int             min_chars,
                                         int             nat_chars);
/* Figures of equal width (tabular numbers), for counts; sets the "numeric" style class. */
void        vigie_cell_label_set_numeric (VigieCellLabel *self,
                                          gboolean        numeric);

G_END_DECLS

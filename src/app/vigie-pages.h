/* vigie-pages.h — helpers the pages share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Gives MODEL to VIEW once VIEW is mapped and has a size (a view that has its model keeps
 * it while hidden). GTK 4.8's column view builds a row widget for every item it is told
 * about while it has no allocation, so a hidden page with 20,000 rows cost seconds on
 * every dataset load. The selection model keeps the items and the selection meanwhile. */
void vigie_column_view_set_model_when_mapped (GtkColumnView     *view,
                                              GtkSelectionModel *model);

/* Makes a drop-down of GtkStringObjects shrink with the window: the button's text
 * ellipsizes (between 6 and 28 characters) while the popup shows every text whole. Long
 * translations then cannot push a toolbar wider than the screen. */
void vigie_drop_down_set_compact             (GtkDropDown       *drop_down);

G_END_DECLS

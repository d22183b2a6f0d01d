/* vigie-pages.c — helpers the pages share.
 *
 * Each page is a GtkWidget subclass with a writable "store" property (VigieStore *, NULL
 * when no dataset is open) that the window sets. The window builds a page the first time
 * it is shown (vigie-window.c, page_types): a new page adds a line there and an AdwBin
 * slot in ui/vigie-window.ui.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>

#include "vigie-pages.h"

/* The model goes in once the view has a size: at map time it has none yet, and GTK would
 * build a row for every item again. It goes in at the end of the layout of the frame that
 * gave the view its first size: the frame clock runs the layout phase again when a layout
 * asked for another (it loops up to four times before it paints), so the rows are built
 * and drawn in that same frame instead of one frame later. */
static void
attach_model_layout_cb (GdkFrameClock *clock,
                        GtkColumnView *view)
{
  GtkSelectionModel *model = g_object_get_data (G_OBJECT (view), "vigie-mapped-model");

  if (gtk_widget_get_allocated_height (GTK_WIDGET (view)) <= 0)
    return;
  g_signal_handlers_disconnect_by_func (clock, attach_model_layout_cb, view);
  g_object_set_data (G_OBJECT (view), "vigie-mapped-clock", NULL);
  if (gtk_column_view_get_model (view) != model)
    gtk_column_view_set_model (view, model);
}

static void
column_view_mapped_cb (GtkColumnView *view)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (view));

  if (clock == NULL || g_object_get_data (G_OBJECT (view), "vigie-mapped-clock") != NULL
      || gtk_column_view_get_model (view) == g_object_get_data (G_OBJECT (view),
                                                                "vigie-mapped-model"))
    return;
  g_signal_connect_object (clock, "layout", G_CALLBACK (attach_model_layout_cb), view,
                           G_CONNECT_AFTER);
  g_object_set_data_full (G_OBJECT (view), "vigie-mapped-clock", g_object_ref (clock),
                          g_object_unref);
  gtk_widget_queue_resize (GTK_WIDGET (view));
}

/* A view that has its model keeps it (and its rows) while its page is hidden: showing the
 * page again then costs a layout, not 200 rows built again. A model set while the view
 * is hidden waits for the next map, as above. */
static void
column_view_unmapped_cb (GtkColumnView *view)
{
  GdkFrameClock *clock = g_object_get_data (G_OBJECT (view), "vigie-mapped-clock");

  if (clock != NULL)
    g_signal_handlers_disconnect_by_func (clock, attach_model_layout_cb, view);
  g_object_set_data (G_OBJECT (view), "vigie-mapped-clock", NULL);
}

void
vigie_column_view_set_model_when_mapped (GtkColumnView     *view,
                                         GtkSelectionModel *model)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (model == NULL || GTK_IS_SELECTION_MODEL (model));

  if (g_object_get_data (G_OBJECT (view), "vigie-mapped-model-connected") == NULL)
    {
      g_signal_connect (view, "map", G_CALLBACK (column_view_mapped_cb), NULL);
      g_signal_connect (view, "unmap", G_CALLBACK (column_view_unmapped_cb), NULL);
      g_object_set_data (G_OBJECT (view), "vigie-mapped-model-connected", GINT_TO_POINTER (1));
    }
  g_object_set_data_full (G_OBJECT (view), "vigie-mapped-model",
                          model != NULL ? g_object_ref (model) : NULL,
                          model != NULL ? g_object_unref : NULL);
  if (gtk_widget_get_mapped (GTK_WIDGET (view)) && gtk_widget_get_allocated_height (GTK_WIDGET (view)) > 0)
    gtk_column_view_set_model (view, model);
  else
    {
      gtk_column_view_set_model (view, NULL);
      if (gtk_widget_get_mapped (GTK_WIDGET (view)))
        column_view_mapped_cb (view);
    }
}

/* ─── Compact drop-downs ─────────────────────────────────────────────────── */

static void
compact_button_setup_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *item,
                         gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 6);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_list_item_set_child (item, label);
}

static void
compact_popup_setup_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
compact_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  data)
{
  GObject *object = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       GTK_IS_STRING_OBJECT (object)
                       ? gtk_string_object_get_string (GTK_STRING_OBJECT (object)) : "");
}

void
vigie_drop_down_set_compact (GtkDropDown *drop_down)
{
  g_autoptr(GtkListItemFactory) button = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) popup = gtk_signal_list_item_factory_new ();

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  g_signal_connect (button, "setup", G_CALLBACK (compact_button_setup_cb), NULL);
  g_signal_connect (button, "bind", G_CALLBACK (compact_bind_cb), NULL);
  g_signal_connect (popup, "setup", G_CALLBACK (compact_popup_setup_cb), NULL);
  g_signal_connect (popup, "bind", G_CALLBACK (compact_bind_cb), NULL);
  gtk_drop_down_set_factory (drop_down, button);
  gtk_drop_down_set_list_factory (drop_down, popup);
  if (gtk_drop_down_get_expression (drop_down) == NULL)
    {
      g_autoptr(GtkExpression) expression =
        gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

      gtk_drop_down_set_expression (drop_down, expression);
    }
}

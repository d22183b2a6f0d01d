/* vigie-pages.c — registers the page types that ui/vigie-window.ui instantiates.
 *
 * Each page is a GtkWidget subclass with a writable "store" property (VigieStore *, NULL
 * when no dataset is open) that the window sets. A new page adds its include and one
 * g_type_ensure() line here, and replaces its AdwStatusPage in ui/vigie-window.ui.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>

#include "vigie-buyers-page.h"
#include "vigie-chemicals-page.h"
#include "vigie-findings-page.h"
#include "vigie-overview-page.h"
#include "vigie-pages.h"
#include "vigie-remediation-page.h"

void
vigie_pages_ensure_types (void)
{
  g_type_ensure (VIGIE_TYPE_BUYERS_PAGE);
  g_type_ensure (VIGIE_TYPE_CHEMICALS_PAGE);
  g_type_ensure (VIGIE_TYPE_FINDINGS_PAGE);
  g_type_ensure (VIGIE_TYPE_OVERVIEW_PAGE);
  g_type_ensure (VIGIE_TYPE_REMEDIATION_PAGE);
}

/* The model goes in once the view has a size: at map time it has none yet, and GTK would
 * build a row for every item again. */
static gboolean
attach_model_tick_cb (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       user_data)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (widget);
  GtkSelectionModel *model = g_object_get_data (G_OBJECT (view), "vigie-mapped-model");

  if (gtk_widget_get_allocated_height (widget) <= 0)
    return G_SOURCE_CONTINUE;
  if (gtk_column_view_get_model (view) != model)
    gtk_column_view_set_model (view, model);
  g_object_set_data (G_OBJECT (view), "vigie-mapped-tick", NULL);
  return G_SOURCE_REMOVE;
}

static void
column_view_mapped_cb (GtkColumnView *view)
{
  guint tick;

  if (g_object_get_data (G_OBJECT (view), "vigie-mapped-tick") != NULL)
    return;
  tick = gtk_widget_add_tick_callback (GTK_WIDGET (view), attach_model_tick_cb, NULL, NULL);
  g_object_set_data (G_OBJECT (view), "vigie-mapped-tick", GUINT_TO_POINTER (tick));
}

static void
column_view_unmapped_cb (GtkColumnView *view)
{
  guint tick = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (view), "vigie-mapped-tick"));

  if (tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (view), tick);
  g_object_set_data (G_OBJECT (view), "vigie-mapped-tick", NULL);
  gtk_column_view_set_model (view, NULL);
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

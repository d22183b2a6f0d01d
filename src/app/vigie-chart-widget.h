/* vigie-chart-widget.h — a widget that shows any chart renderer of src/report: its
 * snapshot() appends a cairo node and calls the renderer with a VigieChartStyle filled
 * from the widget's style (foreground colour, accent and error colours, font).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigie-chart-style.h"

G_BEGIN_DECLS

/* Draws a chart in (0, 0, WIDTH, HEIGHT) of CR. */
typedef void (*VigieChartRenderFunc) (cairo_t               *cr,
                                      const VigieChartStyle *style,
                                      double                 width,
                                      double                 height,
                                      gpointer               user_data);

#define VIGIE_TYPE_CHART_WIDGET (vigie_chart_widget_get_type ())
G_DECLARE_FINAL_TYPE (VigieChartWidget, vigie_chart_widget, VIGIE, CHART_WIDGET, GtkWidget)

GtkWidget *vigie_chart_widget_new          (void);
/* Sets the renderer (NULL: draw nothing) and queues a redraw. */
void       vigie_chart_widget_set_renderer (VigieChartWidget     *self,
                                            VigieChartRenderFunc  func,
                                            gpointer              user_data,
                                            GDestroyNotify        destroy);
/* The style of WIDGET as a chart style (transparent background). Clear it with
 * vigie_chart_style_clear(). */
void       vigie_chart_widget_fill_style   (GtkWidget            *widget,
                                            VigieChartStyle      *style);

G_END_DECLS

/* vigie-chart-widget.h — a widget that shows any chart renderer of src/report: its
 * snapshot() appends a cairo node and calls the renderer with a VigieChartStyle filled
 * from the widget's style (foreground colour, accent and error colours, font).
 *
 * Charts are keyboard-reachable: given the list of their elements (bars, points), the
 * widget takes the focus, moves between elements with the arrow keys (Home and End for
 * the first and the last), draws a focus ring around the focused one, names it and its
 * value to assistive technologies (the accessible description), and emits
 * ::element-activated for Enter and Space.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigie-chart-bar.h"
#include "vigie-chart-style.h"

G_BEGIN_DECLS

/* Draws a chart in (0, 0, WIDTH, HEIGHT) of CR. */
typedef void (*VigieChartRenderFunc) (cairo_t               *cr,
                                      const VigieChartStyle *style,
                                      double                 width,
                                      double                 height,
                                      gpointer               user_data);

/* Where element INDEX is in a WIDTH × HEIGHT chart (CR and STYLE give the text metrics;
 * nothing is drawn) and, in LABEL (when not NULL), what it is with its value for
 * assistive technologies ("Wages, Major: 120"). FALSE when the element is not drawn. */
typedef gboolean (*VigieChartElementFunc) (guint                  index,
                                           cairo_t               *cr,
                                           const VigieChartStyle *style,
                                           double                 width,
                                           double                 height,
                                           VigieChartRect        *rect,
                                           char                 **label,
                                           gpointer               user_data);

#define VIGIE_TYPE_CHART_WIDGET (vigie_chart_widget_get_type ())
G_DECLARE_FINAL_TYPE (VigieChartWidget, vigie_chart_widget, VIGIE, CHART_WIDGET, GtkWidget)

GtkWidget *vigie_chart_widget_new          (void);
/* Sets the renderer (NULL: draw nothing) and queues a redraw. */
void       vigie_chart_widget_set_renderer (VigieChartWidget     *self,
                                            VigieChartRenderFunc  func,
                                            gpointer              user_data,
                                            GDestroyNotify        destroy);
/* Sets the chart's N_ELEMENTS elements (0: none; the chart cannot take the focus then).
 * The focused element stays when it still exists. */
void       vigie_chart_widget_set_elements (VigieChartWidget      *self,
                                            guint                  n_elements,
                                            VigieChartElementFunc  func,
                                            gpointer               user_data);
/* The accessible name of the chart and its description with every number (read when no
 * element has the focus). */
void       vigie_chart_widget_set_description (VigieChartWidget  *self,
                                               const char        *label,
                                               const char        *description);
/* The focused element, G_MAXUINT when none. */
guint      vigie_chart_widget_get_focused_element (VigieChartWidget *self);
/* Focuses element INDEX (G_MAXUINT: none) and announces it; FALSE when it is not drawn. */
gboolean   vigie_chart_widget_set_focused_element (VigieChartWidget *self,
                                                   guint             index);
/* The accessible name as it is now: the chart's title, and the focused element with its
 * value and place ("… — Wages, Major: 120 (3 of 40)"). */
const char *vigie_chart_widget_get_accessible_text (VigieChartWidget *self);
/* Where element INDEX is drawn now; FALSE when it is not. */
gboolean   vigie_chart_widget_get_element_rect (VigieChartWidget *self,
                                                guint             index,
                                                VigieChartRect   *rect);
/* The style of WIDGET as a chart style (transparent background). Clear it with
 * vigie_chart_style_clear(). */
void       vigie_chart_widget_fill_style   (GtkWidget            *widget,
                                            VigieChartStyle      *style);

G_END_DECLS

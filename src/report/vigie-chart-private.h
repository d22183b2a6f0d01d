/* vigie-chart-private.h — helpers shared by the chart renderers of src/report (text
 * layout in the style's font, value formatting, axis steps).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "vigie-chart-style.h"

G_BEGIN_DECLS

#define VIGIE_CHART_PAD 8.0

void         vigie_chart_set_colour    (cairo_t               *cr,
                                        VigieChartRgba         colour);
/* A layout of TEXT in the style's font, SCALE times its size, bold or not. */
PangoLayout *vigie_chart_layout        (cairo_t               *cr,
                                        const VigieChartStyle *style,
                                        const char            *text,
                                        gboolean               bold,
                                        double                 scale);
void         vigie_chart_text_size     (PangoLayout           *layout,
                                        double                *width,
                                        double                *height);
void         vigie_chart_draw_layout   (cairo_t               *cr,
                                        PangoLayout           *layout,
                                        double                 x,
                                        double                 y,
                                        VigieChartRgba         colour);
/* VALUE with FORMAT (a printf format of one double) or with digit grouping. */
char        *vigie_chart_format_value  (const char            *format,
                                        double                 value);
/* A round step (1, 2 or 5 × 10^n) giving about TARGET ticks up to MAX. */
double       vigie_chart_nice_step     (double                 max,
                                        int                    target);
/* The title (bold, wrapped to WIDTH) drawn at (X, Y) when DRAW; returns its height with
 * the space below it, 0 without a title. */
double       vigie_chart_title         (cairo_t               *cr,
                                        const VigieChartStyle *style,
                                        const char            *title,
                                        double                 x,
                                        double                 y,
                                        double                 width,
                                        gboolean               draw);
/* Centred EMPTY_TEXT in the area. */
void         vigie_chart_empty_text    (cairo_t               *cr,
                                        const VigieChartStyle *style,
                                        const char            *text,
                                        double                 y,
                                        double                 width,
                                        double                 height);

G_END_DECLS

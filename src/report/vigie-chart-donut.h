/* vigie-chart-donut.h — a donut (ring) chart drawn with cairo and pango, for the screen
 * and for PDF reports.
 *
 * Slices go clockwise from twelve o'clock. Readable without colour: each slice has its
 * series fill pattern (vigie_chart_fill_series), repeated in the legend, and the legend
 * writes every value with its percentage; slices wide enough also carry their percentage.
 * The total is written in the hole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "vigie-chart-bar.h"
#include "vigie-chart-style.h"

G_BEGIN_DECLS

typedef struct
{
  const char          *title;          /* NULL: no title */
  guint                n_slices;
  const char * const  *labels;         /* N_SLICES labels */
  const double        *values;         /* N_SLICES values; NAN or ≤ 0: no slice */
  const char          *value_format;   /* printf format of one double; NULL: "%'.0f" */
  const char          *total_label;    /* caption under the total in the hole; NULL none */
  const char          *empty_text;     /* drawn when the total is 0; NULL: nothing */
} VigieDonutChartData;

typedef struct
{
  double         title_height;
  double         cx, cy;               /* centre of the ring */
  double         outer_radius;
  double         inner_radius;
  VigieChartRect legend;               /* the legend's area (right of or under the ring) */
  double         legend_row_height;
  guint          n_legend_visible;     /* legend rows that fit */
  double         total;                /* sum of the drawn values */
} VigieDonutChartGeometry;

/* Lays the chart out in WIDTH × HEIGHT (CR gives text metrics; nothing is drawn). FALSE
 * when the area is too small. */
gboolean  vigie_donut_chart_compute_geometry (cairo_t                    *cr,
                                              const VigieDonutChartData  *data,
                                              const VigieChartStyle      *style,
                                              double                      width,
                                              double                      height,
                                              VigieDonutChartGeometry    *geometry);

/* The angles of SLICE in radians, clockwise from twelve o'clock (0 .. 2π); FALSE when the
 * slice is not drawn. */
gboolean  vigie_donut_chart_slice_angles     (const VigieDonutChartGeometry *geometry,
                                              const VigieDonutChartData     *data,
                                              guint                          slice,
                                              double                        *start,
                                              double                        *end);

/* The rectangle of SLICE's legend row; FALSE when it does not fit. */
gboolean  vigie_donut_chart_legend_rect      (const VigieDonutChartGeometry *geometry,
                                              guint                          slice,
                                              VigieChartRect                *rect);

/* Which slice is at (X, Y): on the ring or on its legend row. */
gboolean  vigie_donut_chart_hit_test         (const VigieDonutChartGeometry *geometry,
                                              const VigieDonutChartData     *data,
                                              double                         x,
                                              double                         y,
                                              guint                         *slice);

/* Draws the chart in (0, 0, WIDTH, HEIGHT) of CR. */
void      vigie_chart_donut_render           (cairo_t                    *cr,
                                              const VigieDonutChartData  *data,
                                              const VigieChartStyle      *style,
                                              double                      width,
                                              double                      height);

/* One sentence with every number, for the accessible description:
 * "Findings by severity: Critical 12 (10 %), Major 60 (50 %)…; total 120." */
char     *vigie_donut_chart_describe         (const VigieDonutChartData  *data) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

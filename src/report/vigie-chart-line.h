/* vigie-chart-line.h — line and area charts over time (or any ordered categories), drawn
 * with cairo and pango for the screen and for PDF reports.
 *
 * Readable without colour: each series has its own dash pattern and marker shape (circle,
 * square, triangle, diamond...), shown in the legend; values are written next to the
 * points when there is room, otherwise at each series' highest and last point. The value
 * axis has round ticks with labels; category labels are thinned to fit.
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
  guint                n_points;
  const char * const  *point_labels;   /* N_POINTS labels of the x axis ("Jan", "2025") */
  guint                n_series;
  const char * const  *series_names;   /* N_SERIES names, shown in the legend */
  const double        *values;         /* N_SERIES × N_POINTS: values[s * n_points + p];
                                        * NAN: a gap in the line */
  gboolean             area;           /* fill the area under each line (lightly) */
  const char          *value_format;   /* printf format of one double; NULL: "%'.0f" */
  const char          *empty_text;     /* drawn when there is no point; NULL: nothing */
} VigieLineChartData;

typedef struct
{
  VigieChartRect plot;                 /* the value axis spans its height */
  double         title_height;
  double         legend_height;
  double         axis_width;           /* value labels, left of the plot */
  double         max_value;            /* the value at the top of the plot */
  double         tick_step;
  double         x_step;               /* distance between two points */
  guint          label_every;          /* one x label every N points */
  gboolean       label_all_points;     /* room for a value label at every point */
} VigieLineChartGeometry;

gboolean  vigie_line_chart_compute_geometry (cairo_t                   *cr,
                                             const VigieLineChartData  *data,
                                             const VigieChartStyle     *style,
                                             double                     width,
                                             double                     height,
                                             VigieLineChartGeometry    *geometry);

/* Where point POINT of SERIES is drawn; FALSE when it has no value. */
gboolean  vigie_line_chart_point            (const VigieLineChartGeometry *geometry,
                                             const VigieLineChartData     *data,
                                             guint                         series,
                                             guint                         point,
                                             double                       *x,
                                             double                       *y);

/* The point nearest to (X, Y) within the plot: POINT is the column under X, SERIES the
 * series whose point in that column is nearest to Y (G_MAXUINT when the column has no
 * value). FALSE outside the plot. */
gboolean  vigie_line_chart_hit_test         (const VigieLineChartGeometry *geometry,
                                             const VigieLineChartData     *data,
                                             double                        x,
                                             double                        y,
                                             guint                        *series,
                                             guint                        *point);

void      vigie_chart_line_render           (cairo_t                   *cr,
                                             const VigieLineChartData  *data,
                                             const VigieChartStyle     *style,
                                             double                     width,
                                             double                     height);

/* One sentence per series with its total, highest point and values:
 * "Findings per month. Findings: total 120, highest 18 in March (Jan 10, Feb 12…)." */
char     *vigie_line_chart_describe         (const VigieLineChartData  *data) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

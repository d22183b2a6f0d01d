/* vigie-chart-bar.h — a horizontal bar chart drawn with cairo and pango, for the screen
 * (through a GtkSnapshot cairo node) and for PDF reports alike.
 *
 * Categories are rows (a label on the left), series are bars: stacked end to end or
 * grouped one under the other. Bars can be read without colour: each series has its own
 * fill pattern (solid, hatched, dotted, cross-hatched...) repeated in the legend, and
 * values are written next to the bars. A category may carry a note (a short warning)
 * drawn after its bar in the alert colour.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "vigie-chart-style.h"

G_BEGIN_DECLS

typedef enum
{
  VIGIE_BAR_CHART_STACKED,
  VIGIE_BAR_CHART_GROUPED,
} VigieBarChartMode;

typedef struct
{
  const char          *title;           /* NULL: no title */
  guint                n_categories;
  const char * const  *categories;      /* N_CATEGORIES labels */
  const char * const  *category_notes;  /* NULL, or N_CATEGORIES notes (NULL / "" none) */
  guint                n_series;
  const char * const  *series_names;    /* N_SERIES names, shown in the legend */
  const double        *values;          /* N_CATEGORIES × N_SERIES, values[c * n_series + s];
                                         * NAN or negative: nothing drawn */
  VigieBarChartMode    mode;
  const char          *value_format;    /* printf format of one double; NULL: "%.0f" with
                                         * digit grouping */
  const char          *empty_text;      /* drawn when there is no category; NULL: nothing */
} VigieBarChartData;

typedef struct
{
  double x, y, width, height;
} VigieChartRect;

typedef struct
{
  VigieChartRect plot;          /* where the bars go (the value axis spans its width) */
  double         title_height;
  double         legend_height;
  double         label_width;   /* category labels, left of the plot */
  double         row_height;    /* one category */
  double         bar_height;    /* one bar (grouped: each series) */
  double         max_value;     /* the value at the right end of the plot */
  double         tick_step;     /* distance between grid lines, in values */
  guint          n_visible;     /* categories that fit */
} VigieBarChartGeometry;

/* Lays the chart out in WIDTH × HEIGHT (CR gives the text metrics; nothing is drawn).
 * FALSE when the area is too small for anything. */
gboolean  vigie_bar_chart_compute_geometry (cairo_t                  *cr,
                                            const VigieBarChartData  *data,
                                            const VigieChartStyle    *style,
                                            double                    width,
                                            double                    height,
                                            VigieBarChartGeometry    *geometry);

/* The rectangle of the bar of CATEGORY and SERIES; FALSE when it is not drawn (no value,
 * or the category does not fit). */
gboolean  vigie_bar_chart_bar_rect         (const VigieBarChartGeometry *geometry,
                                            const VigieBarChartData     *data,
                                            guint                        category,
                                            guint                        series,
                                            VigieChartRect              *rect);

/* Which bar is at (X, Y): TRUE with CATEGORY and SERIES; a point on a category's label or
 * row but not on a bar gives the category and SERIES = G_MAXUINT. */
gboolean  vigie_bar_chart_hit_test         (const VigieBarChartGeometry *geometry,
                                            const VigieBarChartData     *data,
                                            double                       x,
                                            double                       y,
                                            guint                       *category,
                                            guint                       *series);

/* Draws the chart in (0, 0, WIDTH, HEIGHT) of CR. */
void      vigie_chart_bar_render           (cairo_t                  *cr,
                                            const VigieBarChartData  *data,
                                            const VigieChartStyle    *style,
                                            double                    width,
                                            double                    height);

/* Fills the current path of CR with the pattern of series INDEX in COLOUR (0: solid,
 * 1: diagonal hatching, 2: dots, 3: cross-hatching, 4: horizontal lines, 5: reverse
 * diagonal, then again). For legends and other charts. */
void      vigie_chart_fill_series          (cairo_t                  *cr,
                                            guint                     index,
                                            VigieChartRgba                 colour);

G_END_DECLS

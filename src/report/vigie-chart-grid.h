/* vigie-chart-grid.h — small multiples: one small chart per category (a country, a theme),
 * all on the same value scale so they compare at a glance, drawn with cairo and pango.
 *
 * Each cell has its title and total written out, a light grid line with the shared maximum
 * labelled, and its points as columns or as a line with markers; the first and last point
 * labels sit under each cell. Readable without colour: cells are separate and labelled,
 * and the highest value of each cell is written on it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "vigie-chart-bar.h"
#include "vigie-chart-style.h"

G_BEGIN_DECLS

typedef enum
{
  VIGIE_GRID_CHART_COLUMNS,
  VIGIE_GRID_CHART_LINE,
} VigieGridChartKind;

typedef struct
{
  const char          *title;          /* NULL: no title */
  guint                n_cells;
  const char * const  *cell_titles;    /* N_CELLS titles */
  guint                n_points;
  const char * const  *point_labels;   /* N_POINTS labels ("Jan" ... "Dec") */
  const double        *values;         /* N_CELLS × N_POINTS: values[c * n_points + p];
                                        * NAN: no value */
  VigieGridChartKind   kind;
  guint                columns;        /* 0: as many as fit (cells at least 150 wide) */
  const char          *value_format;   /* printf format of one double; NULL: "%'.0f" */
  const char          *empty_text;
} VigieGridChartData;

typedef struct
{
  double  title_height;
  guint   columns;
  guint   rows;
  guint   n_visible;                   /* cells that fit */
  double  cell_width;
  double  cell_height;
  double  cell_title_height;           /* title line of a cell */
  double  label_height;                /* point labels under a cell's plot */
  double  max_value;                   /* shared scale: the top of every cell's plot */
} VigieGridChartGeometry;

gboolean  vigie_grid_chart_compute_geometry (cairo_t                   *cr,
                                             const VigieGridChartData  *data,
                                             const VigieChartStyle     *style,
                                             double                     width,
                                             double                     height,
                                             VigieGridChartGeometry    *geometry);

/* The whole cell CELL, and the plot inside it. FALSE when the cell does not fit. */
gboolean  vigie_grid_chart_cell_rect        (const VigieGridChartGeometry *geometry,
                                             guint                         cell,
                                             VigieChartRect               *rect);
gboolean  vigie_grid_chart_plot_rect        (const VigieGridChartGeometry *geometry,
                                             guint                         cell,
                                             VigieChartRect               *rect);
/* The column (COLUMNS) or the marker's square (LINE) of POINT in CELL; FALSE when there
 * is no value. */
gboolean  vigie_grid_chart_point_rect       (const VigieGridChartGeometry *geometry,
                                             const VigieGridChartData     *data,
                                             guint                         cell,
                                             guint                         point,
                                             VigieChartRect               *rect);

/* Which cell (and which point of its plot, G_MAXUINT when on the title) is at (X, Y). */
gboolean  vigie_grid_chart_hit_test         (const VigieGridChartGeometry *geometry,
                                             const VigieGridChartData     *data,
                                             double                        x,
                                             double                        y,
                                             guint                        *cell,
                                             guint                        *point);

void      vigie_chart_grid_render           (cairo_t                   *cr,
                                             const VigieGridChartData  *data,
                                             const VigieChartStyle     *style,
                                             double                     width,
                                             double                     height);

/* "Title. China: total 120, highest 18 in March. Viet Nam: total 40, …" */
char     *vigie_grid_chart_describe         (const VigieGridChartData  *data) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

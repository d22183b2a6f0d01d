/* vigie-chart-grid.c — small multiples with cairo and pango.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "vigie-chart-grid.h"
#include "vigie-chart-private.h"
/* Last: in a report, the chart's words follow the report's language. */
#include "vigie-report-i18n.h"

#define PAD VIGIE_CHART_PAD
#define GAP 12.0
#define MIN_CELL_WIDTH 150.0
#define MIN_PLOT_HEIGHT 24.0

static double
value_at (const VigieGridChartData *data,
          guint                     cell,
          guint                     point)
{
  return data->values[(gsize) cell * data->n_points + point];
}

static double
cell_total (const VigieGridChartData *data,
            guint                     cell,
            guint                    *max_point)
{
  double total = 0;

  if (max_point != NULL)
    *max_point = G_MAXUINT;
  for (guint p = 0; p < data->n_points; p++)
    {
      double v = value_at (data, cell, p);

      if (isnan (v))
        continue;
      total += v;
      if (max_point != NULL && (*max_point == G_MAXUINT || v > value_at (data, cell, *max_point)))
        *max_point = p;
    }
  return total;
}

gboolean
vigie_grid_chart_compute_geometry (cairo_t                  *cr,
                                   const VigieGridChartData *data,
                                   const VigieChartStyle    *style,
                                   double                    width,
                                   double                    height,
                                   VigieGridChartGeometry   *g)
{
  double avail_w, avail_h, min_cell_h;

  g_return_val_if_fail (data != NULL && style != NULL && g != NULL, FALSE);

  memset (g, 0, sizeof *g);
  if (width < MIN_CELL_WIDTH / 2 || height < 6 * PAD)
    return FALSE;
  {
    g_autoptr(PangoLayout) title = vigie_chart_layout (cr, style, "Hg", TRUE, 1);
    g_autoptr(PangoLayout) label = vigie_chart_layout (cr, style, "Hg", FALSE, 0.85);

    vigie_chart_text_size (title, NULL, &g->cell_title_height);
    vigie_chart_text_size (label, NULL, &g->label_height);
    g->cell_title_height += 4;
    g->label_height += 2;
  }
  g->title_height = vigie_chart_title (cr, style, data->title, PAD, PAD, width - 2 * PAD,
                                       FALSE);
  avail_w = width - 2 * PAD;
  avail_h = height - 2 * PAD - g->title_height;
  min_cell_h = g->cell_title_height + g->label_height * 2 + MIN_PLOT_HEIGHT;
  if (avail_h < min_cell_h)
    return FALSE;

  if (data->columns > 0)
    g->columns = data->columns;
  else
    g->columns = MAX (1, (guint) floor ((avail_w + GAP) / (MIN_CELL_WIDTH + GAP)));
  if (data->n_cells > 0)
    g->columns = MIN (g->columns, data->n_cells);
  g->columns = MAX (g->columns, 1);
  g->rows = data->n_cells > 0 ? (data->n_cells + g->columns - 1) / g->columns : 1;
  g->cell_width = (avail_w - (g->columns - 1) * GAP) / g->columns;
  g->cell_height = (avail_h - (g->rows - 1) * GAP) / g->rows;
  if (g->cell_height < min_cell_h)
    {
      /* Fewer rows than the cells need: keep the rows that fit. */
      g->rows = MAX (1, (guint) floor ((avail_h + GAP) / (min_cell_h + GAP)));
      g->cell_height = (avail_h - (g->rows - 1) * GAP) / g->rows;
    }
  g->cell_height = MIN (g->cell_height, MAX (min_cell_h, g->cell_width * 0.9));
  g->n_visible = MIN (data->n_cells, g->rows * g->columns);

  g->max_value = 0;
  for (guint c = 0; c < data->n_cells; c++)
    for (guint p = 0; p < data->n_points; p++)
      if (!isnan (value_at (data, c, p)))
        g->max_value = MAX (g->max_value, value_at (data, c, p));
  if (g->max_value <= 0)
    g->max_value = 1;
  else
    {
      double step = vigie_chart_nice_step (g->max_value, 2);

      g->max_value = ceil (g->max_value / step - 1e-9) * step;
    }
  return TRUE;
}

gboolean
vigie_grid_chart_cell_rect (const VigieGridChartGeometry *g,
                            guint                         cell,
                            VigieChartRect               *rect)
{
  g_return_val_if_fail (g != NULL && rect != NULL, FALSE);

  if (cell >= g->n_visible)
    return FALSE;
  rect->x = PAD + (cell % g->columns) * (g->cell_width + GAP);
  rect->y = PAD + g->title_height + (cell / g->columns) * (g->cell_height + GAP);
  rect->width = g->cell_width;
  rect->height = g->cell_height;
  return TRUE;
}

gboolean
vigie_grid_chart_plot_rect (const VigieGridChartGeometry *g,
                            guint                         cell,
                            VigieChartRect               *rect)
{
  VigieChartRect c;

  if (!vigie_grid_chart_cell_rect (g, cell, &c))
    return FALSE;
  rect->x = c.x + 4;
  rect->y = c.y + g->cell_title_height + g->label_height;   /* room for the max label */
  rect->width = c.width - 8;
  rect->height = c.height - g->cell_title_height - g->label_height * 2;
  return rect->height > 0;
}

gboolean
vigie_grid_chart_point_rect (const VigieGridChartGeometry *g,
                             const VigieGridChartData     *data,
                             guint                         cell,
                             guint                         point,
                             VigieChartRect               *rect)
{
  VigieChartRect plot;
  double v, slot, top;

  g_return_val_if_fail (g != NULL && data != NULL && rect != NULL, FALSE);

  if (cell >= data->n_cells || point >= data->n_points
      || !vigie_grid_chart_plot_rect (g, cell, &plot))
    return FALSE;
  v = value_at (data, cell, point);
  if (isnan (v))
    return FALSE;
  slot = plot.width / data->n_points;
  top = plot.y + plot.height - MAX (v, 0) / g->max_value * plot.height;
  if (data->kind == VIGIE_GRID_CHART_COLUMNS)
    {
      rect->x = plot.x + point * slot + slot * 0.15;
      rect->width = slot * 0.7;
      rect->y = top;
      rect->height = plot.y + plot.height - top;
    }
  else
    {
      rect->x = plot.x + (point + 0.5) * slot - 3;
      rect->y = top - 3;
      rect->width = 6;
      rect->height = 6;
    }
  return TRUE;
}

gboolean
vigie_grid_chart_hit_test (const VigieGridChartGeometry *g,
                           const VigieGridChartData     *data,
                           double                        x,
                           double                        y,
                           guint                        *cell,
                           guint                        *point)
{
  g_return_val_if_fail (g != NULL && data != NULL, FALSE);

  for (guint c = 0; c < g->n_visible; c++)
    {
      VigieChartRect rect, plot;

      if (!vigie_grid_chart_cell_rect (g, c, &rect) || x < rect.x || x >= rect.x + rect.width
          || y < rect.y || y >= rect.y + rect.height)
        continue;
      if (cell != NULL)
        *cell = c;
      if (point != NULL)
        {
          *point = G_MAXUINT;
          if (vigie_grid_chart_plot_rect (g, c, &plot) && data->n_points > 0
              && x >= plot.x && x < plot.x + plot.width && y >= plot.y - g->label_height
              && y < plot.y + plot.height)
            *point = MIN ((guint) floor ((x - plot.x) / (plot.width / data->n_points)),
                          data->n_points - 1);
        }
      return TRUE;
    }
  return FALSE;
}

void
vigie_chart_grid_render (cairo_t                  *cr,
                         const VigieGridChartData *data,
                         const VigieChartStyle    *style,
                         double                    width,
                         double                    height)
{
  VigieGridChartGeometry g;

  g_return_if_fail (cr != NULL && data != NULL && style != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  if (style->background.alpha > 0)
    {
      vigie_chart_set_colour (cr, style->background);
      cairo_paint (cr);
    }
  if (!vigie_grid_chart_compute_geometry (cr, data, style, width, height, &g))
    {
      cairo_restore (cr);
      return;
    }
  vigie_chart_title (cr, style, data->title, PAD, PAD, width - 2 * PAD, TRUE);
  if (data->n_cells == 0)
    {
      vigie_chart_empty_text (cr, style, data->empty_text, PAD + g.title_height, width, height);
      cairo_restore (cr);
      return;
    }

  for (guint c = 0; c < g.n_visible; c++)
    {
      VigieChartRect cell, plot;
      guint max_p;
      double total = cell_total (data, c, &max_p);
      g_autofree char *total_text = vigie_chart_format_value (data->value_format, total);
      g_autofree char *max_text = vigie_chart_format_value (data->value_format, g.max_value);
      g_autoptr(PangoLayout) title = vigie_chart_layout (cr, style, data->cell_titles[c], TRUE, 1);
      g_autoptr(PangoLayout) sum = vigie_chart_layout (cr, style, total_text, TRUE, 1);
      g_autoptr(PangoLayout) max = vigie_chart_layout (cr, style, max_text, FALSE, 0.8);
      double sw, tw, th, mw, mh;
      gboolean pen = FALSE;

      vigie_grid_chart_cell_rect (&g, c, &cell);
      vigie_grid_chart_plot_rect (&g, c, &plot);

      /* Title (ellipsized) and total. */
      vigie_chart_text_size (sum, &sw, NULL);
      pango_layout_set_width (title, (int) (MAX (cell.width - sw - 12, 10) * PANGO_SCALE));
      pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
      vigie_chart_text_size (title, &tw, &th);
      vigie_chart_draw_layout (cr, title, cell.x, cell.y, style->foreground);
      vigie_chart_draw_layout (cr, sum, cell.x + cell.width - sw, cell.y, style->foreground);

      /* The shared maximum: a grid line with its label; the baseline. */
      cairo_set_line_width (cr, 1);
      vigie_chart_set_colour (cr, style->grid);
      cairo_move_to (cr, plot.x, floor (plot.y) + 0.5);
      cairo_line_to (cr, plot.x + plot.width, floor (plot.y) + 0.5);
      cairo_stroke (cr);
      vigie_chart_text_size (max, &mw, &mh);
      vigie_chart_draw_layout (cr, max, plot.x, plot.y - mh - 1, style->foreground);
      vigie_chart_set_colour (cr, style->foreground);
      cairo_move_to (cr, plot.x, floor (plot.y + plot.height) + 0.5);
      cairo_line_to (cr, plot.x + plot.width, floor (plot.y + plot.height) + 0.5);
      cairo_stroke (cr);

      for (guint p = 0; p < data->n_points; p++)
        {
          VigieChartRect r;

          if (!vigie_grid_chart_point_rect (&g, data, c, p, &r))
            {
              pen = FALSE;
              continue;
            }
          if (data->kind == VIGIE_GRID_CHART_COLUMNS)
            {
              cairo_rectangle (cr, r.x, r.y, r.width, MAX (r.height, 0.5));
              vigie_chart_fill_series (cr, 0, style->accent);
            }
          else
            {
              vigie_chart_set_colour (cr, style->accent);
              if (pen)
                cairo_line_to (cr, r.x + 3, r.y + 3);
              else
                cairo_move_to (cr, r.x + 3, r.y + 3);
              pen = TRUE;
            }
        }
      if (data->kind == VIGIE_GRID_CHART_LINE)
        {
          cairo_set_line_width (cr, 2);
          cairo_stroke (cr);
          for (guint p = 0; p < data->n_points; p++)
            {
              VigieChartRect r;

              if (!vigie_grid_chart_point_rect (&g, data, c, p, &r))
                continue;
              cairo_new_sub_path (cr);
              cairo_arc (cr, r.x + 3, r.y + 3, 2.5, 0, 2 * G_PI);
            }
          vigie_chart_set_colour (cr, style->accent);
          cairo_fill (cr);
        }

      /* The cell's highest value, written on its point (unless it is the shared max). */
      if (max_p != G_MAXUINT && value_at (data, c, max_p) > 0)
        {
          VigieChartRect r;
          g_autofree char *text = vigie_chart_format_value (data->value_format,
                                                            value_at (data, c, max_p));
          g_autoptr(PangoLayout) layout = vigie_chart_layout (cr, style, text, TRUE, 0.8);
          double lw, lh, ly;

          vigie_grid_chart_point_rect (&g, data, c, max_p, &r);
          vigie_chart_text_size (layout, &lw, &lh);
          ly = MAX (r.y - lh - 1, plot.y - lh - 1);
          if (ly < plot.y && mw + 4 > r.x + r.width / 2 - lw / 2 - plot.x)
            ly = r.y + 2;   /* would cover the max label: inside the column */
          cairo_rectangle (cr, r.x + r.width / 2 - lw / 2 - 1, ly, lw + 2, lh);
          cairo_set_source_rgba (cr, style->background.red, style->background.green,
                                 style->background.blue, 0.8);
          cairo_fill (cr);
          vigie_chart_draw_layout (cr, layout, r.x + r.width / 2 - lw / 2, ly, style->foreground);
        }

      /* First and last point labels. */
      if (data->n_points > 0)
        {
          g_autoptr(PangoLayout) first = vigie_chart_layout (cr, style, data->point_labels[0],
                                                             FALSE, 0.8);
          g_autoptr(PangoLayout) last = vigie_chart_layout (cr, style,
                                                            data->point_labels[data->n_points - 1],
                                                            FALSE, 0.8);
          double lw;

          vigie_chart_draw_layout (cr, first, plot.x, plot.y + plot.height + 2,
                                   style->foreground);
          vigie_chart_text_size (last, &lw, NULL);
          if (data->n_points > 1)
            vigie_chart_draw_layout (cr, last, plot.x + plot.width - lw,
                                     plot.y + plot.height + 2, style->foreground);
        }
    }

  if (g.n_visible < data->n_cells)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more",
                                                            "and %u more",
                                                            data->n_cells - g.n_visible),
                                               data->n_cells - g.n_visible);
      g_autoptr(PangoLayout) layout = vigie_chart_layout (cr, style, more, FALSE, 0.9);
      double mw, mh;

      vigie_chart_text_size (layout, &mw, &mh);
      vigie_chart_draw_layout (cr, layout, width - PAD - mw, height - mh, style->foreground);
    }
  cairo_restore (cr);
}

char *
vigie_grid_chart_describe (const VigieGridChartData *data)
{
  GString *text;

  g_return_val_if_fail (data != NULL, NULL);

  text = g_string_new (data->title != NULL ? data->title : "");
  if (text->len > 0)
    g_string_append (text, ".");
  if (data->n_cells == 0)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, data->empty_text != NULL ? data->empty_text
                                                      : C_("chart description", "no data"));
      g_string_append_c (text, '.');
      return g_string_free (text, FALSE);
    }
  for (guint c = 0; c < data->n_cells; c++)
    {
      guint max_p;
      double total = cell_total (data, c, &max_p);
      g_autofree char *total_text = vigie_chart_format_value (data->value_format, total);

      if (text->len > 0)
        g_string_append_c (text, ' ');
      if (max_p == G_MAXUINT)
        {
          g_string_append_printf (text, C_("chart description", "%s: none."),
                                  data->cell_titles[c]);
          continue;
        }
      {
        g_autofree char *max_text = vigie_chart_format_value (data->value_format,
                                                              value_at (data, c, max_p));

        g_string_append_printf (text, C_("chart description", "%1$s: total %2$s, highest %3$s "
                                                              "in %4$s"),
                                data->cell_titles[c], total_text, max_text,
                                data->point_labels[max_p]);
        g_string_append_c (text, '.');
      }
    }
  return g_string_free (text, FALSE);
}

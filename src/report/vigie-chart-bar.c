/* vigie-chart-bar.c — horizontal bar charts with cairo and pango.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "vigie-chart-bar.h"
#include "vigie-chart-private.h"
/* Last: in a report, the chart's words follow the report's language. */
#include "vigie-report-i18n.h"

#define PAD 8.0
#define SWATCH_W 18.0
#define SWATCH_H 11.0

static gboolean
has_value (double v)
{
  return !isnan (v) && v > 0;
}

static double
value_at (const VigieBarChartData *data,
          guint                    category,
          guint                    series)
{
  return data->values[(gsize) category * data->n_series + series];
}

/* Whether every value is a whole number (counts): then ticks are too. */
static gboolean
data_whole (const VigieBarChartData *data)
{
  for (guint c = 0; c < data->n_categories; c++)
    for (guint s = 0; s < data->n_series; s++)
      {
        double v = value_at (data, c, s);

        if (has_value (v) && v != floor (v))
          return FALSE;
      }
  return TRUE;
}

static double
data_max (const VigieBarChartData *data)
{
  double max = 0;

  for (guint c = 0; c < data->n_categories; c++)
    {
      double sum = 0;

      for (guint s = 0; s < data->n_series; s++)
        {
          double v = value_at (data, c, s);

          if (!has_value (v))
            continue;
          if (data->mode == VIGIE_BAR_CHART_STACKED)
            sum += v;
          else
            max = MAX (max, v);
        }
      max = MAX (max, sum);
    }
  return max;
}

/* The widest value label plus note of any category, for the space right of the bars. */
static double
trailing_width (cairo_t                 *cr,
                const VigieBarChartData *data,
                const VigieChartStyle   *style)
{
  double widest = 0;

  for (guint c = 0; c < data->n_categories; c++)
    {
      double w = 0;

      if (data->mode == VIGIE_BAR_CHART_STACKED)
        {
          double sum = 0;

          for (guint s = 0; s < data->n_series; s++)
            if (has_value (value_at (data, c, s)))
              sum += value_at (data, c, s);
          if (sum > 0)
            {
              g_autofree char *label = vigie_chart_format_value (data->value_format, sum);
              g_autoptr(PangoLayout) layout = vigie_chart_layout (cr, style, label, TRUE, 1);

              vigie_chart_text_size (layout, &w, NULL);
            }
        }
      else
        for (guint s = 0; s < data->n_series; s++)
          if (has_value (value_at (data, c, s)))
            {
              g_autofree char *label = vigie_chart_format_value (data->value_format,
                                                                 value_at (data, c, s));
              g_autoptr(PangoLayout) layout = vigie_chart_layout (cr, style, label, FALSE, 1);
              double lw;

              vigie_chart_text_size (layout, &lw, NULL);
              w = MAX (w, lw);
            }
      if (data->category_notes != NULL && data->category_notes[c] != NULL
          && data->category_notes[c][0] != '\0')
        {
          g_autoptr(PangoLayout) layout = vigie_chart_layout (cr, style, data->category_notes[c],
                                                              TRUE, 0.9);
          double nw;

          vigie_chart_text_size (layout, &nw, NULL);
          w += 8 + nw;
        }
      widest = MAX (widest, w);
    }
  return widest;
}

/* Legend entries flow left to right, wrapping; returns the height used. When DRAW, draws. */
static double
legend_layout (cairo_t                 *cr,
               const VigieBarChartData *data,
               const VigieChartStyle   *style,
               double                   x0,
               double                   y0,
               double                   width,
               gboolean                 draw)
{
  double x = x0, y = y0, line_h = 0;

  if (data->n_series < 2 || data->series_names == NULL)
    return 0;
  for (guint s = 0; s < data->n_series; s++)
    {
      g_autoptr(PangoLayout) layout = vigie_chart_layout (cr, style, data->series_names[s], FALSE,
                                                          1);
      double tw, th, entry_w;

      vigie_chart_text_size (layout, &tw, &th);
      entry_w = SWATCH_W + 6 + tw + 16;
      if (x > x0 && x + entry_w > x0 + width)
        {
          x = x0;
          y += line_h + 4;
          line_h = 0;
        }
      line_h = MAX (line_h, MAX (th, SWATCH_H));
      if (draw)
        {
          cairo_rectangle (cr, x, y + (th - SWATCH_H) / 2, SWATCH_W, SWATCH_H);
          vigie_chart_fill_series (cr, s, vigie_chart_style_series_colour (style, s));
          cairo_rectangle (cr, x + 0.5, y + (th - SWATCH_H) / 2 + 0.5, SWATCH_W - 1, SWATCH_H - 1);
          vigie_chart_set_colour (cr, style->foreground);
          cairo_set_line_width (cr, 1);
          cairo_stroke (cr);
          cairo_move_to (cr, x + SWATCH_W + 6, y);
          pango_cairo_show_layout (cr, layout);
        }
      x += entry_w;
    }
  return y + line_h - y0 + 8;
}

gboolean
vigie_bar_chart_compute_geometry (cairo_t                 *cr,
                                  const VigieBarChartData *data,
                                  const VigieChartStyle   *style,
                                  double                   width,
                                  double                   height,
                                  VigieBarChartGeometry   *g)
{
  double line_h, axis_h, trailing, min_row, max_row, plot_h;

  g_return_val_if_fail (data != NULL && style != NULL && g != NULL, FALSE);

  memset (g, 0, sizeof *g);
  if (width < 4 * PAD || height < 4 * PAD)
    return FALSE;

  {
    g_autoptr(PangoLayout) probe = vigie_chart_layout (cr, style, "Hg", FALSE, 1);

    vigie_chart_text_size (probe, NULL, &line_h);
  }
  g->title_height = vigie_chart_title (cr, style, data->title, PAD, 0, width - 2 * PAD, FALSE);
  g->legend_height = legend_layout (cr, data, style, PAD, 0, width - 2 * PAD, FALSE);

  for (guint c = 0; c < data->n_categories; c++)
    {
      g_autoptr(PangoLayout) layout = vigie_chart_layout (cr, style, data->categories[c], FALSE, 1);
      double tw;

      vigie_chart_text_size (layout, &tw, NULL);
      g->label_width = MAX (g->label_width, tw);
    }
  g->label_width = MIN (g->label_width + 8, width * 0.34);
  trailing = MIN (trailing_width (cr, data, style) + 8, width * 0.36);
  axis_h = line_h + 6;

  g->plot.x = PAD + g->label_width;
  g->plot.y = PAD + g->title_height + g->legend_height;
  g->plot.width = width - PAD - g->plot.x - trailing;
  plot_h = height - g->plot.y - PAD - axis_h;
  if (g->plot.width < 20 || plot_h < line_h)
    return FALSE;

  if (data->mode == VIGIE_BAR_CHART_GROUPED && data->n_series > 1)
    {
      min_row = data->n_series * MAX (line_h * 0.9, 8) + 8;
      max_row = data->n_series * line_h * 1.6 + 12;
    }
  else
    {
      min_row = line_h * 1.5;
      max_row = line_h * 3;
    }
  if (data->n_categories == 0)
    g->row_height = max_row;
  else
    g->row_height = CLAMP (plot_h / data->n_categories, min_row, max_row);
  g->n_visible = MIN (data->n_categories, (guint) floor (plot_h / g->row_height));
  g->plot.height = g->row_height * MAX (g->n_visible, 1);
  if (data->mode == VIGIE_BAR_CHART_GROUPED && data->n_series > 1)
    g->bar_height = (g->row_height - 8) / data->n_series;
  else
    g->bar_height = g->row_height * 0.62;

  g->max_value = data_max (data);
  if (g->max_value <= 0)
    g->max_value = 1;
  g->tick_step = vigie_chart_nice_step (g->max_value, g->plot.width > 300 ? 5 : 3);
  /* Counts of 1 or 2 would otherwise get ticks at 0.2, 0.4… printed as "0 0 1". */
  if (g->tick_step < 1 && data_whole (data))
    g->tick_step = 1;
  g->max_value = ceil (g->max_value / g->tick_step - 1e-9) * g->tick_step;
  return TRUE;
}

gboolean
vigie_bar_chart_bar_rect (const VigieBarChartGeometry *g,
                          const VigieBarChartData     *data,
                          guint                        category,
                          guint                        series,
                          VigieChartRect              *rect)
{
  double v, row_y, start = 0;

  g_return_val_if_fail (g != NULL && data != NULL && rect != NULL, FALSE);

  if (category >= g->n_visible || series >= data->n_series || g->max_value <= 0)
    return FALSE;
  v = value_at (data, category, series);
  if (!has_value (v))
    return FALSE;
  row_y = g->plot.y + category * g->row_height;
  if (data->mode == VIGIE_BAR_CHART_STACKED || data->n_series < 2)
    {
      for (guint s = 0; s < series; s++)
        if (has_value (value_at (data, category, s)))
          start += value_at (data, category, s);
      rect->y = row_y + (g->row_height - g->bar_height) / 2;
    }
  else
    rect->y = row_y + 4 + series * g->bar_height;
  rect->x = g->plot.x + start / g->max_value * g->plot.width;
  rect->width = v / g->max_value * g->plot.width;
  rect->height = data->mode == VIGIE_BAR_CHART_GROUPED && data->n_series > 1
                 ? g->bar_height - 2 : g->bar_height;
  return TRUE;
}

gboolean
vigie_bar_chart_hit_test (const VigieBarChartGeometry *g,
                          const VigieBarChartData     *data,
                          double                       x,
                          double                       y,
                          guint                       *category,
                          guint                       *series)
{
  guint c;

  g_return_val_if_fail (g != NULL && data != NULL, FALSE);

  if (y < g->plot.y || y >= g->plot.y + g->n_visible * g->row_height || x < PAD)
    return FALSE;
  c = (guint) floor ((y - g->plot.y) / g->row_height);
  if (c >= g->n_visible)
    return FALSE;
  if (category != NULL)
    *category = c;
  if (series != NULL)
    *series = G_MAXUINT;
  for (guint s = 0; s < data->n_series; s++)
    {
      VigieChartRect r;

      if (vigie_bar_chart_bar_rect (g, data, c, s, &r)
          && x >= r.x && x < r.x + MAX (r.width, 1) && y >= r.y && y < r.y + r.height)
        {
          if (series != NULL)
            *series = s;
          break;
        }
    }
  return TRUE;
}

void
vigie_chart_fill_series (cairo_t   *cr,
                         guint      index,
                         VigieChartRgba  colour)
{
  double x1, y1, x2, y2;
  guint pattern = index % 6;

  cairo_save (cr);
  if (pattern == 0)
    {
      vigie_chart_set_colour (cr, colour);
      cairo_fill (cr);
      cairo_restore (cr);
      return;
    }

  cairo_clip_preserve (cr);
  cairo_set_source_rgba (cr, colour.red, colour.green, colour.blue, colour.alpha * 0.28);
  cairo_fill_preserve (cr);
  cairo_path_extents (cr, &x1, &y1, &x2, &y2);
  cairo_new_path (cr);
  vigie_chart_set_colour (cr, colour);
  cairo_set_line_width (cr, 1.6);
  switch (pattern)
    {
    case 1:   /* diagonal hatching */
    case 5:   /* reverse diagonal */
      for (double d = -(y2 - y1); d < (x2 - x1) + (y2 - y1); d += 5)
        {
          if (pattern == 1)
            {
              cairo_move_to (cr, x1 + d, y2);
              cairo_line_to (cr, x1 + d + (y2 - y1), y1);
            }
          else
            {
              cairo_move_to (cr, x1 + d, y1);
              cairo_line_to (cr, x1 + d + (y2 - y1), y2);
            }
        }
      cairo_stroke (cr);
      break;
    case 2:   /* dots */
      for (double y = y1 + 2; y < y2; y += 4.5)
        for (double x = x1 + 2 + (fmod (y - y1, 9) > 4 ? 2.25 : 0); x < x2; x += 4.5)
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, x, y, 1.2, 0, 2 * G_PI);
          }
      cairo_fill (cr);
      break;
    case 3:   /* cross-hatching */
      for (double d = -(y2 - y1); d < (x2 - x1) + (y2 - y1); d += 6)
        {
          cairo_move_to (cr, x1 + d, y2);
          cairo_line_to (cr, x1 + d + (y2 - y1), y1);
          cairo_move_to (cr, x1 + d, y1);
          cairo_line_to (cr, x1 + d + (y2 - y1), y2);
        }
      cairo_set_line_width (cr, 1.1);
      cairo_stroke (cr);
      break;
    default:  /* horizontal lines */
      for (double y = y1 + 1.5; y < y2; y += 3.5)
        {
          cairo_move_to (cr, x1, y);
          cairo_line_to (cr, x2, y);
        }
      cairo_set_line_width (cr, 1.2);
      cairo_stroke (cr);
      break;
    }
  cairo_restore (cr);
}

void
vigie_chart_bar_render (cairo_t                 *cr,
                        const VigieBarChartData *data,
                        const VigieChartStyle   *style,
                        double                   width,
                        double                   height)
{
  VigieBarChartGeometry g;

  g_return_if_fail (cr != NULL && data != NULL && style != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  if (style->background.alpha > 0)
    {
      vigie_chart_set_colour (cr, style->background);
      cairo_paint (cr);
    }

  if (!vigie_bar_chart_compute_geometry (cr, data, style, width, height, &g))
    {
      cairo_restore (cr);
      return;
    }

  vigie_chart_title (cr, style, data->title, PAD, PAD, width - 2 * PAD, TRUE);
  legend_layout (cr, data, style, PAD, PAD + g.title_height, width - 2 * PAD, TRUE);

  if (data->n_categories == 0)
    {
      vigie_chart_empty_text (cr, style, data->empty_text, 0, width, height);
      cairo_restore (cr);
      return;
    }

  /* Grid and value axis. */
  cairo_set_line_width (cr, 1);
  for (double v = 0; v <= g.max_value + 1e-9; v += g.tick_step)
    {
      double x = floor (g.plot.x + v / g.max_value * g.plot.width) + 0.5;
      g_autofree char *label = vigie_chart_format_value (data->value_format, v);
      g_autoptr(PangoLayout) layout = vigie_chart_layout (cr, style, label, FALSE, 0.9);
      double tw;

      vigie_chart_set_colour (cr, style->grid);
      cairo_move_to (cr, x, g.plot.y);
      cairo_line_to (cr, x, g.plot.y + g.plot.height);
      cairo_stroke (cr);
      vigie_chart_text_size (layout, &tw, NULL);
      vigie_chart_draw_layout (cr, layout, x - tw / 2, g.plot.y + g.plot.height + 4,
                               style->foreground);
    }

  for (guint c = 0; c < g.n_visible; c++)
    {
      double row_y = g.plot.y + c * g.row_height;
      double end_x = g.plot.x, sum = 0;
      g_autoptr(PangoLayout) label = vigie_chart_layout (cr, style, data->categories[c], FALSE, 1);
      double lw, lh;

      pango_layout_set_width (label, (int) ((g.label_width - 8) * PANGO_SCALE));
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (label, PANGO_ALIGN_RIGHT);
      vigie_chart_text_size (label, &lw, &lh);
      vigie_chart_draw_layout (cr, label, PAD, row_y + (g.row_height - lh) / 2, style->foreground);

      for (guint s = 0; s < data->n_series; s++)
        {
          VigieChartRect r;
          double v = value_at (data, c, s);

          if (!vigie_bar_chart_bar_rect (&g, data, c, s, &r))
            continue;
          cairo_rectangle (cr, r.x, r.y, MAX (r.width, 1), r.height);
          vigie_chart_fill_series (cr, s, vigie_chart_style_series_colour (style, s));
          sum += v;
          end_x = MAX (end_x, r.x + r.width);

          if (data->mode == VIGIE_BAR_CHART_GROUPED && data->n_series > 1)
            {
              g_autofree char *text = vigie_chart_format_value (data->value_format, v);
              g_autoptr(PangoLayout) layout = vigie_chart_layout (cr, style, text, FALSE, 0.9);
              double th;

              vigie_chart_text_size (layout, NULL, &th);
              vigie_chart_draw_layout (cr, layout, r.x + r.width + 4, r.y + (r.height - th) / 2,
                                       style->foreground);
            }
          else if (data->n_series > 1)
            {
              /* A segment's value inside it, on a light plate, when it fits. */
              g_autofree char *text = vigie_chart_format_value (data->value_format, v);
              g_autoptr(PangoLayout) layout = vigie_chart_layout (cr, style, text, FALSE, 0.85);
              double tw, th;

              vigie_chart_text_size (layout, &tw, &th);
              if (tw + 6 < r.width && th < r.height)
                {
                  double px = r.x + (r.width - tw) / 2, py = r.y + (r.height - th) / 2;

                  cairo_rectangle (cr, px - 2, py, tw + 4, th);
                  cairo_set_source_rgba (cr, style->background.red, style->background.green,
                                         style->background.blue, 0.85);
                  cairo_fill (cr);
                  vigie_chart_draw_layout (cr, layout, px, py, style->foreground);
                }
            }
        }

      {
        double x = end_x + 5;
        gboolean group_h = data->mode == VIGIE_BAR_CHART_GROUPED && data->n_series > 1;

        if (!group_h && sum > 0)
          {
            g_autofree char *text = vigie_chart_format_value (data->value_format, sum);
            g_autoptr(PangoLayout) layout = vigie_chart_layout (cr, style, text, TRUE, 1);
            double tw, th;

            vigie_chart_text_size (layout, &tw, &th);
            vigie_chart_draw_layout (cr, layout, x, row_y + (g.row_height - th) / 2,
                                     style->foreground);
            x += tw + 8;
          }
        else if (group_h)
          x = g.plot.x + g.plot.width + 40;
        if (data->category_notes != NULL && data->category_notes[c] != NULL
            && data->category_notes[c][0] != '\0')
          {
            g_autoptr(PangoLayout) layout = vigie_chart_layout (cr, style,
                                                                data->category_notes[c], TRUE,
                                                                0.9);
            double th;

            pango_layout_set_width (layout, (int) (MAX (width - PAD - x, 10) * PANGO_SCALE));
            pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
            vigie_chart_text_size (layout, NULL, &th);
            vigie_chart_draw_layout (cr, layout, x, row_y + (g.row_height - th) / 2, style->alert);
          }
      }
    }

  /* The baseline. */
  vigie_chart_set_colour (cr, style->foreground);
  cairo_move_to (cr, floor (g.plot.x) + 0.5, g.plot.y);
  cairo_line_to (cr, floor (g.plot.x) + 0.5, g.plot.y + g.plot.height);
  cairo_stroke (cr);

  if (g.n_visible < data->n_categories)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "and %u more",
                                                            "and %u more",
                                                            data->n_categories - g.n_visible),
                                               data->n_categories - g.n_visible);
      g_autoptr(PangoLayout) layout = vigie_chart_layout (cr, style, more, FALSE, 0.9);
      double th;

      vigie_chart_text_size (layout, NULL, &th);
      vigie_chart_draw_layout (cr, layout, PAD, height - PAD - th, style->foreground);
    }
  cairo_restore (cr);
}

/* vigie-chart-line.c — line and area charts with cairo and pango.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "vigie-chart-line.h"
#include "vigie-chart-private.h"
/* Last: in a report, the chart's words follow the report's language. */
#include "vigie-report-i18n.h"

#define PAD VIGIE_CHART_PAD
#define MARKER 3.5

static double
value_at (const VigieLineChartData *data,
          guint                     series,
          guint                     point)
{
  return data->values[(gsize) series * data->n_points + point];
}

static void
set_dash (cairo_t *cr,
          guint    series)
{
  static const double dashes[][2] = { { 0, 0 }, { 7, 4 }, { 2, 3 }, { 9, 3 } };
  guint i = series % G_N_ELEMENTS (dashes);

  if (i == 0)
    cairo_set_dash (cr, NULL, 0, 0);
  else
    cairo_set_dash (cr, dashes[i], 2, 0);
}

/* A filled marker of SERIES' shape at (X, Y), outlined with the background. */
static void
draw_marker (cairo_t               *cr,
             const VigieChartStyle *style,
             guint                  series,
             double                 x,
             double                 y,
             double                 size)
{
  cairo_new_path (cr);
  switch (series % 4)
    {
    case 0:
      cairo_arc (cr, x, y, size, 0, 2 * G_PI);
      break;
    case 1:
      cairo_rectangle (cr, x - size, y - size, 2 * size, 2 * size);
      break;
    case 2:
      cairo_move_to (cr, x, y - size * 1.25);
      cairo_line_to (cr, x + size * 1.2, y + size * 0.9);
      cairo_line_to (cr, x - size * 1.2, y + size * 0.9);
      cairo_close_path (cr);
      break;
    default:
      cairo_move_to (cr, x, y - size * 1.3);
      cairo_line_to (cr, x + size * 1.3, y);
      cairo_line_to (cr, x, y + size * 1.3);
      cairo_line_to (cr, x - size * 1.3, y);
      cairo_close_path (cr);
      break;
    }
  vigie_chart_set_colour (cr, vigie_chart_style_series_colour (style, series));
  cairo_fill_preserve (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_width (cr, 1);
  cairo_set_source_rgba (cr, style->background.red, style->background.green,
                         style->background.blue, 1);
  cairo_stroke (cr);
}

static double
legend_layout (cairo_t                  *cr,
               const VigieLineChartData *data,
               const VigieChartStyle    *style,
               double                    x0,
               double                    y0,
               double                    width,
               gboolean                  draw)
{
  double x = x0, y = y0, line_h = 0;

  if (data->n_series < 2 || data->series_names == NULL)
    return 0;
  for (guint s = 0; s < data->n_series; s++)
    {
      g_autoptr(PangoLayout) layout = vigie_chart_layout (cr, style, data->series_names[s],
                                                          FALSE, 1);
      double tw, th, entry_w;

      vigie_chart_text_size (layout, &tw, &th);
      entry_w = 26 + 6 + tw + 16;
      if (x > x0 && x + entry_w > x0 + width)
        {
          x = x0;
          y += line_h + 4;
          line_h = 0;
        }
      line_h = MAX (line_h, th);
      if (draw)
        {
          vigie_chart_set_colour (cr, vigie_chart_style_series_colour (style, s));
          cairo_set_line_width (cr, 2);
          set_dash (cr, s);
          cairo_move_to (cr, x, y + th / 2);
          cairo_line_to (cr, x + 26, y + th / 2);
          cairo_stroke (cr);
          draw_marker (cr, style, s, x + 13, y + th / 2, MARKER);
          vigie_chart_draw_layout (cr, layout, x + 32, y, style->foreground);
        }
      x += entry_w;
    }
  return y + line_h - y0 + 8;
}

static double
data_max (const VigieLineChartData *data)
{
  double max = 0;

  for (guint s = 0; s < data->n_series; s++)
    for (guint p = 0; p < data->n_points; p++)
      if (!isnan (value_at (data, s, p)))
        max = MAX (max, value_at (data, s, p));
  return max;
}

gboolean
vigie_line_chart_compute_geometry (cairo_t                  *cr,
                                   const VigieLineChartData *data,
                                   const VigieChartStyle    *style,
                                   double                    width,
                                   double                    height,
                                   VigieLineChartGeometry   *g)
{
  double line_h, widest_label = 0, widest_value = 0, plot_h;

  g_return_val_if_fail (data != NULL && style != NULL && g != NULL, FALSE);

  memset (g, 0, sizeof *g);
  if (width < 6 * PAD || height < 6 * PAD)
    return FALSE;
  {
    g_autoptr(PangoLayout) probe = vigie_chart_layout (cr, style, "Hg", FALSE, 0.9);

    vigie_chart_text_size (probe, NULL, &line_h);
  }
  g->title_height = vigie_chart_title (cr, style, data->title, PAD, PAD, width - 2 * PAD,
                                       FALSE);
  g->legend_height = legend_layout (cr, data, style, PAD, 0, width - 2 * PAD, FALSE);

  g->max_value = data_max (data);
  if (g->max_value <= 0)
    g->max_value = 1;
  plot_h = height - PAD - g->title_height - g->legend_height - line_h * 1.2 - 4 - PAD;
  g->tick_step = vigie_chart_nice_step (g->max_value, plot_h > 160 ? 5 : 3);
  g->max_value = ceil (g->max_value / g->tick_step - 1e-9) * g->tick_step;
  for (double v = 0; v <= g->max_value + 1e-9; v += g->tick_step)
    {
      g_autofree char *text = vigie_chart_format_value (data->value_format, v);
      g_autoptr(PangoLayout) layout = vigie_chart_layout (cr, style, text, FALSE, 0.9);
      double tw;

      vigie_chart_text_size (layout, &tw, NULL);
      g->axis_width = MAX (g->axis_width, tw + 6);
    }

  g->plot.x = PAD + g->axis_width;
  /* Room above the plot for the value label of the highest point. */
  g->plot.y = PAD + g->title_height + g->legend_height + line_h;
  g->plot.width = width - PAD - g->plot.x - PAD;
  g->plot.height = height - g->plot.y - PAD - line_h * 1.2 - 4;
  if (g->plot.width < 30 || g->plot.height < 2 * line_h)
    return FALSE;
  if (data->n_points == 0)
    return TRUE;

  g->x_step = data->n_points > 1 ? g->plot.width / (data->n_points - 1) : g->plot.width;
  for (guint p = 0; p < data->n_points; p++)
    {
      g_autoptr(PangoLayout) layout = vigie_chart_layout (cr, style, data->point_labels[p],
                                                          FALSE, 0.9);
      double tw;

      vigie_chart_text_size (layout, &tw, NULL);
      widest_label = MAX (widest_label, tw);
      for (guint s = 0; s < data->n_series; s++)
        if (!isnan (value_at (data, s, p)))
          {
            g_autofree char *text = vigie_chart_format_value (data->value_format,
                                                              value_at (data, s, p));
            g_autoptr(PangoLayout) value = vigie_chart_layout (cr, style, text, FALSE, 0.85);
            double vw;

            vigie_chart_text_size (value, &vw, NULL);
            widest_value = MAX (widest_value, vw);
          }
    }
  g->label_every = MAX (1, (guint) ceil ((widest_label + 8) / MAX (g->x_step, 1)));
  g->label_all_points = widest_value + 4 < g->x_step;
  return TRUE;
}

gboolean
vigie_line_chart_point (const VigieLineChartGeometry *g,
                        const VigieLineChartData     *data,
                        guint                         series,
                        guint                         point,
                        double                       *x,
                        double                       *y)
{
  double v;

  g_return_val_if_fail (g != NULL && data != NULL, FALSE);

  if (series >= data->n_series || point >= data->n_points || g->max_value <= 0)
    return FALSE;
  v = value_at (data, series, point);
  if (isnan (v))
    return FALSE;
  if (x != NULL)
    *x = data->n_points > 1 ? g->plot.x + point * g->x_step : g->plot.x + g->plot.width / 2;
  if (y != NULL)
    *y = g->plot.y + g->plot.height - MAX (v, 0) / g->max_value * g->plot.height;
  return TRUE;
}

gboolean
vigie_line_chart_hit_test (const VigieLineChartGeometry *g,
                           const VigieLineChartData     *data,
                           double                        x,
                           double                        y,
                           guint                        *series,
                           guint                        *point)
{
  double best = G_MAXDOUBLE, half;
  guint p, found = G_MAXUINT;

  g_return_val_if_fail (g != NULL && data != NULL, FALSE);

  if (data->n_points == 0)
    return FALSE;
  half = data->n_points > 1 ? g->x_step / 2 : g->plot.width / 2;
  if (x < g->plot.x - half || x > g->plot.x + g->plot.width + half
      || y < g->plot.y - PAD || y > g->plot.y + g->plot.height + PAD)
    return FALSE;
  if (data->n_points > 1)
    p = (guint) CLAMP (floor ((x - g->plot.x) / g->x_step + 0.5), 0, data->n_points - 1);
  else
    p = 0;
  for (guint s = 0; s < data->n_series; s++)
    {
      double py;

      if (vigie_line_chart_point (g, data, s, p, NULL, &py) && fabs (py - y) < best)
        {
          best = fabs (py - y);
          found = s;
        }
    }
  if (series != NULL)
    *series = found;
  if (point != NULL)
    *point = p;
  return TRUE;
}

static void
draw_value_label (cairo_t                  *cr,
                  const VigieLineChartData *data,
                  const VigieChartStyle    *style,
                  guint                     series,
                  gboolean                  above,
                  double                    value,
                  double                    x,
                  double                    y,
                  const VigieChartRect     *plot)
{
  g_autofree char *text = vigie_chart_format_value (data->value_format, value);
  g_autoptr(PangoLayout) layout = vigie_chart_layout (cr, style, text, series == 0, 0.85);
  double tw, th, ty;

  vigie_chart_text_size (layout, &tw, &th);
  /* Above the point, unless another series is higher here: then below, away from it. */
  ty = above ? y - th - 3 : y + 4;
  if (ty + th > plot->y + plot->height)
    ty = y - th - 3;
  cairo_rectangle (cr, x - tw / 2 - 1, ty, tw + 2, th);
  cairo_set_source_rgba (cr, style->background.red, style->background.green,
                         style->background.blue, style->background.alpha > 0 ? 0.8 : 0.6);
  cairo_fill (cr);
  vigie_chart_draw_layout (cr, layout, CLAMP (x - tw / 2, plot->x - PAD, plot->x + plot->width
                                                           + PAD - tw), ty, style->foreground);
}

void
vigie_chart_line_render (cairo_t                  *cr,
                         const VigieLineChartData *data,
                         const VigieChartStyle    *style,
                         double                    width,
                         double                    height)
{
  VigieLineChartGeometry g;

  g_return_if_fail (cr != NULL && data != NULL && style != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  if (style->background.alpha > 0)
    {
      vigie_chart_set_colour (cr, style->background);
      cairo_paint (cr);
    }
  if (!vigie_line_chart_compute_geometry (cr, data, style, width, height, &g))
    {
      cairo_restore (cr);
      return;
    }
  vigie_chart_title (cr, style, data->title, PAD, PAD, width - 2 * PAD, TRUE);
  legend_layout (cr, data, style, PAD, PAD + g.title_height, width - 2 * PAD, TRUE);
  if (data->n_points == 0)
    {
      vigie_chart_empty_text (cr, style, data->empty_text, g.plot.y, width, height);
      cairo_restore (cr);
      return;
    }

  /* Value axis: grid lines and labels. */
  cairo_set_line_width (cr, 1);
  for (double v = 0; v <= g.max_value + 1e-9; v += g.tick_step)
    {
      double y = floor (g.plot.y + g.plot.height - v / g.max_value * g.plot.height) + 0.5;
      g_autofree char *text = vigie_chart_format_value (data->value_format, v);
      g_autoptr(PangoLayout) layout = vigie_chart_layout (cr, style, text, FALSE, 0.9);
      double tw, th;

      vigie_chart_set_colour (cr, v == 0 ? style->foreground : style->grid);
      cairo_move_to (cr, g.plot.x, y);
      cairo_line_to (cr, g.plot.x + g.plot.width, y);
      cairo_stroke (cr);
      vigie_chart_text_size (layout, &tw, &th);
      vigie_chart_draw_layout (cr, layout, g.plot.x - 6 - tw, y - th / 2, style->foreground);
    }
  /* Category labels, thinned to fit; the last one is always written. */
  for (guint p = 0; p < data->n_points; p++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      double x, tw;

      if (p % g.label_every != 0 && p != data->n_points - 1)
        continue;
      if (p != data->n_points - 1 && data->n_points - 1 - p < g.label_every
          && (data->n_points - 1) % g.label_every != 0)
        continue;
      layout = vigie_chart_layout (cr, style, data->point_labels[p], FALSE, 0.9);
      vigie_chart_text_size (layout, &tw, NULL);
      x = data->n_points > 1 ? g.plot.x + p * g.x_step : g.plot.x + g.plot.width / 2;
      vigie_chart_set_colour (cr, style->foreground);
      cairo_move_to (cr, floor (x) + 0.5, g.plot.y + g.plot.height);
      cairo_line_to (cr, floor (x) + 0.5, g.plot.y + g.plot.height + 3);
      cairo_stroke (cr);
      vigie_chart_draw_layout (cr, layout, CLAMP (x - tw / 2, PAD, width - PAD - tw),
                               g.plot.y + g.plot.height + 4, style->foreground);
    }

  /* Areas first (under every line), then lines, markers and values. */
  if (data->area)
    for (guint s = 0; s < data->n_series; s++)
      {
        VigieChartRgba c = vigie_chart_style_series_colour (style, s);
        gboolean open = FALSE;
        double first_x = 0, last_x = 0, base = g.plot.y + g.plot.height;

        cairo_new_path (cr);
        for (guint p = 0; p <= data->n_points; p++)
          {
            double x, y;

            if (p < data->n_points && vigie_line_chart_point (&g, data, s, p, &x, &y))
              {
                if (!open)
                  {
                    cairo_move_to (cr, x, base);
                    first_x = x;
                    open = TRUE;
                  }
                cairo_line_to (cr, x, y);
                last_x = x;
              }
            else if (open)
              {
                cairo_line_to (cr, last_x, base);
                cairo_line_to (cr, first_x, base);
                cairo_close_path (cr);
                open = FALSE;
              }
          }
        cairo_set_source_rgba (cr, c.red, c.green, c.blue, c.alpha * 0.16);
        cairo_fill (cr);
      }
  for (guint s = 0; s < data->n_series; s++)
    {
      gboolean pen = FALSE;

      cairo_new_path (cr);
      for (guint p = 0; p < data->n_points; p++)
        {
          double x, y;

          if (!vigie_line_chart_point (&g, data, s, p, &x, &y))
            {
              pen = FALSE;
              continue;
            }
          if (pen)
            cairo_line_to (cr, x, y);
          else
            cairo_move_to (cr, x, y);
          pen = TRUE;
        }
      vigie_chart_set_colour (cr, vigie_chart_style_series_colour (style, s));
      cairo_set_line_width (cr, 2);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      set_dash (cr, s);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  for (guint s = 0; s < data->n_series; s++)
    {
      guint max_p = G_MAXUINT, last_p = G_MAXUINT;

      for (guint p = 0; p < data->n_points; p++)
        if (!isnan (value_at (data, s, p)))
          {
            if (max_p == G_MAXUINT || value_at (data, s, p) > value_at (data, s, max_p))
              max_p = p;
            last_p = p;
          }
      for (guint p = 0; p < data->n_points; p++)
        {
          double x, y;

          if (!vigie_line_chart_point (&g, data, s, p, &x, &y))
            continue;
          draw_marker (cr, style, s, x, y, MARKER);
          if (g.label_all_points || p == max_p || p == last_p)
            {
              gboolean above = TRUE;

              for (guint o = 0; o < data->n_series; o++)
                if (o != s && !isnan (value_at (data, o, p))
                    && (value_at (data, o, p) > value_at (data, s, p)
                        || (value_at (data, o, p) == value_at (data, s, p) && o < s)))
                  above = FALSE;
              draw_value_label (cr, data, style, s, above, value_at (data, s, p), x, y,
                                &g.plot);
            }
        }
    }
  cairo_restore (cr);
}

char *
vigie_line_chart_describe (const VigieLineChartData *data)
{
  GString *text;

  g_return_val_if_fail (data != NULL, NULL);

  text = g_string_new (data->title != NULL ? data->title : "");
  if (text->len > 0)
    g_string_append (text, ". ");
  if (data->n_points == 0)
    {
      g_string_append (text, data->empty_text != NULL ? data->empty_text
                                                      : C_("chart description", "no data"));
      g_string_append_c (text, '.');
      return g_string_free (text, FALSE);
    }
  for (guint s = 0; s < data->n_series; s++)
    {
      double total = 0;
      guint max_p = G_MAXUINT;
      g_autofree char *total_text = NULL;
      g_autofree char *max_text = NULL;

      for (guint p = 0; p < data->n_points; p++)
        if (!isnan (value_at (data, s, p)))
          {
            total += value_at (data, s, p);
            if (max_p == G_MAXUINT || value_at (data, s, p) > value_at (data, s, max_p))
              max_p = p;
          }
      if (s > 0)
        g_string_append_c (text, ' ');
      total_text = vigie_chart_format_value (data->value_format, total);
      if (max_p == G_MAXUINT)
        {
          /* Translators: a series of a line chart without any value, e.g. "Closures: none." */
          g_string_append_printf (text, C_("chart description", "%s: none."),
                                  data->series_names != NULL ? data->series_names[s] : "");
          continue;
        }
      max_text = vigie_chart_format_value (data->value_format, value_at (data, s, max_p));
      /* Translators: one series of a line chart: name, total, highest value and where, e.g.
       * "Findings: total 120, highest 18 in March" */
      g_string_append_printf (text, C_("chart description", "%1$s: total %2$s, highest %3$s in "
                                                            "%4$s"),
                              data->series_names != NULL ? data->series_names[s] : "",
                              total_text, max_text, data->point_labels[max_p]);
      g_string_append (text, " (");
      for (guint p = 0; p < data->n_points; p++)
        {
          g_autofree char *v = NULL;

          if (isnan (value_at (data, s, p)))
            continue;
          v = vigie_chart_format_value (data->value_format, value_at (data, s, p));
          g_string_append_printf (text, "%s%s %s", p > 0 ? C_("chart description", ", ") : "",
                                  data->point_labels[p], v);
        }
      g_string_append (text, ").");
    }
  return g_string_free (text, FALSE);
}

/* vigie-chart-donut.c — donut charts with cairo and pango.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "vigie-chart-donut.h"
#include "vigie-chart-private.h"
/* Last: in a report, the chart's words follow the report's language. */
#include "vigie-report-i18n.h"

#define PAD VIGIE_CHART_PAD
#define SWATCH 14.0

static gboolean
has_value (double v)
{
  return !isnan (v) && v > 0;
}

static double
data_total (const VigieDonutChartData *data)
{
  double total = 0;

  for (guint i = 0; i < data->n_slices; i++)
    if (has_value (data->values[i]))
      total += data->values[i];
  return total;
}

/* "12 (40 %)" */
static char *
value_and_share (const VigieDonutChartData *data,
                 double                     value,
                 double                     total)
{
  g_autofree char *text = vigie_chart_format_value (data->value_format, value);

  /* Translators: a value and its share of the total, e.g. "12 (40 %)" */
  return g_strdup_printf (C_("chart", "%1$s (%2$.0f %%)"), text,
                          total > 0 ? value / total * 100 : 0);
}

gboolean
vigie_donut_chart_compute_geometry (cairo_t                   *cr,
                                    const VigieDonutChartData *data,
                                    const VigieChartStyle     *style,
                                    double                     width,
                                    double                     height,
                                    VigieDonutChartGeometry   *g)
{
  double line_h, legend_w = 0, avail_h, ring;

  g_return_val_if_fail (data != NULL && style != NULL && g != NULL, FALSE);

  memset (g, 0, sizeof *g);
  if (width < 6 * PAD || height < 6 * PAD)
    return FALSE;
  {
    g_autoptr(PangoLayout) probe = vigie_chart_layout (cr, style, "Hg", FALSE, 1);

    vigie_chart_text_size (probe, NULL, &line_h);
  }
  g->title_height = vigie_chart_title (cr, style, data->title, PAD, PAD, width - 2 * PAD,
                                       FALSE);
  g->total = data_total (data);
  g->legend_row_height = MAX (line_h, SWATCH) + 6;
  for (guint i = 0; i < data->n_slices; i++)
    {
      g_autofree char *value = value_and_share (data, has_value (data->values[i])
                                                      ? data->values[i] : 0, g->total);
      g_autoptr(PangoLayout) label = vigie_chart_layout (cr, style, data->labels[i], FALSE, 1);
      g_autoptr(PangoLayout) number = vigie_chart_layout (cr, style, value, TRUE, 1);
      double lw, nw;

      vigie_chart_text_size (label, &lw, NULL);
      vigie_chart_text_size (number, &nw, NULL);
      legend_w = MAX (legend_w, SWATCH + 6 + lw + 12 + nw);
    }

  avail_h = height - PAD - g->title_height - PAD;
  if (avail_h < 4 * PAD)
    return FALSE;
  /* Legend to the right when the area is wide, under the ring otherwise. */
  if (width >= avail_h + legend_w * 0.75 + 3 * PAD)
    {
      ring = MIN (avail_h, width - 3 * PAD - MIN (legend_w, width * 0.55));
      g->legend.x = PAD + ring + 2 * PAD;
      g->legend.width = width - PAD - g->legend.x;
      g->legend.height = avail_h;
      g->legend.y = PAD + g->title_height
                    + MAX (0, (avail_h - data->n_slices * g->legend_row_height) / 2);
    }
  else
    {
      double legend_h = MIN (data->n_slices * g->legend_row_height, avail_h * 0.45);

      ring = MIN (width - 2 * PAD, avail_h - legend_h - PAD);
      g->legend.x = PAD;
      g->legend.width = width - 2 * PAD;
      g->legend.y = PAD + g->title_height + ring + PAD;
      g->legend.height = legend_h;
    }
  if (ring < 3 * PAD)
    return FALSE;
  g->outer_radius = ring / 2;
  g->inner_radius = g->outer_radius * 0.58;
  g->cx = PAD + ring / 2;
  g->cy = PAD + g->title_height + ring / 2;
  if (g->legend.y + g->legend.height > height)
    g->legend.height = MAX (0, height - g->legend.y);
  g->n_legend_visible = MIN (data->n_slices,
                             (guint) floor ((height - PAD - g->legend.y) / g->legend_row_height));
  return TRUE;
}

gboolean
vigie_donut_chart_slice_angles (const VigieDonutChartGeometry *g,
                                const VigieDonutChartData     *data,
                                guint                          slice,
                                double                        *start,
                                double                        *end)
{
  double before = 0;

  g_return_val_if_fail (g != NULL && data != NULL, FALSE);

  if (slice >= data->n_slices || g->total <= 0 || !has_value (data->values[slice]))
    return FALSE;
  for (guint i = 0; i < slice; i++)
    if (has_value (data->values[i]))
      before += data->values[i];
  if (start != NULL)
    *start = before / g->total * 2 * G_PI;
  if (end != NULL)
    *end = (before + data->values[slice]) / g->total * 2 * G_PI;
  return TRUE;
}

gboolean
vigie_donut_chart_legend_rect (const VigieDonutChartGeometry *g,
                               guint                          slice,
                               VigieChartRect                *rect)
{
  g_return_val_if_fail (g != NULL && rect != NULL, FALSE);

  if (slice >= g->n_legend_visible)
    return FALSE;
  rect->x = g->legend.x;
  rect->y = g->legend.y + slice * g->legend_row_height;
  rect->width = g->legend.width;
  rect->height = g->legend_row_height;
  return TRUE;
}

gboolean
vigie_donut_chart_hit_test (const VigieDonutChartGeometry *g,
                            const VigieDonutChartData     *data,
                            double                         x,
                            double                         y,
                            guint                         *slice)
{
  double dx, dy, r, angle;

  g_return_val_if_fail (g != NULL && data != NULL, FALSE);

  for (guint i = 0; i < g->n_legend_visible; i++)
    {
      VigieChartRect rect;

      if (vigie_donut_chart_legend_rect (g, i, &rect) && x >= rect.x
          && x < rect.x + rect.width && y >= rect.y && y < rect.y + rect.height)
        {
          if (slice != NULL)
            *slice = i;
          return TRUE;
        }
    }
  dx = x - g->cx;
  dy = y - g->cy;
  r = sqrt (dx * dx + dy * dy);
  if (r < g->inner_radius || r > g->outer_radius || g->total <= 0)
    return FALSE;
  /* Clockwise from twelve o'clock. */
  angle = atan2 (dx, -dy);
  if (angle < 0)
    angle += 2 * G_PI;
  for (guint i = 0; i < data->n_slices; i++)
    {
      double a0, a1;

      if (vigie_donut_chart_slice_angles (g, data, i, &a0, &a1) && angle >= a0 && angle < a1)
        {
          if (slice != NULL)
            *slice = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* A cairo angle (from three o'clock, clockwise on screen) for A (from twelve o'clock). */
static double
cairo_angle (double a)
{
  return a - G_PI / 2;
}

void
vigie_chart_donut_render (cairo_t                   *cr,
                          const VigieDonutChartData *data,
                          const VigieChartStyle     *style,
                          double                     width,
                          double                     height)
{
  VigieDonutChartGeometry g;

  g_return_if_fail (cr != NULL && data != NULL && style != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  if (style->background.alpha > 0)
    {
      vigie_chart_set_colour (cr, style->background);
      cairo_paint (cr);
    }
  if (!vigie_donut_chart_compute_geometry (cr, data, style, width, height, &g))
    {
      cairo_restore (cr);
      return;
    }
  vigie_chart_title (cr, style, data->title, PAD, PAD, width - 2 * PAD, TRUE);
  if (g.total <= 0)
    {
      vigie_chart_empty_text (cr, style, data->empty_text, PAD + g.title_height, width,
                              height);
      cairo_restore (cr);
      return;
    }

  /* Slices, each with its pattern, separated by a thin line of the background. */
  for (guint i = 0; i < data->n_slices; i++)
    {
      double a0, a1;

      if (!vigie_donut_chart_slice_angles (&g, data, i, &a0, &a1))
        continue;
      cairo_new_path (cr);
      cairo_arc (cr, g.cx, g.cy, g.outer_radius, cairo_angle (a0), cairo_angle (a1));
      cairo_arc_negative (cr, g.cx, g.cy, g.inner_radius, cairo_angle (a1), cairo_angle (a0));
      cairo_close_path (cr);
      vigie_chart_fill_series (cr, i, vigie_chart_style_series_colour (style, i));
    }
  cairo_set_line_width (cr, 1.5);
  for (guint i = 0; i < data->n_slices; i++)
    {
      double a0;

      if (!vigie_donut_chart_slice_angles (&g, data, i, &a0, NULL))
        continue;
      cairo_move_to (cr, g.cx + g.inner_radius * sin (a0), g.cy - g.inner_radius * cos (a0));
      cairo_line_to (cr, g.cx + g.outer_radius * sin (a0), g.cy - g.outer_radius * cos (a0));
    }
  cairo_set_source_rgba (cr, style->background.red, style->background.green,
                         style->background.blue, 1);
  cairo_stroke (cr);
  vigie_chart_set_colour (cr, style->foreground);
  cairo_set_line_width (cr, 1);
  cairo_new_sub_path (cr);
  cairo_arc (cr, g.cx, g.cy, g.outer_radius - 0.5, 0, 2 * G_PI);
  cairo_new_sub_path (cr);
  cairo_arc (cr, g.cx, g.cy, g.inner_radius + 0.5, 0, 2 * G_PI);
  cairo_stroke (cr);

  /* Percentages on slices wide enough, on a light plate. */
  for (guint i = 0; i < data->n_slices; i++)
    {
      double a0, a1, mid, rx, ry, tw, th;
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) layout = NULL;

      if (!vigie_donut_chart_slice_angles (&g, data, i, &a0, &a1))
        continue;
      /* Translators: a share of a donut chart, e.g. "40 %" */
      text = g_strdup_printf (C_("chart", "%.0f %%"), data->values[i] / g.total * 100);
      layout = vigie_chart_layout (cr, style, text, TRUE, 0.85);
      vigie_chart_text_size (layout, &tw, &th);
      mid = (a0 + a1) / 2;
      if ((a1 - a0) * (g.outer_radius + g.inner_radius) / 2 < tw + 8
          || g.outer_radius - g.inner_radius < th + 2)
        continue;
      rx = g.cx + (g.outer_radius + g.inner_radius) / 2 * sin (mid);
      ry = g.cy - (g.outer_radius + g.inner_radius) / 2 * cos (mid);
      cairo_rectangle (cr, rx - tw / 2 - 2, ry - th / 2, tw + 4, th);
      cairo_set_source_rgba (cr, style->background.red, style->background.green,
                             style->background.blue, 0.85);
      cairo_fill (cr);
      vigie_chart_draw_layout (cr, layout, rx - tw / 2, ry - th / 2, style->foreground);
    }

  /* The total in the hole. */
  {
    g_autofree char *total = vigie_chart_format_value (data->value_format, g.total);
    g_autoptr(PangoLayout) number = vigie_chart_layout (cr, style, total, TRUE,
                                                        CLAMP (g.inner_radius / 28, 0.9, 2.2));
    double tw, th, ch = 0;
    g_autoptr(PangoLayout) caption = NULL;

    vigie_chart_text_size (number, &tw, &th);
    if (data->total_label != NULL)
      {
        caption = vigie_chart_layout (cr, style, data->total_label, FALSE, 0.85);
        pango_layout_set_width (caption, (int) (g.inner_radius * 1.6 * PANGO_SCALE));
        pango_layout_set_alignment (caption, PANGO_ALIGN_CENTER);
        pango_layout_set_ellipsize (caption, PANGO_ELLIPSIZE_END);
        vigie_chart_text_size (caption, NULL, &ch);
      }
    if (tw < g.inner_radius * 1.9)
      {
        vigie_chart_draw_layout (cr, number, g.cx - tw / 2, g.cy - (th + ch) / 2,
                                 style->foreground);
        if (caption != NULL)
          vigie_chart_draw_layout (cr, caption, g.cx - g.inner_radius * 0.8,
                                   g.cy - (th + ch) / 2 + th, style->foreground);
      }
  }

  /* Legend: swatch, label, value and share. */
  for (guint i = 0; i < g.n_legend_visible; i++)
    {
      VigieChartRect rect;
      double v = has_value (data->values[i]) ? data->values[i] : 0;
      g_autofree char *value = value_and_share (data, v, g.total);
      g_autoptr(PangoLayout) number = vigie_chart_layout (cr, style, value, TRUE, 1);
      g_autoptr(PangoLayout) label = vigie_chart_layout (cr, style, data->labels[i], FALSE, 1);
      double nw, nh, lh;

      vigie_donut_chart_legend_rect (&g, i, &rect);
      cairo_rectangle (cr, rect.x, rect.y + (rect.height - SWATCH) / 2, SWATCH, SWATCH);
      vigie_chart_fill_series (cr, i, vigie_chart_style_series_colour (style, i));
      cairo_rectangle (cr, rect.x + 0.5, rect.y + (rect.height - SWATCH) / 2 + 0.5,
                       SWATCH - 1, SWATCH - 1);
      vigie_chart_set_colour (cr, style->foreground);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      vigie_chart_text_size (number, &nw, &nh);
      pango_layout_set_width (label, (int) (MAX (rect.width - SWATCH - 6 - nw - 12, 10)
                                            * PANGO_SCALE));
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      vigie_chart_text_size (label, NULL, &lh);
      vigie_chart_draw_layout (cr, label, rect.x + SWATCH + 6, rect.y + (rect.height - lh) / 2,
                               style->foreground);
      vigie_chart_draw_layout (cr, number, rect.x + rect.width - nw,
                               rect.y + (rect.height - nh) / 2, style->foreground);
    }
  cairo_restore (cr);
}

char *
vigie_donut_chart_describe (const VigieDonutChartData *data)
{
  GString *text;
  double total;
  gboolean first = TRUE;
  g_autofree char *total_text = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  total = data_total (data);
  text = g_string_new (data->title != NULL ? data->title : "");
  if (text->len > 0)
    g_string_append (text, C_("chart description", ": "));
  if (total <= 0)
    {
      g_string_append (text, data->empty_text != NULL ? data->empty_text
                                                      : C_("chart description", "no data"));
      g_string_append_c (text, '.');
      return g_string_free (text, FALSE);
    }
  for (guint i = 0; i < data->n_slices; i++)
    {
      g_autofree char *value = NULL;

      if (!has_value (data->values[i]))
        continue;
      value = value_and_share (data, data->values[i], total);
      if (!first)
        g_string_append (text, C_("chart description", ", "));
      first = FALSE;
      g_string_append_printf (text, "%s %s", data->labels[i], value);
    }
  total_text = vigie_chart_format_value (data->value_format, total);
  /* Translators: the end of a chart description, e.g. "; total 120." */
  g_string_append_printf (text, C_("chart description", "; total %s."), total_text);
  return g_string_free (text, FALSE);
}

/* vigie-chart-util.c — helpers shared by the chart renderers, and the bar chart's
 * accessible description.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <math.h>

#include "vigie-chart-describe.h"
#include "vigie-chart-private.h"
/* Last: in a report, the chart's words follow the report's language. */
#include "vigie-report-i18n.h"

void
vigie_chart_set_colour (cairo_t        *cr,
                        VigieChartRgba  c)
{
  cairo_set_source_rgba (cr, c.red, c.green, c.blue, c.alpha);
}

PangoLayout *
vigie_chart_layout (cairo_t               *cr,
                    const VigieChartStyle *style,
                    const char            *text,
                    gboolean               bold,
                    double                 scale)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, style->font_family != NULL ? style->font_family
                                                                      : "Sans");
  /* Points of the target: the same arithmetic as the bar chart. */
  pango_font_description_set_absolute_size (desc, style->font_size * scale * PANGO_SCALE
                                                  * 96.0 / 72.0);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

void
vigie_chart_text_size (PangoLayout *layout,
                       double      *w,
                       double      *h)
{
  int pw, ph;

  pango_layout_get_size (layout, &pw, &ph);
  if (w != NULL)
    *w = (double) pw / PANGO_SCALE;
  if (h != NULL)
    *h = (double) ph / PANGO_SCALE;
}

void
vigie_chart_draw_layout (cairo_t        *cr,
                         PangoLayout    *layout,
                         double          x,
                         double          y,
                         VigieChartRgba  colour)
{
  vigie_chart_set_colour (cr, colour);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

char *
vigie_chart_format_value (const char *format,
                          double      v)
{
  if (format != NULL)
    {
      /* The caller's format of one double (documented in each chart's header). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      return g_strdup_printf (format, v);
#pragma GCC diagnostic pop
    }
  return g_strdup_printf ("%'.0f", v);
}

double
vigie_chart_nice_step (double max,
                       int    target)
{
  double raw, mag, norm;

  if (max <= 0 || target < 1)
    return 1;
  raw = max / target;
  mag = pow (10, floor (log10 (raw)));
  norm = raw / mag;
  if (norm <= 1)
    return mag;
  if (norm <= 2)
    return 2 * mag;
  if (norm <= 5)
    return 5 * mag;
  return 10 * mag;
}

double
vigie_chart_title (cairo_t               *cr,
                   const VigieChartStyle *style,
                   const char            *title,
                   double                 x,
                   double                 y,
                   double                 width,
                   gboolean               draw)
{
  g_autoptr(PangoLayout) layout = NULL;
  double h;

  if (title == NULL || *title == '\0')
    return 0;
  layout = vigie_chart_layout (cr, style, title, TRUE, 1.15);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  vigie_chart_text_size (layout, NULL, &h);
  if (draw)
    vigie_chart_draw_layout (cr, layout, x, y, style->foreground);
  return h + 6;
}

void
vigie_chart_empty_text (cairo_t               *cr,
                        const VigieChartStyle *style,
                        const char            *text,
                        double                 y,
                        double                 width,
                        double                 height)
{
  g_autoptr(PangoLayout) layout = NULL;
  double th;

  if (text == NULL || *text == '\0')
    return;
  layout = vigie_chart_layout (cr, style, text, FALSE, 1);
  pango_layout_set_width (layout, (int) (MAX (width - 4 * VIGIE_CHART_PAD, 1) * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  vigie_chart_text_size (layout, NULL, &th);
  vigie_chart_draw_layout (cr, layout, 2 * VIGIE_CHART_PAD, y + (height - y - th) / 2,
                           style->foreground);
}

/* ─── Bar chart description ──────────────────────────────────────────────── */

char *
vigie_bar_chart_describe (const VigieBarChartData *data)
{
  GString *text;

  g_return_val_if_fail (data != NULL, NULL);

  text = g_string_new (data->title != NULL ? data->title : "");
  if (text->len > 0)
    g_string_append (text, C_("chart description", ": "));
  if (data->n_categories == 0)
    {
      g_string_append (text, data->empty_text != NULL ? data->empty_text
                                                      : C_("chart description", "no data"));
      g_string_append_c (text, '.');
      return g_string_free (text, FALSE);
    }
  for (guint c = 0; c < data->n_categories; c++)
    {
      double sum = 0;
      guint shown = 0;
      g_autofree char *sum_text = NULL;

      for (guint s = 0; s < data->n_series; s++)
        {
          double v = data->values[(gsize) c * data->n_series + s];

          if (!isnan (v) && v > 0)
            sum += v;
        }
      if (c > 0)
        g_string_append (text, C_("chart description", "; "));
      sum_text = vigie_chart_format_value (data->value_format, sum);
      g_string_append_printf (text, "%s %s", data->categories[c], sum_text);
      if (data->n_series < 2 || data->series_names == NULL)
        continue;
      g_string_append (text, " (");
      for (guint s = 0; s < data->n_series; s++)
        {
          double v = data->values[(gsize) c * data->n_series + s];
          g_autofree char *value = NULL;

          if (isnan (v) || v <= 0)
            continue;
          value = vigie_chart_format_value (data->value_format, v);
          g_string_append_printf (text, "%s%s %s", shown++ > 0 ? C_("chart description", ", ")
                                                               : "",
                                  data->series_names[s], value);
        }
      g_string_append_c (text, ')');
    }
  g_string_append_c (text, '.');
  return g_string_free (text, FALSE);
}

/* vigie-chart-widget.c — a chart renderer on screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "vigie-chart-widget.h"

struct _VigieChartWidget
{
  GtkWidget             parent_instance;

  VigieChartRenderFunc  func;
  gpointer              user_data;
  GDestroyNotify        destroy;
};

G_DEFINE_FINAL_TYPE (VigieChartWidget, vigie_chart_widget, GTK_TYPE_WIDGET)

static VigieChartRgba
to_rgba (const GdkRGBA *c)
{
  return (VigieChartRgba) { c->red, c->green, c->blue, c->alpha };
}

void
vigie_chart_widget_fill_style (GtkWidget       *widget,
                               VigieChartStyle *style)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  PangoContext *pango = gtk_widget_get_pango_context (widget);
  PangoFontDescription *font = pango_context_get_font_description (pango);
  GdkRGBA colour;

  vigie_chart_style_init_default (style);
  style->background = (VigieChartRgba) { 0, 0, 0, 0 };
  /* gtk_style_context_get_color is the GTK 4.8 way (gtk_widget_get_color is 4.10). */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (context, &colour);
  style->foreground = to_rgba (&colour);
  style->grid = style->foreground;
  style->grid.alpha *= 0.15;
  if (gtk_style_context_lookup_color (context, "accent_bg_color", &colour))
    style->accent = to_rgba (&colour);
  if (gtk_style_context_lookup_color (context, "error_color", &colour))
    style->alert = to_rgba (&colour);
  if (gtk_style_context_lookup_color (context, "view_bg_color", &colour))
    style->background = (VigieChartRgba) { colour.red, colour.green, colour.blue, 0 };
  G_GNUC_END_IGNORE_DEPRECATIONS
  if (font != NULL && pango_font_description_get_family (font) != NULL)
    style->font_family = g_strdup (pango_font_description_get_family (font));
  if (font != NULL && pango_font_description_get_size (font) > 0)
    style->font_size = (double) pango_font_description_get_size (font) / PANGO_SCALE
                       * (pango_font_description_get_size_is_absolute (font) ? 72.0 / 96.0 : 1.0);
}

static void
vigie_chart_widget_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  VigieChartWidget *self = VIGIE_CHART_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  VigieChartStyle style;
  cairo_t *cr;

  if (self->func == NULL || width <= 0 || height <= 0)
    return;
  vigie_chart_widget_fill_style (widget, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  self->func (cr, &style, width, height, self->user_data);
  cairo_destroy (cr);
  vigie_chart_style_clear (&style);
}

static void
vigie_chart_widget_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 600 : 360;
}

static void
vigie_chart_widget_dispose (GObject *object)
{
  VigieChartWidget *self = VIGIE_CHART_WIDGET (object);

  if (self->destroy != NULL)
    self->destroy (self->user_data);
  self->destroy = NULL;
  self->func = NULL;
  self->user_data = NULL;
  G_OBJECT_CLASS (vigie_chart_widget_parent_class)->dispose (object);
}

static void
vigie_chart_widget_class_init (VigieChartWidgetClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = vigie_chart_widget_dispose;
  widget_class->snapshot = vigie_chart_widget_snapshot;
  widget_class->measure = vigie_chart_widget_measure;
  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
vigie_chart_widget_init (VigieChartWidget *self)
{
}

GtkWidget *
vigie_chart_widget_new (void)
{
  return g_object_new (VIGIE_TYPE_CHART_WIDGET, NULL);
}

void
vigie_chart_widget_set_renderer (VigieChartWidget     *self,
                                 VigieChartRenderFunc  func,
                                 gpointer              user_data,
                                 GDestroyNotify        destroy)
{
  g_return_if_fail (VIGIE_IS_CHART_WIDGET (self));

  if (self->destroy != NULL)
    self->destroy (self->user_data);
  self->func = func;
  self->user_data = user_data;
  self->destroy = destroy;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

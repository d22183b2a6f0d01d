/* vigie-chart-widget.c — a chart renderer on screen, its elements reachable by keyboard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <adwaita.h>

#include "vigie-chart-widget.h"

#define NO_ELEMENT G_MAXUINT

struct _VigieChartWidget
{
  GtkWidget              parent_instance;

  VigieChartRenderFunc   func;
  gpointer               user_data;
  GDestroyNotify         destroy;

  guint                  n_elements;
  VigieChartElementFunc  element_func;
  gpointer               element_data;
  guint                  focused;
  char                  *label;          /* the chart's accessible name */
  char                  *description;    /* ... and description with every number */
  char                  *accessible_text;
};

G_DEFINE_FINAL_TYPE (VigieChartWidget, vigie_chart_widget, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_ELEMENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

/* Where element INDEX is now, and its accessible text (when LABEL is not NULL). */
static gboolean
element_info (VigieChartWidget *self,
              guint             index,
              VigieChartRect   *rect,
              char            **label)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  cairo_surface_t *surface;
  VigieChartStyle style;
  gboolean found;
  cairo_t *cr;

  if (self->element_func == NULL || index >= self->n_elements || width <= 0 || height <= 0)
    return FALSE;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  vigie_chart_widget_fill_style (widget, &style);
  found = self->element_func (index, cr, &style, width, height, rect, label,
                              self->element_data);
  vigie_chart_style_clear (&style);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return found;
}

static void
announce (VigieChartWidget *self)
{
  g_autofree char *element = NULL;
  VigieChartRect rect;

  g_clear_pointer (&self->accessible_text, g_free);
  if (self->focused != NO_ELEMENT && element_info (self, self->focused, &rect, &element)
      && element != NULL)
    /* Translators: the name of a chart while one of its elements has the keyboard focus,
     * e.g. "Findings by theme and severity — Wages, Major: 120 (3 of 40)" */
    self->accessible_text = g_strdup_printf (_("%1$s — %2$s (%3$u of %4$u)"),
                                             self->label != NULL ? self->label : "", element,
                                             self->focused + 1, self->n_elements);
  else
    self->accessible_text = g_strdup (self->label != NULL ? self->label : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->accessible_text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->description != NULL ? self->description : "",
                                  -1);
}

/* A rounded rectangle around RECT, OUTSET units outside it. */
static void
ring_path (cairo_t              *cr,
           const VigieChartRect *rect,
           double                outset)
{
  double x = rect->x - outset, y = rect->y - outset;
  double w = MAX (rect->width, 1) + 2 * outset, h = rect->height + 2 * outset;
  double r = MIN (4, MIN (w, h) / 2);

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
vigie_chart_widget_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  VigieChartWidget *self = VIGIE_CHART_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  VigieChartStyle style;
  VigieChartRect rect;
  cairo_t *cr;

  if (self->func == NULL || width <= 0 || height <= 0)
    return;
  vigie_chart_widget_fill_style (widget, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  self->func (cr, &style, width, height, self->user_data);

  /* The focus ring: the background colour under the accent, so that it shows on any bar
   * and in any palette. */
  if (gtk_widget_has_visible_focus (widget) && self->focused != NO_ELEMENT
      && self->element_func != NULL
      && self->element_func (self->focused, cr, &style, width, height, &rect, NULL,
                             self->element_data))
    {
      cairo_save (cr);
      ring_path (cr, &rect, 3);
      cairo_set_line_width (cr, 4);
      cairo_set_source_rgb (cr, style.background.red, style.background.green,
                            style.background.blue);
      cairo_stroke_preserve (cr);
      cairo_set_line_width (cr, 2);
      cairo_set_source_rgba (cr, style.accent.red, style.accent.green, style.accent.blue, 1);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
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

/* The next drawn element from FROM in direction STEP (±1), or NO_ELEMENT. */
static guint
next_drawn (VigieChartWidget *self,
            gint64            from,
            int               step)
{
  VigieChartRect rect;

  for (gint64 i = from; i >= 0 && i < self->n_elements; i += step)
    if (element_info (self, (guint) i, &rect, NULL))
      return (guint) i;
  return NO_ELEMENT;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                VigieChartWidget      *self)
{
  guint target = NO_ELEMENT;

  if (self->n_elements == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      target = self->focused == NO_ELEMENT ? next_drawn (self, 0, 1)
                                           : next_drawn (self, (gint64) self->focused + 1, 1);
      break;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      target = self->focused == NO_ELEMENT ? next_drawn (self, 0, 1)
                                           : next_drawn (self, (gint64) self->focused - 1, -1);
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      target = next_drawn (self, 0, 1);
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      target = next_drawn (self, (gint64) self->n_elements - 1, -1);
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (self->focused == NO_ELEMENT)
        return FALSE;
      g_signal_emit (self, signals[SIGNAL_ELEMENT_ACTIVATED], 0, self->focused);
      return TRUE;
    default:
      return FALSE;
    }
  /* At either end the focus stays where it is (and the key is used up). */
  if (target != NO_ELEMENT)
    vigie_chart_widget_set_focused_element (self, target);
  return TRUE;
}

static void
focus_enter_cb (GtkEventControllerFocus *controller,
                VigieChartWidget        *self)
{
  VigieChartRect rect;

  if (self->focused == NO_ELEMENT || !element_info (self, self->focused, &rect, NULL))
    vigie_chart_widget_set_focused_element (self, next_drawn (self, 0, 1));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                VigieChartWidget        *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
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
  self->element_func = NULL;
  self->n_elements = 0;
  G_OBJECT_CLASS (vigie_chart_widget_parent_class)->dispose (object);
}

static void
vigie_chart_widget_finalize (GObject *object)
{
  VigieChartWidget *self = VIGIE_CHART_WIDGET (object);

  g_free (self->label);
  g_free (self->description);
  g_free (self->accessible_text);
  G_OBJECT_CLASS (vigie_chart_widget_parent_class)->finalize (object);
}

static void
vigie_chart_widget_class_init (VigieChartWidgetClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = vigie_chart_widget_dispose;
  G_OBJECT_CLASS (klass)->finalize = vigie_chart_widget_finalize;
  widget_class->snapshot = vigie_chart_widget_snapshot;
  widget_class->measure = vigie_chart_widget_measure;

  /* An element was activated by the keyboard (Enter or Space): INDEX is its place in the
   * list given to vigie_chart_widget_set_elements(). */
  signals[SIGNAL_ELEMENT_ACTIVATED] =
    g_signal_new ("element-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
vigie_chart_widget_init (VigieChartWidget *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->focused = NO_ELEMENT;
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  g_signal_connect_object (focus, "enter", G_CALLBACK (focus_enter_cb), self, 0);
  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_leave_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
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

void
vigie_chart_widget_set_elements (VigieChartWidget      *self,
                                 guint                  n_elements,
                                 VigieChartElementFunc  func,
                                 gpointer               user_data)
{
  g_return_if_fail (VIGIE_IS_CHART_WIDGET (self));

  self->n_elements = func != NULL ? n_elements : 0;
  self->element_func = func;
  self->element_data = user_data;
  if (self->focused != NO_ELEMENT && self->focused >= self->n_elements)
    self->focused = self->n_elements > 0 ? self->n_elements - 1 : NO_ELEMENT;
  gtk_widget_set_focusable (GTK_WIDGET (self), self->n_elements > 0);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), self->n_elements > 0);
  announce (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
vigie_chart_widget_set_description (VigieChartWidget *self,
                                    const char       *label,
                                    const char       *description)
{
  g_return_if_fail (VIGIE_IS_CHART_WIDGET (self));

  g_free (self->label);
  self->label = g_strdup (label);
  g_free (self->description);
  self->description = g_strdup (description);
  announce (self);
}

guint
vigie_chart_widget_get_focused_element (VigieChartWidget *self)
{
  g_return_val_if_fail (VIGIE_IS_CHART_WIDGET (self), NO_ELEMENT);
  return self->focused;
}

gboolean
vigie_chart_widget_set_focused_element (VigieChartWidget *self,
                                        guint             index)
{
  VigieChartRect rect;
  gboolean drawn;

  g_return_val_if_fail (VIGIE_IS_CHART_WIDGET (self), FALSE);

  drawn = index != NO_ELEMENT && element_info (self, index, &rect, NULL);
  if (index != NO_ELEMENT && !drawn)
    return FALSE;
  self->focused = index;
  announce (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

const char *
vigie_chart_widget_get_accessible_text (VigieChartWidget *self)
{
  g_return_val_if_fail (VIGIE_IS_CHART_WIDGET (self), NULL);
  return self->accessible_text != NULL ? self->accessible_text : "";
}

gboolean
vigie_chart_widget_get_element_rect (VigieChartWidget *self,
                                     guint             index,
                                     VigieChartRect   *rect)
{
  g_return_val_if_fail (VIGIE_IS_CHART_WIDGET (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  return element_info (self, index, rect, NULL);
}

/* vigie-cell-label.c — one line of text in a list cell (see the header).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <pango/pangocairo.h>

#include "vigie-cell-label.h"

#define N_CACHED_FONTS 8

struct _VigieCellLabel
{
  GtkWidget    parent_instance;

  char        *text;
  PangoLayout *layout;     /* made when first drawn */
  float        xalign;
  int          min_chars;
  int          nat_chars;
  gboolean     numeric;
};

G_DEFINE_FINAL_TYPE (VigieCellLabel, vigie_cell_label, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_TEXT,
  PROP_XALIGN,
  PROP_MIN_CHARS,
  PROP_NAT_CHARS,
  PROP_NUMERIC,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

/* ─── Font metrics, once per font ────────────────────────────────────────── */

/* Sizes in Pango units of one font as a widget's Pango context sets it (description,
 * resolution, language, font options). Only the main thread measures widgets. */
typedef struct
{
  PangoFontDescription *font;
  double                resolution;
  PangoLanguage        *language;
  gulong                options_hash;
  int                   char_width;   /* the wider of an average character and a digit */
  int                   ascent;
  int                   descent;
} FontSizes;

static FontSizes cached_fonts[N_CACHED_FONTS];
static guint next_cached_font;

static const FontSizes *
font_sizes (VigieCellLabel *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  const cairo_font_options_t *options = pango_cairo_context_get_font_options (context);
  double resolution = pango_cairo_context_get_resolution (context);
  PangoLanguage *language = pango_context_get_language (context);
  gulong options_hash = options != NULL ? cairo_font_options_hash (options) : 0;
  PangoFontMetrics *metrics;
  FontSizes *sizes;

  for (guint i = 0; i < N_CACHED_FONTS; i++)
    {
      sizes = &cached_fonts[i];
      if (sizes->font != NULL && sizes->resolution == resolution
          && sizes->language == language && sizes->options_hash == options_hash
          && pango_font_description_equal (sizes->font, font))
        return sizes;
    }

  sizes = &cached_fonts[next_cached_font];
  next_cached_font = (next_cached_font + 1) % N_CACHED_FONTS;
  g_clear_pointer (&sizes->font, pango_font_description_free);
  metrics = pango_context_get_metrics (context, NULL, NULL);
  sizes->font = pango_font_description_copy (font);
  sizes->resolution = resolution;
  sizes->language = language;
  sizes->options_hash = options_hash;
  sizes->char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                           pango_font_metrics_get_approximate_digit_width (metrics));
  sizes->ascent = pango_font_metrics_get_ascent (metrics);
  sizes->descent = pango_font_metrics_get_descent (metrics);
  pango_font_metrics_unref (metrics);
  return sizes;
}

/* ─── GtkWidget ──────────────────────────────────────────────────────────── */

static void
vigie_cell_label_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  VigieCellLabel *self = VIGIE_CELL_LABEL (widget);
  const FontSizes *sizes = font_sizes (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = PANGO_PIXELS_CEIL (self->min_chars * sizes->char_width);
      *natural = PANGO_PIXELS_CEIL (MAX (self->min_chars, self->nat_chars) * sizes->char_width);
      return;
    }
  *minimum = *natural = PANGO_PIXELS_CEIL (sizes->ascent + sizes->descent);
  *minimum_baseline = *natural_baseline = PANGO_PIXELS_CEIL (sizes->ascent);
}

static void
ensure_layout (VigieCellLabel *self)
{
  if (self->layout != NULL)
    return;
  self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);
  pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (self->layout, TRUE);
  if (self->numeric)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
      pango_layout_set_attributes (self->layout, attrs);
      pango_attr_list_unref (attrs);
    }
}

static void
vigie_cell_label_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  VigieCellLabel *self = VIGIE_CELL_LABEL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean ltr = gtk_widget_get_direction (widget) != GTK_TEXT_DIR_RTL;
  PangoAlignment align;
  PangoRectangle logical;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (self->text == NULL || self->text[0] == '\0' || width <= 0 || height <= 0)
    return;
  ensure_layout (self);
  if (self->xalign < 0.33f)
    align = ltr ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;
  else if (self->xalign < 0.67f)
    align = PANGO_ALIGN_CENTER;
  else
    align = ltr ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
  pango_layout_set_alignment (self->layout, align);
  pango_layout_set_width (self->layout, width * PANGO_SCALE);
  pango_layout_get_pixel_extents (self->layout, NULL, &logical);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  /* gtk_snapshot_render_layout: the colour and text shadow of the style (GTK 4.8 has no
   * public gtk_widget_get_color). */
  gtk_snapshot_render_layout (snapshot, context, 0, floorf ((height - logical.height) / 2.0f),
                              self->layout);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_snapshot_pop (snapshot);
}

static void
vigie_cell_label_finalize (GObject *object)
{
  VigieCellLabel *self = VIGIE_CELL_LABEL (object);

  g_free (self->text);
  g_clear_object (&self->layout);
  G_OBJECT_CLASS (vigie_cell_label_parent_class)->finalize (object);
}

static void
vigie_cell_label_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VigieCellLabel *self = VIGIE_CELL_LABEL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_XALIGN:
      g_value_set_float (value, self->xalign);
      break;
    case PROP_MIN_CHARS:
      g_value_set_int (value, self->min_chars);
      break;
    case PROP_NAT_CHARS:
      g_value_set_int (value, self->nat_chars);
      break;
    case PROP_NUMERIC:
      g_value_set_boolean (value, self->numeric);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigie_cell_label_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  VigieCellLabel *self = VIGIE_CELL_LABEL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      vigie_cell_label_set_text (self, g_value_get_string (value));
      break;
    case PROP_XALIGN:
      vigie_cell_label_set_xalign (self, g_value_get_float (value));
      break;
    case PROP_MIN_CHARS:
    case PROP_NAT_CHARS:
      vigie_cell_label_set_chars (self,
                                  prop_id == PROP_MIN_CHARS ? g_value_get_int (value)
                                                            : self->min_chars,
                                  prop_id == PROP_NAT_CHARS ? g_value_get_int (value)
                                                            : self->nat_chars);
      break;
    case PROP_NUMERIC:
      vigie_cell_label_set_numeric (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigie_cell_label_class_init (VigieCellLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = vigie_cell_label_finalize;
  object_class->get_property = vigie_cell_label_get_property;
  object_class->set_property = vigie_cell_label_set_property;
  props[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL,
                                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                          | G_PARAM_STATIC_STRINGS);
  props[PROP_XALIGN] = g_param_spec_float ("xalign", NULL, NULL, 0.0f, 1.0f, 0.0f,
                                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                           | G_PARAM_STATIC_STRINGS);
  props[PROP_MIN_CHARS] = g_param_spec_int ("min-chars", NULL, NULL, 0, G_MAXINT, 3,
                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                            | G_PARAM_STATIC_STRINGS);
  props[PROP_NAT_CHARS] = g_param_spec_int ("nat-chars", NULL, NULL, 0, G_MAXINT, 10,
                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                            | G_PARAM_STATIC_STRINGS);
  props[PROP_NUMERIC] = g_param_spec_boolean ("numeric", NULL, NULL, FALSE,
                                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                              | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);
  widget_class->measure = vigie_cell_label_measure;
  widget_class->snapshot = vigie_cell_label_snapshot;
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
vigie_cell_label_init (VigieCellLabel *self)
{
  self->min_chars = 3;
  self->nat_chars = 10;
}

/* ─── Public ─────────────────────────────────────────────────────────────── */

GtkWidget *
vigie_cell_label_new (void)
{
  return g_object_new (VIGIE_TYPE_CELL_LABEL, NULL);
}

void
vigie_cell_label_set_text (VigieCellLabel *self,
                           const char     *text)
{
  g_return_if_fail (VIGIE_IS_CELL_LABEL (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->text, -1);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, self->text != NULL ? self->text : "", -1);
  /* The size does not depend on the text: only a redraw. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_TEXT]);
}

const char *
vigie_cell_label_get_text (VigieCellLabel *self)
{
  g_return_val_if_fail (VIGIE_IS_CELL_LABEL (self), NULL);

  return self->text;
}

void
vigie_cell_label_set_xalign (VigieCellLabel *self,
                             float           xalign)
{
  g_return_if_fail (VIGIE_IS_CELL_LABEL (self));

  xalign = CLAMP (xalign, 0.0f, 1.0f);
  if (self->xalign == xalign)
    return;
  self->xalign = xalign;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_XALIGN]);
}

void
vigie_cell_label_set_chars (VigieCellLabel *self,
                            int             min_chars,
                            int             nat_chars)
{
  g_return_if_fail (VIGIE_IS_CELL_LABEL (self));

  min_chars = MAX (min_chars, 0);
  nat_chars = MAX (nat_chars, 0);
  if (self->min_chars == min_chars && self->nat_chars == nat_chars)
    return;
  g_object_freeze_notify (G_OBJECT (self));
  if (self->min_chars != min_chars)
    {
      self->min_chars = min_chars;
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_MIN_CHARS]);
    }
  if (self->nat_chars != nat_chars)
    {
      self->nat_chars = nat_chars;
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_NAT_CHARS]);
    }
  g_object_thaw_notify (G_OBJECT (self));
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
vigie_cell_label_set_numeric (VigieCellLabel *self,
                              gboolean        numeric)
{
  g_return_if_fail (VIGIE_IS_CELL_LABEL (self));

  numeric = !!numeric;
  if (self->numeric == numeric)
    return;
  self->numeric = numeric;
  g_clear_object (&self->layout);
  if (numeric)
    gtk_widget_add_css_class (GTK_WIDGET (self), "numeric");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "numeric");
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_NUMERIC]);
}

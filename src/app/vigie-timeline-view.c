/* vigie-timeline-view.c — the remediation timeline widget (VigieTimelineWidget).
 *
 * The widget holds the spans (one small struct per action) and a view; snapshot() hands
 * them to vigie_timeline_render(), which draws only the visible rows. It is GtkScrollable:
 * the vertical adjustment counts pixels of rows, the horizontal one pixels of time at the
 * current zoom.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>

#include "vigie-timeline-view.h"
#include "vigie-vocab.h"

struct _VigieTimelineWidget
{
  GtkWidget           parent_instance;

  VigieActionSpans   *spans;
  VigieTimelineData   data;
  VigieTimelineView   view;
  VigieTimelineStyle  style;
  char               *font;

  double              range_start;   /* Julian days the horizontal scroll covers */
  double              range_end;

  GtkAdjustment      *hadjustment;
  GtkAdjustment      *vadjustment;
  GtkScrollablePolicy hscroll_policy;
  GtkScrollablePolicy vscroll_policy;
  gboolean            syncing;
};

static void vigie_timeline_widget_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VigieTimelineWidget, vigie_timeline_widget, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      vigie_timeline_widget_scrollable_init))

enum
{
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum
{
  SIGNAL_SELECTED,
  SIGNAL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ─── Adjustments ────────────────────────────────────────────────────────── */

static double
time_width (VigieTimelineWidget *self)
{
  return MAX (gtk_widget_get_width (GTK_WIDGET (self)) - self->style.label_width, 1.0);
}

static double
ppd (VigieTimelineWidget *self)
{
  return vigie_timeline_pixels_per_day (&self->style, &self->view,
                                        gtk_widget_get_width (GTK_WIDGET (self)));
}

/* Sets the adjustments from the view (the view is the truth). */
static void
sync_adjustments (VigieTimelineWidget *self)
{
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double page_h = MAX (height - self->style.axis_height, 1.0);
  double rows_h = self->data.n_rows * self->style.row_height;
  double page_w = time_width (self);
  double span_w = MAX ((self->range_end - self->range_start) * ppd (self), page_w);
  double max_first = MAX (rows_h - page_h, 0) / self->style.row_height;

  self->view.first_row = CLAMP (self->view.first_row, 0, max_first);
  self->view.start_day = CLAMP (self->view.start_day, self->range_start,
                                MAX (self->range_start, self->range_start + (span_w - page_w) / ppd (self)));
  self->syncing = TRUE;
  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment, self->view.first_row * self->style.row_height,
                              0, MAX (rows_h, page_h), self->style.row_height,
                              page_h * 0.9, page_h);
  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment,
                              (self->view.start_day - self->range_start) * ppd (self),
                              0, span_w, 7 * ppd (self), page_w * 0.9, page_w);
  self->syncing = FALSE;
}

static void
adjustment_changed_cb (GtkAdjustment       *adjustment,
                       VigieTimelineWidget *self)
{
  if (self->syncing)
    return;
  if (adjustment == self->vadjustment)
    self->view.first_row = gtk_adjustment_get_value (adjustment) / self->style.row_height;
  else
    self->view.start_day = self->range_start + gtk_adjustment_get_value (adjustment) / ppd (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (VigieTimelineWidget  *self,
                GtkAdjustment       **slot,
                GtkAdjustment        *adjustment)
{
  if (*slot == adjustment)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, adjustment_changed_cb, self);
  g_clear_object (slot);
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect (adjustment, "value-changed", G_CALLBACK (adjustment_changed_cb), self);
  sync_adjustments (self);
}

/* ─── Style ──────────────────────────────────────────────────────────────── */

static VigieRgba
to_rgba (const GdkRGBA *c)
{
  return (VigieRgba) { c->red, c->green, c->blue, c->alpha };
}

static void
lookup (GtkStyleContext *context,
        const char      *name,
        const char      *fallback_name,
        VigieRgba       *out)
{
  GdkRGBA c;

  if (gtk_style_context_lookup_color (context, name, &c)
      || (fallback_name != NULL && gtk_style_context_lookup_color (context, fallback_name, &c)))
    *out = to_rgba (&c);
}

static void
update_style (VigieTimelineWidget *self)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  PangoFontDescription *font;
  GdkRGBA fg;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (context, &fg);
  self->style.foreground = to_rgba (&fg);
  self->style.dim = self->style.foreground;
  self->style.dim.a *= 0.55;
  lookup (context, "view_bg_color", "theme_base_color", &self->style.background);
  self->style.header_bg = self->style.foreground;
  self->style.header_bg.a *= 0.07;
  lookup (context, "accent_color", NULL, &self->style.bar);
  lookup (context, "accent_bg_color", NULL, &self->style.done);
  lookup (context, "error_color", NULL, &self->style.overdue);
  lookup (context, "success_color", NULL, &self->style.verified);
  lookup (context, "warning_color", NULL, &self->style.today);
  lookup (context, "accent_bg_color", NULL, &self->style.selection);
  G_GNUC_END_IGNORE_DEPRECATIONS
  self->style.selection.a = 0.2;
  self->style.hover = self->style.foreground;
  self->style.hover.a *= 0.05;

  font = pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  g_free (self->font);
  self->font = font != NULL ? pango_font_description_to_string (font) : g_strdup ("Sans 10");
  self->style.font = self->font;
}

/* ─── Drawing ────────────────────────────────────────────────────────────── */

static void
vigie_timeline_widget_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  VigieTimelineWidget *self = VIGIE_TIMELINE_WIDGET (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  update_style (self);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  vigie_timeline_render (cr, &self->data, &self->style, &self->view, width, height);
  cairo_destroy (cr);

  if (gtk_widget_has_visible_focus (widget))
    {
      GdkRGBA focus;

      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget),
                                           "accent_color", &focus))
        gdk_rgba_parse (&focus, "#3584e4");
      G_GNUC_END_IGNORE_DEPRECATIONS
      gtk_snapshot_append_border (snapshot,
                                  &GSK_ROUNDED_RECT_INIT (1, 1, width - 2, height - 2),
                                  (float[4]) { 2, 2, 2, 2 },
                                  (GdkRGBA[4]) { focus, focus, focus, focus });
    }
}

static void
vigie_timeline_widget_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  sync_adjustments (VIGIE_TIMELINE_WIDGET (widget));
}

static void
vigie_timeline_widget_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  VigieTimelineWidget *self = VIGIE_TIMELINE_WIDGET (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = (int) self->style.label_width + 200;
      *natural = (int) self->style.label_width + 700;
    }
  else
    {
      *minimum = (int) (self->style.axis_height + 3 * self->style.row_height);
      *natural = (int) (self->style.axis_height + 12 * self->style.row_height);
    }
}

/* ─── Selection and navigation ───────────────────────────────────────────── */

static void
ensure_row_visible (VigieTimelineWidget *self,
                    guint                row)
{
  double page = (gtk_widget_get_height (GTK_WIDGET (self)) - self->style.axis_height)
                / self->style.row_height;

  if (page <= 0)
    page = 10;
  if (row < self->view.first_row)
    self->view.first_row = row > 0 && self->data.rows[row - 1] < 0 ? row - 1 : row;
  else if (row + 1 > self->view.first_row + page)
    self->view.first_row = row + 1 - floor (page);
  sync_adjustments (self);
}

static void
update_accessible (VigieTimelineWidget *self)
{
  guint overdue = 0;
  g_autofree char *description = NULL;

  for (guint i = 0; i < self->data.n_spans; i++)
    overdue += vigie_timeline_span_is_overdue (&self->data, &self->data.spans[i]);
  /* Translators: accessible description of the timeline; %1$u actions, %2$u overdue */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Timeline of %1$u remediation action, %2$u overdue",
                                              "Timeline of %1$u remediation actions, %2$u overdue",
                                              self->data.n_spans),
                                 self->data.n_spans, overdue);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
}

static void
select_row (VigieTimelineWidget *self,
            guint                row,
            gboolean             notify)
{
  const VigieActionSpan *span;

  if (row >= self->data.n_rows || self->data.rows[row] < 0)
    return;
  span = &self->data.spans[self->data.rows[row]];
  self->view.selected_id = span->id;
  ensure_row_visible (self, row);
  /* Bring the bar into view when it is out of the time window. */
  {
    double first = self->view.start_day;
    double last = first + vigie_timeline_zoom_days (self->view.zoom);

    guint32 end = span->due != 0 ? span->due : span->opened;

    /* Show the end of the bar (the due date, where lateness starts). */
    if (span->opened != 0 && (span->opened > last || end < first))
      vigie_timeline_widget_center_on_day (self, end);
  }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (notify)
    g_signal_emit (self, signals[SIGNAL_SELECTED], 0, span->id);
}

static void
move_selection (VigieTimelineWidget *self,
                int                  delta)
{
  guint row = vigie_timeline_find_row (&self->data, self->view.selected_id);
  int r;

  if (self->data.n_rows == 0)
    return;
  if (row == G_MAXUINT)
    r = delta > 0 ? -1 : (int) self->data.n_rows;
  else
    r = (int) row;
  do
    r += delta > 0 ? 1 : -1;
  while (r >= 0 && r < (int) self->data.n_rows && self->data.rows[r] < 0);
  if (r >= 0 && r < (int) self->data.n_rows)
    select_row (self, (guint) r, TRUE);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                VigieTimelineWidget   *self)
{
  double page_days = vigie_timeline_zoom_days (self->view.zoom);

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_selection (self, -1);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_selection (self, 1);
      return TRUE;
    case GDK_KEY_Page_Up:
      for (int i = 0; i < 10; i++)
        move_selection (self, -1);
      return TRUE;
    case GDK_KEY_Page_Down:
      for (int i = 0; i < 10; i++)
        move_selection (self, 1);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      vigie_timeline_widget_scroll_days (self, -page_days / 4);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      vigie_timeline_widget_scroll_days (self, page_days / 4);
      return TRUE;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      if (self->view.zoom > VIGIE_TIMELINE_ZOOM_MONTH)
        vigie_timeline_widget_set_zoom (self, self->view.zoom - 1);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      if (self->view.zoom < VIGIE_TIMELINE_ZOOM_YEAR)
        vigie_timeline_widget_set_zoom (self, self->view.zoom + 1);
      return TRUE;
    case GDK_KEY_Home:
      vigie_timeline_widget_center_on_day (self, self->data.today);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (self->view.selected_id != 0)
        g_signal_emit (self, signals[SIGNAL_ACTIVATED], 0, self->view.selected_id);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
pressed_cb (GtkGestureClick     *gesture,
            int                  n_press,
            double               x,
            double               y,
            VigieTimelineWidget *self)
{
  VigieTimelineHit hit;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  vigie_timeline_hit_test (&self->data, &self->style, &self->view,
                           gtk_widget_get_width (GTK_WIDGET (self)),
                           gtk_widget_get_height (GTK_WIDGET (self)), x, y, &hit);
  if (hit.action_id == 0)
    return;
  select_row (self, hit.row, TRUE);
  g_signal_emit (self, signals[SIGNAL_ACTIVATED], 0, hit.action_id);
}

static void
motion_cb (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           VigieTimelineWidget      *self)
{
  VigieTimelineHit hit;

  vigie_timeline_hit_test (&self->data, &self->style, &self->view,
                           gtk_widget_get_width (GTK_WIDGET (self)),
                           gtk_widget_get_height (GTK_WIDGET (self)), x, y, &hit);
  if (hit.action_id != self->view.hover_id)
    {
      self->view.hover_id = hit.action_id;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (GtkEventControllerMotion *motion,
          VigieTimelineWidget      *self)
{
  if (self->view.hover_id != 0)
    {
      self->view.hover_id = 0;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static char *
format_julian (guint32 day)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate date;

  if (day == 0)
    return g_strdup ("—");
  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  dt = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 12, 0, 0);
  /* Translators: how dates are shown in lists and forms (see g_date_time_format) */
  return g_date_time_format (dt, C_("date format", "%-d %b %Y"));
}

static gboolean
query_tooltip_cb (GtkWidget           *widget,
                  int                  x,
                  int                  y,
                  gboolean             keyboard,
                  GtkTooltip          *tooltip,
                  VigieTimelineWidget *self)
{
  VigieTimelineHit hit;
  const VigieActionSpan *span;
  const VigieVocabEntry *statuses = vigie_vocab_entries (VIGIE_VOCAB_REMEDIATION_STATUS, NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *escaped = NULL;
  g_autofree char *opened = NULL;
  g_autofree char *due = NULL;

  vigie_timeline_hit_test (&self->data, &self->style, &self->view,
                           gtk_widget_get_width (widget), gtk_widget_get_height (widget),
                           x, y, &hit);
  if (hit.kind == VIGIE_TIMELINE_HIT_GROUP)
    {
      gtk_tooltip_set_text (tooltip, self->data.group_labels[hit.group]);
      return TRUE;
    }
  if (hit.span < 0)
    return FALSE;
  span = &self->data.spans[hit.span];
  escaped = g_markup_escape_text (span->label, -1);
  g_string_append_printf (text, "<b>%s</b>\n", escaped);
  g_string_append (text, vigie_vocab_label (VIGIE_VOCAB_REMEDIATION_STATUS,
                                            statuses[span->status].code));
  opened = format_julian (span->opened);
  due = format_julian (span->due);
  /* Translators: tooltip of a timeline bar: opening and due dates */
  g_string_append_printf (text, "\n%s", "");
  g_string_append_printf (text, _("Opened %1$s, due %2$s"), opened, due);
  if (vigie_timeline_span_is_overdue (&self->data, span))
    {
      int days = (int) (self->data.today - span->due);

      g_string_append (text, "\n<span weight=\"bold\">⚠ ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "Overdue by %d day",
                                                 "Overdue by %d days", (gulong) days), days);
      g_string_append (text, "</span>");
    }
  if (hit.milestone >= 0)
    {
      const VigieActionMilestone *m = &self->data.milestones[hit.milestone];
      g_autofree char *when = format_julian (m->day);

      /* Translators: tooltip of a milestone: the status reached and when */
      g_string_append_printf (text, "\n");
      g_string_append_printf (text, _("→ %1$s on %2$s"),
                              vigie_vocab_label (VIGIE_VOCAB_REMEDIATION_STATUS,
                                                 statuses[m->to_status].code), when);
    }
  gtk_tooltip_set_markup (tooltip, text->str);
  return TRUE;
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           VigieTimelineWidget      *self)
{
  /* Ctrl + wheel zooms; the scrolled window scrolls otherwise. */
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (!(state & GDK_CONTROL_MASK))
    return FALSE;
  if (dy < 0 && self->view.zoom > VIGIE_TIMELINE_ZOOM_MONTH)
    vigie_timeline_widget_set_zoom (self, self->view.zoom - 1);
  else if (dy > 0 && self->view.zoom < VIGIE_TIMELINE_ZOOM_YEAR)
    vigie_timeline_widget_set_zoom (self, self->view.zoom + 1);
  return TRUE;
}

/* ─── Public API ─────────────────────────────────────────────────────────── */

void
vigie_timeline_widget_set_spans (VigieTimelineWidget *self,
                                 VigieActionSpans    *spans,
                                 guint32              today)
{
  double first = G_MAXDOUBLE, last = 0;
  gint64 selected;
  guint row;

  g_return_if_fail (VIGIE_IS_TIMELINE_WIDGET (self));

  selected = self->view.selected_id;
  vigie_timeline_data_clear (&self->data);
  g_clear_pointer (&self->spans, vigie_action_spans_free);
  self->spans = spans;
  vigie_timeline_data_init (&self->data, spans, today);

  for (guint i = 0; i < self->data.n_spans; i++)
    {
      const VigieActionSpan *s = &self->data.spans[i];

      if (s->opened != 0)
        first = MIN (first, s->opened);
      last = MAX (last, MAX (s->due, s->completed));
    }
  if (first == G_MAXDOUBLE)
    first = today - 180.0;
  last = MAX (last, (double) today);
  self->range_start = MIN (first, today - 30.0) - 14;
  self->range_end = last + 45;

  row = vigie_timeline_find_row (&self->data, selected);
  self->view.selected_id = row != G_MAXUINT ? selected : 0;
  self->view.hover_id = 0;
  if (self->view.start_day == 0)
    self->view.start_day = today - vigie_timeline_zoom_days (self->view.zoom) * 0.6;
  sync_adjustments (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
vigie_timeline_widget_set_zoom (VigieTimelineWidget *self,
                                VigieTimelineZoom    zoom)
{
  double centre;

  g_return_if_fail (VIGIE_IS_TIMELINE_WIDGET (self));
  g_return_if_fail (zoom < VIGIE_TIMELINE_N_ZOOMS);

  if (zoom == self->view.zoom)
    return;
  centre = self->view.start_day + vigie_timeline_zoom_days (self->view.zoom) / 2;
  self->view.zoom = zoom;
  self->view.start_day = centre - vigie_timeline_zoom_days (zoom) / 2;
  sync_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

VigieTimelineZoom
vigie_timeline_widget_get_zoom (VigieTimelineWidget *self)
{
  g_return_val_if_fail (VIGIE_IS_TIMELINE_WIDGET (self), VIGIE_TIMELINE_ZOOM_QUARTER);
  return self->view.zoom;
}

void
vigie_timeline_widget_select (VigieTimelineWidget *self,
                              gint64               id)
{
  guint row;

  g_return_if_fail (VIGIE_IS_TIMELINE_WIDGET (self));

  row = id != 0 ? vigie_timeline_find_row (&self->data, id) : G_MAXUINT;
  if (row == G_MAXUINT)
    {
      self->view.selected_id = 0;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  select_row (self, row, FALSE);
}

gint64
vigie_timeline_widget_get_selected (VigieTimelineWidget *self)
{
  g_return_val_if_fail (VIGIE_IS_TIMELINE_WIDGET (self), 0);
  return self->view.selected_id;
}

void
vigie_timeline_widget_center_on_day (VigieTimelineWidget *self,
                                     double               day)
{
  g_return_if_fail (VIGIE_IS_TIMELINE_WIDGET (self));

  self->view.start_day = day - vigie_timeline_zoom_days (self->view.zoom) / 2;
  sync_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
vigie_timeline_widget_scroll_days (VigieTimelineWidget *self,
                                   double               days)
{
  g_return_if_fail (VIGIE_IS_TIMELINE_WIDGET (self));

  self->view.start_day += days;
  sync_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
vigie_timeline_widget_scroll_to_row (VigieTimelineWidget *self,
                                     double               row)
{
  g_return_if_fail (VIGIE_IS_TIMELINE_WIDGET (self));

  self->view.first_row = row;
  sync_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
vigie_timeline_widget_get_n_rows (VigieTimelineWidget *self)
{
  g_return_val_if_fail (VIGIE_IS_TIMELINE_WIDGET (self), 0);
  return self->data.n_rows;
}

const VigieTimelineView *
vigie_timeline_widget_get_view (VigieTimelineWidget *self)
{
  g_return_val_if_fail (VIGIE_IS_TIMELINE_WIDGET (self), NULL);
  return &self->view;
}

const VigieTimelineData *
vigie_timeline_widget_get_data (VigieTimelineWidget *self)
{
  g_return_val_if_fail (VIGIE_IS_TIMELINE_WIDGET (self), NULL);
  return &self->data;
}

GtkWidget *
vigie_timeline_widget_new (void)
{
  return g_object_new (VIGIE_TYPE_TIMELINE_WIDGET, NULL);
}

/* ─── Class ──────────────────────────────────────────────────────────────── */

static void
vigie_timeline_widget_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  VigieTimelineWidget *self = VIGIE_TIMELINE_WIDGET (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT: g_value_set_object (value, self->hadjustment); break;
    case PROP_VADJUSTMENT: g_value_set_object (value, self->vadjustment); break;
    case PROP_HSCROLL_POLICY: g_value_set_enum (value, self->hscroll_policy); break;
    case PROP_VSCROLL_POLICY: g_value_set_enum (value, self->vscroll_policy); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigie_timeline_widget_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  VigieTimelineWidget *self = VIGIE_TIMELINE_WIDGET (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigie_timeline_widget_dispose (GObject *object)
{
  VigieTimelineWidget *self = VIGIE_TIMELINE_WIDGET (object);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  vigie_timeline_data_clear (&self->data);
  g_clear_pointer (&self->spans, vigie_action_spans_free);
  g_clear_pointer (&self->font, g_free);
  G_OBJECT_CLASS (vigie_timeline_widget_parent_class)->dispose (object);
}

static void
vigie_timeline_widget_scrollable_init (GtkScrollableInterface *iface)
{
}

static void
vigie_timeline_widget_class_init (VigieTimelineWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigie_timeline_widget_dispose;
  object_class->get_property = vigie_timeline_widget_get_property;
  object_class->set_property = vigie_timeline_widget_set_property;
  widget_class->snapshot = vigie_timeline_widget_snapshot;
  widget_class->size_allocate = vigie_timeline_widget_size_allocate;
  widget_class->measure = vigie_timeline_widget_measure;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /* An action was selected by the user (click, arrow keys). */
  signals[SIGNAL_SELECTED] = g_signal_new ("action-selected", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_INT64);
  /* An action was opened (click, Enter). */
  signals[SIGNAL_ACTIVATED] = g_signal_new ("action-activated", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
vigie_timeline_widget_init (VigieTimelineWidget *self)
{
  GtkEventController *controller;
  GtkGesture *click;

  vigie_timeline_style_init (&self->style);
  self->style.today_label = _("Today");
  self->style.overdue_label = _("Overdue");
  self->view.zoom = VIGIE_TIMELINE_ZOOM_QUARTER;
  vigie_timeline_data_init (&self->data, NULL, 0);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

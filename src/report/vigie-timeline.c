/* vigie-timeline.c — the remediation timeline: geometry, hit-testing, cairo rendering.
 *
 * Nothing here knows about GTK: colours, fonts and translated words come in through
 * VigieTimelineStyle, the data through VigieTimelineData.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "vigie-timeline.h"
#include "vigie-vocab.h"
/* Last: in a report, the axis and its month names follow the report's language. */
#include "vigie-report-i18n.h"

/* Status indices in VIGIE_VOCAB_REMEDIATION_STATUS (checked at run time in data_init). */
enum
{
  S_PROPOSED, S_PLAN_SUBMITTED, S_PLAN_ACCEPTED, S_PLAN_REJECTED, S_IN_PROGRESS,
  S_REPORTED_COMPLETE, S_VERIFIED_WORKERS, S_VERIFIED_MONITOR, S_CLOSED, S_DISPUTED,
  S_ESCALATED, S_ABANDONED, N_STATUSES
};

/* How far along the workflow each status is: the filled part of a bar that has no
 * completion date yet. */
static const double stage_fraction[N_STATUSES] = {
  [S_PROPOSED] = 0.0, [S_PLAN_SUBMITTED] = 0.1, [S_PLAN_ACCEPTED] = 0.25,
  [S_PLAN_REJECTED] = 0.1, [S_IN_PROGRESS] = 0.5, [S_REPORTED_COMPLETE] = 1.0,
  [S_VERIFIED_WORKERS] = 1.0, [S_VERIFIED_MONITOR] = 1.0, [S_CLOSED] = 1.0,
  [S_DISPUTED] = 0.5, [S_ESCALATED] = 0.25, [S_ABANDONED] = 0.0,
};

/* ─── Data ───────────────────────────────────────────────────────────────── */

void
vigie_timeline_data_init (VigieTimelineData      *data,
                          const VigieActionSpans *spans,
                          guint32                 today)
{
  GArray *rows;
  guint last_group = G_MAXUINT;

  g_return_if_fail (data != NULL);

  memset (data, 0, sizeof *data);
  data->today = today;
  if (spans == NULL)
    return;
  data->spans = (const VigieActionSpan *) (gpointer) spans->spans->data;
  data->n_spans = spans->spans->len;
  data->milestones = (const VigieActionMilestone *) (gpointer) spans->milestones->data;
  data->n_milestones = spans->milestones->len;
  data->group_labels = (const char * const *) spans->group_labels->pdata;
  data->n_groups = spans->group_labels->len;

  rows = g_array_sized_new (FALSE, FALSE, sizeof (gint32), data->n_spans + data->n_groups);
  for (guint i = 0; i < data->n_spans; i++)
    {
      gint32 value;

      if (data->spans[i].group != last_group)
        {
          last_group = data->spans[i].group;
          value = -(gint32) last_group - 1;
          g_array_append_val (rows, value);
        }
      value = (gint32) i;
      g_array_append_val (rows, value);
    }
  data->n_rows = rows->len;
  data->rows = (gint32 *) (gpointer) g_array_free (rows, FALSE);
}

void
vigie_timeline_data_clear (VigieTimelineData *data)
{
  g_return_if_fail (data != NULL);

  g_free (data->rows);
  memset (data, 0, sizeof *data);
}

static void
set_rgba (VigieRgba *c,
          double     r,
          double     g,
          double     b,
          double     a)
{
  c->r = r;
  c->g = g;
  c->b = b;
  c->a = a;
}

void
vigie_timeline_style_init (VigieTimelineStyle *style)
{
  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  /* The GNOME palette (libadwaita light). */
  set_rgba (&style->background, 1, 1, 1, 1);
  set_rgba (&style->foreground, 0, 0, 0, 0.8);
  set_rgba (&style->dim, 0, 0, 0, 0.45);
  set_rgba (&style->header_bg, 0.92, 0.92, 0.92, 1);
  set_rgba (&style->bar, 0.208, 0.518, 0.894, 1);         /* blue 3 */
  set_rgba (&style->done, 0.110, 0.443, 0.847, 1);        /* blue 4 */
  set_rgba (&style->overdue, 0.878, 0.106, 0.141, 1);     /* red 3 */
  set_rgba (&style->verified, 0.180, 0.761, 0.494, 1);    /* green 4 */
  set_rgba (&style->today, 0.902, 0.380, 0.0, 1);         /* orange 4 */
  set_rgba (&style->selection, 0.208, 0.518, 0.894, 0.18);
  set_rgba (&style->hover, 0, 0, 0, 0.05);
  style->font = "Sans 10";
  style->label_width = 260;
  style->axis_height = 36;
  style->row_height = 26;
  style->dpi = 96;
  style->today_label = _("Today");
  style->overdue_label = _("Overdue");
}

/* ─── Geometry ───────────────────────────────────────────────────────────── */

double
vigie_timeline_zoom_days (VigieTimelineZoom zoom)
{
  switch (zoom)
    {
    case VIGIE_TIMELINE_ZOOM_MONTH: return 31;
    case VIGIE_TIMELINE_ZOOM_QUARTER: return 92;
    case VIGIE_TIMELINE_ZOOM_YEAR:
    case VIGIE_TIMELINE_N_ZOOMS:
    default: return 366;
    }
}

double
vigie_timeline_pixels_per_day (const VigieTimelineStyle *style,
                               const VigieTimelineView  *view,
                               double                    width)
{
  return MAX (width - style->label_width, 1.0) / vigie_timeline_zoom_days (view->zoom);
}

double
vigie_timeline_day_to_x (const VigieTimelineStyle *style,
                         const VigieTimelineView  *view,
                         double                    width,
                         double                    day)
{
  return style->label_width
         + (day - view->start_day) * vigie_timeline_pixels_per_day (style, view, width);
}

double
vigie_timeline_x_to_day (const VigieTimelineStyle *style,
                         const VigieTimelineView  *view,
                         double                    width,
                         double                    x)
{
  return view->start_day
         + (x - style->label_width) / vigie_timeline_pixels_per_day (style, view, width);
}

double
vigie_timeline_row_to_y (const VigieTimelineStyle *style,
                         const VigieTimelineView  *view,
                         double                    row)
{
  return style->axis_height + (row - view->first_row) * style->row_height;
}

void
vigie_timeline_visible_rows (const VigieTimelineData  *data,
                             const VigieTimelineStyle *style,
                             const VigieTimelineView  *view,
                             double                    height,
                             guint                    *first,
                             guint                    *end)
{
  double top = MAX (view->first_row, 0);
  double bottom = view->first_row + MAX (height - style->axis_height, 0) / style->row_height;

  *first = (guint) MIN (floor (top), (double) data->n_rows);
  *end = (guint) MIN (ceil (MAX (bottom, 0)), (double) data->n_rows);
  if (*end < *first)
    *end = *first;
}

static guint32
bar_end_day (const VigieTimelineData *data,
             const VigieActionSpan   *span)
{
  guint32 end = span->due;

  if (span->completed > end)
    end = span->completed;
  if (end == 0)
    end = MAX (data->today, span->opened);
  return MAX (end, span->opened + 1);
}

gboolean
vigie_timeline_bar_rect (const VigieTimelineData  *data,
                         const VigieTimelineStyle *style,
                         const VigieTimelineView  *view,
                         double                    width,
                         guint                     row,
                         VigieTimelineRect        *rect)
{
  const VigieActionSpan *span;
  double x0, x1;

  if (row >= data->n_rows || data->rows[row] < 0)
    return FALSE;
  span = &data->spans[data->rows[row]];
  if (span->opened == 0)
    return FALSE;
  x0 = vigie_timeline_day_to_x (style, view, width, span->opened);
  x1 = vigie_timeline_day_to_x (style, view, width, bar_end_day (data, span));
  rect->x = x0;
  rect->width = MAX (x1 - x0, 1.0);
  rect->y = vigie_timeline_row_to_y (style, view, row) + style->row_height * 0.22;
  rect->height = style->row_height * 0.56;
  return TRUE;
}

guint
vigie_timeline_find_row (const VigieTimelineData *data,
                         gint64                   action_id)
{
  for (guint r = 0; r < data->n_rows; r++)
    if (data->rows[r] >= 0 && data->spans[data->rows[r]].id == action_id)
      return r;
  return G_MAXUINT;
}

gboolean
vigie_timeline_span_is_overdue (const VigieTimelineData *data,
                                const VigieActionSpan   *span)
{
  return span->pending && span->due != 0 && span->due < data->today;
}

static double
milestone_size (const VigieTimelineStyle *style)
{
  return MAX (style->row_height * 0.42, 6.0);
}

VigieTimelineHitKind
vigie_timeline_hit_test (const VigieTimelineData  *data,
                         const VigieTimelineStyle *style,
                         const VigieTimelineView  *view,
                         double                    width,
                         double                    height,
                         double                    x,
                         double                    y,
                         VigieTimelineHit         *hit)
{
  const VigieActionSpan *span;
  VigieTimelineRect bar;
  double row_f;
  guint row;

  memset (hit, 0, sizeof *hit);
  hit->span = hit->group = hit->milestone = -1;
  if (x < 0 || y < 0 || x >= width || y >= height)
    return hit->kind = VIGIE_TIMELINE_HIT_NONE;
  if (x >= style->label_width)
    hit->day = vigie_timeline_x_to_day (style, view, width, x);
  if (y < style->axis_height)
    return hit->kind = VIGIE_TIMELINE_HIT_AXIS;

  row_f = view->first_row + (y - style->axis_height) / style->row_height;
  if (row_f < 0 || row_f >= data->n_rows)
    return hit->kind = VIGIE_TIMELINE_HIT_NONE;
  row = (guint) floor (row_f);
  hit->row = row;
  if (data->rows[row] < 0)
    {
      hit->group = -data->rows[row] - 1;
      return hit->kind = VIGIE_TIMELINE_HIT_GROUP;
    }

  hit->span = data->rows[row];
  span = &data->spans[hit->span];
  hit->action_id = span->id;
  hit->kind = VIGIE_TIMELINE_HIT_ROW;
  if (x < style->label_width || !vigie_timeline_bar_rect (data, style, view, width, row, &bar))
    return hit->kind;

  /* Milestones sit on the bar's middle line; the latest one drawn wins. */
  for (int m = span->n_milestones - 1; m >= 0; m--)
    {
      const VigieActionMilestone *ms = &data->milestones[span->first_milestone + m];
      double mx = vigie_timeline_day_to_x (style, view, width, ms->day + 0.5);
      double half = milestone_size (style) / 2 + 1;

      if (fabs (x - mx) <= half && fabs (y - (bar.y + bar.height / 2)) <= half)
        {
          hit->milestone = (int) (span->first_milestone + m);
          return hit->kind = VIGIE_TIMELINE_HIT_MILESTONE;
        }
    }
  if (vigie_timeline_span_is_overdue (data, span))
    {
      /* The overdue extension (due → today) belongs to the bar. */
      double today_x = vigie_timeline_day_to_x (style, view, width, data->today);

      bar.width = MAX (bar.width, today_x - bar.x);
    }
  if (x >= bar.x && x <= bar.x + bar.width && y >= bar.y && y <= bar.y + bar.height)
    hit->kind = VIGIE_TIMELINE_HIT_BAR;
  return hit->kind;
}

/* ─── Rendering ──────────────────────────────────────────────────────────── */

static void
source (cairo_t         *cr,
        const VigieRgba *c)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, c->a);
}

static void
source_alpha (cairo_t         *cr,
              const VigieRgba *c,
              double           alpha)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, c->a * alpha);
}

static PangoLayout *
make_layout (cairo_t                  *cr,
             const VigieTimelineStyle *style,
             gboolean                  bold,
             gboolean                  small)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (style->font != NULL
                                                                   ? style->font : "Sans 10");

  pango_cairo_context_set_resolution (pango_layout_get_context (layout), style->dpi);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  if (small)
    pango_font_description_set_size (font, pango_font_description_get_size (font) * 5 / 6);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_context_changed (layout);
  return layout;
}

/* Draws TEXT with its left edge at X, vertically centred on CY, cut with "…" at MAX_WIDTH
 * (no limit when ≤ 0). Returns the width drawn. */
static double
draw_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       cy,
           double       max_width)
{
  int w, h;

  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  else
    {
      pango_layout_set_width (layout, -1);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
    }
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x, cy - h / 2.0);
  pango_cairo_show_layout (cr, layout);
  return w;
}

static void
julian_to_date (guint32  day,
                GDate   *date)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, MAX (day, 1));
}

static char *
format_day (guint32     day,
            const char *format)
{
  GDate date;
  char iso[16];

  julian_to_date (day, &date);
  g_snprintf (iso, sizeof iso, "%04d-%02d-%02d", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date));
  return vigie_report_format_date_as (iso, format);
}

/* The axis: a line and a label at each tick, grid lines down the row area. */
static void
draw_axis (cairo_t                  *cr,
           const VigieTimelineStyle *style,
           const VigieTimelineView  *view,
           double                    width,
           double                    height)
{
  PangoLayout *layout = make_layout (cr, style, FALSE, TRUE);
  double first = floor (view->start_day);
  double last = view->start_day + vigie_timeline_zoom_days (view->zoom) + 1;
  const char *format;
  GDate date;

  cairo_save (cr);
  cairo_rectangle (cr, style->label_width, 0, width - style->label_width, height);
  cairo_clip (cr);
  cairo_set_line_width (cr, 1);

  for (double d = first; d <= last; d++)
    {
      gboolean major, minor;
      double x;

      julian_to_date ((guint32) d, &date);
      if (view->zoom == VIGIE_TIMELINE_ZOOM_MONTH)
        {
          major = g_date_get_day (&date) == 1;
          minor = g_date_get_weekday (&date) == G_DATE_MONDAY;
          /* Translators: an axis tick of the timeline at month zoom, see strftime: "3 Jun" */
          format = major ? C_("timeline axis", "%b %Y") : C_("timeline axis", "%e %b");
        }
      else if (view->zoom == VIGIE_TIMELINE_ZOOM_QUARTER)
        {
          major = g_date_get_day (&date) == 1;
          minor = g_date_get_day (&date) == 15;
          /* Translators: an axis tick at quarter zoom (the first of a month), see strftime */
          format = C_("timeline axis", "%b %Y");
        }
      else
        {
          major = g_date_get_day (&date) == 1 && (g_date_get_month (&date) - 1) % 3 == 0;
          minor = g_date_get_day (&date) == 1;
          /* Translators: an axis tick at year zoom (the first of a month), see strftime */
          format = C_("timeline axis", "%b");
        }
      if (!major && !minor)
        continue;

      x = floor (vigie_timeline_day_to_x (style, view, width, d)) + 0.5;
      source_alpha (cr, &style->dim, major ? 0.6 : 0.3);
      cairo_move_to (cr, x, major ? style->axis_height * 0.3 : style->axis_height * 0.6);
      cairo_line_to (cr, x, height);
      cairo_stroke (cr);

      if (major || view->zoom != VIGIE_TIMELINE_ZOOM_QUARTER)
        {
          g_autofree char *label = NULL;

          if (view->zoom == VIGIE_TIMELINE_ZOOM_YEAR && major)
            /* Translators: an axis tick at year zoom on the first month of a quarter */
            label = format_day ((guint32) d, C_("timeline axis", "%b %Y"));
          else
            label = format_day ((guint32) d, format);
          source (cr, major ? &style->foreground : &style->dim);
          draw_text (cr, layout, label, x + 4, style->axis_height * 0.5, 0);
        }
    }
  cairo_restore (cr);
  g_object_unref (layout);
}

/* Diagonal hatching over RECT (the overdue part: readable without colour). */
static void
hatch (cairo_t                 *cr,
       const VigieTimelineRect *r)
{
  double step = 6;

  cairo_save (cr);
  cairo_rectangle (cr, r->x, r->y, r->width, r->height);
  cairo_clip (cr);
  cairo_set_line_width (cr, 1.5);
  for (double x = r->x - r->height; x < r->x + r->width; x += step)
    {
      cairo_move_to (cr, x, r->y + r->height);
      cairo_line_to (cr, x + r->height, r->y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_milestone (cairo_t                  *cr,
                const VigieTimelineStyle *style,
                double                    cx,
                double                    cy,
                guint8                    to_status)
{
  double h = milestone_size (style) / 2;
  const VigieRgba *fill = &style->foreground;

  if (to_status == S_VERIFIED_WORKERS || to_status == S_VERIFIED_MONITOR
      || to_status == S_CLOSED)
    fill = &style->verified;
  else if (to_status == S_DISPUTED || to_status == S_ESCALATED || to_status == S_ABANDONED
           || to_status == S_PLAN_REJECTED)
    fill = &style->overdue;

  cairo_move_to (cr, cx, cy - h);
  cairo_line_to (cr, cx + h, cy);
  cairo_line_to (cr, cx, cy + h);
  cairo_line_to (cr, cx - h, cy);
  cairo_close_path (cr);
  source (cr, fill);
  cairo_fill_preserve (cr);
  source (cr, &style->background);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static void
draw_bar (cairo_t                  *cr,
          PangoLayout              *small,
          const VigieTimelineData  *data,
          const VigieTimelineStyle *style,
          const VigieTimelineView  *view,
          double                    width,
          guint                     row)
{
  const VigieActionSpan *span = &data->spans[data->rows[row]];
  VigieTimelineRect bar;
  gboolean overdue = vigie_timeline_span_is_overdue (data, span);
  gboolean verified = span->status == S_VERIFIED_WORKERS || span->status == S_VERIFIED_MONITOR
                      || span->status == S_CLOSED;
  double done_x;
  double cy;

  if (!vigie_timeline_bar_rect (data, style, view, width, row, &bar))
    return;
  cy = bar.y + bar.height / 2;

  /* The whole span, light. */
  cairo_rectangle (cr, bar.x, bar.y, bar.width, bar.height);
  source_alpha (cr, verified ? &style->verified : &style->bar, 0.25);
  cairo_fill (cr);

  /* The completed portion: up to the completion date, or as far as the workflow got. */
  if (span->completed != 0)
    done_x = vigie_timeline_day_to_x (style, view, width, span->completed);
  else
    done_x = bar.x + bar.width * (span->status < N_STATUSES ? stage_fraction[span->status] : 0);
  if (done_x > bar.x)
    {
      cairo_rectangle (cr, bar.x, bar.y, MIN (done_x, bar.x + bar.width) - bar.x, bar.height);
      source (cr, verified ? &style->verified : &style->done);
      cairo_fill (cr);
    }

  /* Outline: dashed for an abandoned action. */
  cairo_rectangle (cr, floor (bar.x) + 0.5, floor (bar.y) + 0.5, MAX (floor (bar.width), 1),
                   floor (bar.height));
  source (cr, overdue ? &style->overdue : verified ? &style->verified : &style->bar);
  cairo_set_line_width (cr, 1);
  if (span->status == S_ABANDONED)
    {
      double dash[] = { 3, 3 };

      cairo_set_dash (cr, dash, 2, 0);
      source (cr, &style->dim);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  /* Plan due: a short tick above the bar. */
  if (span->plan_due != 0)
    {
      double px = floor (vigie_timeline_day_to_x (style, view, width, span->plan_due)) + 0.5;

      source (cr, &style->dim);
      cairo_move_to (cr, px, bar.y - 3);
      cairo_line_to (cr, px, bar.y + bar.height + 3);
      cairo_stroke (cr);
    }

  /* Overdue: from the due date to today, in the error colour and hatched, with a label. */
  if (overdue)
    {
      double due_x = vigie_timeline_day_to_x (style, view, width, span->due);
      double today_x = vigie_timeline_day_to_x (style, view, width, data->today);
      VigieTimelineRect late = { due_x, bar.y, MAX (today_x - due_x, 1), bar.height };
      g_autofree char *label = NULL;
      int days = (int) (data->today - span->due);

      cairo_rectangle (cr, late.x, late.y, late.width, late.height);
      source_alpha (cr, &style->overdue, 0.3);
      cairo_fill (cr);
      source (cr, &style->overdue);
      hatch (cr, &late);
      cairo_rectangle (cr, floor (late.x) + 0.5, floor (late.y) + 0.5, floor (late.width),
                       floor (late.height));
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);

      /* Translators: next to an overdue bar: "⚠ Overdue 23 d" (%1$s the word Overdue,
       * %2$d the number of days) */
      label = g_strdup_printf (C_("timeline", "⚠ %1$s %2$d d"), style->overdue_label, days);
      source (cr, &style->overdue);
      draw_text (cr, small, label, late.x + late.width + 4, cy, 0);
    }

  for (guint m = 0; m < span->n_milestones; m++)
    {
      const VigieActionMilestone *ms = &data->milestones[span->first_milestone + m];

      draw_milestone (cr, style, vigie_timeline_day_to_x (style, view, width, ms->day + 0.5),
                      cy, ms->to_status);
    }
}

void
vigie_timeline_render (cairo_t                  *cr,
                       const VigieTimelineData  *data,
                       const VigieTimelineStyle *style,
                       const VigieTimelineView  *view,
                       double                    width,
                       double                    height)
{
  PangoLayout *normal, *bold, *small;
  guint first, end;
  double today_x;

  g_return_if_fail (cr != NULL && data != NULL && style != NULL && view != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  source (cr, &style->background);
  cairo_paint (cr);

  normal = make_layout (cr, style, FALSE, FALSE);
  bold = make_layout (cr, style, TRUE, FALSE);
  small = make_layout (cr, style, FALSE, TRUE);

  draw_axis (cr, style, view, width, height);

  vigie_timeline_visible_rows (data, style, view, height, &first, &end);

  /* Rows: backgrounds and labels first, then the bars (clipped to the time area). */
  cairo_save (cr);
  cairo_rectangle (cr, 0, style->axis_height, width, height - style->axis_height);
  cairo_clip (cr);
  for (guint r = first; r < end; r++)
    {
      double y = vigie_timeline_row_to_y (style, view, r);
      double cy = y + style->row_height / 2;

      if (data->rows[r] < 0)
        {
          guint g = (guint) (-data->rows[r] - 1);

          cairo_rectangle (cr, 0, y, width, style->row_height);
          source (cr, &style->header_bg);
          cairo_fill (cr);
          source (cr, &style->foreground);
          draw_text (cr, bold, g < data->n_groups ? data->group_labels[g] : "", 8, cy,
                     width - 16);
        }
      else
        {
          const VigieActionSpan *span = &data->spans[data->rows[r]];

          if (span->id == view->selected_id || span->id == view->hover_id)
            {
              cairo_rectangle (cr, 0, y, width, style->row_height);
              source (cr, span->id == view->selected_id ? &style->selection : &style->hover);
              cairo_fill (cr);
            }
          source (cr, vigie_timeline_span_is_overdue (data, span) ? &style->overdue
                                                                  : &style->foreground);
          draw_text (cr, normal, span->label, 20, cy, style->label_width - 28);
        }
    }

  cairo_rectangle (cr, style->label_width, style->axis_height, width - style->label_width,
                   height - style->axis_height);
  cairo_clip (cr);
  for (guint r = first; r < end; r++)
    if (data->rows[r] >= 0)
      draw_bar (cr, small, data, style, view, width, r);
  cairo_restore (cr);

  /* The label column's edge and the axis band's bottom line. */
  source (cr, &style->dim);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, floor (style->label_width) - 0.5, 0);
  cairo_line_to (cr, floor (style->label_width) - 0.5, height);
  cairo_move_to (cr, 0, floor (style->axis_height) - 0.5);
  cairo_line_to (cr, width, floor (style->axis_height) - 0.5);
  cairo_stroke (cr);

  /* Today. */
  today_x = floor (vigie_timeline_day_to_x (style, view, width, data->today + 0.5)) + 0.5;
  if (data->today != 0 && today_x >= style->label_width && today_x <= width)
    {
      int w, h;

      source (cr, &style->today);
      cairo_set_line_width (cr, 2);
      cairo_move_to (cr, today_x, style->axis_height);
      cairo_line_to (cr, today_x, height);
      cairo_stroke (cr);

      pango_layout_set_text (small, style->today_label != NULL ? style->today_label : "", -1);
      pango_layout_set_width (small, -1);
      pango_layout_get_pixel_size (small, &w, &h);
      cairo_rectangle (cr, MIN (today_x - w / 2.0 - 4, width - w - 8),
                       style->axis_height - h - 4, w + 8, h + 2);
      source (cr, &style->today);
      cairo_fill (cr);
      source (cr, &style->background);
      cairo_move_to (cr, MIN (today_x - w / 2.0, width - w - 4), style->axis_height - h - 3);
      pango_cairo_show_layout (cr, small);
    }

  g_object_unref (normal);
  g_object_unref (bold);
  g_object_unref (small);
  cairo_restore (cr);
}

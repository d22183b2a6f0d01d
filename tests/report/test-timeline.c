/* test-timeline.c — the remediation timeline renderer: geometry at each zoom level,
 * hit-testing, pixels of a rendered PNG and the text of a rendered PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "vigie-timeline.h"
#include "vigie-vocab.h"

#define LABEL_W 200.0
#define AXIS_H  30.0
#define ROW_H   20.0
#define WIDTH   510.0      /* 310 px of time: 10 px per day at month zoom */
#define HEIGHT  130.0      /* the axis and 5 rows */

typedef struct
{
  VigieActionSpans  *spans;
  VigieTimelineData  data;
  VigieTimelineStyle style;
  VigieTimelineView  view;
} Fixture;

static guint32
jd (const char *iso)
{
  guint32 day = vigie_julian_from_iso (iso);

  g_assert_cmpuint (day, >, 0);
  return day;
}

static guint8
status_index (const char *code)
{
  return (guint8) vigie_vocab_index (VIGIE_VOCAB_REMEDIATION_STATUS, code);
}

static void
add_span (Fixture    *fx,
          gint64      id,
          const char *label,
          guint32     group,
          const char *opened,
          const char *due,
          const char *completed,
          const char *status,
          gboolean    pending)
{
  VigieActionSpan span = { 0, };

  span.id = id;
  span.label = g_string_chunk_insert (fx->spans->strings, label);
  span.group = group;
  span.opened = jd (opened);
  span.due = due != NULL ? jd (due) : 0;
  span.completed = completed != NULL ? jd (completed) : 0;
  span.status = status_index (status);
  span.pending = pending;
  g_array_append_val (fx->spans->spans, span);
}

static void
add_milestone (Fixture    *fx,
               guint       span_index,
               const char *day,
               const char *status)
{
  VigieActionSpan *span = &g_array_index (fx->spans->spans, VigieActionSpan, span_index);
  VigieActionMilestone m = { jd (day), status_index (status) };

  if (span->n_milestones == 0)
    span->first_milestone = fx->spans->milestones->len;
  span->n_milestones++;
  g_array_append_val (fx->spans->milestones, m);
}

/* Rows: 0 "Alpha Assembly", 1 action 11 (overdue), 2 action 12 (completed),
 * 3 "Beta Boards", 4 action 13. Today 2026-06-15, view from 2026-06-01. */
static void
fixture_setup (Fixture       *fx,
               gconstpointer  unused)
{
  fx->spans = g_new0 (VigieActionSpans, 1);
  fx->spans->spans = g_array_new (FALSE, FALSE, sizeof (VigieActionSpan));
  fx->spans->milestones = g_array_new (FALSE, FALSE, sizeof (VigieActionMilestone));
  fx->spans->group_labels = g_ptr_array_new ();
  fx->spans->strings = g_string_chunk_new (256);
  g_ptr_array_add (fx->spans->group_labels, (char *) "Alpha Assembly");
  g_ptr_array_add (fx->spans->group_labels, (char *) "Beta Boards");

  add_span (fx, 11, "Repay recruitment fees", 0, "2026-06-02", "2026-06-10", NULL,
            "in_progress", TRUE);
  add_span (fx, 12, "Cap overtime", 0, "2026-06-03", "2026-06-25", "2026-06-08",
            "reported_complete", FALSE);
  add_span (fx, 13, "Label containers", 1, "2026-06-01", "2026-06-30", NULL, "proposed", TRUE);
  add_milestone (fx, 0, "2026-06-02", "proposed");
  add_milestone (fx, 0, "2026-06-05", "plan_submitted");

  vigie_timeline_data_init (&fx->data, fx->spans, jd ("2026-06-15"));

  vigie_timeline_style_init (&fx->style);
  fx->style.label_width = LABEL_W;
  fx->style.axis_height = AXIS_H;
  fx->style.row_height = ROW_H;
  fx->style.today_label = "Today";
  fx->style.overdue_label = "Overdue";
  /* Distinct, opaque colours to find in the pixels. */
  fx->style.background = (VigieRgba) { 1, 1, 1, 1 };
  fx->style.header_bg = (VigieRgba) { 0.9, 0.9, 0.9, 1 };
  fx->style.today = (VigieRgba) { 1, 0, 1, 1 };
  fx->style.overdue = (VigieRgba) { 1, 0, 0, 1 };
  fx->style.done = (VigieRgba) { 0, 0, 1, 1 };

  fx->view.zoom = VIGIE_TIMELINE_ZOOM_MONTH;
  fx->view.start_day = jd ("2026-06-01");
  fx->view.first_row = 0;
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  unused)
{
  vigie_timeline_data_clear (&fx->data);
  vigie_action_spans_free (fx->spans);
}

/* ─── Geometry ───────────────────────────────────────────────────────────── */

static void
test_rows (Fixture       *fx,
           gconstpointer  unused)
{
  guint first, end;

  g_assert_cmpuint (fx->data.n_rows, ==, 5);
  g_assert_cmpint (fx->data.rows[0], ==, -1);
  g_assert_cmpint (fx->data.rows[1], ==, 0);
  g_assert_cmpint (fx->data.rows[2], ==, 1);
  g_assert_cmpint (fx->data.rows[3], ==, -2);
  g_assert_cmpint (fx->data.rows[4], ==, 2);
  g_assert_cmpuint (vigie_timeline_find_row (&fx->data, 13), ==, 4);
  g_assert_cmpuint (vigie_timeline_find_row (&fx->data, 99), ==, G_MAXUINT);

  g_assert_cmpfloat_with_epsilon (vigie_timeline_row_to_y (&fx->style, &fx->view, 3),
                                  AXIS_H + 60, 1e-9);
  fx->view.first_row = 1;
  g_assert_cmpfloat_with_epsilon (vigie_timeline_row_to_y (&fx->style, &fx->view, 3),
                                  AXIS_H + 40, 1e-9);

  fx->view.first_row = 0;
  vigie_timeline_visible_rows (&fx->data, &fx->style, &fx->view, HEIGHT, &first, &end);
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (end, ==, 5);
  fx->view.first_row = 1.5;
  vigie_timeline_visible_rows (&fx->data, &fx->style, &fx->view, AXIS_H + 2 * ROW_H,
                               &first, &end);
  g_assert_cmpuint (first, ==, 1);
  g_assert_cmpuint (end, ==, 4);
  /* Far below the data: nothing. */
  fx->view.first_row = 40;
  vigie_timeline_visible_rows (&fx->data, &fx->style, &fx->view, HEIGHT, &first, &end);
  g_assert_cmpuint (end - first, ==, 0);

  g_assert_true (vigie_timeline_span_is_overdue (&fx->data, &fx->data.spans[0]));
  g_assert_false (vigie_timeline_span_is_overdue (&fx->data, &fx->data.spans[1]));
  g_assert_false (vigie_timeline_span_is_overdue (&fx->data, &fx->data.spans[2]));
}

static void
test_zoom_geometry (Fixture       *fx,
                    gconstpointer  unused)
{
  struct { VigieTimelineZoom zoom; double days; } zooms[] = {
    { VIGIE_TIMELINE_ZOOM_MONTH, 31 },
    { VIGIE_TIMELINE_ZOOM_QUARTER, 92 },
    { VIGIE_TIMELINE_ZOOM_YEAR, 366 },
  };

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      double ppd = (WIDTH - LABEL_W) / zooms[z].days;
      VigieTimelineRect bar;

      fx->view.zoom = zooms[z].zoom;
      g_assert_cmpfloat (vigie_timeline_zoom_days (zooms[z].zoom), ==, zooms[z].days);
      g_assert_cmpfloat_with_epsilon (vigie_timeline_pixels_per_day (&fx->style, &fx->view,
                                                                     WIDTH), ppd, 1e-9);
      /* The view's first day is at the label column's edge; 2026-06-11 ten days on. */
      g_assert_cmpfloat_with_epsilon (vigie_timeline_day_to_x (&fx->style, &fx->view, WIDTH,
                                                               jd ("2026-06-01")),
                                      LABEL_W, 1e-9);
      g_assert_cmpfloat_with_epsilon (vigie_timeline_day_to_x (&fx->style, &fx->view, WIDTH,
                                                               jd ("2026-06-11")),
                                      LABEL_W + 10 * ppd, 1e-9);
      g_assert_cmpfloat_with_epsilon (vigie_timeline_x_to_day (&fx->style, &fx->view, WIDTH,
                                                               LABEL_W + 10 * ppd),
                                      jd ("2026-06-11"), 1e-9);

      /* Action 11: opened 2026-06-02, due 2026-06-10. */
      g_assert_true (vigie_timeline_bar_rect (&fx->data, &fx->style, &fx->view, WIDTH, 1, &bar));
      g_assert_cmpfloat_with_epsilon (bar.x, LABEL_W + 1 * ppd, 1e-9);
      g_assert_cmpfloat_with_epsilon (bar.width, 8 * ppd, 1e-9);
      g_assert_cmpfloat_with_epsilon (bar.y, AXIS_H + ROW_H + ROW_H * 0.22, 1e-9);
      g_assert_cmpfloat_with_epsilon (bar.height, ROW_H * 0.56, 1e-9);
      /* Action 12 was completed early: its bar still runs to its due date (06-25). */
      g_assert_true (vigie_timeline_bar_rect (&fx->data, &fx->style, &fx->view, WIDTH, 2, &bar));
      g_assert_cmpfloat_with_epsilon (bar.x, LABEL_W + 2 * ppd, 1e-9);
      g_assert_cmpfloat_with_epsilon (bar.width, 22 * ppd, 1e-9);
      /* Header rows have no bar. */
      g_assert_false (vigie_timeline_bar_rect (&fx->data, &fx->style, &fx->view, WIDTH, 0, &bar));
    }

  /* Scrolling in time moves every bar by the same amount. */
  {
    VigieTimelineRect before, after;

    fx->view.zoom = VIGIE_TIMELINE_ZOOM_MONTH;
    vigie_timeline_bar_rect (&fx->data, &fx->style, &fx->view, WIDTH, 4, &before);
    fx->view.start_day += 7;
    vigie_timeline_bar_rect (&fx->data, &fx->style, &fx->view, WIDTH, 4, &after);
    g_assert_cmpfloat_with_epsilon (before.x - after.x, 70, 1e-9);
    g_assert_cmpfloat_with_epsilon (before.width, after.width, 1e-9);
  }
}

static void
test_hit_testing (Fixture       *fx,
                  gconstpointer  unused)
{
  VigieTimelineHit hit;

  /* Row 1 (action 11) spans y 50..70; its bar x 210..290, overdue to x 340. */
  g_assert_cmpint (vigie_timeline_hit_test (&fx->data, &fx->style, &fx->view, WIDTH, HEIGHT,
                                            265, 60, &hit), ==, VIGIE_TIMELINE_HIT_BAR);
  g_assert_cmpint (hit.action_id, ==, 11);
  g_assert_cmpuint (hit.row, ==, 1);
  g_assert_cmpint (hit.span, ==, 0);
  g_assert_cmpfloat_with_epsilon (hit.day, jd ("2026-06-01") + 6.5, 1e-9);

  /* The milestone of 2026-06-05 sits at x 245. */
  g_assert_cmpint (vigie_timeline_hit_test (&fx->data, &fx->style, &fx->view, WIDTH, HEIGHT,
                                            246, 60, &hit), ==, VIGIE_TIMELINE_HIT_MILESTONE);
  g_assert_cmpint (hit.milestone, ==, 1);
  g_assert_cmpint (hit.action_id, ==, 11);
  g_assert_cmpint (vigie_timeline_hit_test (&fx->data, &fx->style, &fx->view, WIDTH, HEIGHT,
                                            215, 60, &hit), ==, VIGIE_TIMELINE_HIT_MILESTONE);
  g_assert_cmpint (hit.milestone, ==, 0);

  /* The overdue extension is part of the bar; past today it is the row. */
  g_assert_cmpint (vigie_timeline_hit_test (&fx->data, &fx->style, &fx->view, WIDTH, HEIGHT,
                                            320, 60, &hit), ==, VIGIE_TIMELINE_HIT_BAR);
  g_assert_cmpint (vigie_timeline_hit_test (&fx->data, &fx->style, &fx->view, WIDTH, HEIGHT,
                                            400, 60, &hit), ==, VIGIE_TIMELINE_HIT_ROW);
  g_assert_cmpint (hit.action_id, ==, 11);
  /* Above and below the bar in its row. */
  g_assert_cmpint (vigie_timeline_hit_test (&fx->data, &fx->style, &fx->view, WIDTH, HEIGHT,
                                            265, 52, &hit), ==, VIGIE_TIMELINE_HIT_ROW);

  /* Label column, group header, axis, empty space. */
  g_assert_cmpint (vigie_timeline_hit_test (&fx->data, &fx->style, &fx->view, WIDTH, HEIGHT,
                                            100, 80, &hit), ==, VIGIE_TIMELINE_HIT_ROW);
  g_assert_cmpint (hit.action_id, ==, 12);
  g_assert_cmpint (vigie_timeline_hit_test (&fx->data, &fx->style, &fx->view, WIDTH, HEIGHT,
                                            100, 100, &hit), ==, VIGIE_TIMELINE_HIT_GROUP);
  g_assert_cmpint (hit.group, ==, 1);
  g_assert_cmpint (hit.action_id, ==, 0);
  g_assert_cmpint (vigie_timeline_hit_test (&fx->data, &fx->style, &fx->view, WIDTH, HEIGHT,
                                            300, 10, &hit), ==, VIGIE_TIMELINE_HIT_AXIS);
  g_assert_cmpint (vigie_timeline_hit_test (&fx->data, &fx->style, &fx->view, WIDTH,
                                            HEIGHT + 100, 300, HEIGHT + 50, &hit),
                   ==, VIGIE_TIMELINE_HIT_NONE);
  g_assert_cmpint (vigie_timeline_hit_test (&fx->data, &fx->style, &fx->view, WIDTH, HEIGHT,
                                            -1, 60, &hit), ==, VIGIE_TIMELINE_HIT_NONE);

  /* Scrolled down by two rows: y 40 is row 2 (action 12). */
  fx->view.first_row = 2;
  g_assert_cmpint (vigie_timeline_hit_test (&fx->data, &fx->style, &fx->view, WIDTH, HEIGHT,
                                            100, 40, &hit), ==, VIGIE_TIMELINE_HIT_ROW);
  g_assert_cmpint (hit.action_id, ==, 12);
  /* At quarter zoom the bar of action 11 is 8 × 310/92 px wide from x 203.4. */
  fx->view.first_row = 0;
  fx->view.zoom = VIGIE_TIMELINE_ZOOM_QUARTER;
  g_assert_cmpint (vigie_timeline_hit_test (&fx->data, &fx->style, &fx->view, WIDTH, HEIGHT,
                                            228, 60, &hit), ==, VIGIE_TIMELINE_HIT_BAR);
  g_assert_cmpint (vigie_timeline_hit_test (&fx->data, &fx->style, &fx->view, WIDTH, HEIGHT,
                                            258, 60, &hit), ==, VIGIE_TIMELINE_HIT_ROW);
}

/* ─── Rendering ──────────────────────────────────────────────────────────── */

static void
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y,
          double          *r,
          double          *g,
          double          *b)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 px = *(const guint32 *) (gconstpointer) (data + y * stride + x * 4);

  *r = ((px >> 16) & 0xff) / 255.0;
  *g = ((px >> 8) & 0xff) / 255.0;
  *b = (px & 0xff) / 255.0;
}

static void
test_render_png (Fixture       *fx,
                 gconstpointer  unused)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double r, g, b;
  g_autofree char *png = NULL;
  int bright = 0;

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) WIDTH, (int) HEIGHT);
  cr = cairo_create (surface);
  vigie_timeline_render (cr, &fx->data, &fx->style, &fx->view, WIDTH, HEIGHT);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  png = g_build_filename (g_getenv ("G_TEST_BUILDDIR") != NULL ? g_getenv ("G_TEST_BUILDDIR")
                                                               : ".",
                          "timeline.png", NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);

  /* The today line (2026-06-15, x 345) crosses the header row of Beta Boards. */
  pixel_at (surface, 345, 100, &r, &g, &b);
  g_assert_cmpfloat (r, >, 0.95);
  g_assert_cmpfloat (g, <, 0.05);
  g_assert_cmpfloat (b, >, 0.95);
  /* Away from it, the header row's own colour. */
  pixel_at (surface, 2, 100, &r, &g, &b);
  g_assert_cmpfloat_with_epsilon (r, 0.9, 0.01);
  g_assert_cmpfloat_with_epsilon (b, 0.9, 0.01);

  /* Action 11's overdue part (due 06-10 → today, x 290..340): the error colour. */
  pixel_at (surface, 315, 60, &r, &g, &b);
  g_assert_cmpfloat (r, >, 0.95);
  g_assert_cmpfloat (g, <, 0.8);
  g_assert_cmpfloat (b, <, 0.8);
  /* …and hatched: along a row of it, both fully red and lighter pixels. */
  for (int x = 292; x < 338; x++)
    {
      pixel_at (surface, x, 60, &r, &g, &b);
      g_assert_cmpfloat (r, >, 0.95);
      bright += g > 0.5;
    }
  g_assert_cmpint (bright, >, 5);
  g_assert_cmpint (bright, <, 40);

  /* Action 12's completed portion (06-03 → 06-08, x 220..270): the done colour. */
  pixel_at (surface, 245, 80, &r, &g, &b);
  g_assert_cmpfloat (r, <, 0.05);
  g_assert_cmpfloat (g, <, 0.05);
  g_assert_cmpfloat (b, >, 0.95);
  /* The rest of its bar (to 06-25) is lighter, not the done colour. */
  pixel_at (surface, 400, 80, &r, &g, &b);
  g_assert_cmpfloat (r, >, 0.5);

  /* Not overdue: action 13's bar has no red. */
  pixel_at (surface, 300, 120, &r, &g, &b);
  g_assert_false (r > 0.95 && g < 0.5 && b < 0.5);

  cairo_surface_destroy (surface);
}

static void
test_render_pdf (Fixture       *fx,
                 gconstpointer  unused)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vigie-timeline-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "timeline.pdf", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *text = NULL;
  cairo_surface_t *surface;
  PopplerDocument *doc;
  PopplerPage *page;
  cairo_t *cr;

  g_assert_no_error (error);
  surface = cairo_pdf_surface_create (path, 595, 300);
  cr = cairo_create (surface);
  fx->style.dpi = 72;
  /* On a page the whole range is shown: the quarter around the actions. */
  fx->view.zoom = VIGIE_TIMELINE_ZOOM_QUARTER;
  fx->view.start_day = jd ("2026-05-01");
  vigie_timeline_render (cr, &fx->data, &fx->style, &fx->view, 595, 300);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  uri = g_filename_to_uri (path, NULL, &error);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 1);
  page = poppler_document_get_page (doc, 0);
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, "Alpha Assembly"));
  g_assert_nonnull (strstr (text, "Beta Boards"));
  g_assert_nonnull (strstr (text, "Repay recruitment fees"));
  g_assert_nonnull (strstr (text, "Label containers"));
  g_assert_nonnull (strstr (text, "Today"));
  g_assert_nonnull (strstr (text, "Overdue"));
  /* Axis ticks in the C locale. */
  g_assert_nonnull (strstr (text, "Jun"));
  g_object_unref (page);
  g_object_unref (doc);

  g_unlink (path);
  g_rmdir (dir);
}

/* Only the visible rows are drawn: a huge dataset scrolled to its middle renders the
 * same pixels as a small one holding just those rows. */
static void
test_render_large (void)
{
  VigieActionSpans *spans = g_new0 (VigieActionSpans, 1);
  VigieTimelineData data;
  VigieTimelineStyle style;
  VigieTimelineView view = { VIGIE_TIMELINE_ZOOM_YEAR, 0, 0, 0, 0 };
  cairo_surface_t *surface;
  cairo_t *cr;
  gint64 start;
  double ms;
  guint32 base = vigie_julian_from_iso ("2026-01-01");

  spans->spans = g_array_new (FALSE, FALSE, sizeof (VigieActionSpan));
  spans->milestones = g_array_new (FALSE, FALSE, sizeof (VigieActionMilestone));
  spans->group_labels = g_ptr_array_new ();
  spans->strings = g_string_chunk_new (4096);
  for (guint i = 0; i < 10000; i++)
    {
      VigieActionSpan s = { 0, };

      if (i % 50 == 0)
        g_ptr_array_add (spans->group_labels,
                         g_string_chunk_insert (spans->strings, "Site"));
      s.id = i + 1;
      s.label = "Action";
      s.group = spans->group_labels->len - 1;
      s.opened = base + i % 300;
      s.due = s.opened + 90;
      s.pending = TRUE;
      g_array_append_val (spans->spans, s);
    }
  vigie_timeline_data_init (&data, spans, base + 200);
  g_assert_cmpuint (data.n_rows, ==, 10200);
  vigie_timeline_style_init (&style);
  view.start_day = base;
  view.first_row = 5000;

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1000, 600);
  cr = cairo_create (surface);
  start = g_get_monotonic_time ();
  vigie_timeline_render (cr, &data, &style, &view, 1000, 600);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  g_test_message ("render of 10,200 rows scrolled to row 5000: %.1f ms", ms);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  vigie_timeline_data_clear (&data);
  vigie_action_spans_free (spans);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

#define FX(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  FX ("/timeline/rows", test_rows);
  FX ("/timeline/geometry", test_zoom_geometry);
  FX ("/timeline/hit-test", test_hit_testing);
  FX ("/timeline/render/png", test_render_png);
  FX ("/timeline/render/pdf", test_render_pdf);
  g_test_add_func ("/timeline/render/large", test_render_large);
#undef FX

  return g_test_run ();
}

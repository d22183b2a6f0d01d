/* test-charts.c — the donut, line and small-multiples renderers: geometry, hit testing,
 * pixels on an image surface, a PDF, and the accessible descriptions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "report-test-util.h"
#include "vigie-chart-describe.h"
#include "vigie-chart-donut.h"
#include "vigie-chart-grid.h"
#include "vigie-chart-line.h"

/* ─── Donut ──────────────────────────────────────────────────────────────── */

static const char * const severities[] = { "Critical", "Major", "Minor", "Observation" };
static const double severity_counts[] = { 10, 30, 0, 60 };   /* total 100 */

static VigieDonutChartData
donut_data (void)
{
  VigieDonutChartData data = {
    .title = "Findings by severity",
    .n_slices = G_N_ELEMENTS (severities),
    .labels = severities,
    .values = severity_counts,
    .total_label = "findings",
    .empty_text = "No finding",
  };
  return data;
}

static void
test_donut_geometry (void)
{
  VigieDonutChartData data = donut_data ();
  VigieChartStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 300);
  cairo_t *cr = cairo_create (surface);
  VigieDonutChartGeometry g;
  double a0, a1;
  guint slice;
  VigieChartRect legend;

  vigie_chart_style_init_default (&style);
  g_assert_true (vigie_donut_chart_compute_geometry (cr, &data, &style, 600, 300, &g));
  g_assert_cmpfloat (g.total, ==, 100);
  g_assert_cmpfloat (g.inner_radius, >, 0);
  g_assert_cmpfloat (g.inner_radius, <, g.outer_radius);
  g_assert_cmpfloat (g.cy + g.outer_radius, <=, 300);
  /* Wide area: the legend is right of the ring, all four rows fit. */
  g_assert_cmpfloat (g.legend.x, >=, g.cx + g.outer_radius);
  g_assert_cmpuint (g.n_legend_visible, ==, 4);

  /* Angles proportional to the values, clockwise from twelve o'clock; no zero slice. */
  g_assert_true (vigie_donut_chart_slice_angles (&g, &data, 0, &a0, &a1));
  g_assert_cmpfloat (fabs (a0), <, 1e-9);
  g_assert_cmpfloat (fabs (a1 - 0.1 * 2 * G_PI), <, 1e-9);
  g_assert_true (vigie_donut_chart_slice_angles (&g, &data, 1, &a0, &a1));
  g_assert_cmpfloat (fabs (a1 - 0.4 * 2 * G_PI), <, 1e-9);
  g_assert_false (vigie_donut_chart_slice_angles (&g, &data, 2, &a0, &a1));
  g_assert_true (vigie_donut_chart_slice_angles (&g, &data, 3, &a0, &a1));
  g_assert_cmpfloat (fabs (a1 - 2 * G_PI), <, 1e-9);

  /* Hit testing on the ring: just right of twelve o'clock is Critical (0..36°); three
   * o'clock (90°) is Major (36..144°); nine o'clock (270°) is Observation. */
  {
    double mid = (g.inner_radius + g.outer_radius) / 2;

    g_assert_true (vigie_donut_chart_hit_test (&g, &data, g.cx + 5, g.cy - mid, &slice));
    g_assert_cmpuint (slice, ==, 0);
    g_assert_true (vigie_donut_chart_hit_test (&g, &data, g.cx + mid, g.cy, &slice));
    g_assert_cmpuint (slice, ==, 1);
    g_assert_true (vigie_donut_chart_hit_test (&g, &data, g.cx - mid, g.cy, &slice));
    g_assert_cmpuint (slice, ==, 3);
    /* The hole and outside the ring are not slices. */
    g_assert_false (vigie_donut_chart_hit_test (&g, &data, g.cx, g.cy, &slice));
    g_assert_false (vigie_donut_chart_hit_test (&g, &data, g.cx, g.cy - g.outer_radius - 3,
                                                &slice));
  }
  /* The legend rows are hit too. */
  g_assert_true (vigie_donut_chart_legend_rect (&g, 2, &legend));
  g_assert_true (vigie_donut_chart_hit_test (&g, &data, legend.x + 5, legend.y + 2, &slice));
  g_assert_cmpuint (slice, ==, 2);

  /* Narrow and tall: the legend goes under the ring. */
  g_assert_true (vigie_donut_chart_compute_geometry (cr, &data, &style, 220, 420, &g));
  g_assert_cmpfloat (g.legend.y, >=, g.cy + g.outer_radius);
  /* Too small. */
  g_assert_false (vigie_donut_chart_compute_geometry (cr, &data, &style, 30, 30, &g));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  vigie_chart_style_clear (&style);
}

static void
test_donut_pixels (void)
{
  VigieDonutChartData data = donut_data ();
  VigieChartStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 300);
  cairo_t *cr = cairo_create (surface);
  VigieDonutChartGeometry g;
  double mid;

  vigie_chart_style_init_default (&style);
  vigie_chart_donut_render (cr, &data, &style, 600, 300);
  g_assert_true (vigie_donut_chart_compute_geometry (cr, &data, &style, 600, 300, &g));
  mid = (g.inner_radius + g.outer_radius) / 2;
  /* Critical (series 0, solid accent) just right of twelve o'clock, near the outer edge. */
  g_assert_cmphex (vigie_report_test_pixel (surface, (int) (g.cx + 6),
                                            (int) (g.cy - g.outer_radius + 4)),
                   ==, vigie_report_test_rgb (style.accent));
  /* The hole and the corner stay background. */
  g_assert_cmphex (vigie_report_test_pixel (surface, (int) (g.cx + g.inner_radius * 0.5),
                          (int) (g.cy + g.inner_radius * 0.5)), ==, 0xffffff);
  g_assert_cmphex (vigie_report_test_pixel (surface, 2, 298), ==, 0xffffff);
  /* Observation (series 3: cross-hatched) is not a plain fill: its area on the ring holds
   * more than one colour. */
  {
    guint32 first = vigie_report_test_pixel (surface, (int) (g.cx - mid), (int) g.cy);
    gboolean differs = FALSE;

    for (int dy = -6; dy <= 6 && !differs; dy++)
      for (int dx = -6; dx <= 6 && !differs; dx++)
        differs = vigie_report_test_pixel (surface, (int) (g.cx - mid) + dx,
                                           (int) g.cy + dy) != first;
    g_assert_true (differs);
  }

  /* Empty: only the empty text, no ring. */
  {
    static const double zeros[] = { 0, 0, 0, 0 };

    data.values = zeros;
    cairo_set_source_rgb (cr, 1, 1, 1);
    cairo_paint (cr);
    vigie_chart_donut_render (cr, &data, &style, 600, 300);
    g_assert_true (vigie_donut_chart_compute_geometry (cr, &data, &style, 600, 300, &g));
    g_assert_cmpfloat (g.total, ==, 0);
    g_assert_cmphex (vigie_report_test_pixel (surface, (int) (g.cx + 6),
                                              (int) (g.cy - g.outer_radius + 4)),
                     ==, 0xffffff);
  }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  vigie_chart_style_clear (&style);
}

static void
test_donut_describe (void)
{
  VigieDonutChartData data = donut_data ();
  g_autofree char *text = vigie_donut_chart_describe (&data);

  g_assert_cmpstr (text, ==, "Findings by severity: Critical 10 (10 %), Major 30 (30 %), "
                             "Observation 60 (60 %); total 100.");
}

/* ─── Line ───────────────────────────────────────────────────────────────── */

static const char * const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
static const char * const line_series[] = { "Findings", "Actions completed" };
static const double line_values[] = {
  10, 12, 18, 9, 4, 0, 7, 8, 11, 16, 13, 20,
  2, 3, 5, 8, NAN, 6, 4, 9, 12, 10, 14, 15,
};

static VigieLineChartData
line_data (void)
{
  VigieLineChartData data = {
    .title = "Findings and closures per month",
    .n_points = 12,
    .point_labels = months,
    .n_series = 2,
    .series_names = line_series,
    .values = line_values,
    .area = TRUE,
  };
  return data;
}

static void
test_line_geometry (void)
{
  VigieLineChartData data = line_data ();
  VigieChartStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 640, 320);
  cairo_t *cr = cairo_create (surface);
  VigieLineChartGeometry g;
  double x0, y0, x11, y11, x, y;
  guint series, point;

  vigie_chart_style_init_default (&style);
  g_assert_true (vigie_line_chart_compute_geometry (cr, &data, &style, 640, 320, &g));
  g_assert_cmpfloat (g.max_value, >=, 20);         /* the highest point */
  g_assert_cmpfloat (g.max_value, <=, 25);
  g_assert_cmpfloat (fmod (g.max_value, g.tick_step), <, 1e-9);
  g_assert_cmpfloat (g.legend_height, >, 0);        /* two series */
  g_assert_cmpfloat (g.axis_width, >, 0);
  g_assert_cmpfloat (fabs (g.x_step - g.plot.width / 11), <, 1e-9);
  g_assert_true (g.label_all_points);                /* 12 points in 600 px */
  g_assert_cmpuint (g.label_every, ==, 1);

  /* First point at the left edge, last at the right; y proportional to the value. */
  g_assert_true (vigie_line_chart_point (&g, &data, 0, 0, &x0, &y0));
  g_assert_true (vigie_line_chart_point (&g, &data, 0, 11, &x11, &y11));
  g_assert_cmpfloat (fabs (x0 - g.plot.x), <, 1e-9);
  g_assert_cmpfloat (fabs (x11 - (g.plot.x + g.plot.width)), <, 1e-9);
  g_assert_cmpfloat (fabs ((g.plot.y + g.plot.height - y11) / (g.plot.y + g.plot.height - y0)
                           - 2.0), <, 1e-9);        /* 20 is twice 10 */
  g_assert_true (vigie_line_chart_point (&g, &data, 0, 5, &x, &y));
  g_assert_cmpfloat (fabs (y - (g.plot.y + g.plot.height)), <, 1e-9);   /* 0 on the axis */
  /* A gap has no point. */
  g_assert_false (vigie_line_chart_point (&g, &data, 1, 4, &x, &y));
  g_assert_false (vigie_line_chart_point (&g, &data, 2, 0, &x, &y));

  /* Hit testing: in March's column, near the Findings point (18), then near the
   * Actions point (5). */
  vigie_line_chart_point (&g, &data, 0, 2, &x, &y);
  g_assert_true (vigie_line_chart_hit_test (&g, &data, x + g.x_step * 0.3, y + 2, &series,
                                            &point));
  g_assert_cmpuint (point, ==, 2);
  g_assert_cmpuint (series, ==, 0);
  vigie_line_chart_point (&g, &data, 1, 2, &x, &y);
  g_assert_true (vigie_line_chart_hit_test (&g, &data, x - g.x_step * 0.3, y - 1, &series,
                                            &point));
  g_assert_cmpuint (point, ==, 2);
  g_assert_cmpuint (series, ==, 1);
  /* May: Actions has a gap, the Findings point is the only one. */
  vigie_line_chart_point (&g, &data, 0, 4, &x, &y);
  g_assert_true (vigie_line_chart_hit_test (&g, &data, x, g.plot.y, &series, &point));
  g_assert_cmpuint (point, ==, 4);
  g_assert_cmpuint (series, ==, 0);
  /* Outside the plot. */
  g_assert_false (vigie_line_chart_hit_test (&g, &data, 1, 1, &series, &point));

  /* Narrow: labels thinned, values only at the highest and last points. */
  g_assert_true (vigie_line_chart_compute_geometry (cr, &data, &style, 160, 200, &g));
  g_assert_cmpuint (g.label_every, >, 1);
  g_assert_false (g.label_all_points);
  g_assert_false (vigie_line_chart_compute_geometry (cr, &data, &style, 20, 20, &g));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  vigie_chart_style_clear (&style);
}

static void
test_line_pixels (void)
{
  VigieLineChartData data = line_data ();
  VigieChartStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 640, 320);
  cairo_t *cr = cairo_create (surface);
  VigieLineChartGeometry g;
  double x, y, x2, y2;

  vigie_chart_style_init_default (&style);
  vigie_chart_line_render (cr, &data, &style, 640, 320);
  g_assert_true (vigie_line_chart_compute_geometry (cr, &data, &style, 640, 320, &g));
  /* The Findings line (solid accent) between two of its points: half way from September
   * (11) to October (16). */
  vigie_line_chart_point (&g, &data, 0, 8, &x, &y);
  vigie_line_chart_point (&g, &data, 0, 9, &x2, &y2);
  {
    int px = (int) ((x + x2) / 2), py = (int) ((y + y2) / 2);
    gboolean found = FALSE;

    for (int dy = -1; dy <= 1 && !found; dy++)
      found = vigie_report_test_pixel (surface, px, py + dy)
              == vigie_report_test_rgb (style.accent);
    g_assert_true (found);
  }
  /* The area under the line is tinted (not white), above the line it is not. */
  g_assert_cmphex (vigie_report_test_pixel (surface, (int) ((x + x2) / 2),
                                            (int) (g.plot.y + g.plot.height - 3)),
                   !=, 0xffffff);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  vigie_chart_style_clear (&style);
}

static void
test_line_describe (void)
{
  VigieLineChartData data = line_data ();
  g_autofree char *text = vigie_line_chart_describe (&data);

  /* Findings: 10+12+18+9+4+0+7+8+11+16+13+20 = 128, highest 20 in Dec. Actions:
   * 2+3+5+8+6+4+9+12+10+14+15 = 88, highest 15 in Dec; May is a gap. */
  g_assert_true (g_str_has_prefix (text, "Findings and closures per month. Findings: total 128, "
                                         "highest 20 in Dec (Jan 10, Feb 12, "));
  g_assert_nonnull (strstr (text, "Actions completed: total 88, highest 15 in Dec"));
  g_assert_null (strstr (text, "May NaN"));
  g_assert_null (strstr (text, "May nan"));
}

/* ─── Grid ───────────────────────────────────────────────────────────────── */

static const char * const countries[] = { "China", "Viet Nam", "Mexico", "Thailand", "India" };
static const char * const quarters[] = { "Q1", "Q2", "Q3", "Q4" };
static const double grid_values[] = {
  40, 35, 50, 45,      /* China: 170, highest 50 in Q3 */
  10, 12, 8, 20,       /* Viet Nam: 50 */
  5, 0, 3, NAN,        /* Mexico: 8 */
  2, 2, 2, 2,          /* Thailand */
  0, 0, 0, 0,          /* India */
};

static VigieGridChartData
grid_data (VigieGridChartKind kind)
{
  VigieGridChartData data = {
    .title = "Findings per quarter, by country",
    .n_cells = G_N_ELEMENTS (countries),
    .cell_titles = countries,
    .n_points = 4,
    .point_labels = quarters,
    .values = grid_values,
    .kind = kind,
  };
  return data;
}

static void
test_grid_geometry (void)
{
  VigieGridChartData data = grid_data (VIGIE_GRID_CHART_COLUMNS);
  VigieChartStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 700, 400);
  cairo_t *cr = cairo_create (surface);
  VigieGridChartGeometry g;
  VigieChartRect c0, c1, c3, p0, r, r2;
  guint cell, point;

  vigie_chart_style_init_default (&style);
  g_assert_true (vigie_grid_chart_compute_geometry (cr, &data, &style, 700, 400, &g));
  /* 684 px wide fits 4 cells of at least 150 with 12 px gaps → 2 rows for 5 cells. */
  g_assert_cmpuint (g.columns, ==, 4);
  g_assert_cmpuint (g.rows, ==, 2);
  g_assert_cmpuint (g.n_visible, ==, 5);
  g_assert_cmpfloat (g.max_value, >=, 50);    /* shared scale from the highest value */
  g_assert_cmpfloat (g.max_value, <=, 60);

  g_assert_true (vigie_grid_chart_cell_rect (&g, 0, &c0));
  g_assert_true (vigie_grid_chart_cell_rect (&g, 1, &c1));
  g_assert_true (vigie_grid_chart_cell_rect (&g, 4, &c3));
  g_assert_cmpfloat (c1.x, >, c0.x + c0.width);          /* side by side */
  g_assert_cmpfloat (fabs (c1.y - c0.y), <, 1e-9);
  g_assert_cmpfloat (c3.y, >, c0.y + c0.height);         /* fifth on the second row */
  g_assert_cmpfloat (fabs (c3.x - c0.x), <, 1e-9);
  g_assert_false (vigie_grid_chart_cell_rect (&g, 5, &c3));

  /* Columns on one shared scale: China's Q3 (50) is 5 times Viet Nam's Q1 (10). */
  g_assert_true (vigie_grid_chart_plot_rect (&g, 0, &p0));
  g_assert_true (vigie_grid_chart_point_rect (&g, &data, 0, 2, &r));
  g_assert_true (vigie_grid_chart_point_rect (&g, &data, 1, 0, &r2));
  g_assert_cmpfloat (fabs (r.height / r2.height - 5.0), <, 1e-9);
  g_assert_cmpfloat (fabs (r.y + r.height - (p0.y + p0.height)), <, 1e-9);
  g_assert_false (vigie_grid_chart_point_rect (&g, &data, 2, 3, &r));   /* NAN */

  /* Hit testing: on China's Q3 column, on Viet Nam's title, between cells. */
  g_assert_true (vigie_grid_chart_hit_test (&g, &data, r.x + 1, p0.y + p0.height - 2, &cell,
                                            &point));
  vigie_grid_chart_point_rect (&g, &data, 0, 2, &r);
  g_assert_true (vigie_grid_chart_hit_test (&g, &data, r.x + r.width / 2, r.y + r.height / 2,
                                            &cell, &point));
  g_assert_cmpuint (cell, ==, 0);
  g_assert_cmpuint (point, ==, 2);
  g_assert_true (vigie_grid_chart_hit_test (&g, &data, c1.x + 3, c1.y + 3, &cell, &point));
  g_assert_cmpuint (cell, ==, 1);
  g_assert_cmpuint (point, ==, G_MAXUINT);
  g_assert_false (vigie_grid_chart_hit_test (&g, &data, c0.x + c0.width + 6, c0.y + 10, &cell,
                                             &point));

  /* Fixed columns; too little height for every row: only those that fit. */
  data.columns = 2;
  g_assert_true (vigie_grid_chart_compute_geometry (cr, &data, &style, 700, 120, &g));
  g_assert_cmpuint (g.columns, ==, 2);
  g_assert_cmpuint (g.n_visible, <, 5);
  g_assert_cmpuint (g.n_visible % 2, ==, 0);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  vigie_chart_style_clear (&style);
}

static void
test_grid_pixels_and_pdf (void)
{
  VigieGridChartData data = grid_data (VIGIE_GRID_CHART_COLUMNS);
  VigieChartStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 700, 400);
  cairo_t *cr = cairo_create (surface);
  VigieGridChartGeometry g;
  VigieChartRect r;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  vigie_chart_style_init_default (&style);
  vigie_chart_grid_render (cr, &data, &style, 700, 400);
  g_assert_true (vigie_grid_chart_compute_geometry (cr, &data, &style, 700, 400, &g));
  /* Inside Viet Nam's Q4 column (20): the accent. Its India cell's plot is empty. */
  g_assert_true (vigie_grid_chart_point_rect (&g, &data, 1, 3, &r));
  g_assert_cmphex (vigie_report_test_pixel (surface, (int) (r.x + r.width / 2),
                                            (int) (r.y + r.height - 3)),
                   ==, vigie_report_test_rgb (style.accent));
  {
    VigieChartRect plot;

    g_assert_true (vigie_grid_chart_plot_rect (&g, 4, &plot));
    g_assert_cmphex (vigie_report_test_pixel (surface, (int) (plot.x + plot.width / 2),
                            (int) (plot.y + plot.height / 2)), ==, 0xffffff);
  }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* The line kind and every renderer draw into a PDF too (vector output for reports). */
  dir = g_dir_make_tmp ("vigie-charts-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "charts.pdf", NULL);
  surface = cairo_pdf_surface_create (path, 595, 842);
  cr = cairo_create (surface);
  data.kind = VIGIE_GRID_CHART_LINE;
  vigie_chart_grid_render (cr, &data, &style, 595, 280);
  cairo_translate (cr, 0, 280);
  {
    VigieLineChartData line = line_data ();
    VigieDonutChartData donut = donut_data ();

    vigie_chart_line_render (cr, &line, &style, 595, 280);
    cairo_translate (cr, 0, 280);
    vigie_chart_donut_render (cr, &donut, &style, 595, 280);
  }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (length, >, 2000);
  g_unlink (path);
  g_rmdir (dir);
  vigie_chart_style_clear (&style);
}

static void
test_grid_describe (void)
{
  VigieGridChartData data = grid_data (VIGIE_GRID_CHART_COLUMNS);
  g_autofree char *text = vigie_grid_chart_describe (&data);

  g_assert_cmpstr (text, ==, "Findings per quarter, by country. China: total 170, highest 50 "
                             "in Q3. Viet Nam: total 50, highest 20 in Q4. Mexico: total 8, "
                             "highest 5 in Q1. Thailand: total 8, highest 2 in Q1. India: "
                             "total 0, highest 0 in Q1.");
  data.n_cells = 0;
  data.empty_text = "No finding";
  g_free (text);
  text = vigie_grid_chart_describe (&data);
  g_assert_cmpstr (text, ==, "Findings per quarter, by country. No finding.");
}

static void
test_bar_describe (void)
{
  static const char * const themes[] = { "Wages", "Working hours" };
  static const char * const sev[] = { "Critical", "Major" };
  static const double values[] = { 2, 10, 0, 5 };
  VigieBarChartData data = {
    .title = "Findings by theme", .n_categories = 2, .categories = themes,
    .n_series = 2, .series_names = sev, .values = values,
  };
  g_autofree char *text = vigie_bar_chart_describe (&data);

  g_assert_cmpstr (text, ==, "Findings by theme: Wages 12 (Critical 2, Major 10); "
                             "Working hours 5 (Major 5).");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/donut/geometry", test_donut_geometry);
  g_test_add_func ("/charts/donut/pixels", test_donut_pixels);
  g_test_add_func ("/charts/donut/describe", test_donut_describe);
  g_test_add_func ("/charts/line/geometry", test_line_geometry);
  g_test_add_func ("/charts/line/pixels", test_line_pixels);
  g_test_add_func ("/charts/line/describe", test_line_describe);
  g_test_add_func ("/charts/grid/geometry", test_grid_geometry);
  g_test_add_func ("/charts/grid/pixels-and-pdf", test_grid_pixels_and_pdf);
  g_test_add_func ("/charts/grid/describe", test_grid_describe);
  g_test_add_func ("/charts/bar/describe", test_bar_describe);

  return g_test_run ();
}

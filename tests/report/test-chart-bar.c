/* test-chart-bar.c — the horizontal bar chart renderer: geometry, hit testing, pixels on
 * an image surface (bars where the geometry says, patterns that differ), and a PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "report-test-util.h"
#include "vigie-chart-bar.h"

static const char * const categories[] = { "Sn63Pb37 Solder Paste", "TX-100 Degreaser",
                                           "MC-Strip", "Coating Z" };
static const char * const notes[] = { "no SDS · no PPE", NULL, "", "PPE inadequate" };
static const char * const series[] = { "Women", "Men" };
/* Women and men exposed per product. */
static const double values[] = { 15, 5, 4, 6, 5, 0, NAN, NAN };

static VigieBarChartData
make_data (VigieBarChartMode mode)
{
  VigieBarChartData data = {
    .title = "Workers exposed to CMR products",
    .n_categories = G_N_ELEMENTS (categories),
    .categories = categories,
    .category_notes = notes,
    .n_series = G_N_ELEMENTS (series),
    .series_names = series,
    .values = values,
    .mode = mode,
  };
  return data;
}

/* Counts of 1 and 2 get whole ticks (0, 1, 2), not 0.2, 0.4… shown as "0 0 1"; fractions
 * keep fractional ticks. */
static void
test_small_counts (void)
{
  static const char *names[] = { "A", "B" };
  static const char *one[] = { "Findings" };
  double counts[] = { 1, 2 };
  double shares[] = { 0.25, 0.5 };
  VigieBarChartData data = {
    .title = "Small", .n_categories = 2, .categories = names, .n_series = 1,
    .series_names = one, .values = counts, .mode = VIGIE_BAR_CHART_GROUPED,
  };
  VigieChartStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 400);
  cairo_t *cr = cairo_create (surface);
  VigieBarChartGeometry g;

  vigie_chart_style_init_default (&style);
  g_assert_true (vigie_bar_chart_compute_geometry (cr, &data, &style, 800, 400, &g));
  g_assert_cmpfloat (g.tick_step, ==, 1);
  g_assert_cmpfloat (g.max_value, ==, 2);
  data.values = shares;
  g_assert_true (vigie_bar_chart_compute_geometry (cr, &data, &style, 800, 400, &g));
  g_assert_cmpfloat (g.tick_step, <, 1);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_geometry (void)
{
  VigieBarChartData data = make_data (VIGIE_BAR_CHART_STACKED);
  VigieChartStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 400);
  cairo_t *cr = cairo_create (surface);
  VigieBarChartGeometry g;
  VigieChartRect r0, r1, r2;
  guint c, s;

  vigie_chart_style_init_default (&style);
  g_assert_true (vigie_bar_chart_compute_geometry (cr, &data, &style, 800, 400, &g));
  g_assert_cmpuint (g.n_visible, ==, 4);
  g_assert_cmpfloat (g.max_value, >=, 20);       /* the longest stack is 15 + 5 */
  g_assert_cmpfloat (g.max_value, <, 40);
  g_assert_cmpfloat (g.plot.x, >, 100);          /* room for the labels */
  g_assert_cmpfloat (g.title_height, >, 0);
  g_assert_cmpfloat (g.legend_height, >, 0);

  /* Stacked: the second segment starts where the first ends; widths are proportional. */
  g_assert_true (vigie_bar_chart_bar_rect (&g, &data, 0, 0, &r0));
  g_assert_true (vigie_bar_chart_bar_rect (&g, &data, 0, 1, &r1));
  g_assert_cmpfloat (fabs (r1.x - (r0.x + r0.width)), <, 1e-9);
  g_assert_cmpfloat (fabs (r0.width / r1.width - 3.0), <, 1e-9);
  g_assert_cmpfloat (fabs (r0.x - g.plot.x), <, 1e-9);
  g_assert_cmpfloat (fabs (r0.width - 15 / g.max_value * g.plot.width), <, 1e-9);
  /* No value, no bar. */
  g_assert_false (vigie_bar_chart_bar_rect (&g, &data, 2, 1, &r2));
  g_assert_false (vigie_bar_chart_bar_rect (&g, &data, 3, 0, &r2));
  g_assert_false (vigie_bar_chart_bar_rect (&g, &data, 9, 0, &r2));

  /* Hit testing. */
  g_assert_true (vigie_bar_chart_hit_test (&g, &data, r1.x + r1.width / 2, r1.y + r1.height / 2,
                                           &c, &s));
  g_assert_cmpuint (c, ==, 0);
  g_assert_cmpuint (s, ==, 1);
  g_assert_true (vigie_bar_chart_hit_test (&g, &data, 20, r0.y + 1, &c, &s));
  g_assert_cmpuint (c, ==, 0);
  g_assert_cmpuint (s, ==, G_MAXUINT);           /* on the label, not a bar */
  g_assert_false (vigie_bar_chart_hit_test (&g, &data, 400, 2, &c, &s));

  /* Grouped: bars of one category stacked vertically, both starting at the axis. */
  data = make_data (VIGIE_BAR_CHART_GROUPED);
  g_assert_true (vigie_bar_chart_compute_geometry (cr, &data, &style, 800, 400, &g));
  g_assert_cmpfloat (g.max_value, >=, 15);
  g_assert_true (vigie_bar_chart_bar_rect (&g, &data, 0, 0, &r0));
  g_assert_true (vigie_bar_chart_bar_rect (&g, &data, 0, 1, &r1));
  g_assert_cmpfloat (r0.x, ==, r1.x);
  g_assert_cmpfloat (r1.y, >=, r0.y + r0.height);

  /* Too small to draw. */
  g_assert_false (vigie_bar_chart_compute_geometry (cr, &data, &style, 20, 20, &g));

  /* Many categories: only those that fit are laid out. */
  {
    g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_free);
    g_autofree double *v = g_new0 (double, 200);
    VigieBarChartData big = { 0 };

    for (guint i = 0; i < 200; i++)
      {
        g_ptr_array_add (many, g_strdup_printf ("Product %u", i));
        v[i] = i;
      }
    big.n_categories = 200;
    big.categories = (const char * const *) many->pdata;
    big.n_series = 1;
    big.values = v;
    g_assert_true (vigie_bar_chart_compute_geometry (cr, &big, &style, 800, 400, &g));
    g_assert_cmpuint (g.n_visible, <, 200);
    g_assert_cmpuint (g.n_visible, >, 5);
    g_assert_cmpfloat (g.plot.y + g.plot.height, <=, 400);
  }

  vigie_chart_style_clear (&style);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_image (void)
{
  VigieBarChartData data = make_data (VIGIE_BAR_CHART_STACKED);
  VigieChartStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 400);
  cairo_t *cr = cairo_create (surface);
  VigieBarChartGeometry g;
  VigieChartRect r0, r1;
  g_autoptr(GHashTable) colours0 = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) colours1 = g_hash_table_new (NULL, NULL);
  g_autofree char *png = NULL;
  g_autofree char *dir = NULL;

  vigie_chart_style_init_default (&style);
  style.font_family = g_strdup ("Sans");
  vigie_chart_bar_render (cr, &data, &style, 800, 400);
  cairo_surface_flush (surface);
  g_assert_true (vigie_bar_chart_compute_geometry (cr, &data, &style, 800, 400, &g));
  g_assert_true (vigie_bar_chart_bar_rect (&g, &data, 1, 0, &r0));
  g_assert_true (vigie_bar_chart_bar_rect (&g, &data, 1, 1, &r1));

  /* The background is the style's; series 0 is solid accent; series 1 is patterned (more
   * than one colour inside the bar). */
  g_assert_cmphex (vigie_report_test_pixel (surface, 2, 398), ==,
                   vigie_report_test_rgb (style.background));
  {
    /* Solid accent, apart from the segment's value written in the middle. */
    guint n = 0, accent = 0;

    for (int y = (int) r0.y + 2; y < (int) (r0.y + r0.height) - 2; y++)
      for (int x = (int) r0.x + 2; x < (int) (r0.x + r0.width) - 2; x++)
        {
          g_hash_table_add (colours0, GUINT_TO_POINTER (vigie_report_test_pixel (surface, x, y)));
          n++;
          if (vigie_report_test_pixel (surface, x, y) == vigie_report_test_rgb (style.accent))
            accent++;
        }
    g_assert_cmpuint (accent, >, n * 7 / 10);
  }
  for (int y = (int) r1.y + 2; y < (int) (r1.y + r1.height) - 2; y++)
    for (int x = (int) r1.x + 2; x < (int) (r1.x + r1.width) - 2; x++)
      g_hash_table_add (colours1, GUINT_TO_POINTER (vigie_report_test_pixel (surface, x, y)));
  g_assert_cmpuint (g_hash_table_size (colours1), >, 2);

  /* Text was drawn: dark pixels in the label column and the title. */
  {
    guint dark = 0;

    for (int y = 0; y < 400; y++)
      for (int x = 0; x < (int) g.plot.x; x++)
        if ((vigie_report_test_pixel (surface, x, y) & 0xff) < 0x60)
          dark++;
    g_assert_cmpuint (dark, >, 200);
  }
  /* The note of category 0 in the alert colour, right of its bar. */
  {
    VigieChartRect last;
    gboolean alert = FALSE;

    g_assert_true (vigie_bar_chart_bar_rect (&g, &data, 0, 1, &last));
    for (int y = (int) last.y; y < (int) (last.y + last.height) && !alert; y++)
      for (int x = (int) (last.x + last.width); x < 800 && !alert; x++)
        {
          guint32 p = vigie_report_test_pixel (surface, x, y);

          alert = (p >> 16) > 0x90 && ((p >> 8) & 0xff) < 0x60 && (p & 0xff) < 0x60;
        }
    g_assert_true (alert);
  }

  dir = g_strdup (g_getenv ("VIGIE_SCREENSHOT_DIR"));
  if (dir == NULL || *dir == '\0')
    {
      g_free (dir);
      dir = g_strdup (g_get_tmp_dir ());
    }
  png = g_build_filename (dir, "test-chart-bar.png", NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("image: %s", png);

  vigie_chart_style_clear (&style);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_pdf (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vigie-chart-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *contents = NULL;
  VigieBarChartData data = make_data (VIGIE_BAR_CHART_GROUPED);
  VigieBarChartData empty = { .n_categories = 0, .n_series = 1,
                              .empty_text = "No CMR products" };
  VigieChartStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;
  gsize length;

  g_assert_no_error (error);
  vigie_chart_style_init_default (&style);
  surface = cairo_pdf_surface_create (path, 595, 842);
  cr = cairo_create (surface);
  vigie_chart_bar_render (cr, &data, &style, 595, 400);
  cairo_show_page (cr);
  vigie_chart_bar_render (cr, &empty, &style, 595, 400);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* Two pages (the file has binary streams: search it as bytes). */
  {
    gboolean found = FALSE;

    for (gsize i = 0; i + 8 <= length && !found; i++)
      found = memcmp (contents + i, "/Count 2", 8) == 0;
    g_assert_true (found);
  }
  vigie_chart_style_clear (&style);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-bar/geometry", test_geometry);
  g_test_add_func ("/chart-bar/small-counts", test_small_counts);
  g_test_add_func ("/chart-bar/image", test_image);
  g_test_add_func ("/chart-bar/pdf", test_pdf);
  return g_test_run ();
}

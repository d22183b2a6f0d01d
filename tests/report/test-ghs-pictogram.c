/* test-ghs-pictogram.c — the nine GHS pictograms: a red diamond border, a white ground,
 * a black symbol, every pictogram different from the others, the same drawing in a PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <string.h>

#include "vigie-ghs-pictogram.h"

#define SIZE 96

static cairo_surface_t *
render (const char *code)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SIZE, SIZE);
  cairo_t *cr = cairo_create (surface);

  g_assert_true (vigie_ghs_pictogram_render (cr, code, 0, 0, SIZE));
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(guint32 *) (data + y * stride + x * 4);
}

static void
test_codes (void)
{
  g_assert_cmpstr (vigie_ghs_pictogram_code (0), ==, "GHS01");
  g_assert_cmpstr (vigie_ghs_pictogram_code (8), ==, "GHS09");
  g_assert_null (vigie_ghs_pictogram_code (9));
  g_assert_true (vigie_ghs_pictogram_is_valid ("GHS05"));
  g_assert_false (vigie_ghs_pictogram_is_valid ("GHS10"));
  g_assert_false (vigie_ghs_pictogram_is_valid ("ghs05"));
  g_assert_false (vigie_ghs_pictogram_is_valid (NULL));
  g_assert_cmpstr (vigie_ghs_pictogram_name ("GHS06"), ==, "Skull and crossbones");
  g_assert_cmpstr (vigie_ghs_pictogram_name ("GHS09"), ==, "Environment");
  g_assert_null (vigie_ghs_pictogram_name ("GHS00"));

  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 8, 8);
    cairo_t *cr = cairo_create (surface);

    g_assert_false (vigie_ghs_pictogram_render (cr, "GHS10", 0, 0, 8));
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

static void
test_pixels (void)
{
  cairo_surface_t *surfaces[VIGIE_GHS_N_PICTOGRAMS];
  g_autofree char *dir = g_strdup (g_getenv ("VIGIE_SCREENSHOT_DIR"));
  cairo_surface_t *sheet = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                       SIZE * VIGIE_GHS_N_PICTOGRAMS, SIZE);
  cairo_t *sheet_cr = cairo_create (sheet);
  g_autofree char *png = NULL;

  for (guint i = 0; i < VIGIE_GHS_N_PICTOGRAMS; i++)
    {
      const char *code = vigie_ghs_pictogram_code (i);
      cairo_surface_t *s = render (code);
      guint black = 0, red = 0;

      g_test_message ("%s", code);
      surfaces[i] = s;
      /* Outside the diamond: untouched (transparent corners). */
      g_assert_cmphex (pixel (s, 2, 2) >> 24, ==, 0);
      g_assert_cmphex (pixel (s, SIZE - 3, SIZE - 3) >> 24, ==, 0);
      /* The border near the top corner is red; just inside it is white. */
      g_assert_cmphex (pixel (s, SIZE / 2, 3) & 0xffffff, ==, 0xe60000);
      g_assert_cmphex (pixel (s, SIZE / 2, 14) & 0xffffff, ==, 0xffffff);
      for (int y = 0; y < SIZE; y++)
        for (int x = 0; x < SIZE; x++)
          {
            guint32 p = pixel (s, x, y);

            if ((p >> 24) == 0xff && (p & 0xffffff) == 0)
              black++;
            else if ((p >> 24) == 0xff && (p & 0xffffff) == 0xe60000)
              red++;
          }
      /* A visible black symbol, and a border all round. */
      g_assert_cmpuint (black, >, SIZE * SIZE / 60);
      g_assert_cmpuint (red, >, SIZE * 4);
      cairo_set_source_surface (sheet_cr, s, SIZE * i, 0);
      cairo_paint (sheet_cr);
    }

  /* Every pictogram differs from every other one by a good number of pixels. */
  for (guint i = 0; i < VIGIE_GHS_N_PICTOGRAMS; i++)
    for (guint j = i + 1; j < VIGIE_GHS_N_PICTOGRAMS; j++)
      {
        guint diff = 0;

        for (int y = 0; y < SIZE; y++)
          for (int x = 0; x < SIZE; x++)
            if (pixel (surfaces[i], x, y) != pixel (surfaces[j], x, y))
              diff++;
        g_assert_cmpuint (diff, >, SIZE * SIZE / 50);
      }

  if (dir == NULL || *dir == '\0')
    {
      g_free (dir);
      dir = g_strdup (g_get_tmp_dir ());
    }
  png = g_build_filename (dir, "ghs-pictograms.png", NULL);
  g_assert_cmpint (cairo_surface_write_to_png (sheet, png), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("sheet: %s", png);

  for (guint i = 0; i < VIGIE_GHS_N_PICTOGRAMS; i++)
    cairo_surface_destroy (surfaces[i]);
  cairo_destroy (sheet_cr);
  cairo_surface_destroy (sheet);
}

static void
test_pdf (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vigie-ghs-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "pictograms.pdf", NULL);
  g_autofree char *contents = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  gsize length;

  surface = cairo_pdf_surface_create (path, 595, 842);
  cr = cairo_create (surface);
  for (guint i = 0; i < VIGIE_GHS_N_PICTOGRAMS; i++)
    g_assert_true (vigie_ghs_pictogram_render (cr, vigie_ghs_pictogram_code (i),
                                               40 + (i % 3) * 120, 40 + (i / 3) * 120, 100));
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (length, >, 2000);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ghs-pictogram/codes", test_codes);
  g_test_add_func ("/ghs-pictogram/pixels", test_pixels);
  g_test_add_func ("/ghs-pictogram/pdf", test_pdf);
  return g_test_run ();
}

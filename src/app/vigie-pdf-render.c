/* vigie-pdf-render.c — renders PDF evidence with poppler in a process of its own.
 *
 * Vigie never opens an attached PDF in its own process: a malformed or hostile file could
 * crash it or make it hang. It runs this small program instead, under memory and CPU
 * limits and a wall-clock timeout (see vigie_pdf_run() in src/core/vigie-evidence.c):
 *
 *   vigie-pdf-render info FILE              "pages N" then "page I WIDTH HEIGHT" lines
 *   vigie-pdf-render page FILE INDEX WIDTH  the page (0-based) as PNG bytes on stdout
 *   vigie-pdf-render search FILE TEXT       "I N" lines: page index and number of matches
 *
 * Exit status 0 on success, 2 when the file cannot be read as a PDF (message on stderr),
 * 1 on usage errors.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo.h>
#include <poppler.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_WIDTH 4096

static cairo_status_t
write_stdout (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  return fwrite (data, 1, length, stdout) == length ? CAIRO_STATUS_SUCCESS
                                                    : CAIRO_STATUS_WRITE_ERROR;
}

static PopplerDocument *
open_document (const char *path)
{
  GError *error = NULL;
  GFile *file = g_file_new_for_path (path);
  char *uri = g_file_get_uri (file);
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);

  g_object_unref (file);
  g_free (uri);
  if (doc == NULL)
    {
      fprintf (stderr, "%s\n", error != NULL ? error->message : "not a PDF document");
      g_clear_error (&error);
      exit (2);
    }
  return doc;
}

static int
render_page (PopplerDocument *doc,
             int              index,
             int              width)
{
  PopplerPage *page;
  cairo_surface_t *surface;
  cairo_t *cr;
  double w = 0, h = 0, scale;
  int height;

  if (index < 0 || index >= poppler_document_get_n_pages (doc))
    {
      fprintf (stderr, "no page %d\n", index);
      return 2;
    }
  page = poppler_document_get_page (doc, index);
  if (page == NULL)
    {
      fprintf (stderr, "page %d cannot be read\n", index);
      return 2;
    }
  poppler_page_get_size (page, &w, &h);
  if (w <= 0 || h <= 0 || w > 100000 || h > 100000)
    {
      fprintf (stderr, "page %d has an impossible size\n", index);
      g_object_unref (page);
      return 2;
    }
  width = CLAMP (width, 16, MAX_WIDTH);
  scale = width / w;
  height = (int) (h * scale + 0.5);
  height = CLAMP (height, 1, 4 * MAX_WIDTH);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  g_object_unref (page);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS
      || cairo_surface_write_to_png_stream (surface, write_stdout, NULL) != CAIRO_STATUS_SUCCESS)
    {
      fprintf (stderr, "the page could not be drawn\n");
      cairo_surface_destroy (surface);
      return 2;
    }
  cairo_surface_destroy (surface);
  fflush (stdout);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  PopplerDocument *doc;
  int n;

  if (argc < 3)
    {
      fprintf (stderr, "usage: vigie-pdf-render info|page|search FILE [ARGS]\n");
      return 1;
    }
  doc = open_document (argv[2]);
  n = poppler_document_get_n_pages (doc);

  if (strcmp (argv[1], "info") == 0)
    {
      printf ("pages %d\n", n);
      for (int i = 0; i < n && i < 10000; i++)
        {
          PopplerPage *page = poppler_document_get_page (doc, i);
          double w = 0, h = 0;

          if (page != NULL)
            {
              poppler_page_get_size (page, &w, &h);
              g_object_unref (page);
            }
          printf ("page %d %.1f %.1f\n", i, w, h);
        }
      g_object_unref (doc);
      return 0;
    }
  if (strcmp (argv[1], "page") == 0 && argc == 5)
    {
      int status = render_page (doc, atoi (argv[3]), atoi (argv[4]));

      g_object_unref (doc);
      return status;
    }
  if (strcmp (argv[1], "search") == 0 && argc == 4)
    {
      for (int i = 0; i < n; i++)
        {
          PopplerPage *page = poppler_document_get_page (doc, i);
          GList *matches;

          if (page == NULL)
            continue;
          matches = poppler_page_find_text_with_options (page, argv[3],
                                                         POPPLER_FIND_DEFAULT);
          if (matches != NULL)
            printf ("%d %u\n", i, g_list_length (matches));
          g_list_free_full (matches, (GDestroyNotify) poppler_rectangle_free);
          g_object_unref (page);
        }
      g_object_unref (doc);
      return 0;
    }
  fprintf (stderr, "usage: vigie-pdf-render info|page|search FILE [ARGS]\n");
  g_object_unref (doc);
  return 1;
}

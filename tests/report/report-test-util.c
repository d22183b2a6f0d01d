/* report-test-util.c — see report-test-util.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include "report-test-util.h"
#include "vigie-store-private.h"

void
vigie_report_test_init (int    *argc,
                        char ***argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, VIGIE_BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (argc, argv, NULL);
}

void
vigie_report_test_remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        vigie_report_test_remove_tree (child);
      else
        g_unlink (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

void
vigie_report_test_fixture_set_up (VigieReportFixture *fx,
                                  const char         *tmp_template,
                                  const char         *sql)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;

  fx->dir = g_dir_make_tmp (tmp_template, &error);
  g_assert_no_error (error);
  fx->store = NULL;
  if (sql == NULL)
    return;
  db = g_build_filename (fx->dir, "dataset.db", NULL);
  fx->store = vigie_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (vigie_store_exec (fx->store, sql, &error));
  g_assert_no_error (error);
}

void
vigie_report_test_fixture_tear_down (VigieReportFixture *fx,
                                     gconstpointer       data)
{
  g_clear_object (&fx->store);
  vigie_report_test_remove_tree (fx->dir);
  g_free (fx->dir);
}

char *
vigie_report_test_run_tool (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s%s", argv[0], out, err);
  return g_steal_pointer (&out);
}

void
vigie_report_test_assert_private (const char *path)
{
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

void
vigie_report_test_assert_same_bytes (const char *a,
                                     const char *b,
                                     gsize       min_size)
{
  g_autofree char *ca = NULL, *cb = NULL;
  gsize la, lb;

  g_assert_true (g_file_get_contents (a, &ca, &la, NULL));
  g_assert_true (g_file_get_contents (b, &cb, &lb, NULL));
  g_assert_cmpuint (la, >, min_size);
  g_assert_cmpmem (ca, la, cb, lb);
}

PopplerDocument *
vigie_report_test_open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *doc;

  g_assert_no_error (error);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

void
vigie_report_test_assert_a4 (PopplerPage *page)
{
  double w, h;

  g_assert_nonnull (page);
  poppler_page_get_size (page, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 595.28, 0.5);
  g_assert_cmpfloat_with_epsilon (h, 841.89, 0.5);
}

char *
vigie_report_test_pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };

  return vigie_report_test_run_tool (argv);
}

void
vigie_report_test_assert_qpdf_ok (const char *path)
{
  const char *argv[] = { "qpdf", "--check", path, NULL };
  g_autofree char *out = vigie_report_test_run_tool (argv);

  g_assert_nonnull (strstr (out, "No syntax or stream encoding errors"));
}

static void
outline_entry_free (gpointer data)
{
  VigieOutlineEntry *e = data;

  g_free (e->title);
  g_free (e);
}

static void
collect_outline (PopplerDocument  *doc,
                 PopplerIndexIter *iter,
                 GPtrArray        *out)
{
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child;

      if (action->type == POPPLER_ACTION_GOTO_DEST && action->goto_dest.title != NULL)
        {
          VigieOutlineEntry *e = g_new0 (VigieOutlineEntry, 1);
          PopplerDest *dest = action->goto_dest.dest;

          e->title = g_strdup (action->goto_dest.title);
          e->page = -1;
          if (dest != NULL && dest->type == POPPLER_DEST_NAMED)
            {
              PopplerDest *found = poppler_document_find_dest (doc, dest->named_dest);

              if (found != NULL)
                {
                  e->page = found->page_num - 1;
                  poppler_dest_free (found);
                }
            }
          else if (dest != NULL)
            e->page = dest->page_num - 1;
          g_ptr_array_add (out, e);
        }
      poppler_action_free (action);
      child = poppler_index_iter_get_child (iter);
      if (child != NULL)
        {
          collect_outline (doc, child, out);
          poppler_index_iter_free (child);
        }
    }
  while (poppler_index_iter_next (iter));
}

GPtrArray *
vigie_report_test_outline (PopplerDocument *doc)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (outline_entry_free);
  PopplerIndexIter *iter = poppler_index_iter_new (doc);

  g_assert_nonnull (iter);
  collect_outline (doc, iter, out);
  poppler_index_iter_free (iter);
  return out;
}

guint32
vigie_report_test_pixel (cairo_surface_t *surface,
                         int              x,
                         int              y)
{
  unsigned char *data;
  int stride;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  return *(guint32 *) (data + y * stride + x * 4) & 0xffffff;
}

guint32
vigie_report_test_rgb (VigieChartRgba colour)
{
  return ((guint32) lround (colour.red * 255) << 16) | ((guint32) lround (colour.green * 255) << 8)
         | (guint32) lround (colour.blue * 255);
}

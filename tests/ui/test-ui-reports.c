/* test-ui-reports.c — the Reports page under Xvfb on a small demo dataset: each kind of
 * report with its options, the site picked through the searchable picker, the PDF preview
 * (as many pages as the PDF written independently, pages rendered lazily, zoom changes the
 * rendered size), Save writing files that poppler opens (PDF) or that start with PK
 * (XLSX), folders (CSV, website), a cancelled export leaving no file behind, the progress
 * bar moving, and the problems shown in the page. Screenshot: reports.png (reports-fr.png
 * under LANGUAGE=fr) in $VIGIE_SCREENSHOT_DIR.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ui-test-util.h"
#include "vigie-annual-report.h"
#include "vigie-application.h"
#include "vigie-demo.h"
#include "vigie-pdf-report.h"
#include "vigie-reports-page.h"
#include "vigie-site-list.h"
#include "vigie-util.h"
#include "vigie-window.h"

static VigieApplication *app;
static VigieWindow *window;
static VigieReportsPage *page;
static char *tmpdir;
static char *demo_path;
static gint64 site_id;          /* the demo site with the most open findings */
static char *site_name;

static gboolean
french (void)
{
  const char *language = g_getenv ("LANGUAGE");

  return language != NULL && g_str_has_prefix (language, "fr");
}

static gboolean
page_idle (gpointer data)
{
  return !vigie_reports_page_get_busy (page);
}

static gboolean
preview_idle (gpointer data)
{
  return !vigie_pdf_preview_get_busy (vigie_reports_page_get_preview (page));
}

static void
wait_for_job (void)
{
  g_assert_true (vigie_test_wait_until (page_idle, NULL, 60000));
  vigie_test_iterate (50);
}

static void
wait_for_renders (void)
{
  vigie_test_iterate (100);
  g_assert_true (vigie_test_wait_until (preview_idle, NULL, 20000));
  vigie_test_iterate (100);
  g_assert_true (vigie_test_wait_until (preview_idle, NULL, 20000));
}

static gboolean
activate (const char *action)
{
  return gtk_widget_activate_action (GTK_WIDGET (page), action, NULL);
}

static int
pdf_page_count (const char *path,
                char      **first_page_text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *doc;
  int n;

  g_assert_no_error (error);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  n = poppler_document_get_n_pages (doc);
  if (first_page_text != NULL)
    {
      PopplerPage *p = poppler_document_get_page (doc, 0);

      *first_page_text = poppler_page_get_text (p);
      g_object_unref (p);
    }
  g_object_unref (doc);
  return n;
}

static void
assert_private_file (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (st.st_size, >, 0);
}

static void
assert_starts_with_pk (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 2);
  g_assert_true (contents[0] == 'P' && contents[1] == 'K');
}

/* Nothing but NAMES (and no hidden temporary file) in DIR. */
static guint
count_entries (const char *dir,
               gboolean   *hidden)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  *hidden = FALSE;
  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      n++;
      if (name[0] == '.')
        *hidden = TRUE;
    }
  g_dir_close (d);
  return n;
}

static void
save_and_wait (const char *path,
               gboolean    expect_ok)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (vigie_reports_page_save_to (page, file));
  g_assert_true (vigie_reports_page_get_busy (page));
  wait_for_job ();
  if (expect_ok)
    g_assert_null (vigie_reports_page_get_error (page));
}

static void
preview_and_wait (void)
{
  g_assert_true (activate ("page.preview"));
  g_assert_true (vigie_reports_page_get_busy (page));
  wait_for_job ();
  g_assert_null (vigie_reports_page_get_error (page));
  g_assert_cmpstr (vigie_reports_page_get_preview_state (page), ==, "preview");
  g_assert_false (vigie_reports_page_get_preview_outdated (page));
  wait_for_renders ();
}

/* ─── Tests ──────────────────────────────────────────────────────────────── */

static void
test_page_and_problems (void)
{
  AdwViewStack *stack;
  g_autofree char *missing = NULL;
  const char * const *languages;

  window = vigie_test_open_window (app, demo_path, "reports");
  stack = ADW_VIEW_STACK (vigie_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "reports");
  page = VIGIE_REPORTS_PAGE (vigie_window_get_page (window, "reports"));
  g_assert_true (VIGIE_IS_REPORTS_PAGE (page));
  g_assert_true (vigie_reports_page_get_store (page) == vigie_window_get_store (window));

  /* English and French (the build's catalogue) are offered for reports. */
  languages = vigie_reports_page_get_languages (page);
  g_assert_cmpstr (languages[0], ==, "en");
  g_assert_true (g_strv_contains (languages, "fr"));

  /* The factory report first, with no site yet: nothing to preview, and trying says why
   * on the site row. */
  g_assert_cmpint (vigie_reports_page_get_kind (page), ==, VIGIE_REPORT_KIND_FACTORY);
  g_assert_cmpstr (vigie_reports_page_get_preview_state (page), ==, "empty");
  g_assert_null (vigie_reports_page_get_error (page));
  g_assert_true (activate ("page.preview"));
  g_assert_false (vigie_reports_page_get_busy (page));
  g_assert_cmpstr (vigie_reports_page_get_error (page), ==, _("Choose the site to report on."));
  {
    GtkWidget *row = gtk_widget_get_ancestor (
      GTK_WIDGET (vigie_reports_page_get_site_search (page)), GTK_TYPE_POPOVER);

    row = gtk_widget_get_ancestor (gtk_widget_get_parent (row), ADW_TYPE_ACTION_ROW);
    g_assert_nonnull (row);
    g_assert_true (gtk_widget_has_css_class (row, "error"));
  }
  g_assert_null (vigie_reports_page_get_request (page));

  /* A file that cannot be written: the reason is shown in the page, and nothing is left. */
  g_assert_true (vigie_reports_page_set_site (page, site_id));
  g_assert_null (vigie_reports_page_get_error (page));
  missing = g_build_filename (tmpdir, "no-such-folder", "report.pdf", NULL);
  save_and_wait (missing, FALSE);
  g_assert_nonnull (vigie_reports_page_get_error (page));
  g_assert_nonnull (strstr (vigie_reports_page_get_error (page), "report.pdf"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static gboolean
site_search_done (gpointer data)
{
  return !vigie_reports_page_get_site_search_busy (page)
         && gtk_list_view_get_model (vigie_reports_page_get_site_view (page)) != NULL;
}

static void
test_site_picker (void)
{
  GtkPopover *popover = vigie_reports_page_get_site_popover (page);
  GtkEditable *search = vigie_reports_page_get_site_search (page);
  GListModel *shown;

  vigie_reports_page_set_kind (page, VIGIE_REPORT_KIND_PUBLIC);
  /* Search (Ctrl+F on the page) opens the picker with the search entry. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  vigie_test_iterate (200);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  g_assert_true (vigie_test_wait_until (site_search_done, NULL, 10000));
  shown = G_LIST_MODEL (gtk_list_view_get_model (vigie_reports_page_get_site_view (page)));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 50);

  /* Typing narrows the list through the full-text index; Enter takes the first match. */
  gtk_editable_set_text (search, site_name);
  vigie_test_iterate (300);
  g_assert_true (vigie_test_wait_until (site_search_done, NULL, 10000));
  shown = G_LIST_MODEL (gtk_list_view_get_model (vigie_reports_page_get_site_view (page)));
  g_assert_cmpuint (g_list_model_get_n_items (shown), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (shown), <, 50);
  {
    g_autoptr(VigieSiteRow) first = g_list_model_get_item (shown, 0);

    g_assert_cmpstr (vigie_site_row_get_name (first), ==, site_name);
  }
  g_signal_emit_by_name (search, "activate");
  vigie_test_iterate (200);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  g_assert_cmpint (vigie_reports_page_get_site (page), ==, site_id);

  /* A word that no site has: the list says so. */
  vigie_reports_page_set_kind (page, VIGIE_REPORT_KIND_FACTORY);
  g_assert_true (activate ("page.search"));
  vigie_test_iterate (200);
  gtk_editable_set_text (search, "zzqxnotasite");
  vigie_test_iterate (300);
  g_assert_true (vigie_test_wait_until (site_search_done, NULL, 10000));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (
                      vigie_reports_page_get_site_view (page)))), ==, 0);
  gtk_popover_popdown (popover);
  vigie_test_iterate (100);
  g_assert_cmpint (vigie_reports_page_get_site (page), ==, site_id);
}

static void
test_factory_preview (void)
{
  VigiePdfPreview *preview = vigie_reports_page_get_preview (page);
  VigieReportOptions options;
  g_autofree char *reference = g_build_filename (tmpdir, "reference-factory.pdf", NULL);
  g_autofree char *saved = g_build_filename (tmpdir, "factory.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  int n_reference = 0;
  int w0, h0, iw0, ih0, w1, h1, iw1, ih1;

  vigie_reports_page_set_kind (page, VIGIE_REPORT_KIND_FACTORY);
  g_assert_true (vigie_reports_page_set_level (page, VIGIE_LEVEL_INTERNAL));
  g_assert_true (vigie_reports_page_set_year (page, 0));
  g_assert_true (vigie_reports_page_set_language (page, french () ? "fr" : "en"));

  /* The name proposed is the report's title, in the report's language. */
  name = vigie_reports_page_get_default_name (page);
  g_assert_true (g_str_has_suffix (name, ".pdf"));
  g_assert_nonnull (strstr (name, site_name));
  if (!french ())
    g_assert_true (g_str_has_prefix (name, "Factory compliance report"));

  preview_and_wait ();

  /* As many pages as the same report written directly. */
  vigie_report_options_init (&options);
  options.level = VIGIE_LEVEL_INTERNAL;
  options.language = french () ? "fr" : "en";
  g_assert_true (vigie_pdf_write_site_report (vigie_window_get_store (window), site_id, &options,
                                              reference, &n_reference, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_reference, >=, 3);
  g_assert_cmpint (vigie_pdf_preview_get_n_pages (preview), ==, n_reference);
  g_assert_cmpint (vigie_pdf_preview_get_current_page (preview), ==, 0);

  /* Only what is on screen (and next to it) is rendered; thumbnails too. */
  g_assert_cmpuint (vigie_pdf_preview_get_n_rendered (preview, FALSE), >=, 1);
  g_assert_cmpuint (vigie_pdf_preview_get_n_rendered (preview, FALSE), <=, 4);
  g_assert_cmpuint (vigie_pdf_preview_get_n_rendered (preview, TRUE), >=, 1);
  g_assert_true (vigie_pdf_preview_get_fit_width (preview));

  /* The screenshot: a factory report with its thumbnails, at its executive summary. */
  vigie_pdf_preview_show_page (preview, 1);
  wait_for_renders ();
  g_assert_cmpint (vigie_pdf_preview_get_current_page (preview), ==, 1);
  {
    GPtrArray *hidden = vigie_test_hide_toasts (GTK_WIDGET (window));

    vigie_test_save_localised_screenshot (GTK_WIDGET (window), "reports", 300);
    vigie_test_show_toasts (hidden);
  }
  vigie_pdf_preview_show_page (preview, 0);
  wait_for_renders ();
  g_assert_cmpint (vigie_pdf_preview_get_current_page (preview), ==, 0);

  /* Zoom: in (Ctrl++) makes the page and its image larger, out smaller, Ctrl+0 fits. */
  vigie_pdf_preview_get_page_size (preview, 0, &w0, &h0);
  g_assert_true (vigie_pdf_preview_get_page_image_size (preview, 0, FALSE, &iw0, &ih0));
  g_assert_cmpint (ABS (iw0 - w0), <=, 1);
  g_assert_true (activate ("page.zoom-in"));
  g_assert_false (vigie_pdf_preview_get_fit_width (preview));
  wait_for_renders ();
  vigie_pdf_preview_get_page_size (preview, 0, &w1, &h1);
  g_assert_true (vigie_pdf_preview_get_page_image_size (preview, 0, FALSE, &iw1, &ih1));
  g_assert_cmpint (w1, >, w0);
  g_assert_cmpint (h1, >, h0);
  g_assert_cmpint (iw1, >, iw0);
  g_assert_cmpint (ih1, >, ih0);

  g_assert_true (activate ("page.zoom-out"));
  g_assert_true (activate ("page.zoom-out"));
  g_assert_true (activate ("page.zoom-out"));
  wait_for_renders ();
  vigie_pdf_preview_get_page_size (preview, 0, &w1, &h1);
  g_assert_true (vigie_pdf_preview_get_page_image_size (preview, 0, FALSE, &iw1, &ih1));
  g_assert_cmpint (w1, <, w0);
  g_assert_cmpint (iw1, <, iw0);

  g_assert_true (activate ("page.zoom-fit"));
  g_assert_true (vigie_pdf_preview_get_fit_width (preview));
  wait_for_renders ();
  vigie_pdf_preview_get_page_size (preview, 0, &w1, &h1);
  g_assert_cmpint (w1, ==, w0);

  /* Scrolling to the last page renders it; the first page is still the first. */
  vigie_pdf_preview_show_page (preview, n_reference - 1);
  wait_for_renders ();
  g_assert_cmpint (vigie_pdf_preview_get_current_page (preview), >=, n_reference - 2);
  g_assert_true (vigie_pdf_preview_get_page_image_size (preview, n_reference - 1, FALSE,
                                                        &iw1, &ih1));
  vigie_pdf_preview_show_page (preview, 0);
  wait_for_renders ();
  g_assert_cmpint (vigie_pdf_preview_get_current_page (preview), ==, 0);

  /* Save: the file previewed, mode 0600, read back by poppler. */
  save_and_wait (saved, TRUE);
  assert_private_file (saved);
  g_assert_cmpint (pdf_page_count (saved, NULL), ==, n_reference);
  g_assert_nonnull (vigie_reports_page_get_last_toast (page));
  g_assert_nonnull (strstr (vigie_reports_page_get_last_toast (page), "factory.pdf"));
  {
    gboolean hidden;

    /* No temporary file left next to it. */
    count_entries (tmpdir, &hidden);
    g_assert_false (hidden);
  }
}

static void
test_public_report (void)
{
  VigiePdfPreview *preview = vigie_reports_page_get_preview (page);
  VigieReportOptions options;
  g_autofree char *reference = g_build_filename (tmpdir, "reference-public.pdf", NULL);
  g_autofree char *saved = g_build_filename (tmpdir, "public.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  int n_reference = 0;

  vigie_reports_page_set_kind (page, VIGIE_REPORT_KIND_PUBLIC);
  /* The level is fixed: public. */
  g_assert_false (vigie_reports_page_set_level (page, VIGIE_LEVEL_INTERNAL));
  g_assert_true (vigie_reports_page_set_language (page, "en"));
  /* The preview of the factory report does not stand for this one. */
  g_assert_cmpstr (vigie_reports_page_get_preview_state (page), ==, "empty");
  preview_and_wait ();

  vigie_report_options_init (&options);
  options.level = VIGIE_LEVEL_PUBLIC;
  options.language = "en";
  g_assert_true (vigie_pdf_write_site_report (vigie_window_get_store (window), site_id, &options,
                                              reference, &n_reference, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vigie_pdf_preview_get_n_pages (preview), ==, n_reference);

  /* Changing an option marks the preview out of date; changing it back does not. */
  g_assert_true (vigie_reports_page_set_language (page, "fr"));
  g_assert_true (vigie_reports_page_get_preview_outdated (page));
  g_assert_true (vigie_reports_page_set_language (page, "en"));
  g_assert_false (vigie_reports_page_get_preview_outdated (page));

  save_and_wait (saved, TRUE);
  assert_private_file (saved);
  g_assert_cmpint (pdf_page_count (saved, &text), ==, n_reference);
  g_assert_nonnull (strstr (text, "Public monitoring status report"));
}

static void
test_annual_figures (void)
{
  VigiePdfPreview *preview = vigie_reports_page_get_preview (page);
  VigieAnnualOptions options;
  g_autofree char *reference = g_build_filename (tmpdir, "reference-annual.pdf", NULL);
  g_autofree char *xlsx = g_build_filename (tmpdir, "annual.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (tmpdir, "annual.pdf", NULL);
  g_autofree char *today = vigie_today_iso ();
  g_autoptr(VigieReportRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  int n_reference = 0;
  double max_fraction = 0;

  vigie_reports_page_set_kind (page, VIGIE_REPORT_KIND_ANNUAL);
  g_assert_true (vigie_reports_page_set_language (page, "en"));
  g_assert_true (vigie_reports_page_set_format (page, VIGIE_REPORT_FORMAT_PDF));
  request = vigie_reports_page_get_request (page);
  g_assert_nonnull (request);
  /* This year (the demo has data for it). */
  g_assert_cmpint (request->year, ==, atoi (today));
  preview_and_wait ();

  vigie_annual_options_init (&options);
  options.year = request->year;
  options.language = "en";
  g_assert_true (vigie_pdf_write_annual_report (vigie_window_get_store (window), &options,
                                                reference, &n_reference, NULL, NULL, NULL,
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpint (vigie_pdf_preview_get_n_pages (preview), ==, n_reference);
  /* The annual report reports its progress: the bar moved. */
  g_assert_cmpuint (vigie_reports_page_get_progress_updates (page, &max_fraction), >=, 1);
  g_assert_cmpfloat (max_fraction, >, 0);

  save_and_wait (pdf, TRUE);
  assert_private_file (pdf);
  g_assert_cmpint (pdf_page_count (pdf, NULL), ==, n_reference);

  /* As a spreadsheet: the name follows, and the file is a zip (PK). */
  g_assert_true (vigie_reports_page_set_format (page, VIGIE_REPORT_FORMAT_XLSX));
  name = vigie_reports_page_get_default_name (page);
  g_assert_true (g_str_has_suffix (name, ".xlsx"));
  /* The PDF preview still shows the figures. */
  g_assert_cmpstr (vigie_reports_page_get_preview_state (page), ==, "preview");
  g_assert_false (vigie_reports_page_get_preview_outdated (page));
  save_and_wait (xlsx, TRUE);
  assert_private_file (xlsx);
  assert_starts_with_pk (xlsx);
}

static gboolean
bar_moved (gpointer data)
{
  return gtk_progress_bar_get_fraction (vigie_reports_page_get_progress_bar (page)) > 0;
}

static void
test_data_export (void)
{
  g_autofree char *xlsx = g_build_filename (tmpdir, "data.xlsx", NULL);
  g_autofree char *csv = g_build_filename (tmpdir, "data-csv", NULL);
  g_autofree char *sites_csv = g_build_filename (csv, "sites.csv", NULL);
  g_autofree char *cancelled = g_build_filename (tmpdir, "cancelled.xlsx", NULL);
  g_autofree char *cancelled_csv = g_build_filename (tmpdir, "cancelled-csv", NULL);
  double max_fraction = 0;
  gboolean hidden;

  vigie_reports_page_set_kind (page, VIGIE_REPORT_KIND_DATA);
  /* Nothing to preview: the page says what will be written. */
  g_assert_cmpstr (vigie_reports_page_get_preview_state (page), ==, "output");
  g_assert_false (vigie_reports_page_preview (page));
  g_assert_false (vigie_reports_page_get_busy (page));
  g_assert_true (vigie_reports_page_set_level (page, VIGIE_LEVEL_PUBLIC));
  g_assert_true (vigie_reports_page_set_format (page, VIGIE_REPORT_FORMAT_XLSX));

  save_and_wait (xlsx, TRUE);
  assert_private_file (xlsx);
  assert_starts_with_pk (xlsx);
  g_assert_cmpuint (vigie_reports_page_get_progress_updates (page, &max_fraction), >=, 1);
  g_assert_cmpfloat (max_fraction, >, 0);

  /* A folder with a CSV file per table. */
  g_assert_true (vigie_reports_page_set_format (page, VIGIE_REPORT_FORMAT_CSV));
  save_and_wait (csv, TRUE);
  g_assert_true (g_file_test (csv, G_FILE_TEST_IS_DIR));
  assert_private_file (sites_csv);
  g_assert_cmpuint (count_entries (csv, &hidden), ==, 14);
  g_assert_false (hidden);

  /* Again into the same folder: the tables are replaced, a file of the user's stays. */
  {
    g_autofree char *notes = g_build_filename (csv, "NOTES.txt", NULL);

    g_assert_true (g_file_set_contents (notes, "sent to the auditors\n", -1, NULL));
    g_assert_true (g_file_set_contents (sites_csv, "stale\n", -1, NULL));
    save_and_wait (csv, TRUE);
    g_assert_cmpuint (count_entries (csv, &hidden), ==, 15);
    g_assert_true (g_file_test (notes, G_FILE_TEST_IS_REGULAR));
    assert_private_file (sites_csv);
    {
      g_autofree char *contents = NULL;

      g_assert_true (g_file_get_contents (sites_csv, &contents, NULL, NULL));
      g_assert_false (g_str_has_prefix (contents, "stale"));
    }
  }

  /* Cancel while the export is certainly under way (the worker waits at its first
   * progress report): no file, no temporary file, a toast says so. */
  vigie_reports_page_set_job_flags (page, VIGIE_REPORT_JOB_HOLD_AT_PROGRESS);
  g_assert_true (vigie_reports_page_set_format (page, VIGIE_REPORT_FORMAT_XLSX));
  {
    g_autoptr(GFile) file = g_file_new_for_path (cancelled);

    g_assert_true (vigie_reports_page_save_to (page, file));
  }
  g_assert_true (vigie_test_wait_until (bar_moved, NULL, 20000));
  g_assert_true (vigie_reports_page_get_busy (page));
  g_assert_true (activate ("page.cancel"));
  wait_for_job ();
  g_assert_false (g_file_test (cancelled, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (vigie_reports_page_get_last_toast (page), ==,
                   _("Cancelled: nothing was written"));
  g_assert_null (vigie_reports_page_get_error (page));

  g_assert_true (vigie_reports_page_set_format (page, VIGIE_REPORT_FORMAT_CSV));
  {
    g_autoptr(GFile) file = g_file_new_for_path (cancelled_csv);

    g_assert_true (vigie_reports_page_save_to (page, file));
  }
  g_assert_true (vigie_test_wait_until (bar_moved, NULL, 20000));
  g_assert_true (activate ("page.cancel"));
  wait_for_job ();
  g_assert_false (g_file_test (cancelled_csv, G_FILE_TEST_EXISTS));
  vigie_reports_page_set_job_flags (page, VIGIE_REPORT_JOB_NONE);

  count_entries (tmpdir, &hidden);
  g_assert_false (hidden);
}

static void
test_website (void)
{
  g_autofree char *site = g_build_filename (tmpdir, "website", NULL);
  g_autofree char *index = g_build_filename (site, "index.html", NULL);
  g_autofree char *extra = g_build_filename (site, "CNAME", NULL);
  gboolean hidden;

  vigie_reports_page_set_kind (page, VIGIE_REPORT_KIND_WEBSITE);
  g_assert_cmpstr (vigie_reports_page_get_preview_state (page), ==, "output");
  /* Public only: no level to choose. */
  g_assert_false (vigie_reports_page_set_level (page, VIGIE_LEVEL_INTERNAL));

  /* Into an existing folder (the publisher's, with a file of theirs that stays). */
  g_assert_cmpint (g_mkdir (site, 0755), ==, 0);
  g_assert_true (g_file_set_contents (extra, "monitoring.example.org\n", -1, NULL));
  save_and_wait (site, TRUE);
  g_assert_true (g_file_test (index, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (extra, G_FILE_TEST_IS_REGULAR));
  count_entries (tmpdir, &hidden);
  g_assert_false (hidden);
}

/* A 200-page PDF: the preview renders only what is on screen. */
static void
test_lazy_rendering (void)
{
  VigiePdfPreview *preview = vigie_reports_page_get_preview (page);
  g_autofree char *path = g_build_filename (tmpdir, "long.pdf", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  guint rendered;

  for (int i = 0; i < 200; i++)
    {
      g_autofree char *text = g_strdup_printf ("Page %d", i + 1);

      cairo_move_to (cr, 72, 100);
      cairo_set_font_size (cr, 36);
      cairo_show_text (cr, text);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* The kind last previewed shows the preview widget. */
  vigie_reports_page_set_kind (page, VIGIE_REPORT_KIND_ANNUAL);
  g_assert_cmpstr (vigie_reports_page_get_preview_state (page), ==, "preview");
  g_assert_true (vigie_pdf_preview_load_file (preview, path, &error));
  g_assert_no_error (error);
  wait_for_renders ();
  g_assert_cmpint (vigie_pdf_preview_get_n_pages (preview), ==, 200);
  rendered = vigie_pdf_preview_get_n_rendered (preview, FALSE);
  g_assert_cmpuint (rendered, >=, 1);
  g_assert_cmpuint (rendered, <=, 6);
  g_assert_cmpuint (vigie_pdf_preview_get_n_rendered (preview, TRUE), >=, 3);
  g_assert_cmpuint (vigie_pdf_preview_get_n_rendered (preview, TRUE), <, 60);

  /* Far down: the pages there are rendered, the first ones let go of their image. */
  vigie_pdf_preview_show_page (preview, 150);
  wait_for_renders ();
  g_assert_cmpint (vigie_pdf_preview_get_current_page (preview), >=, 149);
  g_assert_cmpint (vigie_pdf_preview_get_current_page (preview), <=, 151);
  {
    int w, h;

    g_assert_true (vigie_pdf_preview_get_page_image_size (preview, 150, FALSE, &w, &h));
    g_assert_false (vigie_pdf_preview_get_page_image_size (preview, 0, FALSE, &w, &h));
  }
  g_assert_cmpuint (vigie_pdf_preview_get_n_rendered (preview, FALSE), <=, 10);
  vigie_pdf_preview_clear (preview);
}

/* Closing the dataset empties the page; opening it again starts afresh. */
static void
test_dataset_switch (void)
{
  VigieStore *store = vigie_window_get_store (window);
  g_autoptr(GFile) file = g_file_new_for_path (tmpdir);

  g_object_ref (store);
  vigie_reports_page_set_kind (page, VIGIE_REPORT_KIND_FACTORY);
  g_assert_cmpint (vigie_reports_page_get_site (page), ==, site_id);

  vigie_reports_page_set_store (page, NULL);
  g_assert_cmpstr (vigie_reports_page_get_preview_state (page), ==, "empty");
  g_assert_cmpint (vigie_pdf_preview_get_n_pages (vigie_reports_page_get_preview (page)), ==, 0);
  g_assert_false (vigie_reports_page_save_to (page, file));
  g_assert_cmpstr (vigie_reports_page_get_error (page), ==, _("Open a dataset first."));

  vigie_reports_page_set_store (page, store);
  g_assert_cmpint (vigie_reports_page_get_site (page), ==, 0);
  g_assert_null (vigie_reports_page_get_error (page));
  g_assert_cmpstr (vigie_reports_page_get_preview_state (page), ==, "empty");
  g_assert_true (vigie_reports_page_set_site (page, site_id));
  g_object_unref (store);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieStore) demo = NULL;
  g_autoptr(VigieSiteList) list = NULL;
  g_autoptr(VigieSiteQuery) query = NULL;
  int status;

  tmpdir = vigie_test_ui_init (&argc, &argv, "vigie-ui-reports-XXXXXX", TRUE);
  if (tmpdir == NULL)
    return 77;
  demo_path = vigie_test_make_demo (tmpdir, "demo.db", 50, 500, 1);
  demo = vigie_store_open (demo_path, &error);
  g_assert_no_error (error);

  /* The site with the most open findings makes the longest report. */
  list = vigie_site_list_new (demo);
  query = vigie_site_query_new ();
  query->sort = VIGIE_SITE_SORT_OPEN_FINDINGS;
  query->descending = TRUE;
  g_assert_true (vigie_site_list_set_query (list, query, &error));
  g_assert_no_error (error);
  {
    g_autoptr(VigieSiteRow) row = g_list_model_get_item (G_LIST_MODEL (list), 0);

    site_id = vigie_site_row_get_id (row);
    site_name = g_strdup (vigie_site_row_get_name (row));
  }
  g_clear_object (&list);
  g_clear_object (&demo);

  app = vigie_test_application_new ("io.github.vigie.Vigie.TestReports");

  g_test_add_func ("/ui/reports/page-and-problems", test_page_and_problems);
  g_test_add_func ("/ui/reports/site-picker", test_site_picker);
  g_test_add_func ("/ui/reports/factory-preview", test_factory_preview);
  g_test_add_func ("/ui/reports/public-report", test_public_report);
  g_test_add_func ("/ui/reports/annual-figures", test_annual_figures);
  g_test_add_func ("/ui/reports/data-export", test_data_export);
  g_test_add_func ("/ui/reports/website", test_website);
  g_test_add_func ("/ui/reports/lazy-rendering", test_lazy_rendering);
  g_test_add_func ("/ui/reports/dataset-switch", test_dataset_switch);
  status = g_test_run ();

  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  g_free (site_name);
  vigie_test_remove_tree (tmpdir);
  g_free (tmpdir);
  g_free (demo_path);
  return status;
}

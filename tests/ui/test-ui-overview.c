/* test-ui-overview.c — the Overview page under Xvfb on the demo dataset: the figures are
 * computed off the main thread (the window keeps drawing, a spinner shows meanwhile), the
 * numbers shown are the engine's, changing the year or country recomputes them, and a
 * click on a number or a chart element opens the list it counts with the filter applied
 * (same count). Screenshots: overview.png and overview-charts.png (-fr under
 * LANGUAGE=fr) in $VIGIE_SCREENSHOT_DIR.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "vigie-application.h"
#include "vigie-demo.h"
#include "vigie-factories-private.h"
#include "vigie-figures.h"
#include "vigie-findings-page.h"
#include "vigie-overview-page.h"
#include "vigie-remediation-page.h"
#include "vigie-util.h"
#include "vigie-vocab.h"
#include "vigie-window.h"

static VigieApplication *app;
static VigieWindow *window;
static VigieOverviewPage *page;
static char *tmpdir;

typedef gboolean (*Condition) (gpointer data);

static gboolean
wait_until (Condition condition,
            gpointer  data,
            guint     timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
  return TRUE;
}

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
}

static gboolean
overview_idle (gpointer data)
{
  return !vigie_overview_page_get_busy (page);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_descendant (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
screenshot_name (const char *base)
{
  const char *language = g_getenv ("LANGUAGE");

  if (language != NULL && *language != '\0' && !g_str_has_prefix (language, "en"))
    {
      g_autofree char *code = g_strndup (language, strcspn (language, "_:.@"));

      return g_strdup_printf ("%s-%s.png", base, code);
    }
  return g_strdup_printf ("%s.png", base);
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *base)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = screenshot_name (base);
  const char *env_dir = g_getenv ("VIGIE_SCREENSHOT_DIR");

  gtk_test_widget_wait_for_draw (widget);
  iterate (200);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  dir = env_dir != NULL && *env_dir != '\0'
        ? g_strdup (env_dir) : g_build_filename (g_test_get_dir (G_TEST_BUILT), "screenshots",
                                                 NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s (%d×%d)", path, width, height);
}

static void
find_toasts (GtkWidget *widget,
             GPtrArray *found)
{
  if (g_strcmp0 (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget") == 0
      && gtk_widget_get_mapped (widget))
    g_ptr_array_add (found, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    find_toasts (c, found);
}

static gboolean
no_toast (gpointer data)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  find_toasts (GTK_WIDGET (data), found);
  return found->len == 0;
}

/* Screenshots show no transient toast: under Xvfb the "Opened …" toast of libadwaita 1.2
 * sometimes outlives its timeout, so any toast left is hidden while the picture is taken. */
static GPtrArray *
hide_toasts (GtkWidget *window_widget)
{
  GPtrArray *found = g_ptr_array_new ();

  wait_until (no_toast, window_widget, 7000);
  find_toasts (window_widget, found);
  for (guint i = 0; i < found->len; i++)
    gtk_widget_set_child_visible (g_ptr_array_index (found, i), FALSE);
  iterate (100);
  return found;
}

static void
show_toasts (GPtrArray *hidden)
{
  for (guint i = 0; i < hidden->len; i++)
    gtk_widget_set_child_visible (g_ptr_array_index (hidden, i), TRUE);
  g_ptr_array_unref (hidden);
}

static VigieFigures *
engine_figures (int         year,
                const char *country)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = vigie_today_iso ();
  VigieFiguresOptions options = { year, country, 0, today };
  VigieFigures *f = vigie_figures_compute (vigie_window_get_store (window), &options, NULL,
                                           &error);

  g_assert_no_error (error);
  return f;
}

static void
assert_tile (const char *name,
             gint64      value)
{
  g_autofree char *expected = g_strdup_printf ("%'" G_GINT64_FORMAT, value);

  g_assert_cmpstr (vigie_overview_page_get_tile_value (page, name), ==, expected);
}

static const char *
visible_page (void)
{
  AdwViewStack *stack = ADW_VIEW_STACK (find_descendant (GTK_WIDGET (window),
                                                         ADW_TYPE_VIEW_STACK));

  return adw_view_stack_get_visible_child_name (stack);
}

static guint
findings_shown (void)
{
  VigieFindingsPage *findings = VIGIE_FINDINGS_PAGE (find_descendant (GTK_WIDGET (window),
                                                                      VIGIE_TYPE_FINDINGS_PAGE));

  iterate (100);
  return g_list_model_get_n_items (G_LIST_MODEL (vigie_findings_page_get_list (findings)));
}

static gboolean
factories_idle (gpointer data)
{
  return !vigie_factories_page_get_busy (VIGIE_FACTORIES_PAGE (data));
}

/* ─── Tests ──────────────────────────────────────────────────────────────── */

static void
test_figures_shown (void)
{
  g_autoptr(VigieFigures) f = NULL;
  g_autofree char *today = vigie_today_iso ();
  GtkWidget *child;

  window = vigie_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_assert_true (vigie_window_open_database (window, g_build_filename (tmpdir, "demo.db", NULL)));
  gtk_window_present (GTK_WINDOW (window));
  vigie_window_show_page (window, "overview");
  child = find_descendant (GTK_WIDGET (window), VIGIE_TYPE_OVERVIEW_PAGE);
  g_assert_true (VIGIE_IS_OVERVIEW_PAGE (child));
  page = VIGIE_OVERVIEW_PAGE (child);

  /* The computation runs in a thread: right after opening, the page is busy and the
   * window still draws frames (the main loop is free). */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (wait_until (overview_idle, NULL, 60000));
  iterate (100);

  /* The default year is this one (VIGIE_TODAY), which the demo has data for. */
  g_assert_cmpint (vigie_overview_page_get_year (page), ==, atoi (today));
  f = engine_figures (vigie_overview_page_get_year (page), NULL);
  g_assert_cmpint (f->findings, >, 0);
  assert_tile ("sites-linked", f->sites_linked);
  assert_tile ("sites-monitored", f->sites_monitored);
  assert_tile ("investigations", f->investigations);
  assert_tile ("workers", f->workers_interviewed);
  assert_tile ("critical", f->findings_by_severity[0]);
  assert_tile ("major", f->findings_by_severity[1]);
  assert_tile ("minor", f->findings_by_severity[2]);
  assert_tile ("observation", f->findings_by_severity[3]);
  assert_tile ("overdue", f->actions_overdue);
  assert_tile ("remedy", f->remedy_workers[VIGIE_REMEDY_GROUP_TOTAL]);
  g_assert_cmpint (vigie_overview_page_get_figures (page)->findings, ==, f->findings);
  g_assert_cmpint (vigie_overview_page_get_figures (page)->actions, ==, f->actions);

  /* Every chart drew and describes its numbers for assistive technologies. */
  for (int c = 0; c < VIGIE_OVERVIEW_N_CHARTS; c++)
    {
      GtkWidget *chart = vigie_overview_page_get_chart (page, c);

      g_assert_true (gtk_widget_get_mapped (chart));
      g_assert_cmpint (gtk_widget_get_height (chart), >, 200);
    }

  {
    GPtrArray *hidden = hide_toasts (GTK_WIDGET (window));

    GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (
      gtk_widget_get_ancestor (vigie_overview_page_get_chart (page, 0), GTK_TYPE_SCROLLED_WINDOW));
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);

    save_screenshot (GTK_WIDGET (window), "overview");
    /* The lower charts: the monthly line and the sites by country. */
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    iterate (200);
    save_screenshot (GTK_WIDGET (window), "overview-charts");
    gtk_adjustment_set_value (adjustment, 0);
    show_toasts (hidden);
  }
}

static void
test_year_and_country (void)
{
  g_autoptr(VigieFigures) f = NULL;
  int year = vigie_overview_page_get_year (page) - 1;
  const char *country = NULL;

  /* Another year: the figures follow. */
  vigie_overview_page_set_year (page, year, NULL);
  g_assert_true (vigie_overview_page_get_busy (page));
  g_assert_true (wait_until (overview_idle, NULL, 60000));
  iterate (50);
  f = engine_figures (year, NULL);
  assert_tile ("critical", f->findings_by_severity[0]);
  assert_tile ("overdue", f->actions_overdue);
  assert_tile ("workers", f->workers_interviewed);

  /* One country: the country with the most sites linked. */
  for (guint i = 0; i < f->countries->len; i++)
    {
      VigieFiguresCountry *c = &g_array_index (f->countries, VigieFiguresCountry, i);

      if (country == NULL || c->sites_linked > 0)
        country = c->country;
    }
  g_assert_nonnull (country);
  {
    g_autofree char *code = g_strdup (country);
    g_autoptr(VigieFigures) fc = NULL;

    vigie_overview_page_set_year (page, year, code);
    g_assert_true (wait_until (overview_idle, NULL, 60000));
    iterate (50);
    fc = engine_figures (year, code);
    assert_tile ("sites-linked", fc->sites_linked);
    assert_tile ("major", fc->findings_by_severity[1]);
    g_assert_cmpint (fc->findings, <=, f->findings);
    g_assert_cmpstr (vigie_overview_page_get_figures (page)->country, ==, code);
  }
}

static void
test_click_through (void)
{
  g_autofree char *today = vigie_today_iso ();
  int year = atoi (today);
  g_autoptr(VigieFigures) f = NULL;
  VigieRemediationPage *remediation;
  VigieFactoriesPage *factories;

  vigie_window_show_page (window, "overview");
  vigie_overview_page_set_year (page, year, NULL);
  g_assert_true (wait_until (overview_idle, NULL, 60000));
  iterate (50);
  f = engine_figures (year, NULL);

  /* A severity: the Findings page, filtered on the year and severity, lists exactly the
   * number shown. */
  g_signal_emit_by_name (vigie_overview_page_get_tile (page, "major"), "clicked");
  g_assert_cmpstr (visible_page (), ==, "findings");
  g_assert_cmpint (findings_shown (), ==, f->findings_by_severity[1]);

  /* A bar of the themes chart (first theme, critical): its findings. */
  vigie_window_show_page (window, "overview");
  {
    VigieFiguresTheme *t = &g_array_index (f->themes, VigieFiguresTheme, 0);

    g_assert_true (vigie_overview_page_activate_element (page, VIGIE_OVERVIEW_CHART_THEMES, 0,
                                                         0));
    g_assert_cmpstr (visible_page (), ==, "findings");
    g_assert_cmpint (findings_shown (), ==, t->by_severity[0]);
    /* The theme label: every severity of the theme. */
    vigie_window_show_page (window, "overview");
    g_assert_true (vigie_overview_page_activate_element (page, VIGIE_OVERVIEW_CHART_THEMES, 0,
                                                         G_MAXUINT));
    g_assert_cmpint (findings_shown (), ==, t->total);
  }

  /* Overdue: the Remediation page with only the overdue actions (this year: all of them). */
  vigie_window_show_page (window, "overview");
  g_signal_emit_by_name (vigie_overview_page_get_tile (page, "overdue"), "clicked");
  g_assert_cmpstr (visible_page (), ==, "remediation");
  remediation = VIGIE_REMEDIATION_PAGE (find_descendant (GTK_WIDGET (window),
                                                         VIGIE_TYPE_REMEDIATION_PAGE));
  iterate (100);
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (vigie_remediation_page_get_list (
                     remediation))), ==, f->actions_overdue);
  g_assert_true (vigie_remediation_page_get_list (remediation) != NULL);
  g_assert_true (vigie_action_list_get_query (vigie_remediation_page_get_list (remediation))
                   ->only_overdue);

  /* A status bar: the actions of that status. */
  vigie_window_show_page (window, "overview");
  g_assert_true (vigie_overview_page_activate_element (page, VIGIE_OVERVIEW_CHART_STATUS, 0, 0));
  g_assert_cmpstr (visible_page (), ==, "remediation");
  iterate (100);
  g_assert_nonnull (vigie_action_list_get_query (vigie_remediation_page_get_list (remediation))
                      ->status);

  /* A country bar: the Factories page filtered on that country. */
  vigie_window_show_page (window, "overview");
  g_assert_true (vigie_overview_page_activate_element (page, VIGIE_OVERVIEW_CHART_COUNTRIES, 0,
                                                       0));
  g_assert_cmpstr (visible_page (), ==, "factories");
  factories = VIGIE_FACTORIES_PAGE (find_descendant (GTK_WIDGET (window),
                                                     VIGIE_TYPE_FACTORIES_PAGE));
  iterate (200);
  g_assert_true (wait_until (factories_idle, factories, 15000));
  {
    const VigieSiteQuery *query = vigie_site_list_get_query (vigie_factories_page_get_site_list (
                                                               factories));

    g_assert_nonnull (query->country);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (
                        vigie_factories_page_get_site_list (factories))), >, 0);
  }

  /* No element there: nothing happens. */
  vigie_window_show_page (window, "overview");
  g_assert_false (vigie_overview_page_activate_element (page, VIGIE_OVERVIEW_CHART_THEMES, 999,
                                                        0));
  g_assert_cmpstr (visible_page (), ==, "overview");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieStore) demo = NULL;
  g_autofree char *data_home = NULL;
  g_autofree char *demo_path = NULL;
  const char *localedir = g_getenv ("VIGIE_LOCALEDIR");
  VigieDemoOptions options = { .n_sites = 200, .n_findings = 2000, .seed = 1, .today = NULL };
  int status;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: skipped (run under xvfb-run)\n");
      return 77;
    }

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  tmpdir = g_dir_make_tmp ("vigie-ui-overview-XXXXXX", &error);
  g_assert_no_error (error);
  data_home = g_build_filename (tmpdir, "data-home", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

  demo_path = g_build_filename (tmpdir, "demo.db", NULL);
  demo = vigie_store_open (demo_path, &error);
  g_assert_no_error (error);
  g_assert_true (vigie_demo_generate (demo, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&demo);

  app = vigie_application_new ("io.github.vigie.Vigie.TestOverview", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/ui/overview/figures-shown", test_figures_shown);
  g_test_add_func ("/ui/overview/year-and-country", test_year_and_country);
  g_test_add_func ("/ui/overview/click-through", test_click_through);
  status = g_test_run ();

  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  return status;
}

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
#include <stdlib.h>
#include <string.h>

#include "ui-test-util.h"
#include "vigie-action-list.h"
#include "vigie-application.h"
#include "vigie-chart-widget.h"
#include "vigie-demo.h"
#include "vigie-factories-private.h"
#include "vigie-figures.h"
#include "vigie-findings-page.h"
#include "vigie-overview-page.h"
#include "vigie-remediation-page.h"
#include "vigie-site-list.h"
#include "vigie-store-private.h"
#include "vigie-util.h"
#include "vigie-vocab.h"
#include "vigie-window.h"

static VigieApplication *app;
static VigieWindow *window;
static VigieOverviewPage *page;
static char *tmpdir;
static char *demo_path;

static gboolean
overview_idle (gpointer data)
{
  return !vigie_overview_page_get_busy (page);
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
  AdwViewStack *stack = ADW_VIEW_STACK (vigie_test_find_descendant (GTK_WIDGET (window),
                                                         ADW_TYPE_VIEW_STACK));

  return adw_view_stack_get_visible_child_name (stack);
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

  window = vigie_test_open_window (app, demo_path, "overview");
  child = vigie_test_find_descendant (GTK_WIDGET (window), VIGIE_TYPE_OVERVIEW_PAGE);
  g_assert_true (VIGIE_IS_OVERVIEW_PAGE (child));
  page = VIGIE_OVERVIEW_PAGE (child);

  /* The computation runs in a thread: right after opening, the page is busy and the
   * window still draws frames (the main loop is free). */
  g_assert_true (vigie_test_wait_until (overview_idle, NULL, 60000));
  vigie_test_iterate (100);

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
    GPtrArray *hidden = vigie_test_hide_toasts (GTK_WIDGET (window));

    GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (
      gtk_widget_get_ancestor (vigie_overview_page_get_chart (page, 0), GTK_TYPE_SCROLLED_WINDOW));
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);

    vigie_test_save_localised_screenshot (GTK_WIDGET (window), "overview", 200);
    /* The lower charts: the monthly line and the sites by country. */
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    vigie_test_iterate (200);
    vigie_test_save_localised_screenshot (GTK_WIDGET (window), "overview-charts", 200);
    gtk_adjustment_set_value (adjustment, 0);
    vigie_test_show_toasts (hidden);
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
  g_assert_true (vigie_test_wait_until (overview_idle, NULL, 60000));
  vigie_test_iterate (50);
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
    g_assert_true (vigie_test_wait_until (overview_idle, NULL, 60000));
    vigie_test_iterate (50);
    fc = engine_figures (year, code);
    assert_tile ("sites-linked", fc->sites_linked);
    assert_tile ("major", fc->findings_by_severity[1]);
    g_assert_cmpint (fc->findings, <=, f->findings);
    g_assert_cmpstr (vigie_overview_page_get_figures (page)->country, ==, code);
  }
}

/* The number a key figure shows ("1,204" in any locale's grouping → 1204). */
static gint64
shown_number (const char *text)
{
  gint64 n = 0;
  gboolean any = FALSE;

  for (const char *p = text; p != NULL && *p != '\0' && *p != '('; p = g_utf8_next_char (p))
    if (g_ascii_isdigit (*p))
      {
        n = n * 10 + (*p - '0');
        any = TRUE;
      }
  g_assert_true (any);
  return n;
}

static gint64
tile_number (const char *name)
{
  return shown_number (vigie_overview_page_get_tile_value (page, name));
}

static gboolean
remediation_idle (gpointer data)
{
  return !vigie_remediation_page_get_busy (data);
}

static gboolean
findings_idle (gpointer data)
{
  return !vigie_findings_page_get_busy (VIGIE_FINDINGS_PAGE (data));
}

static gboolean
rows_idle (gpointer data)
{
  return vigie_overview_page_get_rows_window (page) != NULL
         && !vigie_overview_page_get_rows_busy (page);
}

/* The rows of the list now shown (after its query finished); for actions, SUM (when not
 * NULL) receives the sum of their beneficiaries. */
static guint
rows_of_list (const char *expected_page,
              gint64     *sum)
{
  const char *shown = visible_page ();

  g_assert_cmpstr (shown, ==, expected_page);
  if (g_str_equal (shown, "findings"))
    {
      VigieFindingsPage *findings = VIGIE_FINDINGS_PAGE (
        vigie_test_find_descendant (GTK_WIDGET (window), VIGIE_TYPE_FINDINGS_PAGE));

      g_assert_true (vigie_test_wait_until (findings_idle, findings, 60000));
      vigie_test_iterate (20);
      return g_list_model_get_n_items (G_LIST_MODEL (vigie_findings_page_get_list (findings)));
    }
  if (g_str_equal (shown, "factories"))
    {
      VigieFactoriesPage *factories = VIGIE_FACTORIES_PAGE (
        vigie_test_find_descendant (GTK_WIDGET (window), VIGIE_TYPE_FACTORIES_PAGE));

      g_assert_true (vigie_test_wait_until (factories_idle, factories, 60000));
      vigie_test_iterate (20);
      return g_list_model_get_n_items (G_LIST_MODEL (
        vigie_factories_page_get_site_list (factories)));
    }
  if (g_str_equal (shown, "remediation"))
    {
      VigieRemediationPage *remediation = VIGIE_REMEDIATION_PAGE (
        vigie_test_find_descendant (GTK_WIDGET (window), VIGIE_TYPE_REMEDIATION_PAGE));
      VigieActionList *list;
      guint n;

      /* The page loads its actions in a thread. */
      g_assert_true (vigie_test_wait_until (remediation_idle, remediation, 60000));
      vigie_test_iterate (20);
      list = vigie_remediation_page_get_list (remediation);
      n = g_list_model_get_n_items (G_LIST_MODEL (list));
      if (sum != NULL)
        {
          sqlite3 *db = NULL;
          sqlite3_stmt *stmt = NULL;

          /* A connection of the test's own: what the listed actions hold. */
          g_assert_cmpint (sqlite3_open_v2 (vigie_store_get_path (vigie_window_get_store (window)),
                                            &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
          g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT coalesce (beneficiaries_total, 0)"
                                               " FROM remediation_actions WHERE id = ?1", -1,
                                               &stmt, NULL), ==, SQLITE_OK);
          *sum = 0;
          for (guint i = 0; i < n; i++)
            {
              sqlite3_bind_int64 (stmt, 1, vigie_action_list_get_id (list, i));
              g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
              *sum += sqlite3_column_int64 (stmt, 0);
              sqlite3_reset (stmt);
            }
          sqlite3_finalize (stmt);
          sqlite3_close (db);
        }
      return n;
    }
  g_assert_not_reached ();
}

/* Clicks key figure NAME and returns the rows of the list it opened. */
static guint
click_tile (const char *name,
            const char *expected_page,
            gint64     *sum)
{
  vigie_window_show_page (window, "overview");
  g_signal_emit_by_name (vigie_overview_page_get_tile (page, name), "clicked");
  return rows_of_list (expected_page, sum);
}

/* Every key figure opens the list it counts: as many rows as the number shown (or, for
 * the workers, as many workers in the rows). */
static void
assert_tiles_match_lists (gboolean screenshot)
{
  gint64 sum = -1;

  g_assert_cmpint (click_tile ("sites-linked", "factories", NULL), ==,
                   tile_number ("sites-linked"));
  g_assert_cmpint (click_tile ("sites-monitored", "factories", NULL), ==,
                   tile_number ("sites-monitored"));
  g_assert_cmpint (click_tile ("critical", "findings", NULL), ==, tile_number ("critical"));
  g_assert_cmpint (click_tile ("major", "findings", NULL), ==, tile_number ("major"));
  g_assert_cmpint (click_tile ("minor", "findings", NULL), ==, tile_number ("minor"));
  g_assert_cmpint (click_tile ("observation", "findings", NULL), ==,
                   tile_number ("observation"));
  g_assert_cmpint (click_tile ("overdue", "remediation", NULL), ==, tile_number ("overdue"));
  /* Workers receiving remedy: the actions providing remedy, whose beneficiaries add up
   * to the number shown (their count is under it). */
  g_assert_cmpint (click_tile ("remedy", "remediation", &sum), ==,
                   vigie_overview_page_get_figures (page)->remedy_actions);
  g_assert_cmpint (sum, ==, tile_number ("remedy"));

  /* Investigations under way and the workers interviewed: the window listing them. */
  vigie_window_show_page (window, "overview");
  g_signal_emit_by_name (vigie_overview_page_get_tile (page, "investigations"), "clicked");
  g_assert_true (vigie_test_wait_until (rows_idle, NULL, 60000));
  g_assert_cmpint (vigie_overview_page_get_rows (page)->len, ==, tile_number ("investigations"));
  if (screenshot)
    {
      GtkWidget *rows = GTK_WIDGET (vigie_overview_page_get_rows_window (page));

      gtk_test_widget_wait_for_draw (rows);
      vigie_test_iterate (500);
      g_test_message ("list window: %d×%d", gtk_widget_get_width (rows),
                      gtk_widget_get_height (rows));
      vigie_test_save_localised_screenshot (rows, "overview-investigations", 200);
    }
  g_signal_emit_by_name (vigie_overview_page_get_tile (page, "workers"), "clicked");
  g_assert_true (vigie_test_wait_until (rows_idle, NULL, 60000));
  sum = 0;
  for (guint i = 0; i < vigie_overview_page_get_rows (page)->len; i++)
    sum += ((VigieFiguresRow *) g_ptr_array_index (vigie_overview_page_get_rows (page),
                                                   i))->participants;
  g_assert_cmpint (sum, ==, tile_number ("workers"));
  gtk_window_destroy (vigie_overview_page_get_rows_window (page));
  vigie_test_iterate (20);
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;   /* the widget keeps its own reference */
    }
  g_assert_not_reached ();
}

/* A key pressed on WIDGET (through its key controller, as GTK delivers it). */
static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (find_controller (widget, GTK_TYPE_EVENT_CONTROLLER_KEY), "key-pressed",
                         keyval, 0, 0, &handled);
  vigie_test_iterate (20);
  return handled;
}

/* Focuses CHART, goes Home, SKIP elements right, then right until the accessible text
 * holds SERIES (when not NULL); returns the number the element shows. */
static gint64
focus_element (VigieOverviewChart  chart,
               const char         *series,
               guint               skip)
{
  VigieChartWidget *widget = VIGIE_CHART_WIDGET (vigie_overview_page_get_chart (page, chart));
  const char *text;

  vigie_window_show_page (window, "overview");
  vigie_test_iterate (50);
  gtk_widget_grab_focus (GTK_WIDGET (widget));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (widget)));
  g_assert_true (press_key (GTK_WIDGET (widget), GDK_KEY_Home));
  for (guint i = 0; i < skip; i++)
    g_assert_true (press_key (GTK_WIDGET (widget), GDK_KEY_Right));
  while (series != NULL
         && strstr (vigie_chart_widget_get_accessible_text (widget), series) == NULL)
    {
      guint before = vigie_chart_widget_get_focused_element (widget);

      g_assert_true (press_key (GTK_WIDGET (widget), GDK_KEY_Right));
      g_assert_cmpuint (vigie_chart_widget_get_focused_element (widget), !=, before);
    }
  text = vigie_chart_widget_get_accessible_text (widget);
  g_test_message ("focused: %s", text);
  /* The number after the element's name: "… — China — Monitored: 12 (3 of 16)". */
  return shown_number (strrchr (text, ':') + 1);
}

/* Enter on the focused element of CHART: the list it counts. */
static guint
activate_focused (VigieOverviewChart  chart,
                  const char         *expected_page)
{
  GtkWidget *widget = vigie_overview_page_get_chart (page, chart);

  g_assert_true (press_key (widget, GDK_KEY_Return));
  return rows_of_list (expected_page, NULL);
}

/* At least one element of each chart (reached and activated by the keyboard) opens a list
 * of exactly the number it shows. */
static void
assert_charts_match_lists (void)
{
  const VigieFigures *f = vigie_overview_page_get_figures (page);
  const char *monitored = _("Monitored");
  const char *completed = _("Actions completed");
  gint64 shown;

  /* Themes: the first theme's whole bar, then its first severity. */
  shown = focus_element (VIGIE_OVERVIEW_CHART_THEMES, NULL, 0);
  g_assert_cmpint (activate_focused (VIGIE_OVERVIEW_CHART_THEMES, "findings"), ==, shown);
  shown = focus_element (VIGIE_OVERVIEW_CHART_THEMES, NULL, 1);
  g_assert_cmpint (activate_focused (VIGIE_OVERVIEW_CHART_THEMES, "findings"), ==, shown);
  /* The untagged findings (the last theme) when there are some. */
  if (f->themes->len > 0
      && *g_array_index (f->themes, VigieFiguresTheme, f->themes->len - 1).theme == '\0')
    {
      vigie_window_show_page (window, "overview");
      g_assert_true (vigie_overview_page_activate_element (page, VIGIE_OVERVIEW_CHART_THEMES,
                                                           f->themes->len - 1, G_MAXUINT));
      g_assert_cmpint (rows_of_list ("findings", NULL), ==,
                       g_array_index (f->themes, VigieFiguresTheme, f->themes->len - 1).total);
    }
  /* Status: the first bar (actions due in the year in that status). */
  shown = focus_element (VIGIE_OVERVIEW_CHART_STATUS, NULL, 0);
  g_assert_cmpint (activate_focused (VIGIE_OVERVIEW_CHART_STATUS, "remediation"), ==, shown);
  /* Monthly: a month of findings, a month of actions completed. */
  shown = focus_element (VIGIE_OVERVIEW_CHART_MONTHLY, NULL, 2);
  g_assert_cmpint (activate_focused (VIGIE_OVERVIEW_CHART_MONTHLY, "findings"), ==, shown);
  shown = focus_element (VIGIE_OVERVIEW_CHART_MONTHLY, completed, 1);
  g_assert_cmpint (activate_focused (VIGIE_OVERVIEW_CHART_MONTHLY, "remediation"), ==, shown);
  /* Countries: the first country's sites linked, then sites monitored. */
  shown = focus_element (VIGIE_OVERVIEW_CHART_COUNTRIES, NULL, 0);
  g_assert_cmpint (activate_focused (VIGIE_OVERVIEW_CHART_COUNTRIES, "factories"), ==, shown);
  shown = focus_element (VIGIE_OVERVIEW_CHART_COUNTRIES, monitored, 0);
  g_assert_cmpint (activate_focused (VIGIE_OVERVIEW_CHART_COUNTRIES, "factories"), ==, shown);
}

static void
test_click_through (void)
{
  g_autofree char *today = vigie_today_iso ();
  int year = atoi (today) - 1;
  g_autoptr(VigieFigures) f = NULL;
  const char *country = NULL;

  /* Last year (a whole one), every country. */
  vigie_window_show_page (window, "overview");
  vigie_overview_page_set_year (page, year, NULL);
  g_assert_true (vigie_test_wait_until (overview_idle, NULL, 60000));
  vigie_test_iterate (50);
  f = engine_figures (year, NULL);
  g_assert_cmpint (f->sites_linked, >, 0);
  g_assert_cmpint (f->investigations, >, 0);
  g_assert_cmpint (f->actions_overdue, >, 0);
  assert_tiles_match_lists (TRUE);
  assert_charts_match_lists ();

  /* One country, this year (overdue counted on today). */
  for (guint i = 0; i < f->countries->len; i++)
    {
      VigieFiguresCountry *c = &g_array_index (f->countries, VigieFiguresCountry, i);

      if (country == NULL || c->sites_monitored > 0)
        country = c->country;
    }
  {
    g_autofree char *code = g_strdup (country);

    vigie_window_show_page (window, "overview");
    vigie_overview_page_set_year (page, year + 1, code);
    g_assert_true (vigie_test_wait_until (overview_idle, NULL, 60000));
    vigie_test_iterate (50);
    assert_tiles_match_lists (FALSE);
    assert_charts_match_lists ();
  }

  /* No element there: nothing happens. */
  vigie_window_show_page (window, "overview");
  g_assert_false (vigie_overview_page_activate_element (page, VIGIE_OVERVIEW_CHART_THEMES, 999,
                                                        0));
  g_assert_cmpstr (visible_page (), ==, "overview");
}

/* Pixels that differ between A and B near RECT (within 6 units of it) and elsewhere. */
static void
count_changes (GdkTexture           *a,
               GdkTexture           *b,
               const VigieChartRect *rect,
               guint                *inside,
               guint                *outside)
{
  int width = gdk_texture_get_width (a), height = gdk_texture_get_height (a);
  gsize stride = (gsize) width * 4;
  g_autofree guchar *pa = g_malloc (stride * height);
  g_autofree guchar *pb = g_malloc (stride * height);

  gdk_texture_download (a, pa, stride);
  gdk_texture_download (b, pb, stride);
  *inside = *outside = 0;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (memcmp (pa + y * stride + x * 4, pb + y * stride + x * 4, 4) != 0)
        {
          if (x >= rect->x - 6 && x <= rect->x + rect->width + 6
              && y >= rect->y - 6 && y <= rect->y + rect->height + 6)
            (*inside)++;
          else
            (*outside)++;
        }
}

/* The charts by keyboard: they take the focus, the arrows move between elements, Home
 * and End go to the ends, a focus ring is drawn around the focused element, its name and
 * value are in the accessible name, Space (and Enter) opens its list as a click does. */
static void
test_keyboard (void)
{
  VigieChartWidget *chart;
  VigieChartRect rect;
  g_autoptr(GdkTexture) focused = NULL;
  g_autoptr(GdkTexture) unfocused = NULL;
  g_autofree char *first = NULL;
  guint inside, outside, last;

  g_autofree char *today = vigie_today_iso ();

  vigie_window_show_page (window, "overview");
  vigie_overview_page_set_year (page, atoi (today), NULL);
  g_assert_true (vigie_test_wait_until (overview_idle, NULL, 60000));
  vigie_test_iterate (100);
  chart = VIGIE_CHART_WIDGET (vigie_overview_page_get_chart (page, VIGIE_OVERVIEW_CHART_STATUS));
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (chart)));
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  vigie_chart_widget_set_focused_element (chart, G_MAXUINT);
  gtk_widget_grab_focus (GTK_WIDGET (vigie_overview_page_get_tile (page, "major")));
  gtk_widget_grab_focus (GTK_WIDGET (chart));
  vigie_test_iterate (50);

  /* The focus lands on the first bar; its name and value are announced. */
  g_assert_cmpuint (vigie_chart_widget_get_focused_element (chart), ==, 0);
  first = g_strdup (vigie_chart_widget_get_accessible_text (chart));
  g_assert_nonnull (strstr (first, " (1 "));   /* "(1 of N)" in any language */
  {
    const VigieFigures *f = vigie_overview_page_get_figures (page);
    const VigieVocabEntry *statuses = vigie_vocab_entries (VIGIE_VOCAB_REMEDIATION_STATUS, NULL);
    guint s = 0;

    while (f->actions_by_status[s] == 0)
      s++;
    /* The first status with actions, and how many. */
    g_assert_nonnull (strstr (first, vigie_vocab_label (VIGIE_VOCAB_REMEDIATION_STATUS,
                                                        statuses[s].code)));
    g_assert_cmpint (shown_number (strrchr (first, ':') + 1), ==, f->actions_by_status[s]);
  }

  /* Right, Left, End, Home. */
  g_assert_true (press_key (GTK_WIDGET (chart), GDK_KEY_Right));
  g_assert_cmpuint (vigie_chart_widget_get_focused_element (chart), ==, 1);
  g_assert_cmpstr (vigie_chart_widget_get_accessible_text (chart), !=, first);
  g_assert_true (press_key (GTK_WIDGET (chart), GDK_KEY_Left));
  g_assert_cmpuint (vigie_chart_widget_get_focused_element (chart), ==, 0);
  g_assert_cmpstr (vigie_chart_widget_get_accessible_text (chart), ==, first);
  g_assert_true (press_key (GTK_WIDGET (chart), GDK_KEY_End));
  last = vigie_chart_widget_get_focused_element (chart);
  g_assert_cmpuint (last, >, 1);
  g_assert_true (press_key (GTK_WIDGET (chart), GDK_KEY_Right));   /* stays at the end */
  g_assert_cmpuint (vigie_chart_widget_get_focused_element (chart), ==, last);
  g_assert_true (press_key (GTK_WIDGET (chart), GDK_KEY_Home));
  g_assert_cmpuint (vigie_chart_widget_get_focused_element (chart), ==, 0);
  /* Tab is not the chart's: it moves the focus on. */
  g_assert_false (press_key (GTK_WIDGET (chart), GDK_KEY_Tab));
  /* The third bar focused, as a keyboard user sees it. */
  g_assert_true (press_key (GTK_WIDGET (chart), GDK_KEY_Right));
  g_assert_true (press_key (GTK_WIDGET (chart), GDK_KEY_Right));
  {
    GPtrArray *hidden = vigie_test_hide_toasts (GTK_WIDGET (window));

    vigie_test_save_localised_screenshot (GTK_WIDGET (window), "overview-keyboard", 200);
    vigie_test_show_toasts (hidden);
  }
  g_assert_true (press_key (GTK_WIDGET (chart), GDK_KEY_Home));

  /* The focus ring: drawn around the focused bar, nowhere else. */
  g_assert_true (vigie_chart_widget_get_element_rect (chart, 0, &rect));
  focused = vigie_test_render_widget (GTK_WIDGET (chart));
  vigie_chart_widget_set_focused_element (chart, G_MAXUINT);
  unfocused = vigie_test_render_widget (GTK_WIDGET (chart));
  count_changes (focused, unfocused, &rect, &inside, &outside);
  g_test_message ("focus ring: %u pixels around the bar, %u elsewhere", inside, outside);
  g_assert_cmpuint (inside, >, 2 * (guint) rect.height);
  g_assert_cmpuint (outside, ==, 0);
  vigie_chart_widget_set_focused_element (chart, 0);

  /* Space activates like Enter and a click: the actions of that status. */
  g_assert_true (press_key (GTK_WIDGET (chart), GDK_KEY_space));
  g_assert_cmpint (rows_of_list ("remediation", NULL), ==,
                   shown_number (strrchr (first, ':') + 1));

  /* A click on a bar does the same, and focuses it. */
  vigie_window_show_page (window, "overview");
  vigie_test_iterate (50);
  g_assert_true (vigie_chart_widget_get_element_rect (chart, last, &rect));
  g_signal_emit_by_name (find_controller (GTK_WIDGET (chart), GTK_TYPE_GESTURE_CLICK), "pressed",
                         1, rect.x + rect.width / 2, rect.y + rect.height / 2);
  g_assert_cmpstr (visible_page (), ==, "remediation");
  g_assert_cmpuint (vigie_chart_widget_get_focused_element (chart), ==, last);
  vigie_window_show_page (window, "overview");
}


/* ─── On a large dataset (run on demand) ─────────────────────────────────── */

typedef struct
{
  gint64 first_frame;      /* µs, monotonic */
  gint64 last_frame;
  gint64 longest_gap;      /* between two frames while counting */
  guint  frames;
  gboolean counting;
} Frames;

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  Frames *frames = data;
  gint64 now = g_get_monotonic_time ();

  if (frames->first_frame == 0)
    frames->first_frame = now;
  if (frames->counting && frames->last_frame != 0)
    frames->longest_gap = MAX (frames->longest_gap, now - frames->last_frame);
  frames->last_frame = now;
  frames->frames++;
  return G_SOURCE_CONTINUE;
}

/* With VIGIE_OVERVIEW_BENCH_DB=FILE (a large dataset, e.g. the 1,000,000-finding demo):
 * how long until the Overview first draws, until its figures are in, the longest the
 * main loop was kept from drawing meanwhile, and each figure's query. Prints the numbers
 * (g_test_message). */
static void
test_large_dataset (void)
{
  const char *path = g_getenv ("VIGIE_OVERVIEW_BENCH_DB");
  VigieWindow *big;
  VigieOverviewPage *overview;
  Frames frames = { 0 };
  const VigieFigures *f;
  gint64 start, shown, counted;
  guint tick;

  if (path == NULL || *path == '\0')
    {
      g_test_skip ("set VIGIE_OVERVIEW_BENCH_DB to a large dataset to run it");
      return;
    }
  big = vigie_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (big), 1280, 800);
  gtk_window_present (GTK_WINDOW (big));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (big));
  vigie_window_show_page (big, "overview");
  overview = VIGIE_OVERVIEW_PAGE (vigie_test_find_descendant (GTK_WIDGET (big), VIGIE_TYPE_OVERVIEW_PAGE));
  tick = gtk_widget_add_tick_callback (GTK_WIDGET (big), tick_cb, &frames, NULL);
  vigie_test_iterate (200);

  start = g_get_monotonic_time ();
  frames.first_frame = 0;
  frames.counting = TRUE;
  g_assert_true (vigie_window_open_database (big, path));
  shown = g_get_monotonic_time ();
  frames.first_frame = 0;
  frames.longest_gap = 0;
  /* The window draws again at once, with the placeholder or with the figures when they
   * were quicker than that. */
  while (frames.first_frame == 0)
    g_main_context_iteration (NULL, TRUE);
  g_test_message ("at the first frame the figures were %s",
                  vigie_overview_page_get_busy (overview) ? "being counted (placeholder)"
                                                          : "in already");
  page = overview;
  g_assert_true (vigie_test_wait_until (overview_idle, NULL, 120000));
  counted = g_get_monotonic_time ();
  frames.counting = FALSE;
  gtk_widget_remove_tick_callback (GTK_WIDGET (big), tick);

  f = vigie_overview_page_get_figures (overview);
  g_assert_nonnull (f);
  g_test_message ("dataset opened (every page): %.0f ms", (shown - start) / 1000.0);
  g_test_message ("first frame of the Overview after that: %.0f ms",
                  (frames.first_frame - shown) / 1000.0);
  g_test_message ("figures of %d in: %.0f ms after opening; longest frame gap meanwhile: "
                  "%.0f ms (%u frames)", f->year, (counted - shown) / 1000.0,
                  frames.longest_gap / 1000.0, frames.frames);
  for (int i = 0; i < VIGIE_N_FIGURES; i++)
    if (f->milliseconds[i] > 0)
      g_test_message ("  %-24s %8.1f ms", vigie_figure_code (i), f->milliseconds[i]);

  /* Another year, then one country: the window goes on drawing while they are counted. */
  for (int round = 0; round < 2; round++)
    {
      int year = f->year - 1;
      g_autofree char *country = round == 1 && f->countries->len > 0
                                 ? g_strdup (g_array_index (f->countries, VigieFiguresCountry,
                                                            0).country) : NULL;

      frames = (Frames) { .counting = TRUE };
      tick = gtk_widget_add_tick_callback (GTK_WIDGET (big), tick_cb, &frames, NULL);
      start = g_get_monotonic_time ();
      vigie_overview_page_set_year (overview, year, country);
      g_assert_true (vigie_overview_page_get_busy (overview));
      g_assert_true (vigie_test_wait_until (overview_idle, NULL, 120000));
      counted = g_get_monotonic_time ();
      vigie_test_iterate (100);
      gtk_widget_remove_tick_callback (GTK_WIDGET (big), tick);
      f = vigie_overview_page_get_figures (overview);
      g_test_message ("figures of %d%s%s in %.0f ms; longest frame gap %.0f ms (%u frames)",
                      year, country != NULL ? " for " : "", country != NULL ? country : "",
                      (counted - start) / 1000.0, frames.longest_gap / 1000.0, frames.frames);
      for (int i = 0; i < VIGIE_N_FIGURES; i++)
        if (f->milliseconds[i] > 0)
          g_test_message ("  %-24s %8.1f ms", vigie_figure_code (i), f->milliseconds[i]);
      g_assert_cmpint (frames.frames, >, 0);
    }
  gtk_window_destroy (GTK_WINDOW (big));
  if (window != NULL)
    page = VIGIE_OVERVIEW_PAGE (vigie_test_find_descendant (GTK_WIDGET (window), VIGIE_TYPE_OVERVIEW_PAGE));
}

int
main (int    argc,
      char **argv)
{
  int status;

  tmpdir = vigie_test_ui_init (&argc, &argv, "vigie-ui-overview-XXXXXX", TRUE);
  if (tmpdir == NULL)
    return 77;
  demo_path = vigie_test_make_demo (tmpdir, "demo.db", 200, 2000, 1);
  app = vigie_test_application_new ("io.github.vigie.Vigie.TestOverview");

  g_test_add_func ("/ui/overview/figures-shown", test_figures_shown);
  g_test_add_func ("/ui/overview/year-and-country", test_year_and_country);
  g_test_add_func ("/ui/overview/click-through", test_click_through);
  g_test_add_func ("/ui/overview/keyboard", test_keyboard);
  g_test_add_func ("/ui/overview/large-dataset", test_large_dataset);
  status = g_test_run ();

  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  vigie_test_remove_tree (tmpdir);
  g_free (tmpdir);
  g_free (demo_path);
  return status;
}

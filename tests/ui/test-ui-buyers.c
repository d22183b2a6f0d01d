/* test-ui-buyers.c — the Buyers page under Xvfb on a demo dataset: the sidebar lists the
 * engine's organisations, the supplier dashboard shows the engine's numbers and ranking, a
 * linked site opens on the Factories page, an affiliate and a contract are created through
 * the forms (invalid input marked and kept), a site is linked; screenshots buyers.png and
 * supplier-dashboard.png (with a -fr suffix under LANGUAGE=fr).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "ui-test-util.h"
#include "vigie-application.h"
#include "vigie-buyers-private.h"
#include "vigie-chart-widget.h"
#include "vigie-demo.h"
#include "vigie-factories-private.h"
#include "vigie-site.h"
#include "vigie-window.h"

static VigieApplication *app;
static VigieWindow *window;
static VigieBuyersPage *page;
static char *tmpdir;

/* TRUE when a GtkLabel under WIDGET shows exactly TEXT. */
static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (has_label (c, text))
      return TRUE;
  return FALSE;
}

static VigieStore *
store (void)
{
  return vigie_window_get_store (window);
}

static void
open_demo (void)
{
  g_autofree char *path = NULL;

  if (window != NULL)
    return;
  path = vigie_test_make_demo (tmpdir, "demo.db", 200, 2000, 1);
  window = vigie_test_open_window (app, path, "buyers");
  vigie_test_iterate (200);
  page = VIGIE_BUYERS_PAGE (vigie_test_find_descendant (GTK_WIDGET (window), VIGIE_TYPE_BUYERS_PAGE));
  g_assert_nonnull (page);
}

static guint
n_sidebar_rows (void)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (vigie_buyers_page_get_sidebar (page)));
       c != NULL; c = gtk_widget_get_next_sibling (c))
    n += GTK_IS_LIST_BOX_ROW (c);
  return n;
}

static VigieSupplierDashboard *
wait_dashboard (gint64 id)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  VigieSupplierDashboard *d;

  while (g_get_monotonic_time () < end)
    {
      d = vigie_buyers_page_get_dashboard (page);
      if (!vigie_buyers_page_get_busy (page) && d != NULL && d->organisation_id == id)
        {
          vigie_test_iterate (100);
          return d;
        }
      vigie_test_iterate (20);
    }
  g_assert_not_reached ();
  return NULL;
}

static gint64
first_of (const char *kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) orgs = vigie_store_list_buyers (store (), kind, NULL, &error);
  gint64 best = 0, best_contracts = -1;

  g_assert_no_error (error);
  g_assert_cmpuint (orgs->len, >, 0);
  /* The one with the most contracts, for a full dashboard. */
  for (guint i = 0; i < orgs->len; i++)
    {
      VigieOrganisationSummary *s = g_ptr_array_index (orgs, i);

      if (s->n_contracts > best_contracts)
        {
          best = s->id;
          best_contracts = s->n_contracts;
        }
    }
  return best;
}

static void
scroll_dashboard_to (GtkWidget *target)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (target, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (target, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adj, point.y - 12);
}

/* ─── Tests ──────────────────────────────────────────────────────────────── */

static void
test_dashboard (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(VigieSupplierDashboard) engine = NULL;
  g_autofree char *n_sites = NULL;
  VigieSupplierDashboard *shown;
  GtkColumnView *view;
  gint64 brand, affiliate;

  open_demo ();

  /* The sidebar lists every affiliate, consortium, contractor and brand of the engine. */
  all = vigie_store_list_buyers (store (), NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, >, 10);
  g_assert_cmpuint (n_sidebar_rows (), ==, all->len);

  /* Searching narrows it. */
  gtk_editable_set_text (vigie_buyers_page_get_search_entry (page),
                         ((VigieOrganisationSummary *) g_ptr_array_index (all, 0))->name);
  vigie_test_iterate (400);
  g_assert_cmpuint (n_sidebar_rows (), >=, 1);
  g_assert_cmpuint (n_sidebar_rows (), <, all->len);
  gtk_editable_set_text (vigie_buyers_page_get_search_entry (page), "");
  vigie_test_iterate (400);
  g_assert_cmpuint (n_sidebar_rows (), ==, all->len);

  /* An affiliate's dashboard: the page shows the engine's numbers. */
  affiliate = first_of ("affiliate");
  g_assert_true (vigie_buyers_page_select (page, affiliate));
  shown = wait_dashboard (affiliate);
  engine = vigie_store_supplier_dashboard (store (), affiliate, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (shown->n_sites, ==, engine->n_sites);
  g_assert_cmpint (shown->open_findings, ==, engine->open_findings);
  g_assert_cmpint (shown->n_contracts, ==, engine->n_contracts);
  g_assert_cmpint (engine->n_sites, >, 0);
  n_sites = vigie_factories_format_count (engine->n_sites);
  g_assert_true (has_label (vigie_buyers_page_get_dashboard_box (page), n_sites));
  g_assert_true (has_label (vigie_buyers_page_get_dashboard_box (page),
                            g_dngettext (GETTEXT_PACKAGE, "linked site", "linked sites",
                                         (gulong) engine->n_sites)));
  view = vigie_buyers_page_get_sites_view (page);
  g_assert_nonnull (view);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))),
                    ==, engine->sites->len);
  /* No performance components for a buyer. */
  g_assert_false (has_label (vigie_buyers_page_get_dashboard_box (page),
                             _("Performance Components")));
  vigie_test_iterate (600);
  /* The dashboard's charts are reachable by keyboard: each bar is announced with its
   * value. */
  {
    GtkWidget *chart = vigie_test_find_descendant (vigie_buyers_page_get_dashboard_box (page),
                                        VIGIE_TYPE_CHART_WIDGET);
    g_autofree char *first = NULL;

    g_assert_nonnull (chart);
    g_assert_true (gtk_widget_get_focusable (chart));
    gtk_widget_grab_focus (chart);
    vigie_test_iterate (50);
    g_assert_cmpuint (vigie_chart_widget_get_focused_element (VIGIE_CHART_WIDGET (chart)), ==, 0);
    first = g_strdup (vigie_chart_widget_get_accessible_text (VIGIE_CHART_WIDGET (chart)));
    g_assert_nonnull (strstr (first, ": "));
    g_assert_nonnull (strstr (first, " (1 "));   /* "(1 of N)" in any language */
    vigie_chart_widget_set_focused_element (VIGIE_CHART_WIDGET (chart), G_MAXUINT);
  }
  vigie_test_wait_until (vigie_test_no_toast, window, 30000);
  vigie_test_save_localised_screenshot (GTK_WIDGET (window), "buyers", 0);
  g_clear_pointer (&engine, vigie_supplier_dashboard_free);

  /* A brand: the ranking is the engine's, and the performance components are shown with
   * their numerators and denominators. */
  brand = first_of ("brand");
  g_assert_true (vigie_buyers_page_select (page, brand));
  shown = wait_dashboard (brand);
  engine = vigie_store_supplier_dashboard (store (), brand, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shown->sites->len, ==, engine->sites->len);
  g_assert_cmpuint (engine->sites->len, >, 1);
  for (guint i = 0; i < engine->sites->len; i++)
    g_assert_cmpint (((VigieLeverageSite *) g_ptr_array_index (shown->sites, i))->site_id, ==,
                     ((VigieLeverageSite *) g_ptr_array_index (engine->sites, i))->site_id);
  g_assert_true (has_label (vigie_buyers_page_get_dashboard_box (page),
                            _("Performance Components")));
  if (engine->performance.disclosure_completeness.denominator > 0)
    {
      g_autofree char *percent = vigie_factories_format_percent (vigie_ratio_percent (&engine->performance.disclosure_completeness));

      g_assert_true (has_label (vigie_buyers_page_get_dashboard_box (page), percent));
    }
  vigie_test_iterate (600);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  scroll_dashboard_to (vigie_test_find_descendant (vigie_buyers_page_get_dashboard_box (page),
                                        ADW_TYPE_PREFERENCES_GROUP));
  vigie_test_iterate (300);
  vigie_test_save_localised_screenshot (GTK_WIDGET (window), "supplier-dashboard", 0);
}

static void
test_open_site (void)
{
  VigieSupplierDashboard *d;
  GtkColumnView *view;
  GtkWidget *factories;
  AdwViewStack *stack;
  gint64 site;

  open_demo ();
  d = vigie_buyers_page_get_dashboard (page);
  g_assert_nonnull (d);
  site = ((VigieLeverageSite *) g_ptr_array_index (d->sites, 0))->site_id;
  view = vigie_buyers_page_get_sites_view (page);
  g_signal_emit_by_name (view, "activate", 0u);
  vigie_test_iterate (300);
  stack = ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "factories");
  factories = vigie_test_find_descendant (GTK_WIDGET (window), VIGIE_TYPE_FACTORIES_PAGE);
  {
    VigieSiteList *list = vigie_factories_page_get_site_list (VIGIE_FACTORIES_PAGE (factories));
    GtkSelectionModel *model = gtk_column_view_get_model (vigie_factories_page_get_column_view (VIGIE_FACTORIES_PAGE (factories)));
    guint selected = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model));

    g_assert_cmpuint (selected, !=, GTK_INVALID_LIST_POSITION);
    g_assert_cmpint (vigie_site_list_get_id (list, selected), ==, site);
  }
  vigie_window_show_page (window, "buyers");
  vigie_test_iterate (200);
}

static void
set_text (GtkWindow  *form,
          const char *field,
          const char *text)
{
  GtkWidget *w = vigie_buyers_form_get_field (form, field);

  g_assert_nonnull (w);
  gtk_editable_set_text (GTK_EDITABLE (w), text);
}

static void
test_create (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieContractRecord) contract = NULL;
  g_autoptr(GPtrArray) contracts = NULL;
  VigieSupplierDashboard *d;
  GtkWindow *form;
  GtkWidget *name;
  gint64 affiliate, site;

  open_demo ();

  /* New affiliate: an empty name is refused, marked on the field; the text typed in the
   * other fields stays. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.new-organisation", NULL));
  form = vigie_buyers_page_get_form (page);
  g_assert_nonnull (form);
  set_text (form, "affiliated_on", "2026-02-31");
  g_assert_false (vigie_buyers_form_save (form));
  name = vigie_buyers_form_get_field (form, "name");
  g_assert_true (gtk_widget_has_css_class (name, "error"));
  g_assert_true (gtk_widget_has_css_class (vigie_buyers_form_get_field (form, "affiliated_on"),
                                           "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (vigie_buyers_form_get_field (form, "affiliated_on"))),
                   ==, "2026-02-31");
  set_text (form, "name", "Ville de Grenoble");
  set_text (form, "affiliated_on", "2026-02-28");
  g_assert_true (vigie_buyers_form_save (form));
  vigie_test_iterate (200);
  affiliate = vigie_buyers_page_get_selected (page);
  g_assert_cmpint (affiliate, >, 0);
  d = wait_dashboard (affiliate);
  g_assert_cmpstr (d->name, ==, "Ville de Grenoble");
  g_assert_cmpstr (d->kind, ==, "affiliate");
  g_assert_cmpint (d->n_sites, ==, 0);

  /* New contract of this affiliate: a bad spend and dates in the wrong order are marked;
   * then a product model and a site link. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.new-contract", NULL));
  form = vigie_buyers_page_get_form (page);
  g_assert_nonnull (form);
  set_text (form, "reference", "GRE-2026-01");
  set_text (form, "start_date", "2026-03-01");
  set_text (form, "end_date", "2025-03-01");
  set_text (form, "annual_spend_minor", "12 abc");
  set_text (form, "currency", "EUR");
  g_assert_false (vigie_buyers_form_save (form));
  g_assert_true (gtk_widget_has_css_class (vigie_buyers_form_get_field (form, "end_date"), "error"));
  g_assert_true (gtk_widget_has_css_class (vigie_buyers_form_get_field (form, "annual_spend_minor"),
                                           "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (vigie_buyers_form_get_field (form, "annual_spend_minor"))),
                   ==, "12 abc");
  set_text (form, "end_date", "2029-02-28");
  set_text (form, "annual_spend_minor", "250000.50");

  /* Link the first site (what picking it in the site finder does). */
  {
    g_autoptr(VigieSiteRecord) first = NULL;

    site = 0;
    for (gint64 id = 1; site == 0 && id < 400; id++)
      {
        first = vigie_store_get_site (store (), id, NULL);
        if (first != NULL)
          site = id;
      }
    g_assert_cmpint (site, >, 0);
  }
  vigie_buyers_form_add_link (form, site);
  g_assert_true (vigie_buyers_form_save (form));
  vigie_test_iterate (200);

  contracts = vigie_store_list_contracts_of (store (), affiliate, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contracts->len, ==, 1);
  contract = vigie_store_get_contract (store (), ((VigieContractSummary *) g_ptr_array_index (contracts, 0))->id,
                                       &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contract->reference, ==, "GRE-2026-01");
  g_assert_cmpint (contract->annual_spend_minor, ==, 25000050);
  g_assert_cmpstr (contract->currency, ==, "EUR");
  g_assert_cmpuint (contract->links->len, ==, 1);
  g_assert_cmpint (((VigieContractLink *) g_ptr_array_index (contract->links, 0))->site_id, ==, site);

  /* The dashboard follows: one linked site, ranked first, with this affiliate counted. */
  vigie_test_iterate (200);
  d = wait_dashboard (affiliate);
  g_assert_cmpint (d->n_sites, ==, 1);
  g_assert_cmpint (d->n_contracts, ==, 1);
  g_assert_cmpint (((VigieLeverageSite *) g_ptr_array_index (d->sites, 0))->site_id, ==, site);
  g_assert_cmpint (((VigieLeverageSite *) g_ptr_array_index (d->sites, 0))->n_affiliates, >=, 1);

  /* Link a second site through the contract form of the existing contract. */
  {
    gint64 other = 0;

    for (gint64 id = site + 1; other == 0 && id < 400; id++)
      {
        g_autoptr(VigieSiteRecord) s = vigie_store_get_site (store (), id, NULL);

        if (s != NULL)
          other = id;
      }
    form = vigie_contract_form_new (GTK_WINDOW (window), store (), contract->id, affiliate,
                                    NULL, NULL);
    vigie_buyers_form_add_link (form, other);
    g_assert_true (vigie_buyers_form_save (form));
    g_clear_pointer (&contract, vigie_contract_record_free);
    contract = vigie_store_get_contract (store (), ((VigieContractSummary *) g_ptr_array_index (contracts, 0))->id,
                                         &error);
    g_assert_cmpuint (contract->links->len, ==, 2);
  }
  vigie_test_wait_until (vigie_test_no_toast, window, 30000);
}

int
main (int    argc,
      char **argv)
{
  int status;

  tmpdir = vigie_test_ui_init (&argc, &argv, "vigie-ui-buyers-XXXXXX", TRUE);
  if (tmpdir == NULL)
    return 77;
  app = vigie_test_application_new ("io.github.vigie.Vigie.TestBuyers");

  g_test_add_func ("/ui/buyers/dashboard", test_dashboard);
  g_test_add_func ("/ui/buyers/open-site", test_open_site);
  g_test_add_func ("/ui/buyers/create", test_create);

  status = g_test_run ();
  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  vigie_test_iterate (100);
  g_clear_object (&app);
  return status;
}

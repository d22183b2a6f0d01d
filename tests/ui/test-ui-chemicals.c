/* test-ui-chemicals.c — the Chemicals page under Xvfb on the demo dataset: the list and
 * its filters, the product editor (a wrong CAS number refused with the reason and the
 * typed text kept, hazard codes with their pictograms and signal word, save), the hazard
 * summary, a new product at a site without an inventory (the site drop-down), create →
 * edit → delete → undo → delete checked in the store, the substance reference (search,
 * edit, a wrong date refused), the exposure measurements of a site (add, refuse, delete),
 * the products and filter choices read in worker threads (the page returns to the main
 * loop at once in its loading state, a newer filter replaces an older one still loading),
 * and screenshots taken with no toast showing.
 *
 * Screenshots go to $VIGIE_SCREENSHOT_DIR when it is set (chemicals.png,
 * chemical-editor.png, hazard-summary.png, substances.png, with a -fr suffix under
 * LANGUAGE=fr), otherwise to the build directory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "vigie-application.h"
#include "vigie-chemicals-page.h"
#include "vigie-demo.h"
#include "vigie-window.h"

static VigieApplication *app;
static VigieWindow *window;
static VigieChemicalsPage *page;
static char *tmpdir;
static char *dataset_path;

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
page_idle (gpointer data)
{
  return !vigie_chemicals_page_get_busy (page);
}

static void
settle (void)
{
  iterate (300);
  g_assert_true (wait_until (page_idle, NULL, 10000));
  iterate (100);
}

/* The first widget of TYPE under ROOT (the window binds only some of its pages). */
static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* TRUE while a toast is on screen (the screenshots are taken without one). */
static gboolean
toast_showing (void)
{
  GType type = g_type_from_name ("AdwToastWidget");

  return type != 0 && find_widget (GTK_WIDGET (window), type) != NULL;
}

static void
wait_no_toast (void)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  /* A toast does not expire while it holds the focus (the window gives it the focus when
   * it is the first thing to take it): move the focus away, as a person's click would. */
  if (focus != NULL && g_type_from_name ("AdwToastWidget") != 0
      && gtk_widget_get_ancestor (focus, g_type_from_name ("AdwToastWidget")) != NULL)
    gtk_window_set_focus (GTK_WINDOW (window), NULL);
  while (toast_showing () && g_get_monotonic_time () < end)
    iterate (100);
  if (toast_showing ())
    {
      GtkWidget *w = find_widget (GTK_WIDGET (window), g_type_from_name ("AdwToastWidget"));

      GtkWidget *label = find_widget (w, GTK_TYPE_LABEL);

      g_test_message ("toast still showing: %s",
                      label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : "?");
    }
  g_assert_false (toast_showing ());
}

static guint
n_shown (void)
{
  return g_list_model_get_n_items (G_LIST_MODEL (vigie_chemicals_page_get_list (page)));
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
  g_autofree char *name = NULL;
  const char *env_dir = g_getenv ("VIGIE_SCREENSHOT_DIR");
  const char *language = g_getenv ("LANGUAGE");

  if (language != NULL && *language != '\0' && !g_str_has_prefix (language, "en"))
    {
      g_autofree char *code = g_strndup (language, strcspn (language, "_:.@"));

      name = g_strdup_printf ("%s-%s.png", base, code);
    }
  else
    name = g_strdup_printf ("%s.png", base);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (env_dir != NULL && *env_dir != '\0')
    dir = g_strdup (env_dir);
  else
    dir = g_build_filename (g_test_get_dir (G_TEST_BUILT), "screenshots", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s (%d×%d)", path, width, height);
}

/* The inventory with the most products. */
static VigieInventory *
largest_inventory (GPtrArray *inventories)
{
  VigieInventory *best = NULL;

  for (guint i = 0; i < inventories->len; i++)
    {
      VigieInventory *inv = g_ptr_array_index (inventories, i);

      if (best == NULL || inv->n_products > best->n_products)
        best = inv;
    }
  return best;
}

static void
test_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) inventories = NULL;
  VigieStore *store;
  VigieInventory *inv;
  gint64 total;
  guint all;

  window = vigie_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_assert_true (vigie_window_open_database (window, dataset_path));
  gtk_window_present (GTK_WINDOW (window));
  vigie_window_show_page (window, "chemicals");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  page = VIGIE_CHEMICALS_PAGE (find_widget (GTK_WIDGET (window), VIGIE_TYPE_CHEMICALS_PAGE));
  g_assert_nonnull (page);
  settle ();

  store = vigie_window_get_store (window);
  total = vigie_store_count (store, "chemical_products");
  g_assert_cmpint (total, >, 0);
  all = n_shown ();
  g_assert_cmpint (all, ==, total);

  /* Given the dataset, the page returns to the main loop at once: loading, nothing listed
   * yet; then everything comes in. */
  vigie_chemicals_page_set_store (page, NULL);
  vigie_chemicals_page_set_store (page, store);
  g_assert_true (vigie_chemicals_page_get_busy (page));
  g_assert_cmpuint (n_shown (), ==, 0);
  g_assert_cmpstr (gtk_label_get_text (vigie_chemicals_page_get_count_label (page)), ==,
                   _("Loading…"));
  settle ();
  g_assert_cmpint (n_shown (), ==, total);
  {
    g_autofree char *count = g_strdup_printf ("%'u", all);

    g_assert_nonnull (strstr (gtk_label_get_text (vigie_chemicals_page_get_count_label (page)),
                              count));
  }

  /* Two filters in quick succession: the first query is replaced, the second shows. */
  vigie_chemicals_page_set_flags (page, VIGIE_CHEMICAL_FLAG_CMR);
  g_assert_true (vigie_chemicals_page_get_busy (page));
  vigie_chemicals_page_set_flags (page, 0);
  settle ();
  g_assert_cmpint (n_shown (), ==, total);
  /* The substance reference was loaded when the page got the dataset. */
  g_assert_cmpint (vigie_store_count (store, "substances"), >=, 50);

  /* One inventory. */
  inventories = vigie_chemical_list_inventories (store, 0, &error);
  g_assert_no_error (error);
  inv = largest_inventory (inventories);
  g_assert_true (vigie_chemicals_page_show_inventory (page, inv->site_id, inv->period));
  settle ();
  g_assert_cmpint (n_shown (), ==, inv->n_products);

  /* CMR only, then back. */
  vigie_chemicals_page_set_flags (page, VIGIE_CHEMICAL_FLAG_CMR);
  settle ();
  g_assert_cmpuint (n_shown (), <=, inv->n_products);
  vigie_chemicals_page_set_flags (page, 0);
  settle ();
  g_assert_cmpint (n_shown (), ==, inv->n_products);

  /* Search. */
  gtk_editable_set_text (vigie_chemicals_page_get_search_entry (page), "zzzz-no-such-product");
  iterate (600);
  settle ();
  g_assert_cmpuint (n_shown (), ==, 0);
  gtk_editable_set_text (vigie_chemicals_page_get_search_entry (page), "");
  iterate (600);
  settle ();
  g_assert_cmpint (n_shown (), ==, inv->n_products);

  /* Select the first product: the editor shows it. */
  {
    g_autoptr(VigieChemicalRow) row = g_list_model_get_item (G_LIST_MODEL (vigie_chemicals_page_get_list (page)), 0);

    g_assert_true (vigie_chemicals_page_select_product (page, vigie_chemical_row_get_id (row)));
    iterate (200);
    g_assert_cmpstr (gtk_editable_get_text (vigie_chemical_editor_get_trade_name (vigie_chemicals_page_get_editor (page))),
                     ==, vigie_chemical_row_get_trade_name (row));
  }
  wait_no_toast ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  iterate (300);
  save_screenshot (GTK_WIDGET (window), "chemicals");
}

static void
test_editor (void)
{
  VigieChemicalEditor *editor = vigie_chemicals_page_get_editor (page);
  VigieStore *store = vigie_window_get_store (window);
  GtkEditable *cas;
  gint64 before = vigie_store_count (store, "chemical_products");
  g_autofree char *pictos = NULL;

  gtk_widget_activate_action (GTK_WIDGET (page), "page.new-product", NULL);
  iterate (100);
  g_assert_cmpint (vigie_chemical_editor_get_id (editor), ==, 0);
  gtk_editable_set_text (vigie_chemical_editor_get_trade_name (editor), "Thinner 88");
  g_assert_true (vigie_chemical_editor_add_hazard_codes (editor, "H225; H304 H315+H319 H350"));
  pictos = vigie_chemical_editor_get_pictograms (editor);
  g_assert_cmpstr (pictos, ==, "GHS02 GHS07 GHS08");
  g_assert_cmpstr (vigie_chemical_editor_get_signal_word (editor), ==, "danger");
  g_assert_false (vigie_chemical_editor_add_hazard_codes (editor, "H225+H999"));
  g_assert_nonnull (strstr (vigie_chemical_editor_get_error (editor), "H999"));

  vigie_chemical_editor_add_constituent (editor, "Toluene", "108-88-3", "40", "60");
  vigie_chemical_editor_add_constituent (editor, "Proprietary resin", "none", "5", "10");
  cas = vigie_chemical_editor_add_constituent (editor, "Benzene", "71-43-3", "0.1", "1");
  iterate (100);
  /* Refused: the CAS entry is marked, the reason shown, the typed text kept. */
  g_assert_false (vigie_chemical_editor_save (editor));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cas), "error"));
  g_assert_nonnull (strstr (vigie_chemical_editor_get_error (editor), "71-43-3"));
  g_assert_cmpstr (gtk_editable_get_text (cas), ==, "71-43-3");
  g_assert_cmpint (vigie_store_count (store, "chemical_products"), ==, before);
  wait_no_toast ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  iterate (300);
  save_screenshot (GTK_WIDGET (window), "chemical-editor");

  /* Corrected: saved. */
  gtk_editable_set_text (cas, "71-43-2");
  iterate (50);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (cas), "error"));
  g_assert_true (vigie_chemical_editor_save (editor));
  settle ();
  g_assert_cmpint (vigie_store_count (store, "chemical_products"), ==, before + 1);
  g_assert_cmpint (vigie_chemical_editor_get_id (editor), >, 0);
}

static void
test_summary (void)
{
  const VigieHazardSummary *summary;

  vigie_chemicals_page_show_view (page, "summary");
  iterate (200);
  summary = vigie_hazard_summary_view_get_summary (vigie_chemicals_page_get_summary (page));
  g_assert_nonnull (summary);
  /* The product saved above (benzene, H350) is CMR. */
  g_assert_cmpuint (summary->n_cmr_products, >=, 1);
  g_assert_cmpuint (summary->items->len, ==, summary->n_cmr_products);
  wait_no_toast ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  iterate (300);
  save_screenshot (GTK_WIDGET (window), "hazard-summary");
  vigie_chemicals_page_show_view (page, "products");
}

/* The first site that has no chemical inventory. */
static gint64
site_without_inventory (VigieStore *store)
{
  g_autoptr(GPtrArray) sites = vigie_chemical_list_sites (store, NULL);

  for (guint i = 0; i < sites->len; i++)
    {
      VigieChemicalChoice *c = g_ptr_array_index (sites, i);
      g_autoptr(GPtrArray) inventories = vigie_chemical_list_inventories (store, c->id, NULL);

      if (inventories->len == 0)
        return c->id;
    }
  return 0;
}

static gboolean dismissed;

static void
toast_dismissed_cb (AdwToast *toast,
                    gpointer  data)
{
  dismissed = TRUE;
}

static void
test_new_site_crud_undo (void)
{
  VigieChemicalEditor *editor = vigie_chemicals_page_get_editor (page);
  VigieStore *store = vigie_window_get_store (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) inventories = NULL;
  g_autoptr(VigieChemicalProduct) product = NULL;
  gint64 site = site_without_inventory (store);
  gint64 before = vigie_store_count (store, "chemical_products");
  gint64 id;
  AdwToast *toast;

  g_assert_cmpint (site, >, 0);
  /* No inventory chosen: New Product asks for the site. */
  g_assert_true (vigie_chemicals_page_show_inventory (page, 0, NULL));
  settle ();
  gtk_widget_activate_action (GTK_WIDGET (page), "page.new-product", NULL);
  iterate (100);
  g_assert_cmpint (vigie_chemical_editor_get_id (editor), ==, 0);
  g_assert_cmpint (vigie_chemical_editor_get_site_id (editor), ==, 0);
  gtk_editable_set_text (vigie_chemical_editor_get_trade_name (editor), "Flux Remover 7");
  vigie_chemical_editor_add_constituent (editor, "Isopropanol", "67-63-0", "60", "80");
  g_assert_true (vigie_chemical_editor_add_hazard_codes (editor, "H225 H319 H336"));
  g_assert_false (vigie_chemical_editor_save (editor));
  /* The site is missing (in the running language). */
  g_assert_cmpstr (vigie_chemical_editor_get_error (editor), ==,
                   _("Choose the site where the product is used"));
  g_assert_cmpint (vigie_store_count (store, "chemical_products"), ==, before);

  /* Create: the first product of that site makes its inventory. */
  vigie_chemical_editor_set_site (editor, site);
  g_assert_cmpint (vigie_chemical_editor_get_site_id (editor), ==, site);
  g_assert_true (vigie_chemical_editor_save (editor));
  settle ();
  id = vigie_chemical_editor_get_id (editor);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (vigie_store_count (store, "chemical_products"), ==, before + 1);
  inventories = vigie_chemical_list_inventories (store, site, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (inventories->len, ==, 1);
  g_assert_cmpint (((VigieInventory *) g_ptr_array_index (inventories, 0))->n_products, ==, 1);
  product = vigie_chemical_get_product (store, id, &error);
  g_assert_cmpint (product->site_id, ==, site);
  g_assert_cmpuint (product->hazard_codes->len, ==, 3);
  g_clear_pointer (&product, vigie_chemical_product_free);
  /* The page shows that product; its site is fixed now. */
  g_assert_true (vigie_chemicals_page_select_product (page, id));
  g_assert_cmpint (n_shown (), >=, 1);

  /* Edit. */
  gtk_editable_set_text (vigie_chemical_editor_get_trade_name (editor), "Flux Remover 7B");
  g_assert_true (vigie_chemical_editor_save (editor));
  settle ();
  product = vigie_chemical_get_product (store, id, &error);
  g_assert_cmpstr (product->trade_name, ==, "Flux Remover 7B");
  g_clear_pointer (&product, vigie_chemical_product_free);

  /* Delete: hidden at once, still in the store until the toast goes. */
  g_assert_true (vigie_chemicals_page_select_product (page, id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.delete-product", NULL));
  iterate (100);
  toast = vigie_chemicals_page_get_undo_toast (page);
  g_assert_nonnull (toast);
  g_assert_nonnull (strstr (adw_toast_get_title (toast), "Flux Remover 7B"));
  g_assert_cmpuint (vigie_chemical_list_find_position (vigie_chemicals_page_get_list (page), id),
                    ==, G_MAXUINT);
  g_assert_cmpint (vigie_store_count (store, "chemical_products"), ==, before + 1);

  /* Undo. */
  g_signal_emit_by_name (toast, "button-clicked");
  settle ();
  g_assert_cmpuint (vigie_chemical_list_find_position (vigie_chemicals_page_get_list (page), id),
                    !=, G_MAXUINT);
  g_assert_cmpint (vigie_chemical_editor_get_id (editor), ==, id);
  product = vigie_chemical_get_product (store, id, &error);
  g_assert_nonnull (product);
  g_assert_cmpuint (product->constituents->len, ==, 1);
  g_clear_pointer (&product, vigie_chemical_product_free);

  /* Delete again and let the toast expire: gone from the store. */
  g_assert_true (vigie_chemicals_page_select_product (page, id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.delete-product", NULL));
  iterate (50);
  toast = vigie_chemicals_page_get_undo_toast (page);
  g_assert_nonnull (toast);
  dismissed = FALSE;
  g_signal_connect (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), NULL);
  {
    gint64 end = g_get_monotonic_time () + 40 * G_USEC_PER_SEC;

    while (!dismissed && g_get_monotonic_time () < end)
      iterate (100);
  }
  g_assert_true (dismissed);
  settle ();
  g_assert_cmpint (vigie_store_count (store, "chemical_products"), ==, before);
  g_assert_null (vigie_chemical_get_product (store, id, NULL));
}

static void
test_substances (void)
{
  VigieStore *store = vigie_window_get_store (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieSubstance) benzene = vigie_chemical_find_substance_by_cas (store, "71-43-2",
                                                                           &error);
  g_autoptr(VigieSubstance) saved = NULL;
  GtkWidget *date = vigie_chemicals_page_get_widget (page, "substance-svhc-date");
  guint all;

  g_assert_no_error (error);
  g_assert_nonnull (benzene);
  vigie_chemicals_page_show_view (page, "substances");
  iterate (200);
  /* The product editor and the product filters give way to the substance form. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (vigie_chemicals_page_get_editor (page))));
  all = vigie_chemicals_page_get_n_substances (page);
  g_assert_cmpuint (all, ==, (guint) vigie_store_count (store, "substances"));
  g_assert_cmpuint (all, >=, 50);
  gtk_editable_set_text (GTK_EDITABLE (vigie_chemicals_page_get_widget (page, "substance-search")),
                         "71-43-2");
  iterate (600);
  g_assert_cmpuint (vigie_chemicals_page_get_n_substances (page), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (vigie_chemicals_page_get_widget (page, "substance-search")),
                         "");
  iterate (600);
  g_assert_cmpuint (vigie_chemicals_page_get_n_substances (page), ==, all);

  g_assert_true (vigie_chemicals_page_select_substance (page, benzene->id));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (vigie_chemicals_page_get_widget (page, "substance-name"))),
                   ==, benzene->name);
  /* A wrong date: refused, marked, the text kept, nothing written. */
  gtk_editable_set_text (GTK_EDITABLE (vigie_chemicals_page_get_widget (page, "substance-ec")),
                         "200-753-7");
  gtk_switch_set_active (GTK_SWITCH (vigie_chemicals_page_get_widget (page, "substance-svhc")), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (date), "2008-13-28");
  gtk_switch_set_active (GTK_SWITCH (vigie_chemicals_page_get_widget (page, "substance-sin")), TRUE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (vigie_chemicals_page_get_widget (page, "substance-cmr")), 1);
  g_assert_false (vigie_chemicals_page_save_substance (page));
  g_assert_true (gtk_widget_has_css_class (date, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "2008-13-28");
  g_assert_true (gtk_widget_get_visible (vigie_chemicals_page_get_widget (page, "substance-error")));
  saved = vigie_chemical_find_substance_by_cas (store, "71-43-2", &error);
  g_assert_cmpstr (saved->svhc_date != NULL ? saved->svhc_date : "", ==,
                   benzene->svhc_date != NULL ? benzene->svhc_date : "");
  g_clear_pointer (&saved, vigie_substance_free);

  /* Corrected: saved with every flag. */
  gtk_editable_set_text (GTK_EDITABLE (date), "2008-10-28");
  g_assert_true (vigie_chemicals_page_save_substance (page));
  g_assert_false (gtk_widget_has_css_class (date, "error"));
  saved = vigie_chemical_find_substance_by_cas (store, "71-43-2", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved->ec_number, ==, "200-753-7");
  g_assert_true (saved->svhc);
  g_assert_cmpstr (saved->svhc_date, ==, "2008-10-28");
  g_assert_true (saved->sin_list);
  g_assert_cmpstr (saved->cmr_category, ==, "1A");
  /* The list still shows every substance, benzene selected. */
  g_assert_cmpuint (vigie_chemicals_page_get_n_substances (page), ==, all);

  wait_no_toast ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  iterate (300);
  save_screenshot (GTK_WIDGET (window), "substances");
  vigie_chemicals_page_show_view (page, "products");
  iterate (100);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (vigie_chemicals_page_get_editor (page))));
}

static void
test_measurements (void)
{
  VigieStore *store = vigie_window_get_store (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) inventories = vigie_chemical_list_inventories (store, 0, &error);
  g_autoptr(GPtrArray) list = NULL;
  VigieInventory *inv = largest_inventory (inventories);
  GtkWidget *value = vigie_chemicals_page_get_widget (page, "measurement-value");
  gint64 before_rows = vigie_store_count (store, "exposure_measurements");
  guint before;
  gint64 id;
  gboolean found = FALSE;

  g_assert_true (vigie_chemicals_page_show_inventory (page, inv->site_id, inv->period));
  settle ();
  vigie_chemicals_page_show_view (page, "measurements");
  iterate (200);
  list = vigie_chemical_list_measurements (store, inv->site_id, 0, &error);
  g_assert_no_error (error);
  before = vigie_chemicals_page_get_n_measurements (page);
  g_assert_cmpuint (before, ==, list->len);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* A value that is not a number: refused, marked. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (vigie_chemicals_page_get_widget (page, "measurement-product")), 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (vigie_chemicals_page_get_widget (page, "measurement-substance")), 1);
  gtk_editable_set_text (GTK_EDITABLE (value), "lots");
  gtk_editable_set_text (GTK_EDITABLE (vigie_chemicals_page_get_widget (page, "measurement-limit")), "50");
  gtk_editable_set_text (GTK_EDITABLE (vigie_chemicals_page_get_widget (page, "measurement-source")),
                         "OSHA PEL");
  g_assert_cmpint (vigie_chemicals_page_add_measurement (page), ==, 0);
  g_assert_true (gtk_widget_has_css_class (value, "error"));
  g_assert_cmpint (vigie_store_count (store, "exposure_measurements"), ==, before_rows);

  /* Above its limit: added and flagged. */
  gtk_editable_set_text (GTK_EDITABLE (value), "75.5");
  id = vigie_chemicals_page_add_measurement (page);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (vigie_chemicals_page_get_n_measurements (page), ==, before + 1);
  list = vigie_chemical_list_measurements (store, inv->site_id, 0, &error);
  for (guint i = 0; i < list->len; i++)
    {
      VigieExposureMeasurement *m = g_ptr_array_index (list, i);

      if (m->id != id)
        continue;
      found = TRUE;
      g_assert_cmpfloat (m->value, ==, 75.5);
      g_assert_cmpfloat (m->limit_value, ==, 50);
      g_assert_cmpstr (m->measured_on, ==, "2026-06-15");
      g_assert_cmpstr (m->limit_source, ==, "OSHA PEL");
      g_assert_cmpint (m->product_id, >, 0);
      g_assert_cmpstr (m->product_name, !=, "");
      g_assert_cmpstr (m->substance_name, !=, "");
      g_assert_true (vigie_exposure_measurement_above_limit (m));
    }
  g_assert_true (found);
  {
    g_autoptr(VigieHazardSummary) summary = vigie_chemical_hazard_summary (store, inv->site_id,
                                                                           NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (summary->n_measurements_above_limit, >=, 1);
  }

  /* Deleted. */
  g_assert_true (vigie_chemicals_page_delete_measurement (page, id));
  g_assert_cmpuint (vigie_chemicals_page_get_n_measurements (page), ==, before);
  g_assert_cmpint (vigie_store_count (store, "exposure_measurements"), ==, before_rows);
  vigie_chemicals_page_show_view (page, "products");
  iterate (100);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieStore) demo = NULL;
  g_autofree char *data_home = NULL;
  const char *localedir = g_getenv ("VIGIE_LOCALEDIR");
  VigieDemoOptions options = { .n_sites = 200, .n_findings = 1000, .seed = 1, .today = NULL };
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

  tmpdir = g_dir_make_tmp ("vigie-ui-chemicals-XXXXXX", &error);
  g_assert_no_error (error);
  data_home = g_build_filename (tmpdir, "data-home", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

  dataset_path = g_build_filename (tmpdir, "demo.db", NULL);
  demo = vigie_store_open (dataset_path, &error);
  g_assert_no_error (error);
  g_assert_true (vigie_demo_generate (demo, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&demo);

  app = vigie_application_new ("io.github.vigie.Vigie.TestChemicals", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/ui/chemicals/list", test_list);
  g_test_add_func ("/ui/chemicals/editor", test_editor);
  g_test_add_func ("/ui/chemicals/summary", test_summary);
  g_test_add_func ("/ui/chemicals/new-site-crud-undo", test_new_site_crud_undo);
  g_test_add_func ("/ui/chemicals/substances", test_substances);
  g_test_add_func ("/ui/chemicals/measurements", test_measurements);

  status = g_test_run ();
  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  return status;
}

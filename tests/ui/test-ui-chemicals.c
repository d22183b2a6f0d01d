/* test-ui-chemicals.c — the Chemicals page under Xvfb on the demo dataset: the list and
 * its filters, the product editor (a wrong CAS number refused with the reason and the
 * typed text kept, hazard codes with their pictograms and signal word, save), the hazard
 * summary, and screenshots.
 *
 * Screenshots go to $VIGIE_SCREENSHOT_DIR when it is set (chemicals.png,
 * chemical-editor.png, hazard-summary.png, with a -fr suffix under LANGUAGE=fr), otherwise
 * to the build directory.
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
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  iterate (300);
  save_screenshot (GTK_WIDGET (window), "hazard-summary");
  vigie_chemicals_page_show_view (page, "products");
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

  status = g_test_run ();
  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  return status;
}

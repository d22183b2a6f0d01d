/* test-ui-factories.c — the Factories page under Xvfb: the list, search, sort, the site
 * editor (invalid input, save), create → edit → delete → undo, workforce figures, the
 * import dialog, and screenshots.
 *
 * Screenshots go to $VIGIE_SCREENSHOT_DIR when it is set (the committed ones:
 * data/screenshots/factories.png, and factories-fr.png when run with LANGUAGE=fr),
 * otherwise to the build directory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>

#include "ui-test-util.h"
#include "vigie-application.h"
#include "vigie-demo.h"
#include "vigie-factories-private.h"
#include "vigie-import-dialog.h"
#include "vigie-site-editor.h"
#include "vigie-reference.h"
#include "vigie-site.h"
#include "vigie-window.h"
#include "vigie-workforce-dialog.h"

#define N_SITES 200

static VigieApplication *app;
static VigieWindow *window;
static VigieFactoriesPage *page;
static char *tmpdir;
static char *dataset_path;

/* ─── The dataset ────────────────────────────────────────────────────────── */

/* Site i: name from NAMES[i % 5] and a number, country COUNTRIES[i % 5], a snapshot with
 * a known total. Searching for a name word finds exactly N_SITES / 5 sites. */
static const char *const names[] = {
  "Shenzhen Precision Electronics", "Penang Circuit Works", "Guadalajara Assembly Plant",
  "Zhengzhou Display Technology", "Bac Ninh Components",
};
static const char *const countries[] = { "CN", "MY", "MX", "CN", "VN" };
static const char *const cities[] = { "Shenzhen", "Bayan Lepas", "Zapopan", "Zhengzhou",
                                      "Yen Phong" };
static const char *const types[] = { "final_assembly", "component_manufacturing",
                                     "final_assembly", "component_manufacturing",
                                     "raw_material_processing" };
static const char *const products[] = { "laptops,servers", "pcb", "printers,displays",
                                        "displays", "batteries,cables" };

static gint64
site_total (guint i)
{
  return 150 + (gint64) ((i * 7919) % 9000);
}

static void
fill_dataset (VigieStore *store)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < N_SITES; i++)
    {
      g_autoptr(VigieSiteRecord) site = vigie_site_record_new ();
      g_autoptr(VigieWorkforceRecord) wf = vigie_workforce_record_new ();
      gint64 id;

#define SET(member, value) G_STMT_START { g_free (site->member); site->member = (value); } G_STMT_END
      SET (name, g_strdup_printf ("%s %u", names[i % 5], i / 5 + 1));
      SET (address, g_strdup_printf ("%u Industrial Road, %s", 10 + i, cities[i % 5]));
      SET (country, g_strdup (countries[i % 5]));
      SET (location_type, g_strdup (types[i % 5]));
      SET (products, g_strdup (products[i % 5]));
      SET (parent_company, g_strdup (i % 2 ? "Hon Tech Group" : "Lumen Holdings"));
#undef SET
      site->latitude = 10.0 + (double) (i % 30);
      site->longitude = 100.0 + (double) (i % 20);
      id = vigie_store_insert_site (store, site, &error);
      g_assert_no_error (error);
      g_assert_cmpint (id, >, 0);

      wf->site_id = id;
      g_free (wf->as_of);
      wf->as_of = g_strdup_printf ("2025-%02u-01", 1 + i % 12);
      g_free (wf->source);
      wf->source = g_strdup ("employer");
      wf->total = site_total (i);
      wf->women = wf->total * (3 + i % 6) / 10;
      wf->migrant = wf->total / 4;
      wf->union_present = i % 3 == 0;
      g_assert_cmpint (vigie_store_insert_workforce (store, wf, &error), >, 0);
      g_assert_no_error (error);
    }
}

/* ─── Helpers ────────────────────────────────────────────────────────────── */

static gpointer
page_child (const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (page),
                                                  VIGIE_TYPE_FACTORIES_PAGE, name);

  g_assert_nonnull (child);
  return child;
}

static GListModel *
view_model (void)
{
  GtkSelectionModel *model = gtk_column_view_get_model (vigie_factories_page_get_column_view (page));

  /* The view holds its model only while it is on screen (vigie-pages.c); the site list
   * behind it is the same list. */
  if (model == NULL)
    return G_LIST_MODEL (vigie_factories_page_get_site_list (page));
  return G_LIST_MODEL (model);
}

static guint
n_shown (void)
{
  return g_list_model_get_n_items (view_model ());
}

static VigieSiteRow *
row_at (guint position)
{
  return g_list_model_get_item (view_model (), position);
}

static gboolean
page_idle (gpointer data)
{
  GtkColumnView *view = vigie_factories_page_get_column_view (page);

  /* The view gets its model on the first frame after it has a size (vigie-pages.c). */
  return !vigie_factories_page_get_busy (page)
         && (!gtk_widget_get_mapped (GTK_WIDGET (view))
             || gtk_column_view_get_model (view) != NULL);
}

/* Waits for the list to settle after a search or sort (search-changed is delayed). */
static void
settle (void)
{
  vigie_test_settle (page_idle, NULL, 10000);
}

static gboolean
search_applied (gpointer data)
{
  const VigieSiteQuery *query = vigie_site_list_get_query (vigie_factories_page_get_site_list (page));

  return !vigie_factories_page_get_busy (page)
         && g_strcmp0 (query->search != NULL ? query->search : "", data) == 0;
}

/* Types TEXT in the search entry and waits for the list to show its result (the entry
 * reports changes after a delay, and setting a text reports the empty text first). */
static void
search_for (const char *text)
{
  gtk_editable_set_text (vigie_factories_page_get_search_entry (page), text);
  g_assert_true (vigie_test_wait_until (search_applied, (gpointer) text, 10000));
  vigie_test_iterate (50);
  g_assert_true (search_applied ((gpointer) text));
}

static VigieStore *
store (void)
{
  return vigie_window_get_store (window);
}

static void
set_text (GtkWidget  *editable,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  vigie_test_iterate (20);
}

static gboolean
workforce_dialog_shown (gpointer data)
{
  return vigie_test_find_toplevel (VIGIE_TYPE_WORKFORCE_DIALOG, NULL) != NULL;
}

/* ─── Tests ──────────────────────────────────────────────────────────────── */

static void
test_list (void)
{
  g_autofree char *expected = NULL;
  g_autoptr(VigieSiteRow) first = NULL;

  window = vigie_test_open_window (app, dataset_path, "factories");

  page = VIGIE_FACTORIES_PAGE (vigie_window_get_page (window, "factories"));
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  settle ();

  /* Every site of the store, sorted by name. */
  g_assert_cmpint (n_shown (), ==, vigie_store_count (store (), "sites"));
  g_assert_cmpint (n_shown (), ==, N_SITES);
  first = row_at (0);
  g_assert_cmpstr (vigie_site_row_get_name (first), ==, "Bac Ninh Components 1");
  g_assert_cmpstr (vigie_site_row_get_country_label (first), !=, "");

  expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s site", "%s sites", N_SITES),
                              "200");
  g_assert_cmpstr (gtk_label_get_label (vigie_factories_page_get_count_label (page)), ==,
                   expected);

  /* The column view drew rows. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (vigie_factories_page_get_column_view (page))));
}

static void
test_search (void)
{
  GtkEditable *search = vigie_factories_page_get_search_entry (page);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.search", NULL));
  vigie_test_iterate (50);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (search))
                 || gtk_widget_is_focus (GTK_WIDGET (search))
                 || gtk_widget_get_focus_child (GTK_WIDGET (search)) != NULL);

  search_for ("penang");
  g_assert_cmpuint (n_shown (), ==, N_SITES / 5);
  for (guint i = 0; i < n_shown (); i++)
    {
      g_autoptr(VigieSiteRow) row = row_at (i);

      g_assert_true (g_str_has_prefix (vigie_site_row_get_name (row), "Penang Circuit Works"));
    }

  /* Prefix, any case, two words, and punctuation that is not FTS syntax. */
  search_for ("ZHENG disp\"");
  g_assert_cmpuint (n_shown (), ==, N_SITES / 5);

  search_for ("nothing-like-this");
  g_assert_cmpuint (n_shown (), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child ("list_stack")), ==, "empty");

  /* A filter: one country. */
  search_for ("");
  {
    GtkDropDown *country = page_child ("country_filter");
    GListModel *labels = gtk_drop_down_get_model (country);
    guint n = g_list_model_get_n_items (labels);
    guint malaysia = 0;

    /* "All countries" + CN, MY, MX, VN. */
    g_assert_cmpuint (n, ==, 5);
    for (guint i = 1; i < n; i++)
      {
        g_autoptr(GtkStringObject) label = g_list_model_get_item (labels, i);

        /* The label is the country name in the interface language. */
        if (g_str_has_prefix (gtk_string_object_get_string (label),
                              vigie_reference_country_label ("MY")))
          malaysia = i;
      }
    g_assert_cmpuint (malaysia, >, 0);
    gtk_drop_down_set_selected (country, malaysia);
    settle ();
    g_assert_cmpuint (n_shown (), ==, N_SITES / 5);
    gtk_drop_down_set_selected (country, 0);
    settle ();
  }
  g_assert_cmpuint (n_shown (), ==, N_SITES);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child ("list_stack")), ==, "list");
}

static void
test_sort (void)
{
  GtkColumnView *view = vigie_factories_page_get_column_view (page);
  GtkColumnViewColumn *workforce = page_child ("workforce_column");
  GtkColumnViewColumn *name = page_child ("name_column");
  gint64 max = 0, min = G_MAXINT64;

  for (guint i = 0; i < N_SITES; i++)
    {
      max = MAX (max, site_total (i));
      min = MIN (min, site_total (i));
    }

  gtk_column_view_sort_by_column (view, workforce, GTK_SORT_DESCENDING);
  settle ();
  {
    g_autoptr(VigieSiteRow) first = row_at (0);
    g_autoptr(VigieSiteRow) second = row_at (1);

    g_assert_cmpint (vigie_site_row_get_workforce (first), ==, max);
    g_assert_cmpint (vigie_site_row_get_workforce (second), <=, max);
  }
  gtk_column_view_sort_by_column (view, workforce, GTK_SORT_ASCENDING);
  settle ();
  {
    g_autoptr(VigieSiteRow) first = row_at (0);

    g_assert_cmpint (vigie_site_row_get_workforce (first), ==, min);
  }
  g_assert_cmpint (vigie_site_list_get_query (vigie_factories_page_get_site_list (page))->sort,
                   ==, VIGIE_SITE_SORT_WORKFORCE);

  gtk_column_view_sort_by_column (view, name, GTK_SORT_DESCENDING);
  settle ();
  {
    g_autoptr(VigieSiteRow) first = row_at (0);

    g_assert_cmpstr (vigie_site_row_get_name (first), ==, "Zhengzhou Display Technology 9");
  }
  gtk_column_view_sort_by_column (view, name, GTK_SORT_ASCENDING);
  settle ();
}

static void
test_edit_invalid (void)
{
  VigieSiteEditor *editor = VIGIE_SITE_EDITOR (vigie_factories_page_get_editor (page));
  g_autoptr(VigieSiteRow) row = row_at (3);
  gint64 id = vigie_site_row_get_id (row);
  g_autoptr(VigieSiteRecord) saved = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *latitude;
  GtkWidget *longitude;
  GtkWidget *name;
  const char *reason;

  g_assert_true (vigie_factories_page_select_site (page, id));
  vigie_test_iterate (50);
  g_assert_cmpint (vigie_site_editor_get_site_id (editor), ==, id);

  latitude = vigie_site_editor_get_field_row (editor, "latitude");
  longitude = vigie_site_editor_get_field_row (editor, "longitude");
  name = vigie_site_editor_get_field_row (editor, "name");
  g_assert_false (gtk_widget_has_css_class (latitude, "error"));

  set_text (latitude, "123");
  /* Marked, with the reason shown, and the text kept as typed. */
  g_assert_true (gtk_widget_has_css_class (latitude, "error"));
  reason = vigie_site_editor_get_field_error (editor, "latitude");
  g_assert_nonnull (reason);
  g_assert_cmpstr (reason, !=, "");
  g_test_message ("latitude 123: %s", reason);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (latitude)), ==, "123");
  g_assert_false (vigie_site_editor_get_valid (editor));
  g_assert_false (vigie_site_editor_save (editor, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  /* Still there after the failed save. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (latitude)), ==, "123");

  /* Not a number at all. */
  set_text (latitude, "north");
  g_assert_true (gtk_widget_has_css_class (latitude, "error"));
  g_assert_nonnull (vigie_site_editor_get_field_error (editor, "latitude"));

  /* An empty name is refused too. */
  set_text (name, "   ");
  g_assert_true (gtk_widget_has_css_class (name, "error"));
  set_text (name, "Penang Circuit Works 1 (Plant B)");
  g_assert_false (gtk_widget_has_css_class (name, "error"));

  /* Fixed: a decimal comma is accepted. */
  set_text (latitude, "5,3571");
  set_text (longitude, "100.2874");
  g_assert_false (gtk_widget_has_css_class (latitude, "error"));
  g_assert_null (vigie_site_editor_get_field_error (editor, "latitude"));
  g_assert_true (vigie_site_editor_get_valid (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.save", NULL));
  vigie_test_iterate (50);

  saved = vigie_store_get_site (store (), id, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (saved->latitude, 5.3571, 1e-9);
  g_assert_cmpfloat_with_epsilon (saved->longitude, 100.2874, 1e-9);
  g_assert_cmpstr (saved->name, ==, "Penang Circuit Works 1 (Plant B)");
  g_assert_false (vigie_site_editor_get_modified (editor));

  /* The list shows the new name at once. */
  {
    VigieSiteList *list = vigie_factories_page_get_site_list (page);
    guint position = vigie_site_list_find_position (list, id);
    g_autoptr(VigieSiteRow) after = NULL;

    g_assert_cmpuint (position, !=, G_MAXUINT);
    after = row_at (position);
    g_assert_cmpstr (vigie_site_row_get_name (after), ==, "Penang Circuit Works 1 (Plant B)");
  }
}

static void
test_create_edit_delete_undo (void)
{
  VigieSiteEditor *editor = VIGIE_SITE_EDITOR (vigie_factories_page_get_editor (page));
  GtkDropDown *country_filter = page_child ("country_filter");
  GListModel *labels = gtk_drop_down_get_model (country_filter);
  g_autoptr(VigieSiteRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  VigieSiteList *list;
  gint64 n_before = vigie_store_count (store (), "sites");
  AdwToast *toast;
  gint64 id;
  guint vietnam = 0;

  /* New site: the country comes from the filter. */
  for (guint i = 1; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(GtkStringObject) label = g_list_model_get_item (labels, i);

      if (g_str_has_prefix (gtk_string_object_get_string (label), vigie_reference_country_label ("VN")))
        vietnam = i;
    }
  g_assert_cmpuint (vietnam, >, 0);
  gtk_drop_down_set_selected (country_filter, vietnam);
  settle ();
  g_assert_cmpuint (n_shown (), ==, N_SITES / 5);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.new-site", NULL));
  vigie_test_iterate (50);
  g_assert_true (vigie_site_editor_get_editing (editor));
  g_assert_cmpint (vigie_site_editor_get_site_id (editor), ==, 0);
  /* No name yet: invalid, and said so. */
  g_assert_false (vigie_site_editor_get_valid (editor));
  g_assert_nonnull (vigie_site_editor_get_field_error (editor, "name"));
  g_assert_null (vigie_site_editor_get_field_error (editor, "country"));

  set_text (vigie_site_editor_get_field_row (editor, "name"), "Hai Phong Test Factory");
  set_text (vigie_site_editor_get_field_row (editor, "address"), "Lot 4, Trang Due");
  g_assert_true (vigie_site_editor_get_valid (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.save", NULL));
  vigie_test_iterate (50);

  id = vigie_site_editor_get_site_id (editor);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (vigie_store_count (store (), "sites"), ==, n_before + 1);
  record = vigie_store_get_site (store (), id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (record->name, ==, "Hai Phong Test Factory");
  g_assert_cmpstr (record->country, ==, "VN");
  g_assert_cmpstr (record->address, ==, "Lot 4, Trang Due");
  g_clear_pointer (&record, vigie_site_record_free);

  /* Listed and selected. */
  list = vigie_factories_page_get_site_list (page);
  g_assert_cmpuint (vigie_site_list_find_position (list, id), !=, G_MAXUINT);
  g_assert_cmpuint (n_shown (), ==, N_SITES / 5 + 1);

  /* Edit. */
  set_text (vigie_site_editor_get_field_row (editor, "employer"), "Trang Due Staffing Ltd");
  g_assert_true (vigie_site_editor_get_modified (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.save", NULL));
  vigie_test_iterate (50);
  record = vigie_store_get_site (store (), id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (record->employer, ==, "Trang Due Staffing Ltd");
  g_clear_pointer (&record, vigie_site_record_free);

  /* Delete: no question, the row disappears, a toast offers Undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.delete-site", NULL));
  vigie_test_iterate (50);
  g_assert_cmpuint (vigie_site_list_find_position (list, id), ==, G_MAXUINT);
  g_assert_cmpuint (n_shown (), ==, N_SITES / 5);
  g_assert_false (vigie_site_editor_get_editing (editor));
  g_assert_nonnull (vigie_factories_page_get_undo_toast (page));
  {
    /* The toast speaks the interface language. */
    g_autofree char *expected = g_strdup_printf (_("Deleted “%s”"), "Hai Phong Test Factory");

    g_assert_cmpstr (adw_toast_get_title (vigie_factories_page_get_undo_toast (page)), ==,
                     expected);
  }
  /* The deletion waits for the toast: the record is intact meanwhile. */
  record = vigie_store_get_site (store (), id, &error);
  g_assert_no_error (error);
  g_clear_pointer (&record, vigie_site_record_free);

  /* Undo: back in the list, selected, with every field. */
  toast = g_object_ref (vigie_factories_page_get_undo_toast (page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.undo-delete", NULL));
  vigie_test_iterate (50);
  /* The toast stays until it expires; a second Undo (its button) changes nothing.
   * libadwaita 1.2 frees a toast's state when its hide animation (300 ms) ends, but the
   * show animation of a toast that replaced another lasts 500 ms and uses that state when
   * it ends: dismissing such a toast in its first 200 ms crashes (AdwToastOverlay's
   * show_done_cb after free_toast_info). Let it finish appearing first, as a person would. */
  vigie_test_iterate (600);
  g_signal_emit_by_name (toast, "button-clicked");
  adw_toast_dismiss (toast);
  g_clear_object (&toast);
  vigie_test_iterate (50);
  g_assert_cmpuint (vigie_site_list_find_position (list, id), !=, G_MAXUINT);
  g_assert_cmpint (vigie_site_editor_get_site_id (editor), ==, id);
  record = vigie_store_get_site (store (), id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (record->employer, ==, "Trang Due Staffing Ltd");
  g_clear_pointer (&record, vigie_site_record_free);
  g_assert_null (vigie_factories_page_get_undo_toast (page));

  /* Delete again and let the toast go: now the site is gone from the store. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.delete-site", NULL));
  vigie_test_iterate (50);
  g_assert_nonnull (vigie_factories_page_get_undo_toast (page));
  /* Let the first toast finish hiding, so this one is on screen (as a person sees it). */
  vigie_test_iterate (1000);
  adw_toast_dismiss (vigie_factories_page_get_undo_toast (page));
  vigie_test_iterate (100);
  record = vigie_store_get_site (store (), id, &error);
  g_assert_null (record);
  g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (vigie_store_count (store (), "sites"), ==, n_before);
  g_assert_cmpuint (vigie_site_list_find_position (list, id), ==, G_MAXUINT);

  gtk_drop_down_set_selected (country_filter, 0);
  settle ();
  g_assert_cmpuint (n_shown (), ==, N_SITES);
}

static void
test_workforce (void)
{
  VigieSiteEditor *editor = VIGIE_SITE_EDITOR (vigie_factories_page_get_editor (page));
  g_autoptr(VigieSiteRow) row = row_at (5);
  gint64 id = vigie_site_row_get_id (row);
  g_autoptr(GPtrArray) snapshots = NULL;
  g_autoptr(GError) error = NULL;
  VigieWorkforceDialog *dialog;
  VigieWorkforceRecord *newest;
  guint n_before;

  g_assert_true (vigie_factories_page_select_site (page, id));
  vigie_test_iterate (50);
  n_before = vigie_site_editor_get_n_workforce (editor);
  g_assert_cmpuint (n_before, ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-workforce", NULL));
  g_assert_true (vigie_test_wait_until (workforce_dialog_shown, NULL, 5000));
  dialog = VIGIE_WORKFORCE_DIALOG (vigie_test_find_toplevel (VIGIE_TYPE_WORKFORCE_DIALOG, NULL));

  set_text (vigie_workforce_dialog_get_row (dialog, "total"), "500");
  set_text (vigie_workforce_dialog_get_row (dialog, "women"), "600");
  /* More women than workers: marked, text kept. */
  g_assert_true (gtk_widget_has_css_class (vigie_workforce_dialog_get_row (dialog, "women"),
                                           "error"));
  g_assert_false (vigie_workforce_dialog_save (dialog, &error));
  g_clear_error (&error);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (vigie_workforce_dialog_get_row (dialog, "women"))),
                   ==, "600");
  set_text (vigie_workforce_dialog_get_row (dialog, "women"), "250");
  g_assert_false (gtk_widget_has_css_class (vigie_workforce_dialog_get_row (dialog, "women"),
                                            "error"));
  g_assert_true (vigie_workforce_dialog_save (dialog, &error));
  g_assert_no_error (error);
  vigie_test_iterate (100);

  snapshots = vigie_store_list_workforce (store (), id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (snapshots->len, ==, n_before + 1);
  newest = g_ptr_array_index (snapshots, 0);
  g_assert_cmpstr (newest->as_of, ==, "2026-06-15");
  g_assert_cmpint (newest->total, ==, 500);
  g_assert_cmpint (newest->women, ==, 250);
  g_assert_cmpuint (vigie_site_editor_get_n_workforce (editor), ==, n_before + 1);

  /* The list row follows: the newest snapshot. */
  {
    VigieSiteList *list = vigie_factories_page_get_site_list (page);
    g_autoptr(VigieSiteRow) after = row_at (vigie_site_list_find_position (list, id));

    g_assert_cmpint (vigie_site_row_get_workforce (after), ==, 500);
    g_assert_cmpfloat_with_epsilon (vigie_site_row_get_women_percent (after), 50.0, 1e-9);
  }
}

static gboolean
import_dialog_settled (gpointer data)
{
  const char *state = vigie_import_dialog_get_state (VIGIE_IMPORT_DIALOG (data));

  return g_strcmp0 (state, "working") != 0;
}

static gboolean
import_dialog_closed (gpointer data)
{
  return !gtk_widget_get_visible (GTK_WIDGET (data));
}

/* The import summary as the dialog words it in the interface language. */
static char *
expected_summary_part (const char *singular,
                       guint       n)
{
  g_autofree char *number = g_strdup_printf ("%u", n);
  GString *text = g_string_new (g_dngettext (GETTEXT_PACKAGE, singular, singular, n));

  g_string_replace (text, "%s", number, 1);
  return g_string_free (text, FALSE);
}

static void
test_import (void)
{
  g_autofree char *good = g_build_filename (tmpdir, "factories.csv", NULL);
  g_autofree char *bad = g_build_filename (tmpdir, "bad.csv", NULL);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GError) error = NULL;
  VigieImportDialog *dialog;
  gint64 n_before;

  /* Back on the test dataset (the screenshot test showed the demo one). */
  g_assert_true (vigie_window_open_database (window, dataset_path));
  settle ();
  n_before = vigie_store_count (store (), "sites");
  g_assert_cmpuint (n_shown (), ==, (guint) n_before);

  /* The address holds a comma: quoted, as real files do. */
  g_assert_true (g_file_set_contents (good,
                                      "country,name,address\n"
                                      "VN,Hanoi Cable Works,12 Pho Hue\n"
                                      "Malaysia,Kulim Wafer Fab,Kulim Hi-Tech Park\n"
                                      "CN,Shenzhen Precision Electronics 1,"
                                      "\"10 Industrial Road, Shenzhen\"\n",
                                      -1, &error));
  g_assert_true (g_file_set_contents (bad,
                                      "country,name,address\n"
                                      "Atlantis,Lost Plant,1 Sea Road\n"
                                      "VN,Hanoi Cable Works,12 Pho Hue\n",
                                      -1, &error));

  /* A file with a bad row: nothing can be imported, and the report says why. */
  dialog = VIGIE_IMPORT_DIALOG (vigie_factories_page_import_file (page, bad_file));
  g_assert_true (vigie_test_wait_until (import_dialog_settled, dialog, 20000));
  g_assert_cmpstr (vigie_import_dialog_get_state (dialog), ==, "report");
  g_test_message ("bad file: %s", vigie_import_dialog_get_summary (dialog));
  g_assert_false (vigie_import_dialog_get_can_import (dialog));
  {
    g_autofree char *rejected = expected_summary_part ("%s rejected", 1);

    g_assert_nonnull (strstr (vigie_import_dialog_get_summary (dialog), rejected));
  }
  g_assert_cmpuint (vigie_import_dialog_get_n_listed (dialog), >=, 2);
  gtk_window_close (GTK_WINDOW (dialog));
  vigie_test_iterate (50);
  g_assert_cmpint (vigie_store_count (store (), "sites"), ==, n_before);

  /* A good file: 2 to add, 1 already present; Import adds them and the list follows. */
  dialog = g_object_ref (VIGIE_IMPORT_DIALOG (vigie_factories_page_import_file (page, good_file)));
  g_assert_true (vigie_test_wait_until (import_dialog_settled, dialog, 20000));
  g_assert_cmpstr (vigie_import_dialog_get_state (dialog), ==, "report");
  {
    g_autofree char *added = expected_summary_part ("%s to add", 2);
    g_autofree char *present = expected_summary_part ("%s already present", 1);
    g_autofree char *rejected = expected_summary_part ("%s rejected", 0);
    g_autofree char *summary = g_strdup_printf (_("%1$s, %2$s, %3$s"), added, present,
                                                rejected);

    g_assert_cmpstr (vigie_import_dialog_get_summary (dialog), ==, summary);
  }
  g_assert_true (vigie_import_dialog_get_can_import (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.import", NULL));
  g_assert_true (vigie_test_wait_until (import_dialog_closed, dialog, 20000));
  g_object_unref (dialog);
  vigie_test_iterate (100);

  g_assert_cmpint (vigie_store_count (store (), "sites"), ==, n_before + 2);
  g_assert_cmpuint (n_shown (), ==, (guint) n_before + 2);
}

static void
test_demo_screenshot (void)
{
  /* The demo dataset: realistic names, findings, investigations. */
  g_autofree char *demo_path = vigie_test_make_demo (tmpdir, "demo.db", 200, 1000, 1);
  g_autoptr(VigieSiteRow) row = NULL;
  gboolean some_findings = FALSE;

  g_assert_true (vigie_window_open_database (window, demo_path));
  vigie_window_show_page (window, "factories");
  settle ();
  g_assert_cmpint (n_shown (), ==, vigie_store_count (store (), "sites"));
  g_assert_cmpint (n_shown (), ==, 200);
  for (guint i = 0; i < n_shown (); i++)
    {
      g_autoptr(VigieSiteRow) r = row_at (i);

      if (vigie_site_row_get_open_findings (r) > 0)
        some_findings = TRUE;
    }
  g_assert_true (some_findings);

  row = row_at (2);
  g_assert_true (vigie_factories_page_select_site (page, vigie_site_row_get_id (row)));
  vigie_test_iterate (500);
  vigie_test_save_localised_screenshot (GTK_WIDGET (window), "factories", 200);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieStore) fill = NULL;
  int status;

  tmpdir = vigie_test_ui_init (&argc, &argv, "vigie-ui-factories-XXXXXX", TRUE);
  if (tmpdir == NULL)
    return 77;

  dataset_path = g_build_filename (tmpdir, "factories.db", NULL);
  fill = vigie_store_open (dataset_path, &error);
  g_assert_no_error (error);
  fill_dataset (fill);
  g_clear_object (&fill);

  app = vigie_test_application_new ("io.github.vigie.Vigie.TestFactories");

  g_test_add_func ("/ui/factories/list", test_list);
  g_test_add_func ("/ui/factories/search", test_search);
  g_test_add_func ("/ui/factories/sort", test_sort);
  g_test_add_func ("/ui/factories/edit-invalid", test_edit_invalid);
  g_test_add_func ("/ui/factories/create-edit-delete-undo", test_create_edit_delete_undo);
  g_test_add_func ("/ui/factories/workforce", test_workforce);
  g_test_add_func ("/ui/factories/demo-screenshot", test_demo_screenshot);
  g_test_add_func ("/ui/factories/import", test_import);

  status = g_test_run ();

  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  return status;
}

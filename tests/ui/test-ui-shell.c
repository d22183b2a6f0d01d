/* test-ui-shell.c — the application shell under Xvfb: window, pages, actions, dialogs,
 * datasets, the demo dataset, screenshots.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "ui-test-util.h"
#include "vigie-application.h"
#include "vigie-demo.h"
#include "vigie-preferences-window.h"
#include "vigie-remediation.h"
#include "vigie-reports-page.h"
#include "vigie-window.h"

static const struct {
  const char *name;
  const char *title;
  const char *accel;
} expected_pages[] = {
  { "overview", "Overview", "<Alt>1" },
  { "factories", "Factories", "<Alt>2" },
  { "findings", "Findings", "<Alt>3" },
  { "chemicals", "Chemicals", "<Alt>4" },
  { "remediation", "Remediation", "<Alt>5" },
  { "buyers", "Buyers", "<Alt>6" },
  { "reports", "Reports", "<Alt>7" },
};

static VigieApplication *app;
static VigieWindow *window;      /* shows dataset_path */
static char *tmpdir;
static char *dataset_path;

/* Helpers ----------------------------------------------------------------------------- */

static gpointer
template_child (VigieWindow *win,
                const char  *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (win), VIGIE_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return child;
}

static void
collect_model_buttons (GtkWidget *widget,
                       GPtrArray *buttons)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkModelButton"))
    g_ptr_array_add (buttons, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_model_buttons (child, buttons);
}

/* The item of the primary menu that shows LABEL, or NULL. */
static GtkWidget *
find_menu_item (VigieWindow *win,
                const char  *label)
{
  GtkMenuButton *button = template_child (win, "primary_menu_button");
  GtkPopover *popover = gtk_menu_button_get_popover (button);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  g_assert_nonnull (popover);
  collect_model_buttons (GTK_WIDGET (popover), items);
  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *text = NULL;

      /* The "text" of a model button is its label with the mnemonic removed. */
      g_object_get (items->pdata[i], "text", &text, NULL);
      if (g_strcmp0 (text, label) == 0)
        return items->pdata[i];
    }
  return NULL;
}

static void
assert_texture_rich (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = (gsize) width * 4;
  g_autofree guchar *pixels = g_malloc (stride * height);
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  guint n_dark = 0;
  guint n_light = 0;

  gdk_texture_download (texture, pixels, stride);
  /* Sample a grid of pixels: a real window has text (dark) on a light background. */
  for (int y = 0; y < height; y += 3)
    for (int x = 0; x < width; x += 3)
      {
        const guchar *p = pixels + (gsize) y * stride + (gsize) x * 4;
        guint32 colour = (guint32) p[0] << 16 | (guint32) p[1] << 8 | p[2];
        guint luma = (p[0] * 30 + p[1] * 59 + p[2] * 11) / 100;

        g_hash_table_add (colours, GUINT_TO_POINTER (colour + 1));
        if (luma < 100)
          n_dark++;
        else if (luma > 200)
          n_light++;
      }
  g_test_message ("%u distinct colours, %u dark and %u light samples",
                  g_hash_table_size (colours), n_dark, n_light);
  g_assert_cmpuint (g_hash_table_size (colours), >, 16);
  g_assert_cmpuint (n_dark, >, 100);
  g_assert_cmpuint (n_light, >, (guint) (width / 3) * (height / 3) / 4);
}

/* In-process screenshot of WIDGET as a PNG in the build directory (never with the
 * documentation's screenshots of $VIGIE_SCREENSHOT_DIR); checks it back. */
static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autofree char *dir = g_build_filename (g_test_get_dir (G_TEST_BUILT), "screenshots", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GdkTexture) loaded = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (gtk_widget_get_width (widget), >, 200);
  g_assert_cmpint (gtk_widget_get_height (widget), >, 200);
  /* Let CSS transitions (a switcher button's background, a toast) settle. */
  vigie_test_iterate (500);

  path = vigie_test_save_screenshot_in (widget, dir, name);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 10 * 1024);
  loaded = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  assert_texture_rich (loaded);
}

static gboolean
window_not_busy (gpointer data)
{
  return !vigie_window_get_busy (VIGIE_WINDOW (data));
}

static gboolean
toplevel_about_shown (gpointer data)
{
  return vigie_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW, NULL) != NULL;
}

static char *
read_file (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* Tests ------------------------------------------------------------------------------- */

static void
test_window_pages (void)
{
  AdwViewStack *stack;
  AdwViewSwitcherTitle *title;
  g_autoptr(GtkSelectionModel) pages = NULL;
  GtkIconTheme *theme;

  window = vigie_window_new (app);
  g_assert_true (vigie_window_open_database (window, dataset_path));
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_assert_nonnull (vigie_window_get_store (window));
  g_assert_cmpstr (vigie_store_get_path (vigie_window_get_store (window)), ==, dataset_path);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (window, "main_stack")),
                   ==, "dataset");

  title = template_child (window, "switcher_title");
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (title), ==, "vigie-test.db");
  g_assert_true (adw_view_switcher_title_get_view_switcher_enabled (title));

  stack = template_child (window, "view_stack");
  pages = adw_view_stack_get_pages (stack);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==,
                    G_N_ELEMENTS (expected_pages));

  /* Only the page shown is built; the others are built when first shown (show-pages). */
  for (guint i = 0; i < G_N_ELEMENTS (expected_pages); i++)
    {
      GtkWidget *slot = adw_view_stack_get_child_by_name (stack, expected_pages[i].name);
      gboolean shown = g_strcmp0 (expected_pages[i].name,
                                  adw_view_stack_get_visible_child_name (stack)) == 0;

      g_assert_true (ADW_IS_BIN (slot));
      g_assert_true ((adw_bin_get_child (ADW_BIN (slot)) != NULL) == shown);
    }
  /* The Remediation tab shows the overdue count before its page is built, counted in a
   * thread. */
  {
    GtkWidget *slot = adw_view_stack_get_child_by_name (stack, "remediation");
    AdwViewStackPage *page = adw_view_stack_get_page (stack, slot);
    gint64 overdue = vigie_remediation_count_overdue (vigie_window_get_store (window), NULL,
                                                      NULL);
    gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

    g_assert_cmpint (overdue, >, 0);
    while (adw_view_stack_page_get_badge_number (page) != (guint) overdue
           && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
    g_assert_cmpuint (adw_view_stack_page_get_badge_number (page), ==, (guint) overdue);
    g_assert_true (adw_view_stack_page_get_needs_attention (page));
    g_assert_null (adw_bin_get_child (ADW_BIN (slot)));
  }

  theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window)));
  for (guint i = 0; i < G_N_ELEMENTS (expected_pages); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      const char *icon = adw_view_stack_page_get_icon_name (page);

      g_assert_cmpstr (adw_view_stack_page_get_name (page), ==, expected_pages[i].name);
      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, expected_pages[i].title);
      g_assert_nonnull (icon);
      g_assert_true (g_str_has_suffix (icon, "-symbolic"));
      if (!gtk_icon_theme_has_icon (theme, icon))
        g_error ("page %s: icon %s is not in the icon theme", expected_pages[i].name, icon);
    }
}

static void
test_show_pages (void)
{
  AdwViewStack *stack = template_child (window, "view_stack");
  VigieReportsPage *reports;

  for (guint i = 0; i < G_N_ELEMENTS (expected_pages); i++)
    {
      g_autofree char *detailed = g_strdup_printf ("win.show-page::%s",
                                                   expected_pages[i].name);
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                     detailed);
      GtkWidget *child;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                                 expected_pages[i].name));
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==,
                       expected_pages[i].name);
      child = adw_view_stack_get_visible_child (stack);
      gtk_test_widget_wait_for_draw (child);
      g_assert_true (gtk_widget_get_mapped (child));
      g_assert_cmpint (gtk_widget_get_width (child), >, 100);
      /* Built on first show, with the dataset. */
      child = vigie_window_get_page (window, expected_pages[i].name);
      g_assert_true (adw_bin_get_child (ADW_BIN (adw_view_stack_get_visible_child (stack)))
                     == child);
      g_assert_true (gtk_widget_get_mapped (child));
      if (g_object_class_find_property (G_OBJECT_GET_CLASS (child), "store") != NULL)
        {
          g_autoptr(VigieStore) store = NULL;

          g_object_get (child, "store", &store, NULL);
          g_assert_true (store == vigie_window_get_store (window));
        }

      g_assert_nonnull (accels);
      g_assert_cmpstr (accels[0], ==, expected_pages[i].accel);
    }

  /* The Overview, as a person sees it. */
  vigie_window_show_page (window, "overview");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "ui-shell-overview.png");

  /* The public API does the same. */
  vigie_window_show_page (window, "reports");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "reports");

  /* The Reports page has the dataset; searching there opens its site picker. */
  reports = VIGIE_REPORTS_PAGE (vigie_window_get_page (window, "reports"));
  g_assert_true (VIGIE_IS_REPORTS_PAGE (reports));
  g_assert_true (vigie_reports_page_get_store (reports) == vigie_window_get_store (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (reports));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "reports");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (
                   vigie_reports_page_get_site_popover (reports))));
  gtk_popover_popdown (vigie_reports_page_get_site_popover (reports));
}

static void
test_actions_and_menu (void)
{
  static const struct {
    const char *action;
    const char *accel;
  } accels[] = {
    { "app.quit", "<Control>q" },
    { "app.preferences", "<Control>comma" },
    { "app.shortcuts", "<Control>question" },
    { "win.new-database", "<Control>n" },
    { "win.open-database", "<Control>o" },
    { "win.save-copy", "<Shift><Control>s" },
    { "win.search", "<Control>f" },
  };
  static const char * const app_actions[] = { "quit", "preferences", "about", "shortcuts" };
  static const char * const items[] = {
    "New Dataset…", "Open Dataset…", "Save a Copy…", "Preferences", "Keyboard Shortcuts",
    "About Vigie",
  };
  GtkWidget *open_button = template_child (window, "open_button");
  GtkWidget *demo_button = template_child (window, "create_demo_button");
  gboolean has_settings = vigie_application_get_settings (app) != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    {
      g_auto(GStrv) set = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                  accels[i].action);
      guint key, want_key;
      GdkModifierType mods, want_mods;

      g_assert_nonnull (set);
      g_assert_nonnull (set[0]);
      g_assert_true (gtk_accelerator_parse (set[0], &key, &mods));
      g_assert_true (gtk_accelerator_parse (accels[i].accel, &want_key, &want_mods));
      g_assert_cmpuint (key, ==, want_key);
      g_assert_cmpuint (mods, ==, want_mods);
    }

  for (guint i = 0; i < G_N_ELEMENTS (app_actions); i++)
    {
      gboolean enabled = g_action_group_get_action_enabled (G_ACTION_GROUP (app),
                                                            app_actions[i]);

      g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), app_actions[i]));
      if (g_str_equal (app_actions[i], "preferences"))
        g_assert_true (enabled == has_settings);
      else
        g_assert_true (enabled);
    }

  /* Enabled window actions make their widgets sensitive; the welcome page's are not. */
  g_assert_true (gtk_widget_get_sensitive (open_button));
  g_assert_false (gtk_widget_get_sensitive (demo_button));
  g_assert_false (gtk_widget_get_visible (demo_button));

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      GtkWidget *item = find_menu_item (window, items[i]);

      if (item == NULL)
        g_error ("no “%s” in the primary menu", items[i]);
      if (g_str_equal (items[i], "Preferences"))
        g_assert_true (gtk_widget_get_sensitive (item) == has_settings);
      else
        g_assert_true (gtk_widget_get_sensitive (item));
    }
  /* The dataset opened at the start is the only recent one. */
  g_assert_nonnull (find_menu_item (window, "Open Recent"));
  g_assert_nonnull (find_menu_item (window, "vigie-test.db"));
}

static void
test_datasets (void)
{
  g_autofree char *second = g_build_filename (tmpdir, "second_set.vigie", NULL);
  g_autofree char *copy = g_build_filename (tmpdir, "copy.db", NULL);
  g_autofree char *bogus = g_build_filename (tmpdir, "notes.db", NULL);
  g_autofree char *missing = g_build_filename (tmpdir, "missing.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(VigieStore) copied = NULL;
  g_autoptr(GError) error = NULL;
  AdwViewSwitcherTitle *title = template_child (window, "switcher_title");
  GtkWindow *dialog;
  GtkWidget *item;
  gint64 n_sites = vigie_store_count (vigie_window_get_store (window), "sites");

  /* Save a copy: the same rows in another file. */
  g_assert_true (vigie_window_save_copy (window, copy));
  copied = vigie_store_open (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vigie_store_count (copied, "sites"), ==, n_sites);
  g_clear_object (&copied);
  /* A copy over the open dataset itself is refused. */
  g_assert_false (vigie_window_save_copy (window, dataset_path));
  dialog = vigie_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  gtk_window_destroy (dialog);

  /* A new dataset: created, shown, and first in the recent list. */
  g_assert_true (vigie_window_create_database (window, second));
  g_assert_true (g_file_test (second, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (vigie_store_get_path (vigie_window_get_store (window)), ==, second);
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (title), ==, "second_set.vigie");
  g_assert_cmpint (vigie_store_count (vigie_window_get_store (window), "sites"), ==, 0);
  if (vigie_application_get_settings (app) != NULL)
    {
      GSettings *settings = vigie_application_get_settings (app);
      g_auto(GStrv) recent = g_settings_get_strv (settings, "recent-databases");
      g_autofree char *last = g_settings_get_string (settings, "last-database");

      g_assert_cmpstr (last, ==, second);
      g_assert_cmpuint (g_strv_length (recent), ==, 2);
      g_assert_cmpstr (recent[0], ==, second);
      g_assert_cmpstr (recent[1], ==, dataset_path);
    }
  /* Underscores in a file name are not mnemonics in the menu. */
  g_assert_nonnull (find_menu_item (window, "second_set.vigie"));
  /* Creating over an existing file is refused and the file is left alone. */
  g_assert_false (vigie_window_create_database (window, dataset_path));
  dialog = vigie_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  gtk_window_destroy (dialog);
  g_assert_cmpstr (vigie_store_get_path (vigie_window_get_store (window)), ==, second);

  /* Not a Vigie file: an error dialog, the file untouched, the dataset still shown. */
  g_assert_true (g_file_set_contents (bogus, "These are my notes, not a database.\n", -1,
                                      NULL));
  before = read_file (bogus);
  g_assert_false (vigie_window_open_database (window, bogus));
  dialog = vigie_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_test_message ("error: %s", adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  g_assert_true (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                         "notes.db") != NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  gtk_window_destroy (dialog);
  after = read_file (bogus);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (vigie_store_get_path (vigie_window_get_store (window)), ==, second);

  /* A missing file is not created by opening it. */
  g_assert_false (vigie_window_open_database (window, missing));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  dialog = vigie_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  gtk_window_destroy (dialog);

  /* Back to the first dataset through the Open Recent menu's action. */
  item = find_menu_item (window, "vigie-test.db");
  g_assert_nonnull (item);
  g_assert_true (gtk_widget_get_sensitive (item));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s",
                                             dataset_path));
  g_assert_cmpstr (vigie_store_get_path (vigie_window_get_store (window)), ==, dataset_path);
  g_assert_cmpint (vigie_store_count (vigie_window_get_store (window), "sites"), ==, n_sites);
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (title), ==, "vigie-test.db");
}

static void
test_dialogs (void)
{
  GtkShortcutsWindow *overlay;
  GtkWindow *about;
  GtkWindow *preferences;

  gtk_window_present (GTK_WINDOW (window));

  /* Keyboard shortcuts: the window is built from vigie-shortcuts-window.ui when first
   * asked for, then kept. */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (overlay));
  save_screenshot (GTK_WIDGET (overlay), "ui-shell-shortcuts.png");
  gtk_window_close (GTK_WINDOW (overlay));
  vigie_test_iterate (50);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));

  /* About */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  g_assert_true (vigie_test_wait_until (toplevel_about_shown, NULL, 5000));
  about = vigie_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW, NULL);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==,
                   "Vigie");
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==,
                   PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==,
                   GTK_LICENSE_GPL_3_0);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (about));
  gtk_window_destroy (about);
  g_assert_null (vigie_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW, NULL));

  /* Preferences, bound to the settings. */
  if (vigie_application_get_settings (app) == NULL)
    {
      g_test_skip ("the GSettings schema is not compiled in GSETTINGS_SCHEMA_DIR");
      return;
    }
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = vigie_test_find_toplevel (ADW_TYPE_PREFERENCES_WINDOW, GTK_WINDOW (window));
  g_assert_nonnull (preferences);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (preferences));
  save_screenshot (GTK_WIDGET (preferences), "ui-shell-preferences.png");
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences),
                                                "deadlines");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (preferences));
  save_screenshot (GTK_WIDGET (preferences), "ui-shell-deadlines.png");
  {
    static const struct {
      const char *child;
      const char *key;
      int         value;
    } deadlines[] = {
      { "critical_plan_spin", "deadline-critical-plan", 7 },
      { "critical_completion_spin", "deadline-critical-completion", 30 },
      { "major_plan_spin", "deadline-major-plan", 14 },
      { "major_completion_spin", "deadline-major-completion", 90 },
      { "minor_plan_spin", "deadline-minor-plan", 14 },
      { "minor_completion_spin", "deadline-minor-completion", 180 },
    };
    GSettings *settings = vigie_application_get_settings (app);
    GObject *author_row;
    GObject *language_row;
    g_autofree char *author = NULL;
    g_autofree char *language = NULL;

    /* Each spin button shows its setting; changing it writes the setting. */
    for (guint i = 0; i < G_N_ELEMENTS (deadlines); i++)
      {
        GtkSpinButton *spin = GTK_SPIN_BUTTON (gtk_widget_get_template_child (
            GTK_WIDGET (preferences), VIGIE_TYPE_PREFERENCES_WINDOW, deadlines[i].child));

        g_assert_cmpint (g_settings_get_int (settings, deadlines[i].key), ==,
                         deadlines[i].value);
        g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, deadlines[i].value);
        gtk_spin_button_set_value (spin, deadlines[i].value + 1);
        g_assert_cmpint (g_settings_get_int (settings, deadlines[i].key), ==,
                         deadlines[i].value + 1);
        g_settings_reset (settings, deadlines[i].key);
        g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, deadlines[i].value);
      }

    author_row = gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                VIGIE_TYPE_PREFERENCES_WINDOW, "author_row");
    gtk_editable_set_text (GTK_EDITABLE (author_row), "A. Analyst");
    author = g_settings_get_string (settings, "author-name");
    g_assert_cmpstr (author, ==, "A. Analyst");
    g_settings_reset (settings, "author-name");

    /* The report language is stored as a code: Français → fr */
    language_row = gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                  VIGIE_TYPE_PREFERENCES_WINDOW,
                                                  "language_row");
    g_assert_cmpuint (g_list_model_get_n_items (
                        adw_combo_row_get_model (ADW_COMBO_ROW (language_row))), ==, 5);
    adw_combo_row_set_selected (ADW_COMBO_ROW (language_row), 1);
    language = g_settings_get_string (settings, "report-language");
    g_assert_cmpstr (language, ==, "fr");
    g_settings_set_string (settings, "report-language", "de");
    g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (language_row)), ==, 2);
    g_settings_reset (settings, "report-language");
  }
  gtk_window_destroy (preferences);
}

static void
test_welcome_and_demo (void)
{
  g_autofree char *demo_path = g_build_filename (tmpdir, "fresh", "vigie.db", NULL);
  g_autofree char *empty_path = g_build_filename (tmpdir, "empty", "vigie.db", NULL);
  VigieWindow *fresh;
  GtkStack *main_stack;
  VigieStore *store;

  fresh = vigie_window_new (app);
  gtk_window_present (GTK_WINDOW (fresh));
  vigie_window_show_welcome (fresh, demo_path);
  main_stack = template_child (fresh, "main_stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "welcome");
  g_assert_null (vigie_window_get_store (fresh));
  g_assert_true (gtk_widget_get_visible (template_child (fresh, "create_demo_button")));
  g_assert_true (gtk_widget_get_sensitive (template_child (fresh, "create_demo_button")));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fresh));
  save_screenshot (GTK_WIDGET (fresh), "ui-shell-welcome.png");

  /* Cancelled at once: nothing is left behind, the welcome page is back. */
  gtk_widget_activate_action (GTK_WIDGET (fresh), "win.create-demo", NULL);
  g_assert_true (vigie_window_get_busy (fresh));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "progress");
  gtk_widget_activate_action (GTK_WIDGET (fresh), "win.cancel-demo", NULL);
  g_assert_true (vigie_test_wait_until (window_not_busy, fresh, 60000));
  g_assert_null (vigie_window_get_store (fresh));
  g_assert_false (g_file_test (demo_path, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "welcome");
  g_assert_null (vigie_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (fresh)));

  /* Created for real, in the background, with progress. */
  gtk_widget_activate_action (GTK_WIDGET (fresh), "win.create-demo", NULL);
  g_assert_true (vigie_window_get_busy (fresh));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fresh));
  g_assert_true (vigie_test_wait_until (window_not_busy, fresh, 90000));
  store = vigie_window_get_store (fresh);
  g_assert_nonnull (store);
  g_assert_cmpstr (vigie_store_get_path (store), ==, demo_path);
  g_assert_cmpint (vigie_store_count (store, "sites"), ==, 200);
  g_assert_cmpint (vigie_store_count (store, "findings"), ==, 2000);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "dataset");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (template_child (fresh,
                                                                          "view_stack")),
                   ==, "factories");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fresh));
  vigie_test_iterate (300);
  save_screenshot (GTK_WIDGET (fresh), "ui-shell-window.png");

  /* Start empty on another path. */
  vigie_window_show_welcome (fresh, empty_path);
  g_assert_null (vigie_window_get_store (fresh));
  gtk_widget_activate_action (GTK_WIDGET (fresh), "win.start-empty", NULL);
  g_assert_nonnull (vigie_window_get_store (fresh));
  g_assert_true (g_file_test (empty_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (vigie_store_count (vigie_window_get_store (fresh), "sites"), ==, 0);

  /* An existing welcome target cannot be overwritten by the demo. */
  vigie_window_show_welcome (fresh, demo_path);
  g_assert_false (gtk_widget_get_visible (template_child (fresh, "create_demo_button")));
  gtk_widget_activate_action (GTK_WIDGET (fresh), "win.create-demo", NULL);
  g_assert_false (vigie_window_get_busy (fresh));

  gtk_window_destroy (GTK_WINDOW (fresh));
}

static void
test_window_state (void)
{
  GSettings *settings = vigie_application_get_settings (app);
  VigieWindow *second;
  int width, height;

  if (settings == NULL)
    {
      g_test_skip ("the GSettings schema is not compiled in GSETTINGS_SCHEMA_DIR");
      return;
    }
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_close (GTK_WINDOW (window));
  window = NULL;
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  second = vigie_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 700);
  gtk_window_destroy (GTK_WINDOW (second));
}

int
main (int    argc,
      char **argv)
{
  int status;

  /* Not localised: the test reads the English interface. */
  tmpdir = vigie_test_ui_init (&argc, &argv, "vigie-ui-XXXXXX", FALSE);
  if (tmpdir == NULL)
    return 77;
  vigie_test_install_log_filter ();

  dataset_path = vigie_test_make_demo (tmpdir, "vigie-test.db", 40, 200, 7);
  app = vigie_test_application_new ("io.github.vigie.Vigie.Test");

  g_test_add_func ("/ui/shell/window-pages", test_window_pages);
  g_test_add_func ("/ui/shell/show-pages", test_show_pages);
  g_test_add_func ("/ui/shell/actions-and-menu", test_actions_and_menu);
  g_test_add_func ("/ui/shell/datasets", test_datasets);
  g_test_add_func ("/ui/shell/dialogs", test_dialogs);
  g_test_add_func ("/ui/shell/welcome-and-demo", test_welcome_and_demo);
  g_test_add_func ("/ui/shell/window-state", test_window_state);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}

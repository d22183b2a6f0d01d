/* test-ui-pseudo.c — every page of the window in the pseudo-locale (tests/i18n/make-pseudo.sh:
 * each message of Vigie's catalogue is its English text between ⟦ and ⟧, 40 % longer):
 *
 *  - every text a user reads (labels, tooltips, placeholders) carries the brackets, so a
 *    hard-coded or unmarked string fails the test with its widget path;
 *  - the window still fits a 1280-pixel screen with 40 % longer strings;
 *  - right to left (VIGIE_TEST_RTL=1), the header bar mirrors.
 *
 * Screenshots of every page go to $VIGIE_SCREENSHOT_DIR (or the build folder) as
 * <page>-pseudo.png, or <page>-rtl.png right to left.
 *
 * Run by run-pseudo.sh, which builds the catalogue. Without it (LANGUAGE is not "pseudo"),
 * only the self-test runs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "ui-test-util.h"
#include "vigie-application.h"
#include "vigie-demo.h"
#include "vigie-window.h"

#define OPEN_BRACKET "\u27e6"
#define SCREEN_WIDTH 1280

static const char * const pages[] = {
  "overview", "factories", "findings", "chemicals", "remediation", "buyers", "reports",
};

static VigieApplication *app;
static VigieWindow *window;
static char *tmpdir;
static char *empty_path;
static char *demo_path;
static gboolean rtl;

/* ─── The walker ─────────────────────────────────────────────────────────── */

static gboolean
has_letter (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Text that is data, not interface: the dataset's file name in the window title. */
static gboolean
is_data_text (const char *text)
{
  const char *paths[] = { empty_path, demo_path };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    if (paths[i] != NULL)
      {
        g_autofree char *name = g_path_get_basename (paths[i]);

        if (strstr (text, name) != NULL)
          return TRUE;
      }
  return strstr (text, tmpdir) != NULL;
}

static char *
widget_path (GtkWidget *widget)
{
  GString *path = g_string_new (NULL);

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      const char *name = gtk_widget_get_name (w);

      g_string_prepend (path, G_OBJECT_TYPE_NAME (w));
      if (name != NULL && !g_str_equal (name, G_OBJECT_TYPE_NAME (w)))
        {
          g_string_insert (path, strlen (G_OBJECT_TYPE_NAME (w)), "#");
          g_string_insert (path, strlen (G_OBJECT_TYPE_NAME (w)) + 1, name);
        }
      if (gtk_widget_get_parent (w) != NULL)
        g_string_prepend (path, " > ");
    }
  return g_string_free (path, FALSE);
}

static void
check_text (GPtrArray  *problems,
            GtkWidget  *widget,
            const char *what,
            const char *text)
{
  if (text == NULL || !has_letter (text) || strstr (text, OPEN_BRACKET) != NULL
      || is_data_text (text))
    return;
  g_ptr_array_add (problems, g_strdup_printf ("%s “%s” in %s", what, text,
                                              widget_path (widget)));
}

/* Collects, under WIDGET, every text shown to the user that did not come from Vigie's
 * catalogue. Rows of lists and column views hold data and are skipped, as are typed texts;
 * shortcut labels are GTK's own (Ctrl, Shift). */
static void
collect_untranslated (GtkWidget *widget,
                      GPtrArray *problems)
{
  const char *type = G_OBJECT_TYPE_NAME (widget);
  const char *tooltip;

  if (!gtk_widget_get_mapped (widget))
    return;
  if (g_str_equal (type, "GtkListItemWidget") || g_str_equal (type, "GtkColumnViewCell")
      || g_str_equal (type, "GtkColumnViewRowWidget") || GTK_IS_SHORTCUT_LABEL (widget))
    return;

  tooltip = gtk_widget_get_tooltip_text (widget);
  check_text (problems, widget, "tooltip", tooltip);

  if (GTK_IS_LABEL (widget))
    check_text (problems, widget, "label", gtk_label_get_text (GTK_LABEL (widget)));
  else if (GTK_IS_TEXT (widget))
    {
      if (*gtk_editable_get_text (GTK_EDITABLE (widget)) == '\0')
        check_text (problems, widget, "placeholder",
                    gtk_text_get_placeholder_text (GTK_TEXT (widget)));
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_untranslated (child, problems);
}

static void
assert_all_translated (GtkWidget  *root,
                       const char *where)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  collect_untranslated (root, problems);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s: not from the catalogue: %s", where,
                    (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
}

/* The innermost widgets wider than WIDTH at their minimum: what makes the window too wide. */
static void
report_too_wide (GtkWidget *widget,
                 int        width)
{
  gboolean child_too_wide = FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int minimum = 0;

      if (!gtk_widget_get_visible (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      if (minimum > width)
        {
          child_too_wide = TRUE;
          report_too_wide (child, width);
        }
    }
  if (!child_too_wide)
    {
      int minimum = 0;
      g_autofree char *path = widget_path (widget);

      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_test_message ("  too wide: %d px: %s", minimum, path);
      /* What adds up to it. */
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (gtk_widget_get_visible (child))
          {
            gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
            g_test_message ("    %d px: %s", minimum, G_OBJECT_TYPE_NAME (child));
            if (g_getenv ("VIGIE_TEST_WIDTH_DEPTH") != NULL)
              for (GtkWidget *grandchild = gtk_widget_get_first_child (child); grandchild != NULL;
                   grandchild = gtk_widget_get_next_sibling (grandchild))
                if (gtk_widget_get_visible (grandchild))
                  {
                    gtk_widget_measure (grandchild, GTK_ORIENTATION_HORIZONTAL, -1, &minimum,
                                        NULL, NULL, NULL);
                    g_test_message ("      %d px: %s", minimum, G_OBJECT_TYPE_NAME (grandchild));
                  }
          }
    }
}

/* VIGIE_TEST_WIDTH_TREE=N: prints every widget at least N pixels wide at its minimum, to
 * find what to fix when a page is too wide. */
static void
dump_wide (GtkWidget *widget,
           int        threshold,
           int        depth)
{
  int minimum = 0;

  if (!gtk_widget_get_visible (widget))
    return;
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum < threshold)
    return;
  g_test_message ("%*s%d px: %s%s%s", depth * 2, "", minimum, G_OBJECT_TYPE_NAME (widget),
                  GTK_IS_LABEL (widget) ? " " : "",
                  GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget)) : "");
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    dump_wide (child, threshold, depth + 1);
}

/* ─── Tests ──────────────────────────────────────────────────────────────── */

static gboolean
window_drawn (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
show_page (const char *name)
{
  vigie_window_show_page (window, name);
  /* Let the lists and figures finish their queries and the page settle. */
  vigie_test_iterate (900);
}

/* The walker finds a hard-coded string: without this, a walker that saw nothing would pass. */
static void
test_self_test (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *window_ = gtk_window_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  gtk_box_append (GTK_BOX (box), gtk_label_new ("Hard-coded words"));
  gtk_box_append (GTK_BOX (box), gtk_label_new ("12 345"));
  gtk_box_append (GTK_BOX (box), gtk_label_new (OPEN_BRACKET "Marked~~\u27e7"));
  gtk_window_set_child (GTK_WINDOW (window_), box);
  gtk_window_present (GTK_WINDOW (window_));
  g_assert_true (vigie_test_wait_until (window_drawn, box, 5000));

  collect_untranslated (box, problems);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "Hard-coded words"));
  gtk_window_destroy (GTK_WINDOW (window_));
}

static void
open_dataset (const char *path)
{
  g_assert_true (vigie_window_open_database (window, path));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (vigie_test_wait_until (window_drawn, window, 10000));
  vigie_test_iterate (500);
}

/* Every page, empty: only interface text is on screen. */
static void
test_pages_translated (void)
{
  open_dataset (empty_path);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      show_page (pages[i]);
      assert_all_translated (GTK_WIDGET (window), pages[i]);
    }
}

/* With 40 % longer strings the window still fits the screen, every page, with data. */
static void
test_pages_fit (void)
{
  g_autoptr(GString) too_wide = g_string_new (NULL);

  open_dataset (demo_path);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      int minimum = 0;
      g_autofree char *name = g_strdup_printf ("%s-%s.png", pages[i], rtl ? "rtl" : "pseudo");

      show_page (pages[i]);
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1,
                          &minimum, NULL, NULL, NULL);
      g_test_message ("%s: minimum width %d px", pages[i], minimum);
      if (minimum > SCREEN_WIDTH)
        report_too_wide (GTK_WIDGET (window), SCREEN_WIDTH);
      if (g_getenv ("VIGIE_TEST_WIDTH_TREE") != NULL)
        dump_wide (GTK_WIDGET (window), atoi (g_getenv ("VIGIE_TEST_WIDTH_TREE")), 0);
      if (minimum > SCREEN_WIDTH)
        g_string_append_printf (too_wide, " %s (%d px)", pages[i], minimum);
      vigie_test_save_screenshot (GTK_WIDGET (window), name);
    }
  if (too_wide->len > 0)
    g_test_message ("wider than the %d-pixel screen:%s", SCREEN_WIDTH, too_wide->str);
  g_assert_cmpuint (too_wide->len, ==, 0);
}

/* Right to left, the header bar's end (the main menu) is on the left. */
static void
test_rtl_mirrors (void)
{
  GtkWidget *menu = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (window), VIGIE_TYPE_WINDOW,
                                                   "primary_menu_button");
  graphene_point_t point;

  if (!rtl)
    {
      g_test_skip ("left to right");
      return;
    }
  g_assert_nonnull (menu);
  g_assert_true (gtk_widget_compute_point (menu, GTK_WIDGET (window),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  g_test_message ("main menu at x = %.0f of %d", point.x, gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_cmpfloat (point.x, <, gtk_widget_get_width (GTK_WIDGET (window)) / 2.0);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieStore) store = NULL;
  g_autofree char *data_home = NULL;
  const char *localedir = g_getenv ("VIGIE_LOCALEDIR");
  VigieDemoOptions options = { .n_sites = 60, .n_findings = 400, .seed = 3, .today = NULL };
  gboolean pseudo = g_strcmp0 (g_getenv ("LANGUAGE"), "pseudo") == 0;
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

  rtl = g_strcmp0 (g_getenv ("VIGIE_TEST_RTL"), "1") == 0;
  tmpdir = g_dir_make_tmp ("vigie-ui-pseudo-XXXXXX", &error);
  g_assert_no_error (error);
  data_home = g_build_filename (tmpdir, "data-home", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);
  vigie_test_install_log_filter ();

  g_test_add_func ("/ui/pseudo/self-test", test_self_test);
  if (pseudo)
    {
      empty_path = g_build_filename (tmpdir, "empty.db", NULL);
      demo_path = g_build_filename (tmpdir, "demo.db", NULL);
      store = vigie_store_open (empty_path, &error);
      g_assert_no_error (error);
      g_clear_object (&store);
      store = vigie_store_open (demo_path, &error);
      g_assert_no_error (error);
      vigie_demo_generate (store, &options, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_clear_object (&store);

      app = vigie_application_new ("io.github.vigie.Vigie.TestPseudo", G_APPLICATION_NON_UNIQUE);
      g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
      g_assert_no_error (error);
      /* After GTK's initialisation (registering starts it), which sets the direction from
       * the locale. */
      if (rtl)
        gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
      window = vigie_window_new (app);

      g_test_add_func ("/ui/pseudo/pages-translated", test_pages_translated);
      g_test_add_func ("/ui/pseudo/pages-fit", test_pages_fit);
      g_test_add_func ("/ui/pseudo/rtl-mirrors", test_rtl_mirrors);
    }
  else
    g_test_message ("LANGUAGE is not “pseudo”: only the self-test runs (see run-pseudo.sh)");

  status = g_test_run ();

  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  vigie_test_remove_tree (tmpdir);
  g_free (tmpdir);
  g_free (empty_path);
  g_free (demo_path);
  return status;
}

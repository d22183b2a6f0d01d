/* ui-test-util.c — see ui-test-util.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "ui-test-util.h"
#include "vigie-demo.h"

/* ─── Setting up ─────────────────────────────────────────────────────────── */

char *
vigie_test_ui_init (int          *argc,
                    char       ***argv,
                    const char   *tmp_template,
                    gboolean      localised)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  char *tmpdir;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: skipped (run under xvfb-run)\n");
      return NULL;
    }

  if (localised)
    {
      const char *localedir = g_getenv ("VIGIE_LOCALEDIR");

      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  tmpdir = g_dir_make_tmp (tmp_template, &error);
  g_assert_no_error (error);
  /* The default dataset path must never be the user's. */
  data_home = g_build_filename (tmpdir, "data-home", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (argc, argv, NULL);
  return tmpdir;
}

VigieApplication *
vigie_test_application_new (const char *id)
{
  g_autoptr(GError) error = NULL;
  VigieApplication *app = vigie_application_new (id, G_APPLICATION_NON_UNIQUE);

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  return app;
}

char *
vigie_test_make_demo (const char *dir,
                      const char *name,
                      guint       n_sites,
                      guint       n_findings,
                      guint64     seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieStore) store = NULL;
  char *path = g_build_filename (dir, name, NULL);
  VigieDemoOptions options = {
    .n_sites = n_sites, .n_findings = n_findings, .seed = seed, .today = NULL,
  };

  store = vigie_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (vigie_demo_generate (store, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

VigieWindow *
vigie_test_open_window (VigieApplication *app,
                        const char       *path,
                        const char       *page)
{
  VigieWindow *window = vigie_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_assert_true (vigie_window_open_database (window, path));
  gtk_window_present (GTK_WINDOW (window));
  vigie_window_show_page (window, page);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

/* ─── The main loop ──────────────────────────────────────────────────────── */

gboolean
vigie_test_wait_until (VigieTestCondition condition,
                       gpointer           data,
                       guint              timeout_ms)
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

void
vigie_test_iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
}

void
vigie_test_settle (VigieTestCondition idle,
                   gpointer           data,
                   guint              timeout_ms)
{
  vigie_test_iterate (300);
  g_assert_true (vigie_test_wait_until (idle, data, timeout_ms));
  vigie_test_iterate (50);
}

/* ─── Widgets ────────────────────────────────────────────────────────────── */

GtkWidget *
vigie_test_find_descendant (GtkWidget *root,
                            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = vigie_test_find_descendant (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWindow *
vigie_test_find_toplevel (GType      type,
                          GtkWindow *parent)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type)
          && gtk_widget_get_visible (GTK_WIDGET (toplevel))
          && (parent == NULL || gtk_window_get_transient_for (toplevel) == parent))
        return toplevel;
    }
  return NULL;
}

/* ─── Toasts ─────────────────────────────────────────────────────────────── */

static void
find_toasts (GtkWidget *widget,
             GPtrArray *found)
{
  if (g_strcmp0 (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget") == 0
      && gtk_widget_get_mapped (widget))
    g_ptr_array_add (found, g_object_ref (widget));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    find_toasts (c, found);
}

gboolean
vigie_test_no_toast (gpointer data)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);

  find_toasts (GTK_WIDGET (data), found);
  return found->len == 0;
}

GPtrArray *
vigie_test_hide_toasts (GtkWidget *root)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  vigie_test_wait_until (vigie_test_no_toast, root, 7000);
  find_toasts (root, found);
  for (guint i = 0; i < found->len; i++)
    gtk_widget_set_child_visible (g_ptr_array_index (found, i), FALSE);
  vigie_test_iterate (100);
  return found;
}

void
vigie_test_show_toasts (GPtrArray *hidden)
{
  for (guint i = 0; i < hidden->len; i++)
    gtk_widget_set_child_visible (g_ptr_array_index (hidden, i), TRUE);
  g_ptr_array_unref (hidden);
}

/* ─── Screenshots ────────────────────────────────────────────────────────── */

char *
vigie_test_screenshot_name (const char *base)
{
  const char *language = g_getenv ("LANGUAGE");

  if (language != NULL && *language != '\0' && !g_str_has_prefix (language, "en"))
    {
      g_autofree char *code = g_strndup (language, strcspn (language, "_:.@"));

      return g_strdup_printf ("%s-%s.png", base, code);
    }
  return g_strdup_printf ("%s.png", base);
}

GdkTexture *
vigie_test_render_widget (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;

  /* Right after a change the widget may have nothing to show until its next frame. */
  for (int attempt = 0; node == NULL && attempt < 40; attempt++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      vigie_test_iterate (50);
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                      node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

char *
vigie_test_save_screenshot_in (GtkWidget  *widget,
                               const char *dir,
                               const char *name)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkTexture) texture = vigie_test_render_widget (widget);
  g_autoptr(GdkTexture) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  g_autofree guchar *pixels = NULL;
  gsize stride = (gsize) width * 4;
  const char *env_dir = g_getenv ("VIGIE_SCREENSHOT_DIR");
  char *path;

  if (dir != NULL)
    folder = g_strdup (dir);
  else if (env_dir != NULL && *env_dir != '\0')
    folder = g_strdup (env_dir);
  else
    folder = g_build_filename (g_test_get_dir (G_TEST_BUILT), "screenshots", NULL);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  path = g_build_filename (folder, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s (%d×%d)", path, width, height);

  /* Read back: the right size, and not blank. */
  loaded = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (loaded), ==, width);
  g_assert_cmpint (gdk_texture_get_height (loaded), ==, height);
  pixels = g_malloc (stride * (gsize) height);
  gdk_texture_download (loaded, pixels, stride);
  for (int y = 0; y < height; y += 3)
    for (int x = 0; x < width; x += 3)
      g_hash_table_add (colours,
                        GUINT_TO_POINTER (*(guint32 *) (pixels + (gsize) y * stride + (gsize) x * 4)));
  g_assert_cmpuint (g_hash_table_size (colours), >, 16);
  return path;
}

void
vigie_test_save_screenshot (GtkWidget  *widget,
                            const char *name)
{
  g_free (vigie_test_save_screenshot_in (widget, NULL, name));
}

void
vigie_test_save_localised_screenshot (GtkWidget  *widget,
                                      const char *base,
                                      guint       settle_ms)
{
  g_autofree char *name = vigie_test_screenshot_name (base);

  gtk_test_widget_wait_for_draw (widget);
  vigie_test_iterate (settle_ms);
  vigie_test_save_screenshot (widget, name);
}

/* ─── Logging and files ──────────────────────────────────────────────────── */

/* GTK 4.8 miscomputes the width of some shortcut labels in a GtkShortcutsWindow and warns
 * "GtkLabel … reported min width -3"; the window still draws correctly. That one known
 * warning is dropped; every other warning and critical still aborts the test. */
static GLogWriterOutput
log_writer_cb (GLogLevelFlags   log_level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  if ((log_level & G_LOG_LEVEL_WARNING) != 0)
    for (gsize i = 0; i < n_fields; i++)
      if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0
          && strstr (fields[i].value, "reported min width -") != NULL)
        return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

void
vigie_test_install_log_filter (void)
{
  g_log_set_writer_func (log_writer_cb, NULL, NULL);
}

void
vigie_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;
  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          vigie_test_remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

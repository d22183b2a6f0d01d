/* vigie-application.c — the Vigie GTK application: actions, settings, windows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "vigie-application.h"
#include "vigie-preferences-window.h"
#include "vigie-resources.h"
#include "vigie-store.h"
#include "vigie-window.h"

struct _VigieApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  /* --database FILE, consumed by the first activation of the primary instance */
  char           *database;
};

G_DEFINE_FINAL_TYPE (VigieApplication, vigie_application, ADW_TYPE_APPLICATION)

static const GOptionEntry main_entries[] = {
  /* Translators: --database FILE in `vigie --help` */
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL, N_("Open the dataset FILE"),
    /* Translators: placeholder in `vigie --help` */
    N_("FILE") },
  { NULL }
};

GSettings *
vigie_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, VIGIE_SETTINGS_SCHEMA_ID, TRUE);
  if (schema == NULL)
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

GSettings *
vigie_application_get_settings (VigieApplication *self)
{
  g_return_val_if_fail (VIGIE_IS_APPLICATION (self), NULL);
  return self->settings;
}

static VigieWindow *
find_free_window (VigieApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (VIGIE_IS_WINDOW (window)
      && vigie_window_get_store (VIGIE_WINDOW (window)) == NULL
      && !vigie_window_get_busy (VIGIE_WINDOW (window)))
    return VIGIE_WINDOW (window);
  return vigie_window_new (self);
}

/* Opens PATH in WINDOW, creating an empty dataset there if it does not exist. */
static void
open_or_create (VigieWindow *window,
                const char  *path)
{
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    vigie_window_open_database (window, path);
  else
    vigie_window_create_database (window, path);
}

/* First activation without a file: the last dataset, else the default one, else the
 * welcome page that offers to create the default one. */
static void
open_initial_database (VigieApplication *self,
                       VigieWindow      *window)
{
  g_autofree char *last = NULL;
  g_autofree char *default_path = vigie_store_default_path ();

  if (self->settings != NULL)
    last = g_settings_get_string (self->settings, "last-database");

  if (last != NULL && last[0] != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR)
      && vigie_window_open_database (window, last))
    return;

  if (g_strcmp0 (last, default_path) != 0
      && g_file_test (default_path, G_FILE_TEST_IS_REGULAR)
      && vigie_window_open_database (window, default_path))
    return;

  vigie_window_show_welcome (window, default_path);
}

static void
vigie_application_activate (GApplication *app)
{
  VigieApplication *self = VIGIE_APPLICATION (app);
  g_autofree char *database = g_steal_pointer (&self->database);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));
  VigieWindow *window;

  if (active != NULL && database == NULL)
    {
      gtk_window_present (active);
      return;
    }

  window = find_free_window (self);
  gtk_window_present (GTK_WINDOW (window));

  if (database != NULL)
    open_or_create (window, database);
  else
    open_initial_database (self, window);
}

static void
vigie_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  VigieApplication *self = VIGIE_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      VigieWindow *window = find_free_window (self);

      gtk_window_present (GTK_WINDOW (window));
      if (path == NULL)
        {
          g_autofree char *uri = g_file_get_uri (files[i]);
          g_autoptr(AdwToast) toast = NULL;

          /* Translators: %s is a URI such as sftp://host/file.db */
          toast = adw_toast_new_format (_("“%s” is not a local file: copy it to this "
                                          "computer first"), uri);
          vigie_window_add_toast (window, g_steal_pointer (&toast));
          continue;
        }
      open_or_create (window, path);
    }
}

static int
vigie_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  VigieApplication *self = VIGIE_APPLICATION (app);
  const char *database = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_variant_dict_lookup (options, "database", "^&ay", &database))
    return -1;

  file = g_file_new_for_commandline_arg (database);
  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (g_application_get_is_remote (app))
    {
      /* Another Vigie is running: it opens the dataset. */
      g_application_open (app, &file, 1, "");
      return 0;
    }

  g_free (self->database);
  self->database = g_file_get_path (file);
  return -1;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Closing saves each window's state and cancels work in progress. */
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_application_quit (G_APPLICATION (app));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  VigieApplication *self = VIGIE_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *preferences;

  g_return_if_fail (self->settings != NULL);

  preferences = vigie_preferences_window_new (self->settings);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_set_modal (GTK_WINDOW (preferences), TRUE);
  gtk_window_set_application (GTK_WINDOW (preferences), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (app);
  const char *developers[] = { _("The Vigie developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application", app,
                        "application-icon", "io.github.vigie.Vigie",
                        "application-name", _("Vigie"),
                        "developer-name", _("The Vigie developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Vigie helps analysts who monitor labour rights in "
                                      "electronics supply chains keep track of production "
                                      "sites, worker-driven investigations and their "
                                      "findings, chemical inventories and remediation, and "
                                      "publish reports that never reveal worker "
                                      "identities."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", _("© The Vigie developers"),
                        "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
shortcuts_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  GtkShortcutsWindow *overlay;

  if (!GTK_IS_APPLICATION_WINDOW (window))
    return;
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  if (overlay == NULL)
    {
      /* Built when first asked for: GtkApplication would build it from gtk/help-overlay.ui
       * with every window, some 40 ms of a cold start for a window rarely opened. */
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/vigie/Vigie/vigie-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (window), overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static const GActionEntry app_entries[] = {
  { "quit", quit_activated },
  { "preferences", preferences_activated },
  { "about", about_activated },
  { "shortcuts", shortcuts_activated },
};

static void
set_accels (GtkApplication *app,
            const char     *action,
            const char     *accel,
            ...)
{
  const char *accels[4] = { NULL };
  va_list args;
  guint n = 0;

  va_start (args, accel);
  for (const char *a = accel; a != NULL && n < G_N_ELEMENTS (accels) - 1;
       a = va_arg (args, const char *))
    accels[n++] = a;
  va_end (args);
  gtk_application_set_accels_for_action (app, action, accels);
}

static void
vigie_application_startup (GApplication *app)
{
  VigieApplication *self = VIGIE_APPLICATION (app);
  GtkApplication *gtk_app = GTK_APPLICATION (app);
  static const char *pages[] = {
    "overview", "factories", "findings", "chemicals", "remediation", "buyers", "reports",
  };

  /* AdwApplication loads style.css from the resource base path; the shortcuts window is
   * built on first use (shortcuts_activated). */
  /* The schema check of the dataset opened next, while GTK and libadwaita start. */
  vigie_store_preload ();
  G_APPLICATION_CLASS (vigie_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name ("io.github.vigie.Vigie");
  g_set_application_name (_("Vigie"));

  self->settings = vigie_settings_new ();
  if (self->settings == NULL)
    g_message ("GSettings schema %s is not installed: settings will not be remembered",
               VIGIE_SETTINGS_SCHEMA_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries,
                                   G_N_ELEMENTS (app_entries), app);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (app),
                                                                            "preferences")),
                               self->settings != NULL);

  set_accels (gtk_app, "app.quit", "<Control>q", NULL);
  set_accels (gtk_app, "app.preferences", "<Control>comma", NULL);
  set_accels (gtk_app, "app.shortcuts", "<Control>question", NULL);
  /* app.shortcuts replaces GtkApplicationWindow's own accelerator for the overlay. */
  set_accels (gtk_app, "win.show-help-overlay", NULL);

  set_accels (gtk_app, "win.new-database", "<Control>n", NULL);
  set_accels (gtk_app, "win.open-database", "<Control>o", NULL);
  set_accels (gtk_app, "win.save-copy", "<Control><Shift>s", NULL);
  set_accels (gtk_app, "win.search", "<Control>f", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *action = g_strdup_printf ("win.show-page::%s", pages[i]);
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);

      set_accels (gtk_app, action, accel, NULL);
    }
}

static void
vigie_application_dispose (GObject *object)
{
  VigieApplication *self = VIGIE_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->database, g_free);

  G_OBJECT_CLASS (vigie_application_parent_class)->dispose (object);
}

static void
vigie_application_class_init (VigieApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = vigie_application_dispose;

  app_class->activate = vigie_application_activate;
  app_class->open = vigie_application_open;
  app_class->startup = vigie_application_startup;
  app_class->handle_local_options = vigie_application_handle_local_options;

  /* Referencing the bundle keeps its object file, and the constructor that registers
   * it, in every binary linking the static library. */
  g_assert (vigie_get_resource () != NULL);
}

static void
vigie_application_init (VigieApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self),
                                                     /* Translators: `vigie --help` */
                                                     _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Monitor labour rights in electronics "
                                              "supply chains."));
}

VigieApplication *
vigie_application_new (const char        *application_id,
                       GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (VIGIE_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       "resource-base-path", VIGIE_RESOURCE_BASE_PATH,
                       NULL);
}

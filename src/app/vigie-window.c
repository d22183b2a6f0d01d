/* vigie-window.c — the main window: header bar, pages, the dataset shown, window state.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "vigie-buyers-page.h"
#include "vigie-chemicals-page.h"
#include "vigie-findings-page.h"
#include "vigie-overview-page.h"
#include "vigie-remediation.h"
#include "vigie-remediation-page.h"
#include "vigie-reports-page.h"
#include "vigie-resources.h"
#include "vigie-window-private.h"

G_DEFINE_FINAL_TYPE (VigieWindow, vigie_window, ADW_TYPE_APPLICATION_WINDOW)

static void rebuild_file_menu (VigieWindow *self);

/* Recent datasets --------------------------------------------------------------------- */

static GStrv
get_recent (VigieWindow *self)
{
  if (self->settings != NULL)
    return g_settings_get_strv (self->settings, "recent-databases");
  return g_strdupv (self->recent_fallback != NULL ? self->recent_fallback
                                                  : (GStrv) (const char *[]) { NULL });
}

static void
set_recent (VigieWindow        *self,
            const char * const *recent)
{
  if (self->settings != NULL)
    {
      g_settings_set_strv (self->settings, "recent-databases", recent);
      return;
    }
  g_strfreev (self->recent_fallback);
  self->recent_fallback = g_strdupv ((GStrv) recent);
  /* With settings, the "changed" signal rebuilds the menu of every window. */
  rebuild_file_menu (self);
}

static void
update_recent (VigieWindow *self,
               const char  *add,
               const char  *remove)
{
  g_auto(GStrv) old = get_recent (self);
  g_autoptr(GPtrArray) recent = g_ptr_array_new ();

  if (add != NULL)
    g_ptr_array_add (recent, (gpointer) add);
  for (guint i = 0; old[i] != NULL && recent->len < VIGIE_RECENT_MAX; i++)
    if (g_strcmp0 (old[i], add) != 0 && g_strcmp0 (old[i], remove) != 0)
      g_ptr_array_add (recent, old[i]);
  g_ptr_array_add (recent, NULL);
  set_recent (self, (const char * const *) recent->pdata);
}

void
vigie_window_remove_recent (VigieWindow *self,
                            const char  *path)
{
  update_recent (self, NULL, path);
}

/* A file name as a menu label: underscores are not mnemonics. */
static char *
menu_label_for_path (const char *path)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_auto(GStrv) parts = g_strsplit (name, "_", -1);

  return g_strjoinv ("__", parts);
}

static void
rebuild_file_menu (VigieWindow *self)
{
  g_auto(GStrv) recent = get_recent (self);

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; recent[i] != NULL && i < VIGIE_RECENT_MAX; i++)
    {
      g_autofree char *label = menu_label_for_path (recent[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (recent[i]));
      g_menu_append_item (self->recent_menu, item);
    }

  g_menu_remove_all (self->file_section);
  g_menu_append (self->file_section, _("_New Dataset…"), "win.new-database");
  g_menu_append (self->file_section, _("_Open Dataset…"), "win.open-database");
  if (g_menu_model_get_n_items (G_MENU_MODEL (self->recent_menu)) > 0)
    g_menu_append_submenu (self->file_section, _("Open _Recent"),
                           G_MENU_MODEL (self->recent_menu));
  g_menu_append (self->file_section, _("_Save a Copy…"), "win.save-copy");
}

static void
recent_changed_cb (VigieWindow *self,
                   const char  *key,
                   GSettings   *settings)
{
  rebuild_file_menu (self);
}

/* State ------------------------------------------------------------------------------- */

void
vigie_window_update_actions (VigieWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean busy = self->demo_cancellable != NULL;
  gboolean has_store = self->store != NULL;
  gboolean can_create = !busy && !has_store && self->welcome_path != NULL
                        && !g_file_test (self->welcome_path, G_FILE_TEST_EXISTS);

  gtk_widget_action_set_enabled (widget, "win.new-database", !busy);
  gtk_widget_action_set_enabled (widget, "win.open-database", !busy);
  gtk_widget_action_set_enabled (widget, "win.open-recent", !busy);
  gtk_widget_action_set_enabled (widget, "win.save-copy", !busy && has_store);
  gtk_widget_action_set_enabled (widget, "win.show-page", has_store);
  gtk_widget_action_set_enabled (widget, "win.search", has_store);
  gtk_widget_action_set_enabled (widget, "win.create-demo", can_create);
  gtk_widget_action_set_enabled (widget, "win.start-empty", can_create);
  gtk_widget_action_set_enabled (widget, "win.cancel-demo", busy);

  gtk_widget_set_visible (self->create_demo_button, can_create);
  gtk_widget_set_visible (self->start_empty_button, can_create);
}

/* The pages of the view stack are built the first time they are shown (or asked for by
 * vigie_window_get_page()): the stack measures every page it holds, so a window that built
 * all seven at start-up paid for their construction, layout and text measurement before its
 * first frame. Each page of the stack is an AdwBin slot named after the page. */
static const struct
{
  const char *name;
  GType     (*get_type) (void);
} page_types[] = {
  { "overview", vigie_overview_page_get_type },
  { "factories", vigie_factories_page_get_type },
  { "findings", vigie_findings_page_get_type },
  { "chemicals", vigie_chemicals_page_get_type },
  { "remediation", vigie_remediation_page_get_type },
  { "buyers", vigie_buyers_page_get_type },
  { "reports", vigie_reports_page_get_type },
};

/* Hands STORE to PAGE: the factories page has a setter, every other page a writable
 * "store" property (VigieStore). */
static void
page_set_store (GtkWidget  *page,
                VigieStore *store)
{
  if (VIGIE_IS_FACTORIES_PAGE (page))
    vigie_factories_page_set_store (VIGIE_FACTORIES_PAGE (page), store);
  else if (g_object_class_find_property (G_OBJECT_GET_CLASS (page), "store") != NULL)
    g_object_set (page, "store", store, NULL);
}

/* The page already built in SLOT, or NULL. */
static GtkWidget *
slot_get_page (GtkWidget *slot)
{
  return ADW_IS_BIN (slot) ? adw_bin_get_child (ADW_BIN (slot)) : NULL;
}

static void
set_store_on_pages (VigieWindow *self,
                    VigieStore  *store)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_types); i++)
    {
      GtkWidget *slot = adw_view_stack_get_child_by_name (self->view_stack, page_types[i].name);
      GtkWidget *page = slot_get_page (slot);

      if (page != NULL)
        page_set_store (page, store);
    }
}

GtkWidget *
vigie_window_get_page (VigieWindow *self,
                       const char  *name)
{
  GtkWidget *slot;
  GtkWidget *page;

  g_return_val_if_fail (VIGIE_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  slot = adw_view_stack_get_child_by_name (self->view_stack, name);
  if (slot == NULL || !ADW_IS_BIN (slot))
    return NULL;
  page = adw_bin_get_child (ADW_BIN (slot));
  if (page != NULL)
    return page;
  for (guint i = 0; i < G_N_ELEMENTS (page_types); i++)
    if (g_str_equal (page_types[i].name, name))
      {
        page = g_object_new (page_types[i].get_type (), NULL);
        adw_bin_set_child (ADW_BIN (slot), page);
        if (self->store != NULL)
          page_set_store (page, self->store);
        return page;
      }
  return NULL;
}

/* Builds the page shown, once a dataset is open. */
static void
ensure_visible_page (VigieWindow *self)
{
  const char *name;

  if (self->store == NULL
      || g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "dataset") != 0)
    return;
  name = adw_view_stack_get_visible_child_name (self->view_stack);
  if (name != NULL)
    vigie_window_get_page (self, name);
}

/* The overdue digest on the Remediation tab, before that page is built (the page keeps it
 * up to date afterwards). The count reads some hundred thousand index entries on a large
 * dataset, so it runs in a thread on its own connection. */
static void
count_overdue_thread (GTask        *task,
                      gpointer      source,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  g_autoptr(VigieStore) store = vigie_store_open (task_data, NULL);
  gint64 overdue = store != NULL ? vigie_remediation_count_overdue (store, NULL, NULL) : -1;

  g_task_return_int (task, overdue);
}

static void
count_overdue_done_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  VigieWindow *self = VIGIE_WINDOW (source);
  guint serial = GPOINTER_TO_UINT (user_data);
  gint64 overdue = g_task_propagate_int (G_TASK (result), NULL);
  GtkWidget *slot = adw_view_stack_get_child_by_name (self->view_stack, "remediation");

  /* Another dataset was opened since, or the page is built and counts for itself. */
  if (slot != NULL && serial == self->store_serial && overdue >= 0 && slot_get_page (slot) == NULL)
    vigie_window_show_overdue (self, overdue);
}

void
vigie_window_show_overdue (VigieWindow *self,
                           gint64       overdue)
{
  GtkWidget *slot;
  AdwViewStackPage *page;

  g_return_if_fail (VIGIE_IS_WINDOW (self));

  slot = adw_view_stack_get_child_by_name (self->view_stack, "remediation");
  page = slot != NULL ? adw_view_stack_get_page (self->view_stack, slot) : NULL;
  if (page == NULL)
    return;
  adw_view_stack_page_set_badge_number (page, (guint) MAX (overdue, 0));
  adw_view_stack_page_set_needs_attention (page, overdue > 0);
}

static void
update_remediation_badge (VigieWindow *self)
{
  GtkWidget *slot = adw_view_stack_get_child_by_name (self->view_stack, "remediation");
  g_autoptr(GTask) task = NULL;

  if (slot == NULL || slot_get_page (slot) != NULL)
    return;
  vigie_window_show_overdue (self, 0);
  if (self->store == NULL)
    return;
  task = g_task_new (self, NULL, count_overdue_done_cb, GUINT_TO_POINTER (self->store_serial));
  g_task_set_task_data (task, g_strdup (vigie_store_get_path (self->store)), g_free);
  g_task_run_in_thread (task, count_overdue_thread);
}

void
vigie_window_set_store (VigieWindow *self,
                        VigieStore  *store)
{
  g_return_if_fail (VIGIE_IS_WINDOW (self));
  g_return_if_fail (store == NULL || VIGIE_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  self->store_serial++;

  set_store_on_pages (self, store);
  update_remediation_badge (self);

  if (store != NULL)
    {
      const char *path = vigie_store_get_path (store);
      g_autofree char *name = g_filename_display_basename (path);

      adw_view_switcher_title_set_subtitle (self->switcher_title, name);
      gtk_window_set_title (GTK_WINDOW (self), name);
      adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, TRUE);
      gtk_stack_set_visible_child_name (self->main_stack, "dataset");
      ensure_visible_page (self);

      if (g_utf8_validate (path, -1, NULL))
        {
          update_recent (self, path, NULL);
          if (self->settings != NULL)
            g_settings_set_string (self->settings, "last-database", path);
        }
    }
  else
    {
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Vigie"));
      adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (ensure_visible_page), self, G_CONNECT_SWAPPED);
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
    }

  vigie_window_update_actions (self);
}

void
vigie_window_show_error (VigieWindow *self,
                         const char  *heading,
                         const char  *body)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

void
vigie_window_delete_dataset_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_unlink (file) != 0 && errno != ENOENT)
        g_warning ("Could not delete %s: %s", file, g_strerror (errno));
    }
}

/* Public API -------------------------------------------------------------------------- */

gboolean
vigie_window_open_database (VigieWindow *self,
                            const char  *path)
{
  g_autoptr(VigieStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *name = NULL;
  g_autoptr(AdwToast) toast = NULL;

  g_return_val_if_fail (VIGIE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->demo_cancellable != NULL)
    return FALSE;

  absolute = g_canonicalize_filename (path, NULL);
  name = g_filename_display_basename (absolute);

  if (self->store != NULL && g_strcmp0 (vigie_store_get_path (self->store), absolute) == 0)
    {
      gtk_window_present (GTK_WINDOW (self));
      return TRUE;
    }

  /* vigie_store_open() creates missing files: opening never does. */
  if (!g_file_test (absolute, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *body = NULL;

      if (g_file_test (absolute, G_FILE_TEST_EXISTS))
        /* Translators: %s is a file name */
        body = g_strdup_printf (_("“%s” is not a file."), name);
      else
        /* Translators: %s is a file name */
        body = g_strdup_printf (_("“%s” does not exist any more. It was moved or deleted."),
                                name);
      vigie_window_remove_recent (self, absolute);
      vigie_window_show_error (self, _("Could Not Open Dataset"), body);
      return FALSE;
    }

  store = vigie_store_open (absolute, &error);
  if (store == NULL)
    {
      vigie_window_show_error (self, _("Could Not Open Dataset"), error->message);
      return FALSE;
    }

  vigie_window_set_store (self, store);

  /* Translators: %s is the file name of a dataset */
  toast = adw_toast_new_format (_("Opened “%s”"), name);
  vigie_window_add_toast (self, g_steal_pointer (&toast));
  return TRUE;
}

gboolean
vigie_window_create_database (VigieWindow *self,
                              const char  *path)
{
  g_autoptr(VigieStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(AdwToast) toast = NULL;

  g_return_val_if_fail (VIGIE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->demo_cancellable != NULL)
    return FALSE;

  absolute = g_canonicalize_filename (path, NULL);
  name = g_filename_display_basename (absolute);

  if (g_file_test (absolute, G_FILE_TEST_EXISTS))
    {
      /* Translators: %s is a file name */
      g_autofree char *body = g_strdup_printf (_("A file named “%s” already exists. New "
                                                 "datasets never replace existing files: "
                                                 "choose another name."), name);

      vigie_window_show_error (self, _("Could Not Create Dataset"), body);
      return FALSE;
    }

  dir = g_path_get_dirname (absolute);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display_dir = g_filename_display_name (dir);
      /* Translators: %1$s is a folder, %2$s the system's reason */
      g_autofree char *body = g_strdup_printf (_("The folder “%1$s” could not be created: "
                                                 "%2$s"),
                                               display_dir, g_strerror (saved_errno));

      vigie_window_show_error (self, _("Could Not Create Dataset"), body);
      return FALSE;
    }

  store = vigie_store_open (absolute, &error);
  if (store == NULL)
    {
      vigie_window_show_error (self, _("Could Not Create Dataset"), error->message);
      return FALSE;
    }

  vigie_window_set_store (self, store);

  /* Translators: %s is the file name of a dataset */
  toast = adw_toast_new_format (_("Created “%s”"), name);
  vigie_window_add_toast (self, g_steal_pointer (&toast));
  return TRUE;
}

/* PATH for people: UTF-8, the home folder as "~". */
static char *
display_path (const char *path)
{
  const char *home = g_get_home_dir ();
  gsize home_len = strlen (home);

  if (home_len > 1 && g_str_has_prefix (path, home) && path[home_len] == G_DIR_SEPARATOR)
    {
      g_autofree char *rest = g_filename_display_name (path + home_len + 1);

      return g_build_filename ("~", rest, NULL);
    }
  return g_filename_display_name (path);
}

gboolean
vigie_window_save_copy (VigieWindow *self,
                        const char  *path)
{
  g_autofree char *absolute = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) toast = NULL;

  g_return_val_if_fail (VIGIE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->store == NULL)
    return FALSE;

  absolute = g_canonicalize_filename (path, NULL);
  name = g_filename_display_basename (absolute);

  if (g_strcmp0 (absolute, vigie_store_get_path (self->store)) == 0)
    {
      vigie_window_show_error (self, _("Could Not Save a Copy"),
                               _("This is the file of the open dataset: choose another "
                                 "name for the copy."));
      return FALSE;
    }

  if (!vigie_store_backup (self->store, absolute, &error))
    {
      vigie_window_show_error (self, _("Could Not Save a Copy"), error->message);
      return FALSE;
    }

  /* Translators: %s is a file name */
  toast = adw_toast_new_format (_("Saved a copy as “%s”"), name);
  vigie_window_add_toast (self, g_steal_pointer (&toast));
  return TRUE;
}

void
vigie_window_show_welcome (VigieWindow *self,
                           const char  *path)
{
  g_autofree char *description = NULL;

  g_return_if_fail (VIGIE_IS_WINDOW (self));

  g_free (self->welcome_path);
  self->welcome_path = path != NULL ? g_canonicalize_filename (path, NULL) : NULL;

  vigie_window_set_store (self, NULL);

  if (self->welcome_path != NULL && !g_file_test (self->welcome_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = display_path (self->welcome_path);
      g_autofree char *escaped = g_markup_escape_text (display, -1);

      /* Translators: %s is the path of the file the new dataset is saved in */
      description = g_strdup_printf (_("Vigie keeps sites, investigations, findings, "
                                       "chemical inventories and remediation in a dataset "
                                       "file. Explore Vigie with a demo dataset of realistic, "
                                       "generated data, or start with an empty dataset. "
                                       "Either is saved as “%s”."), escaped);
    }
  else
    description = g_strdup (_("Open a dataset or create a new one to begin."));

  adw_status_page_set_description (self->welcome_page, description);
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  vigie_window_update_actions (self);
}

VigieStore *
vigie_window_get_store (VigieWindow *self)
{
  g_return_val_if_fail (VIGIE_IS_WINDOW (self), NULL);
  return self->store;
}

gboolean
vigie_window_get_busy (VigieWindow *self)
{
  g_return_val_if_fail (VIGIE_IS_WINDOW (self), FALSE);
  return self->demo_cancellable != NULL;
}

void
vigie_window_add_toast (VigieWindow *self,
                        AdwToast    *toast)
{
  g_return_if_fail (VIGIE_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  /* Like adw_toast_overlay_add_toast(), this takes ownership of TOAST. */
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
vigie_window_show_page (VigieWindow *self,
                        const char  *name)
{
  g_return_if_fail (VIGIE_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    {
      g_warning ("No page named “%s”", name);
      return;
    }
  adw_view_stack_set_visible_child_name (self->view_stack, name);
  /* Built now even without a dataset, so that a caller can find it at once. */
  vigie_window_get_page (self, name);
}

VigieWindow *
vigie_window_new (VigieApplication *application)
{
  g_return_val_if_fail (application == NULL || VIGIE_IS_APPLICATION (application), NULL);

  return g_object_new (VIGIE_TYPE_WINDOW, "application", application, NULL);
}

/* GObject ----------------------------------------------------------------------------- */

static gboolean
vigie_window_close_request (GtkWindow *window)
{
  VigieWindow *self = VIGIE_WINDOW (window);

  if (self->demo_cancellable != NULL)
    g_cancellable_cancel (self->demo_cancellable);

  if (self->settings != NULL)
    {
      int width = 0;
      int height = 0;
      gboolean maximized = gtk_window_is_maximized (window);

      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      if (!maximized && width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
      g_settings_set_boolean (self->settings, "window-maximized", maximized);
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (vigie_window_parent_class)->close_request (window);
}

static void
vigie_window_constructed (GObject *object)
{
  VigieWindow *self = VIGIE_WINDOW (object);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  G_OBJECT_CLASS (vigie_window_parent_class)->constructed (object);

  if (VIGIE_IS_APPLICATION (app))
    {
      GSettings *settings = vigie_application_get_settings (VIGIE_APPLICATION (app));

      if (settings != NULL)
        self->settings = g_object_ref (settings);
    }
  else
    self->settings = vigie_settings_new ();

  if (self->settings != NULL)
    {
      int width = g_settings_get_int (self->settings, "window-width");
      int height = g_settings_get_int (self->settings, "window-height");

      if (width > 0 && height > 0)
        gtk_window_set_default_size (GTK_WINDOW (self), width, height);
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));

      g_signal_connect_object (self->settings, "changed::recent-databases",
                               G_CALLBACK (recent_changed_cb), self, G_CONNECT_SWAPPED);
    }

  rebuild_file_menu (self);
  vigie_window_update_actions (self);
}

static void
vigie_window_dispose (GObject *object)
{
  VigieWindow *self = VIGIE_WINDOW (object);

  if (self->demo_cancellable != NULL)
    g_cancellable_cancel (self->demo_cancellable);
  g_clear_object (&self->demo_cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIE_TYPE_WINDOW);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->recent_menu);

  G_OBJECT_CLASS (vigie_window_parent_class)->dispose (object);
}

static void
vigie_window_finalize (GObject *object)
{
  VigieWindow *self = VIGIE_WINDOW (object);

  g_clear_pointer (&self->recent_fallback, g_strfreev);
  g_clear_pointer (&self->welcome_path, g_free);

  G_OBJECT_CLASS (vigie_window_parent_class)->finalize (object);
}

static void
vigie_window_class_init (VigieWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = vigie_window_constructed;
  object_class->dispose = vigie_window_dispose;
  object_class->finalize = vigie_window_finalize;

  window_class->close_request = vigie_window_close_request;

  /* Keeps the resource bundle linked in when only the window is used. */
  g_assert (vigie_get_resource () != NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vigie/Vigie/vigie-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VigieWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VigieWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, VigieWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, VigieWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, VigieWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, VigieWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, VigieWindow, create_demo_button);
  gtk_widget_class_bind_template_child (widget_class, VigieWindow, start_empty_button);
  gtk_widget_class_bind_template_child (widget_class, VigieWindow, progress_page);
  gtk_widget_class_bind_template_child (widget_class, VigieWindow, demo_progress);
  gtk_widget_class_bind_template_child (widget_class, VigieWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, VigieWindow, file_section);

  vigie_window_class_install_actions (widget_class);
}

/* A toast added before the window is shown (the "Opened …" toast at start-up) can take the
 * initial keyboard focus, and a focused toast never times out. Once the window has its
 * focus, move it from a toast to the content. */
static void
focus_widget_changed_cb (VigieWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *content = adw_toast_overlay_get_child (self->toast_overlay);

  if (focus == NULL || content == NULL
      || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->toast_overlay))
      || gtk_widget_is_ancestor (focus, content))
    return;
  gtk_widget_child_focus (content, GTK_DIR_TAB_FORWARD);
}

static void
vigie_window_init (VigieWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self, "notify::focus-widget",
                           G_CALLBACK (focus_widget_changed_cb), self, G_CONNECT_SWAPPED);

  self->recent_menu = g_menu_new ();
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (ensure_visible_page), self, G_CONNECT_SWAPPED);

  if (g_str_equal (VIGIE_PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/* vigie-window-actions.c — the window's actions: datasets, pages, search, the demo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>

#include "vigie-demo.h"
#include "vigie-window-private.h"

/* File choosers ----------------------------------------------------------------------- */

static void
add_dataset_filters (GtkFileChooser *chooser,
                     gboolean        all_files)
{
  g_autoptr(GtkFileFilter) datasets = gtk_file_filter_new ();

  gtk_file_filter_set_name (datasets, _("Vigie datasets (*.db, *.vigie)"));
  gtk_file_filter_add_pattern (datasets, "*.db");
  gtk_file_filter_add_pattern (datasets, "*.vigie");
  gtk_file_chooser_add_filter (chooser, datasets);

  if (all_files)
    {
      g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

      gtk_file_filter_set_name (all, _("All files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (chooser, all);
    }
  gtk_file_chooser_set_filter (chooser, datasets);
}

/* Runs a file chooser; RESPONSE receives the chosen path (never called on cancel). */
typedef void (*ChosenFunc) (VigieWindow *self,
                            const char  *path);

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     VigieWindow     *self)
{
  ChosenFunc chosen = g_object_get_data (G_OBJECT (chooser), "vigie-chosen");
  g_autoptr(GtkNativeDialog) owned = g_steal_pointer (&self->chooser);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        chosen (self, path);
      else if (file != NULL)
        vigie_window_show_error (self, _("Not a Local File"),
                                 _("Datasets must be files on this computer."));
    }
  gtk_native_dialog_destroy (chooser);
}

static void
run_chooser (VigieWindow          *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept_label,
             const char           *current_name,
             ChosenFunc            chosen)
{
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept_label,
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_dataset_filters (GTK_FILE_CHOOSER (chooser), action == GTK_FILE_CHOOSER_ACTION_OPEN);

  if (self->store != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (vigie_store_get_path (self->store));
      g_autoptr(GFile) folder = g_file_new_for_path (dir);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  if (current_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), current_name);

  g_object_set_data (G_OBJECT (chooser), "vigie-chosen", chosen);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
new_database_chosen (VigieWindow *self,
                     const char  *path)
{
  vigie_window_create_database (self, path);
}

static void
open_database_chosen (VigieWindow *self,
                      const char  *path)
{
  vigie_window_open_database (self, path);
}

static void
save_copy_chosen (VigieWindow *self,
                  const char  *path)
{
  vigie_window_save_copy (self, path);
}

static void
new_database_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  /* Translators: the suggested file name of a new dataset; keep the .db extension */
  run_chooser (VIGIE_WINDOW (widget), _("New Dataset"), GTK_FILE_CHOOSER_ACTION_SAVE,
               _("C_reate"), _("New dataset.db"), new_database_chosen);
}

static void
open_database_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  run_chooser (VIGIE_WINDOW (widget), _("Open Dataset"), GTK_FILE_CHOOSER_ACTION_OPEN,
               _("_Open"), NULL, open_database_chosen);
}

static void
save_copy_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VigieWindow *self = VIGIE_WINDOW (widget);
  g_autofree char *name = NULL;
  g_autofree char *suggested = NULL;
  const char *dot;

  if (self->store == NULL)
    return;

  name = g_filename_display_basename (vigie_store_get_path (self->store));
  dot = strrchr (name, '.');
  if (dot != NULL && dot != name)
    {
      g_autofree char *stem = g_strndup (name, dot - name);

      /* Translators: suggested name of a copy; %1$s is the name without extension,
       * %2$s the extension (".db") */
      suggested = g_strdup_printf (_("%1$s (copy)%2$s"), stem, dot);
    }
  else
    /* Translators: suggested name of a copy; %s is the original file name */
    suggested = g_strdup_printf (_("%s (copy)"), name);

  run_chooser (self, _("Save a Copy"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
               suggested, save_copy_chosen);
}

static void
open_recent_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  vigie_window_open_database (VIGIE_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Pages ------------------------------------------------------------------------------- */

static void
show_page_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  vigie_window_show_page (VIGIE_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VigieWindow *self = VIGIE_WINDOW (widget);
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  GtkWidget *page = name != NULL ? vigie_window_get_page (self, name) : NULL;

  /* Each page that can be searched installs "page.search". */
  if (page == NULL || !gtk_widget_activate_action (page, "page.search", NULL))
    gtk_widget_error_bell (widget);
}

/* Welcome page and demo dataset ------------------------------------------------------- */

typedef struct
{
  GWeakRef      window;
  char         *path;
  VigieStore   *store;    /* the window's connection, created on the main thread */
  VigieStore   *worker;   /* the thread's own connection */
  GCancellable *cancellable;
  GApplication *app;      /* held until the result is back, so quitting waits for it */

  GMutex        mutex;    /* guards the fields below */
  double        fraction;
  char         *stage;
  gboolean      update_pending;
} DemoJob;

static void
demo_job_clear (DemoJob *job)
{
  g_weak_ref_clear (&job->window);
  g_free (job->path);
  g_clear_object (&job->store);
  g_clear_object (&job->worker);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->app);
  g_mutex_clear (&job->mutex);
  g_free (job->stage);
}

static void
demo_job_unref (gpointer job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify) demo_job_clear);
}

static gboolean
demo_progress_update_cb (gpointer user_data)
{
  DemoJob *job = user_data;
  g_autoptr(VigieWindow) self = g_weak_ref_get (&job->window);
  g_autofree char *stage = NULL;
  double fraction;

  g_mutex_lock (&job->mutex);
  fraction = job->fraction;
  stage = g_strdup (job->stage);
  job->update_pending = FALSE;
  g_mutex_unlock (&job->mutex);

  if (self != NULL && self->demo_cancellable == job->cancellable)
    {
      g_autofree char *text = NULL;

      /* Translators: progress of the demo generator: %1$s is a stage ("Findings"),
       * %2$.0f the percentage done */
      text = g_strdup_printf (_("%1$s — %2$.0f %%"), stage != NULL ? stage : "",
                              CLAMP (fraction, 0.0, 1.0) * 100.0);
      gtk_progress_bar_set_fraction (self->demo_progress, CLAMP (fraction, 0.0, 1.0));
      gtk_progress_bar_set_text (self->demo_progress, text);
    }
  return G_SOURCE_REMOVE;
}

/* Called from the worker thread. */
static void
demo_progress_cb (double      fraction,
                  const char *stage,
                  gpointer    user_data)
{
  DemoJob *job = user_data;
  gboolean schedule;

  g_mutex_lock (&job->mutex);
  job->fraction = fraction;
  if (g_strcmp0 (job->stage, stage) != 0)
    {
      g_free (job->stage);
      job->stage = g_strdup (stage);
    }
  schedule = !job->update_pending;
  job->update_pending = TRUE;
  g_mutex_unlock (&job->mutex);

  if (schedule)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, demo_progress_update_cb,
                     g_atomic_rc_box_acquire (job), demo_job_unref);
}

static void
demo_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  DemoJob *job = task_data;
  VigieDemoOptions options = {
    .n_sites = 200,
    .n_findings = 2000,
    .seed = 1,
    .today = NULL,
  };
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = vigie_demo_generate (job->worker, &options, demo_progress_cb, job, cancellable,
                            &error);
  /* Close the thread's connection here, where it was used. */
  g_clear_object (&job->worker);

  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
demo_generated_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  VigieWindow *self = VIGIE_WINDOW (source);
  DemoJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean window_gone = self->demo_cancellable != job->cancellable;

  if (job->app != NULL)
    {
      g_application_release (job->app);
      g_clear_object (&job->app);
    }

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* The generator writes all or nothing: remove the file made for it. */
      g_clear_object (&job->store);
      vigie_window_delete_dataset_files (job->path);
      if (window_gone)
        return;

      g_clear_object (&self->demo_cancellable);
      vigie_window_show_welcome (self, job->path);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        vigie_window_show_error (self, _("Could Not Create the Demo Dataset"),
                                 error->message);
      return;
    }

  if (window_gone)
    return;

  g_clear_object (&self->demo_cancellable);
  vigie_window_set_store (self, job->store);
  vigie_window_show_page (self, "factories");
  vigie_window_add_toast (self, adw_toast_new (_("Demo dataset created")));
}

static void
create_demo_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VigieWindow *self = VIGIE_WINDOW (widget);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  DemoJob *job;

  if (self->welcome_path == NULL || self->demo_cancellable != NULL
      || g_file_test (self->welcome_path, G_FILE_TEST_EXISTS))
    return;

  job = g_atomic_rc_box_new0 (DemoJob);
  g_weak_ref_init (&job->window, self);
  g_mutex_init (&job->mutex);
  job->path = g_strdup (self->welcome_path);

  {
    g_autofree char *dir = g_path_get_dirname (job->path);

    if (g_mkdir_with_parents (dir, 0700) != 0)
      {
        g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (errno),
                     /* Translators: %s is a folder */
                     _("The folder “%s” could not be created."), dir);
        goto failed;
      }
  }

  /* The schema is created here; the thread only fills it, on its own connection. */
  job->store = vigie_store_open (job->path, &error);
  if (job->store == NULL)
    goto failed;
  job->worker = vigie_store_open_another (job->store, &error);
  if (job->worker == NULL)
    {
      g_clear_object (&job->store);
      vigie_window_delete_dataset_files (job->path);
      goto failed;
    }

  self->demo_cancellable = g_cancellable_new ();
  job->cancellable = g_object_ref (self->demo_cancellable);
  if (gtk_window_get_application (GTK_WINDOW (self)) != NULL)
    {
      job->app = g_object_ref (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
      g_application_hold (job->app);
    }

  gtk_progress_bar_set_fraction (self->demo_progress, 0.0);
  gtk_progress_bar_set_text (self->demo_progress, _("Starting…"));
  adw_status_page_set_description (self->progress_page,
                                   _("Generating realistic sites, investigations, "
                                     "findings, chemical inventories and remediation "
                                     "actions. Nothing in it is real."));
  gtk_stack_set_visible_child_name (self->main_stack, "progress");
  vigie_window_update_actions (self);

  task = g_task_new (self, self->demo_cancellable, demo_generated_cb, NULL);
  g_task_set_source_tag (task, create_demo_activated);
  g_task_set_name (task, "[vigie] demo dataset");
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_task_data (task, job, demo_job_unref);
  g_task_run_in_thread (task, demo_thread);
  return;

failed:
  vigie_window_show_error (self, _("Could Not Create the Demo Dataset"), error->message);
  demo_job_unref (job);
}

static void
start_empty_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VigieWindow *self = VIGIE_WINDOW (widget);
  g_autofree char *path = g_strdup (self->welcome_path);

  if (path != NULL)
    vigie_window_create_database (self, path);
}

static void
cancel_demo_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VigieWindow *self = VIGIE_WINDOW (widget);

  if (self->demo_cancellable != NULL)
    {
      g_cancellable_cancel (self->demo_cancellable);
      gtk_progress_bar_set_text (self->demo_progress, _("Cancelling…"));
      gtk_widget_action_set_enabled (widget, "win.cancel-demo", FALSE);
    }
}

void
vigie_window_class_install_actions (GtkWidgetClass *widget_class)
{
  /* Accelerators are set by the application (gtk_application_set_accels_for_action) so
   * that menus show them; every one is listed in resources/vigie-shortcuts-window.ui. */
  gtk_widget_class_install_action (widget_class, "win.new-database", NULL,
                                   new_database_activated);
  gtk_widget_class_install_action (widget_class, "win.open-database", NULL,
                                   open_database_activated);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_activated);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s",
                                   open_recent_activated);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.create-demo", NULL,
                                   create_demo_activated);
  gtk_widget_class_install_action (widget_class, "win.start-empty", NULL,
                                   start_empty_activated);
  gtk_widget_class_install_action (widget_class, "win.cancel-demo", NULL,
                                   cancel_demo_activated);
}

/* vigie-import-dialog.c — check an Open Supply Hub facility list, then import it.
 *
 * Both passes run vigie_import_factories() in a worker thread with its own connection, so
 * the window stays responsive on large files; the first pass is a dry run whose report
 * decides whether Import is offered at all (an import is all or nothing).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "vigie-factories-private.h"
#include "vigie-import-dialog.h"
#include "vigie-import.h"
#include "vigie-reference.h"

/* Rows listed in the report; a note says how many more there are. */
#define MAX_LISTED 200

struct _VigieImportDialog
{
  AdwWindow          parent_instance;

  AdwWindowTitle    *window_title;
  GtkWidget         *import_button;
  GtkStack          *stack;
  AdwStatusPage     *working_page;
  GtkProgressBar    *progress_bar;
  GtkLabel          *summary_label;
  GtkLabel          *detail_label;
  GtkListBox        *rows_box;
  AdwStatusPage     *error_page;

  VigieStore        *store;
  GFile             *file;
  GCancellable      *cancellable;
  guint              progress_source;
  gint               progress;        /* per mille, written by the worker (atomic) */
  gboolean           can_import;
  guint              n_listed;
};

G_DEFINE_FINAL_TYPE (VigieImportDialog, vigie_import_dialog, ADW_TYPE_WINDOW)

enum
{
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  VigieStore *store;
  char       *path;
  gboolean    dry_run;
  gint       *progress;   /* in the dialog, which the task keeps alive */
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_object_unref (job->store);
  g_free (job->path);
  g_free (job);
}

static void
job_progress_cb (double      fraction,
                 const char *stage,
                 gpointer    user_data)
{
  ImportJob *job = user_data;

  g_atomic_int_set (job->progress, (gint) CLAMP (fraction * 1000.0, 0.0, 1000.0));
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(VigieStore) store = NULL;
  GError *error = NULL;
  VigieImportReport *report;

  store = vigie_store_open_another (job->store, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  report = vigie_import_factories (store, job->path, job->dry_run, job_progress_cb, job,
                                   cancellable, &error);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, (GDestroyNotify) vigie_import_report_free);
}

static gboolean
update_progress_cb (gpointer user_data)
{
  VigieImportDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar,
                                 g_atomic_int_get (&self->progress) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
stop_progress (VigieImportDialog *self)
{
  g_clear_handle_id (&self->progress_source, g_source_remove);
}

static char *
file_display_name (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info != NULL)
    return g_strdup (g_file_info_get_display_name (info));
  return g_file_get_basename (file);
}

static void
show_error (VigieImportDialog *self,
            const char        *message)
{
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  self->can_import = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.import", FALSE);
}

/* ─── The report ─────────────────────────────────────────────────────────── */

static GtkWidget *
report_row_new (const VigieImportRow *r)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *name = r->name != NULL && *r->name != '\0' ? r->name : _("(no name)");

  /* Translators: a row of the imported file: "Row 7 · Foxconn Zhengzhou" */
  title = g_strdup_printf (_("Row %1$u · %2$s"), r->row, name);
  switch (r->outcome)
    {
    case VIGIE_IMPORT_REJECT:
      icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
      gtk_widget_add_css_class (icon, "error");
      /* Translators: why a row of the file is rejected: "Field “country”: …" */
      subtitle = g_strdup_printf (_("Field “%1$s”: %2$s"),
                                  r->field != NULL ? r->field : "", r->reason);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Rejected"), -1);
      break;
    case VIGIE_IMPORT_MATCH:
      icon = gtk_image_new_from_icon_name ("emblem-default-symbolic");
      gtk_widget_add_css_class (icon, "dim-label");
      if (r->matched_row > 0)
        subtitle = g_strdup_printf (_("Already present: the same site as row %u"),
                                    r->matched_row);
      else
        subtitle = g_strdup (_("Already present in the dataset"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Already present"), -1);
      break;
    case VIGIE_IMPORT_ADD:
    default:
      {
        const char *country = vigie_reference_country_label (r->country);

        icon = gtk_image_new_from_icon_name ("list-add-symbolic");
        gtk_widget_add_css_class (icon, "success");
        /* Translators: %s is a country */
        subtitle = g_strdup_printf (_("To add, in %s"),
                                    country != NULL ? country
                                    : r->country != NULL ? r->country : "");
        gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, _("To add"), -1);
      }
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

static void
list_rows (VigieImportDialog *self,
           VigieImportReport *report)
{
  GPtrArray *rows = vigie_import_report_get_rows (report);
  /* Rejected rows first: they are what the analyst has to act on. */
  const VigieImportOutcome order[] = { VIGIE_IMPORT_REJECT, VIGIE_IMPORT_MATCH,
                                       VIGIE_IMPORT_ADD };
  guint total = 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rows_box))) != NULL)
    gtk_list_box_remove (self->rows_box, child);
  self->n_listed = 0;

  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    for (guint i = 0; i < rows->len; i++)
      {
        const VigieImportRow *r = g_ptr_array_index (rows, i);

        if (r->outcome != order[k])
          continue;
        total++;
        if (self->n_listed >= MAX_LISTED)
          continue;
        gtk_list_box_append (self->rows_box, report_row_new (r));
        self->n_listed++;
      }

  if (total > self->n_listed)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *more = vigie_factories_format_count (total - self->n_listed);
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "… and %s more row",
                                                             "… and %s more rows",
                                                             total - self->n_listed),
                                                more);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->rows_box, row);
    }
  gtk_widget_set_visible (gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (self->rows_box))),
                          total > 0);
}

static char *
summary_text (VigieImportReport *report)
{
  guint added = vigie_import_report_get_n_added (report);
  guint matched = vigie_import_report_get_n_matched (report);
  guint rejected = vigie_import_report_get_n_rejected (report);
  g_autofree char *n_added = vigie_factories_format_count (added);
  g_autofree char *n_matched = vigie_factories_format_count (matched);
  g_autofree char *n_rejected = vigie_factories_format_count (rejected);
  g_autofree char *a = NULL;
  g_autofree char *m = NULL;
  g_autofree char *r = NULL;

  /* Translators: part of "12 to add, 3 already present, 0 rejected" (sites) */
  a = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s to add", "%s to add", added),
                       n_added);
  /* Translators: part of "12 to add, 3 already present, 0 rejected" (sites) */
  m = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s already present",
                                    "%s already present", matched), n_matched);
  /* Translators: part of "12 to add, 3 already present, 0 rejected" (rows) */
  r = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s rejected", "%s rejected", rejected),
                       n_rejected);
  /* Translators: the summary of a checked file: "12 to add, 3 already present, 0 rejected" */
  return g_strdup_printf (_("%1$s, %2$s, %3$s"), a, m, r);
}

static void
show_report (VigieImportDialog *self,
             VigieImportReport *report)
{
  g_autofree char *summary = summary_text (report);
  g_autofree char *name = file_display_name (self->file);
  g_autofree char *detail = NULL;
  guint rejected = vigie_import_report_get_n_rejected (report);
  guint added = vigie_import_report_get_n_added (report);

  gtk_label_set_label (self->summary_label, summary);
  if (rejected > 0)
    {
      /* Translators: %s is a file name */
      detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "“%s” will not be imported: correct the rejected "
                                             "row in the file and try again. Nothing was "
                                             "changed.",
                                             "“%s” will not be imported: correct the rejected "
                                             "rows in the file and try again. Nothing was "
                                             "changed.", rejected), name);
      gtk_widget_add_css_class (GTK_WIDGET (self->detail_label), "error");
    }
  else if (added == 0)
    detail = g_strdup_printf (_("Every site of “%s” is already in the dataset: there is "
                                "nothing to import."), name);
  else
    {
      g_autofree char *n = vigie_factories_format_count (added);

      /* Translators: "Import adds 12 sites from “factories.csv”." */
      detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Import adds %1$s site from “%2$s”.",
                                             "Import adds %1$s sites from “%2$s”.", added),
                                n, name);
    }
  gtk_label_set_label (self->detail_label, detail);
  list_rows (self, report);

  self->can_import = rejected == 0 && added > 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.import", self->can_import);
  gtk_stack_set_visible_child_name (self->stack, "report");
}

/* ─── Running ────────────────────────────────────────────────────────────── */

static void
run_job (VigieImportDialog   *self,
         gboolean             dry_run,
         GAsyncReadyCallback  callback)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job = g_new0 (ImportJob, 1);

  job->store = g_object_ref (self->store);
  job->path = g_file_get_path (self->file);
  job->dry_run = dry_run;
  job->progress = &self->progress;
  g_atomic_int_set (&self->progress, 0);

  adw_status_page_set_title (self->working_page,
                             dry_run ? _("Checking the File…") : _("Importing…"));
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_stack_set_visible_child_name (self->stack, "working");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.import", FALSE);
  stop_progress (self);
  self->progress_source = g_timeout_add (100, update_progress_cb, self);

  task = g_task_new (self, self->cancellable, callback, NULL);
  g_task_set_source_tag (task, run_job);
  g_task_set_task_data (task, job, import_job_free);
  g_task_run_in_thread (task, import_thread);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  VigieImportDialog *self = VIGIE_IMPORT_DIALOG (source);
  g_autoptr(VigieImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  stop_progress (self);
  report = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (report == NULL)
    {
      show_error (self, error->message);
      return;
    }
  if (!vigie_import_report_get_written (report))
    {
      /* The file changed since it was checked: show why nothing was written. */
      show_report (self, report);
      return;
    }
  g_signal_emit (self, signals[IMPORTED], 0, vigie_import_report_get_n_added (report));
  gtk_window_close (GTK_WINDOW (self));
}

static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  VigieImportDialog *self = VIGIE_IMPORT_DIALOG (source);
  g_autoptr(VigieImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  stop_progress (self);
  report = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (report == NULL)
    {
      show_error (self, error->message);
      return;
    }
  show_report (self, report);
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VigieImportDialog *self = VIGIE_IMPORT_DIALOG (widget);

  if (!self->can_import)
    return;
  self->can_import = FALSE;
  run_job (self, FALSE, import_done_cb);
}

/* ─── Accessors, class ───────────────────────────────────────────────────── */

const char *
vigie_import_dialog_get_state (VigieImportDialog *self)
{
  g_return_val_if_fail (VIGIE_IS_IMPORT_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
vigie_import_dialog_get_summary (VigieImportDialog *self)
{
  g_return_val_if_fail (VIGIE_IS_IMPORT_DIALOG (self), NULL);
  return gtk_label_get_label (self->summary_label);
}

gboolean
vigie_import_dialog_get_can_import (VigieImportDialog *self)
{
  g_return_val_if_fail (VIGIE_IS_IMPORT_DIALOG (self), FALSE);
  return self->can_import;
}

guint
vigie_import_dialog_get_n_listed (VigieImportDialog *self)
{
  g_return_val_if_fail (VIGIE_IS_IMPORT_DIALOG (self), 0);
  return self->n_listed;
}

static gboolean
vigie_import_dialog_close_request (GtkWindow *window)
{
  VigieImportDialog *self = VIGIE_IMPORT_DIALOG (window);

  /* A dry run is simply dropped; a real import is all or nothing, so cancelling it
   * leaves the dataset as it was. */
  g_cancellable_cancel (self->cancellable);
  stop_progress (self);
  return GTK_WINDOW_CLASS (vigie_import_dialog_parent_class)->close_request (window);
}

static void
vigie_import_dialog_dispose (GObject *object)
{
  VigieImportDialog *self = VIGIE_IMPORT_DIALOG (object);

  stop_progress (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (vigie_import_dialog_parent_class)->dispose (object);
}

static void
vigie_import_dialog_class_init (VigieImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = vigie_import_dialog_dispose;
  window_class->close_request = vigie_import_dialog_close_request;

  /**
   * VigieImportDialog::imported:
   * @n_added: the number of sites added
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vigie/Vigie/vigie-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VigieImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, VigieImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, VigieImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, VigieImportDialog, working_page);
  gtk_widget_class_bind_template_child (widget_class, VigieImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, VigieImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, VigieImportDialog, detail_label);
  gtk_widget_class_bind_template_child (widget_class, VigieImportDialog, rows_box);
  gtk_widget_class_bind_template_child (widget_class, VigieImportDialog, error_page);

  gtk_widget_class_install_action (widget_class, "dialog.import", NULL, import_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vigie_import_dialog_init (VigieImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.import", FALSE);
}

VigieImportDialog *
vigie_import_dialog_new (GtkWindow  *parent,
                         VigieStore *store,
                         GFile      *file)
{
  VigieImportDialog *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (VIGIE_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->file = g_object_ref (file);
  name = file_display_name (file);
  adw_window_title_set_subtitle (self->window_title, name);
  run_job (self, TRUE, check_done_cb);
  return self;
}

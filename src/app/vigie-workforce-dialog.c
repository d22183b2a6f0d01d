/* vigie-workforce-dialog.c — add or edit one workforce snapshot of a site.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "vigie-factories-private.h"
#include "vigie-vocab.h"
#include "vigie-workforce-dialog.h"

/* The number rows, in the order of the form, by record member. */
enum
{
  NUM_TOTAL,
  NUM_TOTAL_MIN,
  NUM_TOTAL_MAX,
  NUM_WOMEN,
  NUM_MIGRANT,
  NUM_AGENCY,
  NUM_TEMPORARY,
  NUM_STUDENT,
  NUM_UNDER18,
  N_NUMBERS
};

static const char *const number_fields[N_NUMBERS] = {
  "total", "total_min", "total_max", "women", "migrant", "agency", "temporary", "student",
  "under18",
};

struct _VigieWorkforceDialog
{
  AdwWindow             parent_instance;

  AdwWindowTitle       *window_title;
  GtkWidget            *save_button;
  GtkWidget            *as_of_row;
  AdwComboRow          *source_row;
  GtkWidget            *total_row;
  GtkWidget            *total_min_row;
  GtkWidget            *total_max_row;
  GtkWidget            *women_row;
  GtkWidget            *migrant_row;
  GtkWidget            *agency_row;
  GtkWidget            *temporary_row;
  GtkWidget            *student_row;
  GtkWidget            *under18_row;
  AdwComboRow          *union_row;
  GtkWidget            *notes_row;

  GtkWidget            *number_rows[N_NUMBERS];
  GtkWidget            *number_errors[N_NUMBERS];
  GtkWidget            *as_of_error;

  VigieStore           *store;
  VigieWorkforceRecord *record;   /* as loaded: id, site_id */
  gboolean              valid;
};

G_DEFINE_FINAL_TYPE (VigieWorkforceDialog, vigie_workforce_dialog, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Reads the form. NUMBER_REASONS[i] is set for a number row whose text is not a number
 * (and the member is then -1); AS_OF is kept as typed. */
static VigieWorkforceRecord *
record_from_form (VigieWorkforceDialog *self,
                  const char          **number_reasons)
{
  VigieWorkforceRecord *r = vigie_workforce_record_new ();
  gint64 *members[N_NUMBERS] = {
    &r->total, &r->total_min, &r->total_max, &r->women, &r->migrant, &r->agency,
    &r->temporary, &r->student, &r->under18,
  };
  const VigieVocabEntry *sources = vigie_vocab_entries (VIGIE_VOCAB_WORKFORCE_SOURCE, NULL);
  guint source = adw_combo_row_get_selected (self->source_row);
  g_autofree char *as_of = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->as_of_row)));

  r->id = self->record->id;
  r->site_id = self->record->site_id;
  g_free (r->as_of);
  r->as_of = g_strdup (g_strstrip (as_of));
  g_free (r->source);
  r->source = g_strdup (source != GTK_INVALID_LIST_POSITION ? sources[source].code : "");

  for (guint i = 0; i < N_NUMBERS; i++)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->number_rows[i]));

      number_reasons[i] = NULL;
      if (!vigie_factories_parse_count (text, members[i]))
        {
          *members[i] = -1;
          number_reasons[i] = _("Enter a whole number of workers, such as 1200");
        }
    }

  switch (adw_combo_row_get_selected (self->union_row))
    {
    case 1:
      r->union_present = 1;
      break;
    case 2:
      r->union_present = 0;
      break;
    default:
      r->union_present = -1;
    }

  g_free (r->notes);
  r->notes = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->notes_row)));
  return r;
}

static const char *
first_reason (GPtrArray  *errors,
              const char *field)
{
  for (guint i = 0; i < errors->len; i++)
    {
      VigieFieldError *e = g_ptr_array_index (errors, i);

      if (g_strcmp0 (e->field, field) == 0)
        return e->reason;
    }
  return NULL;
}

static void
validate (VigieWorkforceDialog *self)
{
  const char *number_reasons[N_NUMBERS];
  g_autoptr(VigieWorkforceRecord) record = record_from_form (self, number_reasons);
  g_autoptr(GPtrArray) errors = vigie_workforce_validate (record);
  gboolean valid = errors->len == 0;

  vigie_factories_set_row_error (self->as_of_row, self->as_of_error,
                                 first_reason (errors, "as_of"));
  for (guint i = 0; i < N_NUMBERS; i++)
    {
      const char *reason = number_reasons[i];

      if (reason == NULL)
        reason = first_reason (errors, number_fields[i]);
      else
        valid = FALSE;
      vigie_factories_set_row_error (self->number_rows[i], self->number_errors[i], reason);
    }

  self->valid = valid;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", valid);
}

static void
form_changed_cb (VigieWorkforceDialog *self)
{
  validate (self);
}

static void
set_count (GtkWidget *row,
           gint64     value)
{
  g_autofree char *text = value >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, value)
                                     : g_strdup ("");

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
load_record (VigieWorkforceDialog *self)
{
  const VigieWorkforceRecord *r = self->record;
  const gint64 values[N_NUMBERS] = {
    r->total, r->total_min, r->total_max, r->women, r->migrant, r->agency, r->temporary,
    r->student, r->under18,
  };
  int source = vigie_vocab_index (VIGIE_VOCAB_WORKFORCE_SOURCE, r->source);

  gtk_editable_set_text (GTK_EDITABLE (self->as_of_row), r->as_of != NULL ? r->as_of : "");
  adw_combo_row_set_selected (self->source_row, source >= 0 ? (guint) source : 0);
  for (guint i = 0; i < N_NUMBERS; i++)
    set_count (self->number_rows[i], values[i]);
  adw_combo_row_set_selected (self->union_row,
                              r->union_present == 1 ? 1 : r->union_present == 0 ? 2 : 0);
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row), r->notes != NULL ? r->notes : "");

  adw_window_title_set_title (self->window_title,
                              r->id == 0 ? _("New Workforce Figures")
                                         : _("Workforce Figures"));
}

gboolean
vigie_workforce_dialog_save (VigieWorkforceDialog  *self,
                             GError               **error)
{
  const char *number_reasons[N_NUMBERS];
  g_autoptr(VigieWorkforceRecord) record = NULL;
  gint64 id;

  g_return_val_if_fail (VIGIE_IS_WORKFORCE_DIALOG (self), FALSE);

  validate (self);
  if (!self->valid)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Some figures are not valid: correct the marked fields."));
      return FALSE;
    }

  record = record_from_form (self, number_reasons);
  if (record->id == 0)
    {
      id = vigie_store_insert_workforce (self->store, record, error);
      if (id <= 0)
        return FALSE;
    }
  else
    {
      if (!vigie_store_update_workforce (self->store, record, error))
        return FALSE;
      id = record->id;
    }

  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VigieWorkforceDialog *self = VIGIE_WORKFORCE_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!vigie_workforce_dialog_save (self, &error) && self->valid)
    {
      /* The figures were valid but the database refused them: say so in place. */
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      vigie_factories_add_toast (gtk_window_get_transient_for (GTK_WINDOW (self)) != NULL
                                 ? GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self)))
                                 : widget, toast);
    }
}

GtkWidget *
vigie_workforce_dialog_get_row (VigieWorkforceDialog *self,
                                const char           *field)
{
  g_return_val_if_fail (VIGIE_IS_WORKFORCE_DIALOG (self), NULL);

  if (g_strcmp0 (field, "as_of") == 0)
    return self->as_of_row;
  if (g_strcmp0 (field, "source") == 0)
    return GTK_WIDGET (self->source_row);
  if (g_strcmp0 (field, "union_present") == 0)
    return GTK_WIDGET (self->union_row);
  if (g_strcmp0 (field, "notes") == 0)
    return self->notes_row;
  for (guint i = 0; i < N_NUMBERS; i++)
    if (g_strcmp0 (field, number_fields[i]) == 0)
      return self->number_rows[i];
  return NULL;
}

static void
vigie_workforce_dialog_dispose (GObject *object)
{
  VigieWorkforceDialog *self = VIGIE_WORKFORCE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->record, vigie_workforce_record_free);

  G_OBJECT_CLASS (vigie_workforce_dialog_parent_class)->dispose (object);
}

static void
vigie_workforce_dialog_class_init (VigieWorkforceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigie_workforce_dialog_dispose;

  /**
   * VigieWorkforceDialog::saved:
   * @id: the snapshot written
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vigie/Vigie/vigie-workforce-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VigieWorkforceDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, VigieWorkforceDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, VigieWorkforceDialog, as_of_row);
  gtk_widget_class_bind_template_child (widget_class, VigieWorkforceDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, VigieWorkforceDialog, total_row);
  gtk_widget_class_bind_template_child (widget_class, VigieWorkforceDialog, total_min_row);
  gtk_widget_class_bind_template_child (widget_class, VigieWorkforceDialog, total_max_row);
  gtk_widget_class_bind_template_child (widget_class, VigieWorkforceDialog, women_row);
  gtk_widget_class_bind_template_child (widget_class, VigieWorkforceDialog, migrant_row);
  gtk_widget_class_bind_template_child (widget_class, VigieWorkforceDialog, agency_row);
  gtk_widget_class_bind_template_child (widget_class, VigieWorkforceDialog, temporary_row);
  gtk_widget_class_bind_template_child (widget_class, VigieWorkforceDialog, student_row);
  gtk_widget_class_bind_template_child (widget_class, VigieWorkforceDialog, under18_row);
  gtk_widget_class_bind_template_child (widget_class, VigieWorkforceDialog, union_row);
  gtk_widget_class_bind_template_child (widget_class, VigieWorkforceDialog, notes_row);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "dialog.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vigie_workforce_dialog_init (VigieWorkforceDialog *self)
{
  g_autoptr(GtkStringList) sources = gtk_string_list_new (NULL);
  const VigieVocabEntry *entries;
  guint n = 0;

  gtk_widget_init_template (GTK_WIDGET (self));

  entries = vigie_vocab_entries (VIGIE_VOCAB_WORKFORCE_SOURCE, &n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (sources, vigie_vocab_label (VIGIE_VOCAB_WORKFORCE_SOURCE,
                                                        entries[i].code));
  adw_combo_row_set_model (self->source_row, G_LIST_MODEL (sources));

  self->number_rows[NUM_TOTAL] = self->total_row;
  self->number_rows[NUM_TOTAL_MIN] = self->total_min_row;
  self->number_rows[NUM_TOTAL_MAX] = self->total_max_row;
  self->number_rows[NUM_WOMEN] = self->women_row;
  self->number_rows[NUM_MIGRANT] = self->migrant_row;
  self->number_rows[NUM_AGENCY] = self->agency_row;
  self->number_rows[NUM_TEMPORARY] = self->temporary_row;
  self->number_rows[NUM_STUDENT] = self->student_row;
  self->number_rows[NUM_UNDER18] = self->under18_row;

  self->as_of_error = vigie_factories_error_label_new ();
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self->as_of_row), self->as_of_error);
  for (guint i = 0; i < N_NUMBERS; i++)
    {
      self->number_errors[i] = vigie_factories_error_label_new ();
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (self->number_rows[i]), self->number_errors[i]);
    }
}

static VigieWorkforceRecord *
copy_record (const VigieWorkforceRecord *r)
{
  VigieWorkforceRecord *copy = vigie_workforce_record_new ();

  copy->id = r->id;
  copy->site_id = r->site_id;
  g_free (copy->as_of);
  copy->as_of = g_strdup (r->as_of);
  g_free (copy->source);
  copy->source = g_strdup (r->source);
  copy->total = r->total;
  copy->total_min = r->total_min;
  copy->total_max = r->total_max;
  copy->women = r->women;
  copy->migrant = r->migrant;
  copy->agency = r->agency;
  copy->temporary = r->temporary;
  copy->student = r->student;
  copy->under18 = r->under18;
  copy->union_present = r->union_present;
  g_free (copy->notes);
  copy->notes = g_strdup (r->notes);
  return copy;
}

VigieWorkforceDialog *
vigie_workforce_dialog_new (GtkWindow                  *parent,
                            VigieStore                 *store,
                            const VigieWorkforceRecord *record)
{
  VigieWorkforceDialog *self;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);
  g_return_val_if_fail (record != NULL, NULL);

  self = g_object_new (VIGIE_TYPE_WORKFORCE_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->record = copy_record (record);
  load_record (self);

  /* Connected after loading, so filling the form does not count as typing. */
  g_signal_connect_object (self->as_of_row, "changed", G_CALLBACK (form_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->source_row, "notify::selected",
                           G_CALLBACK (form_changed_cb), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < N_NUMBERS; i++)
    g_signal_connect_object (self->number_rows[i], "changed", G_CALLBACK (form_changed_cb),
                             self, G_CONNECT_SWAPPED);
  validate (self);
  return self;
}

static void
append_group (GString    *out,
              guint       group,
              const char *value)
{
  switch (group)
    {
    case 0:
      /* Translators: part of "1,200 workers · 75 % women"; %s is a percentage */
      g_string_append_printf (out, _("%s women"), value);
      break;
    case 1:
      /* Translators: %s is a percentage of the workforce */
      g_string_append_printf (out, _("%s migrant"), value);
      break;
    case 2:
      /* Translators: %s is a percentage of the workforce (agency or dispatch workers) */
      g_string_append_printf (out, _("%s agency"), value);
      break;
    case 3:
      /* Translators: %s is a percentage of the workforce */
      g_string_append_printf (out, _("%s temporary"), value);
      break;
    case 4:
      /* Translators: %s is a percentage of the workforce (students and interns) */
      g_string_append_printf (out, _("%s students"), value);
      break;
    default:
      /* Translators: %s is a number of workers */
      g_string_append_printf (out, _("%s under 18"), value);
    }
}

char *
vigie_workforce_describe (const VigieWorkforceRecord *r)
{
  GString *out = g_string_new (NULL);
  gint64 base;
  const gint64 groups[] = {
    r->women, r->migrant, r->agency, r->temporary, r->student, r->under18,
  };

  g_return_val_if_fail (r != NULL, NULL);

  if (r->total >= 0)
    {
      g_autofree char *n = vigie_factories_format_count (r->total);

      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s worker", "%s workers",
                                                (gulong) r->total), n);
      base = r->total;
    }
  else if (r->total_max >= 0)
    {
      g_autofree char *lo = vigie_factories_format_count (MAX (r->total_min, 0));
      g_autofree char *hi = vigie_factories_format_count (r->total_max);

      /* Translators: a range of numbers of workers */
      g_string_append_printf (out, _("%1$s–%2$s workers"), lo, hi);
      base = r->total_max;
    }
  else
    base = -1;

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      g_autofree char *value = NULL;

      if (groups[i] < 0)
        continue;
      /* Under-18 workers are shown as a number: every single one matters. */
      if (i == G_N_ELEMENTS (groups) - 1 || base <= 0)
        value = vigie_factories_format_count (groups[i]);
      else
        value = vigie_factories_format_percent (100.0 * (double) groups[i] / (double) base);
      if (out->len > 0)
        g_string_append (out, " · ");
      append_group (out, i, value);
    }

  if (r->union_present >= 0)
    {
      if (out->len > 0)
        g_string_append (out, " · ");
      g_string_append (out, r->union_present == 1 ? _("union present") : _("no union"));
    }
  return g_string_free (out, FALSE);
}

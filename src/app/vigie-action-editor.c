/* vigie-action-editor.c — the form of one remediation action.
 *
 * Dates are typed as YYYY-MM-DD (the stored form) and shown in the locale's format under
 * the form; invalid input marks the row with the reason and keeps what was typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "vigie-action-editor.h"
#include "vigie-action-list.h"
#include "vigie-factories-private.h"
#include "vigie-vocab.h"

typedef struct
{
  const char *field;
  GtkWidget  *row;
  GtkWidget  *error;
} Field;

enum
{
  F_DESCRIPTION, F_ROOT_CAUSE, F_PREVENTIVE, F_AMOUNT, F_CURRENCY, F_TOTAL, F_WOMEN,
  F_MIGRANT, F_AGENCY, F_STUDENT, F_YOUNG, F_OPENED, F_PLAN_DUE, F_DUE, F_COMPLETED,
  F_NOTES, N_FIELDS
};

static const char * const field_names[N_FIELDS] = {
  "description", "root_cause", "preventive_action", "amount_minor", "currency",
  "beneficiaries_total", "beneficiaries_women", "beneficiaries_migrant",
  "beneficiaries_agency", "beneficiaries_student", "beneficiaries_young", "opened_on",
  "plan_due_on", "due_on", "completed_on", "notes",
};

struct _VigieActionEditor
{
  GtkWidget          parent_instance;

  VigieStore        *store;
  VigieActionRecord *record;           /* the action shown, NULL when empty */
  GPtrArray         *organisations;    /* VigieActionChoice, after "None" */
  GPtrArray         *evidence;         /* VigieActionChoice, after "None" */
  const char       **next_statuses;    /* static strings of the workflow */
  gboolean           loading;

  GtkWidget         *stack;
  GtkWidget         *empty_page;
  AdwPreferencesPage *page;
  AdwPreferencesGroup *action_group;
  Field              fields[N_FIELDS];
  AdwComboRow       *responsible_row;
  AdwComboRow       *remedy_row;
  AdwComboRow       *escalation_row;
  AdwActionRow      *status_row;
  AdwComboRow       *next_status_row;
  AdwEntryRow       *status_note_row;
  AdwComboRow       *evidence_row;
  GtkWidget         *change_status_button;
  GtkWidget         *save_button;
  GtkListBox        *history_list;
  guint              n_history;
};

G_DEFINE_FINAL_TYPE (VigieActionEditor, vigie_action_editor, GTK_TYPE_WIDGET)

enum { SIGNAL_SAVED, SIGNAL_STATUS_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* ─── Helpers ────────────────────────────────────────────────────────────── */

static const char *
text_of (VigieActionEditor *self,
         int                f)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->fields[f].row));
}

static void
set_text (VigieActionEditor *self,
          int                f,
          const char        *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->fields[f].row), text != NULL ? text : "");
}

static void
set_count (VigieActionEditor *self,
           int                f,
           gint64             n)
{
  g_autofree char *text = n >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, n) : g_strdup ("");

  set_text (self, f, text);
}

static void
clear_errors (VigieActionEditor *self)
{
  for (int f = 0; f < N_FIELDS; f++)
    vigie_factories_set_row_error (self->fields[f].row, self->fields[f].error, NULL);
}

static void
mark_error (VigieActionEditor *self,
            const char        *field,
            const char        *reason)
{
  for (int f = 0; f < N_FIELDS; f++)
    if (g_strcmp0 (field_names[f], field) == 0)
      {
        vigie_factories_set_row_error (self->fields[f].row, self->fields[f].error, reason);
        return;
      }
}

static GtkWidget *
entry_row (VigieActionEditor   *self,
           AdwPreferencesGroup *group,
           int                  f,
           const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  self->fields[f].field = field_names[f];
  self->fields[f].row = row;
  self->fields[f].error = vigie_factories_error_label_new ();
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), self->fields[f].error);
  adw_preferences_group_add (group, row);
  return row;
}

static AdwComboRow *
combo_row (AdwPreferencesGroup *group,
           const char          *title,
           GtkStringList       *model)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_preferences_group_add (group, row);
  return ADW_COMBO_ROW (row);
}

static GtkStringList *
vocab_model (VigieVocab vocab)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  const VigieVocabEntry *entries;
  guint n = 0;

  entries = vigie_vocab_entries (vocab, &n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, vigie_vocab_label (vocab, entries[i].code));
  return list;
}

static char *
format_date (const char *iso)
{
  g_autofree char *text = vigie_factories_format_date (iso);

  return *text != '\0' ? g_steal_pointer (&text) : g_strdup ("—");
}

/* ─── Status and history ─────────────────────────────────────────────────── */

static void
update_status_section (VigieActionEditor *self)
{
  g_autoptr(GtkStringList) next = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) evidence = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *today = NULL;
  GtkWidget *child;
  const char * const *statuses;
  int days;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);
  self->n_history = 0;
  g_clear_pointer (&self->evidence, g_ptr_array_unref);

  if (self->record == NULL || self->record->id == 0)
    {
      adw_action_row_set_subtitle (self->status_row,
                                   self->record != NULL
                                   ? vigie_vocab_label (VIGIE_VOCAB_REMEDIATION_STATUS, "proposed")
                                   : "");
      adw_combo_row_set_model (self->next_status_row, G_LIST_MODEL (next));
      adw_combo_row_set_model (self->evidence_row, G_LIST_MODEL (evidence));
      gtk_widget_set_sensitive (self->change_status_button, FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->next_status_row), FALSE);
      return;
    }

  today = g_strdup (g_getenv ("VIGIE_TODAY"));
  if (today == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      today = g_date_time_format (now, "%Y-%m-%d");
    }
  days = vigie_remediation_days_overdue (self->record->status, self->record->due_on, today);
  if (days > 0)
    {
      /* Translators: the status of an overdue action: "In progress — ⚠ overdue by 12 days" */
      g_autofree char *overdue = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%1$s — ⚠ overdue by %2$d day",
                                                               "%1$s — ⚠ overdue by %2$d days",
                                                               (gulong) days),
                                                  vigie_vocab_label (VIGIE_VOCAB_REMEDIATION_STATUS,
                                                                     self->record->status),
                                                  days);
      adw_action_row_set_subtitle (self->status_row, overdue);
      gtk_widget_add_css_class (GTK_WIDGET (self->status_row), "error");
    }
  else
    {
      adw_action_row_set_subtitle (self->status_row,
                                   vigie_vocab_label (VIGIE_VOCAB_REMEDIATION_STATUS,
                                                      self->record->status));
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_row), "error");
    }

  statuses = vigie_remediation_next_statuses (self->record->status);
  for (guint i = 0; statuses[i] != NULL; i++)
    gtk_string_list_append (next, vigie_vocab_label (VIGIE_VOCAB_REMEDIATION_STATUS,
                                                     statuses[i]));
  self->next_statuses = (const char **) statuses;
  adw_combo_row_set_model (self->next_status_row, G_LIST_MODEL (next));
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_status_row), statuses[0] != NULL);
  gtk_widget_set_sensitive (self->change_status_button, statuses[0] != NULL);

  /* Translators: no evidence attached to a status change */
  gtk_string_list_append (evidence, C_("evidence", "None"));
  self->evidence = vigie_action_list_finding_evidence (self->store, self->record->finding_id,
                                                       NULL);
  for (guint i = 0; self->evidence != NULL && i < self->evidence->len; i++)
    gtk_string_list_append (evidence,
                            ((VigieActionChoice *) g_ptr_array_index (self->evidence, i))->label);
  adw_combo_row_set_model (self->evidence_row, G_LIST_MODEL (evidence));

  history = vigie_store_list_action_history (self->store, self->record->id, NULL);
  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      VigieStatusChange *c = g_ptr_array_index (history, history->len - 1 - i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *when = format_date (c->changed_on);
      g_autofree char *subtitle = NULL;
      g_autofree char *escaped_note = g_markup_escape_text (c->note, -1);
      g_autofree char *escaped_by = g_markup_escape_text (c->changed_by, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     vigie_vocab_label (VIGIE_VOCAB_REMEDIATION_STATUS,
                                                        c->to_status));
      if (*c->note != '\0')
        /* Translators: a status history entry: date, who, note */
        subtitle = g_strdup_printf (C_("history", "%1$s · %2$s · %3$s"), when, escaped_by,
                                    escaped_note);
      else
        /* Translators: a status history entry: date and who */
        subtitle = g_strdup_printf (C_("history", "%1$s · %2$s"), when, escaped_by);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (c->evidence_id > 0)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   gtk_image_new_from_icon_name ("mail-attachment-symbolic"));
      gtk_list_box_append (self->history_list, row);
      self->n_history++;
    }
}

/* ─── Showing a record ───────────────────────────────────────────────────── */

static void
show_record (VigieActionEditor *self)
{
  VigieActionRecord *r = self->record;
  g_autofree char *finding = NULL;
  g_autofree char *amount = NULL;
  guint responsible = 0;

  self->loading = TRUE;
  clear_errors (self);
  finding = vigie_action_list_finding_label (self->store, r->finding_id);
  adw_preferences_group_set_description (self->action_group, finding != NULL ? finding : "");
  set_text (self, F_DESCRIPTION, r->description);
  set_text (self, F_ROOT_CAUSE, r->root_cause);
  set_text (self, F_PREVENTIVE, r->preventive_action);
  if (r->amount_minor >= 0)
    {
      int exponent = vigie_currency_exponent (r->currency);
      gint64 scale = 1;

      for (int i = 0; i < exponent; i++)
        scale *= 10;
      amount = exponent > 0
               ? g_strdup_printf ("%" G_GINT64_FORMAT ".%0*" G_GINT64_FORMAT,
                                  r->amount_minor / scale, exponent, r->amount_minor % scale)
               : g_strdup_printf ("%" G_GINT64_FORMAT, r->amount_minor);
    }
  set_text (self, F_AMOUNT, amount);
  set_text (self, F_CURRENCY, r->currency);
  set_count (self, F_TOTAL, r->beneficiaries_total);
  set_count (self, F_WOMEN, r->beneficiaries_women);
  set_count (self, F_MIGRANT, r->beneficiaries_migrant);
  set_count (self, F_AGENCY, r->beneficiaries_agency);
  set_count (self, F_STUDENT, r->beneficiaries_student);
  set_count (self, F_YOUNG, r->beneficiaries_young);
  set_text (self, F_OPENED, r->opened_on);
  set_text (self, F_PLAN_DUE, r->plan_due_on);
  set_text (self, F_DUE, r->due_on);
  set_text (self, F_COMPLETED, r->completed_on);
  set_text (self, F_NOTES, r->notes);

  for (guint i = 0; self->organisations != NULL && i < self->organisations->len; i++)
    if (((VigieActionChoice *) g_ptr_array_index (self->organisations, i))->id == r->responsible_id)
      responsible = i + 1;
  adw_combo_row_set_selected (self->responsible_row, responsible);
  adw_combo_row_set_selected (self->remedy_row,
                              (guint) MAX (0, vigie_vocab_index (VIGIE_VOCAB_REMEDY_TYPE,
                                                                 r->remedy_type)));
  adw_combo_row_set_selected (self->escalation_row,
                              (guint) MAX (0, vigie_vocab_index (VIGIE_VOCAB_ESCALATION_LEVEL,
                                                                 r->escalation_level)));
  gtk_editable_set_text (GTK_EDITABLE (self->status_note_row), "");
  update_status_section (self);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "form");
  self->loading = FALSE;
}

static void
load_organisations (VigieActionEditor *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  /* Translators: no organisation responsible for an action */
  gtk_string_list_append (model, C_("organisation", "None"));
  if (self->store != NULL)
    self->organisations = vigie_action_list_organisations (self->store, NULL);
  for (guint i = 0; self->organisations != NULL && i < self->organisations->len; i++)
    gtk_string_list_append (model,
                            ((VigieActionChoice *) g_ptr_array_index (self->organisations, i))->label);
  adw_combo_row_set_model (self->responsible_row, G_LIST_MODEL (model));
}

void
vigie_action_editor_set_store (VigieActionEditor *self,
                               VigieStore        *store)
{
  g_return_if_fail (VIGIE_IS_ACTION_EDITOR (self));

  if (!g_set_object (&self->store, store))
    return;
  vigie_action_editor_clear (self);
  load_organisations (self);
}

gboolean
vigie_action_editor_load (VigieActionEditor  *self,
                          gint64              id,
                          GError            **error)
{
  VigieActionRecord *r;

  g_return_val_if_fail (VIGIE_IS_ACTION_EDITOR (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  r = vigie_store_get_action (self->store, id, error);
  if (r == NULL)
    return FALSE;
  g_clear_pointer (&self->record, vigie_action_record_free);
  self->record = r;
  show_record (self);
  return TRUE;
}

gboolean
vigie_action_editor_new_action (VigieActionEditor    *self,
                                gint64                finding_id,
                                const VigieDeadlines *deadlines,
                                GError              **error)
{
  VigieActionRecord *r;

  g_return_val_if_fail (VIGIE_IS_ACTION_EDITOR (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  r = vigie_store_new_action_for_finding (self->store, finding_id, NULL, deadlines, error);
  if (r == NULL)
    return FALSE;
  g_clear_pointer (&self->record, vigie_action_record_free);
  self->record = r;
  show_record (self);
  gtk_widget_grab_focus (self->fields[F_DESCRIPTION].row);
  return TRUE;
}

void
vigie_action_editor_clear (VigieActionEditor *self)
{
  g_return_if_fail (VIGIE_IS_ACTION_EDITOR (self));

  g_clear_pointer (&self->record, vigie_action_record_free);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
}

gint64
vigie_action_editor_get_action_id (VigieActionEditor *self)
{
  g_return_val_if_fail (VIGIE_IS_ACTION_EDITOR (self), 0);
  return self->record != NULL ? self->record->id : 0;
}

gint64
vigie_action_editor_get_finding_id (VigieActionEditor *self)
{
  g_return_val_if_fail (VIGIE_IS_ACTION_EDITOR (self), 0);
  return self->record != NULL ? self->record->finding_id : 0;
}

GtkWidget *
vigie_action_editor_get_field (VigieActionEditor *self,
                               const char        *field)
{
  for (int f = 0; f < N_FIELDS; f++)
    if (g_strcmp0 (field_names[f], field) == 0)
      return self->fields[f].row;
  return NULL;
}

guint
vigie_action_editor_get_n_history (VigieActionEditor *self)
{
  return self->n_history;
}

/* ─── Saving ─────────────────────────────────────────────────────────────── */

static char *
optional (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));

  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

gboolean
vigie_action_editor_save (VigieActionEditor  *self,
                          GError            **error)
{
  g_autoptr(VigieActionRecord) r = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *currency = NULL;
  const VigieVocabEntry *remedies = vigie_vocab_entries (VIGIE_VOCAB_REMEDY_TYPE, NULL);
  const VigieVocabEntry *levels = vigie_vocab_entries (VIGIE_VOCAB_ESCALATION_LEVEL, NULL);
  gint64 *counts[6];
  gboolean ok = TRUE;
  guint responsible;
  gint64 id;

  g_return_val_if_fail (VIGIE_IS_ACTION_EDITOR (self), FALSE);

  if (self->record == NULL)
    return TRUE;
  clear_errors (self);
  r = vigie_action_record_copy (self->record);
  g_free (r->description);
  r->description = g_strdup (text_of (self, F_DESCRIPTION));
  g_free (r->root_cause);
  r->root_cause = g_strdup (text_of (self, F_ROOT_CAUSE));
  g_free (r->preventive_action);
  r->preventive_action = g_strdup (text_of (self, F_PREVENTIVE));
  g_free (r->notes);
  r->notes = g_strdup (text_of (self, F_NOTES));
  currency = optional (text_of (self, F_CURRENCY));
  if (currency != NULL)
    {
      char *up = g_ascii_strup (currency, -1);

      g_free (currency);
      currency = up;
    }
  g_free (r->currency);
  r->currency = g_steal_pointer (&currency);
  if (!vigie_parse_money (text_of (self, F_AMOUNT), r->currency, &r->amount_minor))
    {
      /* Translators: %d is the number of decimals of the currency */
      g_autofree char *reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "Enter an amount with at most %d decimal",
                                                              "Enter an amount with at most %d decimals",
                                                              (gulong) vigie_currency_exponent (r->currency)),
                                                 vigie_currency_exponent (r->currency));
      mark_error (self, "amount_minor", reason);
      ok = FALSE;
    }
  counts[0] = &r->beneficiaries_total;
  counts[1] = &r->beneficiaries_women;
  counts[2] = &r->beneficiaries_migrant;
  counts[3] = &r->beneficiaries_agency;
  counts[4] = &r->beneficiaries_student;
  counts[5] = &r->beneficiaries_young;
  for (int i = 0; i < 6; i++)
    if (!vigie_factories_parse_count (text_of (self, F_TOTAL + i), counts[i]))
      {
        mark_error (self, field_names[F_TOTAL + i], _("Enter a whole number of workers"));
        ok = FALSE;
      }
  g_free (r->opened_on);
  r->opened_on = optional (text_of (self, F_OPENED));
  g_free (r->plan_due_on);
  r->plan_due_on = optional (text_of (self, F_PLAN_DUE));
  g_free (r->due_on);
  r->due_on = optional (text_of (self, F_DUE));
  g_free (r->completed_on);
  r->completed_on = optional (text_of (self, F_COMPLETED));
  responsible = adw_combo_row_get_selected (self->responsible_row);
  r->responsible_id = responsible > 0 && self->organisations != NULL
                      && responsible <= self->organisations->len
                      ? ((VigieActionChoice *) g_ptr_array_index (self->organisations,
                                                                  responsible - 1))->id
                      : 0;
  g_free (r->remedy_type);
  r->remedy_type = g_strdup (remedies[adw_combo_row_get_selected (self->remedy_row)].code);
  g_free (r->escalation_level);
  r->escalation_level = g_strdup (levels[adw_combo_row_get_selected (self->escalation_row)].code);

  errors = vigie_action_validate (r);
  for (guint i = 0; i < errors->len; i++)
    {
      VigieFieldError *e = g_ptr_array_index (errors, i);

      mark_error (self, e->field, e->reason);
    }
  if (!ok || errors->len > 0)
    {
      g_set_error_literal (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_CONSTRAINT,
                           errors->len > 0 ? ((VigieFieldError *) g_ptr_array_index (errors, 0))->reason
                                           : _("A field is not valid"));
      return FALSE;
    }

  if (r->id == 0)
    {
      id = vigie_store_insert_action (self->store, r, error);
      if (id == 0)
        return FALSE;
      g_signal_emit (self, signals[SIGNAL_SAVED], 0, id, TRUE);
    }
  else
    {
      if (!vigie_store_update_action (self->store, r, error))
        return FALSE;
      id = r->id;
      g_signal_emit (self, signals[SIGNAL_SAVED], 0, id, FALSE);
    }
  return vigie_action_editor_load (self, id, error);
}

gboolean
vigie_action_editor_change_status (VigieActionEditor  *self,
                                   const char         *to,
                                   GError            **error)
{
  guint evidence = adw_combo_row_get_selected (self->evidence_row);
  gint64 evidence_id = 0;
  gint64 id;

  g_return_val_if_fail (VIGIE_IS_ACTION_EDITOR (self), FALSE);

  if (self->record == NULL || self->record->id == 0)
    return FALSE;
  if (evidence > 0 && self->evidence != NULL && evidence <= self->evidence->len)
    evidence_id = ((VigieActionChoice *) g_ptr_array_index (self->evidence, evidence - 1))->id;
  id = self->record->id;
  if (!vigie_store_change_action_status (self->store, id, to, NULL, NULL,
                                         gtk_editable_get_text (GTK_EDITABLE (self->status_note_row)),
                                         evidence_id, error))
    return FALSE;
  g_signal_emit (self, signals[SIGNAL_STATUS_CHANGED], 0, id);
  return vigie_action_editor_load (self, id, error);
}

static void
save_clicked_cb (VigieActionEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!vigie_action_editor_save (self, &error))
    vigie_factories_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
}

static void
change_status_clicked_cb (VigieActionEditor *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->next_status_row);

  if (self->next_statuses == NULL || selected == GTK_INVALID_LIST_POSITION
      || selected >= g_strv_length ((char **) self->next_statuses))
    return;
  if (!vigie_action_editor_change_status (self, self->next_statuses[selected], &error))
    vigie_factories_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
}

/* ─── Class ──────────────────────────────────────────────────────────────── */

static void
vigie_action_editor_dispose (GObject *object)
{
  VigieActionEditor *self = VIGIE_ACTION_EDITOR (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->record, vigie_action_record_free);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  g_clear_pointer (&self->evidence, g_ptr_array_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (vigie_action_editor_parent_class)->dispose (object);
}

static void
vigie_action_editor_class_init (VigieActionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigie_action_editor_dispose;

  /* The action ID was written (CREATED: it is new). */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64,
                                        G_TYPE_BOOLEAN);
  signals[SIGNAL_STATUS_CHANGED] = g_signal_new ("status-changed", G_TYPE_FROM_CLASS (klass),
                                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                 G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vigie_action_editor_init (VigieActionEditor *self)
{
  AdwPreferencesGroup *group;
  GtkWidget *box, *buttons;
  g_autoptr(GtkStringList) remedies = vocab_model (VIGIE_VOCAB_REMEDY_TYPE);
  g_autoptr(GtkStringList) levels = vocab_model (VIGIE_VOCAB_ESCALATION_LEVEL);
  g_autoptr(GtkStringList) none = gtk_string_list_new (NULL);

  self->stack = gtk_stack_new ();
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));

  self->empty_page = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->empty_page), "task-due-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->empty_page), _("No Action Selected"));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->empty_page),
                                   _("Choose an action in the timeline or the list."));
  gtk_widget_add_css_class (self->empty_page, "compact");
  gtk_stack_add_named (GTK_STACK (self->stack), self->empty_page, "empty");

  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  gtk_stack_add_named (GTK_STACK (self->stack), GTK_WIDGET (self->page), "form");

  /* Action. */
  self->action_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->action_group, _("Action"));
  adw_preferences_page_add (self->page, self->action_group);
  entry_row (self, self->action_group, F_DESCRIPTION, _("Description"));
  entry_row (self, self->action_group, F_ROOT_CAUSE, _("Root cause"));
  entry_row (self, self->action_group, F_PREVENTIVE, _("Preventive action"));
  self->responsible_row = combo_row (self->action_group, _("Responsible organisation"), none);
  adw_combo_row_set_use_subtitle (self->responsible_row, FALSE);
  self->remedy_row = combo_row (self->action_group, _("Remedy type"), remedies);
  self->escalation_row = combo_row (self->action_group, _("Escalation level"), levels);
  entry_row (self, self->action_group, F_NOTES, _("Internal notes"));

  /* Status. */
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Status"));
  adw_preferences_page_add (self->page, group);
  self->status_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), _("Current status"));
  adw_preferences_group_add (group, GTK_WIDGET (self->status_row));
  self->next_status_row = combo_row (group, _("Move to"), none);
  self->status_note_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_note_row),
                                 _("Note on the change"));
  adw_preferences_group_add (group, GTK_WIDGET (self->status_note_row));
  self->evidence_row = combo_row (group, _("Evidence"), none);
  self->change_status_button = gtk_button_new_with_mnemonic (_("C_hange Status"));
  gtk_widget_set_halign (self->change_status_button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (self->change_status_button, 6);
  g_signal_connect_swapped (self->change_status_button, "clicked",
                            G_CALLBACK (change_status_clicked_cb), self);
  adw_preferences_group_add (group, self->change_status_button);

  /* Money and workers. */
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Remedy for Workers"));
  adw_preferences_page_add (self->page, group);
  entry_row (self, group, F_AMOUNT, _("Amount"));
  entry_row (self, group, F_CURRENCY, _("Currency (ISO 4217)"));
  entry_row (self, group, F_TOTAL, _("Workers benefiting"));
  entry_row (self, group, F_WOMEN, _("Of whom women"));
  entry_row (self, group, F_MIGRANT, _("Of whom migrant workers"));
  entry_row (self, group, F_AGENCY, _("Of whom agency workers"));
  entry_row (self, group, F_STUDENT, _("Of whom students and interns"));
  entry_row (self, group, F_YOUNG, _("Of whom under 18"));

  /* Dates. */
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Dates"));
  adw_preferences_group_set_description (group, _("Written as YYYY-MM-DD"));
  adw_preferences_page_add (self->page, group);
  entry_row (self, group, F_OPENED, _("Opened"));
  entry_row (self, group, F_PLAN_DUE, _("Plan due"));
  entry_row (self, group, F_DUE, _("Due"));
  entry_row (self, group, F_COMPLETED, _("Completed"));

  /* Save. */
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_page_add (self->page, group);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), self->save_button);
  adw_preferences_group_add (group, buttons);

  /* History. */
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Status History"));
  adw_preferences_page_add (self->page, group);
  box = gtk_list_box_new ();
  self->history_list = GTK_LIST_BOX (box);
  gtk_list_box_set_selection_mode (self->history_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (box, "boxed-list");
  adw_preferences_group_add (group, box);

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
}

GtkWidget *
vigie_action_editor_new (void)
{
  return g_object_new (VIGIE_TYPE_ACTION_EDITOR, NULL);
}

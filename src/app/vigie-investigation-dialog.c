/* vigie-investigation-dialog.c — an investigation of a site and its activities, in one
 * form. Each activity is an expander row; invalid fields are marked with the reason and
 * keep what was typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "vigie-factories-private.h"
#include "vigie-form.h"
#include "vigie-investigation.h"
#include "vigie-investigation-dialog.h"

typedef struct
{
  gint64          id;             /* 0 = not saved yet */
  AdwExpanderRow *expander;
  AdwComboRow    *method;
  AdwEntryRow    *start;
  GtkWidget      *start_error;
  AdwEntryRow    *end;
  GtkWidget      *end_error;
  AdwEntryRow    *total;
  GtkWidget      *total_error;
  AdwEntryRow    *women;
  GtkWidget      *women_error;
  AdwEntryRow    *migrant;
  GtkWidget      *migrant_error;
  AdwEntryRow    *notes;
  gboolean        removed;
} ActivityForm;

struct _VigieInvestigationDialog
{
  AdwWindow            parent_instance;

  VigieStore          *store;
  VigieInvestigationRecord *record;
  GArray              *partner_ids;     /* gint64, parallel to partner_row (0 = none) */
  GPtrArray           *activities;      /* ActivityForm */

  AdwWindowTitle      *heading;
  AdwToastOverlay     *overlay;
  AdwEntryRow         *title_row;
  GtkWidget           *title_error;
  AdwComboRow         *partner_row;
  AdwComboRow         *trigger_row;
  AdwComboRow         *status_row;
  AdwEntryRow         *start_row;
  GtkWidget           *start_error;
  AdwEntryRow         *end_row;
  GtkWidget           *end_error;
  GtkTextView         *notes_view;
  AdwPreferencesGroup *activities_group;
};

G_DEFINE_FINAL_TYPE (VigieInvestigationDialog, vigie_investigation_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ─── Activities ─────────────────────────────────────────────────────────── */

static void
update_activity_title (ActivityForm *form)
{
  g_autofree char *start = vigie_form_entry_text (form->start);
  g_autofree char *date = start != NULL ? vigie_factories_format_date (start) : NULL;
  g_autofree char *total = vigie_form_entry_text (form->total);
  g_autofree char *subtitle = NULL;
  const char *method = vigie_vocab_label (VIGIE_VOCAB_ACTIVITY_METHOD,
                                          vigie_form_combo_code (form->method,
                                                                 VIGIE_VOCAB_ACTIVITY_METHOD));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->expander), method);
  /* Translators: an activity of an investigation: its date and number of participants,
   * e.g. "12 Mar 2026 · 40 participants" */
  subtitle = g_strdup_printf (_("%1$s · %2$s participants"),
                              date != NULL && *date != '\0' ? date : _("no date"),
                              total != NULL ? total : "0");
  adw_expander_row_set_subtitle (form->expander, subtitle);
}

static void
remove_activity_cb (GtkButton                *button,
                    VigieInvestigationDialog *self)
{
  ActivityForm *form = g_object_get_data (G_OBJECT (button), "form");

  form->removed = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (form->expander), FALSE);
}

static ActivityForm *
activity_form_new (VigieInvestigationDialog  *self,
                   const VigieActivityRecord *record)
{
  ActivityForm *form = g_new0 (ActivityForm, 1);
  GtkWidget *remove_row, *remove;
  g_autofree char *total = NULL;
  g_autofree char *women = NULL;
  g_autofree char *migrant = NULL;

  form->id = record->id;
  form->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  form->method = vigie_form_vocab_combo (NULL, _("Method"), VIGIE_VOCAB_ACTIVITY_METHOD);
  vigie_form_set_combo (form->method, VIGIE_VOCAB_ACTIVITY_METHOD, record->method);
  adw_expander_row_add_row (form->expander, GTK_WIDGET (form->method));
  form->start = vigie_form_entry (NULL, _("Start (YYYY-MM-DD)"), &form->start_error);
  gtk_editable_set_text (GTK_EDITABLE (form->start), record->start_date);
  adw_expander_row_add_row (form->expander, GTK_WIDGET (form->start));
  form->end = vigie_form_entry (NULL, _("End (YYYY-MM-DD, empty for one day)"), &form->end_error);
  gtk_editable_set_text (GTK_EDITABLE (form->end), record->end_date != NULL ? record->end_date : "");
  adw_expander_row_add_row (form->expander, GTK_WIDGET (form->end));
  form->total = vigie_form_entry (NULL, _("Participants in total"), &form->total_error);
  form->women = vigie_form_entry (NULL, _("Of whom women"), &form->women_error);
  form->migrant = vigie_form_entry (NULL, _("Of whom migrant workers"), &form->migrant_error);
  total = g_strdup_printf ("%" G_GINT64_FORMAT, record->participants_total);
  women = g_strdup_printf ("%" G_GINT64_FORMAT, record->participants_women);
  migrant = g_strdup_printf ("%" G_GINT64_FORMAT, record->participants_migrant);
  gtk_editable_set_text (GTK_EDITABLE (form->total), total);
  gtk_editable_set_text (GTK_EDITABLE (form->women), women);
  gtk_editable_set_text (GTK_EDITABLE (form->migrant), migrant);
  adw_entry_row_set_input_purpose (form->total, GTK_INPUT_PURPOSE_DIGITS);
  adw_entry_row_set_input_purpose (form->women, GTK_INPUT_PURPOSE_DIGITS);
  adw_entry_row_set_input_purpose (form->migrant, GTK_INPUT_PURPOSE_DIGITS);
  adw_expander_row_add_row (form->expander, GTK_WIDGET (form->total));
  adw_expander_row_add_row (form->expander, GTK_WIDGET (form->women));
  adw_expander_row_add_row (form->expander, GTK_WIDGET (form->migrant));
  form->notes = vigie_form_entry (NULL, _("Notes"), NULL);
  gtk_editable_set_text (GTK_EDITABLE (form->notes), record->notes != NULL ? record->notes : "");
  adw_expander_row_add_row (form->expander, GTK_WIDGET (form->notes));

  remove_row = adw_action_row_new ();
  remove = gtk_button_new_with_mnemonic (_("_Remove Activity"));
  gtk_widget_add_css_class (remove, "destructive-action");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (remove), "form", form);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_activity_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove);
  adw_expander_row_add_row (form->expander, remove_row);

  g_signal_connect_swapped (form->method, "notify::selected",
                            G_CALLBACK (update_activity_title), form);
  g_signal_connect_swapped (form->start, "changed", G_CALLBACK (update_activity_title), form);
  g_signal_connect_swapped (form->total, "changed", G_CALLBACK (update_activity_title), form);
  update_activity_title (form);
  adw_preferences_group_add (self->activities_group, GTK_WIDGET (form->expander));
  g_ptr_array_add (self->activities, form);
  return form;
}

guint
vigie_investigation_dialog_add_activity (VigieInvestigationDialog *self)
{
  g_autoptr(VigieActivityRecord) record = vigie_activity_record_new ();
  ActivityForm *form;

  g_return_val_if_fail (VIGIE_IS_INVESTIGATION_DIALOG (self), 0);

  form = activity_form_new (self, record);
  adw_expander_row_set_expanded (form->expander, TRUE);
  return self->activities->len - 1;
}

static void
add_activity_clicked_cb (VigieInvestigationDialog *self)
{
  guint i = vigie_investigation_dialog_add_activity (self);
  ActivityForm *form = g_ptr_array_index (self->activities, i);

  gtk_widget_grab_focus (GTK_WIDGET (form->method));
}

guint
vigie_investigation_dialog_get_n_activities (VigieInvestigationDialog *self)
{
  guint n = 0;

  for (guint i = 0; i < self->activities->len; i++)
    if (!((ActivityForm *) g_ptr_array_index (self->activities, i))->removed)
      n++;
  return n;
}

/* ─── Saving ─────────────────────────────────────────────────────────────── */

/* An empty number field means 0 participants. */
static gboolean
parse_participants (AdwEntryRow *row,
                    GtkWidget   *label,
                    gint64      *value)
{
  if (!vigie_factories_parse_count (gtk_editable_get_text (GTK_EDITABLE (row)), value))
    {
      vigie_factories_set_row_error (GTK_WIDGET (row), label,
                                     _("Enter a whole number of people."));
      return FALSE;
    }
  if (*value < 0)
    *value = 0;
  return TRUE;
}

static void
mark_activity (ActivityForm *form,
               GPtrArray    *errors)
{
  for (guint i = 0; i < errors->len; i++)
    {
      VigieFieldError *e = g_ptr_array_index (errors, i);

      if (strcmp (e->field, "start_date") == 0)
        vigie_factories_set_row_error (GTK_WIDGET (form->start), form->start_error, e->reason);
      else if (strcmp (e->field, "end_date") == 0)
        vigie_factories_set_row_error (GTK_WIDGET (form->end), form->end_error, e->reason);
      else if (strcmp (e->field, "participants_total") == 0)
        vigie_factories_set_row_error (GTK_WIDGET (form->total), form->total_error, e->reason);
      else if (strcmp (e->field, "participants_women") == 0)
        vigie_factories_set_row_error (GTK_WIDGET (form->women), form->women_error, e->reason);
      else if (strcmp (e->field, "participants_migrant") == 0)
        vigie_factories_set_row_error (GTK_WIDGET (form->migrant), form->migrant_error,
                                       e->reason);
    }
}

/* The record of FORM, or NULL when a field is invalid (marked, with its reason in
 * FIRST_REASON when that is still NULL). */
static VigieActivityRecord *
activity_from_form (ActivityForm *form,
                    gint64        investigation_id,
                    char        **first_reason)
{
  g_autoptr(VigieActivityRecord) r = vigie_activity_record_new ();
  g_autoptr(GPtrArray) errors = NULL;
  gboolean ok = TRUE;

  vigie_factories_set_row_error (GTK_WIDGET (form->start), form->start_error, NULL);
  vigie_factories_set_row_error (GTK_WIDGET (form->end), form->end_error, NULL);
  vigie_factories_set_row_error (GTK_WIDGET (form->total), form->total_error, NULL);
  vigie_factories_set_row_error (GTK_WIDGET (form->women), form->women_error, NULL);
  vigie_factories_set_row_error (GTK_WIDGET (form->migrant), form->migrant_error, NULL);

  r->id = form->id;
  r->investigation_id = investigation_id;
  g_free (r->method);
  r->method = g_strdup (vigie_form_combo_code (form->method, VIGIE_VOCAB_ACTIVITY_METHOD));
  g_free (r->start_date);
  r->start_date = vigie_form_entry_text (form->start);
  r->end_date = vigie_form_entry_text (form->end);
  g_free (r->notes);
  r->notes = g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->notes)));
  ok &= parse_participants (form->total, form->total_error, &r->participants_total);
  ok &= parse_participants (form->women, form->women_error, &r->participants_women);
  ok &= parse_participants (form->migrant, form->migrant_error, &r->participants_migrant);
  if (!ok && *first_reason == NULL)
    *first_reason = g_strdup (_("Enter a whole number of people."));

  errors = vigie_activity_validate (r);
  if (ok)
    mark_activity (form, errors);
  else
    /* Number fields already marked: only the date problems are added. */
    for (guint i = 0; i < errors->len; i++)
      {
        VigieFieldError *e = g_ptr_array_index (errors, i);

        if (g_str_has_suffix (e->field, "_date"))
          {
            g_autoptr(GPtrArray) one = g_ptr_array_new ();

            g_ptr_array_add (one, e);
            mark_activity (form, one);
          }
      }
  if (errors->len > 0 && *first_reason == NULL)
    *first_reason = g_strdup (((VigieFieldError *) g_ptr_array_index (errors, 0))->reason);
  if (!ok || errors->len > 0)
    {
      adw_expander_row_set_expanded (form->expander, TRUE);
      return NULL;
    }
  return g_steal_pointer (&r);
}

gboolean
vigie_investigation_dialog_save (VigieInvestigationDialog  *self,
                                 GError                   **error)
{
  g_autoptr(VigieInvestigationRecord) r = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_activity_record_free);
  g_autofree char *reason = NULL;
  guint partner;
  gboolean created;

  g_return_val_if_fail (VIGIE_IS_INVESTIGATION_DIALOG (self), FALSE);

  r = vigie_investigation_record_copy (self->record);
  g_free (r->title);
  r->title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  partner = adw_combo_row_get_selected (self->partner_row);
  r->partner_id = partner < self->partner_ids->len
                  ? g_array_index (self->partner_ids, gint64, partner) : 0;
  g_free (r->trigger);
  r->trigger = g_strdup (vigie_form_combo_code (self->trigger_row,
                                                VIGIE_VOCAB_INVESTIGATION_TRIGGER));
  g_free (r->status);
  r->status = g_strdup (vigie_form_combo_code (self->status_row,
                                               VIGIE_VOCAB_INVESTIGATION_STATUS));
  g_free (r->start_date);
  r->start_date = vigie_form_entry_text (self->start_row);
  g_free (r->end_date);
  r->end_date = vigie_form_entry_text (self->end_row);
  g_free (r->notes);
  r->notes = vigie_form_text (self->notes_view);

  vigie_factories_set_row_error (GTK_WIDGET (self->title_row), self->title_error, NULL);
  vigie_factories_set_row_error (GTK_WIDGET (self->start_row), self->start_error, NULL);
  vigie_factories_set_row_error (GTK_WIDGET (self->end_row), self->end_error, NULL);
  errors = vigie_investigation_validate (self->store, r);
  for (guint i = 0; i < errors->len; i++)
    {
      VigieFieldError *e = g_ptr_array_index (errors, i);

      if (strcmp (e->field, "title") == 0)
        vigie_factories_set_row_error (GTK_WIDGET (self->title_row), self->title_error, e->reason);
      else if (strcmp (e->field, "start_date") == 0)
        vigie_factories_set_row_error (GTK_WIDGET (self->start_row), self->start_error, e->reason);
      else if (strcmp (e->field, "end_date") == 0)
        vigie_factories_set_row_error (GTK_WIDGET (self->end_row), self->end_error, e->reason);
      if (reason == NULL)
        reason = g_strdup (e->reason);
    }

  /* Every activity is checked too, so that all the problems show at once. */
  for (guint i = 0; i < self->activities->len; i++)
    {
      ActivityForm *form = g_ptr_array_index (self->activities, i);
      VigieActivityRecord *a;

      if (form->removed)
        continue;
      a = activity_from_form (form, r->id, &reason);
      if (a != NULL)
        g_ptr_array_add (records, a);
    }
  if (reason != NULL)
    {
      g_set_error_literal (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_CONSTRAINT, reason);
      return FALSE;
    }

  created = r->id <= 0;
  if (created ? vigie_store_insert_investigation (self->store, r, error) == 0
              : !vigie_store_update_investigation (self->store, r, error))
    return FALSE;
  vigie_investigation_record_free (self->record);
  self->record = g_steal_pointer (&r);

  for (guint i = 0, k = 0; i < self->activities->len; i++)
    {
      ActivityForm *form = g_ptr_array_index (self->activities, i);
      VigieActivityRecord *a;

      if (form->removed)
        {
          if (form->id > 0 && !vigie_store_delete_activity (self->store, form->id, error))
            return FALSE;
          form->id = 0;
          continue;
        }
      a = g_ptr_array_index (records, k++);
      a->investigation_id = self->record->id;
      if (a->id > 0)
        {
          if (!vigie_store_update_activity (self->store, a, error))
            return FALSE;
        }
      else
        {
          if (vigie_store_insert_activity (self->store, a, error) == 0)
            return FALSE;
          form->id = a->id;
        }
    }
  adw_window_title_set_title (self->heading, _("Investigation"));
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, self->record->id);
  return TRUE;
}

static void
save_clicked_cb (VigieInvestigationDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (vigie_investigation_dialog_save (self, &error))
    gtk_window_close (GTK_WINDOW (self));
  else
    adw_toast_overlay_add_toast (self->overlay, adw_toast_new (error->message));
}

/* ─── Loading ────────────────────────────────────────────────────────────── */

static void
fill_partners (VigieInvestigationDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) partners = vigie_store_list_partners (self->store, NULL);
  gint64 none = 0;
  guint selected = 0;

  /* Translators: no monitoring partner */
  gtk_string_list_append (names, _("None (done by the organisation)"));
  g_array_append_val (self->partner_ids, none);
  for (guint i = 0; partners != NULL && i < partners->len; i++)
    {
      VigieOrganisationInfo *p = g_ptr_array_index (partners, i);

      gtk_string_list_append (names, p->name);
      g_array_append_val (self->partner_ids, p->id);
      if (p->id == self->record->partner_id)
        selected = i + 1;
    }
  adw_combo_row_set_model (self->partner_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->partner_row, selected);
  if (partners == NULL || partners->len == 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->partner_row),
                                 _("No organisation of the kind monitoring partner yet"));
}

VigieInvestigationDialog *
vigie_investigation_dialog_new (GtkWindow   *parent,
                                VigieStore  *store,
                                gint64       site_id,
                                gint64       id,
                                GError     **error)
{
  g_autoptr(VigieInvestigationRecord) record = NULL;
  g_autoptr(VigieSiteRecord) site = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  VigieInvestigationDialog *self;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  if (id > 0)
    {
      record = vigie_store_get_investigation (store, id, error);
      if (record == NULL)
        return NULL;
      activities = vigie_store_list_activities (store, id, error);
      if (activities == NULL)
        return NULL;
    }
  else
    {
      record = vigie_investigation_record_new ();
      record->site_id = site_id;
    }
  site = vigie_store_get_site (store, record->site_id, error);
  if (site == NULL)
    return NULL;

  self = g_object_new (VIGIE_TYPE_INVESTIGATION_DIALOG, NULL);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  self->store = g_object_ref (store);
  self->record = g_steal_pointer (&record);
  adw_window_title_set_title (self->heading, id > 0 ? _("Investigation") : _("New Investigation"));
  adw_window_title_set_subtitle (self->heading, site->name);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), self->record->title);
  fill_partners (self);
  vigie_form_set_combo (self->trigger_row, VIGIE_VOCAB_INVESTIGATION_TRIGGER,
                        self->record->trigger);
  vigie_form_set_combo (self->status_row, VIGIE_VOCAB_INVESTIGATION_STATUS,
                        self->record->status);
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), self->record->start_date);
  gtk_editable_set_text (GTK_EDITABLE (self->end_row),
                         self->record->end_date != NULL ? self->record->end_date : "");
  vigie_form_set_text (self->notes_view, self->record->notes);
  for (guint i = 0; activities != NULL && i < activities->len; i++)
    activity_form_new (self, g_ptr_array_index (activities, i));
  if (id > 0)
    {
      g_autofree char *description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                   "%d finding is linked to this investigation.",
                                                                   "%d findings are linked to this investigation.",
                                                                   self->record->n_findings),
                                                      self->record->n_findings);

      adw_preferences_group_set_description (self->activities_group, description);
    }
  return self;
}

gint64
vigie_investigation_dialog_get_id (VigieInvestigationDialog *self)
{
  g_return_val_if_fail (VIGIE_IS_INVESTIGATION_DIALOG (self), 0);
  return self->record != NULL ? self->record->id : 0;
}

GtkWidget *
vigie_investigation_dialog_get_field (VigieInvestigationDialog *self,
                                      const char               *field)
{
  const struct { const char *name; gpointer row; } fields[] = {
    { "title", self->title_row }, { "partner_id", self->partner_row },
    { "trigger", self->trigger_row }, { "status", self->status_row },
    { "start_date", self->start_row }, { "end_date", self->end_row },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (field, fields[i].name) == 0)
      return fields[i].row;
  return NULL;
}

GtkWidget *
vigie_investigation_dialog_get_activity_field (VigieInvestigationDialog *self,
                                               guint                     index,
                                               const char               *field)
{
  ActivityForm *form;

  g_return_val_if_fail (index < self->activities->len, NULL);

  form = g_ptr_array_index (self->activities, index);
  {
    const struct { const char *name; gpointer row; } fields[] = {
      { "method", form->method }, { "start_date", form->start }, { "end_date", form->end },
      { "participants_total", form->total }, { "participants_women", form->women },
      { "participants_migrant", form->migrant }, { "notes", form->notes },
    };

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      if (g_strcmp0 (field, fields[i].name) == 0)
        return fields[i].row;
  }
  return NULL;
}

/* ─── Class ──────────────────────────────────────────────────────────────── */

static void
vigie_investigation_dialog_dispose (GObject *object)
{
  VigieInvestigationDialog *self = VIGIE_INVESTIGATION_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->record, vigie_investigation_record_free);
  g_clear_pointer (&self->partner_ids, g_array_unref);
  g_clear_pointer (&self->activities, g_ptr_array_unref);
  G_OBJECT_CLASS (vigie_investigation_dialog_parent_class)->dispose (object);
}

static void
vigie_investigation_dialog_class_init (VigieInvestigationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vigie_investigation_dialog_dispose;
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
vigie_investigation_dialog_init (VigieInvestigationDialog *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *save, *add;

  self->partner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->activities = g_ptr_array_new_with_free_func (g_free);
  vigie_form_window_init (ADW_WINDOW (self), NULL, _("Investigation"), page, &save,
                          &self->heading, &self->overlay);
  gtk_window_set_default_size (GTK_WINDOW (self), 600, 720);
  g_signal_connect_object (save, "clicked", G_CALLBACK (save_clicked_cb), self,
                           G_CONNECT_SWAPPED);

  self->title_row = vigie_form_entry (group, _("Title"), &self->title_error);
  self->partner_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->partner_row),
                                 _("Monitoring partner"));
  adw_preferences_group_add (group, GTK_WIDGET (self->partner_row));
  self->trigger_row = vigie_form_vocab_combo (group, _("Trigger"),
                                              VIGIE_VOCAB_INVESTIGATION_TRIGGER);
  self->status_row = vigie_form_vocab_combo (group, _("Status"),
                                             VIGIE_VOCAB_INVESTIGATION_STATUS);
  self->start_row = vigie_form_entry (group, _("Start (YYYY-MM-DD)"), &self->start_error);
  self->end_row = vigie_form_entry (group, _("End (YYYY-MM-DD, empty while it goes on)"),
                                    &self->end_error);
  adw_preferences_page_add (page, group);

  self->activities_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->activities_group, _("Activities"));
  add = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_tooltip_text (add, _("Add an Activity"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add an Activity"), -1);
  g_signal_connect_object (add, "clicked", G_CALLBACK (add_activity_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (self->activities_group, add);
  adw_preferences_page_add (page, self->activities_group);

  self->notes_view = vigie_form_text_group (page, _("Notes"), NULL);
}

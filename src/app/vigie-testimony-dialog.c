/* vigie-testimony-dialog.c — testimony under a pseudonym. There is deliberately no field
 * for a name: a worker's identity must never reach the dataset.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "vigie-evidence.h"
#include "vigie-factories-private.h"
#include "vigie-form.h"
#include "vigie-testimony-dialog.h"

struct _VigieTestimonyDialog
{
  AdwWindow            parent_instance;

  VigieStore          *store;
  VigieEvidenceRecord *record;

  AdwWindowTitle      *heading;
  AdwToastOverlay     *overlay;
  AdwEntryRow         *pseudonym_row;
  GtkWidget           *pseudonym_error;
  AdwEntryRow         *summary_row;
  GtkWidget           *summary_error;
  AdwEntryRow         *collected_row;
  GtkWidget           *collected_error;
  AdwEntryRow         *sources_row;
  GtkWidget           *sources_error;
  GtkSwitch           *consent_switch;
  GtkSwitch           *confidential_switch;
  GtkTextView         *notes_view;
};

G_DEFINE_FINAL_TYPE (VigieTestimonyDialog, vigie_testimony_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

gboolean
vigie_testimony_dialog_save (VigieTestimonyDialog  *self,
                             GError               **error)
{
  g_autoptr(VigieEvidenceRecord) r = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  const char *reason = NULL;
  gboolean created;

  g_return_val_if_fail (VIGIE_IS_TESTIMONY_DIALOG (self), FALSE);

  vigie_factories_set_row_error (GTK_WIDGET (self->pseudonym_row), self->pseudonym_error, NULL);
  vigie_factories_set_row_error (GTK_WIDGET (self->summary_row), self->summary_error, NULL);
  vigie_factories_set_row_error (GTK_WIDGET (self->collected_row), self->collected_error, NULL);
  vigie_factories_set_row_error (GTK_WIDGET (self->sources_row), self->sources_error, NULL);

  r = vigie_evidence_record_copy (self->record);
  g_free (r->kind);
  r->kind = g_strdup ("testimony");
  g_free (r->pseudonym);
  r->pseudonym = vigie_form_entry_text (self->pseudonym_row);
  g_free (r->summary);
  r->summary = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->summary_row))));
  g_free (r->collected_on);
  r->collected_on = vigie_form_entry_text (self->collected_row);
  r->consent_to_quote = gtk_switch_get_active (self->consent_switch);
  r->confidential = gtk_switch_get_active (self->confidential_switch);
  g_free (r->notes);
  r->notes = vigie_form_text (self->notes_view);
  if (!vigie_factories_parse_count (gtk_editable_get_text (GTK_EDITABLE (self->sources_row)),
                                    &r->sources_count))
    {
      reason = _("Enter a whole number of sources.");
      vigie_factories_set_row_error (GTK_WIDGET (self->sources_row), self->sources_error, reason);
    }
  else if (r->sources_count < 0)
    r->sources_count = 1;

  errors = vigie_evidence_validate (r);
  for (guint i = 0; i < errors->len; i++)
    {
      VigieFieldError *e = g_ptr_array_index (errors, i);

      if (strcmp (e->field, "pseudonym") == 0)
        vigie_factories_set_row_error (GTK_WIDGET (self->pseudonym_row), self->pseudonym_error,
                                       e->reason);
      else if (strcmp (e->field, "collected_on") == 0)
        vigie_factories_set_row_error (GTK_WIDGET (self->collected_row), self->collected_error,
                                       e->reason);
      else if (strcmp (e->field, "sources_count") == 0)
        vigie_factories_set_row_error (GTK_WIDGET (self->sources_row), self->sources_error,
                                       e->reason);
      else if (strcmp (e->field, "summary") == 0)
        vigie_factories_set_row_error (GTK_WIDGET (self->summary_row), self->summary_error,
                                       e->reason);
      if (reason == NULL)
        reason = e->reason;
    }
  if (reason != NULL)
    {
      g_set_error_literal (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_CONSTRAINT, reason);
      return FALSE;
    }
  created = r->id <= 0;
  if (created ? vigie_store_insert_evidence (self->store, r, error) == 0
              : !vigie_store_update_evidence (self->store, r, error))
    return FALSE;
  vigie_evidence_record_free (self->record);
  self->record = g_steal_pointer (&r);
  adw_window_title_set_title (self->heading, _("Testimony"));
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, self->record->id);
  return TRUE;
}

static void
save_clicked_cb (VigieTestimonyDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (vigie_testimony_dialog_save (self, &error))
    gtk_window_close (GTK_WINDOW (self));
  else
    adw_toast_overlay_add_toast (self->overlay, adw_toast_new (error->message));
}

VigieTestimonyDialog *
vigie_testimony_dialog_new (GtkWindow   *parent,
                            VigieStore  *store,
                            gint64       finding_id,
                            gint64       id,
                            GError     **error)
{
  g_autoptr(VigieEvidenceRecord) record = NULL;
  g_autofree char *sources = NULL;
  VigieTestimonyDialog *self;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  if (id > 0)
    {
      record = vigie_store_get_evidence (store, id, error);
      if (record == NULL)
        return NULL;
    }
  else
    {
      record = vigie_evidence_record_new ();
      record->finding_id = finding_id;
      g_free (record->kind);
      record->kind = g_strdup ("testimony");
      record->confidential = TRUE;
    }

  self = g_object_new (VIGIE_TYPE_TESTIMONY_DIALOG, NULL);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  self->store = g_object_ref (store);
  self->record = g_steal_pointer (&record);
  adw_window_title_set_title (self->heading, id > 0 ? _("Testimony") : _("New Testimony"));
  gtk_editable_set_text (GTK_EDITABLE (self->pseudonym_row),
                         self->record->pseudonym != NULL ? self->record->pseudonym : "");
  gtk_editable_set_text (GTK_EDITABLE (self->summary_row), self->record->summary);
  gtk_editable_set_text (GTK_EDITABLE (self->collected_row),
                         self->record->collected_on != NULL ? self->record->collected_on : "");
  sources = g_strdup_printf ("%" G_GINT64_FORMAT, self->record->sources_count);
  gtk_editable_set_text (GTK_EDITABLE (self->sources_row), sources);
  gtk_switch_set_active (self->consent_switch, self->record->consent_to_quote);
  gtk_switch_set_active (self->confidential_switch, self->record->confidential);
  vigie_form_set_text (self->notes_view, self->record->notes);
  return self;
}

gint64
vigie_testimony_dialog_get_id (VigieTestimonyDialog *self)
{
  g_return_val_if_fail (VIGIE_IS_TESTIMONY_DIALOG (self), 0);
  return self->record != NULL ? self->record->id : 0;
}

GtkWidget *
vigie_testimony_dialog_get_field (VigieTestimonyDialog *self,
                                  const char           *field)
{
  const struct { const char *name; gpointer widget; } fields[] = {
    { "pseudonym", self->pseudonym_row }, { "summary", self->summary_row },
    { "collected_on", self->collected_row }, { "sources_count", self->sources_row },
    { "consent_to_quote", self->consent_switch }, { "confidential", self->confidential_switch },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (field, fields[i].name) == 0)
      return fields[i].widget;
  return NULL;
}

static void
vigie_testimony_dialog_dispose (GObject *object)
{
  VigieTestimonyDialog *self = VIGIE_TESTIMONY_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->record, vigie_evidence_record_free);
  G_OBJECT_CLASS (vigie_testimony_dialog_parent_class)->dispose (object);
}

static void
vigie_testimony_dialog_class_init (VigieTestimonyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vigie_testimony_dialog_dispose;
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
vigie_testimony_dialog_init (VigieTestimonyDialog *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *who = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *use = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *save;

  vigie_form_window_init (ADW_WINDOW (self), NULL, _("Testimony"), page, &save, &self->heading,
                          &self->overlay);
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 640);
  g_signal_connect_object (save, "clicked", G_CALLBACK (save_clicked_cb), self,
                           G_CONNECT_SWAPPED);

  adw_preferences_group_set_title (who, _("Witness"));
  adw_preferences_group_set_description (who,
                                         _("Testimony is recorded under a pseudonym only. "
                                           "Never write a worker’s real name, employee number "
                                           "or anything else that could identify them."));
  self->pseudonym_row = vigie_form_entry (who, _("Pseudonym (e.g. Worker K-12)"),
                                          &self->pseudonym_error);
  self->summary_row = vigie_form_entry (who, _("Summary of the testimony"), &self->summary_error);
  self->collected_row = vigie_form_entry (who, _("Collected on (YYYY-MM-DD)"),
                                          &self->collected_error);
  self->sources_row = vigie_form_entry (who, _("Corroborating sources"), &self->sources_error);
  adw_entry_row_set_input_purpose (self->sources_row, GTK_INPUT_PURPOSE_DIGITS);
  adw_preferences_page_add (page, who);

  adw_preferences_group_set_title (use, _("Use"));
  self->consent_switch = vigie_form_switch (use, _("Consent to quote"),
                                            _("The witness agreed to be quoted, under the "
                                              "pseudonym"));
  self->confidential_switch = vigie_form_switch (use, _("Confidential"),
                                                 _("Never shared outside the organisation"));
  adw_preferences_page_add (page, use);
  self->notes_view = vigie_form_text_group (page, _("Notes"), NULL);
}

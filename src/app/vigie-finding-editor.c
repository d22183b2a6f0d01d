/* vigie-finding-editor.c — every field of a finding, its standards (with the mapping of
 * the organisation's themes to the RBA Code shown), its forced-labour indicators, the
 * default deadlines of its severity, and its evidence.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "vigie-application.h"
#include "vigie-evidence.h"
#include "vigie-evidence-preview.h"
#include "vigie-finding-editor.h"
#include "vigie-investigation.h"
#include "vigie-site.h"
#include "vigie-testimony-dialog.h"
#include "vigie-vocab.h"

struct _VigieFindingEditor
{
  GtkWidget           parent_instance;

  GtkStack           *stack;
  AdwStatusPage      *empty_page;
  AdwWindowTitle     *heading;
  AdwPreferencesPage *page;
  AdwEntryRow        *title_row;
  GtkLabel           *title_error;
  AdwActionRow       *site_row;
  AdwComboRow        *investigation_row;
  AdwComboRow        *severity_row;
  AdwComboRow        *kind_row;
  AdwComboRow        *status_row;
  AdwComboRow        *disclosure_row;
  AdwEntryRow        *first_observed_row;
  GtkLabel           *first_observed_error;
  AdwEntryRow        *workers_row;
  GtkLabel           *workers_error;
  GtkSwitch          *groups[5];
  GtkTextView        *description_view;
  GtkTextView        *response_view;
  GtkTextView        *notes_view;
  AdwPreferencesGroup *standards_group;
  AdwPreferencesGroup *indicators_group;
  AdwPreferencesGroup *evidence_group;
  GPtrArray          *evidence_rows;     /* GtkWidget rows added to evidence_group */
  GHashTable         *hidden_evidence;   /* gint64* ids waiting for their deletion */

  VigieStore         *store;
  VigieFindingRecord *record;
  GPtrArray          *standards;         /* VigieStandardInfo */
  GPtrArray          *standard_checks;   /* GtkCheckButton, parallel */
  GPtrArray          *indicators;        /* VigieIndicatorInfo */
  GPtrArray          *indicator_checks;
  GPtrArray          *standard_expanders; /* AdwExpanderRow added to standards_group */
  GArray             *investigation_ids; /* gint64, parallel to the combo (0 = none) */
  GSettings          *settings;
  gboolean            loading;
  gboolean            modified;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (VigieFindingEditor, vigie_finding_editor, GTK_TYPE_WIDGET)

static void ensure_form (VigieFindingEditor *self);

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *const group_labels[5] = {
  N_("Women"), N_("Migrant workers"), N_("Agency workers"), N_("Students and interns"),
  N_("Young workers (under 18)"),
};

/* ─── Helpers ────────────────────────────────────────────────────────────── */

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

static const char *
combo_code (AdwComboRow *row,
            VigieVocab   vocab)
{
  const VigieVocabEntry *entries;
  guint n = 0;
  guint i = adw_combo_row_get_selected (row);

  entries = vigie_vocab_entries (vocab, &n);
  return i < n ? entries[i].code : NULL;
}

static void
set_combo (AdwComboRow *row,
           VigieVocab   vocab,
           const char  *code)
{
  int i = vigie_vocab_index (vocab, code);

  adw_combo_row_set_selected (row, i >= 0 ? (guint) i : 0);
}

static char *
text_of (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static GtkLabel *
error_label_new (GtkWidget *row)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_widget_set_visible (label, FALSE);
  if (ADW_IS_ENTRY_ROW (row))
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), label);
  return GTK_LABEL (label);
}

static void
set_row_error (GtkWidget  *row,
               GtkLabel   *label,
               const char *reason)
{
  if (reason != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_label_set_label (label, reason);
      gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, reason, -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
add_toast (VigieFindingEditor *self,
           const char         *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
  else
    g_message ("%s", text);
}

static void
changed_cb (VigieFindingEditor *self)
{
  if (!self->loading)
    self->modified = TRUE;
}

/* ─── Severity deadlines ─────────────────────────────────────────────────── */

static void
update_deadlines (VigieFindingEditor *self)
{
  const char *severity = combo_code (self->severity_row, VIGIE_VOCAB_SEVERITY);
  int plan = 0, completion = 0;
  g_autofree char *text = NULL;

  if (!vigie_finding_default_deadlines (severity, &plan, &completion))
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->severity_row),
                                   _("No remediation deadline for an observation"));
      return;
    }
  if (self->settings != NULL)
    {
      g_autofree char *plan_key = g_strdup_printf ("deadline-%s-plan", severity);
      g_autofree char *done_key = g_strdup_printf ("deadline-%s-completion", severity);

      plan = g_settings_get_int (self->settings, plan_key);
      completion = g_settings_get_int (self->settings, done_key);
    }
  /* Translators: default remediation deadlines of a severity, e.g. "Plan within 7 days,
   * completion within 30 days" */
  text = g_strdup_printf (_("Plan within %1$d days, completion within %2$d days"), plan,
                          completion);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->severity_row), text);
}

static void
severity_changed_cb (VigieFindingEditor *self)
{
  update_deadlines (self);
  changed_cb (self);
}

/* ─── Standards and indicators ───────────────────────────────────────────── */

/* A collapsed code's rows join its expander row the first time it is expanded: the rows
 * of every code (a hundred or so) would otherwise be built into the tree and measured at
 * each layout although they are hidden, which made the window's first frame several
 * hundred milliseconds slower. Their check buttons exist from the start, so loading and
 * saving a finding does not depend on which codes were opened. */
static void
expander_expanded_cb (AdwExpanderRow *expander)
{
  GPtrArray *rows = g_object_get_data (G_OBJECT (expander), "vigie-pending-rows");

  if (rows == NULL || !adw_expander_row_get_expanded (expander))
    return;
  for (guint i = 0; i < rows->len; i++)
    adw_expander_row_add_row (expander, g_ptr_array_index (rows, i));
  g_object_set_data (G_OBJECT (expander), "vigie-pending-rows", NULL);
}

static void
expander_add_row (GtkWidget *expander,
                  GtkWidget *row)
{
  GPtrArray *rows = g_object_get_data (G_OBJECT (expander), "vigie-pending-rows");

  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expander)))
    {
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
      return;
    }
  if (rows == NULL)
    {
      rows = g_ptr_array_new_with_free_func (g_object_unref);
      g_object_set_data_full (G_OBJECT (expander), "vigie-pending-rows", rows,
                              (GDestroyNotify) g_ptr_array_unref);
      g_signal_connect (expander, "notify::expanded", G_CALLBACK (expander_expanded_cb), NULL);
    }
  g_ptr_array_add (rows, g_object_ref_sink (row));
}

static void
build_reference_rows (VigieFindingEditor *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *expander = NULL;
  const char *code = NULL;

  g_clear_pointer (&self->standards, g_ptr_array_unref);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_ptr_array_set_size (self->standard_checks, 0);
  g_ptr_array_set_size (self->indicator_checks, 0);
  if (self->store == NULL)
    return;

  self->standards = vigie_store_list_standards (self->store, &error);
  if (self->standards == NULL)
    {
      g_warning ("Cannot list the code standards: %s", error->message);
      return;
    }
  for (guint i = 0; i < self->standards->len; i++)
    {
      VigieStandardInfo *s = g_ptr_array_index (self->standards, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *title = NULL;

      if (g_strcmp0 (code, s->code) != 0)
        {
          g_autofree char *subtitle = g_strdup_printf ("%s %s", s->code_title, s->code_version);

          code = s->code;
          expander = adw_expander_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                         g_strcmp0 (code, "vigie") == 0
                                         ? _("Themes of the organisation’s code")
                                         : s->code_title);
          adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander),
                                         g_strcmp0 (code, "vigie") == 0);
          adw_preferences_group_add (self->standards_group, expander);
          g_ptr_array_add (self->standard_expanders, expander);
        }
      title = *s->parent_key != '\0' && g_strcmp0 (s->code, "vigie") == 0
              ? g_strdup_printf ("  %s", s->title)
              : g_strcmp0 (s->code, "vigie") == 0 ? g_strdup (s->title)
                                                  : g_strdup_printf ("%s %s", s->key, s->title);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (*s->mapped != '\0')
        {
          /* Translators: the clauses of another code a standard maps to, e.g. "RBA: A1, A4" */
          g_autofree char *mapped = g_strdup_printf (g_strcmp0 (s->code, "vigie") == 0
                                                     ? _("RBA Code: %s")
                                                     : _("Themes: %s"), s->mapped);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), mapped);
        }
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (changed_cb), self,
                               G_CONNECT_SWAPPED);
      expander_add_row (expander, row);
      g_ptr_array_add (self->standard_checks, check);
    }

  self->indicators = vigie_store_list_fl_indicators (self->store, &error);
  if (self->indicators == NULL)
    return;
  for (guint i = 0; i < self->indicators->len; i++)
    {
      VigieIndicatorInfo *info = g_ptr_array_index (self->indicators, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->title);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (changed_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->indicators_group, row);
      g_ptr_array_add (self->indicator_checks, check);
    }
}

static gboolean
ids_contain (GArray *ids,
             gint64  id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* ─── Evidence ───────────────────────────────────────────────────────────── */

static void
preview_clicked_cb (GtkButton          *button,
                    VigieFindingEditor *self)
{
  VigieEvidenceRecord *ev = g_object_get_data (G_OBJECT (button), "evidence");
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  VigieEvidencePreview *preview;

  if (ev == NULL || self->store == NULL)
    return;
  path = vigie_evidence_file_path (self->store, ev);
  if (path == NULL)
    return;
  title = g_strdup (*ev->summary != '\0' ? ev->summary
                                          : vigie_vocab_label (VIGIE_VOCAB_EVIDENCE_KIND,
                                                               ev->kind));
  preview = vigie_evidence_preview_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, path,
                                        title, ev->confidential);
  gtk_window_present (GTK_WINDOW (preview));
}

static void reload_evidence (VigieFindingEditor *self);

static void
testimony_saved_cb (VigieFindingEditor *self)
{
  reload_evidence (self);
  /* The finding's row shows whether it has confidential evidence. */
  if (self->record != NULL && self->record->id > 0)
    g_signal_emit (self, signals[SIGNAL_SAVED], 0, self->record->id, FALSE);
}

GtkWindow *
vigie_finding_editor_edit_testimony (VigieFindingEditor *self,
                                     gint64              id)
{
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  VigieTestimonyDialog *dialog;

  g_return_val_if_fail (VIGIE_IS_FINDING_EDITOR (self), NULL);

  if (self->store == NULL || self->record == NULL)
    return NULL;
  if (self->record->id <= 0)
    {
      add_toast (self, _("Save the finding before adding testimony."));
      return NULL;
    }
  dialog = vigie_testimony_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       self->store, self->record->id, id, &error);
  if (dialog == NULL)
    {
      add_toast (self, error->message);
      return NULL;
    }
  g_signal_connect_object (dialog, "saved", G_CALLBACK (testimony_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
testimony_clicked_cb (VigieFindingEditor *self)
{
  vigie_finding_editor_edit_testimony (self, 0);
}

static void
evidence_row_activated_cb (AdwActionRow       *row,
                           VigieFindingEditor *self)
{
  VigieEvidenceRecord *ev = g_object_get_data (G_OBJECT (row), "evidence");

  if (ev != NULL && g_strcmp0 (ev->kind, "testimony") == 0)
    vigie_finding_editor_edit_testimony (self, ev->id);
}

static void
reload_evidence (VigieFindingEditor *self)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  guint shown = 0;

  if (self->page == NULL)
    return;
  for (guint i = 0; i < self->evidence_rows->len; i++)
    adw_preferences_group_remove (self->evidence_group,
                                  g_ptr_array_index (self->evidence_rows, i));
  g_ptr_array_set_size (self->evidence_rows, 0);
  if (self->store == NULL || self->record == NULL || self->record->id <= 0)
    {
      adw_preferences_group_set_description (self->evidence_group,
                                             _("Save the finding to attach evidence."));
      return;
    }
  list = vigie_store_list_evidence (self->store, self->record->id, &error);
  if (list == NULL)
    return;
  for (guint i = 0; i < list->len; i++)
    {
      VigieEvidenceRecord *ev = g_ptr_array_index (list, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove;
      g_autofree char *title = NULL;
      GString *subtitle = g_string_new (NULL);
      const char *kind = vigie_vocab_label (VIGIE_VOCAB_EVIDENCE_KIND, ev->kind);
      gboolean testimony = g_strcmp0 (ev->kind, "testimony") == 0;

      if (g_hash_table_contains (self->hidden_evidence, &ev->id))
        {
          g_object_ref_sink (row);
          g_object_unref (row);
          g_string_free (subtitle, TRUE);
          continue;
        }
      shown++;
      if (testimony)
        /* Translators: testimony under a pseudonym, e.g. "Testimony — Worker K-12" */
        title = g_strdup_printf (_("%1$s — %2$s"), kind, ev->pseudonym);
      else
        title = g_strdup (*ev->summary != '\0' ? ev->summary : kind);
      if (ev->confidential)
        g_string_append_printf (subtitle, "%s · ", _("Confidential"));
      if (testimony)
        {
          g_string_append (subtitle, _("Under a pseudonym, never a real name"));
          g_string_append_printf (subtitle, " · %s", ev->consent_to_quote
                                                     ? _("may be quoted")
                                                     : _("not to be quoted"));
          if (*ev->summary != '\0')
            g_string_append_printf (subtitle, "\n%s", ev->summary);
        }
      else
        {
          g_string_append (subtitle, kind);
          if (ev->file_name != NULL)
            g_string_append_printf (subtitle, " · %s", ev->media_type);
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      g_string_free (subtitle, TRUE);
      g_object_set_data_full (G_OBJECT (row), "evidence", vigie_evidence_record_copy (ev),
                              (GDestroyNotify) vigie_evidence_record_free);
      if (ev->confidential)
        {
          GtkWidget *mark = gtk_image_new_from_icon_name ("channel-secure-symbolic");

          gtk_widget_set_tooltip_text (mark, _("Confidential"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (mark),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Confidential"), -1);
          gtk_widget_add_css_class (mark, "warning");
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), mark);
        }
      if (testimony)
        {
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_widget_set_tooltip_text (row, _("Edit the testimony"));
          g_signal_connect_object (row, "activated", G_CALLBACK (evidence_row_activated_cb),
                                   self, 0);
        }
      if (g_strcmp0 (ev->media_type, "application/pdf") == 0)
        {
          GtkWidget *button = gtk_button_new_from_icon_name ("x-office-document-symbolic");

          gtk_widget_set_tooltip_text (button, _("Preview the PDF"));
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "flat");
          g_object_set_data_full (G_OBJECT (button), "evidence",
                                  vigie_evidence_record_copy (ev),
                                  (GDestroyNotify) vigie_evidence_record_free);
          g_signal_connect_object (button, "clicked", G_CALLBACK (preview_clicked_cb), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_set_tooltip_text (remove, _("Delete this evidence"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Delete this evidence"), -1);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "findings.delete-evidence");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "x", ev->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (self->evidence_group, row);
      g_ptr_array_add (self->evidence_rows, row);
    }
  adw_preferences_group_set_description (self->evidence_group,
                                         shown == 0 ? _("No evidence yet.") : NULL);
}

void
vigie_finding_editor_hide_evidence (VigieFindingEditor *self,
                                    gint64              id,
                                    gboolean            hidden)
{
  g_return_if_fail (VIGIE_IS_FINDING_EDITOR (self));

  if (hidden)
    g_hash_table_add (self->hidden_evidence, g_memdup2 (&id, sizeof id));
  else
    g_hash_table_remove (self->hidden_evidence, &id);
  reload_evidence (self);
}

guint
vigie_finding_editor_get_n_evidence_rows (VigieFindingEditor *self)
{
  return self->evidence_rows->len;
}

AdwActionRow *
vigie_finding_editor_get_evidence_row (VigieFindingEditor *self,
                                       guint               index)
{
  g_return_val_if_fail (index < self->evidence_rows->len, NULL);
  return g_ptr_array_index (self->evidence_rows, index);
}

gboolean
vigie_finding_editor_attach_path (VigieFindingEditor  *self,
                                  const char          *path,
                                  const char          *kind,
                                  GError             **error)
{
  g_autoptr(VigieEvidenceRecord) ev = vigie_evidence_record_new ();
  g_autofree char *base = NULL;

  g_return_val_if_fail (VIGIE_IS_FINDING_EDITOR (self), FALSE);

  if (self->store == NULL || self->record == NULL || self->record->id <= 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("Save the finding before attaching evidence."));
      return FALSE;
    }
  ev->finding_id = self->record->id;
  if (kind != NULL)
    {
      g_free (ev->kind);
      ev->kind = g_strdup (kind);
    }
  if (!vigie_evidence_attach_file (self->store, ev, path, NULL, error))
    return FALSE;
  if (g_str_has_prefix (ev->media_type, "image/") && kind == NULL)
    {
      g_free (ev->kind);
      ev->kind = g_strdup ("photo");
    }
  base = g_filename_display_basename (path);
  g_free (ev->summary);
  ev->summary = g_steal_pointer (&base);
  if (vigie_store_insert_evidence (self->store, ev, error) == 0)
    return FALSE;
  reload_evidence (self);
  return TRUE;
}

static void
chooser_response_cb (GtkNativeDialog    *chooser,
                     int                 response,
                     VigieFindingEditor *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL || g_file_peek_path (file) == NULL)
    return;
  if (!vigie_finding_editor_attach_path (self, g_file_peek_path (file), NULL, &error))
    add_toast (self, error->message);
  else
    add_toast (self, _("Evidence attached (a copy is kept in the dataset’s evidence folder)"));
}

void
vigie_finding_editor_attach (VigieFindingEditor *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_return_if_fail (VIGIE_IS_FINDING_EDITOR (self));

  if (self->chooser != NULL || self->record == NULL)
    return;
  if (self->record->id <= 0)
    {
      add_toast (self, _("Save the finding before attaching evidence."));
      return;
    }
  self->chooser = gtk_file_chooser_native_new (_("Attach Evidence"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF Files and Images"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_pixbuf_formats (filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

GtkWindow *
vigie_finding_editor_preview_first_pdf (VigieFindingEditor *self)
{
  g_autoptr(GPtrArray) list = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->store == NULL || self->record == NULL || self->record->id <= 0)
    return NULL;
  list = vigie_store_list_evidence (self->store, self->record->id, NULL);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      VigieEvidenceRecord *ev = g_ptr_array_index (list, i);
      g_autofree char *path = NULL;

      if (g_strcmp0 (ev->media_type, "application/pdf") != 0)
        continue;
      path = vigie_evidence_file_path (self->store, ev);
      return GTK_WINDOW (vigie_evidence_preview_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                          : NULL,
                                                     path, ev->summary, ev->confidential));
    }
  return NULL;
}

/* ─── Loading and saving ─────────────────────────────────────────────────── */

static void
fill_investigations (VigieFindingEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) list = NULL;
  gint64 none = 0;
  guint selected = 0;

  g_array_set_size (self->investigation_ids, 0);
  gtk_string_list_append (names, _("None"));
  g_array_append_val (self->investigation_ids, none);
  if (self->store != NULL && self->record->site_id > 0)
    list = vigie_store_list_investigations (self->store, self->record->site_id, NULL);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      VigieInvestigationRecord *inv = g_ptr_array_index (list, i);
      g_autofree char *label = g_strdup_printf ("%s — %s", inv->start_date,
                                                *inv->title != '\0' ? inv->title
                                                : vigie_vocab_label (VIGIE_VOCAB_INVESTIGATION_TRIGGER,
                                                                     inv->trigger));

      gtk_string_list_append (names, label);
      g_array_append_val (self->investigation_ids, inv->id);
      if (inv->id == self->record->investigation_id)
        selected = i + 1;
    }
  adw_combo_row_set_model (self->investigation_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->investigation_row, selected);
}

static void
fill_form (VigieFindingEditor *self)
{
  VigieFindingRecord *r = self->record;
  gboolean *groups[5] = { &r->affects_women, &r->affects_migrant, &r->affects_agency,
                          &r->affects_student, &r->affects_young };
  g_autoptr(VigieSiteRecord) site = NULL;
  g_autofree char *workers = NULL;

  ensure_form (self);
  /* The standards and indicators are built when a finding is first shown, not with the
   * page (set_store drops them): the editor shows its empty state until then. */
  if (self->standards == NULL)
    build_reference_rows (self);
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), r->title);
  site = r->site_id > 0 ? vigie_store_get_site (self->store, r->site_id, NULL) : NULL;
  adw_action_row_set_subtitle (self->site_row, site != NULL ? site->name
                                                            : _("Choose a site on the "
                                                                "Factories page"));
  fill_investigations (self);
  set_combo (self->severity_row, VIGIE_VOCAB_SEVERITY, r->severity);
  set_combo (self->kind_row, VIGIE_VOCAB_FINDING_KIND, r->kind);
  set_combo (self->status_row, VIGIE_VOCAB_FINDING_STATUS, r->status);
  set_combo (self->disclosure_row, VIGIE_VOCAB_DISCLOSURE_LEVEL, r->disclosure_level);
  gtk_editable_set_text (GTK_EDITABLE (self->first_observed_row), r->first_observed);
  workers = r->workers_affected >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT,
                                                        r->workers_affected) : g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (self->workers_row), workers);
  for (guint i = 0; i < 5; i++)
    gtk_switch_set_active (self->groups[i], *groups[i]);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view), r->description,
                            -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->response_view),
                            r->company_response, -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), r->notes, -1);
  for (guint i = 0; self->standards != NULL && i < self->standards->len; i++)
    {
      VigieStandardInfo *s = g_ptr_array_index (self->standards, i);

      gtk_check_button_set_active (g_ptr_array_index (self->standard_checks, i),
                                   ids_contain (r->standard_ids, s->id));
    }
  for (guint i = 0; self->indicators != NULL && i < self->indicators->len; i++)
    {
      VigieIndicatorInfo *info = g_ptr_array_index (self->indicators, i);

      gtk_check_button_set_active (g_ptr_array_index (self->indicator_checks, i),
                                   ids_contain (r->indicator_ids, info->id));
    }
  set_row_error (GTK_WIDGET (self->title_row), self->title_error, NULL);
  set_row_error (GTK_WIDGET (self->first_observed_row), self->first_observed_error, NULL);
  set_row_error (GTK_WIDGET (self->workers_row), self->workers_error, NULL);
  adw_window_title_set_title (self->heading, r->id > 0 ? _("Finding") : _("New Finding"));
  adw_window_title_set_subtitle (self->heading, site != NULL ? site->name : "");
  update_deadlines (self);
  reload_evidence (self);
  self->loading = FALSE;
  self->modified = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "form");
}

gboolean
vigie_finding_editor_load (VigieFindingEditor  *self,
                           gint64               id,
                           GError             **error)
{
  VigieFindingRecord *record;

  g_return_val_if_fail (VIGIE_IS_FINDING_EDITOR (self), FALSE);

  if (self->store == NULL)
    return FALSE;
  record = vigie_store_get_finding (self->store, id, error);
  if (record == NULL)
    return FALSE;
  g_clear_pointer (&self->record, vigie_finding_record_free);
  self->record = record;
  fill_form (self);
  return TRUE;
}

void
vigie_finding_editor_new_finding (VigieFindingEditor *self,
                                  gint64              site_id)
{
  g_return_if_fail (VIGIE_IS_FINDING_EDITOR (self));

  g_clear_pointer (&self->record, vigie_finding_record_free);
  self->record = vigie_finding_record_new ();
  self->record->site_id = site_id;
  fill_form (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

void
vigie_finding_editor_clear (VigieFindingEditor *self)
{
  g_return_if_fail (VIGIE_IS_FINDING_EDITOR (self));

  g_clear_pointer (&self->record, vigie_finding_record_free);
  self->modified = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

gint64
vigie_finding_editor_get_id (VigieFindingEditor *self)
{
  return self->record != NULL ? self->record->id : 0;
}

gint64
vigie_finding_editor_get_site_id (VigieFindingEditor *self)
{
  return self->record != NULL ? self->record->site_id : 0;
}

gboolean
vigie_finding_editor_get_modified (VigieFindingEditor *self)
{
  return self->record != NULL && self->modified;
}

GtkWidget *
vigie_finding_editor_get_title_row (VigieFindingEditor *self)
{
  ensure_form (self);
  return GTK_WIDGET (self->title_row);
}

gboolean
vigie_finding_editor_save (VigieFindingEditor  *self,
                           GError             **error)
{
  g_autoptr(VigieFindingRecord) r = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  gboolean *groups[5];
  const char *workers;
  guint inv;
  gboolean created;

  g_return_val_if_fail (VIGIE_IS_FINDING_EDITOR (self), FALSE);

  if (self->record == NULL || self->store == NULL)
    return TRUE;
  r = vigie_finding_record_copy (self->record);
  groups[0] = &r->affects_women;
  groups[1] = &r->affects_migrant;
  groups[2] = &r->affects_agency;
  groups[3] = &r->affects_student;
  groups[4] = &r->affects_young;

  g_free (r->title);
  r->title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  inv = adw_combo_row_get_selected (self->investigation_row);
  r->investigation_id = inv < self->investigation_ids->len
                        ? g_array_index (self->investigation_ids, gint64, inv) : 0;
  g_free (r->severity);
  r->severity = g_strdup (combo_code (self->severity_row, VIGIE_VOCAB_SEVERITY));
  g_free (r->kind);
  r->kind = g_strdup (combo_code (self->kind_row, VIGIE_VOCAB_FINDING_KIND));
  g_free (r->status);
  r->status = g_strdup (combo_code (self->status_row, VIGIE_VOCAB_FINDING_STATUS));
  g_free (r->disclosure_level);
  r->disclosure_level = g_strdup (combo_code (self->disclosure_row,
                                              VIGIE_VOCAB_DISCLOSURE_LEVEL));
  g_free (r->first_observed);
  r->first_observed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->first_observed_row))));
  for (guint i = 0; i < 5; i++)
    *groups[i] = gtk_switch_get_active (self->groups[i]);
  g_free (r->description);
  r->description = text_of (self->description_view);
  g_free (r->company_response);
  r->company_response = text_of (self->response_view);
  g_free (r->notes);
  r->notes = text_of (self->notes_view);
  g_array_set_size (r->standard_ids, 0);
  for (guint i = 0; self->standards != NULL && i < self->standards->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->standard_checks, i)))
      g_array_append_val (r->standard_ids,
                          ((VigieStandardInfo *) g_ptr_array_index (self->standards, i))->id);
  g_array_set_size (r->indicator_ids, 0);
  for (guint i = 0; self->indicators != NULL && i < self->indicators->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->indicator_checks, i)))
      g_array_append_val (r->indicator_ids,
                          ((VigieIndicatorInfo *) g_ptr_array_index (self->indicators, i))->id);

  set_row_error (GTK_WIDGET (self->title_row), self->title_error, NULL);
  set_row_error (GTK_WIDGET (self->first_observed_row), self->first_observed_error, NULL);
  set_row_error (GTK_WIDGET (self->workers_row), self->workers_error, NULL);

  workers = gtk_editable_get_text (GTK_EDITABLE (self->workers_row));
  if (workers == NULL || *workers == '\0')
    r->workers_affected = -1;
  else
    {
      char *end = NULL;
      gint64 n = g_ascii_strtoll (workers, &end, 10);

      if (end == NULL || *end != '\0' || n < 0)
        {
          set_row_error (GTK_WIDGET (self->workers_row), self->workers_error,
                         _("Enter a whole number of workers, or nothing if unknown."));
          g_set_error_literal (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_CONSTRAINT,
                               _("Enter a whole number of workers, or nothing if unknown."));
          return FALSE;
        }
      r->workers_affected = n;
    }

  errors = vigie_finding_validate (self->store, r);
  if (errors->len > 0)
    {
      for (guint i = 0; i < errors->len; i++)
        {
          VigieFieldError *e = g_ptr_array_index (errors, i);

          if (strcmp (e->field, "title") == 0)
            set_row_error (GTK_WIDGET (self->title_row), self->title_error, e->reason);
          else if (strcmp (e->field, "first_observed") == 0 || strcmp (e->field, "closed_on") == 0)
            set_row_error (GTK_WIDGET (self->first_observed_row), self->first_observed_error,
                           e->reason);
        }
      g_set_error_literal (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_CONSTRAINT,
                           ((VigieFieldError *) g_ptr_array_index (errors, 0))->reason);
      return FALSE;
    }

  created = r->id <= 0;
  if (created ? vigie_store_insert_finding (self->store, r, error) == 0
              : !vigie_store_update_finding (self->store, r, error))
    return FALSE;
  g_clear_pointer (&self->record, vigie_finding_record_free);
  self->record = g_steal_pointer (&r);
  self->modified = FALSE;
  adw_window_title_set_title (self->heading, _("Finding"));
  reload_evidence (self);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, self->record->id, created);
  return TRUE;
}

void
vigie_finding_editor_cycle_status (VigieFindingEditor *self)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_return_if_fail (VIGIE_IS_FINDING_EDITOR (self));

  if (self->record == NULL)
    return;
  vigie_vocab_entries (VIGIE_VOCAB_FINDING_STATUS, &n);
  adw_combo_row_set_selected (self->status_row,
                              (adw_combo_row_get_selected (self->status_row) + 1) % n);
  if (!vigie_finding_editor_save (self, &error))
    add_toast (self, error->message);
}

static void
save_clicked_cb (VigieFindingEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!vigie_finding_editor_save (self, &error))
    add_toast (self, error->message);
}

static void
show_site_clicked_cb (VigieFindingEditor *self)
{
  if (self->record != NULL && self->record->site_id > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "findings.show-site", "x",
                                self->record->site_id);
}

void
vigie_finding_editor_set_store (VigieFindingEditor *self,
                                VigieStore         *store)
{
  g_return_if_fail (VIGIE_IS_FINDING_EDITOR (self));

  if (!g_set_object (&self->store, store))
    return;
  vigie_finding_editor_clear (self);
  /* Rebuild the standards and indicators of this dataset. Removing a row destroys its
   * checks, so no check is looked at after that. */
  {
    g_autoptr(GPtrArray) indicator_rows = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < self->indicator_checks->len; i++)
      {
        GtkWidget *row = gtk_widget_get_ancestor (g_ptr_array_index (self->indicator_checks, i),
                                                  ADW_TYPE_ACTION_ROW);
        if (row != NULL)
          g_ptr_array_add (indicator_rows, g_object_ref (row));
      }
    g_ptr_array_set_size (self->standard_checks, 0);
    g_ptr_array_set_size (self->indicator_checks, 0);
    for (guint i = 0; i < self->standard_expanders->len; i++)
      adw_preferences_group_remove (self->standards_group,
                                    g_ptr_array_index (self->standard_expanders, i));
    g_ptr_array_set_size (self->standard_expanders, 0);
    for (guint i = 0; i < indicator_rows->len; i++)
      if (gtk_widget_get_parent (g_ptr_array_index (indicator_rows, i)) != NULL)
        adw_preferences_group_remove (self->indicators_group,
                                      g_ptr_array_index (indicator_rows, i));
  }
  /* Built again by the next fill_form. */
  g_clear_pointer (&self->standards, g_ptr_array_unref);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
}

/* ─── Class ──────────────────────────────────────────────────────────────── */

static void
vigie_finding_editor_dispose (GObject *object)
{
  VigieFindingEditor *self = VIGIE_FINDING_EDITOR (object);
  GtkWidget *child;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->record, vigie_finding_record_free);
  g_clear_pointer (&self->standards, g_ptr_array_unref);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_clear_pointer (&self->standard_checks, g_ptr_array_unref);
  g_clear_pointer (&self->indicator_checks, g_ptr_array_unref);
  g_clear_pointer (&self->standard_expanders, g_ptr_array_unref);
  g_clear_pointer (&self->evidence_rows, g_ptr_array_unref);
  g_clear_pointer (&self->hidden_evidence, g_hash_table_unref);
  g_clear_pointer (&self->investigation_ids, g_array_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (vigie_finding_editor_parent_class)->dispose (object);
}

static void
vigie_finding_editor_class_init (VigieFindingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigie_finding_editor_dispose;
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64,
                                        G_TYPE_BOOLEAN);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static GtkTextView *
text_group (AdwPreferencesPage *page,
            const char         *title,
            const char         *description)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 72);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_widget_add_css_class (frame, "view");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
  return GTK_TEXT_VIEW (view);
}

static AdwComboRow *
combo_row (AdwPreferencesGroup *group,
           const char          *title,
           VigieVocab           vocab)
{
  g_autoptr(GtkStringList) model = vocab_model (vocab);
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_preferences_group_add (group, row);
  return ADW_COMBO_ROW (row);
}

/* The form: built the first time a finding is shown (a page shows the empty state until
 * then, and the form's hundred-odd rows are a good part of the page's start-up). */
static void
ensure_form (VigieFindingEditor *self)
{
  GtkWidget *box, *header, *save, *group, *main_group, *status_group, *people_group, *button;
  GtkWidget *show_site;

  if (self->page != NULL)
    return;
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_set_margin_top (header, 8);
  gtk_widget_set_margin_bottom (header, 8);
  self->heading = ADW_WINDOW_TITLE (adw_window_title_new (_("Finding"), ""));
  gtk_widget_set_hexpand (GTK_WIDGET (self->heading), TRUE);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->heading));
  button = gtk_button_new_from_icon_name ("mail-attachment-symbolic");
  gtk_widget_set_tooltip_text (button, _("Attach Evidence (Ctrl+Shift+A)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "findings.attach");
  gtk_box_append (GTK_BOX (header), button);
  save = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_widget_set_tooltip_text (save, _("Save (Ctrl+S)"));
  g_signal_connect_object (save, "clicked", G_CALLBACK (save_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (header), save);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->page), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->page));
  gtk_stack_add_named (self->stack, box, "form");

  main_group = adw_preferences_group_new ();
  self->title_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->title_row), _("Title"));
  self->title_error = error_label_new (GTK_WIDGET (self->title_row));
  g_signal_connect_object (self->title_row, "changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (main_group), GTK_WIDGET (self->title_row));
  self->site_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->site_row), _("Site"));
  show_site = gtk_button_new_from_icon_name ("find-location-symbolic");
  gtk_widget_set_tooltip_text (show_site, _("Show the site on the Factories page"));
  gtk_widget_set_valign (show_site, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (show_site, "flat");
  g_signal_connect_object (show_site, "clicked", G_CALLBACK (show_site_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (self->site_row, show_site);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (main_group), GTK_WIDGET (self->site_row));
  self->investigation_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->investigation_row),
                                 _("Investigation"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (main_group),
                             GTK_WIDGET (self->investigation_row));
  self->first_observed_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  /* Translators: a date field; the format hint stays as is */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->first_observed_row),
                                 _("First observed (YYYY-MM-DD)"));
  self->first_observed_error = error_label_new (GTK_WIDGET (self->first_observed_row));
  g_signal_connect_object (self->first_observed_row, "changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (main_group),
                             GTK_WIDGET (self->first_observed_row));
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (main_group));

  status_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (status_group), _("Assessment"));
  self->severity_row = combo_row (ADW_PREFERENCES_GROUP (status_group), _("Severity"),
                                  VIGIE_VOCAB_SEVERITY);
  g_signal_connect_object (self->severity_row, "notify::selected",
                           G_CALLBACK (severity_changed_cb), self, G_CONNECT_SWAPPED);
  self->kind_row = combo_row (ADW_PREFERENCES_GROUP (status_group), _("Kind"),
                              VIGIE_VOCAB_FINDING_KIND);
  self->status_row = combo_row (ADW_PREFERENCES_GROUP (status_group), _("Status"),
                                VIGIE_VOCAB_FINDING_STATUS);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->status_row),
                               _("Ctrl+T moves to the next status"));
  self->disclosure_row = combo_row (ADW_PREFERENCES_GROUP (status_group), _("Disclosure level"),
                                    VIGIE_VOCAB_DISCLOSURE_LEVEL);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->disclosure_row),
                               _("Who may see this finding in exports"));
  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status_row, "notify::selected", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->disclosure_row, "notify::selected", G_CALLBACK (changed_cb),
                           self, G_CONNECT_SWAPPED);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (status_group));

  self->description_view = text_group (self->page, _("Description"), NULL);

  people_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (people_group), _("Workers Affected"));
  self->workers_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->workers_row),
                                 _("Estimated number"));
  adw_entry_row_set_input_purpose (self->workers_row, GTK_INPUT_PURPOSE_DIGITS);
  self->workers_error = error_label_new (GTK_WIDGET (self->workers_row));
  g_signal_connect_object (self->workers_row, "changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (people_group),
                             GTK_WIDGET (self->workers_row));
  for (guint i = 0; i < 5; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      self->groups[i] = GTK_SWITCH (gtk_switch_new ());
      gtk_widget_set_valign (GTK_WIDGET (self->groups[i]), GTK_ALIGN_CENTER);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(group_labels[i]));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->groups[i]));
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->groups[i]));
      g_signal_connect_object (self->groups[i], "notify::active", G_CALLBACK (changed_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (people_group), row);
    }
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (people_group));

  group = adw_preferences_group_new ();
  self->standards_group = ADW_PREFERENCES_GROUP (group);
  adw_preferences_group_set_title (self->standards_group, _("Code Standards"));
  adw_preferences_group_set_description (self->standards_group,
                                         _("Every standard breached, from any code; each "
                                           "theme shows the RBA clauses it maps to."));
  adw_preferences_page_add (self->page, self->standards_group);

  group = adw_preferences_group_new ();
  self->indicators_group = ADW_PREFERENCES_GROUP (group);
  adw_preferences_group_set_title (self->indicators_group,
                                   _("ILO Indicators of Forced Labour"));
  adw_preferences_page_add (self->page, self->indicators_group);

  group = adw_preferences_group_new ();
  self->evidence_group = ADW_PREFERENCES_GROUP (group);
  adw_preferences_group_set_title (self->evidence_group, _("Evidence"));
  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button),
                        adw_button_content_new ());
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (button))),
                                    "avatar-default-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (button))),
                                _("Add _Testimony"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (button))),
                                        TRUE);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Add testimony under a pseudonym"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (testimony_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (self->evidence_group, button);
  adw_preferences_page_add (self->page, self->evidence_group);

  self->response_view = text_group (self->page, _("Company Response"), NULL);
  self->notes_view = text_group (self->page, _("Internal Notes"),
                                 _("Never exported below the internal disclosure level."));
  g_signal_connect_object (gtk_text_view_get_buffer (self->description_view), "changed",
                           G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->response_view), "changed",
                           G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
}

static void
vigie_finding_editor_init (VigieFindingEditor *self)
{
  self->standard_checks = g_ptr_array_new ();
  self->indicator_checks = g_ptr_array_new ();
  self->standard_expanders = g_ptr_array_new ();
  self->evidence_rows = g_ptr_array_new ();
  self->hidden_evidence = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->investigation_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->settings = vigie_settings_new ();

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_hhomogeneous (self->stack, FALSE);
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));

  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_page, "dialog-warning-symbolic");
  adw_status_page_set_title (self->empty_page, _("No Finding Selected"));
  adw_status_page_set_description (self->empty_page,
                                   _("Choose a finding in the list, or add one with "
                                     "Ctrl+Shift+N."));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");

  gtk_stack_set_visible_child_name (self->stack, "empty");
}

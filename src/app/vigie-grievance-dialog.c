/* vigie-grievance-dialog.c — a grievance of a site: how and when it was received, by how
 * many people, about what, whether retaliation was reported, its status and stage dates,
 * the finding it led to, and where it stands against each time frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "vigie-factories-private.h"
#include "vigie-finding-list.h"
#include "vigie-form.h"
#include "vigie-grievance-dialog.h"
#include "vigie-util.h"

struct _VigieGrievanceDialog
{
  AdwWindow             parent_instance;

  VigieStore           *store;
  VigieGrievanceRecord *record;
  GArray               *finding_ids;    /* gint64, parallel to finding_row (0 = none) */
  gboolean              loading;

  AdwWindowTitle       *heading;
  AdwToastOverlay      *overlay;
  AdwEntryRow          *received_row;
  GtkWidget            *received_error;
  AdwComboRow          *channel_row;
  GtkSwitch            *anonymous_switch;
  AdwEntryRow          *complainants_row;
  GtkWidget            *complainants_error;
  AdwEntryRow          *topic_row;
  GtkWidget            *topic_error;
  GtkSwitch            *retaliation_switch;
  AdwComboRow          *status_row;
  AdwEntryRow          *acknowledged_row;
  GtkWidget            *acknowledged_error;
  AdwEntryRow          *resolved_row;
  GtkWidget            *resolved_error;
  AdwComboRow          *finding_row;
  GtkWidget            *finding_error;
  GtkTextView          *notes_view;
  AdwPreferencesGroup  *timeframe_group;
  GtkWidget            *stage_rows[VIGIE_GRIEVANCE_N_STAGES];
  GtkWidget            *stage_icons[VIGIE_GRIEVANCE_N_STAGES];
};

G_DEFINE_FINAL_TYPE (VigieGrievanceDialog, vigie_grievance_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ─── Time frames in words ───────────────────────────────────────────────── */

char *
vigie_grievance_stage_title (const VigieGrievanceStageStatus *status)
{
  const VigieGrievanceTimeframe *frames = vigie_grievance_timeframes (NULL);

  /* Translators: a stage of handling a grievance and its time frame, e.g. "Acknowledged
   * within 7 days" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s within %2$d day",
                                       "%1$s within %2$d days", status->days_allowed),
                          _(frames[status->stage].label), status->days_allowed);
}

char *
vigie_grievance_stage_describe (const VigieGrievanceStageStatus *status)
{
  g_autofree char *due = vigie_factories_format_date (status->due_on);
  int late = status->days_taken - status->days_allowed;

  if (status->done && status->days_taken < 0)
    return g_strdup (_("Reached, on a date not recorded"));
  if (status->done && status->breached)
    /* Translators: a grievance stage reached after its time frame */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Breach: reached after %1$d days, %2$d day late",
                                         "Breach: reached after %1$d days, %2$d days late",
                                         late),
                            status->days_taken, late);
  if (status->done)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Kept: reached after %d day",
                                         "Kept: reached after %d days", status->days_taken),
                            status->days_taken);
  if (status->breached)
    /* Translators: %1$s is a date */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Breach: due on %1$s, overdue by %2$d day",
                                         "Breach: due on %1$s, overdue by %2$d days", late),
                            due, late);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Pending: due on %1$s, %2$d day left",
                                       "Pending: due on %1$s, %2$d days left", -late),
                          due, -late);
}

GtkWidget *
vigie_grievance_stage_icon_new (const VigieGrievanceStageStatus *status)
{
  GtkWidget *icon;
  const char *label;

  if (status->breached)
    {
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "error");
      label = _("Time frame breached");
    }
  else if (status->done)
    {
      icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
      gtk_widget_add_css_class (icon, "success");
      label = _("Time frame kept");
    }
  else
    {
      icon = gtk_image_new_from_icon_name ("document-open-recent-symbolic");
      gtk_widget_add_css_class (icon, "dim-label");
      label = _("Within its time frame so far");
    }
  gtk_widget_set_tooltip_text (icon, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  return icon;
}

/* ─── Form ───────────────────────────────────────────────────────────────── */

static VigieGrievanceRecord *
record_from_form (VigieGrievanceDialog *self,
                  gboolean             *numbers_ok)
{
  VigieGrievanceRecord *r = vigie_grievance_record_copy (self->record);
  guint finding = adw_combo_row_get_selected (self->finding_row);

  g_free (r->received_on);
  r->received_on = vigie_form_entry_text (self->received_row);
  g_free (r->channel);
  r->channel = g_strdup (vigie_form_combo_code (self->channel_row, VIGIE_VOCAB_GRIEVANCE_CHANNEL));
  r->anonymous = gtk_switch_get_active (self->anonymous_switch);
  *numbers_ok = vigie_factories_parse_count (gtk_editable_get_text (GTK_EDITABLE (self->complainants_row)),
                                             &r->complainants);
  if (r->complainants < 0)
    r->complainants = 0;
  g_free (r->topic);
  r->topic = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->topic_row))));
  r->retaliation_reported = gtk_switch_get_active (self->retaliation_switch);
  g_free (r->status);
  r->status = g_strdup (vigie_form_combo_code (self->status_row, VIGIE_VOCAB_GRIEVANCE_STATUS));
  g_free (r->acknowledged_on);
  r->acknowledged_on = vigie_form_entry_text (self->acknowledged_row);
  g_free (r->resolved_on);
  r->resolved_on = vigie_form_entry_text (self->resolved_row);
  r->finding_id = finding < self->finding_ids->len
                  ? g_array_index (self->finding_ids, gint64, finding) : 0;
  g_free (r->notes);
  r->notes = vigie_form_text (self->notes_view);
  return r;
}

static gboolean
valid_date_or_empty (const char *text)
{
  GDate date;

  if (text == NULL)
    return TRUE;
  if (strlen (text) != 10)
    return FALSE;
  g_date_clear (&date, 1);
  g_date_set_parse (&date, text);
  return g_date_valid (&date);
}

static void
update_timeframes (VigieGrievanceDialog *self)
{
  g_autoptr(VigieGrievanceRecord) r = NULL;
  g_autofree char *today = vigie_today_iso ();
  VigieGrievanceStageStatus status[VIGIE_GRIEVANCE_N_STAGES];
  gboolean ok;

  if (self->record == NULL)
    return;
  r = record_from_form (self, &ok);
  for (guint i = 0; i < VIGIE_GRIEVANCE_N_STAGES; i++)
    if (self->stage_icons[i] != NULL)
      {
        adw_action_row_remove (ADW_ACTION_ROW (self->stage_rows[i]), self->stage_icons[i]);
        self->stage_icons[i] = NULL;
      }
  if (r->received_on == NULL || !valid_date_or_empty (r->received_on)
      || !valid_date_or_empty (r->acknowledged_on) || !valid_date_or_empty (r->resolved_on))
    {
      for (guint i = 0; i < VIGIE_GRIEVANCE_N_STAGES; i++)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (self->stage_rows[i]),
                                     _("Enter valid dates to see where it stands"));
      return;
    }
  vigie_grievance_check (r, today, status);
  for (guint i = 0; i < VIGIE_GRIEVANCE_N_STAGES; i++)
    {
      g_autofree char *title = vigie_grievance_stage_title (&status[i]);
      g_autofree char *text = vigie_grievance_stage_describe (&status[i]);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->stage_rows[i]), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->stage_rows[i]), text);
      self->stage_icons[i] = vigie_grievance_stage_icon_new (&status[i]);
      adw_action_row_add_prefix (ADW_ACTION_ROW (self->stage_rows[i]), self->stage_icons[i]);
    }
}

static void
clear_errors (VigieGrievanceDialog *self)
{
  vigie_factories_set_row_error (GTK_WIDGET (self->received_row), self->received_error, NULL);
  vigie_factories_set_row_error (GTK_WIDGET (self->complainants_row), self->complainants_error,
                                 NULL);
  vigie_factories_set_row_error (GTK_WIDGET (self->topic_row), self->topic_error, NULL);
  vigie_factories_set_row_error (GTK_WIDGET (self->acknowledged_row), self->acknowledged_error,
                                 NULL);
  vigie_factories_set_row_error (GTK_WIDGET (self->resolved_row), self->resolved_error, NULL);
  vigie_factories_set_row_error (GTK_WIDGET (self->finding_row), self->finding_error, NULL);
}

gboolean
vigie_grievance_dialog_save (VigieGrievanceDialog  *self,
                             GError               **error)
{
  g_autoptr(VigieGrievanceRecord) r = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  const char *reason = NULL;
  gboolean numbers_ok, created;

  g_return_val_if_fail (VIGIE_IS_GRIEVANCE_DIALOG (self), FALSE);

  clear_errors (self);
  r = record_from_form (self, &numbers_ok);
  if (!numbers_ok)
    {
      reason = _("Enter a whole number of complainants.");
      vigie_factories_set_row_error (GTK_WIDGET (self->complainants_row),
                                     self->complainants_error, reason);
    }
  errors = vigie_grievance_validate (self->store, r);
  for (guint i = 0; i < errors->len; i++)
    {
      VigieFieldError *e = g_ptr_array_index (errors, i);
      struct { const char *field; GtkWidget *row; GtkWidget *label; } map[] = {
        { "received_on", GTK_WIDGET (self->received_row), self->received_error },
        { "complainants", GTK_WIDGET (self->complainants_row), self->complainants_error },
        { "topic", GTK_WIDGET (self->topic_row), self->topic_error },
        { "acknowledged_on", GTK_WIDGET (self->acknowledged_row), self->acknowledged_error },
        { "resolved_on", GTK_WIDGET (self->resolved_row), self->resolved_error },
        { "finding_id", GTK_WIDGET (self->finding_row), self->finding_error },
      };

      for (guint k = 0; k < G_N_ELEMENTS (map); k++)
        if (strcmp (e->field, map[k].field) == 0)
          vigie_factories_set_row_error (map[k].row, map[k].label, e->reason);
      if (reason == NULL)
        reason = e->reason;
    }
  if (reason != NULL)
    {
      g_set_error_literal (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_CONSTRAINT, reason);
      return FALSE;
    }
  created = r->id <= 0;
  if (created ? vigie_store_insert_grievance (self->store, r, error) == 0
              : !vigie_store_update_grievance (self->store, r, error))
    return FALSE;
  vigie_grievance_record_free (self->record);
  self->record = g_steal_pointer (&r);
  adw_window_title_set_title (self->heading, _("Grievance"));
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, self->record->id);
  return TRUE;
}

static void
save_clicked_cb (VigieGrievanceDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (vigie_grievance_dialog_save (self, &error))
    gtk_window_close (GTK_WINDOW (self));
  else
    adw_toast_overlay_add_toast (self->overlay, adw_toast_new (error->message));
}

static void
fill_findings (VigieGrievanceDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(VigieFindingList) list = vigie_finding_list_new (self->store);
  g_autoptr(VigieFindingQuery) query = vigie_finding_query_new ();
  gint64 none = 0;
  guint selected = 0;

  gtk_string_list_append (names, _("None"));
  g_array_append_val (self->finding_ids, none);
  query->site_id = self->record->site_id;
  if (vigie_finding_list_set_query (list, query, NULL))
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
      {
        g_autoptr(VigieFindingRow) row = g_list_model_get_item (G_LIST_MODEL (list), i);
        gint64 id = vigie_finding_row_get_id (row);

        gtk_string_list_append (names, vigie_finding_row_get_title (row));
        g_array_append_val (self->finding_ids, id);
        if (id == self->record->finding_id)
          selected = self->finding_ids->len - 1;
      }
  adw_combo_row_set_model (self->finding_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->finding_row, selected);
}

VigieGrievanceDialog *
vigie_grievance_dialog_new (GtkWindow   *parent,
                            VigieStore  *store,
                            gint64       site_id,
                            gint64       id,
                            GError     **error)
{
  g_autoptr(VigieGrievanceRecord) record = NULL;
  g_autoptr(VigieSiteRecord) site = NULL;
  g_autofree char *complainants = NULL;
  VigieGrievanceDialog *self;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  if (id > 0)
    {
      record = vigie_store_get_grievance (store, id, error);
      if (record == NULL)
        return NULL;
    }
  else
    {
      record = vigie_grievance_record_new ();
      record->site_id = site_id;
    }
  site = vigie_store_get_site (store, record->site_id, error);
  if (site == NULL)
    return NULL;

  self = g_object_new (VIGIE_TYPE_GRIEVANCE_DIALOG, NULL);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  self->store = g_object_ref (store);
  self->record = g_steal_pointer (&record);
  self->loading = TRUE;
  adw_window_title_set_title (self->heading, id > 0 ? _("Grievance") : _("New Grievance"));
  adw_window_title_set_subtitle (self->heading, site->name);
  gtk_editable_set_text (GTK_EDITABLE (self->received_row), self->record->received_on);
  vigie_form_set_combo (self->channel_row, VIGIE_VOCAB_GRIEVANCE_CHANNEL, self->record->channel);
  gtk_switch_set_active (self->anonymous_switch, self->record->anonymous);
  complainants = g_strdup_printf ("%" G_GINT64_FORMAT, self->record->complainants);
  gtk_editable_set_text (GTK_EDITABLE (self->complainants_row), complainants);
  gtk_editable_set_text (GTK_EDITABLE (self->topic_row), self->record->topic);
  gtk_switch_set_active (self->retaliation_switch, self->record->retaliation_reported);
  vigie_form_set_combo (self->status_row, VIGIE_VOCAB_GRIEVANCE_STATUS, self->record->status);
  gtk_editable_set_text (GTK_EDITABLE (self->acknowledged_row),
                         self->record->acknowledged_on != NULL ? self->record->acknowledged_on : "");
  gtk_editable_set_text (GTK_EDITABLE (self->resolved_row),
                         self->record->resolved_on != NULL ? self->record->resolved_on : "");
  vigie_form_set_text (self->notes_view, self->record->notes);
  fill_findings (self);
  self->loading = FALSE;
  update_timeframes (self);
  return self;
}

gint64
vigie_grievance_dialog_get_id (VigieGrievanceDialog *self)
{
  g_return_val_if_fail (VIGIE_IS_GRIEVANCE_DIALOG (self), 0);
  return self->record != NULL ? self->record->id : 0;
}

GtkWidget *
vigie_grievance_dialog_get_field (VigieGrievanceDialog *self,
                                  const char           *field)
{
  const struct { const char *name; gpointer widget; } fields[] = {
    { "received_on", self->received_row }, { "channel", self->channel_row },
    { "anonymous", self->anonymous_switch }, { "complainants", self->complainants_row },
    { "topic", self->topic_row }, { "retaliation_reported", self->retaliation_switch },
    { "status", self->status_row }, { "acknowledged_on", self->acknowledged_row },
    { "resolved_on", self->resolved_row }, { "finding_id", self->finding_row },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (field, fields[i].name) == 0)
      return fields[i].widget;
  return NULL;
}

/* ─── Class ──────────────────────────────────────────────────────────────── */

static void
changed_cb (VigieGrievanceDialog *self)
{
  if (!self->loading)
    update_timeframes (self);
}

static void
vigie_grievance_dialog_dispose (GObject *object)
{
  VigieGrievanceDialog *self = VIGIE_GRIEVANCE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->record, vigie_grievance_record_free);
  g_clear_pointer (&self->finding_ids, g_array_unref);
  G_OBJECT_CLASS (vigie_grievance_dialog_parent_class)->dispose (object);
}

static void
vigie_grievance_dialog_class_init (VigieGrievanceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vigie_grievance_dialog_dispose;
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
vigie_grievance_dialog_init (VigieGrievanceDialog *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *handling = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *save;

  self->finding_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  vigie_form_window_init (ADW_WINDOW (self), NULL, _("Grievance"), page, &save, &self->heading,
                          &self->overlay);
  gtk_window_set_default_size (GTK_WINDOW (self), 600, 760);
  g_signal_connect_object (save, "clicked", G_CALLBACK (save_clicked_cb), self,
                           G_CONNECT_SWAPPED);

  self->topic_row = vigie_form_entry (group, _("Topic"), &self->topic_error);
  self->received_row = vigie_form_entry (group, _("Received on (YYYY-MM-DD)"),
                                         &self->received_error);
  self->channel_row = vigie_form_vocab_combo (group, _("Channel"), VIGIE_VOCAB_GRIEVANCE_CHANNEL);
  self->anonymous_switch = vigie_form_switch (group, _("Anonymous"),
                                              _("The complainants asked not to be named"));
  self->complainants_row = vigie_form_entry (group, _("Number of complainants"),
                                             &self->complainants_error);
  adw_entry_row_set_input_purpose (self->complainants_row, GTK_INPUT_PURPOSE_DIGITS);
  self->retaliation_switch = vigie_form_switch (group, _("Retaliation reported"),
                                                _("Complainants report threats, dismissal or "
                                                  "other reprisals"));
  adw_preferences_page_add (page, group);

  adw_preferences_group_set_title (handling, _("Handling"));
  self->status_row = vigie_form_vocab_combo (handling, _("Status"), VIGIE_VOCAB_GRIEVANCE_STATUS);
  self->acknowledged_row = vigie_form_entry (handling, _("Acknowledged on (YYYY-MM-DD)"),
                                             &self->acknowledged_error);
  self->resolved_row = vigie_form_entry (handling, _("Resolved on (YYYY-MM-DD)"),
                                         &self->resolved_error);
  self->finding_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->finding_row), _("Linked finding"));
  self->finding_error = vigie_factories_error_label_new ();
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->finding_row), self->finding_error);
  adw_preferences_group_add (handling, GTK_WIDGET (self->finding_row));
  adw_preferences_page_add (page, handling);

  self->timeframe_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->timeframe_group, _("Time Frames"));
  adw_preferences_group_set_description (self->timeframe_group,
                                         _("A grievance mechanism must be predictable (UN "
                                           "Guiding Principles, 31 c): each stage has a time "
                                           "frame, counted from the day it was received."));
  for (guint i = 0; i < VIGIE_GRIEVANCE_N_STAGES; i++)
    {
      self->stage_rows[i] = adw_action_row_new ();
      adw_preferences_group_add (self->timeframe_group, self->stage_rows[i]);
    }
  adw_preferences_page_add (page, self->timeframe_group);
  self->notes_view = vigie_form_text_group (page, _("Notes"), NULL);

  g_signal_connect_object (self->received_row, "changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->acknowledged_row, "changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->resolved_row, "changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* vigie-form.c — small builders shared by the investigation, activity, grievance and
 * testimony forms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "vigie-factories-private.h"
#include "vigie-form.h"

AdwComboRow *
vigie_form_vocab_combo (AdwPreferencesGroup *group,
                        const char          *title,
                        VigieVocab           vocab)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  const VigieVocabEntry *entries;
  GtkWidget *row = adw_combo_row_new ();
  guint n = 0;

  entries = vigie_vocab_entries (vocab, &n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (model, vigie_vocab_label (vocab, entries[i].code));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  if (group != NULL)
    adw_preferences_group_add (group, row);
  return ADW_COMBO_ROW (row);
}

const char *
vigie_form_combo_code (AdwComboRow *row,
                       VigieVocab   vocab)
{
  const VigieVocabEntry *entries;
  guint n = 0;
  guint i = adw_combo_row_get_selected (row);

  entries = vigie_vocab_entries (vocab, &n);
  return i < n ? entries[i].code : NULL;
}

void
vigie_form_set_combo (AdwComboRow *row,
                      VigieVocab   vocab,
                      const char  *code)
{
  int i = vigie_vocab_index (vocab, code);

  adw_combo_row_set_selected (row, i >= 0 ? (guint) i : 0);
}

AdwEntryRow *
vigie_form_entry (AdwPreferencesGroup *group,
                  const char          *title,
                  GtkWidget          **error_label)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *label = vigie_factories_error_label_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), label);
  if (error_label != NULL)
    *error_label = label;
  if (group != NULL)
    adw_preferences_group_add (group, row);
  return ADW_ENTRY_ROW (row);
}

GtkSwitch *
vigie_form_switch (AdwPreferencesGroup *group,
                   const char          *title,
                   const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  if (group != NULL)
    adw_preferences_group_add (group, row);
  return GTK_SWITCH (toggle);
}

GtkTextView *
vigie_form_text_group (AdwPreferencesPage *page,
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
  gtk_widget_set_size_request (view, -1, 64);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_widget_add_css_class (frame, "view");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
  return GTK_TEXT_VIEW (view);
}

char *
vigie_form_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
vigie_form_set_text (GtkTextView *view,
                     const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

char *
vigie_form_entry_text (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static gboolean
save_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  GtkWidget *save = user_data;

  if (!gtk_widget_is_sensitive (save))
    return FALSE;
  g_signal_emit_by_name (save, "clicked");
  return TRUE;
}

void
vigie_form_window_init (AdwWindow           *window,
                        GtkWindow           *parent,
                        const char          *title,
                        AdwPreferencesPage  *page,
                        GtkWidget          **save,
                        AdwWindowTitle     **title_widget,
                        AdwToastOverlay    **overlay)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save_button = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *heading = adw_window_title_new (title, NULL);
  GtkWidget *toasts = adw_toast_overlay_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 680);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), heading);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), window);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  gtk_widget_add_css_class (save_button, "suggested-action");
  gtk_widget_set_tooltip_text (save_button, _("Save (Ctrl+S)"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save_button);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (GTK_WIDGET (page), TRUE);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (toasts), GTK_WIDGET (page));
  gtk_box_append (GTK_BOX (box), toasts);
  adw_window_set_content (window, box);

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_s, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (save_shortcut_cb,
                                                                                   save_button, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (window), shortcuts);

  if (save != NULL)
    *save = save_button;
  if (title_widget != NULL)
    *title_widget = ADW_WINDOW_TITLE (heading);
  if (overlay != NULL)
    *overlay = ADW_TOAST_OVERLAY (toasts);
}

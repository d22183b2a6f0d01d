/* vigie-form.h — small builders shared by the investigation, activity, grievance and
 * testimony forms: vocabulary combo rows, entry rows with an error label, switches, text
 * areas, and a modal form window with Cancel and Save.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigie-vocab.h"

G_BEGIN_DECLS

AdwComboRow *vigie_form_vocab_combo (AdwPreferencesGroup *group,
                                     const char          *title,
                                     VigieVocab           vocab);
const char  *vigie_form_combo_code  (AdwComboRow         *row,
                                     VigieVocab           vocab);
void         vigie_form_set_combo   (AdwComboRow         *row,
                                     VigieVocab           vocab,
                                     const char          *code);
/* An entry row added to GROUP (may be NULL) with an error label as suffix (ERROR_LABEL). */
AdwEntryRow *vigie_form_entry       (AdwPreferencesGroup *group,
                                     const char          *title,
                                     GtkWidget          **error_label);
GtkSwitch   *vigie_form_switch      (AdwPreferencesGroup *group,
                                     const char          *title,
                                     const char          *subtitle);
GtkTextView *vigie_form_text_group  (AdwPreferencesPage  *page,
                                     const char          *title,
                                     const char          *description);
char        *vigie_form_text        (GtkTextView         *view) G_GNUC_WARN_UNUSED_RESULT;
void         vigie_form_set_text    (GtkTextView         *view,
                                     const char          *text);
/* The text of an entry row with the surrounding spaces removed; NULL when empty. */
char        *vigie_form_entry_text  (AdwEntryRow         *row) G_GNUC_WARN_UNUSED_RESULT;

/* Makes WINDOW a modal window titled TITLE over PARENT holding PAGE, with Cancel (closes) and a
 * suggested Save button (returned in SAVE) in its header bar, Escape to close and Ctrl+S
 * to click Save. TITLE_WIDGET receives the header's AdwWindowTitle, OVERLAY the toast
 * overlay around the page. */
void         vigie_form_window_init (AdwWindow           *window,
                                     GtkWindow           *parent,
                                     const char          *title,
                                     AdwPreferencesPage  *page,
                                     GtkWidget          **save,
                                     AdwWindowTitle     **title_widget,
                                     AdwToastOverlay    **overlay);

G_END_DECLS

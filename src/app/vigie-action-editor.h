/* vigie-action-editor.h — the form of one remediation action: every field, the status
 * workflow (only the allowed next statuses) and the status history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigie-remediation.h"
#include "vigie-store.h"

G_BEGIN_DECLS

#define VIGIE_TYPE_ACTION_EDITOR (vigie_action_editor_get_type ())
G_DECLARE_FINAL_TYPE (VigieActionEditor, vigie_action_editor, VIGIE, ACTION_EDITOR, GtkWidget)

GtkWidget *vigie_action_editor_new          (void);
void       vigie_action_editor_set_store    (VigieActionEditor    *self,
                                             VigieStore           *store);
/* Loads action ID. FALSE (and ERROR) if it cannot be read. */
gboolean   vigie_action_editor_load         (VigieActionEditor    *self,
                                             gint64                id,
                                             GError              **error);
/* A new action for FINDING_ID with the default deadlines of DEADLINES. */
gboolean   vigie_action_editor_new_action   (VigieActionEditor    *self,
                                             gint64                finding_id,
                                             const VigieDeadlines *deadlines,
                                             GError              **error);
void       vigie_action_editor_clear        (VigieActionEditor    *self);
gint64     vigie_action_editor_get_action_id (VigieActionEditor   *self);
gint64     vigie_action_editor_get_finding_id (VigieActionEditor  *self);
/* Validates the form; marks invalid fields and returns FALSE, or saves. */
gboolean   vigie_action_editor_save         (VigieActionEditor    *self,
                                             GError              **error);
/* Applies the status chosen in the form (with its note and evidence). */
gboolean   vigie_action_editor_change_status (VigieActionEditor   *self,
                                              const char          *to,
                                              GError             **error);
/* For tests: the entry row of FIELD (a VigieActionRecord member name) or NULL. */
GtkWidget *vigie_action_editor_get_field    (VigieActionEditor    *self,
                                             const char           *field);
/* The number of history rows shown. */
guint      vigie_action_editor_get_n_history (VigieActionEditor   *self);

G_END_DECLS

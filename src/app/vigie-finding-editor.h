/* vigie-finding-editor.h — the detail pane of the Findings page: every field of a
 * finding, its code standards and forced-labour indicators, and its evidence.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigie-finding.h"

G_BEGIN_DECLS

#define VIGIE_TYPE_FINDING_EDITOR (vigie_finding_editor_get_type ())
G_DECLARE_FINAL_TYPE (VigieFindingEditor, vigie_finding_editor, VIGIE, FINDING_EDITOR, GtkWidget)

void        vigie_finding_editor_set_store    (VigieFindingEditor *self,
                                               VigieStore         *store);
gboolean    vigie_finding_editor_load         (VigieFindingEditor *self,
                                               gint64              id,
                                               GError            **error);
/* A blank finding at SITE_ID (0: the user must choose one); saving inserts it. */
void        vigie_finding_editor_new_finding  (VigieFindingEditor *self,
                                               gint64              site_id);
void        vigie_finding_editor_clear        (VigieFindingEditor *self);
gint64      vigie_finding_editor_get_id       (VigieFindingEditor *self);
gint64      vigie_finding_editor_get_site_id  (VigieFindingEditor *self);
gboolean    vigie_finding_editor_get_modified (VigieFindingEditor *self);
/* Validates and writes; marks the invalid field with the reason and keeps the text.
 * Emits ::saved (gint64 id, gboolean created). */
gboolean    vigie_finding_editor_save         (VigieFindingEditor *self,
                                               GError            **error);
/* Moves the status to the next one (open → progress made → closed → disputed → open)
 * and saves. */
void        vigie_finding_editor_cycle_status (VigieFindingEditor *self);
/* Opens the file chooser to attach evidence. */
void        vigie_finding_editor_attach       (VigieFindingEditor *self);
/* Attaches PATH as evidence of KIND at once (what the chooser does). */
gboolean    vigie_finding_editor_attach_path  (VigieFindingEditor *self,
                                               const char         *path,
                                               const char         *kind,
                                               GError            **error);
/* Opens the testimony form (under a pseudonym) on evidence ID, 0 for new testimony. */
GtkWindow  *vigie_finding_editor_edit_testimony (VigieFindingEditor *self,
                                                 gint64              id);
/* Leaves evidence ID out of the list while its deletion waits for Undo (or shows it
 * again). */
void        vigie_finding_editor_hide_evidence (VigieFindingEditor *self,
                                                gint64              id,
                                                gboolean            hidden);
/* For tests: the evidence rows shown. */
guint         vigie_finding_editor_get_n_evidence_rows (VigieFindingEditor *self);
AdwActionRow *vigie_finding_editor_get_evidence_row    (VigieFindingEditor *self,
                                                        guint               index);
/* For tests: the title row, and the preview window of the first PDF evidence. */
GtkWidget  *vigie_finding_editor_get_title_row (VigieFindingEditor *self);
GtkWindow  *vigie_finding_editor_preview_first_pdf (VigieFindingEditor *self);

G_END_DECLS

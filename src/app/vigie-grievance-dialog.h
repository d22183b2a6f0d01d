/* vigie-grievance-dialog.h — creating or editing a grievance received about a site, with
 * the UNGP "predictable" time frame of each stage and whether it was kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigie-grievance.h"
#include "vigie-store.h"

G_BEGIN_DECLS

#define VIGIE_TYPE_GRIEVANCE_DIALOG (vigie_grievance_dialog_get_type ())
G_DECLARE_FINAL_TYPE (VigieGrievanceDialog, vigie_grievance_dialog, VIGIE, GRIEVANCE_DIALOG,
                      AdwWindow)

/* ID 0: a new grievance at SITE_ID. Emits ::saved (gint64 id) after a save. */
VigieGrievanceDialog *vigie_grievance_dialog_new  (GtkWindow            *parent,
                                                   VigieStore           *store,
                                                   gint64                site_id,
                                                   gint64                id,
                                                   GError              **error);
gboolean   vigie_grievance_dialog_save            (VigieGrievanceDialog *self,
                                                   GError              **error);
gint64     vigie_grievance_dialog_get_id          (VigieGrievanceDialog *self);
/* For tests: the row of FIELD (received_on, channel, anonymous, complainants, topic,
 * retaliation_reported, status, acknowledged_on, resolved_on, finding_id). */
GtkWidget *vigie_grievance_dialog_get_field       (VigieGrievanceDialog *self,
                                                   const char           *field);

/* One stage against its time frame, in words that do not rely on colour
 * ("Breach: acknowledged after 12 days, 5 days late"). */
char      *vigie_grievance_stage_describe         (const VigieGrievanceStageStatus *status) G_GNUC_WARN_UNUSED_RESULT;
/* The stage's title: "Acknowledged within 7 days". */
char      *vigie_grievance_stage_title            (const VigieGrievanceStageStatus *status) G_GNUC_WARN_UNUSED_RESULT;
/* An icon for the state of a stage (breached, kept, pending), with an accessible label. */
GtkWidget *vigie_grievance_stage_icon_new         (const VigieGrievanceStageStatus *status);

G_END_DECLS

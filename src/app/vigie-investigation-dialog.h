/* vigie-investigation-dialog.h — creating or editing an investigation of a site (partner,
 * trigger, dates, status, title, notes) and its activities (method, dates, participants
 * in total, women and migrant workers).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigie-store.h"

G_BEGIN_DECLS

#define VIGIE_TYPE_INVESTIGATION_DIALOG (vigie_investigation_dialog_get_type ())
G_DECLARE_FINAL_TYPE (VigieInvestigationDialog, vigie_investigation_dialog, VIGIE,
                      INVESTIGATION_DIALOG, AdwWindow)

/* ID 0: a new investigation at SITE_ID. Emits ::saved (gint64 id) after a save. */
VigieInvestigationDialog *vigie_investigation_dialog_new (GtkWindow   *parent,
                                                          VigieStore  *store,
                                                          gint64       site_id,
                                                          gint64       id,
                                                          GError     **error);
/* Validates everything, marks each invalid field with its reason (the typed text stays)
 * and writes the investigation and its activities. */
gboolean   vigie_investigation_dialog_save               (VigieInvestigationDialog *self,
                                                          GError                  **error);
gint64     vigie_investigation_dialog_get_id             (VigieInvestigationDialog *self);
/* Adds a blank activity form and returns its index. */
guint      vigie_investigation_dialog_add_activity       (VigieInvestigationDialog *self);
guint      vigie_investigation_dialog_get_n_activities   (VigieInvestigationDialog *self);
/* For tests: the row of FIELD (a member of VigieInvestigationRecord: title, partner_id,
 * trigger, status, start_date, end_date), or of activity INDEX (method, start_date,
 * end_date, participants_total, participants_women, participants_migrant). */
GtkWidget *vigie_investigation_dialog_get_field          (VigieInvestigationDialog *self,
                                                          const char               *field);
GtkWidget *vigie_investigation_dialog_get_activity_field (VigieInvestigationDialog *self,
                                                          guint                     index,
                                                          const char               *field);

G_END_DECLS

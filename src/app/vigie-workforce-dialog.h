/* vigie-workforce-dialog.h — add or edit one workforce snapshot of a site.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigie-site.h"

G_BEGIN_DECLS

#define VIGIE_TYPE_WORKFORCE_DIALOG (vigie_workforce_dialog_get_type ())
G_DECLARE_FINAL_TYPE (VigieWorkforceDialog, vigie_workforce_dialog, VIGIE, WORKFORCE_DIALOG,
                      AdwWindow)

/* A dialog over PARENT editing a copy of RECORD (id 0: a new snapshot of RECORD->site_id).
 * Save writes to STORE and emits ::saved (gint64 snapshot id), then closes. */
VigieWorkforceDialog *vigie_workforce_dialog_new      (GtkWindow                  *parent,
                                                       VigieStore                 *store,
                                                       const VigieWorkforceRecord *record) G_GNUC_WARN_UNUSED_RESULT;
/* Validates and writes; FALSE (with ERROR) if the figures are invalid or the write failed. */
gboolean              vigie_workforce_dialog_save     (VigieWorkforceDialog       *self,
                                                       GError                    **error);
/* The entry row of FIELD (a VigieWorkforceRecord member name), for tests. */
GtkWidget            *vigie_workforce_dialog_get_row  (VigieWorkforceDialog       *self,
                                                       const char                 *field);

/* "1,200 workers · 75 % women · union present": the figures of RECORD in one line. */
char                 *vigie_workforce_describe        (const VigieWorkforceRecord *record) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

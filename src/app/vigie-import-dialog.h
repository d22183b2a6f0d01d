/* vigie-import-dialog.h — check an Open Supply Hub facility list, show what it would do,
 * then import it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigie-store.h"

G_BEGIN_DECLS

#define VIGIE_TYPE_IMPORT_DIALOG (vigie_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (VigieImportDialog, vigie_import_dialog, VIGIE, IMPORT_DIALOG, AdwWindow)

/* Starts a dry run of FILE at once (in a thread with its own connection to STORE); the
 * report is shown when it is done. Import runs it for real and emits ::imported (guint
 * number of sites added), then closes. */
VigieImportDialog *vigie_import_dialog_new          (GtkWindow         *parent,
                                                     VigieStore        *store,
                                                     GFile             *file) G_GNUC_WARN_UNUSED_RESULT;

/* For tests. "working", "report" or "error". */
const char        *vigie_import_dialog_get_state    (VigieImportDialog *self);
const char        *vigie_import_dialog_get_summary  (VigieImportDialog *self);
gboolean           vigie_import_dialog_get_can_import (VigieImportDialog *self);
/* Rows listed in the report. */
guint              vigie_import_dialog_get_n_listed (VigieImportDialog *self);

G_END_DECLS

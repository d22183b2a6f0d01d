/* vigie-testimony-dialog.h — testimony evidence of a finding, entered under a pseudonym
 * only (the form never asks for a real name), with consent to quote and confidentiality.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigie-store.h"

G_BEGIN_DECLS

#define VIGIE_TYPE_TESTIMONY_DIALOG (vigie_testimony_dialog_get_type ())
G_DECLARE_FINAL_TYPE (VigieTestimonyDialog, vigie_testimony_dialog, VIGIE, TESTIMONY_DIALOG,
                      AdwWindow)

/* ID 0: new testimony for FINDING_ID. Emits ::saved (gint64 id). */
VigieTestimonyDialog *vigie_testimony_dialog_new  (GtkWindow            *parent,
                                                   VigieStore           *store,
                                                   gint64                finding_id,
                                                   gint64                id,
                                                   GError              **error);
gboolean   vigie_testimony_dialog_save            (VigieTestimonyDialog *self,
                                                   GError              **error);
gint64     vigie_testimony_dialog_get_id          (VigieTestimonyDialog *self);
/* For tests: pseudonym, summary, collected_on, sources_count (entry rows),
 * consent_to_quote, confidential (switches). */
GtkWidget *vigie_testimony_dialog_get_field       (VigieTestimonyDialog *self,
                                                   const char           *field);

G_END_DECLS

/* vigie-evidence-preview.h — a window that shows PDF evidence (thumbnails, page view, text
 * search) rendered by vigie-pdf-render in a separate, limited process, so a damaged or
 * hostile file shows an error instead of crashing or hanging Vigie.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VIGIE_TYPE_EVIDENCE_PREVIEW (vigie_evidence_preview_get_type ())
G_DECLARE_FINAL_TYPE (VigieEvidencePreview, vigie_evidence_preview, VIGIE, EVIDENCE_PREVIEW,
                      AdwWindow)

/* TITLE names the evidence; CONFIDENTIAL shows the confidential marker. */
VigieEvidencePreview *vigie_evidence_preview_new      (GtkWindow  *parent,
                                                       const char *pdf_path,
                                                       const char *title,
                                                       gboolean    confidential);
/* For tests: TRUE once the first page (or the error) is shown; the error text or NULL. */
gboolean              vigie_evidence_preview_is_ready (VigieEvidencePreview *self);
const char           *vigie_evidence_preview_get_error (VigieEvidencePreview *self);

G_END_DECLS

/* vigie-reports-page.h — the Reports page: factory compliance reports, public monitoring
 * status reports, annual report figures, the full data export and the transparency
 * website, with their options, an in-page PDF preview and Save As.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigie-pdf-preview.h"
#include "vigie-report-job.h"
#include "vigie-store.h"

G_BEGIN_DECLS

#define VIGIE_TYPE_REPORTS_PAGE (vigie_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (VigieReportsPage, vigie_reports_page, VIGIE, REPORTS_PAGE, GtkWidget)

GtkWidget        *vigie_reports_page_new           (void) G_GNUC_WARN_UNUSED_RESULT;
/* The dataset reported on, or NULL (the "store" property). */
void              vigie_reports_page_set_store     (VigieReportsPage  *self,
                                                    VigieStore        *store);
VigieStore       *vigie_reports_page_get_store     (VigieReportsPage  *self);

VigieReportKind   vigie_reports_page_get_kind      (VigieReportsPage  *self);
void              vigie_reports_page_set_kind      (VigieReportsPage  *self,
                                                    VigieReportKind    kind);

/* Options, as the rows set them (for other pages and tests). Each returns FALSE when the
 * value is not one the page offers. */
gboolean          vigie_reports_page_set_site      (VigieReportsPage  *self,
                                                    gint64             site_id);
gint64            vigie_reports_page_get_site      (VigieReportsPage  *self);
/* YEAR 0: the whole history (site reports). */
gboolean          vigie_reports_page_set_year      (VigieReportsPage  *self,
                                                    int                year);
gboolean          vigie_reports_page_set_format    (VigieReportsPage  *self,
                                                    VigieReportFormat  format);
gboolean          vigie_reports_page_set_level     (VigieReportsPage  *self,
                                                    VigieDisclosureLevel level);
gboolean          vigie_reports_page_set_language  (VigieReportsPage  *self,
                                                    const char        *language);
/* The report languages offered: "en" and every language with a catalogue. */
const char * const *vigie_reports_page_get_languages (VigieReportsPage *self);

/* The request the options describe, or NULL when they are incomplete (the reason is
 * shown in the page). */
VigieReportRequest *vigie_reports_page_get_request (VigieReportsPage  *self) G_GNUC_WARN_UNUSED_RESULT;
/* The name Save As proposes (with its extension for files). */
char             *vigie_reports_page_get_default_name (VigieReportsPage *self) G_GNUC_WARN_UNUSED_RESULT;

/* Starts the preview (page.preview) or writes the output to FILE (what Save As does once
 * a file is chosen). FALSE when nothing started (incomplete options, busy). */
gboolean          vigie_reports_page_preview       (VigieReportsPage  *self);
gboolean          vigie_reports_page_save_to       (VigieReportsPage  *self,
                                                    GFile             *file);
void              vigie_reports_page_cancel        (VigieReportsPage  *self);
gboolean          vigie_reports_page_get_busy      (VigieReportsPage  *self);

/* For tests. */
VigiePdfPreview  *vigie_reports_page_get_preview   (VigieReportsPage  *self);
GtkProgressBar   *vigie_reports_page_get_progress_bar (VigieReportsPage *self);
/* How many progress reports reached the bar during the last job, and the largest
 * fraction among them. */
guint             vigie_reports_page_get_progress_updates (VigieReportsPage *self,
                                                           double           *max_fraction);
/* The problem shown in the page, or NULL. */
const char       *vigie_reports_page_get_error     (VigieReportsPage  *self);
/* The title of the latest toast the page showed, or NULL. */
const char       *vigie_reports_page_get_last_toast (VigieReportsPage *self);
/* The visible child of the preview area: "empty", "output" or "preview". */
const char       *vigie_reports_page_get_preview_state (VigieReportsPage *self);
gboolean          vigie_reports_page_get_preview_outdated (VigieReportsPage *self);
void              vigie_reports_page_set_job_flags (VigieReportsPage  *self,
                                                    VigieReportJobFlags flags);
GtkEditable      *vigie_reports_page_get_site_search (VigieReportsPage *self);
GtkListView      *vigie_reports_page_get_site_view (VigieReportsPage  *self);
GtkPopover       *vigie_reports_page_get_site_popover (VigieReportsPage *self);
gboolean          vigie_reports_page_get_site_search_busy (VigieReportsPage *self);

G_END_DECLS

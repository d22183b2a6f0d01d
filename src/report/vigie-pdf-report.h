/* vigie-pdf-report.h — the factory compliance report and the public monitoring status
 * report of a site, as PDF.
 *
 * Both are the same document from the same redacted data (vigie_redact_site_report()):
 * the public monitoring status report is the report at disclosure level 'public'. The
 * text is in the report's language (vigie-report-locale.h), whatever the UI speaks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigie-redact.h"
#include "vigie-store.h"

G_BEGIN_DECLS

typedef struct
{
  VigieDisclosureLevel  level;
  int                   year;       /* 0: the whole history */
  const char           *language;   /* "en", "fr"...; NULL or "": the UI's language */
  const char           *author;     /* the document's author (GSettings author-name) */
  const char           *now;        /* ISO timestamp of the document; NULL: vigie_now_iso() */
  const char           *today;      /* YYYY-MM-DD for overdue; NULL: vigie_today_iso() */
} VigieReportOptions;

void      vigie_report_options_init     (VigieReportOptions       *options);

/* Writes the report of SITE_ID to PATH (mode 0600). N_PAGES may be NULL. */
gboolean  vigie_pdf_write_site_report   (VigieStore               *store,
                                         gint64                    site_id,
                                         const VigieReportOptions *options,
                                         const char               *path,
                                         int                      *n_pages,
                                         GCancellable             *cancellable,
                                         GError                  **error);

/* The document title of the report of SITE_NAME at LEVEL, in the current report
 * language ("Factory compliance report — X", "Public monitoring status report — X"). */
char     *vigie_pdf_site_report_title   (const char               *site_name,
                                         VigieDisclosureLevel      level) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

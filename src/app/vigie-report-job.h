/* vigie-report-job.h — one report or export of the Reports page, written in a worker
 * thread on a connection of its own.
 *
 * The output appears at its path only when it is complete: a file is written under a
 * hidden temporary name next to it and renamed at the end; a folder (CSV files, the
 * website) is written into a hidden temporary folder next to it, which starts as a copy
 * of the existing folder if there is one, and is swapped in at the end. A failed or
 * cancelled job leaves nothing behind, and what was at the path stays as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigie-redact.h"
#include "vigie-store.h"

G_BEGIN_DECLS

typedef enum
{
  VIGIE_REPORT_KIND_FACTORY,     /* factory compliance report (PDF) at a chosen level */
  VIGIE_REPORT_KIND_PUBLIC,      /* public monitoring status report (PDF), level public */
  VIGIE_REPORT_KIND_ANNUAL,      /* annual report figures (PDF or XLSX) */
  VIGIE_REPORT_KIND_DATA,        /* full data export (XLSX or a folder of CSV files) */
  VIGIE_REPORT_KIND_WEBSITE,     /* transparency website (a folder), level public */
  VIGIE_REPORT_N_KINDS
} VigieReportKind;

typedef enum
{
  VIGIE_REPORT_FORMAT_PDF,
  VIGIE_REPORT_FORMAT_XLSX,
  VIGIE_REPORT_FORMAT_CSV,       /* a folder with a CSV file per table */
  VIGIE_REPORT_FORMAT_WEBSITE,   /* a folder of web pages */
} VigieReportFormat;

typedef struct
{
  VigieReportKind       kind;
  VigieReportFormat     format;
  gint64                site_id;    /* factory and public reports */
  int                   year;       /* 0: the whole history (site reports only) */
  char                 *country;    /* annual figures: ISO code or NULL */
  gint64                buyer_id;   /* annual figures: organisation id or 0 */
  char                 *language;   /* report language: "en", "fr"... */
  VigieDisclosureLevel  level;      /* factory report and data export */
  char                 *author;     /* document property, or NULL */
} VigieReportRequest;

VigieReportRequest *vigie_report_request_new   (VigieReportKind           kind) G_GNUC_WARN_UNUSED_RESULT;
VigieReportRequest *vigie_report_request_copy  (const VigieReportRequest *request) G_GNUC_WARN_UNUSED_RESULT;
void                vigie_report_request_free  (VigieReportRequest       *request);
/* TRUE when both give the same document (fields a kind does not use are ignored). */
gboolean            vigie_report_request_equal (const VigieReportRequest *a,
                                                const VigieReportRequest *b);
/* The disclosure level the document is written at (public for the public report and the
 * website, whatever LEVEL says). */
VigieDisclosureLevel vigie_report_request_effective_level (const VigieReportRequest *request);

/* TRUE when FORMAT writes a folder. */
gboolean            vigie_report_format_is_folder (VigieReportFormat format);

/* Called on the caller's main context. FRACTION is in 0..1, or negative when the writer
 * cannot tell (the factory report): show activity without a fraction. STAGE is a
 * translated phrase or a table name. */
typedef void (*VigieReportJobProgress) (double      fraction,
                                        const char *stage,
                                        gpointer    user_data);

typedef enum
{
  VIGIE_REPORT_JOB_NONE = 0,
  /* Tests: the worker waits at its first progress report above 0 until the job is
   * cancelled (so that a test can cancel an export while it is certainly under way). */
  VIGIE_REPORT_JOB_HOLD_AT_PROGRESS = 1 << 0,
} VigieReportJobFlags;

/* Writes REQUEST to PATH. With COPY_FROM (a PDF written earlier for the same request, the
 * preview), PATH receives these bytes instead. SOURCE_OBJECT is the GTask's. */
void      vigie_report_job_run_async  (gpointer                   source_object,
                                       VigieStore                *store,
                                       const VigieReportRequest  *request,
                                       const char                *path,
                                       GBytes                    *copy_from,
                                       VigieReportJobFlags        flags,
                                       VigieReportJobProgress     progress,
                                       gpointer                   progress_data,
                                       GCancellable              *cancellable,
                                       GAsyncReadyCallback        callback,
                                       gpointer                   user_data);
/* N_PAGES (may be NULL) receives the page count of a PDF written (0 otherwise). Fails
 * with G_IO_ERROR_CANCELLED when cancelled. */
gboolean  vigie_report_job_run_finish (GAsyncResult              *result,
                                       int                       *n_pages,
                                       GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieReportRequest, vigie_report_request_free)

G_END_DECLS

/* vigie-annual-report.h — the annual report figures as a PDF (every figure of the figures
 * engine with its chart and a table of its numbers) and as an XLSX workbook (one sheet per
 * figure: typed cells, frozen header, autofilter, column widths and a native chart next to
 * the table).
 *
 * Both take the figures of vigie_figures_compute() for one year, optionally for one country
 * or one buyer, and write them in the report language (vigie-report-locale.h). The same
 * database and options give byte-identical files; files are created with mode 0600.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigie-demo.h"
#include "vigie-store.h"

G_BEGIN_DECLS

typedef struct
{
  int          year;        /* required */
  const char  *country;     /* ISO code or NULL: every country */
  gint64       buyer_id;    /* organisation id or 0: every buyer */
  const char  *language;    /* "en", "fr"...; NULL or "": the UI's language */
  const char  *author;      /* document property; NULL: none */
  const char  *now;         /* ISO timestamp of the document; NULL: vigie_now_iso() */
  const char  *today;       /* YYYY-MM-DD for overdue; NULL: vigie_today_iso() */
} VigieAnnualOptions;

void      vigie_annual_options_init      (VigieAnnualOptions       *options);

/* Writes the annual figures to PATH as PDF. N_PAGES may be NULL. PROGRESS may be NULL;
 * it is called from the calling thread. */
gboolean  vigie_pdf_write_annual_report  (VigieStore               *store,
                                          const VigieAnnualOptions *options,
                                          const char               *path,
                                          int                      *n_pages,
                                          VigieProgressFunc         progress,
                                          gpointer                  user_data,
                                          GCancellable             *cancellable,
                                          GError                  **error);

/* Writes the annual figures to PATH as an XLSX workbook. */
gboolean  vigie_xlsx_write_annual_report (VigieStore               *store,
                                          const VigieAnnualOptions *options,
                                          const char               *path,
                                          VigieProgressFunc         progress,
                                          gpointer                  user_data,
                                          GCancellable             *cancellable,
                                          GError                  **error);

/* The document title, in the current report language ("Annual report figures 2025",
 * "… — Germany", "… — City of Barcelona"). */
char     *vigie_annual_report_title      (int                       year,
                                          const char               *country_label,
                                          const char               *buyer_name) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

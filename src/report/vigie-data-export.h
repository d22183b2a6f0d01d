/* vigie-data-export.h — the full data export: every table of the dataset at a disclosure
 * level, as one XLSX workbook (a sheet per table) or a folder of CSV files (a file per
 * table). Rows and columns come from the redaction cursor (vigie-redact.h): what the
 * level may not see is never read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigie-demo.h"
#include "vigie-redact.h"
#include "vigie-store.h"

G_BEGIN_DECLS

typedef struct
{
  VigieDisclosureLevel  level;
  const char           *author;     /* document property */
  const char           *now;        /* ISO timestamp of the document; NULL: vigie_now_iso() */
  gboolean              constant_memory;  /* XLSX: stream rows to disk (large datasets) */
} VigieDataExportOptions;

void      vigie_data_export_options_init (VigieDataExportOptions       *options);

/* One workbook at PATH (mode 0600): a sheet per table named as the table, typed cells
 * (numbers, dates with a date format, booleans, text always as text, never a formula), a
 * frozen header row, an autofilter, column widths and document properties. A table with
 * more rows than a sheet holds continues on "<table> (2)"... PROGRESS may be NULL. */
gboolean  vigie_xlsx_export_data         (VigieStore                   *store,
                                          const VigieDataExportOptions *options,
                                          const char                   *path,
                                          VigieProgressFunc             progress,
                                          gpointer                      user_data,
                                          GCancellable                 *cancellable,
                                          GError                      **error);

/* DIRECTORY (created 0700 if needed) receives "<table>.csv" per table (mode 0600): RFC
 * 4180, UTF-8, a header line, ISO dates, the formula-injection guard on text. */
gboolean  vigie_csv_export_data          (VigieStore                   *store,
                                          const VigieDataExportOptions *options,
                                          const char                   *directory,
                                          VigieProgressFunc             progress,
                                          gpointer                      user_data,
                                          GCancellable                 *cancellable,
                                          GError                      **error);

G_END_DECLS

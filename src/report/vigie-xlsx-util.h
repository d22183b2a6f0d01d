/* vigie-xlsx-util.h — what the XLSX writers of src/report share: safe text cells, dates,
 * sheet names within Excel's rules, and files created private (0600) and renamed into
 * place only when complete.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <time.h>
#include <xlsxwriter.h>

G_BEGIN_DECLS

/* "YYYY-MM-DD" or "YYYY-MM-DDThh:mm:ss[Z]" → OUT; FALSE when not a date. */
gboolean  vigie_xlsx_parse_date      (const char     *text,
                                      lxw_datetime   *out);
/* Seconds since the epoch of an ISO 8601 timestamp (0 when invalid). */
time_t    vigie_xlsx_timestamp       (const char     *iso);
/* TEXT as a string cell, never a formula, cut to Excel's 32,767 characters. NULL: no cell. */
void      vigie_xlsx_write_text      (lxw_worksheet  *sheet,
                                      lxw_row_t       row,
                                      lxw_col_t       col,
                                      const char     *text,
                                      lxw_format     *format);
/* WANTED made a valid sheet name: forbidden characters replaced, at most 31 characters
 * with " (PART)" appended when PART > 1, checked with workbook_validate_sheet_name(). */
char     *vigie_xlsx_sheet_name      (lxw_workbook   *workbook,
                                      const char     *wanted,
                                      guint           part) G_GNUC_WARN_UNUSED_RESULT;
/* An empty private file next to PATH for libxlsxwriter to write (it keeps the mode). */
gboolean  vigie_xlsx_create_private  (const char     *path,
                                      char          **tmp_path,
                                      GError        **error);
/* Closes WORKBOOK and renames TMP_PATH to PATH. */
gboolean  vigie_xlsx_close           (lxw_workbook   *workbook,
                                      const char     *tmp_path,
                                      const char     *path,
                                      GError        **error);
/* Abandons WORKBOOK (a cancel or a failure) without assembling it: workbook_close() would
 * still zip every sheet written so far, seconds on a large export. Closes the sheets'
 * temporary files, frees the workbook and deletes TMP_PATH. */
void      vigie_xlsx_discard         (lxw_workbook   *workbook,
                                      const char     *tmp_path);

G_END_DECLS

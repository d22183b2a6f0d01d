/* vigie-xlsx-export.c — the full data export as one XLSX workbook (libxlsxwriter).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "vigie-data-export.h"
#include "vigie-util.h"
#include "vigie-xlsx-util.h"

#define XLSX_MAX_ROWS   1048576
#define XLSX_MAX_STRING 32767

void
vigie_data_export_options_init (VigieDataExportOptions *options)
{
  memset (options, 0, sizeof *options);
  options->level = VIGIE_LEVEL_PUBLIC;
  options->constant_memory = TRUE;
}

/* ─── Shared XLSX helpers (vigie-xlsx-util.h) ──────────────────────────────── */

/* The number written in the N digits at P, or -1 when one is not a digit. */
static int
parse_digits (const char *p,
              int         n)
{
  int value = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return -1;
      value = value * 10 + (p[i] - '0');
    }
  return value;
}

gboolean
vigie_xlsx_parse_date (const char   *text,
                       lxw_datetime *out)
{
  int y, m, d, hh = 0, mm = 0, ss = 0;

  memset (out, 0, sizeof *out);
  if (text == NULL)
    return FALSE;
  /* The forms the database stores, "YYYY-MM-DD" and "YYYY-MM-DDThh:mm:ssZ", without
   * sscanf(): a data export parses millions of them (a tenth of its time with sscanf). */
  if (text[0] != '\0' && text[1] != '\0' && text[2] != '\0' && text[3] != '\0'
      && text[4] == '-' && text[5] != '\0' && text[6] != '\0' && text[7] == '-'
      && text[8] != '\0' && text[9] != '\0'
      && (y = parse_digits (text, 4)) >= 0 && (m = parse_digits (text + 5, 2)) >= 0
      && (d = parse_digits (text + 8, 2)) >= 0
      && (text[10] == '\0'
          || (text[10] == 'T' && strlen (text + 11) >= 8 && text[13] == ':' && text[16] == ':'
              && (hh = parse_digits (text + 11, 2)) >= 0
              && (mm = parse_digits (text + 14, 2)) >= 0
              && (ss = parse_digits (text + 17, 2)) >= 0)))
    ;
  else if (sscanf (text, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &m, &d, &hh, &mm, &ss) < 3)
    return FALSE;
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31)
    return FALSE;
  out->year = y;
  out->month = m;
  out->day = d;
  out->hour = hh;
  out->min = mm;
  out->sec = ss;
  return TRUE;
}

time_t
vigie_xlsx_timestamp (const char *iso)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  return dt != NULL ? (time_t) g_date_time_to_unix (dt) : 0;
}

void
vigie_xlsx_write_text (lxw_worksheet *sheet,
                       lxw_row_t      row,
                       lxw_col_t      col,
                       const char    *text,
                       lxw_format    *format)
{
  /* Always a string cell, never a formula; cut to what a cell holds (on a character
   * boundary). */
  if (text == NULL)
    return;
  if (strlen (text) > XLSX_MAX_STRING)
    {
      const char *end = text + XLSX_MAX_STRING;
      g_autofree char *cut = NULL;

      while (end > text && (*end & 0xC0) == 0x80)
        end--;
      cut = g_strndup (text, end - text);
      worksheet_write_string (sheet, row, col, cut, format);
      return;
    }
  worksheet_write_string (sheet, row, col, text, format);
}

char *
vigie_xlsx_sheet_name (lxw_workbook *workbook,
                       const char   *wanted,
                       guint         part)
{
  g_autofree char *base = NULL;
  char *name;
  glong len;

  /* Characters Excel refuses in a sheet name, and its 31-character limit. */
  base = g_strdup (wanted);
  g_strdelimit (base, "[]:*?/\\", '_');
  if (part > 1)
    {
      g_autofree char *suffix = g_strdup_printf (" (%u)", part);
      glong room = 31 - g_utf8_strlen (suffix, -1);
      g_autofree char *head = g_utf8_substring (base, 0, MIN (g_utf8_strlen (base, -1), room));

      name = g_strconcat (head, suffix, NULL);
    }
  else
    {
      len = g_utf8_strlen (base, -1);
      name = g_utf8_substring (base, 0, MIN (len, 31));
    }
  if (workbook_validate_sheet_name (workbook, name) != LXW_NO_ERROR)
    {
      g_free (name);
      name = g_strdup_printf ("Sheet %u", part);
    }
  return name;
}

gboolean
vigie_xlsx_create_private (const char  *path,
                           char       **tmp_path,
                           GError     **error)
{
  g_autofree char *tmp = g_strconcat (path, ".XXXXXX", NULL);
  int fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Cannot create “%1$s”: %2$s"), path, g_strerror (errsv));
      return FALSE;
    }
  close (fd);
  *tmp_path = g_steal_pointer (&tmp);
  return TRUE;
}

void
vigie_xlsx_discard (lxw_workbook *workbook,
                    const char   *tmp_path)
{
  lxw_worksheet *sheet;

  /* In constant-memory mode each sheet's rows wait in an unlinked temporary file, which
   * lxw_workbook_free() leaves open: its disk space would stay taken until the program
   * exits. */
  STAILQ_FOREACH (sheet, workbook->worksheets, list_pointers)
    if (sheet->optimize_tmpfile != NULL)
      {
        fclose (sheet->optimize_tmpfile);
        sheet->optimize_tmpfile = NULL;
      }
  lxw_workbook_free (workbook);
  if (tmp_path != NULL)
    g_unlink (tmp_path);
}

gboolean
vigie_xlsx_close (lxw_workbook  *workbook,
                  const char    *tmp_path,
                  const char    *path,
                  GError       **error)
{
  lxw_error err = workbook_close (workbook);

  if (err != LXW_NO_ERROR)
    {
      g_unlink (tmp_path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot write “%1$s”: %2$s"), path, lxw_strerror (err));
      return FALSE;
    }
  if (g_rename (tmp_path, path) != 0)
    {
      int errsv = errno;

      g_unlink (tmp_path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Cannot create “%1$s”: %2$s"), path, g_strerror (errsv));
      return FALSE;
    }
  return TRUE;
}

/* ─── The data export ──────────────────────────────────────────────────────── */

typedef struct
{
  lxw_format *header;
  lxw_format *date;
  lxw_format *timestamp;
  lxw_format *real;
} Formats;

static lxw_worksheet *
start_sheet (lxw_workbook            *workbook,
             const char              *table,
             guint                    part,
             const VigieExportColumn *columns,
             guint                    n_columns,
             const Formats           *formats)
{
  g_autofree char *name = vigie_xlsx_sheet_name (workbook, table, part);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, name);

  if (sheet == NULL)
    return NULL;
  for (guint c = 0; c < n_columns; c++)
    {
      lxw_format *format = NULL;

      if (columns[c].type == VIGIE_EXPORT_DATE)
        format = formats->date;
      else if (columns[c].type == VIGIE_EXPORT_TIMESTAMP)
        format = formats->timestamp;
      worksheet_set_column (sheet, c, c, MAX (columns[c].width, (int) strlen (columns[c].name) + 3),
                            format);
    }
  for (guint c = 0; c < n_columns; c++)
    vigie_xlsx_write_text (sheet, 0, c, columns[c].name, formats->header);
  worksheet_freeze_panes (sheet, 1, 0);
  return sheet;
}

static void
write_cell (lxw_worksheet           *sheet,
            lxw_row_t                row,
            guint                    c,
            VigieExportCursor       *cursor,
            const VigieExportColumn *column,
            const Formats           *formats)
{
  lxw_datetime dt;
  const char *text;

  if (vigie_export_cursor_is_null (cursor, c))
    return;
  switch (column->type)
    {
    case VIGIE_EXPORT_INTEGER:
      worksheet_write_number (sheet, row, c, (double) vigie_export_cursor_integer (cursor, c), NULL);
      break;
    case VIGIE_EXPORT_REAL:
      worksheet_write_number (sheet, row, c, vigie_export_cursor_real (cursor, c), formats->real);
      break;
    case VIGIE_EXPORT_BOOLEAN:
      worksheet_write_boolean (sheet, row, c, vigie_export_cursor_integer (cursor, c) != 0, NULL);
      break;
    case VIGIE_EXPORT_DATE:
    case VIGIE_EXPORT_TIMESTAMP:
      text = vigie_export_cursor_text (cursor, c);
      if (vigie_xlsx_parse_date (text, &dt))
        worksheet_write_datetime (sheet, row, c, &dt,
                                  column->type == VIGIE_EXPORT_DATE ? formats->date
                                                                    : formats->timestamp);
      else
        vigie_xlsx_write_text (sheet, row, c, text, NULL);
      break;
    case VIGIE_EXPORT_TEXT:
    default:
      vigie_xlsx_write_text (sheet, row, c, vigie_export_cursor_text (cursor, c), NULL);
      break;
    }
}

gboolean
vigie_xlsx_export_data (VigieStore                   *store,
                        const VigieDataExportOptions *options,
                        const char                   *path,
                        VigieProgressFunc             progress,
                        gpointer                      user_data,
                        GCancellable                 *cancellable,
                        GError                      **error)
{
  const char * const *tables = vigie_export_table_names ();
  g_autoptr(GPtrArray) cursors = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_export_cursor_free);
  g_autofree char *tmp = NULL;
  g_autofree char *now = options->now != NULL ? g_strdup (options->now) : vigie_now_iso ();
  g_autofree char *tmpdir = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subject = NULL;
  lxw_workbook_options wb_options = { 0, };
  lxw_doc_properties props = { 0, };
  lxw_workbook *workbook;
  Formats formats;
  gint64 total = 0, done = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);

  for (guint t = 0; tables[t] != NULL; t++)
    {
      VigieExportCursor *cursor = vigie_export_cursor_new (store, tables[t], options->level, error);

      if (cursor == NULL)
        return FALSE;
      g_ptr_array_add (cursors, cursor);
      total += vigie_export_cursor_total (cursor);
    }

  if (!vigie_xlsx_create_private (path, &tmp, error))
    return FALSE;
  tmpdir = g_path_get_dirname (path);
  wb_options.constant_memory = options->constant_memory ? LXW_TRUE : LXW_FALSE;
  wb_options.tmpdir = tmpdir;
  wb_options.use_zip64 = LXW_TRUE;
  workbook = workbook_new_opt (tmp, &wb_options);
  if (workbook == NULL)
    {
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot create “%s”."), path);
      return FALSE;
    }

  /* Translators: title of the data export workbook */
  title = g_strdup (_("Vigie data export"));
  /* Translators: subject of the data export workbook; %s is a disclosure level */
  subject = g_strdup_printf (_("Every table of the dataset at disclosure level %s"),
                             vigie_disclosure_level_code (options->level));
  props.title = title;
  props.subject = subject;
  props.author = (char *) (options->author != NULL ? options->author : "");
  props.company = (char *) "Vigie";
  props.category = (char *) vigie_disclosure_level_code (options->level);
  props.keywords = (char *) "labour rights, supply chain monitoring, data export";
  props.created = vigie_xlsx_timestamp (now);
  workbook_set_properties (workbook, &props);

  formats.header = workbook_add_format (workbook);
  format_set_bold (formats.header);
  format_set_bg_color (formats.header, 0xE8ECF2);
  format_set_bottom (formats.header, LXW_BORDER_THIN);
  formats.date = workbook_add_format (workbook);
  format_set_num_format (formats.date, "yyyy-mm-dd");
  formats.timestamp = workbook_add_format (workbook);
  format_set_num_format (formats.timestamp, "yyyy-mm-dd hh:mm:ss");
  formats.real = workbook_add_format (workbook);
  format_set_num_format (formats.real, "0.######");

  for (guint t = 0; ok && tables[t] != NULL; t++)
    {
      VigieExportCursor *cursor = g_ptr_array_index (cursors, t);
      guint n_columns;
      const VigieExportColumn *columns = vigie_export_cursor_columns (cursor, &n_columns);
      g_autoptr(GError) local = NULL;
      guint part = 1;
      lxw_row_t row = 0;
      lxw_worksheet *sheet = start_sheet (workbook, tables[t], part, columns, n_columns, &formats);

      if (sheet == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot add the sheet “%s”."),
                       tables[t]);
          ok = FALSE;
          break;
        }
      if (progress != NULL)
        progress (total > 0 ? (double) done / total : 0, tables[t], user_data);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }

      while (vigie_export_cursor_next (cursor, &local))
        {
          if (row + 1 >= XLSX_MAX_ROWS)
            {
              worksheet_autofilter (sheet, 0, 0, row, n_columns - 1);
              sheet = start_sheet (workbook, tables[t], ++part, columns, n_columns, &formats);
              row = 0;
            }
          row++;
          for (guint c = 0; c < n_columns; c++)
            write_cell (sheet, row, c, cursor, &columns[c], &formats);
          if (++done % 20000 == 0)
            {
              if (g_cancellable_set_error_if_cancelled (cancellable, error))
                {
                  ok = FALSE;
                  break;
                }
              if (progress != NULL)
                progress ((double) done / MAX (total, 1), tables[t], user_data);
            }
        }
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          ok = FALSE;
        }
      if (ok)
        worksheet_autofilter (sheet, 0, 0, MAX (row, 1), n_columns - 1);
    }

  if (!ok)
    {
      vigie_xlsx_discard (workbook, tmp);
      return FALSE;
    }
  if (progress != NULL)
    progress (1.0, _("Writing the file"), user_data);
  return vigie_xlsx_close (workbook, tmp, path, error);
}

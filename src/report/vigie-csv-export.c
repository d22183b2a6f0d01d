/* vigie-csv-export.c — the full data export as a folder of CSV files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>

#include "vigie-csv-writer.h"
#include "vigie-data-export.h"

static gboolean
export_table (VigieStore                   *store,
              const VigieDataExportOptions *options,
              const char                   *table,
              GFile                        *dir,
              gint64                       *done,
              gint64                        total,
              VigieProgressFunc             progress,
              gpointer                      user_data,
              GCancellable                 *cancellable,
              GError                      **error)
{
  g_autoptr(VigieExportCursor) cursor = NULL;
  g_autofree char *name = g_strconcat (table, ".csv", NULL);
  g_autoptr(GFile) file = g_file_get_child (dir, name);
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GOutputStream) buffered = NULL;
  g_autoptr(VigieCsvWriter) writer = NULL;
  g_autoptr(GError) local = NULL;
  const VigieExportColumn *columns;
  guint n_columns;

  cursor = vigie_export_cursor_new (store, table, options->level, error);
  if (cursor == NULL)
    return FALSE;
  columns = vigie_export_cursor_columns (cursor, &n_columns);

  /* G_FILE_CREATE_PRIVATE: mode 0600; the file replaces an older one only when complete. */
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                        cancellable, error);
  if (out == NULL)
    return FALSE;
  buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (out), 256 * 1024);
  writer = vigie_csv_writer_new (buffered);

  for (guint c = 0; c < n_columns; c++)
    vigie_csv_writer_field (writer, columns[c].name);
  if (!vigie_csv_writer_end_record (writer, error))
    return FALSE;

  while (vigie_export_cursor_next (cursor, &local))
    {
      for (guint c = 0; c < n_columns; c++)
        {
          if (vigie_export_cursor_is_null (cursor, c))
            {
              vigie_csv_writer_field (writer, "");
              continue;
            }
          switch (columns[c].type)
            {
            case VIGIE_EXPORT_INTEGER:
            case VIGIE_EXPORT_BOOLEAN:
              vigie_csv_writer_number (writer, vigie_export_cursor_integer (cursor, c));
              break;
            case VIGIE_EXPORT_REAL:
              vigie_csv_writer_real (writer, vigie_export_cursor_real (cursor, c));
              break;
            case VIGIE_EXPORT_TEXT:
            case VIGIE_EXPORT_DATE:
            case VIGIE_EXPORT_TIMESTAMP:
            default:
              vigie_csv_writer_field (writer, vigie_export_cursor_text (cursor, c));
              break;
            }
        }
      if (!vigie_csv_writer_end_record (writer, error))
        return FALSE;
      if (++(*done) % 20000 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL)
            progress ((double) *done / MAX (total, 1), table, user_data);
        }
    }
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return g_output_stream_close (buffered, cancellable, error);
}

gboolean
vigie_csv_export_data (VigieStore                   *store,
                       const VigieDataExportOptions *options,
                       const char                   *directory,
                       VigieProgressFunc             progress,
                       gpointer                      user_data,
                       GCancellable                 *cancellable,
                       GError                      **error)
{
  const char * const *tables = vigie_export_table_names ();
  g_autoptr(GFile) dir = g_file_new_for_path (directory);
  gint64 total = 0, done = 0;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);

  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Cannot create the folder “%1$s”: %2$s"), directory, g_strerror (errsv));
      return FALSE;
    }
  for (guint t = 0; tables[t] != NULL; t++)
    {
      g_autoptr(VigieExportCursor) cursor = vigie_export_cursor_new (store, tables[t],
                                                                     options->level, error);
      if (cursor == NULL)
        return FALSE;
      total += vigie_export_cursor_total (cursor);
    }
  for (guint t = 0; tables[t] != NULL; t++)
    {
      if (progress != NULL)
        progress ((double) done / MAX (total, 1), tables[t], user_data);
      if (!export_table (store, options, tables[t], dir, &done, total, progress, user_data,
                         cancellable, error))
        return FALSE;
    }
  if (progress != NULL)
    progress (1.0, _("Done"), user_data);
  return TRUE;
}

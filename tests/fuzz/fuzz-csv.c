/* fuzz-csv.c — the streaming CSV reader on any bytes.
 *
 * The first byte chooses the reader's settings (field size limit, skipping empty lines);
 * the rest is the file. Properties: every field handed out is valid UTF-8 without NUL, as
 * long as the length the reader gives, and within the limit; line and record numbers only
 * grow; the reader ends (end of input or an error) and never reads past the input.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "vigie-csv.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(VigieCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  static const gsize limits[] = { 1, 2, 7, 64, 1024, VIGIE_CSV_DEFAULT_MAX_FIELD };
  gsize max_field;
  guint64 last_line = 0, last_index = 0;
  guint8 settings;

  if (size == 0)
    return 0;
  settings = data[0];
  data++;
  size--;
  max_field = limits[settings % G_N_ELEMENTS (limits)];

  stream = g_memory_input_stream_new_from_data (data, (gssize) size, NULL);
  reader = vigie_csv_reader_new (stream);
  vigie_csv_reader_set_max_field_size (reader, max_field);
  vigie_csv_reader_set_skip_empty_lines (reader, (settings & 0x80) == 0);

  while (vigie_csv_reader_next (reader, NULL, &error))
    {
      guint n = vigie_csv_reader_get_n_fields (reader);

      FUZZ_ASSERT (n >= 1);
      FUZZ_ASSERT (vigie_csv_reader_get_line (reader) >= last_line);
      FUZZ_ASSERT (vigie_csv_reader_get_record_index (reader) == last_index + 1);
      last_line = vigie_csv_reader_get_line (reader);
      last_index = vigie_csv_reader_get_record_index (reader);
      FUZZ_ASSERT (vigie_csv_reader_get_bytes_read (reader) <= size);
      for (guint i = 0; i < n; i++)
        {
          const char *field = vigie_csv_reader_get_field (reader, i);
          gsize length = vigie_csv_reader_get_field_length (reader, i);

          FUZZ_ASSERT (field != NULL);
          FUZZ_ASSERT (strlen (field) == length);
          FUZZ_ASSERT (length <= max_field);
          FUZZ_ASSERT (g_utf8_validate (field, (gssize) length, NULL));
        }
    }
  if (error != NULL)
    {
      FUZZ_ASSERT (error->domain == VIGIE_CSV_ERROR);
      FUZZ_ASSERT (g_str_has_prefix (error->message, "line "));
    }
  return 0;
}

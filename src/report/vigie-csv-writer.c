/* vigie-csv-writer.c — RFC 4180 CSV output with the formula-injection guard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "vigie-csv-writer.h"

struct _VigieCsvWriter
{
  GOutputStream *stream;
  GString       *record;
  gboolean       first_field;
};

VigieCsvWriter *
vigie_csv_writer_new (GOutputStream *stream)
{
  VigieCsvWriter *self = g_new0 (VigieCsvWriter, 1);

  self->stream = g_object_ref (stream);
  self->record = g_string_sized_new (256);
  self->first_field = TRUE;
  return self;
}

static void
append_escaped (GString    *out,
                const char *text)
{
  gboolean guard, quote;

  if (text == NULL)
    return;

  guard = text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@'
          || text[0] == '\t' || text[0] == '\r';
  quote = strpbrk (text, ",\"\r\n") != NULL;

  if (quote)
    g_string_append_c (out, '"');
  if (guard)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

char *
vigie_csv_escape_field (const char *text)
{
  GString *out = g_string_new (NULL);

  append_escaped (out, text);
  return g_string_free (out, FALSE);
}

void
vigie_csv_writer_field (VigieCsvWriter *self,
                        const char     *text)
{
  if (!self->first_field)
    g_string_append_c (self->record, ',');
  self->first_field = FALSE;
  append_escaped (self->record, text);
}

void
vigie_csv_writer_number (VigieCsvWriter *self,
                         gint64          value)
{
  if (!self->first_field)
    g_string_append_c (self->record, ',');
  self->first_field = FALSE;
  g_string_append_printf (self->record, "%" G_GINT64_FORMAT, value);
}

void
vigie_csv_writer_real (VigieCsvWriter *self,
                       double          value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!self->first_field)
    g_string_append_c (self->record, ',');
  self->first_field = FALSE;
  g_string_append (self->record, g_ascii_dtostr (buf, sizeof buf, value));
}

gboolean
vigie_csv_writer_end_record (VigieCsvWriter  *self,
                             GError         **error)
{
  gboolean ok;

  g_string_append (self->record, "\r\n");
  ok = g_output_stream_write_all (self->stream, self->record->str, self->record->len,
                                  NULL, NULL, error);
  g_string_truncate (self->record, 0);
  self->first_field = TRUE;
  return ok;
}

void
vigie_csv_writer_free (VigieCsvWriter *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->stream);
  g_string_free (self->record, TRUE);
  g_free (self);
}

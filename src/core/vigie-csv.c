/* vigie-csv.c — a streaming RFC 4180 CSV reader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigie-csv.h"

#define BUFFER_SIZE (64 * 1024)
#define RECORD_FACTOR 16
/* Fields per record: far more than any real list has, few enough that a line of commas
 * cannot make the field index (8 bytes a field) blow up the memory. */
#define MAX_FIELDS 10000

G_DEFINE_QUARK (vigie-csv-error-quark, vigie_csv_error)

typedef enum
{
  STATE_FIELD_START,
  STATE_UNQUOTED,
  STATE_QUOTED,
  STATE_QUOTE_SEEN,    /* a quote inside a quoted field: closing, or the first of a pair */
} ParseState;

struct _VigieCsvReader
{
  GInputStream *stream;
  guint8       *buf;
  gsize         buf_len;
  gsize         buf_pos;
  gboolean      eof;
  gboolean      started;       /* the byte-order mark has been looked for */
  gboolean      after_cr;      /* the last record ended on CR: swallow a following LF */

  GString      *record;        /* the fields of the current record, each NUL-terminated */
  GArray       *offsets;       /* gsize: start of each field in RECORD */
  gsize         field_start;

  gsize         max_field;
  gboolean      skip_empty;

  guint64       line;          /* physical line of the read position, 1-based */
  guint64       record_line;
  guint64       record_index;
  guint64       bytes_read;
};

VigieCsvReader *
vigie_csv_reader_new (GInputStream *stream)
{
  VigieCsvReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_new0 (VigieCsvReader, 1);
  self->stream = g_object_ref (stream);
  self->buf = g_malloc (BUFFER_SIZE);
  self->record = g_string_sized_new (1024);
  self->offsets = g_array_sized_new (FALSE, FALSE, sizeof (gsize), 32);
  self->max_field = VIGIE_CSV_DEFAULT_MAX_FIELD;
  self->skip_empty = TRUE;
  self->line = 1;
  return self;
}

VigieCsvReader *
vigie_csv_reader_new_for_path (const char  *path,
                               GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, VIGIE_CSV_ERROR, VIGIE_CSV_ERROR_IO,
                   /* Translators: %s is the system's explanation */
                   _("cannot be read: %s"), local_error->message);
      return NULL;
    }
  return vigie_csv_reader_new (G_INPUT_STREAM (stream));
}

void
vigie_csv_reader_free (VigieCsvReader *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->stream);
  g_free (self->buf);
  g_string_free (self->record, TRUE);
  g_array_unref (self->offsets);
  g_free (self);
}

void
vigie_csv_reader_set_max_field_size (VigieCsvReader *self,
                                     gsize           max_bytes)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (max_bytes > 0);
  self->max_field = max_bytes;
}

void
vigie_csv_reader_set_skip_empty_lines (VigieCsvReader *self,
                                       gboolean        skip)
{
  g_return_if_fail (self != NULL);
  self->skip_empty = !!skip;
}

/* Fills the buffer. Returns FALSE on a read error; sets EOF when nothing is left. */
static gboolean
refill (VigieCsvReader  *self,
        GCancellable    *cancellable,
        GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize n = 0;

  if (!g_input_stream_read_all (self->stream, self->buf, BUFFER_SIZE, &n, cancellable,
                                &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_set_error (error, VIGIE_CSV_ERROR, VIGIE_CSV_ERROR_IO,
                   /* Translators: %1$llu is a line number, %2$s the system's explanation */
                   _("line %1$llu: cannot be read: %2$s"),
                   (unsigned long long) self->line, local_error->message);
      return FALSE;
    }
  self->buf_len = n;
  self->buf_pos = 0;
  self->bytes_read += n;
  if (n == 0)
    self->eof = TRUE;

  if (!self->started)
    {
      self->started = TRUE;
      if (n >= 3 && self->buf[0] == 0xEF && self->buf[1] == 0xBB && self->buf[2] == 0xBF)
        self->buf_pos = 3;
    }
  return TRUE;
}

/* The 1-based number of the field being read. */
static guint
field_number (VigieCsvReader *self)
{
  return self->offsets->len + 1;
}

static gboolean
set_nul_error (VigieCsvReader  *self,
               GError         **error)
{
  g_set_error (error, VIGIE_CSV_ERROR, VIGIE_CSV_ERROR_NUL,
               /* Translators: %1$llu is a line number, %2$u the number of a field (column)
                * of that line */
               _("line %1$llu: field %2$u: the file holds a NUL byte: it is not a text "
                 "file, or it is saved as UTF-16 (save it as UTF-8 CSV)"),
               (unsigned long long) self->line, field_number (self));
  return FALSE;
}

/* The physical line of byte OFFSET of the current record: the record's first line plus
 * the line breaks kept inside quoted fields before it. */
static guint64
line_at (VigieCsvReader *self,
         gsize           offset)
{
  guint64 line = self->record_line;

  for (gsize i = 0; i < offset && i < self->record->len; i++)
    if (self->record->str[i] == '\n')
      line++;
  return line;
}

static gboolean
check_size (VigieCsvReader  *self,
            GError         **error)
{
  if (self->record->len - self->field_start > self->max_field)
    {
      g_set_error (error, VIGIE_CSV_ERROR, VIGIE_CSV_ERROR_TOO_LONG,
                   /* Translators: %1$llu is a line number, %2$u the number of a field
                    * (column) of that line, %3$llu a number of bytes */
                   _("line %1$llu: field %2$u is longer than %3$llu bytes (is a closing "
                     "quote missing?)"),
                   (unsigned long long) line_at (self, self->field_start),
                   field_number (self), (unsigned long long) self->max_field);
      return FALSE;
    }
  if (self->record->len > self->max_field * RECORD_FACTOR)
    {
      g_set_error (error, VIGIE_CSV_ERROR, VIGIE_CSV_ERROR_TOO_LONG,
                   /* Translators: %1$llu is a line number, %2$llu a number of bytes */
                   _("line %1$llu: a record is longer than %2$llu bytes"),
                   (unsigned long long) self->record_line,
                   (unsigned long long) (self->max_field * RECORD_FACTOR));
      return FALSE;
    }
  return TRUE;
}

/* Closes the current field: checks its encoding and records where it starts. */
static gboolean
end_field (VigieCsvReader  *self,
           GError         **error)
{
  const char *start = self->record->str + self->field_start;
  gsize len = self->record->len - self->field_start;
  const char *bad = NULL;

  /* The bytes after a closing quote ("a"b) are added one by one: check the size once
   * more here, where every field ends. */
  if (!check_size (self, error))
    return FALSE;
  if (!g_utf8_validate_len (start, len, &bad))
    {
      g_set_error (error, VIGIE_CSV_ERROR, VIGIE_CSV_ERROR_ENCODING,
                   /* Translators: %1$llu is a line number, %2$u the number of a field
                    * (column) of that line */
                   _("line %1$llu: field %2$u: the text is not valid UTF-8 (save the file "
                     "as UTF-8 CSV)"),
                   (unsigned long long) line_at (self, bad - self->record->str),
                   field_number (self));
      return FALSE;
    }
  if (self->offsets->len >= MAX_FIELDS)
    {
      g_set_error (error, VIGIE_CSV_ERROR, VIGIE_CSV_ERROR_TOO_LONG,
                   /* Translators: %1$llu is a line number, %2$u a number of fields */
                   _("line %1$llu: more than %2$u fields (columns)"),
                   (unsigned long long) self->record_line, (guint) MAX_FIELDS);
      return FALSE;
    }

  g_array_append_val (self->offsets, self->field_start);
  g_string_append_c (self->record, '\0');
  self->field_start = self->record->len;
  return TRUE;
}

gboolean
vigie_csv_reader_next (VigieCsvReader  *self,
                       GCancellable    *cancellable,
                       GError         **error)
{
  ParseState state = STATE_FIELD_START;
  guint64 quote_line = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_string_truncate (self->record, 0);
  g_array_set_size (self->offsets, 0);
  self->field_start = 0;
  self->record_line = self->line;

  for (;;)
    {
      guint8 c;

      if (self->buf_pos == self->buf_len)
        {
          if (self->eof)
            break;
          if (!refill (self, cancellable, error))
            return FALSE;
          if (self->eof)
            break;
        }

      c = self->buf[self->buf_pos++];

      if (self->after_cr)
        {
          self->after_cr = FALSE;
          if (c == '\n')
            {
              self->record_line = self->line;
              continue;
            }
        }

      switch (state)
        {
        case STATE_FIELD_START:
          if (c == '"')
            {
              state = STATE_QUOTED;
              quote_line = self->line;
              continue;
            }
          if (c == ',')
            {
              if (!end_field (self, error))
                return FALSE;
              continue;
            }
          if (c == '\n' || c == '\r')
            {
              self->after_cr = (c == '\r');
              if (self->offsets->len == 0 && self->skip_empty)
                {
                  /* An empty line. */
                  self->line++;
                  self->record_line = self->line;
                  continue;
                }
              if (!end_field (self, error))
                return FALSE;
              self->line++;
              goto record_done;
            }
          if (c == '\0')
            return set_nul_error (self, error);
          state = STATE_UNQUOTED;
          G_GNUC_FALLTHROUGH;

        case STATE_UNQUOTED:
          {
            /* Copy the run of ordinary bytes in one go. */
            gsize start = self->buf_pos - 1;
            gsize end = start;

            while (end < self->buf_len)
              {
                guint8 b = self->buf[end];

                if (b == ',' || b == '\n' || b == '\r' || b == '\0')
                  break;
                end++;
              }
            g_string_append_len (self->record, (const char *) self->buf + start, end - start);
            self->buf_pos = end;
            if (!check_size (self, error))
              return FALSE;
            if (end == self->buf_len)
              continue;

            c = self->buf[self->buf_pos++];
            if (c == '\0')
              return set_nul_error (self, error);
            if (!end_field (self, error))
              return FALSE;
            if (c == ',')
              {
                state = STATE_FIELD_START;
                continue;
              }
            self->after_cr = (c == '\r');
            self->line++;
            goto record_done;
          }

        case STATE_QUOTED:
          {
            gsize start = self->buf_pos - 1;
            gsize end = start;

            while (end < self->buf_len)
              {
                guint8 b = self->buf[end];

                if (b == '"' || b == '\0')
                  break;
                if (b == '\n')
                  self->line++;
                end++;
              }
            g_string_append_len (self->record, (const char *) self->buf + start, end - start);
            self->buf_pos = end;
            if (!check_size (self, error))
              return FALSE;
            if (end == self->buf_len)
              continue;

            c = self->buf[self->buf_pos++];
            if (c == '\0')
              return set_nul_error (self, error);
            state = STATE_QUOTE_SEEN;
            continue;
          }

        case STATE_QUOTE_SEEN:
          if (c == '"')
            {
              g_string_append_c (self->record, '"');
              state = STATE_QUOTED;
              continue;
            }
          if (c == ',')
            {
              if (!end_field (self, error))
                return FALSE;
              state = STATE_FIELD_START;
              continue;
            }
          if (c == '\n' || c == '\r')
            {
              if (!end_field (self, error))
                return FALSE;
              self->after_cr = (c == '\r');
              self->line++;
              goto record_done;
            }
          if (c == '\0')
            return set_nul_error (self, error);
          /* Text after a closing quote ("a"b): kept as it is, like most spreadsheets do. */
          g_string_append_c (self->record, (char) c);
          state = STATE_UNQUOTED;
          continue;

        default:
          g_assert_not_reached ();
        }
    }

  /* End of input. */
  if (state == STATE_QUOTED)
    {
      g_set_error (error, VIGIE_CSV_ERROR, VIGIE_CSV_ERROR_UNTERMINATED,
                   _("line %llu: a quoted field is never closed (a quote character is "
                     "missing)"),
                   (unsigned long long) quote_line);
      return FALSE;
    }
  if (state == STATE_FIELD_START && self->offsets->len == 0)
    return FALSE;
  if (!end_field (self, error))
    return FALSE;

record_done:
  self->record_index++;
  return TRUE;
}

guint
vigie_csv_reader_get_n_fields (VigieCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->offsets->len;
}

const char *
vigie_csv_reader_get_field (VigieCsvReader *self,
                            guint           index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->offsets->len, NULL);
  return self->record->str + g_array_index (self->offsets, gsize, index);
}

gsize
vigie_csv_reader_get_field_length (VigieCsvReader *self,
                                   guint           index)
{
  gsize start, end;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->offsets->len, 0);

  start = g_array_index (self->offsets, gsize, index);
  end = index + 1 < self->offsets->len ? g_array_index (self->offsets, gsize, index + 1)
                                       : self->record->len;
  return end - start - 1;
}

guint64
vigie_csv_reader_get_line (VigieCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->record_line;
}

guint64
vigie_csv_reader_get_record_index (VigieCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->record_index;
}

guint64
vigie_csv_reader_get_bytes_read (VigieCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->bytes_read;
}

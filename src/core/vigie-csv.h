/* vigie-csv.h — a streaming RFC 4180 CSV reader.
 *
 * Reads one record at a time from a GInputStream through a fixed-size buffer, so a file of
 * any size is read in constant memory (one record at a time). Accepts UTF-8 with or without
 * a byte-order mark, CRLF or LF line ends, and quoted fields holding commas, doubled quotes
 * and line breaks. Rejects invalid UTF-8, NUL bytes, an unterminated quoted field and
 * overlong fields with a VIGIE_CSV_ERROR naming the line (and the field).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define VIGIE_CSV_ERROR (vigie_csv_error_quark ())
GQuark vigie_csv_error_quark (void);

typedef enum
{
  VIGIE_CSV_ERROR_ENCODING,      /* not valid UTF-8 */
  VIGIE_CSV_ERROR_NUL,           /* a NUL byte (a binary file, or UTF-16) */
  VIGIE_CSV_ERROR_UNTERMINATED,  /* a quoted field runs to the end of the file */
  VIGIE_CSV_ERROR_TOO_LONG,      /* a field or a record is over the size limit, or a record
                                  * has more than 10,000 fields */
  VIGIE_CSV_ERROR_IO,            /* the file cannot be opened or read */
} VigieCsvError;

/* Default limit on one field, in bytes. A record may hold at most 16 times this. */
#define VIGIE_CSV_DEFAULT_MAX_FIELD (1024 * 1024)

typedef struct _VigieCsvReader VigieCsvReader;

VigieCsvReader *vigie_csv_reader_new               (GInputStream    *stream);
/* Opens PATH for reading; fails with VIGIE_CSV_ERROR_IO. */
VigieCsvReader *vigie_csv_reader_new_for_path      (const char      *path,
                                                    GError         **error);
void            vigie_csv_reader_free              (VigieCsvReader  *self);

void            vigie_csv_reader_set_max_field_size (VigieCsvReader *self,
                                                     gsize           max_bytes);
/* Whether physical lines with nothing on them are skipped (TRUE by default). A line
 * holding only "" is a record with one empty field and is never skipped. */
void            vigie_csv_reader_set_skip_empty_lines (VigieCsvReader *self,
                                                       gboolean        skip);

/* Reads the next record. Returns TRUE when a record was read; FALSE at the end of the
 * input (ERROR left unset) or on an error (ERROR set). */
gboolean        vigie_csv_reader_next              (VigieCsvReader  *self,
                                                    GCancellable    *cancellable,
                                                    GError         **error);

/* The fields of the current record: valid UTF-8, NUL-terminated, owned by the reader and
 * valid until the next call to vigie_csv_reader_next(). */
guint           vigie_csv_reader_get_n_fields      (VigieCsvReader  *self);
const char     *vigie_csv_reader_get_field         (VigieCsvReader  *self,
                                                    guint            index);
gsize           vigie_csv_reader_get_field_length  (VigieCsvReader  *self,
                                                    guint            index);
/* The physical line (1-based) where the current record starts. */
guint64         vigie_csv_reader_get_line          (VigieCsvReader  *self);
/* The index of the current record (1-based: the first record, often the header, is 1). */
guint64         vigie_csv_reader_get_record_index  (VigieCsvReader  *self);
/* Bytes consumed from the stream so far (for progress). */
guint64         vigie_csv_reader_get_bytes_read    (VigieCsvReader  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieCsvReader, vigie_csv_reader_free)

G_END_DECLS

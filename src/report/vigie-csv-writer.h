/* vigie-csv-writer.h — RFC 4180 CSV output with the formula-injection guard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _VigieCsvWriter VigieCsvWriter;

VigieCsvWriter *vigie_csv_writer_new        (GOutputStream   *stream);
/* Appends one field to the current record. Quotes it when it holds a comma, a quote, CR or
 * LF; prefixes ' when it starts with = + - @, a tab or CR (spreadsheet formula guard). */
void            vigie_csv_writer_field      (VigieCsvWriter  *self,
                                             const char      *text);
/* A number: written as it is, never guarded. */
void            vigie_csv_writer_number     (VigieCsvWriter  *self,
                                             gint64           value);
/* A decimal number, '.' as separator, shortest exact form: never guarded (a negative
 * number is data, not a formula). */
void            vigie_csv_writer_real       (VigieCsvWriter  *self,
                                             double           value);
gboolean        vigie_csv_writer_end_record (VigieCsvWriter  *self,
                                             GError         **error);
void            vigie_csv_writer_free       (VigieCsvWriter  *self);

/* The guarded, quoted form of TEXT as one CSV field. */
char           *vigie_csv_escape_field      (const char      *text) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieCsvWriter, vigie_csv_writer_free)

G_END_DECLS

/* vigie-import.h — importing lists analysts receive as CSV files.
 *
 * Factories: the Open Supply Hub facility list format (DOMAIN.md "Open Supply Hub CSV").
 * An import is all or nothing: when any row is rejected nothing is written, and the
 * report names every bad row with its field and the reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigie-demo.h"
#include "vigie-store.h"

G_BEGIN_DECLS

#define VIGIE_IMPORT_ERROR (vigie_import_error_quark ())
GQuark vigie_import_error_quark (void);

typedef enum
{
  VIGIE_IMPORT_ERROR_READ,            /* the file cannot be read, or is not UTF-8 CSV */
  VIGIE_IMPORT_ERROR_EMPTY,           /* no header line */
  VIGIE_IMPORT_ERROR_MISSING_COLUMN,  /* a required column is not in the header */
  VIGIE_IMPORT_ERROR_DUPLICATE_COLUMN,
} VigieImportError;

typedef enum
{
  VIGIE_IMPORT_ADD,      /* a new site (added, or to be added on a dry run) */
  VIGIE_IMPORT_MATCH,    /* the same site as one in the dataset or earlier in the file */
  VIGIE_IMPORT_REJECT,   /* a bad row: FIELD and REASON say why */
} VigieImportOutcome;

/* One entry per data row; a rejected row has one entry per problem found in it. */
typedef struct
{
  guint               row;             /* 1-based data row, header excluded */
  guint               line;            /* physical line where the row starts */
  const char         *field;           /* the CSV column at fault (REJECT), or NULL */
  char               *reason;          /* translated (REJECT), or NULL */
  VigieImportOutcome  outcome;
  char               *name;            /* the site name as read */
  char               *country;         /* ISO code when recognised, else the text as read */
  gint64              matched_site_id; /* MATCH: the existing site (0 for a dry-run match of
                                        * a row earlier in the same file) */
  guint               matched_row;     /* MATCH within the file: the earlier row, else 0 */
  gint64              site_id;         /* ADD: the new site's id (0 on a dry run) */
} VigieImportRow;

typedef struct _VigieImportReport VigieImportReport;

void        vigie_import_report_free          (VigieImportReport *report);
guint       vigie_import_report_get_n_added   (VigieImportReport *report);
guint       vigie_import_report_get_n_matched (VigieImportReport *report);
/* Rows rejected (a row with several problems counts once). */
guint       vigie_import_report_get_n_rejected (VigieImportReport *report);
guint       vigie_import_report_get_n_rows    (VigieImportReport *report);
gboolean    vigie_import_report_get_dry_run   (VigieImportReport *report);
/* TRUE when the rows were written (no rejected row, not a dry run). */
gboolean    vigie_import_report_get_written   (VigieImportReport *report);
/* GPtrArray of VigieImportRow, in file order; owned by the report. */
GPtrArray  *vigie_import_report_get_rows      (VigieImportReport *report);
/* A translated, multi-line account: one line per rejected problem ("factories.csv: row 7,
 * field “country”: “Atlantis” is not a known country"), one per matched row, then a
 * summary line. FILE_NAME is what to call the file (usually its base name). */
char       *vigie_import_report_format        (VigieImportReport *report,
                                               const char        *file_name) G_GNUC_WARN_UNUSED_RESULT;
/* Only the lines of rejected rows (for error output), or NULL when none. */
char       *vigie_import_report_format_errors (VigieImportReport *report,
                                               const char        *file_name) G_GNUC_WARN_UNUSED_RESULT;

/* Imports an Open Supply Hub facility list. Returns a report (rows may have been rejected:
 * then nothing was written), or NULL with ERROR for a problem with the whole file (cannot
 * be read, bad encoding, missing column; the message names the file) or the database.
 * DRY_RUN checks and matches every row but never writes. PROGRESS (may be NULL) is called
 * from the calling thread. */
VigieImportReport *vigie_import_factories (VigieStore         *store,
                                           const char         *path,
                                           gboolean            dry_run,
                                           VigieProgressFunc   progress,
                                           gpointer            user_data,
                                           GCancellable       *cancellable,
                                           GError            **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieImportReport, vigie_import_report_free)

G_END_DECLS

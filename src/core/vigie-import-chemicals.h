/* vigie-import-chemicals.h — importing a chemical inventory from a CSV file.
 *
 * A UTF-8 CSV file with a header line. Required columns:
 *   site         the site: its id, its Open Supply Hub ID, or its exact name
 *   trade_name   the product's trade name
 * Optional columns:
 *   supplier, process (cleaning, degreasing, soldering, etching, plating, coating, gluing,
 *   printing, testing, other; default other), quantity (per year), unit (kg, L, t; required
 *   with a quantity), cas_numbers (constituents: "110-54-3:60-80;108-88-3:10-20", a CAS
 *   number and an optional concentration or range in percent), h_codes ("H225;H304;H315",
 *   combined codes such as H300+H310+H330 allowed), period (YYYY or YYYY-MM; default: the
 *   current year), department, quantity_stored, workers_exposed, women_exposed, sds and
 *   sds_in_workers_language (yes / no).
 *
 * All or nothing: when any row is wrong, nothing is written and the report names every
 * wrong row with its field and the reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigie-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint  row;        /* 1-based data row (header excluded) */
  guint  line;       /* physical line where the row starts */
  char  *field;      /* the column at fault */
  char  *reason;     /* translated */
} VigieChemicalImportProblem;

typedef struct
{
  guint      n_rows;
  guint      n_added;        /* products written (0 when any row was rejected) */
  guint      n_rejected;     /* rows with at least one problem */
  gboolean   written;
  GPtrArray *problems;       /* VigieChemicalImportProblem, in file order */
} VigieChemicalImportReport;

void                       vigie_chemical_import_report_free   (VigieChemicalImportReport *r);
/* A translated account: one line per problem ("inventory.csv: row 3, field “cas_numbers”:
 * ..."), then a summary line. */
char                      *vigie_chemical_import_report_format (VigieChemicalImportReport *r,
                                                                const char                *file_name) G_GNUC_WARN_UNUSED_RESULT;

/* Imports PATH. Returns a report (check n_rejected), or NULL with ERROR for a problem with
 * the whole file (unreadable, not UTF-8 CSV, no header, a required column missing, a
 * column twice) or the database. Seeds the substance reference first. */
VigieChemicalImportReport *vigie_import_chemicals (VigieStore    *store,
                                                   const char    *path,
                                                   gboolean       dry_run,
                                                   GCancellable  *cancellable,
                                                   GError       **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieChemicalImportReport, vigie_chemical_import_report_free)

G_END_DECLS

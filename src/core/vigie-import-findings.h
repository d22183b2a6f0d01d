/* vigie-import-findings.h — importing findings from a CSV file (`vigie-cli import
 * findings`). All or nothing: when any row is wrong nothing is written, and the report
 * names every wrong row with its field and the reason, as the factory import does.
 *
 * Columns (header names, any order; * = required):
 *   site*             the site: its Open Supply Hub ID, its Vigie number, or its exact name
 *   title*            1..300 characters
 *   severity*         critical, major, minor, observation
 *   first_observed*   YYYY-MM-DD
 *   description, company_response, notes         free text
 *   kind              breach (default), risk, good_practice
 *   status            open (default), progress_made, closed, disputed
 *   closed_on         YYYY-MM-DD (closed findings; today when empty)
 *   disclosure_level  internal (default), workers, employer, brand, affiliates, public
 *   workers_affected  a whole number
 *   affected_groups   any of women, migrant, agency, student, young, separated by ";"
 *   themes            keys of the organisation's code (forced_labour;wages), ";"-separated
 *   rba               RBA Code clauses (A1;B3), ";"-separated
 *   indicators        ILO forced-labour indicator codes (deception;debt_bondage)
 * Codes may also be written as their English labels, in any case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigie-demo.h"
#include "vigie-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint       row;      /* 1-based data row (header excluded) */
  guint       line;     /* physical line where the row starts */
  const char *field;    /* the column at fault, or NULL for the whole row */
  char       *reason;   /* translated */
} VigieFindingImportProblem;

typedef struct _VigieFindingImportReport VigieFindingImportReport;

void        vigie_finding_import_report_free          (VigieFindingImportReport *report);
guint       vigie_finding_import_report_get_n_rows    (VigieFindingImportReport *report);
guint       vigie_finding_import_report_get_n_added   (VigieFindingImportReport *report);
/* Rows rejected (a row with several problems counts once). */
guint       vigie_finding_import_report_get_n_rejected (VigieFindingImportReport *report);
gboolean    vigie_finding_import_report_get_written   (VigieFindingImportReport *report);
/* GPtrArray of VigieFindingImportProblem, in file order. */
GPtrArray  *vigie_finding_import_report_get_problems  (VigieFindingImportReport *report);
/* One line per problem ("findings.csv: row 3, field “severity”: …"), then a summary. */
char       *vigie_finding_import_report_format        (VigieFindingImportReport *report,
                                                       const char               *file_name) G_GNUC_WARN_UNUSED_RESULT;

/* NULL with ERROR (VIGIE_IMPORT_ERROR) for a problem with the whole file. */
VigieFindingImportReport *vigie_import_findings (VigieStore         *store,
                                                 const char         *path,
                                                 gboolean            dry_run,
                                                 VigieProgressFunc   progress,
                                                 gpointer            user_data,
                                                 GCancellable       *cancellable,
                                                 GError            **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieFindingImportReport, vigie_finding_import_report_free)

G_END_DECLS

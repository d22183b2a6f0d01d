/* fuzz-import-findings.c — the findings importer (the CSV reader and the mapping of its
 * columns to findings, their standards and indicators) on any file, against a small
 * dataset.
 *
 * Each run imports for real inside a transaction that is then rolled back. Properties: a
 * report or an error, never both or neither; every row is added or rejected; a report with
 * no rejected row was written; after the rollback the dataset is as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>

#include "fuzz.h"
#include "fuzz-store.h"
#include "vigie-import-findings.h"

static gint64 fingerprint;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fingerprint = fuzz_store_fingerprint (fuzz_store_get ());
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  VigieStore *store = fuzz_store_get ();
  const char *path = fuzz_store_write_input ("findings.csv", data, size);
  g_autoptr(VigieFindingImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  FUZZ_ASSERT (vigie_store_begin (store, NULL));
  report = vigie_import_findings (store, path, FALSE, NULL, NULL, NULL, &error);
  FUZZ_ASSERT ((report == NULL) != (error == NULL));
  if (report != NULL)
    {
      g_autofree char *text = vigie_finding_import_report_format (report, "findings.csv");
      guint n_rejected = vigie_finding_import_report_get_n_rejected (report);
      GPtrArray *problems = vigie_finding_import_report_get_problems (report);

      FUZZ_ASSERT (g_utf8_validate (text, -1, NULL));
      FUZZ_ASSERT ((problems->len > 0) == (n_rejected > 0));
      FUZZ_ASSERT (n_rejected <= vigie_finding_import_report_get_n_rows (report));
      if (n_rejected == 0)
        FUZZ_ASSERT (vigie_finding_import_report_get_n_added (report)
                     == vigie_finding_import_report_get_n_rows (report));
      FUZZ_ASSERT (vigie_finding_import_report_get_written (report) == (n_rejected == 0));
    }
  else
    FUZZ_ASSERT (g_utf8_validate (error->message, -1, NULL));
  vigie_store_rollback (store);
  FUZZ_ASSERT (fuzz_store_fingerprint (store) == fingerprint);
  return 0;
}

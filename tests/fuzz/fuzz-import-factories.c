/* fuzz-import-factories.c — the Open Supply Hub importer (the CSV reader and the mapping of
 * its columns to sites and workforce snapshots) on any file, against a small dataset.
 *
 * Each run imports for real inside a transaction that is then rolled back, so that the
 * dataset is the same for every input. Properties: the import returns a report or an error,
 * never both or neither; the report's counts add up; a report with no rejected row was
 * written; after the rollback the dataset is as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>

#include "fuzz.h"
#include "fuzz-store.h"
#include "vigie-import.h"

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
  const char *path = fuzz_store_write_input ("factories.csv", data, size);
  g_autoptr(VigieImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  FUZZ_ASSERT (vigie_store_begin (store, NULL));
  report = vigie_import_factories (store, path, FALSE, NULL, NULL, NULL, &error);
  FUZZ_ASSERT ((report == NULL) != (error == NULL));
  if (report != NULL)
    {
      g_autofree char *text = vigie_import_report_format (report, "factories.csv");
      g_autofree char *errors = vigie_import_report_format_errors (report, "factories.csv");
      guint n_rows = vigie_import_report_get_n_rows (report);

      FUZZ_ASSERT (g_utf8_validate (text, -1, NULL));
      FUZZ_ASSERT (vigie_import_report_get_n_added (report)
                   + vigie_import_report_get_n_matched (report)
                   + vigie_import_report_get_n_rejected (report) == n_rows);
      FUZZ_ASSERT ((errors != NULL) == (vigie_import_report_get_n_rejected (report) > 0));
      FUZZ_ASSERT (vigie_import_report_get_written (report)
                   == (vigie_import_report_get_n_rejected (report) == 0));
    }
  else
    FUZZ_ASSERT (g_utf8_validate (error->message, -1, NULL));
  vigie_store_rollback (store);
  FUZZ_ASSERT (fuzz_store_fingerprint (store) == fingerprint);
  return 0;
}

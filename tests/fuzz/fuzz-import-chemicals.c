/* fuzz-import-chemicals.c — the chemical inventory importer (the CSV reader and the
 * mapping of its columns to products, constituents with CAS numbers and concentration
 * ranges, hazard statement codes) on any file, against a small dataset.
 *
 * Each run imports for real inside a transaction that is then rolled back. Properties: a
 * report or an error, never both or neither; the counts add up; after the rollback the
 * dataset is as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>

#include "fuzz.h"
#include "fuzz-store.h"
#include "vigie-chemical.h"
#include "vigie-import-chemicals.h"

static gint64 fingerprint;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  VigieStore *store = fuzz_store_get ();

  /* The import seeds the substance reference first; do it once here, so that the
   * fingerprint is taken after it. */
  if (vigie_chemical_seed_substances (store, NULL) < 0)
    abort ();
  fingerprint = fuzz_store_fingerprint (store);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  VigieStore *store = fuzz_store_get ();
  const char *path = fuzz_store_write_input ("chemicals.csv", data, size);
  g_autoptr(VigieChemicalImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  FUZZ_ASSERT (vigie_store_begin (store, NULL));
  report = vigie_import_chemicals (store, path, FALSE, NULL, &error);
  FUZZ_ASSERT ((report == NULL) != (error == NULL));
  if (report != NULL)
    {
      g_autofree char *text = vigie_chemical_import_report_format (report, "chemicals.csv");

      FUZZ_ASSERT (g_utf8_validate (text, -1, NULL));
      FUZZ_ASSERT (report->n_rejected <= report->n_rows);
      FUZZ_ASSERT ((report->problems->len > 0) == (report->n_rejected > 0));
      FUZZ_ASSERT (!report->written || report->n_rejected == 0);
      FUZZ_ASSERT (report->written == (report->n_added > 0));
    }
  else
    FUZZ_ASSERT (g_utf8_validate (error->message, -1, NULL));
  vigie_store_rollback (store);
  FUZZ_ASSERT (fuzz_store_fingerprint (store) == fingerprint);
  return 0;
}

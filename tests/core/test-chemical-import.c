/* test-chemical-import.c — `import chemicals`: a good file, a file with errors in many
 * fields (every one reported with its row, field and reason, nothing written), and
 * problems with the whole file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "vigie-chemical.h"
#include "vigie-import.h"
#include "vigie-import-chemicals.h"
#include "vigie-store-private.h"

typedef struct
{
  char       *dir;
  VigieStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("vigie-chem-import-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "test.db", NULL);
  f->store = vigie_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (vigie_store_exec (f->store,
                                   "INSERT INTO sites (id, uuid, name, address, country, os_id, "
                                   "location_type, products, closed, created_at, updated_at) "
                                   "VALUES (1, 's1', 'Alpha Circuits', 'Shenzhen', 'CN', NULL, "
                                   "'component_manufacturing', 'pcb', 0, 'x', 'x'), "
                                   "(2, 's2', 'Beta Assembly', 'Bac Ninh', 'VN', NULL, "
                                   "'final_assembly', 'laptops', 0, 'x', 'x'), "
                                   "(3, 's3', 'Twin Works', 'A', 'MX', NULL, "
                                   "'final_assembly', '', 0, 'x', 'x'), "
                                   "(4, 's4', 'Twin Works', 'B', 'MX', NULL, "
                                   "'final_assembly', '', 0, 'x', 'x')", &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->store);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

static void
test_good_file (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path ("chemicals.csv");
  g_autoptr(VigieChemicalImportReport) report = NULL;
  g_autoptr(VigieChemicalImportReport) dry = NULL;
  g_autofree char *text = NULL;
  g_autoptr(VigieChemicalProduct) first = NULL;
  g_autoptr(GPtrArray) inventories = NULL;

  /* A dry run checks everything and writes nothing. */
  dry = vigie_import_chemicals (f->store, path, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dry->n_rows, ==, 4);
  g_assert_cmpuint (dry->n_rejected, ==, 0);
  g_assert_false (dry->written);
  g_assert_cmpint (vigie_store_count (f->store, "chemical_products"), ==, 0);

  report = vigie_import_chemicals (f->store, path, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_rows, ==, 4);
  g_assert_cmpuint (report->n_rejected, ==, 0);
  g_assert_cmpuint (report->n_added, ==, 4);
  g_assert_true (report->written);
  text = vigie_chemical_import_report_format (report, "chemicals.csv");
  g_assert_cmpstr (text, ==, "chemicals.csv: 4 chemical products imported.\n");
  g_assert_cmpint (vigie_store_count (f->store, "chemical_products"), ==, 4);

  /* Row 1: by site name; hexane and toluene with their ranges; codes split. */
  first = vigie_chemical_get_product (f->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first->site_id, ==, 1);
  g_assert_cmpstr (first->trade_name, ==, "Screen Wipe Solvent SW-7");
  g_assert_cmpstr (first->supplier, ==, "Solvix Industrial Chemicals");
  g_assert_cmpstr (first->process, ==, "cleaning");
  g_assert_cmpfloat (first->qty_per_year, ==, 1200.5);
  g_assert_cmpstr (first->qty_unit, ==, "L");
  g_assert_cmpstr (first->period, ==, "2025");
  g_assert_cmpint (first->workers_exposed, ==, 40);
  g_assert_cmpint (first->women_exposed, ==, 25);
  g_assert_true (first->sds_available);
  g_assert_false (first->sds_in_workers_language);
  g_assert_cmpuint (first->constituents->len, ==, 2);
  {
    VigieConstituent *c0 = g_ptr_array_index (first->constituents, 0);
    VigieConstituent *c1 = g_ptr_array_index (first->constituents, 1);

    g_assert_cmpstr (c0->cas_rn, ==, "110-54-3");
    g_assert_cmpstr (c0->name, ==, "n-Hexane");
    g_assert_cmpfloat (c0->conc_min, ==, 60);
    g_assert_cmpfloat (c0->conc_max, ==, 80);
    g_assert_cmpstr (c1->cas_rn, ==, "108-88-3");
  }
  g_assert_cmpuint (first->hazard_codes->len, ==, 5);

  /* Row 2 by id with a combined code; row 3 without period (the current year). */
  {
    g_autoptr(VigieChemicalProduct) p2 = vigie_chemical_get_product (f->store, 2, &error);
    g_autoptr(VigieChemicalProduct) p3 = vigie_chemical_get_product (f->store, 3, &error);
    g_autoptr(VigieChemicalProduct) p4 = vigie_chemical_get_product (f->store, 4, &error);

    g_assert_cmpint (p2->site_id, ==, 2);
    g_assert_cmpuint (p2->hazard_codes->len, ==, 4);   /* H300, H310, H330, H314 */
    g_assert_cmpstr (g_ptr_array_index (p2->hazard_codes, 0), ==, "H300");
    g_assert_cmpstr (p3->period, ==, "2026");
    g_assert_true (isnan (p3->qty_per_year));
    g_assert_cmpuint (p3->constituents->len, ==, 1);
    g_assert_cmpfloat (((VigieConstituent *) g_ptr_array_index (p3->constituents, 0))->conc_min,
                       ==, 99);
    /* A new CAS number joins the reference under its number. */
    g_assert_cmpuint (p4->constituents->len, ==, 1);
    g_assert_cmpstr (((VigieConstituent *) g_ptr_array_index (p4->constituents, 0))->name, ==,
                     "25068-38-6");
  }

  /* Alpha 2025, Alpha 2026, Beta 2025, Beta 2025-03. */
  inventories = vigie_chemical_list_inventories (f->store, 0, &error);
  g_assert_cmpuint (inventories->len, ==, 4);
}

static gboolean
has_problem (VigieChemicalImportReport *report,
             guint                      row,
             const char                *field,
             const char                *fragment)
{
  for (guint i = 0; i < report->problems->len; i++)
    {
      VigieChemicalImportProblem *p = g_ptr_array_index (report->problems, i);

      if (p->row == row && strcmp (p->field, field) == 0
          && (fragment == NULL || strstr (p->reason, fragment) != NULL))
        return TRUE;
    }
  return FALSE;
}

static void
test_bad_file (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path ("chemicals-bad.csv");
  g_autoptr(VigieChemicalImportReport) report = NULL;
  g_autofree char *text = NULL;
  gint64 substances_before = 0;

  g_assert_cmpint (vigie_chemical_seed_substances (f->store, &error), >, 0);
  substances_before = vigie_store_count (f->store, "substances");
  report = vigie_import_chemicals (f->store, path, FALSE, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < report->problems->len; i++)
    {
      VigieChemicalImportProblem *p = g_ptr_array_index (report->problems, i);

      g_test_message ("row %u line %u %s: %s", p->row, p->line, p->field, p->reason);
    }
  g_assert_cmpuint (report->n_rows, ==, 10);
  g_assert_false (report->written);
  g_assert_cmpuint (report->n_added, ==, 0);
  g_assert_cmpint (vigie_store_count (f->store, "chemical_products"), ==, 0);
  g_assert_cmpint (vigie_store_count (f->store, "substances"), ==, substances_before);

  /* Row 1 is fine; every other row has its problem named. */
  g_assert_true (has_problem (report, 2, "cas_numbers", "7732-18-4"));  /* check digit */
  g_assert_true (has_problem (report, 3, "site", "Atlantis"));
  g_assert_true (has_problem (report, 4, "h_codes", "H999"));
  g_assert_true (has_problem (report, 5, "unit", "gal"));
  g_assert_true (has_problem (report, 6, "women_exposed", NULL));
  g_assert_true (has_problem (report, 7, "site", "several sites"));
  g_assert_true (has_problem (report, 8, "trade_name", NULL));
  g_assert_true (has_problem (report, 8, "process", "welding"));          /* two in one row */
  g_assert_true (has_problem (report, 9, "cas_numbers", "concentration"));
  g_assert_true (has_problem (report, 10, "period", "2025-13"));
  g_assert_cmpuint (report->n_rejected, ==, 9);
  g_assert_cmpuint (report->problems->len, ==, 10);
  {
    VigieChemicalImportProblem *p = g_ptr_array_index (report->problems, 0);

    g_assert_cmpuint (p->row, ==, 2);
    g_assert_cmpuint (p->line, ==, 3);
  }

  text = vigie_chemical_import_report_format (report, "chemicals-bad.csv");
  g_assert_nonnull (strstr (text, "chemicals-bad.csv: row 3, field “site”:"));
  g_assert_true (g_str_has_suffix (text, "chemicals-bad.csv: 9 rows are wrong; nothing was "
                                         "imported.\n"));
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents,
            char      **path)
{
  g_autoptr(GError) error = NULL;

  *path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (*path, contents, -1, &error));
  g_assert_no_error (error);
}

static void
test_whole_file_errors (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *twice = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *binary = NULL;
  VigieChemicalImportReport *report;

  write_file (f->dir, "missing.csv", "site,supplier\n1,X\n", &missing);
  report = vigie_import_chemicals (f->store, missing, FALSE, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, VIGIE_IMPORT_ERROR, VIGIE_IMPORT_ERROR_MISSING_COLUMN);
  g_assert_nonnull (strstr (error->message, "trade_name"));
  g_clear_error (&error);

  write_file (f->dir, "twice.csv", "site,trade_name,Trade_Name\n1,X,Y\n", &twice);
  report = vigie_import_chemicals (f->store, twice, FALSE, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, VIGIE_IMPORT_ERROR, VIGIE_IMPORT_ERROR_DUPLICATE_COLUMN);
  g_clear_error (&error);

  write_file (f->dir, "empty.csv", "", &empty);
  report = vigie_import_chemicals (f->store, empty, FALSE, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, VIGIE_IMPORT_ERROR, VIGIE_IMPORT_ERROR_EMPTY);
  g_clear_error (&error);

  write_file (f->dir, "latin1.csv", "site,trade_name\n1,Caf\xe9\n", &binary);
  report = vigie_import_chemicals (f->store, binary, FALSE, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, VIGIE_IMPORT_ERROR, VIGIE_IMPORT_ERROR_READ);
  g_clear_error (&error);

  report = vigie_import_chemicals (f->store, "/nonexistent/file.csv", FALSE, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, VIGIE_IMPORT_ERROR, VIGIE_IMPORT_ERROR_READ);
  g_assert_cmpint (vigie_store_count (f->store, "chemical_products"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/chemical-import/good", Fixture, NULL, fixture_setup, test_good_file,
              fixture_teardown);
  g_test_add ("/chemical-import/bad", Fixture, NULL, fixture_setup, test_bad_file,
              fixture_teardown);
  g_test_add ("/chemical-import/whole-file", Fixture, NULL, fixture_setup,
              test_whole_file_errors, fixture_teardown);
  return g_test_run ();
}

/* test-chemical-list.c — the Chemicals list model: a site's inventory of 200 products
 * entered through the API, then filtered (search, process, hazard class, CMR, SVHC / SIN /
 * RoHS, SDS, PPE), sorted and summarised, with the expected counts computed from the
 * generating rule. The time taken is reported (no timed assertion).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "vigie-chemical-list.h"
#include "vigie-store-private.h"

#define N_PRODUCTS 200

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

  f->dir = g_dir_make_tmp ("vigie-chem-list-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "test.db", NULL);
  f->store = vigie_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (vigie_store_exec (f->store,
                                   "INSERT INTO sites (id, uuid, name, address, country, "
                                   "location_type, products, closed, created_at, updated_at) "
                                   "VALUES (1, 's1', 'Alpha Circuits', 'Shenzhen', 'CN', "
                                   "'component_manufacturing', 'pcb', 0, 'x', 'x'), "
                                   "(2, 's2', 'Beta Assembly', 'Bac Ninh', 'VN', "
                                   "'final_assembly', 'laptops', 0, 'x', 'x')", &error));
  g_assert_true (vigie_chemical_seed_substances (f->store, &error) > 0);
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

/* Product i (0-based) of site 1: recipe i % 5, workers 10 + i % 17, women (i % 17) / 2,
 * SDS missing when i % 4 == 0, SDS not in the language when i % 4 == 1, PPE reported
 * inadequate when i % 6 == 0. */
static const struct
{
  const char *name;
  const char *process;
  const char *cas;
  const char *codes;
} recipes[] = {
  { "Trichloro Degreaser", "degreasing", "79-01-6", "H315 H319 H336 H341 H350 H412" },
  { "IPA Cleaner", "cleaning", "67-63-0", "H225 H319 H336" },
  { "Leaded Solder Paste", "soldering", "7439-92-1", "H360FD H362 H410" },
  { "Acetone Wipe", "cleaning", "67-64-1", "H225 H319 H336 EUH066" },
  { "Sulfuric Etch", "etching", "7664-93-9", "H290 H314" },
};

static void
fill (VigieStore *store,
      double     *seconds)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();

  for (guint i = 0; i < N_PRODUCTS; i++)
    {
      g_autoptr(VigieChemicalProduct) p = vigie_chemical_product_new ();
      VigieConstituent *c = vigie_constituent_new ();
      guint r = i % G_N_ELEMENTS (recipes);
      g_auto(GStrv) codes = g_strsplit (recipes[r].codes, " ", -1);

      p->site_id = 1;
      p->period = g_strdup ("2025");
      g_free (p->trade_name);
      p->trade_name = g_strdup_printf ("%s %03u", recipes[r].name, i);
      g_free (p->process);
      p->process = g_strdup (recipes[r].process);
      g_free (p->supplier);
      p->supplier = g_strdup (i % 2 ? "Solvix Industrial Chemicals" : "Huaxin Chemical");
      p->qty_per_year = 100 + i;
      p->qty_unit = g_strdup ("L");
      p->workers_exposed = 10 + i % 17;
      p->women_exposed = (i % 17) / 2;
      p->sds_available = i % 4 != 0;
      p->sds_in_workers_language = i % 4 > 1;
      g_free (p->ppe_provided);
      p->ppe_provided = g_strdup ("Gloves");
      p->ppe_adequate_reported = i % 6 == 0 ? 0 : 1;
      c->cas_rn = g_strdup (recipes[r].cas);
      c->conc_min = 10;
      c->conc_max = 90;
      g_ptr_array_add (p->constituents, c);
      for (guint k = 0; codes[k] != NULL; k++)
        g_ptr_array_add (p->hazard_codes, g_strdup (codes[k]));
      g_assert_cmpint (vigie_chemical_insert_product (store, p, &error), >, 0);
      g_assert_no_error (error);
    }
  /* Noise at another site. */
  {
    g_autoptr(VigieChemicalProduct) p = vigie_chemical_product_new ();

    p->site_id = 2;
    p->period = g_strdup ("2025");
    g_free (p->trade_name);
    p->trade_name = g_strdup ("IPA Cleaner at Beta");
    g_ptr_array_add (p->hazard_codes, g_strdup ("H350"));
    g_assert_cmpint (vigie_chemical_insert_product (store, p, &error), >, 0);
  }
  *seconds = g_timer_elapsed (timer, NULL);
}

static guint
count_expected (gboolean (*pred) (guint i))
{
  guint n = 0;

  for (guint i = 0; i < N_PRODUCTS; i++)
    if (pred (i))
      n++;
  return n;
}

static gboolean is_cmr (guint i) { return i % 5 == 0 || i % 5 == 2; }
static gboolean is_cleaning (guint i) { return i % 5 == 1 || i % 5 == 3; }
static gboolean is_svhc (guint i) { return i % 5 == 0 || i % 5 == 2; }   /* TCE, lead */
static gboolean is_rohs (guint i) { return i % 5 == 2; }                 /* lead */
static gboolean no_sds (guint i) { return i % 4 == 0; }
static gboolean sds_problem (guint i) { return i % 4 <= 1; }
static gboolean ppe_bad (guint i) { return i % 6 == 0; }
static gboolean cmr_and_ppe_bad (guint i) { return is_cmr (i) && ppe_bad (i); }
static gboolean corrosive (guint i) { return i % 5 == 4; }

static guint
run (VigieChemicalList  *list,
     VigieChemicalQuery *q)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (vigie_chemical_list_set_query (list, q, &error));
  g_assert_no_error (error);
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static void
test_200_products (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieChemicalList) list = vigie_chemical_list_new (f->store);
  g_autoptr(VigieChemicalQuery) q = vigie_chemical_query_new ();
  g_autoptr(VigieHazardSummary) summary = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_auto(GStrv) classes = NULL;
  double fill_s, filter_s, summary_s, rows_s;
  gint64 workers = 0, women = 0;
  guint sds_gap = 0, ppe_gap = 0;

  fill (f->store, &fill_s);

  g_timer_start (timer);
  q->site_id = 1;
  g_assert_cmpuint (run (list, q), ==, N_PRODUCTS);

  /* Sorted by trade name: "Acetone Wipe 003" first. */
  {
    g_autoptr(VigieChemicalRow) row = g_list_model_get_item (G_LIST_MODEL (list), 0);

    g_assert_cmpstr (vigie_chemical_row_get_trade_name (row), ==, "Acetone Wipe 003");
  }

  q->flags = VIGIE_CHEMICAL_FLAG_CMR;
  g_assert_cmpuint (run (list, q), ==, count_expected (is_cmr));
  q->flags = VIGIE_CHEMICAL_FLAG_SVHC;
  g_assert_cmpuint (run (list, q), ==, count_expected (is_svhc));
  q->flags = VIGIE_CHEMICAL_FLAG_ROHS;
  g_assert_cmpuint (run (list, q), ==, count_expected (is_rohs));
  q->flags = VIGIE_CHEMICAL_FLAG_SIN;
  g_assert_cmpuint (run (list, q), ==, count_expected (is_svhc));  /* TCE and lead */
  q->flags = VIGIE_CHEMICAL_FLAG_NO_SDS;
  g_assert_cmpuint (run (list, q), ==, count_expected (no_sds));
  q->flags = VIGIE_CHEMICAL_FLAG_NO_SDS | VIGIE_CHEMICAL_FLAG_SDS_LANGUAGE;
  g_assert_cmpuint (run (list, q), ==, count_expected (sds_problem));
  q->flags = VIGIE_CHEMICAL_FLAG_PPE_INADEQUATE;
  g_assert_cmpuint (run (list, q), ==, count_expected (ppe_bad));
  q->flags = VIGIE_CHEMICAL_FLAG_CMR | VIGIE_CHEMICAL_FLAG_PPE_INADEQUATE;
  g_assert_cmpuint (run (list, q), ==, count_expected (cmr_and_ppe_bad));
  q->flags = 0;

  q->process = g_strdup ("cleaning");
  g_assert_cmpuint (run (list, q), ==, count_expected (is_cleaning));
  g_clear_pointer (&q->process, g_free);

  /* Hazard classes in use, and a filter by one. */
  classes = vigie_chemical_list_hazard_classes (f->store, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) classes, "Carcinogenicity"));
  q->hazard_class = g_strdup ("Skin corrosion/irritation");
  {
    /* H314 (etch) and H315 (degreaser) are both in that class. */
    guint expected = count_expected (corrosive) + N_PRODUCTS / 5;

    g_assert_cmpuint (run (list, q), ==, expected);
  }
  g_clear_pointer (&q->hazard_class, g_free);

  /* Full-text search: trade name words, supplier. */
  q->search = g_strdup ("solder");
  g_assert_cmpuint (run (list, q), ==, N_PRODUCTS / 5);
  g_free (q->search);
  q->search = g_strdup ("solvix acetone");
  g_assert_cmpuint (run (list, q), ==, N_PRODUCTS / 10);  /* odd i with i % 5 == 3 */
  g_free (q->search);
  q->search = g_strdup ("\"OR");      /* quotes and operators are only words */
  g_assert_cmpuint (run (list, q), ==, 0);
  g_clear_pointer (&q->search, g_free);

  /* Sort by workers exposed, most first; unknowns last. */
  q->sort = VIGIE_CHEMICAL_SORT_WORKERS;
  q->descending = TRUE;
  g_assert_cmpuint (run (list, q), ==, N_PRODUCTS);
  {
    g_autoptr(VigieChemicalRow) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(VigieChemicalRow) last = g_list_model_get_item (G_LIST_MODEL (list),
                                                             N_PRODUCTS - 1);

    g_assert_cmpint (vigie_chemical_row_get_workers_exposed (first), ==, 26);
    g_assert_cmpint (vigie_chemical_row_get_workers_exposed (last), ==, 10);
  }
  filter_s = g_timer_elapsed (timer, NULL);

  /* Every row: build them all (a full scroll) and check them against the rule. */
  g_timer_start (timer);
  q->sort = VIGIE_CHEMICAL_SORT_TRADE_NAME;
  q->descending = FALSE;
  run (list, q);
  for (guint k = 0; k < N_PRODUCTS; k++)
    {
      g_autoptr(VigieChemicalRow) row = g_list_model_get_item (G_LIST_MODEL (list), k);
      const char *name = vigie_chemical_row_get_trade_name (row);
      guint i = (guint) g_ascii_strtoull (name + strlen (name) - 3, NULL, 10);
      guint flags = vigie_chemical_row_get_flags (row);

      g_assert_cmpint (!!(flags & VIGIE_CHEMICAL_FLAG_CMR), ==, is_cmr (i));
      g_assert_cmpint (!!(flags & VIGIE_CHEMICAL_FLAG_NO_SDS), ==, no_sds (i));
      g_assert_cmpint (!!(flags & VIGIE_CHEMICAL_FLAG_PPE_INADEQUATE), ==, ppe_bad (i));
      g_assert_cmpstr (vigie_chemical_row_get_site_name (row), ==, "Alpha Circuits");
      switch (i % 5)
        {
        case 0:
          g_assert_cmpstr (vigie_chemical_row_get_worst_code (row), ==, "H350");
          g_assert_cmpstr (vigie_chemical_row_get_signal_word (row), ==, "danger");
          break;
        case 2:
          g_assert_cmpstr (vigie_chemical_row_get_worst_code (row), ==, "H360FD");
          break;
        case 4:
          g_assert_cmpstr (vigie_chemical_row_get_worst_code (row), ==, "H314");
          g_assert_cmpstrv (vigie_chemical_row_get_pictograms (row),
                            ((const char * const[]) { "GHS05", NULL }));
          break;
        case 1:
          g_assert_cmpstrv (vigie_chemical_row_get_pictograms (row),
                            ((const char * const[]) { "GHS02", "GHS07", NULL }));
          g_assert_cmpstr (vigie_chemical_row_get_worst_code (row), ==, "H225");
          break;
        default:
          break;
        }
    }
  rows_s = g_timer_elapsed (timer, NULL);

  /* The summary, against the rule. */
  g_timer_start (timer);
  summary = vigie_chemical_hazard_summary (f->store, 1, "2025", &error);
  summary_s = g_timer_elapsed (timer, NULL);
  g_assert_no_error (error);
  for (guint i = 0; i < N_PRODUCTS; i++)
    if (is_cmr (i))
      {
        workers += 10 + i % 17;
        women += (i % 17) / 2;
        if (sds_problem (i))
          sds_gap++;
        if (ppe_bad (i))
          ppe_gap++;
      }
  g_assert_cmpuint (summary->n_products, ==, N_PRODUCTS);
  g_assert_cmpuint (summary->n_cmr_products, ==, count_expected (is_cmr));
  g_assert_cmpuint (summary->n_carcinogen, ==, N_PRODUCTS / 5);
  g_assert_cmpuint (summary->n_mutagen, ==, N_PRODUCTS / 5);
  g_assert_cmpuint (summary->n_reprotoxic, ==, N_PRODUCTS / 5);
  g_assert_cmpint (summary->workers_exposed_cmr, ==, workers);
  g_assert_cmpint (summary->women_exposed_cmr, ==, women);
  g_assert_cmpuint (summary->n_cmr_sds_gap, ==, sds_gap);
  g_assert_cmpuint (summary->n_cmr_ppe_gap, ==, ppe_gap);
  g_assert_cmpint (((VigieHazardSummaryItem *) g_ptr_array_index (summary->items, 0))->workers_exposed,
                   ==, 26);

  g_test_message ("200 products: entered in %.0f ms, 15 filtered queries in %.1f ms, "
                  "200 rows built in %.1f ms, summary in %.1f ms",
                  fill_s * 1000, filter_s * 1000, rows_s * 1000, summary_s * 1000);
  g_print ("# timing: 200 products entered %.0f ms; 15 filter/sort queries %.1f ms; "
           "200 rows %.1f ms; summary %.1f ms\n",
           fill_s * 1000, filter_s * 1000, rows_s * 1000, summary_s * 1000);
}

static void
on_query_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GError **error = user_data;

  vigie_chemical_list_set_query_finish (VIGIE_CHEMICAL_LIST (source), result, error);
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

static void
test_async_and_hidden (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(VigieChemicalList) list = vigie_chemical_list_new (f->store);
  g_autoptr(VigieChemicalQuery) q = vigie_chemical_query_new ();
  GError *error = NULL;
  double fill_s;
  gint64 id;

  fill (f->store, &fill_s);
  q->flags = VIGIE_CHEMICAL_FLAG_CMR;
  vigie_chemical_list_set_query_async (list, q, NULL, on_query_done, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);   /* our "done" marker */
  g_clear_error (&error);
  /* Both sites: 80 at site 1 plus the H350 product of site 2. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 81);

  {
    g_autoptr(VigieChemicalRow) row = g_list_model_get_item (G_LIST_MODEL (list), 0);

    id = vigie_chemical_row_get_id (row);
  }
  vigie_chemical_list_hide_id (list, id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 80);
  g_assert_true (vigie_chemical_list_reload (list, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 80);
  g_assert_cmpuint (vigie_chemical_list_find_position (list, id), ==, G_MAXUINT);
  vigie_chemical_list_unhide_id (list, id);
  g_assert_true (vigie_chemical_list_reload (list, &error));
  g_assert_cmpuint (vigie_chemical_list_find_position (list, id), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/chemical-list/200-products", Fixture, NULL, fixture_setup, test_200_products,
              fixture_teardown);
  g_test_add ("/chemical-list/async-hidden", Fixture, NULL, fixture_setup,
              test_async_and_hidden, fixture_teardown);
  return g_test_run ();
}

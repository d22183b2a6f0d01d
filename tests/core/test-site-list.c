/* test-site-list.c — the Factories list model: SQL sort, filters, FTS search, rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <math.h>

#include "vigie-site-list.h"
#include "vigie-store-private.h"

typedef struct
{
  char          *dir;
  VigieStore    *store;
  VigieSiteList *list;
} Fixture;

/* Six sites with known workforce, findings and investigations. Expected orders below are
 * worked out by hand from these rows. */
static const char fixture_sql[] =
  "INSERT INTO sites (id, uuid, name, native_name, address, country, location_type,"
  "                   products, closed, created_at, updated_at) VALUES"
  " (1, 'u1', 'Alpha Electronics', '阿尔法电子', 'Bao''an District, Shenzhen', 'CN',"
  "  'component_manufacturing', 'pcb,semiconductors', 0, 'x', 'x'),"
  " (2, 'u2', 'Béta Assembly', '', 'Bac Ninh', 'VN', 'final_assembly', 'laptops', 0,"
  "  'x', 'x'),"
  " (3, 'u3', 'Gamma \"Quoted\" Works (Plant-2)', '', 'Tijuana', 'MX', 'final_assembly',"
  "  'servers,printers', 0, 'x', 'x'),"
  " (4, 'u4', 'Delta Displays', '', 'Kunshan, Jiangsu', 'CN', 'final_assembly',"
  "  'displays', 1, 'x', 'x'),"
  " (5, 'u5', 'epsilon Storage', '', 'Ayutthaya', 'TH', 'warehousing', '', 0, 'x', 'x'),"
  " (6, 'u6', 'São Paulo Cables', '', 'Jundiaí', 'BR', 'component_manufacturing',"
  "  'cables', 0, 'x', 'x');"
  /* Site 1: the 2025 snapshot is the newest (1,200, 900 women = 75 %). Site 2: a range
   * only (max 400, 100 women = 25 %). Site 3: no women figure. Site 5: a total of 0. */
  "INSERT INTO workforce_snapshots (uuid, site_id, as_of, source, total, total_min,"
  "                                 total_max, women, created_at, updated_at) VALUES"
  " ('w1', 1, '2024-01-01', 'employer', 1000, NULL, NULL, 500, 'x', 'x'),"
  " ('w2', 1, '2025-06-01', 'monitor_estimate', 1200, NULL, NULL, 900, 'x', 'x'),"
  " ('w3', 1, '2023-12-31', 'brand', 5000, NULL, NULL, 10, 'x', 'x'),"
  " ('w4', 2, '2025-01-01', 'worker_survey', NULL, 300, 400, 100, 'x', 'x'),"
  " ('w5', 3, '2025-01-01', 'employer', 50, NULL, NULL, NULL, 'x', 'x'),"
  " ('w6', 5, '2025-01-01', 'employer', 0, NULL, NULL, 0, 'x', 'x'),"
  " ('w7', 6, '2025-01-01', 'public', 2000, NULL, NULL, 1000, 'x', 'x');"
  "INSERT INTO investigations (uuid, site_id, trigger, start_date, status, created_at,"
  "                            updated_at) VALUES"
  " ('i1', 1, 'risk_assessment', '2024-02-01', 'closed', 'x', 'x'),"
  " ('i2', 1, 'follow_up', '2025-03-01', 'ongoing', 'x', 'x'),"
  " ('i3', 6, 'worker_complaint', '2026-01-10', 'ongoing', 'x', 'x'),"
  " ('i4', 3, 'leverage_priority', '2023-05-05', 'closed', 'x', 'x');"
  "INSERT INTO findings (uuid, site_id, title, severity, status, first_observed,"
  "                      created_at, updated_at) VALUES"
  " ('f1', 1, 'Retained passports', 'critical', 'open', '2025-03-02', 'x', 'x'),"
  " ('f2', 1, 'Excessive overtime', 'major', 'open', '2025-03-02', 'x', 'x'),"
  " ('f3', 1, 'Missing exits', 'minor', 'closed', '2024-02-02', 'x', 'x'),"
  " ('f4', 3, 'Recruitment fees', 'critical', 'closed', '2023-05-06', 'x', 'x'),"
  " ('f5', 3, 'Unpaid overtime', 'major', 'progress_made', '2023-05-06', 'x', 'x'),"
  " ('f6', 6, 'Child labour', 'critical', 'disputed', '2026-01-11', 'x', 'x'),"
  " ('f7', 2, 'Dormitory crowding', 'observation', 'open', '2025-02-01', 'x', 'x');";

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gboolean ok;

  fx->dir = g_dir_make_tmp ("vigie-site-list-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fx->dir, "test.db", NULL);
  fx->store = vigie_store_open (path, &error);
  g_assert_no_error (error);
  ok = vigie_store_exec (fx->store, fixture_sql, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  fx->list = vigie_site_list_new (fx->store);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "test.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_clear_object (&fx->list);
  g_clear_object (&fx->store);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (fx->dir);
  g_free (fx->dir);
}

/* "1,2,3": the ids of the list in order. */
static char *
list_ids (VigieSiteList *list)
{
  GString *out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VigieSiteRow) row = g_list_model_get_item (G_LIST_MODEL (list), i);

      /* The id array and the rows agree. */
      g_assert_cmpint (vigie_site_row_get_id (row), ==, vigie_site_list_get_id (list, i));
      g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                              vigie_site_row_get_id (row));
    }
  return g_string_free (out, FALSE);
}

static void
assert_query (Fixture        *fx,
              VigieSiteQuery *query,
              const char     *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;

  g_assert_true (vigie_site_list_set_query (fx->list, query, &error));
  g_assert_no_error (error);
  ids = list_ids (fx->list);
  g_assert_cmpstr (ids, ==, expected);
}

static void
test_sorts (Fixture       *fx,
            gconstpointer  data)
{
  static const struct
  {
    VigieSiteSort sort;
    gboolean      descending;
    const char   *expected;
  } cases[] = {
    { VIGIE_SITE_SORT_NAME, FALSE, "1,2,4,5,3,6" },
    { VIGIE_SITE_SORT_NAME, TRUE, "6,3,5,4,2,1" },
    /* Brazil, China (Alpha, Delta), Mexico, Thailand, Viet Nam. */
    { VIGIE_SITE_SORT_COUNTRY, FALSE, "6,1,4,3,5,2" },
    { VIGIE_SITE_SORT_COUNTRY, TRUE, "2,5,3,1,4,6" },
    /* Component manufacturing, Final product assembly, Warehousing. */
    { VIGIE_SITE_SORT_LOCATION_TYPE, FALSE, "1,6,2,4,3,5" },
    /* Cables, Displays, Laptops, Printed circuit boards…, Servers…, then none. */
    { VIGIE_SITE_SORT_PRODUCTS, FALSE, "6,4,2,1,3,5" },
    { VIGIE_SITE_SORT_PRODUCTS, TRUE, "3,1,2,4,6,5" },
    /* 0, 50, 400 (range max), 1,200 (newest snapshot), 2,000, unknown last. */
    { VIGIE_SITE_SORT_WORKFORCE, FALSE, "5,3,2,1,6,4" },
    { VIGIE_SITE_SORT_WORKFORCE, TRUE, "6,1,2,3,5,4" },
    /* 25 %, 50 %, 75 %, then the unknowns by name (Delta, epsilon, Gamma). */
    { VIGIE_SITE_SORT_WOMEN, FALSE, "2,6,1,4,5,3" },
    { VIGIE_SITE_SORT_WOMEN, TRUE, "1,6,2,4,5,3" },
    { VIGIE_SITE_SORT_OPEN_FINDINGS, FALSE, "4,5,2,3,6,1" },
    { VIGIE_SITE_SORT_OPEN_FINDINGS, TRUE, "1,2,3,6,4,5" },
    { VIGIE_SITE_SORT_LAST_INVESTIGATION, FALSE, "3,1,6,2,4,5" },
    { VIGIE_SITE_SORT_LAST_INVESTIGATION, TRUE, "6,1,3,2,4,5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(VigieSiteQuery) query = vigie_site_query_new ();

      g_test_message ("sort %d descending %d", cases[i].sort, cases[i].descending);
      query->sort = cases[i].sort;
      query->descending = cases[i].descending;
      assert_query (fx, query, cases[i].expected);
    }
}

static void
test_filters (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(VigieSiteQuery) query = vigie_site_query_new ();

  query->country = g_strdup ("CN");
  assert_query (fx, query, "1,4");

  g_clear_pointer (&query->country, g_free);
  query->location_type = g_strdup ("final_assembly");
  assert_query (fx, query, "2,4,3");

  g_clear_pointer (&query->location_type, g_free);
  /* Site 1 (open critical), site 6 (disputed critical); site 3's critical is closed. */
  query->only_open_critical = TRUE;
  assert_query (fx, query, "1,6");

  query->country = g_strdup ("CN");
  assert_query (fx, query, "1");

  query->only_open_critical = FALSE;
  query->location_type = g_strdup ("final_assembly");
  assert_query (fx, query, "4");

  g_free (query->country);
  query->country = g_strdup ("DE");
  assert_query (fx, query, "");

  /* An empty string is "every country". */
  g_free (query->country);
  query->country = g_strdup ("");
  g_clear_pointer (&query->location_type, g_free);
  query->sort = VIGIE_SITE_SORT_WORKFORCE;
  query->descending = TRUE;
  assert_query (fx, query, "6,1,2,3,5,4");
}

static void
test_search (Fixture       *fx,
             gconstpointer  data)
{
  static const struct
  {
    const char *text;
    const char *expected;
  } cases[] = {
    { "alpha", "1" },
    { "ALP", "1" },                    /* prefix, any case */
    { "beta", "2" },                   /* accent typed without it */
    { "béta", "2" },
    { "sao paulo", "6" },
    { "São", "6" },
    { "jundiai", "6" },                /* address, accent folded */
    { "阿尔法", "1" },                   /* native-script name, prefix */
    { "\"", "1,2,4,5,3,6" },           /* nothing to search for: every site */
    { "*", "1,2,4,5,3,6" },
    { "\"quoted", "3" },
    { "quoted\"", "3" },
    { "(plant", "3" },
    { "-2", "3" },
    { "works -plant", "3" },           /* '-' is no NOT operator */
    { "gamma OR alpha", "" },          /* OR is a word, not an operator */
    { "NEAR(alpha", "" },
    { "displays AND", "" },
    { "a", "1,2,5" },                  /* Alpha, Bao'an; Assembly; Ayutthaya */
    { "zzz", "" },
    { "", "1,2,4,5,3,6" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(VigieSiteQuery) query = vigie_site_query_new ();

      g_test_message ("search «%s»", cases[i].text);
      query->search = g_strdup (cases[i].text);
      assert_query (fx, query, cases[i].expected);
    }
}

static void
test_search_combined (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(VigieSiteQuery) query = vigie_site_query_new ();

  /* "a" matches Alpha (CN), Béta Assembly (VN); CN keeps Alpha only. */
  query->search = g_strdup ("a");
  query->country = g_strdup ("CN");
  assert_query (fx, query, "1");

  g_free (query->search);
  query->search = g_strdup ("d");  /* Delta Displays, Bao'an District */
  assert_query (fx, query, "1,4");
  query->only_open_critical = TRUE;
  assert_query (fx, query, "1");

  g_clear_pointer (&query->country, g_free);
  query->only_open_critical = FALSE;
  g_free (query->search);
  query->search = g_strdup ("p");  /* Paulo, Plant, passports is a finding: not searched */
  query->sort = VIGIE_SITE_SORT_WORKFORCE;
  assert_query (fx, query, "3,6");
}

static void
test_build_match (void)
{
  static const struct
  {
    const char *text;
    const char *expected;
  } cases[] = {
    { "São \"Paulo", "\"São\"* \"Paulo\"*" },
    { "  alpha  ", "\"alpha\"*" },
    { "a*b", "\"a\"* \"b\"*" },
    { "x OR y", "\"x\"* \"OR\"* \"y\"*" },
    { "(-)\"*", NULL },
    { "", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *match = vigie_site_query_build_match (cases[i].text);

      g_assert_cmpstr (match, ==, cases[i].expected);
    }
}

static void
test_rows (Fixture       *fx,
           gconstpointer  data)
{
  g_autoptr(VigieSiteQuery) query = vigie_site_query_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieSiteRow) alpha = NULL;
  g_autoptr(VigieSiteRow) beta = NULL;
  g_autoptr(VigieSiteRow) delta = NULL;
  g_autoptr(VigieSiteRow) epsilon = NULL;
  g_autoptr(VigieSiteRow) gamma = NULL;
  g_autoptr(VigieSiteRow) sao = NULL;
  g_autofree char *name = NULL;
  gint64 workforce = 0;
  double women = 0;

  g_assert_true (vigie_site_list_set_query (fx->list, query, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fx->list)), ==, 6);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (fx->list)) == VIGIE_TYPE_SITE_ROW);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (fx->list), 6));

  alpha = g_list_model_get_item (G_LIST_MODEL (fx->list), 0);
  g_assert_cmpstr (vigie_site_row_get_name (alpha), ==, "Alpha Electronics");
  g_assert_cmpstr (vigie_site_row_get_native_name (alpha), ==, "阿尔法电子");
  g_assert_cmpstr (vigie_site_row_get_country (alpha), ==, "CN");
  g_assert_cmpstr (vigie_site_row_get_country_label (alpha), ==, "China");
  g_assert_cmpstr (vigie_site_row_get_location_type (alpha), ==, "component_manufacturing");
  g_assert_cmpstr (vigie_site_row_get_location_type_label (alpha), ==,
                   "Component manufacturing");
  g_assert_cmpstr (vigie_site_row_get_products_label (alpha), ==,
                   "Printed circuit boards, Semiconductors");
  /* The newest snapshot (2025-06-01), not the largest nor the first. */
  g_assert_cmpint (vigie_site_row_get_workforce (alpha), ==, 1200);
  g_assert_cmpfloat_with_epsilon (vigie_site_row_get_women_percent (alpha), 75.0, 1e-9);
  g_assert_cmpint (vigie_site_row_get_open_findings (alpha), ==, 2);
  g_assert_cmpint (vigie_site_row_get_open_critical (alpha), ==, 1);
  g_assert_cmpstr (vigie_site_row_get_last_investigation (alpha), ==, "2025-03-01");
  g_assert_false (vigie_site_row_get_closed (alpha));

  /* Properties carry the same values (the .ui binds them). */
  g_object_get (alpha, "name", &name, "workforce", &workforce, "women-percent", &women,
                NULL);
  g_assert_cmpstr (name, ==, "Alpha Electronics");
  g_assert_cmpint (workforce, ==, 1200);
  g_assert_cmpfloat_with_epsilon (women, 75.0, 1e-9);

  beta = g_list_model_get_item (G_LIST_MODEL (fx->list), 1);
  g_assert_cmpint (vigie_site_row_get_workforce (beta), ==, 400);
  g_assert_cmpfloat_with_epsilon (vigie_site_row_get_women_percent (beta), 25.0, 1e-9);
  g_assert_cmpint (vigie_site_row_get_open_findings (beta), ==, 1);
  g_assert_cmpint (vigie_site_row_get_open_critical (beta), ==, 0);
  g_assert_cmpstr (vigie_site_row_get_last_investigation (beta), ==, "");

  delta = g_list_model_get_item (G_LIST_MODEL (fx->list), 2);
  g_assert_cmpint (vigie_site_row_get_workforce (delta), ==, -1);
  g_assert_cmpfloat (vigie_site_row_get_women_percent (delta), <, 0);
  g_assert_cmpint (vigie_site_row_get_open_findings (delta), ==, 0);
  g_assert_true (vigie_site_row_get_closed (delta));
  g_assert_cmpstr (vigie_site_row_get_products_label (delta), ==, "Displays");

  epsilon = g_list_model_get_item (G_LIST_MODEL (fx->list), 3);
  g_assert_cmpint (vigie_site_row_get_workforce (epsilon), ==, 0);
  g_assert_cmpfloat (vigie_site_row_get_women_percent (epsilon), <, 0);
  g_assert_cmpstr (vigie_site_row_get_products_label (epsilon), ==, "");
  g_assert_cmpstr (vigie_site_row_get_location_type_label (epsilon), ==, "Warehousing");

  gamma = g_list_model_get_item (G_LIST_MODEL (fx->list), 4);
  g_assert_cmpint (vigie_site_row_get_workforce (gamma), ==, 50);
  g_assert_cmpfloat (vigie_site_row_get_women_percent (gamma), <, 0);
  /* A closed critical finding and one in progress: one open, none critical. */
  g_assert_cmpint (vigie_site_row_get_open_findings (gamma), ==, 1);
  g_assert_cmpint (vigie_site_row_get_open_critical (gamma), ==, 0);

  sao = g_list_model_get_item (G_LIST_MODEL (fx->list), 5);
  g_assert_cmpint (vigie_site_row_get_open_critical (sao), ==, 1);
  g_assert_cmpfloat_with_epsilon (vigie_site_row_get_women_percent (sao), 50.0, 1e-9);
  g_assert_cmpstr (vigie_site_row_get_country_label (sao), ==, "Brazil");
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  GArray *changes = user_data;
  guint change[3] = { position, removed, added };

  g_array_append_vals (changes, change, 3);
}

static void
test_items_changed (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(VigieSiteQuery) query = vigie_site_query_new ();
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieSiteRow) before = NULL;
  g_autoptr(VigieSiteRow) after = NULL;

  g_signal_connect (fx->list, "items-changed", G_CALLBACK (count_changes_cb), changes);

  /* Filling an empty list: one emission. */
  g_assert_true (vigie_site_list_set_query (fx->list, query, &error));
  g_assert_cmpuint (changes->len, ==, 3);
  g_assert_cmpuint (g_array_index (changes, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (changes, guint, 1), ==, 0);
  g_assert_cmpuint (g_array_index (changes, guint, 2), ==, 6);

  /* Replacing every row: a removal, then an insertion (a GTK 4.8 list view would look
   * for the rows it tracks among every row of a single emission). */
  query->country = g_strdup ("CN");
  g_assert_true (vigie_site_list_set_query (fx->list, query, &error));
  g_assert_cmpuint (changes->len, ==, 9);
  g_assert_cmpuint (g_array_index (changes, guint, 3), ==, 0);
  g_assert_cmpuint (g_array_index (changes, guint, 4), ==, 6);
  g_assert_cmpuint (g_array_index (changes, guint, 5), ==, 0);
  g_assert_cmpuint (g_array_index (changes, guint, 6), ==, 0);
  g_assert_cmpuint (g_array_index (changes, guint, 7), ==, 0);
  g_assert_cmpuint (g_array_index (changes, guint, 8), ==, 2);
  g_assert_true (vigie_site_query_equal (vigie_site_list_get_query (fx->list), query));

  /* A row edited in the store: refresh_id re-emits its position and rebuilds it. */
  before = g_list_model_get_item (G_LIST_MODEL (fx->list), 1);
  g_assert_cmpstr (vigie_site_row_get_name (before), ==, "Delta Displays");
  g_assert_true (vigie_store_exec (fx->store,
                                   "UPDATE sites SET name = 'Delta Panels' WHERE id = 4",
                                   &error));
  vigie_site_list_refresh_id (fx->list, 4);
  g_assert_cmpuint (changes->len, ==, 12);
  g_assert_cmpuint (g_array_index (changes, guint, 9), ==, 1);
  g_assert_cmpuint (g_array_index (changes, guint, 10), ==, 1);
  g_assert_cmpuint (g_array_index (changes, guint, 11), ==, 1);
  after = g_list_model_get_item (G_LIST_MODEL (fx->list), 1);
  g_assert_cmpstr (vigie_site_row_get_name (after), ==, "Delta Panels");
  /* The old row object is immutable. */
  g_assert_cmpstr (vigie_site_row_get_name (before), ==, "Delta Displays");

  /* A site not listed: nothing emitted. */
  vigie_site_list_refresh_id (fx->list, 6);
  g_assert_cmpuint (changes->len, ==, 12);

  g_assert_cmpuint (vigie_site_list_find_position (fx->list, 4), ==, 1);
  g_assert_cmpuint (vigie_site_list_find_position (fx->list, 1), ==, 0);
  g_assert_cmpuint (vigie_site_list_find_position (fx->list, 6), ==, G_MAXUINT);
}

static void
test_hidden (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(VigieSiteQuery) query = vigie_site_query_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *ids1 = NULL;
  g_autofree char *ids2 = NULL;
  g_autofree char *ids3 = NULL;

  g_assert_true (vigie_site_list_set_query (fx->list, query, &error));
  vigie_site_list_hide_id (fx->list, 4);
  g_assert_true (vigie_site_list_is_hidden (fx->list, 4));
  ids1 = list_ids (fx->list);
  g_assert_cmpstr (ids1, ==, "1,2,5,3,6");

  /* Hidden whatever the query. */
  query->country = g_strdup ("CN");
  assert_query (fx, query, "1");

  g_clear_pointer (&query->country, g_free);
  g_assert_true (vigie_site_list_set_query (fx->list, query, &error));
  ids2 = list_ids (fx->list);
  g_assert_cmpstr (ids2, ==, "1,2,5,3,6");

  vigie_site_list_unhide_id (fx->list, 4);
  g_assert_false (vigie_site_list_is_hidden (fx->list, 4));
  /* Back with the next reload. */
  g_assert_true (vigie_site_list_reload (fx->list, &error));
  g_assert_no_error (error);
  ids3 = list_ids (fx->list);
  g_assert_cmpstr (ids3, ==, "1,2,4,5,3,6");
}

typedef struct
{
  Fixture *fx;
  int      pending;
  int      applied;
  int      dropped;
} AsyncState;

static void
query_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncState *state = user_data;
  g_autoptr(GError) error = NULL;

  if (vigie_site_list_set_query_finish (VIGIE_SITE_LIST (source), result, &error))
    state->applied++;
  else
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      state->dropped++;
    }
  state->pending--;
}

static void
test_async (Fixture       *fx,
            gconstpointer  data)
{
  static const char *const searches[] = { "a", "al", "alp", "gam", "gamma" };
  AsyncState state = { fx, 0, 0, 0 };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *ids = NULL;

  /* Typing: each key press starts a query; only the last one is applied. */
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autoptr(VigieSiteQuery) query = vigie_site_query_new ();

      query->search = g_strdup (searches[i]);
      state.pending++;
      vigie_site_list_set_query_async (fx->list, query, NULL, query_done_cb, &state);
    }
  while (state.pending > 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (state.applied, ==, 1);
  g_assert_cmpint (state.dropped, ==, 4);
  ids = list_ids (fx->list);
  g_assert_cmpstr (ids, ==, "3");
  g_assert_cmpstr (vigie_site_list_get_query (fx->list)->search, ==, "gamma");

  /* A cancelled request is dropped and changes nothing. */
  {
    g_autoptr(VigieSiteQuery) query = vigie_site_query_new ();
    g_autofree char *ids_after = NULL;

    g_cancellable_cancel (cancellable);
    state.pending = 1;
    state.applied = state.dropped = 0;
    vigie_site_list_set_query_async (fx->list, query, cancellable, query_done_cb, &state);
    while (state.pending > 0)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpint (state.dropped, ==, 1);
    ids_after = list_ids (fx->list);
    g_assert_cmpstr (ids_after, ==, "3");
  }
}

static void
test_countries_in_use (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) counts = vigie_site_list_countries_in_use (fx->store, &error);
  static const char *const codes[] = { "BR", "CN", "MX", "TH", "VN" };
  static const gint64 n[] = { 1, 2, 1, 1, 1 };

  g_assert_no_error (error);
  g_assert_cmpuint (counts->len, ==, G_N_ELEMENTS (codes));
  for (guint i = 0; i < counts->len; i++)
    {
      VigieCountryCount *count = g_ptr_array_index (counts, i);

      g_assert_cmpstr (count->code, ==, codes[i]);
      g_assert_cmpint (count->n_sites, ==, n[i]);
    }
  g_assert_cmpstr (((VigieCountryCount *) g_ptr_array_index (counts, 1))->label, ==, "China");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/site-list/sorts", test_sorts);
  ADD ("/site-list/filters", test_filters);
  ADD ("/site-list/search", test_search);
  ADD ("/site-list/search-combined", test_search_combined);
  g_test_add_func ("/site-list/build-match", test_build_match);
  ADD ("/site-list/rows", test_rows);
  ADD ("/site-list/items-changed", test_items_changed);
  ADD ("/site-list/hidden", test_hidden);
  ADD ("/site-list/async", test_async);
  ADD ("/site-list/countries-in-use", test_countries_in_use);

  return g_test_run ();
}

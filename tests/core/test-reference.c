/* test-reference.c — the reference tables loaded into a new store, country matching and
 * labels, the TSV parser's errors, and the generated string file being up to date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "vigie-reference.h"
#include "vigie-store-private.h"

typedef struct
{
  char       *dir;
  VigieStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("vigie-reference-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "vigie.db", NULL);
  fixture->store = vigie_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "vigie.db", NULL);
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  g_clear_object (&fixture->store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static gint64
int_query (VigieStore *store,
           const char *sql)
{
  sqlite3_stmt *stmt = vigie_store_prepare (store, sql, NULL);
  gint64 v;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  v = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return v;
}

/* The row of a one-row query joined with '|' (NULL as "∅"). */
static char *
row_query (VigieStore *store,
           const char *sql)
{
  sqlite3_stmt *stmt = vigie_store_prepare (store, sql, NULL);
  GString *out = g_string_new (NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    {
      const char *v = (const char *) sqlite3_column_text (stmt, i);

      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append (out, v != NULL ? v : "∅");
    }
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
  return g_string_free (out, FALSE);
}

static void
assert_row (VigieStore *store,
            const char *sql,
            const char *expected)
{
  g_autofree char *row = row_query (store, sql);

  g_assert_cmpstr (row, ==, expected);
}

static void
test_counts (Fixture       *fixture,
             gconstpointer  data)
{
  VigieStore *store = fixture->store;

  g_assert_cmpint (vigie_store_count (store, "countries"), ==, 249);
  g_assert_cmpint (vigie_store_count (store, "fl_indicators"), ==, 11);
  g_assert_cmpint (vigie_store_count (store, "ilo_conventions"), ==, 19);
  g_assert_cmpint (vigie_store_count (store, "code_standards"), ==, 2);
  g_assert_cmpint (int_query (store, "SELECT count(*) FROM countries WHERE region = ''"), ==, 0);
  g_assert_cmpint (int_query (store, "SELECT count(*) FROM ilo_conventions "
                                     "WHERE fundamental = 1"), ==, 11);
  /* the ILO order */
  assert_row (store, "SELECT group_concat (code, ',') FROM (SELECT code FROM fl_indicators "
                     "ORDER BY sort_order)",
              "abuse_of_vulnerability,deception,restriction_of_movement,isolation,"
              "physical_sexual_violence,intimidation_threats,retention_of_documents,"
              "withholding_of_wages,debt_bondage,abusive_conditions,excessive_overtime");
  assert_row (store, "SELECT name, region FROM countries WHERE code = 'CN'",
              "China|Eastern Asia");
  assert_row (store, "SELECT name, region FROM countries WHERE code = 'VN'",
              "Vietnam|South-eastern Asia");
  assert_row (store, "SELECT title, year, fundamental FROM ilo_conventions WHERE code = 'P029'",
              "Protocol of 2014 to the Forced Labour Convention|2014|1");
  assert_row (store, "SELECT title, year, fundamental FROM ilo_conventions WHERE code = 'C190'",
              "Violence and Harassment Convention|2019|0");
}

static void
test_hazards (Fixture       *fixture,
              gconstpointer  data)
{
  VigieStore *store = fixture->store;
#define HAZARD_SQL "SELECT kind, hazard_class, category, pictogram, signal_word, deleted, " \
                   "text FROM hazard_statements WHERE code = '%s'"
  struct { const char *code, *row; } cases[] = {
    { "H300", "health|Acute toxicity, oral|1, 2|GHS06|danger|0|Fatal if swallowed" },
    { "H302", "health|Acute toxicity, oral|4|GHS07|warning|0|Harmful if swallowed" },
    { "H350", "health|Carcinogenicity|1, 1A, 1B|GHS08|danger|0|May cause cancer" },
    { "H351", "health|Carcinogenicity|2|GHS08|warning|0|Suspected of causing cancer" },
    { "H225", "physical|Flammable liquids|2|GHS02|danger|0|Highly flammable liquid and vapour" },
    { "H400", "environmental|Hazardous to the aquatic environment, acute|1|GHS09|warning|0|"
              "Very toxic to aquatic life" },
    { "H314", "health|Skin corrosion/irritation|1, 1A, 1B, 1C|GHS05|danger|0|"
              "Causes severe skin burns and eye damage" },
    { "H201", "physical|Explosives|Division 1.1|GHS01|danger|1|"
              "Explosive; mass explosion hazard" },
    { "H362", "health|Reproductive toxicity (effects on or via lactation)|"
              "Additional category|∅|∅|0|May cause harm to breast-fed children" },
    { "EUH066", "euh|Supplemental hazard information (health properties)||∅|∅|0|"
                "Repeated exposure may cause skin dryness or cracking" },
  };
  const char *codes[] = { "H350i", "H360F", "H360D", "H360FD", "H360Fd", "H360Df", "H361f",
                          "H361d", "H361fd", "H362", "H229", "H230", "H231", "H232", "H240",
                          "H241", "H242", "H290", "H420", "EUH014", "EUH201A", "EUH209A",
                          "EUH380", "EUH451", "EUH401" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *query = g_strdup_printf (HAZARD_SQL, cases[i].code);

      g_test_message ("hazard statement %s", cases[i].code);
      assert_row (store, query, cases[i].row);
      g_assert_true (vigie_reference_is_hazard_code (cases[i].code));
    }
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autofree char *query = g_strdup_printf ("SELECT count(*) FROM hazard_statements "
                                                "WHERE code = '%s'", codes[i]);

      g_assert_cmpint (int_query (store, query), ==, 1);
    }

  /* the whole numeric GHS range: H220-H232, H240-H242, H250-H290, H300-H373, H400-H420 */
  g_assert_cmpint (int_query (store, "SELECT count(*) FROM hazard_statements "
                                     "WHERE code GLOB 'H2[2-3][0-9]'"), ==, 13);
  g_assert_cmpint (int_query (store, "SELECT count(*) FROM hazard_statements "
                                     "WHERE code GLOB 'H[3][0-7][0-9]'"), ==, 35);
  g_assert_cmpint (int_query (store, "SELECT count(*) FROM hazard_statements "
                                     "WHERE code GLOB 'H4[0-2][0-9]'"), ==, 8);
  g_assert_cmpint (int_query (store, "SELECT count(*) FROM hazard_statements "
                                     "WHERE kind = 'euh'"), ==, 33);
  g_assert_cmpint (int_query (store, "SELECT count(*) FROM hazard_statements "
                                     "WHERE deleted = 1"), ==, 5);
  /* every physical, health or environmental statement has a class and a category */
  g_assert_cmpint (int_query (store, "SELECT count(*) FROM hazard_statements WHERE kind <> "
                                     "'euh' AND (hazard_class = '' OR category = '')"), ==, 0);
  /* kinds follow the code's first digit */
  g_assert_cmpint (int_query (store, "SELECT count(*) FROM hazard_statements WHERE "
                                     "(code GLOB 'H2*' AND kind <> 'physical') OR "
                                     "(code GLOB 'H3*' AND kind <> 'health') OR "
                                     "(code GLOB 'H4*' AND kind <> 'environmental') OR "
                                     "(code GLOB 'EUH*' AND kind <> 'euh')"), ==, 0);
  /* a danger signal word comes with a pictogram, except where the GHS says otherwise */
  g_assert_cmpint (int_query (store, "SELECT count(*) FROM hazard_statements WHERE "
                                     "pictogram IS NOT NULL AND kind = 'euh'"), ==, 0);
}

static void
test_standards (Fixture       *fixture,
                gconstpointer  data)
{
  VigieStore *store = fixture->store;

  assert_row (store, "SELECT title, to_verify FROM code_standards "
                     "WHERE code = 'vigie' AND version = '2026'",
              "Labour rights themes of the monitoring organisation|1");
  assert_row (store, "SELECT to_verify FROM code_standards WHERE code = 'rba' "
                     "AND version = '8.0'", "0");
  /* RBA sections A..E and their clause counts */
  assert_row (store, "SELECT group_concat (key || ':' || n, ',') FROM (SELECT p.key, "
                     "(SELECT count(*) FROM standards c WHERE c.code_id = p.code_id "
                     "AND c.parent_key = p.key) AS n FROM standards p "
                     "JOIN code_standards cs ON cs.id = p.code_id WHERE cs.code = 'rba' "
                     "AND p.parent_key IS NULL ORDER BY p.sort_order)",
              "A:7,B:8,C:8,D:7,E:12");
  assert_row (store, "SELECT s.title, s.parent_key FROM standards s JOIN code_standards c "
                     "ON c.id = s.code_id WHERE c.code = 'rba' AND s.key = 'A1'",
              "Freely Chosen Employment|A");
  assert_row (store, "SELECT s.title FROM standards s JOIN code_standards c "
                     "ON c.id = s.code_id WHERE c.code = 'rba' AND s.key = 'B7'",
              "Food, Sanitation and Housing");
  /* themes and sub-themes */
  assert_row (store, "SELECT group_concat (key, ',') FROM (SELECT s.key FROM standards s "
                     "JOIN code_standards c ON c.id = s.code_id WHERE c.code = 'vigie' "
                     "AND s.parent_key = 'forced_labour' ORDER BY s.sort_order)",
              "recruitment_fees,document_retention,freedom_of_movement");
  assert_row (store, "SELECT s.parent_key FROM standards s JOIN code_standards c "
                     "ON c.id = s.code_id WHERE c.code = 'vigie' AND s.key = 'chemicals'",
              "health_safety");
  g_assert_cmpint (int_query (store, "SELECT count(*) FROM standards s JOIN code_standards c "
                                     "ON c.id = s.code_id WHERE c.code = 'vigie'"), ==, 22);

  /* mappings, both ways */
  {
#define MAPPED_SQL \
      "SELECT group_concat (key, ',') FROM (SELECT b.key FROM standard_mappings m " \
      "JOIN standards a ON a.id = m.standard_id JOIN standards b ON b.id = m.mapped_id " \
      "WHERE a.key = '%s' ORDER BY b.sort_order, b.key)"
    struct { const char *key, *mapped; } cases[] = {
      { "forced_labour", "A1" },
      { "working_hours", "A3" },
      { "freedom_of_association", "A7" },
      { "health_safety", "B1,B2,B3,B4,B5,B6,B7,B8" },
      { "chemicals", "B4,C3,C6" },
      { "A2", "child_labour,young_workers,students_interns" },
      { "A5", "violence_harassment,gender_based_violence" },
      { "B4", "health_safety,chemicals" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *query = g_strdup_printf (MAPPED_SQL, cases[i].key);

        assert_row (store, query, cases[i].mapped);
      }
    g_assert_cmpint (int_query (store, "SELECT count(*) FROM standard_mappings m WHERE NOT "
                                       "EXISTS (SELECT 1 FROM standard_mappings r WHERE "
                                       "r.standard_id = m.mapped_id AND "
                                       "r.mapped_id = m.standard_id)"), ==, 0);
  }
}

static void
test_reload (Fixture       *fixture,
             gconstpointer  data)
{
  VigieStore *store = fixture->store;
  sqlite3 *db = vigie_store_get_db (store);
  g_autoptr(GError) error = NULL;
  gint64 mappings = vigie_store_count (store, "standard_mappings");
  gint64 standard_id = int_query (store, "SELECT id FROM standards WHERE key = 'A1'");

  g_assert_cmpint (mappings, >, 30);

  /* damage a few rows as a later version's data would differ, then reload */
  g_assert_true (vigie_store_exec (store,
                                   "UPDATE countries SET name = 'X', region = 'Y' WHERE code = 'FR';"
                                   "UPDATE hazard_statements SET text = 'old', pictogram = NULL "
                                   "WHERE code = 'H300';"
                                   "UPDATE fl_indicators SET sort_order = 99 WHERE code = 'deception';",
                                   &error));
  g_assert_no_error (error);

  for (int pass = 0; pass < 2; pass++)
    {
      g_assert_true (vigie_reference_load (db, &error));
      g_assert_no_error (error);
    }

  g_assert_cmpint (vigie_store_count (store, "countries"), ==, 249);
  g_assert_cmpint (vigie_store_count (store, "fl_indicators"), ==, 11);
  g_assert_cmpint (vigie_store_count (store, "code_standards"), ==, 2);
  g_assert_cmpint (vigie_store_count (store, "standard_mappings"), ==, mappings);
  g_assert_cmpint (vigie_store_count (store, "hazard_statements"), ==, 127);
  /* ids are kept, so findings keep their links */
  g_assert_cmpint (int_query (store, "SELECT id FROM standards WHERE key = 'A1'"), ==,
                   standard_id);
  assert_row (store, "SELECT name, region FROM countries WHERE code = 'FR'",
              "France|Western Europe");
  assert_row (store, "SELECT text, pictogram FROM hazard_statements WHERE code = 'H300'",
              "Fatal if swallowed|GHS06");
  assert_row (store, "SELECT sort_order FROM fl_indicators WHERE code = 'deception'", "2");
}

static void
test_match_country (Fixture       *fixture,
                    gconstpointer  data)
{
  struct { const char *text, *code; } cases[] = {
    { "CN", "CN" }, { "cn", "CN" }, { " Cn ", "CN" }, { "CHINA", "CN" }, { " china ", "CN" },
    { "China", "CN" }, { "Viet Nam", "VN" }, { "Vietnam", "VN" }, { "VIETNAM", "VN" },
    { "Türkiye", "TR" }, { "Turkiye", "TR" }, { "Turkey", "TR" }, { "South Korea", "KR" },
    { "Korea, Republic of", "KR" }, { "Korea", "KR" }, { "north korea", "KP" },
    { "Taiwan", "TW" }, { "Taiwan, Province of China", "TW" }, { "Russia", "RU" },
    { "Czech Republic", "CZ" }, { "Czechia", "CZ" }, { "UK", "GB" }, { "United Kingdom", "GB" },
    { "USA", "US" }, { "United States of America", "US" }, { "united states", "US" },
    { "Hong Kong", "HK" }, { "Macau", "MO" }, { "Ivory Coast", "CI" },
    { "Côte d'Ivoire", "CI" }, { "COTE D IVOIRE", "CI" }, { "Brunei", "BN" },
    { "Cape Verde", "CV" }, { "Micronesia", "FM" }, { "Palestine", "PS" }, { "Laos", "LA" },
    { "Bolivia", "BO" }, { "Tanzania", "TZ" }, { "Venezuela", "VE" }, { "Moldova", "MD" },
    { "Syria", "SY" }, { "Iran", "IR" }, { "Malaysia", "MY" }, { "THAILAND", "TH" },
    { "Mexico", "MX" }, { "Philippines", "PH" }, { "India", "IN" }, { "Hungary", "HU" },
    { "CHN", "CN" }, { "vnm", "VN" }, { "Socialist Republic of Viet Nam", "VN" },
    { "Netherlands", "NL" }, { "the Netherlands", "NL" },
  };
  const char *unknown[] = { "", "   ", "Atlantis", "ZZ", "C", "Chin", "Republic", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *code = vigie_reference_match_country (fixture->store, cases[i].text);
      g_autofree char *code_no_store = vigie_reference_match_country (NULL, cases[i].text);

      g_test_message ("country “%s”", cases[i].text);
      g_assert_cmpstr (code, ==, cases[i].code);
      g_assert_cmpstr (code_no_store, ==, cases[i].code);
    }
  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      g_autofree char *code = vigie_reference_match_country (fixture->store, unknown[i]);

      g_assert_null (code);
    }

  /* with a store, the code must be in its countries table */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *code = NULL;

    g_assert_true (vigie_store_exec (fixture->store, "DELETE FROM countries WHERE code = 'AQ'",
                                     &error));
    g_assert_no_error (error);
    code = vigie_reference_match_country (fixture->store, "Antarctica");
    g_assert_null (code);
    g_clear_pointer (&code, g_free);
    code = vigie_reference_match_country (NULL, "Antarctica");
    g_assert_cmpstr (code, ==, "AQ");
  }
}

static void
test_country_labels (void)
{
  g_auto(GStrv) codes = vigie_reference_country_codes ();

  g_assert_cmpuint (g_strv_length (codes), ==, 249);
  g_assert_cmpstr (codes[0], ==, "AD");
  g_assert_cmpstr (codes[248], ==, "ZW");
  for (guint i = 1; codes[i] != NULL; i++)
    g_assert_cmpint (strcmp (codes[i - 1], codes[i]), <, 0);

  g_assert_cmpstr (vigie_reference_country_name ("KR"), ==, "South Korea");
  g_assert_cmpstr (vigie_reference_country_name ("TR"), ==, "Türkiye");
  g_assert_null (vigie_reference_country_name ("ZZ"));
  g_assert_null (vigie_reference_country_name (NULL));
  /* Under LANG=C.UTF-8 the label is the English name. */
  g_assert_cmpstr (vigie_reference_country_label ("VN"), ==, "Vietnam");
  g_assert_null (vigie_reference_country_label ("zz"));

  g_assert_cmpstr (vigie_reference_text ("May cause cancer"), ==, "May cause cancer");
  g_assert_cmpstr (vigie_reference_text (""), ==, "");
}

/* Country labels come from Debian's iso-codes catalogue (package iso-codes). */
static void
test_country_label_translated (void)
{
  const char *mo = "/usr/share/locale/fr/LC_MESSAGES/iso_3166-1.mo";

  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("iso-codes French catalogue not installed");
      return;
    }
  g_setenv ("LANGUAGE", "fr", TRUE);
  setlocale (LC_ALL, "");
  if (g_strcmp0 (setlocale (LC_MESSAGES, NULL), "C") == 0)
    {
      g_unsetenv ("LANGUAGE");
      g_test_skip ("LANGUAGE is ignored under the C locale (run with LANG=C.UTF-8)");
      return;
    }
  g_assert_cmpstr (vigie_reference_country_label ("DE"), ==, "Allemagne");
  g_assert_cmpstr (vigie_reference_country_label ("CN"), ==, "Chine");
  /* the English name stays the English name */
  g_assert_cmpstr (vigie_reference_country_name ("DE"), ==, "Germany");
  g_unsetenv ("LANGUAGE");
}

static void
test_parse_errors (void)
{
  const char * const columns[] = { "code", "name", "region", NULL };
  struct { const char *text; const char *message; } cases[] = {
    { "# only a comment\n", "countries.tsv: the column names are missing" },
    { "code\tname\n", "countries.tsv, line 1: expected the column names" },
    { "# c\n\ncode\tname\tregion\nFR\tFrance\n", "countries.tsv, line 4: 2 fields instead of 3" },
    { "code\tname\tregion\r\nFR\tFrance\tWestern Europe\r\nDE\tGermany\tWestern\tEurope\r\n",
      "countries.tsv, line 3: 4 fields instead of 3" },
    { "code\tname\tregion\nFR\tFr\xff\tX\n", "countries.tsv, line 2: the text is not valid UTF-8" },
  };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  const char *good = "# comment\ncode\tname\tregion\r\n\nFR\tFrance\tWestern Europe\r\n"
                     "# another\nCN\tChina\t\n";

  rows = vigie_reference_parse_tsv ("countries.tsv", good, strlen (good), columns, &lines,
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 0))[2], ==, "Western Europe");
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 1))[0], ==, "CN");
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 1))[2], ==, "");
  g_assert_cmpuint (g_array_index (lines, guint, 0), ==, 4);
  g_assert_cmpuint (g_array_index (lines, guint, 1), ==, 6);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) bad = NULL;
      g_autoptr(GError) bad_error = NULL;

      bad = vigie_reference_parse_tsv ("countries.tsv", cases[i].text, strlen (cases[i].text),
                                       columns, NULL, &bad_error);
      g_assert_null (bad);
      g_assert_error (bad_error, VIGIE_REFERENCE_ERROR, VIGIE_REFERENCE_ERROR_MALFORMED);
      g_test_message ("%s", bad_error->message);
      g_assert_true (g_str_has_prefix (bad_error->message, cases[i].message));
    }
}

static void
test_generated_strings (void)
{
  const char *root = g_getenv ("VIGIE_SOURCE_ROOT");
  g_autofree char *script = NULL;
  g_autofree char *committed_path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *committed = NULL;
  g_autofree char *generated = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (root == NULL || !g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("needs VIGIE_SOURCE_ROOT and /usr/bin/python3");
      return;
    }
  script = g_build_filename (root, "build-aux", "gen-reference-strings.py", NULL);
  committed_path = g_build_filename (root, "src", "core", "vigie-reference-strings.c", NULL);
  dir = g_dir_make_tmp ("vigie-strings-XXXXXX", &error);
  g_assert_no_error (error);
  out_path = g_build_filename (dir, "strings.c", NULL);

  {
    const char *argv[] = { "/usr/bin/python3", script, "--output", out_path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 NULL, &err, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, &error));
    g_assert_no_error (error);
  }

  g_assert_true (g_file_get_contents (committed_path, &committed, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out_path, &generated, NULL, &error));
  g_assert_no_error (error);
  if (g_strcmp0 (committed, generated) != 0)
    g_test_message ("src/core/vigie-reference-strings.c is out of date: run "
                    "build-aux/gen-reference-strings.py");
  g_assert_cmpstr (committed, ==, generated);

  /* real content: hazard texts, standard titles, indicators, conventions */
  g_assert_nonnull (strstr (generated, "/* Translators: GHS hazard statement H300 */\n"
                                       "  N_(\"Fatal if swallowed\"),"));
  g_assert_nonnull (strstr (generated, "N_(\"Freely Chosen Employment\")"));
  g_assert_nonnull (strstr (generated, "N_(\"Debt bondage\")"));
  g_assert_nonnull (strstr (generated, "N_(\"Worst Forms of Child Labour Convention\")"));
  g_assert_nonnull (strstr (generated, "N_(\"Repeated exposure may cause skin dryness or "
                                       "cracking\")"));

  g_remove (out_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/reference/counts", Fixture, NULL, fixture_set_up, test_counts,
              fixture_tear_down);
  g_test_add ("/reference/hazards", Fixture, NULL, fixture_set_up, test_hazards,
              fixture_tear_down);
  g_test_add ("/reference/standards", Fixture, NULL, fixture_set_up, test_standards,
              fixture_tear_down);
  g_test_add ("/reference/reload", Fixture, NULL, fixture_set_up, test_reload,
              fixture_tear_down);
  g_test_add ("/reference/match-country", Fixture, NULL, fixture_set_up, test_match_country,
              fixture_tear_down);
  g_test_add_func ("/reference/country-labels", test_country_labels);
  g_test_add_func ("/reference/parse-errors", test_parse_errors);
  g_test_add_func ("/reference/generated-strings", test_generated_strings);
  g_test_add_func ("/reference/country-label-translated", test_country_label_translated);

  return g_test_run ();
}

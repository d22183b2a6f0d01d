/* test-chemical.c — chemical inventories: CAS validation, the GHS hazard statement list,
 * combined codes, label elements, the substance reference, product CRUD and validation,
 * exposure measurements, and the hazard summary against a hand-computed fixture.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "vigie-chemical.h"
#include "vigie-store-private.h"
#include "vigie-validate.h"

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

  f->dir = g_dir_make_tmp ("vigie-chemical-XXXXXX", &error);
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
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *db = g_build_filename (f->dir, "test.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);

  g_clear_object (&f->store);
  g_unlink (db);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* ─── CAS numbers ────────────────────────────────────────────────────────── */

static void
test_cas_vectors (void)
{
  /* DOMAIN.md, then more real substances of electronics plants. */
  static const char * const valid[] = {
    "7732-18-5", "64-17-5", "71-43-2", "110-54-3", "108-88-3", "79-01-6", "7440-50-8",
    "67-64-1", "78-93-3", "1330-20-7", "7439-92-1", "7440-43-9", "50-00-0", "7664-39-3",
    "872-50-4", "22398-80-7", "1163-19-5",
  };
  static const char * const invalid[] = {
    "7732-18-4",      /* wrong check digit (DOMAIN.md) */
    "7732185",        /* no hyphens: checked as typed, never reformatted (DOMAIN.md) */
    "77-3-2",         /* too short a middle group (DOMAIN.md) */
    "71-43-3", "110-54-4", "108-88-8",
    "1-43-2",         /* first group of one digit */
    "12345678-12-3",  /* first group of eight digits */
    "7732-18-5a", "7732 18 5", "7732–18–5",  /* en dashes */
    "CAS 7732-18-5", "abc",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autofree char *cas = NULL;
      g_autofree char *reason = NULL;

      g_test_message ("valid: %s", valid[i]);
      g_assert_true (vigie_chemical_parse_cas (valid[i], &cas, &reason));
      g_assert_null (reason);
      g_assert_cmpstr (cas, ==, valid[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autofree char *cas = NULL;
      g_autofree char *reason = NULL;

      g_test_message ("invalid: %s", invalid[i]);
      g_assert_false (vigie_chemical_parse_cas (invalid[i], &cas, &reason));
      g_assert_null (cas);
      g_assert_nonnull (reason);
      g_assert_cmpuint (strlen (reason), >, 10);
    }

  /* Surrounding spaces are not part of the number. */
  {
    g_autofree char *cas = NULL;

    g_assert_true (vigie_chemical_parse_cas ("  71-43-2 ", &cas, NULL));
    g_assert_cmpstr (cas, ==, "71-43-2");
  }
  /* "No CAS" for mixtures: allowed, and gives no number. */
  {
    static const char * const none[] = { "", "none", "None", "no CAS", "n/a", "-", "  " };

    for (guint i = 0; i < G_N_ELEMENTS (none); i++)
      {
        char *cas = (char *) "sentinel";

        g_assert_true (vigie_chemical_parse_cas (none[i], &cas, NULL));
        g_assert_null (cas);
        g_assert_true (vigie_chemical_is_no_cas (none[i]));
      }
    g_assert_false (vigie_chemical_is_no_cas ("7732-18-5"));
    g_assert_false (vigie_chemical_is_no_cas ("nothing"));
  }
}

/* ─── GHS hazard statements ──────────────────────────────────────────────── */

/* Every H statement of the UN GHS (Rev. 10) with the pictogram and signal word of its most
 * severe category ("" = none), written out here from the GHS annex 3 independently of
 * data/reference/hazard-statements.tsv. */
static const struct { const char *code; const char *pictogram; const char *signal; } ghs[] = {
  { "H200", "GHS01", "danger" }, { "H201", "GHS01", "danger" }, { "H202", "GHS01", "danger" },
  { "H203", "GHS01", "danger" }, { "H204", "GHS01", "warning" }, { "H205", "", "danger" },
  { "H206", "GHS02", "danger" }, { "H207", "GHS02", "danger" }, { "H208", "GHS02", "warning" },
  { "H209", "GHS01", "danger" }, { "H210", "GHS01", "danger" }, { "H211", "GHS01", "danger" },
  { "H220", "GHS02", "danger" }, { "H221", "GHS02", "danger" }, { "H222", "GHS02", "danger" },
  { "H223", "GHS02", "warning" }, { "H224", "GHS02", "danger" }, { "H225", "GHS02", "danger" },
  { "H226", "GHS02", "warning" }, { "H227", "", "warning" }, { "H228", "GHS02", "danger" },
  { "H229", "", "warning" },
  /* Chemically unstable gases are always flammable gases: their label elements. */
  { "H230", "GHS02", "danger" }, { "H231", "GHS02", "danger" },
  { "H232", "GHS02", "danger" },
  { "H240", "GHS01", "danger" }, { "H241", "GHS01", "danger" }, { "H242", "GHS02", "danger" },
  { "H250", "GHS02", "danger" }, { "H251", "GHS02", "danger" }, { "H252", "GHS02", "warning" },
  { "H260", "GHS02", "danger" }, { "H261", "GHS02", "danger" },
  { "H270", "GHS03", "danger" }, { "H271", "GHS03", "danger" }, { "H272", "GHS03", "danger" },
  { "H280", "GHS04", "warning" }, { "H281", "GHS04", "warning" }, { "H282", "GHS02", "danger" },
  { "H283", "GHS02", "warning" }, { "H284", "GHS04", "warning" },
  { "H290", "GHS05", "warning" },
  { "H300", "GHS06", "danger" }, { "H301", "GHS06", "danger" }, { "H302", "GHS07", "warning" },
  { "H303", "", "warning" }, { "H304", "GHS08", "danger" }, { "H305", "GHS08", "warning" },
  { "H310", "GHS06", "danger" }, { "H311", "GHS06", "danger" }, { "H312", "GHS07", "warning" },
  { "H313", "", "warning" }, { "H314", "GHS05", "danger" }, { "H315", "GHS07", "warning" },
  { "H316", "", "warning" }, { "H317", "GHS07", "warning" }, { "H318", "GHS05", "danger" },
  { "H319", "GHS07", "warning" }, { "H320", "", "warning" },
  { "H330", "GHS06", "danger" }, { "H331", "GHS06", "danger" }, { "H332", "GHS07", "warning" },
  { "H333", "", "warning" }, { "H334", "GHS08", "danger" }, { "H335", "GHS07", "warning" },
  { "H336", "GHS07", "warning" },
  { "H340", "GHS08", "danger" }, { "H341", "GHS08", "warning" },
  { "H350", "GHS08", "danger" }, { "H351", "GHS08", "warning" },
  { "H360", "GHS08", "danger" }, { "H361", "GHS08", "warning" }, { "H362", "", "" },
  { "H370", "GHS08", "danger" }, { "H371", "GHS08", "warning" }, { "H372", "GHS08", "danger" },
  { "H373", "GHS08", "warning" },
  { "H400", "GHS09", "warning" }, { "H401", "", "" }, { "H402", "", "" },
  { "H410", "GHS09", "warning" }, { "H411", "GHS09", "" }, { "H412", "", "" },
  { "H413", "", "" }, { "H420", "GHS07", "warning" },
};

static void
test_ghs_statements (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = vigie_chemical_list_hazard_statements (f->store, &error);
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_h = 0, n_euh = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      VigieHazardStatement *h = g_ptr_array_index (all, i);

      g_hash_table_insert (listed, h->code, h);
      if (g_str_has_prefix (h->code, "EUH"))
        n_euh++;
      else
        {
          /* H before EUH in the listing. */
          g_assert_cmpuint (n_euh, ==, 0);
          n_h++;
        }
      g_assert_cmpstr (h->text, !=, "");
      g_assert_cmpstr (h->kind, !=, "");
    }

  for (guint i = 0; i < G_N_ELEMENTS (ghs); i++)
    {
      VigieHazardStatement *h = g_hash_table_lookup (listed, ghs[i].code);

      g_test_message ("%s", ghs[i].code);
      g_assert_nonnull (h);
      g_assert_cmpstr (h->hazard_class, !=, "");
      g_assert_cmpstr (h->category, !=, "");
      g_assert_cmpstr (h->pictogram != NULL ? h->pictogram : "", ==, ghs[i].pictogram);
      g_assert_cmpstr (h->signal_word != NULL ? h->signal_word : "", ==, ghs[i].signal);
      g_assert_cmpstr (h->kind, ==, ghs[i].code[1] == '2' ? "physical"
                                    : ghs[i].code[1] == '3' ? "health" : "environmental");
      /* Only the explosives codes withdrawn in Rev. 10 are marked deleted. */
      g_assert_cmpint (h->deleted, ==, strcmp (ghs[i].code, "H200") >= 0
                                       && strcmp (ghs[i].code, "H205") <= 0
                                       && strcmp (ghs[i].code, "H204") != 0);
    }
  /* The CLP sub-codes and EUH statements are there too. */
  for (guint i = 0; i < 6; i++)
    {
      static const char * const extra[] = { "H350i", "H360FD", "H360Df", "H361fd", "EUH066",
                                            "EUH208" };

      g_assert_nonnull (g_hash_table_lookup (listed, extra[i]));
    }
  g_assert_cmpuint (n_h, >=, G_N_ELEMENTS (ghs));
  g_assert_cmpuint (n_euh, >=, 20);

  /* One statement by code. */
  {
    g_autoptr(VigieHazardStatement) h = vigie_chemical_get_hazard_statement (f->store, "H350",
                                                                            &error);

    g_assert_no_error (error);
    g_assert_cmpstr (h->text, ==, "May cause cancer");
    g_assert_null (vigie_chemical_get_hazard_statement (f->store, "H999", &error));
    g_assert_no_error (error);
  }
}

/* Aspiration hazard category 2 carries the health hazard pictogram and the signal word
 * "Warning" (GHS Rev. 10, table 3.10.3). */
static void
test_ghs_h305 (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieHazardStatement) h = vigie_chemical_get_hazard_statement (f->store, "H305",
                                                                          &error);

  g_assert_no_error (error);
  g_assert_nonnull (h);
  g_assert_cmpstr (h->signal_word, ==, "warning");
  g_assert_cmpstr (h->hazard_class, ==, "Aspiration hazard");
  g_assert_cmpstr (h->pictogram, ==, "GHS08");
  g_assert_cmpstr (h->category, ==, "2");
}

static void
test_combined_codes (void)
{
  g_autofree char *reason = NULL;
  g_auto(GStrv) parts = NULL;
  g_auto(GStrv) list = NULL;
  static const char * const expected[] = { "H225", "H304", "H315", "H300", "H310", "H330",
                                           "EUH066", "H360Fd", NULL };

  parts = vigie_hazard_split ("H300+H310+H330", &reason);
  g_assert_nonnull (parts);
  g_assert_cmpuint (g_strv_length (parts), ==, 3);
  g_assert_cmpstr (parts[0], ==, "H300");
  g_assert_cmpstr (parts[2], ==, "H330");
  g_clear_pointer (&parts, g_strfreev);
  parts = vigie_hazard_split ("H315 + H320", NULL);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);

  /* A safety data sheet's list: separators, combined codes with spaces, duplicates. */
  list = vigie_chemical_parse_hazard_list ("H225; H304,H315 H300 + H310+H330;h225;euh066 "
                                           "H360Fd", &reason);
  g_assert_null (reason);
  g_assert_nonnull (list);
  g_assert_cmpstrv (list, expected);
  g_clear_pointer (&list, g_strfreev);

  list = vigie_chemical_parse_hazard_list ("", &reason);
  g_assert_nonnull (list);
  g_assert_cmpuint (g_strv_length (list), ==, 0);
  g_clear_pointer (&list, g_strfreev);

  /* Wrong ones, with the reason. */
  {
    static const char * const bad[] = { "H300+", "H999", "H225;H226+X", "H360FDx", "+H300" };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *why = NULL;
        g_auto(GStrv) codes = vigie_chemical_parse_hazard_list (bad[i], &why);

        g_test_message ("bad: %s", bad[i]);
        g_assert_null (codes);
        g_assert_nonnull (why);
      }
  }

  g_assert_cmpint (vigie_chemical_cmr_flags_for_code ("H350i"), ==, VIGIE_CMR_CARCINOGEN);
  g_assert_cmpint (vigie_chemical_cmr_flags_for_code ("H351"), ==, VIGIE_CMR_CARCINOGEN);
  g_assert_cmpint (vigie_chemical_cmr_flags_for_code ("H341"), ==, VIGIE_CMR_MUTAGEN);
  g_assert_cmpint (vigie_chemical_cmr_flags_for_code ("H360FD"), ==, VIGIE_CMR_REPROTOXIC);
  g_assert_cmpint (vigie_chemical_cmr_flags_for_code ("H361fd"), ==, VIGIE_CMR_REPROTOXIC);
  g_assert_cmpint (vigie_chemical_cmr_flags_for_code ("H362"), ==, VIGIE_CMR_REPROTOXIC);
  g_assert_cmpint (vigie_chemical_cmr_flags_for_code ("H370"), ==, VIGIE_CMR_NONE);
  g_assert_cmpint (vigie_chemical_cmr_flags_for_code ("H335"), ==, VIGIE_CMR_NONE);
}

static void
check_label (VigieStore *store,
             const char *codes_text,
             const char *pictograms,
             const char *signal)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) codes = g_strsplit (codes_text, " ", -1);
  g_autoptr(VigieLabelElements) label = NULL;
  g_autofree char *joined = NULL;

  if (*codes_text == '\0')
    g_clear_pointer (&codes, g_strfreev);
  label = vigie_chemical_label_elements (store, (const char * const *) codes, &error);
  g_assert_no_error (error);
  joined = g_strjoinv (" ", label->pictograms);
  g_test_message ("%s → %s %s", codes_text, joined, label->signal_word);
  g_assert_cmpstr (joined, ==, pictograms);
  g_assert_cmpstr (label->signal_word, ==, signal);
}

static void
test_label_elements (Fixture       *f,
                     gconstpointer  data)
{
  /* n-hexane: flame, health hazard, exclamation mark; danger. */
  check_label (f->store, "H225 H304 H315 H336 H361f H373 H411",
               "GHS02 GHS07 GHS08 GHS09", "danger");
  /* Skull and crossbones: never the exclamation mark with it. */
  check_label (f->store, "H301 H315 H335", "GHS06", "danger");
  /* Corrosion: no exclamation mark for skin or eye irritation... */
  check_label (f->store, "H314 H315 H319", "GHS05", "danger");
  /* ... but still for another reason (STOT SE 3). */
  check_label (f->store, "H314 H335", "GHS05 GHS07", "danger");
  /* Respiratory sensitisation: no exclamation mark for skin sensitisation. */
  check_label (f->store, "H334 H317", "GHS08", "danger");
  /* Warning only. */
  check_label (f->store, "H226 H319", "GHS02 GHS07", "warning");
  check_label (f->store, "H412", "", NULL);
  check_label (f->store, "", "", NULL);
}

/* ─── Substance reference ────────────────────────────────────────────────── */

/* An analyst's edit of a seeded substance survives the next seeding (each open of the
 * Chemicals page seeds again). */
static void
test_seed_keeps_edits (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieSubstance) toluene = NULL;
  g_autoptr(VigieSubstance) again = NULL;
  gboolean sin_before;

  g_assert_cmpint (vigie_chemical_seed_substances (f->store, &error), >, 0);
  g_assert_no_error (error);
  toluene = vigie_chemical_find_substance_by_cas (f->store, "108-88-3", &error);
  g_assert_no_error (error);
  g_assert_nonnull (toluene);
  sin_before = toluene->sin_list;
  toluene->sin_list = !sin_before;
  g_free (toluene->cmr_category);
  toluene->cmr_category = g_strdup ("2");
  g_assert_true (vigie_chemical_update_substance (f->store, toluene, &error));
  g_assert_no_error (error);

  g_assert_cmpint (vigie_chemical_seed_substances (f->store, &error), >, 0);
  g_assert_no_error (error);
  again = vigie_chemical_find_substance_by_cas (f->store, "108-88-3", &error);
  g_assert_nonnull (again);
  g_assert_cmpint (again->sin_list, ==, !sin_before);
  g_assert_cmpstr (again->cmr_category, ==, "2");
}

static void
test_seed_substances (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(VigieSubstance) benzene = NULL;
  g_autoptr(VigieSubstance) tce = NULL;
  g_autoptr(VigieSubstance) lead = NULL;
  int n;
  gint64 count;

  /* A substance already in the dataset (as the demo generator writes it) with stale flags:
   * the seed updates the flags, keeps the row. */
  g_assert_true (vigie_store_exec (f->store,
                                   "INSERT INTO substances (id, uuid, name, cas_rn, svhc, "
                                   "sin_list, rohs_restricted, cmr_category, notes, created_at, "
                                   "updated_at) VALUES (77, 'old', 'Lead metal', '7439-92-1', 0, "
                                   "0, 0, NULL, '', 'x', 'x')", &error));
  g_assert_no_error (error);

  n = vigie_chemical_seed_substances (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, >=, 50);
  count = vigie_store_count (f->store, "substances");
  g_assert_cmpint (count, ==, n);

  /* Idempotent. */
  g_assert_cmpint (vigie_chemical_seed_substances (f->store, &error), ==, n);
  g_assert_no_error (error);
  g_assert_cmpint (vigie_store_count (f->store, "substances"), ==, count);

  all = vigie_chemical_list_substances (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, (guint) n);
  for (guint i = 0; i < all->len; i++)
    {
      VigieSubstance *s = g_ptr_array_index (all, i);

      g_assert_nonnull (s->cas_rn);
      g_assert_true (vigie_validate_cas (s->cas_rn, NULL));
      g_assert_true (s->svhc == (s->svhc_date != NULL));
    }

  benzene = vigie_chemical_find_substance_by_cas (f->store, "71-43-2", &error);
  g_assert_nonnull (benzene);
  g_assert_cmpstr (benzene->name, ==, "Benzene");
  g_assert_cmpstr (benzene->cmr_category, ==, "1A");
  g_assert_true (strstr (benzene->hazards, "H350") != NULL);
  g_assert_true (strstr (benzene->hazards, "H340") != NULL);

  tce = vigie_chemical_find_substance_by_cas (f->store, "79-01-6", &error);
  g_assert_true (tce->svhc);
  g_assert_cmpstr (tce->svhc_date, ==, "2010-06-18");

  lead = vigie_chemical_find_substance_by_cas (f->store, "7439-92-1", &error);
  g_assert_cmpint (lead->id, ==, 77);
  g_assert_cmpstr (lead->name, ==, "Lead metal");
  g_assert_true (lead->svhc && lead->sin_list && lead->rohs_restricted);
  g_assert_cmpstr (lead->cmr_category, ==, "1A");
  g_assert_cmpstr (lead->hazards, ==, "H360FD H362 H410");

  /* The solvents and metals the issue names are all there. */
  {
    static const char * const expected[] = { "110-54-3", "71-43-2", "108-88-3", "1330-20-7",
                                             "79-01-6", "67-64-1", "78-93-3", "7439-92-1",
                                             "7440-43-9" };

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        g_autoptr(VigieSubstance) s = vigie_chemical_find_substance_by_cas (f->store,
                                                                           expected[i], NULL);

        g_assert_nonnull (s);
      }
  }

  /* Search by name or CAS. */
  {
    g_autoptr(GPtrArray) found = vigie_chemical_list_substances (f->store, "xylene", &error);

    g_assert_cmpuint (found->len, ==, 4);
    g_clear_pointer (&found, g_ptr_array_unref);
    found = vigie_chemical_list_substances (f->store, "108-88-3", &error);
    g_assert_cmpuint (found->len, ==, 1);
  }

  /* Editing the flags of a substance. */
  {
    g_autoptr(VigieSubstance) s = vigie_chemical_find_substance_by_cas (f->store, "110-54-3", NULL);
    g_autoptr(VigieSubstance) again = NULL;

    s->svhc = TRUE;
    g_free (s->svhc_date);
    s->svhc_date = g_strdup ("2026-01-21");
    g_assert_true (vigie_chemical_update_substance (f->store, s, &error));
    g_assert_no_error (error);
    again = vigie_chemical_find_substance_by_cas (f->store, "110-54-3", NULL);
    g_assert_true (again->svhc);
    g_assert_cmpstr (again->svhc_date, ==, "2026-01-21");

    g_free (s->cmr_category);
    s->cmr_category = g_strdup ("3");
    g_assert_false (vigie_chemical_update_substance (f->store, s, &error));
    g_assert_error (error, VIGIE_CHEMICAL_ERROR, VIGIE_CHEMICAL_ERROR_INVALID);
  }
}

/* ─── Products ───────────────────────────────────────────────────────────── */

static VigieConstituent *
constituent (const char *name,
             const char *cas,
             double      lo,
             double      hi)
{
  VigieConstituent *c = vigie_constituent_new ();

  g_free (c->name);
  c->name = g_strdup (name);
  c->cas_rn = g_strdup (cas);
  c->conc_min = lo;
  c->conc_max = hi;
  return c;
}

static VigieChemicalProduct *
product (gint64      site_id,
         const char *period,
         const char *trade_name,
         const char *codes,
         gint64      workers,
         gint64      women)
{
  VigieChemicalProduct *p = vigie_chemical_product_new ();
  g_auto(GStrv) parts = g_strsplit (codes, " ", -1);

  p->site_id = site_id;
  p->period = g_strdup (period);
  g_free (p->trade_name);
  p->trade_name = g_strdup (trade_name);
  p->workers_exposed = workers;
  p->women_exposed = women;
  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_ptr_array_add (p->hazard_codes, g_strdup (parts[i]));
  return p;
}

static void
expect_invalid (VigieChemicalProduct *p,
                const char           *field)
{
  g_autofree char *got = NULL;
  g_autofree char *reason = NULL;

  g_assert_false (vigie_chemical_product_validate (p, &got, &reason));
  g_test_message ("%s: %s", got, reason);
  g_assert_cmpstr (got, ==, field);
  g_assert_nonnull (reason);
}

static void
test_product_validation (void)
{
  g_autoptr(VigieChemicalProduct) p = product (1, "2025", "Thinner 88", "H225", 10, 2);

  g_assert_true (vigie_chemical_product_validate (p, NULL, NULL));

  g_free (p->period);
  p->period = g_strdup ("2025-13");
  expect_invalid (p, "period");
  g_free (p->period);
  p->period = g_strdup ("25");
  expect_invalid (p, "period");
  g_free (p->period);
  p->period = g_strdup ("2025-03");
  g_assert_true (vigie_chemical_product_validate (p, NULL, NULL));

  g_free (p->trade_name);
  p->trade_name = g_strdup ("   ");
  expect_invalid (p, "trade_name");
  g_free (p->trade_name);
  p->trade_name = g_strdup ("Thinner 88");

  p->women_exposed = 11;
  expect_invalid (p, "women_exposed");
  p->women_exposed = 2;

  p->qty_per_year = 120;
  expect_invalid (p, "qty_unit");
  p->qty_unit = g_strdup ("L");
  g_assert_true (vigie_chemical_product_validate (p, NULL, NULL));
  p->qty_stored_max = -1;
  expect_invalid (p, "qty_stored_max");
  p->qty_stored_max = NAN;

  g_free (p->sds_revision);
  p->sds_revision = g_strdup ("2025-02-30");
  expect_invalid (p, "sds_revision");
  g_clear_pointer (&p->sds_revision, g_free);

  /* Constituents: a wrong CAS number never passes; no CAS is fine with a name. */
  g_ptr_array_add (p->constituents, constituent ("Toluene", "108-88-3", 40, 60));
  g_ptr_array_add (p->constituents, constituent ("Proprietary resin", NULL, 5, 10));
  g_assert_true (vigie_chemical_product_validate (p, NULL, NULL));
  g_ptr_array_add (p->constituents, constituent ("Benzene", "71-43-3", 0.1, 1));
  expect_invalid (p, "constituents[2].cas_rn");
  g_ptr_array_remove_index (p->constituents, 2);
  g_ptr_array_add (p->constituents, constituent ("", NULL, NAN, NAN));
  expect_invalid (p, "constituents[2].name");
  g_ptr_array_remove_index (p->constituents, 2);
  g_ptr_array_add (p->constituents, constituent ("Benzene", "71-43-2", 5, 1));
  expect_invalid (p, "constituents[2].conc");
  g_ptr_array_remove_index (p->constituents, 2);
  g_ptr_array_add (p->constituents, constituent ("Toluene again", "108-88-3", 1, 2));
  expect_invalid (p, "constituents[2].cas_rn");
  g_ptr_array_remove_index (p->constituents, 2);

  g_ptr_array_add (p->hazard_codes, g_strdup ("H999"));
  expect_invalid (p, "hazard_codes");
}

static void
test_product_crud (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieChemicalProduct) p = product (1, "2025", "CC-1 Conformal Coating",
                                               "H225 H304 H361d", 12, 5);
  g_autoptr(VigieChemicalProduct) got = NULL;
  g_autoptr(GPtrArray) inventories = NULL;
  gint64 id;

  g_assert_cmpint (vigie_chemical_seed_substances (f->store, &error), >, 0);
  p->supplier = (g_free (p->supplier), g_strdup ("Solvix Industrial Chemicals"));
  p->sds_available = TRUE;
  p->sds_revision = g_strdup ("2024-11-02");
  p->process = (g_free (p->process), g_strdup ("coating"));
  p->qty_per_year = 840;
  p->qty_stored_max = 120;
  p->qty_unit = g_strdup ("L");
  p->ppe_provided = (g_free (p->ppe_provided), g_strdup ("Nitrile gloves"));
  p->ppe_adequate_reported = 0;
  g_ptr_array_add (p->constituents, constituent ("", "108-88-3", 20, 40));
  g_ptr_array_add (p->constituents, constituent ("Acrylic resin blend", NULL, 30, 50));
  g_ptr_array_add (p->constituents, constituent ("Unlisted solvent", "64-17-5", NAN, 5));

  id = vigie_chemical_insert_product (f->store, p, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  got = vigie_chemical_get_product (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->trade_name, ==, "CC-1 Conformal Coating");
  g_assert_cmpstr (got->process, ==, "coating");
  g_assert_cmpstr (got->qty_unit, ==, "L");
  g_assert_cmpfloat (got->qty_per_year, ==, 840);
  g_assert_cmpint (got->workers_exposed, ==, 12);
  g_assert_cmpint (got->women_exposed, ==, 5);
  g_assert_cmpint (got->ppe_adequate_reported, ==, 0);
  g_assert_cmpstr (got->sds_revision, ==, "2024-11-02");
  g_assert_cmpuint (got->hazard_codes->len, ==, 3);
  g_assert_cmpuint (got->constituents->len, ==, 3);
  {
    /* Highest concentration first; the reference name for a known CAS number. */
    VigieConstituent *c0 = g_ptr_array_index (got->constituents, 0);
    VigieConstituent *c1 = g_ptr_array_index (got->constituents, 1);
    VigieConstituent *c2 = g_ptr_array_index (got->constituents, 2);

    g_assert_cmpstr (c0->name, ==, "Acrylic resin blend");
    g_assert_null (c0->cas_rn);
    g_assert_cmpstr (c1->name, ==, "Toluene");
    g_assert_cmpstr (c1->cas_rn, ==, "108-88-3");
    g_assert_cmpstr (c2->name, ==, "Ethanol");
    g_assert_true (isnan (c2->conc_min));
    g_assert_cmpfloat (c2->conc_max, ==, 5);
  }
  /* The audit log has the insert. */
  {
    sqlite3_stmt *stmt = vigie_store_prepare (f->store,
                                              "SELECT count (*) FROM audit_log WHERE "
                                              "table_name = 'chemical_products' AND row_id = ?1",
                                              &error);

    sqlite3_bind_int64 (stmt, 1, id);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    sqlite3_reset (stmt);
  }

  /* A second product reuses the no-CAS substance by name. */
  {
    g_autoptr(VigieChemicalProduct) q = product (1, "2025", "CC-2", "", -1, -1);
    gint64 before = vigie_store_count (f->store, "substances");

    g_ptr_array_add (q->constituents, constituent ("acrylic resin blend", NULL, 1, 2));
    g_assert_cmpint (vigie_chemical_insert_product (f->store, q, &error), >, 0);
    g_assert_cmpint (vigie_store_count (f->store, "substances"), ==, before);
  }

  /* Update: fewer constituents, other codes. */
  g_ptr_array_remove_index (got->constituents, 0);
  g_ptr_array_set_size (got->hazard_codes, 0);
  g_ptr_array_add (got->hazard_codes, g_strdup ("H226"));
  got->workers_exposed = 20;
  g_assert_true (vigie_chemical_update_product (f->store, got, &error));
  g_assert_no_error (error);
  {
    g_autoptr(VigieChemicalProduct) again = vigie_chemical_get_product (f->store, id, &error);

    g_assert_cmpuint (again->constituents->len, ==, 2);
    g_assert_cmpuint (again->hazard_codes->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (again->hazard_codes, 0), ==, "H226");
    g_assert_cmpint (again->workers_exposed, ==, 20);
  }

  /* Invalid input is refused with the field in the message; nothing written. */
  got->women_exposed = 99;
  g_assert_false (vigie_chemical_update_product (f->store, got, &error));
  g_assert_error (error, VIGIE_CHEMICAL_ERROR, VIGIE_CHEMICAL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "women_exposed"));
  g_clear_error (&error);

  inventories = vigie_chemical_list_inventories (f->store, 0, &error);
  g_assert_cmpuint (inventories->len, ==, 1);
  g_assert_cmpstr (((VigieInventory *) g_ptr_array_index (inventories, 0))->period, ==, "2025");
  g_assert_cmpint (((VigieInventory *) g_ptr_array_index (inventories, 0))->n_products, ==, 2);

  g_assert_true (vigie_chemical_delete_product (f->store, id, &error));
  g_assert_no_error (error);
  g_assert_null (vigie_chemical_get_product (f->store, id, &error));
  g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND);
}

/* ─── Measurements ───────────────────────────────────────────────────────── */

static gint64
add_measurement (VigieStore *store,
                 gint64      site_id,
                 gint64      product_id,
                 const char *kind,
                 double      value,
                 double      limit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieExposureMeasurement) m = vigie_exposure_measurement_new ();
  gint64 id;

  m->site_id = site_id;
  m->product_id = product_id;
  m->kind = (g_free (m->kind), g_strdup (kind));
  m->measured_on = g_strdup ("2025-09-01");
  m->value = value;
  m->unit = (g_free (m->unit), g_strdup ("mg/m³"));
  m->limit_value = limit;
  id = vigie_chemical_insert_measurement (store, m, &error);
  g_assert_no_error (error);
  return id;
}

static void
test_measurements (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieExposureMeasurement) m = vigie_exposure_measurement_new ();
  g_autoptr(GPtrArray) list = NULL;
  guint above = 0;

  add_measurement (f->store, 1, 0, "air", 12.5, 10);
  add_measurement (f->store, 1, 0, "urine", 3, 5);
  add_measurement (f->store, 1, 0, "blood", 10, 10);   /* at the limit: not above */
  add_measurement (f->store, 1, 0, "wipe", 7, NAN);     /* no limit */
  list = vigie_chemical_list_measurements (f->store, 1, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);
  for (guint i = 0; i < list->len; i++)
    if (vigie_exposure_measurement_above_limit (g_ptr_array_index (list, i)))
      above++;
  g_assert_cmpuint (above, ==, 1);

  /* Validation. */
  m->site_id = 1;
  m->measured_on = g_strdup ("2025-09-01");
  m->unit = (g_free (m->unit), g_strdup ("µg/L"));
  m->value = 1;
  g_assert_true (vigie_exposure_measurement_validate (m, NULL, NULL));
  m->kind = (g_free (m->kind), g_strdup ("sweat"));
  g_assert_false (vigie_exposure_measurement_validate (m, NULL, NULL));
  m->kind = (g_free (m->kind), g_strdup ("blood"));
  m->limit_value = -3;
  g_assert_false (vigie_exposure_measurement_validate (m, NULL, NULL));
  m->limit_value = NAN;
  m->measured_on = (g_free (m->measured_on), g_strdup ("2025-02-31"));
  g_assert_false (vigie_exposure_measurement_validate (m, NULL, NULL));
  g_assert_cmpint (vigie_chemical_insert_measurement (f->store, m, &error), ==, 0);
  g_assert_error (error, VIGIE_CHEMICAL_ERROR, VIGIE_CHEMICAL_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (vigie_chemical_delete_measurement (f->store,
                                                    ((VigieExposureMeasurement *) g_ptr_array_index (list, 0))->id,
                                                    &error));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = vigie_chemical_list_measurements (f->store, 1, 0, &error);
  g_assert_cmpuint (list->len, ==, 3);
}

/* ─── Hazard summary (hand-computed) ─────────────────────────────────────── */

static gint64
insert (VigieStore           *store,
        VigieChemicalProduct *p)
{
  g_autoptr(GError) error = NULL;
  gint64 id = vigie_chemical_insert_product (store, p, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  vigie_chemical_product_free (p);
  return id;
}

static void
test_hazard_summary (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieHazardSummary) all = NULL;
  g_autoptr(VigieHazardSummary) y2025 = NULL;
  VigieChemicalProduct *p;
  gint64 p1, p2, p4, p5;

  g_assert_cmpint (vigie_chemical_seed_substances (f->store, &error), >, 0);

  /* P1: a carcinogen by its own statement; SDS fine, PPE adequate. 10 workers, 4 women. */
  p = product (1, "2025", "TX-100 Degreaser", "H315 H350", 10, 4);
  p->sds_available = TRUE;
  p->sds_in_workers_language = TRUE;
  p->ppe_provided = (g_free (p->ppe_provided), g_strdup ("Respirator"));
  p->ppe_adequate_reported = 1;
  p1 = insert (f->store, p);
  /* P2: no statement of its own, but lead (H360FD, H362, CMR 1A); no SDS, no PPE. */
  p = product (1, "2025", "Sn63Pb37 Solder Paste", "", 20, 15);
  g_ptr_array_add (p->constituents, constituent ("", "7439-92-1", 35, 40));
  p2 = insert (f->store, p);
  /* P3: isopropanol only: not CMR. */
  p = product (1, "2025", "IPA 99", "H225 H319 H336", 30, 12);
  g_ptr_array_add (p->constituents, constituent ("", "67-63-0", 99, 100));
  insert (f->store, p);
  /* P4: a mutagen; exposure unknown; SDS not in the workers' language; PPE inadequate. */
  p = product (1, "2025", "Coating Z", "H341", -1, -1);
  p->sds_available = TRUE;
  p->ppe_provided = (g_free (p->ppe_provided), g_strdup ("Paper mask"));
  p->ppe_adequate_reported = 0;
  p4 = insert (f->store, p);
  /* P5: another period; a suspected carcinogen; 5 workers, all women. */
  p = product (1, "2024", "MC-Strip", "H351", 5, 5);
  p->sds_available = TRUE;
  p->sds_in_workers_language = TRUE;
  p->ppe_provided = (g_free (p->ppe_provided), g_strdup ("Gloves"));
  p5 = insert (f->store, p);
  /* Another site: never counted. */
  insert (f->store, product (2, "2025", "Benzene Thinner", "H350 H340", 100, 50));

  add_measurement (f->store, 1, p1, "air", 12, 10);   /* above, 2025 */
  add_measurement (f->store, 1, p5, "air", 30, 20);   /* above, 2024 */
  add_measurement (f->store, 1, p1, "air", 2, 10);    /* below */
  add_measurement (f->store, 2, 0, "air", 99, 10);    /* other site */

  all = vigie_chemical_hazard_summary (f->store, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->n_products, ==, 5);
  g_assert_cmpuint (all->n_cmr_products, ==, 4);
  g_assert_cmpuint (all->n_carcinogen, ==, 2);       /* P1, P5 */
  g_assert_cmpuint (all->n_mutagen, ==, 1);          /* P4 */
  g_assert_cmpuint (all->n_reprotoxic, ==, 1);       /* P2 */
  g_assert_cmpint (all->workers_exposed_cmr, ==, 35);   /* 10 + 20 + 5 */
  g_assert_cmpint (all->women_exposed_cmr, ==, 24);     /* 4 + 15 + 5 */
  g_assert_cmpuint (all->n_cmr_sds_gap, ==, 2);      /* P2 (none), P4 (language) */
  g_assert_cmpuint (all->n_cmr_ppe_gap, ==, 2);      /* P2 (none), P4 (inadequate) */
  g_assert_cmpuint (all->n_measurements_above_limit, ==, 2);
  g_assert_cmpuint (all->items->len, ==, 4);
  {
    /* Most exposed first; unknown exposure last. */
    VigieHazardSummaryItem *i0 = g_ptr_array_index (all->items, 0);
    VigieHazardSummaryItem *i1 = g_ptr_array_index (all->items, 1);
    VigieHazardSummaryItem *i2 = g_ptr_array_index (all->items, 2);
    VigieHazardSummaryItem *i3 = g_ptr_array_index (all->items, 3);

    g_assert_cmpint (i0->product_id, ==, p2);
    g_assert_cmpint (i0->cmr, ==, VIGIE_CMR_REPROTOXIC | VIGIE_CMR_FLAGGED);
    g_assert_cmpstr (i0->cmr_codes, ==, "H360FD, H362");
    g_assert_true (i0->sds_missing && i0->ppe_missing && !i0->ppe_inadequate);
    g_assert_cmpint (i1->product_id, ==, p1);
    g_assert_cmpint (i1->cmr, ==, VIGIE_CMR_CARCINOGEN);
    g_assert_cmpstr (i1->cmr_codes, ==, "H350");
    g_assert_false (i1->sds_missing || i1->sds_not_in_language || i1->ppe_missing
                    || i1->ppe_inadequate);
    g_assert_cmpint (i2->product_id, ==, p5);
    g_assert_cmpint (i3->product_id, ==, p4);
    g_assert_cmpint (i3->workers_exposed, ==, -1);
    g_assert_true (i3->sds_not_in_language && i3->ppe_inadequate && !i3->sds_missing);
  }

  y2025 = vigie_chemical_hazard_summary (f->store, 1, "2025", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (y2025->n_products, ==, 4);
  g_assert_cmpuint (y2025->n_cmr_products, ==, 3);
  g_assert_cmpuint (y2025->n_carcinogen, ==, 1);
  g_assert_cmpint (y2025->workers_exposed_cmr, ==, 30);
  g_assert_cmpint (y2025->women_exposed_cmr, ==, 19);
  g_assert_cmpuint (y2025->n_measurements_above_limit, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chemical/cas-vectors", test_cas_vectors);
  g_test_add ("/chemical/ghs-statements", Fixture, NULL, fixture_setup, test_ghs_statements,
              fixture_teardown);
  g_test_add ("/chemical/ghs-h305", Fixture, NULL, fixture_setup, test_ghs_h305,
              fixture_teardown);
  g_test_add_func ("/chemical/combined-codes", test_combined_codes);
  g_test_add ("/chemical/label-elements", Fixture, NULL, fixture_setup, test_label_elements,
              fixture_teardown);
  g_test_add ("/chemical/seed-keeps-edits", Fixture, NULL, fixture_setup, test_seed_keeps_edits,
              fixture_teardown);
  g_test_add ("/chemical/seed-substances", Fixture, NULL, fixture_setup, test_seed_substances,
              fixture_teardown);
  g_test_add_func ("/chemical/product-validation", test_product_validation);
  g_test_add ("/chemical/product-crud", Fixture, NULL, fixture_setup, test_product_crud,
              fixture_teardown);
  g_test_add ("/chemical/measurements", Fixture, NULL, fixture_setup, test_measurements,
              fixture_teardown);
  g_test_add ("/chemical/hazard-summary", Fixture, NULL, fixture_setup, test_hazard_summary,
              fixture_teardown);
  return g_test_run ();
}

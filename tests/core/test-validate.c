/* test-validate.c — CAS numbers, Open Supply Hub IDs, dates, figures, currencies and hazard
 * codes, with the vectors of DOMAIN.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "vigie-validate.h"

/* Asserts that a check failed with a non-empty reason containing NEEDLE (when not NULL),
 * then frees the reason. */
#define assert_reason(result, reason, needle) \
  check_reason ((result), &(reason), (needle))

static void
check_reason (gboolean     result,
              char       **reason,
              const char  *needle)
{
  g_assert_false (result);
  g_assert_nonnull (*reason);
  g_assert_cmpstr (*reason, !=, "");
  g_test_message ("reason: %s", *reason);
  if (needle != NULL)
    g_assert_nonnull (strstr (*reason, needle));
  g_clear_pointer (reason, g_free);
}

static void
test_cas (void)
{
  const char *valid[] = { "7732-18-5", "64-17-5", "71-43-2", "110-54-3", "108-88-3",
                          "79-01-6", "7440-50-8", "50-00-0", "1333-86-4", "7439-92-1",
                          "1310-73-2", "9002-86-2" };
  const char *malformed[] = { "7732185", "77-3-2", "", "7-18-5", "12345678-18-5",
                              "7732-1-5", "7732-18-", "7732-18-55", "7732 18 5", " 64-17-5",
                              "64-17-5 ", "6a-17-5", "none", "64--17-5", "-64-17-5" };
  char *reason = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_assert_true (vigie_validate_cas (valid[i], &reason));
      g_assert_null (reason);
    }
  /* NULL reason pointer is allowed */
  g_assert_true (vigie_validate_cas ("64-17-5", NULL));
  g_assert_false (vigie_validate_cas ("64-17-4", NULL));
  g_assert_false (vigie_validate_cas (NULL, NULL));

  /* wrong check digit: the reason names the right one (water: 8·1+1·2+2·3+3·4+7·5+7·6 = 105) */
  assert_reason (vigie_validate_cas ("7732-18-4", &reason), reason, "5");
  assert_reason (vigie_validate_cas ("71-43-3", &reason), reason, "2");

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_test_message ("malformed CAS “%s”", malformed[i]);
      assert_reason (vigie_validate_cas (malformed[i], &reason), reason, "7732-18-5");
    }
}

static void
test_os_id_check_char (void)
{
  /* Worked by hand: "CN2019303BZ7XH"
   *   ord('C') + ord('N')             = 67 + 78              = 145
   *   digits 2,0,1,9,3,0,3            = 18                   → 163
   *   Crockford B=11, Z=31, 7=7, X=29, H=17 = 95             → 258
   *   258 mod 32 = 2  → alphabet[2] = '2'                    → CN2019303BZ7XH2
   * And "US2020001ABCDE": 85 + 83 = 168; 2+0+2+0+0+0+1 = 5 → 173;
   *   A..E = 10+11+12+13+14 = 60 → 233; 233 mod 32 = 9 → '9' → US2020001ABCDE9
   * And "DE2024366ZZZZZ": 68 + 69 = 137; 2+0+2+4+3+6+6 = 23 → 160; 5·31 = 155 → 315;
   *   315 mod 32 = 27 → alphabet[27] = 'V' (0-9, A..H = 10..17, J 18, K 19, M 20, N 21,
   *   P 22, Q 23, R 24, S 25, T 26, V 27) → DE2024366ZZZZZV */
  g_assert_cmpint (vigie_os_id_check_char ("CN2019303BZ7XH"), ==, '2');
  g_assert_cmpint (vigie_os_id_check_char ("US2020001ABCDE"), ==, '9');
  g_assert_cmpint (vigie_os_id_check_char ("DE2024366ZZZZZ"), ==, 'V');

  /* not computable */
  g_assert_cmpint (vigie_os_id_check_char ("cn2019303BZ7XH"), ==, '\0');
  g_assert_cmpint (vigie_os_id_check_char ("CN2019303BZ7X"), ==, '\0');
  g_assert_cmpint (vigie_os_id_check_char ("CN2019303BZ7XI"), ==, '\0');
  g_assert_cmpint (vigie_os_id_check_char ("CN2019303bz7xh"), ==, '\0');
}

static void
test_os_id (void)
{
  const char *hand[] = { "CN2019303BZ7XH2", "US2020001ABCDE9", "DE2024366ZZZZZV" };
  char *reason = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260615);
  const char *alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  const char *countries[] = { "CN", "VN", "MY", "TH", "MX", "CZ", "TW", "IN", "PH", "HU" };

  for (guint i = 0; i < G_N_ELEMENTS (hand); i++)
    {
      g_assert_true (vigie_validate_os_id (hand[i], &reason));
      g_assert_null (reason);
    }

  /* Generated IDs: every one is valid, and changing the check character breaks it. */
  for (guint n = 0; n < 200; n++)
    {
      char id[16];
      guint year = g_rand_int_range (rand, 2019, 2027);
      guint day = g_rand_int_range (rand, 1, g_date_is_leap_year (year) ? 367 : 366);
      char check;

      g_snprintf (id, sizeof id, "%s%04u%03u", countries[n % G_N_ELEMENTS (countries)],
                  year, day);
      for (guint k = 9; k < 14; k++)
        id[k] = alphabet[g_rand_int_range (rand, 0, 32)];
      id[14] = '\0';
      check = vigie_os_id_check_char (id);
      g_assert_cmpint (check, !=, '\0');
      id[14] = check;
      id[15] = '\0';
      g_assert_true (vigie_validate_os_id (id, NULL));

      id[14] = alphabet[(strchr (alphabet, check) - alphabet + 1) % 32];
      g_assert_false (vigie_validate_os_id (id, NULL));
    }

  /* wrong check character: the reason gives the right one */
  assert_reason (vigie_validate_os_id ("CN2019303BZ7XH3", &reason), reason, "2");
  /* day 366 of a non-leap year (2023), fine in a leap year (2024) */
  {
    char id[16] = "CN2023366ABCDE";
    char ok[16] = "CN2024366ABCDE";

    id[14] = vigie_os_id_check_char (id);
    ok[14] = vigie_os_id_check_char (ok);
    g_assert_cmpint (id[14], !=, '\0');
    assert_reason (vigie_validate_os_id (id, &reason), reason, "366");
    g_assert_true (vigie_validate_os_id (ok, NULL));
  }
  /* day 000 */
  {
    char id[16] = "CN2023000ABCDE";

    id[14] = vigie_os_id_check_char (id);
    assert_reason (vigie_validate_os_id (id, &reason), reason, NULL);
  }
  /* lower case, wrong length, unknown country, letters in the date, I/L/O/U */
  assert_reason (vigie_validate_os_id ("cn2019303BZ7XH2", &reason), reason, NULL);
  assert_reason (vigie_validate_os_id ("CN2019303bz7xh2", &reason), reason, NULL);
  assert_reason (vigie_validate_os_id ("CN2019303BZ7XH", &reason), reason, "15");
  assert_reason (vigie_validate_os_id ("CN2019303BZ7XH22", &reason), reason, "15");
  assert_reason (vigie_validate_os_id ("", &reason), reason, "15");
  assert_reason (vigie_validate_os_id (NULL, &reason), reason, "15");
  {
    char id[16] = "ZZ2019303BZ7XH";

    id[14] = vigie_os_id_check_char (id);
    assert_reason (vigie_validate_os_id (id, &reason), reason, "ZZ");
  }
  assert_reason (vigie_validate_os_id ("CN20A9303BZ7XH2", &reason), reason, NULL);
  assert_reason (vigie_validate_os_id ("CN2019303BZ7XI2", &reason), reason, NULL);
  assert_reason (vigie_validate_os_id ("CN2019303OZ7XH2", &reason), reason, NULL);
  /* 15 bytes but not 15 characters */
  assert_reason (vigie_validate_os_id ("CN2019303BZ7Xé", &reason), reason, "15");
}

static void
test_dates (void)
{
  const char *valid[] = { "2024-02-29", "2026-06-15", "2000-02-29", "1999-12-31",
                          "2026-01-01", "2026-04-30" };
  const char *invalid[] = { "2023-02-29", "2026-13-01", "2026-00-10", "2026-04-31",
                            "1900-02-29", "2026-06-00", "2026-6-15", "15/06/2026", "2026-06-15T",
                            "", "2026-06-1a", "0000-01-01", " 2026-06-15" };
  char *reason = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (vigie_validate_date (valid[i], NULL));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("invalid date “%s”", invalid[i]);
      assert_reason (vigie_validate_date (invalid[i], &reason), reason, NULL);
    }
  assert_reason (vigie_validate_date ("2023-02-29", &reason), reason, "2023-02-29");
  g_assert_false (vigie_validate_date (NULL, NULL));

  g_assert_true (vigie_validate_date_range ("2026-01-01", "2026-01-01", NULL));
  g_assert_true (vigie_validate_date_range ("2026-01-01", "2026-03-01", NULL));
  g_assert_true (vigie_validate_date_range (NULL, "2026-03-01", NULL));
  g_assert_true (vigie_validate_date_range ("2026-03-01", "", NULL));
  assert_reason (vigie_validate_date_range ("2026-03-01", "2026-02-28", &reason), reason,
                 "2026-02-28");
  assert_reason (vigie_validate_date_range ("2026-03-01", "2026-02-30", &reason), reason,
                 "2026-02-30");
}

static void
test_figures (void)
{
  char *reason = NULL;

  g_assert_true (vigie_validate_percentage (0, NULL));
  g_assert_true (vigie_validate_percentage (100, NULL));
  g_assert_true (vigie_validate_percentage (37.5, NULL));
  assert_reason (vigie_validate_percentage (100.01, &reason), reason, "100");
  assert_reason (vigie_validate_percentage (-0.5, &reason), reason, NULL);
  assert_reason (vigie_validate_percentage (NAN, &reason), reason, NULL);

  g_assert_true (vigie_validate_latitude (-90, NULL));
  g_assert_true (vigie_validate_latitude (90, NULL));
  g_assert_true (vigie_validate_latitude (22.5431, NULL));
  assert_reason (vigie_validate_latitude (90.0001, &reason), reason, "90");
  assert_reason (vigie_validate_latitude (-91, &reason), reason, NULL);
  assert_reason (vigie_validate_latitude (NAN, &reason), reason, NULL);
  g_assert_true (vigie_validate_longitude (-180, NULL));
  g_assert_true (vigie_validate_longitude (180, NULL));
  g_assert_true (vigie_validate_longitude (114.0579, NULL));
  g_assert_true (vigie_validate_latitude (114.0579, NULL) == FALSE);
  assert_reason (vigie_validate_longitude (180.5, &reason), reason, "180");
  assert_reason (vigie_validate_longitude (-200, &reason), reason, NULL);
}

static void
test_groups (void)
{
  const gint64 ok[] = { 600, 400, 0, 1000, -1 };
  const gint64 too_many[] = { 600, 1001 };
  const gint64 negative[] = { 600, -5 };
  char *reason = NULL;

  g_assert_true (vigie_validate_group_counts (1000, G_N_ELEMENTS (ok), ok, &reason));
  g_assert_null (reason);
  g_assert_true (vigie_validate_group_counts (1000, 0, NULL, NULL));
  /* unknown total: groups only checked for sign */
  g_assert_true (vigie_validate_group_counts (-1, G_N_ELEMENTS (too_many), too_many, NULL));
  assert_reason (vigie_validate_group_counts (1000, G_N_ELEMENTS (too_many), too_many, &reason),
                 reason, "1001");
  assert_reason (vigie_validate_group_counts (1000, G_N_ELEMENTS (negative), negative, &reason),
                 reason, NULL);
  assert_reason (vigie_validate_group_counts (-1, G_N_ELEMENTS (negative), negative, &reason),
                 reason, NULL);
  assert_reason (vigie_validate_group_counts (-7, 0, NULL, &reason), reason, NULL);
  g_assert_true (vigie_validate_group_counts (0, 1, (const gint64[]) { 0 }, NULL));
  g_assert_false (vigie_validate_group_counts (0, 1, (const gint64[]) { 1 }, NULL));
}

static void
test_currency (void)
{
  char *reason = NULL;

  g_assert_true (vigie_validate_currency ("EUR", NULL));
  g_assert_true (vigie_validate_currency ("CNY", NULL));
  g_assert_true (vigie_validate_currency ("USD", NULL));
  assert_reason (vigie_validate_currency ("eur", &reason), reason, "EUR");
  assert_reason (vigie_validate_currency ("EU", &reason), reason, NULL);
  assert_reason (vigie_validate_currency ("EURO", &reason), reason, NULL);
  assert_reason (vigie_validate_currency ("E1R", &reason), reason, NULL);
  assert_reason (vigie_validate_currency ("", &reason), reason, NULL);
  assert_reason (vigie_validate_currency (NULL, &reason), reason, NULL);
}

static void
test_hazard_codes (void)
{
  const char *valid[] = { "H200", "H225", "H300", "H350", "H350i", "H360Fd", "H360FD",
                          "H361fd", "H362", "H373", "H400", "H420", "EUH066", "EUH201A",
                          "EUH209A", "EUH401", "h300", "euh066" };
  const char *invalid[] = { "H999", "H3OO", "H", "300", "EUH", "EUH999", "H360X", "H350I",
                            "H360fd", "P280", "", "H300 ", "HH300", "H-300" };
  char *reason = NULL;
  g_auto(GStrv) parts = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_test_message ("valid hazard code “%s”", valid[i]);
      g_assert_true (vigie_validate_hazard_code (valid[i], NULL));
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("invalid hazard code “%s”", invalid[i]);
      assert_reason (vigie_validate_hazard_code (invalid[i], &reason), reason, NULL);
    }

  parts = vigie_hazard_split ("H300+H310+H330", &reason);
  g_assert_null (reason);
  g_assert_nonnull (parts);
  g_assert_cmpuint (g_strv_length (parts), ==, 3);
  g_assert_cmpstr (parts[0], ==, "H300");
  g_assert_cmpstr (parts[1], ==, "H310");
  g_assert_cmpstr (parts[2], ==, "H330");
  g_clear_pointer (&parts, g_strfreev);

  parts = vigie_hazard_split (" h315 + H319 +euh066 ", NULL);
  g_assert_nonnull (parts);
  g_assert_cmpuint (g_strv_length (parts), ==, 3);
  g_assert_cmpstr (parts[0], ==, "H315");
  g_assert_cmpstr (parts[2], ==, "EUH066");
  g_clear_pointer (&parts, g_strfreev);

  parts = vigie_hazard_split ("H360Fd", NULL);
  g_assert_nonnull (parts);
  g_assert_cmpuint (g_strv_length (parts), ==, 1);
  g_assert_cmpstr (parts[0], ==, "H360Fd");
  g_clear_pointer (&parts, g_strfreev);

  parts = vigie_hazard_split ("H300++H310", &reason);
  g_assert_null (parts);
  assert_reason (FALSE, reason, "H300++H310");
  parts = vigie_hazard_split ("H300+H999", &reason);
  g_assert_null (parts);
  assert_reason (FALSE, reason, "H999");
  parts = vigie_hazard_split ("H300+", &reason);
  g_assert_null (parts);
  assert_reason (FALSE, reason, NULL);
  parts = vigie_hazard_split ("", &reason);
  g_assert_null (parts);
  assert_reason (FALSE, reason, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/cas", test_cas);
  g_test_add_func ("/validate/os-id/check-char", test_os_id_check_char);
  g_test_add_func ("/validate/os-id", test_os_id);
  g_test_add_func ("/validate/dates", test_dates);
  g_test_add_func ("/validate/figures", test_figures);
  g_test_add_func ("/validate/groups", test_groups);
  g_test_add_func ("/validate/currency", test_currency);
  g_test_add_func ("/validate/hazard-codes", test_hazard_codes);

  return g_test_run ();
}

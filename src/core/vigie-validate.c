/* vigie-validate.c — pure checks of identifiers, dates and figures (DOMAIN.md rules).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "vigie-reference.h"
#include "vigie-validate.h"

#define CROCKFORD_ALPHABET "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

static gboolean fail (char       **reason,
                      const char  *format,
                      ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (char       **reason,
      const char  *format,
      ...)
{
  va_list args;

  if (reason == NULL)
    return FALSE;
  va_start (args, format);
  g_free (*reason);
  *reason = g_strdup_vprintf (format, args);
  va_end (args);
  return FALSE;
}

static gboolean
all_digits (const char *text,
            gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* ─── CAS Registry Number ──────────────────────────────────────────────────────────── */

gboolean
vigie_validate_cas (const char  *text,
                    char       **reason)
{
  const char *first_hyphen, *second_hyphen;
  gsize len, first_len;
  int sum = 0, weight = 1, check;

  if (text == NULL)
    text = "";
  len = strlen (text);
  first_hyphen = strchr (text, '-');
  first_len = first_hyphen != NULL ? (gsize) (first_hyphen - text) : 0;
  second_hyphen = first_hyphen != NULL ? first_hyphen + 3 : NULL;

  if (first_hyphen == NULL || first_len < 2 || first_len > 7 || len != first_len + 5
      || !all_digits (text, first_len) || !all_digits (first_hyphen + 1, 2)
      || *second_hyphen != '-' || !g_ascii_isdigit (second_hyphen[1]))
    return fail (reason, _("“%s” is not written like a CAS number: 2 to 7 digits, 2 digits "
                           "and a check digit separated by hyphens, such as 7732-18-5"), text);

  /* Digits right to left, without the check digit, weighted 1, 2, 3... */
  for (const char *p = second_hyphen - 1; p >= text; p--)
    {
      if (*p == '-')
        continue;
      sum += (*p - '0') * weight;
      weight++;
    }
  check = sum % 10;
  if (check != second_hyphen[1] - '0')
    return fail (reason, _("The check digit of CAS number %1$s is wrong: it should be %2$d"),
                 text, check);
  return TRUE;
}

/* ─── Open Supply Hub ID ───────────────────────────────────────────────────────────── */

static int
crockford_value (char c)
{
  const char *p;

  if (c == '\0')
    return -1;
  p = strchr (CROCKFORD_ALPHABET, c);
  return p != NULL ? (int) (p - CROCKFORD_ALPHABET) : -1;
}

char
vigie_os_id_check_char (const char *first14)
{
  guint sum;

  g_return_val_if_fail (first14 != NULL, '\0');

  /* Only the first 14 characters are read: FIRST14 need not end there (the demo passes an
   * ID being built, without its check character and terminator yet). */
  if (strnlen (first14, 14) < 14 || !g_ascii_isupper (first14[0])
      || !g_ascii_isupper (first14[1]))
    return '\0';
  sum = (guchar) first14[0] + (guchar) first14[1];
  for (int i = 2; i < 14; i++)
    {
      int v = crockford_value (first14[i]);

      if (v < 0)
        return '\0';
      sum += v;
    }
  return CROCKFORD_ALPHABET[sum % 32];
}

gboolean
vigie_validate_os_id (const char  *text,
                      char       **reason)
{
  char country[3] = { 0 };
  guint year, day, days_in_year;
  char expected;

  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL) || g_utf8_strlen (text, -1) != 15 || strlen (text) != 15)
    return fail (reason, _("An Open Supply Hub ID has 15 characters, not %ld"),
                 g_utf8_validate (text, -1, NULL) ? g_utf8_strlen (text, -1)
                                                  : (glong) strlen (text));

  if (!g_ascii_isupper (text[0]) || !g_ascii_isupper (text[1]))
    return fail (reason, _("An Open Supply Hub ID starts with a country code in capital "
                           "letters"));
  memcpy (country, text, 2);
  if (vigie_reference_country_name (country) == NULL)
    return fail (reason, _("“%s” at the start of the Open Supply Hub ID is not an ISO 3166-1 "
                           "country code"), country);

  if (!all_digits (text + 2, 7))
    return fail (reason, _("Characters 3 to 9 of an Open Supply Hub ID are the year and the "
                           "day of the year (YYYYDDD)"));
  year = (text[2] - '0') * 1000 + (text[3] - '0') * 100 + (text[4] - '0') * 10 + (text[5] - '0');
  day = (text[6] - '0') * 100 + (text[7] - '0') * 10 + (text[8] - '0');
  days_in_year = year >= 1 && g_date_is_leap_year (year) ? 366 : 365;
  if (year < 1 || day < 1 || day > days_in_year)
    return fail (reason, _("Day %1$u of year %2$u in the Open Supply Hub ID does not exist"),
                 day, year);

  for (int i = 9; i < 15; i++)
    if (crockford_value (text[i]) < 0)
      return fail (reason, _("Characters 10 to 15 of an Open Supply Hub ID are digits or "
                             "capital letters other than I, L, O and U"));

  expected = vigie_os_id_check_char (text);
  if (expected != text[14])
    return fail (reason, _("The last character of this Open Supply Hub ID should be %c: "
                           "the ID is probably mistyped"), expected);
  return TRUE;
}

/* ─── Dates ────────────────────────────────────────────────────────────────────────── */

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  guint year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-'
      || !all_digits (text, 4) || !all_digits (text + 5, 2) || !all_digits (text + 8, 2))
    return FALSE;
  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  if (year < 1 || month < 1 || month > 12 || day < 1
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

gboolean
vigie_validate_date (const char  *text,
                     char       **reason)
{
  GDate date;

  if (text == NULL)
    text = "";
  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-' || !all_digits (text, 4)
      || !all_digits (text + 5, 2) || !all_digits (text + 8, 2))
    return fail (reason, _("“%s” is not a date written YYYY-MM-DD"), text);
  if (!parse_date (text, &date))
    return fail (reason, _("%s is not a real calendar date"), text);
  return TRUE;
}

gboolean
vigie_validate_date_range (const char  *start,
                           const char  *end,
                           char       **reason)
{
  GDate start_date, end_date;
  gboolean has_start = start != NULL && start[0] != '\0';
  gboolean has_end = end != NULL && end[0] != '\0';

  if (has_start && !vigie_validate_date (start, reason))
    return FALSE;
  if (has_end && !vigie_validate_date (end, reason))
    return FALSE;
  if (!has_start || !has_end)
    return TRUE;
  parse_date (start, &start_date);
  parse_date (end, &end_date);
  if (g_date_compare (&end_date, &start_date) < 0)
    return fail (reason, _("The date %1$s is before the start date %2$s"), end, start);
  return TRUE;
}

/* ─── Figures ──────────────────────────────────────────────────────────────────────── */

gboolean
vigie_validate_percentage (double   value,
                           char   **reason)
{
  if (isnan (value) || value < 0.0 || value > 100.0)
    return fail (reason, _("A percentage is between 0 and 100"));
  return TRUE;
}

gboolean
vigie_validate_latitude (double   value,
                         char   **reason)
{
  if (isnan (value) || value < -90.0 || value > 90.0)
    return fail (reason, _("A latitude is between -90 and 90 degrees"));
  return TRUE;
}

gboolean
vigie_validate_longitude (double   value,
                          char   **reason)
{
  if (isnan (value) || value < -180.0 || value > 180.0)
    return fail (reason, _("A longitude is between -180 and 180 degrees"));
  return TRUE;
}

gboolean
vigie_validate_group_counts (gint64         total,
                             guint          n_groups,
                             const gint64  *groups,
                             char         **reason)
{
  g_return_val_if_fail (n_groups == 0 || groups != NULL, FALSE);

  if (total < -1)
    return fail (reason, _("The number of workers cannot be negative"));
  for (guint i = 0; i < n_groups; i++)
    {
      if (groups[i] == -1)
        continue;
      if (groups[i] < 0)
        return fail (reason, _("The number of workers cannot be negative"));
      if (total >= 0 && groups[i] > total)
        return fail (reason, _("A group of %1$lld workers cannot be larger than the total of "
                               "%2$lld"), (long long) groups[i], (long long) total);
    }
  return TRUE;
}

gboolean
vigie_validate_currency (const char  *text,
                         char       **reason)
{
  if (text == NULL || strlen (text) != 3 || !g_ascii_isupper (text[0])
      || !g_ascii_isupper (text[1]) || !g_ascii_isupper (text[2]))
    return fail (reason, _("A currency is a three-letter ISO 4217 code in capitals, such as "
                           "EUR or USD"));
  return TRUE;
}

/* ─── Hazard statement codes ───────────────────────────────────────────────────────── */

/* "h300" → "H300", "euh066" → "EUH066"; the suffix letters are kept as written. NULL when
 * TEXT does not start with H or EUH followed by a digit. */
static char *
canonical_hazard_code (const char *text)
{
  if (g_ascii_strncasecmp (text, "EUH", 3) == 0 && g_ascii_isdigit (text[3]))
    return g_strconcat ("EUH", text + 3, NULL);
  if ((text[0] == 'H' || text[0] == 'h') && g_ascii_isdigit (text[1]))
    return g_strconcat ("H", text + 1, NULL);
  return NULL;
}

gboolean
vigie_validate_hazard_code (const char  *text,
                            char       **reason)
{
  g_autofree char *code = NULL;

  if (text == NULL)
    text = "";
  code = canonical_hazard_code (text);
  if (code == NULL || !vigie_reference_is_hazard_code (code))
    return fail (reason, _("“%s” is not a GHS or EUH hazard statement code"), text);
  return TRUE;
}

char **
vigie_hazard_split (const char  *text,
                    char       **reason)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;

  if (text == NULL || text[0] == '\0')
    {
      fail (reason, _("The hazard statement code is empty"));
      return NULL;
    }

  parts = g_strsplit (text, "+", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *code = NULL;
      char *part = g_strstrip (parts[i]);

      if (part[0] == '\0')
        {
          fail (reason, _("“%s” has an empty part between “+” signs"), text);
          return NULL;
        }
      if (!vigie_validate_hazard_code (part, reason))
        return NULL;
      code = canonical_hazard_code (part);
      g_strv_builder_add (builder, code);
    }
  return g_strv_builder_end (builder);
}

/* vigie-util.c — clock, identifiers and text normalisation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "vigie-util.h"

#include <stdio.h>
#include <string.h>

char *
vigie_today_iso (void)
{
  const char *pinned = g_getenv ("VIGIE_TODAY");
  g_autoptr(GDateTime) now = NULL;

  if (pinned != NULL && strlen (pinned) == 10)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_parse (&date, pinned);
      if (g_date_valid (&date))
        return g_strdup (pinned);
    }

  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

GDate *
vigie_today (void)
{
  g_autofree char *iso = vigie_today_iso ();
  int y = 0, m = 0, d = 0;

  if (sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return g_date_new_dmy (1, 1, 2000);
  return g_date_new_dmy (d, m, y);
}

char *
vigie_now_iso (void)
{
  const char *pinned = g_getenv ("VIGIE_NOW");
  g_autoptr(GDateTime) now = NULL;

  if (pinned != NULL && *pinned != '\0')
    return g_strdup (pinned);

  now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

char *
vigie_uuid_new (void)
{
  return g_uuid_string_random ();
}

char *
vigie_normalise_text (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  GString *out;
  gboolean pending_space = FALSE;

  if (text == NULL)
    return g_strdup ("");

  folded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK
          || type == G_UNICODE_ENCLOSING_MARK)
        continue;

      if (g_unichar_isalnum (c))
        {
          if (pending_space && out->len > 0)
            g_string_append_c (out, ' ');
          pending_space = FALSE;
          g_string_append_unichar (out, c);
        }
      else
        pending_space = TRUE;
    }
  return g_string_free (out, FALSE);
}

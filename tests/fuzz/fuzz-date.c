/* fuzz-date.c — the date parser and validators on any text.
 *
 * The input is split at its first newline into two dates. Properties: a date accepted by
 * vigie_validate_date is YYYY-MM-DD and a real calendar day (checked here with GDate); a
 * range is accepted only when both ends are valid or empty and the end is not before the
 * start.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "vigie-validate.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  return 0;
}

/* The day TEXT names, as a GDate Julian day, or 0. */
static guint32
julian (const char *text)
{
  GDate date;
  guint year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return 0;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return 0;
  year = (guint) atoi (text);
  month = (guint) atoi (text + 5);
  day = (guint) atoi (text + 8);
  if (year < 1 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return 0;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  char *end = strchr (text, '\n');
  const char *start = text;
  g_autofree char *reason = NULL;
  g_autofree char *range_reason = NULL;
  guint32 j_start, j_end;
  gboolean start_ok, end_ok, range_ok;

  if (end != NULL)
    *end++ = '\0';

  start_ok = vigie_validate_date (start, &reason);
  j_start = julian (start);
  FUZZ_ASSERT (start_ok == (j_start != 0));
  FUZZ_ASSERT (start_ok == (reason == NULL));

  if (end != NULL)
    {
      end_ok = vigie_validate_date (end, NULL);
      j_end = julian (end);
      FUZZ_ASSERT (end_ok == (j_end != 0));
      range_ok = vigie_validate_date_range (start, end, &range_reason);
      FUZZ_ASSERT (range_ok == (range_reason == NULL));
      FUZZ_ASSERT (range_ok == ((start[0] == '\0' || start_ok) && (end[0] == '\0' || end_ok)
                                && (start[0] == '\0' || end[0] == '\0' || j_end >= j_start)));
    }
  return 0;
}

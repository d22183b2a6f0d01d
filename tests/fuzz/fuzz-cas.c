/* fuzz-cas.c — the CAS Registry Number validator on any text.
 *
 * Properties: a number it accepts is 2-7 digits, 2 digits and a check digit separated by
 * hyphens, with the right check digit (recomputed here independently); a refusal comes
 * with a reason in valid UTF-8 when the input was UTF-8.
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

static gboolean
really_cas (const char *text)
{
  gsize len = strlen (text);
  int sum = 0, weight = 1;

  if (len < 7 || len > 12 || text[len - 2] != '-' || text[len - 5] != '-')
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (i != len - 2 && i != len - 5 && !g_ascii_isdigit (text[i]))
      return FALSE;
  for (gssize i = (gssize) len - 3; i >= 0; i--)
    {
      if (text[i] == '-')
        continue;
      sum += (text[i] - '0') * weight++;
    }
  return sum % 10 == text[len - 1] - '0';
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *reason = NULL;
  gboolean valid = vigie_validate_cas (text, &reason);

  FUZZ_ASSERT (valid == really_cas (text));
  FUZZ_ASSERT (valid == (reason == NULL));
  if (!valid && g_utf8_validate (text, -1, NULL))
    FUZZ_ASSERT (g_utf8_validate (reason, -1, NULL));
  FUZZ_ASSERT (vigie_validate_cas (text, NULL) == valid);
  return 0;
}

/* fuzz-os-id.c — the Open Supply Hub ID validator and its check character on any text.
 *
 * Properties: an ID it accepts has 15 characters, a known country code, a real day of a
 * year, Crockford base-32 characters and the check character vigie_os_id_check_char()
 * computes; the check character of any 14 characters is '\0' or a Crockford symbol.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "vigie-core-resources.h"
#include "vigie-validate.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* The country codes come from the resource bundle of libvigie-core. */
  if (vigie_core_get_resource () == NULL)
    abort ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *reason = NULL;
  gboolean valid = vigie_validate_os_id (text, &reason);
  char check = vigie_os_id_check_char (text);

  FUZZ_ASSERT (valid == (reason == NULL));
  FUZZ_ASSERT (check == '\0' || strchr ("0123456789ABCDEFGHJKMNPQRSTVWXYZ", check) != NULL);
  if (valid)
    {
      FUZZ_ASSERT (strlen (text) == 15);
      FUZZ_ASSERT (g_ascii_isupper (text[0]) && g_ascii_isupper (text[1]));
      for (int i = 2; i < 9; i++)
        FUZZ_ASSERT (g_ascii_isdigit (text[i]));
      FUZZ_ASSERT (check != '\0' && check == text[14]);
    }
  else if (g_utf8_validate (text, -1, NULL))
    FUZZ_ASSERT (g_utf8_validate (reason, -1, NULL));
  return 0;
}

/* bench-demo-driver.c — calls vigie_demo_generate() directly, for bench-demo.sh when the
 * command-line tool is not built. Usage: bench-demo-driver DATABASE SITES FINDINGS [SEED]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

#include "vigie-demo.h"

static void
on_progress (double      fraction,
             const char *stage,
             gpointer    user_data)
{
  fprintf (stderr, "\r%3.0f %% %s   ", fraction * 100.0, stage);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieStore) store = NULL;
  VigieDemoOptions options = { 200, 2000, 1, NULL };

  if (argc < 4)
    {
      fprintf (stderr, "usage: %s DATABASE SITES FINDINGS [SEED]\n", argv[0]);
      return 2;
    }
  options.n_sites = (guint) strtoul (argv[2], NULL, 10);
  options.n_findings = (guint) strtoul (argv[3], NULL, 10);
  if (argc > 4)
    options.seed = g_ascii_strtoull (argv[4], NULL, 10);

  store = vigie_store_open (argv[1], &error);
  if (store == NULL || !vigie_demo_generate (store, &options, on_progress, NULL, NULL, &error))
    {
      fprintf (stderr, "\n%s\n", error->message);
      return 1;
    }
  fprintf (stderr, "\n");
  return 0;
}

/* bench-demo-driver.c — calls vigie_demo_generate() directly, for bench-demo.sh when the
 * command-line tool is not built. Usage: bench-demo-driver DATABASE SITES FINDINGS [SEED]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "vigie-demo.h"

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/* Prints each stage with the wall and CPU time it took, so a slow stage stands out. */
static void
on_progress (double      fraction G_GNUC_UNUSED,
             const char *stage,
             gpointer    user_data G_GNUC_UNUSED)
{
  static char *last_stage = NULL;
  static gint64 stage_start = 0;
  static double cpu_start = 0;
  gint64 now = g_get_monotonic_time ();
  double cpu = cpu_seconds ();

  if (last_stage == NULL || g_strcmp0 (last_stage, stage) != 0)
    {
      if (last_stage != NULL)
        fprintf (stderr, "%-24s %8.2f s wall %8.2f s CPU\n", last_stage,
                 (now - stage_start) / 1e6, cpu - cpu_start);
      g_free (last_stage);
      last_stage = g_strdup (stage);
      stage_start = now;
      cpu_start = cpu;
    }
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
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  on_progress (1.0, "", NULL);
  return 0;
}

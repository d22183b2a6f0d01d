/* bench-findings-driver.c — what the Findings page does to open and to search, timed in
 * process: open the dataset, run the id query (every id in order), build the rows of the
 * first screenful. Prints "<seconds> <n ids>" per run.
 *
 *   bench-findings-driver DB [SEARCH-WORDS]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include "vigie-finding-list.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieStore) store = NULL;
  g_autoptr(VigieFindingList) list = NULL;
  g_autoptr(VigieFindingQuery) query = vigie_finding_query_new ();
  gint64 start;
  guint n;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-findings-driver DB [SEARCH]\n");
      return 2;
    }
  start = g_get_monotonic_time ();
  store = vigie_store_open (argv[1], &error);
  if (store == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  if (argc > 2)
    query->search = g_strdup (argv[2]);
  list = vigie_finding_list_new (store);
  if (!vigie_finding_list_set_query (list, query, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  /* The first screenful of rows, as the column view binds them. */
  for (guint i = 0; i < MIN (n, 40u); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  printf ("%.4f %u\n", (g_get_monotonic_time () - start) / 1e6, n);
  return 0;
}

/* bench-findings-driver.c — what the Findings page does, timed in process, for
 * bench-findings.sh. The dataset is opened first and not timed (the page works on an open
 * dataset); each run is a new process, so SQLite's page cache starts cold (the system's
 * file cache is warm), like the sqlite3 shell the script compares with.
 *
 *   bench-findings-driver DB search WORDS [ROWS]
 *       the list's query for WORDS (newest first), then the first ROWS rows (default 100)
 *       built as the column view binds them. Prints "search <s> <n_items> <complete>",
 *       then the ids of those rows, one a line, to stdout.
 *   bench-findings-driver DB sort SORT [ROWS]
 *       the list loaded in its default order (not timed, and complete), then sorted by
 *       SORT (title, site, severity, status, theme, workers, open-actions, disclosure):
 *       "first <s>" when the first ROWS rows (default 100) are built, "complete <s>" when
 *       every id is in order, then the count.
 *   bench-findings-driver DB sql search WORDS | sql sort SORT
 *       prints the list's id query (vigie_finding_query_build_sql) with the FTS
 *       expression in place of ?1, for the sqlite3 shell.
 *   bench-findings-driver DB open [ROWS]
 *       open included: the dataset opened and the default list's first ROWS rows (40).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "vigie-finding-list.h"
#include "vigie-site-list.h"

static const struct
{
  const char       *name;
  VigieFindingSort  sort;
} sorts[] = {
  { "first-observed", VIGIE_FINDING_SORT_FIRST_OBSERVED },
  { "site", VIGIE_FINDING_SORT_SITE },
  { "title", VIGIE_FINDING_SORT_TITLE },
  { "theme", VIGIE_FINDING_SORT_THEME },
  { "severity", VIGIE_FINDING_SORT_SEVERITY },
  { "status", VIGIE_FINDING_SORT_STATUS },
  { "disclosure", VIGIE_FINDING_SORT_DISCLOSURE },
  { "workers", VIGIE_FINDING_SORT_WORKERS },
  { "open-actions", VIGIE_FINDING_SORT_OPEN_ACTIONS },
};

static VigieFindingSort
parse_sort (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    if (strcmp (name, sorts[i].name) == 0)
      return sorts[i].sort;
  fprintf (stderr, "unknown order %s\n", name);
  exit (2);
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

static void
build_rows (VigieFindingList *list,
            guint             rows,
            gboolean          print)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < MIN (n, rows); i++)
    {
      g_autoptr(VigieFindingRow) row = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (print)
        printf ("%" G_GINT64_FORMAT "\n", vigie_finding_row_get_id (row));
    }
}

static void
die (GError *error)
{
  fprintf (stderr, "%s\n", error->message);
  exit (1);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieStore) store = NULL;
  g_autoptr(VigieFindingList) list = NULL;
  g_autoptr(VigieFindingQuery) query = vigie_finding_query_new ();
  const char *mode;
  gint64 start;

  if (argc < 3)
    {
      fprintf (stderr, "usage: bench-findings-driver DB search WORDS [ROWS] | sort SORT [ROWS]"
                       " | sql search WORDS | sql sort SORT | open [ROWS]\n");
      return 2;
    }
  mode = argv[2];

  if (strcmp (mode, "sql") == 0 && argc > 4)
    {
      g_autofree char *match = NULL;
      g_autofree char *sql = NULL;
      g_autoptr(GString) out = NULL;

      if (strcmp (argv[3], "search") == 0)
        query->search = g_strdup (argv[4]);
      else
        {
          query->sort = parse_sort (argv[4]);
          query->descending = FALSE;
        }
      match = vigie_site_query_build_match (query->search);
      sql = vigie_finding_query_build_sql (query, match != NULL);
      out = g_string_new (sql);
      if (match != NULL)
        {
          char *quoted = sqlite3_mprintf ("%Q", match);

          g_string_replace (out, "?1", quoted, 0);
          sqlite3_free (quoted);
        }
      printf ("%s\n", out->str);
      return 0;
    }

  start = g_get_monotonic_time ();
  store = vigie_store_open (argv[1], &error);
  if (store == NULL)
    die (error);
  list = vigie_finding_list_new (store);

  if (strcmp (mode, "open") == 0)
    {
      guint rows = argc > 3 ? (guint) atoi (argv[3]) : 40;

      if (!vigie_finding_list_set_query (list, query, &error))
        die (error);
      build_rows (list, rows, FALSE);
      printf ("open %.4f %u\n", seconds_since (start), g_list_model_get_n_items (G_LIST_MODEL (list)));
      return 0;
    }

  if (strcmp (mode, "search") == 0 && argc > 3)
    {
      guint rows = argc > 4 ? (guint) atoi (argv[4]) : 100;
      g_autoptr(GString) ids = g_string_new (NULL);
      double seconds;

      query->search = g_strdup (argv[3]);
      start = g_get_monotonic_time ();
      if (!vigie_finding_list_set_query (list, query, &error))
        die (error);
      build_rows (list, rows, FALSE);
      seconds = seconds_since (start);
      printf ("search %.4f %u %d\n", seconds, g_list_model_get_n_items (G_LIST_MODEL (list)),
              vigie_finding_list_is_complete (list));
      build_rows (list, rows, TRUE);
      return 0;
    }

  if (strcmp (mode, "sort") == 0 && argc > 3)
    {
      guint rows = argc > 4 ? (guint) atoi (argv[4]) : 100;
      double first, complete;

      if (!vigie_finding_list_set_query (list, query, &error))
        die (error);
      build_rows (list, 40, FALSE);
      vigie_finding_list_wait_complete (list);

      query->sort = parse_sort (argv[3]);
      query->descending = FALSE;
      start = g_get_monotonic_time ();
      if (!vigie_finding_list_set_query (list, query, &error))
        die (error);
      build_rows (list, rows, FALSE);
      first = seconds_since (start);
      if (!vigie_finding_list_wait_complete (list))
        {
          fprintf (stderr, "the list could not be completed\n");
          return 1;
        }
      complete = seconds_since (start);
      printf ("first %.4f\ncomplete %.4f\nitems %u\n", first, complete,
              g_list_model_get_n_items (G_LIST_MODEL (list)));
      return 0;
    }

  fprintf (stderr, "unknown mode %s\n", mode);
  return 2;
}

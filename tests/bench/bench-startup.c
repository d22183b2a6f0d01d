/* bench-startup.c — `vigie --database DATASET` as src/app/main.c starts it (same
 * application class, same startup and activation), with the Findings page chosen as the
 * visible page when the window is created. Prints, on the frame clock's "after-paint" of
 * the first frame in which the Findings page's column view holds rows, the wall-clock time
 * in microseconds since the epoch (g_get_real_time), then quits. bench-startup.sh takes
 * the time just before it starts the process, so the difference covers everything: loading
 * the program and its libraries, GTK and libadwaita start-up, the window, opening the
 * dataset, every page's loading, and the first drawn frame.
 *
 * Output lines ("name value unit"):
 *   first_frame_us  <epoch µs>     the frame that drew the Findings rows
 *   rows            <n>            findings in the list at that frame
 *   main_cpu_ms     <ms>           CPU time of the main thread to that frame
 *   main_blocked_ms <ms>           the longest gap between two frames after the first
 *                                  one, until the list is complete (BENCH_WATCH_MS)
 *   page_blocked_ms <ms> NAME      with BENCH_PAGES=overview,chemicals,…: afterwards each
 *                                  page is shown in turn (built and loaded the first time)
 *                                  and this is the longest gap between two frames in the
 *                                  BENCH_PAGE_MS (default 4000) after it was asked for
 *   page_rss_mib    <MiB> NAME     the resident set at the end of that page's wait (what
 *                                  the process keeps once the page has loaded)
 *
 * Usage: bench-startup DATASET
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "vigie-application.h"
#include "vigie-findings-page.h"
#include "vigie-window.h"

typedef struct
{
  GtkApplication *app;
  GtkColumnView  *view;
  GdkFrameClock  *clock;
  gulong          handler;
  gint64          first_frame;   /* monotonic µs of the frame with rows; 0 = not yet */
  gint64          last_paint;
  gint64          longest_gap;
  gint64          watch_until;
  GtkWidget      *window;
  char          **pages;         /* BENCH_PAGES: shown one after the other afterwards */
  guint           page;          /* index in pages of the page watched, + 1 */
  gint64          page_watch_us;
} Bench;

/* Shows the next page of BENCH_PAGES and watches the main loop for a while; FALSE when
 * every page has been shown. */
static gboolean
next_page (Bench *bench,
           gint64 now)
{
  if (bench->pages == NULL || bench->pages[bench->page] == NULL)
    return FALSE;
  bench->longest_gap = 0;
  bench->last_paint = now;
  bench->watch_until = now + bench->page_watch_us;
  vigie_window_show_page (VIGIE_WINDOW (bench->window), bench->pages[bench->page++]);
  return TRUE;
}

/* VmRSS of this process, in MiB (0 when /proc cannot be read). */
static double
resident_mib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (line = strstr (status, "VmRSS:")) == NULL)
    return 0;
  return g_ascii_strtod (line + 6, NULL) / 1024.0;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (bench->view));
  gint64 now = g_get_monotonic_time ();

  if (bench->first_frame == 0)
    {
      /* BENCH_VERBOSE: every frame until the one with rows. */
      if (g_getenv ("BENCH_VERBOSE") != NULL)
        printf ("frame_us %" G_GINT64_FORMAT " us (model %s, %u rows)\n", g_get_real_time (),
                model != NULL ? "set" : "not set",
                model != NULL ? g_list_model_get_n_items (model) : 0);
      /* The column view gets its model in the update phase of a frame once it has a size
       * (vigie_column_view_set_model_when_mapped), and builds its rows when it is
       * allocated in the same frame: a model here means this frame drew rows. */
      if (model == NULL || g_list_model_get_n_items (model) == 0
          || !gtk_widget_get_mapped (GTK_WIDGET (bench->view)))
        return;
      bench->first_frame = now;
      bench->last_paint = now;
      printf ("first_frame_us %" G_GINT64_FORMAT " us\n", g_get_real_time ());
      printf ("rows %u count\n", g_list_model_get_n_items (model));
      {
        struct timespec ts;

        /* CPU time of the main thread to this frame: steadier than the wall clock on a
         * shared machine. */
        clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
        printf ("main_cpu_ms %.1f ms\n", ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6);
      }
      fflush (stdout);
      if (bench->watch_until <= 0)
        {
          if (next_page (bench, now))
            {
              gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
              return;
            }
          g_application_quit (G_APPLICATION (bench->app));
          return;
        }
      bench->watch_until += now;
      return;
    }

  /* Afterwards: the main loop must keep drawing (a spinner or a tick keeps frames coming);
   * the longest gap between two frames is the longest time it was blocked. */
  bench->longest_gap = MAX (bench->longest_gap, now - bench->last_paint);
  bench->last_paint = now;
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  if (now >= bench->watch_until)
    {
      if (bench->page > 0)
        {
          printf ("page_blocked_ms %.1f ms %s\n", bench->longest_gap / 1000.0,
                  bench->pages[bench->page - 1]);
          printf ("page_rss_mib %.0f MiB %s\n", resident_mib (),
                  bench->pages[bench->page - 1]);
        }
      else
        printf ("main_blocked_ms %.1f ms\n", bench->longest_gap / 1000.0);
      fflush (stdout);
      if (!next_page (bench, now))
        g_application_quit (G_APPLICATION (bench->app));
    }
}

static void
mark (const char *what)
{
  if (g_getenv ("BENCH_VERBOSE") != NULL)
    printf ("%s_us %" G_GINT64_FORMAT " us\n", what, g_get_real_time ());
}

static void
realize_cb (GtkWidget *window,
            Bench     *bench)
{
  mark ("realize");
  bench->clock = gtk_widget_get_frame_clock (window);
  bench->handler = g_signal_connect (bench->clock, "after-paint", G_CALLBACK (after_paint_cb),
                                     bench);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 Bench          *bench)
{
  GtkWidget *page;

  if (!VIGIE_IS_WINDOW (window) || bench->view != NULL)
    return;
  mark ("window");
  bench->window = GTK_WIDGET (window);
  vigie_window_show_page (VIGIE_WINDOW (window), "findings");
  page = vigie_window_get_page (VIGIE_WINDOW (window), "findings");
  bench->view = vigie_findings_page_get_column_view (VIGIE_FINDINGS_PAGE (page));
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), bench);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(VigieApplication) app = NULL;
  const char *watch = g_getenv ("BENCH_WATCH_MS");
  char *args[4];
  Bench bench = { 0 };
  int status;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s DATASET\n", argv[0]);
      return 2;
    }
  mark ("main");
  /* As src/app/main.c. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  bench.watch_until = watch != NULL ? g_ascii_strtoll (watch, NULL, 10) * 1000 : 0;
  if (g_getenv ("BENCH_PAGES") != NULL)
    bench.pages = g_strsplit (g_getenv ("BENCH_PAGES"), ",", -1);
  bench.page_watch_us = (g_getenv ("BENCH_PAGE_MS") != NULL
                         ? g_ascii_strtoll (g_getenv ("BENCH_PAGE_MS"), NULL, 10) : 4000) * 1000;
  /* Not unique: no D-Bus name to wait for, and no other instance to hand over to. */
  app = vigie_application_new (APP_ID ".Bench", G_APPLICATION_HANDLES_OPEN
                                                | G_APPLICATION_NON_UNIQUE);
  bench.app = GTK_APPLICATION (app);
  g_signal_connect_swapped (app, "startup", G_CALLBACK (mark), (gpointer) "startup");
  g_signal_connect_swapped (app, "activate", G_CALLBACK (mark), (gpointer) "activate");
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), &bench);
  args[0] = argv[0];
  args[1] = (char *) "--database";
  args[2] = argv[1];
  args[3] = NULL;
  status = g_application_run (G_APPLICATION (app), 3, args);
  if (bench.first_frame == 0)
    {
      fprintf (stderr, "bench-startup: the Findings page never drew rows\n");
      return 1;
    }
  g_strfreev (bench.pages);
  return status;
}

/* bench-factories.c — opens Vigie on a dataset, shows the Factories page and scrolls
 * through it, printing the time to the first drawn frame of the page and the frame-to-frame
 * times while scrolling (page steps, with a far jump every tenth frame like a scrollbar drag).
 *
 * Usage: bench-factories DATASET [STEPS]
 * Prints "name value unit" lines. Not a test: the numbers go to tests/bench/RESULTS.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <locale.h>
#include <stdlib.h>

#include "vigie-application.h"
#include "vigie-factories-private.h"
#include "vigie-window.h"

typedef struct
{
  GMainLoop     *loop;
  GtkAdjustment *vadj;
  GArray        *frame_us;   /* gint64 µs between consecutive frames while scrolling */
  gint64         start;
  gint64         last_frame;
  double         first_frame_ms;
  guint          steps;
  guint          step;
} Bench;

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Bench *bench = user_data;
  gint64 now = g_get_monotonic_time ();
  double upper, page;

  if (bench->first_frame_ms < 0)
    {
      /* The first tick comes after the first frame of the mapped column view. */
      bench->first_frame_ms = (now - bench->start) / 1000.0;
      bench->last_frame = now;
      return G_SOURCE_CONTINUE;
    }

  if (bench->step > 0)
    {
      gint64 delta = now - bench->last_frame;
      g_array_append_val (bench->frame_us, delta);
    }
  bench->last_frame = now;

  if (bench->step >= bench->steps)
    {
      g_main_loop_quit (bench->loop);
      return G_SOURCE_REMOVE;
    }

  upper = gtk_adjustment_get_upper (bench->vadj);
  page = gtk_adjustment_get_page_size (bench->vadj);
  if (bench->step % 10 == 9)
    gtk_adjustment_set_value (bench->vadj,
                              (upper - page) * (double) ((bench->step * 7919) % 1000) / 1000.0);
  else
    gtk_adjustment_set_value (bench->vadj, gtk_adjustment_get_value (bench->vadj) + page);
  bench->step++;
  return G_SOURCE_CONTINUE;
}

static double
percentile (GArray *values,
            double  p)
{
  guint i;

  if (values->len == 0)
    return 0;
  i = (guint) (p * (values->len - 1) + 0.5);
  return g_array_index (values, gint64, i) / 1000.0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(VigieApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  VigieWindow *window;
  VigieFactoriesPage *page;
  GtkWidget *view, *scrolled;
  GListModel *model;
  Bench bench = { 0 };

  setlocale (LC_ALL, "");
  if (argc < 2)
    {
      g_printerr ("usage: %s DATASET [STEPS]\n", argv[0]);
      return 2;
    }
  bench.steps = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 200;
  bench.first_frame_ms = -1;
  bench.frame_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench.loop = g_main_loop_new (NULL, FALSE);

  gtk_init ();
  adw_init ();
  app = vigie_application_new ("io.github.vigie.Vigie.Bench", G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);

  bench.start = g_get_monotonic_time ();
  window = vigie_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  if (g_getenv ("BENCH_PRESENT_FIRST") != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
    }
  if (!vigie_window_open_database (window, argv[1]))
    return 1;
  g_print ("open_database %.1f ms\n", (g_get_monotonic_time () - bench.start) / 1000.0);
  vigie_window_show_page (window, "factories");
  gtk_window_present (GTK_WINDOW (window));

  page = VIGIE_FACTORIES_PAGE (vigie_window_get_page (window, "factories"));
  view = GTK_WIDGET (vigie_factories_page_get_column_view (page));
  scrolled = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
  bench.vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  /* Wait for the list query (it runs in a thread) before measuring the first frame. */
  while (vigie_factories_page_get_busy (page)
         || gtk_column_view_get_model (GTK_COLUMN_VIEW (view)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_print ("list_ready %.1f ms\n", (g_get_monotonic_time () - bench.start) / 1000.0);
  model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));

  gtk_widget_add_tick_callback (GTK_WIDGET (window), tick_cb, &bench, NULL);
  g_main_loop_run (bench.loop);

  g_array_sort (bench.frame_us, compare_gint64);
  g_print ("rows %u count\n", g_list_model_get_n_items (model));
  g_print ("first_frame %.1f ms\n", bench.first_frame_ms);
  g_print ("scroll_frames %u count\n", bench.frame_us->len);
  g_print ("frame_median %.1f ms\n", percentile (bench.frame_us, 0.5));
  g_print ("frame_p95 %.1f ms\n", percentile (bench.frame_us, 0.95));
  g_print ("frame_max %.1f ms\n", percentile (bench.frame_us, 1.0));

  gtk_window_destroy (GTK_WINDOW (window));
  g_array_unref (bench.frame_us);
  g_main_loop_unref (bench.loop);
  return 0;
}

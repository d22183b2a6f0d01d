/* bench-startup-reference.c — the reference of bench-startup.sh: a bare libadwaita
 * application whose window has a header bar with a view switcher over a view stack of six
 * pages (the pages of Vigie, each a status page), nothing else. Prints the wall-clock time
 * of its first drawn frame (after-paint) in microseconds since the epoch, then quits.
 *
 * Usage: bench-startup-reference
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <stdio.h>
#include <time.h>

static void
after_paint_cb (GdkFrameClock  *clock,
                GtkApplication *app)
{
  struct timespec ts;

  printf ("first_frame_us %" G_GINT64_FORMAT " us\n", g_get_real_time ());
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  printf ("main_cpu_ms %.1f ms\n", ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6);
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, app);
  g_application_quit (G_APPLICATION (app));
}

static void
realize_cb (GtkWidget      *window,
            GtkApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), app);
}

static void
activate_cb (GtkApplication *app)
{
  static const char *const pages[][3] = {
    { "overview", "Overview", "view-grid-symbolic" },
    { "factories", "Factories", "network-workgroup-symbolic" },
    { "findings", "Findings", "dialog-warning-symbolic" },
    { "chemicals", "Chemicals", "applications-science-symbolic" },
    { "remediation", "Remediation", "task-due-symbolic" },
    { "buyers", "Buyers", "system-users-symbolic" },
  };
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title = adw_view_switcher_title_new ();
  GtkWidget *stack = adw_view_stack_new ();
  GtkWidget *bar = adw_view_switcher_bar_new ();

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page = adw_status_page_new ();

      adw_status_page_set_title (ADW_STATUS_PAGE (page), pages[i][1]);
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), pages[i][2]);
      adw_view_stack_add_titled_with_icon (ADW_VIEW_STACK (stack), page, pages[i][0],
                                           pages[i][1], pages[i][2]);
    }
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "findings");
  adw_view_switcher_title_set_stack (ADW_VIEW_SWITCHER_TITLE (title), ADW_VIEW_STACK (stack));
  adw_view_switcher_title_set_title (ADW_VIEW_SWITCHER_TITLE (title), "Reference");
  adw_view_switcher_bar_set_stack (ADW_VIEW_SWITCHER_BAR (bar), ADW_VIEW_STACK (stack));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_widget_set_vexpand (stack, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), stack);
  gtk_box_append (GTK_BOX (box), bar);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);  /* Vigie's default */
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.vigie.BenchReference",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}

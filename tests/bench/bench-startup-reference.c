/* bench-startup-reference.c — the reference of bench-startup.sh: a bare libadwaita
 * application whose window has a header bar with a view switcher over a view stack of six
 * pages (the pages of Vigie, each a status page), nothing else. Prints the wall-clock time
 * of its first drawn frame (after-paint) in microseconds since the epoch, then quits.
 *
 * With BENCH_LIST_ROWS=N (and BENCH_LIST_COLUMNS=C, default 9), the Findings page is a
 * column view of N rows and C text columns instead (GtkInscription cells, the text made
 * when GTK asks for a row, no database): what GTK 4.8 itself spends to show a list of that
 * many rows, the floor under Vigie's Findings page.
 *
 * Usage: bench-startup-reference
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <stdio.h>
#include <time.h>

/* ─── A list of N rows made on demand ───────────────────────────────────── */

#define BENCH_TYPE_ROWS (bench_rows_get_type ())
G_DECLARE_FINAL_TYPE (BenchRows, bench_rows, BENCH, ROWS, GObject)

struct _BenchRows
{
  GObject parent_instance;
  guint   n_items;
};

static GType
bench_rows_get_item_type (GListModel *model)
{
  return GTK_TYPE_STRING_OBJECT;
}

static guint
bench_rows_get_n_items (GListModel *model)
{
  return BENCH_ROWS (model)->n_items;
}

static gpointer
bench_rows_get_item (GListModel *model,
                     guint       position)
{
  char text[64];

  if (position >= BENCH_ROWS (model)->n_items)
    return NULL;
  g_snprintf (text, sizeof text, "Finding %u at a site of the supply chain", position + 1);
  return gtk_string_object_new (text);
}

static void
bench_rows_model_init (GListModelInterface *iface)
{
  iface->get_item_type = bench_rows_get_item_type;
  iface->get_n_items = bench_rows_get_n_items;
  iface->get_item = bench_rows_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (BenchRows, bench_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, bench_rows_model_init))

static void
bench_rows_class_init (BenchRowsClass *klass)
{
}

static void
bench_rows_init (BenchRows *self)
{
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_list_item_set_child (item, cell);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkStringObject *row = gtk_list_item_get_item (item);

  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)),
                            gtk_string_object_get_string (row));
}

/* A scrolled column view of N_ROWS rows and N_COLUMNS columns. */
static GtkWidget *
list_new (guint n_rows,
          guint n_columns)
{
  BenchRows *rows = g_object_new (BENCH_TYPE_ROWS, NULL);
  GtkSelectionModel *selection;
  GtkWidget *view, *scroll;

  rows->n_items = n_rows;
  selection = GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (rows)));
  view = gtk_column_view_new (selection);
  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (view), TRUE);
  for (guint i = 0; i < n_columns; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      char title[32];

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), NULL);
      g_snprintf (title, sizeof title, "Column %u", i + 1);
      column = gtk_column_view_column_new (title, factory);
      gtk_column_view_column_set_fixed_width (column, i == 1 ? 200 : 90);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
      g_object_unref (column);
    }
  scroll = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), view);
  return scroll;
}

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

  const char *list_rows = g_getenv ("BENCH_LIST_ROWS");
  const char *list_columns = g_getenv ("BENCH_LIST_COLUMNS");

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page;

      if (list_rows != NULL && g_str_equal (pages[i][0], "findings"))
        page = list_new ((guint) g_ascii_strtoull (list_rows, NULL, 10),
                         list_columns != NULL ? (guint) g_ascii_strtoull (list_columns, NULL, 10)
                                              : 9);
      else
        {
          page = adw_status_page_new ();
          adw_status_page_set_title (ADW_STATUS_PAGE (page), pages[i][1]);
          adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), pages[i][2]);
        }
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

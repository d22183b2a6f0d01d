/* vigie-overview-page.c — the Overview: key figures of a year and their charts.
 *
 * The figures are computed by vigie-figures in a worker thread with its own connection;
 * each figure is handed to the main thread as soon as it is known (a copy of the result so
 * far), so the numbers and charts fill in one after the other while the rest is computed,
 * each showing a spinner until then. Changing the year or the country cancels the
 * computation under way.
 *
 * Every number and chart element opens the list it counts, filtered to exactly those rows
 * (tests/ui/test-ui-overview.c compares the counts): findings, actions and sites on their
 * pages (with the year, month, country, theme, status... filters of their queries), the
 * investigations under way and the activities in a window of their own. The charts are
 * reachable by keyboard (vigie-chart-widget.h): their elements are listed here, in reading
 * order, with their place and accessible text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "vigie-cell-label.h"
#include "vigie-chart-bar.h"
#include "vigie-chart-describe.h"
#include "vigie-chart-line.h"
#include "vigie-chart-widget.h"
#include "vigie-factories-page.h"
#include "vigie-factories-private.h"
#include "vigie-finding-list.h"
#include "vigie-findings-page.h"
#include "vigie-overview-page.h"
#include "vigie-pages.h"
#include "vigie-reference.h"
#include "vigie-remediation-page.h"
#include "vigie-site-cases-window.h"
#include "vigie-site-list.h"
#include "vigie-util.h"
#include "vigie-vocab.h"
#include "vigie-window.h"

#define FIGURE_BIT(f) (1u << (f))
#define MAX_COUNTRIES_SHOWN 8

typedef enum
{
  TILE_SITES_LINKED,
  TILE_SITES_MONITORED,
  TILE_INVESTIGATIONS,
  TILE_WORKERS,
  TILE_CRITICAL,
  TILE_MAJOR,
  TILE_MINOR,
  TILE_OBSERVATION,
  TILE_OVERDUE,
  TILE_REMEDY,
  N_TILES
} Tile;

typedef struct
{
  const char  *name;
  const char  *caption;   /* N_() */
  VigieFigure  figure;
} TileDef;

static const TileDef tile_defs[N_TILES] = {
  [TILE_SITES_LINKED] = { "sites-linked", N_("Sites linked to affiliates"),
                          VIGIE_FIGURE_SITES_LINKED },
  [TILE_SITES_MONITORED] = { "sites-monitored", N_("Sites monitored"),
                             VIGIE_FIGURE_INVESTIGATIONS },
  [TILE_INVESTIGATIONS] = { "investigations", N_("Investigations under way"),
                            VIGIE_FIGURE_INVESTIGATIONS },
  [TILE_WORKERS] = { "workers", N_("Workers interviewed"), VIGIE_FIGURE_METHODS },
  [TILE_CRITICAL] = { "critical", N_("Critical findings"), VIGIE_FIGURE_FINDINGS },
  [TILE_MAJOR] = { "major", N_("Major findings"), VIGIE_FIGURE_FINDINGS },
  [TILE_MINOR] = { "minor", N_("Minor findings"), VIGIE_FIGURE_FINDINGS },
  [TILE_OBSERVATION] = { "observation", N_("Observations"), VIGIE_FIGURE_FINDINGS },
  [TILE_OVERDUE] = { "overdue", N_("Actions overdue"), VIGIE_FIGURE_OVERDUE },
  [TILE_REMEDY] = { "remedy", N_("Workers receiving remedy"), VIGIE_FIGURE_REMEDY_WORKERS },
};

/* What the page computes, in this order: the quick ones first. */
static const VigieFigure computed[] = {
  VIGIE_FIGURE_OVERDUE,
  VIGIE_FIGURE_ACTIONS,
  VIGIE_FIGURE_COMPLETIONS_MONTHLY,
  VIGIE_FIGURE_FINDINGS_MONTHLY,
  VIGIE_FIGURE_SITES_LINKED,
  VIGIE_FIGURE_INVESTIGATIONS,
  VIGIE_FIGURE_METHODS,
  VIGIE_FIGURE_FINDINGS,
  VIGIE_FIGURE_REMEDY_WORKERS,
};

/* The figures each chart needs. */
static const guint32 chart_needs[VIGIE_OVERVIEW_N_CHARTS] = {
  [VIGIE_OVERVIEW_CHART_THEMES] = FIGURE_BIT (VIGIE_FIGURE_FINDINGS),
  [VIGIE_OVERVIEW_CHART_STATUS] = FIGURE_BIT (VIGIE_FIGURE_ACTIONS),
  [VIGIE_OVERVIEW_CHART_MONTHLY] = FIGURE_BIT (VIGIE_FIGURE_FINDINGS_MONTHLY)
                                   | FIGURE_BIT (VIGIE_FIGURE_COMPLETIONS_MONTHLY),
  [VIGIE_OVERVIEW_CHART_COUNTRIES] = FIGURE_BIT (VIGIE_FIGURE_SITES_LINKED)
                                     | FIGURE_BIT (VIGIE_FIGURE_INVESTIGATIONS),
};

typedef struct
{
  GtkWidget *button;
  GtkLabel  *value;
  GtkLabel  *detail;
} TileWidgets;

/* The data of one chart: category labels and codes, series names, values. */
typedef struct
{
  GPtrArray *labels;     /* char * */
  GPtrArray *codes;      /* char *: what a category stands for (a theme, a status, ...) */
  GPtrArray *series;     /* char * */
  GArray    *values;     /* double */
  GArray    *elements;   /* guint[2]: (category, series) of each focusable element */
} ChartData;

/* One connection for the computations of a dataset, opened in the first worker thread
 * and kept (its page cache stays warm from one year to the next); the lock lets one
 * computation at a time use it — a cancelled one stops after its current figure. */
typedef struct
{
  gatomicrefcount  ref;
  GMutex           lock;
  VigieStore      *source;        /* the page's; only its path is used in the thread */
  VigieStore      *connection;
} Worker;

static Worker *
worker_new (VigieStore *source)
{
  Worker *w = g_new0 (Worker, 1);

  g_atomic_ref_count_init (&w->ref);
  g_mutex_init (&w->lock);
  w->source = g_object_ref (source);
  return w;
}

static Worker *
worker_ref (Worker *w)
{
  g_atomic_ref_count_inc (&w->ref);
  return w;
}

static void
worker_unref (Worker *w)
{
  if (w == NULL || !g_atomic_ref_count_dec (&w->ref))
    return;
  g_clear_object (&w->connection);
  g_clear_object (&w->source);
  g_mutex_clear (&w->lock);
  g_free (w);
}

/* A row of the list window: a VigieFiguresRow shared with the window's array. */
#define VIGIE_TYPE_OVERVIEW_ROW (vigie_overview_row_get_type ())
G_DECLARE_FINAL_TYPE (VigieOverviewRow, vigie_overview_row, VIGIE, OVERVIEW_ROW, GObject)

struct _VigieOverviewRow
{
  GObject          parent_instance;
  GPtrArray       *rows;          /* keeps ROW alive */
  VigieFiguresRow *row;
};

G_DEFINE_FINAL_TYPE (VigieOverviewRow, vigie_overview_row, G_TYPE_OBJECT)

static void
vigie_overview_row_finalize (GObject *object)
{
  g_clear_pointer (&VIGIE_OVERVIEW_ROW (object)->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (vigie_overview_row_parent_class)->finalize (object);
}

static void
vigie_overview_row_class_init (VigieOverviewRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vigie_overview_row_finalize;
}

static void
vigie_overview_row_init (VigieOverviewRow *self)
{
}

/* A GListModel over an array of VigieFiguresRow: items are made when asked for. */
#define VIGIE_TYPE_OVERVIEW_ROWS (vigie_overview_rows_get_type ())
G_DECLARE_FINAL_TYPE (VigieOverviewRows, vigie_overview_rows, VIGIE, OVERVIEW_ROWS, GObject)

struct _VigieOverviewRows
{
  GObject    parent_instance;
  GPtrArray *rows;
};

static GType
rows_get_item_type (GListModel *model)
{
  return VIGIE_TYPE_OVERVIEW_ROW;
}

static guint
rows_get_n_items (GListModel *model)
{
  GPtrArray *rows = VIGIE_OVERVIEW_ROWS (model)->rows;

  return rows != NULL ? rows->len : 0;
}

static gpointer
rows_get_item (GListModel *model,
               guint       position)
{
  VigieOverviewRows *self = VIGIE_OVERVIEW_ROWS (model);
  VigieOverviewRow *item;

  if (self->rows == NULL || position >= self->rows->len)
    return NULL;
  item = g_object_new (VIGIE_TYPE_OVERVIEW_ROW, NULL);
  item->rows = g_ptr_array_ref (self->rows);
  item->row = g_ptr_array_index (self->rows, position);
  return item;
}

static void
rows_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = rows_get_item_type;
  iface->get_n_items = rows_get_n_items;
  iface->get_item = rows_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (VigieOverviewRows, vigie_overview_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, rows_list_model_init))

static void
vigie_overview_rows_finalize (GObject *object)
{
  g_clear_pointer (&VIGIE_OVERVIEW_ROWS (object)->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (vigie_overview_rows_parent_class)->finalize (object);
}

static void
vigie_overview_rows_class_init (VigieOverviewRowsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vigie_overview_rows_finalize;
}

static void
vigie_overview_rows_init (VigieOverviewRows *self)
{
}

static void
rows_set (VigieOverviewRows *self,
          GPtrArray         *rows)
{
  guint before = rows_get_n_items (G_LIST_MODEL (self));

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->rows = rows != NULL ? g_ptr_array_ref (rows) : NULL;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, before,
                              rows_get_n_items (G_LIST_MODEL (self)));
}

struct _VigieOverviewPage
{
  GtkWidget           parent_instance;

  GtkStack           *stack;
  AdwStatusPage      *empty_page;
  GtkLabel           *heading;
  GtkSpinner         *spinner;
  GtkLabel           *status_label;
  GtkDropDown        *year_dropdown;
  GtkDropDown        *country_dropdown;
  GtkFlowBox         *tiles_box;
  GtkGrid            *charts_grid;

  TileWidgets         tiles[N_TILES];
  GtkStack           *chart_stacks[VIGIE_OVERVIEW_N_CHARTS];
  GtkWidget          *charts[VIGIE_OVERVIEW_N_CHARTS];
  ChartData           chart_data[VIGIE_OVERVIEW_N_CHARTS];

  VigieStore         *store;
  Worker             *worker;         /* the computations' connection to STORE */
  GArray             *years;          /* int, newest first */
  GPtrArray          *countries;      /* VigieCountryCount */
  gboolean            updating;

  int                 year;
  char               *country;
  VigieFigures       *figures;        /* the latest result (partial while busy) */
  guint32             done;           /* FIGURE_BIT of the figures in FIGURES */
  guint               generation;     /* of the computation whose results are shown */
  GCancellable       *cancellable;
  gboolean            busy;

  /* The window listing the investigations or activities behind a key figure. */
  GtkWidget          *rows_window;
  AdwWindowTitle     *rows_title;
  VigieOverviewRows  *rows_model;
  GPtrArray          *rows;           /* VigieFiguresRow, once loaded */
  gboolean            rows_activities;
  gboolean            rows_busy;
  guint               rows_generation;
};

G_DEFINE_FINAL_TYPE (VigieOverviewPage, vigie_overview_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_computing (VigieOverviewPage *self);
static void     build_elements (VigieOverviewPage      *self,
                                VigieOverviewChart      chart);
static gboolean element_cb     (guint                  index,
                                cairo_t               *cr,
                                const VigieChartStyle *style,
                                double                 width,
                                double                 height,
                                VigieChartRect        *rect,
                                char                 **label,
                                gpointer               user_data);

/* ─── Chart data ─────────────────────────────────────────────────────────── */

static void
chart_data_reset (ChartData *d)
{
  g_clear_pointer (&d->labels, g_ptr_array_unref);
  g_clear_pointer (&d->codes, g_ptr_array_unref);
  g_clear_pointer (&d->series, g_ptr_array_unref);
  g_clear_pointer (&d->values, g_array_unref);
  g_clear_pointer (&d->elements, g_array_unref);
  d->labels = g_ptr_array_new_with_free_func (g_free);
  d->codes = g_ptr_array_new_with_free_func (g_free);
  d->series = g_ptr_array_new_with_free_func (g_free);
  d->values = g_array_new (FALSE, TRUE, sizeof (double));
}

static void
add_value (ChartData *d,
           double     v)
{
  g_array_append_val (d->values, v);
}

static VigieBarChartData
bar_data (VigieOverviewPage  *self,
          VigieOverviewChart  chart)
{
  ChartData *d = &self->chart_data[chart];
  VigieBarChartData data = {
    .n_categories = d->labels->len,
    .categories = (const char * const *) d->labels->pdata,
    .n_series = d->series->len,
    .series_names = (const char * const *) d->series->pdata,
    .values = (const double *) (gpointer) d->values->data,
    .mode = chart == VIGIE_OVERVIEW_CHART_THEMES ? VIGIE_BAR_CHART_STACKED
                                                 : VIGIE_BAR_CHART_GROUPED,
  };

  switch (chart)
    {
    case VIGIE_OVERVIEW_CHART_THEMES:
      data.title = _("Findings by theme and severity");
      data.empty_text = _("No finding was first observed this year.");
      break;
    case VIGIE_OVERVIEW_CHART_STATUS:
      data.title = _("Remediation actions due this year, by status");
      data.empty_text = _("No remediation action falls due this year.");
      break;
    case VIGIE_OVERVIEW_CHART_COUNTRIES:
      data.title = _("Sites by country");
      data.empty_text = _("No site is linked to an affiliate or monitored this year.");
      break;
    case VIGIE_OVERVIEW_CHART_MONTHLY:
    case VIGIE_OVERVIEW_N_CHARTS:
    default:
      g_assert_not_reached ();
    }
  return data;
}

static VigieLineChartData
line_data (VigieOverviewPage *self)
{
  ChartData *d = &self->chart_data[VIGIE_OVERVIEW_CHART_MONTHLY];
  VigieLineChartData data = {
    .title = _("Findings and actions completed per month"),
    .n_points = d->labels->len,
    .point_labels = (const char * const *) d->labels->pdata,
    .n_series = d->series->len,
    .series_names = (const char * const *) d->series->pdata,
    .values = (const double *) (gpointer) d->values->data,
    .area = TRUE,
    .empty_text = _("Nothing this year."),
  };

  return data;
}

static void
render_chart_cb (cairo_t               *cr,
                 const VigieChartStyle *style,
                 double                 width,
                 double                 height,
                 gpointer               user_data)
{
  GtkWidget *widget = user_data;
  VigieOverviewPage *self = VIGIE_OVERVIEW_PAGE (gtk_widget_get_ancestor (widget,
                                                                          VIGIE_TYPE_OVERVIEW_PAGE));
  VigieOverviewChart chart = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "chart"));

  if (self == NULL || self->chart_data[chart].labels == NULL)
    return;
  if (chart == VIGIE_OVERVIEW_CHART_MONTHLY)
    {
      VigieLineChartData data = line_data (self);

      vigie_chart_line_render (cr, &data, style, width, height);
    }
  else
    {
      VigieBarChartData data = bar_data (self, chart);

      vigie_chart_bar_render (cr, &data, style, width, height);
    }
}

static char *
month_abbreviation (int month)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (2000, month, 1, 0, 0, 0);

  /* %Ob: the abbreviated month name standing alone. */
  return g_date_time_format (date, "%Ob");
}

static const char *
country_label (const char *code)
{
  const char *label = vigie_reference_country_label (code);

  return label != NULL ? label : code;
}

static int
compare_country_sites (gconstpointer a,
                       gconstpointer b)
{
  const VigieFiguresCountry *x = a, *y = b;
  gint64 nx = MAX (x->sites_linked, x->sites_monitored);
  gint64 ny = MAX (y->sites_linked, y->sites_monitored);

  if (nx != ny)
    return nx > ny ? -1 : 1;
  return g_utf8_collate (country_label (x->country), country_label (y->country));
}

static void
build_chart (VigieOverviewPage  *self,
             VigieOverviewChart  chart)
{
  ChartData *d = &self->chart_data[chart];
  const VigieFigures *f = self->figures;
  const VigieVocabEntry *entries;
  guint n = 0;

  chart_data_reset (d);
  switch (chart)
    {
    case VIGIE_OVERVIEW_CHART_THEMES:
      entries = vigie_vocab_entries (VIGIE_VOCAB_SEVERITY, &n);
      for (guint s = 0; s < n; s++)
        g_ptr_array_add (d->series, g_strdup (vigie_vocab_label (VIGIE_VOCAB_SEVERITY,
                                                                 entries[s].code)));
      for (guint i = 0; i < f->themes->len; i++)
        {
          VigieFiguresTheme *t = &g_array_index (f->themes, VigieFiguresTheme, i);

          g_ptr_array_add (d->labels, g_strdup (*t->theme == '\0' ? C_("theme", "No theme")
                                                : *t->title != '\0'
                                                ? vigie_reference_text (t->title) : t->theme));
          g_ptr_array_add (d->codes, g_strdup (t->theme));
          for (guint s = 0; s < n; s++)
            add_value (d, (double) t->by_severity[s]);
        }
      break;

    case VIGIE_OVERVIEW_CHART_STATUS:
      entries = vigie_vocab_entries (VIGIE_VOCAB_REMEDIATION_STATUS, &n);
      g_ptr_array_add (d->series, g_strdup (_("Actions")));
      /* The workflow order of the vocabulary; statuses with no action are left out. */
      for (guint s = 0; s < n && s < VIGIE_FIGURES_N_STATUSES; s++)
        {
          if (f->actions_by_status[s] == 0)
            continue;
          g_ptr_array_add (d->labels, g_strdup (vigie_vocab_label (VIGIE_VOCAB_REMEDIATION_STATUS,
                                                                   entries[s].code)));
          g_ptr_array_add (d->codes, g_strdup (entries[s].code));
          add_value (d, (double) f->actions_by_status[s]);
        }
      break;

    case VIGIE_OVERVIEW_CHART_MONTHLY:
      g_ptr_array_add (d->series, g_strdup (_("Findings first observed")));
      g_ptr_array_add (d->series, g_strdup (_("Actions completed")));
      for (int m = 1; m <= 12; m++)
        {
          g_ptr_array_add (d->labels, month_abbreviation (m));
          g_ptr_array_add (d->codes, g_strdup_printf ("%02d", m));
        }
      {
        /* Months still to come in the current year are gaps, not zeros. */
        int last = 12;

        if (f->today != NULL && atoi (f->today) == f->year && strlen (f->today) >= 7)
          last = atoi (f->today + 5);
        for (int m = 0; m < 12; m++)
          add_value (d, m < last ? (double) f->findings_per_month[m] : NAN);
        for (int m = 0; m < 12; m++)
          add_value (d, m < last ? (double) f->completions_per_month[m] : NAN);
      }
      break;

    case VIGIE_OVERVIEW_CHART_COUNTRIES:
      {
        g_autoptr(GArray) sorted = g_array_sized_new (FALSE, FALSE, sizeof (VigieFiguresCountry),
                                                      f->countries->len);

        g_array_append_vals (sorted, f->countries->data, f->countries->len);
        g_array_sort (sorted, compare_country_sites);
        g_ptr_array_add (d->series, g_strdup (_("Linked to affiliates")));
        g_ptr_array_add (d->series, g_strdup (_("Monitored")));
        for (guint i = 0; i < sorted->len && i < MAX_COUNTRIES_SHOWN; i++)
          {
            VigieFiguresCountry *c = &g_array_index (sorted, VigieFiguresCountry, i);

            if (c->sites_linked == 0 && c->sites_monitored == 0)
              continue;
            g_ptr_array_add (d->labels, g_strdup (country_label (c->country)));
            g_ptr_array_add (d->codes, g_strdup (c->country));
            add_value (d, (double) c->sites_linked);
            add_value (d, (double) c->sites_monitored);
          }
      }
      break;

    case VIGIE_OVERVIEW_N_CHARTS:
    default:
      g_assert_not_reached ();
    }
}

static char *
describe_chart (VigieOverviewPage  *self,
                VigieOverviewChart  chart)
{
  if (chart == VIGIE_OVERVIEW_CHART_MONTHLY)
    {
      VigieLineChartData data = line_data (self);

      return vigie_line_chart_describe (&data);
    }
  else
    {
      VigieBarChartData data = bar_data (self, chart);

      return vigie_bar_chart_describe (&data);
    }
}

/* ─── Showing the figures ────────────────────────────────────────────────── */

static char *
format_count (gint64 n)
{
  return vigie_factories_format_count (n);
}

static void
set_tile (VigieOverviewPage *self,
          Tile               tile,
          gint64             value,
          const char        *detail)
{
  g_autofree char *text = format_count (value);

  gtk_label_set_label (self->tiles[tile].value, text);
  gtk_label_set_label (self->tiles[tile].detail, detail != NULL ? detail : "");
  gtk_widget_set_sensitive (self->tiles[tile].button, TRUE);
}

static void
update_tiles (VigieOverviewPage *self)
{
  const VigieFigures *f = self->figures;

  for (int t = 0; t < N_TILES; t++)
    if (f == NULL || !(self->done & FIGURE_BIT (tile_defs[t].figure)))
      {
        gtk_label_set_label (self->tiles[t].value, "…");
        gtk_label_set_label (self->tiles[t].detail, "");
        gtk_widget_set_sensitive (self->tiles[t].button, FALSE);
      }
  if (f == NULL)
    return;

  if (self->done & FIGURE_BIT (VIGIE_FIGURE_SITES_LINKED))
    set_tile (self, TILE_SITES_LINKED, f->sites_linked, NULL);
  if (self->done & FIGURE_BIT (VIGIE_FIGURE_INVESTIGATIONS))
    {
      set_tile (self, TILE_SITES_MONITORED, f->sites_monitored, NULL);
      set_tile (self, TILE_INVESTIGATIONS, f->investigations, NULL);
    }
  if (self->done & FIGURE_BIT (VIGIE_FIGURE_METHODS))
    {
      g_autofree char *women = format_count (f->workers_interviewed_women);
      g_autofree char *migrant = format_count (f->workers_interviewed_migrant);
      /* Translators: under the number of workers interviewed, e.g. "1,204 women · 310 migrant" */
      g_autofree char *detail = g_strdup_printf (_("%1$s women · %2$s migrant"), women, migrant);

      set_tile (self, TILE_WORKERS, f->workers_interviewed, detail);
    }
  if (self->done & FIGURE_BIT (VIGIE_FIGURE_FINDINGS))
    {
      for (int s = 0; s < VIGIE_FIGURES_N_SEVERITIES; s++)
        {
          g_autofree char *detail = NULL;

          if (f->findings > 0)
            {
              g_autofree char *total = format_count (f->findings);

              /* Translators: a share of the year's findings, e.g. "12 % of 1,204" */
              detail = g_strdup_printf (_("%1$.0f %% of %2$s"),
                                        100.0 * f->findings_by_severity[s] / f->findings, total);
            }
          set_tile (self, TILE_CRITICAL + s, f->findings_by_severity[s], detail);
        }
    }
  if (self->done & FIGURE_BIT (VIGIE_FIGURE_OVERDUE))
    {
      g_autofree char *date = vigie_factories_format_date (f->today);
      /* Translators: under the number of overdue actions: the day they are counted on */
      g_autofree char *detail = g_strdup_printf (_("on %s"), date);

      set_tile (self, TILE_OVERDUE, f->actions_overdue, detail);
      if (f->actions_overdue > 0)
        gtk_widget_add_css_class (GTK_WIDGET (self->tiles[TILE_OVERDUE].value), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->tiles[TILE_OVERDUE].value), "error");
    }
  if (self->done & FIGURE_BIT (VIGIE_FIGURE_REMEDY_WORKERS))
    {
      g_autofree char *women = format_count (f->remedy_workers[VIGIE_REMEDY_GROUP_WOMEN]);
      g_autofree char *actions = format_count (f->remedy_actions);
      /* Translators: under the workers receiving remedy: "310 women · 42 actions" */
      g_autofree char *detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%1$s women · %2$s action",
                                                              "%1$s women · %2$s actions",
                                                              (gulong) f->remedy_actions),
                                                 women, actions);

      set_tile (self, TILE_REMEDY, f->remedy_workers[VIGIE_REMEDY_GROUP_TOTAL], detail);
    }
}

/* Room for every category of a bar chart (the line chart has a fixed size). */
static int
chart_height (VigieOverviewPage  *self,
              VigieOverviewChart  chart)
{
  ChartData *d = &self->chart_data[chart];
  int per_row = chart == VIGIE_OVERVIEW_CHART_COUNTRIES ? 38 : 27;

  if (chart == VIGIE_OVERVIEW_CHART_MONTHLY || d->labels == NULL)
    return 320;
  return MAX (320, 130 + (int) d->labels->len * per_row);
}

/* Shows each chart whose figures are in, building again those that need one of CHANGED
 * (FIGURE_BIT), and a spinner for the others. */
static void
update_charts (VigieOverviewPage *self,
               guint32            changed)
{
  for (int c = 0; c < VIGIE_OVERVIEW_N_CHARTS; c++)
    {
      gboolean ready = self->figures != NULL && (self->done & chart_needs[c]) == chart_needs[c];

      if (ready && (chart_needs[c] & changed) != 0)
        {
          g_autofree char *description = NULL;

          build_chart (self, c);
          build_elements (self, c);
          description = describe_chart (self, c);
          vigie_chart_widget_set_description (VIGIE_CHART_WIDGET (self->charts[c]),
                                              c == VIGIE_OVERVIEW_CHART_MONTHLY
                                              ? line_data (self).title
                                              : bar_data (self, c).title, description);
          vigie_chart_widget_set_elements (VIGIE_CHART_WIDGET (self->charts[c]),
                                           self->chart_data[c].elements->len, element_cb,
                                           self->charts[c]);
          gtk_widget_set_size_request (GTK_WIDGET (self->chart_stacks[c]), -1,
                                       chart_height (self, c));
          gtk_widget_queue_draw (self->charts[c]);
        }
      if (!ready)
        vigie_chart_widget_set_elements (VIGIE_CHART_WIDGET (self->charts[c]), 0, NULL, NULL);
      gtk_stack_set_visible_child_name (self->chart_stacks[c], ready ? "chart" : "loading");
    }
}

static void
update_heading (VigieOverviewPage *self)
{
  g_autofree char *heading = NULL;

  if (self->country != NULL)
    /* Translators: the Overview's heading with one country: "2025 — Viet Nam" */
    heading = g_strdup_printf (_("%1$d — %2$s"), self->year, country_label (self->country));
  else
    /* Translators: the Overview's heading: "Figures of 2025" */
    heading = g_strdup_printf (_("Figures of %d"), self->year);
  gtk_label_set_label (self->heading, heading);
}

static void
set_busy (VigieOverviewPage *self,
          gboolean           busy)
{
  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  if (busy)
    gtk_label_set_label (self->status_label, _("Counting…"));
}

/* ─── Computing ──────────────────────────────────────────────────────────── */

typedef struct
{
  Worker              *worker;
  VigieFiguresOptions  options;
  char                *country;
  char                *today;
  guint                generation;
  VigieOverviewPage   *self;       /* a reference */
  GMainContext        *context;
  double               seconds;    /* how long the counting took in the thread */
} Job;

static void
job_free (Job *job)
{
  worker_unref (job->worker);
  g_free (job->country);
  g_free (job->today);
  g_clear_object (&job->self);
  g_main_context_unref (job->context);
  g_free (job);
}

typedef struct
{
  VigieOverviewPage *self;
  guint              generation;
  VigieFigures      *figures;
  guint32            done;
} Progress;

static void
progress_free (gpointer data)
{
  Progress *p = data;

  g_clear_object (&p->self);
  g_clear_pointer (&p->figures, vigie_figures_free);
  g_free (p);
}

static gboolean
progress_cb (gpointer data)
{
  Progress *p = data;
  VigieOverviewPage *self = p->self;
  guint32 changed;

  if (p->generation != self->generation)
    return G_SOURCE_REMOVE;
  g_clear_pointer (&self->figures, vigie_figures_free);
  self->figures = g_steal_pointer (&p->figures);
  changed = p->done & ~self->done;
  self->done = p->done;
  update_tiles (self);
  update_charts (self, changed);
  return G_SOURCE_REMOVE;
}

static void
compute_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  Worker *worker = job->worker;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieFigures) figures = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  guint32 done = 0;
  gint64 start;

  locker = g_mutex_locker_new (&worker->lock);
  start = g_get_monotonic_time ();
  if (g_task_return_error_if_cancelled (task))
    return;
  if (worker->connection == NULL)
    {
      worker->connection = vigie_store_open_another (worker->source, &error);
      if (worker->connection == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_debug ("Overview: connection opened in %.1f ms",
               (g_get_monotonic_time () - start) / 1000.0);
    }
  figures = vigie_figures_new (&job->options, &error);
  if (figures == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (computed); i++)
    {
      Progress *p;

      if (g_task_return_error_if_cancelled (task))
        return;
      if (!vigie_figures_compute_one (worker->connection, figures, computed[i], &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      done |= FIGURE_BIT (computed[i]);
      p = g_new0 (Progress, 1);
      p->self = g_object_ref (job->self);
      p->generation = job->generation;
      p->figures = vigie_figures_copy (figures);
      p->done = done;
      g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, progress_cb, p,
                                  progress_free);
    }
  job->seconds = (g_get_monotonic_time () - start) / 1e6;
  g_debug ("Overview %d: figures counted in %.1f ms", job->options.year, job->seconds * 1000);
  g_task_return_boolean (task, TRUE);
}

static void
compute_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  VigieOverviewPage *self = VIGIE_OVERVIEW_PAGE (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
          || job->generation != self->generation)
        return;
      set_busy (self, FALSE);
      gtk_label_set_label (self->status_label, "");
      {
        GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), VIGIE_TYPE_WINDOW);
        /* Translators: %s says why the figures could not be computed */
        g_autofree char *title = g_strdup_printf (_("The figures could not be counted: %s"),
                                                  error->message);

        if (window != NULL)
          vigie_window_add_toast (VIGIE_WINDOW (window), adw_toast_new (title));
      }
      return;
    }
  if (job->generation != self->generation)
    return;
  set_busy (self, FALSE);
  {
    /* Translators: how long the figures took to count, e.g. "Counted in 0.4 s" */
    g_autofree char *text = g_strdup_printf (_("Counted in %.1f s"), job->seconds);

    gtk_label_set_label (self->status_label, text);
  }
}

static void
start_computing (VigieOverviewPage *self)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->generation++;
  g_clear_pointer (&self->figures, vigie_figures_free);
  self->done = 0;
  update_tiles (self);
  update_charts (self, G_MAXUINT32);
  if (self->store == NULL || self->year <= 0)
    {
      set_busy (self, FALSE);
      return;
    }
  update_heading (self);

  self->cancellable = g_cancellable_new ();
  job = g_new0 (Job, 1);
  if (self->worker == NULL)
    self->worker = worker_new (self->store);
  job->worker = worker_ref (self->worker);
  job->country = g_strdup (self->country);
  job->today = vigie_today_iso ();
  job->options.year = self->year;
  job->options.country = job->country;
  job->options.today = job->today;
  job->generation = self->generation;
  job->self = g_object_ref (self);
  job->context = g_main_context_ref_thread_default ();

  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, compute_done_cb, NULL);
  g_task_set_source_tag (task, start_computing);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, compute_thread);
}

/* ─── Year and country ───────────────────────────────────────────────────── */

static void
scope_changed_cb (VigieOverviewPage *self)
{
  guint y, c;

  if (self->updating)
    return;
  y = gtk_drop_down_get_selected (self->year_dropdown);
  c = gtk_drop_down_get_selected (self->country_dropdown);
  if (self->years == NULL || y == GTK_INVALID_LIST_POSITION || y >= self->years->len)
    return;
  self->year = g_array_index (self->years, int, y);
  g_clear_pointer (&self->country, g_free);
  if (self->countries != NULL && c != GTK_INVALID_LIST_POSITION && c > 0
      && c <= self->countries->len)
    self->country = g_strdup (((VigieCountryCount *) g_ptr_array_index (self->countries,
                                                                        c - 1))->code);
  start_computing (self);
}

static void
load_scopes (VigieOverviewPage *self)
{
  g_autoptr(GtkStringList) years = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) countries = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *today = vigie_today_iso ();
  int this_year = atoi (today);
  guint selected = 0;

  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->countries, g_ptr_array_unref);
  if (self->store != NULL)
    {
      self->years = vigie_figures_years (self->store, &error);
      if (self->years == NULL)
        g_warning ("Cannot list the years of the dataset: %s", error->message);
      g_clear_error (&error);
      self->countries = vigie_site_list_countries_in_use (self->store, &error);
      if (self->countries == NULL)
        g_warning ("Cannot list the countries of the dataset: %s", error->message);
    }
  /* The latest year not after this one (due dates may run into next year). */
  for (guint i = 0; self->years != NULL && i < self->years->len; i++)
    {
      int year = g_array_index (self->years, int, i);
      g_autofree char *text = g_strdup_printf ("%d", year);

      gtk_string_list_append (years, text);
      if (year > this_year && selected == i && i + 1 < self->years->len)
        selected = i + 1;
    }
  gtk_string_list_append (countries, _("All Countries"));
  for (guint i = 0; self->countries != NULL && i < self->countries->len; i++)
    gtk_string_list_append (countries,
                            ((VigieCountryCount *) g_ptr_array_index (self->countries, i))->label);

  self->updating = TRUE;
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (years));
  gtk_drop_down_set_selected (self->year_dropdown, selected);
  gtk_drop_down_set_model (self->country_dropdown, G_LIST_MODEL (countries));
  gtk_drop_down_set_selected (self->country_dropdown, 0);
  self->updating = FALSE;

  g_clear_pointer (&self->country, g_free);
  self->year = self->years != NULL && self->years->len > 0
               ? g_array_index (self->years, int, selected) : 0;
  gtk_stack_set_visible_child_name (self->stack, self->year > 0 ? "figures" : "empty");
  if (self->store == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No Dataset Open"));
      adw_status_page_set_description (self->empty_page,
                                       _("Open or create a dataset to see its figures."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Figures Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Add findings, investigations or remediation actions "
                                         "to see the figures of a year."));
    }
}

void
vigie_overview_page_set_store (VigieOverviewPage *self,
                               VigieStore        *store)
{
  g_return_if_fail (VIGIE_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (store == NULL || VIGIE_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  g_clear_pointer (&self->worker, worker_unref);
  load_scopes (self);
  start_computing (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
vigie_overview_page_set_year (VigieOverviewPage *self,
                              int                year,
                              const char        *country)
{
  guint y = GTK_INVALID_LIST_POSITION, c = 0;

  g_return_if_fail (VIGIE_IS_OVERVIEW_PAGE (self));

  for (guint i = 0; self->years != NULL && i < self->years->len; i++)
    if (g_array_index (self->years, int, i) == year)
      y = i;
  for (guint i = 0; country != NULL && self->countries != NULL && i < self->countries->len; i++)
    if (g_strcmp0 (((VigieCountryCount *) g_ptr_array_index (self->countries, i))->code,
                   country) == 0)
      c = i + 1;
  self->updating = TRUE;
  if (y != GTK_INVALID_LIST_POSITION)
    gtk_drop_down_set_selected (self->year_dropdown, y);
  gtk_drop_down_set_selected (self->country_dropdown, c);
  self->updating = FALSE;
  self->year = year;
  g_free (self->country);
  self->country = c > 0 ? g_strdup (country) : NULL;
  gtk_stack_set_visible_child_name (self->stack, "figures");
  start_computing (self);
}

int
vigie_overview_page_get_year (VigieOverviewPage *self)
{
  g_return_val_if_fail (VIGIE_IS_OVERVIEW_PAGE (self), 0);
  return self->year;
}

/* ─── Going to the lists ─────────────────────────────────────────────────── */

/* The page of TYPE in this window, shown as NAME; NULL outside a window. */
static GtkWidget *
show_page (VigieOverviewPage *self,
           const char        *name,
           GType              type)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), VIGIE_TYPE_WINDOW);
  GtkWidget *page;

  if (window == NULL)
    return NULL;
  vigie_window_show_page (VIGIE_WINDOW (window), name);
  page = vigie_window_get_page (VIGIE_WINDOW (window), name);
  return page != NULL && G_TYPE_CHECK_INSTANCE_TYPE (page, type) ? page : NULL;
}

/* The Findings page, filtered as the figures count: first observed in the year shown (in
 * MONTH, 1..12, when not 0), at sites of the country shown, of SEVERITY, of THEME or one
 * of its sub-themes (NO_THEME: untagged). */
static gboolean
show_findings (VigieOverviewPage *self,
               const char        *severity,
               const char        *theme,
               gboolean           no_theme,
               int                month)
{
  GtkWidget *page = show_page (self, "findings", VIGIE_TYPE_FINDINGS_PAGE);
  g_autoptr(VigieFindingQuery) query = vigie_finding_query_new ();

  if (page == NULL)
    return FALSE;
  query->year = self->year;
  query->month = month;
  query->country = g_strdup (self->country);
  query->severity = g_strdup (severity);
  query->theme = g_strdup (theme);
  query->no_theme = no_theme;
  vigie_findings_page_set_filters (VIGIE_FINDINGS_PAGE (page), query);
  return TRUE;
}

/* The Remediation page filtered by QUERY, at sites of the country shown. */
static gboolean
show_actions (VigieOverviewPage *self,
              VigieActionQuery  *query)
{
  GtkWidget *page = show_page (self, "remediation", VIGIE_TYPE_REMEDIATION_PAGE);

  if (page == NULL)
    return FALSE;
  g_free (query->country);
  query->country = g_strdup (self->country);
  if (self->figures != NULL)
    {
      g_free (query->today);
      query->today = g_strdup (self->figures->today);
    }
  vigie_remediation_page_set_filters (VIGIE_REMEDIATION_PAGE (page), query);
  return TRUE;
}

/* The actions due in the year shown (in STATUS when not NULL; OVERDUE: still owed and
 * due before today). */
static gboolean
show_actions_due (VigieOverviewPage *self,
                  const char        *status,
                  gboolean           overdue)
{
  g_autoptr(VigieActionQuery) query = vigie_action_query_new ();

  query->status = g_strdup (status);
  query->only_overdue = overdue;
  /* Overdue: every action due by the end of the year (as the figure counts them). */
  query->due_from = overdue ? NULL : g_strdup_printf ("%04d-01-01", self->year);
  query->due_to = g_strdup_printf ("%04d-12-31", self->year);
  return show_actions (self, query);
}

/* The actions completed in the year shown (in MONTH, 1..12, when not 0); REMEDY: only
 * those providing remedy and delivered. */
static gboolean
show_actions_completed (VigieOverviewPage *self,
                        int                month,
                        gboolean           remedy)
{
  g_autoptr(VigieActionQuery) query = vigie_action_query_new ();

  query->completed_from = g_strdup_printf ("%04d-%02d-01", self->year, month > 0 ? month : 1);
  query->completed_to = g_strdup_printf ("%04d-%02d-31", self->year, month > 0 ? month : 12);
  query->remedy_only = remedy;
  return show_actions (self, query);
}

/* The Factories page: the sites of COUNTRY linked to affiliates (LINKED) and/or monitored
 * (MONITORED) in the year shown. */
static gboolean
show_sites (VigieOverviewPage *self,
            const char        *country,
            gboolean           linked,
            gboolean           monitored)
{
  GtkWidget *page = show_page (self, "factories", VIGIE_TYPE_FACTORIES_PAGE);

  if (page == NULL)
    return FALSE;
  vigie_factories_page_filter_activity (VIGIE_FACTORIES_PAGE (page), country,
                                        linked ? self->year : 0, monitored ? self->year : 0);
  return TRUE;
}

/* ─── The investigations and activities of the year ──────────────────────── */

typedef enum
{
  COLUMN_SITE,
  COLUMN_COUNTRY,
  COLUMN_WHAT,
  COLUMN_START,
  COLUMN_END,
  COLUMN_STATUS,
  COLUMN_PARTICIPANTS,
  COLUMN_WOMEN,
  COLUMN_MIGRANT,
  N_COLUMNS
} Column;

static char *
cell_text (const VigieFiguresRow *row,
           Column                 column,
           gboolean               activities)
{
  switch (column)
    {
    case COLUMN_SITE:
      return g_strdup (row->site);
    case COLUMN_COUNTRY:
      return g_strdup (country_label (row->country));
    case COLUMN_WHAT:
      if (activities)
        return g_strdup (vigie_vocab_label (VIGIE_VOCAB_ACTIVITY_METHOD, row->what));
      return g_strdup (*row->what != '\0' ? row->what : "—");
    case COLUMN_START:
      return vigie_factories_format_date (row->start_date);
    case COLUMN_END:
      return row->end_date != NULL ? vigie_factories_format_date (row->end_date)
                                   : g_strdup ("—");
    case COLUMN_STATUS:
      return g_strdup (vigie_vocab_label (VIGIE_VOCAB_INVESTIGATION_STATUS, row->status));
    case COLUMN_PARTICIPANTS:
      return format_count (row->participants);
    case COLUMN_WOMEN:
      return format_count (row->women);
    case COLUMN_MIGRANT:
      return format_count (row->migrant);
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = vigie_cell_label_new ();

  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "numeric")))
    {
      vigie_cell_label_set_xalign (VIGIE_CELL_LABEL (label), 1.0f);
      vigie_cell_label_set_numeric (VIGIE_CELL_LABEL (label), TRUE);
    }
  gtk_list_item_set_child (item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  VigieOverviewRow *row = gtk_list_item_get_item (item);
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  gboolean activities = GPOINTER_TO_INT (user_data);
  g_autofree char *text = row != NULL ? cell_text (row->row, column, activities) : NULL;

  vigie_cell_label_set_text (VIGIE_CELL_LABEL (gtk_list_item_get_child (item)), text);
}

typedef struct
{
  VigieOverviewPage *self;       /* a reference */
  Worker            *worker;
  VigieFigures      *scope;
  gboolean           activities;
  guint              generation;
} RowsJob;

static void
rows_job_free (RowsJob *job)
{
  g_clear_object (&job->self);
  worker_unref (job->worker);
  vigie_figures_free (job->scope);
  g_free (job);
}

static void
rows_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  RowsJob *job = task_data;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&job->worker->lock);
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;

  if (job->worker->connection == NULL)
    {
      job->worker->connection = vigie_store_open_another (job->worker->source, &error);
      if (job->worker->connection == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  rows = job->activities
         ? vigie_figures_list_activities (job->worker->connection, job->scope, cancellable,
                                          &error)
         : vigie_figures_list_investigations (job->worker->connection, job->scope,
                                              cancellable, &error);
  if (rows == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, rows, (GDestroyNotify) g_ptr_array_unref);
}

static void
update_rows_subtitle (VigieOverviewPage *self)
{
  g_autofree char *n = NULL;
  g_autofree char *text = NULL;
  gint64 workers = 0;

  if (self->rows_window == NULL)
    return;
  if (self->rows_busy)
    {
      adw_window_title_set_subtitle (self->rows_title, _("Counting…"));
      return;
    }
  n = format_count (self->rows != NULL ? self->rows->len : 0);
  if (self->rows_activities)
    {
      g_autofree char *total = NULL;

      for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
        workers += ((VigieFiguresRow *) g_ptr_array_index (self->rows, i))->participants;
      total = format_count (workers);
      /* Translators: under the list of activities: "1,204 activities · 7,380 workers" */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s activity · %2$s workers",
                                           "%1$s activities · %2$s workers",
                                           self->rows != NULL ? self->rows->len : 0),
                              n, total);
    }
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s investigation",
                                         "%s investigations",
                                         self->rows != NULL ? self->rows->len : 0), n);
  adw_window_title_set_subtitle (self->rows_title, text);
}

static void
rows_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  VigieOverviewPage *self = VIGIE_OVERVIEW_PAGE (source);
  RowsJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = g_task_propagate_pointer (G_TASK (result), &error);

  if (job->generation != self->rows_generation)
    return;
  self->rows_busy = FALSE;
  if (rows == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->rows_window != NULL)
        adw_window_title_set_subtitle (self->rows_title, error->message);
      return;
    }
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->rows = g_ptr_array_ref (rows);
  if (self->rows_model != NULL)
    rows_set (self->rows_model, rows);
  update_rows_subtitle (self);
}

static void
rows_activated_cb (GtkColumnView     *view,
                   guint              position,
                   VigieOverviewPage *self)
{
  const VigieFiguresRow *row;
  VigieSiteCasesWindow *cases;

  if (self->rows == NULL || position >= self->rows->len || self->store == NULL)
    return;
  row = g_ptr_array_index (self->rows, position);
  cases = vigie_site_cases_window_new (GTK_WINDOW (self->rows_window), self->store, row->site_id,
                                       "investigations");
  gtk_window_present (GTK_WINDOW (cases));
}

static void
rows_window_destroyed_cb (VigieOverviewPage *self)
{
  self->rows_window = NULL;
  self->rows_title = NULL;
  g_clear_object (&self->rows_model);
}

/* Opens (or reuses) the window listing the investigations under way (or, ACTIVITIES,
 * the investigation activities) that the figures of the year and country shown count. */
static gboolean
show_rows (VigieOverviewPage *self,
           gboolean           activities)
{
  static const struct
  {
    const char *title;   /* N_() */
    gboolean    numeric;
    gboolean    expand;
    int         kind;    /* 0 both, 1 investigations, 2 activities */
  } columns[N_COLUMNS] = {
    [COLUMN_SITE] = { N_("Site"), FALSE, TRUE, 0 },
    [COLUMN_COUNTRY] = { N_("Country"), FALSE, FALSE, 0 },
    [COLUMN_WHAT] = { NULL, FALSE, FALSE, 0 },
    [COLUMN_START] = { N_("Start"), FALSE, FALSE, 0 },
    [COLUMN_END] = { N_("End"), FALSE, FALSE, 0 },
    [COLUMN_STATUS] = { N_("Status"), FALSE, FALSE, 1 },
    [COLUMN_PARTICIPANTS] = { N_("Workers"), TRUE, FALSE, 2 },
    [COLUMN_WOMEN] = { N_("Women"), TRUE, FALSE, 2 },
    [COLUMN_MIGRANT] = { N_("Migrant"), TRUE, FALSE, 2 },
  };
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_WINDOW);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GtkSingleSelection) selection = NULL;
  g_autofree char *title = NULL;
  GtkWidget *box, *header, *scrolled, *view;
  RowsJob *job;

  if (self->store == NULL || self->figures == NULL)
    return FALSE;
  if (self->rows_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->rows_window));
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->rows_activities = activities;

  self->rows_window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (self->rows_window), 1000, 600);
  gtk_window_set_modal (GTK_WINDOW (self->rows_window), FALSE);
  if (window != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self->rows_window), GTK_WINDOW (window));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self->rows_window), TRUE);
  g_signal_connect_object (self->rows_window, "destroy", G_CALLBACK (rows_window_destroyed_cb),
                           self, G_CONNECT_SWAPPED);
  if (self->country != NULL)
    /* Translators: the title of a list: "Investigations under way in 2025 — China" */
    title = g_strdup_printf (activities ? _("Investigation activities of %1$d — %2$s")
                                        : _("Investigations under way in %1$d — %2$s"),
                             self->year, country_label (self->country));
  else
    /* Translators: the title of a list: "Investigations under way in 2025" */
    title = g_strdup_printf (activities ? _("Investigation activities of %d")
                                        : _("Investigations under way in %d"), self->year);
  gtk_window_set_title (GTK_WINDOW (self->rows_window), title);
  self->rows_title = ADW_WINDOW_TITLE (adw_window_title_new (title, NULL));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->rows_title));
  gtk_box_append (GTK_BOX (box), header);
  self->rows_model = g_object_new (VIGIE_TYPE_OVERVIEW_ROWS, NULL);
  view = gtk_column_view_new (NULL);
  gtk_widget_add_css_class (view, "data-table");
  gtk_column_view_set_show_column_separators (GTK_COLUMN_VIEW (view), TRUE);
  for (int c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory;
      GtkColumnViewColumn *column;
      const char *name;

      if (columns[c].kind == (activities ? 1 : 2))
        continue;
      name = c == COLUMN_WHAT ? (activities ? _("Method") : _("Monitoring Partner"))
                              : _(columns[c].title);
      factory = gtk_signal_list_item_factory_new ();
      g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (c));
      g_object_set_data (G_OBJECT (factory), "numeric", GINT_TO_POINTER (columns[c].numeric));
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb),
                        GINT_TO_POINTER (activities));
      column = gtk_column_view_column_new (name, factory);
      gtk_column_view_column_set_expand (column, columns[c].expand);
      if (!columns[c].expand)
        gtk_column_view_column_set_fixed_width (column, c == COLUMN_WHAT ? 260
                                                        : columns[c].numeric ? 90 : 120);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
      g_object_unref (column);
    }
  g_signal_connect_object (view, "activate", G_CALLBACK (rows_activated_cb), self, 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->rows_model)));
  vigie_column_view_set_model_when_mapped (GTK_COLUMN_VIEW (view),
                                           GTK_SELECTION_MODEL (selection));
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self->rows_window), box);

  self->rows_busy = TRUE;
  update_rows_subtitle (self);
  gtk_window_present (GTK_WINDOW (self->rows_window));

  if (self->worker == NULL)
    self->worker = worker_new (self->store);
  job = g_new0 (RowsJob, 1);
  job->self = g_object_ref (self);
  job->worker = worker_ref (self->worker);
  job->scope = vigie_figures_copy (self->figures);
  job->activities = activities;
  job->generation = ++self->rows_generation;
  task = g_task_new (self, NULL, rows_done_cb, NULL);
  g_task_set_source_tag (task, show_rows);
  g_task_set_task_data (task, job, (GDestroyNotify) rows_job_free);
  g_task_run_in_thread (task, rows_thread);
  return TRUE;
}

/* ─── Clicks on the key figures and the charts ───────────────────────────── */

static void
tile_clicked_cb (GtkButton         *button,
                 VigieOverviewPage *self)
{
  Tile tile = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "tile"));
  const VigieVocabEntry *severities = vigie_vocab_entries (VIGIE_VOCAB_SEVERITY, NULL);

  switch (tile)
    {
    case TILE_SITES_LINKED:
      show_sites (self, self->country, TRUE, FALSE);
      break;
    case TILE_SITES_MONITORED:
      show_sites (self, self->country, FALSE, TRUE);
      break;
    case TILE_INVESTIGATIONS:
      show_rows (self, FALSE);
      break;
    case TILE_WORKERS:
      show_rows (self, TRUE);
      break;
    case TILE_CRITICAL:
    case TILE_MAJOR:
    case TILE_MINOR:
    case TILE_OBSERVATION:
      show_findings (self, severities[tile - TILE_CRITICAL].code, NULL, FALSE, 0);
      break;
    case TILE_OVERDUE:
      show_actions_due (self, NULL, TRUE);
      break;
    case TILE_REMEDY:
      show_actions_completed (self, 0, TRUE);
      break;
    case N_TILES:
    default:
      g_assert_not_reached ();
    }
}

gboolean
vigie_overview_page_activate_element (VigieOverviewPage  *self,
                                      VigieOverviewChart  chart,
                                      guint               category,
                                      guint               series)
{
  ChartData *d;
  const char *code;

  g_return_val_if_fail (VIGIE_IS_OVERVIEW_PAGE (self), FALSE);
  g_return_val_if_fail (chart < VIGIE_OVERVIEW_N_CHARTS, FALSE);

  d = &self->chart_data[chart];
  if (d->labels == NULL || category >= d->codes->len)
    return FALSE;
  if (series != G_MAXUINT && series >= d->series->len)
    return FALSE;
  code = g_ptr_array_index (d->codes, category);
  switch (chart)
    {
    case VIGIE_OVERVIEW_CHART_THEMES:
      {
        const VigieVocabEntry *severities = vigie_vocab_entries (VIGIE_VOCAB_SEVERITY, NULL);

        return show_findings (self, series != G_MAXUINT ? severities[series].code : NULL,
                              *code != '\0' ? code : NULL, *code == '\0', 0);
      }
    case VIGIE_OVERVIEW_CHART_STATUS:
      return show_actions_due (self, code, FALSE);
    case VIGIE_OVERVIEW_CHART_MONTHLY:
      /* CATEGORY is the month, SERIES the line: findings first observed, or actions
       * completed, in that month. */
      if (series == 1)
        return show_actions_completed (self, (int) category + 1, FALSE);
      return show_findings (self, NULL, NULL, FALSE, (int) category + 1);
    case VIGIE_OVERVIEW_CHART_COUNTRIES:
      /* Series 0: linked; 1: monitored; the country's label: either. */
      return show_sites (self, code, series != 1, series != 0);
    case VIGIE_OVERVIEW_N_CHARTS:
    default:
      g_assert_not_reached ();
    }
}

/* ─── Chart elements: pointer, keyboard, assistive technologies ──────────── */

/* What element (CATEGORY, SERIES) of CHART is, with its value: "Wages — Major: 120". */
static char *
element_text (VigieOverviewPage  *self,
              VigieOverviewChart  chart,
              guint               category,
              guint               series)
{
  ChartData *d = &self->chart_data[chart];
  g_autofree char *value = NULL;
  const char *label;
  double v;

  if (chart == VIGIE_OVERVIEW_CHART_MONTHLY)
    {
      /* CATEGORY is the month, SERIES the line. */
      v = g_array_index (d->values, double, series * d->labels->len + category);
      if (isnan (v))
        return NULL;
      value = format_count ((gint64) v);
      /* Translators: a point of the monthly chart: "Findings first observed, Mar: 120" */
      return g_strdup_printf (_("%1$s, %2$s: %3$s"),
                              (const char *) g_ptr_array_index (d->series, series),
                              (const char *) g_ptr_array_index (d->labels, category), value);
    }
  label = g_ptr_array_index (d->labels, category);
  if (series == G_MAXUINT)
    {
      v = 0;
      for (guint s = 0; s < d->series->len; s++)
        v += g_array_index (d->values, double, category * d->series->len + s);
      value = format_count ((gint64) v);
      return g_strdup_printf ("%s: %s", label, value);
    }
  v = g_array_index (d->values, double, category * d->series->len + series);
  value = format_count ((gint64) v);
  /* Translators: a bar of a chart: "Wages — Major: 120" */
  return g_strdup_printf (_("%1$s — %2$s: %3$s"), label,
                          (const char *) g_ptr_array_index (d->series, series), value);
}

/* The focusable elements of CHART in keyboard order, as (category, series) pairs: for
 * each theme its whole bar then each severity; each bar; each point of each line in
 * month order. Elements without a value are left out. */
static void
build_elements (VigieOverviewPage  *self,
                VigieOverviewChart  chart)
{
  ChartData *d = &self->chart_data[chart];
  guint n_categories = d->labels->len, n_series = d->series->len;

  g_clear_pointer (&d->elements, g_array_unref);
  d->elements = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  if (chart == VIGIE_OVERVIEW_CHART_MONTHLY)
    {
      for (guint s = 0; s < n_series; s++)
        for (guint p = 0; p < n_categories; p++)
          if (!isnan (g_array_index (d->values, double, s * n_categories + p)))
            g_array_append_val (d->elements, ((guint[2]) { p, s }));
      return;
    }
  for (guint c = 0; c < n_categories; c++)
    {
      if (chart == VIGIE_OVERVIEW_CHART_THEMES)
        g_array_append_val (d->elements, ((guint[2]) { c, G_MAXUINT }));
      for (guint s = 0; s < n_series; s++)
        if (g_array_index (d->values, double, c * n_series + s) > 0)
          g_array_append_val (d->elements, ((guint[2]) { c, s }));
    }
}

static gboolean
element_cb (guint                  index,
            cairo_t               *cr,
            const VigieChartStyle *style,
            double                 width,
            double                 height,
            VigieChartRect        *rect,
            char                 **label,
            gpointer               user_data)
{
  GtkWidget *widget = user_data;
  GtkWidget *ancestor = gtk_widget_get_ancestor (widget, VIGIE_TYPE_OVERVIEW_PAGE);
  VigieOverviewPage *self = ancestor != NULL ? VIGIE_OVERVIEW_PAGE (ancestor) : NULL;
  VigieOverviewChart chart = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "chart"));
  ChartData *d;
  guint category, series;

  if (self == NULL)
    return FALSE;
  d = &self->chart_data[chart];
  if (d->elements == NULL || index >= d->elements->len)
    return FALSE;
  category = ((guint *) (gpointer) d->elements->data)[index * 2];
  series = ((guint *) (gpointer) d->elements->data)[index * 2 + 1];
  if (chart == VIGIE_OVERVIEW_CHART_MONTHLY)
    {
      VigieLineChartData data = line_data (self);
      VigieLineChartGeometry g;
      double x, y;

      if (!vigie_line_chart_compute_geometry (cr, &data, style, width, height, &g)
          || !vigie_line_chart_point (&g, &data, series, category, &x, &y))
        return FALSE;
      *rect = (VigieChartRect) { x - 5, y - 5, 10, 10 };
    }
  else
    {
      VigieBarChartData data = bar_data (self, chart);
      VigieBarChartGeometry g;

      if (!vigie_bar_chart_compute_geometry (cr, &data, style, width, height, &g)
          || category >= g.n_visible)
        return FALSE;
      if (series == G_MAXUINT)
        *rect = (VigieChartRect) { 2, g.plot.y + category * g.row_height,
                                   g.plot.x + g.plot.width - 2, g.row_height };
      else if (!vigie_bar_chart_bar_rect (&g, &data, category, series, rect))
        return FALSE;
    }
  if (label != NULL)
    *label = element_text (self, chart, category, series);
  return TRUE;
}

/* The index of element (CATEGORY, SERIES) of CHART, G_MAXUINT when it is not one. */
static guint
element_index (VigieOverviewPage  *self,
               VigieOverviewChart  chart,
               guint               category,
               guint               series)
{
  GArray *elements = self->chart_data[chart].elements;

  for (guint i = 0; elements != NULL && i < elements->len; i++)
    if (((guint *) (gpointer) elements->data)[i * 2] == category
        && ((guint *) (gpointer) elements->data)[i * 2 + 1] == series)
      return i;
  return G_MAXUINT;
}

static void
element_activated_cb (VigieChartWidget  *widget,
                      guint              index,
                      VigieOverviewPage *self)
{
  VigieOverviewChart chart = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "chart"));
  GArray *elements = self->chart_data[chart].elements;
  const guint *pairs;

  if (elements == NULL || index >= elements->len)
    return;
  pairs = (const guint *) (gconstpointer) elements->data;
  vigie_overview_page_activate_element (self, chart, pairs[index * 2], pairs[index * 2 + 1]);
}

/* Which element of CHART is at (X, Y): the chart's own hit test on its geometry. */
static gboolean
hit_test (VigieOverviewPage  *self,
          VigieOverviewChart  chart,
          double              x,
          double              y,
          guint              *category,
          guint              *series)
{
  GtkWidget *widget = self->charts[chart];
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  cairo_surface_t *surface;
  cairo_t *cr;
  VigieChartStyle style;
  gboolean hit = FALSE;

  if (self->chart_data[chart].labels == NULL || width <= 0 || height <= 0)
    return FALSE;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  vigie_chart_widget_fill_style (widget, &style);
  if (chart == VIGIE_OVERVIEW_CHART_MONTHLY)
    {
      VigieLineChartData data = line_data (self);
      VigieLineChartGeometry g;

      hit = vigie_line_chart_compute_geometry (cr, &data, &style, width, height, &g)
            && vigie_line_chart_hit_test (&g, &data, x, y, series, category)
            && *series != G_MAXUINT;
    }
  else
    {
      VigieBarChartData data = bar_data (self, chart);
      VigieBarChartGeometry g;

      hit = vigie_bar_chart_compute_geometry (cr, &data, &style, width, height, &g)
            && vigie_bar_chart_hit_test (&g, &data, x, y, category, series);
    }
  vigie_chart_style_clear (&style);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return hit;
}

static void
chart_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  gpointer         user_data)
{
  VigieOverviewPage *self = VIGIE_OVERVIEW_PAGE (user_data);
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  VigieOverviewChart chart = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "chart"));
  guint category, series;

  if (hit_test (self, chart, x, y, &category, &series))
    {
      guint index = element_index (self, chart, category, series);

      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      /* The keyboard goes on from the element clicked. */
      if (index != G_MAXUINT)
        vigie_chart_widget_set_focused_element (VIGIE_CHART_WIDGET (widget), index);
      vigie_overview_page_activate_element (self, chart, category, series);
    }
}

static gboolean
chart_query_tooltip_cb (GtkWidget  *widget,
                        int         x,
                        int         y,
                        gboolean    keyboard,
                        GtkTooltip *tooltip,
                        gpointer    user_data)
{
  VigieOverviewPage *self = VIGIE_OVERVIEW_PAGE (user_data);
  VigieOverviewChart chart = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "chart"));
  guint category, series;
  g_autofree char *text = NULL;

  if (keyboard || !hit_test (self, chart, x, y, &category, &series))
    return FALSE;
  text = element_text (self, chart, category, series);
  if (text == NULL)
    return FALSE;
  {
    /* Translators: the second line of a chart's tooltip */
    g_autofree char *full = g_strdup_printf ("%s\n%s", text, _("Click to show the list"));

    gtk_tooltip_set_text (tooltip, full);
  }
  return TRUE;
}

/* ─── Building the page ──────────────────────────────────────────────────── */

static void
build_tiles (VigieOverviewPage *self)
{
  for (int t = 0; t < N_TILES; t++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *value = gtk_label_new ("…");
      GtkWidget *caption = gtk_label_new (_(tile_defs[t].caption));
      GtkWidget *detail = gtk_label_new ("");

      gtk_widget_add_css_class (button, "card");
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_name (button, tile_defs[t].name);
      gtk_label_set_xalign (GTK_LABEL (value), 0);
      gtk_widget_add_css_class (value, "title-1");
      gtk_widget_add_css_class (value, "numeric");
      gtk_label_set_xalign (GTK_LABEL (caption), 0);
      gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
      gtk_widget_add_css_class (caption, "heading");
      gtk_label_set_xalign (GTK_LABEL (detail), 0);
      gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (detail, "dim-label");
      gtk_widget_add_css_class (detail, "caption");
      gtk_widget_set_margin_start (box, 6);
      gtk_widget_set_margin_end (box, 6);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_box_append (GTK_BOX (box), value);
      gtk_box_append (GTK_BOX (box), caption);
      gtk_box_append (GTK_BOX (box), detail);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_set_tooltip_text (button, t == TILE_INVESTIGATIONS || t == TILE_WORKERS
                                   ? _("Show the findings of this year")
                                   : t == TILE_SITES_LINKED || t == TILE_SITES_MONITORED
                                   ? _("Show the sites")
                                   : t == TILE_OVERDUE ? _("Show the overdue actions")
                                   : t == TILE_REMEDY ? _("Show the remediation actions")
                                   : _("Show these findings"));
      g_object_set_data (G_OBJECT (button), "tile", GINT_TO_POINTER (t));
      g_signal_connect (button, "clicked", G_CALLBACK (tile_clicked_cb), self);
      gtk_flow_box_append (self->tiles_box, button);
      /* The flow box child should not take the focus: the button does. */
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
      self->tiles[t].button = button;
      self->tiles[t].value = GTK_LABEL (value);
      self->tiles[t].detail = GTK_LABEL (detail);
    }
}

static void
build_charts (VigieOverviewPage *self)
{
  for (int c = 0; c < VIGIE_OVERVIEW_N_CHARTS; c++)
    {
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *stack = gtk_stack_new ();
      GtkWidget *spinner = gtk_spinner_new ();
      GtkWidget *chart = vigie_chart_widget_new ();
      GtkGesture *click = gtk_gesture_click_new ();

      gtk_widget_add_css_class (card, "card");
      gtk_widget_set_size_request (card, 300, -1);
      gtk_widget_set_size_request (stack, -1, 320);
      gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
      gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
      gtk_widget_set_size_request (spinner, 32, 32);
      gtk_stack_add_named (GTK_STACK (stack), spinner, "loading");
      gtk_stack_add_named (GTK_STACK (stack), chart, "chart");
      gtk_widget_set_vexpand (stack, TRUE);
      gtk_widget_set_margin_start (chart, 6);
      gtk_widget_set_margin_end (chart, 6);
      gtk_widget_set_margin_top (chart, 6);
      gtk_widget_set_margin_bottom (chart, 6);
      g_object_set_data (G_OBJECT (chart), "chart", GUINT_TO_POINTER (c));
      vigie_chart_widget_set_renderer (VIGIE_CHART_WIDGET (chart), render_chart_cb, chart, NULL);
      gtk_widget_set_cursor_from_name (chart, "pointer");
      gtk_widget_set_has_tooltip (chart, TRUE);
      g_signal_connect (chart, "query-tooltip", G_CALLBACK (chart_query_tooltip_cb), self);
      g_signal_connect (chart, "element-activated", G_CALLBACK (element_activated_cb), self);
      g_signal_connect (click, "pressed", G_CALLBACK (chart_pressed_cb), self);
      gtk_widget_add_controller (chart, GTK_EVENT_CONTROLLER (click));
      gtk_box_append (GTK_BOX (card), stack);
      gtk_grid_attach (self->charts_grid, card, c % 2, c / 2, 1, 1);
      self->chart_stacks[c] = GTK_STACK (stack);
      self->charts[c] = chart;
    }
}

/* ─── For tests ──────────────────────────────────────────────────────────── */

gboolean
vigie_overview_page_get_busy (VigieOverviewPage *self)
{
  g_return_val_if_fail (VIGIE_IS_OVERVIEW_PAGE (self), FALSE);
  return self->busy;
}

const VigieFigures *
vigie_overview_page_get_figures (VigieOverviewPage *self)
{
  g_return_val_if_fail (VIGIE_IS_OVERVIEW_PAGE (self), NULL);
  return self->figures;
}

static int
tile_index (const char *name)
{
  for (int t = 0; t < N_TILES; t++)
    if (g_strcmp0 (tile_defs[t].name, name) == 0)
      return t;
  return -1;
}

GtkButton *
vigie_overview_page_get_tile (VigieOverviewPage *self,
                              const char        *name)
{
  int t = tile_index (name);

  g_return_val_if_fail (VIGIE_IS_OVERVIEW_PAGE (self), NULL);
  return t >= 0 ? GTK_BUTTON (self->tiles[t].button) : NULL;
}

const char *
vigie_overview_page_get_tile_value (VigieOverviewPage *self,
                                    const char        *name)
{
  int t = tile_index (name);

  g_return_val_if_fail (VIGIE_IS_OVERVIEW_PAGE (self), NULL);
  return t >= 0 ? gtk_label_get_label (self->tiles[t].value) : NULL;
}

GtkWindow *
vigie_overview_page_get_rows_window (VigieOverviewPage *self)
{
  g_return_val_if_fail (VIGIE_IS_OVERVIEW_PAGE (self), NULL);
  return self->rows_window != NULL ? GTK_WINDOW (self->rows_window) : NULL;
}

gboolean
vigie_overview_page_get_rows_busy (VigieOverviewPage *self)
{
  g_return_val_if_fail (VIGIE_IS_OVERVIEW_PAGE (self), FALSE);
  return self->rows_busy;
}

GPtrArray *
vigie_overview_page_get_rows (VigieOverviewPage *self)
{
  g_return_val_if_fail (VIGIE_IS_OVERVIEW_PAGE (self), NULL);
  return self->rows;
}

GtkWidget *
vigie_overview_page_get_chart (VigieOverviewPage  *self,
                               VigieOverviewChart  chart)
{
  g_return_val_if_fail (VIGIE_IS_OVERVIEW_PAGE (self), NULL);
  g_return_val_if_fail (chart < VIGIE_OVERVIEW_N_CHARTS, NULL);
  return self->charts[chart];
}

/* ─── GObject ────────────────────────────────────────────────────────────── */

static void
vigie_overview_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  VigieOverviewPage *self = VIGIE_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigie_overview_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  VigieOverviewPage *self = VIGIE_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      vigie_overview_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigie_overview_page_dispose (GObject *object)
{
  VigieOverviewPage *self = VIGIE_OVERVIEW_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->worker, worker_unref);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->countries, g_ptr_array_unref);
  g_clear_pointer (&self->figures, vigie_figures_free);
  g_clear_pointer (&self->country, g_free);
  for (int c = 0; c < VIGIE_OVERVIEW_N_CHARTS; c++)
    {
      ChartData *d = &self->chart_data[c];

      g_clear_pointer (&d->labels, g_ptr_array_unref);
      g_clear_pointer (&d->codes, g_ptr_array_unref);
      g_clear_pointer (&d->series, g_ptr_array_unref);
      g_clear_pointer (&d->values, g_array_unref);
      g_clear_pointer (&d->elements, g_array_unref);
    }
  if (self->rows_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->rows_window));
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIE_TYPE_OVERVIEW_PAGE);
  G_OBJECT_CLASS (vigie_overview_page_parent_class)->dispose (object);
}

static void
vigie_overview_page_class_init (VigieOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigie_overview_page_dispose;
  object_class->get_property = vigie_overview_page_get_property;
  object_class->set_property = vigie_overview_page_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, VIGIE_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                                | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VIGIE_TYPE_CHART_WIDGET);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vigie/Vigie/vigie-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VigieOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, VigieOverviewPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, VigieOverviewPage, heading);
  gtk_widget_class_bind_template_child (widget_class, VigieOverviewPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, VigieOverviewPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, VigieOverviewPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VigieOverviewPage, country_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VigieOverviewPage, tiles_box);
  gtk_widget_class_bind_template_child (widget_class, VigieOverviewPage, charts_grid);
  gtk_widget_class_bind_template_callback (widget_class, scope_changed_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vigie_overview_page_init (VigieOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_tiles (self);
  build_charts (self);
  load_scopes (self);
  update_tiles (self);
  update_charts (self, G_MAXUINT32);
  set_busy (self, FALSE);
}

/* vigie-buyers-page.c — the Buyers page: a sidebar of affiliates, consortia, contractors
 * and brands, and the supplier dashboard of the one selected (computed off the main thread
 * by vigie_store_supplier_dashboard_async).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "vigie-cell-label.h"
#include "vigie-buyers-private.h"
#include "vigie-chart-bar.h"
#include "vigie-chart-widget.h"
#include "vigie-factories-private.h"
#include "vigie-reference.h"
#include "vigie-remediation.h"
#include "vigie-util.h"
#include "vigie-vocab.h"
#include "vigie-window.h"

static const char *const kind_codes[] = { NULL, "affiliate", "consortium", "contractor", "brand" };

/* ─── A row of the leverage table ────────────────────────────────────────── */

enum
{
  COL_RANK,
  COL_SITE,
  COL_COUNTRY,
  COL_REGION,
  COL_TIERS,
  COL_AFFILIATES,
  COL_SPEND,
  COL_OPEN,
  N_COLS
};

#define VIGIE_TYPE_BUYERS_SITE_ITEM (vigie_buyers_site_item_get_type ())
G_DECLARE_FINAL_TYPE (VigieBuyersSiteItem, vigie_buyers_site_item, VIGIE, BUYERS_SITE_ITEM, GObject)

struct _VigieBuyersSiteItem
{
  GObject  parent_instance;
  gint64   site_id;
  char    *text[N_COLS];
};

G_DEFINE_FINAL_TYPE (VigieBuyersSiteItem, vigie_buyers_site_item, G_TYPE_OBJECT)

static void
vigie_buyers_site_item_finalize (GObject *object)
{
  VigieBuyersSiteItem *self = VIGIE_BUYERS_SITE_ITEM (object);

  for (guint i = 0; i < N_COLS; i++)
    g_free (self->text[i]);
  G_OBJECT_CLASS (vigie_buyers_site_item_parent_class)->finalize (object);
}

static void
vigie_buyers_site_item_class_init (VigieBuyersSiteItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vigie_buyers_site_item_finalize;
}

static void
vigie_buyers_site_item_init (VigieBuyersSiteItem *self)
{
}

/* ─── The page ───────────────────────────────────────────────────────────── */

struct _VigieBuyersPage
{
  GtkWidget               parent_instance;

  /* template children */
  GtkWidget              *paned;
  GtkSearchEntry         *search_entry;
  GtkDropDown            *kind_filter;
  GtkListBox             *sidebar;
  GtkStack               *content_stack;
  GtkSpinner             *spinner;
  GtkWidget              *dashboard_box;

  VigieStore             *store;
  GPtrArray              *organisations;    /* VigieOrganisationSummary, the sidebar's rows */
  gint64                  selected;
  VigieSupplierDashboard *dashboard;
  GCancellable           *cancellable;
  gboolean                loading_sidebar;
  GtkColumnView          *sites_view;
  GListStore             *sites;
  GtkWindow              *form;
  /* The last deletion, while it can be undone. */
  VigieOrganisationRecord *deleted_org;
  VigieContractRecord    *deleted_contract;
  VigieDisclosureRecord  *deleted_request;
};

G_DEFINE_FINAL_TYPE (VigieBuyersPage, vigie_buyers_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load_dashboard (VigieBuyersPage *self);
static void reload_sidebar (VigieBuyersPage *self,
                            gint64           select);

/* ─── Formatting ─────────────────────────────────────────────────────────── */

static char *
format_percent_of (const VigieRatio *r)
{
  double p = vigie_ratio_percent (r);

  if (p < 0)
    return g_strdup (C_("percentage", "—"));
  return vigie_factories_format_percent (p);
}

static char *
format_spend_list (GPtrArray *spend)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; spend != NULL && i < spend->len; i++)
    {
      VigieSpend *s = g_ptr_array_index (spend, i);
      g_autofree char *money = vigie_format_money (s->amount_minor, s->currency);

      if (out->len > 0)
        /* Translators: joins amounts in different currencies, which are never added up */
        g_string_append (out, C_("money list", " + "));
      g_string_append (out, money);
    }
  if (out->len == 0)
    g_string_append (out, C_("spend", "—"));
  return g_string_free (out, FALSE);
}

static char *
format_days (double days)
{
  g_autofree char *number = NULL;

  if (isnan (days))
    return g_strdup (C_("days", "—"));
  number = g_strdup_printf ("%.*f", fabs (days - round (days)) < 0.05 ? 0 : 1, days);
  /* Translators: a median duration; %s is a number that may have a decimal */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s day", "%s days", (gulong) MAX (round (days), 0)),
                          number);
}

/* ─── Sidebar ────────────────────────────────────────────────────────────── */

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  const char *kind = g_object_get_data (G_OBJECT (row), "kind");
  const char *previous = before != NULL ? g_object_get_data (G_OBJECT (before), "kind") : NULL;
  GtkWidget *header;

  if (g_strcmp0 (kind, previous) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_label_new (vigie_vocab_label (VIGIE_VOCAB_ORGANISATION_KIND, kind));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, before != NULL ? 12 : 6);
  gtk_widget_set_margin_bottom (header, 3);
  gtk_list_box_row_set_header (row, header);
}

static GtkWidget *
sidebar_row_new (const VigieOrganisationSummary *s)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (s->name);
  GtkWidget *details = gtk_label_new (NULL);
  GString *text = g_string_new (NULL);
  const char *country = s->country != NULL ? vigie_reference_country_label (s->country) : NULL;

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  if (country != NULL)
    g_string_append (text, country);
  if (s->consortium_name != NULL)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: an affiliate that affiliated through a purchasing consortium */
      g_string_append_printf (text, _("via %s"), s->consortium_name);
    }
  if (text->len > 0)
    g_string_append (text, " · ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%d contract", "%d contracts",
                                             (gulong) s->n_contracts), (int) s->n_contracts);
  gtk_label_set_label (GTK_LABEL (details), text->str);
  g_string_free (text, TRUE);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_add_css_class (details, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), details);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "kind", g_strdup (s->kind), g_free);
  g_object_set_data (G_OBJECT (row), "id", GSIZE_TO_POINTER ((gsize) s->id));
  return row;
}

static void
reload_sidebar (VigieBuyersPage *self,
                gint64           select)
{
  g_autoptr(GError) error = NULL;
  guint kind = gtk_drop_down_get_selected (self->kind_filter);
  GtkWidget *child;
  GtkListBoxRow *to_select = NULL;

  self->loading_sidebar = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar))) != NULL)
    gtk_list_box_remove (self->sidebar, child);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  if (self->store != NULL)
    {
      self->organisations = vigie_store_list_buyers (self->store,
                                                     kind < G_N_ELEMENTS (kind_codes)
                                                     ? kind_codes[kind] : NULL,
                                                     gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                                     &error);
      if (self->organisations == NULL)
        vigie_factories_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
    }
  for (guint i = 0; self->organisations != NULL && i < self->organisations->len; i++)
    {
      VigieOrganisationSummary *s = g_ptr_array_index (self->organisations, i);
      GtkWidget *row = sidebar_row_new (s);

      gtk_list_box_append (self->sidebar, row);
      if (s->id == select)
        to_select = GTK_LIST_BOX_ROW (row);
    }
  if (to_select != NULL)
    gtk_list_box_select_row (self->sidebar, to_select);
  self->loading_sidebar = FALSE;
  if (to_select == NULL && select != 0)
    {
      /* The organisation shown is filtered out: keep showing it. */
    }
}

static void
filters_changed_cb (VigieBuyersPage *self)
{
  reload_sidebar (self, self->selected);
}

static void
sidebar_row_selected_cb (VigieBuyersPage *self,
                         GtkListBoxRow   *row)
{
  gint64 id;

  if (row == NULL)
    return;
  id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "id"));
  if (id == self->selected && (self->loading_sidebar || self->dashboard != NULL))
    return;
  self->selected = id;
  load_dashboard (self);
}

/* ─── Charts ─────────────────────────────────────────────────────────────── */

typedef struct
{
  GPtrArray         *categories;   /* char * */
  GPtrArray         *series;       /* char * */
  GArray            *values;       /* double */
  VigieBarChartData  data;
} ChartData;

static void
chart_data_free (ChartData *c)
{
  g_ptr_array_unref (c->categories);
  g_ptr_array_unref (c->series);
  g_array_unref (c->values);
  g_free (c);
}

static ChartData *
chart_data_new (const char *title,
                const char *empty_text)
{
  ChartData *c = g_new0 (ChartData, 1);

  c->categories = g_ptr_array_new_with_free_func (g_free);
  c->series = g_ptr_array_new_with_free_func (g_free);
  c->values = g_array_new (FALSE, FALSE, sizeof (double));
  c->data.title = NULL;
  c->data.empty_text = empty_text;
  (void) title;
  return c;
}

static void
chart_data_finish (ChartData         *c,
                   VigieBarChartMode  mode)
{
  c->data.n_categories = c->categories->len;
  c->data.categories = (const char * const *) c->categories->pdata;
  c->data.n_series = c->series->len;
  c->data.series_names = (const char * const *) c->series->pdata;
  c->data.values = (const double *) c->values->data;
  c->data.mode = mode;
}

static void
render_chart (cairo_t               *cr,
              const VigieChartStyle *style,
              double                 width,
              double                 height,
              gpointer               user_data)
{
  ChartData *c = user_data;

  vigie_chart_bar_render (cr, &c->data, style, width, height);
}

static char *
describe_chart (const char *title,
                ChartData  *c)
{
  GString *out = g_string_new (title);

  for (guint i = 0; i < c->categories->len; i++)
    {
      g_string_append_printf (out, i == 0 ? ": %s" : "; %s",
                              (char *) g_ptr_array_index (c->categories, i));
      for (guint s = 0; s < c->series->len; s++)
        g_string_append_printf (out, " %s %.0f", (char *) g_ptr_array_index (c->series, s),
                                g_array_index (c->values, double, i * c->series->len + s));
    }
  return g_string_free (out, FALSE);
}

/* The bars of a dashboard chart, one element each (category by category), for the
 * keyboard and assistive technologies: "China — Sites: 12". */
static gboolean
chart_element_cb (guint                  index,
                  cairo_t               *cr,
                  const VigieChartStyle *style,
                  double                 width,
                  double                 height,
                  VigieChartRect        *rect,
                  char                 **label,
                  gpointer               user_data)
{
  ChartData *c = user_data;
  VigieBarChartGeometry g;
  guint n_series = MAX (c->series->len, 1);
  guint category = index / n_series, series = index % n_series;
  double v;

  if (category >= c->categories->len
      || !vigie_bar_chart_compute_geometry (cr, &c->data, style, width, height, &g)
      || !vigie_bar_chart_bar_rect (&g, &c->data, category, series, rect))
    return FALSE;
  v = g_array_index (c->values, double, index);
  if (label != NULL)
    /* Translators: a bar of a chart: "China — Sites: 12" */
    *label = g_strdup_printf (_("%1$s — %2$s: %3$.0f"),
                              (const char *) g_ptr_array_index (c->categories, category),
                              (const char *) g_ptr_array_index (c->series, series), v);
  return TRUE;
}

static GtkWidget *
chart_card (const char *title,
            ChartData  *c,
            int         height)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *chart = vigie_chart_widget_new ();
  g_autofree char *description = describe_chart (title, c);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_size_request (chart, 260, height);
  gtk_widget_set_hexpand (chart, TRUE);
  vigie_chart_widget_set_renderer (VIGIE_CHART_WIDGET (chart), render_chart, c,
                                   (GDestroyNotify) chart_data_free);
  /* Reachable by keyboard: the arrows read each bar and its value. */
  vigie_chart_widget_set_description (VIGIE_CHART_WIDGET (chart), title, description);
  vigie_chart_widget_set_elements (VIGIE_CHART_WIDGET (chart), c->values->len,
                                   chart_element_cb, c);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), chart);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_margin_top (chart, 0);
  gtk_widget_set_margin_start (heading, 12);
  gtk_widget_set_margin_top (heading, 12);
  gtk_widget_set_margin_start (chart, 12);
  gtk_widget_set_margin_end (chart, 12);
  gtk_widget_set_margin_bottom (chart, 12);
  return box;
}

static int
chart_height (guint n_categories)
{
  return CLAMP (60 + 30 * (int) MAX (n_categories, 1), 140, 380);
}

static ChartData *
counts_chart (GPtrArray  *counts,
              const char *series,
              const char *empty_text)
{
  ChartData *c = chart_data_new (NULL, empty_text);

  g_ptr_array_add (c->series, g_strdup (series));
  for (guint i = 0; counts != NULL && i < counts->len; i++)
    {
      VigieLabelledCount *lc = g_ptr_array_index (counts, i);
      double v = (double) lc->count;

      g_ptr_array_add (c->categories, g_strdup (lc->label));
      g_array_append_val (c->values, v);
    }
  chart_data_finish (c, VIGIE_BAR_CHART_GROUPED);
  return c;
}

/* ─── Dashboard widgets ──────────────────────────────────────────────────── */

static GtkWidget *
number_card (const char *value,
             const char *caption)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *number = gtk_label_new (value);
  GtkWidget *label = gtk_label_new (caption);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (number, "title-2");
  gtk_label_set_wrap (GTK_LABEL (number), TRUE);
  gtk_label_set_justify (GTK_LABEL (number), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (number, 12);
  gtk_widget_set_margin_start (number, 6);
  gtk_widget_set_margin_end (number, 6);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static void
add_count_card (GtkFlowBox *flow,
                gint64      n,
                const char *caption)
{
  g_autofree char *value = vigie_factories_format_count (n);

  gtk_flow_box_append (flow, number_card (value, caption));
}

static GtkWidget *
section_heading (const char *title,
                 const char *description)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "title-4");
  gtk_box_append (GTK_BOX (box), heading);
  if (description != NULL)
    {
      GtkWidget *label = gtk_label_new (description);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }
  return box;
}

static void
component_row (AdwPreferencesGroup *group,
               const char          *title,
               const char          *detail,
               const char          *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), detail);
  gtk_widget_add_css_class (label, "title-4");
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (group, row);
}

static void
ratio_row (AdwPreferencesGroup *group,
           const char          *title,
           const VigieRatio    *r,
           const char          *format)
{
  g_autofree char *value = format_percent_of (r);
  g_autofree char *numerator = vigie_factories_format_count (r->numerator);
  g_autofree char *denominator = vigie_factories_format_count (r->denominator);
  g_autofree char *detail = NULL;

  if (r->denominator <= 0)
    detail = g_strdup (_("No data yet"));
  else
    {
      /* The numbers go in by substitution: FORMAT is a translated pattern, not a printf
       * format checked by the compiler. */
      GString *text = g_string_new (format);

      g_string_replace (text, "%1$s", numerator, 1);
      g_string_replace (text, "%2$s", denominator, 1);
      detail = g_string_free (text, FALSE);
    }
  component_row (group, title, detail, value);
}

static void
median_row (AdwPreferencesGroup *group,
            const char          *title,
            const VigieMedian   *m,
            const char          *format)
{
  g_autofree char *value = format_days (m->value);
  g_autofree char *n = vigie_factories_format_count (m->n);
  g_autofree char *detail = NULL;

  if (m->n <= 0)
    detail = g_strdup (_("No data yet"));
  else
    {
      GString *text = g_string_new (format);

      g_string_replace (text, "%s", n, 1);
      detail = g_string_free (text, FALSE);
    }
  component_row (group, title, detail, value);
}

static GtkWidget *
performance_group (const VigieSupplierDashboard *d)
{
  const VigiePerformance *p = &d->performance;
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, _("Performance Components"));
  adw_preferences_group_set_description (group,
                                         _("Computed from your own records. Each component is "
                                           "shown with what it counts and is never combined "
                                           "into a score."));
  /* Translators: %1$s and %2$s are numbers: "2 of 5 requests complete" */
  ratio_row (group, _("Disclosure completeness"), &p->disclosure_completeness,
             g_dngettext (GETTEXT_PACKAGE, "%1$s of %2$s request complete",
                          "%1$s of %2$s requests complete",
                          (gulong) p->disclosure_completeness.denominator));
  /* Translators: %1$s and %2$s are numbers */
  ratio_row (group, _("Requests answered"), &p->requests_answered,
             g_dngettext (GETTEXT_PACKAGE, "%1$s of %2$s request answered",
                          "%1$s of %2$s requests answered",
                          (gulong) p->requests_answered.denominator));
  /* Translators: %1$s and %2$s are numbers */
  ratio_row (group, _("Findings remediated"), &p->findings_remediated,
             g_dngettext (GETTEXT_PACKAGE, "%1$s of %2$s finding at linked sites closed",
                          "%1$s of %2$s findings at linked sites closed",
                          (gulong) p->findings_remediated.denominator));
  /* Translators: %1$s and %2$s are numbers */
  ratio_row (group, _("Verified by workers"), &p->verified_by_workers,
             g_dngettext (GETTEXT_PACKAGE,
                          "%1$s of %2$s verified or closed action verified by workers",
                          "%1$s of %2$s verified or closed actions verified by workers",
                          (gulong) p->verified_by_workers.denominator));
  /* Translators: %s is a number of remediation actions */
  median_row (group, _("Median time to close an action"), &p->days_to_close,
              g_dngettext (GETTEXT_PACKAGE, "Median over %s closed action",
                           "Median over %s closed actions", (gulong) p->days_to_close.n));
  /* Translators: %s is a number of requests */
  median_row (group, _("Median time to answer a request"), &p->days_to_answer,
              g_dngettext (GETTEXT_PACKAGE, "Median over %s answered request",
                           "Median over %s answered requests", (gulong) p->days_to_answer.n));
  return GTK_WIDGET (group);
}

/* The leverage table. */

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = vigie_cell_label_new ();

  vigie_cell_label_set_chars (VIGIE_CELL_LABEL (label), column == COL_SITE ? 18 : 4,
                              column == COL_SITE ? 30 : 10);
  if (column == COL_RANK || column == COL_AFFILIATES || column == COL_OPEN)
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
  guint column = GPOINTER_TO_UINT (user_data);
  VigieBuyersSiteItem *site = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  vigie_cell_label_set_text (VIGIE_CELL_LABEL (label), site->text[column]);
  gtk_widget_set_tooltip_text (label, site->text[column]);
}

static void
show_site (VigieBuyersPage *self,
           gint64           site_id)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), VIGIE_TYPE_WINDOW);
  GtkWidget *factories;

  if (window == NULL)
    return;
  vigie_window_show_page (VIGIE_WINDOW (window), "factories");
  factories = vigie_window_get_page (VIGIE_WINDOW (window), "factories");
  if (factories == NULL
      || !vigie_factories_page_select_site (VIGIE_FACTORIES_PAGE (factories), site_id))
    vigie_factories_add_toast (GTK_WIDGET (self),
                               adw_toast_new (_("The site is hidden by the filters of the "
                                                "Factories page")));
}

static void
site_activated_cb (VigieBuyersPage *self,
                   guint            position)
{
  g_autoptr(VigieBuyersSiteItem) item = g_list_model_get_item (G_LIST_MODEL (self->sites),
                                                               position);

  if (item != NULL)
    show_site (self, item->site_id);
}

static GtkWidget *
sites_table (VigieBuyersPage              *self,
             const VigieSupplierDashboard *d)
{
  static const struct { const char *title; gboolean expand; } columns[N_COLS] = {
    /* Translators: column of the leverage ranking: the rank of a site */
    { NC_("column", "Rank"), FALSE },
    { NC_("column", "Site"), TRUE },
    { NC_("column", "Country"), FALSE },
    { NC_("column", "Region"), FALSE },
    { NC_("column", "Tiers"), FALSE },
    /* Translators: column: number of affiliates linked to a site */
    { NC_("column", "Affiliates"), FALSE },
    { NC_("column", "Combined Annual Spend"), TRUE },
    /* Translators: column: open findings at a site */
    { NC_("column", "Open Findings"), FALSE },
  };
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkSingleSelection *selection;

  g_clear_object (&self->sites);
  self->sites = g_list_store_new (VIGIE_TYPE_BUYERS_SITE_ITEM);
  for (guint i = 0; i < d->sites->len; i++)
    {
      VigieLeverageSite *s = g_ptr_array_index (d->sites, i);
      VigieBuyersSiteItem *item = g_object_new (VIGIE_TYPE_BUYERS_SITE_ITEM, NULL);
      const char *country = vigie_reference_country_label (s->country);

      item->site_id = s->site_id;
      item->text[COL_RANK] = g_strdup_printf ("%u", s->rank);
      item->text[COL_SITE] = g_strdup (s->name);
      item->text[COL_COUNTRY] = g_strdup (country != NULL ? country : s->country);
      item->text[COL_REGION] = g_strdup (*s->region != '\0' ? vigie_reference_text (s->region) : "");
      item->text[COL_TIERS] = vigie_vocab_labels (VIGIE_VOCAB_TIER, s->tiers);
      item->text[COL_AFFILIATES] = vigie_factories_format_count (s->n_affiliates);
      item->text[COL_SPEND] = format_spend_list (s->spend);
      item->text[COL_OPEN] = vigie_factories_format_count (s->open_findings);
      g_list_store_append (self->sites, item);
      g_object_unref (item);
    }
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sites)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  self->sites_view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (selection)));
  gtk_column_view_set_show_column_separators (self->sites_view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->sites_view), "data-table");
  for (guint c = 0; c < N_COLS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GUINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GUINT_TO_POINTER (c));
      column = gtk_column_view_column_new (g_dpgettext2 (GETTEXT_PACKAGE, "column", columns[c].title),
                                           factory);
      gtk_column_view_column_set_expand (column, columns[c].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->sites_view, column);
      g_object_unref (column);
    }
  g_signal_connect_object (self->sites_view, "activate", G_CALLBACK (site_activated_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sites_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Linked sites ranked by collective leverage"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->sites_view));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller),
                                              MIN (60 + 36 * (int) d->sites->len, 420));
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 420);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_widget_add_css_class (scroller, "card");
  gtk_widget_set_overflow (scroller, GTK_OVERFLOW_HIDDEN);
  return scroller;
}

/* Contracts and requests. */

static void contract_saved_cb (GObject *owner, gint64 id);

static void
open_form (VigieBuyersPage *self,
           GtkWindow       *form)
{
  self->form = form;
  g_object_add_weak_pointer (G_OBJECT (form), (gpointer *) &self->form);
  gtk_window_present (form);
}

static GtkWindow *
parent_window (VigieBuyersPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
contract_row_activated_cb (AdwActionRow    *row,
                           VigieBuyersPage *self)
{
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "id"));

  open_form (self, vigie_contract_form_new (parent_window (self), self->store, id,
                                            self->selected, G_OBJECT (self), contract_saved_cb));
}

static void
undo_delete_cb (VigieBuyersPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (self->store == NULL)
    return;
  if (self->deleted_contract != NULL)
    {
      self->deleted_contract->id = 0;
      id = vigie_store_insert_contract (self->store, self->deleted_contract, &error);
    }
  else if (self->deleted_request != NULL)
    {
      self->deleted_request->id = 0;
      id = vigie_store_insert_disclosure (self->store, self->deleted_request, &error);
    }
  else if (self->deleted_org != NULL)
    {
      self->deleted_org->id = 0;
      id = vigie_store_insert_organisation (self->store, self->deleted_org, &error);
      if (id != 0)
        self->selected = id;
    }
  g_clear_pointer (&self->deleted_contract, vigie_contract_record_free);
  g_clear_pointer (&self->deleted_request, vigie_disclosure_record_free);
  g_clear_pointer (&self->deleted_org, vigie_organisation_record_free);
  if (id == 0 && error != NULL)
    vigie_factories_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
  reload_sidebar (self, self->selected);
  load_dashboard (self);
}

static void
deleted_toast (VigieBuyersPage *self,
               const char      *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete_cb), self,
                           G_CONNECT_SWAPPED);
  vigie_factories_add_toast (GTK_WIDGET (self), toast);
}

static void
forget_deleted (VigieBuyersPage *self)
{
  g_clear_pointer (&self->deleted_contract, vigie_contract_record_free);
  g_clear_pointer (&self->deleted_request, vigie_disclosure_record_free);
  g_clear_pointer (&self->deleted_org, vigie_organisation_record_free);
}

static void
delete_contract_clicked_cb (GtkButton       *button,
                            VigieBuyersPage *self)
{
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "id"));
  g_autoptr(GError) error = NULL;
  VigieContractRecord *copy = vigie_store_get_contract (self->store, id, NULL);

  if (!vigie_store_delete_contract (self->store, id, &error))
    {
      vigie_contract_record_free (copy);
      vigie_factories_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }
  forget_deleted (self);
  self->deleted_contract = copy;
  deleted_toast (self, _("Contract deleted"));
  reload_sidebar (self, self->selected);
  load_dashboard (self);
}

static void
request_saved_cb (GObject *owner,
                  gint64   id)
{
  VigieBuyersPage *self = VIGIE_BUYERS_PAGE (owner);

  load_dashboard (self);
}

static void
request_row_activated_cb (AdwActionRow    *row,
                          VigieBuyersPage *self)
{
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "id"));

  open_form (self, vigie_disclosure_form_new (parent_window (self), self->store, id,
                                              self->selected, G_OBJECT (self), request_saved_cb));
}

static void
delete_request_clicked_cb (GtkButton       *button,
                           VigieBuyersPage *self)
{
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "id"));
  g_autoptr(GError) error = NULL;
  VigieDisclosureRecord *copy = vigie_store_get_disclosure (self->store, id, NULL);

  if (!vigie_store_delete_disclosure (self->store, id, &error))
    {
      vigie_disclosure_record_free (copy);
      vigie_factories_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }
  forget_deleted (self);
  self->deleted_request = copy;
  deleted_toast (self, _("Disclosure request deleted"));
  load_dashboard (self);
}

/* A status picked in a request's row: saved at once; an answered status without a date
 * of answer takes today's. */
static void
request_status_changed_cb (GtkDropDown     *dropdown,
                           GParamSpec      *pspec,
                           VigieBuyersPage *self)
{
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dropdown), "id"));
  const VigieVocabEntry *entries;
  guint n = 0;
  guint i = gtk_drop_down_get_selected (dropdown);
  g_autoptr(VigieDisclosureRecord) r = NULL;
  g_autoptr(GError) error = NULL;

  entries = vigie_vocab_entries (VIGIE_VOCAB_DISCLOSURE_STATUS, &n);
  if (self->store == NULL || i >= n)
    return;
  r = vigie_store_get_disclosure (self->store, id, &error);
  if (r == NULL || g_strcmp0 (r->status, entries[i].code) == 0)
    return;
  g_free (r->status);
  r->status = g_strdup (entries[i].code);
  if (strcmp (r->status, "requested") != 0 && r->answered_on == NULL)
    r->answered_on = vigie_today_iso ();
  if (!vigie_store_update_disclosure (self->store, r, &error))
    {
      vigie_factories_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }
  load_dashboard (self);
}

static GtkWidget *
header_button (const char *icon,
               const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static char *
date_range_text (const char *start,
                 const char *end)
{
  g_autofree char *s = vigie_factories_format_date (start);
  g_autofree char *e = vigie_factories_format_date (end);

  if (*s == '\0' && *e == '\0')
    return g_strdup ("");
  /* Translators: the dates of a contract, "1 Jan 2025 – 31 Dec 2027" */
  return g_strdup_printf (_("%1$s – %2$s"), s, e);
}

static GtkWidget *
contracts_group (VigieBuyersPage *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autoptr(GPtrArray) contracts = vigie_store_list_contracts_of (self->store, self->selected,
                                                                  NULL);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("New _Contract"));

  adw_preferences_group_set_title (group, _("Contracts"));
  gtk_widget_add_css_class (add, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "page.new-contract");
  adw_preferences_group_set_header_suffix (group, add);
  if (contracts == NULL || contracts->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No contract yet"));
      adw_preferences_group_add (group, row);
    }
  for (guint i = 0; contracts != NULL && i < contracts->len; i++)
    {
      VigieContractSummary *c = g_ptr_array_index (contracts, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = header_button ("user-trash-symbolic", _("Delete the Contract"));
      GString *parties = g_string_new (c->affiliate_name);
      g_autofree char *dates = date_range_text (c->start_date, c->end_date);
      g_autofree char *title = NULL;
      g_autofree char *sites = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d site", "%d sites",
                                                             (gulong) c->n_sites),
                                                (int) c->n_sites);

      if (*c->contractor_name != '\0')
        g_string_append_printf (parties, " · %s", c->contractor_name);
      if (*c->brand_name != '\0')
        g_string_append_printf (parties, " · %s", c->brand_name);
      if (*dates != '\0')
        g_string_append_printf (parties, " · %s", dates);
      if (c->annual_spend_minor >= 0)
        {
          g_autofree char *money = vigie_format_money (c->annual_spend_minor, c->currency);
          /* Translators: the annual spend of a contract */
          g_string_append_printf (parties, " · %s", money);
        }
      g_string_append_printf (parties, " · %s", sites);
      title = *c->models != '\0'
              /* Translators: a contract: its reference and the product models bought */
              ? g_strdup_printf (_("%1$s: %2$s"),
                                 *c->reference != '\0' ? c->reference : _("No reference"),
                                 c->models)
              : g_strdup (*c->reference != '\0' ? c->reference : _("No reference"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), parties->str);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      g_string_free (parties, TRUE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "id", GSIZE_TO_POINTER ((gsize) c->id));
      g_signal_connect_object (row, "activated", G_CALLBACK (contract_row_activated_cb), self, 0);
      g_object_set_data (G_OBJECT (remove), "id", GSIZE_TO_POINTER ((gsize) c->id));
      g_signal_connect_object (remove, "clicked", G_CALLBACK (delete_contract_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      adw_preferences_group_add (group, row);
    }
  return GTK_WIDGET (group);
}

static GtkWidget *
requests_group (VigieBuyersPage *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autoptr(GPtrArray) requests = vigie_store_list_disclosures_of (self->store, self->selected,
                                                                   NULL);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("New _Request"));

  adw_preferences_group_set_title (group, _("Disclosure Requests"));
  gtk_widget_add_css_class (add, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "page.new-request");
  adw_preferences_group_set_header_suffix (group, add);
  if (requests == NULL || requests->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No disclosure request yet"));
      adw_preferences_group_add (group, row);
    }
  for (guint i = 0; requests != NULL && i < requests->len; i++)
    {
      VigieDisclosureSummary *s = g_ptr_array_index (requests, i);
      VigieDisclosureRecord *r = s->record;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = header_button ("user-trash-symbolic", _("Delete the Request"));
      g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
      const VigieVocabEntry *entries;
      guint n = 0;
      GtkWidget *status;
      GString *detail = g_string_new (NULL);
      g_autofree char *requested = vigie_factories_format_date (r->requested_on);
      g_autofree char *title = NULL;

      entries = vigie_vocab_entries (VIGIE_VOCAB_DISCLOSURE_STATUS, &n);
      for (guint k = 0; k < n; k++)
        gtk_string_list_append (statuses, vigie_vocab_label (VIGIE_VOCAB_DISCLOSURE_STATUS,
                                                             entries[k].code));
      status = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (statuses)), NULL);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (status),
                                  (guint) MAX (vigie_vocab_index (VIGIE_VOCAB_DISCLOSURE_STATUS,
                                                                  r->status), 0));
      gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (status, _("Status of the request"));
      g_object_set_data (G_OBJECT (status), "id", GSIZE_TO_POINTER ((gsize) r->id));
      g_signal_connect_object (status, "notify::selected", G_CALLBACK (request_status_changed_cb),
                               self, 0);

      title = r->tier != NULL
              /* Translators: a disclosure request: what was asked, and for which tier */
              ? g_strdup_printf (_("%1$s (%2$s)"),
                                 vigie_vocab_label (VIGIE_VOCAB_DISCLOSURE_SUBJECT, r->subject),
                                 vigie_vocab_label (VIGIE_VOCAB_TIER, r->tier))
              : g_strdup (vigie_vocab_label (VIGIE_VOCAB_DISCLOSURE_SUBJECT, r->subject));
      /* Translators: who a disclosure request was sent to */
      g_string_append_printf (detail, _("Asked %s"), s->organisation_name);
      if (*s->contract_reference != '\0')
        g_string_append_printf (detail, " · %s", s->contract_reference);
      /* Translators: the date a disclosure request was made */
      g_string_append_printf (detail, " · ");
      g_string_append_printf (detail, _("requested %s"), requested);
      if (r->due_on != NULL)
        {
          g_autofree char *due = vigie_factories_format_date (r->due_on);
          g_string_append (detail, " · ");
          g_string_append_printf (detail, _("due %s"), due);
        }
      if (r->answered_on != NULL)
        {
          g_autofree char *answered = vigie_factories_format_date (r->answered_on);
          g_string_append (detail, " · ");
          g_string_append_printf (detail, _("answered %s"), answered);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), detail->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      g_string_free (detail, TRUE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "id", GSIZE_TO_POINTER ((gsize) r->id));
      g_signal_connect_object (row, "activated", G_CALLBACK (request_row_activated_cb), self, 0);
      g_object_set_data (G_OBJECT (remove), "id", GSIZE_TO_POINTER ((gsize) r->id));
      g_signal_connect_object (remove, "clicked", G_CALLBACK (delete_request_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (group, row);
    }
  return GTK_WIDGET (group);
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static void
build_dashboard (VigieBuyersPage *self)
{
  const VigieSupplierDashboard *d = self->dashboard;
  g_autoptr(VigieOrganisationRecord) org = vigie_store_get_organisation (self->store, d->organisation_id, NULL);
  gboolean supplier = g_strcmp0 (d->kind, "brand") == 0 || g_strcmp0 (d->kind, "contractor") == 0;
  GtkWidget *header, *titles, *title, *subtitle, *buttons, *button, *flow, *grid;
  GString *sub = g_string_new (vigie_vocab_label (VIGIE_VOCAB_ORGANISATION_KIND, d->kind));
  ChartData *chart;
  g_autofree char *spend = format_spend_list (d->spend);

  self->sites_view = NULL;
  clear_box (self->dashboard_box);

  /* Header. */
  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_hexpand (titles, TRUE);
  title = gtk_label_new (d->name);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "title-1");
  if (org != NULL && org->country != NULL)
    {
      const char *country = vigie_reference_country_label (org->country);
      g_string_append_printf (sub, " · %s", country != NULL ? country : org->country);
    }
  if (org != NULL && org->consortium_id > 0)
    {
      g_autoptr(VigieOrganisationRecord) cons = vigie_store_get_organisation (self->store,
                                                                              org->consortium_id,
                                                                              NULL);
      if (cons != NULL)
        {
          g_string_append (sub, " · ");
          g_string_append_printf (sub, _("via %s"), cons->name);
        }
    }
  else if (g_strcmp0 (d->kind, "affiliate") == 0)
    g_string_append_printf (sub, " · %s", _("direct affiliation"));
  subtitle = gtk_label_new (sub->str);
  g_string_free (sub, TRUE);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (titles), title);
  gtk_box_append (GTK_BOX (titles), subtitle);
  {
    /* Translators: %s lists amounts per currency ("1,000.00 EUR + 20.00 SEK") */
    g_autofree char *text = g_strdup_printf (_("Annual spend of its contracts: %s (currencies are "
                                               "shown side by side, never converted)"), spend);
    GtkWidget *label = gtk_label_new (text);

    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    gtk_box_append (GTK_BOX (titles), label);
  }
  gtk_box_append (GTK_BOX (header), titles);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (buttons, GTK_ALIGN_START);
  button = gtk_button_new_with_mnemonic (_("_Edit"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "page.edit-organisation");
  gtk_box_append (GTK_BOX (buttons), button);
  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (button, _("Delete the Organisation"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "page.delete-organisation");
  gtk_box_append (GTK_BOX (buttons), button);
  gtk_box_append (GTK_BOX (header), buttons);
  gtk_box_append (GTK_BOX (self->dashboard_box), header);

  /* Key numbers. */
  flow = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 3);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  add_count_card (GTK_FLOW_BOX (flow), d->n_sites,
                  g_dngettext (GETTEXT_PACKAGE, "linked site", "linked sites", (gulong) d->n_sites));
  add_count_card (GTK_FLOW_BOX (flow), d->n_countries,
                  g_dngettext (GETTEXT_PACKAGE, "country", "countries", (gulong) d->n_countries));
  add_count_card (GTK_FLOW_BOX (flow), d->n_contracts,
                  g_dngettext (GETTEXT_PACKAGE, "contract", "contracts", (gulong) d->n_contracts));
  add_count_card (GTK_FLOW_BOX (flow), d->n_affiliates,
                  g_dngettext (GETTEXT_PACKAGE, "affiliate", "affiliates", (gulong) d->n_affiliates));
  add_count_card (GTK_FLOW_BOX (flow), d->open_findings,
                  g_dngettext (GETTEXT_PACKAGE, "open finding", "open findings", (gulong) d->open_findings));
  add_count_card (GTK_FLOW_BOX (flow), d->overdue_actions,
                  g_dngettext (GETTEXT_PACKAGE, "overdue action", "overdue actions", (gulong) d->overdue_actions));
  gtk_box_append (GTK_BOX (self->dashboard_box), flow);

  /* Charts. */
  grid = gtk_grid_new ();
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);

  chart = counts_chart (d->countries, _("Sites"), _("No linked site"));
  gtk_grid_attach (GTK_GRID (grid),
                   chart_card (_("Linked Sites by Country"), chart,
                               chart_height (d->countries->len)), 0, 0, 1, 1);
  chart = counts_chart (d->regions, _("Sites"), _("No linked site"));
  gtk_grid_attach (GTK_GRID (grid),
                   chart_card (_("Linked Sites by Region"), chart,
                               chart_height (d->countries->len)), 1, 0, 1, 1);
  chart = counts_chart (d->themes, _("Open findings"), _("No open finding"));
  gtk_grid_attach (GTK_GRID (grid),
                   chart_card (_("Open Findings by Theme"), chart, chart_height (d->themes->len)),
                   0, 1, 2, 1);
  chart = counts_chart (d->remediation, _("Actions"), _("No remediation action"));
  gtk_grid_attach (GTK_GRID (grid),
                   chart_card (_("Remediation Actions by Status"), chart,
                               chart_height (d->remediation->len)),
                   0, 2, 2, 1);

  /* Disclosure per tier: stacked by status; the label says how many are complete. */
  chart = chart_data_new (NULL, _("No disclosure request"));
  {
    const char *statuses[] = { "complete", "partial", "requested", "refused" };

    for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
      g_ptr_array_add (chart->series,
                       g_strdup (vigie_vocab_label (VIGIE_VOCAB_DISCLOSURE_STATUS, statuses[s])));
    for (guint i = 0; i < d->tiers->len; i++)
      {
        VigieTierDisclosure *t = g_ptr_array_index (d->tiers, i);
        double v[4] = { t->complete, t->partial, t->requested, t->refused };

        /* Translators: a tier and its disclosure completeness: "Final assembly: 2 of 5 complete" */
        g_ptr_array_add (chart->categories,
                         g_strdup_printf (_("%1$s: %2$d of %3$d complete"), t->label,
                                          (int) t->complete, (int) t->total));
        g_array_append_vals (chart->values, v, 4);
      }
    chart_data_finish (chart, VIGIE_BAR_CHART_STACKED);
  }
  gtk_grid_attach (GTK_GRID (grid),
                   chart_card (_("Disclosure Completeness per Tier"), chart,
                               chart_height (d->tiers->len) + 30), 0, 3, 2, 1);
  gtk_box_append (GTK_BOX (self->dashboard_box), grid);

  /* Performance components. */
  if (supplier)
    gtk_box_append (GTK_BOX (self->dashboard_box), performance_group (d));

  /* Leverage ranking. */
  {
    g_autofree char *description = NULL;

    if (d->ranking_currency != NULL)
      /* Translators: %s is a currency code (EUR) */
      description = g_strdup_printf (_("Every affiliate and contract linked to a site counts, "
                                       "not only this organisation’s. Sites are ranked by the "
                                       "number of linked affiliates, then by combined annual "
                                       "spend in %s, the currency of most of its contracts; "
                                       "other currencies are shown but never converted. "
                                       "Activate a site to open it on the Factories page."),
                                     d->ranking_currency);
    else
      description = g_strdup (_("Every affiliate linked to a site counts, not only this "
                                "organisation’s. Sites are ranked by the number of linked "
                                "affiliates. Activate a site to open it on the Factories page."));
    gtk_box_append (GTK_BOX (self->dashboard_box),
                    section_heading (_("Linked Sites Ranked by Collective Leverage"), description));
  }
  if (d->sites->len > 0)
    gtk_box_append (GTK_BOX (self->dashboard_box), sites_table (self, d));
  else
    {
      GtkWidget *none = gtk_label_new (_("No site is linked to the contracts of this "
                                         "organisation yet. Link sites from a contract."));

      gtk_label_set_wrap (GTK_LABEL (none), TRUE);
      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (GTK_BOX (self->dashboard_box), none);
    }

  gtk_box_append (GTK_BOX (self->dashboard_box), contracts_group (self));
  gtk_box_append (GTK_BOX (self->dashboard_box), requests_group (self));
}

static void
update_actions (VigieBuyersPage *self)
{
  gboolean has_store = self->store != NULL;
  gboolean has_selection = has_store && self->selected > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.new-organisation", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.edit-organisation", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.delete-organisation", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.new-contract", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.new-request", has_selection);
}

static void
dashboard_ready_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(VigieBuyersPage) self = user_data;
  g_autoptr(GError) error = NULL;
  VigieSupplierDashboard *d = vigie_store_supplier_dashboard_finish (VIGIE_STORE (source),
                                                                     result, &error);

  if (d == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          vigie_factories_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
          gtk_stack_set_visible_child_name (self->content_stack, "empty");
          gtk_spinner_stop (self->spinner);
          g_clear_object (&self->cancellable);
        }
      return;
    }
  if (self->store != VIGIE_STORE (source) || d->organisation_id != self->selected)
    {
      vigie_supplier_dashboard_free (d);
      return;
    }
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->dashboard, vigie_supplier_dashboard_free);
  self->dashboard = d;
  build_dashboard (self);
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->content_stack, "dashboard");
  update_actions (self);
}

static void
load_dashboard (VigieBuyersPage *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  update_actions (self);
  if (self->store == NULL || self->selected <= 0)
    {
      g_clear_pointer (&self->dashboard, vigie_supplier_dashboard_free);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }
  /* Keep the old dashboard on screen while the same organisation is recomputed. */
  if (self->dashboard == NULL || self->dashboard->organisation_id != self->selected)
    {
      g_clear_pointer (&self->dashboard, vigie_supplier_dashboard_free);
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->content_stack, "loading");
    }
  self->cancellable = g_cancellable_new ();
  vigie_store_supplier_dashboard_async (self->store, self->selected, self->cancellable,
                                        dashboard_ready_cb, g_object_ref (self));
}

/* ─── Actions ────────────────────────────────────────────────────────────── */

static void
organisation_saved_cb (GObject *owner,
                       gint64   id)
{
  VigieBuyersPage *self = VIGIE_BUYERS_PAGE (owner);
  gboolean same = id == self->selected;

  self->selected = id;
  if (same)
    g_clear_pointer (&self->dashboard, vigie_supplier_dashboard_free);
  reload_sidebar (self, id);
  load_dashboard (self);
}

static void
contract_saved_cb (GObject *owner,
                   gint64   id)
{
  VigieBuyersPage *self = VIGIE_BUYERS_PAGE (owner);

  reload_sidebar (self, self->selected);
  load_dashboard (self);
}

static void
new_organisation_activated (GtkWidget  *widget,
                            const char *name,
                            GVariant   *parameter)
{
  VigieBuyersPage *self = VIGIE_BUYERS_PAGE (widget);
  guint kind = gtk_drop_down_get_selected (self->kind_filter);

  if (self->store == NULL)
    return;
  open_form (self, vigie_organisation_form_new (parent_window (self), self->store, 0,
                                                kind < G_N_ELEMENTS (kind_codes) && kind > 0
                                                ? kind_codes[kind] : "affiliate",
                                                G_OBJECT (self), organisation_saved_cb));
}

static void
edit_organisation_activated (GtkWidget  *widget,
                             const char *name,
                             GVariant   *parameter)
{
  VigieBuyersPage *self = VIGIE_BUYERS_PAGE (widget);

  if (self->store == NULL || self->selected <= 0)
    return;
  open_form (self, vigie_organisation_form_new (parent_window (self), self->store,
                                                self->selected, NULL, G_OBJECT (self),
                                                organisation_saved_cb));
}

static void
delete_organisation_activated (GtkWidget  *widget,
                               const char *name,
                               GVariant   *parameter)
{
  VigieBuyersPage *self = VIGIE_BUYERS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  VigieOrganisationRecord *copy;

  if (self->store == NULL || self->selected <= 0)
    return;
  copy = vigie_store_get_organisation (self->store, self->selected, NULL);
  if (!vigie_store_delete_organisation (self->store, self->selected, &error))
    {
      vigie_organisation_record_free (copy);
      vigie_factories_add_toast (widget, adw_toast_new (error->message));
      return;
    }
  forget_deleted (self);
  self->deleted_org = copy;
  deleted_toast (self, _("Organisation deleted"));
  self->selected = 0;
  reload_sidebar (self, 0);
  load_dashboard (self);
}

static void
new_contract_activated (GtkWidget  *widget,
                        const char *name,
                        GVariant   *parameter)
{
  VigieBuyersPage *self = VIGIE_BUYERS_PAGE (widget);

  if (self->store == NULL)
    return;
  open_form (self, vigie_contract_form_new (parent_window (self), self->store, 0,
                                            self->selected, G_OBJECT (self), contract_saved_cb));
}

static void
new_request_activated (GtkWidget  *widget,
                       const char *name,
                       GVariant   *parameter)
{
  VigieBuyersPage *self = VIGIE_BUYERS_PAGE (widget);

  if (self->store == NULL)
    return;
  open_form (self, vigie_disclosure_form_new (parent_window (self), self->store, 0,
                                              self->selected, G_OBJECT (self), request_saved_cb));
}

static void
search_activated (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (VIGIE_BUYERS_PAGE (widget)->search_entry));
}

/* ─── Store ──────────────────────────────────────────────────────────────── */

static void
set_store (VigieBuyersPage *self,
           VigieStore      *store)
{
  if (!g_set_object (&self->store, store))
    return;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->dashboard, vigie_supplier_dashboard_free);
  forget_deleted (self);
  self->selected = 0;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  reload_sidebar (self, 0);
  load_dashboard (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/* ─── Accessors ──────────────────────────────────────────────────────────── */

GtkListBox *
vigie_buyers_page_get_sidebar (VigieBuyersPage *self)
{
  return self->sidebar;
}

GtkEditable *
vigie_buyers_page_get_search_entry (VigieBuyersPage *self)
{
  return GTK_EDITABLE (self->search_entry);
}

VigieSupplierDashboard *
vigie_buyers_page_get_dashboard (VigieBuyersPage *self)
{
  return self->dashboard;
}

GtkColumnView *
vigie_buyers_page_get_sites_view (VigieBuyersPage *self)
{
  return self->sites_view;
}

GtkWidget *
vigie_buyers_page_get_dashboard_box (VigieBuyersPage *self)
{
  return self->dashboard_box;
}

gboolean
vigie_buyers_page_select (VigieBuyersPage *self,
                          gint64           id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row)
        && (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "id")) == id)
      {
        gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (row));
        return TRUE;
      }
  return FALSE;
}

gint64
vigie_buyers_page_get_selected (VigieBuyersPage *self)
{
  return self->selected;
}

gboolean
vigie_buyers_page_get_busy (VigieBuyersPage *self)
{
  return self->cancellable != NULL;
}

GtkWindow *
vigie_buyers_page_get_form (VigieBuyersPage *self)
{
  return self->form;
}

/* ─── GObject ────────────────────────────────────────────────────────────── */

static void
vigie_buyers_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VigieBuyersPage *self = VIGIE_BUYERS_PAGE (object);

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
vigie_buyers_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  VigieBuyersPage *self = VIGIE_BUYERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigie_buyers_page_dispose (GObject *object)
{
  VigieBuyersPage *self = VIGIE_BUYERS_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->form != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->form), (gpointer *) &self->form);
  self->form = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIE_TYPE_BUYERS_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->sites);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  g_clear_pointer (&self->dashboard, vigie_supplier_dashboard_free);
  forget_deleted (self);
  G_OBJECT_CLASS (vigie_buyers_page_parent_class)->dispose (object);
}

static void
vigie_buyers_page_class_init (VigieBuyersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = vigie_buyers_page_get_property;
  object_class->set_property = vigie_buyers_page_set_property;
  object_class->dispose = vigie_buyers_page_dispose;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, VIGIE_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                                | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vigie/Vigie/vigie-buyers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VigieBuyersPage, paned);
  gtk_widget_class_bind_template_child (widget_class, VigieBuyersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VigieBuyersPage, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, VigieBuyersPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, VigieBuyersPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, VigieBuyersPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, VigieBuyersPage, dashboard_box);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);

  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "page.new-organisation", NULL,
                                   new_organisation_activated);
  gtk_widget_class_install_action (widget_class, "page.edit-organisation", NULL,
                                   edit_organisation_activated);
  gtk_widget_class_install_action (widget_class, "page.delete-organisation", NULL,
                                   delete_organisation_activated);
  gtk_widget_class_install_action (widget_class, "page.new-contract", NULL,
                                   new_contract_activated);
  gtk_widget_class_install_action (widget_class, "page.new-request", NULL,
                                   new_request_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "page.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "page.new-organisation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "page.edit-organisation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK,
                                       "page.new-contract", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "page.new-request", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vigie_buyers_page_init (VigieBuyersPage *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_string_list_append (kinds, _("All Organisations"));
  gtk_string_list_append (kinds, _("Affiliates"));
  gtk_string_list_append (kinds, _("Purchasing Consortia"));
  gtk_string_list_append (kinds, _("Contractors"));
  gtk_string_list_append (kinds, _("Brands"));
  gtk_drop_down_set_model (self->kind_filter, G_LIST_MODEL (kinds));
  gtk_list_box_set_header_func (self->sidebar, header_func, NULL, NULL);
  update_actions (self);
}

GtkWidget *
vigie_buyers_page_new (void)
{
  return g_object_new (VIGIE_TYPE_BUYERS_PAGE, NULL);
}

/* vigie-hazard-summary.c — the hazard summary view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "vigie-chart-widget.h"
#include "vigie-hazard-summary.h"

struct _VigieHazardChart
{
  GPtrArray         *categories;
  GPtrArray         *notes;
  const char        *series[2];
  double            *values;
  VigieBarChartData  data;
};

VigieHazardChart *
vigie_hazard_chart_new (const VigieHazardSummary *summary)
{
  VigieHazardChart *chart = g_new0 (VigieHazardChart, 1);
  guint n = summary != NULL ? summary->items->len : 0;

  chart->categories = g_ptr_array_new_with_free_func (g_free);
  chart->notes = g_ptr_array_new_with_free_func (g_free);
  chart->values = g_new0 (double, MAX (n, 1) * 2);
  chart->series[0] = _("Women exposed");
  chart->series[1] = _("Other workers exposed");
  for (guint i = 0; i < n; i++)
    {
      VigieHazardSummaryItem *item = g_ptr_array_index (summary->items, i);
      g_autoptr(GPtrArray) gaps = g_ptr_array_new ();

      g_ptr_array_add (chart->categories,
                       *item->cmr_codes != '\0'
                       /* Translators: a product and its CMR hazard codes in a chart */
                       ? g_strdup_printf (_("%1$s (%2$s)"), item->trade_name, item->cmr_codes)
                       : g_strdup (item->trade_name));
      if (item->workers_exposed < 0)
        g_ptr_array_add (gaps, _("exposure unknown"));
      if (item->sds_missing)
        g_ptr_array_add (gaps, _("no SDS"));
      else if (item->sds_not_in_language)
        g_ptr_array_add (gaps, _("SDS not in workers’ language"));
      if (item->ppe_missing)
        g_ptr_array_add (gaps, _("no PPE"));
      else if (item->ppe_inadequate)
        g_ptr_array_add (gaps, _("PPE inadequate"));
      g_ptr_array_add (gaps, NULL);
      /* Translators: separator between the gaps written next to a bar */
      g_ptr_array_add (chart->notes, g_strjoinv (C_("gaps", " · "), (char **) gaps->pdata));

      if (item->workers_exposed >= 0)
        {
          double women = item->women_exposed >= 0 ? (double) item->women_exposed : 0;

          chart->values[i * 2] = women;
          chart->values[i * 2 + 1] = (double) item->workers_exposed - women;
        }
      else
        chart->values[i * 2] = chart->values[i * 2 + 1] = NAN;
    }
  chart->data.title = _("Workers exposed to carcinogenic, mutagenic or reprotoxic products");
  chart->data.n_categories = n;
  chart->data.categories = (const char * const *) chart->categories->pdata;
  chart->data.category_notes = (const char * const *) chart->notes->pdata;
  chart->data.n_series = 2;
  chart->data.series_names = chart->series;
  chart->data.values = chart->values;
  chart->data.mode = VIGIE_BAR_CHART_STACKED;
  chart->data.empty_text = _("No product of this inventory carries a carcinogenic, mutagenic "
                             "or reprotoxic hazard.");
  return chart;
}

const VigieBarChartData *
vigie_hazard_chart_get_data (VigieHazardChart *chart)
{
  return &chart->data;
}

void
vigie_hazard_chart_free (VigieHazardChart *chart)
{
  if (chart == NULL)
    return;
  g_ptr_array_unref (chart->categories);
  g_ptr_array_unref (chart->notes);
  g_free (chart->values);
  g_free (chart);
}

/* ─── View ───────────────────────────────────────────────────────────────── */

struct _VigieHazardSummaryView
{
  GtkWidget           parent_instance;

  GtkWidget          *box;
  GtkWidget          *title;
  GtkWidget          *figures;
  GtkWidget          *chart;
  VigieHazardSummary *summary;
};

G_DEFINE_FINAL_TYPE (VigieHazardSummaryView, vigie_hazard_summary_view, GTK_TYPE_WIDGET)

static void
render_chart (cairo_t               *cr,
              const VigieChartStyle *style,
              double                 width,
              double                 height,
              gpointer               user_data)
{
  VigieHazardChart *chart = user_data;

  vigie_chart_bar_render (cr, vigie_hazard_chart_get_data (chart), style, width, height);
}

static GtkWidget *
figure (const char *value,
        const char *caption,
        gboolean    alert)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *v = gtk_label_new (value);
  GtkWidget *c = gtk_label_new (caption);

  gtk_widget_add_css_class (v, "title-1");
  if (alert)
    gtk_widget_add_css_class (v, "error");
  gtk_label_set_wrap (GTK_LABEL (c), TRUE);
  gtk_label_set_justify (GTK_LABEL (c), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (c), 18);
  gtk_widget_add_css_class (c, "dim-label");
  gtk_box_append (GTK_BOX (box), v);
  gtk_box_append (GTK_BOX (box), c);
  gtk_widget_set_hexpand (box, TRUE);
  return box;
}

static char *
count (gint64 n)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, n);
}

void
vigie_hazard_summary_view_set_summary (VigieHazardSummaryView *self,
                                       VigieHazardSummary     *summary,
                                       const char             *site_name)
{
  GtkWidget *child;

  g_return_if_fail (VIGIE_IS_HAZARD_SUMMARY_VIEW (self));

  g_clear_pointer (&self->summary, vigie_hazard_summary_free);
  self->summary = summary;
  while ((child = gtk_widget_get_first_child (self->figures)) != NULL)
    gtk_box_remove (GTK_BOX (self->figures), child);

  if (summary == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->title), _("Choose a site to see its hazard summary"));
      vigie_chart_widget_set_renderer (VIGIE_CHART_WIDGET (self->chart), NULL, NULL, NULL);
      return;
    }

  {
    g_autofree char *title = summary->period != NULL
                             /* Translators: %1$s a site, %2$s a period (2025 or 2025-03) */
                             ? g_strdup_printf (_("Hazard summary of %1$s, %2$s"), site_name,
                                                summary->period)
                             : g_strdup_printf (_("Hazard summary of %s, every period"),
                                                site_name);
    g_autofree char *a = g_strdup_printf ("%u / %u", summary->n_cmr_products,
                                          summary->n_products);
    g_autofree char *b = count (summary->workers_exposed_cmr);
    g_autofree char *c = count (summary->women_exposed_cmr);
    g_autofree char *d = count (summary->n_cmr_sds_gap);
    g_autofree char *e = count (summary->n_cmr_ppe_gap);
    g_autofree char *f = count (summary->n_measurements_above_limit);

    gtk_label_set_text (GTK_LABEL (self->title), title);
    gtk_box_append (GTK_BOX (self->figures), figure (a, _("products are CMR"),
                                                     summary->n_cmr_products > 0));
    gtk_box_append (GTK_BOX (self->figures), figure (b, _("worker exposures to CMR products"),
                                                     FALSE));
    gtk_box_append (GTK_BOX (self->figures), figure (c, _("of them women"), FALSE));
    gtk_box_append (GTK_BOX (self->figures), figure (d, _("CMR products without an SDS the "
                                                          "workers can read"),
                                                     summary->n_cmr_sds_gap > 0));
    gtk_box_append (GTK_BOX (self->figures), figure (e, _("CMR products with missing or "
                                                          "inadequate PPE"),
                                                     summary->n_cmr_ppe_gap > 0));
    gtk_box_append (GTK_BOX (self->figures), figure (f, _("measurements above the limit"),
                                                     summary->n_measurements_above_limit > 0));
  }
  vigie_chart_widget_set_renderer (VIGIE_CHART_WIDGET (self->chart), render_chart,
                                   vigie_hazard_chart_new (summary),
                                   (GDestroyNotify) vigie_hazard_chart_free);
}

const VigieHazardSummary *
vigie_hazard_summary_view_get_summary (VigieHazardSummaryView *self)
{
  g_return_val_if_fail (VIGIE_IS_HAZARD_SUMMARY_VIEW (self), NULL);
  return self->summary;
}

GtkWidget *
vigie_hazard_summary_view_get_chart (VigieHazardSummaryView *self)
{
  g_return_val_if_fail (VIGIE_IS_HAZARD_SUMMARY_VIEW (self), NULL);
  return self->chart;
}

static void
vigie_hazard_summary_view_dispose (GObject *object)
{
  VigieHazardSummaryView *self = VIGIE_HAZARD_SUMMARY_VIEW (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->summary, vigie_hazard_summary_free);
  G_OBJECT_CLASS (vigie_hazard_summary_view_parent_class)->dispose (object);
}

static void
vigie_hazard_summary_view_class_init (VigieHazardSummaryViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = vigie_hazard_summary_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vigie_hazard_summary_view_init (VigieHazardSummaryView *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_start (self->box, 24);
  gtk_widget_set_margin_end (self->box, 24);
  gtk_widget_set_margin_top (self->box, 18);
  gtk_widget_set_margin_bottom (self->box, 18);
  self->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title), 0);
  gtk_label_set_wrap (GTK_LABEL (self->title), TRUE);
  gtk_widget_add_css_class (self->title, "title-2");
  self->figures = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_set_homogeneous (GTK_BOX (self->figures), TRUE);
  self->chart = vigie_chart_widget_new ();
  gtk_widget_set_vexpand (self->chart, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Workers exposed to each CMR product"), -1);
  gtk_box_append (GTK_BOX (self->box), self->title);
  gtk_box_append (GTK_BOX (self->box), self->figures);
  gtk_box_append (GTK_BOX (self->box), self->chart);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  vigie_hazard_summary_view_set_summary (self, NULL, NULL);
}

GtkWidget *
vigie_hazard_summary_view_new (void)
{
  return g_object_new (VIGIE_TYPE_HAZARD_SUMMARY_VIEW, NULL);
}

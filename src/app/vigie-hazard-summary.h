/* vigie-hazard-summary.h — the hazard summary of a site's chemical inventory: key figures
 * and a bar chart of the workers exposed to each CMR product (women and other workers),
 * with the SDS and PPE gaps written next to each bar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigie-chemical.h"
#include "vigie-chart-bar.h"

G_BEGIN_DECLS

#define VIGIE_TYPE_HAZARD_SUMMARY_VIEW (vigie_hazard_summary_view_get_type ())
G_DECLARE_FINAL_TYPE (VigieHazardSummaryView, vigie_hazard_summary_view, VIGIE,
                      HAZARD_SUMMARY_VIEW, GtkWidget)

GtkWidget *vigie_hazard_summary_view_new         (void);
/* Shows SUMMARY (taken; NULL: the empty state) of the site SITE_NAME. */
void       vigie_hazard_summary_view_set_summary (VigieHazardSummaryView *self,
                                                  VigieHazardSummary     *summary,
                                                  const char             *site_name);
const VigieHazardSummary *vigie_hazard_summary_view_get_summary (VigieHazardSummaryView *self);
GtkWidget *vigie_hazard_summary_view_get_chart   (VigieHazardSummaryView *self);

/* The chart of SUMMARY, for the screen and for reports: categories, notes and values
 * owned by the returned object. */
typedef struct _VigieHazardChart VigieHazardChart;

VigieHazardChart        *vigie_hazard_chart_new      (const VigieHazardSummary *summary);
const VigieBarChartData *vigie_hazard_chart_get_data (VigieHazardChart         *chart);
void                     vigie_hazard_chart_free     (VigieHazardChart         *chart);

G_END_DECLS

/* vigie-overview-page.h — the Overview page: the key figures of a year and their charts,
 * computed off the main thread, each number and chart element leading to the list it
 * counts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigie-figures.h"
#include "vigie-store.h"

G_BEGIN_DECLS

#define VIGIE_TYPE_OVERVIEW_PAGE (vigie_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (VigieOverviewPage, vigie_overview_page, VIGIE, OVERVIEW_PAGE, GtkWidget)

/* The charts of the page, for vigie_overview_page_activate_element(). */
typedef enum
{
  VIGIE_OVERVIEW_CHART_THEMES,      /* findings by theme (categories) × severity (series) */
  VIGIE_OVERVIEW_CHART_STATUS,      /* actions due in the year by status (categories) */
  VIGIE_OVERVIEW_CHART_MONTHLY,     /* series 0 findings, 1 actions completed; months */
  VIGIE_OVERVIEW_CHART_COUNTRIES,   /* sites by country (categories): linked, monitored */
  VIGIE_OVERVIEW_N_CHARTS
} VigieOverviewChart;

void                vigie_overview_page_set_store        (VigieOverviewPage  *self,
                                                          VigieStore         *store);
/* Shows YEAR (and COUNTRY, NULL for every country) and computes its figures. */
void                vigie_overview_page_set_year         (VigieOverviewPage  *self,
                                                          int                 year,
                                                          const char         *country);
int                 vigie_overview_page_get_year         (VigieOverviewPage  *self);

/* For tests. TRUE while figures are being computed. */
gboolean            vigie_overview_page_get_busy         (VigieOverviewPage  *self);
/* The figures shown (NULL before the first result). */
const VigieFigures *vigie_overview_page_get_figures      (VigieOverviewPage  *self);
/* The button of a key figure: sites-linked, sites-monitored, investigations, workers,
 * critical, major, minor, observation, overdue, remedy. */
GtkButton          *vigie_overview_page_get_tile         (VigieOverviewPage  *self,
                                                          const char         *name);
/* The number a key figure shows. */
const char         *vigie_overview_page_get_tile_value   (VigieOverviewPage  *self,
                                                          const char         *name);
GtkWidget          *vigie_overview_page_get_chart        (VigieOverviewPage  *self,
                                                          VigieOverviewChart  chart);
/* The window listing the investigations under way or the activities (opened by the
 * investigations and workers key figures), or NULL; TRUE while its rows are being read;
 * the rows once read (VigieFiguresRow), or NULL. */
GtkWindow          *vigie_overview_page_get_rows_window  (VigieOverviewPage  *self);
gboolean            vigie_overview_page_get_rows_busy    (VigieOverviewPage  *self);
GPtrArray          *vigie_overview_page_get_rows         (VigieOverviewPage  *self);
/* What a click on element (CATEGORY, SERIES) of CHART does: switches to the list it
 * counts, filtered to exactly what it counts (year, country, theme, severity, status,
 * month...). For the monthly chart CATEGORY is the month (0..11) and SERIES the line (0
 * findings, 1 actions completed). SERIES is G_MAXUINT for a category label (a theme: its
 * findings; a country: its sites linked or monitored). FALSE when there is no such
 * element. The keyboard reaches the same elements (vigie-chart-widget.h). */
gboolean            vigie_overview_page_activate_element (VigieOverviewPage  *self,
                                                          VigieOverviewChart  chart,
                                                          guint               category,
                                                          guint               series);

G_END_DECLS

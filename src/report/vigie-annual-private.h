/* vigie-annual-private.h — what the annual report's PDF (vigie-annual-report.c) and XLSX
 * (vigie-annual-xlsx.c) writers share: the figures of vigie_figures_compute() laid out as
 * one section per figure — a title, a sentence saying what it counts, a table of typed
 * cells, the kind of chart and which columns it plots, and notes — in the report language
 * pushed on the calling thread (vigie-report-locale.h). The PDF and the workbook show the
 * same numbers because they read the same sections.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigie-annual-report.h"
#include "vigie-figures.h"

G_BEGIN_DECLS

typedef enum
{
  VIGIE_ANNUAL_CELL_EMPTY,
  VIGIE_ANNUAL_CELL_TEXT,     /* text */
  VIGIE_ANNUAL_CELL_COUNT,    /* count */
  VIGIE_ANNUAL_CELL_SHARE,    /* value, 0..1; NAN unknown */
  VIGIE_ANNUAL_CELL_DAYS,     /* value; NAN unknown */
  VIGIE_ANNUAL_CELL_MONEY,    /* count: minor units of currency */
  VIGIE_ANNUAL_CELL_MONTH,    /* text: the first day of the month, YYYY-MM-01 */
  VIGIE_ANNUAL_CELL_DATE,     /* text: YYYY-MM-DD */
} VigieAnnualCellKind;

typedef struct
{
  VigieAnnualCellKind  kind;
  char                *text;
  gint64               count;
  double               value;
  char                *currency;   /* ISO 4217, MONEY only */
} VigieAnnualCell;

typedef enum
{
  VIGIE_ANNUAL_ROW_DATA,      /* a category of the chart (inside the autofilter) */
  VIGIE_ANNUAL_ROW_TOTAL,     /* a total, in bold, after the data rows */
  VIGIE_ANNUAL_ROW_EXTRA,     /* another measure (a share, a median) after the totals */
} VigieAnnualRowKind;

typedef enum
{
  VIGIE_ANNUAL_CHART_BAR,             /* horizontal bars, series side by side */
  VIGIE_ANNUAL_CHART_BAR_STACKED,     /* horizontal bars, series end to end */
  VIGIE_ANNUAL_CHART_LINE,            /* months along the x axis */
  VIGIE_ANNUAL_CHART_DOUGHNUT,        /* shares of a whole */
} VigieAnnualChartKind;

#define VIGIE_ANNUAL_MAX_COLUMNS 6

typedef struct
{
  VigieFigure           figure;
  char                 *title;          /* heading, outline entry */
  char                 *sheet_name;     /* the wanted sheet name (≤ 31 characters) */
  char                 *description;    /* what the figure counts: one sentence */
  char                 *chart_title;
  VigieAnnualChartKind  chart;
  guint                 n_columns;
  char                 *headers[VIGIE_ANNUAL_MAX_COLUMNS];
  double                widths[VIGIE_ANNUAL_MAX_COLUMNS];   /* PDF: fractions summing to 1 */
  GArray               *cells;          /* VigieAnnualCell, n_rows × n_columns */
  GArray               *row_kinds;      /* VigieAnnualRowKind per row: DATA, then TOTAL,
                                         * then EXTRA */
  guint                 n_data_rows;    /* the chart's categories: the first rows */
  guint                 n_series;
  guint                 series[VIGIE_ANNUAL_MAX_COLUMNS];  /* the columns the chart plots */
  GPtrArray            *notes;          /* char *: sentences under the table */
} VigieAnnualSection;

typedef struct
{
  VigieFigures *figures;
  char         *title;        /* vigie_annual_report_title() */
  char         *scope;        /* "Every country and every buyer", "Country: Germany"... */
  char         *buyer_name;   /* NULL: every buyer */
  char         *now;          /* ISO timestamp of the document */
  char         *today;        /* YYYY-MM-DD: overdue is counted on this day */
  GPtrArray    *sections;     /* VigieAnnualSection, in figure order */
} VigieAnnualReport;

/* Computes the figures of OPTIONS (one query at a time: PROGRESS, when not NULL, goes
 * from 0 to PROGRESS_SHARE) and lays them out in the report language pushed on this
 * thread. */
VigieAnnualReport *vigie_annual_report_build (VigieStore               *store,
                                              const VigieAnnualOptions *options,
                                              VigieProgressFunc         progress,
                                              gpointer                  user_data,
                                              double                    progress_share,
                                              GCancellable             *cancellable,
                                              GError                  **error) G_GNUC_WARN_UNUSED_RESULT;
void               vigie_annual_report_free  (VigieAnnualReport        *report);

static inline const VigieAnnualCell *
vigie_annual_section_cell (const VigieAnnualSection *section,
                           guint                     row,
                           guint                     column)
{
  return &g_array_index (section->cells, VigieAnnualCell, row * section->n_columns + column);
}

static inline guint
vigie_annual_section_n_rows (const VigieAnnualSection *section)
{
  return section->row_kinds->len;
}

static inline VigieAnnualRowKind
vigie_annual_section_row_kind (const VigieAnnualSection *section,
                               guint                     row)
{
  return g_array_index (section->row_kinds, VigieAnnualRowKind, row);
}

/* The value a chart draws for a cell (NAN when it has none). */
double             vigie_annual_cell_number  (const VigieAnnualCell    *cell);

/* "January" … in the report language; ABBREVIATED: "Jan". */
char              *vigie_annual_month_name   (int                       month,
                                              gboolean                  abbreviated) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieAnnualReport, vigie_annual_report_free)

G_END_DECLS

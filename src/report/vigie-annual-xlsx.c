/* vigie-annual-xlsx.c — the annual report figures as an XLSX workbook (libxlsxwriter): a
 * "Contents" sheet, then one sheet per figure with its table (typed cells: numbers as
 * numbers, months and days as dates, shares as percentages, money in currency units), a
 * bold frozen header, an autofilter over the categories, fitted column widths, the notes
 * under the table and a native Excel chart of the same kind as the PDF's next to it. The
 * sections come from vigie-annual-report.c, so both files show the same numbers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "vigie-annual-private.h"
#include "vigie-remediation.h"
#include "vigie-xlsx-util.h"
#include "vigie-report-i18n.h"

#define MIN_WIDTH     8.0
#define MAX_WIDTH     60.0
#define CHART_ROWS    16     /* rows a chart covers at the default row height */
#define CHART_COLUMNS 9      /* columns a chart covers at the default column width */
#define MAX_EXPONENT  3

typedef enum
{
  FORMAT_PLAIN,
  FORMAT_COUNT,
  FORMAT_SHARE,
  FORMAT_DAYS,
  FORMAT_MONTH,
  FORMAT_DATE,
  FORMAT_MONEY,           /* + exponent */
  N_FORMATS = FORMAT_MONEY + MAX_EXPONENT + 1
} FormatKind;

typedef struct
{
  lxw_workbook *workbook;
  lxw_format   *title;
  lxw_format   *header;
  lxw_format   *note;
  lxw_format   *description;
  lxw_format   *link;
  lxw_format   *label;
  lxw_format   *cells[N_FORMATS][2];   /* [kind][bold] */
} Formats;

static lxw_format *
cell_format (Formats    *fm,
             FormatKind  kind,
             gboolean    bold)
{
  static const char * const num_formats[N_FORMATS] = {
    [FORMAT_PLAIN] = NULL,
    [FORMAT_COUNT] = "#,##0",
    [FORMAT_SHARE] = "0.0%",
    [FORMAT_DAYS] = "#,##0.0",
    [FORMAT_MONTH] = "yyyy-mm",
    [FORMAT_DATE] = "yyyy-mm-dd",
    [FORMAT_MONEY + 0] = "#,##0",
    [FORMAT_MONEY + 1] = "#,##0.0",
    [FORMAT_MONEY + 2] = "#,##0.00",
    [FORMAT_MONEY + 3] = "#,##0.000",
  };
  lxw_format **slot = &fm->cells[kind][bold ? 1 : 0];

  if (*slot == NULL)
    {
      *slot = workbook_add_format (fm->workbook);
      if (num_formats[kind] != NULL)
        format_set_num_format (*slot, num_formats[kind]);
      if (bold)
        {
          format_set_bold (*slot);
          format_set_top (*slot, LXW_BORDER_THIN);
        }
      if (kind == FORMAT_MONTH || kind == FORMAT_DATE)
        format_set_align (*slot, LXW_ALIGN_LEFT);
    }
  return *slot;
}

static void
init_formats (Formats      *fm,
              lxw_workbook *workbook)
{
  memset (fm, 0, sizeof *fm);
  fm->workbook = workbook;
  fm->title = workbook_add_format (workbook);
  format_set_bold (fm->title);
  format_set_font_size (fm->title, 15);
  fm->header = workbook_add_format (workbook);
  format_set_bold (fm->header);
  format_set_bg_color (fm->header, 0xE8ECF2);
  format_set_bottom (fm->header, LXW_BORDER_THIN);
  format_set_text_wrap (fm->header);
  format_set_align (fm->header, LXW_ALIGN_VERTICAL_TOP);
  fm->note = workbook_add_format (workbook);
  format_set_italic (fm->note);
  format_set_font_color (fm->note, 0x5E5C64);
  fm->description = workbook_add_format (workbook);
  format_set_text_wrap (fm->description);
  format_set_align (fm->description, LXW_ALIGN_VERTICAL_TOP);
  fm->link = workbook_add_format (workbook);
  format_set_underline (fm->link, LXW_UNDERLINE_SINGLE);
  format_set_font_color (fm->link, 0x1C71D8);
  format_set_align (fm->link, LXW_ALIGN_VERTICAL_TOP);
  fm->label = workbook_add_format (workbook);
  format_set_bold (fm->label);
}

/* Characters a number takes with digit grouping. */
static double
number_width (double value,
              int    decimals)
{
  char buffer[64];
  int length = g_snprintf (buffer, sizeof buffer, "%.*f", decimals, fabs (value));
  int digits = decimals > 0 ? length - decimals - 1 : length;

  return length + (digits - 1) / 3 + (value < 0 ? 1 : 0);
}

/* Writes CELL at (ROW, COL); returns the characters it shows. */
static double
write_cell (lxw_worksheet         *sheet,
            Formats               *fm,
            lxw_row_t              row,
            lxw_col_t              col,
            const VigieAnnualCell *cell,
            gboolean               bold)
{
  lxw_datetime dt;

  switch (cell->kind)
    {
    case VIGIE_ANNUAL_CELL_TEXT:
      vigie_xlsx_write_text (sheet, row, col, cell->text, cell_format (fm, FORMAT_PLAIN, bold));
      return g_utf8_strlen (cell->text, -1) * (bold ? 1.1 : 1.0);
    case VIGIE_ANNUAL_CELL_COUNT:
      worksheet_write_number (sheet, row, col, (double) cell->count,
                              cell_format (fm, FORMAT_COUNT, bold));
      return number_width ((double) cell->count, 0);
    case VIGIE_ANNUAL_CELL_SHARE:
    case VIGIE_ANNUAL_CELL_DAYS:
      {
        FormatKind kind = cell->kind == VIGIE_ANNUAL_CELL_SHARE ? FORMAT_SHARE : FORMAT_DAYS;

        /* An unknown share or median is an empty cell, not a zero. */
        if (isnan (cell->value))
          {
            worksheet_write_blank (sheet, row, col, cell_format (fm, kind, bold));
            return 0;
          }
        worksheet_write_number (sheet, row, col, cell->value, cell_format (fm, kind, bold));
        return kind == FORMAT_SHARE ? 6 : number_width (cell->value, 1);
      }
    case VIGIE_ANNUAL_CELL_MONEY:
      {
        int exponent = CLAMP (vigie_currency_exponent (cell->currency), 0, MAX_EXPONENT);
        double amount = (double) cell->count / pow (10, exponent);

        worksheet_write_number (sheet, row, col, amount,
                                cell_format (fm, FORMAT_MONEY + exponent, bold));
        return number_width (amount, exponent);
      }
    case VIGIE_ANNUAL_CELL_MONTH:
    case VIGIE_ANNUAL_CELL_DATE:
      {
        gboolean month = cell->kind == VIGIE_ANNUAL_CELL_MONTH;

        if (!vigie_xlsx_parse_date (cell->text, &dt))
          {
            vigie_xlsx_write_text (sheet, row, col, cell->text,
                                   cell_format (fm, FORMAT_PLAIN, bold));
            return cell->text != NULL ? g_utf8_strlen (cell->text, -1) : 0;
          }
        worksheet_write_datetime (sheet, row, col, &dt,
                                  cell_format (fm, month ? FORMAT_MONTH : FORMAT_DATE, bold));
        return month ? 7 : 10;
      }
    case VIGIE_ANNUAL_CELL_EMPTY:
    default:
      return 0;
    }
}

static uint8_t
chart_type (VigieAnnualChartKind kind)
{
  switch (kind)
    {
    case VIGIE_ANNUAL_CHART_BAR_STACKED:
      return LXW_CHART_BAR_STACKED;
    case VIGIE_ANNUAL_CHART_LINE:
      return LXW_CHART_LINE;
    case VIGIE_ANNUAL_CHART_DOUGHNUT:
      return LXW_CHART_DOUGHNUT;
    case VIGIE_ANNUAL_CHART_BAR:
    default:
      return LXW_CHART_BAR;
    }
}

/* The chart of S next to its table on SHEET (named NAME). */
static void
insert_chart (lxw_workbook             *workbook,
              lxw_worksheet            *sheet,
              const char               *name,
              const VigieAnnualSection *s,
              Formats                  *fm)
{
  lxw_chart *chart;
  lxw_chart_options options = { 0, };
  lxw_col_t col = (lxw_col_t) (s->n_columns + 1);

  if (s->n_data_rows == 0)
    {
      /* Nothing to draw: say so where the chart would be. */
      vigie_xlsx_write_text (sheet, 1, col, _("Nothing to count for this year and scope."),
                             fm->note);
      return;
    }

  chart = workbook_add_chart (workbook, chart_type (s->chart));
  for (guint i = 0; i < s->n_series; i++)
    {
      lxw_col_t values = (lxw_col_t) s->series[i];
      lxw_chart_series *series = chart_add_series (chart, NULL, NULL);

      chart_series_set_categories (series, name, 1, 0, s->n_data_rows, 0);
      chart_series_set_values (series, name, 1, values, s->n_data_rows, values);
      chart_series_set_name_range (series, name, 0, values);
      if (s->chart == VIGIE_ANNUAL_CHART_DOUGHNUT)
        {
          chart_series_set_labels (series);
          chart_series_set_labels_options (series, LXW_FALSE, LXW_FALSE, LXW_FALSE);
          chart_series_set_labels_percentage (series);
        }
      else if (s->chart == VIGIE_ANNUAL_CHART_LINE)
        chart_series_set_marker_type (series, LXW_CHART_MARKER_CIRCLE);
    }
  chart_title_set_name (chart, s->chart_title);
  switch (s->chart)
    {
    case VIGIE_ANNUAL_CHART_DOUGHNUT:
      chart_legend_set_position (chart, LXW_CHART_LEGEND_RIGHT);
      break;
    case VIGIE_ANNUAL_CHART_LINE:
      chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
      chart_axis_set_num_format (chart->x_axis, "mmm");
      chart_axis_set_min (chart->y_axis, 0);
      break;
    case VIGIE_ANNUAL_CHART_BAR:
    case VIGIE_ANNUAL_CHART_BAR_STACKED:
    default:
      /* Categories from the top down, in the order of the table. */
      chart_axis_set_reverse (chart->y_axis);
      chart_axis_set_min (chart->x_axis, 0);
      chart_legend_set_position (chart, s->n_series > 1 ? LXW_CHART_LEGEND_BOTTOM
                                                         : LXW_CHART_LEGEND_NONE);
      break;
    }

  options.x_offset = 12;
  options.y_offset = 4;
  options.x_scale = 1.3;
  /* Room for every category of a long bar chart. */
  options.y_scale = s->chart == VIGIE_ANNUAL_CHART_BAR || s->chart == VIGIE_ANNUAL_CHART_BAR_STACKED
                    ? MAX (1.0, (120.0 + 24.0 * s->n_data_rows * MAX (1, s->n_series / 2)) / 288)
                    : 1.1;
  options.description = s->description;
  worksheet_insert_chart_opt (sheet, 1, col, chart, &options);
}

static void
write_section (lxw_workbook             *workbook,
               lxw_worksheet            *sheet,
               const char               *name,
               const VigieAnnualSection *s,
               Formats                  *fm)
{
  double widths[VIGIE_ANNUAL_MAX_COLUMNS] = { 0, };
  guint n_rows = vigie_annual_section_n_rows (s);
  lxw_row_t row;

  for (guint c = 0; c < s->n_columns; c++)
    {
      vigie_xlsx_write_text (sheet, 0, (lxw_col_t) c, s->headers[c], fm->header);
      widths[c] = g_utf8_strlen (s->headers[c], -1) * 1.1 + 2;
    }
  for (guint r = 0; r < n_rows; r++)
    {
      gboolean bold = vigie_annual_section_row_kind (s, r) == VIGIE_ANNUAL_ROW_TOTAL;

      for (guint c = 0; c < s->n_columns; c++)
        {
          double w = write_cell (sheet, fm, (lxw_row_t) r + 1, (lxw_col_t) c,
                                 vigie_annual_section_cell (s, r, c), bold);

          widths[c] = MAX (widths[c], w + 2);
        }
    }
  for (guint c = 0; c < s->n_columns; c++)
    worksheet_set_column (sheet, (lxw_col_t) c, (lxw_col_t) c,
                          CLAMP (widths[c], MIN_WIDTH, MAX_WIDTH), NULL);
  worksheet_freeze_panes (sheet, 1, 0);
  /* The filter covers the categories; totals and other measures stay under it. */
  worksheet_autofilter (sheet, 0, 0, (lxw_row_t) MAX (s->n_data_rows, 1),
                        (lxw_col_t) (s->n_columns - 1));

  /* What the figure counts and the notes, under the table and clear of the chart. */
  row = (lxw_row_t) MAX (n_rows + 2, s->chart == VIGIE_ANNUAL_CHART_DOUGHNUT
                                     || s->chart == VIGIE_ANNUAL_CHART_LINE
                                     ? CHART_ROWS + 2 : 0);
  if (s->chart == VIGIE_ANNUAL_CHART_BAR || s->chart == VIGIE_ANNUAL_CHART_BAR_STACKED)
    row = MAX (row, (lxw_row_t) (2 + (120.0 + 24.0 * s->n_data_rows
                                             * MAX (1, s->n_series / 2)) / 20.0));
  vigie_xlsx_write_text (sheet, row++, 0, s->description, NULL);
  for (guint i = 0; i < s->notes->len; i++)
    vigie_xlsx_write_text (sheet, row++, 0, g_ptr_array_index (s->notes, i), fm->note);

  insert_chart (workbook, sheet, name, s, fm);
}

/* A sheet name from WANTED that is valid and not yet in USED (casefolded names). */
static char *
unique_sheet_name (lxw_workbook *workbook,
                   const char   *wanted,
                   GHashTable   *used)
{
  for (guint part = 1; ; part++)
    {
      g_autofree char *name = vigie_xlsx_sheet_name (workbook, wanted, part);
      g_autofree char *key = g_utf8_casefold (name, -1);

      if (!g_hash_table_contains (used, key))
        {
          g_hash_table_add (used, g_steal_pointer (&key));
          return g_steal_pointer (&name);
        }
    }
}

/* "internal:'Sheet name'!A1", with quotes in the name doubled. */
static char *
internal_link (const char *sheet)
{
  g_auto(GStrv) parts = g_strsplit (sheet, "'", -1);
  g_autofree char *quoted = g_strjoinv ("''", parts);

  return g_strdup_printf ("internal:'%s'!A1", quoted);
}

static void
write_contents (lxw_worksheet           *sheet,
                Formats                 *fm,
                const VigieAnnualReport *report,
                const VigieAnnualOptions *options,
                char                   **names)
{
  const char *headers[] = { _("Sheet"), _("Figure"), _("What it counts") };
  double widths[3] = { 14, 24, 90 };
  lxw_datetime dt;
  g_autofree char *now_date = g_strndup (report->now, 10);
  lxw_row_t row = 0, header_row;

  vigie_xlsx_write_text (sheet, row++, 0, report->title, fm->title);
  vigie_xlsx_write_text (sheet, row++, 0, report->scope, NULL);
  row++;
  vigie_xlsx_write_text (sheet, row, 0, _("Year"), fm->label);
  worksheet_write_number (sheet, row++, 1, report->figures->year, NULL);
  vigie_xlsx_write_text (sheet, row, 0, _("Date of the report"), fm->label);
  if (vigie_xlsx_parse_date (now_date, &dt))
    worksheet_write_datetime (sheet, row, 1, &dt, cell_format (fm, FORMAT_DATE, FALSE));
  row++;
  vigie_xlsx_write_text (sheet, row, 0, _("Overdue counted on"), fm->label);
  if (vigie_xlsx_parse_date (report->today, &dt))
    worksheet_write_datetime (sheet, row, 1, &dt, cell_format (fm, FORMAT_DATE, FALSE));
  row++;
  if (options->author != NULL && options->author[0] != '\0')
    {
      vigie_xlsx_write_text (sheet, row, 0, _("Author"), fm->label);
      vigie_xlsx_write_text (sheet, row++, 1, options->author, NULL);
    }
  row++;

  header_row = row;
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    vigie_xlsx_write_text (sheet, row, (lxw_col_t) c, headers[c], fm->header);
  row++;
  for (guint i = 0; i < report->sections->len; i++, row++)
    {
      const VigieAnnualSection *s = g_ptr_array_index (report->sections, i);
      g_autofree char *link = internal_link (names[i]);

      worksheet_write_url_opt (sheet, row, 0, link, fm->link, names[i], NULL);
      vigie_xlsx_write_text (sheet, row, 1, s->title, fm->description);
      vigie_xlsx_write_text (sheet, row, 2, s->description, fm->description);
      widths[0] = MAX (widths[0], g_utf8_strlen (names[i], -1) + 2);
      widths[1] = MAX (widths[1], MIN (g_utf8_strlen (s->title, -1) + 2, 40));
    }
  vigie_xlsx_write_text (sheet, row + 1, 0,
                         _("Each figure is computed from the database by one documented query "
                           "(“vigie-cli figures --queries” prints them all), so anyone holding "
                           "the data can reproduce a published number."), fm->note);
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    worksheet_set_column (sheet, (lxw_col_t) c, (lxw_col_t) c, widths[c], NULL);
  worksheet_freeze_panes (sheet, header_row + 1, 0);
  worksheet_autofilter (sheet, header_row, 0, row - 1, G_N_ELEMENTS (headers) - 1);
}

gboolean
vigie_xlsx_write_annual_report (VigieStore               *store,
                                const VigieAnnualOptions *options,
                                const char               *path,
                                VigieProgressFunc         progress,
                                gpointer                  user_data,
                                GCancellable             *cancellable,
                                GError                  **error)
{
  g_autoptr(VigieReportLocale) locale = NULL;
  g_autoptr(VigieAnnualReport) report = NULL;
  g_autoptr(GHashTable) used = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *keywords = NULL;
  g_autofree char *comments = NULL;
  g_autofree char *contents_name = NULL;
  g_auto(GStrv) names = NULL;
  lxw_workbook_options wb_options = { 0, };
  lxw_doc_properties props = { 0, };
  lxw_workbook *workbook;
  lxw_worksheet *contents;
  Formats fm;
  gboolean ok = TRUE;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  locale = vigie_report_locale_new (options->language);
  vigie_report_locale_push (locale);
  report = vigie_annual_report_build (store, options, progress, user_data, 0.8, cancellable,
                                      error);
  if (report == NULL)
    {
      vigie_report_locale_pop ();
      return FALSE;
    }
  if (progress != NULL)
    progress (0.8, _("Writing the workbook"), user_data);

  if (!vigie_xlsx_create_private (path, &tmp, error))
    {
      vigie_report_locale_pop ();
      return FALSE;
    }
  tmpdir = g_path_get_dirname (path);
  wb_options.tmpdir = tmpdir;
  workbook = workbook_new_opt (tmp, &wb_options);
  if (workbook == NULL)
    {
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot create “%s”."), path);
      vigie_report_locale_pop ();
      return FALSE;
    }

  /* Translators: workbook subject; %d is a year */
  subject = g_strdup_printf (_("The figures of a year of labour rights monitoring in "
                               "electronics supply chains, %d: affiliates, monitoring, "
                               "findings, remediation and remedy"), report->figures->year);
  /* Translators: PDF and workbook keywords, separated by commas; %d is a year */
  keywords = g_strdup_printf (_("labour rights, supply chain monitoring, annual report, %d"),
                              report->figures->year);
  comments = g_strdup (report->scope);
  props.title = report->title;
  props.subject = subject;
  props.author = (char *) (options->author != NULL ? options->author : "");
  props.company = (char *) "Vigie";
  props.category = (char *) _("Annual report figures");
  props.keywords = keywords;
  props.comments = comments;
  /* The document's date is the export's, never the clock's: the same data and options
   * give the same bytes. */
  props.created = vigie_xlsx_timestamp (report->now);
  workbook_set_properties (workbook, &props);
  init_formats (&fm, workbook);

  used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  contents_name = unique_sheet_name (workbook, C_("sheet name", "Contents"), used);
  contents = workbook_add_worksheet (workbook, contents_name);
  names = g_new0 (char *, report->sections->len + 1);
  for (guint i = 0; i < report->sections->len; i++)
    {
      const VigieAnnualSection *s = g_ptr_array_index (report->sections, i);

      names[i] = unique_sheet_name (workbook, s->sheet_name, used);
    }
  ok = contents != NULL;
  if (ok)
    write_contents (contents, &fm, report, options, names);

  for (guint i = 0; ok && i < report->sections->len; i++)
    {
      const VigieAnnualSection *s = g_ptr_array_index (report->sections, i);
      lxw_worksheet *sheet;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          vigie_xlsx_discard (workbook, tmp);
          vigie_report_locale_pop ();
          return FALSE;
        }
      sheet = workbook_add_worksheet (workbook, names[i]);
      if (sheet == NULL)
        {
          ok = FALSE;
          break;
        }
      write_section (workbook, sheet, names[i], s, &fm);
      if (progress != NULL)
        progress (0.8 + 0.2 * (i + 1) / report->sections->len, s->title, user_data);
    }
  if (!ok)
    {
      vigie_xlsx_discard (workbook, tmp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot add the sheets of “%s”."),
                   path);
      vigie_report_locale_pop ();
      return FALSE;
    }
  ok = vigie_xlsx_close (workbook, tmp, path, error);
  if (ok && progress != NULL)
    progress (1.0, _("Done"), user_data);
  vigie_report_locale_pop ();
  return ok;
}

/* vigie-annual-report.c — the annual report figures: every figure of the figures engine
 * laid out as a section (what it counts, a chart, the table of its numbers, notes), and
 * the PDF of those sections on the page-layout engine of the factory report (vigie-pdf.h).
 * The XLSX workbook of the same sections is written by vigie-annual-xlsx.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "vigie-annual-private.h"
#include "vigie-buyers.h"
#include "vigie-chart-bar.h"
#include "vigie-chart-donut.h"
#include "vigie-chart-line.h"
#include "vigie-pdf.h"
#include "vigie-reference.h"
#include "vigie-remediation.h"
#include "vigie-util.h"
#include "vigie-vocab.h"
#include "vigie-report-i18n.h"

void
vigie_annual_options_init (VigieAnnualOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
}

char *
vigie_annual_report_title (int         year,
                           const char *country_label,
                           const char *buyer_name)
{
  gboolean has_country = country_label != NULL && country_label[0] != '\0';
  gboolean has_buyer = buyer_name != NULL && buyer_name[0] != '\0';

  if (has_country && has_buyer)
    /* Translators: document title; %1$d is a year, %2$s a country, %3$s a buyer (an
     * affiliate or a consortium), e.g. "Annual report figures 2025 — Spain, City of
     * Barcelona" */
    return g_strdup_printf (_("Annual report figures %1$d — %2$s, %3$s"), year, country_label,
                            buyer_name);
  if (has_country || has_buyer)
    /* Translators: document title; %1$d is a year, %2$s a country or a buyer, e.g.
     * "Annual report figures 2025 — Germany" */
    return g_strdup_printf (_("Annual report figures %1$d — %2$s"), year,
                            has_country ? country_label : buyer_name);
  /* Translators: document title; %d is a year, e.g. "Annual report figures 2025" */
  return g_strdup_printf (_("Annual report figures %d"), year);
}

/* ─── Words and numbers in the report language ───────────────────────────── */

static const char *
country_name (const char *code)
{
  const char *english;

  if (code == NULL || code[0] == '\0')
    return C_("country", "Unknown");
  english = vigie_reference_country_name (code);
  return english != NULL ? vigie_report_country (english) : code;
}

/* An LC_TIME locale of the report language: as vigie-report-locale.c finds it (the
 * language's own territory, English for "en", the process's for the UI's language). */
static locale_t
open_time_locale (void)
{
  VigieReportLocale *current = vigie_report_locale_current ();
  const char *language = current != NULL ? vigie_report_locale_language (current) : "";
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  if (language[0] == '\0')
    return duplocale (LC_GLOBAL_LOCALE);
  if (strchr (language, '_') != NULL)
    {
      g_autofree char *base = g_strndup (language, strcspn (language, ".@"));

      g_ptr_array_add (names, g_strconcat (base, ".UTF-8", NULL));
      g_ptr_array_add (names, g_strconcat (base, ".utf8", NULL));
    }
  else
    {
      g_autofree char *upper = g_ascii_strup (language, -1);

      if (g_str_equal (language, "en"))
        {
          g_ptr_array_add (names, g_strdup ("en_GB.UTF-8"));
          g_ptr_array_add (names, g_strdup ("en_US.UTF-8"));
        }
      g_ptr_array_add (names, g_strdup_printf ("%s_%s.UTF-8", language, upper));
      g_ptr_array_add (names, g_strdup_printf ("%s_%s.utf8", language, upper));
    }
  for (guint i = 0; i < names->len; i++)
    {
      locale_t locale = newlocale (LC_TIME_MASK, g_ptr_array_index (names, i), (locale_t) 0);

      if (locale != (locale_t) 0)
        return locale;
    }
  return newlocale (LC_TIME_MASK, "C", (locale_t) 0);
}

char *
vigie_annual_month_name (int      month,
                         gboolean abbreviated)
{
  struct tm tm = { 0, };
  locale_t locale;
  char buffer[64];
  gsize length;

  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  tm.tm_year = 100;
  tm.tm_mon = month - 1;
  tm.tm_mday = 1;
  locale = open_time_locale ();
  /* %OB / %Ob: the month's name standing alone (nominative where the language inflects). */
  length = strftime_l (buffer, sizeof buffer, abbreviated ? "%Ob" : "%OB", &tm, locale);
  if (locale != (locale_t) 0)
    freelocale (locale);
  if (length == 0)
    return g_strdup_printf ("%02d", month);
  return g_strdup (buffer);
}

static char *
format_money (gint64      amount_minor,
              const char *currency)
{
  int exponent = vigie_currency_exponent (currency);
  g_autofree char *amount = vigie_report_format_double ((double) amount_minor
                                                        / pow (10, exponent), exponent);

  /* Translators: an amount and its ISO 4217 currency code, e.g. "1,250.00 USD" */
  return g_strdup_printf (C_("money", "%1$s %2$s"), amount, currency);
}

/* ─── Sections ───────────────────────────────────────────────────────────── */

static void
clear_cell (gpointer data)
{
  VigieAnnualCell *cell = data;

  g_free (cell->text);
  g_free (cell->currency);
}

static void
section_free (gpointer data)
{
  VigieAnnualSection *s = data;

  g_free (s->title);
  g_free (s->sheet_name);
  g_free (s->description);
  g_free (s->chart_title);
  for (guint c = 0; c < VIGIE_ANNUAL_MAX_COLUMNS; c++)
    g_free (s->headers[c]);
  g_array_unref (s->cells);
  g_array_unref (s->row_kinds);
  g_ptr_array_unref (s->notes);
  g_free (s);
}

/* A section with N_COLUMNS columns: HEADERS and WIDTHS (fractions of the page's width). */
static VigieAnnualSection *
section_new (VigieFigure           figure,
             const char           *title,
             const char           *sheet_name,
             const char           *description,
             VigieAnnualChartKind  chart,
             guint                 n_columns,
             const char * const   *headers,
             const double         *widths)
{
  VigieAnnualSection *s = g_new0 (VigieAnnualSection, 1);

  g_assert (n_columns >= 2 && n_columns <= VIGIE_ANNUAL_MAX_COLUMNS);
  s->figure = figure;
  s->title = g_strdup (title);
  s->sheet_name = g_strdup (sheet_name);
  s->description = g_strdup (description);
  s->chart_title = g_strdup (title);
  s->chart = chart;
  s->n_columns = n_columns;
  for (guint c = 0; c < n_columns; c++)
    {
      s->headers[c] = g_strdup (headers[c]);
      s->widths[c] = widths[c];
    }
  s->cells = g_array_new (FALSE, TRUE, sizeof (VigieAnnualCell));
  g_array_set_clear_func (s->cells, clear_cell);
  s->row_kinds = g_array_new (FALSE, FALSE, sizeof (VigieAnnualRowKind));
  s->notes = g_ptr_array_new_with_free_func (g_free);
  /* By default the chart plots the second column. */
  s->n_series = 1;
  s->series[0] = 1;
  return s;
}

static void
section_set_series (VigieAnnualSection *s,
                    guint               first,
                    guint               last)
{
  g_assert (first >= 1 && last < s->n_columns && first <= last);
  s->n_series = last - first + 1;
  for (guint i = 0; i < s->n_series; i++)
    s->series[i] = first + i;
}

/* Appends a row of empty cells; returns its index. */
static guint
add_row (VigieAnnualSection *s,
         VigieAnnualRowKind  kind)
{
  guint row = s->row_kinds->len;

  /* Data rows come first: the chart's categories are one block of the table. */
  g_assert (kind != VIGIE_ANNUAL_ROW_DATA || row == s->n_data_rows);
  g_array_set_size (s->cells, s->cells->len + s->n_columns);
  g_array_append_val (s->row_kinds, kind);
  if (kind == VIGIE_ANNUAL_ROW_DATA)
    s->n_data_rows++;
  return row;
}

static VigieAnnualCell *
cell_at (VigieAnnualSection *s,
         guint               row,
         guint               column)
{
  g_assert (column < s->n_columns);
  return &g_array_index (s->cells, VigieAnnualCell, row * s->n_columns + column);
}

static void
set_text (VigieAnnualSection *s,
          guint               row,
          guint               column,
          const char         *text)
{
  VigieAnnualCell *cell = cell_at (s, row, column);

  cell->kind = VIGIE_ANNUAL_CELL_TEXT;
  g_free (cell->text);
  cell->text = g_strdup (text != NULL ? text : "");
}

static void
set_count (VigieAnnualSection *s,
           guint               row,
           guint               column,
           gint64              count)
{
  VigieAnnualCell *cell = cell_at (s, row, column);

  cell->kind = VIGIE_ANNUAL_CELL_COUNT;
  cell->count = count;
}

static void
set_value (VigieAnnualSection  *s,
           guint                row,
           guint                column,
           VigieAnnualCellKind  kind,
           double               value)
{
  VigieAnnualCell *cell = cell_at (s, row, column);

  cell->kind = kind;
  cell->value = value;
}

static void
set_date (VigieAnnualSection  *s,
          guint                row,
          guint                column,
          VigieAnnualCellKind  kind,
          const char          *iso)
{
  VigieAnnualCell *cell = cell_at (s, row, column);

  cell->kind = kind;
  g_free (cell->text);
  cell->text = g_strdup (iso);
}

/* A row LABEL | COUNT. */
static void
add_labelled (VigieAnnualSection *s,
              VigieAnnualRowKind  kind,
              const char         *label,
              gint64              count)
{
  guint row = add_row (s, kind);

  set_text (s, row, 0, label);
  set_count (s, row, 1, count);
}

static void
add_note (VigieAnnualSection *s,
          char               *note)
{
  g_ptr_array_add (s->notes, note);
}

double
vigie_annual_cell_number (const VigieAnnualCell *cell)
{
  switch (cell->kind)
    {
    case VIGIE_ANNUAL_CELL_COUNT:
      return (double) cell->count;
    case VIGIE_ANNUAL_CELL_MONEY:
      return (double) cell->count / pow (10, vigie_currency_exponent (cell->currency));
    case VIGIE_ANNUAL_CELL_SHARE:
    case VIGIE_ANNUAL_CELL_DAYS:
      return cell->value;
    case VIGIE_ANNUAL_CELL_EMPTY:
    case VIGIE_ANNUAL_CELL_TEXT:
    case VIGIE_ANNUAL_CELL_MONTH:
    case VIGIE_ANNUAL_CELL_DATE:
    default:
      return NAN;
    }
}

/* Countries of the rows of a table, sorted by their name in the report language (the
 * unknown country last). */
typedef struct
{
  const char *name;
  guint       index;
  gboolean    unknown;
} CountryOrder;

static int
compare_country_order (gconstpointer a,
                       gconstpointer b)
{
  const CountryOrder *x = a, *y = b;
  int cmp;

  if (x->unknown != y->unknown)
    return x->unknown ? 1 : -1;
  cmp = g_utf8_collate (x->name, y->name);
  if (cmp != 0)
    return cmp;
  return x->index < y->index ? -1 : x->index > y->index;
}

static GArray *
country_order (GArray *items,
               gsize   offset_of_code)
{
  GArray *order = g_array_sized_new (FALSE, FALSE, sizeof (CountryOrder), items->len);

  for (guint i = 0; i < items->len; i++)
    {
      const char *code = *(const char **) (gpointer) (items->data
                                                      + (gsize) i * g_array_get_element_size (items)
                                                      + offset_of_code);
      CountryOrder o = { country_name (code), i, code == NULL || code[0] == '\0' };

      g_array_append_val (order, o);
    }
  g_array_sort (order, compare_country_order);
  return order;
}

/* ─── One builder per figure ─────────────────────────────────────────────── */

typedef struct
{
  const VigieFigures *f;
  char               *today_label;    /* the day overdue is counted on, formatted */
} Builder;

static VigieAnnualSection *
build_affiliates (Builder *b)
{
  const VigieFigures *f = b->f;
  const char *headers[] = { _("Country"), C_("affiliates", "Direct"),
                            C_("affiliates", "Via a consortium"), _("Total") };
  const double widths[] = { 0.46, 0.18, 0.18, 0.18 };
  VigieAnnualSection *s;
  g_autoptr(GArray) order = NULL;
  guint row;

  s = section_new (VIGIE_FIGURE_AFFILIATES, _("Affiliates"), C_("sheet name", "Affiliates"),
                   _("Public buyers (cities, universities, hospitals, agencies) that had "
                     "affiliated by the end of the year, by their own country: directly, or "
                     "through a purchasing consortium that affiliated on behalf of its "
                     "members."),
                   VIGIE_ANNUAL_CHART_BAR_STACKED, 4, headers, widths);
  section_set_series (s, 1, 2);
  g_free (s->chart_title);
  s->chart_title = g_strdup (_("Affiliates by country"));
  order = country_order (f->affiliates_by_country, G_STRUCT_OFFSET (VigieFiguresAffiliates,
                                                                    country));
  for (guint i = 0; i < order->len; i++)
    {
      guint index = g_array_index (order, CountryOrder, i).index;
      const VigieFiguresAffiliates *a = &g_array_index (f->affiliates_by_country,
                                                        VigieFiguresAffiliates, index);

      row = add_row (s, VIGIE_ANNUAL_ROW_DATA);
      set_text (s, row, 0, country_name (a->country));
      set_count (s, row, 1, a->direct);
      set_count (s, row, 2, a->via_consortium);
      set_count (s, row, 3, a->direct + a->via_consortium);
    }
  row = add_row (s, VIGIE_ANNUAL_ROW_TOTAL);
  set_text (s, row, 0, _("Total"));
  set_count (s, row, 1, f->affiliates_direct);
  set_count (s, row, 2, f->affiliates_via_consortium);
  set_count (s, row, 3, f->affiliates);
  if (f->buyer_id > 0)
    add_note (s, g_strdup (_("For one buyer: the buyer itself and, when it is a consortium, "
                             "the affiliates that are its members.")));
  return s;
}

static VigieAnnualSection *
build_partners (Builder *b)
{
  const char *headers[] = { _("Measure"), _("Number") };
  const double widths[] = { 0.75, 0.25 };
  VigieAnnualSection *s;

  s = section_new (VIGIE_FIGURE_PARTNERS, _("Monitoring partners"),
                   C_("sheet name", "Monitoring partners"),
                   _("Independent monitoring partners — civil-society organisations in the "
                     "production regions — with at least one investigation under way during "
                     "the year at a site in scope."),
                   VIGIE_ANNUAL_CHART_BAR, 2, headers, widths);
  add_labelled (s, VIGIE_ANNUAL_ROW_DATA,
                C_("partners", "Partners with an investigation under way"),
                b->f->monitoring_partners);
  return s;
}

static VigieAnnualSection *
build_sites_linked (Builder *b)
{
  const VigieFigures *f = b->f;
  const char *headers[] = { _("Country"), C_("sites", "Sites linked") };
  const double widths[] = { 0.7, 0.3 };
  VigieAnnualSection *s;
  g_autoptr(GArray) order = NULL;

  s = section_new (VIGIE_FIGURE_SITES_LINKED, _("Sites linked to affiliates"),
                   C_("sheet name", "Sites linked"),
                   _("Distinct production sites linked to an affiliate — disclosed by a "
                     "contractor, found on a public list or by a monitor — through a "
                     "contract in force during the year, by the site's country."),
                   VIGIE_ANNUAL_CHART_BAR, 2, headers, widths);
  g_free (s->chart_title);
  s->chart_title = g_strdup (_("Sites linked to affiliates, by country"));
  order = country_order (f->countries, G_STRUCT_OFFSET (VigieFiguresCountry, country));
  for (guint i = 0; i < order->len; i++)
    {
      const VigieFiguresCountry *c = &g_array_index (f->countries, VigieFiguresCountry,
                                                     g_array_index (order, CountryOrder, i).index);

      if (c->sites_linked > 0)
        add_labelled (s, VIGIE_ANNUAL_ROW_DATA, country_name (c->country), c->sites_linked);
    }
  add_labelled (s, VIGIE_ANNUAL_ROW_TOTAL, _("Total"), f->sites_linked);
  return s;
}

static VigieAnnualSection *
build_investigations (Builder *b)
{
  const VigieFigures *f = b->f;
  const char *headers[] = { _("Country"), C_("investigations", "Investigations"),
                            C_("investigations", "Sites monitored") };
  const double widths[] = { 0.5, 0.25, 0.25 };
  VigieAnnualSection *s;
  g_autoptr(GArray) order = NULL;
  guint row;

  s = section_new (VIGIE_FIGURE_INVESTIGATIONS, _("Investigations and sites monitored"),
                   C_("sheet name", "Investigations"),
                   _("Worker-driven investigations under way during the year (started by its "
                     "end and not ended before its start), and the distinct sites they "
                     "covered — the sites monitored — by the site's country."),
                   VIGIE_ANNUAL_CHART_BAR, 3, headers, widths);
  section_set_series (s, 1, 2);
  g_free (s->chart_title);
  s->chart_title = g_strdup (_("Investigations and sites monitored, by country"));
  order = country_order (f->countries, G_STRUCT_OFFSET (VigieFiguresCountry, country));
  for (guint i = 0; i < order->len; i++)
    {
      const VigieFiguresCountry *c = &g_array_index (f->countries, VigieFiguresCountry,
                                                     g_array_index (order, CountryOrder, i).index);

      if (c->investigations == 0 && c->sites_monitored == 0)
        continue;
      row = add_row (s, VIGIE_ANNUAL_ROW_DATA);
      set_text (s, row, 0, country_name (c->country));
      set_count (s, row, 1, c->investigations);
      set_count (s, row, 2, c->sites_monitored);
    }
  row = add_row (s, VIGIE_ANNUAL_ROW_TOTAL);
  set_text (s, row, 0, _("Total"));
  set_count (s, row, 1, f->investigations);
  set_count (s, row, 2, f->sites_monitored);
  return s;
}

static VigieAnnualSection *
build_methods (Builder *b)
{
  const VigieFigures *f = b->f;
  const char *headers[] = { C_("methods", "Method"), C_("methods", "Activities"),
                            C_("methods", "Investigations"), C_("methods", "Workers"),
                            _("Women"), _("Migrant workers") };
  const double widths[] = { 0.30, 0.13, 0.15, 0.13, 0.13, 0.16 };
  VigieAnnualSection *s;
  guint row;

  s = section_new (VIGIE_FIGURE_METHODS, _("Investigations by method"), C_("sheet name", "Methods"),
                   _("The activities of investigations started in the year, by method: how "
                     "many, in how many investigations, and how many workers took part — the "
                     "workers interviewed — of whom women and migrant workers."),
                   VIGIE_ANNUAL_CHART_BAR, 6, headers, widths);
  section_set_series (s, 1, 2);
  g_free (s->chart_title);
  s->chart_title = g_strdup (_("Activities and investigations, by method"));
  for (int i = 0; i < VIGIE_FIGURES_N_METHODS; i++)
    {
      const VigieFiguresMethod *m = &f->methods[i];

      row = add_row (s, VIGIE_ANNUAL_ROW_DATA);
      set_text (s, row, 0, vigie_report_vocab_label (VIGIE_VOCAB_ACTIVITY_METHOD, m->method));
      set_count (s, row, 1, m->activities);
      set_count (s, row, 2, m->investigations);
      set_count (s, row, 3, m->participants);
      set_count (s, row, 4, m->women);
      set_count (s, row, 5, m->migrant);
    }
  row = add_row (s, VIGIE_ANNUAL_ROW_TOTAL);
  set_text (s, row, 0, _("Total"));
  set_count (s, row, 1, f->activities);
  set_count (s, row, 3, f->workers_interviewed);
  set_count (s, row, 4, f->workers_interviewed_women);
  set_count (s, row, 5, f->workers_interviewed_migrant);

  if (f->workers_interviewed > 0)
    {
      g_autofree char *total = vigie_report_format_int (f->workers_interviewed);
      g_autofree char *women = vigie_report_format_int (f->workers_interviewed_women);
      g_autofree char *migrant = vigie_report_format_int (f->workers_interviewed_migrant);
      double all = (double) f->workers_interviewed;
      g_autofree char *women_share = vigie_report_format_percent (f->workers_interviewed_women
                                                                  / all);
      g_autofree char *migrant_share = vigie_report_format_percent (f->workers_interviewed_migrant
                                                                    / all);

      /* Translators: %1$s workers, %2$s women (%3$s their share), %4$s migrant workers
       * (%5$s their share) */
      add_note (s, g_strdup_printf (_("Workers interviewed: %1$s, of whom %2$s women (%3$s) "
                                      "and %4$s migrant workers (%5$s)."),
                                    total, women, women_share, migrant, migrant_share));
    }
  add_note (s, g_strdup (_("An investigation that used several methods counts once under "
                           "each of them, so the investigations are not added up. Document "
                           "and payroll reviews have no participants.")));
  return s;
}

static VigieAnnualSection *
build_findings (Builder *b)
{
  const VigieFigures *f = b->f;
  guint n_severities = 0;
  const VigieVocabEntry *severities = vigie_vocab_entries (VIGIE_VOCAB_SEVERITY, &n_severities);
  const char *headers[2 + VIGIE_FIGURES_N_SEVERITIES];
  const double widths[] = { 0.40, 0.12, 0.12, 0.12, 0.12, 0.12 };
  VigieAnnualSection *s;
  guint row;

  G_STATIC_ASSERT (2 + VIGIE_FIGURES_N_SEVERITIES <= VIGIE_ANNUAL_MAX_COLUMNS);
  g_assert (n_severities >= VIGIE_FIGURES_N_SEVERITIES);
  headers[0] = C_("findings", "Theme");
  for (int i = 0; i < VIGIE_FIGURES_N_SEVERITIES; i++)
    headers[1 + i] = vigie_report_vocab_label (VIGIE_VOCAB_SEVERITY, severities[i].code);
  headers[1 + VIGIE_FIGURES_N_SEVERITIES] = _("Total");

  s = section_new (VIGIE_FIGURE_FINDINGS, _("Findings by theme and severity"),
                   C_("sheet name", "Findings by theme"),
                   _("Findings first observed in the year — breaches, risks and good "
                     "practice — by the theme of the organisation's code they fall under and "
                     "by severity."),
                   VIGIE_ANNUAL_CHART_BAR_STACKED, 2 + VIGIE_FIGURES_N_SEVERITIES, headers,
                   widths);
  section_set_series (s, 1, VIGIE_FIGURES_N_SEVERITIES);
  for (guint i = 0; i < f->themes->len; i++)
    {
      const VigieFiguresTheme *t = &g_array_index (f->themes, VigieFiguresTheme, i);
      const char *title = t->theme[0] == '\0' ? C_("theme", "No theme")
                          : t->title[0] != '\0' ? vigie_report_gettext (t->title) : t->theme;

      row = add_row (s, VIGIE_ANNUAL_ROW_DATA);
      set_text (s, row, 0, title);
      for (int v = 0; v < VIGIE_FIGURES_N_SEVERITIES; v++)
        set_count (s, row, 1 + v, t->by_severity[v]);
      set_count (s, row, 1 + VIGIE_FIGURES_N_SEVERITIES, t->total);
    }
  row = add_row (s, VIGIE_ANNUAL_ROW_TOTAL);
  set_text (s, row, 0, _("Total"));
  for (int v = 0; v < VIGIE_FIGURES_N_SEVERITIES; v++)
    set_count (s, row, 1 + v, f->findings_by_severity[v]);
  set_count (s, row, 1 + VIGIE_FIGURES_N_SEVERITIES, f->findings);
  add_note (s, g_strdup (_("A finding counts once, under the top-level theme of its primary "
                           "standard; critical findings are those of imminent danger, forced "
                           "labour or child labour.")));
  return s;
}

static VigieAnnualSection *
build_monthly (Builder            *b,
               VigieFigure         figure,
               const char         *title,
               const char         *sheet_name,
               const char         *description,
               const char         *header,
               const gint64       *per_month)
{
  const char *headers[] = { C_("months", "Month"), header };
  const double widths[] = { 0.6, 0.4 };
  VigieAnnualSection *s;
  gint64 total = 0;
  guint row;

  s = section_new (figure, title, sheet_name, description, VIGIE_ANNUAL_CHART_LINE, 2, headers,
                   widths);
  for (int m = 0; m < 12; m++)
    {
      g_autofree char *first = g_strdup_printf ("%04d-%02d-01", b->f->year, m + 1);

      row = add_row (s, VIGIE_ANNUAL_ROW_DATA);
      set_date (s, row, 0, VIGIE_ANNUAL_CELL_MONTH, first);
      set_count (s, row, 1, per_month[m]);
      total += per_month[m];
    }
  add_labelled (s, VIGIE_ANNUAL_ROW_TOTAL, _("Total"), total);
  return s;
}

static VigieAnnualSection *
build_forced_labour (Builder *b)
{
  const char *headers[] = { _("Measure"), C_("forced labour", "Sites") };
  const double widths[] = { 0.75, 0.25 };
  VigieAnnualSection *s;

  s = section_new (VIGIE_FIGURE_FORCED_LABOUR, _("Sites with forced-labour indicators"),
                   C_("sheet name", "Forced labour"),
                   _("Sites whose findings first observed in the year carry, between them, at "
                     "least one — and at least three — distinct ILO indicators of forced "
                     "labour."),
                   VIGIE_ANNUAL_CHART_BAR, 2, headers, widths);
  add_labelled (s, VIGIE_ANNUAL_ROW_DATA,
                C_("forced labour", "Sites with at least 1 indicator"), b->f->sites_fl_1);
  add_labelled (s, VIGIE_ANNUAL_ROW_DATA,
                C_("forced labour", "Sites with at least 3 indicators"), b->f->sites_fl_3);
  add_note (s, g_strdup (_("The indicators are the 11 of the ILO: abuse of vulnerability, "
                           "deception, restriction of movement, isolation, physical and sexual "
                           "violence, intimidation and threats, retention of identity "
                           "documents, withholding of wages, debt bondage, abusive working and "
                           "living conditions, excessive overtime. A site counts once, whatever "
                           "the number of its findings.")));
  return s;
}

static VigieAnnualSection *
build_actions (Builder *b)
{
  const VigieFigures *f = b->f;
  guint n = 0;
  const VigieVocabEntry *statuses = vigie_vocab_entries (VIGIE_VOCAB_REMEDIATION_STATUS, &n);
  const char *headers[] = { _("Status"), C_("actions", "Actions") };
  const double widths[] = { 0.7, 0.3 };
  VigieAnnualSection *s;

  s = section_new (VIGIE_FIGURE_ACTIONS, _("Remediation actions due in the year, by status"),
                   C_("sheet name", "Actions by status"),
                   _("Remediation actions due in the year, by the status they have now: from "
                     "proposed through plan and work to verification and closure, or "
                     "disputed, escalated or abandoned."),
                   VIGIE_ANNUAL_CHART_DOUGHNUT, 2, headers, widths);
  for (guint i = 0; i < n && i < VIGIE_FIGURES_N_STATUSES; i++)
    add_labelled (s, VIGIE_ANNUAL_ROW_DATA,
                  vigie_report_vocab_label (VIGIE_VOCAB_REMEDIATION_STATUS, statuses[i].code),
                  f->actions_by_status[i]);
  add_labelled (s, VIGIE_ANNUAL_ROW_TOTAL, _("Total"), f->actions);
  add_note (s, g_strdup (_("An action without a due date belongs to no year.")));
  return s;
}

static VigieAnnualSection *
build_overdue (Builder *b)
{
  const char *headers[] = { _("Measure"), C_("actions", "Actions") };
  const double widths[] = { 0.7, 0.3 };
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;
  VigieAnnualSection *s;
  guint row;

  /* Translators: %s is a date, e.g. "Overdue on 15 June 2026" */
  label = g_strdup_printf (C_("actions", "Overdue on %s"), b->today_label);
  /* Translators: %s is a date, e.g. "15 June 2026" */
  description = g_strdup_printf (_("Remediation actions whose work is still owed (not yet "
                                   "completed, verified, closed or abandoned) and whose due "
                                   "date, in or before the year, had passed on %s."),
                                 b->today_label);
  s = section_new (VIGIE_FIGURE_OVERDUE, _("Overdue actions"), C_("sheet name", "Overdue actions"),
                   description, VIGIE_ANNUAL_CHART_BAR, 2, headers, widths);
  add_labelled (s, VIGIE_ANNUAL_ROW_DATA, label, b->f->actions_overdue);
  row = add_row (s, VIGIE_ANNUAL_ROW_EXTRA);
  set_text (s, row, 0, C_("actions", "Counted on"));
  set_date (s, row, 1, VIGIE_ANNUAL_CELL_DATE, b->f->today);
  add_note (s, g_strdup (_("For the current year this is every action overdue on that day, "
                           "as the Remediation page counts them.")));
  return s;
}

static VigieAnnualSection *
build_closure (Builder *b)
{
  const VigieFigures *f = b->f;
  const char *headers[] = { _("Measure"), _("Value") };
  const double widths[] = { 0.7, 0.3 };
  VigieAnnualSection *s;
  guint row;

  s = section_new (VIGIE_FIGURE_CLOSURE, _("Closure of remediation actions"),
                   C_("sheet name", "Closure"),
                   _("Remediation actions reported complete in the year and since closed, how "
                     "many of them the workers themselves verified — the strongest form of "
                     "closure — and the median number of days from opening to completion."),
                   VIGIE_ANNUAL_CHART_DOUGHNUT, 2, headers, widths);
  g_free (s->chart_title);
  s->chart_title = g_strdup (_("How closed actions were verified"));
  add_labelled (s, VIGIE_ANNUAL_ROW_DATA, C_("closure", "Verified by workers"),
                f->actions_verified_by_workers);
  add_labelled (s, VIGIE_ANNUAL_ROW_DATA,
                C_("closure", "Verified by the monitor or closed otherwise"),
                f->actions_closed - f->actions_verified_by_workers);
  add_labelled (s, VIGIE_ANNUAL_ROW_TOTAL, C_("closure", "Actions completed and closed"),
                f->actions_closed);
  row = add_row (s, VIGIE_ANNUAL_ROW_EXTRA);
  set_text (s, row, 0, C_("closure", "Share verified by workers"));
  set_value (s, row, 1, VIGIE_ANNUAL_CELL_SHARE, f->share_verified_by_workers);
  row = add_row (s, VIGIE_ANNUAL_ROW_EXTRA);
  set_text (s, row, 0, C_("closure", "Median days to close"));
  set_value (s, row, 1, VIGIE_ANNUAL_CELL_DAYS, f->median_days_to_close);
  if (f->actions_closed == 0)
    add_note (s, g_strdup (_("No action completed in the year has been closed yet: there is "
                             "no share and no median.")));
  else
    add_note (s, g_strdup (_("The median of an even number of actions is the mean of the two "
                             "middle ones.")));
  return s;
}

static VigieAnnualSection *
build_remedy_workers (Builder *b)
{
  const VigieFigures *f = b->f;
  const char *headers[] = { C_("remedy", "Group"), C_("remedy", "Workers") };
  const double widths[] = { 0.7, 0.3 };
  const char *groups[VIGIE_REMEDY_N_GROUPS] = {
    NULL, C_("workers", "Women"), C_("workers", "Migrant workers"),
    C_("workers", "Agency workers"), C_("workers", "Students and interns"),
    C_("workers", "Young workers"),
  };
  VigieAnnualSection *s;

  s = section_new (VIGIE_FIGURE_REMEDY_WORKERS, _("Workers receiving remedy"),
                   C_("sheet name", "Workers receiving remedy"),
                   _("Workers who benefit from remedy — restitution, compensation, "
                     "rehabilitation, satisfaction or guarantees of non-repetition — from "
                     "actions completed in the year and not since disputed or abandoned, in "
                     "total and by group."),
                   VIGIE_ANNUAL_CHART_BAR, 2, headers, widths);
  g_free (s->chart_title);
  s->chart_title = g_strdup (_("Workers receiving remedy, by group"));
  for (int g = VIGIE_REMEDY_GROUP_WOMEN; g < VIGIE_REMEDY_N_GROUPS; g++)
    add_labelled (s, VIGIE_ANNUAL_ROW_DATA, groups[g], f->remedy_workers[g]);
  add_labelled (s, VIGIE_ANNUAL_ROW_TOTAL, _("All workers receiving remedy"),
                f->remedy_workers[VIGIE_REMEDY_GROUP_TOTAL]);
  add_labelled (s, VIGIE_ANNUAL_ROW_EXTRA, C_("remedy", "Actions providing remedy"),
                f->remedy_actions);
  add_note (s, g_strdup (_("Groups overlap (a migrant woman counts in both groups), and a "
                           "worker who benefits from two actions counts twice.")));
  return s;
}

static VigieAnnualSection *
build_remedy_amounts (Builder *b)
{
  const VigieFigures *f = b->f;
  const char *headers[] = { C_("remedy", "Currency"), C_("remedy", "Amount"),
                            C_("remedy", "Actions") };
  const double widths[] = { 0.3, 0.4, 0.3 };
  VigieAnnualSection *s;

  s = section_new (VIGIE_FIGURE_REMEDY_AMOUNTS, _("Amounts of remedy"),
                   C_("sheet name", "Remedy amounts"),
                   _("Amounts paid as remedy by the same actions as the workers receiving "
                     "remedy, summed per currency."),
                   VIGIE_ANNUAL_CHART_BAR, 3, headers, widths);
  s->series[0] = 2;
  g_free (s->chart_title);
  s->chart_title = g_strdup (_("Actions providing remedy, by currency"));
  for (guint i = 0; i < f->remedy_amounts->len; i++)
    {
      const VigieFiguresAmount *a = &g_array_index (f->remedy_amounts, VigieFiguresAmount, i);
      guint row = add_row (s, VIGIE_ANNUAL_ROW_DATA);
      VigieAnnualCell *cell;

      set_text (s, row, 0, a->currency);
      cell = cell_at (s, row, 1);
      cell->kind = VIGIE_ANNUAL_CELL_MONEY;
      cell->count = a->amount_minor;
      cell->currency = g_strdup (a->currency);
      set_count (s, row, 2, a->actions);
    }
  add_note (s, g_strdup (_("Amounts are stored in each currency's minor unit and written with "
                           "its own number of decimals (ISO 4217). They are never converted, "
                           "so they are not added up across currencies; the chart compares "
                           "the number of actions instead.")));
  return s;
}

static VigieAnnualSection *
build_contractors (Builder *b)
{
  const char *headers[] = { _("Measure"), C_("contractors", "Contractors") };
  const double widths[] = { 0.7, 0.3 };
  VigieAnnualSection *s;

  s = section_new (VIGIE_FIGURE_CONTRACTORS, _("Contractors with a contract in force"),
                   C_("sheet name", "Contractors"),
                   _("Contractors that held a contract in force with an affiliate during the "
                     "year, and how many of them disclosed at least one production site."),
                   VIGIE_ANNUAL_CHART_BAR, 2, headers, widths);
  add_labelled (s, VIGIE_ANNUAL_ROW_DATA, C_("contractors", "With a contract in force"),
                b->f->contractors);
  add_labelled (s, VIGIE_ANNUAL_ROW_DATA, C_("contractors", "Disclosing at least one site"),
                b->f->contractors_disclosing);
  if (b->f->country != NULL)
    add_note (s, g_strdup (_("A country does not narrow the contractors with a contract in "
                             "force: a contractor that discloses nothing has no known "
                             "country.")));
  return s;
}

static VigieAnnualSection *
build_disclosing (Builder *b)
{
  const VigieFigures *f = b->f;
  guint n = 0;
  const VigieVocabEntry *tiers = vigie_vocab_entries (VIGIE_VOCAB_TIER, &n);
  const char *headers[] = { C_("contractors", "Tier"), C_("contractors", "Contractors") };
  const double widths[] = { 0.7, 0.3 };
  VigieAnnualSection *s;

  s = section_new (VIGIE_FIGURE_DISCLOSING, _("Contractors disclosing their sites, per tier"),
                   C_("sheet name", "Disclosure per tier"),
                   _("Contractors that disclosed, themselves, at least one production site of "
                     "each tier by the end of the year, under a contract in force during it."),
                   VIGIE_ANNUAL_CHART_BAR, 2, headers, widths);
  for (guint t = 0; t < n && t < VIGIE_FIGURES_N_TIERS; t++)
    add_labelled (s, VIGIE_ANNUAL_ROW_DATA, vigie_report_vocab_label (VIGIE_VOCAB_TIER, tiers[t].code),
                  f->contractors_disclosing_by_tier[t]);
  add_labelled (s, VIGIE_ANNUAL_ROW_TOTAL, C_("contractors", "Any tier"),
                f->contractors_disclosing);
  add_note (s, g_strdup (_("A contractor that disclosed sites of several tiers counts under "
                           "each of them, and once in “Any tier”.")));
  return s;
}

static VigieAnnualSection *
build_section (Builder     *b,
               VigieFigure  figure)
{
  switch (figure)
    {
    case VIGIE_FIGURE_AFFILIATES:
      return build_affiliates (b);
    case VIGIE_FIGURE_PARTNERS:
      return build_partners (b);
    case VIGIE_FIGURE_SITES_LINKED:
      return build_sites_linked (b);
    case VIGIE_FIGURE_INVESTIGATIONS:
      return build_investigations (b);
    case VIGIE_FIGURE_METHODS:
      return build_methods (b);
    case VIGIE_FIGURE_FINDINGS:
      return build_findings (b);
    case VIGIE_FIGURE_FINDINGS_MONTHLY:
      return build_monthly (b, figure, _("Findings per month"),
                            C_("sheet name", "Findings per month"),
                            _("Findings first observed in each month of the year."),
                            C_("findings", "Findings"), b->f->findings_per_month);
    case VIGIE_FIGURE_FORCED_LABOUR:
      return build_forced_labour (b);
    case VIGIE_FIGURE_ACTIONS:
      return build_actions (b);
    case VIGIE_FIGURE_OVERDUE:
      return build_overdue (b);
    case VIGIE_FIGURE_CLOSURE:
      return build_closure (b);
    case VIGIE_FIGURE_COMPLETIONS_MONTHLY:
      return build_monthly (b, figure, _("Actions completed per month"),
                            C_("sheet name", "Completions per month"),
                            _("Remediation actions reported complete in each month of the "
                              "year, whatever happened to them since."),
                            C_("actions", "Actions completed"), b->f->completions_per_month);
    case VIGIE_FIGURE_REMEDY_WORKERS:
      return build_remedy_workers (b);
    case VIGIE_FIGURE_REMEDY_AMOUNTS:
      return build_remedy_amounts (b);
    case VIGIE_FIGURE_CONTRACTORS:
      return build_contractors (b);
    case VIGIE_FIGURE_DISCLOSING:
      return build_disclosing (b);
    case VIGIE_N_FIGURES:
    default:
      g_assert_not_reached ();
    }
}

/* ─── The report ─────────────────────────────────────────────────────────── */

void
vigie_annual_report_free (VigieAnnualReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->figures, vigie_figures_free);
  g_free (report->title);
  g_free (report->scope);
  g_free (report->buyer_name);
  g_free (report->now);
  g_free (report->today);
  g_clear_pointer (&report->sections, g_ptr_array_unref);
  g_free (report);
}

/* The buyer of OPTIONS: an affiliate or a consortium. */
static char *
buyer_name (VigieStore  *store,
            gint64       buyer_id,
            GError     **error)
{
  g_autoptr(GError) local = NULL;
  VigieOrganisationRecord *org = vigie_store_get_organisation (store, buyer_id, &local);
  char *name;

  if (org == NULL)
    {
      if (g_error_matches (local, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND))
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, buyer_id);

          /* Translators: %s is an organisation number */
          g_set_error (error, VIGIE_FIGURES_ERROR, VIGIE_FIGURES_ERROR_INVALID,
                       _("There is no organisation %s in the dataset."), id);
        }
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (g_strcmp0 (org->kind, "affiliate") != 0 && g_strcmp0 (org->kind, "consortium") != 0)
    {
      /* Translators: %s is an organisation's name */
      g_set_error (error, VIGIE_FIGURES_ERROR, VIGIE_FIGURES_ERROR_INVALID,
                   _("“%s” is neither an affiliate nor a purchasing consortium: annual "
                     "figures are counted for buyers only."), org->name);
      vigie_organisation_record_free (org);
      return NULL;
    }
  name = g_strdup (org->name);
  vigie_organisation_record_free (org);
  return name;
}

VigieAnnualReport *
vigie_annual_report_build (VigieStore               *store,
                           const VigieAnnualOptions *options,
                           VigieProgressFunc         progress,
                           gpointer                  user_data,
                           double                    progress_share,
                           GCancellable             *cancellable,
                           GError                  **error)
{
  g_autoptr(VigieAnnualReport) report = g_new0 (VigieAnnualReport, 1);
  VigieFiguresOptions fo = { 0, };
  Builder b = { 0, };
  const char *country = NULL;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  report->now = options->now != NULL ? g_strdup (options->now) : vigie_now_iso ();
  report->today = options->today != NULL ? g_strdup (options->today) : vigie_today_iso ();
  fo.year = options->year;
  fo.country = options->country != NULL && options->country[0] != '\0' ? options->country : NULL;
  fo.buyer_id = MAX (options->buyer_id, 0);
  fo.today = report->today;
  report->figures = vigie_figures_new (&fo, error);
  if (report->figures == NULL)
    return NULL;
  if (fo.buyer_id > 0)
    {
      report->buyer_name = buyer_name (store, fo.buyer_id, error);
      if (report->buyer_name == NULL)
        return NULL;
    }

  /* Every figure, one query each, with progress and a chance to cancel in between. */
  for (int i = 0; i < VIGIE_N_FIGURES; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (progress != NULL)
        progress (progress_share * i / VIGIE_N_FIGURES, vigie_figure_title ((VigieFigure) i),
                  user_data);
      if (!vigie_figures_compute_one (store, report->figures, (VigieFigure) i, error))
        return NULL;
    }

  if (report->figures->country != NULL)
    country = country_name (report->figures->country);
  report->title = vigie_annual_report_title (report->figures->year, country, report->buyer_name);
  if (country != NULL && report->buyer_name != NULL)
    /* Translators: the scope of annual figures: %1$s a country, %2$s a buyer */
    report->scope = g_strdup_printf (_("Sites and affiliates in %1$s, of the buyer %2$s"),
                                     country, report->buyer_name);
  else if (country != NULL)
    /* Translators: the scope of annual figures: %s a country */
    report->scope = g_strdup_printf (_("Sites and affiliates in %s"), country);
  else if (report->buyer_name != NULL)
    /* Translators: the scope of annual figures: %s a buyer (an affiliate or a consortium) */
    report->scope = g_strdup_printf (_("What concerns the buyer %s"), report->buyer_name);
  else
    report->scope = g_strdup (_("Every country and every buyer"));

  b.f = report->figures;
  b.today_label = vigie_report_format_date (report->today);
  report->sections = g_ptr_array_new_with_free_func (section_free);
  for (int i = 0; i < VIGIE_N_FIGURES; i++)
    g_ptr_array_add (report->sections, build_section (&b, (VigieFigure) i));
  g_free (b.today_label);
  return g_steal_pointer (&report);
}

/* ─── PDF ────────────────────────────────────────────────────────────────── */

typedef struct
{
  VigieAnnualReport        *report;
  const VigieAnnualOptions *options;
  GCancellable             *cancellable;
  int                       pass;
  int                       section_pages[VIGIE_N_FIGURES];  /* from the previous pass */
  int                       pages_seen[VIGIE_N_FIGURES];     /* this pass */
  char                     *months[12];                      /* abbreviated */
  char                     *months_long[12];
} Pdf;

static char *
page_label (int page,
            int total)
{
  /* Translators: page footer of reports */
  return g_strdup_printf (_("Page %1$d of %2$d"), page, total);
}

static int
cell_month (const VigieAnnualCell *cell)
{
  int y, m = 0;

  if (cell->text == NULL || sscanf (cell->text, "%d-%d", &y, &m) != 2 || m < 1 || m > 12)
    return 0;
  return m;
}

/* A cell as the PDF table writes it. */
static char *
cell_text (Pdf                   *p,
           const VigieAnnualCell *cell)
{
  switch (cell->kind)
    {
    case VIGIE_ANNUAL_CELL_TEXT:
      return g_strdup (cell->text);
    case VIGIE_ANNUAL_CELL_COUNT:
      return vigie_report_format_int (cell->count);
    case VIGIE_ANNUAL_CELL_SHARE:
      return isnan (cell->value) ? g_strdup ("—") : vigie_report_format_percent (cell->value);
    case VIGIE_ANNUAL_CELL_DAYS:
      return isnan (cell->value) ? g_strdup ("—") : vigie_report_format_double (cell->value, 1);
    case VIGIE_ANNUAL_CELL_MONEY:
      return format_money (cell->count, cell->currency);
    case VIGIE_ANNUAL_CELL_MONTH:
      {
        int m = cell_month (cell);

        return g_strdup (m > 0 ? p->months_long[m - 1] : cell->text);
      }
    case VIGIE_ANNUAL_CELL_DATE:
      return vigie_report_format_date_short (cell->text);
    case VIGIE_ANNUAL_CELL_EMPTY:
    default:
      return g_strdup ("");
    }
}

/* The label of data row ROW in a chart. */
static const char *
category_label (Pdf                      *p,
                const VigieAnnualSection *s,
                guint                     row)
{
  const VigieAnnualCell *cell = vigie_annual_section_cell (s, row, 0);
  int m;

  if (cell->kind == VIGIE_ANNUAL_CELL_MONTH && (m = cell_month (cell)) > 0)
    return p->months[m - 1];
  return cell->text != NULL ? cell->text : "";
}

typedef struct
{
  Pdf                      *pdf;
  const VigieAnnualSection *section;
} ChartArgs;

static void
draw_chart (cairo_t *cr,
            double   width,
            double   height,
            gpointer user_data)
{
  ChartArgs *args = user_data;
  const VigieAnnualSection *s = args->section;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) series = g_ptr_array_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (double));
  const char *empty = _("Nothing to count for this year and scope.");
  VigieChartStyle style;

  vigie_chart_style_init_default (&style);
  style.font_family = g_strdup ("Cantarell");
  /* The charts size text for 96 dpi screens: 6.4 is 8.5 pt on paper. */
  style.font_size = 6.4;
  for (guint i = 0; i < s->n_series; i++)
    g_ptr_array_add (series, s->headers[s->series[i]]);

  switch (s->chart)
    {
    case VIGIE_ANNUAL_CHART_BAR:
    case VIGIE_ANNUAL_CHART_BAR_STACKED:
      {
        VigieBarChartData data = { 0, };

        for (guint r = 0; r < s->n_data_rows; r++)
          {
            g_ptr_array_add (labels, (gpointer) category_label (args->pdf, s, r));
            for (guint i = 0; i < s->n_series; i++)
              {
                const VigieAnnualCell *cell = vigie_annual_section_cell (s, r, s->series[i]);
                double v = vigie_annual_cell_number (cell);

                g_array_append_val (values, v);
              }
          }
        data.title = s->chart_title;
        data.n_categories = s->n_data_rows;
        data.categories = (const char * const *) labels->pdata;
        data.n_series = s->n_series;
        data.series_names = (const char * const *) series->pdata;
        data.values = (const double *) (gpointer) values->data;
        data.mode = s->chart == VIGIE_ANNUAL_CHART_BAR_STACKED ? VIGIE_BAR_CHART_STACKED
                                                              : VIGIE_BAR_CHART_GROUPED;
        data.empty_text = empty;
        vigie_chart_bar_render (cr, &data, &style, width, height);
        break;
      }
    case VIGIE_ANNUAL_CHART_LINE:
      {
        VigieLineChartData data = { 0, };

        for (guint r = 0; r < s->n_data_rows; r++)
          g_ptr_array_add (labels, (gpointer) category_label (args->pdf, s, r));
        for (guint i = 0; i < s->n_series; i++)
          for (guint r = 0; r < s->n_data_rows; r++)
            {
              double v = vigie_annual_cell_number (vigie_annual_section_cell (s, r, s->series[i]));

              g_array_append_val (values, v);
            }
        data.title = s->chart_title;
        data.n_points = s->n_data_rows;
        data.point_labels = (const char * const *) labels->pdata;
        data.n_series = s->n_series;
        data.series_names = (const char * const *) series->pdata;
        data.values = (const double *) (gpointer) values->data;
        data.area = TRUE;
        data.empty_text = empty;
        vigie_chart_line_render (cr, &data, &style, width, height);
        break;
      }
    case VIGIE_ANNUAL_CHART_DOUGHNUT:
      {
        VigieDonutChartData data = { 0, };

        /* Only the slices there are: a legend of twelve zeros says nothing. */
        for (guint r = 0; r < s->n_data_rows; r++)
          {
            double v = vigie_annual_cell_number (vigie_annual_section_cell (s, r, s->series[0]));

            if (isnan (v) || v <= 0)
              continue;
            g_ptr_array_add (labels, (gpointer) category_label (args->pdf, s, r));
            g_array_append_val (values, v);
          }
        data.title = s->chart_title;
        data.n_slices = labels->len;
        data.labels = (const char * const *) labels->pdata;
        data.values = (const double *) (gpointer) values->data;
        data.total_label = _("Total");
        data.empty_text = empty;
        vigie_chart_donut_render (cr, &data, &style, width, height);
        break;
      }
    default:
      g_assert_not_reached ();
    }
  vigie_chart_style_clear (&style);
}

/* The height a section's chart needs on paper. */
static double
chart_height (const VigieAnnualSection *s)
{
  guint n = MAX (s->n_data_rows, 1);

  switch (s->chart)
    {
    case VIGIE_ANNUAL_CHART_LINE:
      return 190;
    case VIGIE_ANNUAL_CHART_DOUGHNUT:
      {
        guint slices = 0;

        for (guint r = 0; r < s->n_data_rows; r++)
          if (vigie_annual_cell_number (vigie_annual_section_cell (s, r, s->series[0])) > 0)
            slices++;
        return MAX (150, 44 + 18.0 * slices);
      }
    case VIGIE_ANNUAL_CHART_BAR_STACKED:
      return 74 + (s->n_series > 1 ? 8 : 0) + 18.0 * n;
    case VIGIE_ANNUAL_CHART_BAR:
    default:
      if (s->n_series > 1)
        return 74 + 8 + (13.0 * s->n_series + 10) * n;
      return 62 + 19.0 * n;
    }
}

/* The height of the content of a page (A4 less the margins of vigie-pdf.c). */
#define USABLE_HEIGHT (VIGIE_PDF_PAGE_HEIGHT - 74 - 68)

/* About how high a section's table and notes come out: a row is one line of 8.5 pt text
 * (two when its label is long), a note about 12 pt a line of some 110 characters. */
static double
table_height (const VigieAnnualSection *s)
{
  double height = 18 + 10;

  for (guint r = 0; r < vigie_annual_section_n_rows (s); r++)
    {
      const VigieAnnualCell *label = vigie_annual_section_cell (s, r, 0);
      double chars = s->widths[0] * 95;

      height += 17;
      if (label->kind == VIGIE_ANNUAL_CELL_TEXT && g_utf8_strlen (label->text, -1) > chars)
        height += 11;
    }
  for (guint i = 0; i < s->notes->len; i++)
    height += 8 + 12 * ceil (g_utf8_strlen (g_ptr_array_index (s->notes, i), -1) / 110.0);
  return height;
}

static void
build_cover (VigiePdf *pdf,
             Pdf      *p)
{
  VigieAnnualReport *r = p->report;
  g_autofree char *year = g_strdup_printf ("%d", r->figures->year);
  g_autofree char *first = g_strdup_printf ("%04d-01-01", r->figures->year);
  g_autofree char *last = g_strdup_printf ("%04d-12-31", r->figures->year);
  g_autofree char *first_label = vigie_report_format_date (first);
  g_autofree char *last_label = vigie_report_format_date (last);
  g_autofree char *period = NULL;
  g_autofree char *now_date = g_strndup (r->now, 10);
  g_autofree char *report_date = vigie_report_format_date (now_date);
  g_autofree char *today = vigie_report_format_date (r->today);
  const char *pairs[2 * 6];
  guint n = 0;

  /* Translators: a period of time, from one date to another */
  period = g_strdup_printf (_("%1$s to %2$s"), first_label, last_label);

  vigie_pdf_skip (pdf, 60);
  vigie_pdf_paragraph (pdf, VIGIE_PDF_DIM,
                       _("Vigie — labour rights monitoring in electronics supply chains"));
  vigie_pdf_skip (pdf, 8);
  vigie_pdf_paragraph (pdf, VIGIE_PDF_SUBTITLE, _("Annual report figures"));
  vigie_pdf_paragraph (pdf, VIGIE_PDF_TITLE, year);
  vigie_pdf_paragraph (pdf, VIGIE_PDF_LEAD, r->scope);
  vigie_pdf_skip (pdf, 24);

#define PAIR(label, value) \
  G_STMT_START { pairs[2 * n] = (label); pairs[2 * n + 1] = (value); n++; } G_STMT_END
  PAIR (_("Period"), period);
  PAIR (_("Scope"), r->scope);
  PAIR (_("Overdue counted on"), today);
  PAIR (_("Date of the report"), report_date);
  PAIR (_("Author"), p->options->author);
#undef PAIR
  vigie_pdf_key_values (pdf, pairs, n);
  vigie_pdf_skip (pdf, 12);
  vigie_pdf_paragraph (pdf, VIGIE_PDF_NOTE,
                       _("Each figure is computed from the database by one documented query "
                         "(“vigie-cli figures --queries” prints them all), so anyone holding "
                         "the data can reproduce a published number. The figures count "
                         "records; they are not estimates, and they name no worker."));
  vigie_pdf_new_page (pdf);
}

static void
build_key_figures (VigiePdf *pdf,
                   Pdf      *p)
{
  const VigieFigures *f = p->report->figures;
  g_autofree char *affiliates = vigie_report_format_int (f->affiliates);
  g_autofree char *partners = vigie_report_format_int (f->monitoring_partners);
  g_autofree char *linked = vigie_report_format_int (f->sites_linked);
  g_autofree char *monitored = vigie_report_format_int (f->sites_monitored);
  g_autofree char *investigations = vigie_report_format_int (f->investigations);
  g_autofree char *workers = NULL, *findings = NULL, *fl = NULL, *actions = NULL;
  g_autofree char *overdue = vigie_report_format_int (f->actions_overdue);
  g_autofree char *verified = NULL;
  g_autofree char *remedy = vigie_report_format_int (f->remedy_workers[VIGIE_REMEDY_GROUP_TOTAL]);
  g_autofree char *today = vigie_report_format_date (f->today);
  g_autofree char *overdue_label = NULL;
  const char *pairs[2 * 12];
  guint n = 0;

  {
    g_autofree char *total = vigie_report_format_int (f->workers_interviewed);
    g_autofree char *women = vigie_report_format_int (f->workers_interviewed_women);

    /* Translators: workers interviewed, of whom women */
    workers = g_strdup_printf (_("%1$s (women: %2$s)"), total, women);
  }
  {
    g_autofree char *total = vigie_report_format_int (f->findings);
    g_autofree char *critical = vigie_report_format_int (f->findings_by_severity[0]);

    /* Translators: findings, of which critical */
    findings = g_strdup_printf (_("%1$s (critical: %2$s)"), total, critical);
  }
  {
    g_autofree char *one = vigie_report_format_int (f->sites_fl_1);
    g_autofree char *three = vigie_report_format_int (f->sites_fl_3);

    /* Translators: sites with at least 1 forced-labour indicator, and with at least 3 */
    fl = g_strdup_printf (_("%1$s (at least 3: %2$s)"), one, three);
  }
  actions = vigie_report_format_int (f->actions);
  if (!isnan (f->share_verified_by_workers))
    verified = vigie_report_format_percent (f->share_verified_by_workers);
  else
    verified = g_strdup ("—");
  /* Translators: %s is a date */
  overdue_label = g_strdup_printf (_("Actions overdue on %s"), today);

  vigie_pdf_heading (pdf, 1, _("Key figures"), 0);
  vigie_pdf_paragraph (pdf, VIGIE_PDF_LEAD, p->report->title);
#define PAIR(label, value) \
  G_STMT_START { pairs[2 * n] = (label); pairs[2 * n + 1] = (value); n++; } G_STMT_END
  PAIR (_("Affiliates"), affiliates);
  PAIR (_("Monitoring partners"), partners);
  PAIR (_("Sites linked to affiliates"), linked);
  PAIR (_("Sites monitored"), monitored);
  PAIR (_("Investigations under way"), investigations);
  PAIR (_("Workers interviewed"), workers);
  PAIR (_("Findings"), findings);
  PAIR (_("Sites with forced-labour indicators"), fl);
  PAIR (_("Remediation actions due in the year"), actions);
  PAIR (overdue_label, overdue);
  PAIR (_("Closed actions verified by workers"), verified);
  PAIR (_("Workers receiving remedy"), remedy);
#undef PAIR
  vigie_pdf_key_values (pdf, pairs, n);
}

static void
build_contents (VigiePdf *pdf,
                Pdf      *p)
{
  const double widths[] = { 0.85, 0.15 };
  const VigiePdfAlign aligns[] = { VIGIE_PDF_ALIGN_LEFT, VIGIE_PDF_ALIGN_RIGHT };
  const char *headers[] = { _("Figure"), _("Page") };
  VigiePdfTable *table;

  vigie_pdf_heading (pdf, 1, _("Contents"), 0);
  table = vigie_pdf_table_begin (pdf, 2, widths, aligns, headers);
  for (guint i = 0; i < p->report->sections->len; i++)
    {
      VigieAnnualSection *s = g_ptr_array_index (p->report->sections, i);
      /* The first pass counts the pages; the page numbers are those it found. */
      g_autofree char *page = p->section_pages[i] > 0
                              ? g_strdup_printf ("%d", p->section_pages[i]) : g_strdup ("");
      const char *cells[] = { s->title, page };

      vigie_pdf_table_row (table, cells);
    }
  vigie_pdf_table_end (table);
}

static void
build_figure_section (VigiePdf           *pdf,
                      Pdf                *p,
                      guint               index,
                      VigieAnnualSection *s)
{
  g_autofree VigiePdfAlign *aligns = g_new0 (VigiePdfAlign, s->n_columns);
  ChartArgs args = { p, s };
  double height = chart_height (s);
  VigiePdfTable *table;

  /* The whole section stays on one page when it fits on one; else at least the heading,
   * its sentence and the chart stay together. */
  if (36 + 48 + height + table_height (s) <= USABLE_HEIGHT)
    vigie_pdf_keep (pdf, 36 + 48 + height + table_height (s));
  else
    vigie_pdf_keep (pdf, 36 + 48 + height);
  vigie_pdf_heading (pdf, 1, s->title, 0);
  p->pages_seen[index] = vigie_pdf_page_number (pdf);
  vigie_pdf_paragraph (pdf, VIGIE_PDF_BODY, s->description);
  vigie_pdf_figure (pdf, height, draw_chart, &args);

  for (guint c = 1; c < s->n_columns; c++)
    aligns[c] = VIGIE_PDF_ALIGN_RIGHT;
  table = vigie_pdf_table_begin (pdf, s->n_columns, s->widths, aligns,
                                 (const char * const *) s->headers);
  for (guint r = 0; r < vigie_annual_section_n_rows (s); r++)
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

      for (guint c = 0; c < s->n_columns; c++)
        g_ptr_array_add (cells, cell_text (p, vigie_annual_section_cell (s, r, c)));
      if (vigie_annual_section_row_kind (s, r) == VIGIE_ANNUAL_ROW_TOTAL)
        vigie_pdf_table_total (table, (const char * const *) cells->pdata);
      else
        vigie_pdf_table_row (table, (const char * const *) cells->pdata);
    }
  vigie_pdf_table_end (table);
  for (guint i = 0; i < s->notes->len; i++)
    vigie_pdf_paragraph (pdf, VIGIE_PDF_NOTE, g_ptr_array_index (s->notes, i));
}

static gboolean
build_pdf (VigiePdf  *pdf,
           gpointer   user_data,
           GError   **error)
{
  Pdf *p = user_data;

  /* A second pass knows the pages the first found for each section (the contents). */
  if (p->pass++ > 0)
    memcpy (p->section_pages, p->pages_seen, sizeof p->section_pages);
  build_cover (pdf, p);
  build_key_figures (pdf, p);
  build_contents (pdf, p);
  for (guint i = 0; i < p->report->sections->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (p->cancellable, error))
        return FALSE;
      build_figure_section (pdf, p, i, g_ptr_array_index (p->report->sections, i));
    }
  return TRUE;
}

gboolean
vigie_pdf_write_annual_report (VigieStore               *store,
                               const VigieAnnualOptions *options,
                               const char               *path,
                               int                      *n_pages,
                               VigieProgressFunc         progress,
                               gpointer                  user_data,
                               GCancellable             *cancellable,
                               GError                  **error)
{
  g_autoptr(VigieReportLocale) locale = NULL;
  g_autoptr(VigieAnnualReport) report = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *keywords = NULL;
  g_autofree char *footer_right = NULL;
  g_autofree char *now_date = NULL;
  VigiePdfSetup setup = { 0, };
  Pdf p = { 0, };
  gboolean ok;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  locale = vigie_report_locale_new (options->language);
  vigie_report_locale_push (locale);
  report = vigie_annual_report_build (store, options, progress, user_data, 0.6, cancellable,
                                      error);
  if (report == NULL)
    {
      vigie_report_locale_pop ();
      return FALSE;
    }
  if (progress != NULL)
    progress (0.6, _("Laying out the pages"), user_data);

  /* Translators: PDF subject; %d is a year */
  subject = g_strdup_printf (_("The figures of a year of labour rights monitoring in "
                               "electronics supply chains, %d: affiliates, monitoring, "
                               "findings, remediation and remedy"), report->figures->year);
  /* Translators: PDF and workbook keywords, separated by commas; %d is a year */
  keywords = g_strdup_printf (_("labour rights, supply chain monitoring, annual report, %d"),
                              report->figures->year);
  if (report->figures->country != NULL || report->buyer_name != NULL)
    {
      char *with = g_strconcat (keywords, ", ", report->scope, NULL);

      g_free (keywords);
      keywords = with;
    }
  now_date = g_strndup (report->now, 10);
  footer_right = vigie_report_format_date (now_date);

  setup.title = report->title;
  setup.author = options->author;
  setup.subject = subject;
  setup.keywords = keywords;
  setup.creator = "Vigie " PACKAGE_VERSION;
  setup.date = report->now;
  setup.header_left = report->title;
  setup.header_right = NULL;
  setup.footer_left = report->scope;
  setup.footer_right = footer_right;
  setup.page_label = page_label;

  p.report = report;
  p.options = options;
  p.cancellable = cancellable;
  for (int m = 0; m < 12; m++)
    {
      p.months[m] = vigie_annual_month_name (m + 1, TRUE);
      p.months_long[m] = vigie_annual_month_name (m + 1, FALSE);
    }
  ok = vigie_pdf_render_to_file (&setup, build_pdf, &p, path, n_pages, error);
  for (int m = 0; m < 12; m++)
    {
      g_free (p.months[m]);
      g_free (p.months_long[m]);
    }
  if (ok && progress != NULL)
    progress (1.0, _("Done"), user_data);
  vigie_report_locale_pop ();
  return ok;
}

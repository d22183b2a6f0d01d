/* vigie-pdf-report.c — the factory compliance report / public monitoring status report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "vigie-action-list.h"
#include "vigie-chart-bar.h"
#include "vigie-pdf-report.h"
#include "vigie-pdf.h"
#include "vigie-reference.h"
#include "vigie-remediation.h"
#include "vigie-timeline.h"
#include "vigie-util.h"
#include "vigie-vocab.h"
#include "vigie-report-i18n.h"

#define N_SEVERITIES 4

typedef struct
{
  VigieSiteReport          *data;
  const VigieReportOptions *options;
  const char               *today;
  const char               *now;
  GCancellable             *cancellable;
} Report;

void
vigie_report_options_init (VigieReportOptions *options)
{
  memset (options, 0, sizeof *options);
  options->level = VIGIE_LEVEL_PUBLIC;
}

/* ─── Words ──────────────────────────────────────────────────────────────── */

static const char *
level_label (VigieDisclosureLevel level)
{
  return vigie_report_vocab_label (VIGIE_VOCAB_DISCLOSURE_LEVEL, vigie_disclosure_level_code (level));
}

char *
vigie_pdf_site_report_title (const char           *site_name,
                             VigieDisclosureLevel  level)
{
  if (level == VIGIE_LEVEL_PUBLIC)
    /* Translators: PDF document title; %s is the factory's name */
    return g_strdup_printf (_("Public monitoring status report — %s"), site_name);
  /* Translators: PDF document title; %s is the factory's name */
  return g_strdup_printf (_("Factory compliance report — %s"), site_name);
}

static const char *
report_kind (VigieDisclosureLevel level)
{
  return level == VIGIE_LEVEL_PUBLIC ? _("Public monitoring status report")
                                     : _("Factory compliance report");
}

static char *
format_count (gint64 n)
{
  return n < 0 ? g_strdup ("—") : vigie_report_format_int (n);
}

static char *
page_label (int page,
            int total)
{
  /* Translators: page footer of reports */
  return g_strdup_printf (_("Page %1$d of %2$d"), page, total);
}

/* ─── Cover ──────────────────────────────────────────────────────────────── */

static void
build_cover (VigiePdf *pdf,
             Report   *r)
{
  VigieSiteReport *d = r->data;
  VigieSiteRecord *site = d->site;
  g_autofree char *brands = vigie_report_join (d->brands, ", ");
  g_autofree char *affiliates = vigie_report_join (d->affiliates, ", ");
  g_autofree char *product_types = vigie_report_vocab_list (VIGIE_VOCAB_PRODUCT, site->products);
  g_autofree char *models = vigie_report_join (d->product_models, ", ");
  g_autofree char *products = NULL;
  g_autofree char *start = vigie_report_format_date (d->period_start);
  g_autofree char *end = vigie_report_format_date (d->period_end);
  g_autofree char *period = NULL;
  g_autofree char *now_date = g_strndup (r->now, 10);
  g_autofree char *report_date = vigie_report_format_date (now_date);
  g_autofree char *level = NULL;
  const char *pairs[2 * 16];
  guint n = 0;

  if (product_types[0] != '\0' && models[0] != '\0')
    /* Translators: product types, then product models */
    products = g_strdup_printf (_("%1$s (models: %2$s)"), product_types, models);
  else
    products = g_strdup (product_types[0] != '\0' ? product_types : models);
  if (d->period_start != NULL)
    /* Translators: a period of time, from one date to another */
    period = g_strdup_printf (_("%1$s to %2$s"), start, end);
  else
    /* Translators: the period of a report with no investigation or finding yet */
    period = g_strdup_printf (_("Until %s"), end);
  level = g_strdup (level_label (d->level));

  vigie_pdf_skip (pdf, 60);
  vigie_pdf_paragraph (pdf, VIGIE_PDF_DIM, _("Vigie — labour rights monitoring in electronics supply chains"));
  vigie_pdf_skip (pdf, 8);
  vigie_pdf_paragraph (pdf, VIGIE_PDF_SUBTITLE, report_kind (d->level));
  vigie_pdf_paragraph (pdf, VIGIE_PDF_TITLE, site->name);
  if (site->native_name != NULL && site->native_name[0] != '\0')
    vigie_pdf_paragraph (pdf, VIGIE_PDF_LEAD, site->native_name);
  vigie_pdf_skip (pdf, 24);

#define PAIR(label, value) G_STMT_START { pairs[2 * n] = (label); pairs[2 * n + 1] = (value); n++; } G_STMT_END
  PAIR (_("Address"), site->address);
  PAIR (_("Country"), vigie_report_country (d->country_name));
  PAIR (_("Open Supply Hub ID"), site->os_id);
  PAIR (_("Location type"), vigie_report_vocab_label (VIGIE_VOCAB_LOCATION_TYPE, site->location_type));
  PAIR (_("Parent company"), site->parent_company);
  PAIR (_("Employer"), site->employer);
  PAIR (_("Brands"), brands);
  PAIR (_("Affiliates"), affiliates);
  PAIR (_("Products"), products);
  PAIR (_("Period"), period);
  PAIR (_("Disclosure level"), level);
  PAIR (_("Date of the report"), report_date);
  PAIR (_("Author"), r->options->author);
  if (vigie_redact_internal_visible (d->level))
    PAIR (_("Internal notes"), site->notes);
#undef PAIR
  vigie_pdf_key_values (pdf, pairs, n);
  vigie_pdf_skip (pdf, 12);

  if (d->level == VIGIE_LEVEL_PUBLIC)
    vigie_pdf_paragraph (pdf, VIGIE_PDF_NOTE,
                         _("Public edition. Only findings cleared for publication are shown. "
                           "Confidential evidence and internal notes have been removed, and "
                           "workers who gave testimony appear only under pseudonyms."));
  else if (d->level == VIGIE_LEVEL_INTERNAL)
    vigie_pdf_paragraph (pdf, VIGIE_PDF_NOTE,
                         _("Internal edition: contains confidential evidence and internal "
                           "notes. Do not distribute outside the organisation."));
  else
    {
      /* Translators: %s is a disclosure level (Workers, Employer, Brand, Affiliates) */
      g_autofree char *text = g_strdup_printf (_("Edition for the audience “%s”: findings not "
                                                 "cleared for this audience, confidential "
                                                 "evidence and internal notes have been "
                                                 "removed, and workers who gave testimony "
                                                 "appear only under pseudonyms."), level);
      vigie_pdf_paragraph (pdf, VIGIE_PDF_NOTE, text);
    }
  vigie_pdf_new_page (pdf);
}

/* ─── Executive summary ──────────────────────────────────────────────────── */

static void
draw_bar_chart (cairo_t *cr,
                double   width,
                double   height,
                gpointer user_data)
{
  const VigieBarChartData *data = user_data;
  VigieChartStyle style;

  vigie_chart_style_init_default (&style);
  style.font_family = g_strdup ("Cantarell");
  /* The chart sizes its text for 96 dpi screens: 7.5 here is 10 pt on paper. */
  style.font_size = 6.4;
  vigie_chart_bar_render (cr, data, &style, width, height);
  vigie_chart_style_clear (&style);
}

static guint
count_overdue (Report *r,
               guint  *n_actions,
               guint  *n_verified_workers,
               guint  *n_closed)
{
  guint overdue = 0;

  *n_actions = *n_verified_workers = *n_closed = 0;
  for (guint i = 0; i < r->data->findings->len; i++)
    {
      VigieReportFinding *f = g_ptr_array_index (r->data->findings, i);

      for (guint a = 0; a < f->actions->len; a++)
        {
          VigieReportAction *ra = g_ptr_array_index (f->actions, a);

          (*n_actions)++;
          if (vigie_remediation_is_overdue (ra->action->status, ra->action->due_on, r->today))
            overdue++;
          if (g_strcmp0 (ra->action->status, "verified_by_workers") == 0)
            (*n_verified_workers)++;
          for (guint h = 0; h < ra->history->len; h++)
            {
              VigieStatusChange *c = g_ptr_array_index (ra->history, h);

              if (g_strcmp0 (c->to_status, "verified_by_workers") == 0
                  && g_strcmp0 (ra->action->status, "closed") == 0)
                {
                  (*n_verified_workers)++;
                  break;
                }
            }
          if (g_strcmp0 (ra->action->status, "closed") == 0)
            (*n_closed)++;
        }
    }
  return overdue;
}

static void
build_summary (VigiePdf *pdf,
               Report   *r)
{
  VigieSiteReport *d = r->data;
  guint by_severity[N_SEVERITIES] = { 0, };
  guint n_open = 0, n_actions, n_verified, n_closed, n_overdue;
  gint64 participants = 0, women = 0;
  guint n_activities = 0;
  g_autofree char *s_findings = NULL, *s_critical = NULL, *s_open = NULL, *s_actions = NULL;
  g_autofree char *s_overdue = NULL, *s_verified = NULL, *s_investigations = NULL;
  g_autofree char *s_interviewed = NULL, *s_workforce = NULL, *intro = NULL;
  g_autofree char *start = vigie_report_format_date (d->period_start);
  g_autofree char *end = vigie_report_format_date (d->period_end);
  g_autoptr(GPtrArray) categories = g_ptr_array_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (double));
  const char *series[N_SEVERITIES];
  const char *pairs[2 * 9];
  guint n = 0, n_key = 0;
  guint sev_n;
  const VigieVocabEntry *severities = vigie_vocab_entries (VIGIE_VOCAB_SEVERITY, &sev_n);

  vigie_pdf_heading (pdf, 1, _("Executive summary"), 0);

  for (guint i = 0; i < d->findings->len; i++)
    {
      VigieReportFinding *f = g_ptr_array_index (d->findings, i);
      int s = vigie_vocab_index (VIGIE_VOCAB_SEVERITY, f->finding->severity);

      if (s >= 0 && s < N_SEVERITIES)
        by_severity[s]++;
      if (g_strcmp0 (f->finding->status, "closed") != 0)
        n_open++;
    }
  n_overdue = count_overdue (r, &n_actions, &n_verified, &n_closed);
  for (guint i = 0; i < d->investigations->len; i++)
    {
      VigieReportInvestigation *inv = g_ptr_array_index (d->investigations, i);

      for (guint a = 0; a < inv->activities->len; a++)
        {
          VigieActivityRecord *act = g_ptr_array_index (inv->activities, a);

          participants += act->participants_total;
          women += act->participants_women;
          n_activities++;
        }
    }

  if (d->period_start != NULL)
    /* Translators: %1$s factory, %2$s country, %3$s and %4$s dates */
    intro = g_strdup_printf (_("This report presents the findings of the monitoring of %1$s "
                               "(%2$s) from %3$s to %4$s, the remediation owed for them and "
                               "where it stands, the site's chemical hazards and its "
                               "workforce."),
                             d->site->name, vigie_report_country (d->country_name), start, end);
  else
    /* Translators: %1$s factory, %2$s country */
    intro = g_strdup_printf (_("This report presents what is known of %1$s (%2$s): no "
                               "investigation or finding has been recorded yet."),
                             d->site->name, vigie_report_country (d->country_name));
  vigie_pdf_paragraph (pdf, VIGIE_PDF_LEAD, intro);
  vigie_pdf_skip (pdf, 4);

  s_findings = vigie_report_format_int (d->findings->len);
  s_critical = vigie_report_format_int (by_severity[0]);
  s_open = vigie_report_format_int (n_open);
  s_actions = vigie_report_format_int (n_actions);
  s_overdue = vigie_report_format_int (n_overdue);
  s_verified = vigie_report_format_int (n_verified);
  s_investigations = vigie_report_format_int (d->investigations->len);
  s_interviewed = vigie_report_format_int (participants);
  if (d->workforce->len > 0)
    {
      VigieWorkforceRecord *w = g_ptr_array_index (d->workforce, 0);

      if (w->total >= 0)
        s_workforce = vigie_report_format_int (w->total);
      else
        {
          g_autofree char *lo = format_count (w->total_min);
          g_autofree char *hi = format_count (w->total_max);

          /* Translators: a range of numbers */
          s_workforce = g_strdup_printf (_("%1$s to %2$s"), lo, hi);
        }
    }
#define PAIR(label, value) G_STMT_START { pairs[2 * n] = (label); pairs[2 * n + 1] = (value); n++; } G_STMT_END
  PAIR (_("Findings"), s_findings);
  PAIR (_("Critical findings"), s_critical);
  PAIR (_("Findings still open"), s_open);
  PAIR (_("Remediation actions"), s_actions);
  PAIR (_("Actions overdue"), s_overdue);
  PAIR (_("Actions verified by workers"), s_verified);
  PAIR (_("Investigations"), s_investigations);
  PAIR (_("Workers who took part"), s_interviewed);
  PAIR (_("Workforce (latest figure)"), s_workforce);
#undef PAIR
  vigie_pdf_key_values (pdf, pairs, n);

  /* Findings by theme and severity. */
  for (guint s = 0; s < N_SEVERITIES && s < sev_n; s++)
    series[s] = vigie_report_pgettext2 (vigie_vocab_context (VIGIE_VOCAB_SEVERITY),
                                        severities[s].label);
  for (guint i = 0; i < d->findings->len; i++)
    {
      VigieReportFinding *f = g_ptr_array_index (d->findings, i);
      const char *theme = f->theme_title[0] != '\0' ? vigie_report_gettext (f->theme_title)
                                                    : _("Other");
      int s = vigie_vocab_index (VIGIE_VOCAB_SEVERITY, f->finding->severity);
      guint c;

      if (categories->len == 0 || g_strcmp0 (g_ptr_array_index (categories, categories->len - 1), theme) != 0)
        {
          double zero[N_SEVERITIES] = { 0, };

          g_ptr_array_add (categories, (gpointer) theme);
          g_array_append_vals (values, zero, N_SEVERITIES);
        }
      c = categories->len - 1;
      if (s >= 0 && s < N_SEVERITIES)
        g_array_index (values, double, c * N_SEVERITIES + s) += 1;
    }
  if (categories->len > 0)
    {
      VigieBarChartData chart = {
        .title = _("Findings by theme and severity"),
        .n_categories = categories->len,
        .categories = (const char * const *) categories->pdata,
        .n_series = N_SEVERITIES,
        .series_names = series,
        .values = (const double *) (gpointer) values->data,
        .mode = VIGIE_BAR_CHART_STACKED,
      };

      vigie_pdf_figure (pdf, 60 + 20 * categories->len, draw_bar_chart, &chart);
    }

  /* The most serious findings. */
  for (guint i = 0; i < d->findings->len; i++)
    {
      VigieReportFinding *f = g_ptr_array_index (d->findings, i);

      if (g_strcmp0 (f->finding->severity, "critical") == 0
          || g_strcmp0 (f->finding->severity, "major") == 0)
        {
          /* Translators: a key finding in the summary: %1$s severity, %2$s title, %3$s status */
          g_autofree char *line = g_strdup_printf (_("%1$s: %2$s (%3$s)"),
                                                   vigie_report_vocab_label (VIGIE_VOCAB_SEVERITY, f->finding->severity),
                                                   f->finding->title,
                                                   vigie_report_vocab_label (VIGIE_VOCAB_FINDING_STATUS, f->finding->status));

          if (n_key == 0)
            vigie_pdf_heading (pdf, 3, _("Key findings"), -1);
          if (n_key < 10)
            vigie_pdf_bullet (pdf, line);
          n_key++;
        }
    }
  if (n_key > 10)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "…and %u more critical or major finding, in the Findings section.",
                                                            "…and %u more critical or major findings, in the Findings section.",
                                                            n_key - 10), n_key - 10);
      vigie_pdf_paragraph (pdf, VIGIE_PDF_DIM, more);
    }
}

/* ─── Methodology ────────────────────────────────────────────────────────── */

static void
build_methodology (VigiePdf *pdf,
                   Report   *r)
{
  VigieSiteReport *d = r->data;
  gint64 total = 0, women = 0, migrant = 0;
  guint n_activities = 0;

  vigie_pdf_heading (pdf, 1, _("Methodology"), 0);
  vigie_pdf_paragraph (pdf, VIGIE_PDF_BODY,
                       _("Findings come from worker-driven investigations by independent "
                         "monitoring partners: workers are heard first, away from the "
                         "workplace (interviews, focus groups, surveys, hotlines), before "
                         "documents and payroll are reviewed and the site is visited. Each "
                         "finding is tied to the standards it breaches and, where relevant, to "
                         "the ILO indicators of forced labour. Testimony is recorded under "
                         "pseudonyms only."));

  if (d->investigations->len == 0)
    {
      vigie_pdf_paragraph (pdf, VIGIE_PDF_DIM, _("No investigation is recorded for this period."));
      return;
    }

  {
    const double widths[] = { 0.34, 0.22, 0.18, 0.14, 0.12 };
    const char *headers[] = { _("Investigation"), _("Monitoring partner"), _("Trigger"),
                              _("Started"), _("Status") };
    VigiePdfTable *t = vigie_pdf_table_begin (pdf, 5, widths, NULL, headers);

    for (guint i = 0; i < d->investigations->len; i++)
      {
        VigieInvestigationRecord *inv = ((VigieReportInvestigation *) g_ptr_array_index (d->investigations, i))->investigation;
        g_autofree char *started = vigie_report_format_date_short (inv->start_date);
        const char *cells[] = { inv->title, inv->partner_name, vigie_report_vocab_label (VIGIE_VOCAB_INVESTIGATION_TRIGGER, inv->trigger),
                                started, vigie_report_vocab_label (VIGIE_VOCAB_INVESTIGATION_STATUS, inv->status) };

        vigie_pdf_table_row (t, cells);
      }
    vigie_pdf_table_end (t);
  }

  vigie_pdf_heading (pdf, 3, _("Activities and participants"), -1);
  {
    const double widths[] = { 0.34, 0.24, 0.14, 0.14, 0.14 };
    const VigiePdfAlign aligns[] = { VIGIE_PDF_ALIGN_LEFT, VIGIE_PDF_ALIGN_LEFT,
                                     VIGIE_PDF_ALIGN_RIGHT, VIGIE_PDF_ALIGN_RIGHT,
                                     VIGIE_PDF_ALIGN_RIGHT };
    const char *headers[] = { _("Method"), _("Dates"), _("Participants"), _("Women"),
                              _("Migrant workers") };
    VigiePdfTable *t = vigie_pdf_table_begin (pdf, 5, widths, aligns, headers);

    for (guint i = 0; i < d->investigations->len; i++)
      {
        VigieReportInvestigation *inv = g_ptr_array_index (d->investigations, i);

        for (guint a = 0; a < inv->activities->len; a++)
          {
            VigieActivityRecord *act = g_ptr_array_index (inv->activities, a);
            g_autofree char *from = vigie_report_format_date_short (act->start_date);
            g_autofree char *to = vigie_report_format_date_short (act->end_date);
            g_autofree char *dates = act->end_date != NULL && g_strcmp0 (act->end_date, act->start_date) != 0
                                     ? g_strdup_printf (_("%1$s to %2$s"), from, to) : g_strdup (from);
            g_autofree char *p = vigie_report_format_int (act->participants_total);
            g_autofree char *w = vigie_report_format_int (act->participants_women);
            g_autofree char *m = vigie_report_format_int (act->participants_migrant);
            const char *cells[] = { vigie_report_vocab_label (VIGIE_VOCAB_ACTIVITY_METHOD, act->method), dates, p, w, m };

            vigie_pdf_table_row (t, cells);
            total += act->participants_total;
            women += act->participants_women;
            migrant += act->participants_migrant;
            n_activities++;
          }
      }
    if (n_activities > 0)
      {
        g_autofree char *p = vigie_report_format_int (total);
        g_autofree char *w = vigie_report_format_int (women);
        g_autofree char *m = vigie_report_format_int (migrant);
        const char *cells[] = { _("Total"), "", p, w, m };

        vigie_pdf_table_total (t, cells);
      }
    vigie_pdf_table_end (t);
  }

  if (vigie_redact_internal_visible (d->level))
    for (guint i = 0; i < d->investigations->len; i++)
      {
        VigieReportInvestigation *inv = g_ptr_array_index (d->investigations, i);

        if (inv->investigation->notes[0] != '\0')
          {
            /* Translators: %1$s investigation title, %2$s its internal notes */
            g_autofree char *line = g_strdup_printf (_("Internal notes on %1$s: %2$s"),
                                                     inv->investigation->title,
                                                     inv->investigation->notes);
            vigie_pdf_paragraph (pdf, VIGIE_PDF_NOTE, line);
          }
        for (guint a = 0; a < inv->activities->len; a++)
          {
            VigieActivityRecord *act = g_ptr_array_index (inv->activities, a);

            if (act->notes[0] != '\0')
              {
                g_autofree char *line = g_strdup_printf (_("Internal notes on %1$s: %2$s"),
                                                         vigie_report_vocab_label (VIGIE_VOCAB_ACTIVITY_METHOD, act->method),
                                                         act->notes);
                vigie_pdf_paragraph (pdf, VIGIE_PDF_NOTE, line);
              }
          }
      }
}

/* ─── Findings ───────────────────────────────────────────────────────────── */

static const char *
severity_colour (const char *severity)
{
  if (g_strcmp0 (severity, "critical") == 0)
    return "#c01c28";
  if (g_strcmp0 (severity, "major") == 0)
    return "#c64600";
  if (g_strcmp0 (severity, "minor") == 0)
    return "#1c71d8";
  return "#5e5c64";
}

static char *
affected_groups (const VigieFindingRecord *f)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();

  if (f->affects_women)
    g_ptr_array_add (groups, (gpointer) _("women"));
  if (f->affects_migrant)
    g_ptr_array_add (groups, (gpointer) _("migrant workers"));
  if (f->affects_agency)
    g_ptr_array_add (groups, (gpointer) _("agency workers"));
  if (f->affects_student)
    g_ptr_array_add (groups, (gpointer) _("students and interns"));
  if (f->affects_young)
    g_ptr_array_add (groups, (gpointer) _("young workers"));
  return vigie_report_join (groups, ", ");
}

static void
build_finding (VigiePdf           *pdf,
               Report             *r,
               VigieReportFinding *rf,
               int                 outline_parent)
{
  VigieFindingRecord *f = rf->finding;
  g_autoptr(GString) meta = g_string_new (NULL);
  g_autofree char *observed = vigie_report_format_date (f->first_observed);
  g_autofree char *groups = affected_groups (f);
  g_autoptr(GPtrArray) standards = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *standards_text = NULL;
  g_autofree char *indicators_text = NULL;
  g_autofree char *evidence_text = NULL;
  g_autofree char *actions_text = NULL;
  g_autoptr(GPtrArray) indicators = g_ptr_array_new ();
  const char *pairs[2 * 7];
  guint n = 0;
  guint n_overdue = 0;

  vigie_pdf_heading (pdf, 3, f->title, outline_parent);

  {
    g_autofree char *sev = g_markup_printf_escaped ("<span foreground=\"%s\" weight=\"bold\">%s</span>",
                                                    severity_colour (f->severity),
                                                    vigie_report_vocab_label (VIGIE_VOCAB_SEVERITY, f->severity));
    g_autofree char *rest = NULL;
    g_autofree char *obs = g_strdup_printf (_("first observed %s"), observed);

    g_string_append (meta, sev);
    rest = g_markup_printf_escaped ("  ·  %s  ·  %s  ·  %s",
                                    vigie_report_vocab_label (VIGIE_VOCAB_FINDING_STATUS, f->status),
                                    vigie_report_vocab_label (VIGIE_VOCAB_FINDING_KIND, f->kind), obs);
    g_string_append (meta, rest);
    if (f->workers_affected >= 0)
      {
        g_autofree char *num = vigie_report_format_int (f->workers_affected);
        g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%s worker affected",
                                                              "%s workers affected",
                                                              (gulong) f->workers_affected), num);
        g_autofree char *esc = g_markup_printf_escaped ("  ·  %s", text);

        g_string_append (meta, esc);
      }
    vigie_pdf_markup (pdf, VIGIE_PDF_SMALL, meta->str);
  }

  vigie_pdf_paragraph (pdf, VIGIE_PDF_BODY, f->description);

  for (guint i = 0; i < rf->standards->len; i++)
    {
      VigieReportStandard *s = g_ptr_array_index (rf->standards, i);
      const char *code = g_str_equal (s->code, "vigie") ? "" : s->code;
      g_autofree char *upper = g_ascii_strup (code, -1);

      if (code[0] != '\0')
        g_ptr_array_add (standards, g_strdup_printf ("%s %s — %s", upper, s->key,
                                                     vigie_report_gettext (s->title)));
      else
        g_ptr_array_add (standards, g_strdup (vigie_report_gettext (s->title)));
    }
  standards_text = vigie_report_join (standards, "; ");
  for (guint i = 0; i < rf->indicators->len; i++)
    g_ptr_array_add (indicators, (gpointer) vigie_report_gettext (g_ptr_array_index (rf->indicators, i)));
  indicators_text = vigie_report_join (indicators, "; ");

  {
    g_autofree char *items = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items",
                                                           rf->evidence->len), rf->evidence->len);
    g_autofree char *sources = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%lld corroborating source",
                                                             "%lld corroborating sources",
                                                             (gulong) rf->n_sources),
                                                (long long) rf->n_sources);
    g_autofree char *testimony = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u testimony",
                                                               "%u testimonies", rf->n_testimony),
                                                  rf->n_testimony);
    /* Translators: evidence counts of a finding: items, sources, testimonies */
    evidence_text = g_strdup_printf (_("%1$s, %2$s, %3$s"), items, sources, testimony);
  }

  for (guint a = 0; a < rf->actions->len; a++)
    {
      VigieReportAction *ra = g_ptr_array_index (rf->actions, a);

      if (vigie_remediation_is_overdue (ra->action->status, ra->action->due_on, r->today))
        n_overdue++;
    }
  if (rf->actions->len == 0)
    actions_text = g_strdup (_("No remediation action recorded."));
  else
    {
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action",
                                                             "%u actions", rf->actions->len),
                                                rf->actions->len);
      if (n_overdue > 0)
        {
          g_autofree char *late = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue",
                                                                "%u overdue", n_overdue),
                                                   n_overdue);
          /* Translators: "3 actions, 1 overdue" */
          actions_text = g_strdup_printf (_("%1$s, %2$s"), count, late);
        }
      else
        actions_text = g_steal_pointer (&count);
    }

#define PAIR(label, value) G_STMT_START { pairs[2 * n] = (label); pairs[2 * n + 1] = (value); n++; } G_STMT_END
  PAIR (_("Workers affected"), groups);
  PAIR (_("Standards"), standards_text);
  PAIR (_("Forced-labour indicators"), indicators_text);
  PAIR (_("Evidence"), evidence_text);
  PAIR (_("Company response"), f->company_response[0] != '\0' ? f->company_response
                                                              : _("No response recorded."));
  PAIR (_("Remediation"), actions_text);
  if (vigie_redact_internal_visible (r->data->level))
    PAIR (_("Disclosure level"), vigie_report_vocab_label (VIGIE_VOCAB_DISCLOSURE_LEVEL, f->disclosure_level));
#undef PAIR
  vigie_pdf_key_values (pdf, pairs, n);

  for (guint i = 0; i < rf->evidence->len; i++)
    {
      VigieEvidenceRecord *e = g_ptr_array_index (rf->evidence, i);
      g_autoptr(GString) line = g_string_new (vigie_report_vocab_label (VIGIE_VOCAB_EVIDENCE_KIND, e->kind));

      if (e->pseudonym != NULL && e->pseudonym[0] != '\0')
        g_string_append_printf (line, " — “%s”", e->pseudonym);
      if (e->summary != NULL && e->summary[0] != '\0')
        g_string_append_printf (line, ": %s", e->summary);
      if (e->sources_count > 1)
        {
          g_autofree char *src = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld source",
                                                               "%lld sources",
                                                               (gulong) e->sources_count),
                                                  (long long) e->sources_count);
          g_string_append_printf (line, " (%s)", src);
        }
      if (e->confidential)
        g_string_append_printf (line, " [%s]", _("confidential"));
      if (e->notes != NULL && e->notes[0] != '\0')
        g_string_append_printf (line, " — %s: %s", _("internal notes"), e->notes);
      vigie_pdf_bullet (pdf, line->str);
    }

  if (vigie_redact_internal_visible (r->data->level) && f->notes[0] != '\0')
    {
      /* Translators: %s is the internal notes of a finding */
      g_autofree char *text = g_strdup_printf (_("Internal notes: %s"), f->notes);
      vigie_pdf_paragraph (pdf, VIGIE_PDF_NOTE, text);
    }
  vigie_pdf_skip (pdf, 4);
}

static void
build_findings (VigiePdf *pdf,
                Report   *r)
{
  VigieSiteReport *d = r->data;
  int section = vigie_pdf_heading (pdf, 1, _("Findings"), 0);
  const char *current = NULL;
  int theme_outline = section;

  if (d->findings->len == 0)
    {
      vigie_pdf_paragraph (pdf, VIGIE_PDF_BODY,
                           _("No finding is reported for this site at this disclosure level."));
      return;
    }
  vigie_pdf_paragraph (pdf, VIGIE_PDF_BODY,
                       _("Findings are grouped by theme of the organisation's code, the most "
                         "severe first. The standards breached are given with their code "
                         "(RBA: Responsible Business Alliance Code of Conduct)."));

  for (guint i = 0; i < d->findings->len; i++)
    {
      VigieReportFinding *f = g_ptr_array_index (d->findings, i);
      const char *theme = f->theme_title[0] != '\0' ? vigie_report_gettext (f->theme_title)
                                                    : _("Other");

      if (g_cancellable_is_cancelled (r->cancellable))
        return;
      if (current == NULL || g_strcmp0 (current, theme) != 0)
        {
          theme_outline = vigie_pdf_heading (pdf, 2, theme, section);
          current = theme;
        }
      build_finding (pdf, r, f, theme_outline);
    }
}

/* ─── Remediation ────────────────────────────────────────────────────────── */

typedef struct
{
  VigieTimelineData   data;
  VigieTimelineStyle  style;
  VigieTimelineView   view;
} TimelineFigure;

static void
draw_timeline (cairo_t *cr,
               double   width,
               double   height,
               gpointer user_data)
{
  TimelineFigure *fig = user_data;

  vigie_timeline_render (cr, &fig->data, &fig->style, &fig->view, width, height);
}

/* The spans of the actions that overlap [FROM, TO] (Julian days), grouped by finding. */
static void
fill_spans (VigieActionSpans *spans,
            Report           *r,
            guint32           from,
            guint32           to,
            guint32           today)
{
  VigieSiteReport *d = r->data;

  for (guint i = 0; i < d->findings->len; i++)
    {
      VigieReportFinding *f = g_ptr_array_index (d->findings, i);
      gboolean group_added = FALSE;

      for (guint a = 0; a < f->actions->len; a++)
        {
          VigieReportAction *ra = g_ptr_array_index (f->actions, a);
          VigieActionSpan span = { 0, };
          guint32 end;

          span.id = ra->action->id;
          span.opened = vigie_julian_from_iso (ra->action->opened_on);
          span.plan_due = vigie_julian_from_iso (ra->action->plan_due_on);
          span.due = vigie_julian_from_iso (ra->action->due_on);
          span.completed = vigie_julian_from_iso (ra->action->completed_on);
          span.pending = vigie_remediation_status_is_pending (ra->action->status);
          end = MAX (MAX (span.due, span.completed), span.opened);
          if (span.pending)
            end = MAX (end, today);
          if (span.opened == 0 || span.opened > to || end < from)
            continue;
          if (!group_added)
            {
              g_ptr_array_add (spans->group_labels, g_strdup (f->finding->title));
              group_added = TRUE;
            }
          span.label = g_string_chunk_insert (spans->strings, ra->action->description);
          span.group = spans->group_labels->len - 1;
          span.first_milestone = spans->milestones->len;
          span.status = (guint8) MAX (vigie_vocab_index (VIGIE_VOCAB_REMEDIATION_STATUS, ra->action->status), 0);
          for (guint h = 0; h < ra->history->len; h++)
            {
              VigieStatusChange *c = g_ptr_array_index (ra->history, h);
              VigieActionMilestone m = { vigie_julian_from_iso (c->changed_on),
                                         (guint8) MAX (vigie_vocab_index (VIGIE_VOCAB_REMEDIATION_STATUS, c->to_status), 0) };

              if (m.day == 0)
                continue;
              g_array_append_val (spans->milestones, m);
              span.n_milestones++;
            }
          g_array_append_val (spans->spans, span);
        }
    }
}

static void
build_timeline (VigiePdf *pdf,
                Report   *r)
{
  VigieSiteReport *d = r->data;
  guint32 first = G_MAXUINT32, last = 0;
  guint32 today = vigie_julian_from_iso (r->today);
  guint rows_per_page;
  guint n_windows;

  for (guint i = 0; i < d->findings->len; i++)
    {
      VigieReportFinding *f = g_ptr_array_index (d->findings, i);

      for (guint a = 0; a < f->actions->len; a++)
        {
          VigieActionRecord *act = ((VigieReportAction *) g_ptr_array_index (f->actions, a))->action;
          guint32 opened = vigie_julian_from_iso (act->opened_on);

          if (opened == 0)
            continue;
          first = MIN (first, opened);
          last = MAX (last, MAX (MAX (vigie_julian_from_iso (act->due_on),
                                      vigie_julian_from_iso (act->completed_on)), opened));
        }
    }
  if (last == 0)
    return;
  last = MAX (last, today);

  /* The heading, its note and the start of the first figure stay together. */
  vigie_pdf_keep (pdf, 200);
  vigie_pdf_heading (pdf, 3, _("Timeline"), -1);
  vigie_pdf_paragraph (pdf, VIGIE_PDF_DIM,
                       _("One bar per action from its opening to its due date, grouped by "
                         "finding, one year at a time; the filled part is done, overdue parts "
                         "are hatched in red, marks are status changes and the orange line is "
                         "the date of the report."));

  /* A year per figure, the most recent last (at most three years), each with only the
   * actions that overlap it. */
  n_windows = MIN (3u, (last - first + 20) / 366 + 1);
  for (guint w = 0; w < n_windows; w++)
    {
      VigieActionSpans spans = { 0, };
      TimelineFigure fig;
      double start = (double) last + 10 - 366.0 * (n_windows - w);

      spans.spans = g_array_new (FALSE, TRUE, sizeof (VigieActionSpan));
      spans.milestones = g_array_new (FALSE, TRUE, sizeof (VigieActionMilestone));
      spans.group_labels = g_ptr_array_new_with_free_func (g_free);
      spans.strings = g_string_chunk_new (1024);
      fill_spans (&spans, r, (guint32) MAX (start, 1), (guint32) (start + 366), today);

      if (spans.spans->len > 0)
        {
          vigie_timeline_data_init (&fig.data, &spans, today);
          vigie_timeline_style_init (&fig.style);
          fig.style.font = "Cantarell 7";
          fig.style.dpi = 72;
          fig.style.label_width = 190;
          fig.style.axis_height = 26;
          fig.style.row_height = 15;
          fig.style.today_label = _("Today");
          fig.style.overdue_label = _("Overdue");
          memset (&fig.view, 0, sizeof fig.view);
          fig.view.zoom = VIGIE_TIMELINE_ZOOM_YEAR;
          fig.view.start_day = start;
          rows_per_page = (guint) floor ((VIGIE_PDF_PAGE_HEIGHT - 74 - 68 - 40 - fig.style.axis_height)
                                         / fig.style.row_height);
          for (guint row = 0; row < fig.data.n_rows; row += rows_per_page)
            {
              guint rows = MIN (rows_per_page, fig.data.n_rows - row);

              fig.view.first_row = row;
              vigie_pdf_figure (pdf, fig.style.axis_height + rows * fig.style.row_height + 2,
                                draw_timeline, &fig);
            }
          vigie_timeline_data_clear (&fig.data);
        }
      g_array_unref (spans.spans);
      g_array_unref (spans.milestones);
      g_ptr_array_unref (spans.group_labels);
      g_string_chunk_free (spans.strings);
    }
}

static void
build_remediation (VigiePdf *pdf,
                   Report   *r)
{
  VigieSiteReport *d = r->data;
  guint n_actions, n_verified, n_closed, n_overdue;
  const double widths[] = { 0.28, 0.22, 0.17, 0.11, 0.11, 0.11 };
  const char *headers[] = { _("Action"), _("Finding"), _("Status"), _("Opened"), _("Due"),
                            _("Completed") };
  VigiePdfTable *t;

  vigie_pdf_heading (pdf, 1, _("Remediation"), 0);
  n_overdue = count_overdue (r, &n_actions, &n_verified, &n_closed);
  if (n_actions == 0)
    {
      vigie_pdf_paragraph (pdf, VIGIE_PDF_BODY, _("No remediation action is recorded."));
      return;
    }
  {
    g_autofree char *a = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%u remediation action is owed for the findings of this report.",
                                                       "%u remediation actions are owed for the findings of this report.",
                                                       n_actions), n_actions);
    g_autofree char *b = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%u is overdue on the date of the report.",
                                                       "%u are overdue on the date of the report.",
                                                       n_overdue), n_overdue);
    g_autofree char *c = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%u was verified by the workers themselves, the strongest form of closure.",
                                                       "%u were verified by the workers themselves, the strongest form of closure.",
                                                       n_verified), n_verified);
    g_autofree char *text = g_strjoin (" ", a, b, c, NULL);

    vigie_pdf_paragraph (pdf, VIGIE_PDF_BODY, text);
  }

  t = vigie_pdf_table_begin (pdf, 6, widths, NULL, headers);
  for (guint i = 0; i < d->findings->len; i++)
    {
      VigieReportFinding *f = g_ptr_array_index (d->findings, i);

      for (guint a = 0; a < f->actions->len; a++)
        {
          VigieActionRecord *act = ((VigieReportAction *) g_ptr_array_index (f->actions, a))->action;
          g_autofree char *opened = vigie_report_format_date_short (act->opened_on);
          g_autofree char *due = vigie_report_format_date_short (act->due_on);
          g_autofree char *done = vigie_report_format_date_short (act->completed_on);
          g_autofree char *status = NULL;

          if (vigie_remediation_is_overdue (act->status, act->due_on, r->today))
            {
              int days = vigie_remediation_days_overdue (act->status, act->due_on, r->today);
              g_autofree char *late = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                    "overdue by %d day",
                                                                    "overdue by %d days", days), days);
              status = g_strdup_printf ("%s (%s)", vigie_report_vocab_label (VIGIE_VOCAB_REMEDIATION_STATUS, act->status), late);
            }
          else
            status = g_strdup (vigie_report_vocab_label (VIGIE_VOCAB_REMEDIATION_STATUS, act->status));
          {
            const char *cells[] = { act->description, f->finding->title, status, opened, due, done };

            vigie_pdf_table_row (t, cells);
          }
        }
    }
  vigie_pdf_table_end (t);

  if (vigie_redact_internal_visible (d->level))
    for (guint i = 0; i < d->findings->len; i++)
      {
        VigieReportFinding *f = g_ptr_array_index (d->findings, i);

        for (guint a = 0; a < f->actions->len; a++)
          {
            VigieReportAction *ra = g_ptr_array_index (f->actions, a);

            if (ra->action->notes[0] != '\0')
              {
                g_autofree char *line = g_strdup_printf (_("Internal notes on %1$s: %2$s"),
                                                         ra->action->description, ra->action->notes);
                vigie_pdf_paragraph (pdf, VIGIE_PDF_NOTE, line);
              }
          }
      }

  build_timeline (pdf, r);
}

/* ─── Grievances ─────────────────────────────────────────────────────────── */

static void
build_grievances (VigiePdf *pdf,
                  Report   *r)
{
  VigieSiteReport *d = r->data;
  const double widths[] = { 0.13, 0.12, 0.14, 0.33, 0.14, 0.14 };
  const VigiePdfAlign aligns[] = { VIGIE_PDF_ALIGN_LEFT, VIGIE_PDF_ALIGN_LEFT,
                                   VIGIE_PDF_ALIGN_RIGHT, VIGIE_PDF_ALIGN_LEFT,
                                   VIGIE_PDF_ALIGN_LEFT, VIGIE_PDF_ALIGN_LEFT };
  const char *headers[] = { _("Received"), _("Channel"), _("Complainants"), _("Topic"),
                            _("Status"), _("Retaliation reported") };
  VigiePdfTable *t;

  if (d->grievances->len == 0)
    return;
  vigie_pdf_heading (pdf, 1, _("Grievances"), 0);
  t = vigie_pdf_table_begin (pdf, 6, widths, aligns, headers);
  for (guint i = 0; i < d->grievances->len; i++)
    {
      VigieGrievanceRecord *g = g_ptr_array_index (d->grievances, i);
      g_autofree char *received = vigie_report_format_date_short (g->received_on);
      g_autofree char *n = vigie_report_format_int (g->complainants);
      const char *cells[] = { received, vigie_report_vocab_label (VIGIE_VOCAB_GRIEVANCE_CHANNEL, g->channel), n,
                              g->topic, vigie_report_vocab_label (VIGIE_VOCAB_GRIEVANCE_STATUS, g->status),
                              g->retaliation_reported ? _("Yes") : _("No") };

      vigie_pdf_table_row (t, cells);
    }
  vigie_pdf_table_end (t);
  if (vigie_redact_internal_visible (d->level))
    for (guint i = 0; i < d->grievances->len; i++)
      {
        VigieGrievanceRecord *g = g_ptr_array_index (d->grievances, i);

        if (g->notes[0] != '\0')
          {
            g_autofree char *line = g_strdup_printf (_("Internal notes on %1$s: %2$s"), g->topic, g->notes);
            vigie_pdf_paragraph (pdf, VIGIE_PDF_NOTE, line);
          }
      }
}

/* ─── Chemical hazards ───────────────────────────────────────────────────── */

static void
build_chemicals (VigiePdf *pdf,
                 Report   *r)
{
  VigieHazardSummary *h = r->data->hazards;
  g_autofree char *products = NULL, *cmr = NULL, *exposed = NULL, *sds = NULL, *ppe = NULL;
  g_autofree char *above = NULL, *women = NULL;
  const char *pairs[2 * 6];
  guint n = 0;

  if (h == NULL)
    return;
  vigie_pdf_heading (pdf, 1, _("Chemical hazards"), 0);
  vigie_pdf_paragraph (pdf, VIGIE_PDF_BODY,
                       _("From the site's chemical inventory: the products that are "
                         "carcinogenic, mutagenic or toxic to reproduction (CMR), how many "
                         "workers handle them, and the gaps in safety data sheets and "
                         "protective equipment."));
  products = vigie_report_format_int (h->n_products);
  cmr = vigie_report_format_int (h->n_cmr_products);
  women = vigie_report_format_int (h->women_exposed_cmr);
  {
    g_autofree char *w = vigie_report_format_int (h->workers_exposed_cmr);

    /* Translators: workers exposed, of whom women */
    exposed = g_strdup_printf (_("%1$s (women: %2$s)"), w, women);
  }
  sds = vigie_report_format_int (h->n_cmr_sds_gap);
  ppe = vigie_report_format_int (h->n_cmr_ppe_gap);
  above = vigie_report_format_int (h->n_measurements_above_limit);
#define PAIR(label, value) G_STMT_START { pairs[2 * n] = (label); pairs[2 * n + 1] = (value); n++; } G_STMT_END
  PAIR (_("Products in the inventory"), products);
  PAIR (_("CMR products"), cmr);
  PAIR (_("Workers exposed to CMR products"), exposed);
  PAIR (_("CMR products without a usable safety data sheet"), sds);
  PAIR (_("CMR products without adequate protective equipment"), ppe);
  PAIR (_("Exposure measurements above the limit"), above);
#undef PAIR
  vigie_pdf_key_values (pdf, pairs, n);

  {
    const char *categories[] = { _("Carcinogenic"), _("Mutagenic"), _("Toxic to reproduction") };
    const char *series[] = { _("Products") };
    double values[] = { h->n_carcinogen, h->n_mutagen, h->n_reprotoxic };
    VigieBarChartData chart = {
      .title = _("CMR products by hazard"),
      .n_categories = 3,
      .categories = categories,
      .n_series = 1,
      .series_names = series,
      .values = values,
      .mode = VIGIE_BAR_CHART_GROUPED,
    };

    if (h->n_cmr_products > 0)
      vigie_pdf_figure (pdf, 120, draw_bar_chart, &chart);
  }

  if (h->items->len > 0)
    {
      const double widths[] = { 0.26, 0.14, 0.18, 0.14, 0.28 };
      const VigiePdfAlign aligns[] = { VIGIE_PDF_ALIGN_LEFT, VIGIE_PDF_ALIGN_LEFT,
                                       VIGIE_PDF_ALIGN_LEFT, VIGIE_PDF_ALIGN_RIGHT,
                                       VIGIE_PDF_ALIGN_LEFT };
      const char *headers[] = { _("Product"), _("Process"), _("CMR statements"),
                                _("Workers exposed"), _("Gaps") };
      VigiePdfTable *t = vigie_pdf_table_begin (pdf, 5, widths, aligns, headers);

      for (guint i = 0; i < h->items->len; i++)
        {
          VigieHazardSummaryItem *it = g_ptr_array_index (h->items, i);
          g_autofree char *workers = format_count (it->workers_exposed);
          g_autoptr(GPtrArray) gaps = g_ptr_array_new ();
          g_autofree char *gap_text = NULL;

          if (it->sds_missing)
            g_ptr_array_add (gaps, (gpointer) _("no safety data sheet"));
          if (it->sds_not_in_language)
            g_ptr_array_add (gaps, (gpointer) _("safety data sheet not in the workers' language"));
          if (it->ppe_missing)
            g_ptr_array_add (gaps, (gpointer) _("no protective equipment"));
          if (it->ppe_inadequate)
            g_ptr_array_add (gaps, (gpointer) _("protective equipment reported inadequate"));
          gap_text = vigie_report_join (gaps, "; ");
          {
            const char *cells[] = { it->trade_name, vigie_report_vocab_label (VIGIE_VOCAB_CHEMICAL_PROCESS, it->process),
                                    it->cmr_codes, workers, gap_text };

            vigie_pdf_table_row (t, cells);
          }
        }
      vigie_pdf_table_end (t);
    }
}

/* ─── Workforce ──────────────────────────────────────────────────────────── */

static void
build_workforce (VigiePdf *pdf,
                 Report   *r)
{
  VigieSiteReport *d = r->data;
  const double widths[] = { 0.13, 0.15, 0.08, 0.08, 0.09, 0.09, 0.11, 0.09, 0.09, 0.09 };
  VigiePdfAlign aligns[10];
  const char *headers[] = { _("As of"), _("Source"), _("Total"), _("Women"), _("Migrant"),
                            _("Agency"), _("Temporary"), _("Students"), _("Under 18"),
                            _("Union") };
  VigiePdfTable *t;

  vigie_pdf_heading (pdf, 1, _("Workforce profile"), 0);
  if (d->workforce->len == 0)
    {
      vigie_pdf_paragraph (pdf, VIGIE_PDF_BODY, _("No workforce figure is recorded for this site."));
      return;
    }
  {
    VigieWorkforceRecord *w = g_ptr_array_index (d->workforce, 0);
    g_autofree char *date = vigie_report_format_date (w->as_of);
    gint64 base = w->total >= 0 ? w->total : w->total_max;

    if (base > 0)
      {
        g_autofree char *total = vigie_report_format_int (base);
        g_autoptr(GString) shares = g_string_new (NULL);
        struct { gint64 n; const char *label; } groups[] = {
          { w->women, _("women") }, { w->migrant, _("migrant workers") },
          { w->agency, _("agency workers") }, { w->student, _("students and interns") },
        };
        g_autofree char *text = NULL;

        for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
          if (groups[i].n >= 0)
            {
              g_autofree char *pct = vigie_report_format_percent ((double) groups[i].n / base);

              if (shares->len > 0)
                g_string_append (shares, ", ");
              /* Translators: "62% women" */
              g_string_append_printf (shares, _("%1$s %2$s"), pct, groups[i].label);
            }
        /* Translators: %1$s date, %2$s source, %3$s number of workers, %4$s shares */
        text = g_strdup_printf (_("Latest figure (%1$s, %2$s): %3$s workers — %4$s."), date,
                                vigie_report_vocab_label (VIGIE_VOCAB_WORKFORCE_SOURCE, w->source), total,
                                shares->len > 0 ? shares->str : "—");
        vigie_pdf_paragraph (pdf, VIGIE_PDF_BODY, text);
      }
  }

  aligns[0] = aligns[1] = VIGIE_PDF_ALIGN_LEFT;
  for (guint i = 2; i < 10; i++)
    aligns[i] = VIGIE_PDF_ALIGN_RIGHT;
  t = vigie_pdf_table_begin (pdf, 10, widths, aligns, headers);
  for (guint i = 0; i < d->workforce->len; i++)
    {
      VigieWorkforceRecord *w = g_ptr_array_index (d->workforce, i);
      g_autofree char *date = vigie_report_format_date_short (w->as_of);
      g_autofree char *total = NULL;
      g_autofree char *women = format_count (w->women);
      g_autofree char *migrant = format_count (w->migrant);
      g_autofree char *agency = format_count (w->agency);
      g_autofree char *temporary = format_count (w->temporary);
      g_autofree char *student = format_count (w->student);
      g_autofree char *under18 = format_count (w->under18);
      const char *union_text = w->union_present < 0 ? "—" : w->union_present ? _("Yes") : _("No");

      if (w->total >= 0)
        total = vigie_report_format_int (w->total);
      else
        {
          g_autofree char *lo = format_count (w->total_min);
          g_autofree char *hi = format_count (w->total_max);

          total = g_strdup_printf ("%s–%s", lo, hi);
        }
      {
        const char *cells[] = { date, vigie_report_vocab_label (VIGIE_VOCAB_WORKFORCE_SOURCE, w->source), total,
                                women, migrant, agency, temporary, student, under18, union_text };

        vigie_pdf_table_row (t, cells);
      }
    }
  vigie_pdf_table_end (t);

  if (vigie_redact_internal_visible (d->level))
    for (guint i = 0; i < d->workforce->len; i++)
      {
        VigieWorkforceRecord *w = g_ptr_array_index (d->workforce, i);

        if (w->notes[0] != '\0')
          {
            g_autofree char *date = vigie_report_format_date (w->as_of);
            g_autofree char *line = g_strdup_printf (_("Internal notes on %1$s: %2$s"), date, w->notes);

            vigie_pdf_paragraph (pdf, VIGIE_PDF_NOTE, line);
          }
      }
}

/* ─── The document ───────────────────────────────────────────────────────── */

static gboolean
build (VigiePdf  *pdf,
       gpointer   user_data,
       GError   **error)
{
  Report *r = user_data;

  build_cover (pdf, r);
  build_summary (pdf, r);
  build_methodology (pdf, r);
  build_findings (pdf, r);
  build_remediation (pdf, r);
  build_chemicals (pdf, r);
  build_workforce (pdf, r);
  build_grievances (pdf, r);
  return !g_cancellable_set_error_if_cancelled (r->cancellable, error);
}

gboolean
vigie_pdf_write_site_report (VigieStore               *store,
                             gint64                    site_id,
                             const VigieReportOptions *options,
                             const char               *path,
                             int                      *n_pages,
                             GCancellable             *cancellable,
                             GError                  **error)
{
  g_autoptr(VigieSiteReport) data = NULL;
  g_autoptr(VigieReportLocale) locale = NULL;
  g_autofree char *today = NULL;
  g_autofree char *now = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *keywords = NULL;
  g_autofree char *brands = NULL;
  g_autofree char *footer_left = NULL;
  g_autofree char *footer_right = NULL;
  g_autofree char *now_date = NULL;
  VigiePdfSetup setup = { 0, };
  Report r = { 0, };
  gboolean ok;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  data = vigie_redact_site_report (store, site_id, options->level, options->year, error);
  if (data == NULL)
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  today = options->today != NULL ? g_strdup (options->today) : vigie_today_iso ();
  now = options->now != NULL ? g_strdup (options->now) : vigie_now_iso ();
  now_date = g_strndup (now, 10);

  locale = vigie_report_locale_new (options->language);
  vigie_report_locale_push (locale);

  title = vigie_pdf_site_report_title (data->site->name, options->level);
  /* Translators: PDF subject; %1$s factory, %2$s country, %3$s disclosure level */
  subject = g_strdup_printf (_("Labour rights monitoring of %1$s (%2$s), disclosure level: %3$s"),
                             data->site->name, vigie_report_country (data->country_name),
                             level_label (options->level));
  brands = vigie_report_join (data->brands, ", ");
  /* Translators: PDF keywords, separated by commas; keep the placeholders */
  keywords = g_strdup_printf (_("labour rights, supply chain monitoring, %1$s, %2$s"),
                              data->site->name, vigie_report_country (data->country_name));
  if (brands[0] != '\0')
    {
      char *with = g_strconcat (keywords, ", ", brands, NULL);

      g_free (keywords);
      keywords = with;
    }
  /* Translators: page footer, left: %s is a disclosure level */
  footer_left = g_strdup_printf (_("Disclosure level: %s"), level_label (options->level));
  footer_right = vigie_report_format_date (now_date);

  setup.title = title;
  setup.author = options->author;
  setup.subject = subject;
  setup.keywords = keywords;
  setup.creator = "Vigie " PACKAGE_VERSION;
  setup.date = now;
  setup.header_left = report_kind (options->level);
  setup.header_right = data->site->name;
  setup.footer_left = footer_left;
  setup.footer_right = footer_right;
  setup.page_label = page_label;

  r.data = data;
  r.options = options;
  r.today = today;
  r.now = now;
  r.cancellable = cancellable;
  ok = vigie_pdf_render_to_file (&setup, build, &r, path, n_pages, error);
  vigie_report_locale_pop ();
  return ok;
}

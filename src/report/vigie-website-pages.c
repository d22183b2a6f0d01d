/* vigie-website-pages.c — the HTML of the transparency website: the language choice, the
 * index of sites (with its optional filter), one page per site and the open data page,
 * plus the shared style sheet and filter script.
 *
 * Pages are plain HTML5 with landmarks, a skip link, captioned tables with scoped
 * headers and charts as inline SVG (role="img" with a title and a description that
 * carry the numbers). Text is in the language pushed with vigie_report_locale_push();
 * dates and numbers follow it. No external font, script or style: the site works from
 * file:// and from any static host, and without JavaScript.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "vigie-action-list.h"
#include "vigie-chart-bar.h"
#include "vigie-chart-donut.h"
#include "vigie-remediation.h"
#include "vigie-timeline.h"
#include "vigie-util.h"
#include "vigie-website-private.h"
#include "vigie-report-i18n.h"

#define N_SEVERITIES 4
#define CHART_FONT "Cantarell"

/* ─── Words ──────────────────────────────────────────────────────────────── */

/* Endonyms: each language named in itself, never translated. */
static const struct { const char *code; const char *name; } language_names[] = {
  { "ca", "Català" }, { "cs", "Čeština" }, { "da", "Dansk" }, { "de", "Deutsch" },
  { "el", "Ελληνικά" }, { "en", "English" }, { "es", "Español" }, { "eu", "Euskara" },
  { "fi", "Suomi" }, { "fr", "Français" }, { "gl", "Galego" }, { "hu", "Magyar" },
  { "it", "Italiano" }, { "ja", "日本語" }, { "ko", "한국어" }, { "nb", "Norsk bokmål" },
  { "nl", "Nederlands" }, { "pl", "Polski" }, { "pt", "Português" },
  { "pt_BR", "Português (Brasil)" }, { "ro", "Română" }, { "sv", "Svenska" },
  { "th", "ไทย" }, { "tr", "Türkçe" }, { "vi", "Tiếng Việt" }, { "zh_CN", "中文（简体）" },
  { "zh_TW", "中文（繁體）" },
};

const char *
website_language_name (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (language_names); i++)
    if (g_str_equal (language_names[i].code, code))
      return language_names[i].name;
  return code;
}

/* "pt_BR" → "pt-BR" (BCP 47, for lang and hreflang). */
static char *
html_lang (const char *code)
{
  char *lang = g_strdup (code);

  g_strdelimit (lang, "_", '-');
  return lang;
}

static const char *
website_title (void)
{
  /* Translators: the name of the public transparency website, in its header */
  return _("Supply-chain transparency");
}

static const char *
website_subtitle (void)
{
  return _("Labour rights in electronics production: public monitoring data");
}

static const char *
public_notice (void)
{
  return _("Public edition. Only findings cleared for publication are shown. "
           "Confidential evidence and internal notes have been removed, and "
           "workers who gave testimony appear only under pseudonyms.");
}

/* ─── HTML helpers ───────────────────────────────────────────────────────── */

static void
esc (GString    *out,
     const char *text)
{
  if (text == NULL)
    return;
  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '"': g_string_append (out, "&quot;"); break;
      case '\'': g_string_append (out, "&#39;"); break;
      default: g_string_append_c (out, *p);
      }
}

/* <TAG>TEXT</TAG>, TEXT escaped; TAG may carry attributes ("td class=\"num\""). */
static void
element (GString    *out,
         const char *tag,
         const char *text)
{
  const char *space = strchr (tag, ' ');

  g_string_append_printf (out, "<%s>", tag);
  esc (out, text);
  g_string_append (out, "</");
  g_string_append_len (out, tag, space != NULL ? space - tag : (gssize) strlen (tag));
  g_string_append (out, ">");
}

static const char *
or_dash (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : "—";
}

static char *
format_count (gint64 n)
{
  return n < 0 ? g_strdup ("—") : vigie_report_format_int (n);
}

/* A term and its description in a <dl>, skipped when VALUE is empty. */
static void
fact (GString    *out,
      const char *term,
      const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  g_string_append (out, "<div>");
  element (out, "dt", term);
  element (out, "dd", value);
  g_string_append (out, "</div>\n");
}

static void
section_begin (GString    *out,
               const char *id,
               const char *title)
{
  g_string_append_printf (out, "<section id=\"%s\" class=\"block\" aria-labelledby=\"%s-heading\">\n"
                               "<h2 id=\"%s-heading\">", id, id, id);
  esc (out, title);
  g_string_append (out, "</h2>\n");
}

static void
section_end (GString *out)
{
  g_string_append (out, "</section>\n");
}

/* A scrollable, keyboard-reachable table with a caption and column headers. */
static void
table_begin (GString            *out,
             const char         *id,
             const char         *caption,
             const char * const *headers,
             const gboolean     *numeric,
             guint               n_columns)
{
  g_string_append_printf (out, "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" "
                               "aria-labelledby=\"%s-caption\">\n"
                               "<table id=\"%s\" class=\"data\">\n<caption id=\"%s-caption\">",
                          id, id, id);
  esc (out, caption);
  g_string_append (out, "</caption>\n<thead><tr>");
  for (guint i = 0; i < n_columns; i++)
    {
      g_string_append (out, numeric != NULL && numeric[i] ? "<th scope=\"col\" class=\"num\">"
                                                          : "<th scope=\"col\">");
      esc (out, headers[i]);
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr></thead>\n<tbody>\n");
}

/* A row whose first cell heads it. */
static void
table_row (GString            *out,
           const char * const *cells,
           const gboolean     *numeric,
           guint               n_columns)
{
  g_string_append (out, "<tr>");
  for (guint i = 0; i < n_columns; i++)
    {
      if (i == 0)
        g_string_append (out, "<th scope=\"row\">");
      else
        g_string_append (out, numeric != NULL && numeric[i] ? "<td class=\"num\">" : "<td>");
      esc (out, cells[i]);
      g_string_append (out, i == 0 ? "</th>" : "</td>");
    }
  g_string_append (out, "</tr>\n");
}

static void
table_end (GString *out)
{
  g_string_append (out, "</tbody>\n</table>\n</div>\n");
}

/* ─── The frame of every page ────────────────────────────────────────────── */

static char *
up (guint depth)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (out, "../");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* PAGE is the page's path inside a language folder ("index.html", "sites/x.html"); DEPTH
 * the number of folders between it and the website's root. */
static void
page_begin (GString               *out,
            Website               *site,
            const WebsiteLanguage *language,
            const char            *title,
            guint                  depth,
            const char            *page)
{
  g_autofree char *root = up (depth);
  g_autofree char *lang = html_lang (language->code);

  g_string_append_printf (out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
                               "<meta charset=\"utf-8\">\n"
                               "<meta name=\"viewport\" content=\"width=device-width, "
                               "initial-scale=1\">\n<title>", lang);
  esc (out, title);
  g_string_append (out, " — ");
  esc (out, website_title ());
  g_string_append_printf (out, "</title>\n<link rel=\"icon\" href=\"data:,\">\n"
                               "<link rel=\"stylesheet\" href=\"%sstyle.css\">\n", root);
  for (guint i = 0; i < site->languages->len; i++)
    {
      WebsiteLanguage *other = g_ptr_array_index (site->languages, i);
      g_autofree char *other_lang = html_lang (other->code);

      if (other != language)
        g_string_append_printf (out, "<link rel=\"alternate\" hreflang=\"%s\" href=\"%s%s/%s\">\n",
                                other_lang, root, other->code, page);
    }
  g_string_append (out, "</head>\n<body>\n<a class=\"skip-link\" href=\"#main\">");
  esc (out, _("Skip to the content"));
  g_string_append_printf (out, "</a>\n<header class=\"site-header\">\n<div class=\"wrap header-inner\">\n"
                               "<a class=\"brand\" href=\"%s%s/index.html\">"
                               "<span class=\"brand-mark\" aria-hidden=\"true\"></span>"
                               "<span class=\"brand-text\"><span class=\"brand-title\">",
                          root, language->code);
  esc (out, website_title ());
  g_string_append (out, "</span><span class=\"brand-subtitle\">");
  esc (out, website_subtitle ());
  g_string_append (out, "</span></span></a>\n<nav class=\"languages\" aria-label=\"");
  esc (out, _("Languages"));
  g_string_append (out, "\">\n<ul>\n");
  for (guint i = 0; i < site->languages->len; i++)
    {
      WebsiteLanguage *other = g_ptr_array_index (site->languages, i);
      g_autofree char *other_lang = html_lang (other->code);

      g_string_append_printf (out, "<li><a href=\"%s%s/%s\" hreflang=\"%s\" lang=\"%s\"%s>",
                              root, other->code, page, other_lang, other_lang,
                              other == language ? " aria-current=\"page\"" : "");
      esc (out, website_language_name (other->code));
      g_string_append (out, "</a></li>\n");
    }
  g_string_append (out, "</ul>\n</nav>\n</div>\n</header>\n<main id=\"main\" tabindex=\"-1\">\n"
                        "<div class=\"wrap\">\n");
}

static void
page_end (GString               *out,
          Website               *site,
          const WebsiteLanguage *language,
          guint                  depth,
          gboolean               with_filter)
{
  g_autofree char *root = up (depth);

  g_string_append (out, "</div>\n</main>\n<footer class=\"site-footer\">\n<div class=\"wrap\">\n<p>");
  esc (out, public_notice ());
  g_string_append_printf (out, "</p>\n<p><a href=\"%s%s/data.html\">", root, language->code);
  esc (out, _("Open data: sites, findings and remediation as CSV and JSON"));
  g_string_append (out, "</a></p>\n<p class=\"colophon\">");
  if (site->now != NULL)
    {
      g_autofree char *date = vigie_report_format_date (site->today);
      /* Translators: %s is a date, in the footer of the website's pages */
      g_autofree char *text = g_strdup_printf (_("Data as of %s."), date);

      esc (out, text);
      g_string_append_c (out, ' ');
    }
  esc (out, _("Published with Vigie, free software for labour rights monitoring."));
  g_string_append (out, "</p>\n</div>\n</footer>\n");
  if (with_filter)
    g_string_append_printf (out, "<script src=\"%sfilter.js\"></script>\n", root);
  g_string_append (out, "</body>\n</html>\n");
}

/* ─── Charts ─────────────────────────────────────────────────────────────── */

typedef struct
{
  GPtrArray *categories;   /* const char *, translated theme titles */
  GArray    *values;       /* double, N_SEVERITIES per category */
  const char *series[N_SEVERITIES];
} ThemeChart;

static void
theme_chart_init (ThemeChart *chart)
{
  guint n;
  const VigieVocabEntry *severities = vigie_vocab_entries (VIGIE_VOCAB_SEVERITY, &n);

  chart->categories = g_ptr_array_new ();
  chart->values = g_array_new (FALSE, TRUE, sizeof (double));
  for (guint s = 0; s < N_SEVERITIES && s < n; s++)
    chart->series[s] = vigie_report_pgettext2 (vigie_vocab_context (VIGIE_VOCAB_SEVERITY),
                                               severities[s].label);
}

static void
theme_chart_clear (ThemeChart *chart)
{
  g_ptr_array_unref (chart->categories);
  g_array_unref (chart->values);
}

static const char *
theme_title (const WebsiteTheme *theme)
{
  return theme->title[0] != '\0' ? vigie_report_gettext (theme->title) : _("Other");
}

static void
theme_chart_add (ThemeChart  *chart,
                 const char  *category,
                 const guint *by_severity)
{
  g_ptr_array_add (chart->categories, (gpointer) category);
  for (guint s = 0; s < N_SEVERITIES; s++)
    {
      double v = by_severity[s];

      g_array_append_val (chart->values, v);
    }
}

static void
draw_bar_chart (cairo_t *cr,
                double   width,
                double   height,
                gpointer user_data)
{
  const VigieBarChartData *data = user_data;
  VigieChartStyle style;

  vigie_chart_style_init_default (&style);
  style.font_family = g_strdup (CHART_FONT);
  style.font_size = 9.5;
  vigie_chart_bar_render (cr, data, &style, width, height);
  vigie_chart_style_clear (&style);
}

/* "Wages: 12 (Critical 2, Major 10); Hours: 5 (Minor 5)." in the page's language. */
static char *
theme_chart_describe (const ThemeChart *chart)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint c = 0; c < chart->categories->len; c++)
    {
      const double *v = &g_array_index (chart->values, double, c * N_SEVERITIES);
      g_autoptr(GString) parts = g_string_new (NULL);
      g_autofree char *total = NULL;
      g_autofree char *item = NULL;
      double sum = 0;

      for (guint s = 0; s < N_SEVERITIES; s++)
        {
          g_autofree char *n = NULL;

          sum += v[s];
          if (v[s] <= 0)
            continue;
          n = vigie_report_format_int ((gint64) v[s]);
          if (parts->len > 0)
            g_string_append (parts, ", ");
          /* Translators: a severity and a number of findings in a chart description */
          g_string_append_printf (parts, _("%1$s %2$s"), chart->series[s], n);
        }
      total = vigie_report_format_int ((gint64) sum);
      /* Translators: a theme, its number of findings and their severities, in a chart
       * description: "Wages: 12 (Critical 2, Major 10)" */
      item = g_strdup_printf (_("%1$s: %2$s (%3$s)"),
                              (const char *) g_ptr_array_index (chart->categories, c), total,
                              parts->str);
      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append (out, item);
    }
  if (out->len == 0)
    g_string_append (out, _("No public finding."));
  else
    g_string_append_c (out, '.');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
theme_chart_figure (GString               *out,
                    const ThemeChart      *chart,
                    const WebsiteLanguage *language,
                    const char            *id)
{
  g_autofree char *description = theme_chart_describe (chart);
  g_autofree char *svg = NULL;
  const char *title = _("Findings by theme and severity");
  VigieBarChartData data = {
    .title = NULL,
    .n_categories = chart->categories->len,
    .categories = (const char * const *) chart->categories->pdata,
    .n_series = N_SEVERITIES,
    .series_names = chart->series,
    .values = (const double *) (gpointer) chart->values->data,
    .mode = VIGIE_BAR_CHART_STACKED,
  };

  if (chart->categories->len == 0)
    return;
  svg = website_svg_render (760, 70 + 34 * chart->categories->len, draw_bar_chart, &data, id,
                            title, description, language->code);
  g_string_append (out, "<figure class=\"figure\">\n");
  g_string_append (out, svg);
  g_string_append (out, "\n<figcaption>");
  esc (out, title);
  g_string_append (out, "</figcaption>\n</figure>\n");
}

typedef struct
{
  VigieTimelineData  data;
  VigieTimelineStyle style;
  VigieTimelineView  view;
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

static void
draw_donut (cairo_t *cr,
            double   width,
            double   height,
            gpointer user_data)
{
  const VigieDonutChartData *data = user_data;
  VigieChartStyle style;

  vigie_chart_style_init_default (&style);
  style.font_family = g_strdup (CHART_FONT);
  style.font_size = 9.5;
  vigie_chart_donut_render (cr, data, &style, width, height);
  vigie_chart_style_clear (&style);
}

/* ─── The index ──────────────────────────────────────────────────────────── */

static void
figure_item (GString    *out,
             const char *label,
             const char *value)
{
  g_string_append (out, "<div class=\"figure-item\"><dt>");
  esc (out, label);
  g_string_append (out, "</dt><dd>");
  esc (out, value);
  g_string_append (out, "</dd></div>\n");
}

typedef struct
{
  const WebsiteSite *site;
  char              *key;
} SortedSite;

static int
compare_sorted_sites (gconstpointer a,
                      gconstpointer b)
{
  const SortedSite *sa = a;
  const SortedSite *sb = b;
  int c = strcmp (sa->key, sb->key);

  if (c != 0)
    return c;
  return (sa->site->id > sb->site->id) - (sa->site->id < sb->site->id);
}

typedef struct
{
  const char *code;
  const char *name;     /* translated */
  char       *key;
} Country;

static int
compare_countries (gconstpointer a,
                   gconstpointer b)
{
  const Country *ca = a;
  const Country *cb = b;
  int c = strcmp (ca->key, cb->key);

  return c != 0 ? c : strcmp (ca->code, cb->code);
}

static char *
progress_text (guint done,
               guint total)
{
  g_autofree char *d = vigie_report_format_int (done);
  g_autofree char *t = vigie_report_format_int (total);

  /* Translators: remediation progress of a site: "3 of 5 actions done" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s of %2$s action done",
                                       "%1$s of %2$s actions done", total), d, t);
}

/* "3 of 5", for the key figures. */
static char *
progress_figure (guint done,
                 guint total)
{
  g_autofree char *d = vigie_report_format_int (done);
  g_autofree char *t = vigie_report_format_int (total);

  /* Translators: a key figure: "3 of 5" (remediation actions done of those owed) */
  return g_strdup_printf (_("%1$s of %2$s"), d, t);
}

static void
progress_cell (GString *out,
               guint    done,
               guint    total,
               guint    overdue)
{
  g_autofree char *text = NULL;

  if (total == 0)
    {
      g_string_append (out, "<td class=\"muted\">");
      esc (out, _("No action"));
      g_string_append (out, "</td>");
      return;
    }
  text = progress_text (done, total);
  g_string_append_printf (out, "<td><span class=\"meter\" aria-hidden=\"true\">"
                               "<span style=\"width: %u%%\"></span></span> ",
                          (guint) floor (100.0 * done / total + 0.5));
  esc (out, text);
  if (overdue > 0)
    {
      g_autofree char *n = vigie_report_format_int (overdue);
      g_autofree char *late = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s overdue",
                                                            "%s overdue", overdue), n);

      g_string_append (out, "<br><span class=\"overdue\">");
      esc (out, late);
      g_string_append (out, "</span>");
    }
  g_string_append (out, "</td>");
}

char *
website_index_page (Website               *site,
                    const WebsiteLanguage *language)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (SortedSite));
  g_autoptr(GArray) countries = g_array_new (FALSE, FALSE, sizeof (Country));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) themes = website_sorted_themes (site);
  const char *title = _("Production sites");
  ThemeChart chart;

  page_begin (out, site, language, title, 1, "index.html");
  g_string_append (out, "<div class=\"page-head\">\n");
  element (out, "h1", title);
  g_string_append (out, "<p class=\"lead\">");
  esc (out, _("Where the hardware is made, what independent monitors found there about "
              "working conditions, and what has been done about it."));
  g_string_append (out, "</p>\n</div>\n");

  for (guint i = 0; i < site->sites->len; i++)
    {
      const WebsiteSite *s = g_ptr_array_index (site->sites, i);
      SortedSite entry = { s, vigie_normalise_text (s->name) };

      g_array_append_val (sorted, entry);
      if (!g_hash_table_contains (seen, s->country))
        {
          Country c = { s->country, vigie_report_country (s->country_name), NULL };

          c.key = vigie_normalise_text (c.name);
          g_hash_table_add (seen, s->country);
          g_array_append_val (countries, c);
        }
    }
  g_array_sort (sorted, compare_sorted_sites);
  g_array_sort (countries, compare_countries);

  /* Key figures. */
  {
    g_autofree char *n_sites = vigie_report_format_int (site->sites->len);
    g_autofree char *n_countries = vigie_report_format_int (countries->len);
    g_autofree char *n_findings = vigie_report_format_int (site->n_findings);
    g_autofree char *progress = progress_figure (site->n_done, site->n_actions);
    g_autofree char *n_overdue = vigie_report_format_int (site->n_overdue);

    g_string_append (out, "<section class=\"block\" aria-labelledby=\"figures-heading\">\n"
                          "<h2 id=\"figures-heading\" class=\"visually-hidden\">");
    esc (out, _("Key figures"));
    g_string_append (out, "</h2>\n<dl class=\"figures\">\n");
    figure_item (out, _("Production sites"), n_sites);
    figure_item (out, _("Countries"), n_countries);
    figure_item (out, _("Public findings"), n_findings);
    figure_item (out, _("Remediation actions done"), progress);
    figure_item (out, _("Actions overdue"), n_overdue);
    g_string_append (out, "</dl>\n</section>\n");
  }

  /* The sites, and the filter the script reveals. */
  section_begin (out, "sites", _("All sites"));
  g_string_append (out, "<form id=\"site-filters\" class=\"filters\" hidden>\n"
                        "<div class=\"field\"><label for=\"filter-country\">");
  esc (out, _("Country"));
  g_string_append (out, "</label>\n<select id=\"filter-country\" name=\"country\">\n<option value=\"\">");
  esc (out, _("All countries"));
  g_string_append (out, "</option>\n");
  for (guint i = 0; i < countries->len; i++)
    {
      Country *c = &g_array_index (countries, Country, i);

      g_string_append (out, "<option value=\"");
      esc (out, c->code);
      g_string_append (out, "\">");
      esc (out, c->name);
      g_string_append (out, "</option>\n");
    }
  g_string_append (out, "</select></div>\n<div class=\"field\"><label for=\"filter-theme\">");
  esc (out, _("Theme of the findings"));
  g_string_append (out, "</label>\n<select id=\"filter-theme\" name=\"theme\">\n<option value=\"\">");
  esc (out, _("All themes"));
  g_string_append (out, "</option>\n");
  for (guint i = 0; i < themes->len; i++)
    {
      WebsiteTheme *theme = g_ptr_array_index (themes, i);

      g_string_append (out, "<option value=\"");
      esc (out, theme->key);
      g_string_append (out, "\">");
      esc (out, theme_title (theme));
      g_string_append (out, "</option>\n");
    }
  g_string_append (out, "</select></div>\n<div class=\"field field-button\"><button type=\"reset\">");
  esc (out, _("Show every site"));
  g_string_append (out, "</button></div>\n<p id=\"filter-status\" class=\"filter-status\" "
                        "role=\"status\" aria-live=\"polite\" data-template=\"");
  /* Translators: shown by the index filter; keep {shown} and {total} (numbers of sites) */
  esc (out, _("Showing {shown} of {total} sites"));
  g_string_append (out, "\"></p>\n</form>\n");

  {
    const char *headers[] = { _("Site"), _("Country"), _("Products"), _("Buyers"),
                              _("Public findings"), _("Remediation") };

    table_begin (out, "sites-table", _("Production sites with their public findings by theme "
                                       "and the progress of remediation"),
                 headers, NULL, G_N_ELEMENTS (headers));
  }
  for (guint i = 0; i < sorted->len; i++)
    {
      const WebsiteSite *s = g_array_index (sorted, SortedSite, i).site;
      g_autofree char *products = vigie_report_vocab_list (VIGIE_VOCAB_PRODUCT, s->products);
      g_autofree char *buyers = vigie_report_join (s->buyers, ", ");
      g_autoptr(GString) theme_keys = g_string_new (NULL);
      g_autofree char *n_findings = vigie_report_format_int (s->n_findings);

      for (guint t = 0; t < themes->len; t++)
        {
          WebsiteTheme *theme = g_ptr_array_index (themes, t);

          if (g_hash_table_contains (s->theme_counts, theme->key))
            {
              if (theme_keys->len > 0)
                g_string_append_c (theme_keys, ' ');
              g_string_append (theme_keys, theme->key);
            }
        }
      g_string_append (out, "<tr data-country=\"");
      esc (out, s->country);
      g_string_append (out, "\" data-themes=\"");
      esc (out, theme_keys->str);
      g_string_append_printf (out, "\">\n<th scope=\"row\"><a href=\"sites/%s.html\">", s->slug);
      esc (out, s->name);
      g_string_append (out, "</a>");
      if (s->address[0] != '\0')
        {
          g_string_append (out, "<span class=\"sub\">");
          esc (out, s->address);
          g_string_append (out, "</span>");
        }
      if (s->closed)
        {
          g_string_append (out, " <span class=\"tag\">");
          esc (out, C_("site", "Closed"));
          g_string_append (out, "</span>");
        }
      g_string_append (out, "</th>\n");
      element (out, "td", vigie_report_country (s->country_name));
      element (out, "td", or_dash (products));
      element (out, "td", or_dash (buyers));
      if (s->n_findings == 0)
        {
          g_string_append (out, "<td class=\"muted\">");
          esc (out, _("None"));
          g_string_append (out, "</td>");
        }
      else
        {
          g_string_append (out, "<td><strong>");
          esc (out, n_findings);
          g_string_append (out, "</strong><ul class=\"theme-list\">");
          for (guint t = 0; t < themes->len; t++)
            {
              WebsiteTheme *theme = g_ptr_array_index (themes, t);
              guint n = GPOINTER_TO_UINT (g_hash_table_lookup (s->theme_counts, theme->key));
              g_autofree char *count = NULL;
              g_autofree char *item = NULL;

              if (n == 0)
                continue;
              count = vigie_report_format_int (n);
              /* Translators: a theme and its number of findings in the index of sites */
              item = g_strdup_printf (_("%1$s: %2$s"), theme_title (theme), count);
              element (out, "li", item);
            }
          g_string_append (out, "</ul></td>");
        }
      progress_cell (out, s->n_done, s->n_actions, s->n_overdue);
      g_string_append (out, "\n</tr>\n");
    }
  table_end (out);
  section_end (out);

  /* Findings of every site by theme and severity. */
  theme_chart_init (&chart);
  for (guint i = 0; i < themes->len; i++)
    {
      WebsiteTheme *theme = g_ptr_array_index (themes, i);
      const guint *counts = g_hash_table_lookup (site->theme_severity, theme->key);

      if (counts != NULL)
        theme_chart_add (&chart, theme_title (theme), counts);
    }
  if (chart.categories->len > 0)
    {
      section_begin (out, "themes", _("Public findings by theme"));
      theme_chart_figure (out, &chart, language, "chart-themes");
      section_end (out);
    }
  theme_chart_clear (&chart);

  for (guint i = 0; i < sorted->len; i++)
    g_free (g_array_index (sorted, SortedSite, i).key);
  for (guint i = 0; i < countries->len; i++)
    g_free (g_array_index (countries, Country, i).key);

  page_end (out, site, language, 1, TRUE);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ─── A site ─────────────────────────────────────────────────────────────── */

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

static gboolean
verified_by_workers (const VigieReportAction *ra)
{
  if (g_strcmp0 (ra->action->status, "verified_by_workers") == 0)
    return TRUE;
  if (g_strcmp0 (ra->action->status, "closed") != 0)
    return FALSE;
  for (guint h = 0; h < ra->history->len; h++)
    if (g_strcmp0 (((VigieStatusChange *) g_ptr_array_index (ra->history, h))->to_status,
                   "verified_by_workers") == 0)
      return TRUE;
  return FALSE;
}

static char *
action_status (Website                 *site,
               const VigieActionRecord *action)
{
  const char *status = vigie_report_vocab_label (VIGIE_VOCAB_REMEDIATION_STATUS, action->status);

  if (vigie_remediation_is_overdue (action->status, action->due_on, site->today))
    {
      int days = vigie_remediation_days_overdue (action->status, action->due_on, site->today);
      g_autofree char *late = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "overdue by %d day",
                                                            "overdue by %d days", days), days);

      return g_strdup_printf ("%s (%s)", status, late);
    }
  return g_strdup (status);
}

static void
site_summary (GString               *out,
              Website               *site,
              const WebsiteLanguage *language,
              const WebsiteSite     *summary,
              const VigieSiteReport *report)
{
  g_autofree char *intro = NULL;
  g_autofree char *start = vigie_report_format_date (report->period_start);
  g_autofree char *end = vigie_report_format_date (report->period_end);
  const char *country = vigie_report_country (report->country_name);
  gint64 participants = 0;
  guint n_verified = 0;
  ThemeChart chart;
  const char *current = NULL;
  guint by_severity[N_SEVERITIES] = { 0, };

  section_begin (out, "summary", _("Summary"));
  if (report->period_start != NULL)
    /* Translators: %1$s factory, %2$s country, %3$s and %4$s dates */
    intro = g_strdup_printf (_("This page presents the public findings of the monitoring of "
                               "%1$s (%2$s) from %3$s to %4$s, the remediation owed for them "
                               "and where it stands."),
                             report->site->name, country, start, end);
  else
    /* Translators: %1$s factory, %2$s country */
    intro = g_strdup_printf (_("This page presents what is known of %1$s (%2$s): no public "
                               "finding has been recorded yet."),
                             report->site->name, country);
  element (out, "p class=\"lead\"", intro);

  for (guint i = 0; i < report->investigations->len; i++)
    {
      VigieReportInvestigation *inv = g_ptr_array_index (report->investigations, i);

      for (guint a = 0; a < inv->activities->len; a++)
        participants += ((VigieActivityRecord *) g_ptr_array_index (inv->activities, a))->participants_total;
    }
  for (guint i = 0; i < report->findings->len; i++)
    {
      VigieReportFinding *rf = g_ptr_array_index (report->findings, i);

      for (guint a = 0; a < rf->actions->len; a++)
        if (verified_by_workers (g_ptr_array_index (rf->actions, a)))
          n_verified++;
    }

  {
    g_autofree char *findings = vigie_report_format_int (summary->n_findings);
    g_autofree char *critical = vigie_report_format_int (summary->n_critical);
    g_autofree char *open = vigie_report_format_int (summary->n_open);
    g_autofree char *progress = progress_figure (summary->n_done, summary->n_actions);
    g_autofree char *overdue = vigie_report_format_int (summary->n_overdue);
    g_autofree char *verified = vigie_report_format_int (n_verified);
    g_autofree char *took_part = vigie_report_format_int (participants);

    g_string_append (out, "<dl class=\"figures\">\n");
    figure_item (out, _("Public findings"), findings);
    figure_item (out, _("Critical findings"), critical);
    figure_item (out, _("Findings still open"), open);
    figure_item (out, _("Remediation actions done"), progress);
    figure_item (out, _("Actions overdue"), overdue);
    figure_item (out, _("Actions verified by workers"), verified);
    figure_item (out, _("Workers who took part"), took_part);
    g_string_append (out, "</dl>\n");
  }

  /* Findings by theme (in the order of the code) and severity. */
  theme_chart_init (&chart);
  for (guint i = 0; i <= report->findings->len; i++)
    {
      VigieReportFinding *rf = i < report->findings->len ? g_ptr_array_index (report->findings, i)
                                                         : NULL;
      const char *key = rf != NULL ? website_theme_key (rf) : NULL;
      int s;

      if (current != NULL && g_strcmp0 (current, key) != 0)
        {
          WebsiteTheme *theme = g_hash_table_lookup (site->themes, current);

          theme_chart_add (&chart, theme_title (theme), by_severity);
          memset (by_severity, 0, sizeof by_severity);
        }
      if (rf == NULL)
        break;
      current = key;
      s = vigie_vocab_index (VIGIE_VOCAB_SEVERITY, rf->finding->severity);
      if (s >= 0 && s < N_SEVERITIES)
        by_severity[s]++;
    }
  theme_chart_figure (out, &chart, language, "chart-themes");
  theme_chart_clear (&chart);
  section_end (out);
}

static void
site_profile (GString               *out,
              const VigieSiteReport *report)
{
  const VigieSiteRecord *s = report->site;
  g_autofree char *products = vigie_report_vocab_list (VIGIE_VOCAB_PRODUCT, s->products);
  g_autofree char *models = vigie_report_join (report->product_models, ", ");
  g_autofree char *brands = vigie_report_join (report->brands, ", ");
  g_autofree char *buyers = vigie_report_join (report->affiliates, ", ");
  g_autofree char *all_products = NULL;
  g_autofree char *start = vigie_report_format_date (report->period_start);
  g_autofree char *end = vigie_report_format_date (report->period_end);
  g_autofree char *period = NULL;

  if (products[0] != '\0' && models[0] != '\0')
    /* Translators: product types, then product models */
    all_products = g_strdup_printf (_("%1$s (models: %2$s)"), products, models);
  else
    all_products = g_strdup (products[0] != '\0' ? products : models);
  if (report->period_start != NULL)
    /* Translators: a period of time, from one date to another */
    period = g_strdup_printf (_("%1$s to %2$s"), start, end);

  section_begin (out, "profile", _("Profile"));
  g_string_append (out, "<dl class=\"facts\">\n");
  g_string_append (out, "<div>");
  element (out, "dt", _("Address"));
  element (out, "dd class=\"multiline\"", or_dash (s->address));
  g_string_append (out, "</div>\n");
  fact (out, _("Country"), vigie_report_country (report->country_name));
  fact (out, _("Open Supply Hub ID"), s->os_id);
  fact (out, _("Location type"), vigie_report_vocab_label (VIGIE_VOCAB_LOCATION_TYPE, s->location_type));
  fact (out, _("Products"), all_products);
  fact (out, _("Parent company"), s->parent_company);
  fact (out, _("Employer"), s->employer);
  fact (out, _("Brands"), brands);
  fact (out, _("Buyers"), buyers);
  fact (out, _("Period"), period);
  if (s->closed)
    fact (out, _("Status"), C_("site", "Closed"));
  g_string_append (out, "</dl>\n");
  section_end (out);
}

static void
site_workforce (GString               *out,
                const VigieSiteReport *report)
{
  const char *headers[] = { _("As of"), _("Source"), _("Total"), _("Women"), _("Migrant"),
                            _("Agency"), _("Temporary"), _("Students"), _("Under 18"),
                            _("Union") };
  const gboolean numeric[] = { FALSE, FALSE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, FALSE };

  section_begin (out, "workforce", _("Workforce profile"));
  if (report->workforce->len == 0)
    {
      element (out, "p", _("No workforce figure is recorded for this site."));
      section_end (out);
      return;
    }
  {
    VigieWorkforceRecord *w = g_ptr_array_index (report->workforce, 0);
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
        element (out, "p", text);
      }
  }

  table_begin (out, "workforce-table", _("Workforce figures, newest first"), headers, numeric,
               G_N_ELEMENTS (headers));
  for (guint i = 0; i < report->workforce->len; i++)
    {
      VigieWorkforceRecord *w = g_ptr_array_index (report->workforce, i);
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
        const char *cells[] = { date, vigie_report_vocab_label (VIGIE_VOCAB_WORKFORCE_SOURCE, w->source),
                                total, women, migrant, agency, temporary, student, under18,
                                union_text };

        table_row (out, cells, numeric, G_N_ELEMENTS (cells));
      }
    }
  table_end (out);
  section_end (out);
}

static void
finding_article (GString                  *out,
                 Website                  *site,
                 const VigieReportFinding *rf,
                 guint                     index)
{
  const VigieFindingRecord *f = rf->finding;
  g_autofree char *observed = vigie_report_format_date (f->first_observed);
  g_autofree char *groups = affected_groups (f);
  g_autofree char *evidence = NULL;

  g_string_append_printf (out, "<article class=\"finding\" id=\"finding-%u\" "
                               "aria-labelledby=\"finding-%u-title\">\n"
                               "<h4 id=\"finding-%u-title\">", index, index, index);
  esc (out, f->title);
  g_string_append (out, "</h4>\n<p class=\"tags\">");
  g_string_append_printf (out, "<span class=\"badge sev-%s\">",
                          vigie_vocab_is_valid (VIGIE_VOCAB_SEVERITY, f->severity)
                          ? f->severity : "observation");
  esc (out, vigie_report_vocab_label (VIGIE_VOCAB_SEVERITY, f->severity));
  g_string_append (out, "</span> <span class=\"tag\">");
  esc (out, vigie_report_vocab_label (VIGIE_VOCAB_FINDING_STATUS, f->status));
  g_string_append (out, "</span> <span class=\"tag\">");
  esc (out, vigie_report_vocab_label (VIGIE_VOCAB_FINDING_KIND, f->kind));
  g_string_append (out, "</span> <span class=\"meta\">");
  {
    g_autofree char *obs = g_strdup_printf (_("first observed %s"), observed);

    esc (out, obs);
  }
  if (f->workers_affected >= 0)
    {
      g_autofree char *num = vigie_report_format_int (f->workers_affected);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s worker affected",
                                                            "%s workers affected",
                                                            (gulong) f->workers_affected), num);

      g_string_append (out, " · ");
      esc (out, text);
    }
  g_string_append (out, "</span></p>\n");
  if (f->description != NULL && f->description[0] != '\0')
    element (out, "p class=\"multiline\"", f->description);

  g_string_append (out, "<dl class=\"facts\">\n");
  fact (out, _("Workers affected"), groups);
  if (rf->standards->len > 0)
    {
      g_string_append (out, "<div><dt>");
      esc (out, _("Standards"));
      g_string_append (out, "</dt><dd><ul class=\"plain\">");
      for (guint i = 0; i < rf->standards->len; i++)
        {
          VigieReportStandard *s = g_ptr_array_index (rf->standards, i);
          g_autofree char *upper = g_ascii_strup (s->code, -1);
          g_autofree char *text = NULL;

          if (g_str_equal (s->code, "vigie"))
            text = g_strdup (vigie_report_gettext (s->title));
          else
            text = g_strdup_printf ("%s %s — %s", upper, s->key, vigie_report_gettext (s->title));
          element (out, "li", text);
        }
      g_string_append (out, "</ul></dd></div>\n");
    }
  if (rf->indicators->len > 0)
    {
      g_string_append (out, "<div><dt>");
      esc (out, _("Forced-labour indicators"));
      g_string_append (out, "</dt><dd><ul class=\"plain indicators\">");
      for (guint i = 0; i < rf->indicators->len; i++)
        element (out, "li", vigie_report_gettext (g_ptr_array_index (rf->indicators, i)));
      g_string_append (out, "</ul></dd></div>\n");
    }

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
    evidence = g_strdup_printf (_("%1$s, %2$s, %3$s"), items, sources, testimony);
  }
  g_string_append (out, "<div><dt>");
  esc (out, _("Evidence"));
  g_string_append (out, "</dt><dd>");
  esc (out, evidence);
  if (rf->evidence->len > 0)
    {
      g_string_append (out, "<ul class=\"plain evidence\">");
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
          element (out, "li", line->str);
        }
      g_string_append (out, "</ul>");
    }
  g_string_append (out, "</dd></div>\n");
  fact (out, _("Company response"), f->company_response[0] != '\0' ? f->company_response
                                                                   : _("No response recorded."));

  g_string_append (out, "<div><dt>");
  esc (out, _("Remediation"));
  g_string_append (out, "</dt><dd>");
  if (rf->actions->len == 0)
    esc (out, _("No remediation action recorded."));
  else
    {
      g_string_append (out, "<ul class=\"plain actions\">");
      for (guint a = 0; a < rf->actions->len; a++)
        {
          VigieReportAction *ra = g_ptr_array_index (rf->actions, a);
          g_autofree char *status = action_status (site, ra->action);
          gboolean overdue = vigie_remediation_is_overdue (ra->action->status, ra->action->due_on,
                                                           site->today);

          g_string_append (out, "<li>");
          esc (out, ra->action->description);
          g_string_append_printf (out, " — <span class=\"%s\">",
                                  overdue ? "overdue" : website_action_done (ra->action) ? "done"
                                                                                        : "pending");
          esc (out, status);
          g_string_append (out, "</span>");
          if (ra->history->len > 0)
            {
              g_string_append (out, "<ol class=\"history\">");
              for (guint h = 0; h < ra->history->len; h++)
                {
                  VigieStatusChange *c = g_ptr_array_index (ra->history, h);
                  g_autofree char *on = vigie_report_format_date_short (c->changed_on);
                  /* Translators: a step of an action's status history: date, status */
                  g_autofree char *step = g_strdup_printf (_("%1$s: %2$s"), on,
                                                           vigie_report_vocab_label (VIGIE_VOCAB_REMEDIATION_STATUS,
                                                                          c->to_status));

                  element (out, "li", step);
                }
              g_string_append (out, "</ol>");
            }
          g_string_append (out, "</li>");
        }
      g_string_append (out, "</ul>");
    }
  g_string_append (out, "</dd></div>\n</dl>\n</article>\n");
}

static void
site_findings (GString               *out,
               Website               *site,
               const VigieSiteReport *report)
{
  const char *current = NULL;

  section_begin (out, "findings", _("Findings"));
  if (report->findings->len == 0)
    {
      element (out, "p", _("No finding is reported for this site at this disclosure level."));
      section_end (out);
      return;
    }
  element (out, "p", _("Findings are grouped by theme of the organisation's code, the most "
                       "severe first. The standards breached are given with their code "
                       "(RBA: Responsible Business Alliance Code of Conduct)."));
  for (guint i = 0; i < report->findings->len; i++)
    {
      VigieReportFinding *rf = g_ptr_array_index (report->findings, i);
      const char *key = website_theme_key (rf);

      if (current == NULL || g_strcmp0 (current, key) != 0)
        {
          WebsiteTheme *theme = g_hash_table_lookup (site->themes, key);

          element (out, "h3", theme_title (theme));
          current = key;
        }
      finding_article (out, site, rf, i + 1);
    }
  section_end (out);
}

/* A timeline figure draws at most this many actions: past it a figure is too tall to
 * read (and its SVG too heavy); the table under it lists every action. */
#define MAX_TIMELINE_ACTIONS 40

/* Whether ACTION's bar overlaps [FROM, TO] (Julian days); its rank when shown: overdue
 * first, then still owed, then done. */
static gboolean
action_in_window (const VigieActionRecord *action,
                  guint32                  from,
                  guint32                  to,
                  guint32                  today,
                  int                     *rank)
{
  guint32 opened = vigie_julian_from_iso (action->opened_on);
  guint32 due = vigie_julian_from_iso (action->due_on);
  guint32 end = MAX (MAX (due, vigie_julian_from_iso (action->completed_on)), opened);
  gboolean pending = vigie_remediation_status_is_pending (action->status);

  if (pending)
    end = MAX (end, today);
  if (opened == 0 || opened > to || end < from)
    return FALSE;
  if (rank != NULL)
    *rank = pending && due != 0 && due < today ? 0 : pending ? 1 : 2;
  return TRUE;
}

typedef struct
{
  gint64  id;
  int     rank;
  guint32 opened;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a;
  const Candidate *cb = b;

  if (ca->rank != cb->rank)
    return ca->rank - cb->rank;
  if (ca->opened != cb->opened)
    return ca->opened > cb->opened ? -1 : 1;    /* the most recent first */
  return (ca->id > cb->id) - (ca->id < cb->id);
}

/* The ids of the actions of [FROM, TO] to draw (all, or the MAX_TIMELINE_ACTIONS that
 * matter most), and how many overlap the window in all. */
static GHashTable *
choose_actions (const VigieSiteReport *report,
                guint32                from,
                guint32                to,
                guint32                today,
                guint                 *n_in_window)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  GHashTable *chosen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < report->findings->len; i++)
    {
      VigieReportFinding *f = g_ptr_array_index (report->findings, i);

      for (guint a = 0; a < f->actions->len; a++)
        {
          VigieActionRecord *act = ((VigieReportAction *) g_ptr_array_index (f->actions, a))->action;
          Candidate c = { act->id, 0, vigie_julian_from_iso (act->opened_on) };

          if (action_in_window (act, from, to, today, &c.rank))
            g_array_append_val (candidates, c);
        }
    }
  g_array_sort (candidates, compare_candidates);
  *n_in_window = candidates->len;
  for (guint i = 0; i < candidates->len && i < MAX_TIMELINE_ACTIONS; i++)
    g_hash_table_add (chosen, g_memdup2 (&g_array_index (candidates, Candidate, i).id,
                                         sizeof (gint64)));
  return chosen;
}

/* The spans of the CHOSEN actions, grouped by finding. */
static void
fill_spans (VigieActionSpans      *spans,
            const VigieSiteReport *report,
            GHashTable            *chosen)
{
  for (guint i = 0; i < report->findings->len; i++)
    {
      VigieReportFinding *f = g_ptr_array_index (report->findings, i);
      gboolean group_added = FALSE;

      for (guint a = 0; a < f->actions->len; a++)
        {
          VigieReportAction *ra = g_ptr_array_index (f->actions, a);
          VigieActionSpan span = { 0, };

          if (!g_hash_table_contains (chosen, &ra->action->id))
            continue;
          span.id = ra->action->id;
          span.opened = vigie_julian_from_iso (ra->action->opened_on);
          span.plan_due = vigie_julian_from_iso (ra->action->plan_due_on);
          span.due = vigie_julian_from_iso (ra->action->due_on);
          span.completed = vigie_julian_from_iso (ra->action->completed_on);
          span.pending = vigie_remediation_status_is_pending (ra->action->status);
          if (!group_added)
            {
              g_ptr_array_add (spans->group_labels, g_strdup (f->finding->title));
              group_added = TRUE;
            }
          span.label = g_string_chunk_insert (spans->strings, ra->action->description);
          span.group = spans->group_labels->len - 1;
          span.first_milestone = spans->milestones->len;
          span.status = (guint8) MAX (vigie_vocab_index (VIGIE_VOCAB_REMEDIATION_STATUS,
                                                         ra->action->status), 0);
          for (guint h = 0; h < ra->history->len; h++)
            {
              VigieStatusChange *c = g_ptr_array_index (ra->history, h);
              VigieActionMilestone m = {
                vigie_julian_from_iso (c->changed_on),
                (guint8) MAX (vigie_vocab_index (VIGIE_VOCAB_REMEDIATION_STATUS, c->to_status), 0)
              };

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
site_timeline (GString               *out,
               Website               *site,
               const WebsiteLanguage *language,
               const VigieSiteReport *report)
{
  guint32 first = G_MAXUINT32, last = 0;
  guint32 today = vigie_julian_from_iso (site->today);
  guint n_windows;

  for (guint i = 0; i < report->findings->len; i++)
    {
      VigieReportFinding *f = g_ptr_array_index (report->findings, i);

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
  if (last == 0 || today == 0)
    return;
  last = MAX (last, today);

  element (out, "h3", _("Timeline"));
  element (out, "p class=\"note\"",
           _("One bar per action from its opening to its due date, grouped by finding, one "
             "year at a time; the filled part is done, overdue parts are hatched in red, marks "
             "are status changes and the orange line is the date of the report."));

  /* A year per figure, the most recent last (at most three years). */
  n_windows = MIN (3u, (last - first + 20) / 366 + 1);
  for (guint w = 0; w < n_windows; w++)
    {
      VigieActionSpans spans = { 0, };
      TimelineFigure fig;
      double start = (double) last + 10 - 366.0 * (n_windows - w);
      GHashTable *chosen;
      guint n_in_window = 0;

      spans.spans = g_array_new (FALSE, TRUE, sizeof (VigieActionSpan));
      spans.milestones = g_array_new (FALSE, TRUE, sizeof (VigieActionMilestone));
      spans.group_labels = g_ptr_array_new_with_free_func (g_free);
      spans.strings = g_string_chunk_new (1024);
      chosen = choose_actions (report, (guint32) MAX (start, 1), (guint32) (start + 366), today,
                               &n_in_window);
      fill_spans (&spans, report, chosen);
      g_hash_table_unref (chosen);

      if (spans.spans->len > 0)
        {
          g_autofree char *from_iso = vigie_julian_to_iso ((guint32) MAX (start, 1));
          g_autofree char *to_iso = vigie_julian_to_iso ((guint32) (start + 365));
          g_autofree char *from = vigie_report_format_date (from_iso);
          g_autofree char *to = vigie_report_format_date (to_iso);
          /* Translators: the title of a remediation timeline figure; %1$s and %2$s dates */
          g_autofree char *title = g_strdup_printf (_("Remediation timeline from %1$s to %2$s"),
                                                    from, to);
          g_autofree char *id = g_strdup_printf ("chart-timeline-%u", w + 1);
          g_autofree char *description = NULL;
          g_autofree char *svg = NULL;
          guint n_overdue = 0;

          for (guint s = 0; s < spans.spans->len; s++)
            {
              const VigieActionSpan *span = &g_array_index (spans.spans, VigieActionSpan, s);

              if (span->pending && span->due != 0 && span->due < today)
                n_overdue++;
            }
          /* Translators: the description of a timeline figure: %1$u actions, %2$u overdue */
          description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                      "%1$u action in this period, %2$u of them overdue; the table below lists every action.",
                                                      "%1$u actions in this period, %2$u of them overdue; the table below lists every action.",
                                                      spans.spans->len),
                                         spans.spans->len, n_overdue);
          if (n_in_window > spans.spans->len)
            {
              /* Translators: under a timeline that cannot draw every action */
              g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                    "%1$u of the %2$u action of this period are drawn: the overdue ones first, then those still owed, then the most recent.",
                                                                    "%1$u of the %2$u actions of this period are drawn: the overdue ones first, then those still owed, then the most recent.",
                                                                    n_in_window),
                                                       spans.spans->len, n_in_window);
              char *both = g_strconcat (description, " ", more, NULL);

              g_free (description);
              description = both;
              element (out, "p class=\"note\"", more);
            }

          vigie_timeline_data_init (&fig.data, &spans, today);
          vigie_timeline_style_init (&fig.style);
          fig.style.font = CHART_FONT " 9.5";
          fig.style.dpi = 96;
          fig.style.label_width = 300;
          fig.style.axis_height = 36;
          fig.style.row_height = 26;
          fig.style.today_label = _("Today");
          fig.style.overdue_label = _("Overdue");
          memset (&fig.view, 0, sizeof fig.view);
          fig.view.zoom = VIGIE_TIMELINE_ZOOM_YEAR;
          fig.view.start_day = start;
          svg = website_svg_render (1000, fig.style.axis_height
                                          + fig.data.n_rows * fig.style.row_height + 2,
                                    draw_timeline, &fig, id, title, description,
                                    language->code);
          vigie_timeline_data_clear (&fig.data);
          g_string_append (out, "<figure class=\"figure timeline\">\n");
          g_string_append (out, svg);
          g_string_append (out, "\n<figcaption>");
          esc (out, title);
          g_string_append (out, "</figcaption>\n</figure>\n");
        }
      g_array_unref (spans.spans);
      g_array_unref (spans.milestones);
      g_ptr_array_unref (spans.group_labels);
      g_string_chunk_free (spans.strings);
    }
}

static void
site_remediation (GString               *out,
                  Website               *site,
                  const WebsiteLanguage *language,
                  const WebsiteSite     *summary,
                  const VigieSiteReport *report)
{
  const char *headers[] = { _("Action"), _("Finding"), _("Status"), _("Opened"), _("Due"),
                            _("Completed") };
  guint n_statuses;
  const VigieVocabEntry *statuses = vigie_vocab_entries (VIGIE_VOCAB_REMEDIATION_STATUS,
                                                         &n_statuses);
  g_autofree double *counts = g_new0 (double, n_statuses);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  section_begin (out, "remediation", _("Remediation"));
  if (summary->n_actions == 0)
    {
      element (out, "p", _("No remediation action is recorded."));
      section_end (out);
      return;
    }
  {
    g_autofree char *a = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%u remediation action is owed for the public findings of this site.",
                                                       "%u remediation actions are owed for the public findings of this site.",
                                                       summary->n_actions), summary->n_actions);
    g_autofree char *b = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%u is done (reported complete, verified or closed).",
                                                       "%u are done (reported complete, verified or closed).",
                                                       summary->n_done), summary->n_done);
    g_autofree char *c = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%u is overdue.",
                                                       "%u are overdue.",
                                                       summary->n_overdue), summary->n_overdue);
    g_autofree char *text = g_strjoin (" ", a, b, c, NULL);

    element (out, "p", text);
  }

  /* Actions by status. */
  for (guint i = 0; i < report->findings->len; i++)
    {
      VigieReportFinding *rf = g_ptr_array_index (report->findings, i);

      for (guint a = 0; a < rf->actions->len; a++)
        {
          int s = vigie_vocab_index (VIGIE_VOCAB_REMEDIATION_STATUS,
                                     ((VigieReportAction *) g_ptr_array_index (rf->actions, a))->action->status);

          if (s >= 0)
            counts[s]++;
        }
    }
  {
    g_autoptr(GString) description = g_string_new (NULL);
    g_autofree char *svg = NULL;
    g_autofree char *total = vigie_report_format_int (summary->n_actions);
    const char *title = _("Remediation actions by status");
    VigieDonutChartData donut = { 0, };

    for (guint s = 0; s < n_statuses; s++)
      if (counts[s] > 0)
        {
          const char *label = vigie_report_vocab_label (VIGIE_VOCAB_REMEDIATION_STATUS, statuses[s].code);
          g_autofree char *n = vigie_report_format_int ((gint64) counts[s]);
          g_autofree char *item = g_strdup_printf (_("%1$s: %2$s"), label, n);

          g_ptr_array_add (labels, (gpointer) label);
          g_array_append_val (values, counts[s]);
          if (description->len > 0)
            g_string_append (description, "; ");
          g_string_append (description, item);
        }
    {
      /* Translators: the end of a chart description: the total number of actions */
      g_autofree char *end = g_strdup_printf (_("; total %s."), total);

      g_string_append (description, end);
    }
    donut.n_slices = labels->len;
    donut.labels = (const char * const *) labels->pdata;
    donut.values = (const double *) (gpointer) values->data;
    donut.total_label = _("actions");
    svg = website_svg_render (560, 220, draw_donut, &donut, "chart-status", title,
                              description->str, language->code);
    g_string_append (out, "<figure class=\"figure donut\">\n");
    g_string_append (out, svg);
    g_string_append (out, "\n<figcaption>");
    esc (out, title);
    g_string_append (out, "</figcaption>\n</figure>\n");
  }

  site_timeline (out, site, language, report);

  table_begin (out, "actions-table", _("Remediation actions and their status"), headers, NULL,
               G_N_ELEMENTS (headers));
  for (guint i = 0; i < report->findings->len; i++)
    {
      VigieReportFinding *rf = g_ptr_array_index (report->findings, i);

      for (guint a = 0; a < rf->actions->len; a++)
        {
          VigieActionRecord *act = ((VigieReportAction *) g_ptr_array_index (rf->actions, a))->action;
          g_autofree char *opened = vigie_report_format_date_short (act->opened_on);
          g_autofree char *due = vigie_report_format_date_short (act->due_on);
          g_autofree char *done = vigie_report_format_date_short (act->completed_on);
          g_autofree char *status = action_status (site, act);
          gboolean overdue = vigie_remediation_is_overdue (act->status, act->due_on, site->today);

          g_string_append (out, "<tr>");
          element (out, "th scope=\"row\"", act->description);
          g_string_append_printf (out, "<td><a href=\"#finding-%u\">", i + 1);
          esc (out, rf->finding->title);
          g_string_append (out, "</a></td>");
          element (out, overdue ? "td class=\"overdue\"" : website_action_done (act)
                                                            ? "td class=\"done\"" : "td", status);
          element (out, "td class=\"date\"", or_dash (opened));
          element (out, "td class=\"date\"", or_dash (due));
          element (out, "td class=\"date\"", or_dash (done));
          g_string_append (out, "</tr>\n");
        }
    }
  table_end (out);
  section_end (out);
}

static void
site_monitoring (GString               *out,
                 const VigieSiteReport *report)
{
  gint64 total = 0, women = 0, migrant = 0;
  guint n_activities = 0;

  section_begin (out, "monitoring", _("Methodology"));
  element (out, "p", _("Findings come from worker-driven investigations by independent "
                       "monitoring partners: workers are heard first, away from the "
                       "workplace (interviews, focus groups, surveys, hotlines), before "
                       "documents and payroll are reviewed and the site is visited. Each "
                       "finding is tied to the standards it breaches and, where relevant, to "
                       "the ILO indicators of forced labour. Testimony is recorded under "
                       "pseudonyms only."));
  if (report->investigations->len == 0)
    {
      element (out, "p", _("No investigation is recorded for this period."));
      section_end (out);
      return;
    }
  {
    const char *headers[] = { _("Investigation"), _("Monitoring partner"), _("Trigger"),
                              _("Started"), _("Status") };

    table_begin (out, "investigations-table", _("Investigations"), headers, NULL,
                 G_N_ELEMENTS (headers));
    for (guint i = 0; i < report->investigations->len; i++)
      {
        VigieInvestigationRecord *inv = ((VigieReportInvestigation *) g_ptr_array_index (report->investigations, i))->investigation;
        g_autofree char *started = vigie_report_format_date_short (inv->start_date);
        const char *cells[] = { inv->title, or_dash (inv->partner_name),
                                vigie_report_vocab_label (VIGIE_VOCAB_INVESTIGATION_TRIGGER, inv->trigger),
                                started,
                                vigie_report_vocab_label (VIGIE_VOCAB_INVESTIGATION_STATUS, inv->status) };

        table_row (out, cells, NULL, G_N_ELEMENTS (cells));
      }
    table_end (out);
  }
  {
    const char *headers[] = { _("Method"), _("Dates"), _("Participants"), _("Women"),
                              _("Migrant workers") };
    const gboolean numeric[] = { FALSE, FALSE, TRUE, TRUE, TRUE };

    table_begin (out, "activities-table", _("Activities and participants"), headers, numeric,
                 G_N_ELEMENTS (headers));
    for (guint i = 0; i < report->investigations->len; i++)
      {
        VigieReportInvestigation *inv = g_ptr_array_index (report->investigations, i);

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
            const char *cells[] = { vigie_report_vocab_label (VIGIE_VOCAB_ACTIVITY_METHOD, act->method),
                                    dates, p, w, m };

            table_row (out, cells, numeric, G_N_ELEMENTS (cells));
            total += act->participants_total;
            women += act->participants_women;
            migrant += act->participants_migrant;
            n_activities++;
          }
      }
    g_string_append (out, "</tbody>\n");
    if (n_activities > 0)
      {
        g_autofree char *p = vigie_report_format_int (total);
        g_autofree char *w = vigie_report_format_int (women);
        g_autofree char *m = vigie_report_format_int (migrant);

        g_string_append (out, "<tfoot><tr>");
        element (out, "th scope=\"row\"", _("Total"));
        g_string_append (out, "<td></td>");
        element (out, "td class=\"num\"", p);
        element (out, "td class=\"num\"", w);
        element (out, "td class=\"num\"", m);
        g_string_append (out, "</tr></tfoot>\n");
      }
    g_string_append (out, "</table>\n</div>\n");
  }
  section_end (out);
}

static void
site_chemicals (GString               *out,
                const VigieSiteReport *report)
{
  VigieHazardSummary *h = report->hazards;
  g_autofree char *products = NULL, *cmr = NULL, *exposed = NULL, *sds = NULL, *ppe = NULL;
  g_autofree char *above = NULL, *women = NULL, *workers = NULL;

  if (h == NULL)
    return;
  section_begin (out, "chemicals", _("Chemical hazards"));
  element (out, "p", _("From the site's chemical inventory: the products that are "
                       "carcinogenic, mutagenic or toxic to reproduction (CMR), how many "
                       "workers handle them, and the gaps in safety data sheets and "
                       "protective equipment."));
  products = vigie_report_format_int (h->n_products);
  cmr = vigie_report_format_int (h->n_cmr_products);
  women = vigie_report_format_int (h->women_exposed_cmr);
  workers = vigie_report_format_int (h->workers_exposed_cmr);
  /* Translators: workers exposed, of whom women */
  exposed = g_strdup_printf (_("%1$s (women: %2$s)"), workers, women);
  sds = vigie_report_format_int (h->n_cmr_sds_gap);
  ppe = vigie_report_format_int (h->n_cmr_ppe_gap);
  above = vigie_report_format_int (h->n_measurements_above_limit);
  g_string_append (out, "<dl class=\"facts\">\n");
  fact (out, _("Products in the inventory"), products);
  fact (out, _("CMR products"), cmr);
  fact (out, _("Workers exposed to CMR products"), exposed);
  fact (out, _("CMR products without a usable safety data sheet"), sds);
  fact (out, _("CMR products without adequate protective equipment"), ppe);
  fact (out, _("Exposure measurements above the limit"), above);
  g_string_append (out, "</dl>\n");

  if (h->items->len > 0)
    {
      const char *headers[] = { _("Product"), _("Process"), _("CMR statements"),
                                _("Workers exposed"), _("Gaps") };
      const gboolean numeric[] = { FALSE, FALSE, FALSE, TRUE, FALSE };

      table_begin (out, "chemicals-table", _("CMR products"), headers, numeric,
                   G_N_ELEMENTS (headers));
      for (guint i = 0; i < h->items->len; i++)
        {
          VigieHazardSummaryItem *it = g_ptr_array_index (h->items, i);
          g_autofree char *exposed_n = format_count (it->workers_exposed);
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
            const char *cells[] = { it->trade_name,
                                    vigie_report_vocab_label (VIGIE_VOCAB_CHEMICAL_PROCESS, it->process),
                                    it->cmr_codes, exposed_n, or_dash (gap_text) };

            table_row (out, cells, numeric, G_N_ELEMENTS (cells));
          }
        }
      table_end (out);
    }
  section_end (out);
}

static void
site_grievances (GString               *out,
                 const VigieSiteReport *report)
{
  const char *headers[] = { _("Received"), _("Channel"), _("Complainants"), _("Topic"),
                            _("Status"), _("Retaliation reported") };
  const gboolean numeric[] = { FALSE, FALSE, TRUE, FALSE, FALSE, FALSE };

  if (report->grievances->len == 0)
    return;
  section_begin (out, "grievances", _("Grievances"));
  table_begin (out, "grievances-table", _("Grievances received, newest first"), headers,
               numeric, G_N_ELEMENTS (headers));
  for (guint i = 0; i < report->grievances->len; i++)
    {
      VigieGrievanceRecord *g = g_ptr_array_index (report->grievances, i);
      g_autofree char *received = vigie_report_format_date_short (g->received_on);
      g_autofree char *n = vigie_report_format_int (g->complainants);
      const char *cells[] = { received, vigie_report_vocab_label (VIGIE_VOCAB_GRIEVANCE_CHANNEL, g->channel),
                              n, g->topic, vigie_report_vocab_label (VIGIE_VOCAB_GRIEVANCE_STATUS, g->status),
                              g->retaliation_reported ? _("Yes") : _("No") };

      table_row (out, cells, numeric, G_N_ELEMENTS (cells));
    }
  table_end (out);
  section_end (out);
}

char *
website_site_page (Website               *site,
                   const WebsiteLanguage *language,
                   const WebsiteSite     *summary,
                   const VigieSiteReport *report)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *page = g_strconcat ("sites/", summary->slug, ".html", NULL);
  const VigieSiteRecord *s = report->site;
  struct { const char *id; const char *title; gboolean shown; } toc[] = {
    { "summary", _("Summary"), TRUE },
    { "profile", _("Profile"), TRUE },
    { "findings", _("Findings"), TRUE },
    { "remediation", _("Remediation"), TRUE },
    { "workforce", _("Workforce profile"), TRUE },
    { "monitoring", _("Methodology"), TRUE },
    { "chemicals", _("Chemical hazards"), report->hazards != NULL },
    { "grievances", _("Grievances"), report->grievances->len > 0 },
  };

  page_begin (out, site, language, s->name, 2, page);
  g_string_append (out, "<nav class=\"breadcrumb\" aria-label=\"");
  esc (out, _("Breadcrumb"));
  g_string_append (out, "\"><ol><li><a href=\"../index.html\">");
  esc (out, _("Production sites"));
  g_string_append (out, "</a></li><li><a href=\"#main\" aria-current=\"page\">");
  esc (out, s->name);
  g_string_append (out, "</a></li></ol></nav>\n<div class=\"page-head\">\n<p class=\"eyebrow\">");
  esc (out, _("Public monitoring status report"));
  g_string_append (out, "</p>\n");
  element (out, "h1", s->name);
  if (s->native_name != NULL && s->native_name[0] != '\0')
    element (out, "p class=\"native lead\"", s->native_name);
  g_string_append (out, "<p class=\"meta\">");
  esc (out, vigie_report_country (report->country_name));
  if (s->location_type != NULL && s->location_type[0] != '\0')
    {
      g_string_append (out, " · ");
      esc (out, vigie_report_vocab_label (VIGIE_VOCAB_LOCATION_TYPE, s->location_type));
    }
  if (s->closed)
    {
      g_string_append (out, " · <span class=\"tag\">");
      esc (out, C_("site", "Closed"));
      g_string_append (out, "</span>");
    }
  g_string_append (out, "</p>\n</div>\n<p class=\"notice\">");
  esc (out, public_notice ());
  g_string_append (out, "</p>\n<div class=\"layout\">\n<nav class=\"toc\" aria-labelledby=\"toc-heading\">\n"
                        "<h2 id=\"toc-heading\">");
  esc (out, _("On this page"));
  g_string_append (out, "</h2>\n<ol>\n");
  for (guint i = 0; i < G_N_ELEMENTS (toc); i++)
    if (toc[i].shown)
      {
        g_string_append_printf (out, "<li><a href=\"#%s\">", toc[i].id);
        esc (out, toc[i].title);
        g_string_append (out, "</a></li>\n");
      }
  g_string_append (out, "</ol>\n</nav>\n<div class=\"content\">\n");

  site_summary (out, site, language, summary, report);
  site_profile (out, report);
  site_findings (out, site, report);
  site_remediation (out, site, language, summary, report);
  site_workforce (out, report);
  site_monitoring (out, report);
  site_chemicals (out, report);
  site_grievances (out, report);

  g_string_append (out, "</div>\n</div>\n");
  page_end (out, site, language, 2, FALSE);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ─── The open data page ─────────────────────────────────────────────────── */

char *
website_data_page (Website               *site,
                   const WebsiteLanguage *language)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *title = _("Open data");
  guint n_files;
  const WebsiteDataFile *files = website_data_files (&n_files);

  page_begin (out, site, language, title, 1, "data.html");
  g_string_append (out, "<div class=\"page-head\">\n");
  element (out, "h1", title);
  element (out, "p class=\"lead\"",
           _("The data behind these pages, free to reuse: every production site, every "
             "public finding and every remediation action, as CSV and JSON files."));
  g_string_append (out, "</div>\n");
  element (out, "p", public_notice ());
  element (out, "p", _("Every file is UTF-8. CSV files follow RFC 4180 with a header line; a "
                       "text cell that begins with =, +, -, @, a tab or a carriage return starts "
                       "with an apostrophe (') so that spreadsheets do not run it as a "
                       "formula. Dates are written YYYY-MM-DD. Codes (themes, severities, "
                       "statuses) are stable English identifiers, the same in every "
                       "language."));
  g_string_append (out, "<p><a href=\"../data/README.md\">");
  esc (out, _("The same description in English (README.md)"));
  g_string_append (out, "</a></p>\n");

  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *id = g_strdelimit (g_strdup (files[i].file), ".", '-');

      g_string_append_printf (out, "<section id=\"%s\" class=\"block\" aria-labelledby=\"%s-heading\">\n"
                                   "<h2 id=\"%s-heading\"><a href=\"../data/%s\" download>",
                              id, id, id, files[i].file);
      esc (out, files[i].file);
      g_string_append (out, "</a></h2>\n");
      element (out, "p", vigie_report_gettext (files[i].description));
      if (files[i].columns != NULL)
        {
          const char *headers[] = { _("Column"), _("Description") };
          g_autofree char *table_id = g_strconcat (id, "-columns", NULL);
          /* Translators: caption of the table of the columns of a data file; %s its name */
          g_autofree char *caption = g_strdup_printf (_("The columns of %s"), files[i].file);

          table_begin (out, table_id, caption, headers, NULL, G_N_ELEMENTS (headers));
          for (const WebsiteColumn *c = files[i].columns; c->name != NULL; c++)
            {
              g_string_append (out, "<tr><th scope=\"row\"><code>");
              esc (out, c->name);
              g_string_append (out, "</code></th>");
              element (out, "td", vigie_report_gettext (c->description));
              g_string_append (out, "</tr>\n");
            }
          table_end (out);
        }
      g_string_append (out, "</section>\n");
    }
  page_end (out, site, language, 1, FALSE);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ─── The root: the choice of language ───────────────────────────────────── */

char *
website_root_page (Website *site)
{
  g_autoptr(GString) out = g_string_new (NULL);
  WebsiteLanguage *first = g_ptr_array_index (site->languages, 0);
  g_autofree char *lang = html_lang (first->code);

  vigie_report_locale_push (first->locale);
  g_string_append_printf (out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
                               "<meta charset=\"utf-8\">\n"
                               "<meta name=\"viewport\" content=\"width=device-width, "
                               "initial-scale=1\">\n<title>", lang);
  esc (out, website_title ());
  g_string_append (out, "</title>\n<link rel=\"icon\" href=\"data:,\">\n"
                        "<link rel=\"stylesheet\" href=\"style.css\">\n</head>\n<body>\n"
                        "<a class=\"skip-link\" href=\"#main\">");
  esc (out, _("Skip to the content"));
  g_string_append (out, "</a>\n<header class=\"site-header\">\n<div class=\"wrap header-inner\">\n"
                        "<span class=\"brand\"><span class=\"brand-mark\" aria-hidden=\"true\"></span>"
                        "<span class=\"brand-text\"><span class=\"brand-title\">");
  esc (out, website_title ());
  g_string_append (out, "</span><span class=\"brand-subtitle\">");
  esc (out, website_subtitle ());
  g_string_append (out, "</span></span></span>\n</div>\n</header>\n"
                        "<main id=\"main\" tabindex=\"-1\">\n<div class=\"wrap\">\n"
                        "<div class=\"page-head\">\n");
  element (out, "h1", website_title ());
  g_string_append (out, "</div>\n<nav aria-labelledby=\"languages-heading\">\n<h2 id=\"languages-heading\">");
  esc (out, _("Choose a language"));
  g_string_append (out, "</h2>\n<ul class=\"language-choice\">\n");
  vigie_report_locale_pop ();

  for (guint i = 0; i < site->languages->len; i++)
    {
      WebsiteLanguage *language = g_ptr_array_index (site->languages, i);
      g_autofree char *code = html_lang (language->code);

      vigie_report_locale_push (language->locale);
      g_string_append_printf (out, "<li lang=\"%s\"><a href=\"%s/index.html\" hreflang=\"%s\">"
                                   "<span class=\"language-name\">",
                              code, language->code, code);
      esc (out, website_language_name (language->code));
      g_string_append (out, "</span><span class=\"language-title\">");
      esc (out, website_title ());
      g_string_append (out, " — ");
      esc (out, _("Production sites"));
      g_string_append (out, "</span></a></li>\n");
      vigie_report_locale_pop ();
    }
  g_string_append (out, "</ul>\n</nav>\n</div>\n</main>\n<footer class=\"site-footer\">\n"
                        "<div class=\"wrap\">\n<p>");
  vigie_report_locale_push (first->locale);
  esc (out, public_notice ());
  g_string_append_printf (out, "</p>\n<p><a href=\"%s/data.html\">", first->code);
  esc (out, _("Open data: sites, findings and remediation as CSV and JSON"));
  vigie_report_locale_pop ();
  g_string_append (out, "</a></p>\n</div>\n</footer>\n</body>\n</html>\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ─── Style and script ───────────────────────────────────────────────────── */

static const char style_css[] =
  "/* Vigie transparency website. System fonts only; no external resource. */\n"
  ":root {\n"
  "  --fg: #1c1c21; --muted: #55555f; --bg: #ffffff; --surface: #f5f6f8; --line: #d8dae0;\n"
  "  --ink: #0f2a4a; --accent: #1a5fb4; --accent-dark: #0b3b75; --visited: #5b2d86;\n"
  "  --critical: #a51d2d; --major: #8f3b00; --minor: #1a5fb4; --observation: #55555f;\n"
  "  --done: #1f6b43; --overdue: #a51d2d; --focus: #f6c343;\n"
  "}\n"
  "*, *::before, *::after { box-sizing: border-box; }\n"
  "[hidden] { display: none !important; }\n"
  "html { -webkit-text-size-adjust: 100%; }\n"
  "body { margin: 0; color: var(--fg); background: var(--bg); line-height: 1.55;\n"
  "  font: 100%/1.55 system-ui, -apple-system, \"Segoe UI\", Cantarell, \"Noto Sans\", Ubuntu,\n"
  "    Roboto, \"Helvetica Neue\", Arial, sans-serif; }\n"
  "a { color: var(--accent); text-underline-offset: 0.15em; }\n"
  "a:visited { color: var(--visited); }\n"
  "a:hover { color: var(--accent-dark); }\n"
  ":focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }\n"
  "main:focus { outline: none; }\n"
  ".wrap { max-width: 72rem; margin: 0 auto; padding: 0 1.25rem; }\n"
  ".skip-link { position: absolute; left: 1rem; top: -4rem; z-index: 10; padding: 0.6rem 1rem;\n"
  "  background: var(--ink); color: #fff; font-weight: 600; border-radius: 0 0 6px 6px; }\n"
  ".skip-link:focus { top: 0; color: #fff; outline: 3px solid var(--focus); }\n"
  ".visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden;\n"
  "  clip: rect(0 0 0 0); white-space: nowrap; }\n"
  "\n"
  "/* Header */\n"
  ".site-header { background: var(--ink); color: #fff; border-bottom: 4px solid var(--accent); }\n"
  ".header-inner { display: flex; flex-wrap: wrap; align-items: center;\n"
  "  justify-content: space-between; gap: 0.75rem 2rem; padding-top: 0.9rem; padding-bottom: 0.9rem; }\n"
  ".brand { display: flex; align-items: center; gap: 0.8rem; color: #fff; text-decoration: none; }\n"
  "a.brand:visited, a.brand:hover { color: #fff; }\n"
  ".brand-mark { width: 2.2rem; height: 2.2rem; border-radius: 50%; flex: none;\n"
  "  border: 3px solid #fff; background: radial-gradient(circle, #fff 0 22%, transparent 24%); }\n"
  ".brand-text { display: flex; flex-direction: column; }\n"
  ".brand-title { font-size: 1.25rem; font-weight: 700; letter-spacing: 0.01em; }\n"
  ".brand-subtitle { font-size: 0.9rem; color: #dce3ee; }\n"
  ".languages ul { display: flex; flex-wrap: wrap; gap: 0.4rem; margin: 0; padding: 0;\n"
  "  list-style: none; }\n"
  ".languages a { display: inline-block; padding: 0.3rem 0.75rem; border-radius: 999px;\n"
  "  color: #fff; text-decoration: none; border: 1px solid #8da2c0; font-size: 0.95rem; }\n"
  ".languages a:visited { color: #fff; }\n"
  ".languages a:hover { background: #1d3d66; color: #fff; }\n"
  ".languages a[aria-current] { background: #fff; color: var(--ink); font-weight: 600;\n"
  "  border-color: #fff; }\n"
  ".languages a:focus-visible { outline-color: var(--focus); }\n"
  "\n"
  "/* Page */\n"
  "main { padding: 1.5rem 0 3rem; }\n"
  ".page-head { margin: 0.25rem 0 1.25rem; }\n"
  "h1 { font-size: 2.1rem; line-height: 1.2; margin: 0.2rem 0 0.5rem; color: var(--ink); }\n"
  "h2 { font-size: 1.45rem; line-height: 1.25; margin: 0 0 0.9rem; color: var(--ink); }\n"
  "h3 { font-size: 1.15rem; margin: 1.6rem 0 0.6rem; color: var(--ink);\n"
  "  padding-bottom: 0.25rem; border-bottom: 1px solid var(--line); }\n"
  "h4 { font-size: 1.05rem; margin: 0 0 0.4rem; }\n"
  ".lead { font-size: 1.1rem; color: var(--muted); max-width: 46rem; margin: 0.3rem 0; }\n"
  ".eyebrow { margin: 0; text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.8rem;\n"
  "  font-weight: 700; color: var(--accent); }\n"
  ".meta, .muted, .note { color: var(--muted); }\n"
  ".page-head .meta { margin: 0.3rem 0 0; }\n"
  ".page-head .native { margin: 0; }\n"
  ".note { font-size: 0.92rem; }\n"
  ".native, .sub { display: block; color: var(--muted); font-size: 0.92rem; font-weight: normal; }\n"
  ".multiline { white-space: pre-line; }\n"
  ".notice { background: #eef4fb; border-left: 4px solid var(--accent); padding: 0.75rem 1rem;\n"
  "  margin: 0 0 1.5rem; border-radius: 0 6px 6px 0; }\n"
  ".block { margin: 0 0 2.5rem; }\n"
  ".breadcrumb ol { display: flex; flex-wrap: wrap; gap: 0.3rem; margin: 0 0 0.5rem; padding: 0;\n"
  "  list-style: none; font-size: 0.95rem; }\n"
  ".breadcrumb li + li::before { content: \"›\"; margin: 0 0.4rem 0 0.1rem; color: var(--muted); }\n"
  ".breadcrumb a[aria-current] { color: var(--fg); text-decoration: none; }\n"
  "\n"
  "/* Key figures */\n"
  ".figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(10.5rem, 1fr));\n"
  "  gap: 0.75rem; margin: 1rem 0 1.5rem; padding: 0; }\n"
  ".figure-item { background: var(--surface); border: 1px solid var(--line); border-radius: 8px;\n"
  "  padding: 0.6rem 0.9rem; }\n"
  ".figure-item dt { font-size: 0.88rem; color: var(--muted); }\n"
  ".figure-item dd { margin: 0.15rem 0 0; font-size: 1.35rem; font-weight: 700; color: var(--ink);\n"
  "  line-height: 1.25; }\n"
  "\n"
  "/* Charts */\n"
  ".figure { margin: 1rem 0 1.5rem; }\n"
  ".figure svg.chart { display: block; max-width: 100%; height: auto; background: #fff; }\n"
  ".figure figcaption { font-size: 0.9rem; color: var(--muted); margin-top: 0.4rem; }\n"
  ".timeline svg.chart { border: 1px solid var(--line); border-radius: 6px; }\n"
  "\n"
  "/* Tables */\n"
  ".table-scroll { overflow-x: auto; margin: 0.5rem 0 1.5rem; border: 1px solid var(--line);\n"
  "  border-radius: 8px; }\n"
  "table.data { width: 100%; border-collapse: collapse; font-size: 0.95rem; }\n"
  "table.data caption { text-align: left; font-weight: 600; padding: 0.7rem 0.9rem;\n"
  "  color: var(--ink); background: var(--surface); border-bottom: 1px solid var(--line); }\n"
  "table.data th, table.data td { padding: 0.55rem 0.9rem; text-align: left; vertical-align: top;\n"
  "  border-bottom: 1px solid var(--line); }\n"
  "table.data thead th { font-size: 0.85rem; text-transform: uppercase; letter-spacing: 0.04em;\n"
  "  color: var(--muted); background: #fbfbfc; white-space: nowrap; }\n"
  "table.data tbody th { font-weight: 600; }\n"
  "table.data tbody tr:last-child > * { border-bottom: none; }\n"
  "table.data tbody tr:hover { background: #f8f9fb; }\n"
  "table.data tfoot th, table.data tfoot td { font-weight: 700; border-top: 2px solid var(--line);\n"
  "  border-bottom: none; }\n"
  "table.data .num { text-align: right; font-variant-numeric: tabular-nums; }\n"
  "table.data .date { white-space: nowrap; }\n"
  ".theme-list { margin: 0.2rem 0 0; padding: 0; list-style: none; font-size: 0.88rem;\n"
  "  color: var(--muted); }\n"
  ".meter { display: block; width: 8rem; height: 0.5rem; margin: 0.35rem 0 0.3rem;\n"
  "  background: #e3e5ea; border-radius: 999px; overflow: hidden; }\n"
  ".meter span { display: block; height: 100%; background: var(--done); }\n"
  ".overdue { color: var(--overdue); font-weight: 600; }\n"
  ".done { color: var(--done); }\n"
  "\n"
  "/* Filter */\n"
  ".filters { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0.75rem 1.25rem;\n"
  "  margin: 0 0 1rem; padding: 0.9rem 1rem; background: var(--surface);\n"
  "  border: 1px solid var(--line); border-radius: 8px; }\n"
  ".field { display: flex; flex-direction: column; gap: 0.25rem; }\n"
  ".field label { font-weight: 600; font-size: 0.92rem; }\n"
  ".field select, .field button { font: inherit; padding: 0.4rem 0.6rem; min-width: 12rem;\n"
  "  border: 1px solid #8b8e99; border-radius: 6px; background: #fff; color: var(--fg); }\n"
  ".field button { min-width: 0; cursor: pointer; background: var(--ink); color: #fff;\n"
  "  border-color: var(--ink); }\n"
  ".filter-status { flex-basis: 100%; margin: 0; color: var(--muted); font-size: 0.92rem; }\n"
  "\n"
  "/* Site pages */\n"
  ".layout { display: grid; grid-template-columns: 13rem minmax(0, 1fr); gap: 2.5rem; }\n"
  ".toc { position: sticky; top: 1rem; align-self: start; font-size: 0.95rem; }\n"
  ".toc h2 { font-size: 0.85rem; text-transform: uppercase; letter-spacing: 0.06em;\n"
  "  color: var(--muted); margin-bottom: 0.5rem; }\n"
  ".toc ol { margin: 0; padding: 0; list-style: none; border-left: 2px solid var(--line); }\n"
  ".toc li a { display: block; padding: 0.25rem 0 0.25rem 0.8rem; text-decoration: none; }\n"
  ".toc li a:hover { text-decoration: underline; }\n"
  ".facts { display: grid; grid-template-columns: minmax(9rem, 14rem) 1fr; gap: 0.45rem 1.25rem;\n"
  "  margin: 0.5rem 0 1rem; }\n"
  ".facts > div { display: contents; }\n"
  ".facts dt { font-weight: 600; color: var(--muted); }\n"
  ".facts dd { margin: 0; }\n"
  ".finding { border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.2rem;\n"
  "  margin: 0 0 1rem; background: #fff; }\n"
  ".finding .facts { font-size: 0.95rem; margin-bottom: 0; }\n"
  ".tags { margin: 0 0 0.6rem; display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem; }\n"
  ".badge, .tag { display: inline-block; padding: 0.1rem 0.55rem; border-radius: 999px;\n"
  "  font-size: 0.82rem; font-weight: 600; }\n"
  ".badge { color: #fff; }\n"
  ".sev-critical { background: var(--critical); }\n"
  ".sev-major { background: var(--major); }\n"
  ".sev-minor { background: var(--minor); }\n"
  ".sev-observation { background: var(--observation); }\n"
  ".tag { background: #e8ebf0; color: #2b2d35; }\n"
  ".tags .meta { font-size: 0.9rem; }\n"
  "ul.plain { margin: 0; padding-left: 1.1rem; }\n"
  "ol.history { margin: 0.2rem 0 0.4rem; padding-left: 1.1rem; font-size: 0.88rem;\n"
  "  color: var(--muted); }\n"
  "\n"
  "/* Language choice */\n"
  ".language-choice { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));\n"
  "  gap: 1rem; margin: 1rem 0; padding: 0; list-style: none; }\n"
  ".language-choice a { display: flex; flex-direction: column; gap: 0.2rem; padding: 1.1rem 1.25rem;\n"
  "  border: 1px solid var(--line); border-radius: 8px; text-decoration: none;\n"
  "  background: var(--surface); }\n"
  ".language-choice a:hover { border-color: var(--accent); }\n"
  ".language-name { font-size: 1.3rem; font-weight: 700; }\n"
  ".language-title { color: var(--muted); }\n"
  "\n"
  "/* Footer */\n"
  ".site-footer { border-top: 1px solid var(--line); background: var(--surface);\n"
  "  padding: 1.5rem 0 2rem; font-size: 0.92rem; color: var(--muted); }\n"
  ".site-footer p { max-width: 52rem; }\n"
  "\n"
  "@media (max-width: 52rem) {\n"
  "  .layout { grid-template-columns: 1fr; gap: 0; }\n"
  "  .toc { position: static; margin-bottom: 1.5rem; }\n"
  "  .facts { grid-template-columns: 1fr; gap: 0.1rem; }\n"
  "  .facts dd { margin-bottom: 0.5rem; }\n"
  "  h1 { font-size: 1.7rem; }\n"
  "}\n"
  "@media print {\n"
  "  .site-header, .toc, .filters, .skip-link { display: none; }\n"
  "  .layout { display: block; }\n"
  "  .finding, .table-scroll { break-inside: avoid; }\n"
  "}\n";

static const char filter_js[] =
  "/* Vigie transparency website: filters the index of sites by country and theme.\n"
  " * Without JavaScript the form stays hidden and the whole table is shown. */\n"
  "(function () {\n"
  "  'use strict';\n"
  "  var form = document.getElementById('site-filters');\n"
  "  var table = document.getElementById('sites-table');\n"
  "  if (!form || !table || !table.tBodies.length) {\n"
  "    return;\n"
  "  }\n"
  "  var country = document.getElementById('filter-country');\n"
  "  var theme = document.getElementById('filter-theme');\n"
  "  var status = document.getElementById('filter-status');\n"
  "  var rows = Array.prototype.slice.call(table.tBodies[0].rows);\n"
  "  var template = status.getAttribute('data-template') || '{shown} / {total}';\n"
  "  var format = null;\n"
  "  try {\n"
  "    format = new Intl.NumberFormat(document.documentElement.lang);\n"
  "  } catch (e) {\n"
  "    format = null;\n"
  "  }\n"
  "  function number(n) {\n"
  "    return format ? format.format(n) : String(n);\n"
  "  }\n"
  "  function apply() {\n"
  "    var c = country.value;\n"
  "    var t = theme.value;\n"
  "    var shown = 0;\n"
  "    rows.forEach(function (row) {\n"
  "      var themes = ' ' + (row.getAttribute('data-themes') || '') + ' ';\n"
  "      var visible = (!c || row.getAttribute('data-country') === c) &&\n"
  "                    (!t || themes.indexOf(' ' + t + ' ') >= 0);\n"
  "      row.hidden = !visible;\n"
  "      if (visible) {\n"
  "        shown++;\n"
  "      }\n"
  "    });\n"
  "    status.textContent = template.replace('{shown}', number(shown))\n"
  "                                 .replace('{total}', number(rows.length));\n"
  "  }\n"
  "  form.hidden = false;\n"
  "  form.addEventListener('change', apply);\n"
  "  form.addEventListener('submit', function (event) {\n"
  "    event.preventDefault();\n"
  "    apply();\n"
  "  });\n"
  "  form.addEventListener('reset', function () {\n"
  "    window.setTimeout(apply, 0);\n"
  "  });\n"
  "  apply();\n"
  "}());\n";

const char *
website_style_css (void)
{
  return style_css;
}

const char *
website_filter_js (void)
{
  return filter_js;
}

/* test-annual-report.c — the annual report figures read back: the PDF with poppler-glib
 * (pages, the text of every section against the figures engine's numbers, the outline,
 * the metadata, qpdf --check, embedded fonts, byte-identical twice, mode 0600), the XLSX
 * with openpyxl (check-annual-xlsx.py: every number equal to the engine's, typed cells,
 * frozen bold header, autofilter, widths, one native chart per figure, properties), a
 * country and a buyer scope, French headings under an English UI, an empty dataset,
 * progress and cancellation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "report-test-util.h"
#include "vigie-annual-private.h"
#include "vigie-annual-report.h"
#include "vigie-demo.h"
#include "vigie-figures.h"
#include "vigie-remediation.h"
#include "vigie-report-locale.h"
#include "vigie-store-private.h"

#define AUTHOR "Ana Analyst"
#define YEAR   2025

/* The seeded demo dataset every test reads (generated once). */
static char *demo_dir;
static VigieStore *demo;

typedef VigieReportFixture Fixture;

static void
set_up (Fixture       *fx,
        gconstpointer  data)
{
  vigie_report_test_fixture_set_up (fx, "vigie-annual-XXXXXX", NULL);
}

static VigieFigures *
compute (const char *country,
         gint64      buyer)
{
  g_autoptr(GError) error = NULL;
  VigieFiguresOptions options = { .year = YEAR, .country = country, .buyer_id = buyer,
                                  .today = "2026-06-15" };
  VigieFigures *f = vigie_figures_compute (demo, &options, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (f);
  return f;
}

static char *
write_pdf (Fixture    *fx,
           const char *name,
           const char *language,
           const char *country,
           gint64      buyer,
           int        *n_pages)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fx->dir, name, NULL);
  VigieAnnualOptions options;

  vigie_annual_options_init (&options);
  options.year = YEAR;
  options.country = country;
  options.buyer_id = buyer;
  options.language = language;
  options.author = AUTHOR;
  g_assert_true (vigie_pdf_write_annual_report (demo, &options, path, n_pages, NULL, NULL, NULL,
                                                &error));
  g_assert_no_error (error);
  vigie_report_test_assert_private (path);
  return path;
}

static char *
write_xlsx (Fixture    *fx,
            VigieStore *store,
            const char *name,
            const char *language)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fx->dir, name, NULL);
  VigieAnnualOptions options;

  vigie_annual_options_init (&options);
  options.year = YEAR;
  options.language = language;
  options.author = AUTHOR;
  g_assert_true (vigie_xlsx_write_annual_report (store, &options, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  vigie_report_test_assert_private (path);
  return path;
}

/* TEXT without any white space: poppler joins some words (a table's cells) and splits
 * others (wrapped lines), so text is compared without spaces. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* The text of page INDEX, squeezed. */
static char *
page_text (PopplerDocument *doc,
           int              index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (doc, index);
  g_autofree char *text = NULL;

  if (page == NULL)
    return g_strdup ("");
  text = poppler_page_get_text (page);
  return squeeze (text);
}

/* Whether squeezed HAYSTACK holds NEEDLE (spaces in NEEDLE do not count). */
static gboolean
holds (const char *haystack,
       const char *needle)
{
  g_autofree char *squeezed = squeeze (needle);

  return strstr (haystack, squeezed) != NULL;
}

static void
assert_qpdf_and_fonts (const char *path)
{
  const char *fonts[] = { "pdffonts", path, NULL };
  g_autofree char *list = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_fonts = 0;

  vigie_report_test_assert_qpdf_ok (path);
  /* Every font is embedded: the "emb" column of pdffonts says yes on every line. */
  list = vigie_report_test_run_tool (fonts);
  lines = g_strsplit (list, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      guint n;

      if (lines[i][0] == '\0')
        continue;
      fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      n = 0;
      {
        /* Columns from the right: object, generation, uni, sub, emb. */
        const char *cols[8] = { NULL, };

        for (int j = (int) g_strv_length (fields) - 1; j >= 0 && n < G_N_ELEMENTS (cols); j--)
          if (fields[j][0] != '\0')
            cols[n++] = fields[j];
        g_assert_cmpuint (n, >=, 5);
        if (g_strcmp0 (cols[4], "yes") != 0)
          g_error ("font not embedded: %s", lines[i]);
      }
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >, 0);
}

/* Strings the assertions build, freed at the end. */
static GPtrArray *pool;

static const char *
pooled (char *text)
{
  g_ptr_array_add (pool, text);
  return text;
}

/* The text an English report writes for a number. */
static const char *
en_int (gint64 n)
{
  g_autoptr(VigieReportLocale) en = vigie_report_locale_new ("en");
  char *text;

  vigie_report_locale_push (en);
  text = vigie_report_format_int (n);
  vigie_report_locale_pop ();
  return pooled (text);
}

static const char * const section_titles[VIGIE_N_FIGURES] = {
  "Affiliates", "Monitoring partners", "Sites linked to affiliates",
  "Investigations and sites monitored", "Investigations by method",
  "Findings by theme and severity", "Findings per month", "Sites with forced-labour indicators",
  "Remediation actions due in the year, by status", "Overdue actions",
  "Closure of remediation actions", "Actions completed per month", "Workers receiving remedy",
  "Amounts of remedy", "Contractors with a contract in force",
  "Contractors disclosing their sites, per tier",
};

/* ─── PDF ────────────────────────────────────────────────────────────────── */

static void
test_pdf_read_back (Fixture       *fx,
                    gconstpointer  data)
{
  int n_pages = 0;
  g_autofree char *path = write_pdf (fx, "annual.pdf", "en", NULL, 0, &n_pages);
  g_autoptr(PopplerDocument) doc = vigie_report_test_open_pdf (path);
  g_autoptr(VigieFigures) f = compute (NULL, 0);
  g_autoptr(GPtrArray) entries = vigie_report_test_outline (doc);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL, *author = NULL, *subject = NULL, *keywords = NULL;
  g_autofree char *creator = NULL;
  g_autoptr(VigieReportLocale) en = vigie_report_locale_new ("en");

  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, n_pages);
  g_assert_cmpint (n_pages, >=, 10);
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      char *text = page_text (doc, i);

      vigie_report_test_assert_a4 (page);
      if (i > 0)
        {
          g_autofree char *footer = g_strdup_printf ("Page %d of %d", i + 1, n_pages);

          g_assert_true (holds (text, footer));
          g_assert_true (holds (text, "Annual report figures 2025"));   /* running header */
          g_assert_true (holds (text, "Every country and every buyer"));
        }
      g_ptr_array_add (texts, text);
    }

  /* The title page: the year, the scope, the dates in the report's words, the author. */
  {
    const char *cover = g_ptr_array_index (texts, 0);

    g_assert_true (holds (cover, "Annual report figures"));
    g_assert_true (holds (cover, "2025"));
    g_assert_true (holds (cover, "Every country and every buyer"));
    g_assert_true (holds (cover, "1 January 2025 to 31 December 2025"));
    g_assert_true (holds (cover, "15 June 2026"));
    g_assert_true (holds (cover, AUTHOR));
  }

  /* The outline: the key figures, the contents, then one entry per figure in order, each
   * pointing at the page where its section starts. */
  g_assert_cmpuint (entries->len, ==, 2 + VIGIE_N_FIGURES);
  g_assert_cmpstr (((VigieOutlineEntry *) entries->pdata[0])->title, ==, "Key figures");
  g_assert_cmpstr (((VigieOutlineEntry *) entries->pdata[1])->title, ==, "Contents");
  for (guint i = 0; i < VIGIE_N_FIGURES; i++)
    {
      VigieOutlineEntry *e = g_ptr_array_index (entries, 2 + i);

      g_assert_cmpstr (e->title, ==, section_titles[i]);
      g_assert_cmpint (e->page, >=, 1);
      g_assert_cmpint (e->page, <, n_pages);
      g_assert_true (holds (g_ptr_array_index (texts, e->page), section_titles[i]));
    }

  /* The contents page gives each figure's page number. */
  {
    const char *contents = g_ptr_array_index (texts, 1);

    for (guint i = 0; i < VIGIE_N_FIGURES; i++)
      {
        VigieOutlineEntry *e = g_ptr_array_index (entries, 2 + i);
        g_autofree char *line = g_strdup_printf ("%s %d", section_titles[i], e->page + 1);

        if (!holds (contents, line))
          g_error ("the contents lack “%s”: %s", line, contents);
      }
  }

  /* The text of each section (its page and the next, where its table may go on): what it
   * counts, and its numbers as the figures engine computed them, in English. */
  vigie_report_locale_push (en);
  for (guint i = 0; i < VIGIE_N_FIGURES; i++)
    {
      VigieOutlineEntry *e = g_ptr_array_index (entries, 2 + i);
      g_autofree char *section = g_strconcat (g_ptr_array_index (texts, e->page), " ",
                                              e->page + 1 < n_pages
                                              ? (char *) g_ptr_array_index (texts, e->page + 1)
                                              : "", NULL);
      g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);

      switch ((VigieFigure) i)
        {
        case VIGIE_FIGURE_AFFILIATES:
          g_ptr_array_add (expected, g_strdup ("affiliated by the end of the year"));
          g_ptr_array_add (expected, g_strdup_printf ("Total %s %s %s",
                                                      en_int (f->affiliates_direct),
                                                      en_int (f->affiliates_via_consortium),
                                                      en_int (f->affiliates)));
          break;
        case VIGIE_FIGURE_PARTNERS:
          g_ptr_array_add (expected, g_strdup_printf ("Partners with an investigation under way %s",
                                                      en_int (f->monitoring_partners)));
          break;
        case VIGIE_FIGURE_SITES_LINKED:
          g_ptr_array_add (expected, g_strdup_printf ("Total %s", en_int (f->sites_linked)));
          break;
        case VIGIE_FIGURE_INVESTIGATIONS:
          g_ptr_array_add (expected, g_strdup_printf ("Total %s %s", en_int (f->investigations),
                                                      en_int (f->sites_monitored)));
          break;
        case VIGIE_FIGURE_METHODS:
          g_ptr_array_add (expected, g_strdup_printf ("Workers interviewed: %s",
                                                      en_int (f->workers_interviewed)));
          g_ptr_array_add (expected, g_strdup ("Focus group"));
          break;
        case VIGIE_FIGURE_FINDINGS:
          g_ptr_array_add (expected, g_strdup_printf ("Total %s %s %s %s %s",
                                                      en_int (f->findings_by_severity[0]),
                                                      en_int (f->findings_by_severity[1]),
                                                      en_int (f->findings_by_severity[2]),
                                                      en_int (f->findings_by_severity[3]),
                                                      en_int (f->findings)));
          g_ptr_array_add (expected, g_strdup ("Forced labour and fair recruitment"));
          break;
        case VIGIE_FIGURE_FINDINGS_MONTHLY:
          g_ptr_array_add (expected, g_strdup_printf ("January %s",
                                                      en_int (f->findings_per_month[0])));
          g_ptr_array_add (expected, g_strdup_printf ("December %s",
                                                      en_int (f->findings_per_month[11])));
          break;
        case VIGIE_FIGURE_FORCED_LABOUR:
          g_ptr_array_add (expected, g_strdup_printf ("Sites with at least 3 indicators %s",
                                                      en_int (f->sites_fl_3)));
          break;
        case VIGIE_FIGURE_ACTIONS:
          g_ptr_array_add (expected, g_strdup_printf ("Proposed %s",
                                                      en_int (f->actions_by_status[0])));
          g_ptr_array_add (expected, g_strdup_printf ("Total %s", en_int (f->actions)));
          break;
        case VIGIE_FIGURE_OVERDUE:
          g_ptr_array_add (expected, g_strdup_printf ("Overdue on 15 June 2026 %s",
                                                      en_int (f->actions_overdue)));
          break;
        case VIGIE_FIGURE_CLOSURE:
          g_ptr_array_add (expected, g_strdup_printf ("Actions completed and closed %s",
                                                      en_int (f->actions_closed)));
          if (!isnan (f->share_verified_by_workers))
            {
              char *share = vigie_report_format_percent (f->share_verified_by_workers);

              g_ptr_array_add (expected, g_strdup_printf ("Share verified by workers %s",
                                                          pooled (share)));
            }
          break;
        case VIGIE_FIGURE_COMPLETIONS_MONTHLY:
          g_ptr_array_add (expected, g_strdup_printf ("June %s",
                                                      en_int (f->completions_per_month[5])));
          break;
        case VIGIE_FIGURE_REMEDY_WORKERS:
          g_ptr_array_add (expected, g_strdup_printf ("All workers receiving remedy %s",
                                                      en_int (f->remedy_workers[0])));
          break;
        case VIGIE_FIGURE_REMEDY_AMOUNTS:
          for (guint a = 0; a < f->remedy_amounts->len; a++)
            {
              VigieFiguresAmount *amount = &g_array_index (f->remedy_amounts,
                                                           VigieFiguresAmount, a);
              int exponent = vigie_currency_exponent (amount->currency);
              g_autofree char *number = vigie_report_format_double ((double) amount->amount_minor
                                                                    / pow (10, exponent), exponent);

              g_ptr_array_add (expected, g_strdup_printf ("%s %s %s %s", amount->currency,
                                                          number, amount->currency,
                                                          en_int (amount->actions)));
            }
          break;
        case VIGIE_FIGURE_CONTRACTORS:
          g_ptr_array_add (expected, g_strdup_printf ("With a contract in force %s",
                                                      en_int (f->contractors)));
          break;
        case VIGIE_FIGURE_DISCLOSING:
          g_ptr_array_add (expected, g_strdup_printf ("Any tier %s",
                                                      en_int (f->contractors_disclosing)));
          break;
        case VIGIE_N_FIGURES:
        default:
          g_assert_not_reached ();
        }
      for (guint x = 0; x < expected->len; x++)
        if (!holds (section, g_ptr_array_index (expected, x)))
          g_error ("section “%s” lacks “%s”: %s", section_titles[i],
                   (char *) g_ptr_array_index (expected, x), section);
    }
  vigie_report_locale_pop ();

  /* Metadata. */
  g_object_get (doc, "title", &title, "author", &author, "subject", &subject,
                "keywords", &keywords, "creator", &creator, NULL);
  g_assert_cmpstr (title, ==, "Annual report figures 2025");
  g_assert_cmpstr (author, ==, AUTHOR);
  g_assert_nonnull (strstr (subject, "2025"));
  g_assert_nonnull (strstr (keywords, "annual report"));
  g_assert_true (g_str_has_prefix (creator, "Vigie "));
  g_assert_cmpint (poppler_document_get_creation_date (doc), ==, 1781524800);  /* VIGIE_NOW */
  g_assert_cmpint (poppler_document_get_modification_date (doc), ==, 1781524800);

  assert_qpdf_and_fonts (path);

  /* Counts only: no record's text (a finding title) reaches the report. */
  {
    sqlite3_stmt *stmt = vigie_store_prepare (demo, "SELECT title FROM findings"
                                                    " WHERE first_observed LIKE '2025-%'"
                                                    " ORDER BY id LIMIT 1", NULL);
    g_autoptr(GString) all = g_string_new (NULL);

    g_assert_nonnull (stmt);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    for (guint i = 0; i < texts->len; i++)
      g_string_append (all, g_ptr_array_index (texts, i));
    g_assert_false (holds (all->str, (const char *) sqlite3_column_text (stmt, 0)));
    sqlite3_reset (stmt);
  }
}

static void
test_pdf_reproducible (Fixture       *fx,
                       gconstpointer  data)
{
  g_autofree char *a = write_pdf (fx, "a.pdf", "en", NULL, 0, NULL);
  g_autofree char *b = write_pdf (fx, "b.pdf", "en", NULL, 0, NULL);

  vigie_report_test_assert_same_bytes (a, b, 10000);
}

/* A country and a buyer narrow the figures, and say so in the title and on every page. */
static void
test_pdf_scope (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gint64 consortium, brand;
  g_autofree char *consortium_name = NULL;

  {
    int n_pages = 0;
    g_autofree char *path = write_pdf (fx, "cn.pdf", "en", "CN", 0, &n_pages);
    g_autoptr(PopplerDocument) doc = vigie_report_test_open_pdf (path);
    g_autoptr(VigieFigures) f = compute ("CN", 0);
    g_autoptr(VigieFigures) all = compute (NULL, 0);
    g_autofree char *title = NULL;
    g_autofree char *key = page_text (doc, 1);
    g_autofree char *findings = NULL;

    g_object_get (doc, "title", &title, NULL);
    g_assert_cmpstr (title, ==, "Annual report figures 2025 — China");
    for (int i = 1; i < n_pages; i++)
      {
        g_autofree char *text = page_text (doc, i);

        g_assert_true (holds (text, "Sites and affiliates in China"));
      }
    /* The key figures are China's, not the world's. */
    g_assert_cmpint (f->findings, <, all->findings);
    findings = g_strdup_printf ("Findings %s (critical:", en_int (f->findings));
    g_assert_true (holds (key, findings));
  }

  stmt = vigie_store_prepare (demo, "SELECT id, name FROM organisations WHERE kind = 'consortium'"
                                    " ORDER BY id LIMIT 1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  consortium = sqlite3_column_int64 (stmt, 0);
  consortium_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);
  stmt = vigie_store_prepare (demo, "SELECT id FROM organisations WHERE kind = 'brand'"
                                    " ORDER BY id LIMIT 1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  brand = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  {
    g_autofree char *path = write_pdf (fx, "buyer.pdf", "en", NULL, consortium, NULL);
    g_autoptr(PopplerDocument) doc = vigie_report_test_open_pdf (path);
    g_autoptr(VigieFigures) f = compute (NULL, consortium);
    g_autofree char *title = NULL;
    g_autofree char *expected = g_strdup_printf ("Annual report figures 2025 — %s",
                                                 consortium_name);
    g_autofree char *key = page_text (doc, 1);
    g_autofree char *affiliates = g_strdup_printf ("Affiliates %s", en_int (f->affiliates));

    g_object_get (doc, "title", &title, NULL);
    g_assert_cmpstr (title, ==, expected);
    g_assert_true (holds (key, affiliates));
  }

  /* A brand is not a buyer; an organisation that does not exist is not either. */
  {
    g_autofree char *path = g_build_filename (fx->dir, "brand.pdf", NULL);
    VigieAnnualOptions options;

    vigie_annual_options_init (&options);
    options.year = YEAR;
    options.buyer_id = brand;
    g_assert_false (vigie_pdf_write_annual_report (demo, &options, path, NULL, NULL, NULL, NULL,
                                                   &error));
    g_assert_error (error, VIGIE_FIGURES_ERROR, VIGIE_FIGURES_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "neither an affiliate nor"));
    g_clear_error (&error);
    options.buyer_id = 999999;
    g_assert_false (vigie_xlsx_write_annual_report (demo, &options, path, NULL, NULL, NULL,
                                                    &error));
    g_assert_error (error, VIGIE_FIGURES_ERROR, VIGIE_FIGURES_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "999999"));
    g_clear_error (&error);
    options.buyer_id = 0;
    options.year = 1492;
    g_assert_false (vigie_pdf_write_annual_report (demo, &options, path, NULL, NULL, NULL, NULL,
                                                   &error));
    g_assert_error (error, VIGIE_FIGURES_ERROR, VIGIE_FIGURES_ERROR_INVALID);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
}

static gboolean
has_french (void)
{
  g_autoptr(VigieReportLocale) fr = vigie_report_locale_new ("fr");

  return vigie_report_locale_has_catalogue (fr);
}

/* The French report: headings, vocabulary and month names in French while the UI stays
 * English. New strings the catalogue does not have yet stay in English: only the
 * translated ones are asserted. */
static void
test_pdf_french (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(VigieReportLocale) fr = vigie_report_locale_new ("fr");
  g_autofree char *path = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  guint n_translated = 0;
  int n_pages = 0;

  if (!has_french ())
    {
      g_test_skip ("no French catalogue in this build");
      return;
    }
  path = write_pdf (fx, "fr.pdf", "fr", NULL, 0, &n_pages);
  doc = vigie_report_test_open_pdf (path);
  entries = vigie_report_test_outline (doc);
  for (int i = 0; i < n_pages; i++)
    {
      g_autofree char *text = page_text (doc, i);

      g_string_append (all, text);
      g_string_append_c (all, ' ');
    }

  vigie_report_locale_push (fr);
  g_assert_cmpuint (entries->len, ==, 2 + VIGIE_N_FIGURES);
  for (guint i = 0; i < VIGIE_N_FIGURES; i++)
    {
      const char *french = vigie_report_gettext (section_titles[i]);
      VigieOutlineEntry *e = g_ptr_array_index (entries, 2 + i);

      g_assert_cmpstr (e->title, ==, french);
      if (g_strcmp0 (french, section_titles[i]) != 0)
        n_translated++;
      else
        g_test_message ("not translated yet: “%s”", section_titles[i]);
    }
  /* The figure titles of the engine are translated already. */
  g_assert_cmpuint (n_translated, >=, 10);
  g_assert_cmpstr (vigie_report_gettext ("Affiliates"), !=, "Affiliates");
  g_assert_true (holds (all->str, vigie_report_gettext ("Affiliates")));
  /* Vocabulary labels: severities and statuses in French. */
  {
    const char *critical = vigie_report_pgettext2 ("severity", "Critical");
    const char *proposed = vigie_report_pgettext2 ("remediation status", "Proposed");

    g_assert_cmpstr (critical, !=, "Critical");
    g_assert_true (holds (all->str, critical));
    if (g_strcmp0 (proposed, "Proposed") != 0)
      g_assert_true (holds (all->str, proposed));
  }
  /* Dates in French (the French C library locale is there on a machine that made it). */
  {
    locale_t l = newlocale (LC_TIME_MASK, "fr_FR.UTF-8", (locale_t) 0);

    if (l != (locale_t) 0)
      {
        freelocale (l);
        g_assert_true (holds (all->str, "15 juin 2026"));
        g_assert_true (holds (all->str, "janvier"));
        g_assert_false (holds (all->str, "15 June 2026"));
      }
    else
      g_test_message ("fr_FR.UTF-8 is not generated: French month names not checked");
  }
  vigie_report_locale_pop ();

  /* … while the UI (this process) still speaks English. */
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Affiliates"), ==, "Affiliates");
  g_assert_cmpstr (g_dpgettext2 (GETTEXT_PACKAGE, "severity", "Critical"), ==, "Critical");
  assert_qpdf_and_fonts (path);
}

/* ─── XLSX ───────────────────────────────────────────────────────────────── */

static char *
figures_json (Fixture            *fx,
              const VigieFigures *f)
{
  g_autoptr(GString) json = vigie_figures_to_json (f);
  char *path = g_build_filename (fx->dir, "figures.json", NULL);

  g_assert_true (g_file_set_contents (path, json->str, (gssize) json->len, NULL));
  return path;
}

static void
test_xlsx_openpyxl (Fixture       *fx,
                    gconstpointer  data)
{
  g_autofree char *path = write_xlsx (fx, demo, "annual.xlsx", "en");
  g_autofree char *again = write_xlsx (fx, demo, "again.xlsx", "en");
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "report", "check-annual-xlsx.py",
                                                   NULL);
  g_autoptr(VigieFigures) f = compute (NULL, 0);
  g_autofree char *json = figures_json (fx, f);

  {
    const char *argv[] = { "/usr/bin/python3", script, path, json, AUTHOR, "english", NULL };
    g_autofree char *out = vigie_report_test_run_tool (argv);

    g_assert_cmpstr (out, ==, "ok\n");
  }
  /* The same data and options give the same bytes. */
  vigie_report_test_assert_same_bytes (path, again, 0);
}

/* The checker itself fails on a wrong number: the same workbook against figures of
 * another year. */
static void
test_xlsx_checker_fails (Fixture       *fx,
                         gconstpointer  data)
{
  g_autofree char *path = write_xlsx (fx, demo, "annual.xlsx", "en");
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "report", "check-annual-xlsx.py",
                                                   NULL);
  g_autoptr(GError) error = NULL;
  VigieFiguresOptions options = { .year = YEAR - 1, .today = "2026-06-15" };
  g_autoptr(VigieFigures) other = vigie_figures_compute (demo, &options, NULL, &error);
  g_autofree char *json = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { "/usr/bin/python3", NULL, NULL, NULL, AUTHOR, "english", NULL };
  int status = 0;

  g_assert_no_error (error);
  json = figures_json (fx, other);
  argv[1] = script;
  argv[2] = path;
  argv[3] = json;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "FAIL:"));
}

static void
test_xlsx_french (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(VigieReportLocale) fr = vigie_report_locale_new ("fr");
  g_autofree char *path = NULL;
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "report", "check-annual-xlsx.py",
                                                   NULL);
  g_autoptr(VigieFigures) f = compute (NULL, 0);
  g_autofree char *json = NULL;
  g_autofree char *labels = NULL;

  if (!has_french ())
    {
      g_test_skip ("no French catalogue in this build");
      return;
    }
  path = write_xlsx (fx, demo, "fr.xlsx", "fr");
  json = figures_json (fx, f);
  /* The same numbers and structure, whatever the language. */
  {
    const char *argv[] = { "/usr/bin/python3", script, path, json, AUTHOR, NULL };
    g_autofree char *out = vigie_report_test_run_tool (argv);

    g_assert_cmpstr (out, ==, "ok\n");
  }
  /* Labels in French: the statuses of the actions and the severities of the findings. */
  {
    const char *argv[] = {
      "/usr/bin/python3", "-c",
      "import sys, openpyxl\n"
      "wb = openpyxl.load_workbook(sys.argv[1])\n"
      "print(wb.worksheets[9]['A2'].value)\n"
      "print(wb.worksheets[6]['B1'].value)\n",
      path, NULL
    };

    labels = vigie_report_test_run_tool (argv);
  }
  vigie_report_locale_push (fr);
  {
    g_autofree char *expected = g_strdup_printf ("%s\n%s\n",
                                                 vigie_report_pgettext2 ("remediation status",
                                                                         "Proposed"),
                                                 vigie_report_pgettext2 ("severity", "Critical"));

    g_assert_cmpstr (labels, ==, expected);
    g_assert_cmpstr (vigie_report_pgettext2 ("severity", "Critical"), !=, "Critical");
  }
  vigie_report_locale_pop ();
  g_assert_cmpstr (g_dpgettext2 (GETTEXT_PACKAGE, "severity", "Critical"), ==, "Critical");
}

/* ─── Edges ──────────────────────────────────────────────────────────────── */

/* An empty dataset gives a valid PDF and workbook that say there is nothing to count. */
static void
test_empty_dataset (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_build_filename (fx->dir, "empty.db", NULL);
  g_autoptr(VigieStore) empty = vigie_store_open (db, &error);
  g_autofree char *pdf = g_build_filename (fx->dir, "empty.pdf", NULL);
  g_autofree char *xlsx = NULL;
  g_autofree char *text = NULL;
  VigieAnnualOptions options;
  int n_pages = 0;

  g_assert_no_error (error);
  vigie_annual_options_init (&options);
  options.year = YEAR;
  options.language = "en";
  vigie_pdf_write_annual_report (empty, &options, pdf, &n_pages, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n_pages, >=, 3);
  {
    g_autofree char *raw = vigie_report_test_pdf_text (pdf);

    text = squeeze (raw);
  }
  g_assert_true (holds (text, "Nothing to count for this year and scope."));
  g_assert_true (holds (text, "No action completed in the year has been closed yet"));
  assert_qpdf_and_fonts (pdf);

  xlsx = write_xlsx (fx, empty, "empty.xlsx", "en");
  {
    const char *argv[] = {
      "/usr/bin/python3", "-c",
      "import sys, openpyxl\n"
      "wb = openpyxl.load_workbook(sys.argv[1])\n"
      "a = wb['Affiliates']\n"
      "print(len(wb.sheetnames), len(a._charts), a['F2'].value, a['A2'].value, a['D2'].value,\n"
      "      len(wb['Actions by status']._charts), wb['Closure']['B5'].value, sep='|')\n",
      xlsx, NULL
    };
    g_autofree char *out = vigie_report_test_run_tool (argv);

    g_assert_cmpstr (out, ==, "17|0|Nothing to count for this year and scope.|Total|0|1|None\n");
  }
}

typedef struct
{
  GArray *fractions;
  guint   n_stages;
} Progress;

static void
progress_cb (double      fraction,
             const char *stage,
             gpointer    user_data)
{
  Progress *p = user_data;

  g_assert_nonnull (stage);
  g_array_append_val (p->fractions, fraction);
  p->n_stages++;
}

static void
test_progress_and_cancel (Fixture       *fx,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *pdf = g_build_filename (fx->dir, "p.pdf", NULL);
  g_autofree char *xlsx = g_build_filename (fx->dir, "p.xlsx", NULL);
  VigieAnnualOptions options;

  vigie_annual_options_init (&options);
  options.year = YEAR;
  for (int kind = 0; kind < 2; kind++)
    {
      Progress p = { g_array_new (FALSE, FALSE, sizeof (double)), 0 };
      gboolean ok = kind == 0
                    ? vigie_pdf_write_annual_report (demo, &options, pdf, NULL, progress_cb, &p,
                                                     NULL, &error)
                    : vigie_xlsx_write_annual_report (demo, &options, xlsx, progress_cb, &p, NULL,
                                                      &error);

      g_assert_no_error (error);
      g_assert_true (ok);
      /* One step per figure at least, never backwards, ending at 1. */
      g_assert_cmpuint (p.fractions->len, >, VIGIE_N_FIGURES);
      for (guint i = 1; i < p.fractions->len; i++)
        g_assert_cmpfloat (g_array_index (p.fractions, double, i), >=,
                           g_array_index (p.fractions, double, i - 1));
      g_assert_cmpfloat (g_array_index (p.fractions, double, p.fractions->len - 1), ==, 1.0);
      g_array_unref (p.fractions);
    }

  /* Cancelled: an error, and no file. */
  g_unlink (pdf);
  g_unlink (xlsx);
  g_cancellable_cancel (cancellable);
  g_assert_false (vigie_pdf_write_annual_report (demo, &options, pdf, NULL, NULL, NULL,
                                                 cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (vigie_xlsx_write_annual_report (demo, &options, xlsx, NULL, NULL, cancellable,
                                                  &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));
  {
    g_autoptr(GDir) dir = g_dir_open (fx->dir, 0, NULL);

    g_assert_null (g_dir_read_name (dir));   /* no temporary file left behind */
  }
}

static void
test_title (void)
{
  g_autoptr(VigieReportLocale) en = vigie_report_locale_new ("en");
  g_autofree char *plain = NULL, *country = NULL, *buyer = NULL, *both = NULL;

  vigie_report_locale_push (en);
  plain = vigie_annual_report_title (2025, NULL, "");
  country = vigie_annual_report_title (2025, "Germany", NULL);
  buyer = vigie_annual_report_title (2024, NULL, "City of Barcelona");
  both = vigie_annual_report_title (2025, "Spain", "City of Barcelona");
  vigie_report_locale_pop ();
  g_assert_cmpstr (plain, ==, "Annual report figures 2025");
  g_assert_cmpstr (country, ==, "Annual report figures 2025 — Germany");
  g_assert_cmpstr (buyer, ==, "Annual report figures 2024 — City of Barcelona");
  g_assert_cmpstr (both, ==, "Annual report figures 2025 — Spain, City of Barcelona");
}

/* Month names follow the report language. */
static void
test_month_names (void)
{
  g_autoptr(VigieReportLocale) en = vigie_report_locale_new ("en");
  g_autoptr(VigieReportLocale) fr = vigie_report_locale_new ("fr");
  locale_t l = newlocale (LC_TIME_MASK, "fr_FR.UTF-8", (locale_t) 0);

  vigie_report_locale_push (en);
  {
    g_autofree char *jan = vigie_annual_month_name (1, FALSE);
    g_autofree char *dec = vigie_annual_month_name (12, TRUE);

    g_assert_cmpstr (jan, ==, "January");
    g_assert_cmpstr (dec, ==, "Dec");
  }
  vigie_report_locale_pop ();
  if (l == (locale_t) 0)
    {
      g_test_message ("fr_FR.UTF-8 is not generated: French month names not checked");
      return;
    }
  freelocale (l);
  vigie_report_locale_push (fr);
  {
    g_autofree char *feb = vigie_annual_month_name (2, FALSE);

    g_assert_cmpstr (feb, ==, "février");
  }
  vigie_report_locale_pop ();
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  VigieDemoOptions demo_options = { 0, };
  int status;

  vigie_report_test_init (&argc, &argv);
  pool = g_ptr_array_new_with_free_func (g_free);

  /* One seeded demo dataset for every test: 30 sites, 400 findings around 2026-06-15. */
  demo_dir = g_dir_make_tmp ("vigie-annual-demo-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (demo_dir, "demo.db", NULL);
  demo = vigie_store_open (db, &error);
  g_assert_no_error (error);
  demo_options.n_sites = 30;
  demo_options.n_findings = 400;
  demo_options.seed = 7;
  demo_options.today = "2026-06-15";
  g_assert_true (vigie_demo_generate (demo, &demo_options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/annual/title", test_title);
  g_test_add_func ("/annual/month-names", test_month_names);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, set_up, fn, \
                                  vigie_report_test_fixture_tear_down)
  ADD ("/annual/pdf/read-back", test_pdf_read_back);
  ADD ("/annual/pdf/reproducible", test_pdf_reproducible);
  ADD ("/annual/pdf/scope", test_pdf_scope);
  ADD ("/annual/pdf/french", test_pdf_french);
  ADD ("/annual/xlsx/openpyxl", test_xlsx_openpyxl);
  ADD ("/annual/xlsx/checker-fails", test_xlsx_checker_fails);
  ADD ("/annual/xlsx/french", test_xlsx_french);
  ADD ("/annual/empty-dataset", test_empty_dataset);
  ADD ("/annual/progress-and-cancel", test_progress_and_cancel);
#undef ADD
  status = g_test_run ();

  g_clear_object (&demo);
  g_ptr_array_unref (pool);
  vigie_report_test_remove_tree (demo_dir);
  g_free (demo_dir);
  return status;
}

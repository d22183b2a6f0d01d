/* test-report-export.c — the factory report (PDF) and the data export (XLSX, CSV) read
 * back: poppler for the PDF (pages, section text, outline, metadata), qpdf --check,
 * byte-identical second exports, openpyxl for the XLSX, the CSV parsed back; the
 * redaction proof (marker strings absent at 'public', all present at 'internal') and the
 * formula-injection proof; a French report under an English UI.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "report-test-util.h"
#include "vigie-csv.h"
#include "vigie-data-export.h"
#include "vigie-demo.h"
#include "vigie-pdf-report.h"
#include "vigie-redact.h"
#include "vigie-store-private.h"

#define AUTHOR "Ana Analyst"

/* Markers in every place a secret can hide. Those marked "data" only exist in the
 * data export (the PDF does not print status-change notes or chemical notes). */
static const struct { const char *marker; gboolean in_pdf; } markers[] = {
  { "MKSITENOTES", TRUE },            /* sites.notes */
  { "MKWORKFORCENOTES", TRUE },       /* workforce_snapshots.notes */
  { "MKINVNOTES", TRUE },             /* investigations.notes */
  { "MKACTIVITYNOTES", TRUE },        /* investigation_activities.notes */
  { "MKFINDINGNOTES", TRUE },         /* findings.notes of a public finding */
  { "MKHIDDENFINDING", TRUE },        /* title of an internal finding */
  { "MKHIDDENDESC", TRUE },           /* its description */
  { "MKBRANDFINDING", TRUE },         /* a finding for the brand, not the public */
  { "MKHIDDENEVIDENCE", TRUE },       /* non-confidential evidence of a hidden finding */
  { "MKHIDDENACTION", TRUE },         /* action of a hidden finding */
  { "MKEVIDENCENOTES", TRUE },        /* evidence.notes of public testimony */
  { "MKNOCONSENTQUOTE", TRUE },       /* testimony without consent to quote */
  { "MKCONFIDENTIALSUMMARY", TRUE },  /* confidential evidence summary */
  { "MKCONFPSEUDONYM", TRUE },        /* pseudonym of confidential testimony */
  { "MKACTIONNOTES", TRUE },          /* remediation_actions.notes */
  { "MKGRIEVANCENOTES", TRUE },       /* grievances.notes */
  { "MKHISTORYNOTE", FALSE },         /* remediation_status_history.note */
  { "MKCHANGEDBY", FALSE },           /* remediation_status_history.changed_by */
  { "MKCHEMNOTES", FALSE },           /* chemical_products.notes */
};


typedef VigieReportFixture Fixture;

static const char fixture_sql[] =
  "INSERT INTO sites (id, uuid, name, native_name, address, country, products, notes, created_at, updated_at)"
  " VALUES (1, 's1', 'Lotus Assembly Works', '', '12 River Road, Dongguan', 'CN', 'laptops',"
  "         'MKSITENOTES', 'x', 'x');"
  "INSERT INTO sites (id, uuid, name, country, created_at, updated_at) VALUES"
  " (2, 's2', '=HYPERLINK(\"http://x\",\"y\")', 'CN', 'x', 'x'),"
  " (3, 's3', '+1', 'CN', 'x', 'x'), (4, 's4', '-1+1', 'CN', 'x', 'x'),"
  " (5, 's5', '@SUM(A1)', 'CN', 'x', 'x');"
  "INSERT INTO workforce_snapshots (uuid, site_id, as_of, source, total, women, migrant, notes,"
  "  created_at, updated_at) VALUES ('w1', 1, '2026-01-10', 'employer', 4200, 2600, 900,"
  "  'MKWORKFORCENOTES', 'x', 'x');"
  "INSERT INTO investigations (id, uuid, site_id, title, trigger, start_date, end_date, status,"
  "  notes, created_at, updated_at) VALUES (1, 'i1', 1, 'Spring 2026 investigation',"
  "  'worker_complaint', '2026-02-01', '2026-03-15', 'closed', 'MKINVNOTES', 'x', 'x');"
  "INSERT INTO investigation_activities (uuid, investigation_id, method, start_date,"
  "  participants_total, participants_women, participants_migrant, notes, created_at, updated_at)"
  "  VALUES ('a1', 1, 'offsite_interview', '2026-02-03', 40, 25, 10, 'MKACTIVITYNOTES', 'x', 'x');"
  "INSERT INTO findings (id, uuid, site_id, investigation_id, title, description, theme, severity,"
  "  workers_affected, affects_women, first_observed, company_response, disclosure_level, status,"
  "  notes, created_at, updated_at) VALUES"
  " (1, 'f1', 1, 1, 'Passports retained by the employer', 'Workers must hand in their passports.',"
  "  'forced_labour', 'critical', 300, 1, '2026-02-05', 'The employer returned some passports.',"
  "  'public', 'open', 'MKFINDINGNOTES', 'x', 'x'),"
  " (2, 'f2', 1, 1, 'MKHIDDENFINDING overtime', 'MKHIDDENDESC', 'working_hours', 'major', NULL, 0,"
  "  '2026-02-06', '', 'internal', 'open', '', 'x', 'x'),"
  " (3, 'f3', 1, 1, 'MKBRANDFINDING wages', 'Late wages.', 'wages_benefits', 'minor', NULL, 0,"
  "  '2026-02-07', '', 'brand', 'open', '', 'x', 'x');"
  "INSERT INTO finding_standards SELECT 1, s.id FROM standards s JOIN code_standards c"
  "  ON c.id = s.code_id WHERE c.code = 'vigie' AND s.key = 'forced_labour';"
  "INSERT INTO finding_indicators SELECT 1, id FROM fl_indicators ORDER BY sort_order LIMIT 1;"
  "INSERT INTO evidence (uuid, finding_id, kind, summary, sources_count, pseudonym,"
  "  consent_to_quote, collected_on, confidential, notes, created_at, updated_at) VALUES"
  " ('e1', 1, 'testimony', 'They kept my passport for two years.', 3, 'Worker Lotus', 1,"
  "  '2026-02-03', 0, 'MKEVIDENCENOTES', 'x', 'x'),"
  " ('e2', 1, 'testimony', 'MKNOCONSENTQUOTE', 1, 'Worker Pine', 0, '2026-02-03', 0, '', 'x', 'x'),"
  " ('e3', 1, 'document', 'MKCONFIDENTIALSUMMARY', 1, NULL, 0, '2026-02-04', 1, '', 'x', 'x'),"
  " ('e4', 1, 'testimony', 'Confidential account.', 1, 'MKCONFPSEUDONYM', 1, NULL, 1, '', 'x', 'x'),"
  " ('e5', 2, 'document', 'MKHIDDENEVIDENCE', 1, NULL, 0, NULL, 0, '', 'x', 'x');"
  "INSERT INTO remediation_actions (id, uuid, finding_id, description, opened_on, due_on, status,"
  "  notes, created_at, updated_at) VALUES"
  " (1, 'r1', 1, 'Return every passport to its owner', '2026-02-10', '2026-03-10', 'in_progress',"
  "  'MKACTIONNOTES', 'x', 'x'),"
  " (2, 'r2', 2, 'MKHIDDENACTION cap overtime', '2026-02-11', '2026-05-11', 'proposed', '', 'x', 'x');"
  "INSERT INTO remediation_status_history (action_id, from_status, to_status, changed_on,"
  "  changed_by, note) VALUES (1, NULL, 'proposed', '2026-02-10', 'MKCHANGEDBY', 'MKHISTORYNOTE'),"
  "  (1, 'proposed', 'in_progress', '2026-02-20', 'MKCHANGEDBY', 'MKHISTORYNOTE'),"
  "  (2, NULL, 'proposed', '2026-02-11', 'analyst', '');"
  "INSERT INTO grievances (uuid, site_id, received_on, channel, complainants, topic, status,"
  "  finding_id, notes, created_at, updated_at) VALUES ('g1', 1, '2026-01-20', 'hotline', 4,"
  "  'Passports', 'investigating', 2, 'MKGRIEVANCENOTES', 'x', 'x');"
  "INSERT INTO chemical_products (id, uuid, site_id, period, trade_name, process, workers_exposed,"
  "  women_exposed, notes, created_at, updated_at) VALUES (1, 'c1', 1, '2026', 'Solvent X',"
  "  'cleaning', 35, 20, 'MKCHEMNOTES', 'x', 'x');"
  "INSERT INTO product_hazards VALUES (1, 'H350');";

static void
set_up (Fixture       *fx,
        gconstpointer  data)
{
  vigie_report_test_fixture_set_up (fx, "vigie-report-XXXXXX", fixture_sql);
}

static char *
write_report (Fixture              *fx,
              const char           *name,
              VigieDisclosureLevel  level,
              const char           *language,
              int                  *n_pages)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fx->dir, name, NULL);
  VigieReportOptions options;

  vigie_report_options_init (&options);
  options.level = level;
  options.language = language;
  options.author = AUTHOR;
  g_assert_true (vigie_pdf_write_site_report (fx->store, 1, &options, path, n_pages, NULL, &error));
  g_assert_no_error (error);
  vigie_report_test_assert_private (path);
  return path;
}

static void
save_screenshots (const char *pdf,
                  const char *prefix)
{
  const char *dir = g_getenv ("VIGIE_SCREENSHOT_DIR");
  g_autofree char *root = NULL;

  if (dir == NULL || dir[0] == '\0')
    return;
  g_mkdir_with_parents (dir, 0755);
  root = g_build_filename (dir, prefix, NULL);
  {
    const char *argv[] = { "pdftoppm", "-png", "-r", "60", pdf, root, NULL };
    g_free (vigie_report_test_run_tool (argv));
  }
}

/* ─── PDF ────────────────────────────────────────────────────────────────── */

static void
test_pdf_read_back (Fixture       *fx,
                    gconstpointer  data)
{
  int n_pages = 0;
  g_autofree char *path = write_report (fx, "internal.pdf", VIGIE_LEVEL_INTERNAL, "en", &n_pages);
  g_autoptr(PopplerDocument) doc = vigie_report_test_open_pdf (path);
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GString) outline = g_string_new (NULL);
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *title = NULL, *author = NULL, *subject = NULL, *keywords = NULL;
  const char *sections[] = { "Executive summary", "Methodology", "Findings", "Remediation",
                             "Chemical hazards", "Workforce profile", "Grievances" };

  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, n_pages);
  g_assert_cmpint (n_pages, >=, 3);

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *text = poppler_page_get_text (page);

      vigie_report_test_assert_a4 (page);
      if (i > 0)
        {
          g_autofree char *footer = g_strdup_printf ("Page %d of %d", i + 1, n_pages);

          g_assert_nonnull (strstr (text, footer));
          g_assert_nonnull (strstr (text, "Lotus Assembly Works"));   /* running header */
        }
      g_string_append (all, text);
    }

  /* The text of each section. */
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    g_assert_nonnull (strstr (all->str, sections[i]));
  g_assert_nonnull (strstr (all->str, "Factory compliance report"));
  g_assert_nonnull (strstr (all->str, "Passports retained by the employer"));
  g_assert_nonnull (strstr (all->str, "Forced labour and fair recruitment"));
  g_assert_nonnull (strstr (all->str, "The employer returned some passports."));
  g_assert_nonnull (strstr (all->str, "4,200"));              /* workforce, grouped */
  g_assert_nonnull (strstr (all->str, "Return every passport to its owner"));
  g_assert_nonnull (strstr (all->str, "Solvent X"));          /* CMR product (H350) */
  g_assert_nonnull (strstr (all->str, "15 June 2026"));       /* report date */

  /* Outline: every section, the themes and the findings. */
  entries = vigie_report_test_outline (doc);
  for (guint i = 0; i < entries->len; i++)
    g_string_append_printf (outline, "%s\n", ((VigieOutlineEntry *) entries->pdata[i])->title);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *line = g_strdup_printf ("%s\n", sections[i]);

      g_assert_nonnull (strstr (outline->str, line));
    }
  g_assert_nonnull (strstr (outline->str, "Forced labour and fair recruitment\n"));
  g_assert_nonnull (strstr (outline->str, "Passports retained by the employer\n"));

  /* Metadata. */
  g_object_get (doc, "title", &title, "author", &author, "subject", &subject,
                "keywords", &keywords, NULL);
  g_assert_cmpstr (title, ==, "Factory compliance report — Lotus Assembly Works");
  g_assert_cmpstr (author, ==, AUTHOR);
  g_assert_nonnull (strstr (subject, "Lotus Assembly Works"));
  g_assert_nonnull (strstr (subject, "Internal"));
  g_assert_nonnull (strstr (keywords, "labour rights"));
  g_assert_cmpint (poppler_document_get_creation_date (doc), ==, 1781524800);  /* VIGIE_NOW */

  /* qpdf finds nothing wrong. */
  vigie_report_test_assert_qpdf_ok (path);
  save_screenshots (path, "report-fixture-internal-en");
}

static void
test_pdf_reproducible (Fixture       *fx,
                       gconstpointer  data)
{
  g_autofree char *a = write_report (fx, "a.pdf", VIGIE_LEVEL_PUBLIC, "en", NULL);
  g_autofree char *b = write_report (fx, "b.pdf", VIGIE_LEVEL_PUBLIC, "en", NULL);

  vigie_report_test_assert_same_bytes (a, b, 1000);
}

static void
test_pdf_public (Fixture       *fx,
                 gconstpointer  data)
{
  g_autofree char *pub = write_report (fx, "public.pdf", VIGIE_LEVEL_PUBLIC, "en", NULL);
  g_autofree char *internal = write_report (fx, "internal.pdf", VIGIE_LEVEL_INTERNAL, "en", NULL);
  g_autofree char *brand = write_report (fx, "brand.pdf", VIGIE_LEVEL_BRAND, "en", NULL);
  g_autofree char *pub_text = vigie_report_test_pdf_text (pub);
  g_autofree char *internal_text = vigie_report_test_pdf_text (internal);
  g_autofree char *brand_text = vigie_report_test_pdf_text (brand);

  /* The redaction proof for the PDF. */
  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      if (strstr (pub_text, markers[i].marker) != NULL)
        g_error ("%s is in the public PDF", markers[i].marker);
      if (markers[i].in_pdf && strstr (internal_text, markers[i].marker) == NULL)
        g_error ("%s is missing from the internal PDF", markers[i].marker);
    }
  /* What the public may see is there. */
  g_assert_nonnull (strstr (pub_text, "Public monitoring status report"));
  g_assert_nonnull (strstr (pub_text, "Passports retained by the employer"));
  g_assert_nonnull (strstr (pub_text, "Worker Lotus"));
  g_assert_nonnull (strstr (pub_text, "They kept my passport for two years."));
  g_assert_nonnull (strstr (pub_text, "Worker Pine"));     /* pseudonym, without the quote */
  /* The brand sees its finding, still without notes or confidential evidence. */
  g_assert_nonnull (strstr (brand_text, "MKBRANDFINDING"));
  g_assert_null (strstr (brand_text, "MKHIDDENFINDING"));
  g_assert_null (strstr (brand_text, "MKFINDINGNOTES"));
  g_assert_null (strstr (brand_text, "MKCONFIDENTIALSUMMARY"));

  save_screenshots (pub, "report-fixture-public-en");
}

static void
test_pdf_french (Fixture       *fx,
                 gconstpointer  data)
{
  g_autofree char *path = write_report (fx, "fr.pdf", VIGIE_LEVEL_PUBLIC, "fr", NULL);
  g_autofree char *text = vigie_report_test_pdf_text (path);

  /* Reference titles, vocabulary and month names in French … */
  g_assert_nonnull (strstr (text, "Travail forcé et recrutement équitable"));
  g_assert_nonnull (strstr (text, "Critique"));
  g_assert_nonnull (strstr (text, "juin 2026"));
  g_assert_null (strstr (text, "June 2026"));
  /* … while the UI (this process) still speaks English. */
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Critical"), ==, "Critical");
  save_screenshots (path, "report-fixture-public-fr");
}

/* ─── Data export ────────────────────────────────────────────────────────── */

static char *
xlsx_xml (const char *path)
{
  const char *argv[] = {
    "/usr/bin/python3", "-c",
    "import sys, zipfile\n"
    "z = zipfile.ZipFile(sys.argv[1])\n"
    "sys.stdout.write(''.join(z.read(n).decode('utf-8') for n in z.namelist()))\n",
    path, NULL
  };

  return vigie_report_test_run_tool (argv);
}

static char *
csv_folder_text (const char *dir,
                 guint      *n_files)
{
  GString *out = g_string_new (NULL);
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  *n_files = 0;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      vigie_report_test_assert_private (path);
      g_string_append (out, contents);
      (*n_files)++;
    }
  g_dir_close (d);
  return g_string_free (out, FALSE);
}

static void
test_data_redaction (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  VigieDataExportOptions options;

  for (int pass = 0; pass < 2; pass++)
    {
      VigieDisclosureLevel level = pass == 0 ? VIGIE_LEVEL_PUBLIC : VIGIE_LEVEL_INTERNAL;
      g_autofree char *xlsx = g_build_filename (fx->dir, pass == 0 ? "public.xlsx" : "internal.xlsx", NULL);
      g_autofree char *csv = g_build_filename (fx->dir, pass == 0 ? "public-csv" : "internal-csv", NULL);
      g_autofree char *xml = NULL;
      g_autofree char *text = NULL;
      guint n_files;

      vigie_data_export_options_init (&options);
      options.level = level;
      options.author = AUTHOR;
      g_assert_true (vigie_xlsx_export_data (fx->store, &options, xlsx, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      vigie_report_test_assert_private (xlsx);
      g_assert_true (vigie_csv_export_data (fx->store, &options, csv, NULL, NULL, NULL, &error));
      g_assert_no_error (error);

      xml = xlsx_xml (xlsx);
      text = csv_folder_text (csv, &n_files);
      g_assert_cmpuint (n_files, ==, g_strv_length ((char **) vigie_export_table_names ()));
      for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
        {
          gboolean in_xml = strstr (xml, markers[i].marker) != NULL;
          gboolean in_csv = strstr (text, markers[i].marker) != NULL;

          if (pass == 0 && (in_xml || in_csv))
            g_error ("%s is in the public export (%s)", markers[i].marker, in_xml ? "XLSX" : "CSV");
          if (pass == 1 && (!in_xml || !in_csv))
            g_error ("%s is missing from the internal export (%s)", markers[i].marker,
                     !in_xml ? "XLSX" : "CSV");
        }
    }
}

static void
test_xlsx_openpyxl (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fx->dir, "data.xlsx", NULL);
  g_autofree char *again = g_build_filename (fx->dir, "again.xlsx", NULL);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "report", "check-xlsx.py", NULL);
  VigieDataExportOptions options;

  vigie_data_export_options_init (&options);
  options.author = AUTHOR;
  g_assert_true (vigie_xlsx_export_data (fx->store, &options, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  {
    const char *argv[] = { "/usr/bin/python3", script, path, AUTHOR, NULL };
    g_autofree char *out = vigie_report_test_run_tool (argv);

    g_assert_cmpstr (out, ==, "ok\n");
  }
  /* The same data and options give the same bytes. */
  g_assert_true (vigie_xlsx_export_data (fx->store, &options, again, NULL, NULL, NULL, &error));
  vigie_report_test_assert_same_bytes (path, again, 0);
}

static guint
count_open_files (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/fd", 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
cancel_after_first_cb (double      fraction,
                       const char *stage,
                       gpointer    user_data)
{
  /* Past the first table, while rows are being written. */
  if (fraction > 0.0)
    g_cancellable_cancel (user_data);
}

/* A cancelled export stops at once without assembling the workbook, leaves no file
 * behind and closes every temporary file it opened. */
static void
test_xlsx_cancel (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = g_build_filename (fx->dir, "cancelled.xlsx", NULL);
  g_autoptr(GDir) dir = NULL;
  VigieDataExportOptions options;
  guint before;
  guint n_files = 0;

  vigie_data_export_options_init (&options);
  before = count_open_files ();
  g_assert_false (vigie_xlsx_export_data (fx->store, &options, path, cancel_after_first_cb,
                                          cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_open_files (), ==, before);
  dir = g_dir_open (fx->dir, 0, NULL);
  for (const char *name = g_dir_read_name (dir); name != NULL; name = g_dir_read_name (dir))
    if (strstr (name, "cancelled") != NULL)
      n_files++;
  g_assert_cmpuint (n_files, ==, 0);
}

static void
test_csv_parse_back (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (fx->dir, "csv", NULL);
  g_autofree char *sites = g_build_filename (dir, "sites.csv", NULL);
  g_autofree char *findings = g_build_filename (dir, "findings.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(VigieCsvReader) reader = NULL;
  VigieDataExportOptions options;
  guint n_fields;
  int title = -1, observed = -1;

  vigie_data_export_options_init (&options);
  g_assert_true (vigie_csv_export_data (fx->store, &options, dir, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Formula guard: every hostile name is prefixed with ' and quoted as RFC 4180 wants. */
  g_assert_true (g_file_get_contents (sites, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "id,uuid,name,"));
  g_assert_null (strstr (contents, ",notes"));
  g_assert_nonnull (strstr (contents, ",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","));
  g_assert_nonnull (strstr (contents, ",'+1,"));
  g_assert_nonnull (strstr (contents, ",'-1+1,"));
  g_assert_nonnull (strstr (contents, ",'@SUM(A1),"));
  g_assert_nonnull (strstr (contents, "\r\n"));

  /* Parsed back with the project's CSV reader: the header, then one public finding with
   * its ISO date and its title as written. */
  reader = vigie_csv_reader_new_for_path (findings, &error);
  g_assert_no_error (error);
  g_assert_true (vigie_csv_reader_next (reader, NULL, &error));
  n_fields = vigie_csv_reader_get_n_fields (reader);
  for (guint i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (vigie_csv_reader_get_field (reader, i), "title") == 0)
        title = (int) i;
      if (g_strcmp0 (vigie_csv_reader_get_field (reader, i), "first_observed") == 0)
        observed = (int) i;
      g_assert_cmpstr (vigie_csv_reader_get_field (reader, i), !=, "notes");
    }
  g_assert_cmpint (title, >=, 0);
  g_assert_cmpint (observed, >=, 0);
  g_assert_true (vigie_csv_reader_next (reader, NULL, &error));
  g_assert_cmpuint (vigie_csv_reader_get_n_fields (reader), ==, n_fields);
  g_assert_cmpstr (vigie_csv_reader_get_field (reader, title), ==, "Passports retained by the employer");
  g_assert_cmpstr (vigie_csv_reader_get_field (reader, observed), ==, "2026-02-05");
  g_assert_false (vigie_csv_reader_next (reader, NULL, &error));
  g_assert_no_error (error);
}

/* Screenshots of a realistic report from the demo dataset, English and French. */
static void
test_demo_screenshots (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_build_filename (fx->dir, "demo.db", NULL);
  g_autoptr(VigieStore) demo = vigie_store_open (db, &error);
  VigieDemoOptions demo_options = { 0, };
  const char *languages[] = { "en", "fr" };
  sqlite3_stmt *stmt;
  gint64 site_id;

  g_assert_no_error (error);
  demo_options.n_sites = 20;
  demo_options.n_findings = 200;
  demo_options.seed = 1;
  g_assert_true (vigie_demo_generate (demo, &demo_options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  /* The site with a chemical inventory that has the most public findings. */
  stmt = vigie_store_prepare (demo, "SELECT p.site_id FROM chemical_products p GROUP BY p.site_id"
                                    " ORDER BY (SELECT count(*) FROM findings f WHERE f.site_id ="
                                    " p.site_id AND f.disclosure_level = 'public') DESC, p.site_id"
                                    " LIMIT 1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  site_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    for (int public = 0; public < 2; public++)
      {
        g_autofree char *path = g_strdup_printf ("%s/demo-%s-%d.pdf", fx->dir, languages[l], public);
        g_autofree char *prefix = g_strdup_printf ("report-%s-%s", public ? "public" : "factory",
                                                   languages[l]);
        VigieReportOptions options;
        int n_pages = 0;

        vigie_report_options_init (&options);
        options.level = public ? VIGIE_LEVEL_PUBLIC : VIGIE_LEVEL_INTERNAL;
        options.language = languages[l];
        options.author = AUTHOR;
        g_assert_true (vigie_pdf_write_site_report (demo, site_id, &options, path, &n_pages, NULL,
                                                    &error));
        g_assert_no_error (error);
        g_assert_cmpint (n_pages, >=, 2);
        vigie_report_test_assert_qpdf_ok (path);
        save_screenshots (path, prefix);
      }
}

int
main (int    argc,
      char **argv)
{
  vigie_report_test_init (&argc, &argv);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, set_up, fn, \
                                  vigie_report_test_fixture_tear_down)
  ADD ("/report/pdf/read-back", test_pdf_read_back);
  ADD ("/report/pdf/reproducible", test_pdf_reproducible);
  ADD ("/report/pdf/public-redaction", test_pdf_public);
  ADD ("/report/pdf/french", test_pdf_french);
  ADD ("/report/data/redaction", test_data_redaction);
  ADD ("/report/data/xlsx-openpyxl", test_xlsx_openpyxl);
  ADD ("/report/data/xlsx-cancel", test_xlsx_cancel);
  ADD ("/report/data/csv-parse-back", test_csv_parse_back);
  ADD ("/report/pdf/demo-screenshots", test_demo_screenshots);
#undef ADD
  return g_test_run ();
}

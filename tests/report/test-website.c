/* test-website.c — the transparency website: the redaction proof (no marker of anything
 * non-public in any byte of any file), byte-identical exports, sites.csv re-imported by
 * the factories importer into an empty dataset giving the same sites, the structure of
 * the pages (languages, links, accessible tables and charts), French dates and numbers,
 * and the SVG post-processing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include "report-test-util.h"
#include "vigie-import.h"
#include "vigie-site.h"
#include "vigie-store-private.h"
#include "vigie-website-private.h"
#include "vigie-website.h"

/* Markers in every place a secret can hide. */
static const char * const markers[] = {
  "MKSITENOTES",            /* sites.notes */
  "MKWORKFORCENOTES",       /* workforce_snapshots.notes */
  "MKINVNOTES",             /* investigations.notes */
  "MKACTIVITYNOTES",        /* investigation_activities.notes */
  "MKFINDINGNOTES",         /* findings.notes of a public finding */
  "MKHIDDENFINDING",        /* title of an internal finding */
  "MKHIDDENDESC",           /* its description */
  "MKBRANDFINDING",         /* a finding for the brand, not the public */
  "MKAFFILIATEFINDING",     /* a finding for the affiliates, not the public */
  "MKHIDDENEVIDENCE",       /* non-confidential evidence of a hidden finding */
  "MKHIDDENACTION",         /* action of a hidden finding */
  "MKEVIDENCENOTES",        /* evidence.notes of public testimony */
  "MKNOCONSENTQUOTE",       /* testimony without consent to quote */
  "MKCONFIDENTIALSUMMARY",  /* confidential evidence summary */
  "MKCONFPSEUDONYM",        /* pseudonym of confidential testimony */
  "MKEVIDENCEFILE",         /* evidence file name */
  "MKACTIONNOTES",          /* remediation_actions.notes */
  "MKGRIEVANCENOTES",       /* grievances.notes */
  "MKHISTORYNOTE",          /* remediation_status_history.note */
  "MKCHANGEDBY",            /* remediation_status_history.changed_by */
  "MKCHEMNOTES",            /* chemical_products.notes */
  "2025-12-24",             /* the date a testimony was collected */
  "24 December 2025",
  "24 Dec 2025",
  "0123456789abcdef",       /* the SHA-256 of an evidence file */
};

static const char fixture_sql[] =
  "INSERT INTO sites (id, uuid, name, native_name, address, country, latitude, longitude, os_id,"
  "  parent_company, employer, location_type, products, notes, created_at, updated_at)"
  " VALUES (1, 's1', 'Lotus Assembly Works', '莲花装配厂', '12 River Road, Dongguan', 'CN',"
  "         22.9468, 113.7518, NULL, 'Lotus Holdings', 'Lotus HR', 'final_assembly',"
  "         'laptops,displays', 'MKSITENOTES', 'x', 'x'),"
  "        (2, 's2', 'Pine Circuits', '', 'Lot 7, Free Industrial Zone, Penang', 'MY',"
  "         5.3541, 100.3012, 'MY2019100R6JWSR', '', '', 'component_manufacturing',"
  "         'hdd,pcb,semiconductors', '', 'x', 'x'),"
  "        (3, 's3', 'Harbour Cables', '', 'Quay 4, Haiphong', 'VN', NULL, NULL, NULL,"
  "         'Harbour Group', '', 'warehousing', 'cables,power_supplies,peripherals', '', 'x', 'x'),"
  "        (4, 's4', 'No Address Yet', '', '', 'TH', NULL, NULL, NULL, '', '', 'office', '', '',"
  "         'x', 'x');"
  "INSERT INTO workforce_snapshots (uuid, site_id, as_of, source, total, women, migrant, notes,"
  "  created_at, updated_at) VALUES ('w1', 1, '2026-01-10', 'employer', 4200, 2600, 900,"
  "  'MKWORKFORCENOTES', 'x', 'x');"
  "INSERT INTO workforce_snapshots (uuid, site_id, as_of, source, total_min, total_max, notes,"
  "  created_at, updated_at) VALUES ('w2', 2, '2026-03-01', 'public', 1001, 5000, '', 'x', 'x');"
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
  "  'forced_labour', 'critical', 1300, 1, '2026-02-05', 'The employer returned some passports.',"
  "  'public', 'open', 'MKFINDINGNOTES', 'x', 'x'),"
  " (2, 'f2', 1, 1, 'MKHIDDENFINDING overtime', 'MKHIDDENDESC', 'working_hours', 'major', NULL, 0,"
  "  '2026-02-06', '', 'internal', 'open', '', 'x', 'x'),"
  " (3, 'f3', 1, 1, 'MKBRANDFINDING wages', 'Late wages.', 'wages_benefits', 'minor', NULL, 0,"
  "  '2026-02-07', '', 'brand', 'open', '', 'x', 'x'),"
  " (4, 'f4', 1, 1, 'MKAFFILIATEFINDING fees', 'Fees.', 'wages_benefits', 'minor', NULL, 0,"
  "  '2026-02-07', '', 'affiliates', 'open', '', 'x', 'x'),"
  " (5, 'f5', 2, NULL, 'No chairs on the line', 'Workers stand for twelve hours.',"
  "  'health_safety', 'minor', 80, 0, '2025-11-02', '', 'public', 'closed', '', 'x', 'x');"
  "INSERT INTO finding_standards SELECT 1, s.id FROM standards s JOIN code_standards c"
  "  ON c.id = s.code_id WHERE c.code = 'vigie' AND s.key = 'forced_labour';"
  "INSERT INTO finding_standards SELECT 5, s.id FROM standards s JOIN code_standards c"
  "  ON c.id = s.code_id WHERE c.code = 'vigie' AND s.key = 'health_safety';"
  "INSERT INTO finding_indicators SELECT 1, id FROM fl_indicators"
  "  WHERE code = 'retention_of_documents';"
  "INSERT INTO evidence (uuid, finding_id, kind, summary, sources_count, pseudonym,"
  "  consent_to_quote, collected_on, confidential, notes, file_name, file_sha256, file_size,"
  "  media_type, created_at, updated_at) VALUES"
  " ('e1', 1, 'testimony', 'They kept my passport for two years.', 3, 'Worker Lotus', 1,"
  "  '2025-12-24', 0, 'MKEVIDENCENOTES', 'MKEVIDENCEFILE.ogg',"
  "  '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 1234, 'audio/ogg',"
  "  'x', 'x'),"
  " ('e2', 1, 'testimony', 'MKNOCONSENTQUOTE', 1, 'Worker Pine', 0, '2025-12-24', 0, '', NULL,"
  "  NULL, NULL, NULL, 'x', 'x'),"
  " ('e3', 1, 'document', 'MKCONFIDENTIALSUMMARY', 1, NULL, 0, '2026-02-04', 1, '', NULL, NULL,"
  "  NULL, NULL, 'x', 'x'),"
  " ('e4', 1, 'testimony', 'Confidential account.', 1, 'MKCONFPSEUDONYM', 1, NULL, 1, '', NULL,"
  "  NULL, NULL, NULL, 'x', 'x'),"
  " ('e5', 2, 'document', 'MKHIDDENEVIDENCE', 1, NULL, 0, NULL, 0, '', NULL, NULL, NULL, NULL,"
  "  'x', 'x');"
  "INSERT INTO remediation_actions (id, uuid, finding_id, description, opened_on, due_on, status,"
  "  notes, created_at, updated_at) VALUES"
  " (1, 'r1', 1, 'Return every passport to its owner', '2026-02-10', '2026-03-10', 'in_progress',"
  "  'MKACTIONNOTES', 'x', 'x'),"
  " (2, 'r2', 2, 'MKHIDDENACTION cap overtime', '2026-02-11', '2026-05-11', 'proposed', '', 'x', 'x'),"
  " (3, 'r3', 5, 'Provide chairs on every line', '2025-11-10', '2026-01-10', 'closed', '', 'x', 'x');"
  "INSERT INTO remediation_status_history (action_id, from_status, to_status, changed_on,"
  "  changed_by, note) VALUES (1, NULL, 'proposed', '2026-02-10', 'MKCHANGEDBY', 'MKHISTORYNOTE'),"
  "  (1, 'proposed', 'in_progress', '2026-02-20', 'MKCHANGEDBY', 'MKHISTORYNOTE'),"
  "  (2, NULL, 'proposed', '2026-02-11', 'analyst', ''),"
  "  (3, NULL, 'proposed', '2025-11-10', 'analyst', ''),"
  "  (3, 'proposed', 'closed', '2026-01-05', 'analyst', '');"
  "INSERT INTO grievances (uuid, site_id, received_on, channel, complainants, topic, status,"
  "  finding_id, notes, created_at, updated_at) VALUES ('g1', 1, '2026-01-20', 'hotline', 4,"
  "  'Passports', 'investigating', 2, 'MKGRIEVANCENOTES', 'x', 'x');"
  "INSERT INTO chemical_products (id, uuid, site_id, period, trade_name, process, workers_exposed,"
  "  women_exposed, notes, created_at, updated_at) VALUES (1, 'c1', 1, '2026', 'Solvent X',"
  "  'cleaning', 35, 20, 'MKCHEMNOTES', 'x', 'x');"
  "INSERT INTO product_hazards VALUES (1, 'H350');";

typedef VigieReportFixture Fixture;

static void
set_up (Fixture       *fx,
        gconstpointer  data)
{
  vigie_report_test_fixture_set_up (fx, "vigie-website-XXXXXX", fixture_sql);
}

static const char * const en_fr[] = { "en", "fr", NULL };

static char *
export (Fixture    *fx,
        const char *name,
        const char *now)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fx->dir, name, NULL);
  VigieWebsiteOptions options;

  vigie_website_options_init (&options);
  options.languages = en_fr;
  options.now = now;
  g_assert_true (vigie_website_write (fx->store, &options, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* Every file under ROOT, relative, sorted. */
static void
collect_files (const char *root,
               const char *relative,
               GPtrArray  *out)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = relative[0] != '\0' ? g_build_filename (relative, name, NULL)
                                                   : g_strdup (name);
      g_autofree char *full = g_build_filename (root, child, NULL);

      if (g_file_test (full, G_FILE_TEST_IS_DIR))
        collect_files (root, child, out);
      else
        g_ptr_array_add (out, g_steal_pointer (&child));
    }
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
list_files (const char *root)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);

  collect_files (root, "", files);
  g_ptr_array_sort (files, compare_paths);
  return files;
}

static char *
read_file (const char *root,
           const char *relative,
           gsize      *length)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, &error));
  g_assert_no_error (error);
  return contents;
}

static gboolean
contains (const char *haystack,
          gsize       length,
          const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; n <= length && i <= length - n; i++)
    if (haystack[i] == needle[0] && memcmp (haystack + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* ─── The redaction proof ────────────────────────────────────────────────── */

static void
test_redaction (Fixture       *fx,
                gconstpointer  data)
{
  g_autofree char *root = export (fx, "site", NULL);
  g_autoptr(GPtrArray) files = list_files (root);
  g_autoptr(GString) all = g_string_new (NULL);
  guint n_html = 0;

  g_assert_cmpuint (files->len, >=, 20);
  for (guint i = 0; i < files->len; i++)
    {
      const char *relative = g_ptr_array_index (files, i);
      gsize length;
      g_autofree char *contents = read_file (root, relative, &length);
      g_autofree char *path = g_build_filename (root, relative, NULL);
      struct stat st;

      /* Every byte of every file, whatever its kind. */
      for (guint m = 0; m < G_N_ELEMENTS (markers); m++)
        if (contains (contents, length, markers[m]))
          g_error ("%s leaked into %s", markers[m], relative);
      g_string_append_len (all, contents, length);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0644);
      if (g_str_has_suffix (relative, ".html"))
        n_html++;
    }
  /* index.html, then per language: index, data, 4 sites. */
  g_assert_cmpuint (n_html, ==, 1 + 2 * (2 + 4));

  /* What the public may see is there: the test can tell a page from an empty one. */
  g_assert_true (contains (all->str, all->len, "Passports retained by the employer"));
  g_assert_true (contains (all->str, all->len, "Worker Lotus"));
  g_assert_true (contains (all->str, all->len, "They kept my passport for two years."));
  g_assert_true (contains (all->str, all->len, "Worker Pine"));   /* pseudonym, not the quote */
  g_assert_true (contains (all->str, all->len, "Return every passport to its owner"));
  g_assert_true (contains (all->str, all->len, "Solvent X"));
  g_assert_true (contains (all->str, all->len, "retention_of_documents"));
}

/* ─── Reproducible ───────────────────────────────────────────────────────── */

static void
test_reproducible (Fixture       *fx,
                   gconstpointer  data)
{
  g_autofree char *a = export (fx, "a", NULL);
  g_autofree char *b = export (fx, "b", NULL);
  g_autoptr(GPtrArray) files_a = list_files (a);
  g_autoptr(GPtrArray) files_b = list_files (b);
  g_autofree char *dated = export (fx, "dated", "2026-06-15T12:00:00Z");
  g_autofree char *index = NULL;
  g_autofree char *json = NULL;
  gsize length;

  g_assert_cmpuint (files_a->len, ==, files_b->len);
  for (guint i = 0; i < files_a->len; i++)
    {
      gsize la, lb;
      g_autofree char *ca = NULL;
      g_autofree char *cb = NULL;

      g_assert_cmpstr (g_ptr_array_index (files_a, i), ==, g_ptr_array_index (files_b, i));
      ca = read_file (a, g_ptr_array_index (files_a, i), &la);
      cb = read_file (b, g_ptr_array_index (files_b, i), &lb);
      g_assert_cmpmem (ca, la, cb, lb);
    }
  /* No date unless asked; asked, on every page and in the JSON. */
  index = read_file (a, "en/index.html", &length);
  g_assert_false (contains (index, length, "Data as of"));
  g_free (index);
  index = read_file (dated, "en/index.html", &length);
  g_assert_true (contains (index, length, "Data as of 15 June 2026."));
  json = read_file (dated, "data/findings.json", &length);
  g_assert_true (contains (json, length, "\"generated_at\": \"2026-06-15T12:00:00Z\""));

  /* A page of a site that has gone is removed by the next export. */
  {
    g_autofree char *stale = g_build_filename (a, "en", "sites", "gone.html", NULL);
    g_autofree char *again = NULL;

    g_assert_true (g_file_set_contents (stale, "old", -1, NULL));
    again = export (fx, "a", NULL);
    g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  }
}

/* ─── sites.csv back through the importer ────────────────────────────────── */

static void
test_reimport (Fixture       *fx,
               gconstpointer  data)
{
  g_autofree char *root = export (fx, "site", NULL);
  g_autofree char *csv = g_build_filename (root, "data", "sites.csv", NULL);
  g_autofree char *db = g_build_filename (fx->dir, "empty.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieStore) empty = vigie_store_open (db, &error);
  g_autoptr(VigieImportReport) report = NULL;
  GPtrArray *rows;

  g_assert_no_error (error);
  report = vigie_import_factories (empty, csv, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  /* The site without an address cannot be an Open Supply Hub row: three of four. */
  g_assert_cmpuint (vigie_import_report_get_n_rejected (report), ==, 0);
  g_assert_cmpuint (vigie_import_report_get_n_added (report), ==, 3);
  g_assert_true (vigie_import_report_get_written (report));

  rows = vigie_import_report_get_rows (report);
  for (guint i = 0; i < rows->len; i++)
    {
      VigieImportRow *row = g_ptr_array_index (rows, i);
      g_autoptr(VigieSiteRecord) copy = vigie_store_get_site (empty, row->site_id, &error);
      g_autoptr(VigieSiteRecord) original = vigie_store_get_site (fx->store, i + 1, &error);
      g_autoptr(GPtrArray) workforce = NULL;
      g_autoptr(GPtrArray) original_workforce = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (copy->name, ==, original->name);
      g_assert_cmpstr (copy->native_name, ==, original->native_name);
      g_assert_cmpstr (copy->address, ==, original->address);
      g_assert_cmpstr (copy->country, ==, original->country);
      g_assert_cmpstr (copy->os_id, ==, original->os_id);
      g_assert_cmpstr (copy->parent_company, ==, original->parent_company);
      g_assert_cmpstr (copy->location_type, ==, original->location_type);
      g_assert_cmpstr (copy->products, ==, original->products);
      g_assert_true ((isnan (copy->latitude) && isnan (original->latitude))
                     || copy->latitude == original->latitude);
      g_assert_true ((isnan (copy->longitude) && isnan (original->longitude))
                     || copy->longitude == original->longitude);
      /* The latest number of workers (a total, or a range) comes back too. */
      workforce = vigie_store_list_workforce (empty, row->site_id, &error);
      original_workforce = vigie_store_list_workforce (fx->store, original->id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (workforce->len, ==, original_workforce->len);
      if (workforce->len > 0)
        {
          VigieWorkforceRecord *w = g_ptr_array_index (workforce, 0);
          VigieWorkforceRecord *o = g_ptr_array_index (original_workforce, 0);

          g_assert_cmpint (w->total, ==, o->total);
          g_assert_cmpint (w->total_min, ==, o->total_min);
          g_assert_cmpint (w->total_max, ==, o->total_max);
        }
    }
}

/* ─── The pages ──────────────────────────────────────────────────────────── */

/* The value of every id="..." in HTML, to check they are unique. */
static void
assert_unique_ids (const char *html,
                   const char *name)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (const char *p = html; (p = strstr (p, " id=\"")) != NULL; )
    {
      const char *end = strchr (p + 5, '"');
      g_autofree char *id = g_strndup (p + 5, end - (p + 5));

      if (g_hash_table_contains (seen, id))
        g_error ("%s: the id “%s” appears twice", name, id);
      g_hash_table_add (seen, g_steal_pointer (&id));
      p = end;
    }
  g_assert_cmpuint (g_hash_table_size (seen), >, 5);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = haystack; (p = strstr (p, needle)) != NULL; p += strlen (needle))
    n++;
  return n;
}

static void
test_pages (Fixture       *fx,
            gconstpointer  data)
{
  g_autofree char *root = export (fx, "site", "2026-06-15T12:00:00Z");
  g_autofree char *index = NULL, *page = NULL, *fr_page = NULL, *fr_index = NULL;
  g_autofree char *home = NULL, *data_page = NULL, *css = NULL, *readme = NULL;
  gsize length;

  /* The root links every language. */
  home = read_file (root, "index.html", &length);
  g_assert_true (contains (home, length, "href=\"en/index.html\""));
  g_assert_true (contains (home, length, "href=\"fr/index.html\""));
  g_assert_true (contains (home, length, "Français"));

  /* The index: every site linked, rows carrying country and themes for the filter, the
   * filter hidden until the script shows it, an accessible table and chart. */
  index = read_file (root, "en/index.html", &length);
  g_assert_true (g_str_has_prefix (index, "<!DOCTYPE html>\n<html lang=\"en\">"));
  for (guint i = 1; i <= 4; i++)
    {
      g_autofree char *link = g_strdup_printf ("href=\"sites/s%u.html\"", i);

      g_assert_true (contains (index, length, link));
    }
  g_assert_true (contains (index, length, "<tr data-country=\"CN\" data-themes=\"forced_labour\">"));
  g_assert_true (contains (index, length, "<tr data-country=\"MY\" data-themes=\"health_safety\">"));
  g_assert_true (contains (index, length, "<form id=\"site-filters\" class=\"filters\" hidden>"));
  g_assert_true (contains (index, length, "<option value=\"MY\">Malaysia</option>"));
  g_assert_true (contains (index, length, "<script src=\"../filter.js\"></script>"));
  g_assert_true (contains (index, length, "<caption id=\"sites-table-caption\">"));
  g_assert_true (contains (index, length, "<th scope=\"col\">Country</th>"));
  g_assert_true (contains (index, length, "<a class=\"skip-link\" href=\"#main\">"));
  g_assert_true (contains (index, length, "<main id=\"main\""));
  g_assert_true (contains (index, length, "href=\"../fr/index.html\" hreflang=\"fr\" lang=\"fr\""));
  g_assert_true (contains (index, length, "role=\"img\" aria-labelledby=\"chart-themes-title chart-themes-desc\""));
  /* The chart's description carries the numbers. */
  g_assert_true (contains (index, length, "Forced labour and fair recruitment: 1 (Critical 1)"));
  /* 1 of 2 public actions done, 1 overdue on 15 June 2026. */
  g_assert_true (contains (index, length, "<dt>Remediation actions done</dt><dd>1 of 2</dd>"));
  g_assert_true (contains (index, length, "<dt>Actions overdue</dt><dd>1</dd>"));
  g_assert_true (contains (index, length, "1 of 1 action done"));
  g_assert_true (contains (index, length, "<span class=\"overdue\">1 overdue</span>"));
  g_assert_true (contains (index, length, "Data as of 15 June 2026."));
  assert_unique_ids (index, "en/index.html");

  /* A site page: its sections, the public finding with standards and indicators, the
   * remediation with its overdue action, the charts inline with unique ids. */
  page = read_file (root, "en/sites/s1.html", &length);
  g_assert_true (contains (page, length, "<h1>Lotus Assembly Works</h1>"));
  g_assert_true (contains (page, length, "莲花装配厂"));
  g_assert_true (contains (page, length, "href=\"../../fr/sites/s1.html\""));
  g_assert_true (contains (page, length, "href=\"../../style.css\""));
  g_assert_true (contains (page, length, "Forced labour and fair recruitment"));
  g_assert_true (contains (page, length, "Retention of identity documents"));
  g_assert_true (contains (page, length, "In progress (overdue by 97 days)"));
  g_assert_true (contains (page, length, "4,200"));
  g_assert_true (contains (page, length, "5 February 2026"));
  g_assert_true (contains (page, length, "id=\"remediation\""));
  g_assert_true (contains (page, length, "id=\"chemicals\""));
  g_assert_cmpuint (count (page, "<svg "), >=, 3);    /* themes, status, timeline */
  g_assert_cmpuint (count (page, "<svg "), ==, count (page, "<title id="));
  g_assert_cmpuint (count (page, "<svg "), ==, count (page, "<desc id="));
  g_assert_null (strstr (page, "<?xml"));
  assert_unique_ids (page, "en/sites/s1.html");

  /* French: the page in French with French dates and numbers, the data unchanged. */
  fr_page = read_file (root, "fr/sites/s1.html", &length);
  g_assert_true (g_str_has_prefix (fr_page, "<!DOCTYPE html>\n<html lang=\"fr\">"));
  g_assert_true (contains (fr_page, length, "Travail forcé et recrutement équitable"));
  g_assert_true (contains (fr_page, length, "5 février 2026"));
  g_assert_true (contains (fr_page, length, "4\u202F200"));
  g_assert_true (contains (fr_page, length, "Constats critiques"));
  g_assert_false (contains (fr_page, length, "5 February 2026"));
  fr_index = read_file (root, "fr/index.html", &length);
  g_assert_true (contains (fr_index, length, "<option value=\"MY\">Malaisie</option>"));

  /* The data page describes every column; the README in English too. */
  data_page = read_file (root, "en/data.html", &length);
  g_assert_true (contains (data_page, length, "<code>forced_labour_indicators</code>"));
  g_assert_true (contains (data_page, length, "href=\"../data/sites.csv\""));
  readme = read_file (root, "data/README.md", &length);
  g_assert_true (contains (readme, length, "| `number_of_workers` |"));
  g_assert_true (contains (readme, length, "| `status_history` |"));

  /* No external resource, system fonts, visible focus. */
  css = read_file (root, "style.css", &length);
  g_assert_false (contains (css, length, "@import"));
  g_assert_false (contains (css, length, "url("));
  g_assert_true (contains (css, length, ":focus-visible"));
  g_assert_true (contains (css, length, "system-ui"));
}

static void
test_open_data (Fixture       *fx,
                gconstpointer  data)
{
  g_autofree char *root = export (fx, "site", "2026-06-15T12:00:00Z");
  g_autofree char *findings = NULL, *actions = NULL, *json = NULL, *sites = NULL;
  gsize length;

  sites = read_file (root, "data/sites.csv", &length);
  g_assert_true (g_str_has_prefix (sites, "country,name,address,sector,lat,lng,os_id,"
                                          "number_of_workers,parent_company,facility_type,"
                                          "processing_type,product_type,native_language_name,"
                                          "site_id,is_closed\r\n"));
  /* (Coordinates are written exactly: the re-import test reads them back.) */
  g_assert_true (contains (sites, length,
                           "\r\nMY,Pine Circuits,\"Lot 7, Free Industrial Zone, Penang\",Electronics,5.35"));
  g_assert_true (contains (sites, length,
                           ",MY2019100R6JWSR,1001-5000,,Component manufacturing,,"
                           "\"Hard disk drives, Printed circuit boards, Semiconductors\",,s2,false\r\n"));
  g_assert_true (contains (sites, length,
                           "\r\nVN,Harbour Cables,\"Quay 4, Haiphong\",Electronics,,,,,Harbour Group,"
                           "Warehousing,,\"Cables, Power supplies, Keyboards and mice\",,s3,false\r\n"));
  g_assert_false (contains (sites, length, "No Address Yet"));

  findings = read_file (root, "data/findings.csv", &length);
  g_assert_cmpuint (count (findings, "\r\n"), ==, 3);     /* header and two public findings */
  g_assert_true (contains (findings, length, "f1,s1,Lotus Assembly Works,CN,Passports retained"));
  g_assert_true (contains (findings, length, "vigie:forced_labour,retention_of_documents,2,4,2,"));

  actions = read_file (root, "data/remediation.csv", &length);
  g_assert_cmpuint (count (actions, "\r\n"), ==, 3);
  g_assert_true (contains (actions, length, ",in_progress,informal,1,97,2026-02-10 proposed; 2026-02-20 in_progress\r\n"));

  json = read_file (root, "data/findings.json", &length);
  g_assert_true (contains (json, length, "\"pseudonym\": \"Worker Lotus\", \"summary\": \"They kept my passport for two years.\", \"sources\": 3"));
  g_assert_true (contains (json, length, "\"pseudonym\": \"Worker Pine\", \"summary\": null"));
  g_free (json);
  json = read_file (root, "data/remediation.json", &length);
  g_assert_true (contains (json, length, "\"overdue\": true, \"days_overdue\": 97"));
  g_assert_true (contains (json, length, "{\"on\": \"2026-02-10\", \"from\": null, \"to\": \"proposed\"}"));
}

static void
test_languages (Fixture       *fx,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "bad", NULL);
  const char * const bad_code[] = { "en", "FR!", NULL };
  const char * const unknown[] = { "xx", NULL };
  g_auto(GStrv) defaults = vigie_website_default_languages ();
  g_autoptr(GError) error = NULL;
  VigieWebsiteOptions options;

  /* English first, then every catalogue of this build (French at least). */
  g_assert_cmpstr (defaults[0], ==, "en");
  g_assert_true (g_strv_contains ((const char * const *) defaults, "fr"));

  vigie_website_options_init (&options);
  options.languages = bad_code;
  g_assert_false (vigie_website_write (fx->store, &options, path, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  options.languages = unknown;
  g_assert_false (vigie_website_write (fx->store, &options, path, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_cancel (Fixture       *fx,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "cancelled", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (vigie_website_write (fx->store, NULL, path, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* ─── SVG ────────────────────────────────────────────────────────────────── */

static void
test_svg_normalise (void)
{
  const char *svg =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200pt\" height=\"100pt\" "
    "viewBox=\"0 0 200 100\" version=\"1.1\">\n"
    "<defs><symbol overflow=\"visible\" id=\"glyph3-7\"><path d=\"M 0.640625 -2.749999 Z\"/></symbol>"
    "<clipPath id=\"clip42\"><rect x=\"0\" y=\"0\" width=\"10\" height=\"10\"/></clipPath></defs>\n"
    "<g id=\"surface99\" clip-path=\"url(#clip42)\"><use xlink:href=\"#glyph3-7\" x=\"12.345678\" "
    "y=\"-0.001\"/></g>\n</svg>\n";
  g_autofree char *out = website_svg_normalise (svg, "c1", "A & B", "Numbers <1>");

  g_assert_cmpstr (out, ==,
                   "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                   "class=\"chart\" width=\"200\" height=\"100\" viewBox=\"0 0 200 100\" role=\"img\" "
                   "aria-labelledby=\"c1-title c1-desc\" focusable=\"false\">"
                   "<title id=\"c1-title\">A &amp; B</title><desc id=\"c1-desc\">Numbers &lt;1&gt;</desc>\n"
                   "<defs><symbol overflow=\"visible\" id=\"c1-1\"><path d=\"M 0.64 -2.75 Z\"/></symbol>"
                   "<clipPath id=\"c1-2\"><rect x=\"0\" y=\"0\" width=\"10\" height=\"10\"/></clipPath></defs>\n"
                   "<g id=\"c1-3\" clip-path=\"url(#c1-2)\"><use xlink:href=\"#c1-1\" x=\"12.35\" y=\"0\"/></g>\n"
                   "</svg>");
}

int
main (int    argc,
      char **argv)
{
  vigie_report_test_init (&argc, &argv);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, set_up, fn, \
                                  vigie_report_test_fixture_tear_down)
  ADD ("/website/redaction", test_redaction);
  ADD ("/website/reproducible", test_reproducible);
  ADD ("/website/reimport", test_reimport);
  ADD ("/website/pages", test_pages);
  ADD ("/website/open-data", test_open_data);
  ADD ("/website/languages", test_languages);
  ADD ("/website/cancel", test_cancel);
#undef ADD
  g_test_add_func ("/website/svg-normalise", test_svg_normalise);
  return g_test_run ();
}

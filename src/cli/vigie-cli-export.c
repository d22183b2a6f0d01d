/* vigie-cli-export.c — `vigie-cli export report|data|annual|site`: reports as PDF, the data as
 * XLSX or CSV, at a disclosure level.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vigie-annual-report.h"
#include "vigie-cli-private.h"
#include "vigie-data-export.h"
#include "vigie-pdf-report.h"
#include "vigie-redact.h"
#include "vigie-reference.h"
#include "vigie-site.h"
#include "vigie-util.h"
#include "vigie-validate.h"
#include "vigie-website.h"

static gboolean
parse_level (const char           *text,
             VigieDisclosureLevel *level)
{
  if (text == NULL)
    return TRUE;
  return vigie_disclosure_level_parse (text, level);
}

static int
run_export_report (Globals  *globals,
                   int       argc,
                   char    **argv)
{
  g_autofree char *site_text = NULL;
  g_autofree char *level_text = NULL;
  g_autofree char *language = NULL;
  g_autofree char *output = NULL;
  g_autofree char *author = NULL;
  int year = 0;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VigieStore) store = NULL;
  g_autoptr(VigieSiteRecord) site = NULL;
  g_autoptr(GError) error = NULL;
  VigieReportOptions options;
  gint64 site_id;
  char *end = NULL;
  int n_pages = 0;
  int status;
  const GOptionEntry entries[] = {
    { "site", 's', 0, G_OPTION_ARG_STRING, &site_text, N_("The site (factory) to report on"),
      N_("ID") },
    { "level", 'l', 0, G_OPTION_ARG_STRING, &level_text,
      N_("Disclosure level: internal, workers, employer, brand, affiliates or public "
         "(default: public)"), N_("LEVEL") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("Language of the report, e.g. en or fr (default: the language of the command)"),
      N_("LANG") },
    { "year", 'y', 0, G_OPTION_ARG_INT, &year,
      N_("Only the investigations of this year and the findings open during it"), N_("YEAR") },
    { "author", 0, 0, G_OPTION_ARG_STRING, &author, N_("Author written in the document"),
      N_("NAME") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"),
      N_("FILE.pdf") },
    { NULL }
  };

  context = vigie_cli_command_context (globals, "export report", "",
                                       N_("Writes the factory compliance report of a site as "
                                          "PDF. At level “public” it is the public monitoring\n"
                                          "status report: only public findings, testimony only "
                                          "under pseudonyms, no confidential\nevidence and no "
                                          "internal notes."),
                                       entries);
  if (!vigie_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return vigie_cli_usage_error (context, _("“export report” takes no arguments"));
  if (site_text == NULL)
    return vigie_cli_usage_error (context, _("--site is required"));
  site_id = g_ascii_strtoll (site_text, &end, 10);
  if (end == site_text || *end != '\0' || site_id <= 0)
    return vigie_cli_usage_error (context, _("--site needs the number of a site"));
  vigie_report_options_init (&options);
  if (!parse_level (level_text, &options.level))
    return vigie_cli_usage_error (context, _("--level must be one of internal, workers, "
                                             "employer, brand, affiliates, public"));
  if (year != 0 && (year < 1900 || year > 9999))
    return vigie_cli_usage_error (context, _("--year needs a year from 1900 to 9999"));
  if (output == NULL)
    return vigie_cli_usage_error (context, _("--output is required"));

  store = vigie_cli_open_existing (globals);
  if (store == NULL)
    return VIGIE_CLI_BAD_INPUT;
  site = vigie_store_get_site (store, site_id, &error);
  if (site == NULL)
    {
      if (g_error_matches (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND))
        {
          g_autofree char *message = g_strdup_printf (_("There is no site %lld in the dataset."),
                                                      (long long) site_id);

          vigie_cli_print_error (message);
        }
      else
        vigie_cli_print_error (error->message);
      return VIGIE_CLI_BAD_INPUT;
    }

  options.year = year;
  options.language = language;
  options.author = author != NULL ? author : g_get_real_name ();
  if (vigie_cli_want_progress (globals))
    g_printerr (_("Writing the report of %s…\n"), site->name);
  if (!vigie_pdf_write_site_report (store, site_id, &options, output, &n_pages, NULL, &error))
    {
      vigie_cli_print_error (error->message);
      return VIGIE_CLI_BAD_INPUT;
    }
  if (vigie_cli_want_progress (globals))
    /* Translators: %1$s is the file written, %2$d its number of pages */
    g_printerr (g_dngettext (NULL, "%1$s: %2$d page\n", "%1$s: %2$d pages\n", n_pages), output,
                n_pages);
  return VIGIE_CLI_OK;
}

static int
run_export_data (Globals  *globals,
                 int       argc,
                 char    **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *level_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *author = NULL;
  gboolean in_memory = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VigieStore) store = NULL;
  g_autoptr(GError) error = NULL;
  ProgressState progress = { .tty = isatty (STDERR_FILENO), .last_percent = -1 };
  VigieDataExportOptions options;
  VigieProgressFunc progress_cb;
  gboolean ok;
  int status;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("xlsx (one workbook) or csv (a folder of files)"),
      N_("FORMAT") },
    { "level", 'l', 0, G_OPTION_ARG_STRING, &level_text,
      N_("Disclosure level: internal, workers, employer, brand, affiliates or public "
         "(default: public)"), N_("LEVEL") },
    { "author", 0, 0, G_OPTION_ARG_STRING, &author, N_("Author written in the workbook"),
      N_("NAME") },
    { "in-memory", 0, 0, G_OPTION_ARG_NONE, &in_memory,
      N_("XLSX: build the workbook in memory instead of streaming rows to disk"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The XLSX file, or the folder of the CSV files"), N_("PATH") },
    { "progress", 0, 0, G_OPTION_ARG_NONE, &globals->show_progress,
      N_("Show progress on stderr even when it is not a terminal"), NULL },
    { NULL }
  };

  context = vigie_cli_command_context (globals, "export data", "",
                                       N_("Exports every table of the dataset at a disclosure "
                                          "level: an XLSX workbook with a sheet per\ntable, or a "
                                          "folder with a CSV file per table."),
                                       entries);
  if (!vigie_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return vigie_cli_usage_error (context, _("“export data” takes no arguments"));
  if (format == NULL || (strcmp (format, "xlsx") != 0 && strcmp (format, "csv") != 0))
    return vigie_cli_usage_error (context, _("--format must be xlsx or csv"));
  vigie_data_export_options_init (&options);
  if (!parse_level (level_text, &options.level))
    return vigie_cli_usage_error (context, _("--level must be one of internal, workers, "
                                             "employer, brand, affiliates, public"));
  if (output == NULL)
    return vigie_cli_usage_error (context, _("--output is required"));

  store = vigie_cli_open_existing (globals);
  if (store == NULL)
    return VIGIE_CLI_BAD_INPUT;
  options.author = author != NULL ? author : g_get_real_name ();
  options.constant_memory = !in_memory;
  progress_cb = vigie_cli_want_progress (globals) ? vigie_cli_progress_cb : NULL;
  if (strcmp (format, "xlsx") == 0)
    ok = vigie_xlsx_export_data (store, &options, output, progress_cb, &progress, NULL, &error);
  else
    ok = vigie_csv_export_data (store, &options, output, progress_cb, &progress, NULL, &error);
  vigie_cli_progress_finish (&progress, ok);
  if (!ok)
    {
      vigie_cli_print_error (error->message);
      return VIGIE_CLI_BAD_INPUT;
    }
  return VIGIE_CLI_OK;
}

/* `export annual`: the annual report figures as PDF or XLSX. */
static int
run_export_annual (Globals  *globals,
                   int       argc,
                   char    **argv)
{
  g_autofree char *country = NULL;
  g_autofree char *language = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *author = NULL;
  g_autofree char *today = NULL;
  g_autofree char *reason = NULL;
  int year = 0;
  gint64 buyer = 0;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VigieStore) store = NULL;
  g_autoptr(GError) error = NULL;
  ProgressState progress = { .tty = isatty (STDERR_FILENO), .last_percent = -1 };
  VigieProgressFunc progress_cb;
  VigieAnnualOptions options;
  gboolean xlsx, ok;
  int n_pages = 0;
  int status;
  const GOptionEntry entries[] = {
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, N_("The year to count (required)"), N_("YEAR") },
    { "country", 'c', 0, G_OPTION_ARG_STRING, &country,
      N_("Only sites (and affiliates) of this country (ISO code or name)"), N_("COUNTRY") },
    { "buyer", 'b', 0, G_OPTION_ARG_INT64, &buyer,
      N_("Only what concerns this affiliate or consortium (organisation number)"), N_("ID") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("Language of the report, e.g. en or fr (default: the language of the command)"),
      N_("LANG") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("pdf or xlsx (default: from the name of the output file, else pdf)"), N_("FORMAT") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today,
      N_("Count overdue actions on this date instead of today"), N_("YYYY-MM-DD") },
    { "author", 0, 0, G_OPTION_ARG_STRING, &author, N_("Author written in the document"),
      N_("NAME") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF or XLSX file to write"),
      N_("FILE") },
    { "progress", 0, 0, G_OPTION_ARG_NONE, &globals->show_progress,
      N_("Show progress on stderr even when it is not a terminal"), NULL },
    { NULL }
  };

  context = vigie_cli_command_context (globals, "export annual", "",
                                       N_("Writes the annual report figures of a year: a PDF "
                                          "with every figure, its chart and the\ntable of its "
                                          "numbers, or an XLSX workbook with a sheet per figure "
                                          "and a native\nchart next to each table. --country "
                                          "and --buyer narrow the figures."),
                                       entries);
  if (!vigie_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return vigie_cli_usage_error (context, _("“export annual” takes no arguments"));
  if (year == 0)
    return vigie_cli_usage_error (context, _("Say which year to count: --year YEAR"));
  if (year < 1900 || year > 9999)
    return vigie_cli_usage_error (context, _("--year needs a year from 1900 to 9999"));
  if (output == NULL)
    return vigie_cli_usage_error (context, _("--output is required"));
  if (format == NULL)
    xlsx = g_str_has_suffix (output, ".xlsx") || g_str_has_suffix (output, ".XLSX");
  else if (strcmp (format, "pdf") == 0 || strcmp (format, "xlsx") == 0)
    xlsx = strcmp (format, "xlsx") == 0;
  else
    return vigie_cli_usage_error (context, _("--format must be pdf or xlsx"));
  if (buyer < 0)
    return vigie_cli_usage_error (context, _("--buyer needs the number of an organisation"));
  if (today != NULL && !vigie_validate_date (today, &reason))
    {
      /* Translators: %s explains what is wrong with the date given to --today */
      g_autofree char *message = g_strdup_printf (_("--today: %s"), reason);

      return vigie_cli_usage_error (context, message);
    }
  if (country != NULL)
    {
      /* A code in any case, or a country name ("Viet Nam", "vietnam"). */
      char *code = vigie_reference_match_country (NULL, country);

      if (code == NULL)
        {
          /* Translators: %s is what was given to --country */
          g_autofree char *message = g_strdup_printf (_("--country: “%s” is not a country "
                                                        "name or ISO 3166-1 code"), country);

          return vigie_cli_usage_error (context, message);
        }
      g_free (country);
      country = code;
    }

  store = vigie_cli_open_existing (globals);
  if (store == NULL)
    return VIGIE_CLI_BAD_INPUT;

  vigie_annual_options_init (&options);
  options.year = year;
  options.country = country;
  options.buyer_id = buyer;
  options.language = language;
  options.author = author != NULL ? author : g_get_real_name ();
  options.today = today;
  progress_cb = vigie_cli_want_progress (globals) ? vigie_cli_progress_cb : NULL;
  if (xlsx)
    ok = vigie_xlsx_write_annual_report (store, &options, output, progress_cb, &progress, NULL,
                                         &error);
  else
    ok = vigie_pdf_write_annual_report (store, &options, output, &n_pages, progress_cb,
                                        &progress, NULL, &error);
  vigie_cli_progress_finish (&progress, ok);
  if (!ok)
    {
      vigie_cli_print_error (error->message);
      return VIGIE_CLI_BAD_INPUT;
    }
  if (!xlsx && vigie_cli_want_progress (globals))
    /* Translators: %1$s is a file name, %2$d its number of pages */
    g_printerr (g_dngettext (NULL, "%1$s: %2$d page\n", "%1$s: %2$d pages\n", n_pages), output,
                n_pages);
  return VIGIE_CLI_OK;
}

/* `export site`: the public transparency website, HTML and open data. */
static int
run_export_site (Globals  *globals,
                 int       argc,
                 char    **argv)
{
  g_autofree char *level_text = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) languages = NULL;
  g_autofree char *now = NULL;
  gboolean dated = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VigieStore) store = NULL;
  g_autoptr(GError) error = NULL;
  ProgressState progress = { .tty = isatty (STDERR_FILENO), .last_percent = -1 };
  VigieDisclosureLevel level = VIGIE_LEVEL_PUBLIC;
  VigieWebsiteOptions options;
  gboolean ok;
  int status;
  const GOptionEntry entries[] = {
    { "level", 'l', 0, G_OPTION_ARG_STRING, &level_text,
      N_("Disclosure level: only public (the default) is allowed for a website"), N_("LEVEL") },
    { "language", 0, 0, G_OPTION_ARG_STRING_ARRAY, &languages,
      N_("A language of the website, e.g. en or fr; repeat it for several (default: English "
         "and every installed translation)"), N_("LANG") },
    { "date", 0, 0, G_OPTION_ARG_NONE, &dated,
      N_("Print the date of the export on the pages (two exports on different days then "
         "differ)"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The folder of the website"),
      N_("DIR") },
    { "progress", 0, 0, G_OPTION_ARG_NONE, &globals->show_progress,
      N_("Show progress on stderr even when it is not a terminal"), NULL },
    { NULL }
  };

  context = vigie_cli_command_context (globals, "export site", "",
                                       N_("Writes the public transparency website: an index of "
                                          "the production sites, a page per site with\nits "
                                          "public findings, remediation and charts, and the "
                                          "open data (CSV and JSON), in\nevery language, as "
                                          "static files any web server (or a browser) can "
                                          "open.\nOnly public data is written: public findings, "
                                          "testimony only under pseudonyms,\nno confidential "
                                          "evidence and no internal notes."),
                                       entries);
  if (!vigie_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return vigie_cli_usage_error (context, _("“export site” takes no arguments"));
  if (!parse_level (level_text, &level))
    return vigie_cli_usage_error (context, _("--level must be one of internal, workers, "
                                             "employer, brand, affiliates, public"));
  if (level != VIGIE_LEVEL_PUBLIC)
    return vigie_cli_usage_error (context, _("The website is public: --level must be public"));
  if (output == NULL)
    return vigie_cli_usage_error (context, _("--output is required"));

  store = vigie_cli_open_existing (globals);
  if (store == NULL)
    return VIGIE_CLI_BAD_INPUT;
  vigie_website_options_init (&options);
  options.languages = (const char * const *) languages;
  if (dated)
    options.now = now = vigie_now_iso ();
  ok = vigie_website_write (store, &options, output,
                            vigie_cli_want_progress (globals) ? vigie_cli_progress_cb : NULL,
                            &progress, NULL, &error);
  vigie_cli_progress_finish (&progress, ok);
  if (!ok)
    {
      vigie_cli_print_error (error->message);
      return VIGIE_CLI_BAD_INPUT;
    }
  if (vigie_cli_want_progress (globals))
    g_printerr (_("The website is in %s\n"), output);
  return VIGIE_CLI_OK;
}

int
vigie_cli_export (Globals  *globals,
                  int       argc,
                  char    **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  int status;

  if (argc >= 2 && strcmp (argv[1], "report") == 0)
    return run_export_report (globals, argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "data") == 0)
    return run_export_data (globals, argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "annual") == 0)
    return run_export_annual (globals, argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "site") == 0)
    return run_export_site (globals, argc - 1, argv + 1);

  context = vigie_cli_command_context (globals, "export", N_("WHAT"),
                                       N_("Exports a report or the data. WHAT is one of:\n"
                                          "  report   the report of a site, as PDF\n"
                                          "  data     every table, as XLSX or CSV\n"
                                          "  annual   the annual report figures, as PDF or "
                                          "XLSX\n"
                                          "  site     the public transparency website, "
                                          "HTML and open data\n"
                                          "\n"
                                          "Run “vigie-cli export WHAT --help” for the options."),
                                       NULL);
  if (!vigie_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return vigie_cli_usage_error (context, _("Say what to export: report, data, annual or site"));
  {
    g_autofree char *message = g_strdup_printf (_("Unknown export “%s”"), argv[1]);

    return vigie_cli_usage_error (context, message);
  }
}

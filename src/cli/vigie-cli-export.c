/* vigie-cli-export.c — `vigie-cli export report|data|annual`: reports as PDF, the data as
 * XLSX or CSV, at a disclosure level.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vigie-cli-private.h"
#include "vigie-data-export.h"
#include "vigie-pdf-report.h"
#include "vigie-redact.h"
#include "vigie-site.h"

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
    g_printerr (g_dngettext (NULL, "%s: %d page\n", "%s: %d pages\n", n_pages), output, n_pages);
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

  context = vigie_cli_command_context (globals, "export", N_("WHAT"),
                                       N_("Exports a report or the data. WHAT is one of:\n"
                                          "  report   the report of a site, as PDF\n"
                                          "  data     every table, as XLSX or CSV\n"
                                          "\n"
                                          "Run “vigie-cli export WHAT --help” for the options."),
                                       NULL);
  if (!vigie_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return vigie_cli_usage_error (context, _("Say what to export: report or data"));
  {
    g_autofree char *message = g_strdup_printf (_("Unknown export “%s”"), argv[1]);

    return vigie_cli_usage_error (context, message);
  }
}

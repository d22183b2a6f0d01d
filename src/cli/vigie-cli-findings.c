/* vigie-cli-findings.c — `vigie-cli import findings FILE.csv`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <unistd.h>

#include "vigie-cli-private.h"
#include "vigie-import-findings.h"

int
vigie_cli_import_findings (Globals  *globals,
                           int       argc,
                           char    **argv)
{
  gboolean dry_run = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VigieStore) store = NULL;
  g_autoptr(VigieFindingImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *text = NULL;
  ProgressState progress = { .tty = isatty (STDERR_FILENO), .last_percent = -1 };
  int status;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check every row, but write nothing"), NULL },
    { "progress", 0, 0, G_OPTION_ARG_NONE, &globals->show_progress,
      N_("Show progress on stderr even when it is not a terminal"), NULL },
    { NULL }
  };

  context = vigie_cli_command_context (globals, "import findings",
                                       /* Translators: do not translate “FILE.csv”'s extension */
                                       N_("FILE.csv"),
                                       N_("Imports findings from a UTF-8 CSV file. Required "
                                          "columns:\n"
                                          "  site            Open Supply Hub ID, site number "
                                          "or exact name\n"
                                          "  title, severity (critical, major, minor, "
                                          "observation),\n"
                                          "  first_observed  YYYY-MM-DD\n"
                                          "Optional: description, company_response, notes, "
                                          "kind, status,\n"
                                          "closed_on, disclosure_level, workers_affected,\n"
                                          "affected_groups (women;migrant;agency;student;"
                                          "young),\n"
                                          "themes (forced_labour;wages), rba (A1;B3),\n"
                                          "indicators (deception;debt_bondage).\n"
                                          "\n"
                                          "If any row is wrong, nothing is imported and every "
                                          "wrong row is listed."),
                                       entries);
  if (!vigie_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return vigie_cli_usage_error (context, _("Name the CSV file to import"));
  if (argc > 2)
    return vigie_cli_usage_error (context, _("Import one file at a time"));

  store = vigie_cli_open_existing (globals);
  if (store == NULL)
    return VIGIE_CLI_BAD_INPUT;

  file_name = g_path_get_basename (argv[1]);
  report = vigie_import_findings (store, argv[1], dry_run,
                                  vigie_cli_want_progress (globals) ? vigie_cli_progress_cb : NULL,
                                  &progress, NULL, &error);
  vigie_cli_progress_finish (&progress, report != NULL);
  if (report == NULL)
    {
      vigie_cli_print_error (error->message);
      return VIGIE_CLI_BAD_INPUT;
    }
  text = vigie_finding_import_report_format (report, file_name);
  if (vigie_finding_import_report_get_n_rejected (report) > 0)
    {
      g_printerr ("%s", text);
      return VIGIE_CLI_BAD_INPUT;
    }
  g_print ("%s", text);
  return VIGIE_CLI_OK;
}

/* vigie-cli-chemicals.c — `vigie-cli import chemicals FILE.csv`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "vigie-cli-private.h"
#include "vigie-import-chemicals.h"

int
vigie_cli_import_chemicals (Globals  *globals,
                            int       argc,
                            char    **argv)
{
  gboolean dry_run = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VigieStore) store = NULL;
  g_autoptr(VigieChemicalImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *text = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check every row, but write nothing"), NULL },
    { NULL }
  };

  context = vigie_cli_command_context (globals, "import chemicals",
                                       /* Translators: do not translate “FILE.csv”'s extension */
                                       N_("FILE.csv"),
                                       N_("Imports a chemical inventory: a UTF-8 CSV file whose header\n"
                                          "names the columns site (id, Open Supply Hub ID or exact\n"
                                          "name) and trade_name, and optionally supplier, process,\n"
                                          "quantity, unit (kg, L, t), cas_numbers (such as\n"
                                          "“110-54-3:60-80;108-88-3:10-20”), h_codes (such as\n"
                                          "“H225;H304;H300+H310+H330”), period (YYYY or YYYY-MM),\n"
                                          "department, quantity_stored, workers_exposed,\n"
                                          "women_exposed, sds and sds_in_workers_language (yes/no).\n"
                                          "\n"
                                          "If any row is wrong, nothing is imported and every wrong\n"
                                          "row is listed with its field and the reason."),
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
  report = vigie_import_chemicals (store, argv[1], dry_run, NULL, &error);
  if (report == NULL)
    {
      vigie_cli_print_error (error->message);
      return VIGIE_CLI_BAD_INPUT;
    }
  text = vigie_chemical_import_report_format (report, file_name);
  if (report->n_rejected > 0)
    {
      g_printerr ("%s", text);
      return VIGIE_CLI_BAD_INPUT;
    }
  g_print ("%s", text);
  return VIGIE_CLI_OK;
}

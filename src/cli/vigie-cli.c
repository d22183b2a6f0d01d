/* vigie-cli.c — the vigie-cli command dispatcher: global options, one GOptionContext per
 * subcommand, progress on stderr, exit statuses 0 (done), 1 (bad input), 2 (usage).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "vigie-cli-private.h"
#include "vigie-demo.h"
#include "vigie-figures.h"
#include "vigie-import.h"
#include "vigie-store.h"

typedef int (*CommandFunc) (Globals  *globals,
                            int       argc,
                            char    **argv);

typedef struct
{
  const char  *name;
  const char  *summary;   /* N_() */
  CommandFunc  run;
} Command;

static int run_init   (Globals *globals, int argc, char **argv);
static int run_demo   (Globals *globals, int argc, char **argv);
static int run_import (Globals *globals, int argc, char **argv);
static int run_check  (Globals *globals, int argc, char **argv);
static int run_backup (Globals *globals, int argc, char **argv);

static const Command commands[] = {
  { "init", N_("Create an empty dataset"), run_init },
  { "demo", N_("Fill an empty dataset with generated demonstration data"), run_demo },
  { "import", N_("Import a CSV file (factories: an Open Supply Hub facility list)"),
    run_import },
  { "check", N_("Check the integrity of the dataset and count its rows"), run_check },
  { "backup", N_("Copy the dataset safely to another file"), run_backup },
  { "remediation", N_("Remediation actions: list the overdue ones"), vigie_cli_remediation },
  { "export", N_("Export a site report (PDF) or the data (XLSX, CSV)"), vigie_cli_export },
  { "figures", N_("Print the annual figures of a year (table, JSON or CSV)"),
    vigie_cli_figures },
};

/* The main tables, in the order `check` lists them. */
static const char * const main_tables[] = {
  "organisations", "sites", "workforce_snapshots", "contracts", "disclosure_requests",
  "investigations", "findings", "evidence", "remediation_actions", "grievances",
  "chemical_products", "substances", "exposure_measurements", "audit_log",
};

/* ─── Helpers ────────────────────────────────────────────────────────────── */

void
vigie_cli_print_error (const char *message)
{
  /* Translators: prefix of error messages on the command line */
  g_printerr (_("vigie-cli: %s\n"), message);
}

int
vigie_cli_usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *help = NULL;

  if (message != NULL)
    vigie_cli_print_error (message);
  if (context != NULL)
    {
      help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("\n%s", help);
    }
  return VIGIE_CLI_USAGE;
}

static char *
commands_description (void)
{
  GString *text = g_string_new (_("Commands:"));

  g_string_append_c (text, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
  g_string_append_c (text, '\n');
  g_string_append (text, _("Run “vigie-cli COMMAND --help” for the options of a command."));
  g_string_append_c (text, '\n');
  g_string_append (text, _("Exit status: 0 done, 1 bad input, 2 wrong usage."));
  return g_string_free (text, FALSE);
}

GOptionContext *
vigie_cli_command_context (Globals            *globals,
                 const char         *command,
                 const char         *parameters,
                 const char         *summary,
                 const GOptionEntry *entries)
{
  g_autofree char *prgname = g_strdup_printf ("vigie-cli %s", command);
  const GOptionEntry common[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &globals->database,
      N_("The dataset to use (default: the one the application uses)"), N_("FILE") },
    { NULL }
  };
  GOptionContext *context = g_option_context_new (parameters);

  g_set_prgname (prgname);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(summary));
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

/* Parses the options of a subcommand. Returns FALSE (and an exit status in STATUS) on a
 * usage error. */
gboolean
vigie_cli_parse_command (GOptionContext  *context,
               int             *argc,
               char          ***argv,
               int             *status)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = vigie_cli_usage_error (context, error->message);
      return FALSE;
    }
  return TRUE;
}

const char *
vigie_cli_database_path (Globals *globals)
{
  if (globals->database == NULL)
    globals->database = vigie_store_default_path ();
  return globals->database;
}

/* Opens an existing dataset; creating one is for `init` and `demo` only. */
VigieStore *
vigie_cli_open_existing (Globals *globals)
{
  g_autoptr(GError) error = NULL;
  const char *path = vigie_cli_database_path (globals);
  VigieStore *store;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *message =
        g_strdup_printf (_("There is no dataset at “%s”. Create one with “vigie-cli init” "
                           "or “vigie-cli demo”, or choose one with --database."),
                         path);
      vigie_cli_print_error (message);
      return NULL;
    }
  store = vigie_store_open (path, &error);
  if (store == NULL)
    vigie_cli_print_error (error->message);
  return store;
}

static gboolean
ensure_parent_directory (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_autofree char *message =
        /* Translators: %1$s is a folder, %2$s the system's explanation */
        g_strdup_printf (_("Cannot create the folder “%1$s”: %2$s"), dir, g_strerror (errno));
      vigie_cli_print_error (message);
      return FALSE;
    }
  return TRUE;
}

/* ─── Progress ───────────────────────────────────────────────────────────── */

void
vigie_cli_progress_cb (double      fraction,
             const char *stage,
             gpointer    user_data)
{
  ProgressState *state = user_data;
  int percent = (int) (CLAMP (fraction, 0.0, 1.0) * 100.0 + 0.5);

  if (percent == state->last_percent && g_strcmp0 (stage, state->last_stage) == 0)
    return;
  /* Not on a terminal: one line per stage and per tenth, so logs stay short. */
  if (!state->tty && g_strcmp0 (stage, state->last_stage) == 0
      && percent / 10 == state->last_percent / 10 && percent != 100)
    return;

  state->last_percent = percent;
  g_free (state->last_stage);
  state->last_stage = g_strdup (stage);
  state->shown = TRUE;
  /* On a terminal the line is rewritten in place (carriage return, then erase to the end
   * of the line); elsewhere each update is a line of its own. */
  if (state->tty)
    g_printerr ("\r");
  /* Translators: progress line: %1$3d is a percentage, %2$s a stage such as “Findings” */
  g_printerr (_("%1$3d %% %2$s"), percent, stage);
  g_printerr (state->tty ? "\033[K" : "\n");
  fflush (stderr);
}

/* Ends the progress display; after a success the last stage is shown complete. */
void
vigie_cli_progress_finish (ProgressState *state,
                 gboolean       success)
{
  if (success && state->shown && state->last_percent != 100)
    {
      g_autofree char *stage = g_strdup (state->last_stage);
      vigie_cli_progress_cb (1.0, stage, state);
    }
  if (state->shown && state->tty)
    g_printerr ("\n");
  g_clear_pointer (&state->last_stage, g_free);
}

gboolean
vigie_cli_want_progress (Globals *globals)
{
  return globals->show_progress || isatty (STDERR_FILENO);
}

/* ─── init ───────────────────────────────────────────────────────────────── */

static int
run_init (Globals  *globals,
          int       argc,
          char    **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VigieStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;
  int status;

  context = vigie_cli_command_context (globals, "init", NULL,
                             N_("Creates an empty dataset (with the reference data: countries,\n"
                                "codes of labour standards, hazard statements) in the file\n"
                                "given with --database, or in the default place."),
                             NULL);
  if (!vigie_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return vigie_cli_usage_error (context, _("“init” takes no arguments"));

  path = vigie_cli_database_path (globals);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” already exists: choose another file, or remove it first"),
                         path);
      vigie_cli_print_error (message);
      return VIGIE_CLI_BAD_INPUT;
    }
  if (!ensure_parent_directory (path))
    return VIGIE_CLI_BAD_INPUT;
  store = vigie_store_open (path, &error);
  if (store == NULL)
    {
      vigie_cli_print_error (error->message);
      return VIGIE_CLI_BAD_INPUT;
    }
  g_print (_("Created an empty dataset in “%s”.\n"), path);
  return VIGIE_CLI_OK;
}

/* ─── demo ───────────────────────────────────────────────────────────────── */

static gboolean
parse_count (const char  *text,
             guint64      max,
             guint64     *value)
{
  return g_ascii_string_to_unsigned (text, 10, 0, max, value, NULL);
}

static int
run_demo (Globals  *globals,
          int       argc,
          char    **argv)
{
  g_autofree char *sites_text = NULL;
  g_autofree char *findings_text = NULL;
  g_autofree char *seed_text = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VigieStore) store = NULL;
  g_autoptr(GError) error = NULL;
  VigieDemoOptions options = { .n_sites = 200, .n_findings = 2000, .seed = 1, .today = NULL };
  ProgressState progress = { .tty = isatty (STDERR_FILENO), .last_percent = -1 };
  guint64 value;
  gint64 start;
  int status;
  const GOptionEntry entries[] = {
    { "sites", 0, 0, G_OPTION_ARG_STRING, &sites_text,
      N_("Number of sites (default 200)"), N_("N") },
    { "findings", 0, 0, G_OPTION_ARG_STRING, &findings_text,
      N_("Number of findings (default 2000)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text,
      N_("Seed of the generator: the same seed and sizes give the same data (default 1)"),
      N_("S") },
    { "progress", 0, 0, G_OPTION_ARG_NONE, &globals->show_progress,
      N_("Show progress on stderr even when it is not a terminal"), NULL },
    { NULL }
  };

  context = vigie_cli_command_context (globals, "demo", NULL,
                             N_("Fills an empty dataset (created if needed) with a realistic,\n"
                                "generated dataset of any size: sites, organisations,\n"
                                "investigations, findings, remediation, chemicals."),
                             entries);
  if (!vigie_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return vigie_cli_usage_error (context, _("“demo” takes no arguments"));

  if (sites_text != NULL)
    {
      if (!parse_count (sites_text, 10000000, &value) || value == 0)
        return vigie_cli_usage_error (context, _("--sites needs a whole number from 1 to 10000000"));
      options.n_sites = (guint) value;
    }
  if (findings_text != NULL)
    {
      if (!parse_count (findings_text, 100000000, &value))
        return vigie_cli_usage_error (context,
                            _("--findings needs a whole number from 0 to 100000000"));
      options.n_findings = (guint) value;
    }
  if (seed_text != NULL)
    {
      if (!parse_count (seed_text, G_MAXUINT64, &value))
        return vigie_cli_usage_error (context, _("--seed needs a whole number of 0 or more"));
      options.seed = value;
    }

  if (!ensure_parent_directory (vigie_cli_database_path (globals)))
    return VIGIE_CLI_BAD_INPUT;
  store = vigie_store_open (vigie_cli_database_path (globals), &error);
  if (store == NULL)
    {
      vigie_cli_print_error (error->message);
      return VIGIE_CLI_BAD_INPUT;
    }

  start = g_get_monotonic_time ();
  if (!vigie_demo_generate (store, &options,
                            vigie_cli_want_progress (globals) ? vigie_cli_progress_cb : NULL, &progress,
                            NULL, &error))
    {
      vigie_cli_progress_finish (&progress, FALSE);
      vigie_cli_print_error (error->message);
      return VIGIE_CLI_BAD_INPUT;
    }
  vigie_cli_progress_finish (&progress, TRUE);

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Generated %1$u site with %2$u findings in “%3$s” (%4$.1f s).\n",
                        "Generated %1$u sites with %2$u findings in “%3$s” (%4$.1f s).\n",
                        options.n_sites),
           options.n_sites, options.n_findings, vigie_cli_database_path (globals),
           (g_get_monotonic_time () - start) / 1e6);
  return VIGIE_CLI_OK;
}

/* ─── import ─────────────────────────────────────────────────────────────── */

static int
run_import_factories (Globals  *globals,
                      int       argc,
                      char    **argv)
{
  gboolean dry_run = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VigieStore) store = NULL;
  g_autoptr(VigieImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *text = NULL;
  ProgressState progress = { .tty = isatty (STDERR_FILENO), .last_percent = -1 };
  int status;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check and match every row, but write nothing"), NULL },
    { "progress", 0, 0, G_OPTION_ARG_NONE, &globals->show_progress,
      N_("Show progress on stderr even when it is not a terminal"), NULL },
    { NULL }
  };

  context = vigie_cli_command_context (globals, "import factories",
                             /* Translators: do not translate “FILE.csv”'s extension */
                             N_("FILE.csv"),
                             N_("Imports an Open Supply Hub facility list: a UTF-8 CSV file whose\n"
                                "header names the columns country, name and address, and\n"
                                "optionally sector, lat, lng, os_id, number_of_workers,\n"
                                "parent_company, facility_type, processing_type, product_type\n"
                                "and native_language_name.\n"
                                "\n"
                                "Rows that match a known site (same OS ID, or same name,\n"
                                "address and country) are not added again. If any row is\n"
                                "wrong, nothing is imported and every wrong row is listed."),
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
  report = vigie_import_factories (store, argv[1], dry_run,
                                   vigie_cli_want_progress (globals) ? vigie_cli_progress_cb : NULL, &progress,
                                   NULL, &error);
  vigie_cli_progress_finish (&progress, report != NULL);
  if (report == NULL)
    {
      vigie_cli_print_error (error->message);
      return VIGIE_CLI_BAD_INPUT;
    }

  text = vigie_import_report_format (report, file_name);
  if (vigie_import_report_get_n_rejected (report) > 0)
    {
      g_printerr ("%s", text);
      return VIGIE_CLI_BAD_INPUT;
    }
  g_print ("%s", text);
  return VIGIE_CLI_OK;
}

static int
run_import (Globals  *globals,
            int       argc,
            char    **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  int status;

  /* The kind of file comes first; its own options follow it. */
  if (argc >= 2 && strcmp (argv[1], "factories") == 0)
    return run_import_factories (globals, argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "chemicals") == 0)
    return vigie_cli_import_chemicals (globals, argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "findings") == 0)
    return vigie_cli_import_findings (globals, argc - 1, argv + 1);

  context = vigie_cli_command_context (globals, "import", N_("KIND FILE.csv"),
                             N_("Imports a CSV file. KIND is one of:\n"
                                "  factories   an Open Supply Hub facility list\n"
                                "\n"
                                "Run “vigie-cli import factories --help” for the columns."),
                             NULL);
  g_option_context_set_strict_posix (context, TRUE);
  if (!vigie_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return vigie_cli_usage_error (context, _("Name the kind of file to import: factories"));
  {
    g_autofree char *message = g_strdup_printf (_("“%s” is not a kind of file vigie-cli can "
                                                  "import (try: factories)"), argv[1]);
    return vigie_cli_usage_error (context, message);
  }
}

/* ─── check ──────────────────────────────────────────────────────────────── */

static int
run_check (Globals  *globals,
           int       argc,
           char    **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VigieStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  int status;

  context = vigie_cli_command_context (globals, "check", NULL,
                             N_("Checks the integrity of the dataset (SQLite integrity, broken\n"
                                "references, schema version, search index, the totals kept\n"
                                "for the figures) and prints the number of rows of each main\n"
                                "table. On a large dataset this takes minutes."),
                             NULL);
  if (!vigie_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return vigie_cli_usage_error (context, _("“check” takes no arguments"));

  store = vigie_cli_open_existing (globals);
  if (store == NULL)
    return VIGIE_CLI_BAD_INPUT;

  if (!vigie_store_check (store, problems, &error))
    {
      if (error != NULL)
        vigie_cli_print_error (error->message);
      else
        {
          g_printerr (_("The database has problems:\n"));
          g_printerr ("%s", problems->str);
        }
      return VIGIE_CLI_BAD_INPUT;
    }
  /* The totals the Overview reads are kept by triggers: a file edited behind Vigie's back
   * (or a bug) would show wrong figures without any other sign. */
  if (!vigie_figures_summaries_check (store, problems, &error))
    {
      if (error != NULL)
        vigie_cli_print_error (error->message);
      else
        {
          g_printerr (_("The totals kept for the figures differ from the data:\n"));
          g_printerr ("%s", problems->str);
        }
      return VIGIE_CLI_BAD_INPUT;
    }

  g_print (_("Database is sound."));
  g_print ("\n");
  g_print (_("Schema version: %d"), vigie_store_get_schema_version (store));
  g_print ("\n");
  g_print (_("Rows per table:"));
  g_print ("\n");
  for (guint i = 0; i < G_N_ELEMENTS (main_tables); i++)
    g_print ("  %-24s %" G_GINT64_FORMAT "\n", main_tables[i],
             vigie_store_count (store, main_tables[i]));
  return VIGIE_CLI_OK;
}

/* ─── backup ─────────────────────────────────────────────────────────────── */

static int
run_backup (Globals  *globals,
            int       argc,
            char    **argv)
{
  gboolean force = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VigieStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) dest = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Replace FILE if it exists"), NULL },
    { NULL }
  };

  context = vigie_cli_command_context (globals, "backup", N_("FILE"),
                             N_("Copies the dataset to FILE with SQLite’s online backup, which is\n"
                                "safe while the application is using the dataset. FILE is\n"
                                "readable by you only."),
                             entries);
  if (!vigie_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return vigie_cli_usage_error (context, _("Name the file to copy the dataset to"));
  if (argc > 2)
    return vigie_cli_usage_error (context, _("“backup” takes one file"));

  store = vigie_cli_open_existing (globals);
  if (store == NULL)
    return VIGIE_CLI_BAD_INPUT;

  source = g_file_new_for_path (vigie_store_get_path (store));
  dest = g_file_new_for_commandline_arg (argv[1]);
  if (g_file_equal (source, dest))
    {
      vigie_cli_print_error (_("The copy cannot replace the dataset itself: choose another file"));
      return VIGIE_CLI_BAD_INPUT;
    }
  if (!force && g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” already exists: choose another file, or add --force to "
                           "replace it"), argv[1]);
      vigie_cli_print_error (message);
      return VIGIE_CLI_BAD_INPUT;
    }
  if (!vigie_store_backup (store, argv[1], &error))
    {
      vigie_cli_print_error (error->message);
      return VIGIE_CLI_BAD_INPUT;
    }
  g_print (_("Copied the dataset to “%s”.\n"), argv[1]);
  return VIGIE_CLI_OK;
}

/* ─── Dispatch ───────────────────────────────────────────────────────────── */

int
vigie_cli_run (int    argc,
               char **argv)
{
  Globals globals = { 0 };
  gboolean version = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  int status = VIGIE_CLI_USAGE;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &globals.database,
      N_("The dataset to use (default: the one the application uses)"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Print the version and exit"), NULL },
    { NULL }
  };

  g_set_prgname ("vigie-cli");
  context = g_option_context_new (N_("COMMAND [OPTION…]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Vigie without the window: create, fill, import into, check and\n"
                                  "back up a labour-rights monitoring dataset."));
  description = commands_description ();
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Stop at the command: what follows it is the command's business. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      status = vigie_cli_usage_error (context, error->message);
      goto out;
    }

  if (version)
    {
      g_print ("vigie-cli %s\n", PACKAGE_VERSION);
      status = VIGIE_CLI_OK;
      goto out;
    }

  if (argc < 2)
    {
      status = vigie_cli_usage_error (context, _("Name a command"));
      goto out;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      {
        status = commands[i].run (&globals, argc - 1, argv + 1);
        goto out;
      }

  {
    g_autofree char *message = g_strdup_printf (_("“%s” is not a vigie-cli command"),
                                                argv[1]);
    status = vigie_cli_usage_error (context, message);
  }

out:
  g_free (globals.database);
  return status;
}

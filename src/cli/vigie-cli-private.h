/* vigie-cli-private.h — what the subcommand files of vigie-cli share.
 *
 * A subcommand lives in its own vigie-cli-<noun>.c with a function
 *   int vigie_cli_<noun> (Globals *globals, int argc, char **argv);
 * declared below and listed in the commands[] table of vigie-cli.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigie-cli.h"
#include "vigie-store.h"

G_BEGIN_DECLS

typedef struct
{
  char     *database;
  gboolean  show_progress;
} Globals;

typedef struct
{
  gboolean  tty;
  int       last_percent;
  char     *last_stage;
  gboolean  shown;
} ProgressState;

/* "vigie-cli: MESSAGE" on stderr. */
void            vigie_cli_print_error     (const char          *message);
/* Prints MESSAGE and the command's help on stderr; returns VIGIE_CLI_USAGE. */
int             vigie_cli_usage_error     (GOptionContext      *context,
                                           const char          *message);
/* An option context for "vigie-cli COMMAND" with the common --database option; PARAMETERS
 * and SUMMARY are N_() strings. */
GOptionContext *vigie_cli_command_context (Globals             *globals,
                                           const char          *command,
                                           const char          *parameters,
                                           const char          *summary,
                                           const GOptionEntry  *entries);
gboolean        vigie_cli_parse_command   (GOptionContext      *context,
                                           int                 *argc,
                                           char              ***argv,
                                           int                 *status);
const char     *vigie_cli_database_path   (Globals             *globals);
/* Opens the dataset, which must exist; prints the error and returns NULL otherwise. */
VigieStore     *vigie_cli_open_existing   (Globals             *globals);
/* A VigieProgressFunc writing "NN % Stage" to stderr; USER_DATA is a ProgressState. */
void            vigie_cli_progress_cb     (double               fraction,
                                           const char          *stage,
                                           gpointer             user_data);
void            vigie_cli_progress_finish (ProgressState       *state,
                                           gboolean             success);
gboolean        vigie_cli_want_progress   (Globals             *globals);

/* Subcommands implemented in their own files (one line each). */
int vigie_cli_figures (Globals *globals, int argc, char **argv);
int vigie_cli_export (Globals *globals, int argc, char **argv);
int vigie_cli_import_chemicals (Globals *globals, int argc, char **argv);
int vigie_cli_import_findings (Globals *globals, int argc, char **argv);
int vigie_cli_remediation (Globals *globals, int argc, char **argv);

G_END_DECLS

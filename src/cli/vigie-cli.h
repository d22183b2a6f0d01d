/* vigie-cli.h — the vigie-cli command dispatcher.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of vigie-cli. */
enum
{
  VIGIE_CLI_OK = 0,
  VIGIE_CLI_BAD_INPUT = 1,
  VIGIE_CLI_USAGE = 2,
};

int vigie_cli_run (int argc, char **argv);

G_END_DECLS

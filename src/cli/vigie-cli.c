/* Temporary dispatcher; the CLI helper replaces it this session. */
#include <glib/gi18n.h>
#include "vigie-cli.h"
#include "vigie-store.h"

int
vigie_cli_run (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieStore) store = NULL;

  if (argc < 3)
    return VIGIE_CLI_USAGE;
  store = vigie_store_open (argv[2], &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return VIGIE_CLI_BAD_INPUT;
    }
  return VIGIE_CLI_OK;
}

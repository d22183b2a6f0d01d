/* vigie-cli-remediation.c — `vigie-cli remediation --overdue`: the overdue digest.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "vigie-cli-private.h"
#include "vigie-remediation.h"
#include "vigie-validate.h"
#include "vigie-vocab.h"

#define MAX_CELL 48

enum { COL_SITE, COL_FINDING, COL_ACTION, COL_DUE, COL_DAYS, COL_STATUS, N_COLS };

/* TEXT cut to MAX_CELL characters with "…", newlines flattened. */
static char *
cell (const char *text)
{
  g_autofree char *flat = g_strdup (text != NULL ? text : "");

  g_strdelimit (flat, "\t\r\n", ' ');
  if (g_utf8_strlen (flat, -1) <= MAX_CELL)
    return g_steal_pointer (&flat);
  {
    g_autofree char *head = g_utf8_substring (flat, 0, MAX_CELL - 1);

    return g_strconcat (head, "…", NULL);
  }
}

static void
append_padded (GString    *out,
               const char *text,
               glong       width,
               gboolean    right)
{
  glong pad = width - g_utf8_strlen (text, -1);

  if (right)
    for (glong i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right)
    for (glong i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
}

int
vigie_cli_remediation (Globals  *globals,
                       int       argc,
                       char    **argv)
{
  gboolean overdue = FALSE;
  g_autofree char *today = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VigieStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *reason = NULL;
  glong widths[N_COLS] = { 0, };
  const char *headers[N_COLS];
  int status;
  const GOptionEntry entries[] = {
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue,
      N_("List the actions past their due date that are not completed"), NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today,
      N_("Count days from this date instead of today"), N_("YYYY-MM-DD") },
    { NULL }
  };

  context = vigie_cli_command_context (globals, "remediation", "",
                                       N_("Remediation actions. With --overdue, prints the actions "
                                          "whose due date\nhas passed and whose work is still owed, "
                                          "longest overdue first."),
                                       entries);
  if (!vigie_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return vigie_cli_usage_error (context, _("This command takes no file or word, only options"));
  if (!overdue)
    return vigie_cli_usage_error (context, _("Say what to show: --overdue"));
  if (today != NULL && !vigie_validate_date (today, &reason))
    {
      /* Translators: %s explains what is wrong with the date given to --today */
      g_autofree char *message = g_strdup_printf (_("--today: %s"), reason);

      return vigie_cli_usage_error (context, message);
    }

  store = vigie_cli_open_existing (globals);
  if (store == NULL)
    return VIGIE_CLI_BAD_INPUT;
  list = vigie_remediation_list_overdue (store, today, &error);
  if (list == NULL)
    {
      vigie_cli_print_error (error->message);
      return VIGIE_CLI_BAD_INPUT;
    }
  if (list->len == 0)
    {
      g_print ("%s\n", _("No action is overdue."));
      return VIGIE_CLI_OK;
    }

  /* Translators: column headings of `vigie-cli remediation --overdue` */
  headers[COL_SITE] = C_("overdue table", "Site");
  headers[COL_FINDING] = C_("overdue table", "Finding");
  headers[COL_ACTION] = C_("overdue table", "Action");
  headers[COL_DUE] = C_("overdue table", "Due");
  headers[COL_DAYS] = C_("overdue table", "Days overdue");
  headers[COL_STATUS] = C_("overdue table", "Status");

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; i < list->len; i++)
    {
      VigieOverdueAction *a = g_ptr_array_index (list, i);
      char **row = g_new0 (char *, N_COLS + 1);

      row[COL_SITE] = cell (a->site);
      row[COL_FINDING] = cell (a->finding);
      row[COL_ACTION] = cell (a->action);
      row[COL_DUE] = g_strdup (a->due_on);
      row[COL_DAYS] = g_strdup_printf ("%d", a->days_overdue);
      row[COL_STATUS] = cell (vigie_vocab_label (VIGIE_VOCAB_REMEDIATION_STATUS, a->status));
      g_ptr_array_add (rows, row);
    }
  for (guint c = 0; c < N_COLS; c++)
    {
      widths[c] = g_utf8_strlen (headers[c], -1);
      for (guint i = 0; i < rows->len; i++)
        widths[c] = MAX (widths[c], g_utf8_strlen (((char **) g_ptr_array_index (rows, i))[c], -1));
    }

  out = g_string_new (NULL);
  for (guint c = 0; c < N_COLS; c++)
    {
      append_padded (out, headers[c], c == N_COLS - 1 ? 0 : widths[c], c == COL_DAYS);
      if (c < N_COLS - 1)
        g_string_append (out, "  ");
    }
  g_string_append_c (out, '\n');
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      for (guint c = 0; c < N_COLS; c++)
        {
          append_padded (out, row[c], c == N_COLS - 1 ? 0 : widths[c], c == COL_DAYS);
          if (c < N_COLS - 1)
            g_string_append (out, "  ");
        }
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u action overdue.\n",
                                            "%u actions overdue.\n", list->len),
                          list->len);
  g_print ("%s", out->str);
  return VIGIE_CLI_OK;
}

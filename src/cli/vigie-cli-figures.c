/* vigie-cli-figures.c — `vigie-cli figures --year Y`: the annual figures as a table, JSON
 * or CSV; `--queries` prints the documented query of each figure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vigie-cli-private.h"
#include "vigie-figures.h"
#include "vigie-reference.h"
#include "vigie-validate.h"

int
vigie_cli_figures (Globals  *globals,
                   int       argc,
                   char    **argv)
{
  int year = 0;
  gint64 buyer = 0;
  gboolean timings = FALSE, queries = FALSE;
  g_autofree char *country = NULL;
  g_autofree char *format = NULL;
  g_autofree char *today = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VigieStore) store = NULL;
  g_autoptr(VigieFigures) figures = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = NULL;
  VigieFiguresOptions options = { 0 };
  int status;
  const GOptionEntry entries[] = {
    { "year", 'y', 0, G_OPTION_ARG_INT, &year,
      N_("The year to count (required)"), N_("YEAR") },
    { "country", 'c', 0, G_OPTION_ARG_STRING, &country,
      N_("Only sites (and affiliates) of this country (ISO code or name)"), N_("COUNTRY") },
    { "buyer", 'b', 0, G_OPTION_ARG_INT64, &buyer,
      N_("Only what concerns this affiliate or consortium (organisation number)"), N_("ID") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("Output format: table (default), json or csv"), N_("FORMAT") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today,
      N_("Count overdue actions on this date instead of today"), N_("YYYY-MM-DD") },
    { "timings", 0, 0, G_OPTION_ARG_NONE, &timings,
      N_("Print the time each query took on standard error"), NULL },
    { "queries", 0, 0, G_OPTION_ARG_NONE, &queries,
      N_("Print the SQL query of each figure instead of the figures"), NULL },
    { NULL }
  };

  context = vigie_cli_command_context (globals, "figures", "",
                                       N_("The figures of an annual report for one year: "
                                          "affiliates, monitoring partners,\nsites, "
                                          "investigations, workers interviewed, findings, "
                                          "forced-labour indicators,\nremediation and remedy, "
                                          "disclosure. Each is one documented SQL query\n"
                                          "(--queries prints them): parameters ?1 first day of "
                                          "the year, ?2 last day,\n?3 country or NULL, ?4 buyer "
                                          "or 0, ?5 today."),
                                       entries);
  if (!vigie_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return vigie_cli_usage_error (context, _("This command takes no file or word, only options"));

  if (queries)
    {
      for (int i = 0; i < VIGIE_N_FIGURES; i++)
        g_print ("-- %s: %s\n%s;\n\n", vigie_figure_code ((VigieFigure) i),
                 vigie_figure_title ((VigieFigure) i), vigie_figure_sql ((VigieFigure) i));
      return VIGIE_CLI_OK;
    }

  if (year == 0)
    return vigie_cli_usage_error (context, _("Say which year to count: --year YEAR"));
  if (format != NULL && strcmp (format, "table") != 0 && strcmp (format, "json") != 0
      && strcmp (format, "csv") != 0)
    {
      /* Translators: %s is the format given; table, json and csv are not translated */
      g_autofree char *message = g_strdup_printf (_("Unknown format “%s”: use table, json or "
                                                    "csv"), format);

      return vigie_cli_usage_error (context, message);
    }
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

  options.year = year;
  options.country = country;
  options.buyer_id = buyer;
  options.today = today;
  /* Options are checked before the dataset is opened: a bad year is a usage error. */
  figures = vigie_figures_new (&options, &error);
  if (figures == NULL)
    return vigie_cli_usage_error (context, error->message);
  g_clear_pointer (&figures, vigie_figures_free);

  store = vigie_cli_open_existing (globals);
  if (store == NULL)
    return VIGIE_CLI_BAD_INPUT;
  figures = vigie_figures_compute (store, &options, NULL, &error);
  if (figures == NULL)
    {
      vigie_cli_print_error (error->message);
      return VIGIE_CLI_BAD_INPUT;
    }

  if (format != NULL && strcmp (format, "json") == 0)
    out = vigie_figures_to_json (figures);
  else if (format != NULL && strcmp (format, "csv") == 0)
    out = vigie_figures_to_csv (figures);
  else
    out = vigie_figures_to_table (figures);
  fwrite (out->str, 1, out->len, stdout);

  if (timings)
    {
      double total = 0;

      for (int i = 0; i < VIGIE_N_FIGURES; i++)
        {
          g_printerr ("%s\t%.1f\n", vigie_figure_code ((VigieFigure) i),
                      figures->milliseconds[i]);
          total += figures->milliseconds[i];
        }
      g_printerr ("total\t%.1f\n", total);
    }
  return VIGIE_CLI_OK;
}

/* vigie-import-chemicals.c — chemical inventories from CSV, all or nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "vigie-chemical.h"
#include "vigie-csv.h"
#include "vigie-import.h"
#include "vigie-import-chemicals.h"
#include "vigie-store-private.h"
#include "vigie-util.h"
#include "vigie-validate.h"
#include "vigie-vocab.h"

typedef enum
{
  COL_SITE,
  COL_TRADE_NAME,
  COL_SUPPLIER,
  COL_PROCESS,
  COL_QUANTITY,
  COL_UNIT,
  COL_CAS,
  COL_HCODES,
  COL_PERIOD,
  COL_DEPARTMENT,
  COL_QTY_STORED,
  COL_WORKERS,
  COL_WOMEN,
  COL_SDS,
  COL_SDS_LANGUAGE,
  N_COLUMNS
} Column;

static const char * const column_names[N_COLUMNS] = {
  "site", "trade_name", "supplier", "process", "quantity", "unit", "cas_numbers", "h_codes",
  "period", "department", "quantity_stored", "workers_exposed", "women_exposed", "sds",
  "sds_in_workers_language",
};

static const struct { const char *alias; Column column; } aliases[] = {
  { "trade name", COL_TRADE_NAME }, { "cas", COL_CAS }, { "cas numbers", COL_CAS },
  { "h-codes", COL_HCODES }, { "h codes", COL_HCODES }, { "hazards", COL_HCODES },
  { "quantity_per_year", COL_QUANTITY },
};

static int
column_for_header (const char *header)
{
  g_autofree char *copy = g_strstrip (g_strdup (header));
  g_autofree char *lower = g_utf8_strdown (copy, -1);

  for (guint i = 0; i < N_COLUMNS; i++)
    if (strcmp (lower, column_names[i]) == 0)
      return (int) i;
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (strcmp (lower, aliases[i].alias) == 0)
      return (int) aliases[i].column;
  return -1;
}

static void
problem_free (VigieChemicalImportProblem *p)
{
  g_free (p->field);
  g_free (p->reason);
  g_free (p);
}

void
vigie_chemical_import_report_free (VigieChemicalImportReport *r)
{
  if (r == NULL)
    return;
  g_clear_pointer (&r->problems, g_ptr_array_unref);
  g_free (r);
}

char *
vigie_chemical_import_report_format (VigieChemicalImportReport *r,
                                     const char                *file_name)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (r != NULL, NULL);

  for (guint i = 0; i < r->problems->len; i++)
    {
      VigieChemicalImportProblem *p = g_ptr_array_index (r->problems, i);

      /* Translators: %1$s file name, %2$u row number, %3$s column name, %4$s the reason */
      g_string_append_printf (out, _("%1$s: row %2$u, field “%3$s”: %4$s"), file_name, p->row,
                              p->field, p->reason);
      g_string_append_c (out, '\n');
    }
  if (r->n_rejected > 0)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                              "%1$s: %2$u row is wrong; nothing was imported.",
                                              "%1$s: %2$u rows are wrong; nothing was imported.",
                                              r->n_rejected),
                            file_name, r->n_rejected);
  else if (r->written)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                              "%1$s: %2$u chemical product imported.",
                                              "%1$s: %2$u chemical products imported.",
                                              r->n_added),
                            file_name, r->n_added);
  else
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                              "%1$s: %2$u row checked, nothing written (dry run).",
                                              "%1$s: %2$u rows checked, nothing written (dry run).",
                                              r->n_rows),
                            file_name, r->n_rows);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

typedef struct
{
  VigieStore                *store;
  VigieChemicalImportReport *report;
  int                        columns[N_COLUMNS];   /* field index, or -1 */
  guint                      row;
  guint                      line;
  gboolean                   row_bad;
} Import;

static void
reject (Import     *im,
        Column      column,
        char       *reason)
{
  VigieChemicalImportProblem *p = g_new0 (VigieChemicalImportProblem, 1);

  p->row = im->row;
  p->line = im->line;
  p->field = g_strdup (column_names[column]);
  p->reason = reason;
  g_ptr_array_add (im->report->problems, p);
  if (!im->row_bad)
    im->report->n_rejected++;
  im->row_bad = TRUE;
}

static const char *
field (Import         *im,
       VigieCsvReader *reader,
       Column          column)
{
  int index = im->columns[column];

  if (index < 0 || (guint) index >= vigie_csv_reader_get_n_fields (reader))
    return "";
  return vigie_csv_reader_get_field (reader, (guint) index);
}

static gint64
resolve_site (Import      *im,
              const char  *text)
{
  g_autofree char *t = g_strstrip (g_strdup (text));
  sqlite3_stmt *stmt;
  gint64 id = 0;
  guint n = 0;
  guint64 number;
  int rc;

  if (*t == '\0')
    {
      reject (im, COL_SITE, g_strdup (_("the site is required: its id, Open Supply Hub ID or "
                                        "exact name")));
      return 0;
    }
  if (g_ascii_string_to_unsigned (t, 10, 1, G_MAXINT64, &number, NULL))
    stmt = vigie_store_prepare (im->store, "SELECT id FROM sites WHERE id = ?1", NULL);
  else if (vigie_validate_os_id (t, NULL))
    stmt = vigie_store_prepare (im->store, "SELECT id FROM sites WHERE os_id = ?1", NULL);
  else
    stmt = vigie_store_prepare (im->store, "SELECT id FROM sites WHERE name = ?1 LIMIT 2", NULL);
  if (stmt == NULL)
    {
      reject (im, COL_SITE, g_strdup (_("the site could not be looked up")));
      return 0;
    }
  vigie_bind_text (stmt, 1, t);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      n++;
    }
  sqlite3_reset (stmt);
  if (n == 0)
    reject (im, COL_SITE, g_strdup_printf (_("no site has the id, Open Supply Hub ID or name "
                                             "“%s”"), t));
  else if (n > 1)
    reject (im, COL_SITE, g_strdup_printf (_("several sites are named “%s”: use the site’s id "
                                             "or Open Supply Hub ID"), t));
  return n == 1 ? id : 0;
}

static gboolean
parse_number (const char *text,
              double     *value)
{
  g_autofree char *t = g_strstrip (g_strdup (text));
  char *end = NULL;

  if (*t == '\0')
    {
      *value = NAN;
      return TRUE;
    }
  for (char *p = t; *p != '\0'; p++)
    if (*p == ',')
      *p = '.';
  *value = g_ascii_strtod (t, &end);
  return end != NULL && *end == '\0' && isfinite (*value);
}

static gboolean
parse_count (const char *text,
             gint64     *value)
{
  g_autofree char *t = g_strstrip (g_strdup (text));
  guint64 n;

  if (*t == '\0')
    {
      *value = -1;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (t, 10, 0, G_MAXINT32, &n, NULL))
    return FALSE;
  *value = (gint64) n;
  return TRUE;
}

/* yes/no → 1/0; "" → DEFAULT_VALUE; anything else → -2. */
static int
parse_yes_no (const char *text,
              int         default_value)
{
  g_autofree char *t = g_strstrip (g_ascii_strdown (text, -1));

  if (*t == '\0')
    return default_value;
  if (strcmp (t, "yes") == 0 || strcmp (t, "y") == 0 || strcmp (t, "1") == 0
      || strcmp (t, "true") == 0 || strcmp (t, "oui") == 0)
    return 1;
  if (strcmp (t, "no") == 0 || strcmp (t, "n") == 0 || strcmp (t, "0") == 0
      || strcmp (t, "false") == 0 || strcmp (t, "non") == 0)
    return 0;
  return -2;
}

/* "110-54-3:60-80;108-88-3:10-20;7440-50-8" */
static void
parse_constituents (Import               *im,
                    const char           *text,
                    VigieChemicalProduct *p)
{
  g_auto(GStrv) entries = g_strsplit (text, ";", -1);

  for (guint i = 0; entries[i] != NULL; i++)
    {
      g_autofree char *entry = g_strstrip (g_strdup (entries[i]));
      g_autofree char *why = NULL;
      g_autofree char *cas = NULL;
      const char *colon;
      VigieConstituent *c;
      double lo = NAN, hi = NAN;

      if (*entry == '\0')
        continue;
      colon = strchr (entry, ':');
      cas = g_strstrip (colon != NULL ? g_strndup (entry, (gsize) (colon - entry)) : g_strdup (entry));
      if (vigie_chemical_is_no_cas (cas))
        {
          reject (im, COL_CAS, g_strdup_printf (_("“%s” is not a CAS number: constituents "
                                                  "without one are entered in the product "
                                                  "editor"), entry));
          continue;
        }
      if (!vigie_validate_cas (cas, &why))
        {
          reject (im, COL_CAS, g_steal_pointer (&why));
          continue;
        }
      if (colon != NULL)
        {
          g_autofree char *conc = g_strstrip (g_strdup (colon + 1));
          char *dash = strchr (conc, '-');
          gboolean ok;

          g_strdelimit (conc, "%", ' ');
          if (dash != NULL)
            {
              *dash = '\0';
              ok = parse_number (conc, &lo) && parse_number (dash + 1, &hi)
                   && !isnan (lo) && !isnan (hi);
            }
          else
            {
              ok = parse_number (conc, &lo) && !isnan (lo);
              hi = lo;
            }
          if (!ok || lo < 0 || hi > 100 || hi < lo)
            {
              reject (im, COL_CAS, g_strdup_printf (_("“%1$s”: the concentration of %2$s must "
                                                      "be a percentage or a range such as "
                                                      "10-20 within 0 to 100"), entry, cas));
              continue;
            }
        }
      c = vigie_constituent_new ();
      {
        g_autoptr(VigieSubstance) known = vigie_chemical_find_substance_by_cas (im->store, cas,
                                                                                NULL);
        if (known != NULL)
          {
            g_free (c->name);
            c->name = g_strdup (known->name);
          }
      }
      c->cas_rn = g_steal_pointer (&cas);
      c->conc_min = lo;
      c->conc_max = hi;
      for (guint k = 0; k < p->constituents->len; k++)
        {
          VigieConstituent *other = g_ptr_array_index (p->constituents, k);

          if (g_strcmp0 (other->cas_rn, c->cas_rn) == 0)
            {
              reject (im, COL_CAS, g_strdup_printf (_("%s is listed twice"), c->cas_rn));
              g_clear_pointer (&c, vigie_constituent_free);
              break;
            }
        }
      if (c != NULL)
        g_ptr_array_add (p->constituents, c);
    }
}

static VigieChemicalProduct *
read_row (Import         *im,
          VigieCsvReader *reader,
          const char     *default_period)
{
  g_autoptr(VigieChemicalProduct) p = vigie_chemical_product_new ();
  g_autofree char *why = NULL;
  g_autofree char *field_name = NULL;
  const char *text;
  int yn;

  im->row_bad = FALSE;
  p->site_id = resolve_site (im, field (im, reader, COL_SITE));

  text = field (im, reader, COL_TRADE_NAME);
  g_free (p->trade_name);
  p->trade_name = g_strstrip (g_strdup (text));
  if (*p->trade_name == '\0')
    reject (im, COL_TRADE_NAME, g_strdup (_("the trade name is required")));
  else if (g_utf8_strlen (p->trade_name, -1) > 200)
    reject (im, COL_TRADE_NAME, g_strdup (_("the trade name is longer than 200 characters")));

  g_free (p->supplier);
  p->supplier = g_strstrip (g_strdup (field (im, reader, COL_SUPPLIER)));
  g_free (p->department);
  p->department = g_strstrip (g_strdup (field (im, reader, COL_DEPARTMENT)));

  text = field (im, reader, COL_PROCESS);
  if (*text != '\0')
    {
      g_autofree char *lower = g_strstrip (g_ascii_strdown (text, -1));

      if (vigie_vocab_index (VIGIE_VOCAB_CHEMICAL_PROCESS, lower) < 0)
        reject (im, COL_PROCESS, g_strdup_printf (_("“%s” is not a process: use cleaning, "
                                                    "degreasing, soldering, etching, plating, "
                                                    "coating, gluing, printing, testing or "
                                                    "other"), text));
      else
        {
          g_free (p->process);
          p->process = g_steal_pointer (&lower);
        }
    }

  text = field (im, reader, COL_PERIOD);
  g_free (p->period);
  p->period = g_strstrip (g_strdup (*text != '\0' ? text : default_period));
  if (!vigie_chemical_validate_period (p->period, &why))
    reject (im, COL_PERIOD, g_steal_pointer (&why));

  if (!parse_number (field (im, reader, COL_QUANTITY), &p->qty_per_year) || p->qty_per_year < 0)
    reject (im, COL_QUANTITY, g_strdup_printf (_("“%s” is not a quantity (a number, zero or "
                                                 "more)"), field (im, reader, COL_QUANTITY)));
  if (!parse_number (field (im, reader, COL_QTY_STORED), &p->qty_stored_max)
      || p->qty_stored_max < 0)
    reject (im, COL_QTY_STORED, g_strdup_printf (_("“%s” is not a quantity (a number, zero "
                                                   "or more)"),
                                                 field (im, reader, COL_QTY_STORED)));
  text = field (im, reader, COL_UNIT);
  if (*text != '\0')
    {
      g_autofree char *unit = g_strstrip (g_strdup (text));

      if (g_ascii_strcasecmp (unit, "kg") == 0)
        p->qty_unit = g_strdup ("kg");
      else if (g_ascii_strcasecmp (unit, "l") == 0)
        p->qty_unit = g_strdup ("L");
      else if (g_ascii_strcasecmp (unit, "t") == 0)
        p->qty_unit = g_strdup ("t");
      else
        reject (im, COL_UNIT, g_strdup_printf (_("“%s” is not a unit: use kg, L or t"), unit));
    }
  else if (!isnan (p->qty_per_year) || !isnan (p->qty_stored_max))
    reject (im, COL_UNIT, g_strdup (_("a quantity needs its unit (kg, L or t)")));

  if (!parse_count (field (im, reader, COL_WORKERS), &p->workers_exposed))
    reject (im, COL_WORKERS, g_strdup_printf (_("“%s” is not a number of workers"),
                                              field (im, reader, COL_WORKERS)));
  if (!parse_count (field (im, reader, COL_WOMEN), &p->women_exposed))
    reject (im, COL_WOMEN, g_strdup_printf (_("“%s” is not a number of workers"),
                                            field (im, reader, COL_WOMEN)));
  else if (p->women_exposed >= 0 && p->workers_exposed >= 0
           && p->women_exposed > p->workers_exposed)
    reject (im, COL_WOMEN, g_strdup (_("more women exposed than workers exposed")));

  yn = parse_yes_no (field (im, reader, COL_SDS), 0);
  if (yn == -2)
    reject (im, COL_SDS, g_strdup (_("write yes or no")));
  else
    p->sds_available = yn == 1;
  yn = parse_yes_no (field (im, reader, COL_SDS_LANGUAGE), 0);
  if (yn == -2)
    reject (im, COL_SDS_LANGUAGE, g_strdup (_("write yes or no")));
  else
    p->sds_in_workers_language = yn == 1;

  parse_constituents (im, field (im, reader, COL_CAS), p);

  text = field (im, reader, COL_HCODES);
  {
    g_auto(GStrv) codes = vigie_chemical_parse_hazard_list (text, &why);

    if (codes == NULL)
      reject (im, COL_HCODES, g_steal_pointer (&why));
    else
      for (guint i = 0; codes[i] != NULL; i++)
        g_ptr_array_add (p->hazard_codes, g_strdup (codes[i]));
  }

  /* Anything the checks above missed (the same rules the editor applies). */
  if (!im->row_bad && !vigie_chemical_product_validate (p, &field_name, &why))
    {
      Column column = COL_TRADE_NAME;

      if (g_str_has_prefix (field_name, "constituents"))
        column = COL_CAS;
      else
        for (guint i = 0; i < N_COLUMNS; i++)
          if (strcmp (field_name, column_names[i]) == 0)
            column = (Column) i;
      reject (im, column, g_steal_pointer (&why));
    }
  return im->row_bad ? NULL : g_steal_pointer (&p);
}

VigieChemicalImportReport *
vigie_import_chemicals (VigieStore    *store,
                        const char    *path,
                        gboolean       dry_run,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(VigieCsvReader) reader = NULL;
  g_autoptr(VigieChemicalImportReport) report = NULL;
  g_autoptr(GPtrArray) products = NULL;
  g_autofree char *base = NULL;
  g_autofree char *today = vigie_today_iso ();
  g_autofree char *default_period = g_strndup (today, 4);
  GError *local = NULL;
  Import im = { 0 };

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  base = g_path_get_basename (path);

  /* One transaction from the seeding of the substance reference (which the rows are
   * matched against) to the last product: a file that is refused, or a dry run, leaves
   * the dataset exactly as it was. */
  if (!vigie_store_begin (store, error))
    return NULL;
  if (vigie_chemical_seed_substances (store, error) < 0)
    goto fail;

  reader = vigie_csv_reader_new_for_path (path, &local);
  if (reader == NULL || !vigie_csv_reader_next (reader, cancellable, &local))
    {
      if (local != NULL)
        {
          g_set_error (error, VIGIE_IMPORT_ERROR, VIGIE_IMPORT_ERROR_READ, "%s: %s", base,
                       local->message);
          g_error_free (local);
        }
      else
        g_set_error (error, VIGIE_IMPORT_ERROR, VIGIE_IMPORT_ERROR_EMPTY,
                     _("%s: the file is empty: it needs a header line naming at least the "
                       "columns site and trade_name"), base);
      goto fail;
    }

  for (guint i = 0; i < N_COLUMNS; i++)
    im.columns[i] = -1;
  for (guint i = 0; i < vigie_csv_reader_get_n_fields (reader); i++)
    {
      int column = column_for_header (vigie_csv_reader_get_field (reader, i));

      if (column < 0)
        continue;
      if (im.columns[column] >= 0)
        {
          g_set_error (error, VIGIE_IMPORT_ERROR, VIGIE_IMPORT_ERROR_DUPLICATE_COLUMN,
                       _("%1$s: the column “%2$s” appears twice in the header"), base,
                       column_names[column]);
          goto fail;
        }
      im.columns[column] = (int) i;
    }
  for (guint i = 0; i <= COL_TRADE_NAME; i++)
    if (im.columns[i] < 0)
      {
        g_set_error (error, VIGIE_IMPORT_ERROR, VIGIE_IMPORT_ERROR_MISSING_COLUMN,
                     _("%1$s: the required column “%2$s” is missing: the header line must "
                       "name at least site and trade_name"), base, column_names[i]);
        goto fail;
      }

  report = g_new0 (VigieChemicalImportReport, 1);
  report->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  products = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_chemical_product_free);
  im.store = store;
  im.report = report;

  while (vigie_csv_reader_next (reader, cancellable, &local))
    {
      VigieChemicalProduct *p;

      im.row++;
      im.line = (guint) vigie_csv_reader_get_line (reader);
      report->n_rows++;
      p = read_row (&im, reader, default_period);
      if (p != NULL)
        g_ptr_array_add (products, p);
    }
  if (local != NULL)
    {
      g_set_error (error, VIGIE_IMPORT_ERROR, VIGIE_IMPORT_ERROR_READ, "%s: %s", base,
                   local->message);
      g_error_free (local);
      goto fail;
    }

  if (report->n_rejected > 0 || dry_run || products->len == 0)
    {
      /* Nothing is written: the seeding goes too. */
      vigie_store_rollback (store);
      return g_steal_pointer (&report);
    }

  for (guint i = 0; i < products->len; i++)
    if (vigie_chemical_insert_product (store, g_ptr_array_index (products, i), error) == 0)
      goto fail;
  if (!vigie_store_commit (store, error))
    return NULL;
  report->n_added = products->len;
  report->written = TRUE;
  return g_steal_pointer (&report);

fail:
  vigie_store_rollback (store);
  return NULL;
}

/* vigie-chemical.c — chemical products, substances, hazard statements, measurements and
 * the hazard summary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "vigie-chemical.h"
#include "vigie-reference.h"
#include "vigie-store-private.h"
#include "vigie-util.h"
#include "vigie-validate.h"
#include "vigie-vocab.h"

#define SUBSTANCES_RESOURCE "/io/github/vigie/Vigie/core/reference/substances.tsv"

G_DEFINE_QUARK (vigie-chemical-error-quark, vigie_chemical_error)

static gboolean
empty_str (const char *s)
{
  return s == NULL || *s == '\0';
}

static char *
dup_or_null (const char *s)
{
  return empty_str (s) ? NULL : g_strdup (s);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  return g_strdup (text != NULL ? text : "");
}

static double
column_double_or_nan (sqlite3_stmt *stmt,
                      int           col)
{
  return sqlite3_column_type (stmt, col) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, col);
}

static gint64
column_int_or (sqlite3_stmt *stmt,
               int           col,
               gint64        unknown)
{
  return sqlite3_column_type (stmt, col) == SQLITE_NULL ? unknown : sqlite3_column_int64 (stmt, col);
}

static void
bind_double_or_null (sqlite3_stmt *stmt,
                     int           index,
                     double        value)
{
  if (isnan (value))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_double (stmt, index, value);
}

static void
bind_int_or_null (sqlite3_stmt *stmt,
                  int           index,
                  gint64        value)
{
  if (value < 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

/* ─── Records ────────────────────────────────────────────────────────────── */

VigieConstituent *
vigie_constituent_new (void)
{
  VigieConstituent *c = g_new0 (VigieConstituent, 1);

  c->name = g_strdup ("");
  c->conc_min = NAN;
  c->conc_max = NAN;
  return c;
}

VigieConstituent *
vigie_constituent_copy (const VigieConstituent *c)
{
  VigieConstituent *copy;

  g_return_val_if_fail (c != NULL, NULL);

  copy = g_new0 (VigieConstituent, 1);
  copy->substance_id = c->substance_id;
  copy->name = g_strdup (c->name != NULL ? c->name : "");
  copy->cas_rn = g_strdup (c->cas_rn);
  copy->conc_min = c->conc_min;
  copy->conc_max = c->conc_max;
  return copy;
}

void
vigie_constituent_free (VigieConstituent *c)
{
  if (c == NULL)
    return;
  g_free (c->name);
  g_free (c->cas_rn);
  g_free (c);
}

VigieChemicalProduct *
vigie_chemical_product_new (void)
{
  VigieChemicalProduct *p = g_new0 (VigieChemicalProduct, 1);

  p->trade_name = g_strdup ("");
  p->supplier = g_strdup ("");
  p->process = g_strdup ("other");
  p->department = g_strdup ("");
  p->qty_per_year = NAN;
  p->qty_stored_max = NAN;
  p->qty_source = g_strdup ("");
  p->workers_exposed = -1;
  p->women_exposed = -1;
  p->engineering_controls = g_strdup ("");
  p->ppe_provided = g_strdup ("");
  p->ppe_adequate_reported = -1;
  p->notes = g_strdup ("");
  p->constituents = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_constituent_free);
  p->hazard_codes = g_ptr_array_new_with_free_func (g_free);
  return p;
}

VigieChemicalProduct *
vigie_chemical_product_copy (const VigieChemicalProduct *p)
{
  VigieChemicalProduct *copy;

  g_return_val_if_fail (p != NULL, NULL);

  copy = vigie_chemical_product_new ();
#define STR(member) G_STMT_START { g_free (copy->member); copy->member = g_strdup (p->member); } G_STMT_END
  copy->id = p->id;
  STR (uuid);
  copy->site_id = p->site_id;
  STR (period);
  STR (trade_name);
  STR (supplier);
  copy->sds_available = p->sds_available;
  STR (sds_revision);
  copy->sds_in_workers_language = p->sds_in_workers_language;
  STR (process);
  STR (department);
  copy->qty_per_year = p->qty_per_year;
  copy->qty_stored_max = p->qty_stored_max;
  STR (qty_unit);
  STR (qty_source);
  copy->workers_exposed = p->workers_exposed;
  copy->women_exposed = p->women_exposed;
  STR (engineering_controls);
  STR (ppe_provided);
  copy->ppe_adequate_reported = p->ppe_adequate_reported;
  copy->training = p->training;
  copy->labels_in_workers_language = p->labels_in_workers_language;
  STR (notes);
#undef STR
  for (guint i = 0; p->constituents != NULL && i < p->constituents->len; i++)
    g_ptr_array_add (copy->constituents,
                     vigie_constituent_copy (g_ptr_array_index (p->constituents, i)));
  for (guint i = 0; p->hazard_codes != NULL && i < p->hazard_codes->len; i++)
    g_ptr_array_add (copy->hazard_codes, g_strdup (g_ptr_array_index (p->hazard_codes, i)));
  return copy;
}

void
vigie_chemical_product_free (VigieChemicalProduct *p)
{
  if (p == NULL)
    return;
  g_free (p->uuid);
  g_free (p->period);
  g_free (p->trade_name);
  g_free (p->supplier);
  g_free (p->sds_revision);
  g_free (p->process);
  g_free (p->department);
  g_free (p->qty_unit);
  g_free (p->qty_source);
  g_free (p->engineering_controls);
  g_free (p->ppe_provided);
  g_free (p->notes);
  g_clear_pointer (&p->constituents, g_ptr_array_unref);
  g_clear_pointer (&p->hazard_codes, g_ptr_array_unref);
  g_free (p);
}

/* ─── Validation ─────────────────────────────────────────────────────────── */

gboolean
vigie_chemical_is_no_cas (const char *text)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return TRUE;
  copy = g_strstrip (g_ascii_strdown (text, -1));
  return *copy == '\0' || strcmp (copy, "none") == 0 || strcmp (copy, "no cas") == 0
         || strcmp (copy, "n/a") == 0 || strcmp (copy, "-") == 0;
}

gboolean
vigie_chemical_parse_cas (const char  *text,
                          char       **cas_out,
                          char       **reason)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (cas_out != NULL)
    *cas_out = NULL;
  if (vigie_chemical_is_no_cas (stripped))
    return TRUE;
  /* As typed: the text is checked, never reformatted into a valid number. */
  if (!vigie_validate_cas (stripped, reason))
    return FALSE;
  if (cas_out != NULL)
    *cas_out = g_steal_pointer (&stripped);
  return TRUE;
}

gboolean
vigie_chemical_validate_period (const char  *text,
                                char       **reason)
{
  int year = 0, month = 0;
  gsize len = text != NULL ? strlen (text) : 0;

  if ((len == 4 && sscanf (text, "%4d", &year) == 1 && g_ascii_isdigit (text[3]))
      || (len == 7 && text[4] == '-' && g_ascii_isdigit (text[5]) && g_ascii_isdigit (text[6])
          && sscanf (text, "%4d-%2d", &year, &month) == 2))
    {
      if (year >= 1900 && year <= 2999 && (len == 4 || (month >= 1 && month <= 12)))
        {
          for (gsize i = 0; i < 4; i++)
            if (!g_ascii_isdigit (text[i]))
              goto bad;
          return TRUE;
        }
    }
bad:
  if (reason != NULL)
    /* Translators: %s is what the user typed */
    *reason = g_strdup_printf (_("“%s” is not a reporting period: write a year (2025) or a "
                                 "year and month (2025-03)"), text != NULL ? text : "");
  return FALSE;
}

static gboolean
fail_field (char       **field,
            char       **reason,
            const char  *field_name,
            char        *message)
{
  if (field != NULL)
    *field = g_strdup (field_name);
  if (reason != NULL)
    *reason = message;
  else
    g_free (message);
  return FALSE;
}

static gboolean
valid_quantity (double value)
{
  return isnan (value) || (isfinite (value) && value >= 0);
}

gboolean
vigie_chemical_product_validate (const VigieChemicalProduct  *p,
                                 char                       **field,
                                 char                       **reason)
{
  char *why = NULL;
  gsize name_len;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (p != NULL, FALSE);

  if (field != NULL)
    *field = NULL;
  if (reason != NULL)
    *reason = NULL;

  if (p->site_id <= 0)
    return fail_field (field, reason, "site_id", g_strdup (_("Choose the site")));
  if (!vigie_chemical_validate_period (p->period, &why))
    return fail_field (field, reason, "period", why);
  {
    g_autofree char *trimmed = g_strstrip (g_strdup (p->trade_name != NULL ? p->trade_name : ""));

    name_len = g_utf8_strlen (trimmed, -1);
  }
  if (name_len == 0)
    return fail_field (field, reason, "trade_name", g_strdup (_("The trade name is required")));
  if (name_len > 200)
    return fail_field (field, reason, "trade_name",
                       g_strdup (_("The trade name is longer than 200 characters")));
  if (vigie_vocab_index (VIGIE_VOCAB_CHEMICAL_PROCESS, p->process) < 0
      || empty_str (p->process))
    return fail_field (field, reason, "process",
                       g_strdup_printf (_("“%s” is not a known process"),
                                        p->process != NULL ? p->process : ""));
  if (!empty_str (p->sds_revision) && !vigie_validate_date (p->sds_revision, &why))
    return fail_field (field, reason, "sds_revision", why);
  if (!valid_quantity (p->qty_per_year))
    return fail_field (field, reason, "qty_per_year",
                       g_strdup (_("A quantity cannot be negative")));
  if (!valid_quantity (p->qty_stored_max))
    return fail_field (field, reason, "qty_stored_max",
                       g_strdup (_("A quantity cannot be negative")));
  if (!empty_str (p->qty_unit) && strcmp (p->qty_unit, "kg") != 0
      && strcmp (p->qty_unit, "L") != 0 && strcmp (p->qty_unit, "t") != 0)
    return fail_field (field, reason, "qty_unit",
                       g_strdup_printf (_("“%s” is not a unit: use kg, L or t"), p->qty_unit));
  if ((!isnan (p->qty_per_year) || !isnan (p->qty_stored_max)) && empty_str (p->qty_unit))
    return fail_field (field, reason, "qty_unit",
                       g_strdup (_("Give the unit of the quantities (kg, L or t)")));
  {
    gint64 groups[1] = { p->women_exposed };

    if (!vigie_validate_group_counts (p->workers_exposed, 1, groups, &why))
      return fail_field (field, reason,
                         p->women_exposed > p->workers_exposed ? "women_exposed" : "workers_exposed",
                         why);
    if (p->women_exposed >= 0 && p->workers_exposed < 0)
      return fail_field (field, reason, "workers_exposed",
                         g_strdup (_("Give the number of workers exposed as well as the number "
                                     "of women")));
  }
  if (p->ppe_adequate_reported < -1 || p->ppe_adequate_reported > 1)
    return fail_field (field, reason, "ppe_adequate_reported",
                       g_strdup (_("Not a valid answer")));

  for (guint i = 0; p->constituents != NULL && i < p->constituents->len; i++)
    {
      const VigieConstituent *c = g_ptr_array_index (p->constituents, i);
      g_autofree char *prefix = g_strdup_printf ("constituents[%u]", i);
      g_autofree char *f_name = g_strconcat (prefix, ".name", NULL);
      g_autofree char *f_cas = g_strconcat (prefix, ".cas_rn", NULL);
      g_autofree char *f_conc = g_strconcat (prefix, ".conc", NULL);
      g_autofree char *trimmed = g_strstrip (g_strdup (c->name != NULL ? c->name : ""));
      const char *key;

      if (*trimmed == '\0' && c->substance_id <= 0 && c->cas_rn == NULL)
        return fail_field (field, reason, f_name,
                           g_strdup (_("Name the substance or give its CAS number")));
      if (g_utf8_strlen (trimmed, -1) > 200)
        return fail_field (field, reason, f_name,
                           g_strdup (_("The substance name is longer than 200 characters")));
      if (c->cas_rn != NULL && !vigie_validate_cas (c->cas_rn, &why))
        return fail_field (field, reason, f_cas, why);
      if ((!isnan (c->conc_min) && (c->conc_min < 0 || c->conc_min > 100))
          || (!isnan (c->conc_max) && (c->conc_max < 0 || c->conc_max > 100)))
        return fail_field (field, reason, f_conc,
                           g_strdup (_("A concentration is a percentage from 0 to 100")));
      if (!isnan (c->conc_min) && !isnan (c->conc_max) && c->conc_max < c->conc_min)
        return fail_field (field, reason, f_conc,
                           g_strdup (_("The highest concentration is below the lowest")));
      key = c->cas_rn != NULL ? c->cas_rn : trimmed;
      if (g_hash_table_contains (seen, key))
        return fail_field (field, reason, f_cas,
                           g_strdup_printf (_("“%s” is listed twice"), key));
      g_hash_table_add (seen, g_strdup (key));
    }

  for (guint i = 0; p->hazard_codes != NULL && i < p->hazard_codes->len; i++)
    {
      const char *code = g_ptr_array_index (p->hazard_codes, i);

      if (!vigie_reference_is_hazard_code (code))
        return fail_field (field, reason, "hazard_codes",
                           g_strdup_printf (_("“%s” is not a hazard statement code"), code));
    }
  return TRUE;
}

/* ─── Hazard statements ──────────────────────────────────────────────────── */

void
vigie_hazard_statement_free (VigieHazardStatement *h)
{
  if (h == NULL)
    return;
  g_free (h->code);
  g_free (h->text);
  g_free (h->kind);
  g_free (h->hazard_class);
  g_free (h->category);
  g_free (h->pictogram);
  g_free (h->signal_word);
  g_free (h);
}

static const char hazard_columns[] =
  "SELECT code, text, kind, hazard_class, category, pictogram, signal_word, deleted "
  "FROM hazard_statements";

static VigieHazardStatement *
read_hazard (sqlite3_stmt *stmt)
{
  VigieHazardStatement *h = g_new0 (VigieHazardStatement, 1);

  h->code = column_text (stmt, 0);
  h->text = column_text (stmt, 1);
  h->kind = column_text (stmt, 2);
  h->hazard_class = column_text (stmt, 3);
  h->category = column_text (stmt, 4);
  h->pictogram = vigie_column_dup (stmt, 5);
  h->signal_word = vigie_column_dup (stmt, 6);
  h->deleted = sqlite3_column_int (stmt, 7) != 0;
  return h;
}

GPtrArray *
vigie_chemical_list_hazard_statements (VigieStore  *store,
                                       GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_hazard_statement_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  /* H codes first, by number then sub-code; the EUH codes after them. */
  stmt = vigie_store_prepare (store,
                              "SELECT code, text, kind, hazard_class, category, pictogram, "
                              "signal_word, deleted FROM hazard_statements "
                              "ORDER BY code LIKE 'EUH%', "
                              "CAST (substr (code, CASE WHEN code LIKE 'EUH%' THEN 4 ELSE 2 END)"
                              " AS INTEGER), code", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, read_hazard (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

VigieHazardStatement *
vigie_chemical_get_hazard_statement (VigieStore  *store,
                                     const char  *code,
                                     GError     **error)
{
  g_autofree char *sql = g_strconcat (hazard_columns, " WHERE code = ?1", NULL);
  VigieHazardStatement *h = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  stmt = vigie_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  vigie_bind_text (stmt, 1, code);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    h = read_hazard (stmt);
  else if (rc != SQLITE_DONE)
    vigie_store_set_error (store, rc, error);
  sqlite3_reset (stmt);
  return h;
}

char **
vigie_chemical_parse_hazard_list (const char  *text,
                                  char       **reason)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) tokens = NULL;
  g_autofree char *copy = g_strdup (text != NULL ? text : "");

  /* Spaces around '+' belong to a combined code: squeeze them out first. */
  {
    GString *squeezed = g_string_new (NULL);

    for (const char *p = copy; *p != '\0'; p++)
      {
        if (*p == ' ' || *p == '\t')
          {
            const char *q = p;

            while (*q == ' ' || *q == '\t')
              q++;
            if (*q == '+' || (squeezed->len > 0 && squeezed->str[squeezed->len - 1] == '+'))
              {
                p = q - 1;
                continue;
              }
          }
        g_string_append_c (squeezed, *p);
      }
    g_free (copy);
    copy = g_string_free (squeezed, FALSE);
  }

  tokens = g_strsplit_set (copy, ";, \t\n", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;

      if (tokens[i][0] == '\0')
        continue;
      parts = vigie_hazard_split (tokens[i], reason);
      if (parts == NULL)
        return NULL;
      for (guint k = 0; parts[k] != NULL; k++)
        {
          gboolean dup = FALSE;

          for (guint j = 0; j < codes->len && !dup; j++)
            dup = strcmp (g_ptr_array_index (codes, j), parts[k]) == 0;
          if (!dup)
            g_ptr_array_add (codes, g_strdup (parts[k]));
        }
    }
  g_ptr_array_add (codes, NULL);
  return (char **) g_ptr_array_steal (codes, NULL);
}

VigieCmrFlags
vigie_chemical_cmr_flags_for_code (const char *code)
{
  if (code == NULL)
    return VIGIE_CMR_NONE;
  if (g_str_has_prefix (code, "H350") || strcmp (code, "H351") == 0)
    return VIGIE_CMR_CARCINOGEN;
  if (strcmp (code, "H340") == 0 || strcmp (code, "H341") == 0)
    return VIGIE_CMR_MUTAGEN;
  if (g_str_has_prefix (code, "H360") || g_str_has_prefix (code, "H361")
      || strcmp (code, "H362") == 0)
    return VIGIE_CMR_REPROTOXIC;
  return VIGIE_CMR_NONE;
}

void
vigie_label_elements_free (VigieLabelElements *l)
{
  if (l == NULL)
    return;
  g_strfreev (l->pictograms);
  g_free (l->signal_word);
  g_free (l);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

VigieLabelElements *
vigie_chemical_label_elements (VigieStore          *store,
                               const char * const  *codes,
                               GError             **error)
{
  g_autoptr(VigieLabelElements) label = g_new0 (VigieLabelElements, 1);
  g_autoptr(GPtrArray) pictos = g_ptr_array_new_with_free_func (g_free);
  gboolean has[10] = { FALSE };
  gboolean ghs07_other = FALSE;      /* GHS07 for a reason no precedence rule removes */
  gboolean ghs07_acute = FALSE;      /* acute toxicity cat. 4 */
  gboolean ghs07_irritant = FALSE;   /* skin / eye irritation */
  gboolean ghs07_skin_sens = FALSE;  /* skin sensitisation */
  gboolean resp_sens = FALSE;        /* H334 */
  gboolean danger = FALSE, warning = FALSE;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      g_autoptr(GError) local = NULL;
      g_autoptr(VigieHazardStatement) h = vigie_chemical_get_hazard_statement (store, codes[i],
                                                                              &local);

      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      if (h == NULL)
        continue;
      if (g_strcmp0 (h->signal_word, "danger") == 0)
        danger = TRUE;
      else if (g_strcmp0 (h->signal_word, "warning") == 0)
        warning = TRUE;
      if (strcmp (h->code, "H334") == 0)
        resp_sens = TRUE;
      if (h->pictogram != NULL && strlen (h->pictogram) == 5)
        {
          int n = h->pictogram[4] - '0';

          if (n < 1 || n > 9)
            continue;
          if (n != 7)
            has[n] = TRUE;
          else if (strcmp (h->code, "H315") == 0 || strcmp (h->code, "H319") == 0)
            ghs07_irritant = TRUE;
          else if (strcmp (h->code, "H317") == 0)
            ghs07_skin_sens = TRUE;
          else if (strcmp (h->code, "H302") == 0 || strcmp (h->code, "H312") == 0
                   || strcmp (h->code, "H332") == 0)
            ghs07_acute = TRUE;
          else
            ghs07_other = TRUE;
        }
    }

  /* GHS precedence (GHS Rev. 10, 1.4.10.5.3.1; CLP Article 26 (1)): no exclamation mark
   * with the skull and crossbones; none for skin or eye irritation with the corrosion
   * pictogram; none for skin sensitisation or irritation with the health hazard pictogram
   * of respiratory sensitisation. */
  has[7] = ghs07_other || ghs07_acute
           || (ghs07_irritant && !has[5] && !(resp_sens && has[8]))
           || (ghs07_skin_sens && !(resp_sens && has[8]));
  if (has[6])
    has[7] = FALSE;

  for (int n = 1; n <= 9; n++)
    if (has[n])
      g_ptr_array_add (pictos, g_strdup_printf ("GHS0%d", n));
  g_ptr_array_sort (pictos, compare_strings);
  g_ptr_array_add (pictos, NULL);
  label->pictograms = (char **) g_ptr_array_steal (pictos, NULL);
  label->signal_word = g_strdup (danger ? "danger" : warning ? "warning" : NULL);
  return g_steal_pointer (&label);
}

/* ─── Substances ─────────────────────────────────────────────────────────── */

void
vigie_substance_free (VigieSubstance *s)
{
  if (s == NULL)
    return;
  g_free (s->name);
  g_free (s->cas_rn);
  g_free (s->ec_number);
  g_free (s->svhc_date);
  g_free (s->cmr_category);
  g_free (s->hazards);
  g_free (s);
}

#define SUBSTANCE_SELECT \
  "SELECT s.id, s.name, s.cas_rn, s.ec_number, s.svhc, s.svhc_date, s.sin_list, " \
  "       s.rohs_restricted, s.cmr_category, " \
  "       (SELECT group_concat (hazard_code, ' ') FROM " \
  "          (SELECT hazard_code FROM substance_hazards h WHERE h.substance_id = s.id " \
  "            ORDER BY hazard_code)), " \
  "       (SELECT count (DISTINCT product_id) FROM constituents c WHERE c.substance_id = s.id) " \
  "  FROM substances s"

static VigieSubstance *
read_substance (sqlite3_stmt *stmt)
{
  VigieSubstance *s = g_new0 (VigieSubstance, 1);

  s->id = sqlite3_column_int64 (stmt, 0);
  s->name = column_text (stmt, 1);
  s->cas_rn = vigie_column_dup (stmt, 2);
  s->ec_number = vigie_column_dup (stmt, 3);
  s->svhc = sqlite3_column_int (stmt, 4) != 0;
  s->svhc_date = vigie_column_dup (stmt, 5);
  s->sin_list = sqlite3_column_int (stmt, 6) != 0;
  s->rohs_restricted = sqlite3_column_int (stmt, 7) != 0;
  s->cmr_category = vigie_column_dup (stmt, 8);
  s->hazards = column_text (stmt, 9);
  s->n_products = sqlite3_column_int64 (stmt, 10);
  return s;
}

GPtrArray *
vigie_chemical_list_substances (VigieStore  *store,
                                const char  *search,
                                GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_substance_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  stmt = vigie_store_prepare (store,
                              SUBSTANCE_SELECT
                              " WHERE ?1 IS NULL OR instr (lower (s.name), lower (?1)) > 0"
                              "    OR s.cas_rn = ?1"
                              " ORDER BY s.name COLLATE NOCASE, s.id", error);
  if (stmt == NULL)
    return NULL;
  vigie_bind_text (stmt, 1, empty_str (search) ? NULL : search);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, read_substance (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

VigieSubstance *
vigie_chemical_find_substance_by_cas (VigieStore  *store,
                                      const char  *cas_rn,
                                      GError     **error)
{
  VigieSubstance *s = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  stmt = vigie_store_prepare (store, SUBSTANCE_SELECT " WHERE s.cas_rn = ?1", error);
  if (stmt == NULL)
    return NULL;
  vigie_bind_text (stmt, 1, cas_rn);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    s = read_substance (stmt);
  else if (rc != SQLITE_DONE)
    vigie_store_set_error (store, rc, error);
  sqlite3_reset (stmt);
  return s;
}

gboolean
vigie_chemical_update_substance (VigieStore            *store,
                                 const VigieSubstance  *s,
                                 GError               **error)
{
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  g_autofree char *now = vigie_now_iso ();
  char *why = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (s != NULL, FALSE);

  if (empty_str (s->name))
    {
      g_set_error_literal (error, VIGIE_CHEMICAL_ERROR, VIGIE_CHEMICAL_ERROR_INVALID,
                           _("The substance name is required"));
      return FALSE;
    }
  if (!empty_str (s->svhc_date) && !vigie_validate_date (s->svhc_date, &why))
    {
      g_set_error_literal (error, VIGIE_CHEMICAL_ERROR, VIGIE_CHEMICAL_ERROR_INVALID, why);
      g_free (why);
      return FALSE;
    }
  if (!empty_str (s->cmr_category) && g_strcmp0 (s->cmr_category, "1A") != 0
      && g_strcmp0 (s->cmr_category, "1B") != 0 && g_strcmp0 (s->cmr_category, "2") != 0)
    {
      g_set_error (error, VIGIE_CHEMICAL_ERROR, VIGIE_CHEMICAL_ERROR_INVALID,
                   _("“%s” is not a CMR category: use 1A, 1B or 2"), s->cmr_category);
      return FALSE;
    }

  if (!vigie_store_begin (store, error))
    return FALSE;
  old_json = vigie_store_snapshot (store, "substances", s->id);
  if (old_json == NULL)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND,
                   _("The substance no longer exists"));
      goto fail;
    }
  stmt = vigie_store_prepare (store,
                              "UPDATE substances SET name = ?2, svhc = ?3, svhc_date = ?4, "
                              "sin_list = ?5, rohs_restricted = ?6, cmr_category = ?7, "
                              "updated_at = ?8, ec_number = ?9 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, s->id);
  vigie_bind_text (stmt, 2, s->name);
  sqlite3_bind_int (stmt, 3, s->svhc ? 1 : 0);
  vigie_bind_text (stmt, 4, s->svhc && !empty_str (s->svhc_date) ? s->svhc_date : NULL);
  sqlite3_bind_int (stmt, 5, s->sin_list ? 1 : 0);
  sqlite3_bind_int (stmt, 6, s->rohs_restricted ? 1 : 0);
  vigie_bind_text (stmt, 7, empty_str (s->cmr_category) ? NULL : s->cmr_category);
  vigie_bind_text (stmt, 8, now);
  vigie_bind_text (stmt, 9, empty_str (s->ec_number) ? NULL : s->ec_number);
  if (!vigie_store_step_done (store, stmt, error))
    goto fail;
  new_json = vigie_store_snapshot (store, "substances", s->id);
  if (!vigie_store_audit (store, "substances", s->id, "update", old_json, new_json, error))
    goto fail;
  return vigie_store_commit (store, error);

fail:
  vigie_store_rollback (store);
  return FALSE;
}

int
vigie_chemical_seed_substances (VigieStore  *store,
                                GError     **error)
{
  static const char * const columns[] = { "name", "cas_rn", "ec_number", "svhc", "svhc_date",
                                          "sin_list", "rohs", "cmr", "hazards", NULL };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *now = vigie_now_iso ();
  g_autofree char *uuid = NULL;
  GError *local = NULL;
  gsize length;
  const char *text;

  g_return_val_if_fail (VIGIE_IS_STORE (store), -1);

  bytes = g_resources_lookup_data (SUBSTANCES_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &local);
  if (bytes == NULL)
    {
      g_set_error (error, VIGIE_CHEMICAL_ERROR, VIGIE_CHEMICAL_ERROR_REFERENCE,
                   _("The substance reference is missing: %s"), local->message);
      g_error_free (local);
      return -1;
    }
  text = g_bytes_get_data (bytes, &length);
  rows = vigie_reference_parse_tsv ("substances.tsv", text, length, columns, NULL, error);
  if (rows == NULL)
    return -1;

  if (!vigie_store_begin (store, error))
    return -1;
  for (guint i = 0; i < rows->len; i++)
    {
      char **f = g_ptr_array_index (rows, i);
      g_auto(GStrv) codes = NULL;
      sqlite3_stmt *stmt;
      gint64 id;
      int rc;

      if (!vigie_validate_cas (f[1], NULL))
        {
          g_set_error (error, VIGIE_CHEMICAL_ERROR, VIGIE_CHEMICAL_ERROR_REFERENCE,
                       "substances.tsv: %s has a wrong CAS number %s", f[0], f[1]);
          goto fail;
        }
      stmt = vigie_store_prepare (store,
                                  "INSERT INTO substances (uuid, name, cas_rn, ec_number, svhc, "
                                  "svhc_date, sin_list, rohs_restricted, cmr_category, notes, "
                                  "created_at, updated_at) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, '', ?10, ?10) "
                                  "ON CONFLICT (cas_rn) DO UPDATE SET "
                                  "  ec_number = coalesce (excluded.ec_number, ec_number), "
                                  "  svhc = excluded.svhc, svhc_date = excluded.svhc_date, "
                                  "  sin_list = excluded.sin_list, "
                                  "  rohs_restricted = excluded.rohs_restricted, "
                                  "  cmr_category = excluded.cmr_category, "
                                  "  updated_at = CASE WHEN svhc IS NOT excluded.svhc "
                                  "    OR svhc_date IS NOT excluded.svhc_date "
                                  "    OR sin_list IS NOT excluded.sin_list "
                                  "    OR rohs_restricted IS NOT excluded.rohs_restricted "
                                  "    OR cmr_category IS NOT excluded.cmr_category "
                                  "    THEN excluded.updated_at ELSE updated_at END "
                                  /* An analyst's own edit of a substance wins over the
                                   * seed: rows with an 'update' in the audit log keep
                                   * their flags. */
                                  "WHERE NOT EXISTS (SELECT 1 FROM audit_log "
                                  "  WHERE table_name = 'substances' "
                                  "    AND row_id = substances.id AND action = 'update') "
                                  "RETURNING id", error);
      if (stmt == NULL)
        goto fail;
      g_free (uuid);
      uuid = vigie_uuid_new ();
      vigie_bind_text (stmt, 1, uuid);
      vigie_bind_text (stmt, 2, f[0]);
      vigie_bind_text (stmt, 3, f[1]);
      vigie_bind_text (stmt, 4, empty_str (f[2]) ? NULL : f[2]);
      sqlite3_bind_int (stmt, 5, strcmp (f[3], "1") == 0);
      vigie_bind_text (stmt, 6, empty_str (f[4]) ? NULL : f[4]);
      sqlite3_bind_int (stmt, 7, strcmp (f[5], "1") == 0);
      sqlite3_bind_int (stmt, 8, strcmp (f[6], "1") == 0);
      vigie_bind_text (stmt, 9, empty_str (f[7]) ? NULL : f[7]);
      vigie_bind_text (stmt, 10, now);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        {
          /* Edited by an analyst: left as it is, hazards included. */
          sqlite3_reset (stmt);
          continue;
        }
      if (rc != SQLITE_ROW)
        {
          vigie_store_set_error (store, rc, error);
          sqlite3_reset (stmt);
          goto fail;
        }
      id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);

      codes = g_strsplit (f[8], " ", -1);
      for (guint k = 0; codes[k] != NULL; k++)
        {
          if (codes[k][0] == '\0')
            continue;
          stmt = vigie_store_prepare (store,
                                      "INSERT OR IGNORE INTO substance_hazards "
                                      "(substance_id, hazard_code) VALUES (?1, ?2)", error);
          if (stmt == NULL)
            goto fail;
          sqlite3_bind_int64 (stmt, 1, id);
          vigie_bind_text (stmt, 2, codes[k]);
          if (!vigie_store_step_done (store, stmt, error))
            goto fail;
        }
    }
  if (!vigie_store_commit (store, error))
    return -1;
  return (int) rows->len;

fail:
  vigie_store_rollback (store);
  return -1;
}

/* ─── Products ───────────────────────────────────────────────────────────── */

static gboolean
refuse_invalid (const VigieChemicalProduct  *p,
                GError                     **error)
{
  g_autofree char *field = NULL;
  g_autofree char *reason = NULL;

  if (vigie_chemical_product_validate (p, &field, &reason))
    return FALSE;
  g_set_error (error, VIGIE_CHEMICAL_ERROR, VIGIE_CHEMICAL_ERROR_INVALID,
               /* Translators: %1$s is a field name ("trade_name"), %2$s the reason */
               _("%1$s: %2$s"), field, reason);
  return TRUE;
}

/* The id of the substance of C: the one with C's CAS number, or for no CAS the one with
 * no CAS and the same name; added to the reference when new. */
static gint64
resolve_substance (VigieStore              *store,
                   const VigieConstituent  *c,
                   const char              *now,
                   GError                 **error)
{
  g_autofree char *name = g_strstrip (g_strdup (c->name != NULL ? c->name : ""));
  g_autofree char *uuid = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  if (c->substance_id > 0)
    return c->substance_id;

  if (c->cas_rn != NULL)
    stmt = vigie_store_prepare (store, "SELECT id FROM substances WHERE cas_rn = ?1", error);
  else
    stmt = vigie_store_prepare (store,
                                "SELECT id FROM substances WHERE cas_rn IS NULL "
                                "AND name = ?1 COLLATE NOCASE ORDER BY id LIMIT 1", error);
  if (stmt == NULL)
    return 0;
  vigie_bind_text (stmt, 1, c->cas_rn != NULL ? c->cas_rn : name);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      return 0;
    }
  if (id > 0)
    return id;

  stmt = vigie_store_prepare (store,
                              "INSERT INTO substances (uuid, name, cas_rn, notes, created_at, "
                              "updated_at) VALUES (?1, ?2, ?3, '', ?4, ?4)", error);
  if (stmt == NULL)
    return 0;
  uuid = vigie_uuid_new ();
  vigie_bind_text (stmt, 1, uuid);
  vigie_bind_text (stmt, 2, *name != '\0' ? name : c->cas_rn);
  vigie_bind_text (stmt, 3, c->cas_rn);
  vigie_bind_text (stmt, 4, now);
  if (!vigie_store_step_done (store, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (vigie_store_get_db (store));
  {
    g_autofree char *json = vigie_store_snapshot (store, "substances", id);

    if (!vigie_store_audit (store, "substances", id, "insert", NULL, json, error))
      return 0;
  }
  return id;
}

static gboolean
write_children (VigieStore                  *store,
                const VigieChemicalProduct  *p,
                gint64                       id,
                const char                  *now,
                GError                     **error)
{
  sqlite3_stmt *stmt;

  stmt = vigie_store_prepare (store, "DELETE FROM constituents WHERE product_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!vigie_store_step_done (store, stmt, error))
    return FALSE;
  stmt = vigie_store_prepare (store, "DELETE FROM product_hazards WHERE product_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!vigie_store_step_done (store, stmt, error))
    return FALSE;

  for (guint i = 0; p->constituents != NULL && i < p->constituents->len; i++)
    {
      const VigieConstituent *c = g_ptr_array_index (p->constituents, i);
      gint64 substance_id = resolve_substance (store, c, now, error);

      if (substance_id == 0)
        return FALSE;
      stmt = vigie_store_prepare (store,
                                  "INSERT INTO constituents (product_id, substance_id, conc_min, "
                                  "conc_max) VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, substance_id);
      bind_double_or_null (stmt, 3, c->conc_min);
      bind_double_or_null (stmt, 4, c->conc_max);
      if (!vigie_store_step_done (store, stmt, error))
        return FALSE;
    }
  for (guint i = 0; p->hazard_codes != NULL && i < p->hazard_codes->len; i++)
    {
      stmt = vigie_store_prepare (store,
                                  "INSERT OR IGNORE INTO product_hazards (product_id, hazard_code) "
                                  "VALUES (?1, ?2)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      vigie_bind_text (stmt, 2, g_ptr_array_index (p->hazard_codes, i));
      if (!vigie_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Binds ?2..?23 (every column but uuid and the timestamps). */
static void
bind_product (sqlite3_stmt               *stmt,
              const VigieChemicalProduct *p)
{
  g_autofree char *trade_name = g_strstrip (g_strdup (p->trade_name));

  sqlite3_bind_int64 (stmt, 2, p->site_id);
  vigie_bind_text (stmt, 3, p->period);
  vigie_bind_text (stmt, 4, trade_name);
  vigie_bind_text_or_empty (stmt, 5, p->supplier);
  sqlite3_bind_int (stmt, 6, p->sds_available ? 1 : 0);
  vigie_bind_text (stmt, 7, empty_str (p->sds_revision) ? NULL : p->sds_revision);
  sqlite3_bind_int (stmt, 8, p->sds_in_workers_language ? 1 : 0);
  vigie_bind_text (stmt, 9, p->process);
  vigie_bind_text_or_empty (stmt, 10, p->department);
  bind_double_or_null (stmt, 11, p->qty_per_year);
  bind_double_or_null (stmt, 12, p->qty_stored_max);
  vigie_bind_text (stmt, 13, empty_str (p->qty_unit) ? NULL : p->qty_unit);
  vigie_bind_text_or_empty (stmt, 14, p->qty_source);
  bind_int_or_null (stmt, 15, p->workers_exposed);
  bind_int_or_null (stmt, 16, p->women_exposed);
  vigie_bind_text_or_empty (stmt, 17, p->engineering_controls);
  vigie_bind_text_or_empty (stmt, 18, p->ppe_provided);
  bind_int_or_null (stmt, 19, p->ppe_adequate_reported);
  sqlite3_bind_int (stmt, 20, p->training ? 1 : 0);
  sqlite3_bind_int (stmt, 21, p->labels_in_workers_language ? 1 : 0);
  vigie_bind_text_or_empty (stmt, 22, p->notes);
}

gint64
vigie_chemical_insert_product (VigieStore                  *store,
                               const VigieChemicalProduct  *p,
                               GError                     **error)
{
  g_autofree char *now = vigie_now_iso ();
  g_autofree char *uuid = NULL;
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (VIGIE_IS_STORE (store), 0);
  g_return_val_if_fail (p != NULL, 0);

  if (refuse_invalid (p, error))
    return 0;
  if (!vigie_store_begin (store, error))
    return 0;

  stmt = vigie_store_prepare (store,
                              "INSERT INTO chemical_products (uuid, site_id, period, trade_name, "
                              "supplier, sds_available, sds_revision, sds_in_workers_language, "
                              "process, department, qty_per_year, qty_stored_max, qty_unit, "
                              "qty_source, workers_exposed, women_exposed, engineering_controls, "
                              "ppe_provided, ppe_adequate_reported, training, "
                              "labels_in_workers_language, notes, created_at, updated_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                              "?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?23)", error);
  if (stmt == NULL)
    goto fail;
  uuid = empty_str (p->uuid) ? vigie_uuid_new () : g_strdup (p->uuid);
  vigie_bind_text (stmt, 1, uuid);
  bind_product (stmt, p);
  vigie_bind_text (stmt, 23, now);
  if (!vigie_store_step_done (store, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (vigie_store_get_db (store));
  if (!write_children (store, p, id, now, error))
    goto fail;
  json = vigie_store_snapshot (store, "chemical_products", id);
  if (!vigie_store_audit (store, "chemical_products", id, "insert", NULL, json, error))
    goto fail;
  if (!vigie_store_commit (store, error))
    return 0;
  return id;

fail:
  vigie_store_rollback (store);
  return 0;
}

gboolean
vigie_chemical_update_product (VigieStore                  *store,
                               const VigieChemicalProduct  *p,
                               GError                     **error)
{
  g_autofree char *now = vigie_now_iso ();
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (p != NULL && p->id > 0, FALSE);

  if (refuse_invalid (p, error))
    return FALSE;
  if (!vigie_store_begin (store, error))
    return FALSE;
  old_json = vigie_store_snapshot (store, "chemical_products", p->id);
  if (old_json == NULL)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND,
                   _("The chemical product no longer exists"));
      goto fail;
    }
  stmt = vigie_store_prepare (store,
                              "UPDATE chemical_products SET site_id = ?2, period = ?3, "
                              "trade_name = ?4, supplier = ?5, sds_available = ?6, "
                              "sds_revision = ?7, sds_in_workers_language = ?8, process = ?9, "
                              "department = ?10, qty_per_year = ?11, qty_stored_max = ?12, "
                              "qty_unit = ?13, qty_source = ?14, workers_exposed = ?15, "
                              "women_exposed = ?16, engineering_controls = ?17, "
                              "ppe_provided = ?18, ppe_adequate_reported = ?19, training = ?20, "
                              "labels_in_workers_language = ?21, notes = ?22, updated_at = ?23 "
                              "WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, p->id);
  bind_product (stmt, p);
  vigie_bind_text (stmt, 23, now);
  if (!vigie_store_step_done (store, stmt, error))
    goto fail;
  if (!write_children (store, p, p->id, now, error))
    goto fail;
  new_json = vigie_store_snapshot (store, "chemical_products", p->id);
  if (!vigie_store_audit (store, "chemical_products", p->id, "update", old_json, new_json, error))
    goto fail;
  return vigie_store_commit (store, error);

fail:
  vigie_store_rollback (store);
  return FALSE;
}

gboolean
vigie_chemical_delete_product (VigieStore  *store,
                               gint64       id,
                               GError     **error)
{
  g_autofree char *old_json = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);

  if (!vigie_store_begin (store, error))
    return FALSE;
  old_json = vigie_store_snapshot (store, "chemical_products", id);
  if (old_json == NULL)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND,
                   _("The chemical product no longer exists"));
      goto fail;
    }
  stmt = vigie_store_prepare (store, "DELETE FROM chemical_products WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!vigie_store_step_done (store, stmt, error))
    goto fail;
  if (!vigie_store_audit (store, "chemical_products", id, "delete", old_json, NULL, error))
    goto fail;
  return vigie_store_commit (store, error);

fail:
  vigie_store_rollback (store);
  return FALSE;
}

VigieChemicalProduct *
vigie_chemical_get_product (VigieStore  *store,
                            gint64       id,
                            GError     **error)
{
  g_autoptr(VigieChemicalProduct) p = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  stmt = vigie_store_prepare (store,
                              "SELECT uuid, site_id, period, trade_name, supplier, sds_available, "
                              "sds_revision, sds_in_workers_language, process, department, "
                              "qty_per_year, qty_stored_max, qty_unit, qty_source, "
                              "workers_exposed, women_exposed, engineering_controls, "
                              "ppe_provided, ppe_adequate_reported, training, "
                              "labels_in_workers_language, notes "
                              "FROM chemical_products WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND,
                     _("The chemical product %lld does not exist."), (long long) id);
      else
        vigie_store_set_error (store, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  p = vigie_chemical_product_new ();
#define SET(member, value) G_STMT_START { g_free (p->member); p->member = (value); } G_STMT_END
  p->id = id;
  SET (uuid, column_text (stmt, 0));
  p->site_id = sqlite3_column_int64 (stmt, 1);
  SET (period, column_text (stmt, 2));
  SET (trade_name, column_text (stmt, 3));
  SET (supplier, column_text (stmt, 4));
  p->sds_available = sqlite3_column_int (stmt, 5) != 0;
  SET (sds_revision, vigie_column_dup (stmt, 6));
  p->sds_in_workers_language = sqlite3_column_int (stmt, 7) != 0;
  SET (process, column_text (stmt, 8));
  SET (department, column_text (stmt, 9));
  p->qty_per_year = column_double_or_nan (stmt, 10);
  p->qty_stored_max = column_double_or_nan (stmt, 11);
  SET (qty_unit, vigie_column_dup (stmt, 12));
  SET (qty_source, column_text (stmt, 13));
  p->workers_exposed = column_int_or (stmt, 14, -1);
  p->women_exposed = column_int_or (stmt, 15, -1);
  SET (engineering_controls, column_text (stmt, 16));
  SET (ppe_provided, column_text (stmt, 17));
  p->ppe_adequate_reported = (int) column_int_or (stmt, 18, -1);
  p->training = sqlite3_column_int (stmt, 19) != 0;
  p->labels_in_workers_language = sqlite3_column_int (stmt, 20) != 0;
  SET (notes, column_text (stmt, 21));
#undef SET
  sqlite3_reset (stmt);

  stmt = vigie_store_prepare (store,
                              "SELECT c.substance_id, s.name, s.cas_rn, c.conc_min, c.conc_max "
                              "FROM constituents c JOIN substances s ON s.id = c.substance_id "
                              "WHERE c.product_id = ?1 ORDER BY coalesce (c.conc_max, c.conc_min) "
                              "DESC NULLS LAST, c.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigieConstituent *c = vigie_constituent_new ();

      c->substance_id = sqlite3_column_int64 (stmt, 0);
      g_free (c->name);
      c->name = column_text (stmt, 1);
      c->cas_rn = vigie_column_dup (stmt, 2);
      c->conc_min = column_double_or_nan (stmt, 3);
      c->conc_max = column_double_or_nan (stmt, 4);
      g_ptr_array_add (p->constituents, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      return NULL;
    }

  stmt = vigie_store_prepare (store,
                              "SELECT hazard_code FROM product_hazards WHERE product_id = ?1 "
                              "ORDER BY hazard_code LIKE 'EUH%', hazard_code", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (p->hazard_codes, column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&p);
}

void
vigie_inventory_free (VigieInventory *inv)
{
  if (inv == NULL)
    return;
  g_free (inv->site_name);
  g_free (inv->period);
  g_free (inv);
}

GPtrArray *
vigie_chemical_list_inventories (VigieStore  *store,
                                 gint64       site_id,
                                 GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_inventory_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  stmt = vigie_store_prepare (store,
                              "SELECT p.site_id, s.name, p.period, count (*) "
                              "FROM chemical_products p JOIN sites s ON s.id = p.site_id "
                              "WHERE ?1 = 0 OR p.site_id = ?1 "
                              "GROUP BY p.site_id, p.period "
                              "ORDER BY s.name COLLATE NOCASE, p.site_id, p.period DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, site_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigieInventory *inv = g_new0 (VigieInventory, 1);

      inv->site_id = sqlite3_column_int64 (stmt, 0);
      inv->site_name = column_text (stmt, 1);
      inv->period = column_text (stmt, 2);
      inv->n_products = sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (list, inv);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

void
vigie_chemical_choice_free (VigieChemicalChoice *c)
{
  if (c == NULL)
    return;
  g_free (c->label);
  g_free (c->detail);
  g_free (c);
}

static GPtrArray *
list_choices (VigieStore  *store,
              const char  *sql,
              gint64       param,
              GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_chemical_choice_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = vigie_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, param);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigieChemicalChoice *c = g_new0 (VigieChemicalChoice, 1);

      c->id = sqlite3_column_int64 (stmt, 0);
      c->label = column_text (stmt, 1);
      c->detail = column_text (stmt, 2);
      g_ptr_array_add (list, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

GPtrArray *
vigie_chemical_list_sites (VigieStore  *store,
                           GError     **error)
{
  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);
  return list_choices (store,
                       "SELECT s.id, s.name, s.country FROM sites s WHERE ?1 = ?1 "
                       "ORDER BY s.name COLLATE NOCASE, s.id", 0, error);
}

GPtrArray *
vigie_chemical_list_site_products (VigieStore  *store,
                                   gint64       site_id,
                                   GError     **error)
{
  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);
  return list_choices (store,
                       "SELECT p.id, p.trade_name, p.period FROM chemical_products p "
                       "WHERE p.site_id = ?1 "
                       "ORDER BY p.trade_name COLLATE NOCASE, p.period DESC, p.id", site_id,
                       error);
}

/* ─── Exposure measurements ──────────────────────────────────────────────── */

VigieExposureMeasurement *
vigie_exposure_measurement_new (void)
{
  VigieExposureMeasurement *m = g_new0 (VigieExposureMeasurement, 1);

  m->kind = g_strdup ("air");
  m->unit = g_strdup ("");
  m->limit_value = NAN;
  m->limit_source = g_strdup ("");
  m->notes = g_strdup ("");
  return m;
}

void
vigie_exposure_measurement_free (VigieExposureMeasurement *m)
{
  if (m == NULL)
    return;
  g_free (m->substance_name);
  g_free (m->product_name);
  g_free (m->kind);
  g_free (m->measured_on);
  g_free (m->unit);
  g_free (m->limit_source);
  g_free (m->notes);
  g_free (m);
}

gboolean
vigie_exposure_measurement_above_limit (const VigieExposureMeasurement *m)
{
  g_return_val_if_fail (m != NULL, FALSE);
  return !isnan (m->limit_value) && m->value > m->limit_value;
}

gboolean
vigie_exposure_measurement_validate (const VigieExposureMeasurement  *m,
                                     char                           **field,
                                     char                           **reason)
{
  char *why = NULL;

  g_return_val_if_fail (m != NULL, FALSE);

  if (field != NULL)
    *field = NULL;
  if (reason != NULL)
    *reason = NULL;
  if (m->site_id <= 0)
    return fail_field (field, reason, "site_id", g_strdup (_("Choose the site")));
  if (vigie_vocab_index (VIGIE_VOCAB_EXPOSURE_KIND, m->kind) < 0 || empty_str (m->kind))
    return fail_field (field, reason, "kind",
                       g_strdup_printf (_("“%s” is not a kind of measurement: use air, urine, "
                                          "blood or wipe"), m->kind != NULL ? m->kind : ""));
  if (!vigie_validate_date (m->measured_on, &why))
    return fail_field (field, reason, "measured_on", why);
  if (!isfinite (m->value) || m->value < 0)
    return fail_field (field, reason, "value",
                       g_strdup (_("A measured value is a number, zero or more")));
  if (empty_str (m->unit))
    return fail_field (field, reason, "unit", g_strdup (_("Give the unit of the value")));
  if (!isnan (m->limit_value) && (!isfinite (m->limit_value) || m->limit_value <= 0))
    return fail_field (field, reason, "limit_value",
                       g_strdup (_("A limit value is a number above zero")));
  return TRUE;
}

GPtrArray *
vigie_chemical_list_measurements (VigieStore  *store,
                                  gint64       site_id,
                                  gint64       product_id,
                                  GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_exposure_measurement_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  stmt = vigie_store_prepare (store,
                              "SELECT e.id, e.site_id, e.product_id, e.substance_id, s.name, "
                              "e.kind, e.measured_on, e.value, e.unit, e.limit_value, "
                              "e.limit_source, e.notes, p.trade_name "
                              "FROM exposure_measurements e "
                              "LEFT JOIN substances s ON s.id = e.substance_id "
                              "LEFT JOIN chemical_products p ON p.id = e.product_id "
                              "WHERE e.site_id = ?1 AND (?2 = 0 OR e.product_id = ?2) "
                              "ORDER BY e.measured_on DESC, e.id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, site_id);
  sqlite3_bind_int64 (stmt, 2, product_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigieExposureMeasurement *m = vigie_exposure_measurement_new ();

      m->id = sqlite3_column_int64 (stmt, 0);
      m->site_id = sqlite3_column_int64 (stmt, 1);
      m->product_id = column_int_or (stmt, 2, 0);
      m->substance_id = column_int_or (stmt, 3, 0);
      m->substance_name = column_text (stmt, 4);
      g_free (m->kind);
      m->kind = column_text (stmt, 5);
      m->measured_on = column_text (stmt, 6);
      m->value = sqlite3_column_double (stmt, 7);
      g_free (m->unit);
      m->unit = column_text (stmt, 8);
      m->limit_value = column_double_or_nan (stmt, 9);
      g_free (m->limit_source);
      m->limit_source = column_text (stmt, 10);
      g_free (m->notes);
      m->notes = column_text (stmt, 11);
      m->product_name = column_text (stmt, 12);
      g_ptr_array_add (list, m);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

gint64
vigie_chemical_insert_measurement (VigieStore                      *store,
                                   const VigieExposureMeasurement  *m,
                                   GError                         **error)
{
  g_autofree char *field = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *now = vigie_now_iso ();
  g_autofree char *uuid = vigie_uuid_new ();
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (VIGIE_IS_STORE (store), 0);
  g_return_val_if_fail (m != NULL, 0);

  if (!vigie_exposure_measurement_validate (m, &field, &reason))
    {
      g_set_error (error, VIGIE_CHEMICAL_ERROR, VIGIE_CHEMICAL_ERROR_INVALID,
                   _("%1$s: %2$s"), field, reason);
      return 0;
    }
  if (!vigie_store_begin (store, error))
    return 0;
  stmt = vigie_store_prepare (store,
                              "INSERT INTO exposure_measurements (uuid, site_id, product_id, "
                              "substance_id, kind, measured_on, value, unit, limit_value, "
                              "limit_source, notes, created_at, updated_at) VALUES (?1, ?2, ?3, "
                              "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)", error);
  if (stmt == NULL)
    goto fail;
  vigie_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, m->site_id);
  bind_int_or_null (stmt, 3, m->product_id > 0 ? m->product_id : -1);
  bind_int_or_null (stmt, 4, m->substance_id > 0 ? m->substance_id : -1);
  vigie_bind_text (stmt, 5, m->kind);
  vigie_bind_text (stmt, 6, m->measured_on);
  sqlite3_bind_double (stmt, 7, m->value);
  vigie_bind_text (stmt, 8, m->unit);
  bind_double_or_null (stmt, 9, m->limit_value);
  vigie_bind_text_or_empty (stmt, 10, m->limit_source);
  vigie_bind_text_or_empty (stmt, 11, m->notes);
  vigie_bind_text (stmt, 12, now);
  if (!vigie_store_step_done (store, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (vigie_store_get_db (store));
  json = vigie_store_snapshot (store, "exposure_measurements", id);
  if (!vigie_store_audit (store, "exposure_measurements", id, "insert", NULL, json, error))
    goto fail;
  if (!vigie_store_commit (store, error))
    return 0;
  return id;

fail:
  vigie_store_rollback (store);
  return 0;
}

gboolean
vigie_chemical_delete_measurement (VigieStore  *store,
                                   gint64       id,
                                   GError     **error)
{
  g_autofree char *old_json = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);

  if (!vigie_store_begin (store, error))
    return FALSE;
  old_json = vigie_store_snapshot (store, "exposure_measurements", id);
  if (old_json == NULL)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND,
                   _("The measurement no longer exists"));
      goto fail;
    }
  stmt = vigie_store_prepare (store, "DELETE FROM exposure_measurements WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!vigie_store_step_done (store, stmt, error))
    goto fail;
  if (!vigie_store_audit (store, "exposure_measurements", id, "delete", old_json, NULL, error))
    goto fail;
  return vigie_store_commit (store, error);

fail:
  vigie_store_rollback (store);
  return FALSE;
}

/* ─── Hazard summary ─────────────────────────────────────────────────────── */

static void
hazard_summary_item_free (VigieHazardSummaryItem *item)
{
  if (item == NULL)
    return;
  g_free (item->trade_name);
  g_free (item->process);
  g_free (item->cmr_codes);
  g_free (item);
}

void
vigie_hazard_summary_free (VigieHazardSummary *s)
{
  if (s == NULL)
    return;
  g_free (s->period);
  g_clear_pointer (&s->items, g_ptr_array_unref);
  g_free (s);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const VigieHazardSummaryItem *ia = *(VigieHazardSummaryItem * const *) a;
  const VigieHazardSummaryItem *ib = *(VigieHazardSummaryItem * const *) b;

  if (ia->workers_exposed != ib->workers_exposed)
    return ia->workers_exposed > ib->workers_exposed ? -1 : 1;
  return g_utf8_collate (ia->trade_name, ib->trade_name);
}

VigieHazardSummary *
vigie_chemical_hazard_summary (VigieStore  *store,
                               gint64       site_id,
                               const char  *period,
                               GError     **error)
{
  g_autoptr(VigieHazardSummary) summary = g_new0 (VigieHazardSummary, 1);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  summary->site_id = site_id;
  summary->period = dup_or_null (period);
  summary->items = g_ptr_array_new_with_free_func ((GDestroyNotify) hazard_summary_item_free);

  /* One row per product: its codes (own statements and those of its constituents'
   * substances) and whether a constituent carries a CMR category. */
  stmt = vigie_store_prepare (store,
                              "SELECT p.id, p.trade_name, p.process, p.workers_exposed, "
                              "  p.women_exposed, p.sds_available, p.sds_in_workers_language, "
                              "  p.ppe_provided, p.ppe_adequate_reported, "
                              "  (SELECT group_concat (code, ' ') FROM ("
                              "     SELECT hazard_code AS code FROM product_hazards h "
                              "      WHERE h.product_id = p.id "
                              "     UNION SELECT sh.hazard_code FROM constituents c "
                              "       JOIN substance_hazards sh ON sh.substance_id = c.substance_id "
                              "      WHERE c.product_id = p.id ORDER BY 1)), "
                              "  EXISTS (SELECT 1 FROM constituents c JOIN substances s "
                              "            ON s.id = c.substance_id "
                              "          WHERE c.product_id = p.id AND s.cmr_category IS NOT NULL) "
                              "FROM chemical_products p "
                              "WHERE p.site_id = ?1 AND (?2 IS NULL OR p.period = ?2) "
                              "ORDER BY p.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, site_id);
  vigie_bind_text (stmt, 2, summary->period);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *codes_text = column_text (stmt, 9);
      g_auto(GStrv) codes = g_strsplit (codes_text, " ", -1);
      g_autoptr(GString) cmr_codes = g_string_new (NULL);
      g_autofree char *ppe = column_text (stmt, 7);
      VigieCmrFlags flags = VIGIE_CMR_NONE;
      VigieHazardSummaryItem *item;

      summary->n_products++;
      for (guint k = 0; codes[k] != NULL; k++)
        {
          VigieCmrFlags f = vigie_chemical_cmr_flags_for_code (codes[k]);

          if (f == VIGIE_CMR_NONE)
            continue;
          flags |= f;
          if (cmr_codes->len > 0)
            g_string_append (cmr_codes, ", ");
          g_string_append (cmr_codes, codes[k]);
        }
      if (sqlite3_column_int (stmt, 10) != 0)
        flags |= VIGIE_CMR_FLAGGED;
      if (flags == VIGIE_CMR_NONE)
        continue;

      item = g_new0 (VigieHazardSummaryItem, 1);
      item->product_id = sqlite3_column_int64 (stmt, 0);
      item->trade_name = column_text (stmt, 1);
      item->process = column_text (stmt, 2);
      item->workers_exposed = column_int_or (stmt, 3, -1);
      item->women_exposed = column_int_or (stmt, 4, -1);
      item->sds_missing = sqlite3_column_int (stmt, 5) == 0;
      item->sds_not_in_language = !item->sds_missing && sqlite3_column_int (stmt, 6) == 0;
      g_strstrip (ppe);
      item->ppe_missing = *ppe == '\0';
      item->ppe_inadequate = column_int_or (stmt, 8, -1) == 0;
      item->cmr = flags;
      item->cmr_codes = g_strdup (cmr_codes->str);
      g_ptr_array_add (summary->items, item);

      summary->n_cmr_products++;
      if (flags & VIGIE_CMR_CARCINOGEN)
        summary->n_carcinogen++;
      if (flags & VIGIE_CMR_MUTAGEN)
        summary->n_mutagen++;
      if (flags & VIGIE_CMR_REPROTOXIC)
        summary->n_reprotoxic++;
      if (item->workers_exposed > 0)
        summary->workers_exposed_cmr += item->workers_exposed;
      if (item->women_exposed > 0)
        summary->women_exposed_cmr += item->women_exposed;
      if (item->sds_missing || item->sds_not_in_language)
        summary->n_cmr_sds_gap++;
      if (item->ppe_missing || item->ppe_inadequate)
        summary->n_cmr_ppe_gap++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      return NULL;
    }
  g_ptr_array_sort (summary->items, compare_items);

  stmt = vigie_store_prepare (store,
                              "SELECT count (*) FROM exposure_measurements e "
                              "LEFT JOIN chemical_products p ON p.id = e.product_id "
                              "WHERE e.site_id = ?1 AND e.limit_value IS NOT NULL "
                              "AND e.value > e.limit_value "
                              "AND (?2 IS NULL OR p.period = ?2)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, site_id);
  vigie_bind_text (stmt, 2, summary->period);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    summary->n_measurements_above_limit = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      vigie_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&summary);
}

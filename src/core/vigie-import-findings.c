/* vigie-import-findings.c — findings from a CSV file, all or nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "vigie-csv.h"
#include "vigie-finding.h"
#include "vigie-import.h"
#include "vigie-import-findings.h"
#include "vigie-store-private.h"
#include "vigie-util.h"
#include "vigie-vocab.h"

enum
{
  COL_SITE,
  COL_TITLE,
  COL_SEVERITY,
  COL_FIRST_OBSERVED,
  COL_DESCRIPTION,
  COL_COMPANY_RESPONSE,
  COL_NOTES,
  COL_KIND,
  COL_STATUS,
  COL_CLOSED_ON,
  COL_DISCLOSURE_LEVEL,
  COL_WORKERS_AFFECTED,
  COL_AFFECTED_GROUPS,
  COL_THEMES,
  COL_RBA,
  COL_INDICATORS,
  N_COLS
};

static const char *const column_names[N_COLS] = {
  "site", "title", "severity", "first_observed", "description", "company_response", "notes",
  "kind", "status", "closed_on", "disclosure_level", "workers_affected", "affected_groups",
  "themes", "rba", "indicators",
};

#define N_REQUIRED 4

struct _VigieFindingImportReport
{
  GPtrArray *problems;
  guint      n_rows;
  guint      n_added;
  guint      n_rejected;
  gboolean   dry_run;
  gboolean   written;
};

static void
problem_free (VigieFindingImportProblem *p)
{
  g_free (p->reason);
  g_free (p);
}

void
vigie_finding_import_report_free (VigieFindingImportReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->problems);
  g_free (report);
}

guint vigie_finding_import_report_get_n_rows (VigieFindingImportReport *r) { return r->n_rows; }
guint vigie_finding_import_report_get_n_added (VigieFindingImportReport *r) { return r->n_added; }
guint vigie_finding_import_report_get_n_rejected (VigieFindingImportReport *r) { return r->n_rejected; }
gboolean vigie_finding_import_report_get_written (VigieFindingImportReport *r) { return r->written; }
GPtrArray *vigie_finding_import_report_get_problems (VigieFindingImportReport *r) { return r->problems; }

char *
vigie_finding_import_report_format (VigieFindingImportReport *report,
                                    const char               *file_name)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (report != NULL, NULL);

  for (guint i = 0; i < report->problems->len; i++)
    {
      VigieFindingImportProblem *p = g_ptr_array_index (report->problems, i);

      if (p->field != NULL)
        g_string_append_printf (out,
                                /* Translators: %1$s is a file name, %2$u a row number,
                                 * %3$s a column name, %4$s the reason */
                                _("%1$s: row %2$u, field “%3$s”: %4$s"),
                                file_name, p->row, p->field, p->reason);
      else
        g_string_append_printf (out,
                                /* Translators: %1$s is a file name, %2$u a row number,
                                 * %3$s the reason */
                                _("%1$s: row %2$u: %3$s"), file_name, p->row, p->reason);
      g_string_append_c (out, '\n');
    }
  if (report->n_rejected > 0)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                              "%1$s: %2$u row rejected: nothing was imported",
                                              "%1$s: %2$u rows rejected: nothing was imported",
                                              report->n_rejected),
                            file_name, report->n_rejected);
  else if (report->dry_run)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                              "%1$s: %2$u finding would be added (dry run: "
                                              "nothing was written)",
                                              "%1$s: %2$u findings would be added (dry run: "
                                              "nothing was written)",
                                              report->n_added),
                            file_name, report->n_added);
  else
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%1$s: %2$u finding added",
                                              "%1$s: %2$u findings added", report->n_added),
                            file_name, report->n_added);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

/* ─── Parsing one row ────────────────────────────────────────────────────── */

/* Answers of the lookups, by the text looked up: a file names the same few sites, themes
 * and indicators over and over. */
typedef struct
{
  GHashTable *sites;        /* text → gint64* site id (0: several or none) */
  GHashTable *standards;    /* "code\x1fkey" (key in lower case) → gint64* standards.id */
  GHashTable *indicators;   /* code or title in lower case → gint64* fl_indicators.id */
} Lookups;

typedef struct
{
  VigieFindingImportReport *report;
  Lookups                  *lookups;
  guint                     row;
  guint                     line;
  gboolean                  bad;
} RowContext;

static void
lookups_init (Lookups *lookups)
{
  lookups->sites = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lookups->standards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lookups->indicators = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
lookups_clear (Lookups *lookups)
{
  g_clear_pointer (&lookups->sites, g_hash_table_unref);
  g_clear_pointer (&lookups->standards, g_hash_table_unref);
  g_clear_pointer (&lookups->indicators, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Lookups, lookups_clear)

static gboolean
lookup_cached (GHashTable *table,
               const char *key,
               gint64     *value)
{
  gint64 *cached = g_hash_table_lookup (table, key);

  if (cached == NULL)
    return FALSE;
  *value = *cached;
  return TRUE;
}

static void
remember (GHashTable *table,
          const char *key,
          gint64      value)
{
  g_hash_table_insert (table, g_strdup (key), g_memdup2 (&value, sizeof value));
}

static void
reject (RowContext *ctx,
        const char *field,
        char       *reason)
{
  VigieFindingImportProblem *p = g_new0 (VigieFindingImportProblem, 1);

  p->row = ctx->row;
  p->line = ctx->line;
  p->field = field;
  p->reason = reason;
  g_ptr_array_add (ctx->report->problems, p);
  ctx->bad = TRUE;
}

/* A vocabulary code from TEXT: the code itself or its English label, in any case. */
static const char *
match_vocab (VigieVocab  vocab,
             const char *text)
{
  const VigieVocabEntry *entries;
  guint n = 0;

  entries = vigie_vocab_entries (vocab, &n);
  for (guint i = 0; i < n; i++)
    if (g_ascii_strcasecmp (text, entries[i].code) == 0
        || g_ascii_strcasecmp (text, entries[i].label) == 0)
      return entries[i].code;
  return NULL;
}

static char *
vocab_choices (VigieVocab vocab)
{
  const VigieVocabEntry *entries;
  GString *out = g_string_new (NULL);
  guint n = 0;

  entries = vigie_vocab_entries (vocab, &n);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, entries[i].code);
    }
  return g_string_free (out, FALSE);
}

static gint64 find_site_uncached (VigieStore *store,
                                  const char *text,
                                  int        *n_named);

static gint64
find_site (VigieStore  *store,
           const char  *text,
           RowContext  *ctx)
{
  gint64 id = 0;
  int n = 1;

  if (!lookup_cached (ctx->lookups->sites, text, &id))
    {
      id = find_site_uncached (store, text, &n);
      /* Several sites of that name: -1. */
      remember (ctx->lookups->sites, text, id > 0 ? id : n > 1 ? -1 : 0);
    }
  else if (id < 0)
    n = 2;
  else if (id == 0)
    n = 0;
  if (id > 0)
    return id;
  if (n > 1)
    reject (ctx, "site", g_strdup_printf (_("several sites are called “%s”: write its Open "
                                            "Supply Hub ID or its number instead"), text));
  else
    reject (ctx, "site", g_strdup_printf (_("no site “%s” in the dataset (write its Open "
                                            "Supply Hub ID, its number or its exact name)"),
                                          text));
  return 0;
}

/* The site TEXT names, or 0 with the number of sites of that exact name in N_NAMED. */
static gint64
find_site_uncached (VigieStore *store,
                    const char *text,
                    int        *n_named)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  char *end = NULL;
  gint64 number;
  int n = 0;

  /* An Open Supply Hub ID. */
  if (strlen (text) == 15)
    {
      stmt = vigie_store_prepare (store, "SELECT id FROM sites WHERE os_id = upper (?1)", NULL);
      if (stmt != NULL)
        {
          sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            id = sqlite3_column_int64 (stmt, 0);
          sqlite3_reset (stmt);
          if (id > 0)
            return id;
        }
    }
  /* A site number. */
  number = g_ascii_strtoll (text, &end, 10);
  if (end != NULL && *end == '\0' && number > 0)
    {
      stmt = vigie_store_prepare (store, "SELECT id FROM sites WHERE id = ?1", NULL);
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, number);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            id = sqlite3_column_int64 (stmt, 0);
          sqlite3_reset (stmt);
          if (id > 0)
            return id;
        }
    }
  /* An exact name (case-insensitive), which must be unique. */
  stmt = vigie_store_prepare (store, "SELECT id FROM sites WHERE name = ?1 COLLATE NOCASE "
                                     "LIMIT 2", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          id = sqlite3_column_int64 (stmt, 0);
          n++;
        }
      sqlite3_reset (stmt);
    }
  *n_named = n;
  return n == 1 ? id : 0;
}

static char **
split_list (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, ";,", -1);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *p = g_strstrip (parts[i]);

      if (*p != '\0')
        g_ptr_array_add (out, g_strdup (p));
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

static gboolean
add_standards (VigieStore         *store,
               VigieFindingRecord *record,
               const char         *code,
               const char         *field,
               const char         *text,
               RowContext         *ctx)
{
  g_auto(GStrv) keys = split_list (text);
  sqlite3_stmt *stmt;

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *lower = g_ascii_strdown (keys[i], -1);
      g_autofree char *cache_key = g_strconcat (code, "\x1f", lower, NULL);
      gint64 id = 0;

      if (!lookup_cached (ctx->lookups->standards, cache_key, &id))
        {
          stmt = vigie_store_prepare (store, "SELECT s.id FROM standards s JOIN code_standards c"
                                             " ON c.id = s.code_id WHERE c.code = ?1"
                                             " AND s.key = ?2 COLLATE NOCASE"
                                             " ORDER BY c.id DESC LIMIT 1", NULL);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, keys[i], -1, SQLITE_TRANSIENT);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            id = sqlite3_column_int64 (stmt, 0);
          sqlite3_reset (stmt);
          remember (ctx->lookups->standards, cache_key, id);
        }
      if (id == 0)
        {
          reject (ctx, field, g_strdup_printf (_("“%s” is not a standard of this code"),
                                               keys[i]));
          return FALSE;
        }
      g_array_append_val (record->standard_ids, id);
    }
  return TRUE;
}

static VigieFindingRecord *
parse_row (VigieStore     *store,
           VigieCsvReader *reader,
           const int      *columns,
           RowContext     *ctx)
{
  g_autoptr(VigieFindingRecord) record = vigie_finding_record_new ();
  const char *v[N_COLS] = { NULL };
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  char *trimmed[N_COLS];
  const char *code;

  for (guint c = 0; c < N_COLS; c++)
    if (columns[c] >= 0 && (guint) columns[c] < vigie_csv_reader_get_n_fields (reader))
      {
        const char *raw = vigie_csv_reader_get_field (reader, (guint) columns[c]);

        v[c] = raw;
      }

  for (guint c = 0; c < N_COLS; c++)
    {
      trimmed[c] = g_strstrip (g_strdup (v[c] != NULL ? v[c] : ""));
      g_ptr_array_add (owned, trimmed[c]);
      v[c] = trimmed[c];
    }

  for (guint c = 0; c < N_REQUIRED; c++)
    if (*v[c] == '\0')
      reject (ctx, column_names[c], g_strdup (_("is empty")));

  if (*v[COL_SITE] != '\0')
    record->site_id = find_site (store, v[COL_SITE], ctx);
  g_free (record->title);
  record->title = g_strdup (v[COL_TITLE]);
  if (*v[COL_SEVERITY] != '\0')
    {
      code = match_vocab (VIGIE_VOCAB_SEVERITY, v[COL_SEVERITY]);
      if (code == NULL)
        {
          g_autofree char *choices = vocab_choices (VIGIE_VOCAB_SEVERITY);

          /* Translators: %1$s is a value read from the file, %2$s the accepted values */
          reject (ctx, "severity", g_strdup_printf (_("“%1$s” is not one of %2$s"),
                                                    v[COL_SEVERITY], choices));
        }
      else
        {
          g_free (record->severity);
          record->severity = g_strdup (code);
        }
    }
  g_free (record->first_observed);
  record->first_observed = g_strdup (v[COL_FIRST_OBSERVED]);
  g_free (record->description);
  record->description = g_strdup (v[COL_DESCRIPTION]);
  g_free (record->company_response);
  record->company_response = g_strdup (v[COL_COMPANY_RESPONSE]);
  g_free (record->notes);
  record->notes = g_strdup (v[COL_NOTES]);

  {
    static const struct { int col; VigieVocab vocab; const char *name; gsize offset; } vocabs[] = {
      { COL_KIND, VIGIE_VOCAB_FINDING_KIND, "kind", G_STRUCT_OFFSET (VigieFindingRecord, kind) },
      { COL_STATUS, VIGIE_VOCAB_FINDING_STATUS, "status",
        G_STRUCT_OFFSET (VigieFindingRecord, status) },
      { COL_DISCLOSURE_LEVEL, VIGIE_VOCAB_DISCLOSURE_LEVEL, "disclosure_level",
        G_STRUCT_OFFSET (VigieFindingRecord, disclosure_level) },
    };

    for (guint i = 0; i < G_N_ELEMENTS (vocabs); i++)
      {
        char **slot = G_STRUCT_MEMBER_P (record, vocabs[i].offset);

        if (*v[vocabs[i].col] == '\0')
          continue;
        code = match_vocab (vocabs[i].vocab, v[vocabs[i].col]);
        if (code == NULL)
          {
            g_autofree char *choices = vocab_choices (vocabs[i].vocab);

            reject (ctx, vocabs[i].name, g_strdup_printf (_("“%1$s” is not one of %2$s"),
                                                          v[vocabs[i].col], choices));
            continue;
          }
        g_free (*slot);
        *slot = g_strdup (code);
      }
  }

  if (*v[COL_CLOSED_ON] != '\0')
    record->closed_on = g_strdup (v[COL_CLOSED_ON]);

  if (*v[COL_WORKERS_AFFECTED] != '\0')
    {
      char *end = NULL;
      gint64 n = g_ascii_strtoll (v[COL_WORKERS_AFFECTED], &end, 10);

      if (end == NULL || *end != '\0' || n < 0)
        reject (ctx, "workers_affected",
                g_strdup_printf (_("“%s” is not a whole number of workers"),
                                 v[COL_WORKERS_AFFECTED]));
      else
        record->workers_affected = n;
    }

  if (*v[COL_AFFECTED_GROUPS] != '\0')
    {
      g_auto(GStrv) groups = split_list (v[COL_AFFECTED_GROUPS]);

      for (guint i = 0; groups[i] != NULL; i++)
        {
          const char *g = groups[i];

          if (g_ascii_strcasecmp (g, "women") == 0)
            record->affects_women = TRUE;
          else if (g_ascii_strcasecmp (g, "migrant") == 0)
            record->affects_migrant = TRUE;
          else if (g_ascii_strcasecmp (g, "agency") == 0)
            record->affects_agency = TRUE;
          else if (g_ascii_strcasecmp (g, "student") == 0)
            record->affects_student = TRUE;
          else if (g_ascii_strcasecmp (g, "young") == 0)
            record->affects_young = TRUE;
          else
            reject (ctx, "affected_groups",
                    g_strdup_printf (_("“%s” is not one of women, migrant, agency, student, "
                                       "young"), g));
        }
    }

  if (*v[COL_THEMES] != '\0')
    add_standards (store, record, "vigie", "themes", v[COL_THEMES], ctx);
  if (*v[COL_RBA] != '\0')
    add_standards (store, record, "rba", "rba", v[COL_RBA], ctx);
  if (*v[COL_INDICATORS] != '\0')
    {
      g_auto(GStrv) codes = split_list (v[COL_INDICATORS]);

      for (guint i = 0; codes[i] != NULL; i++)
        {
          g_autofree char *lower = g_ascii_strdown (codes[i], -1);
          gint64 id = 0;

          if (!lookup_cached (ctx->lookups->indicators, lower, &id))
            {
              sqlite3_stmt *stmt = vigie_store_prepare (store, "SELECT id FROM fl_indicators "
                                                               "WHERE code = ?1 COLLATE NOCASE "
                                                               "OR title = ?1 COLLATE NOCASE",
                                                        NULL);

              if (stmt == NULL)
                break;
              sqlite3_bind_text (stmt, 1, codes[i], -1, SQLITE_TRANSIENT);
              if (sqlite3_step (stmt) == SQLITE_ROW)
                id = sqlite3_column_int64 (stmt, 0);
              sqlite3_reset (stmt);
              remember (ctx->lookups->indicators, lower, id);
            }
          if (id == 0)
            reject (ctx, "indicators",
                    g_strdup_printf (_("“%s” is not one of the 11 ILO indicators of forced "
                                       "labour"), codes[i]));
          else
            g_array_append_val (record->indicator_ids, id);
        }
    }

  /* The record's own rules (dates, lengths...), reported once per field not yet blamed. */
  if (!ctx->bad)
    {
      g_autoptr(GPtrArray) errors = NULL;

      if (g_strcmp0 (record->status, "closed") != 0 && record->closed_on != NULL)
        reject (ctx, "closed_on", g_strdup (_("only a closed finding has a closing date")));
      errors = vigie_finding_validate (store, record);
      for (guint i = 0; i < errors->len; i++)
        {
          VigieFieldError *e = g_ptr_array_index (errors, i);

          reject (ctx, e->field, g_strdup (e->reason));
        }
    }
  return ctx->bad ? NULL : g_steal_pointer (&record);
}

/* ─── Writing ────────────────────────────────────────────────────────────── */

/* The findings are written INSERT_BATCH to a statement. Each statement that writes to a
 * full-text table inside a transaction opens a statement journal and makes FTS5 flush its
 * pending terms into a new segment (to be merged later); written one by one, a hundred
 * thousand findings took twice the work of the same rows in statements of 1024 (and 64 a
 * statement still 20 % more; tests/bench/RESULTS.md). Each finding gets what vigie_store_insert_finding ()
 * gives it: the next id, a new UUID, the primary theme (the first theme of the
 * organisation's code), closed_on settled, created_at = updated_at = now, its standards and
 * indicators, and an audit entry with the row, its standards and its indicators as JSON
 * (test-finding-import compares both ways). */

#define INSERT_BATCH 1024
#define N_FINDING_COLUMNS 23

static char *
insert_sql (guint rows)
{
  GString *sql = g_string_new ("INSERT INTO findings (id, uuid, site_id, investigation_id, "
                               "title, description, theme, severity, kind, workers_affected, "
                               "affects_women, affects_migrant, affects_agency, "
                               "affects_student, affects_young, first_observed, "
                               "company_response, disclosure_level, status, closed_on, notes, "
                               "created_at, updated_at) VALUES ");

  for (guint r = 0; r < rows; r++)
    {
      g_string_append (sql, r > 0 ? ", (" : "(");
      for (guint c = 0; c < N_FINDING_COLUMNS; c++)
        g_string_append (sql, c > 0 ? ", ?" : "?");
      g_string_append_c (sql, ')');
    }
  return g_string_free (sql, FALSE);
}

static void
bind_text_or_empty (sqlite3_stmt *stmt,
                    int           index,
                    const char   *text)
{
  sqlite3_bind_text (stmt, index, text != NULL ? text : "", -1, SQLITE_STATIC);
}

/* What vigie_store_insert_finding () settles before writing: closed_on follows the status
 * (today on closing, never before first_observed), the primary theme, a UUID. */
static void
settle_record (VigieFindingRecord *record,
               GHashTable         *theme_keys,
               const char         *today)
{
  if (g_strcmp0 (record->status, "closed") == 0)
    {
      if (record->closed_on == NULL || *record->closed_on == '\0')
        {
          g_free (record->closed_on);
          record->closed_on = g_strdup (record->first_observed != NULL
                                        && strcmp (today, record->first_observed) < 0
                                        ? record->first_observed : today);
        }
    }
  else
    g_clear_pointer (&record->closed_on, g_free);

  if (record->theme == NULL || *record->theme == '\0')
    {
      g_free (record->theme);
      record->theme = NULL;
      for (guint i = 0; record->standard_ids != NULL && i < record->standard_ids->len; i++)
        {
          const char *key = g_hash_table_lookup (theme_keys, &g_array_index (record->standard_ids,
                                                                             gint64, i));

          if (key != NULL)
            {
              record->theme = g_strdup (key);
              break;
            }
        }
      if (record->theme == NULL)
        record->theme = g_strdup ("");
    }
  if (record->uuid == NULL || *record->uuid == '\0')
    {
      g_free (record->uuid);
      record->uuid = vigie_uuid_new ();
    }
}

/* standards.id → key, for the standards of the organisation's code (the themes). */
static GHashTable *
load_theme_keys (VigieStore  *store,
                 GError     **error)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                      g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = vigie_store_prepare (store, "SELECT s.id, s.key FROM standards s JOIN code_standards c"
                                     " ON c.id = s.code_id WHERE c.code = 'vigie'", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (keys, g_memdup2 (&id, sizeof id), vigie_column_dup (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&keys);
}

static gint
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* IDS sorted, without repeats, as "[1,5,9]" (json_group_array of the link table). */
static void
append_id_array (GString      *out,
                 const GArray *ids)
{
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 last = G_MININT64;

  if (ids != NULL)
    g_array_append_vals (sorted, ids->data, ids->len);
  g_array_sort (sorted, compare_ids);
  g_string_append_c (out, '[');
  for (guint i = 0; i < sorted->len; i++)
    {
      gint64 id = g_array_index (sorted, gint64, i);

      if (id == last)
        continue;
      g_string_append_printf (out, "%s%" G_GINT64_FORMAT, last != G_MININT64 ? "," : "", id);
      last = id;
    }
  g_string_append_c (out, ']');
}

/* The links of ROWS findings from FIRST: "[[finding, standard], …]" for json_each. */
static gboolean
write_links (VigieStore  *store,
             GPtrArray   *records,
             guint        first,
             guint        rows,
             gint64       first_id,
             gboolean     indicators,
             GError     **error)
{
  g_autoptr(GString) pairs = g_string_new ("[");
  sqlite3_stmt *stmt;

  for (guint r = 0; r < rows; r++)
    {
      VigieFindingRecord *record = g_ptr_array_index (records, first + r);
      GArray *ids = indicators ? record->indicator_ids : record->standard_ids;

      for (guint i = 0; ids != NULL && i < ids->len; i++)
        g_string_append_printf (pairs, "%s[%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT "]",
                                pairs->len > 1 ? "," : "", first_id + r,
                                g_array_index (ids, gint64, i));
    }
  if (pairs->len == 1)
    return TRUE;
  g_string_append_c (pairs, ']');
  stmt = vigie_store_prepare (store,
                              indicators
                              ? "INSERT OR IGNORE INTO finding_indicators (finding_id, "
                                "indicator_id) SELECT value ->> 0, value ->> 1 FROM json_each (?1)"
                              : "INSERT OR IGNORE INTO finding_standards (finding_id, "
                                "standard_id) SELECT value ->> 0, value ->> 1 FROM json_each (?1)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, pairs->str, (int) pairs->len, SQLITE_STATIC);
  return vigie_store_step_done (store, stmt, error);
}

static gboolean
write_findings (VigieStore         *store,
                GPtrArray          *records,
                VigieProgressFunc   progress,
                gpointer            user_data,
                GCancellable       *cancellable,
                GError            **error)
{
  g_autoptr(GHashTable) theme_keys = NULL;
  g_autofree char *today = vigie_today_iso ();
  g_autofree char *now = vigie_now_iso ();
  g_autoptr(GString) json = g_string_new (NULL);
  sqlite3_stmt *stmt;
  gint64 next_id;
  int rc;

  theme_keys = load_theme_keys (store, error);
  if (theme_keys == NULL)
    return FALSE;
  /* The transaction is IMMEDIATE: nobody else adds findings meanwhile. */
  stmt = vigie_store_prepare (store, "SELECT coalesce (max (id), 0) + 1 FROM findings", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  next_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      vigie_store_set_error (store, rc, error);
      return FALSE;
    }

  for (guint first = 0; first < records->len; first += INSERT_BATCH)
    {
      guint rows = MIN (INSERT_BATCH, records->len - first);
      g_autofree char *sql = insert_sql (rows);
      int k = 1;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      stmt = vigie_store_prepare (store, sql, error);
      if (stmt == NULL)
        return FALSE;
      for (guint r = 0; r < rows; r++)
        {
          VigieFindingRecord *record = g_ptr_array_index (records, first + r);

          settle_record (record, theme_keys, today);
          sqlite3_bind_int64 (stmt, k++, next_id + r);
          sqlite3_bind_text (stmt, k++, record->uuid, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, k++, record->site_id);
          if (record->investigation_id > 0)
            sqlite3_bind_int64 (stmt, k++, record->investigation_id);
          else
            sqlite3_bind_null (stmt, k++);
          bind_text_or_empty (stmt, k++, g_strstrip (record->title));
          bind_text_or_empty (stmt, k++, record->description);
          bind_text_or_empty (stmt, k++, record->theme);
          bind_text_or_empty (stmt, k++, record->severity);
          bind_text_or_empty (stmt, k++, record->kind);
          if (record->workers_affected >= 0)
            sqlite3_bind_int64 (stmt, k++, record->workers_affected);
          else
            sqlite3_bind_null (stmt, k++);
          sqlite3_bind_int (stmt, k++, record->affects_women ? 1 : 0);
          sqlite3_bind_int (stmt, k++, record->affects_migrant ? 1 : 0);
          sqlite3_bind_int (stmt, k++, record->affects_agency ? 1 : 0);
          sqlite3_bind_int (stmt, k++, record->affects_student ? 1 : 0);
          sqlite3_bind_int (stmt, k++, record->affects_young ? 1 : 0);
          bind_text_or_empty (stmt, k++, record->first_observed);
          bind_text_or_empty (stmt, k++, record->company_response);
          bind_text_or_empty (stmt, k++, record->disclosure_level);
          bind_text_or_empty (stmt, k++, record->status);
          if (record->closed_on != NULL && *record->closed_on != '\0')
            sqlite3_bind_text (stmt, k++, record->closed_on, -1, SQLITE_STATIC);
          else
            sqlite3_bind_null (stmt, k++);
          bind_text_or_empty (stmt, k++, record->notes);
          sqlite3_bind_text (stmt, k++, now, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, k++, now, -1, SQLITE_STATIC);
        }
      if (!vigie_store_step_done (store, stmt, error)
          || !write_links (store, records, first, rows, next_id, FALSE, error)
          || !write_links (store, records, first, rows, next_id, TRUE, error))
        return FALSE;

      /* The audit entries: the row as the store sees it, then the links. */
      for (guint r = 0; r < rows; r++)
        {
          VigieFindingRecord *record = g_ptr_array_index (records, first + r);
          g_autofree char *row = vigie_store_snapshot (store, "findings", next_id + r);

          if (row == NULL || !g_str_has_suffix (row, "}"))
            {
              g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_FAILED,
                           _("The finding %lld could not be read back."),
                           (long long) (next_id + r));
              return FALSE;
            }
          g_string_assign (json, row);
          g_string_truncate (json, json->len - 1);
          g_string_append (json, ",\"standards\":");
          append_id_array (json, record->standard_ids);
          g_string_append (json, ",\"indicators\":");
          append_id_array (json, record->indicator_ids);
          g_string_append_c (json, '}');
          if (!vigie_store_audit (store, "findings", next_id + r, "insert", NULL, json->str,
                                  error))
            return FALSE;
          record->id = next_id + r;
        }
      next_id += rows;
      if (progress != NULL)
        progress (0.5 + 0.5 * (double) (first + rows) / (double) records->len, _("Importing"),
                  user_data);
    }
  return TRUE;
}

/* ─── The import ─────────────────────────────────────────────────────────── */

VigieFindingImportReport *
vigie_import_findings (VigieStore         *store,
                       const char         *path,
                       gboolean            dry_run,
                       VigieProgressFunc   progress,
                       gpointer            user_data,
                       GCancellable       *cancellable,
                       GError            **error)
{
  g_autoptr(VigieCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;
  g_auto(Lookups) lookups = { NULL, NULL, NULL };
  VigieFindingImportReport *report;
  int columns[N_COLS];
  guint64 file_size = 0;
  struct stat st;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_basename (path);
  if (g_stat (path, &st) == 0)
    file_size = (guint64) st.st_size;
  reader = vigie_csv_reader_new_for_path (path, &local_error);
  if (reader == NULL)
    {
      g_set_error (error, VIGIE_IMPORT_ERROR, VIGIE_IMPORT_ERROR_READ,
                   /* Translators: %1$s is a file name, %2$s what is wrong with it */
                   _("%1$s: %2$s"), display, local_error->message);
      return NULL;
    }
  if (!vigie_csv_reader_next (reader, cancellable, &local_error))
    {
      if (local_error != NULL)
        g_set_error (error, VIGIE_IMPORT_ERROR, VIGIE_IMPORT_ERROR_READ, _("%1$s: %2$s"),
                     display, local_error->message);
      else
        g_set_error (error, VIGIE_IMPORT_ERROR, VIGIE_IMPORT_ERROR_EMPTY,
                     _("%s: the file is empty (no header line)"), display);
      return NULL;
    }

  for (guint c = 0; c < N_COLS; c++)
    columns[c] = -1;
  for (guint i = 0; i < vigie_csv_reader_get_n_fields (reader); i++)
    {
      g_autofree char *name = g_ascii_strdown (vigie_csv_reader_get_field (reader, i), -1);

      g_strstrip (name);
      for (guint c = 0; c < N_COLS; c++)
        if (strcmp (name, column_names[c]) == 0)
          {
            if (columns[c] >= 0)
              {
                g_set_error (error, VIGIE_IMPORT_ERROR, VIGIE_IMPORT_ERROR_DUPLICATE_COLUMN,
                             /* Translators: %1$s is a file name, %2$s a column name */
                             _("%1$s: the column “%2$s” appears twice"), display, name);
                return NULL;
              }
            columns[c] = (int) i;
          }
    }
  for (guint c = 0; c < N_REQUIRED; c++)
    if (columns[c] < 0)
      {
        g_set_error (error, VIGIE_IMPORT_ERROR, VIGIE_IMPORT_ERROR_MISSING_COLUMN,
                     /* Translators: %1$s is a file name, %2$s a column name */
                     _("%1$s: the header has no “%2$s” column (required: site, title, "
                       "severity, first_observed)"), display, column_names[c]);
        return NULL;
      }

  lookups_init (&lookups);
  report = g_new0 (VigieFindingImportReport, 1);
  report->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  report->dry_run = dry_run;
  records = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_finding_record_free);

  while (vigie_csv_reader_next (reader, cancellable, &local_error))
    {
      RowContext ctx = { report, &lookups, ++report->n_rows,
                         (guint) vigie_csv_reader_get_line (reader), FALSE };
      VigieFindingRecord *record = parse_row (store, reader, columns, &ctx);

      if (record != NULL)
        g_ptr_array_add (records, record);
      else
        report->n_rejected++;
      if (progress != NULL && file_size > 0 && (report->n_rows & 0xff) == 0)
        progress (0.5 * (double) vigie_csv_reader_get_bytes_read (reader) / (double) file_size,
                  _("Checking"), user_data);
    }
  if (local_error != NULL)
    {
      vigie_finding_import_report_free (report);
      g_set_error (error, VIGIE_IMPORT_ERROR, VIGIE_IMPORT_ERROR_READ, _("%1$s: %2$s"),
                   display, local_error->message);
      return NULL;
    }

  if (report->n_rejected > 0)
    return report;
  report->n_added = records->len;
  if (dry_run)
    return report;

  if (!vigie_store_begin (store, error))
    {
      vigie_finding_import_report_free (report);
      return NULL;
    }
  if (!write_findings (store, records, progress, user_data, cancellable, &local_error))
    {
      vigie_store_rollback (store);
      vigie_finding_import_report_free (report);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  /* A failed commit has rolled back already (and ended the transaction). */
  if (!vigie_store_commit (store, error))
    {
      vigie_finding_import_report_free (report);
      return NULL;
    }
  report->written = TRUE;
  return report;
}

/* vigie-reference.c — loads the TSV files of data/reference/ (compiled into the core
 * GResource) into the reference tables, and answers country and hazard-code look-ups
 * from memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <string.h>

#include "vigie-reference.h"
#include "vigie-store-private.h"
#include "vigie-util.h"

#define REFERENCE_PATH "/io/github/vigie/Vigie/core/reference/"
#define ISO_3166_DOMAIN "iso_3166-1"

G_DEFINE_QUARK (vigie-reference-error-quark, vigie_reference_error)

/* sqlite3_stmt with its own cleanup name, so another header defining one for sqlite3_stmt
 * cannot clash with this file. */
typedef sqlite3_stmt VigieRefStmt;

static void
ref_stmt_free (VigieRefStmt *stmt)
{
  sqlite3_finalize (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieRefStmt, ref_stmt_free)

/* ─── Parsing ──────────────────────────────────────────────────────────────────────── */

GPtrArray *
vigie_reference_parse_tsv (const char         *file_name,
                           const char         *text,
                           gsize               length,
                           const char * const *columns,
                           GArray            **lines,
                           GError            **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) row_lines = NULL;
  guint n_columns;
  gboolean have_header = FALSE;
  const char *p, *end;
  guint line_no = 0;

  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (columns != NULL && columns[0] != NULL, NULL);

  n_columns = g_strv_length ((char **) columns);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  row_lines = g_array_new (FALSE, FALSE, sizeof (guint));

  if (!g_utf8_validate (text, length, &end))
    {
      guint bad_line = 1;

      for (p = text; p < end; p++)
        if (*p == '\n')
          bad_line++;
      g_set_error (error, VIGIE_REFERENCE_ERROR, VIGIE_REFERENCE_ERROR_MALFORMED,
                   /* Translators: %1$s is a file name, %2$u a line number */
                   _("%1$s, line %2$u: the text is not valid UTF-8"), file_name, bad_line);
      return NULL;
    }

  p = text;
  end = text + length;
  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl != NULL ? nl : end;
      g_autofree char *line = NULL;
      g_auto(GStrv) fields = NULL;
      gsize line_len = line_end - p;

      line_no++;
      if (line_len > 0 && p[line_len - 1] == '\r')
        line_len--;
      line = g_strndup (p, line_len);
      p = nl != NULL ? nl + 1 : end;

      if (line[0] == '\0' || line[0] == '#')
        continue;
      fields = g_strsplit (line, "\t", -1);
      if (!have_header)
        {
          g_autofree char *expected = g_strjoinv ("\t", (char **) columns);

          if (g_strcmp0 (line, expected) != 0)
            {
              g_set_error (error, VIGIE_REFERENCE_ERROR, VIGIE_REFERENCE_ERROR_MALFORMED,
                           /* Translators: %1$s is a file name, %2$u a line number, %3$s the
                            * expected column names */
                           _("%1$s, line %2$u: expected the column names “%3$s”"),
                           file_name, line_no, expected);
              return NULL;
            }
          have_header = TRUE;
          continue;
        }

      if (g_strv_length (fields) != n_columns)
        {
          g_set_error (error, VIGIE_REFERENCE_ERROR, VIGIE_REFERENCE_ERROR_MALFORMED,
                       /* Translators: %1$s is a file name, %2$u a line number, %3$u and %4$u
                        * numbers of tab-separated fields */
                       _("%1$s, line %2$u: %3$u fields instead of %4$u"),
                       file_name, line_no, g_strv_length (fields), n_columns);
          return NULL;
        }

      g_ptr_array_add (rows, g_steal_pointer (&fields));
      g_array_append_val (row_lines, line_no);
    }

  if (!have_header)
    {
      g_set_error (error, VIGIE_REFERENCE_ERROR, VIGIE_REFERENCE_ERROR_MALFORMED,
                   /* Translators: %s is a file name */
                   _("%s: the column names are missing"), file_name);
      return NULL;
    }

  if (lines != NULL)
    *lines = g_steal_pointer (&row_lines);
  return g_steal_pointer (&rows);
}

typedef struct
{
  const char *file;
  GPtrArray  *rows;   /* GStrv */
  GArray     *lines;  /* guint */
} Table;

static void
table_clear (Table *table)
{
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_clear_pointer (&table->lines, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Table, table_clear)

static gboolean
table_read (Table               *table,
            const char          *file,
            const char * const  *columns,
            GError             **error)
{
  g_autofree char *path = g_strconcat (REFERENCE_PATH, file, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, VIGIE_REFERENCE_ERROR, VIGIE_REFERENCE_ERROR_MISSING,
                   /* Translators: %1$s is a file name, %2$s an error message */
                   _("Reference file %1$s is missing: %2$s"), file, local_error->message);
      return FALSE;
    }

  data = g_bytes_get_data (bytes, &size);
  table->file = file;
  table->rows = vigie_reference_parse_tsv (file, data, size, columns, &table->lines, error);
  return table->rows != NULL;
}

static guint
table_line (const Table *table,
            guint        row)
{
  return g_array_index (table->lines, guint, row);
}

static gboolean
malformed (GError      **error,
           const Table  *table,
           guint         row,
           const char   *what)
{
  g_set_error (error, VIGIE_REFERENCE_ERROR, VIGIE_REFERENCE_ERROR_MALFORMED,
               /* Translators: %1$s is a file name, %2$u a line number, %3$s what is wrong */
               _("%1$s, line %2$u: %3$s"), table->file, table_line (table, row), what);
  return FALSE;
}

static gboolean
database_error (GError      **error,
                sqlite3      *db,
                const Table  *table,
                guint         row)
{
  if (row == G_MAXUINT)
    g_set_error (error, VIGIE_REFERENCE_ERROR, VIGIE_REFERENCE_ERROR_DATABASE,
                 /* Translators: %1$s is a file name, %2$s a database error message */
                 _("%1$s: %2$s"), table->file, sqlite3_errmsg (db));
  else
    g_set_error (error, VIGIE_REFERENCE_ERROR, VIGIE_REFERENCE_ERROR_DATABASE,
                 /* Translators: %1$s is a file name, %2$u a line number, %3$s a database
                  * error message */
                 _("%1$s, line %2$u: %3$s"), table->file, table_line (table, row),
                 sqlite3_errmsg (db));
  return FALSE;
}

static VigieRefStmt *
prepare (sqlite3      *db,
         const Table  *table,
         const char   *sql,
         GError      **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      database_error (error, db, table, G_MAXUINT);
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

static gboolean
step_row (sqlite3      *db,
          sqlite3_stmt *stmt,
          const Table  *table,
          guint         row,
          GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return database_error (error, db, table, row);
  return TRUE;
}

/* Binds TEXT, or NULL when it is empty. */
static void
bind_optional (sqlite3_stmt *stmt,
               int           index,
               const char   *text)
{
  if (text == NULL || text[0] == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static gboolean
parse_int (const Table  *table,
           guint         row,
           const char   *column,
           const char   *text,
           gint64        min,
           gint64        max,
           gint64       *out,
           GError      **error)
{
  g_autofree char *what = NULL;

  if (g_ascii_string_to_signed (text, 10, min, max, out, NULL))
    return TRUE;
  /* Translators: %1$s is a column name, %2$s the text found, %3$lld and %4$lld bounds */
  what = g_strdup_printf (_("column “%1$s” must be a whole number from %3$lld to %4$lld, "
                            "not “%2$s”"), column, text, (long long) min, (long long) max);
  return malformed (error, table, row, what);
}

static gboolean
require_nonempty (const Table  *table,
                  guint         row,
                  const char   *column,
                  const char   *text,
                  GError      **error)
{
  g_autofree char *what = NULL;

  if (text[0] != '\0')
    return TRUE;
  /* Translators: %s is a column name */
  what = g_strdup_printf (_("column “%s” is empty"), column);
  return malformed (error, table, row, what);
}

static gboolean
is_country_code (const char *text)
{
  return strlen (text) == 2 && g_ascii_isupper (text[0]) && g_ascii_isupper (text[1]);
}

/* ─── Loaders, one per file ────────────────────────────────────────────────────────── */

static const char * const country_columns[] = { "code", "name", "region", NULL };
static const char * const alias_columns[] = { "alias", "code", NULL };
static const char * const code_standard_columns[] = { "code", "version", "title", "to_verify",
                                                      NULL };
static const char * const standard_columns[] = { "code", "version", "key", "parent_key",
                                                 "title", "sort_order", NULL };
static const char * const mapping_columns[] = { "code", "version", "key", "mapped_code",
                                                "mapped_version", "mapped_key", NULL };
static const char * const indicator_columns[] = { "code", "title", "sort_order", NULL };
static const char * const convention_columns[] = { "code", "title", "year", "fundamental",
                                                   NULL };
static const char * const hazard_columns[] = { "code", "kind", "hazard_class", "category",
                                               "pictogram", "signal_word", "deleted", "text",
                                               NULL };

static gboolean
load_countries (sqlite3  *db,
                GError  **error)
{
  g_auto(Table) table = { 0 };
  g_autoptr(VigieRefStmt) stmt = NULL;

  if (!table_read (&table, "countries.tsv", country_columns, error))
    return FALSE;
  stmt = prepare (db, &table,
                  "INSERT INTO countries (code, name, region) VALUES (?1, ?2, ?3) "
                  "ON CONFLICT (code) DO UPDATE SET name = excluded.name, "
                  "region = excluded.region", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < table.rows->len; i++)
    {
      char **row = g_ptr_array_index (table.rows, i);

      if (!is_country_code (row[0]))
        return malformed (error, &table, i,
                          _("the country code must be two upper-case letters"));
      if (!require_nonempty (&table, i, "name", row[1], error))
        return FALSE;
      sqlite3_bind_text (stmt, 1, row[0], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, row[1], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, row[2], -1, SQLITE_TRANSIENT);
      if (!step_row (db, stmt, &table, i, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_code_standards (sqlite3  *db,
                     GError  **error)
{
  g_auto(Table) table = { 0 };
  g_autoptr(VigieRefStmt) stmt = NULL;

  if (!table_read (&table, "code-standards.tsv", code_standard_columns, error))
    return FALSE;
  stmt = prepare (db, &table,
                  "INSERT INTO code_standards (code, version, title, to_verify) "
                  "VALUES (?1, ?2, ?3, ?4) "
                  "ON CONFLICT (code, version) DO UPDATE SET title = excluded.title, "
                  "to_verify = excluded.to_verify", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < table.rows->len; i++)
    {
      char **row = g_ptr_array_index (table.rows, i);
      gint64 to_verify;

      if (!require_nonempty (&table, i, "code", row[0], error)
          || !require_nonempty (&table, i, "version", row[1], error)
          || !require_nonempty (&table, i, "title", row[2], error)
          || !parse_int (&table, i, "to_verify", row[3], 0, 1, &to_verify, error))
        return FALSE;
      sqlite3_bind_text (stmt, 1, row[0], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, row[1], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, row[2], -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, to_verify);
      if (!step_row (db, stmt, &table, i, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_standards (sqlite3  *db,
                GError  **error)
{
  g_auto(Table) table = { 0 };
  g_autoptr(VigieRefStmt) stmt = NULL;
  g_autoptr(VigieRefStmt) orphans = NULL;

  if (!table_read (&table, "standards.tsv", standard_columns, error))
    return FALSE;
  /* "WHERE true" keeps the upsert unambiguous after INSERT ... SELECT. */
  stmt = prepare (db, &table,
                  "INSERT INTO standards (code_id, key, parent_key, title, sort_order) "
                  "SELECT id, ?3, ?4, ?5, ?6 FROM code_standards "
                  "WHERE code = ?1 AND version = ?2 AND true "
                  "ON CONFLICT (code_id, key) DO UPDATE SET parent_key = excluded.parent_key, "
                  "title = excluded.title, sort_order = excluded.sort_order", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < table.rows->len; i++)
    {
      char **row = g_ptr_array_index (table.rows, i);
      gint64 sort_order;
      int rc;

      if (!require_nonempty (&table, i, "key", row[2], error)
          || !require_nonempty (&table, i, "title", row[4], error)
          || !parse_int (&table, i, "sort_order", row[5], 0, G_MAXINT32, &sort_order, error))
        return FALSE;
      sqlite3_bind_text (stmt, 1, row[0], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, row[1], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, row[2], -1, SQLITE_TRANSIENT);
      bind_optional (stmt, 4, row[3]);
      sqlite3_bind_text (stmt, 5, row[4], -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 6, sort_order);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      if (rc != SQLITE_DONE)
        return database_error (error, db, &table, i);
      if (sqlite3_changes (db) == 0)
        {
          /* Translators: %1$s is the code of a standard, %2$s its version */
          g_autofree char *what = g_strdup_printf (_("the code “%1$s” version “%2$s” is not "
                                                     "in code-standards.tsv"), row[0], row[1]);
          return malformed (error, &table, i, what);
        }
    }

  /* Every parent_key names a standard of the same code. */
  orphans = prepare (db, &table,
                     "SELECT s.key, s.parent_key FROM standards s WHERE s.parent_key IS NOT NULL "
                     "AND NOT EXISTS (SELECT 1 FROM standards p WHERE p.code_id = s.code_id "
                     "AND p.key = s.parent_key) LIMIT 1", error);
  if (orphans == NULL)
    return FALSE;
  if (sqlite3_step (orphans) == SQLITE_ROW)
    {
      g_set_error (error, VIGIE_REFERENCE_ERROR, VIGIE_REFERENCE_ERROR_MALFORMED,
                   /* Translators: %1$s is a file name, %2$s and %3$s keys of standards */
                   _("%1$s: the parent “%3$s” of “%2$s” is not a standard of the same code"),
                   table.file, (const char *) sqlite3_column_text (orphans, 0),
                   (const char *) sqlite3_column_text (orphans, 1));
      return FALSE;
    }
  return TRUE;
}

static gint64
standard_id (sqlite3_stmt *lookup,
             const char   *code,
             const char   *version,
             const char   *key)
{
  gint64 id = -1;

  sqlite3_bind_text (lookup, 1, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (lookup, 2, version, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (lookup, 3, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (lookup) == SQLITE_ROW)
    id = sqlite3_column_int64 (lookup, 0);
  sqlite3_reset (lookup);
  sqlite3_clear_bindings (lookup);
  return id;
}

static gboolean
load_mappings (sqlite3  *db,
               GError  **error)
{
  g_auto(Table) table = { 0 };
  g_autoptr(VigieRefStmt) lookup = NULL;
  g_autoptr(VigieRefStmt) insert = NULL;

  if (!table_read (&table, "standard-mappings.tsv", mapping_columns, error))
    return FALSE;
  lookup = prepare (db, &table,
                    "SELECT s.id FROM standards s JOIN code_standards c ON c.id = s.code_id "
                    "WHERE c.code = ?1 AND c.version = ?2 AND s.key = ?3", error);
  if (lookup == NULL)
    return FALSE;
  insert = prepare (db, &table,
                    "INSERT INTO standard_mappings (standard_id, mapped_id) VALUES (?1, ?2) "
                    "ON CONFLICT DO NOTHING", error);
  if (insert == NULL)
    return FALSE;

  for (guint i = 0; i < table.rows->len; i++)
    {
      char **row = g_ptr_array_index (table.rows, i);
      gint64 ids[2];

      for (guint side = 0; side < 2; side++)
        {
          char **s = row + 3 * side;

          ids[side] = standard_id (lookup, s[0], s[1], s[2]);
          if (ids[side] < 0)
            {
              /* Translators: %1$s is the key of a standard, %2$s a code, %3$s its version */
              g_autofree char *what = g_strdup_printf (_("no standard “%1$s” in code “%2$s” "
                                                         "version “%3$s”"), s[2], s[0], s[1]);
              return malformed (error, &table, i, what);
            }
        }
      if (ids[0] == ids[1])
        return malformed (error, &table, i, _("a standard is mapped to itself"));

      for (guint dir = 0; dir < 2; dir++)
        {
          sqlite3_bind_int64 (insert, 1, ids[dir]);
          sqlite3_bind_int64 (insert, 2, ids[1 - dir]);
          if (!step_row (db, insert, &table, i, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
load_indicators (sqlite3  *db,
                 GError  **error)
{
  g_auto(Table) table = { 0 };
  g_autoptr(VigieRefStmt) stmt = NULL;

  if (!table_read (&table, "fl-indicators.tsv", indicator_columns, error))
    return FALSE;
  stmt = prepare (db, &table,
                  "INSERT INTO fl_indicators (code, title, sort_order) VALUES (?1, ?2, ?3) "
                  "ON CONFLICT (code) DO UPDATE SET title = excluded.title, "
                  "sort_order = excluded.sort_order", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < table.rows->len; i++)
    {
      char **row = g_ptr_array_index (table.rows, i);
      gint64 sort_order;

      if (!require_nonempty (&table, i, "code", row[0], error)
          || !require_nonempty (&table, i, "title", row[1], error)
          || !parse_int (&table, i, "sort_order", row[2], 0, G_MAXINT32, &sort_order, error))
        return FALSE;
      sqlite3_bind_text (stmt, 1, row[0], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, row[1], -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, sort_order);
      if (!step_row (db, stmt, &table, i, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_conventions (sqlite3  *db,
                  GError  **error)
{
  g_auto(Table) table = { 0 };
  g_autoptr(VigieRefStmt) stmt = NULL;

  if (!table_read (&table, "ilo-conventions.tsv", convention_columns, error))
    return FALSE;
  stmt = prepare (db, &table,
                  "INSERT INTO ilo_conventions (code, title, year, fundamental) "
                  "VALUES (?1, ?2, ?3, ?4) "
                  "ON CONFLICT (code) DO UPDATE SET title = excluded.title, "
                  "year = excluded.year, fundamental = excluded.fundamental", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < table.rows->len; i++)
    {
      char **row = g_ptr_array_index (table.rows, i);
      gint64 year = 0, fundamental;

      if (!require_nonempty (&table, i, "code", row[0], error)
          || !require_nonempty (&table, i, "title", row[1], error)
          || (row[2][0] != '\0'
              && !parse_int (&table, i, "year", row[2], 1919, 9999, &year, error))
          || !parse_int (&table, i, "fundamental", row[3], 0, 1, &fundamental, error))
        return FALSE;
      sqlite3_bind_text (stmt, 1, row[0], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, row[1], -1, SQLITE_TRANSIENT);
      if (row[2][0] != '\0')
        sqlite3_bind_int64 (stmt, 3, year);
      sqlite3_bind_int64 (stmt, 4, fundamental);
      if (!step_row (db, stmt, &table, i, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_pictogram (const char *text)
{
  return strlen (text) == 5 && g_str_has_prefix (text, "GHS0") && text[4] >= '1'
         && text[4] <= '9';
}

static gboolean
load_hazards (sqlite3  *db,
              GError  **error)
{
  static const char * const kinds[] = { "physical", "health", "environmental", "euh", NULL };
  g_auto(Table) table = { 0 };
  g_autoptr(VigieRefStmt) stmt = NULL;

  if (!table_read (&table, "hazard-statements.tsv", hazard_columns, error))
    return FALSE;
  stmt = prepare (db, &table,
                  "INSERT INTO hazard_statements (code, kind, hazard_class, category, "
                  "pictogram, signal_word, deleted, text) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                  "ON CONFLICT (code) DO UPDATE SET kind = excluded.kind, "
                  "hazard_class = excluded.hazard_class, category = excluded.category, "
                  "pictogram = excluded.pictogram, signal_word = excluded.signal_word, "
                  "deleted = excluded.deleted, text = excluded.text", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < table.rows->len; i++)
    {
      char **row = g_ptr_array_index (table.rows, i);
      gint64 deleted;

      if (!require_nonempty (&table, i, "code", row[0], error)
          || !require_nonempty (&table, i, "text", row[7], error)
          || !parse_int (&table, i, "deleted", row[6], 0, 1, &deleted, error))
        return FALSE;
      if (!g_strv_contains (kinds, row[1]))
        return malformed (error, &table, i, _("the kind must be physical, health, "
                                              "environmental or euh"));
      if (row[4][0] != '\0' && !is_pictogram (row[4]))
        return malformed (error, &table, i, _("the pictogram must be GHS01 to GHS09 or empty"));
      if (row[5][0] != '\0' && g_strcmp0 (row[5], "danger") != 0
          && g_strcmp0 (row[5], "warning") != 0)
        return malformed (error, &table, i,
                          _("the signal word must be danger, warning or empty"));

      sqlite3_bind_text (stmt, 1, row[0], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, row[1], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, row[2], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, row[3], -1, SQLITE_TRANSIENT);
      bind_optional (stmt, 5, row[4]);
      bind_optional (stmt, 6, row[5]);
      sqlite3_bind_int64 (stmt, 7, deleted);
      sqlite3_bind_text (stmt, 8, row[7], -1, SQLITE_TRANSIENT);
      if (!step_row (db, stmt, &table, i, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
vigie_reference_load (sqlite3  *db,
                      GError  **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return load_countries (db, error)
         && load_code_standards (db, error)
         && load_standards (db, error)
         && load_mappings (db, error)
         && load_indicators (db, error)
         && load_conventions (db, error)
         && load_hazards (db, error);
}

/* ─── In-memory look-ups ───────────────────────────────────────────────────────────── */

typedef struct
{
  GHashTable *names;    /* code → English name */
  GHashTable *lookup;   /* normalised name or alias → code */
  GHashTable *hazards;  /* hazard code → itself */
} ReferenceIndex;

static void
index_add_name (ReferenceIndex *index,
                const char     *name,
                const char     *code)
{
  g_autofree char *key = vigie_normalise_text (name);

  if (key[0] != '\0' && !g_hash_table_contains (index->lookup, key))
    g_hash_table_insert (index->lookup, g_steal_pointer (&key), g_strdup (code));
}

static void
index_load (ReferenceIndex *index)
{
  g_auto(Table) countries = { 0 };
  g_auto(Table) aliases = { 0 };
  g_auto(Table) hazards = { 0 };
  g_autoptr(GError) error = NULL;

  index->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  index->lookup = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  index->hazards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* The shipped files are checked by the test suite; a broken build only loses look-ups. */
  if (!table_read (&countries, "countries.tsv", country_columns, &error)
      || !table_read (&aliases, "country-aliases.tsv", alias_columns, &error)
      || !table_read (&hazards, "hazard-statements.tsv", hazard_columns, &error))
    {
      g_critical ("Reference data unavailable: %s", error->message);
      return;
    }

  /* ISO names first, so an alias never shadows an official name. */
  for (guint i = 0; i < countries.rows->len; i++)
    {
      char **row = g_ptr_array_index (countries.rows, i);

      g_hash_table_insert (index->names, g_strdup (row[0]), g_strdup (row[1]));
      index_add_name (index, row[1], row[0]);
    }
  for (guint i = 0; i < aliases.rows->len; i++)
    {
      char **row = g_ptr_array_index (aliases.rows, i);

      if (g_hash_table_contains (index->names, row[1]))
        index_add_name (index, row[0], row[1]);
    }
  for (guint i = 0; i < hazards.rows->len; i++)
    {
      char **row = g_ptr_array_index (hazards.rows, i);

      g_hash_table_add (index->hazards, g_strdup (row[0]));
    }
}

static const ReferenceIndex *
reference_index (void)
{
  static ReferenceIndex index;
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      index_load (&index);
      bind_textdomain_codeset (ISO_3166_DOMAIN, "UTF-8");
      g_once_init_leave (&initialised, 1);
    }
  return &index;
}

static gboolean
store_has_country (VigieStore *store,
                   const char *code)
{
  sqlite3_stmt *stmt;
  gboolean found;

  stmt = vigie_store_prepare (store, "SELECT 1 FROM countries WHERE code = ?1", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return found;
}

char *
vigie_reference_match_country (VigieStore *store,
                               const char *text)
{
  const ReferenceIndex *index = reference_index ();
  g_autofree char *stripped = NULL;
  g_autofree char *key = NULL;
  const char *code = NULL;

  g_return_val_if_fail (store == NULL || VIGIE_IS_STORE (store), NULL);

  if (text == NULL)
    return NULL;
  stripped = g_strstrip (g_strdup (text));

  if (strlen (stripped) == 2 && g_ascii_isalpha (stripped[0]) && g_ascii_isalpha (stripped[1]))
    {
      char upper[3] = { g_ascii_toupper (stripped[0]), g_ascii_toupper (stripped[1]), '\0' };
      gpointer orig_key = NULL;

      if (g_hash_table_lookup_extended (index->names, upper, &orig_key, NULL))
        code = orig_key;
    }
  if (code == NULL)
    {
      key = vigie_normalise_text (stripped);
      code = g_hash_table_lookup (index->lookup, key);
    }
  if (code == NULL)
    return NULL;
  if (store != NULL && !store_has_country (store, code))
    return NULL;
  return g_strdup (code);
}

const char *
vigie_reference_country_name (const char *code)
{
  if (code == NULL)
    return NULL;
  return g_hash_table_lookup (reference_index ()->names, code);
}

const char *
vigie_reference_country_label (const char *code)
{
  const char *name = vigie_reference_country_name (code);

  if (name == NULL)
    return NULL;
  /* iso-codes' msgids are the English short names; without a catalogue this returns NAME. */
  return g_dgettext (ISO_3166_DOMAIN, name);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

char **
vigie_reference_country_codes (void)
{
  g_autofree gpointer *keys = NULL;
  guint n = 0;
  char **codes;

  keys = g_hash_table_get_keys_as_array (reference_index ()->names, &n);
  codes = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    codes[i] = g_strdup (keys[i]);
  qsort (codes, n, sizeof (char *), compare_strings);
  return codes;
}

gboolean
vigie_reference_is_hazard_code (const char *code)
{
  if (code == NULL)
    return FALSE;
  return g_hash_table_contains (reference_index ()->hazards, code);
}

const char *
vigie_reference_text (const char *english)
{
  g_return_val_if_fail (english != NULL, NULL);

  if (english[0] == '\0')
    return english;
  return g_dgettext (GETTEXT_PACKAGE, english);
}

/* durability-util.c — helpers shared by the durability tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <string.h>
#include <sys/wait.h>

#include "durability-util.h"

char *
dur_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("vigie-durability-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
dur_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;
  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR)
              && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            dur_remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

void
dur_copy_file (const char *from,
               const char *to)
{
  g_autoptr(GFile) src = g_file_new_for_path (from);
  g_autoptr(GFile) dst = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  g_file_copy (src, dst, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

char *
dur_file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

const char *
dur_source_root (void)
{
  const char *root = g_getenv ("VIGIE_SOURCE_ROOT");

  g_assert_nonnull (root);
  return root;
}

const char *
dur_cli_path (void)
{
  const char *cli = g_getenv ("VIGIE_CLI");

  g_assert_nonnull (cli);
  return cli;
}

int
dur_run_cli (const char * const *argv,
             const char * const *env_extra,
             char              **out,
             char              **err)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_ptr_array_add (args, (gpointer) dur_cli_path ());
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);
  for (guint i = 0; env_extra != NULL && env_extra[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env_extra[i], "=", 2);

      env = g_environ_setenv (env, pair[0], pair[1] != NULL ? pair[1] : "", TRUE);
    }
  env = g_environ_setenv (env, "LANG", "C.UTF-8", TRUE);
  env = g_environ_unsetenv (env, "LANGUAGE");

  g_spawn_sync (NULL, (char **) args->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                &wait_status, &error);
  g_assert_no_error (error);
  if (WIFEXITED (wait_status))
    return WEXITSTATUS (wait_status);
  return -1;
}

sqlite3 *
dur_sqlite_open (const char *path,
                 gboolean    writable)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db,
                            writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY, NULL);

  if (rc != SQLITE_OK)
    g_error ("cannot open %s: %s", path, sqlite3_errstr (rc));
  sqlite3_busy_timeout (db, 10000);
  return db;
}

gint64
dur_query_int (sqlite3    *db,
               const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("%s: no row (%s)", sql, sqlite3_errmsg (db));
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

char *
dur_query_text (sqlite3    *db,
                const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("%s: no row (%s)", sql, sqlite3_errmsg (db));
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

void
dur_attach (sqlite3    *db,
            const char *path,
            const char *schema)
{
  g_autofree char *sql = g_strdup_printf ("ATTACH ?1 AS \"%s\"", schema);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, path, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("cannot attach %s: %s", path, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
}

GPtrArray *
dur_list_tables (sqlite3    *db,
                 const char *schema,
                 gboolean    with_fts_shadow)
{
  g_autofree char *sql = NULL;
  GPtrArray *tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  sql = g_strdup_printf ("SELECT name FROM \"%s\".sqlite_master t WHERE type = 'table' "
                         "AND name NOT LIKE 'sqlite_%%' "
                         "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%%' "
                         "AND (%d OR NOT EXISTS (SELECT 1 FROM \"%s\".sqlite_master v "
                         "  WHERE v.sql LIKE 'CREATE VIRTUAL TABLE%%' "
                         "  AND t.name LIKE v.name || '_%%')) "
                         "ORDER BY name", schema, with_fts_shadow ? 1 : 0, schema);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  return tables;
}

GPtrArray *
dur_list_columns (sqlite3    *db,
                  const char *schema,
                  const char *table)
{
  GPtrArray *columns = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT name FROM pragma_table_info (?1, ?2) ORDER BY cid",
                          -1, &stmt, NULL) != SQLITE_OK)
    g_error ("table_info: %s", sqlite3_errmsg (db));
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, schema, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  return columns;
}

char *
dur_row_expression (GPtrArray *columns)
{
  GString *expr = g_string_new (NULL);

  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (expr, "%squote(\"%s\")", i > 0 ? "||'|'||" : "",
                            (const char *) g_ptr_array_index (columns, i));
  return g_string_free (expr, FALSE);
}

char *
dur_rows_digest (sqlite3    *db,
                 const char *schema,
                 const char *table)
{
  g_autoptr(GPtrArray) columns = dur_list_columns (db, schema, table);
  g_autofree char *expr = dur_row_expression (columns);
  g_autofree char *sql = g_strdup_printf ("SELECT %s AS r FROM \"%s\".\"%s\" ORDER BY r",
                                          expr, schema, table);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_checksum_update (sum, sqlite3_column_text (stmt, 0), sqlite3_column_bytes (stmt, 0));
      g_checksum_update (sum, (const guchar *) "\n", 1);
    }
  sqlite3_finalize (stmt);
  return g_strdup (g_checksum_get_string (sum));
}

gint64
dur_rows_missing (sqlite3    *db,
                  const char *a,
                  const char *b,
                  const char *table,
                  GPtrArray  *columns,
                  const char *where_a)
{
  GString *list = g_string_new (NULL);
  g_autofree char *sql = NULL;

  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (list, "%s\"%s\"", i > 0 ? ", " : "",
                            (const char *) g_ptr_array_index (columns, i));
  sql = g_strdup_printf ("SELECT count(*) FROM (SELECT %s FROM \"%s\".\"%s\" %s%s "
                         "EXCEPT SELECT %s FROM \"%s\".\"%s\")",
                         list->str, a, table, where_a != NULL ? "WHERE " : "",
                         where_a != NULL ? where_a : "", list->str, b, table);
  g_string_free (list, TRUE);
  return dur_query_int (db, sql);
}

void
dur_assert_same_rows (const char *path_a,
                      const char *path_b,
                      gboolean    with_fts_shadow)
{
  sqlite3 *db = dur_sqlite_open (path_a, FALSE);
  g_autoptr(GPtrArray) tables_a = NULL;
  g_autoptr(GPtrArray) tables_b = NULL;

  dur_attach (db, path_b, "b");
  tables_a = dur_list_tables (db, "main", with_fts_shadow);
  tables_b = dur_list_tables (db, "b", with_fts_shadow);
  g_assert_cmpuint (tables_a->len, ==, tables_b->len);
  g_assert_cmpuint (tables_a->len, >, 20);
  for (guint i = 0; i < tables_a->len; i++)
    {
      const char *table = g_ptr_array_index (tables_a, i);
      g_autoptr(GPtrArray) columns = dur_list_columns (db, "main", table);
      g_autofree char *count_a = g_strdup_printf ("SELECT count(*) FROM main.\"%s\"", table);
      g_autofree char *count_b = g_strdup_printf ("SELECT count(*) FROM b.\"%s\"", table);

      g_assert_cmpstr (table, ==, g_ptr_array_index (tables_b, i));
      if (dur_query_int (db, count_a) != dur_query_int (db, count_b)
          || dur_rows_missing (db, "main", "b", table, columns, NULL) != 0
          || dur_rows_missing (db, "b", "main", table, columns, NULL) != 0)
        g_error ("table %s differs between %s and %s", table, path_a, path_b);
    }
  sqlite3_close (db);
}

/* durability-util.h — helpers shared by the durability tests: temp folders, file hashes,
 * running vigie-cli, and comparing the tables of two SQLite files row by row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* A new temporary folder (removed with dur_remove_tree). */
char       *dur_temp_dir            (void) G_GNUC_WARN_UNUSED_RESULT;
void        dur_remove_tree         (const char   *path);
void        dur_copy_file           (const char   *from,
                                     const char   *to);
/* SHA-256 of a file's bytes, or NULL when it cannot be read. */
char       *dur_file_sha256         (const char   *path) G_GNUC_WARN_UNUSED_RESULT;
/* The source tree (VIGIE_SOURCE_ROOT) and the built vigie-cli (VIGIE_CLI). */
const char *dur_source_root         (void);
const char *dur_cli_path            (void);

/* Runs vigie-cli with ARGV (NULL-terminated, without the program) and ENV_EXTRA
 * ("NAME=value" strings added to the environment, may be NULL). Returns the exit status
 * (-1 when it was killed by a signal); OUT and ERR (may be NULL) get its output. */
int         dur_run_cli             (const char * const *argv,
                                     const char * const *env_extra,
                                     char              **out,
                                     char              **err);

/* Opens PATH with plain SQLite (no Vigie code), read-only unless WRITABLE. */
sqlite3    *dur_sqlite_open         (const char   *path,
                                     gboolean      writable);
gint64      dur_query_int           (sqlite3      *db,
                                     const char   *sql);
char       *dur_query_text          (sqlite3      *db,
                                     const char   *sql) G_GNUC_WARN_UNUSED_RESULT;

/* ATTACH PATH AS SCHEMA. */
void        dur_attach              (sqlite3      *db,
                                     const char   *path,
                                     const char   *schema);
/* The ordinary tables of schema SCHEMA ("main" or an attached name): not sqlite_*, not
 * full-text indexes nor their shadow tables unless WITH_FTS_SHADOW. Sorted by name. */
GPtrArray  *dur_list_tables         (sqlite3      *db,
                                     const char   *schema,
                                     gboolean      with_fts_shadow);
/* The column names of SCHEMA.TABLE, in order. */
GPtrArray  *dur_list_columns        (sqlite3      *db,
                                     const char   *schema,
                                     const char   *table);
/* "quote(c1)||'|'||quote(c2)..." over COLUMNS. */
char       *dur_row_expression      (GPtrArray    *columns) G_GNUC_WARN_UNUSED_RESULT;
/* SHA-256 of the rows of SCHEMA.TABLE (each row as dur_row_expression() plus "\n", sorted
 * as text): the digest tests/fixtures/schema-v1.sh writes into schema-v1.json. */
char       *dur_rows_digest         (sqlite3      *db,
                                     const char   *schema,
                                     const char   *table) G_GNUC_WARN_UNUSED_RESULT;
/* The number of rows of A.TABLE (over COLUMNS, restricted by WHERE_A, may be NULL) that
 * B.TABLE does not hold. */
gint64      dur_rows_missing        (sqlite3      *db,
                                     const char   *a,
                                     const char   *b,
                                     const char   *table,
                                     GPtrArray    *columns,
                                     const char   *where_a);
/* Asserts that every ordinary table (FTS shadow tables too when WITH_FTS_SHADOW) holds the
 * same rows in the two files. */
void        dur_assert_same_rows    (const char   *path_a,
                                     const char   *path_b,
                                     gboolean      with_fts_shadow);

G_END_DECLS

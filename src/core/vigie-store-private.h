/* vigie-store-private.h — for other files of src/core only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>
#include "vigie-store.h"

G_BEGIN_DECLS

sqlite3       *vigie_store_get_db        (VigieStore  *self);

/* A cached prepared statement (reset and bindings cleared); do not finalize it. */
sqlite3_stmt  *vigie_store_prepare       (VigieStore  *self,
                                          const char  *sql,
                                          GError     **error);

/* Runs SQL (one or more statements, no parameters). */
gboolean       vigie_store_exec          (VigieStore  *self,
                                          const char  *sql,
                                          GError     **error);

/* Fills ERROR from the connection's last error; RC is the sqlite result code. */
void           vigie_store_set_error     (VigieStore  *self,
                                          int          rc,
                                          GError     **error);

/* Runs a prepared statement to completion (SQLITE_DONE) and resets it. */
gboolean       vigie_store_step_done     (VigieStore    *self,
                                          sqlite3_stmt  *stmt,
                                          GError       **error);

/* Audit log. For update/delete, call _snapshot before the change to get the old row as
 * JSON; then vigie_store_audit with old and new JSON (new from _snapshot after). */
char          *vigie_store_snapshot      (VigieStore  *self,
                                          const char  *table,
                                          gint64       row_id);
gboolean       vigie_store_audit         (VigieStore  *self,
                                          const char  *table,
                                          gint64       row_id,
                                          const char  *action,
                                          const char  *old_json,
                                          const char  *new_json,
                                          GError     **error);

/* Convenience binders: NULL string / negative-sentinel handled by callers. */
void           vigie_bind_text           (sqlite3_stmt *stmt,
                                          int           index,
                                          const char   *text);   /* NULL binds NULL */
void           vigie_bind_text_or_empty  (sqlite3_stmt *stmt,
                                          int           index,
                                          const char   *text);   /* NULL binds '' */
char          *vigie_column_dup          (sqlite3_stmt *stmt,
                                          int           col);     /* NULL stays NULL */

G_END_DECLS

/* vigie-store.h — one Vigie dataset: a SQLite file, its schema and its audit log.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define VIGIE_SCHEMA_VERSION 2
/* PRAGMA application_id: 'V' 'I' 'G' 'E' */
#define VIGIE_APPLICATION_ID 0x56494745

#define VIGIE_STORE_ERROR (vigie_store_error_quark ())
GQuark vigie_store_error_quark (void);

typedef enum
{
  VIGIE_STORE_ERROR_FAILED,
  VIGIE_STORE_ERROR_OPEN,        /* cannot open or create the file */
  VIGIE_STORE_ERROR_NOT_VIGIE,   /* a SQLite file of another application, or not SQLite */
  VIGIE_STORE_ERROR_TOO_NEW,     /* written by a newer Vigie: refused, never modified */
  VIGIE_STORE_ERROR_MIGRATION,   /* a migration failed; the file was left as it was */
  VIGIE_STORE_ERROR_BUSY,        /* another process holds the write lock past the timeout */
  VIGIE_STORE_ERROR_CONSTRAINT,  /* a row broke a CHECK, UNIQUE or FOREIGN KEY rule */
  VIGIE_STORE_ERROR_NOT_FOUND,
  VIGIE_STORE_ERROR_CORRUPT,
} VigieStoreError;

#define VIGIE_TYPE_STORE (vigie_store_get_type ())
G_DECLARE_FINAL_TYPE (VigieStore, vigie_store, VIGIE, STORE, GObject)

/* Opens PATH, creating it (mode 0600) with the current schema if it does not exist and
 * migrating it (after a backup next to it, PATH.vN.bak) if it is older. */
VigieStore  *vigie_store_open                (const char  *path,
                                              GError     **error) G_GNUC_WARN_UNUSED_RESULT;
/* Prepares, in a thread, what vigie_store_open() checks a file against, so that a program
 * that opens a dataset soon after it starts does not wait for it. Optional. */
void         vigie_store_preload             (void);
/* A second connection to the same file, for a worker thread. */
VigieStore  *vigie_store_open_another        (VigieStore  *self,
                                              GError     **error) G_GNUC_WARN_UNUSED_RESULT;

const char  *vigie_store_get_path            (VigieStore  *self);
int          vigie_store_get_schema_version  (VigieStore  *self);

/* Who is written into the audit log ("analyst" by default; $USER at open). */
void         vigie_store_set_actor           (VigieStore  *self,
                                              const char  *actor);
const char  *vigie_store_get_actor           (VigieStore  *self);

/* Transactions. begin = BEGIN IMMEDIATE; nesting is counted (inner levels are no-ops). */
gboolean     vigie_store_begin               (VigieStore  *self,
                                              GError     **error);
gboolean     vigie_store_commit              (VigieStore  *self,
                                              GError     **error);
void         vigie_store_rollback            (VigieStore  *self);

/* Bulk mode (inside a transaction): drops the FTS sync triggers; bulk_end rebuilds the
 * FTS indexes and recreates the triggers. */
gboolean     vigie_store_bulk_begin          (VigieStore  *self,
                                              GError     **error);
gboolean     vigie_store_bulk_end            (VigieStore  *self,
                                              GError     **error);
/* bulk_end for a writer that has filled some of what bulk_end rebuilds itself: the
 * full-text tables ("findings_fts") and figure summaries ("figures_closure") named in
 * FILLED (NULL-terminated) are neither rebuilt nor counted again (see
 * vigie_figures_summaries_resume_filled()); the triggers come back as with bulk_end. */
gboolean     vigie_store_bulk_end_filled     (VigieStore         *self,
                                              const char *const  *filled,
                                              GError            **error);

/* Foreign-key enforcement for this connection; only outside a transaction (SQLite ignores
 * the pragma inside one). For generators that write rows whose references they build
 * themselves, followed by a foreign_key_check before commit. */
gboolean     vigie_store_set_foreign_keys    (VigieStore  *self,
                                              gboolean     enabled,
                                              GError     **error);

/* PRAGMA integrity_check + foreign_key_check + schema version. Appends a human-readable
 * line per problem to REPORT (may be NULL). Returns TRUE when the database is sound. */
gboolean     vigie_store_check               (VigieStore  *self,
                                              GString     *report,
                                              GError     **error);

/* Online copy with the SQLite backup API (safe on a live database). DEST is created 0600. */
gboolean     vigie_store_backup              (VigieStore  *self,
                                              const char  *dest,
                                              GError     **error);

/* Counts rows of a table of the schema (for `check`, tests, the status line). */
gint64       vigie_store_count               (VigieStore  *self,
                                              const char  *table);

/* $XDG_DATA_HOME/vigie/vigie.db */
char        *vigie_store_default_path        (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

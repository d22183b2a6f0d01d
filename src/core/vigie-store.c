/* vigie-store.c — opening, migrating, checking and backing up a Vigie dataset.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vigie-core-resources.h"
#include "vigie-figures.h"
#include "vigie-reference.h"
#include "vigie-store-private.h"
#include "vigie-util.h"

#define RESOURCE_SQL "/io/github/vigie/Vigie/core/sql/"
/* How long a write waits for another program's transaction to end before it gives up
 * with VIGIE_STORE_ERROR_BUSY; $VIGIE_BUSY_TIMEOUT_MS overrides it (tests shorten it). */
#define BUSY_TIMEOUT_MS 5000

struct _VigieStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *actor;
  GHashTable *statements;   /* sql → sqlite3_stmt* */
  GHashTable *snapshot_sql; /* table → "SELECT json_object(...) ..." */
  int         schema_version;
  guint       tx_depth;
  gboolean    tx_failed;
};

G_DEFINE_FINAL_TYPE (VigieStore, vigie_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (vigie-store-error-quark, vigie_store_error)

static const char * const fts_tables[] = {
  "sites", "findings", "evidence", "chemical_products",
};

static void
vigie_store_finalize (GObject *object)
{
  VigieStore *self = (VigieStore *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->snapshot_sql, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_free (self->actor);

  G_OBJECT_CLASS (vigie_store_parent_class)->finalize (object);
}

static void
vigie_store_class_init (VigieStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vigie_store_finalize;
}

static void
free_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
vigie_store_init (VigieStore *self)
{
  const char *user = g_get_user_name ();

  self->actor = g_strdup (user != NULL && *user != '\0' ? user : "analyst");
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            free_statement);
  self->snapshot_sql = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* ─── Errors and statements ──────────────────────────────────────────────── */

void
vigie_store_set_error (VigieStore  *self,
                       int          rc,
                       GError     **error)
{
  int primary = rc & 0xff;
  const char *msg = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);
  VigieStoreError code = VIGIE_STORE_ERROR_FAILED;

  switch (primary)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_BUSY,
                   /* Translators: %s is the path of the dataset file */
                   _("The database “%s” is busy: another program (or another Vigie window) "
                     "is writing to it. Nothing was changed; try again in a moment."),
                   self->path != NULL ? self->path : "");
      return;
    case SQLITE_CONSTRAINT:
      code = VIGIE_STORE_ERROR_CONSTRAINT;
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_CORRUPT,
                   /* Translators: %1$s is the path of the dataset file, %2$s SQLite's
                    * explanation */
                   _("The database “%1$s” is damaged (%2$s). Restore it from a backup; "
                     "“vigie-cli check” lists the problems."),
                   self->path != NULL ? self->path : "", msg);
      return;
    default:
      break;
    }
  g_set_error (error, VIGIE_STORE_ERROR, code, "%s", msg);
}

sqlite3 *
vigie_store_get_db (VigieStore *self)
{
  g_return_val_if_fail (VIGIE_IS_STORE (self), NULL);
  return self->db;
}

sqlite3_stmt *
vigie_store_prepare (VigieStore  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      vigie_store_set_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
vigie_store_exec (VigieStore  *self,
                  const char  *sql,
                  GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      vigie_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
vigie_store_step_done (VigieStore    *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (self, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

void
vigie_bind_text (sqlite3_stmt *stmt,
                 int           index,
                 const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
vigie_bind_text_or_empty (sqlite3_stmt *stmt,
                          int           index,
                          const char   *text)
{
  sqlite3_bind_text (stmt, index, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
}

char *
vigie_column_dup (sqlite3_stmt *stmt,
                  int           col)
{
  const unsigned char *text;

  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return NULL;
  text = sqlite3_column_text (stmt, col);
  return g_strdup ((const char *) text);
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* ─── Opening and migrating ──────────────────────────────────────────────── */

static gboolean
looks_like_sqlite (const char  *path,
                   gboolean    *exists,
                   GError     **error)
{
  char header[16] = { 0 };
  ssize_t n;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      if (errno == ENOENT)
        {
          *exists = FALSE;
          return TRUE;
        }
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_OPEN,
                   _("Cannot open “%1$s”: %2$s"), path, g_strerror (errno));
      return FALSE;
    }
  *exists = TRUE;
  n = read (fd, header, sizeof header);
  close (fd);
  if (n == 0)
    return TRUE;  /* an empty file becomes a new dataset */
  if (n < (ssize_t) sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_VIGIE,
                   _("“%s” is not a Vigie database (it is not an SQLite file)."), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_OPEN,
                   _("Cannot create the folder “%1$s”: %2$s"), dir, g_strerror (errno));
      return FALSE;
    }
  fd = g_open (path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_OPEN,
                   _("Cannot create “%1$s”: %2$s"), path, g_strerror (errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static GBytes *
lookup_sql (const char  *name,
            GError     **error)
{
  g_autofree char *path = g_strconcat (RESOURCE_SQL, name, NULL);

  return g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

/* Returns the resource name of migration VERSION ("001-initial.sql"), or NULL. */
static char *
find_migration (int version)
{
  g_auto(GStrv) names = g_resources_enumerate_children (RESOURCE_SQL,
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autofree char *prefix = g_strdup_printf ("%03d-", version);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_str_has_prefix (names[i], prefix) && g_str_has_suffix (names[i], ".sql"))
      return g_strdup (names[i]);
  return NULL;
}

static gboolean
exec_resource (VigieStore  *self,
               const char  *name,
               GError     **error)
{
  g_autoptr(GBytes) bytes = lookup_sql (name, error);
  g_autofree char *sql = NULL;

  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return vigie_store_exec (self, sql, error);
}

static gboolean
backup_before_migration (VigieStore  *self,
                         int          from_version,
                         GError     **error)
{
  g_autofree char *dest = g_strdup_printf ("%s.v%d.bak", self->path, from_version);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_unlink (dest);
  if (!create_private_file (dest, error))
    return FALSE;
  g_unlink (dest);  /* VACUUM INTO wants a missing or empty file; the folder now exists */

  rc = sqlite3_prepare_v2 (self->db, "VACUUM INTO ?", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, dest, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_MIGRATION,
                   _("Could not back up “%1$s” before upgrading it: %2$s"), self->path,
                   sqlite3_errmsg (self->db));
      return FALSE;
    }
  g_chmod (dest, 0600);
  return TRUE;
}

static gboolean
migrate (VigieStore  *self,
         int          from_version,
         GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *pragma = NULL;
  g_autofree char *backup = g_strdup_printf ("%s.v%d.bak", self->path, from_version);
  /* Tests make migration N fail after its SQL ran, to prove the file is left unchanged. */
  const char *fail_text = g_getenv ("VIGIE_TEST_FAIL_MIGRATION");
  int injected_failure = fail_text != NULL ? atoi (fail_text) : 0;

  if (from_version > 0 && !backup_before_migration (self, from_version, error))
    return FALSE;

  if (!vigie_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (int v = from_version + 1; v <= VIGIE_SCHEMA_VERSION; v++)
    {
      g_autofree char *name = find_migration (v);

      if (name == NULL)
        {
          g_set_error (&local_error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_MIGRATION,
                       "migration %d is missing from the build", v);
          goto fail;
        }
      if (!exec_resource (self, name, &local_error))
        goto fail;
      if (v == injected_failure)
        {
          g_set_error (&local_error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_MIGRATION,
                       "migration %d failed on purpose (VIGIE_TEST_FAIL_MIGRATION)", v);
          goto fail;
        }
    }

  if (!exec_resource (self, "fts-triggers.sql", &local_error)
      || !vigie_figures_summaries_rebuild (self, &local_error)
      || !vigie_reference_load (self->db, &local_error))
    goto fail;

  pragma = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                            VIGIE_APPLICATION_ID, VIGIE_SCHEMA_VERSION);
  if (!vigie_store_exec (self, pragma, &local_error))
    goto fail;

  {
    g_autofree char *old_json = g_strdup_printf ("{\"schema_version\":%d}", from_version);
    g_autofree char *new_json = g_strdup_printf ("{\"schema_version\":%d}",
                                                 VIGIE_SCHEMA_VERSION);
    if (!vigie_store_audit (self, "schema", VIGIE_SCHEMA_VERSION, "migrate",
                            from_version > 0 ? old_json : NULL, new_json, &local_error))
      goto fail;
  }

  if (!vigie_store_exec (self, "COMMIT", &local_error))
    goto fail;
  return TRUE;

fail:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  if (from_version > 0)
    g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_MIGRATION,
                 /* Translators: %1$s is a file, %2$d a version number, %3$s the copy made
                  * before the upgrade, %4$s the reason */
                 _("Could not upgrade “%1$s” to schema version %2$d; the file was left "
                   "unchanged, and a copy made before the upgrade is in “%3$s”: %4$s"),
                 self->path, VIGIE_SCHEMA_VERSION, backup, local_error->message);
  else
    g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_MIGRATION,
                 _("Could not upgrade “%1$s” to schema version %2$d; the file was left unchanged: %3$s"),
                 self->path, VIGIE_SCHEMA_VERSION, local_error->message);
  return FALSE;
}

/* The triggers and views (name → SQL) a Vigie file of schema VERSION holds, built once per
 * process in a scratch in-memory database from the migrations (and kept: they never
 * change while the program runs). Building them takes tens of milliseconds, so the
 * application asks for them in a thread while it starts (vigie_store_preload()). */
static GHashTable *
expected_schema_objects (int version)
{
  static GMutex lock;
  static GHashTable *cache[VIGIE_SCHEMA_VERSION + 1];
  GHashTable *expected;
  sqlite3 *mem = NULL;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (version > 0 && version <= VIGIE_SCHEMA_VERSION, NULL);

  g_mutex_lock (&lock);
  if (cache[version] != NULL)
    {
      expected = cache[version];
      g_mutex_unlock (&lock);
      return expected;
    }
  if (sqlite3_open (":memory:", &mem) != SQLITE_OK)
    {
      sqlite3_close (mem);
      g_mutex_unlock (&lock);
      return NULL;
    }
  expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (int v = 1; v <= version + 2; v++)
    {
      g_autofree char *name = v <= version ? find_migration (v)
                              : g_strdup (v == version + 1 ? "fts-triggers.sql"
                                                           : "figures-triggers.sql");
      g_autoptr(GBytes) bytes = name != NULL ? lookup_sql (name, NULL) : NULL;
      g_autofree char *sql = NULL;

      if (bytes == NULL)
        continue;
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      sqlite3_exec (mem, sql, NULL, NULL, NULL);
    }
  if (sqlite3_prepare_v2 (mem, "SELECT name, sql FROM sqlite_master "
                          "WHERE type IN ('trigger', 'view')", -1, &stmt, NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_hash_table_insert (expected,
                             g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                             g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      sqlite3_finalize (stmt);
    }
  sqlite3_close (mem);
  cache[version] = expected;
  g_mutex_unlock (&lock);
  return expected;
}

static gpointer
preload_thread (gpointer data)
{
  expected_schema_objects (VIGIE_SCHEMA_VERSION);
  return NULL;
}

void
vigie_store_preload (void)
{
  g_thread_unref (g_thread_new ("vigie-schema", preload_thread, NULL));
}

/* Triggers and views run with the schema's authority. SQLite's trusted_schema=OFF would
 * stop a crafted file's triggers, but it also forbids our own FTS5 sync triggers (FTS5 is
 * not an "innocuous" virtual table). So the store checks instead that every trigger and view
 * in the file is exactly one that Vigie's own migrations create, before anything runs. */
static gboolean
verify_schema_objects (VigieStore  *self,
                       int          version,
                       GError     **error)
{
  GHashTable *expected;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  if (version <= 0)
    return TRUE;
  expected = expected_schema_objects (MIN (version, VIGIE_SCHEMA_VERSION));
  if (expected == NULL)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_FAILED, "out of memory");
      return FALSE;
    }

  if (sqlite3_prepare_v2 (self->db, "SELECT name, sql FROM sqlite_master "
                          "WHERE type IN ('trigger', 'view')", -1, &stmt, NULL) != SQLITE_OK)
    {
      vigie_store_set_error (self, sqlite3_errcode (self->db), error);
      return FALSE;
    }
  while (ok && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      const char *sql = (const char *) sqlite3_column_text (stmt, 1);

      if (g_strcmp0 (g_hash_table_lookup (expected, name), sql) != 0)
        ok = FALSE;
    }
  sqlite3_finalize (stmt);

  if (!ok)
    g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_VIGIE,
                 _("“%s” contains triggers or views that Vigie did not create. It was "
                   "refused for safety and not modified."), self->path);
  return ok;
}

static int
busy_timeout_ms (void)
{
  const char *text = g_getenv ("VIGIE_BUSY_TIMEOUT_MS");
  guint64 value;

  if (text != NULL && g_ascii_string_to_unsigned (text, 10, 0, 3600 * 1000, &value, NULL))
    return (int) value;
  return BUSY_TIMEOUT_MS;
}

static gboolean
open_connection (VigieStore  *self,
                 GError     **error)
{
  gboolean exists = FALSE;
  gint64 app_id, version, n_objects;
  int rc;

  if (!looks_like_sqlite (self->path, &exists, error))
    return FALSE;
  if (!exists && !create_private_file (self->path, error))
    return FALSE;

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_OPEN,
                   _("Cannot open “%1$s”: %2$s"), self->path,
                   self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, busy_timeout_ms ());

  /* Read the header before changing anything (journal_mode=WAL writes to the file). */
  app_id = query_int (self->db, "PRAGMA application_id");
  version = query_int (self->db, "PRAGMA user_version");
  n_objects = query_int (self->db, "SELECT count(*) FROM sqlite_master");
  if (app_id < 0 || version < 0 || n_objects < 0)
    {
      int rc_read = sqlite3_errcode (self->db) & 0xff;

      if (rc_read == SQLITE_BUSY || rc_read == SQLITE_LOCKED)
        {
          vigie_store_set_error (self, rc_read, error);
          return FALSE;
        }
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_CORRUPT,
                   /* Translators: %1$s is a file, %2$s SQLite's explanation */
                   _("“%1$s” cannot be read: %2$s. It is damaged or cut short; it was not "
                     "modified. Restore it from a backup."),
                   self->path, sqlite3_errmsg (self->db));
      return FALSE;
    }
  if ((app_id != 0 && app_id != VIGIE_APPLICATION_ID)
      || (app_id == 0 && n_objects > 0))
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_VIGIE,
                   _("“%s” is an SQLite database of another application, not a Vigie "
                     "dataset. It was not modified."), self->path);
      return FALSE;
    }
  if (version > VIGIE_SCHEMA_VERSION)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_TOO_NEW,
                   _("“%1$s” was written by a newer version of Vigie (schema %2$d; this version "
                     "reads up to %3$d). Update Vigie to open it. The file was not modified."),
                   self->path, (int) version, VIGIE_SCHEMA_VERSION);
      return FALSE;
    }

  if (!verify_schema_objects (self, (int) version, error))
    return FALSE;

  /* trusted_schema stays ON for our own FTS5 triggers: see verify_schema_objects(). */
  if (!vigie_store_exec (self,
                         "PRAGMA foreign_keys = ON;"
                         "PRAGMA trusted_schema = ON;"
                         "PRAGMA synchronous = FULL;"
                         "PRAGMA temp_store = MEMORY;"
                         "PRAGMA cache_size = -32000;",
                         error))
    return FALSE;

  /* Migrate before switching to WAL: switching rewrites the file header, and a failed
   * migration must leave an older file exactly as it was (its journal mode included). */
  if (version < VIGIE_SCHEMA_VERSION && !migrate (self, (int) version, error))
    return FALSE;

  if (!vigie_store_exec (self, "PRAGMA journal_mode = WAL;", error))
    return FALSE;

  self->schema_version = VIGIE_SCHEMA_VERSION;
  return TRUE;
}

VigieStore *
vigie_store_open (const char  *path,
                  GError     **error)
{
  g_autoptr(VigieStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  /* Referencing the bundle keeps its object file (and its constructor that registers
   * the migrations) in every binary linking the static library. */
  g_assert (vigie_core_get_resource () != NULL);

  self = g_object_new (VIGIE_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  if (!open_connection (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

VigieStore *
vigie_store_open_another (VigieStore  *self,
                          GError     **error)
{
  VigieStore *other;

  g_return_val_if_fail (VIGIE_IS_STORE (self), NULL);

  other = vigie_store_open (self->path, error);
  if (other != NULL)
    vigie_store_set_actor (other, self->actor);
  return other;
}

const char *
vigie_store_get_path (VigieStore *self)
{
  g_return_val_if_fail (VIGIE_IS_STORE (self), NULL);
  return self->path;
}

int
vigie_store_get_schema_version (VigieStore *self)
{
  g_return_val_if_fail (VIGIE_IS_STORE (self), 0);
  return self->schema_version;
}

void
vigie_store_set_actor (VigieStore *self,
                       const char *actor)
{
  g_return_if_fail (VIGIE_IS_STORE (self));

  if (actor == NULL || *actor == '\0')
    actor = "analyst";
  g_free (self->actor);
  self->actor = g_strdup (actor);
}

const char *
vigie_store_get_actor (VigieStore *self)
{
  g_return_val_if_fail (VIGIE_IS_STORE (self), NULL);
  return self->actor;
}

char *
vigie_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "vigie", "vigie.db", NULL);
}

/* ─── Transactions ───────────────────────────────────────────────────────── */

gboolean
vigie_store_begin (VigieStore  *self,
                   GError     **error)
{
  g_return_val_if_fail (VIGIE_IS_STORE (self), FALSE);

  if (self->tx_depth == 0)
    {
      if (!vigie_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      self->tx_failed = FALSE;
    }
  self->tx_depth++;
  return TRUE;
}

gboolean
vigie_store_commit (VigieStore  *self,
                    GError     **error)
{
  g_return_val_if_fail (VIGIE_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->tx_depth > 0, FALSE);

  if (--self->tx_depth > 0)
    return TRUE;

  if (self->tx_failed)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_FAILED,
                   _("The change was cancelled because part of it failed."));
      return FALSE;
    }
  if (!vigie_store_exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

void
vigie_store_rollback (VigieStore *self)
{
  g_return_if_fail (VIGIE_IS_STORE (self));
  g_return_if_fail (self->tx_depth > 0);

  if (--self->tx_depth > 0)
    {
      self->tx_failed = TRUE;
      return;
    }
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
vigie_store_bulk_begin (VigieStore  *self,
                        GError     **error)
{
  g_return_val_if_fail (VIGIE_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->tx_depth > 0, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (fts_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP TRIGGER IF EXISTS %s_fts_ai;"
                                              "DROP TRIGGER IF EXISTS %s_fts_ad;"
                                              "DROP TRIGGER IF EXISTS %s_fts_au;",
                                              fts_tables[i], fts_tables[i], fts_tables[i]);
      if (!vigie_store_exec (self, sql, error))
        return FALSE;
    }
  return vigie_figures_summaries_suspend (self, error);
}

gboolean
vigie_store_bulk_end (VigieStore  *self,
                      GError     **error)
{
  g_return_val_if_fail (VIGIE_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->tx_depth > 0, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (fts_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO %s_fts (%s_fts) VALUES ('rebuild')",
                                              fts_tables[i], fts_tables[i]);
      if (!vigie_store_exec (self, sql, error))
        return FALSE;
    }
  return exec_resource (self, "fts-triggers.sql", error)
         && vigie_figures_summaries_resume (self, error);
}

gboolean
vigie_store_bulk_end_filled (VigieStore         *self,
                             const char *const  *filled,
                             GError            **error)
{
  g_return_val_if_fail (VIGIE_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->tx_depth > 0, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (fts_tables); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s_fts", fts_tables[i]);
      g_autofree char *sql = NULL;

      if (filled != NULL && g_strv_contains (filled, name))
        continue;
      sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES ('rebuild')", name, name);
      if (!vigie_store_exec (self, sql, error))
        return FALSE;
    }
  return exec_resource (self, "fts-triggers.sql", error)
         && vigie_figures_summaries_resume_filled (self, filled, error);
}

gboolean
vigie_store_set_foreign_keys (VigieStore  *self,
                              gboolean     enabled,
                              GError     **error)
{
  g_return_val_if_fail (VIGIE_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->tx_depth == 0, FALSE);

  return vigie_store_exec (self, enabled ? "PRAGMA foreign_keys = ON"
                                         : "PRAGMA foreign_keys = OFF", error);
}

/* ─── Audit log ──────────────────────────────────────────────────────────── */

static const char *
snapshot_sql_for (VigieStore *self,
                  const char *table)
{
  const char *cached = g_hash_table_lookup (self->snapshot_sql, table);
  sqlite3_stmt *stmt = NULL;
  GString *sql;
  gboolean first = TRUE;

  if (cached != NULL)
    return cached;

  /* Only real tables of the schema: the name is checked against sqlite_master. */
  if (sqlite3_prepare_v2 (self->db, "SELECT name FROM pragma_table_info (?1) "
                          "WHERE ?1 IN (SELECT name FROM sqlite_master WHERE type = 'table') "
                          "ORDER BY cid", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);

  sql = g_string_new ("SELECT json_object (");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *col = (const char *) sqlite3_column_text (stmt, 0);

      g_string_append_printf (sql, "%s'%s', \"%s\"", first ? "" : ", ", col, col);
      first = FALSE;
    }
  sqlite3_finalize (stmt);
  if (first)
    {
      g_string_free (sql, TRUE);
      return NULL;
    }
  g_string_append_printf (sql, ") FROM \"%s\" WHERE rowid = ?", table);
  g_hash_table_insert (self->snapshot_sql, g_strdup (table), g_string_free (sql, FALSE));
  return g_hash_table_lookup (self->snapshot_sql, table);
}

char *
vigie_store_snapshot (VigieStore *self,
                      const char *table,
                      gint64      row_id)
{
  const char *sql = snapshot_sql_for (self, table);
  sqlite3_stmt *stmt;
  char *json = NULL;

  if (sql == NULL)
    return NULL;
  stmt = vigie_store_prepare (self, sql, NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, row_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    json = vigie_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return json;
}

gboolean
vigie_store_audit (VigieStore  *self,
                   const char  *table,
                   gint64       row_id,
                   const char  *action,
                   const char  *old_json,
                   const char  *new_json,
                   GError     **error)
{
  g_autofree char *now = vigie_now_iso ();
  sqlite3_stmt *stmt;

  stmt = vigie_store_prepare (self,
                              "INSERT INTO audit_log (at, actor, table_name, row_id, action, "
                              "old_values, new_values) VALUES (?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, self->actor, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, table, -1, SQLITE_TRANSIENT);
  if (row_id > 0)
    sqlite3_bind_int64 (stmt, 4, row_id);
  sqlite3_bind_text (stmt, 5, action, -1, SQLITE_TRANSIENT);
  vigie_bind_text (stmt, 6, old_json);
  vigie_bind_text (stmt, 7, new_json);
  return vigie_store_step_done (self, stmt, error);
}

/* ─── Check, backup, counts ──────────────────────────────────────────────── */

gboolean
vigie_store_check (VigieStore  *self,
                   GString     *report,
                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean sound = TRUE;
  gint64 version, app_id;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (self), FALSE);

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      vigie_store_set_error (self, rc, error);
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        {
          sound = FALSE;
          if (report != NULL)
            g_string_append_printf (report, _("Integrity: %s\n"), line);
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (self, rc, error);
      return FALSE;
    }

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          sound = FALSE;
          if (report != NULL)
            g_string_append_printf (report,
                                    _("Broken reference: row %1$lld of table “%2$s” points to a "
                                      "missing row of “%3$s”\n"),
                                    (long long) sqlite3_column_int64 (stmt, 1),
                                    (const char *) sqlite3_column_text (stmt, 0),
                                    (const char *) sqlite3_column_text (stmt, 2));
        }
      sqlite3_finalize (stmt);
    }

  version = query_int (self->db, "PRAGMA user_version");
  app_id = query_int (self->db, "PRAGMA application_id");
  if (version != VIGIE_SCHEMA_VERSION || app_id != VIGIE_APPLICATION_ID)
    {
      sound = FALSE;
      if (report != NULL)
        g_string_append_printf (report, _("Schema version %1$d, expected %2$d\n"),
                                (int) version, VIGIE_SCHEMA_VERSION);
    }

  for (guint i = 0; i < G_N_ELEMENTS (fts_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO %s_fts (%s_fts, rank) "
                                              "VALUES ('integrity-check', 1)",
                                              fts_tables[i], fts_tables[i]);
      rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
      /* FTS5 checks itself through an INSERT, which waits for the write lock: another
       * program writing is not a damaged index. */
      if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        {
          vigie_store_set_error (self, rc, error);
          return FALSE;
        }
      if (rc != SQLITE_OK)
        {
          sound = FALSE;
          if (report != NULL)
            g_string_append_printf (report, _("Search index of “%s” is out of date\n"),
                                    fts_tables[i]);
        }
    }
  return sound;
}

gboolean
vigie_store_backup (VigieStore  *self,
                    const char  *dest,
                    GError     **error)
{
  g_autofree char *tmp = NULL;
  sqlite3 *target = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  tmp = g_strconcat (dest, ".part", NULL);
  g_unlink (tmp);
  if (!create_private_file (tmp, error))
    return FALSE;

  rc = sqlite3_open_v2 (tmp, &target, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_OPEN,
                   _("Cannot write the copy “%1$s”: %2$s"), dest, sqlite3_errstr (rc));
      sqlite3_close_v2 (target);
      g_unlink (tmp);
      return FALSE;
    }

  backup = sqlite3_backup_init (target, "main", self->db, "main");
  if (backup == NULL)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_FAILED,
                   _("Cannot write the copy “%1$s”: %2$s"), dest, sqlite3_errmsg (target));
      sqlite3_close_v2 (target);
      g_unlink (tmp);
      return FALSE;
    }
  /* All pages in one step, so in one read transaction: the copy is the database as it was
   * at one commit. In WAL mode other programs keep writing meanwhile; copying in slices
   * instead would restart from the first page after each of their commits, and never end
   * while they write faster than the copy. Only a program holding the write lock of a
   * rollback-journal file can make the step busy: retry for the busy timeout, not forever. */
  {
    gint64 give_up = g_get_monotonic_time () + (gint64) busy_timeout_ms () * 1000;

    do
      {
        rc = sqlite3_backup_step (backup, -1);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
          sqlite3_sleep (20);
      }
    while ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && g_get_monotonic_time () < give_up);
  }
  sqlite3_backup_finish (backup);

  if (rc == SQLITE_DONE)
    rc = sqlite3_exec (target, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close_v2 (target);
  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    {
      vigie_store_set_error (self, rc, error);
      g_unlink (tmp);
      return FALSE;
    }
  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_FAILED,
                   _("Cannot write the copy “%1$s”: %2$s"), dest, sqlite3_errstr (rc));
      g_unlink (tmp);
      return FALSE;
    }
  if (g_rename (tmp, dest) != 0)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_FAILED,
                   _("Cannot write the copy “%1$s”: %2$s"), dest, g_strerror (errno));
      g_unlink (tmp);
      return FALSE;
    }
  return TRUE;
}

gint64
vigie_store_count (VigieStore *self,
                   const char *table)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (VIGIE_IS_STORE (self), -1);

  /* The name must be a table of the schema. */
  if (sqlite3_prepare_v2 (self->db,
                          "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    return -1;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return -1;
    }
  sqlite3_finalize (stmt);

  sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", table);
  return query_int (self->db, sql);
}

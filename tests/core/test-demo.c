/* test-demo.c — the demo dataset generator: determinism, content, consistency, failures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "vigie-demo.h"
#include "vigie-figures.h"
#include "vigie-site.h"
#include "vigie-store-private.h"
#include "vigie-validate.h"
#include "vigie-vocab.h"

#define N_SITES    200
#define N_FINDINGS 3000

typedef struct
{
  char       *dir;
  VigieStore *a;
  VigieStore *b;
} Fixture;

static VigieStore *
open_store (Fixture    *f,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  VigieStore *store = vigie_store_open (path, &error);

  g_assert_no_error (error);
  vigie_store_set_actor (store, "tester");
  return store;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("vigie-demo-XXXXXX", &error);
  g_assert_no_error (error);
  f->a = open_store (f, "a.db");
  f->b = open_store (f, "b.db");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->a);
  g_clear_object (&f->b);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

typedef struct
{
  guint   calls;
  double  last;
  gboolean monotonic;
  GCancellable *cancel_at_findings;
  double        cancel_at;        /* the fraction past which to cancel; 0: 0.3 */
} Progress;

static void
on_progress (double      fraction,
             const char *stage,
             gpointer    user_data)
{
  Progress *p = user_data;

  g_assert_nonnull (stage);
  g_assert_cmpstr (stage, !=, "");
  if (fraction < p->last)
    p->monotonic = FALSE;
  p->last = fraction;
  p->calls++;
  if (p->cancel_at_findings != NULL && fraction > (p->cancel_at > 0 ? p->cancel_at : 0.3))
    g_cancellable_cancel (p->cancel_at_findings);
}

static void
generate (VigieStore *store,
          guint64     seed)
{
  g_autoptr(GError) error = NULL;
  VigieDemoOptions options = { N_SITES, N_FINDINGS, seed, "2026-06-15" };
  Progress progress = { 0, 0.0, TRUE, NULL, 0 };
  gboolean ok = vigie_demo_generate (store, &options, on_progress, &progress, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_true (progress.monotonic);
  g_assert_cmpuint (progress.calls, >=, 50);
  g_assert_cmpfloat (progress.last, ==, 1.0);
}

static gint64
query_int (VigieStore *store,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (vigie_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* SHA-256 over every row of every ordinary table whose name is LIKE PATTERN, in id (or
 * key) order; at least MIN_TABLES of them. */
static char *
tables_digest (VigieStore *store,
               const char *pattern,
               guint       min_tables)
{
  sqlite3 *db = vigie_store_get_db (store);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3_stmt *tables = NULL;
  guint n_tables = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' "
                                       "AND name LIKE ?1 ORDER BY name", -1, &tables, NULL), ==,
                   SQLITE_OK);
  sqlite3_bind_text (tables, 1, pattern, -1, SQLITE_STATIC);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1, 2", table);
      sqlite3_stmt *rows = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
      g_checksum_update (sum, (const guchar *) table, -1);
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (rows); c++)
            {
              char type = (char) ('0' + sqlite3_column_type (rows, c));
              const unsigned char *text = sqlite3_column_text (rows, c);

              g_checksum_update (sum, (const guchar *) &type, 1);
              if (text != NULL)
                g_checksum_update (sum, text, sqlite3_column_bytes (rows, c));
              g_checksum_update (sum, (const guchar *) "\x1f", 1);
            }
          g_checksum_update (sum, (const guchar *) "\x1e", 1);
        }
      sqlite3_finalize (rows);
      n_tables++;
    }
  sqlite3_finalize (tables);
  g_assert_cmpuint (n_tables, >=, min_tables);
  return g_strdup (g_checksum_get_string (sum));
}

/* Every ordinary table. */
static char *
content_digest (VigieStore *store)
{
  return tables_digest (store, "%", 30);
}

/* SHA-256 over the records of the full-text indexes (their shadow tables but the
 * configuration; the structure record, id 10, without the cookie that counts configuration
 * changes). */
static char *
search_index_digest (VigieStore *store)
{
  static const char *const tables[] = { "sites_fts", "findings_fts", "evidence_fts",
                                        "chemical_products_fts" };
  static const char *const shadows[] = { "data", "idx", "docsize" };
  sqlite3 *db = vigie_store_get_db (store);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  guint64 n_rows = 0;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    for (guint k = 0; k < G_N_ELEMENTS (shadows); k++)
      {
        g_autofree char *sql = k == 0
          ? g_strdup_printf ("SELECT id, CASE id WHEN 10 THEN substr (block, 5) ELSE block END "
                             "FROM %s_data ORDER BY 1", tables[i])
          : g_strdup_printf ("SELECT * FROM %s_%s ORDER BY 1, 2", tables[i], shadows[k]);
        sqlite3_stmt *rows = NULL;

        g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
        while (sqlite3_step (rows) == SQLITE_ROW)
          {
            for (int c = 0; c < sqlite3_column_count (rows); c++)
              {
                const void *blob = sqlite3_column_blob (rows, c);

                if (blob != NULL)
                  g_checksum_update (sum, blob, sqlite3_column_bytes (rows, c));
                g_checksum_update (sum, (const guchar *) "\x1f", 1);
              }
            n_rows++;
          }
        sqlite3_finalize (rows);
      }
  g_assert_cmpuint (n_rows, >, 100);
  return g_strdup (g_checksum_get_string (sum));
}

/* The generator writes with CHECK constraints ignored (they hold by construction), and
 * PRAGMA integrity_check skips those that call date (): copy every table into an empty
 * attached schema, where every constraint applies again. Returns the first failure. */
static char *
first_check_violation (VigieStore *store)
{
  sqlite3 *db = vigie_store_get_db (store);
  sqlite3_stmt *tables = NULL;
  char *failure = NULL;
  guint n_tables = 0;

  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = OFF; ATTACH ':memory:' AS v",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, sql FROM main.sqlite_master "
                                       "WHERE type = 'table' AND sql LIKE 'CREATE TABLE %' "
                                       "AND name NOT LIKE 'sqlite_%' ORDER BY name",
                                       -1, &tables, NULL), ==, SQLITE_OK);
  while (failure == NULL && sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (tables, 0);
      const char *sql = (const char *) sqlite3_column_text (tables, 1);
      g_autofree char *create = g_strconcat ("CREATE TABLE v.", sql + strlen ("CREATE TABLE "),
                                             NULL);
      /* The WHERE clause keeps SQLite from copying the records as they are (the transfer
       * optimisation assumes that a table with the same constraints satisfies them). */
      g_autofree char *copy = g_strdup_printf ("INSERT INTO v.\"%s\" SELECT * FROM main.\"%s\" "
                                               "WHERE 1", name, name);

      g_assert_cmpint (sqlite3_exec (db, create, NULL, NULL, NULL), ==, SQLITE_OK);
      if (sqlite3_exec (db, copy, NULL, NULL, NULL) != SQLITE_OK)
        failure = g_strdup_printf ("%s: %s", name, sqlite3_errmsg (db));
      n_tables++;
    }
  sqlite3_finalize (tables);
  g_assert_cmpint (sqlite3_exec (db, "DETACH v; PRAGMA foreign_keys = ON", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpuint (n_tables, >=, 30);
  return failure;
}

static void
test_deterministic (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *digest_a = NULL;
  g_autofree char *digest_b = NULL;
  g_autofree char *digest_c = NULL;
  g_autoptr(VigieStore) c = open_store (f, "c.db");

  generate (f->a, 7);
  generate (f->b, 7);
  generate (c, 8);
  digest_a = content_digest (f->a);
  digest_b = content_digest (f->b);
  digest_c = content_digest (c);
  g_assert_cmpstr (digest_a, ==, digest_b);
  g_assert_cmpstr (digest_a, !=, digest_c);
  /* Not only ids: the uuids themselves repeat. */
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM findings"), ==, N_FINDINGS);
}

static void
test_content (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  const VigieVocabEntry *entries;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *violation = NULL;
  g_autofree char *broken = NULL;
  sqlite3 *db;
  guint n;

  generate (f->a, 1);
  db = vigie_store_get_db (f->a);

  g_assert_cmpint (vigie_store_count (f->a, "sites"), ==, N_SITES);
  g_assert_cmpint (vigie_store_count (f->a, "findings"), ==, N_FINDINGS);
  g_assert_true (vigie_store_check (f->a, report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report->str, ==, "");
  /* Every CHECK constraint holds, date () ones included. */
  violation = first_check_violation (f->a);
  g_assert_cmpstr (violation, ==, NULL);
  /* The connection is as it was: foreign keys on, WAL, constraints enforced. */
  g_assert_cmpint (query_int (f->a, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (f->a, "PRAGMA ignore_check_constraints"), ==, 0);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), ==, 1);
  /* The full-text term buffer enlarged for the rebuild is back to FTS5's default. */
  g_assert_cmpint (query_int (f->a, "SELECT coalesce ((SELECT v FROM findings_fts_config "
                              "WHERE k = 'hashsize'), 1048576)"), ==, 1048576);
  /* Every secondary index dropped for the bulk write is back. */
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                              "AND tbl_name = 'findings' AND sql IS NOT NULL"), ==, 7);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                              "AND sql IS NOT NULL"), ==,
                   query_int (f->b, "SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                              "AND sql IS NOT NULL"));

  /* Everything else the dataset should hold. */
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM organisations WHERE kind = 'affiliate'"), >=, 30);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM organisations WHERE kind = 'affiliate' "
                              "AND consortium_id IS NOT NULL"), >, 0);
  g_assert_cmpint (query_int (f->a, "SELECT count(DISTINCT kind) FROM organisations"), ==, 8);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM workforce_snapshots"), >=, N_SITES);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM sites s WHERE NOT EXISTS "
                              "(SELECT 1 FROM workforce_snapshots w WHERE w.site_id = s.id)"), ==, 0);
  g_assert_cmpint (query_int (f->a, "SELECT count(DISTINCT status) FROM disclosure_requests"), ==, 4);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM contract_sites"), >, N_SITES / 2);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM investigation_activities"), >, 0);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM grievances WHERE finding_id IS NOT NULL"), >, 0);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM evidence WHERE kind = 'testimony' "
                              "AND pseudonym NOT GLOB 'Worker [A-Z]-[0-9][0-9][0-9][0-9]'"), ==, 0);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM sites WHERE country = 'CN'"), >, N_SITES / 4);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM sites WHERE country = 'CN'"), <, N_SITES * 2 / 3);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM sites WHERE native_name <> ''"), >, N_SITES / 3);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM sites WHERE closed = 1"), <, N_SITES / 5);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM audit_log WHERE action = 'import' "
                              "AND table_name = 'demo'"), ==, 1);
  /* One audit entry for the whole dataset, none per row. */
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM audit_log WHERE action <> 'migrate'"), ==, 1);

  /* Severity mix and disclosure. */
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM findings WHERE severity = 'critical'"), <, N_FINDINGS / 10);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM findings WHERE severity = 'critical'"), >, 0);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM findings WHERE disclosure_level = 'public'"), >, N_FINDINGS / 5);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM findings WHERE first_observed > '2026-06-15' "
                              "OR first_observed < '2021-06-14'"), ==, 0);

  /* Every finding is tagged with its theme, and most with an RBA clause too. */
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM findings f WHERE NOT EXISTS "
                              "(SELECT 1 FROM finding_standards fs JOIN standards s ON s.id = fs.standard_id "
                              "WHERE fs.finding_id = f.id AND s.key = f.theme)"), ==, 0);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM finding_standards fs JOIN standards s "
                              "ON s.id = fs.standard_id JOIN code_standards c ON c.id = s.code_id "
                              "WHERE c.code = 'rba'"), >, N_FINDINGS / 2);
  /* Forced-labour findings carry 1 to 5 indicators. */
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM finding_indicators"), >, 0);
  g_assert_cmpint (query_int (f->a, "SELECT max(n) FROM (SELECT count(*) AS n FROM finding_indicators "
                              "GROUP BY finding_id)"), <=, 5);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM finding_indicators fi JOIN findings f "
                              "ON f.id = fi.finding_id WHERE f.theme NOT IN ('forced_labour', "
                              "'recruitment_fees', 'document_retention', 'freedom_of_movement')"), ==, 0);

  /* Every remediation status appears; some actions are overdue. */
  entries = vigie_vocab_entries (VIGIE_VOCAB_REMEDIATION_STATUS, &n);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM remediation_actions WHERE status = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < n; i++)
    {
      sqlite3_bind_text (stmt, 1, entries[i].code, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      if (sqlite3_column_int64 (stmt, 0) == 0)
        g_error ("no remediation action has status %s", entries[i].code);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM remediation_actions WHERE due_on < '2026-06-15' "
                              "AND status NOT IN ('closed', 'abandoned', 'verified_by_workers', "
                              "'verified_by_monitor')"), >=, 1);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM remediation_actions WHERE status IN "
                              "('reported_complete', 'verified_by_workers', 'verified_by_monitor', 'closed') "
                              "AND completed_on IS NULL"), ==, 0);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM remediation_actions WHERE remedy_type IN "
                              "('compensation', 'restitution') AND amount_minor IS NULL"), ==, 0);
  /* Deadlines follow the severity defaults: critical 30 days, major 90, minor 180 (+ extensions). */
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM remediation_actions a JOIN findings f ON "
                              "f.id = a.finding_id WHERE f.severity = 'critical' AND "
                              "julianday (a.plan_due_on) - julianday (a.opened_on) <> 7"), ==, 0);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM remediation_actions a JOIN findings f ON "
                              "f.id = a.finding_id WHERE f.severity = 'minor' AND "
                              "julianday (a.due_on) - julianday (a.opened_on) < 180"), ==, 0);
  /* The status history ends at the current status and each step starts where the last ended. */
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM remediation_actions a WHERE a.status <> "
                              "(SELECT to_status FROM remediation_status_history h WHERE h.action_id = a.id "
                              "ORDER BY h.id DESC LIMIT 1)"), ==, 0);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM remediation_status_history h JOIN "
                              "remediation_status_history p ON p.id = h.id - 1 AND p.action_id = h.action_id "
                              "WHERE h.from_status IS NOT p.to_status OR h.changed_on < p.changed_on"), ==, 0);

  /* Full-text search finds a finding by a word of its title. */
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM findings_fts WHERE findings_fts MATCH 'overtime'"), >, 0);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM findings_fts WHERE findings_fts MATCH 'overtime'"), ==,
                   query_int (f->a, "SELECT count(*) FROM findings WHERE title LIKE '%overtime%' "
                              "OR description LIKE '%overtime%' OR company_response LIKE '%overtime%' "
                              "OR notes LIKE '%overtime%'"));
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM sites_fts WHERE sites_fts MATCH 'electronics'"), >, 0);
  /* The FTS triggers are back. */
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                              "AND name LIKE '%_fts_%'"), ==, 12);

  /* Chemicals: valid CAS numbers, some measurements above their limit. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT cas_rn FROM substances", -1, &stmt, NULL), ==, SQLITE_OK);
  n = 0;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *cas = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *reason = NULL;

      if (!vigie_validate_cas (cas, &reason))
        g_error ("invalid CAS number %s: %s", cas, reason);
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n, ==, 17);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM substances WHERE cas_rn = '110-54-3' "
                              "AND name = 'n-Hexane'"), ==, 1);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM chemical_products"), >, 0);
  g_assert_cmpint (query_int (f->a, "SELECT count(DISTINCT site_id) FROM chemical_products"), <, N_SITES / 2);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM exposure_measurements WHERE value > limit_value"), >, 0);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM product_hazards"), >, 0);

  /* Open Supply Hub IDs pass their check character. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT os_id FROM sites WHERE os_id IS NOT NULL",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  n = 0;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *os_id = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *reason = NULL;

      if (!vigie_validate_os_id (os_id, &reason))
        g_error ("invalid OS ID %s: %s", os_id, reason);
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n, >, 0);
  /* match_key is the site module's key. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, address, country, match_key FROM sites "
                                       "LIMIT 20", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *key = vigie_site_match_key ((const char *) sqlite3_column_text (stmt, 0),
                                                   (const char *) sqlite3_column_text (stmt, 1),
                                                   (const char *) sqlite3_column_text (stmt, 2));
      g_assert_cmpstr (key, ==, (const char *) sqlite3_column_text (stmt, 3));
    }
  sqlite3_finalize (stmt);

  /* The constraint check above can fail: a timestamp where a date belongs is found. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA ignore_check_constraints = ON;"
                                 "UPDATE remediation_actions SET due_on = due_on || 'T12:00:00Z' "
                                 "WHERE id = (SELECT min (id) FROM remediation_actions);"
                                 "PRAGMA ignore_check_constraints = OFF", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  broken = first_check_violation (f->a);
  g_assert_nonnull (broken);
  g_assert_true (g_str_has_prefix (broken, "remediation_actions: "));
}


/* The generator counts the figure summaries of the tables itself as it writes the rows
 * (vigie_store_bulk_end_filled): they are exactly what vigie_figures_summaries_rebuild()
 * counts on the tables, and the figures read from them are those of the documented
 * queries on the tables. */
static void
test_summaries (Fixture       *f,
                gconstpointer  data)
{
  static const char *const summaries[] = {
    "figures_finding_cells", "figures_findings", "figures_finding_months",
    "figures_indicator_sites", "figures_indicator_counts", "figures_indicator_histogram",
    "figures_actions_due", "figures_actions_completed", "figures_closure",
    "figures_closure_days", "figures_activities", "figures_activity_investigations",
    "figures_method_investigations", "figures_site_years", "figures_partner_years",
    "figures_link_years", "figures_link_sites",
  };
  static const char *const countries[] = { NULL, "CN", "VN", "MX", "KR" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autofree char *generated = NULL;
  g_autofree char *rebuilt = NULL;
  guint compared = 0;

  generate (f->a, 1);

  /* Not empty: each summary holds rows, and the last one written is still there. */
  for (guint i = 0; i < G_N_ELEMENTS (summaries); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s", summaries[i]);

      if (query_int (f->a, sql) <= 0)
        g_error ("summary %s is empty", summaries[i]);
    }
  g_assert_cmpint (query_int (f->a, "SELECT sum (n) FROM figures_finding_cells"), ==, N_FINDINGS);
  g_assert_cmpint (query_int (f->a, "SELECT sum (n) FROM figures_actions_due"), ==,
                   query_int (f->a, "SELECT count (*) FROM remediation_actions"));

  /* What every view sums to. */
  g_assert_true (vigie_figures_summaries_check (f->a, report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report->str, ==, "");

  /* Byte for byte what the store's own rebuild writes. */
  generated = tables_digest (f->a, "figures_%", G_N_ELEMENTS (summaries));
  g_assert_true (vigie_store_begin (f->a, &error));
  g_assert_true (vigie_figures_summaries_rebuild (f->a, &error));
  g_assert_no_error (error);
  g_assert_true (vigie_store_commit (f->a, &error));
  rebuilt = tables_digest (f->a, "figures_%", G_N_ELEMENTS (summaries));
  g_assert_cmpstr (generated, ==, rebuilt);

  /* The figures of every year the data spans, from the summaries and from the tables. */
  for (int year = 2020; year <= 2027; year++)
    for (guint c = 0; c < G_N_ELEMENTS (countries); c++)
      {
        VigieFiguresOptions fast_options = { year, countries[c], 0, "2026-06-15", FALSE };
        VigieFiguresOptions slow_options = { year, countries[c], 0, "2026-06-15", TRUE };
        g_autoptr(VigieFigures) fast = vigie_figures_compute (f->a, &fast_options, NULL, &error);
        g_autoptr(VigieFigures) slow = vigie_figures_compute (f->a, &slow_options, NULL, &error);
        g_autoptr(GString) a = NULL;
        g_autoptr(GString) b = NULL;

        g_assert_no_error (error);
        a = vigie_figures_to_json (fast);
        b = vigie_figures_to_json (slow);
        if (!g_str_equal (a->str, b->str))
          g_error ("%d %s: the summaries give\n%s\nthe tables\n%s", year,
                   countries[c] != NULL ? countries[c] : "(all)", a->str, b->str);
        compared++;
      }
  g_assert_cmpuint (compared, ==, 40);

  /* The comparison can fail: a summary one finding off is found. */
  g_assert_cmpint (sqlite3_exec (vigie_store_get_db (f->a),
                                 "UPDATE figures_finding_cells SET n = n + 1 WHERE (month, theme, "
                                 "severity, country) = (SELECT month, theme, severity, country "
                                 "FROM figures_finding_cells LIMIT 1)", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_string_truncate (report, 0);
  g_assert_false (vigie_figures_summaries_check (f->a, report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (report->str, "figures_finding_cells"));
}


/* Inside a caller's transaction the generator cannot change the connection's settings
 * (foreign keys are deferred, the journal stays): it writes the same dataset, full-text
 * indexes and figure summaries included, byte for byte. The full-text indexes are those
 * 'rebuild' makes of the rows. */
static void
test_in_transaction (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *digest_a = NULL, *digest_b = NULL;
  g_autofree char *search_a = NULL, *search_b = NULL, *rebuilt = NULL;
  static const char *const big[] = { "findings_fts", "evidence_fts" };

  generate (f->a, 5);

  g_assert_true (vigie_store_begin (f->b, &error));
  generate (f->b, 5);
  g_assert_true (vigie_store_commit (f->b, &error));
  g_assert_no_error (error);

  digest_a = content_digest (f->a);
  digest_b = content_digest (f->b);
  g_assert_cmpstr (digest_a, ==, digest_b);
  search_a = search_index_digest (f->a);
  search_b = search_index_digest (f->b);
  g_assert_cmpstr (search_a, ==, search_b);

  /* The indexes are those 'rebuild' makes (with the generator's term buffer). */
  for (guint i = 0; i < G_N_ELEMENTS (big); i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO %s (%s, rank) VALUES ('hashsize', %d);"
                                              "INSERT INTO %s (%s) VALUES ('rebuild');"
                                              "INSERT INTO %s (%s, rank) VALUES ('hashsize', %d)",
                                              big[i], big[i], 64 << 20, big[i], big[i],
                                              big[i], big[i], 1 << 20);

      g_assert_true (vigie_store_exec (f->a, sql, &error));
      g_assert_no_error (error);
    }
  rebuilt = search_index_digest (f->a);
  g_assert_cmpstr (search_a, ==, rebuilt);

  /* And the index answers: every finding that says "overtime" is found. */
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM findings_fts WHERE findings_fts MATCH 'overtime'"), >, 0);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM evidence_fts WHERE evidence_fts MATCH 'payslip'"), >, 0);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM evidence_fts WHERE evidence_fts MATCH 'payslip'"), ==,
                   query_int (f->a, "SELECT count(*) FROM evidence WHERE summary LIKE '%payslip%'"));
}

static void
test_not_empty (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  VigieDemoOptions options = { 5, 20, 3, "2026-06-15" };
  gint64 before;

  g_assert_true (vigie_demo_generate (f->a, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  before = vigie_store_count (f->a, "findings");
  g_assert_cmpint (before, ==, 20);

  g_assert_false (vigie_demo_generate (f->a, &options, NULL, NULL, NULL, &error));
  g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_FAILED);
  g_assert_cmpint (vigie_store_count (f->a, "findings"), ==, before);
  g_assert_cmpint (vigie_store_count (f->a, "sites"), ==, 5);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM audit_log WHERE action = 'import'"), ==, 1);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  VigieDemoOptions options = { N_SITES, N_FINDINGS, 1, "2026-06-15" };
  Progress progress = { 0, 0.0, TRUE, cancellable, 0 };

  g_assert_false (vigie_demo_generate (f->a, &options, on_progress, &progress, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (progress.last, <, 1.0);
  /* Nothing is left behind, the FTS triggers included; the store stays usable. */
  g_assert_cmpint (vigie_store_count (f->a, "sites"), ==, 0);
  g_assert_cmpint (vigie_store_count (f->a, "organisations"), ==, 0);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM audit_log WHERE action = 'import'"), ==, 0);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                              "AND name LIKE '%_fts_%'"), ==, 12);
  g_clear_error (&error);
  options.n_sites = 10;
  options.n_findings = 50;
  g_assert_true (vigie_demo_generate (f->a, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vigie_store_count (f->a, "findings"), ==, 50);
}


/* Cancelled late, while the full-text indexes are being built: nothing is left behind,
 * the full-text and summary triggers are back. */
static void
test_cancel_late (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  VigieDemoOptions options = { N_SITES, N_FINDINGS, 1, "2026-06-15" };
  Progress progress = { 0, 0.0, TRUE, cancellable, 0.85 };

  g_assert_false (vigie_demo_generate (f->a, &options, on_progress, &progress, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (progress.last, >, 0.85);
  g_assert_cmpfloat (progress.last, <, 1.0);
  g_assert_cmpint (vigie_store_count (f->a, "findings"), ==, 0);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM findings_fts_docsize"), ==, 0);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM figures_finding_cells"), ==, 0);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                              "AND name LIKE '%_fts_%'"), ==, 12);
  g_assert_cmpint (query_int (f->a, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                              "AND name LIKE 'figures_%'"), ==, 47);
}

static void
test_bad_options (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  VigieDemoOptions options = { 10, 10, 1, "2026-02-30" };

  g_assert_false (vigie_demo_generate (f->a, &options, NULL, NULL, NULL, &error));
  g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_FAILED);
  g_clear_error (&error);
  options.today = "2026-06-15";
  options.n_sites = 0;
  g_assert_false (vigie_demo_generate (f->a, &options, NULL, NULL, NULL, &error));
  g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_FAILED);
  g_assert_cmpint (vigie_store_count (f->a, "sites"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/demo/deterministic", test_deterministic);
  ADD ("/demo/content", test_content);
  ADD ("/demo/summaries", test_summaries);
  ADD ("/demo/in-transaction", test_in_transaction);
  ADD ("/demo/cancel-late", test_cancel_late);
  ADD ("/demo/not-empty", test_not_empty);
  ADD ("/demo/cancel", test_cancel);
  ADD ("/demo/bad-options", test_bad_options);
#undef ADD

  return g_test_run ();
}

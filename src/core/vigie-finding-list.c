/* vigie-finding-list.c — findings as a lazy GListModel: ids from one SQL query, rows on
 * demand. Built for a million findings: the default order and every filter are answered
 * from the indexes of schema v1, and only the visible rows are ever read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "vigie-finding-list.h"
#include "vigie-reference.h"
#include "vigie-site-list.h"
#include "vigie-row-cache.h"
#include "vigie-store-private.h"
#include "vigie-vocab.h"

/* Remediation actions still owed (neither closed, verified nor abandoned). */
#define OPEN_ACTION_STATUSES "('proposed', 'plan_submitted', 'plan_accepted', " \
                             "'plan_rejected', 'in_progress', 'reported_complete', " \
                             "'disputed', 'escalated')"

#define ROW_CACHE_SIZE 512

/* ─── Query ──────────────────────────────────────────────────────────────── */

G_DEFINE_BOXED_TYPE (VigieFindingQuery, vigie_finding_query, vigie_finding_query_copy,
                     vigie_finding_query_free)

VigieFindingQuery *
vigie_finding_query_new (void)
{
  VigieFindingQuery *query = g_new0 (VigieFindingQuery, 1);

  query->sort = VIGIE_FINDING_SORT_FIRST_OBSERVED;
  query->descending = TRUE;
  return query;
}

VigieFindingQuery *
vigie_finding_query_copy (const VigieFindingQuery *query)
{
  VigieFindingQuery *copy;

  g_return_val_if_fail (query != NULL, NULL);

  copy = g_new0 (VigieFindingQuery, 1);
  *copy = *query;
  copy->search = g_strdup (query->search);
  copy->country = g_strdup (query->country);
  copy->theme = g_strdup (query->theme);
  copy->indicator = g_strdup (query->indicator);
  copy->severity = g_strdup (query->severity);
  copy->status = g_strdup (query->status);
  copy->disclosure_level = g_strdup (query->disclosure_level);
  return copy;
}

void
vigie_finding_query_free (VigieFindingQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->search);
  g_free (query->country);
  g_free (query->theme);
  g_free (query->indicator);
  g_free (query->severity);
  g_free (query->status);
  g_free (query->disclosure_level);
  g_free (query);
}

static gboolean
empty_str (const char *s)
{
  return s == NULL || *s == '\0';
}

gboolean
vigie_finding_query_has_filters (const VigieFindingQuery *q)
{
  g_autofree char *match = NULL;

  g_return_val_if_fail (q != NULL, FALSE);

  match = vigie_site_query_build_match (q->search);
  return match != NULL || q->site_id > 0 || !empty_str (q->country) || !empty_str (q->theme)
         || !empty_str (q->indicator) || !empty_str (q->severity) || !empty_str (q->status)
         || !empty_str (q->disclosure_level) || q->year > 0;
}

/* Sort expressions: fixed SQL chosen by enum, never user text. The codes of severity
 * (critical < major < minor < observation) sort in their natural order as text, so the
 * (severity, id) index answers that order directly. */
static const char *
order_by_sql (VigieFindingSort sort,
              gboolean         desc)
{
  switch (sort)
    {
    case VIGIE_FINDING_SORT_FIRST_OBSERVED:
      return desc ? " ORDER BY f.first_observed DESC, f.id DESC"
                  : " ORDER BY f.first_observed, f.id";
    case VIGIE_FINDING_SORT_TITLE:
      return desc ? " ORDER BY f.title COLLATE NOCASE DESC, f.id DESC"
                  : " ORDER BY f.title COLLATE NOCASE, f.id";
    case VIGIE_FINDING_SORT_SEVERITY:
      return desc ? " ORDER BY f.severity DESC, f.id DESC" : " ORDER BY f.severity, f.id";
    case VIGIE_FINDING_SORT_STATUS:
      return desc ? " ORDER BY f.status DESC, f.id DESC" : " ORDER BY f.status, f.id";
    case VIGIE_FINDING_SORT_THEME:
      return desc ? " ORDER BY f.theme DESC, f.severity DESC, f.id DESC"
                  : " ORDER BY f.theme, f.severity, f.id";
    case VIGIE_FINDING_SORT_SITE:
      return desc ? " ORDER BY (SELECT s.name FROM sites s WHERE s.id = f.site_id)"
                    " COLLATE NOCASE DESC, f.site_id DESC, f.id DESC"
                  : " ORDER BY (SELECT s.name FROM sites s WHERE s.id = f.site_id)"
                    " COLLATE NOCASE, f.site_id, f.id";
    case VIGIE_FINDING_SORT_DISCLOSURE:
      return desc ? " ORDER BY CASE f.disclosure_level WHEN 'internal' THEN 0"
                    " WHEN 'workers' THEN 1 WHEN 'employer' THEN 2 WHEN 'brand' THEN 3"
                    " WHEN 'affiliates' THEN 4 ELSE 5 END DESC, f.id DESC"
                  : " ORDER BY CASE f.disclosure_level WHEN 'internal' THEN 0"
                    " WHEN 'workers' THEN 1 WHEN 'employer' THEN 2 WHEN 'brand' THEN 3"
                    " WHEN 'affiliates' THEN 4 ELSE 5 END, f.id";
    case VIGIE_FINDING_SORT_WORKERS:
      return desc ? " ORDER BY f.workers_affected DESC NULLS LAST, f.id DESC"
                  : " ORDER BY f.workers_affected NULLS LAST, f.id";
    case VIGIE_FINDING_SORT_OPEN_ACTIONS:
      return desc ? " ORDER BY (SELECT count (*) FROM remediation_actions a"
                    " WHERE a.finding_id = f.id AND a.status IN " OPEN_ACTION_STATUSES
                    ") DESC, f.id DESC"
                  : " ORDER BY (SELECT count (*) FROM remediation_actions a"
                    " WHERE a.finding_id = f.id AND a.status IN " OPEN_ACTION_STATUSES
                    "), f.id";
    case VIGIE_FINDING_N_SORTS:
    default:
      break;
    }
  return " ORDER BY f.first_observed DESC, f.id DESC";
}

char *
vigie_finding_query_build_sql (const VigieFindingQuery *query,
                               gboolean                 has_match)
{
  GString *sql = g_string_new ("SELECT f.id FROM findings f");
  const char *glue = " WHERE ";

#define AND(...) G_STMT_START { g_string_append (sql, glue); \
                                g_string_append_printf (sql, __VA_ARGS__); \
                                glue = " AND "; } G_STMT_END

  if (has_match)
    AND ("f.id IN (SELECT rowid FROM findings_fts WHERE findings_fts MATCH ?1"
         " UNION SELECT e.finding_id FROM evidence e WHERE e.id IN"
         " (SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH ?1))");
  if (query->site_id > 0)
    AND ("f.site_id = ?2");
  if (!empty_str (query->country))
    AND ("f.site_id IN (SELECT s.id FROM sites s WHERE s.country = ?3)");
  if (!empty_str (query->theme))
    AND ("f.theme IN (SELECT st.key FROM standards st JOIN code_standards c"
         " ON c.id = st.code_id WHERE c.code = 'vigie'"
         " AND (st.key = ?4 OR st.parent_key = ?4))");
  if (!empty_str (query->indicator))
    AND ("f.id IN (SELECT fi.finding_id FROM finding_indicators fi"
         " JOIN fl_indicators i ON i.id = fi.indicator_id WHERE i.code = ?5)");
  if (!empty_str (query->severity))
    AND ("f.severity = ?6");
  if (!empty_str (query->status))
    AND ("f.status = ?7");
  if (!empty_str (query->disclosure_level))
    AND ("f.disclosure_level = ?8");
  if (query->year > 0)
    AND ("f.first_observed BETWEEN ?9 AND ?10");
#undef AND

  g_string_append (sql, order_by_sql (query->sort, query->descending));
  return g_string_free (sql, FALSE);
}

GArray *
vigie_finding_query_run (VigieStore              *store,
                         const VigieFindingQuery *query,
                         GCancellable            *cancellable,
                         GError                 **error)
{
  g_autofree char *match = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  match = vigie_site_query_build_match (query->search);
  sql = vigie_finding_query_build_sql (query, match != NULL);
  stmt = vigie_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  if (match != NULL)
    sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  if (query->site_id > 0)
    sqlite3_bind_int64 (stmt, 2, query->site_id);
  if (!empty_str (query->country))
    sqlite3_bind_text (stmt, 3, query->country, -1, SQLITE_TRANSIENT);
  if (!empty_str (query->theme))
    sqlite3_bind_text (stmt, 4, query->theme, -1, SQLITE_TRANSIENT);
  if (!empty_str (query->indicator))
    sqlite3_bind_text (stmt, 5, query->indicator, -1, SQLITE_TRANSIENT);
  if (!empty_str (query->severity))
    sqlite3_bind_text (stmt, 6, query->severity, -1, SQLITE_TRANSIENT);
  if (!empty_str (query->status))
    sqlite3_bind_text (stmt, 7, query->status, -1, SQLITE_TRANSIENT);
  if (!empty_str (query->disclosure_level))
    sqlite3_bind_text (stmt, 8, query->disclosure_level, -1, SQLITE_TRANSIENT);
  if (query->year > 0)
    {
      char first[16], last[16];

      g_snprintf (first, sizeof first, "%04d-01-01", query->year);
      g_snprintf (last, sizeof last, "%04d-12-31", query->year);
      sqlite3_bind_text (stmt, 9, first, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 10, last, -1, SQLITE_TRANSIENT);
    }

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      if ((ids->len & 0xffff) == 0 && g_cancellable_is_cancelled (cancellable))
        {
          sqlite3_reset (stmt);
          g_cancellable_set_error_if_cancelled (cancellable, error);
          return NULL;
        }
    }
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&ids);
}

GArray *
vigie_finding_list_years (VigieStore  *store,
                          GError     **error)
{
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  char before[16] = "9999-12-31";

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  /* One index probe per year (a skip scan of findings_first_observed), not a scan of
   * every finding. */
  for (;;)
    {
      sqlite3_stmt *stmt = vigie_store_prepare (store, "SELECT max (first_observed) FROM "
                                                       "findings WHERE first_observed < ?1",
                                                error);
      const char *date;
      int year;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, before, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          vigie_store_set_error (store, sqlite3_errcode (vigie_store_get_db (store)), error);
          sqlite3_reset (stmt);
          return NULL;
        }
      date = (const char *) sqlite3_column_text (stmt, 0);
      year = date != NULL ? atoi (date) : 0;
      sqlite3_reset (stmt);
      if (year <= 0)
        break;
      g_array_append_val (years, year);
      g_snprintf (before, sizeof before, "%04d-01-01", year);
    }
  return g_steal_pointer (&years);
}

/* ─── Row ────────────────────────────────────────────────────────────────── */

struct _VigieFindingRow
{
  GObject  parent_instance;

  gint64   id;
  gint64   site_id;
  char    *site_name;
  char    *country;
  char    *title;
  char    *themes_label;
  char    *severity;
  char    *status;
  char    *disclosure_level;
  char    *first_observed;
  gint64   workers_affected;
  int      open_actions;
  int      n_indicators;
  int      n_confidential;
};

G_DEFINE_FINAL_TYPE (VigieFindingRow, vigie_finding_row, G_TYPE_OBJECT)

enum
{
  ROW_PROP_0,
  ROW_PROP_ID,
  ROW_PROP_SITE_NAME,
  ROW_PROP_TITLE,
  ROW_PROP_THEMES_LABEL,
  ROW_PROP_SEVERITY,
  ROW_PROP_SEVERITY_LABEL,
  ROW_PROP_STATUS,
  ROW_PROP_STATUS_LABEL,
  ROW_PROP_DISCLOSURE_LABEL,
  ROW_PROP_FIRST_OBSERVED,
  ROW_PROP_WORKERS_AFFECTED,
  ROW_PROP_OPEN_ACTIONS,
  ROW_PROP_N_CONFIDENTIAL,
  ROW_N_PROPS
};

static GParamSpec *row_properties[ROW_N_PROPS];

static void
vigie_finding_row_finalize (GObject *object)
{
  VigieFindingRow *self = VIGIE_FINDING_ROW (object);

  g_free (self->site_name);
  g_free (self->country);
  g_free (self->title);
  g_free (self->themes_label);
  g_free (self->severity);
  g_free (self->status);
  g_free (self->disclosure_level);
  g_free (self->first_observed);

  G_OBJECT_CLASS (vigie_finding_row_parent_class)->finalize (object);
}

static void
vigie_finding_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VigieFindingRow *self = VIGIE_FINDING_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case ROW_PROP_SITE_NAME:
      g_value_set_string (value, self->site_name);
      break;
    case ROW_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case ROW_PROP_THEMES_LABEL:
      g_value_set_string (value, self->themes_label);
      break;
    case ROW_PROP_SEVERITY:
      g_value_set_string (value, self->severity);
      break;
    case ROW_PROP_SEVERITY_LABEL:
      g_value_set_string (value, vigie_finding_row_get_severity_label (self));
      break;
    case ROW_PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case ROW_PROP_STATUS_LABEL:
      g_value_set_string (value, vigie_finding_row_get_status_label (self));
      break;
    case ROW_PROP_DISCLOSURE_LABEL:
      g_value_set_string (value, vigie_finding_row_get_disclosure_label (self));
      break;
    case ROW_PROP_FIRST_OBSERVED:
      g_value_set_string (value, self->first_observed);
      break;
    case ROW_PROP_WORKERS_AFFECTED:
      g_value_set_int64 (value, self->workers_affected);
      break;
    case ROW_PROP_OPEN_ACTIONS:
      g_value_set_int (value, self->open_actions);
      break;
    case ROW_PROP_N_CONFIDENTIAL:
      g_value_set_int (value, self->n_confidential);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigie_finding_row_class_init (VigieFindingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vigie_finding_row_finalize;
  object_class->get_property = vigie_finding_row_get_property;

  row_properties[ROW_PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  row_properties[ROW_PROP_SITE_NAME] = g_param_spec_string ("site-name", NULL, NULL, "", flags);
  row_properties[ROW_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  row_properties[ROW_PROP_THEMES_LABEL] = g_param_spec_string ("themes-label", NULL, NULL, "",
                                                               flags);
  row_properties[ROW_PROP_SEVERITY] = g_param_spec_string ("severity", NULL, NULL, "", flags);
  row_properties[ROW_PROP_SEVERITY_LABEL] = g_param_spec_string ("severity-label", NULL, NULL,
                                                                 "", flags);
  row_properties[ROW_PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, "", flags);
  row_properties[ROW_PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, "",
                                                               flags);
  row_properties[ROW_PROP_DISCLOSURE_LABEL] = g_param_spec_string ("disclosure-label", NULL,
                                                                   NULL, "", flags);
  row_properties[ROW_PROP_FIRST_OBSERVED] = g_param_spec_string ("first-observed", NULL, NULL,
                                                                 "", flags);
  row_properties[ROW_PROP_WORKERS_AFFECTED] = g_param_spec_int64 ("workers-affected", NULL,
                                                                  NULL, -1, G_MAXINT64, -1,
                                                                  flags);
  row_properties[ROW_PROP_OPEN_ACTIONS] = g_param_spec_int ("open-actions", NULL, NULL, 0,
                                                            G_MAXINT, 0, flags);
  row_properties[ROW_PROP_N_CONFIDENTIAL] = g_param_spec_int ("n-confidential", NULL, NULL, 0,
                                                              G_MAXINT, 0, flags);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
vigie_finding_row_init (VigieFindingRow *self)
{
  self->workers_affected = -1;
}

gint64 vigie_finding_row_get_id (VigieFindingRow *self) { return self->id; }
gint64 vigie_finding_row_get_site_id (VigieFindingRow *self) { return self->site_id; }
const char *vigie_finding_row_get_site_name (VigieFindingRow *self) { return self->site_name; }
const char *vigie_finding_row_get_country (VigieFindingRow *self) { return self->country; }
const char *vigie_finding_row_get_title (VigieFindingRow *self) { return self->title; }
const char *vigie_finding_row_get_themes_label (VigieFindingRow *self) { return self->themes_label; }
const char *vigie_finding_row_get_severity (VigieFindingRow *self) { return self->severity; }
const char *vigie_finding_row_get_status (VigieFindingRow *self) { return self->status; }
const char *vigie_finding_row_get_disclosure_level (VigieFindingRow *self) { return self->disclosure_level; }
const char *vigie_finding_row_get_first_observed (VigieFindingRow *self) { return self->first_observed; }
gint64 vigie_finding_row_get_workers_affected (VigieFindingRow *self) { return self->workers_affected; }
int vigie_finding_row_get_open_actions (VigieFindingRow *self) { return self->open_actions; }
int vigie_finding_row_get_n_indicators (VigieFindingRow *self) { return self->n_indicators; }
int vigie_finding_row_get_n_confidential (VigieFindingRow *self) { return self->n_confidential; }

const char *
vigie_finding_row_get_severity_label (VigieFindingRow *self)
{
  return vigie_vocab_label (VIGIE_VOCAB_SEVERITY, self->severity);
}

const char *
vigie_finding_row_get_status_label (VigieFindingRow *self)
{
  return vigie_vocab_label (VIGIE_VOCAB_FINDING_STATUS, self->status);
}

const char *
vigie_finding_row_get_disclosure_label (VigieFindingRow *self)
{
  return vigie_vocab_label (VIGIE_VOCAB_DISCLOSURE_LEVEL, self->disclosure_level);
}

static const char row_sql[] =
  "SELECT f.site_id, s.name, s.country, f.title, f.severity, f.status, f.disclosure_level,"
  "       f.first_observed, f.workers_affected,"
  "       (SELECT count (*) FROM remediation_actions a"
  "         WHERE a.finding_id = f.id AND a.status IN " OPEN_ACTION_STATUSES "),"
  "       (SELECT count (*) FROM finding_indicators fi WHERE fi.finding_id = f.id),"
  "       (SELECT count (*) FROM evidence e WHERE e.finding_id = f.id AND e.confidential = 1),"
  "       (SELECT group_concat (t.title, char (31)) FROM"
  "          (SELECT st.title FROM finding_standards fs"
  "             JOIN standards st ON st.id = fs.standard_id"
  "             JOIN code_standards c ON c.id = st.code_id"
  "            WHERE fs.finding_id = f.id AND c.code = 'vigie'"
  "            ORDER BY st.sort_order) t),"
  "       (SELECT st.title FROM standards st JOIN code_standards c ON c.id = st.code_id"
  "         WHERE c.code = 'vigie' AND st.key = f.theme)"
  "  FROM findings f JOIN sites s ON s.id = f.site_id"
  " WHERE f.id = ?1";

static char *
column_text (sqlite3_stmt *stmt,
             int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  return g_strdup (text != NULL ? text : "");
}

static char *
themes_label (const char *titles,
              const char *primary)
{
  g_auto(GStrv) parts = NULL;
  GString *out = g_string_new (NULL);

  if (titles == NULL || *titles == '\0')
    {
      g_string_free (out, TRUE);
      return g_strdup (primary != NULL ? vigie_reference_text (primary) : "");
    }
  parts = g_strsplit (titles, "\x1f", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, vigie_reference_text (parts[i]));
    }
  return g_string_free (out, FALSE);
}

static VigieFindingRow *
build_row (VigieStore  *store,
           gint64       id,
           GError     **error)
{
  sqlite3_stmt *stmt;
  VigieFindingRow *row;
  int rc;

  stmt = vigie_store_prepare (store, row_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND,
                     _("The finding %lld does not exist."), (long long) id);
      else
        vigie_store_set_error (store, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  row = g_object_new (VIGIE_TYPE_FINDING_ROW, NULL);
  row->id = id;
  row->site_id = sqlite3_column_int64 (stmt, 0);
  row->site_name = column_text (stmt, 1);
  row->country = column_text (stmt, 2);
  row->title = column_text (stmt, 3);
  row->severity = column_text (stmt, 4);
  row->status = column_text (stmt, 5);
  row->disclosure_level = column_text (stmt, 6);
  row->first_observed = column_text (stmt, 7);
  row->workers_affected = sqlite3_column_type (stmt, 8) == SQLITE_NULL
                          ? -1 : sqlite3_column_int64 (stmt, 8);
  row->open_actions = sqlite3_column_int (stmt, 9);
  row->n_indicators = sqlite3_column_int (stmt, 10);
  row->n_confidential = sqlite3_column_int (stmt, 11);
  row->themes_label = themes_label ((const char *) sqlite3_column_text (stmt, 12),
                                    (const char *) sqlite3_column_text (stmt, 13));
  sqlite3_reset (stmt);
  return row;
}

/* ─── List ───────────────────────────────────────────────────────────────── */

struct _VigieFindingList
{
  GObject            parent_instance;

  VigieStore        *store;
  VigieFindingQuery *query;
  GArray            *ids;
  GHashTable        *hidden;
  VigieRowCache  *rows;         /* built rows, least recently used evicted */

  GMutex             worker_lock;
  VigieStore        *worker;
  gint               serial;
};

static void vigie_finding_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VigieFindingList, vigie_finding_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      vigie_finding_list_model_init))

static void
vigie_finding_list_dispose (GObject *object)
{
  VigieFindingList *self = VIGIE_FINDING_LIST (object);

  if (self->rows != NULL)
    vigie_row_cache_clear (self->rows);
  g_mutex_lock (&self->worker_lock);
  g_clear_object (&self->worker);
  g_mutex_unlock (&self->worker_lock);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vigie_finding_list_parent_class)->dispose (object);
}

static void
vigie_finding_list_finalize (GObject *object)
{
  VigieFindingList *self = VIGIE_FINDING_LIST (object);

  g_clear_pointer (&self->query, vigie_finding_query_free);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->hidden, g_hash_table_unref);
  g_clear_pointer (&self->rows, vigie_row_cache_free);
  g_mutex_clear (&self->worker_lock);

  G_OBJECT_CLASS (vigie_finding_list_parent_class)->finalize (object);
}

static void
vigie_finding_list_class_init (VigieFindingListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vigie_finding_list_dispose;
  object_class->finalize = vigie_finding_list_finalize;
}

static void
vigie_finding_list_init (VigieFindingList *self)
{
  self->query = vigie_finding_query_new ();
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->hidden = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->rows = vigie_row_cache_new (ROW_CACHE_SIZE);
  g_mutex_init (&self->worker_lock);
}

static GType
vigie_finding_list_get_item_type (GListModel *model)
{
  return VIGIE_TYPE_FINDING_ROW;
}

static guint
vigie_finding_list_get_n_items (GListModel *model)
{
  return VIGIE_FINDING_LIST (model)->ids->len;
}

static gpointer
vigie_finding_list_get_item (GListModel *model,
                             guint       position)
{
  VigieFindingList *self = VIGIE_FINDING_LIST (model);
  g_autoptr(GError) error = NULL;
  VigieFindingRow *row;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  row = vigie_row_cache_lookup (self->rows, id);
  if (row != NULL)
    return row;

  row = build_row (self->store, id, &error);
  if (row == NULL)
    {
      g_debug ("Finding %" G_GINT64_FORMAT " could not be read: %s", id, error->message);
      row = g_object_new (VIGIE_TYPE_FINDING_ROW, NULL);
      row->id = id;
      row->site_name = g_strdup ("");
      row->country = g_strdup ("");
      row->title = g_strdup ("");
      row->themes_label = g_strdup ("");
      row->severity = g_strdup ("");
      row->status = g_strdup ("");
      row->disclosure_level = g_strdup ("");
      row->first_observed = g_strdup ("");
      return row;
    }

  vigie_row_cache_insert (self->rows, id, row);
  return row;
}

static void
vigie_finding_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = vigie_finding_list_get_item_type;
  iface->get_n_items = vigie_finding_list_get_n_items;
  iface->get_item = vigie_finding_list_get_item;
}

VigieFindingList *
vigie_finding_list_new (VigieStore *store)
{
  VigieFindingList *self;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  self = g_object_new (VIGIE_TYPE_FINDING_LIST, NULL);
  self->store = g_object_ref (store);
  return self;
}

VigieStore *
vigie_finding_list_get_store (VigieFindingList *self)
{
  g_return_val_if_fail (VIGIE_IS_FINDING_LIST (self), NULL);
  return self->store;
}

const VigieFindingQuery *
vigie_finding_list_get_query (VigieFindingList *self)
{
  g_return_val_if_fail (VIGIE_IS_FINDING_LIST (self), NULL);
  return self->query;
}

static void
swap_ids (VigieFindingList *self,
          GArray           *ids)
{
  guint old_n = self->ids->len;

  if (g_hash_table_size (self->hidden) > 0)
    {
      guint kept = 0;

      for (guint i = 0; i < ids->len; i++)
        {
          gint64 id = g_array_index (ids, gint64, i);

          if (!g_hash_table_contains (self->hidden, &id))
            g_array_index (ids, gint64, kept++) = id;
        }
      g_array_set_size (ids, kept);
    }
  g_array_unref (self->ids);
  self->ids = ids;
  vigie_row_cache_clear (self->rows);
  if (old_n > 0 || ids->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, ids->len);
}

gboolean
vigie_finding_list_set_query (VigieFindingList        *self,
                              const VigieFindingQuery *query,
                              GError                 **error)
{
  GArray *ids;

  g_return_val_if_fail (VIGIE_IS_FINDING_LIST (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  g_atomic_int_inc (&self->serial);
  ids = vigie_finding_query_run (self->store, query, NULL, error);
  if (ids == NULL)
    return FALSE;
  if (query != self->query)
    {
      vigie_finding_query_free (self->query);
      self->query = vigie_finding_query_copy (query);
    }
  swap_ids (self, ids);
  return TRUE;
}

gboolean
vigie_finding_list_reload (VigieFindingList  *self,
                           GError           **error)
{
  g_return_val_if_fail (VIGIE_IS_FINDING_LIST (self), FALSE);
  return vigie_finding_list_set_query (self, self->query, error);
}

typedef struct
{
  VigieFindingQuery *query;
  gint               serial;
} QueryTaskData;

static void
query_task_data_free (gpointer data)
{
  QueryTaskData *td = data;

  vigie_finding_query_free (td->query);
  g_free (td);
}

static void
query_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  VigieFindingList *self = source_object;
  QueryTaskData *td = task_data;
  GError *error = NULL;
  GArray *ids = NULL;

  g_mutex_lock (&self->worker_lock);
  if (td->serial != g_atomic_int_get (&self->serial))
    {
      g_mutex_unlock (&self->worker_lock);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "A newer query replaced this one");
      return;
    }
  if (self->worker == NULL)
    self->worker = vigie_store_open_another (self->store, &error);
  if (self->worker != NULL)
    ids = vigie_finding_query_run (self->worker, td->query, cancellable, &error);
  g_mutex_unlock (&self->worker_lock);

  if (ids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
}

void
vigie_finding_list_set_query_async (VigieFindingList        *self,
                                    const VigieFindingQuery *query,
                                    GCancellable            *cancellable,
                                    GAsyncReadyCallback      callback,
                                    gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  QueryTaskData *td;

  g_return_if_fail (VIGIE_IS_FINDING_LIST (self));
  g_return_if_fail (query != NULL);

  td = g_new0 (QueryTaskData, 1);
  td->query = vigie_finding_query_copy (query);
  td->serial = g_atomic_int_add (&self->serial, 1) + 1;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vigie_finding_list_set_query_async);
  g_task_set_task_data (task, td, query_task_data_free);
  g_task_run_in_thread (task, query_thread);
}

gboolean
vigie_finding_list_set_query_finish (VigieFindingList  *self,
                                     GAsyncResult      *result,
                                     GError           **error)
{
  QueryTaskData *td;
  GArray *ids;

  g_return_val_if_fail (VIGIE_IS_FINDING_LIST (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  td = g_task_get_task_data (G_TASK (result));
  ids = g_task_propagate_pointer (G_TASK (result), error);
  if (ids == NULL)
    return FALSE;
  if (td->serial != g_atomic_int_get (&self->serial))
    {
      g_array_unref (ids);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           "A newer query replaced this one");
      return FALSE;
    }
  vigie_finding_query_free (self->query);
  self->query = vigie_finding_query_copy (td->query);
  swap_ids (self, ids);
  return TRUE;
}

guint
vigie_finding_list_find_position (VigieFindingList *self,
                                  gint64            id)
{
  g_return_val_if_fail (VIGIE_IS_FINDING_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;
  return G_MAXUINT;
}

gint64
vigie_finding_list_get_id (VigieFindingList *self,
                           guint             position)
{
  g_return_val_if_fail (VIGIE_IS_FINDING_LIST (self), 0);
  g_return_val_if_fail (position < self->ids->len, 0);

  return g_array_index (self->ids, gint64, position);
}

void
vigie_finding_list_refresh_id (VigieFindingList *self,
                               gint64            id)
{
  guint position;

  g_return_if_fail (VIGIE_IS_FINDING_LIST (self));

  vigie_row_cache_forget (self->rows, id);
  position = vigie_finding_list_find_position (self, id);
  if (position != G_MAXUINT)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

void
vigie_finding_list_hide_id (VigieFindingList *self,
                            gint64            id)
{
  guint position;

  g_return_if_fail (VIGIE_IS_FINDING_LIST (self));

  g_hash_table_add (self->hidden, g_memdup2 (&id, sizeof id));
  vigie_row_cache_forget (self->rows, id);
  position = vigie_finding_list_find_position (self, id);
  if (position != G_MAXUINT)
    {
      g_array_remove_index (self->ids, position);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
    }
}

void
vigie_finding_list_unhide_id (VigieFindingList *self,
                              gint64            id)
{
  g_return_if_fail (VIGIE_IS_FINDING_LIST (self));
  g_hash_table_remove (self->hidden, &id);
}

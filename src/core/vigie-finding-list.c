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
#include "vigie-id-list.h"
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
         || !empty_str (q->disclosure_level) || q->year > 0 || q->no_theme;
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
      /* With the sites joined (build_sql): the sites in the order of their name index,
       * the findings of each through findings_site; a subquery per finding and one sort
       * of every finding took four to seven times as long. */
      return desc ? " ORDER BY s.name COLLATE NOCASE DESC, s.id DESC, f.id DESC"
                  : " ORDER BY s.name COLLATE NOCASE, s.id, f.id";
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

/* How ?1 selects the findings of a search. */
typedef enum
{
  MATCH_NONE,
  MATCH_FTS,     /* ?1 is an FTS5 expression */
  MATCH_IDS,     /* ?1 is a JSON array of the matching ids, found beforehand */
} MatchMode;

static char *
build_sql (const VigieFindingQuery *query,
           MatchMode                mode)
{
  GString *sql = g_string_new (NULL);
  GString *where = g_string_new (NULL);
  const char *glue = " WHERE ";

#define AND(...) G_STMT_START { g_string_append (where, glue); \
                                g_string_append_printf (where, __VA_ARGS__); \
                                glue = " AND "; } G_STMT_END

  if (mode == MATCH_FTS)
    AND ("f.id IN (SELECT rowid FROM findings_fts WHERE findings_fts MATCH ?1"
         " UNION SELECT e.finding_id FROM evidence e WHERE e.id IN"
         " (SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH ?1))");
  else if (mode == MATCH_IDS)
    AND ("f.id IN (SELECT value FROM json_each (?1))");
  if (query->site_id > 0)
    AND ("f.site_id = ?2");
  if (!empty_str (query->country))
    AND ("f.site_id IN (SELECT s.id FROM sites s WHERE s.country = ?3)");
  /* The theme or one of its sub-themes: the findings the Overview counts under it. */
  if (!empty_str (query->theme))
    AND ("f.theme IN (SELECT ?4 UNION SELECT st.key FROM standards st JOIN code_standards c"
         " ON c.id = st.code_id WHERE c.code = 'vigie' AND st.parent_key = ?4)");
  if (query->no_theme)
    AND ("f.theme = ''");
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

  /* The order by site joins the sites (every finding has one: NOT NULL, foreign key).
   * Without filters, CROSS JOIN makes SQLite walk the sites' name index and each site's
   * findings, so that the first rows come at once; with filters it chooses. */
  if (query->sort != VIGIE_FINDING_SORT_SITE)
    g_string_append (sql, "SELECT f.id FROM findings f");
  else if (where->len == 0)
    g_string_append (sql, "SELECT f.id FROM sites s CROSS JOIN findings f ON f.site_id = s.id");
  else
    g_string_append (sql, "SELECT f.id FROM findings f JOIN sites s ON s.id = f.site_id");
  g_string_append_len (sql, where->str, (gssize) where->len);
  g_string_free (where, TRUE);
  g_string_append (sql, order_by_sql (query->sort, query->descending));
  return g_string_free (sql, FALSE);
}

char *
vigie_finding_query_build_sql (const VigieFindingQuery *query,
                               gboolean                 has_match)
{
  g_return_val_if_fail (query != NULL, NULL);
  return build_sql (query, has_match ? MATCH_FTS : MATCH_NONE);
}

/* The ids of QUERY in order; MATCH_IDS, when not NULL, stands for its search: the JSON
 * array of the findings it matches. */
static GArray *
query_run (VigieStore              *store,
           const VigieFindingQuery *query,
           const char              *match_ids,
           GCancellable            *cancellable,
           GError                 **error)
{
  g_autofree char *match = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  match = vigie_site_query_build_match (query->search);
  sql = build_sql (query, match == NULL ? MATCH_NONE : match_ids != NULL ? MATCH_IDS : MATCH_FTS);
  stmt = vigie_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  if (match != NULL)
    sqlite3_bind_text (stmt, 1, match_ids != NULL ? match_ids : match, -1, SQLITE_TRANSIENT);
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

      g_snprintf (first, sizeof first, "%04d-%02d-01", query->year,
                  query->month >= 1 && query->month <= 12 ? query->month : 1);
      g_snprintf (last, sizeof last, "%04d-%02d-31", query->year,
                  query->month >= 1 && query->month <= 12 ? query->month : 12);
      sqlite3_bind_text (stmt, 9, first, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 10, last, -1, SQLITE_TRANSIENT);
    }

  /* A worker's statement stops once CANCELLABLE is cancelled (its progress handler). */
  return vigie_id_list_collect_ids (store, stmt, cancellable, error);
}

GArray *
vigie_finding_query_run (VigieStore              *store,
                         const VigieFindingQuery *query,
                         GCancellable            *cancellable,
                         GError                 **error)
{
  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  return query_run (store, query, NULL, cancellable, error);
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

  stmt = vigie_store_prepare (store, row_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!vigie_id_list_step_row (store, stmt, id, error))
    return NULL;
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

/* ─── Loading in two steps ───────────────────────────────────────────────── */

/* Listing a million findings in order takes a few hundred milliseconds, and a common search
 * word matches a hundred thousand of them. So the list is loaded in two steps when that
 * pays: first the number of rows (n_items is exact from the start) and the ids of the
 * first FIRST_PAGE rows, which is all a window shows; then every id, in a worker thread
 * with its own connection (a "fill"). Any position past the first page asked for before
 * the fill is in waits for it, so callers see a complete list either way; the column view
 * only asks for the rows it shows.
 *
 * The first step reads in one transaction:
 * - without filters, the count and the first rows of the order's index (LIMIT);
 * - for a search, the ids of every hit (a bitmap, from the full-text indexes alone, without
 *   reading a single finding), then the order's index from its start until FIRST_PAGE hits
 *   went by. A few hits (SMALL_SEARCH) are cheaper to sort directly: then the list's query
 *   runs as it is, in one step.
 * Other filters, orders without an index of their own (disclosure, workers, open actions)
 * and lists with hidden rows are read in one step, as before. When only the
 * order changes and the database did not (PRAGMA data_version, sqlite3_total_changes), the
 * count is reused. If the fill finds a different list than the first step announced (the
 * database changed in between), the model reports the whole list as changed. */

#define FIRST_PAGE   256
#define SMALL_SEARCH 4096
/* Bitmaps of search hits are used up to this finding id (16 MiB of bits). */
#define MAX_BITMAP_ID (G_GINT64_CONSTANT (1) << 27)

static guint first_page_size = FIRST_PAGE;
static guint small_search_size = SMALL_SEARCH;

/* VIGIE_TEST_FIRST_PAGE=N makes both thresholds N, so that tests reach the two-step paths
 * with a few hundred findings. */
static void
tunables_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      const char *text = g_getenv ("VIGIE_TEST_FIRST_PAGE");
      int n = text != NULL ? atoi (text) : 0;

      if (n > 0)
        first_page_size = small_search_size = (guint) n;
      g_once_init_leave (&done, 1);
    }
}

typedef struct
{
  guint8 *bits;
  gint64  max_id;
  guint   n;
} IdSet;

static void
id_set_free (IdSet *set)
{
  if (set == NULL)
    return;
  g_free (set->bits);
  g_free (set);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IdSet, id_set_free)

static inline gboolean
id_set_contains (const IdSet *set,
                 gint64       id)
{
  return id >= 0 && id <= set->max_id && (set->bits[id >> 3] & (1u << (id & 7))) != 0;
}

/* "[3,17,42]" */
static char *
id_set_to_json (const IdSet *set)
{
  GString *json = g_string_sized_new (8 * set->n + 2);

  g_string_append_c (json, '[');
  for (gint64 byte = 0; byte <= set->max_id >> 3; byte++)
    {
      guint bits = set->bits[byte];

      for (guint k = 0; bits != 0; k++, bits >>= 1)
        if (bits & 1)
          g_string_append_printf (json, "%s%" G_GINT64_FORMAT, json->len > 1 ? "," : "",
                                  byte * 8 + k);
    }
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

/* The findings matching MATCH (an FTS5 expression): in their text or their evidence. */
static IdSet *
collect_matches (VigieStore    *store,
                 const char    *match,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(IdSet) set = g_new0 (IdSet, 1);
  sqlite3_stmt *stmt;
  int rc;

  stmt = vigie_store_prepare (store, "SELECT max (id) FROM findings", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      vigie_list_worker_set_step_error (store, stmt, rc, cancellable, error);
      return NULL;
    }
  set->max_id = MAX (sqlite3_column_int64 (stmt, 0), 0);
  sqlite3_reset (stmt);
  if (set->max_id >= MAX_BITMAP_ID)
    return NULL;   /* no error: the caller lists in one step */
  set->bits = g_malloc0 ((gsize) (set->max_id >> 3) + 1);

  stmt = vigie_store_prepare (store,
                              "SELECT rowid FROM findings_fts WHERE findings_fts MATCH ?1"
                              " UNION ALL SELECT e.finding_id FROM evidence e WHERE e.id IN"
                              " (SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH ?1)",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id < 0 || id > set->max_id || id_set_contains (set, id))
        continue;
      set->bits[id >> 3] |= (guint8) (1u << (id & 7));
      set->n++;
    }
  if (rc != SQLITE_DONE)
    {
      vigie_list_worker_set_step_error (store, stmt, rc, cancellable, error);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&set);
}

/* The orders an index of schema v1 gives directly, without sorting every finding (the
 * site order: the sites' name index, then each site's findings). */
static gboolean
order_has_index (VigieFindingSort sort)
{
  switch (sort)
    {
    case VIGIE_FINDING_SORT_FIRST_OBSERVED:
    case VIGIE_FINDING_SORT_TITLE:
    case VIGIE_FINDING_SORT_SEVERITY:
    case VIGIE_FINDING_SORT_STATUS:
    case VIGIE_FINDING_SORT_THEME:
    case VIGIE_FINDING_SORT_SITE:
      return TRUE;
    case VIGIE_FINDING_SORT_DISCLOSURE:
    case VIGIE_FINDING_SORT_WORKERS:
    case VIGIE_FINDING_SORT_OPEN_ACTIONS:
    case VIGIE_FINDING_N_SORTS:
    default:
      return FALSE;
    }
}

/* Every filter but the search is empty. */
static gboolean
only_search (const VigieFindingQuery *q)
{
  return q->site_id <= 0 && empty_str (q->country) && empty_str (q->theme)
         && empty_str (q->indicator) && empty_str (q->severity) && empty_str (q->status)
         && empty_str (q->disclosure_level) && q->year <= 0 && !q->no_theme;
}

static gboolean
same_filters (const VigieFindingQuery *a,
              const VigieFindingQuery *b)
{
  return g_strcmp0 (a->search, b->search) == 0 && a->site_id == b->site_id
         && g_strcmp0 (a->country, b->country) == 0 && g_strcmp0 (a->theme, b->theme) == 0
         && g_strcmp0 (a->indicator, b->indicator) == 0
         && g_strcmp0 (a->severity, b->severity) == 0 && g_strcmp0 (a->status, b->status) == 0
         && g_strcmp0 (a->disclosure_level, b->disclosure_level) == 0 && a->year == b->year
         && a->month == b->month && a->no_theme == b->no_theme;
}

/* Which state of which connection a count was taken in. */
typedef struct
{
  VigieFindingQuery *query;      /* its filters; NULL: no count to reuse */
  sqlite3           *db;
  gint64             data_version;
  gint64             changes;
  guint              n;
} CountStamp;

static void
count_stamp_clear (CountStamp *stamp)
{
  g_clear_pointer (&stamp->query, vigie_finding_query_free);
  stamp->db = NULL;
}

static void
count_stamp_copy (CountStamp       *to,
                  const CountStamp *from)
{
  count_stamp_clear (to);
  *to = *from;
  to->query = from->query != NULL ? vigie_finding_query_copy (from->query) : NULL;
}

static gint64
data_version (VigieStore *store)
{
  sqlite3_stmt *stmt = vigie_store_prepare (store, "PRAGMA data_version", NULL);
  gint64 version = -1;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return version;
}

typedef struct
{
  GArray     *ids;            /* every id in order, or the first ones */
  guint       n_total;        /* length of the complete list */
  gboolean    complete;
  IdSet      *matches;        /* search hits for the fill's index scan, or NULL */
  CountStamp  stamp;
} Stage;

static void
stage_free (Stage *stage)
{
  if (stage == NULL)
    return;
  g_clear_pointer (&stage->ids, g_array_unref);
  id_set_free (stage->matches);
  count_stamp_clear (&stage->stamp);
  g_free (stage);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Stage, stage_free)

/* The order of QUERY without its filters: the scan of the order's index. */
static char *
order_scan_sql (const VigieFindingQuery *query)
{
  VigieFindingQuery bare = { 0 };

  bare.sort = query->sort;
  bare.descending = query->descending;
  return vigie_finding_query_build_sql (&bare, FALSE);
}

/* Scans the order's index and keeps the ids in MATCHES, up to LIMIT of them. */
static GArray *
scan_matches (VigieStore               *store,
              const VigieFindingQuery  *query,
              const IdSet              *matches,
              guint                     limit,
              GCancellable             *cancellable,
              GError                  **error)
{
  g_autofree char *sql = order_scan_sql (query);
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64),
                                             MIN (limit, matches->n));
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;

  stmt = vigie_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  while (ids->len < limit && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id_set_contains (matches, id))
        g_array_append_val (ids, id);
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      vigie_list_worker_set_step_error (store, stmt, rc, cancellable, error);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&ids);
}

/* The first rows of QUERY without filters, from the order's index. */
static GArray *
first_rows (VigieStore               *store,
            const VigieFindingQuery  *query,
            GCancellable             *cancellable,
            GError                  **error)
{
  g_autofree char *base = vigie_finding_query_build_sql (query, FALSE);
  g_autofree char *sql = g_strdup_printf ("%s LIMIT %u", base, first_page_size);
  sqlite3_stmt *stmt;

  stmt = vigie_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  return vigie_id_list_collect_ids (store, stmt, cancellable, error);
}

static gboolean
count_all (VigieStore    *store,
           guint         *n,
           GCancellable  *cancellable,
           GError       **error)
{
  sqlite3_stmt *stmt = vigie_store_prepare (store, "SELECT count (*) FROM findings", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      vigie_list_worker_set_step_error (store, stmt, rc, cancellable, error);
      return FALSE;
    }
  *n = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

/* The first step, in one read transaction of STORE. With ALLOW_PARTIAL false, or when
 * two steps would not pay, the list is complete. HINT: an earlier count that may be
 * reused. */
static Stage *
stage_run_locked (VigieStore               *store,
                  const VigieFindingQuery  *query,
                  gboolean                  allow_partial,
                  const CountStamp         *hint,
                  GCancellable             *cancellable,
                  GError                  **error)
{
  g_autoptr(Stage) stage = g_new0 (Stage, 1);
  g_autofree char *match = NULL;
  sqlite3 *db = vigie_store_get_db (store);
  gboolean reuse;

  tunables_init ();
  match = vigie_site_query_build_match (query->search);
  if (!allow_partial || !order_has_index (query->sort) || !only_search (query))
    goto one_step;

  stage->stamp.db = db;
  stage->stamp.data_version = data_version (store);
  stage->stamp.changes = sqlite3_total_changes64 (db);
  reuse = hint != NULL && hint->query != NULL && hint->db == db
          && hint->data_version == stage->stamp.data_version
          && hint->changes == stage->stamp.changes && stage->stamp.data_version >= 0
          && same_filters (hint->query, query);

  if (match == NULL)
    {
      if (reuse)
        stage->n_total = hint->n;
      else if (!count_all (store, &stage->n_total, cancellable, error))
        return NULL;
      if (stage->n_total <= first_page_size)
        goto one_step;
      stage->ids = first_rows (store, query, cancellable, error);
      if (stage->ids == NULL)
        return NULL;
    }
  else
    {
      g_autoptr(GError) local_error = NULL;

      stage->matches = collect_matches (store, match, cancellable, &local_error);
      if (stage->matches == NULL)
        {
          if (local_error == NULL)
            goto one_step;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      stage->n_total = stage->matches->n;
      if (stage->n_total <= small_search_size)
        {
          /* Sorted by the list's query, on the hits already found. */
          g_autofree char *json = id_set_to_json (stage->matches);

          count_stamp_clear (&stage->stamp);
          g_clear_pointer (&stage->matches, id_set_free);
          stage->ids = query_run (store, query, json, cancellable, error);
          if (stage->ids == NULL)
            return NULL;
          stage->n_total = stage->ids->len;
          stage->complete = TRUE;
          return g_steal_pointer (&stage);
        }
      stage->ids = scan_matches (store, query, stage->matches, first_page_size, cancellable,
                                 error);
      if (stage->ids == NULL)
        return NULL;
      /* Few hits among many findings: the fill sorts them (a lookup each) rather than
       * scanning the whole index. */
      if ((gint64) stage->n_total * 10 < stage->matches->max_id)
        g_clear_pointer (&stage->matches, id_set_free);
    }
  stage->complete = stage->ids->len >= stage->n_total;
  if (stage->complete)
    stage->n_total = stage->ids->len;
  stage->stamp.query = vigie_finding_query_copy (query);
  stage->stamp.n = stage->n_total;
  return g_steal_pointer (&stage);

one_step:
  count_stamp_clear (&stage->stamp);
  g_clear_pointer (&stage->matches, id_set_free);
  stage->ids = vigie_finding_query_run (store, query, cancellable, error);
  if (stage->ids == NULL)
    return NULL;
  stage->n_total = stage->ids->len;
  stage->complete = TRUE;
  return g_steal_pointer (&stage);
}

static Stage *
stage_run (VigieStore               *store,
           const VigieFindingQuery  *query,
           gboolean                  allow_partial,
           const CountStamp         *hint,
           GCancellable             *cancellable,
           GError                  **error)
{
  sqlite3 *db = vigie_store_get_db (store);
  gboolean own_transaction = sqlite3_get_autocommit (db);
  Stage *stage;

  /* One snapshot for the count and the first rows. */
  if (own_transaction && sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    own_transaction = FALSE;
  stage = stage_run_locked (store, query, allow_partial, hint, cancellable, error);
  if (own_transaction)
    sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  return stage;
}

/* ─── List ───────────────────────────────────────────────────────────────── */

typedef struct
{
  gatomicrefcount    ref_count;
  GMutex             lock;
  GCond              cond;
  gboolean           done;
  GArray            *ids;          /* the complete list, once done */
  GError            *error;
  GCancellable      *cancellable;
  VigieFindingQuery *query;
  IdSet             *matches;      /* scan the order's index for these; NULL: run QUERY */
  guint              n_total;
  VigieListWorker   *worker;
  GArray            *dropped;      /* ids hidden since it started: left out of its answer
                                    * (main thread only) */
} Fill;

static Fill *
fill_ref (Fill *fill)
{
  g_atomic_ref_count_inc (&fill->ref_count);
  return fill;
}

static void
fill_unref (Fill *fill)
{
  if (fill == NULL || !g_atomic_ref_count_dec (&fill->ref_count))
    return;
  g_mutex_clear (&fill->lock);
  g_cond_clear (&fill->cond);
  g_clear_pointer (&fill->ids, g_array_unref);
  g_clear_error (&fill->error);
  g_clear_object (&fill->cancellable);
  vigie_finding_query_free (fill->query);
  id_set_free (fill->matches);
  vigie_list_worker_unref (fill->worker);
  g_array_unref (fill->dropped);
  g_free (fill);
}

/* How a fill that differs from what the first step announced is reported. */
typedef enum
{
  REPORT_NOW,      /* items-changed at once */
  REPORT_LATER,    /* from an idle: we are inside a GListModel call */
  REPORT_NOTHING,  /* the caller reports the whole list itself */
} FillReport;

struct _VigieFindingList
{
  GObject            parent_instance;

  VigieStore        *store;
  VigieFindingQuery *query;
  GArray            *ids;          /* every id in order, or the first page while loading */
  guint              n_items;      /* what the model reports */
  gboolean           complete;     /* ids holds every id */
  Fill              *fill;         /* loading the rest of the ids, or NULL */
  guint              report_idle;  /* items-changed owed after a late fill */
  guint              report_old_n;
  CountStamp         count;        /* the last count, for another order of the same rows */
  /* While every row is replaced (two signals, see vigie_list_model_replace_all()), the
   * model reports no row between them: a handler calling back in sees N_ANNOUNCED. */
  guint              replacing;
  guint              n_announced;
  GHashTable        *hidden;
  VigieRowCache     *rows;         /* built rows, least recently used evicted */

  VigieListWorker   *worker;       /* queries and fills, on a connection of their own */
};

static void vigie_finding_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VigieFindingList, vigie_finding_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      vigie_finding_list_model_init))

static void
cancel_fill (VigieFindingList *self)
{
  if (self->fill == NULL)
    return;
  g_cancellable_cancel (self->fill->cancellable);
  g_clear_pointer (&self->fill, fill_unref);
}

static void
vigie_finding_list_dispose (GObject *object)
{
  VigieFindingList *self = VIGIE_FINDING_LIST (object);

  cancel_fill (self);
  g_clear_handle_id (&self->report_idle, g_source_remove);
  if (self->rows != NULL)
    vigie_row_cache_clear (self->rows);
  if (self->worker != NULL)
    vigie_list_worker_supersede (self->worker);
  g_clear_pointer (&self->worker, vigie_list_worker_unref);
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
  count_stamp_clear (&self->count);

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
  self->complete = TRUE;
  self->hidden = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->rows = vigie_row_cache_new (ROW_CACHE_SIZE);
}

/* The worker connection scans indexes once from end to end, and reads full-text
 * doclists: a small page cache does, and the main connection keeps the pages the window
 * shows. */
static gboolean
setup_worker (VigieStore  *connection,
              GError     **error)
{
  vigie_store_exec (connection, "PRAGMA cache_size = -8192", NULL);
  return TRUE;
}

static VigieListWorker *
get_worker (VigieFindingList *self)
{
  if (self->worker == NULL)
    self->worker = vigie_list_worker_new (self->store, setup_worker);
  return self->worker;
}

static void
fill_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *task_cancellable)
{
  Fill *fill = task_data;
  GError *error = NULL;
  GArray *ids = NULL;
  VigieStore *worker;

  worker = vigie_list_worker_acquire (fill->worker, fill->cancellable, &error);
  if (worker != NULL)
    {
      if (fill->matches != NULL)
        ids = scan_matches (worker, fill->query, fill->matches, fill->n_total,
                            fill->cancellable, &error);
      else
        ids = vigie_finding_query_run (worker, fill->query, fill->cancellable, &error);
      vigie_list_worker_release (fill->worker);
    }

  g_mutex_lock (&fill->lock);
  fill->ids = ids;
  fill->error = error;
  fill->done = TRUE;
  g_cond_broadcast (&fill->cond);
  g_mutex_unlock (&fill->lock);
  g_task_return_boolean (task, TRUE);
}

/* Signals the replacement of every row: OLD_N before, NEW_N after. */
static void
replace_items (VigieFindingList *self,
               guint             old_n,
               guint             new_n)
{
  self->replacing++;
  self->n_announced = new_n;
  vigie_list_model_replace_all (G_LIST_MODEL (self), &self->n_items, old_n, new_n);
  self->replacing--;
}

/* The number of rows announced (N_ITEMS but between the two signals of a replacement). */
static guint
n_announced (VigieFindingList *self)
{
  return self->replacing > 0 ? self->n_announced : self->n_items;
}

static void
emit_report (VigieFindingList *self)
{
  vigie_row_cache_clear (self->rows);
  replace_items (self, self->report_old_n, self->ids->len);
}

static gboolean
report_idle_cb (gpointer data)
{
  VigieFindingList *self = data;

  self->report_idle = 0;
  emit_report (self);
  return G_SOURCE_REMOVE;
}

/* Outside GListModel calls: reports a late fill now rather than from its idle. */
static void
flush_report (VigieFindingList *self)
{
  if (self->report_idle == 0)
    return;
  g_clear_handle_id (&self->report_idle, g_source_remove);
  emit_report (self);
}

/* Takes the result of the current fill, which is done. */
static void
install_fill (VigieFindingList *self,
              FillReport        report)
{
  g_autoptr(GError) error = NULL;
  Fill *fill = g_steal_pointer (&self->fill);
  GArray *ids;
  gboolean same;

  g_mutex_lock (&fill->lock);
  ids = g_steal_pointer (&fill->ids);
  error = g_steal_pointer (&fill->error);
  g_mutex_unlock (&fill->lock);
  /* A row hidden while the fill ran stays out, even if shown again since (its deletion
   * is then done, and the fill may have read it before). */
  if (ids != NULL && fill->dropped->len > 0)
    {
      guint kept = 0;

      for (guint i = 0; i < ids->len; i++)
        {
          gint64 id = g_array_index (ids, gint64, i);
          gboolean drop = FALSE;

          for (guint k = 0; k < fill->dropped->len && !drop; k++)
            drop = g_array_index (fill->dropped, gint64, k) == id;
          if (!drop)
            g_array_index (ids, gint64, kept++) = id;
        }
      g_array_set_size (ids, kept);
    }
  fill_unref (fill);

  if (ids == NULL)
    {
      /* Cancelled (a newer query is on its way) or failed: what is known stays, and
       * positions past it show empty rows until the next query. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("The list of findings could not be read: %s", error->message);
      return;
    }

  same = ids->len == n_announced (self) && ids->len >= self->ids->len
         && memcmp (ids->data, self->ids->data, self->ids->len * sizeof (gint64)) == 0;
  g_array_unref (self->ids);
  self->ids = ids;
  self->complete = TRUE;
  if (same)
    return;

  /* The database changed between the two steps. Not reported from inside the signals of
   * a replacement: from an idle, as from inside a GListModel call. */
  count_stamp_clear (&self->count);
  if (report == REPORT_NOW && self->replacing > 0)
    report = REPORT_LATER;
  switch (report)
    {
    case REPORT_NOW:
      {
        guint old_n = self->n_items;

        g_clear_handle_id (&self->report_idle, g_source_remove);
        vigie_row_cache_clear (self->rows);
        replace_items (self, old_n, ids->len);
      }
      break;
    case REPORT_LATER:
      if (self->report_idle == 0)
        {
          self->report_old_n = n_announced (self);
          self->report_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, report_idle_cb,
                                               g_object_ref (self), g_object_unref);
        }
      break;
    case REPORT_NOTHING:
    default:
      self->n_items = ids->len;
      break;
    }
}

static void
fill_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  VigieFindingList *self = VIGIE_FINDING_LIST (source);
  Fill *fill = user_data;

  if (self->fill == fill)
    install_fill (self, REPORT_NOW);
  fill_unref (fill);
}

/* Waits for the rest of the ids (if they are still loading). */
static gboolean
ensure_complete (VigieFindingList *self,
                 FillReport        report)
{
  Fill *fill = self->fill;

  if (self->complete)
    return TRUE;
  if (fill == NULL)
    return FALSE;
  g_mutex_lock (&fill->lock);
  while (!fill->done)
    g_cond_wait (&fill->cond, &fill->lock);
  g_mutex_unlock (&fill->lock);
  install_fill (self, report);
  return self->complete;
}

static void
start_fill (VigieFindingList        *self,
            const VigieFindingQuery *query,
            Stage                   *stage)
{
  g_autoptr(GTask) task = NULL;
  Fill *fill = g_new0 (Fill, 1);

  g_atomic_ref_count_init (&fill->ref_count);
  g_mutex_init (&fill->lock);
  g_cond_init (&fill->cond);
  fill->cancellable = g_cancellable_new ();
  fill->query = vigie_finding_query_copy (query);
  fill->matches = g_steal_pointer (&stage->matches);
  fill->n_total = stage->n_total;
  fill->worker = vigie_list_worker_ref (get_worker (self));
  fill->dropped = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->fill = fill;

  task = g_task_new (self, NULL, fill_done_cb, fill_ref (fill));
  g_task_set_source_tag (task, start_fill);
  g_task_set_task_data (task, fill_ref (fill), (GDestroyNotify) fill_unref);
  g_task_run_in_thread (task, fill_thread);
}

static void
remove_hidden (VigieFindingList *self)
{
  guint kept = 0;

  if (g_hash_table_size (self->hidden) == 0)
    return;
  for (guint i = 0; i < self->ids->len; i++)
    {
      gint64 id = g_array_index (self->ids, gint64, i);

      if (!g_hash_table_contains (self->hidden, &id))
        g_array_index (self->ids, gint64, kept++) = id;
    }
  g_array_set_size (self->ids, kept);
}

/* Shows the result of a first step: STAGE's ids, the rest loading in a fill. */
static void
install_stage (VigieFindingList        *self,
               const VigieFindingQuery *query,
               Stage                   *stage)
{
  guint old_n = self->n_items;
  guint new_n;

  cancel_fill (self);
  g_clear_handle_id (&self->report_idle, g_source_remove);
  if (query != self->query)
    {
      vigie_finding_query_free (self->query);
      self->query = vigie_finding_query_copy (query);
    }
  g_array_unref (self->ids);
  self->ids = g_steal_pointer (&stage->ids);
  self->n_items = stage->n_total;
  self->complete = stage->complete;
  if (stage->stamp.query != NULL)
    count_stamp_copy (&self->count, &stage->stamp);
  vigie_row_cache_clear (self->rows);

  if (!self->complete)
    {
      start_fill (self, query, stage);
      /* Rows were hidden while this query ran: they are taken out of the complete list. */
      if (g_hash_table_size (self->hidden) > 0 && !ensure_complete (self, REPORT_NOTHING))
        {
          self->n_items = self->ids->len;
          self->complete = TRUE;
        }
    }
  if (self->complete)
    {
      remove_hidden (self);
      self->n_items = self->ids->len;
    }
  new_n = self->n_items;
  replace_items (self, old_n, new_n);
}

static GType
vigie_finding_list_get_item_type (GListModel *model)
{
  return VIGIE_TYPE_FINDING_ROW;
}

static guint
vigie_finding_list_get_n_items (GListModel *model)
{
  return VIGIE_FINDING_LIST (model)->n_items;
}

static VigieFindingRow *
empty_row (gint64 id)
{
  VigieFindingRow *row = g_object_new (VIGIE_TYPE_FINDING_ROW, NULL);

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

static gpointer
vigie_finding_list_get_item (GListModel *model,
                             guint       position)
{
  VigieFindingList *self = VIGIE_FINDING_LIST (model);
  g_autoptr(GError) error = NULL;
  VigieFindingRow *row;
  gint64 id;

  if (position >= self->n_items)
    return NULL;
  if (position >= self->ids->len)
    ensure_complete (self, REPORT_LATER);
  if (position >= self->ids->len)
    return empty_row (0);

  id = g_array_index (self->ids, gint64, position);
  row = vigie_row_cache_lookup (self->rows, id);
  if (row != NULL)
    return row;

  row = build_row (self->store, id, &error);
  if (row == NULL)
    {
      g_debug ("Finding %" G_GINT64_FORMAT " could not be read: %s", id, error->message);
      return empty_row (id);
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

gboolean
vigie_finding_list_set_query (VigieFindingList        *self,
                              const VigieFindingQuery *query,
                              GError                 **error)
{
  g_autoptr(Stage) stage = NULL;
  g_autoptr(VigieFindingQuery) copy = NULL;

  g_return_val_if_fail (VIGIE_IS_FINDING_LIST (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  /* A synchronous query supersedes any asynchronous one still running. */
  if (self->worker != NULL)
    vigie_list_worker_supersede (self->worker);
  /* A pending fill would hold the worker connection: it is not wanted any more. */
  if (self->fill != NULL)
    g_cancellable_cancel (self->fill->cancellable);
  copy = vigie_finding_query_copy (query);
  stage = stage_run (self->store, copy, g_hash_table_size (self->hidden) == 0, &self->count,
                     NULL, error);
  if (stage == NULL)
    return FALSE;
  install_stage (self, copy, stage);
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
  gboolean           allow_partial;
  CountStamp         hint;
} QueryRequest;

static void
query_request_free (gpointer data)
{
  QueryRequest *request = data;

  vigie_finding_query_free (request->query);
  count_stamp_clear (&request->hint);
  g_free (request);
}

static gpointer
stage_func (VigieStore    *connection,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  QueryRequest *request = data;

  return stage_run (connection, request->query, request->allow_partial, &request->hint,
                    cancellable, error);
}

void
vigie_finding_list_set_query_async (VigieFindingList        *self,
                                    const VigieFindingQuery *query,
                                    GCancellable            *cancellable,
                                    GAsyncReadyCallback      callback,
                                    gpointer                 user_data)
{
  QueryRequest *request;

  g_return_if_fail (VIGIE_IS_FINDING_LIST (self));
  g_return_if_fail (query != NULL);

  request = g_new0 (QueryRequest, 1);
  request->query = vigie_finding_query_copy (query);
  request->allow_partial = g_hash_table_size (self->hidden) == 0;
  count_stamp_copy (&request->hint, &self->count);
  /* Free the worker connection for this query; the list keeps what it shows until the
   * query is done. */
  if (self->fill != NULL)
    g_cancellable_cancel (self->fill->cancellable);
  vigie_list_worker_run_async (get_worker (self), self, stage_func, request, query_request_free,
                               (GDestroyNotify) stage_free, cancellable, callback, user_data);
}

gboolean
vigie_finding_list_set_query_finish (VigieFindingList  *self,
                                     GAsyncResult      *result,
                                     GError           **error)
{
  g_autoptr(Stage) stage = NULL;
  QueryRequest *request;

  g_return_val_if_fail (VIGIE_IS_FINDING_LIST (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (self->worker != NULL, FALSE);

  request = vigie_list_worker_get_request (result);
  stage = vigie_list_worker_run_finish (self->worker, result, error);
  if (stage == NULL)
    {
      /* The latest query failed: the list it was to replace finishes loading. */
      if (vigie_list_worker_is_latest (self->worker, result) && !self->complete
          && self->fill == NULL)
        {
          Stage rest = { 0 };

          rest.n_total = self->n_items;
          start_fill (self, self->query, &rest);
        }
      return FALSE;
    }
  install_stage (self, request->query, stage);
  return TRUE;
}

gboolean
vigie_finding_list_is_complete (VigieFindingList *self)
{
  g_return_val_if_fail (VIGIE_IS_FINDING_LIST (self), FALSE);
  return self->complete;
}

gboolean
vigie_finding_list_wait_complete (VigieFindingList *self)
{
  g_return_val_if_fail (VIGIE_IS_FINDING_LIST (self), FALSE);
  return ensure_complete (self, REPORT_NOW);
}

guint
vigie_finding_list_find_position (VigieFindingList *self,
                                  gint64            id)
{
  g_return_val_if_fail (VIGIE_IS_FINDING_LIST (self), G_MAXUINT);

  flush_report (self);
  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;
  if (!self->complete && ensure_complete (self, REPORT_NOW))
    return vigie_finding_list_find_position (self, id);
  return G_MAXUINT;
}

gint64
vigie_finding_list_get_id (VigieFindingList *self,
                           guint             position)
{
  g_return_val_if_fail (VIGIE_IS_FINDING_LIST (self), 0);
  g_return_val_if_fail (position < self->n_items, 0);

  flush_report (self);
  if (position >= self->ids->len)
    ensure_complete (self, REPORT_NOW);
  if (position >= self->ids->len)
    return 0;
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
  if (position != G_MAXUINT && position < self->n_items)
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
  if (self->fill != NULL)
    g_array_append_val (self->fill->dropped, id);
  position = vigie_finding_list_find_position (self, id);
  if (position != G_MAXUINT && position < self->n_items)
    {
      g_array_remove_index (self->ids, position);
      self->n_items--;
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

/* vigie-site-list.c — sites as a lazy GListModel: ids from one SQL query, rows on demand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "vigie-reference.h"
#include "vigie-site-list.h"
#include "vigie-store-private.h"
#include "vigie-vocab.h"

/* Findings that are not closed count as open (a disputed finding is still unresolved). */
#define OPEN_STATUSES "('open', 'progress_made', 'disputed')"

/* ─── Query ──────────────────────────────────────────────────────────────── */

G_DEFINE_BOXED_TYPE (VigieSiteQuery, vigie_site_query, vigie_site_query_copy,
                     vigie_site_query_free)

VigieSiteQuery *
vigie_site_query_new (void)
{
  VigieSiteQuery *query = g_new0 (VigieSiteQuery, 1);

  query->sort = VIGIE_SITE_SORT_NAME;
  return query;
}

VigieSiteQuery *
vigie_site_query_copy (const VigieSiteQuery *query)
{
  VigieSiteQuery *copy;

  g_return_val_if_fail (query != NULL, NULL);

  copy = g_new0 (VigieSiteQuery, 1);
  copy->search = g_strdup (query->search);
  copy->country = g_strdup (query->country);
  copy->location_type = g_strdup (query->location_type);
  copy->only_open_critical = query->only_open_critical;
  copy->linked_year = query->linked_year;
  copy->monitored_year = query->monitored_year;
  copy->sort = query->sort;
  copy->descending = query->descending;
  return copy;
}

void
vigie_site_query_free (VigieSiteQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->search);
  g_free (query->country);
  g_free (query->location_type);
  g_free (query);
}

static gboolean
empty_str (const char *s)
{
  return s == NULL || *s == '\0';
}

static gboolean
same_optional (const char *a,
               const char *b)
{
  if (empty_str (a) && empty_str (b))
    return TRUE;
  return g_strcmp0 (a, b) == 0;
}

gboolean
vigie_site_query_equal (const VigieSiteQuery *a,
                        const VigieSiteQuery *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return same_optional (a->search, b->search)
         && same_optional (a->country, b->country)
         && same_optional (a->location_type, b->location_type)
         && !a->only_open_critical == !b->only_open_critical
         && a->linked_year == b->linked_year && a->monitored_year == b->monitored_year
         && a->sort == b->sort
         && !a->descending == !b->descending;
}

static gboolean
is_word_char (gunichar c)
{
  /* What the unicode61 tokenizer keeps in a token: letters, digits, and combining marks
   * (so a decomposed accent does not split a word). */
  switch (g_unichar_type (c))
    {
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return TRUE;
    default:
      return g_unichar_isalnum (c);
    }
}

char *
vigie_site_query_build_match (const char *text)
{
  GString *out;
  GString *word;
  const char *p;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  out = g_string_new (NULL);
  word = g_string_new (NULL);
  for (p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && is_word_char (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          /* Only letters and digits are in WORD, so the quotes cannot be broken out of;
           * quoting still matters: it keeps AND, OR, NOT and NEAR from being operators. */
          if (out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append_printf (out, "\"%s\"*", word->str);
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* ─── Sort keys in SQL ───────────────────────────────────────────────────── */

/* Translated labels sort in the user's language: vigie_sort_key (kind, code) returns the
 * g_utf8_collate_key of the translated label, which compares bytewise. It is registered
 * on each connection that runs a site query, with a cache of keys per connection (so it
 * needs no lock when the worker thread uses its own connection). */
enum
{
  SORT_KEY_COUNTRY,
  SORT_KEY_LOCATION_TYPE,
  SORT_KEY_PRODUCTS,
};

static const char *
country_label (const char *code)
{
  const char *label = vigie_reference_country_label (code);

  return label != NULL ? label : code;
}

static char *
label_for (int         kind,
           const char *code)
{
  switch (kind)
    {
    case SORT_KEY_COUNTRY:
      return g_strdup (country_label (code));
    case SORT_KEY_LOCATION_TYPE:
      return g_strdup (vigie_vocab_label (VIGIE_VOCAB_LOCATION_TYPE, code));
    case SORT_KEY_PRODUCTS:
      return vigie_vocab_labels (VIGIE_VOCAB_PRODUCT, code);
    default:
      return g_strdup (code);
    }
}

static void
sort_key_func (sqlite3_context  *ctx,
               int               argc,
               sqlite3_value   **argv)
{
  GHashTable *cache = sqlite3_user_data (ctx);
  int kind = sqlite3_value_int (argv[0]);
  const char *code = (const char *) sqlite3_value_text (argv[1]);
  g_autofree char *cache_key = NULL;
  const char *key;

  if (code == NULL)
    {
      sqlite3_result_null (ctx);
      return;
    }
  if (*code == '\0')
    {
      /* Nothing recorded (no products): sorts with the unknowns, last. */
      sqlite3_result_null (ctx);
      return;
    }

  cache_key = g_strdup_printf ("%d:%s", kind, code);
  key = g_hash_table_lookup (cache, cache_key);
  if (key == NULL)
    {
      g_autofree char *label = label_for (kind, code);
      char *folded = g_utf8_casefold (label, -1);

      key = g_utf8_collate_key (folded, -1);
      g_free (folded);
      g_hash_table_insert (cache, g_steal_pointer (&cache_key), (char *) key);
    }
  sqlite3_result_text (ctx, key, -1, SQLITE_TRANSIENT);
}

static void
register_functions (VigieStore *store)
{
  GHashTable *cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  /* DIRECTONLY: usable in our queries, never from a view or trigger of the file. */
  sqlite3_create_function_v2 (vigie_store_get_db (store), "vigie_sort_key", 2,
                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
                              cache, sort_key_func, NULL, NULL,
                              (void (*) (void *)) g_hash_table_unref);
}

/* ─── Row ────────────────────────────────────────────────────────────────── */

struct _VigieSiteRow
{
  GObject   parent_instance;

  gint64    id;
  char     *name;
  char     *native_name;
  char     *country;
  char     *country_label;
  char     *location_type;
  char     *location_type_label;
  char     *products_label;
  gint64    workforce;
  double    women_percent;
  int       open_findings;
  int       open_critical;
  char     *last_investigation;
  gboolean  closed;
};

G_DEFINE_FINAL_TYPE (VigieSiteRow, vigie_site_row, G_TYPE_OBJECT)

enum
{
  ROW_PROP_0,
  ROW_PROP_ID,
  ROW_PROP_NAME,
  ROW_PROP_NATIVE_NAME,
  ROW_PROP_COUNTRY,
  ROW_PROP_COUNTRY_LABEL,
  ROW_PROP_LOCATION_TYPE,
  ROW_PROP_LOCATION_TYPE_LABEL,
  ROW_PROP_PRODUCTS_LABEL,
  ROW_PROP_WORKFORCE,
  ROW_PROP_WOMEN_PERCENT,
  ROW_PROP_OPEN_FINDINGS,
  ROW_PROP_OPEN_CRITICAL,
  ROW_PROP_LAST_INVESTIGATION,
  ROW_PROP_CLOSED,
  ROW_N_PROPS
};

static GParamSpec *row_properties[ROW_N_PROPS];

static void
vigie_site_row_finalize (GObject *object)
{
  VigieSiteRow *self = VIGIE_SITE_ROW (object);

  g_free (self->name);
  g_free (self->native_name);
  g_free (self->country);
  g_free (self->country_label);
  g_free (self->location_type);
  g_free (self->location_type_label);
  g_free (self->products_label);
  g_free (self->last_investigation);

  G_OBJECT_CLASS (vigie_site_row_parent_class)->finalize (object);
}

static void
vigie_site_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VigieSiteRow *self = VIGIE_SITE_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case ROW_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case ROW_PROP_NATIVE_NAME:
      g_value_set_string (value, self->native_name);
      break;
    case ROW_PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;
    case ROW_PROP_COUNTRY_LABEL:
      g_value_set_string (value, self->country_label);
      break;
    case ROW_PROP_LOCATION_TYPE:
      g_value_set_string (value, self->location_type);
      break;
    case ROW_PROP_LOCATION_TYPE_LABEL:
      g_value_set_string (value, self->location_type_label);
      break;
    case ROW_PROP_PRODUCTS_LABEL:
      g_value_set_string (value, self->products_label);
      break;
    case ROW_PROP_WORKFORCE:
      g_value_set_int64 (value, self->workforce);
      break;
    case ROW_PROP_WOMEN_PERCENT:
      g_value_set_double (value, self->women_percent);
      break;
    case ROW_PROP_OPEN_FINDINGS:
      g_value_set_int (value, self->open_findings);
      break;
    case ROW_PROP_OPEN_CRITICAL:
      g_value_set_int (value, self->open_critical);
      break;
    case ROW_PROP_LAST_INVESTIGATION:
      g_value_set_string (value, self->last_investigation);
      break;
    case ROW_PROP_CLOSED:
      g_value_set_boolean (value, self->closed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigie_site_row_class_init (VigieSiteRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vigie_site_row_finalize;
  object_class->get_property = vigie_site_row_get_property;

  row_properties[ROW_PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  row_properties[ROW_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "", flags);
  row_properties[ROW_PROP_NATIVE_NAME] =
    g_param_spec_string ("native-name", NULL, NULL, "", flags);
  row_properties[ROW_PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL, "", flags);
  row_properties[ROW_PROP_COUNTRY_LABEL] =
    g_param_spec_string ("country-label", NULL, NULL, "", flags);
  row_properties[ROW_PROP_LOCATION_TYPE] =
    g_param_spec_string ("location-type", NULL, NULL, "", flags);
  row_properties[ROW_PROP_LOCATION_TYPE_LABEL] =
    g_param_spec_string ("location-type-label", NULL, NULL, "", flags);
  row_properties[ROW_PROP_PRODUCTS_LABEL] =
    g_param_spec_string ("products-label", NULL, NULL, "", flags);
  row_properties[ROW_PROP_WORKFORCE] =
    g_param_spec_int64 ("workforce", NULL, NULL, -1, G_MAXINT64, -1, flags);
  row_properties[ROW_PROP_WOMEN_PERCENT] =
    g_param_spec_double ("women-percent", NULL, NULL, -1.0, 100.0, -1.0, flags);
  row_properties[ROW_PROP_OPEN_FINDINGS] =
    g_param_spec_int ("open-findings", NULL, NULL, 0, G_MAXINT, 0, flags);
  row_properties[ROW_PROP_OPEN_CRITICAL] =
    g_param_spec_int ("open-critical", NULL, NULL, 0, G_MAXINT, 0, flags);
  row_properties[ROW_PROP_LAST_INVESTIGATION] =
    g_param_spec_string ("last-investigation", NULL, NULL, "", flags);
  row_properties[ROW_PROP_CLOSED] =
    g_param_spec_boolean ("closed", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
vigie_site_row_init (VigieSiteRow *self)
{
  self->workforce = -1;
  self->women_percent = -1.0;
}

gint64
vigie_site_row_get_id (VigieSiteRow *self)
{
  g_return_val_if_fail (VIGIE_IS_SITE_ROW (self), 0);
  return self->id;
}

const char *
vigie_site_row_get_name (VigieSiteRow *self)
{
  g_return_val_if_fail (VIGIE_IS_SITE_ROW (self), NULL);
  return self->name;
}

const char *
vigie_site_row_get_native_name (VigieSiteRow *self)
{
  g_return_val_if_fail (VIGIE_IS_SITE_ROW (self), NULL);
  return self->native_name;
}

const char *
vigie_site_row_get_country (VigieSiteRow *self)
{
  g_return_val_if_fail (VIGIE_IS_SITE_ROW (self), NULL);
  return self->country;
}

const char *
vigie_site_row_get_country_label (VigieSiteRow *self)
{
  g_return_val_if_fail (VIGIE_IS_SITE_ROW (self), NULL);
  return self->country_label;
}

const char *
vigie_site_row_get_location_type (VigieSiteRow *self)
{
  g_return_val_if_fail (VIGIE_IS_SITE_ROW (self), NULL);
  return self->location_type;
}

const char *
vigie_site_row_get_location_type_label (VigieSiteRow *self)
{
  g_return_val_if_fail (VIGIE_IS_SITE_ROW (self), NULL);
  return self->location_type_label;
}

const char *
vigie_site_row_get_products_label (VigieSiteRow *self)
{
  g_return_val_if_fail (VIGIE_IS_SITE_ROW (self), NULL);
  return self->products_label;
}

gint64
vigie_site_row_get_workforce (VigieSiteRow *self)
{
  g_return_val_if_fail (VIGIE_IS_SITE_ROW (self), -1);
  return self->workforce;
}

double
vigie_site_row_get_women_percent (VigieSiteRow *self)
{
  g_return_val_if_fail (VIGIE_IS_SITE_ROW (self), -1.0);
  return self->women_percent;
}

int
vigie_site_row_get_open_findings (VigieSiteRow *self)
{
  g_return_val_if_fail (VIGIE_IS_SITE_ROW (self), 0);
  return self->open_findings;
}

int
vigie_site_row_get_open_critical (VigieSiteRow *self)
{
  g_return_val_if_fail (VIGIE_IS_SITE_ROW (self), 0);
  return self->open_critical;
}

const char *
vigie_site_row_get_last_investigation (VigieSiteRow *self)
{
  g_return_val_if_fail (VIGIE_IS_SITE_ROW (self), NULL);
  return self->last_investigation;
}

gboolean
vigie_site_row_get_closed (VigieSiteRow *self)
{
  g_return_val_if_fail (VIGIE_IS_SITE_ROW (self), FALSE);
  return self->closed;
}

static const char row_sql[] =
  "SELECT s.name, s.native_name, s.country, s.location_type, s.products, s.closed,"
  "       coalesce (w.total, w.total_max), w.women,"
  "       (SELECT count (*) FROM findings f"
  "         WHERE f.site_id = s.id AND f.status IN " OPEN_STATUSES "),"
  "       (SELECT count (*) FROM findings f"
  "         WHERE f.site_id = s.id AND f.status IN " OPEN_STATUSES
  "           AND f.severity = 'critical'),"
  "       (SELECT max (i.start_date) FROM investigations i WHERE i.site_id = s.id)"
  "  FROM sites s"
  "  LEFT JOIN workforce_snapshots w"
  "    ON w.id = (SELECT w2.id FROM workforce_snapshots w2 WHERE w2.site_id = s.id"
  "                ORDER BY w2.as_of DESC, w2.id DESC LIMIT 1)"
  " WHERE s.id = ?1";

static char *
column_text (sqlite3_stmt *stmt,
             int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  return g_strdup (text != NULL ? text : "");
}

static VigieSiteRow *
build_row (VigieStore  *store,
           gint64       id,
           GError     **error)
{
  sqlite3_stmt *stmt;
  VigieSiteRow *row;
  g_autofree char *products = NULL;

  stmt = vigie_store_prepare (store, row_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!vigie_id_list_step_row (store, stmt, id, error))
    return NULL;

  row = g_object_new (VIGIE_TYPE_SITE_ROW, NULL);
  row->id = id;
  row->name = column_text (stmt, 0);
  row->native_name = column_text (stmt, 1);
  row->country = column_text (stmt, 2);
  row->location_type = column_text (stmt, 3);
  products = column_text (stmt, 4);
  row->closed = sqlite3_column_int (stmt, 5) != 0;
  if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
    {
      row->workforce = sqlite3_column_int64 (stmt, 6);
      if (sqlite3_column_type (stmt, 7) != SQLITE_NULL && row->workforce > 0)
        row->women_percent = 100.0 * (double) sqlite3_column_int64 (stmt, 7)
                             / (double) row->workforce;
    }
  row->open_findings = sqlite3_column_int (stmt, 8);
  row->open_critical = sqlite3_column_int (stmt, 9);
  row->last_investigation = column_text (stmt, 10);
  sqlite3_reset (stmt);

  row->country_label = g_strdup (country_label (row->country));
  row->location_type_label = g_strdup (vigie_vocab_label (VIGIE_VOCAB_LOCATION_TYPE,
                                                          row->location_type));
  row->products_label = vigie_vocab_labels (VIGIE_VOCAB_PRODUCT, products);
  return row;
}

/* ─── The id query ───────────────────────────────────────────────────────── */

/* The sort expressions: fixed SQL fragments chosen by enum (no user text). Unknown values
 * (NULL) sort last in both directions; the name, then the id, break ties. */
static const char *const sort_sql[VIGIE_SITE_N_SORTS] = {
  [VIGIE_SITE_SORT_NAME] = "s.name COLLATE NOCASE",
  [VIGIE_SITE_SORT_COUNTRY] = "vigie_sort_key (0, s.country)",
  [VIGIE_SITE_SORT_LOCATION_TYPE] = "vigie_sort_key (1, s.location_type)",
  [VIGIE_SITE_SORT_PRODUCTS] = "vigie_sort_key (2, s.products)",
  [VIGIE_SITE_SORT_WORKFORCE] =
    "(SELECT coalesce (w.total, w.total_max) FROM workforce_snapshots w"
    "  WHERE w.site_id = s.id ORDER BY w.as_of DESC, w.id DESC LIMIT 1)",
  [VIGIE_SITE_SORT_WOMEN] =
    "(SELECT w.women * 100.0 / nullif (coalesce (w.total, w.total_max), 0)"
    "   FROM workforce_snapshots w"
    "  WHERE w.site_id = s.id ORDER BY w.as_of DESC, w.id DESC LIMIT 1)",
  [VIGIE_SITE_SORT_OPEN_FINDINGS] =
    "(SELECT count (*) FROM findings f"
    "  WHERE f.site_id = s.id AND f.status IN " OPEN_STATUSES ")",
  [VIGIE_SITE_SORT_LAST_INVESTIGATION] =
    "(SELECT max (i.start_date) FROM investigations i WHERE i.site_id = s.id)",
};

static char *
build_ids_sql (const VigieSiteQuery *query,
               gboolean              has_match)
{
  GString *sql = g_string_new ("SELECT s.id FROM sites s");
  const char *dir = query->descending ? "DESC" : "ASC";
  const char *glue = " WHERE ";
  VigieSiteSort sort = query->sort < VIGIE_SITE_N_SORTS ? query->sort : VIGIE_SITE_SORT_NAME;

  if (has_match)
    {
      g_string_append_printf (sql, "%ss.id IN (SELECT rowid FROM sites_fts"
                                   " WHERE sites_fts MATCH ?1)", glue);
      glue = " AND ";
    }
  if (!empty_str (query->country))
    {
      g_string_append_printf (sql, "%ss.country = ?2", glue);
      glue = " AND ";
    }
  if (!empty_str (query->location_type))
    {
      g_string_append_printf (sql, "%ss.location_type = ?3", glue);
      glue = " AND ";
    }
  if (query->only_open_critical)
    {
      g_string_append_printf (sql, "%sEXISTS (SELECT 1 FROM findings f"
                                   " WHERE f.site_id = s.id AND f.severity = 'critical'"
                                   " AND f.status IN " OPEN_STATUSES ")", glue);
      glue = " AND ";
    }
  /* As the annual figures count the sites linked and monitored (vigie-figures.c): ?4 and
   * ?5 are the first and last days of the year. */
  if (query->linked_year > 0 || query->monitored_year > 0)
    {
      g_string_append_printf (sql, "%s(", glue);
      if (query->linked_year > 0)
        g_string_append (sql, "s.id IN (SELECT cs.site_id FROM contract_sites cs"
                              " WHERE cs.contract_id IN (SELECT c.id FROM contracts c"
                              " WHERE (c.start_date IS NULL OR c.start_date <= ?5)"
                              " AND (c.end_date IS NULL OR c.end_date >= ?4)))");
      if (query->linked_year > 0 && query->monitored_year > 0)
        g_string_append (sql, " OR ");
      if (query->monitored_year > 0)
        g_string_append (sql, "s.id IN (SELECT i.site_id FROM investigations i"
                              " WHERE i.start_date <= ?7"
                              " AND (i.end_date IS NULL OR i.end_date >= ?6))");
      g_string_append (sql, ")");
      glue = " AND ";
    }

  if (sort == VIGIE_SITE_SORT_NAME)
    g_string_append_printf (sql, " ORDER BY s.name COLLATE NOCASE %s, s.id %s", dir, dir);
  else
    g_string_append_printf (sql, " ORDER BY %s %s NULLS LAST, s.name COLLATE NOCASE, s.id",
                            sort_sql[sort], dir);
  return g_string_free (sql, FALSE);
}

/* Runs QUERY on STORE (any connection) and returns the ids in order. */
static GArray *
run_ids_query (VigieStore     *store,
               gconstpointer   data,
               GCancellable   *cancellable,
               GError        **error)
{
  const VigieSiteQuery *query = data;
  g_autofree char *match = vigie_site_query_build_match (query->search);
  g_autofree char *sql = build_ids_sql (query, match != NULL);
  sqlite3_stmt *stmt;

  /* At most 2^6 × 8 × 2 distinct statements: the store's statement cache holds them. */
  stmt = vigie_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  if (match != NULL)
    sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  if (!empty_str (query->country))
    sqlite3_bind_text (stmt, 2, query->country, -1, SQLITE_TRANSIENT);
  if (!empty_str (query->location_type))
    sqlite3_bind_text (stmt, 3, query->location_type, -1, SQLITE_TRANSIENT);
  if (query->linked_year > 0)
    {
      char first[16], last[16];

      g_snprintf (first, sizeof first, "%04d-01-01", query->linked_year);
      g_snprintf (last, sizeof last, "%04d-12-31", query->linked_year);
      sqlite3_bind_text (stmt, 4, first, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, last, -1, SQLITE_TRANSIENT);
    }
  if (query->monitored_year > 0)
    {
      char first[16], last[16];

      g_snprintf (first, sizeof first, "%04d-01-01", query->monitored_year);
      g_snprintf (last, sizeof last, "%04d-12-31", query->monitored_year);
      sqlite3_bind_text (stmt, 6, first, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 7, last, -1, SQLITE_TRANSIENT);
    }

  return vigie_id_list_collect_ids (store, stmt, cancellable, error);
}

/* ─── List ───────────────────────────────────────────────────────────────── */

struct _VigieSiteList
{
  VigieIdList parent_instance;
};

G_DEFINE_FINAL_TYPE (VigieSiteList, vigie_site_list, VIGIE_TYPE_ID_LIST)

static gpointer
site_list_build_row (VigieStore     *store,
                     gconstpointer   query,
                     gint64          id,
                     GError        **error)
{
  return build_row (store, id, error);
}

static gpointer
site_list_empty_row (gint64 id)
{
  VigieSiteRow *row = g_object_new (VIGIE_TYPE_SITE_ROW, NULL);

  row->id = id;
  row->name = g_strdup ("");
  row->native_name = g_strdup ("");
  row->country = g_strdup ("");
  row->country_label = g_strdup ("");
  row->location_type = g_strdup ("");
  row->location_type_label = g_strdup ("");
  row->products_label = g_strdup ("");
  row->last_investigation = g_strdup ("");
  return row;
}

static gpointer
site_list_new_query (void)
{
  return vigie_site_query_new ();
}

static gboolean
setup_worker (VigieStore  *connection,
              GError     **error)
{
  register_functions (connection);
  return TRUE;
}

static void
vigie_site_list_class_init (VigieSiteListClass *klass)
{
  VigieIdListClass *list_class = VIGIE_ID_LIST_CLASS (klass);

  list_class->row_type = VIGIE_TYPE_SITE_ROW;
  list_class->query_type = VIGIE_TYPE_SITE_QUERY;
  list_class->new_query = site_list_new_query;
  list_class->run_query = run_ids_query;
  list_class->build_row = site_list_build_row;
  list_class->empty_row = site_list_empty_row;
  list_class->setup_worker = setup_worker;
}

static void
vigie_site_list_init (VigieSiteList *self)
{
}

VigieSiteList *
vigie_site_list_new (VigieStore *store)
{
  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  register_functions (store);
  return g_object_new (VIGIE_TYPE_SITE_LIST, "store", store, NULL);
}

VIGIE_ID_LIST_DEFINE_FUNCTIONS (VigieSiteList, vigie_site_list, VigieSiteQuery, VIGIE_IS_SITE_LIST)

/* ─── Countries in use ───────────────────────────────────────────────────── */

void
vigie_country_count_free (VigieCountryCount *count)
{
  if (count == NULL)
    return;
  g_free (count->code);
  g_free (count->label);
  g_free (count);
}

static int
compare_country_counts (gconstpointer a,
                        gconstpointer b)
{
  const VigieCountryCount *ca = *(VigieCountryCount * const *) a;
  const VigieCountryCount *cb = *(VigieCountryCount * const *) b;

  return g_utf8_collate (ca->label, cb->label);
}

GPtrArray *
vigie_site_list_countries_in_use (VigieStore  *store,
                                  GError     **error)
{
  g_autoptr(GPtrArray) counts = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  /* sites_country (country, name, id) covers this: one index scan, no table access. */
  stmt = vigie_store_prepare (store,
                              "SELECT country, count (*) FROM sites GROUP BY country",
                              error);
  if (stmt == NULL)
    return NULL;

  counts = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_country_count_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigieCountryCount *count = g_new0 (VigieCountryCount, 1);

      count->code = column_text (stmt, 0);
      count->n_sites = sqlite3_column_int64 (stmt, 1);
      count->label = g_strdup (country_label (count->code));
      g_ptr_array_add (counts, count);
    }
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  g_ptr_array_sort (counts, compare_country_counts);
  return g_steal_pointer (&counts);
}

/* vigie-chemical-list.c — chemical products as a lazy GListModel: ids from one SQL query,
 * rows on demand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "vigie-chemical-list.h"
#include "vigie-reference.h"
#include "vigie-site-list.h"
#include "vigie-row-cache.h"
#include "vigie-store-private.h"
#include "vigie-vocab.h"

#define ROW_CACHE_SIZE 512

/* The hazard codes of product p: its own statements and those of its constituents. */
#define PRODUCT_CODES \
  "(SELECT hazard_code FROM product_hazards ph WHERE ph.product_id = p.id " \
  " UNION SELECT sh.hazard_code FROM constituents c " \
  "   JOIN substance_hazards sh ON sh.substance_id = c.substance_id " \
  "  WHERE c.product_id = p.id)"

#define CMR_CODE_TEST(col) \
  "(" col " GLOB 'H35[01]*' OR " col " GLOB 'H36[01]*' OR " col " IN ('H340', 'H341', 'H362'))"

#define CONSTITUENT_FLAG(test) \
  "EXISTS (SELECT 1 FROM constituents c JOIN substances s ON s.id = c.substance_id " \
  "         WHERE c.product_id = p.id AND " test ")"

/* ─── Query ──────────────────────────────────────────────────────────────── */

G_DEFINE_BOXED_TYPE (VigieChemicalQuery, vigie_chemical_query, vigie_chemical_query_copy,
                     vigie_chemical_query_free)

VigieChemicalQuery *
vigie_chemical_query_new (void)
{
  return g_new0 (VigieChemicalQuery, 1);
}

VigieChemicalQuery *
vigie_chemical_query_copy (const VigieChemicalQuery *q)
{
  VigieChemicalQuery *copy;

  g_return_val_if_fail (q != NULL, NULL);

  copy = g_memdup2 (q, sizeof *q);
  copy->search = g_strdup (q->search);
  copy->period = g_strdup (q->period);
  copy->process = g_strdup (q->process);
  copy->hazard_class = g_strdup (q->hazard_class);
  return copy;
}

void
vigie_chemical_query_free (VigieChemicalQuery *q)
{
  if (q == NULL)
    return;
  g_free (q->search);
  g_free (q->period);
  g_free (q->process);
  g_free (q->hazard_class);
  g_free (q);
}

static gboolean
empty_str (const char *s)
{
  return s == NULL || *s == '\0';
}

/* ─── Row ────────────────────────────────────────────────────────────────── */

struct _VigieChemicalRow
{
  GObject  parent_instance;

  gint64   id;
  gint64   site_id;
  char    *site_name;
  char    *period;
  char    *trade_name;
  char    *supplier;
  char    *process;
  char    *process_label;
  double   qty_per_year;
  double   qty_stored_max;
  char    *qty_unit;
  gint64   workers_exposed;
  gint64   women_exposed;
  char    *worst_code;
  char    *worst_text;
  char    *signal_word;
  char   **pictograms;
  guint    flags;
  char    *flags_label;
};

G_DEFINE_FINAL_TYPE (VigieChemicalRow, vigie_chemical_row, G_TYPE_OBJECT)

static void
vigie_chemical_row_finalize (GObject *object)
{
  VigieChemicalRow *self = VIGIE_CHEMICAL_ROW (object);

  g_free (self->site_name);
  g_free (self->period);
  g_free (self->trade_name);
  g_free (self->supplier);
  g_free (self->process);
  g_free (self->process_label);
  g_free (self->qty_unit);
  g_free (self->worst_code);
  g_free (self->worst_text);
  g_free (self->signal_word);
  g_strfreev (self->pictograms);
  g_free (self->flags_label);
  G_OBJECT_CLASS (vigie_chemical_row_parent_class)->finalize (object);
}

static void
vigie_chemical_row_class_init (VigieChemicalRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vigie_chemical_row_finalize;
}

static void
vigie_chemical_row_init (VigieChemicalRow *self)
{
  self->qty_per_year = NAN;
  self->qty_stored_max = NAN;
  self->workers_exposed = -1;
  self->women_exposed = -1;
}

#define GETTER(type, name, fallback) \
  type vigie_chemical_row_get_##name (VigieChemicalRow *self) \
  { \
    g_return_val_if_fail (VIGIE_IS_CHEMICAL_ROW (self), fallback); \
    return self->name; \
  }

GETTER (gint64, id, 0)
GETTER (gint64, site_id, 0)
GETTER (const char *, site_name, NULL)
GETTER (const char *, period, NULL)
GETTER (const char *, trade_name, NULL)
GETTER (const char *, supplier, NULL)
GETTER (const char *, process, NULL)
GETTER (const char *, process_label, NULL)
GETTER (double, qty_per_year, NAN)
GETTER (double, qty_stored_max, NAN)
GETTER (const char *, qty_unit, NULL)
GETTER (gint64, workers_exposed, -1)
GETTER (gint64, women_exposed, -1)
GETTER (const char *, worst_code, NULL)
GETTER (const char *, worst_text, NULL)
GETTER (const char *, signal_word, NULL)
GETTER (guint, flags, 0)
GETTER (const char *, flags_label, NULL)
#undef GETTER

const char * const *
vigie_chemical_row_get_pictograms (VigieChemicalRow *self)
{
  g_return_val_if_fail (VIGIE_IS_CHEMICAL_ROW (self), NULL);
  return (const char * const *) self->pictograms;
}

static char *
column_text (sqlite3_stmt *stmt,
             int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  return g_strdup (text != NULL ? text : "");
}

static const char row_sql[] =
  "SELECT p.site_id, s.name, p.period, p.trade_name, p.supplier, p.process, p.qty_per_year, "
  "       p.qty_stored_max, p.qty_unit, p.workers_exposed, p.women_exposed, "
  "       p.sds_available, p.sds_in_workers_language, p.ppe_adequate_reported, "
  "       EXISTS (SELECT 1 FROM " PRODUCT_CODES " x WHERE " CMR_CODE_TEST ("x.hazard_code") ")"
  "         OR " CONSTITUENT_FLAG ("s.cmr_category IS NOT NULL") ", "
  "       " CONSTITUENT_FLAG ("s.svhc = 1") ", "
  "       " CONSTITUENT_FLAG ("s.sin_list = 1") ", "
  "       " CONSTITUENT_FLAG ("s.rohs_restricted = 1")
  "  FROM chemical_products p JOIN sites s ON s.id = p.site_id"
  " WHERE p.id = ?1";

static const char codes_sql[] =
  "SELECT h.code, h.kind, h.signal_word FROM hazard_statements h"
  " WHERE h.code IN (SELECT hazard_code FROM product_hazards WHERE product_id = ?1"
  "   UNION SELECT sh.hazard_code FROM constituents c"
  "   JOIN substance_hazards sh ON sh.substance_id = c.substance_id WHERE c.product_id = ?1)";

static int
hazard_rank (const char *code,
             const char *kind,
             const char *signal)
{
  int rank = 0;

  if (g_strcmp0 (signal, "danger") == 0)
    rank += 2000;
  else if (g_strcmp0 (signal, "warning") == 0)
    rank += 1000;
  if (vigie_chemical_cmr_flags_for_code (code) != VIGIE_CMR_NONE)
    rank += 500;
  if (g_strcmp0 (kind, "health") == 0)
    rank += 300;
  else if (g_strcmp0 (kind, "physical") == 0)
    rank += 200;
  else if (g_strcmp0 (kind, "environmental") == 0)
    rank += 100;
  /* Lower numbers are the more severe statements within a group (H300 before H302). */
  if (code != NULL && code[0] == 'H')
    rank += 99 - (int) (g_ascii_strtoll (code + 1, NULL, 10) % 100);
  return rank;
}

static void
set_flags_label (VigieChemicalRow *row)
{
  static const struct { guint flag; const char *label; } names[] = {
    /* Translators: short flags of a chemical product in a list column */
    { VIGIE_CHEMICAL_FLAG_CMR, N_("CMR") },
    { VIGIE_CHEMICAL_FLAG_SVHC, N_("SVHC") },
    { VIGIE_CHEMICAL_FLAG_SIN, N_("SIN") },
    { VIGIE_CHEMICAL_FLAG_ROHS, N_("RoHS") },
    { VIGIE_CHEMICAL_FLAG_NO_SDS, N_("no SDS") },
    { VIGIE_CHEMICAL_FLAG_SDS_LANGUAGE, N_("SDS language") },
    { VIGIE_CHEMICAL_FLAG_PPE_INADEQUATE, N_("PPE inadequate") },
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (row->flags & names[i].flag)
      {
        if (out->len > 0)
          /* Translators: separator between flags */
          g_string_append (out, C_("flags", ", "));
        g_string_append (out, _(names[i].label));
      }
  row->flags_label = g_string_free (out, FALSE);
}

static VigieChemicalRow *
build_row (VigieStore  *store,
           gint64       id,
           GError     **error)
{
  g_autoptr(VigieChemicalRow) row = NULL;
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(VigieLabelElements) label = NULL;
  sqlite3_stmt *stmt;
  int best = -1;
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
                     _("The chemical product %lld does not exist."), (long long) id);
      else
        vigie_store_set_error (store, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  row = g_object_new (VIGIE_TYPE_CHEMICAL_ROW, NULL);
  row->id = id;
  row->site_id = sqlite3_column_int64 (stmt, 0);
  row->site_name = column_text (stmt, 1);
  row->period = column_text (stmt, 2);
  row->trade_name = column_text (stmt, 3);
  row->supplier = column_text (stmt, 4);
  row->process = column_text (stmt, 5);
  if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
    row->qty_per_year = sqlite3_column_double (stmt, 6);
  if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
    row->qty_stored_max = sqlite3_column_double (stmt, 7);
  row->qty_unit = column_text (stmt, 8);
  if (sqlite3_column_type (stmt, 9) != SQLITE_NULL)
    row->workers_exposed = sqlite3_column_int64 (stmt, 9);
  if (sqlite3_column_type (stmt, 10) != SQLITE_NULL)
    row->women_exposed = sqlite3_column_int64 (stmt, 10);
  if (sqlite3_column_int (stmt, 11) == 0)
    row->flags |= VIGIE_CHEMICAL_FLAG_NO_SDS;
  else if (sqlite3_column_int (stmt, 12) == 0)
    row->flags |= VIGIE_CHEMICAL_FLAG_SDS_LANGUAGE;
  if (sqlite3_column_type (stmt, 13) != SQLITE_NULL && sqlite3_column_int (stmt, 13) == 0)
    row->flags |= VIGIE_CHEMICAL_FLAG_PPE_INADEQUATE;
  if (sqlite3_column_int (stmt, 14))
    row->flags |= VIGIE_CHEMICAL_FLAG_CMR;
  if (sqlite3_column_int (stmt, 15))
    row->flags |= VIGIE_CHEMICAL_FLAG_SVHC;
  if (sqlite3_column_int (stmt, 16))
    row->flags |= VIGIE_CHEMICAL_FLAG_SIN;
  if (sqlite3_column_int (stmt, 17))
    row->flags |= VIGIE_CHEMICAL_FLAG_ROHS;
  sqlite3_reset (stmt);

  row->process_label = g_strdup (vigie_vocab_label (VIGIE_VOCAB_CHEMICAL_PROCESS, row->process));
  set_flags_label (row);

  stmt = vigie_store_prepare (store, codes_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 0);
      int rank = hazard_rank (code, (const char *) sqlite3_column_text (stmt, 1),
                              (const char *) sqlite3_column_text (stmt, 2));

      g_ptr_array_add (codes, g_strdup (code));
      if (rank > best)
        {
          best = rank;
          g_free (row->worst_code);
          row->worst_code = g_strdup (code);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      return NULL;
    }
  g_ptr_array_add (codes, NULL);

  label = vigie_chemical_label_elements (store, (const char * const *) codes->pdata, error);
  if (label == NULL)
    return NULL;
  row->pictograms = g_steal_pointer (&label->pictograms);
  row->signal_word = g_strdup (label->signal_word != NULL ? label->signal_word : "");
  if (row->worst_code != NULL)
    {
      g_autoptr(VigieHazardStatement) h = vigie_chemical_get_hazard_statement (store,
                                                                              row->worst_code,
                                                                              NULL);

      row->worst_text = g_strdup (h != NULL ? vigie_reference_text (h->text) : "");
    }
  else
    {
      row->worst_code = g_strdup ("");
      row->worst_text = g_strdup ("");
    }
  return g_steal_pointer (&row);
}

/* ─── The id query ───────────────────────────────────────────────────────── */

static const char *const sort_sql[VIGIE_CHEMICAL_N_SORTS] = {
  [VIGIE_CHEMICAL_SORT_TRADE_NAME] = "p.trade_name COLLATE NOCASE",
  [VIGIE_CHEMICAL_SORT_SITE] = "(SELECT s.name FROM sites s WHERE s.id = p.site_id) COLLATE NOCASE",
  [VIGIE_CHEMICAL_SORT_PERIOD] = "p.period",
  [VIGIE_CHEMICAL_SORT_PROCESS] = "p.process",
  [VIGIE_CHEMICAL_SORT_QTY_YEAR] = "p.qty_per_year",
  [VIGIE_CHEMICAL_SORT_QTY_STORED] = "p.qty_stored_max",
  [VIGIE_CHEMICAL_SORT_WORKERS] = "p.workers_exposed",
  [VIGIE_CHEMICAL_SORT_WOMEN] = "p.women_exposed",
};

static char *
build_ids_sql (const VigieChemicalQuery *q,
               gboolean                  has_match)
{
  GString *sql = g_string_new ("SELECT p.id FROM chemical_products p WHERE 1");
  const char *dir = q->descending ? "DESC" : "ASC";
  VigieChemicalSort sort = q->sort < VIGIE_CHEMICAL_N_SORTS ? q->sort : VIGIE_CHEMICAL_SORT_TRADE_NAME;
  guint sds = q->flags & (VIGIE_CHEMICAL_FLAG_NO_SDS | VIGIE_CHEMICAL_FLAG_SDS_LANGUAGE);

  if (has_match)
    g_string_append (sql, " AND p.id IN (SELECT rowid FROM chemical_products_fts"
                          " WHERE chemical_products_fts MATCH ?1)");
  if (q->site_id > 0)
    g_string_append (sql, " AND p.site_id = ?2");
  if (!empty_str (q->period))
    g_string_append (sql, " AND p.period = ?3");
  if (!empty_str (q->process))
    g_string_append (sql, " AND p.process = ?4");
  if (!empty_str (q->hazard_class))
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM hazard_statements h"
                          " WHERE h.hazard_class = ?5 AND h.code IN " PRODUCT_CODES ")");
  if (q->flags & VIGIE_CHEMICAL_FLAG_CMR)
    g_string_append (sql, " AND (EXISTS (SELECT 1 FROM " PRODUCT_CODES " x WHERE "
                          CMR_CODE_TEST ("x.hazard_code") ") OR "
                          CONSTITUENT_FLAG ("s.cmr_category IS NOT NULL") ")");
  if (q->flags & VIGIE_CHEMICAL_FLAG_SVHC)
    g_string_append (sql, " AND " CONSTITUENT_FLAG ("s.svhc = 1"));
  if (q->flags & VIGIE_CHEMICAL_FLAG_SIN)
    g_string_append (sql, " AND " CONSTITUENT_FLAG ("s.sin_list = 1"));
  if (q->flags & VIGIE_CHEMICAL_FLAG_ROHS)
    g_string_append (sql, " AND " CONSTITUENT_FLAG ("s.rohs_restricted = 1"));
  if (sds == (VIGIE_CHEMICAL_FLAG_NO_SDS | VIGIE_CHEMICAL_FLAG_SDS_LANGUAGE))
    g_string_append (sql, " AND (p.sds_available = 0 OR p.sds_in_workers_language = 0)");
  else if (sds == VIGIE_CHEMICAL_FLAG_NO_SDS)
    g_string_append (sql, " AND p.sds_available = 0");
  else if (sds == VIGIE_CHEMICAL_FLAG_SDS_LANGUAGE)
    g_string_append (sql, " AND p.sds_available = 1 AND p.sds_in_workers_language = 0");
  if (q->flags & VIGIE_CHEMICAL_FLAG_PPE_INADEQUATE)
    g_string_append (sql, " AND p.ppe_adequate_reported = 0");

  if (sort == VIGIE_CHEMICAL_SORT_TRADE_NAME)
    g_string_append_printf (sql, " ORDER BY p.trade_name COLLATE NOCASE %s, p.id %s", dir, dir);
  else
    g_string_append_printf (sql, " ORDER BY %s %s NULLS LAST, p.trade_name COLLATE NOCASE, p.id",
                            sort_sql[sort], dir);
  return g_string_free (sql, FALSE);
}

static GArray *
run_ids_query (VigieStore                *store,
               const VigieChemicalQuery  *q,
               GCancellable              *cancellable,
               GError                   **error)
{
  g_autofree char *match = vigie_site_query_build_match (q->search);
  g_autofree char *sql = build_ids_sql (q, match != NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = vigie_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  if (match != NULL)
    sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  if (q->site_id > 0)
    sqlite3_bind_int64 (stmt, 2, q->site_id);
  if (!empty_str (q->period))
    sqlite3_bind_text (stmt, 3, q->period, -1, SQLITE_TRANSIENT);
  if (!empty_str (q->process))
    sqlite3_bind_text (stmt, 4, q->process, -1, SQLITE_TRANSIENT);
  if (!empty_str (q->hazard_class))
    sqlite3_bind_text (stmt, 5, q->hazard_class, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      if ((ids->len & 0xfff) == 0 && g_cancellable_is_cancelled (cancellable))
        {
          sqlite3_reset (stmt);
          g_cancellable_set_error_if_cancelled (cancellable, error);
          return NULL;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

char **
vigie_chemical_list_hazard_classes (VigieStore  *store,
                                    GError     **error)
{
  g_autoptr(GPtrArray) classes = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  stmt = vigie_store_prepare (store,
                              "SELECT DISTINCT h.hazard_class FROM hazard_statements h "
                              "WHERE h.hazard_class <> '' AND (h.code IN "
                              "(SELECT hazard_code FROM product_hazards) OR h.code IN "
                              "(SELECT sh.hazard_code FROM substance_hazards sh "
                              "  JOIN constituents c ON c.substance_id = sh.substance_id)) "
                              "ORDER BY 1", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (classes, column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      return NULL;
    }
  g_ptr_array_add (classes, NULL);
  return (char **) g_ptr_array_steal (classes, NULL);
}

/* ─── List ───────────────────────────────────────────────────────────────── */

struct _VigieChemicalList
{
  GObject             parent_instance;

  VigieStore         *store;
  VigieChemicalQuery *query;
  GArray             *ids;
  GHashTable         *hidden;      /* gint64* set */
  VigieRowCache      *rows;        /* built rows, least recently used evicted */

  GMutex              worker_lock;
  VigieStore         *worker;
  gint                serial;
};

static void vigie_chemical_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VigieChemicalList, vigie_chemical_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      vigie_chemical_list_model_init))

static void
vigie_chemical_list_dispose (GObject *object)
{
  VigieChemicalList *self = VIGIE_CHEMICAL_LIST (object);

  if (self->rows != NULL)
    vigie_row_cache_clear (self->rows);
  g_mutex_lock (&self->worker_lock);
  g_clear_object (&self->worker);
  g_mutex_unlock (&self->worker_lock);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (vigie_chemical_list_parent_class)->dispose (object);
}

static void
vigie_chemical_list_finalize (GObject *object)
{
  VigieChemicalList *self = VIGIE_CHEMICAL_LIST (object);

  g_clear_pointer (&self->query, vigie_chemical_query_free);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->hidden, g_hash_table_unref);
  g_clear_pointer (&self->rows, vigie_row_cache_free);
  g_mutex_clear (&self->worker_lock);
  G_OBJECT_CLASS (vigie_chemical_list_parent_class)->finalize (object);
}

static void
vigie_chemical_list_class_init (VigieChemicalListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vigie_chemical_list_dispose;
  object_class->finalize = vigie_chemical_list_finalize;
}

static void
vigie_chemical_list_init (VigieChemicalList *self)
{
  self->query = vigie_chemical_query_new ();
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->hidden = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->rows = vigie_row_cache_new (ROW_CACHE_SIZE);
  g_mutex_init (&self->worker_lock);
}

static GType
vigie_chemical_list_get_item_type (GListModel *model)
{
  return VIGIE_TYPE_CHEMICAL_ROW;
}

static guint
vigie_chemical_list_get_n_items (GListModel *model)
{
  return VIGIE_CHEMICAL_LIST (model)->ids->len;
}

static gpointer
vigie_chemical_list_get_item (GListModel *model,
                              guint       position)
{
  VigieChemicalList *self = VIGIE_CHEMICAL_LIST (model);
  g_autoptr(GError) error = NULL;
  VigieChemicalRow *row;
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
      g_debug ("Chemical product %" G_GINT64_FORMAT " could not be read: %s", id,
               error != NULL ? error->message : "");
      row = g_object_new (VIGIE_TYPE_CHEMICAL_ROW, NULL);
      row->id = id;
      row->site_name = g_strdup ("");
      row->period = g_strdup ("");
      row->trade_name = g_strdup ("");
      row->supplier = g_strdup ("");
      row->process = g_strdup ("");
      row->process_label = g_strdup ("");
      row->qty_unit = g_strdup ("");
      row->worst_code = g_strdup ("");
      row->worst_text = g_strdup ("");
      row->signal_word = g_strdup ("");
      row->pictograms = g_new0 (char *, 1);
      row->flags_label = g_strdup ("");
      return row;
    }
  vigie_row_cache_insert (self->rows, id, row);
  return row;
}

static void
vigie_chemical_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = vigie_chemical_list_get_item_type;
  iface->get_n_items = vigie_chemical_list_get_n_items;
  iface->get_item = vigie_chemical_list_get_item;
}

VigieChemicalList *
vigie_chemical_list_new (VigieStore *store)
{
  VigieChemicalList *self;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  self = g_object_new (VIGIE_TYPE_CHEMICAL_LIST, NULL);
  self->store = g_object_ref (store);
  return self;
}

const VigieChemicalQuery *
vigie_chemical_list_get_query (VigieChemicalList *self)
{
  g_return_val_if_fail (VIGIE_IS_CHEMICAL_LIST (self), NULL);
  return self->query;
}

static void
swap_ids (VigieChemicalList *self,
          GArray            *ids)
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
vigie_chemical_list_set_query (VigieChemicalList         *self,
                               const VigieChemicalQuery  *query,
                               GError                   **error)
{
  GArray *ids;

  g_return_val_if_fail (VIGIE_IS_CHEMICAL_LIST (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  g_atomic_int_inc (&self->serial);
  ids = run_ids_query (self->store, query, NULL, error);
  if (ids == NULL)
    return FALSE;
  if (query != self->query)
    {
      vigie_chemical_query_free (self->query);
      self->query = vigie_chemical_query_copy (query);
    }
  swap_ids (self, ids);
  return TRUE;
}

gboolean
vigie_chemical_list_reload (VigieChemicalList  *self,
                            GError            **error)
{
  g_return_val_if_fail (VIGIE_IS_CHEMICAL_LIST (self), FALSE);
  return vigie_chemical_list_set_query (self, self->query, error);
}

typedef struct
{
  VigieChemicalQuery *query;
  gint                serial;
} QueryTaskData;

static void
query_task_data_free (gpointer data)
{
  QueryTaskData *td = data;

  vigie_chemical_query_free (td->query);
  g_free (td);
}

static void
query_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  VigieChemicalList *self = source_object;
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
    ids = run_ids_query (self->worker, td->query, cancellable, &error);
  g_mutex_unlock (&self->worker_lock);

  if (ids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
}

void
vigie_chemical_list_set_query_async (VigieChemicalList        *self,
                                     const VigieChemicalQuery *query,
                                     GCancellable             *cancellable,
                                     GAsyncReadyCallback       callback,
                                     gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  QueryTaskData *td;

  g_return_if_fail (VIGIE_IS_CHEMICAL_LIST (self));
  g_return_if_fail (query != NULL);

  td = g_new0 (QueryTaskData, 1);
  td->query = vigie_chemical_query_copy (query);
  td->serial = g_atomic_int_add (&self->serial, 1) + 1;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vigie_chemical_list_set_query_async);
  g_task_set_task_data (task, td, query_task_data_free);
  g_task_run_in_thread (task, query_thread);
}

gboolean
vigie_chemical_list_set_query_finish (VigieChemicalList  *self,
                                      GAsyncResult       *result,
                                      GError            **error)
{
  QueryTaskData *td;
  GArray *ids;

  g_return_val_if_fail (VIGIE_IS_CHEMICAL_LIST (self), FALSE);
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
  vigie_chemical_query_free (self->query);
  self->query = vigie_chemical_query_copy (td->query);
  swap_ids (self, ids);
  return TRUE;
}

guint
vigie_chemical_list_find_position (VigieChemicalList *self,
                                   gint64             id)
{
  g_return_val_if_fail (VIGIE_IS_CHEMICAL_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;
  return G_MAXUINT;
}

void
vigie_chemical_list_refresh_id (VigieChemicalList *self,
                                gint64             id)
{
  guint position;

  g_return_if_fail (VIGIE_IS_CHEMICAL_LIST (self));

  vigie_row_cache_forget (self->rows, id);
  position = vigie_chemical_list_find_position (self, id);
  if (position != G_MAXUINT)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

void
vigie_chemical_list_hide_id (VigieChemicalList *self,
                             gint64             id)
{
  guint position;

  g_return_if_fail (VIGIE_IS_CHEMICAL_LIST (self));

  g_hash_table_add (self->hidden, g_memdup2 (&id, sizeof id));
  vigie_row_cache_forget (self->rows, id);
  position = vigie_chemical_list_find_position (self, id);
  if (position != G_MAXUINT)
    {
      g_array_remove_index (self->ids, position);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
    }
}

void
vigie_chemical_list_unhide_id (VigieChemicalList *self,
                               gint64             id)
{
  g_return_if_fail (VIGIE_IS_CHEMICAL_LIST (self));
  g_hash_table_remove (self->hidden, &id);
}

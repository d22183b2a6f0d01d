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
#include "vigie-store-private.h"
#include "vigie-vocab.h"

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
  if (!vigie_id_list_step_row (store, stmt, id, error))
    return NULL;
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
run_ids_query (VigieStore     *store,
               gconstpointer   query,
               GCancellable   *cancellable,
               GError        **error)
{
  const VigieChemicalQuery *q = query;
  g_autofree char *match = vigie_site_query_build_match (q->search);
  g_autofree char *sql = build_ids_sql (q, match != NULL);
  sqlite3_stmt *stmt;

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
  return vigie_id_list_collect_ids (store, stmt, cancellable, error);
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
  VigieIdList parent_instance;
};

/* The lane of the filters' choices (see vigie_id_list_run_async). */
#define LANE_CHOICES 1

G_DEFINE_FINAL_TYPE (VigieChemicalList, vigie_chemical_list, VIGIE_TYPE_ID_LIST)

static gpointer
chemical_list_build_row (VigieStore     *store,
                         gconstpointer   query,
                         gint64          id,
                         GError        **error)
{
  return build_row (store, id, error);
}

static gpointer
chemical_list_empty_row (gint64 id)
{
  VigieChemicalRow *row = g_object_new (VIGIE_TYPE_CHEMICAL_ROW, NULL);

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

static gpointer
chemical_list_new_query (void)
{
  return vigie_chemical_query_new ();
}

static void
vigie_chemical_list_class_init (VigieChemicalListClass *klass)
{
  VigieIdListClass *list_class = VIGIE_ID_LIST_CLASS (klass);

  list_class->row_type = VIGIE_TYPE_CHEMICAL_ROW;
  list_class->query_type = VIGIE_TYPE_CHEMICAL_QUERY;
  list_class->new_query = chemical_list_new_query;
  list_class->run_query = run_ids_query;
  list_class->build_row = chemical_list_build_row;
  list_class->empty_row = chemical_list_empty_row;
}

static void
vigie_chemical_list_init (VigieChemicalList *self)
{
}

VigieChemicalList *
vigie_chemical_list_new (VigieStore *store)
{
  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);
  return g_object_new (VIGIE_TYPE_CHEMICAL_LIST, "store", store, NULL);
}

VIGIE_ID_LIST_DEFINE_FUNCTIONS (VigieChemicalList, vigie_chemical_list, VigieChemicalQuery,
                                VIGIE_IS_CHEMICAL_LIST)

/* ─── Choices of the filters ─────────────────────────────────────────────── */

void
vigie_chemical_choices_free (VigieChemicalChoices *choices)
{
  if (choices == NULL)
    return;
  g_clear_pointer (&choices->inventories, g_ptr_array_unref);
  g_strfreev (choices->hazard_classes);
  g_free (choices);
}

static gpointer
load_choices_func (VigieStore    *connection,
                   gpointer       request,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(VigieChemicalChoices) choices = g_new0 (VigieChemicalChoices, 1);

  choices->inventories = vigie_chemical_list_inventories (connection, 0, error);
  if (choices->inventories == NULL)
    return NULL;
  choices->hazard_classes = vigie_chemical_list_hazard_classes (connection, error);
  if (choices->hazard_classes == NULL)
    return NULL;
  return g_steal_pointer (&choices);
}

void
vigie_chemical_list_load_choices_async (VigieChemicalList   *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (VIGIE_IS_CHEMICAL_LIST (self));

  vigie_id_list_run_async (VIGIE_ID_LIST (self), LANE_CHOICES, load_choices_func, NULL, NULL,
                           (GDestroyNotify) vigie_chemical_choices_free, cancellable,
                           callback, user_data);
}

VigieChemicalChoices *
vigie_chemical_list_load_choices_finish (VigieChemicalList  *self,
                                         GAsyncResult       *result,
                                         GError            **error)
{
  g_return_val_if_fail (VIGIE_IS_CHEMICAL_LIST (self), NULL);
  return vigie_id_list_run_finish (VIGIE_ID_LIST (self), LANE_CHOICES, result, error);
}

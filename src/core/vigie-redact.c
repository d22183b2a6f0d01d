/* vigie-redact.c — the one redaction mechanism of every export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigie-redact.h"
#include "vigie-reference.h"
#include "vigie-store-private.h"
#include "vigie-util.h"
#include "vigie-vocab.h"

static const char * const level_codes[VIGIE_N_LEVELS] = {
  "internal", "workers", "employer", "brand", "affiliates", "public",
};

gboolean
vigie_disclosure_level_parse (const char           *code,
                              VigieDisclosureLevel *level)
{
  for (int i = 0; i < VIGIE_N_LEVELS; i++)
    if (g_strcmp0 (code, level_codes[i]) == 0)
      {
        if (level != NULL)
          *level = (VigieDisclosureLevel) i;
        return TRUE;
      }
  return FALSE;
}

const char *
vigie_disclosure_level_code (VigieDisclosureLevel level)
{
  g_return_val_if_fail (level < VIGIE_N_LEVELS, "internal");
  return level_codes[level];
}

/* ─── The rules ──────────────────────────────────────────────────────────── */

gboolean
vigie_redact_finding_visible (const char           *finding_level,
                              VigieDisclosureLevel  level)
{
  VigieDisclosureLevel own = VIGIE_LEVEL_INTERNAL;

  if (!vigie_disclosure_level_parse (finding_level, &own))
    own = VIGIE_LEVEL_INTERNAL;
  return own >= level;
}

gboolean
vigie_redact_evidence_visible (gboolean             confidential,
                               VigieDisclosureLevel level)
{
  return !confidential || level == VIGIE_LEVEL_INTERNAL;
}

gboolean
vigie_redact_internal_visible (VigieDisclosureLevel level)
{
  return level == VIGIE_LEVEL_INTERNAL;
}

static void
blank (char **field)
{
  g_free (*field);
  *field = g_strdup ("");
}

static void
set_str (char       **field,
         const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

static void
clear (char **field)
{
  g_clear_pointer (field, g_free);
}

void
vigie_redact_site_record (VigieSiteRecord      *record,
                          VigieDisclosureLevel  level)
{
  if (!vigie_redact_internal_visible (level))
    blank (&record->notes);
}

void
vigie_redact_workforce_record (VigieWorkforceRecord *record,
                               VigieDisclosureLevel  level)
{
  if (!vigie_redact_internal_visible (level))
    blank (&record->notes);
}

void
vigie_redact_investigation (VigieInvestigationRecord *record,
                            VigieDisclosureLevel      level)
{
  if (!vigie_redact_internal_visible (level))
    blank (&record->notes);
}

void
vigie_redact_activity (VigieActivityRecord  *record,
                       VigieDisclosureLevel  level)
{
  if (!vigie_redact_internal_visible (level))
    blank (&record->notes);
}

void
vigie_redact_finding_record (VigieFindingRecord   *record,
                             VigieDisclosureLevel  level)
{
  if (!vigie_redact_internal_visible (level))
    blank (&record->notes);
}

/* Which evidence fields LEVEL may see: the same rules as the export cursor's policies. */
static gboolean
evidence_quote_visible (const char           *kind,
                        gboolean              consent,
                        VigieDisclosureLevel  level)
{
  return vigie_redact_internal_visible (level) || g_strcmp0 (kind, "testimony") != 0 || consent;
}

static gboolean
evidence_detail_visible (const char           *kind,
                         VigieDisclosureLevel  level)
{
  return vigie_redact_internal_visible (level) || g_strcmp0 (kind, "testimony") != 0;
}

void
vigie_redact_evidence_record (VigieEvidenceRecord  *record,
                              VigieDisclosureLevel  level)
{
  if (!evidence_quote_visible (record->kind, record->consent_to_quote, level))
    blank (&record->summary);
  if (!evidence_detail_visible (record->kind, level))
    {
      clear (&record->collected_on);
      clear (&record->media_type);
    }
  if (!vigie_redact_internal_visible (level))
    {
      blank (&record->notes);
      clear (&record->file_name);
      clear (&record->file_sha256);
      record->file_size = -1;
      blank (&record->uuid);
    }
}

void
vigie_redact_action_record (VigieActionRecord    *record,
                            VigieDisclosureLevel  level)
{
  if (!vigie_redact_internal_visible (level))
    blank (&record->notes);
}

void
vigie_redact_status_change (VigieStatusChange    *change,
                            VigieDisclosureLevel  level)
{
  if (!vigie_redact_internal_visible (level))
    {
      blank (&change->changed_by);
      blank (&change->note);
      change->evidence_id = 0;
    }
}

void
vigie_redact_grievance_record (VigieGrievanceRecord *record,
                               VigieDisclosureLevel  level)
{
  if (!vigie_redact_internal_visible (level))
    blank (&record->notes);
}

/* ─── Factory report data ────────────────────────────────────────────────── */

static void
report_standard_free (VigieReportStandard *s)
{
  g_free (s->key);
  g_free (s->code);
  g_free (s->title);
  g_free (s);
}

static void
report_action_free (VigieReportAction *a)
{
  vigie_action_record_free (a->action);
  g_free (a->responsible);
  g_ptr_array_unref (a->history);
  g_free (a);
}

static void
report_finding_free (VigieReportFinding *f)
{
  vigie_finding_record_free (f->finding);
  g_free (f->theme_title);
  g_ptr_array_unref (f->standards);
  g_ptr_array_unref (f->indicators);
  g_ptr_array_unref (f->evidence);
  g_ptr_array_unref (f->actions);
  g_free (f);
}

static void
report_investigation_free (VigieReportInvestigation *i)
{
  vigie_investigation_record_free (i->investigation);
  g_ptr_array_unref (i->activities);
  g_free (i);
}

void
vigie_site_report_free (VigieSiteReport *report)
{
  if (report == NULL)
    return;
  g_free (report->period_start);
  g_free (report->period_end);
  g_clear_pointer (&report->site, vigie_site_record_free);
  g_free (report->country_name);
  g_clear_pointer (&report->brands, g_ptr_array_unref);
  g_clear_pointer (&report->affiliates, g_ptr_array_unref);
  g_clear_pointer (&report->product_models, g_ptr_array_unref);
  g_clear_pointer (&report->workforce, g_ptr_array_unref);
  g_clear_pointer (&report->investigations, g_ptr_array_unref);
  g_clear_pointer (&report->findings, g_ptr_array_unref);
  g_clear_pointer (&report->grievances, g_ptr_array_unref);
  g_clear_pointer (&report->hazards, vigie_hazard_summary_free);
  g_free (report);
}

/* The text values of the one-column query SQL with ?1 = ID. */
static GPtrArray *
query_strings (VigieStore  *store,
               const char  *sql,
               gint64       id,
               GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = vigie_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

static GArray *
query_ids (VigieStore  *store,
           const char  *sql,
           gint64       id,
           const char  *from,
           const char  *to,
           GError     **error)
{
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = vigie_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    {
      vigie_bind_text (stmt, 2, from);
      vigie_bind_text (stmt, 3, to);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 v = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (out, v);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

static gboolean
load_finding_details (VigieStore          *store,
                      VigieReportFinding  *rf,
                      VigieDisclosureLevel level,
                      GError             **error)
{
  gint64 id = rf->finding->id;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GArray) action_ids = NULL;
  sqlite3_stmt *stmt;
  int rc;

  /* Standards (every code), with their English titles. */
  stmt = vigie_store_prepare (store,
                              "SELECT st.key, c.code, st.title FROM finding_standards fs"
                              " JOIN standards st ON st.id = fs.standard_id"
                              " JOIN code_standards c ON c.id = st.code_id"
                              " WHERE fs.finding_id = ?1"
                              " ORDER BY c.id, st.sort_order, st.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigieReportStandard *s = g_new0 (VigieReportStandard, 1);

      s->key = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      s->code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      s->title = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (rf->standards, s);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      return FALSE;
    }

  g_ptr_array_unref (rf->indicators);
  rf->indicators = query_strings (store,
                                  "SELECT i.title FROM finding_indicators fi"
                                  " JOIN fl_indicators i ON i.id = fi.indicator_id"
                                  " WHERE fi.finding_id = ?1 ORDER BY i.sort_order, i.id",
                                  id, error);
  if (rf->indicators == NULL)
    return FALSE;

  /* The theme: its English title and its place in the organisation's code. */
  stmt = vigie_store_prepare (store,
                              "SELECT st.title, st.sort_order FROM standards st"
                              " JOIN code_standards c ON c.id = st.code_id"
                              " WHERE st.key = ?1 AND c.code = 'vigie'"
                              " ORDER BY c.id DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  vigie_bind_text_or_empty (stmt, 1, rf->finding->theme);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      rf->theme_title = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      rf->theme_order = sqlite3_column_int (stmt, 1);
    }
  else
    {
      rf->theme_title = g_strdup ("");
      rf->theme_order = G_MAXINT;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      return FALSE;
    }

  /* Evidence: only what LEVEL may see, with the invisible fields blanked. */
  evidence = vigie_store_list_evidence (store, id, error);
  if (evidence == NULL)
    return FALSE;
  for (guint i = 0; i < evidence->len; i++)
    {
      VigieEvidenceRecord *e = g_ptr_array_index (evidence, i);

      if (!vigie_redact_evidence_visible (e->confidential, level))
        continue;
      e = vigie_evidence_record_copy (e);
      vigie_redact_evidence_record (e, level);
      rf->n_sources += e->sources_count;
      if (g_strcmp0 (e->kind, "testimony") == 0)
        rf->n_testimony++;
      g_ptr_array_add (rf->evidence, e);
    }

  /* Actions and their history. */
  action_ids = query_ids (store,
                          "SELECT id FROM remediation_actions WHERE finding_id = ?1"
                          " ORDER BY opened_on, id",
                          id, NULL, NULL, error);
  if (action_ids == NULL)
    return FALSE;
  for (guint i = 0; i < action_ids->len; i++)
    {
      VigieReportAction *ra = g_new0 (VigieReportAction, 1);
      g_autoptr(GPtrArray) names = NULL;

      g_ptr_array_add (rf->actions, ra);
      ra->action = vigie_store_get_action (store, g_array_index (action_ids, gint64, i), error);
      if (ra->action == NULL)
        return FALSE;
      vigie_redact_action_record (ra->action, level);
      ra->history = vigie_store_list_action_history (store, ra->action->id, error);
      if (ra->history == NULL)
        return FALSE;
      for (guint h = 0; h < ra->history->len; h++)
        vigie_redact_status_change (g_ptr_array_index (ra->history, h), level);
      names = query_strings (store, "SELECT name FROM organisations WHERE id = ?1",
                             ra->action->responsible_id, error);
      if (names == NULL)
        return FALSE;
      ra->responsible = g_strdup (names->len > 0 ? g_ptr_array_index (names, 0) : "");
    }
  return TRUE;
}

static int
finding_order (gconstpointer a,
               gconstpointer b)
{
  const VigieReportFinding *fa = *(VigieReportFinding * const *) a;
  const VigieReportFinding *fb = *(VigieReportFinding * const *) b;
  int c;

  /* Theme in the order of the organisation's code, then severity, date, id. */
  c = (fa->theme_order > fb->theme_order) - (fa->theme_order < fb->theme_order);
  if (c != 0)
    return c;
  c = g_strcmp0 (fa->finding->theme, fb->finding->theme);
  if (c != 0)
    return c;
  c = vigie_vocab_index (VIGIE_VOCAB_SEVERITY, fa->finding->severity)
      - vigie_vocab_index (VIGIE_VOCAB_SEVERITY, fb->finding->severity);
  if (c != 0)
    return c;
  c = g_strcmp0 (fa->finding->first_observed, fb->finding->first_observed);
  if (c != 0)
    return c;
  return (fa->finding->id > fb->finding->id) - (fa->finding->id < fb->finding->id);
}

VigieSiteReport *
vigie_redact_site_report (VigieStore           *store,
                          gint64                site_id,
                          VigieDisclosureLevel  level,
                          int                   year,
                          GError              **error)
{
  g_autoptr(VigieSiteReport) report = g_new0 (VigieSiteReport, 1);
  g_autoptr(GPtrArray) investigations = NULL;
  g_autoptr(GPtrArray) workforce = NULL;
  g_autoptr(GPtrArray) grievances = NULL;
  g_autoptr(GPtrArray) inventories = NULL;
  g_autoptr(GArray) finding_ids = NULL;
  g_autofree char *today = vigie_today_iso ();
  g_autofree char *year_start = NULL;
  g_autofree char *year_end = NULL;
  const char *name;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);
  g_return_val_if_fail (level < VIGIE_N_LEVELS, NULL);

  report->level = level;
  report->year = year;
  if (year > 0)
    {
      year_start = g_strdup_printf ("%04d-01-01", year);
      year_end = g_strdup_printf ("%04d-12-31", year);
    }

  report->site = vigie_store_get_site (store, site_id, error);
  if (report->site == NULL)
    return NULL;
  vigie_redact_site_record (report->site, level);
  name = vigie_reference_country_name (report->site->country);
  report->country_name = g_strdup (name != NULL ? name : report->site->country);

  report->brands = query_strings (store,
                                  "SELECT DISTINCT o.name FROM contract_sites cs"
                                  " JOIN contracts c ON c.id = cs.contract_id"
                                  " JOIN organisations o ON o.id = c.brand_id"
                                  " WHERE cs.site_id = ?1 ORDER BY o.name COLLATE NOCASE",
                                  site_id, error);
  if (report->brands == NULL)
    return NULL;
  report->affiliates = query_strings (store,
                                      "SELECT DISTINCT o.name FROM contract_sites cs"
                                      " JOIN contracts c ON c.id = cs.contract_id"
                                      " JOIN organisations o ON o.id = c.affiliate_id"
                                      " WHERE cs.site_id = ?1 ORDER BY o.name COLLATE NOCASE",
                                      site_id, error);
  if (report->affiliates == NULL)
    return NULL;
  report->product_models = query_strings (store,
                                          "SELECT DISTINCT p.model FROM contract_sites cs"
                                          " JOIN contract_products p"
                                          "   ON p.contract_id = cs.contract_id"
                                          "  AND (cs.product_id IS NULL OR cs.product_id = p.id)"
                                          " WHERE cs.site_id = ?1"
                                          " ORDER BY p.model COLLATE NOCASE",
                                          site_id, error);
  if (report->product_models == NULL)
    return NULL;

  workforce = vigie_store_list_workforce (store, site_id, error);
  if (workforce == NULL)
    return NULL;
  for (guint i = 0; i < workforce->len; i++)
    vigie_redact_workforce_record (g_ptr_array_index (workforce, i), level);
  report->workforce = g_steal_pointer (&workforce);

  /* Investigations (of the year) and their activities. */
  report->investigations = g_ptr_array_new_with_free_func ((GDestroyNotify) report_investigation_free);
  investigations = vigie_store_list_investigations (store, site_id, error);
  if (investigations == NULL)
    return NULL;
  for (guint i = 0; i < investigations->len; i++)
    {
      VigieInvestigationRecord *inv = g_ptr_array_index (investigations, i);
      VigieReportInvestigation *ri;

      if (year > 0 && (g_strcmp0 (inv->start_date, year_start) < 0
                       || g_strcmp0 (inv->start_date, year_end) > 0))
        continue;
      ri = g_new0 (VigieReportInvestigation, 1);
      ri->investigation = vigie_investigation_record_copy (inv);
      vigie_redact_investigation (ri->investigation, level);
      g_ptr_array_add (report->investigations, ri);
      ri->activities = vigie_store_list_activities (store, inv->id, error);
      if (ri->activities == NULL)
        return NULL;
      for (guint a = 0; a < ri->activities->len; a++)
        vigie_redact_activity (g_ptr_array_index (ri->activities, a), level);
      if (report->period_start == NULL || g_strcmp0 (inv->start_date, report->period_start) < 0)
        set_str (&report->period_start, inv->start_date);
    }

  /* Findings: the visible ones, in full; the others only counted. */
  report->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) report_finding_free);
  if (year > 0)
    finding_ids = query_ids (store,
                             "SELECT id FROM findings WHERE site_id = ?1"
                             " AND first_observed <= ?3"
                             " AND (closed_on IS NULL OR closed_on >= ?2) ORDER BY id",
                             site_id, year_start, year_end, error);
  else
    finding_ids = query_ids (store, "SELECT id FROM findings WHERE site_id = ?1 ORDER BY id",
                             site_id, NULL, NULL, error);
  if (finding_ids == NULL)
    return NULL;
  for (guint i = 0; i < finding_ids->len; i++)
    {
      g_autoptr(VigieFindingRecord) finding = NULL;
      VigieReportFinding *rf;

      finding = vigie_store_get_finding (store, g_array_index (finding_ids, gint64, i), error);
      if (finding == NULL)
        return NULL;
      if (!vigie_redact_finding_visible (finding->disclosure_level, level))
        {
          report->n_findings_left_out++;
          continue;
        }
      vigie_redact_finding_record (finding, level);
      if (report->period_start == NULL
          || g_strcmp0 (finding->first_observed, report->period_start) < 0)
        set_str (&report->period_start, finding->first_observed);

      rf = g_new0 (VigieReportFinding, 1);
      rf->finding = g_steal_pointer (&finding);
      rf->standards = g_ptr_array_new_with_free_func ((GDestroyNotify) report_standard_free);
      rf->indicators = g_ptr_array_new_with_free_func (g_free);
      rf->evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_evidence_record_free);
      rf->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) report_action_free);
      g_ptr_array_add (report->findings, rf);
      if (!load_finding_details (store, rf, level, error))
        return NULL;
    }
  g_ptr_array_sort (report->findings, finding_order);

  if (year > 0)
    {
      if (report->period_start == NULL || g_strcmp0 (report->period_start, year_start) < 0)
        set_str (&report->period_start, year_start);
      report->period_end = g_strdup (g_strcmp0 (today, year_end) < 0 ? today : year_end);
    }
  else
    report->period_end = g_strdup (today);

  /* Grievances: a link to a left-out finding is dropped. */
  grievances = vigie_store_list_grievances (store, site_id, error);
  if (grievances == NULL)
    return NULL;
  report->grievances = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_grievance_record_free);
  for (guint i = 0; i < grievances->len; i++)
    {
      VigieGrievanceRecord *g = g_ptr_array_index (grievances, i);

      if (year > 0 && (g_strcmp0 (g->received_on, year_start) < 0
                       || g_strcmp0 (g->received_on, year_end) > 0))
        continue;
      g = vigie_grievance_record_copy (g);
      if (g->finding_id != 0)
        {
          gboolean visible = FALSE;

          for (guint f = 0; f < report->findings->len; f++)
            if (((VigieReportFinding *) g_ptr_array_index (report->findings, f))->finding->id
                == g->finding_id)
              visible = TRUE;
          if (!visible)
            {
              g->finding_id = 0;
              g_clear_pointer (&g->finding_title, g_free);
            }
        }
      vigie_redact_grievance_record (g, level);
      g_ptr_array_add (report->grievances, g);
    }

  /* Chemical hazards, when the site has an inventory. */
  inventories = vigie_chemical_list_inventories (store, site_id, error);
  if (inventories == NULL)
    return NULL;
  if (inventories->len > 0)
    {
      report->hazards = vigie_chemical_hazard_summary (store, site_id, NULL, error);
      if (report->hazards == NULL)
        return NULL;
    }

  return g_steal_pointer (&report);
}

/* ─── The full data export ───────────────────────────────────────────────── */

typedef enum
{
  POLICY_ALL,
  POLICY_INTERNAL,          /* only at 'internal' */
  POLICY_QUOTE,             /* evidence summary: testimony without consent → NULL */
  POLICY_TESTIMONY_DETAIL,  /* evidence detail: testimony → NULL */
  POLICY_FINDING_REF,       /* a reference to a finding: NULL when that finding is left out */
} Policy;

typedef struct
{
  const char      *name;
  const char      *expr;
  VigieExportType  type;
  int              width;
  Policy           policy;
} ColumnSpec;

/* Every query selects five hidden values first: the level of the row's finding (NULL: the
 * row belongs to no finding), whether it is confidential evidence, the evidence kind,
 * consent to quote, and the level of a referenced finding (POLICY_FINDING_REF). */
#define N_HIDDEN 5

typedef struct
{
  const char       *name;
  const char       *hidden;    /* the five hidden expressions */
  const char       *from;      /* FROM ... (with joins) */
  const char       *order;     /* ORDER BY ... */
  const char       *count_table;
  const ColumnSpec *columns;
} TableSpec;

#define T VIGIE_EXPORT_TEXT
#define I VIGIE_EXPORT_INTEGER
#define R VIGIE_EXPORT_REAL
#define D VIGIE_EXPORT_DATE
#define S VIGIE_EXPORT_TIMESTAMP
#define B VIGIE_EXPORT_BOOLEAN
#define NO_HIDDEN "NULL, NULL, NULL, NULL, NULL"

static const ColumnSpec site_columns[] = {
  { "id", "s.id", I, 8, POLICY_ALL },
  { "uuid", "s.uuid", T, 38, POLICY_ALL },
  { "name", "s.name", T, 36, POLICY_ALL },
  { "native_name", "s.native_name", T, 24, POLICY_ALL },
  { "address", "s.address", T, 40, POLICY_ALL },
  { "country", "s.country", T, 8, POLICY_ALL },
  { "latitude", "s.latitude", R, 11, POLICY_ALL },
  { "longitude", "s.longitude", R, 11, POLICY_ALL },
  { "os_id", "s.os_id", T, 17, POLICY_ALL },
  { "parent_company", "s.parent_company", T, 24, POLICY_ALL },
  { "employer", "s.employer", T, 24, POLICY_ALL },
  { "location_type", "s.location_type", T, 22, POLICY_ALL },
  { "products", "s.products", T, 24, POLICY_ALL },
  { "closed", "s.closed", B, 8, POLICY_ALL },
  { "notes", "s.notes", T, 40, POLICY_INTERNAL },
  { "created_at", "s.created_at", S, 20, POLICY_ALL },
  { "updated_at", "s.updated_at", S, 20, POLICY_ALL },
  { NULL }
};

static const ColumnSpec workforce_columns[] = {
  { "id", "w.id", I, 8, POLICY_ALL },
  { "site_id", "w.site_id", I, 8, POLICY_ALL },
  { "as_of", "w.as_of", D, 12, POLICY_ALL },
  { "source", "w.source", T, 16, POLICY_ALL },
  { "total", "w.total", I, 9, POLICY_ALL },
  { "total_min", "w.total_min", I, 9, POLICY_ALL },
  { "total_max", "w.total_max", I, 9, POLICY_ALL },
  { "women", "w.women", I, 9, POLICY_ALL },
  { "migrant", "w.migrant", I, 9, POLICY_ALL },
  { "agency", "w.agency", I, 9, POLICY_ALL },
  { "temporary", "w.temporary", I, 9, POLICY_ALL },
  { "student", "w.student", I, 9, POLICY_ALL },
  { "under18", "w.under18", I, 9, POLICY_ALL },
  { "union_present", "w.union_present", B, 8, POLICY_ALL },
  { "notes", "w.notes", T, 40, POLICY_INTERNAL },
  { NULL }
};

static const ColumnSpec organisation_columns[] = {
  { "id", "o.id", I, 8, POLICY_ALL },
  { "uuid", "o.uuid", T, 38, POLICY_ALL },
  { "kind", "o.kind", T, 18, POLICY_ALL },
  { "name", "o.name", T, 36, POLICY_ALL },
  { "country", "o.country", T, 8, POLICY_ALL },
  { "parent_id", "o.parent_id", I, 9, POLICY_ALL },
  { "consortium_id", "o.consortium_id", I, 9, POLICY_ALL },
  { "affiliated_on", "o.affiliated_on", D, 12, POLICY_ALL },
  { "notes", "o.notes", T, 40, POLICY_INTERNAL },
  { NULL }
};

static const ColumnSpec investigation_columns[] = {
  { "id", "i.id", I, 8, POLICY_ALL },
  { "uuid", "i.uuid", T, 38, POLICY_ALL },
  { "site_id", "i.site_id", I, 8, POLICY_ALL },
  { "partner_id", "i.partner_id", I, 9, POLICY_ALL },
  { "title", "i.title", T, 36, POLICY_ALL },
  { "trigger", "i.trigger", T, 18, POLICY_ALL },
  { "start_date", "i.start_date", D, 12, POLICY_ALL },
  { "end_date", "i.end_date", D, 12, POLICY_ALL },
  { "status", "i.status", T, 12, POLICY_ALL },
  { "notes", "i.notes", T, 40, POLICY_INTERNAL },
  { NULL }
};

static const ColumnSpec activity_columns[] = {
  { "id", "a.id", I, 8, POLICY_ALL },
  { "investigation_id", "a.investigation_id", I, 9, POLICY_ALL },
  { "method", "a.method", T, 18, POLICY_ALL },
  { "start_date", "a.start_date", D, 12, POLICY_ALL },
  { "end_date", "a.end_date", D, 12, POLICY_ALL },
  { "participants_total", "a.participants_total", I, 10, POLICY_ALL },
  { "participants_women", "a.participants_women", I, 10, POLICY_ALL },
  { "participants_migrant", "a.participants_migrant", I, 10, POLICY_ALL },
  { "notes", "a.notes", T, 40, POLICY_INTERNAL },
  { NULL }
};

static const ColumnSpec finding_columns[] = {
  { "id", "f.id", I, 8, POLICY_ALL },
  { "uuid", "f.uuid", T, 38, POLICY_ALL },
  { "site_id", "f.site_id", I, 8, POLICY_ALL },
  { "investigation_id", "f.investigation_id", I, 9, POLICY_ALL },
  { "title", "f.title", T, 48, POLICY_ALL },
  { "description", "f.description", T, 60, POLICY_ALL },
  { "theme", "f.theme", T, 22, POLICY_ALL },
  { "severity", "f.severity", T, 12, POLICY_ALL },
  { "kind", "f.kind", T, 14, POLICY_ALL },
  { "workers_affected", "f.workers_affected", I, 10, POLICY_ALL },
  { "affects_women", "f.affects_women", B, 8, POLICY_ALL },
  { "affects_migrant", "f.affects_migrant", B, 8, POLICY_ALL },
  { "affects_agency", "f.affects_agency", B, 8, POLICY_ALL },
  { "affects_student", "f.affects_student", B, 8, POLICY_ALL },
  { "affects_young", "f.affects_young", B, 8, POLICY_ALL },
  { "first_observed", "f.first_observed", D, 12, POLICY_ALL },
  { "company_response", "f.company_response", T, 48, POLICY_ALL },
  { "disclosure_level", "f.disclosure_level", T, 12, POLICY_ALL },
  { "status", "f.status", T, 14, POLICY_ALL },
  { "closed_on", "f.closed_on", D, 12, POLICY_ALL },
  { "notes", "f.notes", T, 40, POLICY_INTERNAL },
  { "created_at", "f.created_at", S, 20, POLICY_ALL },
  { "updated_at", "f.updated_at", S, 20, POLICY_ALL },
  { NULL }
};

static const ColumnSpec finding_standard_columns[] = {
  { "finding_id", "fs.finding_id", I, 10, POLICY_ALL },
  { "code", "c.code", T, 10, POLICY_ALL },
  { "standard", "st.key", T, 22, POLICY_ALL },
  { NULL }
};

static const ColumnSpec finding_indicator_columns[] = {
  { "finding_id", "fi.finding_id", I, 10, POLICY_ALL },
  { "indicator", "ind.code", T, 36, POLICY_ALL },
  { NULL }
};

static const ColumnSpec evidence_columns[] = {
  { "id", "e.id", I, 8, POLICY_ALL },
  { "finding_id", "e.finding_id", I, 10, POLICY_ALL },
  { "kind", "e.kind", T, 14, POLICY_ALL },
  { "summary", "e.summary", T, 60, POLICY_QUOTE },
  { "sources_count", "e.sources_count", I, 9, POLICY_ALL },
  { "pseudonym", "e.pseudonym", T, 16, POLICY_ALL },
  { "consent_to_quote", "e.consent_to_quote", B, 9, POLICY_ALL },
  { "collected_on", "e.collected_on", D, 12, POLICY_TESTIMONY_DETAIL },
  { "media_type", "e.media_type", T, 16, POLICY_TESTIMONY_DETAIL },
  { "file_name", "e.file_name", T, 40, POLICY_INTERNAL },
  { "file_sha256", "e.file_sha256", T, 40, POLICY_INTERNAL },
  { "file_size", "e.file_size", I, 10, POLICY_INTERNAL },
  { "confidential", "e.confidential", B, 8, POLICY_ALL },
  { "notes", "e.notes", T, 40, POLICY_INTERNAL },
  { NULL }
};

static const ColumnSpec action_columns[] = {
  { "id", "a.id", I, 8, POLICY_ALL },
  { "uuid", "a.uuid", T, 38, POLICY_ALL },
  { "finding_id", "a.finding_id", I, 10, POLICY_ALL },
  { "description", "a.description", T, 48, POLICY_ALL },
  { "root_cause", "a.root_cause", T, 30, POLICY_ALL },
  { "preventive_action", "a.preventive_action", T, 30, POLICY_ALL },
  { "responsible_id", "a.responsible_id", I, 9, POLICY_ALL },
  { "remedy_type", "a.remedy_type", T, 16, POLICY_ALL },
  { "amount_minor", "a.amount_minor", I, 12, POLICY_ALL },
  { "currency", "a.currency", T, 8, POLICY_ALL },
  { "beneficiaries_total", "a.beneficiaries_total", I, 10, POLICY_ALL },
  { "beneficiaries_women", "a.beneficiaries_women", I, 10, POLICY_ALL },
  { "beneficiaries_migrant", "a.beneficiaries_migrant", I, 10, POLICY_ALL },
  { "beneficiaries_agency", "a.beneficiaries_agency", I, 10, POLICY_ALL },
  { "beneficiaries_student", "a.beneficiaries_student", I, 10, POLICY_ALL },
  { "beneficiaries_young", "a.beneficiaries_young", I, 10, POLICY_ALL },
  { "opened_on", "a.opened_on", D, 12, POLICY_ALL },
  { "plan_due_on", "a.plan_due_on", D, 12, POLICY_ALL },
  { "due_on", "a.due_on", D, 12, POLICY_ALL },
  { "completed_on", "a.completed_on", D, 12, POLICY_ALL },
  { "status", "a.status", T, 18, POLICY_ALL },
  { "escalation_level", "a.escalation_level", T, 18, POLICY_ALL },
  { "notes", "a.notes", T, 40, POLICY_INTERNAL },
  { NULL }
};

static const ColumnSpec history_columns[] = {
  { "id", "h.id", I, 8, POLICY_ALL },
  { "action_id", "h.action_id", I, 9, POLICY_ALL },
  { "from_status", "h.from_status", T, 18, POLICY_ALL },
  { "to_status", "h.to_status", T, 18, POLICY_ALL },
  { "changed_on", "h.changed_on", D, 12, POLICY_ALL },
  { "changed_by", "h.changed_by", T, 16, POLICY_INTERNAL },
  { "note", "h.note", T, 40, POLICY_INTERNAL },
  { "evidence_id", "h.evidence_id", I, 9, POLICY_INTERNAL },
  { NULL }
};

static const ColumnSpec grievance_columns[] = {
  { "id", "g.id", I, 8, POLICY_ALL },
  { "uuid", "g.uuid", T, 38, POLICY_ALL },
  { "site_id", "g.site_id", I, 8, POLICY_ALL },
  { "received_on", "g.received_on", D, 12, POLICY_ALL },
  { "channel", "g.channel", T, 12, POLICY_ALL },
  { "anonymous", "g.anonymous", B, 8, POLICY_ALL },
  { "complainants", "g.complainants", I, 9, POLICY_ALL },
  { "topic", "g.topic", T, 36, POLICY_ALL },
  { "retaliation_reported", "g.retaliation_reported", B, 9, POLICY_ALL },
  { "status", "g.status", T, 14, POLICY_ALL },
  { "acknowledged_on", "g.acknowledged_on", D, 12, POLICY_ALL },
  { "resolved_on", "g.resolved_on", D, 12, POLICY_ALL },
  { "finding_id", "g.finding_id", I, 10, POLICY_FINDING_REF },
  { "notes", "g.notes", T, 40, POLICY_INTERNAL },
  { NULL }
};

static const ColumnSpec chemical_columns[] = {
  { "id", "p.id", I, 8, POLICY_ALL },
  { "uuid", "p.uuid", T, 38, POLICY_ALL },
  { "site_id", "p.site_id", I, 8, POLICY_ALL },
  { "period", "p.period", T, 9, POLICY_ALL },
  { "trade_name", "p.trade_name", T, 30, POLICY_ALL },
  { "supplier", "p.supplier", T, 24, POLICY_ALL },
  { "sds_available", "p.sds_available", B, 8, POLICY_ALL },
  { "sds_revision", "p.sds_revision", D, 12, POLICY_ALL },
  { "sds_in_workers_language", "p.sds_in_workers_language", B, 8, POLICY_ALL },
  { "process", "p.process", T, 12, POLICY_ALL },
  { "department", "p.department", T, 18, POLICY_ALL },
  { "qty_per_year", "p.qty_per_year", R, 11, POLICY_ALL },
  { "qty_stored_max", "p.qty_stored_max", R, 11, POLICY_ALL },
  { "qty_unit", "p.qty_unit", T, 6, POLICY_ALL },
  { "qty_source", "p.qty_source", T, 18, POLICY_ALL },
  { "workers_exposed", "p.workers_exposed", I, 9, POLICY_ALL },
  { "women_exposed", "p.women_exposed", I, 9, POLICY_ALL },
  { "engineering_controls", "p.engineering_controls", T, 24, POLICY_ALL },
  { "ppe_provided", "p.ppe_provided", T, 24, POLICY_ALL },
  { "ppe_adequate_reported", "p.ppe_adequate_reported", B, 8, POLICY_ALL },
  { "training", "p.training", B, 8, POLICY_ALL },
  { "labels_in_workers_language", "p.labels_in_workers_language", B, 8, POLICY_ALL },
  { "hazard_codes", "(SELECT group_concat (hazard_code, ' ') FROM (SELECT hazard_code"
                    " FROM product_hazards WHERE product_id = p.id ORDER BY hazard_code))",
    T, 24, POLICY_ALL },
  { "notes", "p.notes", T, 40, POLICY_INTERNAL },
  { NULL }
};

static const ColumnSpec measurement_columns[] = {
  { "id", "m.id", I, 8, POLICY_ALL },
  { "site_id", "m.site_id", I, 8, POLICY_ALL },
  { "product_id", "m.product_id", I, 9, POLICY_ALL },
  { "substance", "(SELECT name FROM substances WHERE id = m.substance_id)", T, 24, POLICY_ALL },
  { "kind", "m.kind", T, 8, POLICY_ALL },
  { "measured_on", "m.measured_on", D, 12, POLICY_ALL },
  { "value", "m.value", R, 10, POLICY_ALL },
  { "unit", "m.unit", T, 8, POLICY_ALL },
  { "limit_value", "m.limit_value", R, 10, POLICY_ALL },
  { "limit_source", "m.limit_source", T, 18, POLICY_ALL },
  { "notes", "m.notes", T, 40, POLICY_INTERNAL },
  { NULL }
};

#undef T
#undef I
#undef R
#undef D
#undef S
#undef B

static const TableSpec tables[] = {
  { "sites", NO_HIDDEN, "sites s", "s.id", "sites", site_columns },
  { "workforce", NO_HIDDEN, "workforce_snapshots w", "w.id", "workforce_snapshots",
    workforce_columns },
  { "organisations", NO_HIDDEN, "organisations o", "o.id", "organisations",
    organisation_columns },
  { "investigations", NO_HIDDEN, "investigations i", "i.id", "investigations",
    investigation_columns },
  { "activities", NO_HIDDEN, "investigation_activities a", "a.id", "investigation_activities",
    activity_columns },
  { "findings", "f.disclosure_level, NULL, NULL, NULL, NULL", "findings f", "f.id", "findings",
    finding_columns },
  { "finding_standards", "f.disclosure_level, NULL, NULL, NULL, NULL",
    "finding_standards fs JOIN findings f ON f.id = fs.finding_id"
    " JOIN standards st ON st.id = fs.standard_id JOIN code_standards c ON c.id = st.code_id",
    "fs.finding_id, c.id, st.sort_order, st.id", "finding_standards", finding_standard_columns },
  { "finding_indicators", "f.disclosure_level, NULL, NULL, NULL, NULL",
    "finding_indicators fi JOIN findings f ON f.id = fi.finding_id"
    " JOIN fl_indicators ind ON ind.id = fi.indicator_id",
    "fi.finding_id, ind.sort_order", "finding_indicators", finding_indicator_columns },
  { "evidence", "f.disclosure_level, e.confidential, e.kind, e.consent_to_quote, NULL",
    "evidence e JOIN findings f ON f.id = e.finding_id", "e.id", "evidence", evidence_columns },
  { "actions", "f.disclosure_level, NULL, NULL, NULL, NULL",
    "remediation_actions a JOIN findings f ON f.id = a.finding_id", "a.id",
    "remediation_actions", action_columns },
  { "action_history", "f.disclosure_level, NULL, NULL, NULL, NULL",
    "remediation_status_history h JOIN remediation_actions a ON a.id = h.action_id"
    " JOIN findings f ON f.id = a.finding_id", "h.id", "remediation_status_history",
    history_columns },
  { "grievances",
    "NULL, NULL, NULL, NULL, (SELECT disclosure_level FROM findings WHERE id = g.finding_id)",
    "grievances g", "g.id", "grievances", grievance_columns },
  { "chemical_products", NO_HIDDEN, "chemical_products p", "p.id", "chemical_products",
    chemical_columns },
  { "exposure_measurements", NO_HIDDEN, "exposure_measurements m", "m.id",
    "exposure_measurements", measurement_columns },
};

const char * const *
vigie_export_table_names (void)
{
  static const char *names[G_N_ELEMENTS (tables) + 1];

  if (names[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
      names[i] = tables[i].name;
  return names;
}

struct _VigieExportCursor
{
  VigieStore           *store;
  const TableSpec      *spec;
  VigieDisclosureLevel  level;
  sqlite3_stmt         *stmt;
  GArray               *columns;    /* VigieExportColumn, the visible ones */
  GArray               *policies;   /* Policy of each visible column */
  gboolean             *masked;     /* per visible column: NULL in this row */
  gint64                total;
};

void
vigie_export_cursor_free (VigieExportCursor *cursor)
{
  if (cursor == NULL)
    return;
  if (cursor->stmt != NULL)
    sqlite3_finalize (cursor->stmt);
  g_clear_object (&cursor->store);
  g_array_unref (cursor->columns);
  g_array_unref (cursor->policies);
  g_free (cursor->masked);
  g_free (cursor);
}

VigieExportCursor *
vigie_export_cursor_new (VigieStore            *store,
                         const char            *table,
                         VigieDisclosureLevel   level,
                         GError               **error)
{
  g_autoptr(VigieExportCursor) cursor = NULL;
  g_autoptr(GString) sql = NULL;
  g_autofree char *count_sql = NULL;
  const TableSpec *spec = NULL;
  sqlite3_stmt *count;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);
  g_return_val_if_fail (level < VIGIE_N_LEVELS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_strcmp0 (tables[i].name, table) == 0)
      spec = &tables[i];
  if (spec == NULL)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND,
                   _("There is no table “%s” to export."), table);
      return NULL;
    }

  cursor = g_new0 (VigieExportCursor, 1);
  cursor->store = g_object_ref (store);
  cursor->spec = spec;
  cursor->level = level;
  cursor->columns = g_array_new (FALSE, FALSE, sizeof (VigieExportColumn));
  cursor->policies = g_array_new (FALSE, FALSE, sizeof (Policy));

  /* Columns LEVEL may not see are not even read. */
  sql = g_string_new ("SELECT ");
  g_string_append (sql, spec->hidden);
  for (const ColumnSpec *c = spec->columns; c->name != NULL; c++)
    {
      VigieExportColumn col = { c->name, c->type, c->width };

      if (c->policy == POLICY_INTERNAL && !vigie_redact_internal_visible (level))
        continue;
      g_string_append_printf (sql, ", %s", c->expr);
      g_array_append_val (cursor->columns, col);
      g_array_append_val (cursor->policies, c->policy);
    }
  g_string_append_printf (sql, " FROM %s ORDER BY %s", spec->from, spec->order);
  cursor->masked = g_new0 (gboolean, cursor->columns->len + 1);

  rc = sqlite3_prepare_v2 (vigie_store_get_db (store), sql->str, -1, &cursor->stmt, NULL);
  if (rc != SQLITE_OK)
    {
      vigie_store_set_error (store, rc, error);
      return NULL;
    }

  count_sql = g_strdup_printf ("SELECT count(*) FROM %s", spec->count_table);
  count = vigie_store_prepare (store, count_sql, error);
  if (count == NULL)
    return NULL;
  if (sqlite3_step (count) == SQLITE_ROW)
    cursor->total = sqlite3_column_int64 (count, 0);
  sqlite3_reset (count);

  return g_steal_pointer (&cursor);
}

const VigieExportColumn *
vigie_export_cursor_columns (VigieExportCursor *cursor,
                             guint             *n_columns)
{
  if (n_columns != NULL)
    *n_columns = cursor->columns->len;
  return (const VigieExportColumn *) (gpointer) cursor->columns->data;
}

gint64
vigie_export_cursor_total (VigieExportCursor *cursor)
{
  return cursor->total;
}

gboolean
vigie_export_cursor_next (VigieExportCursor  *cursor,
                          GError            **error)
{
  sqlite3_stmt *stmt = cursor->stmt;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *finding_level = (const char *) sqlite3_column_text (stmt, 0);
      gboolean is_evidence = sqlite3_column_type (stmt, 1) != SQLITE_NULL;
      const char *kind = (const char *) sqlite3_column_text (stmt, 2);
      gboolean consent = sqlite3_column_int (stmt, 3) != 0;
      gboolean ref_visible = sqlite3_column_type (stmt, 4) == SQLITE_NULL
                             || vigie_redact_finding_visible ((const char *) sqlite3_column_text (stmt, 4),
                                                              cursor->level);

      if (finding_level != NULL && !vigie_redact_finding_visible (finding_level, cursor->level))
        continue;
      if (is_evidence && !vigie_redact_evidence_visible (sqlite3_column_int (stmt, 1) != 0,
                                                         cursor->level))
        continue;

      for (guint i = 0; i < cursor->policies->len; i++)
        {
          Policy p = g_array_index (cursor->policies, Policy, i);

          switch (p)
            {
            case POLICY_QUOTE:
              cursor->masked[i] = !evidence_quote_visible (kind, consent, cursor->level);
              break;
            case POLICY_TESTIMONY_DETAIL:
              cursor->masked[i] = !evidence_detail_visible (kind, cursor->level);
              break;
            case POLICY_FINDING_REF:
              cursor->masked[i] = !ref_visible;
              break;
            case POLICY_INTERNAL:
              /* Only selected at 'internal'. */
              cursor->masked[i] = !vigie_redact_internal_visible (cursor->level);
              break;
            case POLICY_ALL:
            default:
              cursor->masked[i] = FALSE;
              break;
            }
        }
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    vigie_store_set_error (cursor->store, rc, error);
  return FALSE;
}

gboolean
vigie_export_cursor_is_null (VigieExportCursor *cursor,
                             guint              column)
{
  g_return_val_if_fail (column < cursor->columns->len, TRUE);
  return cursor->masked[column]
         || sqlite3_column_type (cursor->stmt, N_HIDDEN + column) == SQLITE_NULL;
}

const char *
vigie_export_cursor_text (VigieExportCursor *cursor,
                          guint              column)
{
  if (vigie_export_cursor_is_null (cursor, column))
    return NULL;
  return (const char *) sqlite3_column_text (cursor->stmt, N_HIDDEN + column);
}

gint64
vigie_export_cursor_integer (VigieExportCursor *cursor,
                             guint              column)
{
  if (vigie_export_cursor_is_null (cursor, column))
    return 0;
  return sqlite3_column_int64 (cursor->stmt, N_HIDDEN + column);
}

double
vigie_export_cursor_real (VigieExportCursor *cursor,
                          guint              column)
{
  if (vigie_export_cursor_is_null (cursor, column))
    return 0;
  return sqlite3_column_double (cursor->stmt, N_HIDDEN + column);
}

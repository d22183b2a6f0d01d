/* test-figures.c — every annual figure against numbers computed by hand on a small
 * fixture (the hand computation is written next to each assertion).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "vigie-action-list.h"
#include "vigie-demo.h"
#include "vigie-figures.h"
#include "vigie-finding-list.h"
#include "vigie-reference.h"
#include "vigie-site-list.h"
#include "vigie-store-private.h"
#include "vigie-util.h"
#include "vigie-vocab.h"

typedef struct
{
  char       *dir;
  VigieStore *store;
} Fixture;

#define TS "'2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'"

/* The fixture, described once (the tests below count on it):
 *
 * Organisations: 1 A1 affiliate FR direct (affiliated 2020-01-01); 2 C1 consortium SE;
 *   3 A2 affiliate SE via C1 (2024-05-01); 4 A3 affiliate FR via C1 (date unknown);
 *   5 A4 affiliate DE direct (2026-02-01, after 2025); 6 P1 and 7 P2 monitoring partners;
 *   8 K1, 9 K2, 10 K3 contractors.
 * Sites: 1 S1 CN, 2 S2 CN, 3 S3 VN, 4 S4 MX, 5 S5 CN.
 * Contracts: 1 A1/K1 2024-01-01..2026-12-31; 2 A2/K2 2025-03-01..; 3 A1/K3
 *   2022-01-01..2024-12-31 (not in force in 2025); 4 A3/K1 undated.
 * Links (contract, site, tier, source, disclosed): (1,S1,final,disclosure,2024-02-01)
 *   (1,S2,main,monitor,-) (2,S2,final,disclosure,2025-06-01) (2,S3,other,disclosure,
 *   2026-01-10) (3,S4,final,disclosure,2022-03-01) (4,S3,raw,public,-)
 *   (4,S1,other,disclosure,undated).
 * Investigations: I1 S1 P1 2024-11-01..2025-02-01; I2 S2 P1 2025-05-01..; I3 S3 P2
 *   2023-01-01..2025-01-15; I4 S5 no partner 2025-08-01..2025-09-01; I5 S3 P2 2026-01-05..
 * Activities: A1 I1 offsite 2025-01-10 20/12/5; A2 I1 document review 2025-01-20 0;
 *   A3 I2 offsite 2025-06-01 30/20/10; A4 I2 focus group 2025-06-10 8/8/0; A5 I3 survey
 *   2024-12-01 100/50/50; A6 I4 hotline 2025-08-15 5/1/4; A7 I3 on-site 2025-01-10 15/5/0.
 * Findings (site, theme, severity, first observed, indicators):
 *   F1 S1 forced_labour critical 2025-01-15 {1,2,3}; F2 S1 recruitment_fees major
 *   2025-02-20 {3,4}; F3 S2 wages major 2025-03-05 {1}; F4 S2 living_wage minor
 *   2025-03-25; F5 S3 health_safety observation 2025-07-01; F6 S3 (no theme) minor
 *   2025-12-31; F7 S1 wages critical 2024-12-31 {5,6,7}; F8 S5 health_safety critical
 *   2026-01-01; F9 S5 chemicals major 2025-11-11 {8}.
 * Actions (finding, opened, due, completed, status, remedy, beneficiaries t/w/m/a/s/y,
 *   amount):
 *   R1 F1 2025-01-20 2025-02-19 2025-02-10 closed (history through verified_by_workers)
 *      compensation 40/25/10/5/0/2 150000 USD
 *   R2 F2 2025-03-01 2025-05-30 2025-06-09 verified_by_monitor restitution 10/3/10/-/-/-
 *      500000 CNY
 *   R3 F3 2025-03-10 2025-06-08 - in_progress
 *   R4 F4 2025-04-01 2025-09-28 2025-09-01 reported_complete corrective_only 100
 *   R5 F5 2025-07-05 2026-01-03 - proposed
 *   R6 F9 2025-11-12 2025-12-12 2025-12-01 verified_by_workers rehabilitation 5/5/0
 *   R7 F7 2025-01-05 2025-02-04 2025-01-30 closed (history through verified_by_monitor)
 *      satisfaction 7/1 20000 USD
 *   R8 F6 2025-12-31 2026-03-31 - abandoned
 *   R9 F1 2024-06-01 2024-09-01 - escalated
 */
static const char fixture_sql[] =
  "INSERT INTO organisations (id, uuid, kind, name, country, consortium_id, affiliated_on,"
  " created_at, updated_at) VALUES"
  " (1, 'o1', 'affiliate', 'A1', 'FR', NULL, '2020-01-01', " TS "),"
  " (2, 'o2', 'consortium', 'C1', 'SE', NULL, NULL, " TS "),"
  " (3, 'o3', 'affiliate', 'A2', 'SE', 2, '2024-05-01', " TS "),"
  " (4, 'o4', 'affiliate', 'A3', 'FR', 2, NULL, " TS "),"
  " (5, 'o5', 'affiliate', 'A4', 'DE', NULL, '2026-02-01', " TS "),"
  " (6, 'o6', 'monitoring_partner', 'P1', 'CN', NULL, NULL, " TS "),"
  " (7, 'o7', 'monitoring_partner', 'P2', 'VN', NULL, NULL, " TS "),"
  " (8, 'o8', 'contractor', 'K1', NULL, NULL, NULL, " TS "),"
  " (9, 'o9', 'contractor', 'K2', NULL, NULL, NULL, " TS "),"
  " (10, 'o10', 'contractor', 'K3', NULL, NULL, NULL, " TS ");"
  "INSERT INTO sites (id, uuid, name, country, created_at, updated_at) VALUES"
  " (1, 's1', 'S1', 'CN', " TS "), (2, 's2', 'S2', 'CN', " TS "),"
  " (3, 's3', 'S3', 'VN', " TS "), (4, 's4', 'S4', 'MX', " TS "),"
  " (5, 's5', 'S5', 'CN', " TS ");"
  "INSERT INTO contracts (id, uuid, affiliate_id, contractor_id, start_date, end_date,"
  " created_at, updated_at) VALUES"
  " (1, 'c1', 1, 8, '2024-01-01', '2026-12-31', " TS "),"
  " (2, 'c2', 3, 9, '2025-03-01', NULL, " TS "),"
  " (3, 'c3', 1, 10, '2022-01-01', '2024-12-31', " TS "),"
  " (4, 'c4', 4, 8, NULL, NULL, " TS ");"
  "INSERT INTO contract_sites (contract_id, site_id, tier, source, disclosed_on) VALUES"
  " (1, 1, 'final_assembly', 'contractor_disclosure', '2024-02-01'),"
  " (1, 2, 'main_component', 'monitor', NULL),"
  " (2, 2, 'final_assembly', 'contractor_disclosure', '2025-06-01'),"
  " (2, 3, 'other_component', 'contractor_disclosure', '2026-01-10'),"
  " (3, 4, 'final_assembly', 'contractor_disclosure', '2022-03-01'),"
  " (4, 3, 'raw_material', 'public_list', NULL),"
  " (4, 1, 'other_component', 'contractor_disclosure', NULL);"
  "INSERT INTO investigations (id, uuid, site_id, partner_id, trigger, start_date, end_date,"
  " created_at, updated_at) VALUES"
  " (1, 'i1', 1, 6, 'worker_complaint', '2024-11-01', '2025-02-01', " TS "),"
  " (2, 'i2', 2, 6, 'risk_assessment', '2025-05-01', NULL, " TS "),"
  " (3, 'i3', 3, 7, 'follow_up', '2023-01-01', '2025-01-15', " TS "),"
  " (4, 'i4', 5, NULL, 'leverage_priority', '2025-08-01', '2025-09-01', " TS "),"
  " (5, 'i5', 3, 7, 'follow_up', '2026-01-05', NULL, " TS ");"
  "INSERT INTO investigation_activities (uuid, investigation_id, method, start_date,"
  " participants_total, participants_women, participants_migrant, created_at, updated_at)"
  " VALUES"
  " ('a1', 1, 'offsite_interview', '2025-01-10', 20, 12, 5, " TS "),"
  " ('a2', 1, 'document_review', '2025-01-20', 0, 0, 0, " TS "),"
  " ('a3', 2, 'offsite_interview', '2025-06-01', 30, 20, 10, " TS "),"
  " ('a4', 2, 'focus_group', '2025-06-10', 8, 8, 0, " TS "),"
  " ('a5', 3, 'survey', '2024-12-01', 100, 50, 50, " TS "),"
  " ('a6', 4, 'hotline', '2025-08-15', 5, 1, 4, " TS "),"
  " ('a7', 3, 'onsite_visit', '2025-01-10', 15, 5, 0, " TS ");"
  "INSERT INTO findings (id, uuid, site_id, title, theme, severity, first_observed,"
  " created_at, updated_at) VALUES"
  " (1, 'f1', 1, 'F1', 'forced_labour', 'critical', '2025-01-15', " TS "),"
  " (2, 'f2', 1, 'F2', 'recruitment_fees', 'major', '2025-02-20', " TS "),"
  " (3, 'f3', 2, 'F3', 'wages', 'major', '2025-03-05', " TS "),"
  " (4, 'f4', 2, 'F4', 'living_wage', 'minor', '2025-03-25', " TS "),"
  " (5, 'f5', 3, 'F5', 'health_safety', 'observation', '2025-07-01', " TS "),"
  " (6, 'f6', 3, 'F6', '', 'minor', '2025-12-31', " TS "),"
  " (7, 'f7', 1, 'F7', 'wages', 'critical', '2024-12-31', " TS "),"
  " (8, 'f8', 5, 'F8', 'health_safety', 'critical', '2026-01-01', " TS "),"
  " (9, 'f9', 5, 'F9', 'chemicals', 'major', '2025-11-11', " TS ");"
  "INSERT INTO finding_indicators (finding_id, indicator_id)"
  " SELECT f, (SELECT r.id FROM (SELECT id, row_number () OVER (ORDER BY sort_order, id)"
  " AS k FROM fl_indicators) r WHERE r.k = n)"
  " FROM (SELECT 1 AS f, 1 AS n UNION ALL SELECT 1, 2 UNION ALL SELECT 1, 3"
  " UNION ALL SELECT 2, 3 UNION ALL SELECT 2, 4 UNION ALL SELECT 3, 1"
  " UNION ALL SELECT 7, 5 UNION ALL SELECT 7, 6 UNION ALL SELECT 7, 7"
  " UNION ALL SELECT 9, 8);"
  "INSERT INTO remediation_actions (id, uuid, finding_id, description, remedy_type,"
  " amount_minor, currency, beneficiaries_total, beneficiaries_women,"
  " beneficiaries_migrant, beneficiaries_agency, beneficiaries_student,"
  " beneficiaries_young, opened_on, due_on, completed_on, status, created_at, updated_at)"
  " VALUES"
  " (1, 'r1', 1, 'R1', 'compensation', 150000, 'USD', 40, 25, 10, 5, 0, 2,"
  "  '2025-01-20', '2025-02-19', '2025-02-10', 'closed', " TS "),"
  " (2, 'r2', 2, 'R2', 'restitution', 500000, 'CNY', 10, 3, 10, NULL, NULL, NULL,"
  "  '2025-03-01', '2025-05-30', '2025-06-09', 'verified_by_monitor', " TS "),"
  " (3, 'r3', 3, 'R3', 'corrective_only', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
  "  '2025-03-10', '2025-06-08', NULL, 'in_progress', " TS "),"
  " (4, 'r4', 4, 'R4', 'corrective_only', NULL, NULL, 100, NULL, NULL, NULL, NULL, NULL,"
  "  '2025-04-01', '2025-09-28', '2025-09-01', 'reported_complete', " TS "),"
  " (5, 'r5', 5, 'R5', 'corrective_only', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
  "  '2025-07-05', '2026-01-03', NULL, 'proposed', " TS "),"
  " (6, 'r6', 9, 'R6', 'rehabilitation', NULL, NULL, 5, 5, 0, NULL, NULL, NULL,"
  "  '2025-11-12', '2025-12-12', '2025-12-01', 'verified_by_workers', " TS "),"
  " (7, 'r7', 7, 'R7', 'satisfaction', 20000, 'USD', 7, 1, NULL, NULL, NULL, NULL,"
  "  '2025-01-05', '2025-02-04', '2025-01-30', 'closed', " TS "),"
  " (8, 'r8', 6, 'R8', 'corrective_only', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
  "  '2025-12-31', '2026-03-31', NULL, 'abandoned', " TS "),"
  " (9, 'r9', 1, 'R9', 'corrective_only', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
  "  '2024-06-01', '2024-09-01', NULL, 'escalated', " TS ");"
  "INSERT INTO remediation_status_history (action_id, from_status, to_status, changed_on)"
  " VALUES"
  " (1, NULL, 'proposed', '2025-01-20'), (1, 'proposed', 'in_progress', '2025-01-25'),"
  " (1, 'in_progress', 'reported_complete', '2025-02-10'),"
  " (1, 'reported_complete', 'verified_by_workers', '2025-02-15'),"
  " (1, 'verified_by_workers', 'closed', '2025-02-20'),"
  " (7, NULL, 'proposed', '2025-01-05'), (7, 'proposed', 'reported_complete', '2025-01-30'),"
  " (7, 'reported_complete', 'verified_by_monitor', '2025-02-01'),"
  " (7, 'verified_by_monitor', 'closed', '2025-02-02'),"
  " (6, NULL, 'proposed', '2025-11-12'),"
  " (6, 'proposed', 'reported_complete', '2025-12-01'),"
  " (6, 'reported_complete', 'verified_by_workers', '2025-12-05');";

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fx->dir = g_dir_make_tmp ("vigie-figures-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fx->dir, "test.db", NULL);
  fx->store = vigie_store_open (path, &error);
  g_assert_no_error (error);
  vigie_store_exec (fx->store, fixture_sql, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "test.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_clear_object (&fx->store);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (fx->dir);
  g_free (fx->dir);
}

static VigieFigures *
compute_on (VigieStore *store,
            int         year,
            const char *country,
            gint64      buyer,
            const char *today,
            gboolean    from_tables)
{
  g_autoptr(GError) error = NULL;
  VigieFiguresOptions options = { year, country, buyer, today, from_tables };
  VigieFigures *f = vigie_figures_compute (store, &options, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (f);
  return f;
}

static VigieFigures *
compute (Fixture    *fx,
         int         year,
         const char *country,
         gint64      buyer,
         const char *today)
{
  return compute_on (fx->store, year, country, buyer, today, FALSE);
}

/* Every figure read from the summaries equals the documented query on the tables, for
 * every year from 2022 to 2027, every country or one, and three days to count overdue
 * actions on (one inside the month an action falls due). Returns the number of figure
 * sets compared. */
static guint
assert_summaries_match_tables (VigieStore *store)
{
  static const char * const countries[] = { NULL, "CN", "VN", "MX", "FR" };
  static const char * const days[] = { "2026-06-15", "2025-06-05", "2025-01-01" };
  guint n = 0;

  for (int year = 2022; year <= 2027; year++)
    for (guint c = 0; c < G_N_ELEMENTS (countries); c++)
      for (guint d = 0; d < G_N_ELEMENTS (days); d++)
        {
          g_autoptr(VigieFigures) fast = compute_on (store, year, countries[c], 0, days[d],
                                                     FALSE);
          g_autoptr(VigieFigures) slow = compute_on (store, year, countries[c], 0, days[d],
                                                     TRUE);
          g_autoptr(GString) a = vigie_figures_to_json (fast);
          g_autoptr(GString) b = vigie_figures_to_json (slow);

          if (!g_str_equal (a->str, b->str))
            g_error ("%d %s on %s: the summaries give\n%s\nthe tables\n%s", year,
                     countries[c] != NULL ? countries[c] : "(all)", days[d], a->str, b->str);
          n++;
        }
  return n;
}

/* The summaries hold exactly what their views sum to. */
static void
assert_summaries_sound (VigieStore *store,
                        const char *after)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);

  if (!vigie_figures_summaries_check (store, report, &error))
    g_error ("after %s: %s%s", after, report->str, error != NULL ? error->message : "");
  g_assert_no_error (error);
  g_assert_cmpstr (report->str, ==, "");
}

static gint64
count_triggers (VigieStore *store,
                const char *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM sqlite_master"
                                          " WHERE type = 'trigger' AND %s", where);
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (vigie_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static const VigieFiguresCountry *
country_of (const VigieFigures *f,
            const char         *code)
{
  for (guint i = 0; i < f->countries->len; i++)
    if (strcmp (g_array_index (f->countries, VigieFiguresCountry, i).country, code) == 0)
      return &g_array_index (f->countries, VigieFiguresCountry, i);
  return NULL;
}

static int
idx (VigieVocab  vocab,
     const char *code)
{
  int i = vigie_vocab_index (vocab, code);

  g_assert_cmpint (i, >=, 0);
  return i;
}

#define SEV(code) idx (VIGIE_VOCAB_SEVERITY, code)
#define STATUS(code) idx (VIGIE_VOCAB_REMEDIATION_STATUS, code)
#define METHOD(code) idx (VIGIE_VOCAB_ACTIVITY_METHOD, code)
#define TIER(code) idx (VIGIE_VOCAB_TIER, code)

static void
test_affiliates (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(VigieFigures) f = compute (fx, 2025, NULL, 0, "2026-06-15");
  g_autoptr(VigieFigures) fr = compute (fx, 2025, "FR", 0, "2026-06-15");
  g_autoptr(VigieFigures) consortium = compute (fx, 2025, NULL, 2, "2026-06-15");
  g_autoptr(VigieFigures) early = compute (fx, 2024, NULL, 0, "2026-06-15");
  g_autoptr(VigieFigures) late = compute (fx, 2026, NULL, 0, "2026-06-15");
  VigieFiguresAffiliates *a;

  /* 2025: A1 (FR, direct), A2 (SE, via C1), A3 (FR, via C1, undated); A4 joined in 2026;
   * C1 is a consortium, not an affiliate. */
  g_assert_cmpint (f->affiliates, ==, 3);
  g_assert_cmpint (f->affiliates_direct, ==, 1);
  g_assert_cmpint (f->affiliates_via_consortium, ==, 2);
  g_assert_cmpuint (f->affiliates_by_country->len, ==, 2);
  a = &g_array_index (f->affiliates_by_country, VigieFiguresAffiliates, 0);
  g_assert_cmpstr (a->country, ==, "FR");       /* A1 direct, A3 via */
  g_assert_cmpint (a->direct, ==, 1);
  g_assert_cmpint (a->via_consortium, ==, 1);
  a = &g_array_index (f->affiliates_by_country, VigieFiguresAffiliates, 1);
  g_assert_cmpstr (a->country, ==, "SE");       /* A2 via */
  g_assert_cmpint (a->direct, ==, 0);
  g_assert_cmpint (a->via_consortium, ==, 1);
  /* FR only: A1 + A3. */
  g_assert_cmpint (fr->affiliates, ==, 2);
  /* Buyer C1: its members A2 and A3, both via the consortium. */
  g_assert_cmpint (consortium->affiliates, ==, 2);
  g_assert_cmpint (consortium->affiliates_via_consortium, ==, 2);
  /* 2024: A2 joined 2024-05-01, so A1, A2, A3 again; 2026: A4 too. */
  g_assert_cmpint (early->affiliates, ==, 3);
  g_assert_cmpint (late->affiliates, ==, 4);
  g_assert_cmpint (late->affiliates_direct, ==, 2);
}

static void
test_partners_sites_investigations (Fixture       *fx,
                                    gconstpointer  data)
{
  g_autoptr(VigieFigures) f = compute (fx, 2025, NULL, 0, "2026-06-15");
  g_autoptr(VigieFigures) vn = compute (fx, 2025, "VN", 0, "2026-06-15");
  g_autoptr(VigieFigures) a1 = compute (fx, 2025, NULL, 1, "2026-06-15");
  g_autoptr(VigieFigures) c1 = compute (fx, 2025, NULL, 2, "2026-06-15");
  const VigieFiguresCountry *cn, *vnc;

  /* Under way in 2025: I1 (ends 2025-02-01), I2, I3 (ends 2025-01-15), I4; not I5 (2026).
   * Partners: P1 (I1, I2), P2 (I3); I4 has none → 2. */
  g_assert_cmpint (f->monitoring_partners, ==, 2);
  g_assert_cmpint (f->investigations, ==, 4);
  /* Sites monitored: S1, S2, S5 (CN) and S3 (VN). */
  g_assert_cmpint (f->sites_monitored, ==, 4);
  /* Linked through contracts in force in 2025 (1, 2 and 4; 3 ended in 2024):
   * S1 (1, 4), S2 (1, 2), S3 (2, 4) → 3; S4 only through contract 3. */
  g_assert_cmpint (f->sites_linked, ==, 3);
  cn = country_of (f, "CN");
  vnc = country_of (f, "VN");
  g_assert_nonnull (cn);
  g_assert_nonnull (vnc);
  g_assert_null (country_of (f, "MX"));
  g_assert_cmpint (cn->sites_linked, ==, 2);    /* S1, S2 */
  g_assert_cmpint (cn->sites_monitored, ==, 3); /* S1, S2, S5 */
  g_assert_cmpint (cn->investigations, ==, 3);  /* I1, I2, I4 */
  g_assert_cmpint (vnc->sites_linked, ==, 1);   /* S3 */
  g_assert_cmpint (vnc->sites_monitored, ==, 1);
  g_assert_cmpint (vnc->investigations, ==, 1); /* I3 */

  /* VN: S3 only: I3 with P2. */
  g_assert_cmpint (vn->monitoring_partners, ==, 1);
  g_assert_cmpint (vn->investigations, ==, 1);
  g_assert_cmpint (vn->sites_linked, ==, 1);
  g_assert_cmpuint (vn->countries->len, ==, 1);

  /* Buyer A1: contract 1 (3 ended) → S1, S2; I1, I2 with P1. */
  g_assert_cmpint (a1->sites_linked, ==, 2);
  g_assert_cmpint (a1->investigations, ==, 2);
  g_assert_cmpint (a1->sites_monitored, ==, 2);
  g_assert_cmpint (a1->monitoring_partners, ==, 1);
  /* Buyer C1: members' contracts 2 (S2, S3) and 4 (S3, S1) → S1, S2, S3. */
  g_assert_cmpint (c1->sites_linked, ==, 3);
  g_assert_cmpint (c1->investigations, ==, 3);  /* I1, I2, I3 */
}

static void
test_methods (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(VigieFigures) f = compute (fx, 2025, NULL, 0, "2026-06-15");
  g_autoptr(VigieFigures) vn = compute (fx, 2025, "VN", 0, "2026-06-15");
  g_autoptr(VigieFigures) a1 = compute (fx, 2025, NULL, 1, "2026-06-15");
  const VigieFiguresMethod *m;

  /* Activities started in 2025: A1, A2, A3, A4, A6, A7 (A5 in 2024). */
  g_assert_cmpint (f->activities, ==, 6);
  m = &f->methods[METHOD ("offsite_interview")];      /* A1 (I1) + A3 (I2) */
  g_assert_cmpstr (m->method, ==, "offsite_interview");
  g_assert_cmpint (m->activities, ==, 2);
  g_assert_cmpint (m->investigations, ==, 2);
  g_assert_cmpint (m->participants, ==, 50);          /* 20 + 30 */
  g_assert_cmpint (m->women, ==, 32);                 /* 12 + 20 */
  g_assert_cmpint (m->migrant, ==, 15);               /* 5 + 10 */
  m = &f->methods[METHOD ("document_review")];
  g_assert_cmpint (m->activities, ==, 1);
  g_assert_cmpint (m->participants, ==, 0);
  m = &f->methods[METHOD ("focus_group")];
  g_assert_cmpint (m->participants, ==, 8);
  m = &f->methods[METHOD ("survey")];                 /* A5 was in 2024 */
  g_assert_cmpint (m->activities, ==, 0);
  g_assert_cmpint (m->participants, ==, 0);
  m = &f->methods[METHOD ("hotline")];
  g_assert_cmpint (m->migrant, ==, 4);
  m = &f->methods[METHOD ("onsite_visit")];
  g_assert_cmpint (m->participants, ==, 15);
  /* Workers interviewed: 50 + 8 + 5 + 15 = 78; women 32 + 8 + 1 + 5 = 46;
   * migrant 15 + 0 + 4 + 0 = 19. */
  g_assert_cmpint (f->workers_interviewed, ==, 78);
  g_assert_cmpint (f->workers_interviewed_women, ==, 46);
  g_assert_cmpint (f->workers_interviewed_migrant, ==, 19);
  /* VN: A7 only (I3 at S3). */
  g_assert_cmpint (vn->activities, ==, 1);
  g_assert_cmpint (vn->workers_interviewed, ==, 15);
  g_assert_cmpint (vn->workers_interviewed_women, ==, 5);
  /* Buyer A1 (S1, S2): A1..A4 → 20 + 0 + 30 + 8 = 58. */
  g_assert_cmpint (a1->activities, ==, 4);
  g_assert_cmpint (a1->workers_interviewed, ==, 58);
}

static const VigieFiguresTheme *
theme_at (const VigieFigures *f,
          guint               i)
{
  g_assert_cmpuint (i, <, f->themes->len);
  return &g_array_index (f->themes, VigieFiguresTheme, i);
}

static void
test_findings (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(VigieFigures) f = compute (fx, 2025, NULL, 0, "2026-06-15");
  g_autoptr(VigieFigures) vn = compute (fx, 2025, "VN", 0, "2026-06-15");
  g_autoptr(VigieFigures) a1 = compute (fx, 2025, NULL, 1, "2026-06-15");
  const VigieFiguresTheme *t;
  const gint64 months[12] = { 1, 1, 2, 0, 0, 0, 1, 0, 0, 0, 1, 1 };

  /* First observed in 2025: F1..F6 and F9 (F7 on 2024-12-31, F8 on 2026-01-01). */
  g_assert_cmpint (f->findings, ==, 7);
  g_assert_cmpint (f->findings_by_severity[SEV ("critical")], ==, 1);     /* F1 */
  g_assert_cmpint (f->findings_by_severity[SEV ("major")], ==, 3);        /* F2 F3 F9 */
  g_assert_cmpint (f->findings_by_severity[SEV ("minor")], ==, 2);        /* F4 F6 */
  g_assert_cmpint (f->findings_by_severity[SEV ("observation")], ==, 1);  /* F5 */

  /* Sub-themes count under their theme, in the code's order, untagged last:
   * forced_labour (F1 critical, F2 recruitment_fees major), wages (F3 major, F4
   * living_wage minor), health_safety (F5 observation, F9 chemicals major), "" (F6). */
  g_assert_cmpuint (f->themes->len, ==, 4);
  t = theme_at (f, 0);
  g_assert_cmpstr (t->theme, ==, "forced_labour");
  g_assert_cmpstr (t->title, ==, "Forced labour and fair recruitment");
  g_assert_cmpint (t->total, ==, 2);
  g_assert_cmpint (t->by_severity[SEV ("critical")], ==, 1);
  g_assert_cmpint (t->by_severity[SEV ("major")], ==, 1);
  t = theme_at (f, 1);
  g_assert_cmpstr (t->theme, ==, "wages");
  g_assert_cmpint (t->by_severity[SEV ("major")], ==, 1);
  g_assert_cmpint (t->by_severity[SEV ("minor")], ==, 1);
  t = theme_at (f, 2);
  g_assert_cmpstr (t->theme, ==, "health_safety");
  g_assert_cmpint (t->by_severity[SEV ("major")], ==, 1);
  g_assert_cmpint (t->by_severity[SEV ("observation")], ==, 1);
  t = theme_at (f, 3);
  g_assert_cmpstr (t->theme, ==, "");
  g_assert_cmpint (t->total, ==, 1);
  g_assert_cmpint (t->by_severity[SEV ("minor")], ==, 1);

  /* Per month: Jan F1, Feb F2, Mar F3 F4, Jul F5, Nov F9, Dec F6 (the 31st counts). */
  for (int m = 0; m < 12; m++)
    g_assert_cmpint (f->findings_per_month[m], ==, months[m]);

  /* Forced-labour indicators per site in 2025: S1 {1,2,3} ∪ {3,4} = 4; S2 {1}; S5 {8};
   * F7's {5,6,7} are of 2024. ≥ 1: S1, S2, S5; ≥ 3: S1. */
  g_assert_cmpint (f->sites_fl_1, ==, 3);
  g_assert_cmpint (f->sites_fl_3, ==, 1);

  /* VN (S3): F5 observation, F6 minor; no indicator. */
  g_assert_cmpint (vn->findings, ==, 2);
  g_assert_cmpint (vn->findings_per_month[6], ==, 1);
  g_assert_cmpint (vn->findings_per_month[11], ==, 1);
  g_assert_cmpint (vn->sites_fl_1, ==, 0);
  /* Buyer A1 (S1, S2): F1..F4; S1 (4 indicators) and S2 (1). */
  g_assert_cmpint (a1->findings, ==, 4);
  g_assert_cmpint (a1->sites_fl_1, ==, 2);
  g_assert_cmpint (a1->sites_fl_3, ==, 1);
}

static void
test_remediation (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(VigieFigures) f = compute (fx, 2025, NULL, 0, "2026-06-15");
  g_autoptr(VigieFigures) june = compute (fx, 2025, NULL, 0, "2025-06-01");
  g_autoptr(VigieFigures) y2026 = compute (fx, 2026, NULL, 0, "2026-06-15");
  g_autoptr(VigieFigures) vn = compute (fx, 2025, "VN", 0, "2026-06-15");
  g_autoptr(VigieFigures) a1 = compute (fx, 2025, NULL, 1, "2026-06-15");
  const gint64 completions[12] = { 1, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 1 };

  /* Due in 2025: R1 closed, R2 verified_by_monitor, R3 in_progress, R4 reported_complete,
   * R6 verified_by_workers, R7 closed (R5, R8 due in 2026; R9 in 2024). */
  g_assert_cmpint (f->actions, ==, 6);
  g_assert_cmpint (f->actions_by_status[STATUS ("closed")], ==, 2);
  g_assert_cmpint (f->actions_by_status[STATUS ("verified_by_monitor")], ==, 1);
  g_assert_cmpint (f->actions_by_status[STATUS ("in_progress")], ==, 1);
  g_assert_cmpint (f->actions_by_status[STATUS ("reported_complete")], ==, 1);
  g_assert_cmpint (f->actions_by_status[STATUS ("verified_by_workers")], ==, 1);
  g_assert_cmpint (f->actions_by_status[STATUS ("proposed")], ==, 0);

  /* Overdue on 2026-06-15, due by 2025-12-31, work owed: R3 (in progress, due
   * 2025-06-08) and R9 (escalated, 2024-09-01); R5 is due in 2026. */
  g_assert_cmpint (f->actions_overdue, ==, 2);
  /* On 2025-06-01 R3 is not due yet. */
  g_assert_cmpint (june->actions_overdue, ==, 1);
  /* For 2026 (every action overdue today): R3, R9 and R5 (2026-01-03); R8 abandoned. */
  g_assert_cmpint (y2026->actions_overdue, ==, 3);

  /* Completed in 2025 and closed: R1 (closed; history through verified_by_workers),
   * R2 (verified_by_monitor), R6 (verified_by_workers), R7 (closed via the monitor); R4
   * is only reported complete. By workers: R1, R6 → 2 of 4 = 50 %. Days: R1 21, R2 100,
   * R6 19, R7 25 → sorted 19 21 25 100 → median (21 + 25) / 2 = 23. */
  g_assert_cmpint (f->actions_closed, ==, 4);
  g_assert_cmpint (f->actions_verified_by_workers, ==, 2);
  g_assert_cmpfloat_with_epsilon (f->share_verified_by_workers, 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (f->median_days_to_close, 23.0, 1e-9);
  /* Completed per month (any status): Jan R7, Feb R1, Jun R2, Sep R4, Dec R6. */
  for (int m = 0; m < 12; m++)
    g_assert_cmpint (f->completions_per_month[m], ==, completions[m]);

  /* Remedy: completed in 2025, not corrective only, delivered: R1, R2, R6, R7 (R4 is
   * corrective only). Workers 40 + 10 + 5 + 7 = 62; women 25 + 3 + 5 + 1 = 34; migrant
   * 10 + 10 + 0 = 20; agency 5; student 0; young 2. */
  g_assert_cmpint (f->remedy_actions, ==, 4);
  g_assert_cmpint (f->remedy_workers[VIGIE_REMEDY_GROUP_TOTAL], ==, 62);
  g_assert_cmpint (f->remedy_workers[VIGIE_REMEDY_GROUP_WOMEN], ==, 34);
  g_assert_cmpint (f->remedy_workers[VIGIE_REMEDY_GROUP_MIGRANT], ==, 20);
  g_assert_cmpint (f->remedy_workers[VIGIE_REMEDY_GROUP_AGENCY], ==, 5);
  g_assert_cmpint (f->remedy_workers[VIGIE_REMEDY_GROUP_STUDENT], ==, 0);
  g_assert_cmpint (f->remedy_workers[VIGIE_REMEDY_GROUP_YOUNG], ==, 2);
  /* Amounts: CNY 500000 (R2); USD 150000 + 20000 = 170000 (R1, R7); R6 has none. */
  g_assert_cmpuint (f->remedy_amounts->len, ==, 2);
  g_assert_cmpstr (g_array_index (f->remedy_amounts, VigieFiguresAmount, 0).currency, ==,
                   "CNY");
  g_assert_cmpint (g_array_index (f->remedy_amounts, VigieFiguresAmount, 0).amount_minor, ==,
                   500000);
  g_assert_cmpstr (g_array_index (f->remedy_amounts, VigieFiguresAmount, 1).currency, ==,
                   "USD");
  g_assert_cmpint (g_array_index (f->remedy_amounts, VigieFiguresAmount, 1).amount_minor, ==,
                   170000);
  g_assert_cmpint (g_array_index (f->remedy_amounts, VigieFiguresAmount, 1).actions, ==, 2);

  /* VN (F5, F6): R5 and R8 are due in 2026; nothing closed: no share, no median. */
  g_assert_cmpint (vn->actions, ==, 0);
  g_assert_cmpint (vn->actions_overdue, ==, 0);
  g_assert_cmpint (vn->actions_closed, ==, 0);
  g_assert_true (isnan (vn->share_verified_by_workers));
  g_assert_true (isnan (vn->median_days_to_close));
  g_assert_cmpuint (vn->remedy_amounts->len, ==, 0);
  /* Buyer A1 (S1, S2 → F1..F4, F7): due in 2025 R1 R2 R3 R4 R7; closed R1 R2 R7 (days
   * 21, 100, 25 → median 25); overdue R3 R9. */
  g_assert_cmpint (a1->actions, ==, 5);
  g_assert_cmpint (a1->actions_closed, ==, 3);
  g_assert_cmpfloat_with_epsilon (a1->median_days_to_close, 25.0, 1e-9);
  g_assert_cmpint (a1->actions_overdue, ==, 2);
}

static void
test_contractors (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(VigieFigures) f = compute (fx, 2025, NULL, 0, "2026-06-15");
  g_autoptr(VigieFigures) early = compute (fx, 2024, NULL, 0, "2026-06-15");
  g_autoptr(VigieFigures) vn = compute (fx, 2025, "VN", 0, "2026-06-15");
  g_autoptr(VigieFigures) c1 = compute (fx, 2025, NULL, 2, "2026-06-15");

  /* In force in 2025: contracts 1 (K1), 2 (K2), 4 (K1) → K1, K2. */
  g_assert_cmpint (f->contractors, ==, 2);
  /* Disclosed by the contractor by 2025-12-31: (1, S1, final) K1; (2, S2, final) K2;
   * (4, S1, other, undated) K1; not (2, S3) of 2026 nor contract 3. */
  g_assert_cmpint (f->contractors_disclosing, ==, 2);
  g_assert_cmpint (f->contractors_disclosing_by_tier[TIER ("final_assembly")], ==, 2);
  g_assert_cmpint (f->contractors_disclosing_by_tier[TIER ("main_component")], ==, 0);
  g_assert_cmpint (f->contractors_disclosing_by_tier[TIER ("other_component")], ==, 1);
  g_assert_cmpint (f->contractors_disclosing_by_tier[TIER ("raw_material")], ==, 0);
  /* 2024: contracts 1 (K1), 3 (K3, to 2024-12-31), 4 (K1); disclosed by then: (1, S1)
   * 2024-02-01 K1, (3, S4) K3, (4, S1) undated K1 → final K1, K3; other K1. */
  g_assert_cmpint (early->contractors, ==, 2);
  g_assert_cmpint (early->contractors_disclosing_by_tier[TIER ("final_assembly")], ==, 2);
  g_assert_cmpint (early->contractors_disclosing_by_tier[TIER ("other_component")], ==, 1);
  /* VN: the only disclosure of S3 is of 2026. */
  g_assert_cmpint (vn->contractors_disclosing, ==, 0);
  /* Buyer C1: contracts 2 (K2) and 4 (K1); disclosures (2, S2, final) K2 and
   * (4, S1, other) K1. */
  g_assert_cmpint (c1->contractors, ==, 2);
  g_assert_cmpint (c1->contractors_disclosing_by_tier[TIER ("final_assembly")], ==, 1);
  g_assert_cmpint (c1->contractors_disclosing_by_tier[TIER ("other_component")], ==, 1);
}

/* The documented query of each figure, run by hand with the parameters, gives the
 * numbers the engine reports (the SQL printed is the full, scoped one). */
static void
test_documented_sql (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(VigieFigures) f = compute (fx, 2025, NULL, 0, "2026-06-15");
  sqlite3 *db = vigie_store_get_db (fx->store);
  sqlite3_stmt *stmt = NULL;

  for (int i = 0; i < VIGIE_N_FIGURES; i++)
    {
      const char *sql = vigie_figure_sql ((VigieFigure) i);

      g_assert_nonnull (strstr (sql, "SELECT"));
      g_assert_null (strstr (sql, "{scope}"));
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_finalize (stmt);
      g_assert_nonnull (vigie_figure_code ((VigieFigure) i));
      g_assert_nonnull (vigie_figure_title ((VigieFigure) i));
    }
  /* The overdue query with ?3 NULL and ?4 0 gives the engine's number. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, vigie_figure_sql (VIGIE_FIGURE_OVERDUE), -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, "2025-01-01", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, "2025-12-31", -1, SQLITE_STATIC);
  sqlite3_bind_null (stmt, 3);
  sqlite3_bind_int64 (stmt, 4, 0);
  sqlite3_bind_text (stmt, 5, "2026-06-15", -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, f->actions_overdue);
  sqlite3_finalize (stmt);
}

static void
test_years_and_options (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) years = vigie_figures_years (fx->store, &error);
  VigieFiguresOptions bad = { 2025, "France", 0, NULL };
  VigieFigures *f;

  /* Findings 2024..2026, investigations 2023..2026, due dates 2024..2026. */
  g_assert_no_error (error);
  g_assert_cmpuint (years->len, ==, 4);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2026);
  g_assert_cmpint (g_array_index (years, int, 3), ==, 2023);

  f = vigie_figures_compute (fx->store, &bad, NULL, &error);
  g_assert_null (f);
  g_assert_error (error, VIGIE_FIGURES_ERROR, VIGIE_FIGURES_ERROR_INVALID);
  g_clear_error (&error);
  bad.country = NULL;
  bad.year = 12;
  g_assert_null (vigie_figures_compute (fx->store, &bad, NULL, &error));
  g_assert_error (error, VIGIE_FIGURES_ERROR, VIGIE_FIGURES_ERROR_INVALID);
  g_clear_error (&error);
  bad.year = 2025;
  bad.today = "2025-02-30";
  g_assert_null (vigie_figures_compute (fx->store, &bad, NULL, &error));
  g_assert_error (error, VIGIE_FIGURES_ERROR, VIGIE_FIGURES_ERROR_INVALID);
  g_clear_error (&error);

  /* Today defaults to vigie_today_iso() (VIGIE_TODAY in the test environment). */
  bad.today = NULL;
  f = vigie_figures_compute (fx->store, &bad, NULL, &error);
  g_assert_no_error (error);
  {
    g_autofree char *today = vigie_today_iso ();

    g_assert_cmpstr (f->today, ==, today);
  }
  g_assert_cmpint (f->findings, ==, 7);
  vigie_figures_free (f);

  /* A cancelled computation stops with G_IO_ERROR_CANCELLED. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    g_cancellable_cancel (cancellable);
    g_assert_null (vigie_figures_compute (fx->store, &bad, cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  }
}

static void
test_outputs (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(VigieFigures) f = compute (fx, 2025, NULL, 0, "2026-06-15");
  g_autoptr(GString) json = vigie_figures_to_json (f);
  g_autoptr(GString) csv = vigie_figures_to_csv (f);
  g_autoptr(GString) table = vigie_figures_to_table (f);

  /* A deep copy prints the same, and outlives the original. */
  {
    VigieFigures *copy = vigie_figures_copy (f);
    g_autoptr(GString) again = NULL;

    g_assert_true (copy->themes != f->themes);
    again = vigie_figures_to_json (copy);
    g_assert_cmpstr (again->str, ==, json->str);
    vigie_figures_free (copy);
  }

  /* JSON: stable keys and the numbers above. */
  g_assert_nonnull (strstr (json->str, "\"year\": 2025"));
  g_assert_nonnull (strstr (json->str, "\"affiliates\": {\"total\": 3, \"direct\": 1, "
                                       "\"via_consortium\": 2"));
  g_assert_nonnull (strstr (json->str, "\"share_verified_by_workers\": 0.5"));
  g_assert_nonnull (strstr (json->str, "\"median_days_to_close\": 23"));
  g_assert_nonnull (strstr (json->str, "{\"currency\": \"USD\", \"amount_minor\": 170000, "
                                       "\"actions\": 2}"));
  g_assert_nonnull (strstr (json->str, "\"per_month\": [1, 1, 2, 0, 0, 0, 1, 0, 0, 0, 1, 1]"));
  /* CSV: header, one line per number, codes only. */
  g_assert_true (g_str_has_prefix (csv->str, "figure,key,subkey,value\r\n"));
  g_assert_nonnull (strstr (csv->str, "\r\nfindings_by_theme,forced_labour,critical,1\r\n"));
  g_assert_nonnull (strstr (csv->str, "\r\nactions_overdue,total,,2\r\n"));
  g_assert_nonnull (strstr (csv->str, "\r\nclosure,median_days_to_close,,23\r\n"));
  g_assert_nonnull (strstr (csv->str, "\r\nremedy_amounts,CNY,,500000\r\n"));
  g_assert_nonnull (strstr (csv->str, "\r\ncontractors_disclosing,final_assembly,,2\r\n"));
  /* Table: titles and the amount with its minor unit. */
  g_assert_nonnull (strstr (table->str, "Annual figures 2025"));
  g_assert_nonnull (strstr (table->str, "Findings by theme and severity"));
  g_assert_nonnull (strstr (table->str, "1,700.00 USD") != NULL
                    ? strstr (table->str, "1,700.00 USD") : strstr (table->str, "1700.00 USD"));
  g_assert_nonnull (strstr (table->str, "50.0 %"));
}


/* ─── The lists behind the figures (what the Overview opens) ────────────── */

static guint
count_findings (VigieStore        *store,
                VigieFindingQuery *q)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = vigie_finding_query_run (store, q, NULL, &error);

  g_assert_no_error (error);
  return ids->len;
}

static guint
count_actions (VigieStore       *store,
               VigieActionQuery *q,
               gint64           *beneficiaries)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieActionList) list = vigie_action_list_new (store);
  guint n;

  g_assert_true (vigie_action_list_set_query (list, q, &error));
  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  if (beneficiaries != NULL)
    {
      *beneficiaries = 0;
      for (guint i = 0; i < n; i++)
        {
          sqlite3_stmt *stmt = vigie_store_prepare (store, "SELECT coalesce (beneficiaries_total,"
                                                           " 0) FROM remediation_actions"
                                                           " WHERE id = ?1", &error);

          g_assert_no_error (error);
          sqlite3_bind_int64 (stmt, 1, vigie_action_list_get_id (list, i));
          g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
          *beneficiaries += sqlite3_column_int64 (stmt, 0);
          sqlite3_reset (stmt);
        }
    }
  return n;
}

static guint
count_sites (VigieStore     *store,
             VigieSiteQuery *q)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieSiteList) list = vigie_site_list_new (store);

  g_assert_true (vigie_site_list_set_query (list, q, &error));
  g_assert_no_error (error);
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

/* Each number of F (for every country or one) equals the number of rows of the list the
 * Overview opens for it, filtered as it filters it; sums of participants and
 * beneficiaries equal the workers counted. Returns how many numbers were compared. */
static guint
assert_lists_match (VigieStore         *store,
                    const VigieFigures *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) investigations = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  const VigieVocabEntry *severities = vigie_vocab_entries (VIGIE_VOCAB_SEVERITY, NULL);
  const VigieVocabEntry *statuses = vigie_vocab_entries (VIGIE_VOCAB_REMEDIATION_STATUS, NULL);
  g_autofree char *first = g_strdup_printf ("%04d-01-01", f->year);
  g_autofree char *last = g_strdup_printf ("%04d-12-31", f->year);
  gint64 sum = 0;
  guint n = 0;

  /* Investigations under way; the workers interviewed in the activities. */
  investigations = vigie_figures_list_investigations (store, f, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (investigations->len, ==, f->investigations);
  activities = vigie_figures_list_activities (store, f, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (activities->len, ==, f->activities);
  for (guint i = 0; i < activities->len; i++)
    sum += ((VigieFiguresRow *) g_ptr_array_index (activities, i))->participants;
  g_assert_cmpint (sum, ==, f->workers_interviewed);
  n += 3;

  /* Findings by severity, by theme and severity, by month. */
  for (int s = 0; s < VIGIE_FIGURES_N_SEVERITIES; s++)
    {
      g_autoptr(VigieFindingQuery) q = vigie_finding_query_new ();

      q->year = f->year;
      q->country = g_strdup (f->country);
      q->severity = g_strdup (severities[s].code);
      g_assert_cmpint (count_findings (store, q), ==, f->findings_by_severity[s]);
      n++;
    }
  for (guint t = 0; t < f->themes->len; t++)
    {
      const VigieFiguresTheme *theme = &g_array_index (f->themes, VigieFiguresTheme, t);

      for (int s = -1; s < VIGIE_FIGURES_N_SEVERITIES; s++)
        {
          g_autoptr(VigieFindingQuery) q = vigie_finding_query_new ();

          q->year = f->year;
          q->country = g_strdup (f->country);
          q->severity = s >= 0 ? g_strdup (severities[s].code) : NULL;
          q->theme = *theme->theme != '\0' ? g_strdup (theme->theme) : NULL;
          q->no_theme = *theme->theme == '\0';
          g_assert_cmpint (count_findings (store, q), ==,
                           s >= 0 ? theme->by_severity[s] : theme->total);
          n++;
        }
    }
  for (int m = 1; m <= 12; m++)
    {
      g_autoptr(VigieFindingQuery) q = vigie_finding_query_new ();
      g_autoptr(VigieActionQuery) a = vigie_action_query_new ();

      q->year = f->year;
      q->month = m;
      q->country = g_strdup (f->country);
      g_assert_cmpint (count_findings (store, q), ==, f->findings_per_month[m - 1]);
      a->country = g_strdup (f->country);
      a->completed_from = g_strdup_printf ("%04d-%02d-01", f->year, m);
      a->completed_to = g_strdup_printf ("%04d-%02d-31", f->year, m);
      g_assert_cmpint (count_actions (store, a, NULL), ==, f->completions_per_month[m - 1]);
      n += 2;
    }

  /* Actions due in the year by status; overdue; providing remedy. */
  for (int s = 0; s < VIGIE_FIGURES_N_STATUSES; s++)
    {
      g_autoptr(VigieActionQuery) a = vigie_action_query_new ();

      a->status = g_strdup (statuses[s].code);
      a->country = g_strdup (f->country);
      a->due_from = g_strdup (first);
      a->due_to = g_strdup (last);
      g_assert_cmpint (count_actions (store, a, NULL), ==, f->actions_by_status[s]);
      n++;
    }
  {
    g_autoptr(VigieActionQuery) a = vigie_action_query_new ();

    a->only_overdue = TRUE;
    a->today = g_strdup (f->today);
    a->due_to = g_strdup (last);
    a->country = g_strdup (f->country);
    g_assert_cmpint (count_actions (store, a, NULL), ==, f->actions_overdue);
    n++;
  }
  {
    g_autoptr(VigieActionQuery) a = vigie_action_query_new ();
    gint64 workers = 0;

    a->remedy_only = TRUE;
    a->completed_from = g_strdup (first);
    a->completed_to = g_strdup (last);
    a->country = g_strdup (f->country);
    g_assert_cmpint (count_actions (store, a, &workers), ==, f->remedy_actions);
    g_assert_cmpint (workers, ==, f->remedy_workers[VIGIE_REMEDY_GROUP_TOTAL]);
    n += 2;
  }

  /* Sites linked and monitored, in all and by country. */
  for (guint c = 0; c <= f->countries->len; c++)
    {
      const VigieFiguresCountry *country = c < f->countries->len
                                           ? &g_array_index (f->countries, VigieFiguresCountry, c)
                                           : NULL;
      g_autoptr(VigieSiteQuery) linked = vigie_site_query_new ();
      g_autoptr(VigieSiteQuery) monitored = vigie_site_query_new ();

      linked->country = g_strdup (country != NULL ? country->country : f->country);
      linked->linked_year = f->year;
      monitored->country = g_strdup (linked->country);
      monitored->monitored_year = f->year;
      g_assert_cmpint (count_sites (store, linked), ==,
                       country != NULL ? country->sites_linked : f->sites_linked);
      g_assert_cmpint (count_sites (store, monitored), ==,
                       country != NULL ? country->sites_monitored : f->sites_monitored);
      n += 2;
    }
  return n;
}

static void
test_lists (Fixture       *fx,
            gconstpointer  data)
{
  static const char * const countries[] = { NULL, "CN", "VN", "MX" };

  for (int year = 2024; year <= 2026; year++)
    for (guint c = 0; c < G_N_ELEMENTS (countries); c++)
      {
        g_autoptr(VigieFigures) f = compute (fx, year, countries[c], 0, "2026-06-15");

        assert_lists_match (fx->store, f);
      }
  /* The lists are not all empty: 2025 has rows of every kind. */
  {
    g_autoptr(VigieFigures) f = compute (fx, 2025, NULL, 0, "2026-06-15");

    g_assert_cmpint (f->investigations, ==, 4);
    g_assert_cmpint (f->workers_interviewed, ==, 78);
    g_assert_cmpint (f->remedy_actions, ==, 4);
    g_assert_cmpuint (assert_lists_match (fx->store, f), >, 60);
  }
}

/* The summaries on the fixture as the triggers left them equal a recount, and every
 * figure read from them equals the documented query on the tables. */
static void
test_summaries_match (Fixture       *fx,
                      gconstpointer  data)
{
  assert_summaries_sound (fx->store, "the fixture");
  g_assert_cmpuint (assert_summaries_match_tables (fx->store), ==, 6 * 5 * 3);
  /* The queries of the summaries are documented too. */
  for (int i = 0; i < VIGIE_N_FIGURES; i++)
    {
      const char *sql = vigie_figure_summary_sql ((VigieFigure) i);

      if (sql != NULL)
        g_assert_nonnull (strstr (sql, "figures_"));
    }
  g_assert_null (vigie_figure_summary_sql (VIGIE_FIGURE_AFFILIATES));
  g_assert_nonnull (vigie_figure_summary_sql (VIGIE_FIGURE_FINDINGS));
}

/* One change of every kind the summaries depend on, each followed by a recount. */
static void
test_summaries_maintained (Fixture       *fx,
                           gconstpointer  data)
{
  static const struct
  {
    const char *what;
    const char *sql;
  } steps[] = {
    { "a new site with a finding, an indicator, an action and its history",
      "INSERT INTO sites (id, uuid, name, country, created_at, updated_at)"
      " VALUES (6, 's6', 'S6', 'MX', " TS ");"
      "INSERT INTO findings (id, uuid, site_id, title, theme, severity, first_observed,"
      " created_at, updated_at) VALUES (10, 'f10', 6, 'F10', 'wages', 'major', '2025-05-05', "
      TS ");"
      "INSERT INTO finding_indicators (finding_id, indicator_id)"
      " SELECT 10, id FROM fl_indicators ORDER BY sort_order LIMIT 3;"
      "INSERT INTO remediation_actions (id, uuid, finding_id, description, remedy_type,"
      " amount_minor, currency, beneficiaries_total, beneficiaries_women, opened_on, due_on,"
      " completed_on, status, created_at, updated_at) VALUES (10, 'r10', 10, 'R10',"
      " 'compensation', 9900, 'MXN', 12, 6, '2025-05-06', '2025-06-10', '2025-06-20',"
      " 'closed', " TS ");"
      "INSERT INTO remediation_status_history (action_id, from_status, to_status, changed_on)"
      " VALUES (10, 'reported_complete', 'verified_by_workers', '2025-06-21'),"
      " (10, 'verified_by_workers', 'closed', '2025-06-22');" },
    { "an investigation over three years and one without an end, with activities",
      "INSERT INTO investigations (id, uuid, site_id, partner_id, trigger, start_date,"
      " end_date, created_at, updated_at) VALUES"
      " (6, 'i6', 6, 7, 'worker_complaint', '2023-12-01', '2025-02-01', " TS "),"
      " (7, 'i7', 4, 6, 'follow_up', '2022-03-01', NULL, " TS ");"
      "INSERT INTO investigation_activities (uuid, investigation_id, method, start_date,"
      " participants_total, participants_women, participants_migrant, created_at,"
      " updated_at) VALUES ('a8', 6, 'survey', '2024-01-10', 40, 20, 10, " TS "),"
      " ('a9', 6, 'survey', '2025-01-10', 10, 5, 5, " TS "),"
      " ('a10', 7, 'focus_group', '2025-03-03', 6, 6, 0, " TS ");" },
    { "a dated contract and an undated one, with links",
      "INSERT INTO contracts (id, uuid, affiliate_id, contractor_id, start_date, end_date,"
      " created_at, updated_at) VALUES (5, 'c5', 5, 10, '2023-06-01', '2026-05-31', " TS "),"
      " (6, 'c6', 1, 9, '2025-01-01', NULL, " TS ");"
      "INSERT INTO contract_sites (id, contract_id, site_id, tier, source, disclosed_on)"
      " VALUES (100, 5, 6, 'final_assembly', 'contractor_disclosure', '2023-07-01'),"
      " (101, 5, 4, 'main_component', 'monitor', NULL),"
      " (102, 6, 6, 'other_component', 'contractor_disclosure', NULL);" },
    { "a finding moved to another theme, severity, date and site",
      "UPDATE findings SET theme = 'chemicals', severity = 'critical',"
      " first_observed = '2024-04-04', site_id = 4 WHERE id = 3" },
    { "an action reopened, then completed again with another amount",
      "UPDATE remediation_actions SET status = 'in_progress', completed_on = NULL"
      " WHERE id = 2;"
      "UPDATE remediation_actions SET status = 'verified_by_workers',"
      " completed_on = '2025-08-08', amount_minor = 1000, currency = 'EUR',"
      " due_on = '2025-07-01' WHERE id = 2" },
    { "an action moved to another finding",
      "UPDATE remediation_actions SET finding_id = 5 WHERE id = 4" },
    { "a closed action losing its passage through verified_by_workers",
      "DELETE FROM remediation_status_history WHERE action_id = 1"
      " AND to_status = 'verified_by_workers'" },
    { "a history row changed to verified_by_workers",
      "UPDATE remediation_status_history SET to_status = 'verified_by_workers'"
      " WHERE action_id = 1 AND to_status = 'in_progress'" },
    { "an activity changed and one deleted",
      "UPDATE investigation_activities SET method = 'hotline', start_date = '2025-02-02',"
      " participants_total = 13 WHERE uuid = 'a1';"
      "DELETE FROM investigation_activities WHERE uuid = 'a4'" },
    { "investigations moved and re-dated",
      "UPDATE investigations SET site_id = 4, end_date = '2026-02-02', partner_id = 7"
      " WHERE id = 2;"
      "UPDATE investigations SET start_date = '2024-01-01', end_date = NULL WHERE id = 4" },
    { "a contract re-dated and a link moved",
      "UPDATE contracts SET start_date = '2025-04-01', end_date = '2025-12-31' WHERE id = 1;"
      "UPDATE contract_sites SET site_id = 5 WHERE id = 101" },
    { "an indicator removed and a site moved to another country",
      "DELETE FROM finding_indicators WHERE finding_id = 1 AND indicator_id ="
      " (SELECT min (indicator_id) FROM finding_indicators WHERE finding_id = 1);"
      "UPDATE sites SET country = 'VN' WHERE id = 1" },
    { "a finding deleted with its indicators and actions",
      "DELETE FROM findings WHERE id = 9" },
    { "an action deleted",
      "DELETE FROM remediation_actions WHERE id = 7" },
    { "an investigation deleted with its activities",
      "DELETE FROM investigations WHERE id = 6" },
    { "a link and a contract deleted",
      "DELETE FROM contract_sites WHERE id = 102; DELETE FROM contracts WHERE id = 5" },
    { "a site deleted with everything at it",
      "DELETE FROM sites WHERE id = 1" },
  };
  g_autoptr(VigieFigures) before = compute (fx, 2025, NULL, 0, "2026-06-15");
  g_autoptr(VigieFigures) after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(GError) error = NULL;

      vigie_store_exec (fx->store, steps[i].sql, &error);
      g_assert_no_error (error);
      assert_summaries_sound (fx->store, steps[i].what);
    }
  assert_summaries_match_tables (fx->store);

  /* The changes did change the figures (the test is not comparing empty summaries):
   * findings of 2025 lost F3 (to 2024), F9 (deleted), F1, F2 (S1 deleted) and gained
   * F10 → 7 − 4 + 1 = 4. */
  after = compute (fx, 2025, NULL, 0, "2026-06-15");
  g_assert_cmpint (before->findings, ==, 7);
  g_assert_cmpint (after->findings, ==, 4);
  g_assert_cmpint (after->sites_fl_3, ==, 1);   /* S6: F10's three indicators */
}

/* The check finds a summary that is wrong (so that the tests above can fail). */
static void
test_summaries_check_fails (Fixture       *fx,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);

  vigie_store_exec (fx->store, "UPDATE figures_actions_due SET n = n + 1 WHERE (month, country,"
                               " status) = (SELECT month, country, status"
                               " FROM figures_actions_due LIMIT 1)", &error);
  g_assert_no_error (error);
  g_assert_false (vigie_figures_summaries_check (fx->store, report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (report->str, "figures_actions_due"));
  g_assert_null (strstr (report->str, "figures_findings"));
}

static void
exec_ok (VigieStore *store,
         const char *sql)
{
  g_autoptr(GError) error = NULL;

  vigie_store_exec (store, sql, &error);
  g_assert_no_error (error);
}

/* Bulk writes drop the triggers (all but those on sites) and rebuild the summaries they
 * fed when they end; a bulk write that adds only sites leaves the summaries alone. */
static void
test_summaries_bulk (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 all = count_triggers (fx->store, "name GLOB 'figures_*'");
  gint64 on_sites = count_triggers (fx->store, "name GLOB 'figures_*' AND tbl_name = 'sites'");
  g_autoptr(VigieFigures) f = NULL;

  g_assert_cmpint (all, >, 40);
  g_assert_cmpint (on_sites, ==, 4);

  /* A wrong summary row, on purpose: only a rebuild puts it right. */
  exec_ok (fx->store, "UPDATE figures_finding_months SET n = n + 100"
                      " WHERE month = '2025-01' AND country = 'CN'");

  /* Sites only: nothing to rebuild; the wrong row stays wrong. */
  g_assert_true (vigie_store_begin (fx->store, &error));
  g_assert_true (vigie_store_bulk_begin (fx->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_triggers (fx->store, "name GLOB 'figures_*'"), ==, on_sites);
  exec_ok (fx->store, "INSERT INTO sites (id, uuid, name, country, created_at, updated_at)"
                      " VALUES (20, 's20', 'S20', 'TH', " TS "), (21, 's21', 'S21', 'TH', " TS ")");
  g_assert_true (vigie_store_bulk_end (fx->store, &error));
  g_assert_true (vigie_store_commit (fx->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_triggers (fx->store, "name GLOB 'figures_*'"), ==, all);
  g_assert_false (vigie_figures_summaries_check (fx->store, NULL, &error));
  g_assert_no_error (error);

  /* Findings, indicators, actions and their history, investigations, activities,
   * contracts and links written in bulk: every summary is rebuilt. */
  g_assert_true (vigie_store_begin (fx->store, &error));
  g_assert_true (vigie_store_bulk_begin (fx->store, &error));
  g_assert_no_error (error);
  exec_ok (fx->store,
           "INSERT INTO findings (id, uuid, site_id, title, theme, severity, first_observed,"
           " created_at, updated_at) VALUES"
           " (30, 'f30', 20, 'F30', 'forced_labour', 'critical', '2025-04-01', " TS "),"
           " (31, 'f31', 21, 'F31', 'wages', 'minor', '2025-01-31', " TS ");"
           "INSERT INTO finding_indicators (finding_id, indicator_id)"
           " SELECT 30, id FROM fl_indicators ORDER BY sort_order LIMIT 4;"
           "INSERT INTO remediation_actions (id, uuid, finding_id, description, remedy_type,"
           " beneficiaries_total, opened_on, due_on, completed_on, status, created_at,"
           " updated_at) VALUES (30, 'r30', 30, 'R30', 'restitution', 3, '2025-04-02',"
           " '2025-05-02', '2025-04-30', 'closed', " TS "),"
           " (31, 'r31', 31, 'R31', 'corrective_only', NULL, '2025-02-01', '2025-03-01', NULL,"
           " 'escalated', " TS ");"
           "INSERT INTO remediation_status_history (action_id, to_status, changed_on) VALUES"
           " (30, 'verified_by_workers', '2025-05-01'), (30, 'closed', '2025-05-02');"
           "INSERT INTO investigations (id, uuid, site_id, partner_id, trigger, start_date,"
           " end_date, created_at, updated_at) VALUES (30, 'i30', 20, 6, 'risk_assessment',"
           " '2025-02-01', '2025-03-01', " TS ");"
           "INSERT INTO investigation_activities (uuid, investigation_id, method, start_date,"
           " participants_total, participants_women, participants_migrant, created_at,"
           " updated_at) VALUES ('a30', 30, 'hotline', '2025-02-10', 9, 4, 1, " TS ");"
           "INSERT INTO contracts (id, uuid, affiliate_id, contractor_id, start_date, end_date,"
           " created_at, updated_at) VALUES (30, 'c30', 1, 8, '2025-01-01', '2025-12-31', " TS ");"
           "INSERT INTO contract_sites (contract_id, site_id, tier, source) VALUES"
           " (30, 20, 'final_assembly', 'monitor'), (30, 21, 'final_assembly', 'monitor')");
  g_assert_true (vigie_store_bulk_end (fx->store, &error));
  g_assert_true (vigie_store_commit (fx->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_triggers (fx->store, "name GLOB 'figures_*'"), ==, all);
  assert_summaries_sound (fx->store, "a bulk write");
  assert_summaries_match_tables (fx->store);
  /* 7 findings of 2025 and F30, F31; sites linked S1, S2, S3 and S20, S21. */
  f = compute (fx, 2025, NULL, 0, "2026-06-15");
  g_assert_cmpint (f->findings, ==, 9);
  g_assert_cmpint (f->sites_linked, ==, 5);
  g_assert_cmpint (f->sites_fl_3, ==, 2);

  /* The triggers work again after the bulk write. */
  exec_ok (fx->store, "DELETE FROM findings WHERE id = 30");
  assert_summaries_sound (fx->store, "a delete after the bulk write");
}

/* The demo generator writes in bulk: its summaries equal a recount. */
static void
test_summaries_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vigie-figures-demo-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  VigieDemoOptions options = { .n_sites = 40, .n_findings = 600, .seed = 7,
                               .today = "2026-06-15" };
  VigieStore *store = vigie_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (vigie_demo_generate (store, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_summaries_sound (store, "the demo generator");
  assert_summaries_match_tables (store);
  {
    g_autoptr(VigieFigures) f = compute_on (store, 2025, NULL, 0, "2026-06-15", FALSE);
    g_autoptr(VigieFigures) cn = compute_on (store, 2025, "CN", 0, "2026-06-15", FALSE);

    g_assert_cmpint (f->findings, >, 0);
    g_assert_cmpint (f->actions, >, 0);
    g_assert_cmpuint (f->themes->len, >, 5);
    /* Every number of the Overview equals the rows of the list it opens. */
    assert_lists_match (store, f);
    assert_lists_match (store, cn);
  }
  g_object_unref (store);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);
}

static void
exec_resource_on (sqlite3    *db,
                  const char *name)
{
  g_autofree char *path = g_strconcat ("/io/github/vigie/Vigie/core/sql/", name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autofree char *sql = NULL;

  g_assert_nonnull (bytes);
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", name, sqlite3_errmsg (db));
}

/* A dataset of schema version 1 (the fixture written before the summaries existed) is
 * migrated to version 2: its summaries are built, and every figure is what was computed
 * by hand. */
static void
test_migrate_v1 (void)
{
  g_autoptr(GError) error = NULL;
  Fixture fx = { 0 };
  g_autofree char *path = NULL;
  sqlite3 *db = NULL;

  fx.dir = g_dir_make_tmp ("vigie-figures-v1-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fx.dir, "test.db", NULL);

  /* Schema 1 exactly as version 1 of Vigie created it. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_resource_on (db, "001-initial.sql");
  exec_resource_on (db, "fts-triggers.sql");
  g_assert_true (vigie_reference_load (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db, fixture_sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1447642949;"
                                     " PRAGMA user_version = 1;", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);

  fx.store = vigie_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vigie_store_get_schema_version (fx.store), ==, 2);
  g_assert_cmpint (count_triggers (fx.store, "name GLOB 'figures_*'"), >, 40);
  assert_summaries_sound (fx.store, "the migration");
  {
    g_autoptr(VigieFigures) f = compute (&fx, 2025, NULL, 0, "2026-06-15");

    /* The hand-computed numbers of the tests above. */
    g_assert_cmpint (f->findings, ==, 7);
    g_assert_cmpint (f->sites_linked, ==, 3);
    g_assert_cmpint (f->sites_monitored, ==, 4);
    g_assert_cmpint (f->actions_overdue, ==, 2);
  }
  test_findings (&fx, NULL);
  test_remediation (&fx, NULL);
  test_methods (&fx, NULL);
  test_partners_sites_investigations (&fx, NULL);
  assert_summaries_match_tables (fx.store);
  {
    /* The copy made before the upgrade. */
    g_autofree char *backup = g_strconcat (path, ".v1.bak", NULL);

    g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
    g_unlink (backup);
  }
  fixture_tear_down (&fx, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/figures/affiliates", test_affiliates);
  ADD ("/figures/partners-sites-investigations", test_partners_sites_investigations);
  ADD ("/figures/methods", test_methods);
  ADD ("/figures/findings", test_findings);
  ADD ("/figures/remediation", test_remediation);
  ADD ("/figures/contractors", test_contractors);
  ADD ("/figures/documented-sql", test_documented_sql);
  ADD ("/figures/years-and-options", test_years_and_options);
  ADD ("/figures/outputs", test_outputs);
  ADD ("/figures/lists", test_lists);
  ADD ("/figures/summaries/match", test_summaries_match);
  ADD ("/figures/summaries/maintained", test_summaries_maintained);
  ADD ("/figures/summaries/check-fails", test_summaries_check_fails);
  ADD ("/figures/summaries/bulk", test_summaries_bulk);
#undef ADD
  g_test_add_func ("/figures/summaries/demo", test_summaries_demo);
  g_test_add_func ("/figures/summaries/migrate-v1", test_migrate_v1);

  return g_test_run ();
}

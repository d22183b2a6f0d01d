/* test-figures.c — every annual figure against numbers computed by hand on a small
 * fixture (the hand computation is written next to each assertion).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "vigie-figures.h"
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
compute (Fixture    *fx,
         int         year,
         const char *country,
         gint64      buyer,
         const char *today)
{
  g_autoptr(GError) error = NULL;
  VigieFiguresOptions options = { year, country, buyer, today };
  VigieFigures *f = vigie_figures_compute (fx->store, &options, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (f);
  return f;
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
#undef ADD

  return g_test_run ();
}

/* test-buyers.c — organisations, contracts, site links, disclosure requests and the supplier
 * dashboard against a hand-built fixture whose every figure is worked out below.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "vigie-buyers.h"
#include "vigie-site.h"
#include "vigie-store-private.h"

typedef struct
{
  char       *dir;
  VigieStore *store;
} Fixture;

/* Organisations: 1 consortium Nordic Buyers; affiliates 2 City of Lyon (direct),
 * 3 Uppsala University and 4 Region Skåne (via 1); contractors 5 Atea, 6 Dustin; brands
 * 7 Hewlett, 8 Lenovo.
 *
 * Sites: 1 Alpha (CN, Eastern Asia), 2 Beta (CN), 3 Gamma (VN, South-eastern Asia),
 * 4 Delta (MY, South-eastern Asia), 5 Epsilon (TH, linked to nothing).
 *
 * Contracts (affiliate, contractor, brand, spend) and their links:
 *   C1 Lyon,    Atea,   Hewlett, 1,000,000.00 EUR  → site 1 final, site 3 main component
 *   C2 Uppsala, Dustin, Hewlett, 5,000,000.00 SEK  → site 1 final, site 2 main component
 *   C3 Skåne,   Dustin, Lenovo,  2,000,000.00 SEK  → site 1 final, site 4 other + raw
 *   C4 Lyon,    Atea,   Lenovo,  no spend          → site 3 final
 *
 * Findings (site, theme, kind, status): F1 1 forced_labour breach open; F2 1 working_hours
 * breach closed; F3 1 working_hours breach progress_made; F4 2 wages breach closed; F5 2
 * wages good_practice open (never counted); F6 3 health_safety risk disputed; F7 4 wages
 * breach open; F8 5 wages breach open (site not linked).
 *
 * Actions (finding, status, opened, due, completed; history):
 *   A1 F2 closed               2026-01-01 —          2026-01-31; verified_by_workers 02-05,
 *                                                                closed 2026-02-10
 *   A2 F4 closed               2026-01-01 —          2026-03-02; no history
 *   A3 F4 verified_by_monitor  2026-02-01
 *   A4 F1 in_progress          2026-03-01 2026-06-01            (overdue on 2026-06-15)
 *   A5 F3 proposed             2026-04-01 2026-07-01            (not yet due)
 *   A6 F6 verified_by_workers  2026-01-15
 *   A7 F6 closed               2026-01-10 —          —         ; closed 2026-04-20
 *   A8 F7 in_progress          2026-03-01 2026-05-01            (overdue, site 4)
 *
 * Disclosure requests (asked, contract, tier, status, requested → answered):
 *   R1 Hewlett C1 final_assembly  complete   2026-01-01 → 2026-01-11 (10 days)
 *   R2 Hewlett C2 main_component  partial    2026-02-01 → 2026-03-03 (30 days)
 *   R3 Hewlett C1 main_component  requested  2026-03-01
 *   R4 Hewlett —  (every tier)    refused    2026-01-01 → 2026-01-21 (20 days)
 *   R5 Hewlett C2 final_assembly  complete   2026-04-01 → 2026-04-06 (5 days)
 *   R6 Dustin  C3 raw_material    complete   2026-01-01 → 2026-01-02 (1 day) */
static const char fixture_sql[] =
  "INSERT INTO organisations (id, uuid, kind, name, country, consortium_id, created_at,"
  "                           updated_at) VALUES"
  " (1, 'o1', 'consortium', 'Nordic Buyers', 'SE', NULL, 'x', 'x'),"
  " (2, 'o2', 'affiliate', 'City of Lyon', 'FR', NULL, 'x', 'x'),"
  " (3, 'o3', 'affiliate', 'Uppsala University', 'SE', 1, 'x', 'x'),"
  " (4, 'o4', 'affiliate', 'Region Skåne', 'SE', 1, 'x', 'x'),"
  " (5, 'o5', 'contractor', 'Atea', 'NO', NULL, 'x', 'x'),"
  " (6, 'o6', 'contractor', 'Dustin', 'SE', NULL, 'x', 'x'),"
  " (7, 'o7', 'brand', 'Hewlett', 'US', NULL, 'x', 'x'),"
  " (8, 'o8', 'brand', 'Lenovo', 'CN', NULL, 'x', 'x'),"
  " (9, 'o9', 'union', 'Metal Workers', 'CN', NULL, 'x', 'x');"
  "INSERT INTO sites (id, uuid, name, country, created_at, updated_at) VALUES"
  " (1, 's1', 'Alpha Assembly', 'CN', 'x', 'x'), (2, 's2', 'Beta Boards', 'CN', 'x', 'x'),"
  " (3, 's3', 'Gamma Panels', 'VN', 'x', 'x'), (4, 's4', 'Delta Cells', 'MY', 'x', 'x'),"
  " (5, 's5', 'Epsilon Cables', 'TH', 'x', 'x');"
  "INSERT INTO contracts (id, uuid, reference, affiliate_id, contractor_id, brand_id,"
  "                       annual_spend_minor, currency, start_date, created_at, updated_at)"
  " VALUES"
  " (1, 'c1', 'C1', 2, 5, 7, 100000000, 'EUR', '2025-01-01', 'x', 'x'),"
  " (2, 'c2', 'C2', 3, 6, 7, 500000000, 'SEK', '2025-02-01', 'x', 'x'),"
  " (3, 'c3', 'C3', 4, 6, 8, 200000000, 'SEK', '2025-03-01', 'x', 'x'),"
  " (4, 'c4', 'C4', 2, 5, 8, NULL, NULL, '2025-04-01', 'x', 'x');"
  "INSERT INTO contract_sites (contract_id, site_id, tier, source) VALUES"
  " (1, 1, 'final_assembly', 'contractor_disclosure'), (1, 3, 'main_component', 'monitor'),"
  " (2, 1, 'final_assembly', 'contractor_disclosure'), (2, 2, 'main_component', 'public_list'),"
  " (3, 1, 'final_assembly', 'contractor_disclosure'), (3, 4, 'other_component', 'monitor'),"
  " (3, 4, 'raw_material', 'monitor'), (4, 3, 'final_assembly', 'contractor_disclosure');"
  "INSERT INTO findings (id, uuid, site_id, title, theme, severity, kind, status,"
  "                      first_observed, created_at, updated_at) VALUES"
  " (1, 'f1', 1, 'F1', 'forced_labour', 'critical', 'breach', 'open', '2026-01-01', 'x', 'x'),"
  " (2, 'f2', 1, 'F2', 'working_hours', 'major', 'breach', 'closed', '2026-01-01', 'x', 'x'),"
  " (3, 'f3', 1, 'F3', 'working_hours', 'major', 'breach', 'progress_made', '2026-01-01', 'x', 'x'),"
  " (4, 'f4', 2, 'F4', 'wages', 'major', 'breach', 'closed', '2026-01-01', 'x', 'x'),"
  " (5, 'f5', 2, 'F5', 'wages', 'observation', 'good_practice', 'open', '2026-01-01', 'x', 'x'),"
  " (6, 'f6', 3, 'F6', 'health_safety', 'minor', 'risk', 'disputed', '2026-01-01', 'x', 'x'),"
  " (7, 'f7', 4, 'F7', 'wages', 'major', 'breach', 'open', '2026-01-01', 'x', 'x'),"
  " (8, 'f8', 5, 'F8', 'wages', 'major', 'breach', 'open', '2026-01-01', 'x', 'x');"
  "INSERT INTO remediation_actions (id, uuid, finding_id, description, opened_on, due_on,"
  "                                 completed_on, status, created_at, updated_at) VALUES"
  " (1, 'a1', 2, 'A1', '2026-01-01', NULL, '2026-01-31', 'closed', 'x', 'x'),"
  " (2, 'a2', 4, 'A2', '2026-01-01', NULL, '2026-03-02', 'closed', 'x', 'x'),"
  " (3, 'a3', 4, 'A3', '2026-02-01', NULL, NULL, 'verified_by_monitor', 'x', 'x'),"
  " (4, 'a4', 1, 'A4', '2026-03-01', '2026-06-01', NULL, 'in_progress', 'x', 'x'),"
  " (5, 'a5', 3, 'A5', '2026-04-01', '2026-07-01', NULL, 'proposed', 'x', 'x'),"
  " (6, 'a6', 6, 'A6', '2026-01-15', NULL, NULL, 'verified_by_workers', 'x', 'x'),"
  " (7, 'a7', 6, 'A7', '2026-01-10', NULL, NULL, 'closed', 'x', 'x'),"
  " (8, 'a8', 7, 'A8', '2026-03-01', '2026-05-01', NULL, 'in_progress', 'x', 'x');"
  "INSERT INTO remediation_status_history (action_id, from_status, to_status, changed_on)"
  " VALUES"
  " (1, 'reported_complete', 'verified_by_workers', '2026-02-05'),"
  " (1, 'verified_by_workers', 'closed', '2026-02-10'),"
  " (7, 'verified_by_monitor', 'closed', '2026-04-20');"
  "INSERT INTO disclosure_requests (id, uuid, contract_id, organisation_id, subject, tier,"
  "                                 requested_on, answered_on, status, created_at,"
  "                                 updated_at) VALUES"
  " (1, 'r1', 1, 7, 'site_names', 'final_assembly', '2026-01-01', '2026-01-11', 'complete', 'x', 'x'),"
  " (2, 'r2', 2, 7, 'component_sites', 'main_component', '2026-02-01', '2026-03-03', 'partial', 'x', 'x'),"
  " (3, 'r3', 1, 7, 'component_sites', 'main_component', '2026-03-01', NULL, 'requested', 'x', 'x'),"
  " (4, 'r4', NULL, 7, 'factory_access', NULL, '2026-01-01', '2026-01-21', 'refused', 'x', 'x'),"
  " (5, 'r5', 2, 7, 'site_names', 'final_assembly', '2026-04-01', '2026-04-06', 'complete', 'x', 'x'),"
  " (6, 'r6', 3, 6, 'site_names', 'raw_material', '2026-01-01', '2026-01-02', 'complete', 'x', 'x');";

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fx->dir = g_dir_make_tmp ("vigie-buyers-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fx->dir, "test.db", NULL);
  fx->store = vigie_store_open (path, &error);
  g_assert_no_error (error);
  vigie_store_set_actor (fx->store, "tester");
  vigie_store_exec (fx->store, fixture_sql, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fx,
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

static VigieSupplierDashboard *
dashboard (Fixture *fx,
           gint64   id)
{
  g_autoptr(GError) error = NULL;
  VigieSupplierDashboard *d = vigie_store_supplier_dashboard (fx->store, id, "2026-06-15",
                                                              &error);

  g_assert_no_error (error);
  g_assert_nonnull (d);
  return d;
}

static const VigieLabelledCount *
count_at (GPtrArray *array,
          guint      i)
{
  g_assert_cmpuint (i, <, array->len);
  return g_ptr_array_index (array, i);
}

static const VigieLeverageSite *
site_at (const VigieSupplierDashboard *d,
         guint                         i)
{
  g_assert_cmpuint (i, <, d->sites->len);
  return g_ptr_array_index (d->sites, i);
}

static gint64
spend_in (const VigieLeverageSite *s,
          const char              *currency)
{
  for (guint i = 0; i < s->spend->len; i++)
    {
      VigieSpend *sp = g_ptr_array_index (s->spend, i);

      if (g_strcmp0 (sp->currency, currency) == 0)
        return sp->amount_minor;
    }
  return 0;
}

/* ─── Dashboard ──────────────────────────────────────────────────────────── */

static void
test_brand_dashboard (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(VigieSupplierDashboard) d = dashboard (fx, 7);
  const VigieTierDisclosure *t;
  VigieSpend *sp;

  /* Hewlett: contracts C1 and C2; affiliates Lyon and Uppsala; sites 1, 2, 3. */
  g_assert_cmpstr (d->kind, ==, "brand");
  g_assert_cmpint (d->n_contracts, ==, 2);
  g_assert_cmpint (d->n_affiliates, ==, 2);
  g_assert_cmpint (d->n_sites, ==, 3);
  g_assert_cmpint (d->n_countries, ==, 2);
  g_assert_cmpint (d->n_requests, ==, 5);
  /* Open at sites 1–3, good practice F5 left out: F1, F3, F6. */
  g_assert_cmpint (d->open_findings, ==, 3);
  /* A4 (due 06-01, in progress); A5 due 07-01; A8 is at site 4, outside the scope. */
  g_assert_cmpint (d->overdue_actions, ==, 1);

  /* Spend: one contract in EUR and one in SEK; the tie goes to the first code, EUR. */
  g_assert_cmpuint (d->spend->len, ==, 2);
  g_assert_cmpstr (d->ranking_currency, ==, "EUR");
  sp = g_ptr_array_index (d->spend, 0);
  g_assert_cmpstr (sp->currency, ==, "EUR");
  g_assert_cmpint (sp->amount_minor, ==, 100000000);
  sp = g_ptr_array_index (d->spend, 1);
  g_assert_cmpstr (sp->currency, ==, "SEK");
  g_assert_cmpint (sp->amount_minor, ==, 500000000);

  /* Geography: CN 2 (sites 1, 2), VN 1; regions the same way. */
  g_assert_cmpuint (d->countries->len, ==, 2);
  g_assert_cmpstr (count_at (d->countries, 0)->key, ==, "CN");
  g_assert_cmpint (count_at (d->countries, 0)->count, ==, 2);
  g_assert_cmpstr (count_at (d->countries, 1)->key, ==, "VN");
  g_assert_cmpint (count_at (d->countries, 1)->count, ==, 1);
  g_assert_cmpuint (d->regions->len, ==, 2);
  g_assert_cmpstr (count_at (d->regions, 0)->key, ==, "Eastern Asia");
  g_assert_cmpint (count_at (d->regions, 0)->count, ==, 2);
  g_assert_cmpstr (count_at (d->regions, 1)->key, ==, "South-eastern Asia");
  g_assert_cmpint (count_at (d->regions, 1)->count, ==, 1);

  /* Open findings by theme: one each, ordered by key on the tie. */
  g_assert_cmpuint (d->themes->len, ==, 3);
  g_assert_cmpstr (count_at (d->themes, 0)->key, ==, "forced_labour");
  g_assert_cmpstr (count_at (d->themes, 0)->label, ==, "Forced labour and fair recruitment");
  g_assert_cmpstr (count_at (d->themes, 1)->key, ==, "health_safety");
  g_assert_cmpstr (count_at (d->themes, 2)->key, ==, "working_hours");
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (count_at (d->themes, i)->count, ==, 1);

  /* Remediation status of A1–A7 in workflow order: proposed 1 (A5), in_progress 1 (A4),
   * verified_by_workers 1 (A6), verified_by_monitor 1 (A3), closed 3 (A1, A2, A7). */
  g_assert_cmpuint (d->remediation->len, ==, 5);
  g_assert_cmpstr (count_at (d->remediation, 0)->key, ==, "proposed");
  g_assert_cmpstr (count_at (d->remediation, 1)->key, ==, "in_progress");
  g_assert_cmpstr (count_at (d->remediation, 2)->key, ==, "verified_by_workers");
  g_assert_cmpstr (count_at (d->remediation, 3)->key, ==, "verified_by_monitor");
  g_assert_cmpstr (count_at (d->remediation, 4)->key, ==, "closed");
  g_assert_cmpint (count_at (d->remediation, 4)->count, ==, 3);

  /* Disclosure per tier (requests R1–R5 to Hewlett): final 2 of 2 complete (R1, R5);
   * main component 0 of 2 (R2 partial, R3 requested); every tier 0 of 1 (R4 refused). */
  g_assert_cmpuint (d->tiers->len, ==, 3);
  t = g_ptr_array_index (d->tiers, 0);
  g_assert_cmpstr (t->tier, ==, "final_assembly");
  g_assert_cmpint (t->complete, ==, 2);
  g_assert_cmpint (t->total, ==, 2);
  t = g_ptr_array_index (d->tiers, 1);
  g_assert_cmpstr (t->tier, ==, "main_component");
  g_assert_cmpint (t->complete, ==, 0);
  g_assert_cmpint (t->partial, ==, 1);
  g_assert_cmpint (t->requested, ==, 1);
  g_assert_cmpint (t->total, ==, 2);
  t = g_ptr_array_index (d->tiers, 2);
  g_assert_cmpstr (t->tier, ==, "");
  g_assert_cmpint (t->refused, ==, 1);
  g_assert_cmpint (t->total, ==, 1);
}

static void
test_leverage_ranking (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(VigieSupplierDashboard) brand = dashboard (fx, 7);
  g_autoptr(VigieSupplierDashboard) consortium = dashboard (fx, 1);
  const VigieLeverageSite *s;

  /* Collective leverage counts every contract linked to the site, not only Hewlett's:
   *   site 1: C1 (Lyon, 1M EUR), C2 (Uppsala, 5M SEK), C3 (Skåne, 2M SEK)
   *           → 3 affiliates, 1,000,000.00 EUR + 7,000,000.00 SEK
   *   site 3: C1 (Lyon, 1M EUR), C4 (Lyon, no spend) → 1 affiliate, 1,000,000.00 EUR
   *   site 2: C2 (Uppsala, 5M SEK)                    → 1 affiliate, 0 EUR
   * Ranking currency EUR: site 1 (3 affiliates), then site 3 before site 2 (EUR spend),
   * although site 2 has the larger amount in SEK: currencies are never converted. */
  g_assert_cmpuint (brand->sites->len, ==, 3);
  s = site_at (brand, 0);
  g_assert_cmpint (s->site_id, ==, 1);
  g_assert_cmpuint (s->rank, ==, 1);
  g_assert_cmpint (s->n_affiliates, ==, 3);
  g_assert_cmpint (spend_in (s, "EUR"), ==, 100000000);
  g_assert_cmpint (spend_in (s, "SEK"), ==, 700000000);
  g_assert_cmpint (s->ranking_spend_minor, ==, 100000000);
  g_assert_cmpstr (s->tiers, ==, "final_assembly");
  g_assert_cmpint (s->open_findings, ==, 2);   /* F1, F3 */
  s = site_at (brand, 1);
  g_assert_cmpint (s->site_id, ==, 3);
  g_assert_cmpint (s->n_affiliates, ==, 1);
  g_assert_cmpint (s->ranking_spend_minor, ==, 100000000);
  g_assert_cmpstr (s->tiers, ==, "main_component");
  g_assert_cmpstr (s->region, ==, "South-eastern Asia");
  s = site_at (brand, 2);
  g_assert_cmpint (s->site_id, ==, 2);
  g_assert_cmpuint (s->rank, ==, 3);
  g_assert_cmpint (s->ranking_spend_minor, ==, 0);
  g_assert_cmpint (spend_in (s, "SEK"), ==, 500000000);

  /* The consortium: contracts of its members (C2, C3), all in SEK; sites 1, 2, 4:
   *   site 1: 3 affiliates; site 2: 1, 5M SEK; site 4: 1, 2M SEK (two tiers, one contract). */
  g_assert_cmpint (consortium->n_contracts, ==, 2);
  g_assert_cmpint (consortium->n_affiliates, ==, 2);
  g_assert_cmpstr (consortium->ranking_currency, ==, "SEK");
  g_assert_cmpuint (consortium->sites->len, ==, 3);
  g_assert_cmpint (site_at (consortium, 0)->site_id, ==, 1);
  g_assert_cmpint (site_at (consortium, 1)->site_id, ==, 2);
  g_assert_cmpint (site_at (consortium, 2)->site_id, ==, 4);
  g_assert_cmpint (site_at (consortium, 2)->ranking_spend_minor, ==, 200000000);
  g_assert_cmpstr (site_at (consortium, 2)->tiers, ==, "other_component,raw_material");
}

static void
test_performance_components (Fixture       *fx,
                             gconstpointer  data)
{
  g_autoptr(VigieSupplierDashboard) d = dashboard (fx, 7);
  g_autoptr(VigieSupplierDashboard) dustin = dashboard (fx, 6);
  g_autoptr(VigieSupplierDashboard) consortium = dashboard (fx, 1);
  const VigiePerformance *p = &d->performance;

  /* Disclosure completeness: complete R1, R5 out of R1–R5 = 2 / 5. */
  g_assert_cmpint (p->disclosure_completeness.numerator, ==, 2);
  g_assert_cmpint (p->disclosure_completeness.denominator, ==, 5);
  g_assert_cmpfloat_with_epsilon (vigie_ratio_percent (&p->disclosure_completeness), 40.0, 1e-9);
  /* Answered: R1, R2, R4, R5 = 4 / 5. */
  g_assert_cmpint (p->requests_answered.numerator, ==, 4);
  g_assert_cmpint (p->requests_answered.denominator, ==, 5);
  /* Findings remediated: F2, F4 closed out of F1, F2, F3, F4, F6 (F5 is a good practice)
   * = 2 / 5. */
  g_assert_cmpint (p->findings_remediated.numerator, ==, 2);
  g_assert_cmpint (p->findings_remediated.denominator, ==, 5);
  /* Verified by workers: A6 (status) and A1 (history) out of the actions verified or
   * closed, A1, A2, A3, A6, A7 = 2 / 5. */
  g_assert_cmpint (p->verified_by_workers.numerator, ==, 2);
  g_assert_cmpint (p->verified_by_workers.denominator, ==, 5);
  /* Days to close: A1 02-10 − 01-01 = 40 (history), A2 03-02 − 01-01 = 60 (completed_on),
   * A7 04-20 − 01-10 = 100 (history) → median of {40, 60, 100} = 60 over 3 actions. */
  g_assert_cmpint (p->days_to_close.n, ==, 3);
  g_assert_cmpfloat_with_epsilon (p->days_to_close.value, 60.0, 1e-9);
  /* Days to answer: R5 5, R1 10, R4 20, R2 30 → median (10 + 20) / 2 = 15 over 4. */
  g_assert_cmpint (p->days_to_answer.n, ==, 4);
  g_assert_cmpfloat_with_epsilon (p->days_to_answer.value, 15.0, 1e-9);

  /* Dustin (contractor of C2, C3): asked R6 only → 1 / 1 complete, answered in 1 day.
   * Its sites 1, 2, 4: findings F1, F2, F3, F4, F7, closed F2, F4 → 2 / 5. */
  g_assert_cmpint (dustin->performance.disclosure_completeness.numerator, ==, 1);
  g_assert_cmpint (dustin->performance.disclosure_completeness.denominator, ==, 1);
  g_assert_cmpfloat_with_epsilon (dustin->performance.days_to_answer.value, 1.0, 1e-9);
  g_assert_cmpint (dustin->performance.findings_remediated.numerator, ==, 2);
  g_assert_cmpint (dustin->performance.findings_remediated.denominator, ==, 5);
  /* A8 at site 4 is overdue too: A4 and A8. */
  g_assert_cmpint (dustin->overdue_actions, ==, 2);

  /* A buyer's requests are those made on its contracts: the consortium's members hold C2
   * and C3 → R2, R5, R6; complete R5, R6 = 2 / 3. */
  g_assert_cmpint (consortium->performance.disclosure_completeness.numerator, ==, 2);
  g_assert_cmpint (consortium->performance.disclosure_completeness.denominator, ==, 3);
}

static void
test_empty_dashboard (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(VigieOrganisationRecord) org = vigie_organisation_record_new ("brand");
  g_autoptr(VigieSupplierDashboard) d = NULL;
  g_autoptr(GError) error = NULL;

  g_free (org->name);
  org->name = g_strdup ("Nobody Yet");
  vigie_store_insert_organisation (fx->store, org, &error);
  g_assert_no_error (error);
  d = dashboard (fx, org->id);
  g_assert_cmpint (d->n_sites, ==, 0);
  g_assert_cmpuint (d->sites->len, ==, 0);
  g_assert_null (d->ranking_currency);
  g_assert_cmpint (d->performance.findings_remediated.denominator, ==, 0);
  g_assert_cmpfloat (vigie_ratio_percent (&d->performance.findings_remediated), ==, -1);
  g_assert_cmpint (d->performance.days_to_close.n, ==, 0);
  g_assert_true (isnan (d->performance.days_to_close.value));
}

static void
dashboard_ready_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  VigieSupplierDashboard **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = vigie_store_supplier_dashboard_finish (VIGIE_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
test_dashboard_async (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(VigieSupplierDashboard) d = NULL;

  vigie_store_supplier_dashboard_async (fx->store, 7, NULL, dashboard_ready_cb, &d);
  while (d == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (d->n_sites, ==, 3);
  g_assert_cmpint (site_at (d, 0)->site_id, ==, 1);
}

/* ─── Lists ──────────────────────────────────────────────────────────────── */

static void
test_lists (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = vigie_store_list_buyers (fx->store, NULL, NULL, &error);
  g_autoptr(GPtrArray) brands = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  VigieOrganisationSummary *s;
  VigieContractSummary *c;

  g_assert_no_error (error);
  /* The union is not a buyer or supplier; affiliates come first, then consortia. */
  g_assert_cmpuint (all->len, ==, 8);
  s = g_ptr_array_index (all, 0);
  g_assert_cmpstr (s->name, ==, "City of Lyon");
  g_assert_cmpint (s->n_contracts, ==, 2);
  s = g_ptr_array_index (all, 1);
  g_assert_cmpstr (s->name, ==, "Region Skåne");
  g_assert_cmpstr (s->consortium_name, ==, "Nordic Buyers");
  s = g_ptr_array_index (all, 3);
  g_assert_cmpstr (s->kind, ==, "consortium");

  brands = vigie_store_list_buyers (fx->store, "brand", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (brands->len, ==, 2);
  found = vigie_store_list_buyers (fx->store, NULL, "upps", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((VigieOrganisationSummary *) g_ptr_array_index (found, 0))->name, ==,
                   "Uppsala University");
  g_clear_pointer (&found, g_ptr_array_unref);
  found = vigie_store_list_buyers (fx->store, NULL, "100%", &error);
  g_assert_cmpuint (found->len, ==, 0);

  contracts = vigie_store_list_contracts_of (fx->store, 8, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contracts->len, ==, 2);
  c = g_ptr_array_index (contracts, 0);   /* newest start first: C4 */
  g_assert_cmpstr (c->reference, ==, "C4");
  g_assert_cmpstr (c->affiliate_name, ==, "City of Lyon");
  g_assert_cmpstr (c->contractor_name, ==, "Atea");
  g_assert_cmpint (c->annual_spend_minor, ==, -1);
  g_assert_cmpint (c->n_sites, ==, 1);
  c = g_ptr_array_index (contracts, 1);
  g_assert_cmpint (c->n_sites, ==, 2);   /* site 1, site 4 (two tiers) */

  requests = vigie_store_list_disclosures_of (fx->store, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (requests->len, ==, 5);
  g_assert_cmpstr (((VigieDisclosureSummary *) g_ptr_array_index (requests, 0))->record->uuid,
                   ==, "r5");
}

/* ─── CRUD and validation ────────────────────────────────────────────────── */

static gboolean
has_field (GPtrArray  *errors,
           const char *field)
{
  for (guint i = 0; i < errors->len; i++)
    if (g_strcmp0 (((VigieFieldError *) g_ptr_array_index (errors, i))->field, field) == 0)
      return TRUE;
  return FALSE;
}

static gint64
audit_count (Fixture    *fx,
             const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM audit_log WHERE table_name = '%s'",
                                          table);
  sqlite3_stmt *stmt = vigie_store_prepare (fx->store, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static void
test_organisation_crud (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(VigieOrganisationRecord) org = vigie_organisation_record_new ("affiliate");
  g_autoptr(VigieOrganisationRecord) back = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;

  /* Blank name, unknown country, a brand as consortium, a bad date. */
  g_free (org->name);
  org->name = g_strdup ("   ");
  org->country = g_strdup ("ZZ");
  org->consortium_id = 7;
  org->affiliated_on = g_strdup ("2026-02-30");
  errors = vigie_organisation_validate (fx->store, org);
  g_assert_true (has_field (errors, "name"));
  g_assert_true (has_field (errors, "country"));
  g_assert_true (has_field (errors, "consortium_id"));
  g_assert_true (has_field (errors, "affiliated_on"));
  g_assert_cmpint (vigie_store_insert_organisation (fx->store, org, &error), ==, 0);
  g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_free (org->name);
  org->name = g_strdup ("  Ghent University ");
  g_free (org->country);
  org->country = g_strdup ("BE");
  org->consortium_id = 1;
  g_free (org->affiliated_on);
  org->affiliated_on = g_strdup ("2026-02-28");
  g_assert_cmpint (vigie_store_insert_organisation (fx->store, org, &error), >, 0);
  g_assert_no_error (error);
  back = vigie_store_get_organisation (fx->store, org->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->name, ==, "Ghent University");
  g_assert_cmpint (back->consortium_id, ==, 1);
  g_assert_cmpstr (back->affiliated_on, ==, "2026-02-28");

  /* Direct affiliation from now on. */
  back->consortium_id = 0;
  g_assert_true (vigie_store_update_organisation (fx->store, back, &error));
  g_assert_no_error (error);
  g_clear_pointer (&back, vigie_organisation_record_free);
  back = vigie_store_get_organisation (fx->store, org->id, &error);
  g_assert_cmpint (back->consortium_id, ==, 0);
  g_assert_cmpint (audit_count (fx, "organisations"), ==, 2);

  /* Hewlett is a party to contracts: refused with a sentence. */
  g_assert_false (vigie_store_delete_organisation (fx->store, 7, &error));
  g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "2 contracts"));
  g_clear_error (&error);
  g_assert_true (vigie_store_delete_organisation (fx->store, org->id, &error));
  g_assert_no_error (error);
  g_assert_null (vigie_store_get_organisation (fx->store, org->id, &error));
  g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND);
}

static void
test_contract_crud (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(VigieContractRecord) c = vigie_contract_record_new ();
  g_autoptr(VigieContractRecord) back = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieSupplierDashboard) d = NULL;
  VigieContractLink *link;
  gint64 kept_product;

  /* A brand as affiliate, end before start, spend without currency, a blank model, a link
   * to no site, a duplicate link. */
  c->affiliate_id = 7;
  c->start_date = g_strdup ("2026-05-01");
  c->end_date = g_strdup ("2026-01-01");
  c->annual_spend_minor = 1000;
  g_ptr_array_add (c->products, vigie_contract_product_new (" ", "laptops", 10));
  g_ptr_array_add (c->links, vigie_contract_link_new (0, "final_assembly", "monitor"));
  g_ptr_array_add (c->links, vigie_contract_link_new (5, "final_assembly", "monitor"));
  g_ptr_array_add (c->links, vigie_contract_link_new (5, "final_assembly", "public_list"));
  errors = vigie_contract_validate (fx->store, c);
  g_assert_true (has_field (errors, "affiliate_id"));
  g_assert_true (has_field (errors, "end_date"));
  g_assert_true (has_field (errors, "currency"));
  g_assert_true (has_field (errors, "products[0].model"));
  g_assert_true (has_field (errors, "links[0].site_id"));
  g_assert_true (has_field (errors, "links[2].site_id"));
  g_assert_false (has_field (errors, "links[1].site_id"));

  /* Fixed: Lyon buys 2 models from Atea (Lenovo), site 5 assembles the first. */
  c->affiliate_id = 2;
  c->contractor_id = 5;
  c->brand_id = 8;
  g_free (c->end_date);
  c->end_date = g_strdup ("2028-04-30");
  c->annual_spend_minor = 25000000;
  c->currency = g_strdup ("EUR");
  g_free (((VigieContractProduct *) g_ptr_array_index (c->products, 0))->model);
  ((VigieContractProduct *) g_ptr_array_index (c->products, 0))->model = g_strdup ("ThinkPad T14");
  g_ptr_array_add (c->products, vigie_contract_product_new ("ThinkCentre M70", "desktops", -1));
  g_ptr_array_remove_index (c->links, 2);
  g_ptr_array_remove_index (c->links, 0);
  ((VigieContractLink *) g_ptr_array_index (c->links, 0))->product_index = 0;
  g_assert_cmpint (vigie_store_insert_contract (fx->store, c, &error), >, 0);
  g_assert_no_error (error);

  back = vigie_store_get_contract (fx->store, c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->products->len, ==, 2);
  g_assert_cmpuint (back->links->len, ==, 1);
  link = g_ptr_array_index (back->links, 0);
  g_assert_cmpstr (link->site_name, ==, "Epsilon Cables");
  g_assert_cmpint (link->product_index, ==, 0);
  g_assert_cmpint (back->annual_spend_minor, ==, 25000000);
  kept_product = ((VigieContractProduct *) g_ptr_array_index (back->products, 1))->id;

  /* Drop the first model (its link loses the model), add a link to site 2. */
  g_ptr_array_remove_index (back->products, 0);
  link->product_index = -1;
  g_ptr_array_add (back->links, vigie_contract_link_new (2, "main_component", "monitor"));
  g_assert_true (vigie_store_update_contract (fx->store, back, &error));
  g_assert_no_error (error);
  g_clear_pointer (&back, vigie_contract_record_free);
  back = vigie_store_get_contract (fx->store, c->id, &error);
  g_assert_cmpuint (back->products->len, ==, 1);
  g_assert_cmpint (((VigieContractProduct *) g_ptr_array_index (back->products, 0))->id, ==,
                   kept_product);
  g_assert_cmpuint (back->links->len, ==, 2);

  /* The link shortcut, and its duplicate refused. */
  g_assert_cmpint (vigie_store_link_site (fx->store, c->id, 4, "final_assembly",
                                          "public_list", "2026-06-01", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (vigie_store_link_site (fx->store, c->id, 4, "final_assembly",
                                          "monitor", NULL, &error), ==, 0);
  g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* Lenovo now reaches sites 1, 2, 3, 4, 5 and site 5 has Lyon as its one affiliate. */
  d = dashboard (fx, 8);
  g_assert_cmpint (d->n_sites, ==, 5);
  g_assert_cmpint (d->n_contracts, ==, 3);

  /* Deleting the contract takes its products and links, each in the audit log. */
  g_assert_true (vigie_store_delete_contract (fx->store, c->id, &error));
  g_assert_no_error (error);
  g_assert_null (vigie_store_get_contract (fx->store, c->id, &error));
  g_clear_error (&error);
  g_assert_cmpint (audit_count (fx, "contract_sites"), ==, 1 + 2 + 1 + 1 + 3);
  g_clear_pointer (&d, vigie_supplier_dashboard_free);
  d = dashboard (fx, 8);
  g_assert_cmpint (d->n_sites, ==, 3);
}

static void
test_disclosure_crud (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(VigieDisclosureRecord) r = vigie_disclosure_record_new ();
  g_autoptr(VigieDisclosureRecord) back = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieSupplierDashboard) d = NULL;

  /* VIGIE_TODAY=2026-06-15 in the test environment. */
  g_assert_cmpstr (r->requested_on, ==, "2026-06-15");
  r->organisation_id = 0;
  g_free (r->status);
  r->status = g_strdup ("complete");
  r->due_on = g_strdup ("2026-06-01");
  errors = vigie_disclosure_validate (fx->store, r);
  g_assert_true (has_field (errors, "organisation_id"));
  g_assert_true (has_field (errors, "due_on"));
  g_assert_true (has_field (errors, "answered_on"));

  r->organisation_id = 8;
  r->contract_id = 3;
  g_free (r->due_on);
  r->due_on = g_strdup ("2026-07-15");
  g_free (r->status);
  r->status = g_strdup ("requested");
  r->tier = g_strdup ("final_assembly");
  g_assert_cmpint (vigie_store_insert_disclosure (fx->store, r, &error), >, 0);
  g_assert_no_error (error);

  /* Lenovo: 1 request, not complete. Then it answers in full 10 days later. */
  d = dashboard (fx, 8);
  g_assert_cmpint (d->performance.disclosure_completeness.numerator, ==, 0);
  g_assert_cmpint (d->performance.disclosure_completeness.denominator, ==, 1);
  g_clear_pointer (&d, vigie_supplier_dashboard_free);

  back = vigie_store_get_disclosure (fx->store, r->id, &error);
  g_assert_no_error (error);
  g_free (back->status);
  back->status = g_strdup ("complete");
  back->answered_on = g_strdup ("2026-06-25");
  g_assert_true (vigie_store_update_disclosure (fx->store, back, &error));
  g_assert_no_error (error);
  d = dashboard (fx, 8);
  g_assert_cmpint (d->performance.disclosure_completeness.numerator, ==, 1);
  g_assert_cmpfloat_with_epsilon (d->performance.days_to_answer.value, 10.0, 1e-9);

  g_assert_true (vigie_store_delete_disclosure (fx->store, r->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (audit_count (fx, "disclosure_requests"), ==, 3);
}

static void
test_median (void)
{
  const double odd[] = { 1, 5, 9 };
  const double even[] = { 2, 4, 10, 30 };
  const double one[] = { 7 };

  g_assert_cmpfloat (vigie_median_sorted (odd, 3), ==, 5);
  g_assert_cmpfloat (vigie_median_sorted (even, 4), ==, 7);
  g_assert_cmpfloat (vigie_median_sorted (one, 1), ==, 7);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/buyers/dashboard/brand", test_brand_dashboard);
  ADD ("/buyers/dashboard/leverage", test_leverage_ranking);
  ADD ("/buyers/dashboard/performance", test_performance_components);
  ADD ("/buyers/dashboard/empty", test_empty_dashboard);
  ADD ("/buyers/dashboard/async", test_dashboard_async);
  ADD ("/buyers/lists", test_lists);
  ADD ("/buyers/organisation/crud", test_organisation_crud);
  ADD ("/buyers/contract/crud", test_contract_crud);
  ADD ("/buyers/disclosure/crud", test_disclosure_crud);
#undef ADD
  g_test_add_func ("/buyers/median", test_median);
  return g_test_run ();
}

/* vigie-buyers.h — buyers and suppliers: organisations (affiliates, consortia, contractors,
 * brands), contracts with their product models and site links, disclosure requests, and the
 * supplier dashboard computed for one organisation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigie-store.h"

G_BEGIN_DECLS

/* ─── Records ────────────────────────────────────────────────────────────── */

/* Absent ids are 0, absent strings NULL (country, dates) or "" (text). */
typedef struct
{
  gint64  id;               /* 0 for a new organisation */
  char   *uuid;
  char   *kind;             /* VIGIE_VOCAB_ORGANISATION_KIND code */
  char   *name;             /* 1..200 characters */
  char   *country;          /* ISO code or NULL */
  gint64  parent_id;        /* 0: none */
  gint64  consortium_id;    /* affiliates only: the consortium it affiliates through; 0 direct */
  char   *affiliated_on;    /* YYYY-MM-DD or NULL */
  char   *notes;
  char   *created_at;
  char   *updated_at;
} VigieOrganisationRecord;

typedef struct
{
  gint64  id;               /* 0 for a new product model */
  char   *model;            /* "EliteBook 840 G9" */
  char   *product;          /* VIGIE_VOCAB_PRODUCT code or "" */
  gint64  quantity;         /* -1 unknown */
} VigieContractProduct;

typedef struct
{
  gint64  id;               /* 0 for a new link */
  gint64  site_id;
  char   *site_name;        /* filled when read; ignored when written */
  int     product_index;    /* index in the contract's products, -1 none */
  char   *tier;             /* VIGIE_VOCAB_TIER code */
  char   *source;           /* VIGIE_VOCAB_LINK_SOURCE code */
  char   *disclosed_on;     /* YYYY-MM-DD or NULL */
} VigieContractLink;

typedef struct
{
  gint64     id;            /* 0 for a new contract */
  char      *uuid;
  char      *reference;
  gint64     affiliate_id;  /* required */
  gint64     contractor_id; /* 0: none */
  gint64     brand_id;      /* 0: none */
  char      *start_date;    /* YYYY-MM-DD or NULL */
  char      *end_date;
  gint64     annual_spend_minor;  /* -1 unknown; minor units of CURRENCY */
  char      *currency;      /* ISO 4217 or NULL */
  char      *notes;
  GPtrArray *products;      /* VigieContractProduct */
  GPtrArray *links;         /* VigieContractLink */
} VigieContractRecord;

typedef struct
{
  gint64  id;               /* 0 for a new request */
  char   *uuid;
  gint64  contract_id;      /* 0: not about one contract */
  gint64  organisation_id;  /* who was asked (usually the contractor or brand) */
  char   *subject;          /* VIGIE_VOCAB_DISCLOSURE_SUBJECT code */
  char   *tier;             /* VIGIE_VOCAB_TIER code or NULL (every tier) */
  char   *requested_on;     /* YYYY-MM-DD, required */
  char   *due_on;           /* or NULL */
  char   *answered_on;      /* or NULL */
  char   *status;           /* VIGIE_VOCAB_DISCLOSURE_STATUS code */
  char   *notes;
} VigieDisclosureRecord;

VigieOrganisationRecord *vigie_organisation_record_new  (const char *kind) G_GNUC_WARN_UNUSED_RESULT;
VigieOrganisationRecord *vigie_organisation_record_copy (const VigieOrganisationRecord *r) G_GNUC_WARN_UNUSED_RESULT;
void                     vigie_organisation_record_free (VigieOrganisationRecord *r);

VigieContractProduct    *vigie_contract_product_new     (const char *model,
                                                         const char *product,
                                                         gint64      quantity) G_GNUC_WARN_UNUSED_RESULT;
void                     vigie_contract_product_free    (VigieContractProduct *p);
VigieContractLink       *vigie_contract_link_new        (gint64      site_id,
                                                         const char *tier,
                                                         const char *source) G_GNUC_WARN_UNUSED_RESULT;
void                     vigie_contract_link_free       (VigieContractLink *l);

VigieContractRecord     *vigie_contract_record_new      (void) G_GNUC_WARN_UNUSED_RESULT;
VigieContractRecord     *vigie_contract_record_copy     (const VigieContractRecord *r) G_GNUC_WARN_UNUSED_RESULT;
void                     vigie_contract_record_free     (VigieContractRecord *r);

VigieDisclosureRecord   *vigie_disclosure_record_new    (void) G_GNUC_WARN_UNUSED_RESULT;
VigieDisclosureRecord   *vigie_disclosure_record_copy   (const VigieDisclosureRecord *r) G_GNUC_WARN_UNUSED_RESULT;
void                     vigie_disclosure_record_free   (VigieDisclosureRecord *r);

/* ─── Validation (GPtrArray of VigieFieldError from vigie-site.h; empty when valid) ── */

/* Fields: name, kind, country, consortium_id, affiliated_on. */
GPtrArray *vigie_organisation_validate (VigieStore                    *store,
                                        const VigieOrganisationRecord *record);
/* Fields: reference, affiliate_id, contractor_id, brand_id, start_date, end_date,
 * annual_spend_minor, currency, and "products[N].model", "products[N].quantity",
 * "links[N].site_id", "links[N].tier", "links[N].source", "links[N].disclosed_on". */
GPtrArray *vigie_contract_validate     (VigieStore                    *store,
                                        const VigieContractRecord     *record);
/* Fields: organisation_id, contract_id, subject, tier, requested_on, due_on, answered_on,
 * status. An answered status (partial, complete, refused) needs the date of the answer. */
GPtrArray *vigie_disclosure_validate   (VigieStore                    *store,
                                        const VigieDisclosureRecord   *record);

/* ─── CRUD: each write is one transaction with audit_log entries ─────────── */

VigieOrganisationRecord *vigie_store_get_organisation    (VigieStore  *store,
                                                          gint64       id,
                                                          GError     **error);
gint64                   vigie_store_insert_organisation (VigieStore  *store,
                                                          VigieOrganisationRecord *record,
                                                          GError     **error);
gboolean                 vigie_store_update_organisation (VigieStore  *store,
                                                          const VigieOrganisationRecord *record,
                                                          GError     **error);
/* Refused (VIGIE_STORE_ERROR_CONSTRAINT, with a sentence) while contracts or disclosure
 * requests refer to the organisation. */
gboolean                 vigie_store_delete_organisation (VigieStore  *store,
                                                          gint64       id,
                                                          GError     **error);

/* The contract with its products and links (links ordered by site name). */
VigieContractRecord     *vigie_store_get_contract        (VigieStore  *store,
                                                          gint64       id,
                                                          GError     **error);
/* Writes the contract, its product models and its site links. On update, products keep
 * their id when they have one (others are inserted, missing ones deleted) and links are
 * replaced by the record's. */
gint64                   vigie_store_insert_contract     (VigieStore  *store,
                                                          VigieContractRecord *record,
                                                          GError     **error);
gboolean                 vigie_store_update_contract     (VigieStore  *store,
                                                          VigieContractRecord *record,
                                                          GError     **error);
gboolean                 vigie_store_delete_contract     (VigieStore  *store,
                                                          gint64       id,
                                                          GError     **error);
/* Adds one link of SITE to CONTRACT (the "link a site" shortcut). Returns the link id. */
gint64                   vigie_store_link_site           (VigieStore  *store,
                                                          gint64       contract_id,
                                                          gint64       site_id,
                                                          const char  *tier,
                                                          const char  *source,
                                                          const char  *disclosed_on,
                                                          GError     **error);

VigieDisclosureRecord   *vigie_store_get_disclosure      (VigieStore  *store,
                                                          gint64       id,
                                                          GError     **error);
gint64                   vigie_store_insert_disclosure   (VigieStore  *store,
                                                          VigieDisclosureRecord *record,
                                                          GError     **error);
gboolean                 vigie_store_update_disclosure   (VigieStore  *store,
                                                          const VigieDisclosureRecord *record,
                                                          GError     **error);
gboolean                 vigie_store_delete_disclosure   (VigieStore  *store,
                                                          gint64       id,
                                                          GError     **error);

/* ─── Lists ──────────────────────────────────────────────────────────────── */

typedef struct
{
  gint64  id;
  char   *kind;
  char   *name;
  char   *country;          /* or NULL */
  char   *consortium_name;  /* affiliates through a consortium; else NULL */
  gint64  n_contracts;      /* contracts where it is the affiliate, contractor or brand */
} VigieOrganisationSummary;

void       vigie_organisation_summary_free (VigieOrganisationSummary *s);

/* The buyers and suppliers (affiliates, consortia, contractors, brands; only KIND when not
 * NULL) whose name contains SEARCH (case-insensitive, NULL or "" for all), ordered by kind
 * (in vocabulary order) then name. GPtrArray of VigieOrganisationSummary. */
GPtrArray *vigie_store_list_buyers        (VigieStore  *store,
                                           const char  *kind,
                                           const char  *search,
                                           GError     **error);
/* Every organisation of KIND ordered by name, for choosers. */
GPtrArray *vigie_store_list_organisations (VigieStore  *store,
                                           const char  *kind,
                                           GError     **error);

typedef struct
{
  gint64  id;
  char   *reference;
  char   *affiliate_name;
  char   *contractor_name;  /* "" when none */
  char   *brand_name;       /* "" when none */
  char   *start_date;       /* or NULL */
  char   *end_date;
  gint64  annual_spend_minor;  /* -1 unknown */
  char   *currency;
  char   *models;           /* product models joined with ", " */
  gint64  n_sites;          /* distinct sites linked */
} VigieContractSummary;

void       vigie_contract_summary_free    (VigieContractSummary *s);
/* The contracts in the scope of ORGANISATION (see the dashboard), newest start first. */
GPtrArray *vigie_store_list_contracts_of  (VigieStore  *store,
                                           gint64       organisation,
                                           GError     **error);

typedef struct
{
  VigieDisclosureRecord *record;
  char                  *organisation_name;   /* who was asked */
  char                  *contract_reference;  /* "" when none */
} VigieDisclosureSummary;

void       vigie_disclosure_summary_free  (VigieDisclosureSummary *s);
/* The disclosure requests in the scope of ORGANISATION (see the dashboard), newest first. */
GPtrArray *vigie_store_list_disclosures_of (VigieStore *store,
                                            gint64      organisation,
                                            GError    **error);

/* ─── Supplier dashboard ─────────────────────────────────────────────────────
 *
 * Scope. The contracts of an organisation are those where it is the affiliate, the
 * contractor or the brand, plus, for a consortium, the contracts of its member affiliates.
 * Its linked sites are the sites linked (contract_sites, any tier) to those contracts.
 * Its disclosure requests are those addressed to it (organisation_id), plus, for an
 * affiliate or a consortium, the requests made on its contracts.
 *
 * Findings of kind good_practice are left out of every finding count (nothing to
 * remediate). "Open" findings are open, progress_made or disputed.
 */

typedef struct
{
  char   *key;       /* code (country, theme key, status, tier, currency) */
  char   *label;     /* translated */
  gint64  count;
} VigieLabelledCount;

void vigie_labelled_count_free (VigieLabelledCount *c);

typedef struct
{
  char   *currency;
  gint64  amount_minor;
  gint64  n_contracts;
} VigieSpend;

void vigie_spend_free (VigieSpend *s);

typedef struct
{
  char   *tier;      /* tier code, or "" for requests about every tier */
  char   *label;     /* translated */
  gint64  requested, partial, complete, refused;
  gint64  total;
} VigieTierDisclosure;

void vigie_tier_disclosure_free (VigieTierDisclosure *t);

/* Collective leverage of a linked site: every affiliate linked to it and the combined annual
 * spend of every contract linked to it, whoever holds them (not only the scope's). */
typedef struct
{
  guint      rank;           /* 1 = monitor first */
  gint64     site_id;
  char      *name;
  char      *country;
  char      *region;         /* countries.region, "" when unknown */
  char      *tiers;          /* the scope's link tiers, comma-separated codes */
  gint64     n_affiliates;
  GPtrArray *spend;          /* VigieSpend per currency, largest first */
  gint64     ranking_spend_minor;  /* spend in the dashboard's ranking currency */
  gint64     open_findings;
} VigieLeverageSite;

void vigie_leverage_site_free (VigieLeverageSite *s);

/* One component of the performance indicator: NUMERATOR out of DENOMINATOR (a share; no
 * data when DENOMINATOR is 0) or, for a median, VALUE over N observations (no data when N
 * is 0). */
typedef struct
{
  gint64 numerator;
  gint64 denominator;
} VigieRatio;

typedef struct
{
  double value;      /* days */
  gint64 n;
} VigieMedian;

/* The indicator is these components, each with its own numerator and denominator; no
 * single score is ever computed from them.
 *
 *  disclosure_completeness  requests with status complete / all requests in scope
 *  requests_answered        requests with an answered_on date / all requests in scope
 *  findings_remediated      findings with status closed / all findings at linked sites
 *  verified_by_workers      actions verified by workers (status verified_by_workers, or a
 *                           history entry to it) / actions at linked sites that reached
 *                           verification or closure (verified_by_workers,
 *                           verified_by_monitor, closed)
 *  days_to_close            median of (date of the history entry to closed, else
 *                           completed_on) − opened_on over closed actions at linked sites
 *  days_to_answer           median of answered_on − requested_on over answered requests
 */
typedef struct
{
  VigieRatio  disclosure_completeness;
  VigieRatio  requests_answered;
  VigieRatio  findings_remediated;
  VigieRatio  verified_by_workers;
  VigieMedian days_to_close;
  VigieMedian days_to_answer;
} VigiePerformance;

typedef struct
{
  gint64            organisation_id;
  char             *kind;
  char             *name;
  gint64            n_contracts;
  gint64            n_affiliates;     /* distinct affiliates of the scope's contracts */
  gint64            n_sites;          /* linked sites */
  gint64            n_countries;      /* countries of the linked sites */
  gint64            n_requests;       /* disclosure requests in scope */
  gint64            open_findings;    /* at linked sites */
  gint64            overdue_actions;  /* due before today and still pending */
  GPtrArray        *spend;            /* VigieSpend of the scope's contracts per currency,
                                       * ranking currency first */
  /* The currency in which most of the scope's contracts are expressed (ties: the first
   * code in alphabetical order; amounts in different currencies are never compared).
   * Leverage ranks sites by number of affiliates, then by combined spend in this currency,
   * then by name; other currencies are shown, never converted. */
  char             *ranking_currency; /* NULL when no contract has a spend */
  GPtrArray        *countries;        /* VigieLabelledCount: linked sites per country */
  GPtrArray        *regions;          /* VigieLabelledCount: linked sites per region */
  GPtrArray        *themes;           /* VigieLabelledCount: open findings per theme */
  GPtrArray        *remediation;      /* VigieLabelledCount: actions per status (vocab order,
                                       * statuses with no action left out) */
  GPtrArray        *tiers;            /* VigieTierDisclosure (vocab order, "" last) */
  GPtrArray        *sites;            /* VigieLeverageSite, ranked */
  VigiePerformance  performance;
} VigieSupplierDashboard;

void                    vigie_supplier_dashboard_free (VigieSupplierDashboard *d);

/* Computes the dashboard of ORGANISATION; TODAY (YYYY-MM-DD; NULL = vigie_today_iso())
 * decides which actions are overdue. */
VigieSupplierDashboard *vigie_store_supplier_dashboard (VigieStore  *store,
                                                        gint64       organisation,
                                                        const char  *today,
                                                        GError     **error);
/* The same in a worker thread with its own connection. */
void                    vigie_store_supplier_dashboard_async  (VigieStore          *store,
                                                               gint64               organisation,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
VigieSupplierDashboard *vigie_store_supplier_dashboard_finish (VigieStore          *store,
                                                               GAsyncResult        *result,
                                                               GError             **error);

/* The share as a percentage (0..100), or -1 when the denominator is 0. */
double                  vigie_ratio_percent (const VigieRatio *ratio);
/* Median of N sorted values (N > 0). */
double                  vigie_median_sorted (const double *values,
                                             gsize         n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieOrganisationRecord, vigie_organisation_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieContractRecord, vigie_contract_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieDisclosureRecord, vigie_disclosure_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieSupplierDashboard, vigie_supplier_dashboard_free)

G_END_DECLS

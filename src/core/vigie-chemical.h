/* vigie-chemical.h — chemical inventories: products used at a site in a reporting period,
 * their constituents (substances with CAS numbers), hazard statements, the shared substance
 * reference, exposure measurements, and the per-site hazard summary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "vigie-store.h"

G_BEGIN_DECLS

#define VIGIE_CHEMICAL_ERROR (vigie_chemical_error_quark ())
GQuark vigie_chemical_error_quark (void);

typedef enum
{
  VIGIE_CHEMICAL_ERROR_INVALID,   /* a field breaks a rule; the message names it */
  VIGIE_CHEMICAL_ERROR_REFERENCE, /* the substance reference file is malformed */
} VigieChemicalError;

/* ─── Records ────────────────────────────────────────────────────────────── */

/* Unknown numbers: NAN for decimals, -1 for counts, -1 for a yes/no not reported. */
typedef struct
{
  gint64    substance_id;     /* 0: resolve from CAS_RN / NAME when saving */
  char     *name;
  char     *cas_rn;           /* NULL: no CAS number (mixtures, trade secrets) */
  double    conc_min;         /* percent by weight, NAN when not given */
  double    conc_max;
} VigieConstituent;

typedef struct
{
  gint64     id;              /* 0 for a new product */
  char      *uuid;
  gint64     site_id;
  char      *period;          /* "YYYY" or "YYYY-MM" */
  char      *trade_name;
  char      *supplier;
  gboolean   sds_available;
  char      *sds_revision;    /* YYYY-MM-DD or NULL */
  gboolean   sds_in_workers_language;
  char      *process;         /* VIGIE_VOCAB_CHEMICAL_PROCESS code */
  char      *department;
  double     qty_per_year;    /* NAN unknown */
  double     qty_stored_max;  /* NAN unknown */
  char      *qty_unit;        /* "kg", "L", "t" or NULL */
  char      *qty_source;
  gint64     workers_exposed; /* -1 unknown */
  gint64     women_exposed;   /* -1 unknown */
  char      *engineering_controls;
  char      *ppe_provided;
  int        ppe_adequate_reported;  /* -1 not reported, 0 inadequate, 1 adequate */
  gboolean   training;
  gboolean   labels_in_workers_language;
  char      *notes;
  GPtrArray *constituents;    /* VigieConstituent */
  GPtrArray *hazard_codes;    /* char *, canonical codes ("H225", "EUH066") */
} VigieChemicalProduct;

VigieConstituent     *vigie_constituent_new               (void) G_GNUC_WARN_UNUSED_RESULT;
VigieConstituent     *vigie_constituent_copy              (const VigieConstituent *c) G_GNUC_WARN_UNUSED_RESULT;
void                  vigie_constituent_free              (VigieConstituent *c);

VigieChemicalProduct *vigie_chemical_product_new          (void) G_GNUC_WARN_UNUSED_RESULT;
VigieChemicalProduct *vigie_chemical_product_copy         (const VigieChemicalProduct *p) G_GNUC_WARN_UNUSED_RESULT;
void                  vigie_chemical_product_free         (VigieChemicalProduct *p);

/* ─── Validation (pure) ──────────────────────────────────────────────────── */

/* TRUE when TEXT means "this constituent has no CAS number": empty, "none", "no CAS",
 * "n/a", "-" (any case). */
gboolean   vigie_chemical_is_no_cas        (const char  *text);
/* Checks a CAS number AS TYPED (no reformatting: "7732185" is wrong, not "7732-18-5").
 * On success *CAS_OUT (when not NULL) receives the number, or NULL for "no CAS". */
gboolean   vigie_chemical_parse_cas        (const char  *text,
                                            char       **cas_out,
                                            char       **reason);
/* "YYYY" or "YYYY-MM" with a real month. */
gboolean   vigie_chemical_validate_period  (const char  *text,
                                            char       **reason);
/* Checks every field of P. On failure FIELD (when not NULL) receives the name of the
 * first wrong field ("trade_name", "constituents[2].cas_rn", ...) and REASON why. */
gboolean   vigie_chemical_product_validate (const VigieChemicalProduct *p,
                                            char                      **field,
                                            char                      **reason);

/* ─── Hazard statements ──────────────────────────────────────────────────── */

typedef struct
{
  char     *code;
  char     *text;          /* English, as stored; translate with vigie_reference_text() */
  char     *kind;          /* physical, health, environmental, euh */
  char     *hazard_class;
  char     *category;
  char     *pictogram;     /* "GHS01".."GHS09" or NULL */
  char     *signal_word;   /* "danger", "warning" or NULL */
  gboolean  deleted;
} VigieHazardStatement;

void       vigie_hazard_statement_free        (VigieHazardStatement *h);
/* Every statement of the hazard_statements table, in code order (H before EUH). */
GPtrArray *vigie_chemical_list_hazard_statements (VigieStore  *store,
                                                  GError     **error) G_GNUC_WARN_UNUSED_RESULT;
/* The statement CODE, or NULL when unknown. */
VigieHazardStatement *vigie_chemical_get_hazard_statement (VigieStore  *store,
                                                           const char  *code,
                                                           GError     **error) G_GNUC_WARN_UNUSED_RESULT;

/* Parses a list of codes as found on a safety data sheet: separated by ';', ',' or
 * spaces, combined codes ("H300+H310+H330") split into their parts, duplicates dropped,
 * order kept. NULL with REASON naming the first unknown code. */
char     **vigie_chemical_parse_hazard_list   (const char  *text,
                                               char       **reason) G_GNUC_WARN_UNUSED_RESULT;

/* Whether CODE is a carcinogenic / mutagenic / reprotoxic statement. */
typedef enum
{
  VIGIE_CMR_NONE        = 0,
  VIGIE_CMR_CARCINOGEN  = 1 << 0,   /* H350, H350i, H351 */
  VIGIE_CMR_MUTAGEN     = 1 << 1,   /* H340, H341 */
  VIGIE_CMR_REPROTOXIC  = 1 << 2,   /* H360*, H361*, H362 */
  VIGIE_CMR_FLAGGED     = 1 << 3,   /* a constituent has a CMR category in the reference */
} VigieCmrFlags;

VigieCmrFlags vigie_chemical_cmr_flags_for_code (const char *code);

/* Label elements of a set of hazard statements: the pictograms (sorted, "GHS02"...) with
 * the GHS precedence rules applied (no GHS07 with GHS06; none for skin or eye irritation
 * with GHS05; none for skin sensitisation or irritation with GHS08 for respiratory
 * sensitisation), and the signal word: "danger" if any statement says danger, else
 * "warning" if any says warning, else NULL. */
typedef struct
{
  char **pictograms;
  char  *signal_word;
} VigieLabelElements;

void                vigie_label_elements_free       (VigieLabelElements *l);
VigieLabelElements *vigie_chemical_label_elements   (VigieStore          *store,
                                                     const char * const  *codes,
                                                     GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* ─── Substances (shared reference) ──────────────────────────────────────── */

typedef struct
{
  gint64    id;
  char     *name;
  char     *cas_rn;          /* NULL: no CAS */
  char     *ec_number;
  gboolean  svhc;
  char     *svhc_date;
  gboolean  sin_list;
  gboolean  rohs_restricted;
  char     *cmr_category;    /* "1A", "1B", "2" or NULL */
  char     *hazards;         /* space-separated codes */
  gint64    n_products;      /* products that contain it */
} VigieSubstance;

void            vigie_substance_free              (VigieSubstance *s);
/* Every substance, by name; SEARCH (NULL for all) matches the name or CAS number. */
GPtrArray      *vigie_chemical_list_substances    (VigieStore  *store,
                                                   const char  *search,
                                                   GError     **error) G_GNUC_WARN_UNUSED_RESULT;
VigieSubstance *vigie_chemical_find_substance_by_cas (VigieStore  *store,
                                                      const char  *cas_rn,
                                                      GError     **error) G_GNUC_WARN_UNUSED_RESULT;
/* Updates the flags (svhc, svhc_date, sin_list, rohs_restricted, cmr_category), the name
 * and the EC number of S->id. */
gboolean        vigie_chemical_update_substance   (VigieStore            *store,
                                                   const VigieSubstance  *s,
                                                   GError               **error);

/* Loads data/reference/substances.tsv (from the core resource) into the substances
 * table, in a transaction: new substances are added, known CAS numbers get the flags and
 * hazard codes of the file (ON CONFLICT (cas_rn) DO UPDATE). Idempotent. Returns the
 * number of substances in the file, or -1 with ERROR. */
int             vigie_chemical_seed_substances    (VigieStore  *store,
                                                   GError     **error);

/* ─── Products: CRUD ─────────────────────────────────────────────────────── */

/* Validates, then inserts P with its constituents (substances looked up by CAS number,
 * or by name when there is none; new ones added to the reference) and hazard codes, in a
 * transaction with an audit entry. Returns the new id, 0 with ERROR. */
gint64                vigie_chemical_insert_product  (VigieStore                  *store,
                                                      const VigieChemicalProduct  *p,
                                                      GError                     **error);
gboolean              vigie_chemical_update_product  (VigieStore                  *store,
                                                      const VigieChemicalProduct  *p,
                                                      GError                     **error);
gboolean              vigie_chemical_delete_product  (VigieStore                  *store,
                                                      gint64                       id,
                                                      GError                     **error);
VigieChemicalProduct *vigie_chemical_get_product     (VigieStore                  *store,
                                                      gint64                       id,
                                                      GError                     **error) G_GNUC_WARN_UNUSED_RESULT;

/* Inventories: the (site, period) pairs that have products, newest period first. */
typedef struct
{
  gint64  site_id;
  char   *site_name;
  char   *period;
  gint64  n_products;
} VigieInventory;

void       vigie_inventory_free               (VigieInventory *inv);
/* SITE_ID 0: every site. */
GPtrArray *vigie_chemical_list_inventories    (VigieStore  *store,
                                               gint64       site_id,
                                               GError     **error) G_GNUC_WARN_UNUSED_RESULT;

/* Choices for the editors: an id with a label and a detail. */
typedef struct
{
  gint64  id;
  char   *label;
  char   *detail;
} VigieChemicalChoice;

void       vigie_chemical_choice_free          (VigieChemicalChoice *c);
/* Every site (label: name, detail: country code), by name: where a product can be added. */
GPtrArray *vigie_chemical_list_sites           (VigieStore  *store,
                                                GError     **error) G_GNUC_WARN_UNUSED_RESULT;
/* The products of SITE_ID (label: trade name, detail: period), by trade name. */
GPtrArray *vigie_chemical_list_site_products   (VigieStore  *store,
                                                gint64       site_id,
                                                GError     **error) G_GNUC_WARN_UNUSED_RESULT;

/* ─── Exposure measurements ──────────────────────────────────────────────── */

typedef struct
{
  gint64    id;
  gint64    site_id;
  gint64    product_id;      /* 0: none */
  gint64    substance_id;    /* 0: none */
  char     *substance_name;  /* read only ("" when none) */
  char     *product_name;    /* read only: the product's trade name, "" when none */
  char     *kind;            /* air, urine, blood, wipe */
  char     *measured_on;
  double    value;
  char     *unit;
  double    limit_value;     /* NAN: no limit */
  char     *limit_source;
  char     *notes;
} VigieExposureMeasurement;

VigieExposureMeasurement *vigie_exposure_measurement_new  (void) G_GNUC_WARN_UNUSED_RESULT;
void       vigie_exposure_measurement_free       (VigieExposureMeasurement *m);
/* TRUE when a limit is set and VALUE exceeds it. */
gboolean   vigie_exposure_measurement_above_limit (const VigieExposureMeasurement *m);
gboolean   vigie_exposure_measurement_validate   (const VigieExposureMeasurement *m,
                                                  char                          **field,
                                                  char                          **reason);
/* Measurements of a site (PRODUCT_ID 0) or of one product, newest first. */
GPtrArray *vigie_chemical_list_measurements      (VigieStore  *store,
                                                  gint64       site_id,
                                                  gint64       product_id,
                                                  GError     **error) G_GNUC_WARN_UNUSED_RESULT;
gint64     vigie_chemical_insert_measurement     (VigieStore                      *store,
                                                  const VigieExposureMeasurement  *m,
                                                  GError                         **error);
gboolean   vigie_chemical_delete_measurement     (VigieStore  *store,
                                                  gint64       id,
                                                  GError     **error);

/* ─── Hazard summary ─────────────────────────────────────────────────────── */

typedef struct
{
  gint64         product_id;
  char          *trade_name;
  char          *process;
  VigieCmrFlags  cmr;
  char          *cmr_codes;        /* "H350, H360FD": the CMR statements of the product */
  gint64         workers_exposed;  /* -1 unknown */
  gint64         women_exposed;    /* -1 unknown */
  gboolean       sds_missing;
  gboolean       sds_not_in_language;
  gboolean       ppe_missing;      /* no PPE recorded */
  gboolean       ppe_inadequate;   /* workers report it inadequate */
} VigieHazardSummaryItem;

typedef struct
{
  gint64     site_id;
  char      *period;               /* NULL: every period */
  guint      n_products;
  guint      n_cmr_products;
  guint      n_carcinogen, n_mutagen, n_reprotoxic;
  gint64     workers_exposed_cmr;  /* sum over CMR products (known counts) */
  gint64     women_exposed_cmr;
  guint      n_cmr_sds_gap;        /* CMR products without an SDS, or not in the language */
  guint      n_cmr_ppe_gap;        /* CMR products with no PPE or PPE reported inadequate */
  guint      n_measurements_above_limit;
  GPtrArray *items;                /* VigieHazardSummaryItem of the CMR products, most
                                    * exposed workers first, then trade name */
} VigieHazardSummary;

void                vigie_hazard_summary_free      (VigieHazardSummary *s);
/* The summary of SITE_ID's inventory of PERIOD (NULL: every period). A product is CMR
 * when one of its hazard statements is (see vigie_chemical_cmr_flags_for_code) or when
 * a constituent has a CMR category in the substance reference. */
VigieHazardSummary *vigie_chemical_hazard_summary  (VigieStore  *store,
                                                    gint64       site_id,
                                                    const char  *period,
                                                    GError     **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieConstituent, vigie_constituent_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieChemicalProduct, vigie_chemical_product_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieHazardStatement, vigie_hazard_statement_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieLabelElements, vigie_label_elements_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieSubstance, vigie_substance_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieInventory, vigie_inventory_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieExposureMeasurement, vigie_exposure_measurement_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieHazardSummary, vigie_hazard_summary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieChemicalChoice, vigie_chemical_choice_free)

G_END_DECLS

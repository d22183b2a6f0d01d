/* vigie-finding.h — findings: records, validation, CRUD, their code standards and
 * forced-labour indicators, and the reference lists the editor chooses from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigie-site.h"
#include "vigie-store.h"

G_BEGIN_DECLS

/* Unknown numbers are -1; absent optional strings are NULL (closed_on) or "". */
typedef struct
{
  gint64    id;                 /* 0 for a new finding */
  char     *uuid;
  gint64    site_id;
  gint64    investigation_id;   /* 0 = none */
  char     *title;              /* 1..300 characters */
  char     *description;
  char     *theme;              /* key of the primary theme (derived from the standards
                                 * of the organisation's code when empty) */
  char     *severity;           /* VIGIE_VOCAB_SEVERITY */
  char     *kind;               /* VIGIE_VOCAB_FINDING_KIND */
  gint64    workers_affected;   /* -1 unknown */
  gboolean  affects_women;
  gboolean  affects_migrant;
  gboolean  affects_agency;
  gboolean  affects_student;
  gboolean  affects_young;
  char     *first_observed;     /* YYYY-MM-DD */
  char     *company_response;
  char     *disclosure_level;   /* VIGIE_VOCAB_DISCLOSURE_LEVEL */
  char     *status;             /* VIGIE_VOCAB_FINDING_STATUS */
  char     *closed_on;          /* YYYY-MM-DD or NULL; set on closing when NULL */
  char     *notes;              /* internal */
  char     *created_at;
  char     *updated_at;
  GArray   *standard_ids;       /* gint64: standards.id, any code */
  GArray   *indicator_ids;      /* gint64: fl_indicators.id */
} VigieFindingRecord;

VigieFindingRecord *vigie_finding_record_new   (void) G_GNUC_WARN_UNUSED_RESULT;
VigieFindingRecord *vigie_finding_record_copy  (const VigieFindingRecord *record) G_GNUC_WARN_UNUSED_RESULT;
void                vigie_finding_record_free  (VigieFindingRecord       *record);

/* GPtrArray of VigieFieldError (empty when valid); STORE may be NULL to skip the checks
 * that need the database (site, investigation, standards, indicators exist). */
GPtrArray          *vigie_finding_validate     (VigieStore               *store,
                                                const VigieFindingRecord *record) G_GNUC_WARN_UNUSED_RESULT;

/* CRUD: each write is one transaction with an audit_log entry (old → new row as JSON);
 * the standards and indicators are part of the JSON under "standards" and "indicators". */
VigieFindingRecord *vigie_store_get_finding     (VigieStore          *store,
                                                 gint64               id,
                                                 GError             **error) G_GNUC_WARN_UNUSED_RESULT;
gint64              vigie_store_insert_finding  (VigieStore          *store,
                                                 VigieFindingRecord  *record,
                                                 GError             **error);
gboolean            vigie_store_update_finding  (VigieStore          *store,
                                                 VigieFindingRecord  *record,
                                                 GError             **error);
gboolean            vigie_store_delete_finding  (VigieStore          *store,
                                                 gint64               id,
                                                 GError             **error);
/* Changes only the status (closed_on follows), audited. */
gboolean            vigie_store_set_finding_status (VigieStore       *store,
                                                    gint64            id,
                                                    const char       *status,
                                                    GError          **error);

/* The audit entries of a finding, oldest first: GPtrArray of VigieAuditEntry. */
typedef struct
{
  gint64  id;
  char   *at;
  char   *actor;
  char   *action;
  char   *old_values;   /* JSON or NULL */
  char   *new_values;   /* JSON or NULL */
} VigieAuditEntry;

void                vigie_audit_entry_free      (VigieAuditEntry     *entry);
GPtrArray          *vigie_store_list_audit      (VigieStore          *store,
                                                 const char          *table,
                                                 gint64               row_id,
                                                 GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* ─── Reference lists ───────────────────────────────────────────────────── */

typedef struct
{
  gint64  id;
  char   *code;          /* 'vigie', 'rba' */
  char   *code_version;
  char   *code_title;    /* translated */
  char   *key;           /* 'forced_labour', 'A1' */
  char   *parent_key;    /* "" at top level */
  char   *title;         /* translated */
  char   *mapped;        /* keys of the standards of other codes it maps to: "A1, A4" */
} VigieStandardInfo;

typedef struct
{
  gint64  id;
  char   *code;          /* 'abuse_of_vulnerability' */
  char   *title;         /* translated */
} VigieIndicatorInfo;

void        vigie_standard_info_free      (VigieStandardInfo  *info);
void        vigie_indicator_info_free     (VigieIndicatorInfo *info);
/* Every standard of every loaded code, by code then sort order. */
GPtrArray  *vigie_store_list_standards    (VigieStore  *store,
                                           GError     **error) G_GNUC_WARN_UNUSED_RESULT;
/* The 11 ILO indicators of forced labour, in their order. */
GPtrArray  *vigie_store_list_fl_indicators (VigieStore *store,
                                            GError    **error) G_GNUC_WARN_UNUSED_RESULT;
/* The id of the standard KEY of the organisation's code ('vigie'), or 0. */
gint64      vigie_store_theme_standard_id (VigieStore  *store,
                                           const char  *key);

/* ─── Default deadlines ─────────────────────────────────────────────────── */

/* DOMAIN.md: critical — plan 7 days, completion 30; major — 14 / 90; minor — 14 / 180;
 * an observation has none (FALSE). The application lets GSettings override these. */
gboolean    vigie_finding_default_deadlines (const char *severity,
                                             int        *plan_days,
                                             int        *completion_days);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieFindingRecord, vigie_finding_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieAuditEntry, vigie_audit_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieStandardInfo, vigie_standard_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieIndicatorInfo, vigie_indicator_info_free)

G_END_DECLS

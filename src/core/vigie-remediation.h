/* vigie-remediation.h — remediation actions: records, CRUD, the status workflow and its
 * history, overdue actions, the roll-up of a finding's status, default deadlines, money.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigie-site.h"
#include "vigie-store.h"

G_BEGIN_DECLS

/* ─── Records ────────────────────────────────────────────────────────────── */

/* Unknown numbers are -1; absent dates and codes are NULL. Strings are owned. */
typedef struct
{
  gint64    id;                     /* 0 for a new action */
  char     *uuid;
  gint64    finding_id;
  char     *description;            /* required */
  char     *root_cause;
  char     *preventive_action;
  gint64    responsible_id;         /* organisations.id, 0 = none */
  char     *remedy_type;            /* VIGIE_VOCAB_REMEDY_TYPE code */
  gint64    amount_minor;           /* -1 = none; else minor units of CURRENCY */
  char     *currency;               /* ISO 4217 or NULL */
  gint64    beneficiaries_total;    /* -1 = unknown */
  gint64    beneficiaries_women;
  gint64    beneficiaries_migrant;
  gint64    beneficiaries_agency;
  gint64    beneficiaries_student;
  gint64    beneficiaries_young;
  char     *opened_on;              /* YYYY-MM-DD, required */
  char     *plan_due_on;            /* or NULL */
  char     *due_on;                 /* or NULL */
  char     *completed_on;           /* or NULL */
  char     *status;                 /* VIGIE_VOCAB_REMEDIATION_STATUS code (read-only in
                                     * updates: change it with a transition) */
  char     *escalation_level;       /* VIGIE_VOCAB_ESCALATION_LEVEL code */
  char     *notes;
  char     *created_at;
  char     *updated_at;
} VigieActionRecord;

/* One entry of an action's status history. */
typedef struct
{
  gint64  id;
  gint64  action_id;
  char   *from_status;              /* NULL for the entry written when the action opened */
  char   *to_status;
  char   *changed_on;               /* YYYY-MM-DD */
  char   *changed_by;
  char   *note;
  gint64  evidence_id;              /* 0 = none */
} VigieStatusChange;

VigieActionRecord *vigie_action_record_new   (void) G_GNUC_WARN_UNUSED_RESULT;
VigieActionRecord *vigie_action_record_copy  (const VigieActionRecord *record) G_GNUC_WARN_UNUSED_RESULT;
void               vigie_action_record_free  (VigieActionRecord       *record);
void               vigie_status_change_free  (VigieStatusChange       *change);

/* Checks every field (required description, vocabularies, dates and their order, an
 * amount needs a currency, women ≤ total). GPtrArray of VigieFieldError, empty when valid. */
GPtrArray         *vigie_action_validate     (const VigieActionRecord *record);

/* ─── Status workflow ────────────────────────────────────────────────────── */

/* The transition table (see vigie-remediation.c for the reasons):
 *
 *   proposed          → plan_submitted
 *   plan_submitted    → plan_accepted | plan_rejected
 *   plan_rejected     → plan_submitted                     (a revised plan)
 *   plan_accepted     → in_progress
 *   in_progress       → reported_complete
 *   reported_complete → verified_by_workers | verified_by_monitor
 *   verified_by_*     → closed
 *   every open state (proposed … reported_complete) → disputed | escalated | abandoned
 *   disputed          → in_progress | escalated | abandoned
 *   escalated         → in_progress | abandoned
 *   closed, abandoned : final
 */
gboolean            vigie_remediation_transition_allowed (const char *from,
                                                          const char *to);
/* The statuses reachable from FROM in the workflow's order; NULL-terminated, static. An
 * empty array for a final or unknown status. */
const char * const *vigie_remediation_next_statuses      (const char *from);
/* TRUE for closed and abandoned. */
gboolean            vigie_remediation_status_is_final    (const char *status);
/* TRUE while work is still owed: every status except reported_complete, verified_by_*,
 * closed and abandoned. Only these can be overdue. */
gboolean            vigie_remediation_status_is_pending  (const char *status);

/* ─── Overdue (computed from TODAY, never stored) ────────────────────────── */

/* TRUE when DUE_ON (YYYY-MM-DD) is before TODAY and STATUS is pending. */
gboolean  vigie_remediation_is_overdue    (const char *status,
                                           const char *due_on,
                                           const char *today);
/* Days from DUE_ON to TODAY when overdue, else 0. */
int       vigie_remediation_days_overdue  (const char *status,
                                           const char *due_on,
                                           const char *today);

/* ─── Default deadlines (the preferences hold them; the app passes them in) ─ */

typedef struct
{
  int critical_plan;          /* days after the finding to the corrective action plan */
  int critical_completion;    /* days to completion */
  int major_plan;
  int major_completion;
  int minor_plan;
  int minor_completion;
} VigieDeadlines;

/* DOMAIN.md's defaults: 7/30, 14/90, 14/180. */
void      vigie_deadlines_init_defaults   (VigieDeadlines       *deadlines);
/* The plan and completion due dates of an action opened on OPENED_ON (YYYY-MM-DD) for a
 * finding of SEVERITY. Observations have no deadline: both NULL. Returns FALSE when
 * OPENED_ON is not a date or SEVERITY unknown. */
gboolean  vigie_deadlines_compute         (const VigieDeadlines *deadlines,
                                           const char           *severity,
                                           const char           *opened_on,
                                           char                **plan_due_on,
                                           char                **due_on);

/* ─── Money ──────────────────────────────────────────────────────────────── */

/* Digits after the decimal separator of CURRENCY (ISO 4217): 2 for most, 0 for JPY, KRW,
 * VND, IDR…, 3 for BHD, KWD…. 2 for an unknown code. */
int       vigie_currency_exponent         (const char *currency);
/* AMOUNT_MINOR as the locale writes it, with the currency code: "1,234.50 USD",
 * "1 234 VND". */
char     *vigie_format_money              (gint64      amount_minor,
                                           const char *currency) G_GNUC_WARN_UNUSED_RESULT;
/* Parses a decimal amount typed by a person ("1234.5", "1 234,50") into minor units of
 * CURRENCY; more decimals than the currency has are refused. Empty text → -1. */
gboolean  vigie_parse_money               (const char *text,
                                           const char *currency,
                                           gint64     *amount_minor);

/* ─── Store ──────────────────────────────────────────────────────────────── */

VigieActionRecord *vigie_store_get_action     (VigieStore               *store,
                                               gint64                    id,
                                               GError                  **error);
/* Inserts RECORD (status forced to proposed unless set) and the first history entry
 * (from NULL to the status, on opened_on, by the store's actor). Sets record->id. */
gint64             vigie_store_insert_action  (VigieStore               *store,
                                               VigieActionRecord        *record,
                                               GError                  **error);
/* Updates every field but the status. */
gboolean           vigie_store_update_action  (VigieStore               *store,
                                               const VigieActionRecord  *record,
                                               GError                  **error);
gboolean           vigie_store_delete_action  (VigieStore               *store,
                                               gint64                    id,
                                               GError                  **error);

/* Moves action ID to TO on CHANGED_ON (YYYY-MM-DD; NULL = today) if the workflow allows
 * it, and records the change in the status history (by WHO: NULL = the store's actor,
 * with NOTE and EVIDENCE_ID, 0 = none) and in the audit log. Reaching
 * reported_complete sets completed_on (when empty) to CHANGED_ON. Fails with
 * VIGIE_STORE_ERROR_CONSTRAINT for a forbidden transition. */
gboolean           vigie_store_change_action_status (VigieStore  *store,
                                                     gint64       id,
                                                     const char  *to,
                                                     const char  *changed_on,
                                                     const char  *who,
                                                     const char  *note,
                                                     gint64       evidence_id,
                                                     GError     **error);
/* The same for several actions in one transaction: all or nothing. */
gboolean           vigie_store_change_actions_status (VigieStore   *store,
                                                      const gint64 *ids,
                                                      guint         n_ids,
                                                      const char   *to,
                                                      const char   *changed_on,
                                                      const char   *who,
                                                      const char   *note,
                                                      GError      **error);
/* The statuses every action of IDS may move to (the intersection), in workflow order.
 * A NULL-terminated array of static strings (free the array only). */
const char       **vigie_store_common_next_statuses (VigieStore   *store,
                                                     const gint64 *ids,
                                                     guint         n_ids,
                                                     GError      **error);

/* The status history of action ID, oldest first (GPtrArray of VigieStatusChange). */
GPtrArray         *vigie_store_list_action_history  (VigieStore  *store,
                                                     gint64       id,
                                                     GError     **error);

/* A new record for FINDING_ID opened on OPENED_ON (NULL = today) with the default plan and
 * due dates of the finding's severity. NULL if the finding does not exist. */
VigieActionRecord *vigie_store_new_action_for_finding (VigieStore           *store,
                                                       gint64                finding_id,
                                                       const char           *opened_on,
                                                       const VigieDeadlines *deadlines,
                                                       GError              **error);

/* ─── Overdue digest ─────────────────────────────────────────────────────── */

/* The number of actions overdue on TODAY (YYYY-MM-DD; NULL = vigie_today_iso()); -1 on
 * error. */
gint64             vigie_remediation_count_overdue  (VigieStore  *store,
                                                     const char  *today,
                                                     GError     **error);

typedef struct
{
  gint64  action_id;
  char   *site;                 /* site name */
  char   *finding;              /* finding title */
  char   *action;               /* action description */
  char   *due_on;
  int     days_overdue;
  char   *status;               /* code */
} VigieOverdueAction;

void               vigie_overdue_action_free        (VigieOverdueAction *action);
/* Overdue actions on TODAY, the longest overdue first (GPtrArray of VigieOverdueAction). */
GPtrArray         *vigie_remediation_list_overdue   (VigieStore  *store,
                                                     const char  *today,
                                                     GError     **error);

/* ─── Roll-up of a finding's status ──────────────────────────────────────── */

/* The finding status (open, progress_made, closed) implied by the statuses of its actions:
 * closed when every action is verified or closed (abandoned ones aside) and at least one
 * is; progress_made when an action has an accepted plan or got further; else open. */
const char        *vigie_remediation_rollup_statuses (const char * const *statuses,
                                                      guint               n_statuses);
/* Writes the rolled-up status of FINDING_ID (with closed_on = the last change when it
 * closes; audited) and returns it in OUT_STATUS (static string). A finding without
 * actions keeps its status. */
gboolean           vigie_store_rollup_finding        (VigieStore   *store,
                                                      gint64        finding_id,
                                                      const char  **out_status,
                                                      GError      **error);
/* Rolls up every finding that has actions; returns how many changed, -1 on error. */
gint64             vigie_store_rollup_all_findings   (VigieStore   *store,
                                                      GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieActionRecord, vigie_action_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieStatusChange, vigie_status_change_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieOverdueAction, vigie_overdue_action_free)

G_END_DECLS

/* vigie-grievance.h — grievances received about a site, and the time frame within which
 * each stage of handling one is expected (UNGP Principle 31(c), "predictable").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigie-site.h"
#include "vigie-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64    id;
  char     *uuid;
  gint64    site_id;
  char     *received_on;          /* YYYY-MM-DD */
  char     *channel;              /* VIGIE_VOCAB_GRIEVANCE_CHANNEL */
  gboolean  anonymous;
  gint64    complainants;         /* >= 0 */
  char     *topic;
  gboolean  retaliation_reported;
  char     *status;               /* VIGIE_VOCAB_GRIEVANCE_STATUS */
  char     *acknowledged_on;      /* or NULL */
  char     *resolved_on;          /* or NULL */
  gint64    finding_id;           /* 0 = none */
  char     *notes;
  /* Read only: the linked finding's title, filled by the list and get functions. */
  char     *finding_title;
} VigieGrievanceRecord;

typedef enum
{
  VIGIE_GRIEVANCE_STAGE_ACKNOWLEDGE,
  VIGIE_GRIEVANCE_STAGE_RESOLVE,
  VIGIE_GRIEVANCE_N_STAGES
} VigieGrievanceStage;

typedef struct
{
  VigieGrievanceStage  stage;
  const char          *label;   /* N_(): translate with _() */
  int                  days;    /* allowed, counted from the day it was received */
} VigieGrievanceTimeframe;

typedef struct
{
  VigieGrievanceStage stage;
  int                 days_allowed;
  char                due_on[11];  /* YYYY-MM-DD */
  gboolean            done;        /* the stage was reached */
  int                 days_taken;  /* done: days from received to the stage; else elapsed */
  gboolean            breached;    /* done late, or not done and past due */
} VigieGrievanceStageStatus;

/* The time frames, one per stage, in order. */
const VigieGrievanceTimeframe *vigie_grievance_timeframes (guint *n_stages);

/* Where RECORD stands against each time frame on TODAY (YYYY-MM-DD). OUT has
 * VIGIE_GRIEVANCE_N_STAGES entries. Returns TRUE if any stage is breached. */
gboolean   vigie_grievance_check            (const VigieGrievanceRecord *record,
                                             const char                 *today,
                                             VigieGrievanceStageStatus  *out);

VigieGrievanceRecord *vigie_grievance_record_new  (void) G_GNUC_WARN_UNUSED_RESULT;
VigieGrievanceRecord *vigie_grievance_record_copy (const VigieGrievanceRecord *record) G_GNUC_WARN_UNUSED_RESULT;
void                  vigie_grievance_record_free (VigieGrievanceRecord *record);

GPtrArray *vigie_grievance_validate         (VigieStore                 *store,
                                             const VigieGrievanceRecord *record) G_GNUC_WARN_UNUSED_RESULT;

/* The grievances of SITE_ID, newest first (GPtrArray of VigieGrievanceRecord). */
GPtrArray  *vigie_store_list_grievances     (VigieStore                 *store,
                                             gint64                      site_id,
                                             GError                    **error) G_GNUC_WARN_UNUSED_RESULT;
VigieGrievanceRecord *vigie_store_get_grievance (VigieStore             *store,
                                                 gint64                  id,
                                                 GError                **error) G_GNUC_WARN_UNUSED_RESULT;
gint64      vigie_store_insert_grievance    (VigieStore                 *store,
                                             VigieGrievanceRecord       *record,
                                             GError                    **error);
gboolean    vigie_store_update_grievance    (VigieStore                 *store,
                                             const VigieGrievanceRecord *record,
                                             GError                    **error);
gboolean    vigie_store_delete_grievance    (VigieStore                 *store,
                                             gint64                      id,
                                             GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieGrievanceRecord, vigie_grievance_record_free)

G_END_DECLS

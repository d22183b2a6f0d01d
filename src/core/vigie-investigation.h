/* vigie-investigation.h — investigations of a site by a monitoring partner, and their
 * activities (interviews, focus groups, surveys, visits...): records and CRUD.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigie-site.h"
#include "vigie-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;               /* 0 for a new investigation */
  char   *uuid;
  gint64  site_id;
  gint64  partner_id;       /* organisations.id (monitoring partner), 0 = none */
  char   *title;
  char   *trigger;          /* VIGIE_VOCAB_INVESTIGATION_TRIGGER */
  char   *start_date;       /* YYYY-MM-DD */
  char   *end_date;         /* YYYY-MM-DD or NULL */
  char   *status;           /* VIGIE_VOCAB_INVESTIGATION_STATUS */
  char   *notes;
  /* Read only, filled by the list and get functions. */
  char   *partner_name;
  int     n_findings;
  int     n_activities;
} VigieInvestigationRecord;

typedef struct
{
  gint64  id;
  char   *uuid;
  gint64  investigation_id;
  char   *method;           /* VIGIE_VOCAB_ACTIVITY_METHOD */
  char   *start_date;
  char   *end_date;         /* or NULL */
  gint64  participants_total;
  gint64  participants_women;
  gint64  participants_migrant;
  char   *notes;
} VigieActivityRecord;

typedef struct
{
  gint64  id;
  char   *name;
  char   *country;
} VigieOrganisationInfo;

VigieInvestigationRecord *vigie_investigation_record_new  (void) G_GNUC_WARN_UNUSED_RESULT;
VigieInvestigationRecord *vigie_investigation_record_copy (const VigieInvestigationRecord *record) G_GNUC_WARN_UNUSED_RESULT;
void                      vigie_investigation_record_free (VigieInvestigationRecord *record);
VigieActivityRecord      *vigie_activity_record_new       (void) G_GNUC_WARN_UNUSED_RESULT;
VigieActivityRecord      *vigie_activity_record_copy      (const VigieActivityRecord *record) G_GNUC_WARN_UNUSED_RESULT;
void                      vigie_activity_record_free      (VigieActivityRecord *record);
void                      vigie_organisation_info_free    (VigieOrganisationInfo *info);

/* GPtrArray of VigieFieldError. */
GPtrArray *vigie_investigation_validate     (VigieStore                     *store,
                                             const VigieInvestigationRecord *record) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray *vigie_activity_validate          (const VigieActivityRecord      *record) G_GNUC_WARN_UNUSED_RESULT;

VigieInvestigationRecord *vigie_store_get_investigation    (VigieStore  *store,
                                                            gint64       id,
                                                            GError     **error) G_GNUC_WARN_UNUSED_RESULT;
/* The investigations of SITE_ID, newest first (GPtrArray of VigieInvestigationRecord). */
GPtrArray  *vigie_store_list_investigations  (VigieStore                *store,
                                              gint64                     site_id,
                                              GError                   **error) G_GNUC_WARN_UNUSED_RESULT;
gint64      vigie_store_insert_investigation (VigieStore                *store,
                                              VigieInvestigationRecord  *record,
                                              GError                   **error);
gboolean    vigie_store_update_investigation (VigieStore                *store,
                                              const VigieInvestigationRecord *record,
                                              GError                   **error);
gboolean    vigie_store_delete_investigation (VigieStore                *store,
                                              gint64                     id,
                                              GError                   **error);

/* Activities of an investigation by start date (GPtrArray of VigieActivityRecord). */
GPtrArray  *vigie_store_list_activities      (VigieStore                *store,
                                              gint64                     investigation_id,
                                              GError                   **error) G_GNUC_WARN_UNUSED_RESULT;
gint64      vigie_store_insert_activity      (VigieStore                *store,
                                              VigieActivityRecord       *record,
                                              GError                   **error);
gboolean    vigie_store_update_activity      (VigieStore                *store,
                                              const VigieActivityRecord *record,
                                              GError                   **error);
gboolean    vigie_store_delete_activity      (VigieStore                *store,
                                              gint64                     id,
                                              GError                   **error);

/* Monitoring partners, by name (GPtrArray of VigieOrganisationInfo). */
GPtrArray  *vigie_store_list_partners        (VigieStore                *store,
                                              GError                   **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieInvestigationRecord, vigie_investigation_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieActivityRecord, vigie_activity_record_free)

G_END_DECLS

/* vigie-site.h — sites (factories) and their workforce snapshots: records and CRUD.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigie-store.h"

G_BEGIN_DECLS

/* Unknown numbers are -1; unknown coordinates are NAN; absent strings are "" or NULL
 * (os_id NULL = none). Every string is owned by the record. */
typedef struct
{
  gint64    id;              /* 0 for a new site */
  char     *uuid;
  char     *name;            /* 1..200 characters */
  char     *native_name;     /* <= 200 */
  char     *address;         /* <= 200 */
  char     *country;         /* ISO 3166-1 alpha-2, upper case */
  double    latitude;        /* NAN = unknown */
  double    longitude;
  char     *os_id;           /* Open Supply Hub ID or NULL */
  char     *parent_company;
  char     *employer;
  char     *location_type;   /* VIGIE_VOCAB_LOCATION_TYPE code */
  char     *products;        /* comma-separated VIGIE_VOCAB_PRODUCT codes */
  gboolean  closed;
  char     *notes;           /* internal */
  char     *created_at;
  char     *updated_at;
} VigieSiteRecord;

typedef struct
{
  gint64    id;              /* 0 for a new snapshot */
  gint64    site_id;
  char     *as_of;           /* YYYY-MM-DD */
  char     *source;          /* VIGIE_VOCAB_WORKFORCE_SOURCE code */
  gint64    total;           /* -1 unknown; else exact total */
  gint64    total_min;       /* -1 unknown; a range when total is unknown */
  gint64    total_max;
  gint64    women;
  gint64    migrant;
  gint64    agency;
  gint64    temporary;
  gint64    student;
  gint64    under18;
  int       union_present;   /* -1 unknown, 0 no, 1 yes */
  char     *notes;
} VigieWorkforceRecord;

/* A field-level validation problem: which field, and a translated sentence saying why. */
typedef struct
{
  const char *field;         /* the record member name, e.g. "latitude" */
  char       *reason;        /* translated, owned */
} VigieFieldError;

VigieSiteRecord      *vigie_site_record_new        (void);
VigieSiteRecord      *vigie_site_record_copy       (const VigieSiteRecord *record);
void                  vigie_site_record_free       (VigieSiteRecord       *record);

VigieWorkforceRecord *vigie_workforce_record_new   (void);
VigieWorkforceRecord *vigie_workforce_record_copy  (const VigieWorkforceRecord *record);
void                  vigie_workforce_record_free  (VigieWorkforceRecord  *record);

void                  vigie_field_error_free       (VigieFieldError       *error);

/* Checks every field (lengths, country known to the reference table, coordinates,
 * OS ID check character, vocabularies). Returns a GPtrArray of VigieFieldError (empty when
 * valid); STORE may be NULL to skip the checks that need the database. */
GPtrArray            *vigie_site_validate          (VigieStore            *store,
                                                    const VigieSiteRecord *record);
GPtrArray            *vigie_workforce_validate     (const VigieWorkforceRecord *record);

/* The key sites from different sources are matched on (imports): the normalised
 * (vigie_normalise_text) name and address and the upper-case country, joined with '|'. */
char                 *vigie_site_match_key         (const char            *name,
                                                    const char            *address,
                                                    const char            *country) G_GNUC_WARN_UNUSED_RESULT;

/* CRUD. Each write is one transaction (nested in the caller's if one is open) and writes
 * an audit_log entry with old → new values. */
VigieSiteRecord      *vigie_store_get_site         (VigieStore            *store,
                                                    gint64                 id,
                                                    GError               **error);
gint64                vigie_store_insert_site      (VigieStore            *store,
                                                    VigieSiteRecord       *record,
                                                    GError               **error);
gboolean              vigie_store_update_site      (VigieStore            *store,
                                                    const VigieSiteRecord *record,
                                                    GError               **error);
gboolean              vigie_store_delete_site      (VigieStore            *store,
                                                    gint64                 id,
                                                    GError               **error);

/* Workforce snapshots of a site, newest first (GPtrArray of VigieWorkforceRecord). */
GPtrArray            *vigie_store_list_workforce   (VigieStore            *store,
                                                    gint64                 site_id,
                                                    GError               **error);
gint64                vigie_store_insert_workforce (VigieStore            *store,
                                                    VigieWorkforceRecord  *record,
                                                    GError               **error);
gboolean              vigie_store_update_workforce (VigieStore            *store,
                                                    const VigieWorkforceRecord *record,
                                                    GError               **error);
gboolean              vigie_store_delete_workforce (VigieStore            *store,
                                                    gint64                 id,
                                                    GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieSiteRecord, vigie_site_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieWorkforceRecord, vigie_workforce_record_free)

G_END_DECLS

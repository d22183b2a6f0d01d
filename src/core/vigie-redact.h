/* vigie-redact.h — what an export may contain at a disclosure level: the one redaction
 * mechanism every export (PDF reports, XLSX and CSV data exports, later the static
 * website) goes through.
 *
 * Disclosure levels, from the narrowest audience to the widest:
 *   internal < workers < employer < brand < affiliates < public
 * An export for audience LEVEL contains:
 *   - only the findings whose own disclosure level is LEVEL or wider (a finding marked
 *     'brand' may be seen by the brand and every narrower audience, so it appears in
 *     exports for internal, workers, employer and brand, never for affiliates or public),
 *     and nothing that belongs to a left-out finding (its evidence, standards, indicators,
 *     actions and their history; a grievance linked to it loses the link);
 *   - below 'internal': no confidential evidence at all; testimony only as its pseudonym,
 *     the number of sources and, when the worker consented to be quoted, the summary —
 *     never its date, file or notes; no internal notes of any record (sites, workforce,
 *     organisations, investigations, activities, findings, evidence, actions and their
 *     status history, grievances, chemical products, measurements), no names of the
 *     people who changed a status, no paths or hashes of evidence files.
 *
 * The data is read here (SQL stays in src/core) into plain structs or a row cursor with
 * the redacted values already gone: renderers never see them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigie-chemical.h"
#include "vigie-evidence.h"
#include "vigie-finding.h"
#include "vigie-grievance.h"
#include "vigie-investigation.h"
#include "vigie-remediation.h"
#include "vigie-site.h"
#include "vigie-store.h"

G_BEGIN_DECLS

typedef enum
{
  VIGIE_LEVEL_INTERNAL,
  VIGIE_LEVEL_WORKERS,
  VIGIE_LEVEL_EMPLOYER,
  VIGIE_LEVEL_BRAND,
  VIGIE_LEVEL_AFFILIATES,
  VIGIE_LEVEL_PUBLIC,
  VIGIE_N_LEVELS
} VigieDisclosureLevel;

/* "internal" … "public" ↔ the enum. Parsing is case-sensitive on the stored codes. */
gboolean     vigie_disclosure_level_parse (const char           *code,
                                           VigieDisclosureLevel *level);
const char  *vigie_disclosure_level_code  (VigieDisclosureLevel  level);

/* ─── The rules (used by every reader below, and by callers that filter themselves) ── */

/* TRUE when a finding marked FINDING_LEVEL (a code) may appear in an export for LEVEL:
 * its level is LEVEL or wider. An unknown code counts as 'internal'. */
gboolean     vigie_redact_finding_visible  (const char           *finding_level,
                                            VigieDisclosureLevel  level);
/* TRUE when an evidence item (of a visible finding) may appear: never a confidential one
 * below 'internal'. */
gboolean     vigie_redact_evidence_visible (gboolean              confidential,
                                            VigieDisclosureLevel  level);
/* TRUE when internal notes and other internal-only fields may appear ('internal' only). */
gboolean     vigie_redact_internal_visible (VigieDisclosureLevel  level);

/* In place: blanks the fields of a record that LEVEL may not see (notes...). For
 * evidence, the caller has already checked vigie_redact_evidence_visible(). */
void         vigie_redact_site_record        (VigieSiteRecord          *record,
                                              VigieDisclosureLevel      level);
void         vigie_redact_workforce_record   (VigieWorkforceRecord     *record,
                                              VigieDisclosureLevel      level);
void         vigie_redact_investigation      (VigieInvestigationRecord *record,
                                              VigieDisclosureLevel      level);
void         vigie_redact_activity           (VigieActivityRecord      *record,
                                              VigieDisclosureLevel      level);
void         vigie_redact_finding_record     (VigieFindingRecord       *record,
                                              VigieDisclosureLevel      level);
void         vigie_redact_evidence_record    (VigieEvidenceRecord      *record,
                                              VigieDisclosureLevel      level);
void         vigie_redact_action_record      (VigieActionRecord        *record,
                                              VigieDisclosureLevel      level);
void         vigie_redact_status_change      (VigieStatusChange        *change,
                                              VigieDisclosureLevel      level);
void         vigie_redact_grievance_record   (VigieGrievanceRecord     *record,
                                              VigieDisclosureLevel      level);

/* ─── The data of a factory report ──────────────────────────────────────── */

typedef struct
{
  char *key;            /* 'forced_labour', 'A1' */
  char *code;           /* 'vigie', 'rba' */
  char *title;          /* English, as stored: translate in the report's language */
} VigieReportStandard;

typedef struct
{
  VigieActionRecord *action;        /* redacted */
  char              *responsible;   /* organisation name, "" when none */
  GPtrArray         *history;       /* VigieStatusChange, oldest first, redacted */
} VigieReportAction;

typedef struct
{
  VigieFindingRecord *finding;      /* redacted */
  char               *theme_title;  /* English title of the theme standard, "" */
  int                 theme_order;  /* its place in the organisation's code */
  GPtrArray          *standards;    /* VigieReportStandard */
  GPtrArray          *indicators;   /* char *: English titles of the FL indicators */
  GPtrArray          *evidence;     /* VigieEvidenceRecord, the visible ones, redacted */
  gint64              n_sources;    /* corroborating sources of the visible evidence */
  guint               n_testimony;  /* visible testimony items */
  GPtrArray          *actions;      /* VigieReportAction */
} VigieReportFinding;

typedef struct
{
  VigieInvestigationRecord *investigation;  /* redacted */
  GPtrArray                *activities;     /* VigieActivityRecord, redacted */
} VigieReportInvestigation;

typedef struct
{
  VigieDisclosureLevel level;
  int                  year;            /* 0: every year */
  char                *period_start;    /* YYYY-MM-DD: first investigation/finding, or NULL */
  char                *period_end;      /* YYYY-MM-DD: the year's end, or today */
  VigieSiteRecord     *site;            /* redacted */
  char                *country_name;    /* English short name */
  GPtrArray           *brands;          /* char *: brands linked through contracts, sorted */
  GPtrArray           *affiliates;      /* char *: affiliates buying from the site, sorted */
  GPtrArray           *product_models;  /* char *: contract product models, sorted */
  GPtrArray           *workforce;       /* VigieWorkforceRecord, newest first, redacted */
  GPtrArray           *investigations;  /* VigieReportInvestigation, newest first */
  GPtrArray           *findings;        /* VigieReportFinding: theme, then severity, then date */
  GPtrArray           *grievances;      /* VigieGrievanceRecord, newest first, redacted */
  VigieHazardSummary  *hazards;         /* NULL when the site has no chemical inventory */
  guint                n_findings_left_out;  /* findings above the level (a count only) */
} VigieSiteReport;

void             vigie_site_report_free (VigieSiteReport *report);
/* Everything a factory report of SITE_ID shows at LEVEL. YEAR 0: the whole history; else
 * the investigations that started in YEAR, and the findings observed by its end that were
 * still open at its start (with their actions). */
VigieSiteReport *vigie_redact_site_report (VigieStore           *store,
                                           gint64                site_id,
                                           VigieDisclosureLevel  level,
                                           int                   year,
                                           GError              **error) G_GNUC_WARN_UNUSED_RESULT;

/* ─── The full data export: one table at a time, as a row cursor ───────────── */

typedef enum
{
  VIGIE_EXPORT_TEXT,
  VIGIE_EXPORT_INTEGER,
  VIGIE_EXPORT_REAL,
  VIGIE_EXPORT_DATE,        /* text YYYY-MM-DD */
  VIGIE_EXPORT_TIMESTAMP,   /* text YYYY-MM-DDTHH:MM:SSZ */
  VIGIE_EXPORT_BOOLEAN,     /* integer 0/1 */
} VigieExportType;

typedef struct
{
  const char      *name;    /* column header (a stable English identifier) */
  VigieExportType  type;
  int              width;   /* suggested width in characters */
} VigieExportColumn;

/* The tables of a full data export, in order: NULL-terminated, static ("sites",
 * "workforce", "organisations", "investigations", "activities", "findings",
 * "finding_standards", "finding_indicators", "evidence", "actions", "action_history",
 * "grievances", "chemical_products", "exposure_measurements"). */
const char * const *vigie_export_table_names (void);

typedef struct _VigieExportCursor VigieExportCursor;

/* Reads TABLE at LEVEL: only the rows and columns LEVEL may see. */
VigieExportCursor       *vigie_export_cursor_new      (VigieStore            *store,
                                                       const char            *table,
                                                       VigieDisclosureLevel   level,
                                                       GError               **error) G_GNUC_WARN_UNUSED_RESULT;
void                     vigie_export_cursor_free     (VigieExportCursor     *cursor);
/* The visible columns. */
const VigieExportColumn *vigie_export_cursor_columns  (VigieExportCursor     *cursor,
                                                       guint                 *n_columns);
/* Rows in the table before redaction (for progress). */
gint64                   vigie_export_cursor_total    (VigieExportCursor     *cursor);
/* Advances to the next visible row: TRUE with a row, FALSE at the end or on ERROR. */
gboolean                 vigie_export_cursor_next     (VigieExportCursor     *cursor,
                                                       GError               **error);
/* Values of the current row, by visible column index. Text is NULL for NULL. */
gboolean                 vigie_export_cursor_is_null  (VigieExportCursor     *cursor,
                                                       guint                  column);
const char              *vigie_export_cursor_text     (VigieExportCursor     *cursor,
                                                       guint                  column);
gint64                   vigie_export_cursor_integer  (VigieExportCursor     *cursor,
                                                       guint                  column);
double                   vigie_export_cursor_real     (VigieExportCursor     *cursor,
                                                       guint                  column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieSiteReport, vigie_site_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieExportCursor, vigie_export_cursor_free)

G_END_DECLS

/* vigie-reference.h — reference data shipped in data/reference/ (countries, codes of
 * labour standards, ILO indicators and conventions, GHS hazard statements).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>
#include <glib.h>

#include "vigie-store.h"

G_BEGIN_DECLS

#define VIGIE_REFERENCE_ERROR (vigie_reference_error_quark ())
GQuark vigie_reference_error_quark (void);

typedef enum
{
  VIGIE_REFERENCE_ERROR_MISSING,    /* a reference file is not in the resource */
  VIGIE_REFERENCE_ERROR_MALFORMED,  /* a line of a reference file is malformed */
  VIGIE_REFERENCE_ERROR_DATABASE,   /* writing a row failed */
} VigieReferenceError;

/* Loads (or refreshes, with INSERT ... ON CONFLICT DO UPDATE) every reference table from
 * the core GResource into DB. Called by the store inside the migration transaction. */
gboolean     vigie_reference_load            (sqlite3      *db,
                                              GError      **error);

/* Parses one reference table: UTF-8 text, one record a line, fields separated by tabs,
 * empty lines and lines starting with '#' ignored, a first line of column names that must
 * equal COLUMNS (NULL-terminated). Returns the rows (each a GStrv of exactly as many fields
 * as COLUMNS); LINES, when not NULL, receives the 1-based line number of each row (guint).
 * Errors name FILE_NAME and the line. */
GPtrArray   *vigie_reference_parse_tsv       (const char         *file_name,
                                              const char         *text,
                                              gsize               length,
                                              const char * const *columns,
                                              GArray            **lines,
                                              GError            **error) G_GNUC_WARN_UNUSED_RESULT;

/* The ISO 3166-1 alpha-2 code for TEXT: a code ("cn", " CN "), an English name as in ISO
 * 3166 ("China", "Viet Nam", "Türkiye") or a common alias ("Vietnam", "Turkey", "UK",
 * "South Korea", an alpha-3 code) in any case, accents and surrounding spaces ignored.
 * With a STORE, the code must also be in its countries table. NULL if unknown. */
char        *vigie_reference_match_country   (VigieStore   *store,
                                              const char   *text) G_GNUC_WARN_UNUSED_RESULT;

/* The English short name of the country CODE (as in countries.tsv), NULL if unknown. */
const char  *vigie_reference_country_name    (const char   *code);

/* The country name to show: translated through Debian's iso-codes ("iso_3166-1" domain),
 * falling back to the English name; NULL if CODE is unknown. */
const char  *vigie_reference_country_label   (const char   *code);

/* Every country code of countries.tsv, sorted. Free with g_strfreev(). */
char       **vigie_reference_country_codes   (void) G_GNUC_WARN_UNUSED_RESULT;

/* TRUE if CODE ("H300", "H360Fd", "EUH066") is a hazard statement of hazard-statements.tsv
 * (deleted codes included, so old safety data sheets still resolve). */
gboolean     vigie_reference_is_hazard_code  (const char   *code);

/* The translated form of a reference title or text stored in English (standard titles,
 * forced-labour indicators, ILO conventions, hazard statements and classes). */
const char  *vigie_reference_text            (const char   *english);

G_END_DECLS

/* vigie-validate.h — pure checks of the rules in DOMAIN.md ("Rules the data must obey").
 * Each returns TRUE when the value is valid; otherwise FALSE and, when REASON is not NULL,
 * a translated sentence saying what is wrong (free with g_free()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* CAS Registry Number: 2–7 digits, 2 digits, 1 check digit ("7732-18-5"). Mixtures without
 * a CAS number ("none", empty) are the caller's business. */
gboolean   vigie_validate_cas            (const char    *text,
                                          char         **reason);

/* Open Supply Hub ID: 15 characters, ISO 3166-1 country code + YYYYDDD (a real day of that
 * year) + 5 Crockford base-32 characters + the check character. Upper case only. */
gboolean   vigie_validate_os_id          (const char    *text,
                                          char         **reason);
/* The check character for the first 14 characters of an OS ID (the Crockford symbol at index
 * (ord (c0) + ord (c1) + Σ crockford_value (c2..c13)) mod 32), or '\0' when FIRST14 is not
 * two upper-case letters followed by 12 upper-case Crockford base-32 characters. */
char       vigie_os_id_check_char        (const char    *first14);

/* A real calendar date written YYYY-MM-DD. */
gboolean   vigie_validate_date           (const char    *text,
                                          char         **reason);
/* Both dates valid (or NULL/empty = not set) and END not before START. */
gboolean   vigie_validate_date_range     (const char    *start,
                                          const char    *end,
                                          char         **reason);

gboolean   vigie_validate_percentage     (double         value,
                                          char         **reason);
gboolean   vigie_validate_latitude       (double         value,
                                          char         **reason);
gboolean   vigie_validate_longitude      (double         value,
                                          char         **reason);

/* Worker counts: TOTAL and each of the N_GROUPS GROUPS (women, migrant, ...) are not
 * negative and no group exceeds the total. -1 means unknown and is skipped. */
gboolean   vigie_validate_group_counts   (gint64         total,
                                          guint          n_groups,
                                          const gint64  *groups,
                                          char         **reason);

/* ISO 4217 form: three upper-case letters ("EUR"). */
gboolean   vigie_validate_currency       (const char    *text,
                                          char         **reason);

/* One hazard statement code of the reference list: "H300", "H360Fd", "EUH066". The "H" or
 * "EUH" prefix may be in any case; the letters after the number (H350i, H361fd) may not. */
gboolean   vigie_validate_hazard_code    (const char    *text,
                                          char         **reason);
/* Splits a combined code ("H300+H310+H330", spaces allowed around '+') into its canonical
 * codes; NULL (with REASON) when a part is empty or not a known code. */
char     **vigie_hazard_split            (const char    *text,
                                          char         **reason) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

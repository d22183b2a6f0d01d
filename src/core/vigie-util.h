/* vigie-util.h — clock, identifiers and small helpers shared by every layer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Today's date as YYYY-MM-DD. Tests and reports pin it with VIGIE_TODAY=YYYY-MM-DD: this is
 * the only place that reads the wall clock for a date. */
char     *vigie_today_iso        (void) G_GNUC_WARN_UNUSED_RESULT;
GDate    *vigie_today            (void) G_GNUC_WARN_UNUSED_RESULT;
/* Now as YYYY-MM-DDTHH:MM:SSZ (UTC). VIGIE_NOW pins it (reproducible outputs, tests). */
char     *vigie_now_iso          (void) G_GNUC_WARN_UNUSED_RESULT;
char     *vigie_uuid_new         (void) G_GNUC_WARN_UNUSED_RESULT;

/* Lower-case, accents folded, punctuation and runs of spaces collapsed: for matching names
 * and addresses from different sources. */
char     *vigie_normalise_text   (const char *text) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

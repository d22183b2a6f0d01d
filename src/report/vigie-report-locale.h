/* vigie-report-locale.h — the language of a report, independent of the UI's.
 *
 * A report is written in the language the analyst picks, whatever language the
 * application speaks. Changing the process locale or $LANGUAGE for that would be racy
 * (the UI and the preview worker run at the same time) and is overridden by $LANGUAGE
 * anyway, so the report reads the message catalogues itself: the same .mo files gettext
 * uses (the vigie domain where bindtextdomain() points, iso-codes' country names), with
 * the catalogue's own plural rule. Dates and numbers follow the report language's C
 * locale through newlocale() and the *_l functions, never the global locale.
 *
 * Report code marks its strings with _(), C_(), N_() and g_dngettext() as usual (so
 * xgettext extracts them) after including "vigie-report-i18n.h", which sends them to the
 * locale made current on the calling thread with vigie_report_locale_push().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _VigieReportLocale VigieReportLocale;

/* LANGUAGE: "en", "fr", "fr_FR"...; NULL or "" means the UI's language (plain gettext). */
VigieReportLocale *vigie_report_locale_new       (const char        *language) G_GNUC_WARN_UNUSED_RESULT;
VigieReportLocale *vigie_report_locale_ref       (VigieReportLocale *self);
void               vigie_report_locale_unref     (VigieReportLocale *self);
/* "en", "fr" ... ("" for the UI's language). */
const char        *vigie_report_locale_language  (VigieReportLocale *self);
/* TRUE when a catalogue of the vigie domain was found for the language (always TRUE for
 * English and for the UI's language). */
gboolean           vigie_report_locale_has_catalogue (VigieReportLocale *self);

/* Makes SELF the translation of report strings on this thread until the matching pop.
 * Pushes nest. */
void               vigie_report_locale_push      (VigieReportLocale *self);
void               vigie_report_locale_pop       (void);
VigieReportLocale *vigie_report_locale_current   (void);

/* Translations in the current report locale (the UI's when none is pushed). */
const char        *vigie_report_gettext          (const char        *msgid) G_GNUC_FORMAT (1);
const char        *vigie_report_pgettext         (const char        *msgctxtid,
                                                  gsize              msgidoffset) G_GNUC_FORMAT (1);
const char        *vigie_report_ngettext         (const char        *msgid,
                                                  const char        *msgid_plural,
                                                  gulong             n) G_GNUC_FORMAT (1);
/* MSGID in CONTEXT, both known only at run time (vocabulary labels). */
const char        *vigie_report_pgettext2        (const char        *context,
                                                  const char        *msgid) G_GNUC_FORMAT (2);
/* A country name (iso-codes domain), from its English short name. */
const char        *vigie_report_country          (const char        *english);
/* The label of CODE in VOCAB (a VigieVocab) in the report's language; CODE itself when
 * unknown, "" for NULL. */
const char        *vigie_report_vocab_label      (int                vocab,
                                                  const char        *code);
/* The labels of the comma-separated CODES of VOCAB, joined with ", ". */
char              *vigie_report_vocab_list       (int                vocab,
                                                  const char        *codes) G_GNUC_WARN_UNUSED_RESULT;
/* The strings of STRINGS (may be NULL) joined with SEPARATOR. */
char              *vigie_report_join             (GPtrArray         *strings,
                                                  const char        *separator) G_GNUC_WARN_UNUSED_RESULT;

/* "15 June 2026" (in French "15 juin 2026") from "2026-06-15"; "" for NULL or "". */
char              *vigie_report_format_date      (const char        *iso) G_GNUC_WARN_UNUSED_RESULT;
/* ISO date ISO in strftime FORMAT, month and day names in the report locale (the UI's
 * when none is pushed). */
char              *vigie_report_format_date_as   (const char        *iso,
                                                  const char        *format) G_GNUC_WARN_UNUSED_RESULT;
/* "15 Jun 2026" (in French "15 juin 2026"), for tables. */
char              *vigie_report_format_date_short (const char       *iso) G_GNUC_WARN_UNUSED_RESULT;
/* "12,345" / "12 345" with the language's digit grouping. */
char              *vigie_report_format_int       (gint64             value) G_GNUC_WARN_UNUSED_RESULT;
/* VALUE with DECIMALS digits after the language's decimal separator, grouped. */
char              *vigie_report_format_double    (double             value,
                                                  int                decimals) G_GNUC_WARN_UNUSED_RESULT;
/* "42 %" / "42%" of VALUE (0..1), no decimals. */
char              *vigie_report_format_percent   (double             fraction) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieReportLocale, vigie_report_locale_unref)

G_END_DECLS

/* vigie-report-i18n.h — include LAST in report sources whose strings must follow the
 * report's language rather than the UI's: _(), C_() and g_dngettext() then translate
 * through the report locale pushed on the thread (vigie-report-locale.h). xgettext still
 * sees the usual keywords.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gi18n-lib.h>

#include "vigie-report-locale.h"

#undef _
#define _(String) vigie_report_gettext (String)
#undef C_
#define C_(Context, String) vigie_report_pgettext (Context "\004" String, strlen (Context) + 1)
#undef g_dngettext
#define g_dngettext(Domain, Singular, Plural, N) vigie_report_ngettext (Singular, Plural, N)

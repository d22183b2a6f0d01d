/* vigie-website.h — the public transparency website: a self-contained static site (HTML and
 * CSS, charts as inline SVG from the shared cairo renderers) and its open data (sites in the
 * Open Supply Hub CSV format, findings and remediation as CSV and JSON), in every shipped
 * language, from the data at disclosure level 'public' (vigie-redact.h).
 *
 * The same database gives the same files. Files are created with mode 0644 (the site is
 * meant to be published); the directory is created if needed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigie-demo.h"
#include "vigie-store.h"

G_BEGIN_DECLS

typedef struct
{
  const char *const *languages;  /* NULL-terminated language codes ("en", "fr", ...);
                                  * NULL: English and every shipped language */
  const char        *now;        /* ISO timestamp printed on the pages; NULL: none */
} VigieWebsiteOptions;

void      vigie_website_options_init  (VigieWebsiteOptions       *options);

/* The languages written when VigieWebsiteOptions.languages is NULL: "en", then every
 * language with an installed catalogue of Vigie, sorted. NULL-terminated; g_strfreev(). */
char    **vigie_website_default_languages (void) G_GNUC_WARN_UNUSED_RESULT;

/* Writes the website into DIRECTORY. PROGRESS may be NULL; it is called from the calling
 * thread. OPTIONS may be NULL (every language, no date).
 *
 * Layout: index.html (the languages), style.css, filter.js (the optional index filter),
 * LANG/index.html (the sites), LANG/sites/SITE.html (one per site, SITE being the site's
 * uuid), LANG/data.html (the open data described), data/ (sites.csv in the Open Supply
 * Hub format, findings.csv/.json, remediation.csv/.json, README.md). Site pages of sites
 * no longer in the dataset are removed from LANG/sites/. Overdue actions are counted on
 * the date of OPTIONS->now, else on today (vigie_today_iso()). */
gboolean  vigie_website_write         (VigieStore                *store,
                                       const VigieWebsiteOptions *options,
                                       const char                *directory,
                                       VigieProgressFunc          progress,
                                       gpointer                   user_data,
                                       GCancellable              *cancellable,
                                       GError                   **error);

G_END_DECLS

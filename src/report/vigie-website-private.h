/* vigie-website-private.h — what the files of the transparency website share: the run
 * (Website), the per-site summary the index is built from, the page writers
 * (vigie-website-pages.c), the open data (vigie-website-data.c) and the inline SVG
 * charts (vigie-website-svg.c).
 *
 * Everything here works on data already redacted to disclosure level 'public' by
 * vigie_redact_site_report(): nothing in these files reads the database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "vigie-redact.h"
#include "vigie-report-locale.h"
#include "vigie-vocab.h"
#include "vigie-website.h"

G_BEGIN_DECLS

/* A theme of the organisation's code, as met in the public findings. */
typedef struct
{
  char *key;            /* 'forced_labour'; "other" for findings without a theme */
  char *title;          /* English title (translate with vigie_report_gettext), "" for other */
  int   order;          /* its place in the code (G_MAXINT for other) */
} WebsiteTheme;

/* What the index shows of one site (and what its page links to). */
typedef struct
{
  gint64     id;
  char      *slug;            /* stable file stem: the site's uuid, or "site-ID" */
  char      *name;
  char      *native_name;
  char      *address;
  char      *country;         /* ISO 3166-1 alpha-2 */
  char      *country_name;    /* English short name */
  char      *products;        /* comma-separated product codes */
  GPtrArray *buyers;          /* char *: affiliates buying from the site, sorted */
  GPtrArray *brands;          /* char *: brands, sorted */
  gboolean   closed;
  GHashTable *theme_counts;   /* theme key → GUINT_TO_POINTER (public findings) */
  guint      n_findings;
  guint      n_critical;
  guint      n_open;
  guint      n_actions;
  guint      n_done;          /* reported complete, verified or closed */
  guint      n_overdue;
} WebsiteSite;

typedef struct
{
  char              *code;       /* "en", "fr" */
  VigieReportLocale *locale;
} WebsiteLanguage;

typedef struct
{
  VigieStore         *store;
  char               *directory;
  GPtrArray          *languages;   /* WebsiteLanguage */
  char               *now;         /* ISO timestamp or NULL */
  char               *today;       /* YYYY-MM-DD: overdue and the timeline's today line */
  GPtrArray          *sites;       /* WebsiteSite, in the order of the data files */
  GHashTable         *themes;      /* key → WebsiteTheme */
  GPtrArray          *indicators;  /* VigieIndicatorInfo, in the ILO list's order */
  GHashTable         *written;     /* relative paths written in this run */
  guint               n_findings;
  guint               n_actions;
  guint               n_done;
  guint               n_overdue;
  /* Findings by theme and severity over every site, for the index chart. */
  GHashTable         *theme_severity;  /* theme key → guint[4] */
} Website;

/* ─── Shared helpers (vigie-website.c) ───────────────────────────────────── */

/* Writes CONTENTS to DIRECTORY/RELATIVE (mode 0644), creating folders as needed. */
gboolean     website_write_file        (Website     *site,
                                        const char  *relative,
                                        const char  *contents,
                                        gsize        length,
                                        GError     **error);
/* A buffered stream on DIRECTORY/RELATIVE; website_close_stream() sets mode 0644. */
GOutputStream *website_open_stream     (Website     *site,
                                        const char  *relative,
                                        GError     **error);
gboolean     website_close_stream      (Website       *site,
                                        GOutputStream *stream,
                                        const char    *relative,
                                        GError       **error);

/* Themes sorted by their place in the code (WebsiteTheme *, borrowed). */
GPtrArray   *website_sorted_themes     (Website     *site);
const char  *website_theme_key         (const VigieReportFinding *finding);
/* TRUE when the action's remediation is done (reported complete, verified or closed). */
gboolean     website_action_done       (const VigieActionRecord *action);

/* ─── Pages (vigie-website-pages.c) ──────────────────────────────────────── */

/* The name of language CODE in that language ("Français"), or CODE. */
const char  *website_language_name     (const char  *code);

const char  *website_style_css         (void);
const char  *website_filter_js         (void);

/* Page bodies, in the language pushed with vigie_report_locale_push(). */
char        *website_site_page         (Website                *site,
                                        const WebsiteLanguage  *language,
                                        const WebsiteSite      *summary,
                                        const VigieSiteReport  *report);
char        *website_index_page        (Website                *site,
                                        const WebsiteLanguage  *language);
char        *website_data_page         (Website                *site,
                                        const WebsiteLanguage  *language);
char        *website_root_page         (Website                *site);

/* ─── Open data (vigie-website-data.c) ───────────────────────────────────── */

typedef struct _WebsiteData WebsiteData;

WebsiteData *website_data_open         (Website      *site,
                                        GError      **error);
gboolean     website_data_add_site     (WebsiteData           *data,
                                        const WebsiteSite     *summary,
                                        const VigieSiteReport *report,
                                        GError               **error);
/* Finishes every file (and the README); frees DATA whatever happens. */
gboolean     website_data_close        (WebsiteData  *data,
                                        GError      **error);
void         website_data_free         (WebsiteData  *data);

/* The open data files and their columns: for the README and the data page. */
typedef struct
{
  const char *name;          /* column header */
  const char *description;   /* N_() English */
} WebsiteColumn;

typedef struct
{
  const char          *file;          /* "findings.csv" */
  const char          *description;   /* N_() English */
  const WebsiteColumn *columns;       /* NULL-terminated; NULL for a JSON twin */
  const char          *twin;          /* the CSV file a JSON file mirrors, or NULL */
} WebsiteDataFile;

const WebsiteDataFile *website_data_files (guint *n_files);

/* ─── Inline SVG (vigie-website-svg.c) ───────────────────────────────────── */

typedef void (*WebsiteDrawFunc) (cairo_t  *cr,
                                 double    width,
                                 double    height,
                                 gpointer  user_data);

/* Draws WIDTH × HEIGHT with DRAW on a cairo SVG surface and returns the <svg> element to
 * inline in HTML: every id prefixed with ID_PREFIX and numbered in order of appearance
 * (reproducible, unique in the page), role="img" labelled by a <title> (TITLE) and a
 * <desc> (DESCRIPTION). LANGUAGE ("fr") gives the month names of time axes. */
char        *website_svg_render        (double           width,
                                        double           height,
                                        WebsiteDrawFunc  draw,
                                        gpointer         user_data,
                                        const char      *id_prefix,
                                        const char      *title,
                                        const char      *description,
                                        const char      *language);
/* The same post-processing on an SVG document (for tests). */
char        *website_svg_normalise     (const char      *svg,
                                        const char      *id_prefix,
                                        const char      *title,
                                        const char      *description);

G_END_DECLS

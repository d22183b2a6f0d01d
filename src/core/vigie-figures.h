/* vigie-figures.h — the figures that annual reports publish (DOMAIN.md, "Figures that
 * annual reports publish"), for one year and optionally one country or one buyer.
 *
 * Every figure is computed by one SQL query, documented in vigie-figures.c above its
 * text (what counts, which date decides the year) and readable at run time with
 * vigie_figure_sql(), so anyone can reproduce a published number from the database with
 * the sqlite3 shell. The parameters of every query are the same:
 *
 *   ?1  first day of the year (YYYY-01-01)
 *   ?2  last day of the year  (YYYY-12-31)
 *   ?3  country (ISO 3166-1 alpha-2) or NULL for every country
 *   ?4  buyer: an affiliate's (or consortium's) organisation id, or 0 for every buyer
 *   ?5  today (YYYY-MM-DD): overdue is counted on this day
 *
 * Speed. Most figures are read from summaries kept up to date by triggers (schema
 * version 2, src/core/sql/002-figures.sql): a few milliseconds for a year of a million
 * findings, for every country or one. For one buyer, or when asked to (from_tables), the
 * documented queries count on the tables themselves; both give the same numbers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigie-store.h"

G_BEGIN_DECLS

/* ─── Options ────────────────────────────────────────────────────────────── */

typedef struct
{
  int          year;       /* required, 1900..9999 */
  const char  *country;    /* ISO code or NULL */
  gint64       buyer_id;   /* organisation id or 0 */
  const char  *today;      /* YYYY-MM-DD; NULL = vigie_today_iso() */
  gboolean     from_tables; /* TRUE: count on the tables with the documented queries,
                             * never on the summaries (slower; to check them); also when
                             * VIGIE_FIGURES_FROM_TABLES=1 */
} VigieFiguresOptions;

/* ─── The figures ────────────────────────────────────────────────────────── */

/* One query each, in the order they are computed and printed. */
typedef enum
{
  VIGIE_FIGURE_AFFILIATES,            /* affiliates direct / via consortium, by country */
  VIGIE_FIGURE_PARTNERS,              /* monitoring partners */
  VIGIE_FIGURE_SITES_LINKED,          /* sites linked to affiliates, by country */
  VIGIE_FIGURE_INVESTIGATIONS,        /* investigations and sites monitored, by country */
  VIGIE_FIGURE_METHODS,               /* activities by method; workers interviewed */
  VIGIE_FIGURE_FINDINGS,              /* findings by theme and severity */
  VIGIE_FIGURE_FINDINGS_MONTHLY,      /* findings first observed per month */
  VIGIE_FIGURE_FORCED_LABOUR,         /* sites with ≥ 1 and ≥ 3 forced-labour indicators */
  VIGIE_FIGURE_ACTIONS,               /* remediation actions by status */
  VIGIE_FIGURE_OVERDUE,               /* overdue actions */
  VIGIE_FIGURE_CLOSURE,               /* share verified by workers, median days to close */
  VIGIE_FIGURE_COMPLETIONS_MONTHLY,   /* actions completed per month */
  VIGIE_FIGURE_REMEDY_WORKERS,        /* workers receiving remedy, by group */
  VIGIE_FIGURE_REMEDY_AMOUNTS,        /* amounts of remedy by currency */
  VIGIE_FIGURE_CONTRACTORS,           /* contractors with a contract in force */
  VIGIE_FIGURE_DISCLOSING,            /* contractors disclosing, per tier */
  VIGIE_N_FIGURES
} VigieFigure;

#define VIGIE_FIGURES_N_SEVERITIES 4  /* the severity vocabulary, critical first */
#define VIGIE_FIGURES_N_METHODS    7  /* the activity method vocabulary */
#define VIGIE_FIGURES_N_STATUSES   12 /* the remediation status vocabulary */
#define VIGIE_FIGURES_N_TIERS      4  /* the tier vocabulary */

typedef enum
{
  VIGIE_REMEDY_GROUP_TOTAL,
  VIGIE_REMEDY_GROUP_WOMEN,
  VIGIE_REMEDY_GROUP_MIGRANT,
  VIGIE_REMEDY_GROUP_AGENCY,
  VIGIE_REMEDY_GROUP_STUDENT,
  VIGIE_REMEDY_GROUP_YOUNG,
  VIGIE_REMEDY_N_GROUPS
} VigieRemedyGroup;

/* Per country of the affiliates. */
typedef struct
{
  char    *country;            /* ISO code; "" when the affiliate has none */
  gint64   direct;
  gint64   via_consortium;
} VigieFiguresAffiliates;

/* Per country of the sites. */
typedef struct
{
  char    *country;
  gint64   sites_linked;
  gint64   sites_monitored;
  gint64   investigations;
} VigieFiguresCountry;

typedef struct
{
  const char *method;          /* vocabulary code (static) */
  gint64      activities;
  gint64      investigations;  /* distinct investigations that used the method */
  gint64      participants;
  gint64      women;
  gint64      migrant;
} VigieFiguresMethod;

typedef struct
{
  char    *theme;              /* key of a top-level theme of the organisation's code; ""
                                * for findings tagged with no theme */
  char    *title;              /* its English title (translate with vigie_reference_text) */
  gint64   by_severity[VIGIE_FIGURES_N_SEVERITIES];
  gint64   total;
} VigieFiguresTheme;

typedef struct
{
  char    *currency;           /* ISO 4217 */
  gint64   amount_minor;       /* integer minor units */
  gint64   actions;
} VigieFiguresAmount;

typedef struct
{
  /* What was asked. */
  int      year;
  char    *country;            /* NULL: every country */
  gint64   buyer_id;           /* 0: every buyer */
  char    *today;
  gboolean from_tables;        /* counted on the tables (documented queries) only */

  /* VIGIE_FIGURE_AFFILIATES */
  gint64   affiliates;
  gint64   affiliates_direct;
  gint64   affiliates_via_consortium;
  GArray  *affiliates_by_country;        /* VigieFiguresAffiliates, by code */

  /* VIGIE_FIGURE_PARTNERS */
  gint64   monitoring_partners;

  /* VIGIE_FIGURE_SITES_LINKED and VIGIE_FIGURE_INVESTIGATIONS */
  gint64   sites_linked;
  gint64   sites_monitored;
  gint64   investigations;
  GArray  *countries;                    /* VigieFiguresCountry, by code */

  /* VIGIE_FIGURE_METHODS */
  VigieFiguresMethod methods[VIGIE_FIGURES_N_METHODS];   /* vocabulary order */
  gint64   activities;
  gint64   workers_interviewed;
  gint64   workers_interviewed_women;
  gint64   workers_interviewed_migrant;

  /* VIGIE_FIGURE_FINDINGS */
  gint64   findings;
  gint64   findings_by_severity[VIGIE_FIGURES_N_SEVERITIES];
  GArray  *themes;                       /* VigieFiguresTheme, in the code's order;
                                          * unclassified last */

  /* VIGIE_FIGURE_FINDINGS_MONTHLY */
  gint64   findings_per_month[12];

  /* VIGIE_FIGURE_FORCED_LABOUR */
  gint64   sites_fl_1;                   /* sites with ≥ 1 distinct indicator */
  gint64   sites_fl_3;                   /* sites with ≥ 3 distinct indicators */

  /* VIGIE_FIGURE_ACTIONS */
  gint64   actions;
  gint64   actions_by_status[VIGIE_FIGURES_N_STATUSES];  /* vocabulary order */

  /* VIGIE_FIGURE_OVERDUE */
  gint64   actions_overdue;

  /* VIGIE_FIGURE_CLOSURE */
  gint64   actions_closed;
  gint64   actions_verified_by_workers;
  double   share_verified_by_workers;    /* 0..1; NAN when no action was closed */
  double   median_days_to_close;         /* NAN when no action was closed */

  /* VIGIE_FIGURE_COMPLETIONS_MONTHLY */
  gint64   completions_per_month[12];

  /* VIGIE_FIGURE_REMEDY_WORKERS */
  gint64   remedy_actions;
  gint64   remedy_workers[VIGIE_REMEDY_N_GROUPS];

  /* VIGIE_FIGURE_REMEDY_AMOUNTS */
  GArray  *remedy_amounts;               /* VigieFiguresAmount, by currency */

  /* VIGIE_FIGURE_CONTRACTORS and VIGIE_FIGURE_DISCLOSING */
  gint64   contractors;
  gint64   contractors_disclosing;       /* disclosed at least one site, any tier */
  gint64   contractors_disclosing_by_tier[VIGIE_FIGURES_N_TIERS];

  /* Milliseconds each query took (for the benchmark). */
  double   milliseconds[VIGIE_N_FIGURES];
} VigieFigures;

#define VIGIE_FIGURES_ERROR (vigie_figures_error_quark ())
GQuark vigie_figures_error_quark (void);

typedef enum
{
  VIGIE_FIGURES_ERROR_INVALID,     /* a bad year, country code or date */
} VigieFiguresError;

/* Computes every figure. Runs in any thread on a connection of its own; CANCELLABLE is
 * checked between queries. */
VigieFigures *vigie_figures_compute        (VigieStore                *store,
                                            const VigieFiguresOptions *options,
                                            GCancellable              *cancellable,
                                            GError                   **error) G_GNUC_WARN_UNUSED_RESULT;
/* Computes (again) only FIGURE into FIGURES, whose year, country, buyer and today say
 * what to count. */
gboolean      vigie_figures_compute_one    (VigieStore                *store,
                                            VigieFigures              *figures,
                                            VigieFigure                figure,
                                            GError                   **error);
/* An empty result for OPTIONS (every count 0). */
VigieFigures *vigie_figures_new            (const VigieFiguresOptions *options,
                                            GError                   **error) G_GNUC_WARN_UNUSED_RESULT;
/* A deep copy (for handing a result computed in a thread to the main thread). */
VigieFigures *vigie_figures_copy           (const VigieFigures        *figures) G_GNUC_WARN_UNUSED_RESULT;
void          vigie_figures_free           (VigieFigures              *figures);

/* Stable code ("findings_by_theme"), translated title, and the documented query text. */
const char   *vigie_figure_code            (VigieFigure                figure);
const char   *vigie_figure_title           (VigieFigure                figure);
const char   *vigie_figure_sql             (VigieFigure                figure);
/* The query of FIGURE on the summaries (same parameters and the same numbers as
 * vigie_figure_sql() for every country or one; ?6 is the day overdue actions are due
 * before: the earlier of today and the day after the year), or NULL when the figure is
 * counted on the tables. */
const char   *vigie_figure_summary_sql     (VigieFigure                figure);

/* Years that have data (findings, investigations, actions), newest first: GArray of
 * int. Empty for an empty dataset. */
GArray       *vigie_figures_years          (VigieStore                *store,
                                            GError                   **error) G_GNUC_WARN_UNUSED_RESULT;

/* ─── The rows behind a figure ───────────────────────────────────────────── */

/* An investigation or an investigation activity counted by a figure. */
typedef struct
{
  gint64  id;
  gint64  site_id;
  char   *site;               /* the site's name */
  char   *country;            /* the site's country */
  char   *what;               /* investigation: its monitoring partner ("" none);
                               * activity: its method (vocabulary code) */
  char   *start_date;
  char   *end_date;           /* NULL: none */
  char   *status;             /* investigation: its status; activity: "" */
  gint64  participants;       /* activity: the workers who took part; investigation: 0 */
  gint64  women;
  gint64  migrant;
} VigieFiguresRow;

void          vigie_figures_row_free       (VigieFiguresRow           *row);
/* The investigations VIGIE_FIGURE_INVESTIGATIONS counts for the year, country and buyer
 * of SCOPE (the investigations under way), by start date: GPtrArray of VigieFiguresRow.
 * Runs in any thread on a connection of its own. */
G_GNUC_WARN_UNUSED_RESULT
GPtrArray    *vigie_figures_list_investigations (VigieStore         *store,
                                                 const VigieFigures *scope,
                                                 GCancellable       *cancellable,
                                                 GError            **error);
/* The activities VIGIE_FIGURE_METHODS counts (started in the year): their participants
 * add up to the workers interviewed. */
G_GNUC_WARN_UNUSED_RESULT
GPtrArray    *vigie_figures_list_activities (VigieStore         *store,
                                             const VigieFigures *scope,
                                             GCancellable       *cancellable,
                                             GError            **error);

/* ─── Output ─────────────────────────────────────────────────────────────── */

/* A JSON object with stable codes as keys (numbers as numbers, NAN as null). */
GString      *vigie_figures_to_json        (const VigieFigures        *figures) G_GNUC_WARN_UNUSED_RESULT;
/* RFC 4180 CSV with the header figure,key,subkey,value: one line per number, codes
 * only (no translated text), so spreadsheets and scripts can read it back. */
GString      *vigie_figures_to_csv         (const VigieFigures        *figures) G_GNUC_WARN_UNUSED_RESULT;
/* A plain-text table in the current language, one section per figure, numbers aligned
 * right and formatted for the locale. */
GString      *vigie_figures_to_table       (const VigieFigures        *figures) G_GNUC_WARN_UNUSED_RESULT;

/* ─── Summaries (for the store) ──────────────────────────────────────────── */

/* Fills every summary of 002-figures.sql again from the tables and creates its triggers
 * (figures-triggers.sql). Run at the end of every migration, inside its transaction. */
gboolean      vigie_figures_summaries_rebuild (VigieStore          *store,
                                               GError             **error);
/* For vigie_store_bulk_begin(): drops the triggers that keep the summaries up to date
 * (those on sites stay: a bulk write adds sites before what they hold) and remembers how
 * far each summarised table goes. Bulk writers insert rows; they do not update or delete
 * them. */
gboolean      vigie_figures_summaries_suspend (VigieStore          *store,
                                               GError             **error);
/* For vigie_store_bulk_end(): rebuilds the summaries of the tables the bulk write added
 * rows to, and creates the triggers again. */
gboolean      vigie_figures_summaries_resume  (VigieStore          *store,
                                               GError             **error);
/* The same for a bulk writer that has filled the summaries named in FILLED (NULL-
 * terminated; other names are ignored) itself, exactly as
 * vigie_figures_summaries_rebuild() would (the demo generator, which knows every row it
 * writes): only the other summaries fed by the tables it wrote to are counted again (those
 * counted on the filled ones among them), then the triggers are created again. */
gboolean      vigie_figures_summaries_resume_filled (VigieStore         *store,
                                                     const char *const  *filled,
                                                     GError            **error);
/* TRUE when every summary holds exactly what its view sums to; otherwise FALSE, with one
 * line per summary that differs in REPORT (when not NULL). */
gboolean      vigie_figures_summaries_check   (VigieStore          *store,
                                               GString             *report,
                                               GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieFigures, vigie_figures_free)

G_END_DECLS

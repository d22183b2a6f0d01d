/* vigie-figures.c — the annual figures, one documented SQL query each.
 *
 * Parameters of every query (see vigie-figures.h): ?1 first day of the year, ?2 last day,
 * ?3 country or NULL, ?4 buyer organisation id or 0, ?5 today.
 *
 * Scope. A figure about sites, investigations, findings or actions is narrowed to a
 * country or a buyer by one clause, written where the query says {scope}:
 *
 *   AND <the row's site id> IN (SCOPE_SITES)
 *
 * SCOPE_SITES (below) is the sites of the country (?3) linked to the buyer (?4) — linked
 * meaning a contract_sites link on a contract of the buyer, or of a member of the buyer
 * when the buyer is a consortium, in force during the year. With neither a country nor a
 * buyer the clause is left out; the query printed by vigie_figure_sql() always holds the
 * clause and gives the same numbers with ?3 = NULL and ?4 = 0.
 *
 * Speed. Those queries read the tables: up to seconds for a year of a million findings.
 * So for every country or one (not for a buyer), the figures that would read the big
 * tables are read from summaries instead (schema version 2, sql/002-figures.sql): counts
 * by month or year, country and what the figure is broken down by, kept up to date by
 * triggers (sql/figures-triggers.sql) and rebuilt after bulk writes. Each figure's query
 * on the summaries is written next to its documented query below; both give the same
 * numbers (tests/core/test-figures.c compares them, and the summaries with the views they
 * sum). Measured by tests/bench/bench-figures.sh: tests/bench/RESULTS.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "vigie-figures.h"
#include "vigie-reference.h"
#include "vigie-store-private.h"
#include "vigie-util.h"
#include "vigie-validate.h"
#include "vigie-vocab.h"

G_DEFINE_QUARK (vigie-figures-error-quark, vigie_figures_error)

/* A contract in force during the year: started by its last day, not ended before its
 * first (an unknown date is no limit). */
#define IN_FORCE(c) \
  "(" c ".start_date IS NULL OR " c ".start_date <= ?2)" \
  " AND (" c ".end_date IS NULL OR " c ".end_date >= ?1)"

/* The contracts of the buyer ?4: its own, and its members' when it is a consortium. */
#define OF_BUYER(c) \
  "(" c ".affiliate_id = ?4 OR " c ".affiliate_id IN" \
  " (SELECT bm.id FROM organisations bm WHERE bm.consortium_id = ?4))"

/* Sites of the country ?3 (any when NULL) linked to the buyer ?4 (any when 0). */
#define SCOPE_SITES \
  "SELECT sc.id FROM sites sc WHERE (?3 IS NULL OR sc.country = ?3)" \
  " AND (?4 = 0 OR sc.id IN (SELECT bl.site_id FROM contract_sites bl" \
  " JOIN contracts bc ON bc.id = bl.contract_id" \
  " WHERE " OF_BUYER ("bc") " AND " IN_FORCE ("bc") "))"

/* An investigation under way during the year: started by its last day and not ended
 * before its first. */
#define UNDER_WAY(i) \
  i ".start_date <= ?2 AND (" i ".end_date IS NULL OR " i ".end_date >= ?1)"

/* Statuses whose work is still owed (vigie_remediation_status_is_pending(); the
 * Remediation page counts overdue actions among these). */
#define PENDING_SQL \
  "('proposed', 'plan_submitted', 'plan_accepted', 'plan_rejected', 'in_progress', " \
  "'disputed', 'escalated')"

/* Every status, so that SQLite reads actions_status_due (status, due_on) as ranges. */
#define ALL_STATUSES_SQL \
  "('proposed', 'plan_submitted', 'plan_accepted', 'plan_rejected', 'in_progress', " \
  "'reported_complete', 'verified_by_workers', 'verified_by_monitor', 'closed', " \
  "'disputed', 'escalated', 'abandoned')"

/* Actions completed and since closed: verified (by workers or the monitor) or closed. */
#define CLOSED_SQL "('verified_by_workers', 'verified_by_monitor', 'closed')"

/* Actions completed and not since disputed or abandoned. */
#define DELIVERED_SQL \
  "('reported_complete', 'verified_by_workers', 'verified_by_monitor', 'closed')"

/* On the summaries: the months of the year (their keys are YYYY-MM), the year, and the
 * country ?3 of a summary row (alias X). */
#define YEAR_MONTHS "BETWEEN substr (?1, 1, 7) AND substr (?2, 1, 7)"
#define THE_YEAR "CAST (substr (?1, 1, 4) AS INTEGER)"
#define IN_COUNTRY(x) "(?3 IS NULL OR " x ".country = ?3)"

/* Findings by theme: from the counts G (theme, severity, n), the top-level theme of each
 * (its parent in the organisation's code 'vigie', or itself), its title and its place in
 * the code; rows by theme in the code's order, untagged last. */
#define THEMES_FROM_G \
  " t AS (SELECT g.theme AS key, g.severity AS severity, g.n AS n," \
  " coalesce ((SELECT nullif (st.parent_key, '') FROM standards st" \
  " JOIN code_standards cd ON cd.id = st.code_id" \
  " WHERE cd.code = 'vigie' AND st.key = g.theme LIMIT 1), g.theme) AS top FROM g)" \
  " SELECT t.top, coalesce ((SELECT st.title FROM standards st" \
  " JOIN code_standards cd ON cd.id = st.code_id" \
  " WHERE cd.code = 'vigie' AND st.key = t.top LIMIT 1), '')," \
  " coalesce ((SELECT st.sort_order FROM standards st" \
  " JOIN code_standards cd ON cd.id = st.code_id" \
  " WHERE cd.code = 'vigie' AND st.key = t.top LIMIT 1), 1000000000) AS sort," \
  " t.severity, sum (t.n)" \
  " FROM t GROUP BY t.top, t.severity ORDER BY sort, t.top"

typedef void (*ReadRow) (VigieFigures *f,
                         sqlite3_stmt *stmt);

typedef struct
{
  const char *code;
  const char *title;     /* N_() */
  const char *site;      /* the row's site id for {scope}; NULL: no {scope} */
  const char *sql;       /* the documented query, on the tables */
  ReadRow     read;
  const char *summary;   /* the same on the summaries (any country, no buyer); NULL:
                          * always on the tables */
} FigureDef;

static int
vocab_index (VigieVocab    vocab,
             sqlite3_stmt *stmt,
             int           col)
{
  return vigie_vocab_index (vocab, (const char *) sqlite3_column_text (stmt, col));
}

static char *
column_text (sqlite3_stmt *stmt,
             int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  return g_strdup (text != NULL ? text : "");
}

/* ─── Readers (one row of a query into the result) ───────────────────────── */

static void
read_affiliates (VigieFigures *f,
                 sqlite3_stmt *stmt)
{
  VigieFiguresAffiliates a = {
    .country = column_text (stmt, 0),
    .direct = sqlite3_column_int64 (stmt, 1),
    .via_consortium = sqlite3_column_int64 (stmt, 2),
  };

  f->affiliates_direct += a.direct;
  f->affiliates_via_consortium += a.via_consortium;
  f->affiliates += a.direct + a.via_consortium;
  g_array_append_val (f->affiliates_by_country, a);
}

static void
read_partners (VigieFigures *f,
               sqlite3_stmt *stmt)
{
  f->monitoring_partners = sqlite3_column_int64 (stmt, 0);
}

static VigieFiguresCountry *
country_entry (VigieFigures *f,
               const char   *code)
{
  VigieFiguresCountry c = { 0 };
  guint i;

  /* Both queries return countries in code order; merge them in order. */
  for (i = 0; i < f->countries->len; i++)
    {
      VigieFiguresCountry *e = &g_array_index (f->countries, VigieFiguresCountry, i);
      int cmp = strcmp (e->country, code);

      if (cmp == 0)
        return e;
      if (cmp > 0)
        break;
    }
  c.country = g_strdup (code);
  g_array_insert_val (f->countries, i, c);
  return &g_array_index (f->countries, VigieFiguresCountry, i);
}

static void
read_sites_linked (VigieFigures *f,
                   sqlite3_stmt *stmt)
{
  const char *code = (const char *) sqlite3_column_text (stmt, 0);
  VigieFiguresCountry *c = country_entry (f, code != NULL ? code : "");

  c->sites_linked = sqlite3_column_int64 (stmt, 1);
  f->sites_linked += c->sites_linked;
}

static void
read_investigations (VigieFigures *f,
                     sqlite3_stmt *stmt)
{
  const char *code = (const char *) sqlite3_column_text (stmt, 0);
  VigieFiguresCountry *c = country_entry (f, code != NULL ? code : "");

  c->investigations = sqlite3_column_int64 (stmt, 1);
  c->sites_monitored = sqlite3_column_int64 (stmt, 2);
  f->investigations += c->investigations;
  f->sites_monitored += c->sites_monitored;
}

static void
read_methods (VigieFigures *f,
              sqlite3_stmt *stmt)
{
  int i = vocab_index (VIGIE_VOCAB_ACTIVITY_METHOD, stmt, 0);
  VigieFiguresMethod *m;

  if (i < 0 || i >= VIGIE_FIGURES_N_METHODS)
    return;
  m = &f->methods[i];
  m->activities = sqlite3_column_int64 (stmt, 1);
  m->investigations = sqlite3_column_int64 (stmt, 2);
  m->participants = sqlite3_column_int64 (stmt, 3);
  m->women = sqlite3_column_int64 (stmt, 4);
  m->migrant = sqlite3_column_int64 (stmt, 5);
  f->activities += m->activities;
  f->workers_interviewed += m->participants;
  f->workers_interviewed_women += m->women;
  f->workers_interviewed_migrant += m->migrant;
}

static void
read_findings (VigieFigures *f,
               sqlite3_stmt *stmt)
{
  const char *theme = (const char *) sqlite3_column_text (stmt, 0);
  int s = vocab_index (VIGIE_VOCAB_SEVERITY, stmt, 3);
  gint64 n = sqlite3_column_int64 (stmt, 4);
  VigieFiguresTheme *t = NULL;

  if (theme == NULL)
    theme = "";
  /* Rows come grouped by theme (in the code's order): a new theme opens an entry. */
  if (f->themes->len > 0)
    {
      t = &g_array_index (f->themes, VigieFiguresTheme, f->themes->len - 1);
      if (strcmp (t->theme, theme) != 0)
        t = NULL;
    }
  if (t == NULL)
    {
      VigieFiguresTheme e = { .theme = g_strdup (theme), .title = column_text (stmt, 1) };

      g_array_append_val (f->themes, e);
      t = &g_array_index (f->themes, VigieFiguresTheme, f->themes->len - 1);
    }
  if (s >= 0 && s < VIGIE_FIGURES_N_SEVERITIES)
    {
      t->by_severity[s] += n;
      f->findings_by_severity[s] += n;
    }
  t->total += n;
  f->findings += n;
}

static void
read_findings_monthly (VigieFigures *f,
                       sqlite3_stmt *stmt)
{
  int month = sqlite3_column_int (stmt, 0);

  if (month >= 1 && month <= 12)
    f->findings_per_month[month - 1] = sqlite3_column_int64 (stmt, 1);
}

static void
read_forced_labour (VigieFigures *f,
                    sqlite3_stmt *stmt)
{
  f->sites_fl_1 = sqlite3_column_int64 (stmt, 0);
  f->sites_fl_3 = sqlite3_column_int64 (stmt, 1);
}

static void
read_actions (VigieFigures *f,
              sqlite3_stmt *stmt)
{
  int i = vocab_index (VIGIE_VOCAB_REMEDIATION_STATUS, stmt, 0);

  if (i < 0 || i >= VIGIE_FIGURES_N_STATUSES)
    return;
  f->actions_by_status[i] = sqlite3_column_int64 (stmt, 1);
  f->actions += f->actions_by_status[i];
}

static void
read_overdue (VigieFigures *f,
              sqlite3_stmt *stmt)
{
  f->actions_overdue = sqlite3_column_int64 (stmt, 0);
}

static void
read_closure (VigieFigures *f,
              sqlite3_stmt *stmt)
{
  f->actions_closed = sqlite3_column_int64 (stmt, 0);
  f->actions_verified_by_workers = sqlite3_column_int64 (stmt, 1);
  f->share_verified_by_workers = f->actions_closed > 0
                                 ? (double) f->actions_verified_by_workers / f->actions_closed
                                 : NAN;
  f->median_days_to_close = sqlite3_column_type (stmt, 2) == SQLITE_NULL
                            ? NAN : sqlite3_column_double (stmt, 2);
}

static void
read_completions_monthly (VigieFigures *f,
                          sqlite3_stmt *stmt)
{
  int month = sqlite3_column_int (stmt, 0);

  if (month >= 1 && month <= 12)
    f->completions_per_month[month - 1] = sqlite3_column_int64 (stmt, 1);
}

static void
read_remedy_workers (VigieFigures *f,
                     sqlite3_stmt *stmt)
{
  f->remedy_actions = sqlite3_column_int64 (stmt, 0);
  for (int g = 0; g < VIGIE_REMEDY_N_GROUPS; g++)
    f->remedy_workers[g] = sqlite3_column_int64 (stmt, 1 + g);
}

static void
read_remedy_amounts (VigieFigures *f,
                     sqlite3_stmt *stmt)
{
  VigieFiguresAmount a = {
    .currency = column_text (stmt, 0),
    .amount_minor = sqlite3_column_int64 (stmt, 1),
    .actions = sqlite3_column_int64 (stmt, 2),
  };

  g_array_append_val (f->remedy_amounts, a);
}

static void
read_contractors (VigieFigures *f,
                  sqlite3_stmt *stmt)
{
  f->contractors = sqlite3_column_int64 (stmt, 0);
}

static void
read_disclosing (VigieFigures *f,
                 sqlite3_stmt *stmt)
{
  const char *tier = (const char *) sqlite3_column_text (stmt, 0);
  int i;

  if (tier == NULL || *tier == '\0')
    {
      f->contractors_disclosing = sqlite3_column_int64 (stmt, 1);
      return;
    }
  i = vigie_vocab_index (VIGIE_VOCAB_TIER, tier);
  if (i >= 0 && i < VIGIE_FIGURES_N_TIERS)
    f->contractors_disclosing_by_tier[i] = sqlite3_column_int64 (stmt, 1);
}

/* ─── The queries ────────────────────────────────────────────────────────── */

static const FigureDef figure_defs[VIGIE_N_FIGURES] = {
  /* Affiliates: organisations of kind 'affiliate' that had affiliated by the last day of
   * the year (affiliated_on <= ?2; an unknown date counts as affiliated); "direct" when
   * they have no consortium, "via a consortium" otherwise; by the affiliate's own country
   * (?3 keeps one). For a buyer (?4): the buyer itself and, when it is a consortium, its
   * member affiliates. */
  [VIGIE_FIGURE_AFFILIATES] = {
    "affiliates", N_("Affiliates"), NULL,
    "SELECT coalesce (o.country, ''), sum (o.consortium_id IS NULL),"
    " sum (o.consortium_id IS NOT NULL)"
    " FROM organisations o"
    " WHERE o.kind = 'affiliate' AND (o.affiliated_on IS NULL OR o.affiliated_on <= ?2)"
    " AND (?3 IS NULL OR o.country = ?3)"
    " AND (?4 = 0 OR o.id = ?4 OR o.consortium_id = ?4)"
    " GROUP BY 1 ORDER BY 1",
    read_affiliates },

  /* Monitoring partners: distinct partners (investigations.partner_id) of the
   * investigations under way during the year — started on or before its last day
   * (start_date <= ?2) and not ended before its first (end_date NULL or >= ?1) — at sites
   * in scope. */
  [VIGIE_FIGURE_PARTNERS] = {
    "monitoring_partners", N_("Monitoring partners"), "i.site_id",
    "SELECT count (DISTINCT i.partner_id) FROM investigations i"
    " WHERE " UNDER_WAY ("i") " AND i.partner_id IS NOT NULL{scope}",
    read_partners,
    /* The partners of the investigations with an end date under way in the year
     * (figures_partner_years), and of those without one started by its last day. */
    "SELECT count (DISTINCT p) FROM (SELECT py.partner_id AS p FROM figures_partner_years py"
    " WHERE py.year = " THE_YEAR " AND " IN_COUNTRY ("py")
    " UNION ALL SELECT i.partner_id FROM investigations i"
    " WHERE i.end_date IS NULL AND i.start_date <= ?2 AND i.partner_id IS NOT NULL"
    " AND (?3 IS NULL OR i.site_id IN (SELECT sc.id FROM sites sc WHERE sc.country = ?3)))" },

  /* Sites linked to affiliates: distinct sites with a link (contract_sites, any tier and
   * any source) on a contract in force during the year (start_date NULL or <= ?2,
   * end_date NULL or >= ?1), by the site's country. Buyer: the contracts of the buyer and
   * of its members. */
  [VIGIE_FIGURE_SITES_LINKED] = {
    "sites_linked", N_("Sites linked to affiliates"), NULL,
    "SELECT s.country, count (*) FROM sites s WHERE s.id IN"
    " (SELECT cs.site_id FROM contract_sites cs WHERE cs.contract_id IN"
    " (SELECT c.id FROM contracts c WHERE " IN_FORCE ("c")
    " AND (?4 = 0 OR " OF_BUYER ("c") ")))"
    " AND (?3 IS NULL OR s.country = ?3)"
    " GROUP BY s.country ORDER BY s.country",
    read_sites_linked,
    /* Sites linked through contracts with both dates known (figures_link_sites), and
     * through those without one, at sites not counted yet (figures_link_years). */
    "SELECT country, sum (n) FROM"
    " (SELECT ls.country AS country, ls.n AS n FROM figures_link_sites ls"
    " WHERE ls.year = " THE_YEAR " AND " IN_COUNTRY ("ls")
    " UNION ALL SELECT s.country, count (DISTINCT cs.site_id) FROM contracts c"
    " JOIN contract_sites cs ON cs.contract_id = c.id JOIN sites s ON s.id = cs.site_id"
    " WHERE (c.start_date IS NULL OR c.end_date IS NULL) AND " IN_FORCE ("c")
    " AND " IN_COUNTRY ("s") " AND NOT EXISTS (SELECT 1 FROM figures_link_years ly"
    " WHERE ly.year = " THE_YEAR " AND ly.country = s.country AND ly.site_id = cs.site_id)"
    " GROUP BY s.country)"
    " GROUP BY country ORDER BY country" },

  /* Investigations under way during the year (as for the partners) and the distinct
   * sites they cover — the sites monitored — by the site's country. */
  [VIGIE_FIGURE_INVESTIGATIONS] = {
    "investigations", N_("Investigations and sites monitored"), "i.site_id",
    "SELECT s.country, count (*), count (DISTINCT i.site_id) FROM investigations i"
    " JOIN sites s ON s.id = i.site_id"
    " WHERE " UNDER_WAY ("i") "{scope}"
    " GROUP BY s.country ORDER BY s.country",
    read_investigations,
    /* Investigations with an end date under way in the year, by site (figures_site_years),
     * and those without one started by its last day, at sites not counted yet. */
    "SELECT country, sum (n), sum (sites) FROM"
    " (SELECT sy.country AS country, sum (sy.n) AS n, count (*) AS sites"
    " FROM figures_site_years sy WHERE sy.year = " THE_YEAR " AND " IN_COUNTRY ("sy")
    " GROUP BY sy.country"
    " UNION ALL SELECT s.country, count (*), count (DISTINCT CASE WHEN NOT EXISTS"
    " (SELECT 1 FROM figures_site_years sy WHERE sy.year = " THE_YEAR
    " AND sy.country = s.country AND sy.site_id = i.site_id) THEN i.site_id END)"
    " FROM investigations i JOIN sites s ON s.id = i.site_id"
    " WHERE i.end_date IS NULL AND i.start_date <= ?2 AND " IN_COUNTRY ("s")
    " GROUP BY s.country)"
    " GROUP BY country ORDER BY country" },

  /* Investigations by method: the activities started in the year (start_date in
   * ?1..?2), by method: activities, distinct investigations, and participants — the
   * workers interviewed (total, women, migrant). Document and payroll reviews have no
   * participants. Sites in scope through the investigation. */
  [VIGIE_FIGURE_METHODS] = {
    "investigation_methods", N_("Investigations by method"),
    "(SELECT si.site_id FROM investigations si WHERE si.id = a.investigation_id)",
    "SELECT a.method, count (*), count (DISTINCT a.investigation_id),"
    " sum (a.participants_total), sum (a.participants_women), sum (a.participants_migrant)"
    " FROM investigation_activities a"
    " WHERE a.start_date BETWEEN ?1 AND ?2{scope}"
    " GROUP BY a.method",
    read_methods,
    /* figures_activities; the investigations from figures_method_investigations. */
    "SELECT a.method, a.n, coalesce (b.i, 0), a.p, a.w, a.m FROM"
    " (SELECT fa.method AS method, sum (fa.n) AS n, sum (fa.participants) AS p,"
    " sum (fa.women) AS w, sum (fa.migrant) AS m FROM figures_activities fa"
    " WHERE fa.year = " THE_YEAR " AND " IN_COUNTRY ("fa") " GROUP BY fa.method) a"
    " LEFT JOIN (SELECT mi.method AS method, sum (mi.n) AS i"
    " FROM figures_method_investigations mi"
    " WHERE mi.year = " THE_YEAR " AND " IN_COUNTRY ("mi") " GROUP BY mi.method) b"
    " ON b.method = a.method" },

  /* Findings by theme and severity: findings of every kind (breach, risk, good practice)
   * first observed in the year (first_observed in ?1..?2) at sites in scope, by the
   * top-level theme of their primary theme (findings.theme; a sub-theme counts under its
   * parent theme of the organisation's code 'vigie'; '' when untagged) and severity.
   * Themes come in the code's order, untagged last. */
  [VIGIE_FIGURE_FINDINGS] = {
    "findings_by_theme", N_("Findings by theme and severity"), "f.site_id",
    "WITH g AS (SELECT f.theme AS theme, f.severity AS severity, count (*) AS n"
    " FROM findings f WHERE f.first_observed BETWEEN ?1 AND ?2{scope}"
    " GROUP BY f.theme, f.severity)," THEMES_FROM_G,
    read_findings,
    /* The same counts from figures_findings. */
    "WITH g AS (SELECT ff.theme AS theme, ff.severity AS severity, sum (ff.n) AS n"
    " FROM figures_findings ff WHERE ff.year = " THE_YEAR " AND " IN_COUNTRY ("ff")
    " GROUP BY ff.theme, ff.severity)," THEMES_FROM_G },

  /* Findings first observed in each month of the year, at sites in scope: one range of
   * the index findings_first_observed per month (YYYY-MM-01 to YYYY-MM-31 compares as
   * text). */
  [VIGIE_FIGURE_FINDINGS_MONTHLY] = {
    "findings_per_month", N_("Findings per month"), "f.site_id",
    "WITH RECURSIVE m (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM m WHERE n < 12)"
    " SELECT m.n, (SELECT count (*) FROM findings f WHERE f.first_observed"
    " BETWEEN substr (?1, 1, 5) || printf ('%02d-01', m.n)"
    " AND substr (?1, 1, 5) || printf ('%02d-31', m.n){scope}) FROM m",
    read_findings_monthly,
    /* figures_finding_months. */
    "SELECT CAST (substr (fm.month, 6, 2) AS INTEGER), sum (fm.n) FROM figures_finding_months fm"
    " WHERE fm.month " YEAR_MONTHS " AND " IN_COUNTRY ("fm") " GROUP BY fm.month" },

  /* Sites with forced-labour indicators: sites in scope whose findings first observed in
   * the year carry, between them, at least 1 — and at least 3 — distinct ILO indicators
   * of forced labour (finding_indicators). The year's findings that carry indicators are
   * found first (index findings_first_observed, then the primary key of
   * finding_indicators), so only those are read for their site. */
  [VIGIE_FIGURE_FORCED_LABOUR] = {
    "forced_labour_sites", N_("Sites with forced-labour indicators"), "f.site_id",
    "WITH x AS MATERIALIZED (SELECT fi.finding_id AS id, fi.indicator_id AS indicator"
    " FROM findings y CROSS JOIN finding_indicators fi ON fi.finding_id = y.id"
    " WHERE y.first_observed BETWEEN ?1 AND ?2)"
    " SELECT count (*), coalesce (sum (n >= 3), 0) FROM"
    " (SELECT f.site_id, count (DISTINCT x.indicator) AS n FROM x"
    " JOIN findings f ON f.id = x.id WHERE 1{scope} GROUP BY f.site_id)",
    read_forced_labour,
    /* figures_indicator_histogram: the sites by number of distinct indicators (K ≥ 1). */
    "SELECT coalesce (sum (h.sites), 0),"
    " coalesce (sum (CASE WHEN h.k >= 3 THEN h.sites ELSE 0 END), 0)"
    " FROM figures_indicator_histogram h WHERE h.year = " THE_YEAR " AND " IN_COUNTRY ("h") },

  /* Remediation actions by status: the actions due in the year (due_on in ?1..?2; an
   * action without a due date is in no year), by their current status. Listing every
   * status lets SQLite read only the index actions_status_due. Sites in scope through
   * the finding. */
  [VIGIE_FIGURE_ACTIONS] = {
    "actions_by_status", N_("Remediation actions due in the year, by status"),
    "(SELECT sf.site_id FROM findings sf WHERE sf.id = a.finding_id)",
    "SELECT a.status, count (*) FROM remediation_actions a"
    " WHERE a.status IN " ALL_STATUSES_SQL " AND a.due_on BETWEEN ?1 AND ?2{scope}"
    " GROUP BY a.status",
    read_actions,
    /* figures_actions_due by status. */
    "SELECT d.status, sum (d.n) FROM figures_actions_due d"
    " WHERE d.month " YEAR_MONTHS " AND " IN_COUNTRY ("d") " GROUP BY d.status" },

  /* Overdue actions: work still owed (status proposed, plan submitted, accepted or
   * rejected, in progress, disputed or escalated) with a due date before today (?5) and
   * not after the last day of the year (?2) — for the current year, every action overdue
   * today, as the Remediation page counts them. */
  [VIGIE_FIGURE_OVERDUE] = {
    "actions_overdue", N_("Overdue actions"),
    "(SELECT sf.site_id FROM findings sf WHERE sf.id = a.finding_id)",
    "SELECT count (*) FROM remediation_actions a"
    " WHERE a.status IN " PENDING_SQL " AND a.due_on < ?5 AND a.due_on <= ?2{scope}",
    read_overdue,
    /* Due before ?6 (the earlier of today and the day after the year): whole months
     * from figures_actions_due, the days of ?6's month from the table (index
     * actions_status_due). */
    "SELECT (SELECT coalesce (sum (d.n), 0) FROM figures_actions_due d"
    " WHERE d.status IN " PENDING_SQL " AND d.month < substr (?6, 1, 7) AND " IN_COUNTRY ("d") ")"
    " + (SELECT count (*) FROM remediation_actions a WHERE a.status IN " PENDING_SQL
    " AND a.due_on >= substr (?6, 1, 7) || '-01' AND a.due_on < ?6"
    " AND (?3 IS NULL OR (SELECT s.country FROM findings f JOIN sites s ON s.id = f.site_id"
    " WHERE f.id = a.finding_id) = ?3))" },

  /* Closure: the actions completed in the year (completed_on in ?1..?2 — the day they
   * were reported complete) that have since been closed: verified by workers, verified by
   * the monitor, or closed. Verified by workers: the status is 'verified_by_workers' or
   * the status history went through it. Days to close: completed_on − opened_on; the
   * median of an even number of actions is the mean of the two middle ones. ("+a.status"
   * keeps SQLite on the completed_on index; the history is only read for closed
   * actions.) */
  [VIGIE_FIGURE_CLOSURE] = {
    "closure", N_("Closure of remediation actions"),
    "(SELECT sf.site_id FROM findings sf WHERE sf.id = a.finding_id)",
    "WITH c AS MATERIALIZED (SELECT julianday (a.completed_on) - julianday (a.opened_on)"
    " AS days, (a.status = 'verified_by_workers' OR (a.status = 'closed' AND EXISTS"
    " (SELECT 1 FROM remediation_status_history h WHERE h.action_id = a.id"
    " AND h.to_status = 'verified_by_workers'))) AS by_workers"
    " FROM remediation_actions a"
    " WHERE a.completed_on BETWEEN ?1 AND ?2 AND +a.status IN " CLOSED_SQL "{scope})"
    " SELECT (SELECT count (*) FROM c), (SELECT coalesce (sum (by_workers), 0) FROM c),"
    " (SELECT avg (days) FROM (SELECT days FROM c ORDER BY days"
    " LIMIT 2 - (SELECT count (*) FROM c) % 2"
    " OFFSET ((SELECT count (*) FROM c) - 1) / 2))",
    read_closure,
    /* figures_closure_days (figures_closure for one country) counts the closed actions
     * by days to close: the median is the mean of the days of the middle two
     * ((n + 1) / 2-th and n / 2 + 1-th) of them in order, the same one when n is odd. */
    "WITH h AS MATERIALIZED (SELECT c.days AS days, sum (c.n) AS n,"
    " sum (c.by_workers) AS w FROM"
    " (SELECT cd.days AS days, cd.n AS n, cd.by_workers AS by_workers"
    " FROM figures_closure_days cd WHERE ?3 IS NULL AND cd.year = " THE_YEAR
    " UNION ALL SELECT cc.days, cc.n, cc.by_workers FROM figures_closure cc"
    " WHERE ?3 IS NOT NULL AND cc.year = " THE_YEAR " AND cc.country = ?3) c"
    " GROUP BY c.days),"
    " k AS MATERIALIZED (SELECT days, sum (n) OVER (ORDER BY days) AS below FROM h),"
    " t AS (SELECT coalesce (sum (n), 0) AS total, coalesce (sum (w), 0) AS w FROM h)"
    " SELECT t.total, t.w, (SELECT avg (v) FROM"
    " (SELECT (SELECT min (k.days) FROM k WHERE k.below >= (t.total + 1) / 2) AS v"
    " UNION ALL SELECT (SELECT min (k.days) FROM k WHERE k.below >= t.total / 2 + 1)))"
    " FROM t" },

  /* Actions completed (reported complete: completed_on) in each month of the year,
   * whatever happened to them since. */
  [VIGIE_FIGURE_COMPLETIONS_MONTHLY] = {
    "completions_per_month", N_("Actions completed per month"),
    "(SELECT sf.site_id FROM findings sf WHERE sf.id = a.finding_id)",
    "WITH RECURSIVE m (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM m WHERE n < 12)"
    " SELECT m.n, (SELECT count (*) FROM remediation_actions a WHERE a.completed_on"
    " BETWEEN substr (?1, 1, 5) || printf ('%02d-01', m.n)"
    " AND substr (?1, 1, 5) || printf ('%02d-31', m.n){scope}) FROM m",
    read_completions_monthly,
    /* figures_actions_completed by month. */
    "SELECT CAST (substr (c.month, 6, 2) AS INTEGER), sum (c.n)"
    " FROM figures_actions_completed c"
    " WHERE c.month " YEAR_MONTHS " AND " IN_COUNTRY ("c") " GROUP BY c.month" },

  /* Workers receiving remedy: the beneficiaries (in total and by group) of the actions
   * that provide remedy in the sense of the UN Basic Principles — every remedy type but
   * 'corrective_only' — completed in the year (completed_on in ?1..?2) and not since
   * disputed or abandoned (reported complete, verified or closed). A worker who benefits
   * from two actions counts twice. */
  [VIGIE_FIGURE_REMEDY_WORKERS] = {
    "remedy_workers", N_("Workers receiving remedy"),
    "(SELECT sf.site_id FROM findings sf WHERE sf.id = a.finding_id)",
    "SELECT count (*), sum (a.beneficiaries_total), sum (a.beneficiaries_women),"
    " sum (a.beneficiaries_migrant), sum (a.beneficiaries_agency),"
    " sum (a.beneficiaries_student), sum (a.beneficiaries_young)"
    " FROM remediation_actions a"
    " WHERE a.completed_on BETWEEN ?1 AND ?2 AND a.remedy_type <> 'corrective_only'"
    " AND +a.status IN " DELIVERED_SQL "{scope}",
    read_remedy_workers,
    /* figures_actions_completed. */
    "SELECT coalesce (sum (c.n), 0), sum (c.b_total), sum (c.b_women), sum (c.b_migrant),"
    " sum (c.b_agency), sum (c.b_student), sum (c.b_young) FROM figures_actions_completed c"
    " WHERE c.month " YEAR_MONTHS " AND c.remedy_type <> 'corrective_only'"
    " AND c.status IN " DELIVERED_SQL " AND " IN_COUNTRY ("c") },

  /* Amounts of remedy by currency: the amounts (integer minor units) of the same actions
   * as the workers receiving remedy, summed per ISO 4217 currency, never converted. */
  [VIGIE_FIGURE_REMEDY_AMOUNTS] = {
    "remedy_amounts", N_("Amounts of remedy"),
    "(SELECT sf.site_id FROM findings sf WHERE sf.id = a.finding_id)",
    "SELECT a.currency, sum (a.amount_minor), count (*) FROM remediation_actions a"
    " WHERE a.completed_on BETWEEN ?1 AND ?2 AND a.remedy_type <> 'corrective_only'"
    " AND +a.status IN " DELIVERED_SQL " AND a.amount_minor IS NOT NULL"
    " AND a.currency IS NOT NULL{scope}"
    " GROUP BY a.currency ORDER BY a.currency",
    read_remedy_amounts,
    /* figures_actions_completed (amount_n: the actions with an amount). */
    "SELECT c.currency, sum (c.amount_minor), sum (c.amount_n) FROM figures_actions_completed c"
    " WHERE c.month " YEAR_MONTHS " AND c.remedy_type <> 'corrective_only'"
    " AND c.status IN " DELIVERED_SQL " AND c.currency <> '' AND " IN_COUNTRY ("c")
    " GROUP BY c.currency HAVING sum (c.amount_n) > 0 ORDER BY c.currency" },

  /* Contractors: distinct contractors (contracts.contractor_id) of the contracts in force
   * during the year; for a buyer, its contracts and its members'. A country does not
   * narrow it: a contractor that discloses nothing has no known country. */
  [VIGIE_FIGURE_CONTRACTORS] = {
    "contractors", N_("Contractors with a contract in force"), NULL,
    "SELECT count (DISTINCT c.contractor_id) FROM contracts c"
    " WHERE c.contractor_id IS NOT NULL AND " IN_FORCE ("c")
    " AND (?4 = 0 OR " OF_BUYER ("c") ")",
    read_contractors },

  /* Contractors disclosing, per tier: distinct contractors of those contracts that
   * disclosed themselves (contract_sites.source = 'contractor_disclosure') at least one
   * site of the tier by the last day of the year (disclosed_on <= ?2, or undated), at
   * sites of the country when one is given. The row with tier '' counts any tier. */
  [VIGIE_FIGURE_DISCLOSING] = {
    "contractors_disclosing", N_("Contractors disclosing their sites, per tier"), NULL,
    "WITH d AS MATERIALIZED (SELECT DISTINCT cs.tier AS tier,"
    " (SELECT c.contractor_id FROM contracts c WHERE c.id = cs.contract_id) AS contractor"
    " FROM contract_sites cs WHERE cs.contract_id IN (SELECT c.id FROM contracts c"
    " WHERE c.contractor_id IS NOT NULL AND " IN_FORCE ("c")
    " AND (?4 = 0 OR " OF_BUYER ("c") "))"
    " AND cs.source = 'contractor_disclosure'"
    " AND (cs.disclosed_on IS NULL OR cs.disclosed_on <= ?2)"
    " AND (?3 IS NULL OR cs.site_id IN (SELECT sc.id FROM sites sc WHERE sc.country = ?3)))"
    " SELECT tier, count (DISTINCT contractor) FROM d GROUP BY tier"
    " UNION ALL SELECT '', count (DISTINCT contractor) FROM d",
    read_disclosing },
};

/* The SQL of FIGURE with its scope clause (SCOPED) or without. */
static const char *
figure_sql (VigieFigure figure,
            gboolean    scoped)
{
  static char *texts[VIGIE_N_FIGURES][2];
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      for (int i = 0; i < VIGIE_N_FIGURES; i++)
        {
          const FigureDef *def = &figure_defs[i];
          g_auto(GStrv) parts = g_strsplit (def->sql, "{scope}", 2);
          g_autofree char *clause = NULL;

          if (def->site == NULL || parts[1] == NULL)
            {
              texts[i][0] = g_strdup (def->sql);
              texts[i][1] = g_strdup (def->sql);
              continue;
            }
          clause = g_strconcat (" AND ", def->site, " IN (" SCOPE_SITES ")", NULL);
          texts[i][0] = g_strconcat (parts[0], parts[1], NULL);
          texts[i][1] = g_strconcat (parts[0], clause, parts[1], NULL);
        }
      g_once_init_leave (&initialised, 1);
    }
  return texts[figure][scoped ? 1 : 0];
}

const char *
vigie_figure_code (VigieFigure figure)
{
  g_return_val_if_fail (figure < VIGIE_N_FIGURES, NULL);
  return figure_defs[figure].code;
}

const char *
vigie_figure_title (VigieFigure figure)
{
  g_return_val_if_fail (figure < VIGIE_N_FIGURES, NULL);
  return _(figure_defs[figure].title);
}

const char *
vigie_figure_sql (VigieFigure figure)
{
  g_return_val_if_fail (figure < VIGIE_N_FIGURES, NULL);
  return figure_sql (figure, TRUE);
}

const char *
vigie_figure_summary_sql (VigieFigure figure)
{
  g_return_val_if_fail (figure < VIGIE_N_FIGURES, NULL);
  return figure_defs[figure].summary;
}

/* ─── Computing ──────────────────────────────────────────────────────────── */

static void
clear_affiliates (gpointer data)
{
  g_free (((VigieFiguresAffiliates *) data)->country);
}

static void
clear_country (gpointer data)
{
  g_free (((VigieFiguresCountry *) data)->country);
}

static void
clear_theme (gpointer data)
{
  VigieFiguresTheme *t = data;

  g_free (t->theme);
  g_free (t->title);
}

static void
clear_amount (gpointer data)
{
  g_free (((VigieFiguresAmount *) data)->currency);
}

static GArray *
new_array (gsize          size,
           GDestroyNotify clear)
{
  GArray *a = g_array_new (FALSE, TRUE, (guint) size);

  g_array_set_clear_func (a, clear);
  return a;
}

static gboolean
valid_country (const char *code)
{
  return code != NULL && strlen (code) == 2 && g_ascii_isupper (code[0])
         && g_ascii_isupper (code[1]);
}

VigieFigures *
vigie_figures_new (const VigieFiguresOptions *options,
                   GError                   **error)
{
  g_autoptr(VigieFigures) f = NULL;
  g_autofree char *reason = NULL;

  g_return_val_if_fail (options != NULL, NULL);

  if (options->year < 1900 || options->year > 9999)
    {
      g_set_error (error, VIGIE_FIGURES_ERROR, VIGIE_FIGURES_ERROR_INVALID,
                   _("The year must be between 1900 and 9999"));
      return NULL;
    }
  if (options->country != NULL && *options->country != '\0' && !valid_country (options->country))
    {
      /* Translators: %s is what was given as a country */
      g_set_error (error, VIGIE_FIGURES_ERROR, VIGIE_FIGURES_ERROR_INVALID,
                   _("“%s” is not a country code: give two capital letters (ISO 3166-1), "
                     "such as CN"), options->country);
      return NULL;
    }
  if (options->today != NULL && !vigie_validate_date (options->today, &reason))
    {
      g_set_error_literal (error, VIGIE_FIGURES_ERROR, VIGIE_FIGURES_ERROR_INVALID, reason);
      return NULL;
    }

  f = g_new0 (VigieFigures, 1);
  f->year = options->year;
  f->country = options->country != NULL && *options->country != '\0'
               ? g_strdup (options->country) : NULL;
  f->buyer_id = MAX (options->buyer_id, 0);
  f->today = options->today != NULL ? g_strdup (options->today) : vigie_today_iso ();
  /* VIGIE_FIGURES_FROM_TABLES=1: the benchmark's reference run (bench-figures.sh). */
  f->from_tables = options->from_tables
                   || g_strcmp0 (g_getenv ("VIGIE_FIGURES_FROM_TABLES"), "1") == 0;
  f->affiliates_by_country = new_array (sizeof (VigieFiguresAffiliates), clear_affiliates);
  f->countries = new_array (sizeof (VigieFiguresCountry), clear_country);
  f->themes = new_array (sizeof (VigieFiguresTheme), clear_theme);
  f->remedy_amounts = new_array (sizeof (VigieFiguresAmount), clear_amount);
  {
    guint n = 0;
    const VigieVocabEntry *methods = vigie_vocab_entries (VIGIE_VOCAB_ACTIVITY_METHOD, &n);

    g_assert (n == VIGIE_FIGURES_N_METHODS);
    for (guint i = 0; i < n; i++)
      f->methods[i].method = methods[i].code;
  }
  f->share_verified_by_workers = NAN;
  f->median_days_to_close = NAN;
  return g_steal_pointer (&f);
}

static GArray *
copy_array (GArray *a)
{
  GArray *copy = g_array_sized_new (FALSE, TRUE, g_array_get_element_size (a), a->len);

  g_array_append_vals (copy, a->data, a->len);
  return copy;
}

VigieFigures *
vigie_figures_copy (const VigieFigures *f)
{
  VigieFigures *c;

  g_return_val_if_fail (f != NULL, NULL);

  c = g_memdup2 (f, sizeof *f);
  c->country = g_strdup (f->country);
  c->today = g_strdup (f->today);
  c->affiliates_by_country = copy_array (f->affiliates_by_country);
  g_array_set_clear_func (c->affiliates_by_country, clear_affiliates);
  for (guint i = 0; i < c->affiliates_by_country->len; i++)
    {
      VigieFiguresAffiliates *a = &g_array_index (c->affiliates_by_country,
                                                  VigieFiguresAffiliates, i);
      a->country = g_strdup (a->country);
    }
  c->countries = copy_array (f->countries);
  g_array_set_clear_func (c->countries, clear_country);
  for (guint i = 0; i < c->countries->len; i++)
    {
      VigieFiguresCountry *e = &g_array_index (c->countries, VigieFiguresCountry, i);
      e->country = g_strdup (e->country);
    }
  c->themes = copy_array (f->themes);
  g_array_set_clear_func (c->themes, clear_theme);
  for (guint i = 0; i < c->themes->len; i++)
    {
      VigieFiguresTheme *t = &g_array_index (c->themes, VigieFiguresTheme, i);
      t->theme = g_strdup (t->theme);
      t->title = g_strdup (t->title);
    }
  c->remedy_amounts = copy_array (f->remedy_amounts);
  g_array_set_clear_func (c->remedy_amounts, clear_amount);
  for (guint i = 0; i < c->remedy_amounts->len; i++)
    {
      VigieFiguresAmount *a = &g_array_index (c->remedy_amounts, VigieFiguresAmount, i);
      a->currency = g_strdup (a->currency);
    }
  return c;
}

void
vigie_figures_free (VigieFigures *f)
{
  if (f == NULL)
    return;
  g_free (f->country);
  g_free (f->today);
  g_clear_pointer (&f->affiliates_by_country, g_array_unref);
  g_clear_pointer (&f->countries, g_array_unref);
  g_clear_pointer (&f->themes, g_array_unref);
  g_clear_pointer (&f->remedy_amounts, g_array_unref);
  g_free (f);
}

/* Forgets what a previous run of FIGURE put into F. */
static void
reset_figure (VigieFigures *f,
              VigieFigure   figure)
{
  switch (figure)
    {
    case VIGIE_FIGURE_AFFILIATES:
      f->affiliates = f->affiliates_direct = f->affiliates_via_consortium = 0;
      g_array_set_size (f->affiliates_by_country, 0);
      break;
    case VIGIE_FIGURE_PARTNERS:
      f->monitoring_partners = 0;
      break;
    case VIGIE_FIGURE_SITES_LINKED:
      f->sites_linked = 0;
      for (guint i = 0; i < f->countries->len; i++)
        g_array_index (f->countries, VigieFiguresCountry, i).sites_linked = 0;
      break;
    case VIGIE_FIGURE_INVESTIGATIONS:
      f->investigations = f->sites_monitored = 0;
      for (guint i = 0; i < f->countries->len; i++)
        {
          g_array_index (f->countries, VigieFiguresCountry, i).investigations = 0;
          g_array_index (f->countries, VigieFiguresCountry, i).sites_monitored = 0;
        }
      break;
    case VIGIE_FIGURE_METHODS:
      for (int i = 0; i < VIGIE_FIGURES_N_METHODS; i++)
        {
          const char *code = f->methods[i].method;

          memset (&f->methods[i], 0, sizeof f->methods[i]);
          f->methods[i].method = code;
        }
      f->activities = f->workers_interviewed = 0;
      f->workers_interviewed_women = f->workers_interviewed_migrant = 0;
      break;
    case VIGIE_FIGURE_FINDINGS:
      f->findings = 0;
      memset (f->findings_by_severity, 0, sizeof f->findings_by_severity);
      g_array_set_size (f->themes, 0);
      break;
    case VIGIE_FIGURE_FINDINGS_MONTHLY:
      memset (f->findings_per_month, 0, sizeof f->findings_per_month);
      break;
    case VIGIE_FIGURE_FORCED_LABOUR:
      f->sites_fl_1 = f->sites_fl_3 = 0;
      break;
    case VIGIE_FIGURE_ACTIONS:
      f->actions = 0;
      memset (f->actions_by_status, 0, sizeof f->actions_by_status);
      break;
    case VIGIE_FIGURE_OVERDUE:
      f->actions_overdue = 0;
      break;
    case VIGIE_FIGURE_CLOSURE:
      f->actions_closed = f->actions_verified_by_workers = 0;
      f->share_verified_by_workers = f->median_days_to_close = NAN;
      break;
    case VIGIE_FIGURE_COMPLETIONS_MONTHLY:
      memset (f->completions_per_month, 0, sizeof f->completions_per_month);
      break;
    case VIGIE_FIGURE_REMEDY_WORKERS:
      f->remedy_actions = 0;
      memset (f->remedy_workers, 0, sizeof f->remedy_workers);
      break;
    case VIGIE_FIGURE_REMEDY_AMOUNTS:
      g_array_set_size (f->remedy_amounts, 0);
      break;
    case VIGIE_FIGURE_CONTRACTORS:
      f->contractors = 0;
      break;
    case VIGIE_FIGURE_DISCLOSING:
      f->contractors_disclosing = 0;
      memset (f->contractors_disclosing_by_tier, 0, sizeof f->contractors_disclosing_by_tier);
      break;
    case VIGIE_N_FIGURES:
    default:
      g_assert_not_reached ();
    }
}

gboolean
vigie_figures_compute_one (VigieStore    *store,
                           VigieFigures  *f,
                           VigieFigure    figure,
                           GError       **error)
{
  gboolean scoped;
  const char *summary = figure_defs[figure].summary;
  sqlite3_stmt *stmt;
  char first[16], last[16], cut[16];
  gint64 start;
  int n_params, rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (f != NULL, FALSE);
  g_return_val_if_fail (figure < VIGIE_N_FIGURES, FALSE);

  start = g_get_monotonic_time ();
  scoped = f->country != NULL || f->buyer_id > 0;
  /* The summaries know countries, not buyers. */
  if (summary != NULL && f->buyer_id == 0 && !f->from_tables)
    stmt = vigie_store_prepare (store, summary, error);
  else
    stmt = vigie_store_prepare (store, figure_sql (figure, scoped), error);
  if (stmt == NULL)
    return FALSE;
  g_snprintf (first, sizeof first, "%04d-01-01", f->year);
  g_snprintf (last, sizeof last, "%04d-12-31", f->year);
  /* ?6 of the summary queries: overdue actions are due before the earlier of today and
   * the day after the year (today, when the year is 9999). */
  if (strcmp (f->today, last) <= 0 || f->year >= 9999)
    g_strlcpy (cut, f->today, sizeof cut);
  else
    g_snprintf (cut, sizeof cut, "%04d-01-01", f->year + 1);
  n_params = sqlite3_bind_parameter_count (stmt);
  if (n_params >= 1)
    sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  if (n_params >= 2)
    sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);
  if (n_params >= 3)
    vigie_bind_text (stmt, 3, f->country);
  if (n_params >= 4)
    sqlite3_bind_int64 (stmt, 4, f->buyer_id);
  if (n_params >= 5)
    sqlite3_bind_text (stmt, 5, f->today, -1, SQLITE_TRANSIENT);
  if (n_params >= 6)
    sqlite3_bind_text (stmt, 6, cut, -1, SQLITE_TRANSIENT);

  reset_figure (f, figure);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    figure_defs[figure].read (f, stmt);
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  f->milliseconds[figure] = (g_get_monotonic_time () - start) / 1000.0;
  return TRUE;
}

VigieFigures *
vigie_figures_compute (VigieStore                *store,
                       const VigieFiguresOptions *options,
                       GCancellable              *cancellable,
                       GError                   **error)
{
  g_autoptr(VigieFigures) f = NULL;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  f = vigie_figures_new (options, error);
  if (f == NULL)
    return NULL;
  for (int i = 0; i < VIGIE_N_FIGURES; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (!vigie_figures_compute_one (store, f, (VigieFigure) i, error))
        return NULL;
    }
  return g_steal_pointer (&f);
}

/* Years of a date column, newest first, one index probe per year. */
static gboolean
add_years (VigieStore  *store,
           const char  *sql,
           GArray      *years,
           GError     **error)
{
  char before[16] = "9999-12-31";

  for (;;)
    {
      sqlite3_stmt *stmt = vigie_store_prepare (store, sql, error);
      const char *date;
      int year;
      gboolean known = FALSE;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, before, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          vigie_store_set_error (store, sqlite3_errcode (vigie_store_get_db (store)), error);
          sqlite3_reset (stmt);
          return FALSE;
        }
      date = (const char *) sqlite3_column_text (stmt, 0);
      year = date != NULL ? atoi (date) : 0;
      sqlite3_reset (stmt);
      if (year <= 0)
        return TRUE;
      for (guint i = 0; i < years->len && !known; i++)
        known = g_array_index (years, int, i) == year;
      if (!known)
        g_array_append_val (years, year);
      g_snprintf (before, sizeof before, "%04d-01-01", year);
    }
}

static int
compare_years_desc (gconstpointer a,
                    gconstpointer b)
{
  return *(const int *) b - *(const int *) a;
}

GArray *
vigie_figures_years (VigieStore  *store,
                     GError     **error)
{
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  if (!add_years (store, "SELECT max (first_observed) FROM findings"
                         " WHERE first_observed < ?1", years, error)
      || !add_years (store, "SELECT max (start_date) FROM investigations"
                            " WHERE start_date < ?1", years, error)
      || !add_years (store, "SELECT max (due_on) FROM remediation_actions"
                            " WHERE due_on < ?1", years, error))
    return NULL;
  g_array_sort (years, compare_years_desc);
  return g_steal_pointer (&years);
}

/* ─── The rows behind a figure ───────────────────────────────────────────── */

void
vigie_figures_row_free (VigieFiguresRow *row)
{
  if (row == NULL)
    return;
  g_free (row->site);
  g_free (row->country);
  g_free (row->what);
  g_free (row->start_date);
  g_free (row->end_date);
  g_free (row->status);
  g_free (row);
}

/* The investigations under way (VIGIE_FIGURE_INVESTIGATIONS) and the activities started
 * (VIGIE_FIGURE_METHODS) in the year, at sites in scope: the rows those figures count. */
#define LIST_INVESTIGATIONS_SQL \
  "SELECT i.id, i.site_id, s.name, s.country, coalesce (p.name, ''), i.start_date," \
  " i.end_date, i.status, 0, 0, 0 FROM investigations i JOIN sites s ON s.id = i.site_id" \
  " LEFT JOIN organisations p ON p.id = i.partner_id" \
  " WHERE " UNDER_WAY ("i") " AND i.site_id IN (" SCOPE_SITES ")" \
  " ORDER BY i.start_date, i.id"
#define LIST_ACTIVITIES_SQL \
  "SELECT a.id, i.site_id, s.name, s.country, a.method, a.start_date, a.end_date, ''," \
  " a.participants_total, a.participants_women, a.participants_migrant" \
  " FROM investigation_activities a JOIN investigations i ON i.id = a.investigation_id" \
  " JOIN sites s ON s.id = i.site_id" \
  " WHERE a.start_date BETWEEN ?1 AND ?2 AND i.site_id IN (" SCOPE_SITES ")" \
  " ORDER BY a.start_date, a.id"

static GPtrArray *
list_rows (VigieStore          *store,
           const char          *sql,
           const VigieFigures  *scope,
           GCancellable        *cancellable,
           GError             **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  char first[16], last[16];
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);
  g_return_val_if_fail (scope != NULL, NULL);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_figures_row_free);
  stmt = vigie_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  g_snprintf (first, sizeof first, "%04d-01-01", scope->year);
  g_snprintf (last, sizeof last, "%04d-12-31", scope->year);
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);
  vigie_bind_text (stmt, 3, scope->country);
  sqlite3_bind_int64 (stmt, 4, scope->buyer_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigieFiguresRow *row = g_new0 (VigieFiguresRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->site_id = sqlite3_column_int64 (stmt, 1);
      row->site = column_text (stmt, 2);
      row->country = column_text (stmt, 3);
      row->what = column_text (stmt, 4);
      row->start_date = column_text (stmt, 5);
      row->end_date = vigie_column_dup (stmt, 6);
      row->status = column_text (stmt, 7);
      row->participants = sqlite3_column_int64 (stmt, 8);
      row->women = sqlite3_column_int64 (stmt, 9);
      row->migrant = sqlite3_column_int64 (stmt, 10);
      g_ptr_array_add (rows, row);
      if ((rows->len & 0xfff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_reset (stmt);
          return NULL;
        }
    }
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&rows);
}

GPtrArray *
vigie_figures_list_investigations (VigieStore          *store,
                                   const VigieFigures  *scope,
                                   GCancellable        *cancellable,
                                   GError             **error)
{
  return list_rows (store, LIST_INVESTIGATIONS_SQL, scope, cancellable, error);
}

GPtrArray *
vigie_figures_list_activities (VigieStore          *store,
                               const VigieFigures  *scope,
                               GCancellable        *cancellable,
                               GError             **error)
{
  return list_rows (store, LIST_ACTIVITIES_SQL, scope, cancellable, error);
}

/* ─── Summaries ──────────────────────────────────────────────────────────── */

#define RESOURCE_SQL "/io/github/vigie/Vigie/core/sql/"
#define TRIGGERS_SQL "figures-triggers.sql"
#define MARKS_KEY "vigie-figures-marks"

/* The tables the summaries are counted from, and how far each goes: a bulk write adds
 * rows, which moves the mark (their largest rowid; finding_indicators has none, so its
 * row count). */
typedef enum
{
  SOURCE_FINDINGS = 1 << 0,
  SOURCE_INDICATORS = 1 << 1,
  SOURCE_ACTIONS = 1 << 2,
  SOURCE_HISTORY = 1 << 3,
  SOURCE_INVESTIGATIONS = 1 << 4,
  SOURCE_ACTIVITIES = 1 << 5,
  SOURCE_CONTRACTS = 1 << 6,
  SOURCE_LINKS = 1 << 7,
} Source;

static const struct
{
  Source      source;
  const char *mark_sql;
} sources[] = {
  { SOURCE_FINDINGS, "SELECT coalesce (max (rowid), 0) FROM findings" },
  { SOURCE_INDICATORS, "SELECT count (*) FROM finding_indicators" },
  { SOURCE_ACTIONS, "SELECT coalesce (max (rowid), 0) FROM remediation_actions" },
  { SOURCE_HISTORY, "SELECT coalesce (max (rowid), 0) FROM remediation_status_history" },
  { SOURCE_INVESTIGATIONS, "SELECT coalesce (max (rowid), 0) FROM investigations" },
  { SOURCE_ACTIVITIES, "SELECT coalesce (max (rowid), 0) FROM investigation_activities" },
  { SOURCE_CONTRACTS, "SELECT coalesce (max (rowid), 0) FROM contracts" },
  { SOURCE_LINKS, "SELECT coalesce (max (rowid), 0) FROM contract_sites" },
};

/* A summary of 002-figures.sql: the table; the view whose rows it counts by KEYS (or a
 * finer summary whose counts it sums, or another summary whose rows it counts) — the
 * count in column N, the sum of each of MEASURES in the column of the same name; and the
 * tables that feed it (sites feed every one). In the order they are rebuilt. */
typedef struct
{
  const char *table;
  const char *view;       /* a view, a table or a subquery in parentheses */
  const char *keys;
  const char *n;          /* the count's column */
  const char *count;      /* "count (*)", or "sum (n)" over a finer summary */
  const char *measures;   /* NULL: only the count */
  const char *where;      /* NULL, or which rows of the view count */
  guint       sources;
} Summary;

#define ROWS "count (*)"
#define SUMS "sum (n)"

static const Summary summaries[] = {
  { "figures_finding_cells", "figures_finding_rows", "month, theme, severity, country", "n",
    ROWS, NULL, NULL, SOURCE_FINDINGS },
  { "figures_findings", "(SELECT CAST (substr (month, 1, 4) AS INTEGER) AS year, theme,"
    " severity, country, n FROM figures_finding_cells)", "year, theme, severity, country", "n",
    SUMS, NULL, NULL, SOURCE_FINDINGS },
  { "figures_finding_months", "figures_finding_cells", "month, country", "n", SUMS, NULL, NULL,
    SOURCE_FINDINGS },
  { "figures_indicator_sites", "figures_indicator_rows", "year, country, site_id, indicator_id",
    "n", ROWS, NULL, NULL, SOURCE_FINDINGS | SOURCE_INDICATORS },
  { "figures_indicator_counts", "figures_indicator_sites", "year, country, site_id", "k", ROWS,
    NULL, NULL, SOURCE_FINDINGS | SOURCE_INDICATORS },
  { "figures_indicator_histogram", "figures_indicator_counts", "year, country, k", "sites",
    ROWS, NULL, NULL, SOURCE_FINDINGS | SOURCE_INDICATORS },
  { "figures_actions_due", "figures_due_rows", "month, country, status", "n", ROWS, NULL, NULL,
    SOURCE_FINDINGS | SOURCE_ACTIONS },
  { "figures_actions_completed", "figures_completed_rows",
    "month, country, status, remedy_type, currency", "n", ROWS,
    "amount_n, amount_minor, b_total, b_women, b_migrant, b_agency, b_student, b_young", NULL,
    SOURCE_FINDINGS | SOURCE_ACTIONS },
  { "figures_closure", "figures_closure_rows", "year, days, country", "n", ROWS, "by_workers",
    NULL, SOURCE_FINDINGS | SOURCE_ACTIONS | SOURCE_HISTORY },
  { "figures_closure_days", "figures_closure", "year, days", "n", SUMS, "by_workers", NULL,
    SOURCE_FINDINGS | SOURCE_ACTIONS | SOURCE_HISTORY },
  { "figures_activity_investigations", "figures_activity_rows",
    "year, method, country, investigation_id", "n", ROWS, "participants, women, migrant", NULL,
    SOURCE_INVESTIGATIONS | SOURCE_ACTIVITIES },
  { "figures_activities", "figures_activity_investigations", "year, country, method", "n",
    SUMS, "participants, women, migrant", NULL, SOURCE_INVESTIGATIONS | SOURCE_ACTIVITIES },
  { "figures_method_investigations", "figures_activity_investigations",
    "year, country, method", "n", ROWS, NULL, NULL, SOURCE_INVESTIGATIONS | SOURCE_ACTIVITIES },
  { "figures_site_years", "figures_investigation_years", "year, country, site_id", "n", ROWS,
    NULL, NULL, SOURCE_INVESTIGATIONS },
  { "figures_partner_years", "figures_investigation_years", "year, country, partner_id", "n",
    ROWS, NULL, "partner_id IS NOT NULL", SOURCE_INVESTIGATIONS },
  { "figures_link_years", "figures_link_rows", "year, country, site_id", "n", ROWS, NULL, NULL,
    SOURCE_CONTRACTS | SOURCE_LINKS },
  { "figures_link_sites", "figures_link_years", "year, country", "n", ROWS, NULL, NULL,
    SOURCE_CONTRACTS | SOURCE_LINKS },
};

/* "SELECT keys, count (*), sum (m1), ... FROM view [WHERE ...] GROUP BY keys": what
 * SUMMARY should hold. */
static char *
summary_recount_sql (const Summary *summary)
{
  GString *sql = g_string_new ("SELECT ");
  g_auto(GStrv) measures = summary->measures != NULL
                           ? g_strsplit (summary->measures, ", ", -1) : NULL;

  g_string_append_printf (sql, "%s, %s", summary->keys, summary->count);
  for (guint i = 0; measures != NULL && measures[i] != NULL; i++)
    g_string_append_printf (sql, ", sum (%s)", measures[i]);
  g_string_append_printf (sql, " FROM %s", summary->view);
  if (summary->where != NULL)
    g_string_append_printf (sql, " WHERE %s", summary->where);
  g_string_append_printf (sql, " GROUP BY %s", summary->keys);
  return g_string_free (sql, FALSE);
}

static char *
summary_columns (const Summary *summary)
{
  return g_strconcat (summary->keys, ", ", summary->n, summary->measures != NULL ? ", " : "",
                      summary->measures != NULL ? summary->measures : "", NULL);
}

static gboolean
exec_triggers (VigieStore  *store,
               GError     **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_SQL TRIGGERS_SQL,
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  g_autofree char *sql = NULL;

  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return vigie_store_exec (store, sql, error);
}

/* TRUE when TABLE is one of FILLED (NULL-terminated; NULL: none). */
static gboolean
summary_is_filled (const char        *table,
                   const char *const *filled)
{
  for (guint i = 0; filled != NULL && filled[i] != NULL; i++)
    if (strcmp (filled[i], table) == 0)
      return TRUE;
  return FALSE;
}

/* Refills the summaries fed by one of SOURCES (every one: G_MAXUINT), except those of
 * FILLED, which the caller has written. */
static gboolean
rebuild_summaries (VigieStore         *store,
                   guint               sources_changed,
                   const char *const  *filled,
                   GError            **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (summaries); i++)
    {
      const Summary *summary = &summaries[i];
      g_autofree char *recount = NULL;
      g_autofree char *columns = NULL;
      g_autofree char *sql = NULL;

      if ((summary->sources & sources_changed) == 0
          || summary_is_filled (summary->table, filled))
        continue;
      gint64 start = g_get_monotonic_time ();

      recount = summary_recount_sql (summary);
      columns = summary_columns (summary);
      sql = g_strdup_printf ("DELETE FROM %s; INSERT INTO %s (%s) %s", summary->table,
                             summary->table, columns, recount);
      if (!vigie_store_exec (store, sql, error))
        return FALSE;
      g_debug ("Summary %s rebuilt in %.1f ms", summary->table,
               (g_get_monotonic_time () - start) / 1000.0);
    }
  return TRUE;
}

gboolean
vigie_figures_summaries_rebuild (VigieStore  *store,
                                 GError     **error)
{
  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);

  return rebuild_summaries (store, G_MAXUINT, NULL, error) && exec_triggers (store, error);
}

static gboolean
read_marks (VigieStore  *store,
            gint64      *marks,
            GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      sqlite3_stmt *stmt = vigie_store_prepare (store, sources[i].mark_sql, error);

      if (stmt == NULL)
        return FALSE;
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          vigie_store_set_error (store, sqlite3_errcode (vigie_store_get_db (store)), error);
          sqlite3_reset (stmt);
          return FALSE;
        }
      marks[i] = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  return TRUE;
}

gboolean
vigie_figures_summaries_suspend (VigieStore  *store,
                                 GError     **error)
{
  g_autofree gint64 *marks = g_new0 (gint64, G_N_ELEMENTS (sources));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);

  if (!read_marks (store, marks, error))
    return FALSE;
  stmt = vigie_store_prepare (store, "SELECT name FROM sqlite_master WHERE type = 'trigger'"
                                     " AND name GLOB 'figures_*' AND tbl_name <> 'sites'", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (names, vigie_column_dup (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      return FALSE;
    }
  for (guint i = 0; i < names->len; i++)
    {
      /* Names from sqlite_master, of the form figures_[a-z_]*. */
      g_autofree char *sql = g_strdup_printf ("DROP TRIGGER \"%s\"",
                                              (const char *) names->pdata[i]);

      if (!vigie_store_exec (store, sql, error))
        return FALSE;
    }
  g_object_set_data_full (G_OBJECT (store), MARKS_KEY, g_steal_pointer (&marks), g_free);
  return TRUE;
}

static gboolean
resume_summaries (VigieStore         *store,
                  const char *const  *filled,
                  GError            **error)
{
  const gint64 *before;
  gint64 now[G_N_ELEMENTS (sources)];
  guint changed = 0;

  before = g_object_get_data (G_OBJECT (store), MARKS_KEY);
  if (!read_marks (store, now, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    if (before == NULL || before[i] != now[i])
      changed |= sources[i].source;
  if (!rebuild_summaries (store, changed, filled, error) || !exec_triggers (store, error))
    return FALSE;
  g_object_set_data (G_OBJECT (store), MARKS_KEY, NULL);
  return TRUE;
}

gboolean
vigie_figures_summaries_resume (VigieStore  *store,
                                GError     **error)
{
  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);

  return resume_summaries (store, NULL, error);
}

gboolean
vigie_figures_summaries_resume_filled (VigieStore         *store,
                                       const char *const  *filled,
                                       GError            **error)
{
  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);

  return resume_summaries (store, filled, error);
}

static gint64
count_rows (VigieStore  *store,
            const char  *sql,
            GError     **error)
{
  sqlite3_stmt *stmt = vigie_store_prepare (store, sql, error);
  gint64 n;

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      vigie_store_set_error (store, sqlite3_errcode (vigie_store_get_db (store)), error);
      sqlite3_reset (stmt);
      return -1;
    }
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

gboolean
vigie_figures_summaries_check (VigieStore  *store,
                               GString     *report,
                               GError     **error)
{
  gboolean same = TRUE;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (summaries); i++)
    {
      const Summary *summary = &summaries[i];
      g_autofree char *recount = summary_recount_sql (summary);
      g_autofree char *columns = summary_columns (summary);
      g_autofree char *extra = g_strdup_printf ("SELECT count (*) FROM (SELECT %s FROM %s"
                                                " EXCEPT %s)", columns, summary->table,
                                                recount);
      g_autofree char *missing = g_strdup_printf ("SELECT count (*) FROM (%s EXCEPT"
                                                  " SELECT %s FROM %s)", recount, columns,
                                                  summary->table);
      gint64 n_extra, n_missing;

      n_extra = count_rows (store, extra, error);
      if (n_extra < 0)
        return FALSE;
      n_missing = count_rows (store, missing, error);
      if (n_missing < 0)
        return FALSE;
      if (n_extra == 0 && n_missing == 0)
        continue;
      same = FALSE;
      if (report != NULL)
        {
          g_autofree char *wrong = g_strdup_printf ("%" G_GINT64_FORMAT, n_extra);
          g_autofree char *absent = g_strdup_printf ("%" G_GINT64_FORMAT, n_missing);

          /* Translators: %1$s is a table of the database; %2$s and %3$s are numbers of
           * rows (any number: keep the "label: number" form, which needs no plural) */
          g_string_append_printf (report, _("Summary “%1$s” is out of date: rows wrong: %2$s, "
                                            "rows missing: %3$s\n"),
                                  summary->table, wrong, absent);
        }
    }
  return same;
}

/* ─── Output ─────────────────────────────────────────────────────────────── */

static void
json_string (GString    *out,
             const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

static void
json_double (GString *out,
             double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value) || isinf (value))
    g_string_append (out, "null");
  else
    g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.6g", value));
}

/* A JSON object of the vocabulary's codes → VALUES. */
static void
json_vocab_counts (GString      *out,
                   VigieVocab    vocab,
                   const gint64 *values,
                   guint         n_values)
{
  guint n = 0;
  const VigieVocabEntry *entries = vigie_vocab_entries (vocab, &n);

  g_string_append_c (out, '{');
  for (guint i = 0; i < MIN (n, n_values); i++)
    g_string_append_printf (out, "%s\"%s\": %" G_GINT64_FORMAT, i > 0 ? ", " : "",
                            entries[i].code, values[i]);
  g_string_append_c (out, '}');
}

static void
json_months (GString      *out,
             const gint64 *values)
{
  g_string_append_c (out, '[');
  for (int m = 0; m < 12; m++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, m > 0 ? ", " : "", values[m]);
  g_string_append_c (out, ']');
}

static const char * const remedy_group_codes[VIGIE_REMEDY_N_GROUPS] = {
  "total", "women", "migrant", "agency", "student", "young",
};

GString *
vigie_figures_to_json (const VigieFigures *f)
{
  GString *out;

  g_return_val_if_fail (f != NULL, NULL);

  out = g_string_new ("{\n");
  g_string_append_printf (out, "  \"year\": %d,\n  \"country\": ", f->year);
  json_string (out, f->country);
  g_string_append (out, ",\n  \"buyer\": ");
  if (f->buyer_id > 0)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, f->buyer_id);
  else
    g_string_append (out, "null");
  g_string_append (out, ",\n  \"today\": ");
  json_string (out, f->today);

  g_string_append_printf (out, ",\n  \"affiliates\": {\"total\": %" G_GINT64_FORMAT
                          ", \"direct\": %" G_GINT64_FORMAT ", \"via_consortium\": %"
                          G_GINT64_FORMAT ", \"by_country\": [",
                          f->affiliates, f->affiliates_direct, f->affiliates_via_consortium);
  for (guint i = 0; i < f->affiliates_by_country->len; i++)
    {
      VigieFiguresAffiliates *a = &g_array_index (f->affiliates_by_country,
                                                  VigieFiguresAffiliates, i);

      g_string_append (out, i > 0 ? ", {\"country\": " : "{\"country\": ");
      json_string (out, a->country);
      g_string_append_printf (out, ", \"direct\": %" G_GINT64_FORMAT ", \"via_consortium\": %"
                              G_GINT64_FORMAT "}", a->direct, a->via_consortium);
    }
  g_string_append_printf (out, "]},\n  \"monitoring_partners\": %" G_GINT64_FORMAT,
                          f->monitoring_partners);

  g_string_append_printf (out, ",\n  \"sites\": {\"linked\": %" G_GINT64_FORMAT
                          ", \"monitored\": %" G_GINT64_FORMAT ", \"by_country\": [",
                          f->sites_linked, f->sites_monitored);
  for (guint i = 0; i < f->countries->len; i++)
    {
      VigieFiguresCountry *c = &g_array_index (f->countries, VigieFiguresCountry, i);

      g_string_append (out, i > 0 ? ", {\"country\": " : "{\"country\": ");
      json_string (out, c->country);
      g_string_append_printf (out, ", \"linked\": %" G_GINT64_FORMAT ", \"monitored\": %"
                              G_GINT64_FORMAT ", \"investigations\": %" G_GINT64_FORMAT "}",
                              c->sites_linked, c->sites_monitored, c->investigations);
    }
  g_string_append (out, "]}");

  g_string_append_printf (out, ",\n  \"investigations\": {\"total\": %" G_GINT64_FORMAT
                          ", \"activities\": %" G_GINT64_FORMAT ", \"by_method\": {",
                          f->investigations, f->activities);
  for (int i = 0; i < VIGIE_FIGURES_N_METHODS; i++)
    {
      const VigieFiguresMethod *m = &f->methods[i];

      g_string_append_printf (out, "%s\"%s\": {\"activities\": %" G_GINT64_FORMAT
                              ", \"investigations\": %" G_GINT64_FORMAT
                              ", \"participants\": %" G_GINT64_FORMAT
                              ", \"women\": %" G_GINT64_FORMAT
                              ", \"migrant\": %" G_GINT64_FORMAT "}",
                              i > 0 ? ", " : "", m->method, m->activities, m->investigations,
                              m->participants, m->women, m->migrant);
    }
  g_string_append_printf (out, "}},\n  \"workers_interviewed\": {\"total\": %" G_GINT64_FORMAT
                          ", \"women\": %" G_GINT64_FORMAT ", \"migrant\": %" G_GINT64_FORMAT
                          "}", f->workers_interviewed, f->workers_interviewed_women,
                          f->workers_interviewed_migrant);

  g_string_append_printf (out, ",\n  \"findings\": {\"total\": %" G_GINT64_FORMAT
                          ", \"by_severity\": ", f->findings);
  json_vocab_counts (out, VIGIE_VOCAB_SEVERITY, f->findings_by_severity,
                     VIGIE_FIGURES_N_SEVERITIES);
  g_string_append (out, ", \"by_theme\": [");
  for (guint i = 0; i < f->themes->len; i++)
    {
      VigieFiguresTheme *t = &g_array_index (f->themes, VigieFiguresTheme, i);

      g_string_append (out, i > 0 ? ", {\"theme\": " : "{\"theme\": ");
      json_string (out, t->theme);
      g_string_append (out, ", \"title\": ");
      json_string (out, t->title);
      g_string_append_printf (out, ", \"total\": %" G_GINT64_FORMAT ", \"by_severity\": ",
                              t->total);
      json_vocab_counts (out, VIGIE_VOCAB_SEVERITY, t->by_severity,
                         VIGIE_FIGURES_N_SEVERITIES);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "], \"per_month\": ");
  json_months (out, f->findings_per_month);
  g_string_append_printf (out, "},\n  \"forced_labour_sites\": {\"at_least_1\": %"
                          G_GINT64_FORMAT ", \"at_least_3\": %" G_GINT64_FORMAT "}",
                          f->sites_fl_1, f->sites_fl_3);

  g_string_append_printf (out, ",\n  \"remediation\": {\"due_in_year\": %" G_GINT64_FORMAT
                          ", \"by_status\": ", f->actions);
  json_vocab_counts (out, VIGIE_VOCAB_REMEDIATION_STATUS, f->actions_by_status,
                     VIGIE_FIGURES_N_STATUSES);
  g_string_append_printf (out, ", \"overdue\": %" G_GINT64_FORMAT ", \"closed\": %"
                          G_GINT64_FORMAT ", \"verified_by_workers\": %" G_GINT64_FORMAT
                          ", \"share_verified_by_workers\": ",
                          f->actions_overdue, f->actions_closed, f->actions_verified_by_workers);
  json_double (out, f->share_verified_by_workers);
  g_string_append (out, ", \"median_days_to_close\": ");
  json_double (out, f->median_days_to_close);
  g_string_append (out, ", \"completed_per_month\": ");
  json_months (out, f->completions_per_month);

  g_string_append_printf (out, "},\n  \"remedy\": {\"actions\": %" G_GINT64_FORMAT
                          ", \"workers\": {", f->remedy_actions);
  for (int g = 0; g < VIGIE_REMEDY_N_GROUPS; g++)
    g_string_append_printf (out, "%s\"%s\": %" G_GINT64_FORMAT, g > 0 ? ", " : "",
                            remedy_group_codes[g], f->remedy_workers[g]);
  g_string_append (out, "}, \"amounts\": [");
  for (guint i = 0; i < f->remedy_amounts->len; i++)
    {
      VigieFiguresAmount *a = &g_array_index (f->remedy_amounts, VigieFiguresAmount, i);

      g_string_append (out, i > 0 ? ", {\"currency\": " : "{\"currency\": ");
      json_string (out, a->currency);
      g_string_append_printf (out, ", \"amount_minor\": %" G_GINT64_FORMAT
                              ", \"actions\": %" G_GINT64_FORMAT "}", a->amount_minor,
                              a->actions);
    }
  g_string_append_printf (out, "]},\n  \"contractors\": {\"total\": %" G_GINT64_FORMAT
                          ", \"disclosing\": %" G_GINT64_FORMAT ", \"disclosing_by_tier\": ",
                          f->contractors, f->contractors_disclosing);
  json_vocab_counts (out, VIGIE_VOCAB_TIER, f->contractors_disclosing_by_tier,
                     VIGIE_FIGURES_N_TIERS);
  g_string_append (out, "}\n}\n");
  return out;
}

/* ─── Rows: what the CSV and the table print ─────────────────────────────── */

typedef enum
{
  VALUE_COUNT,
  VALUE_SHARE,     /* 0..1, NAN unknown */
  VALUE_DAYS,      /* NAN unknown */
  VALUE_MONEY,     /* minor units of a currency */
} ValueKind;

typedef struct
{
  VigieFigure  figure;
  const char  *key;        /* code */
  const char  *subkey;     /* code or "" */
  char        *label;      /* translated */
  ValueKind    kind;
  gint64       count;
  double       value;
  const char  *currency;
} Row;

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->label);
  g_free (row);
}

static Row *
add_row (GPtrArray   *rows,
         VigieFigure  figure,
         const char  *key,
         const char  *subkey,
         char        *label)
{
  Row *row = g_new0 (Row, 1);

  row->figure = figure;
  row->key = key;
  row->subkey = subkey != NULL ? subkey : "";
  row->label = label;
  row->kind = VALUE_COUNT;
  g_ptr_array_add (rows, row);
  return row;
}

static void
add_count (GPtrArray   *rows,
           VigieFigure  figure,
           const char  *key,
           const char  *subkey,
           char        *label,
           gint64       count)
{
  add_row (rows, figure, key, subkey, label)->count = count;
}

static const char *
country_label (const char *code)
{
  const char *label;

  if (code == NULL || *code == '\0')
    return C_("country", "Unknown");
  label = vigie_reference_country_label (code);
  return label != NULL ? label : code;
}

static char *
month_label (int month)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (2000, month, 1, 0, 0, 0);

  /* %OB: the month name standing alone (nominative in languages that inflect it). */
  return g_date_time_format (date, "%OB");
}

static GPtrArray *
build_rows (const VigieFigures *f)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (row_free);
  const VigieVocabEntry *entries;
  guint n = 0;
  static const char * const months[12] = {
    "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12",
  };
  const char *group_labels[VIGIE_REMEDY_N_GROUPS] = {
    C_("workers", "Total"), C_("workers", "Women"), C_("workers", "Migrant workers"),
    C_("workers", "Agency workers"), C_("workers", "Students and interns"),
    C_("workers", "Young workers"),
  };

  add_count (rows, VIGIE_FIGURE_AFFILIATES, "total", NULL, g_strdup (C_("affiliates", "Total")),
             f->affiliates);
  add_count (rows, VIGIE_FIGURE_AFFILIATES, "direct", NULL,
             g_strdup (C_("affiliates", "Direct")), f->affiliates_direct);
  add_count (rows, VIGIE_FIGURE_AFFILIATES, "via_consortium", NULL,
             g_strdup (C_("affiliates", "Via a consortium")), f->affiliates_via_consortium);
  for (guint i = 0; i < f->affiliates_by_country->len; i++)
    {
      VigieFiguresAffiliates *a = &g_array_index (f->affiliates_by_country,
                                                  VigieFiguresAffiliates, i);

      /* Translators: affiliates of one country that affiliated directly, e.g.
       * "France — direct" */
      add_count (rows, VIGIE_FIGURE_AFFILIATES, a->country, "direct",
                 g_strdup_printf (C_("affiliates", "%s — direct"), country_label (a->country)),
                 a->direct);
      /* Translators: affiliates of one country that affiliated through a consortium */
      add_count (rows, VIGIE_FIGURE_AFFILIATES, a->country, "via_consortium",
                 g_strdup_printf (C_("affiliates", "%s — via a consortium"),
                                  country_label (a->country)), a->via_consortium);
    }

  add_count (rows, VIGIE_FIGURE_PARTNERS, "total", NULL,
             g_strdup (C_("partners", "Partners with an investigation under way")),
             f->monitoring_partners);

  add_count (rows, VIGIE_FIGURE_SITES_LINKED, "total", NULL,
             g_strdup (C_("sites", "Total")), f->sites_linked);
  for (guint i = 0; i < f->countries->len; i++)
    {
      VigieFiguresCountry *c = &g_array_index (f->countries, VigieFiguresCountry, i);

      if (c->sites_linked > 0)
        add_count (rows, VIGIE_FIGURE_SITES_LINKED, c->country, NULL,
                   g_strdup (country_label (c->country)), c->sites_linked);
    }

  add_count (rows, VIGIE_FIGURE_INVESTIGATIONS, "investigations", NULL,
             g_strdup (C_("investigations", "Investigations under way")), f->investigations);
  add_count (rows, VIGIE_FIGURE_INVESTIGATIONS, "sites_monitored", NULL,
             g_strdup (C_("investigations", "Sites monitored")), f->sites_monitored);
  for (guint i = 0; i < f->countries->len; i++)
    {
      VigieFiguresCountry *c = &g_array_index (f->countries, VigieFiguresCountry, i);

      if (c->investigations == 0 && c->sites_monitored == 0)
        continue;
      /* Translators: investigations in one country, e.g. "China — investigations" */
      add_count (rows, VIGIE_FIGURE_INVESTIGATIONS, c->country, "investigations",
                 g_strdup_printf (C_("investigations", "%s — investigations"),
                                  country_label (c->country)), c->investigations);
      /* Translators: sites monitored in one country, e.g. "China — sites monitored" */
      add_count (rows, VIGIE_FIGURE_INVESTIGATIONS, c->country, "sites_monitored",
                 g_strdup_printf (C_("investigations", "%s — sites monitored"),
                                  country_label (c->country)), c->sites_monitored);
    }

  add_count (rows, VIGIE_FIGURE_METHODS, "activities", NULL,
             g_strdup (C_("methods", "Activities")), f->activities);
  for (int i = 0; i < VIGIE_FIGURES_N_METHODS; i++)
    {
      const VigieFiguresMethod *m = &f->methods[i];
      const char *label = vigie_vocab_label (VIGIE_VOCAB_ACTIVITY_METHOD, m->method);

      /* Translators: "Focus group — investigations": investigations that used a method */
      add_count (rows, VIGIE_FIGURE_METHODS, m->method, "investigations",
                 g_strdup_printf (C_("methods", "%s — investigations"), label),
                 m->investigations);
      /* Translators: "Focus group — activities" */
      add_count (rows, VIGIE_FIGURE_METHODS, m->method, "activities",
                 g_strdup_printf (C_("methods", "%s — activities"), label), m->activities);
      /* Translators: "Focus group — workers": the workers who took part */
      add_count (rows, VIGIE_FIGURE_METHODS, m->method, "participants",
                 g_strdup_printf (C_("methods", "%s — workers"), label), m->participants);
    }
  add_count (rows, VIGIE_FIGURE_METHODS, "workers_interviewed", "total",
             g_strdup (C_("methods", "Workers interviewed")), f->workers_interviewed);
  add_count (rows, VIGIE_FIGURE_METHODS, "workers_interviewed", "women",
             g_strdup (C_("methods", "Workers interviewed — women")),
             f->workers_interviewed_women);
  add_count (rows, VIGIE_FIGURE_METHODS, "workers_interviewed", "migrant",
             g_strdup (C_("methods", "Workers interviewed — migrant workers")),
             f->workers_interviewed_migrant);

  entries = vigie_vocab_entries (VIGIE_VOCAB_SEVERITY, &n);
  add_count (rows, VIGIE_FIGURE_FINDINGS, "total", NULL, g_strdup (C_("findings", "Total")),
             f->findings);
  for (guint s = 0; s < n && s < VIGIE_FIGURES_N_SEVERITIES; s++)
    add_count (rows, VIGIE_FIGURE_FINDINGS, "total", entries[s].code,
               g_strdup (vigie_vocab_label (VIGIE_VOCAB_SEVERITY, entries[s].code)),
               f->findings_by_severity[s]);
  for (guint i = 0; i < f->themes->len; i++)
    {
      VigieFiguresTheme *t = &g_array_index (f->themes, VigieFiguresTheme, i);
      const char *title = *t->theme == '\0' ? C_("theme", "No theme")
                          : *t->title != '\0' ? vigie_reference_text (t->title) : t->theme;

      for (guint s = 0; s < n && s < VIGIE_FIGURES_N_SEVERITIES; s++)
        /* Translators: findings of one theme and severity, e.g. "Wages — Critical" */
        add_count (rows, VIGIE_FIGURE_FINDINGS, t->theme, entries[s].code,
                   g_strdup_printf (C_("findings", "%1$s — %2$s"), title,
                                    vigie_vocab_label (VIGIE_VOCAB_SEVERITY, entries[s].code)),
                   t->by_severity[s]);
    }
  for (int m = 0; m < 12; m++)
    add_count (rows, VIGIE_FIGURE_FINDINGS_MONTHLY, months[m], NULL, month_label (m + 1),
               f->findings_per_month[m]);

  add_count (rows, VIGIE_FIGURE_FORCED_LABOUR, "at_least_1", NULL,
             g_strdup (C_("forced labour", "Sites with at least 1 indicator")), f->sites_fl_1);
  add_count (rows, VIGIE_FIGURE_FORCED_LABOUR, "at_least_3", NULL,
             g_strdup (C_("forced labour", "Sites with at least 3 indicators")), f->sites_fl_3);

  entries = vigie_vocab_entries (VIGIE_VOCAB_REMEDIATION_STATUS, &n);
  add_count (rows, VIGIE_FIGURE_ACTIONS, "total", NULL, g_strdup (C_("actions", "Total")),
             f->actions);
  for (guint s = 0; s < n && s < VIGIE_FIGURES_N_STATUSES; s++)
    add_count (rows, VIGIE_FIGURE_ACTIONS, entries[s].code, NULL,
               g_strdup (vigie_vocab_label (VIGIE_VOCAB_REMEDIATION_STATUS, entries[s].code)),
               f->actions_by_status[s]);
  /* Translators: %s is a date, e.g. "Overdue on 2026-06-15" */
  add_count (rows, VIGIE_FIGURE_OVERDUE, "total", NULL,
             g_strdup_printf (C_("actions", "Overdue on %s"), f->today), f->actions_overdue);

  add_count (rows, VIGIE_FIGURE_CLOSURE, "closed", NULL,
             g_strdup (C_("closure", "Actions completed and closed")), f->actions_closed);
  add_count (rows, VIGIE_FIGURE_CLOSURE, "verified_by_workers", NULL,
             g_strdup (C_("closure", "Verified by workers")), f->actions_verified_by_workers);
  {
    Row *row = add_row (rows, VIGIE_FIGURE_CLOSURE, "share_verified_by_workers", NULL,
                        g_strdup (C_("closure", "Share verified by workers")));

    row->kind = VALUE_SHARE;
    row->value = f->share_verified_by_workers;
    row = add_row (rows, VIGIE_FIGURE_CLOSURE, "median_days_to_close", NULL,
                   g_strdup (C_("closure", "Median days to close")));
    row->kind = VALUE_DAYS;
    row->value = f->median_days_to_close;
  }
  for (int m = 0; m < 12; m++)
    add_count (rows, VIGIE_FIGURE_COMPLETIONS_MONTHLY, months[m], NULL, month_label (m + 1),
               f->completions_per_month[m]);

  add_count (rows, VIGIE_FIGURE_REMEDY_WORKERS, "actions", NULL,
             g_strdup (C_("remedy", "Actions providing remedy")), f->remedy_actions);
  for (int g = 0; g < VIGIE_REMEDY_N_GROUPS; g++)
    add_count (rows, VIGIE_FIGURE_REMEDY_WORKERS, "workers", remedy_group_codes[g],
               g_strdup (group_labels[g]), f->remedy_workers[g]);
  for (guint i = 0; i < f->remedy_amounts->len; i++)
    {
      VigieFiguresAmount *a = &g_array_index (f->remedy_amounts, VigieFiguresAmount, i);
      g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, a->actions);
      /* Translators: the actions an amount of remedy is the sum of, e.g. "12 actions" */
      Row *row = add_row (rows, VIGIE_FIGURE_REMEDY_AMOUNTS, a->currency, NULL,
                          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s action",
                                                        "%s actions", (gulong) a->actions), n));

      row->kind = VALUE_MONEY;
      row->count = a->amount_minor;
      row->currency = a->currency;
    }

  add_count (rows, VIGIE_FIGURE_CONTRACTORS, "total", NULL,
             g_strdup (C_("contractors", "Total")), f->contractors);
  entries = vigie_vocab_entries (VIGIE_VOCAB_TIER, &n);
  add_count (rows, VIGIE_FIGURE_DISCLOSING, "any", NULL,
             g_strdup (C_("contractors", "Any tier")), f->contractors_disclosing);
  for (guint t = 0; t < n && t < VIGIE_FIGURES_N_TIERS; t++)
    add_count (rows, VIGIE_FIGURE_DISCLOSING, entries[t].code, NULL,
               g_strdup (vigie_vocab_label (VIGIE_VOCAB_TIER, entries[t].code)),
               f->contractors_disclosing_by_tier[t]);
  return rows;
}

/* Digits after the decimal point of a currency (ISO 4217 minor unit). */
static int
currency_exponent (const char *code)
{
  static const char * const zero[] = { "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF",
                                       "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV",
                                       "XAF", "XOF", "XPF" };
  static const char * const three[] = { "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND" };

  for (guint i = 0; i < G_N_ELEMENTS (zero); i++)
    if (g_strcmp0 (code, zero[i]) == 0)
      return 0;
  for (guint i = 0; i < G_N_ELEMENTS (three); i++)
    if (g_strcmp0 (code, three[i]) == 0)
      return 3;
  return 2;
}

GString *
vigie_figures_to_csv (const VigieFigures *f)
{
  g_autoptr(GPtrArray) rows = NULL;
  GString *out;

  g_return_val_if_fail (f != NULL, NULL);

  rows = build_rows (f);
  out = g_string_new ("figure,key,subkey,value\r\n");
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      /* Codes only (letters, digits, '_'): no field needs quoting or the formula guard. */
      g_string_append_printf (out, "%s,%s,%s,", figure_defs[row->figure].code, row->key,
                              row->subkey);
      switch (row->kind)
        {
        case VALUE_COUNT:
        case VALUE_MONEY:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, row->count);
          break;
        case VALUE_SHARE:
        case VALUE_DAYS:
          if (!isnan (row->value))
            g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.6g", row->value));
          break;
        default:
          g_assert_not_reached ();
        }
      g_string_append (out, "\r\n");
    }
  return out;
}

static char *
format_row_value (const Row *row)
{
  switch (row->kind)
    {
    case VALUE_COUNT:
      return g_strdup_printf ("%'" G_GINT64_FORMAT, row->count);
    case VALUE_SHARE:
      if (isnan (row->value))
        return g_strdup ("—");
      /* Translators: a percentage, e.g. "42.5 %"; use your language's spacing */
      return g_strdup_printf (_("%.1f %%"), row->value * 100);
    case VALUE_DAYS:
      if (isnan (row->value))
        return g_strdup ("—");
      return g_strdup_printf ("%'.1f", row->value);
    case VALUE_MONEY:
      {
        int exponent = currency_exponent (row->currency);
        double scale = pow (10, exponent);

        /* Translators: an amount and its ISO 4217 currency code, e.g. "1,250.00 USD" */
        return g_strdup_printf (_("%1$'.*2$f %3$s"), (double) row->count / scale, exponent,
                                row->currency);
      }
    default:
      g_assert_not_reached ();
    }
}

#define MAX_TABLE_LABEL 48

GString *
vigie_figures_to_table (const VigieFigures *f)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  glong label_width = 0, value_width = 0;
  int section = -1;
  GString *out;

  g_return_val_if_fail (f != NULL, NULL);

  rows = build_rows (f);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      char *value = format_row_value (row);

      /* Longer labels (some theme titles) push their number to the right. */
      label_width = MAX (label_width, MIN (g_utf8_strlen (row->label, -1), MAX_TABLE_LABEL));
      value_width = MAX (value_width, g_utf8_strlen (value, -1));
      g_ptr_array_add (values, value);
    }

  out = g_string_new (NULL);
  {
    g_autofree char *buyer = g_strdup_printf ("%" G_GINT64_FORMAT, f->buyer_id);
    const char *country = f->country != NULL ? country_label (f->country) : NULL;

    /* One whole heading per case, so that each language can word it. */
    if (country != NULL && f->buyer_id > 0)
      /* Translators: the heading of the annual figures limited to a country (%2$s) and a
       * buyer (%3$s, its organisation number), e.g. "Annual figures 2025 — Spain — buyer 12" */
      g_string_append_printf (out, _("Annual figures %1$d — %2$s — buyer %3$s"), f->year,
                              country, buyer);
    else if (country != NULL)
      /* Translators: the heading of the annual figures limited to a country (%2$s) */
      g_string_append_printf (out, _("Annual figures %1$d — %2$s"), f->year, country);
    else if (f->buyer_id > 0)
      /* Translators: the heading of the annual figures limited to a buyer (%2$s, its
       * organisation number) */
      g_string_append_printf (out, _("Annual figures %1$d — buyer %2$s"), f->year, buyer);
    else
      /* Translators: the heading of the annual figures, e.g. "Annual figures 2025" */
      g_string_append_printf (out, _("Annual figures %d"), f->year);
  }
  g_string_append_c (out, '\n');

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      const char *value = g_ptr_array_index (values, i);
      glong pad;

      if ((int) row->figure != section)
        {
          section = (int) row->figure;
          g_string_append_printf (out, "\n%s\n", vigie_figure_title (row->figure));
        }
      g_string_append (out, "  ");
      g_string_append (out, row->label);
      pad = MAX (label_width - g_utf8_strlen (row->label, -1), 0) + 2
            + value_width - g_utf8_strlen (value, -1);
      for (glong p = 0; p < pad; p++)
        g_string_append_c (out, ' ');
      g_string_append (out, value);
      g_string_append_c (out, '\n');
    }
  return out;
}

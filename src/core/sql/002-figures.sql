-- Vigie schema version 2: summaries of the annual figures.
--
-- The Overview shows a year's figures at once. Counted on the tables, a year of a
-- million findings and 800,000 remediation actions takes seconds; counted on these
-- summaries, milliseconds. Each summary is a table of counts (and sums) by month or year,
-- country of the site, and what the figure is broken down by; a view next to it, the
-- summary's *rows*, says what is counted: one row per finding, action, activity... with
-- the ids a change is found by. Summing a view's rows by the summary's key gives the
-- summary: vigie_figures_summaries_rebuild() does exactly that (at the end of every
-- migration and after bulk writes), vigie_figures_summaries_check() compares both, and
-- the documented queries of vigie-figures.c, which read the tables, give the same
-- numbers as the ones on the summaries (tests/core/test-figures.c).
--
-- The triggers of figures-triggers.sql keep the summaries up to date on every write:
-- before a row changes (or goes), its entity's contributions are taken away; after it
-- changed (or came), they are added again, both through the views. Bulk writers drop
-- those triggers (vigie_store_bulk_begin) and the summaries are rebuilt when they end
-- (vigie_store_bulk_end).
--
-- Where a figure counts distinct things (sites, investigations), a second summary counts
-- the rows of the first, kept by triggers on the first; it is rebuilt from the first.
-- Some summaries are the sums of a finer one (a year of months, every country): triggers
-- keep both from the view, a rebuild sums the finer one.
--
-- Rows whose site (or finding, action, investigation) is missing are in no view: with
-- foreign keys enforced there are none.

-- Every year a date can have, for the years an investigation spans.
CREATE TABLE figures_years (
  year        INTEGER PRIMARY KEY,
  first_day   TEXT NOT NULL,               -- YYYY-01-01
  last_day    TEXT NOT NULL                -- YYYY-12-31
);
WITH RECURSIVE y (year) AS (SELECT 0 UNION ALL SELECT year + 1 FROM y WHERE year < 9999)
INSERT INTO figures_years (year, first_day, last_day)
  SELECT year, printf ('%04d-01-01', year), printf ('%04d-12-31', year) FROM y;

-- Investigations without an end date are under way every year from their start: they are
-- read from the table, through this index, not from a summary.
CREATE INDEX investigations_open ON investigations (start_date) WHERE end_date IS NULL;

-- Passages through 'verified_by_workers' (a closed action verified by workers).
CREATE INDEX status_history_by_workers ON remediation_status_history (action_id)
  WHERE to_status = 'verified_by_workers';

-- Disclosures by contractors, read for contractors_disclosing without the table.
CREATE INDEX contract_sites_disclosure ON contract_sites (contract_id, source, tier,
                                                          disclosed_on, site_id);

-- Findings by month first observed, primary theme, severity and country; the same by year
-- (findings_by_theme) and by month (findings_per_month).
CREATE VIEW figures_finding_rows AS
  SELECT f.id AS finding_id, f.site_id AS site_id, s.country AS country,
         CAST (substr (f.first_observed, 1, 4) AS INTEGER) AS year,
         substr (f.first_observed, 1, 7) AS month, f.theme AS theme, f.severity AS severity
  FROM findings f JOIN sites s ON s.id = f.site_id;
CREATE TABLE figures_finding_cells (
  month       TEXT NOT NULL,               -- YYYY-MM
  theme       TEXT NOT NULL,
  severity    TEXT NOT NULL,
  country     TEXT NOT NULL,
  n           INTEGER NOT NULL,            -- findings
  PRIMARY KEY (month, theme, severity, country)
) WITHOUT ROWID;
CREATE TABLE figures_findings (
  year        INTEGER NOT NULL,
  theme       TEXT NOT NULL,
  severity    TEXT NOT NULL,
  country     TEXT NOT NULL,
  n           INTEGER NOT NULL,            -- findings
  PRIMARY KEY (year, theme, severity, country)
) WITHOUT ROWID;
CREATE TABLE figures_finding_months (
  month       TEXT NOT NULL,               -- YYYY-MM
  country     TEXT NOT NULL,
  n           INTEGER NOT NULL,            -- findings
  PRIMARY KEY (month, country)
) WITHOUT ROWID;

-- Forced-labour indicators of each site, by year first observed (forced_labour_sites).
CREATE VIEW figures_indicator_rows AS
  SELECT fi.finding_id AS finding_id, fi.indicator_id AS indicator_id, f.site_id AS site_id,
         s.country AS country, CAST (substr (f.first_observed, 1, 4) AS INTEGER) AS year
  FROM finding_indicators fi JOIN findings f ON f.id = fi.finding_id
  JOIN sites s ON s.id = f.site_id;
CREATE TABLE figures_indicator_sites (
  year        INTEGER NOT NULL,
  country     TEXT NOT NULL,
  site_id     INTEGER NOT NULL,
  indicator_id INTEGER NOT NULL,
  n           INTEGER NOT NULL,            -- findings carrying the indicator
  PRIMARY KEY (year, country, site_id, indicator_id)
) WITHOUT ROWID;
-- The rows of figures_indicator_sites counted per site (its distinct indicators), and
-- those counted per number of indicators: kept by triggers on the tables above them.
CREATE TABLE figures_indicator_counts (
  year        INTEGER NOT NULL,
  country     TEXT NOT NULL,
  site_id     INTEGER NOT NULL,
  k           INTEGER NOT NULL,            -- distinct indicators
  PRIMARY KEY (year, country, site_id)
) WITHOUT ROWID;
CREATE TABLE figures_indicator_histogram (
  year        INTEGER NOT NULL,
  country     TEXT NOT NULL,
  k           INTEGER NOT NULL,
  sites       INTEGER NOT NULL,            -- sites with K distinct indicators
  PRIMARY KEY (year, country, k)
) WITHOUT ROWID;

-- Remediation actions by month due and current status (actions_by_status,
-- actions_overdue).
CREATE VIEW figures_due_rows AS
  SELECT a.id AS action_id, a.finding_id AS finding_id, f.site_id AS site_id,
         s.country AS country, substr (a.due_on, 1, 7) AS month, a.status AS status
  FROM remediation_actions a JOIN findings f ON f.id = a.finding_id
  JOIN sites s ON s.id = f.site_id
  WHERE a.due_on IS NOT NULL;
CREATE TABLE figures_actions_due (
  month       TEXT NOT NULL,               -- YYYY-MM
  country     TEXT NOT NULL,
  status      TEXT NOT NULL,
  n           INTEGER NOT NULL,            -- actions
  PRIMARY KEY (month, country, status)
) WITHOUT ROWID;

-- Remediation actions by month completed, status, remedy type and currency, with their
-- amounts and beneficiaries (completions_per_month, remedy_workers, remedy_amounts).
CREATE VIEW figures_completed_rows AS
  SELECT a.id AS action_id, a.finding_id AS finding_id, f.site_id AS site_id,
         s.country AS country, substr (a.completed_on, 1, 7) AS month, a.status AS status,
         a.remedy_type AS remedy_type, coalesce (a.currency, '') AS currency,
         a.amount_minor IS NOT NULL AS amount_n, coalesce (a.amount_minor, 0) AS amount_minor,
         coalesce (a.beneficiaries_total, 0) AS b_total,
         coalesce (a.beneficiaries_women, 0) AS b_women,
         coalesce (a.beneficiaries_migrant, 0) AS b_migrant,
         coalesce (a.beneficiaries_agency, 0) AS b_agency,
         coalesce (a.beneficiaries_student, 0) AS b_student,
         coalesce (a.beneficiaries_young, 0) AS b_young
  FROM remediation_actions a JOIN findings f ON f.id = a.finding_id
  JOIN sites s ON s.id = f.site_id
  WHERE a.completed_on IS NOT NULL;
CREATE TABLE figures_actions_completed (
  month       TEXT NOT NULL,               -- YYYY-MM
  country     TEXT NOT NULL,
  status      TEXT NOT NULL,
  remedy_type TEXT NOT NULL,
  currency    TEXT NOT NULL,               -- '' when none
  n           INTEGER NOT NULL,            -- actions
  amount_n    INTEGER NOT NULL,            -- actions with an amount
  amount_minor INTEGER NOT NULL,
  b_total     INTEGER NOT NULL,            -- beneficiaries (unknown counts as 0)
  b_women     INTEGER NOT NULL,
  b_migrant   INTEGER NOT NULL,
  b_agency    INTEGER NOT NULL,
  b_student   INTEGER NOT NULL,
  b_young     INTEGER NOT NULL,
  PRIMARY KEY (month, country, status, remedy_type, currency)
) WITHOUT ROWID;

-- Closed actions by year completed and days from opening to completion, verified by
-- workers or not (closure: the share verified by workers and the median days to close).
CREATE VIEW figures_closure_rows AS
  SELECT a.id AS action_id, a.finding_id AS finding_id, f.site_id AS site_id,
         s.country AS country, CAST (substr (a.completed_on, 1, 4) AS INTEGER) AS year,
         julianday (a.completed_on) - julianday (a.opened_on) AS days,
         (a.status = 'verified_by_workers'
          OR (a.status = 'closed'
              AND EXISTS (SELECT 1 FROM remediation_status_history h
                          WHERE h.action_id = a.id AND h.to_status = 'verified_by_workers')))
         AS by_workers
  FROM remediation_actions a JOIN findings f ON f.id = a.finding_id
  JOIN sites s ON s.id = f.site_id
  WHERE a.completed_on IS NOT NULL
  AND +a.status IN ('verified_by_workers', 'verified_by_monitor', 'closed');
CREATE TABLE figures_closure (
  year        INTEGER NOT NULL,
  days        REAL NOT NULL,
  country     TEXT NOT NULL,
  n           INTEGER NOT NULL,            -- actions
  by_workers  INTEGER NOT NULL,            -- of which verified by workers
  PRIMARY KEY (year, days, country)
) WITHOUT ROWID;
-- The same for every country.
CREATE TABLE figures_closure_days (
  year        INTEGER NOT NULL,
  days        REAL NOT NULL,
  n           INTEGER NOT NULL,
  by_workers  INTEGER NOT NULL,
  PRIMARY KEY (year, days)
) WITHOUT ROWID;

-- Investigation activities by year started and method, with their participants, and the
-- investigations that used each method (investigation_methods).
CREATE VIEW figures_activity_rows AS
  SELECT a.id AS activity_id, a.investigation_id AS investigation_id, i.site_id AS site_id,
         s.country AS country, CAST (substr (a.start_date, 1, 4) AS INTEGER) AS year,
         a.method AS method, a.participants_total AS participants,
         a.participants_women AS women, a.participants_migrant AS migrant
  FROM investigation_activities a JOIN investigations i ON i.id = a.investigation_id
  JOIN sites s ON s.id = i.site_id;
CREATE TABLE figures_activities (
  year        INTEGER NOT NULL,
  country     TEXT NOT NULL,
  method      TEXT NOT NULL,
  n           INTEGER NOT NULL,            -- activities
  participants INTEGER NOT NULL,
  women       INTEGER NOT NULL,
  migrant     INTEGER NOT NULL,
  PRIMARY KEY (year, country, method)
) WITHOUT ROWID;
CREATE TABLE figures_activity_investigations (
  year        INTEGER NOT NULL,
  method      TEXT NOT NULL,
  country     TEXT NOT NULL,
  investigation_id INTEGER NOT NULL,
  n           INTEGER NOT NULL,            -- its activities of the method in the year
  participants INTEGER NOT NULL,
  women       INTEGER NOT NULL,
  migrant     INTEGER NOT NULL,
  PRIMARY KEY (year, method, country, investigation_id)
) WITHOUT ROWID;
-- Its rows counted: kept by triggers on it.
CREATE TABLE figures_method_investigations (
  year        INTEGER NOT NULL,
  country     TEXT NOT NULL,
  method      TEXT NOT NULL,
  n           INTEGER NOT NULL,            -- investigations that used the method
  PRIMARY KEY (year, country, method)
) WITHOUT ROWID;

-- Investigations with an end date, once for every year they were under way (started by
-- its last day, not ended before its first): the sites monitored and the monitoring
-- partners of a year (investigations, monitoring_partners). The years are found through
-- the primary key of figures_years, from the year of the start to the year of the end.
CREATE VIEW figures_investigation_years AS
  SELECT i.id AS investigation_id, i.site_id AS site_id, s.country AS country,
         i.partner_id AS partner_id, y.year AS year
  FROM investigations i JOIN sites s ON s.id = i.site_id
  JOIN figures_years y ON y.year BETWEEN CAST (substr (i.start_date, 1, 4) AS INTEGER)
                                     AND CAST (substr (i.end_date, 1, 4) AS INTEGER)
                      AND i.start_date <= y.last_day AND i.end_date >= y.first_day
  WHERE i.end_date IS NOT NULL;
CREATE TABLE figures_site_years (
  year        INTEGER NOT NULL,
  country     TEXT NOT NULL,
  site_id     INTEGER NOT NULL,
  n           INTEGER NOT NULL,            -- its investigations under way in the year
  PRIMARY KEY (year, country, site_id)
) WITHOUT ROWID;
CREATE TABLE figures_partner_years (
  year        INTEGER NOT NULL,
  country     TEXT NOT NULL,
  partner_id  INTEGER NOT NULL,
  n           INTEGER NOT NULL,            -- its investigations under way in the year
  PRIMARY KEY (year, country, partner_id)
) WITHOUT ROWID;

-- Sites linked to affiliates through contracts with both dates known, once for every year
-- the contract is in force (sites_linked). Contracts without a start or an end date are
-- in force every year before or after: they are read from the tables.
CREATE VIEW figures_link_rows AS
  SELECT cs.id AS link_id, cs.contract_id AS contract_id, cs.site_id AS site_id,
         s.country AS country, y.year AS year
  FROM contract_sites cs JOIN contracts c ON c.id = cs.contract_id
  JOIN sites s ON s.id = cs.site_id
  JOIN figures_years y ON y.year BETWEEN CAST (substr (c.start_date, 1, 4) AS INTEGER)
                                     AND CAST (substr (c.end_date, 1, 4) AS INTEGER)
                      AND c.start_date <= y.last_day AND c.end_date >= y.first_day
  WHERE c.start_date IS NOT NULL AND c.end_date IS NOT NULL;
CREATE TABLE figures_link_years (
  year        INTEGER NOT NULL,
  country     TEXT NOT NULL,
  site_id     INTEGER NOT NULL,
  n           INTEGER NOT NULL,            -- its links on contracts in force in the year
  PRIMARY KEY (year, country, site_id)
) WITHOUT ROWID;
-- Its rows counted: kept by triggers on it.
CREATE TABLE figures_link_sites (
  year        INTEGER NOT NULL,
  country     TEXT NOT NULL,
  n           INTEGER NOT NULL,            -- sites linked
  PRIMARY KEY (year, country)
) WITHOUT ROWID;

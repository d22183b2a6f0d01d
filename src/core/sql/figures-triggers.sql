-- Triggers that keep the summaries of 002-figures.sql up to date (see there). Created at
-- the end of every migration; dropped by vigie_store_bulk_begin() (all but those on sites)
-- and created again, with the summaries the bulk write fed rebuilt, by
-- vigie_store_bulk_end(). Each statement is one trigger; the store accepts no trigger in a
-- file that is not, byte for byte, one of these (verify_schema_objects).
--
-- The pattern: BEFORE a row changes or goes, the contributions of what it stands for (a
-- site, a finding, an action...) are taken from each summary it feeds, read through the
-- summary's view; AFTER it changed or came, they are added back from the view. The rows
-- under a deleted parent are taken away with it: when foreign keys delete them next, their
-- parent is gone and their own triggers find nothing in the views. A summary row that
-- falls to 0 is deleted.
--
-- Summaries of summaries count the rows of another summary (distinct sites,
-- investigations): triggers on the first keep the second.

-- Sites: their country is in every summary. (These stay during bulk writes: a new site
-- holds nothing yet, unless foreign keys were off.)
CREATE TRIGGER IF NOT EXISTS figures_sites_ai AFTER INSERT ON sites
  WHEN EXISTS (SELECT 1 FROM findings WHERE site_id = new.id)
  OR EXISTS (SELECT 1 FROM investigations WHERE site_id = new.id)
  OR EXISTS (SELECT 1 FROM contract_sites WHERE site_id = new.id) BEGIN
  INSERT INTO figures_finding_cells (month, theme, severity, country, n)
    SELECT month, theme, severity, country, count (*) FROM figures_finding_rows
    WHERE site_id = new.id
    GROUP BY month, theme, severity, country
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO figures_findings (year, theme, severity, country, n)
    SELECT year, theme, severity, country, count (*) FROM figures_finding_rows
    WHERE site_id = new.id
    GROUP BY year, theme, severity, country
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO figures_finding_months (month, country, n)
    SELECT month, country, count (*) FROM figures_finding_rows
    WHERE site_id = new.id
    GROUP BY month, country
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO figures_indicator_sites (year, country, site_id, indicator_id, n)
    SELECT year, country, site_id, indicator_id, count (*) FROM figures_indicator_rows
    WHERE site_id = new.id
    GROUP BY year, country, site_id, indicator_id
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO figures_actions_due (month, country, status, n)
    SELECT month, country, status, count (*) FROM figures_due_rows
    WHERE site_id = new.id
    GROUP BY month, country, status
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO figures_actions_completed (month, country, status, remedy_type, currency, n,
    amount_n, amount_minor, b_total, b_women, b_migrant, b_agency, b_student, b_young)
    SELECT month, country, status, remedy_type, currency, count (*), sum (amount_n),
      sum (amount_minor), sum (b_total), sum (b_women), sum (b_migrant), sum (b_agency),
      sum (b_student), sum (b_young) FROM figures_completed_rows
    WHERE site_id = new.id
    GROUP BY month, country, status, remedy_type, currency
    ON CONFLICT DO UPDATE SET n = n + excluded.n, amount_n = amount_n + excluded.amount_n,
      amount_minor = amount_minor + excluded.amount_minor, b_total = b_total + excluded.b_total,
      b_women = b_women + excluded.b_women, b_migrant = b_migrant + excluded.b_migrant,
      b_agency = b_agency + excluded.b_agency, b_student = b_student + excluded.b_student,
      b_young = b_young + excluded.b_young;
  INSERT INTO figures_closure (year, days, country, n, by_workers)
    SELECT year, days, country, count (*), sum (by_workers) FROM figures_closure_rows
    WHERE site_id = new.id
    GROUP BY year, days, country
    ON CONFLICT DO UPDATE SET n = n + excluded.n, by_workers = by_workers + excluded.by_workers;
  INSERT INTO figures_closure_days (year, days, n, by_workers)
    SELECT year, days, count (*), sum (by_workers) FROM figures_closure_rows
    WHERE site_id = new.id
    GROUP BY year, days
    ON CONFLICT DO UPDATE SET n = n + excluded.n, by_workers = by_workers + excluded.by_workers;
  INSERT INTO figures_activities (year, country, method, n, participants, women, migrant)
    SELECT year, country, method, count (*), sum (participants), sum (women),
      sum (migrant) FROM figures_activity_rows
    WHERE site_id = new.id
    GROUP BY year, country, method
    ON CONFLICT DO UPDATE SET n = n + excluded.n,
      participants = participants + excluded.participants, women = women + excluded.women,
      migrant = migrant + excluded.migrant;
  INSERT INTO figures_activity_investigations (year, method, country, investigation_id, n,
    participants, women, migrant)
    SELECT year, method, country, investigation_id, count (*), sum (participants), sum (women),
      sum (migrant) FROM figures_activity_rows
    WHERE site_id = new.id
    GROUP BY year, method, country, investigation_id
    ON CONFLICT DO UPDATE SET n = n + excluded.n,
      participants = participants + excluded.participants, women = women + excluded.women,
      migrant = migrant + excluded.migrant;
  INSERT INTO figures_site_years (year, country, site_id, n)
    SELECT year, country, site_id, count (*) FROM figures_investigation_years
    WHERE site_id = new.id
    GROUP BY year, country, site_id
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO figures_partner_years (year, country, partner_id, n)
    SELECT year, country, partner_id, count (*) FROM figures_investigation_years
    WHERE partner_id IS NOT NULL AND site_id = new.id
    GROUP BY year, country, partner_id
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO figures_link_years (year, country, site_id, n)
    SELECT year, country, site_id, count (*) FROM figures_link_rows
    WHERE site_id = new.id
    GROUP BY year, country, site_id
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER IF NOT EXISTS figures_sites_bd BEFORE DELETE ON sites BEGIN
  UPDATE figures_finding_cells SET n = figures_finding_cells.n - d.n
    FROM (SELECT month, theme, severity, country, count (*) AS n FROM figures_finding_rows
          WHERE site_id = old.id
          GROUP BY month, theme, severity, country) AS d
    WHERE figures_finding_cells.month = d.month AND figures_finding_cells.theme = d.theme AND
      figures_finding_cells.severity = d.severity AND figures_finding_cells.country = d.country;
  DELETE FROM figures_finding_cells
    WHERE n = 0 AND (month, theme, severity, country) IN
      (SELECT month, theme, severity, country FROM figures_finding_rows
       WHERE site_id = old.id);
  UPDATE figures_findings SET n = figures_findings.n - d.n
    FROM (SELECT year, theme, severity, country, count (*) AS n FROM figures_finding_rows
          WHERE site_id = old.id
          GROUP BY year, theme, severity, country) AS d
    WHERE figures_findings.year = d.year AND figures_findings.theme = d.theme AND
      figures_findings.severity = d.severity AND figures_findings.country = d.country;
  DELETE FROM figures_findings
    WHERE n = 0 AND (year, theme, severity, country) IN
      (SELECT year, theme, severity, country FROM figures_finding_rows
       WHERE site_id = old.id);
  UPDATE figures_finding_months SET n = figures_finding_months.n - d.n
    FROM (SELECT month, country, count (*) AS n FROM figures_finding_rows
          WHERE site_id = old.id
          GROUP BY month, country) AS d
    WHERE figures_finding_months.month = d.month AND figures_finding_months.country = d.country;
  DELETE FROM figures_finding_months
    WHERE n = 0 AND (month, country) IN
      (SELECT month, country FROM figures_finding_rows
       WHERE site_id = old.id);
  UPDATE figures_indicator_sites SET n = figures_indicator_sites.n - d.n
    FROM (SELECT year, country, site_id, indicator_id,
                  count (*) AS n FROM figures_indicator_rows
          WHERE site_id = old.id
          GROUP BY year, country, site_id, indicator_id) AS d
    WHERE figures_indicator_sites.year = d.year AND
      figures_indicator_sites.country = d.country AND
      figures_indicator_sites.site_id = d.site_id AND
      figures_indicator_sites.indicator_id = d.indicator_id;
  DELETE FROM figures_indicator_sites
    WHERE n = 0 AND (year, country, site_id, indicator_id) IN
      (SELECT year, country, site_id, indicator_id FROM figures_indicator_rows
       WHERE site_id = old.id);
  UPDATE figures_actions_due SET n = figures_actions_due.n - d.n
    FROM (SELECT month, country, status, count (*) AS n FROM figures_due_rows
          WHERE site_id = old.id
          GROUP BY month, country, status) AS d
    WHERE figures_actions_due.month = d.month AND figures_actions_due.country = d.country AND
      figures_actions_due.status = d.status;
  DELETE FROM figures_actions_due
    WHERE n = 0 AND (month, country, status) IN
      (SELECT month, country, status FROM figures_due_rows
       WHERE site_id = old.id);
  UPDATE figures_actions_completed SET n = figures_actions_completed.n - d.n,
      amount_n = figures_actions_completed.amount_n - d.amount_n,
      amount_minor = figures_actions_completed.amount_minor - d.amount_minor,
      b_total = figures_actions_completed.b_total - d.b_total,
      b_women = figures_actions_completed.b_women - d.b_women,
      b_migrant = figures_actions_completed.b_migrant - d.b_migrant,
      b_agency = figures_actions_completed.b_agency - d.b_agency,
      b_student = figures_actions_completed.b_student - d.b_student,
      b_young = figures_actions_completed.b_young - d.b_young
    FROM (SELECT month, country, status, remedy_type, currency, count (*) AS n,
                  sum (amount_n) AS amount_n, sum (amount_minor) AS amount_minor,
                  sum (b_total) AS b_total, sum (b_women) AS b_women,
                  sum (b_migrant) AS b_migrant, sum (b_agency) AS b_agency,
                  sum (b_student) AS b_student,
                  sum (b_young) AS b_young FROM figures_completed_rows
          WHERE site_id = old.id
          GROUP BY month, country, status, remedy_type, currency) AS d
    WHERE figures_actions_completed.month = d.month AND
      figures_actions_completed.country = d.country AND
      figures_actions_completed.status = d.status AND
      figures_actions_completed.remedy_type = d.remedy_type AND
      figures_actions_completed.currency = d.currency;
  DELETE FROM figures_actions_completed
    WHERE n = 0 AND (month, country, status, remedy_type, currency) IN
      (SELECT month, country, status, remedy_type, currency FROM figures_completed_rows
       WHERE site_id = old.id);
  UPDATE figures_closure SET n = figures_closure.n - d.n,
      by_workers = figures_closure.by_workers - d.by_workers
    FROM (SELECT year, days, country, count (*) AS n,
                  sum (by_workers) AS by_workers FROM figures_closure_rows
          WHERE site_id = old.id
          GROUP BY year, days, country) AS d
    WHERE figures_closure.year = d.year AND figures_closure.days = d.days AND
      figures_closure.country = d.country;
  DELETE FROM figures_closure
    WHERE n = 0 AND (year, days, country) IN
      (SELECT year, days, country FROM figures_closure_rows
       WHERE site_id = old.id);
  UPDATE figures_closure_days SET n = figures_closure_days.n - d.n,
      by_workers = figures_closure_days.by_workers - d.by_workers
    FROM (SELECT year, days, count (*) AS n,
                  sum (by_workers) AS by_workers FROM figures_closure_rows
          WHERE site_id = old.id
          GROUP BY year, days) AS d
    WHERE figures_closure_days.year = d.year AND figures_closure_days.days = d.days;
  DELETE FROM figures_closure_days
    WHERE n = 0 AND (year, days) IN
      (SELECT year, days FROM figures_closure_rows
       WHERE site_id = old.id);
  UPDATE figures_activities SET n = figures_activities.n - d.n,
      participants = figures_activities.participants - d.participants,
      women = figures_activities.women - d.women,
      migrant = figures_activities.migrant - d.migrant
    FROM (SELECT year, country, method, count (*) AS n, sum (participants) AS participants,
                  sum (women) AS women, sum (migrant) AS migrant FROM figures_activity_rows
          WHERE site_id = old.id
          GROUP BY year, country, method) AS d
    WHERE figures_activities.year = d.year AND figures_activities.country = d.country AND
      figures_activities.method = d.method;
  DELETE FROM figures_activities
    WHERE n = 0 AND (year, country, method) IN
      (SELECT year, country, method FROM figures_activity_rows
       WHERE site_id = old.id);
  UPDATE figures_activity_investigations SET n = figures_activity_investigations.n - d.n,
      participants = figures_activity_investigations.participants - d.participants,
      women = figures_activity_investigations.women - d.women,
      migrant = figures_activity_investigations.migrant - d.migrant
    FROM (SELECT year, method, country, investigation_id, count (*) AS n,
                  sum (participants) AS participants, sum (women) AS women,
                  sum (migrant) AS migrant FROM figures_activity_rows
          WHERE site_id = old.id
          GROUP BY year, method, country, investigation_id) AS d
    WHERE figures_activity_investigations.year = d.year AND
      figures_activity_investigations.method = d.method AND
      figures_activity_investigations.country = d.country AND
      figures_activity_investigations.investigation_id = d.investigation_id;
  DELETE FROM figures_activity_investigations
    WHERE n = 0 AND (year, method, country, investigation_id) IN
      (SELECT year, method, country, investigation_id FROM figures_activity_rows
       WHERE site_id = old.id);
  UPDATE figures_site_years SET n = figures_site_years.n - d.n
    FROM (SELECT year, country, site_id, count (*) AS n FROM figures_investigation_years
          WHERE site_id = old.id
          GROUP BY year, country, site_id) AS d
    WHERE figures_site_years.year = d.year AND figures_site_years.country = d.country AND
      figures_site_years.site_id = d.site_id;
  DELETE FROM figures_site_years
    WHERE n = 0 AND (year, country, site_id) IN
      (SELECT year, country, site_id FROM figures_investigation_years
       WHERE site_id = old.id);
  UPDATE figures_partner_years SET n = figures_partner_years.n - d.n
    FROM (SELECT year, country, partner_id, count (*) AS n FROM figures_investigation_years
          WHERE partner_id IS NOT NULL AND site_id = old.id
          GROUP BY year, country, partner_id) AS d
    WHERE figures_partner_years.year = d.year AND figures_partner_years.country = d.country AND
      figures_partner_years.partner_id = d.partner_id;
  DELETE FROM figures_partner_years
    WHERE n = 0 AND (year, country, partner_id) IN
      (SELECT year, country, partner_id FROM figures_investigation_years
       WHERE partner_id IS NOT NULL AND site_id = old.id);
  UPDATE figures_link_years SET n = figures_link_years.n - d.n
    FROM (SELECT year, country, site_id, count (*) AS n FROM figures_link_rows
          WHERE site_id = old.id
          GROUP BY year, country, site_id) AS d
    WHERE figures_link_years.year = d.year AND figures_link_years.country = d.country AND
      figures_link_years.site_id = d.site_id;
  DELETE FROM figures_link_years
    WHERE n = 0 AND (year, country, site_id) IN
      (SELECT year, country, site_id FROM figures_link_rows
       WHERE site_id = old.id);
END;

CREATE TRIGGER IF NOT EXISTS figures_sites_bu BEFORE UPDATE OF country ON sites BEGIN
  UPDATE figures_finding_cells SET n = figures_finding_cells.n - d.n
    FROM (SELECT month, theme, severity, country, count (*) AS n FROM figures_finding_rows
          WHERE site_id = old.id
          GROUP BY month, theme, severity, country) AS d
    WHERE figures_finding_cells.month = d.month AND figures_finding_cells.theme = d.theme AND
      figures_finding_cells.severity = d.severity AND figures_finding_cells.country = d.country;
  DELETE FROM figures_finding_cells
    WHERE n = 0 AND (month, theme, severity, country) IN
      (SELECT month, theme, severity, country FROM figures_finding_rows
       WHERE site_id = old.id);
  UPDATE figures_findings SET n = figures_findings.n - d.n
    FROM (SELECT year, theme, severity, country, count (*) AS n FROM figures_finding_rows
          WHERE site_id = old.id
          GROUP BY year, theme, severity, country) AS d
    WHERE figures_findings.year = d.year AND figures_findings.theme = d.theme AND
      figures_findings.severity = d.severity AND figures_findings.country = d.country;
  DELETE FROM figures_findings
    WHERE n = 0 AND (year, theme, severity, country) IN
      (SELECT year, theme, severity, country FROM figures_finding_rows
       WHERE site_id = old.id);
  UPDATE figures_finding_months SET n = figures_finding_months.n - d.n
    FROM (SELECT month, country, count (*) AS n FROM figures_finding_rows
          WHERE site_id = old.id
          GROUP BY month, country) AS d
    WHERE figures_finding_months.month = d.month AND figures_finding_months.country = d.country;
  DELETE FROM figures_finding_months
    WHERE n = 0 AND (month, country) IN
      (SELECT month, country FROM figures_finding_rows
       WHERE site_id = old.id);
  UPDATE figures_indicator_sites SET n = figures_indicator_sites.n - d.n
    FROM (SELECT year, country, site_id, indicator_id,
                  count (*) AS n FROM figures_indicator_rows
          WHERE site_id = old.id
          GROUP BY year, country, site_id, indicator_id) AS d
    WHERE figures_indicator_sites.year = d.year AND
      figures_indicator_sites.country = d.country AND
      figures_indicator_sites.site_id = d.site_id AND
      figures_indicator_sites.indicator_id = d.indicator_id;
  DELETE FROM figures_indicator_sites
    WHERE n = 0 AND (year, country, site_id, indicator_id) IN
      (SELECT year, country, site_id, indicator_id FROM figures_indicator_rows
       WHERE site_id = old.id);
  UPDATE figures_actions_due SET n = figures_actions_due.n - d.n
    FROM (SELECT month, country, status, count (*) AS n FROM figures_due_rows
          WHERE site_id = old.id
          GROUP BY month, country, status) AS d
    WHERE figures_actions_due.month = d.month AND figures_actions_due.country = d.country AND
      figures_actions_due.status = d.status;
  DELETE FROM figures_actions_due
    WHERE n = 0 AND (month, country, status) IN
      (SELECT month, country, status FROM figures_due_rows
       WHERE site_id = old.id);
  UPDATE figures_actions_completed SET n = figures_actions_completed.n - d.n,
      amount_n = figures_actions_completed.amount_n - d.amount_n,
      amount_minor = figures_actions_completed.amount_minor - d.amount_minor,
      b_total = figures_actions_completed.b_total - d.b_total,
      b_women = figures_actions_completed.b_women - d.b_women,
      b_migrant = figures_actions_completed.b_migrant - d.b_migrant,
      b_agency = figures_actions_completed.b_agency - d.b_agency,
      b_student = figures_actions_completed.b_student - d.b_student,
      b_young = figures_actions_completed.b_young - d.b_young
    FROM (SELECT month, country, status, remedy_type, currency, count (*) AS n,
                  sum (amount_n) AS amount_n, sum (amount_minor) AS amount_minor,
                  sum (b_total) AS b_total, sum (b_women) AS b_women,
                  sum (b_migrant) AS b_migrant, sum (b_agency) AS b_agency,
                  sum (b_student) AS b_student,
                  sum (b_young) AS b_young FROM figures_completed_rows
          WHERE site_id = old.id
          GROUP BY month, country, status, remedy_type, currency) AS d
    WHERE figures_actions_completed.month = d.month AND
      figures_actions_completed.country = d.country AND
      figures_actions_completed.status = d.status AND
      figures_actions_completed.remedy_type = d.remedy_type AND
      figures_actions_completed.currency = d.currency;
  DELETE FROM figures_actions_completed
    WHERE n = 0 AND (month, country, status, remedy_type, currency) IN
      (SELECT month, country, status, remedy_type, currency FROM figures_completed_rows
       WHERE site_id = old.id);
  UPDATE figures_closure SET n = figures_closure.n - d.n,
      by_workers = figures_closure.by_workers - d.by_workers
    FROM (SELECT year, days, country, count (*) AS n,
                  sum (by_workers) AS by_workers FROM figures_closure_rows
          WHERE site_id = old.id
          GROUP BY year, days, country) AS d
    WHERE figures_closure.year = d.year AND figures_closure.days = d.days AND
      figures_closure.country = d.country;
  DELETE FROM figures_closure
    WHERE n = 0 AND (year, days, country) IN
      (SELECT year, days, country FROM figures_closure_rows
       WHERE site_id = old.id);
  UPDATE figures_closure_days SET n = figures_closure_days.n - d.n,
      by_workers = figures_closure_days.by_workers - d.by_workers
    FROM (SELECT year, days, count (*) AS n,
                  sum (by_workers) AS by_workers FROM figures_closure_rows
          WHERE site_id = old.id
          GROUP BY year, days) AS d
    WHERE figures_closure_days.year = d.year AND figures_closure_days.days = d.days;
  DELETE FROM figures_closure_days
    WHERE n = 0 AND (year, days) IN
      (SELECT year, days FROM figures_closure_rows
       WHERE site_id = old.id);
  UPDATE figures_activities SET n = figures_activities.n - d.n,
      participants = figures_activities.participants - d.participants,
      women = figures_activities.women - d.women,
      migrant = figures_activities.migrant - d.migrant
    FROM (SELECT year, country, method, count (*) AS n, sum (participants) AS participants,
                  sum (women) AS women, sum (migrant) AS migrant FROM figures_activity_rows
          WHERE site_id = old.id
          GROUP BY year, country, method) AS d
    WHERE figures_activities.year = d.year AND figures_activities.country = d.country AND
      figures_activities.method = d.method;
  DELETE FROM figures_activities
    WHERE n = 0 AND (year, country, method) IN
      (SELECT year, country, method FROM figures_activity_rows
       WHERE site_id = old.id);
  UPDATE figures_activity_investigations SET n = figures_activity_investigations.n - d.n,
      participants = figures_activity_investigations.participants - d.participants,
      women = figures_activity_investigations.women - d.women,
      migrant = figures_activity_investigations.migrant - d.migrant
    FROM (SELECT year, method, country, investigation_id, count (*) AS n,
                  sum (participants) AS participants, sum (women) AS women,
                  sum (migrant) AS migrant FROM figures_activity_rows
          WHERE site_id = old.id
          GROUP BY year, method, country, investigation_id) AS d
    WHERE figures_activity_investigations.year = d.year AND
      figures_activity_investigations.method = d.method AND
      figures_activity_investigations.country = d.country AND
      figures_activity_investigations.investigation_id = d.investigation_id;
  DELETE FROM figures_activity_investigations
    WHERE n = 0 AND (year, method, country, investigation_id) IN
      (SELECT year, method, country, investigation_id FROM figures_activity_rows
       WHERE site_id = old.id);
  UPDATE figures_site_years SET n = figures_site_years.n - d.n
    FROM (SELECT year, country, site_id, count (*) AS n FROM figures_investigation_years
          WHERE site_id = old.id
          GROUP BY year, country, site_id) AS d
    WHERE figures_site_years.year = d.year AND figures_site_years.country = d.country AND
      figures_site_years.site_id = d.site_id;
  DELETE FROM figures_site_years
    WHERE n = 0 AND (year, country, site_id) IN
      (SELECT year, country, site_id FROM figures_investigation_years
       WHERE site_id = old.id);
  UPDATE figures_partner_years SET n = figures_partner_years.n - d.n
    FROM (SELECT year, country, partner_id, count (*) AS n FROM figures_investigation_years
          WHERE partner_id IS NOT NULL AND site_id = old.id
          GROUP BY year, country, partner_id) AS d
    WHERE figures_partner_years.year = d.year AND figures_partner_years.country = d.country AND
      figures_partner_years.partner_id = d.partner_id;
  DELETE FROM figures_partner_years
    WHERE n = 0 AND (year, country, partner_id) IN
      (SELECT year, country, partner_id FROM figures_investigation_years
       WHERE partner_id IS NOT NULL AND site_id = old.id);
  UPDATE figures_link_years SET n = figures_link_years.n - d.n
    FROM (SELECT year, country, site_id, count (*) AS n FROM figures_link_rows
          WHERE site_id = old.id
          GROUP BY year, country, site_id) AS d
    WHERE figures_link_years.year = d.year AND figures_link_years.country = d.country AND
      figures_link_years.site_id = d.site_id;
  DELETE FROM figures_link_years
    WHERE n = 0 AND (year, country, site_id) IN
      (SELECT year, country, site_id FROM figures_link_rows
       WHERE site_id = old.id);
END;

CREATE TRIGGER IF NOT EXISTS figures_sites_au AFTER UPDATE OF country ON sites BEGIN
  INSERT INTO figures_finding_cells (month, theme, severity, country, n)
    SELECT month, theme, severity, country, count (*) FROM figures_finding_rows
    WHERE site_id = new.id
    GROUP BY month, theme, severity, country
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO figures_findings (year, theme, severity, country, n)
    SELECT year, theme, severity, country, count (*) FROM figures_finding_rows
    WHERE site_id = new.id
    GROUP BY year, theme, severity, country
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO figures_finding_months (month, country, n)
    SELECT month, country, count (*) FROM figures_finding_rows
    WHERE site_id = new.id
    GROUP BY month, country
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO figures_indicator_sites (year, country, site_id, indicator_id, n)
    SELECT year, country, site_id, indicator_id, count (*) FROM figures_indicator_rows
    WHERE site_id = new.id
    GROUP BY year, country, site_id, indicator_id
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO figures_actions_due (month, country, status, n)
    SELECT month, country, status, count (*) FROM figures_due_rows
    WHERE site_id = new.id
    GROUP BY month, country, status
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO figures_actions_completed (month, country, status, remedy_type, currency, n,
    amount_n, amount_minor, b_total, b_women, b_migrant, b_agency, b_student, b_young)
    SELECT month, country, status, remedy_type, currency, count (*), sum (amount_n),
      sum (amount_minor), sum (b_total), sum (b_women), sum (b_migrant), sum (b_agency),
      sum (b_student), sum (b_young) FROM figures_completed_rows
    WHERE site_id = new.id
    GROUP BY month, country, status, remedy_type, currency
    ON CONFLICT DO UPDATE SET n = n + excluded.n, amount_n = amount_n + excluded.amount_n,
      amount_minor = amount_minor + excluded.amount_minor, b_total = b_total + excluded.b_total,
      b_women = b_women + excluded.b_women, b_migrant = b_migrant + excluded.b_migrant,
      b_agency = b_agency + excluded.b_agency, b_student = b_student + excluded.b_student,
      b_young = b_young + excluded.b_young;
  INSERT INTO figures_closure (year, days, country, n, by_workers)
    SELECT year, days, country, count (*), sum (by_workers) FROM figures_closure_rows
    WHERE site_id = new.id
    GROUP BY year, days, country
    ON CONFLICT DO UPDATE SET n = n + excluded.n, by_workers = by_workers + excluded.by_workers;
  INSERT INTO figures_closure_days (year, days, n, by_workers)
    SELECT year, days, count (*), sum (by_workers) FROM figures_closure_rows
    WHERE site_id = new.id
    GROUP BY year, days
    ON CONFLICT DO UPDATE SET n = n + excluded.n, by_workers = by_workers + excluded.by_workers;
  INSERT INTO figures_activities (year, country, method, n, participants, women, migrant)
    SELECT year, country, method, count (*), sum (participants), sum (women),
      sum (migrant) FROM figures_activity_rows
    WHERE site_id = new.id
    GROUP BY year, country, method
    ON CONFLICT DO UPDATE SET n = n + excluded.n,
      participants = participants + excluded.participants, women = women + excluded.women,
      migrant = migrant + excluded.migrant;
  INSERT INTO figures_activity_investigations (year, method, country, investigation_id, n,
    participants, women, migrant)
    SELECT year, method, country, investigation_id, count (*), sum (participants), sum (women),
      sum (migrant) FROM figures_activity_rows
    WHERE site_id = new.id
    GROUP BY year, method, country, investigation_id
    ON CONFLICT DO UPDATE SET n = n + excluded.n,
      participants = participants + excluded.participants, women = women + excluded.women,
      migrant = migrant + excluded.migrant;
  INSERT INTO figures_site_years (year, country, site_id, n)
    SELECT year, country, site_id, count (*) FROM figures_investigation_years
    WHERE site_id = new.id
    GROUP BY year, country, site_id
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO figures_partner_years (year, country, partner_id, n)
    SELECT year, country, partner_id, count (*) FROM figures_investigation_years
    WHERE partner_id IS NOT NULL AND site_id = new.id
    GROUP BY year, country, partner_id
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO figures_link_years (year, country, site_id, n)
    SELECT year, country, site_id, count (*) FROM figures_link_rows
    WHERE site_id = new.id
    GROUP BY year, country, site_id
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- Findings, and through them their indicators and actions.
CREATE TRIGGER IF NOT EXISTS figures_findings_ai AFTER INSERT ON findings BEGIN
  INSERT INTO figures_finding_cells (month, theme, severity, country, n)
    SELECT month, theme, severity, country, count (*) FROM figures_finding_rows
    WHERE finding_id = new.id
    GROUP BY month, theme, severity, country
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO figures_findings (year, theme, severity, country, n)
    SELECT year, theme, severity, country, count (*) FROM figures_finding_rows
    WHERE finding_id = new.id
    GROUP BY year, theme, severity, country
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO figures_finding_months (month, country, n)
    SELECT month, country, count (*) FROM figures_finding_rows
    WHERE finding_id = new.id
    GROUP BY month, country
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO figures_indicator_sites (year, country, site_id, indicator_id, n)
    SELECT year, country, site_id, indicator_id, count (*) FROM figures_indicator_rows
    WHERE finding_id = new.id
    GROUP BY year, country, site_id, indicator_id
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO figures_actions_due (month, country, status, n)
    SELECT month, country, status, count (*) FROM figures_due_rows
    WHERE finding_id = new.id
    GROUP BY month, country, status
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO figures_actions_completed (month, country, status, remedy_type, currency, n,
    amount_n, amount_minor, b_total, b_women, b_migrant, b_agency, b_student, b_young)
    SELECT month, country, status, remedy_type, currency, count (*), sum (amount_n),
      sum (amount_minor), sum (b_total), sum (b_women), sum (b_migrant), sum (b_agency),
      sum (b_student), sum (b_young) FROM figures_completed_rows
    WHERE finding_id = new.id
    GROUP BY month, country, status, remedy_type, currency
    ON CONFLICT DO UPDATE SET n = n + excluded.n, amount_n = amount_n + excluded.amount_n,
      amount_minor = amount_minor + excluded.amount_minor, b_total = b_total + excluded.b_total,
      b_women = b_women + excluded.b_women, b_migrant = b_migrant + excluded.b_migrant,
      b_agency = b_agency + excluded.b_agency, b_student = b_student + excluded.b_student,
      b_young = b_young + excluded.b_young;
  INSERT INTO figures_closure (year, days, country, n, by_workers)
    SELECT year, days, country, count (*), sum (by_workers) FROM figures_closure_rows
    WHERE finding_id = new.id
    GROUP BY year, days, country
    ON CONFLICT DO UPDATE SET n = n + excluded.n, by_workers = by_workers + excluded.by_workers;
  INSERT INTO figures_closure_days (year, days, n, by_workers)
    SELECT year, days, count (*), sum (by_workers) FROM figures_closure_rows
    WHERE finding_id = new.id
    GROUP BY year, days
    ON CONFLICT DO UPDATE SET n = n + excluded.n, by_workers = by_workers + excluded.by_workers;
END;

CREATE TRIGGER IF NOT EXISTS figures_findings_bd BEFORE DELETE ON findings BEGIN
  UPDATE figures_finding_cells SET n = figures_finding_cells.n - d.n
    FROM (SELECT month, theme, severity, country, count (*) AS n FROM figures_finding_rows
          WHERE finding_id = old.id
          GROUP BY month, theme, severity, country) AS d
    WHERE figures_finding_cells.month = d.month AND figures_finding_cells.theme = d.theme AND
      figures_finding_cells.severity = d.severity AND figures_finding_cells.country = d.country;
  DELETE FROM figures_finding_cells
    WHERE n = 0 AND (month, theme, severity, country) IN
      (SELECT month, theme, severity, country FROM figures_finding_rows
       WHERE finding_id = old.id);
  UPDATE figures_findings SET n = figures_findings.n - d.n
    FROM (SELECT year, theme, severity, country, count (*) AS n FROM figures_finding_rows
          WHERE finding_id = old.id
          GROUP BY year, theme, severity, country) AS d
    WHERE figures_findings.year = d.year AND figures_findings.theme = d.theme AND
      figures_findings.severity = d.severity AND figures_findings.country = d.country;
  DELETE FROM figures_findings
    WHERE n = 0 AND (year, theme, severity, country) IN
      (SELECT year, theme, severity, country FROM figures_finding_rows
       WHERE finding_id = old.id);
  UPDATE figures_finding_months SET n = figures_finding_months.n - d.n
    FROM (SELECT month, country, count (*) AS n FROM figures_finding_rows
          WHERE finding_id = old.id
          GROUP BY month, country) AS d
    WHERE figures_finding_months.month = d.month AND figures_finding_months.country = d.country;
  DELETE FROM figures_finding_months
    WHERE n = 0 AND (month, country) IN
      (SELECT month, country FROM figures_finding_rows
       WHERE finding_id = old.id);
  UPDATE figures_indicator_sites SET n = figures_indicator_sites.n - d.n
    FROM (SELECT year, country, site_id, indicator_id,
                  count (*) AS n FROM figures_indicator_rows
          WHERE finding_id = old.id
          GROUP BY year, country, site_id, indicator_id) AS d
    WHERE figures_indicator_sites.year = d.year AND
      figures_indicator_sites.country = d.country AND
      figures_indicator_sites.site_id = d.site_id AND
      figures_indicator_sites.indicator_id = d.indicator_id;
  DELETE FROM figures_indicator_sites
    WHERE n = 0 AND (year, country, site_id, indicator_id) IN
      (SELECT year, country, site_id, indicator_id FROM figures_indicator_rows
       WHERE finding_id = old.id);
  UPDATE figures_actions_due SET n = figures_actions_due.n - d.n
    FROM (SELECT month, country, status, count (*) AS n FROM figures_due_rows
          WHERE finding_id = old.id
          GROUP BY month, country, status) AS d
    WHERE figures_actions_due.month = d.month AND figures_actions_due.country = d.country AND
      figures_actions_due.status = d.status;
  DELETE FROM figures_actions_due
    WHERE n = 0 AND (month, country, status) IN
      (SELECT month, country, status FROM figures_due_rows
       WHERE finding_id = old.id);
  UPDATE figures_actions_completed SET n = figures_actions_completed.n - d.n,
      amount_n = figures_actions_completed.amount_n - d.amount_n,
      amount_minor = figures_actions_completed.amount_minor - d.amount_minor,
      b_total = figures_actions_completed.b_total - d.b_total,
      b_women = figures_actions_completed.b_women - d.b_women,
      b_migrant = figures_actions_completed.b_migrant - d.b_migrant,
      b_agency = figures_actions_completed.b_agency - d.b_agency,
      b_student = figures_actions_completed.b_student - d.b_student,
      b_young = figures_actions_completed.b_young - d.b_young
    FROM (SELECT month, country, status, remedy_type, currency, count (*) AS n,
                  sum (amount_n) AS amount_n, sum (amount_minor) AS amount_minor,
                  sum (b_total) AS b_total, sum (b_women) AS b_women,
                  sum (b_migrant) AS b_migrant, sum (b_agency) AS b_agency,
                  sum (b_student) AS b_student,
                  sum (b_young) AS b_young FROM figures_completed_rows
          WHERE finding_id = old.id
          GROUP BY month, country, status, remedy_type, currency) AS d
    WHERE figures_actions_completed.month = d.month AND
      figures_actions_completed.country = d.country AND
      figures_actions_completed.status = d.status AND
      figures_actions_completed.remedy_type = d.remedy_type AND
      figures_actions_completed.currency = d.currency;
  DELETE FROM figures_actions_completed
    WHERE n = 0 AND (month, country, status, remedy_type, currency) IN
      (SELECT month, country, status, remedy_type, currency FROM figures_completed_rows
       WHERE finding_id = old.id);
  UPDATE figures_closure SET n = figures_closure.n - d.n,
      by_workers = figures_closure.by_workers - d.by_workers
    FROM (SELECT year, days, country, count (*) AS n,
                  sum (by_workers) AS by_workers FROM figures_closure_rows
          WHERE finding_id = old.id
          GROUP BY year, days, country) AS d
    WHERE figures_closure.year = d.year AND figures_closure.days = d.days AND
      figures_closure.country = d.country;
  DELETE FROM figures_closure
    WHERE n = 0 AND (year, days, country) IN
      (SELECT year, days, country FROM figures_closure_rows
       WHERE finding_id = old.id);
  UPDATE figures_closure_days SET n = figures_closure_days.n - d.n,
      by_workers = figures_closure_days.by_workers - d.by_workers
    FROM (SELECT year, days, count (*) AS n,
                  sum (by_workers) AS by_workers FROM figures_closure_rows
          WHERE finding_id = old.id
          GROUP BY year, days) AS d
    WHERE figures_closure_days.year = d.year AND figures_closure_days.days = d.days;
  DELETE FROM figures_closure_days
    WHERE n = 0 AND (year, days) IN
      (SELECT year, days FROM figures_closure_rows
       WHERE finding_id = old.id);
END;

CREATE TRIGGER IF NOT EXISTS figures_findings_bu
  BEFORE UPDATE OF site_id, first_observed, theme, severity
  ON findings BEGIN
  UPDATE figures_finding_cells SET n = figures_finding_cells.n - d.n
    FROM (SELECT month, theme, severity, country, count (*) AS n FROM figures_finding_rows
          WHERE finding_id = old.id
          GROUP BY month, theme, severity, country) AS d
    WHERE figures_finding_cells.month = d.month AND figures_finding_cells.theme = d.theme AND
      figures_finding_cells.severity = d.severity AND figures_finding_cells.country = d.country;
  DELETE FROM figures_finding_cells
    WHERE n = 0 AND (month, theme, severity, country) IN
      (SELECT month, theme, severity, country FROM figures_finding_rows
       WHERE finding_id = old.id);
  UPDATE figures_findings SET n = figures_findings.n - d.n
    FROM (SELECT year, theme, severity, country, count (*) AS n FROM figures_finding_rows
          WHERE finding_id = old.id
          GROUP BY year, theme, severity, country) AS d
    WHERE figures_findings.year = d.year AND figures_findings.theme = d.theme AND
      figures_findings.severity = d.severity AND figures_findings.country = d.country;
  DELETE FROM figures_findings
    WHERE n = 0 AND (year, theme, severity, country) IN
      (SELECT year, theme, severity, country FROM figures_finding_rows
       WHERE finding_id = old.id);
  UPDATE figures_finding_months SET n = figures_finding_months.n - d.n
    FROM (SELECT month, country, count (*) AS n FROM figures_finding_rows
          WHERE finding_id = old.id
          GROUP BY month, country) AS d
    WHERE figures_finding_months.month = d.month AND figures_finding_months.country = d.country;
  DELETE FROM figures_finding_months
    WHERE n = 0 AND (month, country) IN
      (SELECT month, country FROM figures_finding_rows
       WHERE finding_id = old.id);
  UPDATE figures_indicator_sites SET n = figures_indicator_sites.n - d.n
    FROM (SELECT year, country, site_id, indicator_id,
                  count (*) AS n FROM figures_indicator_rows
          WHERE finding_id = old.id
          GROUP BY year, country, site_id, indicator_id) AS d
    WHERE figures_indicator_sites.year = d.year AND
      figures_indicator_sites.country = d.country AND
      figures_indicator_sites.site_id = d.site_id AND
      figures_indicator_sites.indicator_id = d.indicator_id;
  DELETE FROM figures_indicator_sites
    WHERE n = 0 AND (year, country, site_id, indicator_id) IN
      (SELECT year, country, site_id, indicator_id FROM figures_indicator_rows
       WHERE finding_id = old.id);
  UPDATE figures_actions_due SET n = figures_actions_due.n - d.n
    FROM (SELECT month, country, status, count (*) AS n FROM figures_due_rows
          WHERE finding_id = old.id
          GROUP BY month, country, status) AS d
    WHERE figures_actions_due.month = d.month AND figures_actions_due.country = d.country AND
      figures_actions_due.status = d.status;
  DELETE FROM figures_actions_due
    WHERE n = 0 AND (month, country, status) IN
      (SELECT month, country, status FROM figures_due_rows
       WHERE finding_id = old.id);
  UPDATE figures_actions_completed SET n = figures_actions_completed.n - d.n,
      amount_n = figures_actions_completed.amount_n - d.amount_n,
      amount_minor = figures_actions_completed.amount_minor - d.amount_minor,
      b_total = figures_actions_completed.b_total - d.b_total,
      b_women = figures_actions_completed.b_women - d.b_women,
      b_migrant = figures_actions_completed.b_migrant - d.b_migrant,
      b_agency = figures_actions_completed.b_agency - d.b_agency,
      b_student = figures_actions_completed.b_student - d.b_student,
      b_young = figures_actions_completed.b_young - d.b_young
    FROM (SELECT month, country, status, remedy_type, currency, count (*) AS n,
                  sum (amount_n) AS amount_n, sum (amount_minor) AS amount_minor,
                  sum (b_total) AS b_total, sum (b_women) AS b_women,
                  sum (b_migrant) AS b_migrant, sum (b_agency) AS b_agency,
                  sum (b_student) AS b_student,
                  sum (b_young) AS b_young FROM figures_completed_rows
          WHERE finding_id = old.id
          GROUP BY month, country, status, remedy_type, currency) AS d
    WHERE figures_actions_completed.month = d.month AND
      figures_actions_completed.country = d.country AND
      figures_actions_completed.status = d.status AND
      figures_actions_completed.remedy_type = d.remedy_type AND
      figures_actions_completed.currency = d.currency;
  DELETE FROM figures_actions_completed
    WHERE n = 0 AND (month, country, status, remedy_type, currency) IN
      (SELECT month, country, status, remedy_type, currency FROM figures_completed_rows
       WHERE finding_id = old.id);
  UPDATE figures_closure SET n = figures_closure.n - d.n,
      by_workers = figures_closure.by_workers - d.by_workers
    FROM (SELECT year, days, country, count (*) AS n,
                  sum (by_workers) AS by_workers FROM figures_closure_rows
          WHERE finding_id = old.id
          GROUP BY year, days, country) AS d
    WHERE figures_closure.year = d.year AND figures_closure.days = d.days AND
      figures_closure.country = d.country;
  DELETE FROM figures_closure
    WHERE n = 0 AND (year, days, country) IN
      (SELECT year, days, country FROM figures_closure_rows
       WHERE finding_id = old.id);
  UPDATE figures_closure_days SET n = figures_closure_days.n - d.n,
      by_workers = figures_closure_days.by_workers - d.by_workers
    FROM (SELECT year, days, count (*) AS n,
                  sum (by_workers) AS by_workers FROM figures_closure_rows
          WHERE finding_id = old.id
          GROUP BY year, days) AS d
    WHERE figures_closure_days.year = d.year AND figures_closure_days.days = d.days;
  DELETE FROM figures_closure_days
    WHERE n = 0 AND (year, days) IN
      (SELECT year, days FROM figures_closure_rows
       WHERE finding_id = old.id);
END;

CREATE TRIGGER IF NOT EXISTS figures_findings_au
  AFTER UPDATE OF site_id, first_observed, theme, severity
  ON findings BEGIN
  INSERT INTO figures_finding_cells (month, theme, severity, country, n)
    SELECT month, theme, severity, country, count (*) FROM figures_finding_rows
    WHERE finding_id = new.id
    GROUP BY month, theme, severity, country
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO figures_findings (year, theme, severity, country, n)
    SELECT year, theme, severity, country, count (*) FROM figures_finding_rows
    WHERE finding_id = new.id
    GROUP BY year, theme, severity, country
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO figures_finding_months (month, country, n)
    SELECT month, country, count (*) FROM figures_finding_rows
    WHERE finding_id = new.id
    GROUP BY month, country
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO figures_indicator_sites (year, country, site_id, indicator_id, n)
    SELECT year, country, site_id, indicator_id, count (*) FROM figures_indicator_rows
    WHERE finding_id = new.id
    GROUP BY year, country, site_id, indicator_id
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO figures_actions_due (month, country, status, n)
    SELECT month, country, status, count (*) FROM figures_due_rows
    WHERE finding_id = new.id
    GROUP BY month, country, status
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO figures_actions_completed (month, country, status, remedy_type, currency, n,
    amount_n, amount_minor, b_total, b_women, b_migrant, b_agency, b_student, b_young)
    SELECT month, country, status, remedy_type, currency, count (*), sum (amount_n),
      sum (amount_minor), sum (b_total), sum (b_women), sum (b_migrant), sum (b_agency),
      sum (b_student), sum (b_young) FROM figures_completed_rows
    WHERE finding_id = new.id
    GROUP BY month, country, status, remedy_type, currency
    ON CONFLICT DO UPDATE SET n = n + excluded.n, amount_n = amount_n + excluded.amount_n,
      amount_minor = amount_minor + excluded.amount_minor, b_total = b_total + excluded.b_total,
      b_women = b_women + excluded.b_women, b_migrant = b_migrant + excluded.b_migrant,
      b_agency = b_agency + excluded.b_agency, b_student = b_student + excluded.b_student,
      b_young = b_young + excluded.b_young;
  INSERT INTO figures_closure (year, days, country, n, by_workers)
    SELECT year, days, country, count (*), sum (by_workers) FROM figures_closure_rows
    WHERE finding_id = new.id
    GROUP BY year, days, country
    ON CONFLICT DO UPDATE SET n = n + excluded.n, by_workers = by_workers + excluded.by_workers;
  INSERT INTO figures_closure_days (year, days, n, by_workers)
    SELECT year, days, count (*), sum (by_workers) FROM figures_closure_rows
    WHERE finding_id = new.id
    GROUP BY year, days
    ON CONFLICT DO UPDATE SET n = n + excluded.n, by_workers = by_workers + excluded.by_workers;
END;

-- Forced-labour indicators of a finding.
CREATE TRIGGER IF NOT EXISTS figures_indicators_ai AFTER INSERT ON finding_indicators BEGIN
  INSERT INTO figures_indicator_sites (year, country, site_id, indicator_id, n)
    SELECT year, country, site_id, indicator_id, count (*) FROM figures_indicator_rows
    WHERE finding_id = new.finding_id AND indicator_id = new.indicator_id
    GROUP BY year, country, site_id, indicator_id
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER IF NOT EXISTS figures_indicators_bd BEFORE DELETE ON finding_indicators BEGIN
  UPDATE figures_indicator_sites SET n = figures_indicator_sites.n - d.n
    FROM (SELECT year, country, site_id, indicator_id,
                  count (*) AS n FROM figures_indicator_rows
          WHERE finding_id = old.finding_id AND indicator_id = old.indicator_id
          GROUP BY year, country, site_id, indicator_id) AS d
    WHERE figures_indicator_sites.year = d.year AND
      figures_indicator_sites.country = d.country AND
      figures_indicator_sites.site_id = d.site_id AND
      figures_indicator_sites.indicator_id = d.indicator_id;
  DELETE FROM figures_indicator_sites
    WHERE n = 0 AND (year, country, site_id, indicator_id) IN
      (SELECT year, country, site_id, indicator_id FROM figures_indicator_rows
       WHERE finding_id = old.finding_id AND indicator_id = old.indicator_id);
END;

CREATE TRIGGER IF NOT EXISTS figures_indicators_bu
  BEFORE UPDATE OF finding_id, indicator_id
  ON finding_indicators BEGIN
  UPDATE figures_indicator_sites SET n = figures_indicator_sites.n - d.n
    FROM (SELECT year, country, site_id, indicator_id,
                  count (*) AS n FROM figures_indicator_rows
          WHERE finding_id = old.finding_id AND indicator_id = old.indicator_id
          GROUP BY year, country, site_id, indicator_id) AS d
    WHERE figures_indicator_sites.year = d.year AND
      figures_indicator_sites.country = d.country AND
      figures_indicator_sites.site_id = d.site_id AND
      figures_indicator_sites.indicator_id = d.indicator_id;
  DELETE FROM figures_indicator_sites
    WHERE n = 0 AND (year, country, site_id, indicator_id) IN
      (SELECT year, country, site_id, indicator_id FROM figures_indicator_rows
       WHERE finding_id = old.finding_id AND indicator_id = old.indicator_id);
END;

CREATE TRIGGER IF NOT EXISTS figures_indicators_au
  AFTER UPDATE OF finding_id, indicator_id
  ON finding_indicators BEGIN
  INSERT INTO figures_indicator_sites (year, country, site_id, indicator_id, n)
    SELECT year, country, site_id, indicator_id, count (*) FROM figures_indicator_rows
    WHERE finding_id = new.finding_id AND indicator_id = new.indicator_id
    GROUP BY year, country, site_id, indicator_id
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- Remediation actions.
CREATE TRIGGER IF NOT EXISTS figures_actions_ai AFTER INSERT ON remediation_actions BEGIN
  INSERT INTO figures_actions_due (month, country, status, n)
    SELECT month, country, status, count (*) FROM figures_due_rows
    WHERE action_id = new.id
    GROUP BY month, country, status
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO figures_actions_completed (month, country, status, remedy_type, currency, n,
    amount_n, amount_minor, b_total, b_women, b_migrant, b_agency, b_student, b_young)
    SELECT month, country, status, remedy_type, currency, count (*), sum (amount_n),
      sum (amount_minor), sum (b_total), sum (b_women), sum (b_migrant), sum (b_agency),
      sum (b_student), sum (b_young) FROM figures_completed_rows
    WHERE action_id = new.id
    GROUP BY month, country, status, remedy_type, currency
    ON CONFLICT DO UPDATE SET n = n + excluded.n, amount_n = amount_n + excluded.amount_n,
      amount_minor = amount_minor + excluded.amount_minor, b_total = b_total + excluded.b_total,
      b_women = b_women + excluded.b_women, b_migrant = b_migrant + excluded.b_migrant,
      b_agency = b_agency + excluded.b_agency, b_student = b_student + excluded.b_student,
      b_young = b_young + excluded.b_young;
  INSERT INTO figures_closure (year, days, country, n, by_workers)
    SELECT year, days, country, count (*), sum (by_workers) FROM figures_closure_rows
    WHERE action_id = new.id
    GROUP BY year, days, country
    ON CONFLICT DO UPDATE SET n = n + excluded.n, by_workers = by_workers + excluded.by_workers;
  INSERT INTO figures_closure_days (year, days, n, by_workers)
    SELECT year, days, count (*), sum (by_workers) FROM figures_closure_rows
    WHERE action_id = new.id
    GROUP BY year, days
    ON CONFLICT DO UPDATE SET n = n + excluded.n, by_workers = by_workers + excluded.by_workers;
END;

CREATE TRIGGER IF NOT EXISTS figures_actions_bd BEFORE DELETE ON remediation_actions BEGIN
  UPDATE figures_actions_due SET n = figures_actions_due.n - d.n
    FROM (SELECT month, country, status, count (*) AS n FROM figures_due_rows
          WHERE action_id = old.id
          GROUP BY month, country, status) AS d
    WHERE figures_actions_due.month = d.month AND figures_actions_due.country = d.country AND
      figures_actions_due.status = d.status;
  DELETE FROM figures_actions_due
    WHERE n = 0 AND (month, country, status) IN
      (SELECT month, country, status FROM figures_due_rows
       WHERE action_id = old.id);
  UPDATE figures_actions_completed SET n = figures_actions_completed.n - d.n,
      amount_n = figures_actions_completed.amount_n - d.amount_n,
      amount_minor = figures_actions_completed.amount_minor - d.amount_minor,
      b_total = figures_actions_completed.b_total - d.b_total,
      b_women = figures_actions_completed.b_women - d.b_women,
      b_migrant = figures_actions_completed.b_migrant - d.b_migrant,
      b_agency = figures_actions_completed.b_agency - d.b_agency,
      b_student = figures_actions_completed.b_student - d.b_student,
      b_young = figures_actions_completed.b_young - d.b_young
    FROM (SELECT month, country, status, remedy_type, currency, count (*) AS n,
                  sum (amount_n) AS amount_n, sum (amount_minor) AS amount_minor,
                  sum (b_total) AS b_total, sum (b_women) AS b_women,
                  sum (b_migrant) AS b_migrant, sum (b_agency) AS b_agency,
                  sum (b_student) AS b_student,
                  sum (b_young) AS b_young FROM figures_completed_rows
          WHERE action_id = old.id
          GROUP BY month, country, status, remedy_type, currency) AS d
    WHERE figures_actions_completed.month = d.month AND
      figures_actions_completed.country = d.country AND
      figures_actions_completed.status = d.status AND
      figures_actions_completed.remedy_type = d.remedy_type AND
      figures_actions_completed.currency = d.currency;
  DELETE FROM figures_actions_completed
    WHERE n = 0 AND (month, country, status, remedy_type, currency) IN
      (SELECT month, country, status, remedy_type, currency FROM figures_completed_rows
       WHERE action_id = old.id);
  UPDATE figures_closure SET n = figures_closure.n - d.n,
      by_workers = figures_closure.by_workers - d.by_workers
    FROM (SELECT year, days, country, count (*) AS n,
                  sum (by_workers) AS by_workers FROM figures_closure_rows
          WHERE action_id = old.id
          GROUP BY year, days, country) AS d
    WHERE figures_closure.year = d.year AND figures_closure.days = d.days AND
      figures_closure.country = d.country;
  DELETE FROM figures_closure
    WHERE n = 0 AND (year, days, country) IN
      (SELECT year, days, country FROM figures_closure_rows
       WHERE action_id = old.id);
  UPDATE figures_closure_days SET n = figures_closure_days.n - d.n,
      by_workers = figures_closure_days.by_workers - d.by_workers
    FROM (SELECT year, days, count (*) AS n,
                  sum (by_workers) AS by_workers FROM figures_closure_rows
          WHERE action_id = old.id
          GROUP BY year, days) AS d
    WHERE figures_closure_days.year = d.year AND figures_closure_days.days = d.days;
  DELETE FROM figures_closure_days
    WHERE n = 0 AND (year, days) IN
      (SELECT year, days FROM figures_closure_rows
       WHERE action_id = old.id);
END;

CREATE TRIGGER IF NOT EXISTS figures_actions_bu
  BEFORE UPDATE OF finding_id, status, due_on, completed_on, opened_on,
  remedy_type, currency, amount_minor, beneficiaries_total, beneficiaries_women,
  beneficiaries_migrant, beneficiaries_agency, beneficiaries_student, beneficiaries_young
  ON remediation_actions BEGIN
  UPDATE figures_actions_due SET n = figures_actions_due.n - d.n
    FROM (SELECT month, country, status, count (*) AS n FROM figures_due_rows
          WHERE action_id = old.id
          GROUP BY month, country, status) AS d
    WHERE figures_actions_due.month = d.month AND figures_actions_due.country = d.country AND
      figures_actions_due.status = d.status;
  DELETE FROM figures_actions_due
    WHERE n = 0 AND (month, country, status) IN
      (SELECT month, country, status FROM figures_due_rows
       WHERE action_id = old.id);
  UPDATE figures_actions_completed SET n = figures_actions_completed.n - d.n,
      amount_n = figures_actions_completed.amount_n - d.amount_n,
      amount_minor = figures_actions_completed.amount_minor - d.amount_minor,
      b_total = figures_actions_completed.b_total - d.b_total,
      b_women = figures_actions_completed.b_women - d.b_women,
      b_migrant = figures_actions_completed.b_migrant - d.b_migrant,
      b_agency = figures_actions_completed.b_agency - d.b_agency,
      b_student = figures_actions_completed.b_student - d.b_student,
      b_young = figures_actions_completed.b_young - d.b_young
    FROM (SELECT month, country, status, remedy_type, currency, count (*) AS n,
                  sum (amount_n) AS amount_n, sum (amount_minor) AS amount_minor,
                  sum (b_total) AS b_total, sum (b_women) AS b_women,
                  sum (b_migrant) AS b_migrant, sum (b_agency) AS b_agency,
                  sum (b_student) AS b_student,
                  sum (b_young) AS b_young FROM figures_completed_rows
          WHERE action_id = old.id
          GROUP BY month, country, status, remedy_type, currency) AS d
    WHERE figures_actions_completed.month = d.month AND
      figures_actions_completed.country = d.country AND
      figures_actions_completed.status = d.status AND
      figures_actions_completed.remedy_type = d.remedy_type AND
      figures_actions_completed.currency = d.currency;
  DELETE FROM figures_actions_completed
    WHERE n = 0 AND (month, country, status, remedy_type, currency) IN
      (SELECT month, country, status, remedy_type, currency FROM figures_completed_rows
       WHERE action_id = old.id);
  UPDATE figures_closure SET n = figures_closure.n - d.n,
      by_workers = figures_closure.by_workers - d.by_workers
    FROM (SELECT year, days, country, count (*) AS n,
                  sum (by_workers) AS by_workers FROM figures_closure_rows
          WHERE action_id = old.id
          GROUP BY year, days, country) AS d
    WHERE figures_closure.year = d.year AND figures_closure.days = d.days AND
      figures_closure.country = d.country;
  DELETE FROM figures_closure
    WHERE n = 0 AND (year, days, country) IN
      (SELECT year, days, country FROM figures_closure_rows
       WHERE action_id = old.id);
  UPDATE figures_closure_days SET n = figures_closure_days.n - d.n,
      by_workers = figures_closure_days.by_workers - d.by_workers
    FROM (SELECT year, days, count (*) AS n,
                  sum (by_workers) AS by_workers FROM figures_closure_rows
          WHERE action_id = old.id
          GROUP BY year, days) AS d
    WHERE figures_closure_days.year = d.year AND figures_closure_days.days = d.days;
  DELETE FROM figures_closure_days
    WHERE n = 0 AND (year, days) IN
      (SELECT year, days FROM figures_closure_rows
       WHERE action_id = old.id);
END;

CREATE TRIGGER IF NOT EXISTS figures_actions_au
  AFTER UPDATE OF finding_id, status, due_on, completed_on, opened_on,
  remedy_type, currency, amount_minor, beneficiaries_total, beneficiaries_women,
  beneficiaries_migrant, beneficiaries_agency, beneficiaries_student, beneficiaries_young
  ON remediation_actions BEGIN
  INSERT INTO figures_actions_due (month, country, status, n)
    SELECT month, country, status, count (*) FROM figures_due_rows
    WHERE action_id = new.id
    GROUP BY month, country, status
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO figures_actions_completed (month, country, status, remedy_type, currency, n,
    amount_n, amount_minor, b_total, b_women, b_migrant, b_agency, b_student, b_young)
    SELECT month, country, status, remedy_type, currency, count (*), sum (amount_n),
      sum (amount_minor), sum (b_total), sum (b_women), sum (b_migrant), sum (b_agency),
      sum (b_student), sum (b_young) FROM figures_completed_rows
    WHERE action_id = new.id
    GROUP BY month, country, status, remedy_type, currency
    ON CONFLICT DO UPDATE SET n = n + excluded.n, amount_n = amount_n + excluded.amount_n,
      amount_minor = amount_minor + excluded.amount_minor, b_total = b_total + excluded.b_total,
      b_women = b_women + excluded.b_women, b_migrant = b_migrant + excluded.b_migrant,
      b_agency = b_agency + excluded.b_agency, b_student = b_student + excluded.b_student,
      b_young = b_young + excluded.b_young;
  INSERT INTO figures_closure (year, days, country, n, by_workers)
    SELECT year, days, country, count (*), sum (by_workers) FROM figures_closure_rows
    WHERE action_id = new.id
    GROUP BY year, days, country
    ON CONFLICT DO UPDATE SET n = n + excluded.n, by_workers = by_workers + excluded.by_workers;
  INSERT INTO figures_closure_days (year, days, n, by_workers)
    SELECT year, days, count (*), sum (by_workers) FROM figures_closure_rows
    WHERE action_id = new.id
    GROUP BY year, days
    ON CONFLICT DO UPDATE SET n = n + excluded.n, by_workers = by_workers + excluded.by_workers;
END;

-- Status history: only a passage through verified_by_workers changes a figure (a closed
-- action verified by workers).
CREATE TRIGGER IF NOT EXISTS figures_history_bi
  BEFORE INSERT
  ON remediation_status_history
  WHEN new.to_status = 'verified_by_workers' BEGIN
  UPDATE figures_closure SET n = figures_closure.n - d.n,
      by_workers = figures_closure.by_workers - d.by_workers
    FROM (SELECT year, days, country, count (*) AS n,
                  sum (by_workers) AS by_workers FROM figures_closure_rows
          WHERE action_id = new.action_id
          GROUP BY year, days, country) AS d
    WHERE figures_closure.year = d.year AND figures_closure.days = d.days AND
      figures_closure.country = d.country;
  DELETE FROM figures_closure
    WHERE n = 0 AND (year, days, country) IN
      (SELECT year, days, country FROM figures_closure_rows
       WHERE action_id = new.action_id);
  UPDATE figures_closure_days SET n = figures_closure_days.n - d.n,
      by_workers = figures_closure_days.by_workers - d.by_workers
    FROM (SELECT year, days, count (*) AS n,
                  sum (by_workers) AS by_workers FROM figures_closure_rows
          WHERE action_id = new.action_id
          GROUP BY year, days) AS d
    WHERE figures_closure_days.year = d.year AND figures_closure_days.days = d.days;
  DELETE FROM figures_closure_days
    WHERE n = 0 AND (year, days) IN
      (SELECT year, days FROM figures_closure_rows
       WHERE action_id = new.action_id);
END;

CREATE TRIGGER IF NOT EXISTS figures_history_ai AFTER INSERT ON remediation_status_history
  WHEN new.to_status = 'verified_by_workers' BEGIN
  INSERT INTO figures_closure (year, days, country, n, by_workers)
    SELECT year, days, country, count (*), sum (by_workers) FROM figures_closure_rows
    WHERE action_id = new.action_id
    GROUP BY year, days, country
    ON CONFLICT DO UPDATE SET n = n + excluded.n, by_workers = by_workers + excluded.by_workers;
  INSERT INTO figures_closure_days (year, days, n, by_workers)
    SELECT year, days, count (*), sum (by_workers) FROM figures_closure_rows
    WHERE action_id = new.action_id
    GROUP BY year, days
    ON CONFLICT DO UPDATE SET n = n + excluded.n, by_workers = by_workers + excluded.by_workers;
END;

CREATE TRIGGER IF NOT EXISTS figures_history_bd
  BEFORE DELETE
  ON remediation_status_history
  WHEN old.to_status = 'verified_by_workers' BEGIN
  UPDATE figures_closure SET n = figures_closure.n - d.n,
      by_workers = figures_closure.by_workers - d.by_workers
    FROM (SELECT year, days, country, count (*) AS n,
                  sum (by_workers) AS by_workers FROM figures_closure_rows
          WHERE action_id = old.action_id
          GROUP BY year, days, country) AS d
    WHERE figures_closure.year = d.year AND figures_closure.days = d.days AND
      figures_closure.country = d.country;
  DELETE FROM figures_closure
    WHERE n = 0 AND (year, days, country) IN
      (SELECT year, days, country FROM figures_closure_rows
       WHERE action_id = old.action_id);
  UPDATE figures_closure_days SET n = figures_closure_days.n - d.n,
      by_workers = figures_closure_days.by_workers - d.by_workers
    FROM (SELECT year, days, count (*) AS n,
                  sum (by_workers) AS by_workers FROM figures_closure_rows
          WHERE action_id = old.action_id
          GROUP BY year, days) AS d
    WHERE figures_closure_days.year = d.year AND figures_closure_days.days = d.days;
  DELETE FROM figures_closure_days
    WHERE n = 0 AND (year, days) IN
      (SELECT year, days FROM figures_closure_rows
       WHERE action_id = old.action_id);
END;

CREATE TRIGGER IF NOT EXISTS figures_history_ad AFTER DELETE ON remediation_status_history
  WHEN old.to_status = 'verified_by_workers' BEGIN
  INSERT INTO figures_closure (year, days, country, n, by_workers)
    SELECT year, days, country, count (*), sum (by_workers) FROM figures_closure_rows
    WHERE action_id = old.action_id
    GROUP BY year, days, country
    ON CONFLICT DO UPDATE SET n = n + excluded.n, by_workers = by_workers + excluded.by_workers;
  INSERT INTO figures_closure_days (year, days, n, by_workers)
    SELECT year, days, count (*), sum (by_workers) FROM figures_closure_rows
    WHERE action_id = old.action_id
    GROUP BY year, days
    ON CONFLICT DO UPDATE SET n = n + excluded.n, by_workers = by_workers + excluded.by_workers;
END;

CREATE TRIGGER IF NOT EXISTS figures_history_bu
  BEFORE UPDATE OF action_id, to_status
  ON remediation_status_history
  WHEN old.to_status = 'verified_by_workers' OR new.to_status = 'verified_by_workers' BEGIN
  UPDATE figures_closure SET n = figures_closure.n - d.n,
      by_workers = figures_closure.by_workers - d.by_workers
    FROM (SELECT year, days, country, count (*) AS n,
                  sum (by_workers) AS by_workers FROM figures_closure_rows
          WHERE action_id IN (old.action_id, new.action_id)
          GROUP BY year, days, country) AS d
    WHERE figures_closure.year = d.year AND figures_closure.days = d.days AND
      figures_closure.country = d.country;
  DELETE FROM figures_closure
    WHERE n = 0 AND (year, days, country) IN
      (SELECT year, days, country FROM figures_closure_rows
       WHERE action_id IN (old.action_id, new.action_id));
  UPDATE figures_closure_days SET n = figures_closure_days.n - d.n,
      by_workers = figures_closure_days.by_workers - d.by_workers
    FROM (SELECT year, days, count (*) AS n,
                  sum (by_workers) AS by_workers FROM figures_closure_rows
          WHERE action_id IN (old.action_id, new.action_id)
          GROUP BY year, days) AS d
    WHERE figures_closure_days.year = d.year AND figures_closure_days.days = d.days;
  DELETE FROM figures_closure_days
    WHERE n = 0 AND (year, days) IN
      (SELECT year, days FROM figures_closure_rows
       WHERE action_id IN (old.action_id, new.action_id));
END;

CREATE TRIGGER IF NOT EXISTS figures_history_au
  AFTER UPDATE OF action_id, to_status
  ON remediation_status_history
  WHEN old.to_status = 'verified_by_workers' OR new.to_status = 'verified_by_workers' BEGIN
  INSERT INTO figures_closure (year, days, country, n, by_workers)
    SELECT year, days, country, count (*), sum (by_workers) FROM figures_closure_rows
    WHERE action_id IN (old.action_id, new.action_id)
    GROUP BY year, days, country
    ON CONFLICT DO UPDATE SET n = n + excluded.n, by_workers = by_workers + excluded.by_workers;
  INSERT INTO figures_closure_days (year, days, n, by_workers)
    SELECT year, days, count (*), sum (by_workers) FROM figures_closure_rows
    WHERE action_id IN (old.action_id, new.action_id)
    GROUP BY year, days
    ON CONFLICT DO UPDATE SET n = n + excluded.n, by_workers = by_workers + excluded.by_workers;
END;

-- Investigation activities.
CREATE TRIGGER IF NOT EXISTS figures_activities_ai
  AFTER INSERT
  ON investigation_activities BEGIN
  INSERT INTO figures_activities (year, country, method, n, participants, women, migrant)
    SELECT year, country, method, count (*), sum (participants), sum (women),
      sum (migrant) FROM figures_activity_rows
    WHERE activity_id = new.id
    GROUP BY year, country, method
    ON CONFLICT DO UPDATE SET n = n + excluded.n,
      participants = participants + excluded.participants, women = women + excluded.women,
      migrant = migrant + excluded.migrant;
  INSERT INTO figures_activity_investigations (year, method, country, investigation_id, n,
    participants, women, migrant)
    SELECT year, method, country, investigation_id, count (*), sum (participants), sum (women),
      sum (migrant) FROM figures_activity_rows
    WHERE activity_id = new.id
    GROUP BY year, method, country, investigation_id
    ON CONFLICT DO UPDATE SET n = n + excluded.n,
      participants = participants + excluded.participants, women = women + excluded.women,
      migrant = migrant + excluded.migrant;
END;

CREATE TRIGGER IF NOT EXISTS figures_activities_bd
  BEFORE DELETE
  ON investigation_activities BEGIN
  UPDATE figures_activities SET n = figures_activities.n - d.n,
      participants = figures_activities.participants - d.participants,
      women = figures_activities.women - d.women,
      migrant = figures_activities.migrant - d.migrant
    FROM (SELECT year, country, method, count (*) AS n, sum (participants) AS participants,
                  sum (women) AS women, sum (migrant) AS migrant FROM figures_activity_rows
          WHERE activity_id = old.id
          GROUP BY year, country, method) AS d
    WHERE figures_activities.year = d.year AND figures_activities.country = d.country AND
      figures_activities.method = d.method;
  DELETE FROM figures_activities
    WHERE n = 0 AND (year, country, method) IN
      (SELECT year, country, method FROM figures_activity_rows
       WHERE activity_id = old.id);
  UPDATE figures_activity_investigations SET n = figures_activity_investigations.n - d.n,
      participants = figures_activity_investigations.participants - d.participants,
      women = figures_activity_investigations.women - d.women,
      migrant = figures_activity_investigations.migrant - d.migrant
    FROM (SELECT year, method, country, investigation_id, count (*) AS n,
                  sum (participants) AS participants, sum (women) AS women,
                  sum (migrant) AS migrant FROM figures_activity_rows
          WHERE activity_id = old.id
          GROUP BY year, method, country, investigation_id) AS d
    WHERE figures_activity_investigations.year = d.year AND
      figures_activity_investigations.method = d.method AND
      figures_activity_investigations.country = d.country AND
      figures_activity_investigations.investigation_id = d.investigation_id;
  DELETE FROM figures_activity_investigations
    WHERE n = 0 AND (year, method, country, investigation_id) IN
      (SELECT year, method, country, investigation_id FROM figures_activity_rows
       WHERE activity_id = old.id);
END;

CREATE TRIGGER IF NOT EXISTS figures_activities_bu
  BEFORE UPDATE OF investigation_id, method, start_date,
  participants_total, participants_women, participants_migrant
  ON investigation_activities BEGIN
  UPDATE figures_activities SET n = figures_activities.n - d.n,
      participants = figures_activities.participants - d.participants,
      women = figures_activities.women - d.women,
      migrant = figures_activities.migrant - d.migrant
    FROM (SELECT year, country, method, count (*) AS n, sum (participants) AS participants,
                  sum (women) AS women, sum (migrant) AS migrant FROM figures_activity_rows
          WHERE activity_id = old.id
          GROUP BY year, country, method) AS d
    WHERE figures_activities.year = d.year AND figures_activities.country = d.country AND
      figures_activities.method = d.method;
  DELETE FROM figures_activities
    WHERE n = 0 AND (year, country, method) IN
      (SELECT year, country, method FROM figures_activity_rows
       WHERE activity_id = old.id);
  UPDATE figures_activity_investigations SET n = figures_activity_investigations.n - d.n,
      participants = figures_activity_investigations.participants - d.participants,
      women = figures_activity_investigations.women - d.women,
      migrant = figures_activity_investigations.migrant - d.migrant
    FROM (SELECT year, method, country, investigation_id, count (*) AS n,
                  sum (participants) AS participants, sum (women) AS women,
                  sum (migrant) AS migrant FROM figures_activity_rows
          WHERE activity_id = old.id
          GROUP BY year, method, country, investigation_id) AS d
    WHERE figures_activity_investigations.year = d.year AND
      figures_activity_investigations.method = d.method AND
      figures_activity_investigations.country = d.country AND
      figures_activity_investigations.investigation_id = d.investigation_id;
  DELETE FROM figures_activity_investigations
    WHERE n = 0 AND (year, method, country, investigation_id) IN
      (SELECT year, method, country, investigation_id FROM figures_activity_rows
       WHERE activity_id = old.id);
END;

CREATE TRIGGER IF NOT EXISTS figures_activities_au
  AFTER UPDATE OF investigation_id, method, start_date,
  participants_total, participants_women, participants_migrant
  ON investigation_activities BEGIN
  INSERT INTO figures_activities (year, country, method, n, participants, women, migrant)
    SELECT year, country, method, count (*), sum (participants), sum (women),
      sum (migrant) FROM figures_activity_rows
    WHERE activity_id = new.id
    GROUP BY year, country, method
    ON CONFLICT DO UPDATE SET n = n + excluded.n,
      participants = participants + excluded.participants, women = women + excluded.women,
      migrant = migrant + excluded.migrant;
  INSERT INTO figures_activity_investigations (year, method, country, investigation_id, n,
    participants, women, migrant)
    SELECT year, method, country, investigation_id, count (*), sum (participants), sum (women),
      sum (migrant) FROM figures_activity_rows
    WHERE activity_id = new.id
    GROUP BY year, method, country, investigation_id
    ON CONFLICT DO UPDATE SET n = n + excluded.n,
      participants = participants + excluded.participants, women = women + excluded.women,
      migrant = migrant + excluded.migrant;
END;

-- Investigations, and through them their activities.
CREATE TRIGGER IF NOT EXISTS figures_investigations_ai AFTER INSERT ON investigations BEGIN
  INSERT INTO figures_activities (year, country, method, n, participants, women, migrant)
    SELECT year, country, method, count (*), sum (participants), sum (women),
      sum (migrant) FROM figures_activity_rows
    WHERE investigation_id = new.id
    GROUP BY year, country, method
    ON CONFLICT DO UPDATE SET n = n + excluded.n,
      participants = participants + excluded.participants, women = women + excluded.women,
      migrant = migrant + excluded.migrant;
  INSERT INTO figures_activity_investigations (year, method, country, investigation_id, n,
    participants, women, migrant)
    SELECT year, method, country, investigation_id, count (*), sum (participants), sum (women),
      sum (migrant) FROM figures_activity_rows
    WHERE investigation_id = new.id
    GROUP BY year, method, country, investigation_id
    ON CONFLICT DO UPDATE SET n = n + excluded.n,
      participants = participants + excluded.participants, women = women + excluded.women,
      migrant = migrant + excluded.migrant;
  INSERT INTO figures_site_years (year, country, site_id, n)
    SELECT year, country, site_id, count (*) FROM figures_investigation_years
    WHERE investigation_id = new.id
    GROUP BY year, country, site_id
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO figures_partner_years (year, country, partner_id, n)
    SELECT year, country, partner_id, count (*) FROM figures_investigation_years
    WHERE partner_id IS NOT NULL AND investigation_id = new.id
    GROUP BY year, country, partner_id
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER IF NOT EXISTS figures_investigations_bd BEFORE DELETE ON investigations BEGIN
  UPDATE figures_activities SET n = figures_activities.n - d.n,
      participants = figures_activities.participants - d.participants,
      women = figures_activities.women - d.women,
      migrant = figures_activities.migrant - d.migrant
    FROM (SELECT year, country, method, count (*) AS n, sum (participants) AS participants,
                  sum (women) AS women, sum (migrant) AS migrant FROM figures_activity_rows
          WHERE investigation_id = old.id
          GROUP BY year, country, method) AS d
    WHERE figures_activities.year = d.year AND figures_activities.country = d.country AND
      figures_activities.method = d.method;
  DELETE FROM figures_activities
    WHERE n = 0 AND (year, country, method) IN
      (SELECT year, country, method FROM figures_activity_rows
       WHERE investigation_id = old.id);
  UPDATE figures_activity_investigations SET n = figures_activity_investigations.n - d.n,
      participants = figures_activity_investigations.participants - d.participants,
      women = figures_activity_investigations.women - d.women,
      migrant = figures_activity_investigations.migrant - d.migrant
    FROM (SELECT year, method, country, investigation_id, count (*) AS n,
                  sum (participants) AS participants, sum (women) AS women,
                  sum (migrant) AS migrant FROM figures_activity_rows
          WHERE investigation_id = old.id
          GROUP BY year, method, country, investigation_id) AS d
    WHERE figures_activity_investigations.year = d.year AND
      figures_activity_investigations.method = d.method AND
      figures_activity_investigations.country = d.country AND
      figures_activity_investigations.investigation_id = d.investigation_id;
  DELETE FROM figures_activity_investigations
    WHERE n = 0 AND (year, method, country, investigation_id) IN
      (SELECT year, method, country, investigation_id FROM figures_activity_rows
       WHERE investigation_id = old.id);
  UPDATE figures_site_years SET n = figures_site_years.n - d.n
    FROM (SELECT year, country, site_id, count (*) AS n FROM figures_investigation_years
          WHERE investigation_id = old.id
          GROUP BY year, country, site_id) AS d
    WHERE figures_site_years.year = d.year AND figures_site_years.country = d.country AND
      figures_site_years.site_id = d.site_id;
  DELETE FROM figures_site_years
    WHERE n = 0 AND (year, country, site_id) IN
      (SELECT year, country, site_id FROM figures_investigation_years
       WHERE investigation_id = old.id);
  UPDATE figures_partner_years SET n = figures_partner_years.n - d.n
    FROM (SELECT year, country, partner_id, count (*) AS n FROM figures_investigation_years
          WHERE partner_id IS NOT NULL AND investigation_id = old.id
          GROUP BY year, country, partner_id) AS d
    WHERE figures_partner_years.year = d.year AND figures_partner_years.country = d.country AND
      figures_partner_years.partner_id = d.partner_id;
  DELETE FROM figures_partner_years
    WHERE n = 0 AND (year, country, partner_id) IN
      (SELECT year, country, partner_id FROM figures_investigation_years
       WHERE partner_id IS NOT NULL AND investigation_id = old.id);
END;

CREATE TRIGGER IF NOT EXISTS figures_investigations_bu
  BEFORE UPDATE OF site_id, start_date, end_date, partner_id
  ON investigations BEGIN
  UPDATE figures_activities SET n = figures_activities.n - d.n,
      participants = figures_activities.participants - d.participants,
      women = figures_activities.women - d.women,
      migrant = figures_activities.migrant - d.migrant
    FROM (SELECT year, country, method, count (*) AS n, sum (participants) AS participants,
                  sum (women) AS women, sum (migrant) AS migrant FROM figures_activity_rows
          WHERE investigation_id = old.id
          GROUP BY year, country, method) AS d
    WHERE figures_activities.year = d.year AND figures_activities.country = d.country AND
      figures_activities.method = d.method;
  DELETE FROM figures_activities
    WHERE n = 0 AND (year, country, method) IN
      (SELECT year, country, method FROM figures_activity_rows
       WHERE investigation_id = old.id);
  UPDATE figures_activity_investigations SET n = figures_activity_investigations.n - d.n,
      participants = figures_activity_investigations.participants - d.participants,
      women = figures_activity_investigations.women - d.women,
      migrant = figures_activity_investigations.migrant - d.migrant
    FROM (SELECT year, method, country, investigation_id, count (*) AS n,
                  sum (participants) AS participants, sum (women) AS women,
                  sum (migrant) AS migrant FROM figures_activity_rows
          WHERE investigation_id = old.id
          GROUP BY year, method, country, investigation_id) AS d
    WHERE figures_activity_investigations.year = d.year AND
      figures_activity_investigations.method = d.method AND
      figures_activity_investigations.country = d.country AND
      figures_activity_investigations.investigation_id = d.investigation_id;
  DELETE FROM figures_activity_investigations
    WHERE n = 0 AND (year, method, country, investigation_id) IN
      (SELECT year, method, country, investigation_id FROM figures_activity_rows
       WHERE investigation_id = old.id);
  UPDATE figures_site_years SET n = figures_site_years.n - d.n
    FROM (SELECT year, country, site_id, count (*) AS n FROM figures_investigation_years
          WHERE investigation_id = old.id
          GROUP BY year, country, site_id) AS d
    WHERE figures_site_years.year = d.year AND figures_site_years.country = d.country AND
      figures_site_years.site_id = d.site_id;
  DELETE FROM figures_site_years
    WHERE n = 0 AND (year, country, site_id) IN
      (SELECT year, country, site_id FROM figures_investigation_years
       WHERE investigation_id = old.id);
  UPDATE figures_partner_years SET n = figures_partner_years.n - d.n
    FROM (SELECT year, country, partner_id, count (*) AS n FROM figures_investigation_years
          WHERE partner_id IS NOT NULL AND investigation_id = old.id
          GROUP BY year, country, partner_id) AS d
    WHERE figures_partner_years.year = d.year AND figures_partner_years.country = d.country AND
      figures_partner_years.partner_id = d.partner_id;
  DELETE FROM figures_partner_years
    WHERE n = 0 AND (year, country, partner_id) IN
      (SELECT year, country, partner_id FROM figures_investigation_years
       WHERE partner_id IS NOT NULL AND investigation_id = old.id);
END;

CREATE TRIGGER IF NOT EXISTS figures_investigations_au
  AFTER UPDATE OF site_id, start_date, end_date, partner_id
  ON investigations BEGIN
  INSERT INTO figures_activities (year, country, method, n, participants, women, migrant)
    SELECT year, country, method, count (*), sum (participants), sum (women),
      sum (migrant) FROM figures_activity_rows
    WHERE investigation_id = new.id
    GROUP BY year, country, method
    ON CONFLICT DO UPDATE SET n = n + excluded.n,
      participants = participants + excluded.participants, women = women + excluded.women,
      migrant = migrant + excluded.migrant;
  INSERT INTO figures_activity_investigations (year, method, country, investigation_id, n,
    participants, women, migrant)
    SELECT year, method, country, investigation_id, count (*), sum (participants), sum (women),
      sum (migrant) FROM figures_activity_rows
    WHERE investigation_id = new.id
    GROUP BY year, method, country, investigation_id
    ON CONFLICT DO UPDATE SET n = n + excluded.n,
      participants = participants + excluded.participants, women = women + excluded.women,
      migrant = migrant + excluded.migrant;
  INSERT INTO figures_site_years (year, country, site_id, n)
    SELECT year, country, site_id, count (*) FROM figures_investigation_years
    WHERE investigation_id = new.id
    GROUP BY year, country, site_id
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO figures_partner_years (year, country, partner_id, n)
    SELECT year, country, partner_id, count (*) FROM figures_investigation_years
    WHERE partner_id IS NOT NULL AND investigation_id = new.id
    GROUP BY year, country, partner_id
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- Links from contracts to sites.
CREATE TRIGGER IF NOT EXISTS figures_links_ai AFTER INSERT ON contract_sites BEGIN
  INSERT INTO figures_link_years (year, country, site_id, n)
    SELECT year, country, site_id, count (*) FROM figures_link_rows
    WHERE link_id = new.id
    GROUP BY year, country, site_id
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER IF NOT EXISTS figures_links_bd BEFORE DELETE ON contract_sites BEGIN
  UPDATE figures_link_years SET n = figures_link_years.n - d.n
    FROM (SELECT year, country, site_id, count (*) AS n FROM figures_link_rows
          WHERE link_id = old.id
          GROUP BY year, country, site_id) AS d
    WHERE figures_link_years.year = d.year AND figures_link_years.country = d.country AND
      figures_link_years.site_id = d.site_id;
  DELETE FROM figures_link_years
    WHERE n = 0 AND (year, country, site_id) IN
      (SELECT year, country, site_id FROM figures_link_rows
       WHERE link_id = old.id);
END;

CREATE TRIGGER IF NOT EXISTS figures_links_bu
  BEFORE UPDATE OF contract_id, site_id
  ON contract_sites BEGIN
  UPDATE figures_link_years SET n = figures_link_years.n - d.n
    FROM (SELECT year, country, site_id, count (*) AS n FROM figures_link_rows
          WHERE link_id = old.id
          GROUP BY year, country, site_id) AS d
    WHERE figures_link_years.year = d.year AND figures_link_years.country = d.country AND
      figures_link_years.site_id = d.site_id;
  DELETE FROM figures_link_years
    WHERE n = 0 AND (year, country, site_id) IN
      (SELECT year, country, site_id FROM figures_link_rows
       WHERE link_id = old.id);
END;

CREATE TRIGGER IF NOT EXISTS figures_links_au
  AFTER UPDATE OF contract_id, site_id
  ON contract_sites BEGIN
  INSERT INTO figures_link_years (year, country, site_id, n)
    SELECT year, country, site_id, count (*) FROM figures_link_rows
    WHERE link_id = new.id
    GROUP BY year, country, site_id
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- Contracts, and through them their links.
CREATE TRIGGER IF NOT EXISTS figures_contracts_ai AFTER INSERT ON contracts BEGIN
  INSERT INTO figures_link_years (year, country, site_id, n)
    SELECT year, country, site_id, count (*) FROM figures_link_rows
    WHERE contract_id = new.id
    GROUP BY year, country, site_id
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER IF NOT EXISTS figures_contracts_bd BEFORE DELETE ON contracts BEGIN
  UPDATE figures_link_years SET n = figures_link_years.n - d.n
    FROM (SELECT year, country, site_id, count (*) AS n FROM figures_link_rows
          WHERE contract_id = old.id
          GROUP BY year, country, site_id) AS d
    WHERE figures_link_years.year = d.year AND figures_link_years.country = d.country AND
      figures_link_years.site_id = d.site_id;
  DELETE FROM figures_link_years
    WHERE n = 0 AND (year, country, site_id) IN
      (SELECT year, country, site_id FROM figures_link_rows
       WHERE contract_id = old.id);
END;

CREATE TRIGGER IF NOT EXISTS figures_contracts_bu
  BEFORE UPDATE OF start_date, end_date
  ON contracts BEGIN
  UPDATE figures_link_years SET n = figures_link_years.n - d.n
    FROM (SELECT year, country, site_id, count (*) AS n FROM figures_link_rows
          WHERE contract_id = old.id
          GROUP BY year, country, site_id) AS d
    WHERE figures_link_years.year = d.year AND figures_link_years.country = d.country AND
      figures_link_years.site_id = d.site_id;
  DELETE FROM figures_link_years
    WHERE n = 0 AND (year, country, site_id) IN
      (SELECT year, country, site_id FROM figures_link_rows
       WHERE contract_id = old.id);
END;

CREATE TRIGGER IF NOT EXISTS figures_contracts_au
  AFTER UPDATE OF start_date, end_date
  ON contracts BEGIN
  INSERT INTO figures_link_years (year, country, site_id, n)
    SELECT year, country, site_id, count (*) FROM figures_link_rows
    WHERE contract_id = new.id
    GROUP BY year, country, site_id
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- Summaries of summaries: a row that comes or goes in the first is counted in the second.
-- The distinct indicators of each site, then the sites by number of indicators.
CREATE TRIGGER IF NOT EXISTS figures_indicator_sites_ai
  AFTER INSERT
  ON figures_indicator_sites BEGIN
  INSERT INTO figures_indicator_counts (year, country, site_id, k)
    VALUES (new.year, new.country, new.site_id, 1)
    ON CONFLICT DO UPDATE SET k = k + 1;
END;

CREATE TRIGGER IF NOT EXISTS figures_indicator_sites_ad
  AFTER DELETE
  ON figures_indicator_sites BEGIN
  UPDATE figures_indicator_counts SET k = k - 1
    WHERE year = old.year AND country = old.country AND site_id = old.site_id;
  DELETE FROM figures_indicator_counts
    WHERE year = old.year AND country = old.country AND site_id = old.site_id AND k = 0;
END;

CREATE TRIGGER IF NOT EXISTS figures_indicator_counts_ai
  AFTER INSERT
  ON figures_indicator_counts BEGIN
  INSERT INTO figures_indicator_histogram (year, country, k, sites)
    VALUES (new.year, new.country, new.k, 1)
    ON CONFLICT DO UPDATE SET sites = sites + 1;
END;

CREATE TRIGGER IF NOT EXISTS figures_indicator_counts_au
  AFTER UPDATE OF k
  ON figures_indicator_counts BEGIN
  UPDATE figures_indicator_histogram SET sites = sites - 1
    WHERE year = old.year AND country = old.country AND k = old.k;
  DELETE FROM figures_indicator_histogram
    WHERE year = old.year AND country = old.country AND k = old.k AND sites = 0;
  INSERT INTO figures_indicator_histogram (year, country, k, sites)
    VALUES (new.year, new.country, new.k, 1)
    ON CONFLICT DO UPDATE SET sites = sites + 1;
END;

CREATE TRIGGER IF NOT EXISTS figures_indicator_counts_ad
  AFTER DELETE
  ON figures_indicator_counts BEGIN
  UPDATE figures_indicator_histogram SET sites = sites - 1
    WHERE year = old.year AND country = old.country AND k = old.k;
  DELETE FROM figures_indicator_histogram
    WHERE year = old.year AND country = old.country AND k = old.k AND sites = 0;
END;

-- The investigations that used each method.
CREATE TRIGGER IF NOT EXISTS figures_activity_investigations_ai
  AFTER INSERT
  ON figures_activity_investigations BEGIN
  INSERT INTO figures_method_investigations (year, country, method, n)
    VALUES (new.year, new.country, new.method, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER IF NOT EXISTS figures_activity_investigations_ad
  AFTER DELETE
  ON figures_activity_investigations BEGIN
  UPDATE figures_method_investigations SET n = n - 1
    WHERE year = old.year AND country = old.country AND method = old.method;
  DELETE FROM figures_method_investigations
    WHERE year = old.year AND country = old.country AND method = old.method AND n = 0;
END;

-- The sites linked in each year.
CREATE TRIGGER IF NOT EXISTS figures_link_years_ai AFTER INSERT ON figures_link_years BEGIN
  INSERT INTO figures_link_sites (year, country, n)
    VALUES (new.year, new.country, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER IF NOT EXISTS figures_link_years_ad AFTER DELETE ON figures_link_years BEGIN
  UPDATE figures_link_sites SET n = n - 1
    WHERE year = old.year AND country = old.country;
  DELETE FROM figures_link_sites
    WHERE year = old.year AND country = old.country AND n = 0;
END;

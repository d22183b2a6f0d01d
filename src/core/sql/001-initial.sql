-- Vigie schema version 1.
--
-- Conventions: dates are ISO-8601 text (YYYY-MM-DD), timestamps ISO-8601 UTC
-- (YYYY-MM-DDTHH:MM:SSZ), booleans are 0/1 integers, money is an integer number of
-- minor units plus an ISO 4217 code, enumerations are stable English codes.
-- Engine-specific parts (FTS5 virtual tables and their triggers) are at the end of
-- this file and in vigie-store-fts.c, so a second engine can replace only them.

-- ─── Reference data (loaded from data/ by vigie-reference.c) ──────────────────

CREATE TABLE countries (
  code        TEXT PRIMARY KEY CHECK (length (code) = 2 AND code = upper (code)),
  name        TEXT NOT NULL,
  region      TEXT NOT NULL DEFAULT ''
);

CREATE TABLE code_standards (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL,                 -- 'vigie' (the organisation's code), 'rba'
  version     TEXT NOT NULL,
  title       TEXT NOT NULL,
  to_verify   INTEGER NOT NULL DEFAULT 0 CHECK (to_verify IN (0, 1)),
  UNIQUE (code, version)
);

CREATE TABLE standards (
  id          INTEGER PRIMARY KEY,
  code_id     INTEGER NOT NULL REFERENCES code_standards (id),
  key         TEXT NOT NULL,                 -- 'forced_labour', 'A1', 'B3' ...
  parent_key  TEXT,                          -- theme of a sub-clause, section of a clause
  title       TEXT NOT NULL,
  sort_order  INTEGER NOT NULL DEFAULT 0,
  UNIQUE (code_id, key)
);

CREATE TABLE standard_mappings (
  standard_id INTEGER NOT NULL REFERENCES standards (id),
  mapped_id   INTEGER NOT NULL REFERENCES standards (id),
  PRIMARY KEY (standard_id, mapped_id)
);

CREATE TABLE fl_indicators (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,          -- 'abuse_of_vulnerability' ...
  title       TEXT NOT NULL,
  sort_order  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE ilo_conventions (
  code        TEXT PRIMARY KEY,              -- 'C029', 'P029', 'C105' ...
  title       TEXT NOT NULL,
  year        INTEGER,
  fundamental INTEGER NOT NULL DEFAULT 0 CHECK (fundamental IN (0, 1))
);

CREATE TABLE hazard_statements (
  code         TEXT PRIMARY KEY,             -- 'H300', 'EUH066'
  text         TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('physical', 'health', 'environmental', 'euh')),
  hazard_class TEXT NOT NULL DEFAULT '',
  category     TEXT NOT NULL DEFAULT '',
  pictogram    TEXT CHECK (pictogram IS NULL OR pictogram GLOB 'GHS0[1-9]'),
  signal_word  TEXT CHECK (signal_word IS NULL OR signal_word IN ('danger', 'warning')),
  deleted      INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);

-- ─── Organisations, contracts, disclosure ────────────────────────────────────

CREATE TABLE organisations (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  kind        TEXT NOT NULL CHECK (kind IN ('affiliate', 'consortium', 'brand', 'contractor',
                                            'employer', 'recruitment_agency',
                                            'monitoring_partner', 'union')),
  name        TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 200),
  country     TEXT REFERENCES countries (code),
  parent_id   INTEGER REFERENCES organisations (id) ON DELETE SET NULL,
  consortium_id INTEGER REFERENCES organisations (id) ON DELETE SET NULL,
  affiliated_on TEXT CHECK (affiliated_on IS NULL OR date (affiliated_on) = affiliated_on),
  notes       TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX organisations_kind_name ON organisations (kind, name);

CREATE TABLE sites (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 200),
  native_name   TEXT NOT NULL DEFAULT '' CHECK (length (native_name) <= 200),
  address       TEXT NOT NULL DEFAULT '' CHECK (length (address) <= 200),
  country       TEXT NOT NULL REFERENCES countries (code),
  latitude      REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
  longitude     REAL CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
  os_id         TEXT UNIQUE CHECK (os_id IS NULL OR length (os_id) = 15),
  parent_company TEXT NOT NULL DEFAULT '',
  employer      TEXT NOT NULL DEFAULT '',
  employer_id   INTEGER REFERENCES organisations (id) ON DELETE SET NULL,
  location_type TEXT NOT NULL DEFAULT 'final_assembly'
                CHECK (location_type IN ('final_assembly', 'component_manufacturing',
                                         'raw_material_processing', 'warehousing', 'office')),
  products      TEXT NOT NULL DEFAULT '',    -- comma-separated product codes, see vigie-vocab.c
  closed        INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),
  notes         TEXT NOT NULL DEFAULT '',    -- internal: never exported below 'internal'
  match_key     TEXT NOT NULL DEFAULT '',    -- normalised name|address|country, import matching
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX sites_name ON sites (name COLLATE NOCASE, id);
CREATE INDEX sites_country ON sites (country, name COLLATE NOCASE, id);
CREATE INDEX sites_location_type ON sites (location_type, id);
CREATE INDEX sites_match_key ON sites (match_key);

CREATE TABLE workforce_snapshots (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  site_id     INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
  as_of       TEXT NOT NULL CHECK (date (as_of) = as_of),
  source      TEXT NOT NULL CHECK (source IN ('employer', 'brand', 'monitor_estimate',
                                              'worker_survey', 'public')),
  total       INTEGER CHECK (total IS NULL OR total >= 0),
  total_min   INTEGER CHECK (total_min IS NULL OR total_min >= 0),
  total_max   INTEGER CHECK (total_max IS NULL OR total_max >= total_min),
  women       INTEGER CHECK (women IS NULL OR women >= 0),
  migrant     INTEGER CHECK (migrant IS NULL OR migrant >= 0),
  agency      INTEGER CHECK (agency IS NULL OR agency >= 0),
  temporary   INTEGER CHECK (temporary IS NULL OR temporary >= 0),
  student     INTEGER CHECK (student IS NULL OR student >= 0),
  under18     INTEGER CHECK (under18 IS NULL OR under18 >= 0),
  union_present INTEGER CHECK (union_present IS NULL OR union_present IN (0, 1)),
  notes       TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  CHECK (total IS NOT NULL OR total_max IS NOT NULL),
  CHECK (coalesce (women, 0) <= coalesce (total, total_max)),
  CHECK (coalesce (migrant, 0) <= coalesce (total, total_max)),
  CHECK (coalesce (agency, 0) <= coalesce (total, total_max)),
  CHECK (coalesce (temporary, 0) <= coalesce (total, total_max)),
  CHECK (coalesce (student, 0) <= coalesce (total, total_max)),
  CHECK (coalesce (under18, 0) <= coalesce (total, total_max))
);
CREATE INDEX workforce_site_date ON workforce_snapshots (site_id, as_of DESC, id DESC);

CREATE TABLE contracts (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE,
  reference     TEXT NOT NULL DEFAULT '',
  affiliate_id  INTEGER NOT NULL REFERENCES organisations (id),
  contractor_id INTEGER REFERENCES organisations (id),
  brand_id      INTEGER REFERENCES organisations (id),
  start_date    TEXT CHECK (start_date IS NULL OR date (start_date) = start_date),
  end_date      TEXT CHECK (end_date IS NULL OR date (end_date) = end_date),
  annual_spend_minor INTEGER CHECK (annual_spend_minor IS NULL OR annual_spend_minor >= 0),
  currency      TEXT CHECK (currency IS NULL OR (length (currency) = 3
                                                 AND currency = upper (currency))),
  notes         TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
  CHECK (annual_spend_minor IS NULL OR currency IS NOT NULL)
);
CREATE INDEX contracts_affiliate ON contracts (affiliate_id);
CREATE INDEX contracts_contractor ON contracts (contractor_id);
CREATE INDEX contracts_brand ON contracts (brand_id);

CREATE TABLE contract_products (
  id          INTEGER PRIMARY KEY,
  contract_id INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
  model       TEXT NOT NULL,
  product     TEXT NOT NULL DEFAULT '',
  quantity    INTEGER CHECK (quantity IS NULL OR quantity >= 0)
);
CREATE INDEX contract_products_contract ON contract_products (contract_id);

CREATE TABLE contract_sites (
  id          INTEGER PRIMARY KEY,
  contract_id INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
  site_id     INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
  product_id  INTEGER REFERENCES contract_products (id) ON DELETE SET NULL,
  tier        TEXT NOT NULL CHECK (tier IN ('final_assembly', 'main_component',
                                            'other_component', 'raw_material')),
  source      TEXT NOT NULL CHECK (source IN ('contractor_disclosure', 'public_list',
                                              'monitor')),
  disclosed_on TEXT CHECK (disclosed_on IS NULL OR date (disclosed_on) = disclosed_on),
  UNIQUE (contract_id, site_id, tier)
);
CREATE INDEX contract_sites_site ON contract_sites (site_id);

CREATE TABLE disclosure_requests (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  contract_id  INTEGER REFERENCES contracts (id) ON DELETE CASCADE,
  organisation_id INTEGER NOT NULL REFERENCES organisations (id),
  subject      TEXT NOT NULL CHECK (subject IN ('site_names', 'component_sites',
                                                'compliance_findings', 'chemical_inventory',
                                                'factory_access', 'no_retaliation',
                                                'remediation_evidence')),
  tier         TEXT CHECK (tier IS NULL OR tier IN ('final_assembly', 'main_component',
                                                    'other_component', 'raw_material')),
  requested_on TEXT NOT NULL CHECK (date (requested_on) = requested_on),
  due_on       TEXT CHECK (due_on IS NULL OR date (due_on) = due_on),
  answered_on  TEXT CHECK (answered_on IS NULL OR date (answered_on) = answered_on),
  status       TEXT NOT NULL DEFAULT 'requested'
               CHECK (status IN ('requested', 'partial', 'complete', 'refused')),
  notes        TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  CHECK (due_on IS NULL OR due_on >= requested_on),
  CHECK (answered_on IS NULL OR answered_on >= requested_on)
);
CREATE INDEX disclosure_requests_org ON disclosure_requests (organisation_id, requested_on);

-- ─── Monitoring ──────────────────────────────────────────────────────────────

CREATE TABLE investigations (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  site_id     INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
  partner_id  INTEGER REFERENCES organisations (id) ON DELETE SET NULL,
  title       TEXT NOT NULL DEFAULT '',
  trigger     TEXT NOT NULL CHECK (trigger IN ('worker_complaint', 'risk_assessment',
                                               'leverage_priority', 'follow_up')),
  start_date  TEXT NOT NULL CHECK (date (start_date) = start_date),
  end_date    TEXT CHECK (end_date IS NULL OR date (end_date) = end_date),
  status      TEXT NOT NULL DEFAULT 'planned'
              CHECK (status IN ('planned', 'ongoing', 'reporting', 'engagement', 'closed')),
  notes       TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX investigations_site ON investigations (site_id, start_date DESC);
CREATE INDEX investigations_start ON investigations (start_date);

CREATE TABLE investigation_activities (
  id               INTEGER PRIMARY KEY,
  uuid             TEXT NOT NULL UNIQUE,
  investigation_id INTEGER NOT NULL REFERENCES investigations (id) ON DELETE CASCADE,
  method      TEXT NOT NULL CHECK (method IN ('offsite_interview', 'focus_group', 'survey',
                                              'hotline', 'document_review', 'payroll_review',
                                              'onsite_visit')),
  start_date  TEXT NOT NULL CHECK (date (start_date) = start_date),
  end_date    TEXT CHECK (end_date IS NULL OR date (end_date) = end_date),
  participants_total   INTEGER NOT NULL DEFAULT 0 CHECK (participants_total >= 0),
  participants_women   INTEGER NOT NULL DEFAULT 0 CHECK (participants_women >= 0),
  participants_migrant INTEGER NOT NULL DEFAULT 0 CHECK (participants_migrant >= 0),
  notes       TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  CHECK (end_date IS NULL OR end_date >= start_date),
  CHECK (participants_women <= participants_total),
  CHECK (participants_migrant <= participants_total)
);
CREATE INDEX activities_investigation ON investigation_activities (investigation_id);
CREATE INDEX activities_start ON investigation_activities (start_date);

CREATE TABLE findings (
  id               INTEGER PRIMARY KEY,
  uuid             TEXT NOT NULL UNIQUE,
  site_id          INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
  investigation_id INTEGER REFERENCES investigations (id) ON DELETE SET NULL,
  title            TEXT NOT NULL CHECK (length (title) BETWEEN 1 AND 300),
  description      TEXT NOT NULL DEFAULT '',
  theme            TEXT NOT NULL DEFAULT '',  -- key of the primary theme (denormalised, lists)
  severity         TEXT NOT NULL CHECK (severity IN ('critical', 'major', 'minor',
                                                     'observation')),
  kind             TEXT NOT NULL DEFAULT 'breach'
                   CHECK (kind IN ('breach', 'risk', 'good_practice')),
  workers_affected INTEGER CHECK (workers_affected IS NULL OR workers_affected >= 0),
  affects_women    INTEGER NOT NULL DEFAULT 0 CHECK (affects_women IN (0, 1)),
  affects_migrant  INTEGER NOT NULL DEFAULT 0 CHECK (affects_migrant IN (0, 1)),
  affects_agency   INTEGER NOT NULL DEFAULT 0 CHECK (affects_agency IN (0, 1)),
  affects_student  INTEGER NOT NULL DEFAULT 0 CHECK (affects_student IN (0, 1)),
  affects_young    INTEGER NOT NULL DEFAULT 0 CHECK (affects_young IN (0, 1)),
  first_observed   TEXT NOT NULL CHECK (date (first_observed) = first_observed),
  company_response TEXT NOT NULL DEFAULT '',
  disclosure_level TEXT NOT NULL DEFAULT 'internal'
                   CHECK (disclosure_level IN ('internal', 'workers', 'employer', 'brand',
                                               'affiliates', 'public')),
  status           TEXT NOT NULL DEFAULT 'open'
                   CHECK (status IN ('open', 'progress_made', 'closed', 'disputed')),
  closed_on        TEXT CHECK (closed_on IS NULL OR date (closed_on) = closed_on),
  notes            TEXT NOT NULL DEFAULT '',  -- internal notes
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);
CREATE INDEX findings_site ON findings (site_id, status, severity);
CREATE INDEX findings_first_observed ON findings (first_observed, id);
CREATE INDEX findings_severity ON findings (severity, id);
CREATE INDEX findings_status ON findings (status, id);
CREATE INDEX findings_theme ON findings (theme, severity);
CREATE INDEX findings_title ON findings (title COLLATE NOCASE, id);
CREATE INDEX findings_investigation ON findings (investigation_id);

CREATE TABLE finding_standards (
  finding_id  INTEGER NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
  standard_id INTEGER NOT NULL REFERENCES standards (id),
  PRIMARY KEY (finding_id, standard_id)
) WITHOUT ROWID;
CREATE INDEX finding_standards_standard ON finding_standards (standard_id, finding_id);

CREATE TABLE finding_indicators (
  finding_id   INTEGER NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
  indicator_id INTEGER NOT NULL REFERENCES fl_indicators (id),
  PRIMARY KEY (finding_id, indicator_id)
) WITHOUT ROWID;
CREATE INDEX finding_indicators_indicator ON finding_indicators (indicator_id, finding_id);

CREATE TABLE finding_conventions (
  finding_id      INTEGER NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
  convention_code TEXT NOT NULL REFERENCES ilo_conventions (code),
  PRIMARY KEY (finding_id, convention_code)
) WITHOUT ROWID;

CREATE TABLE evidence (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE,
  finding_id    INTEGER NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
  kind          TEXT NOT NULL CHECK (kind IN ('testimony', 'document', 'photo', 'payslip',
                                              'contract', 'measurement', 'public_source')),
  summary       TEXT NOT NULL DEFAULT '',
  sources_count INTEGER NOT NULL DEFAULT 1 CHECK (sources_count >= 0),
  pseudonym     TEXT,                         -- testimony only: never a real name
  consent_to_quote INTEGER NOT NULL DEFAULT 0 CHECK (consent_to_quote IN (0, 1)),
  collected_on  TEXT CHECK (collected_on IS NULL OR date (collected_on) = collected_on),
  file_name     TEXT,                         -- relative to the dataset's evidence folder
  file_sha256   TEXT CHECK (file_sha256 IS NULL OR length (file_sha256) = 64),
  file_size     INTEGER CHECK (file_size IS NULL OR file_size >= 0),
  media_type    TEXT,
  confidential  INTEGER NOT NULL DEFAULT 1 CHECK (confidential IN (0, 1)),
  notes         TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  CHECK (kind <> 'testimony' OR pseudonym IS NOT NULL),
  CHECK (file_name IS NULL OR (file_name NOT LIKE '/%' AND file_name NOT LIKE '%..%'))
);
CREATE INDEX evidence_finding ON evidence (finding_id);

CREATE TABLE remediation_actions (
  id                INTEGER PRIMARY KEY,
  uuid              TEXT NOT NULL UNIQUE,
  finding_id        INTEGER NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
  description       TEXT NOT NULL CHECK (length (description) >= 1),
  root_cause        TEXT NOT NULL DEFAULT '',
  preventive_action TEXT NOT NULL DEFAULT '',
  responsible_id    INTEGER REFERENCES organisations (id) ON DELETE SET NULL,
  remedy_type       TEXT NOT NULL DEFAULT 'corrective_only'
                    CHECK (remedy_type IN ('restitution', 'compensation', 'rehabilitation',
                                           'satisfaction', 'non_repetition',
                                           'corrective_only')),
  amount_minor      INTEGER CHECK (amount_minor IS NULL OR amount_minor >= 0),
  currency          TEXT CHECK (currency IS NULL OR (length (currency) = 3
                                                     AND currency = upper (currency))),
  beneficiaries_total   INTEGER CHECK (beneficiaries_total IS NULL OR beneficiaries_total >= 0),
  beneficiaries_women   INTEGER CHECK (beneficiaries_women IS NULL OR beneficiaries_women >= 0),
  beneficiaries_migrant INTEGER CHECK (beneficiaries_migrant IS NULL
                                       OR beneficiaries_migrant >= 0),
  beneficiaries_agency  INTEGER CHECK (beneficiaries_agency IS NULL
                                       OR beneficiaries_agency >= 0),
  beneficiaries_student INTEGER CHECK (beneficiaries_student IS NULL
                                       OR beneficiaries_student >= 0),
  beneficiaries_young   INTEGER CHECK (beneficiaries_young IS NULL OR beneficiaries_young >= 0),
  opened_on         TEXT NOT NULL CHECK (date (opened_on) = opened_on),
  plan_due_on       TEXT CHECK (plan_due_on IS NULL OR date (plan_due_on) = plan_due_on),
  due_on            TEXT CHECK (due_on IS NULL OR date (due_on) = due_on),
  completed_on      TEXT CHECK (completed_on IS NULL OR date (completed_on) = completed_on),
  status            TEXT NOT NULL DEFAULT 'proposed'
                    CHECK (status IN ('proposed', 'plan_submitted', 'plan_accepted',
                                      'plan_rejected', 'in_progress', 'reported_complete',
                                      'verified_by_workers', 'verified_by_monitor', 'closed',
                                      'disputed', 'escalated', 'abandoned')),
  escalation_level  TEXT NOT NULL DEFAULT 'informal'
                    CHECK (escalation_level IN ('informal', 'formal_request',
                                                'contract_escalation', 'sanction')),
  notes             TEXT NOT NULL DEFAULT '',
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  CHECK (due_on IS NULL OR due_on >= opened_on),
  CHECK (plan_due_on IS NULL OR plan_due_on >= opened_on),
  CHECK (completed_on IS NULL OR completed_on >= opened_on),
  CHECK (amount_minor IS NULL OR currency IS NOT NULL),
  CHECK (coalesce (beneficiaries_women, 0) <= coalesce (beneficiaries_total, 0)
         OR beneficiaries_total IS NULL)
);
CREATE INDEX actions_finding ON remediation_actions (finding_id);
CREATE INDEX actions_status_due ON remediation_actions (status, due_on);
CREATE INDEX actions_due ON remediation_actions (due_on, id);
CREATE INDEX actions_completed ON remediation_actions (completed_on);

CREATE TABLE remediation_status_history (
  id          INTEGER PRIMARY KEY,
  action_id   INTEGER NOT NULL REFERENCES remediation_actions (id) ON DELETE CASCADE,
  from_status TEXT,
  to_status   TEXT NOT NULL,
  changed_on  TEXT NOT NULL CHECK (date (changed_on) = changed_on),
  changed_by  TEXT NOT NULL DEFAULT '',
  note        TEXT NOT NULL DEFAULT '',
  evidence_id INTEGER REFERENCES evidence (id) ON DELETE SET NULL
);
CREATE INDEX status_history_action ON remediation_status_history (action_id, changed_on);

CREATE TABLE grievances (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE,
  site_id         INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
  received_on     TEXT NOT NULL CHECK (date (received_on) = received_on),
  channel         TEXT NOT NULL CHECK (channel IN ('hotline', 'monitor', 'union', 'email',
                                                   'in_person', 'brand', 'other')),
  anonymous       INTEGER NOT NULL DEFAULT 1 CHECK (anonymous IN (0, 1)),
  complainants    INTEGER NOT NULL DEFAULT 1 CHECK (complainants >= 0),
  topic           TEXT NOT NULL DEFAULT '',
  retaliation_reported INTEGER NOT NULL DEFAULT 0 CHECK (retaliation_reported IN (0, 1)),
  status          TEXT NOT NULL DEFAULT 'received'
                  CHECK (status IN ('received', 'acknowledged', 'investigating', 'resolved',
                                    'closed', 'dismissed')),
  acknowledged_on TEXT CHECK (acknowledged_on IS NULL
                              OR date (acknowledged_on) = acknowledged_on),
  resolved_on     TEXT CHECK (resolved_on IS NULL OR date (resolved_on) = resolved_on),
  finding_id      INTEGER REFERENCES findings (id) ON DELETE SET NULL,
  notes           TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  CHECK (acknowledged_on IS NULL OR acknowledged_on >= received_on),
  CHECK (resolved_on IS NULL OR resolved_on >= received_on)
);
CREATE INDEX grievances_site ON grievances (site_id, received_on);

-- ─── Chemicals ───────────────────────────────────────────────────────────────

CREATE TABLE chemical_products (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE,
  site_id         INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
  period          TEXT NOT NULL CHECK (period GLOB '[12][0-9][0-9][0-9]'
                                       OR period GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
  trade_name      TEXT NOT NULL CHECK (length (trade_name) BETWEEN 1 AND 200),
  supplier        TEXT NOT NULL DEFAULT '',
  sds_available   INTEGER NOT NULL DEFAULT 0 CHECK (sds_available IN (0, 1)),
  sds_revision    TEXT CHECK (sds_revision IS NULL OR date (sds_revision) = sds_revision),
  sds_in_workers_language INTEGER NOT NULL DEFAULT 0
                  CHECK (sds_in_workers_language IN (0, 1)),
  process         TEXT NOT NULL DEFAULT 'other'
                  CHECK (process IN ('cleaning', 'degreasing', 'soldering', 'etching',
                                     'plating', 'coating', 'gluing', 'printing', 'testing',
                                     'other')),
  department      TEXT NOT NULL DEFAULT '',
  qty_per_year    REAL CHECK (qty_per_year IS NULL OR qty_per_year >= 0),
  qty_stored_max  REAL CHECK (qty_stored_max IS NULL OR qty_stored_max >= 0),
  qty_unit        TEXT CHECK (qty_unit IS NULL OR qty_unit IN ('kg', 'L', 't')),
  qty_source      TEXT NOT NULL DEFAULT '',
  workers_exposed INTEGER CHECK (workers_exposed IS NULL OR workers_exposed >= 0),
  women_exposed   INTEGER CHECK (women_exposed IS NULL OR women_exposed >= 0),
  engineering_controls TEXT NOT NULL DEFAULT '',
  ppe_provided    TEXT NOT NULL DEFAULT '',
  ppe_adequate_reported INTEGER CHECK (ppe_adequate_reported IS NULL
                                       OR ppe_adequate_reported IN (0, 1)),
  training        INTEGER NOT NULL DEFAULT 0 CHECK (training IN (0, 1)),
  labels_in_workers_language INTEGER NOT NULL DEFAULT 0
                  CHECK (labels_in_workers_language IN (0, 1)),
  notes           TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  CHECK (coalesce (women_exposed, 0) <= coalesce (workers_exposed, 0)
         OR workers_exposed IS NULL),
  CHECK ((qty_per_year IS NULL AND qty_stored_max IS NULL) OR qty_unit IS NOT NULL)
);
CREATE INDEX chemical_products_site ON chemical_products (site_id, period);

CREATE TABLE substances (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 200),
  cas_rn        TEXT UNIQUE,                 -- NULL for "no CAS" (mixtures)
  ec_number     TEXT,
  svhc          INTEGER NOT NULL DEFAULT 0 CHECK (svhc IN (0, 1)),
  svhc_date     TEXT CHECK (svhc_date IS NULL OR date (svhc_date) = svhc_date),
  sin_list      INTEGER NOT NULL DEFAULT 0 CHECK (sin_list IN (0, 1)),
  rohs_restricted INTEGER NOT NULL DEFAULT 0 CHECK (rohs_restricted IN (0, 1)),
  cmr_category  TEXT CHECK (cmr_category IS NULL OR cmr_category IN ('1A', '1B', '2')),
  notes         TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX substances_name ON substances (name COLLATE NOCASE);

CREATE TABLE substance_hazards (
  substance_id INTEGER NOT NULL REFERENCES substances (id) ON DELETE CASCADE,
  hazard_code  TEXT NOT NULL REFERENCES hazard_statements (code),
  PRIMARY KEY (substance_id, hazard_code)
) WITHOUT ROWID;

CREATE TABLE constituents (
  id           INTEGER PRIMARY KEY,
  product_id   INTEGER NOT NULL REFERENCES chemical_products (id) ON DELETE CASCADE,
  substance_id INTEGER NOT NULL REFERENCES substances (id),
  conc_min     REAL CHECK (conc_min IS NULL OR conc_min BETWEEN 0 AND 100),
  conc_max     REAL CHECK (conc_max IS NULL OR conc_max BETWEEN 0 AND 100),
  CHECK (conc_max IS NULL OR conc_min IS NULL OR conc_max >= conc_min),
  UNIQUE (product_id, substance_id)
);
CREATE INDEX constituents_substance ON constituents (substance_id);

CREATE TABLE product_hazards (
  product_id  INTEGER NOT NULL REFERENCES chemical_products (id) ON DELETE CASCADE,
  hazard_code TEXT NOT NULL REFERENCES hazard_statements (code),
  PRIMARY KEY (product_id, hazard_code)
) WITHOUT ROWID;

CREATE TABLE exposure_measurements (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  site_id      INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
  product_id   INTEGER REFERENCES chemical_products (id) ON DELETE SET NULL,
  substance_id INTEGER REFERENCES substances (id),
  kind         TEXT NOT NULL CHECK (kind IN ('air', 'urine', 'blood', 'wipe')),
  measured_on  TEXT NOT NULL CHECK (date (measured_on) = measured_on),
  value        REAL NOT NULL,
  unit         TEXT NOT NULL,
  limit_value  REAL,
  limit_source TEXT NOT NULL DEFAULT '',
  notes        TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE INDEX exposure_site ON exposure_measurements (site_id, measured_on);

-- ─── Audit log ───────────────────────────────────────────────────────────────

CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,                 -- ISO-8601 UTC
  actor       TEXT NOT NULL,
  table_name  TEXT NOT NULL,
  row_id      INTEGER,
  action      TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'import',
                                              'migrate')),
  old_values  TEXT,                          -- JSON object, NULL for insert
  new_values  TEXT                           -- JSON object, NULL for delete
);
CREATE INDEX audit_log_row ON audit_log (table_name, row_id);

-- ─── Full-text search (FTS5, external content, kept in sync by triggers) ─────
-- Bulk writers drop the *_fts_* triggers, insert, run 'rebuild' and recreate them
-- (vigie_store_bulk_begin/end), inside the same transaction.

CREATE VIRTUAL TABLE sites_fts USING fts5 (
  name, native_name, address, parent_company, employer, notes,
  content = 'sites', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE findings_fts USING fts5 (
  title, description, company_response, notes,
  content = 'findings', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE evidence_fts USING fts5 (
  summary, notes,
  content = 'evidence', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE chemical_products_fts USING fts5 (
  trade_name, supplier, department, notes,
  content = 'chemical_products', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

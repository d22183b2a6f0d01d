-- FTS5 sync triggers. Recreated by vigie_store_bulk_end() after a bulk write;
-- every statement is one trigger so the store can run them one by one.

CREATE TRIGGER IF NOT EXISTS sites_fts_ai AFTER INSERT ON sites BEGIN
  INSERT INTO sites_fts (rowid, name, native_name, address, parent_company, employer, notes)
  VALUES (new.id, new.name, new.native_name, new.address, new.parent_company, new.employer, new.notes);
END;
CREATE TRIGGER IF NOT EXISTS sites_fts_ad AFTER DELETE ON sites BEGIN
  INSERT INTO sites_fts (sites_fts, rowid, name, native_name, address, parent_company, employer, notes)
  VALUES ('delete', old.id, old.name, old.native_name, old.address, old.parent_company, old.employer, old.notes);
END;
CREATE TRIGGER IF NOT EXISTS sites_fts_au AFTER UPDATE OF name, native_name, address, parent_company, employer, notes ON sites BEGIN
  INSERT INTO sites_fts (sites_fts, rowid, name, native_name, address, parent_company, employer, notes)
  VALUES ('delete', old.id, old.name, old.native_name, old.address, old.parent_company, old.employer, old.notes);
  INSERT INTO sites_fts (rowid, name, native_name, address, parent_company, employer, notes)
  VALUES (new.id, new.name, new.native_name, new.address, new.parent_company, new.employer, new.notes);
END;
CREATE TRIGGER IF NOT EXISTS findings_fts_ai AFTER INSERT ON findings BEGIN
  INSERT INTO findings_fts (rowid, title, description, company_response, notes)
  VALUES (new.id, new.title, new.description, new.company_response, new.notes);
END;
CREATE TRIGGER IF NOT EXISTS findings_fts_ad AFTER DELETE ON findings BEGIN
  INSERT INTO findings_fts (findings_fts, rowid, title, description, company_response, notes)
  VALUES ('delete', old.id, old.title, old.description, old.company_response, old.notes);
END;
CREATE TRIGGER IF NOT EXISTS findings_fts_au AFTER UPDATE OF title, description, company_response, notes ON findings BEGIN
  INSERT INTO findings_fts (findings_fts, rowid, title, description, company_response, notes)
  VALUES ('delete', old.id, old.title, old.description, old.company_response, old.notes);
  INSERT INTO findings_fts (rowid, title, description, company_response, notes)
  VALUES (new.id, new.title, new.description, new.company_response, new.notes);
END;
CREATE TRIGGER IF NOT EXISTS evidence_fts_ai AFTER INSERT ON evidence BEGIN
  INSERT INTO evidence_fts (rowid, summary, notes)
  VALUES (new.id, new.summary, new.notes);
END;
CREATE TRIGGER IF NOT EXISTS evidence_fts_ad AFTER DELETE ON evidence BEGIN
  INSERT INTO evidence_fts (evidence_fts, rowid, summary, notes)
  VALUES ('delete', old.id, old.summary, old.notes);
END;
CREATE TRIGGER IF NOT EXISTS evidence_fts_au AFTER UPDATE OF summary, notes ON evidence BEGIN
  INSERT INTO evidence_fts (evidence_fts, rowid, summary, notes)
  VALUES ('delete', old.id, old.summary, old.notes);
  INSERT INTO evidence_fts (rowid, summary, notes)
  VALUES (new.id, new.summary, new.notes);
END;
CREATE TRIGGER IF NOT EXISTS chemical_products_fts_ai AFTER INSERT ON chemical_products BEGIN
  INSERT INTO chemical_products_fts (rowid, trade_name, supplier, department, notes)
  VALUES (new.id, new.trade_name, new.supplier, new.department, new.notes);
END;
CREATE TRIGGER IF NOT EXISTS chemical_products_fts_ad AFTER DELETE ON chemical_products BEGIN
  INSERT INTO chemical_products_fts (chemical_products_fts, rowid, trade_name, supplier, department, notes)
  VALUES ('delete', old.id, old.trade_name, old.supplier, old.department, old.notes);
END;
CREATE TRIGGER IF NOT EXISTS chemical_products_fts_au AFTER UPDATE OF trade_name, supplier, department, notes ON chemical_products BEGIN
  INSERT INTO chemical_products_fts (chemical_products_fts, rowid, trade_name, supplier, department, notes)
  VALUES ('delete', old.id, old.trade_name, old.supplier, old.department, old.notes);
  INSERT INTO chemical_products_fts (rowid, trade_name, supplier, department, notes)
  VALUES (new.id, new.trade_name, new.supplier, new.department, new.notes);
END;

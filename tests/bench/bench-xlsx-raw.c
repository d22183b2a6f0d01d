/* bench-xlsx-raw.c — the reference of tests/bench/bench-xlsx.sh: the cells of
 * `vigie-cli export data --format xlsx --level internal`, written straight from SQLite
 * with libxlsxwriter in constant-memory mode and nothing else (no store object, no
 * redaction cursor, no hidden columns or joins, no GLib).
 *
 * It writes the same workbook, byte for byte: the same tables in the same order, the same
 * columns (the expressions and ORDER BY of the export cursor of src/core/vigie-redact.c at
 * level 'internal'), the same cell types and formats, sheet splits, column widths, header,
 * frozen row, autofilter and document properties. bench-xlsx.sh compares the two files, so
 * the comparison is of the same work.
 *
 *   bench-xlsx-raw DATABASE OUTPUT.xlsx AUTHOR CREATED_UNIX_TIME
 *
 * Build (bench-xlsx.sh does it):
 *   cc -O2 tests/bench/bench-xlsx-raw.c $(pkg-config --cflags --libs sqlite3 xlsxwriter)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <libgen.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#define MAX_ROWS   1048576
#define MAX_STRING 32767

typedef struct
{
  const char *name;
  const char *expr;
  char        type;    /* T text, I integer, R real, D date, S timestamp, B boolean */
  int         width;
} Column;

typedef struct
{
  const char   *name;
  const char   *from;
  const char   *order;
  const Column *columns;
} Table;

static const Column sites[] = {
  { "id", "s.id", 'I', 8 }, { "uuid", "s.uuid", 'T', 38 }, { "name", "s.name", 'T', 36 },
  { "native_name", "s.native_name", 'T', 24 }, { "address", "s.address", 'T', 40 },
  { "country", "s.country", 'T', 8 }, { "latitude", "s.latitude", 'R', 11 },
  { "longitude", "s.longitude", 'R', 11 }, { "os_id", "s.os_id", 'T', 17 },
  { "parent_company", "s.parent_company", 'T', 24 }, { "employer", "s.employer", 'T', 24 },
  { "location_type", "s.location_type", 'T', 22 }, { "products", "s.products", 'T', 24 },
  { "closed", "s.closed", 'B', 8 }, { "notes", "s.notes", 'T', 40 },
  { "created_at", "s.created_at", 'S', 20 }, { "updated_at", "s.updated_at", 'S', 20 },
  { NULL }
};

static const Column workforce[] = {
  { "id", "w.id", 'I', 8 }, { "site_id", "w.site_id", 'I', 8 }, { "as_of", "w.as_of", 'D', 12 },
  { "source", "w.source", 'T', 16 }, { "total", "w.total", 'I', 9 },
  { "total_min", "w.total_min", 'I', 9 }, { "total_max", "w.total_max", 'I', 9 },
  { "women", "w.women", 'I', 9 }, { "migrant", "w.migrant", 'I', 9 },
  { "agency", "w.agency", 'I', 9 }, { "temporary", "w.temporary", 'I', 9 },
  { "student", "w.student", 'I', 9 }, { "under18", "w.under18", 'I', 9 },
  { "union_present", "w.union_present", 'B', 8 }, { "notes", "w.notes", 'T', 40 },
  { NULL }
};

static const Column organisations[] = {
  { "id", "o.id", 'I', 8 }, { "uuid", "o.uuid", 'T', 38 }, { "kind", "o.kind", 'T', 18 },
  { "name", "o.name", 'T', 36 }, { "country", "o.country", 'T', 8 },
  { "parent_id", "o.parent_id", 'I', 9 }, { "consortium_id", "o.consortium_id", 'I', 9 },
  { "affiliated_on", "o.affiliated_on", 'D', 12 }, { "notes", "o.notes", 'T', 40 },
  { NULL }
};

static const Column investigations[] = {
  { "id", "i.id", 'I', 8 }, { "uuid", "i.uuid", 'T', 38 }, { "site_id", "i.site_id", 'I', 8 },
  { "partner_id", "i.partner_id", 'I', 9 }, { "title", "i.title", 'T', 36 },
  { "trigger", "i.trigger", 'T', 18 }, { "start_date", "i.start_date", 'D', 12 },
  { "end_date", "i.end_date", 'D', 12 }, { "status", "i.status", 'T', 12 },
  { "notes", "i.notes", 'T', 40 },
  { NULL }
};

static const Column activities[] = {
  { "id", "a.id", 'I', 8 }, { "investigation_id", "a.investigation_id", 'I', 9 },
  { "method", "a.method", 'T', 18 }, { "start_date", "a.start_date", 'D', 12 },
  { "end_date", "a.end_date", 'D', 12 },
  { "participants_total", "a.participants_total", 'I', 10 },
  { "participants_women", "a.participants_women", 'I', 10 },
  { "participants_migrant", "a.participants_migrant", 'I', 10 },
  { "notes", "a.notes", 'T', 40 },
  { NULL }
};

static const Column findings[] = {
  { "id", "f.id", 'I', 8 }, { "uuid", "f.uuid", 'T', 38 }, { "site_id", "f.site_id", 'I', 8 },
  { "investigation_id", "f.investigation_id", 'I', 9 }, { "title", "f.title", 'T', 48 },
  { "description", "f.description", 'T', 60 }, { "theme", "f.theme", 'T', 22 },
  { "severity", "f.severity", 'T', 12 }, { "kind", "f.kind", 'T', 14 },
  { "workers_affected", "f.workers_affected", 'I', 10 },
  { "affects_women", "f.affects_women", 'B', 8 },
  { "affects_migrant", "f.affects_migrant", 'B', 8 },
  { "affects_agency", "f.affects_agency", 'B', 8 },
  { "affects_student", "f.affects_student", 'B', 8 },
  { "affects_young", "f.affects_young", 'B', 8 },
  { "first_observed", "f.first_observed", 'D', 12 },
  { "company_response", "f.company_response", 'T', 48 },
  { "disclosure_level", "f.disclosure_level", 'T', 12 }, { "status", "f.status", 'T', 14 },
  { "closed_on", "f.closed_on", 'D', 12 }, { "notes", "f.notes", 'T', 40 },
  { "created_at", "f.created_at", 'S', 20 }, { "updated_at", "f.updated_at", 'S', 20 },
  { NULL }
};

static const Column finding_standards[] = {
  { "finding_id", "fs.finding_id", 'I', 10 }, { "code", "c.code", 'T', 10 },
  { "standard", "st.key", 'T', 22 },
  { NULL }
};

static const Column finding_indicators[] = {
  { "finding_id", "fi.finding_id", 'I', 10 }, { "indicator", "ind.code", 'T', 36 },
  { NULL }
};

static const Column evidence[] = {
  { "id", "e.id", 'I', 8 }, { "finding_id", "e.finding_id", 'I', 10 },
  { "kind", "e.kind", 'T', 14 }, { "summary", "e.summary", 'T', 60 },
  { "sources_count", "e.sources_count", 'I', 9 }, { "pseudonym", "e.pseudonym", 'T', 16 },
  { "consent_to_quote", "e.consent_to_quote", 'B', 9 },
  { "collected_on", "e.collected_on", 'D', 12 }, { "media_type", "e.media_type", 'T', 16 },
  { "file_name", "e.file_name", 'T', 40 }, { "file_sha256", "e.file_sha256", 'T', 40 },
  { "file_size", "e.file_size", 'I', 10 }, { "confidential", "e.confidential", 'B', 8 },
  { "notes", "e.notes", 'T', 40 },
  { NULL }
};

static const Column actions[] = {
  { "id", "a.id", 'I', 8 }, { "uuid", "a.uuid", 'T', 38 },
  { "finding_id", "a.finding_id", 'I', 10 }, { "description", "a.description", 'T', 48 },
  { "root_cause", "a.root_cause", 'T', 30 },
  { "preventive_action", "a.preventive_action", 'T', 30 },
  { "responsible_id", "a.responsible_id", 'I', 9 },
  { "remedy_type", "a.remedy_type", 'T', 16 }, { "amount_minor", "a.amount_minor", 'I', 12 },
  { "currency", "a.currency", 'T', 8 },
  { "beneficiaries_total", "a.beneficiaries_total", 'I', 10 },
  { "beneficiaries_women", "a.beneficiaries_women", 'I', 10 },
  { "beneficiaries_migrant", "a.beneficiaries_migrant", 'I', 10 },
  { "beneficiaries_agency", "a.beneficiaries_agency", 'I', 10 },
  { "beneficiaries_student", "a.beneficiaries_student", 'I', 10 },
  { "beneficiaries_young", "a.beneficiaries_young", 'I', 10 },
  { "opened_on", "a.opened_on", 'D', 12 }, { "plan_due_on", "a.plan_due_on", 'D', 12 },
  { "due_on", "a.due_on", 'D', 12 }, { "completed_on", "a.completed_on", 'D', 12 },
  { "status", "a.status", 'T', 18 }, { "escalation_level", "a.escalation_level", 'T', 18 },
  { "notes", "a.notes", 'T', 40 },
  { NULL }
};

static const Column history[] = {
  { "id", "h.id", 'I', 8 }, { "action_id", "h.action_id", 'I', 9 },
  { "from_status", "h.from_status", 'T', 18 }, { "to_status", "h.to_status", 'T', 18 },
  { "changed_on", "h.changed_on", 'D', 12 }, { "changed_by", "h.changed_by", 'T', 16 },
  { "note", "h.note", 'T', 40 }, { "evidence_id", "h.evidence_id", 'I', 9 },
  { NULL }
};

static const Column grievances[] = {
  { "id", "g.id", 'I', 8 }, { "uuid", "g.uuid", 'T', 38 }, { "site_id", "g.site_id", 'I', 8 },
  { "received_on", "g.received_on", 'D', 12 }, { "channel", "g.channel", 'T', 12 },
  { "anonymous", "g.anonymous", 'B', 8 }, { "complainants", "g.complainants", 'I', 9 },
  { "topic", "g.topic", 'T', 36 },
  { "retaliation_reported", "g.retaliation_reported", 'B', 9 },
  { "status", "g.status", 'T', 14 }, { "acknowledged_on", "g.acknowledged_on", 'D', 12 },
  { "resolved_on", "g.resolved_on", 'D', 12 }, { "finding_id", "g.finding_id", 'I', 10 },
  { "notes", "g.notes", 'T', 40 },
  { NULL }
};

static const Column chemicals[] = {
  { "id", "p.id", 'I', 8 }, { "uuid", "p.uuid", 'T', 38 }, { "site_id", "p.site_id", 'I', 8 },
  { "period", "p.period", 'T', 9 }, { "trade_name", "p.trade_name", 'T', 30 },
  { "supplier", "p.supplier", 'T', 24 }, { "sds_available", "p.sds_available", 'B', 8 },
  { "sds_revision", "p.sds_revision", 'D', 12 },
  { "sds_in_workers_language", "p.sds_in_workers_language", 'B', 8 },
  { "process", "p.process", 'T', 12 }, { "department", "p.department", 'T', 18 },
  { "qty_per_year", "p.qty_per_year", 'R', 11 }, { "qty_stored_max", "p.qty_stored_max", 'R', 11 },
  { "qty_unit", "p.qty_unit", 'T', 6 }, { "qty_source", "p.qty_source", 'T', 18 },
  { "workers_exposed", "p.workers_exposed", 'I', 9 },
  { "women_exposed", "p.women_exposed", 'I', 9 },
  { "engineering_controls", "p.engineering_controls", 'T', 24 },
  { "ppe_provided", "p.ppe_provided", 'T', 24 },
  { "ppe_adequate_reported", "p.ppe_adequate_reported", 'B', 8 },
  { "training", "p.training", 'B', 8 },
  { "labels_in_workers_language", "p.labels_in_workers_language", 'B', 8 },
  { "hazard_codes", "(SELECT group_concat (hazard_code, ' ') FROM (SELECT hazard_code"
                    " FROM product_hazards WHERE product_id = p.id ORDER BY hazard_code))",
    'T', 24 },
  { "notes", "p.notes", 'T', 40 },
  { NULL }
};

static const Column measurements[] = {
  { "id", "m.id", 'I', 8 }, { "site_id", "m.site_id", 'I', 8 },
  { "product_id", "m.product_id", 'I', 9 },
  { "substance", "(SELECT name FROM substances WHERE id = m.substance_id)", 'T', 24 },
  { "kind", "m.kind", 'T', 8 }, { "measured_on", "m.measured_on", 'D', 12 },
  { "value", "m.value", 'R', 10 }, { "unit", "m.unit", 'T', 8 },
  { "limit_value", "m.limit_value", 'R', 10 }, { "limit_source", "m.limit_source", 'T', 18 },
  { "notes", "m.notes", 'T', 40 },
  { NULL }
};

static const Table tables[] = {
  { "sites", "sites s", "s.id", sites },
  { "workforce", "workforce_snapshots w", "w.id", workforce },
  { "organisations", "organisations o", "o.id", organisations },
  { "investigations", "investigations i", "i.id", investigations },
  { "activities", "investigation_activities a", "a.id", activities },
  { "findings", "findings f", "f.id", findings },
  { "finding_standards", "finding_standards fs JOIN standards st ON st.id = fs.standard_id"
    " JOIN code_standards c ON c.id = st.code_id", "fs.finding_id, c.id, st.sort_order, st.id",
    finding_standards },
  { "finding_indicators", "finding_indicators fi JOIN fl_indicators ind"
    " ON ind.id = fi.indicator_id", "fi.finding_id, ind.sort_order", finding_indicators },
  { "evidence", "evidence e", "e.id", evidence },
  { "actions", "remediation_actions a", "a.id", actions },
  { "action_history", "remediation_status_history h", "h.id", history },
  { "grievances", "grievances g", "g.id", grievances },
  { "chemical_products", "chemical_products p", "p.id", chemicals },
  { "exposure_measurements", "exposure_measurements m", "m.id", measurements },
};

typedef struct
{
  lxw_format *header;
  lxw_format *date;
  lxw_format *timestamp;
  lxw_format *real;
} Formats;

static int
digits (const unsigned char *p,
        int                  n)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      if (p[i] < '0' || p[i] > '9')
        return -1;
      v = v * 10 + (p[i] - '0');
    }
  return v;
}

/* "YYYY-MM-DD" or "YYYY-MM-DDThh:mm:ss[Z]", as the export reads them. */
static int
parse_date (const unsigned char *t,
            int                  length,
            lxw_datetime        *dt)
{
  memset (dt, 0, sizeof *dt);
  if (length < 10 || t[4] != '-' || t[7] != '-')
    return 0;
  dt->year = digits (t, 4);
  dt->month = digits (t + 5, 2);
  dt->day = digits (t + 8, 2);
  if (dt->year < 1900 || dt->month < 1 || dt->month > 12 || dt->day < 1 || dt->day > 31)
    return 0;
  if (length >= 19 && t[10] == 'T')
    {
      dt->hour = digits (t + 11, 2);
      dt->min = digits (t + 14, 2);
      dt->sec = digits (t + 17, 2);
      if (dt->hour < 0 || dt->min < 0 || dt->sec < 0)
        dt->hour = dt->min = dt->sec = 0;
    }
  return 1;
}

static lxw_worksheet *
start_sheet (lxw_workbook  *workbook,
             const Table   *table,
             int            part,
             int            n_columns,
             const Formats *f)
{
  char name[64];
  lxw_worksheet *sheet;

  if (part > 1)
    snprintf (name, sizeof name, "%s (%d)", table->name, part);
  else
    snprintf (name, sizeof name, "%s", table->name);
  sheet = workbook_add_worksheet (workbook, name);
  for (int c = 0; c < n_columns; c++)
    {
      const Column *col = &table->columns[c];
      int width = (int) strlen (col->name) + 3;

      worksheet_set_column (sheet, c, c, col->width > width ? col->width : width,
                            col->type == 'D' ? f->date : col->type == 'S' ? f->timestamp : NULL);
    }
  for (int c = 0; c < n_columns; c++)
    worksheet_write_string (sheet, 0, c, table->columns[c].name, f->header);
  worksheet_freeze_panes (sheet, 1, 0);
  return sheet;
}

int
main (int    argc,
      char **argv)
{
  sqlite3 *db;
  lxw_workbook *workbook;
  lxw_workbook_options options = { 0 };
  lxw_doc_properties props = { 0 };
  Formats f;
  char *dir;

  if (argc != 5)
    {
      fprintf (stderr, "usage: %s DATABASE OUTPUT.xlsx AUTHOR CREATED_UNIX_TIME\n", argv[0]);
      return 2;
    }
  if (sqlite3_open_v2 (argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      fprintf (stderr, "%s: %s\n", argv[1], sqlite3_errmsg (db));
      return 1;
    }
  dir = strdup (argv[2]);
  options.constant_memory = LXW_TRUE;
  options.tmpdir = dirname (dir);
  options.use_zip64 = LXW_TRUE;
  workbook = workbook_new_opt (argv[2], &options);
  if (workbook == NULL)
    return 1;

  props.title = (char *) "Vigie data export";
  props.subject = (char *) "Every table of the dataset at disclosure level internal";
  props.author = argv[3];
  props.company = (char *) "Vigie";
  props.category = (char *) "internal";
  props.keywords = (char *) "labour rights, supply chain monitoring, data export";
  props.created = (time_t) strtoll (argv[4], NULL, 10);
  workbook_set_properties (workbook, &props);

  f.header = workbook_add_format (workbook);
  format_set_bold (f.header);
  format_set_bg_color (f.header, 0xE8ECF2);
  format_set_bottom (f.header, LXW_BORDER_THIN);
  f.date = workbook_add_format (workbook);
  format_set_num_format (f.date, "yyyy-mm-dd");
  f.timestamp = workbook_add_format (workbook);
  format_set_num_format (f.timestamp, "yyyy-mm-dd hh:mm:ss");
  f.real = workbook_add_format (workbook);
  format_set_num_format (f.real, "0.######");

  for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++)
    {
      const Table *table = &tables[t];
      char sql[4096];
      size_t len;
      sqlite3_stmt *stmt;
      lxw_worksheet *sheet;
      lxw_row_t row = 0;
      int n_columns = 0, part = 1, rc;

      len = (size_t) snprintf (sql, sizeof sql, "SELECT ");
      for (const Column *c = table->columns; c->name != NULL; c++, n_columns++)
        len += (size_t) snprintf (sql + len, sizeof sql - len, "%s%s", n_columns > 0 ? ", " : "",
                                  c->expr);
      snprintf (sql + len, sizeof sql - len, " FROM %s ORDER BY %s", table->from, table->order);
      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          fprintf (stderr, "%s: %s\n", table->name, sqlite3_errmsg (db));
          return 1;
        }
      sheet = start_sheet (workbook, table, part, n_columns, &f);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          if (row + 1 >= MAX_ROWS)
            {
              worksheet_autofilter (sheet, 0, 0, row, n_columns - 1);
              sheet = start_sheet (workbook, table, ++part, n_columns, &f);
              row = 0;
            }
          row++;
          for (int c = 0; c < n_columns; c++)
            {
              const Column *col = &table->columns[c];
              const unsigned char *text;
              lxw_datetime dt;
              int n;

              if (sqlite3_column_type (stmt, c) == SQLITE_NULL)
                continue;
              switch (col->type)
                {
                case 'I':
                  worksheet_write_number (sheet, row, c, (double) sqlite3_column_int64 (stmt, c),
                                          NULL);
                  break;
                case 'R':
                  worksheet_write_number (sheet, row, c, sqlite3_column_double (stmt, c), f.real);
                  break;
                case 'B':
                  worksheet_write_boolean (sheet, row, c, sqlite3_column_int (stmt, c) != 0, NULL);
                  break;
                case 'D':
                case 'S':
                  text = sqlite3_column_text (stmt, c);
                  n = sqlite3_column_bytes (stmt, c);
                  if (parse_date (text, n, &dt))
                    worksheet_write_datetime (sheet, row, c, &dt,
                                              col->type == 'D' ? f.date : f.timestamp);
                  else
                    worksheet_write_string (sheet, row, c, (const char *) text, NULL);
                  break;
                default:
                  text = sqlite3_column_text (stmt, c);
                  n = sqlite3_column_bytes (stmt, c);
                  if (n > MAX_STRING)
                    {
                      /* Cut on a character boundary, as the export does. */
                      char *cut;

                      n = MAX_STRING;
                      while (n > 0 && (text[n] & 0xC0) == 0x80)
                        n--;
                      cut = strndup ((const char *) text, (size_t) n);
                      worksheet_write_string (sheet, row, c, cut, NULL);
                      free (cut);
                    }
                  else
                    worksheet_write_string (sheet, row, c, (const char *) text, NULL);
                  break;
                }
            }
        }
      if (rc != SQLITE_DONE)
        {
          fprintf (stderr, "%s: %s\n", table->name, sqlite3_errmsg (db));
          return 1;
        }
      worksheet_autofilter (sheet, 0, 0, row > 1 ? row : 1, n_columns - 1);
      sqlite3_finalize (stmt);
    }
  if (workbook_close (workbook) != LXW_NO_ERROR)
    {
      fprintf (stderr, "%s: cannot write the workbook\n", argv[2]);
      return 1;
    }
  sqlite3_close (db);
  free (dir);
  return 0;
}

# test-export.sh — vigie-cli export report|data: PDF, XLSX and CSV written, private, redacted.
#
# SPDX-License-Identifier: GPL-3.0-or-later
. "$(dirname "$0")/common.sh"

# The catalogues of this build (the French report).
export VIGIE_LOCALEDIR=${VIGIE_LOCALEDIR:-$(cd "$(dirname "$CLI")/../../po" && pwd)}

# Usage errors.
run export --database "$DB"
expect_status 2
run export nonsense --database "$DB"
expect_status 2
expect_err "nonsense"
run export report --database "$DB" -o "$TMP/r.pdf"
expect_status 2
expect_err "--site"
run export data --database "$DB" --format ods -o "$TMP/x"
expect_status 2
expect_err "--format"
run export report --database "$DB" --site 1 --level secret -o "$TMP/r.pdf"
expect_status 2
expect_err "--level"

# No dataset yet: bad input.
run export report --database "$DB" --site 1 -o "$TMP/r.pdf"
expect_status 1

run demo --database "$DB" --sites 12 --findings 120 --seed 3
expect_status 0

# A site that does not exist.
run export report --database "$DB" --site 999 -o "$TMP/r.pdf"
expect_status 1
expect_err "999"

# The report: a valid, private, reproducible PDF.
run export report --database "$DB" --site 1 --level public -o "$TMP/public.pdf"
expect_status 0
N_CHECKS=$((N_CHECKS + 1))
[ "$(stat -c %a "$TMP/public.pdf")" = 600 ] || fail "the PDF is not mode 0600"
N_CHECKS=$((N_CHECKS + 1))
qpdf --check "$TMP/public.pdf" >/dev/null || fail "qpdf --check failed"
N_CHECKS=$((N_CHECKS + 1))
pdftotext "$TMP/public.pdf" - | grep -q "Public monitoring status report" || fail "not the public report"
run export report --database "$DB" --site 1 --level public -o "$TMP/again.pdf"
expect_status 0
N_CHECKS=$((N_CHECKS + 1))
cmp -s "$TMP/public.pdf" "$TMP/again.pdf" || fail "two exports differ"

# Internal findings of site 1 never reach the public report.
hidden=$(/usr/bin/python3 - "$DB" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
row = db.execute("SELECT title FROM findings WHERE site_id = 1 AND disclosure_level = 'internal'"
                 " AND title NOT IN (SELECT title FROM findings WHERE site_id = 1"
                 " AND disclosure_level <> 'internal') LIMIT 1").fetchone()
print(row[0] if row else '')
PY
)
if [ -n "$hidden" ]; then
  N_CHECKS=$((N_CHECKS + 1))
  pdftotext -raw "$TMP/public.pdf" - | tr '\n' ' ' | grep -qF "$hidden" && fail "internal finding “$hidden” in the public report"
  run export report --database "$DB" --site 1 --level internal -o "$TMP/internal.pdf"
  expect_status 0
  N_CHECKS=$((N_CHECKS + 1))
  pdftotext -raw "$TMP/internal.pdf" - | tr '\n' ' ' | grep -qF "$hidden" || fail "internal finding missing from the internal report"
fi

# French report under an English command line.
run export report --database "$DB" --site 1 --language fr -o "$TMP/fr.pdf"
expect_status 0
N_CHECKS=$((N_CHECKS + 1))
pdftotext "$TMP/fr.pdf" - | grep -q "Niveau de divulgation" || fail "the French report is not in French"

# The data: XLSX and CSV.
run export data --database "$DB" --format xlsx --level public -o "$TMP/data.xlsx" --progress
expect_status 0
expect_err "%"
N_CHECKS=$((N_CHECKS + 1))
[ "$(stat -c %a "$TMP/data.xlsx")" = 600 ] || fail "the XLSX is not mode 0600"
N_CHECKS=$((N_CHECKS + 1))
/usr/bin/python3 - "$TMP/data.xlsx" "$DB" <<'PY' || fail "XLSX content"
import sqlite3, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
db = sqlite3.connect(sys.argv[2])
public = db.execute("SELECT count(*) FROM findings WHERE disclosure_level = 'public'").fetchone()[0]
rows = sum(1 for _ in wb['findings'].iter_rows(min_row=2))
assert rows == public, (rows, public)
assert 'notes' not in [c.value for c in next(wb['sites'].iter_rows(max_row=1))]
PY

run export data --database "$DB" --format csv --level internal -o "$TMP/csv"
expect_status 0
N_CHECKS=$((N_CHECKS + 1))
[ -f "$TMP/csv/findings.csv" ] && [ -f "$TMP/csv/sites.csv" ] || fail "CSV files missing"
N_CHECKS=$((N_CHECKS + 1))
[ "$(stat -c %a "$TMP/csv/findings.csv")" = 600 ] || fail "the CSV is not mode 0600"
N_CHECKS=$((N_CHECKS + 1))
[ "$(($(/usr/bin/python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline=""))))' "$TMP/csv/findings.csv") - 1))" = 120 ] \
  || fail "the internal CSV does not hold the 120 findings"

finish

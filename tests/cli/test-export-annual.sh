# test-export-annual.sh — vigie-cli export annual: the annual report figures as PDF and
# XLSX, private, reproducible, narrowed by country and buyer, in French on request, with
# the same numbers as `vigie-cli figures`.
#
# SPDX-License-Identifier: GPL-3.0-or-later
. "$(dirname "$0")/common.sh"

# The catalogues of this build (the French report).
export VIGIE_LOCALEDIR=${VIGIE_LOCALEDIR:-$(cd "$(dirname "$CLI")/../../po" && pwd)}

# The subcommand is listed.
run export --help --database "$DB"
expect_status 0
expect_out "annual"

# Usage errors (exit 2), before any dataset is opened.
run export annual --database "$DB" -o "$TMP/a.pdf"
expect_status 2
expect_err "--year"
run export annual --database "$DB" --year 12 -o "$TMP/a.pdf"
expect_status 2
expect_err "1900"
run export annual --database "$DB" --year 2025
expect_status 2
expect_err "--output"
run export annual --database "$DB" --year 2025 --format ods -o "$TMP/a.ods"
expect_status 2
expect_err "--format"
run export annual --database "$DB" --year 2025 --country Atlantis -o "$TMP/a.pdf"
expect_status 2
expect_err "Atlantis"
run export annual --database "$DB" --year 2025 --today 2026-02-30 -o "$TMP/a.pdf"
expect_status 2
expect_err "--today"
run export annual --database "$DB" --year 2025 -o "$TMP/a.pdf" extra
expect_status 2

# No dataset yet: bad input, and no file.
run export annual --database "$DB" --year 2025 -o "$TMP/a.pdf"
expect_status 1
N_CHECKS=$((N_CHECKS + 1))
[ ! -e "$TMP/a.pdf" ] || fail "a PDF was written without a dataset"

run demo --database "$DB" --sites 30 --findings 400 --seed 7
expect_status 0

# The PDF: private, valid, every figure, reproducible.
run export annual --database "$DB" --year 2025 --author "Ana Analyst" -o "$TMP/annual.pdf"
expect_status 0
expect_empty_out
N_CHECKS=$((N_CHECKS + 1))
[ "$(stat -c %a "$TMP/annual.pdf")" = 600 ] || fail "the PDF is not mode 0600"
N_CHECKS=$((N_CHECKS + 1))
qpdf --check "$TMP/annual.pdf" >/dev/null || fail "qpdf --check failed"
N_CHECKS=$((N_CHECKS + 1))
pdfinfo "$TMP/annual.pdf" | grep -q "^Title: *Annual report figures 2025$" || fail "PDF title"
N_CHECKS=$((N_CHECKS + 1))
pdfinfo "$TMP/annual.pdf" | grep -q "^Author: *Ana Analyst$" || fail "PDF author"
text=$(pdftotext "$TMP/annual.pdf" - | tr '\n' ' ')
for title in "Key figures" "Affiliates" "Monitoring partners" "Investigations by method" \
             "Findings by theme and severity" "Findings per month" "Overdue actions" \
             "Closure of remediation actions" "Amounts of remedy" \
             "Contractors disclosing their sites, per tier"; do
  N_CHECKS=$((N_CHECKS + 1))
  case "$text" in *"$title"*) ;; *) fail "the PDF lacks “$title”" ;; esac
done
run export annual --database "$DB" --year 2025 --author "Ana Analyst" -o "$TMP/again.pdf"
expect_status 0
N_CHECKS=$((N_CHECKS + 1))
cmp -s "$TMP/annual.pdf" "$TMP/again.pdf" || fail "two PDF exports differ"

# Progress on request.
run export annual --database "$DB" --year 2025 --progress -o "$TMP/progress.pdf"
expect_status 0
expect_err "100 %"
expect_err "pages"

# The XLSX, chosen by the name of the file or by --format; the same numbers as `figures`.
run export annual --database "$DB" --year 2025 --author "Ana Analyst" -o "$TMP/annual.xlsx"
expect_status 0
N_CHECKS=$((N_CHECKS + 1))
[ "$(stat -c %a "$TMP/annual.xlsx")" = 600 ] || fail "the XLSX is not mode 0600"
run export annual --database "$DB" --year 2025 --author "Ana Analyst" --format xlsx -o "$TMP/annual.bin"
expect_status 0
N_CHECKS=$((N_CHECKS + 1))
cmp -s "$TMP/annual.xlsx" "$TMP/annual.bin" || fail "two XLSX exports differ"
run figures --database "$DB" --year 2025 --format json
expect_status 0
printf '%s\n' "$OUT" > "$TMP/figures.json"
N_CHECKS=$((N_CHECKS + 1))
/usr/bin/python3 - "$TMP/annual.xlsx" "$TMP/figures.json" <<'PY' || fail "XLSX content"
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
fig = json.load(open(sys.argv[2]))
assert wb.sheetnames[0] == 'Contents' and len(wb.sheetnames) == 17, wb.sheetnames
ws = wb['Findings by theme']
total = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == 'Total'][0]
assert total[5] == fig['findings']['total'], (total, fig['findings']['total'])
ws = wb['Actions by status']
assert ws['B2'].value == fig['remediation']['by_status']['proposed']
assert ws.freeze_panes == 'A2' and ws.auto_filter.ref.startswith('A1:')
assert all(len(s._charts) == 1 for s in wb.worksheets[1:]), [len(s._charts) for s in wb.worksheets]
assert wb.properties.creator == 'Ana Analyst'
PY

# A country: the title says so, and the numbers are the country's.
run export annual --database "$DB" --year 2025 --country china -o "$TMP/cn.pdf"
expect_status 0
N_CHECKS=$((N_CHECKS + 1))
pdfinfo "$TMP/cn.pdf" | grep -q "^Title: *Annual report figures 2025 — China$" || fail "country title"

# A buyer: an affiliate or a consortium of the dataset, nothing else.
buyer=$(/usr/bin/python3 -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute("SELECT id FROM organisations WHERE kind = '"'consortium'"' ORDER BY id LIMIT 1").fetchone()[0])' "$DB")
run export annual --database "$DB" --year 2025 --buyer "$buyer" -o "$TMP/buyer.xlsx"
expect_status 0
run export annual --database "$DB" --year 2025 --buyer 999999 -o "$TMP/none.pdf"
expect_status 1
expect_err "999999"
N_CHECKS=$((N_CHECKS + 1))
[ ! -e "$TMP/none.pdf" ] || fail "a PDF was written for a buyer that does not exist"

# French report under an English command line: the figures' titles and the vocabulary
# are translated already (newer strings may still be English until translated).
run export annual --database "$DB" --year 2025 --language fr -o "$TMP/fr.pdf"
expect_status 0
expect_empty_err
N_CHECKS=$((N_CHECKS + 1))
pdftotext "$TMP/fr.pdf" - | grep -q "Affiliés" || fail "the French report is not in French"
N_CHECKS=$((N_CHECKS + 1))
pdftotext "$TMP/fr.pdf" - | grep -q "Critique" || fail "the French report lacks French severities"

finish

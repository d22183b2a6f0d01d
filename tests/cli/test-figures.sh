# test-figures.sh — vigie-cli figures: the annual figures as JSON, CSV and a table, checked
# against the documented rules applied by hand in SQL on the same dataset.
#
# SPDX-License-Identifier: GPL-3.0-or-later
. "$(dirname "$0")/common.sh"

PY=/usr/bin/python3

# No dataset yet: bad input.
run figures --year 2025 --database "$DB"
expect_status 1
expect_err "vigie-cli:"

run demo --database "$DB" --sites 30 --findings 300 --seed 3
expect_status 0

# JSON parsed back; each number compared with a query written here from DOMAIN.md's
# definitions (not the engine's SQL).
run figures --year 2025 --format json --today 2026-06-15 --database "$DB"
expect_status 0
expect_empty_err
printf '%s\n' "$OUT" > "$TMP/figures.json"
N_CHECKS=$((N_CHECKS + 1))
$PY - "$DB" "$TMP/figures.json" <<'PY' || fail "JSON figures differ from SQL"
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
f = json.load(open(sys.argv[2]))
q = lambda sql, *a: db.execute(sql, a).fetchone()[0]
Y1, Y2, TODAY = "2025-01-01", "2025-12-31", "2026-06-15"
assert f["year"] == 2025 and f["country"] is None and f["today"] == TODAY
findings = q("SELECT count(*) FROM findings WHERE first_observed BETWEEN ? AND ?", Y1, Y2)
assert findings > 0, "the demo has no finding in 2025"
assert f["findings"]["total"] == findings, (f["findings"]["total"], findings)
for sev in ("critical", "major", "minor", "observation"):
    n = q("SELECT count(*) FROM findings WHERE first_observed BETWEEN ? AND ? AND severity = ?",
          Y1, Y2, sev)
    assert f["findings"]["by_severity"][sev] == n, sev
assert sum(t["total"] for t in f["findings"]["by_theme"]) == findings
assert sum(f["findings"]["per_month"]) == findings
months = [q("SELECT count(*) FROM findings WHERE substr(first_observed, 1, 7) = ?",
            "2025-%02d" % m) for m in range(1, 13)]
assert f["findings"]["per_month"] == months, (f["findings"]["per_month"], months)
# Overdue: work owed, due before today and by the end of the year.
overdue = q("SELECT count(*) FROM remediation_actions WHERE due_on < ? AND due_on <= ? AND status"
            " IN ('proposed','plan_submitted','plan_accepted','plan_rejected','in_progress',"
            "'disputed','escalated')", TODAY, Y2)
assert f["remediation"]["overdue"] == overdue, (f["remediation"]["overdue"], overdue)
due = q("SELECT count(*) FROM remediation_actions WHERE due_on BETWEEN ? AND ?", Y1, Y2)
assert f["remediation"]["due_in_year"] == due
assert sum(f["remediation"]["by_status"].values()) == due
# Closure: median days over closed actions completed in the year, computed in Python.
days = sorted(r[0] for r in db.execute(
    "SELECT julianday(completed_on) - julianday(opened_on) FROM remediation_actions"
    " WHERE completed_on BETWEEN ? AND ? AND status IN"
    " ('verified_by_workers','verified_by_monitor','closed')", (Y1, Y2)))
assert f["remediation"]["closed"] == len(days)
if days:
    n = len(days)
    median = days[n // 2] if n % 2 else (days[n // 2 - 1] + days[n // 2]) / 2
    assert abs(f["remediation"]["median_days_to_close"] - median) < 1e-6
investigations = q("SELECT count(*) FROM investigations WHERE start_date <= ? AND"
                   " (end_date IS NULL OR end_date >= ?)", Y2, Y1)
assert f["investigations"]["total"] == investigations
interviewed = q("SELECT coalesce(sum(participants_total), 0) FROM investigation_activities"
                " WHERE start_date BETWEEN ? AND ?", Y1, Y2)
assert f["workers_interviewed"]["total"] == interviewed
affiliates = q("SELECT count(*) FROM organisations WHERE kind = 'affiliate' AND"
               " (affiliated_on IS NULL OR affiliated_on <= ?)", Y2)
assert f["affiliates"]["total"] == affiliates
assert f["affiliates"]["direct"] + f["affiliates"]["via_consortium"] == affiliates
amounts = dict(db.execute(
    "SELECT currency, sum(amount_minor) FROM remediation_actions WHERE completed_on BETWEEN ? AND ?"
    " AND remedy_type <> 'corrective_only' AND amount_minor IS NOT NULL AND status IN"
    " ('reported_complete','verified_by_workers','verified_by_monitor','closed')"
    " GROUP BY currency", (Y1, Y2)).fetchall())
assert {a["currency"]: a["amount_minor"] for a in f["remedy"]["amounts"]} == amounts
PY

# One country: only its sites.
country=$($PY -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"SELECT s.country FROM findings f JOIN sites s ON s.id = f.site_id WHERE f.first_observed LIKE '2025%' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1\").fetchone()[0])" "$DB")
name=$($PY -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT name FROM countries WHERE code = ?', (sys.argv[2],)).fetchone()[0])" "$DB" "$country")
run figures --year 2025 --country "$name" --format json --database "$DB"
expect_status 0
printf '%s\n' "$OUT" > "$TMP/country.json"
N_CHECKS=$((N_CHECKS + 1))
$PY - "$DB" "$TMP/country.json" "$country" <<'PY' || fail "country figures differ from SQL"
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
f = json.load(open(sys.argv[2]))
n = db.execute("SELECT count(*) FROM findings f JOIN sites s ON s.id = f.site_id WHERE"
               " f.first_observed BETWEEN '2025-01-01' AND '2025-12-31' AND s.country = ?",
               (sys.argv[3],)).fetchone()[0]
assert f["country"] == sys.argv[3] and f["findings"]["total"] == n > 0, (f["findings"]["total"], n)
assert all(c["country"] == sys.argv[3] for c in f["sites"]["by_country"])
PY

# CSV: read back with Python's csv module; the same numbers as the JSON.
run figures --year 2025 --format csv --today 2026-06-15 --database "$DB"
expect_status 0
printf '%s\n' "$OUT" > "$TMP/figures.csv"
N_CHECKS=$((N_CHECKS + 1))
$PY - "$TMP/figures.csv" "$TMP/figures.json" <<'PY' || fail "CSV differs from JSON"
import csv, json, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
f = json.load(open(sys.argv[2]))
assert rows[0] == ["figure", "key", "subkey", "value"], rows[0]
v = {(r[0], r[1], r[2]): r[3] for r in rows[1:]}
assert int(v[("findings_by_theme", "total", "")]) == f["findings"]["total"]
assert int(v[("findings_by_theme", "total", "critical")]) == f["findings"]["by_severity"]["critical"]
assert int(v[("actions_overdue", "total", "")]) == f["remediation"]["overdue"]
assert int(v[("affiliates", "total", "")]) == f["affiliates"]["total"]
assert int(v[("remedy_workers", "workers", "total")]) == f["remedy"]["workers"]["total"]
PY

# The table: headings and numbers for people.
run figures --year 2025 --database "$DB"
expect_status 0
expect_out "Annual figures 2025"
expect_out "Findings by theme and severity"
expect_out "Workers receiving remedy"
expect_out "Median days to close"

# The documented queries.
run figures --queries
expect_status 0
expect_out "-- findings_by_theme:"
expect_out "first_observed BETWEEN ?1 AND ?2"
expect_out "-- actions_overdue:"

# Timings on stderr.
run figures --year 2025 --timings --format csv --database "$DB"
expect_status 0
expect_err "findings_by_theme"
expect_err "total"

# Usage errors.
run figures --database "$DB"
expect_status 2
expect_err "--year"
run figures --year 2025 --format xml --database "$DB"
expect_status 2
expect_err "xml"
run figures --year 2025 --country Narnia --database "$DB"
expect_status 2
expect_err "Narnia"
run figures --year 20 --database "$DB"
expect_status 2
run figures --year 2025 --today 2026-13-01 --database "$DB"
expect_status 2
expect_err "--today"

finish

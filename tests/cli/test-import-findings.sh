# test-import-findings.sh — vigie-cli import findings: dry run writes nothing, a good file
# is imported with its indicators and standards, a bad file names every wrong row with its
# field and reason and writes nothing, whole-file errors and usage exit codes.
#
# SPDX-License-Identifier: GPL-3.0-or-later
. "$(dirname "$0")/common.sh"

run init --database "$DB"
expect_status 0
run import factories --database "$DB" "$FIXTURES/osh-facilities.csv"
expect_status 0

sql ()
{
  sqlite3 -readonly "$DB" "$1"
}

expect_sql ()
{
  N_CHECKS=$((N_CHECKS + 1))
  local got
  got=$(sql "$1")
  [ "$got" = "$2" ] || fail "SQL “$1” gave '$got', expected '$2'"
}

GOOD="$TMP/findings.csv"
cat > "$GOOD" <<'CSV'
site,title,severity,first_observed,description,status,disclosure_level,workers_affected,affected_groups,themes,rba,indicators,company_response
Foxconn Longhua Science Park,Passports kept by security,critical,2026-01-20,"Guards keep passports, ""for safety""",open,internal,40,women;migrant,,A1,retention_of_documents;restriction_of_movement,
2,Unpaid overtime,Major,2025-11-02,Overtime paid at the normal rate,progress_made,brand,300,,wages,A4,,The employer will repay from March
CN2019303BQ3FZP,Blocked exits,minor,2025-05-05,,closed,public,,,,B1;B3,,
CSV

BAD="$TMP/findings-bad.csv"
cat > "$BAD" <<'CSV'
site,title,severity,first_observed,status,workers_affected,indicators
1,Good row,major,2025-03-01,open,12,deception
1,Bad severity,enormous,2025-03-01,open,12,
Atlantis Works,Unknown site,minor,2025-03-01,,,
1,Bad date,minor,2025-13-45,,,
1,Bad workers,minor,2025-03-01,,many,
1,Bad indicator,minor,2025-03-01,,,flying
CSV

# Dry run: every row checked, nothing written.
run import findings --dry-run --database "$DB" "$GOOD"
expect_status 0
expect_out "findings.csv: 3 findings would be added (dry run: nothing was written)"
run check --database "$DB"
expect_count findings 0
expect_count audit_log 2

# The import itself.
run import findings --database "$DB" "$GOOD"
expect_status 0
expect_out "findings.csv: 3 findings added"
expect_empty_err
run check --database "$DB"
expect_count findings 3
expect_sql "SELECT severity || '/' || status || '/' || disclosure_level || '/' || workers_affected FROM findings WHERE title = 'Unpaid overtime'" "major/progress_made/brand/300"
expect_sql "SELECT s.name FROM findings f JOIN sites s ON s.id = f.site_id WHERE f.title = 'Passports kept by security'" "Foxconn Longhua Science Park"
expect_sql "SELECT count(*) FROM finding_indicators fi JOIN findings f ON f.id = fi.finding_id WHERE f.title = 'Passports kept by security'" "2"
expect_sql "SELECT description FROM findings WHERE title = 'Passports kept by security'" 'Guards keep passports, "for safety"'
expect_sql "SELECT count(*) FROM finding_standards fs JOIN findings f ON f.id = fs.finding_id WHERE f.title = 'Blocked exits'" "2"

# A bad file: every problem on stderr with its row, field and reason; nothing written,
# not even the good row.
run import findings --database "$DB" "$BAD"
expect_status 1
expect_empty_out
expect_err "findings-bad.csv: row 2, field “severity”: “enormous” is not one of critical, major, minor, observation"
expect_err "findings-bad.csv: row 3, field “site”: no site “Atlantis Works” in the dataset"
expect_err "findings-bad.csv: row 4, field “first_observed”: 2025-13-45 is not a real calendar date"
expect_err "findings-bad.csv: row 5, field “workers_affected”: “many” is not a whole number of workers"
expect_err "findings-bad.csv: row 6, field “indicators”: “flying” is not one of the 11 ILO indicators of forced labour"
expect_err "findings-bad.csv: 5 rows rejected: nothing was imported"
run check --database "$DB"
expect_count findings 3
expect_sql "SELECT count(*) FROM findings WHERE title = 'Good row'" "0"

# A bad file in a dry run fails the same way.
run import findings --dry-run --database "$DB" "$BAD"
expect_status 1
expect_err "5 rows rejected"

# Whole-file problems.
printf 'site,title\n1,x\n' > "$TMP/nocol.csv"
run import findings --database "$DB" "$TMP/nocol.csv"
expect_status 1
expect_err "the header has no “severity” column"
run import findings --database "$DB" "$TMP/missing.csv"
expect_status 1
expect_err "missing.csv: cannot be read"
run check --database "$DB"
expect_count findings 3

# Usage.
run import findings --database "$DB"
expect_status 2
expect_err "Name the CSV file to import"
run import findings --database "$DB" "$GOOD" "$BAD"
expect_status 2
expect_err "Import one file at a time"
run import findings --help
expect_status 0
expect_out "first_observed"
expect_out "--dry-run"

finish

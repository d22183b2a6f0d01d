# test-check.sh — vigie-cli check on sound, damaged and missing datasets.
#
# SPDX-License-Identifier: GPL-3.0-or-later
. "$(dirname "$0")/common.sh"

run check --database "$DB"
expect_status 1
expect_err "There is no dataset at"
[ ! -e "$DB" ] || fail "check created a database"

run init --database "$DB"
expect_status 0
run import factories --database "$DB" "$FIXTURES/osh-facilities.csv"
expect_status 0

run check --database "$DB"
expect_status 0
expect_out "Database is sound."
expect_out "Schema version: 2"
expect_out "Rows per table:"
expect_count sites 12
expect_count workforce_snapshots 6
expect_count findings 0
N_CHECKS=$((N_CHECKS + 1))
[ "$(count_of audit_log)" -ge 1 ] || fail "the import left no audit_log entry"
expect_empty_err

# Not a database at all.
printf 'this is not a database\n' > "$TMP/junk.db"
run check --database "$TMP/junk.db"
expect_status 1
expect_err "vigie-cli:"

# A total kept for the figures changed behind Vigie's back: reported, exit 1.
if /usr/bin/python3 -c 'import sqlite3' 2>/dev/null; then
  cp "$DB" "$TMP/figures.db"
  /usr/bin/python3 - "$TMP/figures.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("INSERT INTO figures_findings (year, theme, severity, country, n)"
           " VALUES (2025, 'wages', 'major', 'FR', 3)")
db.commit()
PY
  run check --database "$TMP/figures.db"
  expect_status 1
  expect_err "The totals kept for the figures differ from the data:"
  expect_err "figures_findings"
  expect_empty_out
fi

# A broken reference (written behind Vigie's back): reported, exit 1.
if /usr/bin/python3 -c 'import sqlite3' 2>/dev/null; then
  /usr/bin/python3 - "$DB" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("PRAGMA foreign_keys = OFF")
db.execute("INSERT INTO workforce_snapshots (uuid, site_id, as_of, source, total, created_at,"
           " updated_at) VALUES ('x', 99999, '2026-01-01', 'public', 10, 'a', 'a')")
db.commit()
PY
  run check --database "$DB"
  expect_status 1
  expect_err "The database has problems:"
  expect_err "workforce_snapshots"
  expect_empty_out
else
  echo "python3 sqlite3 module missing: broken-reference case skipped"
fi

finish

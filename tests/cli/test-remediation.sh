# test-remediation.sh — vigie-cli remediation --overdue: the overdue digest.
#
# SPDX-License-Identifier: GPL-3.0-or-later
. "$(dirname "$0")/common.sh"

# No dataset yet: bad input.
run remediation --overdue --database "$DB"
expect_status 1
expect_err "vigie-cli:"

run demo --database "$DB" --sites 15 --findings 40 --seed 7
expect_status 0

# The count printed agrees with the rule applied by hand in SQL (due before today, work
# still owed) on the same dataset.
count_sql ()
{
  /usr/bin/python3 - "$DB" "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(db.execute("SELECT count(*) FROM remediation_actions WHERE due_on < ? AND status IN "
                 "('proposed','plan_submitted','plan_accepted','plan_rejected','in_progress',"
                 "'disputed','escalated')", (sys.argv[2],)).fetchone()[0])
PY
}

run remediation --overdue --database "$DB"
expect_status 0
expect_empty_err
expect_out "Site"
expect_out "Days overdue"
expect_out "Status"
expected=$(count_sql 2026-06-15)
N_CHECKS=$((N_CHECKS + 1))
[ "$expected" -gt 0 ] || fail "the demo dataset has no overdue action"
N_CHECKS=$((N_CHECKS + 1))
[ "$(printf '%s\n' "$OUT" | sed -n '2,$p' | grep -c '^[^ ].*  [0-9][0-9]*  ')" = "$expected" ] \
  || fail "expected $expected rows"
expect_out "$expected actions overdue."
# Longest overdue first: the days column never grows down the table.
N_CHECKS=$((N_CHECKS + 1))
printf '%s\n' "$OUT" | sed -n "2,$((expected + 1))p" \
  | grep -o '  [0-9][0-9]*  [^ ]' | grep -o '[0-9][0-9]*' | sort -n -r -c 2>/dev/null \
  || fail "rows are not ordered by days overdue"

# --today moves the reference date: days overdue follow it.
run remediation --overdue --today 2030-01-01 --database "$DB"
expect_status 0
expect_out "$(count_sql 2030-01-01) actions overdue."
run remediation --overdue --today 2000-01-01 --database "$DB"
expect_status 0
expect_out "No action is overdue."

# Usage errors.
run remediation --database "$DB"
expect_status 2
expect_err "--overdue"
run remediation --overdue --today 2026-02-30 --database "$DB"
expect_status 2
expect_err "--today"
run remediation --overdue extra --database "$DB"
expect_status 2

finish

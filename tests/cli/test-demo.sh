# test-demo.sh — vigie-cli demo.
#
# SPDX-License-Identifier: GPL-3.0-or-later
. "$(dirname "$0")/common.sh"

run demo --database "$DB" --sites 15 --findings 40 --seed 7
expect_status 0
expect_out "Generated 15 sites with 40 findings"
# stderr is not a terminal and --progress was not given: no progress.
expect_empty_err
run check --database "$DB"
expect_status 0
expect_out "Database is sound."
expect_count sites 15
expect_count findings 40
first=$OUT

# The same seed and sizes give the same data.
run demo --database "$TMP/again.db" --sites 15 --findings 40 --seed 7 --progress
expect_status 0
expect_err "%"
expect_err "100 %"
run check --database "$TMP/again.db"
expect_status 0
N_CHECKS=$((N_CHECKS + 1))
[ "$OUT" = "$first" ] || fail "same seed, different row counts"

# Only into an empty dataset.
run demo --database "$DB" --sites 5 --findings 5
expect_status 1
expect_err "vigie-cli:"
run check --database "$DB"
expect_count sites 15

# Usage errors.
for bad in "--sites abc" "--sites 0" "--sites -3" "--findings x" "--seed -1" "--colour blue"; do
  # shellcheck disable=SC2086
  run demo --database "$TMP/bad.db" $bad
  expect_status 2
  expect_err "Usage:"
done
[ ! -e "$TMP/bad.db" ] || fail "a usage error created a database"
run demo --database "$TMP/bad.db" extra
expect_status 2

finish

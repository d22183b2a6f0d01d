# test-backup.sh — vigie-cli backup, and check of the copy.
#
# SPDX-License-Identifier: GPL-3.0-or-later
. "$(dirname "$0")/common.sh"

run init --database "$DB"
expect_status 0
run import factories --database "$DB" "$FIXTURES/osh-facilities.csv"
expect_status 0

run backup --database "$DB" "$TMP/copy.db"
expect_status 0
expect_out "Copied the dataset to"
[ -f "$TMP/copy.db" ] || fail "no copy"
mode=$(stat -c %a "$TMP/copy.db")
[ "$mode" = 600 ] || fail "copy mode is $mode, not 600"
[ ! -e "$TMP/copy.db.part" ] || fail "temporary file left behind"

run check --database "$TMP/copy.db"
expect_status 0
expect_out "Database is sound."
expect_count sites 12
expect_count workforce_snapshots 6

# The copy is a working dataset: import into it matches everything.
run import factories --database "$TMP/copy.db" "$FIXTURES/osh-facilities.csv"
expect_status 0
expect_out "0 sites added"

# Never replaces a file unless asked; never the dataset itself.
run backup --database "$DB" "$TMP/copy.db"
expect_status 1
expect_err "already exists"
run backup --database "$DB" --force "$TMP/copy.db"
expect_status 0
run backup --database "$DB" --force "$DB"
expect_status 1
expect_err "cannot replace the dataset itself"

# Usage errors.
run backup --database "$DB"
expect_status 2
expect_err "Usage:"
run backup --database "$DB" a.db b.db
expect_status 2

# No dataset.
run backup --database "$TMP/none.db" "$TMP/copy2.db"
expect_status 1
expect_err "There is no dataset at"

finish

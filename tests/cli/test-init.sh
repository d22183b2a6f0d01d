# test-init.sh — vigie-cli init.
#
# SPDX-License-Identifier: GPL-3.0-or-later
. "$(dirname "$0")/common.sh"

run --database "$DB" init
expect_status 0
expect_out "Created an empty dataset"
expect_empty_err
[ -f "$DB" ] || fail "no database file"
mode=$(stat -c %a "$DB")
[ "$mode" = 600 ] || fail "database mode is $mode, not 600"

run check --database "$DB"
expect_status 0
expect_out "Database is sound."
expect_count sites 0

# Never over an existing file.
run init --database "$DB"
expect_status 1
expect_err "already exists"

# The default place, under XDG_DATA_HOME, folders created.
run init
expect_status 0
[ -f "$XDG_DATA_HOME/vigie/vigie.db" ] || fail "no default database"
run check
expect_status 0
expect_out "Database is sound."

# A folder that cannot be created.
touch "$TMP/plainfile"
run init --database "$TMP/plainfile/sub/x.db"
expect_status 1
expect_err "vigie-cli:"

finish

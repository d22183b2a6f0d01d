# test-import.sh — vigie-cli import factories: twice, bad rows, dry run, bad files.
#
# SPDX-License-Identifier: GPL-3.0-or-later
. "$(dirname "$0")/common.sh"

GOOD="$FIXTURES/osh-facilities.csv"
BAD="$FIXTURES/osh-facilities-bad.csv"

# No dataset yet: refused.
run import factories --database "$DB" "$GOOD"
expect_status 1
expect_err "There is no dataset at"

run init --database "$DB"
expect_status 0

# Dry run: the report, nothing written.
run import factories --dry-run --database "$DB" "$GOOD"
expect_status 0
expect_out "osh-facilities.csv: 12 sites would be added (dry run"
run check --database "$DB"
expect_count sites 0

# First import adds every row; data on stdout, nothing on stderr.
run import factories --database "$DB" "$GOOD"
expect_status 0
expect_out "osh-facilities.csv: 12 sites added"
expect_out "osh-facilities.csv: 0 rows matched known sites"
expect_empty_err
run check --database "$DB"
expect_count sites 12

# Second import adds nothing: every row matches.
run --database "$DB" import factories "$GOOD"
expect_status 0
expect_out "osh-facilities.csv: 0 sites added"
expect_out "osh-facilities.csv: 12 rows matched known sites"
expect_out "row 4: “Pegatron Taoyuan” is already in the dataset"
run check --database "$DB"
expect_count sites 12

# Bad rows: exit 1, every bad row named with its field, nothing written.
run import factories --database "$DB" "$BAD"
expect_status 1
expect_err "osh-facilities-bad.csv: row 2, field “country”: “Atlantis” is not a known country"
expect_err "osh-facilities-bad.csv: row 3, field “name”:"
expect_err "osh-facilities-bad.csv: row 4, field “lat”:"
expect_err "osh-facilities-bad.csv: row 5, field “lng”:"
expect_err "osh-facilities-bad.csv: row 6, field “number_of_workers”:"
expect_err "osh-facilities-bad.csv: row 7, field “os_id”:"
expect_err "6 rows rejected: nothing was imported"
expect_empty_out
run check --database "$DB"
expect_count sites 12

# Whole-file problems: exit 1, the file named.
printf 'country,name\nCN,Acme\n' > "$TMP/nocolumn.csv"
run import factories --database "$DB" "$TMP/nocolumn.csv"
expect_status 1
expect_err "nocolumn.csv: the required column “address” is missing"
printf 'country,name,address\nFR,Caf\351,Rue 1\n' > "$TMP/latin1.csv"
run import factories --database "$DB" "$TMP/latin1.csv"
expect_status 1
expect_err "latin1.csv: line 2:"
expect_err "UTF-8"
printf 'country,name,address\nCN,"Acme,Road 1\n' > "$TMP/open-quote.csv"
run import factories --database "$DB" "$TMP/open-quote.csv"
expect_status 1
expect_err "open-quote.csv: line 2:"
run import factories --database "$DB" "$TMP/does-not-exist.csv"
expect_status 1
expect_err "does-not-exist.csv:"

# Progress only when asked (stderr is not a terminal here).
printf 'country,name,address\nCN,Progress Works,Road 9\n' > "$TMP/progress.csv"
run import factories --progress --database "$DB" "$TMP/progress.csv"
expect_status 0
expect_err "100 %"
expect_out "1 site added"

# Usage errors: exit 2.
run import --database "$DB"
expect_status 2
expect_err "Usage:"
run import factories --database "$DB"
expect_status 2
expect_err "Name the CSV file to import"
run import grievances --database "$DB" "$GOOD"
expect_status 2
expect_err "“grievances” is not a kind of file"
run import factories --database "$DB" "$GOOD" "$GOOD"
expect_status 2
run import factories --no-such-option --database "$DB" "$GOOD"
expect_status 2

finish

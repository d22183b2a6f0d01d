# test-import-chemicals.sh — vigie-cli import chemicals: dry run, import, bad rows (all or
# nothing, every problem named), whole-file errors, usage.
#
# SPDX-License-Identifier: GPL-3.0-or-later
. "$(dirname "$0")/common.sh"

run init --database "$DB"
expect_status 0
run import factories --database "$DB" "$FIXTURES/osh-facilities.csv"
expect_status 0

GOOD="$TMP/inventory.csv"
cat > "$GOOD" <<'CSV'
site,trade_name,supplier,process,quantity,unit,cas_numbers,h_codes,period,workers_exposed,women_exposed
Foxconn Longhua Science Park,Screen Wipe Solvent SW-7,Solvix,cleaning,1200,L,110-54-3:60-80;108-88-3:10-20,H225;H304;H315;H336;H361f,2025,40,25
CN2019303BQ3FZP,HF-5 Glass Etchant,Huaxin,etching,300,kg,7664-39-3:1-10,H300+H310+H330;H314,2025,6,2
1,Sn63Pb37 Solder Paste,,soldering,50,kg,7440-31-5:60-65;7439-92-1:35-40,H360FD;H362;H410,2025,20,15
CSV

BAD="$TMP/inventory-bad.csv"
cat > "$BAD" <<'CSV'
site,trade_name,process,quantity,unit,cas_numbers,h_codes
1,Good Row,cleaning,10,L,67-64-1:30-60,H225
1,Wrong CAS,cleaning,10,L,7732-18-4,H225
Atlantis Works,Unknown Site,cleaning,10,L,67-64-1,H225
1,Unknown Code,cleaning,10,L,67-64-1,H225;H999
1,No Unit,cleaning,10,,67-64-1,H225
CSV

# Dry run: checked, nothing written.
run import chemicals --dry-run --database "$DB" "$GOOD"
expect_status 0
expect_out "inventory.csv: 3 rows checked, nothing written (dry run)."
run check --database "$DB"
expect_count chemical_products 0

run import chemicals --database "$DB" "$GOOD"
expect_status 0
expect_out "inventory.csv: 3 chemical products imported."
expect_empty_err
run check --database "$DB"
expect_count chemical_products 3

# Bad rows: every problem on stderr with row, field and reason; nothing written.
run import chemicals --database "$DB" "$BAD"
expect_status 1
expect_err "inventory-bad.csv: row 2, field “cas_numbers”:"
expect_err "7732-18-4"
expect_err "inventory-bad.csv: row 3, field “site”: no site has the id, Open Supply Hub ID or name “Atlantis Works”"
expect_err "inventory-bad.csv: row 4, field “h_codes”:"
expect_err "inventory-bad.csv: row 5, field “unit”:"
expect_err "inventory-bad.csv: 4 rows are wrong; nothing was imported."
run check --database "$DB"
expect_count chemical_products 3

# Whole-file problems.
printf 'site,supplier\n1,X\n' > "$TMP/nocol.csv"
run import chemicals --database "$DB" "$TMP/nocol.csv"
expect_status 1
expect_err "the required column “trade_name” is missing"
run import chemicals --database "$DB" "$TMP/missing.csv"
expect_status 1

# Usage.
run import chemicals --database "$DB"
expect_status 2
expect_err "Name the CSV file to import"
run import chemicals --help
expect_status 0
expect_out "cas_numbers"

finish

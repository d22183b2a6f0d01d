# test-export-site.sh — vigie-cli export site: the website's files, public and readable by
# all, reproducible, nothing non-public in any byte, valid JSON, and sites.csv re-imported
# with `vigie-cli import factories` into an empty dataset gives the same sites.
#
# Usage: bash test-export-site.sh /path/to/vigie-cli /path/to/tests/fixtures
#
# SPDX-License-Identifier: GPL-3.0-or-later
. "$(dirname "$0")/../cli/common.sh"

export VIGIE_LOCALEDIR=${VIGIE_LOCALEDIR:-$(cd "$(dirname "$CLI")/../../po" && pwd)}
PY=/usr/bin/python3

# Usage errors.
run export site --database "$DB"
expect_status 2
expect_err "--output"
run export site --database "$DB" --level internal -o "$TMP/site"
expect_status 2
expect_err "public"
run export site --database "$DB" --level secret -o "$TMP/site"
expect_status 2
expect_err "--level"
run export site extra --database "$DB" -o "$TMP/site"
expect_status 2

# No dataset yet: bad input.
run export site --database "$DB" -o "$TMP/site"
expect_status 1

run demo --database "$DB" --sites 12 --findings 120 --seed 3
expect_status 0

# Languages: a code that is not one, and one Vigie is not translated into.
run export site --database "$DB" -o "$TMP/bad" --language 'EN!'
expect_status 1
expect_err "EN!"
run export site --database "$DB" -o "$TMP/bad" --language xx
expect_status 1
expect_err "xx"

# The website, in English and French.
run export site --database "$DB" --level public -o "$TMP/site" --language en --language fr
expect_status 0
for f in index.html style.css filter.js en/index.html en/data.html fr/index.html fr/data.html \
         data/sites.csv data/findings.csv data/findings.json data/remediation.csv \
         data/remediation.json data/README.md; do
  N_CHECKS=$((N_CHECKS + 1))
  [ -s "$TMP/site/$f" ] || fail "$f is missing or empty"
done
N_CHECKS=$((N_CHECKS + 1))
n_pages=$(find "$TMP/site/en/sites" -name '*.html' | wc -l)
[ "$n_pages" = 12 ] || fail "expected 12 English site pages, found $n_pages"
N_CHECKS=$((N_CHECKS + 1))
n_pages=$(find "$TMP/site/fr/sites" -name '*.html' | wc -l)
[ "$n_pages" = 12 ] || fail "expected 12 French site pages, found $n_pages"
N_CHECKS=$((N_CHECKS + 1))
[ -z "$(find "$TMP/site" -type f ! -perm 0644)" ] || fail "files not mode 0644: $(find "$TMP/site" -type f ! -perm 0644)"
N_CHECKS=$((N_CHECKS + 1))
grep -q '<html lang="fr">' "$TMP/site/fr/index.html" || fail "fr/index.html is not French"
N_CHECKS=$((N_CHECKS + 1))
grep -q 'Constats critiques' "$TMP/site/fr/sites/"*.html || fail "the French site pages are not in French"
N_CHECKS=$((N_CHECKS + 1))
grep -q 'href="../fr/index.html"' "$TMP/site/en/index.html" || fail "no language switcher"
N_CHECKS=$((N_CHECKS + 1))
! grep -rqiE '(src|href)="(https?:)?//|url\((https?:)?//|@import' "$TMP/site"/*.html \
    "$TMP/site"/*/*.html "$TMP/site"/*/sites/*.html "$TMP/site/style.css" \
  || fail "a page loads something from outside the website"

# The same dataset gives the same bytes.
run export site --database "$DB" -o "$TMP/again" --language en --language fr
expect_status 0
N_CHECKS=$((N_CHECKS + 1))
diff -r "$TMP/site" "$TMP/again" >/dev/null || fail "two exports differ: $(diff -rq "$TMP/site" "$TMP/again" | head -3)"

# A page of a site that left the dataset is removed on the next export.
touch "$TMP/again/en/sites/gone.html"
run export site --database "$DB" -o "$TMP/again" --language en --language fr
expect_status 0
N_CHECKS=$((N_CHECKS + 1))
[ ! -e "$TMP/again/en/sites/gone.html" ] || fail "a stale site page was kept"

# --date prints the date of the export; without it there is none.
run export site --database "$DB" -o "$TMP/dated" --language en --date
expect_status 0
N_CHECKS=$((N_CHECKS + 1))
grep -q 'Data as of 15 June 2026' "$TMP/site/en/index.html" && fail "an undated export printed a date"
grep -q 'Data as of 15 June 2026' "$TMP/dated/en/index.html" || fail "--date printed no date"

# Nothing that is not public, in any file: the titles of internal-only findings, the
# summaries of confidential evidence and every internal note.
$PY - "$DB" "$TMP/site" <<'PY' || fail "non-public data in the website"
import os, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
secrets = set()
for sql in (
    "SELECT title FROM findings WHERE disclosure_level <> 'public'"
    " AND title NOT IN (SELECT title FROM findings WHERE disclosure_level = 'public')",
    "SELECT summary FROM evidence WHERE confidential = 1 AND summary <> ''"
    " AND summary NOT IN (SELECT summary FROM evidence WHERE confidential = 0)",
    "SELECT notes FROM sites WHERE notes <> ''",
    "SELECT notes FROM findings WHERE notes <> ''",
    "SELECT notes FROM remediation_actions WHERE notes <> ''",
    "SELECT note FROM remediation_status_history WHERE note <> ''",
):
    secrets.update(r[0] for r in db.execute(sql) if r[0] and len(r[0]) >= 12)
if not secrets:
    sys.exit("the demo dataset has nothing secret to look for")
blob = b""
for root, _, files in os.walk(sys.argv[2]):
    for name in files:
        with open(os.path.join(root, name), "rb") as f:
            blob += f.read()
leaks = [s for s in secrets if s.encode() in blob]
if leaks:
    sys.exit("leaked: %r" % leaks[:3])
print("checked %d secrets" % len(secrets))
PY
N_CHECKS=$((N_CHECKS + 1))

# The JSON files parse and hold the rows of their CSV twins, the public findings of the DB.
$PY - "$DB" "$TMP/site/data" <<'PY' || fail "the open data does not match"
import csv, json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
d = sys.argv[2]
findings = json.load(open(d + "/findings.json", encoding="utf-8"))
actions = json.load(open(d + "/remediation.json", encoding="utf-8"))
rows = list(csv.DictReader(open(d + "/findings.csv", encoding="utf-8", newline="")))
arows = list(csv.DictReader(open(d + "/remediation.csv", encoding="utf-8", newline="")))
public = db.execute("SELECT count(*) FROM findings WHERE disclosure_level = 'public'").fetchone()[0]
public_actions = db.execute("SELECT count(*) FROM remediation_actions a JOIN findings f"
                            " ON f.id = a.finding_id WHERE f.disclosure_level = 'public'").fetchone()[0]
assert findings["disclosure_level"] == "public"
assert len(findings["findings"]) == len(rows) == public > 0, (len(rows), public)
assert len(actions["actions"]) == len(arows) == public_actions > 0
assert [f["finding_id"] for f in findings["findings"]] == [r["finding_id"] for r in rows]
uuids = {r[0] for r in db.execute("SELECT uuid FROM findings WHERE disclosure_level = 'public'")}
assert {r["finding_id"] for r in rows} == uuids
PY
N_CHECKS=$((N_CHECKS + 1))

# sites.csv is an Open Supply Hub list: imported into an empty dataset, the same sites.
run init --database "$TMP/reimport.db"
expect_status 0
run import factories --database "$TMP/reimport.db" "$TMP/site/data/sites.csv"
expect_status 0
expect_out "12 sites added"
$PY - "$DB" "$TMP/reimport.db" <<'PY' || fail "the re-imported sites differ"
import sqlite3, sys
cols = ("name, native_name, address, country, os_id, latitude, longitude, parent_company,"
        " location_type, products")
def sites(path):
    db = sqlite3.connect(path)
    return sorted(db.execute("SELECT %s FROM sites WHERE address <> '' ORDER BY name" % cols))
a, b = sites(sys.argv[1]), sites(sys.argv[2])
assert len(a) == 12 and a == b, (len(a), len(b), [x for x in zip(a, b) if x[0] != x[1]][:2])
PY
N_CHECKS=$((N_CHECKS + 1))

finish

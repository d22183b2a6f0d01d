#!/bin/bash
# bench-import.sh — `vigie-cli import findings` of 100,000 findings from a CSV file into the
# 1,000,000-finding demo dataset, against the sqlite3 shell's `.import` of the same rows into
# the same schema (its indexes, full-text triggers and summary triggers live, foreign keys
# on), in the same run. Each run works on a fresh copy of the dataset; Vigie and the shell
# take turns. Prints the median wall time of RUNS runs (default 5, whole processes, from
# /usr/bin/time -v), the ratio, and the peak RSS of each.
#
#   tests/bench/bench-import.sh [RUNS]
#   BUILD=_build-bench DATASET=/tmp/copy.db ROWS=100000 tests/bench/bench-import.sh 5
#
# The rows: the first ROWS findings of the dataset (its demo data: titles, descriptions,
# themes, RBA clauses, forced-labour indicators, affected groups), written as Vigie's CSV
# (site by Open Supply Hub ID when the site has one, else by number) and, for the shell, in
# the tables' own layout (ids and UUIDs given, sites as ids). The shell loads them into
# temporary tables with .import and copies them into findings, finding_standards and
# finding_indicators in one transaction. After the first run of each, the script checks that
# both wrote the same rows.
#
# The dataset ($DATASET, default /tmp/vigie-bench-findings/findings-1m.db) is generated once
# with `vigie-cli demo --sites 20000 --findings 1000000` when missing; a copy of a database
# made that way works as well. It is only read; each run needs room for one copy of it.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-5}
rows=${ROWS:-100000}
build=${BUILD:-_build}
case $build in /*) ;; *) build=$root/$build ;; esac
dataset=${DATASET:-/tmp/vigie-bench-findings/findings-1m.db}
cli=$build/src/cli/vigie-cli

for tool in sqlite3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench-import: $tool is missing" >&2; exit 77; }
done
# NO_BUILD=1: use the build as it is (while others edit the sources).
[ -n "${NO_BUILD:-}" ] || ninja -C "$build" src/cli/vigie-cli >/dev/null

if [ ! -f "$dataset" ]; then
  mkdir -p "$(dirname "$dataset")"
  echo "bench-import: generating $dataset…" >&2
  VIGIE_TODAY=2026-06-15 "$cli" --database "$dataset.tmp" demo \
    --sites 20000 --findings 1000000 >&2
  mv "$dataset.tmp" "$dataset"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/vigie-bench-import-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

# A copy the build has opened once (so that a migration, if any, is not measured).
cp "$dataset" "$work/base.db"
"$cli" --database "$work/base.db" import findings --dry-run /dev/null >/dev/null 2>&1 || true
sqlite3 "$work/base.db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
max_id=$(sqlite3 "$work/base.db" 'SELECT max (id) FROM findings')

# ─── The rows ──────────────────────────────────────────────────────────────────────────
sqlite3 -readonly "$work/base.db" >/dev/null <<EOF
.headers on
.mode csv
.output $work/findings.csv
SELECT coalesce (s.os_id, s.id) AS site, f.title, f.severity, f.first_observed, f.description,
       f.company_response, f.notes, f.kind, f.status, f.closed_on, f.disclosure_level,
       f.workers_affected,
       trim ((CASE WHEN f.affects_women THEN 'women;' ELSE '' END)
             || (CASE WHEN f.affects_migrant THEN 'migrant;' ELSE '' END)
             || (CASE WHEN f.affects_agency THEN 'agency;' ELSE '' END)
             || (CASE WHEN f.affects_student THEN 'student;' ELSE '' END)
             || (CASE WHEN f.affects_young THEN 'young;' ELSE '' END), ';') AS affected_groups,
       -- The primary theme first: Vigie takes the first one as the finding's theme.
       trim (f.theme || ';' || coalesce ((SELECT group_concat (st.key, ';')
          FROM finding_standards fs JOIN standards st ON st.id = fs.standard_id
          JOIN code_standards c ON c.id = st.code_id
         WHERE fs.finding_id = f.id AND c.code = 'vigie' AND st.key <> f.theme), ''), ';')
         AS themes,
       (SELECT group_concat (st.key, ';')
          FROM finding_standards fs JOIN standards st ON st.id = fs.standard_id
          JOIN code_standards c ON c.id = st.code_id
         WHERE fs.finding_id = f.id AND c.code = 'rba') AS rba,
       (SELECT group_concat (i.code, ';')
          FROM finding_indicators fi JOIN fl_indicators i ON i.id = fi.indicator_id
         WHERE fi.finding_id = f.id) AS indicators
  FROM findings f JOIN sites s ON s.id = f.site_id
 WHERE f.id IN (SELECT id FROM findings ORDER BY id LIMIT $rows)
 ORDER BY f.id;
.headers off
.output $work/table-findings.csv
SELECT $max_id + row_number () OVER (ORDER BY f.id),
       lower (hex (randomblob (4)) || '-' || hex (randomblob (2)) || '-4' || substr (hex (randomblob (2)), 2)
              || '-a' || substr (hex (randomblob (2)), 2) || '-' || hex (randomblob (6))),
       f.site_id, f.title, f.description, f.theme, f.severity, f.kind, f.workers_affected,
       f.affects_women, f.affects_migrant, f.affects_agency, f.affects_student, f.affects_young,
       f.first_observed, f.company_response, f.disclosure_level, f.status, f.closed_on, f.notes
  FROM findings f WHERE f.id IN (SELECT id FROM findings ORDER BY id LIMIT $rows) ORDER BY f.id;
.output $work/table-standards.csv
SELECT $max_id + n.rn, fs.standard_id
  FROM (SELECT id, row_number () OVER (ORDER BY id) AS rn FROM findings ORDER BY id LIMIT $rows) n
  JOIN finding_standards fs ON fs.finding_id = n.id ORDER BY 1, 2;
.output $work/table-indicators.csv
SELECT $max_id + n.rn, fi.indicator_id
  FROM (SELECT id, row_number () OVER (ORDER BY id) AS rn FROM findings ORDER BY id LIMIT $rows) n
  JOIN finding_indicators fi ON fi.finding_id = n.id ORDER BY 1, 2;
EOF

cat > "$work/reference.sql" <<EOF
PRAGMA foreign_keys = ON;
BEGIN;
CREATE TEMP TABLE staged_findings (id, uuid, site_id, title, description, theme, severity, kind,
  workers_affected, affects_women, affects_migrant, affects_agency, affects_student,
  affects_young, first_observed, company_response, disclosure_level, status, closed_on, notes);
CREATE TEMP TABLE staged_standards (finding_id, standard_id);
CREATE TEMP TABLE staged_indicators (finding_id, indicator_id);
.import --csv $work/table-findings.csv staged_findings
.import --csv $work/table-standards.csv staged_standards
.import --csv $work/table-indicators.csv staged_indicators
INSERT INTO findings (id, uuid, site_id, title, description, theme, severity, kind,
                      workers_affected, affects_women, affects_migrant, affects_agency,
                      affects_student, affects_young, first_observed, company_response,
                      disclosure_level, status, closed_on, notes, created_at, updated_at)
  SELECT id, uuid, site_id, title, description, theme, severity, kind,
         CAST (nullif (workers_affected, '') AS INTEGER), affects_women, affects_migrant,
         affects_agency, affects_student, affects_young, first_observed, company_response,
         disclosure_level, status, nullif (closed_on, ''), notes, '2026-06-15T12:00:00Z',
         '2026-06-15T12:00:00Z'
    FROM staged_findings ORDER BY CAST (id AS INTEGER);
INSERT INTO finding_standards (finding_id, standard_id)
  SELECT CAST (finding_id AS INTEGER), CAST (standard_id AS INTEGER) FROM staged_standards;
INSERT INTO finding_indicators (finding_id, indicator_id)
  SELECT CAST (finding_id AS INTEGER), CAST (indicator_id AS INTEGER) FROM staged_indicators;
COMMIT;
EOF

run_vigie ()
{
  cp "$work/base.db" "$work/run.db"
  VIGIE_NOW=2026-06-15T12:00:00Z /usr/bin/time -v -o "$work/vigie.time" \
    "$cli" --database "$work/run.db" import findings "$work/findings.csv" > "$work/vigie.out"
}

run_shell ()
{
  cp "$work/base.db" "$work/run.db"
  /usr/bin/time -v -o "$work/shell.time" sqlite3 -bail "$work/run.db" < "$work/reference.sql"
}

wall () { awk -F': ' '/Elapsed \(wall clock\)/ { n = split ($2, p, ":"); s = 0;
                       for (k = 1; k <= n; k++) s = s * 60 + p[k]; printf "%.2f\n", s }' "$1"; }
cpu () { awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f\n", s }' "$1"; }
rss_mib () { awk -F': ' '/Maximum resident/ { printf "%.0f", $2 / 1024 }' "$1"; }
median () { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
# What was written, without ids and UUIDs, for the comparison.
imported ()
{
  sqlite3 -readonly "$work/run.db" "SELECT count (*) FROM findings WHERE id > $max_id;
    SELECT f.site_id, f.title, f.description, f.theme, f.severity, f.kind, f.workers_affected,
           f.affects_women, f.affects_migrant, f.affects_agency, f.affects_student,
           f.affects_young, f.first_observed, f.company_response, f.disclosure_level,
           f.status, f.closed_on, f.notes,
           (SELECT group_concat (standard_id) FROM (SELECT standard_id FROM finding_standards
              WHERE finding_id = f.id ORDER BY 1)),
           (SELECT group_concat (indicator_id) FROM (SELECT indicator_id FROM finding_indicators
              WHERE finding_id = f.id ORDER BY 1))
      FROM findings f WHERE f.id > $max_id ORDER BY f.id;
    SELECT count (*) FROM findings_fts WHERE findings_fts MATCH 'overtime' AND rowid > $max_id;" \
    | md5sum | cut -d ' ' -f 1
}

echo "Import of $rows findings into $(basename "$dataset") ($max_id findings); $runs runs; $(nproc) cores; load $(cut -d ' ' -f 1-3 /proc/loadavg); $(date -u +%Y-%m-%d)"
run_vigie; vigie_sum=$(imported); rm -f "$work"/run.db*
run_shell; shell_sum=$(imported); rm -f "$work"/run.db*
if [ "$vigie_sum" != "$shell_sum" ]; then
  echo "bench-import: Vigie and the shell did not write the same rows" >&2
  exit 1
fi
: > "$work/v"; : > "$work/s"; : > "$work/vc"; : > "$work/sc"
for i in $(seq "$runs"); do
  run_vigie; wall "$work/vigie.time" >> "$work/v"; cpu "$work/vigie.time" >> "$work/vc"
  rm -f "$work"/run.db*
  run_shell; wall "$work/shell.time" >> "$work/s"; cpu "$work/shell.time" >> "$work/sc"
  rm -f "$work"/run.db*
  echo "run $i: Vigie $(tail -1 "$work/v") s (CPU $(tail -1 "$work/vc") s, $(rss_mib "$work/vigie.time") MiB), sqlite3 $(tail -1 "$work/s") s (CPU $(tail -1 "$work/sc") s, $(rss_mib "$work/shell.time") MiB)"
done
v=$(median < "$work/v"); s=$(median < "$work/s")
vc=$(median < "$work/vc"); sc=$(median < "$work/sc")
printf 'median wall: Vigie %.2f s, sqlite3 .import %.2f s, ratio %.2f\n' "$v" "$s" "$(echo "$v / $s" | bc -l)"
printf 'median CPU (user+sys): Vigie %.2f s, sqlite3 %.2f s, ratio %.2f\n' "$vc" "$sc" "$(echo "$vc / $sc" | bc -l)"
printf 'peak RSS (last run): Vigie %s MiB, sqlite3 %s MiB\n' "$(rss_mib "$work/vigie.time")" "$(rss_mib "$work/shell.time")"
tail -1 "$work/vigie.out"

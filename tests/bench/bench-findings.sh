#!/bin/bash
# bench-findings.sh — the Findings list on the 1,000,000-finding demo dataset, against the
# same queries in the sqlite3 shell, in the same run (Vigie and the shell take turns, after
# one warm-up run of each): median of RUNS runs (default 5), the ratio, and peak RSS.
#
#   tests/bench/bench-findings.sh [RUNS]
#   BUILD=_build-bench DATASET=/tmp/copy.db tests/bench/bench-findings.sh 7
#
# 1. Full-text search, first 100 results: bench-findings-driver (the list's query, then the
#    first 100 rows built as the column view binds them) against the same FTS5 query in the
#    shell with LIMIT 100, joined to the columns the list shows. The ids of both must be
#    the same, in the same order, or the script fails. WORDS (";"-separated) overrides the
#    phrases.
# 2. Sort by another column: the list loaded in its default order, then sorted; against the
#    same ORDER BY (the list's own SQL, vigie_finding_query_build_sql) in the shell, which
#    prints every id (to /dev/null). Vigie's time is until it holds every id in the new
#    order; the time to its first 100 rows is printed too. (With LIMIT -1 OFFSET n-1 the
#    shell would only step the index, without reading the ids: not the same work.)
# Times come from inside each process (the driver's clock, the shell's .timer): the dataset
# is open in the application already, so opening it is not counted on either side.
#
# The dataset ($DATASET, default /tmp/vigie-bench-findings/findings-1m.db) is generated once
# with `vigie-cli demo --sites 20000 --findings 1000000` when missing. A copy of a database
# made that way (seed 1) works as well; the script never writes to it.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-5}
build=${BUILD:-_build}
case $build in /*) ;; *) build=$root/$build ;; esac
dataset=${DATASET:-/tmp/vigie-bench-findings/findings-1m.db}
words=${WORDS:-4321 US dollars;passports held;overtime;payslip}
orders=${ORDERS:-title severity site}

for tool in sqlite3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench-findings: $tool is missing" >&2; exit 77; }
done
# NO_BUILD=1: use the build as it is (while others edit the sources).
[ -n "${NO_BUILD:-}" ] || ninja -C "$build" src/cli/vigie-cli tests/bench/bench-findings-driver >/dev/null
driver=$build/tests/bench/bench-findings-driver

if [ ! -f "$dataset" ]; then
  mkdir -p "$(dirname "$dataset")"
  echo "bench-findings: generating $dataset…" >&2
  VIGIE_TODAY=2026-06-15 "$build/src/cli/vigie-cli" --database "$dataset.tmp" demo \
    --sites 20000 --findings 1000000 >&2
  mv "$dataset.tmp" "$dataset"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/vigie-bench-findings-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

median () { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
rss_mib () { awk -F': ' '/Maximum resident/ { printf "%.0f", $2 / 1024 }' "$1"; }
# shell SQL: the statement's real time in seconds (.timer), the schema read beforehand.
shell_time ()
{
  printf 'SELECT count (*) FROM sqlite_master;\n.timer on\n.output /dev/null\n%s\n' "$1" \
    | /usr/bin/time -v -o "$work/shell.time" sqlite3 -readonly "$dataset" 2>&1 \
    | awk '/^Run Time:/ { print $4 }'
}

# The first open of the dataset by this build (a migration, if any) is not measured.
"$driver" "$dataset" open >/dev/null
echo "Findings list on $(basename "$dataset"): $(sqlite3 -readonly "$dataset" \
  'SELECT count (*) FROM findings') findings; $runs runs; $(nproc) cores; load $(cut -d ' ' -f 1-3 /proc/loadavg); $(date -u +%Y-%m-%d)"
echo
printf '%-32s %9s %9s %9s %7s %11s %11s\n' "search, first 100 results" hits "Vigie ms" \
  "sqlite3 ms" ratio "Vigie RSS" "shell RSS"

IFS=';' read -r -a phrases <<<"$words"
for phrase in "${phrases[@]}"; do
  idsql=$("$driver" "$dataset" sql search "$phrase")
  page_sql="SELECT p.id, s.name, s.country, f.title, f.severity, f.status, f.disclosure_level,
              f.first_observed, f.workers_affected
              FROM ($idsql LIMIT 100) p JOIN findings f ON f.id = p.id
              JOIN sites s ON s.id = f.site_id;"
  # The same 100 ids in the same order, or the comparison means nothing.
  "$driver" "$dataset" search "$phrase" > "$work/vigie.out"
  tail -n +2 "$work/vigie.out" > "$work/vigie.ids"
  sqlite3 -readonly "$dataset" "$idsql LIMIT 100;" > "$work/shell.ids"
  if ! cmp -s "$work/vigie.ids" "$work/shell.ids"; then
    echo "bench-findings: \"$phrase\": Vigie's first 100 ids differ from the shell's" >&2
    exit 1
  fi
  hits=$(head -1 "$work/vigie.out" | cut -d ' ' -f 3)
  shell_time "$page_sql" >/dev/null
  : > "$work/v"; : > "$work/s"
  for _ in $(seq "$runs"); do
    /usr/bin/time -v -o "$work/vigie.time" "$driver" "$dataset" search "$phrase" \
      > "$work/vigie.out"
    head -1 "$work/vigie.out" | awk '{ printf "%.1f\n", $2 * 1000 }' >> "$work/v"
    shell_time "$page_sql" | awk '{ printf "%.1f\n", $1 * 1000 }' >> "$work/s"
  done
  v=$(median < "$work/v"); s=$(median < "$work/s")
  printf '%-32s %9s %9.1f %9.1f %7.2f %8s MiB %8s MiB\n' "\"$phrase\"" "$hits" "$v" "$s" \
    "$(echo "$v / $s" | bc -l)" "$(rss_mib "$work/vigie.time")" "$(rss_mib "$work/shell.time")"
  echo "  runs (ms): Vigie $(tr '\n' ' ' < "$work/v")| sqlite3 $(tr '\n' ' ' < "$work/s")"
done

echo
printf '%-32s %9s %9s %9s %7s %11s %11s\n' "sort, every id in order" "first 100" "Vigie ms" \
  "sqlite3 ms" ratio "Vigie RSS" "shell RSS"
for order in $orders; do
  idsql=$("$driver" "$dataset" sql sort "$order")
  full_sql="$idsql;"
  "$driver" "$dataset" sort "$order" >/dev/null
  shell_time "$full_sql" >/dev/null
  : > "$work/v"; : > "$work/f"; : > "$work/s"
  for _ in $(seq "$runs"); do
    /usr/bin/time -v -o "$work/vigie.time" "$driver" "$dataset" sort "$order" > "$work/sort.out"
    awk '/^complete/ { printf "%.1f\n", $2 * 1000 }' "$work/sort.out" >> "$work/v"
    awk '/^first/ { printf "%.1f\n", $2 * 1000 }' "$work/sort.out" >> "$work/f"
    shell_time "$full_sql" | awk '{ printf "%.1f\n", $1 * 1000 }' >> "$work/s"
  done
  v=$(median < "$work/v"); f=$(median < "$work/f"); s=$(median < "$work/s")
  printf '%-32s %9.1f %9.1f %9.1f %7.2f %8s MiB %8s MiB\n' "$order" "$f" "$v" "$s" \
    "$(echo "$v / $s" | bc -l)" "$(rss_mib "$work/vigie.time")" "$(rss_mib "$work/shell.time")"
  echo "  runs (ms): Vigie $(tr '\n' ' ' < "$work/v")| sqlite3 $(tr '\n' ' ' < "$work/s")"
done
echo
echo "Vigie RSS: the whole driver process (list loaded in its default order, then sorted)."

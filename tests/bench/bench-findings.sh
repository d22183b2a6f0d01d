#!/bin/sh
# bench-findings.sh — the Findings page on a 1,000,000-finding demo dataset: time to the
# first page (open, id query in the page's order, first 40 rows built) and to a search,
# against the same SQL in the sqlite3 shell. Prints the median of N runs (default 5) and
# the ratio.
#
#   tests/bench/bench-findings.sh [RUNS]
#   BUILD=_build-findings WORDS="overtime" tests/bench/bench-findings.sh 7
#
# The dataset is generated ONCE (`vigie-cli demo --sites 20000 --findings 1000000`, about
# 4 minutes) and cached as $CACHE (default /tmp/vigie-bench-findings/findings-1m.db).
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-5}
build=${BUILD:-_build}
case $build in /*) ;; *) build=$root/$build ;; esac
cache=${CACHE:-/tmp/vigie-bench-findings/findings-1m.db}
words=${WORDS:-passport}

command -v sqlite3 >/dev/null || { echo "bench-findings: sqlite3 is missing" >&2; exit 77; }

if [ ! -f "$cache" ]; then
  mkdir -p "$(dirname "$cache")"
  echo "bench-findings: generating $cache (about 4 minutes)…" >&2
  VIGIE_TODAY=2026-06-15 "$build/src/cli/vigie-cli" --database "$cache.tmp" demo \
    --sites 20000 --findings 1000000 >&2
  mv "$cache.tmp" "$cache"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/vigie-bench-findings-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
cc -O2 -include "$build/config.h" -I"$build" -I"$root/src/core" \
   "$root/tests/bench/bench-findings-driver.c" "$build/src/core/libvigie-core.a" \
   $(pkg-config --cflags --libs gio-2.0 sqlite3) -lm -o "$work/driver"

median () { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
now () { date +%s.%N; }

# The same SQL the list runs (vigie_finding_query_build_sql), and the FTS expression
# vigie_site_query_build_match makes of WORDS.
page_sql="SELECT count(*) FROM (SELECT f.id FROM findings f ORDER BY f.first_observed DESC, f.id DESC);"
match=$(printf '%s' "$words" | tr -cs '[:alnum:]' '\n' | awk 'NF { printf "%s\"%s\"*", (n++ ? " " : ""), $0 }')
search_sql="SELECT count(*) FROM (SELECT f.id FROM findings f WHERE f.id IN (SELECT rowid FROM findings_fts WHERE findings_fts MATCH '$match' UNION SELECT e.finding_id FROM evidence e WHERE e.id IN (SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH '$match')) ORDER BY f.first_observed DESC, f.id DESC);"

# Warm the page cache once, like an application opened a second time.
sqlite3 -readonly "$cache" "$page_sql" >/dev/null

run_driver () { for i in $(seq "$runs"); do "$work/driver" "$cache" "$@" | cut -d' ' -f1; done | median; }
run_shell () {
  for i in $(seq "$runs"); do
    t0=$(now); sqlite3 -readonly "$cache" "$1" >/dev/null; t1=$(now)
    echo "$t1 - $t0" | bc -l
  done | median
}

n_all=$("$work/driver" "$cache" | cut -d' ' -f2)
n_hits=$("$work/driver" "$cache" "$words" | cut -d' ' -f2)
vigie_page=$(run_driver)
shell_page=$(run_shell "$page_sql")
vigie_search=$(run_driver "$words")
shell_search=$(run_shell "$search_sql")

printf 'dataset: %s (%s findings)\n' "$cache" "$n_all"
printf '%-28s %10s %10s %7s\n' "median of $runs runs (s)" "Vigie" "sqlite3" "ratio"
printf '%-28s %10.3f %10.3f %7.2f\n' "first page" "$vigie_page" "$shell_page" \
  "$(echo "$vigie_page / $shell_page" | bc -l)"
printf '%-28s %10.3f %10.3f %7.2f\n' "search \"$words\" ($n_hits)" "$vigie_search" \
  "$shell_search" "$(echo "$vigie_search / $shell_search" | bc -l)"

#!/bin/sh
# bench-figures.sh — the annual figures (`vigie-cli figures --year Y`) on a
# 1,000,000-finding demo dataset: the time of each figure's query (median of RUNS runs,
# default 5, after one warm-up run), and of the whole set. Each run is a new process and a
# new connection, as when the Overview opens a dataset.
#
#   tests/bench/bench-figures.sh [RUNS]
#   BUILD=_build-figures YEAR=2025 tests/bench/bench-figures.sh 5
#   INDEXES=1 tests/bench/bench-figures.sh   # also on a copy with the indexes proposed
#                                            # in vigie-figures.c (built once, cached)
#
# The dataset is generated ONCE (`vigie-cli demo --sites 20000 --findings 1000000`, about
# 4 minutes) and cached as $CACHE (default /tmp/vigie-bench-figures.db).
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-5}
build=${BUILD:-_build}
case $build in /*) ;; *) build=$root/$build ;; esac
cache=${CACHE:-/tmp/vigie-bench-figures.db}
year=${YEAR:-2025}
cli=$build/src/cli/vigie-cli

if [ ! -f "$cache" ]; then
  echo "bench-figures: generating $cache (about 4 minutes)…" >&2
  VIGIE_TODAY=2026-06-15 "$cli" --database "$cache.tmp" demo \
    --sites 20000 --findings 1000000 >&2
  mv "$cache.tmp" "$cache"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/vigie-bench-figures-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

# bench DB LABEL: RUNS timed runs after a warm-up; prints "figure  median ms".
bench ()
{
  db=$1
  "$cli" figures --year "$year" --today 2026-06-15 --timings --format csv \
    --database "$db" >/dev/null 2>"$work/warm"
  i=0
  while [ "$i" -lt "$runs" ]; do
    "$cli" figures --year "$year" --today 2026-06-15 --timings --format csv \
      --database "$db" >/dev/null 2>"$work/run.$i"
    i=$((i + 1))
  done
  cat "$work"/run.* | awk -F '\t' '
    { v[$1, ++n[$1]] = $2; if (!($1 in seen)) { seen[$1] = 1; order[++k] = $1 } }
    END {
      for (j = 1; j <= k; j++) {
        f = order[j]; m = n[f]
        for (a = 1; a <= m; a++) s[a] = v[f, a]
        for (a = 1; a <= m; a++) for (b = a + 1; b <= m; b++)
          if (s[b] + 0 < s[a] + 0) { t = s[a]; s[a] = s[b]; s[b] = t }
        printf "  %-24s %10.1f ms\n", f, s[int((m + 1) / 2)]
      }
    }'
  rm -f "$work"/run.*
}

echo "Annual figures $year on $(basename "$cache") ($(sqlite3 "$cache" 'SELECT count(*) FROM findings' 2>/dev/null || echo '?') findings), median of $runs runs:"
bench "$cache"

if [ "${INDEXES:-0}" = 1 ]; then
  indexed=${cache%.db}-idx.db
  if [ ! -f "$indexed" ]; then
    echo "bench-figures: copying to $indexed and adding the proposed indexes…" >&2
    cp "$cache" "$indexed.tmp"
    sqlite3 "$indexed.tmp" \
      "CREATE INDEX findings_year_theme ON findings (first_observed, theme, severity, site_id);
       CREATE INDEX actions_completed_status ON remediation_actions
         (completed_on, status, remedy_type, opened_on, finding_id);
       CREATE INDEX status_history_to ON remediation_status_history (to_status, action_id);"
    mv "$indexed.tmp" "$indexed"
  fi
  echo "With the proposed indexes (findings_year_theme, actions_completed_status, status_history_to):"
  bench "$indexed"
fi
echo "Machine: $(nproc) cores, load $(cut -d ' ' -f 1-3 /proc/loadavg), $(date -u +%Y-%m-%d)"

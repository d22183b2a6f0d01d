#!/bin/sh
# bench-figures.sh — the annual figures (`vigie-cli figures --year Y`) on a 1,000,000-finding
# demo dataset: the time of each figure's query, median of RUNS runs (default 5, after one
# warm-up run), read from the summaries of schema 2 and, as the reference in the same run,
# counted on the tables by the documented queries (VIGIE_FIGURES_FROM_TABLES=1). Each run is
# a new process and a new connection, as when the Overview opens a dataset; each whole
# command's median wall time, CPU time and peak RSS are printed too (/usr/bin/time -v).
# "overview" adds up the nine figures the Overview page shows, "total" all of them.
#
#   tests/bench/bench-figures.sh [RUNS]
#   BUILD=_build-figures CACHE=/tmp/copy-of-1m.db YEAR=2025 tests/bench/bench-figures.sh 5
#   COUNTRY=CN ...      the figures of one country
#   TABLES=0 ...        no reference run on the tables (about 20 s a run)
#
# CACHE defaults to /tmp/vigie-bench-figures.db, generated once when missing (`vigie-cli
# demo --sites 20000 --findings 1000000`, several minutes). A dataset of schema 1 is
# upgraded the first time it is opened (a backup copy, then the summaries built): that run
# is timed and reported on its own, and the backup deleted.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-5}
build=${BUILD:-_build}
case $build in /*) ;; *) build=$root/$build ;; esac
cache=${CACHE:-/tmp/vigie-bench-figures.db}
year=${YEAR:-2025}
country=${COUNTRY:-}
tables=${TABLES:-1}
cli=$build/src/cli/vigie-cli

if [ ! -f "$cache" ]; then
  echo "bench-figures: generating $cache (several minutes)…" >&2
  VIGIE_TODAY=2026-06-15 "$cli" --database "$cache.tmp" demo \
    --sites 20000 --findings 1000000 >&2
  mv "$cache.tmp" "$cache"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/vigie-bench-figures-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

# figures [TIME_OUTPUT]: one run of the command, timed by /usr/bin/time -v into TIME_OUTPUT
# when given; the figures' timings on stderr.
figures ()
{
  timer=
  if [ $# -gt 0 ]; then
    timer="/usr/bin/time -v -o $1"
  fi
  $timer "$cli" figures --year "$year" --today 2026-06-15 --timings --format csv \
    --database "$cache" ${country:+--country "$country"} >/dev/null
}

# The wall seconds, CPU seconds and peak RSS (MiB) of a /usr/bin/time -v report.
time_line ()
{
  awk -F': ' '/Elapsed \(wall/ { n = split ($2, p, ":"); w = p[n] + (n > 1 ? p[n - 1] * 60 : 0) }
              /User time/ { u = $2 } /System time/ { s = $2 }
              /Maximum resident/ { r = $2 }
              END { printf "%.3f %.3f %d\n", w, u + s, r / 1024 }' "$1"
}

if [ "$(sqlite3 "$cache" 'PRAGMA user_version' 2>/dev/null || echo '?')" = 1 ]; then
  figures "$work/upgrade.time" 2>/dev/null
  time_line "$work/upgrade.time" | awk '{ printf "Upgrade from schema 1 (backup copy, summaries" \
    " built): %.1f s wall, %.1f s CPU, %d MiB peak RSS\n", $1, $2, $3 }'
  rm -f "$cache.v1.bak"
fi

# run NAME: a warm-up, then RUNS timed runs (VIGIE_FIGURES_FROM_TABLES as set by the
# caller); the timings in NAME.N, the /usr/bin/time reports in NAME.N.time.
run ()
{
  figures 2>/dev/null
  i=0
  while [ "$i" -lt "$runs" ]; do
    figures "$work/$1.$i.time" 2>"$work/$1.$i"
    i=$((i + 1))
  done
}

# medians NAME: "figure median-ms" lines, then "overview" and "total".
medians ()
{
  cat "$work/$1".[0-9] | awk -F '\t' 'NF == 2 && $1 != "total" {
      v[$1, ++n[$1]] = $2; if (!($1 in seen)) { seen[$1] = 1; order[++k] = $1 } }
    END {
      split ("sites_linked investigations investigation_methods findings_by_theme " \
             "findings_per_month actions_by_status actions_overdue completions_per_month " \
             "remedy_workers", shown, " ")
      for (j in shown) on[shown[j]] = 1
      for (j = 1; j <= k; j++) {
        f = order[j]; m = n[f]
        for (a = 1; a <= m; a++) s[a] = v[f, a]
        for (a = 1; a <= m; a++) for (b = a + 1; b <= m; b++)
          if (s[b] + 0 < s[a] + 0) { t = s[a]; s[a] = s[b]; s[b] = t }
        med = s[int((m + 1) / 2)]
        printf "%s %.1f\n", f, med
        total += med
        if (f in on) overview += med
      }
      printf "overview %.1f\ntotal %.1f\n", overview, total
    }'
}

# whole NAME: the median wall, CPU and peak RSS of the runs.
whole ()
{
  for t in "$work/$1".*.time; do
    time_line "$t"
  done | sort -n | awk '{ w[NR] = $1; c[NR] = $2; r[NR] = $3 }
    END { m = int ((NR + 1) / 2); printf "%.2f s wall, %.2f s CPU, %d MiB peak RSS", w[m], c[m], r[m] }'
}

VIGIE_FIGURES_FROM_TABLES=0 run summaries
if [ "$tables" = 1 ]; then
  VIGIE_FIGURES_FROM_TABLES=1 run tables
fi
export VIGIE_FIGURES_FROM_TABLES=0

n_findings=$(sqlite3 "$cache" 'SELECT count(*) FROM findings' 2>/dev/null || echo '?')
echo "Annual figures $year${country:+ of $country} on $(basename "$cache") ($n_findings" \
  "findings), median of $runs runs, ms per query:"
medians summaries > "$work/summaries.med"
if [ "$tables" = 1 ]; then
  medians tables > "$work/tables.med"
  printf "  %-24s %12s %12s %8s\n" figure summaries tables ratio
  awk 'NR == FNR { t[$1] = $2; next }
       { r = ($2 > 0) ? t[$1] / $2 : 0
         printf "  %-24s %12.1f %12.1f %8s\n", $1, $2, t[$1], (r > 0 ? sprintf ("%.0f×", r) : "—") }' \
    "$work/tables.med" "$work/summaries.med"
  echo "  whole command, summaries: $(whole summaries)"
  echo "  whole command, tables:    $(whole tables)"
else
  awk '{ printf "  %-24s %12.1f\n", $1, $2 }' "$work/summaries.med"
  echo "  whole command: $(whole summaries)"
fi
echo "Machine: $(nproc) cores, load $(cut -d ' ' -f 1-3 /proc/loadavg), $(date -u +%Y-%m-%d)"

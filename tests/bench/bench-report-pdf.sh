#!/bin/sh
# bench-report-pdf.sh — a 200-page factory compliance report PDF (`vigie-cli export report
# --level internal`): median wall and CPU time of RUNS runs (default 5, after one warm-up
# run), peak resident memory (/usr/bin/time -v), and the page count. The annual report
# figures PDF and XLSX of a 1,000,000-finding dataset are timed too when $BIG_DB exists.
#
#   tests/bench/bench-report-pdf.sh [RUNS]
#   BUILD=_build-annual tests/bench/bench-report-pdf.sh 7
#
# The dataset is generated with `vigie-cli demo --sites 2 --findings 520 --seed 11`: the
# demo puts the findings of so small a dataset on one site, whose internal report — every
# finding with its evidence and actions, the remediation table and timeline, chemicals,
# workforce and grievances — comes to about 200 pages. FINDINGS changes the size.
#
# Targets (issue #9): ≤ 3 s and ≤ 64 MB peak RSS.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-5}
build=${BUILD:-_build}
case $build in /*) ;; *) build=$root/$build ;; esac
findings=${FINDINGS:-520}
big_db=${BIG_DB:-/tmp/vigie-bench-xlsx/data-1m.db}
cli=$build/src/cli/vigie-cli

[ -x /usr/bin/time ] || { echo "bench-report-pdf: /usr/bin/time is missing (Debian package time)" >&2; exit 77; }
[ -x "$cli" ] || { echo "bench-report-pdf: no $cli; build first (ninja -C $build)" >&2; exit 77; }
command -v sqlite3 >/dev/null || { echo "bench-report-pdf: sqlite3 is missing" >&2; exit 77; }

work=$(mktemp -d "${TMPDIR:-/tmp}/vigie-bench-pdf-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
export VIGIE_TODAY=2026-06-15 VIGIE_NOW=2026-06-15T12:00:00Z

db=$work/report.db
"$cli" --database "$db" demo --sites 2 --findings "$findings" --seed 11 >/dev/null
site=$(sqlite3 -readonly "$db" \
  'SELECT site_id FROM findings GROUP BY site_id ORDER BY count(*) DESC, site_id LIMIT 1')
n_findings=$(sqlite3 -readonly "$db" "SELECT count(*) FROM findings WHERE site_id = $site")

# timed LABEL COMMAND...: RUNS timed runs after a warm-up; prints each run and the medians.
timed ()
{
  label=$1
  shift
  "$@" >/dev/null 2>&1
  : > "$work/runs"
  i=1
  while [ "$i" -le "$runs" ]; do
    /usr/bin/time -v -o "$work/time" "$@" >/dev/null 2>"$work/err" \
      || { cat "$work/err" "$work/time" >&2; exit 1; }
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time" \
           | awk -F: '{ s = 0; for (k = 1; k <= NF; k++) s = s * 60 + $k; printf "%.2f", s }')
    cpu=$(sed -n 's/.*User time (seconds): //p; s/.*System time (seconds): //p' "$work/time" \
          | awk '{ s += $1 } END { printf "%.2f", s }')
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time")
    echo "$wall $cpu $rss" >> "$work/runs"
    i=$((i + 1))
  done
  awk -v label="$label" '
    { w[NR] = $1; c[NR] = $2; if ($3 > rss) rss = $3 }
    END {
      n = NR
      for (a = 1; a <= n; a++) for (b = a + 1; b <= n; b++) {
        if (w[b] < w[a]) { t = w[a]; w[a] = w[b]; w[b] = t }
        if (c[b] < c[a]) { t = c[a]; c[a] = c[b]; c[b] = t }
      }
      mw = (n % 2) ? w[(n + 1) / 2] : (w[n / 2] + w[n / 2 + 1]) / 2
      mc = (n % 2) ? c[(n + 1) / 2] : (c[n / 2] + c[n / 2 + 1]) / 2
      printf "  %-34s median %6.2f s wall (%.2f–%.2f), %6.2f s CPU, peak RSS %5.1f MiB\n",
             label, mw, w[1], w[n], mc, rss / 1024
    }' "$work/runs"
}

echo "report PDFs, $runs runs each, $(nproc) cores, load $(cut -d ' ' -f 1-3 /proc/loadavg)," \
     "$(date -u +%Y-%m-%d)"
"$cli" --database "$db" export report --site "$site" --level internal -o "$work/report.pdf" \
  >/dev/null
pages=$(pdfinfo "$work/report.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
echo "factory report of site $site ($n_findings findings): ${pages:-?} pages," \
     "$(du -k "$work/report.pdf" | cut -f1) KiB"
timed "factory report (internal)" \
  "$cli" --database "$db" export report --site "$site" --level internal -o "$work/report.pdf"
timed "public monitoring status report" \
  "$cli" --database "$db" export report --site "$site" --level public -o "$work/public.pdf"

if [ -f "$big_db" ]; then
  echo "annual report figures 2025 on $(basename "$big_db")" \
       "($(sqlite3 -readonly "$big_db" 'SELECT count(*) FROM findings') findings):"
  timed "annual figures PDF" \
    "$cli" --database "$big_db" export annual --year 2025 -o "$work/annual.pdf"
  timed "annual figures XLSX" \
    "$cli" --database "$big_db" export annual --year 2025 -o "$work/annual.xlsx"
fi
echo "targets: the 200-page report ≤ 3 s and ≤ 64 MiB"

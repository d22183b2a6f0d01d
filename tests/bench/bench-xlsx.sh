#!/bin/sh
# bench-xlsx.sh — export every finding of a 1,000,000-finding dataset (and every other table:
# `vigie-cli export data --format xlsx --level internal`, constant-memory mode) against a
# reference C program writing the same cells with raw libxlsxwriter in constant-memory mode
# (tests/bench/bench-xlsx-raw.c). The two files are compared byte for byte first, so both
# sides do the same work. Prints each run, the median of RUNS runs (default 5) of wall and
# CPU time, their ratios, and the peak resident memory (/usr/bin/time -v).
#
#   tests/bench/bench-xlsx.sh [RUNS]
#   BUILD=_build-annual tests/bench/bench-xlsx.sh 5
#   SOURCE_DB=/tmp/vigie-1m-v1.db CACHE=/tmp/vigie-bench-xlsx/data-1m.db ...
#
# The dataset: a copy of $SOURCE_DB (default /tmp/vigie-1m-v1.db, the shared 1M demo
# database; never opened itself, since opening migrates), or when it is missing one
# generated ONCE with `vigie-cli demo --sites 20000 --findings 1000000` (a few minutes);
# cached as $CACHE. Each workbook is about 470 MB: the runs write into $WORK_DIR (default
# a temporary folder under $TMPDIR) and delete them as they go.
#
# Targets (issue #9): Vigie ≤ 1.15 × the reference, peak RSS ≤ 64 MB.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-5}
build=${BUILD:-_build}
case $build in /*) ;; *) build=$root/$build ;; esac
source_db=${SOURCE_DB:-/tmp/vigie-1m-v1.db}
cache=${CACHE:-/tmp/vigie-bench-xlsx/data-1m.db}
cli=$build/src/cli/vigie-cli
author="Bench"
now=2026-06-15T12:00:00Z
created=1781524800   # $now in seconds since the epoch

for tool in cc pkg-config cmp; do
  command -v "$tool" >/dev/null || { echo "bench-xlsx: $tool is missing" >&2; exit 77; }
done
[ -x /usr/bin/time ] || { echo "bench-xlsx: /usr/bin/time is missing (Debian package time)" >&2; exit 77; }
[ -x "$cli" ] || { echo "bench-xlsx: no $cli; build first (ninja -C $build)" >&2; exit 77; }

if [ ! -f "$cache" ]; then
  mkdir -p "$(dirname "$cache")"
  if [ -f "$source_db" ]; then
    echo "bench-xlsx: copying $source_db to $cache…" >&2
    cp "$source_db" "$cache.tmp"
    chmod 600 "$cache.tmp"
  else
    echo "bench-xlsx: generating $cache (a few minutes)…" >&2
    VIGIE_TODAY=2026-06-15 "$cli" --database "$cache.tmp" demo --sites 20000 --findings 1000000 >&2
  fi
  mv "$cache.tmp" "$cache"
fi

work=${WORK_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/vigie-bench-xlsx-XXXXXX")}
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT INT TERM

# The reference, built with the same compiler flags as a debugoptimized build.
cc -O2 -g "$root/tests/bench/bench-xlsx-raw.c" $(pkg-config --cflags --libs sqlite3 xlsxwriter) \
   -o "$work/raw"

# Opening the dataset with this build migrates it once (outside the timings).
VIGIE_TODAY=2026-06-15 "$cli" --database "$cache" figures --year 2025 >/dev/null

# run NAME OUTPUT COMMAND...: one timed run; appends "wall cpu rss_kib" to $work/NAME.
run ()
{
  name=$1 out=$2
  shift 2
  rm -f "$out"
  VIGIE_NOW=$now /usr/bin/time -v -o "$work/time" "$@" >/dev/null 2>"$work/err" \
    || { cat "$work/err" "$work/time" >&2; exit 1; }
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time" \
         | awk -F: '{ s = 0; for (k = 1; k <= NF; k++) s = s * 60 + $k; printf "%.2f", s }')
  cpu=$(sed -n 's/.*User time (seconds): //p; s/.*System time (seconds): //p' "$work/time" \
        | awk '{ s += $1 } END { printf "%.2f", s }')
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time")
  echo "$wall $cpu $rss" >> "$work/$name"
  printf '  %-9s %8.2f s wall  %8.2f s CPU  %6.1f MiB peak RSS  %s MiB file\n' "$name" "$wall" \
    "$cpu" "$(echo "$rss / 1024" | bc -l)" "$(du -m "$out" | cut -f1)"
}

findings=$(sqlite3 -readonly "$cache" 'SELECT count(*) FROM findings' 2>/dev/null || echo '?')
echo "export to XLSX: $(basename "$cache") ($findings findings), $runs runs, $(nproc) cores," \
     "load $(cut -d ' ' -f 1-3 /proc/loadavg), $(date -u +%Y-%m-%d)"
: > "$work/vigie"
: > "$work/raw-ref"
i=1
while [ "$i" -le "$runs" ]; do
  echo "run $i:"
  # Alternate which goes first, so neither always finds the page cache warmer.
  if [ $((i % 2)) = 1 ]; then
    run vigie "$work/vigie.xlsx" "$cli" --database "$cache" export data --format xlsx \
      --level internal --author "$author" -o "$work/vigie.xlsx"
    run raw-ref "$work/raw.xlsx" "$work/raw" "$cache" "$work/raw.xlsx" "$author" "$created"
  else
    run raw-ref "$work/raw.xlsx" "$work/raw" "$cache" "$work/raw.xlsx" "$author" "$created"
    run vigie "$work/vigie.xlsx" "$cli" --database "$cache" export data --format xlsx \
      --level internal --author "$author" -o "$work/vigie.xlsx"
  fi
  if [ "$i" = 1 ]; then
    if cmp -s "$work/vigie.xlsx" "$work/raw.xlsx"; then
      echo "  the two workbooks are identical, byte for byte"
    else
      echo "bench-xlsx: the workbooks differ: the reference does not write the same cells" >&2
      exit 1
    fi
  fi
  rm -f "$work/vigie.xlsx" "$work/raw.xlsx"
  i=$((i + 1))
done

# median FILE COLUMN
median ()
{
  awk -v c="$2" '{ print $c }' "$1" | sort -n \
    | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
peak () { awk '{ if ($3 > m) m = $3 } END { printf "%.1f", m / 1024 }' "$1"; }

vw=$(median "$work/vigie" 1); vc=$(median "$work/vigie" 2)
rw=$(median "$work/raw-ref" 1); rc=$(median "$work/raw-ref" 2)
printf '%-28s %10s %10s %7s\n' "median of $runs runs" "Vigie" "raw" "ratio"
printf '%-28s %10.2f %10.2f %7.3f\n' "wall time (s)" "$vw" "$rw" "$(echo "$vw / $rw" | bc -l)"
printf '%-28s %10.2f %10.2f %7.3f\n' "CPU time, user+sys (s)" "$vc" "$rc" "$(echo "$vc / $rc" | bc -l)"
printf '%-28s %10s %10s\n' "peak RSS, largest run (MiB)" "$(peak "$work/vigie")" "$(peak "$work/raw-ref")"
echo "targets: ratio ≤ 1.15, Vigie peak RSS ≤ 64 MiB"

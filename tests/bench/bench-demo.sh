#!/bin/sh
# bench-demo.sh — times `vigie-cli demo --sites 20000 --findings 1000000` into a fresh
# database: median wall time of N runs (default 5, first argument overrides), and the CPU
# time (user + system), peak resident memory and database size of each run (/usr/bin/time -v).
#
#   tests/bench/bench-demo.sh [RUNS]
#   BUILD=_build-demo SITES=2000 FINDINGS=100000 tests/bench/bench-demo.sh 3
#
# Uses $BUILD/src/cli/vigie-cli (BUILD defaults to _build) when it has the demo subcommand;
# otherwise compiles tests/bench/bench-demo-driver.c against $BUILD/src/core/libvigie-core.a.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-5}
sites=${SITES:-20000}
findings=${FINDINGS:-1000000}
build=${BUILD:-_build}
case $build in /*) ;; *) build=$root/$build ;; esac

if [ ! -x /usr/bin/time ]; then
  echo "bench-demo: /usr/bin/time is missing; install the Debian package 'time'" >&2
  exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/vigie-bench-demo-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

cli=$build/src/cli/vigie-cli
if [ -x "$cli" ] && "$cli" demo --help >/dev/null 2>&1; then
  runner=cli
else
  echo "bench-demo: no vigie-cli with 'demo' in $build; using the direct driver" >&2
  cc -O2 -include "$build/config.h" -I"$build" -I"$root/src/core" \
     "$root/tests/bench/bench-demo-driver.c" "$build/src/core/libvigie-core.a" \
     $(pkg-config --cflags --libs gio-2.0 sqlite3) -lm -o "$work/driver"
  runner=driver
fi

echo "vigie demo: $sites sites, $findings findings, $runs run(s), $(nproc) cores, load $(cut -d ' ' -f 1-3 /proc/loadavg), $(date -u +%Y-%m-%d)"
: > "$work/times"; : > "$work/cpu"
i=1
while [ "$i" -le "$runs" ]; do
  db=$work/run-$i.db
  if [ "$runner" = cli ]; then
    set -- "$cli" --database "$db" demo --sites "$sites" --findings "$findings"
  else
    set -- "$work/driver" "$db" "$sites" "$findings"
  fi
  VIGIE_TODAY=${VIGIE_TODAY:-2026-06-15} /usr/bin/time -v -o "$work/time-$i" "$@" \
    >/dev/null 2>"$work/err-$i" || { cat "$work/err-$i" "$work/time-$i" >&2; exit 1; }
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time-$i" \
         | awk -F: '{ s = 0; for (k = 1; k <= NF; k++) s = s * 60 + $k; printf "%.2f", s }')
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time-$i")
  cpu=$(sed -n 's/.*User time (seconds): //p; s/.*System time (seconds): //p' "$work/time-$i" \
        | awk '{ s += $1 } END { printf "%.2f", s }')
  size=$(du -k "$db" | cut -f1)
  printf 'run %d: %8.2f s  CPU (user+sys) %8.2f s  peak RSS %7.1f MiB  database %7.1f MiB\n' \
    "$i" "$wall" "$cpu" "$(echo "$rss / 1024" | bc -l)" "$(echo "$size / 1024" | bc -l)"
  echo "$wall" >> "$work/times"
  echo "$cpu" >> "$work/cpu"
  rm -f "$db" "$db-wal" "$db-shm"
  i=$((i + 1))
done

echo "load after: $(cut -d ' ' -f 1-3 /proc/loadavg)"
sort -n "$work/cpu" | awk '{ v[NR] = $1 } END {
  m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
  printf "median CPU (user+sys): %.2f s\n", m }'
sort -n "$work/times" | awk '{ v[NR] = $1 } END {
  m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
  printf "median: %.2f s (min %.2f, max %.2f)\n", m, v[1], v[NR] }'

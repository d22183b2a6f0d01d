#!/bin/bash
# bench-startup.sh — `vigie` from its start to the first drawn frame of the Findings page
# (with rows) on the 1,000,000-finding demo dataset, against a bare libadwaita window with a
# view switcher (tests/bench/bench-startup-reference.c), in the same run under Xvfb: median
# of RUNS runs (default 5, the two take turns), the ratio, and the peak RSS of each.
#
#   tests/bench/bench-startup.sh [RUNS]
#   BUILD=_build-bench DATASET=/tmp/copy.db tests/bench/bench-startup.sh 7
#   WATCH_MS=3000 tests/bench/bench-startup.sh   # also: the longest frame gap in the 3 s
#                                                # after the first frame (main loop blocked)
#   BENCH_PAGES=chemicals,remediation tests/bench/bench-startup.sh 3
#                                                # then each page in turn: the longest frame
#                                                # gap in the BENCH_PAGE_MS (4000) after it
#                                                # was asked for (built and loading)
#
# A second reference, the "list floor", is the same bare window whose Findings page is a
# GtkColumnView of as many rows as Vigie showed and 9 text columns (GtkInscription cells over
# rows made on demand, no database): what GTK 4.8 alone needs to show such a list (it keeps
# up to 200 rows of widgets whatever the view's height). Its ratio is printed too.
#
# The time runs from just before the process is started (taken by this script) to the
# after-paint signal of the frame (g_get_real_time in the process): loading the program,
# GTK and libadwaita, the window, opening the dataset, loading every page and drawing.
# bench-startup.c starts Vigie exactly as src/app/main.c does (same application class,
# `--database DATASET`), and shows the Findings page when the window is created. Software
# rendering (GSK_RENDERER=cairo) on Xvfb, as in the UI tests, for both.
#
# The dataset ($DATASET, default /tmp/vigie-bench-findings/findings-1m.db) is generated once
# with `vigie-cli demo --sites 20000 --findings 1000000` when missing; a copy of a database
# made that way works as well. It is opened (not modified) by every run.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s '-screen 0 1280x800x24' "$0" "$@"
fi

root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-5}
build=${BUILD:-_build}
case $build in /*) ;; *) build=$root/$build ;; esac
dataset=${DATASET:-/tmp/vigie-bench-findings/findings-1m.db}

# NO_BUILD=1: use the build as it is (while others edit the sources).
[ -n "${NO_BUILD:-}" ] || ninja -C "$build" src/cli/vigie-cli tests/bench/bench-startup \
  tests/bench/bench-startup-reference data/gschemas.compiled >/dev/null
if [ ! -f "$dataset" ]; then
  mkdir -p "$(dirname "$dataset")"
  echo "bench-startup: generating $dataset…" >&2
  VIGIE_TODAY=2026-06-15 "$build/src/cli/vigie-cli" --database "$dataset.tmp" demo \
    --sites 20000 --findings 1000000 >&2
  mv "$dataset.tmp" "$dataset"
fi

export GDK_BACKEND=x11 GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" LANG=C.UTF-8
export VIGIE_LOCALEDIR="$build/po"
[ -n "${WATCH_MS:-}" ] && export BENCH_WATCH_MS=$WATCH_MS

work=$(mktemp -d "${TMPDIR:-/tmp}/vigie-bench-startup-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

# run PROGRAM ARGS…: prints "milliseconds rss_kib" (and keeps the output in $work/out)
run ()
{
  local t0 t1
  t0=$(date +%s%6N)
  /usr/bin/time -v -o "$work/time" "$@" > "$work/out"
  t1=$(awk '/^first_frame_us/ { print $2 }' "$work/out")
  printf '%s %s %s\n' "$(( (t1 - t0) / 1000 ))" \
    "$(awk -F': ' '/Maximum resident/ { print $2 }' "$work/time")" \
    "$(awk '/^main_cpu_ms/ { print $2 }' "$work/out")"
}
median () { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# One of each to warm the caches (libraries, fonts, icons, the dataset's pages).
run "$build/tests/bench/bench-startup" "$dataset" >/dev/null
run "$build/tests/bench/bench-startup-reference" >/dev/null

: > "$work/vigie"; : > "$work/ref"; : > "$work/floor"; : > "$work/blocked"; : > "$work/pages"; : > "$work/rss"
for i in $(seq "$runs"); do
  run "$build/tests/bench/bench-startup" "$dataset" >> "$work/vigie"
  awk '/^main_blocked_ms/ { print $2 }' "$work/out" >> "$work/blocked"
  awk '/^page_blocked_ms/ { print $4, $2 }' "$work/out" >> "$work/pages"
  awk '/^page_rss_mib/ { print $4, $2 }' "$work/out" >> "$work/rss"
  rows=$(awk '/^rows/ { print $2 }' "$work/out")
  run "$build/tests/bench/bench-startup-reference" >> "$work/ref"
  BENCH_LIST_ROWS=$rows run "$build/tests/bench/bench-startup-reference" >> "$work/floor"
  echo "run $i: Vigie $(tail -1 "$work/vigie" | cut -d ' ' -f 1) ms ($rows rows), reference $(tail -1 "$work/ref" | cut -d ' ' -f 1) ms, list floor $(tail -1 "$work/floor" | cut -d ' ' -f 1) ms"
done
v=$(cut -d ' ' -f 1 "$work/vigie" | median); r=$(cut -d ' ' -f 1 "$work/ref" | median)
vr=$(cut -d ' ' -f 2 "$work/vigie" | sort -g | tail -1); rr=$(cut -d ' ' -f 2 "$work/ref" | sort -g | tail -1)
echo "start to first frame of the Findings page ($(basename "$dataset"), $runs runs, $(nproc) cores, load $(cut -d ' ' -f 1-3 /proc/loadavg)):"
printf '  Vigie %d ms, bare libadwaita window %d ms, ratio %.2f\n' "$v" "$r" "$(echo "$v / $r" | bc -l)"
f=$(cut -d ' ' -f 1 "$work/floor" | median)
printf '  list floor (the bare window with a GTK column view of as many rows) %d ms: %.2f x the bare window;\n' "$f" "$(echo "$f / $r" | bc -l)"
printf '  Vigie is %.2f x the list floor\n' "$(echo "$v / $f" | bc -l)"
vc=$(cut -d ' ' -f 3 "$work/vigie" | median); rc=$(cut -d ' ' -f 3 "$work/ref" | median)
fc=$(cut -d ' ' -f 3 "$work/floor" | median)
printf '  main-thread CPU to that frame (medians, steadier than wall time on a shared machine):\n'
printf '    Vigie %s ms, bare window %s ms (%.2f x), list floor %s ms (%.2f x); Vigie / floor %.2f\n' \
  "$vc" "$rc" "$(echo "$vc / $rc" | bc -l)" "$fc" "$(echo "$fc / $rc" | bc -l)" "$(echo "$vc / $fc" | bc -l)"
printf '  peak RSS: Vigie %d MiB, reference %d MiB\n' "$((vr / 1024))" "$((rr / 1024))"
if [ -s "$work/blocked" ]; then
  echo "  longest frame gap in the ${WATCH_MS} ms after the first frame: $(median < "$work/blocked") ms (median)"
fi
if [ -s "$work/pages" ]; then
  echo "  longest frame gap after each page was asked for, and the resident set at the end of"
  echo "  its wait (medians of the runs; the peak RSS above then includes the pages' data):"
  for page in $(cut -d ' ' -f 1 "$work/pages" | awk '!seen[$0]++'); do
    printf '    %-12s %s ms, %s MiB\n' "$page" \
      "$(awk -v p="$page" '$1 == p { print $2 }' "$work/pages" | median)" \
      "$(awk -v p="$page" '$1 == p { print $2 }' "$work/rss" | median)"
  done
fi

#!/bin/bash
# bench-factories.sh [SITES] [RUNS] — the Factories page on a dataset of SITES sites
# (default 20000): time to the first drawn frame of the page and frame times while
# scrolling, median of RUNS runs (default 5), plus the peak RSS of the whole process.
# Reference in the same run: the same window with an empty dataset.
set -euo pipefail
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s '-screen 0 1280x800x24' "$0" "$@"
fi
cd "$(dirname "$0")/../.."
SITES=${1:-20000}
RUNS=${2:-5}
BUILD=${BUILD:-_build}
CACHE=${CACHE:-/tmp/vigie-bench}
mkdir -p "$CACHE"
ninja -C "$BUILD" src/cli/vigie-cli tests/bench/bench-factories >/dev/null
DB="$CACHE/factories-$SITES.db"
EMPTY="$CACHE/empty.db"
if [ ! -f "$DB" ]; then
  "$BUILD/src/cli/vigie-cli" --database "$DB" demo --sites "$SITES" --findings "$SITES" >/dev/null
fi
rm -f "$EMPTY"*; "$BUILD/src/cli/vigie-cli" --database "$EMPTY" init >/dev/null

export GDK_BACKEND=x11 GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$BUILD/data" LANG=C.UTF-8

run() {  # run DB → prints "first_frame frame_median frame_p95 rss_kb"
  local out
  out=$(/usr/bin/time -v "$BUILD/tests/bench/bench-factories" "$1" 200 2>&1)
  printf '%s %s %s %s\n' \
    "$(awk '/^first_frame/ {print $2}' <<<"$out")" \
    "$(awk '/^frame_median/ {print $2}' <<<"$out")" \
    "$(awk '/^frame_p95/ {print $2}' <<<"$out")" \
    "$(awk -F': ' '/Maximum resident/ {print $2}' <<<"$out")"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

results=$(for _ in $(seq "$RUNS"); do run "$DB"; done)
reference=$(for _ in $(seq "$RUNS"); do run "$EMPTY"; done)
ff=$(cut -d' ' -f1 <<<"$results" | median); fm=$(cut -d' ' -f2 <<<"$results" | median)
fp=$(cut -d' ' -f3 <<<"$results" | median); rss=$(cut -d' ' -f4 <<<"$results" | median)
rff=$(cut -d' ' -f1 <<<"$reference" | median); rrss=$(cut -d' ' -f4 <<<"$reference" | median)
echo "sites: $SITES, runs: $RUNS"
echo "first frame of the Factories page: ${ff} ms (empty dataset: ${rff} ms, ratio $(awk "BEGIN {printf \"%.2f\", $ff/$rff}"))"
echo "scrolling: median frame ${fm} ms, 95th percentile ${fp} ms"
echo "peak RSS: $((rss / 1024)) MB (empty dataset: $((rrss / 1024)) MB)"

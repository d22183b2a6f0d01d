#!/bin/bash
# run-fuzzers.sh — builds the fuzz targets with clang (libFuzzer + ASan + UBSan) in
# _build-fuzz and runs each for a bounded time: the 'fuzz' suite.
#
# Usage: tests/fuzz/run-fuzzers.sh [MESON-TEST-OPTIONS...]
#   FUZZ_SECONDS      seconds per target (default 20)
#   FUZZ_BUILD_DIR    build folder (default _build-fuzz at the top of the source tree)
# The exit status is meson test's; its log (JSON, one line per test) is
# $FUZZ_BUILD_DIR/meson-logs/testlog.json.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${FUZZ_BUILD_DIR:-$ROOT/_build-fuzz}
export FUZZ_SECONDS=${FUZZ_SECONDS:-20}

command -v clang >/dev/null 2>&1 \
  || { echo "clang is needed (Debian: clang libclang-rt-14-dev)" >&2; exit 1; }

if [ ! -f "$BUILD/build.ninja" ]; then
  CC=clang meson setup "$BUILD" "$ROOT" -Dfuzzing=true -Dbuildtype=debugoptimized >/dev/null
else
  meson configure "$BUILD" -Dfuzzing=true >/dev/null
fi

# Only the fuzz targets (and what they need), not the whole application.
mapfile -t targets < <(meson introspect "$BUILD" --targets \
  | python3 -c 'import json, sys
for t in json.load(sys.stdin):
    if t["name"].startswith("fuzz-") and not t["name"].startswith("fuzz-replay-"):
        print(t["name"])')
[ "${#targets[@]}" -gt 0 ] || { echo "no fuzz targets in $BUILD" >&2; exit 1; }
meson compile -C "$BUILD" "${targets[@]}"

rm -f "$BUILD/meson-logs/testlog.json"
exec meson test -C "$BUILD" --suite fuzz --no-rebuild --num-processes 2 --print-errorlogs "$@"

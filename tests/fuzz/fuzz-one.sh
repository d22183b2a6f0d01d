#!/bin/bash
# fuzz-one.sh — runs one libFuzzer target for a bounded time (a test of the 'fuzz' suite).
#
# Usage: fuzz-one.sh FUZZER SEED-CORPUS REGRESSIONS
# FUZZ_SECONDS (default 20) bounds the run. New inputs go to a temporary corpus seeded
# from SEED-CORPUS (the committed corpus is never written). A crash fails the test; its
# input is kept in $FUZZ_ARTIFACTS (default: fuzz-artifacts/ next to the fuzzer) and must
# be committed under REGRESSIONS/ once fixed, where every build replays it.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

FUZZER=${1:?fuzzer}
SEEDS=${2:?seed corpus}
REGRESSIONS=${3:?regressions folder}
SECONDS_BUDGET=${FUZZ_SECONDS:-20}
NAME=$(basename "$FUZZER")
ARTIFACTS=${FUZZ_ARTIFACTS:-$(dirname "$FUZZER")/fuzz-artifacts}/$NAME

WORK=$(mktemp -d "${TMPDIR:-/tmp}/vigie-$NAME.XXXXXX")
# The dataset the import targets write to: in memory when possible, removed at the end
# (libFuzzer may exit without running the targets' own clean-up).
SCRATCH=$(mktemp -d /dev/shm/vigie-$NAME.XXXXXX 2>/dev/null || mktemp -d "$WORK/scratch.XXXXXX")
trap 'rm -rf "$WORK" "$SCRATCH"' EXIT
export VIGIE_FUZZ_DIR="$SCRATCH"
mkdir -p "$WORK/corpus" "$ARTIFACTS"

# Leak checks are on; the reports stop at the first error with a stack.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

seeds=("$SEEDS")
[ -d "$REGRESSIONS" ] && seeds+=("$REGRESSIONS")

echo "# $NAME for $SECONDS_BUDGET s, seeds: ${seeds[*]}"
"$FUZZER" "$WORK/corpus" "${seeds[@]}" \
  -max_total_time="$SECONDS_BUDGET" \
  -timeout=10 \
  -rss_limit_mb=2048 \
  -max_len=65536 \
  -artifact_prefix="$ARTIFACTS/" \
  -print_final_stats=1 \
  >"$WORK/log" 2>&1
status=$?

# The coverage line and the final statistics.
grep -E '^#[0-9]+.*DONE|^stat::(number_of_executed_units|peak_rss_mb|new_units_added)' "$WORK/log" \
  | sed 's/^/# /'
if [ "$status" -ne 0 ]; then
  tail -n 60 "$WORK/log"
  echo "FAIL: $NAME found a crash (exit status $status); the input is in $ARTIFACTS/."
  echo "Fix it, then commit the input under $REGRESSIONS/ so that every build replays it."
  exit 1
fi
echo "ok: $NAME ran $SECONDS_BUDGET s without a crash"

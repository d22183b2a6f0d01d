#!/bin/bash
# test.sh — install what is missing, build, and run the whole test suite headless, then the
# sanitizer build and the fuzzers.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Three runs, one after the other:
#   1. $VIGIE_BUILD_DIR (default _build): every suite (core, report, cli, ui, i18n, data,
#      durability, ...) under Xvfb;
#   2. $VIGIE_ASAN_BUILD_DIR (default _build-asan), built with -Db_sanitize=address,undefined:
#      the core, report and cli suites, with leak checking (suppressions, each justified, in
#      build-aux/lsan.supp); any sanitizer report fails the test that triggered it;
#   3. tests/fuzz/run-fuzzers.sh ($VIGIE_FUZZ_BUILD_DIR, default _build-fuzz, built with
#      clang): each libFuzzer target for FUZZ_SECONDS (default 20) seconds.
# VIGIE_SKIP_ASAN=1 or VIGIE_SKIP_FUZZ=1 leave a run out (for a quick local check).
#
# The last line printed is "N passed, N failed" (", N skipped" when some skipped), summed
# over the three runs; the exit status is non-zero when any test failed.

set -euo pipefail
# shellcheck source=build-aux/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ASAN_BUILD_DIR="${VIGIE_ASAN_BUILD_DIR:-_build-asan}"
FUZZ_BUILD_DIR="${VIGIE_FUZZ_BUILD_DIR:-_build-fuzz}"
started=$(date +%s)

ensure_packages
ensure_locale fr_FR.UTF-8 de_DE.UTF-8 es_ES.UTF-8 ca_ES.UTF-8
ensure_build

# The JSON test logs of the runs, and runs that could not produce one.
logs=()
broken_runs=0
status=0

headless ()
{
  xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- "$@"
}

# ─── 1. Everything ──────────────────────────────────────────────────────────
# With a test setup, meson names the log after it.
testlog="$VIGIE_BUILD_DIR/meson-logs/testlog-headless.json"
rm -f "$testlog"
vigie_log "Testing $VIGIE_BUILD_DIR"
headless meson test -C "$VIGIE_BUILD_DIR" --setup headless --print-errorlogs --num-processes 2 \
  || status=$?
vigie_log "Built and tested $VIGIE_BUILD_DIR in $(( $(date +%s) - started )) s"
if [ -s "$testlog" ]; then
  logs+=("$testlog")
else
  echo "meson test produced no test log for $VIGIE_BUILD_DIR (exit status $status)" >&2
  broken_runs=$((broken_runs + 1))
fi

# ─── 2. AddressSanitizer + UndefinedBehaviorSanitizer ───────────────────────
if [ "${VIGIE_SKIP_ASAN:-0}" != 1 ]; then
  phase_start=$(date +%s)
  asan_log="$ASAN_BUILD_DIR/meson-logs/testlog-headless.json"
  rm -f "$asan_log"
  vigie_log "Building $ASAN_BUILD_DIR (AddressSanitizer, UndefinedBehaviorSanitizer)"
  asan_status=0
  if [ ! -f "$ASAN_BUILD_DIR/build.ninja" ]; then
    meson setup "$ASAN_BUILD_DIR" -Db_sanitize=address,undefined -Db_lundef=false \
      || asan_status=$?
  fi
  [ "$asan_status" -ne 0 ] || meson compile -C "$ASAN_BUILD_DIR" || asan_status=$?
  if [ "$asan_status" -eq 0 ]; then
    vigie_log "Testing $ASAN_BUILD_DIR: core, report, cli"
    # GLib's slice allocator hides leaks and double frees from ASan: plain malloc instead.
    # The PDF renderer runs under an address-space limit (RLIMIT_AS, see vigie_pdf_run),
    # and an ASan program cannot start under one (it reserves terabytes of shadow memory):
    # the tests use the renderer of the ordinary build, run by sanitized code.
    VIGIE_PDF_RENDER="$(realpath "$VIGIE_BUILD_DIR")/src/app/vigie-pdf-render" \
    G_SLICE=always-malloc G_DEBUG=gc-friendly \
    ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:halt_on_error=1:detect_odr_violation=0" \
    UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1" \
    LSAN_OPTIONS="suppressions=$VIGIE_ROOT/build-aux/lsan.supp:print_suppressions=0" \
      headless meson test -C "$ASAN_BUILD_DIR" --setup headless --print-errorlogs \
        --num-processes 2 --suite core --suite report --suite cli \
      || asan_status=$?
  fi
  vigie_log "Built and tested $ASAN_BUILD_DIR in $(( $(date +%s) - phase_start )) s"
  if [ -s "$asan_log" ]; then
    logs+=("$asan_log")
  else
    echo "the sanitizer build produced no test log (exit status $asan_status)" >&2
    broken_runs=$((broken_runs + 1))
  fi
  [ "$asan_status" -eq 0 ] || status=$asan_status
fi

# ─── 3. Fuzzers ─────────────────────────────────────────────────────────────
if [ "${VIGIE_SKIP_FUZZ:-0}" != 1 ]; then
  phase_start=$(date +%s)
  fuzz_log="$FUZZ_BUILD_DIR/meson-logs/testlog.json"
  rm -f "$fuzz_log"
  vigie_log "Fuzzing in $FUZZ_BUILD_DIR (${FUZZ_SECONDS:-20} s per target)"
  fuzz_status=0
  FUZZ_BUILD_DIR="$(realpath -m "$FUZZ_BUILD_DIR")" bash tests/fuzz/run-fuzzers.sh || fuzz_status=$?
  vigie_log "Built and ran the fuzzers in $(( $(date +%s) - phase_start )) s"
  if [ -s "$fuzz_log" ]; then
    logs+=("$fuzz_log")
  else
    echo "the fuzzers produced no test log (exit status $fuzz_status)" >&2
    broken_runs=$((broken_runs + 1))
  fi
  [ "$fuzz_status" -eq 0 ] || status=$fuzz_status
fi

vigie_log "test.sh took $(( $(date +%s) - started )) s"

if [ "${#logs[@]}" -eq 0 ]; then
  echo "0 passed, $broken_runs failed"
  exit 1
fi

# One JSON object per line in each log; count the results of all runs.
summary="$(python3 - "$broken_runs" "${logs[@]}" <<'PY'
import json, sys
passed = skipped = 0
failed = int(sys.argv[1])   # runs that produced no log at all
for path in sys.argv[2:]:
    with open(path, encoding="utf-8") as log:
        for line in log:
            line = line.strip()
            if not line:
                continue
            result = json.loads(line).get("result", "")
            if result in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif result == "SKIP":
                skipped += 1
            else:  # FAIL, UNEXPECTEDPASS, TIMEOUT, ERROR
                failed += 1
text = f"{passed} passed, {failed} failed"
if skipped:
    text += f", {skipped} skipped"
print(text)
PY
)"

failed="$(printf '%s' "$summary" | sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/')"
if [ "$failed" = "0" ] && [ "$status" -ne 0 ]; then
  echo "meson test exited with status $status although no test failed" >&2
fi
echo "$summary"
if [ "$failed" != "0" ]; then
  exit 1
fi
exit "$status"

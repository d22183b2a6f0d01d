#!/bin/bash
# test.sh — install what is missing, build, and run the whole test suite headless.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The last line printed is "N passed, N failed" (", N skipped" when some skipped);
# the exit status is non-zero when any test failed.

set -euo pipefail
# shellcheck source=build-aux/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ensure_packages
ensure_locale fr_FR.UTF-8 de_DE.UTF-8 es_ES.UTF-8 ca_ES.UTF-8
ensure_build

# With a test setup, meson names the log after it.
testlog="$VIGIE_BUILD_DIR/meson-logs/testlog-headless.json"
rm -f "$testlog"

status=0
xvfb-run -a -s '-screen 0 1280x800x24' \
  dbus-run-session -- \
  meson test -C "$VIGIE_BUILD_DIR" --setup headless --print-errorlogs --num-processes 2 \
  || status=$?

if [ ! -s "$testlog" ]; then
  echo "meson test produced no test log (exit status $status)" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

# One JSON object per line; count the results.
summary="$(python3 - "$testlog" <<'PY'
import json, sys
passed = failed = skipped = 0
with open(sys.argv[1], encoding="utf-8") as log:
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

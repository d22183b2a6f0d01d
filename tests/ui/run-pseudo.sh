#!/bin/bash
# run-pseudo.sh — builds the pseudo-locale catalogue of the current sources and runs
# test-ui-pseudo in it (left to right, then right to left with VIGIE_TEST_RTL=1 when the
# second argument is "rtl").
#
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: run-pseudo.sh TEST_BINARY SOURCE_ROOT [rtl] [-- test arguments]

set -euo pipefail
binary="$1"
root="$2"
shift 2
rtl=0
if [ "${1:-}" = "rtl" ]; then
  rtl=1
  shift
fi
if [ "${1:-}" = "--" ]; then
  shift
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display: skipped (run under xvfb-run)"
  exit 77
fi
localedir="$(mktemp -d "${TMPDIR:-/tmp}/vigie-pseudo-locale.XXXXXX")"
trap 'rm -rf "$localedir"' EXIT
"$root/tests/i18n/make-pseudo.sh" "$root" "$localedir" pseudo
env -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 LANGUAGE=pseudo VIGIE_LOCALEDIR="$localedir" \
  VIGIE_TEST_RTL="$rtl" "$binary" "$@"

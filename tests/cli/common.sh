# common.sh — helpers for the vigie-cli tests. Sourced by each test-*.sh.
#
# Usage of a test: bash test-NAME.sh /path/to/vigie-cli /path/to/tests/fixtures
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

CLI=${1:?path to vigie-cli}
FIXTURES=${2:?path to tests/fixtures}
SOURCE_ROOT=$(cd "$FIXTURES/../.." && pwd)

TMP=$(mktemp -d "${TMPDIR:-/tmp}/vigie-cli-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# The default dataset lives under XDG_DATA_HOME: keep it inside the temp dir.
export HOME="$TMP/home"
export XDG_DATA_HOME="$TMP/data"
export LANG=C.UTF-8
unset LANGUAGE LC_ALL LC_MESSAGES
export VIGIE_TODAY=${VIGIE_TODAY:-2026-06-15}
export VIGIE_NOW=${VIGIE_NOW:-2026-06-15T12:00:00Z}

DB="$TMP/test.db"
N_CHECKS=0

fail ()
{
  echo "FAIL: $*" >&2
  echo "  command: vigie-cli ${LAST_ARGS:-}" >&2
  echo "  exit status: ${STATUS:-}" >&2
  echo "  stdout: ${OUT:-}" >&2
  echo "  stderr: ${ERR:-}" >&2
  exit 1
}

# run ARGS... : runs vigie-cli, sets STATUS, OUT and ERR.
run ()
{
  LAST_ARGS="$*"
  "$CLI" "$@" >"$TMP/stdout" 2>"$TMP/stderr"
  STATUS=$?
  OUT=$(cat "$TMP/stdout")
  ERR=$(cat "$TMP/stderr")
}

expect_status ()
{
  N_CHECKS=$((N_CHECKS + 1))
  [ "$STATUS" = "$1" ] || fail "expected exit status $1"
}

expect_out ()
{
  N_CHECKS=$((N_CHECKS + 1))
  case "$OUT" in
    *"$1"*) ;;
    *) fail "stdout lacks: $1" ;;
  esac
}

expect_err ()
{
  N_CHECKS=$((N_CHECKS + 1))
  case "$ERR" in
    *"$1"*) ;;
    *) fail "stderr lacks: $1" ;;
  esac
}

expect_not_out ()
{
  N_CHECKS=$((N_CHECKS + 1))
  case "$OUT" in
    *"$1"*) fail "stdout should not hold: $1" ;;
    *) ;;
  esac
}

expect_empty_err ()
{
  N_CHECKS=$((N_CHECKS + 1))
  [ -z "$ERR" ] || fail "stderr should be empty"
}

expect_empty_out ()
{
  N_CHECKS=$((N_CHECKS + 1))
  [ -z "$OUT" ] || fail "stdout should be empty"
}

# The row count `check` prints for TABLE.
count_of ()
{
  printf '%s\n' "$OUT" | awk -v t="$1" '$1 == t { print $2 }'
}

expect_count ()
{
  N_CHECKS=$((N_CHECKS + 1))
  local got
  got=$(count_of "$1")
  [ "$got" = "$2" ] || fail "expected $2 rows in $1, check says '${got}'"
}

finish ()
{
  echo "ok: $N_CHECKS checks"
  exit 0
}

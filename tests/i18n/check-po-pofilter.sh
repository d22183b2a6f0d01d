#!/bin/bash
# check-po-pofilter.sh — translate-toolkit's pofilter printf, variables, xmltags and newlines
# checks on every po/*.po; any finding fails the test.
#
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: check-po-pofilter.sh SOURCE_ROOT

set -euo pipefail
root="$1"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/vigie-pofilter.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

shopt -s nullglob
files=("$root"/po/*.po)
if [ "${#files[@]}" -eq 0 ]; then
  echo "no .po file under $root/po"
  exit 1
fi

failed=0
for po in "${files[@]}"; do
  name="$(basename "$po")"
  pofilter --progress=none --test=printf --test=variables --test=xmltags --test=newlines \
    -i "$po" -o "$tmp/$name"
  # pofilter writes every failing unit with a "# (pofilter) test: message" comment, and
  # writes no file at all when nothing failed.
  findings=0
  if [ -f "$tmp/$name" ]; then
    findings="$(grep -c '^# (pofilter)' "$tmp/$name" || true)"
  fi
  if [ "$findings" -eq 0 ]; then
    echo "ok   po/$name"
  else
    failed=1
    echo "FAIL po/$name: $findings finding(s)"
    sed 's/^/    /' "$tmp/$name"
  fi
done
exit "$failed"

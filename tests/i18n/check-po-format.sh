#!/bin/bash
# check-po-format.sh — msgfmt --check --check-format on every po/*.po.
#
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: check-po-format.sh SOURCE_ROOT

set -euo pipefail
root="$1"
shopt -s nullglob
files=("$root"/po/*.po)
if [ "${#files[@]}" -eq 0 ]; then
  echo "no .po file under $root/po"
  exit 1
fi

failed=0
for po in "${files[@]}"; do
  if msgfmt --check --check-format -o /dev/null "$po"; then
    echo "ok   po/$(basename "$po")"
  else
    echo "FAIL po/$(basename "$po")"
    failed=1
  fi
done
exit "$failed"

#!/bin/bash
# check-po-complete.sh — every shipped language is 100 % translated.
#
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: check-po-complete.sh SOURCE_ROOT
#
# Regenerates the template from po/POTFILES.in into a temporary folder (make-template.sh).
# Then each po/*.po is merged
# against it with msgmerge and must have no untranslated and no fuzzy message. Also checks
# that po/LINGUAS and the .po files agree.

set -euo pipefail
root="$(cd "$1" && pwd)"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/vigie-po.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

failed=0

# LINGUAS <-> po files
mapfile -t linguas < <(sed -e 's/#.*//' "$root/po/LINGUAS" | tr -s ' \t' '\n' | sed '/^$/d')
for lang in "${linguas[@]}"; do
  if [ ! -f "$root/po/$lang.po" ]; then
    echo "FAIL po/LINGUAS lists '$lang' but po/$lang.po does not exist"
    failed=1
  fi
done
shopt -s nullglob
for po in "$root"/po/*.po; do
  lang="$(basename "$po" .po)"
  if ! printf '%s\n' "${linguas[@]}" | grep -qx -- "$lang"; then
    echo "FAIL po/$lang.po exists but '$lang' is not in po/LINGUAS"
    failed=1
  fi
done

"$(dirname "$0")/make-template.sh" "$root" "$tmp/vigie.pot"

total="$(msgattrib --no-obsolete "$tmp/vigie.pot" | grep -c '^msgid ' || true)"
total=$((total - 1))   # the header
echo "template: $total messages"
if [ "$total" -le 0 ]; then
  echo "FAIL the regenerated template has no message"
  exit 1
fi

for po in "$root"/po/*.po; do
  lang="$(basename "$po" .po)"
  msgmerge --quiet --previous -o "$tmp/$lang.po" "$po" "$tmp/vigie.pot"
  stats="$(LC_ALL=C msgfmt --statistics -o /dev/null "$tmp/$lang.po" 2>&1)"
  untranslated="$(printf '%s' "$stats" | sed -nE 's/.* ([0-9]+) untranslated message.*/\1/p')"
  fuzzy="$(printf '%s' "$stats" | sed -nE 's/.* ([0-9]+) fuzzy translation.*/\1/p')"
  untranslated="${untranslated:-0}"
  fuzzy="${fuzzy:-0}"
  if [ "$untranslated" -eq 0 ] && [ "$fuzzy" -eq 0 ]; then
    echo "ok   po/$lang.po: $stats"
    continue
  fi
  failed=1
  echo "FAIL po/$lang.po: $stats"
  if [ "$untranslated" -ne 0 ]; then
    echo "  untranslated:"
    msgattrib --untranslated --no-obsolete --no-wrap "$tmp/$lang.po" \
      | grep '^msgid ' | sed -e '1d' -e 's/^msgid /    /'
  fi
  if [ "$fuzzy" -ne 0 ]; then
    echo "  fuzzy:"
    msgattrib --only-fuzzy --no-obsolete --no-wrap "$tmp/$lang.po" \
      | grep '^msgid ' | sed -e '1d' -e 's/^msgid /    /'
  fi
done
exit "$failed"

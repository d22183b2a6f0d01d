#!/bin/bash
# check-cli-languages.sh — `vigie-cli --help` (and `vigie-cli export --help`) speak every
# language of po/LINGUAS under LANG=C.UTF-8 LANGUAGE=<lang>.
#
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: check-cli-languages.sh VIGIE_CLI LOCALEDIR SOURCE_ROOT
#
# For each language, the help must differ from the same command with an empty locale folder
# (so GLib's own strings, translated either way, do not count) and must contain the
# language's own translation of the "Commands:" heading, read from po/<lang>.po.

set -euo pipefail
cli="$1"
localedir="$2"
root="$3"
empty="$(mktemp -d "${TMPDIR:-/tmp}/vigie-nolocale.XXXXXX")"
trap 'rm -rf "$empty"' EXIT

mapfile -t linguas < <(sed -e 's/#.*//' "$root/po/LINGUAS" | tr -s ' \t' '\n' | sed '/^$/d')
if [ "${#linguas[@]}" -eq 0 ]; then
  echo "FAIL po/LINGUAS lists no language"
  exit 1
fi

help_in() {
  env -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 LANGUAGE="$1" VIGIE_LOCALEDIR="$2" "$cli" "${@:3}" 2>&1
}

status=0
for lang in "${linguas[@]}"; do
  if [ ! -f "$localedir/$lang/LC_MESSAGES/vigie.mo" ]; then
    echo "FAIL no catalogue at $localedir/$lang/LC_MESSAGES/vigie.mo"
    status=1
    continue
  fi
  heading="$(msggrep --no-wrap -K -F -e 'Commands:' "$root/po/$lang.po" \
             | sed -n 's/^msgstr "\(.*\)"$/\1/p' | tail -n 1)"
  translated="$(help_in "$lang" "$localedir" --help)"
  untranslated="$(help_in "$lang" "$empty" --help)"
  if [ -z "$heading" ] || [ "$translated" = "$untranslated" ] \
     || ! printf '%s' "$translated" | grep -qF -- "$heading"; then
    echo "FAIL vigie-cli --help is not in '$lang' (expected the heading “$heading”):"
    printf '%s\n' "$translated" | sed 's/^/    /'
    status=1
    continue
  fi
  if [ "$(help_in "$lang" "$localedir" export --help)" = "$(help_in "$lang" "$empty" export --help)" ]; then
    echo "FAIL vigie-cli export --help is not in '$lang'"
    status=1
    continue
  fi
  echo "ok   vigie-cli speaks '$lang' (“$heading”)"
done
exit "$status"

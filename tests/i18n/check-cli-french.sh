#!/bin/bash
# check-cli-french.sh — vigie-cli speaks French under LANG=C.UTF-8 LANGUAGE=fr.
#
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: check-cli-french.sh VIGIE_CLI LOCALEDIR
#
# Compares `vigie-cli --help` with Vigie's French catalogue against the same command with an
# empty locale folder (so GLib's own strings, translated either way, do not count): the two
# must differ, and the French one must contain "Commandes" (the "Commands:" heading).

set -euo pipefail
cli="$1"
localedir="$2"
empty="$(mktemp -d "${TMPDIR:-/tmp}/vigie-nolocale.XXXXXX")"
trap 'rm -rf "$empty"' EXIT

if [ ! -f "$localedir/fr/LC_MESSAGES/vigie.mo" ]; then
  echo "FAIL no French catalogue at $localedir/fr/LC_MESSAGES/vigie.mo"
  exit 1
fi

french="$(env -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 LANGUAGE=fr VIGIE_LOCALEDIR="$localedir" \
  "$cli" --help 2>&1)"
untranslated="$(env -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 LANGUAGE=fr VIGIE_LOCALEDIR="$empty" \
  "$cli" --help 2>&1)"

echo "--- vigie-cli --help (LANGUAGE=fr):"
echo "$french"
status=0
if [ "$french" = "$untranslated" ]; then
  echo "FAIL the French --help is identical to the untranslated one"
  status=1
fi
if ! printf '%s' "$french" | grep -q 'Commandes'; then
  echo "FAIL the French --help does not contain 'Commandes'"
  status=1
fi
[ "$status" -eq 0 ] && echo "ok   vigie-cli --help is in French"
exit "$status"

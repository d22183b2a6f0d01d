#!/bin/bash
# check-i18n-can-fail.sh — proves that the i18n checks fail when they should: on a small
# project made for the purpose (one C file, one language), check-po-complete.sh and
# check-po-format.sh pass on the correct translation, then
#   - a message left untranslated makes check-po-complete.sh fail,
#   - a fuzzy message makes check-po-complete.sh fail,
#   - a dropped placeholder makes check-po-format.sh fail,
#   - a placeholder changed into another type makes check-po-format.sh fail,
#   - a language missing from po/LINGUAS makes check-po-complete.sh fail.
# (A file missing from POTFILES.in is check-potfiles.py --self-test.)
#
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: check-i18n-can-fail.sh SOURCE_ROOT

set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/vigie-i18n-self.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/src" "$tmp/po"
cat > "$tmp/src/a.c" <<'C'
#include <glib/gi18n.h>
static void f (int n, const char *s)
{
  g_print (_("Open the dataset"));
  g_print (_("Site “%s” was not found"), s);
  g_print (g_dngettext (NULL, "%d finding", "%d findings", n), n);
}
C
echo "src/a.c" > "$tmp/po/POTFILES.in"
echo "xx" > "$tmp/po/LINGUAS"
good() {
  cat <<'PO'
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Language: xx\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgid "Open the dataset"
msgstr "Ouvrir le jeu de données"

#, c-format
msgid "Site “%s” was not found"
msgstr "Site « %s » introuvable"

#, c-format
msgid "%d finding"
msgid_plural "%d findings"
msgstr[0] "%d constat"
msgstr[1] "%d constats"
PO
}

status=0
expect() {
  local want="$1" what="$2"
  shift 2
  if "$@" > "$tmp/out" 2>&1; then got=pass; else got=fail; fi
  if [ "$got" = "$want" ]; then
    echo "ok   $what: $want"
  else
    echo "FAIL $what: expected $want, got $got"
    sed 's/^/    /' "$tmp/out"
    status=1
  fi
}

good > "$tmp/po/xx.po"
expect pass "complete translation" "$here/check-po-complete.sh" "$tmp"
expect pass "correct placeholders" "$here/check-po-format.sh" "$tmp"

good | sed 's/^msgstr "Ouvrir le jeu de données"$/msgstr ""/' > "$tmp/po/xx.po"
expect fail "a message left untranslated" "$here/check-po-complete.sh" "$tmp"

good | sed 's/^msgid "Open the dataset"$/#, fuzzy\nmsgid "Open the dataset"/' > "$tmp/po/xx.po"
expect fail "a fuzzy message" "$here/check-po-complete.sh" "$tmp"

good | sed 's/^msgstr "Site « %s » introuvable"$/msgstr "Site introuvable"/' > "$tmp/po/xx.po"
expect fail "a dropped placeholder" "$here/check-po-format.sh" "$tmp"

good | sed 's/^msgstr\[1\] "%d constats"$/msgstr[1] "%s constats"/' > "$tmp/po/xx.po"
expect fail "a placeholder of another type" "$here/check-po-format.sh" "$tmp"

good > "$tmp/po/xx.po"
echo "" > "$tmp/po/LINGUAS"
expect fail "a language missing from LINGUAS" "$here/check-po-complete.sh" "$tmp"

exit "$status"

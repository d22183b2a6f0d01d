#!/bin/bash
# make-pseudo.sh — a pseudo-locale catalogue of the CURRENT sources, to find strings that are
# not translatable and layouts that do not survive translation.
#
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: make-pseudo.sh SOURCE_ROOT LOCALEDIR [LANGUAGE]
#
# Writes LOCALEDIR/LANGUAGE/LC_MESSAGES/vigie.mo (LANGUAGE defaults to "pseudo"), in which
# every message is its English text between ⟦ and ⟧, lengthened by 40 % with '~' (the
# expansion German and Finnish often need). Any text in the running application that lacks
# the brackets did not come from Vigie's catalogue: it is hard-coded, or not marked.
# Placeholders, markup, mnemonics and line breaks are kept, so the catalogue passes
# `msgfmt --check`.

set -euo pipefail
root="$(cd "$1" && pwd)"
localedir="$2"
language="${3:-pseudo}"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/vigie-pseudo.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

"$(dirname "$0")/make-template.sh" "$root" "$tmp/vigie.pot"
msgen --no-wrap -o "$tmp/en.po" "$tmp/vigie.pot"
# msgfilter runs the filter once per message with the text on stdin. The padding is added
# before a trailing line break, so that messages ending in "\n" still do.
msgfilter --keep-header --no-wrap -i "$tmp/en.po" -o "$tmp/pseudo.po" \
  perl -CSD -0777 -ne '
    my ($body, $nl) = /\A(.*?)(\n*)\z/s;
    if ($body eq "") { print $_; exit 0 }
    my $pad = "~" x int((length($body) * 4 + 9) / 10);
    print "\x{27e6}" . $body . $pad . "\x{27e7}" . $nl;'
sed -i -e 's/^"Content-Type: text\/plain; charset=.*\\n"$/"Content-Type: text\/plain; charset=UTF-8\\n"/' \
  -e 's/^"Language: .*\\n"$/"Language: '"$language"'\\n"/' \
  -e 's/^"PO-Revision-Date: .*\\n"$/"PO-Revision-Date: 2026-01-01 00:00+0000\\n"/' \
  -e 's/^"Last-Translator: .*\\n"$/"Last-Translator: Vigie\\n"/' \
  -e 's/^"Language-Team: .*\\n"$/"Language-Team: none\\n"/' \
  -e 's/^"Plural-Forms: .*\\n"$/"Plural-Forms: nplurals=2; plural=(n != 1);\\n"/' "$tmp/pseudo.po"
mkdir -p "$localedir/$language/LC_MESSAGES"
msgfmt --check -o "$localedir/$language/LC_MESSAGES/vigie.mo" "$tmp/pseudo.po"
echo "pseudo-locale catalogue: $localedir/$language/LC_MESSAGES/vigie.mo ($(grep -c '^msgid ' "$tmp/pseudo.po") messages)"

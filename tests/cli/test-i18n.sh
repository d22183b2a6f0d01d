# test-i18n.sh — vigie-cli speaks French under LANGUAGE=fr LANG=C.UTF-8 once po/fr.po
# translates its messages (until then the French assertion is skipped, the rest runs).
#
# SPDX-License-Identifier: GPL-3.0-or-later
. "$(dirname "$0")/common.sh"

# The French of MSGID in po/fr.po ("" when untranslated or fuzzy).
french_of ()
{
  [ -f "$SOURCE_ROOT/po/fr.po" ] || return 0
  /usr/bin/python3 - "$SOURCE_ROOT/po/fr.po" "$1" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
for block in text.split("\n\n"):
    if "#, fuzzy" in block:
        continue
    m = re.search(r'^msgid ((?:".*"\n?)+)msgstr ((?:".*"\n?)+)', block, re.M)
    if not m:
        continue
    unq = lambda s: "".join(re.findall(r'"(.*)"', s)).encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
    if unq(m.group(1)) == sys.argv[2]:
        print(unq(m.group(2)))
        break
PY
}

run init --database "$DB"
expect_status 0

sound_fr=$(french_of "Database is sound.")
usage_fr=$(french_of "Name a command")
mo="${VIGIE_LOCALEDIR:-}/fr/LC_MESSAGES/vigie.mo"

if [ -n "$sound_fr" ] && [ -n "$usage_fr" ] && [ -f "$mo" ]; then
  LANGUAGE=fr LANG=C.UTF-8 "$CLI" check --database "$DB" >"$TMP/stdout" 2>"$TMP/stderr"
  STATUS=$?
  OUT=$(cat "$TMP/stdout")
  ERR=$(cat "$TMP/stderr")
  expect_status 0
  expect_out "$sound_fr"
  expect_not_out "Database is sound."
  LANGUAGE=fr LANG=C.UTF-8 "$CLI" >"$TMP/stdout" 2>"$TMP/stderr"
  STATUS=$?
  ERR=$(cat "$TMP/stderr")
  expect_status 2
  expect_err "$usage_fr"
else
  echo "po/fr.po does not translate vigie-cli yet: French assertions skipped"
fi

# Whatever the language, the exit statuses do not change.
LANGUAGE=fr LANG=C.UTF-8 "$CLI" frobnicate >/dev/null 2>&1
STATUS=$?
expect_status 2

finish

#!/bin/bash
# take-screenshots.sh — screenshots of the transparency website for the README:
# data/screenshots/website-index.png, website-site.png and their -fr variants, from a
# demo dataset, with Debian's headless Chromium at 1280×800.
#
# Usage: tests/web/take-screenshots.sh BUILD_DIR [OUTPUT_DIR]
# (OUTPUT_DIR defaults to data/screenshots of the source tree.)
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

source_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build_dir="$(cd "${1:?usage: take-screenshots.sh BUILD_DIR [OUTPUT_DIR]}" && pwd)"
output="${2:-$source_root/data/screenshots}"
cli="$build_dir/src/cli/vigie-cli"
chromium="${VIGIE_CHROMIUM:-$(command -v chromium)}"

export LANG=C.UTF-8
export VIGIE_LOCALEDIR="$build_dir/po/locale"
export VIGIE_TODAY=2026-06-15 VIGIE_NOW=2026-06-15T12:00:00Z

work="$(mktemp -d "${TMPDIR:-/tmp}/vigie-shots-XXXXXX")"
trap 'rm -rf "$work"' EXIT

"$cli" --database "$work/demo.db" demo --sites 20 --findings 200 --seed 1 >/dev/null
"$cli" --database "$work/demo.db" export site -o "$work/site" --language en --language fr

# The site in China or Taiwan with the most public findings (its native name is in a
# script the machine's fonts have).
site="$(/usr/bin/python3 - "$work/site/data" <<'PY'
import collections, csv, sys
d = sys.argv[1]
countries = {r["site_id"]: r["country"] for r in csv.DictReader(open(d + "/sites.csv", encoding="utf-8"))}
counts = collections.Counter(r["site_id"] for r in csv.DictReader(open(d + "/findings.csv", encoding="utf-8")))
best = max((n, s) for s, n in counts.items() if countries.get(s) in ("CN", "TW"))
print(best[1])
PY
)"

mkdir -p "$output"
# Headless Chromium now and then never exits after writing a screenshot: a time limit
# and a few tries.
shot ()
{
  local try
  for try in 1 2 3; do
    rm -f "$1"
    timeout --kill-after=5 60 "$chromium" --headless --no-sandbox --disable-gpu \
      --hide-scrollbars --window-size=1280,800 --screenshot="$1" "file://$2" >/dev/null 2>&1 \
      || true
    if [ -s "$1" ]; then
      echo "$1"
      return 0
    fi
  done
  echo "no screenshot of $2" >&2
  exit 1
}
for lang in en fr; do
  suffix=""
  [ "$lang" = en ] || suffix="-$lang"
  shot "$output/website-index$suffix.png" "$work/site/$lang/index.html"
  shot "$output/website-site$suffix.png" "$work/site/$lang/sites/$site.html"
done

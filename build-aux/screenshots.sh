#!/bin/bash
# screenshots.sh [LANGUAGE...] — draws every page under Xvfb through the UI tests and saves
# the PNGs into data/screenshots/ (English without a suffix, other languages as NAME-LL.png).
# Translators use it to look at their work in the running application: each UI test opens a
# demo dataset, fills the page and saves it.
set -euo pipefail
cd "$(dirname "$0")/.."
source build-aux/common.sh
ensure_packages
languages=("${@:-en fr}")
read -r -a languages <<<"${languages[*]}"
for lang in "${languages[@]}"; do
  case "$lang" in
    en) locale=C.UTF-8; language= ;;
    fr) locale=fr_FR.UTF-8; language=fr ;;
    de) locale=de_DE.UTF-8; language=de ;;
    es) locale=es_ES.UTF-8; language=es ;;
    ca) locale=ca_ES.UTF-8; language=ca ;;
    *) locale=C.UTF-8; language=$lang ;;
  esac
  [ "$locale" = C.UTF-8 ] || ensure_locale "$locale"
  ensure_build
  echo "== $lang ($locale)"
  LANG=$locale LANGUAGE=$language VIGIE_SCREENSHOT_DIR="$PWD/data/screenshots" \
    xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- \
    meson test -C "${VIGIE_BUILD_DIR:-_build}" --setup screenshots --suite ui --num-processes 1
done

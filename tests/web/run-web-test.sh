#!/bin/bash
# run-web-test.sh — the transparency website in a real browser: a demo dataset is exported
# with `vigie-cli export site`, then check-website.js loads every page in Debian's headless
# Chromium (playwright-core) and runs axe-core on each.
#
# Usage: run-web-test.sh VIGIE_CLI SOURCE_DIR BUILD_DIR
# The npm packages (package-lock.json) are installed once into BUILD_DIR/npm with
# `npm ci --offline`, else `npm ci`. Exit status 77 (skip) only when Chromium cannot start.
#
# npm: Debian 12's `npm` package is what a plain Debian machine needs, but it conflicts
# with the Node.js packages of other origins some machines carry (their nodejs "Conflicts:
# npm" and bundles its own npm), so build-aux/debian-packages.txt lists nodejs and not npm:
# listing it would make the package step fail on such machines. On a plain Debian 12,
# install it with `apt-get install npm`.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

cli="$1"
source_dir="$2"
build_dir="$3"

chromium="${VIGIE_CHROMIUM:-$(command -v chromium || true)}"
if [ -z "$chromium" ] || [ ! -x "$chromium" ]; then
  echo "# SKIP: Chromium is not installed (Debian package chromium)"
  exit 77
fi
if ! command -v node >/dev/null 2>&1; then
  echo "not ok - node is not installed (Debian package nodejs)"
  exit 1
fi

# The npm packages, from the lock file only.
npm_dir="$build_dir/npm"
mkdir -p "$npm_dir"
if [ ! -d "$npm_dir/node_modules" ] \
   || ! cmp -s "$source_dir/package-lock.json" "$npm_dir/package-lock.json"; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "not ok - npm is not installed (Debian package npm): it installs playwright-core and axe-core"
    exit 1
  fi
  cp "$source_dir/package.json" "$source_dir/package-lock.json" "$npm_dir/"
  flags=(--ignore-scripts --no-audit --no-fund --loglevel=error)
  (cd "$npm_dir" && { npm ci --offline "${flags[@]}" >/dev/null 2>&1 || npm ci "${flags[@]}"; }) \
    || { echo "not ok - npm ci failed in $npm_dir"; exit 1; }
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/vigie-web-XXXXXX")"
trap 'rm -rf "$work"' EXIT

# A small demo dataset, in English and French: every site page is loaded.
"$cli" --database "$work/demo.db" demo --sites 8 --findings 80 --seed 7 >/dev/null
"$cli" --database "$work/demo.db" export site --level public -o "$work/site" \
  --language en --language fr

NODE_PATH="$npm_dir/node_modules" exec node "$source_dir/check-website.js" \
  --site "$work/site" --chromium "$chromium"

#!/bin/bash
# run.sh — install what is missing, build, and start Vigie from the build directory.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/run.sh [ARGUMENTS FOR vigie...]
# On the first start (no dataset yet) a demo dataset is created so there is something to see.

set -euo pipefail
# shellcheck source=build-aux/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ensure_packages
ensure_build

build="$VIGIE_ROOT/$VIGIE_BUILD_DIR"
cli="$build/src/cli/vigie-cli"
app="$build/src/app/vigie"

export GSETTINGS_SCHEMA_DIR="$build/data"
export VIGIE_LOCALEDIR="$build/po/locale"
# Lets the icon theme find data/icons/hicolor/.../io.github.vigie.Vigie.svg uninstalled.
export XDG_DATA_DIRS="$VIGIE_ROOT/data:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  cat <<MSG
No display found: Vigie is a desktop application and needs a graphical session
(X11 or Wayland) to open its window.

Without a display, use the command-line tool, built at:
  $cli

For example:
  $cli --help
  $cli demo --sites 200 --findings 3000     # create a demo dataset
  $cli check                                # integrity and schema check
  $cli backup copy.db                       # safe copy of the dataset

The dataset lives in \${XDG_DATA_HOME:-~/.local/share}/vigie/vigie.db
(choose another with --database FILE).
MSG
  exit 0
fi

[ -x "$app" ] || vigie_die "the application was not built: $app is missing"

data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
database="$data_home/vigie/vigie.db"
if [ ! -e "$database" ]; then
  vigie_log "First start: creating a demo dataset at $database"
  mkdir -p "$(dirname "$database")"
  chmod 700 "$(dirname "$database")"
  "$cli" --database "$database" demo --sites 200 --findings 3000
fi

exec "$app" "$@"

# shellcheck shell=bash
# common.sh — shared setup for build-aux/run.sh and build-aux/test.sh.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Source this file; it switches to the repository root and defines:
#   ensure_packages        install the Debian packages listed in debian-packages.txt
#   ensure_locale L...     generate the given locales (fr_FR.UTF-8 ...) if missing
#   ensure_build           meson setup (once) + meson compile of $VIGIE_BUILD_DIR
# Every step is idempotent and does nothing when all is already there.

set -euo pipefail

VIGIE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VIGIE_BUILD_DIR="${VIGIE_BUILD_DIR:-_build}"
cd "$VIGIE_ROOT"

vigie_log ()
{
  printf '==> %s\n' "$*"
}

vigie_die ()
{
  printf 'error: %s\n' "$*"
  exit 1
}

# Run a command as root: directly when we are root, through sudo otherwise.
vigie_as_root ()
{
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    return 127
  fi
}

# The packages of build-aux/debian-packages.txt, comments and blank lines removed. A line
# "package|command" names a package needed only when the command is missing.
vigie_package_list ()
{
  sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$VIGIE_ROOT/build-aux/debian-packages.txt"
}

ensure_packages ()
{
  local -a wanted missing
  local pkg status

  command -v dpkg-query >/dev/null 2>&1 \
    || vigie_die "dpkg-query not found: these scripts expect Debian 12 (or a derivative)."

  mapfile -t wanted < <(vigie_package_list)
  missing=()
  for pkg in "${wanted[@]}"; do
    # "package|command": the package is only needed when the command is missing (npm: a
    # Node.js from outside Debian brings its own npm and conflicts with Debian's).
    if [[ "$pkg" == *"|"* ]]; then
      if command -v "${pkg#*|}" >/dev/null 2>&1; then
        continue
      fi
      pkg="${pkg%%|*}"
    fi
    status="$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)"
    if [ "$status" != "installed" ]; then
      missing+=("$pkg")
    fi
  done

  if [ "${#missing[@]}" -eq 0 ]; then
    return 0
  fi

  vigie_log "Installing missing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
    vigie_die "these packages are missing and you are not root (and sudo is not available):
  ${missing[*]}
Install them as root with:
  apt-get update && apt-get install --no-install-recommends ${missing[*]}"
  fi

  vigie_as_root apt-get update -q \
    || vigie_die "apt-get update failed"
  vigie_as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${missing[@]}" \
    || vigie_die "apt-get install failed for: ${missing[*]}"
}

# ensure_locale fr_FR.UTF-8 de_DE.UTF-8 ...
ensure_locale ()
{
  local -a missing
  local loc norm have

  # `locale -a` prints fr_FR.utf8 for fr_FR.UTF-8.
  have="$(locale -a 2>/dev/null | tr '[:upper:]' '[:lower:]' | sed 's/utf-8/utf8/')"
  missing=()
  for loc in "$@"; do
    norm="$(printf '%s' "$loc" | tr '[:upper:]' '[:lower:]' | sed 's/utf-8/utf8/')"
    if ! printf '%s\n' "$have" | grep -qx -- "$norm"; then
      missing+=("$loc")
    fi
  done

  if [ "${#missing[@]}" -eq 0 ]; then
    return 0
  fi

  command -v locale-gen >/dev/null 2>&1 \
    || vigie_die "locale-gen not found (package 'locales'); cannot generate ${missing[*]}"

  vigie_log "Generating locales: ${missing[*]}"
  for loc in "${missing[@]}"; do
    if [ -f /etc/locale.gen ] && grep -qE "^[#[:space:]]*${loc//./\\.}[[:space:]]+UTF-8" /etc/locale.gen; then
      vigie_as_root sed -i -E "s/^[#[:space:]]*(${loc//./\\.}[[:space:]]+UTF-8)/\\1/" /etc/locale.gen \
        || vigie_die "cannot edit /etc/locale.gen (not root, no sudo)"
    else
      printf '%s UTF-8\n' "$loc" | vigie_as_root tee -a /etc/locale.gen >/dev/null \
        || vigie_die "cannot edit /etc/locale.gen (not root, no sudo)"
    fi
  done
  vigie_as_root locale-gen >/dev/null || vigie_die "locale-gen failed"
}

ensure_build ()
{
  if [ ! -f "$VIGIE_BUILD_DIR/build.ninja" ]; then
    vigie_log "Configuring $VIGIE_BUILD_DIR"
    if [ -d "$VIGIE_BUILD_DIR/meson-private" ]; then
      # A half-configured or stale directory: let meson repair it.
      meson setup --wipe "$VIGIE_BUILD_DIR"
    else
      meson setup "$VIGIE_BUILD_DIR"
    fi
  fi
  # meson compile regenerates the build files by itself when a meson.build changed.
  vigie_log "Building $VIGIE_BUILD_DIR"
  meson compile -C "$VIGIE_BUILD_DIR"
}

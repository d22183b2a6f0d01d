#!/bin/bash
# make-template.sh — the translation template of the CURRENT sources, as `meson compile
# vigie-pot` makes it (the keywords of meson's 'glib' gettext preset), written to OUTPUT.
#
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: make-template.sh SOURCE_ROOT OUTPUT
#
# .ui files, the GSettings schema and the metainfo are read through the ITS rules that GTK,
# GLib and AppStream install; the desktop entry through xgettext's own desktop support.

set -euo pipefail
root="$(cd "$1" && pwd)"
output="$(realpath -m "$2")"

cd "$root"
xgettext \
  --package-name=vigie --msgid-bugs-address=https://github.com/vigie/vigie/issues \
  --from-code=UTF-8 --add-comments=Translators \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
  --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
  --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
  --files-from=po/POTFILES.in --output="$output"

#!/usr/bin/python3
# validate-ui.py — run `gtk4-builder-tool validate` on every GtkBuilder file of the project.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: validate-ui.py SOURCE_ROOT PRELOAD_MODULE
#
# The files are found at test time (ui/*.ui and resources/**/*.ui), so a new .ui file is
# covered without editing the build.
#
# What works on Debian 12 (GTK 4.8), and why this script looks the way it does:
#  - the tool crashes without a display, so this test needs one (run it under Xvfb); it
#    exits 77 (skip) when neither DISPLAY nor WAYLAND_DISPLAY is set;
#  - the tool is not linked with libadwaita and knows no Vigie class. PRELOAD_MODULE
#    (tests/data/adw-preload.c) is loaded with LD_PRELOAD: it initialises libadwaita and
#    registers stand-in types for the Vigie classes listed in VIGIE_FAKE_TYPES, derived from
#    their real parents. This script builds that list from the <template class= parent=>
#    elements of the .ui files and from G_DEFINE_*TYPE (Name, name, PARENT_TYPE_MACRO) in
#    src/app/*.c (GTK_TYPE_DRAWING_AREA -> GtkDrawingArea, ADW_TYPE_BIN -> AdwBin, ...);
#  - a template whose parent is another Vigie class therefore validates too;
#  - objects, properties, signals and children of GTK/libadwaita classes are fully checked.
#    A signal or property that only a Vigie class defines cannot be checked by the tool
#    ("Invalid signal 'saved' for type 'VigieSiteEditor'"): the script notes it, removes
#    that element from a temporary copy (keeping the line numbers) and validates the copy
#    again, so the rest of the file is still checked. The `ui` suite instantiates the real
#    classes and catches mistakes there. <signal> elements are removed from the copy too:
#    the tool resolves no handler at all in GTK 4.8 ("No function named `gtk_true`"), and
#    handlers are template callbacks bound in C, exercised by the `ui` suite.

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

TEMPLATE_RE = re.compile(r'<template\s+[^>]*?class="([^"]+)"[^>]*?parent="([^"]+)"'
                         r'|<template\s+[^>]*?parent="([^"]+)"[^>]*?class="([^"]+)"')
DEFINE_RE = re.compile(r'G_DEFINE_(?:FINAL_|ABSTRACT_)?TYPE\w*\s*\(\s*(\w+)\s*,\s*\w+\s*,\s*'
                       r'([A-Z]+)_TYPE_(\w+)\s*[,)]')


def macro_to_type(prefix, rest):
    """GTK + DRAWING_AREA -> GtkDrawingArea."""
    words = [prefix] + rest.split('_')
    return ''.join(w[:1] + w[1:].lower() for w in words)


CUSTOM_SIGNAL_RE = re.compile(r"^\S*?:(\d+):\d+ Invalid signal '([^']+)' for type '(Vigie\w+)'")
CUSTOM_PROPERTY_RE = re.compile(r"^\S*?:(\d+):\d+ Invalid property: (Vigie\w+)\.([\w-]+)")


def blank(match):
    """Replace an element by as many newlines as it spanned, so line numbers do not move."""
    return '\n' * match.group(0).count('\n')


def strip_element(text, lineno, tag, name):
    """Remove the <tag name="name"...> element that starts on line lineno (1-based)."""
    lines = text.split('\n')
    start = sum(len(l) + 1 for l in lines[:lineno - 1])
    pattern = re.compile(r'<%s\b[^>]*\bname="%s"[^>]*?(?:/>|>.*?</%s>)'
                         % (tag, re.escape(name), tag), re.S)
    m = pattern.search(text, start)
    if m is None or text.count('\n', 0, m.start()) != lineno - 1:
        return None
    return text[:m.start()] + blank(m) + text[m.end():]


def validate(path, env, tmpdir):
    """Validate one file; returns (ok, output lines, notes)."""
    text = path.read_text(encoding='utf-8')
    notes = []
    target = path
    # Signal handlers are template callbacks bound in C. The tool resolves none of them, not
    # even a symbol of GTK itself ("No function named `gtk_true`"), and stops at the first:
    # remove the <signal> elements from the copy (line numbers kept) and note how many.
    text, handlers = re.subn(r'<signal\b[^>]*?(?:/>|>.*?</signal>)', blank, text, flags=re.S)
    if handlers:
        notes.append(f'{handlers} <signal> element(s) (template callbacks are bound in C)')
        target = Path(tmpdir) / path.name
        target.write_text(text, encoding='utf-8')
    for _ in range(200):
        proc = subprocess.run(['gtk4-builder-tool', 'validate', str(target)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              timeout=120)
        # Drop GTK's warnings about the environment; keep the validator's findings.
        lines = [l for l in proc.stdout.splitlines()
                 if l.strip() and 'GDK_DEBUG' not in l]
        if proc.returncode == 0:
            return True, lines, notes
        stripped = None
        for line in lines:
            m = CUSTOM_SIGNAL_RE.match(line)
            if m:
                stripped = strip_element(text, int(m.group(1)), 'signal', m.group(2))
                note = f"line {m.group(1)}: signal '{m.group(2)}' of {m.group(3)}"
                break
            m = CUSTOM_PROPERTY_RE.match(line)
            if m:
                stripped = strip_element(text, int(m.group(1)), 'property', m.group(3))
                note = f"line {m.group(1)}: property '{m.group(3)}' of {m.group(2)}"
                break
        if stripped is None:
            return False, lines, notes
        notes.append(note)
        text = stripped
        target = Path(tmpdir) / path.name
        target.write_text(text, encoding='utf-8')
    return False, ['too many custom signals/properties to strip'], notes


def main():
    if len(sys.argv) != 3:
        print(__doc__ or 'usage: validate-ui.py SOURCE_ROOT PRELOAD_MODULE', file=sys.stderr)
        return 2
    root = Path(sys.argv[1])
    preload = Path(sys.argv[2]).resolve()

    if not os.environ.get('DISPLAY') and not os.environ.get('WAYLAND_DISPLAY'):
        print('SKIP: gtk4-builder-tool needs a display (run under xvfb-run)')
        return 77

    files = sorted(set(root.glob('ui/*.ui')) | set(root.glob('resources/**/*.ui')))
    if not files:
        print('no .ui file found under', root, file=sys.stderr)
        return 1

    fake = {}
    for path in files:
        for m in TEMPLATE_RE.finditer(path.read_text(encoding='utf-8')):
            cls, parent = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
            fake[cls] = parent
    for path in sorted(root.glob('src/app/*.c')):
        for m in DEFINE_RE.finditer(path.read_text(encoding='utf-8')):
            fake.setdefault(m.group(1), macro_to_type(m.group(2), m.group(3)))

    env = dict(os.environ)
    env['LD_PRELOAD'] = str(preload)
    env['VIGIE_FAKE_TYPES'] = ';'.join(f'{k}={v}' for k, v in sorted(fake.items()))

    failed = []
    with tempfile.TemporaryDirectory(prefix='vigie-ui-') as tmpdir:
        for path in files:
            rel = path.relative_to(root)
            ok, lines, notes = validate(path, env, tmpdir)
            print(f'{"ok  " if ok else "FAIL"} {rel}')
            for note in notes:
                print(f'    note: not checkable by gtk4-builder-tool, skipped: {note}')
            if not ok:
                failed.append(str(rel))
                for line in lines:
                    print('    ' + line)
    print(f'{len(files) - len(failed)} of {len(files)} .ui files valid')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())

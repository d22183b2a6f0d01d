#!/usr/bin/python3
# check-potfiles.py — po/POTFILES.in lists every file with translatable strings, sorted.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-potfiles.py SOURCE_ROOT            check the tree
#        check-potfiles.py --self-test SOURCE_ROOT prove the check can fail: copy the tree,
#                                                  drop one POTFILES.in entry, expect failure
#
# A file needs translation when it is under src/, ui/, resources/ or data/ and contains a
# translatable mark: _( N_( C_( NC_( g_dngettext (C), translatable="yes" (GtkBuilder),
# <_ (intltool-style XML), gettext-domain (GSettings schema); desktop entries (*.desktop.in)
# and AppStream metainfo (*.metainfo.xml.in) are always translatable.
# POTFILES.in must be sorted in byte order (LC_ALL=C sort), without duplicates, and list
# only files that exist. Lines starting with '#' are comments.

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SCANNED_DIRS = ('src', 'ui', 'resources', 'data')
SCANNED_SUFFIXES = ('.c', '.h', '.ui', '.xml', '.in')
C_MARK = re.compile(r'(?<![A-Za-z0-9_])(?:N?C?_|NC_)\s*\(|\bg_dngettext\b')
XML_MARKS = ('translatable="yes"', "translatable='yes'", '<_', 'gettext-domain')


def needs_translation(path):
    name = path.name
    if name.endswith('.desktop.in') or name.endswith('.metainfo.xml.in'):
        return True
    try:
        text = path.read_text(encoding='utf-8')
    except (UnicodeDecodeError, OSError):
        return False
    if path.suffix in ('.c', '.h'):
        # Ignore comments so that "/* see _() */" does not count.
        text = re.sub(r'/\*.*?\*/', ' ', text, flags=re.S)
        text = re.sub(r'//[^\n]*', ' ', text)
        return C_MARK.search(text) is not None
    return any(mark in text for mark in XML_MARKS)


def check(root):
    root = Path(root)
    potfiles = root / 'po' / 'POTFILES.in'
    entries = []
    for line in potfiles.read_text(encoding='utf-8').splitlines():
        line = line.strip()
        if line and not line.startswith('#'):
            entries.append(line)

    problems = []
    listed = set(entries)
    if len(listed) != len(entries):
        dups = sorted({e for e in entries if entries.count(e) > 1})
        problems.append('listed more than once in po/POTFILES.in:\n  ' + '\n  '.join(dups))

    byte_sorted = sorted(entries, key=lambda e: e.encode('utf-8'))
    if entries != byte_sorted:
        wrong = [f'{e}  (expected {s})' for e, s in zip(entries, byte_sorted) if e != s]
        problems.append('po/POTFILES.in is not sorted (LC_ALL=C sort); first differences:\n  '
                        + '\n  '.join(wrong[:10]))

    missing_on_disk = sorted(e for e in listed if not (root / e).is_file())
    if missing_on_disk:
        problems.append('listed in po/POTFILES.in but not found:\n  '
                        + '\n  '.join(missing_on_disk))

    needed = set()
    for top in SCANNED_DIRS:
        base = root / top
        if not base.is_dir():
            continue
        for path in base.rglob('*'):
            if path.is_file() and path.name.endswith(SCANNED_SUFFIXES) and needs_translation(path):
                needed.add(path.relative_to(root).as_posix())
    unlisted = sorted(needed - listed)
    if unlisted:
        problems.append('files with translatable strings missing from po/POTFILES.in:\n  '
                        + '\n  '.join(unlisted))

    for problem in problems:
        print(problem)
    if not problems:
        print(f'po/POTFILES.in: {len(entries)} files, sorted, complete')
    return 1 if problems else 0


def self_test(root):
    root = Path(root)
    with tempfile.TemporaryDirectory(prefix='vigie-potfiles-') as tmp:
        copy = Path(tmp) / 'tree'
        for top in SCANNED_DIRS + ('po',):
            if (root / top).is_dir():
                shutil.copytree(root / top, copy / top, symlinks=True,
                                ignore=shutil.ignore_patterns('*.png', '*.db'))
        if check(copy) != 0:
            print('self-test: the unmodified copy should pass first')
            return 1
        potfiles = copy / 'po' / 'POTFILES.in'
        lines = potfiles.read_text(encoding='utf-8').splitlines()
        victim = next(i for i, l in enumerate(lines) if l.strip() and not l.startswith('#'))
        removed = lines.pop(victim)
        potfiles.write_text('\n'.join(lines) + '\n', encoding='utf-8')
        print(f'self-test: removed {removed!r}; the check must now fail:')
        result = subprocess.run([sys.executable, __file__, str(copy)],
                                stdout=subprocess.PIPE, text=True)
        print(result.stdout, end='')
        if result.returncode == 0 or removed not in result.stdout:
            print('self-test FAILED: the check did not report the removed entry')
            return 1
        print('self-test: ok, the removed entry was reported')
        return 0


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == '--self-test':
        sys.exit(self_test(sys.argv[2]))
    if len(sys.argv) != 2:
        print('usage: check-potfiles.py [--self-test] SOURCE_ROOT', file=sys.stderr)
        sys.exit(2)
    sys.exit(check(sys.argv[1]))

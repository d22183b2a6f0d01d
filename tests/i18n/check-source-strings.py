#!/usr/bin/python3
# check-source-strings.py — source strings are fit for translation.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-source-strings.py SOURCE_ROOT
#        check-source-strings.py --self-test SOURCE_ROOT
#
# On a template regenerated from the current sources (make-template.sh):
#  - a c-format message with two placeholders or more numbers them all (%1$s … %2$d), so
#    that a language can reorder them;
#  - a message is not a fragment of a sentence glued to another at run time: it neither
#    starts nor ends with a space (line breaks and "…" are fine; separators without words,
#    such as ", " or " · ", are translatable punctuation, not fragments).

import re
import subprocess
import sys
import tempfile
from pathlib import Path

PLACEHOLDER = re.compile(r"%(%|(\d+\$)?[-+ #0']*(\d+|\*)?(\.(\d+|\*))?(hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGaAcsp])")


def messages(pot):
    out = subprocess.run(['msgcat', '--no-wrap', str(pot)], check=True, capture_output=True,
                         text=True).stdout
    for block in out.split('\n\n'):
        msgid = re.search(r'^msgid "(.*)"$', block, re.M)
        if msgid is None or msgid.group(1) == '':
            continue
        where = re.findall(r'^#: (\S+)', block, re.M)
        plural = re.search(r'^msgid_plural "(.*)"$', block, re.M)
        texts = [msgid.group(1)] + ([plural.group(1)] if plural else [])
        yield (where[0] if where else '?'), 'c-format' in block, texts


def problems(pot):
    found = []
    for where, c_format, texts in messages(pot):
        for text in texts:
            if c_format:
                conversions = [m for m in PLACEHOLDER.finditer(text) if m.group(1) != '%']
                if len(conversions) >= 2 and any(m.group(2) is None for m in conversions):
                    found.append(f'{where}: several placeholders, not numbered: "{text}"')
            has_words = re.search(r'[^\W\d_]', re.sub(r'%\S', '', text)) is not None
            if has_words and text != text.strip(' ') and not text.startswith('\\n'):
                found.append(f'{where}: starts or ends with a space (a fragment?): "{text}"')
    return found


def check(root):
    with tempfile.TemporaryDirectory() as tmp:
        pot = Path(tmp) / 'vigie.pot'
        subprocess.run([str(Path(__file__).parent / 'make-template.sh'), str(root), str(pot)],
                       check=True, capture_output=True)
        found = problems(pot)
    for problem in found:
        print('FAIL ' + problem)
    if not found:
        print('ok   every message with several placeholders numbers them; no fragments')
    return not found


def self_test():
    with tempfile.TemporaryDirectory() as tmp:
        pot = Path(tmp) / 't.pot'
        pot.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                       '#: a.c:1\n#, c-format\nmsgid "%1$s of %2$d"\nmsgstr ""\n\n'
                       '#: a.c:2\n#, c-format\nmsgid "%d %% of %s"\nmsgstr ""\n\n'
                       '#: a.c:3\nmsgid "Saved in "\nmsgstr ""\n')
        found = problems(pot)
    ok = len(found) == 2 and 'a.c:2' in found[0] and 'a.c:3' in found[1]
    print(('ok  ' if ok else 'FAIL') + ' the check finds unnumbered placeholders and fragments')
    for problem in found:
        print('     ' + problem)
    return ok


if __name__ == '__main__':
    if sys.argv[1] == '--self-test':
        sys.exit(0 if self_test() else 1)
    sys.exit(0 if check(sys.argv[1]) else 1)

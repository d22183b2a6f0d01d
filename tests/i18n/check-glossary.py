#!/usr/bin/python3
# check-glossary.py — terminology stays consistent with po/glossary/.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-glossary.py SOURCE_ROOT
#        check-glossary.py --self-test SOURCE_ROOT   prove the check can fail
#
# po/glossary/terms.tsv lists the domain terms (term<TAB>definition). Every language of
# po/LINGUAS has po/glossary/<lang>.tsv giving a translation for every term (several
# accepted forms separated by " / "). Every message of po/<lang>.po whose English text is
# exactly a term (ignoring case) must be translated by one of the accepted forms (ignoring
# case). The glossary table of po/README.md (between the glossary:begin and glossary:end
# markers) must be the one these files give; --write-readme rewrites it.

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def read_tsv(path):
    rows = {}
    for line in path.read_text(encoding='utf-8').splitlines():
        if not line.strip() or line.startswith('#'):
            continue
        fields = line.split('\t')
        rows[fields[0].strip()] = fields[1].strip() if len(fields) > 1 else ''
    return rows


def unquote(text):
    return bytes(text[1:-1], 'utf-8').decode('unicode_escape').encode('latin-1').decode('utf-8')


def single_line_messages(po):
    """(msgid, msgstr) of every message whose texts are one line, without plural forms."""
    out = subprocess.run(['msgcat', '--no-wrap', str(po)], check=True, capture_output=True,
                         text=True).stdout
    messages = []
    msgid = msgstr = None
    plural = False
    for line in out.splitlines() + ['']:
        if line.startswith('msgid '):
            msgid, msgstr, plural = line[6:], None, False
        elif line.startswith('msgid_plural '):
            plural = True
        elif line.startswith('msgstr '):
            msgstr = line[7:]
        elif line.startswith('"'):
            msgid = msgstr = None      # a multi-line text: never a glossary term
        elif line == '' and msgid not in (None, '""') and msgstr is not None and not plural:
            messages.append((unquote(msgid), unquote(msgstr)))
            msgid = msgstr = None
    return messages


BEGIN = '<!-- glossary:begin -->'
END = '<!-- glossary:end -->'


def languages(root):
    linguas = []
    for line in (Path(root) / 'po' / 'LINGUAS').read_text().splitlines():
        linguas += line.split('#')[0].split()
    return linguas


def readme_table(root):
    root = Path(root)
    terms_path = root / 'po' / 'glossary' / 'terms.tsv'
    terms = read_tsv(terms_path)
    linguas = languages(root)
    chosen = {lang: read_tsv(root / 'po' / 'glossary' / f'{lang}.tsv')
              for lang in linguas if (root / 'po' / 'glossary' / f'{lang}.tsv').exists()}
    lines = ['| Term | Definition | ' + ' | '.join(linguas) + ' |',
             '|---|---|' + '---|' * len(linguas)]
    for term, definition in terms.items():
        cells = [chosen.get(lang, {}).get(term, '') for lang in linguas]
        lines.append(f'| **{term}** | {definition} | ' + ' | '.join(cells) + ' |')
    return '\n'.join(lines)


def readme_with_table(root):
    text = (Path(root) / 'po' / 'README.md').read_text(encoding='utf-8')
    start = text.index(BEGIN) + len(BEGIN)
    end = text.index(END)
    return text, text[:start] + '\n' + readme_table(root) + '\n' + text[end:]


def check(root):
    root = Path(root)
    terms = read_tsv(root / 'po' / 'glossary' / 'terms.tsv')
    linguas = languages(root)
    failures = []
    for lang in linguas:
        path = root / 'po' / 'glossary' / f'{lang}.tsv'
        if not path.exists():
            failures.append(f'po/glossary/{lang}.tsv is missing')
            continue
        chosen = read_tsv(path)
        for term in terms:
            if not chosen.get(term):
                failures.append(f'po/glossary/{lang}.tsv: no translation of “{term}”')
        accepted = {term.lower(): [form.strip().lower() for form in chosen.get(term, '').split(' / ')]
                    for term in terms}
        count = 0
        for msgid, msgstr in single_line_messages(root / 'po' / f'{lang}.po'):
            forms = accepted.get(msgid.lower())
            if forms is None or not msgstr:
                continue
            count += 1
            if msgstr.lower() not in forms:
                failures.append(f'po/{lang}.po: “{msgid}” is “{msgstr}”, the glossary says '
                                + ' or '.join(f'“{f}”' for f in forms))
        print(f'{lang}: {len(chosen)} glossary terms, {count} messages checked')
    if (root / 'po' / 'README.md').exists():
        current, wanted = readme_with_table(root)
        if current != wanted:
            failures.append('the glossary table of po/README.md is out of date: run '
                            'tests/i18n/check-glossary.py --write-readme SOURCE_ROOT')
    for failure in failures:
        print('FAIL ' + failure)
    return not failures


def self_test(root):
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp)
        shutil.copytree(Path(root) / 'po', copy / 'po')
        (copy / 'po' / 'README.md').unlink()
        (copy / 'po' / 'LINGUAS').write_text('xx\n')
        (copy / 'po' / 'glossary' / 'xx.tsv').write_text(
            ''.join(f'{t}\t{t.upper()}\n' for t in read_tsv(copy / 'po' / 'glossary' / 'terms.tsv')))
        good = ('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                'msgid "Finding"\nmsgstr "FINDING"\n\n')
        (copy / 'po' / 'xx.po').write_text(good, encoding='utf-8')
        if not check(copy):
            print('FAIL self-test: a consistent translation was refused')
            return False
        (copy / 'po' / 'xx.po').write_text(good.replace('"FINDING"', '"Discovery"'), encoding='utf-8')
        if check(copy):
            print('FAIL self-test: a term translated against the glossary was accepted')
            return False
        (copy / 'po' / 'xx.po').write_text(good, encoding='utf-8')
        (copy / 'po' / 'glossary' / 'xx.tsv').write_text('finding\tFINDING\n')
        if check(copy):
            print('FAIL self-test: a glossary missing terms was accepted')
            return False
    print('ok   the glossary check fails when it should')
    return True


if __name__ == '__main__':
    if sys.argv[1] == '--write-readme':
        _, wanted = readme_with_table(sys.argv[2])
        (Path(sys.argv[2]) / 'po' / 'README.md').write_text(wanted, encoding='utf-8')
        sys.exit(0)
    if sys.argv[1] == '--self-test':
        sys.exit(0 if self_test(sys.argv[2]) else 1)
    sys.exit(0 if check(sys.argv[1]) else 1)

#!/usr/bin/python3
# check-xlsx.py — reads a Vigie data export back with openpyxl (Debian's python3-openpyxl)
# and checks what a spreadsheet user would see: sheet names, typed cells, frozen header,
# autofilter, document properties, and formula-injection strings stored as inert text.
#
# Usage: check-xlsx.py FILE.xlsx AUTHOR
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import sys

import openpyxl

path, author = sys.argv[1], sys.argv[2]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


wb = openpyxl.load_workbook(path)
expected = ['sites', 'workforce', 'organisations', 'investigations', 'activities', 'findings',
            'finding_standards', 'finding_indicators', 'evidence', 'actions', 'action_history',
            'grievances', 'chemical_products', 'exposure_measurements']
check(wb.sheetnames == expected, 'sheet names: %r' % wb.sheetnames)

for ws in wb.worksheets:
    check(ws.freeze_panes == 'A2', '%s: frozen panes %r' % (ws.title, ws.freeze_panes))
    check(ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith('A1:'),
          '%s: autofilter %r' % (ws.title, ws.auto_filter.ref))
    check(ws.column_dimensions['A'].width is not None and ws.column_dimensions['A'].width > 0,
          '%s: no column width' % ws.title)

sites = wb['sites']
header = [c.value for c in sites[1]]
check('notes' not in header, 'sites: the notes column is exported at level public')
name_col = header.index('name') + 1
names = {}
for row in sites.iter_rows(min_row=2):
    cell = row[name_col - 1]
    names[cell.value] = cell.data_type
    check(row[0].data_type == 'n', 'sites: id is not a number: %r' % row[0].value)
for hostile in ['=HYPERLINK("http://x","y")', '+1', '-1+1', '@SUM(A1)']:
    check(hostile in names, 'sites: %r missing (names: %r)' % (hostile, list(names)))
    check(names.get(hostile) == 's', 'sites: %r is not a string cell: %r' % (hostile, names.get(hostile)))

findings = wb['findings']
fh = [c.value for c in findings[1]]
row = [c for c in findings[2]]
observed = row[fh.index('first_observed')]
check(observed.data_type == 'd' or isinstance(observed.value, datetime.datetime),
      'findings: first_observed is not a date: %r %r' % (observed.value, observed.data_type))
check(observed.number_format == 'yyyy-mm-dd', 'findings: date format %r' % observed.number_format)
check(row[fh.index('affects_women')].data_type == 'b', 'findings: affects_women is not a boolean')
check(row[fh.index('workers_affected')].data_type == 'n', 'findings: workers_affected is not a number')
check(row[fh.index('title')].data_type == 's', 'findings: title is not text')
check(findings.max_row == 2, 'findings: %d rows at level public, expected 1' % (findings.max_row - 1))

props = wb.properties
check(props.title == 'Vigie data export', 'title %r' % props.title)
check(props.creator == author, 'author %r' % props.creator)
check(props.created == datetime.datetime(2026, 6, 15, 12, 0, 0), 'created %r' % props.created)
check(props.keywords is not None and 'labour rights' in props.keywords, 'keywords %r' % props.keywords)

if failures:
    for f in failures:
        print('FAIL:', f)
    sys.exit(1)
print('ok')

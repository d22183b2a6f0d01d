#!/usr/bin/python3
# check-annual-xlsx.py — reads the annual report figures workbook back with openpyxl
# (Debian's python3-openpyxl) and checks what a spreadsheet user sees against the figures
# engine's own numbers (the JSON of vigie_figures_to_json() for the same year and scope):
# sheet names, a bold frozen header, the autofilter, column widths, typed cells (numbers,
# month dates, percentages, currency amounts), one native chart per figure of the expected
# kind whose series point at the table, and the document properties.
#
# Usage: check-annual-xlsx.py FILE.xlsx FIGURES.json AUTHOR [english]
#   english: also check the English sheet names and labels.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import json
import re
import sys

import openpyxl
from openpyxl.chart import BarChart, DoughnutChart, LineChart

path, figures_path, author = sys.argv[1], sys.argv[2], sys.argv[3]
english = len(sys.argv) > 4 and sys.argv[4] == 'english'
with open(figures_path, encoding='utf-8') as f:
    fig = json.load(f)
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


wb = openpyxl.load_workbook(path)
names = wb.sheetnames
check(len(names) == 17, 'expected Contents and 16 figure sheets: %r' % names)
check(len(set(n.casefold() for n in names)) == len(names), 'sheet names not unique: %r' % names)
for n in names:
    check(0 < len(n) <= 31, 'sheet name longer than 31 characters: %r' % n)
if english:
    check(names == ['Contents', 'Affiliates', 'Monitoring partners', 'Sites linked',
                    'Investigations', 'Methods', 'Findings by theme', 'Findings per month',
                    'Forced labour', 'Actions by status', 'Overdue actions', 'Closure',
                    'Completions per month', 'Workers receiving remedy', 'Remedy amounts',
                    'Contractors', 'Disclosure per tier'], 'English sheet names: %r' % names)

sheets = wb.worksheets
(contents, affiliates, partners, linked, investigations, methods, themes, findings_monthly,
 forced, statuses, overdue, closure, completions, remedy, amounts, contractors,
 disclosing) = sheets


def rows(ws):
    """The table under the header: every row until the first empty one."""
    out = []
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, 1).value is None:
            break
        out.append([ws.cell(r, c).value for c in range(1, ws.max_column + 1)])
    return out


def cells(ws, column):
    out = []
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, 1).value is None:
            break
        out.append(ws.cell(r, column))
    return out


# ─── Every figure sheet: header, freeze, filter, widths, chart ───────────────
chart_kinds = {
    'Affiliates': (BarChart, 'stacked', 2), 'Monitoring partners': (BarChart, 'clustered', 1),
    'Sites linked': (BarChart, 'clustered', 1), 'Investigations': (BarChart, 'clustered', 2),
    'Methods': (BarChart, 'clustered', 2), 'Findings by theme': (BarChart, 'stacked', 4),
    'Findings per month': (LineChart, None, 1), 'Forced labour': (BarChart, 'clustered', 1),
    'Actions by status': (DoughnutChart, None, 1), 'Overdue actions': (BarChart, 'clustered', 1),
    'Closure': (DoughnutChart, None, 1), 'Completions per month': (LineChart, None, 1),
    'Workers receiving remedy': (BarChart, 'clustered', 1),
    'Remedy amounts': (BarChart, 'clustered', 1), 'Contractors': (BarChart, 'clustered', 1),
    'Disclosure per tier': (BarChart, 'clustered', 1),
}
english_names = list(chart_kinds)
for index, ws in enumerate(sheets[1:]):
    key = english_names[index]
    header = [c for c in ws[1] if c.value is not None]
    check(len(header) >= 2, '%s: header %r' % (ws.title, [c.value for c in header]))
    for c in header:
        check(c.font is not None and c.font.b, '%s: header %s is not bold' % (ws.title, c.coordinate))
        check(c.data_type == 's', '%s: header %s is not text' % (ws.title, c.coordinate))
    check(ws.freeze_panes == 'A2', '%s: frozen panes %r' % (ws.title, ws.freeze_panes))
    check(ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith('A1:'),
          '%s: autofilter %r' % (ws.title, ws.auto_filter.ref))
    for c in range(len(header)):
        letter = openpyxl.utils.get_column_letter(c + 1)
        width = ws.column_dimensions[letter].width
        check(width is not None and width >= 8, '%s: column %s width %r' % (ws.title, letter, width))
    label_width = ws.column_dimensions['A'].width
    longest = max([len(r[0]) for r in rows(ws) if isinstance(r[0], str)] or [0])
    check(label_width + 0.5 >= min(longest, 60), '%s: column A (%r) narrower than its labels (%d)'
          % (ws.title, label_width, longest))
    kind, grouping, n_series = chart_kinds[key]
    check(len(ws._charts) == 1, '%s: %d charts' % (ws.title, len(ws._charts)))
    if len(ws._charts) != 1:
        continue
    chart = ws._charts[0]
    check(isinstance(chart, kind), '%s: chart is a %s' % (ws.title, type(chart).__name__))
    if kind is BarChart:
        check(chart.barDir == 'bar', '%s: bars are %r' % (ws.title, chart.barDir))
        check(chart.grouping == grouping, '%s: grouping %r' % (ws.title, chart.grouping))
    check(len(chart.series) == n_series, '%s: %d series' % (ws.title, len(chart.series)))
    quoted = "'" + ws.title.replace("'", "''") + "'"
    for s in chart.series:
        ref = s.val.numRef.f
        check(ref.startswith(quoted + '!$') or ref.startswith(ws.title + '!$'),
              '%s: series values %r are not on the sheet' % (ws.title, ref))
        check(re.search(r'!\$[A-Z]+\$2(:|$)', ref) is not None,
              '%s: series values %r do not start under the header' % (ws.title, ref))

# ─── Numbers: equal to the figures engine's ──────────────────────────────────
def count_cells(ws, column):
    out = []
    for c in cells(ws, column):
        check(c.data_type == 'n' and isinstance(c.value, (int, float)),
              '%s!%s is not a number: %r' % (ws.title, c.coordinate, c.value))
        out.append(c.value)
    return out


def total_row(ws):
    r = rows(ws)
    return r[-1]


# Affiliates: one row per country (sorted by name), then the total.
table = rows(affiliates)
got = sorted(tuple(r[1:4]) for r in table[:-1])
want = sorted((a['direct'], a['via_consortium'], a['direct'] + a['via_consortium'])
              for a in fig['affiliates']['by_country'])
check(got == want, 'affiliates by country %r != %r' % (got, want))
check(table[-1][1:4] == [fig['affiliates']['direct'], fig['affiliates']['via_consortium'],
                         fig['affiliates']['total']], 'affiliates total %r' % table[-1])
count_cells(affiliates, 2)

check(rows(partners)[0][1] == fig['monitoring_partners'], 'partners %r' % rows(partners))

table = rows(linked)
got = sorted(r[1] for r in table[:-1])
want = sorted(c['linked'] for c in fig['sites']['by_country'] if c['linked'] > 0)
check(got == want, 'sites linked %r != %r' % (got, want))
check(table[-1][1] == fig['sites']['linked'], 'sites linked total %r' % table[-1])

table = rows(investigations)
got = sorted(tuple(r[1:3]) for r in table[:-1])
want = sorted((c['investigations'], c['monitored']) for c in fig['sites']['by_country']
              if c['investigations'] or c['monitored'])
check(got == want, 'investigations %r != %r' % (got, want))
check(table[-1][1:3] == [fig['investigations']['total'], fig['sites']['monitored']],
      'investigations total %r' % table[-1])

table = rows(methods)
want = [[m['activities'], m['investigations'], m['participants'], m['women'], m['migrant']]
        for m in fig['investigations']['by_method'].values()]
check([r[1:6] for r in table[:-1]] == want, 'methods %r != %r' % (table, want))
check(table[-1][1] == fig['investigations']['activities'] and table[-1][2] is None
      and table[-1][3:6] == [fig['workers_interviewed']['total'], fig['workers_interviewed']['women'],
                             fig['workers_interviewed']['migrant']], 'methods total %r' % table[-1])

table = rows(themes)
want = [list(t['by_severity'].values()) + [t['total']] for t in fig['findings']['by_theme']]
check([r[1:6] for r in table[:-1]] == want, 'findings by theme %r != %r' % (table, want))
check(table[-1][1:6] == list(fig['findings']['by_severity'].values()) + [fig['findings']['total']],
      'findings total %r' % table[-1])
check(themes['A2'].data_type == 's', 'theme is not text')

for ws, per_month in ((findings_monthly, fig['findings']['per_month']),
                      (completions, fig['remediation']['completed_per_month'])):
    months = cells(ws, 1)[:12]
    for m, c in enumerate(months):
        check(isinstance(c.value, datetime.datetime)
              and c.value == datetime.datetime(fig['year'], m + 1, 1),
              '%s!%s is not the date of month %d: %r' % (ws.title, c.coordinate, m + 1, c.value))
        check(c.number_format == 'yyyy-mm', '%s!%s format %r' % (ws.title, c.coordinate, c.number_format))
    check(count_cells(ws, 2) == per_month + [sum(per_month)], '%s %r' % (ws.title, rows(ws)))

check([r[1] for r in rows(forced)] == [fig['forced_labour_sites']['at_least_1'],
                                        fig['forced_labour_sites']['at_least_3']],
      'forced labour %r' % rows(forced))

table = rows(statuses)
check([r[1] for r in table] == list(fig['remediation']['by_status'].values())
      + [fig['remediation']['due_in_year']], 'actions by status %r' % table)

table = rows(overdue)
check(table[0][1] == fig['remediation']['overdue'], 'overdue %r' % table)
counted = overdue['B3']
check(counted.data_type == 'd' or isinstance(counted.value, datetime.datetime),
      'overdue: the day is not a date: %r' % counted.value)
check(counted.value == datetime.datetime.strptime(fig['today'], '%Y-%m-%d'),
      'overdue counted on %r, expected %s' % (counted.value, fig['today']))

rem = fig['remediation']
table = rows(closure)
check(table[0][1] == rem['verified_by_workers'] and table[1][1] == rem['closed'] - rem['verified_by_workers']
      and table[2][1] == rem['closed'], 'closure %r' % table)
share = closure['B5']
if rem['share_verified_by_workers'] is None:
    check(share.value is None, 'closure share should be empty: %r' % share.value)
else:
    check(abs(share.value - rem['share_verified_by_workers']) < 1e-4, 'share %r' % share.value)
    check(share.number_format == '0.0%', 'share format %r' % share.number_format)
median = closure['B6']
if rem['median_days_to_close'] is None:
    check(median.value is None, 'median should be empty: %r' % median.value)
else:
    check(abs(median.value - rem['median_days_to_close']) < 1e-3, 'median %r' % median.value)

table = rows(remedy)
workers = fig['remedy']['workers']
check([r[1] for r in table] == [workers['women'], workers['migrant'], workers['agency'],
                                workers['student'], workers['young'], workers['total'],
                                fig['remedy']['actions']], 'remedy workers %r' % table)

table = rows(amounts)
check(len(table) == len(fig['remedy']['amounts']), 'amounts %r' % table)
for r, cell, a in zip(table, cells(amounts, 2), fig['remedy']['amounts']):
    check(r[0] == a['currency'] and r[2] == a['actions'], 'amount row %r for %r' % (r, a))
    decimals = len(cell.number_format.split('.')[1]) if '.' in cell.number_format else 0
    check(cell.data_type == 'n' and round(cell.value * 10 ** decimals) == a['amount_minor'],
          'amount %r (%s) for %r' % (cell.value, cell.number_format, a))

check([r[1] for r in rows(contractors)] == [fig['contractors']['total'],
                                             fig['contractors']['disclosing']],
      'contractors %r' % rows(contractors))
table = rows(disclosing)
check([r[1] for r in table] == list(fig['contractors']['disclosing_by_tier'].values())
      + [fig['contractors']['disclosing']], 'disclosing %r' % table)

# ─── Contents ────────────────────────────────────────────────────────────────
links = {}
for row in contents.iter_rows():
    for c in row:
        if c.hyperlink is not None:
            links[c.value] = c.hyperlink.location
check(len(links) == 16, 'contents: %d links to the sheets' % len(links))
for n in names[1:]:
    check(n in links and links[n].split('!')[0].strip("'") == n.replace("'", "''"),
          'contents: no link to %r (%r)' % (n, links.get(n)))
check(contents.freeze_panes is not None, 'contents: no frozen header')
check(contents.auto_filter.ref is not None, 'contents: no autofilter')
check(contents['B4'].value == fig['year'] and contents['B4'].data_type == 'n',
      'contents: year %r' % contents['B4'].value)

# ─── Document properties ─────────────────────────────────────────────────────
props = wb.properties
check(props.title is not None and str(fig['year']) in props.title, 'title %r' % props.title)
check(props.creator == author, 'author %r' % props.creator)
check(props.created == datetime.datetime(2026, 6, 15, 12, 0, 0), 'created %r' % props.created)
check(props.keywords is not None and str(fig['year']) in props.keywords, 'keywords %r' % props.keywords)
check(props.subject is not None and str(fig['year']) in props.subject, 'subject %r' % props.subject)
if english:
    check(props.title.startswith('Annual report figures %d' % fig['year']), 'title %r' % props.title)
    check('labour rights' in props.keywords, 'keywords %r' % props.keywords)
    check(statuses['A2'].value == 'Proposed', 'status label %r' % statuses['A2'].value)

if failures:
    for f in failures:
        print('FAIL:', f)
    sys.exit(1)
print('ok')

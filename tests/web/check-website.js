#!/usr/bin/env node
// check-website.js — loads every page of an exported Vigie transparency website in
// headless Chromium (Debian's, driven by playwright-core) and fails on console errors,
// page errors, failed requests, broken local links, a country or theme filter that does
// not hide rows, an index that needs JavaScript, and serious or critical axe-core
// accessibility violations.
//
// Usage: node check-website.js --site DIR --chromium /usr/bin/chromium
// Exit status: 0 passed, 1 failed, 77 Chromium could not start (the reason is printed).
//
// SPDX-License-Identifier: GPL-3.0-or-later
'use strict';

const fs = require('fs');
const path = require('path');
const { pathToFileURL, fileURLToPath } = require('url');

function parseArgs(argv) {
  const args = {};
  for (let i = 2; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) {
      throw new Error(`bad argument ${argv[i]}`);
    }
    args[argv[i].slice(2)] = argv[i + 1];
  }
  if (!args.site || !args.chromium) {
    throw new Error('usage: check-website.js --site DIR --chromium PATH');
  }
  return args;
}

// Every HTML page of the export: the root, and each language's index, data page and
// site pages.
function listPages(root) {
  const pages = [path.join(root, 'index.html')];
  for (const entry of fs.readdirSync(root, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory() || entry.name === 'data') {
      continue;
    }
    const dir = path.join(root, entry.name);
    for (const name of ['index.html', 'data.html']) {
      if (fs.existsSync(path.join(dir, name))) {
        pages.push(path.join(dir, name));
      }
    }
    const sites = path.join(dir, 'sites');
    if (fs.existsSync(sites)) {
      for (const name of fs.readdirSync(sites).sort()) {
        if (name.endsWith('.html')) {
          pages.push(path.join(sites, name));
        }
      }
    }
  }
  return pages;
}

let failures = 0;
let checks = 0;

function check(ok, message) {
  checks++;
  if (ok) {
    console.log(`ok ${checks} - ${message}`);
  } else {
    failures++;
    console.log(`not ok ${checks} - ${message}`);
  }
  return ok;
}

async function checkLinks(page, file, root) {
  // Local links must point at files that exist, and fragments at ids of the target page.
  const links = await page.$$eval('a[href], link[href], script[src]', (elements) =>
    elements.map((e) => e.href || e.src));
  const broken = [];
  for (const link of links) {
    if (!link.startsWith('file:')) {
      if (!link.startsWith('data:')) {
        broken.push(`${link} (not a local file)`);
      }
      continue;
    }
    const url = new URL(link);
    const target = fileURLToPath(url);
    if (!target.startsWith(root) || !fs.existsSync(target)) {
      broken.push(link);
      continue;
    }
    if (url.hash && target === file) {
      const id = decodeURIComponent(url.hash.slice(1));
      const found = await page.evaluate((i) => document.getElementById(i) !== null, id);
      if (!found) {
        broken.push(link);
      }
    }
  }
  return broken;
}

async function checkFilter(context, indexFile) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(pathToFileURL(indexFile).href, { waitUntil: 'load' });
  const name = path.relative(path.dirname(path.dirname(indexFile)), indexFile);

  if (!check(await page.isVisible('#site-filters'), `${name}: the filter form is shown with JavaScript`)) {
    await page.close();
    return;
  }
  const rows = await page.$$eval('#sites-table tbody tr', (trs) =>
    trs.map((tr) => ({ country: tr.dataset.country, themes: tr.dataset.themes.split(' ') })));
  const counts = {};
  for (const row of rows) {
    counts[row.country] = (counts[row.country] || 0) + 1;
  }
  // The country with the fewest sites: choosing it must hide every other row.
  const country = Object.keys(counts).sort((a, b) => counts[a] - counts[b] || a.localeCompare(b))[0];
  check(Object.keys(counts).length >= 2, `${name}: the index lists sites of several countries`);
  await page.selectOption('#filter-country', country);
  const shown = await page.$$eval('#sites-table tbody tr', (trs) =>
    trs.filter((tr) => !tr.hidden && tr.offsetParent !== null).map((tr) => tr.dataset.country));
  check(shown.length === counts[country] && shown.every((c) => c === country),
        `${name}: the country filter ${country} shows its ${counts[country]} site(s) only (shows ${shown.length} of ${rows.length})`);
  const status = await page.textContent('#filter-status');
  check(/\d/.test(status) && status.trim().length > 0, `${name}: the filter says how many sites it shows (“${status.trim()}”)`);

  // A theme, with every country again.
  await page.selectOption('#filter-country', '');
  const themes = await page.$$eval('#filter-theme option', (options) => options.map((o) => o.value).filter((v) => v));
  const theme = themes.find((t) => {
    const n = rows.filter((r) => r.themes.includes(t)).length;
    return n > 0 && n < rows.length;
  });
  if (check(theme !== undefined, `${name}: a theme narrows the list`)) {
    await page.selectOption('#filter-theme', theme);
    const visible = await page.$$eval('#sites-table tbody tr', (trs) =>
      trs.filter((tr) => !tr.hidden).map((tr) => tr.dataset.themes.split(' ')));
    const expected = rows.filter((r) => r.themes.includes(theme)).length;
    check(visible.length === expected && visible.every((t) => t.includes(theme)),
          `${name}: the theme filter ${theme} shows the ${expected} site(s) with such findings`);
  }
  await page.click('#site-filters button[type="reset"]');
  await page.waitForFunction(() => Array.from(document.querySelectorAll('#sites-table tbody tr')).every((tr) => !tr.hidden));
  check(true, `${name}: “show every site” shows them all again`);
  check(errors.length === 0, `${name}: no script error while filtering ${errors.join('; ')}`);
  await page.close();
}

async function checkWithoutScript(browser, indexFile) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(pathToFileURL(indexFile).href, { waitUntil: 'load' });
  const name = path.relative(path.dirname(path.dirname(indexFile)), indexFile);
  const hiddenForm = await page.$eval('#site-filters', (f) => f.hidden);
  const rows = await page.$$eval('#sites-table tbody tr', (trs) => trs.map((tr) => tr.offsetParent !== null));
  check(hiddenForm, `${name}: without JavaScript the filter form stays hidden`);
  check(rows.length > 0 && rows.every((v) => v), `${name}: without JavaScript every one of the ${rows.length} sites is listed`);
  await context.close();
}

async function main() {
  const args = parseArgs(process.argv);
  const root = fs.realpathSync(args.site);
  const { chromium } = require('playwright-core');
  const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

  let browser;
  try {
    browser = await chromium.launch({
      executablePath: args.chromium,
      headless: true,
      args: ['--disable-gpu', '--disable-dev-shm-usage', '--allow-file-access-from-files'],
      timeout: 60000,
    });
  } catch (e) {
    console.log(`# SKIP: Chromium (${args.chromium}) could not start: ${e.message.split('\n')[0]}`);
    process.exit(77);
  }

  const pages = listPages(root);
  console.log(`# ${pages.length} pages in ${root}`);
  check(pages.length > 4, 'the export has the root, the language indexes and site pages');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });

  for (const file of pages) {
    const name = path.relative(root, file);
    const page = await context.newPage();
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`failed request: ${r.url()} (${r.failure() ? r.failure().errorText : ''})`));
    page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });

    const response = await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    check(response === null || response.ok(), `${name}: loads`);
    const lang = await page.getAttribute('html', 'lang');
    check(lang && lang.length >= 2, `${name}: has a lang attribute (${lang})`);
    const title = await page.title();
    check(title.length > 0, `${name}: has a title`);
    const broken = await checkLinks(page, file, root);
    check(broken.length === 0, `${name}: no broken local link ${broken.slice(0, 5).join(' ')}`);

    await page.addScriptTag({ content: axeSource });
    const results = await page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      return await axe.run(document, { resultTypes: ['violations'] });
    });
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    for (const v of results.violations) {
      console.log(`# ${name}: axe ${v.impact} ${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(', ')}`);
    }
    check(serious.length === 0, `${name}: no serious or critical accessibility violation`);
    check(problems.length === 0, `${name}: no console error and no failed request ${problems.join('; ')}`);
    await page.close();
  }

  for (const file of pages) {
    if (path.basename(file) === 'index.html' && path.dirname(file) !== root) {
      await checkFilter(context, file);
      await checkWithoutScript(browser, file);
    }
  }

  await context.close();
  await browser.close();
  console.log(`1..${checks}`);
  console.log(`# ${checks - failures} passed, ${failures} failed`);
  process.exit(failures === 0 ? 0 : 1);
}

main().catch((e) => {
  console.log(`not ok - ${e.stack || e}`);
  process.exit(1);
});

import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runMain } from './helpers/cli.js';

/**
 * The HTML page in a real browser: Debian's Chromium, driven by playwright-core. CI sets
 * REQUIRE_BROWSER=1, so a missing browser fails there; on a machine without Chromium these
 * tests are skipped with a message.
 */
const EXECUTABLE = process.env.SCS_STANDARDS_CHROMIUM ?? '/usr/bin/chromium';
const REQUIRED = process.env.REQUIRE_BROWSER === '1';
const AVAILABLE = isExecutable(EXECUTABLE);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const CORPUS = join(import.meta.dirname, 'fixtures', 'index', 'corpus');
/** Screenshots go here (ignored by git) for people to look at. */
const OUTPUT = join(import.meta.dirname, '..', 'test-output');
const TODAY = '2026-11-27';
const HOSTILE_TITLE = 'Tokens <script>alert("x")</script> & {braces} | pipes *stars* [link](https://example.com) `code`';
const HOSTILE_SCOPE = 'SCS-compatible KaaS <script>alert("scope")</script> & {braces} | pipes *stars*';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

if (!AVAILABLE && !REQUIRED) {
  process.stderr.write(`\nSkipping the browser tests of index.html: no Chromium at ${EXECUTABLE} (apt-get install chromium, or set SCS_STANDARDS_CHROMIUM).\n\n`);
}

test.runIf(REQUIRED)('Chromium is installed where the tests need it (REQUIRE_BROWSER=1)', () => {
  expect(AVAILABLE, `no executable Chromium at ${EXECUTABLE}`).toBe(true);
});

describe.runIf(AVAILABLE)('index.html in headless Chromium', () => {
  let work: string;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'scs-index-html-'));
    const result = await runMain(['index', '--today', TODAY, '--out', join(work, 'out')], CORPUS);
    expect(result.code).toBe(0);
    context = await chromium.launchPersistentContext(join(work, 'profile'), { executablePath: EXECUTABLE, headless: true, args: ARGS, viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    page.on('request', (request) => requests.push(request.url()));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
    await page.clock.setFixedTime(`${TODAY}T12:00:00Z`);
    await page.goto(pathToFileURL(join(work, 'out', 'index.html')).href);
  });

  afterAll(async () => {
    await context?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const visibleStandards = (): Promise<string[]> => page.$$eval('tr.standard:not([hidden]) > th', (cells) => cells.map((cell) => cell.textContent ?? ''));

  test('the table renders every standard with colour-coded states', async () => {
    expect(await visibleStandards()).toEqual(['scs-0001', 'scs-0100', 'scs-0101', 'scs-0102', 'scs-0210', 'scs-0300', 'scs-0400']);
    expect(await page.$$eval('#standards thead th', (cells) => cells.map((cell) => cell.childNodes[0]?.textContent ?? ''))).toEqual(['Standard', 'Track', 'Title', 'Draft', 'Effective', 'Deprecated', 'Rejected', 'Timeline']);
    const colours = await page.$$eval('#std-0100 .chip', (chips) => chips.map((chip) => [chip.textContent, chip.ownerDocument.defaultView?.getComputedStyle(chip).backgroundColor]));
    expect(colours).toEqual([
      ['v4', 'rgb(255, 243, 196)'],
      ['v2†', 'rgb(217, 242, 225)'],
      ['v3*', 'rgb(217, 242, 225)'],
      ['v1', 'rgb(250, 220, 220)'],
    ]);
    expect(await page.$eval('#std-0102 td.cell.rejected .chip', (chip) => [chip.textContent, chip.ownerDocument.defaultView?.getComputedStyle(chip).backgroundColor])).toEqual(['v2', 'rgb(230, 230, 230)']);
    expect(await page.$$eval('tr.supplement[data-parent="0100"] td.title', (cells) => cells.map((cell) => cell.textContent))).toEqual(['Supplement: Implementation and Testing Notes']);
  });

  test('filters by track and by state', async () => {
    await page.selectOption('#filter-track', 'IaaS');
    expect(await visibleStandards()).toEqual(['scs-0100', 'scs-0101', 'scs-0102']);
    expect(await page.textContent('#shown')).toBe('3 of 7 standards');
    for (const state of ['draft', 'effective', 'deprecated']) await page.uncheck(`#filters input[value="${state}"]`);
    expect(await visibleStandards()).toEqual(['scs-0102']);
    expect(await page.$$eval('tr.supplement:not([hidden])', (rows) => rows.length)).toBe(0);
    await page.selectOption('#filter-track', '');
    await page.uncheck('#filters input[value="rejected"]');
    expect(await visibleStandards()).toEqual([]);
    expect(await page.isVisible('#empty')).toBe(true);
    await page.check('#filters input[value="deprecated"]');
    expect(await visibleStandards()).toEqual(['scs-0100', 'scs-0400']);
    expect(await page.$$eval('tr.supplement:not([hidden])', (rows) => rows.length)).toBe(1);
    for (const state of ['draft', 'effective', 'rejected']) await page.check(`#filters input[value="${state}"]`);
    expect(await page.textContent('#shown')).toBe('7 of 7 standards');
    expect(await page.isVisible('#empty')).toBe(false);
  });

  test('a hostile title stays text, in the page and in its data', async () => {
    expect(await page.textContent('#std-0300 td.title')).toBe(HOSTILE_TITLE);
    expect(await page.$$eval('script', (scripts) => scripts.length)).toBe(2);
    const data = await page.$eval('#index-data', (script) => JSON.parse(script.textContent ?? '') as { index: { standards: { number: string; title: string }[] } });
    expect(data.index.standards.find((standard) => standard.number === '0300')?.title).toBe(HOSTILE_TITLE);
    expect(await page.$eval('#std-0300 .chip', (chip) => chip.getAttribute('title'))).toBe('scs-0300-v1-token-handling.md · status Draft');
    expect(problems).toEqual([]);
  });

  test("today's line is drawn at today's date, and the page knows its states are current", async () => {
    expect(await page.textContent('#today-note')).toBe(`Today is ${TODAY}.`);
    expect(await page.isHidden('#stale')).toBe(true);
    const lines = await page.$$eval('svg line.today', (elements) => elements.map((line) => [line.getAttribute('visibility'), line.getAttribute('x1')]));
    expect(lines.length).toBeGreaterThan(7);
    expect(new Set(lines.map(([visibility]) => visibility))).toEqual(new Set(['visible']));
    expect(new Set(lines.map(([, x]) => x)).size).toBe(1);
    const html = readFileSync(join(work, 'out', 'index.html'), 'utf8');
    const data = JSON.parse(/<script type="application\/json" id="index-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '{}') as { axis: { start: number; end: number; gutter: number; plot: number } };
    const day = Date.UTC(2026, 10, 27) / 86_400_000;
    const expected = data.axis.gutter + ((day - data.axis.start) / (data.axis.end - data.axis.start)) * data.axis.plot;
    expect(Number(lines[0]?.[1])).toBeCloseTo(expected, 0);
  });

  test('the scope section renders every scope version with its validity, required standards and periods', async () => {
    expect(await page.isVisible('#scopes')).toBe(true);
    expect(await page.$$eval('#scopes h3', (headings) => headings.map((heading) => heading.textContent))).toEqual(['SCS-compatible IaaS', HOSTILE_SCOPE]);
    const iaas = '#scope-scs-compatible-iaas tr.scope-version';
    const chipStyle = (selector: string) =>
      page.$$eval(selector, (chips) => chips.map((chip) => [chip.textContent, chip.ownerDocument.defaultView?.getComputedStyle(chip).backgroundColor]));
    expect(await page.$$eval(`${iaas} > th`, (cells) => cells.map((cell) => cell.textContent))).toEqual(['next', 'v3', 'v2', 'v1']);
    expect(await chipStyle(`${iaas} .chip.validity`)).toEqual([
      ['Draft', 'rgb(255, 243, 196)'],
      ['Draft*', 'rgb(255, 243, 196)'],
      ['Effective', 'rgb(217, 242, 225)'],
      ['Deprecated', 'rgb(250, 220, 220)'],
    ]);
    // next requires a Draft standard, a standard without a document, and a module that names no standard.
    expect(await chipStyle(`${iaas}:nth-child(1) td.required > *`)).toEqual([
      ['scs-0100-v4', 'rgb(255, 243, 196)'],
      ['scs-0101-v1', 'rgb(217, 242, 225)'],
      ['scs-0199-v1', 'rgb(255, 255, 255)'],
      ['opc-v2022.11', 'rgb(246, 246, 247)'],
    ]);
    expect(await chipStyle(`${iaas}:nth-child(4) td.required > .chip`)).toEqual([
      ['scs-0100-v1', 'rgb(250, 220, 220)'],
      ['scs-0102-v1', 'rgb(217, 242, 225)'],
    ]);
    expect(await page.$eval(`${iaas}:nth-child(2) td.required > .chip`, (chip) => chip.getAttribute('title'))).toBe('Flavor Naming · status Stable · state Effective* · modules scs-0100-v3 (main)');
    const bars = (row: number) => page.$$eval(`${iaas}:nth-child(${row}) svg rect.bar`, (rects) => rects.map((rect) => rect.getAttribute('class')));
    expect(await bars(4)).toEqual(['bar effective', 'bar warn', 'bar deprecated']);
    expect(await bars(2)).toEqual(['bar draft', 'bar effective']);
    const width = (row: number) => page.$eval(`${iaas}:nth-child(${row}) svg rect.bar`, (rect) => rect.getBoundingClientRect().width);
    expect(await width(4)).toBeGreaterThan(10);
  });

  test('a hostile scope, version and module name stay text', async () => {
    const kaas = '#scope-scs-compatible-kaas';
    expect(await page.textContent(`${kaas} h3`)).toBe(HOSTILE_SCOPE);
    expect(await page.textContent(`${kaas} tr.scope-version > th`)).toBe('v1 <b>|</b>');
    expect(await page.$$eval(`${kaas} b, ${kaas} img, ${kaas} script`, (elements) => elements.length)).toBe(0);
    expect(await page.$eval(`${kaas} .module`, (module) => [module.textContent, module.getAttribute('title')])).toEqual(['cncf-k8s-conformance', 'CNCF conformance <img src=x onerror=alert(1)> {x} | y']);
    expect(await page.$$eval('img', (images) => images.length)).toBe(0);
    expect(await page.$$eval('script', (scripts) => scripts.length)).toBe(2);
    const data = await page.$eval('#index-data', (script) => JSON.parse(script.textContent ?? '') as { index: { scopes: { name: string }[] } });
    expect(data.index.scopes.map((scope) => scope.name)).toEqual(['SCS-compatible IaaS', HOSTILE_SCOPE]);
    expect(problems).toEqual([]);
  });

  test('a page opened after its period says it is out of date', async () => {
    const later = await context.newPage();
    await later.clock.setFixedTime('2027-01-15T00:00:00Z');
    await later.goto(pathToFileURL(join(work, 'out', 'index.html')).href);
    expect(await later.isVisible('#stale')).toBe(true);
    expect(await later.textContent('#stale')).toContain('Build it again');
    await later.close();
  });

  test('the page loads nothing but itself', () => {
    expect(requests).toEqual([pathToFileURL(join(work, 'out', 'index.html')).href]);
    expect(problems).toEqual([]);
  });

  test('every standard and version links to its page on the docs site, as the MDX pages do', async () => {
    const standards = await page.$$eval('tr.standard > th a', (links) => links.map((link) => [link.textContent, link.getAttribute('href')]));
    expect(standards).toEqual([
      ['scs-0001', '/standards/global/scs-0001'],
      ['scs-0100', '/standards/iaas/scs-0100'],
      ['scs-0101', '/standards/iaas/scs-0101'],
      ['scs-0102', '/standards/iaas/scs-0102'],
      ['scs-0210', '/standards/kaas/scs-0210'],
      ['scs-0300', '/standards/iam/scs-0300'],
      ['scs-0400', '/standards/ops/scs-0400'],
    ]);
    // Each standard's page is one the index writes; each version's page is its document.
    for (const [, href] of standards) expect(existsSync(join(work, 'out', `${(href ?? '').replace(/^\/standards\//, '')}.md`))).toBe(true);
    const chips = await page.$$eval('#standards .chip', (elements) => elements.map((chip) => [chip.tagName, chip.getAttribute('href')]));
    expect(chips.length).toBe(16);
    for (const [tag, href] of chips) {
      expect(tag).toBe('A');
      expect(existsSync(join(CORPUS, 'Standards', `${(href ?? '').replace(/^\/standards\//, '')}.md`)), String(href)).toBe(true);
    }
    expect(await page.$eval('#std-0100 td.cell.deprecated a.chip', (chip) => chip.getAttribute('href'))).toBe('/standards/scs-0100-v1-flavor-naming');
    expect(await page.$eval('tr.supplement[data-parent="0100"] td.cell.effective a.chip', (chip) => chip.getAttribute('href'))).toBe('/standards/scs-0100-w2-flavor-naming-implementation');
    // A required standard of a scope links to its document; one without a document links nowhere.
    const required = await page.$$eval('#scope-scs-compatible-iaas tr.scope-version:nth-child(1) td.required > *', (elements) => elements.map((chip) => [chip.textContent, chip.getAttribute('href')]));
    expect(required).toEqual([
      ['scs-0100-v4', '/standards/scs-0100-v4-flavor-naming'],
      ['scs-0101-v1', '/standards/scs-0101-v1-entropy'],
      ['scs-0199-v1', null],
      ['opc-v2022.11', null],
    ]);
  });

  test('the counts say what they count: versions of standards, supplement versions apart, standards per track', async () => {
    expect(await page.textContent('.totals')).toBe('11 versions of 7 standards; 5 versions of 3 supplements.');
    expect(await page.$$eval('#filters .toggle', (labels) => labels.map((label) => label.textContent?.trim()))).toEqual([
      'Draft (2 versions, 4 supplement versions)',
      'Effective (6 versions, 1 supplement version)',
      'Deprecated (2 versions)',
      'Rejected (1 version)',
    ]);
    const versions = await page.$$eval('#standards tr.standard td.cell .chip', (chips) => chips.map((chip) => chip.closest('td')?.classList[1]));
    const supplements = await page.$$eval('#standards tr.supplement td.cell .chip', (chips) => chips.map((chip) => chip.closest('td')?.classList[1]));
    const tally = (states: (string | undefined)[], state: string): number => states.filter((candidate) => candidate === state).length;
    expect(['draft', 'effective', 'deprecated', 'rejected'].map((state) => [tally(versions, state), tally(supplements, state)])).toEqual([[2, 4], [6, 1], [2, 0], [1, 0]]);
    expect(await page.$$eval('#filter-track option', (options) => options.map((option) => option.textContent))).toEqual([
      'All tracks',
      'Global (1 standard)',
      'IaaS (3 standards)',
      'KaaS (1 standard)',
      'IAM (1 standard)',
      'Ops (1 standard)',
    ]);
  });

  test('on a 390 px phone screen nothing overflows the page: the filters fit, the tables scroll in their own box', async () => {
    const phone = await context.newPage();
    try {
      await phone.setViewportSize({ width: 390, height: 844 });
      await phone.clock.setFixedTime(`${TODAY}T12:00:00Z`);
      await phone.goto(pathToFileURL(join(work, 'out', 'index.html')).href);
      const layout = await phone.$eval('html', (root) => {
        const doc = root.ownerDocument;
        const box = doc.querySelector('#standards')?.parentElement;
        return {
          scrollWidth: root.scrollWidth,
          bodyWidth: doc.body.scrollWidth,
          innerWidth: doc.defaultView?.innerWidth ?? 0,
          filters: [] as { text: string; left: number; right: number }[],
          table: (box?.scrollWidth ?? 0) > (box?.clientWidth ?? 0),
        };
      });
      layout.filters = await phone.$$eval('#filters select, #filters label, #filters output', (elements) =>
        elements.map((element) => {
          const rect = element.getBoundingClientRect();
          return { text: (element.textContent ?? '').trim().slice(0, 30), left: rect.left, right: rect.right };
        }),
      );
      expect(layout.innerWidth).toBe(390);
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
      expect(layout.bodyWidth).toBeLessThanOrEqual(layout.innerWidth);
      expect(layout.filters.length).toBe(7);
      for (const filter of layout.filters) {
        expect([filter.text, filter.left >= 0 && filter.right <= layout.innerWidth]).toEqual([filter.text, true]);
      }
      // The wide table scrolls inside its box, which the page does not.
      expect(layout.table).toBe(true);
      mkdirSync(OUTPUT, { recursive: true });
      const path = join(OUTPUT, 'index-html-phone.png');
      await phone.screenshot({ path });
      expect(readFileSync(path).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    } finally {
      await phone.close();
    }
  });

  test('a screenshot is written for people to look at', async () => {
    mkdirSync(OUTPUT, { recursive: true });
    const path = join(OUTPUT, 'index-html.png');
    await page.screenshot({ path, fullPage: true });
    expect(readFileSync(path).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const scopes = join(OUTPUT, 'index-html-scopes.png');
    await page.locator('#scopes').screenshot({ path: scopes });
    expect(readFileSync(scopes).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });
});

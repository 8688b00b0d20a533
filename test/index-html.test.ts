import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
    expect(await chipStyle(`${iaas}:nth-child(1) td.required > span`)).toEqual([
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

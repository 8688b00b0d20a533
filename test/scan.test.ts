import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { collectBodyFacts, parseBodyFacts } from '../tools/model/markdown.js';
import { explainScan, scanBodyFacts } from '../tools/model/scan.js';
import { markdownDocument, markdownSoup, mutated, standardsDocument } from './helpers/markdown-arbitrary.js';

/**
 * The fast scanner must give exactly remark's facts, or refuse. `npm test` runs a short budget;
 * `npm run fuzz:scanner` sets SCAN_FUZZ_RUNS for a long run and prints what it saw.
 */
const LONG_RUNS = Number(process.env.SCAN_FUZZ_RUNS ?? '0');
const runs = (short: number): number => (LONG_RUNS > 0 ? LONG_RUNS : short);
const timeout = LONG_RUNS > 0 ? 24 * 60 * 60 * 1000 : 60_000;

function markdownFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder)) {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) files.push(...markdownFiles(path));
    else if (entry.endsWith('.md')) files.push(path);
  }
  return files.sort();
}

function readText(path: string): string {
  return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
}

/** Compares the scanner with remark on one text; returns whether the scanner answered. */
function agrees(text: string): boolean {
  const fast = scanBodyFacts(text);
  if (fast === undefined) return false;
  expect(fast).toStrictEqual(parseBodyFacts(text));
  return true;
}

describe('fast scanner: the repository\u2019s own Markdown', () => {
  const folders = ['test/fixtures', 'Standards', 'templates', 'docs'];
  const files = folders.flatMap(markdownFiles);

  test.each(files)('%s', (file) => {
    agrees(readText(file));
  });

  test('takes the fast path for almost every standard and rule fixture', () => {
    const documents = [...markdownFiles('Standards'), ...markdownFiles('test/fixtures/rules')];
    const refused = documents.filter((file) => explainScan(readText(file)).refusal !== undefined);
    // 2 of 155 today: a NUL byte and an unclosed front matter, both deliberate bad-input
    // fixtures.
    expect(documents.length).toBeGreaterThan(100);
    expect(refused.length / documents.length).toBeLessThan(0.05);
  });
});

describe('fast scanner: differential properties against remark', () => {
  const fixtures = ['Standards', 'test/fixtures/cli', 'templates'].flatMap(markdownFiles).map(readText);

  function check(name: string, arbitrary: fc.Arbitrary<string>, shortRuns: number, minFastShare: number): void {
    test(
      name,
      () => {
        let total = 0;
        let fast = 0;
        fc.assert(
          fc.property(arbitrary, (text) => {
            total++;
            if (agrees(text)) fast++;
          }),
          { numRuns: runs(shortRuns) },
        );
        if (LONG_RUNS > 0) console.log(`${name}: ${total} inputs, ${fast} on the fast path (${((100 * fast) / total).toFixed(1)}%), 0 mismatches`);
        // The property is only worth something if the scanner answers often.
        expect(fast / total).toBeGreaterThanOrEqual(minFastShare);
      },
      timeout,
    );
  }

  check('documents shaped like standards', standardsDocument, 300, 0.8);
  check('generated documents with edge cases', markdownDocument, 400, 0.08);
  check('mutated real documents', mutated(fixtures), 200, 0.3);
  check('arbitrary strings over Markdown characters', markdownSoup, 400, 0.2);
});

describe('fast scanner: what it refuses', () => {
  test.each([
    ['a setext heading over a lazy line', '> Title\nlazy\n> ---\n'],
    ['a tab in indentation', '-\tfoo\n'],
    ['an unclosed fence', '```\ncode\n'],
    ['a definition over two lines', '[a]:\n/url\n'],
    ['a lint comment inside a paragraph', 'text <!-- lint disable x --> more\n'],
    ['text remark-gfm links without a position', '[see www.example.com]\n'],
    ['a list item that starts blank', '-\n  foo\n'],
  ])('%s', (_, text) => {
    expect(explainScan(text).refusal).toBeDefined();
    // ...and the facts still come, from remark.
    expect(collectBodyFacts(text)).toStrictEqual(parseBodyFacts(text));
  });

  test('answers for the common constructs of a standard', () => {
    const text = [
      '---',
      'title: X',
      '---',
      '<!-- lint disable sections-recommended -->',
      '',
      '## Introduction <a name="intro"></a>',
      '',
      'See [the spec](./scs-0100-v1-flavor-naming.md#design "t"), https://example.com. and [ref][].',
      '',
      '- item with `code` and ![img](a.png)',
      '  1. nested [x](#introduction)',
      '',
      '> quoted *text*',
      '',
      '| a | b |',
      '|---|:-:|',
      '| [c](d) | e |',
      '',
      '```yaml',
      '[not](a-link)',
      '```',
      '',
      '[ref]: https://example.org',
      '[^1]: A footnote.',
      '',
    ].join('\n');
    const facts = scanBodyFacts(text);
    expect(facts).toStrictEqual(parseBodyFacts(text));
    expect(facts?.links.map((link) => link.url)).toEqual([
      './scs-0100-v1-flavor-naming.md#design',
      'https://example.com',
      'a.png',
      '#introduction',
      'd',
      'https://example.org',
    ]);
    expect(facts?.anchors).toEqual(['intro']);
    expect(facts?.directives[0]).toMatchObject({ kind: 'disable', ruleIds: ['sections-recommended'], atTop: true });
  });
});

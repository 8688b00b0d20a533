import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { FileResult } from '../../tools/engine/result.js';
import { rulesById } from '../../tools/rules/index.js';

/**
 * What the property tests share: the budget, the invariants every finding must satisfy, and the
 * generators of hostile input. `npm test` runs a short budget (FUZZ_RUNS unset); `npm run fuzz`
 * runs FUZZ_RUNS inputs per property. FUZZ_SEED replays a run.
 */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

/** Property settings for `runs` inputs (a fraction of the budget for expensive properties). */
export function settings(fraction = 1, cap = Infinity): fc.Parameters<unknown> {
  return { numRuns: runsFor(fraction, cap), ...(SEED === undefined ? {} : { seed: SEED }) };
}

export function runsFor(fraction = 1, cap = Infinity): number {
  return Math.max(5, Math.min(cap, Math.round(RUNS * fraction)));
}

/** A generous bound that only a hang or an exponential blow-up can exceed. */
export const MAX_MS_PER_INPUT = 5000;
/** Long runs take long: the test timeout grows with the budget. */
export function timeout(msPerRun = 60, fraction = 1, cap = Infinity): number {
  return Math.max(60_000, runsFor(fraction, cap) * msPerRun);
}

/** Counts of inputs tried per property, printed at the end of a long run (FUZZ_REPORT=1). */
const counts = new Map<string, number>();
export function count(property: string): void {
  counts.set(property, (counts.get(property) ?? 0) + 1);
}
export function reportCounts(file: string): void {
  if (process.env.FUZZ_REPORT !== '1') return;
  const lines = [...counts].map(([property, n]) => `${file}\t${property}\t${n}`);
  process.stdout.write(`\nfuzz counts\n${lines.join('\n')}\n`);
}

const BYTE_RULES = new Set(['file-content', 'scope-yaml']);

/**
 * Every finding names a registered rule and lies inside its file: lines and columns within the
 * text (line 1 of an empty file), the end not before the start, a message that says something.
 */
export function expectFindingsInside(result: FileResult, text: string): void {
  const lines = text.split('\n');
  for (const message of result.messages) {
    // A file that is not UTF-8 is only decoded up to its first bad byte, which the finding
    // marks: one character past the decoded text, but inside the file.
    const slack = BYTE_RULES.has(message.ruleId) && /not valid UTF-8/.test(message.message) ? 1 : 0;
    expect(rulesById.has(message.ruleId), message.ruleId).toBe(true);
    expect(message.line).toBeGreaterThanOrEqual(1);
    expect(message.line).toBeLessThanOrEqual(lines.length);
    expect(message.column).toBeGreaterThanOrEqual(1);
    expect(message.column).toBeLessThanOrEqual((lines[message.line - 1]?.length ?? 0) + 1);
    expect(message.endLine).toBeGreaterThanOrEqual(message.line);
    expect(message.endLine).toBeLessThanOrEqual(lines.length);
    expect(message.endColumn).toBeLessThanOrEqual((lines[message.endLine - 1]?.length ?? 0) + 1 + slack);
    if (message.endLine === message.line) expect(message.endColumn).toBeGreaterThanOrEqual(message.column);
    expect(message.range.start).toBeGreaterThanOrEqual(0);
    expect(message.range.end).toBeLessThanOrEqual(text.length + slack);
    expect(message.range.end).toBeGreaterThanOrEqual(message.range.start);
    expect(message.message.trim().length).toBeGreaterThan(0);
  }
}

/** Runs `work` twice: no exception, the same result both times, within the time bound. */
export function deterministic<T>(work: () => T): T {
  const started = performance.now();
  const first = work();
  const elapsed = performance.now() - started;
  const second = work();
  expect(second).toEqual(first);
  expect(elapsed).toBeLessThan(MAX_MS_PER_INPUT);
  return first;
}

/** Strings that break renderers: markup, table cells, workflow commands, controls, surrogates. */
export const hostileString = fc.oneof(
  fc.constantFrom(
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '"><svg onload=alert(1)>',
    "' onmouseover='x",
    '</script><!--',
    '{props.x}',
    '{/* */}',
    'a | b || c',
    '\\|',
    '[link](javascript:alert(1))',
    '![img](x)',
    '*em* _em_ **strong** `code` ~~del~~',
    '# heading',
    '- item',
    '1. item',
    ':::danger',
    '> quote',
    '<!-- comment -->',
    '&amp; &#123; &lt;',
    '%0A%25',
    '::error file=x::owned',
    'a,b:c%d',
    '\r\n::warning::x',
    '\u001b[2J\u001b]0;title\u0007',
    '\u202eevil\u202c',
    '\u0000\u0008\u007f\u0085\u009b',
    '\u2028\u2029',
    '\ud800',
    '\udfff x \ud83d',
    '😀 Grüße ß',
    'www.example.com https://example.com',
    '---',
    '```',
    '    indented',
    'constructor',
    '__proto__',
    'toString',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ maxLength: 20, unit: 'grapheme' }),
  fc.string({ maxLength: 20, unit: 'binary' }),
);

/** A YAML scalar that reads back as exactly `value` (double quoted, JSON escapes are YAML's). */
export function yamlString(value: string): string {
  return JSON.stringify(value);
}

/** Names that a plain object has without owning them: a table lookup by them must miss. */
export const BUILT_IN_NAMES = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'prototype'];

export const namePart = fc.stringMatching(/^[a-z0-9Xx_-]{0,12}$/);
export const fileName = fc.oneof(
  fc.tuple(fc.stringMatching(/^[0-9x]{4}$/), fc.constantFrom('v', 'w'), fc.integer({ min: 0, max: 12 }), namePart).map(
    ([number, letter, version, slug]) => `scs-${number}-${letter}${version}-${slug}.md`,
  ),
  namePart.map((slug) => `scs-${slug}.md`),
);
/** Names of real-looking documents: numbers of a few tracks, a few versions. */
export const documentName = fc
  .tuple(fc.constantFrom('0001', '0100', '0101', '0102', '0210', '0300', 'xxxx'), fc.constantFrom('v', 'w'), fc.integer({ min: 1, max: 3 }), fc.constantFrom('a', 'flavors', 'b-c'))
  .map(([number, letter, version, slug]) => `scs-${number}-${letter}${version}-${slug}.md`);

export const yamlish = fc.stringMatching(/^[a-z_:\- \n\[\]{}'"&*!|>#0-9.,?]{0,200}$/);
export const field = fc.oneof(
  fc.constantFrom(...BUILT_IN_NAMES),
  fc.constantFrom('title', 'type', 'status', 'track', 'stabilized_at', 'deprecated_at', 'rejected_at', 'replaces', 'replaced_by', 'supplements', 'description'),
  fc.stringMatching(/^[a-z_]{1,10}$/),
);
export const scalar = fc.oneof(
  fc.constantFrom('Standard', 'Supplement', 'Decision Record', 'Procedural', 'Draft', 'Stable', 'Deprecated', 'Rejected', 'Global', 'IaaS', 'KaaS', 'IAM', 'Ops', 'Scopes'),
  fc.constantFrom('2023-02-30', '2024-02-29', '2023-13-01', '"2023-01-01"', '2023-1-1', '~', 'null', '[]', '{}', '&a x', '*a', '!!binary x', '2023-01-01T10:00:00Z', '2023-01-01 # c'),
  fc.constantFrom(...BUILT_IN_NAMES),
  fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
  fc.string({ maxLength: 30 }),
  hostileString.map(yamlString),
);
export const value = fc.oneof(scalar, fc.array(fc.oneof(fileName, documentName, scalar), { maxLength: 4 }));
export const frontMatter = fc
  .tuple(fc.array(fc.tuple(field, value), { maxLength: 12 }), fc.constantFrom('flow', 'block', 'indented'))
  .map(([pairs, listStyle]) =>
    pairs
      .map(([key, item]) => {
        if (!Array.isArray(item)) return `${key}: ${item}`;
        if (listStyle === 'flow') return `${key}: [${item.map((entry) => (entry.includes(',') || entry.includes(']') ? yamlString(entry) : entry)).join(', ')}]`;
        return `${key}:\n${item.map((entry) => `${listStyle === 'indented' ? '  ' : ''}- ${entry}`).join('\n')}`;
      })
      .join('\n'),
  );
export const markdownPiece = fc.oneof(
  fc.constantFrom('## Introduction', '## Motivation', '## Conformance Tests', '## Decision', '## Abstract', '## Context', '# Title', 'Heading\n---'),
  fc.constantFrom('<!-- lint disable -->', '<!-- lint enable sections-required -->', '<!-- lint ignore link-fragment-exists no-such-rule -->', '<!-- lint disable front-matter-schema -->', '<a name="x"></a>'),
  fc.tuple(fc.constantFrom('#', 'scs-0100-v1-a.md', './scs-0101-v2-b.md#c', 'https://e.org', '#introduction'), namePart).map(([base, suffix]) => `See [link](${base}${suffix}).`),
  fc.constantFrom('```\n## not a heading\n```', '> ## quoted', '- ## listed', '| a | b |\n| - | - |\n| [x](#y) | z |', '[ref]: scs-0100-v1-a.md', '    indented code'),
  fc.string({ maxLength: 80 }),
  hostileString,
);
export const markdown = fc.array(markdownPiece, { maxLength: 12 }).map((pieces) => pieces.join('\n\n'));

/** A document's text from its parts, with optional byte order mark and CRLF line endings. */
export function documentText(yaml: string, body: string, bom: boolean, crlf: boolean): string {
  let text = `---\n${yaml}\n---\n\n${body}\n`;
  if (crlf) text = text.replaceAll('\n', '\r\n');
  return `${bom ? '\ufeff' : ''}${text}`;
}

/** Byte mutations: at an offset, delete some bytes and insert others. */
export const mutations = fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.uint8Array({ maxLength: 20 })), { minLength: 1, maxLength: 5 });

export function mutate(original: Uint8Array, changes: readonly [number, number, Uint8Array][]): Uint8Array {
  let bytes = original;
  for (const [at, deleteCount, insert] of changes) {
    const start = bytes.length === 0 ? 0 : at % bytes.length;
    const removed = Math.min(deleteCount, bytes.length - start);
    const next = new Uint8Array(bytes.length - removed + insert.length);
    next.set(bytes.subarray(0, start), 0);
    next.set(insert, start);
    next.set(bytes.subarray(start + removed), start + insert.length);
    bytes = next;
  }
  return bytes;
}

/** Files under a folder whose names match, sorted. */
export function collectFiles(folder: string, pattern: RegExp): string[] {
  const found: string[] = [];
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) found.push(...collectFiles(path, pattern));
    else if (pattern.test(name)) found.push(path);
  }
  return found.sort();
}

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** Ids that a scope file's parts share, so that generated references resolve now and then. */
const scopeId = fc.oneof(
  fc.constantFrom('scs-0100-v1', 'scs-0100-v3.1', 'scs-0101-v1', 'scs-0102-v2', 'scs-0104-v1-2', 'scs-0210-v1', 'opc-v2022.11', 'tc-1', 'tc-2', 'v1', 'v2'),
  hostileString,
);
const isoDate = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
const dateish = fc.oneof(isoDate, fc.constantFrom('2023-02-30', 'soon', '2024-1-1'), hostileString);
const maybe = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arbitrary, { nil: undefined });

/** A certificate-scope file as data: the real shape, hostile names, dangling references. */
export const scopeData = fc.record(
  {
    name: hostileString,
    uuid: fc.oneof(fc.uuid(), hostileString),
    url: fc.oneof(fc.constant('https://example.org/scope.yaml'), hostileString),
    variables: fc.array(scopeId, { maxLength: 2 }),
    scripts: fc.array(
      fc.record({ executable: fc.constant('./check.py'), args: hostileString, testcases: fc.array(fc.record({ id: scopeId, description: hostileString, tags: maybe(fc.array(scopeId, { maxLength: 2 })) }, { requiredKeys: ['id'] }), { maxLength: 3 }) }),
      { maxLength: 2 },
    ),
    modules: fc.array(
      fc.record(
        {
          id: scopeId,
          name: hostileString,
          url: hostileString,
          targets: fc.dictionary(fc.constantFrom('main', 'preview', 'x'), fc.array(scopeId, { maxLength: 3 }), { maxKeys: 2 }),
          parameters: fc.dictionary(scopeId, hostileString, { maxKeys: 2 }),
        },
        { requiredKeys: ['id'] },
      ),
      { maxLength: 4 },
    ),
    timeline: fc.array(fc.record({ date: dateish, versions: fc.dictionary(scopeId, fc.oneof(fc.constantFrom('effective', 'warn', 'draft', 'deprecated'), hostileString), { maxKeys: 3 }) }), { maxLength: 4 }),
    versions: fc.array(
      fc.record(
        {
          version: scopeId,
          stabilized_at: dateish,
          include: fc.array(fc.oneof(scopeId, fc.record({ ref: scopeId, parameters: fc.dictionary(scopeId, hostileString, { maxKeys: 2 }) })), { maxLength: 4 }),
          targets: fc.dictionary(fc.constantFrom('main', 'x'), fc.array(scopeId, { maxLength: 2 }), { maxKeys: 1 }),
        },
        { requiredKeys: ['version'] },
      ),
      { maxLength: 3 },
    ),
    extra: fc.dictionary(fc.string({ maxLength: 8 }), hostileString, { maxKeys: 1 }),
  },
  { requiredKeys: [] },
);

/** Front matter as the lifecycle sees it: real fields and values, hostile now and then. */
export const lifecycleFrontMatter = fc
  .record(
    {
      title: fc.oneof(fc.constant('A Title'), hostileString.map(yamlString)),
      type: fc.constantFrom('Standard', 'Decision Record', 'Procedural', 'Supplement', 'Nonsense', 'constructor'),
      status: fc.constantFrom('Draft', 'Stable', 'Deprecated', 'Rejected', 'Proposed', 'valueOf'),
      track: fc.constantFrom('Global', 'IaaS', 'KaaS', 'IAM', 'Ops', 'Scopes', '__proto__'),
      stabilized_at: dateish,
      deprecated_at: dateish,
      rejected_at: dateish,
      replaces: fc.oneof(documentName, fc.array(documentName, { maxLength: 2 })),
      replaced_by: fc.array(documentName, { maxLength: 2 }),
      supplements: fc.array(documentName, { maxLength: 2 }),
    },
    { requiredKeys: ['type', 'track'] },
  )
  .map((fields) =>
    Object.entries(fields)
      .map(([key, item]) =>
        Array.isArray(item) ? `${key}:\n${item.map((entry) => `  - ${entry}`).join('\n')}` : `${key}: ${typeof item === 'string' && /^[\w -]*$/.test(item) && item !== '' ? item : yamlString(String(item))}`,
      )
      .join('\n'),
  );

/** A body with the sections the rules look for, sometimes. */
export const lifecycleBody = fc.subarray(['## Introduction\n\nText.', '## Motivation\n\nWhy.', '## Decision\n\nWhat.', '## Conformance Tests\n\nHow.', '## Abstract', '## Context']).map((parts) => parts.join('\n\n'));

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { rulesById } from '../../tools/rules/index.js';
import { lintInMemory } from '../helpers/memory.js';

/**
 * Property tests over the parser and every rule. `npm test` runs a short budget; `npm run fuzz`
 * runs FUZZ_RUNS inputs per property (at least 100,000 in total for a long run).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const settings = { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) };
/** A generous bound that only a hang or an exponential blow-up can exceed. */
const MAX_MS_PER_INPUT = 5000;
/** Long runs take long: the test timeout grows with the budget. */
const TIMEOUT = Math.max(30_000, RUNS * 60);

const encoder = new TextEncoder();

function checkInvariants(files: Map<string, Uint8Array>): void {
  const started = performance.now();
  const first = lintInMemory(files);
  const elapsed = performance.now() - started;
  expect(first.failures.map((failure) => `${failure.ruleId}: ${String(failure.error)}`)).toEqual([]);
  for (const result of first.results) {
    const doc = first.documents.find((candidate) => candidate.source.path === result.filePath);
    expect(doc).toBeDefined();
    if (!doc) continue;
    const lines = doc.source.text.split('\n');
    for (const message of result.messages) {
      expect(rulesById.has(message.ruleId), message.ruleId).toBe(true);
      expect(message.line).toBeGreaterThanOrEqual(1);
      expect(message.line).toBeLessThanOrEqual(lines.length);
      expect(message.column).toBeGreaterThanOrEqual(1);
      expect(message.column).toBeLessThanOrEqual((lines[message.line - 1]?.length ?? 0) + 1);
      expect(message.endLine).toBeGreaterThanOrEqual(message.line);
      expect(message.endLine).toBeLessThanOrEqual(lines.length);
      if (message.endLine === message.line) expect(message.endColumn).toBeGreaterThanOrEqual(message.column);
      expect(message.message.length).toBeGreaterThan(0);
    }
  }
  const second = lintInMemory(files);
  expect(second.results).toEqual(first.results);
  expect(elapsed).toBeLessThan(MAX_MS_PER_INPUT);
}

const namePart = fc.stringMatching(/^[a-z0-9Xx_-]{0,12}$/);
const fileName = fc.oneof(
  fc.tuple(fc.stringMatching(/^[0-9x]{4}$/), fc.constantFrom('v', 'w'), fc.integer({ min: 0, max: 12 }), namePart).map(
    ([number, letter, version, slug]) => `scs-${number}-${letter}${version}-${slug}.md`,
  ),
  namePart.map((slug) => `scs-${slug}.md`),
);

const yamlish = fc.stringMatching(/^[a-z_:\- \n\[\]{}'"&*!|>#0-9.,]{0,200}$/);
const field = fc.oneof(
  fc.constantFrom('title', 'type', 'status', 'track', 'stabilized_at', 'deprecated_at', 'rejected_at', 'replaces', 'replaced_by', 'supplements', 'description'),
  fc.stringMatching(/^[a-z_]{1,10}$/),
);
const scalar = fc.oneof(
  fc.constantFrom('Standard', 'Supplement', 'Decision Record', 'Procedural', 'Draft', 'Stable', 'Deprecated', 'Rejected', 'Global', 'IaaS', 'KaaS', 'IAM', 'Ops', 'Scopes'),
  fc.constantFrom('2023-02-30', '2024-02-29', '2023-13-01', '"2023-01-01"', '2023-1-1', '~', 'null', '[]', '{}', '&a x', '*a', '!!binary x'),
  fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
  fc.string({ maxLength: 30 }),
);
const value = fc.oneof(scalar, fc.array(fc.oneof(fileName, scalar), { maxLength: 4 }));
const frontMatter = fc.array(fc.tuple(field, value), { maxLength: 12 }).map((pairs) =>
  pairs
    .map(([key, item]) => (Array.isArray(item) ? `${key}:\n${item.map((entry) => `  - ${entry}`).join('\n')}` : `${key}: ${item}`))
    .join('\n'),
);
const markdownPiece = fc.oneof(
  fc.constantFrom('## Introduction', '## Motivation', '## Conformance Tests', '## Decision', '## Abstract', '## Context', '# Title', 'Heading\n---'),
  fc.constantFrom('<!-- lint disable -->', '<!-- lint enable sections-required -->', '<!-- lint ignore link-fragment-exists no-such-rule -->', '<!-- lint disable front-matter-schema -->', '<a name="x"></a>'),
  fc.tuple(fc.constantFrom('#', 'scs-0100-v1-a.md', './scs-0101-v2-b.md#c', 'https://e.org', '#introduction'), namePart).map(([base, suffix]) => `See [link](${base}${suffix}).`),
  fc.constantFrom('```\n## not a heading\n```', '> ## quoted', '- ## listed', '| a | b |\n| - | - |\n| [x](#y) | z |', '[ref]: scs-0100-v1-a.md', '    indented code'),
  fc.string({ maxLength: 80 }),
);
const markdown = fc.array(markdownPiece, { maxLength: 12 }).map((pieces) => pieces.join('\n\n'));

function single(name: string, text: string | Uint8Array): Map<string, Uint8Array> {
  return new Map([[name, typeof text === 'string' ? encoder.encode(text) : text]]);
}

describe('fuzz: no input crashes, hangs or produces a finding outside the file', () => {
  test('arbitrary bytes', () => {
    fc.assert(fc.property(fileName, fc.uint8Array({ maxLength: 2000 }), (name, bytes) => checkInvariants(single(name, bytes))), settings);
  }, TIMEOUT);

  test('arbitrary text around front matter delimiters', () => {
    fc.assert(
      fc.property(fileName, fc.string({ maxLength: 300 }), yamlish, fc.string({ maxLength: 300 }), fc.constantFrom('\n', '\r\n'), (name, before, yaml, after, eol) =>
        checkInvariants(single(name, `${before}---${eol}${yaml.replaceAll('\n', eol)}${eol}---${eol}${after}`)),
      ),
      settings,
    );
  }, TIMEOUT);

  test('structured documents in a corpus', () => {
    const doc = fc.tuple(fileName, frontMatter, markdown, fc.boolean(), fc.boolean());
    fc.assert(
      fc.property(fc.array(doc, { minLength: 1, maxLength: 6 }), (docs) => {
        const files = new Map<string, Uint8Array>();
        for (const [name, yaml, body, bom, crlf] of docs) {
          let text = `---\n${yaml}\n---\n\n${body}\n`;
          if (crlf) text = text.replaceAll('\n', '\r\n');
          files.set(name, encoder.encode(`${bom ? '\ufeff' : ''}${text}`));
        }
        checkInvariants(files);
      }),
      settings,
    );
  }, TIMEOUT);

  test('mutated real fixtures', () => {
    const fixtures = collectFixtures(join(import.meta.dirname, '..', 'fixtures', 'rules'));
    const mutation = fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.uint8Array({ maxLength: 20 }));
    fc.assert(
      fc.property(fc.constantFrom(...fixtures), fc.array(mutation, { minLength: 1, maxLength: 5 }), (path, mutations) => {
        let bytes: Uint8Array = readFileSync(path);
        for (const [at, deleteCount, insert] of mutations) {
          const start = bytes.length === 0 ? 0 : at % bytes.length;
          const next = new Uint8Array(bytes.length - Math.min(deleteCount, bytes.length - start) + insert.length);
          next.set(bytes.subarray(0, start), 0);
          next.set(insert, start);
          next.set(bytes.subarray(start + Math.min(deleteCount, bytes.length - start)), start + insert.length);
          bytes = next;
        }
        checkInvariants(single(path.split('/').pop() ?? 'scs-0100-v1-x.md', bytes));
      }),
      settings,
    );
  }, TIMEOUT);
});

function collectFixtures(folder: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) found.push(...collectFixtures(path));
    else if (name.endsWith('.md')) found.push(path);
  }
  return found.sort();
}

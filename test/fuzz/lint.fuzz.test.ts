import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { lintInMemory } from '../helpers/memory.js';
import {
  collectFiles,
  count,
  deterministic,
  documentText,
  expectFindingsInside,
  FIXTURES,
  fileName,
  frontMatter,
  markdown,
  mutate,
  mutations,
  reportCounts,
  settings,
  timeout,
  yamlish,
} from './support.js';

/** Property tests over the parser and every document and corpus rule. */

const encoder = new TextEncoder();

function checkInvariants(property: string, files: Map<string, Uint8Array>): void {
  count(property);
  const first = deterministic(() => lintInMemory(files));
  expect(first.failures.map((failure) => `${failure.ruleId}: ${String(failure.error)}`)).toEqual([]);
  for (const result of first.results) {
    const doc = first.documents.find((candidate) => candidate.source.path === result.filePath);
    expect(doc).toBeDefined();
    if (doc) expectFindingsInside(result, doc.source.text);
  }
}

function single(name: string, text: string | Uint8Array): Map<string, Uint8Array> {
  return new Map([[name, typeof text === 'string' ? encoder.encode(text) : text]]);
}

afterAll(() => reportCounts('lint'));

describe('fuzz: no input crashes, hangs or produces a finding outside the file', () => {
  test('arbitrary bytes', () => {
    fc.assert(fc.property(fileName, fc.uint8Array({ maxLength: 2000 }), (name, bytes) => checkInvariants('arbitrary bytes', single(name, bytes))), settings());
  }, timeout());

  test('arbitrary text around front matter delimiters', () => {
    fc.assert(
      fc.property(fileName, fc.string({ maxLength: 300 }), yamlish, fc.string({ maxLength: 300 }), fc.constantFrom('\n', '\r\n'), (name, before, yaml, after, eol) =>
        checkInvariants('front matter delimiters', single(name, `${before}---${eol}${yaml.replaceAll('\n', eol)}${eol}---${eol}${after}`)),
      ),
      settings(),
    );
  }, timeout());

  test('structured documents in a corpus', () => {
    const doc = fc.tuple(fileName, frontMatter, markdown, fc.boolean(), fc.boolean());
    fc.assert(
      fc.property(fc.array(doc, { minLength: 1, maxLength: 6 }), (docs) => {
        const files = new Map<string, Uint8Array>();
        for (const [name, yaml, body, bom, crlf] of docs) files.set(name, encoder.encode(documentText(yaml, body, bom, crlf)));
        checkInvariants('structured corpora', files);
      }),
      settings(),
    );
  }, timeout());

  test('mutated real fixtures', () => {
    const fixtures = collectFiles(join(FIXTURES, 'rules'), /\.md$/);
    fc.assert(
      fc.property(fc.constantFrom(...fixtures), mutations, (path, changes) => {
        checkInvariants('mutated fixtures', single(path.split('/').pop() ?? 'scs-0100-v1-x.md', mutate(readFileSync(path), changes)));
      }),
      settings(),
    );
  }, timeout());
});

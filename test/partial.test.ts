import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { frontMatterEnd, readDocument, readDocumentHead } from '../tools/engine/load.js';
import type { StandardDocument } from '../tools/model/document.js';
import { standard } from './helpers/documents.js';

const folder = mkdtempSync(join(tmpdir(), 'scs-partial-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

function write(name: string, content: string | Uint8Array): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

/** What a rule can see of a document. */
function view(doc: StandardDocument): unknown {
  return {
    fileName: doc.fileName,
    data: doc.frontMatter.data,
    usable: doc.frontMatter.usable,
    problems: doc.frontMatter.problems,
    range: doc.frontMatter.range,
    text: doc.source.text,
    bom: doc.source.bom,
    readProblem: doc.readProblem,
    body: doc.body,
  };
}

describe('reading a document up to the end of its front matter', () => {
  test.each([
    ['---\ntitle: A\n---\nbody\n', 17],
    ['\ufeff---\ntitle: A\n---\nbody\n', 20],
    ['---\r\ntitle: A\r\n---\r\nbody\r\n', 20],
    ['---\ntitle: A\n...\nbody\n', 17],
    ['---\ntitle: A\n---  \t\nbody\n', 20],
    ['---\ntitle: A\n--- \r \nbody\n---\n', 29],
    ['------\n---\n', -1],
    ['--- x\n---\n', -1],
    ['---\ntitle: A\n', -1],
    ['---\ntitle: A\n---', -1],
    ['# no front matter\n---\n', -1],
    ['---\n----\n---\nx', 13],
  ])('%j ends at %d', (text, expected) => {
    const bytes = Buffer.from(text, 'utf8');
    expect(frontMatterEnd(bytes, bytes.length)).toBe(expected);
  });

  test('reads the rest when asked for, and lets it go again', () => {
    const text = standard({ status: 'Stable', stabilized_at: '2024-01-01' });
    const path = write('scs-0100-v1-flavor-naming.md', text);
    const doc = readDocumentHead(path, folder);
    expect(doc.isComplete).toBe(false);
    expect(doc.status).toBe('Stable');
    expect(doc.knownReadProblem).toBeUndefined();
    expect(doc.source.text).toBe(text);
    expect(doc.isComplete).toBe(true);
    expect(doc.body.headings.length).toBeGreaterThan(3);
    doc.release();
    expect(doc.isComplete).toBe(false);
    expect(doc.body.headings.length).toBeGreaterThan(3);
    expect(doc.source.text).toBe(text);
  });

  test('a bad byte after the front matter leaves the front matter usable, in both ways of reading', () => {
    const bytes = Buffer.concat([Buffer.from(standard({}).replace('## Motivation', '## Moti')), Buffer.from([0xff]), Buffer.from('vation\n')]);
    const path = write('scs-0101-v1-entropy.md', bytes);
    const whole = readDocument(path, folder);
    const partial = readDocumentHead(path, folder);
    expect(partial.knownReadProblem).toBeUndefined();
    expect(view(partial)).toEqual(view(whole));
    expect(whole.frontMatter.usable).toBe(true);
    expect(whole.readProblem?.message).toContain('not valid UTF-8');
  });

  test('property: a partial read and a whole read give the same document', () => {
    const piece = fc.oneof(
      fc.constantFrom('---', '...', '--- ', '---\r', 'title: A', 'type: Standard', '  - x', '## Intro', '\ufeff', '\u0000', 'é', '---\n---'),
      fc.string({ maxLength: 40 }),
    );
    const eol = fc.constantFrom('\n', '\r\n', '');
    const file = fc.array(fc.tuple(piece, eol), { maxLength: 20 }).map((parts) => parts.map(([text, end]) => text + end).join(''));
    const bytes = fc.oneof(
      file.map((text) => Buffer.from(text, 'utf8')),
      fc.tuple(file, fc.uint8Array({ maxLength: 8 }), file).map(([a, junk, b]) => Buffer.concat([Buffer.from(a), junk, Buffer.from(b)])),
    );
    let index = 0;
    fc.assert(
      fc.property(bytes, (content) => {
        const path = write(`scs-0100-v${(index++ % 50) + 1}-case.md`, content);
        const partial = readDocumentHead(path, folder);
        const whole = readDocument(path, folder);
        expect(view(partial)).toEqual(view(whole));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('lint --base reads untouched documents only up to the end of their front matter', () => {
  test('a bad byte in the body of an untouched document is never read', async () => {
    const { makeGitRepo } = await import('./helpers/git.js');
    const { lintChangeWithConfig } = await import('../tools/lifecycle/lint.js');
    const { ResolvedConfig } = await import('../tools/engine/config.js');
    const { rulesById } = await import('../tools/rules/index.js');
    const untouched = Buffer.concat([Buffer.from(standard({ title: 'Entropy' })), Buffer.from([0xff, 0x0a])]);
    const repo = makeGitRepo({ 'Standards/scs-0100-v1-flavor-naming.md': standard({}), 'Standards/scs-0101-v1-entropy.md': untouched });
    try {
      writeFileSync(join(repo.root, 'Standards', 'scs-0100-v1-flavor-naming.md'), `${standard({})}\nAn edited paragraph.\n`);
      const config = new ResolvedConfig(repo.root, undefined, {}, rulesById);
      const run = await lintChangeWithConfig(config, { cwd: repo.root, paths: [], base: 'HEAD', head: undefined });
      const entropy = run.loaded.folders.flatMap((folder) => folder.change.head.documents).find((doc) => doc.fileName === 'scs-0101-v1-entropy.md');
      expect(entropy).toBeDefined();
      // The invalid UTF-8 after the front matter would be known had the whole file been read.
      expect(entropy?.knownReadProblem).toBeUndefined();
      expect(run.results.find((result) => result.relPath.endsWith('scs-0101-v1-entropy.md'))?.messages ?? []).toEqual([]);
    } finally {
      repo.cleanup();
    }
  });
});

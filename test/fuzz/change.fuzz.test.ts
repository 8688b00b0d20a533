import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { checkChange, lintChangeWithConfig, relaxUntouched } from '../../tools/lifecycle/lint.js';
import { ResolvedConfig } from '../../tools/engine/config.js';
import type { InternalFailure } from '../../tools/engine/lint.js';
import type { FileResult } from '../../tools/engine/result.js';
import { buildChange, type RenamePair } from '../../tools/model/change.js';
import { Corpus } from '../../tools/model/corpus.js';
import { StandardDocument } from '../../tools/model/document.js';
import { rules, rulesById } from '../../tools/rules/index.js';
import { clearWorkTree, commitAll, git, writeFiles } from '../helpers/git.js';
import {
  count,
  deterministic,
  documentName,
  documentText,
  expectFindingsInside,
  frontMatter,
  lifecycleBody,
  lifecycleFrontMatter,
  mutate,
  mutations,
  reportCounts,
  settings,
  timeout,
} from './support.js';

/**
 * Property tests over the change rules (`lint --base`). The rules are pure functions of a base
 * and a head corpus, so most inputs run the change pipeline in memory (`buildChange` and
 * `checkChange`, exactly what `lint --base` runs per folder); one real git repository per
 * property run checks that what git reads (renames, blobs, the work tree) keeps the invariants.
 */

const config = new ResolvedConfig('/repo', undefined, {}, rulesById);
const encoder = new TextEncoder();

const documentSource = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(lifecycleFrontMatter, lifecycleBody).map(([yaml, body]) => documentText(yaml, body, false, false)) },
  { weight: 1, arbitrary: fc.tuple(frontMatter, lifecycleBody, fc.boolean(), fc.boolean()).map(([yaml, body, bom, crlf]) => documentText(yaml, body, bom, crlf)) },
);

/** What a change does to one base document. */
const operation = fc.oneof(
  fc.constant({ kind: 'keep' as const }),
  fc.constant({ kind: 'delete' as const }),
  fc.record({ kind: fc.constant('rename' as const), to: documentName, tellGit: fc.boolean() }),
  fc.record({ kind: fc.constant('rewrite' as const), text: documentSource }),
  fc.record({ kind: fc.constant('mutate' as const), changes: mutations }),
);

const changeInput = fc.record({
  base: fc.array(fc.tuple(documentName, documentSource), { maxLength: 6 }),
  operations: fc.array(operation, { minLength: 6, maxLength: 6 }),
  added: fc.array(fc.tuple(documentName, documentSource), { maxLength: 3 }),
});
type ChangeInput = typeof changeInput extends fc.Arbitrary<infer T> ? T : never;

interface Laid {
  base: Map<string, Uint8Array>;
  head: Map<string, Uint8Array>;
  renames: RenamePair[];
}

function layOut(input: ChangeInput): Laid {
  const base = new Map<string, Uint8Array>();
  for (const [name, text] of input.base) base.set(name, encoder.encode(text));
  const head = new Map<string, Uint8Array>();
  const renames: RenamePair[] = [];
  [...base].forEach(([name, bytes], index) => {
    const op = input.operations[index] ?? { kind: 'keep' as const };
    if (op.kind === 'keep') head.set(name, bytes);
    else if (op.kind === 'rename') {
      head.set(op.to, bytes);
      if (op.tellGit && op.to !== name) renames.push({ from: name, to: op.to });
    } else if (op.kind === 'rewrite') head.set(name, encoder.encode(op.text));
    else if (op.kind === 'mutate') head.set(name, mutate(bytes, op.changes));
  });
  for (const [name, text] of input.added) if (!head.has(name)) head.set(name, encoder.encode(text));
  return { base, head, renames };
}

function corpusOf(files: ReadonlyMap<string, Uint8Array>): Corpus {
  return new Corpus(
    '/repo/Standards',
    [...files].map(([name, bytes]) => StandardDocument.fromBytes(`/repo/Standards/${name}`, `Standards/${name}`, name, bytes)),
  );
}

function expectResultsInside(results: readonly FileResult[], texts: ReadonlyMap<string, string>): void {
  for (const result of results) {
    const text = texts.get(result.relPath);
    expect(text, result.relPath).toBeDefined();
    if (text !== undefined) expectFindingsInside(result, text);
  }
}

afterAll(() => reportCounts('change'));

describe('fuzz: the change rules never crash and keep findings inside the files', () => {
  test('base and head corpora in memory (renames, deletions, rewrites, mutations, additions)', () => {
    fc.assert(
      fc.property(changeInput, (input) => {
        count('change in memory');
        const laid = layOut(input);
        const run = (): { results: FileResult[]; texts: Map<string, string>; failures: InternalFailure[] } => {
          const base = corpusOf(laid.base);
          const head = corpusOf(laid.head);
          const change = buildChange(base, head, laid.renames.filter((pair) => laid.base.has(pair.from) && laid.head.has(pair.to)));
          const failures: InternalFailure[] = [];
          const deleted = change.deleted.flatMap((entry) => (entry.base ? [entry.base] : []));
          const checked = checkChange(change, head.documents, deleted, config, rules, failures);
          const texts = new Map<string, string>();
          for (const doc of base.documents) texts.set(doc.relPath, doc.source.text);
          for (const doc of head.documents) texts.set(doc.relPath, doc.source.text);
          // Every document of the head has exactly one entry; a deleted one is its base version.
          expect(change.documents.filter((entry) => entry.head).length).toBe(head.documents.length + head.templates.length);
          return { results: relaxUntouched(checked.results, checked.legacy), texts, failures };
        };
        const { results, texts, failures } = deterministic(run);
        expect(failures.map((failure) => `${failure.ruleId}: ${String(failure.error)}`)).toEqual([]);
        expectResultsInside(results, texts);
      }),
      settings(),
    );
  }, timeout());

  test('the same changes read from a real git repository (work tree and commits)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'scs-standards-change-fuzz-'));
    try {
      git(root, 'init', '--quiet', '--initial-branch=main');
      commitAll(root, 'empty');
      const gitConfig = new ResolvedConfig(root, undefined, {}, rulesById);
      await fc.assert(
        fc.asyncProperty(changeInput, async (input) => {
          count('change in git');
          const laid = layOut(input);
          git(root, 'checkout', '--quiet', '--detach');
          clearWorkTree(root);
          // A file that is not a document keeps the folder there when the corpus is empty.
          writeFiles(root, { 'Standards/README.md': 'Documents.\n', ...Object.fromEntries([...laid.base].map(([name, bytes]) => [`Standards/${name}`, Buffer.from(bytes)])) });
          const base = commitAll(root, 'base');
          clearWorkTree(root);
          writeFiles(root, { 'Standards/README.md': 'Documents.\n', ...Object.fromEntries([...laid.head].map(([name, bytes]) => [`Standards/${name}`, Buffer.from(bytes)])) });
          for (const head of [undefined, 'HEAD']) {
            if (head === 'HEAD') commitAll(root, 'head');
            const run = await lintChangeWithConfig(gitConfig, { cwd: root, paths: [], base, head });
            expect(run.failures.map((failure) => `${failure.ruleId}: ${String(failure.error)}`)).toEqual([]);
            const texts = new Map<string, string>();
            for (const folder of run.loaded.folders) {
              for (const doc of folder.change.base.documents) texts.set(doc.relPath, doc.source.text);
              for (const doc of folder.change.head.documents) texts.set(doc.relPath, doc.source.text);
            }
            expectResultsInside(relaxUntouched(run.results, run.legacy), texts);
            const again = await lintChangeWithConfig(gitConfig, { cwd: root, paths: [], base, head });
            expect(again.results).toEqual(run.results);
          }
        }),
        // Each run spawns git a dozen times: a quarter of the budget, at most 600 runs.
        settings(0.25, 600),
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, timeout(1500, 0.25, 600));
});

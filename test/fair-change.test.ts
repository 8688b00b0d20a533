import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { runMain } from './helpers/cli.js';
import { commitAll, git } from './helpers/git.js';

/**
 * `lint --base` judges a change by what it introduces: findings that the base version of a
 * document already had are warnings marked pre-existing, the suppressions file is judged only
 * on what the run checked, and a document that becomes Stable meets every rule. The legacy
 * corpus (test/fixtures/change/legacy) has the problems an old standards repository has: a
 * Stable document without `## Conformance Tests`, a Draft with a broken link, single-string
 * `replaces`, a Deprecated first version without `replaced_by`.
 */

const LEGACY = join(import.meta.dirname, 'fixtures', 'change', 'legacy');
const S = 'Standards/';
const STABLE = `${S}scs-0100-v3-flavor-naming.md`;
const DRAFT = `${S}scs-0101-v1-entropy.md`;
const SUPPRESSIONS = 'scs-standards-suppressions.json';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A real git repository holding the legacy corpus (and an empty configuration), committed. */
function legacyRepo(): string {
  const root = mkdtempSync(join(tmpdir(), 'scs-standards-fair-'));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  git(root, 'init', '--quiet', '--initial-branch=main');
  cpSync(LEGACY, root, { recursive: true });
  writeFileSync(join(root, '.scs-standards.json'), '{}\n');
  commitAll(root, 'legacy corpus');
  return root;
}

function edit(root: string, path: string, from: string | RegExp, to: string): void {
  const full = join(root, path);
  const text = readFileSync(full, 'utf8');
  const next = text.replace(from, to);
  expect(next, `${path} holds ${String(from)}`).not.toBe(text);
  writeFileSync(full, next);
}

/** Exit 0 with nothing on standard error (warnings may be listed). */
function expectPass(result: { code: number; stderr: string }): void {
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
}

interface JsonMessage {
  ruleId: string;
  severity: number;
  message: string;
  preExisting?: boolean;
}

function messagesOf(stdout: string, path: string): JsonMessage[] {
  const files = JSON.parse(stdout) as { filePath: string; messages: JsonMessage[] }[];
  return files.filter((file) => file.filePath.endsWith(path)).flatMap((file) => file.messages);
}

describe('adoption: suppressions are judged only on what the run checked', () => {
  test('after --suppress-all and a commit, a typo fix passes lint --base (it used to exit 2 for unused counts)', async () => {
    const root = legacyRepo();
    expect((await runMain(['lint'], root)).code).toBe(1);
    expect((await runMain(['lint', '--suppress-all'], root)).code).toBe(0);
    const counts = readFileSync(join(root, SUPPRESSIONS), 'utf8');
    expect(JSON.parse(counts)).toEqual({
      [STABLE]: { 'sections-required': { count: 1 } },
      [DRAFT]: { 'link-document-exists': { count: 1 }, 'sections-required': { count: 1 } },
    });
    commitAll(root, 'adopt the linter');

    edit(root, STABLE, 'became common', 'became commonly used');
    commitAll(root, 'typo');
    expectPass(await runMain(['lint', '--base', 'HEAD~1'], root));

    // The same in the work tree, in the legacy Draft, compared with HEAD.
    edit(root, DRAFT, 'first second', 'very first second');
    expectPass(await runMain(['lint', '--base', 'HEAD'], root));

    // Pruning with a base removes nothing it did not check: the untouched files keep their counts.
    expect((await runMain(['lint', '--base', 'HEAD', '--prune-suppressions'], root)).code).toBe(0);
    expect(readFileSync(join(root, SUPPRESSIONS), 'utf8')).toBe(counts);
    expect((await runMain(['lint'], root)).code).toBe(0);
  });

  test('named paths: a fixed error is not called unused (no exit 2), and pruning touches only the files checked', async () => {
    const root = legacyRepo();
    expect((await runMain(['lint', '--suppress-all'], root)).code).toBe(0);
    commitAll(root, 'adopt the linter');
    edit(root, DRAFT, '[the old image rules](scs-0199-v1-image-rules.md)', 'the old image rules');

    const full = await runMain(['lint'], root);
    expect(full.code).toBe(2);
    expect(full.stderr).toContain(`${SUPPRESSIONS} has 1 unused count`);
    expectPass(await runMain(['lint', DRAFT], root));
    expectPass(await runMain(['lint', STABLE], root));
    expect((await runMain(['lint', '--base', 'HEAD'], root)).code).toBe(0);

    expectPass(await runMain(['lint', '--prune-suppressions', STABLE], root));
    expect(JSON.parse(readFileSync(join(root, SUPPRESSIONS), 'utf8'))[DRAFT]).toEqual({ 'link-document-exists': { count: 1 }, 'sections-required': { count: 1 } });
    const prunedDraft = await runMain(['lint', '--prune-suppressions', DRAFT], root);
    expect(prunedDraft.code).toBe(0);
    expect(prunedDraft.stderr).toContain('pruned 1 unused count');
    expect(JSON.parse(readFileSync(join(root, SUPPRESSIONS), 'utf8'))).toEqual({
      [STABLE]: { 'sections-required': { count: 1 } },
      [DRAFT]: { 'sections-required': { count: 1 } },
    });
    expectPass(await runMain(['lint'], root));
  });
});

describe('pre-existing findings of the documents a change touches', () => {
  test('a typo fix in a legacy Stable document passes; its old error is a warning marked pre-existing in every format', async () => {
    const root = legacyRepo();
    edit(root, STABLE, 'became common', 'have become common');
    const stylish = await runMain(['lint', '--base', 'HEAD', STABLE], root);
    expect(stylish.code).toBe(0);
    expect(stylish.stdout).toMatch(/warning +Missing section `## Conformance Tests`: a Standard must have it \(pre-existing\) +sections-required/);

    const json = await runMain(['lint', '--base', 'HEAD', '--format', 'json', STABLE], root);
    expect(json.code).toBe(0);
    const required = messagesOf(json.stdout, STABLE).find((message) => message.ruleId === 'sections-required');
    expect(required).toMatchObject({ severity: 1, preExisting: true });
    // The body edit of a Stable document is the change's own finding.
    expect(messagesOf(json.stdout, STABLE).find((message) => message.ruleId === 'lifecycle-stable-body-edit')).toMatchObject({ severity: 1, preExisting: false });

    const sarif = await runMain(['lint', '--base', 'HEAD', '--format', 'sarif', STABLE], root);
    const results = (JSON.parse(sarif.stdout) as { runs: { results: { ruleId: string; level: string; baselineState: string }[] }[] }).runs[0]?.results ?? [];
    expect(results.find((result) => result.ruleId === 'sections-required')).toMatchObject({ level: 'warning', baselineState: 'unchanged' });
    expect(results.find((result) => result.ruleId === 'lifecycle-stable-body-edit')).toMatchObject({ baselineState: 'new' });

    const github = await runMain(['lint', '--base', 'HEAD', '--format', 'github', STABLE], root);
    expect(github.stdout).toContain('title=sections-required::Missing section `## Conformance Tests`: a Standard must have it (pre-existing)\n');

    // Without a base nothing is compared: no field, no mark.
    const plain = await runMain(['lint', '--format', 'json', STABLE], root);
    expect(plain.code).toBe(1);
    expect(messagesOf(plain.stdout, STABLE).every((message) => !('preExisting' in message))).toBe(true);
  });

  test('what the change adds is an error; findings are counted like a multiset (two in the base, three in the head: one new)', async () => {
    const root = legacyRepo();
    const link = '[the old image rules](scs-0199-v1-image-rules.md)';
    edit(root, DRAFT, link, `${link} and ${link}`);
    commitAll(root, 'two broken links');
    edit(root, DRAFT, `${link} and ${link}`, `${link}, ${link} and ${link}`);
    const result = await runMain(['lint', '--base', 'HEAD', '--format', 'json'], root);
    expect(result.code).toBe(1);
    const links = messagesOf(result.stdout, DRAFT).filter((message) => message.ruleId === 'link-document-exists');
    expect(links.map((message) => [message.severity, message.preExisting])).toEqual([
      [1, true],
      [1, true],
      [2, false],
    ]);
    expect(messagesOf(result.stdout, DRAFT).find((message) => message.ruleId === 'sections-required')).toMatchObject({ severity: 1, preExisting: true });
  });

  test('a document accepted under a number is compared with its proposal (its base path)', async () => {
    const root = legacyRepo();
    const proposal = `${S}scs-xxxx-v1-secure-boot.md`;
    const draft = readFileSync(join(root, DRAFT), 'utf8').replaceAll('Entropy', 'Secure Boot');
    writeFileSync(join(root, proposal), draft);
    commitAll(root, 'proposal');
    renameSync(join(root, proposal), join(root, `${S}scs-0102-v1-secure-boot.md`));
    const result = await runMain(['lint', '--base', 'HEAD', '--format', 'json'], root);
    expect(result.code).toBe(0);
    const messages = messagesOf(result.stdout, 'scs-0102-v1-secure-boot.md');
    expect(messages.filter((message) => message.ruleId === 'link-document-exists' || message.ruleId === 'sections-required').map((message) => message.preExisting)).toEqual([true, true]);
  });
});

describe('what a change must not do still fails', () => {
  test('a legacy Draft made Stable meets every rule: its old errors are errors, suppressed or not', async () => {
    const root = legacyRepo();
    expect((await runMain(['lint', '--suppress-all'], root)).code).toBe(0);
    commitAll(root, 'adopt the linter');
    edit(root, DRAFT, 'status: Draft', 'status: Stable\nstabilized_at: 2026-12-01');
    const result = await runMain(['lint', '--base', 'HEAD', '--format', 'json'], root);
    expect(result.code).toBe(1);
    const errors = messagesOf(result.stdout, DRAFT).filter((message) => message.severity === 2);
    expect(errors.map((message) => message.ruleId).sort()).toEqual(['link-document-exists', 'sections-required']);
    expect(errors.every((message) => message.preExisting === false)).toBe(true);
    expect(result.stderr).toBe('');
    // `review` agrees.
    const review = await runMain(['review', '--base', 'HEAD', '--format', 'json'], root);
    expect((JSON.parse(review.stdout) as { errorCount: number }).errorCount).toBe(2);
  });

  test.each([
    [
      'moved back to Draft',
      (root: string) => {
        edit(root, STABLE, 'status: Stable', 'status: Draft');
        edit(root, STABLE, 'stabilized_at: 2024-05-20\n', '');
      },
      'lifecycle-status-transition',
    ],
    ['deleted', (root: string) => rmSync(join(root, STABLE)), 'lifecycle-no-deletion'],
    ['renamed', (root: string) => renameSync(join(root, STABLE), join(root, `${S}scs-0100-v3-flavor-names.md`)), 'lifecycle-slug-unchanged'],
  ])('a Stable document %s fails with a lifecycle error, after adoption too', async (_name, act, rule) => {
    const root = legacyRepo();
    expect((await runMain(['lint', '--suppress-all'], root)).code).toBe(0);
    commitAll(root, 'adopt the linter');
    act(root);
    const result = await runMain(['lint', '--base', 'HEAD', '--format', 'json'], root);
    expect(result.code).toBe(1);
    const errors = JSON.parse(result.stdout).flatMap((file: { messages: JsonMessage[] }) => file.messages.filter((message) => message.severity === 2));
    expect(errors.map((message: JsonMessage) => message.ruleId)).toContain(rule);
    expect(result.stderr).not.toContain('unused');
  });
});

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runMain } from './helpers/cli.js';
import { authoringRepo, fillIn, lintAll, shellWords, visible } from './helpers/authoring.js';
import { readGolden } from './helpers/lint.js';
import { git, initRepo } from './helpers/repo.js';

const GOLDEN = join(import.meta.dirname, 'golden', 'walk');
/** Findings of `template-placeholder` only, and at least one. */
const PLACEHOLDERS = /^(\S+ warning template-placeholder [^\n]+\n)+$/;

/**
 * The life of a standard, command by command, in a real git repository: a proposal is written,
 * accepted, stabilized, replaced by a second version, deprecated and supplemented, and a second
 * proposal is accepted and rejected. After every step the whole folder lints clean (warnings
 * included), the step is committed, and `lint --base` of the step against the commit before it
 * (the lifecycle rules) is clean too: the one finding of the walk is the warning that an
 * editorial fix of a Stable document gets, for its reviewers.
 */
describe('a standard through its whole life', () => {
  let root = '';
  let standards = '';
  let cleanup = (): void => undefined;
  const transcript: string[] = [];
  beforeAll(() => {
    ({ root, cleanup } = authoringRepo('walk'));
    standards = join(root, 'Standards');
    initRepo(root);
  });
  afterAll(() => cleanup());

  /**
   * What is checked after every step: the whole folder lints clean (warnings included), the
   * step is committed, and the step as a change of its own, as its pull request would be
   * checked (`lint --base HEAD~1`, the lifecycle rules included), reports exactly what
   * `expected` says: nothing, unless the step edits the body of a Stable document. Both the
   * working tree and the commit are compared with the base.
   */
  async function afterStep(title: string, expected: string | RegExp = ''): Promise<void> {
    if (typeof expected === 'string') expect(lintAll(root), `lint after: ${title}`).toBe('');
    else expect(lintAll(root).replace(/:(\d+):(\d+)-\d+:\d+ /g, ':$1:$2 '), `lint after: ${title}`).toMatch(expected);
    git(root, ['add', '-A']);
    git(root, ['commit', '-q', '-m', title]);
    for (const head of [[], ['--head', 'HEAD']]) {
      const result = await runMain(['lint', '--base', 'HEAD~1', ...head, '--format', 'json'], root);
      expect({ step: title, head, code: result.code, stderr: result.stderr }).toEqual({ step: title, head, code: 0, stderr: '' });
      if (typeof expected === 'string') expect({ step: title, head, findings: findings(result.stdout) }).toEqual({ step: title, head, findings: expected });
      else expect(findings(result.stdout), title).toMatch(expected);
    }
  }

  /** The findings of a JSON report, one line each, as the golden files of the rules show them. */
  function findings(json: string): string {
    const results = JSON.parse(json) as { filePath: string; messages: { ruleId: string; severity: number; line: number; column: number; message: string }[] }[];
    return results
      .flatMap((result) => result.messages.map((finding) => `${relative(root, result.filePath)}:${finding.line}:${finding.column} ${finding.severity === 2 ? 'error' : 'warning'} ${finding.ruleId} ${finding.message}\n`))
      .join('');
  }

  async function command(title: string, args: string[], expected: string | RegExp = ''): Promise<void> {
    const result = await runMain(args, root);
    expect(result.stderr, title).toBe('');
    expect(result.code, title).toBe(0);
    transcript.push(`# ${title}\n$ scs-standards ${shellWords(args)}\n${result.stdout}`);
    await afterStep(title, expected);
  }

  /** An edit by the author, as a person makes it in an editor; `expected` as in `afterStep`. */
  async function write(title: string, fileName: string, edit: (text: string) => string, expected = ''): Promise<void> {
    const path = join(standards, fileName);
    const before = readFileSync(path, 'utf8');
    const after = edit(before);
    expect(after, title).not.toBe(before);
    writeFileSync(path, after);
    transcript.push(`# ${title}\n(edited ${fileName})\n`);
    await afterStep(title, expected);
  }

  test('propose: new documents from the templates, written by their authors', async () => {
    // Fresh from its template, a proposal has placeholders (warnings in a Draft) until its author writes it.
    await command('Propose GPU flavors', ['new', '--type', 'Standard', '--track', 'IaaS', '--title', 'GPU Flavors'], PLACEHOLDERS);
    await write('Describe GPU flavors', 'scs-xxxx-v1-gpu-flavors.md', (text) =>
      fillIn(
        text
          .replace('_One or two sentences that summarize the standard; the version index shows them._', 'Flavors with GPUs: their names, sizes and the drivers they come with.')
          .replace('_What this standard is about, in a few sentences, for a reader who meets it for the first time._', 'Clouds offer GPUs through flavors.'),
      ),
    );
    await command('Propose GPU sharing', ['new', '--type', 'Decision Record', '--track', 'IaaS', '--title', 'GPU Sharing'], PLACEHOLDERS);
    await write('Relate GPU sharing to GPU flavors', 'scs-xxxx-v1-gpu-sharing.md', (text) =>
      fillIn(text.replace('_Standards and records this decision relates to._', '- [GPU flavors](scs-xxxx-v1-gpu-flavors.md#standard)')),
    );
  });

  test('accept: the proposal gets the next number of its track, links follow, git records a rename', async () => {
    await command('Accept GPU flavors', ['accept', 'scs-xxxx-v1-gpu-flavors.md']);
    expect(git(root, ['show', '--name-status', '--format=', 'HEAD'])).toContain('R');
    expect(readFileSync(join(standards, 'scs-xxxx-v1-gpu-sharing.md'), 'utf8')).toContain('[GPU flavors](scs-0101-v1-gpu-flavors.md#standard)');
  });

  test('stabilize, then a second major version that becomes Stable', async () => {
    await command('Stabilize GPU flavors v1', ['stabilize', '0101-v1', '--date', '2026-01-15']);
    await command('Start GPU flavors v2', ['bump', '0101-v1']);
    await write('Revise GPU flavors v2', 'scs-0101-v2-gpu-flavors.md', (text) => text.replace('Clouds offer GPUs through flavors.', 'Clouds offer GPUs, whole or shared, trough flavors.'));
    await command('Stabilize GPU flavors v2', ['stabilize', 'scs-0101-v2', '--date', '2026-03-01']);
    // An editorial fix of a Stable document is allowed, and reported for review as a warning.
    await write(
      'Fix a typo in GPU flavors v2',
      'scs-0101-v2-gpu-flavors.md',
      (text) => text.replace('trough', 'through'),
      'Standards/scs-0101-v2-gpu-flavors.md:17:1 warning lifecycle-stable-body-edit The body of this document, Stable in the base, changed from line 17 on: ' +
        'make sure the edit cannot make an existing implementation non-conformant (editorial fixes only)\n',
    );
  });

  test('deprecate v1 in favour of v2, and supplement both', async () => {
    await command('Deprecate GPU flavors v1', ['deprecate', '0101-v1', '--date', '2026-06-30', '--replaced-by', '0101-v2']);
    // Fresh from its template, the supplement has placeholders (warnings: a supplement has no status) until it is written.
    await command(
      'Notes on GPU flavors',
      ['supplement', '0101-v1', '0101-v2', '--title', 'GPU Flavors: Implementation and Testing Notes'],
      /^(Standards\/scs-0101-w1-gpu-flavors-implementation-and-testing-notes\.md:\d+:1 warning template-placeholder The placeholder text `_[^`]+` is left unchanged from the template templates\/scs-XXXX-wN-supplement-template\.md: replace it with the document's own text \(or remove it\)\n){3}$/,
    );
    await write('Write the notes on GPU flavors', 'scs-0101-w1-gpu-flavors-implementation-and-testing-notes.md', fillIn);
  });

  test('a second proposal is accepted and rejected', async () => {
    await command('Accept GPU sharing', ['accept', 'Standards/scs-xxxx-v1-gpu-sharing.md']);
    await command('Reject GPU sharing', ['reject', '0102-v1', '--date', '2026-07-01']);
  });

  test('the commands printed what they did, and the documents are the golden ones', () => {
    const text = transcript.join('\n');
    expect(text).toBe(readGolden(join(GOLDEN, 'transcript.txt'), text));
    const files = readdirSync(standards).sort();
    expect(files).toEqual([
      'scs-0100-v1-flavor-naming.md',
      'scs-0101-v1-gpu-flavors.md',
      'scs-0101-v2-gpu-flavors.md',
      'scs-0101-w1-gpu-flavors-implementation-and-testing-notes.md',
      'scs-0102-v1-gpu-sharing.md',
    ]);
    for (const name of files) {
      const actual = visible(readFileSync(join(standards, name), 'utf8'));
      expect(actual, name).toBe(readGolden(join(GOLDEN, name), actual));
    }
    expect(git(root, ['log', '--format=%s']).trim().split('\n')).toHaveLength(16);
  });
});

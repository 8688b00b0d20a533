import { RENAMED_WORDS, renamedScsProfile, type RenamedProfile } from './helpers/renamed-profile.js';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runMain, temporaryRepos } from './helpers/cli.js';
import { git } from './helpers/repo.js';

/**
 * The authoring commands take every word from the profile: run under a copy of the `scs`
 * profile whose statuses, date and reference fields, supplement type, file names, track field
 * and track digit are all renamed, they write and report in the new words. Under a profile
 * that lacks what a command needs (the `eip` profile: no command on its transitions, numbers
 * assigned by hand, no supplements), the command says so.
 */
const ROOT = join(import.meta.dirname, '..');
const WORDS: Record<string, string> = {
  ...RENAMED_WORDS,
  stabilized_at: 'ratified_at',
  deprecated_at: 'retired_at',
};

function renamedProfile(): string {
  return renamedScsProfile<RenamedProfile & { frontMatter: { schema: string; order: { fields: string[]; insertAfter: Record<string, string[]> } } }>(WORDS, (profile) => {
    profile.frontMatter.order = JSON.parse(JSON.stringify(profile.frontMatter.order).replaceAll('"track"', '"area"')) as typeof profile.frontMatter.order;
  });
}

const outside = mkdtempSync(join(tmpdir(), 'scs-authoring-profile-'));
const PROFILE = join(outside, 'profile.json');
writeFileSync(PROFILE, renamedProfile());
afterAll(() => rmSync(outside, { recursive: true, force: true }));

/** A template of the repository's, in the renamed words. */
function template(name: string): string {
  return readFileSync(join(ROOT, 'templates', name), 'utf8')
    .replaceAll('scs-', 'std-')
    .replace(/^type: Supplement$/m, 'type: Annex')
    .replace(/^supplements:/m, 'annexes:')
    .replace(/^track:/m, 'area:');
}

function doc(fields: string): string {
  return `---\ntitle: Example\n${fields}---\n\n## Introduction\n\nText.\n`;
}

const CORPUS: Record<string, string> = {
  'Standards/std-0010-v1-flavors.md': doc('type: Standard\nstatus: Current\nratified_at: 2024-01-01\narea: IaaS\n'),
  'Standards/std-0020-v1-ideas.md': doc('type: Standard\nstatus: Draft\narea: KaaS\n'),
  'Standards/std-xxxx-v1-gpu.md': doc('type: Standard\nstatus: Draft\narea: IaaS\n'),
  'Standards/std-0030-v1-links.md': doc('type: Standard\nstatus: Draft\narea: IAM\nsupersedes:\n  - std-xxxx-v1-gpu.md\n'),
  'templates/std-XXXX-vN-standard-template.md': template('scs-XXXX-vN-standard-template.md'),
  'templates/std-XXXX-wN-supplement-template.md': template('scs-XXXX-wN-supplement-template.md'),
};

const repo = temporaryRepos();

/** The text of every file of a repository, by path. */
function snapshot(root: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) found[relative(root, join(entry.parentPath, entry.name)).split('\\').join('/')] = readFileSync(join(entry.parentPath, entry.name), 'utf8');
  }
  return found;
}

/** The files a command changed, with their text after it. */
async function change(args: string[], files: Record<string, string> = CORPUS, profile: string = PROFILE): Promise<{ code: number; stderr: string; changed: Record<string, string | undefined> }> {
  const root = repo(files, { profile });
  const before = snapshot(root);
  const result = await runMain(args, root);
  const after = snapshot(root);
  const changed: Record<string, string | undefined> = {};
  for (const path of new Set([...Object.keys(before), ...Object.keys(after)])) if (before[path] !== after[path]) changed[path] = after[path];
  return { code: result.code, stderr: result.stderr, changed };
}

async function refused(args: string[], files: Record<string, string> = CORPUS, profile: string = PROFILE): Promise<string> {
  const result = await change(args, files, profile);
  expect(result.changed).toEqual({});
  expect(result.code).toBe(2);
  return result.stderr;
}

describe('authoring commands under a profile with other words', () => {
  test('the profile is the renamed copy: no word of the scs profile is left in it', () => {
    expect(readFileSync(PROFILE, 'utf8')).not.toMatch(/"(?:Stable|Deprecated|Supplement|replaces|replaced_by|supplements|stabilized_at|deprecated_at|track)"(?!\s*:\s*(?:true|false))|scs-/);
  });

  test('stabilize: the status of its transition, the date it sets, where the profile inserts it', async () => {
    const result = await change(['stabilize', 'std-0020-v1', '--date', '2025-03-01']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.changed).toEqual({ 'Standards/std-0020-v1-ideas.md': doc('type: Standard\nstatus: Current\nratified_at: 2025-03-01\narea: KaaS\n') });
  });

  test('deprecate: the date and the replacements in the fields that point later and earlier', async () => {
    const result = await change(['deprecate', '0010-v1', '--date', '2026-06-30', '--replaced-by', 'std-0010-v2'], {
      ...CORPUS,
      'Standards/std-0010-v2-flavors.md': doc('type: Standard\nstatus: Current\nratified_at: 2026-06-01\narea: IaaS\n'),
    });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.changed).toEqual({
      'Standards/std-0010-v1-flavors.md': doc('type: Standard\nstatus: Retired\nratified_at: 2024-01-01\nretired_at: 2026-06-30\nsuperseded_by:\n  - std-0010-v2-flavors.md\narea: IaaS\n'),
      'Standards/std-0010-v2-flavors.md': doc('type: Standard\nstatus: Current\nratified_at: 2026-06-01\nsupersedes:\n  - std-0010-v1-flavors.md\narea: IaaS\n'),
    });
  });

  test('reject, and the profile\'s statuses in the refusals', async () => {
    const result = await change(['reject', 'std-0020-v1-ideas.md', '--date', '2025-03-01']);
    expect(result.changed).toEqual({ 'Standards/std-0020-v1-ideas.md': doc('type: Standard\nstatus: Rejected\nrejected_at: 2025-03-01\narea: KaaS\n') });
    expect(await refused(['stabilize', '0010-v1'])).toBe('scs-standards stabilize: Standards/std-0010-v1-flavors.md is already Current\n');
    expect(await refused(['deprecate', '0020-v1', '--date', '2026-01-01'])).toBe('scs-standards deprecate: Standards/std-0020-v1-ideas.md: A Draft document cannot become Retired: it may only become Current or Rejected\n');
    expect(await refused(['deprecate', '0010-v1', '--date', '2023-12-31'])).toBe('scs-standards deprecate: Standards/std-0010-v1-flavors.md: `retired_at` 2023-12-31 would be before its `ratified_at` 2024-01-01: a document\'s dates follow its lifecycle\n');
    expect(await refused(['bump', 'flavors'])).toBe('scs-standards bump: `flavors` names no document: give a path, a file name, or an id such as std-0100-v3 or 0100-v3\n');
  });

  test('bump: a copy in the status of new documents, naming what it supersedes, without dates', async () => {
    const result = await change(['bump', 'std-0010-v1']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.changed).toEqual({ 'Standards/std-0010-v2-flavors.md': doc('type: Standard\nstatus: Draft\narea: IaaS\nsupersedes:\n  - std-0010-v1-flavors.md\n') });
  });

  test('accept: the next number of the track its third digit names, and the references follow', async () => {
    const result = await change(['accept', 'std-xxxx-v1-gpu.md']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.changed).toEqual({
      'Standards/std-xxxx-v1-gpu.md': undefined,
      'Standards/std-0011-v1-gpu.md': CORPUS['Standards/std-xxxx-v1-gpu.md'],
      'Standards/std-0030-v1-links.md': doc('type: Standard\nstatus: Draft\narea: IAM\nsupersedes:\n  - std-0011-v1-gpu.md\n'),
    });
    // With --base, the numbers of the base's documents, read with the profile's file names, are taken too.
    const root = repo({ ...CORPUS, 'Standards/std-0011-v1-elsewhere.md': doc('type: Standard\nstatus: Draft\narea: IaaS\n') }, { profile: PROFILE });
    git(root, ['init', '-q', '-b', 'main']);
    git(root, ['add', '-A']);
    git(root, ['commit', '-q', '-m', 'Base']);
    rmSync(join(root, 'Standards', 'std-0011-v1-elsewhere.md'));
    expect(await runMain(['accept', 'std-xxxx-v1-gpu.md', '--base', 'main', '--dry-run'], root)).toMatchObject({ code: 0, stdout: expect.stringContaining('rename to Standards/std-0012-v1-gpu.md') });
    expect(await refused(['accept', 'std-xxxx-v1-gpu.md', '--number', '0101'])).toBe(
      'scs-standards accept: --number 0101 is not in the IaaS track: its third digit 0 names the Global track, expected 1 (xx1x)\n',
    );
    expect(await refused(['accept', 'std-xxxx-v1-gpu.md', '--number', '12'])).toBe('scs-standards accept: --number `12` is not a document number: expected four digits such as 0017\n');
  });

  test('supplement: of the type whose file kind is supplement, extending in its field, with the track field', async () => {
    const result = await change(['supplement', '0010-v1', '--title', 'Notes']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const text = result.changed['Standards/std-0010-w1-notes.md'] ?? '';
    expect(Object.keys(result.changed)).toEqual(['Standards/std-0010-w1-notes.md']);
    expect(text.slice(0, text.indexOf('\n---\n'))).toBe('---\ntitle: "Notes"\ntype: Annex\narea: IaaS\nannexes:\n  - std-0010-v1-flavors.md');
    const supplemented = { ...CORPUS, 'Standards/std-0010-w1-notes.md': text };
    expect((await change(['supplement', '0010-v1', '--title', 'Tests'], supplemented)).changed).toHaveProperty(['Standards/std-0010-w2-tests.md']);
    expect(await refused(['stabilize', 'std-0010-w1'], supplemented)).toBe('scs-standards stabilize: Standards/std-0010-w1-notes.md is a supplement: supplements have no status, they are always informative\n');
  });

  test('new: the file name, the status and the track field of the profile', async () => {
    const result = await change(['new', '--type', 'Standard', '--track', 'ops', '--title', 'Logs']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const text = result.changed['Standards/std-xxxx-v1-logs.md'] ?? '';
    expect(text).toMatch(/^---\ntitle: Logs\ntype: Standard\nstatus: Draft\narea: Ops\n/);
    expect(await refused(['new', '--type', 'Standard', '--track', 'PaaS', '--title', 'Logs'])).toBe('scs-standards new: --track `PaaS` is unknown: expected one of Global, IaaS, KaaS, IAM, Ops, Scopes\n');
  });
});

describe('review under a profile with other words', () => {
  test("the track from the profile's track field, the groups of the profile, the dates it shows", async () => {
    const profile = join(outside, 'review-profile.json');
    const data = JSON.parse(readFileSync(PROFILE, 'utf8')) as { review: { approvals: { groups: Record<string, string[]> } } };
    data.review.approvals.groups = { ...data.review.approvals.groups, Ops: ['Operations editors'] };
    writeFileSync(profile, JSON.stringify(data));
    const root = repo(CORPUS, { profile });
    git(root, ['init', '-q', '-b', 'main']);
    git(root, ['add', '-A']);
    git(root, ['commit', '-q', '-m', 'Base']);
    // The number names KaaS by its third digit; the document's own track field says Ops.
    writeFileSync(join(root, 'Standards', 'std-0020-v1-ideas.md'), doc('type: Standard\nstatus: Current\nratified_at: 2025-03-01\narea: Ops\n'));
    const result = await runMain(['review', '--base', 'main', '--format', 'json'], root);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const review = JSON.parse(result.stdout) as { documents: Record<string, unknown>[]; approvals: unknown[] };
    expect(review.documents).toMatchObject([{ id: 'std-0020-v1', track: 'Ops', statusBefore: 'Draft', statusAfter: 'Current', dates: [{ field: 'ratified_at', value: '2025-03-01' }] }]);
    expect(review.approvals).toEqual([{ group: 'Operations editors', tracks: ['Ops'], documents: ['std-0020-v1'] }]);
  });
});

describe('authoring commands under a profile that lacks what they need', () => {
  const EIPS = { 'EIPS/eip-1.md': '---\neip: 1\ntitle: Example\nstatus: Draft\ntype: Meta\n---\n', 'EIPS/eip-draft_x.md': '---\ntitle: Example\nstatus: Draft\ntype: Meta\n---\n' };

  test('a status command without a transition of its name, accept without numbers by track, supplement without supplements', async () => {
    expect(await refused(['stabilize', 'eip-1.md'], EIPS, 'eip')).toBe('scs-standards stabilize: The profile `eip` has no transition that `stabilize` makes (`transitions[].command`)\n');
    expect(await refused(['accept', 'eip-draft_x.md'], EIPS, 'eip')).toBe(
      'scs-standards accept: The profile `eip` does not number documents by track (`numbers.assignment`, `numbers.tracks`): its editors assign the numbers\n',
    );
    expect(await refused(['supplement', 'eip-1.md', '--title', 'X'], EIPS, 'eip')).toBe('scs-standards supplement: The profile `eip` has no supplements (no type whose `fileKind` is `supplement`)\n');
  });
});

import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { slugify } from '../tools/authoring/slug.js';
import { terminalDiff } from '../tools/cli/authoring.js';
import { todayIso } from '../tools/model/dates.js';
import { runMain } from './helpers/cli.js';
import { authoringRepo, lintAll, shellWords, visible } from './helpers/authoring.js';
import { readGolden } from './helpers/lint.js';
import { git, snapshot } from './helpers/repo.js';

/** The one line of a run without findings, in the stylish format. */
const NO_PROBLEMS = /^✔ (\d+ documents?( and \d+ scope files?)?|\d+ scope files?) checked, no problems\n$/;

const GOLDEN = join(import.meta.dirname, 'golden', 'authoring');
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function repo(fixture?: string): string {
  const made = authoringRepo(fixture);
  cleanups.push(made.cleanup);
  return made.root;
}

/** Each command on the clean fixture corpus: its exact change, and what it prints. */
const SCENARIOS: [string, string[]][] = [
  ['new-standard', ['new', '--type', 'standard', '--track', 'iaas', '--title', 'Block Storage für Ärzte & Co.']],
  ['new-decision-record', ['new', '--type', 'Decision Record', '--track', 'KaaS', '--title', 'Cluster Upgrades: Policy', '--slug', 'cluster-upgrade-policy']],
  ['new-procedural', ['new', '--type', 'Procedural', '--track', 'Global', '--title', 'Release Process']],
  ['accept', ['accept', 'Standards/scs-xxxx-v1-gpu-flavors.md']],
  ['accept-number', ['accept', 'scs-xxxx-v1-secure-boot.md', '--number', '0007']],
  ['stabilize', ['stabilize', '0110-v1', '--date', '2025-03-01']],
  ['deprecate', ['deprecate', 'scs-0100-v1', '--date', '2026-06-30', '--replaced-by', '0100-v2']],
  ['reject', ['reject', 'scs-0110-v1-ssd-flavors.md', '--date', '2025-03-01']],
  ['bump', ['bump', '0100-v2']],
  ['bump-slug', ['bump', '0100-v2', '--slug', 'flavour-names']],
  ['supplement', ['supplement', '0100-v1', '0100-v2', '--title', 'Flavor Naming: Testing Notes']],
];

describe('authoring commands on a clean corpus', () => {
  test('the fixture corpus lints clean to begin with', () => {
    expect(lintAll(repo())).toBe('');
  });

  test.each(SCENARIOS)('%s: --dry-run prints the exact change, the command makes it, and the corpus lints clean', async (name, args) => {
    const root = repo();
    git(root, ['init', '-q', '-b', 'main']);
    git(root, ['add', '-A']);
    git(root, ['commit', '-q', '-m', 'Documents']);
    const before = snapshot(root);
    const dry = await runMain([...args, '--dry-run'], root);
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(snapshot(root)).toEqual(before);
    const real = await runMain(args, root);
    expect(real.stderr).toBe('');
    expect(real.code).toBe(0);
    const transcript = visible(`$ scs-standards ${shellWords(args)} --dry-run\n${dry.stdout}\n$ scs-standards ${shellWords(args)}\n${real.stdout}`);
    expect(transcript).toBe(readGolden(join(GOLDEN, `${name}.txt`), transcript));
    // A document fresh from its template has only the template's placeholders to report.
    const left = lintAll(root);
    if (name.startsWith('new-') || name === 'supplement') expect(left).toMatch(/^(\S+ warning template-placeholder .*\n)+$/);
    else expect(left).toBe('');
    // The printed diff is the change: applied by git to the untouched documents, it gives the same files.
    const other = repo();
    git(other, ['init', '-q', '-b', 'main']);
    writeFileSync(join(other, 'change.diff'), dry.stdout);
    git(other, ['apply', 'change.diff']);
    rmSync(join(other, 'change.diff'));
    expect(snapshot(other)).toEqual(snapshot(root));
  });

  test('stabilize and reject date today (UTC) without --date', async () => {
    const first = todayIso();
    const root = repo();
    expect((await runMain(['stabilize', '0110-v1'], root)).code).toBe(0);
    const text = readFileSync(join(root, 'Standards', 'scs-0110-v1-ssd-flavors.md'), 'utf8');
    const date = /stabilized_at: (\S+)\r\n/.exec(text)?.[1];
    expect([first, todayIso()]).toContain(date);
    const other = repo();
    expect((await runMain(['reject', '0110-v1'], other)).code).toBe(0);
    expect(readFileSync(join(other, 'Standards', 'scs-0110-v1-ssd-flavors.md'), 'utf8')).toMatch(/rejected_at: \d{4}-\d{2}-\d{2}\r\n/);
  });

  test('deprecating a version that a later one replaces names it in replaced_by without being told', async () => {
    const root = repo();
    expect((await runMain(['stabilize', '0100-v2', '--date', '2025-01-01'], root)).code).toBe(0);
    expect((await runMain(['deprecate', '0100-v1', '--date', '2025-06-30'], root)).code).toBe(0);
    expect(readFileSync(join(root, 'Standards', 'scs-0100-v1-flavor-naming.md'), 'utf8')).toContain('replaced_by:\n  - scs-0100-v2-flavor-naming.md\n');
    expect(lintAll(root)).toBe('');
  });

  test('a replacement of the same number that lacks `replaces` gets it', async () => {
    const root = repo();
    const v2 = join(root, 'Standards', 'scs-0100-v2-flavor-naming.md');
    writeFileSync(v2, readFileSync(v2, 'utf8').replace('replaces:\n  - scs-0100-v1-flavor-naming.md\n', 'replaces: []\n'));
    const result = await runMain(['deprecate', '0100-v1', '--date', '2025-06-30', '--replaced-by', 'scs-0100-v2-flavor-naming.md', '--dry-run'], root);
    expect(result.stdout).toContain('-replaces: []\n+replaces: [scs-0100-v1-flavor-naming.md]\n');
  });

  test('accepting a proposal renames it in the front matter of the documents that name it', async () => {
    const root = repo();
    expect((await runMain(['stabilize', '0110-v1', '--date', '2025-01-01'], root)).code).toBe(0);
    expect((await runMain(['deprecate', '0110-v1', '--date', '2025-06-30', '--replaced-by', 'scs-xxxx-v1-gpu-flavors.md'], root)).code).toBe(0);
    const result = await runMain(['accept', 'scs-xxxx-v1-gpu-flavors.md'], root);
    expect(result.stdout).toContain('Updated Standards/scs-0110-v1-ssd-flavors.md\n');
    expect(readFileSync(join(root, 'Standards', 'scs-0110-v1-ssd-flavors.md'), 'utf8')).toContain('replaced_by:\r\n  - scs-0111-v1-gpu-flavors.md\r\n');
    expect(lintAll(root)).toBe('');
  });

  test.each([
    ['Global, with no number yet', 'Global', []],
    ['IaaS, whose range 0100-0199 is full up to 0199', 'IaaS', ['scs-0100-v1-a.md', 'scs-0199-v1-b.md']],
    ['IaaS, with a number beyond 0199', 'IaaS', ['scs-0150-v1-a.md', 'scs-1105-v1-b.md']],
  ])('accept and lint --base agree on the next number of the track: %s', async (_name, track, taken) => {
    const root = mkdtempSync(join(tmpdir(), 'scs-standards-numbers-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    mkdirSync(join(root, 'Standards'));
    writeFileSync(join(root, '.scs-standards.json'), '{}\n');
    const document = (title: string, documentTrack: string): string =>
      `---\ntitle: ${title}\ntype: Procedural\nstatus: Draft\ntrack: ${documentTrack}\n---\n\n# ${title}\n`;
    for (const name of taken) writeFileSync(join(root, 'Standards', name), document(name, 'IaaS'));
    writeFileSync(join(root, 'Standards', 'scs-xxxx-v1-topic.md'), document('Topic', track));
    git(root, ['init', '-q', '-b', 'main']);
    git(root, ['add', '-A']);
    git(root, ['commit', '-q', '-m', 'Documents']);
    const accepted = await runMain(['accept', 'scs-xxxx-v1-topic.md'], root);
    expect(accepted.stderr).toBe('');
    const number = /scs-(\d{4})-v1-topic\.md/.exec(accepted.stdout)?.[1] ?? '';
    expect(await runMain(['lint', '--base', 'main'], root)).toEqual({ code: 0, stdout: expect.stringMatching(NO_PROBLEMS), stderr: '' });
    // The same proposal accepted by hand with a number of another track: the rule names the same next number.
    git(root, ['mv', `Standards/scs-${number}-v1-topic.md`, 'Standards/scs-0499-v1-topic.md']);
    const wrong = await runMain(['lint', '--base', 'main', '--rule', 'lifecycle-number-assignment', '--format', 'json'], root);
    const messages = (JSON.parse(wrong.stdout) as { messages: { message: string }[] }[]).flatMap((result) => result.messages.map((message) => message.message));
    expect(messages).toEqual([expect.stringContaining(`; the next unused number of ${track} is \`${number}\``)]);
  });

  test('accept --base also avoids the numbers the base branch gave away after the branch started', async () => {
    const root = repo();
    git(root, ['init', '-q', '-b', 'main']);
    git(root, ['add', '-A']);
    git(root, ['commit', '-q', '-m', 'Documents']);
    git(root, ['checkout', '-q', '-b', 'proposal']);
    // Meanwhile another pull request on main accepted a proposal of the same track.
    git(root, ['checkout', '-q', 'main']);
    expect((await runMain(['accept', 'scs-xxxx-v1-gpu-flavors.md'], root)).stdout).toContain('scs-0111-v1-gpu-flavors.md');
    git(root, ['add', '-A']);
    git(root, ['commit', '-q', '-m', 'Accept GPU flavors']);
    git(root, ['checkout', '-q', 'proposal']);
    writeFileSync(join(root, 'Standards', 'scs-xxxx-v1-secure-boot.md'), readFileSync(join(root, 'Standards', 'scs-xxxx-v1-secure-boot.md'), 'utf8').replace('track: Global', 'track: IaaS'));

    const unaware = await runMain(['accept', 'scs-xxxx-v1-secure-boot.md', '--dry-run'], root);
    expect(unaware.stdout).toContain('rename to Standards/scs-0111-v1-secure-boot.md');
    const aware = await runMain(['accept', 'scs-xxxx-v1-secure-boot.md', '--base', 'main'], root);
    expect(aware).toEqual({ code: 0, stdout: 'Renamed Standards/scs-xxxx-v1-secure-boot.md -> Standards/scs-0112-v1-secure-boot.md\n', stderr: '' });
    expect((await runMain(['accept', 'scs-xxxx-v1-gpu-flavors.md', '--base', 'main', '--number', '0111', '--dry-run'], root)).stderr).toContain('--number 0111 is taken');
    // The branch merges with main without a second scs-0111-v1.
    git(root, ['add', '-A']);
    git(root, ['commit', '-q', '-m', 'Accept secure boot']);
    git(root, ['merge', '-q', '--no-edit', 'main']);
    expect(await runMain(['lint', '--base', 'main'], root)).toEqual({ code: 0, stdout: expect.stringMatching(NO_PROBLEMS), stderr: '' });

    const unknown = await runMain(['accept', 'scs-xxxx-v1-gpu-flavors.md', '--base', 'nope'], root);
    expect(unknown).toEqual({ code: 2, stdout: '', stderr: 'scs-standards accept: Unknown base `nope`: no commit has that name (check the branch name, or fetch it first)\n' });
  });

  test('bumping a Deprecated version adds the new version to its replaced_by', async () => {
    const root = repo();
    expect((await runMain(['deprecate', '0100-v1', '--date', '2025-06-30', '--replaced-by', '0100-v2'], root)).code).toBe(0);
    const v2 = join(root, 'Standards', 'scs-0100-v2-flavor-naming.md');
    rmSync(v2);
    const v1 = join(root, 'Standards', 'scs-0100-v1-flavor-naming.md');
    writeFileSync(v1, readFileSync(v1, 'utf8').replace('replaced_by:\n  - scs-0100-v2-flavor-naming.md\n', ''));
    const result = await runMain(['bump', '0100-v1', '--slug', 'flavor-names'], root);
    expect(result.stdout).toBe('Updated Standards/scs-0100-v1-flavor-naming.md\nCreated Standards/scs-0100-v2-flavor-names.md\n');
    expect(readFileSync(v1, 'utf8')).toContain('replaced_by:\n  - scs-0100-v2-flavor-names.md\n');
  });

  test('a diff on a terminal shows control characters as escapes; piped, it is exact', () => {
    expect(terminalDiff('+title: A\u001b[31mB\r\n')).toBe('+title: A\\x1b[31mB\r\n');
  });

  test.each([
    ['Flavor Naming', 'flavor-naming'],
    ['Block Storage für Ärzte & Co.', 'block-storage-fur-arzte-co'],
    ['Straße, Œuvre, Ørsted, Łódź', 'strasse-oeuvre-orsted-lodz'],
    ['  K8s 1.30: CSI/CNI  ', 'k8s-1-30-csi-cni'],
    ['日本語', ''],
  ])('slug of %j is %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });
});

/** Bad input: a clear message, exit code 2, and not one byte written. */
const BAD_INPUT: [string, string[], string][] = [
  // unknown and ambiguous documents
  ['unknown id', ['stabilize', '0199-v1'], 'No document `scs-0199-v1` in Standards'],
  ['unknown file name', ['accept', 'scs-xxxx-v1-nothing.md'], 'No document `scs-xxxx-v1-nothing.md` in Standards'],
  ['not a reference', ['bump', 'flavor naming'], '`flavor naming` names no document: give a path, a file name, or an id such as scs-0100-v3 or 0100-v3'],
  ['path outside the folder', ['stabilize', 'templates/scs-XXXX-vN-standard-template.md'], 'is not in the standards folder Standards'],
  ['unknown replacement', ['deprecate', '0100-v1', '--date', '2026-01-01', '--replaced-by', '0199-v1'], 'No document `scs-0199-v1` in Standards'],
  ['unknown supplemented document', ['supplement', '0199-v1', '--title', 'Notes'], 'No document `scs-0199-v1` in Standards'],
  ['unknown document to reject', ['reject', 'scs-0111-v1-nothing.md'], 'No document `scs-0111-v1-nothing.md` in Standards'],
  ['ambiguous proposal id', ['accept', 'xxxx-v1'], '`xxxx-v1` is ambiguous: it names `scs-xxxx-v1-gpu-flavors.md`, `scs-xxxx-v1-secure-boot.md`; give the file name'],
  ['ambiguous for stabilize', ['stabilize', 'scs-xxxx-v1'], 'is ambiguous'],
  ['ambiguous for bump', ['bump', 'XXXX-v1'], 'is ambiguous'],
  ['ambiguous for supplement', ['supplement', 'xxxx-v1', '--title', 'Notes'], 'is ambiguous'],
  // dates
  ['date not in the calendar', ['stabilize', '0110-v1', '--date', '2025-02-30'], '--date `2025-02-30` is not a date: expected YYYY-MM-DD, a day that exists in the calendar'],
  ['date in another format', ['deprecate', '0100-v1', '--date', '30.06.2026'], '--date `30.06.2026` is not a date'],
  ['month 13', ['reject', '0110-v1', '--date', '2025-13-01'], '--date `2025-13-01` is not a date'],
  ['deprecated before stabilized', ['deprecate', '0100-v1', '--date', '2023-01-31'], 'Standards/scs-0100-v1-flavor-naming.md: `deprecated_at` 2023-01-31 would be before its `stabilized_at` 2023-02-06'],
  ['missing --date for deprecate', ['deprecate', '0100-v1'], 'missing --date'],
  // transitions
  ['already Stable', ['stabilize', '0100-v1'], 'Standards/scs-0100-v1-flavor-naming.md is already Stable'],
  ['Draft cannot be deprecated', ['deprecate', '0100-v2', '--date', '2026-01-01'], 'Standards/scs-0100-v2-flavor-naming.md: A Draft document cannot become Deprecated: it may only become Stable or Rejected'],
  ['Stable cannot be rejected', ['reject', '0100-v1'], 'A Stable document cannot become Rejected: it may only become Deprecated'],
  ['a proposal is accepted first', ['stabilize', 'scs-xxxx-v1-gpu-flavors.md'], 'is a proposal without a number: accept it first'],
  ['a proposal is rejected after acceptance', ['reject', 'scs-xxxx-v1-gpu-flavors.md'], 'is a proposal without a number: accept it first'],
  ['a supplement has no status', ['stabilize', '0100-w1'], 'is a supplement: supplements have no status'],
  ['only proposals are accepted', ['accept', '0100-v1'], 'Standards/scs-0100-v1-flavor-naming.md is not a proposal: it has the number 0100 already'],
  ['a document does not replace itself', ['deprecate', '0100-v1', '--date', '2026-01-01', '--replaced-by', '0100-v1'], 'a document does not replace itself'],
  ['replaced by a supplement', ['deprecate', '0100-v1', '--date', '2026-01-01', '--replaced-by', '0100-w1'], 'is a supplement; supplements do not replace documents'],
  // targets that exist
  ['new over an existing proposal', ['new', '--type', 'Standard', '--track', 'IaaS', '--title', 'GPU Flavors'], 'Standards/scs-xxxx-v1-gpu-flavors.md exists already'],
  ['bump to an existing version', ['bump', '0100-v1'], 'scs-0100-v2 exists already (`scs-0100-v2-flavor-naming.md`): bump the latest version'],
  ['accept with a taken number', ['accept', 'scs-xxxx-v1-gpu-flavors.md', '--number', '0110'], '--number 0110 is taken'],
  ['accept with a number of another track', ['accept', 'scs-xxxx-v1-gpu-flavors.md', '--number', '0201'], '--number 0201 is not in the IaaS track: its second digit 2 names the KaaS track, expected 1'],
  ['accept with a malformed number', ['accept', 'scs-xxxx-v1-gpu-flavors.md', '--number', '12'], '--number `12` is not a document number'],
  // new and supplement input
  ['unknown type', ['new', '--type', 'Guideline', '--track', 'IaaS', '--title', 'X'], '--type `Guideline` is unknown: expected one of Procedural, Standard, Decision Record'],
  ['supplements are made by supplement', ['new', '--type', 'Supplement', '--track', 'IaaS', '--title', 'X'], 'create it with `scs-standards supplement'],
  ['unknown track', ['new', '--type', 'Standard', '--track', 'PaaS', '--title', 'X'], '--track `PaaS` is unknown'],
  ['no type: the types of the profile', ['new', '--track', 'IaaS', '--title', 'X'], 'missing --type: expected one of Procedural, Standard, Decision Record'],
  ['no track: the tracks of the profile', ['new', '--type', 'Standard', '--title', 'X'], 'missing --track: expected one of Global, IaaS, KaaS, IAM, Ops, Scopes'],
  ['title without letters', ['new', '--type', 'Standard', '--track', 'IaaS', '--title', '日本語'], 'has no letters or digits to make a slug from: give one with --slug'],
  ['slug with capitals', ['new', '--type', 'Standard', '--track', 'IaaS', '--title', 'X', '--slug', 'Bad_Slug'], 'Unexpected upper-case letters in slug `Bad_Slug`'],
  ['slug starting with a digit', ['new', '--type', 'Standard', '--track', 'IaaS', '--title', '5G Edge'], 'Slug `5g-edge` should start with a letter, not a digit (file-name-slug-style)'],
  ['slug with a path', ['bump', '0100-v2', '--slug', '../evil'], 'it contains a path separator'],
  ['missing title', ['supplement', '0100-v1'], 'missing --title'],
  ['supplement of a supplement', ['supplement', '0100-w1', '--title', 'Notes'], 'is a supplement: a supplement extends versions of a document'],
  ['supplement of a proposal', ['supplement', 'scs-xxxx-v1-gpu-flavors.md', '--title', 'Notes'], 'is a proposal: a supplement carries the number of what it extends'],
  ['supplement of two numbers', ['supplement', '0100-v1', '0110-v1', '--title', 'Notes'], 'has another number than scs-0100-v1-flavor-naming.md'],
  ['two documents where one is expected', ['stabilize', '0110-v1', '0100-v2'], 'expected one document, got 2'],
  ['no document', ['bump'], 'missing the document'],
];

describe('bad input', () => {
  const messages = new Map<string, string>();

  test.each(BAD_INPUT)('%s: exit 2, a clear message, nothing written', async (name, args, message) => {
    const root = repo();
    const before = snapshot(root);
    const result = await runMain(args, root);
    messages.set(name, `$ scs-standards ${shellWords(args)}\n${result.stderr}`);
    expect(result.stderr).toContain(message);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(snapshot(root)).toEqual(before);
  });

  test('the messages are golden', () => {
    const text = BAD_INPUT.map(([name]) => messages.get(name) ?? `${name}: not run\n`).join('\n');
    expect(text).toBe(readGolden(join(GOLDEN, 'bad-input.txt'), text));
  });

  test.each([
    ['stabilize', ['stabilize', '0110-v1'], 'Standards/scs-0110-v1-ssd-flavors.md'],
    ['deprecate', ['deprecate', '0100-v1', '--date', '2026-01-01'], 'Standards/scs-0100-v1-flavor-naming.md'],
    ['reject', ['reject', '0110-v1'], 'Standards/scs-0110-v1-ssd-flavors.md'],
    ['accept (the proposal)', ['accept', 'scs-xxxx-v1-gpu-flavors.md'], 'Standards/scs-xxxx-v1-gpu-flavors.md'],
    ['accept (a document linking to it)', ['accept', 'scs-xxxx-v1-gpu-flavors.md'], 'Standards/scs-0100-v1-flavor-naming.md'],
    ['deprecate (the replacement)', ['deprecate', '0100-v1', '--date', '2026-01-01', '--replaced-by', '0100-v2'], 'Standards/scs-0100-v1-flavor-naming.md'],
  ])('%s: a read-only file is refused, nothing written', async (_name, args, file) => {
    const root = repo();
    chmodSync(join(root, file), 0o444);
    const before = snapshot(root);
    const result = await runMain(args, root);
    expect(result.stderr).toContain(`${file} is read-only: make it writable to change it`);
    expect(result.code).toBe(2);
    expect(snapshot(root)).toEqual(before);
  });

  test.each([
    ['stabilize', ['stabilize', '0120-v1'], 'Standards/scs-0120-v1-broken.md:4:1: the front matter cannot be changed: Invalid YAML in front matter: Flow sequence in block collection must be sufficiently indented and end with a ] (fix it first; `scs-standards lint` shows every problem)'],
    ['deprecate', ['deprecate', '0120-v1', '--date', '2026-01-01'], 'the front matter cannot be changed'],
    ['reject', ['reject', '0120-v1'], 'the front matter cannot be changed'],
    ['bump', ['bump', '0120-v1'], 'the front matter cannot be changed'],
    ['supplement', ['supplement', '0120-v1', '--title', 'Notes'], 'the front matter cannot be changed'],
    ['accept', ['accept', 'scs-xxxx-v1-broken-proposal.md'], 'Standards/scs-xxxx-v1-broken-proposal.md:1:1: the front matter cannot be changed: Front matter must start on the first line'],
    ['stabilize (a key written twice)', ['stabilize', '0140-v1'], 'Standards/scs-0140-v1-twice.md:5:1: the front matter cannot be changed: Duplicate front matter key `status`'],
    ['stabilize (a date before its own dates)', ['stabilize', '0130-v1', '--date', '2025-01-01'], '`stabilized_at` 2025-01-01 would be before its `deprecated_at` 2025-05-01'],
    ['reject (a date before its own dates)', ['reject', '0130-v1', '--date', '2025-01-01'], '`rejected_at` 2025-01-01 would be before its `deprecated_at` 2025-05-01'],
  ])('%s: a document with broken or contradictory front matter is refused', async (_name, args, message) => {
    const root = repo();
    writeFileSync(join(root, 'Standards', 'scs-0120-v1-broken.md'), '---\ntitle: Broken\ntype: [Standard\ntrack: IaaS\n---\n\n# Broken\n');
    writeFileSync(join(root, 'Standards', 'scs-xxxx-v1-broken-proposal.md'), '\n---\ntitle: Broken\n');
    writeFileSync(join(root, 'Standards', 'scs-0140-v1-twice.md'), '---\ntitle: Twice\ntype: Standard\nstatus: Draft\nstatus: Draft\ntrack: IaaS\n---\n\n# Twice\n');
    writeFileSync(join(root, 'Standards', 'scs-0130-v1-odd.md'), '---\ntitle: Odd\ntype: Standard\nstatus: Draft\ntrack: IaaS\ndeprecated_at: 2025-05-01\n---\n\n# Odd\n');
    const before = snapshot(root);
    const result = await runMain(args, root);
    expect(result.stderr).toContain(message);
    expect(result.code).toBe(2);
    expect(snapshot(root)).toEqual(before);
  });

  test('a missing standards folder is a clear error', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'scs-empty-'));
    cleanups.push(() => rmSync(empty, { recursive: true, force: true }));
    writeFileSync(join(empty, '.scs-standards.json'), '{"templates": "tpl"}\n');
    const none = await runMain(['stabilize', '0100-v1'], empty);
    expect(none.stderr).toContain('No standards folder: Standards does not exist');
    expect(none.code).toBe(2);
  });

  test('without templates in the repository, new and supplement start from the shipped ones and say so', async () => {
    const root = repo();
    rmSync(join(root, 'templates'), { recursive: true });
    const result = await runMain(['new', '--type', 'Standard', '--track', 'IaaS', '--title', 'X'], root);
    // The shipped templates of this package are its templates/ folder, outside the temporary repository.
    expect(result).toEqual({ code: 0, stdout: 'Created Standards/scs-xxxx-v1-x.md from scs-XXXX-vN-standard-template.md shipped with scs-standards\n', stderr: '' });
    const shipped = readFileSync(join(import.meta.dirname, '..', 'templates', 'scs-XXXX-vN-standard-template.md'), 'utf8');
    expect(readFileSync(join(root, 'Standards', 'scs-xxxx-v1-x.md'), 'utf8')).toBe(shipped.replaceAll('_Descriptive title_', 'X').replace('track: Global  # | IaaS | KaaS | IAM | Ops | Scopes', 'track: IaaS'));
    const supplement = await runMain(['supplement', '0100-v1', '--title', 'Notes'], root);
    expect(supplement.stdout).toMatch(/^Created Standards\/scs-0100-w\d-notes\.md from scs-XXXX-wN-supplement-template\.md shipped with scs-standards\n$/);
    expect(supplement.code).toBe(0);
  });

  test('templates beside the documents are found, per type; a type they lack comes from templates/ or the shipped ones', async () => {
    const root = repo();
    rmSync(join(root, 'templates'), { recursive: true });
    // As standards repositories keep them: beside the documents, with a type comment that offers another type.
    writeFileSync(
      join(root, 'Standards', 'scs-XXXX-vN-standard-template.md'),
      '---\ntitle: _Descriptive title_\ntype: Standard  # | Procedural\nstatus: Draft\ntrack: Global  # | IaaS | Ops | KaaS | IAM\n---\n\n## Introduction\n\nThe topic in brief.\n\n## Motivation\n\nWhy it is needed.\n\n## Rules\n\nState the rules here. Adjust heading accordingly.\n\n## Conformance Tests\n\nThe test script.\n',
    );
    const standard = await runMain(['new', '--type', 'Procedural', '--track', 'Ops', '--title', 'Release Steps'], root);
    expect(standard).toEqual({ code: 0, stdout: 'Created Standards/scs-xxxx-v1-release-steps.md from Standards/scs-XXXX-vN-standard-template.md\n', stderr: '' });
    const made = readFileSync(join(root, 'Standards', 'scs-xxxx-v1-release-steps.md'), 'utf8');
    expect(made.split('---')[1]).toBe('\ntitle: Release Steps\ntype: Procedural\nstatus: Draft\ntrack: Ops\n');
    expect(made).toContain('State the rules here. Adjust heading accordingly.');
    mkdirSync(join(root, 'templates'));
    writeFileSync(join(root, 'templates', 'scs-XXXX-vN-decision-record-template.md'), '---\ntitle: _Descriptive title_\ntype: Decision Record\nstatus: Draft\ntrack: Global\n---\n\n## Context\n\n_Our own._\n');
    const record = await runMain(['new', '--type', 'Decision Record', '--track', 'IaaS', '--title', 'Choice'], root);
    expect(record.stdout).toBe('Created Standards/scs-xxxx-v1-choice.md from templates/scs-XXXX-vN-decision-record-template.md\n');
    expect(readFileSync(join(root, 'Standards', 'scs-xxxx-v1-choice.md'), 'utf8')).toContain('_Our own._');
  });

  test('the templates folder is configurable, and comes first', async () => {
    const root = repo();
    mkdirSync(join(root, 'tpl'));
    const template = readFileSync(join(root, 'templates', 'scs-XXXX-vN-standard-template.md'), 'utf8');
    writeFileSync(join(root, 'tpl', 'scs-XXXX-vN-standard-template.md'), template.replace('## Introduction', '## Introduction\n\n_Our own template._'));
    writeFileSync(join(root, '.scs-standards.json'), '{"templates": "tpl"}\n');
    const result = await runMain(['new', '--type', 'Standard', '--track', 'IaaS', '--title', 'Own'], root);
    expect(result).toEqual({ code: 0, stdout: 'Created Standards/scs-xxxx-v1-own.md from tpl/scs-XXXX-vN-standard-template.md\n', stderr: '' });
    expect(readFileSync(join(root, 'Standards', 'scs-xxxx-v1-own.md'), 'utf8')).toContain('_Our own template._');
    const other = await runMain(['new', '--type', 'Decision Record', '--track', 'IaaS', '--title', 'Other'], root);
    expect(other.stdout).toBe('Created Standards/scs-xxxx-v1-other.md from templates/scs-XXXX-vN-decision-record-template.md\n');
    expect(other.code).toBe(0);
  });
});

import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterEach, describe, expect, test } from 'vitest';
import { escapeData, escapeProperty } from '../tools/reporters/github.js';
import { inlineMarkdown, escapeMarkdown } from '../tools/reporters/markdown.js';
import { runBin, runMain } from './helpers/cli.js';
import { standard, supplement } from './helpers/documents.js';
import { clearWorkTree, commitAll, git, makeGitRepo, writeFiles } from './helpers/git.js';
import { readGolden } from './helpers/lint.js';

/** The one line of a run without findings, in the stylish format. */
const NO_PROBLEMS = /^✔ (\d+ documents?( and \d+ scope files?)?|\d+ scope files?) checked, no problems\n$/;

const GOLDEN = join(import.meta.dirname, 'golden');
const REVIEW = join(import.meta.dirname, 'fixtures', 'review');
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function golden(name: string, actual: string): void {
  expect(actual).toBe(readGolden(join(GOLDEN, name), actual));
}

/** A repository whose first commit holds `base`; the work tree then holds `head` (uncommitted). */
function change(base: Record<string, string>, head: Record<string, string>, config: unknown = {}): string {
  const made = makeGitRepo(base, config);
  cleanups.push(made.cleanup);
  clearWorkTree(made.root, ['.scs-standards.json']);
  writeFiles(made.root, head);
  return made.root;
}

const S = 'Standards/';
const FLAVOR = `${S}scs-0100-v1-flavor-naming.md`;
const ENTROPY = `${S}scs-0101-v1-entropy.md`;

describe('lint --base', () => {
  test('a legal stabilization passes; the same change without its date fails', async () => {
    const base = { [FLAVOR]: standard({}) };
    const legal = change(base, { [FLAVOR]: standard({ status: 'Stable', stabilized_at: '2026-12-01' }) });
    expect(await runMain(['lint', '--base', 'main'], legal)).toEqual({ code: 0, stdout: expect.stringMatching(NO_PROBLEMS), stderr: '' });
    const illegal = change(base, { [FLAVOR]: standard({ status: 'Stable' }) });
    const result = await runMain(['lint', '--base', 'main', '--format', 'json'], illegal);
    expect(result.code).toBe(1);
    const ids = (JSON.parse(result.stdout) as { messages: { ruleId: string }[] }[]).flatMap((file) => file.messages.map((m) => m.ruleId));
    expect(ids).toContain('lifecycle-transition-dates');
  });

  test('every status transition, legal and illegal, in one change of a real repository', async () => {
    const statuses = ['Draft', 'Stable', 'Deprecated', 'Rejected'] as const;
    const dates = (status: string): Record<string, string> =>
      status === 'Stable' ? { stabilized_at: '2024-01-01' } : status === 'Deprecated' ? { stabilized_at: '2024-01-01', deprecated_at: '2026-12-01' } : status === 'Rejected' ? { rejected_at: '2026-12-01' } : {};
    const legal = new Set(['new>Draft', 'Draft>Draft', 'Draft>Stable', 'Draft>Rejected', 'Stable>Stable', 'Stable>Deprecated', 'Deprecated>Deprecated', 'Rejected>Rejected']);
    const base: Record<string, string> = {};
    const head: Record<string, string> = {};
    const expected = new Map<string, boolean>();
    let number = 100;
    for (const from of ['new', ...statuses]) {
      for (const to of statuses) {
        const file = `${S}scs-0${number}-v1-case-${number}.md`;
        number++;
        const fields = { title: `Case ${from} to ${to}` };
        if (from !== 'new') base[file] = standard({ ...fields, status: from, ...dates(from) });
        head[file] = standard({ ...fields, status: to, ...dates(to) }, `case ${number}`);
        expected.set(file, legal.has(`${from}>${to}`));
      }
    }
    const decision = `${S}scs-0${number}-v1-decision.md`;
    head[decision] = `---\ntitle: A decision\ntype: Decision Record\nstatus: Stable\nstabilized_at: 2026-12-01\ntrack: IaaS\n---\n\n## Abstract\n\nA.\n\n## Context\n\nC.\n\n## Decision\n\nD.\n`;
    expected.set(decision, true);
    const root = change(base, head);
    const result = await runMain(['lint', '--base', 'main', '--rule', 'lifecycle-status-transition', '--format', 'json'], root);
    const flagged = new Map((JSON.parse(result.stdout) as { filePath: string; messages: unknown[] }[]).map((file) => [file.filePath.slice(root.length + 1), file.messages.length > 0]));
    for (const [file, ok] of expected) expect({ file, flagged: flagged.get(file) }).toEqual({ file, flagged: !ok });
    expect(result.code).toBe(1);
  });

  test('accepting a proposal is a rename, even with edits and without `git mv`', async () => {
    const text = standard({ title: 'Entropy' }, 'entropy');
    const root = change({ [`${S}scs-xxxx-v1-entropy.md`]: text }, { [ENTROPY]: `${text}\nMore text.\n` });
    const review = await runMain(['review', '--base', 'main', '--format', 'json'], root);
    const data = JSON.parse(review.stdout) as { documents: { kind: string; previousFileName: string; accepted: boolean }[] };
    expect(data.documents).toEqual([expect.objectContaining({ kind: 'renamed', previousFileName: 'scs-xxxx-v1-entropy.md', accepted: true })]);
    expect((await runMain(['lint', '--base', 'main'], root)).code).toBe(0);
  });

  test('a deletion is reported on the deleted path, also with --head', async () => {
    const root = change({ [FLAVOR]: standard({}), [ENTROPY]: standard({ title: 'Entropy' }) }, { [ENTROPY]: standard({ title: 'Entropy' }) });
    const result = await runMain(['lint', '--base', 'main', '--format', 'json'], root);
    expect(result.code).toBe(1);
    const files = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[];
    expect(files.find((file) => file.filePath.endsWith('scs-0100-v1-flavor-naming.md'))?.messages).toEqual([expect.objectContaining({ ruleId: 'lifecycle-no-deletion', line: 1 })]);
    commitAll(root, 'delete');
    const committed = await runMain(['lint', '--base', 'main~1', '--head', 'main', '--format', 'json'], root);
    expect(committed.stdout).toBe(result.stdout);
  });

  test('legacy errors of untouched documents are warnings; errors the change causes there are not', async () => {
    const legacy = standard({ title: 'Entropy', track: 'KaaS' });
    const referrer = standard({ title: 'Images', replaces: 'scs-0100-v1-flavor-naming.md' }).replace('replaces: scs-0100-v1-flavor-naming.md\n', '') + '\nSee [the flavor naming](scs-0100-v1-flavor-naming.md).\n';
    const base = { [FLAVOR]: standard({}), [ENTROPY]: legacy, [`${S}scs-0102-v1-images.md`]: referrer };
    const typo = change(base, { ...base, [FLAVOR]: standard({}).replace('described here', 'described here.') });
    const relaxed = await runMain(['lint', '--base', 'main', '--format', 'json'], typo);
    expect(relaxed.code).toBe(0);
    const files = JSON.parse(relaxed.stdout) as { filePath: string; messages: { ruleId: string; severity: number }[] }[];
    expect(files.find((file) => file.filePath.endsWith('scs-0101-v1-entropy.md'))?.messages).toEqual([expect.objectContaining({ ruleId: 'track-matches-number', severity: 1 })]);
    expect((await runMain(['lint'], typo)).code).toBe(1);

    const renamed = change(base, { [`${S}scs-0100-v1-flavor-names.md`]: standard({}), [ENTROPY]: legacy, [`${S}scs-0102-v1-images.md`]: referrer });
    const strict = await runMain(['lint', '--base', 'main', '--format', 'json'], renamed);
    const images = (JSON.parse(strict.stdout) as { filePath: string; messages: { ruleId: string; severity: number }[] }[]).find((file) => file.filePath.endsWith('scs-0102-v1-images.md'));
    expect(images?.messages).toEqual([expect.objectContaining({ ruleId: 'link-document-exists', severity: 2 })]);
  });

  test('names with spaces, non-ASCII characters and a leading `-`, in the work tree and with --head', async () => {
    const odd = `${S}scs-0102-v1-grüße mit leerzeichen.md`;
    const root = change({ [FLAVOR]: standard({}), [odd]: standard({ title: 'Odd' }, 'odd') }, { [FLAVOR]: standard({}), [`${S}scs-0102-v1-grüße umbenannt.md`]: standard({ title: 'Odd' }, 'odd') });
    writeFiles(root, { '-rf': 'not a document\n' });
    const work = await runMain(['lint', '--base', 'main', '--rule', 'lifecycle-slug-unchanged', '--format', 'json'], root);
    expect(work.code).toBe(1);
    const files = (JSON.parse(work.stdout) as { filePath: string; messages: unknown[] }[]).filter((file) => file.messages.length > 0).map((file) => file.filePath.slice(root.length + 1));
    expect(files).toEqual([`${S}scs-0102-v1-grüße umbenannt.md`]);
    commitAll(root, 'rename');
    const committed = await runMain(['lint', '--base', 'main~1', '--head', 'HEAD', '--rule', 'lifecycle-slug-unchanged', '--format', 'json'], root);
    expect(committed.stdout).toBe(work.stdout);
  });

  test('a detached HEAD', async () => {
    const root = change({ [FLAVOR]: standard({}) }, { [FLAVOR]: standard({ status: 'Stable', stabilized_at: '2026-12-01' }) });
    const head = commitAll(root, 'stabilize');
    git(root, 'checkout', '--quiet', '--detach', head);
    expect(await runMain(['lint', '--base', 'main~1'], root)).toEqual({ code: 0, stdout: expect.stringMatching(NO_PROBLEMS), stderr: '' });
  });

  test('in GitHub Actions, the base defaults to origin/<base branch>', async () => {
    const origin = change({ [FLAVOR]: standard({}) }, { [FLAVOR]: standard({}) });
    const clone = mkdtempSync(join(tmpdir(), 'scs-standards-clone-'));
    cleanups.push(() => rmSync(clone, { recursive: true, force: true }));
    git(clone, 'clone', '--quiet', `file://${origin}`, 'work');
    const work = join(clone, 'work');
    git(work, 'checkout', '--quiet', '-b', 'feature');
    writeFiles(work, { [FLAVOR]: standard({ status: 'Stable' }) });
    commitAll(work, 'stabilize without a date');
    const env = { GITHUB_ACTIONS: 'true', GITHUB_BASE_REF: 'main' };
    const result = await runMain(['lint', '--format', 'github'], work, env);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('title=lifecycle-transition-dates::Missing `stabilized_at`');
    expect((await runMain(['lint'], work)).code).toBe(1); // schema still requires the date without a base
  });

  test('--quiet-untouched: warnings only where the change is, errors anywhere', async () => {
    const legacy = standard({ title: 'Entropy', track: 'KaaS' }, 'entropy'); // an error that only warns while untouched
    const root = change(
      { [FLAVOR]: standard({ status: 'Stable', stabilized_at: '2024-01-01' }), [ENTROPY]: legacy },
      { [FLAVOR]: standard({ status: 'Stable', stabilized_at: '2024-01-01' }, 'flavor names'), [ENTROPY]: legacy, [`${S}scs-0200-v1-gone.md`]: `---\ntitle: Gone\n---\n` },
    );
    const lines = (stdout: string): string[] =>
      (JSON.parse(stdout) as { filePath: string; messages: { ruleId: string; severity: number }[] }[]).flatMap((file) =>
        file.messages.map((message) => `${file.filePath.slice(root.length + 1)} ${message.severity} ${message.ruleId}`),
      );
    const all = await runMain(['lint', '--base', 'main', '--format', 'json'], root);
    expect(lines(all.stdout)).toContain(`${ENTROPY} 1 track-matches-number`);
    const quiet = await runMain(['lint', '--base', 'main', '--format', 'json', '--quiet-untouched'], root);
    expect(lines(quiet.stdout)).toEqual(lines(all.stdout).filter((line) => !line.startsWith(ENTROPY)));
    expect(lines(quiet.stdout)).toContain(`${FLAVOR} 1 lifecycle-stable-body-edit`);
    expect(quiet.code).toBe(1); // the new document's errors
    rmSync(join(root, `${S}scs-0200-v1-gone.md`));
    expect((await runMain(['lint', '--base', 'main', '--max-warnings', '1'], root)).code).toBe(1);
    expect((await runMain(['lint', '--base', 'main', '--max-warnings', '1', '--quiet-untouched'], root)).code).toBe(0);
    expect(await runMain(['lint', '--quiet-untouched'], root)).toEqual({ code: 2, stdout: '', stderr: 'scs-standards lint: --quiet-untouched needs --base: without a base, no document is touched\n' });
  });

  test('in a GitHub merge queue, the base defaults to the commit the queue builds on', async () => {
    const root = change({ [FLAVOR]: standard({}) }, { [FLAVOR]: standard({}) });
    const base = git(root, 'rev-parse', 'HEAD').trim();
    writeFiles(root, { [`${S}scs-0110-v1-flavor-naming.md`]: standard({}) });
    rmSync(join(root, FLAVOR));
    commitAll(root, 'renumber');
    const payload = join(root, 'event.json');
    writeFileSync(payload, JSON.stringify({ merge_group: { base_sha: base, head_sha: git(root, 'rev-parse', 'HEAD').trim() } }));
    const env = { GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'merge_group', GITHUB_EVENT_PATH: payload };
    const lint = await runMain(['lint', '--format', 'github', 'Standards'], root, env);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain('title=lifecycle-number-unchanged::');
    const review = await runMain(['review', 'Standards'], root, env);
    expect(review.stdout).toContain(`Compared the working tree with \`${base}\``);
    writeFileSync(payload, JSON.stringify({ merge_group: {} }));
    const broken = await runMain(['lint', 'Standards'], root, env);
    expect(broken).toEqual({ code: 2, stdout: '', stderr: `scs-standards lint: The event payload ${payload} has no \`merge_group.base_sha\`: the base of the merge queue is unknown\n` });
  });
});

describe('bad input gets exit 2 and a message, never a stack trace', () => {
  test.each([
    [['lint', '--base', '--output=/tmp/x'], /option `--base` needs a value \(REF\), got the option `--output=\/tmp\/x`/],
    [['lint', '--base=--output=/tmp/x'], /cannot start with `-`/],
    [['lint', '--base', 'no-such-branch'], /Unknown base `no-such-branch`/],
    [['lint', '--head', 'HEAD'], /--head needs --base/],
    [['lint', '--base', 'main', '--head', 'nope'], /Unknown head `nope`/],
    [['review'], /review needs --base/],
    [['lint', '--suppress-all', '--suppress-rule', 'file-content'], /either --suppress-all or --suppress-rule/],
    [['lint', '--suppress-rule', 'nope'], /unknown rule `nope` in --suppress-rule/],
  ])('%j', async (args, message) => {
    const root = change({ [FLAVOR]: standard({}) }, { [FLAVOR]: standard({}) });
    const result = runBin(args, root);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test('not a git repository', () => {
    const folder = mkdtempSync(join(tmpdir(), 'scs-standards-plain-'));
    cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
    writeFiles(folder, { '.scs-standards.json': '{}\n', [FLAVOR]: standard({}) });
    const result = runBin(['lint', '--base', 'main'], folder);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^scs-standards lint: Not a git repository: .* \(comparing with a base needs a git work tree\)\n$/);
  });

  test('a shallow clone that lacks the base asks for fetch-depth: 0', () => {
    const origin = change({ [FLAVOR]: standard({}) }, { [FLAVOR]: standard({ status: 'Stable', stabilized_at: '2026-12-01' }) });
    commitAll(origin, 'stabilize');
    const clone = mkdtempSync(join(tmpdir(), 'scs-standards-shallow-'));
    cleanups.push(() => rmSync(clone, { recursive: true, force: true }));
    git(clone, 'clone', '--quiet', '--depth=1', `file://${origin}`, 'work');
    const result = runBin(['lint', '--base', 'HEAD~1'], join(clone, 'work'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('fetch-depth: 0');
    const review = runBin(['review', '--base', 'HEAD~1'], join(clone, 'work'), { GITHUB_ACTIONS: 'true' });
    expect(review.code).toBe(2);
    expect(review.stderr).toContain('fetch-depth: 0');
  });
});

describe('output formats', () => {
  function hostile(): string {
    const root = change(
      { [FLAVOR]: standard({}) },
      { [FLAVOR]: standard({ status: 'Stable' }), [`${S}scs-0101-v1-a,b:c%d.md`]: standard({ title: '"<img src=x onerror=alert(1)> | 50%\\r\\n::error::x"', track: 'KaaS' }) },
    );
    return root;
  }

  test('SARIF 2.1.0 validates against the official schema and carries rule metadata', async () => {
    const root = hostile();
    const result = await runMain(['lint', '--base', 'main', '--format', 'sarif'], root);
    expect(result.code).toBe(1);
    const log = JSON.parse(result.stdout) as { runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const run = log.runs[0];
    expect(run?.tool.driver.rules.map((rule) => rule.id)).toContain('lifecycle-transition-dates');
    expect(run?.tool.driver.rules.every((rule) => rule.helpUri.endsWith(`/docs/rules/${rule.id}.md`))).toBe(true);
    expect(run?.results.map((entry) => entry.locations[0]?.physicalLocation.artifactLocation.uri)).toContain('Standards/scs-0101-v1-a%2Cb%3Ac%25d.md');
    golden('lint-change.sarif', result.stdout.replace(/"version": "\d+\.\d+\.\d+"/, '"version": "<version>"'));
  });

  test('GitHub annotations escape data and properties (golden)', async () => {
    const result = await runMain(['lint', '--base', 'main', '--format', 'github'], hostile());
    expect(result.code).toBe(1);
    for (const line of result.stdout.trimEnd().split('\n')) expect(line).toMatch(/^::(error|warning) file=[^:,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::[^\r\n]*$/);
    golden('lint-change-github.txt', result.stdout);
  });

  test('escaping functions', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    expect(escapeMarkdown('a | b\n<script>*x*</script> [l](u)')).toBe('a \\| b &lt;script&gt;\\*x\\*&lt;/script&gt; \\[l\\](u)');
    expect(inlineMarkdown('Unexpected `<b>|` and `x` then `open')).toBe('Unexpected `<b>|` and `x` then \\`open');
  });
});

describe('suppressions', () => {
  const bad = (title: string): string => standard({ title, track: 'KaaS' });

  test('suppress, pass, fail on new errors, report fixed ones as prunable, prune', async () => {
    const root = change({ [FLAVOR]: bad('Flavor Naming') }, { [FLAVOR]: bad('Flavor Naming') });
    expect((await runMain(['lint'], root)).code).toBe(1);
    const suppressed = await runMain(['lint', '--suppress-all'], root);
    expect(suppressed.code).toBe(0);
    const file = join(root, 'scs-standards-suppressions.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ [FLAVOR]: { 'track-matches-number': { count: 1 } } });
    expect(await runMain(['lint'], root)).toEqual({ code: 0, stdout: '✔ 1 document checked, no problems (1 error suppressed)\n', stderr: '' });

    writeFiles(root, { [ENTROPY]: bad('Entropy') });
    const fresh = await runMain(['lint'], root);
    expect(fresh.code).toBe(1);
    expect(fresh.stdout).toContain('scs-0101-v1-entropy.md');
    expect(fresh.stdout).not.toContain('scs-0100-v1-flavor-naming.md');

    rmSync(join(root, ENTROPY));
    writeFiles(root, { [FLAVOR]: standard({}) });
    const fixed = await runMain(['lint'], root);
    expect(fixed.code).toBe(2);
    expect(fixed.stderr).toContain('scs-standards-suppressions.json has 1 unused count');
    expect(fixed.stderr).toContain('--prune-suppressions');
    expect((await runMain(['lint', '--pass-on-unpruned-suppressions'], root)).code).toBe(0);
    const pruned = await runMain(['lint', '--prune-suppressions'], root);
    expect(pruned.code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({});
  });

  test('more errors than counted: all of them are reported; --suppress-rule and --suppressions-location', async () => {
    const twice = bad('Flavor Naming').replace('track: KaaS', 'track: KaaS\nstabilized_at: 2024-01-01');
    const root = change({ [FLAVOR]: twice }, { [FLAVOR]: twice });
    const location = 'config/suppressions.json';
    expect((await runMain(['lint', '--suppress-rule', 'track-matches-number', '--suppressions-location', location], root)).code).toBe(0);
    expect(JSON.parse(readFileSync(join(root, location), 'utf8'))).toEqual({ [FLAVOR]: { 'track-matches-number': { count: 1 } } });
    expect(existsSync(join(root, 'scs-standards-suppressions.json'))).toBe(false);
    writeFileSync(join(root, location), JSON.stringify({ [FLAVOR]: { 'track-matches-number': { count: 1 } }, 'Standards/gone.md': { 'file-content': { count: 3 } } }));
    expect((await runMain(['lint', '--suppressions-location', location], root)).code).toBe(0);
    writeFiles(root, { [ENTROPY]: bad('Entropy') });
    writeFileSync(join(root, location), JSON.stringify({ [ENTROPY]: { 'track-matches-number': { count: 0 } } }));
    const invalid = await runMain(['lint', '--suppressions-location', location], root);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('must be `{ "count": N }`');
  });

  test('a change-rule suppression acknowledges a deliberate renumbering, and is not judged without a base', async () => {
    const root = change({ [FLAVOR]: standard({}) }, { [`${S}scs-0110-v1-flavor-naming.md`]: standard({}) });
    expect((await runMain(['lint', '--base', 'main'], root)).code).toBe(1);
    expect((await runMain(['lint', '--base', 'main', '--suppress-rule', 'lifecycle-number-unchanged'], root)).code).toBe(0);
    expect((await runMain(['lint', '--base', 'main'], root)).code).toBe(0);
    expect((await runMain(['lint'], root)).code).toBe(0);
  });
});

describe('review', () => {
  function sample(): string {
    const root = mkdtempSync(join(tmpdir(), 'scs-standards-review-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    git(root, 'init', '--quiet', '--initial-branch=main');
    writeFileSync(join(root, '.scs-standards.json'), '{ "approvals": { "KaaS": ["KaaS team", "@SovereignCloudStack/kaas"] } }\n');
    cpSync(join(REVIEW, 'base'), root, { recursive: true });
    commitAll(root, 'base');
    clearWorkTree(root, ['.scs-standards.json']);
    cpSync(join(REVIEW, 'head'), root, { recursive: true });
    renameSync(join(root, 'Standards'), join(root, 'Standards'));
    return root;
  }

  test('a sample change as Markdown and as JSON (golden), appended to the job summary', async () => {
    const root = sample();
    const summary = join(root, 'summary.md');
    writeFileSync(summary, '# Earlier step\n\n');
    const markdown = await runMain(['review', '--base', 'main'], root, { GITHUB_STEP_SUMMARY: summary });
    expect(markdown.code).toBe(0);
    golden('review.md', markdown.stdout.replace(/\(([0-9a-f]{12})\)/g, '(<commit>)'));
    expect(readFileSync(summary, 'utf8')).toBe(`# Earlier step\n\n${markdown.stdout}\n`);
    const json = await runMain(['review', '--base', 'main', '--format', 'json'], root);
    golden('review.json', json.stdout.replace(/"[0-9a-f]{40}"/g, '"<commit>"'));
    expect(markdown.stdout).toContain('scs-0103-v1: Draft -> Stable, stabilized_at 2026-12-01');
  });

  test('lint --base on the same change: stylish report (golden)', async () => {
    const root = sample();
    const result = await runMain(['lint', '--base', 'main'], root);
    expect(result.code).toBe(1);
    golden('lint-change-stylish.txt', result.stdout);
  });

  test('the approval table is validated with the configuration', async () => {
    const root = change({ [FLAVOR]: standard({}) }, { [FLAVOR]: standard({}) }, { approvals: { Cloud: 'Somebody' } });
    const result = await runMain(['review', '--base', 'main'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\.scs-standards\.json:\d+:\d+: unknown setting `Cloud`/);
  });

  test('document text cannot inject Markdown or HTML', async () => {
    const root = change(
      { [FLAVOR]: standard({}) },
      { [FLAVOR]: standard({}), [`${S}scs-xxxx-v1-evil.md`]: standard({ title: '"<script>alert(1)</script> | [x](javascript:1) **b**"' }) },
    );
    const result = await runMain(['review', '--base', 'main'], root);
    expect(result.stdout).not.toContain('<script>');
    expect(result.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt; \\| \\[x\\](javascript:1) \\*\\*b\\*\\*');
    expect(result.stdout.split('\n').every((line) => !line.startsWith('<'))).toBe(true);
  });
});

describe('supplements and templates in a change', () => {
  test('a supplement with its document passes; a template never counts', async () => {
    const root = change(
      { [FLAVOR]: standard({}) },
      {
        [FLAVOR]: standard({}),
        [`${S}scs-0100-w1-flavor-naming-notes.md`]: supplement({ supplements: ['scs-0100-v1-flavor-naming.md'] }),
        [`${S}scs-XXXX-vN-standard-template.md`]: standard({ title: 'Template' }),
      },
    );
    expect(await runMain(['lint', '--base', 'main'], root)).toEqual({ code: 0, stdout: expect.stringMatching(NO_PROBLEMS), stderr: '' });
  });
});

import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { afterEach, describe, expect, test } from 'vitest';
import { parseOutputFile, runComposite, type CompositeRun } from './helpers/action.js';
import { standard } from './helpers/documents.js';
import { childEnv, git, PACKAGE_ROOT, run } from './helpers/integrations.js';
import { readGolden } from './helpers/lint.js';
import { setOutput } from '../tools/action/workflow.js';

const GOLDEN = join(import.meta.dirname, 'golden', 'action');
const CLI = join(PACKAGE_ROOT, 'dist', 'cli.js');
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function golden(name: string, actual: string): void {
  expect(actual).toBe(readGolden(join(GOLDEN, name), actual));
}

function tempFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

const S = 'Standards/';
const FLAVOR = `${S}scs-0100-v1-flavor-naming.md`;
const ENTROPY = `${S}scs-0101-v1-entropy.md`;
const IMAGES = `${S}scs-0102-v1-image-metadata.md`;
const LEGACY = `${S}scs-0103-v1-volume-backups.md`;

interface Remote {
  /** The repository that plays GitHub: `main`, the pull request's branch `feature`, `pull/7/merge`. */
  origin: string;
  base: string;
  head: string;
  merge: string;
}

/**
 * A repository as GitHub holds it for a pull request: `main` with three documents; `feature`,
 * branched from it, with the pull request's commit; then `main` moved on (another pull request
 * added a proposal); and `pull/7/merge`, the merge commit that `actions/checkout` checks out.
 */
function remote(change: Record<string, string | null>): Remote {
  const origin = tempFolder('scs-standards-origin-');
  git(origin, 'init', '--quiet', '--initial-branch=main');
  writeFileSync(join(origin, '.scs-standards.json'), '{}\n');
  git(origin, 'config', 'core.autocrlf', 'false');
  const files: Record<string, string> = {
    [FLAVOR]: standard({ status: 'Stable', stabilized_at: '2024-01-01' }),
    [ENTROPY]: standard({ title: 'Entropy' }, 'entropy'),
    [IMAGES]: standard({ title: 'Image Metadata' }, 'image metadata'),
    // Without the recommended *Terminology*: a warning that no pull request below touches.
    [LEGACY]: standard({ title: 'Volume Backups' }, 'volume backups').replace(/## Terminology\n[\s\S]*?(?=## Motivation)/, ''),
  };
  mkdirSync(join(origin, S));
  for (const [path, content] of Object.entries(files)) writeFileSync(join(origin, path), content);
  git(origin, 'add', '--all');
  git(origin, 'commit', '--quiet', '--no-verify', '-m', 'Standards');
  git(origin, 'checkout', '--quiet', '-b', 'feature');
  for (const [path, content] of Object.entries(change)) {
    if (content === null) git(origin, 'rm', '--quiet', path);
    else writeFileSync(join(origin, path), content);
  }
  git(origin, 'add', '--all');
  git(origin, 'commit', '--quiet', '--no-verify', '-m', 'The pull request');
  const head = git(origin, 'rev-parse', 'HEAD').trim();
  git(origin, 'checkout', '--quiet', 'main');
  writeFileSync(join(origin, `${S}scs-xxxx-v1-volume-types.md`), standard({ title: 'Volume Types' }, 'volume types'));
  git(origin, 'add', '--all');
  git(origin, 'commit', '--quiet', '--no-verify', '-m', 'Another pull request');
  const base = git(origin, 'rev-parse', 'HEAD').trim();
  git(origin, 'checkout', '--quiet', '-b', 'pull/7/merge');
  git(origin, 'merge', '--quiet', '--no-ff', '--no-edit', 'feature');
  const merge = git(origin, 'rev-parse', 'HEAD').trim();
  git(origin, 'checkout', '--quiet', 'main');
  return { origin, base, head, merge };
}

/** The workspace as `actions/checkout` leaves it: the merge commit, detached, with `fetch-depth: 0` (or 1). */
function checkout(remote: Remote, depth?: number): string {
  const workspace = join(tempFolder('scs-standards-workspace-'), 'standards');
  const shallow = depth === undefined ? [] : [`--depth=${depth}`, '--branch', 'pull/7/merge'];
  git(tmpdir(), 'clone', '--quiet', ...shallow, `file://${remote.origin}`, workspace);
  git(workspace, 'checkout', '--quiet', '--detach', remote.merge);
  return workspace;
}

/** The environment of a step on a GitHub-hosted runner, for an event with this payload. */
function githubEnv(workspace: string, event: string, payload: unknown, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const eventPath = join(tempFolder('scs-standards-event-'), 'event.json');
  writeFileSync(eventPath, `${JSON.stringify(payload, null, 2)}\n`);
  return childEnv({
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'SovereignCloudStack/standards',
    RUNNER_TEMP: tmpdir(),
    ...extra,
  });
}

function pullRequestEnv(workspace: string, remote: Remote): NodeJS.ProcessEnv {
  const payload = {
    action: 'synchronize',
    number: 7,
    pull_request: { number: 7, base: { ref: 'main', sha: remote.base }, head: { ref: 'feature', sha: remote.head } },
  };
  return githubEnv(workspace, 'pull_request', payload, { GITHUB_BASE_REF: 'main', GITHUB_HEAD_REF: 'feature', GITHUB_REF: 'refs/pull/7/merge', GITHUB_SHA: remote.merge });
}

/** Runs the action of this repository (its `action.yml`, with the `dist/` the tests built). */
function action(workspace: string, env: NodeJS.ProcessEnv, inputs: Record<string, string> = {}, actionPath = PACKAGE_ROOT): CompositeRun {
  return runComposite(actionPath, workspace, inputs, env);
}

/** The check step (the second): its exit code and output. */
function check(result: CompositeRun): { code: number; stdout: string; stderr: string } {
  const step = result.steps[1];
  if (!step) throw new Error(`the check did not run: ${JSON.stringify(result.steps)}`);
  return { code: step.code, stdout: step.stdout, stderr: step.stderr };
}

/** The pull request of most tests: a legal stabilization, a renumbering (an error) and an edit of a Stable body (a warning). */
const PULL_REQUEST: Record<string, string | null> = {
  [ENTROPY]: standard({ title: 'Entropy', status: 'Stable', stabilized_at: '2026-12-01' }, 'entropy'),
  [IMAGES]: null,
  [`${S}scs-0110-v1-image-metadata.md`]: standard({ title: 'Image Metadata' }, 'image metadata'),
  [FLAVOR]: standard({ status: 'Stable', stabilized_at: '2024-01-01' }, 'flavor names'),
};

const commitsOf = (text: string): string => text.replace(/\(([0-9a-f]{12})\)/g, '(<commit>)');

function validateSarif(text: string): { runs: { results: { ruleId: string; level: string }[] }[] } {
  const log = JSON.parse(text) as { runs: { results: { ruleId: string; level: string }[] }[] };
  const schema = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats.default(ajv);
  const validate = ajv.compile(schema);
  expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
  return log;
}

describe('the GitHub Action on a pull request', () => {
  test('annotations, job summary, SARIF file and outputs; fails on the error (golden)', () => {
    const pr = remote(PULL_REQUEST);
    const workspace = checkout(pr);
    const env = pullRequestEnv(workspace, pr);
    const result = action(workspace, env, { 'sarif-file': 'results/scs-standards.sarif' });

    expect(result.steps.map((step) => [step.name, step.code])).toEqual([
      ['Install scs-standards', 0],
      ['Check the standards', 1],
    ]);
    expect(result.steps[0]?.stdout).toBe('scs-standards is built already\n');
    expect(result.code).toBe(1);
    const { stdout, stderr } = check(result);
    expect(stderr).toBe('');
    golden('pull-request-annotations.txt', stdout);
    // The same findings as the command line's against the same base, where the change is.
    const cli = run(process.execPath, [CLI, 'lint', '--base', 'origin/main', '--format', 'github', '--quiet-untouched'], workspace);
    expect(stdout).toBe(cli.stdout);
    expect(stdout).not.toContain('volume-backups');
    expect(stdout).toContain('title=lifecycle-number-unchanged');
    expect(stdout).toContain('title=lifecycle-stable-body-edit');
    expect(stdout).not.toContain('entropy.md');

    // The job summary is the review report of the change: the other pull request is not in it.
    golden('pull-request-summary.md', commitsOf(result.summary));
    const review = run(process.execPath, [CLI, 'review', '--base', 'origin/main'], workspace);
    expect(result.summary).toBe(`${review.stdout}\n`);
    expect(result.summary).toContain('scs-0101-v1: Draft -> Stable, stabilized_at 2026-12-01');
    expect(result.summary).not.toContain('volume-types');

    const log = validateSarif(readFileSync(join(workspace, 'results', 'scs-standards.sarif'), 'utf8'));
    expect(log.runs[0]?.results.map((entry) => `${entry.level} ${entry.ruleId}`)).toEqual(['warning lifecycle-stable-body-edit', 'error lifecycle-number-unchanged']);

    expect(result.outputs).toEqual({ base: 'origin/main', errors: '1', warnings: '1', 'sarif-file': 'results/scs-standards.sarif', index: '' });
    // Nothing is left behind in the workspace but the SARIF file.
    expect(git(workspace, 'status', '--porcelain', '--untracked-files=all')).toBe('?? results/scs-standards.sarif\n');
  });

  test('a clean pull request passes without annotations; the summary still reports the change', () => {
    const pr = remote({ [ENTROPY]: standard({ title: 'Entropy', status: 'Stable', stabilized_at: '2026-12-01' }, 'entropy') });
    const workspace = checkout(pr);
    const result = action(workspace, pullRequestEnv(workspace, pr));
    expect(result.code).toBe(0);
    expect(check(result)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(result.summary).toContain('## Standards review');
    expect(result.summary).toContain('scs-0101-v1: Draft -> Stable, stabilized_at 2026-12-01');
    expect(result.outputs).toEqual({ base: 'origin/main', errors: '0', warnings: '0', 'sarif-file': '', index: '' });
  });

  test('`summary: false` leaves the job summary alone; `max-warnings: 0` fails on the warning', () => {
    const pr = remote({ [FLAVOR]: standard({ status: 'Stable', stabilized_at: '2024-01-01' }, 'flavor names') });
    const workspace = checkout(pr);
    const result = action(workspace, pullRequestEnv(workspace, pr), { summary: 'false', 'max-warnings': '0' });
    expect(result.code).toBe(1);
    const { stdout, stderr } = check(result);
    expect(stdout).toMatch(/^::warning file=Standards\/scs-0100-v1-flavor-naming\.md,.*title=lifecycle-stable-body-edit::/);
    expect(stderr).toBe('scs-standards lint: 1 warnings, more than --max-warnings 0\n');
    expect(result.summary).toBe('');
  });

  test('a shallow clone fails with a message that asks for `fetch-depth: 0` (golden)', () => {
    const pr = remote(PULL_REQUEST);
    const workspace = checkout(pr, 1);
    const result = action(workspace, pullRequestEnv(workspace, pr));
    expect(result.code).toBe(2);
    const { stdout, stderr } = check(result);
    expect(stdout).toMatch(/^::error title=scs-standards::.*fetch-depth: 0/);
    expect(stderr).toContain('fetch-depth: 0');
    golden('shallow.txt', `${stdout}\n--- job summary ---\n${result.summary}`);
    expect(result.outputs.base).toBe('main');
  });

  test('more annotations than GitHub shows: a notice says so', () => {
    const change: Record<string, string | null> = {};
    for (let number = 120; number < 132; number++) change[`${S}scs-0${number}-v1-topic-${number}.md`] = standard({ title: `Topic ${number}`, track: 'KaaS' }, `topic ${number}`);
    const pr = remote(change);
    const workspace = checkout(pr);
    const { stdout } = check(action(workspace, pullRequestEnv(workspace, pr), { summary: 'false' }));
    const last = stdout.trimEnd().split('\n').at(-1) ?? '';
    expect(last).toMatch(/^::notice title=scs-standards::\d+ errors and \d+ warnings: GitHub shows at most 10 errors and 10 warnings of a step as annotations; the log of this step lists all of them$/);
    const errors = stdout.split('\n').filter((line) => line.startsWith('::error ')).length;
    expect(errors).toBeGreaterThan(10);
    expect(last).toContain(`::${errors} errors`);
  });
});

describe('the GitHub Action on other events', () => {
  test('in a merge queue, the base is the commit the queue builds on (from the event payload)', () => {
    const pr = remote(PULL_REQUEST);
    const workspace = checkout(pr);
    const payload = { action: 'checks_requested', merge_group: { head_sha: pr.merge, head_ref: 'refs/heads/gh-readonly-queue/main/pr-7', base_sha: pr.base, base_ref: 'refs/heads/main' } };
    const result = action(workspace, githubEnv(workspace, 'merge_group', payload, { GITHUB_REF: 'refs/heads/gh-readonly-queue/main/pr-7' }));
    expect(result.code).toBe(1);
    expect(check(result).stdout).toBe(readFileSync(join(GOLDEN, 'pull-request-annotations.txt'), 'utf8'));
    expect(result.outputs.base).toBe(pr.base);
  });

  test('a merge queue payload without its base is a failure that says so', () => {
    const pr = remote(PULL_REQUEST);
    const workspace = checkout(pr);
    const result = action(workspace, githubEnv(workspace, 'merge_group', { merge_group: { head_sha: pr.merge } }));
    expect(result.code).toBe(2);
    expect(check(result).stdout).toMatch(/^::error title=scs-standards::scs-standards: The event payload .*event\.json has no `merge_group\.base_sha`: the base of the merge queue is unknown\n$/);
  });

  test('on a push there is no base: the document rules run and the summary says why the rest did not (golden)', () => {
    const pr = remote({ [`${S}scs-0210-v1-k8s.md`]: standard({ title: 'Kubernetes' }, 'kubernetes') });
    const workspace = checkout(pr);
    const result = action(workspace, githubEnv(workspace, 'push', { ref: 'refs/heads/main', before: pr.base, after: pr.merge }, { GITHUB_REF: 'refs/heads/main' }));
    expect(result.code).toBe(1);
    // Without a base every document is reported alike: the untouched document's warning too.
    expect(check(result).stdout).toMatch(/^::warning file=Standards\/scs-0103-v1-volume-backups\.md,.*title=sections-recommended::.*\n::error file=Standards\/scs-0210-v1-k8s\.md,line=\d+,.*title=track-matches-number::/);
    golden('push-summary.md', result.summary);
    expect(result.outputs).toMatchObject({ base: '', errors: '1', warnings: '1' });
  });

  test('on a push, the `base` input compares with the ref it names', () => {
    const pr = remote(PULL_REQUEST);
    const workspace = checkout(pr);
    const env = githubEnv(workspace, 'push', { ref: 'refs/heads/main', before: pr.base, after: pr.merge });
    const result = action(workspace, env, { base: pr.base, summary: 'false' });
    expect(result.code).toBe(1);
    expect(check(result).stdout).toBe(readFileSync(join(GOLDEN, 'pull-request-annotations.txt'), 'utf8'));
    expect(result.outputs.base).toBe(pr.base);
  });

  test('an adopted repository: the suppressions file at its location is read; a pull request never fails for unused counts, a push passes with `pass-on-unpruned-suppressions`', () => {
    // The baseline holds a count that no error uses any more (its error was fixed in the pull request).
    const counts = `${JSON.stringify({ [ENTROPY]: { 'track-matches-number': { count: 1 } } })}\n`;
    const pr = remote({ 'ci-suppressions.json': counts, [ENTROPY]: standard({ title: 'Entropy', status: 'Stable', stabilized_at: '2026-12-01' }, 'entropy') });
    const workspace = checkout(pr);
    const location = { 'suppressions-location': 'ci-suppressions.json', summary: 'false' };
    const pull = action(workspace, pullRequestEnv(workspace, pr), location);
    expect(check(pull)).toEqual({ code: 0, stdout: '', stderr: '' });

    const push = githubEnv(workspace, 'push', { ref: 'refs/heads/main', before: pr.base, after: pr.merge }, { GITHUB_REF: 'refs/heads/main' });
    const strict = action(workspace, push, location);
    expect(strict.code).toBe(2);
    expect(check(strict).stdout).toContain('::error title=scs-standards::scs-standards lint: ci-suppressions.json has 1 unused count');
    expect(action(workspace, push, { ...location, 'pass-on-unpruned-suppressions': 'true' }).code).toBe(0);
    // Without the input, the default file (which does not exist) is read: nothing is suppressed or unused.
    expect(action(workspace, push, { summary: 'false' }).code).toBe(0);
    expect(action(workspace, push, { ...location, 'pass-on-unpruned-suppressions': 'yes' }).code).toBe(2);
  });

  test.each([
    [{ summary: 'maybe' }, '::error title=scs-standards::scs-standards: Input `summary` must be true or false, got `maybe`\n'],
    [{ base: '--output=x' }, '::error title=scs-standards::scs-standards lint: Refusing base ref `--output=x`: a ref cannot start with `-`\n'],
    [{ base: 'no-such-branch' }, '::error title=scs-standards::scs-standards lint: Unknown base `no-such-branch`: no commit has that name (check the branch name, or fetch it first)\n'],
    [{ 'max-warnings': 'many' }, '::error title=scs-standards::scs-standards lint: --max-warnings expects a whole number, got `many`\n'],
    [{ config: 'missing.json' }, /^::error title=scs-standards::scs-standards lint: .*missing\.json/],
    [{ 'sarif-file': 'Standards/scs-0101-v1-entropy.md/out.sarif' }, /^(::(error|warning) file=.*\n)*::error title=scs-standards::scs-standards: cannot write the SARIF file Standards\/scs-0101-v1-entropy\.md\/out\.sarif: E[A-Z]+: /],
  ])('bad input %j: exit 2 with an error annotation', (inputs, message) => {
    const pr = remote(PULL_REQUEST);
    const workspace = checkout(pr);
    const result = action(workspace, pullRequestEnv(workspace, pr), { summary: 'false', ...inputs });
    expect(result.code).toBe(2);
    const { stdout } = check(result);
    if (typeof message === 'string') expect(stdout).toBe(message);
    else expect(stdout).toMatch(message);
  });
});

describe('the version index check (`index-out`)', () => {
  /** A pull request whose documents carry dates in the past only, so that the index is the same on every day. */
  function indexed(): { workspace: string; pr: Remote } {
    const pr = remote({ [ENTROPY]: standard({ title: 'Entropy', status: 'Stable', stabilized_at: '2025-03-01' }, 'entropy') });
    const workspace = checkout(pr);
    return { workspace, pr };
  }

  test('an index that is up to date passes; the summary says so', () => {
    const { workspace, pr } = indexed();
    expect(run(process.execPath, [CLI, 'index', '--out', 'docs/index'], workspace).code).toBe(0);
    const result = action(workspace, pullRequestEnv(workspace, pr), { 'index-out': 'docs/index' });
    expect(result.code).toBe(0);
    expect(check(result).stdout).toBe('');
    expect(result.summary).toMatch(/\n### Version index\n\n`docs\/index` is up to date\.\n\n$/);
    expect(result.outputs.index).toBe('up-to-date');
  });

  test('an index that fell behind fails, with the diff in a group and commands stopped around it (golden)', () => {
    const { workspace, pr } = indexed();
    const before = join(workspace, 'Standards', 'scs-0101-v1-entropy.md');
    const stabilized = readFileSync(before, 'utf8');
    writeFileSync(before, standard({ title: 'Entropy' }, 'entropy'));
    expect(run(process.execPath, [CLI, 'index', '--out', 'docs/index'], workspace).code).toBe(0);
    writeFileSync(before, stabilized);
    const diff = run(process.execPath, [CLI, 'index', '--out', 'docs/index', '--check'], workspace);
    expect(diff.code).toBe(1);

    const result = action(workspace, pullRequestEnv(workspace, pr), { 'index-out': 'docs/index' });
    expect(result.code).toBe(1);
    const { stdout } = check(result);
    const token = /::stop-commands::(scs-standards-[0-9a-f]{24})\n/.exec(stdout)?.[1] ?? '';
    expect(token).not.toBe('');
    expect(stdout).toBe(
      `::group::Version index differences\n::stop-commands::${token}\n${diff.stdout}::${token}::\n::endgroup::\n` +
        '::error title=scs-standards index::The version index in docs/index is out of date: run `scs-standards index --out docs/index` and commit the result\n',
    );
    golden('index-out-of-date-summary.md', commitsOf(result.summary));
    expect(result.outputs.index).toBe('out-of-date');
  });
});

describe('action.yml', () => {
  const file = parse(readFileSync(join(PACKAGE_ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { description: string; default: string }>;
    outputs: Record<string, { description: string; value: string }>;
    runs: { using: string; steps: { env?: Record<string, string>; run: string }[] };
  };

  test('is a composite action; each input reaches the entry as INPUT_<NAME>, never inside a script', () => {
    expect(file.runs.using).toBe('composite');
    const env = file.runs.steps[1]?.env ?? {};
    expect(env).toEqual(Object.fromEntries(Object.keys(file.inputs).map((name) => [`INPUT_${name.toUpperCase()}`, `\${{ inputs.${name} }}`])));
    for (const step of file.runs.steps) expect(step.run).not.toContain('${{');
  });

  test('the README documents every input and output', () => {
    const readme = readFileSync(join(PACKAGE_ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### GitHub Action'), readme.indexOf('\n### ', readme.indexOf('### GitHub Action') + 1));
    const rows = [...section.matchAll(/^\| `([a-z-]+)` \|/gm)].map((match) => match[1]);
    expect(rows).toEqual([...Object.keys(file.inputs), ...Object.keys(file.outputs)]);
  });

  test('outputs are written in the delimited form, which takes any text', () => {
    const path = join(tempFolder('scs-standards-output-'), 'output');
    writeFileSync(path, 'earlier=step\n');
    setOutput({ GITHUB_OUTPUT: path }, 'file', 'a=b\nscs_standards_x\n');
    setOutput({ GITHUB_OUTPUT: path }, 'empty', '');
    setOutput({}, 'nowhere', 'ignored');
    expect(parseOutputFile(readFileSync(path, 'utf8'))).toEqual({ earlier: 'step', file: 'a=b\nscs_standards_x\n', empty: '' });
  });
});

describe('used from a checkout of the action (no node_modules, no dist)', () => {
  test('the install step builds it once, then the check runs', { timeout: 300_000 }, () => {
    const copy = tempFolder('scs-standards-action-');
    cpSync(PACKAGE_ROOT, copy, { recursive: true, filter: (path) => !/\/(node_modules|dist|\.git|test|coverage|test-output)$/.test(path) });
    expect(existsSync(join(copy, 'dist'))).toBe(false);
    const pr = remote(PULL_REQUEST);
    const workspace = checkout(pr);
    // The npm cache of this machine serves the packages, as the registry would.
    const env = { ...pullRequestEnv(workspace, pr), npm_config_prefer_offline: 'true' };
    const first = action(workspace, env, { summary: 'false' }, copy);
    expect(first.steps[0]?.code, first.steps[0]?.stderr).toBe(0);
    expect(existsSync(join(copy, 'dist', 'action.js'))).toBe(true);
    expect(check(first).stdout).toBe(readFileSync(join(GOLDEN, 'pull-request-annotations.txt'), 'utf8'));
    expect(first.code).toBe(1);
    // A second use in the same job finds it built.
    const second = action(workspace, env, { summary: 'false' }, copy);
    expect(second.steps[0]?.stdout).toBe('scs-standards is built already\n');
  });
});

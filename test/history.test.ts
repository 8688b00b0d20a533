import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Git, parseRawLog } from '../tools/lifecycle/git.js';
import { DEFAULT_HISTORY_CACHE_FILE, historyOf, readHistoryLog } from '../tools/history/load.js';
import { pullRequestOf, type DocumentHistory, type History } from '../tools/history/model.js';
import { defaultProcess, processFor } from '../tools/profile/process.js';
import { jsonEvent } from '../tools/history/render.js';
import historySchema from '../schemas/history.schema.json' with { type: 'json' };
import indexSchema from '../schemas/index.schema.json' with { type: 'json' };
import { runMain } from './helpers/cli.js';
import { standard, supplement } from './helpers/documents.js';
import { git, writeFiles } from './helpers/git.js';
import { buildHistoryRepo, commitAt, lintWithHistory, mergeAt, newRepo, removeRepo } from './helpers/history.js';
import { rulesById } from '../tools/rules/index.js';

const S = 'Standards';

/**
 * One repository with a long life: a proposal accepted (renumbered by `git mv`), stabilized in
 * a merged pull request, given a supplement, a slug changed by deletion and addition in one
 * commit, a new major version that deprecates the old one, a document deleted and restored with
 * the same content, and one deleted for good.
 */
let root: string;
let commits: Record<string, string>;

beforeAll(() => {
  root = newRepo();
  writeFileSync(join(root, '.scs-standards.json'), '{}\n');
  commits = {};
  writeFiles(root, { [`${S}/scs-xxxx-v1-flavor-naming.md`]: standard({}) });
  commits.propose = commitAt(root, '2024-01-10', 'Propose flavor naming (#10)');
  git(root, 'mv', `${S}/scs-xxxx-v1-flavor-naming.md`, `${S}/scs-0100-v1-flavor-naming.md`);
  writeFiles(root, { 'README.md': 'not a document\n' });
  commits.accept = commitAt(root, '2024-01-20', 'Accept flavor naming (#11)');
  // A pull request merged with a merge commit: its two commits become one event on the merge.
  git(root, 'switch', '--quiet', '-c', 'stabilize');
  writeFiles(root, { [`${S}/scs-0100-v1-flavor-naming.md`]: standard({ status: 'Stable', stabilized_at: '2024-02-01' }) });
  commitAt(root, '2024-01-25', 'Stabilize');
  writeFiles(root, { [`${S}/scs-0100-v1-flavor-naming.md`]: standard({ status: 'Draft' }) });
  commitAt(root, '2024-01-26', 'Oops, back to Draft');
  writeFiles(root, { [`${S}/scs-0100-v1-flavor-naming.md`]: standard({ status: 'Stable', stabilized_at: '2024-02-01' }) });
  commitAt(root, '2024-01-27', 'Stabilize again');
  git(root, 'switch', '--quiet', 'main');
  commits.merge = mergeAt(root, '2024-02-01', 'stabilize', 'Merge pull request #12 from someone/stabilize');
  writeFiles(root, {
    [`${S}/scs-0100-w1-flavor-naming-notes.md`]: supplement({ supplements: ['scs-0100-v1-flavor-naming.md'] }),
    [`${S}/scs-0101-v1-entropy.md`]: standard({ title: 'Entropy' }, 'entropy'),
    [`${S}/scs-0102-v1-images.md`]: standard({ title: 'Images' }, 'images'),
  });
  commits.supplement = commitAt(root, '2024-03-01', 'Add notes, entropy and images');
  // A new slug with a rewritten text: git sees no rename, the number and version pair them.
  rmSync(join(root, S, 'scs-0101-v1-entropy.md'));
  writeFiles(root, { [`${S}/scs-0101-v1-randomness.md`]: standard({ title: 'Randomness' }, 'randomness of a completely different kind, rewritten from the first line to the last one') });
  commits.slug = commitAt(root, '2024-03-10', 'Rename entropy to randomness');
  writeFiles(root, {
    [`${S}/scs-0100-v2-flavor-naming.md`]: standard({ replaces: 'scs-0100-v1-flavor-naming.md' }, 'flavor naming, version two'),
    [`${S}/scs-0100-v1-flavor-naming.md`]: standard({ status: 'Deprecated', stabilized_at: '2024-02-01', deprecated_at: '2024-06-01' }),
  });
  commits.bump = commitAt(root, '2024-04-01', 'Deprecate v1 in favour of v2 (#14)');
  const images = readFileSync(join(root, S, 'scs-0102-v1-images.md'));
  rmSync(join(root, S, 'scs-0102-v1-images.md'));
  commits.delete = commitAt(root, '2024-05-01', 'Remove images by mistake');
  writeFiles(root, { [`${S}/scs-0102-v1-images.md`]: images });
  commits.restore = commitAt(root, '2024-05-02', 'Restore images');
  rmSync(join(root, S, 'scs-0101-v1-randomness.md'));
  commits.gone = commitAt(root, '2024-06-01', 'Drop randomness');
});

afterAll(() => removeRepo(root));

async function history(cacheFile?: string): Promise<History> {
  const repo = await Git.open(root);
  const log = await readHistoryLog(repo, { head: await repo.resolveCommit('HEAD', 'head'), cacheFile, tool: 'test', process: defaultProcess() });
  return historyOf(log, S, defaultProcess());
}

function lines(doc: DocumentHistory | undefined): string[] {
  return (doc?.events ?? []).map((event) => {
    const json = jsonEvent(event);
    const { kind, commit, date, subject, pull_request, path, ...rest } = json;
    const sha = Object.entries(commits).find(([, hash]) => hash === commit)?.[0] ?? commit;
    return `${date.slice(0, 10)} ${sha} ${pull_request ?? '-'} ${kind} ${path} ${JSON.stringify(rest)}`;
  });
}

describe('history of a folder', () => {
  test('follows a proposal through its acceptance, a merged pull request, a supplement and a deprecation', async () => {
    const { documents } = await history();
    const v1 = documents.find((doc) => doc.path === `${S}/scs-0100-v1-flavor-naming.md`);
    expect(v1?.paths).toEqual([`${S}/scs-xxxx-v1-flavor-naming.md`, `${S}/scs-0100-v1-flavor-naming.md`]);
    expect(lines(v1)).toEqual([
      `2024-01-10 propose 10 added ${S}/scs-xxxx-v1-flavor-naming.md {"status":"Draft","from":null}`,
      `2024-01-20 accept 11 renamed ${S}/scs-0100-v1-flavor-naming.md {"from":"${S}/scs-xxxx-v1-flavor-naming.md","renumbered":true}`,
      // first parent: the branch's back and forth is not on the main line
      `2024-02-01 merge 12 status ${S}/scs-0100-v1-flavor-naming.md {"from":"Draft","to":"Stable"}`,
      `2024-03-01 supplement - supplemented ${S}/scs-0100-v1-flavor-naming.md {"supplement":"${S}/scs-0100-w1-flavor-naming-notes.md"}`,
      `2024-04-01 bump 14 status ${S}/scs-0100-v1-flavor-naming.md {"from":"Stable","to":"Deprecated"}`,
    ]);
    expect(v1?.exists).toBe(true);
  });

  test('pairs a deletion and an addition of the same number and version as a rename, and reports a deletion', async () => {
    const { documents } = await history();
    const randomness = documents.find((doc) => doc.path === `${S}/scs-0101-v1-randomness.md`);
    expect(lines(randomness)).toEqual([
      `2024-03-01 supplement - added ${S}/scs-0101-v1-entropy.md {"status":"Draft","from":null}`,
      `2024-03-10 slug - renamed ${S}/scs-0101-v1-randomness.md {"from":"${S}/scs-0101-v1-entropy.md","renumbered":false}`,
      `2024-06-01 gone - deleted ${S}/scs-0101-v1-randomness.md {"status":"Draft","to":null}`,
    ]);
    expect(randomness?.exists).toBe(false);
  });

  test('a document added again with the content it had when it was deleted is restored, not new', async () => {
    const { documents } = await history();
    const images = documents.filter((doc) => doc.paths.includes(`${S}/scs-0102-v1-images.md`));
    expect(images).toHaveLength(1);
    expect(lines(images[0])).toEqual([
      `2024-03-01 supplement - added ${S}/scs-0102-v1-images.md {"status":"Draft","from":null}`,
      `2024-05-01 delete - deleted ${S}/scs-0102-v1-images.md {"status":"Draft","to":null}`,
      `2024-05-02 restore - restored ${S}/scs-0102-v1-images.md {"from":"${S}/scs-0102-v1-images.md"}`,
    ]);
    expect(images[0]?.exists).toBe(true);
  });

  test('files outside the folder and other files are not documents of it', async () => {
    const { documents, commits: count } = await history();
    expect(documents.map((doc) => doc.path)).toEqual([
      `${S}/scs-0100-v1-flavor-naming.md`,
      `${S}/scs-0100-v2-flavor-naming.md`,
      `${S}/scs-0100-w1-flavor-naming-notes.md`,
      `${S}/scs-0101-v1-randomness.md`,
      `${S}/scs-0102-v1-images.md`,
    ]);
    expect(count).toBe(Object.keys(commits).length);
  });

  test('the cache gives the same history, and is extended from its head when commits follow', async () => {
    const cacheFile = join(root, DEFAULT_HISTORY_CACHE_FILE);
    rmSync(cacheFile, { force: true });
    const fresh = await history();
    expect(await history(cacheFile)).toEqual(fresh);
    expect(existsSync(cacheFile)).toBe(true);
    const repo = await Git.open(root);
    const head = await repo.resolveCommit('HEAD', 'head');
    const cached = await readHistoryLog(repo, { head, cacheFile, tool: 'test', process: defaultProcess() });
    expect(cached.source).toBe('cached');
    // A later commit on top: only it is read.
    writeFiles(root, { [`${S}/scs-0100-v2-flavor-naming.md`]: standard({ status: 'Stable', stabilized_at: '2024-07-01', replaces: 'scs-0100-v1-flavor-naming.md' }, 'flavor naming, version two') });
    const next = commitAt(root, '2024-07-01', 'Stabilize v2 (#15)');
    const extended = await readHistoryLog(repo, { head: next, cacheFile, tool: 'test', process: defaultProcess() });
    expect(extended.source).toBe('extended');
    const full = await readHistoryLog(repo, { head: next, tool: 'test', process: defaultProcess() });
    expect(historyOf(extended, S, defaultProcess())).toEqual(historyOf(full, S, defaultProcess()));
    // Nor does another profile: its documents and lifecycle fields may be others.
    expect((await readHistoryLog(repo, { head: next, cacheFile, tool: 'test', process: processFor('eip') })).source).toBe('read');
    expect((await readHistoryLog(repo, { head: next, cacheFile, tool: 'test', process: processFor('eip') })).source).toBe('cached');
    // Another tool version does not trust the cache.
    expect((await readHistoryLog(repo, { head: next, cacheFile, tool: 'other', process: defaultProcess() })).source).toBe('read');
    // Back to the head before: the cached head (of tool `other` now) is no ancestor of it any more.
    git(root, 'reset', '--quiet', '--hard', 'HEAD~1');
    expect((await readHistoryLog(repo, { head, cacheFile, tool: 'other', process: defaultProcess() })).source).toBe('read');
    rmSync(cacheFile, { force: true });
  });
});

describe('history command', () => {
  test('--format json is valid against schemas/history.schema.json and names documents by old ids too', async () => {
    const result = await runMain(['history', '--format', 'json', 'scs-xxxx-v1'], root);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const data: unknown = JSON.parse(result.stdout);
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(historySchema);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    const documents = (data as { documents: { path: string }[] }).documents;
    expect(documents.map((doc) => doc.path)).toEqual([`${S}/scs-0100-v1-flavor-naming.md`]);
  });

  test('the whole history is valid against the schema', async () => {
    const result = await runMain(['history', '--format', 'json'], root);
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats.default(ajv);
    expect(ajv.validate(historySchema, JSON.parse(result.stdout)), JSON.stringify(ajv.errors)).toBe(true);
  });

  test('--since and --until keep the events of commits in the window, as git reads the dates', async () => {
    const result = await runMain(['history', '--since', '2024-04-01T00:00:00Z', '--until', '2024-05-01T23:00:00Z'], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Deprecate v1 in favour of v2 (#14)');
    expect(result.stdout).toContain('Remove images by mistake');
    expect(result.stdout).not.toContain('Restore images');
    expect(result.stdout).not.toContain('Propose flavor naming');
    expect(result.stdout).not.toContain('randomness.md');
  });

  test('a --since or --until that git would silently read as now, or no calendar date, is a usage error', async () => {
    for (const date of ['not a date', 'xyz', '2024-13-45', '2024-02-30']) {
      const result = await runMain(['history', '--since', date], root);
      expect(result.code, date).toBe(2);
      expect(result.stderr, date).toContain(`\`${date}\``);
      expect(result.stdout, date).toBe('');
    }
    for (const date of ['now', '2 weeks ago', 'yesterday', '2024-04-01']) expect((await runMain(['history', '--until', date], root)).code, date).toBe(0);
  });

  test('the text table shows each event with date, commit, pull request and subject', async () => {
    const result = await runMain(['history', `${S}/scs-0100-v1-flavor-naming.md`], root);
    expect(result.code).toBe(0);
    const short = (commits.merge ?? '').slice(0, 8);
    expect(result.stdout).toContain(`Standards/scs-0100-v1-flavor-naming.md  (scs-0100-v1)\n`);
    expect(result.stdout).toMatch(new RegExp(`2024-02-01  ${short}  #12  status +Draft -> Stable +Merge pull request #12 from someone/stabilize\n`));
  });

  test('a shallow clone is refused: its history is incomplete', async () => {
    const shallow = join(newRepo(), 'clone');
    try {
      git(root, 'clone', '--quiet', '--depth', '1', `file://${root}`, shallow);
      const result = await runMain(['history'], shallow);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('shallow clone: fetch the whole history');
      expect((await runMain(['lint', '--history'], shallow)).code).toBe(2);
    } finally {
      removeRepo(join(shallow, '..'));
    }
  });

  test('an unknown document, a bad format and a folder outside git are usage errors', async () => {
    expect((await runMain(['history', 'scs-0999-v1'], root)).code).toBe(2);
    expect((await runMain(['history', '--format', 'xml'], root)).code).toBe(2);
    const outside = newRepo();
    try {
      rmSync(join(outside, '.git'), { recursive: true, force: true });
      const result = await runMain(['history'], outside);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('Not a git repository');
    } finally {
      removeRepo(outside);
    }
  });
});

describe('log parsing and pull requests', () => {
  test('subjects and paths with separators and control characters stay in their fields', () => {
    const output = '\u0001aaa\u0000\u00002024-01-01T00:00:00+00:00\u0000a :subject \u0001x\u0000\n:000000 100644 0000 bbbb A\u0000Standards/:odd\nname.md\u0000';
    const [commit] = parseRawLog(output);
    expect(commit?.subject).toBe('a :subject \u0001x');
    expect(commit?.changes).toEqual([{ status: 'A', path: 'Standards/:odd\nname.md', from: undefined, oldOid: '', oid: 'bbbb', mode: '100644' }]);
  });

  test.each([
    ['Stabilize scs-0100 (#123)', 123],
    ['Merge pull request #45 from a/b', 45],
    ['Fix (#1) and more (#2)', 2],
    ['No number here', undefined],
    ['Issue #7 mentioned', undefined],
  ])('%s names pull request %s', (subject, number) => {
    expect(pullRequestOf(subject)).toBe(number);
  });
});

describe('lint --history', () => {
  const FIXTURE = join(import.meta.dirname, 'fixtures', 'rules', 'history-dates-match-commits', 'not-ok-backdated');
  const DELETED = join(import.meta.dirname, 'fixtures', 'rules', 'history-stable-not-deleted', 'not-ok-deleted');

  test('runs the history rules with --history or `history: true`, and not without', async () => {
    const repo = buildHistoryRepo(FIXTURE);
    try {
      const plain = await runMain(['lint', '--format', 'json', '--rule', 'history-dates-match-commits', '.'], repo);
      expect(JSON.parse(plain.stdout).flatMap((file: { messages: unknown[] }) => file.messages)).toEqual([]);
      const flagged = await runMain(['lint', '--history', '--rule', 'history-dates-match-commits', '.'], repo);
      expect(flagged.code).toBe(0);
      expect(flagged.stdout).toContain('lies 138 days before commit');
      writeFileSync(join(repo, '.scs-standards.json'), '{ "history": true, "rules": { "history-dates-match-commits": ["error", { "days": 140 }] } }\n');
      const configured = await runMain(['lint', '--rule', 'history-dates-match-commits', '.'], repo);
      expect(configured.code).toBe(1);
      expect(configured.stdout).not.toContain('138 days');
      expect(configured.stdout).toContain('lies 153 days before commit');
      expect(configured.stdout).toContain('expected at most 140 days before');
      const withBase = await runMain(['lint', '--history', '--base', 'HEAD~1', '.'], repo);
      expect(withBase.code).toBe(2);
      expect(withBase.stderr).toContain('--history cannot be combined with --base');
    } finally {
      removeRepo(repo);
    }
  });

  test('deleted documents are reported when the folder is linted, not when one file is', async () => {
    const repo = buildHistoryRepo(DELETED);
    try {
      const rule = rulesById.get('history-stable-not-deleted');
      if (!rule) throw new Error('rule missing');
      const whole = await lintWithHistory(repo, [rule]);
      // Both deleted documents are checked, on their old paths; the one that was Stable is reported.
      expect(whole.map((result) => result.relPath)).toEqual(['scs-0100-v1-flavor-naming.md', 'scs-0101-v1-entropy.md', 'scs-0102-v1-image-metadata.md']);
      expect(whole.filter((result) => result.messages.length > 0).map((result) => result.relPath)).toEqual(['scs-0100-v1-flavor-naming.md']);
      const one = await lintWithHistory(repo, [rule], {}, ['scs-0102-v1-image-metadata.md']);
      expect(one.map((result) => result.relPath)).toEqual(['scs-0102-v1-image-metadata.md']);
    } finally {
      removeRepo(repo);
    }
  });
});

describe('index --history', () => {
  test("the JSON index gives each version its events with commit links, valid against schemas/index.schema.json", async () => {
    const result = await runMain(['index', '--history', '--format', 'json', '--today', '2024-12-01'], root);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout) as { standards: { number: string; versions: { id: string; history: { kind: string; url: string; date: string; to?: string }[] }[] }[] };
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    expect(ajv.validate(indexSchema, data), JSON.stringify(ajv.errors)).toBe(true);
    const v1 = data.standards.find((standard) => standard.number === '0100')?.versions.find((version) => version.id === 'scs-0100-v1');
    const stabilized = v1?.history.find((event) => event.kind === 'status' && event.to === 'Stable');
    expect(stabilized?.date.slice(0, 10)).toBe('2024-02-01');
    expect(stabilized?.url).toBe(`https://github.com/SovereignCloudStack/standards/commit/${commits.merge}`);
    // Without --history, the index is as before: no history key.
    const plain = await runMain(['index', '--format', 'json', '--today', '2024-12-01'], root);
    expect(plain.stdout).not.toContain('"history"');
  });

  test('the HTML index lists the transitions with links to the configured commit address, escaped', async () => {
    const out = join(root, 'site');
    writeFileSync(join(root, '.scs-standards.json'), '{ "commitUrl": "https://git.example.org/standards/commit/" }\n');
    try {
      const result = await runMain(['index', '--history', '--out', out, '--today', '2024-12-01'], root);
      expect(result.code).toBe(0);
      const html = readFileSync(join(out, 'index.html'), 'utf8');
      expect(html).toContain('<h2>History</h2>');
      expect(html).toContain(`<a href="https://git.example.org/standards/commit/${commits.merge}" title="Merge pull request #12 from someone/stabilize">${(commits.merge ?? '').slice(0, 8)}</a> (#12)</td>`);
      expect(html).toContain('<td><time>2024-02-01</time></td><td>Draft → Stable</td>');
      writeFileSync(join(root, '.scs-standards.json'), '{ "commitUrl": "javascript:alert(1)//" }\n');
      const refused = await runMain(['index', '--history', '--format', 'json'], root);
      expect(refused.code).toBe(2);
    } finally {
      writeFileSync(join(root, '.scs-standards.json'), '{}\n');
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('moves and copies between folders', () => {
  test('a document moved in from another folder under a document name keeps the life it had there', async () => {
    const repo = newRepo();
    try {
      writeFiles(repo, { 'Decisions/scs-0210-v1-version-policy.md': standard({ title: 'Version Policy', track: 'KaaS' }) });
      commitAt(repo, '2023-01-26', 'Add the version policy (#184)');
      writeFiles(repo, { 'Decisions/scs-0210-v1-version-policy.md': standard({ title: 'Version Policy', track: 'KaaS', status: 'Stable', stabilized_at: '2023-02-07' }) });
      commitAt(repo, '2023-02-08', 'Stabilize the version policy (#201)');
      mkdirSync(join(repo, S));
      git(repo, 'mv', 'Decisions/scs-0210-v1-version-policy.md', `${S}/scs-0210-v1-version-policy.md`);
      commitAt(repo, '2023-03-02', 'Move it into the standards folder (#240)');
      const repoGit = await Git.open(repo);
      const log = await readHistoryLog(repoGit, { head: await repoGit.resolveCommit('HEAD', 'head'), tool: 'test', process: defaultProcess() });
      const [doc, ...others] = historyOf(log, S, defaultProcess()).documents;
      expect(others).toEqual([]);
      expect(doc?.exists).toBe(true);
      expect(doc?.events.map((event) => [event.kind, event.path, event.commit.pullRequest])).toEqual([
        ['added', 'Decisions/scs-0210-v1-version-policy.md', 184],
        ['status', 'Decisions/scs-0210-v1-version-policy.md', 201],
        ['renamed', `${S}/scs-0210-v1-version-policy.md`, 240],
      ]);
      // Seen from the old folder, the document moved out: it no longer exists there.
      expect(historyOf(log, 'Decisions', defaultProcess()).documents.map((life) => [life.path, life.exists])).toEqual([[`${S}/scs-0210-v1-version-policy.md`, false]]);
    } finally {
      removeRepo(repo);
    }
  });


  test('a draft under another name renamed into a document is followed back through its renames', async () => {
    const repo = newRepo();
    const body = Array.from({ length: 20 }, (_, line) => `Line ${line} of a draft without front matter about image properties.`).join('\n');
    try {
      writeFiles(repo, { 'Design-Docs/image-spec.md': `# Image properties\n\n${body}\n` });
      commitAt(repo, '2021-07-08', 'Add the image spec draft');
      mkdirSync(join(repo, 'Drafts'));
      git(repo, 'mv', 'Design-Docs/image-spec.md', 'Drafts/image-spec.md');
      commitAt(repo, '2023-02-14', 'Restructure (#206)');
      mkdirSync(join(repo, S));
      git(repo, 'mv', 'Drafts/image-spec.md', `${S}/scs-0102-v1-image-metadata.md`);
      writeFiles(repo, { [`${S}/scs-0102-v1-image-metadata.md`]: `---\ntitle: Image Metadata\ntype: Standard\nstatus: Stable\ntrack: IaaS\nstabilized_at: 2023-05-26\n---\n\n# Image properties\n\n${body}\n` });
      commitAt(repo, '2023-05-26', 'Image metadata is approved: move it (#291)');
      const repoGit = await Git.open(repo);
      const log = await readHistoryLog(repoGit, { head: await repoGit.resolveCommit('HEAD', 'head'), tool: 'test', process: defaultProcess() });
      const [doc] = historyOf(log, S, defaultProcess()).documents;
      expect(lines(doc).map((line) => line.replace(/^(\S+) \S+/, '$1'))).toEqual([
        `2021-07-08 - added Design-Docs/image-spec.md {"status":null,"from":null}`,
        `2023-02-14 206 renamed Drafts/image-spec.md {"from":"Design-Docs/image-spec.md","renumbered":false}`,
        `2023-05-26 291 renamed ${S}/scs-0102-v1-image-metadata.md {"from":"Drafts/image-spec.md","renumbered":false}`,
        `2023-05-26 291 status ${S}/scs-0102-v1-image-metadata.md {"from":null,"to":"Stable"}`,
      ]);
    } finally {
      removeRepo(repo);
    }
  });

  test('a file copied in from another folder is added with where it came from; a copy inside the folder is a new document', async () => {
    const repo = newRepo();
    try {
      const draft = standard({ title: 'Image Metadata' }, 'image metadata, a long text that git can recognize as the same content after small edits');
      writeFiles(repo, { 'Drafts/image-metadata.md': draft });
      commitAt(repo, '2024-01-01', 'Draft image metadata elsewhere');
      writeFiles(repo, {
        'Drafts/image-metadata.md': `${draft}\nMoved to the standards folder.\n`,
        [`${S}/scs-0102-v1-image-metadata.md`]: draft,
      });
      commitAt(repo, '2024-02-01', 'Copy image metadata into the standards (#20)');
      writeFiles(repo, {
        [`${S}/scs-0102-v1-image-metadata.md`]: `${draft}\nA note.\n`,
        [`${S}/scs-0102-v2-image-metadata.md`]: draft.replace('status: Draft', 'status: Draft\nreplaces: scs-0102-v1-image-metadata.md'),
      });
      commitAt(repo, '2024-03-01', 'Start image metadata v2 (#21)');
      const git = await Git.open(repo);
      const log = await readHistoryLog(git, { head: await git.resolveCommit('HEAD', 'head'), tool: 'test', process: defaultProcess() });
      const { documents } = historyOf(log, S, defaultProcess());
      expect(documents.map((doc) => [doc.path, jsonEvent(doc.events[0] as NonNullable<(typeof doc.events)[0]>).from])).toEqual([
        [`${S}/scs-0102-v1-image-metadata.md`, 'Drafts/image-metadata.md'],
        [`${S}/scs-0102-v2-image-metadata.md`, null],
      ]);
    } finally {
      removeRepo(repo);
    }
  });
});

describe('the history of another profile', () => {
  test('follows the documents the profile names and keeps its lifecycle fields; its ids name them', async () => {
    const repo = newRepo();
    const eip = processFor('eip');
    const proposal = (status: string): string =>
      `---\neip: 3001\ntitle: Example fee market\ndescription: A short sentence about the example proposal\nauthor: Ada Example (@ada-example)\ndiscussions-to: https://ethereum-magicians.org/t/example/3001\nstatus: ${status}\ntype: Standards Track\ncategory: Core\ncreated: 2021-03-04\n---\n\n## Abstract\n\nThe example change.\n`;
    try {
      writeFileSync(join(repo, '.scs-standards.json'), '{ "profile": "eip" }\n');
      writeFiles(repo, { 'EIPS/eip-3001.md': proposal('Draft'), 'EIPS/scs-0100-v1-flavor-naming.md': standard({}) });
      commitAt(repo, '2021-03-04', 'Add EIP-3001 (#1)');
      writeFiles(repo, { 'EIPS/eip-3001.md': proposal('Review') });
      commitAt(repo, '2021-04-01', 'Move EIP-3001 to Review (#2)');
      const repoGit = await Git.open(repo);
      const log = await readHistoryLog(repoGit, { head: await repoGit.resolveCommit('HEAD', 'head'), tool: 'test', process: eip });
      const { documents } = historyOf(log, 'EIPS', eip);
      expect(documents.map((doc) => doc.path)).toEqual(['EIPS/eip-3001.md']);
      expect(documents[0]?.events.map((event) => [event.kind, event.commit.pullRequest])).toEqual([
        ['added', 1],
        ['status', 2],
      ]);
      expect(documents[0]?.versions.map((version) => [version.facts.status, version.facts.created])).toEqual([
        ['Draft', '2021-03-04'],
        ['Review', '2021-03-04'],
      ]);
      // The scs profile sees the other file only.
      expect(historyOf(await readHistoryLog(repoGit, { head: await repoGit.resolveCommit('HEAD', 'head'), tool: 'test', process: defaultProcess() }), 'EIPS', defaultProcess()).documents.map((doc) => doc.path)).toEqual([
        'EIPS/scs-0100-v1-flavor-naming.md',
      ]);
      const result = await runMain(['history', '--format', 'json', 'EIPS', 'eip-3001.md'], repo);
      expect(result.code, result.stderr).toBe(0);
      const data = JSON.parse(result.stdout) as { documents: { path: string; id: string | null }[] };
      expect(data.documents.map((doc) => [doc.path, doc.id])).toEqual([['EIPS/eip-3001.md', 'eip-3001']]);
    } finally {
      removeRepo(repo);
    }
  });
});

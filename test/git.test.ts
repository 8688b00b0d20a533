import { renameSync, writeFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { Git, GitProblem } from '../tools/lifecycle/git.js';
import { commitAll, git, makeGitRepo, writeFiles } from './helpers/git.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function repo(files: Record<string, string>): string {
  const made = makeGitRepo(files);
  cleanups.push(made.cleanup);
  return made.root;
}

const NAMES = ['Standards/scs-0100-v1-plain.md', 'Standards/scs-0101-v1-with space.md', 'Standards/scs-0102-v1-grüße-ünïcödé.md', 'Standards/-scs-dash.md', 'Standards/scs-0103-v1-"quoted".md'];

describe('reading a repository', () => {
  test('lists a tree and reads every blob with one batch, whatever the names', async () => {
    const files = Object.fromEntries(NAMES.map((name, index) => [name, `content ${index}\n`]));
    const root = repo(files);
    const gitRepo = await Git.open(join(root, 'Standards'));
    const head = await gitRepo.resolveCommit('HEAD', 'base');
    const entries = await gitRepo.listTree(head, ['Standards']);
    expect(entries.map((entry) => entry.path).sort()).toEqual([...NAMES].sort());
    const blobs = await gitRepo.readBlobs(entries.map((entry) => entry.oid));
    for (const entry of entries) expect(blobs.get(entry.oid)?.toString('utf8')).toBe(files[entry.path]);
  });

  test('a file name starting with `-` is a path, not an option', async () => {
    const root = repo({ '-n': 'dash\n', 'Standards/a.md': 'a\n' });
    const gitRepo = await Git.open(root);
    const head = await gitRepo.resolveCommit('HEAD', 'base');
    expect((await gitRepo.listTree(head, ['-n'])).map((entry) => entry.path)).toEqual(['-n']);
    writeFileSync(join(root, '-n'), 'changed\n');
    renameSync(join(root, 'Standards/a.md'), join(root, 'Standards/b.md'));
    git(root, 'add', '--all', '--', '.');
    expect(await gitRepo.renames(head, undefined, ['-n', 'Standards'])).toEqual([{ from: 'Standards/a.md', to: 'Standards/b.md', copy: false }]);
  });

  test('renames are found between commits and against the work tree, including odd names', async () => {
    const body = 'a document with enough lines\n'.repeat(20);
    const root = repo({ 'Standards/scs-xxxx-v1-topic.md': body, 'Standards/scs-0101-v1-with space.md': body + 'x\n' });
    const base = git(root, 'rev-parse', 'HEAD').trim();
    git(root, 'mv', 'Standards/scs-xxxx-v1-topic.md', 'Standards/scs-0104-v1-topic.md');
    git(root, 'mv', 'Standards/scs-0101-v1-with space.md', 'Standards/scs-0101-v1-ünïcödé name.md');
    const gitRepo = await Git.open(root);
    const expected = [
      { from: 'Standards/scs-0101-v1-with space.md', to: 'Standards/scs-0101-v1-ünïcödé name.md', copy: false },
      { from: 'Standards/scs-xxxx-v1-topic.md', to: 'Standards/scs-0104-v1-topic.md', copy: false },
    ];
    expect(await gitRepo.renames(base, undefined, ['Standards'])).toEqual(expected);
    const head = commitAll(root, 'accept');
    expect(await gitRepo.renames(base, head, ['Standards'])).toEqual(expected);
  });

  test('a detached HEAD works', async () => {
    const root = repo({ 'Standards/a.md': 'a\n' });
    writeFiles(root, { 'Standards/b.md': 'b\n' });
    const second = commitAll(root, 'second');
    git(root, 'checkout', '--quiet', '--detach', second);
    const gitRepo = await Git.open(root);
    const head = await gitRepo.resolveCommit('HEAD', 'head');
    expect(head).toBe(second);
    expect(await gitRepo.mergeBase(await gitRepo.resolveCommit('main~1', 'base'), head, 'main~1')).toBe(git(root, 'rev-parse', 'main~1').trim());
  });
});

describe('bad input is a clear problem', () => {
  test('not a git repository', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'scs-standards-nogit-'));
    cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
    await expect(Git.open(folder)).rejects.toThrow(GitProblem);
    await expect(Git.open(folder)).rejects.toThrow(/Not a git repository/);
  });

  test.each(['--output=/tmp/x', '-n', ''])('the ref %j is refused before git sees it', async (ref) => {
    const gitRepo = await Git.open(repo({ 'a.md': 'a\n' }));
    await expect(gitRepo.resolveCommit(ref, 'base')).rejects.toThrow(ref === '' ? /empty/ : /cannot start with `-`/);
  });

  test('an unknown base', async () => {
    const gitRepo = await Git.open(repo({ 'a.md': 'a\n' }));
    await expect(gitRepo.resolveCommit('no-such-branch', 'base')).rejects.toThrow('Unknown base `no-such-branch`');
  });

  test('a shallow clone that lacks the base asks for the whole history', async () => {
    const origin = repo({ 'a.md': 'a\n' });
    writeFiles(origin, { 'a.md': 'b\n' });
    commitAll(origin, 'second');
    const clone = mkdtempSync(join(tmpdir(), 'scs-standards-shallow-'));
    cleanups.push(() => rmSync(clone, { recursive: true, force: true }));
    git(clone, 'clone', '--quiet', '--depth=1', `file://${origin}`, 'work');
    const gitRepo = await Git.open(join(clone, 'work'));
    expect(await gitRepo.isShallow()).toBe(true);
    await expect(gitRepo.resolveCommit('HEAD~1', 'base')).rejects.toThrow(/shallow.*fetch-depth: 0/);
  });
});

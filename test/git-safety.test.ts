import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { Git, GitProblem } from '../tools/lifecycle/git.js';
import { runBin } from './helpers/cli.js';
import { standard } from './helpers/documents.js';
import { commitAll, git, writeFiles } from './helpers/git.js';

/**
 * Nothing is executed from the repository: a repository whose configuration names programs for
 * every hook and every config-driven command git knows runs none of them when the toolkit's own
 * git calls read it. Each program writes a marker file; the marker must never appear.
 */

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

const S = 'Standards/';
const FLAVOR = `${S}scs-0100-v1-flavor-naming.md`;
const HOOKS = [
  'pre-commit', 'post-commit', 'post-checkout', 'post-merge', 'post-rewrite', 'post-index-change', 'reference-transaction',
  'pre-auto-gc', 'fsmonitor-watchman', 'pre-push', 'commit-msg', 'prepare-commit-msg',
];

interface HostileRepo {
  root: string;
  marker: string;
}

/** A repository whose `.git/config`, `.gitattributes` and hooks all point at marker programs. */
function hostileRepo(files: Record<string, string>): HostileRepo {
  const outside = mkdtempSync(join(tmpdir(), 'scs-standards-hostile-'));
  cleanups.push(() => rmSync(outside, { recursive: true, force: true }));
  const root = join(outside, 'repo');
  mkdirSync(root);
  const marker = join(outside, 'MARKER');
  const program = (name: string, passThrough: boolean, path = join(outside, `${name}.sh`)): string => {
    writeFileSync(path, `#!/bin/sh\necho "${name} $*" >> '${marker}'\n${passThrough ? 'cat\n' : ''}exit 0\n`);
    chmodSync(path, 0o755);
    return path;
  };
  git(root, 'init', '--quiet', '--initial-branch=main');
  writeFiles(root, { '.scs-standards.json': '{}\n', ...files });
  commitAll(root, 'base');
  // Configured only after the first commit, so that the marker shows what the toolkit triggers.
  const hooks = join(outside, 'hooks');
  mkdirSync(hooks);
  for (const hook of HOOKS) program(`hook ${hook}`, false, join(hooks, hook));
  for (const hook of HOOKS) program(`hook ${hook}`, false, join(root, '.git', 'hooks', hook));
  const config: [string, string][] = [
    ['core.hooksPath', hooks],
    ['core.fsmonitor', program('fsmonitor', false)],
    ['core.pager', program('pager', true)],
    ['core.editor', program('editor', false)],
    ['core.askPass', program('askpass', false)],
    ['core.sshCommand', program('ssh', false)],
    ['diff.external', program('diff-external', false)],
    ['diff.x.command', program('diff-command', false)],
    ['diff.x.textconv', program('textconv', true)],
    ['filter.x.clean', program('filter-clean', true)],
    ['filter.x.smudge', program('filter-smudge', true)],
    ['filter.x.required', 'true'],
    ['filter.dotted.name.clean', program('filter-dotted-clean', true)],
    ['filter.p.process', program('filter-process', false)],
    ['gpg.program', program('gpg', false)],
    ['log.showSignature', 'true'],
    ['pager.diff', program('pager-diff', true)],
    ['alias.mv', `!${program('alias-mv', false)}`],
    ['alias.ls-files', `!${program('alias-ls-files', false)}`],
    ['merge.x.driver', program('merge-driver', false)],
    ['uploadpack.packObjectsHook', program('pack-objects-hook', false)],
  ];
  for (const [key, value] of config) git(root, 'config', key, value);
  writeFileSync(join(root, '.gitattributes'), '*.md filter=x diff=x merge=x\n*.yaml filter=dotted.name\n*.json filter=p\n');
  writeFileSync(join(root, '.git', 'info', 'attributes'), '* filter=x diff=x\n');
  return { root, marker };
}

function expectNothingRan(repo: HostileRepo): void {
  expect(existsSync(repo.marker) ? readFileSync(repo.marker, 'utf8') : '').toBe('');
}

describe('nothing is executed from the repository', () => {
  test('lint --base and review, from the work tree and from commits', () => {
    const repo = hostileRepo({ [FLAVOR]: standard({}), 'Tests/scs-compatible-iaas.yaml': 'name: x\n' });
    writeFiles(repo.root, { [FLAVOR]: standard({ status: 'Stable', stabilized_at: '2026-01-01' }), [`${S}scs-0101-v1-more.md`]: standard({ title: 'More' }) });
    git(repo.root, 'add', '--', FLAVOR);
    rmSync(repo.marker, { force: true }); // `git add` in the test itself runs the filter
    for (const args of [
      ['lint', '--base', 'main'],
      ['lint', '--base', 'main', '--format', 'sarif'],
      ['review', '--base', 'main'],
    ]) {
      const result = runBin(args, repo.root);
      expect(result.stderr).toBe('');
      expect([0, 1]).toContain(result.code);
      expectNothingRan(repo);
    }
    git(repo.root, 'add', '--all', '--', '.');
    git(repo.root, 'commit', '--quiet', '--no-verify', '-m', 'head');
    rmSync(repo.marker, { force: true });
    for (const args of [
      ['lint', '--base', 'main~1', '--head', 'main'],
      ['review', '--base', 'main~1', '--head', 'HEAD'],
    ]) {
      const result = runBin(args, repo.root);
      expect(result.stderr).toBe('');
      expectNothingRan(repo);
    }
  });

  test('history, lint --history and index --history (git log and cat-file over every commit)', () => {
    const repo = hostileRepo({ [FLAVOR]: standard({}) });
    writeFiles(repo.root, { [FLAVOR]: standard({ status: 'Stable', stabilized_at: '2026-01-01' }) });
    git(repo.root, 'add', '--all', '--', '.');
    git(repo.root, 'commit', '--quiet', '--no-verify', '-m', 'Stabilize (#2)');
    rmSync(repo.marker, { force: true });
    for (const args of [
      ['history'],
      ['history', '--format', 'json', '--since', '2 weeks ago', '--cache'],
      ['lint', '--history'],
      ['index', '--history', '--format', 'json'],
    ]) {
      const result = runBin(args, repo.root);
      expect(result.stderr, args.join(' ')).toBe('');
      expect(result.code, args.join(' ')).toBe(0);
      expectNothingRan(repo);
    }
  });

  test('the authoring commands (accept renames with git mv)', () => {
    const repo = hostileRepo({ [FLAVOR]: standard({}) });
    const templates = join(import.meta.dirname, '..', 'templates');
    writeFiles(repo.root, Object.fromEntries(['scs-XXXX-vN-standard-template.md', 'scs-XXXX-wN-supplement-template.md'].map((name) => [`templates/${name}`, readFileSync(join(templates, name), 'utf8')])));
    const created = runBin(['new', '--type', 'Standard', '--track', 'IaaS', '--title', 'Secure Boot'], repo.root);
    expect(created.stderr).toBe('');
    git(repo.root, 'add', '--all', '--', '.');
    git(repo.root, 'commit', '--quiet', '--no-verify', '-m', 'proposal');
    rmSync(repo.marker, { force: true });
    for (const args of [
      ['accept', 'xxxx-v1', '--dry-run'],
      ['accept', 'xxxx-v1'],
      ['stabilize', '0100-v1', '--date', '2026-01-01'],
      ['bump', '0100-v1'],
      ['supplement', '0100-v1', '--title', 'Notes'],
    ]) {
      const result = runBin(args, repo.root);
      expect(result.stderr, args.join(' ')).toBe('');
      expect(result.code).toBe(0);
      expectNothingRan(repo);
    }
    // The accepted proposal was renamed in git's index too.
    expect(git(repo.root, 'diff', '--cached', '--name-status', '--no-ext-diff', '--no-textconv')).toMatch(/^R\d*\tStandards\/scs-xxxx-v1-secure-boot\.md\tStandards\/scs-0101-v1-secure-boot\.md$/m);
  });

  test('a filter driver whose name git cannot take as an override is refused, not run', async () => {
    const repo = hostileRepo({ [FLAVOR]: standard({}) });
    git(repo.root, 'config', 'filter.a=b.clean', join(repo.root, '..', 'filter-clean.sh'));
    await expect(Git.open(repo.root)).rejects.toThrow(GitProblem);
    const result = runBin(['lint', '--base', 'main'], repo.root);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/filter driver `a=b`/);
    expectNothingRan(repo);
  });
});

describe('refs and file names never reach git as options', () => {
  test.each([
    [['lint', '--base=--output=/OUT']],
    [['lint', '--base', 'main', '--head=--output=/OUT']],
    [['review', '--base=--output=/OUT']],
    [['review', '--base', 'main', '--head=--output=/OUT']],
    [['lint', '--base', 'main', '--head', 'main', '--', '--output=/OUT']],
  ])('%j is refused and writes nothing', (args) => {
    const repo = hostileRepo({ [FLAVOR]: standard({}) });
    const out = join(repo.root, '..', 'output-file');
    const result = runBin(args.map((arg) => arg.replace('/OUT', out)), repo.root);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot start with `-`|No such file or folder|Path outside|not found/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
    expectNothingRan(repo);
  });
});

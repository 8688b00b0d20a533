import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { temporaryRepos } from './helpers/cli.js';
import { standard } from './helpers/documents.js';
import { childEnv, git, initRepo, installed, PACKAGE_ROOT, run, type ProcessResult } from './helpers/integrations.js';
import { readGolden } from './helpers/lint.js';

/** The one line of a run without findings, in the stylish format. */
const NO_PROBLEMS = /^✔ (\d+ documents?( and \d+ scope files?)?|\d+ scope files?) checked, no problems\n$/;

const GOLDEN = join(import.meta.dirname, 'golden');
const repo = temporaryRepos();

interface HookDefinition {
  id: string;
  entry: string;
  language: string;
  files: string;
  pass_filenames: boolean;
  require_serial?: boolean;
}

const hooks = parse(readFileSync(join(PACKAGE_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as HookDefinition[];
const manifest = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };

/**
 * A repository of standards: two committed documents, then one new document staged and an
 * unstaged change with errors in a committed one (which the hook must not report).
 */
function standardsRepo(staged: string): string {
  const root = repo({
    '.gitignore': 'node_modules\ndist\n',
    'README.md': '# Standards\n',
    'Standards/scs-0100-v1-flavor-naming.md': standard({ status: 'Stable', stabilized_at: '2023-06-14' }),
    'Standards/scs-0101-v1-entropy.md': standard({ title: 'Entropy' }),
  });
  initRepo(root);
  writeFileSync(join(root, 'Standards/scs-0101-v1-entropy.md'), standard({ title: 'Entropy', track: 'KaaS', status: 'Proposed' }));
  writeFileSync(join(root, 'Standards', staged), standard({ title: 'Entropy Sources' }));
  writeFileSync(join(root, 'README.md'), '# Standards of the SIG\n');
  git(root, 'add', join('Standards', staged), 'README.md');
  return root;
}

describe('pre-commit hook (.pre-commit-hooks.yaml)', () => {
  const hook = hooks.find((candidate) => candidate.id === 'scs-standards');

  test('is a node hook that runs the command this package installs, with the file names', () => {
    expect(hook).toMatchObject({ language: 'node', entry: 'scs-standards lint', pass_filenames: true, require_serial: true });
    expect(manifest.bin['scs-standards']).toBe('dist/cli.js');
    const files = new RegExp(hook?.files ?? '$^');
    expect(['Standards/scs-0100-v1-a.md', 'sub/Standards/scs-xxxx-v1-b.md'].filter((path) => files.test(path))).toHaveLength(2);
    expect(['Standards/README.md', 'Standards/x/scs-0100-v1-a.md', 'Standardsscs-0100-v1-a.md', 'scs-0100-v1-a.md', 'Standards/scs-0100-v1-a.mdx'].filter((path) => files.test(path))).toEqual([]);
  });

  /** Runs the hook as pre-commit does: the staged files its `files` pattern matches, appended to `entry`. */
  function runHook(root: string): ProcessResult {
    if (!hook) throw new Error('no scs-standards hook');
    const staged = git(root, 'diff', '--staged', '--name-only', '--no-ext-diff', '-z', '--diff-filter=ACMRTUXB').split('\0').filter((path) => path !== '');
    const files = staged.filter((path) => new RegExp(hook.files).test(path));
    const [command = '', ...args] = hook.entry.split(' ');
    const bin = manifest.bin[command];
    if (!bin) throw new Error(`${command} is not a command of this package`);
    return run(process.execPath, [join(PACKAGE_ROOT, bin), ...args, ...files], root);
  }

  test('reports only the staged document, checked against the whole folder, and exits 1 on errors (golden)', () => {
    // A second `scs-0101-v1`: only visible to a check that sees the committed documents too.
    const root = standardsRepo('scs-0101-v1-entropy-sources.md');
    const result = runHook(root);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('file-name-unique');
    expect(result.stdout).not.toContain('Standards/scs-0101-v1-entropy.md\n');
    expect(result.stdout).toBe(readGolden(join(GOLDEN, 'pre-commit-hook.txt'), result.stdout));
  });

  test('exits 0 once the staged document is clean', () => {
    const root = standardsRepo('scs-0101-v1-entropy-sources.md');
    git(root, 'mv', 'Standards/scs-0101-v1-entropy-sources.md', 'Standards/scs-0102-v1-entropy-sources.md');
    expect(runHook(root)).toEqual({ code: 0, stdout: expect.stringMatching(NO_PROBLEMS), stderr: '' });
  });

  test('installs with pre-commit before 4.6.1, which takes the package file name from `npm pack` output', () => {
    // A copy of the package, so that packing (which builds) leaves this one alone.
    const copy = mkdtempSync(join(tmpdir(), 'scs-standards-pack-'));
    try {
      cpSync(PACKAGE_ROOT, copy, { recursive: true, filter: (path) => !/\/(node_modules|dist|\.git|test)$/.test(path) });
      symlinkSync(join(PACKAGE_ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
      const packed = run('npm', ['pack', '--dry-run'], copy, childEnv());
      expect(packed.code, packed.stderr).toBe(0);
      expect(packed.stdout).toBe('scs-standards-0.1.0.tgz\n');
      expect(packed.stderr).toContain('dist/cli.js');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe('husky and lint-staged in this repository', () => {
  test('the commit hook runs lint-staged, which lints the staged documents with the built command', () => {
    expect(manifest.scripts.prepare).toBe('node build.mjs && node .husky/install.mjs');
    expect(readFileSync(join(PACKAGE_ROOT, '.husky', 'pre-commit'), 'utf8')).toBe('lint-staged\n');
    const config = JSON.parse(readFileSync(join(PACKAGE_ROOT, '.lintstagedrc.json'), 'utf8')) as Record<string, string>;
    expect(config).toEqual({ 'Standards/scs-*.md': 'node dist/cli.js lint' });
  });

  /** A repository set up like this one: its hooks, its lint-staged configuration, dist/ and node_modules/. */
  function likeThisRepository(staged: string): string {
    const root = standardsRepo(staged);
    cpSync(join(PACKAGE_ROOT, '.husky'), join(root, '.husky'), { recursive: true, filter: (path) => !path.includes(`${join('.husky', '_')}`) });
    cpSync(join(PACKAGE_ROOT, '.lintstagedrc.json'), join(root, '.lintstagedrc.json'));
    symlinkSync(join(PACKAGE_ROOT, 'dist'), join(root, 'dist'), 'dir');
    symlinkSync(join(PACKAGE_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
    git(root, 'add', '.husky', '.lintstagedrc.json');
    const install = run(process.execPath, ['.husky/install.mjs'], root);
    expect(install).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(git(root, 'config', 'core.hooksPath')).toBe('.husky/_\n');
    return root;
  }

  test('a commit with a staged document that has errors is refused, naming only that document', () => {
    const root = likeThisRepository('scs-0101-v1-entropy-sources.md');
    const before = git(root, 'rev-parse', 'HEAD');
    const commit = run('git', ['commit', '-m', 'Add entropy sources'], root, childEnv());
    expect(commit.code).not.toBe(0);
    const output = commit.stdout + commit.stderr;
    expect(output).toContain('Standards/scs-0101-v1-entropy-sources.md');
    expect(output).toMatch(/1:1 +error +Duplicate `scs-0101-v1`: `scs-0101-v1-entropy\.md` has the same number and version/);
    expect(output).not.toContain('Unexpected track');
    expect(output).toContain('husky - pre-commit script failed');
    expect(git(root, 'rev-parse', 'HEAD')).toBe(before);
    // lint-staged leaves the unstaged change alone.
    expect(readFileSync(join(root, 'Standards/scs-0101-v1-entropy.md'), 'utf8')).toContain('status: Proposed');
  });

  test('a commit with a clean staged document goes through', () => {
    const root = likeThisRepository('scs-0102-v1-entropy-sources.md');
    const commit = run('git', ['commit', '-m', 'Add entropy sources'], root, childEnv());
    expect(commit.code, commit.stdout + commit.stderr).toBe(0);
    expect(git(root, 'show', '--name-only', '--format=', 'HEAD')).toContain('Standards/scs-0102-v1-entropy-sources.md');
  });

  describe('installing the hooks never fails an install', () => {
    /** A folder with this repository's install script and, optionally, husky installed. */
    function installTarget(options: { git: boolean; husky: boolean }): string {
      const root = repo({}, undefined);
      mkdirSync(join(root, '.husky'));
      cpSync(join(PACKAGE_ROOT, '.husky', 'install.mjs'), join(root, '.husky', 'install.mjs'));
      if (options.husky) {
        mkdirSync(join(root, 'node_modules'));
        symlinkSync(installed('husky'), join(root, 'node_modules', 'husky'), 'dir');
      }
      if (options.git) git(root, 'init', '--quiet');
      return root;
    }

    const hooksPath = (root: string): ProcessResult => run('git', ['config', 'core.hooksPath'], root);

    test('in a Git work tree it sets the hooks path', () => {
      const root = installTarget({ git: true, husky: true });
      expect(run(process.execPath, ['.husky/install.mjs'], root)).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(hooksPath(root).stdout).toBe('.husky/_\n');
      expect(existsSync(join(root, '.husky', '_', 'pre-commit'))).toBe(true);
    });

    test.each([
      ['in CI', { CI: 'true' }],
      ['with HUSKY=0', { HUSKY: '0' }],
    ])('%s it does nothing', (_name, env) => {
      const root = installTarget({ git: true, husky: true });
      expect(run(process.execPath, ['.husky/install.mjs'], root, childEnv(env))).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(hooksPath(root).code).toBe(1);
      expect(existsSync(join(root, '.husky', '_'))).toBe(false);
    });

    test('outside a Git work tree (an unpacked source archive) it says so and succeeds', () => {
      const root = installTarget({ git: false, husky: true });
      expect(run(process.execPath, ['.husky/install.mjs'], root)).toEqual({ code: 0, stdout: "husky: .git can't be found\n", stderr: '' });
    });

    test('without husky (no dev dependencies) it succeeds quietly', () => {
      const root = installTarget({ git: true, husky: false });
      expect(run(process.execPath, ['.husky/install.mjs'], root)).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(hooksPath(root).code).toBe(1);
    });
  });
});

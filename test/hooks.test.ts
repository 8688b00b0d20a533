import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, test } from 'vitest';
import { makeRepo } from './helpers/cli.js';
import { standard } from './helpers/documents.js';
import { childEnv, git, initRepo, PACKAGE_ROOT, run, type ProcessResult } from './helpers/integrations.js';
import { readGolden } from './helpers/lint.js';

const GOLDEN = join(import.meta.dirname, 'golden');
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function repo(files: Record<string, string>, config: unknown = {}): string {
  const made = makeRepo(files, config);
  cleanups.push(made.cleanup);
  return made.root;
}

interface HookDefinition {
  id: string;
  entry: string;
  language: string;
  files: string;
  pass_filenames: boolean;
  require_serial?: boolean;
}

const hooks = parse(readFileSync(join(PACKAGE_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as HookDefinition[];
const manifest = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };

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
    expect(runHook(root)).toEqual({ code: 0, stdout: '', stderr: '' });
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

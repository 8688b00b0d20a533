import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

/** The repository (the package itself), whose built `dist/` the integrations use. */
export const PACKAGE_ROOT = join(import.meta.dirname, '..', '..');

const NODE_MODULES = join(PACKAGE_ROOT, 'node_modules');

/**
 * Makes packages resolvable from a temporary repository as if installed there:
 * `scs-standards` is this package, any other name is taken from this package's node_modules.
 */
export function linkPackages(root: string, names: readonly string[]): void {
  mkdirSync(join(root, 'node_modules'), { recursive: true });
  for (const name of names) {
    symlinkSync(name === 'scs-standards' ? PACKAGE_ROOT : join(NODE_MODULES, name), join(root, 'node_modules', name), 'dir');
  }
}

/** The path of a package's file in this package's node_modules. */
export function installed(path: string): string {
  return join(NODE_MODULES, path);
}

export interface ProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A clean environment for child processes: no colour, no CI detection, a fixed git identity. */
export function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NO_COLOR: '1',
    GIT_AUTHOR_NAME: 'Test Author',
    GIT_AUTHOR_EMAIL: 'author@example.org',
    GIT_COMMITTER_NAME: 'Test Author',
    GIT_COMMITTER_EMAIL: 'author@example.org',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    ...extra,
  };
}

/** Runs a program and returns its exit code and output. */
export function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = childEnv()): ProcessResult {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Runs git in a repository and fails loudly when git does. */
export function git(root: string, ...args: string[]): string {
  const result = run('git', args, root);
  if (result.code !== 0) throw new Error(`git ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
  return result.stdout;
}

/** A new git repository with one commit of everything in it. */
export function initRepo(root: string): void {
  git(root, 'init', '--quiet', '--initial-branch=main');
  git(root, 'add', '--all');
  git(root, 'commit', '--quiet', '--no-verify', '-m', 'Initial commit');
}

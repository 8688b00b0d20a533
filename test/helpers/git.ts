import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** An environment in which git ignores the user's and the system's configuration. */
export const GIT_ENV: NodeJS.ProcessEnv = {
  PATH: process.env.PATH ?? '',
  HOME: tmpdir(),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
};

/** Runs git in a folder; throws with git's message when it fails. */
export function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

/** Replaces the work tree's files (all but `.git`) with these, and commits them. */
export function commitAll(root: string, message: string): string {
  git(root, 'add', '--all', '--', '.');
  git(root, 'commit', '--quiet', '--allow-empty', '--no-verify', '-m', message);
  return git(root, 'rev-parse', 'HEAD').trim();
}

export interface TempRepo {
  root: string;
  cleanup: () => void;
}

/** A temporary git repository with a first commit of these files (and a configuration file). */
export function makeGitRepo(files: Record<string, string | Buffer>, config: unknown = {}): TempRepo {
  const root = mkdtempSync(join(tmpdir(), 'scs-standards-git-'));
  git(root, 'init', '--quiet', '--initial-branch=main');
  if (config !== undefined) writeFileSync(join(root, '.scs-standards.json'), `${JSON.stringify(config, null, 2)}\n`);
  writeFiles(root, files);
  commitAll(root, 'base');
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Removes every file of the work tree except `.git` (to lay down a new state). */
export function clearWorkTree(root: string, keep: readonly string[] = []): void {
  for (const path of git(root, 'ls-files', '-z').split('\0')) {
    if (path === '' || keep.includes(path)) continue;
    rmSync(join(root, path), { force: true });
  }
}

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Runs git in a folder with a fixed identity and dates, so that tests do not depend on the machine. */
export function git(cwd: string, args: string[]): string {
  const result = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      HOME: cwd,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Test Author',
      GIT_AUTHOR_EMAIL: 'author@example.org',
      GIT_COMMITTER_NAME: 'Test Author',
      GIT_COMMITTER_EMAIL: 'author@example.org',
      GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
      GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
    },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** Makes a folder a git repository with everything in it committed. */
export function initRepo(root: string): void {
  git(root, ['init', '-q', '-b', 'main']);
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '-m', 'Initial documents']);
}

/** Every file below a folder (outside `.git`) with its bytes, by relative path. */
export function snapshot(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.git') walk(path);
      } else {
        const mode = (statSync(path).mode & 0o777).toString(8);
        files[relative(root, path).split(sep).join('/')] = `${mode} ${readFileSync(path).toString('base64')}`;
      }
    }
  };
  walk(root);
  return files;
}

/** The git index and work tree state: staged and unstaged changes, with the staged blobs. */
export function gitState(root: string): string {
  return `${git(root, ['status', '--porcelain'])}\n${git(root, ['ls-files', '-s'])}`;
}

import { basename, dirname } from 'node:path';
import type { SimpleGit } from 'simple-git';

/**
 * The git operations of the authoring commands. A rename of a file that git tracks is made with
 * `git mv` (so that the index follows it); anything else is renamed on the file system.
 */

async function gitIn(folder: string): Promise<SimpleGit> {
  const { simpleGit } = await import('simple-git');
  return simpleGit({ baseDir: folder });
}

/** Whether git tracks the file (false outside a work tree, or when git is not installed). */
export async function isTracked(path: string): Promise<boolean> {
  try {
    const git = await gitIn(dirname(path));
    await git.raw(['ls-files', '--error-unmatch', '--', basename(path)]);
    return true;
  } catch {
    return false;
  }
}

/** `git mv` of a tracked file; both paths lie in the same folder of a work tree. */
export async function gitMove(from: string, to: string): Promise<void> {
  const git = await gitIn(dirname(from));
  await git.raw(['mv', '--', basename(from), relativeTo(dirname(from), to)]);
}

function relativeTo(folder: string, path: string): string {
  return dirname(path) === folder ? basename(path) : path;
}

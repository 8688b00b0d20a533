import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { releaseTemporary, temporaryPath, testPauseSync } from './temporary.js';

/**
 * Writes a file so that readers see either the old or the new content, never a part: the text
 * goes to a temporary file in the same folder (so that the rename stays on one file system),
 * is flushed, and replaces the target with a rename. An existing file keeps its permissions.
 * Missing parent folders are created. The temporary file is named as every temporary file of
 * the toolkit (`.<name>.<pid>.<hex>.tmp`, see temporary.ts): an interrupted run removes it, and
 * one left by a killed run is removed by the next write in its folder.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const folder = dirname(path);
  mkdirSync(folder, { recursive: true });
  let mode = 0o666;
  try {
    mode = statSync(path).mode & 0o7777;
  } catch {
    // a new file: the default mode, less the umask
  }
  const temporary = temporaryPath(path);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'wx', mode);
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    testPauseSync('write');
    renameSync(temporary, path);
    releaseTemporary(temporary);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporary, { force: true });
    releaseTemporary(temporary);
    throw error;
  }
}

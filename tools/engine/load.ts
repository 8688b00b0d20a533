import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Corpus } from '../model/corpus.js';
import { StandardDocument } from '../model/document.js';
import { CertificateScope } from '../model/scope.js';
import { SOURCE_LIMITS, tooLargeMessage } from '../model/source.js';
import { toRelative } from './config.js';
import { listDocuments } from './discover.js';

/** Reads one document; a file that cannot be read becomes a document with a read problem. */
export function readDocument(path: string, root: string, maxFileSize?: number): StandardDocument {
  const fileName = basename(path);
  const relPath = toRelative(root, path);
  try {
    const limit = maxFileSize ?? SOURCE_LIMITS.maxFileSize;
    const read = readBounded(path, limit);
    if (typeof read === 'string') return StandardDocument.unreadable(path, relPath, fileName, read);
    return StandardDocument.fromBytes(path, relPath, fileName, read, limit);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? describeFsError(String(error.code)) : String(error);
    return StandardDocument.unreadable(path, relPath, fileName, `File cannot be read: ${reason}`);
  }
}

/** Reads one certificate-scope file; a file that cannot be read becomes a scope with a read problem. */
export function readScope(path: string, root: string, maxFileSize?: number): CertificateScope {
  const fileName = basename(path);
  const relPath = toRelative(root, path);
  try {
    const limit = maxFileSize ?? SOURCE_LIMITS.maxFileSize;
    const read = readBounded(path, limit);
    if (typeof read === 'string') return CertificateScope.unreadable(path, relPath, fileName, read);
    return CertificateScope.fromBytes(path, relPath, fileName, read, limit);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? describeFsError(String(error.code)) : String(error);
    return CertificateScope.unreadable(path, relPath, fileName, `File cannot be read: ${reason}`);
  }
}

/**
 * The bytes of a regular file of at most `limit` bytes, or why not: a file larger than the
 * limit is not read at all, and anything that is not a regular file (a FIFO, a device such as
 * `/dev/zero` behind a symbolic link) is never opened for reading, so it can neither block nor
 * fill the memory. The size is checked on the open file, and no more than `limit + 1` bytes are
 * read, so a file that grows meanwhile is still caught.
 */
export function readBounded(path: string, limit: number): Buffer | string {
  const stats = statSync(path);
  if (stats.isDirectory()) return 'File cannot be read: it is a folder';
  if (!stats.isFile()) return 'File cannot be read: not a regular file (a pipe, socket or device)';
  if (stats.size > limit) return tooLargeMessage(stats.size, limit);
  const fd = openSync(path, 'r');
  try {
    if (!fstatSync(fd).isFile()) return 'File cannot be read: not a regular file (a pipe, socket or device)';
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(64 * 1024, limit + 1 - length) || 1);
      const count = readSync(fd, chunk, 0, chunk.length, null);
      if (count === 0) break;
      chunks.push(chunk.subarray(0, count));
      length += count;
      if (length > limit) return tooLargeMessage(length, limit);
    }
    return Buffer.concat(chunks, length);
  } finally {
    closeSync(fd);
  }
}

function describeFsError(code: string): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOENT':
      return 'it does not exist (a broken link?)';
    case 'ELOOP':
      return 'too many symbolic links (a link loop?)';
    default:
      return code;
  }
}

/** Reads every document of a standards folder into a corpus. */
export function loadCorpus(folder: string, root: string, maxFileSize?: number): Corpus {
  return new Corpus(
    folder,
    listDocuments(folder).map((path) => readDocument(path, root, maxFileSize)),
  );
}

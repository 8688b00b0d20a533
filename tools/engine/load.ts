import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Corpus } from '../model/corpus.js';
import { StandardDocument, type FileStat, type KnownFrontMatter } from '../model/document.js';
import type { Naming } from '../model/filename.js';
import { CertificateScope } from '../model/scope.js';
import { ReadRefusal, SOURCE_LIMITS, tooLargeMessage, type SourceProblem } from '../model/source.js';
import { toRelative } from './config.js';
import { folderPrefix, listDocumentNames } from './discover.js';

/** Reads one document; a file that cannot be read becomes a document with a read problem. */
export function readDocument(path: string, root: string, maxFileSize?: number, naming?: Naming): StandardDocument {
  const fileName = basename(path);
  const relPath = toRelative(root, path);
  try {
    const limit = maxFileSize ?? SOURCE_LIMITS.maxFileSize;
    const read = readBounded(path, limit);
    if (typeof read === 'string') return StandardDocument.unreadable(path, relPath, fileName, read, naming);
    return StandardDocument.fromBytes(path, relPath, fileName, read, limit, naming);
  } catch (error) {
    return StandardDocument.unreadable(path, relPath, fileName, cannotRead(error), naming);
  }
}

/** The first read of a partial document; most front matters end well within it. */
const HEAD_CHUNK = 4096;
/** Front matter longer than this is not looked for in the head: the whole file is read. */
const MAX_HEAD = 256 * 1024;

/**
 * Reads a document up to the end of its front matter: what cross-document rules and the index
 * need of documents they do not report on. The rest is read when it is asked for.
 */
export function readDocumentHead(path: string, root: string, maxFileSize?: number, naming?: Naming): StandardDocument {
  const fileName = basename(path);
  const relPath = toRelative(root, path);
  const limit = maxFileSize ?? SOURCE_LIMITS.maxFileSize;
  let fd: number | undefined;
  try {
    // Anything but a regular file (a FIFO, a device) is never opened: see readBounded.
    const refused = refuseSpecial(path);
    if (refused !== undefined) return StandardDocument.unreadable(path, relPath, fileName, refused, naming);
    fd = openSync(path, 'r');
    const stats = fstatSync(fd);
    if (!stats.isFile()) return StandardDocument.unreadable(path, relPath, fileName, NOT_REGULAR, naming);
    const size = stats.size;
    if (size > limit) return StandardDocument.unreadable(path, relPath, fileName, tooLargeMessage(size, limit), naming);
    let buffer = Buffer.allocUnsafe(Math.min(size, HEAD_CHUNK));
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, length);
      length += read;
      const end = read === 0 ? -1 : frontMatterEnd(buffer, length);
      if (end !== -1) {
        const head = Buffer.from(buffer.subarray(0, end));
        return StandardDocument.fromHead(path, relPath, fileName, head, () => loadBounded(path, limit), { size, mtimeMs: stats.mtimeMs, ino: stats.ino }, limit, naming);
      }
      if (read === 0 || length >= size || length >= MAX_HEAD) break;
      if (length === buffer.length) {
        const grown = Buffer.allocUnsafe(Math.min(size, buffer.length * 4));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
    }
    // No front matter, or one that does not end early: the document is read whole.
    return readDocument(path, root, maxFileSize, naming);
  } catch (error) {
    return StandardDocument.unreadable(path, relPath, fileName, cannotRead(error), naming);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The byte offset just after the closing line of a front matter block that starts the bytes
 * (after an optional byte order mark), or -1 when the bytes hold no closed block (yet), or do
 * not start with one (then nothing is gained by reading partially).
 */
export function frontMatterEnd(bytes: Uint8Array, length: number): number {
  let at = length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (!isDelimiterLine(bytes, at, 0x2d, length)) return -1;
  at = bytes.indexOf(0x0a, at);
  while (at !== -1 && at + 1 < length) {
    const line = at + 1;
    const next = bytes.indexOf(0x0a, line);
    if (next === -1 || next >= length) return -1;
    if (isDelimiterLine(bytes, line, 0x2d, length) || isDelimiterLine(bytes, line, 0x2e, length)) return next + 1;
    at = next;
  }
  return -1;
}

/** Whether a line starting at `at` is `---` (or `...`) with only spaces, tabs and a CR after it. */
function isDelimiterLine(bytes: Uint8Array, at: number, char: number, length: number): boolean {
  if (bytes[at] !== char || bytes[at + 1] !== char || bytes[at + 2] !== char) return false;
  let index = at + 3;
  while (index < length && (bytes[index] === 0x20 || bytes[index] === 0x09)) index++;
  if (index < length && bytes[index] === 0x0d) index++;
  return index < length && bytes[index] === 0x0a;
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
    return CertificateScope.unreadable(path, relPath, fileName, cannotRead(error));
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
  const refused = refuseSpecial(path, stats);
  if (refused !== undefined) return refused;
  if (stats.size > limit) return tooLargeMessage(stats.size, limit);
  const fd = openSync(path, 'r');
  try {
    if (!fstatSync(fd).isFile()) return NOT_REGULAR;
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

const NOT_REGULAR = 'File cannot be read: not a regular file (a pipe, socket or device)';

/** Why a path is not opened for reading (a folder, a FIFO, a device), or undefined for a regular file. */
function refuseSpecial(path: string, stats = statSync(path)): string | undefined {
  if (stats.isDirectory()) return 'File cannot be read: it is a folder';
  if (!stats.isFile()) return NOT_REGULAR;
  return undefined;
}

/** The loader of a partially read document: the rest is read bounded, as the first part was. */
function loadBounded(path: string, limit: number): Buffer {
  const bytes = readBounded(path, limit);
  if (typeof bytes === 'string') throw new ReadRefusal(bytes);
  return bytes;
}

/** Why a file could not be read, in words (from the file system's error code). */
function cannotRead(error: unknown): string {
  const reason = error instanceof Error && 'code' in error ? describeFsError(String(error.code)) : String(error);
  return `File cannot be read: ${reason}`;
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

/** What a standards process says of file names: which files are documents, and their parts. */
export interface DocumentNaming {
  readonly naming: Naming;
  isDocumentFileName(fileName: string): boolean;
}

/** What a cache knows of a file that has not changed since it was last read. */
export type KnownDocuments = (relPath: string, stat: FileStat) => { frontMatter: KnownFrontMatter; problem: SourceProblem | undefined } | undefined;

/**
 * Reads every document of a standards folder into a corpus: whole, or (with `partial`) up to
 * the end of the front matter, the rest being read when a rule or command asks for it. With
 * `known`, a file the cache knows unchanged is not read at all.
 */
export function loadCorpus(folder: string, root: string, maxFileSize?: number, partial = false, known?: KnownDocuments, names?: DocumentNaming): Corpus {
  const read = partial ? readDocumentHead : readDocument;
  const naming = names?.naming;
  // The path of each document is the folder's with the file name after it, and so is its path relative to the root.
  const prefix = folderPrefix(folder);
  const relPrefix = toRelative(root, `${prefix}x`).slice(0, -1);
  const limit = maxFileSize ?? SOURCE_LIMITS.maxFileSize;
  return new Corpus(
    folder,
    listDocumentNames(folder, names ? (fileName) => names.isDocumentFileName(fileName) : undefined).map(
      (name) => (known && partial ? readKnown(prefix + name, relPrefix + name, name, limit, known, naming) : undefined) ?? read(prefix + name, root, maxFileSize, naming),
    ),
  );
}

/** A document the cache knows unchanged (by its size, time and inode), without reading its file. */
function readKnown(path: string, relPath: string, fileName: string, limit: number, known: KnownDocuments, naming: Naming | undefined): StandardDocument | undefined {
  let stats;
  try {
    stats = statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
  if (stats === undefined || !stats.isFile()) return undefined;
  const stat = { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino };
  const entry = known(relPath, stat);
  if (!entry) return undefined;
  return StandardDocument.fromKnown(path, relPath, fileName, entry, () => loadBounded(path, limit), stat, limit, naming);
}

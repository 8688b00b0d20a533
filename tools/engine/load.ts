import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Corpus } from '../model/corpus.js';
import { StandardDocument, type FileStat } from '../model/document.js';
import type { FrontMatter } from '../model/frontmatter.js';
import { CertificateScope } from '../model/scope.js';
import { SOURCE_LIMITS, tooLargeMessage, type SourceProblem } from '../model/source.js';
import { toRelative } from './config.js';
import { listDocuments } from './discover.js';

/** Reads one document; a file that cannot be read becomes a document with a read problem. */
export function readDocument(path: string, root: string, maxFileSize?: number): StandardDocument {
  const fileName = basename(path);
  const relPath = toRelative(root, path);
  try {
    const limit = maxFileSize ?? SOURCE_LIMITS.maxFileSize;
    const size = statSync(path).size;
    if (size > limit) return StandardDocument.unreadable(path, relPath, fileName, tooLargeMessage(size, limit));
    return StandardDocument.fromBytes(path, relPath, fileName, readFileSync(path), limit);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? describeFsError(String(error.code)) : String(error);
    return StandardDocument.unreadable(path, relPath, fileName, `File cannot be read: ${reason}`);
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
export function readDocumentHead(path: string, root: string, maxFileSize?: number): StandardDocument {
  const fileName = basename(path);
  const relPath = toRelative(root, path);
  const limit = maxFileSize ?? SOURCE_LIMITS.maxFileSize;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const stats = fstatSync(fd);
    const size = stats.size;
    if (size > limit) return StandardDocument.unreadable(path, relPath, fileName, tooLargeMessage(size, limit));
    let buffer = Buffer.allocUnsafe(Math.min(size, HEAD_CHUNK));
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, length);
      length += read;
      const end = read === 0 ? -1 : frontMatterEnd(buffer, length);
      if (end !== -1) {
        const head = Buffer.from(buffer.subarray(0, end));
        return StandardDocument.fromHead(path, relPath, fileName, head, () => readFileSync(path), { size, mtimeMs: stats.mtimeMs, ino: stats.ino }, limit);
      }
      if (read === 0 || length >= size || length >= MAX_HEAD) break;
      if (length === buffer.length) {
        const grown = Buffer.allocUnsafe(Math.min(size, buffer.length * 4));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
    }
    // No front matter, or one that does not end early: the document is read whole.
    return StandardDocument.fromBytes(path, relPath, fileName, readFileSync(path), limit);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? describeFsError(String(error.code)) : String(error);
    return StandardDocument.unreadable(path, relPath, fileName, `File cannot be read: ${reason}`);
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
    const size = statSync(path).size;
    if (size > limit) return CertificateScope.unreadable(path, relPath, fileName, tooLargeMessage(size, limit));
    return CertificateScope.fromBytes(path, relPath, fileName, readFileSync(path), limit);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? describeFsError(String(error.code)) : String(error);
    return CertificateScope.unreadable(path, relPath, fileName, `File cannot be read: ${reason}`);
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

/** What a cache knows of a file that has not changed since it was last read. */
export type KnownDocuments = (relPath: string, stat: FileStat) => { frontMatter: FrontMatter; problem: SourceProblem | undefined } | undefined;

/**
 * Reads every document of a standards folder into a corpus: whole, or (with `partial`) up to
 * the end of the front matter, the rest being read when a rule or command asks for it. With
 * `known`, a file the cache knows unchanged is not read at all.
 */
export function loadCorpus(folder: string, root: string, maxFileSize?: number, partial = false, known?: KnownDocuments): Corpus {
  const read = partial ? readDocumentHead : readDocument;
  return new Corpus(
    folder,
    listDocuments(folder).map((path) => (known && partial ? readKnown(path, root, maxFileSize, known) : undefined) ?? read(path, root, maxFileSize)),
  );
}

/** A document the cache knows unchanged (by its size, time and inode), without reading its file. */
function readKnown(path: string, root: string, maxFileSize: number | undefined, known: KnownDocuments): StandardDocument | undefined {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return undefined;
  }
  if (!stats.isFile()) return undefined;
  const relPath = toRelative(root, path);
  const stat = { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino };
  const entry = known(relPath, stat);
  if (!entry) return undefined;
  return StandardDocument.fromKnown(path, relPath, basename(path), { ...entry, body: undefined }, () => readFileSync(path), stat, maxFileSize ?? SOURCE_LIMITS.maxFileSize);
}

import { readFileSync, statSync } from 'node:fs';
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
    const size = statSync(path).size;
    if (size > limit) return StandardDocument.unreadable(path, relPath, fileName, tooLargeMessage(size, limit));
    return StandardDocument.fromBytes(path, relPath, fileName, readFileSync(path), limit);
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

/** Reads every document of a standards folder into a corpus. */
export function loadCorpus(folder: string, root: string, maxFileSize?: number): Corpus {
  return new Corpus(
    folder,
    listDocuments(folder).map((path) => readDocument(path, root, maxFileSize)),
  );
}

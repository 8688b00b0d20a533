import { normalizeDocumentRef } from '../model/filename.js';
import { baseOf, documentName, type DocumentHistory, type DocumentNaming } from './model.js';

/**
 * The documents a name picks: a path (relative to the top of the repository), a file name, or
 * an id (`scs-0100-v1`, `0100-v1`), matched against every name a document ever had, so that a
 * renamed document is found by its old name too. Undefined when the name matches nothing.
 */
export function selectDocuments(documents: readonly DocumentHistory[], ref: string, repoPath: string | undefined, names: DocumentNaming): DocumentHistory[] | undefined {
  const normalized = normalizeDocumentRef(ref);
  const matches = documents.filter((doc) =>
    doc.paths.some((path) => {
      if (repoPath !== undefined && path === repoPath) return true;
      if (!normalized) return false;
      if ('fileName' in normalized) return baseOf(path) === normalized.fileName;
      return documentName(path, names)?.id.toLowerCase() === normalized.id.toLowerCase();
    }),
  );
  return matches.length > 0 ? matches : undefined;
}

/** Keeps the events inside a window of commit times (seconds since the epoch, both ends included). */
export function withinWindow(doc: DocumentHistory, since: number | undefined, until: number | undefined): DocumentHistory {
  if (since === undefined && until === undefined) return doc;
  const events = doc.events.filter((event) => {
    const seconds = Date.parse(event.commit.date) / 1000;
    return (since === undefined || seconds >= since) && (until === undefined || seconds <= until);
  });
  return { ...doc, events };
}

import type { Corpus } from './corpus.js';
import type { Reference, StandardDocument } from './document.js';
import { REFERENCE_FIELDS } from './profile.js';

export interface IncomingReference {
  from: StandardDocument;
  reference: Reference;
}

/**
 * For each file name, the references that other documents make to it. Computed once per
 * corpus and shared by the rules that check both sides of a relation.
 */
export function incomingReferences(corpus: Corpus): ReadonlyMap<string, readonly IncomingReference[]> {
  return corpus.memo('incoming-references', () => {
    const incoming = new Map<string, IncomingReference[]>();
    for (const from of corpus.documents) {
      for (const field of REFERENCE_FIELDS) {
        for (const reference of from.references(field)) {
          const list = incoming.get(reference.name);
          if (list) list.push({ from, reference });
          else incoming.set(reference.name, [{ from, reference }]);
        }
      }
    }
    return incoming;
  });
}

/** A relative link to a file in the same folder: `scs-0100-v3-flavor-naming.md`, `./scs-...md#part`. */
const SAME_FOLDER = /^(?:\.\/)?([^/?#:\\]+)(?:[?#].*)?$/;

/** The file name a link URL points to in the same folder (percent-decoded), if it does. */
export function sameFolderTarget(url: string): string | undefined {
  const target = SAME_FOLDER.exec(url)?.[1];
  if (!target) return undefined;
  try {
    return decodeURIComponent(target);
  } catch {
    return target;
  }
}

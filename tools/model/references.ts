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

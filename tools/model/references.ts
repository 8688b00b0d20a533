import type { Corpus } from './corpus.js';
import type { Reference, StandardDocument } from './document.js';

export interface IncomingReference {
  from: StandardDocument;
  reference: Readonly<Reference>;
}

/**
 * For each file name, the references that other documents make to it. Computed once per
 * corpus and shared by the rules that check both sides of a relation.
 */
export function incomingReferences(corpus: Corpus): ReadonlyMap<string, readonly IncomingReference[]> {
  return corpus.memo('incoming-references', () => {
    const incoming = new Map<string, IncomingReference[]>();
    for (const from of corpus.documents) {
      for (const reference of from.allReferences()) {
        const list = incoming.get(reference.name);
        if (list) list.push({ from, reference });
        else incoming.set(reference.name, [{ from, reference }]);
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

/** The documents of the corpus that name `doc` in `replaces`: its direct successors. */
export function successorsOf(corpus: Corpus, doc: StandardDocument): StandardDocument[] {
  return (incomingReferences(corpus).get(doc.fileName) ?? []).filter((entry) => entry.reference.field === 'replaces' && entry.from !== doc).map((entry) => entry.from);
}

/** `doc` and every document that replaces it, directly or through later versions (`replaces` followed forward). */
export function replacementChain(corpus: Corpus, doc: StandardDocument): Set<StandardDocument> {
  const chain = new Set<StandardDocument>([doc]);
  const queue = [doc];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const successor of successorsOf(corpus, next)) {
      if (chain.has(successor)) continue;
      chain.add(successor);
      queue.push(successor);
    }
  }
  return chain;
}

/** Every document that `doc` replaces, directly or through earlier versions (`replaces` followed back). */
export function replacedChain(corpus: Corpus, doc: StandardDocument): Set<StandardDocument> {
  const chain = new Set<StandardDocument>();
  const queue = [doc];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const reference of next.references('replaces')) {
      const earlier = corpus.byFileName(reference.name);
      if (!earlier || earlier === doc || chain.has(earlier)) continue;
      chain.add(earlier);
      queue.push(earlier);
    }
  }
  return chain;
}

/**
 * The Stable documents that stand in for `doc` today, in file name order: `doc` itself when it
 * is Stable; otherwise, when it is Deprecated or Rejected, the Stable documents that its
 * replacements lead to (`replaces` followed forward through further Deprecated or Rejected
 * versions). A Draft leads nowhere: it does not apply yet. This is the document a `replaced_by`
 * added today names: in the chain v1 -> v2 -> v3 with v2 Deprecated, v1 is replaced by v3.
 */
export function stableReplacements(corpus: Corpus, doc: StandardDocument): StandardDocument[] {
  const found = new Set<StandardDocument>();
  const seen = new Set<StandardDocument>();
  const visit = (current: StandardDocument): void => {
    if (seen.has(current)) return;
    seen.add(current);
    if (current.status === 'Stable') {
      found.add(current);
      return;
    }
    if (current.status !== 'Deprecated' && current.status !== 'Rejected') return;
    for (const successor of successorsOf(corpus, current)) visit(successor);
  };
  visit(doc);
  return [...found].sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
}

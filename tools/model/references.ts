import type { Corpus } from './corpus.js';
import type { Reference, StandardDocument } from './document.js';
import { REFERENCE_FIELDS } from './profile.js';

export interface IncomingReference {
  from: StandardDocument;
  reference: Readonly<Reference>;
}

/**
 * For each file name, the references that other documents make to it in the given fields (the
 * reference fields of the default process unless told). Computed once per corpus and fields and
 * shared by the rules that check both sides of a relation.
 */
export function incomingReferences(corpus: Corpus, fields: readonly string[] = REFERENCE_FIELDS): ReadonlyMap<string, readonly IncomingReference[]> {
  return corpus.memo(`incoming-references\u0000${fields.join('\u0000')}`, () => {
    const incoming = new Map<string, IncomingReference[]>();
    for (const from of corpus.documents) {
      // The default fields, as a cache keeps them, come in one read; other fields field by field.
      const references = sameFields(fields) ? from.allReferences() : fields.flatMap((field) => from.references(field));
      for (const reference of references) {
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

/**
 * How the documents of a process succeed each other, as its profile's reference fields say: the
 * field in which a document names the documents it replaces, the statuses of a document that
 * applies, and those of a document that its successors stand in for (SCS: `replaces`, Stable,
 * Deprecated or Rejected).
 */
export interface Succession {
  /** The file-name field in which a document names its predecessors. */
  readonly predecessors: string;
  /** The statuses of a document that applies and so stands in for the documents it replaces. */
  readonly standing: readonly string[];
  /** The statuses of a document that its successors stand in for. */
  readonly replaced: readonly string[];
}

/** The documents of the corpus that name `doc` in the field `predecessors`: its direct successors. */
export function successorsOf(corpus: Corpus, doc: StandardDocument, predecessors: string): StandardDocument[] {
  return (incomingReferences(corpus, [predecessors]).get(doc.fileName) ?? []).filter((entry) => entry.from !== doc).map((entry) => entry.from);
}

/** `doc` and every document that replaces it, directly or through later versions (`predecessors` followed forward). */
export function replacementChain(corpus: Corpus, doc: StandardDocument, predecessors: string): Set<StandardDocument> {
  const chain = new Set<StandardDocument>([doc]);
  const queue = [doc];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const successor of successorsOf(corpus, next, predecessors)) {
      if (chain.has(successor)) continue;
      chain.add(successor);
      queue.push(successor);
    }
  }
  return chain;
}

/** Every document that `doc` replaces, directly or through earlier versions (`predecessors` followed back). */
export function replacedChain(corpus: Corpus, doc: StandardDocument, predecessors: string): Set<StandardDocument> {
  const chain = new Set<StandardDocument>();
  const queue = [doc];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const reference of next.references(predecessors)) {
      const earlier = corpus.byFileName(reference.name);
      if (!earlier || earlier === doc || chain.has(earlier)) continue;
      chain.add(earlier);
      queue.push(earlier);
    }
  }
  return chain;
}

/**
 * The documents that stand in for `doc` today, in file name order: `doc` itself when its status
 * is a `standing` one; otherwise, when it is `replaced`, the standing documents that its
 * replacements lead to (`predecessors` followed forward through further replaced versions). Any
 * other status leads nowhere: such a document does not apply yet. This is the document a
 * successor field added today names: in SCS, in the chain v1 -> v2 -> v3 with v2 Deprecated and
 * v3 Stable, v1 is replaced by v3.
 */
export function standingReplacements(corpus: Corpus, doc: StandardDocument, succession: Succession): StandardDocument[] {
  const found = new Set<StandardDocument>();
  const seen = new Set<StandardDocument>();
  const visit = (current: StandardDocument): void => {
    if (seen.has(current)) return;
    seen.add(current);
    const status = current.status;
    if (status === undefined) return;
    if (succession.standing.includes(status)) {
      found.add(current);
      return;
    }
    if (!succession.replaced.includes(status)) return;
    for (const successor of successorsOf(corpus, current, succession.predecessors)) visit(successor);
  };
  visit(doc);
  return [...found].sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
}

/** Whether fields are the default process's reference fields, in their order. */
function sameFields(fields: readonly string[]): boolean {
  return fields.length === REFERENCE_FIELDS.length && fields.every((field, index) => field === REFERENCE_FIELDS[index]);
}

import type { Corpus } from './corpus.js';
import type { StandardDocument } from './document.js';

/**
 * What a change does to one document of a standards folder:
 * - `added`: new in the head, with no counterpart in the base;
 * - `modified`: same file name, different text;
 * - `renamed`: a base document under a new file name (with or without edits), such as a
 *   proposal `scs-xxxx-v1-topic.md` accepted as `scs-0123-v1-topic.md`;
 * - `unchanged`: same file name, same text;
 * - `deleted`: a base document with no counterpart in the head.
 */
export type ChangeKind = 'added' | 'modified' | 'renamed' | 'unchanged' | 'deleted';

export interface DocumentChange {
  kind: ChangeKind;
  /** The document in the head; undefined when it was deleted. */
  head: StandardDocument | undefined;
  /** The document in the base; undefined when it was added. */
  base: StandardDocument | undefined;
}

/** A rename that git found (file names inside the folder). */
export interface RenamePair {
  from: string;
  to: string;
}

/**
 * One standards folder compared between a base and a head: every document with its
 * counterpart. Renames come from git's similarity detection; base and head documents that git
 * left unpaired are paired when their text is identical, when they share number and version
 * (`scs-0100-v1`, a changed slug), or when they share slug and version and one of them is a
 * proposal or the number changed (an acceptance or a renumbering).
 */
export class Change {
  readonly base: Corpus;
  readonly head: Corpus;
  /** Every document of the head, then every deleted document, sorted by file name. */
  readonly documents: readonly DocumentChange[];
  readonly #byHead = new Map<StandardDocument, DocumentChange>();
  readonly #byBase = new Map<StandardDocument, DocumentChange>();

  constructor(base: Corpus, head: Corpus, documents: readonly DocumentChange[]) {
    this.base = base;
    this.head = head;
    this.documents = documents;
    for (const entry of documents) {
      if (entry.head) this.#byHead.set(entry.head, entry);
      if (entry.base) this.#byBase.set(entry.base, entry);
    }
  }

  /** The change of a head document (or, for a deleted one, of its base version). */
  of(doc: StandardDocument): DocumentChange | undefined {
    return this.#byHead.get(doc) ?? this.#byBase.get(doc);
  }

  /** The change of a base document. */
  ofBase(doc: StandardDocument): DocumentChange | undefined {
    return this.#byBase.get(doc);
  }

  get added(): DocumentChange[] {
    return this.documents.filter((entry) => entry.kind === 'added');
  }

  get deleted(): DocumentChange[] {
    return this.documents.filter((entry) => entry.kind === 'deleted');
  }

  get touched(): DocumentChange[] {
    return this.documents.filter((entry) => entry.kind !== 'unchanged');
  }
}

/** Whether the change touched a document: added, modified, renamed or deleted it. */
export function isTouched(entry: DocumentChange | undefined): boolean {
  return entry !== undefined && entry.kind !== 'unchanged';
}

/** Compares texts as git users see them: line endings do not make a change. */
export function sameText(a: StandardDocument, b: StandardDocument): boolean {
  if (a.readProblem || b.readProblem) return a.readProblem?.message === b.readProblem?.message && a.source.text === b.source.text;
  return normalize(a.source.text) === normalize(b.source.text);
}

function normalize(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** Documents moved across folders: into this folder (with their base version), or out of it. */
export interface Moves {
  /** Head file name -> the document's base version in another folder. */
  into?: ReadonlyMap<string, StandardDocument>;
  /** Base file names of documents moved to another folder (they are not deleted). */
  outOf?: ReadonlySet<string>;
}

export function buildChange(base: Corpus, head: Corpus, renames: readonly RenamePair[], moves: Moves = {}): Change {
  const baseByName = new Map<string, StandardDocument>();
  for (const doc of [...base.documents, ...base.templates]) baseByName.set(doc.fileName, doc);
  const headDocs = [...head.documents, ...head.templates];
  const pairs = new Map<StandardDocument, StandardDocument>(); // head -> base
  const pairedBase = new Set<StandardDocument>();
  const headByName = new Map(headDocs.map((doc) => [doc.fileName, doc]));

  const pair = (headDoc: StandardDocument, baseDoc: StandardDocument): void => {
    pairs.set(headDoc, baseDoc);
    pairedBase.add(baseDoc);
  };
  for (const rename of renames) {
    const headDoc = headByName.get(rename.to);
    const baseDoc = baseByName.get(rename.from);
    // A name that still exists in the head keeps its own base version.
    if (!headDoc || !baseDoc || pairs.has(headDoc) || pairedBase.has(baseDoc) || headByName.has(rename.from)) continue;
    pair(headDoc, baseDoc);
  }
  for (const headDoc of headDocs) {
    const moved = moves.into?.get(headDoc.fileName);
    if (moved && !pairs.has(headDoc) && !baseByName.has(headDoc.fileName)) pairs.set(headDoc, moved);
  }
  for (const headDoc of headDocs) {
    if (pairs.has(headDoc)) continue;
    const baseDoc = baseByName.get(headDoc.fileName);
    if (baseDoc && !pairedBase.has(baseDoc)) pair(headDoc, baseDoc);
  }
  // Pair what git left alone, most certain evidence first; only one-to-one matches count.
  const matchers: ((headDoc: StandardDocument, baseDoc: StandardDocument) => boolean)[] = [
    (headDoc, baseDoc) => sameText(headDoc, baseDoc),
    (headDoc, baseDoc) => headDoc.name !== undefined && headDoc.name.numeric !== undefined && headDoc.name.id === baseDoc.name?.id,
    (headDoc, baseDoc) => {
      const a = headDoc.name;
      const b = baseDoc.name;
      if (!a || !b || a.slug !== b.slug || a.letter !== b.letter || a.versionText !== b.versionText) return false;
      return a.kind === 'proposal' || b.kind === 'proposal' || a.number !== b.number;
    },
  ];
  for (const matches of matchers) {
    const openHead = headDocs.filter((doc) => !pairs.has(doc) && !doc.isTemplate);
    const openBase = base.documents.filter((doc) => !pairedBase.has(doc) && !moves.outOf?.has(doc.fileName));
    for (const headDoc of openHead) {
      const candidates = openBase.filter((baseDoc) => !pairedBase.has(baseDoc) && matches(headDoc, baseDoc));
      if (candidates.length !== 1) continue;
      const [baseDoc] = candidates as [StandardDocument];
      const rivals = openHead.filter((other) => other !== headDoc && !pairs.has(other) && matches(other, baseDoc));
      if (rivals.length === 0) pair(headDoc, baseDoc);
    }
  }

  const documents: DocumentChange[] = [];
  for (const headDoc of head.documents) {
    const baseDoc = pairs.get(headDoc);
    let kind: ChangeKind;
    if (!baseDoc) kind = 'added';
    else if (baseDoc.relPath !== headDoc.relPath) kind = 'renamed';
    // The same object in both corpora: git found the path unchanged.
    else kind = headDoc === baseDoc || sameText(headDoc, baseDoc) ? 'unchanged' : 'modified';
    documents.push({ kind, head: headDoc, base: baseDoc });
  }
  for (const baseDoc of base.documents) {
    if (!pairedBase.has(baseDoc) && !moves.outOf?.has(baseDoc.fileName)) documents.push({ kind: 'deleted', head: undefined, base: baseDoc });
  }
  return new Change(base, head, documents);
}

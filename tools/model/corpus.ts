import type { StandardDocument } from './document.js';
import { NAME_PREFIX, TEMPLATE_PATTERN } from './profile.js';

/**
 * All documents of one standards folder, indexed by file name, number and id. Templates are
 * kept out of every index: they are not documents.
 *
 * The documents are sorted by file name. When they are named as the default process names them,
 * every document of a number (and so of an id) has a name that starts with `scs-<number>-`:
 * those are a range of the sorted documents, found by a binary search. So the file names of the
 * documents not asked for are never parsed (a run that lints one file of 10,000 asks for a few
 * numbers). Documents named by another process's patterns are indexed by their parsed names.
 */
export class Corpus {
  /** Absolute path of the folder. */
  readonly folder: string;
  /** Every document (templates excluded), sorted by file name. */
  readonly documents: readonly StandardDocument[];
  readonly templates: readonly StandardDocument[];
  readonly #byFileName = new Map<string, StandardDocument>();
  readonly #byNumber = new Map<string, readonly StandardDocument[]>();
  readonly #byId = new Map<string, readonly StandardDocument[]>();
  readonly #memo = new Map<string, unknown>();
  /** Whether names are looked up as ranges of the sorted names (the default process's names). */
  readonly #ranges: boolean;

  constructor(folder: string, documents: Iterable<StandardDocument>) {
    this.folder = folder;
    const all = [...documents].sort((a, b) => compareStrings(a.fileName, b.fileName));
    this.#ranges = all.every((doc) => doc.namedByDefault);
    if (!this.#ranges) {
      this.templates = all.filter((doc) => doc.isTemplate);
      this.documents = all.filter((doc) => !doc.isTemplate);
      const byNumber = new Map<string, StandardDocument[]>();
      const byId = new Map<string, StandardDocument[]>();
      for (const doc of this.documents) {
        this.#byFileName.set(doc.fileName, doc);
        const name = doc.name;
        if (!name) continue;
        if (name.numeric !== undefined) push(byNumber, name.number, doc);
        push(byId, name.id, doc);
      }
      for (const [number, docs] of byNumber) this.#byNumber.set(number, docs);
      for (const [id, docs] of byId) this.#byId.set(id, docs);
      return;
    }
    // Only a name that starts so can be a template's (`scs-XXXX-vN-...`): the others are not parsed.
    const isTemplate = (doc: StandardDocument): boolean => doc.fileName.startsWith(TEMPLATE_START) && doc.isTemplate;
    this.templates = all.filter(isTemplate);
    this.documents = this.templates.length === 0 ? all : all.filter((doc) => !isTemplate(doc));
    for (const doc of this.documents) this.#byFileName.set(doc.fileName, doc);
  }

  byFileName(fileName: string): StandardDocument | undefined {
    return this.#byFileName.get(fileName);
  }

  /** Documents and supplements of a four-digit number, sorted by file name. */
  byNumber(number: string): readonly StandardDocument[] {
    let found = this.#byNumber.get(number);
    if (found === undefined && !this.#ranges) return [];
    if (found === undefined) {
      found = this.#named(number).filter((doc) => doc.name?.numeric !== undefined && doc.name.number === number);
      this.#byNumber.set(number, found);
    }
    return found;
  }

  /** Documents with an id such as `scs-0100-v3` (more than one is an error of its own). */
  byId(id: string): readonly StandardDocument[] {
    let found = this.#byId.get(id);
    if (found === undefined && !this.#ranges) return [];
    if (found === undefined) {
      // An id is `scs-<number>-<version>`, neither part with a hyphen.
      const dash = id.startsWith(NAME_PREFIX) ? id.indexOf('-', NAME_PREFIX.length) : -1;
      found = dash === -1 ? [] : this.#named(id.slice(NAME_PREFIX.length, dash)).filter((doc) => doc.name?.id === id);
      this.#byId.set(id, found);
    }
    return found;
  }

  /**
   * A value derived from the whole corpus, computed once and shared by every rule that asks
   * with the same key (for example an index of who replaces whom).
   */
  memo<T>(key: string, compute: (corpus: Corpus) => T): T {
    if (this.#memo.has(key)) return this.#memo.get(key) as T;
    const value = compute(this);
    this.#memo.set(key, value);
    return value;
  }

  /** Four-digit numbers in use. */
  numbers(): string[] {
    const numbers = new Set<string>();
    for (const doc of this.documents) if (doc.name?.numeric !== undefined) numbers.add(doc.name.number);
    return [...numbers].sort();
  }

  /** The documents whose file names start with `scs-<number>-` (a number has no hyphen), in order. */
  #named(number: string): readonly StandardDocument[] {
    if (number.includes('-')) return [];
    const start = `${NAME_PREFIX}${number}-`;
    // Every name that starts so lies between it and the same text with `.` (the code after `-`) at the end.
    const end = `${NAME_PREFIX}${number}.`;
    return this.documents.slice(lowerBound(this.documents, start), lowerBound(this.documents, end));
  }
}

/** The start of the default profile's template names (`scs-XXXX-vN-...`): the literal of its template pattern up to the version. */
const TEMPLATE_START = TEMPLATE_PATTERN.slice(0, TEMPLATE_PATTERN.indexOf('-', NAME_PREFIX.length) + 1);

/** The first index of sorted documents whose file name is not before `fileName`. */
function lowerBound(documents: readonly StandardDocument[], fileName: string): number {
  let low = 0;
  let high = documents.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareStrings(documents[middle]?.fileName ?? '', fileName) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

function push(map: Map<string, StandardDocument[]>, key: string, doc: StandardDocument): void {
  const list = map.get(key);
  if (list) list.push(doc);
  else map.set(key, [doc]);
}

/** Code-unit order, the same on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

import type { StandardDocument } from './document.js';

/**
 * All documents of one standards folder, indexed by file name, number and id. Templates are
 * kept out of every index: they are not documents.
 */
export class Corpus {
  /** Absolute path of the folder. */
  readonly folder: string;
  /** Every document (templates excluded), sorted by file name. */
  readonly documents: readonly StandardDocument[];
  readonly templates: readonly StandardDocument[];
  readonly #byFileName = new Map<string, StandardDocument>();
  readonly #byNumber = new Map<string, StandardDocument[]>();
  readonly #byId = new Map<string, StandardDocument[]>();
  readonly #memo = new Map<string, unknown>();

  constructor(folder: string, documents: Iterable<StandardDocument>) {
    this.folder = folder;
    const all = [...documents].sort((a, b) => compareStrings(a.fileName, b.fileName));
    this.templates = all.filter((doc) => doc.isTemplate);
    this.documents = all.filter((doc) => !doc.isTemplate);
    for (const doc of this.documents) {
      this.#byFileName.set(doc.fileName, doc);
      const name = doc.name;
      if (!name) continue;
      if (name.numeric !== undefined) push(this.#byNumber, name.number, doc);
      push(this.#byId, name.id, doc);
    }
  }

  byFileName(fileName: string): StandardDocument | undefined {
    return this.#byFileName.get(fileName);
  }

  /** Documents and supplements of a four-digit number, sorted by file name. */
  byNumber(number: string): readonly StandardDocument[] {
    return this.#byNumber.get(number) ?? [];
  }

  /** Documents with an id such as `scs-0100-v3` (more than one is an error of its own). */
  byId(id: string): readonly StandardDocument[] {
    return this.#byId.get(id) ?? [];
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
    return [...this.#byNumber.keys()].sort();
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Code-unit order, the same on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

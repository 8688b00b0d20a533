import { relative, sep } from 'node:path';
import type { StandardDocument } from '../model/document.js';
import { unifiedDiff } from './diff.js';

/**
 * One file of a change set. `from` is the path before (undefined for a file the change creates),
 * `to` the path after; both are absolute. `before` holds the bytes the change was computed from,
 * so that a file changed in the meantime is detected instead of overwritten.
 */
export interface FileChange {
  from: string | undefined;
  to: string;
  before: Buffer | undefined;
  after: Buffer;
  /** For a created file: what it was made from (a template), as the summary names it. */
  source?: string | undefined;
}

/** The text of a document as its file holds it: with the byte order mark, if it has one. */
export function fileText(doc: StandardDocument): string {
  return (doc.source.bom ? '\ufeff' : '') + doc.source.text;
}

/**
 * Everything a command changes, computed before anything is written: files created, renamed
 * and edited. It can be shown as a unified diff (`--dry-run`) or applied as one transaction.
 */
export class ChangeSet {
  /** The repository root; diffs show paths relative to it. */
  readonly root: string;
  readonly #byOrigin = new Map<string, FileChange>();
  /** Things the user should know about the change (printed as warnings). */
  readonly notes: string[] = [];

  constructor(root: string) {
    this.root = root;
  }

  /**
   * Creates a file with this text (a byte order mark, if wanted, is its first character);
   * `source` names what it was made from (a template), for the summary.
   */
  create(path: string, text: string, source?: string): void {
    if (this.#byOrigin.has(path) || this.#targets().has(path)) throw new Error(`Internal error: ${path} is changed twice`);
    this.#byOrigin.set(path, { from: undefined, to: path, before: undefined, after: Buffer.from(text, 'utf8'), source });
  }

  /** Replaces a document's text (as `fileText` gives it). */
  edit(doc: StandardDocument, text: string): void {
    this.#existing(doc).after = Buffer.from(text, 'utf8');
  }

  /** Moves a document to another path (its text may be edited as well). */
  rename(doc: StandardDocument, to: string): void {
    this.#existing(doc).to = to;
  }

  note(message: string): void {
    this.notes.push(message);
  }

  /** The current text a change gives a document (its original text when unchanged). */
  textOf(doc: StandardDocument): string {
    return this.#byOrigin.get(doc.source.path)?.after.toString('utf8') ?? fileText(doc);
  }

  #existing(doc: StandardDocument): FileChange {
    let change = this.#byOrigin.get(doc.source.path);
    if (!change) {
      const before = Buffer.from(fileText(doc), 'utf8');
      change = { from: doc.source.path, to: doc.source.path, before, after: before };
      this.#byOrigin.set(doc.source.path, change);
    }
    return change;
  }

  #targets(): Set<string> {
    return new Set([...this.#byOrigin.values()].map((change) => change.to));
  }

  /** The changes that change something, sorted by their path after the change. */
  get changes(): FileChange[] {
    return [...this.#byOrigin.values()]
      .filter((change) => change.from !== change.to || change.before === undefined || !change.before.equals(change.after))
      .sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
  }

  get isEmpty(): boolean {
    return this.changes.length === 0;
  }

  /** A path relative to the root with `/` separators, as diffs and messages show it. */
  display(path: string): string {
    return relative(this.root, path).split(sep).join('/');
  }

  /** The whole change as a unified diff in the format of `git diff`. */
  diff(): string {
    return unifiedDiff(
      this.changes.map((change) => ({
        from: change.from === undefined ? undefined : this.display(change.from),
        to: this.display(change.to),
        before: change.before?.toString('utf8') ?? '',
        after: change.after.toString('utf8'),
      })),
    );
  }

  /** One line per file: what happened to it. */
  summary(): string[] {
    return this.changes.map((change) => {
      if (change.from === undefined) return `Created ${this.display(change.to)}${change.source === undefined ? '' : ` from ${change.source}`}`;
      if (change.from !== change.to) {
        const edited = change.before !== undefined && !change.before.equals(change.after);
        return `Renamed ${this.display(change.from)} -> ${this.display(change.to)}${edited ? ' (and updated)' : ''}`;
      }
      return `Updated ${this.display(change.to)}`;
    });
  }
}

import { isIsoDate } from './dates.js';
import { parseFileName, type FileName, type FileNameResult, type Naming } from './filename.js';
import { findEntry, locate, parseFrontMatter, type FrontMatter } from './frontmatter.js';
import type { BodyFacts } from './markdown-facts.js';
import { documentFacts } from './markdown.js';
import type { Range } from './positions.js';
import { REFERENCE_FIELDS } from './profile.js';
import { decodeSource, makeSource, ReadRefusal, type SourceFile, type SourceProblem } from './source.js';

/** A file name written in `replaces`, `replaced_by` or `supplements`, with where it was written. */
export interface Reference {
  /** The reference field (`replaces`, `replaced_by`, `supplements` in the default process). */
  field: string;
  name: string;
  range: Range;
  /** Whether the field was written as a single string rather than a list. */
  asString: boolean;
}

/** A document number written in a reference field such as `requires: 1559, 2930`, with where it was written. */
export interface NumberReference {
  field: string;
  /** The number without leading zeros. */
  number: string;
  range: Range;
}

/** A scalar field and where it was written. */
export interface FieldValue {
  value: unknown;
  range: Range;
  keyRange: Range;
}

/**
 * The front matter of a document known from a cache, each part read when something first asks
 * for it: its data and its references (what cross-document rules read of the documents they do
 * not report on), or the whole front matter with its positions. A part the cache cannot give
 * (undefined) is taken from the whole front matter, which is parsed from the file when the cache
 * cannot give that either.
 */
export interface KnownFrontMatter {
  data(): Record<string, unknown> | undefined;
  references(): readonly Reference[] | undefined;
  positioned(): FrontMatter | undefined;
}

/** Reads a document's whole file; throws when it cannot. */
export type DocumentLoader = () => Uint8Array;

/** What the file system says of a document's file when it was read (for the cache). */
export interface FileStat {
  size: number;
  mtimeMs: number;
  ino: number;
}

/**
 * What a cache keeps of a front matter for the documents a run does not report on: its plain
 * data and the references it makes, which is all that cross-document rules read of them.
 */
export interface FrontMatterSummary {
  data: Record<string, unknown>;
  references: readonly Reference[];
}

/** The summary of a front matter (its data and the references of every reference field). */
export function summarizeFrontMatter(doc: StandardDocument): FrontMatterSummary {
  return { data: doc.frontMatter.data, references: REFERENCE_FIELDS.flatMap((field) => doc.references(field)) };
}

const NO_FRONT_MATTER: FrontMatter = { present: false, range: { start: 0, end: 0 }, contentStart: 0, source: '', map: undefined, mapRange: undefined, entries: [], data: {}, usable: false, problems: [] };

/**
 * One file of a standards folder: its source, its parsed file name, its front matter with
 * positions, and (when it is reported on) the facts of its Markdown body.
 *
 * A document can be read partially: only the bytes up to the end of its front matter, which is
 * all that cross-document rules and the version index need of the documents they do not report
 * on. Such a document reads the rest of its file the first time its whole source is asked for,
 * and `release()` lets it go again once it has been checked, so that a large corpus never sits in
 * memory at once.
 */
export class StandardDocument {
  /** Absolute path. */
  readonly path: string;
  /** The file's path relative to the repository root, with `/` separators. */
  readonly relPath: string;
  readonly fileName: string;
  /** The parsed file name, once something asks for it. */
  #parsedName: FileNameResult | undefined;
  /** How the file name is read: the configured process's naming. */
  readonly #naming: Naming;
  #frontMatter: FrontMatter | undefined;
  /** For a document known from a cache: its front matter, until the whole is asked for. */
  #known: KnownFrontMatter | undefined;
  #knownData: Record<string, unknown> | undefined;
  #knownReferences: readonly Reference[] | undefined;
  #source: SourceFile;
  #readProblem: SourceProblem | undefined;
  /** The front matter part, kept to go back to after `release()`. */
  #head: SourceFile | undefined;
  #loader: DocumentLoader | undefined;
  #maxFileSize: number | undefined;
  #size: number | undefined;
  #stat: FileStat | undefined;
  /** Whether the read problem (or its absence) is known without reading the rest of the file. */
  #problemKnown = false;
  #body: BodyFacts | undefined;

  constructor(source: SourceFile, relPath: string, readProblem?: SourceProblem, body?: BodyFacts, frontMatter?: FrontMatter, naming: Naming = parseFileName) {
    this.path = source.path;
    this.relPath = relPath;
    this.fileName = source.fileName;
    this.#naming = naming;
    this.#source = source;
    this.#readProblem = readProblem;
    this.#frontMatter = frontMatter ?? frontMatterBefore(source.text, readProblem);
    this.#body = body;
  }

  /** Whether the file name is read as the default process reads it (`parseFileName`). */
  get namedByDefault(): boolean {
    return this.#naming === parseFileName;
  }

  /** The parts of the file name, when it has the overall shape of one (parsed on first use). */
  get name(): FileName | undefined {
    const parsed = (this.#parsedName ??= this.#naming(this.fileName));
    return parsed.ok ? parsed.name : undefined;
  }

  /** What is wrong with the file name (see `parseFileName` for the default process). */
  get nameProblems(): string[] {
    return (this.#parsedName ??= this.#naming(this.fileName)).problems;
  }

  /** The front matter with its positions (for a document known from a cache, built on first use). */
  get frontMatter(): FrontMatter {
    if (this.#frontMatter === undefined) {
      const positioned = this.#known?.positioned();
      this.#frontMatter = positioned ?? frontMatterBefore(this.source.text, this.readProblem);
      this.#known = undefined;
      this.#knownData = undefined;
      this.#knownReferences = undefined;
    }
    return this.#frontMatter;
  }

  /** The plain data of the front matter (without building its positions). */
  get data(): Record<string, unknown> {
    if (this.#frontMatter === undefined && this.#known !== undefined) {
      const data = (this.#knownData ??= this.#known.data());
      if (data !== undefined) return data;
    }
    return this.frontMatter.data;
  }

  static fromBytes(path: string, relPath: string, fileName: string, bytes: Uint8Array, maxFileSize?: number, naming?: Naming): StandardDocument {
    const decoded = decodeSource(bytes, maxFileSize);
    return new StandardDocument(makeSource(path, fileName, decoded.text, decoded.bom), relPath, decoded.ok ? undefined : decoded.problem, undefined, undefined, naming);
  }

  /**
   * A document read up to the end of its front matter (`head`); `loader` reads the whole file
   * when the rest is needed. A problem found in the head (binary content, invalid UTF-8) is final.
   */
  static fromHead(path: string, relPath: string, fileName: string, head: Uint8Array, loader: DocumentLoader, stat: FileStat, maxFileSize?: number, naming?: Naming): StandardDocument {
    const decoded = decodeSource(head, maxFileSize);
    const source = makeSource(path, fileName, decoded.text, decoded.bom);
    if (!decoded.ok) return new StandardDocument(source, relPath, decoded.problem, undefined, undefined, naming);
    const doc = new StandardDocument(source, relPath, undefined, undefined, undefined, naming);
    doc.#head = source;
    doc.#loader = loader;
    doc.#maxFileSize = maxFileSize;
    doc.#size = stat.size;
    doc.#stat = stat;
    return doc;
  }

  /**
   * A document whose front matter, read problem and facts a cache holds for a file that has not
   * changed: nothing of it is read until its source is asked for.
   */
  static fromKnown(
    path: string,
    relPath: string,
    fileName: string,
    known: { frontMatter: KnownFrontMatter; problem: SourceProblem | undefined; body?: BodyFacts | undefined },
    loader: DocumentLoader,
    stat: FileStat,
    maxFileSize?: number,
    naming?: Naming,
  ): StandardDocument {
    const placeholder = makeSource(path, fileName, '', false);
    const doc = new StandardDocument(placeholder, relPath, known.problem, known.body, NO_FRONT_MATTER, naming);
    doc.#frontMatter = undefined;
    doc.#known = known.frontMatter;
    doc.#head = placeholder;
    doc.#loader = loader;
    doc.#maxFileSize = maxFileSize;
    doc.#size = stat.size;
    doc.#stat = stat;
    doc.#problemKnown = true;
    return doc;
  }

  /** A document whose file could not be read at all: only the problem is known. */
  static unreadable(path: string, relPath: string, fileName: string, message: string, naming?: Naming): StandardDocument {
    return new StandardDocument(makeSource(path, fileName, '', false), relPath, { message, range: { start: 0, end: 0 } }, undefined, undefined, naming);
  }

  static fromText(path: string, relPath: string, fileName: string, text: string, naming?: Naming): StandardDocument {
    const bom = text.charCodeAt(0) === 0xfeff;
    return new StandardDocument(makeSource(path, fileName, bom ? text.slice(1) : text, bom), relPath, undefined, undefined, undefined, naming);
  }

  /** The whole source (read now if only the front matter was read so far). */
  get source(): SourceFile {
    if (this.#loader !== undefined && this.#source === this.#head) this.complete();
    return this.#source;
  }

  /** Set when the file could not be decoded (binary, invalid UTF-8, too large, unreadable). */
  get readProblem(): SourceProblem | undefined {
    if (this.#loader !== undefined && this.#source === this.#head && !this.#problemKnown) this.complete();
    return this.#readProblem;
  }

  /** The file's size, modification time and inode when it was first read (partially read documents only). */
  get fileStat(): FileStat | undefined {
    return this.#stat;
  }

  /**
   * Records what the cache knows of a partially read document whose file has not changed: its
   * read problem (or none) and its Markdown facts, so that neither needs the rest of the file.
   */
  adoptKnown(problem: SourceProblem | undefined, body: BodyFacts): void {
    if (this.#loader === undefined || this.#source !== this.#head) return;
    this.#readProblem = problem;
    this.#problemKnown = true;
    this.#body = body;
  }

  /** The size of the file in bytes (of the text, for a document made from text). */
  get size(): number {
    return this.#size ?? this.#source.text.length;
  }

  /** The read problem found so far, without reading the rest of a partially read document. */
  get knownReadProblem(): SourceProblem | undefined {
    return this.#readProblem;
  }

  /** Whether the whole file has been read (always, unless the document was read partially). */
  get isComplete(): boolean {
    return this.#loader === undefined || this.#source !== this.#head;
  }

  /** Reads the rest of a partially read document. Its front matter stays as it was read. */
  complete(): void {
    const loader = this.#loader;
    if (loader === undefined || this.#source !== this.#head) return;
    let bytes: Uint8Array;
    try {
      bytes = loader();
    } catch (error) {
      const message = error instanceof ReadRefusal ? error.message : `File cannot be read: ${error instanceof Error ? error.message : String(error)}`;
      this.#readProblem = { message, range: { start: 0, end: 0 } };
      return;
    }
    const decoded = decodeSource(bytes, this.#maxFileSize);
    this.#source = makeSource(this.path, this.fileName, decoded.text, decoded.bom);
    this.#readProblem = decoded.ok ? undefined : decoded.problem;
    this.#problemKnown = false;
  }

  /**
   * Lets go of the whole source of a partially read document (its front matter stays); the source
   * is read again if it is asked for again. With `withBody`, the Markdown facts go too (they are
   * computed again if asked for): facts cut from the whole text would keep all of it alive.
   */
  release(withBody = false): void {
    if (this.#loader === undefined || this.#head === undefined) return;
    this.#source = this.#head;
    if (withBody) this.#body = undefined;
  }

  get isTemplate(): boolean {
    return this.name?.kind === 'template';
  }

  /** Whether the body facts are already known (parsed or taken from a cache). */
  get hasBody(): boolean {
    return this.#body !== undefined;
  }

  /** The Markdown facts, parsed on first use. */
  get body(): BodyFacts {
    if (this.#body === undefined) {
      const source = this.source;
      this.#body = this.#readProblem ? { headings: [], links: [], directives: [], anchors: [] } : documentFacts(source.text);
    }
    return this.#body;
  }

  setBody(body: BodyFacts): void {
    this.#body = body;
  }

  /** A top-level front matter field with the range of its value (or key, for an empty value). */
  field(key: string): FieldValue | undefined {
    const entry = findEntry(this.frontMatter, key);
    if (!entry) return undefined;
    return { value: this.frontMatter.data[key], range: entry.value.range ?? entry.keyRange, keyRange: entry.keyRange };
  }

  /** A string field's value, or undefined when missing or not a string. */
  string(key: string): string | undefined {
    const value = this.data[key];
    return typeof value === 'string' ? value : undefined;
  }

  get type(): string | undefined {
    return this.string('type');
  }

  get status(): string | undefined {
    return this.string('status');
  }

  get track(): string | undefined {
    return this.string('track');
  }

  get title(): string | undefined {
    return this.string('title');
  }

  /** An ISO date field as a string (`YYYY-MM-DD`), when it is one. */
  date(key: string): string | undefined {
    const value = this.data[key];
    return isIsoDate(value) ? value : undefined;
  }

  /** The file names a reference field names, accepting a single string as well as a list. */
  references(field: string): Reference[] {
    const known = this.#knownReferenceList();
    if (known !== undefined) return known.filter((reference) => reference.field === field).map((reference) => ({ ...reference, range: { ...reference.range } }));
    return this.#referencesOf(field);
  }

  /**
   * The references of every reference field, field by field in the order of `REFERENCE_FIELDS`
   * (what a corpus-wide index of who names whom reads of every document). Only to be read: for
   * a document known from a cache they are the cache's own, not copies.
   */
  allReferences(): readonly Readonly<Reference>[] {
    return this.#knownReferenceList() ?? REFERENCE_FIELDS.flatMap((field) => this.#referencesOf(field));
  }

  /** The references a cache knows, while the whole front matter has not been asked for. */
  #knownReferenceList(): readonly Reference[] | undefined {
    if (this.#frontMatter !== undefined || this.#known === undefined) return undefined;
    return (this.#knownReferences ??= this.#known.references());
  }

  #referencesOf(field: string): Reference[] {
    const value = findEntry(this.frontMatter, field)?.value;
    if (value?.kind === 'scalar') {
      if (typeof value.value !== 'string' || value.value.trim() === '') return [];
      return [{ field, name: value.value.trim(), range: value.range, asString: true }];
    }
    if (value?.kind === 'seq') {
      const references: Reference[] = [];
      for (const item of value.items) {
        if (item.kind === 'scalar' && typeof item.value === 'string' && item.value.trim() !== '') {
          references.push({ field, name: item.value.trim(), range: item.range, asString: false });
        }
      }
      return references;
    }
    return [];
  }

  /**
   * The numbers a reference field names: an integer, or integers separated by commas (`1559,
   * 2930`), or a list of them. Each has the range it was written at when the scalar is written
   * plainly; entries that are no numbers are the schema's to report.
   */
  numberReferences(field: string): NumberReference[] {
    const value = findEntry(this.frontMatter, field)?.value;
    const found: NumberReference[] = [];
    const fromScalar = (scalar: unknown, range: Range): void => {
      if (typeof scalar === 'number' && Number.isInteger(scalar) && scalar >= 0) {
        found.push({ field, number: String(scalar), range });
        return;
      }
      if (typeof scalar !== 'string') return;
      const written = this.source.text.slice(range.start, range.end);
      const offset = written === scalar ? range.start : undefined;
      let at = 0;
      for (const part of scalar.split(',')) {
        const text = part.trim();
        const start = at + part.indexOf(text);
        at += part.length + 1;
        if (!/^[0-9]+$/.test(text)) continue;
        found.push({ field, number: String(Number(text)), range: offset === undefined ? range : { start: offset + start, end: offset + start + text.length } });
      }
    };
    if (value?.kind === 'scalar') fromScalar(value.value, value.range);
    else if (value?.kind === 'seq') for (const item of value.items) if (item.kind === 'scalar') fromScalar(item.value, item.range);
    return found;
  }

  /** The range of the node at a path in the front matter (for schema findings). */
  locate(path: readonly (string | number)[]): Range {
    return locate(this.frontMatter, path);
  }
}

/**
 * The front matter of a text that may end early at a read problem: parsed when the whole block
 * lies before the problem, and absent otherwise (the problem is reported instead).
 */
function frontMatterBefore(text: string, problem: SourceProblem | undefined): FrontMatter {
  if (problem !== undefined && text.length === 0) return NO_FRONT_MATTER;
  const frontMatter = parseFrontMatter(text);
  if (problem === undefined) return frontMatter;
  const closed = frontMatter.present && !frontMatter.problems.some((item) => item.kind === 'unclosed') && frontMatter.range.end <= problem.range.start;
  return closed ? frontMatter : NO_FRONT_MATTER;
}

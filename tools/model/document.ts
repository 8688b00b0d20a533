import { isIsoDate } from './dates.js';
import { parseFileName, type FileName } from './filename.js';
import { findPair, locate, nodeRange, parseFrontMatter, type FrontMatter } from './frontmatter.js';
import { collectBodyFacts, type BodyFacts } from './markdown.js';
import type { Range } from './positions.js';
import type { ReferenceField } from './profile.js';
import { decodeSource, makeSource, type SourceFile, type SourceProblem } from './source.js';
import { isSeq, isScalar, type Node } from 'yaml';

/** A file name written in `replaces`, `replaced_by` or `supplements`, with where it was written. */
export interface Reference {
  field: ReferenceField;
  name: string;
  range: Range;
  /** Whether the field was written as a single string rather than a list. */
  asString: boolean;
}

/** A scalar field and where it was written. */
export interface FieldValue {
  value: unknown;
  range: Range;
  keyRange: Range;
}

/**
 * One file of a standards folder: its source, its parsed file name, its front matter with
 * positions, and (when it is reported on) the facts of its Markdown body.
 */
export class StandardDocument {
  readonly source: SourceFile;
  /** The file's path relative to the repository root, with `/` separators. */
  readonly relPath: string;
  readonly name: FileName | undefined;
  readonly nameProblems: string[];
  /** Set when the file could not be decoded (binary, invalid UTF-8, too large, unreadable). */
  readonly readProblem: SourceProblem | undefined;
  readonly frontMatter: FrontMatter;
  #body: BodyFacts | undefined;

  constructor(source: SourceFile, relPath: string, readProblem?: SourceProblem, body?: BodyFacts) {
    this.source = source;
    this.relPath = relPath;
    const parsed = parseFileName(source.fileName);
    this.name = parsed.ok ? parsed.name : undefined;
    this.nameProblems = parsed.problems;
    this.readProblem = readProblem;
    this.frontMatter = readProblem
      ? { present: false, range: { start: 0, end: 0 }, contentStart: 0, source: '', map: undefined, data: {}, usable: false, problems: [] }
      : parseFrontMatter(source.text);
    this.#body = body;
  }

  static fromBytes(path: string, relPath: string, fileName: string, bytes: Uint8Array, maxFileSize?: number): StandardDocument {
    const decoded = decodeSource(bytes, maxFileSize);
    if (!decoded.ok) return new StandardDocument(makeSource(path, fileName, decoded.text, false), relPath, decoded.problem);
    return new StandardDocument(makeSource(path, fileName, decoded.text, decoded.bom), relPath);
  }

  /** A document whose file could not be read at all: only the problem is known. */
  static unreadable(path: string, relPath: string, fileName: string, message: string): StandardDocument {
    return new StandardDocument(makeSource(path, fileName, '', false), relPath, { message, range: { start: 0, end: 0 } });
  }

  static fromText(path: string, relPath: string, fileName: string, text: string): StandardDocument {
    const bom = text.charCodeAt(0) === 0xfeff;
    return new StandardDocument(makeSource(path, fileName, bom ? text.slice(1) : text, bom), relPath);
  }

  get fileName(): string {
    return this.source.fileName;
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
      this.#body = this.readProblem ? { headings: [], links: [], directives: [], anchors: [] } : collectBodyFacts(this.source.text);
    }
    return this.#body;
  }

  setBody(body: BodyFacts): void {
    this.#body = body;
  }

  /** A top-level front matter field with the range of its value (or key, for an empty value). */
  field(key: string): FieldValue | undefined {
    const pair = findPair(this.frontMatter, key);
    if (!pair) return undefined;
    const keyRange = nodeRange(this.frontMatter, pair.key) ?? { start: 0, end: 0 };
    const valueRange = nodeRange(this.frontMatter, pair.value) ?? keyRange;
    return { value: this.frontMatter.data[key], range: valueRange, keyRange };
  }

  /** A string field's value, or undefined when missing or not a string. */
  string(key: string): string | undefined {
    const value = this.frontMatter.data[key];
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
    const value = this.frontMatter.data[key];
    return isIsoDate(value) ? value : undefined;
  }

  /** The file names a reference field names, accepting a single string as well as a list. */
  references(field: ReferenceField): Reference[] {
    const pair = findPair(this.frontMatter, field);
    if (!pair) return [];
    const value = pair.value as Node | null;
    if (isScalar(value)) {
      if (typeof value.value !== 'string' || value.value.trim() === '') return [];
      return [{ field, name: value.value.trim(), range: nodeRange(this.frontMatter, value) ?? { start: 0, end: 0 }, asString: true }];
    }
    if (isSeq(value)) {
      const references: Reference[] = [];
      for (const item of value.items) {
        if (isScalar(item) && typeof item.value === 'string' && item.value.trim() !== '') {
          references.push({ field, name: item.value.trim(), range: nodeRange(this.frontMatter, item as Node) ?? { start: 0, end: 0 }, asString: false });
        }
      }
      return references;
    }
    return [];
  }

  /** The range of the node at a path in the front matter (for schema findings). */
  locate(path: readonly (string | number)[]): Range {
    return locate(this.frontMatter, path);
  }
}

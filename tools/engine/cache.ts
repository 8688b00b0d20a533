import { createHash } from 'node:crypto';
import { closeSync, constants, existsSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { summarizeFrontMatter, type FileStat, type FrontMatterSummary, type KnownFrontMatter, type Reference, type StandardDocument } from '../model/document.js';
import { plainFrontMatter, withLazyMap, type FrontMatter, type PlainFrontMatter } from '../model/frontmatter.js';
import type { BodyFacts, Directive, Heading, Link } from '../model/markdown-facts.js';
import type { Range } from '../model/positions.js';
import { REFERENCE_FIELDS, type ReferenceField } from '../model/profile.js';
import type { SourceProblem } from '../model/source.js';
import { writeFileAtomic } from './atomic-write.js';

/** Bumped whenever what the cache holds changes shape or meaning. */
const FORMAT = 9;

export const DEFAULT_CACHE_FILE = '.scs-standards-cache';

interface Header {
  format: number;
  tool: string;
  config: string;
  /** When the file was written (milliseconds since the epoch). */
  written: number;
  /** The length in bytes of the index: a line per entry, up to its references and where its data line is. */
  index: number;
  /** The length in bytes of the data: a line per entry of the index, its front matter and facts. */
  data: number;
}

/**
 * An entry: the content hash; the size, modification time and inode the file had, and when the
 * entry was recorded; the read problem (or none), the data and the references of the front
 * matter, the whole front matter with its positions, and the facts, as JSON. The whole front
 * matter and the facts stay bytes of the file until a run asks for them: a run that lints one
 * file needs the data and references of all the others, and the rest of only the one.
 */
interface Entry {
  hash: string;
  size: number;
  mtimeMs: number;
  ino: number;
  /** When the entry was recorded (milliseconds since the epoch). */
  written: number;
  problem: string;
  /** The data of the front matter as JSON (`null` when it cannot be kept exactly). */
  data: string;
  /** The references of the front matter, each as `[field, name, start, end, asString]`, as JSON. */
  references: string;
  /** The plain front matter as JSON (`null` when it cannot be kept exactly). */
  frontMatter: string | Uint8Array;
  json: string | Uint8Array;
  /** The front matter once parsed from `frontMatter` (null: malformed). */
  parsed?: FrontMatter | null;
  /** The line of the cache file the entry was read from (none once the entry is changed). */
  line?: Line | undefined;
}

/**
 * An entry of the cache file not looked at yet: where its line is in `text` (the index, or the
 * lines appended after the data, each decoded once as a whole), and where the fields after its
 * references start. Those are, for a line of the index, the offset and length of its front
 * matter and facts in the data (read from the file only when they are used), and for an appended
 * line the front matter and facts themselves. Most entries of a run that lints one file are only
 * ever asked for their references.
 */
interface Line {
  text: string;
  start: number;
  /** Just after the tab that ends the references. */
  tail: number;
  end: number;
  indexed: boolean;
  /** Set once the path's entry is no longer this line (nor an entry made of it): replaced or removed. */
  stale: boolean;
  /** Set once this run found the path's file (asked `known` for it). */
  seen: boolean;
}

/** A file changed this shortly before its entry was recorded may change again unseen: it is read. */
const RACY_MS = 2000;

/**
 * Changed entries are appended to the file (a later line of a path replaces an earlier one)
 * while the lines so replaced stay under this share of the documents, or this many for a small
 * corpus; past that, the whole file is written again.
 */
const APPEND_SHARE = 1 / 8;
const APPEND_MIN = 64;

/**
 * The lint cache, as ESLint's `--cache`: for each document, keyed by the hash of its content,
 * what is expensive to compute: the facts of its Markdown body. A cache file that is corrupt,
 * stale, or written by another version or configuration is ignored as a whole, never trusted;
 * rules themselves run on every run (they take milliseconds), so findings never come from a
 * cache that could be out of date.
 *
 * The file is a JSON header line, then an index with one line per document (path, hash, size,
 * modification time, inode, when the entry was recorded, read problem, the data and the
 * references of its front matter, and where its data line is, separated by tabs), then the data:
 * one line per document of the index with its whole front matter and its facts. A run that
 * lints one file reads the index (the cross-document rules need the data and references of
 * every document) and the data of the one file only; each field of an index line is decoded
 * when it is first asked for. As git's index does, a file whose size, modification time and inode are those of its
 * entry, and that had not been modified shortly before the entry was recorded, is taken to have
 * the content of its entry without being read; any other file is read and its content hash
 * compared.
 *
 * A run that changes a few entries (a pre-commit hook linting the file being committed) appends
 * their lines (each with its front matter and facts) after the data instead of writing all of
 * the file again, when the file is still the one it read; a later line of a path replaces an
 * earlier one, and an unfinished last line (a run that
 * stopped while appending) is not used. The whole file is written again (atomically) once
 * replaced lines pile up, when entries are removed, or when the file is not the one read.
 */
export class FactsCache {
  readonly #path: string;
  readonly #root: string;
  readonly #tool: string;
  readonly #config: string;
  #files: Map<string, Entry | Line>;
  /** The cache file, open while the data of its entries may still be read from it. */
  #fd: number | undefined;
  /** Where the data starts in the file, and how long it is. */
  #dataStart: number;
  #dataLength: number;
  /** The whole data, once many entries asked for theirs. */
  #data: Buffer | undefined;
  #dataReads = 0;
  /** The inode and size of the cache file read (to append only to that file). */
  #ino: number;
  #size: number;
  /** Lines of the file that a later line of the same path replaced. */
  #replaced: number;
  /** Paths this run has seen on disk (their files exist). */
  readonly #seen = new Set<string>();
  /** Paths whose entries this run set (what an append writes). */
  #changed = new Set<string>();
  /** Whether this run removed an entry, or found the file's end unfinished (an append cannot say so). */
  #rewrite = false;
  #dirty = false;
  /** How the cache was found: used, absent, or ignored and why. */
  readonly status: string;
  hits = 0;
  misses = 0;

  private constructor(
    path: string,
    root: string,
    tool: string,
    config: string,
    files: Map<string, Entry | Line>,
    status: string,
    file: { fd: number; ino: number; size: number; dataStart: number; dataLength: number; replaced: number } | undefined = undefined,
  ) {
    this.#path = path;
    this.#fd = file?.fd;
    this.#ino = file?.ino ?? -1;
    this.#size = file?.size ?? -1;
    this.#dataStart = file?.dataStart ?? 0;
    this.#dataLength = file?.dataLength ?? 0;
    this.#replaced = file?.replaced ?? 0;
    this.#root = root;
    this.#tool = tool;
    this.#config = config;
    this.#files = files;
    this.status = status;
  }

  /**
   * Reads the cache at `path` for this tool version and configuration (its root and raw
   * settings); document paths in it are relative to that root.
   */
  static load(path: string, tool: string, settings: { root: string; raw: unknown }): FactsCache {
    const root = settings.root;
    const config = hashText(JSON.stringify(settings.raw ?? {}));
    const make = (files: Map<string, Entry>, status: string): FactsCache => new FactsCache(path, root, tool, config, files, status);
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch {
      return make(new Map(), 'absent');
    }
    let open = false;
    try {
      const loaded = FactsCache.#read(fd, path, root, tool, config);
      open = loaded.#fd === fd;
      return loaded;
    } catch {
      return make(new Map(), 'ignored: not a cache file');
    } finally {
      // The file stays open only while the data of its entries may be read.
      if (!open) closeSync(fd);
    }
  }

  /** Reads the header, the index and the appended lines of an open cache file; the data stays in the file. */
  static #read(fd: number, path: string, root: string, tool: string, config: string): FactsCache {
    const make = (files: Map<string, Entry>, status: string): FactsCache => new FactsCache(path, root, tool, config, files, status);
    const { ino, size } = fstatSync(fd);
    const head = readAt(fd, 0, Math.min(size, HEADER_MAX));
    const headerEnd = head.indexOf(NEWLINE);
    let header: unknown;
    try {
      header = JSON.parse(head.toString('utf8', 0, headerEnd === -1 ? head.length : headerEnd));
    } catch {
      return make(new Map(), 'ignored: not a cache file');
    }
    const reason = checkHeader(header, tool, config);
    if (reason) return make(new Map(), `ignored: ${reason}`);
    const { index, data } = header as Header;
    const indexStart = headerEnd + 1;
    const dataStart = indexStart + index;
    if (headerEnd === -1 || dataStart + data > size) return make(new Map(), 'ignored: not a cache file');
    const files = new Map<string, Entry | Line>();
    let lineNumber = 1;
    let indexLines = 0;
    let replaced = 0;
    let unfinished = false;
    // The index, then the lines appended after the data (a data line for each index line comes between).
    // Each section is decoded as a whole: its lines are then looked at as strings, which is
    // cheaper than a search of the bytes for each field.
    const sections: [string, boolean][] = [
      [readAt(fd, indexStart, index).toString('utf8'), true],
      [readAt(fd, dataStart + data, size - dataStart - data).toString('utf8'), false],
    ];
    for (const [text, indexed] of sections) {
      for (let start = 0; start < text.length; ) {
        lineNumber++;
        const end = text.indexOf('\n', start);
        if (end === -1) {
          // An index that does not end its last line is not one; an appended line without its end
          // is an append that did not finish: it is not used.
          if (indexed) return make(new Map(), `ignored: line ${lineNumber} is malformed`);
          unfinished = true;
          break;
        }
        if (end > start) {
          const first = text.indexOf('\t', start);
          let tail = first;
          for (let field = 1; field < FIELDS_BEFORE_DATA && tail !== -1 && tail < end; field++) tail = text.indexOf('\t', tail + 1);
          if (first === -1 || tail === -1 || tail >= end) return make(new Map(), `ignored: line ${lineNumber} is malformed`);
          const relPath = text.slice(start, first);
          if (files.has(relPath)) replaced++;
          files.set(relPath, { text, start, tail: tail + 1, end, indexed, stale: false, seen: false });
          if (indexed) indexLines++;
        }
        start = end + 1;
      }
      // Each line of the index has its line in the data.
      if (indexed) lineNumber += indexLines;
    }
    const cache = new FactsCache(path, root, tool, config, files, 'used', { fd, ino, size, dataStart, dataLength: data, replaced });
    if (unfinished) {
      cache.#rewrite = true;
      cache.#dirty = true;
    }
    return cache;
  }

  /**
   * The front matter and facts of a line (`front matter \t facts`), from the file for a line of
   * the index; undefined when they cannot be read or are not where the line says.
   */
  #dataOf(line: Line): Buffer | string | undefined {
    if (!line.indexed) return line.text.slice(line.tail, line.end);
    const [offset = NaN, length = NaN] = line.text.slice(line.tail, line.end).split('\t').map(Number);
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0 || offset + length >= this.#dataLength) return undefined;
    let record: Buffer;
    if (this.#data === undefined && this.#fd !== undefined && ++this.#dataReads > DATA_READS) this.#readData();
    if (this.#data !== undefined) record = this.#data.subarray(offset, offset + length + 1);
    else if (this.#fd !== undefined) record = readAt(this.#fd, this.#dataStart + offset, length + 1);
    else return undefined;
    // The line of the data ends where the index says.
    return record.length === length + 1 && record[length] === NEWLINE ? record.subarray(0, length) : undefined;
  }

  /** Reads the whole data (once many entries asked for theirs, or to write the file again), and closes the file. */
  #readData(): void {
    if (this.#fd === undefined) return;
    try {
      this.#data ??= readAt(this.#fd, this.#dataStart, this.#dataLength);
    } catch {
      // Unreadable now: the entries that need it are computed again.
    }
    this.close();
  }

  /** Closes the cache file (the data not read yet is then computed again when it is needed). */
  close(): void {
    if (this.#fd === undefined) return;
    const fd = this.#fd;
    this.#fd = undefined;
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
  }

  #set(relPath: string, entry: Entry): void {
    const replaced = this.#files.get(relPath);
    if (replaced !== undefined && replaced !== entry) markStale(replaced);
    this.#files.set(relPath, entry);
    this.#changed.add(relPath);
    this.#dirty = true;
  }

  #delete(relPath: string): void {
    const removed = this.#files.get(relPath);
    if (removed === undefined) return;
    markStale(removed);
    this.#files.delete(relPath);
    this.#changed.delete(relPath);
    this.#rewrite = true;
    this.#dirty = true;
  }

  /** The entry of a path, its line parsed on first use; a malformed line is dropped (and replaced). */
  #entry(relPath: string): Entry | undefined {
    const found = this.#files.get(relPath);
    if (found === undefined || !('tail' in found)) return found;
    const data = this.#dataOf(found);
    const entry = data ? parseLine(found, data) : undefined;
    if (entry) this.#files.set(relPath, entry);
    else this.#delete(relPath);
    return entry;
  }

  /** Whether the cache holds facts for the document's content (reading it only when its file changed). */
  has(doc: StandardDocument): boolean {
    this.#seen.add(doc.relPath);
    const found = this.#files.get(doc.relPath);
    const entry = found !== undefined && 'tail' in found ? parseLine(found, undefined) : found;
    return entry !== undefined && (this.#unchanged(doc, entry) || entry.hash === contentHash(doc));
  }

  /**
   * The cached facts of a document, when its content is the one they were computed from. A
   * document whose file did not change gets its facts and its read problem without being read.
   */
  lookup(doc: StandardDocument): BodyFacts | undefined {
    this.#seen.add(doc.relPath);
    const entry = this.#entry(doc.relPath);
    if (entry) {
      const unchanged = this.#unchanged(doc, entry);
      if (unchanged || entry.hash === contentHash(doc)) {
        const body = parseFacts(entry.json);
        const problem = parseProblem(entry.problem);
        // The front matter of a document reported on is used whole: it must be well formed too.
        const frontMatter = entry.data === 'null' || (positioned(entry) !== undefined && parseData(entry.data) !== undefined && parseReferences(entry.references) !== undefined);
        if (body && problem !== null && frontMatter) {
          if (unchanged) {
            hashes.set(doc, entry.hash);
            doc.adoptKnown(problem, body);
          } else this.#refreshStat(doc, entry);
          this.hits++;
          return body;
        }
        // A malformed entry is never trusted: it is computed again and replaced.
        this.#delete(doc.relPath);
      }
    }
    this.misses++;
    return undefined;
  }

  store(doc: StandardDocument, body: BodyFacts): void {
    const hash = contentHash(doc);
    this.#seen.add(doc.relPath);
    const entry = this.#entry(doc.relPath);
    if (entry && entry.hash === hash) return;
    if (doc.relPath.includes('\t') || doc.relPath.includes('\n')) return;
    const stat = doc.fileStat;
    const plain = plainFrontMatter(doc.frontMatter);
    this.#set(doc.relPath, {
      hash,
      size: stat?.size ?? -1,
      mtimeMs: stat?.mtimeMs ?? -1,
      ino: stat?.ino ?? -1,
      written: Date.now(),
      problem: JSON.stringify(doc.knownReadProblem ?? null),
      ...(plain ? stringifySummary(summarizeFrontMatter(doc)) : { data: 'null', references: '[]' }),
      frontMatter: JSON.stringify(plain ?? null),
      json: JSON.stringify(body),
    });
  }

  /**
   * What the cache knows of a file that has not changed (the data, references and whole front
   * matter, each read when asked for, and its read problem), so that it need not be read at
   * all; undefined when the file changed or the entry cannot tell.
   */
  known(relPath: string, stat: FileStat): { frontMatter: KnownFrontMatter; problem: SourceProblem | undefined } | undefined {
    const found = this.#files.get(relPath);
    if (found === undefined) return undefined;
    // Seen: a line is marked (cheaper than a set of 10,000 paths), an entry's path remembered.
    if ('tail' in found) found.seen = true;
    else this.#seen.add(relPath);
    // A line not used yet is read without making an entry of it: a run that lints one file asks
    // this of every other document, and keeps nothing of the answer but the document.
    const entry = 'tail' in found ? peekLine(found) : found;
    if (!entry) {
      this.#delete(relPath);
      return undefined;
    }
    if (!this.#same(stat, entry)) return undefined;
    // A front matter that could not be kept exactly is read from the file (`null`).
    if (entry.data === 'null') return undefined;
    const problem = entry.problem === 'null' ? undefined : parseProblem(entry.problem);
    if (problem === null) {
      // A malformed entry is never trusted: it is computed again and replaced.
      this.#delete(relPath);
      return undefined;
    }
    return { frontMatter: new KnownEntry(this, relPath, found), problem };
  }

  /**
   * A field of the entry a document was known from (see `known`), when the entry is still the
   * one it was known from and the field is well formed; a malformed field drops the entry.
   */
  knownField<T>(relPath: string, from: Entry | Line, field: 'data' | 'references', read: (json: string) => T | undefined): T | undefined {
    if (!this.#isStill(relPath, from)) return undefined;
    // Only the field asked for is decoded.
    const value = read('tail' in from ? (field === 'data' ? dataField(from) : referencesField(from)) : from[field]);
    if (value === undefined) this.#delete(relPath);
    return value;
  }

  /** The whole front matter of the entry a document was known from (see `knownField`). */
  knownFrontMatter(relPath: string, from: Entry | Line): FrontMatter | undefined {
    if (!this.#isStill(relPath, from)) return undefined;
    // The entry it was known from, parsed now if it was a line.
    const entry = this.#entry(relPath);
    const frontMatter = entry ? positioned(entry) : undefined;
    if (entry && !frontMatter) this.#delete(relPath);
    return frontMatter;
  }

  /** Whether the entry of a path is still the one read as `from` (a line, or the entry made of it). */
  #isStill(relPath: string, from: Entry | Line): boolean {
    // A line knows when it stops being the path's (see `markStale`).
    if ('tail' in from) return !from.stale;
    return this.#files.get(relPath) === from;
  }

  /** Whether a file is as its entry saw it, and old enough that an unseen change is impossible. */
  #unchanged(doc: StandardDocument, entry: Entry): boolean {
    const stat = doc.fileStat;
    return stat !== undefined && this.#same(stat, entry);
  }

  #same(stat: FileStat, entry: Pick<Entry, 'size' | 'mtimeMs' | 'ino' | 'written'>): boolean {
    return stat.size === entry.size && stat.mtimeMs === entry.mtimeMs && stat.ino === entry.ino && stat.mtimeMs < entry.written - RACY_MS;
  }

  /** A file touched without change of content keeps its entry, with the new times. */
  #refreshStat(doc: StandardDocument, entry: Entry): void {
    const stat = doc.fileStat;
    if (!stat || (stat.size === entry.size && stat.mtimeMs === entry.mtimeMs && stat.ino === entry.ino)) return;
    this.#set(doc.relPath, { ...entry, size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino, written: Date.now(), line: undefined });
  }

  /** Forgets documents whose files no longer exist, so that the cache does not grow forever. */
  retainExisting(): void {
    for (const [relPath, found] of this.#files) {
      const seen = 'tail' in found ? found.seen : found.line?.seen === true;
      if (!seen && !this.#seen.has(relPath) && !existsSync(join(this.#root, relPath))) this.#delete(relPath);
    }
  }

  /**
   * Writes the cache when something changed: the changed entries appended to the file read, or
   * the whole file (atomically: a reader never sees half a file). The file read is closed.
   */
  save(): void {
    if (!this.#dirty) {
      this.close();
      return;
    }
    if (!this.#append()) {
      // Entries not used in this run are written back as they were read.
      this.#readData();
      const index: string[] = [];
      const data: Uint8Array[] = [];
      let dataLength = 0;
      for (const [relPath, found] of this.#files) {
        const line = 'tail' in found ? found : found.line;
        const record = line ? this.#dataOf(line) : undefined;
        let meta: string;
        let bytes: Uint8Array;
        if (line && record) {
          meta = line.text.slice(line.start, line.tail);
          bytes = toBytes(record);
        } else {
          const entry = 'tail' in found ? parseLine(found, record) : found;
          // An entry whose data cannot be read any more is dropped: it is computed again.
          if (!entry || ('tail' in found && !record)) continue;
          meta = metaOf(relPath, entry);
          bytes = Buffer.concat([toBytes(entry.frontMatter), TAB_BYTES, toBytes(entry.json)]);
        }
        index.push(meta, `${dataLength}\t${bytes.length}\n`);
        data.push(bytes, NEWLINE_BYTES);
        dataLength += bytes.length + 1;
      }
      const indexBytes = Buffer.from(index.join(''), 'utf8');
      const header: Header = { format: FORMAT, tool: this.#tool, config: this.#config, written: Date.now(), index: indexBytes.length, data: dataLength };
      writeFileAtomic(this.#path, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), indexBytes, ...data]));
      this.#replaced = 0;
      this.#ino = -1;
    }
    this.close();
    this.#changed = new Set();
    this.#rewrite = false;
    this.#dirty = false;
  }

  /**
   * Appends the lines of the changed entries to the cache file, when that is enough and the
   * file is the one read (same inode and size: nothing was written to it since); false when the
   * whole file must be written instead.
   */
  #append(): boolean {
    const changed = this.#changed.size;
    if (this.status !== 'used' || this.#rewrite || changed === 0 || this.#replaced + changed > Math.max(APPEND_MIN, this.#files.size * APPEND_SHARE)) return false;
    const parts: (string | Uint8Array)[] = [];
    for (const relPath of this.#changed) {
      const found = this.#files.get(relPath);
      if (found === undefined || 'tail' in found) return false;
      parts.push(metaOf(relPath, found), found.frontMatter, '\t', found.json, '\n');
    }
    const bytes = Buffer.concat(parts.map(toBytes));
    let fd: number;
    try {
      fd = openSync(this.#path, constants.O_WRONLY | constants.O_APPEND);
    } catch {
      return false;
    }
    try {
      const stat = fstatSync(fd);
      if (stat.ino !== this.#ino || stat.size !== this.#size) return false;
      // One write: appends by two runs at once do not interleave.
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
      this.#size += bytes.length;
    } finally {
      closeSync(fd);
    }
    this.#replaced += changed;
    return true;
  }
}

/**
 * Marks the line a path's entry was (or was made of) as no longer the path's, when the entry is
 * replaced or removed: what the cache gave from that line can no longer be trusted.
 */
function markStale(entry: Entry | Line): void {
  const line = 'tail' in entry ? entry : entry.line;
  if (line !== undefined) line.stale = true;
}

/** The fields of an entry up to its references, with the tab after them. */
function metaOf(relPath: string, entry: Entry): string {
  return [relPath, entry.hash, entry.size, entry.mtimeMs, entry.ino, entry.written, entry.problem, entry.data, entry.references, ''].join('\t');
}

function toBytes(part: string | Uint8Array): Uint8Array {
  return typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
}

/** `length` bytes of an open file from `position` (fewer at its end). */
function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(Math.max(0, length));
  let read = 0;
  while (read < buffer.length) {
    const count = readSync(fd, buffer, read, buffer.length - read, position + read);
    if (count === 0) break;
    read += count;
  }
  return read === buffer.length ? buffer : buffer.subarray(0, read);
}

const NEWLINE = 0x0a;
const TAB = 0x09;
const NEWLINE_BYTES = Buffer.from('\n');
const TAB_BYTES = Buffer.from('\t');
/** A header longer than this is not one. */
const HEADER_MAX = 64 * 1024;
/** Data read entry by entry from the file up to this many; past it, all at once. */
const DATA_READS = 256;
/** Path, hash, size, time, inode, time recorded, problem, data and references come before the front matter and facts. */
const FIELDS_BEFORE_DATA = 9;

/** The references of a line: the field that ends at its tail, found back from there (fields are separated by tabs). */
function referencesField(line: Line): string {
  return line.text.slice(line.text.lastIndexOf('\t', line.tail - 2) + 1, line.tail - 1);
}

/** The data of a line: the field before its references. */
function dataField(line: Line): string {
  const end = line.text.lastIndexOf('\t', line.tail - 2);
  return line.text.slice(line.text.lastIndexOf('\t', end - 1) + 1, end);
}

/**
 * What `known` needs of a line, decoding no more of it than that: its size, time, inode and time
 * recorded, its read problem, and whether its data is `null`; undefined when a number is not one.
 */
function peekLine(line: Line): Pick<Entry, 'size' | 'mtimeMs' | 'ino' | 'written' | 'problem' | 'data'> | undefined {
  const text = line.text;
  // The path and hash are skipped; then each field up to its tab.
  let at = text.indexOf('\t', text.indexOf('\t', line.start) + 1) + 1;
  let end = text.indexOf('\t', at);
  const size = numberIn(text, at, end);
  end = text.indexOf('\t', (at = end + 1));
  const mtimeMs = numberIn(text, at, end);
  end = text.indexOf('\t', (at = end + 1));
  const ino = numberIn(text, at, end);
  end = text.indexOf('\t', (at = end + 1));
  const written = numberIn(text, at, end);
  if (!Number.isFinite(size) || !Number.isFinite(mtimeMs) || !Number.isFinite(ino) || !Number.isFinite(written)) return undefined;
  end = text.indexOf('\t', (at = end + 1));
  const problem = end === at + 4 && text.startsWith('null', at) ? 'null' : text.slice(at, end);
  const data = text.startsWith('null\t', end + 1) ? 'null' : '';
  return { size, mtimeMs, ino, written, problem, data };
}

/**
 * The number a field of a line is: what `Number` makes of its text, without cutting the text out
 * when it is a whole number of up to 15 digits (sizes, inodes, times in milliseconds).
 */
function numberIn(text: string, start: number, end: number): number {
  if (end <= start || end - start > 15) return Number(text.slice(start, end));
  let value = 0;
  for (let index = start; index < end; index++) {
    const digit = text.charCodeAt(index) - 0x30;
    if (digit < 0 || digit > 9) return Number(text.slice(start, end));
    value = value * 10 + digit;
  }
  return value;
}

/**
 * The entry of a line of the file with its data (`front matter \t facts`), or undefined when a
 * field is not what it should be. Without data (an entry only looked at), its front matter and
 * facts are left empty.
 */
function parseLine(line: Line, record: Buffer | string | undefined): Entry | undefined {
  const [, hash = '', size = '', mtimeMs = '', ino = '', written = '', problem = '', data = '', references = ''] = line.text.slice(line.start, line.tail - 1).split('\t');
  const numbers = [Number(size), Number(mtimeMs), Number(ino), Number(written)];
  if (numbers.some((value) => !Number.isFinite(value))) return undefined;
  let frontMatter: string | Uint8Array = '';
  let json: string | Uint8Array = '';
  if (record !== undefined) {
    if (typeof record === 'string') {
      const tab = record.indexOf('\t');
      if (tab === -1) return undefined;
      frontMatter = record.slice(0, tab);
      json = record.slice(tab + 1);
    } else {
      const tab = record.indexOf(TAB);
      if (tab === -1) return undefined;
      frontMatter = record.subarray(0, tab);
      json = record.subarray(tab + 1);
    }
  }
  return { hash, size: numbers[0] ?? -1, mtimeMs: numbers[1] ?? -1, ino: numbers[2] ?? -1, written: numbers[3] ?? 0, problem, data, references, frontMatter, json, line };
}

/** The whole front matter of an entry, parsed once; undefined when it is not well formed. */
function positioned(entry: Entry): FrontMatter | undefined {
  if (entry.parsed === undefined) {
    const plain = parseFrontMatterEntry(decode(entry.frontMatter));
    entry.parsed = plain ? withLazyMap(plain) : null;
  }
  return entry.parsed ?? undefined;
}

function decode(json: string | Uint8Array): string {
  return typeof json === 'string' ? json : Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8');
}

/** A summary as the two fields of a line: the data, and each reference as `[field, name, start, end, asString]`. */
function stringifySummary(summary: FrontMatterSummary): { data: string; references: string } {
  const references = summary.references.map((reference) => [reference.field, reference.name, reference.range.start, reference.range.end, reference.asString ? 1 : 0]);
  return { data: JSON.stringify(summary.data), references: JSON.stringify(references) };
}

/** Recorded data, when it is a mapping; undefined otherwise. */
function parseData(json: string): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

const NO_REFERENCES: readonly Reference[] = [];

/** Recorded references, when they have the shape of references; undefined otherwise. */
function parseReferences(json: string): readonly Reference[] | undefined {
  if (json === '[]') return NO_REFERENCES;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!Array.isArray(value)) return undefined;
  const parsed: Reference[] = [];
  for (const item of value as unknown[]) {
    if (!Array.isArray(item) || item.length !== 5) return undefined;
    const [field, name, start, end, asString] = item as unknown[];
    if (!REFERENCE_FIELDS.includes(field as ReferenceField) || typeof name !== 'string' || (asString !== 0 && asString !== 1)) return undefined;
    const range = { start, end };
    if (!isRange(range)) return undefined;
    parsed.push({ field: field as ReferenceField, name, range, asString: asString === 1 });
  }
  return parsed;
}

/** The front matter of a document known from the cache: each part read from its entry when asked for. */
class KnownEntry implements KnownFrontMatter {
  readonly #cache: FactsCache;
  readonly #relPath: string;
  readonly #from: Entry | Line;

  constructor(cache: FactsCache, relPath: string, from: Entry | Line) {
    this.#cache = cache;
    this.#relPath = relPath;
    this.#from = from;
  }

  data(): Record<string, unknown> | undefined {
    return this.#cache.knownField(this.#relPath, this.#from, 'data', parseData);
  }

  references(): readonly Reference[] | undefined {
    return this.#cache.knownField(this.#relPath, this.#from, 'references', parseReferences);
  }

  /** Asked for once a finding is placed in the document, or a rule reads its positions. */
  positioned(): FrontMatter | undefined {
    return this.#cache.knownFrontMatter(this.#relPath, this.#from);
  }
}

/** A recorded front matter, when it has the shape of one; undefined otherwise. */
function parseFrontMatterEntry(json: string): PlainFrontMatter | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const fm = value as Partial<PlainFrontMatter>;
  const ok =
    typeof fm.present === 'boolean' &&
    isRange(fm.range) &&
    Number.isSafeInteger(fm.contentStart) &&
    typeof fm.source === 'string' &&
    (fm.mapRange === undefined || isRange(fm.mapRange)) &&
    Array.isArray(fm.entries) &&
    fm.entries.every(isEntryShape) &&
    typeof fm.data === 'object' &&
    fm.data !== null &&
    !Array.isArray(fm.data) &&
    typeof fm.usable === 'boolean' &&
    Array.isArray(fm.problems) &&
    fm.problems.every((problem) => typeof problem === 'object' && problem !== null && typeof problem.message === 'string' && typeof problem.kind === 'string' && isRange(problem.range));
  return ok ? (value as PlainFrontMatter) : undefined;
}

function isEntryShape(value: unknown): boolean {
  const entry = value as { key?: unknown; keyRange?: unknown; value?: { kind?: unknown; range?: unknown; items?: unknown } } | null;
  if (typeof entry !== 'object' || entry === null || typeof entry.key !== 'string' || !isRange(entry.keyRange)) return false;
  const item = entry.value;
  if (typeof item !== 'object' || item === null) return false;
  if (item.kind === 'none') return item.range === undefined;
  if (!isRange(item.range)) return false;
  if (item.kind === 'seq') return Array.isArray(item.items) && item.items.every((element: unknown) => typeof element === 'object' && element !== null && isRange((element as { range?: unknown }).range));
  return item.kind === 'scalar' || item.kind === 'other';
}

/** A recorded read problem: the problem, undefined for none, or null when malformed. */
function parseProblem(json: string): SourceProblem | undefined | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (value === null) return undefined;
  if (typeof value !== 'object' || typeof (value as { message?: unknown }).message !== 'string' || !isRange((value as { range?: unknown }).range)) return null;
  return value as SourceProblem;
}

/** The facts of an entry, when they have the shape of facts; undefined otherwise. */
function parseFacts(json: string | Uint8Array): BodyFacts | undefined {
  let value: unknown;
  try {
    value = JSON.parse(decode(json));
  } catch {
    return undefined;
  }
  return isBody(value) ? value : undefined;
}

function hashText(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/** The hash of a document's content (its decoded text and whether it had a byte order mark). */
const hashes = new WeakMap<StandardDocument, string>();
function contentHash(doc: StandardDocument): string {
  let hash = hashes.get(doc);
  if (hash === undefined) {
    const source = doc.source;
    hash = createHash('sha1').update(source.bom ? '\ufeff' : '').update(source.text).update(doc.readProblem ? '\u0000problem' : '').digest('base64url');
    hashes.set(doc, hash);
  }
  return hash;
}

function checkHeader(data: unknown, tool: string, config: string): string | undefined {
  if (typeof data !== 'object' || data === null) return 'not a cache file';
  const header = data as Partial<Header>;
  if (header.format !== FORMAT) return 'written in another format';
  if (header.tool !== tool) return `written by version ${String(header.tool)}`;
  if (header.config !== config) return 'written with another configuration';
  if (typeof header.written !== 'number' || !Number.isFinite(header.written)) return 'not a cache file';
  if (!isLength(header.index) || !isLength(header.data)) return 'not a cache file';
  return undefined;
}

function isLength(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isBlockKeys(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const blocks = value as { from?: unknown; keys?: unknown };
  return isLength(blocks.from) && everyItem(blocks.keys, (item) => Number.isInteger(item));
}

function isBody(value: unknown): value is BodyFacts {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Partial<Record<keyof BodyFacts, unknown>>;
  return (
    everyItem(body.headings, isHeading) &&
    everyItem(body.links, isLink) &&
    everyItem(body.directives, isDirective) &&
    everyItem(body.anchors, (item) => typeof item === 'string') &&
    (body.blocks === undefined || isBlockKeys(body.blocks))
  );
}

function everyItem(value: unknown, check: (item: unknown) => boolean): boolean {
  return Array.isArray(value) && value.every(check);
}

function isRange(value: unknown): value is Range {
  if (typeof value !== 'object' || value === null) return false;
  const range = value as Partial<Range>;
  return Number.isSafeInteger(range.start) && Number.isSafeInteger(range.end) && (range.start ?? -1) >= 0 && (range.end ?? -1) >= (range.start ?? 0);
}

function isHeading(value: unknown): value is Heading {
  const heading = value as Partial<Heading> | null;
  return typeof heading === 'object' && heading !== null && Number.isSafeInteger(heading.depth) && typeof heading.text === 'string' && isRange(heading.range) && typeof heading.topLevel === 'boolean';
}

function isLink(value: unknown): value is Link {
  const link = value as Partial<Link> | null;
  return typeof link === 'object' && link !== null && typeof link.url === 'string' && ['link', 'definition', 'image'].includes(String(link.kind)) && isRange(link.range);
}

function isDirective(value: unknown): value is Directive {
  const directive = value as Partial<Directive> | null;
  return (
    typeof directive === 'object' &&
    directive !== null &&
    ['disable', 'enable', 'ignore', 'unknown'].includes(String(directive.kind)) &&
    everyItem(directive.ruleIds, (id) => typeof id === 'string') &&
    isRange(directive.range) &&
    (directive.target === undefined || isRange(directive.target)) &&
    typeof directive.atTop === 'boolean' &&
    (directive.justification === undefined || typeof directive.justification === 'string')
  );
}

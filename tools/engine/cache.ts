import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StandardDocument } from '../model/document.js';
import type { BodyFacts, Directive, Heading, Link } from '../model/markdown.js';
import type { Range } from '../model/positions.js';
import { writeFileAtomic } from './atomic-write.js';

/** Bumped whenever what the cache holds changes shape or meaning. */
const FORMAT = 2;

export const DEFAULT_CACHE_FILE = '.scs-standards-cache';

interface Header {
  format: number;
  tool: string;
  config: string;
}

/** An entry: the content hash, and the facts as JSON (parsed only when the entry is used). */
interface Entry {
  hash: string;
  json: string;
}

/**
 * The lint cache, as ESLint's `--cache`: for each document, keyed by the hash of its content,
 * what is expensive to compute: the facts of its Markdown body. A cache file that is corrupt,
 * stale, or written by another version or configuration is ignored as a whole, never trusted;
 * rules themselves run on every run (they take milliseconds), so findings never come from a
 * cache that could be out of date.
 *
 * The file is a JSON header line followed by one line per document (`path`, tab, hash, tab,
 * facts as JSON), so that a run reads only the entries of the documents it reports on.
 */
export class FactsCache {
  readonly #path: string;
  readonly #root: string;
  readonly #tool: string;
  readonly #config: string;
  #files: Map<string, Entry>;
  #dirty = false;
  /** How the cache was found: used, absent, or ignored and why. */
  readonly status: string;
  hits = 0;
  misses = 0;

  private constructor(path: string, root: string, tool: string, config: string, files: Map<string, Entry>, status: string) {
    this.#path = path;
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
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return make(new Map(), 'absent');
    }
    const lines = text.split('\n');
    let header: unknown;
    try {
      header = JSON.parse(lines[0] ?? '');
    } catch {
      return make(new Map(), 'ignored: not a cache file');
    }
    const reason = checkHeader(header, tool, config);
    if (reason) return make(new Map(), `ignored: ${reason}`);
    const files = new Map<string, Entry>();
    for (let index = 1; index < lines.length; index++) {
      const line = lines[index] ?? '';
      if (line === '') continue;
      const first = line.indexOf('\t');
      const second = first === -1 ? -1 : line.indexOf('\t', first + 1);
      if (second === -1) return make(new Map(), `ignored: line ${index + 1} is malformed`);
      files.set(line.slice(0, first), { hash: line.slice(first + 1, second), json: line.slice(second + 1) });
    }
    return make(files, 'used');
  }

  /** Whether the cache holds facts for the document's content (without reading them). */
  has(doc: StandardDocument): boolean {
    return this.#files.get(doc.relPath)?.hash === contentHash(doc);
  }

  /** The cached facts of a document, when its content is the one they were computed from. */
  lookup(doc: StandardDocument): BodyFacts | undefined {
    const entry = this.#files.get(doc.relPath);
    if (entry && entry.hash === contentHash(doc)) {
      const body = parseFacts(entry.json);
      if (body) {
        this.hits++;
        return body;
      }
      // A malformed entry is never trusted: it is computed again and replaced.
      this.#files.delete(doc.relPath);
      this.#dirty = true;
    }
    this.misses++;
    return undefined;
  }

  store(doc: StandardDocument, body: BodyFacts): void {
    const hash = contentHash(doc);
    const entry = this.#files.get(doc.relPath);
    if (entry && entry.hash === hash) return;
    if (doc.relPath.includes('\t') || doc.relPath.includes('\n')) return;
    this.#files.set(doc.relPath, { hash, json: JSON.stringify(body) });
    this.#dirty = true;
  }

  /** Forgets documents whose files no longer exist, so that the cache does not grow forever. */
  retainExisting(): void {
    for (const relPath of this.#files.keys()) {
      if (!existsSync(join(this.#root, relPath))) {
        this.#files.delete(relPath);
        this.#dirty = true;
      }
    }
  }

  /** Writes the cache when something changed (atomically: a reader never sees half a file). */
  save(): void {
    if (!this.#dirty) return;
    const header: Header = { format: FORMAT, tool: this.#tool, config: this.#config };
    const lines = [JSON.stringify(header)];
    for (const [relPath, entry] of this.#files) lines.push(`${relPath}\t${entry.hash}\t${entry.json}`);
    writeFileAtomic(this.#path, `${lines.join('\n')}\n`);
    this.#dirty = false;
  }
}

/** The facts of an entry, when they have the shape of facts; undefined otherwise. */
function parseFacts(json: string): BodyFacts | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
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
  return undefined;
}

function isBody(value: unknown): value is BodyFacts {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Partial<Record<keyof BodyFacts, unknown>>;
  return (
    everyItem(body.headings, isHeading) && everyItem(body.links, isLink) && everyItem(body.directives, isDirective) && everyItem(body.anchors, (item) => typeof item === 'string')
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
  return typeof heading === 'object' && heading !== null && Number.isSafeInteger(heading.depth) && typeof heading.text === 'string' && isRange(heading.range);
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
    ['disable', 'enable', 'ignore'].includes(String(directive.kind)) &&
    everyItem(directive.ruleIds, (id) => typeof id === 'string') &&
    isRange(directive.range) &&
    (directive.target === undefined || isRange(directive.target)) &&
    typeof directive.atTop === 'boolean'
  );
}

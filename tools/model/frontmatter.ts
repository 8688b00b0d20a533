import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { EntryItem, EntryValue, FrontMatterEntry, ScalarStyle } from './frontmatter-entries.js';
import { readFrontMatterFast } from './frontmatter-fast.js';
import type { Range } from './positions.js';
import { nestingDepth, YAML_LIMITS } from './yaml-limits.js';

export type FrontMatterProblemKind = 'missing' | 'unclosed' | 'empty' | 'syntax' | 'not-mapping' | 'complex-key' | 'duplicate-key' | 'limit';

export interface FrontMatterProblem {
  kind: FrontMatterProblemKind;
  message: string;
  range: Range;
}

/** Limits that keep a hostile front matter from exhausting memory or time. */
export const FRONT_MATTER_LIMITS = {
  /** Aliases that may be expanded when the YAML becomes data. */
  maxAliasCount: YAML_LIMITS.maxAliasCount,
  /** Nesting of collections (real front matter nests two or three levels). */
  maxDepth: YAML_LIMITS.maxDepth,
  /** Characters of YAML between the `---` lines. */
  maxLength: 256 * 1024,
};

/**
 * The front matter of a document: where it is, the plain data, and the positions of its
 * top-level keys and values (what the rules need). The YAML document itself, with the source
 * range of every node, comments and styles, is parsed when it is first asked for (`map`).
 * All ranges are offsets into the whole document text.
 */
export interface FrontMatter {
  /** Whether a `---` block opens the file. */
  present: boolean;
  /** The whole block, from the opening `---` to the end of the closing line. */
  range: Range;
  /** Offset of the YAML source inside the document text. */
  contentStart: number;
  /** The YAML source between the delimiters. */
  source: string;
  /** The parsed mapping, when the front matter parsed to one (parsed on first use). */
  readonly map: YAMLMap | undefined;
  /** The range of the mapping (where a missing key is reported). */
  mapRange: Range | undefined;
  /** The top-level keys, in order (a duplicated key appears twice). */
  entries: FrontMatterEntry[];
  /** Plain data; empty when the front matter is missing or broken. */
  data: Record<string, unknown>;
  /** True when the front matter is a usable mapping (schema and field rules can run). */
  usable: boolean;
  problems: FrontMatterProblem[];
}

const OPENING = /^---[ \t]*(?:\r?\n|$)/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*\r?$/gm;

/** The closing delimiter line of a front matter whose content starts at `contentStart`: where it starts, and the offset after its line. */
function findClosing(text: string, contentStart: number): { index: number; end: number } | undefined {
  CLOSING.lastIndex = contentStart;
  let closing: RegExpExecArray | null = null;
  // A closing delimiter must start a line; the opening line itself is excluded by lastIndex.
  while ((closing = CLOSING.exec(text)) !== null) {
    if (closing.index === 0 || text.charAt(closing.index - 1) === '\n') break;
  }
  if (!closing) return undefined;
  const lineEnd = text.indexOf('\n', closing.index);
  return { index: closing.index, end: lineEnd === -1 ? text.length : lineEnd + 1 };
}

/**
 * Where the body of a text starts, as `parseFrontMatter(text).range.end` says when there is a
 * front matter (the end of a front matter that is never closed: the end of the text), else 0;
 * without parsing the YAML.
 */
export function bodyStart(text: string): number {
  const opening = OPENING.exec(text);
  if (!opening) return 0;
  return findClosing(text, opening[0].length)?.end ?? text.length;
}

export function parseFrontMatter(text: string): FrontMatter {
  const opening = OPENING.exec(text);
  if (!opening) {
    const firstLineEnd = text.indexOf('\n');
    const looksLater = /^\s*\n---[ \t]*\r?$/m.test(text.slice(0, 2000)) && text.trimStart().startsWith('---');
    return {
      ...emptyFrontMatter(),
      problems: [
        {
          kind: 'missing',
          message: looksLater
            ? 'Front matter must start on the first line: remove what comes before the opening `---`'
            : 'Missing front matter: a document starts with a YAML block between `---` lines',
          range: { start: 0, end: firstLineEnd === -1 ? text.length : trimCr(text, firstLineEnd) },
        },
      ],
    };
  }
  const contentStart = opening[0].length;
  const closing = findClosing(text, contentStart);
  if (!closing) {
    return {
      ...emptyFrontMatter(),
      present: true,
      range: { start: 0, end: text.length },
      contentStart,
      problems: [
        {
          kind: 'unclosed',
          message: 'Front matter is not closed: expected a `---` line after the YAML block',
          range: { start: 0, end: trimCr(text, opening[0].length - 1) },
        },
      ],
    };
  }
  const contentEnd = closing.index;
  const range: Range = { start: 0, end: closing.end };
  const source = text.slice(contentStart, contentEnd);
  const fast = source.length <= FRONT_MATTER_LIMITS.maxLength ? readFrontMatterFast(source, contentStart) : undefined;
  if (fast) return withLazyMap({ present: true, range, contentStart, source, mapRange: fast.mapRange, entries: fast.entries, data: fast.data, usable: true, problems: [] });
  return { ...parseYaml(source, contentStart), present: true, range, contentStart, source };
}

/** The plain parts of a front matter: what a cache can keep (everything but the YAML document). */
export type PlainFrontMatter = Omit<FrontMatter, 'map'>;

/** A front matter whose YAML document is parsed only if something asks for it (an edit, a nested position). */
export function withLazyMap(plain: PlainFrontMatter): FrontMatter {
  let map: YAMLMap | undefined | null = null;
  return {
    ...plain,
    get map(): YAMLMap | undefined {
      if (map === null) map = plain.usable ? parseYaml(plain.source, plain.contentStart).map : undefined;
      return map;
    },
  };
}

/** The plain parts of a front matter, or undefined when its data cannot be kept as JSON exactly. */
export function plainFrontMatter(frontMatter: FrontMatter): PlainFrontMatter | undefined {
  const { present, range, contentStart, source, mapRange, entries, data, usable, problems } = frontMatter;
  const plain = { present, range, contentStart, source, mapRange, entries, data, usable, problems };
  return isJsonExact(plain) ? plain : undefined;
}

/** Whether a value survives JSON unchanged: no undefined in lists, no infinities, no other types. */
function isJsonExact(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(isJsonExact);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.entries(value as Record<string, unknown>).every(([key, item]) => key !== '__proto__' && (item === undefined || isJsonExact(item)));
  }
  return false;
}

function emptyFrontMatter(): FrontMatter {
  return {
    present: false,
    range: { start: 0, end: 0 },
    contentStart: 0,
    source: '',
    map: undefined,
    mapRange: undefined,
    entries: [],
    data: {},
    usable: false,
    problems: [],
  };
}

function trimCr(text: string, end: number): number {
  return end > 0 && text.charAt(end - 1) === '\r' ? end - 1 : end;
}

type ParsedYaml = Pick<FrontMatter, 'map' | 'mapRange' | 'entries' | 'data' | 'usable' | 'problems'>;

/** The YAML parser's reading of a front matter source (the reference of the fast reader). */
export function parseYaml(source: string, offset: number): ParsedYaml {
  const whole: Range = { start: offset, end: offset + source.length };
  if (source.length > FRONT_MATTER_LIMITS.maxLength) {
    return unusable({
      kind: 'limit',
      message: `Front matter is ${source.length} characters long, over the limit of ${FRONT_MATTER_LIMITS.maxLength}: not parsed`,
      range: { start: offset, end: offset },
    });
  }
  if (source.trim() === '') {
    return unusable({ kind: 'empty', message: 'Front matter is empty: expected fields such as `title`, `type` and `track`', range: whole });
  }
  const depth = nestingDepth(source);
  if (depth > FRONT_MATTER_LIMITS.maxDepth) {
    return unusable({
      kind: 'limit',
      message: `Front matter nests ${depth} levels deep, over the limit of ${FRONT_MATTER_LIMITS.maxDepth}: not parsed`,
      range: whole,
    });
  }
  let doc: Document.Parsed;
  try {
    // logLevel 'error': the parser's warnings (such as a list used as a key) become findings, not process warnings.
    doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true, version: '1.2', schema: 'core', logLevel: 'error' });
  } catch (error) {
    return unusable({ kind: 'syntax', message: `Front matter could not be parsed: ${describeYamlError(error)}`, range: whole });
  }
  const problems: FrontMatterProblem[] = [];
  // After the first syntax error the parser's further errors mostly restate it: keep the first.
  let syntaxSeen = false;
  for (const error of doc.errors) {
    if (error.code !== 'DUPLICATE_KEY') {
      if (syntaxSeen) continue;
      syntaxSeen = true;
    }
    // The parser may place an error at the end of the input one character past it.
    const start = offset + Math.min(error.pos[0] ?? 0, source.length);
    const end = offset + Math.min(Math.max(error.pos[1] ?? 0, error.pos[0] ?? 0), source.length);
    problems.push({
      kind: error.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'syntax',
      message: error.code === 'DUPLICATE_KEY' ? duplicateKeyMessage(doc, error.pos[0]) : `Invalid YAML in front matter: ${firstSentence(error.message)}`,
      range: { start, end: Math.max(end, start) },
    });
  }
  const syntaxBroken = problems.some((problem) => problem.kind === 'syntax');
  if (syntaxBroken) return { map: undefined, mapRange: undefined, entries: [], data: {}, usable: false, problems };
  const contents = doc.contents;
  if (!isMap(contents)) {
    const range = contents?.range ? { start: offset + contents.range[0], end: offset + contents.range[1] } : whole;
    problems.push({
      kind: 'not-mapping',
      message: `Front matter must be a mapping of fields (\`key: value\` lines), found ${describeYamlNode(contents)}`,
      range,
    });
    return { map: undefined, mapRange: undefined, entries: [], data: {}, usable: false, problems };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: FRONT_MATTER_LIMITS.maxAliasCount });
  } catch (error) {
    problems.push({
      kind: 'limit',
      message: `Front matter could not be read: ${describeYamlError(error)} (aliases are limited to ${FRONT_MATTER_LIMITS.maxAliasCount} expansions)`,
      range: whole,
    });
    return { map: undefined, mapRange: undefined, entries: [], data: {}, usable: false, problems };
  }
  for (const item of contents.items) {
    const key = item.key as Node | null;
    if (key !== null && !isScalar(key)) {
      problems.push({
        kind: 'complex-key',
        message: `A front matter key must be a plain name, found ${describeYamlNode(key)} as a key`,
        range: shift(key.range, offset) ?? whole,
      });
    }
  }
  const record = isRecord(data) ? data : {};
  return { map: contents, mapRange: shift(contents.range, offset), entries: entriesOf(contents, offset), data: record, usable: true, problems };
}

function unusable(problem: FrontMatterProblem): ParsedYaml {
  return { map: undefined, mapRange: undefined, entries: [], data: {}, usable: false, problems: [problem] };
}

/** The top-level entries of a parsed mapping, with document offsets. */
export function entriesOf(map: YAMLMap, offset: number): FrontMatterEntry[] {
  const entries: FrontMatterEntry[] = [];
  for (const item of map.items) {
    const pair = item as Pair<Node | null, Node | null>;
    const key = pair.key;
    if (!isScalar(key)) continue;
    const keyRange = shift(key.range, offset) ?? { start: offset, end: offset };
    entries.push({ key: String(key.value), keyRange, value: entryValue(pair.value, offset) });
  }
  return entries;
}

function entryValue(node: Node | null, offset: number): EntryValue {
  const range = shift(node?.range, offset);
  if (!node || !range) return { kind: 'none', range: undefined };
  if (isScalar(node)) return { kind: 'scalar', range, style: (node.type ?? 'PLAIN') as ScalarStyle, value: node.value };
  if (isSeq(node)) {
    const items: EntryItem[] = [];
    for (const item of node.items as (Node | null)[]) {
      const itemRange = shift(item?.range, offset) ?? range;
      items.push(isScalar(item) ? { kind: 'scalar', range: itemRange, style: (item.type ?? 'PLAIN') as ScalarStyle, value: item.value } : { kind: 'other', range: itemRange });
    }
    return { kind: 'seq', range, flow: node.flow === true, items };
  }
  return { kind: 'other', range };
}

function duplicateKeyMessage(doc: Document.Parsed, position: number): string {
  const contents = doc.contents;
  if (isMap(contents)) {
    const pair = contents.items.find((item) => isScalar(item.key) && item.key.range?.[0] === position);
    if (pair && isScalar(pair.key)) {
      return `Duplicate front matter key \`${String(pair.key.value)}\`: a later value silently overrides an earlier one`;
    }
  }
  return 'Duplicate front matter key: a later value silently overrides an earlier one';
}

function firstSentence(message: string): string {
  return message.replace(/ at line \d+, column \d+[\s\S]*$/, '').trim();
}

/** A YAML parser error in words: its first sentence, without the parser's own position. */
export function describeYamlError(error: unknown): string {
  return error instanceof Error ? firstSentence(error.message) : String(error);
}

/** What a YAML node holds, in words, for messages (`a list`, ``the value `x` ``, `nothing`). */
export function describeYamlNode(node: unknown): string {
  if (node === null || node === undefined) return 'nothing';
  if (isSeq(node)) return 'a list';
  if (isMap(node)) return 'a mapping';
  if (isScalar(node)) return node.value === null ? 'nothing' : `the value \`${String(node.value)}\``;
  return 'something else';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The entry of a top-level key, if present (the last one, as YAML reads duplicates). */
export function findEntry(frontMatter: FrontMatter, key: string): FrontMatterEntry | undefined {
  let found: FrontMatterEntry | undefined;
  for (const entry of frontMatter.entries) if (entry.key === key) found = entry;
  return found;
}

/** The YAML pair of a top-level key (the last one, as YAML reads duplicates), for edits. */
export function findPair(frontMatter: FrontMatter, key: string): Pair<Node, Node | null> | undefined {
  const map = frontMatter.map;
  if (!map) return undefined;
  let found: Pair<Node, Node | null> | undefined;
  for (const item of map.items) {
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === key) found = item as Pair<Node, Node | null>;
  }
  return found;
}

/** Converts a node's source range (relative to the YAML source) to a document range. */
export function nodeRange(frontMatter: FrontMatter, node: Node | null | undefined): Range | undefined {
  return shift(node?.range, frontMatter.contentStart);
}

/** The range of the whole mapping: where a missing key is reported. */
export function mappingRange(frontMatter: FrontMatter): Range {
  return frontMatter.mapRange ?? { start: frontMatter.contentStart, end: frontMatter.contentStart };
}

/**
 * The range of the node at a JSON-pointer-like path (`['replaces', 0]`), falling back to the
 * nearest ancestor that exists. Top-level keys and list items come from the entries; deeper
 * paths from the YAML document.
 */
export function locate(frontMatter: FrontMatter, path: readonly (string | number)[]): Range {
  const [first, second] = path;
  if (path.length <= 2 && (first === undefined || typeof first === 'string') && (second === undefined || typeof second === 'number')) {
    if (first === undefined) return mappingRange(frontMatter);
    // The first pair of a key, as the path walk below finds it.
    const entry = frontMatter.entries.find((candidate) => candidate.key === first);
    if (!entry) return mappingRange(frontMatter);
    const value = entry.value;
    const valueRange = value.range ?? entry.keyRange;
    if (second === undefined) return valueRange;
    return value.kind === 'seq' ? (value.items[second]?.range ?? valueRange) : valueRange;
  }
  return locateNode(frontMatter.map, path, frontMatter.contentStart) ?? mappingRange(frontMatter);
}

/**
 * The source range (shifted by `base`) of the node at a path below `root`, or of the nearest
 * ancestor that has one; undefined when not even the root has a range.
 */
export function locateNode(root: Node | null | undefined, path: readonly (string | number)[], base: number): Range | undefined {
  let node: Node | null | undefined = root;
  let best = shift(root?.range, base);
  for (const segment of path) {
    if (isMap(node)) {
      const pair: Pair | undefined = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      node = pair.value as Node | null;
      best = shift(node?.range, base) ?? shift((pair.key as Node | null)?.range, base) ?? best;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment] as Node | undefined;
      if (!node) break;
      best = shift(node.range, base) ?? best;
    } else break;
  }
  return best;
}

function shift(range: readonly number[] | null | undefined, base: number): Range | undefined {
  if (!range || range[0] === undefined || range[1] === undefined) return undefined;
  return { start: base + range[0], end: base + range[1] };
}

/** The range of a top-level key (not its value). */
export function keyRange(frontMatter: FrontMatter, key: string): Range | undefined {
  return findEntry(frontMatter, key)?.keyRange;
}

import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Range } from './positions.js';
import { nestingDepth, YAML_LIMITS } from './yaml-limits.js';

export type FrontMatterProblemKind = 'missing' | 'unclosed' | 'empty' | 'syntax' | 'not-mapping' | 'duplicate-key' | 'limit';

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
 * The front matter of a document: where it is, its YAML document with the source range of
 * every node, and the plain data. All ranges are offsets into the whole document text.
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
  /** The parsed mapping, when the front matter parsed to one. */
  map: YAMLMap | undefined;
  /** Plain data; empty when the front matter is missing or broken. */
  data: Record<string, unknown>;
  /** True when the front matter is a usable mapping (schema and field rules can run). */
  usable: boolean;
  problems: FrontMatterProblem[];
}

const OPENING = /^---[ \t]*(?:\r?\n|$)/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*\r?$/gm;

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
  CLOSING.lastIndex = contentStart;
  let closing: RegExpExecArray | null = null;
  // A closing delimiter must start a line; the opening line itself is excluded by lastIndex.
  while ((closing = CLOSING.exec(text)) !== null) {
    if (closing.index === 0 || text.charAt(closing.index - 1) === '\n') break;
  }
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
  const lineEnd = text.indexOf('\n', closing.index);
  const range: Range = { start: 0, end: lineEnd === -1 ? text.length : lineEnd + 1 };
  const source = text.slice(contentStart, contentEnd);
  return { ...parseYaml(source, contentStart), present: true, range, contentStart, source };
}

function emptyFrontMatter(): FrontMatter {
  return {
    present: false,
    range: { start: 0, end: 0 },
    contentStart: 0,
    source: '',
    map: undefined,
    data: {},
    usable: false,
    problems: [],
  };
}

function trimCr(text: string, end: number): number {
  return end > 0 && text.charAt(end - 1) === '\r' ? end - 1 : end;
}

function parseYaml(
  source: string,
  offset: number,
): Pick<FrontMatter, 'map' | 'data' | 'usable' | 'problems'> {
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
    doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true, version: '1.2', schema: 'core' });
  } catch (error) {
    return unusable({ kind: 'syntax', message: `Front matter could not be parsed: ${describe(error)}`, range: whole });
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
  if (syntaxBroken) return { map: undefined, data: {}, usable: false, problems };
  const contents = doc.contents;
  if (!isMap(contents)) {
    const range = contents?.range ? { start: offset + contents.range[0], end: offset + contents.range[1] } : whole;
    problems.push({
      kind: 'not-mapping',
      message: `Front matter must be a mapping of fields (\`key: value\` lines), found ${describeNode(contents)}`,
      range,
    });
    return { map: undefined, data: {}, usable: false, problems };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: FRONT_MATTER_LIMITS.maxAliasCount });
  } catch (error) {
    problems.push({
      kind: 'limit',
      message: `Front matter could not be read: ${describe(error)} (aliases are limited to ${FRONT_MATTER_LIMITS.maxAliasCount} expansions)`,
      range: whole,
    });
    return { map: undefined, data: {}, usable: false, problems };
  }
  const record = isRecord(data) ? data : {};
  return { map: contents, data: record, usable: true, problems };
}

function unusable(problem: FrontMatterProblem): Pick<FrontMatter, 'map' | 'data' | 'usable' | 'problems'> {
  return { map: undefined, data: {}, usable: false, problems: [problem] };
}

function duplicateKeyMessage(doc: Document.Parsed, position: number): string {
  const contents = doc.contents;
  if (isMap(contents)) {
    const pair = contents.items.find((item) => isScalar(item.key) && item.key.range?.[0] === position);
    if (pair && isScalar(pair.key)) {
      return `Duplicate front matter key \`${String(pair.key.value)}\`: a later value silently replaces an earlier one`;
    }
  }
  return 'Duplicate front matter key: a later value silently replaces an earlier one';
}

function firstSentence(message: string): string {
  return message.replace(/ at line \d+, column \d+[\s\S]*$/, '').trim();
}

function describe(error: unknown): string {
  return error instanceof Error ? firstSentence(error.message) : String(error);
}

function describeNode(node: unknown): string {
  if (node === null || node === undefined) return 'nothing';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return node.value === null ? 'nothing' : `the value \`${String(node.value)}\``;
  return 'something else';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The pair of a top-level key, if present (the last one, as YAML reads duplicates). */
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
  const range = node?.range;
  if (!range) return undefined;
  return { start: frontMatter.contentStart + range[0], end: frontMatter.contentStart + range[1] };
}

/** The range of the whole mapping: where a missing key is reported. */
export function mappingRange(frontMatter: FrontMatter): Range {
  const range = nodeRange(frontMatter, frontMatter.map);
  if (range) return range;
  return { start: frontMatter.contentStart, end: frontMatter.contentStart };
}

/**
 * The range of the node at a JSON-pointer-like path (`['replaces', 0]`), falling back to the
 * nearest ancestor that exists.
 */
export function locate(frontMatter: FrontMatter, path: readonly (string | number)[]): Range {
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
  const pair = findPair(frontMatter, key);
  return pair ? nodeRange(frontMatter, pair.key) : undefined;
}

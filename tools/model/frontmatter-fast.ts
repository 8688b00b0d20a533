import type { EntryItem, EntryValue, FrontMatterEntry } from './frontmatter-entries.js';
import type { Range } from './positions.js';

/**
 * A fast reader for the front matter most documents have: top-level `key: value` lines with plain
 * or simply quoted text values, block lists of such values, and literal block scalars (`|`,
 * `|-`). It gives exactly what the YAML parser gives for these (the data, and the positions of
 * the top-level keys and values), or undefined for anything else, which the YAML parser then
 * reads. Tests compare the two on generated front matter (test/frontmatter-fast.test.ts).
 *
 * What it refuses: indented or non-identifier keys, duplicate keys, flow collections, anchors,
 * aliases, tags, escapes in quotes, folded and chomping-keep block scalars, plain values that the
 * YAML 1.2 core schema reads as something other than text (numbers, booleans, null words),
 * multi-line plain values, comments inside lists and block scalars, tabs.
 */
export interface FastFrontMatter {
  entries: FrontMatterEntry[];
  data: Record<string, unknown>;
  mapRange: Range;
}

interface Line {
  /** Offset of the first character in the source. */
  start: number;
  /** Offset after the line's content, before `\r\n` or `\n`. */
  end: number;
  /** Offset after the line break (or the end of the source). */
  next: number;
  text: string;
}

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?=[ \r]|$)/;
const NOT_TEXT = [
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE)$/,
  /^[-+]?[0-9]+$/,
  /^0o[0-7]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/,
  /^[-+]?\.(?:inf|Inf|INF)$/,
  /^\.(?:nan|NaN|NAN)$/,
];

class Refused extends Error {}

function refuse(): never {
  throw new Refused();
}

/** Reads `source` (the YAML between the `---` lines, starting at document offset `offset`). */
/** Characters the fast reader leaves to the YAML parser: tabs, controls, BOMs, line separators, lone surrogates. */
const UNUSUAL = /[\t\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function readFrontMatterFast(source: string, offset: number): FastFrontMatter | undefined {
  if (UNUSUAL.test(source)) return undefined;
  try {
    return read(splitLines(source), source, offset);
  } catch (error) {
    if (error instanceof Refused) return undefined;
    throw error;
  }
}

function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < source.length) {
    const newline = source.indexOf('\n', start);
    const next = newline === -1 ? source.length : newline + 1;
    let end = newline === -1 ? source.length : newline;
    if (end > start && source.charCodeAt(end - 1) === 13) end--;
    if (source.slice(start, end).includes('\r')) refuse();
    lines.push({ start, end, next, text: source.slice(start, end) });
    start = next;
  }
  return lines;
}

function isBlank(line: Line): boolean {
  return line.text.trim() === '';
}

function isComment(line: Line): boolean {
  return line.text.trimStart().startsWith('#');
}

function read(lines: Line[], source: string, offset: number): FastFrontMatter {
  const entries: FrontMatterEntry[] = [];
  const data: Record<string, unknown> = {};
  let mapStart = -1;
  /** Where the last value's node ends (what the mapping's range ends with). */
  let lastEnd = 0;
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] as Line;
    if (isBlank(line) || (isComment(line) && line.text.startsWith('#'))) {
      index++;
      continue;
    }
    const key = KEY_LINE.exec(line.text);
    if (!key || !key[1]) refuse();
    const name = key[1];
    if (Object.hasOwn(data, name) || name === '__proto__') refuse();
    if (mapStart === -1) mapStart = line.start;
    const keyRange = range(offset, line.start, line.start + name.length);
    const afterColon = line.start + name.length + 1;
    const rest = source.slice(afterColon, line.end);
    const valueStart = afterColon + (rest.length - rest.trimStart().length);
    const valueText = rest.trim();
    let value: EntryValue;
    if (valueText.startsWith('#')) refuse();
    if (valueText === '') {
      // An empty value: a list may follow; otherwise null.
      const list = readList(lines, index + 1, source, offset);
      if (list) {
        value = list.value;
        data[name] = list.values;
        lastEnd = list.end;
        index = list.nextIndex;
      } else {
        // Comments after an empty value belong to its node: left to the parser.
        let look = index + 1;
        while (lines[look] && isBlank(lines[look] as Line)) look++;
        if (lines[look] && isComment(lines[look] as Line)) refuse();
        value = { kind: 'scalar', range: range(offset, valueStart, valueStart), style: 'PLAIN', value: null };
        data[name] = null;
        lastEnd = valueStart;
        index = continuation(lines, index + 1);
      }
    } else if (valueText === '|' || valueText === '|-') {
      const block = readLiteral(lines, index + 1, valueText === '|-');
      value = { kind: 'scalar', range: range(offset, valueStart, block.end), style: 'BLOCK_LITERAL', value: block.value };
      data[name] = block.value;
      lastEnd = block.end;
      index = block.nextIndex;
    } else {
      const scalar = readScalar(source, valueStart, line.end);
      value = { kind: 'scalar', range: range(offset, valueStart, scalar.end), style: scalar.style, value: scalar.value };
      data[name] = scalar.value;
      lastEnd = line.next;
      index = continuation(lines, index + 1);
    }
    entries.push({ key: name, keyRange, value });
  }
  if (mapStart === -1) refuse();
  return { entries, data, mapRange: range(offset, mapStart, lastEnd) };
}

/** After a one-line value, the next line must not continue it (an indented line would). */
function continuation(lines: Line[], index: number): number {
  const next = lines[index];
  if (next && !isBlank(next) && /^ /.test(next.text) && !next.text.trimStart().startsWith('#')) refuse();
  return index;
}

/** A block list under a key: items `- value` at one indentation, blank lines between them allowed. */
function readList(lines: Line[], from: number, source: string, offset: number): { value: EntryValue; values: unknown[]; end: number; nextIndex: number } | undefined {
  const first = lines[from];
  if (!first || !/^ *- /.test(first.text)) return undefined;
  const indent = first.text.indexOf('-');
  const items: EntryItem[] = [];
  const values: unknown[] = [];
  let index = from;
  let end = first.start;
  let seqStart = -1;
  while (index < lines.length) {
    const line = lines[index] as Line;
    if (isBlank(line)) {
      index++;
      continue;
    }
    const dash = line.text.indexOf('-');
    if (dash !== indent || !/^ *- /.test(line.text)) break;
    const itemText = line.text.slice(dash + 2);
    const valueStart = line.start + dash + 2 + (itemText.length - itemText.trimStart().length);
    if (itemText.trim() === '' || itemText.trim().startsWith('#')) refuse();
    if (seqStart === -1) seqStart = line.start + dash;
    const scalar = readScalar(source, valueStart, line.end);
    items.push({ kind: 'scalar', range: range(offset, valueStart, scalar.end), style: scalar.style, value: scalar.value });
    values.push(scalar.value);
    end = line.next;
    index++;
  }
  // What follows the list must start a new key (or be a comment at the margin).
  const after = lines[index];
  if (after && (/^ /.test(after.text) || (isComment(after) && !after.text.startsWith('#')))) refuse();
  if (after && after.text.startsWith('#')) refuse();
  return { value: { kind: 'seq', range: range(offset, seqStart, end), flow: false, items }, values, end, nextIndex: index };
}

/** A one-line plain or quoted scalar from `start` to the line's end (less a comment). */
function readScalar(source: string, start: number, lineEnd: number): { value: string; style: 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE'; end: number } {
  const text = source.slice(start, lineEnd);
  const first = text.charAt(0);
  if (first === '"' || first === "'") {
    const close = text.indexOf(first, 1);
    if (close === -1) refuse();
    const inner = text.slice(1, close);
    if (first === '"' && inner.includes('\\')) refuse();
    const after = text.slice(close + 1);
    if (after.trim() !== '' && !/^ +#/.test(after)) refuse();
    return { value: inner, style: first === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', end: start + close + 1 };
  }
  if (/^[[\]{},#&*!|>'"%@`]/.test(text) || /^[-?:]( |$)/.test(text)) refuse();
  const comment = text.search(/ #/);
  const body = (comment === -1 ? text : text.slice(0, comment)).trimEnd();
  if (body === '' || /:( |$)/.test(body)) refuse();
  if (NOT_TEXT.some((pattern) => pattern.test(body))) refuse();
  return { value: body, style: 'PLAIN', end: start + body.length };
}

/** A literal block scalar (`|` or `|-`) whose content lines start on the line after the key. */
function readLiteral(lines: Line[], from: number, strip: boolean): { value: string; end: number; nextIndex: number } {
  const first = lines[from];
  if (!first || isBlank(first)) refuse();
  const indent = first.text.length - first.text.trimStart().length;
  if (indent === 0) refuse();
  const content: string[] = [];
  let index = from;
  let end = first.start;
  let pendingBlank = 0;
  while (index < lines.length) {
    const line = lines[index] as Line;
    if (isBlank(line)) {
      if (line.text.length > indent) refuse();
      pendingBlank++;
      index++;
      continue;
    }
    const lineIndent = line.text.length - line.text.trimStart().length;
    if (lineIndent < indent) {
      if (lineIndent > 0) refuse();
      break;
    }
    for (; pendingBlank > 0; pendingBlank--) content.push('');
    // A last line without a line break keeps no break even when clipped: left to the parser.
    if (line.next === line.end) refuse();
    content.push(line.text.slice(indent));
    end = line.next;
    index++;
  }
  const value = content.join('\n') + (strip ? '' : '\n');
  return { value, end, nextIndex: index };
}

function range(offset: number, start: number, end: number): Range {
  return { start: offset + start, end: offset + end };
}

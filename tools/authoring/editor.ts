import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLSeq } from 'yaml';
import { applyEdits } from '../edits/text-edits.js';
import { findPair, parseFrontMatter, type FrontMatter } from '../model/frontmatter.js';
import { frontMatterLayoutOf, type FrontMatterLayout } from '../profile/front-matter-layout.js';
import { defaultProcess } from '../profile/process.js';
import type { Profile } from '../profile/types.js';
import type { TextEdit } from '../rules/rule.js';
import { formatFlowScalar, formatScalar, keepableStyle, type ScalarStyle } from './scalars.js';

/**
 * Text-preserving edits of a document's front matter. Every operation computes the smallest
 * text replacements from the source ranges the YAML parser keeps, so that key order, comments,
 * quoting, list indentation, line endings and everything after the front matter stay as they
 * were; only the bytes of the field that changes differ. Offsets are those of the document text
 * without its byte order mark (as `StandardDocument.source.text` holds it).
 */

/** A front matter that cannot be edited (missing, broken, or a field of an unexpected shape). */
export class EditError extends Error {
  override readonly name = 'EditError';
}

/**
 * The layout of the default profile, for edits whose caller names no profile (the fixes of
 * rules): where a new key goes, which fields are dates and which name file names.
 */
let defaultLayout: FrontMatterLayout | undefined;

function layoutOfDefault(): FrontMatterLayout {
  defaultLayout ??= frontMatterLayoutOf(defaultProcess().profile);
  return defaultLayout;
}

type AnyPair = Pair<Node, Node | null>;

/** The parsed front matter with what every edit needs to know about its layout. */
class Layout {
  readonly text: string;
  readonly fm: FrontMatter;
  /** Offset of the YAML source in the document text. */
  readonly base: number;
  readonly eol: string;
  /** Indentation of the top-level keys. */
  readonly keyIndent: string;
  /** What comes before a value on a new list item line (`  - ` or `- `), taken from existing lists. */
  readonly itemPrefix: string;
  readonly fields: FrontMatterLayout;

  constructor(text: string, fm: FrontMatter, fields: FrontMatterLayout = layoutOfDefault()) {
    const map = fm.map;
    if (!fm.usable || !map) {
      const problem = fm.problems[0];
      throw new EditError(problem ? `the front matter cannot be edited: ${problem.message}` : 'the front matter cannot be edited');
    }
    this.text = text;
    this.fm = fm;
    this.fields = fields;
    this.base = fm.contentStart;
    this.eol = fm.source.includes('\r\n') ? '\r\n' : '\n';
    const first = map.items[0];
    const firstKey = first && isPair(first) ? (first.key as Node | null) : null;
    const keyStart = firstKey?.range ? this.base + firstKey.range[0] : this.base;
    this.keyIndent = text.slice(lineStart(text, keyStart), keyStart);
    let prefix: string | undefined;
    for (const item of map.items) {
      const value = item.value as Node | null;
      if (isSeq(value) && !value.flow) {
        const head = value.items[0] as Node | undefined;
        if (head?.range) {
          const start = this.base + head.range[0];
          prefix = text.slice(lineStart(text, start), start);
          break;
        }
      }
    }
    this.itemPrefix = prefix !== undefined && /^[ \t]*-[ \t]+$/.test(prefix) ? prefix : `${this.keyIndent}  - `;
  }

  pair(key: string): AnyPair | undefined {
    return findPair(this.fm, key);
  }

  start(node: Node | null | undefined): number {
    return this.base + (node?.range?.[0] ?? 0);
  }

  end(node: Node | null | undefined): number {
    return this.base + (node?.range?.[1] ?? 0);
  }

  /** The offset just after the line on which the pair's value ends. */
  pairEnd(pair: AnyPair): number {
    const value = pair.value;
    const end = value?.range ? this.end(value) : this.end(pair.key);
    return lineEnd(this.text, end);
  }

  /** The offset just after the colon of a pair. */
  afterColon(pair: AnyPair): number {
    const colon = this.text.indexOf(':', this.end(pair.key));
    return colon === -1 ? this.end(pair.key) : colon + 1;
  }

  /** Where a new key is inserted: after its placement anchor, or after the last pair. */
  insertionPoint(key: string): number {
    for (const anchor of this.fields.anchors(key)) {
      const pair = this.pair(anchor);
      if (pair) return this.pairEnd(pair);
    }
    const map = this.fm.map;
    const last = map?.items[map.items.length - 1];
    if (last && isPair(last)) return this.pairEnd(last as AnyPair);
    return this.base;
  }

  /** The style a new date field gets: that of the other date fields, plain if there are none. */
  dateStyle(): ScalarStyle {
    for (const field of this.fields.dateFields) {
      const value = this.pair(field)?.value;
      if (isScalar(value) && (value.type === 'QUOTE_DOUBLE' || value.type === 'QUOTE_SINGLE')) return value.type;
    }
    return 'PLAIN';
  }

  styleForNew(key: string): ScalarStyle {
    return this.fields.dateFields.includes(key) ? this.dateStyle() : 'PLAIN';
  }

  /** The text of a new `key: value` line (or `key:` with list lines), inserted at `insertionPoint`. */
  newPair(key: string, valueText: string): TextEdit {
    const at = this.insertionPoint(key);
    return { range: { start: at, end: at }, text: `${this.keyIndent}${key}:${valueText}${this.eol}` };
  }

  /** List item lines for values, each starting with a line break, in the document's list style. */
  listLines(values: readonly string[], style: ScalarStyle, prefix = this.itemPrefix): string {
    return values.map((value) => `${this.eol}${prefix}${formatScalar(value, style)}`).join('');
  }
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset after the line that `offset` is on (or `offset` itself when it starts a line). */
function lineEnd(text: string, offset: number): number {
  if (offset > 0 && text.charAt(offset - 1) === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

function isEmptyScalar(node: Node | null): boolean {
  const range = node?.range;
  return node === null || (isScalar(node) && node.value === null && !!range && range[0] === range[1]);
}

function scalarText(node: Scalar): string | undefined {
  return typeof node.value === 'string' ? node.value : undefined;
}

/** Edits that set a field to a text value, replacing only the value (its comment stays). */
export function setScalarEdits(text: string, fm: FrontMatter, key: string, value: string, fields: FrontMatterLayout = layoutOfDefault()): TextEdit[] {
  const layout = new Layout(text, fm, fields);
  const pair = layout.pair(key);
  if (!pair) return [layout.newPair(key, ` ${formatScalar(value, layout.styleForNew(key))}`)];
  const node = pair.value;
  if (node === null || isEmptyScalar(node)) return fillEmpty(layout, pair, ` ${formatScalar(value, layout.styleForNew(key))}`);
  if (!isScalar(node)) throw new EditError(`\`${key}\` holds a list or mapping, expected a single value`);
  if (node.value === value) return [];
  const style = keepableStyle(node.type);
  const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
  return [{ range: { start: layout.start(node), end: layout.end(node) }, text: `${formatScalar(value, style)}${block ? layout.eol : ''}` }];
}

/** Writes a value where a key has none (`key:` or `key: # comment`), keeping the comment. */
function fillEmpty(layout: Layout, pair: AnyPair, valueText: string): TextEdit[] {
  const at = layout.afterColon(pair);
  const lineStop = layout.text.indexOf('\n', at);
  const rest = layout.text.slice(at, lineStop === -1 ? layout.text.length : lineStop);
  const comment = rest.search(/\S/);
  if (comment === -1 || rest.charAt(comment) !== '#') return [{ range: { start: at, end: at + rest.replace(/\r$/, '').length }, text: valueText }];
  // `key: # comment`: the value goes before the comment.
  return [{ range: { start: at, end: at + comment }, text: `${valueText} ` }];
}

/** Edits that make a field a list of exactly these values. */
export function setListEdits(text: string, fm: FrontMatter, key: string, values: readonly string[], fields: FrontMatterLayout = layoutOfDefault()): TextEdit[] {
  const layout = new Layout(text, fm, fields);
  const pair = layout.pair(key);
  if (values.length === 0) return emptyListEdits(layout, pair, key);
  if (!pair) return [layout.newPair(key, layout.listLines(values, 'PLAIN'))];
  const node = pair.value;
  if (node === null || isEmptyScalar(node)) return emptyToList(layout, pair, values);
  if (isSeq(node)) {
    const items = node.items as Node[];
    const current = items.map((item) => (isScalar(item) ? scalarText(item) : undefined));
    if (current.length === values.length && current.every((value, index) => value === values[index])) return [];
    const head = items[0];
    const style = head && isScalar(head) ? keepableStyle(head.type) : 'PLAIN';
    if (node.flow) {
      return [{ range: { start: layout.start(node), end: layout.end(node) }, text: `[${values.map((value) => formatFlowScalar(value, style)).join(', ')}]` }];
    }
    const first = layout.start(head);
    const from = lineStart(text, first);
    const prefix = text.slice(from, first);
    const lines = layout.listLines(values, style, prefix).slice(layout.eol.length);
    return [{ range: { start: from, end: lineEnd(text, layout.end(node)) }, text: `${lines}${layout.eol}` }];
  }
  if (isScalar(node)) {
    const style = keepableStyle(node.type);
    return [{ range: { start: layout.afterColon(pair), end: layout.end(node) }, text: layout.listLines(values, style) }];
  }
  throw new EditError(`\`${key}\` holds a mapping, expected a list of file names`);
}

/** An empty list is written `key: []` (a key without items would read as no value at all). */
function emptyListEdits(layout: Layout, pair: AnyPair | undefined, key: string): TextEdit[] {
  if (!pair) return [layout.newPair(key, ' []')];
  const node = pair.value;
  if (node === null || isEmptyScalar(node)) return fillEmpty(layout, pair, ' []');
  if (isSeq(node) && node.items.length === 0) return [];
  if (isSeq(node) && node.flow) return [{ range: { start: layout.start(node), end: layout.end(node) }, text: '[]' }];
  if (isSeq(node)) return [{ range: { start: layout.afterColon(pair), end: lineEnd(layout.text, layout.end(node)) }, text: ` []${layout.eol}` }];
  if (isScalar(node)) return [{ range: { start: layout.afterColon(pair), end: layout.end(node) }, text: ' []' }];
  throw new EditError(`\`${key}\` holds a mapping, expected a list of file names`);
}

function emptyToList(layout: Layout, pair: AnyPair, values: readonly string[]): TextEdit[] {
  const at = layout.pairEnd(pair);
  // The key line keeps whatever it has (a comment); the items follow it.
  // (The YAML source always ends with a line break: the closing `---` starts a line.)
  const lines = layout.listLines(values, 'PLAIN').slice(layout.eol.length);
  return [{ range: { start: at, end: at }, text: `${lines}${layout.eol}` }];
}

/** Edits that add a value to a list field (creating or converting it); none when it is there. */
export function addListItemEdits(text: string, fm: FrontMatter, key: string, value: string, fields: FrontMatterLayout = layoutOfDefault()): TextEdit[] {
  const layout = new Layout(text, fm, fields);
  const pair = layout.pair(key);
  if (!pair) return [layout.newPair(key, layout.listLines([value], 'PLAIN'))];
  const node = pair.value;
  if (node === null || isEmptyScalar(node)) return emptyToList(layout, pair, [value]);
  if (isSeq(node)) {
    const items = node.items as Node[];
    if (items.some((item) => isScalar(item) && typeof item.value === 'string' && item.value.trim() === value)) return [];
    const last = items[items.length - 1];
    const style = last && isScalar(last) ? keepableStyle(last.type) : 'PLAIN';
    if (node.flow) {
      if (!last) return [{ range: { start: layout.start(node) + 1, end: layout.start(node) + 1 }, text: formatFlowScalar(value, style) }];
      const at = layout.end(last);
      return [{ range: { start: at, end: at }, text: `, ${formatFlowScalar(value, style)}` }];
    }
    if (!last) throw new EditError(`\`${key}\` is an empty list without items to follow`);
    const itemStart = layout.start(last);
    const prefix = text.slice(lineStart(text, itemStart), itemStart);
    const at = lineEnd(text, layout.end(last));
    return [{ range: { start: at, end: at }, text: `${prefix}${formatScalar(value, style)}${layout.eol}` }];
  }
  if (isScalar(node)) {
    const current = scalarText(node);
    if (current === undefined) throw new EditError(`\`${key}\` holds ${String(node.value)}, expected a list of file names`);
    if (current.trim() === value) return toListEdits(text, fm, key);
    // The value moves to an item line of its own (with its comment); the new item follows.
    const at = lineEnd(text, layout.end(node));
    return [
      { range: { start: layout.afterColon(pair), end: layout.start(node) }, text: `${layout.eol}${layout.itemPrefix}` },
      { range: { start: at, end: at }, text: `${layout.itemPrefix}${formatScalar(value, keepableStyle(node.type))}${layout.eol}` },
    ];
  }
  throw new EditError(`\`${key}\` holds a mapping, expected a list of file names`);
}

/** Edits that turn a field written as a single value into a one-item list, keeping its text. */
export function toListEdits(text: string, fm: FrontMatter, key: string): TextEdit[] {
  const layout = new Layout(text, fm);
  const pair = layout.pair(key);
  const node = pair?.value;
  if (!pair || !node || !isScalar(node) || isEmptyScalar(node) || node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') return [];
  return [{ range: { start: layout.afterColon(pair), end: layout.start(node) }, text: `${layout.eol}${layout.itemPrefix}` }];
}

/** Edits that remove a field: its lines, from the key to the end of its value. */
export function removeKeyEdits(text: string, fm: FrontMatter, key: string): TextEdit[] {
  const layout = new Layout(text, fm);
  const pair = layout.pair(key);
  if (!pair) return [];
  return [{ range: { start: lineStart(text, layout.start(pair.key)), end: layout.pairEnd(pair) }, text: '' }];
}

/** Edits that write a plain scalar value in double quotes, keeping what it reads as. */
export function quoteScalarEdits(text: string, fm: FrontMatter, key: string): TextEdit[] {
  const layout = new Layout(text, fm);
  const node = layout.pair(key)?.value;
  if (!node || !isScalar(node) || node.type !== 'PLAIN' || isEmptyScalar(node)) return [];
  const source = text.slice(layout.start(node), layout.end(node));
  return [{ range: { start: layout.start(node), end: layout.end(node) }, text: formatScalar(source, 'QUOTE_DOUBLE') }];
}

/**
 * Edits that remove a template's hint comment after a value, the list of alternatives to choose
 * from (`track: Global  # | IaaS | KaaS`), once the value is chosen. Other comments stay.
 */
export function removeHintEdits(text: string, fm: FrontMatter, key: string): TextEdit[] {
  const layout = new Layout(text, fm);
  const node = layout.pair(key)?.value;
  if (!node || !isScalar(node) || isEmptyScalar(node) || node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') return [];
  const end = layout.end(node);
  const lineStop = text.indexOf('\n', end);
  const rest = text.slice(end, lineStop === -1 ? text.length : lineStop).replace(/\r$/, '');
  if (!/^[ \t]+#[ \t]*\|/.test(rest)) return [];
  return [{ range: { start: end, end: end + rest.length }, text: '' }];
}

/** Edits that rename a file name wherever a field that names file names (the profile's `references` by `file-name`) names it. */
export function renameReferenceEdits(text: string, fm: FrontMatter, from: string, to: string, fields: FrontMatterLayout = layoutOfDefault()): TextEdit[] {
  const layout = new Layout(text, fm, fields);
  const edits: TextEdit[] = [];
  const visit = (node: Node | null): void => {
    if (isScalar(node) && typeof node.value === 'string' && node.value.trim() === from && !isEmptyScalar(node)) {
      const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
      edits.push({ range: { start: layout.start(node), end: layout.end(node) }, text: `${formatScalar(to, keepableStyle(node.type))}${block ? layout.eol : ''}` });
    }
  };
  for (const field of layout.fields.fileNameFields) {
    const node = layout.pair(field)?.value ?? null;
    if (isSeq(node)) for (const item of (node as YAMLSeq<Node>).items) visit(item);
    else visit(node);
  }
  return edits;
}

/** A rule's fix: the edits, or none when the front matter has a shape the editor leaves alone. */
export function fixOf(compute: () => TextEdit[]): TextEdit[] | undefined {
  try {
    const edits = compute();
    return edits.length > 0 ? edits : undefined;
  } catch (error) {
    if (error instanceof EditError) return undefined;
    throw error;
  }
}

export function isEditable(fm: FrontMatter): boolean {
  return fm.usable && isMap(fm.map);
}

/**
 * A document's text under a sequence of edits, each computed on the result of the one before (so
 * a key added by one operation is seen by the next). The byte order mark is kept.
 */
export class FrontMatterEditor {
  readonly #bom: string;
  readonly #fields: FrontMatterLayout;
  #text: string;
  #fm: FrontMatter | undefined;

  /** Edits `text` as `profile` lays out its fields (the default profile when none is given). */
  constructor(text: string, profile?: Profile) {
    this.#fields = profile ? frontMatterLayoutOf(profile) : layoutOfDefault();
    this.#bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
    this.#text = this.#bom ? text.slice(1) : text;
  }

  /** The text with its byte order mark, if it had one. */
  get text(): string {
    return this.#bom + this.#text;
  }

  get frontMatter(): FrontMatter {
    this.#fm ??= parseFrontMatter(this.#text);
    return this.#fm;
  }

  /** Applies edits computed from the current text and its front matter. */
  apply(compute: (text: string, fm: FrontMatter) => TextEdit[]): this {
    const edits = compute(this.#text, this.frontMatter);
    if (edits.length > 0) {
      this.#text = applyEdits(this.#text, edits);
      this.#fm = undefined;
    }
    return this;
  }

  set(key: string, value: string): this {
    return this.apply((text, fm) => setScalarEdits(text, fm, key, value, this.#fields));
  }

  setList(key: string, values: readonly string[]): this {
    return this.apply((text, fm) => setListEdits(text, fm, key, values, this.#fields));
  }

  addToList(key: string, value: string): this {
    return this.apply((text, fm) => addListItemEdits(text, fm, key, value, this.#fields));
  }

  remove(key: string): this {
    return this.apply((text, fm) => removeKeyEdits(text, fm, key));
  }

  removeHint(key: string): this {
    return this.apply((text, fm) => removeHintEdits(text, fm, key));
  }

  renameReference(from: string, to: string): this {
    return this.apply((text, fm) => renameReferenceEdits(text, fm, from, to, this.#fields));
  }
}

import type { Range } from './positions.js';

/**
 * The blocks of a Markdown body as the rule `template-placeholder` compares them: paragraphs
 * (any run of non-blank lines: also list items and tables), ATX and setext headings, and HTML
 * comments. Fenced code is skipped. Text is compared with its whitespace collapsed, so that a
 * re-wrapped or re-indented placeholder still matches.
 */
export interface Block {
  kind: 'paragraph' | 'heading' | 'comment';
  /** The text, whitespace collapsed: a heading without its `#` marks, a comment without `<!--` and `-->`. */
  text: string;
  range: Range;
}

/**
 * The keys of a body's blocks (`blockKey`), from the offset where the body starts: what a cache
 * keeps so that a document whose blocks match no placeholder need not be read again.
 */
export interface BlockKeys {
  from: number;
  keys: number[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const LINT_COMMENT = /^lint\b/;
const COMMENT_START = /^ {0,3}<!--/;

/** Whether a line inside a fence opened by `fence` closes it: the fence's marks and nothing else. */
function closesFence(line: string, fence: string): boolean {
  return line.trimStart().startsWith(fence) && line.trim().replace(/^[`~]+/, '') === '';
}

/** Whether a line that opens a comment also closes it. */
function closesOnItsLine(line: string): boolean {
  return line.includes('-->', line.indexOf('<!--') + 4);
}

/**
 * The blocks' keys of a text whose body starts at `from`, each key once, in the order of the
 * blocks: the same keys as `bodyBlocks(text, from).map((block) => blockKey(block.kind, block.text))`.
 * It runs for every document a lint reads, so it hashes each block while it walks the lines
 * instead of building the blocks: a line tests a pattern only when its first character could
 * start a fence, a comment or a heading.
 */
export function blockKeys(text: string, from: number): BlockKeys {
  const keys = new Set<number>();
  let fence: string | undefined;
  let comment: string[] | undefined;
  /** The hash of the open paragraph's collapsed text so far (undefined: no paragraph is open). */
  let paragraph: number | undefined;
  const close = (kind: Block['kind']): void => {
    if (paragraph !== undefined) keys.add(finishHash(paragraph, kind));
    paragraph = undefined;
  };
  let offset = from;
  while (offset < text.length) {
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline === -1 ? text.length : newline;
    const contentEnd = lineEnd > offset && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    const next = newline === -1 ? text.length : newline + 1;
    if (comment) {
      const line = text.slice(offset, contentEnd);
      comment.push(line);
      if (line.includes('-->')) {
        addCommentKey(keys, comment.join('\n'));
        comment = undefined;
      }
      offset = next;
      continue;
    }
    let first = offset;
    while (first < contentEnd && isSpace(text.charCodeAt(first))) first++;
    if (fence !== undefined) {
      if (text.startsWith(fence, first) && closesFence(text.slice(offset, contentEnd), fence)) fence = undefined;
      offset = next;
      continue;
    }
    if (first === contentEnd) {
      close('paragraph');
      offset = next;
      continue;
    }
    const code = text.charCodeAt(first);
    if (code === 96 || code === 126) {
      const line = text.slice(offset, contentEnd);
      const match = FENCE.exec(line);
      if (match) {
        close('paragraph');
        fence = match[1] ?? '```';
        offset = next;
        continue;
      }
    } else if (code === 60) {
      const line = text.slice(offset, contentEnd);
      if (COMMENT_START.test(line)) {
        close('paragraph');
        if (closesOnItsLine(line)) addCommentKey(keys, line);
        else comment = [line];
        offset = next;
        continue;
      }
    } else if (code === 35) {
      const match = ATX.exec(text.slice(offset, contentEnd));
      if (match) {
        close('paragraph');
        keys.add(blockKey('heading', collapse(match[2] ?? '')));
        offset = next;
        continue;
      }
    } else if ((code === 61 || code === 45) && paragraph !== undefined && SETEXT.test(text.slice(offset, contentEnd))) {
      close('heading');
      offset = next;
      continue;
    }
    // A line of a paragraph: its text joins the open one's with a space, whitespace collapsed.
    let space = paragraph !== undefined;
    let hash = paragraph ?? FNV_OFFSET;
    for (let index = first; index < contentEnd; index++) {
      const char = text.charCodeAt(index);
      if (isSpace(char)) {
        space = true;
        continue;
      }
      if (space) hash = Math.imul(hash ^ 32, FNV_PRIME);
      hash = Math.imul(hash ^ char, FNV_PRIME);
      space = false;
    }
    paragraph = hash;
    offset = next;
  }
  close('paragraph');
  if (comment) addCommentKey(keys, comment.join('\n'));
  return { from, keys: [...keys] };
}

/**
 * A key of a block's kind and text (32-bit FNV-1a over the text, a NUL and the kind, as an
 * unsigned integer). Equal blocks have equal keys; two different blocks may share one, so a shared key only
 * means "compare the texts". The kind comes last so that `blockKeys` can hash a paragraph's text
 * before it knows whether a setext underline makes it a heading.
 */
export function blockKey(kind: Block['kind'], text: string): number {
  let hash = FNV_OFFSET;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), FNV_PRIME);
  return finishHash(hash, kind);
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The hash of a block whose text hashed to `textHash`: the NUL and the kind hashed on. */
function finishHash(textHash: number, kind: Block['kind']): number {
  let hash = Math.imul(textHash, FNV_PRIME); // the NUL: x ^ 0 is x
  for (let index = 0; index < kind.length; index++) hash = Math.imul(hash ^ kind.charCodeAt(index), FNV_PRIME);
  return hash >>> 0;
}

/** Whether a UTF-16 code unit is whitespace as `\s` and `String.prototype.trim` see it. */
function isSpace(code: number): boolean {
  if (code > 32 && code < 0xa0) return false;
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** A piece of template text that a document made from the template should not keep. */
export interface Placeholder {
  kind: Block['kind'];
  text: string;
  /**
   * For a heading that the template asks to adjust (the text under it says so): it counts only
   * while the document keeps that text right under it too.
   */
  whileFollowedBy?: string | undefined;
}

/** The placeholders of one template, with how messages name the template. */
export interface TemplatePlaceholders {
  template: string;
  placeholders: readonly Placeholder[];
  /** The placeholders' keys (`blockKey`): a document none of whose block keys is here keeps none of them. */
  keys: ReadonlySet<number>;
}

/** The placeholders of a template's text whose body starts at `start`, with their keys. */
export function templatePlaceholdersOf(template: string, text: string, start: number): TemplatePlaceholders {
  const placeholders = templatePlaceholders(text, start);
  return { template, placeholders, keys: new Set(placeholders.map((placeholder) => blockKey(placeholder.kind, placeholder.text))) };
}

/** The placeholders of the template of each document type (`Standard`, `Supplement`, ...). */
export type TemplateTexts = ReadonlyMap<string, TemplatePlaceholders>;

/** The blocks of a text from offset `start` (the end of the front matter). */
export function bodyBlocks(text: string, start = 0): Block[] {
  const blocks: Block[] = [];
  let paragraph: { start: number; end: number; lines: string[] } | undefined;
  let fence: string | undefined;
  let comment: { start: number; lines: string[] } | undefined;
  const flush = (): void => {
    if (paragraph) blocks.push({ kind: 'paragraph', text: collapse(paragraph.lines.join(' ')), range: { start: paragraph.start, end: paragraph.end } });
    paragraph = undefined;
  };
  let offset = start;
  while (offset < text.length) {
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(offset, lineEnd).replace(/\r$/, '');
    const contentEnd = offset + line.length;
    const next = newline === -1 ? text.length : newline + 1;
    if (comment) {
      comment.lines.push(line);
      if (line.includes('-->')) {
        pushComment(blocks, comment.lines.join('\n'), { start: comment.start, end: contentEnd });
        comment = undefined;
      }
    } else if (fence !== undefined) {
      if (closesFence(line, fence)) fence = undefined;
    } else if (line.trim() === '') {
      flush();
    } else if (FENCE.test(line)) {
      flush();
      fence = FENCE.exec(line)?.[1] ?? '```';
    } else if (COMMENT_START.test(line)) {
      flush();
      if (closesOnItsLine(line)) pushComment(blocks, line, { start: offset, end: contentEnd });
      else comment = { start: offset, lines: [line] };
    } else if (ATX.test(line)) {
      flush();
      const match = ATX.exec(line);
      blocks.push({ kind: 'heading', text: collapse(match?.[2] ?? ''), range: { start: offset, end: contentEnd } });
    } else if (paragraph && SETEXT.test(line)) {
      blocks.push({ kind: 'heading', text: collapse(paragraph.lines.join(' ')), range: { start: paragraph.start, end: contentEnd } });
      paragraph = undefined;
    } else if (paragraph) {
      paragraph.lines.push(line);
      paragraph.end = contentEnd;
    } else {
      paragraph = { start: offset, end: contentEnd, lines: [line] };
    }
    offset = next;
  }
  flush();
  if (comment) pushComment(blocks, comment.lines.join('\n'), { start: comment.start, end: text.length });
  return blocks;
}

function pushComment(blocks: Block[], raw: string, range: Range): void {
  const text = commentText(raw);
  if (text !== undefined) blocks.push({ kind: 'comment', text, range });
}

function addCommentKey(keys: Set<number>, raw: string): void {
  const text = commentText(raw);
  if (text !== undefined) keys.add(blockKey('comment', text));
}

/** A comment's text without its marks, whitespace collapsed; none for an empty or a lint comment. */
function commentText(raw: string): string | undefined {
  const inner = collapse(raw.trim().replace(/^<!--+/, '').replace(/-+->$/, ''));
  return inner === '' || LINT_COMMENT.test(inner) ? undefined : inner;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Emphasis (`_x_`, `*x*`) or a placeholder token (`XXXX`, `NNNN`, `<...>`) in a heading. */
const PLACEHOLDER_HEADING = /(^|[^\w\\])(_[^_\s](?:[^_]*[^_\s])?_|\*[^*\s](?:[^*]*[^*\s])?\*)(?!\w)|\bX{3,}\b|\bN{4}\b|<[^>\s][^>]*>/;

/** Text under a heading that asks the author to adjust, rename or replace that heading. */
const ADJUST_HEADING = /\b(adjust|rename|replace|change)\w*\b[^.!?]*\b(heading|section|title)\b/i;

/**
 * The placeholders of a template's body:
 * - every paragraph (a template's paragraphs are instructions or stand-ins for the real text);
 * - every HTML comment but lint comments (the hints);
 * - the headings it marks as placeholders: italic or with a placeholder token (`#### _Option 1_`);
 *   or followed by text that asks to adjust the heading (`## Standard` over "Adjust heading
 *   accordingly."), which counts only while the document keeps that text under it.
 * Other headings (`## Introduction`) are the structure every document keeps.
 */
export function templatePlaceholders(text: string, start = 0): Placeholder[] {
  const blocks = bodyBlocks(text, start);
  const placeholders: Placeholder[] = [];
  const seen = new Set<string>();
  const add = (placeholder: Placeholder): void => {
    const key = `${placeholder.kind}\u0000${placeholder.text}\u0000${placeholder.whileFollowedBy ?? ''}`;
    if (placeholder.text === '' || seen.has(key)) return;
    seen.add(key);
    placeholders.push(placeholder);
  };
  blocks.forEach((block, index) => {
    if (block.kind !== 'heading') return add({ kind: block.kind, text: block.text });
    if (PLACEHOLDER_HEADING.test(block.text)) return add({ kind: 'heading', text: block.text });
    const next = blocks[index + 1];
    if (next?.kind === 'paragraph' && ADJUST_HEADING.test(next.text)) add({ kind: 'heading', text: block.text, whileFollowedBy: next.text });
  });
  return placeholders;
}

/** A block of a document that matches a placeholder, with the placeholder. */
export interface PlaceholderMatch {
  block: Block;
  placeholder: Placeholder;
}

/** The blocks of a document body left unchanged from its template's placeholders. */
export function findPlaceholders(blocks: readonly Block[], placeholders: readonly Placeholder[]): PlaceholderMatch[] {
  const byKey = new Map<string, Placeholder[]>();
  for (const placeholder of placeholders) {
    const key = `${placeholder.kind}\u0000${placeholder.text}`;
    byKey.set(key, [...(byKey.get(key) ?? []), placeholder]);
  }
  const matches: PlaceholderMatch[] = [];
  blocks.forEach((block, index) => {
    const candidates = byKey.get(`${block.kind}\u0000${block.text}`);
    if (!candidates) return;
    const next = blocks[index + 1];
    const placeholder = candidates.find((candidate) => candidate.whileFollowedBy === undefined || (next?.kind === 'paragraph' && next.text === candidate.whileFollowedBy));
    if (placeholder) matches.push({ block, placeholder });
  });
  return matches;
}

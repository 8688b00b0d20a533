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
  keys: string[];
}

/** The blocks' keys of a text whose body starts at `from`, each key once. */
export function blockKeys(text: string, from: number): BlockKeys {
  return { from, keys: [...new Set(bodyBlocks(text, from).map((block) => blockKey(block.kind, block.text)))] };
}

/**
 * A short key of a block's kind and text (32-bit FNV-1a, base 36). Equal blocks have equal keys;
 * two different blocks may share one, so a shared key only means "compare the texts".
 */
export function blockKey(kind: Block['kind'], text: string): string {
  let hash = 0x811c9dc5;
  const input = `${kind}\u0000${text}`;
  for (let index = 0; index < input.length; index++) {
    hash ^= input.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
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
}

/** The placeholders of the template of each document type (`Standard`, `Supplement`, ...). */
export type TemplateTexts = ReadonlyMap<string, TemplatePlaceholders>;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const LINT_COMMENT = /^lint\b/;

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
      if (line.trimStart().startsWith(fence) && line.trim().replace(/^[`~]+/, '') === '') fence = undefined;
    } else if (line.trim() === '') {
      flush();
    } else if (FENCE.test(line)) {
      flush();
      fence = FENCE.exec(line)?.[1] ?? '```';
    } else if (/^ {0,3}<!--/.test(line)) {
      flush();
      if (line.includes('-->', line.indexOf('<!--') + 4)) pushComment(blocks, line, { start: offset, end: contentEnd });
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
  const inner = collapse(raw.trim().replace(/^<!--+/, '').replace(/-+->$/, ''));
  if (inner === '' || LINT_COMMENT.test(inner)) return;
  blocks.push({ kind: 'comment', text: inner, range });
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

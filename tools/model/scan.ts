/**
 * A fast scanner for the facts the linter needs from a Markdown document (`BodyFacts`, in
 * markdown-facts.ts), with exactly the results of remark (remark-parse + remark-gfm +
 * remark-frontmatter, `parseBodyFacts` in markdown.ts), or `undefined` when the document holds
 * something it does not model exactly; the caller then parses with remark. It exists for speed:
 * it extracts the body facts the rules need without building a remark tree. Remark stays the
 * reference: correctness comes first, every construct the scanner is unsure about makes it
 * refuse, and the differential tests of test/scan.test.ts compare it with remark on fixtures
 * and on generated documents, so that the two stay equal.
 *
 * Block structure (this file) follows micromark's document and flow tokenizers for:
 * YAML front matter; blank lines; ATX and setext headings; thematic breaks; fenced code closed
 * by a fence; indented code; HTML blocks of kinds 1-7; GFM tables; link reference definitions on
 * one line; paragraphs with lazy continuation lines; block quotes; bullet and ordered lists; GFM
 * footnote definitions. It refuses: tabs in indentation, a lone CR, NUL, setext headings over
 * lazy lines, unclosed fences and fences ended by their container,
 * list items that start with a blank line or with five or more spaces, definitions that span
 * lines or have unusual labels, lazy lines whose meaning depends on rules it does not model,
 * unclosed front matter, lint comments before containers whose mdast end is subtle.
 * Inline content is handled by scan-inline.ts.
 */
import { decodeString } from 'micromark-util-decode-string';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { anchorsIn, parseDirective } from './html-facts.js';
import type { BodyFacts } from './markdown-facts.js';
import type { Range } from './positions.js';
import { htmlBlockEndSearchStart, htmlBlockEndsWithin, htmlBlockStart, type HtmlBlockKind } from './scan-html.js';
import { scanInline, type Definitions, type InlineContent } from './scan-inline.js';
import { Refusal, refuse } from './scan-refusal.js';

export type ScanOutcome = { facts: BodyFacts; refusal?: undefined } | { facts?: undefined; refusal: string };

/** The body facts of a document, or `undefined` when only the remark parser can tell them. */
export function scanBodyFacts(text: string): BodyFacts | undefined {
  return explainScan(text).facts;
}

/** Like `scanBodyFacts`, with the reason when the scanner refuses. */
export function explainScan(text: string): ScanOutcome {
  try {
    const scanner = new BlockScanner(text);
    const root = scanner.parse();
    return { facts: collectFacts(root, text, scanner.definitions()) };
  } catch (error) {
    if (error instanceof Refusal) return { refusal: error.message };
    throw error;
  }
}

// --- the block tree ------------------------------------------------------------------------

type BlockType =
  | 'root'
  | 'blockquote'
  | 'list'
  | 'listItem'
  | 'footnoteDefinition'
  | 'paragraph'
  | 'heading'
  | 'thematicBreak'
  | 'code'
  | 'html'
  | 'definition'
  | 'table';

/** A block node as mdast would have it, with only what the facts need. */
interface Block {
  type: BlockType;
  start: number;
  end: number;
  children: Block[];
  /** Paragraph, heading, HTML: the lines of content, as pairs of offsets. */
  lines: number[];
  depth: number;
  /** Definition: its URL. */
  url: string;
  /** Table: the rows, each a list of cells as pairs of offsets. */
  rows: number[][];
}

function block(type: BlockType, start: number, end: number): Block {
  return { type, start, end, children: [], lines: [], depth: 0, url: '', rows: [] };
}

/** An open container: the root, a block quote, a list item or a footnote definition. */
interface Container {
  kind: 'root' | 'quote' | 'item' | 'footnote';
  block: Block;
  /** List items and footnotes: the columns their content is indented by (micromark's `size`). */
  size: number;
}

/** The open leaf block of the innermost container. */
interface Leaf {
  kind: 'paragraph' | 'fenced' | 'indented' | 'html' | 'table' | 'definition';
  block: Block;
  /** Fenced code: fence character and length. HTML: kind. */
  fence: number;
  size: number;
  html: HtmlBlockKind;
  /** Paragraph: whether its last line was a lazy continuation line. */
  lazy: boolean;
  /** Paragraph: whether it starts with `[` (and so could hold a definition over lines). */
  bracket?: boolean;
  /** Paragraph: whether any of its lines was lazy, and whether it came right after a definition. */
  hadLazy?: boolean;
  afterDefinition?: boolean;
}

const isSpaceOrTab = (code: number): boolean => code === 32 || code === 9;
const isDigit = (code: number): boolean => code >= 48 && code <= 57;

class BlockScanner {
  readonly text: string;
  readonly root: Block;
  readonly stack: Container[];
  leaf: Leaf | undefined;
  readonly linkLabels = new Set<string>();
  readonly footnoteLabels = new Set<string>();
  /** The open leaf at the start of the current line. */
  interruptedBy: Leaf['kind'] | undefined;
  /** The next line's bounds, for look-ahead. */
  nextStart = 0;

  constructor(text: string) {
    this.text = text;
    this.root = block('root', 0, text.length);
    this.stack = [{ kind: 'root', block: this.root, size: 0 }];
    this.leaf = undefined;
    this.interruptedBy = undefined;
  }

  definitions(): Definitions {
    return { links: this.linkLabels, footnotes: this.footnoteLabels };
  }

  parse(): Block {
    const text = this.text;
    if (text.includes('\0')) refuse('NUL character');
    if (text.includes('\r') && /\r(?!\n)/.test(text)) refuse('a CR without LF');
    let start = this.frontMatterEnd();
    for (;;) {
      const newline = text.indexOf('\n', start);
      const lineEnd = newline === -1 ? text.length : newline;
      const end = lineEnd > start && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
      this.nextStart = newline === -1 ? -1 : newline + 1;
      this.line(start, end);
      if (newline === -1) break;
      start = newline + 1;
    }
    this.closeLeaf(true);
    this.closeContainers(1);
    finishEnds(this.root);
    return this.root;
  }

  /**
   * remark-frontmatter: `---` (then only spaces or tabs) on the first line, up to the next such
   * line. Returns where the body starts: the end of the closing fence, before its line ending.
   */
  frontMatterEnd(): number {
    const text = this.text;
    if (!text.startsWith('---')) return 0;
    const open = /^---[ \t]*\r?\n/.exec(text);
    if (!open) refuse('a first line that starts with `---` but opens no front matter');
    const close = /^---[ \t]*(?=\r?\n|$(?![^]))/gm;
    close.lastIndex = open[0].length;
    const match = close.exec(text);
    if (!match) refuse('unclosed front matter');
    return match.index + match[0].length;
  }

  // --- one line ------------------------------------------------------------------------------

  line(lineStart: number, lineEnd: number): void {
    let offset = lineStart;
    let matched = 1;
    for (; matched < this.stack.length; matched++) {
      const next = this.continues(this.stack[matched] as Container, offset, lineEnd);
      if (next < 0) break;
      offset = next;
    }
    const allMatched = matched === this.stack.length;
    if (this.leaf && this.continueLeaf(offset, lineEnd, allMatched)) return;
    this.startBlocks(offset, lineEnd, matched, allMatched);
  }

  /** Whether a container goes on on this line; the offset after its prefix, or -1. */
  continues(container: Container, offset: number, lineEnd: number): number {
    const indent = this.indent(offset, lineEnd);
    const blank = offset + indent === lineEnd;
    switch (container.kind) {
      case 'quote': {
        if (indent > 3 || this.text.charCodeAt(offset + indent) !== 62) return -1;
        return this.afterQuoteMarker(offset + indent + 1);
      }
      case 'item':
        if (blank) return offset + Math.min(indent, container.size);
        return indent >= container.size ? offset + container.size : -1;
      case 'footnote':
        if (blank) return offset + Math.min(indent, 4);
        return indent >= 4 ? offset + 4 : -1;
      default:
        return offset;
    }
  }

  afterQuoteMarker(at: number): number {
    const code = this.text.charCodeAt(at);
    if (code === 9) refuse('a tab after `>`');
    return code === 32 ? at + 1 : at;
  }

  /** Spaces at `offset`; a tab in indentation is refused (tab stops are not modelled). */
  indent(offset: number, lineEnd: number): number {
    let at = offset;
    while (at < lineEnd && this.text.charCodeAt(at) === 32) at++;
    if (at < lineEnd && this.text.charCodeAt(at) === 9) refuse('a tab in indentation');
    return at - offset;
  }

  isBlank(offset: number, lineEnd: number): boolean {
    for (let at = offset; at < lineEnd; at++) if (!isSpaceOrTab(this.text.charCodeAt(at))) return false;
    return true;
  }

  // --- leaves that take whole lines ------------------------------------------------------

  /** Gives the line to an open fenced code, HTML, indented code or table; true when taken. */
  continueLeaf(offset: number, lineEnd: number, allMatched: boolean): boolean {
    const leaf = this.leaf as Leaf;
    switch (leaf.kind) {
      case 'fenced':
        if (!allMatched) refuse('fenced code ended by the end of its container');
        if (this.isClosingFence(leaf, offset, lineEnd)) this.closeLeaf(false);
        leaf.block.end = lineEnd;
        return true;
      case 'html':
        if (!allMatched) {
          this.closeLeaf(false);
          return false;
        }
        if ((leaf.html === 6 || leaf.html === 7) && this.isBlank(offset, lineEnd)) {
          this.closeLeaf(false);
          return false;
        }
        leaf.block.lines.push(offset, lineEnd);
        leaf.block.end = lineEnd;
        if (leaf.html < 6 && htmlBlockEndsWithin(this.text, offset, lineEnd, leaf.html)) this.closeLeaf(false);
        return true;
      case 'indented': {
        if (!allMatched) {
          this.closeLeaf(false);
          return false;
        }
        // micromark `codeIndented`: a line indented by four or more goes on the code, even when
        // it holds only whitespace; a blank line indented less is skipped over.
        if (this.indent(offset, lineEnd) >= 4) {
          leaf.block.end = lineEnd;
          return true;
        }
        return this.isBlank(offset, lineEnd); // else the next block interrupts (and closes) the code
      }
      case 'table':
        // A body row is any line that starts no other block (see `textLine`); a blank or lazy
        // line ends the table.
        if (!allMatched || this.isBlank(offset, lineEnd)) this.closeLeaf(false);
        return false;
      default:
        return false;
    }
  }

  isClosingFence(leaf: Leaf, offset: number, lineEnd: number): boolean {
    let at = offset;
    while (at < lineEnd && at - offset < 4 && this.text.charCodeAt(at) === 32) at++;
    if (at - offset > 3) return false;
    let run = at;
    while (run < lineEnd && this.text.charCodeAt(run) === leaf.fence) run++;
    return run - at >= leaf.size && this.isBlank(run, lineEnd);
  }

  // --- block starts ----------------------------------------------------------------------

  startBlocks(offset: number, lineEnd: number, matched: number, allMatched: boolean): void {
    const text = this.text;
    // micromark: container starts are restricted ("interrupt") when every container went on and
    // a paragraph, definition or indented code is open; the flag holds for every container that
    // starts on the line (so `> 2) a` under a paragraph is a quoted paragraph, not a list).
    const firstLeaf = this.leaf?.kind;
    const interrupt = allMatched && (firstLeaf === 'paragraph' || firstLeaf === 'definition' || firstLeaf === 'indented');
    this.interruptedBy = firstLeaf;
    for (;;) {
      const indent = this.indent(offset, lineEnd);
      const at = offset + indent;
      const blank = at === lineEnd;
      const leafKind = this.leaf?.kind;
      const inContent = leafKind === 'paragraph' || leafKind === 'definition';
      const lazy = !allMatched && leafKind === 'paragraph';
      if (blank) return this.blankLine(matched, lineEnd);
      if (indent >= 4) {
        if (leafKind === 'paragraph') return this.paragraphLine(offset, at, lineEnd, allMatched);
        if (leafKind === 'definition') refuse('an indented line after a definition');
        this.closeUnmatched(matched);
        return this.indentedCode(offset, lineEnd);
      }
      const code = text.charCodeAt(at);
      if (code === 62) {
        this.closeUnmatched(matched);
        this.closeLeaf(false);
        const quote = block('blockquote', at, lineEnd);
        this.openContainer({ kind: 'quote', block: quote, size: 0 });
        offset = this.afterQuoteMarker(at + 1);
        matched = this.stack.length;
        allMatched = true;
        continue;
      }
      if (code === 35 && this.atxHeading(at, lineEnd, matched)) return;
      if ((code === 96 || code === 126) && this.fencedCode(at, lineEnd, matched)) return;
      if (code === 60 && this.htmlBlock(offset, at, lineEnd, matched, inContent, lazy)) return;
      if ((code === 61 || code === 45) && inContent && /^(?:=+|-+)[ \t]*$/.test(text.slice(at, lineEnd))) {
        if (leafKind === 'definition') refuse('a possible setext underline after a definition');
        // A lazy line is never an underline: `===` goes on the paragraph, `---` is a break.
        if (allMatched) return this.setextHeading(code === 61 ? 1 : 2, lineEnd);
      }
      if ((code === 42 || code === 45 || code === 95) && this.thematicBreak(at, lineEnd, matched)) return;
      if (code === 42 || code === 43 || code === 45 || isDigit(code)) {
        const content = this.listItem(offset, at, lineEnd, matched, interrupt);
        if (content >= 0) {
          offset = content;
          matched = this.stack.length;
          allMatched = true;
          continue;
        }
      }
      if (code === 91 && text.charCodeAt(at + 1) === 94) {
        const content = this.footnoteDefinition(at, lineEnd, matched);
        if (content >= 0) {
          offset = content;
          matched = this.stack.length;
          allMatched = true;
          continue;
        }
      }
      return this.textLine(offset, at, lineEnd, matched, allMatched);
    }
  }

  blankLine(matched: number, lineEnd: number): void {
    if (this.leaf?.kind !== 'fenced' && this.leaf?.kind !== 'indented') this.closeLeaf(false);
    this.closeUnmatched(matched);
    this.markQuotes(lineEnd); // block quotes end at their last marked line, even a blank one
  }

  /** A line that starts no block: paragraph text, a definition, or a table delimiter row. */
  textLine(offset: number, at: number, lineEnd: number, matched: number, allMatched: boolean): void {
    if (this.leaf?.kind === 'paragraph') return this.paragraphLine(offset, at, lineEnd, allMatched);
    if (this.leaf?.kind === 'table') return this.tableRow(this.leaf, at, lineEnd);
    if (this.leaf?.kind === 'definition' && !allMatched) refuse('a lazy line after a definition');
    const afterDefinition = this.leaf?.kind === 'definition';
    this.closeUnmatched(matched);
    this.closeLeaf(false);
    this.markQuotes(lineEnd);
    const bracket = this.text.charCodeAt(at) === 91;
    if (bracket && this.definition(at, lineEnd)) return;
    const paragraph = block('paragraph', at, lineEnd);
    paragraph.lines.push(at, lineEnd);
    this.addBlock(paragraph);
    this.leaf = { kind: 'paragraph', block: paragraph, fence: 0, size: at - offset, html: 1, lazy: false, bracket, afterDefinition };
  }

  paragraphLine(offset: number, at: number, lineEnd: number, allMatched: boolean): void {
    const leaf = this.leaf as Leaf;
    const paragraph = leaf.block;
    if (allMatched && leaf.lazy && tableDelimiterCells(this.text, offset, lineEnd) >= 0) refuse('a table delimiter row under a lazy line');
    if (allMatched && !leaf.lazy && this.tableStart(leaf, offset, lineEnd)) return;
    if (!allMatched && tableDelimiterCells(this.text, offset, lineEnd) >= 0) refuse('a lazy line that looks like a table delimiter row');
    if (leaf.bracket && this.text.slice(at, lineEnd).includes(']:')) refuse('a paragraph that may start with a definition');
    paragraph.lines.push(at, lineEnd);
    paragraph.end = lineEnd;
    leaf.lazy = !allMatched;
    if (!allMatched) leaf.hadLazy = true;
    leaf.size = at - offset; // the indentation of the last line
    if (allMatched) this.markQuotes(lineEnd);
  }

  /** Block quotes that matched this line end at least here. */
  markQuotes(lineEnd: number): void {
    for (const container of this.stack) if (container.kind === 'quote') container.block.end = lineEnd;
  }

  /** micromark `setextUnderline`: the open paragraph becomes a heading. */
  setextHeading(depth: number, lineEnd: number): void {
    const leaf = this.leaf as Leaf;
    if (leaf.hadLazy || leaf.afterDefinition) refuse('a setext heading over lazy lines or after a definition');
    // Its text keeps the document's line endings, which the inline scanner writes as `\n`.
    if (leaf.block.lines.length > 2 && this.text.includes('\r')) refuse('a setext heading over several CRLF lines');
    const heading = leaf.block;
    heading.type = 'heading';
    heading.depth = depth;
    heading.end = lineEnd;
    // The content ends before the trailing whitespace of its last line.
    const last = heading.lines.length - 1;
    let end = heading.lines[last] ?? 0;
    while (end > (heading.lines[last - 1] ?? 0) && isSpaceOrTab(this.text.charCodeAt(end - 1))) end--;
    heading.lines[last] = end;
    this.markQuotes(lineEnd);
    this.leaf = undefined;
  }

  atxHeading(at: number, lineEnd: number, matched: number): boolean {
    const text = this.text;
    let sequenceEnd = at;
    while (sequenceEnd < lineEnd && text.charCodeAt(sequenceEnd) === 35) sequenceEnd++;
    const depth = sequenceEnd - at;
    if (depth > 6 || (sequenceEnd < lineEnd && !isSpaceOrTab(text.charCodeAt(sequenceEnd)))) return false;
    let start = sequenceEnd;
    while (start < lineEnd && isSpaceOrTab(text.charCodeAt(start))) start++;
    let end = lineEnd;
    while (end > start && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
    let closing = end;
    while (closing > start && text.charCodeAt(closing - 1) === 35) closing--;
    if (closing < end && (closing === start || isSpaceOrTab(text.charCodeAt(closing - 1)))) {
      end = closing;
      while (end > start && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
    }
    this.closeUnmatched(matched);
    this.closeLeaf(false);
    this.markQuotes(lineEnd);
    const heading = block('heading', at, lineEnd);
    heading.depth = depth;
    heading.lines.push(start, end);
    this.addBlock(heading);
    return true;
  }

  fencedCode(at: number, lineEnd: number, matched: number): boolean {
    const text = this.text;
    const fence = text.charCodeAt(at);
    let run = at;
    while (run < lineEnd && text.charCodeAt(run) === fence) run++;
    if (run - at < 3) return false;
    if (fence === 96 && text.slice(run, lineEnd).includes('`')) return false;
    this.closeUnmatched(matched);
    this.closeLeaf(false);
    this.markQuotes(lineEnd);
    const code = block('code', at, lineEnd);
    this.addBlock(code);
    this.leaf = { kind: 'fenced', block: code, fence, size: run - at, html: 1, lazy: false };
    return true;
  }

  indentedCode(offset: number, lineEnd: number): void {
    this.closeLeaf(false);
    this.markQuotes(lineEnd);
    const code = block('code', offset, lineEnd);
    this.addBlock(code);
    this.leaf = { kind: 'indented', block: code, fence: 0, size: 0, html: 1, lazy: false };
  }

  htmlBlock(offset: number, at: number, lineEnd: number, matched: number, inContent: boolean, lazy: boolean): boolean {
    const kind = htmlBlockStart(this.text, at, lineEnd, inContent && !lazy);
    if (kind === 0) {
      if (lazy && htmlBlockStart(this.text, at, lineEnd, false) === 7) refuse('an HTML tag on a lazy line');
      return false;
    }
    if (kind === 7 && lazy) refuse('an HTML block of kind 7 on a lazy line');
    this.closeUnmatched(matched);
    this.closeLeaf(false);
    this.markQuotes(lineEnd);
    const html = block('html', offset, lineEnd);
    html.lines.push(offset, lineEnd);
    this.addBlock(html);
    this.leaf = { kind: 'html', block: html, fence: 0, size: 0, html: kind, lazy: false };
    if (kind < 6 && htmlBlockEndsWithin(this.text, htmlBlockEndSearchStart(at, kind), lineEnd, kind)) this.closeLeaf(false);
    return true;
  }

  thematicBreak(at: number, lineEnd: number, matched: number): boolean {
    if (!isThematicBreak(this.text, at, lineEnd)) return false;
    this.closeUnmatched(matched);
    this.closeLeaf(false);
    this.markQuotes(lineEnd);
    this.addBlock(block('thematicBreak', at, lineEnd));
    return true;
  }

  /** micromark `list` start: returns the offset of the item's content, or -1. */
  listItem(offset: number, at: number, lineEnd: number, matched: number, interrupt: boolean): number {
    const text = this.text;
    const code = text.charCodeAt(at);
    let markerEnd = at + 1;
    let marker = code;
    if (isDigit(code)) {
      while (markerEnd < lineEnd && isDigit(text.charCodeAt(markerEnd)) && markerEnd - at < 9) markerEnd++;
      marker = text.charCodeAt(markerEnd);
      if (marker !== 46 && marker !== 41) return -1;
      if (interrupt && (markerEnd - at > 1 || code !== 49)) return this.notAnItem(interrupt);
      markerEnd++;
    } else if ((code === 42 || code === 45) && isThematicBreak(text, at, lineEnd)) {
      return -1;
    }
    if (this.isBlank(markerEnd, lineEnd)) {
      if (interrupt) return this.notAnItem(interrupt);
      refuse('a list item that starts with a blank line');
    }
    const space = text.charCodeAt(markerEnd);
    if (space === 9) refuse('a tab after a list marker');
    if (space !== 32) return -1;
    let contentStart = markerEnd;
    while (text.charCodeAt(contentStart) === 32) contentStart++;
    if (text.charCodeAt(contentStart) === 9) refuse('a tab after a list marker');
    if (contentStart - markerEnd > 4) refuse('a list item whose content is indented code');
    this.closeUnmatched(matched);
    this.closeLeaf(false);
    this.markQuotes(lineEnd);
    const parent = this.stack[this.stack.length - 1] as Container;
    const last = parent.block.children[parent.block.children.length - 1];
    let list: Block;
    if (last && last.type === 'list' && listMarker(text, last) === marker) {
      list = last;
    } else {
      list = block('list', at, lineEnd);
      this.addBlock(list);
    }
    const item = block('listItem', at, markerEnd);
    list.children.push(item);
    this.stack.push({ kind: 'item', block: item, size: contentStart - offset });
    return contentStart;
  }

  /**
   * A list item refused because it would interrupt: certain after a paragraph; after indented
   * code or a definition, micromark's answer depends on how that block's flow began.
   */
  notAnItem(interrupt: boolean): number {
    if (interrupt && this.interruptedBy !== 'paragraph') refuse('a list item after indented code or a definition');
    return -1;
  }

  /** GFM footnote definition `[^label]:`: returns the offset of its content, or -1. */
  footnoteDefinition(at: number, lineEnd: number, matched: number): number {
    const text = this.text;
    let close = at + 2;
    while (close < lineEnd) {
      const code = text.charCodeAt(close);
      if (code === 93 || code === 91 || code === 92 || isSpaceOrTab(code)) break;
      close++;
    }
    if (text.charCodeAt(close) !== 93 || close === at + 2 || text.charCodeAt(close + 1) !== 58) {
      if (/^\[\^[^\]]*\]:/.test(text.slice(at, lineEnd))) refuse('an unusual footnote label');
      return -1;
    }
    let contentStart = close + 2;
    while (contentStart < lineEnd && isSpaceOrTab(text.charCodeAt(contentStart))) contentStart++;
    if (contentStart === lineEnd) refuse('a footnote definition that starts with a blank line');
    this.closeUnmatched(matched);
    this.closeLeaf(false);
    this.markQuotes(lineEnd);
    this.footnoteLabels.add(normalizeIdentifier(text.slice(at + 2, close)));
    const footnote = block('footnoteDefinition', at, close + 2);
    this.addBlock(footnote);
    this.stack.push({ kind: 'footnote', block: footnote, size: 4 });
    return contentStart;
  }

  /** A link reference definition on one line (`[label]: url "title"`); true when it is one. */
  definition(at: number, lineEnd: number): boolean {
    const line = this.text.slice(at, lineEnd);
    const match = DEFINITION.exec(line);
    if (!match) {
      // Not a definition on one line; it could still be one over several lines, which needs a
      // `]:` somewhere in the paragraph (see `paragraphLine`).
      if (line.includes(']:')) refuse('a line that may start a definition');
      return false;
    }
    const label = match[1] ?? '';
    if (label.length > 999 || label.trim() === '' || label.startsWith('^')) refuse('an unusual definition label');
    const raw = match[2] ?? '';
    const destination = raw.startsWith('<') ? raw.slice(1, -1) : raw;
    if (!raw.startsWith('<') && /[()\\]/.test(raw)) refuse('a definition destination with parentheses or escapes');
    if (/[\x00-\x1f\x7f]/.test(destination)) refuse('a control character in a definition');
    const next = this.nextStart;
    if (next >= 0 && /^[ \t>]*["'(]/.test(this.text.slice(next, next + 40))) refuse('a line after a definition that may be its title');
    this.linkLabels.add(normalizeIdentifier(label));
    const definition = block('definition', at, lineEnd);
    definition.url = decodeString(destination);
    this.addBlock(definition);
    this.leaf = { kind: 'definition', block: definition, fence: 0, size: 0, html: 1, lazy: false };
    return true;
  }

  // --- tables --------------------------------------------------------------------------------

  /** Turns the last line of a paragraph into a table head when this line is a delimiter row. */
  tableStart(leaf: Leaf, offset: number, lineEnd: number): boolean {
    const cells = tableDelimiterCells(this.text, offset, lineEnd);
    if (cells < 0) return false;
    const paragraph = leaf.block;
    const headStart = paragraph.lines[paragraph.lines.length - 2] ?? 0;
    const headEnd = paragraph.lines[paragraph.lines.length - 1] ?? 0;
    if (tableHeadCells(this.text, headStart, headEnd) !== cells) return false;
    if (leaf.size >= 4) refuse('an indented table head row');
    if (paragraph.lines.length === 2 && this.text.charCodeAt(headStart) === 91) refuse('a table head row that may be a definition');
    paragraph.lines.length -= 2;
    if (paragraph.lines.length === 0) this.removeBlock(paragraph);
    else paragraph.end = paragraph.lines[paragraph.lines.length - 1] ?? 0;
    const table = block('table', headStart, lineEnd);
    table.rows.push(tableCells(this.text, headStart, headEnd));
    this.addBlock(table);
    this.leaf = { kind: 'table', block: table, fence: 0, size: cells, html: 1, lazy: false };
    this.markQuotes(lineEnd);
    return true;
  }

  tableRow(leaf: Leaf, at: number, lineEnd: number): void {
    leaf.block.rows.push(tableCells(this.text, at, lineEnd));
    leaf.block.end = lineEnd;
    this.markQuotes(lineEnd);
  }

  // --- the tree ------------------------------------------------------------------------------

  addBlock(child: Block): void {
    (this.stack[this.stack.length - 1] as Container).block.children.push(child);
  }

  removeBlock(child: Block): void {
    const children = (this.stack[this.stack.length - 1] as Container).block.children;
    if (children[children.length - 1] === child) children.pop();
  }

  openContainer(container: Container): void {
    this.addBlock(container.block);
    this.stack.push(container);
  }

  closeLeaf(atEnd: boolean): void {
    const leaf = this.leaf;
    if (!leaf) return;
    if (leaf.kind === 'fenced' && atEnd) refuse('an unclosed fenced code block');
    this.leaf = undefined;
  }

  /** Closes the containers from `matched` on (they did not go on on this line). */
  closeUnmatched(matched: number): void {
    if (matched < this.stack.length) {
      if (this.leaf?.kind === 'fenced') refuse('fenced code ended by the end of its container');
      this.closeLeaf(false);
      this.closeContainers(matched);
    }
  }

  closeContainers(from: number): void {
    this.stack.length = Math.max(from, 1);
  }
}

const DEFINITION = /^\[([^\[\]\\]*)\]:[ \t]*(<[^<>\\\n]*>|[^\s<][^\s]*)(?:[ \t]+(?:"[^"\\]*"|'[^'\\]*'|\([^()\\]*\)))?[ \t]*$/;

function listMarker(text: string, list: Block): number {
  const first = list.children[0];
  if (!first) return 0;
  let at = first.start;
  while (isDigit(text.charCodeAt(at))) at++;
  return text.charCodeAt(at);
}

/** micromark `thematicBreak`: three or more of one of `*`, `-`, `_`, with spaces or tabs. */
function isThematicBreak(text: string, at: number, lineEnd: number): boolean {
  const marker = text.charCodeAt(at);
  let count = 0;
  for (let index = at; index < lineEnd; index++) {
    const code = text.charCodeAt(index);
    if (code === marker) count++;
    else if (!isSpaceOrTab(code)) return false;
  }
  return count >= 3;
}

/** The cells of a GFM table head row (micromark `headRow...` states), or -1. */
function tableHeadCells(text: string, start: number, end: number): number {
  let size = 0;
  let sizeB = 0;
  let seen = false;
  let at = start;
  if (text.charCodeAt(at) !== 124) {
    seen = true;
    sizeB = 1;
  }
  while (at < end) {
    const code = text.charCodeAt(at);
    if (isSpaceOrTab(code)) {
      at++;
      continue;
    }
    sizeB++;
    if (seen) {
      seen = false;
      size++;
    }
    if (code === 124) {
      seen = true;
      at++;
      continue;
    }
    while (at < end) {
      const data = text.charCodeAt(at);
      if (data === 124 || isSpaceOrTab(data)) break;
      const next = text.charCodeAt(at + 1);
      at += data === 92 && (next === 92 || next === 124) && at + 1 < end ? 2 : 1;
    }
  }
  return sizeB > 1 ? size : -1;
}

/** The cells of a GFM table delimiter row (micromark `headDelimiter...` states), or -1. */
function tableDelimiterCells(text: string, start: number, end: number): number {
  let at = start;
  while (at < end && text.charCodeAt(at) === 32 && at - start < 3) at++;
  let seen = false;
  let size = 0;
  let code = text.charCodeAt(at);
  if (at >= end) return -1;
  if (code === 124) {
    seen = true;
    at++;
  } else if (code !== 45 && code !== 58) return -1;
  for (;;) {
    while (at < end && isSpaceOrTab(text.charCodeAt(at))) at++;
    if (at >= end) break;
    code = text.charCodeAt(at);
    if (code === 58) {
      size++;
      seen = true;
      at++;
    } else if (code === 45) size++;
    else return -1;
    if (text.charCodeAt(at) !== 45 || at >= end) return -1;
    while (at < end && text.charCodeAt(at) === 45) at++;
    if (at < end && text.charCodeAt(at) === 58) {
      seen = true;
      at++;
    }
    while (at < end && isSpaceOrTab(text.charCodeAt(at))) at++;
    if (at >= end) break;
    if (text.charCodeAt(at) !== 124) return -1;
    seen = true;
    at++;
  }
  return seen ? size : -1;
}

/** The cell contents of a table row, as pairs of offsets (empty cells left out). */
function tableCells(text: string, start: number, end: number): number[] {
  const cells: number[] = [];
  let at = start;
  let cellStart = -1;
  let cellEnd = -1;
  const flush = (): void => {
    if (cellStart >= 0) cells.push(cellStart, cellEnd);
    cellStart = -1;
  };
  while (at < end) {
    const code = text.charCodeAt(at);
    if (code === 124) {
      flush();
      at++;
      continue;
    }
    if (isSpaceOrTab(code)) {
      at++;
      continue;
    }
    if (cellStart < 0) cellStart = at;
    while (at < end) {
      const data = text.charCodeAt(at);
      if (data === 124 || isSpaceOrTab(data)) break;
      const next = text.charCodeAt(at + 1);
      at += data === 92 && (next === 92 || next === 124) && at + 1 < end ? 2 : 1;
    }
    cellEnd = at;
  }
  flush();
  return cells;
}

/** Sets the end of each container: its last child's end, or its own last line. */
function finishEnds(node: Block): void {
  for (const child of node.children) finishEnds(child);
  const last = node.children[node.children.length - 1];
  if (node.type === 'root') return;
  if (last && last.end > node.end) node.end = last.end;
  if (node.type === 'list' || node.type === 'listItem' || node.type === 'footnoteDefinition') {
    if (last) node.end = last.end;
  }
}

// --- facts ---------------------------------------------------------------------------------

function collectFacts(root: Block, text: string, definitions: Definitions): BodyFacts {
  const facts: BodyFacts = { headings: [], links: [], directives: [], anchors: [] };
  visit(root, text, definitions, facts, true);
  return facts;
}

function visit(parent: Block, text: string, definitions: Definitions, facts: BodyFacts, isRoot: boolean): void {
  let atTop = isRoot;
  const children = parent.children;
  for (let index = 0; index < children.length; index++) {
    const node = children[index] as Block;
    const range: Range = { start: node.start, end: node.end };
    switch (node.type) {
      case 'heading': {
        const result = inline(text, node.lines, definitions, true, facts);
        facts.headings.push({ depth: node.depth, text: result ?? '', range, topLevel: isRoot });
        break;
      }
      case 'paragraph':
        inline(text, node.lines, definitions, false, facts);
        break;
      case 'table':
        for (const row of node.rows) {
          for (let cell = 0; cell < row.length; cell += 2) inline(text, [row[cell] ?? 0, row[cell + 1] ?? 0], definitions, false, facts);
        }
        break;
      case 'definition':
        facts.links.push({ url: node.url, kind: 'definition', range });
        break;
      case 'html': {
        const value = htmlValue(text, node.lines);
        const directive = parseDirective(value);
        if (directive) {
          const next = children[index + 1];
          if (next && CONTAINERS.has(next.type) && !(isRoot && isClosedByBlankLine(text, next))) {
            refuse('a lint comment before a list, quote or footnote whose end is subtle');
          }
          facts.directives.push({ ...directive, range, target: next ? { start: next.start, end: next.end } : undefined, atTop });
          continue;
        }
        anchorsIn(value, facts.anchors);
        break;
      }
      default:
        break;
    }
    atTop = false;
    if (node.children.length > 0) visit(node, text, definitions, facts, false);
  }
}

const CONTAINERS = new Set<BlockType>(['blockquote', 'list', 'footnoteDefinition']);

/**
 * Whether a top-level container is followed by the rest of its line, then blank lines up to
 * more content or the end of the file: there its mdast end is its last content's end (a quote's:
 * its last marked line), as the scanner computes it. Nested containers, and containers closed by
 * a line of their parent, end in ways (micromark's container exits, mdast's list-item fix-up)
 * the scanner does not model.
 */
function isClosedByBlankLine(text: string, node: Block): boolean {
  let newline = text.indexOf('\n', node.end);
  if (!/^[ \t\r]*$/.test(text.slice(node.end, newline === -1 ? text.length : newline))) return false;
  let blanks = 0;
  while (newline !== -1) {
    const start = newline + 1;
    newline = text.indexOf('\n', start);
    if (!/^[ \t\r]*$/.test(text.slice(start, newline === -1 ? text.length : newline))) return blanks > 0;
    blanks++;
  }
  return true;
}

/** Scans the inline content of lines (pairs of offsets); returns the text when asked. */
function inline(text: string, lines: number[], definitions: Definitions, wantText: boolean, facts: BodyFacts): string | undefined {
  const content: InlineContent =
    lines.length === 2 ? { text: text.slice(lines[0], lines[1]), starts: [0], sources: [lines[0] ?? 0] } : joinLines(text, lines);
  const result = scanInline(content, definitions, wantText);
  for (const link of result.links) facts.links.push(link);
  for (const html of result.html) anchorsIn(html.value, facts.anchors);
  return result.text;
}

/** The content of several lines, joined by `\n`, with where each line starts. */
function joinLines(text: string, lines: number[]): InlineContent {
  const content: InlineContent = { text: '', starts: [], sources: [] };
  const parts: string[] = [];
  let length = 0;
  for (let line = 0; line < lines.length; line += 2) {
    const start = lines[line] ?? 0;
    const end = lines[line + 1] ?? 0;
    if (line > 0) length++;
    content.starts.push(length);
    content.sources.push(start);
    parts.push(text.slice(start, end));
    length += end - start;
  }
  content.text = parts.join('\n');
  return content;
}

/** The value of an HTML block: its lines (without container prefixes) and their line endings. */
function htmlValue(text: string, lines: number[]): string {
  let value = '';
  for (let line = 0; line < lines.length; line += 2) {
    const start = lines[line] ?? 0;
    const end = lines[line + 1] ?? 0;
    if (line > 0) {
      const previousEnd = lines[line - 1] ?? 0;
      value += text.charCodeAt(previousEnd) === 13 ? '\r\n' : '\n';
    }
    value += text.slice(start, end);
  }
  return value;
}

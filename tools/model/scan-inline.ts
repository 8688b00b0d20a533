/**
 * The inline half of the fast scanner (see scan.ts): finds, in the text of one paragraph,
 * heading or table cell, the links, images and raw HTML that remark would find, and the plain
 * text of a heading as `mdast-util-to-string` would give it.
 *
 * It follows micromark's text tokenizer construct by construct: character escapes and
 * references, code spans, autolinks, raw HTML, the bracket algorithm for links and images
 * (inline, full, collapsed and shortcut references, inactive and balanced openers), GFM
 * footnote calls, GFM literal autolinks (`www.`, `http(s)://`, e-mail addresses, including the
 * "no literal inside an open bracket" rule) and, for headings only, emphasis (the
 * delimiter-run algorithm of micromark's `attention`).
 *
 * It refuses (throws `Refusal`) where it does not model remark exactly: HTML or GFM strikethrough
 * in places where they would matter, lint directives inside paragraphs, `![^`, and any text that
 * remark-gfm's second, tree-level pass for literal autolinks (which makes links without a
 * position) could still turn into a link.
 */
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { asciiAtext, unicodePunctuation, unicodeWhitespace } from 'micromark-util-character';
import { classifyCharacter } from 'micromark-util-classify-character';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import { decodeString } from 'micromark-util-decode-string';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import type { Link } from './markdown-facts.js';
import { HTML_SPANS_LINES, matchHtmlText } from './scan-html.js';
import { refuse } from './scan-refusal.js';

/** The text of one paragraph, heading or cell: its lines joined by `\n`, and where each line is. */
export interface InlineContent {
  text: string;
  /** Offset in `text` where each line starts. */
  starts: number[];
  /** Offset in the document of the same places. */
  sources: number[];
}

/** Raw HTML found in inline content. */
export interface InlineHtml {
  value: string;
  start: number;
  end: number;
}

export interface InlineResult {
  links: Link[];
  html: InlineHtml[];
  /** The heading text (`toString`), when asked for. */
  text: string | undefined;
}

/** Labels defined in the document, normalized as micromark does. */
export interface Definitions {
  links: ReadonlySet<string>;
  footnotes: ReadonlySet<string>;
}

/** A `[` or `![` waiting for its `]`. */
interface Opener {
  start: number;
  contentStart: number;
  image: boolean;
  inactive: boolean;
  links: number;
  html: number;
  item: number;
  run: number;
  plain: number;
}

/** A run of `*` or `_` in a heading (micromark `attentionSequence`). */
interface Run {
  marker: number;
  size: number;
  open: boolean;
  close: boolean;
  item: number;
  done: boolean;
}

/**
 * A superset of what remark-gfm's tree pass (`transformGfmAutolinkLiterals`) can match in a text
 * node: its URL pattern needs `http://`, `https://` or `www.`; its e-mail, `mailto:` and `xmpp:`
 * patterns need `[\w+\-.]+@[\w-]+(?:\.[\w-]+)+`. Text with none of these is left alone by it.
 */
const LITERAL_TRIGGER = /https?:\/\/|www\.|[\w+\-.]@[\w-]+\./i;
const MAY_TRIGGER = /[@&\\]|www|http/i;
/** The start of a lint comment, known keyword or not (see html-facts.ts): remark makes it a directive. */
const DIRECTIVE_START = /^<!--\s*lint\s+[A-Za-z]/;

/** ASCII characters that start nothing in inline content when there is no `@` (1 = plain). */
const PLAIN = new Uint8Array(128).fill(1);
for (const special of '\\`<&[]!~*_\nhHwW') PLAIN[special.charCodeAt(0)] = 0;

const isAlpha = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const isAlphanumeric = (code: number): boolean => isAlpha(code) || isDigit(code);
const isHexDigit = (code: number): boolean => isDigit(code) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
/** micromark's `markdownLineEndingOrSpace` on char codes. */
const isWhitespace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 13;
const isAsciiPunctuation = (code: number): boolean =>
  (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126);
const isControl = (code: number): boolean => code < 32 || code === 127;
/** micromark's `unicodeWhitespace` and `unicodePunctuation`, which take `null` at the end. */
const isUnicodeWhitespace = (code: number): boolean => !Number.isNaN(code) && unicodeWhitespace(code);
const isUnicodePunctuation = (code: number): boolean => !Number.isNaN(code) && unicodePunctuation(code);
/** GFM's `atext` for literal e-mail autolinks. */
const isGfmAtext = (code: number): boolean => code === 43 || code === 45 || code === 46 || code === 95 || isAlphanumeric(code);
/** micromark's `atext` for e-mail autolinks in angle brackets (no `!`, unlike CommonMark's). */
const isAsciiAtext = (code: number): boolean => !Number.isNaN(code) && asciiAtext(code);

export function scanInline(content: InlineContent, definitions: Definitions, wantText: boolean): InlineResult {
  return new InlineScanner(content, definitions, wantText).run();
}

class InlineScanner {
  readonly s: string;
  readonly content: InlineContent;
  readonly definitions: Definitions;
  readonly wantText: boolean;
  readonly trackPlain: boolean;
  readonly hasAt: boolean;
  readonly links: Link[] = [];
  readonly html: InlineHtml[] = [];
  /** Heading text pieces (only when `wantText`); `undefined` marks a run of `*`/`_`. */
  readonly items: (string | undefined)[] = [];
  readonly runs: Run[] = [];
  /** Decoded plain text with `\0` between text nodes, to look for literal-autolink triggers. */
  readonly plain: string[] = [];
  readonly openers: Opener[] = [];
  /** Start of the raw text not yet handed to `items`/`plain`. */
  textFrom = 0;

  constructor(content: InlineContent, definitions: Definitions, wantText: boolean) {
    this.s = content.text;
    this.content = content;
    this.definitions = definitions;
    this.wantText = wantText;
    this.trackPlain = MAY_TRIGGER.test(this.s);
    this.hasAt = this.s.includes('@');
  }

  run(): InlineResult {
    const s = this.s;
    const length = s.length;
    // Without an `@` only a few characters can start anything: skip the others quickly.
    const table = this.hasAt ? undefined : PLAIN;
    let index = 0;
    while (index < length) {
      const code = s.charCodeAt(index);
      if (table !== undefined && code < 128 && table[code] === 1) {
        index++;
        continue;
      }
      index = this.step(index, code);
    }
    this.flushText(s.length);
    if (this.trackPlain && LITERAL_TRIGGER.test(this.plain.join(''))) refuse('text that remark-gfm could turn into a link without a position');
    let text: string | undefined;
    if (this.wantText) {
      resolveEmphasis(this.runs, 0, this.runs.length);
      text = this.headingText();
    }
    return { links: this.links, html: this.html, text };
  }

  /** Handles the character at `index`; returns where to go on. */
  step(index: number, code: number): number {
    switch (code) {
      case 92: // `\`
        return this.escape(index);
      case 96: // `` ` ``
        return this.codeSpan(index);
      case 60: // `<`
        return this.angle(index);
      case 38: // `&`
        return this.reference(index);
      case 91: // `[`
        return this.openBracket(index);
      case 33: // `!`
        if (this.s.charCodeAt(index + 1) !== 91) return index + 1;
        if (this.s.charCodeAt(index + 2) === 94) refuse('`![^` (a possible footnote call after `!`)');
        return this.pushOpener(index, index + 2, true);
      case 93: // `]`
        return this.closeBracket(index);
      case 126: // `~`
        if (this.wantText) refuse('`~` (strikethrough) in a heading');
        return index + 1;
      case 42: // `*`
        return this.wantText ? this.attention(index, code) : index + 1;
      case 95: // `_`
        return (this.hasAt ? this.literal(index, code) : undefined) ?? (this.wantText ? this.attention(index, code) : index + 1);
      case 10:
        return this.lineEnding(index);
      default:
        if (code === 87 || code === 119 || code === 72 || code === 104 || (this.hasAt && isGfmAtext(code))) {
          return this.literal(index, code) ?? index + 1;
        }
        return index + 1;
    }
  }

  // --- text bookkeeping -------------------------------------------------------------------

  /** Hands the raw text before `end` to the heading text and the plain text. */
  flushText(end: number): void {
    if (end <= this.textFrom) return;
    const raw = this.s.slice(this.textFrom, end);
    if (this.wantText) this.items.push(raw);
    if (this.trackPlain) this.plain.push(raw);
    this.textFrom = end;
  }

  /** A decoded character (escape or reference) replacing `s[start, end)`. */
  decoded(start: number, end: number, value: string): number {
    this.flushText(start);
    if (this.wantText) this.items.push(value);
    if (this.trackPlain) this.plain.push(value);
    this.textFrom = end;
    return end;
  }

  /** A node that is not text (code, HTML, link, break) spanning `s[start, end)`. */
  node(start: number, end: number, text: string): number {
    this.flushText(start);
    if (this.wantText) this.items.push(text);
    if (this.trackPlain) this.plain.push('\0');
    this.textFrom = end;
    return end;
  }

  source(offset: number): number {
    const { starts, sources } = this.content;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return (sources[low] ?? 0) + offset - (starts[low] ?? 0);
  }

  /** micromark's `previous` code before `index`, `NaN` at the start. */
  previous(index: number): number {
    return index === 0 ? NaN : this.s.charCodeAt(index - 1);
  }

  // --- escapes, references, breaks -------------------------------------------------------

  escape(index: number): number {
    const next = this.s.charCodeAt(index + 1);
    if (isAsciiPunctuation(next)) return this.decoded(index, index + 2, this.s.charAt(index + 1));
    if (next === 10) return this.node(index, index + 2, ''); // hard break
    return index + 1;
  }

  reference(index: number): number {
    const s = this.s;
    let end = index + 1;
    let value: string | false = false;
    if (s.charCodeAt(end) === 35) {
      end++;
      const hex = s.charCodeAt(end) === 120 || s.charCodeAt(end) === 88;
      if (hex) end++;
      const digitsStart = end;
      const max = hex ? 6 : 7;
      while (end - digitsStart < max && (hex ? isHexDigit(s.charCodeAt(end)) : isDigit(s.charCodeAt(end)))) end++;
      if (end === digitsStart || s.charCodeAt(end) !== 59) return index + 1;
      value = decodeNumericCharacterReference(s.slice(digitsStart, end), hex ? 16 : 10);
    } else {
      while (end - index - 1 < 31 && isAlphanumeric(s.charCodeAt(end))) end++;
      if (end === index + 1 || s.charCodeAt(end) !== 59) return index + 1;
      value = decodeNamedCharacterReference(s.slice(index + 1, end));
      if (value === false) return index + 1;
    }
    return this.decoded(index, end + 1, value);
  }

  /**
   * micromark `resolveAllLineSuffixes`: spaces and tabs before a line ending are not text; two
   * or more spaces (and no tab) make a hard break, else the line ending stays in the text.
   */
  lineEnding(index: number): number {
    const s = this.s;
    let start = index;
    let tabs = false;
    while (start > this.textFrom && (s.charCodeAt(start - 1) === 32 || s.charCodeAt(start - 1) === 9)) {
      if (s.charCodeAt(start - 1) === 9) tabs = true;
      start--;
    }
    if (!tabs && index - start >= 2) return this.node(start, index + 1, '');
    if (start < index) {
      this.flushText(start);
      this.textFrom = index;
    }
    return index + 1;
  }

  // --- code spans, autolinks, HTML -------------------------------------------------------

  codeSpan(index: number): number {
    const s = this.s;
    let openEnd = index;
    while (s.charCodeAt(openEnd) === 96) openEnd++;
    const size = openEnd - index;
    let search = openEnd;
    for (;;) {
      const close = s.indexOf('`', search);
      if (close === -1) return openEnd; // no closing run: the backticks are text
      let closeEnd = close;
      while (s.charCodeAt(closeEnd) === 96) closeEnd++;
      if (closeEnd - close === size) return this.node(index, closeEnd, codeValue(s.slice(openEnd, close)));
      search = closeEnd;
    }
  }

  /** `<`: an autolink, else raw HTML, else text. */
  angle(index: number): number {
    const autolink = this.autolink(index);
    if (autolink) {
      this.pushLink(autolink.url, index, autolink.end);
      return this.node(index, autolink.end, this.s.slice(index + 1, autolink.end - 1));
    }
    const end = matchHtmlText(this.s, index);
    if (end === HTML_SPANS_LINES) refuse('inline HTML over several lines');
    if (end < 0) return index + 1;
    const value = this.s.slice(index, end);
    if (DIRECTIVE_START.test(value)) refuse('a lint comment inside a paragraph');
    this.html.push({ value, start: this.source(index), end: this.source(end) });
    return this.node(index, end, value);
  }

  /** micromark `autolink`: `<scheme:...>` or `<local@domain>`. */
  autolink(index: number): { end: number; url: string } | undefined {
    const s = this.s;
    let at = index + 1;
    const first = s.charCodeAt(at);
    if (isAlpha(first)) {
      at++;
      let size = 1;
      while ((isAlphanumeric(s.charCodeAt(at)) || s.charCodeAt(at) === 43 || s.charCodeAt(at) === 45 || s.charCodeAt(at) === 46) && size < 32) {
        at++;
        size++;
      }
      if (s.charCodeAt(at) === 58 && size >= 2) {
        at++;
        for (;;) {
          const code = s.charCodeAt(at);
          if (code === 62) return { end: at + 1, url: s.slice(index + 1, at) };
          if (Number.isNaN(code) || code === 32 || code === 60 || isControl(code)) return undefined;
          at++;
        }
      }
    } else if (first === 64) {
      return undefined;
    }
    return this.emailAutolink(index);
  }

  emailAutolink(index: number): { end: number; url: string } | undefined {
    const s = this.s;
    let at = index + 1;
    while (isAsciiAtext(s.charCodeAt(at))) at++;
    if (s.charCodeAt(at) !== 64) return undefined;
    at++;
    // Labels of letters, digits and inner hyphens, at most 63 long, separated by dots.
    for (;;) {
      if (!isAlphanumeric(s.charCodeAt(at))) return undefined;
      let size = 0;
      for (;;) {
        const code = s.charCodeAt(at);
        if (code === 46) {
          at++;
          break;
        }
        if (code === 62) {
          if (s.charCodeAt(at - 1) === 45) return undefined;
          return { end: at + 1, url: 'mailto:' + s.slice(index + 1, at) };
        }
        if ((code === 45 || isAlphanumeric(code)) && size++ < 63) {
          at++;
          if (code === 45 && !(s.charCodeAt(at) === 45 || isAlphanumeric(s.charCodeAt(at)))) return undefined;
          continue;
        }
        return undefined;
      }
    }
  }

  // --- literal autolinks (GFM) -----------------------------------------------------------

  /** A GFM literal autolink at `index` (tried before anything else at letters and digits). */
  literal(index: number, code: number): number | undefined {
    const previous = this.previous(index);
    let end = -1;
    let url = '';
    if (this.hasAt && isGfmAtext(code) && !(previous === 47 || isGfmAtext(previous)) && this.openers.length === 0) {
      end = emailLiteralEnd(this.s, index);
      if (end > 0) url = 'mailto:' + this.s.slice(index, end);
    }
    if (end < 0 && (code === 87 || code === 119) && isPreviousWww(previous) && this.openers.length === 0) {
      end = wwwLiteralEnd(this.s, index);
      if (end > 0) url = 'http://' + this.s.slice(index, end);
    }
    if (end < 0 && (code === 72 || code === 104) && !isAlpha(previous) && this.openers.length === 0) {
      end = httpLiteralEnd(this.s, index);
      if (end > 0) url = this.s.slice(index, end);
    }
    if (end < 0) return undefined;
    this.pushLink(url, index, end);
    return this.node(index, end, this.s.slice(index, end));
  }

  pushLink(url: string, start: number, end: number, kind: 'link' | 'image' = 'link'): void {
    this.links.push({ url, kind, range: { start: this.source(start), end: this.source(end) } });
  }

  // --- brackets: links, images, references, footnote calls ------------------------------

  openBracket(index: number): number {
    if (this.s.charCodeAt(index + 1) === 94) {
      const end = this.footnoteCall(index);
      if (end > 0) return this.node(index, end, '');
    }
    return this.pushOpener(index, index + 1, false);
  }

  /** GFM footnote call `[^label]` of a defined footnote: the offset after it, or -1. */
  footnoteCall(index: number): number {
    const s = this.s;
    let at = index + 2;
    for (;;) {
      if (at - index > 1000) return -1;
      const code = s.charCodeAt(at);
      if (Number.isNaN(code) || code === 91 || isWhitespace(code)) return -1;
      if (code === 93) break;
      at += code === 92 && (s.charCodeAt(at + 1) === 91 || s.charCodeAt(at + 1) === 92 || s.charCodeAt(at + 1) === 93) ? 2 : 1;
    }
    if (at === index + 2) return -1;
    return this.definitions.footnotes.has(normalizeIdentifier(s.slice(index + 2, at))) ? at + 1 : -1;
  }

  pushOpener(start: number, contentStart: number, image: boolean): number {
    this.flushText(start);
    const opener: Opener = {
      start,
      contentStart,
      image,
      inactive: false,
      links: this.links.length,
      html: this.html.length,
      item: this.items.length,
      run: this.runs.length,
      plain: this.plain.length,
    };
    const raw = this.s.slice(start, contentStart);
    if (this.wantText) this.items.push(raw);
    if (this.trackPlain) this.plain.push(raw);
    this.textFrom = contentStart;
    this.openers.push(opener);
    return contentStart;
  }

  /** micromark `labelEnd`: a `]` closes the innermost open bracket, into a link or as text. */
  closeBracket(index: number): number {
    const opener = this.openers.pop();
    if (!opener || opener.inactive) return index + 1;
    const s = this.s;
    // Whether the text between the brackets is a defined label (only needed when no resource follows).
    const defined = (): boolean => this.definitions.links.size > 0 && this.definitions.links.has(normalizeIdentifier(s.slice(opener.contentStart, index)));
    const next = s.charCodeAt(index + 1);
    let end = -1;
    let url: string | undefined;
    if (next === 40) {
      const resource = parseResource(s, index + 1);
      if (resource) {
        end = resource.end;
        url = resource.url;
      } else if (defined()) end = index + 1;
    } else if (next === 91) {
      const full = referenceLabelEnd(s, index + 1);
      if (full > 0 && this.definitions.links.has(normalizeIdentifier(s.slice(index + 2, full - 1)))) end = full;
      else if (s.charCodeAt(index + 2) === 93 && defined()) end = index + 3;
    } else if (defined()) {
      end = index + 1;
    }
    if (end < 0) return index + 1; // a balanced bracket that is text
    this.formLink(opener, index, end, url);
    return end;
  }

  formLink(opener: Opener, close: number, end: number, url: string | undefined): void {
    this.flushText(close);
    if (opener.image) {
      // An image has no children in mdast: nothing inside its alt text is a fact.
      this.links.length = opener.links;
      this.html.length = opener.html;
    } else {
      for (const earlier of this.openers) if (!earlier.image) earlier.inactive = true;
    }
    if (url !== undefined) {
      this.links.splice(opener.links, 0, {
        url,
        kind: opener.image ? 'image' : 'link',
        range: { start: this.source(opener.start), end: this.source(end) },
      });
    }
    if (this.wantText) {
      this.items[opener.item] = '';
      resolveEmphasis(this.runs, opener.run, this.runs.length);
      for (let run = opener.run; run < this.runs.length; run++) (this.runs[run] as Run).done = true;
    }
    if (this.trackPlain) {
      // remark-gfm's tree pass skips the text of links and references, and images have none.
      this.plain.length = opener.plain;
      this.plain.push('\0');
    }
    this.textFrom = end;
  }

  // --- emphasis (headings only) -----------------------------------------------------------

  /** micromark `attention`: a run of `*` or `_`, with whether it may open or close. */
  attention(index: number, marker: number): number {
    const s = this.s;
    let end = index;
    while (s.charCodeAt(end) === marker) end++;
    const before = classify(this.previous(index));
    const after = classify(s.charCodeAt(end));
    const open = !after || (after === 2 && Boolean(before));
    const close = !before || (before === 2 && Boolean(after));
    this.flushText(index);
    this.runs.push({
      marker,
      size: end - index,
      open: marker === 42 ? open : open && (Boolean(before) || !close),
      close: marker === 42 ? close : close && (Boolean(after) || !open),
      item: this.items.length,
      done: false,
    });
    this.items.push(undefined);
    if (this.trackPlain) this.plain.push(s.slice(index, end));
    this.textFrom = end;
    return end;
  }

  headingText(): string {
    let text = '';
    let run = 0;
    for (const item of this.items) {
      if (item !== undefined) {
        text += item;
        continue;
      }
      const sequence = this.runs[run++] as Run;
      text += String.fromCharCode(sequence.marker).repeat(sequence.size);
    }
    return text;
  }
}

/** micromark's `classifyCharacter` on char codes: 1 whitespace, 2 punctuation, 0 other. */
function classify(code: number): number {
  return classifyCharacter(Number.isNaN(code) ? null : code) ?? 0;
}

/**
 * micromark's `resolveAllAttention` on `runs[from, to)`: each closer, left to right, takes the
 * nearest opener with the same marker (skipping pairs the "multiple of 3" rule forbids); what
 * lies between is resolved on its own and then becomes text. `size` ends as the number of
 * marker characters left as text.
 */
function resolveEmphasis(runs: Run[], from: number, to: number): void {
  for (let closer = from; closer < to; closer++) {
    const close = runs[closer] as Run;
    if (close.done || !close.close || close.size === 0) continue;
    for (let opener = closer - 1; opener >= from; opener--) {
      const open = runs[opener] as Run;
      if (open.done || !open.open || open.size === 0 || open.marker !== close.marker) continue;
      if ((open.close || close.open) && close.size % 3 && !((open.size + close.size) % 3)) continue;
      const use = open.size > 1 && close.size > 1 ? 2 : 1;
      resolveEmphasis(runs, opener + 1, closer);
      for (let inner = opener + 1; inner < closer; inner++) (runs[inner] as Run).done = true;
      open.size -= use;
      close.size -= use;
      if (close.size > 0) closer--; // the rest of this closer may close again
      break;
    }
  }
}

/**
 * The value of a code span (mdast `inlineCode`): one space (or line ending) is stripped from
 * each side when both sides have one and something else is inside; line endings stay.
 */
function codeValue(inner: string): string {
  const value = inner;
  const pads = (code: number): boolean => code === 32 || code === 10 || code === 13;
  if (pads(inner.charCodeAt(0)) && pads(inner.charCodeAt(inner.length - 1)) && /[^ \r\n]/.test(inner)) return value.slice(1, -1);
  return value;
}

/** micromark `labelEnd` resource `(destination "title")` at `(`: its end and URL. */
function parseResource(s: string, at: number): { end: number; url: string } | undefined {
  let index = skipWhitespace(s, at + 1);
  if (s.charCodeAt(index) === 41) return { end: index + 1, url: '' };
  let url: string;
  if (s.charCodeAt(index) === 60) {
    let end = index + 1;
    for (;;) {
      const code = s.charCodeAt(end);
      if (code === 62) break;
      if (Number.isNaN(code) || code === 60 || code === 10 || code === 13) return undefined;
      end += code === 92 && isEscapableInAngle(s.charCodeAt(end + 1)) ? 2 : 1;
    }
    url = decodeString(s.slice(index + 1, end));
    index = end + 1;
  } else {
    const end = rawDestinationEnd(s, index, 32);
    if (end < 0) return undefined;
    url = decodeString(s.slice(index, end));
    index = end;
  }
  if (isWhitespace(s.charCodeAt(index))) {
    index = skipWhitespace(s, index);
    const marker = s.charCodeAt(index);
    if (marker === 34 || marker === 39 || marker === 40) {
      const end = titleEnd(s, index);
      if (end < 0) return undefined;
      index = skipWhitespace(s, end);
    }
  }
  return s.charCodeAt(index) === 41 ? { end: index + 1, url } : undefined;
}

const isEscapableInAngle = (code: number): boolean => code === 60 || code === 62 || code === 92;

/** micromark `factoryDestination` (raw): the end of a destination at `index`, or -1. */
export function rawDestinationEnd(s: string, index: number, limit: number): number {
  const first = s.charCodeAt(index);
  if (Number.isNaN(first) || first === 32 || first === 41 || isControl(first)) return -1;
  let balance = 0;
  let at = index;
  for (;;) {
    const code = s.charCodeAt(at);
    if (balance === 0 && (Number.isNaN(code) || code === 41 || isWhitespace(code))) return at;
    if (code === 40 && balance < limit) {
      balance++;
      at++;
      continue;
    }
    if (code === 41) {
      balance--;
      at++;
      continue;
    }
    if (Number.isNaN(code) || code === 32 || code === 40 || isControl(code)) return -1;
    const next = s.charCodeAt(at + 1);
    at += code === 92 && (next === 40 || next === 41 || next === 92) ? 2 : 1;
  }
}

/** micromark `factoryTitle` at its opening marker: the offset after the closing one, or -1. */
export function titleEnd(s: string, index: number): number {
  const open = s.charCodeAt(index);
  const close = open === 40 ? 41 : open;
  let at = index + 1;
  for (;;) {
    const code = s.charCodeAt(at);
    if (code === close) return at + 1;
    if (Number.isNaN(code)) return -1;
    const next = s.charCodeAt(at + 1);
    at += code === 92 && (next === close || next === 92) ? 2 : 1;
  }
}

function skipWhitespace(s: string, index: number): number {
  while (isWhitespace(s.charCodeAt(index))) index++;
  return index;
}

/** micromark `factoryLabel` at `[`: the offset after its `]`, or -1. */
export function referenceLabelEnd(s: string, index: number): number {
  let at = index + 1;
  let seen = false;
  for (;;) {
    if (at - index > 999) return -1;
    const code = s.charCodeAt(at);
    if (Number.isNaN(code) || code === 91) return -1;
    if (code === 93) return seen ? at + 1 : -1;
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13) seen = true;
    const next = s.charCodeAt(at + 1);
    at += code === 92 && (next === 91 || next === 92 || next === 93) ? 2 : 1;
  }
}

// --- GFM literal autolinks, ported from micromark-extension-gfm-autolink-literal -----------

function isPreviousWww(code: number): boolean {
  return Number.isNaN(code) || code === 40 || code === 42 || code === 95 || code === 91 || code === 93 || code === 126 || isWhitespace(code);
}

function wwwLiteralEnd(s: string, index: number): number {
  for (let at = index; at < index + 3; at++) {
    const code = s.charCodeAt(at);
    if (code !== 87 && code !== 119) return -1;
  }
  if (s.charCodeAt(index + 3) !== 46 || index + 4 >= s.length) return -1;
  const domain = domainEnd(s, index);
  return domain < 0 ? -1 : pathEnd(s, domain);
}

function httpLiteralEnd(s: string, index: number): number {
  let at = index + 1;
  while (at - index < 5 && isAlpha(s.charCodeAt(at))) at++;
  const protocol = s.slice(index, at).toLowerCase();
  if (s.charCodeAt(at) !== 58 || (protocol !== 'http' && protocol !== 'https')) return -1;
  if (s.charCodeAt(at + 1) !== 47 || s.charCodeAt(at + 2) !== 47) return -1;
  at += 3;
  const code = s.charCodeAt(at);
  if (Number.isNaN(code) || isControl(code) || isWhitespace(code) || isUnicodeWhitespace(code) || isUnicodePunctuation(code)) return -1;
  const domain = domainEnd(s, at);
  return domain < 0 ? -1 : pathEnd(s, domain);
}

function emailLiteralEnd(s: string, index: number): number {
  let at = index;
  while (isGfmAtext(s.charCodeAt(at))) at++;
  if (s.charCodeAt(at) !== 64) return -1;
  at++;
  let dot = false;
  let data = false;
  for (;;) {
    const code = s.charCodeAt(at);
    if (code === 46) {
      if (!isAlphanumeric(s.charCodeAt(at + 1))) break;
      dot = true;
      at++;
      continue;
    }
    if (code === 45 || code === 95 || isAlphanumeric(code)) {
      data = true;
      at++;
      continue;
    }
    break;
  }
  return data && dot && isAlpha(s.charCodeAt(at - 1)) ? at : -1;
}

function domainEnd(s: string, index: number): number {
  let underscoreInLast = false;
  let underscoreInLastButOne = false;
  let seen = false;
  let at = index;
  for (;;) {
    const code = s.charCodeAt(at);
    if (code === 46 || code === 95) {
      if (isTrail(s, at)) break;
      if (code === 95) underscoreInLast = true;
      else {
        underscoreInLastButOne = underscoreInLast;
        underscoreInLast = false;
      }
      at++;
      continue;
    }
    if (Number.isNaN(code) || isWhitespace(code) || isUnicodeWhitespace(code) || (code !== 45 && isUnicodePunctuation(code))) break;
    seen = true;
    at++;
  }
  return underscoreInLastButOne || underscoreInLast || !seen ? -1 : at;
}

const PATH_TRAIL_CANDIDATES = new Set([33, 34, 38, 39, 41, 42, 44, 46, 58, 59, 60, 63, 93, 95, 126]);

function pathEnd(s: string, index: number): number {
  let opened = 0;
  let closed = 0;
  let at = index;
  for (;;) {
    const code = s.charCodeAt(at);
    if (code === 40) {
      opened++;
      at++;
      continue;
    }
    if (code === 41 && closed < opened) {
      closed++;
      at++;
      continue;
    }
    if (PATH_TRAIL_CANDIDATES.has(code)) {
      if (isTrail(s, at)) return at;
      if (code === 41) closed++;
      at++;
      continue;
    }
    if (Number.isNaN(code) || isWhitespace(code) || isUnicodeWhitespace(code)) return at;
    at++;
  }
}

const TRAIL = new Set([33, 34, 39, 41, 42, 44, 46, 58, 59, 63, 95, 126]);

/** Whether what follows `index` is trailing punctuation that ends a literal autolink. */
function isTrail(s: string, index: number): boolean {
  let at = index;
  for (;;) {
    const code = s.charCodeAt(at);
    if (TRAIL.has(code)) {
      at++;
      continue;
    }
    if (code === 38) {
      at++;
      if (!isAlpha(s.charCodeAt(at))) return false;
      while (isAlpha(s.charCodeAt(at))) at++;
      if (s.charCodeAt(at) !== 59) return false;
      at++;
      continue;
    }
    if (code === 93) {
      at++;
      const next = s.charCodeAt(at);
      if (Number.isNaN(next) || next === 40 || next === 91 || isWhitespace(next) || isUnicodeWhitespace(next)) return true;
      continue;
    }
    return code === 60 || Number.isNaN(code) || isWhitespace(code) || isUnicodeWhitespace(code);
  }
}

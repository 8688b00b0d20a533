/**
 * HTML in Markdown for the fast scanner (see scan.ts): raw inline HTML (CommonMark "raw HTML",
 * micromark's `html-text`) and the seven start and end conditions of HTML blocks (micromark's
 * `html-flow`). Ported state by state from micromark so that both agree on every input the
 * scanner accepts; tag name lists come from micromark's own package.
 */
import { htmlBlockNames, htmlRawNames } from 'micromark-util-html-tag-name';

/** `matchHtmlText` found no HTML. */
export const NO_HTML = -1;
/** `matchHtmlText` found HTML that goes on past a line ending: the scanner does not model that. */
export const HTML_SPANS_LINES = -2;

const isAlpha = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const isAlphanumeric = (code: number): boolean => isAlpha(code) || isDigit(code);
const isSpace = (code: number): boolean => code === 32 || code === 9;
const isLineEnding = (code: number): boolean => code === 10 || code === 13;

/**
 * Raw inline HTML starting at `<` (offset `at`): an open tag, closing tag, comment, processing
 * instruction, declaration or CDATA section. Returns the offset after its `>`, NO_HTML, or
 * HTML_SPANS_LINES when it would continue on the next line.
 */
export function matchHtmlText(s: string, at: number): number {
  const next = s.charCodeAt(at + 1);
  if (next === 33) return matchDeclarationLike(s, at + 2);
  if (next === 47) return matchClosingTag(s, at + 2);
  if (next === 63) return findEnd(s, at + 2, '?>', 2);
  if (isAlpha(next)) return matchOpenTag(s, at + 2);
  return NO_HTML;
}

/** `<!--` comment, `<![CDATA[`, or `<!X` declaration; `from` is after `<!`. */
function matchDeclarationLike(s: string, from: number): number {
  const code = s.charCodeAt(from);
  if (code === 45) {
    if (s.charCodeAt(from + 1) !== 45) return NO_HTML;
    // `<!-->` and `<!--->` are complete comments (CommonMark 0.31): search `-->` from the first dash.
    return findEnd(s, from, '-->', 3);
  }
  if (code === 91) return s.startsWith('CDATA[', from + 1) ? findEnd(s, from + 7, ']]>', 3) : NO_HTML;
  if (isAlpha(code)) return findEnd(s, from + 1, '>', 1);
  return NO_HTML;
}

/** The offset after the first `marker` at or after `from`, refusing a line ending before it. */
function findEnd(s: string, from: number, marker: string, length: number): number {
  const end = s.indexOf(marker, from);
  if (end === -1) return lineEndingWithin(s, from, s.length) ? HTML_SPANS_LINES : NO_HTML;
  return lineEndingWithin(s, from, end) ? HTML_SPANS_LINES : end + length;
}

function lineEndingWithin(s: string, from: number, to: number): boolean {
  const newline = s.indexOf('\n', from);
  if (newline !== -1 && newline < to) return true;
  const cr = s.indexOf('\r', from);
  return cr !== -1 && cr < to;
}

/** `</name  >`; `from` is after `</`. */
function matchClosingTag(s: string, from: number): number {
  if (!isAlpha(s.charCodeAt(from))) return NO_HTML;
  let index = from + 1;
  while (isAlphanumeric(s.charCodeAt(index)) || s.charCodeAt(index) === 45) index++;
  while (isSpace(s.charCodeAt(index))) index++;
  if (isLineEnding(s.charCodeAt(index))) return HTML_SPANS_LINES;
  return s.charCodeAt(index) === 62 ? index + 1 : NO_HTML;
}

/** `<name attr="value" ...>`; `from` is after the first letter of the name. */
function matchOpenTag(s: string, from: number): number {
  let index = from;
  while (isAlphanumeric(s.charCodeAt(index)) || s.charCodeAt(index) === 45) index++;
  const after = s.charCodeAt(index);
  if (!(after === 47 || after === 62 || isSpace(after) || isLineEnding(after))) return NO_HTML;
  return matchAttributes(s, index);
}

const enum Tag {
  Between,
  Name,
  NameAfter,
  ValueBefore,
  Quoted,
  Unquoted,
  QuotedAfter,
}

/**
 * The attributes of an inline open tag up to its `>` (micromark html-text, from the state
 * `tagOpenBetween` on). Returns the offset after `>`, NO_HTML or HTML_SPANS_LINES.
 */
function matchAttributes(s: string, from: number): number {
  let state = Tag.Between;
  let quote = 0;
  for (let index = from; ; index++) {
    const code = s.charCodeAt(index);
    if (isLineEnding(code)) return HTML_SPANS_LINES;
    switch (state) {
      case Tag.Between:
        if (code === 47) return s.charCodeAt(index + 1) === 62 ? index + 2 : NO_HTML;
        if (code === 58 || code === 95 || isAlpha(code)) state = Tag.Name;
        else if (!isSpace(code)) return code === 62 ? index + 1 : NO_HTML;
        break;
      case Tag.Name:
        if (!isAttributeNameChar(code)) {
          state = Tag.NameAfter;
          index--;
        }
        break;
      case Tag.NameAfter:
        if (code === 61) state = Tag.ValueBefore;
        else if (!isSpace(code)) {
          state = Tag.Between;
          index--;
        }
        break;
      case Tag.ValueBefore:
        if (Number.isNaN(code) || code === 60 || code === 61 || code === 62 || code === 96) return NO_HTML;
        if (code === 34 || code === 39) {
          quote = code;
          state = Tag.Quoted;
        } else if (!isSpace(code)) state = Tag.Unquoted;
        break;
      case Tag.Quoted:
        if (Number.isNaN(code)) return NO_HTML;
        if (code === quote) state = Tag.QuotedAfter;
        break;
      case Tag.Unquoted:
        if (Number.isNaN(code) || code === 34 || code === 39 || code === 60 || code === 61 || code === 96) return NO_HTML;
        if (code === 47 || code === 62 || isSpace(code) || isLineEnding(code)) {
          state = Tag.Between;
          index--;
        }
        break;
      case Tag.QuotedAfter:
        if (!(code === 47 || code === 62 || isSpace(code))) return NO_HTML;
        state = Tag.Between;
        index--;
        break;
    }
  }
}

/**
 * The attributes of an open tag that starts an HTML block of kind 7 (micromark html-flow, from
 * `completeAttributeNameBefore` on), on one line ending at `end`: the offset after `>`, or
 * NO_HTML.
 */
function matchBlockAttributes(s: string, from: number, end: number): number {
  let state = Tag.Between;
  let quote = 0;
  for (let index = from; ; index++) {
    const code = index < end ? s.charCodeAt(index) : NaN;
    switch (state) {
      case Tag.Between:
        if (code === 47) return s.charCodeAt(index + 1) === 62 && index + 1 < end ? index + 2 : NO_HTML;
        if (code === 58 || code === 95 || isAlpha(code)) state = Tag.Name;
        else if (!isSpace(code)) return code === 62 ? index + 1 : NO_HTML;
        break;
      case Tag.Name:
        if (!isAttributeNameChar(code)) {
          state = Tag.NameAfter;
          index--;
        }
        break;
      case Tag.NameAfter:
        if (code === 61) state = Tag.ValueBefore;
        else if (!isSpace(code)) {
          state = Tag.Between;
          index--;
        }
        break;
      case Tag.ValueBefore:
        if (Number.isNaN(code) || code === 60 || code === 61 || code === 62 || code === 96) return NO_HTML;
        if (code === 34 || code === 39) {
          quote = code;
          state = Tag.Quoted;
        } else if (!isSpace(code)) {
          state = Tag.Unquoted;
          index--;
        }
        break;
      case Tag.Quoted:
        if (Number.isNaN(code)) return NO_HTML;
        if (code === quote) state = Tag.QuotedAfter;
        break;
      case Tag.Unquoted:
        if (Number.isNaN(code) || code === 34 || code === 39 || code === 47 || code === 60 || code === 61 || code === 62 || code === 96 || isSpace(code)) {
          state = Tag.NameAfter;
          index--;
        }
        break;
      case Tag.QuotedAfter:
        if (!(code === 47 || code === 62 || isSpace(code))) return NO_HTML;
        state = Tag.Between;
        index--;
        break;
    }
  }
}

function isAttributeNameChar(code: number): boolean {
  return code === 45 || code === 46 || code === 58 || code === 95 || isAlphanumeric(code);
}

/** The kind (1-7) of an HTML block: what ends it. */
export type HtmlBlockKind = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * Whether an HTML block starts at `<` (offset `at`) of a line that ends at `end`, and of which
 * kind. `interrupt` is set when the line would otherwise continue a paragraph: kind 7 cannot
 * interrupt one.
 */
export function htmlBlockStart(s: string, at: number, end: number, interrupt: boolean): HtmlBlockKind | 0 {
  const next = s.charCodeAt(at + 1);
  if (next === 33) {
    const third = s.charCodeAt(at + 2);
    if (third === 45) return s.charCodeAt(at + 3) === 45 ? 2 : 0;
    if (third === 91) return s.startsWith('CDATA[', at + 3) ? 5 : 0;
    return isAlpha(third) ? 4 : 0;
  }
  if (next === 63) return 3;
  const closing = next === 47;
  let index = closing ? at + 2 : at + 1;
  if (!isAlpha(s.charCodeAt(index))) return 0;
  const nameStart = index;
  while (isAlphanumeric(s.charCodeAt(index)) || s.charCodeAt(index) === 45) index++;
  const after = index < end ? s.charCodeAt(index) : NaN;
  if (!(Number.isNaN(after) || after === 47 || after === 62 || isSpace(after))) return 0;
  const name = s.slice(nameStart, index).toLowerCase();
  const slash = after === 47;
  if (!slash && !closing && htmlRawNames.includes(name)) return 1;
  if (htmlBlockNames.includes(name)) {
    if (slash) return s.charCodeAt(index + 1) === 62 ? 6 : 0;
    return 6;
  }
  if (interrupt) return 0;
  let tagEnd: number;
  if (closing) {
    while (index < end && isSpace(s.charCodeAt(index))) index++;
    tagEnd = index < end && s.charCodeAt(index) === 62 ? index + 1 : NO_HTML;
  } else {
    tagEnd = matchBlockAttributes(s, index, end);
  }
  if (tagEnd < 0) return 0;
  for (let rest = tagEnd; rest < end; rest++) if (!isSpace(s.charCodeAt(rest))) return 0;
  return 7;
}

/** Where the search for the end of an HTML block of a kind starts on its first line. */
export function htmlBlockEndSearchStart(at: number, kind: HtmlBlockKind): number {
  switch (kind) {
    case 1:
      return at + 1;
    case 2:
      return at + 2; // the first dash of `<!--`
    case 3:
      return at + 1; // the `?` of `<?`
    case 4:
      return at + 2;
    case 5:
      return at + 9;
    default:
      return at;
  }
}

const RAW_END = /<\/(?:pre|script|style|textarea)>/i;

/** Whether the end condition of an HTML block of kind 1-5 occurs in `s[from, to)`. */
export function htmlBlockEndsWithin(s: string, from: number, to: number, kind: HtmlBlockKind): boolean {
  const part = s.slice(from, to);
  switch (kind) {
    case 1:
      return RAW_END.test(part);
    case 2:
      return part.includes('-->');
    case 3:
      return part.includes('?>');
    case 4:
      return part.includes('>');
    case 5:
      return part.includes(']]>');
    default:
      return false;
  }
}

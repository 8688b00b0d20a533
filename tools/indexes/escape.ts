/**
 * Escaping for every output of the index. Whatever a document's front matter holds (a title
 * with `<script>`, a `|` in a description, braces that MDX would run as code) reaches a page as
 * the text it is.
 */

// C0 and C1 control characters other than tab and line breaks (which are folded into spaces).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Folds line breaks and runs of white space into single spaces and drops control characters. */
export function oneLine(text: string): string {
  return text.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
}

const MDX_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '{': '&#123;', '}': '&#125;' };
/** Punctuation that Markdown (GFM) gives a meaning inside a line: escaped with a backslash. */
const MDX_BACKSLASHED = /[\\`*_[\]~|!#$]/;
/** Characters that start a block (list, heading, admonition) at the beginning of a line. */
const LINE_START = /^([-+:=]|\d+[.)])/;

/**
 * Text for a Markdown/MDX page (Docusaurus parses `.md` as MDX too): one line, with HTML, JSX
 * and expression characters as character references and Markdown punctuation backslashed, so
 * that it shows as written and cannot open a tag, an expression, a link or a table cell.
 */
export function mdxText(text: string): string {
  let out = '';
  for (const char of oneLine(text)) {
    const entity = MDX_ENTITIES[char];
    if (entity !== undefined) out += entity;
    else if (MDX_BACKSLASHED.test(char)) out += `\\${char}`;
    else out += char;
  }
  return out.replace(LINE_START, (match) => `${match.slice(0, -1)}\\${match.slice(-1)}`);
}

/** A path segment of a link: percent-encoded, parentheses and quotes included. */
export function urlSegment(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or a quoted attribute value in HTML. */
export function htmlText(text: string): string {
  return text.replace(CONTROL, '').replace(/[&<>"']/g, (char) => HTML_ENTITIES[char] ?? char);
}

/**
 * JSON that is safe inside a `<script>` element and as JavaScript source: `<`, `>` and `&` as
 * `\u` escapes (no `</script>` or `<!--` can appear), and U+2028/U+2029 escaped.
 */
export function scriptJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Escaping for text that goes into Markdown: what a document contains is shown as text, never
 * interpreted as Markdown or HTML. Line breaks become spaces (a list item or table cell stays
 * one line), control characters are dropped and bidirectional controls shown as `\u202e`, HTML
 * characters become entities, and the characters of emphasis, code, links and
 * table cells are backslash-escaped. It is meant for text inside a line, not at its start.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '')
    .replace(BIDI, visibleBidi)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (char) => `\\${char}`);
}

/** Bidirectional controls, which would reorder what a reader sees: shown as `\u202e` text. */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

function visibleBidi(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** A code span for a file name or id; text with other characters than these is escaped instead. */
export function code(text: string): string {
  return /^[A-Za-z0-9._\-/:]+$/.test(text) ? `\`${text}\`` : escapeMarkdown(text);
}

/**
 * A message of the toolkit, whose values are marked with backticks: the marked parts become
 * code spans (which show HTML and Markdown as typed), the rest is escaped text.
 */
export function inlineMarkdown(message: string): string {
  const parts = message.replace(/[\r\n\u2028\u2029]+/g, ' ').split('`');
  const closed = parts.length % 2 === 1 ? parts : [...parts.slice(0, -2), `${parts[parts.length - 2] ?? ''}\`${parts[parts.length - 1] ?? ''}`];
  return closed
    .map((part, index) => {
      if (index % 2 === 0) return escapeMarkdown(part);
      const content = part.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').replace(BIDI, visibleBidi);
      return content.trim() === '' ? escapeMarkdown(`\`${content}\``) : `\`${content}\``;
    })
    .join('');
}

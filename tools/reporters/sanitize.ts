/**
 * Makes text safe for a terminal: control characters (ESC, CR, BEL, ...) and bidirectional
 * overrides are shown as escapes instead of being interpreted, so a document title cannot move
 * the cursor, recolour the screen or reorder what a reader sees.
 */
export function sanitizeForTerminal(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  }).replace(/\n/g, '\\n');
}

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

/** Characters a terminal or a log viewer acts on, other than line breaks and tabs. */
const ACTIVE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Shows control characters (C0 other than tab and line breaks, C1) and bidirectional controls as
 * `\x1b` or `\u202e` escapes, and keeps line breaks and tabs: for outputs that encode line
 * breaks themselves (GitHub workflow commands).
 */
export function showControls(text: string): string {
  return text.replace(ACTIVE, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * JSON in which the characters a terminal would act on (DEL, C1 controls, bidirectional
 * controls) and the line separators are written as `\u` escapes, as JSON already writes C0
 * controls and lone surrogates: the data is the same, and printing it is safe.
 */
export function terminalSafeJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

import type { TextEdit } from '../rules/rule.js';

/** Two edits conflict when their ranges overlap or touch (two insertions at one offset included). */
export function editsConflict(a: TextEdit, b: TextEdit): boolean {
  return a.range.start <= b.range.end && b.range.start <= a.range.end;
}

/**
 * Applies edits given in offsets of `text`. Edits must not overlap; insertions at the same offset
 * are applied in the order given.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  const sorted = edits.map((edit, index) => ({ edit, index })).sort((a, b) => a.edit.range.start - b.edit.range.start || a.index - b.index);
  let out = '';
  let at = 0;
  for (const { edit } of sorted) {
    const { start, end } = edit.range;
    if (start < at || end < start || end > text.length) {
      throw new RangeError(`Overlapping or invalid text edit at ${start}-${end}`);
    }
    out += text.slice(at, start) + edit.text;
    at = end;
  }
  return out + text.slice(at);
}

/**
 * A list of alternatives as a message says it: `A`, `A or B`, `A, B or C`. Each item is given
 * already worded (quoted, with its article); an empty list gives an empty string.
 */
export function orList(items: readonly string[]): string {
  if (items.length <= 2) return items.join(' or ');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`;
}

import type { Range } from './positions.js';

/**
 * The top-level entries of a front matter, with where their keys and values are written: what
 * the YAML reader (frontmatter.ts) and the fast reader (frontmatter-fast.ts) both give.
 */

/** How a scalar is written: as YAML's parser calls the styles. */
export type ScalarStyle = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

/** A value of a top-level front matter key, with where it is written (document offsets). */
export type EntryValue =
  | { kind: 'scalar'; range: Range; style: ScalarStyle; value: unknown }
  | { kind: 'seq'; range: Range; flow: boolean; items: EntryItem[] }
  | { kind: 'other'; range: Range }
  | { kind: 'none'; range: undefined };

/** An item of a list value: a scalar, or something else (a mapping, a nested list). */
export type EntryItem = { kind: 'scalar'; range: Range; style: ScalarStyle; value: unknown } | { kind: 'other'; range: Range };

/** A top-level key of the front matter with its value and positions. */
export interface FrontMatterEntry {
  key: string;
  keyRange: Range;
  value: EntryValue;
}

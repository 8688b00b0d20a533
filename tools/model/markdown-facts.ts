import type { BlockKeys } from './placeholders.js';
import type { Range } from './positions.js';

/**
 * The facts the rules need from a document's Markdown body, as both readers give them: the
 * remark reader (markdown.ts) and the fast scanner (scan.ts).
 */

export interface Heading {
  depth: number;
  text: string;
  range: Range;
  /** False for a heading inside a block quote, list or footnote: it opens no section of the document. */
  topLevel: boolean;
}

export interface Link {
  url: string;
  kind: 'link' | 'definition' | 'image';
  range: Range;
}

/** What a lint comment does; `unknown` for a keyword that is none of the three (no effect). */
export type DirectiveKind = 'disable' | 'enable' | 'ignore' | 'unknown';

/** A `<!-- lint disable|enable|ignore rule-id ... -->` comment (or one with an unknown keyword). */
export interface Directive {
  kind: DirectiveKind;
  /** Rule ids; empty means every rule. */
  ruleIds: string[];
  range: Range;
  /** For `ignore`: the range of the node it applies to. */
  target: Range | undefined;
  /** True when nothing but other comments stands between the front matter and this comment. */
  atTop: boolean;
  /** The reason the comment gives after ` -- `, if any. */
  justification?: string;
}

/** What the rules need from a document's Markdown: sections, links and lint comments. */
export interface BodyFacts {
  headings: Heading[];
  links: Link[];
  directives: Directive[];
  /** Explicit HTML anchors (`<a name="x">`, `id="x"`) that links may target. */
  anchors: string[];
  /** The keys of the body's blocks, for `template-placeholder` (set by `documentFacts`). */
  blocks?: BlockKeys;
}

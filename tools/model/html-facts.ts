import type { DirectiveKind } from './markdown-facts.js';

/**
 * A whole `<!-- lint KEYWORD ids -->` comment (after trimming). Keywords other than `disable`,
 * `enable` and `ignore` (a typo such as `disabel`, or `disable-next-line` from another linter)
 * make an `unknown` directive: it has no effect, and `lint-directive-valid` reports it.
 */
const DIRECTIVE = /^<!--\s*lint\s+([A-Za-z][\w-]*)(?![\w-])([^]*?)-->\s*$/;
const KEYWORDS: ReadonlySet<string> = new Set(['disable', 'enable', 'ignore']);
/** An `id` or `name` attribute (any case) with a quoted value; not `data-id` or `aria-name`. */
const ANCHOR = /(?<=\s)(?:name|id)\s*=\s*["']([^"']+)["']/gi;

/** Where the reason of a comment starts, as in ESLint: two or more hyphens between spaces. */
const JUSTIFICATION = /\s-{2,}\s/;

/**
 * The lint directive an HTML node holds, if it is one. Text after ` -- ` is the reason the
 * comment gives (`<!-- lint disable sections-recommended -- kept short on purpose -->`), as
 * ESLint reads `-- ` in its comments.
 */
export function parseDirective(html: string): { kind: DirectiveKind; ruleIds: string[]; justification?: string } | undefined {
  const directive = DIRECTIVE.exec(html.trim());
  if (!directive) return undefined;
  const keyword = directive[1] ?? '';
  // A space before the closing `-->` lets ` -- ` end the text too.
  const [ids = '', ...reason] = `${directive[2] ?? ''} `.split(JUSTIFICATION);
  const justification = reason.join(' -- ').trim();
  return {
    kind: KEYWORDS.has(keyword) ? (keyword as DirectiveKind) : 'unknown',
    ruleIds: ids.split(/[\s,]+/).filter((id) => id !== ''),
    ...(justification === '' ? {} : { justification }),
  };
}

/** Explicit anchors (`name="x"`, `id="x"`) in an HTML node, in order. */
export function anchorsIn(html: string, anchors: string[]): void {
  for (const anchor of html.matchAll(ANCHOR)) if (anchor[1]) anchors.push(anchor[1]);
}

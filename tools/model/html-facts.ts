import type { DirectiveKind } from './markdown.js';

/**
 * A whole `<!-- lint KEYWORD ids -->` comment (after trimming). Keywords other than `disable`,
 * `enable` and `ignore` (a typo such as `disabel`, or `disable-next-line` from another linter)
 * make an `unknown` directive: it has no effect, and `lint-directive-valid` reports it.
 */
const DIRECTIVE = /^<!--\s*lint\s+([A-Za-z][\w-]*)(?![\w-])([^]*?)-->\s*$/;
const KEYWORDS: ReadonlySet<string> = new Set(['disable', 'enable', 'ignore']);
/** An `id` or `name` attribute (any case) with a quoted value; not `data-id` or `aria-name`. */
const ANCHOR = /(?<=\s)(?:name|id)\s*=\s*["']([^"']+)["']/gi;

/** The lint directive an HTML node holds, if it is one. */
export function parseDirective(html: string): { kind: DirectiveKind; ruleIds: string[] } | undefined {
  const directive = DIRECTIVE.exec(html.trim());
  if (!directive) return undefined;
  const keyword = directive[1] ?? '';
  return {
    kind: KEYWORDS.has(keyword) ? (keyword as DirectiveKind) : 'unknown',
    ruleIds: (directive[2] ?? '').split(/[\s,]+/).filter((id) => id !== ''),
  };
}

/** Explicit anchors (`name="x"`, `id="x"`) in an HTML node, in order. */
export function anchorsIn(html: string, anchors: string[]): void {
  for (const anchor of html.matchAll(ANCHOR)) if (anchor[1]) anchors.push(anchor[1]);
}

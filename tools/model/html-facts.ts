import type { DirectiveKind } from './markdown.js';

/** A whole `<!-- lint disable|enable|ignore ids -->` comment (after trimming). */
const DIRECTIVE = /^<!--\s*lint\s+(disable|enable|ignore)\b([^]*?)-->\s*$/;
/** An `id` or `name` attribute (any case) with a quoted value; not `data-id` or `aria-name`. */
const ANCHOR = /(?<=\s)(?:name|id)\s*=\s*["']([^"']+)["']/gi;

/** The lint directive an HTML node holds, if it is one. */
export function parseDirective(html: string): { kind: DirectiveKind; ruleIds: string[] } | undefined {
  const directive = DIRECTIVE.exec(html.trim());
  if (!directive) return undefined;
  return {
    kind: directive[1] as DirectiveKind,
    ruleIds: (directive[2] ?? '').split(/[\s,]+/).filter((id) => id !== ''),
  };
}

/** Explicit anchors (`name="x"`, `id="x"`) in an HTML node, in order. */
export function anchorsIn(html: string, anchors: string[]): void {
  for (const anchor of html.matchAll(ANCHOR)) if (anchor[1]) anchors.push(anchor[1]);
}

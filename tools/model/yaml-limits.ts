import type { Document } from 'yaml';

/**
 * The limits that keep hostile YAML (front matter, scope files, the configuration file) from
 * exhausting memory, time or the call stack. One set for every place the toolkit parses YAML.
 */
export const YAML_LIMITS = {
  /** Aliases that may be expanded when the YAML becomes data (an alias bomb needs millions). */
  maxAliasCount: 100,
  /** Nesting of collections (real front matter nests two or three levels, scope files six). */
  maxDepth: 64,
};

/**
 * A cheap upper bound of the nesting depth, checked before the real parse (whose composer
 * recurses once per level): flow brackets (`[`, `{`) and block indentation levels, where each
 * deeper indentation opens a level and so does each `- `, `? ` or `: ` indicator that opens a
 * collection on the same line (`- - - x`, `? ? ? x`).
 */
export function nestingDepth(source: string): number {
  let depth = 0;
  let max = 0;
  for (let index = 0; index < source.length; index++) {
    const char = source.charCodeAt(index);
    if (char === 0x5b || char === 0x7b) {
      depth++;
      if (depth > max) max = depth;
    } else if ((char === 0x5d || char === 0x7d) && depth > 0) depth--;
  }
  const indents: number[] = [];
  for (const line of source.split('\n')) {
    const content = line.trimStart();
    if (content === '' || content.startsWith('#')) continue;
    let indent = line.length - content.length;
    let rest = content;
    let indicator: RegExpExecArray | null;
    while ((indicator = INDICATOR.exec(rest)) !== null) {
      push(indents, indent);
      indent += indicator[0].length;
      rest = rest.slice(indicator[0].length);
    }
    push(indents, indent);
    if (indents.length > max) max = indents.length;
  }
  return max;
}

const INDICATOR = /^[-?:][ \t]+/;

function push(indents: number[], indent: number): void {
  while (indents.length > 0 && (indents[indents.length - 1] ?? 0) > indent) indents.pop();
  if (indents.length === 0 || (indents[indents.length - 1] ?? 0) < indent) indents.push(indent);
}

/**
 * The data of a parsed YAML document with at most `YAML_LIMITS.maxAliasCount` alias expansions;
 * a message instead of data when the document exceeds them (or the stack).
 */
export function boundedData(doc: Document.Parsed): { ok: true; data: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, data: doc.toJS({ maxAliasCount: YAML_LIMITS.maxAliasCount }) };
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/ at line \d+, column \d+[\s\S]*$/, '').trim() : String(error);
    return { ok: false, message: `${reason} (aliases are limited to ${YAML_LIMITS.maxAliasCount} expansions)` };
  }
}

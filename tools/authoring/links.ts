import type { Link } from '../model/markdown-facts.js';
import { sameFolderTarget } from '../model/references.js';
import type { TextEdit } from '../rules/rule.js';

/**
 * Edits that point the relative links to `from` (a file in the same folder) at `to`, in
 * offsets of the document text. Only the destination changes: the link text, a `./` prefix, a
 * `#fragment` and a title stay as written.
 */
export function retargetLinkEdits(text: string, links: readonly Link[], from: string, to: string): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const link of links) {
    if (sameFolderTarget(link.url) !== from) continue;
    const source = text.slice(link.range.start, link.range.end);
    const at = destinationOffset(source, link.kind, from);
    if (at === undefined) continue;
    const start = link.range.start + at;
    edits.push({ range: { start, end: start + from.length }, text: to });
  }
  return edits;
}

/** Where the destination's file name starts in a link's source (after `](` or `]:`). */
function destinationOffset(source: string, kind: Link['kind'], name: string): number | undefined {
  const opener = kind === 'definition' ? /\]:[ \t]*(?:\r?\n[ \t]*)?<?(?:\.\/)?/g : /\]\([ \t]*(?:\r?\n[ \t]*)?<?(?:\.\/)?/g;
  for (const match of source.matchAll(opener)) {
    const at = match.index + match[0].length;
    if (source.startsWith(name, at)) return at;
  }
  return undefined;
}

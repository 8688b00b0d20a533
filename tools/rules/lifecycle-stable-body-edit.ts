import type { StandardDocument } from '../model/document.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'Edits to the body of a document in a `frozen` status are reported for review: such a document takes no change that could make existing implementations non-conformant.',
    severity: 'warn',
    scope: 'change',
    needsBody: true,
    defaultOptions: undefined,
  },
  check({ doc, change, process, report }) {
    const base = change?.base;
    if (!change || !base || (change.kind !== 'modified' && change.kind !== 'renamed')) return;
    const frozen = process.status(base.status);
    if (frozen?.frozen !== true) return;
    const before = bodyLines(base);
    const after = bodyLines(doc);
    let index = 0;
    while (index < before.length && index < after.length && before[index] === after[index]) index++;
    if (index === before.length && index === after.length) return;
    const bodyStart = doc.source.lines.point(doc.frontMatter.range.end).line;
    const line = Math.min(bodyStart + index, doc.source.lines.lineCount);
    const start = doc.source.lines.lineStart(line);
    const lineEnd = doc.source.text.indexOf('\n', start);
    const end = lineEnd === -1 ? doc.source.text.length : lineEnd > start && doc.source.text.charAt(lineEnd - 1) === '\r' ? lineEnd - 1 : lineEnd;
    report({
      message: `The body of this document, ${frozen.name} in the base, changed from line ${line} on: make sure the edit cannot make an existing implementation non-conformant (editorial fixes only)`,
      range: { start, end },
    });
  },
});

/** The body's lines, without trailing white space, and without blank lines at the end. */
function bodyLines(doc: StandardDocument): string[] {
  const lines = doc.source.text.slice(doc.frontMatter.range.end).split('\n').map((line) => line.trimEnd());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

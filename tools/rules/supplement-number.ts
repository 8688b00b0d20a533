import { parseFileName } from '../model/filename.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'A supplement carries the number of the documents it supplements, and supplements documents, not supplements.',
    severity: 'error',
    scope: 'document',
    defaultOptions: undefined,
  },
  check({ doc, report }) {
    const name = doc.name;
    if (!name || name.numeric === undefined) return;
    for (const reference of doc.references('supplements')) {
      const parsed = parseFileName(reference.name);
      if (!parsed.ok || reference.name === doc.fileName) continue;
      const other = parsed.name;
      if (other.number !== name.number) {
        report({
          message: `Unexpected \`${reference.name}\` in \`supplements\`: a supplement carries the number of what it extends, expected \`scs-${name.number}-v...\``,
          range: reference.range,
        });
      } else if (other.letter === 'w') {
        report({
          message: `Unexpected supplement \`${reference.name}\` in \`supplements\`: a supplement extends versions of a document, not another supplement`,
          range: reference.range,
        });
      }
    }
  },
});

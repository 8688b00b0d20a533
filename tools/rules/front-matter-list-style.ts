import { fixOf, toListEdits } from '../authoring/editor.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'Reference fields whose targets are file names are written as lists, even with one entry.',
    severity: 'warn',
    scope: 'document',
    fixable: true,
    defaultOptions: undefined,
  },
  check({ doc, process, report }) {
    // Only fields of file names are lists; a profile may write its number fields as `1, 2`.
    for (const field of process.fileNameReferenceFields) {
      for (const reference of doc.references(field)) {
        if (!reference.asString) continue;
        report({
          message: `\`${field}\` is written as a single file name, expected a list (\`${field}:\` followed by \`  - ${reference.name}\`)`,
          range: reference.range,
          fix: fixOf(() => toListEdits(doc.source.text, doc.frontMatter, field)),
        });
      }
    }
  },
});

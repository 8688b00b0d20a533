import { mappingRange } from '../model/frontmatter.js';
import { incomingReferences } from '../model/references.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: '`replaces` and `replaced_by` agree across documents: each side names the other.',
    severity: 'warn',
    scope: 'corpus',
    fixable: true,
    defaultOptions: undefined,
  },
  check({ doc, corpus, report }) {
    const incoming = incomingReferences(corpus).get(doc.fileName) ?? [];
    const status = doc.status;
    const replacedBy = new Set(doc.references('replaced_by').map((reference) => reference.name));
    const replaces = new Set(doc.references('replaces').map((reference) => reference.name));
    for (const { from, reference } of incoming) {
      if (from === doc) continue;
      if (reference.field === 'replaces' && (status === 'Deprecated' || status === 'Rejected') && !replacedBy.has(from.fileName)) {
        report({
          message: `\`${from.fileName}\` replaces this ${status} document, but \`replaced_by\` does not name it`,
          range: doc.field('replaced_by')?.range ?? doc.field('status')?.range ?? mappingRange(doc.frontMatter),
        });
      }
      // `replaces` names versions of the same number only, so a replacement under another
      // number cannot name what it replaces.
      const sameNumber = from.name !== undefined && from.name.number === doc.name?.number;
      if (reference.field === 'replaced_by' && sameNumber && !replaces.has(from.fileName)) {
        report({
          message: `\`${from.fileName}\` names this document in \`replaced_by\`, but \`replaces\` does not name it`,
          range: doc.field('replaces')?.range ?? mappingRange(doc.frontMatter),
        });
      }
    }
  },
});

import { addListItemEdits, fixOf } from '../authoring/editor.js';
import type { StandardDocument } from '../model/document.js';
import { mappingRange } from '../model/frontmatter.js';
import { incomingReferences, replacedChain, replacementChain, stableReplacements } from '../model/references.js';
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
      if (reference.field === 'replaces' && (status === 'Deprecated' || status === 'Rejected')) {
        // Naming the replacement or any later document of its chain is enough: a `replaced_by`
        // written while v2 was Stable stays right once v3 replaces v2.
        const chain = replacementChain(corpus, from);
        if ([...chain].some((member) => replacedBy.has(member.fileName))) continue;
        // The fix names what replaces this document today: a Stable document (see
        // `lifecycle-replaced-by-stable`), the end of the chain when the replacement itself is
        // Deprecated. Without exactly one, there is nothing certain to write.
        const stable = stableReplacements(corpus, from);
        const target = stable.length === 1 ? stable[0] : undefined;
        const names = target !== undefined && target !== from ? `names neither it nor \`${target.fileName}\`, the Stable document that replaces it in turn` : 'does not name it';
        report({
          message: `\`${from.fileName}\` replaces this ${status} document, but \`replaced_by\` ${names}`,
          range: doc.field('replaced_by')?.range ?? doc.field('status')?.range ?? mappingRange(doc.frontMatter),
          fix: target ? fixOf(() => addListItemEdits(doc.source.text, doc.frontMatter, 'replaced_by', target.fileName)) : undefined,
        });
      }
      // `replaces` names versions of the same number only, so a replacement under another
      // number cannot name what it replaces. A later version that replaces it through the
      // versions in between (v3 replaces v2, which replaces v1) names it already.
      const sameNumber = from.name !== undefined && from.name.number === doc.name?.number;
      if (reference.field === 'replaced_by' && sameNumber && !replaces.has(from.fileName) && !replacedChain(corpus, doc).has(from)) {
        report({
          message: `\`${from.fileName}\` names this document in \`replaced_by\`, but \`replaces\` does not name it`,
          range: doc.field('replaces')?.range ?? mappingRange(doc.frontMatter),
          // Certain only when the other document is an earlier version, which `replaces` may name.
          fix: isEarlierVersion(from, doc) ? fixOf(() => addListItemEdits(doc.source.text, doc.frontMatter, 'replaces', from.fileName)) : undefined,
        });
      }
    }
  },
});

function isEarlierVersion(candidate: StandardDocument, doc: StandardDocument): boolean {
  const a = candidate.name;
  const b = doc.name;
  return !!a && !!b && a.number === b.number && a.letter === 'v' && b.letter === 'v' && a.version !== undefined && b.version !== undefined && a.version < b.version;
}

import { addListItemEdits, fixOf } from '../authoring/editor.js';
import type { StandardDocument } from '../model/document.js';
import { mappingRange } from '../model/frontmatter.js';
import { incomingReferences, replacedChain, replacementChain, standingReplacements } from '../model/references.js';
import { successionOf } from '../profile/succession.js';
import { defineRule } from './rule.js';

/**
 * The pairs of reference fields are the profile's (`references[].reciprocal`): in SCS a document
 * that `replaces` names is named back in its `replaced_by` once it is Deprecated or Rejected, and
 * one that names a document of its own number in `replaced_by` is named back in `replaces`.
 * Messages use a field's name as the verb it is (`replaces`).
 */
export default defineRule({
  meta: {
    description: 'Reference fields with a `reciprocal` agree across documents: a document that another names in such a field names it back in the reciprocal field, under the conditions the profile gives.',
    severity: 'warn',
    scope: 'corpus',
    fixable: true,
    defaultOptions: undefined,
  },
  check({ doc, corpus, process, report }) {
    const { profile } = process;
    const specs = new Map(profile.references.filter((reference) => reference.target === 'file-name').map((reference) => [reference.field, reference]));
    if (![...specs.values()].some((reference) => reference.reciprocal)) return;
    const succession = successionOf(profile);
    const incoming = incomingReferences(corpus, [...specs.keys()]).get(doc.fileName) ?? [];
    const status = doc.string(profile.statuses.field);
    for (const { from, reference } of incoming) {
      if (from === doc) continue;
      const spec = specs.get(reference.field);
      const back = spec?.reciprocal;
      if (!spec || !back) continue;
      if (back.whenTargetStatus && (status === undefined || !back.whenTargetStatus.includes(status))) continue;
      // A successor under another number cannot name what it replaces when the reciprocal
      // field names versions of the same number only.
      if (back.whenSameNumber && (from.name === undefined || from.name.number !== doc.name?.number)) continue;
      const named = new Set(doc.references(back.field).map((entry) => entry.name));
      if (spec.direction === 'earlier') {
        // `from` names this document as its predecessor. Naming the successor or any later
        // document of its chain is enough: a `replaced_by` written while v2 was Stable stays
        // right once v3 replaces v2.
        const chain = replacementChain(corpus, from, spec.field);
        if ([...chain].some((member) => named.has(member.fileName))) continue;
        // The fix names what replaces this document today: a document in a standing status
        // (see `lifecycle-replaced-by-stable`), the end of the chain when the successor itself
        // is replaced. Without exactly one, there is nothing certain to write.
        const standing = succession?.predecessors === spec.field ? standingReplacements(corpus, from, succession) : [];
        const target = standing.length === 1 ? standing[0] : undefined;
        const names =
          target !== undefined && target !== from
            ? `names neither it nor \`${target.fileName}\`, the ${succession?.standing.join(' or ') ?? ''} document that ${spec.field} it in turn`
            : 'does not name it';
        report({
          message: `\`${from.fileName}\` ${spec.field} this ${status === undefined ? '' : `${status} `}document, but \`${back.field}\` ${names}`,
          range: doc.field(back.field)?.range ?? doc.field(profile.statuses.field)?.range ?? mappingRange(doc.frontMatter),
          fix: target ? fixOf(() => addListItemEdits(doc.source.text, doc.frontMatter, back.field, target.fileName)) : undefined,
        });
        continue;
      }
      // `from` names this document as a successor. A later version that replaces it through the
      // versions in between (v3 replaces v2, which replaces v1) names it already.
      const through = specs.get(back.field)?.direction === 'earlier' ? replacedChain(corpus, doc, back.field) : new Set<StandardDocument>();
      if (named.has(from.fileName) || through.has(from)) continue;
      report({
        message: `\`${from.fileName}\` names this document in \`${spec.field}\`, but \`${back.field}\` does not name it`,
        range: doc.field(back.field)?.range ?? mappingRange(doc.frontMatter),
        // Certain only when the other document is an earlier version, which `replaces` may name.
        fix: isEarlierVersion(from, doc) ? fixOf(() => addListItemEdits(doc.source.text, doc.frontMatter, back.field, from.fileName)) : undefined,
      });
    }
  },
});

function isEarlierVersion(candidate: StandardDocument, doc: StandardDocument): boolean {
  const a = candidate.name;
  const b = doc.name;
  return !!a && !!b && a.number === b.number && a.letter === 'v' && b.letter === 'v' && a.version !== undefined && b.version !== undefined && a.version < b.version;
}

import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'A document names in a reference field with `targetMaturity: at-least-own` only documents at least as far along as itself (by the `maturity` of their statuses).',
    severity: 'error',
    scope: 'corpus',
    defaultOptions: undefined,
  },
  check({ doc, corpus, process, report }) {
    const own = process.status(doc.status);
    if (own?.maturity === undefined) return;
    for (const reference of process.references) {
      if (reference.targetMaturity !== 'at-least-own' || reference.target !== 'number') continue;
      for (const { number, range } of doc.numberReferences(reference.field)) {
        for (const target of corpus.byNumber(number)) {
          const theirs = process.status(target.status);
          if (theirs?.maturity === undefined || theirs.maturity >= own.maturity) continue;
          report({
            message: `\`${reference.field}\` names ${number} (\`${target.fileName}\`), which is ${theirs.name}: a ${own.name} document ${reference.field} only documents at least as far along`,
            range,
          });
        }
      }
    }
  },
});

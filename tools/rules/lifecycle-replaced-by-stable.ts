import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: '`replaced_by` entries added in a change name documents that are Stable in the head.',
    severity: 'error',
    scope: 'change',
    defaultOptions: undefined,
  },
  check({ doc, corpus, change, report }) {
    if (!change || change.kind === 'deleted' || change.kind === 'unchanged') return;
    const before = new Set(change.base?.references('replaced_by').map((reference) => reference.name) ?? []);
    for (const reference of doc.references('replaced_by')) {
      if (before.has(reference.name)) continue;
      const target = corpus.byFileName(reference.name);
      // A file that does not exist is reported by `reference-exists`.
      if (!target) continue;
      const status = target.status;
      if (status === 'Stable') continue;
      report({
        message: `\`replaced_by\` names \`${reference.name}\`, which is ${status ? status : 'without status'} in this change: a document is replaced only by a Stable one (deprecate this document once its replacement is Stable)`,
        range: reference.range,
      });
    }
  },
});

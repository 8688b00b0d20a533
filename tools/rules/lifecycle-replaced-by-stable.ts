import { stableReplacements } from '../model/references.js';
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
      const shown = status ?? 'without status';
      const entry = change.change.of(target);
      const was = entry?.base?.status;
      const when = !entry?.base ? `${shown}, new in this change` : was === status ? `${shown} (already in the base)` : `${shown} in this change (${was ?? 'without status'} in the base)`;
      // What to name instead: the Stable document that replaces it (the end of a chain of
      // deprecated versions), as `replaces-reciprocal` writes it.
      const stable = stableReplacements(corpus, target);
      const instead = stable.length === 1 && stable[0] ? `; name \`${stable[0].fileName}\`, the Stable document that replaces it` : ' (deprecate this document once its replacement is Stable)';
      report({
        message: `\`replaced_by\` names \`${reference.name}\`, which is ${when}: a document is replaced only by a Stable one${instead}`,
        range: reference.range,
      });
    }
  },
});

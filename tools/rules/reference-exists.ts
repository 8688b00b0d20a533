import { parseFileName } from '../model/filename.js';
import { REFERENCE_FIELDS } from '../model/profile.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'Every file named in `replaces`, `replaced_by` and `supplements` exists in the folder.',
    severity: 'error',
    scope: 'corpus',
    defaultOptions: undefined,
  },
  check({ doc, corpus, report }) {
    for (const field of REFERENCE_FIELDS) {
      for (const reference of doc.references(field)) {
        if (reference.name === doc.fileName || corpus.byFileName(reference.name)) continue;
        const parsed = parseFileName(reference.name);
        const sameId = parsed.ok ? corpus.byId(parsed.name.id) : [];
        const hint = sameId.length === 1 ? `; did you mean \`${sameId[0]?.fileName ?? ''}\`?` : '';
        report({
          message: `\`${field}\` names \`${reference.name}\`, which is not a document in this folder${hint}`,
          range: reference.range,
        });
      }
    }
  },
});

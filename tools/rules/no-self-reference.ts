import { REFERENCE_FIELDS } from '../model/profile.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'A document does not name itself in `replaces`, `replaced_by` or `supplements`.',
    severity: 'error',
    scope: 'document',
    defaultOptions: undefined,
  },
  check({ doc, report }) {
    for (const field of REFERENCE_FIELDS) {
      for (const reference of doc.references(field)) {
        if (reference.name === doc.fileName) {
          report({ message: `Unexpected self-reference: \`${field}\` names this document itself`, range: reference.range });
        }
      }
    }
  },
});

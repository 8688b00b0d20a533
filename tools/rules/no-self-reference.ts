import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'A document does not name itself in `replaces`, `replaced_by` or `supplements`.',
    severity: 'error',
    scope: 'document',
    defaultOptions: undefined,
  },
  check({ doc, process, report }) {
    for (const field of process.numberReferenceFields) {
      for (const reference of doc.numberReferences(field)) {
        if (reference.number === doc.name?.number) report({ message: `Unexpected self-reference: \`${field}\` names this document itself`, range: reference.range });
      }
    }
    for (const field of process.fileNameReferenceFields) {
      for (const reference of doc.references(field)) {
        if (reference.name === doc.fileName) {
          report({ message: `Unexpected self-reference: \`${field}\` names this document itself`, range: reference.range });
        }
      }
    }
  },
});

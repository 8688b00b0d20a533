import { defineRule } from './rule.js';

/** The fields are the profile's references; one with `selfReference: true` may name its own document. */
export default defineRule({
  meta: {
    description: 'A document does not name itself in a reference field, unless the field allows it (`selfReference`).',
    severity: 'error',
    scope: 'document',
    defaultOptions: undefined,
  },
  check({ doc, process, report }) {
    const fields = process.profile.references.filter((reference) => reference.selfReference !== true);
    for (const { field } of fields.filter((reference) => reference.target === 'number')) {
      for (const reference of doc.numberReferences(field)) {
        if (reference.number === doc.name?.number) report({ message: `Unexpected self-reference: \`${field}\` names this document itself`, range: reference.range });
      }
    }
    for (const { field } of fields.filter((reference) => reference.target === 'file-name')) {
      for (const reference of doc.references(field)) {
        if (reference.name === doc.fileName) {
          report({ message: `Unexpected self-reference: \`${field}\` names this document itself`, range: reference.range });
        }
      }
    }
  },
});

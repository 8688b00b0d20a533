import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'Every document a reference field of the profile names (`references[]`, by file name or by number) exists in the folder.',
    severity: 'error',
    scope: 'corpus',
    defaultOptions: undefined,
  },
  check({ doc, corpus, process, report }) {
    for (const reference of process.references) {
      if (reference.target !== 'number' || reference.mustExist === false) continue;
      for (const { number, range } of doc.numberReferences(reference.field)) {
        if (number === doc.name?.number || corpus.byNumber(number).length > 0) continue;
        report({ message: `\`${reference.field}\` names ${number}, which is not a document in this folder`, range });
      }
    }
    for (const field of process.fileNameReferenceFields) {
      for (const reference of doc.references(field)) {
        if (reference.name === doc.fileName || corpus.byFileName(reference.name)) continue;
        const parsed = process.naming(reference.name);
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

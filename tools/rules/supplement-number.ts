import { defineRule } from './rule.js';

/**
 * The fields are the profile's file-name references that point `extended` (SCS `supplements`);
 * their `sameNumber` and `targetKinds` say whether a target carries the document's number and
 * may be a supplement.
 */
export default defineRule({
  meta: {
    description: 'Each entry of a file-name reference field whose `direction` is `extended` carries the document\'s own number where `sameNumber` is `required`, and names no supplement where `targetKinds` leaves out the kind `supplement`.',
    severity: 'error',
    scope: 'document',
    defaultOptions: undefined,
  },
  check({ doc, process, report }) {
    const name = doc.name;
    if (!name || name.numeric === undefined) return;
    for (const spec of process.profile.references) {
      if (spec.target !== 'file-name' || spec.direction !== 'extended') continue;
      for (const reference of doc.references(spec.field)) {
        const parsed = process.naming(reference.name);
        if (!parsed.ok || reference.name === doc.fileName) continue;
        const other = parsed.name;
        if (other.number !== name.number) {
          if (spec.sameNumber !== 'required') continue;
          const expected = process.names.idOf({ number: name.number, version: '...' }) ?? name.number;
          report({
            message: `Unexpected \`${reference.name}\` in \`${spec.field}\`: a supplement carries the number of what it extends, expected \`${expected}\``,
            range: reference.range,
          });
        } else if (other.letter === 'w' && spec.targetKinds !== undefined && !spec.targetKinds.includes('supplement')) {
          report({
            message: `Unexpected supplement \`${reference.name}\` in \`${spec.field}\`: a supplement extends versions of a document, not another supplement`,
            range: reference.range,
          });
        }
      }
    }
  },
});

import { numberIdOf } from '../profile/ids.js';
import { defineRule } from './rule.js';

/**
 * The fields are the profile's file-name references that point `earlier` (SCS `replaces`); their
 * `sameNumber` and `targetKinds` say whether a target must carry the document's number and may
 * be a supplement. Messages use the field's name as the verb it is.
 */
export default defineRule({
  meta: {
    description: 'Each entry of a file-name reference field whose `direction` is `earlier` names an earlier version: of the same number where `sameNumber` is `required`, and no supplement where `targetKinds` leaves out the kind `supplement`.',
    severity: 'error',
    scope: 'document',
    defaultOptions: undefined,
  },
  check({ doc, process, report }) {
    const name = doc.name;
    if (!name || name.kind !== 'document' || name.version === undefined) return;
    for (const spec of process.profile.references) {
      if (spec.target !== 'file-name' || spec.direction !== 'earlier') continue;
      for (const reference of doc.references(spec.field)) {
        if (reference.name === doc.fileName) continue; // no-self-reference reports this
        const parsed = process.naming(reference.name);
        if (!parsed.ok || parsed.name.kind === 'template') continue; // reference-exists reports names that are not documents
        const other = parsed.name;
        if (other.number !== name.number) {
          if (spec.sameNumber !== 'required') continue;
          report({
            message: `Unexpected \`${reference.name}\` in \`${spec.field}\`: it has number \`${other.number}\`, expected an earlier version of \`${numberIdOf(process.profile, name.number)}\``,
            range: reference.range,
          });
        } else if (other.kind === 'supplement' && spec.targetKinds !== undefined && !spec.targetKinds.includes('supplement')) {
          report({
            message: `Unexpected supplement \`${reference.name}\` in \`${spec.field}\`: a version ${spec.field} an earlier version, not a supplement`,
            range: reference.range,
          });
        } else if (other.letter === 'v' && other.version !== undefined && other.version >= name.version) {
          report({
            message: `Unexpected \`${reference.name}\` in \`${spec.field}\`: version ${other.version} is not earlier than this version ${name.version}`,
            range: reference.range,
          });
        }
      }
    }
  },
});

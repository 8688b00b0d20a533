import { numberIdOf } from '../profile/ids.js';
import { defineRule } from './rule.js';

/** The field is the profile's reference with `requiredAboveVersion` (SCS `replaces`); messages use its name as the verb it is. */
export default defineRule({
  meta: {
    description: 'A new major version above a reference field\'s `requiredAboveVersion` names in it the latest earlier version of its number, and every document it names there exists in the base.',
    severity: 'error',
    scope: 'change',
    defaultOptions: undefined,
  },
  check({ doc, change, process, report }) {
    if (change?.kind !== 'added') return;
    const name = doc.name;
    const version = name?.version;
    if (!name || name.numeric === undefined || name.letter !== 'v' || version === undefined) return;
    for (const spec of process.profile.references) {
      if (spec.target !== 'file-name' || spec.requiredAboveVersion === undefined || version <= spec.requiredAboveVersion) continue;
      const references = doc.references(spec.field);
      // A missing field is reported by `replaces-required`.
      if (references.length === 0) continue;
      const earlier = change.baseCorpus
        .byNumber(name.number)
        .filter((other) => other.name?.letter === 'v' && other.name.version !== undefined && other.name.version < version)
        .sort((a, b) => (b.name?.version ?? 0) - (a.name?.version ?? 0));
      const predecessor = earlier[0];
      const field = doc.field(spec.field);
      if (!predecessor) {
        report({
          message: `No earlier version of \`${numberIdOf(process.profile, name.number)}\` exists in the base: a new major version ${spec.field} a document that exists before the change`,
          range: field?.range,
        });
        continue;
      }
      for (const reference of references) {
        if (change.baseCorpus.byFileName(reference.name)) continue;
        report({
          message: `\`${spec.field}\` names \`${reference.name}\`, which is not in the base: a new version ${spec.field} documents that exist before the change (the latest is \`${predecessor.fileName}\`)`,
          range: reference.range,
        });
      }
      if (!references.some((reference) => reference.name === predecessor.fileName)) {
        report({
          message: `\`${spec.field}\` does not name \`${predecessor.fileName}\`, the latest earlier version in the base: a new major version ${spec.field} its direct predecessor`,
          range: field?.range,
        });
      }
    }
  },
});

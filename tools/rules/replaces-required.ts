import { mappingRange } from '../model/frontmatter.js';
import { numberIdOf } from '../profile/ids.js';
import { defineRule } from './rule.js';

/** The field and the version are the profile's (`references[].requiredAboveVersion`: SCS `replaces`, 1); messages use the field's name as the verb it is. */
export default defineRule({
  meta: {
    description: 'A major version above a reference field\'s `requiredAboveVersion` names an earlier version of its number in that field.',
    severity: 'error',
    scope: 'document',
    defaultOptions: undefined,
  },
  check({ doc, process, report }) {
    const name = doc.name;
    const version = name?.version;
    if (!name || name.kind !== 'document' || version === undefined) return;
    if (!doc.frontMatter.usable) return;
    for (const spec of process.profile.references) {
      if (spec.target !== 'file-name' || spec.requiredAboveVersion === undefined || version <= spec.requiredAboveVersion) continue;
      const references = doc.references(spec.field);
      const previous = process.names.idOf({ number: name.number, version: String(version - 1) }) ?? name.number;
      if (references.length === 0) {
        report({
          message: `Missing \`${spec.field}\`: version ${version} must name the version it ${spec.field} (\`${previous}-...\`)`,
          range: doc.field(spec.field)?.range ?? mappingRange(doc.frontMatter),
        });
        continue;
      }
      const namesEarlier = references.some((reference) => {
        const parsed = process.naming(reference.name);
        return (
          parsed.ok &&
          parsed.name.number === name.number &&
          parsed.name.letter === 'v' &&
          parsed.name.version !== undefined &&
          parsed.name.version < version
        );
      });
      if (!namesEarlier) {
        report({
          message: `\`${spec.field}\` names no earlier version of \`${numberIdOf(process.profile, name.number)}\`: version ${version} must name the version it ${spec.field} (\`${previous}-...\`)`,
          range: doc.field(spec.field)?.range,
        });
      }
    }
  },
});

import { defineRule } from './rule.js';

/** The kind of file a supplement has, in the profile's `types[].fileKind` and `fileNames.kinds`. */
const SUPPLEMENT = 'supplement';

/** The supplement types are the profile's types whose `fileKind` is `supplement` (SCS: Supplement). */
export default defineRule({
  meta: {
    description: 'A document of a type whose `fileKind` is `supplement` has a supplement\'s file name (`wM`), a document of any other type a version\'s (`vM`).',
    severity: 'error',
    scope: 'document',
    defaultOptions: undefined,
  },
  check({ doc, process, report }) {
    const { types, fileNames } = process.profile;
    const supplementTypes = types.values.filter((entry) => entry.fileKind === SUPPLEMENT).map((entry) => entry.name);
    if (supplementTypes.length === 0) return;
    const name = doc.name;
    const type = doc.field(types.field);
    if (!name || !type || typeof type.value !== 'string') return;
    const isSupplementType = supplementTypes.includes(type.value);
    if (name.letter === 'w' && !isSupplementType) {
      report({
        message: `Unexpected type \`${type.value}\` for \`${name.id}\`: a file named \`w${name.versionText}\` is a ${SUPPLEMENT}, expected ${supplementTypes.map((entry) => `\`${entry}\``).join(' or ')} (or rename it to \`v${name.versionText}\`)`,
        range: type.range,
      });
    } else if (name.letter === 'v' && isSupplementType) {
      const example = fileNames.id.supplement === undefined ? '' : ` (\`${process.names.idOf({ number: name.number, supplement: '1' }) ?? name.number}-...\`)`;
      report({
        message: `Unexpected type \`${type.value}\` for \`${name.id}\`: ${SUPPLEMENT}s are named with \`w\`${example}, not \`v\``,
        range: type.range,
      });
    }
  },
});

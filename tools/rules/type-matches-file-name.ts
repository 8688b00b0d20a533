import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'A Supplement is named with `wM`, every other type with `vM`.',
    severity: 'error',
    scope: 'document',
    defaultOptions: undefined,
  },
  check({ doc, report }) {
    const name = doc.name;
    const type = doc.field('type');
    if (!name || !type || typeof type.value !== 'string') return;
    if (name.letter === 'w' && type.value !== 'Supplement') {
      report({
        message: `Unexpected type \`${type.value}\` for \`${name.id}\`: a file named \`w${name.versionText}\` is a supplement, expected \`Supplement\` (or rename it to \`v${name.versionText}\`)`,
        range: type.range,
      });
    } else if (name.letter === 'v' && type.value === 'Supplement') {
      report({
        message: `Unexpected type \`Supplement\` for \`${name.id}\`: supplements are named with \`w\` (\`scs-${name.number}-w1-...\`), not \`v\``,
        range: type.range,
      });
    }
  },
});

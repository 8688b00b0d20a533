import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'An accepted document keeps its number and version: a renamed document has the number and version it had in the base (a proposal gets its number when it is accepted).',
    severity: 'error',
    scope: 'change',
    defaultOptions: undefined,
  },
  check({ doc, change, report }) {
    if (change?.kind !== 'renamed' || !change.base) return;
    const before = change.base.name;
    const after = doc.name;
    // A base name that broke the naming rules may be corrected.
    if (!before || !after || before.numeric === undefined || change.base.nameProblems.length > 0) return;
    if (before.id === after.id) return;
    const what = before.number !== after.number ? `number \`${before.number}\` to \`${after.number}\`` : `version \`${before.letter}${before.versionText}\` to \`${after.letter}${after.versionText}\``;
    report({
      message: `Unexpected rename of accepted \`${change.base.fileName}\` (${what}): an accepted document keeps its number and version; a new version is a new file that \`replaces\` the old one`,
    });
  },
});

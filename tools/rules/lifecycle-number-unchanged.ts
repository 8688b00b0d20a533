import { acceptedRename, defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'An accepted document keeps its number and version: a renamed document has the number and version it had in the base (a proposal gets its number when it is accepted).',
    severity: 'error',
    scope: 'change',
    defaultOptions: undefined,
  },
  check({ doc, change, process, report }) {
    const rename = acceptedRename(doc, change);
    if (!rename || rename.before.id === rename.after.id) return;
    const { before, after, base } = rename;
    const what = before.number !== after.number ? `number \`${before.number}\` to \`${after.number}\`` : `version \`${before.letter}${before.versionText}\` to \`${after.letter}${after.versionText}\``;
    const earlier = process.profile.references.find((reference) => reference.target === 'file-name' && reference.direction === 'earlier')?.field;
    report({
      message: `Unexpected rename of accepted \`${base.fileName}\` (${what}): an accepted document keeps its number and version; a new version is a new file${earlier === undefined ? '' : ` that \`${earlier}\` the old one`}`,
    });
  },
});

import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'An accepted document keeps its slug: the slug is part of its URL.',
    severity: 'error',
    scope: 'change',
    defaultOptions: undefined,
  },
  check({ doc, change, report }) {
    if (change?.kind !== 'renamed' || !change.base) return;
    const before = change.base.name;
    const after = doc.name;
    // A base name that broke the naming rules may be corrected.
    if (!before || !after || before.numeric === undefined || before.slug === after.slug || change.base.nameProblems.length > 0) return;
    report({
      message: `Unexpected slug \`${after.slug}\`, expected \`${before.slug}\` as in \`${change.base.fileName}\`: an accepted document keeps its slug, which is part of its URL`,
    });
  },
});

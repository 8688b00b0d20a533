import { acceptedRename, defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'An accepted document keeps its slug: the slug is part of its URL.',
    severity: 'error',
    scope: 'change',
    defaultOptions: undefined,
  },
  check({ doc, change, report }) {
    const rename = acceptedRename(doc, change);
    if (!rename || rename.before.slug === rename.after.slug) return;
    const { before, after, base } = rename;
    report({
      message: `Unexpected slug \`${after.slug}\`, expected \`${before.slug}\` as in \`${base.fileName}\`: an accepted document keeps its slug, which is part of its URL`,
    });
  },
});

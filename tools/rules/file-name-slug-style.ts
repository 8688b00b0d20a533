import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'The slug of a file name should start with a letter and should not contain `--`.',
    severity: 'warn',
    scope: 'document',
    defaultOptions: undefined,
  },
  check({ doc, report }) {
    const slug = doc.name?.slug;
    if (!slug) return;
    if (/^[0-9]/.test(slug)) report({ message: `Slug \`${slug}\` should start with a letter, not a digit` });
    if (slug.includes('--')) report({ message: `Slug \`${slug}\` should not contain \`--\`` });
  },
});

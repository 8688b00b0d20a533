import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'The slug of a file name should start with a letter, should not contain `--` and should not end with a hyphen.',
    severity: 'warn',
    scope: 'document',
    defaultOptions: undefined,
  },
  check({ doc, report }) {
    const slug = doc.name?.slug;
    if (!slug) return;
    if (/^[0-9]/.test(slug)) report({ message: `Slug \`${slug}\` should start with a letter, not a digit` });
    if (slug.includes('--')) report({ message: `Slug \`${slug}\` should not contain \`--\`` });
    if (slug.length > 1 && slug.endsWith('-')) report({ message: `Slug \`${slug}\` should not end with a hyphen` });
  },
});

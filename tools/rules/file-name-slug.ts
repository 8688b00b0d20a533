import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'The slug of a file name has only lower-case ASCII letters, digits and hyphens, and does not start with a hyphen.',
    severity: 'error',
    scope: 'document',
    defaultOptions: undefined,
  },
  check({ doc, report }) {
    const slug = doc.name?.slug;
    if (!slug) return;
    if (/[A-Z]/.test(slug)) {
      report({ message: `Unexpected upper-case letters in slug \`${slug}\`, expected \`${slug.toLowerCase()}\`: slugs are lower case` });
    }
    const other = [...new Set(slug.replace(/[a-zA-Z0-9-]/g, ''))];
    if (other.length > 0) {
      const shown = other.map((char) => `\`${char === ' ' ? 'space' : char}\``).join(', ');
      report({ message: `Unexpected ${other.length === 1 ? 'character' : 'characters'} ${shown} in slug \`${slug}\`, expected only letters a-z, digits and hyphens` });
    }
    if (slug.startsWith('-')) report({ message: `Unexpected hyphen at the start of slug \`${slug}\`` });
  },
});

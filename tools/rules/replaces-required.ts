import { parseFileName } from '../model/filename.js';
import { mappingRange } from '../model/frontmatter.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'A major version above 1 names an earlier version of its number in `replaces`.',
    severity: 'error',
    scope: 'document',
    defaultOptions: undefined,
  },
  check({ doc, report }) {
    const name = doc.name;
    const version = name?.version;
    if (!name || name.kind !== 'document' || version === undefined || version <= 1) return;
    if (!doc.frontMatter.usable) return;
    const references = doc.references('replaces');
    const previous = `scs-${name.number}-v${version - 1}`;
    if (references.length === 0) {
      report({
        message: `Missing \`replaces\`: version ${version} must name the version it replaces (\`${previous}-...\`)`,
        range: doc.field('replaces')?.range ?? mappingRange(doc.frontMatter),
      });
      return;
    }
    const namesEarlier = references.some((reference) => {
      const parsed = parseFileName(reference.name);
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
        message: `\`replaces\` names no earlier version of \`scs-${name.number}\`: version ${version} must name the version it replaces (\`${previous}-...\`)`,
        range: doc.field('replaces')?.range,
      });
    }
  },
});

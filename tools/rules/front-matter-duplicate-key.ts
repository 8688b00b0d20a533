import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'No key appears twice in the front matter.',
    severity: 'error',
    scope: 'document',
    defaultOptions: undefined,
  },
  check({ doc, report }) {
    for (const problem of doc.frontMatter.problems) {
      if (problem.kind === 'duplicate-key') report({ message: problem.message, range: problem.range });
    }
  },
});

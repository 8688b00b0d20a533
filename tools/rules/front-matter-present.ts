import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'A document starts with a closed, non-empty YAML front matter block.',
    severity: 'error',
    scope: 'document',
    defaultOptions: undefined,
  },
  check({ doc, report }) {
    if (doc.readProblem) return;
    for (const problem of doc.frontMatter.problems) {
      if (problem.kind === 'missing' || problem.kind === 'unclosed' || problem.kind === 'empty') {
        report({ message: problem.message, range: problem.range });
      }
    }
  },
});

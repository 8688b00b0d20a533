import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'The front matter is valid YAML, is a mapping of fields with plain names, and stays within the size, nesting and alias limits.',
    severity: 'error',
    scope: 'document',
    defaultOptions: undefined,
  },
  check({ doc, report }) {
    for (const problem of doc.frontMatter.problems) {
      if (problem.kind === 'syntax' || problem.kind === 'not-mapping' || problem.kind === 'complex-key' || problem.kind === 'limit') {
        // YAML that cannot be parsed, or is over a limit, is not read at all: a fatal error.
        const fatal = problem.kind === 'syntax' || problem.kind === 'limit';
        report({ message: problem.message, range: problem.range, ...(fatal ? { fatal } : {}) });
      }
    }
  },
});

import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'The file can be read as a UTF-8 text document of reasonable size.',
    severity: 'error',
    scope: 'document',
    needsBody: true,
    defaultOptions: undefined,
  },
  check({ doc, report }) {
    if (doc.readProblem) report({ message: doc.readProblem.message, range: doc.readProblem.range, fatal: true });
  },
});

import { defineScopeRule } from './rule.js';

export default defineScopeRule({
  meta: {
    description: 'A certificate-scope file can be read as UTF-8 text and is valid YAML: one mapping, no duplicate keys, within the size, nesting and alias limits.',
    severity: 'error',
    scope: 'document',
    input: 'scope',
    defaultOptions: undefined,
  },
  check({ scope, report }) {
    if (scope.readProblem) report({ message: scope.readProblem.message, range: scope.readProblem.range, fatal: true });
    for (const problem of scope.problems) {
      // YAML that cannot be parsed, or is over a limit, is not read at all: a fatal error.
      const fatal = problem.kind === 'syntax' || problem.kind === 'limit';
      report({ message: problem.message, range: problem.range, ...(fatal ? { fatal } : {}) });
    }
  },
});

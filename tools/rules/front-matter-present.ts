import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'A document starts with a closed, non-empty YAML front matter block.',
    severity: 'error',
    scope: 'document',
    defaultOptions: undefined,
  },
  check({ doc, report }) {
    // A file that cannot be decoded is reported by file-content. Only a problem already met
    // matters here: one after the front matter of a partially read document leaves the block
    // intact (and a document whose head holds no closed block was read whole).
    if (doc.knownReadProblem) return;
    for (const problem of doc.frontMatter.problems) {
      if (problem.kind === 'missing' || problem.kind === 'unclosed' || problem.kind === 'empty') {
        report({ message: problem.message, range: problem.range });
      }
    }
  },
});

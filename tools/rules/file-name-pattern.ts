import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'File names follow `scs-NNNN-vM-slug.md` (supplements `wM`, proposals `xxxx`).',
    severity: 'error',
    scope: 'document',
    defaultOptions: undefined,
  },
  check({ doc, report }) {
    for (const problem of doc.nameProblems) report({ message: `${problem} (file \`${doc.fileName}\`)` });
  },
});

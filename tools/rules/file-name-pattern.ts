import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'File names follow the patterns of the profile (`fileNames.kinds`: documents, their supplement files, proposals, templates).',
    severity: 'error',
    scope: 'document',
    defaultOptions: undefined,
  },
  check({ doc, report }) {
    for (const problem of doc.nameProblems) report({ message: `${problem} (file \`${doc.fileName}\`)` });
  },
});

import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'Documents are never deleted: they are deprecated or rejected. A deletion is reported on the deleted path.',
    severity: 'error',
    scope: 'change',
    defaultOptions: undefined,
  },
  check({ doc, change, report }) {
    if (change?.kind !== 'deleted' || doc.isTemplate) return;
    const status = doc.status;
    const instead =
      doc.type === 'Supplement'
        ? 'keep the supplement, or remove it from `supplements` of the documents it extends'
        : status === 'Draft'
          ? 'set `status: Rejected` with `rejected_at` instead'
          : status === 'Stable'
            ? 'set `status: Deprecated` with `deprecated_at` instead'
            : 'keep it with its status';
    report({ message: `Unexpected deletion of \`${doc.fileName}\`${status ? ` (${status})` : ''}: documents are never deleted; ${instead}` });
  },
});

import { checkTransition } from '../model/lifecycle.js';
import { mappingRange } from '../model/frontmatter.js';
import { STATUSES, type Status } from '../model/profile.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'A status transition sets the date fields it requires in the same change (`stabilized_at` when a document becomes Stable, `deprecated_at`, `rejected_at`).',
    severity: 'error',
    scope: 'change',
    defaultOptions: undefined,
  },
  check({ doc, change, report }) {
    if (!change || change.kind === 'deleted' || change.kind === 'unchanged') return;
    const status = doc.status;
    if (status === undefined || !isStatus(status)) return;
    const before = change.base === undefined ? 'new' : change.base.status;
    if (before === undefined || (before !== 'new' && !isStatus(before))) return;
    const result = checkTransition(before, status, doc.type);
    if (!result.ok || !result.transition) return;
    for (const field of result.transition.sets) {
      if (doc.date(field) !== undefined) continue;
      const written = doc.field(field);
      const from = before === 'new' ? 'a new document' : before;
      report({
        message: written
          ? `Invalid \`${field}\`: a document that becomes ${status} (from ${from}) needs the date as \`YYYY-MM-DD\``
          : `Missing \`${field}\`: a document that becomes ${status} (from ${from}) sets it in the same change`,
        range: written?.range ?? doc.field('status')?.range ?? mappingRange(doc.frontMatter),
      });
    }
  },
});

function isStatus(value: string): value is Status {
  return (STATUSES as readonly string[]).includes(value);
}

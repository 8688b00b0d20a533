import { mappingRange } from '../model/frontmatter.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'A change that gives a document a new status sets the date fields the transitions into that status set (`transitions[].sets` of the profile).',
    severity: 'error',
    scope: 'change',
    defaultOptions: undefined,
  },
  check({ doc, change, process, report }) {
    if (!change || change.kind === 'deleted' || change.kind === 'unchanged') return;
    const status = doc.status;
    if (status === undefined) return;
    const before = change.base === undefined ? undefined : change.base.status;
    if (change.base !== undefined && before === status) return;
    // The dates that the lifecycle table sets on entering this status, whatever the way in.
    const fields = new Set(process.transitions.filter((transition) => transition.to === status).flatMap((transition) => transition.sets));
    const from = change.base === undefined ? 'a new document' : before === undefined ? 'no status' : before;
    for (const field of fields) {
      if (doc.date(field) !== undefined) continue;
      const written = doc.field(field);
      report({
        message: written
          ? `Invalid \`${field}\`: a document that becomes ${status} (from ${from}) needs the date as \`YYYY-MM-DD\``
          : `Missing \`${field}\`: a document that becomes ${status} (from ${from}) sets it in the same change`,
        range: written?.range ?? doc.field('status')?.range ?? mappingRange(doc.frontMatter),
      });
    }
  },
});

import { DATE_FIELDS } from '../model/profile.js';
import { defineRule } from './rule.js';

/** The date fields each status may carry. */
const ALLOWED_DATES: Readonly<Record<string, readonly string[]>> = {
  Draft: [],
  Stable: ['stabilized_at'],
  Deprecated: ['stabilized_at', 'deprecated_at'],
  Rejected: ['rejected_at'],
};


export default defineRule({
  meta: {
    description: 'A document carries only the date fields its status explains (no `stabilized_at` on a Draft, no `deprecated_at` on a Stable document).',
    severity: 'warn',
    scope: 'document',
    defaultOptions: undefined,
  },
  check({ doc, report }) {
    const status = doc.status;
    if (status === undefined) return;
    // Own entries only: a status such as `constructor` names no entry of the table.
    const allowed = Object.hasOwn(ALLOWED_DATES, status) ? ALLOWED_DATES[status] : undefined;
    if (!allowed) return;
    for (const field of DATE_FIELDS) {
      if (allowed.includes(field)) continue;
      const value = doc.field(field);
      if (!value) continue;
      report({
        message: `Unexpected \`${field}\` on a ${status} document: ${explain(status, field)}`,
        range: { start: value.keyRange.start, end: value.range.end },
      });
    }
  },
});

function explain(status: string, field: string): string {
  if (field === 'stabilized_at' && status === 'Draft') return 'set the status to Stable, or remove the date until it is stabilized';
  if (field === 'deprecated_at' && status === 'Stable') return 'a document with a deprecation date has status Deprecated (the date may lie in the future)';
  if (field === 'rejected_at') return 'only a Rejected document has a rejection date';
  if (field === 'stabilized_at') return 'a Rejected document was never Stable';
  return `only a Deprecated document has a deprecation date`;
}

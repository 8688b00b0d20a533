import { defineRule } from './rule.js';

/** The date fields each status may carry are the profile's (`statuses[].allowsDates`). */
export default defineRule({
  meta: {
    description: 'A document carries only the date fields its status explains (no `stabilized_at` on a Draft, no `deprecated_at` on a Stable document).',
    severity: 'warn',
    scope: 'document',
    defaultOptions: undefined,
  },
  check({ doc, process, report }) {
    const status = process.status(doc.status);
    if (!status) return;
    const allowed = status.allowsDates ?? [];
    for (const { field } of process.profile.dates ?? []) {
      if (allowed.includes(field)) continue;
      const value = doc.field(field);
      if (!value) continue;
      const holders = process.profile.statuses.values.filter((entry) => entry.allowsDates?.includes(field)).map((entry) => entry.name);
      report({
        message: `Unexpected \`${field}\` on a ${status.name} document: ${explain(status.name, field) ?? (holders.length > 0 ? `only a ${holders.join(' or ')} document has it` : 'no document has it')}`,
        range: { start: value.keyRange.start, end: value.range.end },
      });
    }
  },
});

/** The reasons of the default process, in its own words; other fields get the statuses that may have them. */
function explain(status: string, field: string): string | undefined {
  if (field === 'stabilized_at' && status === 'Draft') return 'set the status to Stable, or remove the date until it is stabilized';
  if (field === 'deprecated_at' && status === 'Stable') return 'a document with a deprecation date has status Deprecated (the date may lie in the future)';
  if (field === 'rejected_at') return 'only a Rejected document has a rejection date';
  if (field === 'stabilized_at') return 'a Rejected document was never Stable';
  if (field === 'deprecated_at') return `only a Deprecated document has a deprecation date`;
  return undefined;
}

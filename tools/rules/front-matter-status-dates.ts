import { dateEntry } from '../profile/stages.js';
import { defineRule } from './rule.js';

/** The date fields each status may carry are the profile's (`statuses[].allowsDates`). */
export default defineRule({
  meta: {
    description: 'A document carries only the date fields its status allows (`statuses[].allowsDates`), and is told why another one does not belong (`statuses[].dateReasons`).',
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
      const reasons = status.dateReasons;
      const reason = reasons && Object.hasOwn(reasons, field) ? reasons[field] : undefined;
      report({
        message: `Unexpected \`${field}\` on a ${status.name} document: ${reason ?? holdersOf(field)}`,
        range: { start: value.keyRange.start, end: value.range.end },
      });
    }

    /** The statuses that may carry the date, as the reason a document of another status has none. */
    function holdersOf(field: string): string {
      const holders = process.profile.statuses.values.filter((entry) => entry.allowsDates?.includes(field)).map((entry) => entry.name);
      if (holders.length === 0) return 'no document has it';
      const noun = dateEntry(process.profile, field)?.noun;
      return `only a ${holders.join(' or ')} document has ${noun === undefined ? 'it' : `a ${noun}`}`;
    }
  },
});

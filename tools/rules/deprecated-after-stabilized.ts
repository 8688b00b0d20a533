import { compareDates } from '../model/dates.js';
import type { Profile } from '../profile/types.js';
import { statusEntry, statusesSetting } from '../profile/stages.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'A date field does not lie before the date fields its `notBefore` names.',
    severity: 'error',
    scope: 'document',
    defaultOptions: undefined,
  },
  check({ doc, process, report }) {
    for (const date of process.profile.dates ?? []) {
      const later = doc.date(date.field);
      if (later === undefined) continue;
      for (const field of date.notBefore ?? []) {
        const earlier = doc.date(field);
        if (earlier === undefined || compareDates(later, earlier) >= 0) continue;
        report({
          message: `\`${date.field}\` ${later} is before \`${field}\` ${earlier}: ${order(process.profile, date.field, field)}`,
          range: doc.field(date.field)?.range,
        });
      }
    }
  },
});

/**
 * Why the dates come in this order, from the statuses that set them: "a document is deprecated
 * after it became Stable" (the later status's `participle`), else the fields' order.
 */
function order(profile: Profile, later: string, earlier: string): string {
  const to = statusesSetting(profile, later)[0];
  const from = statusesSetting(profile, earlier)[0];
  if (to === undefined || from === undefined) return `\`${later}\` lies on or after \`${earlier}\``;
  const participle = statusEntry(profile, to)?.participle;
  return `a document ${participle === undefined ? `becomes ${to}` : `is ${participle}`} after it became ${from}`;
}

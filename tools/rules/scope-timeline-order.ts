import { compareDates } from '../model/dates.js';
import { defineScopeRule } from './rule.js';

export default defineScopeRule({
  meta: {
    description: 'The timeline of a scope file is sorted by date, newest entry first.',
    severity: 'warn',
    scope: 'document',
    input: 'scope',
    defaultOptions: undefined,
  },
  check({ scope, report }) {
    let previous: string | undefined;
    for (const entry of scope.timeline) {
      if (entry.date === undefined) continue;
      if (previous !== undefined && compareDates(entry.date, previous) > 0) {
        report({ message: `Timeline entry ${entry.date} comes after the older entry ${previous}: the timeline is sorted newest first`, range: entry.dateRange });
      }
      previous = entry.date;
    }
  },
});

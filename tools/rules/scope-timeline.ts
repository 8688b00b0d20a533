import { compareDates } from '../model/dates.js';
import type { Range } from '../model/positions.js';
import { CERTIFIABLE } from '../model/scope-timeline.js';
import { defineScopeRule } from './rule.js';

export default defineScopeRule({
  meta: {
    description: 'The timeline of a scope file is consistent: no two entries start on the same date, and a version is stable (has the date `certificateScopes.versionDate` names, not later) wherever the timeline lets it be certified against.',
    severity: 'error',
    scope: 'document',
    input: 'scope',
    defaultOptions: undefined,
  },
  check({ scope, process, report }) {
    const field = process.profile.certificateScopes?.versionDate;
    const date = field === undefined ? 'stabilization date' : `\`${field}\``;
    const firstOn = new Map<string, Range>();
    for (const entry of scope.timeline) {
      if (entry.date === undefined) continue;
      const first = firstOn.get(entry.date);
      if (first) {
        const line = scope.source.lines.point(first.start).line;
        report({ message: `Two timeline entries start on ${entry.date} (the other on line ${line}): a date starts one period`, range: entry.dateRange });
      } else firstOn.set(entry.date, entry.dateRange);
    }
    for (const entry of scope.timeline) {
      if (entry.date === undefined) continue;
      for (const item of entry.versions) {
        if (!CERTIFIABLE.has(item.validity)) continue;
        const version = scope.version(item.version);
        if (!version) continue; // an unknown version is reported by scope-references
        const stabilized = version.stabilizedAt;
        if (version.stabilizedAtRange !== undefined && stabilized === undefined) continue; // an invalid date is reported by scope-schema
        if (stabilized === undefined) {
          report({
            message: `Version \`${item.version}\` is \`${item.validity}\` from ${entry.date}, but it has no ${date}: only a stable version can be certified against`,
            range: item.range,
          });
        } else if (compareDates(stabilized, entry.date) > 0) {
          report({
            message: `Version \`${item.version}\` is \`${item.validity}\` from ${entry.date}, before its ${date} ${stabilized}: a version is stable by the start of every period in which it can be certified against`,
            range: item.range,
          });
        }
      }
    }
  },
});

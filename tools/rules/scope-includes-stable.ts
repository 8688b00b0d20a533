import { compareDates } from '../model/dates.js';
import { standardIdOfModule } from '../model/scope.js';
import { certifiableSpan, validityPeriods } from '../model/scope-timeline.js';
import { datesEntering, frozenStatuses, statusEntry, statusesAfter } from '../profile/stages.js';
import { defineScopeRule } from './rule.js';

export default defineScopeRule({
  meta: {
    description: "A stable scope version includes only standard versions in the statuses of `certificateScopes.includable`: in force by the scope version's stabilization day (the date the transitions into a `frozen` status set), and not ended (the date the transitions into a status after it set) before the scope version stops being certifiable.",
    severity: 'error',
    scope: 'corpus',
    input: 'scope',
    defaultOptions: undefined,
  },
  check({ scope, corpus, process, report }) {
    const profile = process.profile;
    const includable = profile.certificateScopes?.includable;
    if (!includable) return;
    const frozen = frozenStatuses(profile).filter((status) => includable.includes(status));
    const stable = frozen[0];
    if (stable === undefined) return;
    // The day a document came into force, and the day it ends (SCS `stabilized_at`, `deprecated_at`).
    const entered = datesEntering(profile, stable)[0];
    const ending = statusesAfter(profile, frozen).find((status) => includable.includes(status));
    const ended = ending === undefined ? undefined : datesEntering(profile, ending)[0];
    const endedAs = ending === undefined ? '' : (statusEntry(profile, ending)?.participle ?? ending);
    for (const version of scope.versions) {
      const stabilized = version.stabilizedAt;
      if (stabilized === undefined) continue;
      const span = certifiableSpan(validityPeriods(scope.timeline, version.name));
      for (const include of version.include) {
        const id = scope.module(include.moduleId) ? standardIdOfModule(include.moduleId) : undefined;
        const docs = id === undefined ? [] : corpus.byId(id);
        const doc = docs.length === 1 ? docs[0] : undefined; // missing or ambiguous documents are other rules' findings
        if (!doc || id === undefined) continue;
        const subject = `${stable} version \`${version.name}\` includes \`${id}\`${include.moduleId === id ? '' : ` (module \`${include.moduleId}\`)`}`;
        const status = doc.status;
        if (status === undefined || !includable.includes(status)) {
          if (status !== undefined) {
            // A status with a participle reads as a state ("which is <status>"), one without as a stage ("which is a <status>").
            const is = statusEntry(profile, status)?.participle === undefined ? `a ${status}` : status;
            report({ message: `${subject}, which is ${is}: a stable version includes only ${frozen.join(' or ')} standards`, range: include.range });
          }
          continue;
        }
        const since = entered === undefined ? undefined : doc.date(entered);
        const until = ended === undefined ? undefined : doc.date(ended);
        if (until !== undefined && compareDates(until, stabilized) <= 0) {
          report({ message: `${subject}, which was ${endedAs} on ${until}, before the version was stabilized on ${stabilized}`, range: include.range });
        } else if (since === undefined) {
          continue; // not in force at all: the document's own rules report its missing date
        } else if (compareDates(since, stabilized) > 0) {
          report({ message: `${subject}, which became ${stable} on ${since}, after the version was stabilized on ${stabilized}`, range: include.range });
        } else if (until !== undefined && span !== undefined) {
          if (span.until === undefined) {
            report({
              message: `${subject}, ${endedAs} from ${until}, but the timeline lets the version be certified against from ${span.from} without end: end it by ${until}`,
              range: include.range,
            });
          } else if (compareDates(span.until, until) > 0) {
            report({
              message: `${subject}, ${endedAs} from ${until}, but the version stops being certifiable only on ${span.until}`,
              range: include.range,
            });
          }
        }
      }
    }
  },
});

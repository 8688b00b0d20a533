import { compareDates } from '../model/dates.js';
import { documentState } from '../model/state.js';
import { standardIdOfModule } from '../model/scope.js';
import { certifiableSpan, validityPeriods } from '../model/scope-timeline.js';
import { defineScopeRule } from './rule.js';

export default defineScopeRule({
  meta: {
    description: 'A stable scope version includes only standard versions that are Stable (or Deprecated no earlier than the scope version stops being certifiable), stabilized by the scope version\'s `stabilized_at`.',
    severity: 'error',
    scope: 'corpus',
    input: 'scope',
    defaultOptions: undefined,
  },
  check({ scope, corpus, report }) {
    for (const version of scope.versions) {
      const stabilized = version.stabilizedAt;
      if (stabilized === undefined) continue;
      const span = certifiableSpan(validityPeriods(scope.timeline, version.name));
      for (const include of version.include) {
        const id = scope.module(include.moduleId) ? standardIdOfModule(include.moduleId) : undefined;
        const docs = id === undefined ? [] : corpus.byId(id);
        const doc = docs.length === 1 ? docs[0] : undefined; // missing or ambiguous documents are other rules' findings
        if (!doc || id === undefined) continue;
        const subject = `Stable version \`${version.name}\` includes \`${id}\`${include.moduleId === id ? '' : ` (module \`${include.moduleId}\`)`}`;
        const status = doc.status;
        if (status !== 'Stable' && status !== 'Deprecated') {
          if (status !== undefined) {
            report({ message: `${subject}, which is ${status === 'Draft' ? 'a Draft' : status}: a stable version includes only Stable standards`, range: include.range });
          }
          continue;
        }
        const onStabilization = documentState(doc, stabilized);
        const deprecated = doc.date('deprecated_at');
        if (onStabilization.state === 'effective' && onStabilization.future.includes('effective')) {
          report({ message: `${subject}, which became Stable on ${doc.date('stabilized_at') ?? ''}, after the version was stabilized on ${stabilized}`, range: include.range });
        } else if (onStabilization.state === 'deprecated') {
          report({ message: `${subject}, which was deprecated on ${deprecated ?? ''}, before the version was stabilized on ${stabilized}`, range: include.range });
        } else if (onStabilization.state === 'effective' && deprecated !== undefined && span !== undefined) {
          if (span.until === undefined) {
            report({
              message: `${subject}, deprecated from ${deprecated}, but the timeline lets the version be certified against from ${span.from} without end: end it by ${deprecated}`,
              range: include.range,
            });
          } else if (compareDates(span.until, deprecated) > 0) {
            report({
              message: `${subject}, deprecated from ${deprecated}, but the version stops being certifiable only on ${span.until}`,
              range: include.range,
            });
          }
        }
      }
    }
  },
});

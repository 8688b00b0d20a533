import type { BlobFacts } from '../history/facts.js';
import { describeCommit, documentName, type HistoryVersion } from '../history/model.js';
import { datesEntering, frozenStatuses, madeIt, statusesAfter, statusesBefore } from '../profile/stages.js';
import { defineRule } from './rule.js';
import { orList } from '../model/words.js';

/**
 * The first version of each kind of step back, around the profile's `frozen` statuses (SCS
 * Stable): from a frozen status (or one after it) to a status that is neither (SCS Draft,
 * Rejected), losing a date that the transitions into the frozen status set (`stabilized_at`),
 * from a status after it (Deprecated) back to the frozen status or one before it (Stable, Draft).
 * A document that became frozen without the date and got it later lost nothing.
 */
export default defineRule({
  meta: {
    description: 'A document that was ever in a `frozen` status keeps the dates the transitions into it set and never goes to a status that neither is nor follows it, and a document in a status that follows it never comes back, in any commit of its history.',
    severity: 'warn',
    scope: 'history',
    defaultOptions: undefined,
  },
  check({ history, process, report }) {
    const life = history?.life;
    if (!life) return;
    const name = documentName(life.path);
    if (name && name.kind !== 'document' && name.kind !== 'proposal') return;
    const profile = process.profile;
    const frozen = frozenStatuses(profile);
    const first = frozen[0];
    if (first === undefined) return;
    const after = statusesAfter(profile, frozen);
    const before = statusesBefore(profile, frozen);
    const effective = [...frozen, ...after];
    /** The frozen status a status is or follows. */
    const frozenOf = (status: string): string => (frozen.includes(status) ? status : (frozen.find((entry) => statusesAfter(profile, [entry]).includes(status)) ?? first));
    const dates = [...new Set(frozen.flatMap((status) => datesEntering(profile, status)))];
    let stable: HistoryVersion | undefined;
    let deprecated: HistoryVersion | undefined;
    /** The first version in an effective status with each date: from then on, the date stays. */
    const dated = new Map<string, HistoryVersion>();
    const seen = new Set<string>();
    const once = (key: string, message: string): void => {
      if (seen.has(key)) return;
      seen.add(key);
      report({ message });
    };
    for (const version of life.versions) {
      const facts = version.facts;
      if (!facts.readable || process.type(facts.type)?.hasStatus === false) continue;
      const status = facts.status;
      if (deprecated && status !== undefined && (frozen.includes(status) || before.includes(status))) {
        const left = deprecated.facts.status ?? '';
        once(`deprecated-${status}`, `The document went back from ${left} to ${status} in commit ${describeCommit(version.commit)}, after commit ${describeCommit(deprecated.commit)} had ${madeIt(profile, left)}: a ${left} document never comes back; start a new version instead`);
      }
      if (stable && status !== undefined && process.status(status) && !effective.includes(status)) {
        const was = frozenOf(stable.facts.status ?? first);
        once(`stable-${status}`, `The document went back from ${was} to ${status} in commit ${describeCommit(version.commit)}, after commit ${describeCommit(stable.commit)} had made it ${was}: a ${was} document only becomes ${orList(statusesAfter(profile, [was]))}`);
      }
      const inEffect = status !== undefined && effective.includes(status);
      for (const field of dates) {
        const since = dated.get(field);
        if (since && inEffect && dateFact(facts, field) === undefined) {
          const was = frozenOf(since.facts.status ?? first);
          once(`lost-${field}`, `The document lost \`${field}\` in commit ${describeCommit(version.commit)}, which it had as ${since.facts.status ?? was} since commit ${describeCommit(since.commit)} (\`${field}: ${dateFact(since.facts, field) ?? ''}\`): a document that was ${was} keeps the date it became ${was}`);
        }
        if (inEffect && dateFact(facts, field) !== undefined && !since) dated.set(field, version);
      }
      if (status !== undefined && frozen.includes(status) && !stable) stable = version;
      if (status !== undefined && after.includes(status)) {
        stable ??= version;
        deprecated ??= version;
      }
    }
  },
});

/** The value a version's front matter gives a date field, when the history read it. */
function dateFact(facts: BlobFacts, field: string): string | undefined {
  const value = Object.entries(facts).find(([key]) => key === field)?.[1];
  return typeof value === 'string' ? value : undefined;
}

import { describeCommit, documentName } from '../history/model.js';
import { defineRule } from './rule.js';

/**
 * The first version of each kind of step back: from Stable to Draft (or Rejected), losing
 * `stabilized_at` once Stable, from Deprecated back to Stable or Draft.
 */
export default defineRule({
  meta: {
    description: 'A document that was ever Stable keeps `stabilized_at` and never goes back to Draft (or Rejected), and a Deprecated document never comes back, in any commit of its history.',
    severity: 'warn',
    scope: 'history',
    defaultOptions: undefined,
  },
  check({ history, report }) {
    const life = history?.life;
    if (!life) return;
    const name = documentName(life.path);
    if (name && name.kind !== 'document' && name.kind !== 'proposal') return;
    let stable: (typeof life.versions)[number] | undefined;
    let deprecated: (typeof life.versions)[number] | undefined;
    const seen = new Set<string>();
    const once = (key: string, message: string): void => {
      if (seen.has(key)) return;
      seen.add(key);
      report({ message });
    };
    for (const version of life.versions) {
      const facts = version.facts;
      if (!facts.readable || facts.type === 'Supplement') continue;
      const status = facts.status;
      if (deprecated && (status === 'Stable' || status === 'Draft')) {
        once(`deprecated-${status}`, `The document went back from Deprecated to ${status} in commit ${describeCommit(version.commit)}, after commit ${describeCommit(deprecated.commit)} had deprecated it: a Deprecated document never comes back; start a new version instead`);
      }
      if (stable && (status === 'Draft' || status === 'Rejected')) {
        once(`stable-${status}`, `The document went back from Stable to ${status} in commit ${describeCommit(version.commit)}, after commit ${describeCommit(stable.commit)} had made it Stable: a Stable document only becomes Deprecated`);
      }
      if (stable && (status === 'Stable' || status === 'Deprecated') && facts.stabilized_at === undefined) {
        once('lost', `The document lost \`stabilized_at\` in commit ${describeCommit(version.commit)}, after commit ${describeCommit(stable.commit)} had made it Stable: a document that was Stable keeps the date it became Stable`);
      }
      if (status === 'Stable' && !stable) stable = version;
      if (status === 'Deprecated') {
        stable ??= version;
        deprecated ??= version;
      }
    }
  },
});

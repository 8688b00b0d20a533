import { describeCommit, documentName } from '../history/model.js';
import { defineRule } from './rule.js';

/**
 * The first version of each kind of step back: from Stable to Draft (or Rejected), losing the
 * `stabilized_at` that a Stable (or Deprecated) version had, from Deprecated back to Stable or
 * Draft. A document that became Stable without the date and got it later lost nothing.
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
    /** The first version that was Stable (or Deprecated) with `stabilized_at`: from then on, the date stays. */
    let dated: (typeof life.versions)[number] | undefined;
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
      const effective = status === 'Stable' || status === 'Deprecated';
      if (dated && effective && facts.stabilized_at === undefined) {
        once('lost', `The document lost \`stabilized_at\` in commit ${describeCommit(version.commit)}, which it had as ${dated.facts.status ?? 'Stable'} since commit ${describeCommit(dated.commit)} (\`stabilized_at: ${dated.facts.stabilized_at ?? ''}\`): a document that was Stable keeps the date it became Stable`);
      }
      if (effective && facts.stabilized_at !== undefined) dated ??= version;
      if (status === 'Stable' && !stable) stable = version;
      if (status === 'Deprecated') {
        stable ??= version;
        deprecated ??= version;
      }
    }
  },
});

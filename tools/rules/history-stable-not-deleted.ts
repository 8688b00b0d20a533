import { baseOf, describeCommit } from '../history/model.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'A document that was ever Stable is never deleted from the history: it is deprecated. A deletion is reported on the deleted path.',
    severity: 'warn',
    scope: 'history',
    defaultOptions: undefined,
  },
  check({ history, report }) {
    const life = history?.life;
    if (!life || life.exists) return;
    const stable = life.versions.find((version) => version.facts.readable && version.facts.type !== 'Supplement' && (version.facts.status === 'Stable' || version.facts.status === 'Deprecated'));
    if (!stable) return;
    const deletion = [...life.events].reverse().find((event) => event.kind === 'deleted');
    if (deletion?.kind !== 'deleted') return;
    const where = deletion.to ? `moved out of the folder to \`${deletion.to}\`` : 'deleted';
    report({
      message: `\`${baseOf(deletion.path)}\` was ${where} in commit ${describeCommit(deletion.commit)}${deletion.status ? ` as ${deletion.status}` : ''}, after commit ${describeCommit(stable.commit)} had made it ${stable.facts.status ?? 'Stable'}: a Stable document is deprecated, never deleted; restore it (with \`status: Deprecated\`)`,
    });
  },
});

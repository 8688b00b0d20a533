import { baseOf, describeCommit } from '../history/model.js';
import { endings, frozenStatuses, statusEntry, statusesAfter } from '../profile/stages.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'A document that was ever in a `frozen` status (or one that follows it) is never deleted from the history: it ends in a `terminal` status. A deletion is reported on the deleted path.',
    severity: 'warn',
    scope: 'history',
    defaultOptions: undefined,
  },
  check({ history, process, report }) {
    const life = history?.life;
    if (!life || life.exists) return;
    const profile = process.profile;
    const frozen = frozenStatuses(profile);
    const first = frozen[0];
    if (first === undefined) return;
    const effective = [...frozen, ...statusesAfter(profile, frozen)];
    const stable = life.versions.find((version) => version.facts.readable && process.type(version.facts.type)?.hasStatus !== false && version.facts.status !== undefined && effective.includes(version.facts.status));
    if (!stable) return;
    const deletion = [...life.events].reverse().find((event) => event.kind === 'deleted');
    if (deletion?.kind !== 'deleted') return;
    const where = deletion.to ? `moved out of the folder to \`${deletion.to}\`` : 'deleted';
    // What a frozen document becomes instead (SCS: a Stable document is deprecated).
    const end = endings(profile, first)[0]?.to;
    const participle = end === undefined ? undefined : statusEntry(profile, end)?.participle;
    const instead = end === undefined ? 'kept' : participle === undefined ? `made ${end}` : participle;
    const restore = end === undefined ? 'restore it' : `restore it (with \`${profile.statuses.field}: ${end}\`)`;
    report({
      message: `\`${baseOf(deletion.path)}\` was ${where} in commit ${describeCommit(deletion.commit)}${deletion.status ? ` as ${deletion.status}` : ''}, after commit ${describeCommit(stable.commit)} had made it ${stable.facts.status ?? first}: a ${first} document is ${instead}, never deleted; ${restore}`,
    });
  },
});

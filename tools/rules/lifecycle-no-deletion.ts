import { endings } from '../profile/stages.js';
import { defineRule } from './rule.js';
import { orList } from '../model/words.js';

export default defineRule({
  meta: {
    description: 'Documents are never deleted where `lifecycle.deletion` is `forbidden`: they end in a `terminal` status instead. A deletion is reported on the deleted path.',
    severity: 'error',
    scope: 'change',
    defaultOptions: undefined,
  },
  check({ doc, change, process, report }) {
    if (change?.kind !== 'deleted' || doc.isTemplate) return;
    const profile = process.profile;
    if (profile.lifecycle?.deletion !== 'forbidden') return;
    const status = doc.status;
    const type = process.type(doc.type);
    let instead = 'keep it with its status';
    if (type?.extends !== undefined) {
      instead = `keep the ${type.name.toLowerCase()}, or remove it from \`${type.extends}\` of the documents it extends`;
    } else if (status !== undefined) {
      // The ends a document of its status may take (a Draft is Rejected, a Stable document Deprecated).
      const ends = endings(profile, status).map((transition) => `\`${profile.statuses.field}: ${transition.to}\`${transition.sets.length > 0 ? ` with ${transition.sets.map((field) => `\`${field}\``).join(' and ')}` : ''}`);
      if (ends.length > 0) instead = `set ${orList(ends)} instead`;
    }
    report({ message: `Unexpected deletion of \`${doc.fileName}\`${status ? ` (${status})` : ''}: documents are never deleted; ${instead}` });
  },
});

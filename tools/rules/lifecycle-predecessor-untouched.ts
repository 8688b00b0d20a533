import { successionOf } from '../profile/succession.js';
import { defineRule } from './rule.js';
import { orList } from '../model/words.js';

/** The status a successor needs before its predecessors are retired is the profile's (`addedTargetStatuses` of the field that points `later`). */
export default defineRule({
  meta: {
    description: 'A change that adds a new major version leaves the previous versions alone; they are deprecated in a later change, once the new version has a status a successor must have (`addedTargetStatuses` of the reference field that points `later`).',
    severity: 'warn',
    scope: 'change',
    defaultOptions: undefined,
  },
  check({ doc, corpus, change, process, report }) {
    if (!change || (change.kind !== 'modified' && change.kind !== 'renamed')) return;
    const name = doc.name;
    const version = name?.version;
    if (!name || name.numeric === undefined || name.letter !== 'v' || version === undefined) return;
    const successors = corpus
      .byNumber(name.number)
      .filter((other) => other.name?.letter === 'v' && (other.name.version ?? 0) > version && change.change.of(other)?.kind === 'added');
    if (successors.length === 0) return;
    const list = successors.map((other) => `\`${other.fileName}\``).join(', ');
    const standing = successionOf(process.profile)?.standing ?? [];
    const once = standing.length > 0 ? `, once its successor is ${orList(standing)}` : '';
    report({
      message: `This change adds ${list} and also modifies its predecessor: leave \`${doc.fileName}\` as it is, and deprecate it in a later change${once}`,
    });
  },
});

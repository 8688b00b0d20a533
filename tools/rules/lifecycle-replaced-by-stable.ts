import { standingReplacements } from '../model/references.js';
import { successionOf } from '../profile/succession.js';
import { defineRule } from './rule.js';
import { orList } from '../model/words.js';

/** The fields and the statuses their added targets need are the profile's (`references[].addedTargetStatuses`). */
export default defineRule({
  meta: {
    description: 'Entries a change adds to a reference field with `addedTargetStatuses` name documents that have one of those statuses in the head.',
    severity: 'error',
    scope: 'change',
    defaultOptions: undefined,
  },
  check({ doc, corpus, change, process, report }) {
    if (!change || change.kind === 'deleted' || change.kind === 'unchanged') return;
    const succession = successionOf(process.profile);
    for (const spec of process.profile.references) {
      const statuses = spec.addedTargetStatuses;
      if (spec.target !== 'file-name' || !statuses || statuses.length === 0) continue;
      const wanted = orList(statuses);
      const before = new Set(change.base?.references(spec.field).map((reference) => reference.name) ?? []);
      for (const reference of doc.references(spec.field)) {
        if (before.has(reference.name)) continue;
        const target = corpus.byFileName(reference.name);
        // A file that does not exist is reported by `reference-exists`.
        if (!target) continue;
        const status = target.status;
        if (status !== undefined && statuses.includes(status)) continue;
        const shown = status ?? 'without status';
        const entry = change.change.of(target);
        const was = entry?.base?.status;
        const when = !entry?.base ? `${shown}, new in this change` : was === status ? `${shown} (already in the base)` : `${shown} in this change (${was ?? 'without status'} in the base)`;
        // What to name instead, in a field of successors: the document that replaces it today
        // (the end of a chain of replaced versions), as `replaces-reciprocal` writes it.
        const standing = succession && spec.direction === 'later' ? standingReplacements(corpus, target, { ...succession, standing: statuses }) : [];
        const instead =
          standing.length === 1 && standing[0] && succession
            ? `; name \`${standing[0].fileName}\`, the ${wanted} document that ${succession.predecessors} it`
            : ` (deprecate this document once its replacement is ${wanted})`;
        report({
          message: `\`${spec.field}\` names \`${reference.name}\`, which is ${when}: a document is replaced only by a ${wanted} one${instead}`,
          range: reference.range,
        });
      }
    }
  },
});

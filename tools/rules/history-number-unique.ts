import { baseOf, describeCommit, documentName, type DocumentHistory, type HistoryVersion } from '../history/model.js';
import { defineRule } from './rule.js';

/** When a document first had each id (`scs-0110-v1`): the first version under a name with it. */
function idsOf(life: DocumentHistory): Map<string, HistoryVersion> {
  const ids = new Map<string, HistoryVersion>();
  for (const version of life.versions) {
    const name = documentName(version.path);
    if (!name || name.numeric === undefined || ids.has(name.id)) continue;
    ids.set(name.id, version);
  }
  return ids;
}

export default defineRule({
  meta: {
    description: 'A number and version (a document id such as `fileNames.id.document` gives it) belong to one document over the whole history: never given to another document, not even after the first was renumbered or deleted.',
    severity: 'warn',
    scope: 'history',
    defaultOptions: undefined,
  },
  check({ history, report }) {
    const life = history?.life;
    if (!history || !life) return;
    for (const [id, taken] of idsOf(life)) {
      for (const other of history.history.documents) {
        if (other === life) continue;
        const before = idsOf(other).get(id);
        if (!before) continue;
        const earlier = before.commit.index < taken.commit.index || (before.commit.index === taken.commit.index && other.path < life.path);
        if (!earlier) continue;
        const since = other.exists ? (baseOf(other.path) !== baseOf(before.path) ? `, now \`${baseOf(other.path)}\`` : '') : ', deleted since';
        report({
          message: `\`${id}\` was given to \`${baseOf(taken.path)}\` in commit ${describeCommit(taken.commit)}, but \`${baseOf(before.path)}\` had it from commit ${describeCommit(before.commit)}${since}: a number and version name one document forever; give this document a number of its own`,
        });
      }
    }
  },
});

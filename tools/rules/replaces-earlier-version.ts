import { parseFileName } from '../model/filename.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'Each entry of `replaces` names an earlier version of the same number.',
    severity: 'error',
    scope: 'document',
    defaultOptions: undefined,
  },
  check({ doc, report }) {
    const name = doc.name;
    if (!name || name.kind !== 'document' || name.version === undefined) return;
    for (const reference of doc.references('replaces')) {
      if (reference.name === doc.fileName) continue; // no-self-reference reports this
      const parsed = parseFileName(reference.name);
      if (!parsed.ok || parsed.name.kind === 'template') continue; // reference-exists reports names that are not documents
      const other = parsed.name;
      if (other.number !== name.number) {
        report({
          message: `Unexpected \`${reference.name}\` in \`replaces\`: it has number \`${other.number}\`, expected an earlier version of \`scs-${name.number}\``,
          range: reference.range,
        });
      } else if (other.letter !== 'v') {
        report({
          message: `Unexpected supplement \`${reference.name}\` in \`replaces\`: a version replaces an earlier version, not a supplement`,
          range: reference.range,
        });
      } else if (other.version !== undefined && other.version >= name.version) {
        report({
          message: `Unexpected \`${reference.name}\` in \`replaces\`: version ${other.version} is not earlier than this version ${name.version}`,
          range: reference.range,
        });
      }
    }
  },
});

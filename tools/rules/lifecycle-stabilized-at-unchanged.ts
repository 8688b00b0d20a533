import { mappingRange } from '../model/frontmatter.js';
import { describeValue } from '../model/schema.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'Once set, a date field the profile marks `immutable` never changes and is never removed.',
    severity: 'error',
    scope: 'change',
    defaultOptions: undefined,
  },
  check({ doc, change, process, report }) {
    const base = change?.base;
    if (!change || !base || change.kind === 'deleted' || change.kind === 'unchanged') return;
    for (const date of process.profile.dates ?? []) {
      if (date.immutable !== true) continue;
      const { field } = date;
      const before = base.field(field);
      if (!before || before.value === null || before.value === undefined || before.value === '') continue;
      const after = doc.field(field);
      if (after && String(after.value) === String(before.value)) continue;
      const stays = `${date.noun === undefined ? `\`${field}\`` : `a ${date.noun}`} stays once set`;
      if (!after || after.value === null || after.value === undefined || after.value === '') {
        report({
          message: `Missing \`${field}\`: it was ${describeValue(before.value)} in the base, and ${stays}`,
          range: doc.field(process.profile.statuses.field)?.range ?? mappingRange(doc.frontMatter),
        });
        continue;
      }
      report({
        message: `Unexpected change of \`${field}\` from ${describeValue(before.value)} to ${describeValue(after.value)}: ${stays}`,
        range: after.range,
      });
    }
  },
});

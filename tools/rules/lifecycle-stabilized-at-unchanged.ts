import { mappingRange } from '../model/frontmatter.js';
import { describeValue } from '../model/schema.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'Once set, `stabilized_at` never changes and is never removed.',
    severity: 'error',
    scope: 'change',
    defaultOptions: undefined,
  },
  check({ doc, change, report }) {
    const base = change?.base;
    if (!change || !base || change.kind === 'deleted' || change.kind === 'unchanged') return;
    const before = base.field('stabilized_at');
    if (!before || before.value === null || before.value === undefined || before.value === '') return;
    const after = doc.field('stabilized_at');
    if (after && String(after.value) === String(before.value)) return;
    if (!after || after.value === null || after.value === undefined || after.value === '') {
      report({
        message: `Missing \`stabilized_at\`: it was ${describeValue(before.value)} in the base, and a stabilization date stays once set`,
        range: doc.field('status')?.range ?? mappingRange(doc.frontMatter),
      });
      return;
    }
    report({
      message: `Unexpected change of \`stabilized_at\` from ${describeValue(before.value)} to ${describeValue(after.value)}: a stabilization date stays once set`,
      range: after.range,
    });
  },
});

import { compareDates } from '../model/dates.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: '`deprecated_at` is not before `stabilized_at`.',
    severity: 'error',
    scope: 'document',
    defaultOptions: undefined,
  },
  check({ doc, report }) {
    const stabilized = doc.date('stabilized_at');
    const deprecated = doc.date('deprecated_at');
    if (stabilized === undefined || deprecated === undefined || compareDates(deprecated, stabilized) >= 0) return;
    report({
      message: `\`deprecated_at\` ${deprecated} is before \`stabilized_at\` ${stabilized}: a document is deprecated after it became Stable`,
      range: doc.field('deprecated_at')?.range,
    });
  },
});

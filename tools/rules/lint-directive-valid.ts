import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'Inline `<!-- lint disable|enable|ignore rule-id -->` comments name rules that exist.',
    severity: 'warn',
    scope: 'document',
    needsBody: true,
    defaultOptions: undefined,
  },
  check({ doc, ruleIds, report }) {
    for (const directive of doc.body.directives) {
      for (const id of directive.ruleIds) {
        if (!ruleIds.has(id)) {
          report({ message: `Unknown rule \`${id}\` in \`lint ${directive.kind}\` comment: it has no effect`, range: directive.range });
        }
      }
    }
  },
});

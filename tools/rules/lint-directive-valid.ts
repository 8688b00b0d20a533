import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'Inline `<!-- lint disable|enable|ignore rule-id -->` comments use one of these keywords and name rules that exist.',
    severity: 'warn',
    scope: 'document',
    needsBody: true,
    defaultOptions: undefined,
  },
  check({ doc, ruleIds, report }) {
    for (const directive of doc.body.directives) {
      if (directive.kind === 'unknown') {
        const keyword = /lint\s+([\w-]+)/.exec(doc.source.text.slice(directive.range.start, directive.range.end))?.[1] ?? '';
        report({ message: `Unknown keyword \`${keyword}\` in a lint comment: expected \`disable\`, \`enable\` or \`ignore\`; the comment has no effect`, range: directive.range });
        continue;
      }
      for (const id of directive.ruleIds) {
        if (!ruleIds.has(id)) {
          report({ message: `Unknown rule \`${id}\` in \`lint ${directive.kind}\` comment: it has no effect`, range: directive.range });
        }
      }
    }
  },
});

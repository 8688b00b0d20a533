import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'No two documents share an id (`fileNames.id` of the profile: a number and version); proposals are exempt.',
    severity: 'error',
    scope: 'corpus',
    defaultOptions: undefined,
  },
  check({ doc, corpus, report }) {
    const name = doc.name;
    if (!name || name.numeric === undefined || name.version === undefined) return;
    const others = corpus.byId(name.id).filter((other) => other !== doc);
    if (others.length === 0) return;
    const list = others.map((other) => `\`${other.fileName}\``).join(', ');
    report({ message: `Duplicate \`${name.id}\`: ${list} has the same number and version; each pair is used once` });
  },
});

import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'The front matter fields come in the order the profile gives (`frontMatter.order` with `strict`, as the EIP preamble has them); a stub is exempt.',
    severity: 'error',
    scope: 'document',
    defaultOptions: undefined,
  },
  check({ doc, process, report }) {
    const order = process.profile.frontMatter.order;
    if (!order?.strict || !doc.frontMatter.usable || process.status(doc.status)?.stub) return;
    let last = -1;
    let lastKey = '';
    for (const entry of doc.frontMatter.entries) {
      const index = order.fields.indexOf(entry.key);
      if (index === -1) continue;
      if (index < last) {
        report({ message: `\`${entry.key}\` comes after \`${lastKey}\`, expected the order ${order.fields.join(', ')}`, range: entry.keyRange });
        continue;
      }
      last = index;
      lastKey = entry.key;
    }
  },
});

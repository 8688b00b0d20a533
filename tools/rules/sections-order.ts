import { sectionHeadings } from '../model/sections.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'The sections of a document come in the order its type gives (`sections.order` in the profile), and a type whose sections are `closed` has no others.',
    severity: 'error',
    scope: 'document',
    needsBody: true,
    defaultOptions: undefined,
  },
  check({ doc, process, report }) {
    if (process.status(doc.status)?.stub) return;
    const sections = process.sections(doc.type, process.categoryOf(doc.data));
    if (!sections) return;
    const style = process.sectionStyle;
    const order = sections.order ?? [];
    const keys = order.map((title) => style.key(title));
    const named = new Set([...order, ...(sections.required ?? []), ...(sections.recommended ?? []), ...(sections.optional ?? [])].map((title) => style.key(title)));
    const marks = '#'.repeat(style.level);
    const kind = doc.type ?? 'document';
    const a = /^[aeiou]/i.test(kind) ? 'an' : 'a';
    let last = -1;
    let lastTitle = '';
    for (const heading of sectionHeadings(doc.body.headings, style)) {
      const key = style.key(heading.text);
      if (sections.closed && !named.has(key)) {
        report({ message: `Unexpected section \`${marks} ${heading.text}\`: ${a} ${kind} has only the sections ${(order.length > 0 ? order : [...named]).join(', ')}`, range: heading.range });
        continue;
      }
      const index = keys.indexOf(key);
      if (index === -1) continue;
      if (index < last) {
        report({ message: `Section \`${marks} ${heading.text}\` comes after \`${marks} ${lastTitle}\`, expected the order ${order.join(', ')}`, range: heading.range });
        continue;
      }
      last = index;
      lastTitle = heading.text;
    }
  },
});

import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'Where the profile keeps the number both in the file name and in a front matter field (`numbers.location: both`, the field `numbers.field`), the two agree.',
    severity: 'error',
    scope: 'document',
    defaultOptions: undefined,
  },
  check({ doc, process, report }) {
    const { location, field } = process.profile.numbers;
    const name = doc.name;
    if (location !== 'both' || field === undefined || !name || name.numeric === undefined || !doc.frontMatter.usable) return;
    const written = doc.field(field);
    if (!written) return; // a missing field is the schema's to report
    const value = written.value;
    const number = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined;
    if (number === name.number) return;
    report({
      message: `\`${field}\` is ${number === undefined ? 'no number' : number}, but the file name \`${doc.fileName}\` gives ${name.number}: both name the document's number`,
      range: written.range,
    });
  },
});

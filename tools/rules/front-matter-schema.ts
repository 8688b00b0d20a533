import { keyRange, mappingRange } from '../model/frontmatter.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'The front matter satisfies `schemas/front-matter.schema.json`: required fields, allowed values, ISO dates and the conditions between type, status and dates.',
    severity: 'error',
    scope: 'document',
    defaultOptions: undefined,
  },
  check({ doc, process, report }) {
    if (!doc.frontMatter.usable) return;
    // A proposal has no number yet: where the profile keeps the number in a field too, that field waits for it.
    const numberField = process.profile.numbers.location === 'file-name' || doc.name?.kind !== 'proposal' ? undefined : process.profile.numbers.field;
    for (const violation of process.validateFrontMatter(doc.frontMatter.data)) {
      if (violation.missing && numberField !== undefined && violation.missingKey === numberField && violation.path.length === 0) continue;
      if (violation.missing) {
        report({ message: violation.message, range: mappingRange(doc.frontMatter) });
        continue;
      }
      const [first] = violation.path;
      const range = doc.locate(violation.path);
      // A forbidden field is shown from its key, so that the finding names the line to remove.
      const key = violation.path.length === 1 && typeof first === 'string' ? keyRange(doc.frontMatter, first) : undefined;
      report({ message: violation.message, range: key ? { start: key.start, end: Math.max(range.end, key.end) } : range });
    }
  },
});

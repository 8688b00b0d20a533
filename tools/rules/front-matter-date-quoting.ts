import { fixOf, quoteScalarEdits } from '../authoring/editor.js';
import { isIsoDate } from '../model/dates.js';
import { findEntry } from '../model/frontmatter.js';
import { defineRule } from './rule.js';

/** The implicit time stamp of YAML 1.1 (yaml.org/type/timestamp), as js-yaml and PyYAML apply it. */
const YAML11_TIMESTAMP =
  /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$/;
const DATE_ONLY = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

export default defineRule({
  meta: {
    description: 'A date field is quoted when YAML 1.1 readers would read its unquoted value as another date or a time stamp.',
    severity: 'warn',
    scope: 'document',
    fixable: true,
    defaultOptions: undefined,
  },
  check({ doc, process, report }) {
    if (!doc.frontMatter.usable) return;
    for (const { field } of process.profile.dates ?? []) {
      const node = findEntry(doc.frontMatter, field)?.value;
      if (node?.kind !== 'scalar' || node.style !== 'PLAIN' || typeof node.value !== 'string') continue;
      const text = node.value;
      if (!YAML11_TIMESTAMP.test(text) || isIsoDate(text)) continue;
      report({
        message: `Unquoted \`${text}\` in \`${field}\` is not the text written for YAML 1.1 readers: ${yaml11Reading(text)}; quote it so that every reader sees the same value`,
        range: node.range,
        fix: fixOf(() => quoteScalarEdits(doc.source.text, doc.frontMatter, field)),
      });
    }
  },
});

/** What a YAML 1.1 reader makes of a time stamp that is not a calendar date. */
function yaml11Reading(text: string): string {
  const date = DATE_ONLY.exec(text);
  if (!date) return 'js-yaml and PyYAML read a date and time';
  // js-yaml builds the date with Date.UTC, which carries an impossible day into the next month.
  const read = new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]))).toISOString().slice(0, 10);
  return `js-yaml reads the date ${read} and PyYAML refuses the file`;
}

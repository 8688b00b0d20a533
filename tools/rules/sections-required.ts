import { findDecisionSection, levelTwoTitles, SECTION_PROFILES_SCHEMA } from '../model/sections.js';
import { SECTIONS } from '../model/profile.js';
import { typeSections } from '../profile/sections.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'A document has the sections its type (and category) needs, including a section with the decision where the type asks for one.',
    severity: 'error',
    scope: 'document',
    needsBody: true,
    defaultOptions: SECTIONS,
    optionsSchema: SECTION_PROFILES_SCHEMA,
  },
  check({ doc, options, process, report }) {
    const found = typeSections(doc, options, process, SECTIONS);
    if (!found || !doc.type) return;
    const { sections, style } = found;
    const present = levelTwoTitles(doc.body.headings, style);
    const marks = '#'.repeat(style.level);
    const a = /^[aeiou]/i.test(doc.type) ? 'an' : 'a';
    for (const section of sections.required) {
      if (!present.has(style.key(section))) {
        report({ message: `Missing section \`${marks} ${section}\`: ${a} ${doc.type} must have it` });
      }
    }
    if (sections.decision && !findDecisionSection(doc.body.headings, sections, style)) {
      report({ message: `Missing a section with the decision: ${a} ${doc.type} states its decision in a level-${style.level} section of its own (any title)` });
    }
  },
});

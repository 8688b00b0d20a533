import { findDecisionSection, SECTION_PROFILES_SCHEMA } from '../model/sections.js';
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
    if (!found) return;
    for (const section of found.missing(found.sections.required)) report({ message: `Missing section \`${found.heading(section)}\`: ${found.aType} must have it` });
    if (found.sections.decision && !findDecisionSection(doc.body.headings, found.sections, found.style)) {
      report({ message: `Missing a section with the decision: ${found.aType} states its decision in a level-${found.style.level} section of its own (any title)` });
    }
  },
});

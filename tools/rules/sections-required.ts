import { normalizeHeading, SECTIONS } from '../model/profile.js';
import { findDecisionSection, levelTwoTitles, SECTION_PROFILES_SCHEMA, sectionProfile } from '../model/sections.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'Standards and Decision Records have the level-2 sections their type requires, including a section with the decision.',
    severity: 'error',
    scope: 'document',
    needsBody: true,
    defaultOptions: SECTIONS,
    optionsSchema: SECTION_PROFILES_SCHEMA,
  },
  check({ doc, options, report }) {
    const profile = sectionProfile(options, doc.type);
    if (!profile || !doc.type) return;
    const present = levelTwoTitles(doc.body.headings);
    for (const section of profile.required) {
      if (!present.has(normalizeHeading(section))) {
        report({ message: `Missing section \`## ${section}\`: a ${doc.type} must have it` });
      }
    }
    if (profile.decision && !findDecisionSection(doc.body.headings, profile)) {
      report({ message: `Missing a section with the decision: a ${doc.type} states its decision in a level-2 section of its own (any title)` });
    }
  },
});

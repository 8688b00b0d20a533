import { normalizeHeading, SECTIONS } from '../model/profile.js';
import { levelTwoTitles, SECTION_PROFILES_SCHEMA, sectionProfile } from '../model/sections.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'Standards and Decision Records have the level-2 sections their type recommends.',
    severity: 'warn',
    scope: 'document',
    needsBody: true,
    defaultOptions: SECTIONS,
    optionsSchema: SECTION_PROFILES_SCHEMA,
  },
  check({ doc, options, report }) {
    const profile = sectionProfile(options, doc.type);
    if (!profile || !doc.type) return;
    const present = levelTwoTitles(doc.body.headings);
    for (const section of profile.recommended) {
      if (!present.has(normalizeHeading(section))) {
        report({ message: `Missing section \`## ${section}\`: a ${doc.type} should have it` });
      }
    }
  },
});

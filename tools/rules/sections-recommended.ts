import { SECTION_PROFILES_SCHEMA } from '../model/sections.js';
import { SECTIONS } from '../model/profile.js';
import { typeSections } from '../profile/sections.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'A document has the sections its type (and category) recommends.',
    severity: 'warn',
    scope: 'document',
    needsBody: true,
    defaultOptions: SECTIONS,
    optionsSchema: SECTION_PROFILES_SCHEMA,
  },
  check({ doc, options, process, report }) {
    const found = typeSections(doc, options, process, SECTIONS);
    if (!found) return;
    for (const section of found.missing(found.sections.recommended)) report({ message: `Missing section \`${found.heading(section)}\`: ${found.aType} should have it` });
  },
});

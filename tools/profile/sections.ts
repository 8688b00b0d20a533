import type { StandardDocument } from '../model/document.js';
import { DEFAULT_SECTION_STYLE, sectionProfile, toSectionProfile, type SectionProfiles, type SectionStyle } from '../model/sections.js';
import type { SectionProfile } from '../model/profile.js';
import type { Process } from './process.js';

/**
 * The sections a document's type (and category) asks for, and how its headings are read. Section
 * profiles given as a rule's options in the configuration win; without them (`options` is the
 * rule's default object), the process's profile decides.
 */
export function typeSections(doc: StandardDocument, options: SectionProfiles, process: Process, defaults: SectionProfiles): { sections: SectionProfile; style: SectionStyle } | undefined {
  if (options !== defaults) {
    const sections = sectionProfile(options, doc.type);
    return sections ? { sections, style: DEFAULT_SECTION_STYLE } : undefined;
  }
  // A stub (the EIP `Moved`) points elsewhere: it has no sections of its own.
  if (process.status(doc.status)?.stub) return undefined;
  const sections = process.sections(doc.type, process.categoryOf(doc.data));
  if (!sections) return undefined;
  return { sections: toSectionProfile(sections), style: process.sectionStyle };
}

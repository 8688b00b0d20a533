import type { StandardDocument } from '../model/document.js';
import { DEFAULT_SECTION_STYLE, levelTwoTitles, sectionProfile, toSectionProfile, type SectionProfiles, type SectionStyle } from '../model/sections.js';
import type { SectionProfile } from '../model/profile.js';
import type { Process } from './process.js';

/** What the section rules know of a document's sections, and how they word what is missing. */
export interface TypeSections {
  readonly sections: SectionProfile;
  readonly style: SectionStyle;
  /** The titles of `titles` that the document has no section of, in their order. */
  missing(titles: readonly string[]): string[];
  /** A section title as its heading is written (`## Motivation`). */
  heading(title: string): string;
  /** The document's type with its article (`a Standard`, `an Informational`). */
  readonly aType: string;
}

/**
 * The sections a document's type (and category) asks for, and how its headings are read. Section
 * profiles given as a rule's options in the configuration win; without them (`options` is the
 * rule's default object), the process's profile decides. Undefined for a document without a
 * type, or one whose type has no sections.
 */
export function typeSections(doc: StandardDocument, options: SectionProfiles, process: Process, defaults: SectionProfiles): TypeSections | undefined {
  const type = doc.type;
  if (type === undefined) return undefined;
  const found = sectionsOf(doc, options, process, defaults);
  if (!found) return undefined;
  const { sections, style } = found;
  const present = levelTwoTitles(doc.body.headings, style);
  const marks = '#'.repeat(style.level);
  return {
    sections,
    style,
    missing: (titles) => titles.filter((title) => !present.has(style.key(title))),
    heading: (title) => `${marks} ${title}`,
    aType: `${/^[aeiou]/i.test(type) ? 'an' : 'a'} ${type}`,
  };
}

function sectionsOf(doc: StandardDocument, options: SectionProfiles, process: Process, defaults: SectionProfiles): { sections: SectionProfile; style: SectionStyle } | undefined {
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

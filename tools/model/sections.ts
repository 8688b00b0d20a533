import type { Heading } from './markdown-facts.js';
import { FRAMING_SECTIONS, normalizeHeading, TYPES, type SectionProfile } from './profile.js';

export type SectionProfiles = Readonly<Partial<Record<string, SectionProfile>>>;

export function sectionProfile(profiles: SectionProfiles, type: string | undefined): SectionProfile | undefined {
  // Own entries only: a type such as `constructor` or `__proto__` names no profile.
  return type === undefined || !Object.hasOwn(profiles, type) ? undefined : profiles[type];
}

/** How a standards process reads sections: the heading level that opens one, and when two titles are the same. */
export interface SectionStyle {
  readonly level: number;
  /** The key two titles share when they name the same section. */
  key(title: string): string;
  /** Titles that frame a document rather than decide anything. */
  readonly framing: readonly string[];
}

/** The default: level-2 sections, titles compared by `normalizeHeading`, the default framing titles. */
export const DEFAULT_SECTION_STYLE: SectionStyle = { level: 2, key: normalizeHeading, framing: FRAMING_SECTIONS };

const titles = new WeakMap<readonly Heading[], WeakMap<SectionStyle, Set<string>>>();

/** The headings that open sections (level 2 by default): not those inside a block quote, list or footnote. */
export function sectionHeadings(headings: readonly Heading[], style: SectionStyle = DEFAULT_SECTION_STYLE): Heading[] {
  return headings.filter((heading) => heading.depth === style.level && heading.topLevel);
}

/** The keys of the section titles (computed once per document and style). */
export function levelTwoTitles(headings: readonly Heading[], style: SectionStyle = DEFAULT_SECTION_STYLE): Set<string> {
  let byStyle = titles.get(headings);
  if (!byStyle) {
    byStyle = new WeakMap();
    titles.set(headings, byStyle);
  }
  let set = byStyle.get(style);
  if (!set) {
    set = new Set(sectionHeadings(headings, style).map((heading) => style.key(heading.text)));
    byStyle.set(style, set);
  }
  return set;
}

/**
 * The section heading that holds the decision: one titled with "decision", or else the first
 * whose title is not a named or framing section.
 */
export function findDecisionSection(headings: readonly Heading[], profile: SectionProfile, style: SectionStyle = DEFAULT_SECTION_STYLE): Heading | undefined {
  const named = new Set([...profile.required, ...profile.recommended, ...profile.optional, ...style.framing].map((title) => style.key(title)));
  const levelTwo = sectionHeadings(headings, style);
  return (
    levelTwo.find((heading) => /\bdecisions?\b/.test(normalizeHeading(heading.text))) ??
    levelTwo.find((heading) => !named.has(style.key(heading.text)))
  );
}

/** The sections of a type as a process gives them, in the shape the section rules take as options. */
export function toSectionProfile(sections: { readonly required?: readonly string[]; readonly recommended?: readonly string[]; readonly optional?: readonly string[]; readonly decision?: boolean }): SectionProfile {
  return { required: [...(sections.required ?? [])], recommended: [...(sections.recommended ?? [])], optional: [...(sections.optional ?? [])], decision: sections.decision ?? false };
}

/** JSON Schema of the section profiles that `sections-required` and `sections-recommended` take. */
export const SECTION_PROFILES_SCHEMA: Record<string, unknown> = {
  type: 'object',
  // The types of the default process; a configuration of another process sets its sections in its profile.
  propertyNames: { enum: [...TYPES] },
  additionalProperties: {
    type: 'object',
    additionalProperties: false,
    required: ['required', 'recommended', 'optional', 'decision'],
    properties: {
      required: { type: 'array', items: { type: 'string', minLength: 1 } },
      recommended: { type: 'array', items: { type: 'string', minLength: 1 } },
      optional: { type: 'array', items: { type: 'string', minLength: 1 } },
      decision: { type: 'boolean' },
    },
  },
};

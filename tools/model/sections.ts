import type { Heading } from './markdown-facts.js';
import { FRAMING_SECTIONS, normalizeHeading, TYPES, type SectionProfile } from './profile.js';

export type SectionProfiles = Readonly<Partial<Record<string, SectionProfile>>>;

export function sectionProfile(profiles: SectionProfiles, type: string | undefined): SectionProfile | undefined {
  // Own entries only: a type such as `constructor` or `__proto__` names no profile.
  return type === undefined || !Object.hasOwn(profiles, type) ? undefined : profiles[type];
}

const titles = new WeakMap<readonly Heading[], Set<string>>();

/** The level-2 headings that open sections: not those inside a block quote, list or footnote. */
export function sectionHeadings(headings: readonly Heading[]): Heading[] {
  return headings.filter((heading) => heading.depth === 2 && heading.topLevel);
}

/** The normalized titles of the sections (computed once per document). */
export function levelTwoTitles(headings: readonly Heading[]): Set<string> {
  let set = titles.get(headings);
  if (!set) {
    set = new Set(sectionHeadings(headings).map((heading) => normalizeHeading(heading.text)));
    titles.set(headings, set);
  }
  return set;
}

/**
 * The level-2 heading that holds the decision: one titled with "decision", or else the first
 * whose title is not a named or framing section.
 */
export function findDecisionSection(headings: readonly Heading[], profile: SectionProfile): Heading | undefined {
  const named = new Set(
    [...profile.required, ...profile.recommended, ...profile.optional, ...FRAMING_SECTIONS].map((title) => normalizeHeading(title)),
  );
  const levelTwo = sectionHeadings(headings);
  return (
    levelTwo.find((heading) => /\bdecisions?\b/.test(normalizeHeading(heading.text))) ??
    levelTwo.find((heading) => !named.has(normalizeHeading(heading.text)))
  );
}

/** JSON Schema of the section profiles that `sections-required` and `sections-recommended` take. */
export const SECTION_PROFILES_SCHEMA: Record<string, unknown> = {
  type: 'object',
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

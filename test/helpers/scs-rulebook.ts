/**
 * The tables of the SCS rule book as the engine had them in code before it read profiles:
 * tracks, document types, statuses, reference and date fields, sections. The engine runs
 * profiles/scs/profile.json now; test/profile.test.ts compares that file with these tables, so
 * that an edit of the profile that changes the rule book fails.
 */

export const TRACKS = ['Global', 'IaaS', 'KaaS', 'IAM', 'Ops', 'Scopes'] as const;
export type Track = (typeof TRACKS)[number];

/** The second digit of a document number names its track. */
export const TRACK_BY_DIGIT: Readonly<Record<string, Track>> = {
  '0': 'Global',
  '1': 'IaaS',
  '2': 'KaaS',
  '3': 'IAM',
  '4': 'Ops',
  '5': 'Scopes',
};

export function digitOfTrack(track: string): string | undefined {
  for (const [digit, name] of Object.entries(TRACK_BY_DIGIT)) if (name === track) return digit;
  return undefined;
}

export const TYPES = ['Procedural', 'Standard', 'Decision Record', 'Supplement'] as const;
export type DocumentType = (typeof TYPES)[number];

export const STATUSES = ['Draft', 'Stable', 'Deprecated', 'Rejected'] as const;
export type Status = (typeof STATUSES)[number];

/** The front matter fields that hold lists of file names. */
export const REFERENCE_FIELDS = ['replaces', 'replaced_by', 'supplements'] as const;
export type ReferenceField = (typeof REFERENCE_FIELDS)[number];

export const DATE_FIELDS = ['stabilized_at', 'deprecated_at', 'rejected_at'] as const;
export type DateField = (typeof DATE_FIELDS)[number];

export interface SectionProfile {
  /** Level-2 sections that MUST be present. */
  required: string[];
  /** Level-2 sections that SHOULD be present. */
  recommended: string[];
  /** Named sections that MAY be present; they never count as the decision section. */
  optional: string[];
  /** Whether a section with the actual decision (any other title) is required. */
  decision: boolean;
}

export const SECTIONS: Readonly<Partial<Record<DocumentType, SectionProfile>>> = {
  Standard: {
    required: ['Introduction', 'Motivation', 'Conformance Tests'],
    recommended: ['Terminology'],
    optional: ['Design Considerations', 'Open Questions', 'Related Documents'],
    decision: true,
  },
  'Decision Record': {
    required: ['Abstract', 'Context'],
    recommended: ['Terminology', 'Related Documents'],
    optional: ['Consequences'],
    decision: true,
  },
};

/**
 * Headings that frame a document rather than decide anything. They never count as the
 * decision section of any type.
 */
export const FRAMING_SECTIONS: readonly string[] = [
  'Abstract',
  'Acknowledgements',
  'Appendix',
  'Changelog',
  'Consequences',
  'Conformance Tests',
  'Context',
  'Design Considerations',
  'Glossary',
  'Introduction',
  'Motivation',
  'Open Questions',
  'Previous Standard Versions',
  'References',
  'Related Documents',
  'Terminology',
  'Version History',
];

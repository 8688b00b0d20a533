import scs from '../../profiles/scs/profile.json' with { type: 'json' };

/**
 * The tables of the default profile (profiles/scs/profile.json), for the code that has no
 * process at hand: the cache's reference fields, the section rules' default options and their
 * options schema, the default file names. They are read from the profile file, so the file is
 * the one place that says them; a run reads the configured profile through its process.
 */

export const TRACKS: readonly string[] = (scs.tracks?.values ?? []).map((track) => track.name);
export type Track = string;

/** The digit of a document number that names its track, and the track of each digit. */
export const TRACK_BY_DIGIT: Readonly<Record<string, Track>> = { ...scs.numbers.tracks.byDigit.digits };

export function digitOfTrack(track: string): string | undefined {
  for (const [digit, name] of Object.entries(TRACK_BY_DIGIT)) if (name === track) return digit;
  return undefined;
}

/**
 * The literal start of the default profile's file names (`scs-`: what its document pattern has
 * before the number), which its detailed file-name reader and the corpus's lookups by number
 * build on.
 */
export const NAME_PREFIX: string = (scs.fileNames.kinds.find((kind) => kind.kind === 'document')?.pattern ?? '').split('{')[0] ?? '';

/** The pattern of the default profile's template names (`scs-XXXX-vN-{slug}.md`). */
export const TEMPLATE_PATTERN: string = scs.fileNames.kinds.find((kind) => kind.kind === 'template')?.pattern ?? '';

export const TYPES: readonly string[] = scs.types.values.map((type) => type.name);
export type DocumentType = string;

export const STATUSES: readonly string[] = scs.statuses.values.map((status) => status.name);
export type Status = string;

/** The front matter fields that hold lists of file names. */
export const REFERENCE_FIELDS: readonly string[] = scs.references.filter((reference) => reference.target === 'file-name').map((reference) => reference.field);
export type ReferenceField = string;

export const DATE_FIELDS: readonly string[] = (scs.dates ?? []).map((date) => date.field);
export type DateField = string;

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

/** The sections of each type of the default profile that has some, as the section rules take them. */
export const SECTIONS: Readonly<Partial<Record<DocumentType, SectionProfile>>> = Object.fromEntries(
  scs.types.values.flatMap((type) => {
    const sections: { required?: string[]; recommended?: string[]; optional?: string[]; decision?: boolean } | undefined = 'sections' in type ? type.sections : undefined;
    if (!sections) return [];
    return [[type.name, { required: [...(sections.required ?? [])], recommended: [...(sections.recommended ?? [])], optional: [...(sections.optional ?? [])], decision: sections.decision ?? false }]];
  }),
);

/**
 * Headings that frame a document rather than decide anything. They never count as the
 * decision section of any type.
 */
export const FRAMING_SECTIONS: readonly string[] = scs.sections?.framing ?? [];

/** Heading titles compare case-insensitively, ignoring surrounding space and a trailing colon. */
export function normalizeHeading(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/:$/, '').trim().toLowerCase();
}

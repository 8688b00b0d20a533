/**
 * A standards process as data: the shape of `profiles/<name>/profile.json`, as
 * `schemas/profile.schema.json` describes it (the schema has the explanation of every key).
 * Nothing in the engine reads a profile yet; `load.ts` loads and checks one, and the other
 * modules of this folder compute from it what `tools/model/` hard-codes today (docs/profiles.md).
 */

export type FileKind = 'document' | 'supplement' | 'proposal' | 'template';

export interface ProfilePart {
  readonly pattern: string;
  readonly description?: string;
}

export interface ProfileFileKind {
  readonly kind: FileKind;
  readonly pattern: string;
  readonly description?: string;
  readonly example?: string;
  readonly parts?: Readonly<Record<string, ProfilePart>>;
}

export interface ProfileSections {
  readonly required?: readonly string[];
  readonly recommended?: readonly string[];
  readonly optional?: readonly string[];
  readonly decision?: boolean;
  readonly order?: readonly string[];
  readonly closed?: boolean;
  readonly text?: Readonly<Record<string, string>>;
}

export interface ProfileEntering {
  readonly sections?: readonly string[];
  readonly orSupplementMatching?: string;
  /** What a supplement that satisfies `orSupplementMatching` is about, as messages say it (`its tests`). */
  readonly supplementAbout?: string;
  readonly severity?: 'error' | 'warn';
}

export interface ProfileType {
  readonly name: string;
  readonly description?: string;
  readonly fileKind?: 'document' | 'supplement';
  readonly hasStatus?: boolean;
  readonly extends?: string;
  readonly creatable?: boolean;
  readonly categories?: 'required' | 'forbidden' | 'optional';
  readonly sections?: ProfileSections;
  readonly entering?: Readonly<Record<string, ProfileEntering>>;
}

export interface ProfileStatus {
  readonly name: string;
  readonly description?: string;
  readonly requires?: readonly string[];
  readonly allowsDates?: readonly string[];
  readonly terminal?: boolean;
  readonly warnOnly?: boolean;
  readonly frozen?: boolean;
  readonly maturity?: number;
  readonly stub?: boolean;
  /** The status as a past participle, as messages say what a change did (`deprecated`). */
  readonly participle?: string;
  /** Why a document in this status carries none of these date fields, by field. */
  readonly dateReasons?: Readonly<Record<string, string>>;
}

export interface ProfileTransition {
  /** A status, or `new` for a document the base does not have. */
  readonly from: string;
  readonly to: string;
  readonly sets: readonly string[];
  readonly types?: readonly string[];
  readonly command?: string;
}

export interface ProfileDate {
  readonly field: string;
  readonly description?: string;
  /** How messages name the date (`stabilization date`). */
  readonly noun?: string;
  /** How the tables of the version index head the date's column (`Stabilized`). */
  readonly label?: string;
  readonly immutable?: boolean;
  readonly notBefore?: readonly string[];
  readonly future?: boolean;
}

export interface ProfileReference {
  readonly field: string;
  readonly description?: string;
  /** How the tables of the version index head the field's column (`Supplements`). */
  readonly label?: string;
  readonly target: 'file-name' | 'number';
  readonly sorted?: boolean;
  readonly mustExist?: boolean;
  readonly direction?: 'earlier' | 'later' | 'extended';
  readonly sameNumber?: 'required' | 'allowed' | 'forbidden';
  readonly targetKinds?: readonly ('document' | 'supplement' | 'proposal')[];
  readonly requiredAboveVersion?: number;
  readonly statuses?: readonly string[];
  readonly addedTargetStatuses?: readonly string[];
  readonly targetMaturity?: 'at-least-own';
  readonly reciprocal?: { readonly field: string; readonly whenTargetStatus?: readonly string[]; readonly whenSameNumber?: boolean };
  readonly selfReference?: boolean;
}

export interface ProfileState {
  readonly state: string;
  readonly label: string;
  readonly description?: string;
  readonly when?: { readonly status?: readonly string[]; readonly reached?: string; readonly missing?: string };
}

export interface ProfileFutureMark {
  readonly mark: string;
  readonly field: string;
  readonly states: readonly string[];
  readonly symbol?: string;
}

export interface NamedValue {
  readonly name: string;
  readonly description?: string;
}

export interface Profile {
  readonly $schema?: string;
  readonly name: string;
  readonly title: string;
  readonly description?: string;
  readonly folder?: string;
  readonly frontMatter: {
    readonly schema: string;
    readonly order?: {
      readonly fields: readonly string[];
      readonly strict?: boolean;
      /** Where the authoring commands insert a field a document lacks: after the first of these fields it has. */
      readonly insertAfter?: Readonly<Record<string, readonly string[]>>;
    };
    readonly lists?: 'yaml' | 'comma-separated';
  };
  readonly templates?: {
    /** The templates folder of the repository, relative to its root. */
    readonly folder?: string;
    /** The profile's own templates, relative to the profile file. */
    readonly shipped?: string;
    readonly byType: Readonly<Record<string, string>>;
    readonly newFileName?: string;
    readonly newStatus?: string;
  };
  readonly fileNames: {
    readonly documents: string;
    readonly parts: Readonly<Record<string, ProfilePart>>;
    readonly kinds: readonly ProfileFileKind[];
    readonly id: { readonly document: string; readonly supplement?: string; readonly number?: string; readonly shortForms?: readonly string[] };
    readonly slugStyle?: string;
  };
  readonly numbers: {
    readonly location: 'file-name' | 'front-matter' | 'both';
    readonly field?: string;
    readonly format: string;
    readonly width?: number;
    readonly assignment?: 'next-in-track' | 'manual';
    readonly min?: number;
    readonly tracks?:
      | { readonly byDigit: { readonly position: number; readonly digits: Readonly<Record<string, string>> } }
      | { readonly byRange: readonly { readonly from: number; readonly to: number; readonly track: string }[] };
  };
  readonly tracks?: { readonly field: string; readonly values: readonly NamedValue[]; readonly consistent?: boolean };
  readonly types: { readonly field: string; readonly values: readonly ProfileType[] };
  readonly categories?: { readonly field: string; readonly values: readonly (NamedValue & { readonly sections?: Pick<ProfileSections, 'required' | 'recommended'> })[] };
  readonly sections?: { readonly level?: number; readonly match?: 'normalized' | 'exact'; readonly framing?: readonly string[] };
  readonly statuses: { readonly field: string; readonly values: readonly ProfileStatus[] };
  readonly transitions: readonly ProfileTransition[];
  readonly dates?: readonly ProfileDate[];
  readonly references: readonly ProfileReference[];
  readonly lifecycle?: {
    readonly deletion?: 'forbidden' | 'allowed';
    readonly numberUnchanged?: boolean;
    readonly slugUnchanged?: boolean;
    readonly maxNewDocuments?: number;
    readonly proposal?: { readonly version?: number; readonly status?: string };
  };
  readonly review: {
    readonly approvals: { readonly by: readonly string[]; readonly groups: Readonly<Record<string, readonly string[]>>; readonly always?: readonly string[] };
    readonly shows?: readonly string[];
  };
  readonly index: {
    readonly groupBy: readonly string[];
    readonly groupSlug?: 'lower-case' | 'slug';
    readonly versions?: boolean;
    readonly numberLabel?: string;
    readonly supplements?: boolean;
    readonly states: readonly ProfileState[];
    readonly future?: readonly ProfileFutureMark[];
    readonly changeDates?: { readonly fields: readonly string[]; readonly exceptStatuses?: readonly string[] };
  };
  readonly certificateScopes?: { readonly files: readonly string[]; readonly schema: string; readonly includable?: readonly string[]; readonly moduleId?: string; readonly versionDate?: string };
  readonly rules?: Readonly<Record<string, 'error' | 'warn' | 'off'>>;
}

import type { Validity } from '../model/scope.js';
import type { FutureMark, State } from '../model/state.js';

/**
 * The version index as data: what `scs-standards index` writes to `index.json` and what every
 * renderer reads. Its shape is described by `schemas/index.schema.json` for the `scs` profile;
 * the keys of dates and references are the names of the profile's front matter fields
 * (`stabilized_at`, `replaces`), and a value a document does not give is `null`.
 */
export interface VersionIndex {
  $schema: string;
  /** The last day on or before `--today` on which some state or scope version's validity changed (null: none before). */
  valid_from: string | null;
  /** The next day after `--today` on which some state or scope version's validity changes (null: none ahead). */
  valid_until: string | null;
  tracks: IndexTrack[];
  standards: IndexStandard[];
  /** The certificate scopes, by the path of their file. */
  scopes: IndexScope[];
}

export interface IndexTrack {
  name: string;
  /** The name as a path segment of the docs site (`index.groupSlug`: `iaas`). */
  slug: string;
  /** The digit of the numbers of this track (`numbers.tracks.byDigit`; '' without one). */
  digit: string;
  /** Numbers of the track's standards, sorted. */
  standards: string[];
}

export interface IndexStandard {
  /** Four digits, `0100`. */
  number: string;
  /** `scs-0100`. */
  id: string;
  track: string;
  /** Title and description of the reference version (the latest effective one, else the latest). */
  title: string | null;
  description: string | null;
  /** Versions (`vM`), by version. */
  versions: IndexVersion[];
  /** Supplements (`wM`), each with its versions. */
  supplements: IndexSupplement[];
}

/** A date field (an ISO date or null) or a reference field (file names), by the name of the front matter field. */
export type IndexFieldValue = string | null | string[];

/**
 * What every indexed file has: its name, front matter facts and computed state, and between
 * them the date fields (`stabilized_at`, ...) and after them the reference fields (`replaces`,
 * ...) the profile gives it (`labels.ts` reads them: `dateOf`, `namesOf`).
 */
export interface IndexEntryBase {
  /** `scs-0100-v3`. */
  id: string;
  file_name: string;
  version: number;
  title: string | null;
  type: string | null;
  track: string | null;
  state: State;
  future: FutureMark[];
  /** With `index --history` only: the version's events from git, with commit links. */
  history?: IndexHistoryEvent[];
  [field: string]: IndexFieldValue | number | IndexHistoryEvent[] | undefined;
}

/** An event of `scs-standards history` (its JSON form) with the address of its commit. */
export type IndexHistoryEvent = { kind: string; commit: string; date: string; subject: string; pull_request: number | null; path: string; url: string } & Record<
  string,
  string | number | boolean | null
>;

/** A version: with its status, every date field of the profile and the reference fields but the one of supplements. */
export interface IndexVersion extends IndexEntryBase {
  status: string | null;
}

/** A supplement's version: no status; the date fields the states read and the reference fields no status limits. */
export type IndexSupplementVersion = IndexEntryBase;

/** One supplement with its versions (versions are linked by slug or by `replaces`). */
export interface IndexSupplement {
  /** The id of its first version, `scs-0100-w1`. */
  id: string;
  /** The title of its latest version. */
  title: string | null;
  versions: IndexSupplementVersion[];
}

/** Something the builder could not index as it is, for the user to see on stderr. */
export interface IndexNote {
  relPath: string;
  line: number;
  column: number;
  message: string;
}

/** A certificate scope (`Tests/scs-compatible-iaas.yaml`): its versions and what each requires. */
export interface IndexScope {
  /** The name of its page: the file name without extension, in lower case (`scs-compatible-iaas`). */
  slug: string;
  /** The scope file, relative to the repository root. */
  file: string;
  name: string | null;
  uuid: string | null;
  url: string | null;
  /** The versions, in file order. */
  versions: IndexScopeVersion[];
}

/** A version of a scope; after its name, the date of the field `certificateScopes.versionDate` (`stabilized_at`), or null. */
export interface IndexScopeVersion {
  /** The version's name (`v5.1`). */
  version: string;
  /** What the timeline says of the version on the day: effective, warn, draft or deprecated. */
  validity: Validity;
  /** `effective`: certifiable from a later day on; `deprecated`: stops being certifiable on a later day. */
  future: FutureMark[];
  /** The version's validity over time, from the first timeline entry on. */
  periods: IndexPeriod[];
  /** From the first day the version can be certified against to the first day after the last (null: without end); null if never. */
  certifiable: { from: string; until: string | null } | null;
  /** The standard versions the included modules name, in include order. */
  standards: IndexScopeStandard[];
  /** The included modules, in include order. */
  modules: IndexScopeModule[];
  [field: string]: string | null | Validity | FutureMark[] | IndexPeriod[] | IndexScopeStandard[] | IndexScopeModule[] | { from: string; until: string | null };
}

export interface IndexPeriod {
  from: string;
  /** The first day after the period; null when it does not end. */
  until: string | null;
  validity: Validity;
}

export interface IndexScopeStandard {
  /** `scs-0100-v3`. */
  id: string;
  /** The modules that name it. */
  modules: string[];
  /** The targets through which they test it. */
  targets: string[];
  /** The document with this id; null when the standards folder has none (or several). */
  document: IndexScopeDocument | null;
}

/** The document of a scope's standard: after its status, the date fields its state reads (`stabilized_at`, `deprecated_at`). */
export interface IndexScopeDocument {
  file_name: string;
  title: string | null;
  status: string | null;
  state: State;
  future: FutureMark[];
  [field: string]: string | null | FutureMark[];
}

export interface IndexScopeModule {
  id: string;
  name: string | null;
  url: string | null;
  /** The standard version the module id names (`scs-0100-v3` for `scs-0100-v3.1`); null for ids such as `opc-v2022.11`. */
  standard: string | null;
  targets: string[];
  /** The parameter values the version gives the module; null when it gives none. */
  parameters: Record<string, unknown> | null;
}

import type { Track } from '../model/profile.js';
import type { Validity } from '../model/scope.js';
import type { FutureMark, State } from '../model/state.js';

/**
 * The version index as data: what `scs-standards index` writes to `index.json` and what every
 * renderer reads. Its shape is described by `schemas/index.schema.json`; keys use the names of
 * the front matter fields (`stabilized_at`), and a value a document does not give is `null`.
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
  name: Track;
  /** Lower-case name, used in the docs site's paths (`iaas`). */
  slug: string;
  /** The second digit of the numbers of this track. */
  digit: string;
  /** Numbers of the track's standards, sorted. */
  standards: string[];
}

export interface IndexStandard {
  /** Four digits, `0100`. */
  number: string;
  /** `scs-0100`. */
  id: string;
  track: Track;
  /** Title and description of the reference version (the latest effective one, else the latest). */
  title: string | null;
  description: string | null;
  /** Versions (`vM`), by version. */
  versions: IndexVersion[];
  /** Supplements (`wM`), each with its versions. */
  supplements: IndexSupplement[];
}

/** What every indexed file has: its name, front matter facts and computed state. */
export interface IndexEntryBase {
  /** `scs-0100-v3`. */
  id: string;
  file_name: string;
  version: number;
  title: string | null;
  type: string | null;
  track: string | null;
  stabilized_at: string | null;
  deprecated_at: string | null;
  state: State;
  future: FutureMark[];
  replaces: string[];
  /** With `index --history` only: the version's events from git, with commit links. */
  history?: IndexHistoryEvent[];
}

/** An event of `scs-standards history` (its JSON form) with the address of its commit. */
export type IndexHistoryEvent = { kind: string; commit: string; date: string; subject: string; pull_request: number | null; path: string; url: string } & Record<
  string,
  string | number | boolean | null
>;

export interface IndexVersion extends IndexEntryBase {
  status: string | null;
  rejected_at: string | null;
  replaced_by: string[];
}

export interface IndexSupplementVersion extends IndexEntryBase {
  /** File names of the documents this version supplements. */
  supplements: string[];
}

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

export interface IndexScopeVersion {
  /** The version's name (`v5.1`). */
  version: string;
  stabilized_at: string | null;
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

export interface IndexScopeDocument {
  file_name: string;
  title: string | null;
  status: string | null;
  stabilized_at: string | null;
  deprecated_at: string | null;
  state: State;
  future: FutureMark[];
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

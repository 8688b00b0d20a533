import type { Track } from '../model/profile.js';
import type { FutureMark, State } from '../model/state.js';

/**
 * The version index as data: what `scs-standards index` writes to `index.json` and what every
 * renderer reads. Its shape is described by `schemas/index.schema.json`; keys use the names of
 * the front matter fields (`stabilized_at`), and a value a document does not give is `null`.
 */
export interface VersionIndex {
  $schema: string;
  /** The last day on or before `--today` on which some state changed (null: none before). */
  valid_from: string | null;
  /** The next day after `--today` on which some state changes (null: none ahead). */
  valid_until: string | null;
  tracks: IndexTrack[];
  standards: IndexStandard[];
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
}

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

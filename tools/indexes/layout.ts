import { SCOPE_VERSION_DATE } from '../model/scope.js';
import type { StateInput, StateReader } from '../model/state.js';
import { fileNamesOf } from '../profile/filenames.js';
import { numberIdOf } from '../profile/ids.js';
import { datesEntering, statusEntry } from '../profile/stages.js';
import { profileState, profileStateChangeDates } from '../profile/state.js';
import { trackOfNumber } from '../profile/tracks.js';
import type { Profile, ProfileState } from '../profile/types.js';

/**
 * What the version index (the tables of a profile with `index.versions`) takes from its
 * profile, computed once: the states in the order the pages show them and the part each plays,
 * the marks of what lies ahead and their symbols, the date and reference fields of versions and
 * of supplements with the headings of their columns, the tracks and their digits, and the ids
 * of numbers. Under the `scs` profile: draft, effective, deprecated and rejected; `*` and `†`;
 * `stabilized_at`, `deprecated_at`, `rejected_at`; `replaces`, `replaced_by`, `supplements`.
 */

/**
 * The part a state plays, read from its condition: `not-yet` (a date is `missing`: not in force
 * yet), `in-force` (no condition), `ended` (a date is `reached`), `status` (its status decides).
 */
export type StateRole = 'not-yet' | 'in-force' | 'ended' | 'status';

const ROLE_ORDER: readonly StateRole[] = ['not-yet', 'in-force', 'ended', 'status'];

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

export interface IndexState {
  readonly state: string;
  readonly label: string;
  readonly role: StateRole;
}

/** A front matter field shown as a column: the field, and its heading (`label`, else the field). */
export interface IndexField {
  readonly field: string;
  readonly label: string;
}

export interface IndexMark {
  readonly mark: string;
  readonly field: string;
  readonly symbol: string;
}

export interface IndexTrackInfo {
  readonly name: string;
  readonly slug: string;
  /** The digit of its numbers (`1`), or '' when the numbers name no track. */
  readonly digit: string;
}

export interface VersionLayout {
  readonly profile: Profile;
  /**
   * The states in the order the pages show them: those not in force yet, the one in force, the
   * ended ones, then those a status decides (each group in the profile's order).
   */
  readonly states: readonly IndexState[];
  label(state: string): string;
  /** The state of each part (the first of the profile with that part). */
  readonly notYet: string | undefined;
  readonly inForce: string | undefined;
  readonly ended: string | undefined;
  readonly byStatus: string | undefined;
  /** The date a version takes effect on: the one whose absence makes it `not-yet` (`stabilized_at`). */
  readonly start: string | undefined;
  /** The date a version ends on: the one whose coming makes it `ended` (`deprecated_at`). */
  readonly end: string | undefined;
  /** The date the transitions into the status of the `status` state set (`rejected_at`). */
  readonly statusDate: string | undefined;
  /** The past participle of that status (`rejected`), else the status. */
  readonly statusParticiple: string | undefined;
  /** How messages name the start and end dates (`stabilization date`, `deprecation date`). */
  readonly startNoun: string;
  readonly endNoun: string;
  /** The marks of `index.future`, in order, with their symbols. */
  readonly marks: readonly IndexMark[];
  /** The mark of a start date ahead (`effective`, `*`) and of an end date ahead (`deprecated`, `†`). */
  readonly startMark: IndexMark | undefined;
  readonly endMark: IndexMark | undefined;
  /** Every date field of the profile: what a version shows. */
  readonly dates: readonly IndexField[];
  /** The heading of the column of a number with all its versions (`index.numberLabel`: `Standard`). */
  readonly numberLabel: string;
  /** The date fields the states read (their conditions, marks and changes): what a supplement and a scope's document show. */
  readonly stateDates: readonly IndexField[];
  /** The reference fields a version shows: all but the one a supplement extends documents by. */
  readonly versionReferences: readonly IndexField[];
  /** The reference fields a supplement shows: those no status limits (a supplement has no status). */
  readonly supplementReferences: readonly IndexField[];
  /** The field the versions of one supplement name each other in (a file-name reference to an `earlier` one: `replaces`). */
  readonly earlier: string | undefined;
  /** The field that names the documents a supplement extends (direction `extended`: `supplements`). */
  readonly extended: IndexField | undefined;
  /** The name of the type of supplements (the type whose `fileKind` is `supplement`: `Supplement`). */
  readonly supplementType: string | undefined;
  readonly typeField: string;
  readonly statusField: string;
  /** The track field (`tracks.field`), when the profile has tracks. */
  readonly trackField: string | undefined;
  readonly tracks: readonly IndexTrackInfo[];
  /** The track a number's digit names (`numbers.tracks`). */
  trackOfNumber(number: string): string | undefined;
  /** Which digit of a number names its track, as an ordinal (`second`); undefined when no digit does. */
  readonly trackDigit: string | undefined;
  /** How a number with all its versions is named (`scs-0100`). */
  numberId(number: string): string;
  /** The expression of such a name (`scs-[0-9]{4}`), for the page names the index owns. */
  readonly numberIdPattern: string;
  /** The id of a version with the lowest number (`scs-0000-v1`), for legends. */
  readonly exampleId: string;
  /** The symbols of the marks of a scope version: `effective` takes the start mark's, `deprecated` the end mark's. */
  readonly scopeSymbols: ReadonlyMap<string, string>;
  /** The field of a scope version's date (`certificateScopes.versionDate`, else the one the scope files have). */
  readonly scopeDate: string;
  /** Reads and decides the state of a document. */
  readonly reader: StateReader;
  /** The days on which some state of these inputs changes (`index.changeDates`), sorted. */
  changeDates(inputs: Iterable<StateInput>): string[];
}

function roleOf(state: ProfileState): StateRole {
  if (!state.when) return 'in-force';
  if (state.when.status !== undefined) return 'status';
  if (state.when.reached !== undefined) return 'ended';
  return 'not-yet';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The path segment of a group's name (`index.groupSlug`). */
export function groupSlug(name: string, style: 'lower-case' | 'slug' | undefined): string {
  if (style === 'lower-case') return name.toLowerCase();
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function versionLayout(profile: Profile): VersionLayout {
  const byRole = (role: StateRole): ProfileState | undefined => profile.index.states.find((state) => roleOf(state) === role);
  const states = ROLE_ORDER.flatMap((role) => profile.index.states.filter((state) => roleOf(state) === role).map(({ state, label }): IndexState => ({ state, label, role })));
  const labels = new Map(profile.index.states.map((state) => [state.state, state.label]));
  const notYet = byRole('not-yet');
  const ended = byRole('ended');
  const byStatus = byRole('status');
  const start = notYet?.when?.missing;
  const end = ended?.when?.reached;
  const status = byStatus?.when?.status?.[0];
  const dates = profile.dates ?? [];
  const field = (name: string): IndexField => ({ field: name, label: dates.find((date) => date.field === name)?.label ?? name });
  const noun = (name: string | undefined): string => (name === undefined ? '' : (dates.find((date) => date.field === name)?.noun ?? `\`${name}\``));
  const marks = (profile.index.future ?? []).map(({ mark, field: markField, symbol }): IndexMark => ({ mark, field: markField, symbol: symbol ?? '' }));
  const startMark = marks.find((mark) => mark.field === start);
  const endMark = marks.find((mark) => mark.field === end);
  const read = new Set<string>();
  for (const state of profile.index.states) {
    if (state.when?.reached !== undefined) read.add(state.when.reached);
    if (state.when?.missing !== undefined) read.add(state.when.missing);
  }
  for (const mark of marks) read.add(mark.field);
  for (const changing of profile.index.changeDates?.fields ?? []) read.add(changing);
  const stateDates = dates.filter((date) => read.has(date.field)).map((date) => field(date.field));
  const reference = (name: string): IndexField => ({ field: name, label: profile.references.find((entry) => entry.field === name)?.label ?? name });
  const extended = profile.references.find((entry) => entry.direction === 'extended');
  const byDigit = profile.numbers.tracks && 'byDigit' in profile.numbers.tracks ? profile.numbers.tracks.byDigit : undefined;
  const digitOf = (track: string): string => Object.entries(byDigit?.digits ?? {}).find(([, name]) => name === track)?.[0] ?? '';
  const numberPart = profile.fileNames.parts.number?.pattern ?? '[0-9]+';
  const numberTemplate = profile.fileNames.id.number ?? '{number}';
  const numberIdPattern = numberTemplate
    .split('{number}')
    .map(escapeRegExp)
    .join(`(?:${numberPart})`);
  const exampleId = fileNamesOf(profile).idOf({ number: '0'.repeat(profile.numbers.width ?? 1), version: '1' }) ?? numberIdOf(profile, '0'.repeat(profile.numbers.width ?? 1));
  const scopeSymbols = new Map<string, string>();
  if (startMark) scopeSymbols.set('effective', startMark.symbol);
  if (endMark) scopeSymbols.set('deprecated', endMark.symbol);
  const reader: StateReader = {
    statusField: profile.statuses.field,
    dateFields: stateDates.map((date) => date.field),
    decide: (input, today) => profileState(profile, input, today),
  };
  return {
    numberLabel: profile.index.numberLabel ?? 'Number',
    profile,
    states,
    label: (state) => labels.get(state) ?? state,
    notYet: notYet?.state,
    inForce: byRole('in-force')?.state,
    ended: ended?.state,
    byStatus: byStatus?.state,
    start,
    end,
    statusDate: status === undefined ? undefined : datesEntering(profile, status)[0],
    statusParticiple: status === undefined ? undefined : (statusEntry(profile, status)?.participle ?? status),
    startNoun: noun(start),
    endNoun: noun(end),
    marks,
    startMark,
    endMark,
    dates: dates.map((date) => field(date.field)),
    stateDates,
    versionReferences: profile.references.filter((entry) => entry !== extended).map((entry) => reference(entry.field)),
    supplementReferences: profile.references.filter((entry) => entry.statuses === undefined).map((entry) => reference(entry.field)),
    earlier: profile.references.find((entry) => entry.direction === 'earlier' && entry.target === 'file-name')?.field,
    extended: extended === undefined ? undefined : reference(extended.field),
    supplementType: profile.types.values.find((type) => type.fileKind === 'supplement')?.name,
    typeField: profile.types.field,
    statusField: profile.statuses.field,
    trackField: profile.tracks?.field,
    tracks: (profile.tracks?.values ?? []).map(({ name }) => ({ name, slug: groupSlug(name, profile.index.groupSlug), digit: digitOf(name) })),
    trackOfNumber: (number) => trackOfNumber(profile, number),
    trackDigit: byDigit === undefined ? undefined : (ORDINALS[byDigit.position] ?? `${byDigit.position + 1}th`),
    numberId: (number) => numberIdOf(profile, number),
    numberIdPattern,
    exampleId,
    scopeSymbols,
    scopeDate: profile.certificateScopes?.versionDate ?? SCOPE_VERSION_DATE,
    reader,
    changeDates: (inputs) => profileStateChangeDates(profile, inputs),
  };
}

import { compareStrings, type Corpus } from '../model/corpus.js';
import { periodAround } from '../model/dates.js';
import type { StandardDocument } from '../model/document.js';
import type { Process } from '../profile/process.js';
import { profileState, profileStateChangeDates, type ProfileStateInput } from '../profile/state.js';
import { oneLine } from './escape.js';
import type { IndexNote } from './model.js';

export const PROFILE_INDEX_SCHEMA_ID = 'https://github.com/SovereignCloudStack/scs-standards/raw/main/schemas/profile-index.schema.json';

/**
 * The index of a process whose numbers have no versions (`index.versions` false in its profile,
 * as for EIPs): one entry per numbered document, in groups by the profile's `index.groupBy`
 * fields, each with its state on the day. Its shape is `schemas/profile-index.schema.json`.
 */
export interface ProfileIndex {
  $schema: string;
  /** The profile's name and title. */
  profile: { name: string; title: string };
  valid_from: string | null;
  valid_until: string | null;
  /** The states of the profile in order, with their labels and how many documents are in each. */
  states: { state: string; label: string; count: number }[];
  groups: ProfileIndexGroup[];
  documents: ProfileIndexDocument[];
}

export interface ProfileIndexGroup {
  /** The field the group is of (`category`, `type`). */
  field: string;
  name: string;
  slug: string;
  /** The ids of its documents, by number. */
  documents: string[];
}

export interface ProfileIndexDocument {
  id: string;
  number: string;
  file_name: string;
  title: string | null;
  description: string | null;
  status: string | null;
  type: string | null;
  /** The name of the group the document is in. */
  group: string;
  state: string;
  future: string[];
  /** Every date field of the profile: the date the document gives, or null. */
  dates: Record<string, string | null>;
  /** Every reference field of the profile: what the document names (file names or numbers). */
  references: Record<string, string[]>;
}

export interface BuiltProfileIndex {
  index: ProfileIndex;
  notes: IndexNote[];
}

/** Builds the index of a corpus for `today` from the profile alone; drafts without a number and templates are left out. */
export function buildProfileIndex(corpus: Corpus, process: Process, today: string): BuiltProfileIndex {
  const { profile } = process;
  const notes: IndexNote[] = [];
  const dateFields = (profile.dates ?? []).map((date) => date.field);
  const entries: { doc: StandardDocument; entry: ProfileIndexDocument; input: ProfileStateInput; group: { field: string; name: string } }[] = [];
  for (const doc of corpus.documents) {
    const name = doc.name;
    if (!name || name.kind !== 'document' || name.numeric === undefined) continue;
    const dates: Record<string, string | null> = {};
    for (const field of dateFields) dates[field] = doc.date(field) ?? null;
    // `date` gives only dates that exist: those are what the states are decided by.
    const input: ProfileStateInput = { status: doc.status, dates: Object.fromEntries(Object.entries(dates).filter((pair): pair is [string, string] => pair[1] !== null)) };
    const { state, future } = profileState(profile, input, today);
    const group = groupOf(doc, profile.index.groupBy);
    if (group === undefined) {
      notes.push({ relPath: doc.relPath, line: 1, column: 1, message: `Not indexed: \`${doc.fileName}\` has none of the fields that group the index (${profile.index.groupBy.map((field) => `\`${field}\``).join(', ')})` });
      continue;
    }
    const references: Record<string, string[]> = {};
    for (const reference of profile.references) {
      references[reference.field] =
        reference.target === 'number' ? doc.numberReferences(reference.field).map((item) => item.number) : doc.references(reference.field).map((item) => item.name);
    }
    entries.push({
      doc,
      input,
      group,
      entry: {
        id: name.id,
        number: name.number,
        file_name: doc.fileName,
        title: text(doc.title),
        description: text(doc.string('description')),
        status: doc.status ?? null,
        type: doc.type ?? null,
        group: group.name,
        state,
        future,
        dates,
        references,
      },
    });
  }
  entries.sort((a, b) => (a.doc.name?.numeric ?? 0) - (b.doc.name?.numeric ?? 0) || compareStrings(a.doc.fileName, b.doc.fileName));
  const documents = entries.map((item) => item.entry);
  const groups = orderedGroups(process, entries.map((item) => ({ ...item.group, id: item.entry.id })));
  const period = periodAround(profileStateChangeDates(profile, entries.map((item) => item.input)), today);
  const states = profile.index.states.map(({ state, label }) => ({ state, label, count: documents.filter((doc) => doc.state === state).length }));
  return {
    index: { $schema: PROFILE_INDEX_SCHEMA_ID, profile: { name: profile.name, title: profile.title }, valid_from: period.from ?? null, valid_until: period.until ?? null, states, groups, documents },
    notes,
  };
}

function text(value: string | undefined): string | null {
  const line = value === undefined ? '' : oneLine(value);
  return line === '' ? null : line;
}

/** The group of a document: the first of the grouping fields it gives a text for. */
function groupOf(doc: StandardDocument, fields: readonly string[]): { field: string; name: string } | undefined {
  for (const field of fields) {
    const value = doc.string(field)?.trim();
    if (value) return { field, name: value };
  }
  return undefined;
}

/** The groups in the order of the profile's values of their field (fields in `groupBy` order), unknown names last, by name. */
function orderedGroups(process: Process, members: readonly { field: string; name: string; id: string }[]): ProfileIndexGroup[] {
  const { profile } = process;
  const known = (field: string): readonly string[] => {
    if (field === profile.types.field) return profile.types.values.map((type) => type.name);
    if (profile.categories && field === profile.categories.field) return profile.categories.values.map((category) => category.name);
    if (profile.tracks && field === profile.tracks.field) return profile.tracks.values.map((track) => track.name);
    if (field === profile.statuses.field) return process.statusNames;
    return [];
  };
  const groups = new Map<string, ProfileIndexGroup>();
  for (const member of members) {
    const key = `${member.field}\u0000${member.name}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { field: member.field, name: member.name, slug: slugOf(member.name, profile.index.groupSlug), documents: [] }));
    group.documents.push(member.id);
  }
  const rank = (group: ProfileIndexGroup): [number, number] => {
    const fieldRank = profile.index.groupBy.indexOf(group.field);
    const values = known(group.field);
    const valueRank = values.indexOf(group.name);
    return [fieldRank, valueRank === -1 ? values.length : valueRank];
  };
  return [...groups.values()].sort((a, b) => {
    const [fa, va] = rank(a);
    const [fb, vb] = rank(b);
    return fa - fb || va - vb || compareStrings(a.name, b.name);
  });
}

function slugOf(name: string, style: 'lower-case' | 'slug' | undefined): string {
  if (style === 'lower-case') return name.toLowerCase();
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

import { compareStrings, type Corpus } from '../model/corpus.js';
import { periodAround } from '../model/dates.js';
import type { StandardDocument } from '../model/document.js';
import type { CertificateScope } from '../model/scope.js';
import { stateInput, type StateInput } from '../model/state.js';
import type { Process } from '../profile/process.js';
import { buildScopes } from './build-scopes.js';
import { versionLayout, type IndexField, type VersionLayout } from './layout.js';
import type {
  IndexFieldValue,
  IndexNote,
  IndexStandard,
  IndexSupplement,
  IndexSupplementVersion,
  IndexTrack,
  IndexVersion,
  VersionIndex,
} from './model.js';

export const INDEX_SCHEMA_ID = 'https://github.com/SovereignCloudStack/scs-standards/raw/main/schemas/index.schema.json';

export interface BuiltIndex {
  index: VersionIndex;
  notes: IndexNote[];
}

/**
 * Builds the version index of a corpus for `today` under a process whose numbers have versions
 * (`index.versions`), with the certificate scopes given. It reads file names and front matter
 * only (never a document's Markdown body). Proposals (`scs-xxxx`) have no number yet and are
 * left out; so are templates.
 */
export function buildIndex(corpus: Corpus, process: Process, today: string, scopeFiles: readonly CertificateScope[] = []): BuiltIndex {
  const layout = versionLayout(process.profile);
  const notes: IndexNote[] = [];
  const byNumber = new Map<string, { versions: StandardDocument[]; supplements: StandardDocument[] }>();
  const inputs: StateInput[] = [];
  for (const doc of corpus.documents) {
    const name = doc.name;
    if (!name || name.kind === 'proposal' || name.kind === 'template' || name.numeric === undefined) continue;
    if (name.version === undefined) {
      notes.push(note(doc, `Not indexed: \`${doc.fileName}\` has no version number`));
      continue;
    }
    describeUnusable(doc, notes);
    describeBadDates(doc, layout, notes);
    inputs.push(stateInput(layout.reader, doc));
    let group = byNumber.get(name.number);
    if (!group) byNumber.set(name.number, (group = { versions: [], supplements: [] }));
    (name.letter === 'w' ? group.supplements : group.versions).push(doc);
  }

  const standards: IndexStandard[] = [];
  for (const number of [...byNumber.keys()].sort(compareStrings)) {
    const group = byNumber.get(number);
    if (!group) continue;
    const versions = group.versions.sort(byVersion).map((doc) => versionEntry(doc, layout, today));
    const supplements = supplementGroups(group.supplements.sort(byVersion), layout, today);
    const reference = referenceVersion(versions, layout);
    const track = trackOf(number, reference, versions, supplements, layout);
    if (track === undefined) {
      const first = group.versions[0] ?? group.supplements[0];
      if (first) notes.push(note(first, `Not indexed: the track of ${layout.numberId(number)} is unknown (${unknownTrack(layout)})`));
      continue;
    }
    standards.push({
      number,
      id: layout.numberId(number),
      track,
      title: reference?.title ?? supplements[0]?.title ?? null,
      description: reference ? description(group.versions.find((doc) => doc.fileName === reference.file_name)) : null,
      versions,
      supplements,
    });
  }

  const tracks: IndexTrack[] = layout.tracks.map(({ name, slug, digit }) => ({
    name,
    slug,
    digit,
    standards: standards.filter((standard) => standard.track === name).map((standard) => standard.number),
  }));
  const scopes = buildScopes(scopeFiles, corpus, layout, today);
  notes.push(...scopes.notes);
  notes.sort((a, b) => compareStrings(a.relPath, b.relPath) || a.line - b.line || a.column - b.column);
  // Output stays the same as long as no document state and no scope validity changes.
  const period = periodAround([...layout.changeDates(inputs), ...scopes.changeDates], today);
  return {
    index: { $schema: INDEX_SCHEMA_ID, valid_from: period.from ?? null, valid_until: period.until ?? null, tracks, standards, scopes: scopes.scopes },
    notes,
  };
}

/** Why no track is known: no valid track field, and no digit that names one. */
function unknownTrack(layout: VersionLayout): string {
  const field = layout.trackField === undefined ? 'no track' : `no valid \`${layout.trackField}\``;
  return layout.trackDigit === undefined ? field : `${field}, and the number's ${layout.trackDigit} digit names no track`;
}

function byVersion(a: StandardDocument, b: StandardDocument): number {
  return (a.name?.version ?? 0) - (b.name?.version ?? 0) || compareStrings(a.fileName, b.fileName);
}

function versionEntry(doc: StandardDocument, layout: VersionLayout, today: string): IndexVersion {
  const { state, future } = layout.reader.decide(stateInput(layout.reader, doc), today);
  return {
    id: doc.name?.id ?? doc.fileName,
    file_name: doc.fileName,
    version: doc.name?.version ?? 0,
    title: doc.title ?? null,
    type: doc.string(layout.typeField) ?? null,
    status: doc.string(layout.statusField) ?? null,
    track: trackFieldOf(doc, layout),
    ...dates(doc, layout.dates),
    state,
    future,
    ...references(doc, layout.versionReferences),
  };
}

function supplementEntry(doc: StandardDocument, layout: VersionLayout, today: string): IndexSupplementVersion {
  const { state, future } = layout.reader.decide(stateInput(layout.reader, doc), today);
  return {
    id: doc.name?.id ?? doc.fileName,
    file_name: doc.fileName,
    version: doc.name?.version ?? 0,
    title: doc.title ?? null,
    type: doc.string(layout.typeField) ?? null,
    track: trackFieldOf(doc, layout),
    ...dates(doc, layout.stateDates),
    state,
    future,
    ...references(doc, layout.supplementReferences),
  };
}

function trackFieldOf(doc: StandardDocument, layout: VersionLayout): string | null {
  return layout.trackField === undefined ? null : (doc.string(layout.trackField) ?? null);
}

/** The date fields, in order: the date, or null. */
function dates(doc: StandardDocument, fields: readonly IndexField[]): Record<string, IndexFieldValue> {
  return Object.fromEntries(fields.map(({ field }) => [field, doc.date(field) ?? null]));
}

/** The reference fields, in order: the file names each names. */
function references(doc: StandardDocument, fields: readonly IndexField[]): Record<string, IndexFieldValue> {
  return Object.fromEntries(fields.map(({ field }) => [field, names(doc, field)]));
}

function names(doc: StandardDocument, field: string | undefined): string[] {
  return field === undefined ? [] : doc.references(field).map((reference) => reference.name);
}

/**
 * Groups the supplements of one number: versions of one supplement share their slug or name
 * each other in `replaces`. Groups are ordered by their first version.
 */
function supplementGroups(docs: readonly StandardDocument[], layout: VersionLayout, today: string): IndexSupplement[] {
  const parent = docs.map((_, index) => index);
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root] ?? root;
    return root;
  };
  const union = (a: number, b: number): void => {
    const [first, second] = [find(a), find(b)].sort((x, y) => x - y);
    if (first !== undefined && second !== undefined) parent[second] = first;
  };
  docs.forEach((doc, index) => {
    docs.forEach((other, otherIndex) => {
      if (otherIndex <= index) return;
      const sameSlug = doc.name?.slug !== undefined && doc.name.slug === other.name?.slug;
      const linked = names(doc, layout.earlier).includes(other.fileName) || names(other, layout.earlier).includes(doc.fileName);
      if (sameSlug || linked) union(index, otherIndex);
    });
  });
  const groups = new Map<number, IndexSupplementVersion[]>();
  docs.forEach((doc, index) => {
    const entry = supplementEntry(doc, layout, today);
    const root = find(index);
    const list = groups.get(root);
    if (list) list.push(entry);
    else groups.set(root, [entry]);
  });
  return [...groups.keys()]
    .sort((a, b) => a - b)
    .map((root) => {
      const versions = groups.get(root) ?? [];
      const latest = versions[versions.length - 1];
      return { id: versions[0]?.id ?? '', title: latest?.title ?? null, versions };
    });
}

/** The version whose title and description speak for the standard: the latest in force (and in force already), else the latest not decided by its status. */
function referenceVersion(versions: readonly IndexVersion[], layout: VersionLayout): IndexVersion | undefined {
  const latest = (test: (version: IndexVersion) => boolean): IndexVersion | undefined => versions.filter(test).at(-1);
  const ahead = layout.startMark?.mark;
  return (
    latest((version) => version.state === layout.inForce && (ahead === undefined || !version.future.includes(ahead))) ??
    latest((version) => version.state === layout.inForce) ??
    latest((version) => version.state !== layout.byStatus) ??
    versions.at(-1)
  );
}

function trackOf(number: string, reference: IndexVersion | undefined, versions: readonly IndexVersion[], supplements: readonly IndexSupplement[], layout: VersionLayout): string | undefined {
  const known = new Set(layout.tracks.map((track) => track.name));
  const candidates = [reference?.track, ...versions.map((version) => version.track), ...supplements.flatMap((supplement) => supplement.versions.map((version) => version.track))];
  for (const candidate of candidates) if (typeof candidate === 'string' && known.has(candidate)) return candidate;
  return layout.trackOfNumber(number);
}

function description(doc: StandardDocument | undefined): string | null {
  const value = doc?.string('description')?.trim();
  return value ? value : null;
}

function note(doc: StandardDocument, message: string): IndexNote {
  return { relPath: doc.relPath, line: 1, column: 1, message };
}

/** A document whose front matter cannot be read is indexed by its file name alone: say so. */
function describeUnusable(doc: StandardDocument, notes: IndexNote[]): void {
  // Only the front matter matters to the index: a problem later in the file is the linter's business.
  const problem = doc.frontMatter.usable ? undefined : (doc.knownReadProblem ?? doc.frontMatter.problems[0]);
  if (!problem) return;
  const point = doc.source.lines.point(problem.range.start);
  notes.push({
    relPath: doc.relPath,
    line: point.line,
    column: point.column,
    message: `Indexed by its file name only: ${problem.message}`,
  });
}

/** A date field that is not an ISO calendar date counts as missing: say so, where it is written. */
function describeBadDates(doc: StandardDocument, layout: VersionLayout, notes: IndexNote[]): void {
  for (const { field: key } of layout.dates) {
    const field = doc.field(key);
    if (!field || doc.date(key) !== undefined) continue;
    const point = doc.source.lines.point(field.range.start);
    const shown = typeof field.value === 'string' ? `\`${field.value}\`` : 'the value';
    notes.push({ relPath: doc.relPath, line: point.line, column: point.column, message: `\`${key}\`: ${shown} is not a date (YYYY-MM-DD) that exists; the index treats it as missing` });
  }
}

import { VALIDITIES, type Validity } from '../model/scope.js';
import type { IndexEntryBase, IndexPeriod, IndexScopeStandard, IndexScopeVersion, IndexStandard, IndexSupplement, VersionIndex } from './model.js';

/**
 * The symbols of the marks an entry carries, in the order of the marks (`*` stabilized on a day
 * ahead, `†` deprecated on a day ahead, under the `scs` profile; for a scope version: certifiable
 * from a day ahead, no longer certifiable from a day ahead).
 */
export function futureMarks(entry: { readonly future: readonly string[] }, symbols: ReadonlyMap<string, string>): string {
  return [...symbols].map(([mark, symbol]) => (entry.future.includes(mark) ? symbol : '')).join('');
}

/** A date field of an entry (`stabilized_at`): the date, or null when the entry gives none. */
export function dateOf(entry: Readonly<Record<string, unknown>>, field: string | undefined): string | null {
  const value = field === undefined || !Object.hasOwn(entry, field) ? undefined : entry[field];
  return typeof value === 'string' ? value : null;
}

/** A reference field of an entry (`supplements`): the file names it names. */
export function namesOf(entry: Readonly<Record<string, unknown>>, field: string | undefined): string[] {
  const value = field === undefined || !Object.hasOwn(entry, field) ? undefined : entry[field];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** A noun in the plural, as the pages count things (`supplements`). */
export function pluralOf(noun: string): string {
  return /(?:s|x|ch|sh)$/.test(noun) ? `${noun}es` : `${noun}s`;
}

/** `v3` or `w1`. */
export function versionLabel(entry: IndexEntryBase): string {
  return entry.id.split('-').at(-1) ?? entry.id;
}

/** The Docusaurus document id of a version: its file name without `.md`, as the docs site names them. */
export function docId(entry: IndexEntryBase): string {
  return entry.file_name.replace(/\.md$/, '');
}

export function standardTitle(standard: IndexStandard): string {
  return standard.title ?? standard.id;
}

/**
 * A supplement's title as shown below its standard: without the standard's title when it
 * repeats it (`SCS Entropy: Implementation Notes` under *SCS Entropy* is *Implementation Notes*).
 */
export function supplementTitle(standard: IndexStandard, supplement: IndexSupplement): string {
  const title = supplement.title ?? supplement.id;
  const prefix = standard.title;
  if (prefix && title.startsWith(prefix)) {
    const rest = title.slice(prefix.length).replace(/^\s*:?\s*/, '');
    if (rest !== '') return rest;
  }
  return title;
}

/** The docs site's path segment of a track: the slug the index gives it (`iaas`). */
export function trackSlug(index: VersionIndex, track: string): string {
  return index.tracks.find((entry) => entry.name === track)?.slug ?? track.toLowerCase();
}

/** The Docusaurus document id of a standard's page (`iaas/scs-0100`). */
export function standardPageId(index: VersionIndex, standard: IndexStandard): string {
  return `${trackSlug(index, standard.track)}/${standard.id}`;
}

/** The Docusaurus document id of a track's page (`iaas/index`). */
export function trackPageId(index: VersionIndex, track: string): string {
  return `${trackSlug(index, track)}/index`;
}

/**
 * The name of a scope's page, from its file name: without the extension, in lower case, with
 * every run of other characters than letters and digits as one hyphen (`scs-compatible-iaas`).
 */
export function scopeSlug(fileName: string): string {
  const slug = fileName
    .replace(/\.ya?ml$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'scope' : slug;
}

/** The folder of the scope pages, and the Docusaurus document id of their overview. */
export const SCOPES_FOLDER = 'certificate-scopes';
export const SCOPES_PAGE_ID = `${SCOPES_FOLDER}/index`;

/** The Docusaurus document id of a scope's page (`certificate-scopes/scs-compatible-iaas`). */
export function scopePageId(scope: { slug: string }): string {
  return `${SCOPES_FOLDER}/${scope.slug}`;
}

/** The words the pages use for the validities of scope versions: the codes of the scope files, capitalized. */
export const VALIDITY_LABELS: Readonly<Record<Validity, string>> = Object.fromEntries(VALIDITIES.map((validity) => [validity, `${validity.charAt(0).toUpperCase()}${validity.slice(1)}`])) as Record<Validity, string>;
/** The validities in column order: as the scope files list their codes. */
export const VALIDITY_ORDER: readonly Validity[] = VALIDITIES;

/**
 * The periods of a scope version worth showing: from the first in which the timeline gives it
 * another validity than deprecated (before that, the version was not there yet); all of them
 * when it is deprecated throughout.
 */
export function shownPeriods(version: IndexScopeVersion): IndexPeriod[] {
  const first = version.periods.findIndex((period) => period.validity !== 'deprecated');
  return first < 0 ? version.periods : version.periods.slice(first);
}

/** The Docusaurus document id of a scope standard's document, when the standards folder has it. */
export function scopeDocumentId(standard: IndexScopeStandard): string | undefined {
  return standard.document ? standard.document.file_name.replace(/\.md$/, '') : undefined;
}

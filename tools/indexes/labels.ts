import type { Validity } from '../model/scope.js';
import type { FutureMark, State } from '../model/state.js';
import type { IndexEntryBase, IndexPeriod, IndexScopeStandard, IndexScopeVersion, IndexStandard, IndexSupplement } from './model.js';

/** The words every page uses for the states, in column order. */
export const STATE_LABELS: Readonly<Record<State, string>> = {
  draft: 'Draft',
  effective: 'Effective',
  deprecated: 'Deprecated',
  rejected: 'Rejected',
};

export const FUTURE_EFFECTIVE_MARK = '*';
export const FUTURE_DEPRECATED_MARK = '†';

/**
 * The marks of a version: `*` stabilized on a day ahead, `†` deprecated on a day ahead (for a
 * scope version: certifiable from a day ahead, no longer certifiable from a day ahead).
 */
export function futureMarks(entry: { readonly future: readonly FutureMark[] }): string {
  return (entry.future.includes('effective') ? FUTURE_EFFECTIVE_MARK : '') + (entry.future.includes('deprecated') ? FUTURE_DEPRECATED_MARK : '');
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

/** The docs site's path segment of a track: its name in lower case (`iaas`). */
export function trackSlug(track: string): string {
  return track.toLowerCase();
}

/** The Docusaurus document id of a standard's page (`iaas/scs-0100`). */
export function standardPageId(standard: IndexStandard): string {
  return `${trackSlug(standard.track)}/${standard.id}`;
}

/** The Docusaurus document id of a track's page (`iaas/index`). */
export function trackPageId(track: string): string {
  return `${trackSlug(track)}/index`;
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

/** The words the pages use for the validities of scope versions, in column order. */
export const VALIDITY_LABELS: Readonly<Record<Validity, string>> = {
  effective: 'Effective',
  warn: 'Warn',
  draft: 'Draft',
  deprecated: 'Deprecated',
};
export const VALIDITY_ORDER: readonly Validity[] = ['effective', 'warn', 'draft', 'deprecated'];

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

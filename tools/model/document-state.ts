import { compareDates } from './dates.js';

/**
 * The state of a document on a date, as the version index defines it (rule book §5). This is the
 * one place that derives a state from status and dates.
 */
export type DocumentState = 'draft' | 'effective' | 'deprecated' | 'rejected';

export interface StateOnDate {
  state: DocumentState;
  /** Effective, but `stabilized_at` lies after the date. */
  futureEffective: boolean;
  /** Effective, with a `deprecated_at` after the date. */
  futureDeprecated: boolean;
}

/** What the state depends on: a document's status and its date fields (valid ISO dates only). */
export interface StateFacts {
  readonly status: string | undefined;
  date(field: 'stabilized_at' | 'deprecated_at'): string | undefined;
}

/**
 * A document's state on `date` (`YYYY-MM-DD`):
 * - rejected: status Rejected;
 * - deprecated: `deprecated_at` set and not after the date;
 * - draft: no `stabilized_at`;
 * - effective: otherwise (stabilized and not deprecated), marked future effective when
 *   `stabilized_at` lies after the date and future deprecated when `deprecated_at` does.
 */
export function documentStateOn(doc: StateFacts, date: string): StateOnDate {
  const stabilized = doc.date('stabilized_at');
  const deprecated = doc.date('deprecated_at');
  if (doc.status === 'Rejected') return { state: 'rejected', futureEffective: false, futureDeprecated: false };
  if (deprecated !== undefined && compareDates(deprecated, date) <= 0) return { state: 'deprecated', futureEffective: false, futureDeprecated: false };
  if (stabilized === undefined) return { state: 'draft', futureEffective: false, futureDeprecated: false };
  return { state: 'effective', futureEffective: compareDates(stabilized, date) > 0, futureDeprecated: deprecated !== undefined };
}

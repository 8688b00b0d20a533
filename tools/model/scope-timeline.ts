import { compareDates } from './dates.js';
import type { ScopeTimelineEntry, Validity } from './scope.js';
import type { FutureMark } from './state.js';

/**
 * The timeline of a certificate scope as periods. Each entry starts a period on its date that
 * ends just before the next later entry's date, or never. A version's validity in a period is
 * what the entry says, and `deprecated` when the entry does not list it; before the first entry
 * every version is deprecated. This is how the SCS compliance check reads the timeline; it does
 * not depend on the order of the entries in the file.
 */

/** The validity codes under which a version can be certified against. */
export const CERTIFIABLE: ReadonlySet<Validity> = new Set<Validity>(['effective', 'warn']);

export interface TimelinePeriod {
  /** First day of the period. */
  from: string;
  /** First day after the period; undefined when it does not end. */
  until: string | undefined;
  entry: ScopeTimelineEntry;
}

/** A stretch of time in which a version has one validity. */
export interface ValidityPeriod {
  from: string;
  until: string | undefined;
  validity: Validity;
}

/**
 * The periods of a timeline, earliest first. Entries without a valid date are left out; of two
 * entries with the same date, the first in the file counts (the other is reported by a rule).
 */
export function timelinePeriods(timeline: readonly ScopeTimelineEntry[]): TimelinePeriod[] {
  const byDate = new Map<string, ScopeTimelineEntry>();
  for (const entry of timeline) {
    if (entry.date !== undefined && !byDate.has(entry.date)) byDate.set(entry.date, entry);
  }
  const dates = [...byDate.keys()].sort(compareDates);
  return dates.map((from, index) => ({ from, until: dates[index + 1], entry: byDate.get(from) as ScopeTimelineEntry }));
}

function validityIn(entry: ScopeTimelineEntry, version: string): Validity {
  return entry.versions.find((item) => item.version === version)?.validity ?? 'deprecated';
}

/**
 * The validity of a version over time, earliest first, with neighbouring periods of the same
 * validity joined. The time before the first entry (deprecated) is not included.
 */
export function validityPeriods(timeline: readonly ScopeTimelineEntry[], version: string): ValidityPeriod[] {
  const periods: ValidityPeriod[] = [];
  for (const period of timelinePeriods(timeline)) {
    const validity = validityIn(period.entry, version);
    const last = periods[periods.length - 1];
    if (last && last.validity === validity) last.until = period.until;
    else periods.push({ from: period.from, until: period.until, validity });
  }
  return periods;
}

/** The validity of a version on a date (`YYYY-MM-DD`). */
export function validityOn(timeline: readonly ScopeTimelineEntry[], version: string, date: string): Validity {
  let current: ScopeTimelineEntry | undefined;
  for (const period of timelinePeriods(timeline)) {
    if (compareDates(period.from, date) <= 0) current = period.entry;
  }
  return current ? validityIn(current, version) : 'deprecated';
}

/**
 * From the first day a version can be certified against to the first day after the last such
 * period (undefined when it can be certified against without end); undefined when the timeline
 * never lets it be certified against.
 */
export function certifiableSpan(periods: readonly ValidityPeriod[]): { from: string; until: string | undefined } | undefined {
  const certifiable = periods.filter((period) => CERTIFIABLE.has(period.validity));
  const first = certifiable[0];
  const last = certifiable[certifiable.length - 1];
  if (!first || !last) return undefined;
  return { from: first.from, until: last.until };
}

/**
 * The days on which the validity of one of these versions changes, sorted and each once. An
 * entry that gives every version the validity it had already is no change; nor is an entry that
 * lists a version as deprecated before it was anything else (it was deprecated before too).
 */
export function validityChangeDates(timeline: readonly ScopeTimelineEntry[], versions: Iterable<string>): string[] {
  const dates = new Set<string>();
  for (const version of versions) {
    let previous: Validity = 'deprecated';
    for (const period of validityPeriods(timeline, version)) {
      if (period.validity !== previous) dates.add(period.from);
      previous = period.validity;
    }
  }
  return [...dates].sort(compareDates);
}

/**
 * The changes still ahead of a version on a date, marked as the version index marks those of a
 * standard: `effective` when it cannot be certified against on the date but can on a later day;
 * `deprecated` when, on a later day, it stops being certifiable after being so on the date or
 * from a later day on.
 */
export function certificationFuture(periods: readonly ValidityPeriod[], date: string): FutureMark[] {
  const current = periods.find((period) => compareDates(period.from, date) <= 0 && (period.until === undefined || compareDates(date, period.until) < 0));
  const ahead = periods.filter((period) => compareDates(period.from, date) > 0);
  const now = current !== undefined && CERTIFIABLE.has(current.validity);
  const marks: FutureMark[] = [];
  if (!now && ahead.some((period) => CERTIFIABLE.has(period.validity))) marks.push('effective');
  let certifiable = now;
  for (const period of ahead) {
    if (CERTIFIABLE.has(period.validity)) certifiable = true;
    else if (certifiable) {
      marks.push('deprecated');
      break;
    }
  }
  return marks;
}

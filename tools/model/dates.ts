/**
 * The one date logic of the toolkit. Dates are ISO calendar dates (`YYYY-MM-DD`) kept as
 * strings: ISO strings compare correctly, and no time zone can shift them.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a value is an ISO date that exists in the calendar (`2023-02-30` does not). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Negative when `a` is before `b`, zero when equal, positive after. */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Today's date in UTC as `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The number of days from 1970-01-01 to an ISO date (for drawing dates on a scale). */
export function epochDay(date: string): number {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

/** The ISO date `days` days after `date` (before it, when negative). */
export function addDays(date: string, days: number): string {
  return new Date((epochDay(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The period around `today` that no change day falls into: from the last change on or before
 * `today` (undefined when there was none) up to, not including, the first change after it
 * (undefined when none is ahead). The change days need not be sorted.
 */
export function periodAround(changes: Iterable<string>, today: string): { from: string | undefined; until: string | undefined } {
  let from: string | undefined;
  let until: string | undefined;
  for (const date of changes) {
    if (compareDates(date, today) <= 0) {
      if (from === undefined || compareDates(date, from) > 0) from = date;
    } else if (until === undefined || compareDates(date, until) < 0) until = date;
  }
  return { from, until };
}

import { compareDates, periodAround } from '../../tools/model/dates.js';

/**
 * The states of the SCS rule book, written out as the engine decided them before it read the
 * profile: the reference the profile's `index.states`, `index.future` and `index.changeDates`
 * are compared with (test/profile-engine.test.ts).
 *
 * - `rejected`: the status is Rejected (whatever the dates say);
 * - `deprecated`: `deprecated_at` is set and not after `today`;
 * - `draft`: otherwise, when there is no `stabilized_at`;
 * - `effective`: otherwise, marked `effective` while `stabilized_at` lies ahead and
 *   `deprecated` while `deprecated_at` does.
 */
export interface ScsStateInput {
  status: string | undefined;
  stabilizedAt: string | undefined;
  deprecatedAt: string | undefined;
}

export function scsState(input: ScsStateInput, today: string): { state: string; future: string[] } {
  if (input.status === 'Rejected') return { state: 'rejected', future: [] };
  const { stabilizedAt, deprecatedAt } = input;
  if (deprecatedAt !== undefined && compareDates(deprecatedAt, today) <= 0) return { state: 'deprecated', future: [] };
  if (stabilizedAt === undefined) return { state: 'draft', future: [] };
  const future: string[] = [];
  if (compareDates(stabilizedAt, today) > 0) future.push('effective');
  if (deprecatedAt !== undefined) future.push('deprecated');
  return { state: 'effective', future };
}

/** Every `stabilized_at` and `deprecated_at` of a document that is not Rejected, sorted, each once. */
export function scsStateChangeDates(inputs: Iterable<ScsStateInput>): string[] {
  const dates = new Set<string>();
  for (const input of inputs) {
    if (input.status === 'Rejected') continue;
    if (input.stabilizedAt !== undefined) dates.add(input.stabilizedAt);
    if (input.deprecatedAt !== undefined) dates.add(input.deprecatedAt);
  }
  return [...dates].sort(compareDates);
}

export function scsStatePeriod(inputs: Iterable<ScsStateInput>, today: string): { from: string | undefined; until: string | undefined } {
  return periodAround(scsStateChangeDates(inputs), today);
}

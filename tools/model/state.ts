import { compareDates, periodAround } from './dates.js';
import type { StandardDocument } from './document.js';

/**
 * The one state logic of the toolkit: where a document stands on a given day, computed from its
 * status and dates. The version index, the lifecycle checks and every other part that needs to
 * know whether a version is in force ask this module.
 *
 * - `rejected`: the status is Rejected (whatever the dates say);
 * - `deprecated`: `deprecated_at` is set and not after `today`;
 * - `draft`: otherwise, when there is no `stabilized_at`;
 * - `effective`: otherwise (stabilized and not deprecated). An effective version is marked
 *   *future effective* while `stabilized_at` lies after `today`, and *future deprecated* while
 *   `deprecated_at` lies after `today`.
 *
 * A version is in exactly one state. A deprecation date that has passed wins over a missing
 * `stabilized_at`, so a document is never both a draft and deprecated.
 */

export const STATES = ['draft', 'effective', 'deprecated', 'rejected'] as const;
export type State = (typeof STATES)[number];

/** The changes still ahead of an effective version, in the order they happen. */
export const FUTURE_MARKS = ['effective', 'deprecated'] as const;
export type FutureMark = (typeof FUTURE_MARKS)[number];

/** What the state depends on: the status and the two dates, as ISO strings. */
export interface StateInput {
  status: string | undefined;
  stabilizedAt: string | undefined;
  deprecatedAt: string | undefined;
}

export interface ComputedState {
  state: State;
  /** `effective`: stabilized on a day after `today`; `deprecated`: deprecated on a day after `today`. */
  future: FutureMark[];
}

/** The state of a version on `today` (an ISO date). */
export function computeState(input: StateInput, today: string): ComputedState {
  if (input.status === 'Rejected') return { state: 'rejected', future: [] };
  const { stabilizedAt, deprecatedAt } = input;
  if (deprecatedAt !== undefined && compareDates(deprecatedAt, today) <= 0) return { state: 'deprecated', future: [] };
  if (stabilizedAt === undefined) return { state: 'draft', future: [] };
  const future: FutureMark[] = [];
  if (compareDates(stabilizedAt, today) > 0) future.push('effective');
  if (deprecatedAt !== undefined) future.push('deprecated');
  return { state: 'effective', future };
}

/** The state inputs of a document, read from its front matter (dates that are not ISO dates count as missing). */
export function stateInput(doc: StandardDocument): StateInput {
  return { status: doc.status, stabilizedAt: doc.date('stabilized_at'), deprecatedAt: doc.date('deprecated_at') };
}

/** The state of a document on `today`. */
export function documentState(doc: StandardDocument, today: string): ComputedState {
  return computeState(stateInput(doc), today);
}

/**
 * The days on which some state of these inputs changes: every `stabilized_at` and
 * `deprecated_at` of a document that is not Rejected. Between two such days every state and
 * every future mark stays the same.
 */
export function stateChangeDates(inputs: Iterable<StateInput>): string[] {
  const dates = new Set<string>();
  for (const input of inputs) {
    if (input.status === 'Rejected') continue;
    if (input.stabilizedAt !== undefined) dates.add(input.stabilizedAt);
    if (input.deprecatedAt !== undefined) dates.add(input.deprecatedAt);
  }
  return [...dates].sort(compareDates);
}

/**
 * The period around `today` in which the states of these inputs stay as they are on `today`:
 * from the last change on or before `today` (undefined when there was none) up to, not
 * including, the next change after it (undefined when none is ahead).
 */
export function statePeriod(inputs: Iterable<StateInput>, today: string): { from: string | undefined; until: string | undefined } {
  return periodAround(stateChangeDates(inputs), today);
}

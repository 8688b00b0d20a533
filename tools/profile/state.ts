import { compareDates, periodAround } from '../model/dates.js';
import type { Profile } from './types.js';

/**
 * The state of a document on a day, from a profile's `index.states` (tried in order; the first
 * whose condition holds) and `index.future` marks: what `tools/model/state.ts` decides for SCS
 * from the status and the two dates.
 */
export interface ProfileStateInput {
  readonly status: string | undefined;
  /** The document's date fields that hold valid ISO dates, by field. */
  readonly dates: Readonly<Record<string, string | undefined>>;
}

export interface ProfileComputedState {
  readonly state: string;
  readonly future: string[];
}

function dateOf(input: ProfileStateInput, field: string): string | undefined {
  return Object.hasOwn(input.dates, field) ? input.dates[field] : undefined;
}

/** The state of `input` on `today` (an ISO date). */
export function profileState(profile: Profile, input: ProfileStateInput, today: string): ProfileComputedState {
  const states = profile.index.states;
  const found = states.find(({ when }) => {
    if (!when) return true;
    if (when.status && (input.status === undefined || !when.status.includes(input.status))) return false;
    if (when.reached !== undefined) {
      const date = dateOf(input, when.reached);
      if (date === undefined || compareDates(date, today) > 0) return false;
    }
    if (when.missing !== undefined && dateOf(input, when.missing) !== undefined) return false;
    return true;
  });
  // The schema and `checkProfile` make the last state unconditional, so one always holds.
  const state = found?.state ?? states[states.length - 1]?.state ?? '';
  const future = (profile.index.future ?? [])
    .filter((mark) => {
      if (!mark.states.includes(state)) return false;
      const date = dateOf(input, mark.field);
      return date !== undefined && compareDates(date, today) > 0;
    })
    .map((mark) => mark.mark);
  return { state, future };
}

/** The days on which some state of these inputs changes (`index.changeDates`), sorted. */
export function profileStateChangeDates(profile: Profile, inputs: Iterable<ProfileStateInput>): string[] {
  const changes = profile.index.changeDates;
  if (!changes) return [];
  const dates = new Set<string>();
  for (const input of inputs) {
    if (input.status !== undefined && changes.exceptStatuses?.includes(input.status)) continue;
    for (const field of changes.fields) {
      const date = dateOf(input, field);
      if (date !== undefined) dates.add(date);
    }
  }
  return [...dates].sort(compareDates);
}

/** The period around `today` in which every state stays as it is on `today`. */
export function profileStatePeriod(profile: Profile, inputs: Iterable<ProfileStateInput>, today: string): { from: string | undefined; until: string | undefined } {
  return periodAround(profileStateChangeDates(profile, inputs), today);
}

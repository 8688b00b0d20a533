import type { Profile, ProfileDate, ProfileStatus, ProfileTransition } from './types.js';

/**
 * Where the statuses of a profile stand in its lifecycle, read from `statuses` and `transitions`:
 * the `frozen` statuses (SCS Stable, EIP Final), the statuses that follow them (SCS Deprecated),
 * those that lead to them (SCS Draft), the dates a transition into a status sets, and the end a
 * document takes instead of being deleted. The lifecycle rules ask these questions instead of
 * naming statuses and date fields.
 */

/** The statuses whose documents take no edits that could change what they require (`frozen`). */
export function frozenStatuses(profile: Profile): string[] {
  return profile.statuses.values.filter((status) => status.frozen === true).map((status) => status.name);
}

/** The statuses a chain of transitions leads to from any of `from`, those of `from` excluded, in the profile's order. */
export function statusesAfter(profile: Profile, from: readonly string[]): string[] {
  const reached = new Set<string>();
  const queue = [...from];
  for (let status = queue.shift(); status !== undefined; status = queue.shift()) {
    for (const transition of profile.transitions) {
      if (transition.from !== status || reached.has(transition.to)) continue;
      reached.add(transition.to);
      queue.push(transition.to);
    }
  }
  return inOrder(profile, reached, from);
}

/** The statuses from which a chain of transitions leads to any of `to`, those of `to` excluded, in the profile's order. */
export function statusesBefore(profile: Profile, to: readonly string[]): string[] {
  const reached = new Set<string>();
  const queue = [...to];
  for (let status = queue.shift(); status !== undefined; status = queue.shift()) {
    for (const transition of profile.transitions) {
      if (transition.to !== status || transition.from === 'new' || reached.has(transition.from)) continue;
      reached.add(transition.from);
      queue.push(transition.from);
    }
  }
  return inOrder(profile, reached, to);
}

function inOrder(profile: Profile, statuses: ReadonlySet<string>, without: readonly string[]): string[] {
  return profile.statuses.values.map((status) => status.name).filter((name) => statuses.has(name) && !without.includes(name));
}

/** The date fields that the transitions into `status` set, in the order the transitions give them. */
export function datesEntering(profile: Profile, status: string): string[] {
  const fields: string[] = [];
  for (const transition of profile.transitions) {
    if (transition.to !== status) continue;
    for (const field of transition.sets) if (!fields.includes(field)) fields.push(field);
  }
  return fields;
}

/** The statuses whose transitions in set the date `field`, in the profile's order. */
export function statusesSetting(profile: Profile, field: string): string[] {
  const setting = new Set(profile.transitions.filter((transition) => transition.sets.includes(field)).map((transition) => transition.to));
  return inOrder(profile, setting, []);
}

/**
 * How a document in `status` ends instead of being deleted: the transitions from it to a
 * `terminal` status that is no `stub` (SCS: a Draft is Rejected, a Stable document Deprecated).
 */
export function endings(profile: Profile, status: string): ProfileTransition[] {
  const ends = new Set(profile.statuses.values.filter((entry) => entry.terminal === true && entry.stub !== true).map((entry) => entry.name));
  return profile.transitions.filter((transition) => transition.from === status && ends.has(transition.to));
}

/** The profile's entry of a status. */
export function statusEntry(profile: Profile, name: string | undefined): ProfileStatus | undefined {
  return name === undefined ? undefined : profile.statuses.values.find((status) => status.name === name);
}

/** The profile's entry of a date field. */
export function dateEntry(profile: Profile, field: string): ProfileDate | undefined {
  return profile.dates?.find((date) => date.field === field);
}

/**
 * What a change did to a document it put in `status`, after "had": the status's `participle`
 * (`deprecated it`), else `made it <status>`.
 */
export function madeIt(profile: Profile, status: string): string {
  const participle = statusEntry(profile, status)?.participle;
  return participle === undefined ? `made it ${status}` : `${participle} it`;
}

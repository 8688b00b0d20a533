import type { Profile, ProfileTransition } from './types.js';
import { orList } from '../model/words.js';

/**
 * The lifecycle of a profile: whether a document may change from one status to another, with the
 * transition that allows it (and so the date fields the change sets). The same decision and
 * wording as `checkTransition` in `tools/model/lifecycle.ts`, from the profile's `transitions`.
 */
export type ProfileTransitionCheck = { ok: true; transition: ProfileTransition | undefined } | { ok: false; reason: string };

/** Whether a document of `type` may go from `from` (a status or `new`) to `to`; staying is always allowed. */
export function checkProfileTransition(profile: Profile, from: string, to: string, type: string | undefined): ProfileTransitionCheck {
  const transitions = profile.transitions;
  if (from === to) return { ok: true, transition: undefined };
  const applies = (transition: ProfileTransition): boolean => !transition.types || (type !== undefined && transition.types.includes(type));
  const candidates = transitions.filter((transition) => transition.from === from && transition.to === to);
  const allowed = candidates.find(applies);
  if (allowed) return { ok: true, transition: allowed };
  const legal = transitions.filter((transition) => transition.from === from && applies(transition)).map((transition) => transition.to);
  const start = from === 'new' ? 'A new document' : `A ${from} document`;
  const limited = candidates[0]?.types;
  if (limited) return { ok: false, reason: `${start} may become ${to} only if it is a ${orList(limited)}, not a ${type ?? 'document without type'}` };
  const options = legal.length > 0 ? `it may only become ${orList(legal)}` : 'it stays as it is (no way back)';
  return { ok: false, reason: `${start} cannot become ${to}: ${options}` };
}

import type { DateField, Status } from './scs-rulebook.js';

/**
 * The lifecycle of the SCS rule book as the engine had it in code before it read profiles: the
 * table of legal status transitions and the decision on a change of status, with its wording.
 * The engine decides from the profile's `transitions` (tools/profile/lifecycle.ts);
 * test/profile-engine.test.ts compares the two for every pair of statuses and every type.
 */
export interface Transition {
  /** `new` for a document that does not exist in the base. */
  from: Status | 'new';
  to: Status;
  /** The date fields the transition sets (in the same change). */
  sets: readonly DateField[];
  /** Document types the transition is limited to; all types when omitted. */
  types?: readonly string[];
}

export const TRANSITIONS: readonly Transition[] = [
  { from: 'new', to: 'Draft', sets: [] },
  { from: 'new', to: 'Stable', sets: ['stabilized_at'], types: ['Decision Record'] },
  { from: 'Draft', to: 'Stable', sets: ['stabilized_at'] },
  { from: 'Draft', to: 'Rejected', sets: ['rejected_at'] },
  { from: 'Stable', to: 'Deprecated', sets: ['deprecated_at'] },
];

export type TransitionCheck = { ok: true; transition: Transition | undefined } | { ok: false; reason: string };

/**
 * Whether a document of `type` may go from `from` to `to`. Staying in the same status is always
 * allowed (the transition is undefined then).
 */
export function checkTransition(from: Status | 'new', to: string, type: string | undefined): TransitionCheck {
  if (from === to) return { ok: true, transition: undefined };
  const candidates = TRANSITIONS.filter((transition) => transition.from === from && transition.to === to);
  const allowed = candidates.find((transition) => !transition.types || (type !== undefined && transition.types.includes(type)));
  if (allowed) return { ok: true, transition: allowed };
  const legal = TRANSITIONS.filter((transition) => transition.from === from && (!transition.types || (type !== undefined && transition.types.includes(type))))
    .map((transition) => transition.to);
  const start = from === 'new' ? 'A new document' : `A ${from} document`;
  const limited = candidates[0]?.types;
  if (limited) return { ok: false, reason: `${start} may become ${to} only if it is a ${limited.join(' or ')}, not a ${type ?? 'document without type'}` };
  const options = legal.length > 0 ? `it may only become ${legal.join(' or ')}` : 'it stays as it is (no way back)';
  return { ok: false, reason: `${start} cannot become ${to}: ${options}` };
}

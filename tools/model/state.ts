import type { StandardDocument } from './document.js';

/**
 * The state of a document on a given day, as the version index and the certificate scopes show
 * it: one of the states of the profile (`index.states`), tried in order, with the marks of what
 * lies ahead (`index.future`). This module reads what a state depends on from a document; the
 * profile's rule that decides it (`profileState` in `tools/profile/state.ts`) is passed in as a
 * `StateReader`, so that the model holds no process of its own.
 */

/** A state of the profile (`effective`). */
export type State = string;
/** A mark of a change still ahead (`effective`: takes effect on a later day). */
export type FutureMark = string;

export interface ComputedState {
  state: State;
  future: FutureMark[];
}

/** What the state depends on: the status, and the date fields the states read (valid ISO dates only). */
export interface StateInput {
  readonly status: string | undefined;
  readonly dates: Readonly<Record<string, string | undefined>>;
}

/** How the state of a document is read: the field of its status, the date fields the states read, and the rule that decides. */
export interface StateReader {
  readonly statusField: string;
  /** The date fields the states, their marks and their changes read, in the profile's order. */
  readonly dateFields: readonly string[];
  decide(input: StateInput, today: string): ComputedState;
}

/** The state inputs of a document, read from its front matter (dates that are not ISO dates count as missing). */
export function stateInput(reader: StateReader, doc: StandardDocument): StateInput {
  const dates: Record<string, string | undefined> = {};
  for (const field of reader.dateFields) dates[field] = doc.date(field);
  return { status: doc.string(reader.statusField), dates };
}

/** The state of a document on `today`. */
export function documentState(reader: StateReader, doc: StandardDocument, today: string): ComputedState {
  return reader.decide(stateInput(reader, doc), today);
}

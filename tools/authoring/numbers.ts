import type { Corpus } from '../model/corpus.js';
import { nextNumber, trackRange } from '../model/numbers.js';
import { TRACK_BY_DIGIT } from '../model/profile.js';
import { AuthoringError } from './workspace.js';

/**
 * The document numbers that are taken. Today these are the numbers of the documents in the
 * folder; a caller that knows more (for example the numbers on the base branch of a change) adds
 * them to the set before choosing.
 */
export function usedNumbers(corpus: Corpus): Set<string> {
  return new Set(corpus.numbers());
}

/**
 * The number a proposal gets on acceptance: the one asked for, if it belongs to the track and is
 * free, or else the next unused one of the track (`nextNumber`, which the rule
 * `lifecycle-number-assignment` names in its messages too).
 */
export function chooseNumber(trackDigit: string, used: ReadonlySet<string>, requested?: string): string {
  const track = TRACK_BY_DIGIT[trackDigit] ?? trackDigit;
  if (requested !== undefined) {
    if (!/^[0-9]{4}$/.test(requested)) throw new AuthoringError(`--number \`${requested}\` is not a document number: expected four digits such as 0${trackDigit}07`);
    if (requested.charAt(1) !== trackDigit) {
      const other = TRACK_BY_DIGIT[requested.charAt(1)];
      throw new AuthoringError(
        `--number ${requested} is not in the ${track} track: its second digit ${requested.charAt(1)} names ${other ? `the ${other} track` : 'no track'}, expected ${trackDigit} (${trackRange(trackDigit)})`,
      );
    }
    if (Number(requested) === 0) throw new AuthoringError('--number 0000 is not a document number: numbers start at 0001');
    if (used.has(requested)) throw new AuthoringError(`--number ${requested} is taken: a document with this number exists`);
    return requested;
  }
  const next = nextNumber(trackDigit, used);
  if (next === undefined) throw new AuthoringError(`No free number is left in the ${track} track`);
  return next;
}

import type { Corpus } from '../model/corpus.js';
import { nextNumberOf, trackOfNumber } from '../profile/tracks.js';
import type { Profile } from '../profile/types.js';
import { AuthoringError } from './workspace.js';

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const COUNTS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/**
 * The document numbers that are taken. Today these are the numbers of the documents in the
 * folder; a caller that knows more (for example the numbers on the base branch of a change) adds
 * them to the set before choosing.
 */
export function usedNumbers(corpus: Corpus): Set<string> {
  return new Set(corpus.numbers());
}

/** The digit that names `track` where the profile's numbers name tracks by a digit (`numbers.tracks.byDigit`). */
export function digitOfTrack(profile: Profile, track: string): string | undefined {
  const tracks = profile.numbers.tracks;
  if (!tracks || !('byDigit' in tracks)) return undefined;
  return Object.entries(tracks.byDigit.digits).find(([, name]) => name === track)?.[0];
}

/** A number of the profile's width with `digit` where the track digit stands and `rest` elsewhere (`x1xx`). */
function withDigit(profile: Profile, position: number, digit: string, rest: string): string {
  return Array.from({ length: profile.numbers.width ?? position + 1 }, (_, index) => (index === position ? digit : rest)).join('');
}

/**
 * The number a proposal of `track` gets on acceptance: the one asked for, if it has the form of
 * the profile's numbers (`numbers.format`), belongs to the track, is not below `numbers.min` and
 * is free, or else the next unused one of the track (`nextNumberOf`, as the rule
 * `lifecycle-number-assignment` computes it for its messages).
 */
export function chooseNumber(profile: Profile, track: string, used: ReadonlySet<string>, requested?: string): string {
  const tracks = profile.numbers.tracks;
  const byDigit = tracks && 'byDigit' in tracks ? tracks.byDigit : undefined;
  const digit = digitOfTrack(profile, track);
  if (requested !== undefined) {
    if (!new RegExp(profile.numbers.format).test(requested)) {
      const width = profile.numbers.width;
      const example = byDigit && digit !== undefined && width !== undefined ? `${withDigit(profile, byDigit.position, digit, '0').slice(0, -1)}7` : undefined;
      const expected = width !== undefined && example !== undefined ? `${COUNTS[width] ?? width} digits such as ${example}` : `a number that matches ${profile.numbers.format}`;
      throw new AuthoringError(`--number \`${requested}\` is not a document number: expected ${expected}`);
    }
    const own = trackOfNumber(profile, requested);
    if (own !== track) {
      if (byDigit && digit !== undefined) {
        const which = `${ORDINALS[byDigit.position] ?? `${byDigit.position + 1}th`} digit`;
        const written = requested.charAt(byDigit.position);
        throw new AuthoringError(
          `--number ${requested} is not in the ${track} track: its ${which} ${written} names ${own !== undefined ? `the ${own} track` : 'no track'}, expected ${digit} (${withDigit(profile, byDigit.position, digit, 'x')})`,
        );
      }
      throw new AuthoringError(`--number ${requested} is not in the ${track} track: it names ${own !== undefined ? `the ${own} track` : 'no track'}`);
    }
    const min = profile.numbers.min;
    if (min !== undefined && Number(requested) < min) {
      throw new AuthoringError(`--number ${requested} is not a document number: numbers start at ${String(min).padStart(profile.numbers.width ?? 0, '0')}`);
    }
    if (used.has(requested)) throw new AuthoringError(`--number ${requested} is taken: a document with this number exists`);
    return requested;
  }
  const next = nextNumberOf(profile, track, used);
  if (next === undefined) throw new AuthoringError(`No free number is left in the ${track} track`);
  return next;
}

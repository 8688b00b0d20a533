import type { Profile } from './types.js';

/**
 * Numbers and tracks from a profile: the track a number names (by one of its digits or by a
 * range), and the number a new document of a track gets, as `tools/model/numbers.ts` computes
 * them for the digit of SCS.
 */

/** The track a number (as written) names; undefined when the profile's numbers name no track, or this one none. */
export function trackOfNumber(profile: Profile, number: string): string | undefined {
  const tracks = profile.numbers.tracks;
  if (!tracks) return undefined;
  if ('byDigit' in tracks) {
    const digit = number.charAt(tracks.byDigit.position);
    return /^[0-9]$/.test(digit) && Object.hasOwn(tracks.byDigit.digits, digit) ? tracks.byDigit.digits[digit] : undefined;
  }
  if (!/^[0-9]+$/.test(number)) return undefined;
  const value = Number(number);
  return tracks.byRange.find((range) => value >= range.from && value <= range.to)?.track;
}

/** The numbers a profile can write: every integer from `min` up to the largest of its width. */
function candidates(profile: Profile): { first: number; last: number } {
  const width = profile.numbers.width;
  return { first: profile.numbers.min ?? 0, last: width === undefined ? Number.MAX_SAFE_INTEGER : 10 ** width - 1 };
}

function written(profile: Profile, value: number): string {
  return profile.numbers.width === undefined ? String(value) : String(value).padStart(profile.numbers.width, '0');
}

/**
 * The number a new document of `track` gets under `next-in-track` assignment: the next one
 * after the highest taken number of the track, skipping taken ones, or the first of the track
 * when none is taken. Undefined when no number of the track is left, or when the profile's
 * numbers name no track.
 */
export function nextNumberOf(profile: Profile, track: string, taken: Iterable<string>): string | undefined {
  // Without a width the numbers of a digit never end: no next number can be said to be left.
  if (!profile.numbers.tracks || ('byDigit' in profile.numbers.tracks && profile.numbers.width === undefined)) return undefined;
  const format = new RegExp(profile.numbers.format);
  const used = new Set(taken);
  const { first, last } = candidates(profile);
  let highest = -1;
  for (const number of used) {
    if (format.test(number) && trackOfNumber(profile, number) === track && Number(number) > highest) highest = Number(number);
  }
  const tracks = profile.numbers.tracks;
  const limit = 'byRange' in tracks ? Math.min(last, Math.max(...tracks.byRange.filter((range) => range.track === track).map((range) => range.to), -1)) : last;
  for (let candidate = Math.max(highest + 1, first); candidate <= limit; candidate++) {
    const number = written(profile, candidate);
    if (trackOfNumber(profile, number) === track && !used.has(number)) return number;
  }
  return undefined;
}

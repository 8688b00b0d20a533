/**
 * Document numbers and their tracks: the second digit of a number names the track, so the
 * numbers of IaaS are `0100` to `0199`, then `1100` to `1199`, and so on (`x1xx`). This is the one
 * place that says which number a new document gets, for `accept` and for the rule
 * `lifecycle-number-assignment` alike.
 */

/** The numbers of a track as a pattern: `x1xx` for IaaS. */
export function trackRange(trackDigit: string): string {
  return `x${trackDigit}xx`;
}

/**
 * The number a new document of a track gets: the next one after the highest number of the track
 * that is taken, skipping taken ones (`0103` after `0102`; after `0199` comes `1100`), or the
 * first of the track when none is taken (`0001` for Global, `0100` for IaaS). Numbers of rejected
 * and deprecated documents stay taken. Undefined when no number of the track is left.
 */
export function nextNumber(trackDigit: string, taken: Iterable<string>): string | undefined {
  const used = new Set(taken);
  let highest = -1;
  for (const number of used) {
    if (/^[0-9]{4}$/.test(number) && number.charAt(1) === trackDigit && Number(number) > highest) highest = Number(number);
  }
  for (let candidate = Math.max(highest + 1, 1); candidate <= 9999; candidate++) {
    const number = String(candidate).padStart(4, '0');
    if (number.charAt(1) === trackDigit && !used.has(number)) return number;
  }
  return undefined;
}

import { defineRule } from './rule.js';

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** The digit and the track of each digit are the profile's (`numbers.tracks.byDigit`); the field is `tracks.field`. */
export default defineRule({
  meta: {
    description: 'The track in the front matter matches the track that a digit of the document number names, where the profile\'s numbers name tracks by a digit (`numbers.tracks.byDigit`).',
    severity: 'error',
    scope: 'document',
    defaultOptions: undefined,
  },
  check({ doc, process, report }) {
    const { tracks, numbers } = process.profile;
    const byDigit = numbers.tracks && 'byDigit' in numbers.tracks ? numbers.tracks.byDigit : undefined;
    const name = doc.name;
    if (!tracks || !byDigit || !name) return;
    const digit = name.number.charAt(byDigit.position);
    if (!/^[0-9]$/.test(digit)) return;
    const which = `${ORDINALS[byDigit.position] ?? `${byDigit.position + 1}th`} digit`;
    const expected = Object.hasOwn(byDigit.digits, digit) ? byDigit.digits[digit] : undefined;
    const track = doc.field(tracks.field);
    if (expected === undefined) {
      const digits = Object.entries(byDigit.digits)
        .map(([key, value]) => `${key} ${value}`)
        .join(', ');
      report({
        message: `Unexpected number \`${name.number}\`: its ${which} ${digit} names no track (${digits})`,
        range: track?.range,
      });
      return;
    }
    if (!track || typeof track.value !== 'string') return;
    if (track.value !== expected) {
      report({
        message: `Unexpected track \`${track.value}\` for number \`${name.number}\`, expected \`${expected}\` (${which} ${digit})`,
        range: track.range,
      });
    }
  },
});

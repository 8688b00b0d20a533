import { TRACK_BY_DIGIT } from '../model/profile.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'The `track` in the front matter matches the second digit of the document number.',
    severity: 'error',
    scope: 'document',
    defaultOptions: undefined,
  },
  check({ doc, report }) {
    const name = doc.name;
    const digit = name?.trackDigit;
    if (!name || digit === undefined) return;
    const expected = TRACK_BY_DIGIT[digit];
    const track = doc.field('track');
    if (expected === undefined) {
      const digits = Object.entries(TRACK_BY_DIGIT)
        .map(([key, value]) => `${key} ${value}`)
        .join(', ');
      report({
        message: `Unexpected number \`${name.number}\`: its second digit ${digit} names no track (${digits})`,
        range: track?.range,
      });
      return;
    }
    if (!track || typeof track.value !== 'string') return;
    if (track.value !== expected) {
      report({
        message: `Unexpected track \`${track.value}\` for number \`${name.number}\`, expected \`${expected}\` (second digit ${digit})`,
        range: track.range,
      });
    }
  },
});

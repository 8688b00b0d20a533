import { trackOfNumber } from '../profile/tracks.js';
import { defineRule } from './rule.js';

/** The field is the profile's `tracks.field`; a profile whose `tracks.consistent` is false turns the rule off. */
export default defineRule({
  meta: {
    description: 'All documents of one number, its versions and its supplement files, share one track (unless the profile\'s `tracks.consistent` is false).',
    severity: 'error',
    scope: 'corpus',
    defaultOptions: undefined,
  },
  check({ doc, corpus, process, report }) {
    const { tracks, numbers } = process.profile;
    if (!tracks || tracks.consistent === false) return;
    const name = doc.name;
    const track = doc.field(tracks.field);
    if (!name || name.numeric === undefined || !track || typeof track.value !== 'string') return;
    // Where a digit of the number names a track, `track-matches-number` already says which side is wrong.
    if (numbers.tracks && 'byDigit' in numbers.tracks && trackOfNumber(process.profile, name.number) !== undefined) return;
    const differing = corpus.byNumber(name.number).flatMap((other) => {
      const theirs = other.string(tracks.field);
      return other !== doc && theirs !== undefined && theirs !== track.value ? [{ other, theirs }] : [];
    });
    if (differing.length === 0) return;
    const list = differing.map(({ other, theirs }) => `\`${other.fileName}\` (${theirs})`).join(', ');
    report({
      message: `Track \`${track.value}\` differs from other versions of \`${name.number}\`: ${list}; one number has one track`,
      range: track.range,
    });
  },
});

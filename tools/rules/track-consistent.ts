import { TRACK_BY_DIGIT } from '../model/profile.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'All versions and supplements of one number share one track.',
    severity: 'error',
    scope: 'corpus',
    defaultOptions: undefined,
  },
  check({ doc, corpus, report }) {
    const name = doc.name;
    const track = doc.field('track');
    if (!name || name.numeric === undefined || !track || typeof track.value !== 'string') return;
    // Where the number names a track, `track-matches-number` already says which side is wrong.
    if (name.trackDigit !== undefined && TRACK_BY_DIGIT[name.trackDigit] !== undefined) return;
    const differing = corpus
      .byNumber(name.number)
      .filter((other) => other !== doc && other.track !== undefined && other.track !== track.value);
    if (differing.length === 0) return;
    const list = differing.map((other) => `\`${other.fileName}\` (${other.track ?? ''})`).join(', ');
    report({
      message: `Track \`${track.value}\` differs from other versions of \`${name.number}\`: ${list}; one number has one track`,
      range: track.range,
    });
  },
});

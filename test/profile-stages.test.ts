import { describe, expect, test } from 'vitest';
import { loadProfile } from '../tools/profile/load.js';
import { datesEntering, endings, frozenStatuses, madeIt, statusesAfter, statusesBefore, statusesSetting } from '../tools/profile/stages.js';

describe('the stages of a profile', () => {
  const scs = loadProfile('scs').profile;
  const eip = loadProfile('eip').profile;

  test('scs: Stable is frozen, Deprecated follows it, Draft leads to it', () => {
    expect(frozenStatuses(scs)).toEqual(['Stable']);
    expect(statusesAfter(scs, ['Stable'])).toEqual(['Deprecated']);
    expect(statusesBefore(scs, ['Stable'])).toEqual(['Draft']);
    expect(statusesAfter(scs, ['Draft'])).toEqual(['Stable', 'Deprecated', 'Rejected']);
    expect(datesEntering(scs, 'Stable')).toEqual(['stabilized_at']);
    expect(datesEntering(scs, 'Draft')).toEqual([]);
    expect(statusesSetting(scs, 'deprecated_at')).toEqual(['Deprecated']);
    expect(endings(scs, 'Draft').map((transition) => transition.to)).toEqual(['Rejected']);
    expect(endings(scs, 'Stable').map((transition) => transition.to)).toEqual(['Deprecated']);
    expect(endings(scs, 'Deprecated')).toEqual([]);
    expect(madeIt(scs, 'Deprecated')).toBe('deprecated it');
    expect(madeIt(scs, 'Stable')).toBe('made it Stable');
  });

  test('eip: Final is frozen and only the Moved stub follows it, which is no ending instead of a deletion', () => {
    expect(frozenStatuses(eip)).toEqual(['Final']);
    expect(statusesAfter(eip, ['Final'])).toEqual(['Moved']);
    expect(statusesBefore(eip, ['Final'])).toEqual(['Draft', 'Review', 'Last Call', 'Stagnant']);
    expect(datesEntering(eip, 'Last Call')).toEqual(['last-call-deadline']);
    expect(endings(eip, 'Draft')).toEqual([]);
    expect(endings(eip, 'Living')).toEqual([]);
  });
});

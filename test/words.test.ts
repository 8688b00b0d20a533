import { describe, expect, test } from 'vitest';
import { orList } from '../tools/model/words.js';

describe('orList', () => {
  test('says one, two and more alternatives as a sentence does', () => {
    expect(orList([])).toBe('');
    expect(orList(['Stable'])).toBe('Stable');
    expect(orList(['Stable', 'Rejected'])).toBe('Stable or Rejected');
    expect(orList(['Review', 'Stagnant', 'Withdrawn', 'Moved'])).toBe('Review, Stagnant, Withdrawn or Moved');
  });
});

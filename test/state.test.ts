import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { StandardDocument } from '../tools/model/document.js';
import { versionLayout } from '../tools/indexes/layout.js';
import { documentState, type ComputedState, type StateInput } from '../tools/model/state.js';
import { loadProfile } from '../tools/profile/load.js';
import { profileState, profileStateChangeDates, profileStatePeriod } from '../tools/profile/state.js';
import { frontMatter } from './helpers/documents.js';

/** The states of the rule book are those of the scs profile (`index.states`, `index.future`, `index.changeDates`). */
const scs = loadProfile('scs').profile;
const reader = versionLayout(scs).reader;
const TODAY = '2026-11-27';

function input(status: string | undefined, stabilizedAt?: string, deprecatedAt?: string): StateInput {
  return { status, dates: { stabilized_at: stabilizedAt, deprecated_at: deprecatedAt } };
}

function computeState(given: StateInput, today: string): ComputedState {
  return profileState(scs, given, today);
}

function statePeriod(inputs: Iterable<StateInput>, today: string): { from: string | undefined; until: string | undefined } {
  return profileStatePeriod(scs, inputs, today);
}

describe('the states of the rule book, under the scs profile', () => {
  test.each([
    ['a Draft without dates is a draft', input('Draft'), 'draft', []],
    ['a Supplement without dates is a draft', input(undefined), 'draft', []],
    ['a Stable document stabilized in the past is effective', input('Stable', '2024-01-01'), 'effective', []],
    ['stabilized today is effective, not future', input('Stable', TODAY), 'effective', []],
    ['stabilized tomorrow is effective, marked future effective', input('Stable', '2026-11-28'), 'effective', ['effective']],
    ['deprecated today is deprecated', input('Deprecated', '2024-01-01', TODAY), 'deprecated', []],
    ['deprecated in the past is deprecated', input('Deprecated', '2024-01-01', '2025-01-01'), 'deprecated', []],
    ['deprecated tomorrow is effective, marked future deprecated', input('Deprecated', '2024-01-01', '2026-11-28'), 'effective', ['deprecated']],
    ['both dates ahead: both marks, in order', input('Deprecated', '2027-01-01', '2028-01-01'), 'effective', ['effective', 'deprecated']],
    ['Rejected is its own state, never a draft', input('Rejected'), 'rejected', []],
    ['Rejected wins over dates', input('Rejected', '2024-01-01', '2025-01-01'), 'rejected', []],
    ['a passed deprecation without stabilization is deprecated only, not also a draft', input('Deprecated', undefined, '2025-01-01'), 'deprecated', []],
    ['a deprecation ahead without stabilization is still a draft', input('Draft', undefined, '2027-01-01'), 'draft', []],
    ['the status does not override the dates (a Stable document with a passed deprecation date)', input('Stable', '2024-01-01', '2025-01-01'), 'deprecated', []],
  ])('%s', (_name, given, state, future) => {
    expect(computeState(given, TODAY)).toEqual({ state, future });
  });

  const date = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((value) => value.toISOString().slice(0, 10));
  const inputs = fc
    .record({
      status: fc.constantFrom(undefined, 'Draft', 'Stable', 'Deprecated', 'Rejected'),
      stabilizedAt: fc.option(date, { nil: undefined }),
      deprecatedAt: fc.option(date, { nil: undefined }),
    })
    .map(({ status, stabilizedAt, deprecatedAt }) => input(status, stabilizedAt, deprecatedAt));

  test('every version is in exactly one state, and marks only effective versions', () => {
    fc.assert(
      fc.property(inputs, date, (given, today) => {
        const { state, future } = computeState(given, today);
        if (state !== 'effective') expect(future).toEqual([]);
        const { stabilized_at: stabilizedAt, deprecated_at: deprecatedAt } = given.dates;
        if (future.includes('effective')) expect(stabilizedAt! > today).toBe(true);
        if (future.includes('deprecated')) expect(deprecatedAt! > today).toBe(true);
        if (state === 'draft') expect(stabilizedAt).toBeUndefined();
        if (state === 'deprecated') expect(deprecatedAt! <= today).toBe(true);
      }),
    );
  });

  test('states stay the same for every day of the period around today', () => {
    fc.assert(
      fc.property(fc.array(inputs, { maxLength: 6 }), date, date, (all, today, other) => {
        const { from, until } = statePeriod(all, today);
        const inside = (from === undefined || other >= from) && (until === undefined || other < until);
        if (inside) for (const given of all) expect(computeState(given, other)).toEqual(computeState(given, today));
      }),
    );
  });
});

describe('state change dates and periods', () => {
  const all = [input('Stable', '2024-01-01'), input('Deprecated', '2023-01-01', '2027-03-01'), input('Rejected', '2020-01-01'), input('Draft')];
  test('change dates are sorted, unique, and skip Rejected documents', () => {
    expect(profileStateChangeDates(scs, [...all, input('Stable', '2024-01-01')])).toEqual(['2023-01-01', '2024-01-01', '2027-03-01']);
  });
  test('the period runs from the last change up to the next', () => {
    expect(statePeriod(all, TODAY)).toEqual({ from: '2024-01-01', until: '2027-03-01' });
    expect(statePeriod(all, '2024-01-01')).toEqual({ from: '2024-01-01', until: '2027-03-01' });
    expect(statePeriod(all, '2022-12-31')).toEqual({ from: undefined, until: '2023-01-01' });
    expect(statePeriod(all, '2030-01-01')).toEqual({ from: '2027-03-01', until: undefined });
  });
});

describe('documentState', () => {
  test('reads status and dates from the front matter, quoted or not', () => {
    const text = `${frontMatter({ title: 'T', type: 'Standard', status: 'Deprecated', track: 'IaaS', stabilized_at: '"2023-01-01"', deprecated_at: '2027-01-01' })}\n# T\n`;
    const doc = StandardDocument.fromText('/x/scs-0100-v1-t.md', 'scs-0100-v1-t.md', 'scs-0100-v1-t.md', text);
    expect(documentState(reader, doc, TODAY)).toEqual({ state: 'effective', future: ['deprecated'] });
    expect(documentState(reader, doc, '2027-01-01')).toEqual({ state: 'deprecated', future: [] });
    expect(doc.hasBody).toBe(false);
  });
  test('a date that is not a calendar date counts as missing', () => {
    const text = `${frontMatter({ title: 'T', type: 'Standard', status: 'Stable', track: 'IaaS', stabilized_at: '2023-02-30' })}\n# T\n`;
    const doc = StandardDocument.fromText('/x/scs-0100-v1-t.md', 'scs-0100-v1-t.md', 'scs-0100-v1-t.md', text);
    expect(documentState(reader, doc, TODAY)).toEqual({ state: 'draft', future: [] });
  });
});

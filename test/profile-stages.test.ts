import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadProfile } from '../tools/profile/load.js';
import { datesEntering, endings, frozenStatuses, madeIt, statusesAfter, statusesBefore, statusesSetting } from '../tools/profile/stages.js';
import type { Profile } from '../tools/profile/types.js';
import { rulesById } from '../tools/rules/index.js';
import type { Rule } from '../tools/rules/rule.js';
import { lintChangeCase } from './helpers/change.js';
import { lintHistoryCase } from './helpers/history.js';
import { goldenLines, lintFolder } from './helpers/lint.js';

const ROOT = join(import.meta.dirname, '..');
const FIXTURES = join(import.meta.dirname, 'fixtures', 'rules');

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

/**
 * The rules read their facts from the profile: the same fixtures, linted with a copy of the
 * `scs` profile that lacks a fact or words it otherwise, report otherwise.
 */
describe('rules under a changed scs profile', () => {
  const folder = mkdtempSync(join(tmpdir(), 'profile-stages-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  let made = 0;

  /** A copy of the scs profile, changed, in a file of its own; its schemas stay the shipped ones. */
  function variant(change: (profile: Mutable<Profile>) => void): { profile: string } {
    const profile = JSON.parse(readFileSync(join(ROOT, 'profiles', 'scs', 'profile.json'), 'utf8')) as Mutable<Profile>;
    profile.frontMatter.schema = join(ROOT, 'schemas', 'front-matter.schema.json');
    if (profile.certificateScopes) profile.certificateScopes.schema = join(ROOT, 'schemas', 'certificate-scope.schema.json');
    change(profile);
    const file = join(folder, `profile-${made++}.json`);
    writeFileSync(file, JSON.stringify(profile));
    return { profile: file };
  }

  function rule(id: string): Rule[] {
    const found = rulesById.get(id);
    if (!found) throw new Error(`no rule ${id}`);
    return [found];
  }

  const status = (profile: Mutable<Profile>, name: string) => {
    const found = profile.statuses.values.find((entry) => entry.name === name);
    if (!found) throw new Error(`no status ${name}`);
    return found;
  };

  const messages = (lines: string): string[] => lines.split('\n').filter(Boolean).map((line) => line.slice(line.indexOf(' ', line.indexOf(' ') + 1) + 1));

  test('a profile that allows deletions reports none', async () => {
    const config = variant((profile) => {
      if (profile.lifecycle) profile.lifecycle.deletion = 'allowed';
    });
    const { commits } = await lintChangeCase(join(FIXTURES, 'lifecycle-no-deletion', 'not-ok-deleted'), rule('lifecycle-no-deletion'), config);
    expect(goldenLines(commits)).toBe('');
  });

  test('a status that is not frozen takes body edits, and its leftovers of the template only warn', async () => {
    const config = variant((profile) => {
      delete status(profile, 'Stable').frozen;
    });
    const { commits } = await lintChangeCase(join(FIXTURES, 'lifecycle-stable-body-edit', 'not-ok-stable-body-edited'), rule('lifecycle-stable-body-edit'), config);
    expect(goldenLines(commits)).toBe('');
    const placeholders = goldenLines(lintFolder(join(FIXTURES, 'template-placeholder', 'not-ok-stable-keeps-template-text'), rule('template-placeholder'), config));
    expect(placeholders).not.toBe('');
    expect(placeholders).not.toContain(' error ');
  });

  test('a date that is not immutable may change, one without `notBefore` may lie before the other', async () => {
    const config = variant((profile) => {
      for (const date of profile.dates ?? []) {
        delete date.immutable;
        delete date.notBefore;
      }
    });
    const { commits } = await lintChangeCase(join(FIXTURES, 'lifecycle-stabilized-at-unchanged', 'not-ok-changed-or-removed'), rule('lifecycle-stabilized-at-unchanged'), config);
    expect(goldenLines(commits)).toBe('');
    expect(goldenLines(lintFolder(join(FIXTURES, 'deprecated-after-stabilized', 'not-ok-deprecated-before-stabilized'), rule('deprecated-after-stabilized'), config))).toBe('');
  });

  test('without reasons and nouns for the dates, a status gets the statuses that may carry them', () => {
    const config = variant((profile) => {
      for (const entry of profile.statuses.values) delete entry.dateReasons;
      const rejected = profile.dates?.find((date) => date.field === 'rejected_at');
      if (rejected) delete rejected.noun;
    });
    const found = goldenLines(lintFolder(join(FIXTURES, 'front-matter-status-dates', 'not-ok-dates-of-other-statuses'), rule('front-matter-status-dates'), config));
    expect(messages(found)).toEqual([
      'front-matter-status-dates Unexpected `stabilized_at` on a Draft document: only a Stable or Deprecated document has a stabilization date',
      'front-matter-status-dates Unexpected `deprecated_at` on a Stable document: only a Deprecated document has a deprecation date',
      'front-matter-status-dates Unexpected `stabilized_at` on a Rejected document: only a Stable or Deprecated document has a stabilization date',
    ]);
    const others = goldenLines(lintFolder(join(FIXTURES, 'front-matter-status-dates', 'not-ok-dates-only-one-status-has'), rule('front-matter-status-dates'), config));
    expect(messages(others)).toContain('front-matter-status-dates Unexpected `rejected_at` on a Draft document: only a Rejected document has it');
  });

  test('a proposal has the status the profile gives it, and any version when the profile names none', () => {
    const config = variant((profile) => {
      if (profile.lifecycle) profile.lifecycle.proposal = { status: 'Stable' };
    });
    const found = goldenLines(lintFolder(join(FIXTURES, 'proposal-draft-v1', 'not-ok-proposal-versions-and-status'), rule('proposal-draft-v1'), config));
    expect(messages(found)).toEqual([
      'proposal-draft-v1 Unexpected status `Draft` for a proposal, expected `Stable`: a proposal stays a Stable until it is accepted and gets its number',
      'proposal-draft-v1 Unexpected proposal number in supplement `scs-xxxx-w1-gpu-flavors-notes.md`: a supplement uses the number of the document it extends',
    ]);
  });

  test('a deprecation without a participle reads as becoming Deprecated, in the history as being made so', async () => {
    const config = variant((profile) => {
      delete status(profile, 'Deprecated').participle;
    });
    expect(messages(goldenLines(lintFolder(join(FIXTURES, 'deprecated-after-stabilized', 'not-ok-deprecated-before-stabilized'), rule('deprecated-after-stabilized'), config)))).toEqual([
      'deprecated-after-stabilized `deprecated_at` 2023-05-31 is before `stabilized_at` 2023-06-14: a document becomes Deprecated after it became Stable',
    ]);
    const history = goldenLines(await lintHistoryCase(join(FIXTURES, 'history-once-stable', 'not-ok-back-and-forth'), rule('history-once-stable'), config));
    expect(history).toContain('had made it Deprecated: a Deprecated document never comes back');
  });

  test('conformance tests are asked for on entering the status the type names, with the words of the profile', async () => {
    const config = variant((profile) => {
      const standard = profile.types.values.find((type) => type.name === 'Standard');
      if (standard) standard.entering = { Stable: { sections: ['Conformance Tests', 'Motivation'], orSupplementMatching: '\\bchecks?\\b' } };
    });
    const { commits } = await lintChangeCase(join(FIXTURES, 'lifecycle-conformance-tests', 'not-ok-rejected-made-stable'), rule('lifecycle-conformance-tests'), config);
    expect(messages(goldenLines(commits))).toEqual([
      'lifecycle-conformance-tests Missing conformance tests for a Standard that becomes Stable: describe them in a `## Conformance Tests` section with content, or in a supplement whose slug, title or a heading matches `\\bchecks?\\b`',
    ]);
    const none = variant((profile) => {
      for (const type of profile.types.values) delete type.entering;
    });
    const quiet = await lintChangeCase(join(FIXTURES, 'lifecycle-conformance-tests', 'not-ok-no-tests'), rule('lifecycle-conformance-tests'), none);
    expect(goldenLines(quiet.commits)).toBe('');
  });

  test('the history checks the dates the transitions set, and the documents that were in a frozen status', async () => {
    const config = variant((profile) => {
      for (const transition of profile.transitions) if (transition.to === 'Stable') transition.sets = [];
    });
    const dates = goldenLines(await lintHistoryCase(join(FIXTURES, 'history-dates-match-commits', 'not-ok-backdated'), rule('history-dates-match-commits'), config));
    expect(dates).not.toContain('stabilized_at');
    expect(dates).toContain('`deprecated_at: 2024-07-01` lies 153 days before commit');
    const unfrozen = variant((profile) => {
      delete status(profile, 'Stable').frozen;
    });
    expect(goldenLines(await lintHistoryCase(join(FIXTURES, 'history-stable-not-deleted', 'not-ok-deleted'), rule('history-stable-not-deleted'), unfrozen))).toBe('');
    expect(goldenLines(await lintHistoryCase(join(FIXTURES, 'history-once-stable', 'not-ok-back-and-forth'), rule('history-once-stable'), unfrozen))).toBe('');
  });

  test('a stable scope version includes the statuses the profile makes includable', () => {
    const config = variant((profile) => {
      if (profile.certificateScopes) profile.certificateScopes.includable = ['Stable'];
    });
    const found = goldenLines(lintFolder(join(FIXTURES, 'scope-includes-stable', 'not-ok-unfit-standards'), rule('scope-includes-stable'), config));
    expect(found).toContain('Stable version `v1` includes `scs-0104-v1`, which is Deprecated: a stable version includes only Stable standards');
  });

  test('a scope version without the date field of the profile is named by what the date says', () => {
    const config = variant((profile) => {
      if (profile.certificateScopes) delete profile.certificateScopes.versionDate;
    });
    const found = goldenLines(lintFolder(join(FIXTURES, 'scope-timeline', 'not-ok-inconsistent-dates'), rule('scope-timeline'), config));
    expect(found).toContain('but it has no stabilization date: only a stable version can be certified against');
    expect(found).toContain('before its stabilization date 2024-06-15');
  });
});

/** A profile that a test may change. */
type Mutable<T> = T extends readonly (infer U)[] ? Mutable<U>[] : T extends object ? { -readonly [K in keyof T]: Mutable<T[K]> } : T;

import { RENAMED_WORDS, renamedScsProfile } from './helpers/renamed-profile.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { rulesById } from '../tools/rules/index.js';
import type { Rule } from '../tools/rules/rule.js';
import { lintChangeCase } from './helpers/change.js';
import { writeFiles } from './helpers/git.js';
import { goldenLines, lintFolder } from './helpers/lint.js';

/**
 * The rules of reference fields, file kinds and tracks take every word from the profile: run
 * under a copy of the `scs` profile whose fields, statuses, supplement type, file names, track
 * field and track digit are all renamed, they report in the new words and nothing of the old.
 */
const WORDS = RENAMED_WORDS;

function renamedProfile(): string {
  return renamedScsProfile(WORDS);
}

const made: string[] = [];
afterAll(() => {
  for (const folder of made) rmSync(folder, { recursive: true, force: true });
});

function folder(files: Record<string, string>): { root: string; profile: string } {
  const root = mkdtempSync(join(tmpdir(), 'scs-profile-rules-'));
  const outside = mkdtempSync(join(tmpdir(), 'scs-profile-rules-profile-'));
  made.push(root, outside);
  const profile = join(outside, 'profile.json');
  writeFileSync(profile, renamedProfile());
  writeFiles(root, files);
  return { root, profile };
}

function doc(fields: Record<string, string | string[]>): string {
  const lines = Object.entries(fields).map(([key, value]) => (Array.isArray(value) ? `${key}:\n${value.map((entry) => `  - ${entry}`).join('\n')}` : `${key}: ${value}`));
  return `---\ntitle: Example\n${lines.join('\n')}\n---\n\n## Introduction\n\nText.\n`;
}

function only(...ids: string[]): Rule[] {
  return ids.map((id) => {
    const rule = rulesById.get(id);
    if (!rule) throw new Error(`no rule ${id}`);
    return rule;
  });
}

/** A folder of documents written in the words of the renamed profile. */
const CORPUS: Record<string, string> = {
  'std-0010-v1-x.md': doc({ type: 'Standard', status: 'Retired', area: 'IaaS', stabilized_at: '2024-01-01', deprecated_at: '2024-06-01' }),
  'std-0010-v2-x.md': doc({ type: 'Standard', status: 'Current', area: 'IaaS', stabilized_at: '2024-06-01', supersedes: ['std-0010-v1-x.md'] }),
  'std-0010-v3-x.md': doc({ type: 'Standard', status: 'Draft', area: 'IaaS', supersedes: ['std-0010-v2-x.md', 'std-0011-v1-y.md', 'std-0010-v3-x.md'] }),
  'std-0010-w1-x.md': doc({ type: 'Standard', area: 'IaaS', annexes: ['std-0011-v1-y.md'] }),
  'std-0011-v1-y.md': doc({ type: 'Annex', area: 'IaaS' }),
  'std-0011-v2-y.md': `---\ntitle: Example\ntype: Standard\nstatus: Draft\narea: KaaS\nannexes: std-0011-v1-y.md\n---\n\nText.\n`,
  'std-0020-v1-r.md': doc({ type: 'Standard', status: 'Retired', area: 'KaaS', superseded_by: ['std-0020-v2-r.md'] }),
  'std-0020-v2-r.md': doc({ type: 'Standard', status: 'Current', area: 'KaaS' }),
  'std-0030-v1-c.md': doc({ type: 'Standard', status: 'Retired', area: 'IAM' }),
  'std-0030-v2-c.md': doc({ type: 'Standard', status: 'Retired', area: 'IAM', supersedes: ['std-0030-v1-c.md'], superseded_by: ['std-0030-v3-c.md'] }),
  'std-0030-v3-c.md': doc({ type: 'Standard', status: 'Current', area: 'IAM', supersedes: ['std-0030-v2-c.md'] }),
  'std-0060-v1-z.md': doc({ type: 'Standard', status: 'Draft', area: 'Ops' }),
  'std-0060-v2-z.md': doc({ type: 'Standard', status: 'Draft', area: 'IAM', supersedes: ['std-0060-v1-z.md'] }),
};

/** The findings, one line each, without position and severity. */
function lines(results: Parameters<typeof goldenLines>[0]): string[] {
  return goldenLines(results).split('\n').filter(Boolean).map((line) => line.replace(/:\d+:\d+-\d+:\d+ (?:error|warning)/, ''));
}

describe('rules under a profile with other words', () => {
  test('tracks: the field, the digit and the track of each digit', () => {
    const { root, profile } = folder(CORPUS);
    expect(lines(lintFolder(root, only('track-matches-number', 'track-consistent'), { profile }))).toEqual([
      'std-0011-v2-y.md track-matches-number Unexpected track `KaaS` for number `0011`, expected `IaaS` (third digit 1)',
      'std-0060-v1-z.md track-consistent Track `Ops` differs from other versions of `0060`: `std-0060-v2-z.md` (IAM); one number has one track',
      'std-0060-v1-z.md track-matches-number Unexpected number `0060`: its third digit 6 names no track (0 Global, 1 IaaS, 2 KaaS, 3 IAM, 4 Ops, 5 Scopes)',
      'std-0060-v2-z.md track-consistent Track `IAM` differs from other versions of `0060`: `std-0060-v1-z.md` (Ops); one number has one track',
      'std-0060-v2-z.md track-matches-number Unexpected number `0060`: its third digit 6 names no track (0 Global, 1 IaaS, 2 KaaS, 3 IAM, 4 Ops, 5 Scopes)',
    ]);
  });

  test('references and supplements: fields, statuses, the supplement type and the ids', () => {
    const { root, profile } = folder(CORPUS);
    expect((JSON.parse(readFileSync(profile, 'utf8')) as { fileNames: { id: { number?: string } } }).fileNames.id.number).toBe('std-{number}');
    const rules = only('replaces-reciprocal', 'replaces-required', 'replaces-earlier-version', 'supplement-number', 'type-matches-file-name', 'no-self-reference', 'front-matter-list-style');
    expect(lines(lintFolder(root, rules, { profile }))).toEqual([
      'std-0010-v1-x.md replaces-reciprocal `std-0010-v2-x.md` supersedes this Retired document, but `superseded_by` does not name it',
      'std-0010-v3-x.md replaces-earlier-version Unexpected `std-0011-v1-y.md` in `supersedes`: it has number `0011`, expected an earlier version of `std-0010`',
      'std-0010-v3-x.md no-self-reference Unexpected self-reference: `supersedes` names this document itself',
      'std-0010-w1-x.md type-matches-file-name Unexpected type `Standard` for `std-0010-w1`: a file named `w1` is a supplement, expected `Annex` (or rename it to `v1`)',
      'std-0010-w1-x.md supplement-number Unexpected `std-0011-v1-y.md` in `annexes`: a supplement carries the number of what it extends, expected `std-0010-v...`',
      'std-0011-v1-y.md type-matches-file-name Unexpected type `Annex` for `std-0011-v1`: supplements are named with `w` (`std-0011-w1-...`), not `v`',
      'std-0011-v2-y.md replaces-required Missing `supersedes`: version 2 must name the version it supersedes (`std-0011-v1-...`)',
      'std-0011-v2-y.md front-matter-list-style `annexes` is written as a single file name, expected a list (`annexes:` followed by `  - std-0011-v1-y.md`)',
      'std-0020-v2-r.md replaces-reciprocal `std-0020-v1-r.md` names this document in `superseded_by`, but `supersedes` does not name it',
      'std-0020-v2-r.md replaces-required Missing `supersedes`: version 2 must name the version it supersedes (`std-0020-v1-...`)',
      'std-0030-v1-c.md replaces-reciprocal `std-0030-v2-c.md` supersedes this Retired document, but `superseded_by` names neither it nor `std-0030-v3-c.md`, the Current document that supersedes it in turn',
    ]);
  });

  test('a change: predecessors and the documents that replace them', async () => {
    const current = (area: string, extra: Record<string, string | string[]> = {}): string => doc({ type: 'Standard', status: 'Current', area, stabilized_at: '2024-01-01', ...extra });
    const base = {
      'std-0010-v1-x.md': current('IaaS'),
      'std-0030-v1-q.md': current('IAM'),
    };
    const { root, profile } = folder({
      ...Object.fromEntries(Object.entries(base).map(([name, text]) => [`base/${name}`, text])),
      'head/std-0010-v1-x.md': `${current('IaaS')}\nMore text.\n`,
      'head/std-0010-v2-x.md': doc({ type: 'Standard', status: 'Draft', area: 'IaaS', supersedes: ['std-0010-v1-x.md', 'std-0099-v1-gone.md'] }),
      'head/std-0030-v1-q.md': current('IAM', { status: 'Retired', deprecated_at: '2025-01-01', superseded_by: ['std-0031-v1-new.md'] }),
      'head/std-0031-v1-new.md': doc({ type: 'Standard', status: 'Draft', area: 'IAM' }),
      'head/std-0040-v2-a.md': doc({ type: 'Standard', status: 'Draft', area: 'Ops', supersedes: ['std-0040-v1-a.md'] }),
    });
    const rules = only('lifecycle-replaces-predecessor', 'lifecycle-predecessor-untouched', 'lifecycle-replaced-by-stable');
    const { commits } = await lintChangeCase(root, rules, { profile });
    expect(lines(commits)).toEqual([
      'std-0010-v1-x.md lifecycle-predecessor-untouched This change adds `std-0010-v2-x.md` and also modifies its predecessor: leave `std-0010-v1-x.md` as it is, and deprecate it in a later change, once its successor is Current',
      'std-0010-v2-x.md lifecycle-replaces-predecessor `supersedes` names `std-0099-v1-gone.md`, which is not in the base: a new version supersedes documents that exist before the change (the latest is `std-0010-v1-x.md`)',
      'std-0030-v1-q.md lifecycle-replaced-by-stable `superseded_by` names `std-0031-v1-new.md`, which is Draft, new in this change: a document is replaced only by a Current one (deprecate this document once its replacement is Current)',
      'std-0040-v2-a.md lifecycle-replaces-predecessor No earlier version of `std-0040` exists in the base: a new major version supersedes a document that exists before the change',
    ]);
  });
});

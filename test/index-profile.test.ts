import { renamedScsProfile, type RenamedProfile } from './helpers/renamed-profile.js';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { frontMatter } from './helpers/documents.js';
import { writeFiles } from './helpers/git.js';
import { runMain } from './helpers/cli.js';

/**
 * The version index takes every word from the profile: under a copy of the `scs` profile whose
 * statuses, date and reference fields, state labels, mark symbols, supplement type, tracks,
 * track field, track digit and file names are all renamed, its data has the new keys and its
 * pages the new words, and none of the old field and type names.
 */
const WORDS: Record<string, string> = {
  stabilized_at: 'in_force_from',
  deprecated_at: 'retired_from',
  rejected_at: 'declined_on',
  replaces: 'supersedes',
  replaced_by: 'superseded_by',
  supplements: 'annexes',
  Supplement: 'Annex',
  Draft: 'Open',
  Stable: 'Current',
  Deprecated: 'Retired',
  Rejected: 'Declined',
  Global: 'Common',
  IaaS: 'Compute',
};
const TODAY = '2026-11-27';

interface Renamed extends RenamedProfile {
  dates: { field: string; label?: string; noun?: string }[];
  statuses: { values: { name: string; participle?: string }[] };
  index: { groupBy: string[]; states: { state: string; label: string }[]; future: { mark: string; symbol?: string }[] };
}

function renamedProfile(): string {
  return renamedScsProfile<Renamed>(WORDS, (profile) => {
    const labels: Record<string, string> = { in_force_from: 'In force', retired_from: 'Retired on', declined_on: 'Declined on' };
    const nouns: Record<string, string> = { in_force_from: 'start date', retired_from: 'retirement date', declined_on: 'decline date' };
    for (const date of profile.dates) {
      date.label = labels[date.field] ?? date.field;
      date.noun = nouns[date.field] ?? date.field;
    }
    for (const status of profile.statuses.values) if (status.participle !== undefined) status.participle = status.name.toLowerCase();
    for (const state of profile.index.states) state.label = `${state.label} state`;
    const symbols: Record<string, string> = { effective: '+', deprecated: '!' };
    for (const mark of profile.index.future) mark.symbol = symbols[mark.mark] ?? '';
  });
}

const made: string[] = [];
afterAll(() => {
  for (const folder of made) rmSync(folder, { recursive: true, force: true });
});

function listFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

function corpus(): string {
  const root = mkdtempSync(join(tmpdir(), 'scs-index-profile-'));
  const outside = mkdtempSync(join(tmpdir(), 'scs-index-profile-profile-'));
  made.push(root, outside);
  const profile = join(outside, 'profile.json');
  writeFileSync(profile, renamedProfile());
  writeFileSync(join(root, '.scs-standards.json'), `${JSON.stringify({ profile, scopes: [] })}\n`);
  const body = '\n# Text\n\nText.\n';
  writeFiles(root, {
    'Standards/std-0110-v1-flavors.md': `${frontMatter({ title: 'Flavors', type: 'Standard', status: 'Retired', area: 'Compute', in_force_from: '2024-01-01', retired_from: '2027-01-01', superseded_by: ['std-0110-v2-flavors.md'] })}${body}`,
    'Standards/std-0110-v2-flavors.md': `${frontMatter({ title: 'Flavors', type: 'Standard', status: 'Current', area: 'Compute', in_force_from: '2027-02-01', supersedes: ['std-0110-v1-flavors.md'] })}${body}`,
    'Standards/std-0110-w1-flavors-notes.md': `${frontMatter({ title: '"Flavors: Notes"', type: 'Annex', area: 'Compute', annexes: ['std-0110-v1-flavors.md'] })}${body}`,
    'Standards/std-0100-v1-process.md': `${frontMatter({ title: 'Process', type: 'Procedural', status: 'Declined', area: 'Common', declined_on: '2025-03-01' })}${body}`,
    'Standards/std-0120-v1-open.md': `${frontMatter({ title: 'Open one', type: 'Standard', status: 'Open', area: 'Nowhere' })}${body}`,
  });
  return root;
}

describe('the version index of a renamed profile', () => {
  const root = corpus();

  test('its data has the keys of the profile, its ids and tracks', async () => {
    const result = await runMain(['index', '--today', TODAY, '--format', 'json'], root);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout) as {
      tracks: { name: string; slug: string; digit: string; standards: string[] }[];
      standards: { id: string; track: string; versions: Record<string, unknown>[]; supplements: { versions: Record<string, unknown>[] }[] }[];
    };
    expect(data.tracks.slice(0, 2)).toEqual([
      { name: 'Common', slug: 'common', digit: '0', standards: ['0100'] },
      { name: 'Compute', slug: 'compute', digit: '1', standards: ['0110'] },
    ]);
    // A track field the profile does not know: the third digit (position 2) names the track.
    expect(data.standards.map((standard) => [standard.id, standard.track])).toEqual([
      ['std-0100', 'Common'],
      ['std-0110', 'Compute'],
      ['std-0120', 'KaaS'],
    ]);
    const flavors = data.standards[1];
    expect(Object.keys(flavors?.versions[0] ?? {})).toEqual(['id', 'file_name', 'version', 'title', 'type', 'status', 'track', 'in_force_from', 'retired_from', 'declined_on', 'state', 'future', 'supersedes', 'superseded_by']);
    expect(flavors?.versions.map((version) => [version.id, version.state, version.future])).toEqual([
      ['std-0110-v1', 'effective', ['deprecated']],
      ['std-0110-v2', 'effective', ['effective']],
    ]);
    expect(flavors?.supplements[0]?.versions[0]).toMatchObject({ id: 'std-0110-w1', type: 'Annex', in_force_from: null, retired_from: null, state: 'draft', supersedes: [], annexes: ['std-0110-v1-flavors.md'] });
    expect(Object.keys(flavors?.supplements[0]?.versions[0] ?? {})).toEqual(['id', 'file_name', 'version', 'title', 'type', 'track', 'in_force_from', 'retired_from', 'state', 'future', 'supersedes', 'annexes']);
    expect(data.standards[0]?.versions[0]).toMatchObject({ status: 'Declined', declined_on: '2025-03-01', state: 'rejected' });
  });

  test('its pages name the profile\'s labels, marks, fields and types, and none of the old ones', async () => {
    const out = mkdtempSync(join(tmpdir(), 'scs-index-profile-out-'));
    made.push(out);
    const result = await runMain(['index', '--today', TODAY, '--out', out], root);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const page = (path: string): string => readFileSync(join(out, path), 'utf8');
    const standardPage = page('compute/std-0110.md');
    expect(standardPage).toContain('| Version | Type | Status | State | In force | Retired on | Declined on |');
    expect(standardPage).toContain('| [std-0110-v1](/standards/std-0110-v1-flavors) | Standard | Retired | Effective state\\! | 2024-01-01 | 2027-01-01 | - |');
    expect(standardPage).toContain('| [std-0110-v2](/standards/std-0110-v2-flavors) | Standard | Current | Effective state\\+ | 2027-02-01 | - | - |');
    expect(standardPage).toContain('## Annex: Notes');
    expect(standardPage).toContain('| Version | State | In force | Retired on | Supplements |');
    expect(standardPage).toContain('- **Open state**: not stabilized yet (no `in_force_from`); the document may still change.');
    expect(standardPage).toContain('- **Retired state**: its `retired_from` date has come: no longer in force.');
    expect(standardPage).toContain('- **Declined state**: the document was declined and never took effect.');
    expect(standardPage).toContain('  A version marked \\+ is stabilized on a day still ahead and takes effect then;\n  a version marked \\! has a deprecation date still ahead');
    const overview = page('standards/overview.mdx');
    expect(overview).toContain('| Standard | Track | Description | Open state | Effective state | Retired state | Declined state |');
    expect(overview).toContain('The third digit of a document number names its track; annexes (informative notes that extend a document) are listed below the document they extend.');
    expect(overview).toContain('|  |  | Annex: Notes | [w1](/standards/std-0110-w1-flavors-notes) | - | - | - |');
    expect(page('compute/index.md')).toContain('The documents of the Compute track: their numbers have 1 as third digit.');
    const html = page('index.html');
    expect(html).toContain('<th scope="col" class="draft">Open state</th><th scope="col" class="effective">Effective state</th><th scope="col" class="deprecated">Retired state</th><th scope="col" class="rejected">Declined state</th>');
    expect(html).toContain('title="std-0110-v2-flavors.md · status Current · stabilized 2027-02-01 · takes effect on its start date"');
    expect(html).toContain('<td class="title">Annex: Notes</td>');
    expect(html).toMatch(/<text class="note rejected" [^>]*>declined<\/text>/);
    expect(html).toContain('<sup>+</sup> takes effect on a start date still ahead; <sup>!</sup> has a retirement date still ahead.');
    expect(html).toContain('<p class="totals">4 versions of 3 standards; 1 version of 1 annex.</p>');
    // A page of the profile's names that the index no longer writes is removed: the index owns it.
    rmSync(join(root, 'Standards', 'std-0120-v1-open.md'));
    const again = await runMain(['index', '--today', TODAY, '--out', out], root);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/, 2 removed\n$/);
    expect(listFiles(out).map((path) => relative(out, path)).filter((path) => path.startsWith('kaas/'))).toEqual([]);
    // The page script reads the index's own key of supplement groups; nothing else names an old word.
    const texts = listFiles(out).map((path) => [relative(out, path), readFileSync(path, 'utf8').replace('standard.supplements.forEach', '')] as const);
    for (const [path, text] of texts) {
      for (const word of ['stabilized_at', 'deprecated_at', 'rejected_at', 'replaced_by', 'Supplement:', 'scs-0', 'IaaS', 'Global']) expect(text.includes(word), `${path} names ${word}`).toBe(false);
    }
  });
});

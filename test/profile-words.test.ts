import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

/**
 * The meta test of the profiles: tools/ names no word of a shipped profile (its tracks, types,
 * categories, statuses, sections, date and reference fields, approval groups, file-name starts),
 * as scripts/profile-words.mjs finds them in string literals. What tools/ still names is listed
 * here, file by file, with the number of lines: a new line fails (take the word from the
 * profile instead), and so does a file that holds fewer than listed (shrink the list with it).
 * The list is the work left (docs/profiles.md); the goal is an empty one.
 */
const LEFT: readonly (readonly [string, number])[] = [];

function wordLines(...args: string[]): { profiles: string[]; hits: { file: string; line: number; words: string[] }[] } {
  const run = spawnSync(process.execPath, [join(import.meta.dirname, '..', 'scripts', 'profile-words.mjs'), '--format', 'json', ...args], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as { profiles: string[]; hits: { file: string; line: number; words: string[] }[] };
}

describe('the words of the shipped profiles in tools/', () => {
  const report = wordLines();

  test('are searched for every shipped profile', () => {
    expect(report.profiles).toEqual(['eip', 'scs']);
  });

  test('are only those still left, file by file', () => {
    const counts = new Map<string, number>();
    for (const hit of report.hits) counts.set(hit.file, (counts.get(hit.file) ?? 0) + 1);
    const grown = report.hits.filter((hit) => (counts.get(hit.file) ?? 0) > (new Map(LEFT).get(hit.file) ?? 0)).map((hit) => `${hit.file}:${hit.line} ${hit.words.join(', ')}`);
    expect(grown, 'tools/ names these words of a profile: read them from the profile (context.process) instead').toEqual([]);
    expect([...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1)), 'fewer lines than listed: shrink LEFT with them').toEqual([...LEFT]);
  });

  test('none in the rules and in the code that runs a profile', () => {
    expect(report.hits.filter((hit) => /^tools\/(rules|profile)\//.test(hit.file)).map((hit) => `${hit.file}:${hit.line}`)).toEqual([]);
  });

  test('are the table of docs/profiles.md (UPDATE_GOLDEN=1 rewrites it)', () => {
    const run = spawnSync(process.execPath, [join(import.meta.dirname, '..', 'scripts', 'profile-words.mjs'), '--format', 'markdown'], { encoding: 'utf8' });
    const path = join(import.meta.dirname, '..', 'docs', 'profiles.md');
    const text = readFileSync(path, 'utf8');
    const start = text.indexOf('<!-- profile-words -->\n') + '<!-- profile-words -->\n'.length;
    const end = text.indexOf('<!-- /profile-words -->');
    expect(start).toBeGreaterThan(100);
    const current = text.slice(0, start) + run.stdout + text.slice(end);
    if (process.env.UPDATE_GOLDEN === '1' && current !== text) writeFileSync(path, current);
    else expect(text).toBe(current);
  });
});

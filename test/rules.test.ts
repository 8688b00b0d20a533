import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { rules } from '../tools/rules/index.js';
import { isChangeCase, lintChangeCase } from './helpers/change.js';
import { goldenLines, lintFolder, readGolden } from './helpers/lint.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'rules');

/**
 * A case folder holds the documents of one standards folder, or a change: `base/` and `head/`
 * folders, laid down as two commits of a real git repository and linted with `--base`.
 */
async function lintCase(folder: string, rule: (typeof rules)[number]): Promise<string> {
  if (!isChangeCase(folder)) return goldenLines(lintFolder(folder, [rule]));
  const { commits, workTree } = await lintChangeCase(folder, [rule]);
  const lines = goldenLines(commits);
  expect(goldenLines(workTree), 'the working tree gives the same findings as the head commit').toBe(lines);
  return lines;
}

describe.each(rules.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
  const folder = join(FIXTURES, id);
  const cases = existsSync(folder) ? readdirSync(folder).sort() : [];

  test.each(cases.filter((name) => name.startsWith('ok-')))('%s reports nothing', async (name) => {
    expect(await lintCase(join(folder, name), rule)).toBe('');
  });

  test.each(cases.filter((name) => name.startsWith('not-ok-')))('%s matches expected.txt', async (name) => {
    const actual = await lintCase(join(folder, name), rule);
    const expected = readGolden(join(folder, name, 'expected.txt'), actual);
    expect(expected, 'a not-ok case needs a non-empty expected.txt').toBeTruthy();
    expect(actual).toBe(expected);
  });
});

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { rules } from '../tools/rules/index.js';
import { goldenLines, lintFolder, readGolden } from './helpers/lint.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'rules');

describe.each(rules.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
  const folder = join(FIXTURES, id);
  const cases = existsSync(folder) ? readdirSync(folder).sort() : [];

  test.each(cases.filter((name) => name.startsWith('ok-')))('%s reports nothing', (name) => {
    expect(goldenLines(lintFolder(join(folder, name), [rule]))).toBe('');
  });

  test.each(cases.filter((name) => name.startsWith('not-ok-')))('%s matches expected.txt', (name) => {
    const actual = goldenLines(lintFolder(join(folder, name), [rule]));
    const expected = readGolden(join(folder, name, 'expected.txt'), actual);
    expect(expected, 'a not-ok case needs a non-empty expected.txt').toBeTruthy();
    expect(actual).toBe(expected);
  });
});

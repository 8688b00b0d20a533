import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { applyChanges } from '../tools/authoring/transaction.js';
import { ResolvedConfig } from '../tools/engine/config.js';
import { MAX_FIX_PASSES, planFixes } from '../tools/engine/fix.js';
import { rules, rulesById } from '../tools/rules/index.js';
import { isChangeCase, lintChangeCase } from './helpers/change.js';
import { isHistoryCase, lintHistoryCase } from './helpers/history.js';
import { caseConfig, goldenLines, lintFolder, readGolden } from './helpers/lint.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'rules');

/**
 * A case folder holds the documents of one standards folder, or a change: `base/` and `head/`
 * folders, laid down as two commits of a real git repository and linted with `--base`, or a
 * history: numbered step folders laid down as one commit each and linted with `--history`. A
 * `.scs-standards.json` in the case folder is the configuration the case is linted with (it
 * chooses the profile, such as `eip`); without it the configuration is empty.
 */
async function lintCase(folder: string, rule: (typeof rules)[number]): Promise<string> {
  const raw = caseConfig(folder);
  if (isHistoryCase(folder)) return goldenLines(await lintHistoryCase(folder, [rule], raw));
  if (!isChangeCase(folder)) return goldenLines(lintFolder(folder, [rule], raw));
  const { commits, workTree } = await lintChangeCase(folder, [rule], raw);
  const lines = goldenLines(commits);
  expect(goldenLines(workTree), 'the working tree gives the same findings as the head commit').toBe(lines);
  return lines;
}

describe.each(rules.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
  const folder = join(FIXTURES, id);
  const cases = existsSync(folder) ? readdirSync(folder).sort() : [];
  const notOk = cases.filter((name) => name.startsWith('not-ok-'));

  test.each(cases.filter((name) => name.startsWith('ok-')))('%s reports nothing', async (name) => {
    expect(await lintCase(join(folder, name), rule)).toBe('');
  });

  test.each(notOk)('%s matches expected.txt', async (name) => {
    const actual = await lintCase(join(folder, name), rule);
    const expected = readGolden(join(folder, name, 'expected.txt'), actual);
    expect(expected, 'a not-ok case needs a non-empty expected.txt').toBeTruthy();
    expect(actual).toBe(expected);
  });

  // A fixable rule's not-ok cases also hold `fixed.diff`: what `lint --fix` changes.
  test.each(rule.meta.fixable ? notOk : [])('%s is fixed as fixed.diff shows, leaving nothing to fix', async (name) => {
    const copy = mkdtempSync(join(tmpdir(), 'scs-fix-'));
    try {
      cpSync(join(folder, name), copy, { recursive: true });
      const raw = caseConfig(copy);
      const config = new ResolvedConfig(copy, undefined, raw, rulesById);
      const plan = planFixes(config, { cwd: copy, paths: ['.'], rules: [rule] });
      expect(plan.failures).toEqual([]);
      expect(plan.passes).toBeLessThan(MAX_FIX_PASSES);
      const diff = plan.set.diff();
      const expected = readGolden(join(folder, name, 'fixed.diff'), diff);
      expect(expected, 'a fixable rule fixes something in each not-ok case').toBeTruthy();
      expect(diff).toBe(expected);
      await applyChanges(plan.set);
      const after = lintFolder(copy, [rule], raw).flatMap((result) => result.messages);
      expect(after.filter((message) => message.fix)).toEqual([]);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

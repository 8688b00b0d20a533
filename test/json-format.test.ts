import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { applyEdits } from '../tools/edits/text-edits.js';
import { mergeFix, type JsonLintResult } from '../tools/reporters/json.js';
import { runBin, runMain } from './helpers/cli.js';

/**
 * `lint --format json` as ESLint's formatter writes it, checked against ESLint's own type
 * definitions (at compile time, by `npm run typecheck`) and with ESLint's own stylish formatter
 * reading the output (at run time).
 */
const FIXTURE = join(import.meta.dirname, 'fixtures', 'cli', 'json');

/** The keys a type requires (not optional). */
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
/** True when two unions have the same members. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

const RESULT_KEYS = ['filePath', 'messages', 'suppressedMessages', 'errorCount', 'fatalErrorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount', 'usedDeprecatedRules'] as const;
const MESSAGE_KEYS = ['ruleId', 'severity', 'message', 'line', 'column'] as const;
// These lists are ESLint's required keys, exactly: a new required key in ESLint fails the typecheck.
const resultKeysAreEslints: Same<(typeof RESULT_KEYS)[number], RequiredKeys<ESLint.LintResult>> = true;
const messageKeysAreEslints: Same<(typeof MESSAGE_KEYS)[number], RequiredKeys<ESLint.LintResult['messages'][number]>> = true;
const suppressionKeysAreEslints: Same<'kind' | 'justification', RequiredKeys<ESLint.LintResult['suppressedMessages'][number]['suppressions'][number]>> = true;

/** Our declared output type is one of ESLint's: assignable without a cast. */
function asEslint(results: JsonLintResult[]): ESLint.LintResult[] {
  return results;
}

const types: Record<string, 'string' | 'number' | 'array'> = {
  filePath: 'string',
  messages: 'array',
  suppressedMessages: 'array',
  errorCount: 'number',
  fatalErrorCount: 'number',
  warningCount: 'number',
  fixableErrorCount: 'number',
  fixableWarningCount: 'number',
  usedDeprecatedRules: 'array',
};

function typeOf(value: unknown): string {
  return Array.isArray(value) ? 'array' : typeof value;
}

describe('lint --format json', () => {
  const work: string[] = [];
  afterEach(() => {
    for (const dir of work.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const copy = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'scs-json-'));
    work.push(dir);
    cpSync(FIXTURE, dir, { recursive: true });
    return dir;
  };

  test('has every key of ESLint.LintResult and of its messages, with the types ESLint declares', async () => {
    expect([resultKeysAreEslints, messageKeysAreEslints, suppressionKeysAreEslints]).toEqual([true, true, true]);
    const result = await runMain(['lint', '--format', 'json'], FIXTURE);
    expect(result.code).toBe(1);
    const results = asEslint(JSON.parse(result.stdout) as JsonLintResult[]);
    expect(results.length).toBe(5);
    for (const file of results) {
      for (const key of RESULT_KEYS) expect([key, typeOf(file[key])]).toEqual([key, types[key]]);
      for (const message of [...file.messages, ...file.suppressedMessages]) {
        expect(typeof message.ruleId).toBe('string');
        expect([1, 2]).toContain(message.severity);
        for (const key of ['line', 'column', 'endLine', 'endColumn'] as const) expect(Number.isInteger(message[key])).toBe(true);
        expect(message).toHaveProperty('nodeType', null);
      }
      for (const message of file.suppressedMessages) expect(message.suppressions.length).toBeGreaterThan(0);
      expect(file.errorCount).toBe(file.messages.filter((message) => message.severity === 2).length);
      expect(file.warningCount).toBe(file.messages.filter((message) => message.severity === 1).length);
      expect(file.fatalErrorCount).toBe(file.messages.filter((message) => message.fatal === true).length);
      expect(file.fixableErrorCount + file.fixableWarningCount).toBe(file.messages.filter((message) => message.fix !== undefined).length);
      // As ESLint: the source of a file with messages, and only of one.
      expect([file.filePath, 'source' in file]).toEqual([file.filePath, file.messages.length > 0]);
      expect(file.usedDeprecatedRules).toEqual([]);
    }
  });

  test('a parse failure is fatal; lint comments and the suppressions file give suppressed messages with their kind and the reason a comment gives', async () => {
    const results = JSON.parse((await runMain(['lint', '--format', 'json'], FIXTURE)).stdout) as JsonLintResult[];
    const byName = (name: string): JsonLintResult => results.find((file) => file.filePath.endsWith(name)) as JsonLintResult;
    const broken = byName('scs-0101-v1-entropy.md');
    expect(broken.fatalErrorCount).toBe(1);
    expect(broken.messages.filter((message) => message.fatal).map((message) => message.ruleId)).toEqual(['front-matter-yaml']);
    const disabled = byName('scs-0103-v1-volume-types.md');
    expect(disabled.suppressedMessages.map((message) => [message.ruleId, message.suppressions])).toEqual([
      ['sections-recommended', [{ kind: 'directive', justification: 'a short record, by design' }]],
      ['sections-recommended', [{ kind: 'directive', justification: 'a short record, by design' }]],
    ]);
    expect(disabled.messages.some((message) => message.ruleId === 'sections-recommended')).toBe(false);
    const counted = byName('scs-0102-v2-image-metadata.md');
    expect(counted.messages).toEqual([]);
    expect(counted.errorCount).toBe(0);
    expect(counted.suppressedMessages.map((message) => [message.ruleId, message.severity, message.suppressions])).toEqual([['replaces-required', 2, [{ kind: 'file', justification: '' }]]]);
    // Nothing is reported for it: no source, as ESLint.
    expect('source' in counted).toBe(false);
  });

  test('the reason of a lint comment survives the cache (--cache)', async () => {
    const dir = copy();
    const reasons = async (): Promise<string[]> => {
      const run = await runMain(['lint', '--format', 'json', '--cache'], dir);
      const results = JSON.parse(run.stdout) as JsonLintResult[];
      return results.flatMap((file) => file.suppressedMessages.flatMap((message) => message.suppressions.map((suppression) => suppression.justification)));
    };
    const first = await reasons();
    expect(readFileSync(join(dir, '.scs-standards-cache'), 'utf8')).toContain('a short record, by design');
    expect(await reasons()).toEqual(first);
    expect(first).toEqual(['', 'a short record, by design', 'a short record, by design']);
  });

  test('every fixable message has its fix in UTF-16 offsets of the text after its byte order mark, and the fix does what --fix does', async () => {
    const dir = copy();
    const results = JSON.parse((await runMain(['lint', '--format', 'json'], dir)).stdout) as JsonLintResult[];
    const flavor = results.find((file) => file.filePath.endsWith('scs-0100-v1-flavor-naming.md')) as JsonLintResult;
    expect(flavor.fixableWarningCount).toBe(1);
    const source = flavor.source ?? '';
    expect(source.startsWith('\ufeff---\n')).toBe(true);
    expect(source).toBe(readFileSync(flavor.filePath, 'utf8'));
    const fixes = flavor.messages.flatMap((message) => (message.fix ? [message.fix] : []));
    expect(fixes.length).toBe(1);
    const fix = fixes[0] as NonNullable<JsonLintResult['messages'][number]['fix']>;
    const text = source.slice(1);
    const fixed = text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
    expect(text.slice(fix.range[0], fix.range[1])).toBe('2022-09-08 10:00:00');
    const run = await runMain(['lint', '--fix', '--rule', 'front-matter-date-quoting', '--format', 'json'], dir);
    expect(run.code).toBe(0);
    expect(readFileSync(flavor.filePath, 'utf8')).toBe(`\ufeff${fixed}`);
    // As ESLint: a file that --fix changed has its new text as `output`, and no `source`.
    const after = (JSON.parse(run.stdout) as JsonLintResult[]).find((file) => file.filePath === flavor.filePath) as JsonLintResult;
    expect(after.output).toBe(`\ufeff${fixed}`);
    expect('source' in after).toBe(false);
  });

  test("ESLint's own stylish formatter reads the output", async () => {
    const result = runBin(['lint', '--format', 'json'], FIXTURE);
    const results = JSON.parse(result.stdout) as JsonLintResult[];
    const eslint = new ESLint({ cwd: FIXTURE, overrideConfigFile: true });
    const formatter = await eslint.loadFormatter('stylish');
    const text = (await formatter.format(asEslint(results))).replace(/\u001b\[[0-9;]*m/g, '');
    expect(text).toContain('3:1  error  Invalid YAML in front matter');
    expect(text).toContain('6:16  warning  Unquoted `2022-09-08 10:00:00`');
    expect(text).toMatch(/✖ 5 problems \(4 errors, 1 warning\)\n {2}0 errors and 1 warning potentially fixable with the `--fix` option\./);
  });
});

test('SARIF gives a finding turned off by a lint comment an in-source suppression, a counted one an external one', async () => {
  const log = JSON.parse((await runMain(['lint', '--format', 'sarif'], FIXTURE)).stdout) as { runs: { results: { ruleId: string; suppressions?: { kind: string }[] }[] }[] };
  const suppressed = (log.runs[0]?.results ?? []).filter((result) => result.suppressions).map((result) => [result.ruleId, result.suppressions?.map((suppression) => suppression.kind)]);
  expect(suppressed).toEqual([
    ['replaces-required', ['external']],
    ['sections-recommended', ['inSource']],
    ['sections-recommended', ['inSource']],
  ]);
});

describe('one fix per message, as ESLint merges the edits of a report', () => {
  const editsOf = (text: string) =>
    fc
      .array(fc.tuple(fc.nat(text.length), fc.nat(4), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 5 })
      .map((raw) => {
        // Sorted, not overlapping edits within the text.
        const edits: { range: { start: number; end: number }; text: string }[] = [];
        let at = 0;
        for (const [start, length, replacement] of [...raw].sort((a, b) => a[0] - b[0])) {
          const from = Math.max(start, at);
          const to = Math.min(from + length, text.length);
          if (from > text.length) break;
          edits.push({ range: { start: from, end: to }, text: replacement });
          at = to + 1;
        }
        return edits;
      });

  test('applying the merged fix gives what applying every edit gives', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }).chain((text) => fc.tuple(fc.constant(text), editsOf(text))),
        ([text, edits]) => {
          const fix = mergeFix(edits, text);
          expect(fix).toBeDefined();
          const merged = fix as NonNullable<typeof fix>;
          expect(text.slice(0, merged.range[0]) + merged.text + text.slice(merged.range[1])).toBe(applyEdits(text, edits));
        },
      ),
    );
  });

  test('several edits without the text give no fix rather than a wrong one', () => {
    expect(mergeFix([{ range: { start: 0, end: 0 }, text: '"' }, { range: { start: 3, end: 3 }, text: '"' }], undefined)).toBeUndefined();
    expect(mergeFix([{ range: { start: 0, end: 0 }, text: '"' }, { range: { start: 3, end: 3 }, text: '"' }], 'abcd')).toEqual({ range: [0, 3], text: '"abc"' });
  });
});

test('a deprecated rule that ran is listed in usedDeprecatedRules', async () => {
  const { checkCorpus } = await import('../tools/engine/lint.js');
  const { loadConfig } = await import('../tools/engine/config.js');
  const { loadCorpus } = await import('../tools/engine/load.js');
  const { defineRule } = await import('../tools/rules/rule.js');
  const { rulesById } = await import('../tools/rules/index.js');
  const { toLintResult } = await import('../tools/reporters/json.js');
  const dir = mkdtempSync(join(tmpdir(), 'scs-json-deprecated-'));
  try {
    cpSync(FIXTURE, dir, { recursive: true });
    // A rule the profile does not list is off until the configuration turns it on.
    writeFileSync(join(dir, '.scs-standards.json'), '{ "rules": { "old-rule": "warn" } }\n');
    const old = { ...defineRule({ meta: { description: 'Old.', severity: 'warn', scope: 'document', defaultOptions: undefined, deprecated: { replacedBy: ['sections-required'] } }, check() {} }), id: 'old-rule' };
    const config = loadConfig(dir, new Map([...rulesById, ['old-rule', old]]), undefined);
    const corpus = loadCorpus(join(dir, 'Standards'), config.root, config.maxFileSize, true);
    const results = checkCorpus(corpus, corpus.documents.slice(0, 1), config, [old], []);
    expect(results.map((result) => toLintResult(result).usedDeprecatedRules)).toEqual([[{ ruleId: 'old-rule', replacedBy: ['sections-required'] }]]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { COMMANDS } from '../tools/cli/commands.js';
import { commandHelp, generalHelp } from '../tools/cli/main.js';
import { temporaryRepos, runBin, runMain } from './helpers/cli.js';
import { standard } from './helpers/documents.js';
import { readGolden } from './helpers/lint.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'cli');
const GOLDEN = join(import.meta.dirname, 'golden');
const repo = temporaryRepos();

function golden(name: string, actual: string): void {
  expect(actual).toBe(readGolden(join(GOLDEN, name), actual));
}

describe('help and version', () => {
  test('general help is golden', () => golden('help.txt', generalHelp()));
  test.each(COMMANDS.map((command) => [command.name, command] as const))('%s --help is golden', (name, command) => {
    golden(`help-${name}.txt`, commandHelp(command));
  });
  test('--version prints the package version from the bundle', () => {
    const result = runBin(['--version'], FIXTURES);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
  test('no arguments lints the standards folder, as the help says', async () => {
    const cwd = join(FIXTURES, 'mixed');
    const bare = await runMain([], cwd);
    expect(bare).toEqual(await runMain(['lint'], cwd));
    expect(bare.code).toBe(1);
    expect(generalHelp()).toContain('Without a command, `scs-standards [options] [paths...]` lints (without paths, the standards folder)');
  });
});

describe('lint exit codes and formats', () => {
  test('a clean repository exits 0 with one line that says what was checked', () => {
    const result = runBin(['lint'], join(FIXTURES, 'clean'));
    expect(result).toEqual({ code: 0, stdout: '✔ 5 documents checked, no problems\n', stderr: '' });
  });

  test('the line of a clean run: scope files counted apart, --quiet says no errors, machine formats print no line', async () => {
    const root = repo({ 'Standards/scs-0100-v1-flavor-naming.md': standard({}) });
    expect((await runMain(['lint'], root)).stdout).toBe('✔ 1 document checked, no problems\n');
    expect((await runMain(['lint', '--quiet'], root)).stdout).toBe('✔ 1 document checked, no errors\n');
    expect((await runMain(['lint', '--color'], root)).stdout).toBe('\u001b[1;32m✔ 1 document checked, no problems\u001b[0m\n');
    expect((await runMain(['lint', '-f', 'github'], root)).stdout).toBe('');
    expect(JSON.parse((await runMain(['lint', '-f', 'json'], root)).stdout)).toHaveLength(1);
    const none = await runMain(['lint', 'Standards/README.md'], join(FIXTURES, 'clean'));
    expect(none.stdout).toBe('');
  });

  test('findings exit 1 with the stylish report (golden)', () => {
    const result = runBin(['lint'], join(FIXTURES, 'mixed'));
    expect(result.code).toBe(1);
    golden('lint-mixed-stylish.txt', result.stdout);
  });

  test('the default command is lint', async () => {
    const explicit = await runMain(['lint', 'Standards'], join(FIXTURES, 'mixed'));
    const implicit = await runMain(['Standards'], join(FIXTURES, 'mixed'));
    expect(implicit).toEqual(explicit);
  });

  test('--format json has the ESLint formatter shape (golden, paths relative)', async () => {
    const cwd = join(FIXTURES, 'mixed');
    const result = await runMain(['lint', '--format', 'json'], cwd);
    expect(result.code).toBe(1);
    const data = JSON.parse(result.stdout) as { filePath: string; messages: Record<string, unknown>[] }[];
    expect(data.length).toBe(8);
    for (const file of data) {
      expect(file.filePath.startsWith(cwd)).toBe(true);
      for (const message of file.messages) {
        expect(Object.keys(message).sort()).toEqual(['column', 'endColumn', 'endLine', 'line', 'message', 'nodeType', 'ruleId', 'severity']);
      }
    }
    golden('lint-mixed.json', result.stdout.replaceAll(cwd, '<root>'));
  });

  test('--quiet reports errors only', async () => {
    const result = await runMain(['lint', '--quiet'], join(FIXTURES, 'mixed'));
    expect(result.stdout).not.toMatch(/ warning /);
    expect(result.stdout).toContain('5 problems (5 errors, 0 warnings)');
  });

  test('--max-warnings fails a run that only has warnings', async () => {
    const root = repo({ 'Standards/scs-0100-v1-flavor-naming.md': standard({ replaces: 'scs-0099-v1-old.md' }).replace('replaces: scs-0099-v1-old.md\n', '') + '\nSee [nothing](#nothing).\n' });
    expect((await runMain(['lint'], root)).code).toBe(0);
    const strict = await runMain(['lint', '--max-warnings', '0'], root);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('1 warnings, more than --max-warnings 0');
    expect((await runMain(['lint', '--max-warnings', '1'], root)).code).toBe(0);
  });

  test('--rule runs only the named rules', async () => {
    const result = await runMain(['lint', '--rule', 'file-name-unique', '--format', 'json'], join(FIXTURES, 'mixed'));
    const ids = new Set((JSON.parse(result.stdout) as { messages: { ruleId: string }[] }[]).flatMap((file) => file.messages.map((m) => m.ruleId)));
    expect([...ids]).toEqual(['file-name-unique']);
  });

  test('colour only when asked or on a terminal', async () => {
    const plain = await runMain(['lint'], join(FIXTURES, 'mixed'));
    expect(plain.stdout).not.toContain('\u001b[');
    const forced = await runMain(['lint', '--color'], join(FIXTURES, 'mixed'));
    expect(forced.stdout).toContain('\u001b[31m');
    const env = await runMain(['lint'], join(FIXTURES, 'mixed'), { FORCE_COLOR: '1' });
    expect(env.stdout).toContain('\u001b[');
    const off = await runMain(['lint', '--color', '--no-color'], join(FIXTURES, 'mixed'));
    expect(off.stdout).not.toContain('\u001b[');
  });
});

describe('the argument layer', () => {
  const clean = join(FIXTURES, 'clean');
  test.each([
    [['lint', '--formt', 'json'], 'scs-standards lint: unknown option `--formt`: did you mean `--format`?'],
    [['index', '--ot', 'out'], 'scs-standards index: unknown option `--ot`: did you mean `--out`?'],
    [['lint', '--Fix'], 'scs-standards lint: unknown option `--Fix`: did you mean `--fix`?'],
    [['lint', '--max', '3'], 'scs-standards lint: unknown option `--max`: did you mean `--max-warnings`?'],
    [['-V'], 'scs-standards: unknown option `-V`: did you mean `-v`?'],
    [['--formt', 'json'], 'scs-standards: unknown option `--formt`: did you mean `--format`?'],
    [['lint', '-V'], 'scs-standards lint: unknown option `-V`\n'],
    [['stabilise', '0100-v1'], 'scs-standards: unknown command `stabilise`: did you mean `stabilize`?'],
    [['Review'], 'scs-standards: unknown command `Review`: did you mean `review`?'],
    [['frobnicate'], 'scs-standards: unknown command `frobnicate`, and no file or folder of that name. Commands: init, lint, rules,'],
    [['help', 'stabilise'], 'scs-standards help: unknown command `stabilise`: did you mean `stabilize`?'],
    [['rules', 'extra'], 'scs-standards rules: unexpected argument `extra`: `scs-standards rules` takes no arguments'],
    [['new', 'extra', '--type', 'Standard'], 'scs-standards new: unexpected argument `extra`'],
    [['stabilize', 'a', 'b'], 'scs-standards stabilize: expected one document, got 2: `a`, `b`'],
    [['lint', '--fix', '--fix-dry-run'], 'scs-standards lint: `--fix` and `--fix-dry-run` cannot be combined'],
    [['lint', '--fix-dry-run', '--format', 'json'], 'scs-standards lint: `--fix-dry-run` and `--format` cannot be combined'],
    [['lint', '--format'], 'scs-standards lint: option `--format` needs a value (NAME)'],
    [['lint', '--format', '--quiet'], 'option `--format` needs a value (NAME), got the option `--quiet` (write `--format=--quiet` if that is the value)'],
    [['lint', '--fix=yes'], 'scs-standards lint: option `--fix` takes no value, got `--fix=yes`'],
    [['lint', '--rule', 'file-name-unique:bogus'], 'scs-standards lint: --rule `file-name-unique:bogus`: unknown severity `bogus`, expected off, warn, error, 0, 1, 2'],
    [['lint', '--rule', 'file-name-uniqe'], 'unknown rule `file-name-uniqe` (did you mean `file-name-unique`?)'],
    [['new', '--type', 'Foo', '--track', 'IaaS', '--title', 'X'], 'scs-standards new: --type `Foo` is unknown: expected one of Procedural, Standard, Decision Record\n'],
  ])('%j is a usage error with the tool\'s own message (exit 2)', async (args, message) => {
    const result = await runMain(args, clean);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/Unknown option|parseArgs|at .*\.js/);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
  });

  test('an existing path is linted, even one that looks like a mistyped command', async () => {
    const root = repo({ 'Reviews/scs-0100-v1-flavor-naming.md': standard({}), 'Standards/scs-0101-v1-entropy.md': standard({ title: 'Entropy' }) });
    expect((await runMain(['Review'], root)).stderr).toContain('did you mean `review`?');
    const linted = await runMain(['Reviews', '--format', 'json'], root);
    expect(linted.stderr).toBe('');
    expect(linted.code).toBe(0);
    expect((JSON.parse(linted.stdout) as { filePath: string }[]).map((file) => file.filePath.slice(root.length + 1))).toEqual(['Reviews/scs-0100-v1-flavor-naming.md']);
  });

  test('-v and --version print the version only where no command is typed', async () => {
    expect((await runMain(['-v'], FIXTURES)).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect((await runMain(['--quiet', '--version'], FIXTURES)).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect((await runMain(['rules', '--version'], FIXTURES)).stderr).toContain('scs-standards rules: unknown option `--version`');
  });

  test('--rule ID:SEVERITY sets the severity with the configuration\'s words, over the configuration', async () => {
    const cwd = join(FIXTURES, 'mixed');
    const severities = async (rule: string): Promise<{ code: number; severities: number[] }> => {
      const result = await runMain(['lint', '--rule', rule, '--format', 'json'], cwd);
      return { code: result.code, severities: (JSON.parse(result.stdout) as { messages: { severity: number }[] }[]).flatMap((file) => file.messages.map((m) => m.severity)) };
    };
    expect(await severities('file-name-unique')).toEqual({ code: 1, severities: [2, 2] });
    expect(await severities('file-name-unique:warn')).toEqual({ code: 0, severities: [1, 1] });
    expect(await severities('file-name-unique:1')).toEqual({ code: 0, severities: [1, 1] });
    expect(await severities('file-name-unique:off')).toEqual({ code: 0, severities: [] });
    expect(await severities('file-name-unique:0')).toEqual({ code: 0, severities: [] });
    const root = repo({ 'Standards/scs-0101-v1-entropy.md': standard({ title: 'Entropy', track: 'KaaS' }) }, { rules: { 'track-matches-number': 'off' } });
    expect((await runMain(['lint', '--rule', 'track-matches-number'], root)).code).toBe(0);
    const raised = await runMain(['lint', '--rule', 'track-matches-number:error'], root);
    expect(raised.code).toBe(1);
    expect(raised.stdout).toContain('track-matches-number');
  });
});

describe('paths', () => {
  test('naming one file reports only it, while cross-document rules see the folder', async () => {
    const cwd = join(FIXTURES, 'mixed');
    const result = await runMain(['lint', 'Standards/scs-0110-v1-ssd-flavors.md'], cwd);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Standards/scs-0110-v1-ssd-flavors.md');
    expect(result.stdout).toContain('file-name-unique');
    expect(result.stdout).not.toContain('scs-0110-v1-ssd-flavour-decision.md\n');
    expect(result.stdout).toContain('1 problem (1 error, 0 warnings)');
  });

  test('a file that is not a standards document is skipped', async () => {
    const result = await runMain(['lint', 'Standards/README.md'], join(FIXTURES, 'clean'));
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('no standards documents found');
  });

  test.each([
    [['lint', 'Missing'], 'No such file or folder: Missing'],
    [['lint', '..'], 'Path outside the repository'],
    [['lint', '--format', 'xml'], 'unknown format `xml`'],
    [['lint', '--nope'], 'scs-standards lint: unknown option `--nope`\n'],
    [['lint', '--max-warnings', 'many'], '--max-warnings expects a whole number'],
    [['lint', '--rule', 'no-such-rule'], 'unknown rule `no-such-rule`'],
    [['frobnicate'], 'unknown command `frobnicate`'],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const result = await runMain(args, join(FIXTURES, 'clean'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });

  test('a repository without Standards/ is a usage error', async () => {
    const root = repo({ 'README.md': '# Nothing here\n' });
    const result = await runMain(['lint'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('No standards folder: Standards does not exist');
  });

  test('nested folders, node_modules and dot folders', async () => {
    const root = repo({
      'Standards/scs-0100-v1-flavor-naming.md': standard({}),
      'Standards/node_modules/scs-0100-v1-copy.md': 'not read',
      'Standards/.cache/scs-0100-v1-copy.md': 'not read',
      'archive/Standards/scs-0100-v1-flavor-naming.md': standard({ track: 'KaaS' }),
    });
    const result = await runMain(['lint', '.', '--format', 'json'], root);
    const files = (JSON.parse(result.stdout) as { filePath: string }[]).map((file) => file.filePath.slice(root.length + 1));
    expect(files).toEqual(['Standards/scs-0100-v1-flavor-naming.md', 'archive/Standards/scs-0100-v1-flavor-naming.md']);
    expect(result.code).toBe(1);
  });
});

describe('configuration', () => {
  test('rules can be turned off, downgraded and set per status; ignores hide files', async () => {
    const files = {
      'Standards/scs-0101-v1-entropy.md': standard({ title: 'Entropy', track: 'KaaS' }),
      'Standards/scs-0102-v1-image-metadata.md': standard({ title: 'Image Metadata', status: 'Stable' }),
      'Standards/legacy/scs-0103-v1-old.md': standard({ title: 'Old', status: 'Stable' }),
    };
    const base = await runMain(['lint', '.', '--format', 'json'], repo(files));
    expect(base.code).toBe(1);
    const root = repo(files, {
      rules: { 'track-matches-number': 'warn' },
      overrides: [{ status: ['Stable'], rules: { 'front-matter-schema': 'off' } }],
      ignores: ['Standards/legacy/**'],
    });
    const result = await runMain(['lint', '.', '--format', 'json'], root);
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; severity: number }[] }[];
    expect(data.map((file) => file.filePath.slice(root.length + 1))).toEqual(['Standards/scs-0101-v1-entropy.md', 'Standards/scs-0102-v1-image-metadata.md']);
    expect(data[0]?.messages).toEqual([expect.objectContaining({ ruleId: 'track-matches-number', severity: 1 })]);
    expect(data[1]?.messages).toEqual([]);
  });

  test('a YAML configuration and --config', async () => {
    const root = repo({ 'Standards/scs-0101-v1-entropy.md': standard({ title: 'Entropy', track: 'KaaS' }), 'strict.yaml': 'rules:\n  track-matches-number: off\n' });
    expect((await runMain(['lint'], root)).code).toBe(1);
    expect((await runMain(['lint', '--config', 'strict.yaml'], root)).code).toBe(0);
    expect((await runMain(['lint', '--config', 'missing.yaml'], root)).stderr).toContain('Configuration file not found: missing.yaml');
  });

  test.each([
    ['{ "rules": { "no-such-rule": "error" } }', '.scs-standards.json:1:14: unknown rule `no-such-rule`'],
    ['{\n  "rules": {\n    "file-content": "loud"\n  }\n}', '.scs-standards.json:3:21: got the text "loud": expected one of "off", "warn", "error", 0, 1, 2, or a list'],
    ['{ "rulez": {} }', '.scs-standards.json:1:3: unknown setting `rulez`: did you mean `rules`?'],
    ['{ "rules": { "file-content": ["error", { "x": 1 }] } }', 'rule `file-content` has no options'],
    ['{ "rules": [ }', '.scs-standards.json:1:14: invalid JSON: expected a value (text in double quotes, a number, true, false, null, `{` or `[`), found `}`'],
    ['{ "rules": { "sections-required": ["error", { "Standard": { "required": "Introduction" } }] } }', 'invalid options for rule `sections-required`'],
    ['{ "rules": { "sections-requird": "warn" } }', '.scs-standards.json:1:14: unknown rule `sections-requird`: did you mean `sections-required`?'],
  ])('invalid configuration %s exits 2 with a positioned message', async (text, message) => {
    const root = repo({ 'Standards/scs-0100-v1-flavor-naming.md': standard({}) }, undefined);
    writeFileSync(join(root, '.scs-standards.json'), text);
    const result = await runMain(['lint'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});

describe('configuration errors in the tool\'s words', () => {
  const lint = async (name: string, text: string): Promise<{ code: number; stderr: string; stdout: string }> => {
    const root = repo({ 'Standards/scs-0100-v1-flavor-naming.md': standard({}) }, undefined);
    writeFileSync(join(root, name), text);
    return runMain(['lint'], root);
  };

  test('every problem on a line of its own, positioned, in order, without schema wording', async () => {
    const text = [
      '{',
      '  "rulez": {},',
      '  "standards": "",',
      '  "scopes": "Tests/x.yaml",',
      '  "ignores": [1],',
      '  "maxFileSize": 0,',
      '  "rules": { "file-content": "loud", "Bad_Id": "off", "front-matter-schema": [], "link-fragment-exists": ["error", {}, 3], "file-name-unique": ["loud"] },',
      '  "overrides": [{ "status": ["Final"] }, { "rules": {}, "file": [] }],',
      '  "approvals": { "IaaS": 5, "KaaS": [], "IAM": [""], "Foo": "x" }',
      '}',
    ].join('\n');
    const result = await lint('.scs-standards.json', text);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')).toEqual([
      'scs-standards lint: .scs-standards.json:2:3: unknown setting `rulez`: did you mean `rules`?',
      'scs-standards lint: .scs-standards.json:3:16: is empty: expected a text',
      'scs-standards lint: .scs-standards.json:4:13: expected a list, got the text "Tests/x.yaml"',
      'scs-standards lint: .scs-standards.json:5:15: expected a text, got the number 1',
      'scs-standards lint: .scs-standards.json:6:18: got the number 0: expected at least 1',
      'scs-standards lint: .scs-standards.json:7:30: got the text "loud": expected one of "off", "warn", "error", 0, 1, 2, or a list',
      'scs-standards lint: .scs-standards.json:7:38: `Bad_Id` is not a rule id (lower-case words joined by hyphens, as `scs-standards rules` lists them)',
      'scs-standards lint: .scs-standards.json:7:78: got an empty list: expected at least 1 entry',
      'scs-standards lint: .scs-standards.json:7:106: too many entries: expected at most 2',
      'scs-standards lint: .scs-standards.json:7:145: unexpected value (got the text "loud"), expected one of "off", "warn", "error", 0, 1, 2',
      'scs-standards lint: .scs-standards.json:8:17: missing `rules`',
      'scs-standards lint: .scs-standards.json:8:30: unexpected value (got the text "Final"), expected one of "Draft", "Stable", "Deprecated", "Rejected"',
      'scs-standards lint: .scs-standards.json:8:57: unknown setting `file`: did you mean `files`?',
      'scs-standards lint: .scs-standards.json:9:26: got the number 5: expected a text, or a list',
      'scs-standards lint: .scs-standards.json:9:37: got an empty list: expected at least 1 entry',
      'scs-standards lint: .scs-standards.json:9:49: is empty: expected a text',
      'scs-standards lint: .scs-standards.json:9:54: unknown setting `Foo` (who approves is set for Global, IaaS, KaaS, IAM, Ops, Scopes)',
      '',
    ]);
    expect(result.stderr).not.toMatch(/must |\\n|NOT|property name/);
  });

  test('options of a rule are described the same way', async () => {
    const result = await lint('.scs-standards.json', '{ "rules": { "sections-required": ["error", { "Standard": { "required": "Introduction" } }] } }');
    expect(result.stderr).toContain('scs-standards lint: .scs-standards.json:1:73: invalid options for rule `sections-required`: expected a list, got the text "Introduction"\n');
    expect(result.stderr).not.toMatch(/must /);
  });

  test.each([
    ['{ "rules": { "file-content": "error" ', '.scs-standards.json:1:37: invalid JSON: the file ends before the `{` at 1:12 is closed'],
    ['{ "rules": { "file-content": "error", } }', '.scs-standards.json:1:38: invalid JSON: a `,` before `}`: JSON allows no comma after the last entry'],
    ['{ "rules": { "a": 1, "a": 2 } }', '.scs-standards.json:1:22: invalid JSON: the same key is written twice in one mapping'],
    ['// settings\n{}', '.scs-standards.json:1:1: invalid JSON: comments are not JSON: remove them, or use a YAML configuration'],
    ["{ 'rules': {} }", '.scs-standards.json:1:3: invalid JSON: expected a key in double quotes, found `\'`'],
    ['{ "standards": "Std" } x', '.scs-standards.json:1:24: invalid JSON: `x` after the end of the JSON value'],
  ])('JSON %j is reported as JSON', async (text, message) => {
    const result = await lint('.scs-standards.json', text);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`scs-standards lint: ${message}\n`);
  });

  test('YAML is reported as YAML, every syntax error on its line', async () => {
    const result = await lint('.scs-standards.yaml', 'rules:\n  file-content: warn\n  file-content: off\nscopes: [\n');
    expect(result.code).toBe(2);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('scs-standards lint: .scs-standards.yaml:3:3: invalid YAML: the same key is written twice in one mapping');
    expect(lines.slice(1).every((line) => /^scs-standards lint: \.scs-standards\.yaml:\d+:\d+: invalid YAML: /.test(line))).toBe(true);
    expect(result.stderr).not.toContain('JSON');
  });
});

describe('inline control comments', () => {
  test('disable, enable and ignore work as in remark-lint', async () => {
    const result = await runMain(['lint'], join(FIXTURES, 'directives'));
    golden('lint-directives-stylish.txt', result.stdout);
  });

  test('a disable comment at the top of the body covers the front matter', async () => {
    const text = standard({ status: 'Draft', stabilized_at: '2023-01-01' });
    const withComment = text.replace('---\n\n# ', '---\n\n<!-- lint disable front-matter-status-dates -->\n\n# ');
    const root = repo({ 'Standards/scs-0100-v1-flavor-naming.md': text, 'Standards/scs-0101-v1-entropy.md': withComment.replace('Flavor Naming', 'Entropy') });
    const result = await runMain(['lint'], root);
    expect(result.stdout).toContain('scs-0100-v1-flavor-naming.md');
    expect(result.stdout).not.toContain('scs-0101-v1-entropy.md');
  });

  test('a comment with an unknown keyword suppresses nothing and is reported', async () => {
    const text = standard({ status: 'Draft', stabilized_at: '2023-01-01' });
    const withTypo = text.replace('---\n\n# ', '---\n\n<!-- lint disabel front-matter-status-dates -->\n\n# ');
    const root = repo({ 'Standards/scs-0100-v1-flavor-naming.md': withTypo });
    const result = await runMain(['lint', '--format', 'json'], root);
    const ids = (JSON.parse(result.stdout) as { messages: { ruleId: string; line: number }[] }[]).flatMap((entry) => entry.messages.map((message) => `${message.line} ${message.ruleId}`));
    expect(ids).toEqual(['6 front-matter-status-dates', '9 lint-directive-valid']);
  });
});

describe('bad input never crashes', () => {
  test('BOM, CRLF, empty, binary, invalid UTF-8, huge, broken links and loops', async () => {
    const valid = standard({ status: 'Stable' });
    const root = repo(
      {
        'Standards/scs-0100-v1-flavor-naming.md': `\ufeff${valid}`.replaceAll('\n', '\r\n'),
        'Standards/scs-0101-v1-empty.md': '',
        'Standards/scs-0102-v1-binary.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02]),
        'Standards/scs-0103-v1-latin1.md': Buffer.from('---\ntitle: Caf\xe9\n---\n', 'latin1'),
        'Standards/scs-0104-v1-huge.md': `${valid}${'x'.repeat(3 * 1024 * 1024)}`,
      },
      {},
    );
    symlinkSync('scs-0199-v1-missing.md', join(root, 'Standards', 'scs-0105-v1-dangling.md'));
    symlinkSync('scs-0106-v1-loop.md', join(root, 'Standards', 'scs-0106-v1-loop.md'));
    mkdirSync(join(root, 'Standards', 'loop'));
    symlinkSync('..', join(root, 'Standards', 'loop', 'up'));
    const result = runBin(['lint', '.'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    golden('lint-bad-input-stylish.txt', result.stdout);
  });

  test('an unreadable folder entry does not stop the run', async () => {
    const root = repo({ 'Standards/scs-0100-v1-flavor-naming.md': standard({}), 'Standards/locked/scs-0101-v1-x.md': standard({}) });
    chmodSync(join(root, 'Standards', 'locked'), 0o000);
    try {
      const result = await runMain(['lint', '.'], root);
      expect([0, 1]).toContain(result.code);
    } finally {
      chmodSync(join(root, 'Standards', 'locked'), 0o755);
    }
  });
});

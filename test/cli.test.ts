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
  test('no arguments prints help and exits 2', async () => {
    const result = await runMain([], FIXTURES);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('Usage: scs-standards');
  });
});

describe('lint exit codes and formats', () => {
  test('a clean repository exits 0 and prints nothing', () => {
    const result = runBin(['lint'], join(FIXTURES, 'clean'));
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
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
    [['lint', '--nope'], "Unknown option '--nope'"],
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
    ['{\n  "rules": {\n    "file-content": "loud"\n  }\n}', '.scs-standards.json:3:21: unexpected value, expected one of "off", "warn", "error", 0, 1, 2'],
    ['{ "rulez": {} }', '.scs-standards.json:1:1: unknown setting `rulez`'],
    ['{ "rules": { "file-content": ["error", { "x": 1 }] } }', 'rule `file-content` has no options'],
    ['{ "rules": [ }', '.scs-standards.json:1:14: invalid configuration syntax'],
    ['{ "rules": { "sections-required": ["error", { "Standard": { "required": "Introduction" } }] } }', 'invalid options for rule `sections-required`'],
  ])('invalid configuration %s exits 2 with a positioned message', async (text, message) => {
    const root = repo({ 'Standards/scs-0100-v1-flavor-naming.md': standard({}) }, undefined);
    writeFileSync(join(root, '.scs-standards.json'), text);
    const result = await runMain(['lint'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
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

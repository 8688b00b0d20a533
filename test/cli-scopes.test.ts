import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { temporaryRepos, runBin, runMain } from './helpers/cli.js';
import { standard } from './helpers/documents.js';
import { readGolden } from './helpers/lint.js';

/** The one line of a run without findings, in the stylish format. */
const NO_PROBLEMS = /^✔ (\d+ documents?( and \d+ scope files?)?|\d+ scope files?) checked, no problems\n$/;

const SCOPES = join(import.meta.dirname, 'fixtures', 'cli', 'scopes');
const GOLDEN = join(import.meta.dirname, 'golden');
const IAAS = 'Tests/scs-compatible-iaas.yaml';
const KAAS = 'Tests/scs-compatible-kaas.yaml';
const repo = temporaryRepos();

/** The fixture's files, for repositories that change its configuration. */
function fixtureFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of ['scs-0100-v1-flavor-naming.md', 'scs-0100-v2-flavor-naming.md', 'scs-0110-v1-ssd-flavors.md']) {
    files[`Standards/${name}`] = readFileSync(join(SCOPES, 'Standards', name), 'utf8');
  }
  for (const name of [IAAS, KAAS, 'Tests/iaas/scs-image-list.yaml']) files[name] = readFileSync(join(SCOPES, name), 'utf8');
  return files;
}

interface JsonFile {
  filePath: string;
  messages: { ruleId: string; severity: number; line: number }[];
}

async function lintJson(args: string[], cwd: string): Promise<{ code: number; files: Record<string, JsonFile['messages']>; stderr: string }> {
  const result = await runMain(['lint', '--format', 'json', ...args], cwd);
  const data = result.stdout ? (JSON.parse(result.stdout) as JsonFile[]) : [];
  const files: Record<string, JsonFile['messages']> = {};
  for (const file of data) files[file.filePath.slice(cwd.length + 1)] = file.messages;
  return { code: result.code, files, stderr: result.stderr };
}

describe('lint checks certificate-scope files', () => {
  test('without paths: the standards folder and every scope file, reported like documents (golden)', () => {
    const result = runBin(['lint'], SCOPES);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(readGolden(join(GOLDEN, 'lint-scopes-stylish.txt'), result.stdout));
  });

  test('JSON lists scope files with documents, sorted by path; files outside the glob are not scope files', async () => {
    const { code, files } = await lintJson([], SCOPES);
    expect(code).toBe(1);
    expect(Object.keys(files)).toEqual([
      'Standards/scs-0100-v1-flavor-naming.md',
      'Standards/scs-0100-v2-flavor-naming.md',
      'Standards/scs-0100-w1-flavor-naming-implementation.md',
      'Standards/scs-0110-v1-ssd-flavors.md',
      'Standards/scs-xxxx-v1-gpu-flavors.md',
      IAAS,
      KAAS,
    ]);
    expect(files[IAAS]?.map((message) => message.ruleId)).toEqual(['scope-module-document-exists', 'scope-timeline-order', 'scope-includes-stable', 'scope-schema']);
    expect(files[KAAS]).toEqual([]);
  });

  test('a named scope file is linted alone, still against the standards folder', async () => {
    const { code, files } = await lintJson([IAAS], SCOPES);
    expect(code).toBe(1);
    expect(Object.keys(files)).toEqual([IAAS]);
    expect(files[IAAS]?.some((message) => message.ruleId === 'scope-includes-stable')).toBe(true);
    expect(await runMain(['lint', KAAS], SCOPES)).toEqual({ code: 0, stdout: expect.stringMatching(NO_PROBLEMS), stderr: '' });
  });

  test('a named folder lints the scope files in it; the standards folder alone lints none', async () => {
    expect(Object.keys((await lintJson(['Tests'], SCOPES)).files)).toEqual([IAAS, KAAS]);
    expect(Object.keys((await lintJson(['Standards'], SCOPES)).files).some((path) => path.startsWith('Tests/'))).toBe(false);
    expect(Object.keys((await lintJson(['.'], SCOPES)).files)).toContain(IAAS);
  });

  test('a YAML file that the globs do not match is not linted', async () => {
    const result = await runMain(['lint', 'Tests/iaas/scs-image-list.yaml'], SCOPES);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('no standards documents found');
  });

  test('`scopes` in the configuration chooses the files; [] lints none', async () => {
    const wide = repo(fixtureFiles(), { scopes: ['Tests/**/scs-*.yaml'] });
    const { files } = await lintJson([], wide);
    expect(Object.keys(files).filter((path) => path.startsWith('Tests/'))).toEqual(['Tests/iaas/scs-image-list.yaml', IAAS, KAAS]);
    expect(files['Tests/iaas/scs-image-list.yaml']?.map((message) => message.ruleId)).toEqual(['scope-yaml']);
    const none = repo(fixtureFiles(), { scopes: [] });
    expect(Object.keys((await lintJson([], none)).files).some((path) => path.startsWith('Tests/'))).toBe(false);
  });

  test('overrides by `files` and ignores apply to scope files', async () => {
    const root = repo(fixtureFiles(), {
      overrides: [{ files: ['Tests/scs-compatible-iaas.yaml'], rules: { 'scope-schema': 'off', 'scope-timeline-order': 'error' } }],
      ignores: ['Tests/scs-compatible-kaas.yaml'],
    });
    const { files } = await lintJson([], root);
    expect(files[KAAS]).toBeUndefined();
    expect(files[IAAS]?.map((message) => [message.ruleId, message.severity])).toEqual([
      ['scope-module-document-exists', 2],
      ['scope-timeline-order', 2],
      ['scope-includes-stable', 2],
    ]);
  });

  test('--rule selects scope rules like any other', async () => {
    const { files } = await lintJson(['--rule', 'scope-schema'], SCOPES);
    expect(files[IAAS]?.map((message) => message.ruleId)).toEqual(['scope-schema']);
    expect(Object.values(files).flat().every((message) => message.ruleId === 'scope-schema')).toBe(true);
    const documentsOnly = await lintJson(['--rule', 'file-name-unique'], SCOPES);
    expect(Object.keys(documentsOnly.files).some((path) => path.startsWith('Tests/'))).toBe(false);
  });

  test('a scope file without the standards folder is a usage error', async () => {
    const root = repo({ [IAAS]: readFileSync(join(SCOPES, IAAS), 'utf8') }, { standards: 'Docs' });
    const result = await runMain(['lint', IAAS], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('No standards folder: Docs does not exist; certificate scopes are checked against it');
    expect(result.stdout).toBe('');
  });

  test.each([
    ['{ "scopes": ["../other/scs-*.yaml"] }', '.scs-standards.json:1:14: a scope glob must stay inside the repository'],
    ['{ "scopes": ["/etc/scs-*.yaml"] }', 'a scope glob must stay inside the repository'],
    ['{ "scopes": "Tests/scs-*.yaml" }', '.scs-standards.json:1:13: expected a list, got the text "Tests/scs-*.yaml"'],
  ])('invalid `scopes` %s exits 2 with a positioned message', async (text, message) => {
    const root = repo({ 'Standards/scs-0100-v1-flavor-naming.md': standard({}), '.scs-standards.json': text }, undefined);
    const result = await runMain(['lint'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  test('a broken scope file is reported, not fatal', async () => {
    const root = repo({ 'Standards/scs-0100-v1-flavor-naming.md': standard({}), 'Tests/scs-broken.yaml': 'name: [unclosed\n', 'Tests/scs-binary.yaml': Buffer.from([0x6e, 0x00]) });
    const { code, files } = await lintJson([], root);
    expect(code).toBe(1);
    expect(files['Tests/scs-broken.yaml']?.map((message) => message.ruleId)).toEqual(['scope-yaml']);
    expect(files['Tests/scs-binary.yaml']?.map((message) => message.ruleId)).toEqual(['scope-yaml']);
  });

  test('`rules --format json` tells which kind of file each rule checks', async () => {
    const result = await runMain(['rules', '--format', 'json'], SCOPES);
    const rules = JSON.parse(result.stdout) as { id: string; input: string }[];
    expect(rules.find((rule) => rule.id === 'scope-schema')?.input).toBe('scope');
    expect(rules.find((rule) => rule.id === 'front-matter-schema')?.input).toBe('document');
  });
});

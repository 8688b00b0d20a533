import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseFrontMatter } from '../tools/model/frontmatter.js';
import { CertificateScope } from '../tools/model/scope.js';
import { nestingDepth } from '../tools/model/yaml-limits.js';
import { CLI, temporaryRepos, runMain, type CliResult } from './helpers/cli.js';
import { standard } from './helpers/documents.js';

/**
 * The limits of hostile input: YAML aliases and nesting everywhere YAML is read, files over the
 * configured size, and folders with loops, special files and thousands of other files, for
 * every command that reads documents (lint, index and the authoring commands).
 */

const repo = temporaryRepos();

/** Runs the built command; a hang ends it (and fails the test) instead of the test run. */
function runGuarded(args: string[], cwd: string): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

const ALIAS_BOMB = `a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 12 }, (_, index) => `a${index + 1}: &a${index + 1} [${Array(10).fill(`*a${index}`).join(', ')}]`).join('\n')}\n`;
const DEEP_FLOW = `rules: ${'['.repeat(20000)}${']'.repeat(20000)}\n`;
const DEEP_BLOCK = `rules:\n${Array.from({ length: 3000 }, (_, depth) => `${'  '.repeat(depth)}- `).join('\n')}\n`;
const DEEP_INDICATORS = `rules:\n  ${'? '.repeat(20000)}x\n`;

describe('YAML aliases and nesting are bounded wherever YAML is read', () => {
  test.each([
    ['an alias bomb', ALIAS_BOMB, /:1:1: the configuration could not be read: .*aliases are limited to 100 expansions/],
    ['deep flow nesting', DEEP_FLOW, /:1:1: the configuration nests 20000 levels deep, over the limit of 64: not parsed/],
    ['deep block nesting', DEEP_BLOCK, /:1:1: the configuration nests \d+ levels deep, over the limit of 64: not parsed/],
    ['deep `?` indicators', DEEP_INDICATORS, /:1:1: the configuration nests \d+ levels deep, over the limit of 64: not parsed/],
  ])('the configuration file: %s is a positioned configuration error (exit 2)', async (name, yaml, message) => {
    for (const file of ['.scs-standards.yaml', '.scs-standards.json']) {
      const root = repo({ 'Standards/scs-0100-v1-flavor-naming.md': standard({}) });
      rmSync(join(root, '.scs-standards.json'));
      writeFileSync(join(root, file), yaml);
      for (const command of [['lint'], ['index', '--format', 'json'], ['stabilize', '0100-v1', '--dry-run']]) {
        const result = await runMain(command, root);
        expect(result.code, `${file} ${command.join(' ')}`).toBe(2);
        // A `.json` file is read as JSON: YAML aliases in it are a syntax error there.
        expect(result.stderr).toMatch(file.endsWith('.json') && name === 'an alias bomb' ? /:1:1: invalid JSON: expected a value/ : message);
        expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
      }
    }
  });

  test('the suppressions file (JSON) may nest deeply without harm', async () => {
    const root = repo({ 'Standards/scs-0100-v1-flavor-naming.md': standard({}), 'scs-standards-suppressions.json': `${'{"a":'.repeat(200_000)}1${'}'.repeat(200_000)}` });
    const result = await runMain(['lint'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/scs-standards-suppressions\.json: `a` > `a` must be `\{ "count": N \}`/);
  });

  test.each([
    ['block sequences', `a:\n${Array.from({ length: 500 }, (_, depth) => `${' '.repeat(depth + 1)}- `).join('\n')}\n`],
    ['sequence indicators on one line', `a:\n  ${'- '.repeat(5000)}x\n`],
    ['mapping indicators on one line', `a:\n  ${'? '.repeat(5000)}x\n`],
    ['flow collections', `a: ${'{x: '.repeat(5000)}1${'}'.repeat(5000)}\n`],
  ])('front matter and scope files: %s are refused before the parser sees them', (_name, yaml) => {
    expect(nestingDepth(yaml)).toBeGreaterThan(64);
    const fm = parseFrontMatter(`---\n${yaml}---\n`);
    expect(fm.problems.map((problem) => problem.kind)).toEqual(['limit']);
    expect(fm.problems[0]?.message).toMatch(/over the limit of 64: not parsed/);
    const scope = CertificateScope.fromBytes('/r/Tests/scs-x.yaml', 'Tests/scs-x.yaml', 'scs-x.yaml', Buffer.from(yaml));
    expect(scope.problems.map((problem) => problem.kind)).toEqual(['limit']);
  });

  test('ordinary nesting is not mistaken for deep nesting', () => {
    const scope = readFileSync(join(import.meta.dirname, 'fixtures', 'index', 'corpus', 'Tests', 'scs-compatible-iaas.yaml'), 'utf8');
    expect(nestingDepth(scope)).toBeLessThan(12);
    expect(nestingDepth('a:\n  - b: 1\n    c:\n      - d\n? complex\n: value\n')).toBeLessThan(6);
  });
});

describe('files over the configured size are reported, not parsed', () => {
  test('documents and scope files, in lint and index', async () => {
    const big = `${standard({})}\n${'filler line\n'.repeat(3000)}`;
    const scope = `name: Big\nurl: https://example.com\n# ${'x'.repeat(40_000)}\n`;
    const root = repo({ 'Standards/scs-0100-v1-flavor-naming.md': big, 'Standards/scs-0101-v1-small.md': standard({ title: 'Small' }), 'Tests/scs-big.yaml': scope }, { maxFileSize: 20_000 });
    const lint = await runMain(['lint', '--format', 'json'], root);
    const results = JSON.parse(lint.stdout) as { filePath: string; messages: { ruleId: string; message: string; line: number }[] }[];
    const byFile = new Map(results.map((result) => [result.filePath.split('/').slice(-2).join('/'), result.messages]));
    expect(byFile.get('Standards/scs-0100-v1-flavor-naming.md')).toEqual([
      expect.objectContaining({ ruleId: 'file-content', line: 1, message: expect.stringMatching(/over the limit of 20000 bytes: not parsed/) }),
    ]);
    expect(byFile.get('Tests/scs-big.yaml')).toEqual([expect.objectContaining({ ruleId: 'scope-yaml', line: 1, message: expect.stringMatching(/over the limit of 20000 bytes/) })]);
    const index = await runMain(['index', '--format', 'json'], root);
    expect(index.code).toBe(0);
    expect(index.stderr).toMatch(/scs-0100-v1-flavor-naming\.md:1:1: warning: .*over the limit of 20000 bytes/);
    expect(index.stderr).toMatch(/scs-big\.yaml:1:1: warning: .*over the limit of 20000 bytes/);
  });
});

describe('odd folders: loops, special files, thousands of other files', () => {
  function oddRepo(): string {
    const root = repo({}, undefined);
    cpSync(join(import.meta.dirname, 'fixtures', 'index', 'corpus'), root, { recursive: true });
    cpSync(join(import.meta.dirname, '..', 'templates'), join(root, 'templates'), { recursive: true });
    writeFileSync(join(root, '.scs-standards.json'), '{}\n');
    const standards = join(root, 'Standards');
    symlinkSync('scs-0199-v1-missing.md', join(standards, 'scs-0197-v1-dangling.md'));
    symlinkSync('scs-0198-v1-loop.md', join(standards, 'scs-0198-v1-loop.md'));
    mkdirSync(join(standards, 'loop'));
    symlinkSync('..', join(standards, 'loop', 'up'));
    symlinkSync('/dev/zero', join(standards, 'scs-0196-v1-zero.md'));
    symlinkSync('/dev/zero', join(root, 'Tests', 'scs-zero.yaml'));
    const fifo = spawnSync('mkfifo', [join(root, 'fifo')]);
    expect(fifo.status).toBe(0);
    symlinkSync('../fifo', join(standards, 'scs-0195-v1-fifo.md'));
    symlinkSync('../fifo', join(root, 'Tests', 'scs-fifo.yaml'));
    for (let folder = 0; folder < 10; folder++) {
      const path = join(standards, 'assets', `part-${folder}`);
      mkdirSync(path, { recursive: true });
      for (let file = 0; file < 300; file++) writeFileSync(join(path, `image-${file}.svg`), '<svg/>');
    }
    return root;
  }

  // Scope files are found by glob, which passes over links to anything but regular files.
  // With --cache, documents are read partially (and, once known, not at all): the same files
  // are refused the same way, on the first run and on the next.
  test.each(['without a cache', 'with a cold cache', 'with a warm cache'])('lint %s reports the special files and links and goes on', (mode) => {
    const root = oddRepo();
    const args = mode === 'without a cache' ? ['lint'] : ['lint', '--cache'];
    if (mode === 'with a warm cache') runGuarded(args, root);
    const result = runGuarded([...args, '--format', 'json'], root);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const messages = (JSON.parse(result.stdout) as { filePath: string; messages: { message: string }[] }[]).flatMap((entry) =>
      entry.messages.map((message) => `${entry.filePath.split('/').pop() ?? ''}: ${message.message}`),
    );
    expect(messages).toEqual(
      expect.arrayContaining([
        'scs-0195-v1-fifo.md: File cannot be read: not a regular file (a pipe, socket or device)',
        'scs-0196-v1-zero.md: File cannot be read: not a regular file (a pipe, socket or device)',
        'scs-0197-v1-dangling.md: File cannot be read: it does not exist (a broken link?)',
        'scs-0198-v1-loop.md: File cannot be read: too many symbolic links (a link loop?)',
      ]),
    );
  });

  test('index builds the rest and warns about each', () => {
    const root = oddRepo();
    const result = runGuarded(['index', '--format', 'json', '--today', '2026-01-01'], root);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveProperty('standards');
    for (const name of ['scs-0195-v1-fifo.md', 'scs-0196-v1-zero.md', 'scs-0197-v1-dangling.md', 'scs-0198-v1-loop.md']) {
      expect(result.stderr).toContain(name);
    }
  });

  test('authoring commands work beside them', () => {
    const root = oddRepo();
    for (const args of [
      ['stabilize', '0100-v4', '--date', '2026-01-01', '--dry-run'],
      ['accept', 'xxxx-v1', '--dry-run'],
      ['new', '--type', 'Standard', '--track', 'IaaS', '--title', 'Another', '--dry-run'],
    ]) {
      const result = runGuarded(args, root);
      expect(result.stderr, args.join(' ')).toBe('');
      expect(result.code).toBe(0);
    }
  });
});

describe('keys that are lists or mappings', () => {
  // The YAML library turns such keys into text with a process warning on stderr, unpositioned;
  // here they are findings at the key, and nothing else is written to stderr.
  test('are positioned findings in front matter, and never process warnings', () => {
    const text = standard({}).replace('title: Flavor Naming\n', 'title: Flavor Naming\n? [type, track]\n: Standard\n{ a: 1 }: b\n');
    const root = repo({ 'Standards/scs-0100-v1-flavor-naming.md': text, 'Tests/scs-odd.yaml': 'name: Odd\n? [a]\n: b\n' });
    const result = runGuarded(['lint', '--format', 'json'], root);
    expect(result.stderr).toBe('');
    const messages = (JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; message: string; line: number; column: number }[] }[]).flatMap((entry) => entry.messages);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ruleId: 'front-matter-yaml', line: 3, column: 3, message: 'A front matter key must be a plain name, found a list as a key' }),
        expect.objectContaining({ ruleId: 'front-matter-yaml', line: 5, column: 1, message: 'A front matter key must be a plain name, found a mapping as a key' }),
      ]),
    );
    const config = repo({ 'Standards/scs-0100-v1-flavor-naming.md': standard({}) }, undefined);
    writeFileSync(join(config, '.scs-standards.yaml'), '? [a]\n: b\n');
    expect(runGuarded(['lint'], config).stderr).not.toMatch(/Warning/);
  });
});

import { defaultProcess } from '../tools/profile/process.js';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import preset from '../tools/remark/index.js';
import { rules } from '../tools/rules/index.js';
import { isDocumentRule, ruleUrl } from '../tools/rules/rule.js';
import { makeRepo, runBin } from './helpers/cli.js';
import { standard } from './helpers/documents.js';
import { childEnv, installed, linkPackages, PACKAGE_ROOT, run, type ProcessResult } from './helpers/integrations.js';
import { readGolden } from './helpers/lint.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const GOLDEN = join(import.meta.dirname, 'golden');
const REMARK_CLI = installed('remark-cli/cli.js');
/** The per-document rules the default profile turns on (the fixture repository chooses no profile). */
const DOCUMENT_RULES = rules.filter((rule) => isDocumentRule(rule) && rule.meta.scope === 'document' && defaultProcess().ruleSeverity(rule.id) !== 'off').map((rule) => rule.id);

interface RemarkMessage {
  reason: string;
  ruleId?: string;
  source?: string;
  url?: string;
  fatal?: boolean | null;
  place?: { start: { line: number; column: number }; end: { line: number; column: number } };
}

interface LintFile {
  filePath: string;
  messages: { ruleId: string; severity: number; message: string; line: number; column: number; endLine: number; endColumn: number }[];
}

/** A repository with `.remarkrc.json` using the preset from the built package, as a user writes it. */
function remarkRepo(files: Record<string, string | Buffer>, config: unknown = {}): { root: string; cleanup: () => void } {
  const repo = makeRepo(files, config);
  writeFileSync(join(repo.root, '.remarkrc.json'), `${JSON.stringify({ plugins: ['scs-standards/remark'] })}\n`);
  linkPackages(repo.root, ['scs-standards', 'vfile-reporter-json']);
  return repo;
}

function remark(cwd: string, ...args: string[]): ProcessResult {
  return run(process.execPath, [REMARK_CLI, '--no-stdout', '--no-color', ...args], cwd, childEnv());
}

/** `path:line:column-endLine:endColumn severity rule-id message` for remark's messages from this package. */
function remarkLines(root: string, cwd: string, json: string): string[] {
  const files = JSON.parse(json) as { path: string; messages: RemarkMessage[] }[];
  return files.flatMap((file) =>
    file.messages
      .filter((message) => message.source === 'scs-standards')
      .map((message) => {
        const place = message.place;
        const where = place ? `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}` : '?';
        return `${relative(root, resolve(cwd, file.path))}:${where} ${message.fatal ? 'error' : 'warning'} ${message.ruleId ?? '?'} ${message.reason}`;
      }),
  );
}

/** The same line format for `scs-standards lint`'s findings of per-document rules. */
function lintLines(root: string, json: string): string[] {
  const files = JSON.parse(json) as LintFile[];
  return files.flatMap((file) =>
    file.messages
      .filter((message) => DOCUMENT_RULES.includes(message.ruleId))
      .map(
        (message) =>
          `${relative(root, file.filePath)}:${message.line}:${message.column}-${message.endLine}:${message.endColumn} ${message.severity === 2 ? 'error' : 'warning'} ${message.ruleId} ${message.message}`,
      ),
  );
}

describe('scs-standards/remark in remark-cli', () => {
  let root = '';
  let cleanup = (): void => {};
  let remarkRun: ProcessResult;
  let lintRun: ProcessResult;

  beforeAll(() => {
    const valid = standard({ status: 'Stable', stabilized_at: '2023-06-14' });
    const repo = remarkRepo(
      {
        // Every fixture of the rule and CLI tests, and the inputs that are hard to read.
        'Standards/scs-0100-v1-flavor-naming.md': `\ufeff${valid}`.replaceAll('\n', '\r\n'),
        'Standards/scs-0101-v1-empty.md': '',
        'Standards/scs-0102-v1-binary.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02]),
        'Standards/scs-0103-v1-latin1.md': Buffer.from('---\ntitle: Caf\xe9\n---\n\n# Caf\xe9\n', 'latin1'),
        'Standards/scs-0104-v1-large.md': `${valid}\n${'Long text. '.repeat(3000)}\n`,
        'Standards/scs-0105-v1-top-comment.md': valid
          .replace('status: Stable', 'status: Draft')
          .replace('---\n\n# ', '---\n\n<!-- lint disable front-matter-status-dates sections-recommended -->\n\n# '),
        'Standards/scs-0106-v1-ignore.md': `${standard({})}\n<!-- lint ignore link-fragment-exists -->\nSee [here](#nowhere) and [there](#elsewhere).\n\nBut [not](#gone).\n`,
        'Standards/scs-0107-v1-unknown-rule.md': `${standard({})}\n<!-- lint disable no-such-rule -->\n`,
        'Standards/scs-XXXX-vN-template.md': '# A template is no document\n',
        'Standards/README.md': '# Not a standards document\n',
        'Standards/ignored/scs-0108-v1-ignored.md': '# Ignored by the configuration\n',
      },
      { maxFileSize: 20000, ignores: ['Standards/ignored/**'] },
    );
    root = repo.root;
    cleanup = repo.cleanup;
    // One configuration for the whole copy: fixture folders with a configuration of their own
    // are separate repositories, which lint (configured from the current folder) and remark
    // (configured from each file's repository) would each treat differently.
    cpSync(FIXTURES, join(root, 'fixtures'), { recursive: true, filter: (source) => !source.endsWith('.scs-standards.json') });
    remarkRun = remark(root, '.', '--report', 'json');
    lintRun = runBin(['lint', '.', '--format', 'json'], root);
  }, 90_000); // two processes over every fixture: generous on a busy machine

  afterAll(() => cleanup());

  test('reports the same findings of per-document rules as `scs-standards lint`', () => {
    expect(lintRun.code).toBe(1);
    const expected = lintLines(root, lintRun.stdout).sort();
    const actual = remarkLines(root, root, remarkRun.stderr).sort();
    expect(actual.length).toBeGreaterThan(80);
    expect(actual).toEqual(expected);
  });

  test('every per-document rule is exercised, and no other rule runs', () => {
    const ids = new Set(remarkLines(root, root, remarkRun.stderr).map((line) => line.split(' ')[2]));
    expect([...ids].sort()).toEqual([...DOCUMENT_RULES].sort());
  });

  test('the hard inputs are reported as lint reports them, and skipped files are skipped', () => {
    const lines = remarkLines(root, root, remarkRun.stderr).filter((line) => line.startsWith('Standards/'));
    expect(lines.filter((line) => line.startsWith('Standards/scs-0100-'))).toEqual([]);
    expect(lines).toContain('Standards/scs-0102-v1-binary.md:2:1-2:1 error file-content File contains binary content (a NUL byte): not a Markdown document');
    expect(lines).toContain('Standards/scs-0103-v1-latin1.md:2:11-2:11 error file-content File is not valid UTF-8: unexpected byte 0xe9; save the file as UTF-8');
    expect(lines.some((line) => line.startsWith('Standards/scs-0104-v1-large.md:1:1-1:1 error file-content File is '))).toBe(true);
    expect(lines.filter((line) => line.startsWith('Standards/scs-0105-'))).toEqual([]);
    expect(lines.filter((line) => line.startsWith('Standards/scs-0106-'))).toEqual([
      'Standards/scs-0106-v1-ignore.md:34:5-34:17 warning link-fragment-exists Link to `#gone`, which is no heading or anchor in this document',
    ]);
    expect(lines.filter((line) => /XXXX|README|ignored/.test(line))).toEqual([]);
  });

  test('messages carry the rule id, source and doc page; errors are fatal and fail the run', () => {
    const files = JSON.parse(remarkRun.stderr) as { messages: RemarkMessage[] }[];
    const messages = files.flatMap((file) => file.messages);
    expect(messages.length).toBeGreaterThan(80);
    for (const message of messages) {
      expect(message.source).toBe('scs-standards');
      expect(message.url).toBe(ruleUrl(message.ruleId ?? ''));
      expect(typeof message.fatal).toBe('boolean');
    }
    expect(remarkRun.code).toBe(1);
  });

  test('the report a person reads (golden)', () => {
    const result = remark(join(root, 'fixtures', 'cli', 'mixed'), 'Standards');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(readGolden(join(GOLDEN, 'remark-mixed.txt'), result.stderr));
  });
});

describe('scs-standards/remark exit codes', () => {
  test('a clean folder exits 0; warnings alone exit 0 (1 with --frail, as in remark-lint)', () => {
    const repo = remarkRepo({
      'Standards/scs-0100-v1-flavor-naming.md': standard({}),
      'Standards/scs-0101-v1-entropy.md': `${standard({ title: 'Entropy' })}\nSee [nothing](#nothing).\n`,
    });
    try {
      const clean = remark(repo.root, 'Standards/scs-0100-v1-flavor-naming.md');
      expect(clean.code).toBe(0);
      expect(clean.stderr).toContain('no issues found');
      const warned = remark(repo.root, 'Standards');
      expect(warned.code).toBe(0);
      expect(warned.stderr).toMatch(/warning.*Link to `#nothing`.*link-fragment-exists/);
      expect(remark(repo.root, 'Standards', '--frail').code).toBe(1);
    } finally {
      repo.cleanup();
    }
  });

  test('the repository configuration applies, and an invalid one is a fatal message', () => {
    const files = { 'Standards/scs-0101-v1-entropy.md': `${standard({ title: 'Entropy' })}\nSee [nothing](#nothing).\n` };
    const off = remarkRepo(files, { rules: { 'link-fragment-exists': 'off' } });
    const broken = remarkRepo(files, { rules: { 'no-such-rule': 'error' } });
    try {
      const quiet = remark(off.root, 'Standards');
      expect(quiet.code).toBe(0);
      expect(quiet.stderr).not.toContain('link-fragment-exists');
      const failed = remark(broken.root, 'Standards');
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain('Invalid scs-standards configuration: .scs-standards.json:3:5: unknown rule `no-such-rule`');
    } finally {
      off.cleanup();
      broken.cleanup();
    }
  });
});

describe('scs-standards/remark reads what the CLI reads', () => {
  const legacy = `Standards/scs-0100-v1-flavor-naming.md`;
  // A legacy Stable document without *Conformance Tests* and *Terminology*.
  const text = standard({ status: 'Stable', stabilized_at: '2023-06-14' }).replace('## Conformance Tests\n\nA test script checks every requirement of this standard.\n', '').replace(/## Terminology\n[\s\S]*?(?=## Motivation)/, '');

  test('errors counted in the suppressions file are not shown, severities of the configuration apply, as in `lint` and CI', () => {
    const repo = remarkRepo({ [legacy]: text }, { rules: { 'sections-recommended': 'error' } });
    try {
      expect(runBin(['lint', '--suppress-all'], repo.root).code).toBe(0);
      expect(runBin(['lint'], repo.root)).toMatchObject({ code: 0, stdout: '✔ 1 document checked, no problems (2 errors suppressed)\n' });
      const result = remark(repo.root, 'Standards', '--report', 'vfile-reporter-json');
      expect(result.code).toBe(0);
      expect(remarkLines(repo.root, repo.root, result.stderr)).toEqual([]);

      // Once the file has more errors than counted, all of them show, as `lint` shows them.
      writeFileSync(join(repo.root, 'scs-standards-suppressions.json'), '{}\n');
      const lines = remarkLines(repo.root, repo.root, remark(repo.root, 'Standards', '--report', 'vfile-reporter-json').stderr);
      expect(lines).toEqual([
        `${legacy}:1:1-1:1 error sections-recommended Missing section \`## Terminology\`: a Standard should have it`,
        `${legacy}:1:1-1:1 error sections-required Missing section \`## Conformance Tests\`: a Standard must have it`,
      ]);
      expect(lintLines(repo.root, runBin(['lint', '--format', 'json'], repo.root).stdout)).toEqual(lines);
    } finally {
      repo.cleanup();
    }
  });

  test('in a long-lived pipeline (an editor), the root is found from each file, and a changed suppressions file is read again', () => {
    const first = makeRepo({ [legacy]: text });
    const second = makeRepo({ [legacy]: text }, { rules: { 'sections-required': 'warn', 'sections-recommended': 'off' } });
    try {
      writeFileSync(join(first.root, 'scs-standards-suppressions.json'), `${JSON.stringify({ [legacy]: { 'sections-required': { count: 1 } } })}\n`);
      const check = (root: string): string[] => {
        const file = new VFile({ path: join(root, legacy), value: text });
        const processor = unified().use(remarkParse).use(preset);
        processor.runSync(processor.parse(file), file);
        return file.messages.map((message) => `${message.fatal ? 'error' : 'warning'} ${message.ruleId ?? ''}`);
      };
      expect(check(first.root)).toEqual(['warning sections-recommended']);
      expect(check(second.root)).toEqual(['warning sections-required']);
      writeFileSync(join(first.root, 'scs-standards-suppressions.json'), '{ "other.md": { "sections-required": { "count": 1 } } }\n');
      expect(check(first.root)).toEqual(['warning sections-recommended', 'error sections-required']);
      writeFileSync(join(first.root, 'scs-standards-suppressions.json'), '{ not json');
      expect(check(first.root)[0]).toMatch(/^error $/);
    } finally {
      first.cleanup();
      second.cleanup();
    }
  });
});

describe('scs-standards/remark in a unified pipeline', () => {
  const conformance = standard({});

  function check(value: string | Uint8Array, path: string, tree?: ReturnType<typeof parse>): string[] {
    const file = new VFile({ path, value });
    const processor = unified().use(remarkParse).use(preset);
    processor.runSync(tree ?? processor.parse(file), file);
    return file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId ?? ''} ${message.reason}`);
  }

  function parse(text: string) {
    return unified().use(remarkParse).use(preset).parse(text);
  }

  test('uses the tree remark parsed instead of parsing again', () => {
    const path = join(PACKAGE_ROOT, 'test', 'fixtures', 'cli', 'clean', 'Standards', 'scs-0120-v1-topic.md');
    const renamed = conformance.replace('## Conformance Tests', '## Conformance Testz');
    expect(renamed.length).toBe(conformance.length);
    expect(check(renamed, path).join('\n')).toContain('Missing section `## Conformance Tests`');
    // The same text, but a tree that has the section: the findings follow the tree.
    expect(check(renamed, path, parse(conformance))).toEqual([]);
  });

  test('bytes are decoded as lint decodes a file (invalid UTF-8 at the first bad byte)', () => {
    const path = join(PACKAGE_ROOT, 'test', 'fixtures', 'cli', 'clean', 'Standards', 'scs-0120-v1-topic.md');
    const bytes = Buffer.concat([Buffer.from(conformance.slice(0, 10)), Buffer.from([0xff]), Buffer.from(conformance.slice(10))]);
    expect(check(bytes, path)).toEqual(['2:7 file-content File is not valid UTF-8: unexpected byte 0xff; save the file as UTF-8']);
  });

  test('files without a path or a standards file name are left alone', () => {
    const file = new VFile({ value: '# No front matter\n' });
    unified().use(remarkParse).use(preset).runSync(unified().use(remarkParse).parse(file), file);
    expect(file.messages).toEqual([]);
    expect(check('# No front matter\n', join(PACKAGE_ROOT, 'README.md'))).toEqual([]);
  });
});

describe('the built preset', () => {
  test('is reachable as scs-standards/remark and does not load the command line', async () => {
    const manifest = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { exports: Record<string, string>; bin: Record<string, string> };
    expect(manifest.exports['./remark']).toBe('./dist/remark.js');
    expect(manifest.bin['scs-standards']).toBe('dist/cli.js');
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = readFileSync(file, 'utf8');
      for (const match of code.matchAll(/(?:\bfrom|^import)\s*"(\.{1,2}\/[^"]+)"/gm)) visit(resolve(file, '..', match[1] ?? ''));
    };
    visit(join(PACKAGE_ROOT, 'dist', 'remark.js'));
    expect(seen.size).toBeGreaterThan(1);
    expect([...seen].map((file) => relative(PACKAGE_ROOT, file))).not.toContain('dist/cli.js');
    for (const file of seen) expect(readFileSync(file, 'utf8')).not.toContain('Usage: scs-standards');
    const built = (await import(join(PACKAGE_ROOT, 'dist', 'remark.js'))) as { default: { plugins: unknown[] } };
    expect(built.default.plugins).toHaveLength(3);
  });
});

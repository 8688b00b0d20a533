import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterEach, describe, expect, test } from 'vitest';
import { CapturedOutput } from '../tools/cli/capture.js';
import { main } from '../tools/cli/main.js';
import { parseFrontMatter } from '../tools/model/frontmatter.js';
import { sanitizeForTerminal } from '../tools/reporters/sanitize.js';
import { authoringRepo } from './helpers/authoring.js';
import { makeRepo, runMain } from './helpers/cli.js';
import { standard } from './helpers/documents.js';
import { git, makeGitRepo, writeFiles } from './helpers/git.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function repo(files: Record<string, string>): string {
  const made = makeRepo(files);
  cleanups.push(made.cleanup);
  return made.root;
}

describe('terminal output', () => {
  test('control characters and bidirectional overrides are shown, not interpreted', () => {
    expect(sanitizeForTerminal('a\u001b[2Jb\rc\u0007d\u202ee\nf\tg')).toBe('a\\x1b[2Jb\\x0dc\\x07d\\u202ee\\nf\tg');
  });

  test('a hostile value in the front matter reaches the stylish report escaped', async () => {
    const hostile = '"\\e]0;owned\\a\\e[2J\\rStable"';
    const root = repo({ 'Standards/scs-0100-v1-flavor-naming.md': standard({ status: hostile }) });
    const result = await runMain(['lint'], root);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('\\x1b]0;owned\\x07\\x1b[2J Stable');
    expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  test('a hostile file name reaches the stylish report escaped', async () => {
    const name = 'scs-0100-v1-flavor\u001b[31mred.md';
    const root = repo({ [`Standards/${name}`]: standard({}) });
    const result = await runMain(['lint'], root);
    expect(result.stdout).toContain('flavor\\x1b[31mred.md');
    expect(result.stdout).not.toContain('\u001b');
  });

  test('JSON output stays valid JSON for any value', async () => {
    const root = repo({ 'Standards/scs-0100-v1-flavor-naming.md': standard({ status: '"\\u0000\\u2028</script>\\"\\\\"' }) });
    const result = await runMain(['lint', '--format', 'json'], root);
    const data = JSON.parse(result.stdout) as { messages: { message: string }[] }[];
    expect(data[0]?.messages.some((message) => message.message.includes('\u0000 </script>"\\'))).toBe(true);
  });
});

describe('limits', () => {
  test('thousands of files that are not documents are passed over quickly and quietly', async () => {
    const root = repo({ 'Standards/scs-0100-v1-flavor-naming.md': standard({}) });
    for (let folder = 0; folder < 20; folder++) {
      const path = join(root, 'Standards', 'assets', `part-${folder}`);
      mkdirSync(path, { recursive: true });
      for (let file = 0; file < 150; file++) writeFileSync(join(path, `image-${file}.svg`), '<svg/>');
    }
    const result = await runMain(['lint', '--format', 'json'], root);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as unknown[]).length).toBe(1);
  });
});

/**
 * Every renderer with hostile document text AND hostile file names: titles and values with
 * Markdown table and link syntax, HTML, workflow-command syntax, terminal control sequences,
 * C1 controls, bidirectional overrides and lone surrogates; file names with spaces, unicode,
 * `%`, `:`, `,`, control characters and (on disk, outside git) a line break.
 */
describe('hostile titles and file names in every renderer', () => {
  const S = 'Standards/';
  /** Raw characters that must never reach a terminal or a log. */
  const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
  const HOSTILE_TITLE = '"Tokens | a\\nb <img src=x onerror=alert(1)> [x](javascript:alert(1)) `c` *d* 50% ::error::x \\e[2J\\e]0;t\\a \\u009b31m \\u202eevil \\ud800"';
  const HOSTILE_VALUE = '"Stable\\r\\n::error file=x::owned | <b> \\e[31m \\u202e \\udfff"';
  const NAMES = [
    'scs-0101-v1-a b%c:d,e.md',
    'scs-0102-v1-grüße-ü.md',
    'scs-0103-v1-esc\u001b[31mred.md',
    'scs-0104-v1-bidi\u202eevil.md',
  ];
  const FLAVOR = `${S}scs-0100-v1-flavor-naming.md`;

  function hostileRepo(): string {
    const made = makeGitRepo({ [FLAVOR]: standard({}), ...Object.fromEntries(NAMES.map((name) => [`${S}${name}`, standard({ title: 'Plain', track: 'IaaS' })])) });
    cleanups.push(made.cleanup);
    // The change: hostile titles and values everywhere, and a new file whose name has a line
    // break (possible on disk, untracked).
    writeFiles(made.root, {
      [FLAVOR]: standard({ title: HOSTILE_TITLE, status: HOSTILE_VALUE }),
      ...Object.fromEntries(NAMES.map((name) => [`${S}${name}`, standard({ title: HOSTILE_TITLE, status: HOSTILE_VALUE, track: 'KaaS' })])),
      [`${S}scs-0105-v1-line\nbreak.md`]: standard({ title: HOSTILE_TITLE, status: 'Draft' }),
    });
    return made.root;
  }

  function expectNoRawControl(text: string, what: string): void {
    const match = RAW_CONTROL.exec(text.replaceAll('\n', ''));
    expect(match, `${what}: raw U+${match?.[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${match?.index}`).toBeNull();
    expect(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text), `${what}: lone surrogate`).toBe(false);
  }

  test('lint stylish and review Markdown, with and without a base: no raw control character or surrogate', async () => {
    const root = hostileRepo();
    for (const args of [['lint'], ['lint', '--base', 'main'], ['review', '--base', 'main'], ['lint', '--base', 'main', '--head', 'main']]) {
      const result = await runMain(args, root);
      expect(result.stdout.length, args.join(' ')).toBeGreaterThan(0);
      expectNoRawControl(result.stdout, args.join(' '));
      expectNoRawControl(result.stderr, `${args.join(' ')} (stderr)`);
    }
    const stylish = (await runMain(['lint'], root)).stdout;
    expect(stylish).toContain('scs-0103-v1-esc\\x1b[31mred.md');
    expect(stylish).toContain('scs-0104-v1-bidi\\u202eevil.md');
    expect(stylish).toContain('scs-0105-v1-line\\nbreak.md');
  });

  test('JSON, SARIF and review JSON: valid JSON, well-formed, nothing a terminal acts on', async () => {
    const root = hostileRepo();
    for (const args of [['lint', '--format', 'json'], ['lint', '--base', 'main', '--format', 'sarif'], ['lint', '--format', 'sarif'], ['review', '--base', 'main', '--format', 'json']]) {
      const result = await runMain(args, root);
      expectNoRawControl(result.stdout, args.join(' '));
      const data: unknown = JSON.parse(result.stdout);
      expect(JSON.stringify(data)).toContain('Stable ::error file=x::owned');
    }
    const sarif = JSON.parse((await runMain(['lint', '--format', 'sarif'], root)).stdout) as { runs: { results: { message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const uris = sarif.runs[0]?.results.map((entry) => entry.locations[0]?.physicalLocation.artifactLocation.uri ?? '') ?? [];
    expect(uris).toContain('Standards/scs-0101-v1-a%20b%25c%3Ad%2Ce.md');
    expect(uris).toContain('Standards/scs-0105-v1-line%0Abreak.md');
    for (const uri of uris) expect(uri).toMatch(/^[A-Za-z0-9\-._~%/]+$/);
    // The lone surrogate of the status is kept as data: an escape in the JSON text.
    expect(sarif.runs[0]?.results.some((entry) => entry.message.text.includes('\udfff'))).toBe(true);
  });

  test('GitHub annotations: one command per finding, properties that decode to the exact path', async () => {
    const root = hostileRepo();
    for (const args of [['lint', '--format', 'github'], ['lint', '--base', 'main', '--format', 'github']]) {
      const result = await runMain(args, root);
      expectNoRawControl(result.stdout, args.join(' '));
      const lines = result.stdout.trimEnd().split('\n');
      const files = new Set<string>();
      const unplaced: string[] = [];
      for (const line of lines) {
        const match = /^::(error|warning) (?:file=([^:,]+),line=\d+,col=\d+,endLine=\d+,endColumn=\d+,)?title=[a-z-]+::([^\r\n]*)$/.exec(line);
        expect(match, line).not.toBeNull();
        if (match?.[2] === undefined) unplaced.push(match?.[3] ?? '');
        else files.add(decodeURIComponent(match[2]));
        expect(match?.[3]).not.toMatch(/%(?![0-9A-F]{2})/);
      }
      // Paths that a viewer would act on are not given as a file: the message names them, escaped.
      for (const name of NAMES.filter((name) => !/[\u001b\u202e]/.test(name))) expect(files).toContain(`${S}${name}`);
      expect(files).toContain(`${S}scs-0105-v1-line\nbreak.md`);
      expect(unplaced.some((message) => message.startsWith('Standards/scs-0103-v1-esc\\x1b[31mred.md:'))).toBe(true);
      expect(unplaced.some((message) => message.startsWith('Standards/scs-0104-v1-bidi\\u202eevil.md:'))).toBe(true);
    }
  });

  test('review Markdown: no HTML, no link but the rule pages, one line per item', async () => {
    const root = hostileRepo();
    const markdown = (await runMain(['review', '--base', 'main'], root)).stdout;
    const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
    const kinds = new Set<string>();
    const visit = (node: { type: string; url?: string; children?: unknown[] }): void => {
      kinds.add(node.type);
      if (node.type === 'link') expect(node.url).toMatch(/^https:\/\/github\.com\/SovereignCloudStack\/scs-standards\/blob\/main\/docs\/rules\/[a-z-]+\.md$/);
      for (const child of (node.children ?? []) as { type: string }[]) visit(child);
    };
    visit(tree as { type: string; children: unknown[] });
    expect(kinds.has('html')).toBe(false);
    expect(kinds.has('image')).toBe(false);
    expect(markdown).toContain('Tokens \\| a b &lt;img src=x onerror=alert(1)&gt; \\[x\\](javascript:alert(1)) \\`c\\` \\*d\\*');
    for (const line of markdown.split('\n')) if (line.includes('Tokens')) expect(line).toMatch(/^- /);
  });

  test('history: hostile file names and commit subjects reach the table escaped and the JSON valid', async () => {
    const root = hostileRepo();
    git(root, 'add', '--all', '--', '.');
    git(root, 'commit', '--quiet', '--no-verify', '-m', `Hostile \u001b[2J\u202eevil | <b> (#7)`);
    const table = await runMain(['history'], root);
    expect(table.code).toBe(0);
    expectNoRawControl(table.stdout, 'history');
    expect(table.stdout).toContain('scs-0103-v1-esc\\x1b[31mred.md');
    expect(table.stdout).toContain('scs-0105-v1-line\\nbreak.md');
    expect(table.stdout).toContain('Hostile \\x1b[2J\\u202eevil | <b> (#7)');
    const json = await runMain(['history', '--format', 'json'], root);
    expectNoRawControl(json.stdout, 'history --format json');
    const data = JSON.parse(json.stdout) as { documents: { path: string; events: { subject: string; pull_request: number | null }[] }[] };
    expect(data.documents.map((doc) => doc.path)).toContain(`${S}scs-0105-v1-line\nbreak.md`);
    expect(data.documents.flatMap((doc) => doc.events).some((event) => event.subject === 'Hostile \u001b[2J\u202eevil | <b> (#7)' && event.pull_request === 7)).toBe(true);
  });

  test('index warnings name hostile files escaped', async () => {
    const root = repo({
      'Standards/scs-0100-v1-esc\u001b[2Jx.md': '---\ntitle: [broken\n---\n',
      'Standards/scs-0101-v1-bidi\u202ey.md': standard({ stabilized_at: 'not a date' }),
      // Not indexed at all (its slug is not a slug), so not warned about either.
      'Standards/scs-0102-v1-line\nbreak.md': '---\ntitle: A\n',
    });
    const result = await runMain(['index', '--format', 'json', '--today', '2026-01-01'], root);
    expect(result.code).toBe(0);
    expectNoRawControl(result.stderr, 'index stderr');
    expect(result.stderr).toContain('scs-0100-v1-esc\\x1b[2Jx.md:3:1: warning:');
    expect(result.stderr).toContain('scs-0101-v1-bidi\\u202ey.md');
    expect(result.stderr).not.toContain('scs-0102-v1-line');
    expectNoRawControl(result.stdout, 'index.json');
  });
});

describe('authoring commands print hostile names and titles safely', () => {
  async function runOnTerminal(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
    const stdout = new CapturedOutput(true);
    const stderr = new CapturedOutput(true);
    const code = await main(args, { cwd, env: {}, stdout, stderr });
    return { code, stdout: stdout.text, stderr: stderr.text };
  }

  function authoring(): string {
    const made = authoringRepo();
    cleanups.push(made.cleanup);
    return made.root;
  }

  test('new: a title with a bidirectional override, markup and quotes is kept in the file and escaped on a terminal', async () => {
    const root = authoring();
    const title = 'Tokens \u202e | <b> "quoted" 50% :,';
    const result = await runOnTerminal(['new', '--type', 'Standard', '--track', 'IaaS', '--title', title, '--dry-run'], root);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/[\u202e]/);
    expect(result.stdout).toContain('+title: Tokens \\u202e | <b> "quoted" 50% :,');
    const created = await runOnTerminal(['new', '--type', 'Standard', '--track', 'IaaS', '--title', title], root);
    expect(created.code).toBe(0);
    expect(created.stdout).toBe('Created Standards/scs-xxxx-v1-tokens-b-quoted-50.md from templates/scs-XXXX-vN-standard-template.md\n');
    const doc = parseFrontMatter(readFileSync(join(root, 'Standards', 'scs-xxxx-v1-tokens-b-quoted-50.md'), 'utf8'));
    expect(doc.data.title).toBe(title);
    const refused = await runOnTerminal(['new', '--type', 'Standard', '--track', 'IaaS', '--title', 'A \u001b[2J title'], root);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('scs-standards new: --title must be one line of text without control characters\n');
  });

  test('accept of a proposal with a hostile file name is refused with the name escaped, and nothing moves', async () => {
    const root = authoring();
    const hostile = 'scs-xxxx-v1-gpu\u001b[31m flavors\u202e%:,.md';
    renameSync(join(root, 'Standards', 'scs-xxxx-v1-gpu-flavors.md'), join(root, 'Standards', hostile));
    for (const args of [['accept', join('Standards', hostile), '--dry-run'], ['accept', join('Standards', hostile)]]) {
      const result = await runOnTerminal(args, root);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).not.toMatch(/[\u001b\u202e]/);
      expect(result.stderr).toContain('gpu\\x1b[31m flavors\\u202e%:,');
    }
    expect(readdirSync(join(root, 'Standards'))).toContain(hostile);
  });

  test('a bad document name on the command line is echoed escaped', async () => {
    const root = authoring();
    const result = await runOnTerminal(['stabilize', 'scs-0100-v9\u001b]0;owned\u0007'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(/[\u001b\u0007]/);
  });
});

describe('names of built-in properties', () => {
  test('review: a type, status and track named like built-in properties break nothing', async () => {
    const made = makeGitRepo({ 'Standards/scs-0100-v1-flavor-naming.md': standard({}) });
    cleanups.push(made.cleanup);
    writeFiles(made.root, {
      'Standards/scs-xxxx-v1-a.md': standard({ track: 'toString', type: 'constructor', status: '__proto__' }),
    });
    const result = await runMain(['review', '--base', 'main', '--format', 'json'], made.root);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const review = JSON.parse(result.stdout) as { approvals: { group: string }[] };
    expect(review.approvals.map((approval) => approval.group)).toEqual(['(no group for track unknown)']);
  });
});

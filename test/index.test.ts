import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterEach, describe, expect, test } from 'vitest';
import indexSchema from '../schemas/index.schema.json' with { type: 'json' };
import { loadCorpus, readScope } from '../tools/engine/load.js';
import { buildIndex } from '../tools/indexes/build.js';
import { dateOf } from '../tools/indexes/labels.js';
import { mdxText, scriptJson } from '../tools/indexes/escape.js';
import type { VersionIndex } from '../tools/indexes/model.js';
import type { CertificateScope } from '../tools/model/scope.js';
import { defaultProcess } from '../tools/profile/process.js';
import { sidebarItems } from '../tools/indexes/render-sidebar.js';
import { runBin, runMain } from './helpers/cli.js';
import { readGolden } from './helpers/lint.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'index');
const CORPUS = join(FIXTURES, 'corpus');
const GOLDEN = join(import.meta.dirname, 'golden', 'index');
const TODAY = '2026-11-27';
const HOSTILE_TITLE = 'Tokens <script>alert("x")</script> & {braces} | pipes *stars* [link](https://example.com) `code`';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function temporary(): string {
  const folder = mkdtempSync(join(tmpdir(), 'scs-index-test-'));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

/** A copy of a fixture repository in a temporary folder (so that commands may write beside it). */
function copyOf(fixture: string): string {
  const root = temporary();
  cpSync(fixture, root, { recursive: true });
  return root;
}

/** Every file below a folder, by `/`-separated relative path, sorted. */
function listFiles(folder: string): string[] {
  const files: string[] = [];
  if (!existsSync(folder)) return files;
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(relative(folder, path).split('\\').join('/'));
    }
  };
  walk(folder);
  return files.sort();
}

async function generate(today = TODAY): Promise<string> {
  const out = temporary();
  const result = await runMain(['index', '--today', today, '--out', out], CORPUS);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return out;
}

/** The certificate-scope files of the fixture corpus, read. */
function fixtureScopes(root = CORPUS): CertificateScope[] {
  const folder = join(root, 'Tests');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => readScope(join(folder, name), root));
}

function fixtureIndex(today = TODAY): VersionIndex {
  return buildIndex(loadCorpus(join(CORPUS, 'Standards'), CORPUS), defaultProcess(), today, fixtureScopes()).index;
}

describe('golden outputs of the fixture corpus', () => {
  test('the output folder holds exactly the golden files', async () => {
    const out = await generate();
    const files = listFiles(out);
    if (process.env.UPDATE_GOLDEN === '1') {
      rmSync(GOLDEN, { recursive: true, force: true });
      cpSync(out, GOLDEN, { recursive: true });
    }
    expect(files).toEqual(listFiles(GOLDEN));
    expect(files).toContain('standards/overview.mdx');
    expect(files).toContain('sidebarsStandardsItems.js');
    expect(files).toContain('index.json');
    expect(files).toContain('index.html');
    expect(files).toContain('certificate-scopes/index.md');
    expect(files).toContain('certificate-scopes/scs-compatible-iaas.md');
  });

  test.each(listFiles(GOLDEN))('%s is golden', async (path) => {
    const out = await generate();
    const actual = readFileSync(join(out, path), 'utf8');
    expect(actual).toBe(readGolden(join(GOLDEN, path), actual));
  });

  test('--format json prints index.json', async () => {
    const result = await runMain(['index', '--today', TODAY, '--format', 'json'], CORPUS);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(readFileSync(join(GOLDEN, 'index.json'), 'utf8'));
  });

  test('the committed golden folder passes --check', async () => {
    const result = await runMain(['index', '--today', TODAY, '--check', '--out', GOLDEN], CORPUS);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('states in the fixture corpus', () => {
  const index = fixtureIndex();
  const version = (id: string) => index.standards.flatMap((standard) => [...standard.versions, ...standard.supplements.flatMap((supplement) => supplement.versions)]).find((entry) => entry.id === id);

  test.each([
    ['scs-0001-v1', 'effective', []],
    ['scs-0100-v1', 'deprecated', []],
    ['scs-0100-v2', 'effective', ['deprecated']],
    ['scs-0100-v3', 'effective', ['effective']],
    ['scs-0100-v4', 'draft', []],
    ['scs-0100-w2', 'effective', []],
    ['scs-0102-v2', 'rejected', []],
    ['scs-0210-v1', 'effective', ['effective', 'deprecated']],
    ['scs-0400-v1', 'deprecated', []],
  ])('%s is %s %j', (id, state, future) => {
    expect(version(id)).toMatchObject({ state, future });
  });

  test('supplement versions are grouped by slug and by replaces; separate supplements stay apart', () => {
    const flavor = index.standards.find((standard) => standard.number === '0100');
    expect(flavor?.supplements.map((supplement) => supplement.versions.map((entry) => entry.id))).toEqual([['scs-0100-w1', 'scs-0100-w2', 'scs-0100-w3']]);
    expect(flavor?.supplements[0]?.title).toBe('Flavor Naming: Implementation and Testing Notes');
    const entropy = index.standards.find((standard) => standard.number === '0101');
    expect(entropy?.supplements.map((supplement) => supplement.id)).toEqual(['scs-0101-w1', 'scs-0101-w2']);
  });

  test('the title comes from the latest version in force, the description with it', () => {
    const flavor = index.standards.find((standard) => standard.number === '0100');
    expect(flavor?.title).toBe('Flavor Naming');
    expect(flavor?.description).toBe('Names of flavors that tell their vCPUs, RAM and disk, version 2.');
  });

  test('proposals and templates are not indexed; a track without documents is listed empty', () => {
    expect(index.standards.map((standard) => standard.number)).toEqual(['0001', '0100', '0101', '0102', '0210', '0300', '0400']);
    expect(index.tracks.find((track) => track.name === 'Scopes')?.standards).toEqual([]);
  });

  test('the period runs from the last change to the next one, scope timelines included', () => {
    expect([index.valid_from, index.valid_until]).toEqual(['2026-04-01', '2026-12-15']);
    const standardsOnly = buildIndex(loadCorpus(join(CORPUS, 'Standards'), CORPUS), defaultProcess(), TODAY).index;
    expect([standardsOnly.valid_from, standardsOnly.valid_until]).toEqual(['2025-01-01', '2027-01-15']);
    expect(standardsOnly.scopes).toEqual([]);
  });

  test('building the index never parses a Markdown body', () => {
    const corpus = loadCorpus(join(CORPUS, 'Standards'), CORPUS);
    buildIndex(corpus, defaultProcess(), TODAY, fixtureScopes());
    expect(corpus.documents.length).toBeGreaterThan(10);
    expect(corpus.documents.filter((doc) => doc.hasBody).map((doc) => doc.fileName)).toEqual([]);
  });
});

describe('the docs-site logic, for comparison', () => {
  // The docs site's rule as the issue states it: draft = no stabilized_at; deprecated =
  // deprecated_at <= today; effective = otherwise (draft and deprecated are not exclusive).
  test('differs from ours exactly on the Rejected document and on a deprecation without stabilization', () => {
    const index = fixtureIndex();
    const differences: string[] = [];
    for (const standard of index.standards) {
      for (const entry of [...standard.versions, ...standard.supplements.flatMap((supplement) => supplement.versions)]) {
        const columns: string[] = [];
        const stabilized = dateOf(entry, 'stabilized_at');
        const deprecated = dateOf(entry, 'deprecated_at');
        if (stabilized === null) columns.push('draft');
        if (deprecated !== null && deprecated <= TODAY) columns.push('deprecated');
        if (stabilized !== null && !(deprecated !== null && deprecated <= TODAY)) columns.push('effective');
        if (columns.join() !== entry.state) differences.push(`${entry.id}: docs site ${columns.join('+')}, ours ${entry.state}`);
      }
    }
    expect(differences).toEqual(['scs-0102-v2: docs site draft, ours rejected', 'scs-0400-v1: docs site draft+deprecated, ours deprecated']);
  });
});

describe('certificate scopes in the fixture corpus', () => {
  const index = fixtureIndex();
  const iaas = index.scopes.find((scope) => scope.slug === 'scs-compatible-iaas');
  const version = (name: string) => iaas?.versions.find((entry) => entry.version === name);

  test('every scope file is indexed, by path, with a page name from its file name', () => {
    expect(index.scopes.map((scope) => [scope.slug, scope.file, scope.name])).toEqual([
      ['scs-compatible-iaas', 'Tests/scs-compatible-iaas.yaml', 'SCS-compatible IaaS'],
      ['scs-compatible-kaas', 'Tests/scs-compatible-kaas.yaml', 'SCS-compatible KaaS <script>alert("scope")</script> & {braces} | pipes *stars*'],
    ]);
  });

  test.each([
    ['next', 'draft', [], null],
    ['v3', 'draft', ['effective'], { from: '2026-12-15', until: null }],
    ['v2', 'effective', [], { from: '2025-06-01', until: null }],
    ['v1', 'deprecated', [], { from: '2024-03-01', until: '2026-03-01' }],
  ])('version %s is %s %j, certifiable %j', (name, validity, future, certifiable) => {
    expect(version(name)).toMatchObject({ validity, future, certifiable });
  });

  test('an ended version keeps its periods', () => {
    expect(version('v1')?.periods).toEqual([
      { from: '2024-03-01', until: '2025-06-01', validity: 'effective' },
      { from: '2025-06-01', until: '2026-03-01', validity: 'warn' },
      { from: '2026-03-01', until: null, validity: 'deprecated' },
    ]);
  });

  test('each version requires the standards its modules name, with their documents and states', () => {
    const required = (name: string) => version(name)?.standards.map((standard) => [standard.id, standard.document?.status ?? null, standard.document?.state ?? null, standard.document?.future ?? null]);
    expect(required('next')).toEqual([
      ['scs-0100-v4', 'Draft', 'draft', []],
      ['scs-0101-v1', 'Stable', 'effective', []],
      ['scs-0199-v1', null, null, null],
    ]);
    expect(required('v3')).toEqual([
      ['scs-0100-v3', 'Stable', 'effective', ['effective']],
      ['scs-0101-v1', 'Stable', 'effective', []],
      ['scs-0102-v1', 'Stable', 'effective', []],
    ]);
    expect(required('v1')).toEqual([
      ['scs-0100-v1', 'Deprecated', 'deprecated', []],
      ['scs-0102-v1', 'Stable', 'effective', []],
    ]);
    expect(version('v3')?.standards.find((standard) => standard.id === 'scs-0102-v1')).toMatchObject({ modules: ['scs-0102-v1-1'], targets: ['main'] });
  });

  test('a module that names no standard version is listed among the modules only', () => {
    const opc = version('v2')?.modules.find((module) => module.id === 'opc-v2022.11');
    expect(opc).toEqual({ id: 'opc-v2022.11', name: 'OpenStack Powered Compute v2022.11', url: 'https://example.org/interop/opc-v2022.11', standard: null, targets: ['main'], parameters: null });
    expect(version('v2')?.standards.map((standard) => standard.id)).not.toContain('opc-v2022.11');
    expect(version('v2')?.modules.find((module) => module.id === 'scs-0102-v1-1')?.parameters).toEqual({ image_spec: 'https://example.org/images-v2.yaml' });
  });

  test('ignores do not hide a scope file from the index; `scopes: []` indexes none', async () => {
    const root = copyOf(CORPUS);
    writeFileSync(join(root, '.scs-standards.json'), '{ "ignores": ["Tests/**"] }\n');
    const ignored = JSON.parse((await runMain(['index', '--today', TODAY, '--format', 'json'], root)).stdout) as VersionIndex;
    expect(ignored.scopes.map((scope) => scope.slug)).toEqual(['scs-compatible-iaas', 'scs-compatible-kaas']);
    writeFileSync(join(root, '.scs-standards.json'), '{ "scopes": [] }\n');
    const none = JSON.parse((await runMain(['index', '--today', TODAY, '--format', 'json'], root)).stdout) as VersionIndex;
    expect(none.scopes).toEqual([]);
  });

  test('scope files whose names make the same page name get numbered page names', async () => {
    const root = copyOf(CORPUS);
    writeFileSync(join(root, '.scs-standards.json'), '{ "scopes": ["Tests/*.yaml", "More/*.yml"] }\n');
    mkdirSync(join(root, 'More'));
    cpSync(join(root, 'Tests', 'scs-compatible-kaas.yaml'), join(root, 'More', 'SCS Compatible_IaaS.yml'));
    cpSync(join(root, 'Tests', 'scs-compatible-kaas.yaml'), join(root, 'Tests', 'index.yaml'));
    const data = JSON.parse((await runMain(['index', '--today', TODAY, '--format', 'json'], root)).stdout) as VersionIndex;
    expect(data.scopes.map((scope) => [scope.file, scope.slug])).toEqual([
      ['More/SCS Compatible_IaaS.yml', 'scs-compatible-iaas'],
      ['Tests/index.yaml', 'index-2'],
      ['Tests/scs-compatible-iaas.yaml', 'scs-compatible-iaas-2'],
      ['Tests/scs-compatible-kaas.yaml', 'scs-compatible-kaas'],
    ]);
  });
});

describe('JSON data', () => {
  test('index.json validates against schemas/index.schema.json', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    const validate = ajv.compile(indexSchema);
    const data: unknown = JSON.parse(readFileSync(join(GOLDEN, 'index.json'), 'utf8'));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    const broken = JSON.parse(readFileSync(join(GOLDEN, 'index.json'), 'utf8')) as { standards: { versions: { state: string }[] }[] };
    const first = broken.standards[0]?.versions[0];
    if (first) first.state = 'stable';
    expect(validate(broken)).toBe(false);
    const scopes = JSON.parse(readFileSync(join(GOLDEN, 'index.json'), 'utf8')) as { scopes: { versions: { validity: string }[] }[] };
    const scopeVersion = scopes.scopes[0]?.versions[0];
    expect(scopeVersion).toBeDefined();
    if (scopeVersion) scopeVersion.validity = 'stable';
    expect(validate(scopes)).toBe(false);
  });

  test('the schema has an id, a 2020-12 dialect and a description for the data', () => {
    expect(indexSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(indexSchema.$id).toMatch(/index\.schema\.json$/);
    expect(indexSchema.description.length).toBeGreaterThan(40);
  });

  test('control and separator characters are escaped, and the data stays the same', async () => {
    const text = readFileSync(join(GOLDEN, 'index.json'), 'utf8');
    expect(text).not.toMatch(/[\u2028\u2029\u007f-\u009f]/);
    expect(text).toContain('\\u2028');
    const data = JSON.parse(text) as VersionIndex;
    expect(data.standards.find((standard) => standard.number === '0300')?.description).toContain('\u2028');
  });
});

describe('determinism', () => {
  test('two runs give byte-identical files', async () => {
    const first = await generate();
    const second = await generate();
    const files = listFiles(first);
    expect(listFiles(second)).toEqual(files);
    for (const path of files) expect(readFileSync(join(second, path), 'utf8'), path).toBe(readFileSync(join(first, path), 'utf8'));
  });

  test('every day of the period gives the same files; the next change gives other ones', async () => {
    const golden = listFiles(GOLDEN);
    for (const today of ['2026-04-01', '2026-12-14']) {
      const out = await generate(today);
      for (const path of golden) expect(readFileSync(join(out, path), 'utf8'), `${today} ${path}`).toBe(readFileSync(join(GOLDEN, path), 'utf8'));
    }
    const after = await generate('2026-12-15');
    expect(readFileSync(join(after, 'index.json'), 'utf8')).not.toBe(readFileSync(join(GOLDEN, 'index.json'), 'utf8'));
  });

  test('a timeline entry that changes no validity does not end the period', async () => {
    const root = copyOf(CORPUS);
    const file = join(root, 'Tests', 'scs-compatible-iaas.yaml');
    const repeat = '  - date: 2026-10-01\n    versions:\n      next: draft\n      v3: draft\n      v2: effective\n      v1: deprecated\n';
    writeFileSync(file, readFileSync(file, 'utf8').replace('timeline:\n', `timeline:\n${repeat}`));
    const data = JSON.parse((await runMain(['index', '--today', TODAY, '--format', 'json'], root)).stdout) as VersionIndex;
    expect([data.valid_from, data.valid_until]).toEqual(['2026-04-01', '2026-12-15']);
    expect(data.scopes[0]?.versions.map((version) => version.periods.length)).toEqual([2, 3, 2, 3]);
  });

  test('a scope timeline date ends the period even when no document changes on it', () => {
    const inside = fixtureIndex();
    for (const day of ['2026-03-31', '2026-12-15']) {
      const outside = fixtureIndex(day);
      expect(outside.standards, day).toEqual(inside.standards);
      expect(outside.scopes, day).not.toEqual(inside.scopes);
    }
  });

  test('every text file ends with one newline', () => {
    for (const path of listFiles(GOLDEN)) expect(readFileSync(join(GOLDEN, path), 'utf8'), path).toMatch(/[^\n]\n$/);
  });
});

/** MDX as the docs site reads it (front matter, GFM tables, MDX syntax). */
function parseMdx(text: string): Root {
  return unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkMdx).parse(text);
}

function walk(node: Root | RootContent, visit: (node: Root | RootContent) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) walk(child, visit);
}

function plainText(node: Root | RootContent): string {
  let text = '';
  walk(node, (child) => {
    if (child.type === 'text' || child.type === 'inlineCode') text += child.value;
  });
  return text;
}

describe('Markdown/MDX pages', () => {
  const pages = listFiles(GOLDEN).filter((path) => /\.mdx?$/.test(path));

  test.each(pages)('%s parses as MDX with no JSX, expression or HTML node, and tables keep their columns', (path) => {
    const tree = parseMdx(readFileSync(join(GOLDEN, path), 'utf8'));
    const kinds = new Set<string>();
    walk(tree, (node) => {
      kinds.add(node.type);
      if (node.type === 'table') {
        const widths = node.children.map((row) => row.children.length);
        expect(new Set(widths).size, `${path}: table rows of different widths`).toBe(1);
      }
    });
    for (const kind of ['mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm', 'html']) expect(kinds.has(kind), kind).toBe(false);
  });

  test('a hostile title and description show as the text they are', () => {
    const page = parseMdx(readFileSync(join(GOLDEN, 'iam', 'scs-0300.md'), 'utf8'));
    const heading = page.children.find((node) => node.type === 'heading' && node.depth === 1);
    expect(heading && plainText(heading)).toBe(`scs-0300: ${HOSTILE_TITLE}`);
    const paragraph = page.children.find((node) => node.type === 'paragraph');
    expect(paragraph && plainText(paragraph)).toBe('- a description that starts like a list, with <b>markup</b>, {jsx} and | a pipe; and a second line with a line separator.');
    // Besides the index's own links, GFM turns a bare https:// address into a link to itself.
    const links: string[] = [];
    walk(page, (node) => {
      if (node.type === 'link' && !(node.url === plainText(node) && node.url.startsWith('https://'))) links.push(node.url);
    });
    expect(links).toEqual(['/standards/scs-0300-v1-token-handling']);
  });

  test('a hostile scope name, version name and module name show as the text they are', () => {
    const page = parseMdx(readFileSync(join(GOLDEN, 'certificate-scopes', 'scs-compatible-kaas.md'), 'utf8'));
    const headings = page.children.filter((node) => node.type === 'heading').map((node) => [node.depth, plainText(node)]);
    expect(headings).toEqual([
      [1, 'SCS-compatible KaaS <script>alert("scope")</script> & {braces} | pipes *stars*'],
      [2, 'Versions'],
      [2, 'Version v1 <b>|</b>'],
    ]);
    const cells: string[] = [];
    walk(page, (node) => {
      if (node.type === 'tableCell') cells.push(plainText(node));
    });
    expect(cells).toContain('CNCF conformance <img src=x onerror=alert(1)> {x} | y');
    expect(cells).toContain('v1 <b>|</b>');
    const overview = parseMdx(readFileSync(join(GOLDEN, 'certificate-scopes', 'index.md'), 'utf8'));
    const links: [string, string][] = [];
    walk(overview, (node) => {
      if (node.type === 'link') links.push([plainText(node), node.url]);
    });
    expect(links).toEqual([
      ['SCS-compatible IaaS', '/standards/certificate-scopes/scs-compatible-iaas'],
      ['SCS-compatible KaaS <script>alert("scope")</script> & {braces} | pipes *stars*', '/standards/certificate-scopes/scs-compatible-kaas'],
    ]);
  });

  test('a scope page links every required standard that has a document by its document id', () => {
    const page = parseMdx(readFileSync(join(GOLDEN, 'certificate-scopes', 'scs-compatible-iaas.md'), 'utf8'));
    const links = new Set<string>();
    walk(page, (node) => {
      if (node.type === 'link' && !node.url.startsWith('https://')) links.add(node.url);
    });
    const documents = new Set(readdirSync(join(CORPUS, 'Standards')).map((name) => `/standards/${name.replace(/\.md$/, '')}`));
    expect([...links].sort()).toEqual([
      '/standards/scs-0100-v1-flavor-naming',
      '/standards/scs-0100-v2-flavor-naming',
      '/standards/scs-0100-v3-flavor-naming',
      '/standards/scs-0100-v4-flavor-naming',
      '/standards/scs-0101-v1-entropy',
      '/standards/scs-0102-v1-image-metadata',
    ]);
    for (const link of links) expect(documents.has(link), link).toBe(true);
  });

  test('mdxText escapes what opens a tag, an expression, a link, a cell or a block', () => {
    expect(mdxText('a <b> {c} | [d](e) *f* _g_ `h` \\ & i')).toBe('a &lt;b&gt; &#123;c&#125; \\| \\[d\\](e) \\*f\\* \\_g\\_ \\`h\\` \\\\ &amp; i');
    expect(mdxText('- item')).toBe('\\- item');
    expect(mdxText('1. item')).toBe('1\\. item');
    expect(mdxText(':::danger')).toBe('\\:::danger');
    expect(mdxText('line\none\u0007')).toBe('line one');
  });
});

describe('Docusaurus sidebar', () => {
  test('is a CommonJS module whose items name the generated pages and the documents', () => {
    const path = join(GOLDEN, 'sidebarsStandardsItems.js');
    const copy = join(temporary(), 'sidebar.cjs');
    writeFileSync(copy, readFileSync(path));
    const loaded: unknown = createRequire(import.meta.url)(copy);
    const index = fixtureIndex();
    expect(loaded).toEqual(sidebarItems(index));
    const pages = new Set(listFiles(GOLDEN).filter((file) => /\.mdx?$/.test(file)).map((file) => file.replace(/\.mdx?$/, '')));
    const documents = new Set(readdirSync(join(CORPUS, 'Standards')).map((name) => name.replace(/\.md$/, '')));
    const ids: string[] = [];
    const collect = (items: unknown): void => {
      for (const item of items as { type: string; id?: string; link?: { id: string }; items?: unknown }[]) {
        if (item.link) ids.push(item.link.id);
        if (item.id) ids.push(item.id);
        if (item.items) collect(item.items);
      }
    };
    collect(loaded);
    expect(ids.length).toBeGreaterThan(20);
    for (const id of ids) expect(pages.has(id) || documents.has(id), id).toBe(true);
  });
});

describe('--check', () => {
  test('reports changed, missing and stale files as a unified diff and exits 1', async () => {
    const root = copyOf(CORPUS);
    cpSync(GOLDEN, join(root, 'out'), { recursive: true });
    const trackPage = join(root, 'out', 'iaas', 'index.md');
    writeFileSync(trackPage, readFileSync(trackPage, 'utf8').replace('SCS Entropy', 'SCS Entropy (edited by hand)'));
    rmSync(join(root, 'out', 'kaas', 'scs-0210.md'));
    const stale = readFileSync(join(root, 'out', 'kaas', 'index.md'), 'utf8');
    writeFileSync(join(root, 'out', 'global', 'scs-0009.md'), stale);
    const before = listFiles(join(root, 'out')).map((path) => [path, readFileSync(join(root, 'out', path), 'utf8')]);
    const result = await runMain(['index', '--today', TODAY, '--check', '--out', 'out'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('scs-standards index: 3 files differ in out from the index of the documents (2 to write, 1 to remove); run `scs-standards index --out out` without --check to update\n');
    expect(result.stdout).toBe(readGolden(join(import.meta.dirname, 'golden', 'index-check.diff'), result.stdout));
    expect(listFiles(join(root, 'out')).map((path) => [path, readFileSync(join(root, 'out', path), 'utf8')])).toEqual(before);

    const update = await runMain(['index', '--today', TODAY, '--out', 'out'], root);
    expect(update).toEqual({ code: 0, stdout: `out: 2 written, ${listFiles(GOLDEN).length - 2} unchanged, 1 removed\n`, stderr: '' });
    expect(await runMain(['index', '--today', TODAY, '--check', '--out', 'out'], root)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  test('an empty output folder differs in every file', async () => {
    const root = copyOf(CORPUS);
    const result = await runMain(['index', '--today', TODAY, '--check', '--out', 'out'], root);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('--- /dev/null\n+++ out/standards/overview.mdx\n');
    expect(existsSync(join(root, 'out'))).toBe(false);
  });
});

describe('writing', () => {
  test('unchanged files are left alone and changed ones are replaced, not edited in place', async () => {
    const root = copyOf(CORPUS);
    expect((await runMain(['index', '--today', TODAY, '--out', 'out'], root)).code).toBe(0);
    const overview = join(root, 'out', 'standards', 'overview.mdx');
    const json = join(root, 'out', 'index.json');
    const inodes = { overview: statSync(overview).ino, json: statSync(json).ino };
    writeFileSync(json, '{\n  "$schema": "https://github.com/SovereignCloudStack/scs-standards/raw/main/schemas/index.schema.json"\n}\n');
    const inodeBefore = statSync(json).ino;
    expect(inodeBefore).toBe(inodes.json);
    const result = await runMain(['index', '--today', TODAY, '--out', 'out'], root);
    expect(result.stdout).toMatch(/^out: 1 written, \d+ unchanged, 0 removed\n$/);
    expect(statSync(overview).ino).toBe(inodes.overview);
    expect(statSync(json).ino).not.toBe(inodeBefore);
    expect(readFileSync(json, 'utf8')).toBe(readFileSync(join(GOLDEN, 'index.json'), 'utf8'));
    expect(readdirSync(join(root, 'out')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('a file that the index did not write is never replaced, and then nothing is written', async () => {
    const root = copyOf(CORPUS);
    mkdirSync(join(root, 'out', 'iaas'), { recursive: true });
    writeFileSync(join(root, 'out', 'iaas', 'scs-0100.md'), '# My own notes on flavor naming\n');
    writeFileSync(join(root, 'out', 'iaas', 'scs-0555.md'), '# Not generated, not in the way\n');
    const result = await runMain(['index', '--today', TODAY, '--out', 'out'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'scs-standards index: not replacing what scs-standards index did not write (nothing was written):\n  out/iaas/scs-0100.md\nMove it away or choose another --out folder.\n',
    );
    expect(listFiles(join(root, 'out'))).toEqual(['iaas/scs-0100.md', 'iaas/scs-0555.md']);
    expect(readFileSync(join(root, 'out', 'iaas', 'scs-0100.md'), 'utf8')).toBe('# My own notes on flavor naming\n');
  });

  test('a page with the notice of an earlier version of the index counts as generated: it is replaced or removed', async () => {
    const root = copyOf(CORPUS);
    mkdirSync(join(root, 'out', 'iaas'), { recursive: true });
    const earlier = '---\n# Generated by `scs-standards index` from the front matter of the standards documents: do not edit.\ncustom_edit_url: null\n---\n\n# scs-0100\n';
    writeFileSync(join(root, 'out', 'iaas', 'scs-0100.md'), earlier);
    writeFileSync(join(root, 'out', 'iaas', 'scs-0199.md'), earlier);
    const result = await runMain(['index', '--today', TODAY, '--out', 'out'], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ 1 removed\n$/);
    expect(readFileSync(join(root, 'out', 'iaas', 'scs-0100.md'), 'utf8')).toBe(readFileSync(join(GOLDEN, 'iaas', 'scs-0100.md'), 'utf8'));
    expect(existsSync(join(root, 'out', 'iaas', 'scs-0199.md'))).toBe(false);
  });

  test('the page of a scope that is gone is removed; a file the index did not write stays', async () => {
    const root = copyOf(CORPUS);
    cpSync(GOLDEN, join(root, 'out'), { recursive: true });
    rmSync(join(root, 'Tests', 'scs-compatible-kaas.yaml'));
    writeFileSync(join(root, 'out', 'certificate-scopes', 'notes.md'), '# Our notes on scopes\n');
    const result = await runMain(['index', '--today', TODAY, '--out', 'out'], root);
    expect(result.stdout).toMatch(/^out: \d+ written, \d+ unchanged, 1 removed\n$/);
    expect(listFiles(join(root, 'out', 'certificate-scopes'))).toEqual(['index.md', 'notes.md', 'scs-compatible-iaas.md']);
    rmSync(join(root, 'Tests'), { recursive: true });
    await runMain(['index', '--today', TODAY, '--out', 'out'], root);
    expect(listFiles(join(root, 'out', 'certificate-scopes'))).toEqual(['notes.md']);
    expect(readFileSync(join(root, 'out', 'sidebarsStandardsItems.js'), 'utf8')).not.toContain('certificate-scopes');
  });

  test('the built command writes the same files', () => {
    const root = copyOf(CORPUS);
    const result = runBin(['index', '--today', TODAY, '--out', 'out'], root);
    expect(result.code).toBe(0);
    for (const path of listFiles(GOLDEN)) expect(readFileSync(join(root, 'out', path), 'utf8'), path).toBe(readFileSync(join(GOLDEN, path), 'utf8'));
  });
});

describe('usage and bad input', () => {
  test.each([
    [['--today', '2026-02-30', '--format', 'json'], '--today expects a date such as 2026-11-27 (YYYY-MM-DD, a day that exists), got `2026-02-30`'],
    [['--format', 'xml'], 'unknown format `xml`: `--format json` prints the data; `--out DIR` writes every output'],
    [['--format', 'json', '--out', 'out'], '--format json prints the data to standard output; it does not go with --out or --check'],
    [[], 'give --out DIR to write the index, or --format json to print its data'],
    [['--check'], '--check needs --out DIR: the folder to compare with'],
    [['--format', 'json', 'Missing'], 'Not a folder: Missing'],
    [['--format', 'json', 'Standards', 'More'], 'expects at most one standards folder, got 2'],
  ])('%j exits 2', async (args, message) => {
    const result = await runMain(['index', ...args], CORPUS);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `scs-standards index: ${message}\n` });
  });

  test.each([
    ['Standards', '--out Standards is the standards folder Standards'],
    ['Standards/', '--out Standards is the standards folder Standards'],
    ['Standards/generated', '--out Standards/generated is inside the standards folder Standards'],
    ['link', '--out link is the standards folder Standards'],
    ['link/deeper/still', '--out link/deeper/still is inside the standards folder Standards'],
  ])('--out %s, the documents\' own folder or inside it, exits 2 and writes nothing', async (out, message) => {
    const root = copyOf(CORPUS);
    symlinkSync('Standards', join(root, 'link'));
    const before = listFiles(root);
    for (const check of [[], ['--check']]) {
      const result = await runMain(['index', '--today', TODAY, '--out', out, ...check], root);
      expect(result).toEqual({ code: 2, stdout: '', stderr: `scs-standards index: ${message}: the generated pages would be read as documents; choose an --out folder outside it\n` });
    }
    expect(listFiles(root)).toEqual(before);
  });

  test('--out whose page folder is the standards folder exits 2', async () => {
    const root = copyOf(CORPUS);
    renameSync(join(root, 'Standards'), join(root, 'standards'));
    const result = await runMain(['index', '--today', TODAY, '--out', '.', 'standards'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('scs-standards index: --out . would write standards/ into the standards folder standards: the generated pages would be read as documents; choose an --out folder outside it\n');
    expect(existsSync(join(root, 'standards', 'overview.mdx'))).toBe(false);
  });

  test('an absolute --out is shown as given', async () => {
    const root = copyOf(CORPUS);
    const out = join(temporary(), 'site');
    const result = await runMain(['index', '--today', TODAY, '--out', out], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^${out.replaceAll('/', '\\/')}: \\d+ written, 0 unchanged, 0 removed\n$`));
  });

  test('an output path that is a file exits 2', async () => {
    const root = copyOf(CORPUS);
    writeFileSync(join(root, 'out'), 'a file\n');
    const result = await runMain(['index', '--today', TODAY, '--out', 'out'], root);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'scs-standards index: --out out is not a folder\n' });
  });

  test('a repository without a standards folder exits 2', async () => {
    const root = temporary();
    writeFileSync(join(root, '.scs-standards.json'), '{}\n');
    const result = await runMain(['index', '--format', 'json'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('scs-standards index: No standards folder: Standards does not exist (give a folder, or set `standards` in the configuration)\n');
  });

  test('documents that cannot be read fully are indexed by name with positioned warnings (golden)', async () => {
    const root = join(FIXTURES, 'broken');
    const result = await runMain(['index', '--today', TODAY, '--format', 'json'], root);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(readGolden(join(import.meta.dirname, 'golden', 'index-broken-stderr.txt'), result.stderr));
    const data = JSON.parse(result.stdout) as VersionIndex;
    expect(data.standards.map((standard) => standard.versions.map((entry) => [entry.id, entry.title, entry.state]))).toEqual([
      [['scs-0100-v1', null, 'draft']],
      [['scs-0102-v1', 'Image Metadata', 'draft']],
    ]);
    // The scope with broken YAML is left out; the other keeps what can be used.
    expect(data.scopes.map((scope) => scope.file)).toEqual(['Tests/scs-bad-dates.yaml']);
    expect(data.scopes[0]?.versions).toMatchObject([{ version: 'v1', stabilized_at: null, periods: [{ from: '2024-01-01', until: null, validity: 'effective' }], modules: [{ id: 'scs-0100-v1' }] }]);
  });
});

describe('escaping helpers', () => {
  test('scriptJson cannot close a script element and keeps line separators out of the source', () => {
    const text = scriptJson({ title: '</script><!-- \u2028\u2029 & >' });
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual({ title: '</script><!-- \u2028\u2029 & >' });
  });
});

import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { afterEach, describe, expect, test } from 'vitest';
import configSchema from '../schemas/config.schema.json' with { type: 'json' };
import { BASE_URL_PATTERN } from '../tools/indexes/output.js';
import { runMain } from './helpers/cli.js';

/** The links of index.html and the labels of the sidebar, without a browser. */
const CORPUS = join(import.meta.dirname, 'fixtures', 'index', 'corpus');
const TODAY = '2026-11-27';

type Element = DefaultTreeAdapterMap['element'];

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A copy of the index fixture with this `index` configuration (merged into its own). */
function corpusWith(index: unknown): string {
  const root = mkdtempSync(join(tmpdir(), 'scs-index-links-'));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  cpSync(CORPUS, root, { recursive: true });
  const config = JSON.parse(readFileSync(join(CORPUS, '.scs-standards.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(root, '.scs-standards.json'), `${JSON.stringify(index === undefined ? config : { ...config, index }, null, 2)}\n`);
  return root;
}

/** Every `href` of the page's links, in document order. */
function hrefs(html: string): string[] {
  const found: string[] = [];
  const walk = (node: { childNodes?: unknown[] }): void => {
    for (const child of (node.childNodes ?? []) as Element[]) {
      if (child.tagName === 'a') {
        const href = child.attrs.find((attr) => attr.name === 'href')?.value;
        if (href !== undefined) found.push(href);
      }
      walk(child);
    }
  };
  walk(parse(html));
  return found;
}

async function pageLinks(root: string, extra: string[] = []): Promise<string[]> {
  const result = await runMain(['index', '--today', TODAY, '--out', 'out', ...extra], root);
  expect([result.code, result.stderr]).toEqual([0, expect.any(String)]);
  return hrefs(readFileSync(join(root, 'out', 'index.html'), 'utf8')).filter((href) => !href.startsWith('#'));
}

describe('index.html links', () => {
  test('by default, to the docs-site paths the MDX pages use', async () => {
    const links = await pageLinks(corpusWith(undefined));
    expect(links).toContain('/standards/iaas/scs-0100');
    expect(links).toContain('/standards/scs-0100-v3-flavor-naming');
    const overview = readFileSync(join(CORPUS, '..', '..', '..', 'golden', 'index', 'standards', 'overview.mdx'), 'utf8');
    // Every link of the page is one the MDX overview has too (same ids, same paths).
    for (const link of links) expect(overview.includes(`](${link})`), link).toBe(true);
  });

  test('under the base URL of --base-url (a trailing slash dropped), which wins over index.baseUrl', async () => {
    const root = corpusWith({ baseUrl: '../site/standards' });
    const configured = await pageLinks(root);
    expect(configured).toContain('../site/standards/scs-0100-v3-flavor-naming');
    expect(configured.every((link) => link.startsWith('../site/standards/'))).toBe(true);
    const flagged = await pageLinks(root, ['--base-url', 'https://docs.example.org/standards/']);
    expect(flagged).toContain('https://docs.example.org/standards/iaas/scs-0100');
    expect(flagged).toContain('https://docs.example.org/standards/scs-0101-w1-entropy-implementation');
    expect(flagged.every((link) => link.startsWith('https://docs.example.org/standards/'))).toBe(true);
    expect(flagged.length).toBe(configured.length);
  });

  test('a base URL that is neither an http(s) URL nor a path is a usage error, and nothing is written', async () => {
    const root = corpusWith(undefined);
    for (const bad of ['javascript:alert(1)', 'standards', 'https://docs.example.org/a b', '/x"onclick="y']) {
      const result = await runMain(['index', '--today', TODAY, '--out', 'out', '--base-url', bad], root);
      expect([bad, result.code]).toEqual([bad, 2]);
      expect(result.stderr).toContain('--base-url expects an http(s) URL');
    }
    expect(existsSync(join(root, 'out'))).toBe(false);
    const json = await runMain(['index', '--today', TODAY, '--format', 'json', '--base-url', '/standards'], root);
    expect(json.code).toBe(2);
    expect(json.stderr).toContain('does not go with --format json');
    const configured = await runMain(['index', '--today', TODAY, '--out', 'out'], corpusWith({ baseUrl: 'javascript:alert(1)' }));
    expect(configured.code).toBe(2);
    expect(configured.stderr).toContain('a base URL is an http(s) URL');
  });

  test('the pattern of --base-url is the one of index.baseUrl in the configuration schema', () => {
    expect(BASE_URL_PATTERN.source).toBe(new RegExp(configSchema.properties.index.properties.baseUrl.pattern).source);
  });
});

test('the sidebar spells each version as the pages do (v3, w1)', async () => {
  const root = corpusWith(undefined);
  expect((await runMain(['index', '--today', TODAY, '--out', 'out'], root)).code).toBe(0);
  const copy = join(root, 'sidebar.cjs');
  writeFileSync(copy, readFileSync(join(root, 'out', 'sidebarsStandardsItems.js')));
  const docs: { label: string; id: string }[] = [];
  const collect = (items: unknown): void => {
    for (const item of items as { type: string; label: string; id?: string; items?: unknown }[]) {
      if (item.type === 'doc' && item.id?.startsWith('scs-')) docs.push({ label: item.label, id: item.id });
      if (item.items) collect(item.items);
    }
  };
  collect(createRequire(import.meta.url)(copy));
  expect(docs.length).toBe(16);
  const overview = readFileSync(join(root, 'out', 'standards', 'overview.mdx'), 'utf8');
  for (const { label, id } of docs) {
    expect(label).toMatch(/^[vw][0-9]+$/);
    expect(overview, id).toContain(`[${label}](/standards/${id})`);
  }
});

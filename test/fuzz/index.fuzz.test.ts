import { runInNewContext } from 'node:vm';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import type { Root, RootContent } from 'mdast';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, describe, expect, test } from 'vitest';
import indexSchema from '../../schemas/index.schema.json' with { type: 'json' };
import { buildIndex } from '../../tools/indexes/build.js';
import { oneLine } from '../../tools/indexes/escape.js';
import { generateOutputs } from '../../tools/indexes/generate.js';
import { standardTitle } from '../../tools/indexes/labels.js';
import type { VersionIndex } from '../../tools/indexes/model.js';
import { sidebarItems } from '../../tools/indexes/render-sidebar.js';
import { Corpus } from '../../tools/model/corpus.js';
import { StandardDocument } from '../../tools/model/document.js';
import { CertificateScope } from '../../tools/model/scope.js';
import { defaultProcess } from '../../tools/profile/process.js';
import { stringify } from 'yaml';
import { count, deterministic, documentText, frontMatter, hostileString, lifecycleFrontMatter, reportCounts, scopeData, settings, timeout, yamlString } from './support.js';

/**
 * Property tests over the version index: arbitrary front matter and titles, and generated scope
 * files, through the builder and every renderer. Whatever the documents hold, the outputs stay
 * valid: the pages parse as MDX without a tag, expression or HTML node and with tables that keep
 * their columns, index.json validates against its schema, the sidebar is a module that evaluates
 * to the sidebar data, and index.html parses (as a browser parses it) into only the elements its
 * renderer writes, with the data in its script unchanged and every title as text.
 */

const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(indexSchema);
const mdx = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkMdx);
const encoder = new TextEncoder();

/** Every element name the HTML renderer can write (read from its source). */
const HTML_TAGS = new Set(['html', 'head', 'body', 'meta', 'title', 'style', 'script', 'header', 'h1', 'h2', 'h3', 'p', 'form', 'fieldset', 'legend', 'label', 'select', 'option', 'input', 'output', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'sup', 'section', 'ul', 'li', 'a', 'br', 'time', 'svg', 'text', 'rect', 'line', 'path', 'main', 'div', 'g', 'title', 'nav', 'details', 'summary', 'small', 'strong', 'em', 'code']);

const indexedName = fc
  .tuple(fc.constantFrom('0001', '0100', '0101', '0210', '0300', '0400', '0512'), fc.constantFrom('v', 'w'), fc.integer({ min: 1, max: 4 }), fc.constantFrom('a', 'flavors', 'x-y'))
  .map(([number, letter, version, slug]) => `scs-${number}-${letter}${version}-${slug}.md`);
const hostileFields = fc
  .record({ title: hostileString, description: hostileString, extra: hostileString }, { requiredKeys: ['title'] })
  .map((fields) => Object.entries(fields).map(([key, item]) => `${key === 'extra' ? 'authors' : key}: ${yamlString(item)}`).join('\n'));
const indexedDocument = fc.tuple(
  indexedName,
  fc.oneof({ weight: 3, arbitrary: fc.tuple(lifecycleFrontMatter, hostileFields).map(([a, b]) => `${a}\n${b}`) }, { weight: 1, arbitrary: frontMatter }),
);
/** Scope files may have any name a file system allows (the globs decide which are read). */
const scopeFileName = hostileString.map((name) => `scs-${name.replace(/[/\u0000]/g, '')}.yaml`);
const day = fc.date({ min: new Date('2019-01-01'), max: new Date('2031-12-31'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));

type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];
type ChildNode = DefaultTreeAdapterMap['childNode'];

function elements(node: ParentNode, found: Element[] = []): Element[] {
  for (const child of node.childNodes as ChildNode[]) {
    if ('tagName' in child) {
      found.push(child);
      elements(child, found);
      if (child.tagName === 'template') elements((child as Element & { content: ParentNode }).content, found);
    }
  }
  return found;
}

function textOf(node: ParentNode): string {
  let text = '';
  for (const child of node.childNodes as ChildNode[]) {
    if (child.nodeName === '#text' && 'value' in child) text += child.value;
    else if ('childNodes' in child) text += textOf(child);
  }
  return text;
}

function walk(node: Root | RootContent, visit: (node: Root | RootContent) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) walk(child, visit);
}

function checkOutputs(index: VersionIndex, outputs: readonly { path: string; content: string }[]): void {
  const byPath = new Map(outputs.map((file) => [file.path, file.content]));
  // index.json: valid JSON that the schema accepts.
  const json: unknown = JSON.parse(byPath.get('index.json') ?? '');
  expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
  // Pages: MDX without tags, expressions or HTML; tables with rows of one width.
  for (const [path, content] of byPath) {
    if (!/\.mdx?$/.test(path)) continue;
    const tree = mdx.parse(content);
    walk(tree, (node) => {
      expect(['mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm', 'html'], `${path}: ${node.type}`).not.toContain(node.type);
      if (node.type === 'table') expect(new Set(node.children.map((row) => row.children.length)).size, `${path}: table rows of different widths`).toBe(1);
    });
  }
  // The sidebar: a CommonJS module that evaluates to exactly the sidebar data.
  const sandbox = { module: { exports: undefined as unknown } };
  runInNewContext(byPath.get('sidebarsStandardsItems.js') ?? '', sandbox);
  expect(sandbox.module.exports).toEqual(JSON.parse(JSON.stringify(sidebarItems(index))));
  // The HTML page: only the renderer's elements; the data unchanged; every title as text.
  const html = parse(byPath.get('index.html') ?? '');
  const all = elements(html);
  for (const element of all) {
    expect(HTML_TAGS, element.tagName).toContain(element.tagName);
    for (const attribute of element.attrs) expect(attribute.name, `${element.tagName} ${attribute.name}`).toMatch(/^[a-z][a-z0-9-]*$/i);
    for (const attribute of element.attrs) expect(attribute.name.startsWith('on'), attribute.name).toBe(false);
  }
  const scripts = all.filter((element) => element.tagName === 'script');
  expect(scripts).toHaveLength(2);
  const data = scripts.find((element) => element.attrs.some((attribute) => attribute.name === 'id' && attribute.value === 'index-data'));
  expect(data).toBeDefined();
  if (data) expect((JSON.parse(textOf(data)) as { index: unknown }).index).toEqual(JSON.parse(JSON.stringify(index)));
  const titles = all.filter((element) => element.tagName === 'td' && element.attrs.some((attribute) => attribute.name === 'class' && attribute.value === 'title') && textOf(element).slice(0, 12) !== 'Supplement: ');
  expect(titles.map((element) => textOf(element))).toEqual(index.standards.map((standard) => oneLine(standardTitle(standard))));
}

afterAll(() => reportCounts('index'));

describe('fuzz: the version index stays valid whatever the documents and scope files hold', () => {
  test('arbitrary front matter and titles, generated scope files, any day', () => {
    fc.assert(
      fc.property(fc.array(indexedDocument, { minLength: 1, maxLength: 8 }), fc.array(fc.tuple(scopeData, scopeFileName), { maxLength: 2 }), day, (docs, scopes, today) => {
        count('index outputs');
        const outputs = deterministic(() => {
          const corpus = new Corpus(
            '/repo/Standards',
            docs.map(([name, yaml]) => StandardDocument.fromBytes(`/repo/Standards/${name}`, `Standards/${name}`, name, encoder.encode(documentText(yaml, '', false, false)))),
          );
          const scopeFiles = scopes.map(([data, name], index) =>
            CertificateScope.fromText(`/repo/Tests/${index}/${name}`, `Tests/${index}/${name}`, name, stringify(data)),
          );
          const built = buildIndex(corpus, defaultProcess(), today, scopeFiles);
          return { index: built.index, notes: built.notes, outputs: generateOutputs(built.index, defaultProcess()) };
        });
        checkOutputs(outputs.index, outputs.outputs);
      }),
      settings(0.5),
    );
  }, timeout(400, 0.5));
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addDays, isIsoDate, periodAround } from '../tools/model/dates.js';
import { checkTransition } from './helpers/scs-lifecycle.js';
import { Corpus } from '../tools/model/corpus.js';
import { StandardDocument } from '../tools/model/document.js';
import { normalizeDocumentRef, parseFileName, parseFileNameByPattern } from '../tools/model/filename.js';
import { parseFrontMatter } from '../tools/model/frontmatter.js';
import { bodyFactsFromTree, collectBodyFacts } from '../tools/model/markdown.js';
import { LineIndex } from '../tools/model/positions.js';
import { REFERENCE_FIELDS } from '../tools/model/profile.js';
import { decodeSource, firstInvalidUtf8 } from '../tools/model/source.js';

describe('file names', () => {
  test.each([
    ['scs-0100-v3-flavor-naming.md', { kind: 'document', number: '0100', numeric: 100, letter: 'v', version: 3, slug: 'flavor-naming', id: 'scs-0100-v3', trackDigit: '1' }],
    ['scs-0100-w1-flavor-naming-implementation-testing.md', { kind: 'supplement', letter: 'w', version: 1, id: 'scs-0100-w1' }],
    ['scs-xxxx-v1-my-topic.md', { kind: 'proposal', number: 'xxxx', numeric: undefined, trackDigit: undefined }],
    ['scs-XXXX-v1-my-topic.md', { kind: 'proposal', number: 'XXXX' }],
    ['scs-01xx-v1-my-topic.md', { kind: 'proposal', trackDigit: '1' }],
    ['scs-XXXX-vN-standard-template.md', { kind: 'template', version: undefined }],
  ])('%s', (name, expected) => {
    const parsed = parseFileName(name);
    expect(parsed.ok && parsed.problems).toEqual([]);
    expect(parsed.ok && parsed.name).toMatchObject(expected);
  });

  test.each([
    ['scs-0100-v0-x.md', 'versions start at 1'],
    ['scs-0100-v03-x.md', 'without leading zeros'],
    ['scs-010-v3-x.md', 'expected four digits'],
    ['scs-0100-u3-x.md', 'expected `v` (a document) or `w` (a supplement)'],
    ['scs-0100-vN-x.md', 'followed by a number'],
    ['scs-0100-v3.md', 'number, version and slug separated by hyphens'],
  ])('%s is reported', (name, message) => {
    const parsed = parseFileName(name);
    expect(parsed.problems.join('\n')).toContain(message);
  });

  test('the character-by-character reading of well-formed names gives what the patterns give, for any name', () => {
    const part = fc.constantFrom('scs-', 'scs', '-', '0', '1', '7', '9', 'x', 'X', 'v', 'w', 'V', 'N', '00', '10', 'ab', 'ü', '😀', '.md', '.', 'md', '\n', '\r', '\u2028', ' ', '');
    const shaped = fc.tuple(fc.constantFrom('0100', '9999', '01x0', '010', '01000', 'xxxx'), fc.constantFrom('v', 'w', 'u', ''), fc.constantFrom('1', '3', '10', '0', '03', '', 'N', '1a'), fc.array(part, { maxLength: 4 }), fc.constantFrom('.md', '.MD', '.md\n', ''));
    const names = fc.oneof(
      fc.array(part, { maxLength: 12 }).map((parts) => parts.join('')),
      shaped.map(([number, letter, version, slug, end]) => `scs-${number}-${letter}${version}-${slug.join('')}${end}`),
    );
    fc.assert(
      fc.property(names, (name) => {
        expect(parseFileName(name)).toEqual(parseFileNameByPattern(name));
      }),
      { numRuns: 5000 },
    );
    for (const name of ['scs-0100-v3-flavor-naming.md', 'scs-0100-w12-a-b-c.md', 'scs-0100-v1-x\n.md', 'scs-0100-v1-.md', 'scs-0100-v01-x.md', 'scs-0100-v1-ü😀.md']) {
      expect(parseFileName(name)).toEqual(parseFileNameByPattern(name));
    }
  });

  test.each([
    ['Standards/scs-0100-v3-flavor-naming.md', { fileName: 'scs-0100-v3-flavor-naming.md' }],
    ['scs-0100-v3', { id: 'scs-0100-v3' }],
    ['0100-v3', { id: 'scs-0100-v3' }],
    ['0100-w1', { id: 'scs-0100-w1' }],
    ['flavor naming', undefined],
  ])('document reference %s', (ref, expected) => {
    expect(normalizeDocumentRef(ref)).toEqual(expected);
  });
});

describe('dates', () => {
  test.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2023-02-30', false],
    ['2023-04-31', false],
    ['2023-12-31', true],
    ['2023-13-01', false],
    ['2023-00-10', false],
    ['2023-1-10', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
  ])('%s is a date: %s', (value, expected) => expect(isIsoDate(value)).toBe(expected));
  test('only strings are dates', () => expect(isIsoDate(20230101)).toBe(false));
  test.each([
    ['2024-03-01', -1, '2024-02-29'],
    ['2023-03-01', -1, '2023-02-28'],
    ['2023-12-31', 1, '2024-01-01'],
    ['2024-01-15', 0, '2024-01-15'],
  ])('%s plus %i days is %s', (date, days, expected) => expect(addDays(date, days)).toBe(expected));
  test('the period around a day runs from the last change on or before it up to the next, in any order', () => {
    const changes = ['2027-03-01', '2023-01-01', '2024-01-01', '2024-01-01'];
    expect(periodAround(changes, '2026-11-27')).toEqual({ from: '2024-01-01', until: '2027-03-01' });
    expect(periodAround(changes, '2024-01-01')).toEqual({ from: '2024-01-01', until: '2027-03-01' });
    expect(periodAround(changes, '2022-12-31')).toEqual({ from: undefined, until: '2023-01-01' });
    expect(periodAround(changes, '2027-03-01')).toEqual({ from: '2027-03-01', until: undefined });
    expect(periodAround([], '2026-11-27')).toEqual({ from: undefined, until: undefined });
  });
});

describe('positions', () => {
  test('LF and CRLF give the same lines; columns count UTF-16 units', () => {
    for (const eol of ['\n', '\r\n']) {
      const lines = new LineIndex(['one', 'twö', 'three'].join(eol));
      expect(lines.point(0)).toEqual({ line: 1, column: 1 });
      const two = 3 + eol.length;
      expect(lines.point(two + 2)).toEqual({ line: 2, column: 3 });
      expect(lines.place({ start: two, end: two + 3 })).toEqual({ line: 2, column: 1, endLine: 2, endColumn: 4 });
    }
  });
});

describe('front matter', () => {
  test('every key and value has its range in the document', () => {
    const text = '---\ntitle: Flavor Naming\nreplaces:\n  - scs-0100-v1-a.md\n---\n# Body\n';
    const doc = StandardDocument.fromText('/x/scs-0100-v2-a.md', 'scs-0100-v2-a.md', 'scs-0100-v2-a.md', text);
    const title = doc.field('title');
    expect(title && text.slice(title.range.start, title.range.end)).toBe('Flavor Naming');
    expect(title && doc.source.lines.point(title.keyRange.start)).toEqual({ line: 2, column: 1 });
    const [reference] = doc.references('replaces');
    expect(reference && doc.source.lines.place(reference.range)).toEqual({ line: 4, column: 5, endLine: 4, endColumn: 21 });
  });

  test('allReferences lists every reference field in the order of REFERENCE_FIELDS, whatever the order of the front matter', () => {
    const text = '---\nsupplements: scs-0101-v1-b.md\nreplaced_by:\n  - scs-0100-v3-a.md\nreplaces:\n  - scs-0100-v1-a.md\n  - " "\n  - scs-0099-v1-c.md\n---\n';
    const doc = StandardDocument.fromText('/x/scs-0100-v2-a.md', 'scs-0100-v2-a.md', 'scs-0100-v2-a.md', text);
    expect(doc.allReferences()).toEqual(REFERENCE_FIELDS.flatMap((field) => doc.references(field)));
    expect(doc.allReferences().map((reference) => [reference.field, reference.name])).toEqual(
      REFERENCE_FIELDS.flatMap((field) => ({ replaces: [['replaces', 'scs-0100-v1-a.md'], ['replaces', 'scs-0099-v1-c.md']], replaced_by: [['replaced_by', 'scs-0100-v3-a.md']], supplements: [['supplements', 'scs-0101-v1-b.md']] })[field]),
    );
  });

  test('a BOM is removed and remembered; CRLF keeps positions', () => {
    const doc = StandardDocument.fromBytes('/x/a.md', 'a.md', 'scs-0100-v1-a.md', Buffer.from('\ufeff---\r\ntitle: A\r\ntype: Standard\r\n---\r\n'));
    expect(doc.source.bom).toBe(true);
    expect(doc.source.crlf).toBe(true);
    expect(doc.frontMatter.data).toEqual({ title: 'A', type: 'Standard' });
    const type = doc.field('type');
    expect(type && doc.source.lines.place(type.range)).toEqual({ line: 3, column: 7, endLine: 3, endColumn: 15 });
  });

  test('dates stay strings, comments are not values', () => {
    const fm = parseFrontMatter('---\nstabilized_at: 2023-02-06\ntype: Standard  # | Procedural\n---\n');
    expect(fm.data).toEqual({ stabilized_at: '2023-02-06', type: 'Standard' });
  });

  test.each([
    ['title: A\n', 'missing'],
    ['---\ntitle: A\n', 'unclosed'],
    ['---\n\n---\n', 'empty'],
    ['---\ntitle: [A\n---\n', 'syntax'],
    ['---\n- a\n---\n', 'not-mapping'],
    ['---\nplain text\n---\n', 'not-mapping'],
    ['---\na: 1\na: 2\n---\n', 'duplicate-key'],
    [`---\na: ${'['.repeat(100)}${']'.repeat(100)}\n---\n`, 'limit'],
  ])('%j is a %s problem', (text, kind) => {
    expect(parseFrontMatter(text).problems.map((problem) => problem.kind)).toContain(kind);
  });

  test('deep block nesting is refused before the parser sees it', () => {
    let yaml = 'a:\n';
    for (let depth = 1; depth < 2000; depth++) yaml += `${' '.repeat(depth)}- \n`;
    const fm = parseFrontMatter(`---\n${yaml}---\n`);
    expect(fm.problems.map((problem) => problem.kind)).toEqual(['limit']);
  });
});

describe('source decoding', () => {
  test.each([
    [[0x61, 0xc3, 0xa9], -1],
    [[0x61, 0xe9, 0x62], 1],
    [[0xf0, 0x9f, 0x98, 0x80], -1],
    [[0xf0, 0x9f, 0x98], 0],
    [[0xed, 0xa0, 0x80], 0],
    [[0xc0, 0xaf], 0],
    [[0xe0, 0x80, 0xaf], 0],
    [[0xf4, 0x90, 0x80, 0x80], 0],
  ])('%j first invalid byte is %d', (bytes, expected) => {
    expect(firstInvalidUtf8(new Uint8Array(bytes))).toBe(expected);
  });

  test('the position of a bad byte is line and column of the text before it', () => {
    const result = decodeSource(Buffer.from('---\nab\xff', 'latin1'));
    expect(result.ok).toBe(false);
    expect(!result.ok && new LineIndex(result.text).point(result.problem.range.start)).toEqual({ line: 2, column: 3 });
  });
});

describe('corpus', () => {
  const docOf = (name: string): StandardDocument => StandardDocument.fromText(`/x/${name}`, name, name, '---\ntitle: A\n---\n');

  /** What each lookup gives, computed from every document's parsed name. */
  function expected(docs: readonly StandardDocument[], number: string, id: string): { byNumber: string[]; byId: string[]; numbers: string[] } {
    const sorted = [...docs].filter((doc) => !doc.isTemplate).sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
    const names = (list: StandardDocument[]): string[] => list.map((doc) => doc.fileName);
    return {
      byNumber: names(sorted.filter((doc) => doc.name?.numeric !== undefined && doc.name.number === number)),
      byId: names(sorted.filter((doc) => doc.name?.id === id)),
      numbers: [...new Set(sorted.flatMap((doc) => (doc.name?.numeric !== undefined ? [doc.name.number] : [])))].sort(),
    };
  }

  test('numbers and ids are looked up among the names that start with them, exactly as among all parsed names', () => {
    const names = [
      'scs-0100-v1-a.md', 'scs-0100-v1-b.md', 'scs-0100-v10-c.md', 'scs-0100-w1-d.md', 'scs-0100-u3-e.md', 'scs-0100--f.md',
      'scs-01000-v1-g.md', 'scs-0100.md', 'scs-0100-v1.md', 'scs-010-v1-h.md', 'scs-xxxx-v1-i.md', 'scs-XXXX-vN-standard-template.md',
      'scs-XXXX-wN-supplement-template.md', 'scs-0101-v1-j.md', 'scs--v1-k.md', 'scs-0099-v2-l.md',
    ];
    const corpus = new Corpus('/x', names.map(docOf));
    expect(corpus.templates.map((doc) => doc.fileName)).toEqual(['scs-XXXX-vN-standard-template.md', 'scs-XXXX-wN-supplement-template.md']);
    for (const [number, id] of [['0100', 'scs-0100-v1'], ['0100', 'scs-0100-v3'], ['0100', 'scs-0100-v'], ['01000', 'scs-01000-v1'], ['xxxx', 'scs-xxxx-v1'], ['XXXX', 'scs-XXXX-vN'], ['', 'scs--v1'], ['010', 'scs-010-v1'], ['0100-v1', 'scs-0100'], ['0099', 'x-0099-v2']]) {
      const want = expected(corpus.documents, number ?? '', id ?? '');
      expect(corpus.byNumber(number ?? '').map((doc) => doc.fileName)).toEqual(want.byNumber);
      expect(corpus.byId(id ?? '').map((doc) => doc.fileName)).toEqual(want.byId);
      expect(corpus.numbers()).toEqual(want.numbers);
    }
    expect(corpus.byId('scs-0100-v1').map((doc) => doc.fileName)).toEqual(['scs-0100-v1-a.md', 'scs-0100-v1-b.md']);
    expect(corpus.byId('scs-0100-v3').map((doc) => doc.fileName)).toEqual(['scs-0100-u3-e.md']);
    expect(corpus.byNumber('0100').length).toBe(6);
  });

  test('for any set of names, every lookup gives what the parsed names give', () => {
    const part = fc.constantFrom('scs-', '0100', '0101', '01', 'xxxx', 'XXXX', '-', 'v', 'w', 'u', '1', '10', 'N', 'a', '.', '.md', '~', 'ü', '😀', '');
    const name = fc.array(part, { maxLength: 7 }).map((parts) => `scs-${parts.join('')}.md`);
    const query = fc.array(part, { maxLength: 4 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(name, { maxLength: 12 }), query, query, (names, number, id) => {
        const corpus = new Corpus('/x', names.map(docOf));
        const want = expected(names.map(docOf), number, `scs-${id}`);
        expect(corpus.byNumber(number).map((doc) => doc.fileName)).toEqual(want.byNumber);
        expect(corpus.byId(`scs-${id}`).map((doc) => doc.fileName)).toEqual(want.byId);
        expect(corpus.numbers()).toEqual(want.numbers);
        for (const doc of corpus.documents) if (doc.name) expect(corpus.byId(doc.name.id)).toContain(doc);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('markdown facts', () => {
  test('headings, links, definitions and directives', () => {
    const facts = collectBodyFacts(
      '---\ntitle: A\n---\n<!-- lint disable a b -->\n# T\n\n## Intro *x*\n\nSee [y](scs-0100-v1-a.md) and ![i](p.png).\n\n<!-- lint ignore c -->\n| a |\n| - |\n| [z](#t) |\n\n[d]: http://example.com\n',
    );
    expect(facts.headings.map((heading) => [heading.depth, heading.text])).toEqual([
      [1, 'T'],
      [2, 'Intro x'],
    ]);
    expect(facts.links.map((link) => [link.kind, link.url])).toEqual([
      ['link', 'scs-0100-v1-a.md'],
      ['image', 'p.png'],
      ['link', '#t'],
      ['definition', 'http://example.com'],
    ]);
    expect(facts.directives.map((directive) => [directive.kind, directive.ruleIds, directive.atTop])).toEqual([
      ['disable', ['a', 'b'], true],
      ['ignore', ['c'], false],
    ]);
    expect(facts.directives[1]?.target).toBeDefined();
  });

  test('explicit anchors are `id` and `name` attributes, not attributes that end in them', () => {
    const facts = collectBodyFacts('# T\n\n<a id="one"></a>\n\n<span data-id="two" NAME=\'three\'>x</span>\n\nText <a\tname="four">x</a>.\n');
    expect(facts.anchors).toEqual(['one', 'three', 'four']);
  });

  const documents = readdirSync(join(import.meta.dirname, 'fixtures'), { recursive: true, encoding: 'utf8' })
    .filter((path) => /(^|\/)scs-[^/]*\.md$/.test(path))
    .map((path) => readFileSync(join(import.meta.dirname, 'fixtures', path), 'utf8').replace(/^\ufeff/, ''))
    .filter((text) => text.includes('\n## '));

  test('facts from a tree parsed elsewhere (with a byte order mark, LF or CRLF) equal facts from the text', () => {
    expect(documents.length).toBeGreaterThan(10);
    const remark = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
    for (const text of documents) {
      for (const variant of [text, text.replaceAll('\n', '\r\n')]) {
        const own = collectBodyFacts(variant);
        expect(own.headings.length).toBeGreaterThan(0);
        expect(bodyFactsFromTree(remark.parse(`\ufeff${variant}`))).toEqual(own);
      }
    }
  });
});

describe('lifecycle transitions', () => {
  test.each([
    ['new', 'Draft', 'Standard', true],
    ['new', 'Stable', 'Decision Record', true],
    ['new', 'Stable', 'Standard', false],
    ['new', 'Deprecated', 'Standard', false],
    ['Draft', 'Stable', 'Standard', true],
    ['Draft', 'Rejected', 'Procedural', true],
    ['Draft', 'Deprecated', 'Standard', false],
    ['Stable', 'Deprecated', 'Standard', true],
    ['Stable', 'Draft', 'Standard', false],
    ['Stable', 'Rejected', 'Standard', false],
    ['Deprecated', 'Stable', 'Standard', false],
    ['Rejected', 'Draft', 'Standard', false],
    ['Stable', 'Stable', 'Standard', true],
  ] as const)('%s -> %s (%s): %s', (from, to, type, ok) => {
    expect(checkTransition(from, to, type).ok).toBe(ok);
  });

  test('reasons name what is possible', () => {
    const result = checkTransition('Stable', 'Draft', 'Standard');
    expect(!result.ok && result.reason).toBe('A Stable document cannot become Draft: it may only become Deprecated');
    const limited = checkTransition('new', 'Stable', 'Standard');
    expect(!limited.ok && limited.reason).toBe('A new document may become Stable only if it is a Decision Record, not a Standard');
    const final = checkTransition('Deprecated', 'Stable', 'Standard');
    expect(!final.ok && final.reason).toBe('A Deprecated document cannot become Stable: it stays as it is (no way back)');
  });
});

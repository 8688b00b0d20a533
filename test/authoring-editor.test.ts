import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { unifiedDiff } from '../tools/edits/diff.js';
import { EditError, FrontMatterEditor, quoteScalarEdits, toListEdits } from '../tools/authoring/editor.js';
import { formatScalar, plainIsSafe } from '../tools/authoring/scalars.js';
import { retargetLinkEdits } from '../tools/authoring/links.js';
import { applyEdits } from '../tools/edits/text-edits.js';
import { collectBodyFacts } from '../tools/model/markdown.js';
import { parseFrontMatter } from '../tools/model/frontmatter.js';
import { REFERENCE_FIELDS } from '../tools/model/profile.js';
import { loadProfile } from '../tools/profile/load.js';
import type { Profile } from '../tools/profile/types.js';
import { visible } from './helpers/authoring.js';
import { readGolden } from './helpers/lint.js';

const INPUTS = join(import.meta.dirname, 'fixtures', 'authoring', 'front-matter');
const GOLDEN = join(import.meta.dirname, 'golden', 'front-matter-edits');

/** The edits the commands make, each applied to every input. */
const OPERATIONS: [string, (editor: FrontMatterEditor) => void][] = [
  ['stabilize: status Stable, stabilized_at added', (e) => e.set('status', 'Stable').set('stabilized_at', '2025-01-15')],
  ['deprecate: status, deprecated_at, replaced_by extended', (e) => e.set('status', 'Deprecated').set('deprecated_at', '2025-06-30').addToList('replaced_by', 'scs-0100-v9-next.md')],
  ['reject: status, rejected_at, replaced_by', (e) => e.set('status', 'Rejected').set('rejected_at', '2025-02-01').addToList('replaced_by', 'scs-0999-v1-other.md')],
  ['bump: Draft, dates and replaced_by removed, replaces set', (e) =>
    e.set('status', 'Draft').remove('stabilized_at').remove('deprecated_at').remove('replaced_by').setList('replaces', ['scs-0100-v3-flavor-naming.md'])],
  ['add to replaces', (e) => e.addToList('replaces', 'scs-0100-v2-flavor-naming.md')],
  ['rename a reference', (e) => e.renameReference('scs-0100-v1-flavor-naming.md', 'scs-0100-v1-renamed.md').renameReference('scs-0214-v1-node-distribution.md', 'scs-0214-v1-renamed.md')],
  ['title that needs quotes', (e) => e.set('title', 'GPU: "fast" flavors # new')],
  ['list style fix: single values become lists', (e) => e.apply((text, fm) => REFERENCE_FIELDS.flatMap((field) => toListEdits(text, fm, field)))],
  ['template hint comments removed, other comments kept', (e) => e.removeHint('type').removeHint('track').removeHint('replaced_by')],
  ['date quoting fix', (e) => e.apply((text, fm) => quoteScalarEdits(text, fm, 'stabilized_at'))],
];

function bodyOf(text: string): string {
  const fm = parseFrontMatter(text.replace(/^\ufeff/, ''));
  return text.replace(/^\ufeff/, '').slice(fm.range.end);
}

describe.each(readdirSync(INPUTS).filter((name) => name.endsWith('.md')).sort())('front matter edits on %s', (name) => {
  const input = readFileSync(join(INPUTS, name), 'utf8');

  test('match the golden diffs', () => {
    let out = '';
    for (const [title, operation] of OPERATIONS) {
      const editor = new FrontMatterEditor(input);
      let after: string;
      try {
        operation(editor);
        after = editor.text;
      } catch (error) {
        if (!(error instanceof EditError)) throw error;
        out += `## ${title}\n\nrefused: ${error.message}\n\n`;
        continue;
      }
      out += `## ${title}\n\n${visible(unifiedDiff([{ from: name, to: name, before: input, after }])) || '(no change)\n'}\n`;
    }
    expect(out).toBe(readGolden(join(GOLDEN, `${name.slice(0, -3)}.txt`), out));
  });

  test.each(OPERATIONS)('%s keeps the BOM, the line endings and the body byte for byte', (_title, operation) => {
    const editor = new FrontMatterEditor(input);
    try {
      operation(editor);
    } catch (error) {
      if (error instanceof EditError) return;
      throw error;
    }
    const after = editor.text;
    expect(after.startsWith('\ufeff')).toBe(input.startsWith('\ufeff'));
    if (input.includes('\r\n')) expect(after.replaceAll('\r\n', '')).not.toContain('\n');
    expect(bodyOf(after)).toBe(bodyOf(input));
    // The result is valid YAML that reads as the input plus the change.
    expect(parseFrontMatter(after.replace(/^\ufeff/, '')).usable).toBe(true);
  });
});

describe('values read back as written', () => {
  test('each operation changes exactly the data it names', () => {
    const input = readFileSync(join(INPUTS, 'indented-lists.md'), 'utf8');
    const before = parseFrontMatter(input).data;
    const editor = new FrontMatterEditor(input).set('status', 'Deprecated').set('deprecated_at', '2025-06-30').addToList('replaced_by', 'scs-0100-v3-flavor-naming.md');
    expect(parseFrontMatter(editor.text).data).toEqual({ ...before, status: 'Deprecated', deprecated_at: '2025-06-30', replaced_by: ['scs-0100-v3-flavor-naming.md'] });
  });

  test.each([
    ['Flavor Naming', 'Flavor Naming'],
    ['GPU: fast', '"GPU: fast"'],
    ['yes', '"yes"'],
    ['0o17', '"0o17"'],
    ['1.5', '"1.5"'],
    ['null', '"null"'],
    ['- item', '"- item"'],
    ['a # b', '"a # b"'],
    ['2023-02-06', '2023-02-06'],
    ['2023-02-30', '"2023-02-30"'],
    [' padded', '" padded"'],
    ['Ünïcödé', 'Ünïcödé'],
  ])('plain %j is written as %s', (value, expected) => {
    expect(formatScalar(value, 'PLAIN')).toBe(expected);
  });

  test('an empty list is written as [] in every shape the field can have (found by fuzzing)', () => {
    const cases = [
      '---\ntitle: A\n---\n',
      '---\nreplaces:\ntitle: A\n---\n',
      '---\nreplaces: # none yet\ntitle: A\n---\n',
      '---\nreplaces: scs-0100-v1-a.md\ntitle: A\n---\n',
      '---\nreplaces: [scs-0100-v1-a.md, scs-0100-v2-a.md]\ntitle: A\n---\n',
      '---\nreplaces:\n  - scs-0100-v1-a.md # the first\n  - scs-0100-v2-a.md\ntitle: A\n---\nbody\n',
    ];
    for (const text of cases) {
      const edited = new FrontMatterEditor(text).setList('replaces', []).text;
      const fm = parseFrontMatter(edited);
      expect(fm.data, edited).toEqual({ replaces: [], title: 'A' });
      expect(edited.slice(fm.range.end)).toBe(text.slice(parseFrontMatter(text).range.end));
    }
  });

  test('an item of a flow list that flow indicators would break is quoted (found by fuzzing)', () => {
    for (const value of ['({', 'a,b', 'x]', '[y', 'k: v', 'a:']) {
      for (const edit of [(e: FrontMatterEditor) => e.setList('replaces', [value, 'b.md']), (e: FrontMatterEditor) => e.addToList('replaces', value)]) {
        for (const text of ['---\nreplaces: []\ntitle: A\n---\n', '---\nreplaces: [a.md]\ntitle: A\n---\n']) {
          const edited = edit(new FrontMatterEditor(text)).text;
          const fm = parseFrontMatter(edited);
          expect((fm.data as { replaces: string[] }).replaces, edited).toContain(value);
        }
      }
    }
    expect(new FrontMatterEditor('---\nreplaces: []\n---\n').setList('replaces', ['plain.md']).text).toBe('---\nreplaces: [plain.md]\n---\n');
  });

  test('keys named like built-in properties are keys like any other (found by fuzzing)', () => {
    const edited = new FrontMatterEditor('---\ntitle: A\n---\n').set('constructor', 'x').set('__proto__', 'y').setList('toString', ['z']).text;
    expect(edited).toBe('---\ntitle: A\nconstructor: x\n__proto__: "y"\ntoString:\n  - z\n---\n');
  });

  test('single quotes double an apostrophe; control characters force double quotes', () => {
    expect(formatScalar("it's", 'QUOTE_SINGLE')).toBe("'it''s'");
    expect(formatScalar('a\u001bb', 'QUOTE_SINGLE')).toBe('"a\\u001bb"');
    expect(plainIsSafe('a\u001bb')).toBe(false);
  });

  test('a broken front matter is refused', () => {
    expect(() => new FrontMatterEditor('---\ntitle: [\n---\n').set('status', 'Stable')).toThrow(EditError);
    expect(() => new FrontMatterEditor('no front matter\n').set('status', 'Stable')).toThrow(/cannot be edited: Missing front matter/);
  });

  test('overlapping edits are refused', () => {
    expect(() => applyEdits('abcdef', [{ range: { start: 1, end: 3 }, text: 'x' }, { range: { start: 2, end: 4 }, text: 'y' }])).toThrow(RangeError);
    expect(applyEdits('abc', [{ range: { start: 1, end: 1 }, text: 'x' }, { range: { start: 1, end: 1 }, text: 'y' }])).toBe('axybc');
  });
});

describe("where a new field goes: the profile's insertion places, else its field order", () => {
  const scs = loadProfile('scs').profile;
  const eip = loadProfile('eip').profile;
  const keys = (text: string): string[] => Object.keys(parseFrontMatter(text).data);
  const withOrder = (order: NonNullable<Profile['frontMatter']['order']>): Profile => ({ ...scs, frontMatter: { ...scs.frontMatter, order } });

  test('the scs profile: a date right after the status, before the track; replaces after the last date', () => {
    const text = '---\ntitle: T\ntype: Standard\nstatus: Draft\ntrack: IaaS\n---\n';
    const stable = new FrontMatterEditor(text, scs).set('status', 'Stable').set('stabilized_at', '2025-01-01').addToList('replaces', 'scs-0100-v1-a.md');
    expect(keys(stable.text)).toEqual(['title', 'type', 'status', 'stabilized_at', 'replaces', 'track']);
    // The editor without a profile lays fields out as the default profile does.
    expect(new FrontMatterEditor(text).set('stabilized_at', '2025-01-01').text).toBe(new FrontMatterEditor(text, scs).set('stabilized_at', '2025-01-01').text);
  });

  test('a profile without insertion places: after the nearest field the order puts before it', () => {
    const text = '---\neip: 1\ntitle: T\nstatus: Draft\ntype: Meta\n---\n';
    const edited = new FrontMatterEditor(text, eip).set('created', '2025-01-01').set('last-call-deadline', '2025-02-01').set('description', 'D').set('unknown', 'x');
    expect(keys(edited.text)).toEqual(['eip', 'title', 'description', 'status', 'last-call-deadline', 'type', 'created', 'unknown']);
  });

  test('insertion places replace the order; a field they do not name goes last', () => {
    const text = '---\ntitle: T\nstatus: Draft\ntrack: IaaS\n---\n';
    const profile = withOrder({ fields: ['title', 'type', 'status', 'track', 'stabilized_at'], insertAfter: { stabilized_at: ['title'] } });
    expect(keys(new FrontMatterEditor(text, profile).set('stabilized_at', '2025-01-01').set('type', 'Standard').text)).toEqual(['title', 'stabilized_at', 'status', 'track', 'type']);
    expect(keys(new FrontMatterEditor(text, withOrder({ fields: ['title', 'type', 'status', 'track', 'stabilized_at'] })).set('stabilized_at', '2025-01-01').set('type', 'Standard').text)).toEqual(['title', 'type', 'status', 'track', 'stabilized_at']);
  });

  test("a new date is quoted as the profile's other dates are; references by file name follow a rename", () => {
    const renamed: Profile = { ...scs, dates: [{ field: 'created' }], references: [{ field: 'follows', target: 'file-name' }] };
    const text = "---\ntitle: T\ncreated: '2024-01-01'\nfollows:\n  - a.md\nreplaces:\n  - a.md\n---\n";
    const edited = new FrontMatterEditor(text, renamed).set('stabilized_at', '2025-01-01').set('updated', '2025-02-02').renameReference('a.md', 'b.md').text;
    expect(edited).toContain("stabilized_at: 2025-01-01\n");
    expect(parseFrontMatter(edited).data).toMatchObject({ follows: ['b.md'], replaces: ['a.md'] });
    expect(new FrontMatterEditor(text, { ...renamed, dates: [{ field: 'created' }, { field: 'updated' }] }).set('updated', '2025-02-02').text).toContain("updated: '2025-02-02'\n");
  });
});

describe('links to a renamed document', () => {
  test('only destinations change: link text, ./, fragments, titles, other links stay', () => {
    const text = [
      '# Links',
      '',
      'See [scs-xxxx-v1-a.md](scs-xxxx-v1-a.md), [part](./scs-xxxx-v1-a.md#part "scs-xxxx-v1-a.md"),',
      '![figure](<scs-xxxx-v1-a.md>) and [other](scs-xxxx-v1-ab.md), [ref][r], <https://example.org/scs-xxxx-v1-a.md>.',
      '',
      '[r]: scs-xxxx-v1-a.md?plain=1',
      '',
    ].join('\n');
    const links = collectBodyFacts(text).links;
    const after = applyEdits(text, retargetLinkEdits(text, links, 'scs-xxxx-v1-a.md', 'scs-0101-v1-a.md'));
    expect(after).toBe(
      [
        '# Links',
        '',
        'See [scs-xxxx-v1-a.md](scs-0101-v1-a.md), [part](./scs-0101-v1-a.md#part "scs-xxxx-v1-a.md"),',
        '![figure](<scs-0101-v1-a.md>) and [other](scs-xxxx-v1-ab.md), [ref][r], <https://example.org/scs-xxxx-v1-a.md>.',
        '',
        '[r]: scs-0101-v1-a.md?plain=1',
        '',
      ].join('\n'),
    );
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readFrontMatterFast } from '../tools/model/frontmatter-fast.js';
import { parseFrontMatter, parseYaml } from '../tools/model/frontmatter.js';

const ROOT = join(import.meta.dirname, '..');
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

/** The fast reader either refuses or gives exactly what the YAML parser gives. */
function agree(source: string, offset = 4): boolean {
  const fast = readFrontMatterFast(source, offset);
  if (!fast) return false;
  const slow = parseYaml(source, offset);
  expect(slow.usable, `the parser finds a problem the fast reader missed in ${JSON.stringify(source)}`).toBe(true);
  expect(slow.problems).toEqual([]);
  expect({ entries: fast.entries, data: fast.data, mapRange: fast.mapRange }).toEqual({ entries: slow.entries, data: slow.data, mapRange: slow.mapRange });
  return true;
}

function markdownFiles(folder: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) found.push(...markdownFiles(path));
    else if (name.endsWith('.md')) found.push(path);
  }
  return found;
}

describe('the fast front matter reader', () => {
  test('agrees with the YAML parser on every document of the repository, and reads most of them', () => {
    let read = 0;
    let total = 0;
    for (const folder of ['Standards', 'templates', 'test/fixtures']) {
      for (const path of markdownFiles(join(ROOT, folder))) {
        const text = readFileSync(path, 'utf8').replace(/^\ufeff/, '');
        const fm = parseFrontMatter(text);
        if (!fm.usable) continue;
        total++;
        if (agree(fm.source, fm.contentStart)) read++;
      }
    }
    expect(total).toBeGreaterThan(200);
    expect(read / total).toBeGreaterThan(0.8);
  });

  test.each([
    ['title: A\ntype: Standard\n', true],
    ['title: "A: b"  # c\nreplaces:\n  - scs-0100-v1-a.md\n  - "scs-0100-v2-b.md"\n\ntrack: IaaS\n', true],
    ['replaces:\n- a.md\n- b.md # c\n', true],
    ['description: |\n  One\n\n  two\n    three\nx: y\n', true],
    ['description: |-\n  One\n\n\nx: y\n', true],
    ['a: x\r\nb:\r\n  - p\r\nd: |\r\n  l1\r\n  l2\r\ne: f\r\n', true],
    ['# c\na: x # y\n\n# z\nb: w   \nv:\n', true],
    ['a: 1\n', false],
    ['a: true\n', false],
    ['a: [x, y]\n', false],
    ['a: &x y\nb: *x\n', false],
    ['a: x\n  continued\n', false],
    ['a: x\na: y\n', false],
    ['  a: x\n', false],
    ['a: "x\\ty"\n', false],
    ['a: >\n  folded\n', false],
    ['a: b: c\n', false],
    ['a:\n  - x\n  # comment\n  - y\n', false],
  ])('%j is read fast: %s', (source, fast) => {
    expect(agree(source)).toBe(fast);
  });

  test('property: refuses or agrees, on generated front matter', () => {
    const key = fc.oneof(fc.constantFrom('title', 'type', 'status', 'track', 'replaces', 'replaced_by', 'supplements', 'stabilized_at', 'description', 'authors', 'x-y', '_z'), fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_-]{0,6}$/));
    const plain = fc.oneof(
      fc.constantFrom('Standard', 'Draft', 'IaaS', '2023-02-30', '2024-01-01', 'scs-0100-v1-flavor-naming.md', 'A title: with colon', 'x #y', 'x#y', '-x', ':x', '- x', '? x', '~', 'null', '1', '1.5', '0x1F', '.inf', 'true', 'yes', 'a, b', '[a]', '{a}', '&a b', '*a', '!tag x', '%x', '@x', '`x`', '|', '>', "'q'", '"d"', '"a \\" b"', "'it''s'", 'é ü 😀', 'a  b  ', 'x:', 'x: y'),
      fc.string({ maxLength: 12 }),
    );
    const comment = fc.constantFrom('', '', ' # note', '  #c', ' #');
    const listIndent = fc.constantFrom('', '  ', '    ', ' ');
    const entry = fc.oneof(
      fc.tuple(key, plain, comment).map(([k, v, c]) => `${k}: ${v}${c}`),
      fc.tuple(key, fc.array(fc.tuple(plain, comment), { minLength: 1, maxLength: 3 }), listIndent, fc.boolean()).map(
        ([k, items, indent, blank]) => `${k}:\n${items.map(([v, c]) => `${indent}- ${v}${c}`).join(blank ? '\n\n' : '\n')}`,
      ),
      fc.tuple(key, fc.constantFrom('|', '|-', '>', '|+'), fc.array(fc.constantFrom('line one', '  indented', '', 'x: y', '# hash', '   '), { minLength: 1, maxLength: 4 }), fc.constantFrom('  ', '    ', ' ')).map(
        ([k, indicator, lines, indent]) => `${k}: ${indicator}\n${lines.map((line) => (line === '' ? '' : `${indent}${line}`)).join('\n')}`,
      ),
      fc.constantFrom('# a comment', '', '  # indented comment', 'key:', 'empty:   ', 'k: v\n  cont', '\t', 'k:v', ' k: v'),
    );
    const source = fc.tuple(fc.array(entry, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([entries, eol, final]) => entries.join('\n').replaceAll('\n', eol) + (final ? eol : ''));
    let fast = 0;
    fc.assert(
      fc.property(source, (text) => {
        if (agree(text, 4)) fast++;
      }),
      { numRuns: RUNS },
    );
    expect(fast).toBeGreaterThan(0);
  });
});

import fc from 'fast-check';

/**
 * fast-check arbitraries for Markdown documents built from the pieces standards documents (and
 * their edge cases) are made of, for differential tests of the fast scanner against remark.
 */

/** True with probability `p` (in hundredths). */
const chance = (p: number): fc.Arbitrary<boolean> => fc.integer({ min: 0, max: 99 }).map((n) => n < p * 100);

const words = fc.constantFrom(
  'the', 'Flavor', 'naming', 'SCS', 'IaaS', 'cloud', 'x', 'a_b', 'snake_case', 'v1.2', '2024-01-01', 'foo-bar',
  'Ünïcödé', '日本語', 'emoji🎉', 'naïve', 'ÄÖÜ', 'ǅ', 'ß', 'ﬁ',
);

const punctuation = fc.constantFrom(
  ' ', ' ', ' ', '  ', '.', ',', ':', ';', '!', '?', '(', ')', '"', "'", '-', '/', '|', '@', '#', '&', '<', '>', '[', ']',
  '*', '**', '_', '__', '~', '~~', '`', '\\', '\t', '=', '+', '^', '{', '}', '$', '%',
);

const url = fc.constantFrom(
  'https://example.com', 'https://example.com/a_b/c?d=e&f=g#h', 'http://x.org/(paren)', './scs-0100-v1-flavor-naming.md',
  '#motivation', 'scs-0110-v1-ssd-flavors.md#design', '/abs/path', 'mailto:a@b.de', '', 'a%20b', 'with\\)escape',
  '&amp;entity', 'ü', '<with space>', '<>', 'a(b)c', 'www.example.com',
);

const title = fc.constantFrom('', ' "Title"', " 'single'", ' (paren)', ' "with \\" quote"', ' "multi\nline"');

const label = fc.constantFrom('ref', 'Ref', 'REF', 'other', 'a b', 'semver', '1', 'x');

/** Inline pieces: text, emphasis, code, links, images, references, autolinks, HTML, escapes. */
export const inlinePiece: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: words },
  { weight: 5, arbitrary: punctuation },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('*', '_', '**', '__', '~', '~~', '***'), words).map(([m, w]) => `${m}${w}${m}`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('`', '``', '```'), fc.constantFrom('code', ' x ', '`', 'a | b', '[x](y)', ' ', '<b>', 'a\\')).map(([f, c]) => `${f}${c}${f}`) },
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom('', '!'), words, url, title).map(([b, t, u, ti]) => `${b}[${t}](${u}${ti})`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('', '!'), words, label).map(([b, t, l]) => `${b}[${t}][${l}]`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('', '!'), label, fc.constantFrom('', '[]')).map(([b, l, c]) => `${b}[${l}]${c}`) },
  { weight: 1, arbitrary: fc.constantFrom('[![img](i.png)](https://x.org)', '[a [b](c) d](e)', '![a ![b](c)](d)', '[`code`](x)', '[a <b>](c)', '[link *em*](u)') },
  { weight: 2, arbitrary: fc.constantFrom('<https://example.com>', '<mailto:a@b.c>', '<a@b.de>', '<x:y>', '<a b>', '<foo@bar>') },
  { weight: 3, arbitrary: fc.constantFrom('https://example.com.', 'https://x.org/a_(b)', 'www.scs.community', 'info@osb-alliance.com', 'http://a.b/c?d', 'a.b@c.d', 'WWW.X.ORG', 'https://x.y/z]') },
  { weight: 2, arbitrary: fc.constantFrom('&amp;', '&copy;', '&#35;', '&#x40;', '&bogus;', '&#0;', '&nbsp;', '&', '&commat;') },
  { weight: 2, arbitrary: fc.constantFrom('\\*', '\\[', '\\]', '\\\\', '\\_', '\\#', '\\`', '\\<', '\\@', '\\.', '\\|') },
  { weight: 2, arbitrary: fc.constantFrom('<a name="anchor"></a>', '<span id=\'x\'>', '</span>', '<br/>', '<!-- comment -->', '<!-- lint ignore foo -->', '<img src="a" alt=b>', '<a\nhref="x">', '<?php ?>', '<!DOCTYPE x>', '<![CDATA[x]]>') },
  { weight: 2, arbitrary: fc.constantFrom('[^1]', '[^note]', '[^missing]', '^1') },
);

export const inlineText: fc.Arbitrary<string> = fc.array(inlinePiece, { minLength: 1, maxLength: 12 }).map((pieces) => pieces.join(''));

const paragraph = fc.array(inlineText, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));

const heading = fc
  .tuple(fc.integer({ min: 1, max: 7 }), fc.constantFrom('', ' ', '  '), inlineText, fc.constantFrom('', ' #', ' ##', '#', '  ', ' \\#'))
  .map(([depth, indent, text, close]) => `${indent}${'#'.repeat(depth)} ${text}${close}`);

const setext = fc.tuple(inlineText, fc.constantFrom('===', '---', '-', '= =', '--- ')).map(([text, line]) => `${text}\n${line}`);

const fenced = fc
  .tuple(fc.constantFrom('```', '~~~', '````', '``'), fc.constantFrom('', 'yaml', 'sh title="x"', 'a`b'), fc.array(fc.constantFrom('code [x](y)', '# not heading', '', '<!-- lint disable -->', '  indented', '```'), { maxLength: 3 }), chance(0.97))
  .map(([fence, info, lines, closed]) => [`${fence}${info}`, ...lines, ...(closed ? [fence] : [])].join('\n'));

const indentedCode = fc.array(fc.constantFrom('code', '[a](b)', '# x', ''), { minLength: 1, maxLength: 3 }).map((lines) => lines.map((line) => `    ${line}`).join('\n'));

const thematic = fc.constantFrom('***', '---', '___', '- - -', ' * * *', '_____');

const table = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.array(fc.array(inlineText, { minLength: 1, maxLength: 3 }), { maxLength: 3 }), fc.boolean())
  .map(([columns, rows, pipes]) => {
    const row = (cells: string[]): string => (pipes ? `| ${cells.join(' | ')} |` : cells.join(' | '));
    const head = row(Array.from({ length: columns }, (_, index) => `H${index}`));
    const delimiter = row(Array.from({ length: columns }, (_, index) => [':--', '---', '--:', ':-:'][index % 4] ?? '---'));
    return [head, delimiter, ...rows.map((cells) => row(cells.map((cell) => cell.replace(/\n/g, ' '))))].join('\n');
  });

const htmlBlock = fc.constantFrom(
  '<!-- lint disable sections-recommended -->', '<!-- lint enable -->', '<!-- lint disabel x -->', '<!-- lint: note -->', '<!-- lint ignore link-fragment-exists foo -->',
  '<!--\nmulti-line\ncomment -->', '<div>\n*text*\n</div>', '<details>\n<summary>x</summary>\n\n[a](b)\n</details>',
  '<a name="top"></a>', '<a id="x"></a> trailing', '<script>\nx\n</script>', '<custom-tag>', '</div>', '<!-- a -->b',
  '  <!-- lint disable -->', '<pre>\n# x\n</pre>', '<?xml x?>', '<!X y>', '<![CDATA[\n]]>', '<!--> x', '<br>\ntext',
);

const definition = fc
  .tuple(label, url, title, fc.constantFrom('', '  ', ' '))
  .map(([l, u, t, indent]) => `${indent}[${l}]: ${u === '' ? '<>' : u}${t}`);

const footnote = fc.tuple(fc.constantFrom('1', 'note', 'x y', '^'), inlineText, fc.constantFrom('', '\n    more text', '\nlazy line')).map(([l, t, more]) => `[^${l}]: ${t}${more}`);

const leaf: fc.Arbitrary<string> = fc.oneof(
  { weight: 24, arbitrary: paragraph },
  { weight: 12, arbitrary: heading },
  { weight: 1, arbitrary: setext },
  { weight: 4, arbitrary: fenced },
  { weight: 2, arbitrary: indentedCode },
  { weight: 2, arbitrary: thematic },
  { weight: 4, arbitrary: table },
  { weight: 4, arbitrary: htmlBlock },
  { weight: 3, arbitrary: definition },
  { weight: 2, arbitrary: footnote },
);

/** Prefixes every line for a container: the first with `first`, the rest with `rest` (or lazily none). */
function contain(content: string, first: string, rest: string, lazy: boolean): string {
  return content
    .split('\n')
    .map((line, index) => (index === 0 ? first : lazy && index % 2 === 1 ? '' : line === '' ? rest.trimEnd() : rest) + line)
    .join('\n');
}

const blocks: fc.Arbitrary<string> = fc.letrec<{ block: string; blocks: string }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: leaf },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '10. ', '-  ', ' - ', '1.  '), fc.array(tie('blocks'), { minLength: 1, maxLength: 3 }), chance(0.2), fc.constantFrom('\n', '\n\n'))
        .map(([marker, items, lazy, gap]) => {
          const number = /^\s*(\d+)/.exec(marker);
          return items
            .map((item, index) => {
              const itemMarker = number ? marker.replace(number[1] ?? '', String(Number(number[1]) + index)) : marker;
              return contain(item, itemMarker, ' '.repeat(itemMarker.length), lazy);
            })
            .join(gap);
        }),
    },
    { weight: 2, arbitrary: fc.tuple(tie('blocks'), fc.constantFrom('> ', '>', ' > '), chance(0.2)).map(([content, prefix, lazy]) => contain(content, prefix, prefix, lazy)) },
  ),
  blocks: fc.array(tie('block'), { minLength: 1, maxLength: 3 }).chain((parts) =>
    fc.array(fc.constantFrom('\n', '\n\n', '\n\n\n'), { minLength: parts.length, maxLength: parts.length }).map((gaps) =>
      parts.map((part, index) => (index === 0 ? part : `${gaps[index] ?? '\n'}${part}`)).join(''),
    ),
  ),
})).blocks;

const frontMatter = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('---\ntitle: X\ntype: Standard\n---\n', '---\ntitle: X\n---\n\n', '') },
  { weight: 1, arbitrary: fc.constantFrom('---\n---\n', '---   \na: b\n---  \n', '---\n', '----\nx\n', '---\na: b\n---') },
);

/** A whole document: front matter, blocks, then variations of line endings and whitespace. */
export const markdownDocument: fc.Arbitrary<string> = fc
  .tuple(frontMatter, fc.array(blocks, { minLength: 1, maxLength: 3 }), fc.constantFrom('lf', 'lf', 'lf', 'crlf'), fc.constantFrom('', '\n', '\n\n', '  '))
  .map(([matter, parts, endings, tail]) => {
    const text = matter + parts.join('\n\n') + tail;
    return endings === 'crlf' ? text.replace(/\n/g, '\r\n') : text;
  });

/** Strings over the characters Markdown gives meaning to, with no structure at all. */
export const markdownSoup: fc.Arbitrary<string> = fc.string({
  unit: fc.constantFrom(
    ...'abcxyzABC019 \n\n\t#*-_+=>|`~[]()<>!:/\\&;@."\'^hwt.'.split(''),
    '---', '```', '    ', '1. ', '- ', '> ', 'www.', 'http://', 'https://', '<!--', '-->', '<a', '</a>', '[^1]', '&amp;', '\r\n', 'é', '🎉',
  ),
  maxLength: 120,
});

/** A real document with a few characters inserted, deleted or replaced at random places. */
export function mutated(documents: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(...documents),
      fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.constantFrom('', '*', '_', '[', ']', '(', ')', '<', '>', '`', '\n', '\n\n', '    ', '|', '#', '- ', '> ', '\\', '&', '@', 'www.', '\t', '---', '<!-- lint ignore x -->', '<!-- lint disabel x -->')), { minLength: 1, maxLength: 4 }),
    )
    .map(([document, edits]) => {
      let text = document;
      for (const [position, remove, insert] of edits) {
        const at = text.length === 0 ? 0 : position % text.length;
        text = text.slice(0, at) + insert + text.slice(at + remove);
      }
      return text;
    });
}

// --- documents shaped like real standards, which the scanner should nearly always answer ----

const tameInline: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 8, arbitrary: words.map((word) => `${word} `) },
      { weight: 2, arbitrary: fc.constantFrom('. ', ', ', ': ', '(see below) ', '"quoted" ', '2 < 3 ', 'a & b ', '100% ') },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom('*', '_', '**'), words).map(([m, w]) => `${m}${w}${m} `) },
      { weight: 2, arbitrary: fc.constantFrom('`code` ', '``a ` b`` ', '`[not](link)` ') },
      { weight: 3, arbitrary: fc.tuple(words, url.filter((u) => !u.includes('<') && !u.includes('\\'))).map(([t, u]) => `[${t}](${u}) `) },
      { weight: 1, arbitrary: fc.constantFrom('[semver][] ', '[the spec][ref] ', '![diagram](img/a.png "Diagram") ', '[^1] ', '<https://scs.community> ') },
      { weight: 1, arbitrary: fc.constantFrom('https://example.com/x. ', 'www.scs.community ', 'info@osb-alliance.com ', '&amp; ', '&copy; ', '\\* ') },
      { weight: 1, arbitrary: fc.constantFrom('<a name="anchor"></a> ', '<br/> ', '<span id="s">x</span> ') },
    ),
    { minLength: 1, maxLength: 10 },
  )
  .map((pieces) => pieces.join('').trimEnd());

const tameParagraph = fc.array(tameInline, { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\n'));
const tameHeading = fc.tuple(fc.integer({ min: 1, max: 4 }), tameInline).map(([depth, text]) => `${'#'.repeat(depth)} ${text}`);
const tameList = fc
  .tuple(fc.constantFrom('-', '*', '1.'), fc.array(fc.tuple(tameInline, fc.option(fc.array(tameInline, { minLength: 1, maxLength: 3 }))), { minLength: 1, maxLength: 5 }))
  .map(([marker, items]) =>
    items
      .map(([text, nested], index) => {
        const own = marker === '1.' ? `${index + 1}.` : marker;
        const pad = ' '.repeat(own.length + 1);
        return `${own} ${text}${nested ? nested.map((line) => `\n${pad}- ${line}`).join('') : ''}`;
      })
      .join('\n'),
  );
const tameTable = fc
  .array(fc.tuple(tameInline, tameInline), { minLength: 1, maxLength: 5 })
  .map((rows) => ['| Name | Value |', '| ---- | ----: |', ...rows.map(([a, b]) => `| ${a.replace(/\|/g, '')} | ${b.replace(/\|/g, '')} |`)].join('\n'));
const tameBlock = fc.oneof(
  { weight: 6, arbitrary: tameParagraph },
  { weight: 3, arbitrary: tameHeading },
  { weight: 3, arbitrary: tameList },
  { weight: 2, arbitrary: tameTable },
  { weight: 1, arbitrary: fc.constantFrom('```yaml\nkey: [x](y)\n```', '~~~\n# no heading\n~~~', '    indented code') },
  { weight: 1, arbitrary: tameParagraph.map((text) => text.split('\n').map((line) => `> ${line}`).join('\n')) },
  { weight: 1, arbitrary: fc.constantFrom('<!-- lint ignore link-fragment-exists -->', '<!-- lint disable -->', '<a name="top"></a>', '<!-- a note -->', '---') },
  { weight: 1, arbitrary: fc.constantFrom('[ref]: https://example.org', '[semver]: https://semver.org/ "SemVer"', '[^1]: A footnote with [a link](#x).') },
);

/** A document shaped like a real standard: front matter, then common blocks between blank lines. */
export const standardsDocument: fc.Arbitrary<string> = fc
  .tuple(fc.array(tameBlock, { minLength: 1, maxLength: 12 }), fc.constantFrom('lf', 'lf', 'crlf'))
  .map(([parts, endings]) => {
    const text = `---\ntitle: A standard\ntype: Standard\n---\n\n${parts.join('\n\n')}\n`;
    return endings === 'crlf' ? text.replace(/\n/g, '\r\n') : text;
  });

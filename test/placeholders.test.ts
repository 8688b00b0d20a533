import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { blockKey, blockKeys, bodyBlocks, findPlaceholders, templatePlaceholders } from '../tools/model/placeholders.js';
import { lintFolder } from './helpers/lint.js';
import { join } from 'node:path';

const TEMPLATE = [
  '---',
  'title: _Title_',
  '---',
  '',
  '<!-- lint disable sections-recommended -->',
  '<!--',
  'A hint for the author.',
  '-->',
  '',
  '## Introduction',
  '',
  'Say what it is about.',
  '',
  'Decision',
  '--------',
  '',
  'Write the decision. Adjust the heading to the topic.',
  '',
  '### _Option_',
  '',
  '```text',
  'Code the author keeps.',
  '```',
  '',
].join('\r\n');

describe('template placeholders', () => {
  test('paragraphs, hint comments and marked headings are placeholders; lint comments, plain headings and code are not', () => {
    const start = TEMPLATE.indexOf('---\r\n', 3) + 5;
    expect(templatePlaceholders(TEMPLATE, start)).toEqual([
      { kind: 'comment', text: 'A hint for the author.' },
      { kind: 'paragraph', text: 'Say what it is about.' },
      { kind: 'heading', text: 'Decision', whileFollowedBy: 'Write the decision. Adjust the heading to the topic.' },
      { kind: 'paragraph', text: 'Write the decision. Adjust the heading to the topic.' },
      { kind: 'heading', text: '_Option_' },
    ]);
  });

  test('blocks compare with whitespace collapsed; a heading the template asks to adjust counts only with its text under it', () => {
    const placeholders = templatePlaceholders(TEMPLATE);
    const kept = '## Decision\n\nWrite the decision.\n  Adjust the heading to the topic.\n';
    expect(findPlaceholders(bodyBlocks(kept), placeholders).map((match) => [match.block.kind, match.block.range])).toEqual([
      ['heading', { start: 0, end: 11 }],
      ['paragraph', { start: 13, end: 67 }],
    ]);
    const written = '## Decision\n\nWe decided to keep it.\n\n```\nSay what it is about.\n```\n';
    expect(findPlaceholders(bodyBlocks(written), placeholders)).toEqual([]);
  });

  test('a rule set to warn makes the findings in a Stable document warnings too', () => {
    const folder = join(import.meta.dirname, 'fixtures', 'rules', 'template-placeholder', 'not-ok-stable-keeps-template-text');
    const severities = (raw: Parameters<typeof lintFolder>[2]) =>
      lintFolder(folder, undefined, raw).flatMap((result) => result.messages.filter((message) => message.ruleId === 'template-placeholder').map((message) => message.severity));
    expect(severities({})).toEqual([2, 2, 2]);
    expect(severities({ rules: { 'template-placeholder': 'warn' } })).toEqual([1, 1, 1]);
    expect(severities({ rules: { 'template-placeholder': 'off' } })).toEqual([]);
  });

  // blockKeys hashes while it walks the lines instead of building the blocks: it must give the
  // keys of the blocks, in their order, for any text, including the ones a fence, a comment, a
  // heading or odd whitespace (tab, no-break space, CR, byte order mark) makes hard.
  const FRAGMENTS = ['```', '~~~', '````', ' ```js', '<!--', ' <!-- x', '-->', 'x -->', '<!-- lint disable a -->', '<!-- -->', '# h', '## two ##', '#no', '    # deep', '###### six', '####### seven', '===', '---', ' - item', '| a | b |', 'word', 'two words', '   ', '\t', '\u00a0', '\ufeff', '\u2003', '\r', 'é', '`x`', '~'];
  const texts = fc.array(fc.tuple(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 4 }), fc.constantFrom(' ', '')).map(([parts, joint]) => parts.join(joint)), { maxLength: 30 }).chain((lines) =>
    fc.tuple(fc.constant(lines), fc.array(fc.constantFrom('\n', '\r\n'), { minLength: lines.length, maxLength: lines.length })),
  );

  test('blockKeys gives the keys of bodyBlocks, each once and in order, for any text and start', () => {
    fc.assert(
      fc.property(texts, fc.nat(20), ([lines, ends], skip) => {
        const text = lines.map((line, index) => line + (ends[index] ?? '\n')).join('');
        const from = Math.min(skip, text.length);
        const expected = [...new Set(bodyBlocks(text, from).map((block) => blockKey(block.kind, block.text)))];
        expect(blockKeys(text, from)).toEqual({ from, keys: expected });
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 2000) },
    );
  });

  test('a setext heading and a paragraph of the same text have different keys, as do heading and comment', () => {
    expect(blockKeys('Decision\n--------\n\nDecision\n', 0).keys).toEqual([blockKey('heading', 'Decision'), blockKey('paragraph', 'Decision')]);
    expect(new Set([blockKey('heading', 'x'), blockKey('paragraph', 'x'), blockKey('comment', 'x')]).size).toBe(3);
  });
});

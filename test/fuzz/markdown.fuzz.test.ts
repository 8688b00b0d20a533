import { join } from 'node:path';
import fc from 'fast-check';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { afterAll, describe, expect, test } from 'vitest';
import { collectBodyFacts } from '../../tools/model/markdown.js';
import preset from '../../tools/remark/index.js';
import { rulesById } from '../../tools/rules/index.js';
import { count, deterministic, documentText, FIXTURES, frontMatter, lifecycleFrontMatter, markdown, mutate, mutations, reportCounts, settings, timeout } from './support.js';

/**
 * Property tests over the Markdown facts the rules read (headings, links, lint comments,
 * anchors) and over the remark preset, which runs the document rules in a remark pipeline.
 */

const PATH = join(FIXTURES, 'cli', 'clean', 'Standards', 'scs-0120-v1-topic.md');
const text = fc.tuple(fc.oneof(lifecycleFrontMatter, frontMatter), markdown, fc.boolean(), fc.boolean()).map(([yaml, body, bom, crlf]) => documentText(yaml, body, bom, crlf));

function inside(range: { start: number; end: number }, length: number): void {
  expect(range.start).toBeGreaterThanOrEqual(0);
  expect(range.end).toBeGreaterThanOrEqual(range.start);
  expect(range.end).toBeLessThanOrEqual(length);
}

afterAll(() => reportCounts('markdown'));

describe('fuzz: Markdown facts and the remark preset', () => {
  test('headings, links, comments and anchors lie inside the text', () => {
    fc.assert(
      fc.property(text, (source) => {
        count('markdown facts');
        const facts = deterministic(() => collectBodyFacts(source.replace(/^\ufeff/, '')));
        const length = source.replace(/^\ufeff/, '').length;
        for (const item of [...facts.headings, ...facts.links, ...facts.directives]) inside(item.range, length);
        for (const directive of facts.directives) if (directive.target) inside(directive.target, length);
      }),
      settings(),
    );
  }, timeout());

  test('the remark preset: no exception, registered rule ids, positions inside the file', () => {
    fc.assert(
      fc.property(text, fc.option(mutations, { nil: undefined }), (source, changes) => {
        count('remark preset');
        const bytes = changes === undefined ? new TextEncoder().encode(source) : mutate(new TextEncoder().encode(source), changes);
        const run = (): { ruleId: string | undefined; line: number | undefined; column: number | undefined; reason: string }[] => {
          const file = new VFile({ path: PATH, value: Buffer.from(bytes) });
          const processor = unified().use(remarkParse).use(preset);
          processor.runSync(processor.parse(file), file);
          return file.messages.map((message) => ({ ruleId: message.ruleId, line: message.line, column: message.column, reason: message.reason }));
        };
        const messages = deterministic(run);
        const lines = Buffer.from(bytes).toString('utf8').replace(/^\ufeff/, '').split('\n');
        for (const message of messages) {
          expect(rulesById.has(message.ruleId ?? ''), message.ruleId).toBe(true);
          expect(message.line ?? 0).toBeGreaterThanOrEqual(1);
          expect(message.line ?? 0).toBeLessThanOrEqual(lines.length);
          expect(message.column ?? 0).toBeGreaterThanOrEqual(1);
          expect(message.reason.trim()).not.toBe('');
        }
      }),
      settings(),
    );
  }, timeout());
});

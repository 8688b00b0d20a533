import { describe, expect, test } from 'vitest';
import { buildChange } from '../tools/model/change.js';
import { Corpus } from '../tools/model/corpus.js';
import { StandardDocument } from '../tools/model/document.js';
import { standard } from './helpers/documents.js';

function corpus(files: Record<string, string>): Corpus {
  return new Corpus('/repo/Standards', Object.entries(files).map(([name, text]) => StandardDocument.fromText(`/repo/Standards/${name}`, `Standards/${name}`, name, text)));
}

function kinds(base: Record<string, string>, head: Record<string, string>, renames: { from: string; to: string }[] = []): string[] {
  const change = buildChange(corpus(base), corpus(head), renames);
  return change.documents.map((entry) => `${entry.kind} ${entry.base?.fileName ?? '-'} -> ${entry.head?.fileName ?? '-'}`);
}

describe('pairing base and head documents', () => {
  test('same name: unchanged or modified; line endings do not count', () => {
    const text = standard({});
    expect(kinds({ 'scs-0100-v1-a.md': text, 'scs-0101-v1-b.md': text }, { 'scs-0100-v1-a.md': text.replaceAll('\n', '\r\n'), 'scs-0101-v1-b.md': `${text}x\n` })).toEqual([
      'unchanged scs-0100-v1-a.md -> scs-0100-v1-a.md',
      'modified scs-0101-v1-b.md -> scs-0101-v1-b.md',
    ]);
  });

  test("git's renames come first, then identical text, number and version, slug and version", () => {
    expect(
      kinds(
        { 'scs-0100-v1-a.md': standard({ title: 'A' }), 'scs-0101-v1-b.md': standard({ title: 'B' }), 'scs-xxxx-v1-c.md': standard({ title: 'C' }), 'scs-0103-v1-d.md': standard({ title: 'D' }) },
        { 'scs-0200-v1-z.md': standard({ title: 'A' }), 'scs-0101-v1-bee.md': standard({ title: 'B2' }), 'scs-0104-v1-c.md': standard({ title: 'C2' }), 'scs-0199-v1-q.md': standard({ title: 'D2' }) },
        [{ from: 'scs-0103-v1-d.md', to: 'scs-0199-v1-q.md' }],
      ),
    ).toEqual([
      'renamed scs-0101-v1-b.md -> scs-0101-v1-bee.md',
      'renamed scs-xxxx-v1-c.md -> scs-0104-v1-c.md',
      'renamed scs-0103-v1-d.md -> scs-0199-v1-q.md',
      'renamed scs-0100-v1-a.md -> scs-0200-v1-z.md',
    ]);
  });

  test('ambiguous candidates are not paired: a deletion and additions remain', () => {
    expect(kinds({ 'scs-xxxx-v1-topic.md': standard({ title: 'A' }) }, { 'scs-0100-v1-topic.md': standard({ title: 'B' }), 'scs-0101-v1-topic.md': standard({ title: 'C' }) })).toEqual([
      'added - -> scs-0100-v1-topic.md',
      'added - -> scs-0101-v1-topic.md',
      'deleted scs-xxxx-v1-topic.md -> -',
    ]);
  });
});

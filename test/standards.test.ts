import { mkdtempSync, readdirSync, readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runLint } from '../tools/engine/run.js';
import { fillIn } from './helpers/authoring.js';
import { goldenLines, lintFolder } from './helpers/lint.js';

const ROOT = join(import.meta.dirname, '..');

describe("the repository's own documents", () => {
  test('Standards/ lints clean, warnings included', () => {
    const run = runLint({ cwd: ROOT, paths: [] });
    expect(run.failures).toEqual([]);
    expect(run.results.length).toBeGreaterThanOrEqual(3);
    expect(goldenLines(run.results)).toBe('');
  });

  test.each(readdirSync(join(ROOT, 'templates')).filter((name) => name.endsWith('.md')))(
    'template %s, filled in, gives a document that lints clean',
    (name) => {
      const folder = mkdtempSync(join(tmpdir(), 'scs-template-'));
      try {
        mkdirSync(join(folder, 'Standards'));
        const isSupplement = name.includes('-wN-');
        const text = readFileSync(join(ROOT, 'templates', name), 'utf8')
          .replaceAll('_scs-NNNN-vM-slug.md_', 'scs-0001-v1-topic.md')
          .replaceAll('_Descriptive title_', 'Topic');
        const parent = readFileSync(join(ROOT, 'templates', 'scs-XXXX-vN-procedural-template.md'), 'utf8').replaceAll('_Descriptive title_', 'Topic');
        const path = join(folder, 'Standards', isSupplement ? 'scs-0001-w1-topic-notes.md' : 'scs-0001-v1-topic.md');
        writeFileSync(path, text);
        if (isSupplement) writeFileSync(join(folder, 'Standards', 'scs-0001-v1-topic.md'), fillIn(parent));
        // As it comes from the template, only its placeholders are reported; once written, nothing.
        const unfilled = lintFolder(folder).flatMap((result) => result.messages);
        expect(unfilled.length).toBeGreaterThan(0);
        expect(unfilled.filter((message) => message.ruleId !== 'template-placeholder')).toEqual([]);
        writeFileSync(path, fillIn(text));
        expect(goldenLines(lintFolder(folder))).toBe('');
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  );
});

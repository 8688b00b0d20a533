import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { rulesById } from '../tools/rules/index.js';
import { runBin } from './helpers/cli.js';
import { lintFolder } from './helpers/lint.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'rules');

/** The bundle validates with validators compiled ahead of time; the sources compile at run time. */
describe('validators compiled ahead of time explain violations as the ones compiled at run time', () => {
  test.each(['front-matter-schema/not-ok-fields', 'front-matter-schema/ok-every-status-and-type'])('%s', (name) => {
    const folder = join(FIXTURES, name);
    const rule = rulesById.get('front-matter-schema');
    expect(rule).toBeDefined();
    const inProcess = lintFolder(folder, rule ? [rule] : []).flatMap((result) =>
      result.messages.map((message) => `${result.relPath}:${message.line}:${message.column} ${message.message}`),
    );
    const bundled = runBin(['lint', '--format', 'json', '--rule', 'front-matter-schema', '.'], folder);
    const data = JSON.parse(bundled.stdout) as { filePath: string; messages: { line: number; column: number; message: string }[] }[];
    const fromBundle = data.flatMap((result) =>
      result.messages.map((message) => `${result.filePath.slice(folder.length + 1)}:${message.line}:${message.column} ${message.message}`),
    );
    expect(fromBundle).toEqual(inProcess);
  });
});

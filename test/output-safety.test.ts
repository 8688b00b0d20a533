import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { sanitizeForTerminal } from '../tools/reporters/sanitize.js';
import { makeRepo, runMain } from './helpers/cli.js';
import { standard } from './helpers/documents.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function repo(files: Record<string, string>): string {
  const made = makeRepo(files);
  cleanups.push(made.cleanup);
  return made.root;
}

describe('terminal output', () => {
  test('control characters and bidirectional overrides are shown, not interpreted', () => {
    expect(sanitizeForTerminal('a\u001b[2Jb\rc\u0007d\u202ee\nf\tg')).toBe('a\\x1b[2Jb\\x0dc\\x07d\\u202ee\\nf\tg');
  });

  test('a hostile value in the front matter reaches the stylish report escaped', async () => {
    const hostile = '"\\e]0;owned\\a\\e[2J\\rStable"';
    const root = repo({ 'Standards/scs-0100-v1-flavor-naming.md': standard({ status: hostile }) });
    const result = await runMain(['lint'], root);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('\\x1b]0;owned\\x07\\x1b[2J Stable');
    expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  test('a hostile file name reaches the stylish report escaped', async () => {
    const name = 'scs-0100-v1-flavor\u001b[31mred.md';
    const root = repo({ [`Standards/${name}`]: standard({}) });
    const result = await runMain(['lint'], root);
    expect(result.stdout).toContain('flavor\\x1b[31mred.md');
    expect(result.stdout).not.toContain('\u001b');
  });

  test('JSON output stays valid JSON for any value', async () => {
    const root = repo({ 'Standards/scs-0100-v1-flavor-naming.md': standard({ status: '"\\u0000\\u2028</script>\\"\\\\"' }) });
    const result = await runMain(['lint', '--format', 'json'], root);
    const data = JSON.parse(result.stdout) as { messages: { message: string }[] }[];
    expect(data[0]?.messages.some((message) => message.message.includes('\u0000 </script>"\\'))).toBe(true);
  });
});

describe('limits', () => {
  test('thousands of files that are not documents are passed over quickly and quietly', async () => {
    const root = repo({ 'Standards/scs-0100-v1-flavor-naming.md': standard({}) });
    for (let folder = 0; folder < 20; folder++) {
      const path = join(root, 'Standards', 'assets', `part-${folder}`);
      mkdirSync(path, { recursive: true });
      for (let file = 0; file < 150; file++) writeFileSync(join(path, `image-${file}.svg`), '<svg/>');
    }
    const result = await runMain(['lint', '--format', 'json'], root);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as unknown[]).length).toBe(1);
  });
});

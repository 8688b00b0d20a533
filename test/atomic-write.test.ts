import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { writeFileAtomic } from '../tools/engine/atomic-write.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const path = mkdtempSync(join(tmpdir(), 'scs-atomic-'));
  folders.push(path);
  return path;
}

describe('writeFileAtomic', () => {
  test('creates missing folders and writes the whole text', () => {
    const root = folder();
    const path = join(root, 'a', 'b', 'page.md');
    const text = `# Title\n\n${'é'.repeat(100_000)}\n`;
    writeFileAtomic(path, text);
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(readdirSync(join(root, 'a', 'b'))).toEqual(['page.md']);
  });

  test('replaces a file by a rename (a new inode) and keeps its permissions', () => {
    const root = folder();
    const path = join(root, 'index.json');
    writeFileSync(path, 'old\n');
    chmodSync(path, 0o640);
    const before = statSync(path).ino;
    writeFileAtomic(path, 'new\n');
    expect(readFileSync(path, 'utf8')).toBe('new\n');
    expect(statSync(path).ino).not.toBe(before);
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });

  test('a failed write throws and leaves neither a temporary file nor a changed target', () => {
    const root = folder();
    const target = join(root, 'taken');
    mkdirSync(join(target, 'inside'), { recursive: true });
    expect(() => writeFileAtomic(target, 'text\n')).toThrow();
    expect(readdirSync(root)).toEqual(['taken']);
    expect(readdirSync(target)).toEqual(['inside']);
  });
});

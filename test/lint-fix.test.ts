import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { makeRepo, runMain } from './helpers/cli.js';
import { standard } from './helpers/documents.js';
import { readGolden } from './helpers/lint.js';
import { snapshot } from './helpers/repo.js';

const GOLDEN = join(import.meta.dirname, 'golden');
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/**
 * Findings of every fixable rule, some of them needing a second pass (two fixes that add to
 * the same list), one that is reported but not certain (a `replaced_by` naming a later version),
 * and a document that has nothing to fix.
 */
function repo(): string {
  const made = makeRepo({
    'Standards/scs-0100-v1-flavor-naming.md': standard({ status: 'Deprecated', stabilized_at: '2022-09-08', deprecated_at: '2023-10-31' }),
    'Standards/scs-0100-v2-flavor-naming.md': standard({ status: 'Deprecated', stabilized_at: '2023-02-21', deprecated_at: '2024-01-31', replaces: '"scs-0100-v1-flavor-naming.md"' }),
    'Standards/scs-0100-v3-flavor-naming.md': standard({ status: 'Stable', stabilized_at: '2024-02-01', replaces: ['scs-0100-v2-flavor-naming.md', 'scs-0100-v1-flavor-naming.md'] }),
    'Standards/scs-0100-w1-flavor-naming-implementation.md': '---\ntitle: Implementation Notes\ntype: Supplement\ntrack: IaaS\nsupplements: scs-0100-v1-flavor-naming.md\n---\n\n# Notes\n',
    'Standards/scs-0101-v1-entropy.md': standard({ title: 'Entropy', status: 'Rejected', rejected_at: '2024-02-30' }, 'entropy'),
    'Standards/scs-0102-v1-image-metadata.md': standard({ title: 'Image Metadata', status: 'Stable', stabilized_at: '2023-03-01' }, 'image metadata'),
  });
  cleanups.push(made.cleanup);
  return made.root;
}

describe('lint --fix', () => {
  test('--fix-dry-run prints the fixes of every fixable rule as a diff and writes nothing', async () => {
    const root = repo();
    const before = snapshot(root);
    const result = await runMain(['lint', '--fix-dry-run'], root);
    expect(result.stderr).toBe('scs-standards lint: would fix 5 problems in 4 files\n');
    expect(result.code).toBe(0);
    expect(snapshot(root)).toEqual(before);
    expect(result.stdout).toBe(readGolden(join(GOLDEN, 'lint-fix-dry-run.diff'), result.stdout));
  });

  test('--fix applies them, reports what remains, and leaves documents without fixes alone', async () => {
    const root = repo();
    const before = snapshot(root);
    const preview = (await runMain(['lint', '--fix-dry-run'], root)).stdout;
    const result = await runMain(['lint', '--fix'], root);
    // The count goes to standard error, so that JSON or SARIF on standard output stays data.
    expect(result.stderr).toBe('scs-standards lint: fixed 5 problems in 4 files\n');
    expect(result.stdout).toBe(readGolden(join(GOLDEN, 'lint-fix-stylish.txt'), result.stdout));
    expect(result.code).toBe(1);
    const after = snapshot(root);
    const changed = Object.keys(after).filter((path) => after[path] !== before[path]);
    expect(changed.sort()).toEqual([...preview.matchAll(/^\+\+\+ b\/(.+)$/gm)].map((match) => match[1]).sort());
    expect(changed).not.toContain('Standards/scs-0102-v1-image-metadata.md');
    // v2, which replaces v1, is Deprecated itself: v1 is replaced by the Stable v3.
    expect(readFileSync(join(root, 'Standards', 'scs-0100-v1-flavor-naming.md'), 'utf8')).toContain('replaced_by:\n  - scs-0100-v3-flavor-naming.md\n');
    // A second run finds nothing left to fix.
    expect(await runMain(['lint', '--fix-dry-run'], root)).toEqual({ code: 0, stdout: '', stderr: 'scs-standards lint: nothing to fix\n' });
  });

  test('--fix --format json: the count is on standard error, the standard output is the JSON report', async () => {
    const root = repo();
    const result = await runMain(['lint', '--fix', '--format', 'json'], root);
    expect(result.stderr).toBe('scs-standards lint: fixed 5 problems in 4 files\n');
    expect(() => JSON.parse(result.stdout) as unknown).not.toThrow();
    expect((await runMain(['lint', '--fix', '--format', 'sarif'], root)).stderr).toBe('scs-standards lint: nothing to fix\n');
  });

  test('a replacement that is not Stable yet is reported but not written into replaced_by', async () => {
    const made = makeRepo({
      'Standards/scs-0100-v1-flavor-naming.md': standard({ status: 'Deprecated', stabilized_at: '2022-09-08', deprecated_at: '2023-10-31' }),
      'Standards/scs-0100-v2-flavor-naming.md': standard({ status: 'Draft', replaces: ['scs-0100-v1-flavor-naming.md'] }),
    });
    cleanups.push(made.cleanup);
    expect(await runMain(['lint', '--fix-dry-run'], made.root)).toEqual({ code: 0, stdout: '', stderr: 'scs-standards lint: nothing to fix\n' });
    const result = await runMain(['lint', '--format', 'json'], made.root);
    expect(result.stdout).toContain('`scs-0100-v2-flavor-naming.md` replaces this Deprecated document, but `replaced_by` does not name it');
  });

  test('a read-only document with a fix stops --fix before anything is written', async () => {
    const root = repo();
    chmodSync(join(root, 'Standards', 'scs-0101-v1-entropy.md'), 0o444);
    const before = snapshot(root);
    const result = await runMain(['lint', '--fix'], root);
    expect(result.stderr).toBe('scs-standards lint: Standards/scs-0101-v1-entropy.md is read-only: make it writable to change it\n');
    expect(result.code).toBe(2);
    expect(snapshot(root)).toEqual(before);
  });

  test('--rule limits the fixes to that rule', async () => {
    const root = repo();
    const result = await runMain(['lint', '--fix-dry-run', '--rule', 'front-matter-date-quoting'], root);
    expect(result.stdout.match(/^diff --git/gm)).toHaveLength(1);
    expect(result.stdout).toContain('+rejected_at: "2024-02-30"');
  });
});

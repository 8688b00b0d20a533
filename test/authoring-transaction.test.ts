import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { ChangeSet, fileText } from '../tools/edits/change-set.js';
import { applyChanges, TransactionError, type Step } from '../tools/authoring/transaction.js';
import { readDocument } from '../tools/engine/load.js';
import { makeRepo } from './helpers/cli.js';
import { standard } from './helpers/documents.js';
import { git, gitState, initRepo, snapshot } from './helpers/repo.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

const FILES = {
  'Standards/scs-xxxx-v1-gpu-flavors.md': `${standard({ title: 'GPU Flavors' })}\nSee [myself](scs-xxxx-v1-gpu-flavors.md#introduction).\n`,
  'Standards/scs-0100-v1-flavor-naming.md': `${standard({})}\nA [proposal](scs-xxxx-v1-gpu-flavors.md).\n`,
  'Standards/scs-0110-v1-ssd-flavors.md': `${standard({ title: 'SSD Flavors' })}\nAlso [the proposal](./scs-xxxx-v1-gpu-flavors.md).\n`,
};

function repo(withGit: boolean): string {
  const made = makeRepo(FILES);
  cleanups.push(made.cleanup);
  if (withGit) initRepo(made.root);
  return made.root;
}

/** The change `accept` makes: a rename plus reference updates in the documents that link to it. */
function renameWithReferences(root: string): ChangeSet {
  const path = (name: string): string => join(root, 'Standards', name);
  const proposal = readDocument(path('scs-xxxx-v1-gpu-flavors.md'), root);
  const set = new ChangeSet(root);
  set.rename(proposal, path('scs-0111-v1-gpu-flavors.md'));
  set.edit(proposal, fileText(proposal).replace('(scs-xxxx-v1-gpu-flavors.md#', '(scs-0111-v1-gpu-flavors.md#'));
  for (const name of ['scs-0100-v1-flavor-naming.md', 'scs-0110-v1-ssd-flavors.md']) {
    const doc = readDocument(path(name), root);
    set.edit(doc, fileText(doc).replace('scs-xxxx-v1-gpu-flavors.md)', 'scs-0111-v1-gpu-flavors.md)'));
  }
  return set;
}

function tempFiles(root: string): string[] {
  return readdirSync(join(root, 'Standards')).filter((name) => name.endsWith('.tmp'));
}

describe('applying a change set', () => {
  test.each([true, false])('rename plus reference updates (git work tree: %s)', async (withGit) => {
    const root = repo(withGit);
    const set = renameWithReferences(root);
    expect(set.summary()).toEqual([
      'Updated Standards/scs-0100-v1-flavor-naming.md',
      'Updated Standards/scs-0110-v1-ssd-flavors.md',
      'Renamed Standards/scs-xxxx-v1-gpu-flavors.md -> Standards/scs-0111-v1-gpu-flavors.md (and updated)',
    ]);
    await applyChanges(set);
    const files = snapshot(root);
    expect(Object.keys(files).sort()).toEqual(['.scs-standards.json', 'Standards/scs-0100-v1-flavor-naming.md', 'Standards/scs-0110-v1-ssd-flavors.md', 'Standards/scs-0111-v1-gpu-flavors.md']);
    expect(readFileSync(join(root, 'Standards', 'scs-0111-v1-gpu-flavors.md'), 'utf8')).toContain('(scs-0111-v1-gpu-flavors.md#introduction)');
    expect(readFileSync(join(root, 'Standards', 'scs-0110-v1-ssd-flavors.md'), 'utf8')).toContain('(./scs-0111-v1-gpu-flavors.md)');
    if (withGit) {
      // `git mv` staged the rename (R); the edits are in the work tree (M).
      expect(git(root, ['status', '--porcelain'])).toContain('RM Standards/scs-xxxx-v1-gpu-flavors.md -> Standards/scs-0111-v1-gpu-flavors.md');
    }
    expect(tempFiles(root)).toEqual([]);
  });

  test('the diff shows the rename and every edit, and git applies it to the same result', async () => {
    const root = repo(true);
    const set = renameWithReferences(root);
    const diff = set.diff();
    expect(diff).toContain('rename from Standards/scs-xxxx-v1-gpu-flavors.md\nrename to Standards/scs-0111-v1-gpu-flavors.md\n');
    const other = repo(true);
    writeFileSync(join(other, 'change.diff'), diff);
    git(other, ['apply', 'change.diff']);
    await applyChanges(set);
    const expected = snapshot(root);
    const applied = snapshot(other);
    delete applied['change.diff'];
    expect(applied).toEqual(expected);
  });

  test.each([0, 1, 2, 3])('a failure before step %i of a rename plus reference updates leaves every byte as it was', async (failAt) => {
    const root = repo(true);
    const before = snapshot(root);
    const index = gitState(root);
    const seen: Step[] = [];
    const set = renameWithReferences(root);
    const failure = applyChanges(set, {
      beforeStep(step) {
        seen.push(step);
        if (step.index === failAt) throw new Error('disk full (injected)');
      },
    });
    await expect(failure).rejects.toThrow(TransactionError);
    await expect(failure).rejects.toThrow('disk full (injected); nothing was changed');
    expect(snapshot(root)).toEqual(before);
    expect(gitState(root)).toEqual(index);
    expect(seen.map((step) => step.kind)).toEqual(['rename', 'write', 'write', 'write'].slice(0, failAt + 1));
  });

  test('a file changed by someone else mid-way is not overwritten, and the rest is rolled back', async () => {
    const root = repo(true);
    const before = snapshot(root);
    const other = join(root, 'Standards', 'scs-0110-v1-ssd-flavors.md');
    const set = renameWithReferences(root);
    const failure = applyChanges(set, {
      beforeStep(step) {
        if (step.index === 2) writeFileSync(other, 'edited meanwhile\n');
      },
    });
    await expect(failure).rejects.toThrow('Standards/scs-0110-v1-ssd-flavors.md was changed while the command ran; nothing was changed');
    expect(readFileSync(other, 'utf8')).toBe('edited meanwhile\n');
    expect(snapshot(root)).toEqual({ ...before, 'Standards/scs-0110-v1-ssd-flavors.md': snapshot(root)['Standards/scs-0110-v1-ssd-flavors.md'] });
    expect(tempFiles(root)).toEqual([]);
  });

  test('a target that exists is never overwritten', async () => {
    const root = repo(false);
    const set = renameWithReferences(root);
    writeFileSync(join(root, 'Standards', 'scs-0111-v1-gpu-flavors.md'), 'someone else\n');
    const before = snapshot(root);
    await expect(applyChanges(set)).rejects.toThrow('Standards/scs-0111-v1-gpu-flavors.md exists already: a command never overwrites a file');
    expect(snapshot(root)).toEqual(before);
    const create = new ChangeSet(root);
    create.create(join(root, 'Standards', 'scs-0111-v1-gpu-flavors.md'), 'new\n');
    await expect(applyChanges(create)).rejects.toThrow('exists already');
    expect(snapshot(root)).toEqual(before);
  });

  test('a read-only file is refused before anything is written', async () => {
    const root = repo(false);
    const set = renameWithReferences(root);
    chmodSync(join(root, 'Standards', 'scs-0110-v1-ssd-flavors.md'), 0o444);
    const before = snapshot(root);
    await expect(applyChanges(set)).rejects.toThrow('Standards/scs-0110-v1-ssd-flavors.md is read-only: make it writable to change it');
    expect(snapshot(root)).toEqual(before);
    expect(tempFiles(root)).toEqual([]);
  });

  test('an edited file keeps its permissions', async () => {
    const root = repo(false);
    const path = join(root, 'Standards', 'scs-0100-v1-flavor-naming.md');
    chmodSync(path, 0o640);
    const doc = readDocument(path, root);
    const set = new ChangeSet(root);
    set.edit(doc, `${fileText(doc)}\nMore.\n`);
    await applyChanges(set);
    expect(snapshot(root)['Standards/scs-0100-v1-flavor-naming.md']?.startsWith('640 ')).toBe(true);
  });
});

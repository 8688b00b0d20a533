import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, copyFile, link, lstat, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Git } from '../lifecycle/git.js';
import type { ChangeSet, FileChange } from './changes.js';

/** A change set could not be applied; nothing was written, or everything was rolled back. */
export class TransactionError extends Error {
  override readonly name = 'TransactionError';
}

export type StepKind = 'rename' | 'write' | 'create';

export interface Step {
  index: number;
  kind: StepKind;
  /** The path the step writes (the new path of a rename). */
  path: string;
}

export interface ApplyOptions {
  /** Called before each step; a throw fails the transaction there (tests inject failures so). */
  beforeStep?: (step: Step) => void | Promise<void>;
}

interface PlannedStep extends Step {
  change: FileChange;
}

/**
 * Applies a change set atomically. First every file is checked (it still holds the bytes the
 * change was computed from, it and its folder are writable, no target exists) and every new
 * content is written to a temporary file in the target's folder; only then are files renamed
 * (with `git mv` when git tracks them), replaced (by renaming the temporary file over them) and
 * created (by linking, which never overwrites). A failure at any step undoes the steps before it,
 * so that every file is as it was.
 */
export async function applyChanges(set: ChangeSet, options: ApplyOptions = {}): Promise<void> {
  const changes = set.changes;
  await preflight(set, changes);
  const temps = new Map<FileChange, string>();
  const undo: { description: string; run: () => Promise<void> }[] = [];
  const steps = planSteps(changes);
  try {
    for (const change of changes) {
      if (change.before === undefined || !change.before.equals(change.after)) {
        const mode = change.from === undefined ? 0o666 : (await lstat(change.from)).mode & 0o7777;
        temps.set(change, await writeTemp(change.to, change.after, mode));
      }
    }
    for (const step of steps) {
      await options.beforeStep?.({ index: step.index, kind: step.kind, path: step.path });
      await runStep(set, step, temps, undo);
    }
  } catch (error) {
    const failed: string[] = [];
    for (const entry of undo.reverse()) {
      try {
        await entry.run();
      } catch (undoError) {
        failed.push(`${entry.description} (${describe(undoError)})`);
      }
    }
    for (const temp of temps.values()) await unlink(temp).catch(() => undefined);
    const state = failed.length === 0 ? 'nothing was changed' : `and could not undo: ${failed.join('; ')}`;
    throw new TransactionError(`${describe(error)}; ${state}`, { cause: error });
  }
}

function planSteps(changes: readonly FileChange[]): PlannedStep[] {
  const steps: Omit<PlannedStep, 'index'>[] = [];
  for (const change of changes) if (change.from !== undefined && change.from !== change.to) steps.push({ kind: 'rename', path: change.to, change });
  for (const change of changes) {
    if (change.from !== undefined && change.before !== undefined && !change.before.equals(change.after)) steps.push({ kind: 'write', path: change.to, change });
  }
  for (const change of changes) if (change.from === undefined) steps.push({ kind: 'create', path: change.to, change });
  return steps.map((step, index) => ({ ...step, index }));
}

async function runStep(set: ChangeSet, step: PlannedStep, temps: Map<FileChange, string>, undo: { description: string; run: () => Promise<void> }[]): Promise<void> {
  const { change } = step;
  const shown = set.display(step.path);
  if (step.kind === 'rename' && change.from !== undefined) {
    const from = change.from;
    const git = await repositoryOf(from);
    if (git !== undefined && (await git.isTracked(from))) {
      await git.move(from, change.to);
      undo.push({ description: `move ${shown} back`, run: () => git.move(change.to, from) });
    } else {
      await moveWithoutOverwrite(from, change.to);
      undo.push({ description: `move ${shown} back`, run: () => moveWithoutOverwrite(change.to, from) });
    }
    return;
  }
  const temp = temps.get(change);
  if (temp === undefined) return;
  if (step.kind === 'write') {
    const current = await readFile(change.to);
    if (change.before && !current.equals(change.before)) throw new TransactionError(`${shown} was changed while the command ran`);
    const mode = (await lstat(change.to)).mode & 0o7777;
    await rename(temp, change.to);
    temps.delete(change);
    const before = change.before ?? current;
    undo.push({
      description: `restore ${shown}`,
      run: async () => rename(await writeTemp(change.to, before, mode), change.to),
    });
    return;
  }
  await linkWithoutOverwrite(temp, change.to, shown);
  await unlink(temp);
  temps.delete(change);
  undo.push({ description: `remove ${shown}`, run: () => unlink(change.to) });
}

/** Checks everything that can be checked before writing: the files, their folders, the targets. */
async function preflight(set: ChangeSet, changes: readonly FileChange[]): Promise<void> {
  const targets = new Set<string>();
  for (const change of changes) {
    const shown = set.display(change.to);
    if (targets.has(change.to)) throw new TransactionError(`${shown} would be written twice`);
    targets.add(change.to);
    if (change.from !== undefined) {
      const source = set.display(change.from);
      const stats = await lstat(change.from).catch(() => undefined);
      if (!stats) throw new TransactionError(`${source} does not exist any more`);
      if (stats.isSymbolicLink()) throw new TransactionError(`${source} is a symbolic link: change the file it points to instead`);
      if (!stats.isFile()) throw new TransactionError(`${source} is not a file`);
      if ((stats.mode & 0o222) === 0 || !(await writable(change.from))) throw new TransactionError(`${source} is read-only: make it writable to change it`);
      const current = await readFile(change.from);
      if (change.before && !current.equals(change.before)) throw new TransactionError(`${source} was changed while the command ran`);
    }
    if (change.from !== change.to) {
      const exists = await lstat(change.to).then(
        () => true,
        () => false,
      );
      if (exists) throw new TransactionError(`${shown} exists already: a command never overwrites a file`);
    }
    if (!(await writable(dirname(change.to)))) throw new TransactionError(`the folder of ${shown} is not writable`);
  }
}

async function writable(path: string): Promise<boolean> {
  return access(path, constants.W_OK).then(
    () => true,
    () => false,
  );
}

/** Writes bytes to a new temporary file next to `target` and returns its path. */
async function writeTemp(target: string, bytes: Buffer, mode: number): Promise<string> {
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return temp;
}

const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

function code(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error ? String(error.code) : undefined;
}

/** Puts `temp` at `target` unless `target` exists (a hard link fails on an existing name). */
async function linkWithoutOverwrite(temp: string, target: string, shown: string): Promise<void> {
  try {
    await link(temp, target);
  } catch (error) {
    if (code(error) === 'EEXIST') throw new TransactionError(`${shown} exists already: a command never overwrites a file`);
    if (!NO_LINKS.has(code(error) ?? '')) throw error;
    await copyFile(temp, target, constants.COPYFILE_EXCL);
  }
}

async function moveWithoutOverwrite(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    if (!NO_LINKS.has(code(error) ?? '')) throw error;
    const exists = await lstat(to).then(
      () => true,
      () => false,
    );
    if (exists) throw Object.assign(new Error(`${to} exists`), { code: 'EEXIST' });
    await rename(from, to);
    return;
  }
  await unlink(from);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The git repository of a file, through the one git runner (loaded only when a file is renamed). */
async function repositoryOf(path: string): Promise<Git | undefined> {
  const { Git } = await import('../lifecycle/git.js');
  return Git.find(dirname(path));
}

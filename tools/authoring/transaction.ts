import { createHash, randomBytes } from 'node:crypto';
import { constants, readdirSync, readFileSync } from 'node:fs';
import { access, copyFile, link, lstat, open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ChangeSet, FileChange } from '../edits/change-set.js';
import { writeFileAtomic } from '../engine/atomic-write.js';
import { checkInterrupted, JOURNAL_NAME, processAlive, releaseTemporary, temporaryPath, testPause, uninterrupted } from '../engine/temporary.js';
import type { Git } from '../lifecycle/git.js';

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
 * so that every file is as it was. SIGINT and SIGTERM count as a failure at the next step (the
 * process ends after the undo). Before the first step a journal is written at the repository
 * root, so that a run killed outright is undone by the next (`recoverInterruptedChanges`).
 */
export async function applyChanges(set: ChangeSet, options: ApplyOptions = {}): Promise<void> {
  await uninterrupted(() => applyUninterrupted(set, options));
}

async function applyUninterrupted(set: ChangeSet, options: ApplyOptions): Promise<void> {
  const changes = set.changes;
  await preflight(set, changes);
  const temps = new Map<FileChange, string>();
  const undo: { description: string; run: () => Promise<void> }[] = [];
  const steps = planSteps(changes);
  let journal: string | undefined;
  try {
    for (const change of changes) {
      checkInterrupted();
      if (change.before === undefined || !change.before.equals(change.after)) {
        const mode = change.from === undefined ? 0o666 : (await lstat(change.from)).mode & 0o7777;
        temps.set(change, await writeTemp(change.to, change.after, mode));
      }
    }
    checkInterrupted();
    if (steps.length > 0) journal = writeJournal(set.root, steps, [...temps.values()]);
    for (const step of steps) {
      await options.beforeStep?.({ index: step.index, kind: step.kind, path: step.path });
      await testPause(`step-${step.index}`);
      checkInterrupted();
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
    for (const temp of temps.values()) await removeTemp(temp);
    // With something not undone, the journal stays: the next run puts back what it can.
    if (journal !== undefined && failed.length === 0) await unlink(journal).catch(() => undefined);
    const state = failed.length === 0 ? 'nothing was changed' : `and could not undo: ${failed.join('; ')}`;
    throw new TransactionError(`${describe(error)}; ${state}`, { cause: error });
  }
  if (journal !== undefined) await unlink(journal).catch(() => undefined);
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
    releaseTemporary(temp);
    temps.delete(change);
    const before = change.before ?? current;
    undo.push({
      description: `restore ${shown}`,
      run: async () => {
        const restored = await writeTemp(change.to, before, mode);
        await rename(restored, change.to);
        releaseTemporary(restored);
      },
    });
    return;
  }
  await linkWithoutOverwrite(temp, change.to, shown);
  await removeTemp(temp);
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
  const temp = temporaryPath(target);
  let handle;
  try {
    handle = await open(temp, 'wx', mode);
  } catch (error) {
    releaseTemporary(temp);
    throw error;
  }
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await removeTemp(temp);
    throw error;
  }
  await handle.close();
  return temp;
}

async function removeTemp(temp: string): Promise<void> {
  await unlink(temp).catch(() => undefined);
  releaseTemporary(temp);
}

/**
 * The journal of a change under way: what each step does and what undoes it. It is written
 * before the first step and removed after the last (or after the undo), so that a run killed
 * part-way (SIGKILL, a power cut) leaves a record from which the next run puts every file back.
 */
interface Journal {
  journal: 1;
  pid: number;
  temps: string[];
  steps: JournalStep[];
}

type JournalStep =
  | { kind: 'rename'; from: string; to: string }
  | { kind: 'write'; path: string; before: string; after: string }
  | { kind: 'create'; path: string; after: string };


function writeJournal(root: string, steps: readonly PlannedStep[], temps: string[]): string {
  const entries = steps.map((step): JournalStep => {
    const { change } = step;
    if (step.kind === 'rename') return { kind: 'rename', from: change.from ?? change.to, to: change.to };
    if (step.kind === 'write') return { kind: 'write', path: change.to, before: (change.before ?? Buffer.alloc(0)).toString('base64'), after: digest(change.after) };
    return { kind: 'create', path: change.to, after: digest(change.after) };
  });
  const journal: Journal = { journal: 1, pid: process.pid, temps, steps: entries };
  const path = join(root, `.scs-standards-transaction.${process.pid}.${randomBytes(6).toString('hex')}.json`);
  writeFileAtomic(path, `${JSON.stringify(journal)}\n`);
  return path;
}

function digest(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function readBytes(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Puts back the files of changes whose run was killed part-way: for each journal at the root
 * whose process is gone, undoes its steps in reverse, each only where the file is as the step
 * left it (so that undoing twice, or after a step that never ran, changes nothing), removes its
 * temporary files and the journal. Returns what it did, for the user.
 */
export async function recoverInterruptedChanges(root: string, display: (path: string) => string): Promise<string[]> {
  let names: string[];
  try {
    names = readdirSync(root).filter((name) => JOURNAL_NAME.test(name));
  } catch {
    return [];
  }
  const notes: string[] = [];
  for (const name of names.sort()) {
    const pid = Number(JOURNAL_NAME.exec(name)?.[1]);
    if (pid === process.pid || processAlive(pid)) continue; // a run still under way
    const path = join(root, name);
    let journal: Journal;
    try {
      journal = JSON.parse(readFileSync(path, 'utf8')) as Journal;
      if (journal.journal !== 1 || !Array.isArray(journal.steps)) throw new Error('not a journal of this version');
    } catch (error) {
      notes.push(`${name} is not a readable journal of an interrupted change (${describe(error)}): left as it is`);
      continue;
    }
    await uninterrupted(async () => {
      const done: string[] = [];
      const left: string[] = [];
      for (const step of [...journal.steps].reverse()) {
        if (step.kind === 'create') {
          const current = readBytes(step.path);
          if (current === undefined) continue;
          if (digest(current) === step.after) {
            await unlink(step.path);
            done.push(`removed ${display(step.path)}`);
          } else left.push(display(step.path));
        } else if (step.kind === 'write') {
          const current = readBytes(step.path);
          if (current === undefined || digest(current) !== step.after) {
            if (current !== undefined && !current.equals(Buffer.from(step.before, 'base64'))) left.push(display(step.path));
            continue;
          }
          writeFileAtomic(step.path, Buffer.from(step.before, 'base64'));
          done.push(`restored ${display(step.path)}`);
        } else {
          if (readBytes(step.to) === undefined || (await lstat(step.from).then(() => true, () => false))) continue;
          const git = await repositoryOf(step.to);
          if (git !== undefined && (await git.isTracked(step.to))) await git.move(step.to, step.from);
          else await rename(step.to, step.from);
          done.push(`moved ${display(step.to)} back to ${display(step.from)}`);
        }
      }
      for (const temp of journal.temps ?? []) await unlink(temp).catch(() => undefined);
      await unlink(path);
      notes.push(`an earlier run (process ${pid}) was killed while it changed files; put back as they were: ${done.length > 0 ? done.join(', ') : 'nothing was changed yet'}`);
      if (left.length > 0) notes.push(`changed since that run, so left as they are: ${left.join(', ')}`);
    });
  }
  return notes;
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

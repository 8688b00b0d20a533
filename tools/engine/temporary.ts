import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import { basename, dirname, join } from 'node:path';

/**
 * The temporary files of this toolkit and what happens to them when a run is interrupted.
 *
 * Every file is written as `.<name>.<pid>.<12 hex digits>.tmp` next to its target and renamed
 * into place. The temporary files a run still has are known here, so that SIGINT and SIGTERM
 * remove them before the process ends; a file of that naming whose process is gone (killed with
 * SIGKILL, a power cut) is removed by the next run that writes in its folder.
 */
export const TEMPORARY_NAME = /^\.(.+)\.(\d+)\.([0-9a-f]{12})\.tmp$/;

/** A temporary file older than this is stale even when its process id is in use again. */
export const STALE_AFTER_MS = 10 * 60 * 1000;

const live = new Set<string>();
const swept = new Set<string>();

/** A new temporary path next to `target`, known until released; stale ones in its folder go first. */
export function temporaryPath(target: string): string {
  const folder = dirname(target);
  removeStaleTemporaries(folder);
  const path = join(folder, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  live.add(path);
  return path;
}

/** The temporary file was renamed into place or removed. */
export function releaseTemporary(path: string): void {
  live.delete(path);
}

/** Removes every temporary file this process still has (on SIGINT and SIGTERM). */
export function removeLiveTemporaries(): void {
  for (const path of live) rmSync(path, { force: true });
  live.clear();
}

/** The names of temporary files of this toolkit in a folder, stale or not. */
export function listTemporaries(folder: string): string[] {
  try {
    return readdirSync(folder)
      .filter((name) => TEMPORARY_NAME.test(name))
      .sort();
  } catch {
    return [];
  }
}

/** Whether a temporary file was left by a run that ended: its process is gone, or it is old. */
export function isStale(path: string, now = Date.now()): boolean {
  const match = TEMPORARY_NAME.exec(basename(path));
  if (!match) return false;
  const pid = Number(match[2]);
  if (pid === process.pid) return false;
  if (!processAlive(pid)) return true;
  try {
    return now - statSync(path).mtimeMs > STALE_AFTER_MS;
  } catch {
    return false;
  }
}

/** Removes the stale temporary files of a folder (once per folder and run); returns their names. */
export function removeStaleTemporaries(folder: string): string[] {
  if (swept.has(folder)) return [];
  swept.add(folder);
  const removed: string[] = [];
  for (const name of listTemporaries(folder)) {
    const path = join(folder, name);
    if (!isStale(path)) continue;
    try {
      rmSync(path, { force: true });
      removed.push(name);
    } catch {
      // not ours to remove after all (permissions): left for its owner
    }
  }
  return removed;
}

/** Whether a process with this id exists (EPERM: it exists, owned by someone else). */
export function processAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** `.scs-standards-transaction.<pid>.<hex>.json` at the repository root: the journal of a change under way. */
export const JOURNAL_NAME = /^\.scs-standards-transaction\.(\d+)\.[0-9a-f]{12}\.json$/;

/** The process ids of journals at the root whose run was killed: changes still to be put back. */
export function killedChanges(root: string): number[] {
  try {
    return readdirSync(root)
      .map((name) => JOURNAL_NAME.exec(name))
      .map((match) => Number(match?.[1] ?? 0))
      .filter((pid) => pid > 0 && pid !== process.pid && !processAlive(pid));
  } catch {
    return [];
  }
}

/** A run was interrupted by SIGINT or SIGTERM while it changed files. */
export class InterruptedError extends Error {
  override readonly name = 'InterruptedError';
  readonly signal: NodeJS.Signals;

  constructor(signal: NodeJS.Signals) {
    super(`interrupted by ${signal}`);
    this.signal = signal;
  }
}

let received: NodeJS.Signals | undefined;
let guarded = 0;

/** The signal that interrupted this run, if one did. */
export function interruption(): NodeJS.Signals | undefined {
  return received;
}

/** Throws InterruptedError when a signal has arrived: the caller undoes what it did. */
export function checkInterrupted(): void {
  if (received !== undefined) throw new InterruptedError(received);
}

/**
 * Runs a change of several files that must finish or be undone as a whole: a signal during it
 * does not end the process, but makes `checkInterrupted` throw, so that the change is undone first.
 */
export async function uninterrupted<T>(run: () => Promise<T>): Promise<T> {
  guarded++;
  try {
    return await run();
  } finally {
    guarded--;
  }
}

/**
 * Records SIGINT or SIGTERM. Returns true when the process can end at once (its temporary files
 * removed), false while a change of several files is under way: it ends after undoing it.
 */
export function interrupt(signal: NodeJS.Signals): boolean {
  received ??= signal;
  if (guarded > 0) return false;
  removeLiveTemporaries();
  return true;
}

/**
 * Two turns of the event loop: a signal that arrived while the thread ran synchronously (the
 * checking of a large corpus, a write) is handled in them, so that what comes next (the next
 * write, the exit code) knows of it, and a run ended by it writes nothing more.
 */
export async function handlePendingSignals(): Promise<void> {
  for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
}

/** The exit code of a run ended by a signal, as shells report it: 128 + the signal number (SIGINT 130, SIGTERM 143). */
export function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + (constants.signals[signal] ?? 0);
}

/**
 * A hook for the tests of interruptions, off unless `SCS_STANDARDS_TEST_PAUSE` names this point
 * (`write`: the first file written through a temporary file, before its rename; `step-N`: before
 * step N of a change of several files; `check`: as `lint` starts to check the documents). The run then says so on standard error and waits
 * (`SCS_STANDARDS_TEST_PAUSE_MS`, ten seconds by default; a point in asynchronous code stops
 * waiting when a signal arrives), so that a test can send a signal or SIGKILL at that moment.
 */
export function testPauseRequested(point: string): boolean {
  if (process.env.SCS_STANDARDS_TEST_PAUSE !== point || paused.has(point)) return false;
  paused.add(point);
  process.stderr.write(`scs-standards: test pause at ${point}\n`);
  return true;
}

const paused = new Set<string>();

/** How long a test pause lasts: `SCS_STANDARDS_TEST_PAUSE_MS`, else ten seconds. */
function pauseMs(): number {
  const ms = Number(process.env.SCS_STANDARDS_TEST_PAUSE_MS);
  return Number.isSafeInteger(ms) && ms > 0 ? ms : 10_000;
}

/** The synchronous form of the pause: blocks the thread (signals are handled after it). */
export function testPauseSync(point: string): void {
  if (testPauseRequested(point)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pauseMs());
}

/** The asynchronous form: ends early when a signal arrives. */
export async function testPause(point: string): Promise<void> {
  if (!testPauseRequested(point)) return;
  const until = Date.now() + pauseMs();
  while (Date.now() < until && received === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
}

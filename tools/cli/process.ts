import { interrupt, interruption, signalExitCode } from '../engine/temporary.js';

/**
 * What the command does as a process, in one place for every command: output to a pipe that
 * its reader closed, and SIGINT and SIGTERM.
 */

/**
 * Output to a pipe whose reader has gone (`scs-standards rules | head -1`) is dropped instead of
 * crashing the run with an unhandled `EPIPE`: the command goes on and ends with the exit code it
 * would have had, as `git log | head -1` does. Other stream errors still surface.
 */
export function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    throw error;
  });
}

/**
 * SIGINT (Ctrl-C) and SIGTERM (a cancelled CI job) end the run with 130 or 143, after removing
 * its temporary files; a change of several files under way is undone first (the command then
 * returns, and `exitCode` gives the signal's code).
 */
export function endCleanlyOnSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (interrupt(signal)) process.exit(signalExitCode(signal));
    });
  }
}

/** The exit code of the run: the command's, or the signal's when one interrupted it. */
export function exitCode(code: number): number {
  const signal = interruption();
  return signal === undefined ? code : signalExitCode(signal);
}

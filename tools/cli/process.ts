/**
 * What the command does as a process, in one place for every command: output to a pipe that
 * its reader closed.
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

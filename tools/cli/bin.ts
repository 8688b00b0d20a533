#!/usr/bin/env node
import { main } from './main.js';
import { handlePendingSignals } from '../engine/temporary.js';
import { endCleanlyOnSignals, endQuietlyOnClosedPipe, exitCode } from './process.js';

// A reader that stops early (`| head -1`) closes the pipe: the run ends with its own exit code.
endQuietlyOnClosedPipe(process.stdout);
endQuietlyOnClosedPipe(process.stderr);
// Ctrl-C and a cancelled job leave no temporary file and no half-made change behind.
endCleanlyOnSignals();

main(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr }).then(
  async (code) => {
    // A signal that arrived while the last writes ran (synchronously) ends the run with its own code.
    await handlePendingSignals();
    process.exitCode = exitCode(code);
  },
  (error: unknown) => {
    process.stderr.write(`scs-standards: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);

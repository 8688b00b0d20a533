import { spawn } from 'node:child_process';
import { appendFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { authoringRepo } from './helpers/authoring.js';
import { CLI } from './helpers/cli.js';
import { initRepo } from './helpers/repo.js';

interface PipeRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** What the reader took before it closed the pipe. */
  read: string;
}

/**
 * Runs the built CLI with its standard output (or error) in a pipe whose reader goes away: at
 * once (`closed`), or after the first line (`head -1`).
 */
function runIntoClosedPipe(args: readonly string[], cwd: string, how: 'closed' | 'one line', stream: 'stdout' | 'stderr' = 'stdout'): Promise<PipeRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { PATH: process.env.PATH ?? '', HOME: cwd }, stdio: ['ignore', 'pipe', 'pipe'] });
    const reader = child[stream];
    const other = stream === 'stdout' ? child.stderr : child.stdout;
    let read = '';
    let stderr = '';
    other.on('data', (chunk: Buffer) => {
      if (stream === 'stdout') stderr += chunk.toString();
    });
    if (how === 'closed') reader.destroy();
    else {
      reader.on('data', (chunk: Buffer) => {
        read += chunk.toString();
        if (read.includes('\n')) {
          read = read.slice(0, read.indexOf('\n') + 1);
          reader.destroy();
        }
      });
    }
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr, read }));
  });
}

let root = '';
let cleanup = (): void => undefined;

beforeAll(() => {
  ({ root, cleanup } = authoringRepo());
  initRepo(root);
  // A change for review and lint --base, and a finding for the reports.
  appendFileSync(join(root, 'Standards', 'scs-0110-v1-ssd-flavors.md'), '\nSee [nowhere](#nowhere).\n');
});
afterAll(() => cleanup());

/** Every command and format that writes to standard output, with the exit code of its run. */
const OUTPUTS: [string[], number][] = [
  [['lint'], 0],
  [['lint', '-f', 'stylish'], 0],
  [['lint', '-f', 'json'], 0],
  [['lint', '-f', 'sarif'], 0],
  [['lint', '-f', 'github'], 0],
  [['lint', '--max-warnings', '0', '-f', 'json'], 1],
  [['lint', '--base', 'HEAD', '-f', 'sarif'], 0],
  [['lint', '--fix-dry-run'], 0],
  [['Standards'], 0],
  [['rules'], 0],
  [['rules', '-f', 'json'], 0],
  [['rules', '-f', 'markdown'], 0],
  [['index', '-f', 'json', '--today', '2026-06-01'], 0],
  [['index', '--out', 'site', '--check', '--today', '2026-06-01'], 1],
  [['review', '--base', 'HEAD'], 0],
  [['review', '--base', 'HEAD', '-f', 'json'], 0],
  [['stabilize', '0110-v1', '--date', '2026-06-01', '--dry-run'], 0],
  [['new', '--type', 'Standard', '--track', 'IaaS', '--title', 'Pipes', '--dry-run'], 0],
  [['--help'], 0],
  [['lint', '--help'], 0],
  [['help', 'index'], 0],
  [['--version'], 0],
];

describe('output to a closed pipe', () => {
  test.each(OUTPUTS)('%j into a pipe closed at once ends quietly with its exit code (%i)', async (args, code) => {
    const run = await runIntoClosedPipe(args, root, 'closed');
    expect(run.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect({ code: run.code, signal: run.signal }).toEqual({ code, signal: null });
  });

  test.each(OUTPUTS)('%j into `head -1` ends quietly with its exit code (%i)', async (args, code) => {
    const run = await runIntoClosedPipe(args, root, 'one line');
    expect(run.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect({ code: run.code, signal: run.signal }).toEqual({ code, signal: null });
  });

  test('a usage error into a closed standard error still exits 2', async () => {
    const run = await runIntoClosedPipe(['lint', '--formt', 'json'], root, 'closed', 'stderr');
    expect({ code: run.code, signal: run.signal }).toEqual({ code: 2, signal: null });
  });

  test('index --out into a closed pipe writes the index and exits 0', async () => {
    const run = await runIntoClosedPipe(['index', '--out', 'written', '--today', '2026-06-01'], root, 'closed');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(existsSync(join(root, 'written', 'index.json'))).toBe(true);
  });
});

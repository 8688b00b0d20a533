import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { authoringRepo } from './helpers/authoring.js';
import { CLI, runBin } from './helpers/cli.js';
import { gitState, initRepo, snapshot } from './helpers/repo.js';

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

describe.concurrent('output to a closed pipe', () => {
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

interface SignalRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI with a test pause (`SCS_STANDARDS_TEST_PAUSE`) and sends `signal` once the
 * run says it has reached the pause: between the writes of a change, or before a file's rename.
 */
function interruptAt(pause: string, signal: NodeJS.Signals, args: readonly string[], cwd: string): Promise<SignalRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: cwd, SCS_STANDARDS_TEST_PAUSE: pause, SCS_STANDARDS_TEST_PAUSE_MS: '800' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!sent && stderr.includes(`scs-standards: test pause at ${pause}\n`)) {
        sent = true;
        child.kill(signal);
      }
    });
    child.on('error', reject);
    child.on('close', (code, closedBy) => resolve({ code, signal: closedBy, stdout, stderr }));
  });
}

/** Every temporary file and change journal of the toolkit below a folder. */
function leftovers(root: string): string[] {
  const found: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tmp$|^\.scs-standards-transaction\./.test(entry.name)) found.push(relative(root, path));
    }
  };
  walk(root);
  return found.sort();
}

/** A process id that no process has: one of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('signals and killed runs', () => {
  const repos: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of repos.splice(0)) cleanup();
  });
  const fresh = (): string => {
    const made = authoringRepo();
    repos.push(made.cleanup);
    initRepo(made.root);
    return made.root;
  };
  const CODES = { SIGINT: 130, SIGTERM: 143 } as const;

  test.each(['SIGINT', 'SIGTERM'] as const)('%s between the steps of accept undoes the change and exits 130/143', async (signal) => {
    const root = fresh();
    const before = snapshot(root);
    const state = gitState(root);
    // Step 0 renames the proposal (git mv); step 1 would write the first reference.
    const run = await interruptAt('step-1', signal, ['accept', 'scs-xxxx-v1-gpu-flavors.md'], root);
    expect({ code: run.code, signal: run.signal }).toEqual({ code: CODES[signal], signal: null });
    expect(run.stderr).toContain(`scs-standards accept: interrupted by ${signal}; nothing was changed\n`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(root)).toEqual(before);
    expect(gitState(root)).toBe(state);
    expect(leftovers(root)).toEqual([]);
  });

  test.each(['SIGINT', 'SIGTERM'] as const)('%s during lint --fix leaves every document as it was', async (signal) => {
    const root = fresh();
    const path = join(root, 'Standards', 'scs-0100-v1-flavor-naming.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^stabilized_at: .*$/m, 'stabilized_at: 2023-02-30').replace(/^replaces: .*$/m, ''));
    const before = snapshot(root);
    expect(runBin(['lint', '--fix-dry-run'], root).stdout).not.toBe('');
    const run = await interruptAt('step-0', signal, ['lint', '--fix'], root);
    expect({ code: run.code, signal: run.signal }).toEqual({ code: CODES[signal], signal: null });
    expect(snapshot(root)).toEqual(before);
    expect(leftovers(root)).toEqual([]);
  });

  test.each([
    ['index --out', ['index', '--out', 'site', '--today', '2026-06-01']],
    ['--suppress-all', ['lint', '--suppress-all']],
    ['the cache', ['lint', '--cache']],
  ])('SIGINT and SIGTERM while %s writes a file: exit 130/143, only whole files, no temporary file', async (_name, args) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const root = fresh();
      const run = await interruptAt('write', signal, args, root);
      expect({ code: run.code, signal: run.signal }).toEqual({ code: CODES[signal], signal: null });
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(leftovers(root)).toEqual([]);
      const whole = fresh();
      expect(runBin(args, whole).code).not.toBe(2);
      // What the interrupted run wrote is what a whole run writes (each write is whole; the
      // cache has the time of its writing).
      const withoutCache = (files: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(files).filter(([path]) => path !== '.scs-standards-cache'));
      expect(withoutCache(snapshot(root))).toEqual(withoutCache(snapshot(whole)));
      expect(existsSync(join(root, '.scs-standards-cache'))).toBe(existsSync(join(whole, '.scs-standards-cache')));
    }
  });

  test.each(['SIGINT', 'SIGTERM'] as const)('%s while lint --cache checks the documents: exit 130/143, and the cache is not written after it', async (signal) => {
    const root = fresh();
    const run = await interruptAt('check', signal, ['lint', '--cache'], root);
    expect({ code: run.code, signal: run.signal }).toEqual({ code: CODES[signal], signal: null });
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(root, '.scs-standards-cache'))).toBe(false);
    expect(leftovers(root)).toEqual([]);
    // Not interrupted, the same run writes it.
    expect(runBin(['lint', '--cache'], root).code).toBe(0);
    expect(existsSync(join(root, '.scs-standards-cache'))).toBe(true);
  });

  test('SIGKILL between the steps of accept: the next command puts every file back', async () => {
    const root = fresh();
    const before = snapshot(root);
    const state = gitState(root);
    const run = await interruptAt('step-1', 'SIGKILL', ['accept', 'scs-xxxx-v1-gpu-flavors.md'], root);
    expect(run.signal).toBe('SIGKILL');
    // Killed half-way: renamed, references not yet updated, the journal and temporaries left.
    expect(existsSync(join(root, 'Standards', 'scs-0111-v1-gpu-flavors.md'))).toBe(true);
    expect(snapshot(root)).not.toEqual(before);
    expect(leftovers(root).some((path) => path.startsWith('.scs-standards-transaction.'))).toBe(true);
    // lint only reads, and says so.
    expect(runBin(['lint', '-f', 'json'], root).stderr).toMatch(/^scs-standards lint: warning: a run \(process \d+\) was killed while it changed files, which may be half-changed; `scs-standards lint --fix` or any authoring command puts them back first\n$/);
    expect(leftovers(root).some((path) => path.startsWith('.scs-standards-transaction.'))).toBe(true);
    const next = runBin(['stabilize', '0110-v1', '--dry-run'], root);
    expect(next.code).toBe(0);
    expect(next.stderr).toMatch(/^scs-standards stabilize: an earlier run \(process \d+\) was killed while it changed files; put back as they were: moved Standards\/scs-0111-v1-gpu-flavors\.md back to Standards\/scs-xxxx-v1-gpu-flavors\.md\n$/);
    expect(snapshot(root)).toEqual(before);
    expect(gitState(root)).toBe(state);
    expect(leftovers(root)).toEqual([]);
    // Recovered once: the next run has nothing to put back.
    expect(runBin(['stabilize', '0110-v1', '--dry-run'], root).stderr).toBe('');
  });

  test('SIGKILL after some writes of a change: the next command restores the written files too', async () => {
    const root = fresh();
    const before = snapshot(root);
    const state = gitState(root);
    const run = await interruptAt('step-2', 'SIGKILL', ['accept', 'scs-xxxx-v1-gpu-flavors.md'], root);
    expect(run.signal).toBe('SIGKILL');
    expect(snapshot(root)).not.toEqual(before);
    const next = runBin(['lint', '--fix'], root);
    expect(next.stderr).toMatch(/put back as they were: restored Standards\/\S+\.md, moved Standards\/scs-0111-v1-gpu-flavors\.md back to Standards\/scs-xxxx-v1-gpu-flavors\.md\n/);
    expect(snapshot(root)).toEqual(before);
    expect(gitState(root)).toBe(state);
    expect(leftovers(root)).toEqual([]);
  });

  test('a later run removes stale temporary files of its own naming, and index --check counts any', async () => {
    const root = fresh();
    expect(runBin(['index', '--out', 'site', '--today', '2026-06-01'], root).code).toBe(0);
    const dead = `.overview.mdx.${deadPid()}.0123456789ab.tmp`;
    const old = `.index.md.${process.pid}.0123456789ac.tmp`;
    const live = `.index.md.${process.pid}.0123456789ad.tmp`;
    const other = '.notes.tmp';
    writeFileSync(join(root, 'site', 'standards', dead), 'half a page');
    mkdirSync(join(root, 'site', 'iaas'), { recursive: true });
    for (const name of [old, live, other]) writeFileSync(join(root, 'site', 'iaas', name), 'x');
    const longAgo = new Date(Date.now() - 20 * 60 * 1000);
    utimesSync(join(root, 'site', 'iaas', old), longAgo, longAgo);

    const check = runBin(['index', '--out', 'site', '--check', '--today', '2026-06-01'], root);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('3 files differ in site from the index of the documents (0 to write, 0 to remove, 3 temporary files left by an interrupted run)');
    expect(check.stderr).toContain(`scs-standards index: temporary file site/standards/${dead}\n`);

    expect(runBin(['index', '--out', 'site', '--today', '2026-06-01'], root).code).toBe(0);
    expect(existsSync(join(root, 'site', 'standards', dead))).toBe(false);
    expect(existsSync(join(root, 'site', 'iaas', old))).toBe(false);
    // The test process is alive and its file is fresh: a run under way keeps its temporary file.
    expect(existsSync(join(root, 'site', 'iaas', live))).toBe(true);
    expect(existsSync(join(root, 'site', 'iaas', other))).toBe(true);

    const standards = `.scs-0110-v1-ssd-flavors.md.${deadPid()}.0123456789ae.tmp`;
    writeFileSync(join(root, 'Standards', standards), 'half a document');
    expect(runBin(['stabilize', '0110-v1', '--date', '2026-06-01'], root).code).toBe(0);
    expect(existsSync(join(root, 'Standards', standards))).toBe(false);
    rmSync(join(root, 'site'), { recursive: true });
  });
});

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import { CapturedOutput } from '../../tools/cli/capture.js';
import { main } from '../../tools/cli/main.js';

export const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process (fast), with captured output and a clean environment. */
export async function runMain(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const stdout = new CapturedOutput();
  const stderr = new CapturedOutput();
  const code = await main(args, { cwd, env: { ...env }, stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Runs the built CLI as a real process. */
export function runBin(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    encoding: 'utf8',
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * For a test file: a function that makes a temporary repository (as `makeRepo`), each removed
 * after the test that made it.
 */
export function temporaryRepos(): (files: Record<string, string | Buffer>, ...config: [unknown?]) => string {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });
  return (files, ...config) => {
    const made = makeRepo(files, ...config);
    cleanups.push(made.cleanup);
    return made.root;
  };
}

/**
 * A temporary repository: files by relative path; a configuration file (`{}` unless given)
 * marks its root. `undefined` given for the configuration writes none. (A default parameter
 * would turn an explicit `undefined` into `{}` too.)
 */
export function makeRepo(files: Record<string, string | Buffer>, ...settings: [unknown?]): { root: string; cleanup: () => void } {
  const config = settings.length > 0 ? settings[0] : {};
  const root = mkdtempSync(join(tmpdir(), 'scs-standards-test-'));
  if (config !== undefined) writeFileSync(join(root, '.scs-standards.json'), `${JSON.stringify(config, null, 2)}\n`);
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

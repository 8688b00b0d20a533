import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResolvedConfig, type RawConfig } from '../../tools/engine/config.js';
import type { FileResult } from '../../tools/engine/result.js';
import { checkPlan, planLint } from '../../tools/engine/run.js';
import { prepareHistoryLint } from '../../tools/history/lint.js';
import { rulesById } from '../../tools/rules/index.js';
import type { Rule } from '../../tools/rules/rule.js';
import { GIT_ENV, clearWorkTree, git } from './git.js';

/** Commits everything in the work tree with this committer (and author) date and message. */
export function commitAt(root: string, date: string, message: string): string {
  const env = { ...GIT_ENV, GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` };
  const run = (...args: string[]): string => {
    const result = spawnSync('git', args, { cwd: root, env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
    return result.stdout;
  };
  run('add', '--all', '--', '.');
  run('commit', '--quiet', '--allow-empty', '--no-verify', '-m', message);
  return run('rev-parse', 'HEAD').trim();
}

/** Merges a branch with a merge commit (as GitHub's merge button does) at this date. */
export function mergeAt(root: string, date: string, branch: string, message: string): string {
  const env = { ...GIT_ENV, GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` };
  const result = spawnSync('git', ['merge', '--no-ff', '--quiet', '-m', message, branch], { cwd: root, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git merge failed: ${result.stderr}`);
  return git(root, 'rev-parse', 'HEAD').trim();
}

export function newRepo(): string {
  const root = mkdtempSync(join(tmpdir(), 'scs-standards-history-'));
  git(root, 'init', '--quiet', '--initial-branch=main');
  return root;
}

/**
 * Whether a fixture case is a history: numbered step folders (`1`, `2`, ...), each the whole
 * tree at one commit, with `commit.txt` (first line the date, second the subject).
 */
export function isHistoryCase(folder: string): boolean {
  return historySteps(folder).length > 0;
}

export function historySteps(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => /^[0-9]+$/.test(name) && statSync(join(folder, name)).isDirectory())
    .sort((a, b) => Number(a) - Number(b));
}

/** The date and subject of a step. */
export function stepCommit(step: string): { date: string; subject: string } {
  const [date = '', subject = ''] = readFileSync(join(step, 'commit.txt'), 'utf8').split('\n');
  return { date: date.trim(), subject: subject.trim() };
}

/** Lays a history case down as a real git repository, one commit per step; returns its root. */
export function buildHistoryRepo(folder: string): string {
  const root = newRepo();
  for (const step of historySteps(folder)) {
    clearWorkTree(root);
    const path = join(folder, step);
    cpSync(path, root, { recursive: true, filter: (source) => !source.endsWith('commit.txt') });
    const { date, subject } = stepCommit(path);
    commitAt(root, date, subject);
  }
  return root;
}

export function removeRepo(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/**
 * Lays a history case down as a repository and lints its head with `--history` (the whole
 * folder, so that deleted documents are reported on their old paths).
 */
export async function lintHistoryCase(folder: string, rules?: readonly Rule[], raw: RawConfig = {}): Promise<FileResult[]> {
  const root = buildHistoryRepo(folder);
  try {
    return await lintWithHistory(root, rules, raw);
  } finally {
    removeRepo(root);
  }
}

/** `lint --history` of a repository's whole folder, with these rules and this configuration. */
export async function lintWithHistory(root: string, rules?: readonly Rule[], raw: RawConfig = {}, paths: readonly string[] = ['.']): Promise<FileResult[]> {
  const config = new ResolvedConfig(root, undefined, raw, rulesById);
  const options = { cwd: root, paths, ...(rules ? { rules } : {}) };
  const plan = planLint(config, options);
  const history = await prepareHistoryLint(
    plan.folders.map((entry) => entry.corpus),
    config,
    { cwd: root, paths, tool: 'test' },
  );
  const run = checkPlan(plan, config, { ...options, history });
  if (run.failures.length > 0) throw run.failures[0]?.error;
  return run.results;
}

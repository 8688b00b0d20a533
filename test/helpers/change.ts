import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { relaxUntouched, lintChangeWithConfig } from '../../tools/lifecycle/lint.js';
import { ResolvedConfig, type RawConfig } from '../../tools/engine/config.js';
import type { FileResult } from '../../tools/engine/result.js';
import { rulesById } from '../../tools/rules/index.js';
import type { Rule } from '../../tools/rules/rule.js';
import { clearWorkTree, commitAll, git } from './git.js';

/** Whether a fixture case is a change: a `base/` and a `head/` folder. */
export function isChangeCase(folder: string): boolean {
  return isFolder(join(folder, 'base')) && isFolder(join(folder, 'head'));
}

function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

export interface ChangeLintResult {
  /** Results of comparing the head commit with the base commit (`--base HEAD~1 --head HEAD`). */
  commits: FileResult[];
  /** Results of comparing the working tree with the base commit (`--base HEAD~1`). */
  workTree: FileResult[];
}

/**
 * Lays a change case down as a real git repository with two commits (the `base/` files, then
 * the `head/` files) and lints it both ways, with `lint --base` strictness applied.
 */
export async function lintChangeCase(folder: string, rules?: readonly Rule[], raw: RawConfig = {}): Promise<ChangeLintResult> {
  const root = mkdtempSync(join(tmpdir(), 'scs-standards-change-'));
  try {
    git(root, 'init', '--quiet', '--initial-branch=main');
    cpSync(join(folder, 'base'), root, { recursive: true });
    commitAll(root, 'base');
    clearWorkTree(root);
    cpSync(join(folder, 'head'), root, { recursive: true });
    commitAll(root, 'head');
    const config = new ResolvedConfig(root, undefined, raw, rulesById);
    const run = async (head: string | undefined): Promise<FileResult[]> => {
      const result = await lintChangeWithConfig(config, { cwd: root, paths: ['.'], ...(rules ? { rules } : {}), base: 'HEAD~1', head });
      if (result.failures.length > 0) throw result.failures[0]?.error;
      return relaxUntouched(result.results, result.legacy);
    };
    return { commits: await run('HEAD'), workTree: await run(undefined) };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

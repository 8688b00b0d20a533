import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfigFile, ResolvedConfig, type RawConfig } from '../../tools/engine/config.js';
import type { FileResult } from '../../tools/engine/result.js';
import { lintWithConfig } from '../../tools/engine/run.js';
import { rulesById } from '../../tools/rules/index.js';
import type { Rule } from '../../tools/rules/rule.js';

/** The file in a fixture case folder that holds the configuration the case is linted with. */
export const CASE_CONFIG_FILE = '.scs-standards.json';

/**
 * The configuration a fixture case is linted with: the content of its `.scs-standards.json`
 * (read and checked as the linter reads a configuration file), or none. A case chooses a profile
 * this way (`{ "profile": "eip" }`); a change or history case keeps the file next to its
 * `base/` and `head/` or step folders.
 */
export function caseConfig(folder: string): RawConfig {
  const file = join(folder, CASE_CONFIG_FILE);
  return existsSync(file) ? parseConfigFile(file, rulesById, folder) : {};
}

/** Lints a folder as its own repository root, with the given rules only. */
export function lintFolder(folder: string, rules?: readonly Rule[], raw: RawConfig = {}): FileResult[] {
  const config = new ResolvedConfig(folder, undefined, raw, rulesById);
  const run = lintWithConfig(config, { cwd: folder, paths: ['.'], ...(rules ? { rules } : {}) });
  if (run.failures.length > 0) throw run.failures[0]?.error;
  return run.results;
}

/** One line per finding: `path:line:column-endLine:endColumn severity rule-id message`. */
export function goldenLines(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    for (const message of result.messages) {
      const severity = message.severity === 2 ? 'error' : 'warning';
      lines.push(`${result.relPath}:${message.line}:${message.column}-${message.endLine}:${message.endColumn} ${severity} ${message.ruleId} ${message.message}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** Compares with a golden file; `UPDATE_GOLDEN=1` rewrites it instead. */
export function readGolden(path: string, actual: string): string | undefined {
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(path, actual);
    return actual;
  }
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

import { readFileSync } from 'node:fs';
import { writeFileAtomic } from './atomic-write.js';
import { ConfigError } from './config.js';
import { recount, type FileResult, type Finding } from './result.js';

/**
 * Bulk suppressions in ESLint's convention: a committed JSON file counts, per file (relative to
 * the repository root) and rule, the errors that are known and accepted. While a file has no more
 * errors of a rule than its count, they are suppressed; once it has more, all of them are
 * reported. Counts that exceed what is found are unused and can be pruned. Warnings are never
 * counted or suppressed.
 */
export type Suppressions = Record<string, Record<string, { count: number }>>;

export const DEFAULT_SUPPRESSIONS_FILE = 'scs-standards-suppressions.json';

/** Reads the suppressions file; a missing file is an empty one. */
export function loadSuppressions(path: string, shown: string): Suppressions {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return {};
    throw new ConfigError(`${shown}: cannot read the suppressions file: ${error instanceof Error ? error.message : String(error)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${shown}: the suppressions file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isRecord(data)) throw new ConfigError(`${shown}: the suppressions file must be an object of files`);
  const suppressions: Suppressions = {};
  for (const [file, rules] of Object.entries(data)) {
    if (!isRecord(rules)) throw new ConfigError(`${shown}: \`${file}\` must map rule ids to \`{ "count": N }\``);
    suppressions[file] = {};
    for (const [ruleId, entry] of Object.entries(rules)) {
      const count = isRecord(entry) ? entry.count : undefined;
      if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 1) {
        throw new ConfigError(`${shown}: \`${file}\` > \`${ruleId}\` must be \`{ "count": N }\` with a whole number N of at least 1`);
      }
      (suppressions[file] as Record<string, { count: number }>)[ruleId] = { count };
    }
  }
  return suppressions;
}

/** The text of the suppressions file: files and rules sorted, empty entries left out. */
export function formatSuppressions(suppressions: Suppressions): string {
  const sorted: Suppressions = {};
  for (const file of Object.keys(suppressions).sort()) {
    const rules = suppressions[file] ?? {};
    const ids = Object.keys(rules).sort();
    if (ids.length === 0) continue;
    sorted[file] = Object.fromEntries(ids.map((id) => [id, { count: rules[id]?.count ?? 0 }]));
  }
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

/** Writes the file whole or not at all (a temporary file renamed over the old one, as every write). */
export function saveSuppressions(path: string, suppressions: Suppressions): void {
  writeFileAtomic(path, formatSuppressions(suppressions));
}

/** Errors per rule of one file's findings. */
function countErrors(messages: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of messages) if (finding.severity === 2) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  return counts;
}

/**
 * `--suppress-all` / `--suppress-rule`: records the current errors of the results (of the given
 * rules, or all) in the suppressions, replacing the counts of those files and rules.
 */
export function suppress(existing: Suppressions, results: readonly FileResult[], rules: readonly string[] | undefined): Suppressions {
  const updated: Suppressions = structuredClone(existing);
  for (const result of results) {
    for (const [ruleId, count] of countErrors(result.messages)) {
      if (rules && !rules.includes(ruleId)) continue;
      updated[result.relPath] = { ...(updated[result.relPath] ?? {}), [ruleId]: { count } };
    }
  }
  return updated;
}

export interface Applied {
  results: FileResult[];
  /** Counts that no error used: what `--prune-suppressions` would remove. */
  unused: Suppressions;
}

/**
 * Suppresses the counted errors. `judged(file, ruleId)` says whether this run could have found
 * errors of that rule in that file: only then does a count that found nothing become unused
 * (a run with `--rule`, or without a base for change rules, leaves the others alone). Files
 * that are not in the results are not judged, as in ESLint.
 */
export function applySuppressions(results: readonly FileResult[], suppressions: Suppressions, judged: (file: string, ruleId: string) => boolean): Applied {
  const unused: Suppressions = {};
  const applied = results.map((result) => {
    const entries = suppressions[result.relPath];
    if (!entries) return result;
    const counts = countErrors(result.messages);
    const suppressedRules = new Set<string>();
    for (const [ruleId, entry] of Object.entries(entries)) {
      const found = counts.get(ruleId) ?? 0;
      if (found > 0 && found <= entry.count) suppressedRules.add(ruleId);
      const left = found > entry.count ? 0 : entry.count - found;
      if (left > 0 && judged(result.relPath, ruleId)) unused[result.relPath] = { ...(unused[result.relPath] ?? {}), [ruleId]: { count: left } };
    }
    if (suppressedRules.size === 0) return result;
    const kept = result.messages.filter((finding) => !(finding.severity === 2 && suppressedRules.has(finding.ruleId)));
    const suppressed = result.messages
      .filter((finding) => finding.severity === 2 && suppressedRules.has(finding.ruleId))
      .map((finding): Finding => ({ ...finding, suppressions: [...(finding.suppressions ?? []), { kind: 'file', justification: '' }] }));
    return recount(result, kept, [...result.suppressedMessages, ...suppressed]);
  });
  return { results: applied, unused };
}

/** The suppressions without the counts of these files (relative to the repository root). */
export function withoutFiles(suppressions: Suppressions, files: ReadonlySet<string>): Suppressions {
  if (files.size === 0) return suppressions;
  return Object.fromEntries(Object.entries(suppressions).filter(([file]) => !files.has(file)));
}

/** `--prune-suppressions`: removes the unused counts. */
export function prune(existing: Suppressions, unused: Suppressions): Suppressions {
  const pruned: Suppressions = structuredClone(existing);
  for (const [file, rules] of Object.entries(unused)) {
    const entries = pruned[file];
    if (!entries) continue;
    for (const [ruleId, entry] of Object.entries(rules)) {
      const current = entries[ruleId];
      if (!current) continue;
      if (current.count <= entry.count) delete entries[ruleId];
      else current.count -= entry.count;
    }
    if (Object.keys(entries).length === 0) delete pruned[file];
  }
  return pruned;
}

export function countEntries(suppressions: Suppressions): number {
  return Object.values(suppressions).reduce((total, rules) => total + Object.keys(rules).length, 0);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

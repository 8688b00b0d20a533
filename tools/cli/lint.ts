import { ConfigError, loadConfig } from '../engine/config.js';
import { UsageError } from '../engine/discover.js';
import { runLint } from '../engine/run.js';
import type { FileResult } from '../engine/result.js';
import { totals } from '../engine/result.js';
import { rules as allRules, rulesById } from '../rules/index.js';
import { sanitizeForTerminal } from '../reporters/sanitize.js';
import type { Rule } from '../rules/rule.js';
import { formatJson } from '../reporters/json.js';
import { formatStylish } from '../reporters/stylish.js';
import type { ParsedArgs } from './flags.js';
import { EXIT } from './exit.js';
import { useColor } from './output.js';

const FORMATS = ['stylish', 'json'] as const;

export async function run(args: ParsedArgs): Promise<number> {
  const format = typeof args.values.format === 'string' ? args.values.format : 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) {
    args.stderr.write(`scs-standards lint: unknown format \`${format}\`, expected one of ${FORMATS.join(', ')}\n`);
    return EXIT.failure;
  }
  let rules: readonly Rule[] = allRules;
  const only = args.values.rule;
  if (Array.isArray(only)) {
    const unknown = only.map((entry) => entry.split(':')[0] ?? '').filter((id) => !allRules.some((rule) => rule.id === id));
    if (unknown.length > 0) {
      args.stderr.write(`scs-standards lint: unknown rule ${unknown.map((id) => `\`${id}\``).join(', ')}\n`);
      return EXIT.failure;
    }
    rules = allRules.filter((rule) => only.some((entry) => entry.split(':')[0] === rule.id));
  }
  try {
    if (args.values.fix === true || args.values['fix-dry-run'] === true) {
      const fixed = await fix(args, rules);
      if (fixed !== undefined) return fixed;
    }
    const run = runLint({ cwd: args.cwd, paths: args.positionals, configFile: args.values.config as string | undefined, rules });
    let results: FileResult[] = run.results;
    if (args.values.quiet === true) results = results.map(onlyErrors);
    const output = format === 'json' ? formatJson(results) : formatStylish(results, { cwd: args.cwd, color: useColor(args) });
    args.stdout.write(output);
    for (const failure of run.failures) {
      const detail = failure.error instanceof Error ? (failure.error.stack ?? failure.error.message) : String(failure.error);
      args.stderr.write(`scs-standards: internal error in rule ${failure.ruleId} on ${failure.file}:\n${detail}\n`);
    }
    if (run.failures.length > 0) return EXIT.failure;
    const sum = totals(run.results);
    if (run.results.length === 0) args.stderr.write('scs-standards lint: no standards documents found\n');
    if (sum.errorCount > 0) return EXIT.findings;
    const maxWarnings = args.values['max-warnings'];
    if (typeof maxWarnings === 'number' && sum.warningCount > maxWarnings) {
      args.stderr.write(`scs-standards lint: ${sum.warningCount} warnings, more than --max-warnings ${maxWarnings}\n`);
      return EXIT.findings;
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      args.stderr.write(`scs-standards lint: ${error.message}\n`);
      return EXIT.failure;
    }
    const { isInputError } = await import('./authoring.js');
    if (isInputError(error)) {
      args.stderr.write(`scs-standards lint: ${sanitizeForTerminal(error.message)}\n`);
      return EXIT.failure;
    }
    throw error;
  }
}

/**
 * `--fix` applies the fixes before the run that reports what remains; `--fix-dry-run` prints
 * them as a diff and ends the command (its exit code is 0 unless something fails).
 */
async function fix(args: ParsedArgs, rules: readonly Rule[]): Promise<number | undefined> {
  const [{ planFixes }, { applyChanges }, { terminalDiff }] = await Promise.all([import('../engine/fix.js'), import('../authoring/transaction.js'), import('./authoring.js')]);
  const config = loadConfig(args.cwd, rulesById, args.values.config as string | undefined);
  const plan = planFixes(config, { cwd: args.cwd, paths: args.positionals, rules });
  for (const failure of plan.failures) {
    const detail = failure.error instanceof Error ? (failure.error.stack ?? failure.error.message) : String(failure.error);
    args.stderr.write(`scs-standards: internal error in rule ${failure.ruleId} on ${failure.file}:\n${detail}\n`);
  }
  if (plan.failures.length > 0) return EXIT.failure;
  if (args.values['fix-dry-run'] === true) {
    const diff = plan.set.diff();
    args.stdout.write(args.stdout.isTTY === true ? terminalDiff(diff) : diff);
    return EXIT.ok;
  }
  await applyChanges(plan.set);
  return undefined;
}

function onlyErrors(result: FileResult): FileResult {
  const messages = result.messages.filter((message) => message.severity === 2);
  return { ...result, messages, warningCount: 0, fixableWarningCount: 0 };
}

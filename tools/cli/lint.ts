import { relative, resolve } from 'node:path';
import { ConfigError, loadConfig } from '../engine/config.js';
import { UsageError } from '../engine/discover.js';
import type { InternalFailure } from '../engine/lint.js';
import { checkPlan, planLint } from '../engine/run.js';
import { prefetchBodies, type Concurrency } from '../engine/prefetch.js';
import { DEFAULT_CACHE_FILE, FactsCache } from '../engine/cache.js';
import type { ResolvedConfig } from '../engine/config.js';
import { version } from './version.js';
import type { FileResult, Finding } from '../engine/result.js';
import { totals } from '../engine/result.js';
import { rules as allRules, rulesById } from '../rules/index.js';
import { sanitizeForTerminal } from '../reporters/sanitize.js';
import type { Rule } from '../rules/rule.js';
import type { Corpus } from '../model/corpus.js';
import type { HistoryLint } from '../history/lint.js';
import { formatJson } from '../reporters/json.js';
import { formatStylish } from '../reporters/stylish.js';
import type { ParsedArgs } from './flags.js';
import { EXIT } from './exit.js';
import { useColor } from './output.js';

const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;

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
  const suppressRules = Array.isArray(args.values['suppress-rule']) ? args.values['suppress-rule'] : undefined;
  const suppressAll = args.values['suppress-all'] === true;
  const pruneRequested = args.values['prune-suppressions'] === true;
  const usage = suppressionUsage(suppressAll, suppressRules, pruneRequested);
  if (usage) {
    args.stderr.write(`scs-standards lint: ${usage}\n`);
    return EXIT.failure;
  }
  const head = typeof args.values.head === 'string' ? args.values.head : undefined;
  const concurrency = parseConcurrency(args.values.concurrency);
  if (concurrency === undefined) {
    args.stderr.write(`scs-standards lint: --concurrency expects auto, off or a number of threads from 1 to 64, got \`${String(args.values.concurrency)}\`\n`);
    return EXIT.failure;
  }
  try {
    if (args.values.fix === true || args.values['fix-dry-run'] === true) {
      const fixed = await fix(args, rules);
      if (fixed !== undefined) return fixed;
    }
    let base = typeof args.values.base === 'string' ? args.values.base : undefined;
    if (base === undefined && head !== undefined) throw new UsageError('--head needs --base: the head is compared with a base');
    if (base === undefined && args.env.GITHUB_ACTIONS === 'true' && (args.env.GITHUB_BASE_REF || args.env.GITHUB_EVENT_NAME === 'merge_group')) {
      const { githubDefaultBase } = await import('../lifecycle/load.js');
      base = await githubDefaultBase(args.cwd, args.env);
    }
    if (args.values['quiet-untouched'] === true && base === undefined) throw new UsageError('--quiet-untouched needs --base: without a base, no document is touched');
    const configFile = args.values.config as string | undefined;
    let results: FileResult[];
    let failures: InternalFailure[];
    let root: string;
    let legacy: ReadonlySet<Finding> = new Set();
    let touched: (relPath: string) => boolean = () => false;
    let historyRan = false;
    if (base !== undefined && args.values.history === true) throw new UsageError('--history cannot be combined with --base: the history rules judge the whole history, the change rules a change');
    if (base !== undefined) {
      const { runChangeLint } = await import('../engine/change.js');
      const { isTouched } = await import('../lifecycle/change.js');
      const cache = args.values.cache === true ? openCache(args, loadConfig(args.cwd, rulesById, configFile)) : undefined;
      const run = await runChangeLint({ cwd: args.cwd, paths: args.positionals, configFile, rules, base, head, cache });
      saveCache(args, cache);
      ({ results, failures, legacy } = run);
      root = run.config.root;
      const touchedPaths = new Set<string>();
      for (const folder of run.loaded.folders) {
        for (const entry of folder.change.documents) {
          const doc = entry.head ?? entry.base;
          if (doc && isTouched(entry)) touchedPaths.add(doc.relPath);
        }
      }
      touched = (relPath) => touchedPaths.has(relPath);
    } else {
      const config = loadConfig(args.cwd, rulesById, configFile);
      const cache = args.values.cache === true ? openCache(args, config) : undefined;
      const options = { cwd: args.cwd, paths: args.positionals, configFile, rules, cache };
      const plan = planLint(config, options);
      await prefetchBodies(
        plan.folders.flatMap((folder) => folder.targets),
        { cache, concurrency, maxFileSize: config.maxFileSize },
      );
      historyRan = args.values.history === true || config.raw.history === true;
      const history = historyRan ? await readHistory(args, config, plan.folders.map((folder) => folder.corpus)) : undefined;
      const run = checkPlan(plan, config, { ...options, history });
      saveCache(args, cache);
      ({ results, failures } = run);
      root = run.config.root;
    }

    // Suppressions count errors as a full run reports them; strictness follows afterwards.
    const { applySuppressions, countEntries, DEFAULT_SUPPRESSIONS_FILE, loadSuppressions, prune, saveSuppressions, suppress } = await import('../engine/suppressions.js');
    const location = typeof args.values['suppressions-location'] === 'string' ? resolve(args.cwd, args.values['suppressions-location']) : resolve(root, DEFAULT_SUPPRESSIONS_FILE);
    const shown = relative(args.cwd, location) || location;
    let suppressions = loadSuppressions(location, shown);
    if (suppressAll || suppressRules) {
      suppressions = suppress(suppressions, results, suppressRules);
      saveSuppressions(location, suppressions);
    }
    const ran = new Set(rules.map((rule) => rule.id));
    const judged = (file: string, ruleId: string): boolean => {
      const rule = rulesById.get(ruleId);
      if (!rule || !ran.has(ruleId)) return false;
      if (rule.meta.scope === 'history') return historyRan;
      return rule.meta.scope !== 'change' || (base !== undefined && touched(file));
    };
    const applied = applySuppressions(results, suppressions, judged);
    results = applied.results;
    let unused = countEntries(applied.unused);
    if (pruneRequested) {
      suppressions = prune(suppressions, applied.unused);
      saveSuppressions(location, suppressions);
      if (unused > 0) args.stderr.write(`scs-standards lint: pruned ${unused} unused ${unused === 1 ? 'count' : 'counts'} from ${shown}\n`);
      unused = 0;
    }
    if (base !== undefined) {
      const { relaxUntouched } = await import('../engine/change.js');
      results = relaxUntouched(results, legacy);
    }

    let reported = args.values.quiet === true ? results.map(onlyErrors) : results;
    if (args.values['quiet-untouched'] === true) {
      // As the review lists them: errors anywhere, warnings where the change is.
      reported = reported.map((result) => (touched(result.relPath) ? result : onlyErrors(result)));
      results = reported;
    }
    args.stdout.write(await render(format, reported, args, rules));
    for (const failure of failures) {
      const detail = failure.error instanceof Error ? (failure.error.stack ?? failure.error.message) : String(failure.error);
      args.stderr.write(`scs-standards: internal error in rule ${failure.ruleId} on ${sanitizeForTerminal(failure.file)}:\n${detail.split('\n').map(sanitizeForTerminal).join('\n')}\n`);
    }
    if (failures.length > 0) return EXIT.failure;
    if (results.length === 0) args.stderr.write('scs-standards lint: no standards documents found\n');
    if (unused > 0 && args.values['pass-on-unpruned-suppressions'] !== true) {
      args.stderr.write(
        `scs-standards lint: ${shown} has ${unused} unused ${unused === 1 ? 'count' : 'counts'}: the errors they suppressed are fixed. ` +
          'Remove them with `--prune-suppressions`, or pass with `--pass-on-unpruned-suppressions`.\n',
      );
      return EXIT.failure;
    }
    const sum = totals(results);
    if (sum.errorCount > 0) return EXIT.findings;
    const maxWarnings = args.values['max-warnings'];
    if (typeof maxWarnings === 'number' && sum.warningCount > maxWarnings) {
      args.stderr.write(`scs-standards lint: ${sum.warningCount} warnings, more than --max-warnings ${maxWarnings}\n`);
      return EXIT.findings;
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || (error instanceof Error && error.name === 'GitProblem')) {
      args.stderr.write(`scs-standards lint: ${sanitizeForTerminal(error.message)}\n`);
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
    args.stderr.write(`scs-standards: internal error in rule ${failure.ruleId} on ${sanitizeForTerminal(failure.file)}:\n${detail.split('\n').map(sanitizeForTerminal).join('\n')}\n`);
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

/** The cache of `--cache`: at `--cache-location`, or `.scs-standards-cache` at the repository root. */
function openCache(args: ParsedArgs, config: ResolvedConfig): FactsCache {
  const location = typeof args.values['cache-location'] === 'string' ? resolve(args.cwd, args.values['cache-location']) : resolve(config.root, DEFAULT_CACHE_FILE);
  const cache = FactsCache.load(location, version(), config);
  if (cache.status.startsWith('ignored')) args.stderr.write(`scs-standards lint: the cache ${relative(args.cwd, location) || location} was ${cache.status}; it is rebuilt\n`);
  return cache;
}

/** The history of the linted folders (`--history`), with the history cache when `--cache` is given. */
async function readHistory(args: ParsedArgs, config: ResolvedConfig, corpora: readonly Corpus[]): Promise<HistoryLint> {
  const [{ prepareHistoryLint }, { DEFAULT_HISTORY_CACHE_FILE }] = await Promise.all([import('../history/lint.js'), import('../history/load.js')]);
  const cacheFile = args.values.cache === true ? resolve(config.root, DEFAULT_HISTORY_CACHE_FILE) : undefined;
  return prepareHistoryLint(corpora, config, { cwd: args.cwd, paths: args.positionals, cacheFile, tool: version() });
}

/** Writes the cache; a cache that cannot be written costs time on the next run, nothing else. */
function saveCache(args: ParsedArgs, cache: FactsCache | undefined): void {
  if (!cache) return;
  try {
    cache.retainExisting();
    cache.save();
  } catch (error) {
    args.stderr.write(`scs-standards lint: the cache could not be written: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}

function parseConcurrency(value: unknown): Concurrency | undefined {
  if (value === undefined || value === 'auto') return 'auto';
  if (value === 'off') return 'off';
  if (typeof value === 'string' && /^[1-9][0-9]?$/.test(value) && Number(value) <= 64) return Number(value);
  return undefined;
}

function suppressionUsage(all: boolean, rules: readonly string[] | undefined, pruneRequested: boolean): string | undefined {
  if (all && rules) return 'use either --suppress-all or --suppress-rule, not both';
  if (pruneRequested && (all || rules)) return '--prune-suppressions cannot be combined with --suppress-all or --suppress-rule';
  const unknown = (rules ?? []).filter((id) => !rulesById.has(id));
  if (unknown.length > 0) return `unknown rule ${unknown.map((id) => `\`${id}\``).join(', ')} in --suppress-rule`;
  return undefined;
}

async function render(format: string, results: readonly FileResult[], args: ParsedArgs, rules: readonly Rule[]): Promise<string> {
  switch (format) {
    case 'json':
      return formatJson(results);
    case 'sarif': {
      const { formatSarif } = await import('../reporters/sarif.js');
      return formatSarif(results, { rules, version: version() });
    }
    case 'github': {
      const { formatGithub } = await import('../reporters/github.js');
      return formatGithub(results);
    }
    default:
      return formatStylish(results, { cwd: args.cwd, color: useColor(args) });
  }
}

function onlyErrors(result: FileResult): FileResult {
  const messages = result.messages.filter((message) => message.severity === 2);
  return { ...result, messages, warningCount: 0, fixableWarningCount: 0 };
}

import { relative, resolve } from 'node:path';
import { ConfigError, loadConfig, parseSeverity, SEVERITY_WORDS, type RawSeverity } from '../engine/config.js';
import { UsageError } from '../engine/discover.js';
import type { InternalFailure } from '../engine/lint.js';
import { checkPlan, planLint } from '../engine/run.js';
import { prefetchBodies, type Concurrency } from '../engine/prefetch.js';
import { DEFAULT_CACHE_FILE, FactsCache } from '../engine/cache.js';
import { handlePendingSignals, killedChanges, testPauseSync } from '../engine/temporary.js';
import type { ResolvedConfig } from '../engine/config.js';
import { version } from './version.js';
import type { FileResult, Finding } from '../engine/result.js';
import { recount, totals } from '../engine/result.js';
import { rules as allRules, rulesById } from '../rules/index.js';
import { sanitizeForTerminal } from '../reporters/sanitize.js';
import type { Rule } from '../rules/rule.js';
import type { Corpus } from '../model/corpus.js';
import type { HistoryLint } from '../history/lint.js';
import { formatJson } from '../reporters/json.js';
import { formatStylish } from '../reporters/stylish.js';
import type { ParsedArgs } from './flags.js';
import { closest } from './arguments.js';
import { EXIT } from './exit.js';
import { messageLines, useColor } from './output.js';

const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;

export async function run(args: ParsedArgs): Promise<number> {
  const format = typeof args.values.format === 'string' ? args.values.format : 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) {
    args.stderr.write(`scs-standards lint: unknown format \`${format}\`, expected one of ${FORMATS.join(', ')}\n`);
    return EXIT.failure;
  }
  const selection = selectRules(args.values.rule);
  if (typeof selection === 'string') {
    args.stderr.write(`scs-standards lint: ${selection}\n`);
    return EXIT.failure;
  }
  const { rules, severities } = selection;
  /** The configuration with the severities of `--rule ID:SEVERITY`. */
  const configure = (config: ResolvedConfig): ResolvedConfig => config.withSeverities(severities);
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
  const keepSource = format === 'json';
  try {
    let fixedTexts: ReadonlyMap<string, string> = new Map();
    if (args.values.fix === true || args.values['fix-dry-run'] === true) {
      const fixed = await fix(args, rules, configure);
      if (typeof fixed === 'number') return fixed;
      fixedTexts = fixed;
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
    let fullyChecked: (relPath: string) => boolean = () => true;
    let stabilized: ReadonlySet<string> = new Set();
    let historyRan = false;
    if (base !== undefined && args.values.history === true) throw new UsageError('--history cannot be combined with --base: the history rules judge the whole history, the change rules a change');
    if (base !== undefined) {
      const { lintChangeWithConfig } = await import('../lifecycle/lint.js');
      const { isTouched } = await import('../model/change.js');
      const loaded = loadConfig(args.cwd, rulesById, configFile);
      const cache = args.values.cache === true ? openCache(args, loaded) : undefined;
      const run = await lintChangeWithConfig(configure(loaded), { cwd: args.cwd, paths: args.positionals, configFile, rules, base, head, cache, keepSource });
      await saveCache(args, cache);
      ({ results, failures, legacy, stabilized } = run);
      fullyChecked = (relPath) => run.fullyChecked.has(relPath);
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
      const loaded = loadConfig(args.cwd, rulesById, configFile);
      const cache = args.values.cache === true ? openCache(args, loaded) : undefined;
      const config = configure(loaded);
      const options = { cwd: args.cwd, paths: args.positionals, configFile, rules, cache, keepSource };
      const plan = planLint(config, options);
      await prefetchBodies(
        plan.folders.flatMap((folder) => folder.targets),
        { cache, concurrency, maxFileSize: config.maxFileSize },
      );
      historyRan = args.values.history === true || config.raw.history === true;
      const history = historyRan ? await readHistory(args, config, plan.folders.map((folder) => folder.corpus)) : undefined;
      testPauseSync('check');
      const run = checkPlan(plan, config, { ...options, history });
      await saveCache(args, cache);
      ({ results, failures } = run);
      root = run.config.root;
    }

    if (args.values.fix !== true) {
      // `lint` only reads: what a killed change left is put back by the commands that write.
      for (const pid of killedChanges(root)) {
        args.stderr.write(`scs-standards lint: warning: a run (process ${pid}) was killed while it changed files, which may be half-changed; \`scs-standards lint --fix\` or any authoring command puts them back first\n`);
      }
    }
    // Suppressions count errors as a full run reports them; strictness follows afterwards.
    const { applySuppressions, countEntries, DEFAULT_SUPPRESSIONS_FILE, loadSuppressions, prune, saveSuppressions, suppress, withoutFiles } = await import('../engine/suppressions.js');
    const location = typeof args.values['suppressions-location'] === 'string' ? resolve(args.cwd, args.values['suppressions-location']) : resolve(root, DEFAULT_SUPPRESSIONS_FILE);
    const shown = relative(args.cwd, location) || location;
    let suppressions = loadSuppressions(location, shown);
    if (suppressAll || suppressRules) {
      suppressions = suppress(suppressions, results, suppressRules);
      saveSuppressions(location, suppressions);
    }
    // A count is judged only where this run checked that rule fully: with a base, the documents
    // the change does not touch get the front matter rules only.
    const ran = new Set(rules.map((rule) => rule.id));
    const judged = (file: string, ruleId: string): boolean => {
      const rule = rulesById.get(ruleId);
      if (!rule || !ran.has(ruleId)) return false;
      if (rule.meta.scope === 'history') return historyRan;
      if (rule.meta.needsBody === true && !fullyChecked(file)) return false;
      return rule.meta.scope !== 'change' || (base !== undefined && touched(file));
    };
    // A document that the change makes Stable must meet every rule: its counts do not apply.
    const applied = applySuppressions(results, withoutFiles(suppressions, stabilized), judged);
    results = applied.results;
    // A partial run (a base, or paths named) cannot tell that a count is no longer needed
    // anywhere: it never fails for unused counts; `--prune-suppressions` removes only what it judged.
    const partial = base !== undefined || args.positionals.length > 0;
    let unused = countEntries(applied.unused);
    if (partial && !pruneRequested) unused = 0;
    if (pruneRequested) {
      suppressions = prune(suppressions, applied.unused);
      saveSuppressions(location, suppressions);
      if (unused > 0) args.stderr.write(`scs-standards lint: pruned ${unused} unused ${unused === 1 ? 'count' : 'counts'} from ${shown}\n`);
      unused = 0;
    }
    if (base !== undefined) {
      const { relaxUntouched } = await import('../lifecycle/lint.js');
      results = relaxUntouched(results, legacy);
    }

    // As ESLint's: a file that --fix changed has its new text as `output`, and no `source`.
    if (fixedTexts.size > 0) results = results.map((result) => withOutput(result, fixedTexts.get(result.filePath)));
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
      args.stderr.write(messageLines('scs-standards lint', error.message));
      return EXIT.failure;
    }
    const { isInputError } = await import('./authoring.js');
    if (isInputError(error)) {
      args.stderr.write(messageLines('scs-standards lint', error.message));
      return EXIT.failure;
    }
    throw error;
  }
}

/**
 * `--fix` applies the fixes before the run that reports what remains, and returns the new text
 * of each file it changed (by absolute path); `--fix-dry-run` prints them as a diff and ends
 * the command (its exit code is 0 unless something fails).
 */
async function fix(args: ParsedArgs, rules: readonly Rule[], configure: (config: ResolvedConfig) => ResolvedConfig): Promise<number | Map<string, string>> {
  const [{ planFixes }, { applyChanges }, { recoverInterrupted, terminalDiff }] = await Promise.all([import('../engine/fix.js'), import('../authoring/transaction.js'), import('./authoring.js')]);
  const config = configure(loadConfig(args.cwd, rulesById, args.values.config as string | undefined));
  await recoverInterrupted(args, config.root);
  const plan = planFixes(config, { cwd: args.cwd, paths: args.positionals, rules });
  for (const failure of plan.failures) {
    const detail = failure.error instanceof Error ? (failure.error.stack ?? failure.error.message) : String(failure.error);
    args.stderr.write(`scs-standards: internal error in rule ${failure.ruleId} on ${sanitizeForTerminal(failure.file)}:\n${detail.split('\n').map(sanitizeForTerminal).join('\n')}\n`);
  }
  if (plan.failures.length > 0) return EXIT.failure;
  if (args.values['fix-dry-run'] === true) {
    const diff = plan.set.diff();
    args.stdout.write(args.stdout.isTTY === true ? terminalDiff(diff) : diff);
    args.stderr.write(`scs-standards lint: ${fixSummary(plan.fixed, plan.files, true)}\n`);
    return EXIT.ok;
  }
  await applyChanges(plan.set);
  // On standard error: the standard output of `--format json` or `sarif` stays machine-readable.
  args.stderr.write(`scs-standards lint: ${fixSummary(plan.fixed, plan.files, false)}\n`);
  return new Map(plan.set.changes.map((change) => [change.to, change.after.toString('utf8')]));
}

function withOutput(result: FileResult, output: string | undefined): FileResult {
  if (output === undefined) return result;
  const { source: _source, ...rest } = result;
  return { ...rest, output };
}

/** `fixed 3 problems in 2 files` (`would fix` for a dry run), or `nothing to fix`. */
function fixSummary(problems: number, files: number, dryRun: boolean): string {
  if (problems === 0) return 'nothing to fix';
  const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${dryRun ? 'would fix' : 'fixed'} ${count(problems, 'problem')} in ${count(files, 'file')}`;
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

/**
 * Writes the cache; a cache that cannot be written costs time on the next run, nothing else. The
 * checking before it ran synchronously: a Ctrl-C during it ends the run here, before the write.
 */
async function saveCache(args: ParsedArgs, cache: FactsCache | undefined): Promise<void> {
  if (!cache) return;
  await handlePendingSignals();
  try {
    cache.retainExisting();
    cache.save();
  } catch (error) {
    args.stderr.write(`scs-standards lint: the cache could not be written: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}

/**
 * `--rule ID[:SEVERITY]`: the rules to run (all without the flag) and the severities given for
 * them, or the message of a usage error.
 */
function selectRules(entries: unknown): { rules: readonly Rule[]; severities: Map<string, RawSeverity> } | string {
  const severities = new Map<string, RawSeverity>();
  if (!Array.isArray(entries)) return { rules: allRules, severities };
  const ids = new Set<string>();
  const unknown: string[] = [];
  for (const entry of entries as string[]) {
    const colon = entry.lastIndexOf(':');
    const id = colon === -1 ? entry : entry.slice(0, colon);
    if (!rulesById.has(id)) {
      unknown.push(id);
      continue;
    }
    ids.add(id);
    if (colon === -1) continue;
    const word = entry.slice(colon + 1);
    const severity = parseSeverity(word);
    if (severity === undefined) return `--rule \`${sanitizeForTerminal(entry)}\`: unknown severity \`${sanitizeForTerminal(word)}\`, expected ${SEVERITY_WORDS.join(', ')}`;
    severities.set(id, severity);
  }
  if (unknown.length > 0) {
    const suggestions = unknown.map((id) => {
      const near = closest(id, allRules.map((rule) => rule.id));
      return `\`${sanitizeForTerminal(id)}\`${near ? ` (did you mean \`${near}\`?)` : ''}`;
    });
    return `unknown rule ${suggestions.join(', ')}`;
  }
  return { rules: allRules.filter((rule) => ids.has(rule.id)), severities };
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
      return formatStylish(results, { cwd: args.cwd, color: useColor(args), quiet: args.values.quiet === true });
  }
}

function onlyErrors(result: FileResult): FileResult {
  const errors = (messages: readonly Finding[]): Finding[] => messages.filter((message) => message.severity === 2);
  return recount(result, errors(result.messages), errors(result.suppressedMessages));
}

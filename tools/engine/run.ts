import { statSync } from 'node:fs';
import { join } from 'node:path';
import { rules as allRules, rulesById } from '../rules/index.js';
import { isScopeRule, type Rule } from '../rules/rule.js';
import type { Corpus } from '../model/corpus.js';
import type { StandardDocument } from '../model/document.js';
import type { FactsCache } from './cache.js';
import type { HistoryLint } from '../history/lint.js';
import { loadConfig, type ResolvedConfig } from './config.js';
import { discover, UsageError } from './discover.js';
import { checkCorpus, checkScopes, type InternalFailure } from './lint.js';
import { loadCorpus, readScope } from './load.js';
import type { FileResult } from './result.js';
import type { TemplateTexts } from '../model/placeholders.js';
import { loadTemplateTexts } from './templates.js';
import { compareStrings } from '../model/corpus.js';

export interface LintOptions {
  cwd: string;
  paths: readonly string[];
  configFile?: string | undefined;
  rules?: readonly Rule[];
  /** Cached Markdown facts (`--cache`). */
  cache?: FactsCache | undefined;
  /** Keep the text of the files with findings in their results (`--format json`). */
  keepSource?: boolean | undefined;
  /** The history of the documents (`lint --history`); history-scope rules run only with it. */
  history?: HistoryLint | undefined;
}

export interface LintRun {
  config: ResolvedConfig;
  corpora: Corpus[];
  results: FileResult[];
  failures: InternalFailure[];
}

/**
 * The lint pipeline: configure, find the files, read each standards folder as a corpus,
 * check the documents that were asked for and the certificate-scope files (against the
 * configured standards folder), and return their results sorted by path.
 */
export function runLint(options: LintOptions): LintRun {
  const config = loadConfig(options.cwd, rulesById, options.configFile);
  return lintWithConfig(config, options);
}

/** What a run will check: each standards folder with the documents to report on, and the scope files. */
export interface LintPlan {
  folders: { corpus: Corpus; targets: StandardDocument[] }[];
  scopes: string[];
}

/** Finds the files and reads each standards folder (documents up to their front matter). */
export function planLint(config: ResolvedConfig, options: LintOptions): LintPlan {
  const { folders, targets, scopes } = discover(options.cwd, options.paths, config);
  return {
    folders: folders.map((folder) => {
      const known = options.cache ? options.cache.known.bind(options.cache) : undefined;
      const corpus = loadCorpus(folder, config.root, config.maxFileSize, true, known, config.process);
      return { corpus, targets: corpus.documents.filter((doc) => targets.has(doc.path)) };
    }),
    scopes,
  };
}

/** Checks what a plan holds: the documents asked for, then the scope files. */
export function checkPlan(plan: LintPlan, config: ResolvedConfig, options: LintOptions): LintRun {
  const failures: InternalFailure[] = [];
  const results: FileResult[] = [];
  const rules = options.rules ?? allRules;
  for (const { corpus, targets } of plan.folders) {
    const templates = (): TemplateTexts => loadTemplateTexts(config, corpus.folder, corpus.templates);
    const history = options.history?.contextFor;
    results.push(...checkCorpus(corpus, targets, config, rules, failures, { cache: options.cache, templates, keepSource: options.keepSource, history }));
    // Documents the history has and the folder no longer has: the history rules, on their old paths.
    const deleted = options.history?.deleted.get(corpus.folder) ?? [];
    if (deleted.length > 0) results.push(...checkCorpus(corpus, deleted, config, rules, failures, { scopes: new Set(['history']), history }));
  }
  const corpora = plan.folders.map((folder) => folder.corpus);
  if (plan.scopes.length > 0 && rules.some((rule) => isScopeRule(rule) && config.mayRun(rule))) {
    const standards = join(config.root, config.standards);
    if (!isDirectory(standards)) {
      throw new UsageError(`No standards folder: ${config.standards} does not exist; certificate scopes are checked against it (set \`standards\` in the configuration)`);
    }
    const corpus = corpora.find((candidate) => candidate.folder === standards) ?? loadCorpus(standards, config.root, config.maxFileSize, true, undefined, config.process);
    const files = plan.scopes.map((path) => readScope(path, config.root, config.maxFileSize));
    results.push(...checkScopes(files, corpus, config, rules, failures, { keepSource: options.keepSource }));
  }
  results.sort((a, b) => compareStrings(a.relPath, b.relPath));
  return { config, corpora, results, failures };
}

export function lintWithConfig(config: ResolvedConfig, options: LintOptions): LintRun {
  return checkPlan(planLint(config, options), config, options);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

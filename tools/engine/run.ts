import { rules as allRules, rulesById } from '../rules/index.js';
import type { Rule } from '../rules/rule.js';
import type { Corpus } from '../model/corpus.js';
import { loadConfig, type ResolvedConfig } from './config.js';
import { discover } from './discover.js';
import { checkCorpus, type InternalFailure } from './lint.js';
import { loadCorpus } from './load.js';
import type { FileResult } from './result.js';
import { compareStrings } from '../model/corpus.js';

export interface LintOptions {
  cwd: string;
  paths: readonly string[];
  configFile?: string | undefined;
  rules?: readonly Rule[];
}

export interface LintRun {
  config: ResolvedConfig;
  corpora: Corpus[];
  results: FileResult[];
  failures: InternalFailure[];
}

/**
 * The lint pipeline: configure, find the files, read each standards folder as a corpus,
 * check the documents that were asked for, and return their results sorted by path.
 */
export function runLint(options: LintOptions): LintRun {
  const config = loadConfig(options.cwd, rulesById, options.configFile);
  return lintWithConfig(config, options);
}

export function lintWithConfig(config: ResolvedConfig, options: LintOptions): LintRun {
  const { folders, targets } = discover(options.cwd, options.paths, config);
  const failures: InternalFailure[] = [];
  const corpora: Corpus[] = [];
  const results: FileResult[] = [];
  for (const folder of folders) {
    const corpus = loadCorpus(folder, config.root, config.maxFileSize);
    corpora.push(corpus);
    const targetDocs = corpus.documents.filter((doc) => targets.has(doc.source.path));
    results.push(...checkCorpus(corpus, targetDocs, config, options.rules ?? allRules, failures));
  }
  results.sort((a, b) => compareStrings(a.relPath, b.relPath));
  return { config, corpora, results, failures };
}

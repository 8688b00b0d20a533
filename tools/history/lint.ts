import { isAbsolute, join, relative, resolve } from 'node:path';
import type { ResolvedConfig } from '../engine/config.js';
import type { Corpus } from '../model/corpus.js';
import { StandardDocument } from '../model/document.js';
import { Git } from '../lifecycle/git.js';
import type { HistoryContext } from '../rules/rule.js';
import { historyOf, readHistoryLog } from './load.js';
import { baseOf, dirOf, type DocumentHistory } from './model.js';

/** What `lint --history` adds to a run: each document's history, and the deleted documents to report on. */
export interface HistoryLint {
  contextFor: (doc: StandardDocument) => HistoryContext | undefined;
  /** Documents that the head no longer has, by corpus folder (absolute): their last version. */
  deleted: Map<string, StandardDocument[]>;
}

export interface HistoryLintOptions {
  cwd: string;
  paths: readonly string[];
  /** The history cache file, or undefined. */
  cacheFile?: string | undefined;
  tool: string;
}

/**
 * Reads the history of every corpus of a run (one `git log` and one `git cat-file --batch` for
 * all of them, and one more for the last versions of deleted documents). Deleted documents are
 * reported when the run lints their folder (no paths, or a path that holds them), not when it
 * lints single files, as a commit hook does.
 */
export async function prepareHistoryLint(corpora: readonly Corpus[], config: ResolvedConfig, options: HistoryLintOptions): Promise<HistoryLint> {
  const git = await Git.open(config.root);
  const head = await git.resolveCommit('HEAD', 'head');
  const log = await readHistoryLog(git, { head, cacheFile: options.cacheFile, tool: options.tool, process: config.process, maxFileSize: config.maxFileSize });
  const rootInRepo = git.toRepoPath(config.root);
  const toRepo = (relPath: string): string => (rootInRepo === '' ? relPath : `${rootInRepo}/${relPath}`);
  const toRoot = (repoPath: string): string => (rootInRepo === '' ? repoPath : repoPath.slice(rootInRepo.length + 1));
  const asked = options.paths.map((path) => resolve(options.cwd, path));
  const isAsked = (absolute: string): boolean =>
    asked.length === 0 ||
    asked.some((path) => {
      const rel = relative(path, absolute);
      return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
    });
  const contexts = new Map<StandardDocument, HistoryContext>();
  const deleted = new Map<string, StandardDocument[]>();
  const lastVersions: { folder: string; life: DocumentHistory; oid: string; relPath: string }[] = [];
  const byCorpus: { corpus: Corpus; history: ReturnType<typeof historyOf> }[] = [];
  for (const corpus of corpora) {
    const history = historyOf(log, git.toRepoPath(corpus.folder), config.process);
    byCorpus.push({ corpus, history });
    const live = new Map(history.documents.filter((life) => life.exists).map((life) => [life.path, life]));
    const present = new Set<string>();
    for (const doc of [...corpus.documents, ...corpus.templates]) {
      const repoPath = toRepo(doc.relPath);
      present.add(repoPath);
      contexts.set(doc, { life: live.get(repoPath), history });
    }
    for (const life of history.documents) {
      // A document moved out of the folder is not reported on a path of the folder.
      if (life.exists || present.has(life.path) || dirOf(life.path) !== history.folder || !life.path.startsWith(rootInRepo === '' ? '' : `${rootInRepo}/`)) continue;
      const relPath = toRoot(life.path);
      if (config.isIgnored(relPath) || !isAsked(join(config.root, relPath))) continue;
      const last = [...life.versions].reverse().find((version) => version.oid !== '');
      if (last) lastVersions.push({ folder: corpus.folder, life, oid: last.oid, relPath });
    }
  }
  const blobs = await git.readBlobs(lastVersions.map((entry) => entry.oid));
  for (const entry of lastVersions) {
    const doc = StandardDocument.fromBytes(join(config.root, entry.relPath), entry.relPath, baseOf(entry.relPath), blobs.get(entry.oid) ?? Buffer.alloc(0), config.maxFileSize, config.process.naming);
    const history = byCorpus.find((item) => item.corpus.folder === entry.folder)?.history;
    if (!history) continue;
    contexts.set(doc, { life: entry.life, history });
    const list = deleted.get(entry.folder) ?? [];
    list.push(doc);
    deleted.set(entry.folder, list);
  }
  return { contextFor: (doc) => contexts.get(doc), deleted };
}

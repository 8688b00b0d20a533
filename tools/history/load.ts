import { existsSync, readFileSync, statSync } from 'node:fs';
import { writeFileAtomic } from '../engine/atomic-write.js';
import { GitProblem, type Git, type LogChange, type LogCommit } from '../lifecycle/git.js';
import type { Process } from '../profile/process.js';
import { factFieldsOf, factsOf, type BlobFacts, type FactFields } from './facts.js';
import { buildHistory, documentName, renamedIntoDocuments, type History, type HistoryNames } from './model.js';

/** Bumped whenever what the history cache holds changes shape or meaning. */
const FORMAT = 5;

export const DEFAULT_HISTORY_CACHE_FILE = '.scs-standards-history-cache';

/** The raw material of every folder's history: the first-parent log and the facts of its document blobs. */
export interface HistoryLog {
  head: string;
  commits: LogCommit[];
  facts: Map<string, BlobFacts>;
  /** Files renamed into document names later (`renamedIntoDocuments`): followed as documents. */
  tracked: Set<string>;
  /** How the log was read: `cached` (the cache's head is the head), `extended` (from the cache's head on), `read` (all of it). */
  source: 'cached' | 'extended' | 'read';
}

interface CacheFile {
  format: number;
  tool: string;
  /** What of the process the log and the facts depend on: its name, which files are documents, the fields kept (`processKey`). */
  process: string;
  head: string;
  tracked: string[];
  commits: LogCommit[];
  facts: Record<string, BlobFacts>;
}

export interface ReadOptions {
  /** The commit to read the history of (resolved). */
  head: string;
  /** The history cache file (`--cache`), or undefined. */
  cacheFile?: string | undefined;
  /** The version of the tool (a cache of another version is not used). */
  tool: string;
  /** The process whose documents are followed and whose lifecycle fields are kept (a cache of another is not used). */
  process: Process;
  maxFileSize?: number | undefined;
}

/** What the history reads of a process: its file names, and the field a supplement names the documents it extends in. */
export function historyNamesOf(process: Process): HistoryNames {
  return { naming: process.naming, isDocumentFileName: (fileName) => process.isDocumentFileName(fileName), extendedField: factFieldsOf(process.profile).lists[0] };
}

/** The identity of what a cache holds for a process: a cache read under another profile is read again. */
function processKey(process: Process, fields: FactFields): string {
  return JSON.stringify([process.name, process.profile.fileNames.documents, fields]);
}

/**
 * Reads the first-parent history of the head: one `git log` for all of it (or, with a cache
 * whose head is an ancestor on the first-parent line, for the commits after it only) and one
 * `git cat-file --batch` for the blobs of document files not seen before. Only changes to
 * files with a document name (anywhere, for moves between folders) are kept.
 */
export async function readHistoryLog(git: Git, options: ReadOptions): Promise<HistoryLog> {
  if (await git.isShallow()) {
    throw new GitProblem('The history is incomplete in this shallow clone: fetch the whole history (in GitHub Actions, `actions/checkout` with `fetch-depth: 0`)');
  }
  const names = historyNamesOf(options.process);
  const fields = factFieldsOf(options.process.profile);
  const key = processKey(options.process, fields);
  const cached = options.cacheFile !== undefined ? loadCache(options.cacheFile, options.tool, key) : undefined;
  let commits: LogCommit[] | undefined;
  let tracked: Set<string> | undefined;
  let source: HistoryLog['source'] = 'read';
  const facts = new Map<string, BlobFacts>(cached ? Object.entries(cached.facts) : []);
  if (cached && cached.head === options.head) {
    commits = cached.commits;
    tracked = new Set(cached.tracked);
    source = 'cached';
  } else if (cached && (await git.hasCommit(cached.head))) {
    const raw = await git.firstParentLog(options.head, cached.head);
    const known = new Set(cached.tracked);
    const more = renamedIntoDocuments(raw, names);
    // The cached line continues only if the first new commit sits on the cached head, and no
    // new rename makes the earlier life of another file part of a document's.
    if (raw.length > 0 && raw[0]?.parent === cached.head && [...more].every((path) => known.has(path))) {
      commits = [...cached.commits, ...raw.map((commit) => relevantOnly(commit, known, names))];
      tracked = known;
      source = 'extended';
    }
  }
  if (!commits || !tracked) {
    const raw = await git.firstParentLog(options.head);
    const all = renamedIntoDocuments(raw, names);
    commits = raw.map((commit) => relevantOnly(commit, all, names));
    tracked = all;
  }
  const wanted = new Set<string>();
  for (const commit of commits) {
    for (const change of commit.changes) {
      if (change.oid !== '' && change.mode !== '120000' && change.status !== 'D' && !facts.has(change.oid)) wanted.add(change.oid);
    }
  }
  const symlinks = new Set<string>();
  for (const commit of commits) for (const change of commit.changes) if (change.mode === '120000') symlinks.add(change.oid);
  for (const oid of symlinks) facts.set(oid, { readable: false });
  if (wanted.size > 0) {
    const blobs = await git.readBlobs([...wanted]);
    for (const [oid, bytes] of blobs) facts.set(oid, factsOf(bytes, fields, options.maxFileSize));
  }
  if (options.cacheFile !== undefined && source !== 'cached') {
    saveCache(options.cacheFile, { format: FORMAT, tool: options.tool, process: key, head: options.head, tracked: [...tracked], commits, facts: Object.fromEntries(facts) });
  }
  return { head: options.head, commits, facts, tracked, source };
}

/** The history of one folder (relative to the top of the repository) from the log, with the documents of the process. */
export function historyOf(log: HistoryLog, folder: string, process: Process): History {
  const history = buildHistory(log.commits, folder, (oid) => log.facts.get(oid), historyNamesOf(process), log.tracked);
  return { ...history, head: log.head };
}

/** Keeps the changes of documents and of the files that become documents. */
function relevantOnly(commit: LogCommit, tracked: ReadonlySet<string>, names: HistoryNames): LogCommit {
  const relevant = (path: string | undefined): boolean => path !== undefined && (documentName(path, names) !== undefined || tracked.has(path));
  return { ...commit, changes: commit.changes.filter((change: LogChange) => relevant(change.path) || relevant(change.from)) };
}

/** A cache that is unreadable, of another format or tool version, or malformed, is not used. */
function loadCache(path: string, tool: string, process: string): CacheFile | undefined {
  try {
    if (!existsSync(path) || !statSync(path).isFile()) return undefined;
    const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (!isCacheFile(data) || data.format !== FORMAT || data.tool !== tool || data.process !== process) return undefined;
    return data;
  } catch {
    return undefined;
  }
}

/** A cache that cannot be written costs time on the next run, nothing else. */
function saveCache(path: string, cache: CacheFile): void {
  try {
    writeFileAtomic(path, `${JSON.stringify(cache)}\n`);
  } catch {
    // not written
  }
}

function isCacheFile(data: unknown): data is CacheFile {
  if (typeof data !== 'object' || data === null) return false;
  const file = data as Record<string, unknown>;
  if (typeof file.format !== 'number' || typeof file.tool !== 'string' || typeof file.process !== 'string' || typeof file.head !== 'string') return false;
  if (!Array.isArray(file.tracked) || !file.tracked.every((path) => typeof path === 'string')) return false;
  if (!Array.isArray(file.commits) || !file.commits.every(isCommit)) return false;
  if (typeof file.facts !== 'object' || file.facts === null || Array.isArray(file.facts)) return false;
  return Object.values(file.facts).every((facts) => typeof facts === 'object' && facts !== null && typeof (facts as { readable?: unknown }).readable === 'boolean');
}

function isCommit(value: unknown): value is LogCommit {
  if (typeof value !== 'object' || value === null) return false;
  const commit = value as Record<string, unknown>;
  const strings = ['hash', 'parent', 'date', 'subject'].every((key) => typeof commit[key] === 'string');
  return strings && Array.isArray(commit.changes) && commit.changes.every(isChange);
}

function isChange(value: unknown): value is LogChange {
  if (typeof value !== 'object' || value === null) return false;
  const change = value as Record<string, unknown>;
  return (
    typeof change.status === 'string' &&
    ['A', 'M', 'D', 'R', 'T'].includes(change.status) &&
    typeof change.path === 'string' &&
    (change.from === undefined || typeof change.from === 'string') &&
    typeof change.oldOid === 'string' &&
    typeof change.oid === 'string' &&
    typeof change.mode === 'string'
  );
}

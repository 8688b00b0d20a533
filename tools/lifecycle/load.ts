import { readFileSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { toRelative, type ResolvedConfig } from '../engine/config.js';
import { discover, UsageError } from '../engine/discover.js';
import { loadCorpus, type DocumentNaming } from '../engine/load.js';
import { buildChange, type Change, type RenamePair } from '../model/change.js';
import { Corpus } from '../model/corpus.js';
import { StandardDocument } from '../model/document.js';
import { isStandardsFileName, parseFileName } from '../model/filename.js';
import { SOURCE_LIMITS } from '../model/source.js';
import { Git, type TreeEntry } from './git.js';

/** What to compare: a base ref, and a head ref (the working tree when omitted). */
export interface ChangeRefs {
  base: string;
  head?: string | undefined;
}

/** One standards folder of a change. */
export interface ChangedFolder {
  /** Absolute path of the folder in the work tree. */
  folder: string;
  change: Change;
  /** Head documents to report on (the paths asked for, less ignored ones). */
  targets: StandardDocument[];
  /** Deleted documents to report on (under the paths asked for, less ignored ones). */
  deletedTargets: StandardDocument[];
}

export interface LoadedChange {
  baseRef: string;
  /** The commit compared with: the merge base of the base ref and the head. */
  baseCommit: string;
  /** The head ref, or undefined for the working tree. */
  headRef: string | undefined;
  headCommit: string;
  folders: ChangedFolder[];
}

const SKIPPED_SEGMENTS = (segment: string): boolean => segment === 'node_modules' || segment.startsWith('.');

/**
 * Reads a change: the base documents from git objects (one `cat-file --batch` for every blob),
 * the head documents from the working tree (or from git objects with a head ref), and git's
 * renames, for every standards folder under the paths asked for.
 */
export async function loadChange(config: ResolvedConfig, cwd: string, paths: readonly string[], refs: ChangeRefs): Promise<LoadedChange> {
  const git = await Git.open(config.root);
  const rootInRepo = git.toRepoPath(config.root);
  const toRepo = (rootRelative: string): string => (rootInRepo === '' ? rootRelative : rootRelative === '' ? rootInRepo : `${rootInRepo}/${rootRelative}`);
  const toRoot = (repoPath: string): string => (rootInRepo === '' ? repoPath : repoPath === rootInRepo ? '' : repoPath.slice(rootInRepo.length + 1));

  const headCommit = await git.resolveCommit(refs.head ?? 'HEAD', 'head');
  const baseTip = await git.resolveCommit(refs.base, 'base');
  const baseCommit = await git.mergeBase(baseTip, headCommit, refs.base);

  const given = paths.length > 0 ? paths : [join(relative(cwd, config.root) || '.', config.standards)];
  const asked = given.map((path) => {
    const absolute = resolve(cwd, path);
    const rel = toRelative(config.root, absolute);
    if (rel.startsWith('..') || isAbsolute(rel)) throw new UsageError(`Path outside the repository: ${path} (the repository root is ${config.root})`);
    return rel === '' ? '' : rel;
  });
  const askedInRepo = asked.map(toRepo);
  const isAsked = (rootRelative: string): boolean =>
    asked.some((path) => path === '' || rootRelative === path || rootRelative.startsWith(`${path}/`));
  const maxFileSize = config.maxFileSize ?? SOURCE_LIMITS.maxFileSize;

  // Head: the working tree as `lint` reads it, or the head commit's tree.
  const headFolders = new Map<string, StandardDocument[]>(); // root-relative folder -> documents
  const headTargets = new Set<string>(); // root-relative paths
  let headEntries: TreeEntry[] = [];
  if (refs.head === undefined) {
    const found = discover(cwd, paths, config);
    for (const folder of found.folders) {
      const corpus = loadCorpus(folder, config.root, config.maxFileSize, true, undefined, config.process);
      headFolders.set(toRelative(config.root, folder), [...corpus.documents, ...corpus.templates]);
    }
    for (const target of found.targets) headTargets.add(toRelative(config.root, target));
  } else {
    const listed = documentEntries(await git.listTree(headCommit, askedInRepo), config.process);
    if (listed.length === 0 && paths.length > 0) {
      const missing = (await git.listTree(headCommit, askedInRepo)).length === 0;
      if (missing) throw new UsageError(`No such file or folder in \`${refs.head}\`: ${given.join(', ')}`);
    }
    const folders = [...new Set(listed.map((entry) => dirOf(entry.path)))];
    headEntries = documentEntries(await git.listTree(headCommit, folders), config.process).filter((entry) => folders.includes(dirOf(entry.path)));
    for (const entry of listed) {
      const rel = toRoot(entry.path);
      if (!config.isIgnored(rel)) headTargets.add(rel);
    }
  }

  // Base: every document in the same folders, and in folders under the asked paths.
  const baseListed = documentEntries(await git.listTree(baseCommit, askedInRepo), config.process);
  const folderSet = new Set<string>([...headFolders.keys()].map(toRepo));
  for (const entry of headEntries) folderSet.add(dirOf(entry.path));
  for (const entry of baseListed) folderSet.add(dirOf(entry.path));
  const folderList = [...folderSet].sort();
  const baseEntries =
    folderList.length === 0 ? [] : documentEntries(await git.listTree(baseCommit, folderList), config.process).filter((entry) => folderSet.has(dirOf(entry.path)));

  // Renames and copies across the whole tree, so that a document moved (or copied) into a
  // standards folder from elsewhere keeps its history instead of counting as new. Copies inside
  // a folder (a new major version made from the old one) stay new documents.
  const { renames, changed } = folderList.length === 0 ? { renames: [], changed: new Set<string>() } : await git.diff(baseCommit, refs.head === undefined ? undefined : headCommit, []);
  const insideRoot = (path: string): boolean => rootInRepo === '' || path.startsWith(`${rootInRepo}/`);
  const movedIn = renames.filter((rename) => folderSet.has(dirOf(rename.to)) && dirOf(rename.from) !== dirOf(rename.to) && insideRoot(rename.from));
  const movedFrom = movedIn.length === 0 ? [] : await git.listTree(baseCommit, movedIn.map((rename) => rename.from));
  // A base document whose path the change did not touch is the head document itself: only the
  // base versions of changed paths are read, with the head's blobs, in one `cat-file --batch`.
  const headByPath = new Map<string, StandardDocument>();
  for (const docs of headFolders.values()) for (const doc of docs) headByPath.set(doc.relPath, doc);
  const headEntryByPath = new Map(headEntries.map((entry) => [entry.path, entry]));
  const sameInHead = (entry: TreeEntry): boolean =>
    !changed.has(entry.path) && (refs.head === undefined ? headByPath.has(toRoot(entry.path)) : headEntryByPath.get(entry.path)?.oid === entry.oid);
  const baseToRead = baseEntries.filter((entry) => !sameInHead(entry));
  const blobs = await git.readBlobs([...baseToRead, ...headEntries, ...movedFrom].map((entry) => entry.oid));
  const toDocument = (entry: TreeEntry): StandardDocument => {
    const rel = toRoot(entry.path);
    const bytes = blobs.get(entry.oid) ?? Buffer.alloc(0);
    if (entry.mode === '120000') {
      return StandardDocument.unreadable(join(config.root, rel), rel, basename(rel), 'File is a symbolic link in git: not a document', config.process.naming);
    }
    return StandardDocument.fromBytes(join(config.root, rel), rel, basename(rel), bytes, maxFileSize, config.process.naming);
  };
  if (refs.head !== undefined) {
    for (const entry of headEntries) {
      const folder = toRoot(dirOf(entry.path));
      const list = headFolders.get(folder) ?? [];
      const doc = toDocument(entry);
      list.push(doc);
      headFolders.set(folder, list);
      headByPath.set(doc.relPath, doc);
    }
  }
  const baseFolders = new Map<string, StandardDocument[]>();
  for (const entry of baseEntries) {
    const folder = toRoot(dirOf(entry.path));
    const list = baseFolders.get(folder) ?? [];
    const same = sameInHead(entry) ? headByPath.get(toRoot(entry.path)) : undefined;
    list.push(same ?? toDocument(entry));
    baseFolders.set(folder, list);
  }

  const movedDocs = new Map(movedFrom.map((entry) => [entry.path, toDocument(entry)]));
  const folders: ChangedFolder[] = [];
  for (const repoFolder of folderList) {
    const folder = toRoot(repoFolder);
    const absolute = join(config.root, folder);
    const head = new Corpus(absolute, headFolders.get(folder) ?? []);
    const base = new Corpus(absolute, baseFolders.get(folder) ?? []);
    const pairs: RenamePair[] = renames
      .filter((rename) => !rename.copy && dirOf(rename.from) === repoFolder && dirOf(rename.to) === repoFolder)
      .map((rename) => ({ from: baseOf(rename.from), to: baseOf(rename.to) }));
    const into = new Map<string, StandardDocument>();
    for (const rename of movedIn) {
      const moved = movedDocs.get(rename.from);
      if (moved && dirOf(rename.to) === repoFolder) into.set(baseOf(rename.to), moved);
    }
    const outOf = new Set(movedIn.filter((rename) => !rename.copy && dirOf(rename.from) === repoFolder).map((rename) => baseOf(rename.from)));
    const change = buildChange(base, head, pairs, { into, outOf });
    const targets = head.documents.filter((doc) => headTargets.has(doc.relPath));
    const deletedTargets = change.deleted
      .map((entry) => entry.base)
      .filter((doc): doc is StandardDocument => doc !== undefined && isAsked(doc.relPath) && !config.isIgnored(doc.relPath));
    folders.push({ folder: absolute, change, targets, deletedTargets });
  }
  return { baseRef: refs.base, baseCommit, headRef: refs.head, headCommit, folders };
}

/**
 * The document numbers taken in a standards folder at a git ref (for `accept --base`: numbers
 * that the base branch gave away after the work tree's branch started).
 */
export async function numbersAt(folder: string, ref: string, names: DocumentNaming = { naming: parseFileName, isDocumentFileName: isStandardsFileName }): Promise<string[]> {
  const git = await Git.open(folder);
  const commit = await git.resolveCommit(ref, 'base');
  const inRepo = git.toRepoPath(folder);
  const numbers = new Set<string>();
  for (const entry of documentEntries(await git.listTree(commit, [inRepo]), names)) {
    if (dirOf(entry.path) !== inRepo) continue;
    const parsed = names.naming(baseOf(entry.path));
    if (parsed.ok && (parsed.name.kind === 'document' || parsed.name.kind === 'supplement')) numbers.add(parsed.name.number);
  }
  return [...numbers].sort();
}

/** The folder of a `/`-separated path ('' at the top). */
function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

function baseOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Standards documents of a listing, outside `node_modules` and dot folders. */
function documentEntries(entries: readonly TreeEntry[], names: Pick<DocumentNaming, 'isDocumentFileName'>): TreeEntry[] {
  return entries.filter((entry) => {
    const segments = entry.path.split('/');
    const name = segments.pop() ?? '';
    return names.isDocumentFileName(name) && !segments.some(SKIPPED_SEGMENTS);
  });
}

/**
 * The base of the change that a GitHub Actions run checks: on a pull request, its base branch
 * (`origin/<branch>` when the clone has it, as `actions/checkout` makes it, else `<branch>`); in
 * a merge queue (`merge_group`), the commit the queued changes are merged onto, from the event
 * payload. Undefined outside GitHub Actions and on other events.
 */
export async function githubDefaultBase(cwd: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  if (env.GITHUB_ACTIONS !== 'true') return undefined;
  if (env.GITHUB_EVENT_NAME === 'merge_group') return mergeGroupBase(env.GITHUB_EVENT_PATH);
  const branch = env.GITHUB_BASE_REF;
  if (branch === undefined || branch === '') return undefined;
  const git = await Git.open(cwd);
  return (await git.hasCommit(`origin/${branch}`)) ? `origin/${branch}` : branch;
}

/** `merge_group.base_sha` of the event payload that `GITHUB_EVENT_PATH` names. */
function mergeGroupBase(path: string | undefined): string {
  if (path === undefined || path === '') throw new UsageError('GITHUB_EVENT_PATH is not set: the base of a merge queue is read from the event payload');
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`Cannot read the event payload ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const group = typeof payload === 'object' && payload !== null ? (payload as { merge_group?: unknown }).merge_group : undefined;
  const sha = typeof group === 'object' && group !== null ? (group as { base_sha?: unknown }).base_sha : undefined;
  if (typeof sha !== 'string' || !/^[0-9a-f]{40,64}$/.test(sha)) throw new UsageError(`The event payload ${path} has no \`merge_group.base_sha\`: the base of the merge queue is unknown`);
  return sha;
}

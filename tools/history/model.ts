import { isStandardsFileName, parseFileName, type FileName, type Naming } from '../model/filename.js';
import type { LogChange, LogCommit } from '../lifecycle/git.js';
import { extendedOf, type BlobFacts } from './facts.js';

/** What a process says of file names: which files are documents, and how their names read (a `Process` is one). */
export interface DocumentNaming {
  readonly naming: Naming;
  isDocumentFileName(fileName: string): boolean;
}

/** The file names of the default process (`parseFileName`), for callers that name no other. */
const DEFAULT_NAMES: DocumentNaming = { naming: parseFileName, isDocumentFileName: isStandardsFileName };

/** What the history reads of a process: which files are documents and their names, and the field a supplement names the documents it extends in. */
export interface HistoryNames extends DocumentNaming {
  /** The field of the front matter facts (`BlobFacts`) that lists what a supplement extends (`supplements` under `scs`). */
  readonly extendedField: string | undefined;
}

/** A commit as the history shows it. */
export interface CommitRef {
  hash: string;
  /** The committer date (ISO 8601 with offset): when the commit landed on the first-parent line. */
  date: string;
  subject: string;
  /** The pull request the subject names (`... (#123)`, `Merge pull request #123 from ...`). */
  pullRequest: number | undefined;
  /** Its place on the first-parent line, 0 for the oldest commit (orders commits of the same date). */
  index: number;
}

/**
 * One event of a document's life:
 * - `added`: the document appears (with its status; `from` when it was moved or copied in from
 *   another folder, as git's rename and copy detection sees it);
 * - `status`: its status changes (`from`, `to`; undefined for no status);
 * - `renamed`: a new file name (`git mv`, or a deletion and an addition paired in one commit),
 *   `renumbered` when the number changed (a proposal accepted, a document renumbered);
 * - `supplemented`: a supplement naming it is added;
 * - `deleted`: it leaves the folder (with its last status; `to` when it was moved to another folder);
 * - `restored`: a deleted document comes back with the same content (`from`: its path before).
 */
export type HistoryEvent =
  | { kind: 'added'; commit: CommitRef; path: string; status: string | undefined; from: string | undefined }
  | { kind: 'status'; commit: CommitRef; path: string; from: string | undefined; to: string | undefined }
  | { kind: 'renamed'; commit: CommitRef; path: string; from: string; renumbered: boolean }
  | { kind: 'supplemented'; commit: CommitRef; path: string; supplement: string }
  | { kind: 'deleted'; commit: CommitRef; path: string; status: string | undefined; to: string | undefined }
  | { kind: 'restored'; commit: CommitRef; path: string; from: string };

/** One version of a document: the blob a commit gave it, and its front matter facts. */
export interface HistoryVersion {
  commit: CommitRef;
  path: string;
  oid: string;
  facts: BlobFacts;
}

/** The life of one document, across its renames. */
export interface DocumentHistory {
  /** Its path now, or its last path when it is deleted (relative to the top of the repository). */
  path: string;
  /** Whether the head commit has it. */
  exists: boolean;
  /** Every path it had, oldest first. */
  paths: string[];
  versions: HistoryVersion[];
  events: HistoryEvent[];
}

export interface History {
  /** The folder, relative to the top of the repository ('' for the top). */
  folder: string;
  /** The commit the history ends at. */
  head: string;
  /** Commits read (the first-parent line of the head). */
  commits: number;
  /** Every document the folder ever had, sorted by path. */
  documents: DocumentHistory[];
}

/**
 * The files that were renamed into a document name, directly or through earlier renames
 * (`Drafts/image-spec.md` renamed to `scs-0102-v1-image-metadata.md`): their versions before the
 * rename are the document's too. Read newest first, so that chains of renames are followed back.
 */
export function renamedIntoDocuments(commits: readonly LogCommit[], names: DocumentNaming = DEFAULT_NAMES): Set<string> {
  const tracked = new Set<string>();
  for (let index = commits.length - 1; index >= 0; index--) {
    for (const change of commits[index]?.changes ?? []) {
      if (change.status !== 'R' || change.from === undefined || documentName(change.from, names) !== undefined) continue;
      if (documentName(change.path, names) !== undefined || tracked.has(change.path)) tracked.add(change.from);
    }
  }
  return tracked;
}

/** The pull request a commit subject names: GitHub's squash `(#123)` or merge `Merge pull request #123`. */
export function pullRequestOf(subject: string): number | undefined {
  const merge = /^Merge pull request #([0-9]{1,9})\b/.exec(subject);
  if (merge?.[1]) return Number(merge[1]);
  const squash = [...subject.matchAll(/\(#([0-9]{1,9})\)/g)].pop();
  return squash?.[1] ? Number(squash[1]) : undefined;
}

export function commitRef(commit: LogCommit, index: number): CommitRef {
  return { hash: commit.hash, date: commit.date, subject: commit.subject, pullRequest: pullRequestOf(commit.subject), index };
}

/** A commit as findings name it: `1a2b3c4d (2024-03-01, #123)`. */
export function describeCommit(commit: CommitRef): string {
  return `${commit.hash.slice(0, 8)} (${commit.date.slice(0, 10)}${commit.pullRequest === undefined ? '' : `, #${commit.pullRequest}`})`;
}

/** The folder of a `/`-separated path ('' at the top). */
export function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

export function baseOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** A document file name (not a template), parsed with the process's names; undefined for any other file. */
export function documentName(path: string, names: DocumentNaming = DEFAULT_NAMES): FileName | undefined {
  const base = baseOf(path);
  if (!names.isDocumentFileName(base)) return undefined;
  const parsed = names.naming(base);
  if (!parsed.ok || parsed.name.kind === 'template') return undefined;
  return parsed.name;
}

interface Lineage extends DocumentHistory {
  /** The last readable status (what a status change is measured from). */
  lastStatus: { known: boolean; status: string | undefined };
  lastOid: string;
}

/**
 * Builds the life of every document of a folder from the first-parent log (oldest first) and
 * the facts of each blob. Pure: the log and the facts are read elsewhere (`load.ts`). Documents
 * are followed through the whole repository: one that came into the folder from another folder
 * under a document name (`Decisions/scs-0210-v1-...`) has its life there too; one that came from
 * a file of another name (`Drafts/flavor-naming.md`) starts with its arrival (`from`).
 *
 * Renames are git's (`-M` in the same `git log`); a deletion and an addition that git leaves
 * unpaired in one commit are paired when the content is identical, when they share number and
 * version (a changed slug), or when they share slug and version and the number changed or one
 * is a proposal (an acceptance or a renumbering), as `lint --base` pairs them. A document added
 * with the content another one had when it was deleted in an earlier commit is that document,
 * restored.
 */
export function buildHistory(
  commits: readonly LogCommit[],
  folder: string,
  factsOf: (oid: string) => BlobFacts | undefined,
  names: HistoryNames,
  tracked: ReadonlySet<string> = new Set(),
): History {
  const nameOf = (path: string): FileName | undefined => documentName(path, names);
  const live = new Map<string, Lineage>();
  const all: Lineage[] = [];
  const deletedByOid = new Map<string, Lineage>();
  const facts = (oid: string): BlobFacts => factsOf(oid) ?? { readable: false };
  // Every document of the repository is followed, so that a document moved into the folder keeps the life it had before.
  const inFolder = (path: string | undefined): boolean => path !== undefined && (nameOf(path) !== undefined || tracked.has(path));

  const addVersion = (lineage: Lineage, commit: CommitRef, path: string, oid: string, statusEvent: boolean): void => {
    const blob = facts(oid);
    lineage.versions.push({ commit, path, oid, facts: blob });
    lineage.lastOid = oid;
    if (!blob.readable) return;
    // A status that follows versions without a readable front matter (a draft under another name) is a change too.
    const changed = lineage.lastStatus.known ? lineage.lastStatus.status !== blob.status : lineage.versions.length > 1 && blob.status !== undefined;
    if (statusEvent && changed) {
      lineage.events.push({ kind: 'status', commit, path, from: lineage.lastStatus.status, to: blob.status });
    }
    lineage.lastStatus = { known: true, status: blob.status };
  };
  const moveTo = (lineage: Lineage, path: string): void => {
    lineage.path = path;
    if (lineage.paths[lineage.paths.length - 1] !== path) lineage.paths.push(path);
    live.set(path, lineage);
  };

  for (const [index, logCommit] of commits.entries()) {
    const commit = commitRef(logCommit, index);
    const relevant = logCommit.changes.filter((change) => inFolder(change.path) || inFolder(change.from));
    if (relevant.length === 0) continue;
    const added: LogChange[] = [];
    const deleted: { change: LogChange; lineage: Lineage | undefined }[] = [];
    const modified: LogChange[] = [];
    // Renames first: a rename inside the folder moves the lineage; out of it is a deletion, into it an addition.
    for (const change of relevant) {
      if (change.status === 'R' && change.from !== undefined) {
        const fromIn = inFolder(change.from);
        const toIn = inFolder(change.path);
        if (fromIn && toIn) {
          const lineage = live.get(change.from);
          if (!lineage) {
            added.push({ ...change, status: 'A', from: undefined });
            continue;
          }
          live.delete(change.from);
          moveTo(lineage, change.path);
          lineage.events.push({ kind: 'renamed', commit, path: change.path, from: change.from, renumbered: isRenumbering(change.from, change.path, names) });
          addVersion(lineage, commit, change.path, change.oid, true);
        } else if (fromIn) {
          deleted.push({ change: { ...change, status: 'D', path: change.from, from: change.path }, lineage: live.get(change.from) });
        } else {
          added.push({ ...change, status: 'A' });
        }
      } else if (change.status === 'D') deleted.push({ change, lineage: live.get(change.path) });
      // A copy inside the folder (a new major version made from the old one) is a new document.
      else if (change.status === 'A') added.push(change.from !== undefined && dirOf(change.from) === dirOf(change.path) ? { ...change, from: undefined } : change);
      else modified.push(change);
    }
    for (const change of modified) {
      const lineage = live.get(change.path);
      if (lineage) addVersion(lineage, commit, change.path, change.oid, true);
      else added.push({ ...change, status: 'A' });
    }
    // Deletions and additions that git did not pair.
    const unpairedAdds = added.filter((change) => change.from === undefined);
    const pairs = pairDeletions(
      deleted.filter((entry) => entry.change.from === undefined),
      unpairedAdds,
      names,
    );
    for (const [entry, change] of pairs) {
      const lineage = entry.lineage;
      if (!lineage) continue;
      live.delete(entry.change.path);
      moveTo(lineage, change.path);
      lineage.events.push({ kind: 'renamed', commit, path: change.path, from: entry.change.path, renumbered: isRenumbering(entry.change.path, change.path, names) });
      addVersion(lineage, commit, change.path, change.oid, true);
    }
    const pairedDeletions = new Set(pairs.map(([entry]) => entry));
    const pairedAdds = new Set(pairs.map(([, change]) => change));
    for (const entry of deleted) {
      if (pairedDeletions.has(entry)) continue;
      const lineage = entry.lineage;
      if (!lineage) continue;
      live.delete(entry.change.path);
      lineage.exists = false;
      lineage.events.push({ kind: 'deleted', commit, path: entry.change.path, status: lineage.lastStatus.status, to: entry.change.from });
      if (lineage.lastOid !== '') deletedByOid.set(lineage.lastOid, lineage);
    }
    for (const change of added) {
      if (pairedAdds.has(change)) continue;
      const restored = change.from === undefined ? deletedByOid.get(change.oid) : undefined;
      if (restored && !restored.exists && restored.lastOid === change.oid) {
        deletedByOid.delete(change.oid);
        const from = restored.path;
        restored.exists = true;
        moveTo(restored, change.path);
        restored.events.push({ kind: 'restored', commit, path: change.path, from });
        addVersion(restored, commit, change.path, change.oid, true);
        continue;
      }
      const existing = live.get(change.path);
      if (existing) {
        // The path already holds a document (a type change, or a log that repeats an addition).
        addVersion(existing, commit, change.path, change.oid, true);
        continue;
      }
      const lineage: Lineage = { path: change.path, exists: true, paths: [], versions: [], events: [], lastStatus: { known: false, status: undefined }, lastOid: '' };
      moveTo(lineage, change.path);
      all.push(lineage);
      addVersion(lineage, commit, change.path, change.oid, false);
      lineage.events.push({ kind: 'added', commit, path: change.path, status: lineage.lastStatus.status, from: change.from });
      const name = nameOf(change.path);
      if (name?.kind === 'supplement') supplemented(lineage, name, commit, live, names);
    }
  }
  const first = (doc: DocumentHistory): string => doc.events[0]?.commit.date ?? '';
  // The folder's documents: those that were in it at some time; one moved out no longer exists in it.
  const documents = all
    .filter((lineage) => lineage.paths.some((path) => dirOf(path) === folder))
    .map(({ lastStatus: _status, lastOid: _oid, ...history }): DocumentHistory => ({ ...history, exists: history.exists && dirOf(history.path) === folder }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : first(a) < first(b) ? -1 : first(a) > first(b) ? 1 : 0));
  return { folder, head: commits[commits.length - 1]?.hash ?? '', commits: commits.length, documents };
}

/** Whether a rename changes the number: both names have one (a proposal's `xxxx` included), and they differ. */
function isRenumbering(from: string, to: string, names: DocumentNaming): boolean {
  const before = documentName(from, names)?.number;
  const after = documentName(to, names)?.number;
  return before !== undefined && after !== undefined && before !== after;
}

/** Records the new supplement on each document it names (by file name; by number when it names none). */
function supplemented(supplement: Lineage, name: FileName, commit: CommitRef, live: ReadonlyMap<string, Lineage>, names: HistoryNames): void {
  const last = supplement.versions[supplement.versions.length - 1]?.facts;
  const named = last === undefined ? undefined : extendedOf(last, names.extendedField);
  const targets = new Set<Lineage>();
  for (const lineage of live.values()) {
    if (lineage === supplement) continue;
    const other = documentName(lineage.path, names);
    if (!other || other.kind !== 'document' || dirOf(lineage.path) !== dirOf(supplement.path)) continue;
    if (named !== undefined && named.length > 0 ? named.includes(baseOf(lineage.path)) : other.number === name.number) targets.add(lineage);
  }
  for (const lineage of [...targets].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    lineage.events.push({ kind: 'supplemented', commit, path: lineage.path, supplement: supplement.path });
  }
}

/**
 * Pairs deletions with additions of one commit that git did not see as renames: identical
 * content, then the same number and version, then the same slug and version where the number
 * changed or one side is a proposal.
 */
function pairDeletions<T extends { change: LogChange }>(deleted: readonly T[], added: readonly LogChange[], names: DocumentNaming): [T, LogChange][] {
  const pairs: [T, LogChange][] = [];
  const freeDeleted = new Set(deleted);
  const freeAdded = new Set(added);
  const pass = (match: (before: LogChange, after: LogChange) => boolean): void => {
    for (const entry of [...freeDeleted]) {
      const candidates = [...freeAdded].filter((change) => match(entry.change, change));
      const [only] = candidates;
      if (candidates.length !== 1 || !only) continue;
      pairs.push([entry, only]);
      freeDeleted.delete(entry);
      freeAdded.delete(only);
    }
  };
  pass((before, after) => before.oldOid !== '' && before.oldOid === after.oid);
  pass((before, after) => {
    const a = documentName(before.path, names);
    const b = documentName(after.path, names);
    return a !== undefined && b !== undefined && a.numeric !== undefined && a.id === b.id;
  });
  pass((before, after) => {
    const a = documentName(before.path, names);
    const b = documentName(after.path, names);
    if (!a || !b || a.slug !== b.slug || a.letter !== b.letter || a.version !== b.version) return false;
    return a.number !== b.number || a.kind === 'proposal' || b.kind === 'proposal';
  });
  return pairs;
}

import type { FileResult } from '../engine/result.js';
import { isTouched, type ChangeKind, type DocumentChange } from '../model/change.js';
import type { StandardDocument } from '../model/document.js';
import type { Process } from '../profile/process.js';
import { trackOfNumber } from '../profile/tracks.js';
import type { LoadedChange } from './load.js';

export interface ReviewDocument {
  kind: ChangeKind;
  /** Path relative to the repository root (the old path of a deleted document). */
  path: string;
  /** `scs-0103-v1`, when the file name has a number and version. */
  id: string | null;
  fileName: string;
  /** The file name in the base, for renamed and deleted documents. */
  previousFileName: string | null;
  /** Whether a proposal was accepted (renamed from `xxxx` to a number). */
  accepted: boolean;
  title: string | null;
  type: string | null;
  /**
   * What decides who approves: the value of the first of the profile's `review.approvals.by`
   * fields the document has (its track in the default process; the category, else the type, of
   * an EIP).
   */
  track: string | null;
  statusBefore: string | null;
  statusAfter: string | null;
  /** Date fields set or changed by the change, with their new values. */
  dates: { field: string; value: string }[];
}

export interface ReviewFinding {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  ruleId: string;
  message: string;
  /** Whether the base version of the document already had the finding (then it is a warning). */
  preExisting: boolean;
}

export interface ReviewApproval {
  group: string;
  tracks: string[];
  documents: string[];
}

export interface Review {
  base: string;
  baseCommit: string;
  /** The head ref, or `null` for the working tree. */
  head: string | null;
  headCommit: string;
  documents: ReviewDocument[];
  /** Errors anywhere, and warnings in the documents the change touched. */
  findings: ReviewFinding[];
  errorCount: number;
  warningCount: number;
  /** Warnings in documents the change did not touch (legacy problems), counted only. */
  untouchedWarningCount: number;
  approvals: ReviewApproval[];
}

/** What a reviewer needs to know about a change, as data. */
export function buildReview(loaded: LoadedChange, results: readonly FileResult[], approvals: Readonly<Record<string, readonly string[]>>, process: Process): Review {
  const documents = loaded.folders.flatMap((folder) => folder.change.documents.filter(isTouched).map((entry) => describe(entry, process)));
  documents.sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
  const touched = new Set(documents.map((doc) => doc.path));
  let untouchedWarningCount = 0;
  const findings: ReviewFinding[] = results.flatMap((result) =>
    result.messages.filter((finding) => {
      if (finding.severity === 2 || touched.has(result.relPath)) return true;
      untouchedWarningCount++;
      return false;
    }).map((finding) => ({
      file: result.relPath,
      line: finding.line,
      column: finding.column,
      severity: finding.severity === 2 ? ('error' as const) : ('warning' as const),
      ruleId: finding.ruleId,
      message: finding.message,
      preExisting: finding.preExisting === true,
    })),
  );
  const byGroup = new Map<string, ReviewApproval>();
  for (const doc of documents) {
    const track = doc.track;
    const own = track !== null && Object.hasOwn(approvals, track) ? (approvals[track] ?? []) : [];
    const always = process.profile.review.approvals.always ?? [];
    const what = process.profile.review.approvals.by[0] ?? 'value';
    const groups = [...own, ...always.filter((group) => !own.includes(group))];
    for (const group of own.length > 0 ? groups : [`(no group for ${what} ${track ?? 'unknown'})`, ...always]) {
      const entry = byGroup.get(group) ?? { group, tracks: [], documents: [] };
      if (track !== null && !entry.tracks.includes(track)) entry.tracks.push(track);
      entry.documents.push(doc.id ?? doc.fileName);
      byGroup.set(group, entry);
    }
  }
  return {
    base: loaded.baseRef,
    baseCommit: loaded.baseCommit,
    head: loaded.headRef ?? null,
    headCommit: loaded.headCommit,
    documents,
    findings,
    errorCount: findings.filter((finding) => finding.severity === 'error').length,
    warningCount: findings.filter((finding) => finding.severity === 'warning').length,
    untouchedWarningCount,
    approvals: [...byGroup.values()].sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0)),
  };
}

function describe(entry: DocumentChange, process: Process): ReviewDocument {
  const doc = (entry.head ?? entry.base) as StandardDocument;
  const base = entry.base;
  const dates: { field: string; value: string }[] = [];
  if (entry.head) {
    for (const field of process.profile.review.shows ?? (process.profile.dates ?? []).map((date) => date.field)) {
      const value = entry.head.frontMatter.data[field];
      if (value === undefined || value === null) continue;
      const before = base?.frontMatter.data[field];
      if (before !== undefined && String(before) === String(value)) continue;
      dates.push({ field, value: String(value) });
    }
  }
  const name = doc.name;
  const track = process.profile.tracks !== undefined ? trackOf(doc, process) : approvalKey(doc, process);
  return {
    kind: entry.kind,
    path: doc.relPath,
    id: name && name.numeric !== undefined && (name.version !== undefined || process.profile.index.versions !== true) ? name.id : null,
    fileName: doc.fileName,
    previousFileName: entry.kind === 'renamed' ? (base?.fileName ?? null) : null,
    accepted: entry.kind === 'renamed' && base?.name?.kind === 'proposal' && name?.numeric !== undefined,
    title: doc.title ?? null,
    type: doc.type ?? null,
    track: track ?? null,
    statusBefore: base?.status ?? null,
    statusAfter: entry.head?.status ?? null,
    dates,
  };
}

/** The track of a document in a profile with tracks: its valid track field, else the track its number names. */
function trackOf(doc: StandardDocument, process: Process): string | undefined {
  const tracks = process.profile.tracks;
  const own = tracks === undefined ? undefined : doc.string(tracks.field);
  if (own !== undefined && tracks?.values.some((value) => value.name === own)) return own;
  return doc.name ? trackOfNumber(process.profile, doc.name.number) : undefined;
}

/** The value of the first of the profile's `review.approvals.by` fields that the document gives. */
function approvalKey(doc: StandardDocument, process: Process): string | undefined {
  for (const field of process.profile.review.approvals.by) {
    const value = doc.string(field)?.trim();
    if (value) return value;
  }
  return undefined;
}

/** The approval table: the profile's groups (`review.approvals.groups`), with the configuration's entries in their place. */
export function approvalTable(configured: unknown, process: Process): Record<string, readonly string[]> {
  const table: Record<string, readonly string[]> = { ...process.profile.review.approvals.groups };
  if (typeof configured === 'object' && configured !== null) {
    for (const [track, value] of Object.entries(configured)) {
      if (typeof value === 'string') table[track] = [value];
      else if (Array.isArray(value)) table[track] = value.filter((item): item is string => typeof item === 'string');
    }
  }
  return table;
}

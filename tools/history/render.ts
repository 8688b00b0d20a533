import { sanitizeForTerminal } from '../reporters/sanitize.js';
import { baseOf, dirOf, documentName, type CommitRef, type DocumentNaming, type DocumentHistory, type History, type HistoryEvent } from './model.js';

/** The JSON form of an event (`schemas/history.schema.json`): the commit's fields, then the event's own. */
export type JsonEvent = {
  kind: HistoryEvent['kind'];
  commit: string;
  date: string;
  subject: string;
  pull_request: number | null;
  path: string;
} & Record<string, string | number | boolean | null>;

export interface JsonDocument {
  path: string;
  id: string | null;
  exists: boolean;
  paths: string[];
  events: JsonEvent[];
}

export interface JsonHistory {
  folder: string;
  head: string;
  commits: number;
  first_parent: true;
  since: string | null;
  until: string | null;
  documents: JsonDocument[];
}

function commitFields(commit: CommitRef): { commit: string; date: string; subject: string; pull_request: number | null } {
  return { commit: commit.hash, date: commit.date, subject: commit.subject, pull_request: commit.pullRequest ?? null };
}

export function jsonEvent(event: HistoryEvent): JsonEvent {
  const common = { kind: event.kind, ...commitFields(event.commit), path: event.path };
  switch (event.kind) {
    case 'added':
      return { ...common, status: event.status ?? null, from: event.from ?? null };
    case 'status':
      return { ...common, from: event.from ?? null, to: event.to ?? null };
    case 'renamed':
      return { ...common, from: event.from, renumbered: event.renumbered };
    case 'supplemented':
      return { ...common, supplement: event.supplement };
    case 'deleted':
      return { ...common, status: event.status ?? null, to: event.to ?? null };
    case 'restored':
      return { ...common, from: event.from };
  }
}

/** The id of a document's path, read with the process's file names. */
export function idOf(path: string, names: DocumentNaming): string | null {
  return documentName(path, names)?.id ?? null;
}

export function toJson(history: History, documents: readonly DocumentHistory[], window: { since: string | null; until: string | null }, names: DocumentNaming): JsonHistory {
  return {
    folder: history.folder,
    head: history.head,
    commits: history.commits,
    first_parent: true,
    since: window.since,
    until: window.until,
    documents: documents.map((doc) => ({ path: doc.path, id: idOf(doc.path, names), exists: doc.exists, paths: doc.paths, events: doc.events.map(jsonEvent) })),
  };
}

function describe(event: HistoryEvent): string {
  switch (event.kind) {
    case 'added':
      return `${event.status ?? '(no status)'}${event.from ? `, from ${event.from}` : ''}`;
    case 'status':
      return `${event.from ?? '(none)'} -> ${event.to ?? '(none)'}`;
    case 'renamed':
      return `from ${dirOf(event.from) === dirOf(event.path) ? baseOf(event.from) : event.from}${event.renumbered ? ' (renumbered)' : ''}`;
    case 'supplemented':
      return baseOf(event.supplement);
    case 'deleted':
      return `was ${event.status ?? '(no status)'}${event.to ? `, moved to ${event.to}` : ''}`;
    case 'restored':
      return `from ${event.from}`;
  }
}

/**
 * The readable table: each document with its path and id, then one line per event: date,
 * short commit, pull request, kind, what happened, subject. Everything from git is escaped for
 * the terminal.
 */
export function toText(documents: readonly DocumentHistory[], names: DocumentNaming): string {
  let out = '';
  for (const doc of documents) {
    const id = idOf(doc.path, names);
    const notes = [id, doc.exists ? undefined : 'deleted'].filter((note): note is string => note !== undefined && note !== null);
    out += `${sanitizeForTerminal(doc.path)}${notes.length > 0 ? `  (${notes.join(', ')})` : ''}\n`;
    const rows = doc.events.map((event) => [
      event.commit.date.slice(0, 10),
      event.commit.hash.slice(0, 8),
      event.commit.pullRequest === undefined ? '' : `#${event.commit.pullRequest}`,
      event.kind,
      sanitizeForTerminal(describe(event)),
      sanitizeForTerminal(event.commit.subject),
    ]);
    const widths = [0, 1, 2, 3, 4].map((column) => Math.max(0, ...rows.map((row) => (row[column] ?? '').length)));
    for (const row of rows) {
      out += `  ${row
        .map((cell, column) => (column < 5 ? cell.padEnd(widths[column] ?? 0) : cell))
        .join('  ')
        .trimEnd()}\n`;
    }
    out += '\n';
  }
  return out;
}

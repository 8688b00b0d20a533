import { realpathSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { compareDates, isIsoDate } from '../model/dates.js';
import type { Corpus } from '../model/corpus.js';
import type { StandardDocument } from '../model/document.js';
import { loadConfig, toRelative, type ResolvedConfig } from '../engine/config.js';
import { loadCorpus } from '../engine/load.js';
import { idExamples } from '../profile/written-names.js';
import { rulesById } from '../rules/index.js';
import { isEditable } from './editor.js';
import { orList } from '../model/words.js';

/** Bad input to an authoring command: exit code 2 with this message, and nothing written. */
export class AuthoringError extends Error {
  override readonly name = 'AuthoringError';
}

/** What every authoring command works on: the configuration and the standards folder. */
export interface Workspace {
  cwd: string;
  config: ResolvedConfig;
  /** Absolute path of the standards folder. */
  folder: string;
  corpus: Corpus;
}

export function openWorkspace(cwd: string, configFile?: string): Workspace {
  const config = loadConfig(cwd, rulesById, configFile);
  const folder = resolve(config.root, config.standards);
  if (!isFolder(folder)) {
    throw new AuthoringError(`No standards folder: ${config.standards} does not exist (set \`standards\` in the configuration)`);
  }
  return { cwd, config, folder, corpus: loadCorpus(folder, config.root, config.maxFileSize, false, undefined, config.process) };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A path relative to the repository root, as messages show it. */
export function shown(ws: Workspace, path: string): string {
  return toRelative(ws.config.root, path);
}

/**
 * The document a user named: a path, a file name, an id or one of the profile's short forms of
 * one (`scs-0100-v3`, `0100-v3`; a proposal: `xxxx-v1`). Unknown and ambiguous names are errors
 * that say what exists.
 */
export function findDocument(ws: Workspace, ref: string): StandardDocument {
  const { profile, names } = ws.config.process;
  const base = ref.split(/[\\/]/).pop() ?? ref;
  const id = base.endsWith('.md') ? undefined : names.idOfRef(base);
  const normalized = base.endsWith('.md') ? { fileName: base } : id !== undefined ? { id } : undefined;
  const folderShown = shown(ws, ws.folder) || '.';
  if (!normalized) {
    const examples = idExamples(profile, names);
    throw new AuthoringError(`\`${ref}\` names no document: give a path, a file name${examples.length > 0 ? `, or an id such as ${orList(examples)}` : ''}`);
  }
  if ('fileName' in normalized) {
    if (/[\\/]/.test(ref)) {
      const path = resolve(ws.cwd, ref);
      if (realFolder(dirname(path)) !== realFolder(ws.folder)) {
        throw new AuthoringError(`\`${ref}\` is not in the standards folder ${folderShown}`);
      }
    }
    const doc = ws.corpus.byFileName(normalized.fileName);
    if (!doc) {
      const template = ws.corpus.templates.some((candidate) => candidate.fileName === normalized.fileName);
      throw new AuthoringError(template ? `\`${ref}\` is a template, not a document` : `No document \`${normalized.fileName}\` in ${folderShown}`);
    }
    return doc;
  }
  const wanted = normalized.id.toLowerCase();
  const matches = ws.corpus.documents.filter((doc) => doc.name?.id.toLowerCase() === wanted);
  const [only] = matches;
  if (matches.length === 1 && only) return only;
  if (matches.length === 0) throw new AuthoringError(`No document \`${normalized.id}\` in ${folderShown}`);
  throw new AuthoringError(
    `\`${ref}\` is ambiguous: it names ${matches.map((doc) => `\`${doc.fileName}\``).join(', ')}; give the file name`,
  );
}

function realFolder(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * Refuses a document that cannot be changed safely: unreadable, or with a front matter that
 * does not parse to fields. The message points at the problem.
 */
export function requireEditable(ws: Workspace, doc: StandardDocument): void {
  const where = shown(ws, doc.source.path);
  if (doc.readProblem) throw new AuthoringError(`${where}: ${doc.readProblem.message}`);
  const duplicate = doc.frontMatter.problems.find((problem) => problem.kind === 'duplicate-key');
  if (!isEditable(doc.frontMatter) || duplicate) {
    const problem = duplicate ?? doc.frontMatter.problems[0];
    const point = doc.source.lines.point(problem?.range.start ?? 0);
    throw new AuthoringError(
      `${where}:${point.line}:${point.column}: the front matter cannot be changed: ${problem?.message ?? 'it is not a mapping of fields'} (fix it first; \`scs-standards lint\` shows every problem)`,
    );
  }
}

/** A `--date` value: an ISO date that exists in the calendar. */
export function parseDate(value: string, flag = '--date'): string {
  if (!isIsoDate(value)) throw new AuthoringError(`${flag} \`${value}\` is not a date: expected YYYY-MM-DD, a day that exists in the calendar`);
  return value;
}

/** Refuses a date for `field` that lies before a date (of the profile's `dates`) the document already has. */
export function requireNotBefore(ws: Workspace, doc: StandardDocument, field: string, date: string): void {
  for (const other of (ws.config.process.profile.dates ?? []).map((entry) => entry.field)) {
    if (other === field) continue;
    const existing = doc.date(other);
    if (existing !== undefined && compareDates(date, existing) < 0) {
      throw new AuthoringError(
        `${shown(ws, doc.source.path)}: \`${field}\` ${date} would be before its \`${other}\` ${existing}: a document's dates follow its lifecycle`,
      );
    }
  }
}

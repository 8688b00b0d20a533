import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { isStandardsFileName } from '../model/filename.js';
import { toRelative, type ResolvedConfig } from './config.js';

/** A problem with the paths given on the command line: exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The folders whose documents form corpora, and the files to report on. */
export interface Discovery {
  /** Absolute paths of standards folders, each a corpus. */
  folders: string[];
  /** Absolute paths of the documents to report on. */
  targets: Set<string>;
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/**
 * Resolves command-line paths: a file is reported on and its folder becomes a corpus; a folder
 * is searched for `scs-*.md` files, each folder that holds some becoming a corpus.
 */
export function discover(cwd: string, paths: readonly string[], config: ResolvedConfig): Discovery {
  const given = paths.length > 0 ? paths : [join(relative(cwd, config.root) || '.', config.standards)];
  const folders = new Set<string>();
  const targets = new Set<string>();
  const rootReal = safeRealpath(config.root) ?? config.root;
  for (const path of given) {
    const absolute = resolve(cwd, path);
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      throw new UsageError(paths.length > 0 ? `No such file or folder: ${path}` : `No standards folder: ${path} does not exist (give paths, or set \`standards\` in the configuration)`);
    }
    const real = safeRealpath(absolute) ?? absolute;
    if (!isInside(rootReal, real)) {
      throw new UsageError(`Path outside the repository: ${path} (the repository root is ${config.root})`);
    }
    if (stats.isFile()) {
      if (!isStandardsFileName(basename(absolute))) continue;
      folders.add(dirname(absolute));
      if (!config.isIgnored(toRelative(config.root, absolute))) targets.add(absolute);
    } else if (stats.isDirectory()) {
      walk(absolute, config, folders, targets, new Set());
    }
  }
  return { folders: [...folders].sort(), targets };
}

function walk(folder: string, config: ResolvedConfig, folders: Set<string>, targets: Set<string>, visited: Set<string>): void {
  const real = safeRealpath(folder);
  if (real === undefined || visited.has(real)) return;
  visited.add(real);
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return; // an unreadable folder holds nothing we can lint
  }
  let hasDocuments = false;
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_FOLDERS.has(entry.name) || entry.name.startsWith('.')) continue;
      if (config.isIgnored(`${toRelative(config.root, path)}/`) || config.isIgnored(toRelative(config.root, path))) continue;
      walk(path, config, folders, targets, visited);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && isStandardsFileName(entry.name)) {
      hasDocuments = true;
      if (!config.isIgnored(toRelative(config.root, path))) targets.add(path);
    }
  }
  if (hasDocuments) folders.add(folder);
}

/** The `scs-*.md` files directly inside a standards folder (symlinks that lead to files included). */
export function listDocuments(folder: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && isStandardsFileName(entry.name))
    .map((entry) => join(folder, entry.name))
    .sort();
}

function safeRealpath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
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
  /** Absolute paths of the certificate-scope files to report on, sorted. */
  scopes: string[];
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/**
 * Resolves command-line paths: a file is reported on and its folder becomes a corpus; a folder
 * is searched for `scs-*.md` files, each folder that holds some becoming a corpus. Certificate-scope
 * files are the files the configured `scopes` globs match: all of them without paths, else those
 * named or inside a named folder.
 */
export function discover(cwd: string, paths: readonly string[], config: ResolvedConfig): Discovery {
  const given = paths.length > 0 ? paths : [join(relative(cwd, config.root) || '.', config.standards)];
  const folders = new Set<string>();
  const targets = new Set<string>();
  let scopeFiles: string[] | undefined;
  const allScopeFiles = (): string[] => (scopeFiles ??= findScopeFiles(config));
  const scopes = new Set<string>(paths.length > 0 ? [] : allScopeFiles());
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
      if (!config.process.isDocumentFileName(basename(absolute))) {
        if (/\.ya?ml$/i.test(absolute) && allScopeFiles().includes(absolute)) scopes.add(absolute);
        continue;
      }
      folders.add(dirname(absolute));
      if (!config.isIgnored(toRelative(config.root, absolute))) targets.add(absolute);
    } else if (stats.isDirectory()) {
      walk(absolute, config, folders, targets, new Set());
      for (const file of allScopeFiles()) if (isInside(absolute, file)) scopes.add(file);
    }
  }
  return { folders: [...folders].sort(), targets, scopes: [...scopes].sort() };
}

/**
 * The certificate-scope files the configured globs match, as absolute paths, sorted. Paths that
 * `ignores` names are left out, unless `includeIgnored` is set (the index shows every scope:
 * `ignores` only silences lint findings).
 */
export function findScopeFiles(config: ResolvedConfig, options: { includeIgnored?: boolean } = {}): string[] {
  if (config.scopes.length === 0) return [];
  return globSync([...config.scopes], {
    cwd: config.root,
    absolute: true,
    onlyFiles: true,
    followSymbolicLinks: false,
    ignore: ['**/node_modules/**', '**/.git/**'],
  })
    .map((file) => resolve(file))
    .filter((file) => options.includeIgnored === true || !config.isIgnored(toRelative(config.root, file)))
    .sort();
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
    } else if ((entry.isFile() || entry.isSymbolicLink()) && config.process.isDocumentFileName(entry.name)) {
      hasDocuments = true;
      if (!config.isIgnored(toRelative(config.root, path))) targets.add(path);
    }
  }
  if (hasDocuments) folders.add(folder);
}

/**
 * The document files directly inside a standards folder (symlinks that lead to files included):
 * those `isDocument` takes, the default process's documents when it is not given.
 */
export function listDocuments(folder: string, isDocument: (fileName: string) => boolean = isStandardsFileName): string[] {
  const prefix = folderPrefix(folder);
  return listDocumentNames(folder, isDocument).map((name) => prefix + name);
}

/** The file names of `listDocuments`, sorted. */
export function listDocumentNames(folder: string, isDocument: (fileName: string) => boolean = isStandardsFileName): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  const names: string[] = [];
  for (const entry of entries) if ((entry.isFile() || entry.isSymbolicLink()) && isDocument(entry.name)) names.push(entry.name);
  return names.sort();
}

/** The path of a folder as `join` makes it, with the separator after it: a file name appended is `join(folder, name)`. */
export function folderPrefix(folder: string): string {
  return join(folder, 'x').slice(0, -1);
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

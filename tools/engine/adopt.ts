import { defaultProcess } from '../profile/process.js';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseFileName } from '../model/filename.js';
import { rulesById } from '../rules/index.js';
import { CONFIG_FILE_NAMES, findRoot, loadConfig, ResolvedConfig, toRelative, type RawConfig } from './config.js';
import { DEFAULT_CACHE_FILE } from './cache.js';
import { UsageError } from './discover.js';
import { lintWithConfig, type LintRun } from './run.js';
import { applySuppressions, countEntries, DEFAULT_SUPPRESSIONS_FILE, formatSuppressions, loadSuppressions, suppress, type Suppressions } from './suppressions.js';
import { templatesIn } from './templates.js';

/**
 * `scs-standards init`: what adopting the toolkit in an existing standards repository takes.
 * Everything is computed first (nothing is written here): the configuration (kept when one
 * exists), the baseline of today's errors in the suppressions file, and the cache file in
 * `.gitignore`. The command shows or writes it and prints the hook setup that fits the repository.
 */
export interface AdoptionPlan {
  root: string;
  config: ResolvedConfig;
  /** The configuration file: kept as it is, or to be created with this text. */
  configFile: { path: string; existing: boolean; text?: string | undefined };
  /** The documents folder, relative to the root, and how many documents it holds. */
  standards: string;
  documents: number;
  /** The folders (relative) that hold templates the repository keeps, and what they hold. */
  templates: { folder: string; files: string[] }[];
  baseline: Baseline;
  gitignore: FileUpdate;
  /** The files the plan writes, in order. */
  writes: FileUpdate[];
}

/** A text file's content before (undefined: no file) and after the adoption. */
export interface FileUpdate {
  path: string;
  before: string | undefined;
  after: string;
}

export interface Baseline {
  file: FileUpdate;
  /** Whether the file changes (errors that the existing counts do not cover). */
  changes: boolean;
  /** Errors per rule that the whole baseline counts, after the adoption. */
  byRule: Map<string, number>;
  files: number;
  /** Errors that the run found and no count covered before (recorded now). */
  added: number;
  /** Counts of the existing file that match no error any more. */
  unused: number;
  /** Warnings the run found (never recorded). */
  warnings: number;
}

export const CONFIG_SCHEMA_PATH = 'node_modules/scs-standards/schemas/config.schema.json';
const SCHEMA_ID = 'https://github.com/SovereignCloudStack/scs-standards/raw/main/schemas/config.schema.json';

export function planAdoption(cwd: string): AdoptionPlan {
  const { root, configFile: existingFile } = findRoot(cwd);
  let config: ResolvedConfig;
  let configFile: AdoptionPlan['configFile'];
  if (existingFile) {
    config = loadConfig(root, rulesById);
    configFile = { path: existingFile, existing: true };
  } else {
    const standards = findStandardsFolder(root);
    const raw: RawConfig = { $schema: schemaReference(root), standards };
    const templateFolder = repositoryTemplateFolder(root, standards);
    if (templateFolder !== undefined) raw.templates = templateFolder;
    const path = join(root, CONFIG_FILE_NAMES[0]);
    config = new ResolvedConfig(root, path, raw, rulesById);
    configFile = { path, existing: false, text: `${JSON.stringify(raw, null, 2)}\n` };
  }
  const folder = resolve(root, config.standards);
  if (!isFolder(folder)) throw new UsageError(`No standards folder: ${config.standards} does not exist (set \`standards\` in ${toRelative(root, configFile.path)})`);
  const run = lintWithConfig(config, { cwd: root, paths: [] });
  if (run.failures.length > 0) {
    const failure = run.failures[0];
    throw new Error(`Internal error in rule ${failure?.ruleId ?? '?'} on ${failure?.file ?? '?'}: ${failure?.error instanceof Error ? failure.error.message : String(failure?.error)}`);
  }
  const documents = run.corpora.find((corpus) => corpus.folder === folder)?.documents.length ?? 0;
  const baseline = planBaseline(root, run);
  const gitignore = planGitignore(root);
  const writes: FileUpdate[] = [];
  if (configFile.text !== undefined) writes.push({ path: configFile.path, before: undefined, after: configFile.text });
  if (baseline.changes) writes.push(baseline.file);
  if (gitignore.before !== gitignore.after) writes.push(gitignore);
  return {
    root,
    config,
    configFile,
    standards: config.standards,
    documents,
    templates: templateFolders(root, config.standards),
    baseline,
    gitignore,
    writes,
  };
}

/**
 * The documents folder: `Standards/` when it exists, else the one folder at the top of the
 * repository that holds `scs-NNNN-vM-*.md` documents.
 */
function findStandardsFolder(root: string): string {
  if (isFolder(join(root, 'Standards'))) return 'Standards';
  const candidates = readdirSafe(root)
    .filter((name) => !name.startsWith('.') && name !== 'node_modules' && isFolder(join(root, name)))
    .filter((name) => readdirSafe(join(root, name)).some(isDocumentName))
    .sort();
  if (candidates.length === 1 && candidates[0] !== undefined) return candidates[0];
  if (candidates.length === 0) {
    const { profile } = defaultProcess();
    throw new UsageError(`No standards documents found: expected a ${profile.folder ?? 'documents'}/ folder of ${profile.fileNames.documents} files (such as ${profile.fileNames.kinds[0]?.example ?? profile.fileNames.documents}) at the repository root`);
  }
  throw new UsageError(`Several folders hold standards documents (${candidates.join(', ')}): create .scs-standards.json with \`"standards": "<folder>"\` and run init again`);
}

function isDocumentName(fileName: string): boolean {
  const parsed = parseFileName(fileName);
  return parsed.ok && parsed.problems.length === 0 && (parsed.name.kind === 'document' || parsed.name.kind === 'supplement' || parsed.name.kind === 'proposal');
}

/** Where the repository keeps its templates: beside the documents, else `templates/`. */
function repositoryTemplateFolder(root: string, standards: string): string | undefined {
  for (const folder of [standards, 'templates']) {
    if (templatesIn(join(root, folder), root).length > 0) return folder;
  }
  return undefined;
}

function templateFolders(root: string, standards: string): { folder: string; files: string[] }[] {
  const found: { folder: string; files: string[] }[] = [];
  for (const folder of [...new Set([standards, 'templates'])]) {
    const files = templatesIn(join(root, folder), root).map((doc) => doc.fileName);
    if (files.length > 0) found.push({ folder, files });
  }
  return found;
}

/**
 * The `$schema` of the configuration: the schema of the installed package, relative to the
 * root, when it is installed there (`npm install --save-dev`); else its public address.
 */
function schemaReference(root: string): string {
  return existsSync(join(root, CONFIG_SCHEMA_PATH)) ? `./${CONFIG_SCHEMA_PATH}` : SCHEMA_ID;
}

/**
 * Today's errors as the baseline: the existing suppressions with the errors they do not cover
 * recorded (as `lint --suppress-all` records them), so that `lint` passes right after.
 */
function planBaseline(root: string, run: LintRun): Baseline {
  const path = join(root, DEFAULT_SUPPRESSIONS_FILE);
  const before = readText(path);
  const existing = loadSuppressions(path, DEFAULT_SUPPRESSIONS_FILE);
  const judged = (_file: string, ruleId: string): boolean => rulesById.get(ruleId)?.meta.scope !== 'change';
  const applied = applySuppressions(run.results, existing, judged);
  const added = applied.results.reduce((sum, result) => sum + result.errorCount, 0);
  const warnings = run.results.reduce((sum, result) => sum + result.warningCount, 0);
  const updated: Suppressions = added > 0 ? suppress(existing, run.results, undefined) : existing;
  const after = added > 0 || before !== undefined ? formatSuppressions(updated) : formatSuppressions({});
  const byRule = new Map<string, number>();
  for (const rules of Object.values(updated)) {
    for (const [ruleId, entry] of Object.entries(rules)) byRule.set(ruleId, (byRule.get(ruleId) ?? 0) + entry.count);
  }
  return {
    file: { path, before, after },
    changes: added > 0,
    byRule: new Map([...byRule].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    files: Object.keys(updated).filter((file) => Object.keys(updated[file] ?? {}).length > 0).length,
    added,
    unused: countEntries(applied.unused),
    warnings,
  };
}

/** `.gitignore` with the cache file in it: appended when no line names it yet. */
function planGitignore(root: string): FileUpdate {
  const path = join(root, '.gitignore');
  const before = readText(path);
  const lines = (before ?? '').split(/\r?\n/).map((line) => line.trim());
  if (lines.some((line) => line === DEFAULT_CACHE_FILE || line === `/${DEFAULT_CACHE_FILE}` || line === `**/${DEFAULT_CACHE_FILE}`)) {
    return { path, before, after: before ?? '' };
  }
  const newline = before?.includes('\r\n') ? '\r\n' : '\n';
  const text = before ?? '';
  const separator = text === '' || text.endsWith('\n') ? '' : newline;
  return { path, before, after: `${text}${separator}${DEFAULT_CACHE_FILE}${newline}` };
}

/** The repository's setup for commit hooks and CI, as `init` advises on it. */
export interface HookSetup {
  husky: 8 | 9 | undefined;
  /** The husky pre-commit hook, when there is one. */
  preCommitHook: { path: string; runsLintStaged: boolean } | undefined;
  lintStaged: { file: string; kind: LintStagedKind; hasEntry: boolean } | undefined;
  preCommitFramework: { file: string; hasHook: boolean } | undefined;
  workflows: { folder: boolean; using: string[] };
  /** The package.json lists scs-standards as a dependency. */
  installed: boolean;
  hasPackageJson: boolean;
}

type LintStagedKind = 'json' | 'yaml' | 'js' | 'package.json';

const LINT_STAGED_FILES: [string, LintStagedKind][] = [
  ['.lintstagedrc', 'json'],
  ['.lintstagedrc.json', 'json'],
  ['.lintstagedrc.yaml', 'yaml'],
  ['.lintstagedrc.yml', 'yaml'],
  ['.lintstagedrc.mjs', 'js'],
  ['.lintstagedrc.cjs', 'js'],
  ['.lintstagedrc.js', 'js'],
  ['lint-staged.config.mjs', 'js'],
  ['lint-staged.config.cjs', 'js'],
  ['lint-staged.config.js', 'js'],
];

export function detectHooks(root: string): HookSetup {
  const manifestText = readText(join(root, 'package.json'));
  let manifest: Record<string, unknown> = {};
  try {
    const parsed: unknown = manifestText === undefined ? {} : JSON.parse(manifestText);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) manifest = parsed as Record<string, unknown>;
  } catch {
    manifest = {};
  }
  const record = (key: string): Record<string, unknown> => {
    const value = manifest[key];
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  };
  const dependencies = { ...record('dependencies'), ...record('devDependencies') };
  const scripts = record('scripts');
  const hookPath = join(root, '.husky', 'pre-commit');
  const hook = readText(hookPath);
  const huskyVersion = typeof dependencies.husky === 'string' ? /(\d+)/.exec(dependencies.husky)?.[1] : undefined;
  let husky: HookSetup['husky'];
  if (hook?.includes('husky.sh') || (typeof scripts.prepare === 'string' && /husky install/.test(scripts.prepare)) || huskyVersion === '8' || (huskyVersion !== undefined && Number(huskyVersion) < 8)) husky = 8;
  else if (huskyVersion !== undefined || isFolder(join(root, '.husky'))) husky = 9;
  let lintStaged: HookSetup['lintStaged'];
  for (const [file, kind] of LINT_STAGED_FILES) {
    const text = readText(join(root, file));
    if (text !== undefined) {
      lintStaged = { file, kind, hasEntry: text.includes('scs-standards') };
      break;
    }
  }
  if (!lintStaged && 'lint-staged' in manifest) lintStaged = { file: 'package.json', kind: 'package.json', hasEntry: JSON.stringify(manifest['lint-staged']).includes('scs-standards') };
  const preCommit = readText(join(root, '.pre-commit-config.yaml'));
  const workflowFolder = join(root, '.github', 'workflows');
  const using = readdirSafe(workflowFolder)
    .filter((name) => /\.ya?ml$/.test(name))
    .filter((name) => /SovereignCloudStack\/scs-standards\b|scs-standards (lint|review)/.test(readText(join(workflowFolder, name)) ?? ''))
    .map((name) => `.github/workflows/${name}`)
    .sort();
  return {
    husky,
    preCommitHook: hook === undefined ? undefined : { path: '.husky/pre-commit', runsLintStaged: /lint-staged/.test(hook) },
    lintStaged,
    preCommitFramework: preCommit === undefined ? undefined : { file: '.pre-commit-config.yaml', hasHook: /scs-standards/.test(preCommit) },
    workflows: { folder: isFolder(workflowFolder), using },
    installed: 'scs-standards' in dependencies,
    hasPackageJson: manifestText !== undefined,
  };
}

function readText(path: string): string | undefined {
  try {
    if (!statSync(path).isFile()) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function readdirSafe(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

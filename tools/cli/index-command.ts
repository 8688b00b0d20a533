import { readFileSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { writeFileAtomic } from '../engine/atomic-write.js';
import { listTemporaries, removeStaleTemporaries } from '../engine/temporary.js';
import { ConfigError, loadConfig, type ResolvedConfig } from '../engine/config.js';
import { findScopeFiles } from '../engine/discover.js';
import { loadCorpus, readScope } from '../engine/load.js';
import { buildIndex } from '../indexes/build.js';
import { generateOutputs, isGeneratedContent, ownedPage } from '../indexes/generate.js';
import type { VersionIndex } from '../indexes/model.js';
import { BASE_URL_PATTERN, DOCS_ROUTE, normalizeBaseUrl, type OutputFile } from '../indexes/output.js';
import { JSON_FILE, renderJson } from '../indexes/render-json.js';
import type { Corpus } from '../model/corpus.js';
import { isIsoDate, todayIso } from '../model/dates.js';
import { sanitizeForTerminal, terminalSafeJson } from '../reporters/sanitize.js';
import { rulesById } from '../rules/index.js';
import { EXIT } from './exit.js';
import type { ParsedArgs } from './flags.js';
import { messageLines } from './output.js';

class IndexUsageError extends Error {}

/** `scs-standards index`: builds the version index and writes, prints or checks it. */
export async function run(args: ParsedArgs): Promise<number> {
  try {
    return await execute(args);
  } catch (error) {
    if (error instanceof ConfigError) {
      args.stderr.write(messageLines('scs-standards index', error.message));
      return EXIT.failure;
    }
    if (error instanceof IndexUsageError || (error instanceof Error && error.name === 'GitProblem')) {
      args.stderr.write(`scs-standards index: ${error.message}\n`);
      return EXIT.failure;
    }
    throw error;
  }
}

async function execute(args: ParsedArgs): Promise<number> {
  const { values } = args;
  const today = typeof values.today === 'string' ? values.today : todayIso();
  if (!isIsoDate(today)) throw new IndexUsageError(`--today expects a date such as 2026-11-27 (YYYY-MM-DD, a day that exists), got \`${sanitizeForTerminal(today)}\``);
  const format = values.format;
  if (format !== undefined && format !== 'json') throw new IndexUsageError(`unknown format \`${sanitizeForTerminal(String(format))}\`: \`--format json\` prints the data; \`--out DIR\` writes every output`);
  const out = typeof values.out === 'string' ? values.out : undefined;
  const check = values.check === true;
  if (format === 'json' && (out !== undefined || check)) throw new IndexUsageError('--format json prints the data to standard output; it does not go with --out or --check');
  if (format === undefined && out === undefined) throw new IndexUsageError(check ? '--check needs --out DIR: the folder to compare with' : 'give --out DIR to write the index, or --format json to print its data');
  if (args.positionals.length > 1) throw new IndexUsageError(`expects at most one standards folder, got ${args.positionals.length}`);
  if (format === 'json' && values['base-url'] !== undefined) throw new IndexUsageError('--base-url sets the links of index.html (written with --out); it does not go with --format json');

  const config = loadConfig(args.cwd, rulesById, typeof values.config === 'string' ? values.config : undefined);
  const given = args.positionals[0];
  const folder = given === undefined ? join(config.root, config.standards) : resolve(args.cwd, given);
  if (!isDirectory(folder)) {
    const shown = given ?? (relative(args.cwd, folder) || '.');
    throw new IndexUsageError(given === undefined ? `No standards folder: ${shown} does not exist (give a folder, or set \`standards\` in the configuration)` : `Not a folder: ${shown}`);
  }
  const corpus = loadCorpus(folder, config.root, config.maxFileSize, true, undefined, config.process);
  // A process whose numbers have no versions gets the grouped index of its profile.
  if (config.process.profile.index.versions !== true) return writeProfileIndex(args, { config, corpus, folder, given, today, format, out, check });
  const scopes = findScopeFiles(config, { includeIgnored: true }).map((path) => readScope(path, config.root, config.maxFileSize));
  const built = buildIndex(corpus, config.process, today, scopes);
  const { notes } = built;
  const index = values.history === true ? await withGitHistory(built.index, config, folder) : built.index;
  for (const note of notes) {
    args.stderr.write(`${sanitizeForTerminal(note.relPath)}:${note.line}:${note.column}: warning: ${sanitizeForTerminal(note.message)}\n`);
  }
  if (format === 'json') {
    args.stdout.write(renderJson(index));
    return EXIT.ok;
  }
  const baseUrl = baseUrlOf(values['base-url'], config.raw.index?.baseUrl, DOCS_ROUTE);
  return writeOutputs(args, { config, folder, given, out, check }, generateOutputs(index, config.process, { baseUrl }));
}

/** Writes the files of an index into `--out` (or, with `--check`, compares them with it). */
function writeOutputs(
  args: ParsedArgs,
  run: { config: ResolvedConfig; folder: string; given: string | undefined; out: string | undefined; check: boolean },
  files: readonly OutputFile[],
): number {
  const outDir = resolve(args.cwd, run.out ?? '.');
  // As given when absolute; relative to the working folder otherwise.
  const shownOut = sanitizeForTerminal(run.out !== undefined && isAbsolute(run.out) ? run.out : relative(args.cwd, outDir) || '.');
  refuseStandardsFolder(outDir, shownOut, run.folder, sanitizeForTerminal(run.given ?? (relative(args.cwd, run.folder) || '.')), files);
  const plan = planFolder(outDir, shownOut, files, ownedPage(run.config.process));
  return run.check ? reportCheck(args, plan, shownOut) : applyPlan(args, plan, outDir, shownOut);
}

/** The index of a profile without versions: `index.json` and `index.html`, built from the profile alone. */
async function writeProfileIndex(
  args: ParsedArgs,
  run: { config: ResolvedConfig; corpus: Corpus; folder: string; given: string | undefined; today: string; format: unknown; out: string | undefined; check: boolean },
): Promise<number> {
  const { config } = run;
  if (args.values.history === true) throw new IndexUsageError(`--history adds the events of versions to the version tables; the index of the profile \`${config.process.name}\` has no versions`);
  const [{ buildProfileIndex }, { renderProfileHtmlFile }] = await Promise.all([import('../indexes/profile-index.js'), import('../indexes/render-profile-html.js')]);
  const built = buildProfileIndex(run.corpus, config.process, run.today);
  for (const note of built.notes) args.stderr.write(`${sanitizeForTerminal(note.relPath)}:${note.line}:${note.column}: warning: ${sanitizeForTerminal(note.message)}\n`);
  const json = `${terminalSafeJson(built.index, 2)}\n`;
  if (run.format === 'json') {
    args.stdout.write(json);
    return EXIT.ok;
  }
  // Without a base URL, the page links each document's file beside it.
  const baseUrl = baseUrlOf(args.values['base-url'], config.raw.index?.baseUrl, undefined);
  return writeOutputs(args, run, [{ path: JSON_FILE, content: json }, renderProfileHtmlFile(built.index, { baseUrl })]);
}

/** The base of the HTML page's links: `--base-url`, else `index.baseUrl` of the configuration, else the fallback (the docs site's paths for the version tables). */
function baseUrlOf<Fallback extends string | undefined>(flag: unknown, configured: string | undefined, fallback: Fallback): string | Fallback {
  if (typeof flag === 'string' && !BASE_URL_PATTERN.test(flag)) {
    throw new IndexUsageError(`--base-url expects an http(s) URL such as https://docs.scs.community/standards or a path such as /standards, got \`${sanitizeForTerminal(flag)}\``);
  }
  const chosen = typeof flag === 'string' ? flag : (configured ?? fallback);
  return chosen === undefined ? fallback : normalizeBaseUrl(chosen);
}

/**
 * The index is never written into the folder of the documents it indexes, nor into any folder
 * inside it: its pages would be read as documents (and linted) by the next run. Compared by real
 * path, so that a symbolic link or a file system that ignores case does not hide it.
 */
function refuseStandardsFolder(outDir: string, shownOut: string, folder: string, shownFolder: string, files: readonly OutputFile[]): void {
  const documents = realPath(folder);
  const target = realPath(outDir);
  const inside = (path: string): boolean => path === documents || path.startsWith(documents.endsWith(sep) ? documents : `${documents}${sep}`);
  const advice = 'the generated pages would be read as documents; choose an --out folder outside it';
  if (inside(target)) {
    throw new IndexUsageError(`--out ${shownOut} is ${target === documents ? '' : 'inside '}the standards folder ${shownFolder}: ${advice}`);
  }
  for (const top of new Set(files.map((file) => file.path.split('/')[0] ?? ''))) {
    if (top !== '' && files.some((file) => file.path.startsWith(`${top}/`)) && inside(realPath(join(outDir, top)))) {
      throw new IndexUsageError(`--out ${shownOut} would write ${top}/ into the standards folder ${shownFolder}: ${advice}`);
    }
  }
}

/** The real path of a file or folder, or of its nearest existing parent joined with the rest. */
function realPath(path: string): string {
  const rest: string[] = [];
  let current = resolve(path);
  for (;;) {
    try {
      return join(realpathSync(current), ...rest.reverse());
    } catch {
      const parent = dirname(current);
      if (parent === current) return resolve(path);
      rest.push(basename(current));
      current = parent;
    }
  }
}

/** `--history`: each version's events from the first-parent history of HEAD, with commit links. */
async function withGitHistory(index: VersionIndex, config: ResolvedConfig, folder: string): Promise<VersionIndex> {
  const [{ Git }, { historyOf, readHistoryLog }, { DEFAULT_COMMIT_URL, withHistory }, { version }] = await Promise.all([
    import('../lifecycle/git.js'),
    import('../history/load.js'),
    import('../history/index.js'),
    import('./version.js'),
  ]);
  const git = await Git.open(config.root);
  const head = await git.resolveCommit('HEAD', 'head');
  const log = await readHistoryLog(git, { head, tool: version(), process: config.process, maxFileSize: config.maxFileSize });
  const commitUrl = typeof config.raw.commitUrl === 'string' ? config.raw.commitUrl : DEFAULT_COMMIT_URL;
  return withHistory(index, historyOf(log, git.toRepoPath(folder), config.process), commitUrl);
}

interface Plan {
  /** Generated files that differ from the folder (`old` undefined: missing there). */
  changed: { file: OutputFile; old: string | undefined }[];
  unchanged: number;
  /** Pages the index wrote earlier that it would not write now. */
  stale: { path: string; old: string }[];
  /** Files in the way that the index did not write: never overwritten. */
  foreign: string[];
  /** Temporary files of the toolkit (`.<name>.<pid>.<hex>.tmp`), left by an interrupted run or a run under way. */
  temporaries: string[];
}

function planFolder(outDir: string, shownOut: string, files: readonly OutputFile[], owned: RegExp): Plan {
  if (exists(outDir) && !isDirectory(outDir)) throw new IndexUsageError(`--out ${sanitizeForTerminal(shownOut)} is not a folder`);
  const plan: Plan = { changed: [], unchanged: 0, stale: [], foreign: [], temporaries: [] };
  for (const folder of ['', ...list(outDir).filter((name) => isDirectory(join(outDir, name)))]) {
    for (const name of listTemporaries(join(outDir, folder))) plan.temporaries.push(folder === '' ? name : `${folder}/${name}`);
  }
  const generated = new Set(files.map((file) => file.path));
  for (const file of files) {
    const target = join(outDir, file.path);
    const old = readText(target);
    if (old === file.content) plan.unchanged++;
    else {
      if (old === undefined ? exists(target) : !isGeneratedContent(file.path, old)) plan.foreign.push(file.path);
      plan.changed.push({ file, old });
    }
  }
  for (const path of ownedPages(outDir, owned)) {
    if (generated.has(path)) continue;
    const old = readText(join(outDir, path));
    if (old !== undefined && isGeneratedContent(path, old)) plan.stale.push({ path, old });
  }
  return plan;
}

function reportCheck(args: ParsedArgs, plan: Plan, shownOut: string): number {
  const differences = plan.changed.length + plan.stale.length + plan.temporaries.length;
  if (differences === 0) return EXIT.ok;
  let diff = '';
  for (const { file, old } of plan.changed) {
    const path = `${shownOut}/${file.path}`;
    diff += patch(old === undefined ? '/dev/null' : path, path, old ?? '', file.content);
  }
  for (const { path, old } of plan.stale) diff += patch(`${shownOut}/${path}`, '/dev/null', old, '');
  args.stdout.write(diff.split('\n').map(sanitizeForTerminal).join('\n'));
  args.stderr.write(
    `scs-standards index: ${differences} ${differences === 1 ? 'file differs' : 'files differ'} in ${shownOut} from the index of the documents` +
      ` (${plan.changed.length} to write, ${plan.stale.length} to remove${plan.temporaries.length > 0 ? `, ${plan.temporaries.length} temporary ${plan.temporaries.length === 1 ? 'file' : 'files'} left by an interrupted run` : ''}); run \`scs-standards index --out ${shownOut}\` without --check to update\n`,
  );
  for (const path of plan.temporaries) args.stderr.write(`scs-standards index: temporary file ${sanitizeForTerminal(`${shownOut}/${path}`)}\n`);
  return EXIT.findings;
}

function patch(oldName: string, newName: string, oldText: string, newText: string): string {
  return createTwoFilesPatch(oldName, newName, oldText, newText, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
}

function applyPlan(args: ParsedArgs, plan: Plan, outDir: string, shownOut: string): number {
  if (plan.foreign.length > 0) {
    const list = plan.foreign.map((path) => `  ${sanitizeForTerminal(`${shownOut}/${path}`)}\n`).join('');
    throw new IndexUsageError(`not replacing what scs-standards index did not write (nothing was written):\n${list}Move it away or choose another --out folder.`);
  }
  // What killed runs left behind (a run still under way keeps its own).
  const folders = new Set(['', ...plan.temporaries.map((path) => (path.includes('/') ? path.slice(0, path.indexOf('/')) : ''))]);
  for (const folder of folders) removeStaleTemporaries(join(outDir, folder));
  let current = '';
  try {
    for (const { file } of plan.changed) {
      current = file.path;
      writeFileAtomic(join(outDir, file.path), file.content);
    }
    for (const { path } of plan.stale) {
      current = path;
      rmSync(join(outDir, path), { force: true });
    }
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new IndexUsageError(`cannot write ${sanitizeForTerminal(`${shownOut}/${current}`)}: ${sanitizeForTerminal(reason)} (files written before it are complete)`);
  }
  args.stdout.write(`${shownOut}: ${plan.changed.length} written, ${plan.unchanged} unchanged, ${plan.stale.length} removed\n`);
  return EXIT.ok;
}

/** Track and standard pages found in the output folder (candidates for removal). */
function ownedPages(outDir: string, owned: RegExp): string[] {
  const pages: string[] = [];
  for (const folder of list(outDir)) {
    for (const name of list(join(outDir, folder))) {
      const path = `${folder}/${name}`;
      if (owned.test(path)) pages.push(path);
    }
  }
  return pages.sort();
}

function list(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

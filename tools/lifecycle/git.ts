import { realpathSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { isIsoDate } from '../model/dates.js';

/**
 * The only module that talks to git, for `lint --base`, `review` and the authoring commands
 * alike. Every call goes through one `simple-git` client with settings that keep the repository
 * from running anything: no hooks (`core.hooksPath=/dev/null`), no file system monitor, no
 * clean, smudge or process filter (each filter driver that any configuration defines is
 * overridden with an empty command), and no external diff or text conversion programs
 * (`--no-ext-diff`, `--no-textconv`). Only built-in commands run, so aliases never apply, and
 * git's output goes to a pipe, never to a pager. Refs are checked before they reach git (a ref
 * never starts with `-`), `--end-of-options` separates options from refs where git supports it,
 * and file names always follow `--` as literal pathspecs. Output is read NUL-separated (`-z`), so
 * names with spaces, quotes, newlines or non-ASCII characters arrive unchanged.
 */

/** A git problem that the user can act on: exit code 2 with this message. */
export class GitProblem extends Error {
  override readonly name = 'GitProblem';
}

/** One entry of a tree listing: a file at a commit. */
export interface TreeEntry {
  /** Path relative to the top of the repository, `/`-separated. */
  path: string;
  oid: string;
  mode: string;
}

/** A renamed (or copied) file between two trees, or a tree and the working tree. */
export interface Rename {
  from: string;
  to: string;
  /** A copy keeps its source; git reports one when the source was modified in the same change. */
  copy: boolean;
}

const SAFE_CONFIG = ['core.hooksPath=/dev/null', 'core.fsmonitor=false', 'core.quotePath=false'];

/** Refuses what git could take for an option, and what is not a ref at all. */
export function checkRef(ref: string, what: string): void {
  if (ref === '') throw new GitProblem(`The ${what} ref is empty`);
  if (ref.startsWith('-')) throw new GitProblem(`Refusing ${what} ref \`${ref}\`: a ref cannot start with \`-\``);
  if (/[\u0000-\u001f\u007f]/.test(ref)) throw new GitProblem(`Refusing ${what} ref with control characters`);
}

export class Git {
  /** Absolute, real path of the top of the work tree. */
  readonly top: string;
  readonly #git: SimpleGit;
  /** What the next `cat-file --batch` reads from its standard input. */
  batchInput: Buffer | undefined;

  private constructor(top: string, git: SimpleGit) {
    this.top = top;
    this.#git = git;
  }

  /** Opens the repository that holds `folder`; a GitProblem when there is none. */
  static async open(folder: string): Promise<Git> {
    let top: string;
    try {
      top = (await client(folder, () => undefined).raw(['rev-parse', '--show-toplevel'])).trim();
    } catch (error) {
      const message = errorText(error);
      if (/not a git repository/i.test(message)) throw new GitProblem(`Not a git repository: ${folder} (comparing with a base needs a git work tree)`);
      if (/dubious ownership/i.test(message)) throw new GitProblem(`git refuses the repository at ${folder}: ${firstLine(message)}`);
      throw new GitProblem(`git cannot read the repository at ${folder}: ${firstLine(message)}`);
    }
    if (top === '') throw new GitProblem(`Not a git work tree: ${folder} (a bare repository has no files to compare)`);
    const real = realpathSync(top);
    const overrides = await filterOverrides(client(real, () => undefined));
    let holder: Git | undefined;
    // Only `cat-file --batch` reads its standard input: the object ids to print.
    holder = new Git(real, client(real, (commands) => (commands.includes('cat-file') ? holder?.batchInput : undefined), overrides));
    return holder;
  }

  /**
   * The repository that holds `folder`, or undefined outside a work tree, without git, or where
   * git refuses the repository (files are then renamed on the file system).
   */
  static async find(folder: string): Promise<Git | undefined> {
    try {
      return await Git.open(folder);
    } catch (error) {
      if (error instanceof GitProblem && /^(?:Not a git|git cannot read|git refuses)/.test(error.message)) return undefined;
      throw error;
    }
  }

  /** Whether git tracks the file (in the index). */
  async isTracked(path: string): Promise<boolean> {
    const output = await this.#git.raw(['ls-files', '-z', '--cached', '--', ...pathspecs([this.toRepoPath(path)])]);
    return output.split('\0').includes(this.toRepoPath(path));
  }

  /** `git mv` of a tracked file to a path that does not exist yet (both in this work tree). */
  async move(from: string, to: string): Promise<void> {
    await this.#git.raw(['mv', '--', this.toRepoPath(from), this.toRepoPath(to)]);
  }

  /** A path of the file system as a path relative to the top, `/`-separated ('' for the top). */
  toRepoPath(path: string): string {
    let real: string;
    try {
      real = realpathSync(path);
    } catch {
      // A file that does not exist yet (the target of a move): its folder's real path.
      try {
        real = join(realpathSync(dirname(path)), basename(path));
      } catch {
        real = resolve(path);
      }
    }
    return relative(this.top, real).split(sep).join('/');
  }

  async isShallow(): Promise<boolean> {
    return (await this.#git.raw(['rev-parse', '--is-shallow-repository'])).trim() === 'true';
  }

  /** The commit a ref names; a GitProblem that says why not. */
  async resolveCommit(ref: string, what: string): Promise<string> {
    checkRef(ref, what);
    const commit = await this.#tryCommit(ref);
    if (commit === undefined) {
      if (await this.isShallow()) {
        throw new GitProblem(
          `The ${what} \`${ref}\` is not in this clone, which is shallow: fetch the whole history (in GitHub Actions, \`actions/checkout\` with \`fetch-depth: 0\`)`,
        );
      }
      throw new GitProblem(`Unknown ${what} \`${ref}\`: no commit has that name (check the branch name, or fetch it first)`);
    }
    return commit;
  }

  async #tryCommit(ref: string): Promise<string | undefined> {
    try {
      const output = (await this.#git.raw(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim();
      return /^[0-9a-f]{40,64}$/.test(output) ? output : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * The `core.hooksPath` the repository's user configured (husky sets it), or undefined; the
   * value this client passes on its own command line to keep hooks from running is left out.
   */
  async configuredHooksPath(): Promise<string | undefined> {
    let output = '';
    try {
      output = await this.#git.raw(['config', '--show-origin', '--get-all', 'core.hooksPath']);
    } catch {
      return undefined; // not set: git config exits with 1
    }
    const values = output
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('command line:'))
      .map((line) => line.slice(line.indexOf('\t') + 1));
    return values[values.length - 1];
  }

  /** Whether a ref exists (for choosing `origin/<branch>` over `<branch>`). */
  async hasCommit(ref: string): Promise<boolean> {
    if (ref.startsWith('-') || ref === '') return false;
    return (await this.#tryCommit(ref)) !== undefined;
  }

  /** The best common ancestor of two commits, as a pull request compares them. */
  async mergeBase(base: string, head: string, baseName: string): Promise<string> {
    let output = '';
    try {
      output = (await this.#git.raw(['merge-base', '--end-of-options', base, head])).trim();
    } catch {
      output = '';
    }
    if (!/^[0-9a-f]{40,64}$/.test(output)) {
      if (await this.isShallow()) {
        throw new GitProblem(
          `The history between the base \`${baseName}\` and the head is missing from this shallow clone: fetch the whole history (in GitHub Actions, \`actions/checkout\` with \`fetch-depth: 0\`)`,
        );
      }
      throw new GitProblem(`The base \`${baseName}\` and the head share no history: nothing to compare with`);
    }
    return output;
  }

  /** The blobs under some paths at a commit (recursively). Paths are relative to the top. */
  async listTree(commit: string, paths: readonly string[]): Promise<TreeEntry[]> {
    const output = await this.#git.raw(['ls-tree', '-r', '-z', '--full-tree', '--end-of-options', commit, '--', ...pathspecs(paths)]);
    const entries: TreeEntry[] = [];
    for (const record of output.split('\0')) {
      if (record === '') continue;
      const tab = record.indexOf('\t');
      const [mode = '', type = '', oid = ''] = record.slice(0, tab).split(' ');
      if (type !== 'blob') continue;
      entries.push({ mode, oid, path: record.slice(tab + 1) });
    }
    return entries;
  }

  /**
   * Files renamed or copied between a commit and another commit (or the working tree, for
   * tracked files), with git's similarity-based detection.
   */
  async renames(base: string, head: string | undefined, paths: readonly string[]): Promise<Rename[]> {
    return (await this.diff(base, head, paths)).renames;
  }

  /**
   * What changed between a commit and a head commit (or the work tree): git's renames and copies,
   * and every path that differs (both sides of a rename). Paths not listed are unchanged.
   */
  async diff(base: string, head: string | undefined, paths: readonly string[]): Promise<{ renames: Rename[]; changed: Set<string> }> {
    const args = ['diff', '--name-status', '-z', '-M', '-C', '--no-ext-diff', '--no-textconv', '--no-color', '--end-of-options', base];
    if (head !== undefined) args.push(head);
    const output = await this.#git.raw([...args, '--', ...pathspecs(paths)]);
    const fields = output.split('\0');
    const renames: Rename[] = [];
    const changed = new Set<string>();
    for (let index = 0; index < fields.length; ) {
      const status = fields[index++] ?? '';
      if (status === '') continue;
      if (status.startsWith('R') || status.startsWith('C')) {
        const from = fields[index++] ?? '';
        const to = fields[index++] ?? '';
        renames.push({ from, to, copy: status.startsWith('C') });
        if (!status.startsWith('C')) changed.add(from);
        changed.add(to);
      } else changed.add(fields[index++] ?? '');
    }
    return { renames, changed };
  }

  /**
   * The first-parent history of `head`, oldest first (after `after` when given: the commits that
   * `after` lacks), each commit with its changes against its first parent as `--raw` records, so
   * that every change carries its blob ids; renames are detected (`-M`), and copies of files the
   * same commit modifies (`-C`). One `git log` process.
   */
  async firstParentLog(head: string, after?: string): Promise<LogCommit[]> {
    checkRef(head, 'head');
    if (after !== undefined) checkRef(after, 'cached');
    const output = await this.#git.raw([
      'log',
      '--first-parent',
      '--diff-merges=first-parent',
      '--reverse',
      '--raw',
      '-z',
      '--no-abbrev',
      '-M',
      '-C',
      '--no-ext-diff',
      '--no-textconv',
      '--no-color',
      '--format=%x01%H%x00%P%x00%cI%x00%s',
      '--end-of-options',
      after === undefined ? head : `${after}..${head}`,
      '--',
    ]);
    return parseRawLog(output);
  }

  /**
   * A date as git reads `--since` (or `--until`): `2024-01-31`, `2 weeks ago`, `yesterday`; as
   * seconds since the epoch. A GitProblem when git does not read it as a date.
   */
  async dateSeconds(date: string, what: string): Promise<number> {
    if (date === '' || /[\u0000-\u001f\u007f]/.test(date)) throw new GitProblem(`Refusing ${what} date: empty or with control characters`);
    // git reads a day that no calendar has as some other day, without a word: refuse it here.
    if (/^\d{4}-\d{2}-\d{2}$/.test(date) && !isIsoDate(date)) throw new GitProblem(`\`${date}\` is no calendar date (${what})`);
    // git reads text it cannot make a date of as the present moment, also silently; a word no
    // date has, read in the same call, is that moment, so a date that reads the same means nothing.
    const output = (await this.#git.raw(['rev-parse', `--since=${date}`, '--since=not-a-date'])).trim().split('\n');
    const match = /^--max-age=(-?[0-9]+)$/.exec(output[0] ?? '');
    if (!match?.[1] || (output[0] === output[1] && !/\bnow\b/i.test(date))) throw new GitProblem(`git does not read \`${date}\` as a date (${what})`);
    return Number(match[1]);
  }

  /** Reads blobs by object id with one `git cat-file --batch` process. */
  async readBlobs(oids: readonly string[]): Promise<Map<string, Buffer>> {
    const blobs = new Map<string, Buffer>();
    const unique = [...new Set(oids)];
    if (unique.length === 0) return blobs;
    this.batchInput = Buffer.from(`${unique.join('\n')}\n`);
    let output: Buffer;
    try {
      output = (await this.#git.binaryCatFile(['--batch'])) as Buffer;
    } finally {
      this.batchInput = undefined;
    }
    let at = 0;
    while (at < output.length) {
      const lineEnd = output.indexOf(0x0a, at);
      if (lineEnd === -1) break;
      const header = output.subarray(at, lineEnd).toString('utf8');
      const [oid = '', type = '', size = ''] = header.split(' ');
      at = lineEnd + 1;
      if (type === 'missing' || size === '') continue;
      const length = Number(size);
      blobs.set(oid, output.subarray(at, at + length));
      at += length + 1;
    }
    for (const oid of unique) {
      if (!blobs.has(oid)) throw new GitProblem(`git could not read object ${oid}: the clone may be incomplete`);
    }
    return blobs;
  }
}

/** A change of one file in a commit of `firstParentLog`. */
export interface LogChange {
  /** `A`dded (a copy with `from`), `M`odified, `D`eleted, `R`enamed (with `from`), `T`ype changed. */
  status: 'A' | 'M' | 'D' | 'R' | 'T';
  /** The path after the change (the deleted path for `D`), relative to the top. */
  path: string;
  /** The path before a rename, or the source of a copy. */
  from: string | undefined;
  /** The blob before and after ('' where there is none). */
  oldOid: string;
  oid: string;
  /** The file mode after the change (`120000` for a symbolic link). */
  mode: string;
}

export interface LogCommit {
  hash: string;
  /** The first parent ('' for a root commit). */
  parent: string;
  /** The committer date, ISO 8601 with offset: when the commit landed on its branch. */
  date: string;
  subject: string;
  changes: LogChange[];
}

const NULL_OID = /^0+$/;

/**
 * Parses `git log -z --raw --format=%x01%H%x00%P%x00%cI%x00%s`: each commit starts with a
 * `\x01` field, followed by its parents, date and subject; then one field per raw record
 * (`:mode mode oid oid status`), followed by its path (two for a rename or copy). Fields are
 * taken by count, so nothing in a subject or a path can start a record.
 */
export function parseRawLog(output: string): LogCommit[] {
  const fields = output.split('\0');
  const commits: LogCommit[] = [];
  let current: LogCommit | undefined;
  for (let index = 0; index < fields.length; ) {
    const field = (fields[index++] ?? '').replace(/^\n+/, '');
    if (field === '') continue;
    if (field.startsWith('\x01')) {
      const parents = fields[index++] ?? '';
      const date = fields[index++] ?? '';
      const subject = fields[index++] ?? '';
      current = { hash: field.slice(1), parent: parents.split(' ')[0] ?? '', date, subject, changes: [] };
      commits.push(current);
      continue;
    }
    if (!field.startsWith(':') || !current) continue;
    const [, mode = '', oldOid = '', oid = '', status = ''] = field.slice(1).split(' ');
    const letter = status.charAt(0);
    if (letter === 'R' || letter === 'C') {
      const from = fields[index++] ?? '';
      const to = fields[index++] ?? '';
      // A copy is the addition of its target, with the path it was copied from.
      if (letter === 'R') current.changes.push({ status: 'R', path: to, from, oldOid, oid, mode });
      else current.changes.push({ status: 'A', path: to, from, oldOid: '', oid, mode });
      continue;
    }
    const path = fields[index++] ?? '';
    if (letter === 'A' || letter === 'M' || letter === 'D' || letter === 'T') {
      current.changes.push({ status: letter, path, from: undefined, oldOid: NULL_OID.test(oldOid) ? '' : oldOid, oid: NULL_OID.test(oid) ? '' : oid, mode });
    }
  }
  return commits;
}

/** Literal pathspecs: a file name is never read as a pattern or magic. */
function pathspecs(paths: readonly string[]): string[] {
  return paths.map((path) => (path === '' ? ':(top)' : `:(top,literal)${path}`));
}

function client(baseDir: string, input: (commands: string[]) => Buffer | undefined, overrides: readonly string[] = []): SimpleGit {
  return simpleGit({
    baseDir,
    config: [...SAFE_CONFIG, ...overrides],
    maxConcurrentProcesses: 4,
    unsafe: { allowUnsafeHooksPath: true, allowUnsafeFsMonitor: true, allowUnsafeFilter: true },
    input,
  });
}

/**
 * Git runs a filter driver's programs whenever it reads a work-tree file whose attributes name
 * the driver (`.gitattributes`, `.git/info/attributes`), and attributes cannot be switched off.
 * So every driver that any configuration defines gets empty `clean`, `smudge` and `process`
 * commands, which git takes as no filter, and is no longer `required`. A driver name that `-c` cannot express (with `=`) is
 * refused: better no comparison than a program run from the repository.
 */
async function filterOverrides(git: SimpleGit): Promise<string[]> {
  let output: string;
  try {
    output = await git.raw(['config', '--list', '--null', '--name-only']);
  } catch (error) {
    throw new GitProblem(`git cannot read the configuration of the repository: ${firstLine(errorText(error))}`);
  }
  const drivers = new Set<string>();
  for (const key of output.split('\0')) {
    const match = /^filter\.(.+)\.[^.]+$/s.exec(key);
    if (match?.[1] !== undefined) drivers.add(match[1]);
  }
  const overrides: string[] = [];
  for (const driver of [...drivers].sort()) {
    if (driver.includes('=') || /[\u0000-\u001f]/.test(driver)) {
      throw new GitProblem(`Refusing to run git here: the configuration defines the filter driver \`${driver.replace(/[\u0000-\u001f]/g, '?')}\`, which cannot be switched off`);
    }
    for (const command of ['clean', 'smudge', 'process']) overrides.push(`filter.${driver}.${command}=`);
    // A required filter without a command is an error: not required any more.
    overrides.push(`filter.${driver}.required=false`);
  }
  return overrides;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? text;
}

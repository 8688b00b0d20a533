import type { ChangeSet } from '../edits/change-set.js';
import { EditError } from '../authoring/editor.js';
import { relative, sep } from 'node:path';
import { applyChanges, recoverInterruptedChanges, TransactionError } from '../authoring/transaction.js';
import { AuthoringError, openWorkspace, type Workspace } from '../authoring/workspace.js';
import { ConfigError } from '../engine/config.js';
import { UsageError } from '../engine/discover.js';
import { sanitizeForTerminal } from '../reporters/sanitize.js';
import { EXIT } from './exit.js';
import type { ParsedArgs } from './flags.js';
import { messageLines } from './output.js';

/**
 * Runs an authoring command: plans its whole change, then prints it (`--dry-run`) or applies it
 * as one transaction and says what changed. Bad input of any kind is a message and exit code 2,
 * with nothing written.
 */
export async function runAuthoring(args: ParsedArgs, plan: (ws: Workspace) => ChangeSet | Promise<ChangeSet>): Promise<number> {
  try {
    const ws = openWorkspace(args.cwd, typeof args.values.config === 'string' ? args.values.config : undefined);
    await recoverInterrupted(args, ws.config.root);
    const set = await plan(ws);
    for (const note of set.notes) args.stderr.write(`scs-standards ${args.command}: warning: ${sanitizeForTerminal(note)}\n`);
    if (args.values['dry-run'] === true) {
      args.stdout.write(args.stdout.isTTY === true ? terminalDiff(set.diff()) : set.diff());
      return EXIT.ok;
    }
    await applyChanges(set);
    for (const line of set.summary()) args.stdout.write(`${sanitizeForTerminal(line)}\n`);
    return EXIT.ok;
  } catch (error) {
    if (isInputError(error)) {
      args.stderr.write(messageLines(`scs-standards ${args.command}`, error.message));
      return EXIT.failure;
    }
    throw error;
  }
}

/** Puts back what a killed run left half-changed, before anything is planned on those files. */
export async function recoverInterrupted(args: ParsedArgs, root: string): Promise<void> {
  const display = (path: string): string => relative(root, path).split(sep).join('/');
  for (const note of await recoverInterruptedChanges(root, display)) args.stderr.write(`scs-standards ${args.command}: ${sanitizeForTerminal(note)}\n`);
}

export function isInputError(error: unknown): error is Error {
  if (error instanceof Error && error.name === 'GitProblem') return true; // `accept --base`: an unknown ref, no repository
  return error instanceof AuthoringError || error instanceof ConfigError || error instanceof UsageError || error instanceof TransactionError || error instanceof EditError;
}

/**
 * A diff made safe for a terminal: control characters in document text are shown as escapes
 * (a line's final carriage return stays). Piped output is left exact, so that `git apply` takes it.
 */
export function terminalDiff(diff: string): string {
  return diff
    .split('\n')
    .map((line) => {
      const cr = line.endsWith('\r') ? '\r' : '';
      return sanitizeForTerminal(cr ? line.slice(0, -1) : line) + cr;
    })
    .join('\n');
}

/** The single positional argument of a command. */
export function onePositional(args: ParsedArgs, what: string): string {
  const [first, ...rest] = args.positionals;
  if (first === undefined) throw new AuthoringError(`missing the ${what}: see \`scs-standards ${args.command} --help\``);
  if (rest.length > 0) throw new AuthoringError(`expected one ${what}, got ${args.positionals.length}: ${args.positionals.map((value) => `\`${value}\``).join(', ')}`);
  return first;
}

export function noPositionals(args: ParsedArgs): void {
  if (args.positionals.length > 0) throw new AuthoringError(`unexpected argument ${args.positionals.map((value) => `\`${value}\``).join(', ')}: see \`scs-standards ${args.command} --help\``);
}

/** A string option's value, if given. */
export function stringValue(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function requiredString(args: ParsedArgs, name: string): string {
  const value = stringValue(args, name);
  if (value === undefined) throw new AuthoringError(`missing --${name}: see \`scs-standards ${args.command} --help\``);
  return value;
}

export function stringsValue(args: ParsedArgs, name: string): string[] {
  const value = args.values[name];
  return Array.isArray(value) ? value : [];
}

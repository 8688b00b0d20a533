import { sanitizeForTerminal } from '../reporters/sanitize.js';
import type { ParsedArgs } from './flags.js';

/** Colour only on a terminal, unless forced on or off by flag or by NO_COLOR / FORCE_COLOR. */
export function useColor(args: ParsedArgs): boolean {
  if (args.values['no-color'] === true) return false;
  if (args.values.color === true) return true;
  if (args.env.NO_COLOR !== undefined && args.env.NO_COLOR !== '') return false;
  if (args.env.FORCE_COLOR !== undefined && args.env.FORCE_COLOR !== '0') return true;
  return args.stdout.isTTY === true;
}

/**
 * An error message for standard error, one line per problem (a configuration error lists each
 * of its problems on a line of its own), each line made safe for a terminal and prefixed with
 * the command.
 */
export function messageLines(prefix: string, message: string): string {
  return message
    .split('\n')
    .map((line) => `${prefix}: ${sanitizeForTerminal(line)}\n`)
    .join('');
}

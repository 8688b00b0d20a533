import { parseArgs } from 'node:util';
import { closest } from '../model/closest.js';
import { HELP_FLAG, type Command, type Flag, type ParsedArgs } from './flags.js';

export { closest };

/** A mistake in the command line: exit code 2 with this message, after `scs-standards <command>: `. */
export class ArgumentError extends Error {
  override readonly name = 'ArgumentError';
  /** Whether the help lists what was meant (an unknown option): the message then points to it. */
  readonly pointsToHelp: boolean;

  constructor(message: string, pointsToHelp = false) {
    super(message);
    this.pointsToHelp = pointsToHelp;
  }
}

export interface CommandLine {
  values: ParsedArgs['values'];
  positionals: string[];
}

/**
 * Parses the arguments of one command against its flag table: every option must be one of its
 * flags (else the closest one is suggested), string options need a value, boolean ones take
 * none, numbers are whole numbers, flags that contradict each other and more positionals than the
 * command takes are refused. `extra` are flags the command line accepts besides the command's own
 * (`--version` when no command is typed).
 */
export function parseCommandLine(command: Command, args: readonly string[], extra: readonly Flag[] = []): CommandLine {
  const flags = [...command.flags, ...extra, HELP_FLAG];
  const byName = new Map(flags.map((flag) => [flag.name, flag]));
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const flag of flags) options[flag.name] = flag.short ? { type: flag.type === 'boolean' ? 'boolean' : 'string', short: flag.short } : { type: flag.type === 'boolean' ? 'boolean' : 'string' };
  const { tokens } = parseArgs({ args: [...args], options, allowPositionals: true, strict: false, tokens: true });
  const values: ParsedArgs['values'] = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue;
    const flag = byName.get(token.name);
    const known = flag !== undefined && (token.rawName === `--${flag.name}` || (flag.short !== undefined && token.rawName === `-${flag.short}`));
    if (!flag || !known) {
      const suggestion = suggestOption(token.rawName, flags);
      throw new ArgumentError(`unknown option \`${token.rawName}\`${suggestion ? `: did you mean \`${suggestion}\`?` : ''}`, true);
    }
    const shown = `--${flag.name}`;
    if (flag.type === 'boolean') {
      if (token.value !== undefined) throw new ArgumentError(`option \`${shown}\` takes no value, got \`${token.rawName}=${token.value}\``);
      values[flag.name] = true;
      continue;
    }
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-') && token.value !== '-')) {
      throw new ArgumentError(`option \`${shown}\` needs a value${flag.value ? ` (${flag.value})` : ''}${token.value === undefined ? '' : `, got the option \`${token.value}\` (write \`${shown}=${token.value}\` if that is the value)`}`);
    }
    if (flag.type === 'strings') {
      const list = values[flag.name];
      values[flag.name] = Array.isArray(list) ? [...list, token.value] : [token.value];
    } else if (flag.type === 'number') {
      const number = Number(token.value);
      if (!/^\d+$/.test(token.value) || !Number.isSafeInteger(number)) throw new ArgumentError(`${shown} expects a whole number, got \`${token.value}\``);
      values[flag.name] = number;
    } else values[flag.name] = token.value;
  }
  if (values.help === true) return { values, positionals };
  for (const [first, second] of command.conflicts ?? []) {
    if (values[first] !== undefined && values[second] !== undefined) throw new ArgumentError(`\`--${first}\` and \`--${second}\` cannot be combined`);
  }
  const limit = command.positionals;
  if (limit !== undefined && positionals.length > limit.max) {
    const list = positionals.map((value) => `\`${value}\``).join(', ');
    throw new ArgumentError(
      limit.max === 0 ? `unexpected argument ${list}: \`scs-standards ${command.name}\` takes no ${limit.what}` : `expected one ${limit.what}, got ${positionals.length}: ${list}`,
    );
  }
  return { values, positionals };
}

/** The flag closest to a mistyped option (`--formt` -> `--format`, `-V` -> `-v`), if one is close. */
export function suggestOption(raw: string, flags: readonly Flag[]): string | undefined {
  if (/^-[^-]/.test(raw)) {
    // A single letter: only a different case is a likely slip.
    const letter = raw.slice(1, 2).toLowerCase();
    const match = flags.find((flag) => flag.short !== undefined && flag.short.toLowerCase() === letter);
    if (match?.short) return `-${match.short}`;
    const long = closest(raw.slice(1), flags.map((flag) => flag.name));
    return long === undefined ? undefined : `--${long}`;
  }
  const name = raw.replace(/^--?/, '').split('=')[0] ?? '';
  const long = closest(name, flags.map((flag) => flag.name));
  return long === undefined ? undefined : `--${long}`;
}

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { sanitizeForTerminal } from '../reporters/sanitize.js';
import { ArgumentError, closest, parseCommandLine, type CommandLine } from './arguments.js';
import { COMMANDS } from './commands.js';
import { HELP_FLAG, type Command, type Flag } from './flags.js';
import { EXIT } from './exit.js';
import { version } from './version.js';

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
}

/** `-v, --version`: known only when no command is typed. */
const VERSION_FLAG: Flag = { name: 'version', short: 'v', type: 'boolean', description: 'Print the version' };

/**
 * Runs the command line. Without a command, the arguments are `lint`'s (`scs-standards [paths...]`
 * lints; without paths, the standards folder); a first argument that is no path and looks like a
 * mistyped command (`stabilise`, `Review`) is a usage error that names the closest command.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [first] = argv;
  if (first === '--help' || first === '-h' || first === 'help') {
    if (first === 'help' && argv.length > 1) {
      const name = argv[1] ?? '';
      const command = COMMANDS.find((candidate) => candidate.name === name);
      if (!command || argv.length > 2) return usageError(io, 'scs-standards help', command ? `expected one command, got ${argv.length - 1}` : unknownCommand(name, false), command ? undefined : 'commands');
      io.stdout.write(commandHelp(command));
      return EXIT.ok;
    }
    io.stdout.write(generalHelp());
    return EXIT.ok;
  }
  const named = COMMANDS.find((candidate) => candidate.name === first);
  const command = named ?? COMMANDS.find((candidate) => candidate.name === 'lint');
  if (!command) return EXIT.failure;
  const typed = named ? `scs-standards ${named.name}` : 'scs-standards';
  let line: CommandLine;
  try {
    line = parseCommandLine(command, named ? argv.slice(1) : argv, named ? [] : [VERSION_FLAG]);
  } catch (error) {
    if (error instanceof ArgumentError) return usageError(io, typed, error.message, error.pointsToHelp ? 'options' : undefined);
    throw error;
  }
  if (line.values.help === true) {
    io.stdout.write(named ? commandHelp(command) : generalHelp());
    return EXIT.ok;
  }
  if (line.values.version === true) {
    io.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  const word = line.positionals[0];
  if (!named && word !== undefined && word === first && !existsSync(resolve(io.cwd, word))) {
    // Not a path: a mistyped command (`stabilise`, `Review`), or a word that is neither.
    const near = closest(word, COMMANDS.map((candidate) => candidate.name)) !== undefined;
    if (near || /^[A-Za-z][A-Za-z-]*$/.test(word)) return usageError(io, 'scs-standards', unknownCommand(word, true), 'commands');
  }
  const values = { ...line.values };
  delete values.help;
  delete values.version;
  const implementation = await command.load();
  return implementation.run({ command: command.name, positionals: line.positionals, values, ...io });
}

function unknownCommand(word: string, couldBePath: boolean): string {
  const shown = sanitizeForTerminal(word);
  const suggestion = closest(word, COMMANDS.map((candidate) => candidate.name));
  if (suggestion) return `unknown command \`${shown}\`: did you mean \`${suggestion}\`?`;
  return `unknown command \`${shown}\`${couldBePath ? ', and no file or folder of that name' : ''}. Commands: ${COMMANDS.map((candidate) => candidate.name).join(', ')}`;
}

/** A usage error, attributed to what was typed: `scs-standards lint: ...`, or `scs-standards: ...`. */
function usageError(io: Io, typed: string, message: string, what: 'options' | 'commands' | undefined): number {
  const help = typed === 'scs-standards help' ? 'scs-standards --help' : `${typed} --help`;
  io.stderr.write(`${typed}: ${sanitizeForTerminal(message)}\n${what ? `Run \`${help}\` for the ${what}.\n` : ''}`);
  return EXIT.failure;
}

function flagRows(flags: readonly Flag[]): string {
  const rows = [...flags, HELP_FLAG].map((flag) => {
    const names = `${flag.short ? `-${flag.short}, ` : '    '}--${flag.name}${flag.value ? ` ${flag.value}` : ''}`;
    return [names, flag.description] as const;
  });
  const width = Math.max(...rows.map(([names]) => names.length));
  return rows.map(([names, description]) => `  ${names.padEnd(width)}  ${description}\n`).join('');
}

export function commandHelp(command: Command): string {
  return `Usage: ${command.usage}\n\n${command.summary}.\n\nOptions:\n${flagRows(command.flags)}`;
}

export function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  const commands = COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}\n`).join('');
  return (
    `Usage: scs-standards <command> [options]\n\n` +
    `The authoring and review toolkit of the SCS standards.\n\n` +
    `Commands:\n${commands}\n` +
    `Without a command, \`scs-standards [options] [paths...]\` lints (without paths, the standards folder).\n` +
    `Run \`scs-standards <command> --help\` for a command's options, \`scs-standards --version\` for the version.\n` +
    `Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage, configuration or internal failure.\n`
  );
}

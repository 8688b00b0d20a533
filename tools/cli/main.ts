import { parseArgs, type ParseArgsConfig } from 'node:util';
import { COMMANDS } from './commands.js';
import { HELP_FLAG, type Command, type Flag, type ParsedArgs } from './flags.js';
import { EXIT } from './exit.js';
import { version } from './version.js';

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
}


export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [first] = argv;
  if (first === '--version' || first === '-v') {
    io.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    if (first === 'help' && argv[1]) {
      const command = COMMANDS.find((candidate) => candidate.name === argv[1]);
      if (command) {
        io.stdout.write(commandHelp(command));
        return EXIT.ok;
      }
    }
    io.stdout.write(generalHelp());
    return first === undefined ? EXIT.failure : EXIT.ok;
  }
  const named = COMMANDS.find((candidate) => candidate.name === first);
  const command = named ?? COMMANDS.find((candidate) => candidate.name === 'lint');
  if (!command) return EXIT.failure;
  if (!named && !first.startsWith('-') && /^[a-z][a-z-]*$/.test(first) && !first.includes('.')) {
    // Looks like a mistyped command rather than a path.
    const { existsSync } = await import('node:fs');
    const { resolve } = await import('node:path');
    if (!existsSync(resolve(io.cwd, first))) {
      io.stderr.write(`scs-standards: unknown command \`${first}\`. Commands: ${COMMANDS.map((c) => c.name).join(', ')}\n`);
      return EXIT.failure;
    }
  }
  const rest = named ? argv.slice(1) : argv;
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...rest], options: parseConfig(command.flags), allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr.write(`scs-standards ${command.name}: ${error instanceof Error ? error.message : String(error)}\nRun \`scs-standards ${command.name} --help\` for the options.\n`);
    return EXIT.failure;
  }
  const values: ParsedArgs['values'] = {};
  for (const flag of command.flags) {
    const value = parsed.values[flag.name];
    if (value === undefined) continue;
    if (flag.type === 'number') {
      const number = Number(value);
      if (typeof value !== 'string' || !/^\d+$/.test(value) || !Number.isSafeInteger(number)) {
        io.stderr.write(`scs-standards ${command.name}: --${flag.name} expects a whole number, got \`${String(value)}\`\n`);
        return EXIT.failure;
      }
      values[flag.name] = number;
    } else values[flag.name] = value as string | boolean | string[];
  }
  if (parsed.values.help === true) {
    io.stdout.write(commandHelp(command));
    return EXIT.ok;
  }
  const implementation = await command.load();
  return implementation.run({ command: command.name, positionals: parsed.positionals, values, ...io });
}

function parseConfig(flags: readonly Flag[]): NonNullable<ParseArgsConfig['options']> {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const flag of [...flags, HELP_FLAG]) {
    const type = flag.type === 'boolean' ? 'boolean' : 'string';
    options[flag.name] = flag.short
      ? { type, short: flag.short, multiple: flag.type === 'strings' }
      : { type, multiple: flag.type === 'strings' };
  }
  return options;
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
    `Without a command, \`scs-standards [paths...]\` lints.\n` +
    `Run \`scs-standards <command> --help\` for a command's options, \`scs-standards --version\` for the version.\n` +
    `Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage, configuration or internal failure.\n`
  );
}

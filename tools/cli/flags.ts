/**
 * The one table of command-line flags. It drives argument parsing and `--help`, so the two
 * never disagree.
 */
export type FlagType = 'boolean' | 'string' | 'number' | 'strings';

export interface Flag {
  name: string;
  short?: string;
  type: FlagType;
  /** Placeholder shown in help, such as `FILE`. */
  value?: string;
  description: string;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  flags: readonly Flag[];
  /** Pairs of flags that contradict each other: giving both is a usage error. */
  conflicts?: readonly (readonly [string, string])[];
  /** At most this many positional arguments (`what` names one); unlimited when absent. */
  positionals?: { max: number; what: string };
  /** Loads the command's implementation only when it runs. */
  load: () => Promise<{ run: (args: ParsedArgs) => Promise<number> }>;
}

export interface ParsedArgs {
  command: string;
  positionals: string[];
  values: Record<string, string | boolean | number | string[] | undefined>;
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
}

export const HELP_FLAG: Flag = { name: 'help', short: 'h', type: 'boolean', description: 'Show help' };

export const CONFIG_FLAG: Flag = {
  name: 'config',
  short: 'c',
  type: 'string',
  value: 'FILE',
  description: 'Use this configuration file instead of the one found at the repository root',
};

/** The flag of every command that changes files: show the change instead of making it. */
export const DRY_RUN_FLAG: Flag = { name: 'dry-run', type: 'boolean', description: 'Print the change as a unified diff (as `git diff` shows it) and write nothing' };

import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { CapturedOutput } from '../cli/capture.js';
import { main, type Io } from '../cli/main.js';
import { EXIT } from '../cli/exit.js';
import { writeFileAtomic } from '../engine/atomic-write.js';
import { UsageError } from '../engine/discover.js';
import { githubDefaultBase } from '../lifecycle/load.js';
import { code, inlineMarkdown } from '../reporters/markdown.js';
import { ActionInputError, appendSummary, getBooleanInput, getInput, setOutput, workflowCommand } from './workflow.js';

/**
 * The GitHub Action (`action.yml`): runs `lint --base` on the pull request's base with GitHub
 * annotations, optionally writes the same findings as SARIF, appends the `review` report to the
 * job summary and checks the version index. Each part runs the command-line commands
 * themselves, so the action finds exactly what `scs-standards` finds on a SIG member's machine.
 *
 * Exit codes: 0 clean, 1 errors (or more warnings than `max-warnings`, or an index out of date),
 * 2 a failure of the inputs, the configuration or git (with an error annotation that says why).
 */
export async function runAction(io: Io): Promise<number> {
  const { env } = io;
  let inputs: Inputs;
  let base: string | undefined;
  try {
    inputs = readInputs(env);
    base = inputs.base !== '' ? inputs.base : await githubDefaultBase(io.cwd, env);
  } catch (error) {
    if (error instanceof ActionInputError || error instanceof UsageError || (error instanceof Error && error.name === 'GitProblem')) {
      return fail(io, true, `scs-standards: ${error.message}`);
    }
    throw error;
  }
  setOutput(env, 'base', base ?? '');
  // Values stay attached to their options (`--base=REF`): a value that starts with `-` is a value.
  const options = inputs.config !== '' ? [`--config=${inputs.config}`] : [];
  const compared = base !== undefined ? [`--base=${base}`] : [];
  const suppressions = inputs.suppressionsLocation !== '' ? [`--suppressions-location=${inputs.suppressionsLocation}`] : [];
  const lintOptions = [...options, ...suppressions, ...(inputs.passOnUnprunedSuppressions ? ['--pass-on-unpruned-suppressions'] : [])];

  // Annotations go where the change is: legacy warnings elsewhere would take GitHub's few places.
  const annotated = base !== undefined ? ['--quiet-untouched'] : [];
  const lint = await cli(io, ['lint', '--format', 'github', ...compared, ...annotated, ...lintOptions, ...(inputs.maxWarnings !== '' ? [`--max-warnings=${inputs.maxWarnings}`] : [])]);
  io.stdout.write(lint.stdout);
  io.stderr.write(lint.stderr);
  if (lint.code === EXIT.failure) return fail(io, inputs.summary, lint.stderr);
  const errors = countLines(lint.stdout, '::error ');
  const warnings = countLines(lint.stdout, '::warning ');
  setOutput(env, 'errors', String(errors));
  setOutput(env, 'warnings', String(warnings));
  if (errors > ANNOTATION_LIMIT || warnings > ANNOTATION_LIMIT) {
    io.stdout.write(
      workflowCommand(
        'notice',
        { title: 'scs-standards' },
        `${plural(errors, 'error')} and ${plural(warnings, 'warning')}: GitHub shows at most ${ANNOTATION_LIMIT} errors and ${ANNOTATION_LIMIT} warnings of a step as annotations; the log of this step lists all of them`,
      ),
    );
  }
  let exit: number = lint.code;

  if (inputs.sarifFile !== '') {
    const sarif = await cli(io, ['lint', '--format', 'sarif', ...compared, ...lintOptions]);
    if (sarif.code === EXIT.failure) return fail(io, inputs.summary, sarif.stderr);
    try {
      writeFileAtomic(resolve(io.cwd, inputs.sarifFile), sarif.stdout);
    } catch (error) {
      return fail(io, inputs.summary, `scs-standards: cannot write the SARIF file ${inputs.sarifFile}: ${error instanceof Error ? error.message : String(error)}`);
    }
    setOutput(env, 'sarif-file', inputs.sarifFile);
  }

  if (inputs.summary) {
    if (base !== undefined) {
      // `review` appends its report to the job summary itself; its standard output is the same report.
      const review = await cli(io, ['review', ...compared, ...options, ...suppressions]);
      if (review.code !== EXIT.ok) return fail(io, inputs.summary, review.stderr);
    } else {
      const event = env.GITHUB_EVENT_NAME ?? '';
      appendSummary(
        env,
        `## Standards review\n\nNo base to compare with${event !== '' ? ` on the event ${code(event)}` : ''}: the lifecycle rules and the review did not run. ` +
          `Set the action's \`base\` input to compare with a ref.\n\n${plural(errors, 'error')}, ${plural(warnings, 'warning')}.\n\n`,
      );
    }
  }

  if (inputs.indexOut !== '') {
    const index = await cli(io, ['index', `--out=${inputs.indexOut}`, '--check', ...options]);
    io.stderr.write(index.stderr);
    if (index.code === EXIT.failure) return fail(io, inputs.summary, index.stderr);
    const upToDate = index.code === EXIT.ok;
    setOutput(env, 'index', upToDate ? 'up-to-date' : 'out-of-date');
    if (!upToDate) {
      // The diff shows document text: no line of it may be taken for a workflow command.
      const token = `scs-standards-${randomBytes(12).toString('hex')}`;
      io.stdout.write(`::group::Version index differences\n::stop-commands::${token}\n${index.stdout}${index.stdout.endsWith('\n') ? '' : '\n'}::${token}::\n::endgroup::\n`);
      io.stdout.write(workflowCommand('error', { title: 'scs-standards index' }, `The version index in ${inputs.indexOut} is out of date: run \`scs-standards index --out ${inputs.indexOut}\` and commit the result`));
      exit = EXIT.findings;
    }
    if (inputs.summary) {
      const state = upToDate ? 'is up to date.' : `is out of date: run \`scs-standards index --out ${inputs.indexOut}\` and commit the result.`;
      appendSummary(env, `### Version index\n\n${inlineMarkdown(`\`${inputs.indexOut}\` ${state}`)}\n\n`);
    }
  }
  return exit;
}

/** GitHub shows this many error annotations, and as many warnings, of one step. */
const ANNOTATION_LIMIT = 10;

interface Inputs {
  base: string;
  config: string;
  sarifFile: string;
  indexOut: string;
  summary: boolean;
  maxWarnings: string;
  suppressionsLocation: string;
  passOnUnprunedSuppressions: boolean;
}

function readInputs(env: NodeJS.ProcessEnv): Inputs {
  return {
    base: getInput(env, 'base'),
    config: getInput(env, 'config'),
    sarifFile: getInput(env, 'sarif-file'),
    indexOut: getInput(env, 'index-out'),
    summary: getBooleanInput(env, 'summary', true),
    maxWarnings: getInput(env, 'max-warnings'),
    suppressionsLocation: getInput(env, 'suppressions-location'),
    passOnUnprunedSuppressions: getBooleanInput(env, 'pass-on-unpruned-suppressions', false),
  };
}

/** A failure that stops the action: an error annotation, a note in the job summary, exit code 2. */
function fail(io: Io, summary: boolean, stderr: string): number {
  const message = stderr.trim() !== '' ? stderr.trim() : 'scs-standards: the check failed without a message';
  io.stdout.write(workflowCommand('error', { title: 'scs-standards' }, message));
  if (summary) appendSummary(io.env, `## Standards review\n\nThe check could not run: ${inlineMarkdown(message)}\n\n`);
  return EXIT.failure;
}

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command of the CLI in this process, with its output captured. */
async function cli(io: Io, args: readonly string[]): Promise<CliRun> {
  const stdout = new CapturedOutput();
  const stderr = new CapturedOutput();
  let exit: number;
  try {
    exit = await main(args, { cwd: io.cwd, env: io.env, stdout, stderr });
  } catch (error) {
    stderr.write(`scs-standards ${args[0] ?? ''}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    exit = EXIT.failure;
  }
  return { code: exit, stdout: stdout.text, stderr: stderr.text };
}

function countLines(text: string, prefix: string): number {
  return text.split('\n').filter((line) => line.startsWith(prefix)).length;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

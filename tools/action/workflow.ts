import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { escapeData, escapeProperty } from '../reporters/github.js';

/**
 * The conventions of the GitHub Actions runner that the action's entry needs, without the
 * toolkit library: inputs arrive as `INPUT_<NAME>` environment variables, outputs and the job
 * summary are files named by `GITHUB_OUTPUT` and `GITHUB_STEP_SUMMARY`, and annotations are
 * workflow commands on standard output.
 */

/** A problem with the action's inputs or environment: exit code 2 with this message. */
export class ActionInputError extends Error {
  override readonly name = 'ActionInputError';
}

/**
 * The value of an input, trimmed ('' when not given): `INPUT_` and the name in upper case with
 * spaces as underscores (hyphens stay: `sarif-file` is `INPUT_SARIF-FILE`), as the runner sets
 * them for JavaScript actions and as `action.yml` passes them to the entry.
 */
export function getInput(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.replaceAll(' ', '_').toUpperCase()}`] ?? '').trim();
}

/** A boolean input, read as YAML 1.2 reads booleans (`true`, `True`, `TRUE`, `false`, ...). */
export function getBooleanInput(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const value = getInput(env, name);
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new ActionInputError(`Input \`${name}\` must be true or false, got \`${value}\``);
}

/**
 * Sets a step output. The value is written in the delimited form (`name<<DELIMITER`), which
 * takes any text; the delimiter is random, so that no value can end it early.
 */
export function setOutput(env: NodeJS.ProcessEnv, name: string, value: string): void {
  const file = env.GITHUB_OUTPUT;
  if (file === undefined || file === '') return;
  let delimiter: string;
  do delimiter = `scs_standards_${randomBytes(12).toString('hex')}`;
  while (value.includes(delimiter));
  appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
}

/** Appends Markdown to the job summary, when the runner gives one. */
export function appendSummary(env: NodeJS.ProcessEnv, markdown: string): void {
  const file = env.GITHUB_STEP_SUMMARY;
  if (file === undefined || file === '') return;
  appendFileSync(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
}

/** A workflow command line, such as `::error title=scs-standards::message`. */
export function workflowCommand(command: string, properties: Record<string, string>, message: string): string {
  const list = Object.entries(properties).map(([key, value]) => `${key}=${escapeProperty(value)}`);
  return `::${command}${list.length > 0 ? ` ${list.join(',')}` : ''}::${escapeData(message)}\n`;
}

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { parse } from 'yaml';

/** What a run of a composite action did. */
export interface CompositeRun {
  /** The exit code of the last step that ran (0 when all succeeded). */
  code: number;
  steps: { name: string; code: number; stdout: string; stderr: string }[];
  /** The action's outputs, as its `outputs` map them from the steps. */
  outputs: Record<string, string>;
  /** The job summary: what the steps appended, in order. */
  summary: string;
}

interface ActionFile {
  inputs?: Record<string, { default?: string }>;
  outputs?: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

interface Step {
  name?: string;
  id?: string;
  shell?: string;
  run?: string;
  'working-directory'?: string;
  env?: Record<string, string>;
}

/**
 * Runs a composite action (`action.yml`) as the GitHub runner does, as far as this action needs:
 * each `shell: bash` step with `bash --noprofile --norc -eo pipefail`, in its working directory,
 * with the step's `env`, `GITHUB_ACTION_PATH`, and a `GITHUB_OUTPUT` and `GITHUB_STEP_SUMMARY`
 * file of its own; the first failing step ends the run. Expressions are evaluated for
 * `inputs.*` (given with `with`, else the input's default), `github.action_path` and
 * `steps.<id>.outputs.*`; any other expression fails the test, so that the action cannot use
 * one this simulation does not know.
 */
export function runComposite(actionPath: string, workspace: string, inputs: Record<string, string>, env: NodeJS.ProcessEnv): CompositeRun {
  const action = parse(readFileSync(join(actionPath, 'action.yml'), 'utf8')) as ActionFile;
  if (action.runs.using !== 'composite') throw new Error(`not a composite action: ${action.runs.using}`);
  for (const name of Object.keys(inputs)) if (!action.inputs?.[name]) throw new Error(`action.yml has no input \`${name}\``);
  const inputValues: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs ?? {})) inputValues[name] = inputs[name] ?? input.default ?? '';
  const stepOutputs: Record<string, Record<string, string>> = {};
  const evaluate = (text: string): string =>
    text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_match, expression: string) => {
      let found: RegExpExecArray | null;
      if ((found = /^inputs\.([\w-]+)$/.exec(expression))) return inputValues[found[1] ?? ''] ?? '';
      if (expression === 'github.action_path') return actionPath;
      if ((found = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression))) return stepOutputs[found[1] ?? '']?.[found[2] ?? ''] ?? '';
      throw new Error(`expression not supported by the simulation: ${expression}`);
    });

  const temp = mkdtempSync(join(tmpdir(), 'scs-standards-runner-'));
  const run: CompositeRun = { code: 0, steps: [], outputs: {}, summary: '' };
  try {
    for (const [index, step] of action.runs.steps.entries()) {
      if (step.shell !== 'bash' || step.run === undefined) throw new Error(`step ${index} is not a bash step`);
      const script = join(temp, `step-${index}.sh`);
      const output = join(temp, `output-${index}`);
      const summary = join(temp, `summary-${index}`);
      writeFileSync(script, evaluate(step.run));
      writeFileSync(output, '');
      writeFileSync(summary, '');
      const directory = step['working-directory'] === undefined ? workspace : evaluate(step['working-directory']);
      const stepEnv: NodeJS.ProcessEnv = { ...env, GITHUB_WORKSPACE: workspace, GITHUB_ACTION_PATH: actionPath, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary };
      for (const [name, value] of Object.entries(step.env ?? {})) stepEnv[name] = evaluate(value);
      const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
        cwd: isAbsolute(directory) ? directory : join(workspace, directory),
        env: stepEnv,
        encoding: 'utf8',
      });
      if (result.error) throw result.error;
      const code = result.status ?? -1;
      run.steps.push({ name: step.name ?? `step ${index}`, code, stdout: result.stdout, stderr: result.stderr });
      run.summary += readFileSync(summary, 'utf8');
      if (step.id !== undefined) stepOutputs[step.id] = parseOutputFile(readFileSync(output, 'utf8'));
      run.code = code;
      if (code !== 0) break;
    }
    for (const [name, output] of Object.entries(action.outputs ?? {})) run.outputs[name] = evaluate(output.value);
    return run;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** Reads a `GITHUB_OUTPUT` file: `name=value` lines and `name<<DELIMITER` blocks. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line === '') continue;
    const block = /^([^=<]+)<<(.+)$/.exec(line);
    if (block) {
      const end = lines.indexOf(block[2] ?? '', index + 1);
      if (end === -1) throw new Error(`output ${block[1]}: no closing delimiter`);
      outputs[block[1] ?? ''] = lines.slice(index + 1, end).join('\n');
      index = end;
      continue;
    }
    const equals = line.indexOf('=');
    if (equals <= 0) throw new Error(`malformed output line: ${line}`);
    outputs[line.slice(0, equals)] = line.slice(equals + 1);
  }
  return outputs;
}

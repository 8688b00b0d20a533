import { relative, sep } from 'node:path';
import type { FileResult } from '../engine/result.js';
import { sanitizeForTerminal } from './sanitize.js';

export interface StylishOptions {
  cwd: string;
  color: boolean;
  /** Warnings were left out (`--quiet`): a clean run has no errors, not no problems. */
  quiet?: boolean;
}

const paint = (on: boolean, code: string, text: string): string => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

/**
 * Groups findings by file: `line:column  severity  message  rule-id`, then a summary line. A run
 * without findings prints one line that says what was checked (`✔ 12 documents and 2 scope files
 * checked, no problems`), so that "no problems" is not mistaken for "nothing read"; an empty run
 * prints nothing (the command says that it found no documents). A finding that the base of a
 * change already had ends with `(pre-existing)`.
 */
export function formatStylish(results: readonly FileResult[], options: StylishOptions): string {
  const color = options.color;
  let output = '';
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  for (const result of results) {
    if (result.messages.length === 0) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    fixable += result.fixableErrorCount + result.fixableWarningCount;
    const path = relative(options.cwd, result.filePath).split(sep).join('/') || result.relPath;
    output += `\n${paint(color, '4', sanitizeForTerminal(path))}\n`;
    const rows = result.messages.map((message) => [
      `${message.line}:${message.column}`,
      message.severity === 2 ? 'error' : 'warning',
      sanitizeForTerminal(message.message) + (message.preExisting === true ? ' (pre-existing)' : ''),
      message.ruleId,
    ]);
    const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
    for (const row of rows) {
      const [place = '', severity = '', message = '', ruleId = ''] = row;
      const severityText = severity.padEnd(widths[1] ?? 0);
      output += `  ${paint(color, '2', place.padStart(widths[0] ?? 0))}  ${paint(color, severity === 'error' ? '31' : '33', severityText)}  ${message.padEnd(widths[2] ?? 0)}  ${paint(color, '2', ruleId)}\n`;
    }
  }
  const total = errors + warnings;
  if (total === 0) return results.length === 0 ? '' : `${paint(color, '1;32', `✔ ${checked(results)} checked, ${options.quiet === true ? 'no errors' : 'no problems'}${suppressed(results)}`)}\n`;
  const summary = `${total === 1 ? '1 problem' : `${total} problems`} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  output += `\n${paint(color, errors > 0 ? '1;31' : '1;33', `✖ ${summary}`)}\n`;
  if (fixable > 0) output += `  ${plural(fixable, 'problem')} potentially fixable with the \`--fix\` option.\n`;
  return output;
}

/** `12 documents and 2 scope files`: certificate-scope files are the YAML files among the results. */
function checked(results: readonly FileResult[]): string {
  const scopes = results.filter((result) => /\.ya?ml$/i.test(result.relPath)).length;
  const documents = results.length - scopes;
  if (scopes === 0) return plural(documents, 'document');
  if (documents === 0) return plural(scopes, 'scope file');
  return `${plural(documents, 'document')} and ${plural(scopes, 'scope file')}`;
}

/** ` (3 errors suppressed)` when the suppressions file holds errors of these files. */
function suppressed(results: readonly FileResult[]): string {
  const count = results.reduce((sum, result) => sum + (result.suppressedMessages?.length ?? 0), 0);
  return count === 0 ? '' : ` (${plural(count, 'error')} suppressed)`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

import type { FileResult } from '../engine/result.js';
import { showControls } from './sanitize.js';

/**
 * GitHub Actions workflow commands: one `::error` or `::warning` annotation per finding, with
 * the file, its range and the rule id as title (a finding the base already had ends with
 * `(pre-existing)`). Values are escaped as the runner requires, so
 * that no text of a document can end the command early or start a new one.
 */
export function formatGithub(results: readonly FileResult[]): string {
  let output = '';
  for (const result of results) {
    for (const finding of result.messages) {
      const command = finding.severity === 2 ? 'error' : 'warning';
      const message = finding.preExisting === true ? `${finding.message} (pre-existing)` : finding.message;
      const title = `title=${escapeProperty(finding.ruleId)}`;
      if (showControls(result.relPath) !== result.relPath) {
        // A path with characters the log viewer acts on cannot be given as it is, and escaped it
        // would name another file: the annotation names it in its message instead.
        output += `::${command} ${title}::${escapeData(`${result.relPath}:${finding.line}:${finding.column}: ${message}`)}\n`;
        continue;
      }
      const properties = [
        `file=${escapeProperty(result.relPath)}`,
        `line=${finding.line}`,
        `col=${finding.column}`,
        `endLine=${finding.endLine}`,
        `endColumn=${finding.endColumn}`,
        title,
      ].join(',');
      output += `::${command} ${properties}::${escapeData(message)}\n`;
    }
  }
  return output;
}

/**
 * Escapes the message of a workflow command: `%`, CR and LF as the runner requires, and control
 * characters that the log viewer would act on (ESC, C1, bidirectional controls) shown as
 * `\x1b`-style text.
 */
export function escapeData(text: string): string {
  return showControls(text).replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escapes a property value of a workflow command (`key=value`, separated by commas). */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

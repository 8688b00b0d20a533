import type { FileResult } from '../engine/result.js';

/**
 * GitHub Actions workflow commands: one `::error` or `::warning` annotation per finding, with
 * the file, its range and the rule id as title. Values are escaped as the runner requires, so
 * that no text of a document can end the command early or start a new one.
 */
export function formatGithub(results: readonly FileResult[]): string {
  let output = '';
  for (const result of results) {
    for (const finding of result.messages) {
      const properties = [
        `file=${escapeProperty(result.relPath)}`,
        `line=${finding.line}`,
        `col=${finding.column}`,
        `endLine=${finding.endLine}`,
        `endColumn=${finding.endColumn}`,
        `title=${escapeProperty(finding.ruleId)}`,
      ].join(',');
      output += `::${finding.severity === 2 ? 'error' : 'warning'} ${properties}::${escapeData(finding.message)}\n`;
    }
  }
  return output;
}

/** Escapes the message of a workflow command. */
export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escapes a property value of a workflow command (`key=value`, separated by commas). */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

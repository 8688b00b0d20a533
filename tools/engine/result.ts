import type { Place, Range } from '../model/positions.js';
import type { TextEdit } from '../rules/rule.js';

/** One finding, in the shape of an ESLint message (severity 1 warning, 2 error). */
export interface Finding extends Place {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  /** Offsets of the finding in the document text. */
  range: Range;
  fix?: TextEdit[];
  /**
   * Set by a run that compares a change with its base (`lint --base`): true for a finding the
   * base version of the document already had (reported as a warning, never failing the change),
   * false for one the change introduces. Absent without a base.
   */
  preExisting?: boolean;
}

/** The findings of one file, in the shape of ESLint's JSON formatter. */
export interface FileResult {
  filePath: string;
  /** The path relative to the repository root, with `/` separators. */
  relPath: string;
  messages: Finding[];
  /** Errors counted in the suppressions file (`lint` in ESLint's convention): not reported, not failing. */
  suppressedMessages?: Finding[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

export function summarize(filePath: string, relPath: string, messages: Finding[]): FileResult {
  messages.sort(compareFindings);
  let errorCount = 0;
  let warningCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (const message of messages) {
    if (message.severity === 2) {
      errorCount++;
      if (message.fix) fixableErrorCount++;
    } else {
      warningCount++;
      if (message.fix) fixableWarningCount++;
    }
  }
  return { filePath, relPath, messages, errorCount, warningCount, fixableErrorCount, fixableWarningCount };
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}

export interface Totals {
  errorCount: number;
  warningCount: number;
  fileCount: number;
}

export function totals(results: readonly FileResult[]): Totals {
  let errorCount = 0;
  let warningCount = 0;
  for (const result of results) {
    errorCount += result.errorCount;
    warningCount += result.warningCount;
  }
  return { errorCount, warningCount, fileCount: results.length };
}

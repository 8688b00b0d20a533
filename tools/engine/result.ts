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
   * The file, or its front matter, could not be read or parsed (ESLint's `fatal` parse error):
   * what the other rules saw of it is incomplete. Counted as fatal only while it is an error.
   */
  fatal?: true;
  /** Why a suppressed finding is not reported (on the findings in `suppressedMessages`). */
  suppressions?: Suppression[];
  /**
   * Set by a run that compares a change with its base (`lint --base`): true for a finding the
   * base version of the document already had (reported as a warning, never failing the change),
   * false for one the change introduces. Absent without a base.
   */
  preExisting?: boolean;
}

/**
 * A suppression in ESLint's words: `directive` for an inline `<!-- lint disable|ignore -->`
 * comment, `file` for a count in the suppressions file.
 */
export interface Suppression {
  kind: 'directive' | 'file';
  justification: string;
}

/** The findings of one file, in the shape of ESLint's JSON formatter. */
export interface FileResult {
  filePath: string;
  /** The path relative to the repository root, with `/` separators. */
  relPath: string;
  messages: Finding[];
  /**
   * Findings that are not reported and do not fail the run, each with its `suppressions`: turned
   * off by a lint comment, or errors counted in the suppressions file (ESLint's convention).
   */
  suppressedMessages: Finding[];
  errorCount: number;
  /** Errors that are fatal (see `Finding.fatal`). */
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /**
   * The text that was linted (with its byte order mark, as the file has it), kept only when the
   * run asks for it (`--format json`) and the file has findings, reported or suppressed.
   */
  source?: string;
  /** The text after `--fix` changed the file (ESLint's `output`; the result has no `source` then). */
  output?: string;
  /** The deprecated rules that were on for this file. */
  usedDeprecatedRules?: DeprecatedRuleUse[];
}

export interface DeprecatedRuleUse {
  ruleId: string;
  replacedBy: readonly string[];
}

type Counts = Pick<FileResult, 'errorCount' | 'fatalErrorCount' | 'warningCount' | 'fixableErrorCount' | 'fixableWarningCount'>;

function count(messages: readonly Finding[]): Counts {
  const counts: Counts = { errorCount: 0, fatalErrorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
  for (const message of messages) {
    if (message.severity === 2) {
      counts.errorCount++;
      if (message.fatal) counts.fatalErrorCount++;
      if (message.fix) counts.fixableErrorCount++;
    } else {
      counts.warningCount++;
      if (message.fix) counts.fixableWarningCount++;
    }
  }
  return counts;
}

export function summarize(filePath: string, relPath: string, messages: Finding[], suppressedMessages: Finding[] = []): FileResult {
  messages.sort(compareFindings);
  suppressedMessages.sort(compareFindings);
  return { filePath, relPath, messages, suppressedMessages, ...count(messages) };
}

/** The result with other messages (and suppressed messages), counted again; its source stays. */
export function recount(result: FileResult, messages: Finding[], suppressedMessages: Finding[] = result.suppressedMessages): FileResult {
  messages.sort(compareFindings);
  suppressedMessages.sort(compareFindings);
  return { ...result, messages, suppressedMessages, ...count(messages) };
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

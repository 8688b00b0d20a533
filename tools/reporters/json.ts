import type { FileResult } from '../engine/result.js';
import { terminalSafeJson } from './sanitize.js';

/**
 * ESLint's JSON formatter shape: an array of files with their messages (safe to print). With a
 * base, each message also says whether the base already had it (`preExisting`).
 */
export function formatJson(results: readonly FileResult[]): string {
  return `${terminalSafeJson(
    results.map((result) => ({
      filePath: result.filePath,
      messages: result.messages.map((message) => ({
        ruleId: message.ruleId,
        severity: message.severity,
        message: message.message,
        line: message.line,
        column: message.column,
        endLine: message.endLine,
        endColumn: message.endColumn,
        ...(message.preExisting === undefined ? {} : { preExisting: message.preExisting }),
      })),
      errorCount: result.errorCount,
      warningCount: result.warningCount,
      fixableErrorCount: result.fixableErrorCount,
      fixableWarningCount: result.fixableWarningCount,
    })),
  )}\n`;
}

import type { FileResult, Finding, Suppression } from '../engine/result.js';
import type { TextEdit } from '../rules/rule.js';
import { terminalSafeJson } from './sanitize.js';

/** A message as ESLint writes it; `nodeType` is always null (ESLint 9 writes it, ESLint 10 no longer does). */
export interface JsonMessage {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  nodeType: null;
  fatal?: true;
  endLine: number;
  endColumn: number;
  /** One replacement of UTF-16 offsets `[start, end)` into the text without its byte order mark. */
  fix?: { range: [number, number]; text: string };
  /** With a base (`lint --base`): whether the base version of the document already had it. */
  preExisting?: boolean;
}

export interface JsonSuppressedMessage extends JsonMessage {
  suppressions: Suppression[];
}

export interface JsonDeprecatedRule {
  ruleId: string;
  replacedBy: string[];
}

/** One file as ESLint's JSON formatter writes an `ESLint.LintResult`. */
export interface JsonLintResult {
  filePath: string;
  messages: JsonMessage[];
  suppressedMessages: JsonSuppressedMessage[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  output?: string;
  source?: string;
  usedDeprecatedRules: JsonDeprecatedRule[];
}

/**
 * ESLint's JSON formatter shape (safe to print): per file its messages, the suppressed ones with
 * their suppressions, the counts, `fix` on every fixable message, `output` for a file that
 * `--fix` changed, and `source` for a file with messages that it did not change (as ESLint). With
 * a base, each message also says whether the base already had it (`preExisting`).
 */
export function formatJson(results: readonly FileResult[]): string {
  return `${terminalSafeJson(results.map(toLintResult))}\n`;
}

export function toLintResult(result: FileResult): JsonLintResult {
  const text = result.source === undefined ? undefined : withoutBom(result.source);
  const shown = result.errorCount + result.warningCount > 0;
  return {
    filePath: result.filePath,
    messages: result.messages.map((finding) => toMessage(finding, text)),
    suppressedMessages: result.suppressedMessages.map((finding) => ({ ...toMessage(finding, text), suppressions: finding.suppressions ?? [] })),
    errorCount: result.errorCount,
    fatalErrorCount: result.fatalErrorCount,
    warningCount: result.warningCount,
    fixableErrorCount: result.fixableErrorCount,
    fixableWarningCount: result.fixableWarningCount,
    ...(result.output !== undefined ? { output: result.output } : result.source !== undefined && shown ? { source: result.source } : {}),
    usedDeprecatedRules: (result.usedDeprecatedRules ?? []).map((rule) => ({ ruleId: rule.ruleId, replacedBy: [...rule.replacedBy] })),
  };
}

function toMessage(finding: Finding, text: string | undefined): JsonMessage {
  const fix = finding.fix ? mergeFix(finding.fix, text) : undefined;
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    line: finding.line,
    column: finding.column,
    nodeType: null,
    // As ESLint counts them: a fatal message is an error.
    ...(finding.fatal && finding.severity === 2 ? { fatal: true as const } : {}),
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    ...(fix ? { fix } : {}),
    ...(finding.preExisting === undefined ? {} : { preExisting: finding.preExisting }),
  };
}

/**
 * ESLint's one fix per message: a single edit as it is; several edits (sorted, not overlapping)
 * as one replacement from the first start to the last end, with the text between them kept.
 * Several edits need the text; without it (a run that kept no source) there is no fix to give.
 */
export function mergeFix(edits: readonly TextEdit[], text: string | undefined): JsonMessage['fix'] {
  if (edits.length === 0) return undefined;
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const first = sorted[0] as TextEdit;
  if (sorted.length === 1) return { range: [first.range.start, first.range.end], text: first.text };
  if (text === undefined) return undefined;
  const start = first.range.start;
  let end = start;
  let replacement = '';
  for (const edit of sorted) {
    if (edit.range.start < end) return undefined;
    replacement += text.slice(end, edit.range.start) + edit.text;
    end = edit.range.end;
  }
  return { range: [start, end], text: replacement };
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

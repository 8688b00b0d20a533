import { terminalSafeJson } from './sanitize.js';
import type { FileResult, Finding, Suppression } from '../engine/result.js';
import type { Rule } from '../rules/rule.js';
import { ruleUrl } from '../rules/rule.js';

export interface SarifOptions {
  rules: readonly Rule[];
  version: string;
}

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const INFORMATION_URI = 'https://github.com/SovereignCloudStack/scs-standards';

/**
 * SARIF 2.1.0, as code scanning services read it: one run, the rules with their descriptions
 * and help pages, and one result per finding with its region. Paths are relative to the
 * repository root (`%SRCROOT%`); findings turned off by a lint comment carry an in-source suppression, findings
 * suppressed in bulk an external one.
 * With a base, each result has a `baselineState`: `unchanged` when the base already had the
 * finding, `new` when the change introduces it.
 */
export function formatSarif(results: readonly FileResult[], options: SarifOptions): string {
  const used = new Set<string>();
  for (const result of results) {
    for (const finding of [...result.messages, ...(result.suppressedMessages ?? [])]) used.add(finding.ruleId);
  }
  const rules = options.rules.filter((rule) => used.has(rule.id));
  const index = new Map(rules.map((rule, position) => [rule.id, position]));
  const sarifResults: unknown[] = [];
  for (const result of results) {
    for (const finding of result.messages) sarifResults.push(toResult(result, finding, index, false));
    for (const finding of result.suppressedMessages ?? []) sarifResults.push(toResult(result, finding, index, true));
  }
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'scs-standards',
            version: options.version,
            informationUri: INFORMATION_URI,
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: plain(rule.meta.description) },
              fullDescription: { text: plain(rule.meta.description), markdown: rule.meta.description },
              helpUri: ruleUrl(rule.id),
              help: { text: `See ${ruleUrl(rule.id)}`, markdown: `See [the rule's page](${ruleUrl(rule.id)}).` },
              defaultConfiguration: { level: rule.meta.severity === 'error' ? 'error' : 'warning' },
              properties: { scope: rule.meta.scope },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The root of the repository.' } } },
        results: sarifResults,
      },
    ],
  };
  return `${terminalSafeJson(log, 2)}\n`;
}

function toResult(result: FileResult, finding: Finding, index: ReadonlyMap<string, number>, suppressed: boolean): unknown {
  const ruleIndex = index.get(finding.ruleId);
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: finding.severity === 2 ? 'error' : 'warning',
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toUri(result.relPath), uriBaseId: '%SRCROOT%' },
          region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: Math.max(finding.endColumn, finding.endLine === finding.line ? finding.column : 1) },
        },
      },
    ],
    ...(finding.preExisting === undefined ? {} : { baselineState: finding.preExisting ? 'unchanged' : 'new' }),
    ...(suppressed ? { suppressions: (finding.suppressions ?? [{ kind: 'file', justification: '' }]).map(sarifSuppression) } : {}),
  };
}

/** A lint comment is an in-source suppression; a count in the suppressions file an external one. */
function sarifSuppression(suppression: Suppression): { kind: 'inSource' | 'external'; justification: string } {
  if (suppression.kind === 'directive') return { kind: 'inSource', justification: suppression.justification || 'Turned off by a lint comment' };
  return { kind: 'external', justification: suppression.justification || 'Counted in the suppressions file' };
}

/** A relative path as a URI reference: every segment percent-encoded. */
export function toUri(relPath: string): string {
  return relPath.split('/').map(encodeURIComponent).join('/');
}

/** The description without Markdown code marks, for plain-text viewers. */
function plain(text: string): string {
  return text.replaceAll('`', '');
}

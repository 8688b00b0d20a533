import type { Review, ReviewDocument } from '../lifecycle/review.js';
import { ruleUrl } from '../rules/rule.js';
import { code, escapeMarkdown, inlineMarkdown } from './markdown.js';

/**
 * The review report as GitHub-flavoured Markdown, for a pull request's job summary. Every text
 * that comes from a document (titles, file names, values in messages) is escaped, so a document
 * cannot add links, HTML or table cells to the report.
 */
export function formatReviewMarkdown(review: Review): string {
  const lines: string[] = ['## Standards review', ''];
  const head = review.head === null ? 'the working tree' : `${code(review.head)} (${review.headCommit.slice(0, 12)})`;
  lines.push(`Compared ${head} with ${code(review.base)} (${review.baseCommit.slice(0, 12)}).`, '');
  if (review.documents.length === 0) lines.push('No standards document changed.', '');

  const transitions = review.documents.filter((doc) => doc.kind !== 'deleted' && (doc.statusBefore !== doc.statusAfter || doc.dates.length > 0));
  section(lines, 'Transitions', transitions.map(transitionLine));
  section(
    lines,
    'New documents',
    review.documents.filter((doc) => doc.kind === 'added').map((doc) => `- ${code(doc.fileName)}${about(doc)}`),
  );
  section(
    lines,
    'Renamed documents',
    review.documents
      .filter((doc) => doc.kind === 'renamed')
      .map((doc) => `- ${code(doc.previousFileName ?? '')} → ${code(doc.fileName)}${doc.accepted ? ` (proposal accepted as ${code(doc.id ?? doc.fileName)})` : ''}`),
  );
  section(
    lines,
    'Edited documents',
    review.documents.filter((doc) => doc.kind === 'modified').map((doc) => `- ${code(doc.fileName)}${about(doc)}`),
  );
  section(
    lines,
    'Deleted documents',
    review.documents.filter((doc) => doc.kind === 'deleted').map((doc) => `- ${code(doc.fileName)}${about(doc)}`),
  );

  lines.push('### Findings', '');
  const elsewhere = review.untouchedWarningCount > 0 ? ` ${plural(review.untouchedWarningCount, 'warning')} in documents this change does not touch ${review.untouchedWarningCount === 1 ? 'is' : 'are'} not listed (\`scs-standards lint\` shows them).` : '';
  if (review.findings.length === 0) lines.push(`No findings in the changed documents.${elsewhere}`, '');
  else {
    lines.push(`${plural(review.errorCount, 'error')}, ${plural(review.warningCount, 'warning')}.${elsewhere}`, '');
    for (const finding of review.findings) {
      lines.push(
        `- **${finding.severity}** ${code(`${finding.file}:${finding.line}:${finding.column}`)} [${escapeMarkdown(finding.ruleId)}](${ruleUrl(finding.ruleId)}): ${inlineMarkdown(finding.message)}${finding.preExisting ? ' (pre-existing)' : ''}`,
      );
    }
    lines.push('');
  }

  lines.push('### Approvals', '');
  if (review.approvals.length === 0) lines.push('No approval needed: no document changed.', '');
  else {
    for (const approval of review.approvals) {
      lines.push(`- ${escapeMarkdown(approval.group)} (${approval.tracks.map(escapeMarkdown).join(', ')}): ${approval.documents.map(code).join(', ')}`);
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function section(lines: string[], title: string, items: readonly string[]): void {
  if (items.length === 0) return;
  lines.push(`### ${title}`, '', ...items, '');
}

/** `scs-0103-v1: Draft -> Stable, stabilized_at 2026-12-01`, each part passed through `escape`. */
export function transitionText(doc: ReviewDocument, escape: (text: string) => string = (text) => text): string {
  const from = doc.kind === 'added' ? 'new' : doc.statusBefore === null ? 'no status' : escape(doc.statusBefore);
  const to = doc.statusAfter === null ? 'no status' : escape(doc.statusAfter);
  const parts = [from === to ? `${to} (unchanged)` : `${from} -> ${to}`, ...doc.dates.map((date) => `${date.field} ${escape(date.value)}`)];
  return `${escape(doc.id ?? doc.fileName)}: ${parts.join(', ')}`;
}

function transitionLine(doc: ReviewDocument): string {
  return `- ${transitionText(doc, escapeMarkdown)}${doc.title ? ` — ${escapeMarkdown(doc.title)}` : ''}`;
}

function about(doc: ReviewDocument): string {
  // A type that also decides the approvals (an EIP without category) is named once.
  const facts = [...new Set([doc.type, doc.track, doc.statusAfter ?? doc.statusBefore])].filter((fact): fact is string => fact !== null);
  const title = doc.title ? `: ${escapeMarkdown(doc.title)}` : '';
  return `${title}${facts.length > 0 ? ` (${facts.map(escapeMarkdown).join(', ')})` : ''}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

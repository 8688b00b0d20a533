import { ChangeSet } from '../edits/change-set.js';
import { todayIso } from '../model/dates.js';
import type { StandardDocument } from '../model/document.js';
import { checkTransition } from '../model/lifecycle.js';
import { STATUSES, type Status } from '../model/profile.js';
import { incomingReferences } from '../model/references.js';
import { FrontMatterEditor } from './editor.js';
import { AuthoringError, findDocument, parseDate, requireEditable, requireNotBefore, shown, type Workspace } from './workspace.js';

export interface StatusOptions {
  document: string;
  /** The date of the transition; today (UTC) when omitted. */
  date?: string | undefined;
  /** Documents that replace this one (`deprecate`, `reject`). */
  replacedBy?: readonly string[] | undefined;
}

/** `stabilize`: Draft to Stable, with `stabilized_at`. */
export function planStabilize(ws: Workspace, options: StatusOptions): ChangeSet {
  return planStatus(ws, 'Stable', options);
}

/** `deprecate`: Stable to Deprecated, with `deprecated_at` and `replaced_by`. */
export function planDeprecate(ws: Workspace, options: StatusOptions): ChangeSet {
  return planStatus(ws, 'Deprecated', options);
}

/** `reject`: Draft to Rejected, with `rejected_at` and `replaced_by`. */
export function planReject(ws: Workspace, options: StatusOptions): ChangeSet {
  return planStatus(ws, 'Rejected', options);
}

/**
 * A status transition of one document. The transition table of the lifecycle decides whether
 * it is allowed and which date field it sets. A Deprecated or Rejected document names its
 * replacements in `replaced_by`: the ones given, and every document that already names it in
 * `replaces`; a replacement that is a later version of the same number gets the matching
 * `replaces` entry when it lacks one.
 */
function planStatus(ws: Workspace, to: Status, options: StatusOptions): ChangeSet {
  const doc = findDocument(ws, options.document);
  requireEditable(ws, doc);
  const where = shown(ws, doc.source.path);
  if (doc.name?.kind === 'proposal') {
    throw new AuthoringError(`${where} is a proposal without a number: accept it first (\`scs-standards accept ${doc.fileName}\`); a document keeps its number whatever becomes of it`);
  }
  if (doc.type === 'Supplement' || doc.name?.letter === 'w') throw new AuthoringError(`${where} is a supplement: supplements have no status, they are always informative`);
  const from = doc.status;
  if (!isStatus(from)) throw new AuthoringError(`${where} has no valid \`status\` (${from === undefined ? 'none' : `\`${from}\``}): fix it first`);
  if (from === to) throw new AuthoringError(`${where} is already ${to}`);
  const check = checkTransition(from, to, doc.type);
  if (!check.ok) throw new AuthoringError(`${where}: ${check.reason}`);
  const field = check.transition?.sets[0];
  if (field === undefined) throw new AuthoringError(`${where}: the transition to ${to} records no date`);
  const date = parseDate(options.date ?? todayIso());
  requireNotBefore(ws, doc, field, date);

  const replacements = to === 'Stable' ? [] : resolveReplacements(ws, doc, options.replacedBy ?? []);
  const set = new ChangeSet(ws.config.root);
  const editor = new FrontMatterEditor(set.textOf(doc)).set('status', to).set(field, date);
  for (const replacement of replacements) editor.addToList('replaced_by', replacement.fileName);
  set.edit(doc, editor.text);
  for (const replacement of replacements) {
    if (!isLaterVersion(replacement, doc)) continue;
    if (replacement.references('replaces').some((reference) => reference.name === doc.fileName)) continue;
    requireEditable(ws, replacement);
    set.edit(replacement, new FrontMatterEditor(set.textOf(replacement)).addToList('replaces', doc.fileName).text);
  }
  return set;
}

function isStatus(value: string | undefined): value is Status {
  return (STATUSES as readonly (string | undefined)[]).includes(value);
}

/** The given replacements, checked, plus the documents that already name `doc` in `replaces`. */
function resolveReplacements(ws: Workspace, doc: StandardDocument, refs: readonly string[]): StandardDocument[] {
  const found: StandardDocument[] = [];
  for (const ref of refs) {
    let replacement: StandardDocument;
    try {
      replacement = findDocument(ws, ref);
    } catch (error) {
      if (error instanceof AuthoringError) throw new AuthoringError(`--replaced-by ${ref}: ${error.message}`);
      throw error;
    }
    const where = shown(ws, replacement.source.path);
    if (replacement === doc) throw new AuthoringError(`--replaced-by ${ref}: a document does not replace itself`);
    if (replacement.name?.letter === 'w' || replacement.type === 'Supplement') {
      throw new AuthoringError(`--replaced-by ${ref}: ${where} is a supplement; supplements do not replace documents`);
    }
    const sameNumber = replacement.name?.number === doc.name?.number;
    if (sameNumber && !isLaterVersion(replacement, doc)) {
      throw new AuthoringError(`--replaced-by ${ref}: ${where} is not a later version of ${doc.fileName}; a version is replaced by a later one`);
    }
    if (!found.includes(replacement)) found.push(replacement);
  }
  const incoming = incomingReferences(ws.corpus).get(doc.fileName) ?? [];
  for (const { from, reference } of incoming) {
    if (reference.field === 'replaces' && from !== doc && !found.includes(from)) found.push(from);
  }
  return found;
}

function isLaterVersion(candidate: StandardDocument, doc: StandardDocument): boolean {
  const a = candidate.name;
  const b = doc.name;
  return !!a && !!b && a.number === b.number && a.letter === 'v' && a.version !== undefined && b.version !== undefined && a.version > b.version;
}

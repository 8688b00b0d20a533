import { ChangeSet } from '../edits/change-set.js';
import { todayIso } from '../model/dates.js';
import type { StandardDocument } from '../model/document.js';
import { incomingReferences } from '../model/references.js';
import { fileNameReference } from '../profile/succession.js';
import { isSupplementType, SUPPLEMENT } from '../profile/supplement-types.js';
import type { ProfileReference } from '../profile/types.js';
import { FrontMatterEditor } from './editor.js';
import { AuthoringError, findDocument, parseDate, requireEditable, requireNotBefore, shown, type Workspace } from './workspace.js';

export interface StatusOptions {
  document: string;
  /** The date of the transition; today (UTC) when omitted. */
  date?: string | undefined;
  /** Documents that replace this one (`deprecate`, `reject`). */
  replacedBy?: readonly string[] | undefined;
}

/** `stabilize`: the profile's transition of that command (SCS: Draft to Stable, with `stabilized_at`). */
export function planStabilize(ws: Workspace, options: StatusOptions): ChangeSet {
  return planStatus(ws, 'stabilize', options);
}

/** `deprecate`: the profile's transition of that command (SCS: Stable to Deprecated, with `deprecated_at` and `replaced_by`). */
export function planDeprecate(ws: Workspace, options: StatusOptions): ChangeSet {
  return planStatus(ws, 'deprecate', options);
}

/** `reject`: the profile's transition of that command (SCS: Draft to Rejected, with `rejected_at` and `replaced_by`). */
export function planReject(ws: Workspace, options: StatusOptions): ChangeSet {
  return planStatus(ws, 'reject', options);
}

/**
 * The status transition a command makes of one document: the profile's transition whose
 * `command` it is (from the document's status, when the command has several), which decides
 * whether it is allowed and which date field it sets. A document in a status that may name its
 * replacements (the `statuses` of the reference field that points `later`, SCS: `replaced_by` of
 * a Deprecated or Rejected document) names them: the ones given, and every document that already
 * names it in the field that points `earlier` (`replaces`); a replacement that is a later version
 * of the same number gets the matching entry there when it lacks one.
 */
function planStatus(ws: Workspace, command: string, options: StatusOptions): ChangeSet {
  const { profile } = ws.config.process;
  const made = profile.transitions.filter((transition) => transition.command === command);
  if (made.length === 0) throw new AuthoringError(`The profile \`${profile.name}\` has no transition that \`${command}\` makes (\`transitions[].command\`)`);
  const doc = findDocument(ws, options.document);
  requireEditable(ws, doc);
  const where = shown(ws, doc.source.path);
  if (doc.name?.kind === 'proposal') {
    throw new AuthoringError(`${where} is a proposal without a number: accept it first (\`scs-standards accept ${doc.fileName}\`); a document keeps its number whatever becomes of it`);
  }
  if (isSupplementType(profile, doc.type) || doc.name?.letter === 'w') throw new AuthoringError(`${where} is a ${SUPPLEMENT}: ${SUPPLEMENT}s have no status, they are always informative`);
  const from = doc.status;
  if (ws.config.process.status(from) === undefined) throw new AuthoringError(`${where} has no valid \`${profile.statuses.field}\` (${from === undefined ? 'none' : `\`${from}\``}): fix it first`);
  const to = (made.find((transition) => transition.from === from) ?? made[0])?.to ?? '';
  if (from === to) throw new AuthoringError(`${where} is already ${to}`);
  const check = ws.config.process.checkTransition(from ?? '', to, doc.type);
  if (!check.ok) throw new AuthoringError(`${where}: ${check.reason}`);
  const field = check.transition?.sets[0];
  if (field === undefined) throw new AuthoringError(`${where}: the transition to ${to} records no date`);
  const date = parseDate(options.date ?? todayIso());
  requireNotBefore(ws, doc, field, date);

  const later = fileNameReference(profile, 'later');
  const earlier = fileNameReference(profile, 'earlier');
  const named = later !== undefined && (later.statuses ?? []).includes(to);
  if (!named && (options.replacedBy ?? []).length > 0) throw new AuthoringError(`--replaced-by: a ${to} document names no replacements`);
  const replacements = named ? resolveReplacements(ws, doc, options.replacedBy ?? [], earlier) : [];
  const set = new ChangeSet(ws.config.root);
  const editor = new FrontMatterEditor(set.textOf(doc), profile).set(profile.statuses.field, to).set(field, date);
  for (const replacement of replacements) if (later) editor.addToList(later.field, replacement.fileName);
  set.edit(doc, editor.text);
  for (const replacement of earlier ? replacements : []) {
    if (!earlier || !isLaterVersion(replacement, doc)) continue;
    if (replacement.references(earlier.field).some((reference) => reference.name === doc.fileName)) continue;
    requireEditable(ws, replacement);
    set.edit(replacement, new FrontMatterEditor(set.textOf(replacement), profile).addToList(earlier.field, doc.fileName).text);
  }
  return set;
}

/** The given replacements, checked, plus the documents that already name `doc` in the field that points `earlier`. */
function resolveReplacements(ws: Workspace, doc: StandardDocument, refs: readonly string[], earlier: ProfileReference | undefined): StandardDocument[] {
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
    if (replacement.name?.letter === 'w' || isSupplementType(ws.config.process.profile, replacement.type)) {
      throw new AuthoringError(`--replaced-by ${ref}: ${where} is a ${SUPPLEMENT}; ${SUPPLEMENT}s do not replace documents`);
    }
    const sameNumber = replacement.name?.number === doc.name?.number;
    if (sameNumber && !isLaterVersion(replacement, doc)) {
      throw new AuthoringError(`--replaced-by ${ref}: ${where} is not a later version of ${doc.fileName}; a version is replaced by a later one`);
    }
    if (!found.includes(replacement)) found.push(replacement);
  }
  const incoming = incomingReferences(ws.corpus).get(doc.fileName) ?? [];
  for (const { from, reference } of incoming) {
    if (reference.field === earlier?.field && from !== doc && !found.includes(from)) found.push(from);
  }
  return found;
}

function isLaterVersion(candidate: StandardDocument, doc: StandardDocument): boolean {
  const a = candidate.name;
  const b = doc.name;
  return !!a && !!b && a.number === b.number && a.letter === 'v' && a.version !== undefined && b.version !== undefined && a.version > b.version;
}

import { join } from 'node:path';
import { ChangeSet } from '../edits/change-set.js';
import { applyEdits } from '../edits/text-edits.js';
import { checkTransition } from '../model/lifecycle.js';
import { digitOfTrack, STATUSES, TRACKS, TRACK_BY_DIGIT, type Status } from '../model/profile.js';
import { FrontMatterEditor, isEditable } from './editor.js';
import { retargetLinkEdits } from './links.js';
import { chooseNumber, usedNumbers } from './numbers.js';
import { checkFileName } from './slug.js';
import { AuthoringError, findDocument, requireEditable, shown, type Workspace } from './workspace.js';

export interface AcceptOptions {
  document: string;
  /** The number to assign; the next free one of the track when omitted. */
  number?: string | undefined;
  /** Numbers taken elsewhere (for example on the base branch), besides those in the folder. */
  alsoUsed?: Iterable<string> | undefined;
}

/**
 * `accept`: a proposal gets the next unused number of its track (or the given one) and is
 * renamed; every reference to its old name, in `replaces`, `replaced_by`, `supplements` and in
 * links of any document of the folder (itself included), follows.
 */
export function planAccept(ws: Workspace, options: AcceptOptions): ChangeSet {
  const doc = findDocument(ws, options.document);
  requireEditable(ws, doc);
  const where = shown(ws, doc.source.path);
  const name = doc.name;
  if (!name || name.kind !== 'proposal') {
    throw new AuthoringError(`${where} is not a proposal: it has the number ${name?.number ?? '?'} already`);
  }
  if (name.letter !== 'v' || name.version !== 1) throw new AuthoringError(`${where} is not version 1 of a document: a proposal is \`scs-xxxx-v1-<slug>.md\``);
  const status = doc.status;
  if (!(STATUSES as readonly (string | undefined)[]).includes(status)) throw new AuthoringError(`${where} has no valid \`status\`: fix it first`);
  const check = checkTransition(status as Status, 'Draft', doc.type);
  if (!check.ok) throw new AuthoringError(`${where} cannot be accepted: ${check.reason}`);
  const track = doc.track;
  const digit = track === undefined ? undefined : digitOfTrack(track);
  if (digit === undefined) throw new AuthoringError(`${where} has no valid \`track\` (one of ${TRACKS.join(', ')}): its number depends on it`);
  if (name.trackDigit !== undefined && name.trackDigit !== digit) {
    const hinted = TRACK_BY_DIGIT[name.trackDigit] ?? `digit ${name.trackDigit}`;
    throw new AuthoringError(`${where} is named for the ${hinted} track (\`${name.number}\`), but its \`track\` is ${track ?? ''}: make them agree first`);
  }
  const used = usedNumbers(ws.corpus);
  for (const number of options.alsoUsed ?? []) used.add(number);
  const number = chooseNumber(digit, used, options.number);
  const fileName = `scs-${number}-v1-${name.slug}.md`;
  checkFileName(ws, fileName, 'the slug stays as it is once the document is accepted: rename the proposal first');
  const target = join(ws.folder, fileName);

  const set = new ChangeSet(ws.config.root);
  set.rename(doc, target);
  for (const other of ws.corpus.documents) {
    const original = set.textOf(other);
    if (other.readProblem || !other.source.text.includes(doc.fileName)) continue;
    // Links first, in offsets of the text as read; then the front matter, which the editor re-reads.
    const bom = other.source.bom ? '\ufeff' : '';
    let text = bom + applyEdits(other.source.text, retargetLinkEdits(other.source.text, other.body.links, doc.fileName, fileName));
    if (isEditable(other.frontMatter)) text = new FrontMatterEditor(text).renameReference(doc.fileName, fileName).text;
    else if (other.frontMatter.source.includes(doc.fileName)) {
      set.note(`${shown(ws, other.source.path)}: its front matter cannot be parsed, so references to ${doc.fileName} in it were not updated`);
    }
    if (text !== original) set.edit(other, text);
  }
  return set;
}


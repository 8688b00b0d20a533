import { join } from 'node:path';
import { ChangeSet } from '../edits/change-set.js';
import { applyEdits } from '../edits/text-edits.js';
import { fileNameOf } from '../profile/written-names.js';
import { FrontMatterEditor, isEditable } from './editor.js';
import { retargetLinkEdits } from './links.js';
import { chooseNumber, digitOfTrack, usedNumbers } from './numbers.js';
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
 * renamed; every reference to its old name, in the reference fields by file name and in links
 * of any document of the folder (itself included), follows. For a profile whose numbers follow
 * the track (`numbers.assignment: next-in-track`, `numbers.tracks`); a proposal is version
 * `lifecycle.proposal.version` and may take the status `lifecycle.proposal.status`.
 */
export function planAccept(ws: Workspace, options: AcceptOptions): ChangeSet {
  const { process } = ws.config;
  const { profile } = process;
  const tracks = profile.tracks;
  if (profile.numbers.assignment === 'manual' || !profile.numbers.tracks || !tracks) {
    throw new AuthoringError(`The profile \`${profile.name}\` does not number documents by track (\`numbers.assignment\`, \`numbers.tracks\`): its editors assign the numbers`);
  }
  const doc = findDocument(ws, options.document);
  requireEditable(ws, doc);
  const where = shown(ws, doc.source.path);
  const name = doc.name;
  if (!name || name.kind !== 'proposal') {
    throw new AuthoringError(`${where} is not a proposal: it has the number ${name?.number ?? '?'} already`);
  }
  const proposal = profile.lifecycle?.proposal;
  if (name.letter !== 'v' || (proposal?.version !== undefined && name.version !== proposal.version)) {
    const shape = profile.templates?.newFileName?.replace(/\{slug\}/g, '<slug>');
    throw new AuthoringError(`${where} is not version ${proposal?.version ?? 1} of a document${shape === undefined ? '' : `: a proposal is \`${shape}\``}`);
  }
  const status = doc.status;
  if (process.status(status) === undefined) throw new AuthoringError(`${where} has no valid \`${profile.statuses.field}\`: fix it first`);
  const target = proposal?.status ?? profile.templates?.newStatus;
  const check = target === undefined ? undefined : process.checkTransition(status ?? '', target, doc.type);
  if (check && !check.ok) throw new AuthoringError(`${where} cannot be accepted: ${check.reason}`);
  const track = doc.string(tracks.field);
  const names = tracks.values.map((value) => value.name);
  if (track === undefined || !names.includes(track)) throw new AuthoringError(`${where} has no valid \`${tracks.field}\` (one of ${names.join(', ')}): its number depends on it`);
  const digit = digitOfTrack(profile, track);
  const byDigit = 'byDigit' in profile.numbers.tracks ? profile.numbers.tracks.byDigit : undefined;
  if (byDigit && digit !== undefined && name.trackDigit !== undefined && name.trackDigit !== digit) {
    const hinted = (Object.hasOwn(byDigit.digits, name.trackDigit) ? byDigit.digits[name.trackDigit] : undefined) ?? `digit ${name.trackDigit}`;
    throw new AuthoringError(`${where} is named for the ${hinted} track (\`${name.number}\`), but its \`${tracks.field}\` is ${track}: make them agree first`);
  }
  const used = usedNumbers(ws.corpus);
  for (const number of options.alsoUsed ?? []) used.add(number);
  const number = chooseNumber(profile, track, used, options.number);
  const fileName = fileNameOf(profile, 'document', { number, version: name.versionText, slug: name.slug });
  if (fileName === undefined) throw new AuthoringError(`The profile \`${profile.name}\` names no version of a document (\`fileNames.kinds\`)`);
  checkFileName(ws, fileName, 'the slug stays as it is once the document is accepted: rename the proposal first');
  const set = new ChangeSet(ws.config.root);
  set.rename(doc, join(ws.folder, fileName));
  for (const other of ws.corpus.documents) {
    const original = set.textOf(other);
    if (other.readProblem || !other.source.text.includes(doc.fileName)) continue;
    // Links first, in offsets of the text as read; then the front matter, which the editor re-reads.
    const bom = other.source.bom ? '\ufeff' : '';
    let text = bom + applyEdits(other.source.text, retargetLinkEdits(other.source.text, other.body.links, doc.fileName, fileName));
    if (isEditable(other.frontMatter)) text = new FrontMatterEditor(text, profile).renameReference(doc.fileName, fileName).text;
    else if (other.frontMatter.source.includes(doc.fileName)) {
      set.note(`${shown(ws, other.source.path)}: its front matter cannot be parsed, so references to ${doc.fileName} in it were not updated`);
    }
    if (text !== original) set.edit(other, text);
  }
  return set;
}


import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ChangeSet } from '../edits/change-set.js';
import type { StandardDocument } from '../model/document.js';
import { SUPPLEMENT, supplementTypesOf } from '../profile/supplement-types.js';
import { fileNameOf } from '../profile/written-names.js';
import { FrontMatterEditor } from './editor.js';
import { checkTitle, replaceTitleHeading } from './new.js';
import { checkFileName, chooseSlug } from './slug.js';
import { templateFor } from './templates.js';
import { AuthoringError, findDocument, requireEditable, shown, type Workspace } from './workspace.js';

export interface SupplementOptions {
  /** The versions the supplement extends; all of one number. */
  documents: readonly string[];
  title: string;
  slug?: string | undefined;
}

/**
 * `supplement`: the next `wM` supplement of a number, of the profile's supplement type (the type
 * whose `fileKind` is `supplement`), from its template: the track of what it extends, no
 * status, and the versions it extends in the type's `extends` field.
 */
export function planSupplement(ws: Workspace, options: SupplementOptions): ChangeSet {
  const { profile } = ws.config.process;
  const type = supplementTypesOf(profile)[0];
  if (!type) throw new AuthoringError(`The profile \`${profile.name}\` has no ${SUPPLEMENT}s (no type whose \`fileKind\` is \`${SUPPLEMENT}\`)`);
  if (options.documents.length === 0) throw new AuthoringError('Name the document (or versions) the supplement extends');
  const docs: StandardDocument[] = [];
  for (const ref of options.documents) {
    const doc = findDocument(ws, ref);
    requireEditable(ws, doc);
    const where = shown(ws, doc.source.path);
    const name = doc.name;
    if (!name || name.kind === 'proposal') throw new AuthoringError(`${where} is a proposal: a supplement carries the number of what it extends, so accept the proposal first`);
    if (name.kind !== 'document') throw new AuthoringError(`${where} is a supplement: a supplement extends versions of a document, not another supplement`);
    const first = docs[0];
    if (first && first.name?.number !== name.number) throw new AuthoringError(`${where} has another number than ${first.fileName}: one supplement extends versions of one number`);
    if (!docs.includes(doc)) docs.push(doc);
  }
  const [main] = docs;
  if (!main?.name) throw new AuthoringError('Name the document (or versions) the supplement extends');
  const tracks = profile.tracks;
  const track = tracks ? main.string(tracks.field) : undefined;
  if (tracks && (track === undefined || !tracks.values.some((value) => value.name === track))) {
    throw new AuthoringError(`${shown(ws, main.source.path)} has no valid \`${tracks.field}\`: the ${SUPPLEMENT} takes it over`);
  }
  const title = checkTitle(options.title);
  const number = main.name.number;
  const taken = ws.corpus.byNumber(number).filter((doc) => doc.name?.letter === 'w').map((doc) => doc.name?.version ?? 0);
  const version = Math.max(0, ...taken) + 1;
  const { slug, how } = chooseSlug(title, options.slug);
  const fileName = fileNameOf(profile, SUPPLEMENT, { number, supplement: String(version), slug });
  if (fileName === undefined) throw new AuthoringError(`The profile \`${profile.name}\` names no file of a ${SUPPLEMENT} (\`fileNames.kinds\`)`);
  checkFileName(ws, fileName, how);
  const path = join(ws.folder, fileName);
  if (existsSync(path)) throw new AuthoringError(`${shown(ws, path)} exists already`);
  const template = templateFor(ws, type.name);
  const editor = new FrontMatterEditor(template.text, profile)
    .set('title', title)
    .set(profile.types.field, type.name)
    .removeHint(profile.types.field)
    .remove(profile.statuses.field);
  if (tracks && track !== undefined) editor.set(tracks.field, track).removeHint(tracks.field);
  if (type.extends !== undefined) editor.setList(type.extends, docs.map((doc) => doc.fileName));
  const set = new ChangeSet(ws.config.root);
  set.create(path, replaceTitleHeading(editor.text, template.title, title), template.shown);
  return set;
}

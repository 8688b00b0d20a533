import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ChangeSet } from '../edits/change-set.js';
import { fileNameReference } from '../profile/succession.js';
import { SUPPLEMENT } from '../profile/supplement-types.js';
import { fileNameOf } from '../profile/written-names.js';
import { FrontMatterEditor } from './editor.js';
import { newStatusOf } from './new.js';
import { checkFileName } from './slug.js';
import { AuthoringError, findDocument, requireEditable, shown, type Workspace } from './workspace.js';

export interface BumpOptions {
  document: string;
  /** The slug of the new version; the old one's when omitted. */
  slug?: string | undefined;
}

/**
 * `bump`: the next major version as a copy of a version in the status of new documents, naming
 * it in the reference field that points `earlier` (SCS: `replaces`) and without its dates and
 * the field that points `later` (`replaced_by`). The old version is left as it is, unless it is
 * already in a status that names its replacements (Deprecated or Rejected): then that field
 * gains the new version, as the two sides of a replacement agree.
 */
export function planBump(ws: Workspace, options: BumpOptions): ChangeSet {
  const { profile, names } = ws.config.process;
  const doc = findDocument(ws, options.document);
  requireEditable(ws, doc);
  const where = shown(ws, doc.source.path);
  const name = doc.name;
  if (!name || name.kind === 'proposal') throw new AuthoringError(`${where} is a proposal: it is version 1 until it is accepted; edit it instead`);
  if (name.kind !== 'document') throw new AuthoringError(`${where} is a ${SUPPLEMENT}: ${SUPPLEMENT}s are numbered \`wM\`; create another with \`scs-standards supplement\``);
  if (name.version === undefined) throw new AuthoringError(`${where} has no version: the documents of the profile \`${profile.name}\` have none`);
  const status = newStatusOf(ws, doc.type);
  const version = String(name.version + 1);
  const id = names.idOf({ number: name.number, version });
  const slug = options.slug ?? name.slug;
  const fileName = fileNameOf(profile, 'document', { number: name.number, version, slug });
  if (id === undefined || fileName === undefined) throw new AuthoringError(`The profile \`${profile.name}\` names no version of a document (\`fileNames\`)`);
  const existing = ws.corpus.byId(id);
  if (existing.length > 0) throw new AuthoringError(`${id} exists already (${existing.map((other) => `\`${other.fileName}\``).join(', ')}): bump the latest version`);
  checkFileName(ws, fileName, options.slug === undefined ? 'the slug of the old version; give another with --slug' : 'from --slug');
  const path = join(ws.folder, fileName);
  if (existsSync(path)) throw new AuthoringError(`${shown(ws, path)} exists already`);

  const earlier = fileNameReference(profile, 'earlier');
  const later = fileNameReference(profile, 'later');
  const set = new ChangeSet(ws.config.root);
  const editor = new FrontMatterEditor(set.textOf(doc), profile).set(profile.statuses.field, status);
  for (const field of (profile.dates ?? []).map((entry) => entry.field)) editor.remove(field);
  if (later) editor.remove(later.field);
  if (earlier) editor.setList(earlier.field, [doc.fileName]);
  set.create(path, editor.text);
  if (later && doc.status !== undefined && (later.statuses ?? []).includes(doc.status)) {
    set.edit(doc, new FrontMatterEditor(set.textOf(doc), profile).addToList(later.field, fileName).text);
  }
  return set;
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ChangeSet } from '../edits/change-set.js';
import { checkTransition } from '../model/lifecycle.js';
import { DATE_FIELDS } from '../model/profile.js';
import { FrontMatterEditor } from './editor.js';
import { checkFileName } from './slug.js';
import { AuthoringError, findDocument, requireEditable, shown, type Workspace } from './workspace.js';

export interface BumpOptions {
  document: string;
  /** The slug of the new version; the old one's when omitted. */
  slug?: string | undefined;
}

/**
 * `bump`: the next major version as a Draft copy of a version, with `replaces` naming it and
 * without its dates and `replaced_by`. The old version is left as it is, unless it is already
 * Deprecated or Rejected: then its `replaced_by` gains the new version, as the two sides of a
 * replacement agree.
 */
export function planBump(ws: Workspace, options: BumpOptions): ChangeSet {
  const doc = findDocument(ws, options.document);
  requireEditable(ws, doc);
  const where = shown(ws, doc.source.path);
  const name = doc.name;
  if (!name || name.kind === 'proposal') throw new AuthoringError(`${where} is a proposal: it is version 1 until it is accepted; edit it instead`);
  if (name.kind !== 'document' || name.version === undefined) throw new AuthoringError(`${where} is a supplement: supplements are numbered \`wM\`; create another with \`scs-standards supplement\``);
  const type = doc.type;
  const entry = checkTransition('new', 'Draft', type);
  if (!entry.ok) throw new AuthoringError(entry.reason);
  const version = name.version + 1;
  const id = `scs-${name.number}-v${version}`;
  const existing = ws.corpus.byId(id);
  if (existing.length > 0) throw new AuthoringError(`${id} exists already (${existing.map((other) => `\`${other.fileName}\``).join(', ')}): bump the latest version`);
  const slug = options.slug ?? name.slug;
  const fileName = `${id}-${slug}.md`;
  checkFileName(ws, fileName, options.slug === undefined ? 'the slug of the old version; give another with --slug' : 'from --slug');
  const path = join(ws.folder, fileName);
  if (existsSync(path)) throw new AuthoringError(`${shown(ws, path)} exists already`);

  const set = new ChangeSet(ws.config.root);
  const editor = new FrontMatterEditor(set.textOf(doc)).set('status', 'Draft');
  for (const field of DATE_FIELDS) editor.remove(field);
  editor.remove('replaced_by').setList('replaces', [doc.fileName]);
  set.create(path, editor.text);
  if (doc.status === 'Deprecated' || doc.status === 'Rejected') {
    set.edit(doc, new FrontMatterEditor(set.textOf(doc)).addToList('replaced_by', fileName).text);
  }
  return set;
}

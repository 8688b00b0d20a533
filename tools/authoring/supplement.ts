import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ChangeSet, fileText } from '../edits/change-set.js';
import type { StandardDocument } from '../model/document.js';
import { TRACKS } from '../model/profile.js';
import { FrontMatterEditor } from './editor.js';
import { checkTitle, replaceTitleHeading } from './new.js';
import { checkFileName, chooseSlug } from './slug.js';
import { findTemplate } from './templates.js';
import { AuthoringError, findDocument, requireEditable, shown, type Workspace } from './workspace.js';

export interface SupplementOptions {
  /** The versions the supplement extends; all of one number. */
  documents: readonly string[];
  title: string;
  slug?: string | undefined;
}

/** `supplement`: the next `wM` supplement of a number, from the Supplement template. */
export function planSupplement(ws: Workspace, options: SupplementOptions): ChangeSet {
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
  const track = main.track;
  if (track === undefined || !(TRACKS as readonly string[]).includes(track)) throw new AuthoringError(`${shown(ws, main.source.path)} has no valid \`track\`: the supplement takes it over`);
  const title = checkTitle(options.title);
  const number = main.name.number;
  const taken = ws.corpus.byNumber(number).filter((doc) => doc.name?.letter === 'w').map((doc) => doc.name?.version ?? 0);
  const version = Math.max(0, ...taken) + 1;
  const { slug, how } = chooseSlug(title, options.slug);
  const fileName = `scs-${number}-w${version}-${slug}.md`;
  checkFileName(ws, fileName, how);
  const path = join(ws.folder, fileName);
  if (existsSync(path)) throw new AuthoringError(`${shown(ws, path)} exists already`);
  const { doc: template, shown: templateShown } = findTemplate(ws, 'Supplement');
  const editor = new FrontMatterEditor(fileText(template))
    .set('title', title)
    .set('type', 'Supplement')
    .removeHint('type')
    .remove('status')
    .set('track', track)
    .removeHint('track')
    .setList('supplements', docs.map((doc) => doc.fileName));
  const set = new ChangeSet(ws.config.root);
  set.create(path, replaceTitleHeading(editor.text, template.title ?? '', title), templateShown);
  return set;
}

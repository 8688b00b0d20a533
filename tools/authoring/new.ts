import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ChangeSet, fileText } from '../edits/change-set.js';
import { todayIso } from '../model/dates.js';
import { parseFrontMatter } from '../model/frontmatter.js';
import { isSupplementType, SUPPLEMENT, supplementTypesOf } from '../profile/supplement-types.js';
import { FrontMatterEditor } from './editor.js';
import { checkFileName, chooseSlug } from './slug.js';
import { findTemplate, profileTemplate } from './templates.js';
import { AuthoringError, shown, type Workspace } from './workspace.js';

export interface NewOptions {
  /** The type; missing, it is refused with the profile's types. */
  type: string | undefined;
  /** The track, in a profile with tracks; missing, it is refused with the profile's tracks. */
  track: string | undefined;
  title: string;
  slug?: string | undefined;
}

/**
 * `new` in the default process: a proposal named `templates.newFileName` from the template of
 * its type (looked for beside the documents too), in the status `templates.newStatus`, in one
 * of the profile's tracks. The types are those the profile lets `new` make (not `creatable:
 * false`); a supplement is made with `supplement`, from the document it extends.
 */
export function planNew(ws: Workspace, options: NewOptions): ChangeSet {
  const { profile } = ws.config.process;
  const supplement = supplementTypesOf(profile).find((type) => type.name.toLowerCase() === options.type?.trim().toLowerCase());
  if (supplement) throw new AuthoringError(`--type ${supplement.name}: a ${SUPPLEMENT} extends a document; create it with \`scs-standards supplement <document> --title <title>\``);
  const type = oneOf('--type', options.type, creatableTypes(ws));
  const tracks = profile.tracks;
  const track = tracks ? oneOf('--track', options.track, tracks.values.map((value) => value.name)) : undefined;
  const title = checkTitle(options.title);
  const status = newStatusOf(ws, type);
  const { slug, how } = chooseSlug(title, options.slug);
  const fileName = newFileName(ws, slug);
  checkFileName(ws, fileName, how);
  const path = join(ws.folder, fileName);
  if (existsSync(path)) throw new AuthoringError(`${shown(ws, path)} exists already: choose another title or --slug`);
  const { doc: template, shown: templateShown } = findTemplate(ws, type);
  const templateTitle = template.title ?? '';
  const editor = new FrontMatterEditor(fileText(template), profile).set('title', title)
    .set(profile.types.field, type)
    .removeHint(profile.types.field)
    .set(profile.statuses.field, status);
  if (tracks && track !== undefined) editor.set(tracks.field, track).removeHint(tracks.field);
  const set = new ChangeSet(ws.config.root);
  set.create(path, replaceTitleHeading(editor.text, templateTitle, title), templateShown);
  return set;
}

/** The types `new` makes: the profile's, but those it marks `creatable: false` and supplements. */
function creatableTypes(ws: Workspace): string[] {
  const { profile } = ws.config.process;
  return profile.types.values.filter((type) => type.creatable !== false && !isSupplementType(profile, type.name)).map((type) => type.name);
}

/** The file name of a new document: `templates.newFileName` with the slug. */
function newFileName(ws: Workspace, slug: string): string {
  const { profile } = ws.config.process;
  const pattern = profile.templates?.newFileName;
  if (pattern === undefined) throw new AuthoringError(`The profile \`${profile.name}\` names no file name for new documents (\`templates.newFileName\`)`);
  return pattern.replace(/\{slug\}/g, slug);
}

/**
 * The status a new document of `type` gets: `templates.newStatus`, else the status of the
 * profile's first transition from `new`; refused when the profile does not let a document of
 * that type enter in it.
 */
export function newStatusOf(ws: Workspace, type: string | undefined): string {
  const { process } = ws.config;
  const status = process.profile.templates?.newStatus ?? process.transitions.find((transition) => transition.from === 'new')?.to;
  if (status === undefined) throw new AuthoringError(`The profile \`${process.name}\` has no status for new documents`);
  const entry = process.checkTransition('new', status, type);
  if (!entry.ok) throw new AuthoringError(entry.reason);
  return status;
}

/** The value of an option that must be one of a list; case does not matter. A missing or unknown one is refused with the list. */
export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T {
  if (value === undefined) throw new AuthoringError(`missing ${flag}: expected one of ${allowed.join(', ')}`);
  const found = allowed.find((candidate) => candidate.toLowerCase() === value.trim().toLowerCase());
  if (!found) throw new AuthoringError(`${flag} \`${value}\` is unknown: expected one of ${allowed.join(', ')}`);
  return found;
}

/** A title: one line of text. */
export function checkTitle(value: string): string {
  const title = value.trim();
  if (title === '') throw new AuthoringError('--title is empty: a document needs a title');
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(title)) throw new AuthoringError('--title must be one line of text without control characters');
  return title;
}

/**
 * Puts the title into the template's first-level heading when that heading is the template's
 * title placeholder (`# _Descriptive title_`).
 */
export function replaceTitleHeading(text: string, placeholder: string, title: string): string {
  if (placeholder === '') return text;
  const bom = text.startsWith('\ufeff') ? 1 : 0;
  const bodyStart = bom + parseFrontMatter(text.slice(bom)).range.end;
  const heading = new RegExp(`^(#[ \\t]+)${escapeRegExp(placeholder)}([ \\t]*\\r?)$`, 'm');
  const body = text.slice(bodyStart).replace(heading, (_match, open: string, close: string) => `${open}${escapeMarkdown(title)}${close}`);
  return text.slice(0, bodyStart) + body;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Escapes the characters that would turn a plain title into Markdown markup. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, '\\$&').replace(/#+$/, (hashes) => hashes.replace(/#/g, '\\#'));
}

export interface ProfileNewOptions {
  type: string | undefined;
  /** The day the transition's dates are set to (`created`); default today. */
  date?: string | undefined;
  category?: string | undefined;
  /** The track, in a profile with tracks. */
  track?: string | undefined;
  title: string;
  slug?: string | undefined;
}

/**
 * `new` in a process run from its profile alone: the file name `templates.newFileName`, the
 * template of the type (the repository's `templates.folder`, else the profile's own), the
 * status `templates.newStatus`, a category where the type asks for one, a track where the
 * profile has tracks.
 */
export function planProfileNew(ws: Workspace, options: ProfileNewOptions): ChangeSet {
  const { process } = ws.config;
  const { profile } = process;
  const templates = profile.templates;
  if (!templates?.newFileName) throw new AuthoringError(`The profile \`${profile.name}\` names no file name for new documents (\`templates.newFileName\`)`);
  const creatable = profile.types.values.filter((type) => type.creatable !== false).map((type) => type.name);
  const type = oneOf('--type', options.type, creatable);
  const entry = process.type(type);
  let category: string | undefined;
  if (options.category !== undefined) {
    if (entry?.categories === 'forbidden' || !profile.categories) throw new AuthoringError(`--category: a ${type} has no category`);
    category = oneOf('--category', options.category, profile.categories.values.map((value) => value.name));
  } else if (entry?.categories === 'required') {
    throw new AuthoringError(`--category is needed: a ${type} is in one of ${(profile.categories?.values ?? []).map((value) => value.name).join(', ')}`);
  }
  const tracks = profile.tracks;
  let track: string | undefined;
  if (tracks) {
    track = oneOf('--track', options.track, tracks.values.map((value) => value.name));
  } else if (options.track !== undefined) {
    throw new AuthoringError(`--track: the profile \`${profile.name}\` has no tracks`);
  }
  const title = checkTitle(options.title);
  const status = templates.newStatus ?? process.transitions.find((transition) => transition.from === 'new')?.to;
  if (status === undefined) throw new AuthoringError(`The profile \`${profile.name}\` has no status for new documents`);
  const allowed = process.checkTransition('new', status, type);
  if (!allowed.ok) throw new AuthoringError(allowed.reason);
  const { slug, how } = chooseSlug(title, options.slug);
  const fileName = templates.newFileName.replace(/\{slug\}/g, slug);
  checkFileName(ws, fileName, how);
  const path = join(ws.folder, fileName);
  if (existsSync(path)) throw new AuthoringError(`${shown(ws, path)} exists already: choose another title or --slug`);
  const template = profileTemplate(ws, type);
  const editor = new FrontMatterEditor(template.text, profile).set('title', title).set(profile.types.field, type).removeHint(profile.types.field).set(profile.statuses.field, status);
  if (tracks && track !== undefined) editor.set(tracks.field, track).removeHint(tracks.field);
  // The dates the way in sets (`created` of an EIP) are the day the document is made.
  if (allowed.ok && allowed.transition) for (const field of allowed.transition.sets) editor.set(field, options.date ?? todayIso());
  const categoryField = profile.categories?.field;
  if (categoryField !== undefined) {
    if (category !== undefined) editor.set(categoryField, category).removeHint(categoryField);
    else if (editor.frontMatter.entries.some((item) => item.key === categoryField)) editor.remove(categoryField);
  }
  const set = new ChangeSet(ws.config.root);
  set.create(path, editor.text, template.shown);
  return set;
}

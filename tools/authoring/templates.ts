import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileText } from '../edits/change-set.js';
import { findTemplateFor, templateFolders, type FoundTemplate } from '../engine/templates.js';
import { toRelative } from '../engine/config.js';
import { parseFrontMatter } from '../model/frontmatter.js';
import { AuthoringError, type Workspace } from './workspace.js';

/**
 * The template a new document of `type` starts from, per type: the configured `templates`
 * folder, else the documents folder (SCS: `Standards/scs-XXXX-vN-*-template.md`), else `templates/`
 * at the repository root, else the templates shipped with the package (`findTemplateFor`).
 */
export function findTemplate(ws: Workspace, type: string): FoundTemplate {
  const found = findTemplateFor(ws.config, type, ws.folder);
  if (found) return found;
  const places = templateFolders(ws.config, ws.folder).map((place) => `${toRelative(ws.config.root, place.folder) || '.'}/`);
  const example = ws.config.process.profile.fileNames.kinds.find((kind) => kind.kind === 'template' && kind.example !== undefined)?.example;
  throw new AuthoringError(`No template for type ${type} in ${places.join(', ')}: expected a file${example === undefined ? '' : ` such as ${example}`} (set \`templates\` in the configuration)`);
}

/** The template of a type in a profile's process: in the repository's templates folder, else among the profile's own. */
export function profileTemplate(ws: Workspace, type: string): { text: string; shown: string } {
  const { profile, loaded } = ws.config.process;
  const name = profile.templates?.byType[type];
  if (name === undefined) throw new AuthoringError(`The profile \`${profile.name}\` has no template for type ${type}`);
  const places = [
    ...(profile.templates?.folder !== undefined ? [{ path: join(ws.config.root, profile.templates.folder, name), shown: `${profile.templates.folder}/${name}` }] : []),
    ...(profile.templates?.shipped !== undefined ? [{ path: join(loaded.dir, profile.templates.shipped, name), shown: `${name} of the profile \`${profile.name}\`` }] : []),
  ];
  for (const place of places) {
    if (existsSync(place.path)) return { text: readFileSync(place.path, 'utf8'), shown: place.shown };
  }
  throw new AuthoringError(`No template ${name} for type ${type} (looked in ${places.map((place) => place.shown).join(', ') || 'no folder'})`);
}

/**
 * The template a new document of `type` starts from, with its title: in the default process
 * `findTemplate`'s, in any other the profile's (`profileTemplate`).
 */
export function templateFor(ws: Workspace, type: string): { text: string; title: string; shown: string } {
  if (ws.config.process.builtIn) {
    const found = findTemplate(ws, type);
    return { text: fileText(found.doc), title: found.doc.title ?? '', shown: found.shown };
  }
  const found = profileTemplate(ws, type);
  const title = parseFrontMatter(found.text.replace(/^\ufeff/, '')).data.title;
  return { ...found, title: typeof title === 'string' ? title : '' };
}

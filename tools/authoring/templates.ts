import { findTemplateFor, templateFolders, type FoundTemplate } from '../engine/templates.js';
import { toRelative } from '../engine/config.js';
import { AuthoringError, type Workspace } from './workspace.js';

/**
 * The template a new document of `type` starts from, per type: the configured `templates`
 * folder, else the documents folder (`Standards/scs-XXXX-vN-*-template.md`), else `templates/`
 * at the repository root, else the templates shipped with the package (`findTemplateFor`).
 */
export function findTemplate(ws: Workspace, type: string): FoundTemplate {
  const found = findTemplateFor(ws.config, type, ws.folder);
  if (found) return found;
  const places = templateFolders(ws.config, ws.folder).map((place) => `${toRelative(ws.config.root, place.folder) || '.'}/`);
  throw new AuthoringError(`No template for type ${type} in ${places.join(', ')}: expected a file such as scs-XXXX-vN-standard-template.md (set \`templates\` in the configuration)`);
}

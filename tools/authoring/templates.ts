import { resolve } from 'node:path';
import { isScalar } from 'yaml';
import type { StandardDocument } from '../model/document.js';
import { findPair } from '../model/frontmatter.js';
import { TYPES } from '../model/profile.js';
import { listDocuments } from '../engine/discover.js';
import { readDocument } from '../engine/load.js';
import { AuthoringError, type Workspace } from './workspace.js';

/**
 * The template a new document of `type` starts from: a `scs-XXXX-vN-*.md` (or `-wN-`) file in
 * the templates folder whose `type` is that type, or whose type comment lists it as an
 * alternative (`type: Standard  # | Procedural`).
 */
export function findTemplate(ws: Workspace, type: string): StandardDocument {
  const folder = resolve(ws.config.root, ws.config.templates);
  const templates = listDocuments(folder)
    .map((path) => readDocument(path, ws.config.root))
    .filter((doc) => doc.isTemplate && doc.frontMatter.usable);
  if (templates.length === 0) {
    throw new AuthoringError(`No templates in ${ws.config.templates}/: expected files such as scs-XXXX-vN-standard-template.md (set \`templates\` in the configuration)`);
  }
  const exact = templates.find((doc) => doc.type === type);
  if (exact) return exact;
  const alternative = templates.find((doc) => alternativeTypes(doc).includes(type));
  if (alternative) return alternative;
  throw new AuthoringError(`No template for type ${type} in ${ws.config.templates}/ (templates there are for ${templates.map((doc) => [doc.type ?? '?', ...alternativeTypes(doc)].join(', ')).join('; ')})`);
}

/** The types a template's `type` comment offers besides its value: `# | Procedural`. */
function alternativeTypes(doc: StandardDocument): string[] {
  const value = findPair(doc.frontMatter, 'type')?.value;
  const comment = isScalar(value) ? value.comment : undefined;
  if (!comment) return [];
  return comment
    .split('|')
    .map((part) => part.trim())
    .filter((part) => (TYPES as readonly string[]).includes(part));
}

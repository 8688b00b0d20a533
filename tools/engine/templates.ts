import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isScalar } from 'yaml';
import type { StandardDocument } from '../model/document.js';
import { parseFileName } from '../model/filename.js';
import { findPair } from '../model/frontmatter.js';
import { templatePlaceholdersOf, type TemplatePlaceholders, type TemplateTexts } from '../model/placeholders.js';
import { TYPES } from '../model/profile.js';
import { toRelative, type ResolvedConfig } from './config.js';
import { readDocument } from './load.js';

/**
 * Where templates are looked for, in order; for each type the first place that has a template
 * for it wins, so a repository that keeps only some templates gets the shipped ones for the rest.
 */
export type TemplatePlace = 'configured' | 'documents' | 'root' | 'shipped';

export interface TemplateFolder {
  place: TemplatePlace;
  /** Absolute path. */
  folder: string;
}

export interface FoundTemplate {
  doc: StandardDocument;
  place: TemplatePlace;
  /** How messages name it: a path relative to the repository root, or the shipped file. */
  shown: string;
}

/**
 * The folders templates come from: the `templates` folder of the configuration (when set), the
 * documents folder (`Standards/scs-XXXX-vN-*-template.md`), `templates/` at the repository root,
 * and the templates shipped with this package. A folder is listed once.
 */
export function templateFolders(config: ResolvedConfig, documents = resolve(config.root, config.standards)): TemplateFolder[] {
  const candidates: TemplateFolder[] = [];
  if (typeof config.raw.templates === 'string') candidates.push({ place: 'configured', folder: resolve(config.root, config.raw.templates) });
  candidates.push({ place: 'documents', folder: documents }, { place: 'root', folder: resolve(config.root, 'templates') });
  const shipped = shippedTemplatesFolder();
  if (shipped) candidates.push({ place: 'shipped', folder: shipped });
  const seen = new Set<string>();
  return candidates.filter((candidate) => {
    const key = realOrSelf(candidate.folder);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The shape of a template's file name, tested before anything else (a folder may hold thousands of documents). */
const TEMPLATE_NAME = /^scs-XXXX-[vw]N-.*\.md$/;

/** Every usable template of one folder (only files named as templates are read). */
export function templatesIn(folder: string, root: string): StandardDocument[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .filter((name) => TEMPLATE_NAME.test(name) && isTemplateName(name))
    .sort()
    .map((name) => join(folder, name))
    .filter(isFile)
    .map((path) => readDocument(path, root))
    .filter((doc) => doc.isTemplate && doc.frontMatter.usable);
}

function isTemplateName(fileName: string): boolean {
  const parsed = parseFileName(fileName);
  return parsed.ok && parsed.name.kind === 'template';
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Finds templates by type along `templateFolders`, reading each folder once. The templates of
 * the documents folder can be given (a corpus has read them already).
 */
export class TemplateLookup {
  readonly config: ResolvedConfig;
  readonly folders: readonly TemplateFolder[];
  readonly #read = new Map<string, readonly StandardDocument[]>();

  constructor(config: ResolvedConfig, documents = resolve(config.root, config.standards), known?: readonly StandardDocument[]) {
    this.config = config;
    this.folders = templateFolders(config, documents);
    if (known) this.#read.set(documents, known.filter((doc) => doc.frontMatter.usable));
  }

  find(type: string): FoundTemplate | undefined {
    for (const { place, folder } of this.folders) {
      let templates = this.#read.get(folder);
      if (templates === undefined) {
        templates = templatesIn(folder, this.config.root);
        this.#read.set(folder, templates);
      }
      const doc = templates.find((candidate) => candidate.type === type) ?? templates.find((candidate) => alternativeTypes(candidate).includes(type));
      if (doc) return { doc, place, shown: place === 'shipped' ? `${doc.fileName} shipped with scs-standards` : toRelative(this.config.root, doc.path) };
    }
    return undefined;
  }
}

/**
 * The template a new document of `type` starts from: in the first folder of `templateFolders`
 * that has one, the template whose `type` is that type, else one whose type comment lists it as
 * an alternative (`type: Standard  # | Procedural`).
 */
export function findTemplateFor(config: ResolvedConfig, type: string, documents?: string): FoundTemplate | undefined {
  return new TemplateLookup(config, documents).find(type);
}

/** The types a template's `type` comment offers besides its value: `# | Procedural`. */
export function alternativeTypes(doc: StandardDocument): string[] {
  const value = findPair(doc.frontMatter, 'type')?.value;
  const comment = isScalar(value) ? value.comment : undefined;
  if (!comment) return [];
  return comment
    .split('|')
    .map((part) => part.trim())
    .filter((part) => (TYPES as readonly string[]).includes(part));
}

let shippedFolder: string | null | undefined;

/**
 * The `templates/` folder of this package, found from the running code (the built `dist/` or the
 * sources) by walking up to the package.json of scs-standards; undefined when it is missing.
 */
export function shippedTemplatesFolder(): string | undefined {
  if (shippedFolder === undefined) {
    const root = packageRoot();
    const folder = root === undefined ? undefined : join(root, 'templates');
    shippedFolder = folder !== undefined && isFolder(folder) ? folder : null;
  }
  return shippedFolder ?? undefined;
}

/** The folder of this package's package.json, found by walking up from the running code. */
export function packageRoot(): string | undefined {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest)) {
      try {
        const data = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown };
        if (data.name === 'scs-standards') return folder;
      } catch {
        // not ours: keep walking
      }
    }
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * The placeholder texts of the template of each type, as `template-placeholder` compares
 * documents with them: the templates `new` and `supplement` would use for the documents folder.
 * `known` are the templates of that folder when a corpus has listed it already.
 */
export function loadTemplateTexts(config: ResolvedConfig, documents?: string, known?: readonly StandardDocument[]): TemplateTexts {
  const lookup = new TemplateLookup(config, documents, known);
  const texts = new Map<string, TemplatePlaceholders>();
  for (const type of TYPES) {
    const found = lookup.find(type);
    if (!found || found.doc.readProblem) continue;
    texts.set(type, templatePlaceholdersOf(found.shown, found.doc.source.text, found.doc.frontMatter.range.end));
  }
  return texts;
}

import picomatch from 'picomatch';
import type { FileKind, Profile, ProfileFileKind } from './types.js';

/** A file name read with a profile's patterns: its kind, its named parts and its id. */
export interface ProfileFileName {
  readonly fileName: string;
  readonly kind: FileKind;
  /** The named parts as written (`number`, `version`, `supplement`, `slug`, ...). */
  readonly parts: Readonly<Record<string, string>>;
  /** The id (`scs-0100-v3`, `eip-1559`); undefined when the name lacks a part the id needs (a draft without number). */
  readonly id: string | undefined;
}

export interface FileNames {
  /** Whether a file name is one of the profile's documents (or templates): `fileNames.documents`. */
  isDocumentFileName(fileName: string): boolean;
  /** The first kind whose pattern matches the name; undefined for a name that is none. */
  parse(fileName: string): ProfileFileName | undefined;
  /** The id a user means by `ref` (an id or a short form such as `0100-v3`), if it is one. */
  idOfRef(ref: string): string | undefined;
  /** The id of a document with these parts. */
  idOf(parts: Readonly<Record<string, string>>): string | undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A kind's pattern as an anchored expression with one named group per part. */
export function kindExpression(profile: Profile, kind: ProfileFileKind): RegExp {
  let source = '';
  let last = 0;
  for (const match of kind.pattern.matchAll(/\{([^}]*)\}/g)) {
    const name = match[1] ?? '';
    const part = (Object.hasOwn(kind.parts ?? {}, name) ? kind.parts?.[name] : undefined) ?? (Object.hasOwn(profile.fileNames.parts, name) ? profile.fileNames.parts[name] : undefined);
    if (!part) throw new Error(`the pattern ${kind.pattern} names the unknown part ${name}`);
    source += `${escapeRegExp(kind.pattern.slice(last, match.index))}(?<${name}>${part.pattern})`;
    last = match.index + match[0].length;
  }
  return new RegExp(`^${source}${escapeRegExp(kind.pattern.slice(last))}$`);
}

/** The file-name logic of a profile, compiled once. */
export function fileNamesOf(profile: Profile): FileNames {
  const kinds = profile.fileNames.kinds.map((kind) => ({ kind: kind.kind, expression: kindExpression(profile, kind) }));
  const isDocument = picomatch(profile.fileNames.documents, { dot: true });
  const shortForms = (profile.fileNames.id.shortForms ?? []).map((form) => new RegExp(form));

  const idOf = (parts: Readonly<Record<string, string>>): string | undefined => {
    const template = parts.supplement !== undefined && profile.fileNames.id.supplement !== undefined ? profile.fileNames.id.supplement : profile.fileNames.id.document;
    let complete = true;
    const id = template.replace(/\{([^}]*)\}/g, (_, name: string) => {
      const value = Object.hasOwn(parts, name) ? parts[name] : undefined;
      if (value === undefined) complete = false;
      return value ?? '';
    });
    return complete ? id : undefined;
  };

  return {
    isDocumentFileName: (fileName) => isDocument(fileName),
    parse(fileName) {
      for (const { kind, expression } of kinds) {
        const match = expression.exec(fileName);
        if (!match) continue;
        const parts = { ...match.groups };
        return { fileName, kind, parts, id: kind === 'template' ? undefined : idOf(parts) };
      }
      return undefined;
    },
    idOfRef(ref) {
      for (const form of shortForms) {
        const match = form.exec(ref);
        if (match?.groups) return idOf(match.groups);
      }
      return undefined;
    },
    idOf,
  };
}

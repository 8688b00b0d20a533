import type { FileNames } from './filenames.js';
import type { FileKind, Profile } from './types.js';

/**
 * The file names and ids a profile writes: a file name of a kind from its parts (the first
 * pattern of `fileNames.kinds` of that kind whose parts are exactly the given ones), and the
 * ids a user may type, as messages give them for an example.
 */
export function fileNameOf(profile: Profile, kind: FileKind, parts: Readonly<Record<string, string>>): string | undefined {
  const given = Object.keys(parts).sort().join(' ');
  for (const entry of profile.fileNames.kinds) {
    if (entry.kind !== kind) continue;
    const names = [...entry.pattern.matchAll(/\{([^}]*)\}/g)].map((match) => match[1] ?? '');
    if ([...new Set(names)].sort().join(' ') !== given) continue;
    return entry.pattern.replace(/\{([^}]*)\}/g, (_, name: string) => parts[name] ?? '');
  }
  return undefined;
}

/**
 * Ids users may name a document by, for messages: the id of the example of the profile's first
 * `document` kind (`scs-0100-v3`), and that id without what the number's id puts before the
 * number (`0100-v3`) when that is one of the profile's short forms.
 */
export function idExamples(profile: Profile, names: FileNames): string[] {
  const example = profile.fileNames.kinds.find((kind) => kind.kind === 'document' && kind.example !== undefined)?.example;
  const id = example === undefined ? undefined : names.parse(example)?.id;
  if (id === undefined) return [];
  const prefix = profile.fileNames.id.number?.split('{number}')[0] ?? '';
  const short = prefix !== '' && id.startsWith(prefix) ? id.slice(prefix.length) : undefined;
  return short !== undefined && names.idOfRef(short) === id ? [id, short] : [id];
}

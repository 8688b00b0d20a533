import type { FileKind, Profile, ProfileType } from './types.js';

/** The file kind of a supplement, as `types[].fileKind` and `fileNames.kinds` write it; messages name supplements so. */
export const SUPPLEMENT: FileKind = 'supplement';

/** The profile's supplement types: those whose `fileKind` is `supplement` (none in a profile without supplements). */
export function supplementTypesOf(profile: Profile): readonly ProfileType[] {
  return profile.types.values.filter((type) => type.fileKind === SUPPLEMENT);
}

/** Whether `type` (as a document's front matter gives it) is one of the profile's supplement types. */
export function isSupplementType(profile: Profile, type: string | undefined): boolean {
  return type !== undefined && supplementTypesOf(profile).some((entry) => entry.name === type);
}

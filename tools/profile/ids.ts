import type { Profile } from './types.js';

/**
 * How messages name a number with all its versions and supplements (`fileNames.id.number`:
 * `scs-{number}` names `scs-0100`); the number alone when the profile does not say.
 */
export function numberIdOf(profile: Profile, number: string): string {
  const pattern = profile.fileNames.id.number;
  return pattern === undefined ? number : pattern.replace('{number}', number);
}

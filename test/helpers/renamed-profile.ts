import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/** The words every renamed copy changes: the reference fields, the supplement type, two statuses. */
export const RENAMED_WORDS: Readonly<Record<string, string>> = {
  replaces: 'supersedes',
  replaced_by: 'superseded_by',
  supplements: 'annexes',
  Supplement: 'Annex',
  Stable: 'Current',
  Deprecated: 'Retired',
};

/** The parts of a profile the renamed copies change. */
export interface RenamedProfile {
  name: string;
  $schema?: string;
  frontMatter: { schema: string };
  certificateScopes: { schema: string };
  tracks: { field: string };
  review: { approvals: { by: string[] } };
  index: { groupBy: string[] };
  numbers: { tracks: { byDigit: { position: number } } };
}

/**
 * A copy of the `scs` profile in other words, as another standards body would write it: every
 * value that is one of `words` (and keys such as those of the templates by type; the index's own
 * key `supplements` stays) in its new word, file names starting `std-` instead of `scs-`, the
 * track field `area`, its digit the third of a number, the schemas by absolute path. `adjust`
 * changes more of it before it is written out as JSON.
 */
export function renamedScsProfile<T extends RenamedProfile = RenamedProfile>(words: Readonly<Record<string, string>>, adjust?: (profile: T) => void): string {
  let text = readFileSync(join(ROOT, 'profiles', 'scs', 'profile.json'), 'utf8');
  for (const [from, to] of Object.entries(words)) text = text.replace(new RegExp(`"${from}"(?!\\s*:\\s*(?:true|false))`, 'g'), `"${to}"`);
  text = text.replaceAll('scs-', 'std-');
  const profile = JSON.parse(text) as T;
  profile.name = 'std';
  delete profile.$schema;
  profile.frontMatter.schema = join(ROOT, 'schemas', 'front-matter.schema.json');
  profile.certificateScopes.schema = join(ROOT, 'schemas', 'certificate-scope.schema.json');
  profile.tracks.field = 'area';
  profile.review.approvals.by = ['area'];
  profile.index.groupBy = ['area'];
  profile.numbers.tracks.byDigit.position = 2;
  adjust?.(profile);
  return `${JSON.stringify(profile, null, 2)}\n`;
}

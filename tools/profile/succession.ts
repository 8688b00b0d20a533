import type { Succession } from '../model/references.js';
import type { Profile, ProfileReference } from './types.js';

/**
 * How a profile's documents succeed each other, read from its reference fields: the file-name
 * field that points `earlier` (where a document names what it replaces), and the one that points
 * `later` (where a replaced document names its successors): the statuses a successor must have
 * when it is added there (`addedTargetStatuses`) are those of a document that applies, the
 * statuses that may have the field (`statuses`, else the earlier field's
 * `reciprocal.whenTargetStatus`) those of a replaced document. Undefined when the profile has no
 * such earlier field.
 */
export function successionOf(profile: Profile): Succession | undefined {
  const earlier = fileNameReference(profile, 'earlier');
  if (!earlier) return undefined;
  const later = fileNameReference(profile, 'later');
  return {
    predecessors: earlier.field,
    standing: later?.addedTargetStatuses ?? [],
    replaced: later?.statuses ?? earlier.reciprocal?.whenTargetStatus ?? [],
  };
}

/** The first file-name reference field of the profile that points in `direction`. */
export function fileNameReference(profile: Profile, direction: NonNullable<ProfileReference['direction']>): ProfileReference | undefined {
  return profile.references.find((reference) => reference.target === 'file-name' && reference.direction === direction);
}

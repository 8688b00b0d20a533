import type { Profile } from './types.js';

/**
 * What the front matter editor of the authoring commands takes from a profile: where a field a
 * document lacks is inserted, which fields are dates (a new date is quoted as the others are),
 * and which fields name documents by file name (they follow a renamed document).
 */
export interface FrontMatterLayout {
  /**
   * The fields a new `field` goes after, the first that the document has winning (else it goes
   * after the last field): the profile's `frontMatter.order.insertAfter` entry; without that
   * table, the fields `frontMatter.order.fields` puts before it, the nearest first. None for a
   * field neither names.
   */
  anchors(field: string): readonly string[];
  readonly dateFields: readonly string[];
  readonly fileNameFields: readonly string[];
}

export function frontMatterLayoutOf(profile: Profile): FrontMatterLayout {
  const order = profile.frontMatter.order;
  const table = order?.insertAfter;
  const fields = order?.fields ?? [];
  return {
    anchors(field) {
      if (table) return Object.hasOwn(table, field) ? (table[field] ?? []) : [];
      const index = fields.indexOf(field);
      return index === -1 ? [] : fields.slice(0, index).reverse();
    },
    dateFields: (profile.dates ?? []).map((date) => date.field),
    fileNameFields: profile.references.filter((reference) => reference.target === 'file-name').map((reference) => reference.field),
  };
}

import { parseFrontMatter } from '../model/frontmatter.js';
import { SOURCE_LIMITS } from '../model/source.js';
import type { Profile } from '../profile/types.js';

/**
 * What the history needs of one version (one blob) of a document: the front matter fields of
 * the lifecycle. `readable` is false when the blob has no usable front matter (broken YAML,
 * binary, too large): its status is then unknown, not absent. The status and the type are those
 * of the profile's fields (`statuses.field`, `types.field`); the date fields (`dates`) and the
 * field that names the documents a supplement extends (the reference whose direction is
 * `extended`) are kept under their own names (`stabilized_at`, `supplements` under `scs`).
 */
export interface BlobFacts {
  readable: boolean;
  status?: string;
  type?: string;
  title?: string;
  /** A date field as written (a string), or the file names of an extending field (a string or a list of strings, as a list). */
  [field: string]: string | string[] | boolean | undefined;
}

/** Which fields of the front matter the facts keep. */
export interface FactFields {
  readonly status: string;
  readonly type: string;
  /** Kept when they are strings, under their names. */
  readonly texts: readonly string[];
  /** Kept as lists of strings (a single string is a list of one), under their names. */
  readonly lists: readonly string[];
}

/** The fields of the lifecycle a profile has: its status and type fields, its dates, the field a supplement names its documents in. */
export function factFieldsOf(profile: Profile): FactFields {
  return {
    status: profile.statuses.field,
    type: profile.types.field,
    texts: (profile.dates ?? []).map((date) => date.field),
    lists: profile.references.filter((reference) => reference.direction === 'extended' && reference.target === 'file-name').map((reference) => reference.field),
  };
}

/** The file names a blob's field names, by the field that names the documents a supplement extends. */
export function extendedOf(facts: BlobFacts, field: string | undefined): string[] | undefined {
  const value = field === undefined || !Object.hasOwn(facts, field) ? undefined : facts[field];
  return Array.isArray(value) ? value : undefined;
}

/**
 * Reads the lifecycle fields of a blob, with the front matter reader the linter uses (its fast
 * path for plain front matter). Only the part up to the end of the front matter is decoded.
 */
export function factsOf(bytes: Uint8Array, fields: FactFields, maxFileSize: number = SOURCE_LIMITS.maxFileSize): BlobFacts {
  if (bytes.length > maxFileSize || bytes.includes(0)) return { readable: false };
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const frontMatter = parseFrontMatter(text);
  if (!frontMatter.usable) return { readable: false };
  const facts: BlobFacts = { readable: true };
  const data = frontMatter.data;
  const stringAt = (field: string): string | undefined => {
    const value = Object.hasOwn(data, field) ? data[field] : undefined;
    return typeof value === 'string' ? value : undefined;
  };
  const status = stringAt(fields.status);
  if (status !== undefined) facts.status = status;
  const type = stringAt(fields.type);
  if (type !== undefined) facts.type = type;
  const title = stringAt('title');
  if (title !== undefined) facts.title = title;
  for (const field of fields.texts) {
    const value = stringAt(field);
    if (value !== undefined) facts[field] = value;
  }
  for (const field of fields.lists) {
    const value = Object.hasOwn(data, field) ? data[field] : undefined;
    if (typeof value === 'string') facts[field] = [value];
    else if (Array.isArray(value)) facts[field] = value.filter((item): item is string => typeof item === 'string');
  }
  return facts;
}

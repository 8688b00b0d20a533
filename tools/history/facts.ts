import { parseFrontMatter } from '../model/frontmatter.js';
import { SOURCE_LIMITS } from '../model/source.js';

/**
 * What the history needs of one version (one blob) of a document: the front matter fields of
 * the lifecycle. `readable` is false when the blob has no usable front matter (broken YAML,
 * binary, too large): its status is then unknown, not absent.
 */
export interface BlobFacts {
  readable: boolean;
  status?: string;
  type?: string;
  title?: string;
  stabilized_at?: string;
  deprecated_at?: string;
  rejected_at?: string;
  /** The file names of `supplements` (a string or a list of strings). */
  supplements?: string[];
}

const TEXT_FIELDS = ['status', 'type', 'title', 'stabilized_at', 'deprecated_at', 'rejected_at'] as const;

/**
 * Reads the lifecycle fields of a blob, with the front matter reader the linter uses (its fast
 * path for plain front matter). Only the part up to the end of the front matter is decoded.
 */
export function factsOf(bytes: Uint8Array, maxFileSize: number = SOURCE_LIMITS.maxFileSize): BlobFacts {
  if (bytes.length > maxFileSize || bytes.includes(0)) return { readable: false };
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const frontMatter = parseFrontMatter(text);
  if (!frontMatter.usable) return { readable: false };
  const facts: BlobFacts = { readable: true };
  const data = frontMatter.data;
  for (const field of TEXT_FIELDS) {
    const value = Object.hasOwn(data, field) ? data[field] : undefined;
    if (typeof value === 'string') facts[field] = value;
  }
  const supplements = Object.hasOwn(data, 'supplements') ? data.supplements : undefined;
  if (typeof supplements === 'string') facts.supplements = [supplements];
  else if (Array.isArray(supplements)) facts.supplements = supplements.filter((item): item is string => typeof item === 'string');
  return facts;
}

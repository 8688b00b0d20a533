import type { StandardDocument } from '../model/document.js';
import { normalizeHeading } from '../model/profile.js';
import { SchemaChecker } from '../model/schema.js';
import { fileNamesOf, type FileNames } from './filenames.js';
import type { LoadedProfile } from './load.js';
import type { Profile, ProfileSections } from './types.js';

/**
 * The document checks a profile alone decides, as the rules will make them once the engine
 * reads profiles: the front matter schema, the field order, the file name and the number it
 * shares with the front matter, the sections of the type (required, ordered, closed), and the
 * references by number (they exist and are at least as mature). Pure: the caller reads the
 * documents. It serves to measure a profile on a real corpus before the rules are moved.
 */
export type ProfileCheckKind =
  | 'front-matter-schema'
  | 'field-order'
  | 'file-name'
  | 'number-agreement'
  | 'sections-required'
  | 'sections-recommended'
  | 'sections-order'
  | 'reference-exists'
  | 'reference-maturity';

export interface ProfileCheckFinding {
  readonly kind: ProfileCheckKind;
  readonly severity: 'error' | 'warn';
  readonly message: string;
  /** The front matter field concerned, when there is one. */
  readonly field?: string;
  /** For a schema finding: whether the field is missing. */
  readonly missing?: boolean;
}

export interface ProfileChecker {
  readonly profile: Profile;
  /** The findings of one document; `statusByNumber` holds the status of every document of the corpus by number. */
  check(doc: StandardDocument, statusByNumber: ReadonlyMap<string, string | undefined>): ProfileCheckFinding[];
}

export function profileChecker(loaded: Pick<LoadedProfile, 'profile' | 'frontMatterSchema'>): ProfileChecker {
  const { profile } = loaded;
  const schema = new SchemaChecker(loaded.frontMatterSchema);
  const names = fileNamesOf(profile);
  const maturity = new Map(profile.statuses.values.map((status) => [status.name, status.maturity]));
  return {
    profile,
    check(doc, statusByNumber) {
      const found: Omit<ProfileCheckFinding, 'severity'>[] = [];
      const data = doc.frontMatter.data;
      const status = stringField(data, profile.statuses.field);
      const statusEntry = profile.statuses.values.find((entry) => entry.name === status);
      if (doc.frontMatter.usable) {
        for (const violation of schema.validate(data)) {
          // A missing field is reported on the mapping; its name is the first one the message quotes.
          const field = violation.missing ? /`([^`]+)`/.exec(violation.message)?.[1] : violation.path.length > 0 ? String(violation.path[0]) : undefined;
          found.push({ kind: 'front-matter-schema', message: violation.message, ...(field !== undefined ? { field } : {}), missing: violation.missing });
        }
        // A stub keeps only a few fields, in the order the repository writes them.
        if (!statusEntry?.stub) found.push(...fieldOrder(profile, doc));
      }
      found.push(...fileName(profile, names, doc));
      if (!statusEntry?.stub) found.push(...sections(profile, doc, stringField(data, profile.types.field), profile.categories ? stringField(data, profile.categories.field) : undefined));
      for (const reference of profile.references) {
        if (reference.target !== 'number') continue;
        for (const number of numbersOf(data[reference.field])) {
          if (!statusByNumber.has(number)) {
            if (reference.mustExist !== false) found.push({ kind: 'reference-exists', field: reference.field, message: `\`${reference.field}\` names ${number}, which is no document of the folder` });
            continue;
          }
          if (reference.targetMaturity !== 'at-least-own') continue;
          const own = status === undefined ? undefined : maturity.get(status);
          const target = statusByNumber.get(number);
          const theirs = target === undefined ? undefined : maturity.get(target);
          if (own !== undefined && theirs !== undefined && theirs < own) {
            found.push({ kind: 'reference-maturity', field: reference.field, message: `\`${reference.field}\` names ${number}, which is ${target ?? ''}: less far along than this ${status ?? ''} document` });
          }
        }
      }
      const severity = statusEntry?.warnOnly ? 'warn' : 'error';
      return found.map((finding) => ({ ...finding, severity: finding.kind === 'sections-recommended' ? 'warn' : severity }));
    },
  };
}

function stringField(data: Record<string, unknown>, field: string): string | undefined {
  const value = Object.hasOwn(data, field) ? data[field] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** The numbers a reference field gives: an integer, or integers separated by commas. */
function numbersOf(value: unknown): string[] {
  if (typeof value === 'number' && Number.isInteger(value)) return [String(value)];
  if (typeof value !== 'string') return [];
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => /^[0-9]+$/.test(item))
    .map((item) => String(Number(item)));
}

function fieldOrder(profile: Profile, doc: StandardDocument): Omit<ProfileCheckFinding, 'severity'>[] {
  const order = profile.frontMatter.order;
  if (!order?.strict) return [];
  const found: Omit<ProfileCheckFinding, 'severity'>[] = [];
  let last = -1;
  let lastKey = '';
  for (const entry of doc.frontMatter.entries) {
    const index = order.fields.indexOf(entry.key);
    if (index === -1) continue;
    if (index < last) found.push({ kind: 'field-order', field: entry.key, message: `\`${entry.key}\` comes before \`${lastKey}\`, expected the order ${order.fields.join(', ')}` });
    else {
      last = index;
      lastKey = entry.key;
    }
  }
  return found;
}

function fileName(profile: Profile, names: FileNames, doc: StandardDocument): Omit<ProfileCheckFinding, 'severity'>[] {
  const parsed = names.parse(doc.fileName);
  if (!parsed) return [{ kind: 'file-name', message: `Unexpected file name \`${doc.fileName}\`, expected ${profile.fileNames.kinds.map((kind) => `\`${kind.pattern}\``).join(' or ')}` }];
  const field = profile.numbers.field;
  if (profile.numbers.location !== 'both' || field === undefined || parsed.kind === 'proposal' || parsed.kind === 'template') return [];
  const value = doc.frontMatter.data[field];
  if (value === undefined || String(value) === parsed.parts.number) return [];
  return [{ kind: 'number-agreement', field, message: `The file name names ${parsed.parts.number ?? '?'}, \`${field}\` ${String(value)}: both give the document's number` }];
}

function sections(profile: Profile, doc: StandardDocument, type: string | undefined, category: string | undefined): Omit<ProfileCheckFinding, 'severity'>[] {
  const typeSections = profile.types.values.find((entry) => entry.name === type)?.sections;
  if (!typeSections) return [];
  const extra = profile.categories?.values.find((entry) => entry.name === category)?.sections;
  const level = profile.sections?.level ?? 2;
  const exact = profile.sections?.match === 'exact';
  const key = (title: string): string => (exact ? title : normalizeHeading(title));
  const present = doc.body.headings.filter((heading) => heading.depth === level && heading.topLevel).map((heading) => heading.text);
  const presentKeys = present.map(key);
  const found: Omit<ProfileCheckFinding, 'severity'>[] = [];
  for (const title of [...(typeSections.required ?? []), ...(extra?.required ?? [])]) {
    if (!presentKeys.includes(key(title))) found.push({ kind: 'sections-required', message: `Missing section \`${title}\`` });
  }
  for (const title of [...(typeSections.recommended ?? []), ...(extra?.recommended ?? [])]) {
    if (!presentKeys.includes(key(title))) found.push({ kind: 'sections-recommended', message: `Missing section \`${title}\` (recommended)` });
  }
  found.push(...sectionOrder(typeSections, present, key));
  return found;
}

function sectionOrder(sections: ProfileSections, present: readonly string[], key: (title: string) => string): Omit<ProfileCheckFinding, 'severity'>[] {
  const found: Omit<ProfileCheckFinding, 'severity'>[] = [];
  const named = [...(sections.order ?? []), ...(sections.required ?? []), ...(sections.recommended ?? []), ...(sections.optional ?? [])].map(key);
  if (sections.closed) {
    for (const title of present) if (!named.includes(key(title))) found.push({ kind: 'sections-order', message: `Unexpected section \`${title}\`: the sections are ${(sections.order ?? named).join(', ')}` });
  }
  const order = (sections.order ?? []).map(key);
  let last = -1;
  let lastTitle = '';
  for (const title of present) {
    const index = order.indexOf(key(title));
    if (index === -1) continue;
    if (index < last) found.push({ kind: 'sections-order', message: `Section \`${title}\` comes after \`${lastTitle}\`, expected the order ${(sections.order ?? []).join(', ')}` });
    else {
      last = index;
      lastTitle = title;
    }
  }
  return found;
}

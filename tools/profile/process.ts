import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseFileName, type FileName, type Naming } from '../model/filename.js';
import { FRONT_MATTER_SCHEMA_ID, SchemaChecker, validateFrontMatter, type SchemaViolation } from '../model/schema.js';
import { normalizeHeading } from '../model/profile.js';
import type { SectionStyle } from '../model/sections.js';
import { fileNamesOf, type FileNames, type ProfileFileName } from './filenames.js';
import { checkProfileTransition, type ProfileTransitionCheck } from './lifecycle.js';
import { loadProfile, shippedProfileFile, type LoadedProfile } from './load.js';
import type { Profile, ProfileReference, ProfileSections, ProfileStatus, ProfileTransition, ProfileType } from './types.js';
import { orList } from '../model/words.js';

export type { Naming };

/**
 * A standards process the engine runs: a loaded profile, compiled once, with what the rules,
 * the loaders and the commands ask of it. Every document-level question that depends on the
 * standards body (is this file a document, what is its number, which sections does its type
 * need, may its status change so) is answered here from the profile's data.
 */
export interface Process {
  readonly loaded: LoadedProfile;
  readonly profile: Profile;
  readonly name: string;
  /**
   * Whether this is the default profile as shipped: its commands keep what the profile cannot
   * say yet (the detailed file-name messages, the templates beside the documents, numbers by
   * track); every other profile is run from its data alone.
   */
  readonly builtIn: boolean;
  readonly names: FileNames;
  /** Reads a file name into the parts the rules work with. */
  readonly naming: Naming;
  /** Whether a file of the folder is one of the profile's documents (or templates). */
  isDocumentFileName(fileName: string): boolean;
  /** The violations of the profile's front matter schema. */
  validateFrontMatter(data: Record<string, unknown>): SchemaViolation[];
  type(name: string | undefined): ProfileType | undefined;
  status(name: string | undefined): ProfileStatus | undefined;
  readonly statusNames: readonly string[];
  /** The sections a document of this type (and category) has: its type's, with the category's added. */
  sections(type: string | undefined, category: string | undefined): ProfileSections | undefined;
  /** How sections are read: the heading level, how titles compare, the framing titles. */
  readonly sectionStyle: SectionStyle;
  /** The category a document's front matter gives, when the profile has categories. */
  categoryOf(data: Record<string, unknown>): string | undefined;
  checkTransition(from: string, to: string, type: string | undefined): ProfileTransitionCheck;
  readonly transitions: readonly ProfileTransition[];
  readonly references: readonly ProfileReference[];
  /** The reference fields that name file names (their values are documents' file names). */
  readonly fileNameReferenceFields: readonly string[];
  /** The reference fields that name numbers. */
  readonly numberReferenceFields: readonly string[];
  /** The default severity of a rule under this profile; undefined when the profile leaves it to the rule. */
  ruleSeverity(id: string): 'error' | 'warn' | 'off' | undefined;
}

const compiled = new Map<string, Process>();

/**
 * The process of a profile reference (a shipped name or a path), loaded and compiled once: a
 * shipped profile once per process, a profile file again when its size or time changes (an
 * editor that keeps running sees an edited profile).
 */
export function processFor(ref: string, cwd: string = process.cwd()): Process {
  const key = PROFILE_NAME.test(ref) ? ref : fileKey(resolve(cwd, ref));
  const known = compiled.get(key);
  if (known) return known;
  const made = processOf(loadProfile(ref, cwd, { trustShipped: true }));
  compiled.set(key, made);
  return made;
}

/** A shipped profile's name, as `loadProfile` tells it from a path. */
const PROFILE_NAME = /^[a-z][a-z0-9-]*$/;

function fileKey(path: string): string {
  const stat = statSync(path, { throwIfNoEntry: false });
  return `${path}\u0000${stat?.size ?? -1}\u0000${stat?.mtimeMs ?? -1}`;
}

/** The process the engine runs when the configuration names no profile. */
export const DEFAULT_PROFILE = 'scs';

export function defaultProcess(): Process {
  return processFor(DEFAULT_PROFILE);
}

/** Compiles a loaded profile into the process the engine runs. */
export function processOf(loaded: LoadedProfile): Process {
  const { profile } = loaded;
  const names = fileNamesOf(profile);
  // The default front matter schema is precompiled into the bundle; any other is compiled on first use.
  const precompiledSchema = loaded.frontMatterSchema.$id === FRONT_MATTER_SCHEMA_ID;
  const checker = precompiledSchema ? undefined : new SchemaChecker(loaded.frontMatterSchema);
  const types = new Map(profile.types.values.map((type) => [type.name, type]));
  const statuses = new Map(profile.statuses.values.map((status) => [status.name, status]));
  const categories = new Map((profile.categories?.values ?? []).map((category) => [category.name, category]));
  const exact = profile.sections?.match === 'exact';
  const isDefault = loaded.file === shippedProfileFile(DEFAULT_PROFILE);
  // The default profile keeps the detailed file-name messages of its own parser.
  const naming = isDefault ? parseFileName : profileNaming(profile, names);
  return {
    loaded,
    profile,
    name: profile.name,
    builtIn: isDefault,
    names,
    naming,
    isDocumentFileName: (fileName) => names.isDocumentFileName(fileName),
    validateFrontMatter: (data) => (checker ? checker.validate(data) : validateFrontMatter(data)),
    type: (name) => (name === undefined ? undefined : types.get(name)),
    status: (name) => (name === undefined ? undefined : statuses.get(name)),
    statusNames: profile.statuses.values.map((status) => status.name),
    sections(type, category) {
      const entry = type === undefined ? undefined : types.get(type);
      const own = entry?.sections;
      // A category adds its sections only to a type that has categories.
      const extra = category === undefined || entry?.categories === 'forbidden' ? undefined : categories.get(category)?.sections;
      if (!own || !extra) return own;
      return { ...own, required: [...(own.required ?? []), ...(extra.required ?? [])], recommended: [...(own.recommended ?? []), ...(extra.recommended ?? [])] };
    },
    sectionStyle: { level: profile.sections?.level ?? 2, key: exact ? (title) => title.trim() : normalizeHeading, framing: profile.sections?.framing ?? [] },
    categoryOf(data) {
      const field = profile.categories?.field;
      const value = field !== undefined && Object.hasOwn(data, field) ? data[field] : undefined;
      return typeof value === 'string' ? value : undefined;
    },
    checkTransition: (from, to, type) => checkProfileTransition(profile, from, to, type),
    transitions: profile.transitions,
    references: profile.references,
    fileNameReferenceFields: profile.references.filter((reference) => reference.target === 'file-name').map((reference) => reference.field),
    numberReferenceFields: profile.references.filter((reference) => reference.target === 'number').map((reference) => reference.field),
    ruleSeverity: (id) => {
      const rules = profile.rules;
      if (!rules) return undefined;
      return Object.hasOwn(rules, id) ? rules[id] : 'off';
    },
  };
}

/** A naming read from the profile's file-name patterns alone. */
export function profileNaming(profile: Profile, names: FileNames): Naming {
  const position = profile.numbers.tracks && 'byDigit' in profile.numbers.tracks ? profile.numbers.tracks.byDigit.position : undefined;
  const expected = orList(profile.fileNames.kinds.map((kind) => `\`${kind.example ?? kind.pattern}\``));
  return (fileName) => {
    const parsed = names.parse(fileName);
    if (!parsed) return { ok: false, problems: [`Unexpected file name \`${fileName}\`, expected ${expected}`] };
    return { ok: true, problems: [], name: toFileName(parsed, position) };
  };
}

function toFileName(parsed: ProfileFileName, trackPosition: number | undefined): FileName {
  const { parts } = parsed;
  const number = parts.number ?? '';
  const supplement = parts.supplement;
  const versionText = supplement ?? parts.version ?? '';
  const digit = trackPosition === undefined ? undefined : number.charAt(trackPosition);
  return {
    fileName: parsed.fileName,
    kind: parsed.kind,
    number,
    numeric: /^[0-9]+$/.test(number) ? Number(number) : undefined,
    trackDigit: digit !== undefined && /[0-9]/.test(digit) ? digit : undefined,
    letter: supplement !== undefined ? 'w' : 'v',
    version: /^[1-9][0-9]*$/.test(versionText) ? Number(versionText) : undefined,
    versionText,
    slug: parts.slug ?? '',
    id: parsed.id ?? parsed.fileName.replace(/\.md$/, ''),
  };
}

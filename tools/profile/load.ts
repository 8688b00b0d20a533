import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import profileSchema from '../../schemas/profile.schema.json' with { type: 'json' };
import { parseDocument, type Node } from 'yaml';
import { locateNode } from '../model/frontmatter.js';
import { jsonSyntaxError } from '../model/json-syntax.js';
import { LineIndex } from '../model/positions.js';
import { SchemaChecker } from '../model/schema.js';
import type { Profile } from './types.js';

/** Where in a profile file a problem is: its line and column, from 1. */
export interface ProfilePlace {
  line: number;
  column: number;
}

/**
 * A profile that cannot be used: every problem, each with the file and the JSON pointer it
 * concerns, and its line and column where the file's text gives them (`file:line:column: ...`,
 * one line per problem).
 */
export class ProfileError extends Error {
  override readonly name = 'ProfileError';
  readonly problems: readonly string[];

  constructor(file: string, problems: readonly string[], places: readonly (ProfilePlace | undefined)[] = []) {
    super(problems.map((problem, index) => `${file}${placeText(places[index])}: ${problem}`).join('\n'));
    this.problems = problems;
  }
}

function placeText(place: ProfilePlace | undefined): string {
  return place === undefined ? '' : `:${place.line}:${place.column}`;
}

export interface LoadedProfile {
  readonly profile: Profile;
  /** The profile file. */
  readonly file: string;
  /** Its folder, which the paths in the profile are relative to. */
  readonly dir: string;
  /** The front matter schema the profile names, parsed. */
  readonly frontMatterSchema: Record<string, unknown> & { $id: string };
}

/** Profiles are small; a larger file is no profile. */
const MAX_PROFILE_SIZE = 1024 * 1024;
const NAME = /^[a-z][a-z0-9-]*$/;

let checker: SchemaChecker | undefined;

/**
 * Loads a profile: a name (`scs`, `eip`) is a profile shipped in the package's `profiles/`
 * folder, anything else a path to a profile file (relative to `cwd`). The profile is validated
 * against `schemas/profile.schema.json` and checked for consistency (`checkProfile`); its front
 * matter schema is read and parsed. Every problem is reported at once, as a `ProfileError`.
 *
 * With `trustShipped`, a shipped profile is not validated again: the package's tests validate
 * and check every shipped profile, and a run that lints one file should not compile the
 * profile schema first. A profile file given by path is always validated.
 */
export function loadProfile(ref: string, cwd: string = process.cwd(), options: { trustShipped?: boolean } = {}): LoadedProfile {
  const shipped = NAME.test(ref);
  const file = shipped ? shippedProfileFile(ref) : resolve(cwd, ref);
  const { data, text } = readJson(file);
  if (!shipped || options.trustShipped !== true) {
    checker ??= new SchemaChecker(profileSchema as typeof profileSchema & { $id: string });
    const violations = checker.validate(data);
    if (violations.length > 0) {
      throw new ProfileError(
        file,
        violations.map((violation) => `${pointer(violation.path)}: ${violation.message}`),
        violations.map((violation) => placeOf(text, violation.path)),
      );
    }
    const problems = checkProfile(data as Profile);
    // A problem of the consistency check starts with the JSON pointer of what it is about.
    if (problems.length > 0) throw new ProfileError(file, problems, problems.map((problem) => placeOf(text, parsePointer(/^(\/\S*):/.exec(problem)?.[1] ?? '/'))));
  }
  const profile = data as Profile;
  const dir = dirname(file);
  const schemaFile = resolve(dir, profile.frontMatter.schema);
  const schema = readJson(schemaFile).data;
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema) || typeof (schema as { $id?: unknown }).$id !== 'string') {
    throw new ProfileError(file, [`/frontMatter/schema: ${schemaFile} is no JSON Schema with an \`$id\``]);
  }
  return { profile, file, dir, frontMatterSchema: schema as Record<string, unknown> & { $id: string } };
}

/** The profile file of a shipped profile: `profiles/<name>/profile.json` in the package. */
export function shippedProfileFile(name: string): string {
  // The package root holds `profiles/`; this module runs from tools/profile/ or, bundled, from dist/.
  for (let dir = dirname(fileURLToPath(import.meta.url)), depth = 0; depth < 4; dir = dirname(dir), depth++) {
    const candidate = join(dir, 'profiles', name, 'profile.json');
    if (existsSync(candidate)) return candidate;
  }
  throw new ProfileError(name, [`no profile \`${name}\` is shipped (give a path to a profile file instead)`]);
}

/** A JSON file's data, and its text for positions. */
function readJson(file: string): { data: unknown; text: string } {
  let text: string;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new ProfileError(file, ['not a regular file']);
    if (stat.size > MAX_PROFILE_SIZE) throw new ProfileError(file, [`larger than ${MAX_PROFILE_SIZE} bytes`]);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof ProfileError) throw error;
    throw new ProfileError(file, [`cannot be read: ${error instanceof Error ? error.message : String(error)}`]);
  }
  try {
    return { data: JSON.parse(text) as unknown, text };
  } catch (error) {
    // The same words and position as a JSON configuration's syntax error.
    const problem = jsonSyntaxError(text);
    const message = problem?.message ?? (error instanceof Error ? error.message : String(error));
    throw new ProfileError(file, [`is no JSON: ${message}`], [problem === undefined ? undefined : new LineIndex(text).point(problem.offset)]);
  }
}

/** The line and column of the node at a path of a JSON text (or of the nearest ancestor there is). */
function placeOf(text: string, path: readonly (string | number)[]): ProfilePlace | undefined {
  const range = locateNode(parseDocument(text).contents as Node | null, path, 0);
  return range === undefined ? undefined : new LineIndex(text).point(range.start);
}

/** The path of a JSON pointer (`/index/states/4` gives `index`, `states`, 4). */
function parsePointer(text: string): (string | number)[] {
  return text
    .split('/')
    .slice(1)
    .filter((segment) => segment !== '')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((segment) => (/^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment));
}

function pointer(path: readonly (string | number)[]): string {
  return path.length === 0 ? '/' : path.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/**
 * What the schema cannot say of a profile: every status, type, date field, state, track,
 * reference field and grouping field it names is one it declares; no transition starts from a
 * terminal status or is listed twice, and every status can be reached from `new`; a file-name
 * pattern names only declared parts and compiles; a section is named once per type and has its
 * place in the order, as has every field of an insertion place; the last index state has no
 * condition. Each problem names its JSON pointer.
 */
export function checkProfile(profile: Profile): string[] {
  const problems: string[] = [];
  const statuses = new Set(profile.statuses.values.map((status) => status.name));
  const types = new Set(profile.types.values.map((type) => type.name));
  const dates = new Set((profile.dates ?? []).map((date) => date.field));
  const states = new Set(profile.index.states.map((state) => state.state));
  const references = new Set(profile.references.map((reference) => reference.field));

  const status = (value: string, at: string): void => {
    if (!statuses.has(value)) problems.push(`${at}: unknown status \`${value}\`, expected one of ${[...statuses].join(', ')}`);
  };
  const type = (value: string, at: string): void => {
    if (!types.has(value)) problems.push(`${at}: unknown type \`${value}\`, expected one of ${[...types].join(', ')}`);
  };
  const date = (value: string, at: string): void => {
    if (!dates.has(value)) problems.push(`${at}: unknown date field \`${value}\`, expected one of ${[...dates].join(', ') || '(none: the profile declares no `dates`)'}`);
  };

  profile.transitions.forEach((transition, index) => {
    const at = `/transitions/${index}`;
    if (transition.from !== 'new') status(transition.from, `${at}/from`);
    status(transition.to, `${at}/to`);
    transition.sets.forEach((field, i) => date(field, `${at}/sets/${i}`));
    transition.types?.forEach((name, i) => type(name, `${at}/types/${i}`));
  });
  profile.statuses.values.forEach((entry, index) => entry.allowsDates?.forEach((field, i) => date(field, `/statuses/values/${index}/allowsDates/${i}`)));
  profile.statuses.values.forEach((entry, index) => Object.keys(entry.dateReasons ?? {}).forEach((field) => date(field, `/statuses/values/${index}/dateReasons/${field}`)));
  profile.types.values.forEach((entry, index) => {
    for (const name of Object.keys(entry.entering ?? {})) status(name, `/types/values/${index}/entering/${name}`);
    if (entry.extends !== undefined && !references.has(entry.extends)) problems.push(`/types/values/${index}/extends: unknown reference field \`${entry.extends}\``);
  });
  (profile.dates ?? []).forEach((entry, index) => entry.notBefore?.forEach((field, i) => date(field, `/dates/${index}/notBefore/${i}`)));
  profile.references.forEach((reference, index) => {
    const at = `/references/${index}`;
    reference.statuses?.forEach((name, i) => status(name, `${at}/statuses/${i}`));
    reference.addedTargetStatuses?.forEach((name, i) => status(name, `${at}/addedTargetStatuses/${i}`));
    reference.reciprocal?.whenTargetStatus?.forEach((name, i) => status(name, `${at}/reciprocal/whenTargetStatus/${i}`));
    if (reference.reciprocal && !references.has(reference.reciprocal.field)) problems.push(`${at}/reciprocal/field: unknown reference field \`${reference.reciprocal.field}\``);
  });
  for (const name of Object.keys(profile.templates?.byType ?? {})) type(name, `/templates/byType/${name}`);
  if (profile.templates?.newStatus !== undefined) status(profile.templates.newStatus, '/templates/newStatus');
  if (profile.lifecycle?.proposal?.status !== undefined) status(profile.lifecycle.proposal.status, '/lifecycle/proposal/status');
  profile.certificateScopes?.includable?.forEach((name, i) => status(name, `/certificateScopes/includable/${i}`));
  profile.review.shows?.forEach((field, i) => date(field, `/review/shows/${i}`));

  profile.index.states.forEach((state, index) => {
    const at = `/index/states/${index}`;
    state.when?.status?.forEach((name, i) => status(name, `${at}/when/status/${i}`));
    if (state.when?.reached !== undefined) date(state.when.reached, `${at}/when/reached`);
    if (state.when?.missing !== undefined) date(state.when.missing, `${at}/when/missing`);
    const last = index === profile.index.states.length - 1;
    if (last && state.when !== undefined) problems.push(`${at}/when: the last state has no condition (it is what a document is when no other state holds)`);
    if (!last && state.when === undefined) problems.push(`${at}: only the last state may have no condition (the states after it could never hold)`);
  });
  if (states.size !== profile.index.states.length) problems.push('/index/states: every state has its own name');
  (profile.index.future ?? []).forEach((mark, index) => {
    date(mark.field, `/index/future/${index}/field`);
    mark.states.forEach((name, i) => {
      if (!states.has(name)) problems.push(`/index/future/${index}/states/${i}: unknown state \`${name}\``);
    });
  });
  profile.index.changeDates?.fields.forEach((field, i) => date(field, `/index/changeDates/fields/${i}`));
  profile.index.changeDates?.exceptStatuses?.forEach((name, i) => status(name, `/index/changeDates/exceptStatuses/${i}`));

  const terminal = new Set(profile.statuses.values.filter((entry) => entry.terminal).map((entry) => entry.name));
  profile.transitions.forEach((transition, index) => {
    if (terminal.has(transition.from)) problems.push(`/transitions/${index}/from: \`${transition.from}\` is terminal, no transition starts from it`);
  });
  const reached = new Set(['new']);
  for (let grown = true; grown; ) {
    grown = false;
    for (const transition of profile.transitions) {
      if (reached.has(transition.from) && !reached.has(transition.to)) {
        reached.add(transition.to);
        grown = true;
      }
    }
  }
  profile.statuses.values.forEach((entry, index) => {
    if (!reached.has(entry.name)) problems.push(`/statuses/values/${index}: no transitions lead from \`new\` to \`${entry.name}\``);
  });

  profile.fileNames.kinds.forEach((kind, index) => {
    for (const match of kind.pattern.matchAll(/\{([^}]*)\}/g)) {
      const name = match[1] ?? '';
      if (!Object.hasOwn(kind.parts ?? {}, name) && !Object.hasOwn(profile.fileNames.parts, name)) {
        problems.push(`/fileNames/kinds/${index}/pattern: unknown part \`${name}\`, expected one of ${Object.keys(profile.fileNames.parts).join(', ')}`);
      }
    }
  });
  for (const [name, part] of Object.entries(profile.fileNames.parts)) regex(part.pattern, `/fileNames/parts/${name}/pattern`, problems);
  regex(profile.numbers.format, '/numbers/format', problems);
  profile.fileNames.id.shortForms?.forEach((form, i) => regex(form, `/fileNames/id/shortForms/${i}`, problems));
  if (profile.numbers.location !== 'file-name' && profile.numbers.field === undefined) problems.push('/numbers: a number that lives in the front matter names its `field`');
  if (profile.numbers.field !== undefined && profile.frontMatter.order && !profile.frontMatter.order.fields.includes(profile.numbers.field)) {
    problems.push(`/frontMatter/order/fields: the number's field \`${profile.numbers.field}\` has no place in the order`);
  }
  const order = profile.frontMatter.order;
  for (const [field, anchors] of Object.entries(order?.insertAfter ?? {})) {
    const unplaced = [field, ...anchors].filter((name) => !order?.fields.includes(name));
    if (unplaced.length > 0) problems.push(`/frontMatter/order/insertAfter/${field}: ${unplaced.map((name) => `\`${name}\``).join(', ')} missing from the order`);
  }

  const seen = new Set<string>();
  profile.transitions.forEach((transition, index) => {
    const id = `${transition.from} -> ${transition.to} ${(transition.types ?? []).join('|')}`;
    if (seen.has(id)) problems.push(`/transitions/${index}: \`${transition.from}\` to \`${transition.to}\` is listed twice`);
    seen.add(id);
  });
  profile.types.values.forEach((entry, index) => {
    const sections = entry.sections;
    if (!sections) return;
    const named = [...(sections.required ?? []), ...(sections.recommended ?? []), ...(sections.optional ?? [])];
    const twice = named.filter((title, i) => named.indexOf(title) !== i);
    if (twice.length > 0) problems.push(`/types/values/${index}/sections: ${twice.map((title) => `\`${title}\``).join(', ')} named in more than one of required, recommended and optional`);
    const unordered = sections.order ? [...new Set(named)].filter((title) => !sections.order?.includes(title)) : [];
    if (unordered.length > 0) problems.push(`/types/values/${index}/sections/order: ${unordered.map((title) => `\`${title}\``).join(', ')} missing from the order`);
  });

  // The fields that choose approvals and index groups, with the values they may have.
  const values = new Map<string, readonly string[]>([[profile.types.field, [...types]]]);
  if (profile.tracks) values.set(profile.tracks.field, profile.tracks.values.map((track) => track.name));
  if (profile.categories) values.set(profile.categories.field, profile.categories.values.map((category) => category.name));
  const field = (name: string, at: string): void => {
    if (!values.has(name)) problems.push(`${at}: \`${name}\` is no field of types, tracks or categories (${[...values.keys()].join(', ')})`);
  };
  profile.review.approvals.by.forEach((name, i) => field(name, `/review/approvals/by/${i}`));
  profile.index.groupBy.forEach((name, i) => field(name, `/index/groupBy/${i}`));
  const choosable = new Set(profile.review.approvals.by.flatMap((name) => values.get(name) ?? []));
  for (const value of Object.keys(profile.review.approvals.groups)) {
    if (!choosable.has(value)) problems.push(`/review/approvals/groups/${value}: \`${value}\` is no value of ${profile.review.approvals.by.join(' or ')}`);
  }
  const tracks = profile.numbers.tracks;
  const trackNames = new Set(profile.tracks?.values.map((track) => track.name) ?? []);
  if (tracks && 'byDigit' in tracks) {
    for (const [digit, track] of Object.entries(tracks.byDigit.digits)) {
      if (!trackNames.has(track)) problems.push(`/numbers/tracks/byDigit/digits/${digit}: unknown track \`${track}\``);
    }
  } else if (tracks) {
    tracks.byRange.forEach((range, i) => {
      if (!trackNames.has(range.track)) problems.push(`/numbers/tracks/byRange/${i}/track: unknown track \`${range.track}\``);
      if (range.to < range.from) problems.push(`/numbers/tracks/byRange/${i}: the range ends before it starts`);
    });
  }
  return problems;
}

function regex(source: string, at: string, problems: string[]): void {
  try {
    new RegExp(source);
  } catch (error) {
    problems.push(`${at}: no regular expression: ${error instanceof Error ? error.message : String(error)}`);
  }
}

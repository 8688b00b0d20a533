import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import picomatch from 'picomatch';
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import configSchema from '../../schemas/config.schema.json' with { type: 'json' };
import { locateNode } from '../model/frontmatter.js';
import { compileValidator, validatorFor } from '../model/validators.js';
import { jsonSyntaxError } from '../model/json-syntax.js';
import { LineIndex, type Range } from '../model/positions.js';
import { boundedData, nestingDepth, YAML_LIMITS } from '../model/yaml-limits.js';
import { closest as closestWord } from '../model/closest.js';
import type { Rule, Severity } from '../rules/rule.js';
import { ProfileError } from '../profile/load.js';
import { DEFAULT_PROFILE, defaultProcess, processFor, type Process } from '../profile/process.js';

export const CONFIG_FILE_NAMES = ['.scs-standards.json', '.scs-standards.yaml', '.scs-standards.yml'] as const;

export type SeveritySetting = Severity | 'off';

export type RawSeverity = 'off' | 'warn' | 'error' | 0 | 1 | 2;

/** The severity words of a rule setting, as the configuration and `--rule ID:SEVERITY` take them. */
export const SEVERITY_WORDS: readonly string[] = ['off', 'warn', 'error', '0', '1', '2'];

/** A severity word (`warn`, `1`, ...) as the configuration writes it, or undefined when it is none. */
export function parseSeverity(word: string): RawSeverity | undefined {
  if (word === 'off' || word === 'warn' || word === 'error') return word;
  if (word === '0' || word === '1' || word === '2') return Number(word) as 0 | 1 | 2;
  return undefined;
}
type RawSetting = RawSeverity | [RawSeverity] | [RawSeverity, unknown];

export interface RawConfig {
  profile?: string;
  standards?: string;
  scopes?: string[];
  templates?: string;
  rules?: Record<string, RawSetting>;
  overrides?: { files?: string[]; status?: string[]; type?: string[]; rules: Record<string, RawSetting> }[];
  ignores?: string[];
  maxFileSize?: number;
  index?: { baseUrl?: string };
  [key: string]: unknown;
}

/** A configuration problem: exit code 2 with this message. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

interface RuleSetting {
  severity: SeveritySetting | undefined;
  options: unknown;
  hasOptions: boolean;
}

interface Override {
  files: ((path: string) => boolean) | undefined;
  status: readonly string[] | undefined;
  type: readonly string[] | undefined;
  rules: Map<string, RuleSetting>;
}

/** What overrides select a file by: its path, and for documents their status and type. */
export interface SettingTarget {
  readonly relPath: string;
  readonly status?: string | undefined;
  readonly type?: string | undefined;
}

export interface EffectiveSetting {
  severity: SeveritySetting;
  options: unknown;
}

/** A loaded, validated configuration with the repository root it belongs to. */
export class ResolvedConfig {
  readonly root: string;
  readonly file: string | undefined;
  readonly raw: RawConfig;
  readonly standards: string;
  /** Glob patterns of certificate-scope files, relative to the root. */
  readonly scopes: readonly string[];
  /** The folder of the document templates, relative to the root. */
  readonly templates: string;
  readonly maxFileSize: number | undefined;
  /** The standards process the configuration chooses (`profile`, default `scs`). */
  readonly process: Process;
  readonly #rules: ReadonlyMap<string, Rule>;
  readonly #base: Map<string, RuleSetting>;
  readonly #overrides: Override[];
  readonly #ignored: (path: string) => boolean;

  constructor(root: string, file: string | undefined, raw: RawConfig, rules: ReadonlyMap<string, Rule>) {
    this.root = root;
    this.file = file;
    this.raw = raw;
    this.process = raw.profile === undefined ? defaultProcess() : processFor(raw.profile, file === undefined ? root : dirname(file));
    const profile = this.process.profile;
    this.standards = raw.standards ?? profile.folder ?? 'Standards';
    this.scopes = raw.scopes ?? profile.certificateScopes?.files ?? [];
    this.templates = raw.templates ?? profile.templates?.folder ?? 'templates';
    this.maxFileSize = raw.maxFileSize;
    this.#rules = rules;
    this.#base = toSettings(raw.rules ?? {});
    this.#overrides = (raw.overrides ?? []).map((entry) => ({
      files: entry.files ? picomatch(entry.files, { dot: true }) : undefined,
      status: entry.status,
      type: entry.type,
      rules: toSettings(entry.rules),
    }));
    const ignores = raw.ignores ?? [];
    this.#ignored = ignores.length > 0 ? picomatch(ignores, { dot: true }) : () => false;
  }

  /**
   * This configuration with severities that win over every setting of the file (`--rule
   * ID:SEVERITY`): an override that applies to every file, after the file's own.
   */
  withSeverities(severities: ReadonlyMap<string, RawSeverity>): ResolvedConfig {
    if (severities.size === 0) return this;
    const overrides = [...(this.raw.overrides ?? []), { rules: Object.fromEntries(severities) }];
    return new ResolvedConfig(this.root, this.file, { ...this.raw, overrides }, this.#rules);
  }

  /** Whether a path (relative to the root, `/`-separated) is ignored. */
  isIgnored(relPath: string): boolean {
    return this.#ignored(relPath);
  }

  /** The severity and options of a rule for one document or scope file, after overrides. */
  settingFor(rule: Rule, doc: SettingTarget | undefined): EffectiveSetting {
    let severity: SeveritySetting = this.process.ruleSeverity(rule.id) ?? rule.meta.severity;
    let options: unknown = rule.meta.defaultOptions;
    const apply = (setting: RuleSetting | undefined): void => {
      if (!setting) return;
      if (setting.severity !== undefined) severity = setting.severity;
      if (setting.hasOptions) options = setting.options;
    };
    apply(this.#base.get(rule.id));
    if (doc) {
      for (const override of this.#overrides) {
        if (override.files && !override.files(doc.relPath)) continue;
        if (override.status && !override.status.includes(doc.status ?? '')) continue;
        if (override.type && !override.type.includes(doc.type ?? '')) continue;
        apply(override.rules.get(rule.id));
      }
    }
    return { severity, options };
  }

  /** Whether any setting could turn the rule on for some document. */
  mayRun(rule: Rule): boolean {
    if (this.settingFor(rule, undefined).severity !== 'off') return true;
    return this.#overrides.some((override) => {
      const setting = override.rules.get(rule.id);
      return setting !== undefined && setting.severity !== 'off';
    });
  }

  get rules(): ReadonlyMap<string, Rule> {
    return this.#rules;
  }
}

function toSeverity(raw: RawSeverity): SeveritySetting {
  if (raw === 0 || raw === 'off') return 'off';
  if (raw === 1 || raw === 'warn') return 'warn';
  return 'error';
}

function toSettings(raw: Record<string, RawSetting>): Map<string, RuleSetting> {
  const settings = new Map<string, RuleSetting>();
  for (const [id, value] of Object.entries(raw)) {
    if (Array.isArray(value)) {
      settings.set(id, { severity: toSeverity(value[0]), options: value[1], hasOptions: value.length > 1 });
    } else {
      settings.set(id, { severity: toSeverity(value), options: undefined, hasOptions: false });
    }
  }
  return settings;
}

/** Walks up from `start` to the folder that holds a configuration file or `.git`. */
export function findRoot(start: string): { root: string; configFile: string | undefined } {
  let folder = resolve(start);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(folder, name);
      if (isFile(candidate)) return { root: folder, configFile: candidate };
    }
    if (existsSync(join(folder, '.git'))) return { root: folder, configFile: undefined };
    const parent = dirname(folder);
    if (parent === folder) return { root: resolve(start), configFile: undefined };
    folder = parent;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Loads the configuration: the file given with `--config`, or the one at the repository root,
 * or none. Throws ConfigError with a positioned message when it is unreadable or invalid.
 */
export function loadConfig(cwd: string, rules: ReadonlyMap<string, Rule>, explicitFile?: string): ResolvedConfig {
  const found = findRoot(cwd);
  let file = found.configFile;
  let root = found.root;
  if (explicitFile !== undefined) {
    file = resolve(cwd, explicitFile);
    if (!isFile(file)) throw new ConfigError(`Configuration file not found: ${explicitFile}`);
    // An explicit configuration does not move the root: paths in it are relative to the repository.
  }
  if (file === undefined) return new ResolvedConfig(root, undefined, {}, rules);
  const raw = parseConfigFile(file, rules, cwd);
  if (explicitFile === undefined) root = dirname(file);
  return new ResolvedConfig(root, file, raw, rules);
}

export function parseConfigFile(file: string, rules: ReadonlyMap<string, Rule>, cwd: string): RawConfig {
  const shown = relative(cwd, file) || file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${shown}: cannot read the configuration: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = new LineIndex(text);
  const depth = nestingDepth(text);
  if (depth > YAML_LIMITS.maxDepth) {
    throw new ConfigError(`${shown}:1:1: the configuration nests ${depth} levels deep, over the limit of ${YAML_LIMITS.maxDepth}: not parsed`);
  }
  // A `.json` file is read as JSON and its syntax errors are JSON's; anything else is YAML.
  const format = /\.json$/i.test(file) ? 'JSON' : 'YAML';
  if (format === 'JSON') {
    const problem = jsonSyntaxError(text);
    if (problem) {
      const point = lines.point(problem.offset);
      throw new ConfigError(`${shown}:${point.line}:${point.column}: invalid JSON: ${problem.message}`);
    }
  }
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  } catch (error) {
    throw new ConfigError(`${shown}:1:1: invalid ${format}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const syntax = doc.errors.map((error) => {
    const point = lines.point(error.pos[0]);
    const message = error.code === 'DUPLICATE_KEY' ? 'the same key is written twice in one mapping' : error.message.replace(/ at line \d+[\s\S]*$/, '');
    return `${shown}:${point.line}:${point.column}: invalid ${format}: ${message}`;
  });
  if (syntax.length > 0) throw new ConfigError(syntax.join('\n'));
  const bounded = boundedData(doc);
  if (!bounded.ok) throw new ConfigError(`${shown}:1:1: the configuration could not be read: ${bounded.message}`);
  const data: unknown = bounded.data ?? {};
  const problems: string[] = [];
  const at = (path: (string | number)[], key = false): string => {
    const range = key ? locateKey(doc.contents as Node | null, path) : locateNode(doc.contents as Node | null, path, 0);
    const point = lines.point(range?.start ?? 0);
    return `${shown}:${point.line}:${point.column}`;
  };
  for (const problem of configShapeProblems(data)) {
    problems.push(`${at(problem.path, problem.key)}: ${problem.message}`);
  }
  {
    const given = (data as RawConfig).profile;
    const ref = typeof given === 'string' && given !== '' ? given : undefined;
    let chosen: Process | undefined;
    try {
      chosen = ref === undefined ? defaultProcess() : processFor(ref, dirname(file));
    } catch (error) {
      if (!(error instanceof ProfileError)) throw error;
      problems.push(`${at(['profile'])}: the profile cannot be used: ${error.message}`);
    }
    if (chosen && typeof data === 'object' && data !== null) problems.push(...profileValueProblems(data as RawConfig, chosen).map((problem) => `${at(problem.path, problem.key === true)}: ${problem.message}`));
  }
  if (problems.length === 0) {
    const raw = data as RawConfig;
    const sections: [string[], Record<string, RawSetting> | undefined][] = [
      [['rules'], raw.rules],
      ...(raw.overrides ?? []).map((entry, index): [string[], Record<string, RawSetting>] => [['overrides', String(index), 'rules'], entry.rules]),
    ];
    for (const [path, settings] of sections) {
      for (const [id, setting] of Object.entries(settings ?? {})) {
        const rule = rules.get(id);
        const where = at([...path.map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment)), id], true);
        if (!rule) {
          const near = closestWord(id, [...rules.keys()]);
          problems.push(`${where}: unknown rule \`${id}\`${near ? `: did you mean \`${near}\`?` : ''}`);
          continue;
        }
        if (Array.isArray(setting) && setting.length > 1) {
          const schema = rule.meta.optionsSchema;
          if (!schema) problems.push(`${where}: rule \`${id}\` has no options`);
          else {
            const optionsPath = [...path.map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment)), id, 1];
            for (const problem of validateOptions(id, schema, setting[1])) problems.push(`${at([...optionsPath, ...problem.path], problem.key)}: invalid options for rule \`${id}\`: ${problem.message}`);
          }
        }
      }
    }
  }
  if (problems.length > 0) throw new ConfigError(byPosition(problems).join('\n'));
  return data as RawConfig;
}

/** Statuses and types in `overrides`, and keys of `approvals`, that the profile does not have. */
function profileValueProblems(raw: RawConfig, chosen: Process): { path: (string | number)[]; key?: true; message: string }[] {
  const problems: { path: (string | number)[]; key?: true; message: string }[] = [];
  const approvals: unknown = raw.approvals;
  if (typeof approvals === 'object' && approvals !== null && !Array.isArray(approvals)) {
    const keys = approvalKeys(chosen);
    for (const key of Object.keys(approvals)) {
      if (keys.includes(key)) continue;
      const near = closestWord(key, keys);
      problems.push({
        path: ['approvals', key],
        key: true,
        message: `unknown setting \`${key}\`${near ? `: did you mean \`${near}\`?` : ''} (who approves is set for ${keys.join(', ')})`,
      });
    }
  }
  const known = { status: chosen.statusNames, type: chosen.profile.types.values.map((type) => type.name) };
  const overrides: unknown = raw.overrides;
  if (!Array.isArray(overrides)) return problems;
  overrides.forEach((entry: unknown, index) => {
    if (typeof entry !== 'object' || entry === null) return;
    for (const field of ['status', 'type'] as const) {
      const values: unknown = (entry as Record<string, unknown>)[field];
      if (!Array.isArray(values)) continue;
      values.forEach((value: unknown, position) => {
        // Anything but a text is the schema's to report.
        if (typeof value !== 'string' || value === '' || known[field].includes(value)) return;
        problems.push({
          path: ['overrides', index, field, position],
          message: `unexpected value (got the text ${JSON.stringify(value)}), expected one of ${known[field].map((name) => JSON.stringify(name)).join(', ')}${chosen.name === DEFAULT_PROFILE ? '' : ` (the ${field === 'status' ? 'statuses' : 'types'} of the profile \`${chosen.name}\`)`}`,
        });
      });
    }
  });
  return problems;
}

/** The values an approval can be set for: those of the profile's `review.approvals.by` fields. */
function approvalKeys(chosen: Process): string[] {
  const { profile } = chosen;
  const keys = new Set(Object.keys(profile.review.approvals.groups));
  for (const field of profile.review.approvals.by) {
    const values =
      field === profile.types.field
        ? profile.types.values
        : field === profile.categories?.field
          ? profile.categories.values
          : field === profile.tracks?.field
            ? profile.tracks.values
            : [];
    for (const value of values) keys.add(value.name);
  }
  return [...keys];
}

/** Positioned messages (`file:line:column: ...`) in the order of their positions. */
function byPosition(problems: readonly string[]): string[] {
  const place = (problem: string): [number, number] => {
    const match = /:(\d+):(\d+): /.exec(problem);
    return match ? [Number(match[1]), Number(match[2])] : [0, 0];
  };
  return [...problems].sort((a, b) => {
    const [lineA, columnA] = place(a);
    const [lineB, columnB] = place(b);
    return lineA - lineB || columnA - columnB;
  });
}

/** The range of the key of the last path segment (where an unknown rule id is written). */
function locateKey(root: Node | null, path: (string | number)[]): Range | undefined {
  const parent = locateParent(root, path.slice(0, -1));
  const last = path[path.length - 1];
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(last));
    const range = (pair?.key as Node | undefined)?.range;
    if (range) return { start: range[0], end: range[1] };
  }
  return locateNode(root, path, 0);
}

function locateParent(root: Node | null, path: (string | number)[]): Node | null {
  let node: Node | null = root;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      node = (pair?.value as Node | null | undefined) ?? null;
    } else if (isSeq(node) && typeof segment === 'number') node = (node.items[segment] as Node | undefined) ?? null;
    else return null;
  }
  return node;
}

/** One problem of a value against a schema, where it is (`key`: at the key, not the value). */
interface ShapeProblem {
  path: (string | number)[];
  key: boolean;
  message: string;
}

function configShapeProblems(data: unknown): ShapeProblem[] {
  const configValidator = validatorFor(configSchema);
  if (configValidator(data)) return [];
  return describeErrors(configValidator.errors ?? [], data, configSchema);
}

const optionValidators = new Map<string, ValidateFunction>();

function validateOptions(id: string, schema: Record<string, unknown>, options: unknown): ShapeProblem[] {
  let validate = optionValidators.get(id);
  if (!validate) {
    validate = compileValidator(schema);
    optionValidators.set(id, validate);
  }
  if (validate(options)) return [];
  return describeErrors(validate.errors ?? [], options, schema);
}

/**
 * The errors of a validation in the tool's words, one per problem. A `oneOf` (a value that may
 * take one of several shapes) gives one message: the errors inside the shape the value has when
 * it has one (a list whose entry is wrong), else what the shapes would have been.
 */
export function describeErrors(errors: readonly ErrorObject[], data: unknown, schema: unknown): ShapeProblem[] {
  let kept = errors.filter((error) => error.keyword !== 'if' && error.keyword !== 'propertyNames');
  const alternatives = new Map<string, ErrorObject[]>();
  for (const choice of kept.filter((error) => error.keyword === 'oneOf')) {
    const at = choice.instancePath;
    // The branches' errors (their schema paths name the definitions they refer to, so they are
    // found by where in the data they are).
    const inside = kept.filter((error) => error !== choice && error.keyword !== 'oneOf' && (error.instancePath === at || error.instancePath.startsWith(`${at}/`)));
    const shaped = inside.filter((error) => error.instancePath !== at || (error.keyword !== 'type' && error.keyword !== 'enum'));
    kept = kept.filter((error) => error !== choice && (!inside.includes(error) || shaped.includes(error)));
    if (shaped.length === 0) alternatives.set(at, inside);
  }
  const problems: ShapeProblem[] = [];
  const seen = new Set<string>();
  const push = (problem: ShapeProblem): void => {
    const key = `${JSON.stringify(problem.path)} ${problem.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push(problem);
  };
  for (const [at, inside] of alternatives) {
    const path = pointer(at);
    const expected = inside.map((error) => expectation(error)).filter((text, index, all) => all.indexOf(text) === index);
    push({ path, key: false, message: `${got(valueAt(data, path))}: expected ${expected.join(', or ')}` });
  }
  for (const error of kept) push(describeError(error, data, schema));
  return problems;
}

/** What one branch of a choice expects: `a string`, `one of "off", "warn"`. */
function expectation(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'enum') return `one of ${((params.allowedValues as unknown[]) ?? []).map((value) => JSON.stringify(value)).join(', ')}`;
  if (error.keyword === 'type') return TYPE_WORDS[String(params.type)] ?? String(params.type);
  return describeError(error, undefined, undefined).message;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a text',
  array: 'a list',
  object: 'a mapping of keys to values',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  null: 'nothing (null)',
};

/** `got the number 5`, `got "loud"`, for the start of a message. */
function got(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'got null';
  if (Array.isArray(value)) return value.length === 0 ? 'got an empty list' : 'got a list';
  if (typeof value === 'object') return 'got a mapping';
  const text = JSON.stringify(value);
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return typeof value === 'string' ? `got the text ${shown}` : `got ${typeof value === 'number' ? 'the number ' : ''}${shown}`;
}

function describeError(error: ErrorObject, data: unknown, schema: unknown): ShapeProblem {
  const params = error.params as Record<string, unknown>;
  const path = pointer(error.instancePath);
  const value = valueAt(data, path);
  const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const near = closestWord(name, knownKeys(schema, path));
      return { path: [...path, name], key: true, message: `unknown setting \`${name}\`${near ? `: did you mean \`${near}\`?` : ''}` };
    }
    case 'required':
      return { path, key: false, message: `missing \`${String(params.missingProperty)}\`` };
    case 'enum':
      return { path, key: false, message: `unexpected value (${got(value)}), expected one of ${((params.allowedValues as unknown[]) ?? []).map((entry) => JSON.stringify(entry)).join(', ')}` };
    case 'type':
      return { path, key: false, message: `expected ${String(params.type).split(',').map((type) => TYPE_WORDS[type] ?? type).join(' or ')}, ${got(value)}` };
    case 'pattern':
      if (error.propertyName !== undefined) {
        return { path: [...path, error.propertyName], key: true, message: `\`${error.propertyName}\` is not a rule id (lower-case words joined by hyphens, as \`scs-standards rules\` lists them)` };
      }
      if (error.instancePath.startsWith('/scopes/')) return { path, key: false, message: 'a scope glob must stay inside the repository: no leading `/` and no `..`' };
      if (error.instancePath === '/index/baseUrl') {
        return { path, key: false, message: `${got(value)}: a base URL is an http(s) URL such as \`https://docs.scs.community/standards\` or a path such as \`/standards\` (no spaces, quotes or angle brackets)` };
      }
      return { path, key: false, message: `${got(value)}, which does not have the expected form (${String(params.pattern)})` };
    case 'minLength':
      return { path, key: false, message: Number(params.limit) === 1 ? 'is empty: expected a text' : `expected at least ${plural(Number(params.limit), 'character')}` };
    case 'maxLength':
      return { path, key: false, message: `expected at most ${plural(Number(params.limit), 'character')}` };
    case 'minItems':
      return { path, key: false, message: `${got(value)}: expected at least ${plural(Number(params.limit), 'entry')}`.replace('1 entrys', '1 entry').replace(/entrys/, 'entries') };
    case 'maxItems':
    case 'items':
      return { path, key: false, message: `too many entries: expected at most ${Number(params.limit)}` };
    case 'minimum':
      return { path, key: false, message: `${got(value)}: expected at least ${String(params.limit)}` };
    case 'maximum':
      return { path, key: false, message: `${got(value)}: expected at most ${String(params.limit)}` };
    case 'uniqueItems':
      return { path, key: false, message: `entries ${String(params.j)} and ${String(params.i)} are the same: each entry is given once` };
    case 'const':
      return { path, key: false, message: `${got(value)}: expected ${JSON.stringify(params.allowedValue)}` };
    case 'minProperties':
      return { path, key: false, message: `expected at least ${plural(Number(params.limit), 'key')}` };
    case 'false schema':
      return { path, key: false, message: 'no value is allowed here' };
    default:
      return { path, key: false, message: `invalid value (${got(value)}; schema keyword \`${error.keyword}\`)` };
  }
}

/** The value at a path of the data, if any. */
function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/** The property names the schema knows at a path (for "did you mean"). */
function knownKeys(schema: unknown, path: readonly (string | number)[]): string[] {
  let node = schema as Record<string, unknown> | undefined;
  for (const segment of path) {
    if (!node) return [];
    if (typeof segment === 'number') node = node.items as Record<string, unknown> | undefined;
    else node = (node.properties as Record<string, Record<string, unknown>> | undefined)?.[segment];
  }
  return Object.keys((node?.properties as Record<string, unknown> | undefined) ?? {});
}

function pointer(instancePath: string): (string | number)[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** A path relative to the root with `/` separators. */
export function toRelative(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}


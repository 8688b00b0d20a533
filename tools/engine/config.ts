import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import picomatch from 'picomatch';
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import configSchema from '../../schemas/config.schema.json' with { type: 'json' };
import { locateNode } from '../model/frontmatter.js';
import { compileValidator, validatorFor } from '../model/validators.js';
import { LineIndex, type Range } from '../model/positions.js';
import { boundedData, nestingDepth, YAML_LIMITS } from '../model/yaml-limits.js';
import type { Rule, Severity } from '../rules/rule.js';

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
  standards?: string;
  scopes?: string[];
  templates?: string;
  rules?: Record<string, RawSetting>;
  overrides?: { files?: string[]; status?: string[]; type?: string[]; rules: Record<string, RawSetting> }[];
  ignores?: string[];
  maxFileSize?: number;
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

/** The default glob of certificate-scope files, relative to the repository root. */
export const DEFAULT_SCOPES: readonly string[] = ['Tests/scs-*.yaml'];

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
  readonly #rules: ReadonlyMap<string, Rule>;
  readonly #base: Map<string, RuleSetting>;
  readonly #overrides: Override[];
  readonly #ignored: (path: string) => boolean;

  constructor(root: string, file: string | undefined, raw: RawConfig, rules: ReadonlyMap<string, Rule>) {
    this.root = root;
    this.file = file;
    this.raw = raw;
    this.standards = raw.standards ?? 'Standards';
    this.scopes = raw.scopes ?? DEFAULT_SCOPES;
    this.templates = raw.templates ?? 'templates';
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
    let severity: SeveritySetting = rule.meta.severity;
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
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  } catch (error) {
    throw new ConfigError(`${shown}:1:1: invalid configuration syntax: ${error instanceof Error ? error.message : String(error)}`);
  }
  const firstError = doc.errors[0];
  if (firstError) {
    const point = lines.point(firstError.pos[0]);
    throw new ConfigError(`${shown}:${point.line}:${point.column}: invalid configuration syntax: ${firstError.message.replace(/ at line \d+[\s\S]*$/, '')}`);
  }
  const bounded = boundedData(doc);
  if (!bounded.ok) throw new ConfigError(`${shown}:1:1: the configuration could not be read: ${bounded.message}`);
  const data: unknown = bounded.data ?? {};
  const problems: string[] = [];
  const at = (path: (string | number)[], key = false): string => {
    const range = key ? locateKey(doc.contents as Node | null, path) : locateNode(doc.contents as Node | null, path, 0);
    const point = lines.point(range?.start ?? 0);
    return `${shown}:${point.line}:${point.column}`;
  };
  for (const error of validateConfigShape(data)) {
    problems.push(`${at(pointer(error.instancePath))}: ${describeConfigError(error)}`);
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
          problems.push(`${where}: unknown rule \`${id}\``);
          continue;
        }
        if (Array.isArray(setting) && setting.length > 1) {
          const schema = rule.meta.optionsSchema;
          if (!schema) problems.push(`${where}: rule \`${id}\` has no options`);
          else {
            const message = validateOptions(id, schema, setting[1]);
            if (message) problems.push(`${where}: ${message}`);
          }
        }
      }
    }
  }
  if (problems.length > 0) throw new ConfigError(problems.join('\n'));
  return data as RawConfig;
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

function validateConfigShape(data: unknown): ErrorObject[] {
  const configValidator = validatorFor(configSchema);
  if (configValidator(data)) return [];
  const errors = configValidator.errors ?? [];
  // `oneOf` explains its branches' errors better than the summary.
  const specific = errors.filter((error) => error.keyword !== 'oneOf' && error.keyword !== 'if');
  return specific.length > 0 ? specific : errors;
}

const optionValidators = new Map<string, ValidateFunction>();

function validateOptions(id: string, schema: Record<string, unknown>, options: unknown): string | undefined {
  let validate = optionValidators.get(id);
  if (!validate) {
    validate = compileValidator(schema);
    optionValidators.set(id, validate);
  }
  if (validate(options)) return undefined;
  const error = validate.errors?.[0];
  return `invalid options for rule \`${id}\`: ${error ? `${error.instancePath || 'options'} ${error.message ?? ''}` : 'not valid'}`;
}

function pointer(instancePath: string): (string | number)[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

function describeConfigError(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown setting \`${String(params.additionalProperty)}\``;
    case 'enum':
      return `unexpected value, expected one of ${((params.allowedValues as unknown[]) ?? []).map((value) => JSON.stringify(value)).join(', ')}`;
    case 'required':
      return `missing \`${String(params.missingProperty)}\``;
    case 'pattern':
      if (error.instancePath.startsWith('/scopes/')) return 'a scope glob must stay inside the repository: no leading `/` and no `..`';
      return `\`${String(params.propertyName ?? '')}\` is not a rule id`.replace('``', 'value');
    default:
      return error.message ?? 'invalid value';
  }
}

/** A path relative to the root with `/` separators. */
export function toRelative(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

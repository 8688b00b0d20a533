import { isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node, type Pair, type Scalar } from 'yaml';
import scopeSchema from '../../schemas/certificate-scope.schema.json' with { type: 'json' };
import { isIsoDate } from './dates.js';
import { describeYamlError, describeYamlNode, locateNode } from './frontmatter.js';
import type { Range } from './positions.js';
import { nestingDepth, YAML_LIMITS } from './yaml-limits.js';
import { decodeSource, makeSource, type SourceFile, type SourceProblem } from './source.js';

/**
 * A certificate-scope file (such as `Tests/scs-compatible-iaas.yaml`): its source, its YAML with
 * the position of every node, the plain data, and views of its parts (test cases, modules,
 * versions, timeline) that keep where each part was written. The views are lenient: entries of
 * the wrong shape are left out (the schema rule reports them), so that the other rules can check
 * what is there.
 */

export type ScopeProblemKind = 'syntax' | 'not-mapping' | 'duplicate-key' | 'limit' | 'empty';

export interface ScopeProblem {
  kind: ScopeProblemKind;
  message: string;
  range: Range;
}

/** Limits that keep a hostile scope file from exhausting memory or time. */
export const SCOPE_LIMITS = {
  /** Aliases that may be expanded when the YAML becomes data. */
  maxAliasCount: YAML_LIMITS.maxAliasCount,
  /** Nesting of collections (real scope files nest five or six levels). */
  maxDepth: YAML_LIMITS.maxDepth,
};

/** The validity codes of the timeline. */
export const VALIDITIES = ['effective', 'warn', 'draft', 'deprecated'] as const;
export type Validity = (typeof VALIDITIES)[number];

/**
 * The field of a version's date in the scope files: the property of a version that the scope
 * schema (`schemas/certificate-scope.schema.json`) makes a date. The profile names the same field
 * (`certificateScopes.versionDate`).
 */
export const SCOPE_VERSION_DATE: string =
  Object.entries(scopeSchema.$defs.version.properties).find(([, property]) => '$ref' in property && property.$ref === '#/$defs/date')?.[0] ?? '';

/** A path into the YAML data, as a JSON pointer's segments (`['versions', 0, 'include', 2]`). */
export type DataPath = (string | number)[];

export interface ScopeTestCase {
  id: string;
  /** Index of the script that lists it. */
  script: number;
  path: DataPath;
  /** Where the id is written. */
  range: Range;
}

export interface ScopeTargetEntry {
  /** The test-case id the target names. */
  id: string;
  path: DataPath;
  range: Range;
}

export interface ScopeTarget {
  name: string;
  testCases: ScopeTargetEntry[];
}

export interface ScopeModule {
  id: string;
  index: number;
  path: DataPath;
  /** Where the id is written. */
  idRange: Range;
  name: string | undefined;
  url: string | undefined;
  /** The names of the parameters the module declares; undefined when it declares none. */
  parameters: string[] | undefined;
  targets: ScopeTarget[];
}

export interface ScopeInclude {
  /** The included module's id (the entry itself, or its `ref`). */
  moduleId: string;
  index: number;
  path: DataPath;
  /** Where the module id is written. */
  range: Range;
  /** The parameter values of an include descriptor; undefined for a plain module id. */
  parameters: Record<string, unknown> | undefined;
}

export interface ScopeVersion {
  name: string;
  index: number;
  path: DataPath;
  /** Where the name is written. */
  nameRange: Range;
  /** The version's date (`SCOPE_VERSION_DATE`: `stabilized_at`) when it is a valid ISO date. */
  stabilizedAt: string | undefined;
  /** Where the version's date is written (its value), when present. */
  stabilizedAtRange: Range | undefined;
  include: ScopeInclude[];
}

export interface ScopeTimelineValidity {
  version: string;
  validity: Validity;
  /** Where the version name is written (the key). */
  keyRange: Range;
  /** Where the validity is written. */
  range: Range;
}

export interface ScopeTimelineEntry {
  index: number;
  path: DataPath;
  /** The period's first day, when it is a valid ISO date. */
  date: string | undefined;
  /** Where the date is written (or the entry, without one). */
  dateRange: Range;
  versions: ScopeTimelineValidity[];
}

export class CertificateScope {
  readonly source: SourceFile;
  /** The file's path relative to the repository root, with `/` separators. */
  readonly relPath: string;
  /** Set when the file could not be decoded (binary, invalid UTF-8, too large, unreadable). */
  readonly readProblem: SourceProblem | undefined;
  /** YAML problems: syntax, duplicate keys, limits, a document that is not a mapping. */
  readonly problems: ScopeProblem[];
  /** The parsed top-level mapping, with source ranges. */
  readonly root: Node | undefined;
  /** Plain data; empty when the file is unreadable or broken. */
  readonly data: Record<string, unknown>;
  /** True when the YAML is a usable mapping (schema and reference rules can run). */
  readonly usable: boolean;
  #testCases: ScopeTestCase[] | undefined;
  #modules: ScopeModule[] | undefined;
  #versions: ScopeVersion[] | undefined;
  #timeline: ScopeTimelineEntry[] | undefined;

  constructor(source: SourceFile, relPath: string, readProblem?: SourceProblem) {
    this.source = source;
    this.relPath = relPath;
    this.readProblem = readProblem;
    const parsed = readProblem ? { root: undefined, data: {}, usable: false, problems: [] } : parseScopeYaml(source.text);
    this.root = parsed.root;
    this.data = parsed.data;
    this.usable = parsed.usable;
    this.problems = parsed.problems;
  }

  static fromBytes(path: string, relPath: string, fileName: string, bytes: Uint8Array, maxFileSize?: number): CertificateScope {
    const decoded = decodeSource(bytes, maxFileSize, 'a YAML file');
    if (!decoded.ok) return new CertificateScope(makeSource(path, fileName, decoded.text, false), relPath, decoded.problem);
    return new CertificateScope(makeSource(path, fileName, decoded.text, decoded.bom), relPath);
  }

  /** A scope file that could not be read at all: only the problem is known. */
  static unreadable(path: string, relPath: string, fileName: string, message: string): CertificateScope {
    return new CertificateScope(makeSource(path, fileName, '', false), relPath, { message, range: { start: 0, end: 0 } });
  }

  static fromText(path: string, relPath: string, fileName: string, text: string): CertificateScope {
    const bom = text.charCodeAt(0) === 0xfeff;
    return new CertificateScope(makeSource(path, fileName, bom ? text.slice(1) : text, bom), relPath);
  }

  get fileName(): string {
    return this.source.fileName;
  }

  /** The scope's `name`, when it is a text. */
  get name(): string | undefined {
    return typeof this.data.name === 'string' ? this.data.name : undefined;
  }

  get uuid(): string | undefined {
    return typeof this.data.uuid === 'string' ? this.data.uuid : undefined;
  }

  get url(): string | undefined {
    return typeof this.data.url === 'string' ? this.data.url : undefined;
  }

  /** The range of the node at a path, or of the nearest ancestor that exists. */
  locate(path: readonly (string | number)[]): Range {
    return locateNode(this.root, path, 0) ?? { start: 0, end: 0 };
  }

  /** The range of the key at the end of a path (where an unexpected key is written). */
  locateKey(path: readonly (string | number)[]): Range {
    const parent = nodeAt(this.root, path.slice(0, -1));
    const last = path[path.length - 1];
    if (isMap(parent)) {
      const pair = findPair(parent.items as Pair[], last);
      const range = (pair?.key as Node | undefined)?.range;
      if (range) return { start: range[0], end: range[1] };
    }
    return this.locate(path);
  }

  /** Every test case of every script, in file order. */
  get testCases(): readonly ScopeTestCase[] {
    this.#testCases ??= this.#readTestCases();
    return this.#testCases;
  }

  /** Every module with an id, in file order. */
  get modules(): readonly ScopeModule[] {
    this.#modules ??= this.#readModules();
    return this.#modules;
  }

  /** Every version with a name, in file order. */
  get versions(): readonly ScopeVersion[] {
    this.#versions ??= this.#readVersions();
    return this.#versions;
  }

  /** Every timeline entry, in file order. */
  get timeline(): readonly ScopeTimelineEntry[] {
    this.#timeline ??= this.#readTimeline();
    return this.#timeline;
  }

  /** The first module with this id. */
  module(id: string): ScopeModule | undefined {
    return this.modules.find((module) => module.id === id);
  }

  /** The first version with this name. */
  version(name: string): ScopeVersion | undefined {
    return this.versions.find((version) => version.name === name);
  }

  #readTestCases(): ScopeTestCase[] {
    const testCases: ScopeTestCase[] = [];
    listOf(this.data.scripts).forEach((script, scriptIndex) => {
      if (!isRecord(script)) return;
      listOf(script.testcases).forEach((testCase, index) => {
        if (!isRecord(testCase) || typeof testCase.id !== 'string') return;
        const path = ['scripts', scriptIndex, 'testcases', index, 'id'];
        testCases.push({ id: testCase.id, script: scriptIndex, path, range: this.locate(path) });
      });
    });
    return testCases;
  }

  #readModules(): ScopeModule[] {
    const modules: ScopeModule[] = [];
    listOf(this.data.modules).forEach((module, index) => {
      if (!isRecord(module) || typeof module.id !== 'string') return;
      const path = ['modules', index];
      const targets: ScopeTarget[] = [];
      if (isRecord(module.targets)) {
        for (const [name, entries] of Object.entries(module.targets)) {
          const testCases: ScopeTargetEntry[] = [];
          listOf(entries).forEach((id, position) => {
            if (typeof id !== 'string') return;
            const entryPath = [...path, 'targets', name, position];
            testCases.push({ id, path: entryPath, range: this.locate(entryPath) });
          });
          targets.push({ name, testCases });
        }
      }
      modules.push({
        id: module.id,
        index,
        path,
        idRange: this.locate([...path, 'id']),
        name: typeof module.name === 'string' ? module.name : undefined,
        url: typeof module.url === 'string' ? module.url : undefined,
        parameters: parameterNames(module.parameters),
        targets,
      });
    });
    return modules;
  }

  #readVersions(): ScopeVersion[] {
    const versions: ScopeVersion[] = [];
    listOf(this.data.versions).forEach((version, index) => {
      if (!isRecord(version) || typeof version.version !== 'string') return;
      const path = ['versions', index];
      const include: ScopeInclude[] = [];
      listOf(version.include).forEach((entry, position) => {
        const entryPath = [...path, 'include', position];
        if (typeof entry === 'string') {
          include.push({ moduleId: entry, index: position, path: entryPath, range: this.locate(entryPath), parameters: undefined });
        } else if (isRecord(entry) && typeof entry.ref === 'string') {
          include.push({
            moduleId: entry.ref,
            index: position,
            path: entryPath,
            range: this.locate([...entryPath, 'ref']),
            parameters: isRecord(entry.parameters) ? entry.parameters : undefined,
          });
        }
      });
      const date = Object.hasOwn(version, SCOPE_VERSION_DATE) ? version[SCOPE_VERSION_DATE] : undefined;
      versions.push({
        name: version.version,
        index,
        path,
        nameRange: this.locate([...path, 'version']),
        stabilizedAt: isIsoDate(date) ? date : undefined,
        stabilizedAtRange: Object.hasOwn(version, SCOPE_VERSION_DATE) ? this.locate([...path, SCOPE_VERSION_DATE]) : undefined,
        include,
      });
    });
    return versions;
  }

  #readTimeline(): ScopeTimelineEntry[] {
    const timeline: ScopeTimelineEntry[] = [];
    listOf(this.data.timeline).forEach((entry, index) => {
      if (!isRecord(entry)) return;
      const path = ['timeline', index];
      const versions: ScopeTimelineValidity[] = [];
      if (isRecord(entry.versions)) {
        for (const [version, validity] of Object.entries(entry.versions)) {
          if (!(VALIDITIES as readonly unknown[]).includes(validity)) continue;
          const entryPath = [...path, 'versions', version];
          versions.push({ version, validity: validity as Validity, keyRange: this.locateKey(entryPath), range: this.locate(entryPath) });
        }
      }
      timeline.push({
        index,
        path,
        date: isIsoDate(entry.date) ? entry.date : undefined,
        dateRange: this.locate([...path, 'date']),
        versions,
      });
    });
    return timeline;
  }
}

/**
 * The standard version a module id names: `scs-0100-v3` for `scs-0100-v3`, `scs-0100-v3.1` or
 * `scs-0104-v1-2-rec`; undefined for ids such as `opc-v2022.11` that name no standard version.
 */
export function standardIdOfModule(moduleId: string): string | undefined {
  return /^(scs-[0-9]{4}-v[1-9][0-9]*)(?=$|[.\-_])/.exec(moduleId)?.[1];
}

function parameterNames(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.filter((name): name is string => typeof name === 'string');
  if (isRecord(value)) return Object.keys(value);
  return undefined;
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function findPair(items: readonly Pair[], key: string | number | undefined): Pair | undefined {
  return items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
}

function nodeAt(root: Node | undefined, path: readonly (string | number)[]): Node | undefined {
  let node: Node | undefined = root;
  for (const segment of path) {
    if (isMap(node)) node = (findPair(node.items as Pair[], segment)?.value as Node | null | undefined) ?? undefined;
    else if (isSeq(node) && typeof segment === 'number') node = (node.items[segment] as Node | undefined) ?? undefined;
    else return undefined;
  }
  return node;
}

interface ParsedScope {
  root: Node | undefined;
  data: Record<string, unknown>;
  usable: boolean;
  problems: ScopeProblem[];
}

function parseScopeYaml(text: string): ParsedScope {
  const whole: Range = { start: 0, end: text.length };
  const unusable = (problem: ScopeProblem): ParsedScope => ({ root: undefined, data: {}, usable: false, problems: [problem] });
  if (text.trim() === '') return unusable({ kind: 'empty', message: 'The scope file is empty: expected keys such as `name`, `modules` and `versions`', range: whole });
  const depth = nestingDepth(text);
  if (depth > SCOPE_LIMITS.maxDepth) {
    return unusable({ kind: 'limit', message: `The scope file nests ${depth} levels deep, over the limit of ${SCOPE_LIMITS.maxDepth}: not parsed`, range: { start: 0, end: 0 } });
  }
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, version: '1.2', schema: 'core', logLevel: 'error' });
  } catch (error) {
    return unusable({ kind: 'syntax', message: `The scope file could not be parsed: ${describeYamlError(error)}`, range: whole });
  }
  const problems: ScopeProblem[] = [];
  // After the first syntax error the parser's further errors mostly restate it: keep the first.
  let syntaxSeen = false;
  for (const error of doc.errors) {
    const duplicate = error.code === 'DUPLICATE_KEY';
    if (!duplicate) {
      if (syntaxSeen) continue;
      syntaxSeen = true;
    }
    // The parser may place an error at the end of the input one character past it.
    const start = Math.min(error.pos[0], text.length);
    const key = duplicate ? keyAt(doc, error.pos[0]) : undefined;
    const end = Math.min(key?.range ? key.range[1] : Math.max(error.pos[1], start), text.length);
    problems.push({
      kind: duplicate ? 'duplicate-key' : 'syntax',
      message: duplicate ? duplicateKeyMessage(key) : `Invalid YAML: ${describeYamlError(error)}`,
      range: { start, end },
    });
  }
  if (problems.some((problem) => problem.kind === 'syntax')) return { root: undefined, data: {}, usable: false, problems };
  const contents = doc.contents;
  if (!isMap(contents)) {
    const range = contents?.range ? { start: contents.range[0], end: contents.range[1] } : whole;
    problems.push({ kind: 'not-mapping', message: `A scope file must be a mapping of keys (\`name: ...\` lines), found ${describeYamlNode(contents)}`, range });
    return { root: undefined, data: {}, usable: false, problems };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: SCOPE_LIMITS.maxAliasCount });
  } catch (error) {
    problems.push({
      kind: 'limit',
      message: `The scope file could not be read: ${describeYamlError(error)} (aliases are limited to ${SCOPE_LIMITS.maxAliasCount} expansions)`,
      range: whole,
    });
    return { root: undefined, data: {}, usable: false, problems };
  }
  return { root: contents, data: isRecord(data) ? data : {}, usable: true, problems };
}

/** The scalar key that starts at an offset, anywhere in the document. */
function keyAt(doc: Document.Parsed, offset: number): Scalar | undefined {
  let found: Scalar | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.range?.[0] === offset) {
        found = pair.key;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function duplicateKeyMessage(key: Scalar | undefined): string {
  return key ? `Duplicate key \`${String(key.value)}\`: a later value silently overrides an earlier one` : 'Duplicate key: a later value silently overrides an earlier one';
}

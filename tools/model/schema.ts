import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { validatorFor } from './validators.js';
import frontMatterSchema from '../../schemas/front-matter.schema.json' with { type: 'json' };

/** A schema violation, with the path it concerns and a message a person understands. */
export interface SchemaViolation {
  message: string;
  /**
   * Path of the offending node (`['replaces', 0]`); for a missing key, the path of the mapping
   * that lacks it; for an unexpected key, the path of that key's value.
   */
  path: (string | number)[];
  /** Whether a key is missing from the mapping at `path`. */
  missing: boolean;
  /** The key that is missing, when `missing`. */
  missingKey?: string;
  /** Whether the finding is about the key at the end of `path` rather than its value. */
  key: boolean;
}

type SchemaObject = Record<string, unknown>;

/** Keywords whose errors are about keys of a mapping rather than a value. */
const KEY_KEYWORDS = new Set(['required', 'additionalProperties', 'false schema']);

/**
 * Validates data against a JSON Schema (2020-12) and explains each violation with the schema's
 * `errorMessage` annotations:
 * - a text `errorMessage` explains the errors of the schema it is written on, and of the schemas
 *   nested in it that have none of their own;
 * - an `errorMessage` mapping on an object schema explains its missing, forbidden and unexpected
 *   keys, keyed by the key's name.
 * Messages may use `{field}` (the key concerned), `{value}` (the value found), `{allowed}` (the
 * keys an object schema allows) and `{type}`/`{status}` (those top-level values of the data).
 * The schema is compiled on first use.
 */
export class SchemaChecker {
  readonly #schema: SchemaObject;
  #validate: ValidateFunction | undefined;
  #parents: WeakMap<object, SchemaObject> | undefined;

  constructor(schema: SchemaObject & { $id: string }) {
    this.#schema = schema;
  }

  validate(data: unknown): SchemaViolation[] {
    this.#validate ??= validatorFor(this.#schema as SchemaObject & { $id: string });
    if (this.#validate(data)) return [];
    const violations: SchemaViolation[] = [];
    const seen = new Set<string>();
    const valueErrorAt = new Set<string>();
    for (const error of this.#validate.errors ?? []) {
      if (error.keyword === 'if') continue;
      // Alternatives (`type: [string, object]` with if/then/else) report one value twice: keep the outer error.
      if (!KEY_KEYWORDS.has(error.keyword)) {
        if (valueErrorAt.has(error.instancePath)) continue;
        valueErrorAt.add(error.instancePath);
      }
      const violation = this.#toViolation(error, data);
      const id = `${violation.path.join('/')}\u0000${violation.message}`;
      if (seen.has(id)) continue;
      seen.add(id);
      violations.push(violation);
    }
    return violations;
  }

  #toViolation(error: ErrorObject, data: unknown): SchemaViolation {
    const path = parsePointer(error.instancePath);
    const params = error.params as { missingProperty?: string; additionalProperty?: string };
    let field = lastName(path);
    let missing = false;
    let key = false;
    let target = path;
    if (error.keyword === 'required') {
      field = params.missingProperty ?? '';
      missing = true;
    } else if (error.keyword === 'additionalProperties' && params.additionalProperty !== undefined) {
      field = params.additionalProperty;
      target = [...path, field];
      key = true;
    } else if (error.keyword === 'false schema') {
      key = true;
    }
    const holder = this.#holder(error);
    const template = this.#findMessage(error, holder, field) ?? defaultMessage(error, field);
    const value = missing ? undefined : valueAt(data, target);
    const root = isObject(data) ? data : {};
    const allowed = holder && isObject(holder.properties) ? Object.keys(holder.properties).join(', ') : '';
    const message = template
      .replaceAll('{field}', field)
      .replaceAll('{value}', describeValue(value))
      .replaceAll('{allowed}', allowed)
      .replaceAll('{type}', String(root.type ?? ''))
      .replaceAll('{status}', String(root.status ?? ''));
    return missing ? { message, path: target, missing, key, missingKey: field } : { message, path: target, missing, key };
  }

  /** The schema object that holds the failing keyword (for `false`, the object whose `properties` holds it). */
  #holder(error: ErrorObject): SchemaObject | undefined {
    // A validator compiled here reports the failing schema itself (`verbose`), which is found by
    // identity. A validator compiled ahead of time holds copies; its (root-relative) schema path
    // leads to the same place. For `false`, the holder is the object above `properties`.
    this.#parents ??= parentIndex(this.#schema);
    const parent = error.parentSchema;
    if (isObject(parent) && (parent === this.#schema || this.#parents.has(parent))) return parent;
    const segments = parsePointer(error.schemaPath.replace(/^#/, ''));
    const upTo = error.keyword === 'false schema' ? segments.length - 3 : segments.length - 1;
    let node: unknown = this.#schema;
    for (const segment of segments.slice(0, Math.max(upTo, 0))) {
      node = isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[String(segment)] : undefined;
    }
    return isObject(node) ? node : undefined;
  }

  #findMessage(error: ErrorObject, holder: SchemaObject | undefined, field: string): string | undefined {
    if (!holder) return undefined;
    if (KEY_KEYWORDS.has(error.keyword)) {
      const messages = holder.errorMessage;
      if (isObject(messages) && typeof messages[field] === 'string') return messages[field];
      return undefined;
    }
    this.#parents ??= parentIndex(this.#schema);
    for (let node: SchemaObject | undefined = holder; node; node = this.#parents.get(node)) {
      if (typeof node.errorMessage === 'string') return node.errorMessage;
    }
    return undefined;
  }
}

/** Maps every object of a schema to the nearest object that contains it. */
function parentIndex(schema: SchemaObject): WeakMap<object, SchemaObject> {
  const parents = new WeakMap<object, SchemaObject>();
  const visit = (node: unknown, parent: SchemaObject | undefined): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item, parent);
    } else if (isObject(node)) {
      if (parent) parents.set(node, parent);
      for (const value of Object.values(node)) visit(value, node);
    }
  };
  visit(schema, undefined);
  return parents;
}

/** The `$id` of the default front matter schema, whose validator the bundle holds compiled. */
export const FRONT_MATTER_SCHEMA_ID: string = frontMatterSchema.$id;

const frontMatterChecker = new SchemaChecker(frontMatterSchema);

export function validateFrontMatter(data: Record<string, unknown>): SchemaViolation[] {
  return frontMatterChecker.validate(data);
}

function defaultMessage(error: ErrorObject, field: string): string {
  switch (error.keyword) {
    case 'required':
      return 'Missing required field `{field}`';
    case 'false schema':
      return 'Unexpected field `{field}` here';
    case 'additionalProperties':
      return 'Unexpected key `{field}` here, expected one of {allowed}';
    case 'enum':
      return `Unexpected \`{field}\` {value}, expected one of ${((error.params as { allowedValues?: unknown[] }).allowedValues ?? []).join(', ')}`;
    default:
      return field ? `Invalid \`${field}\`: {value} ${error.message ?? ''}`.trim() : `Invalid value: ${error.message ?? ''}`;
  }
}

function parsePointer(pointer: string): (string | number)[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((segment) => (/^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment));
}

function lastName(path: (string | number)[]): string {
  for (let index = path.length - 1; index >= 0; index--) {
    const segment = path[index];
    if (typeof segment === 'string') return segment;
  }
  return '';
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  let node = data;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

function isObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Renders a found value for a message: `text`, a number 3, a list, nothing. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return value === '' ? 'an empty text' : `\`${truncate(value)}\``;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `\`${String(value)}\``;
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  return 'a mapping';
}

function truncate(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine;
}
